/* am-images-view-storage.c: what the listed owned images' snapshots cost, under the Images list
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-images-view"

#include "config.h"

#include <glib/gi18n.h>

#include "am-image-storage.h"
#include "am-images-view-private.h"
#include "am-storage-cost.h"

/*
 * In Owned by Me, the line under the list adds the size and monthly cost of the listed images'
 * snapshots, each counted once. The sizes come from the images' block device mappings; the
 * tiers (and the sizes of snapshots DescribeSnapshots lists) from one DescribeSnapshots
 * Owner=self per client, asked the first time the line is drawn for it.
 */

typedef struct
{
  AmEc2Client  *client;      /* whom @known was asked of */
  GHashTable   *known;       /* snapshot id → AmSnapshot, NULL until answered */
  GCancellable *cancellable;
  gboolean      connected;   /* to the rates in the settings */
} StorageState;

static void
storage_state_free (gpointer data)
{
  StorageState *state = data;

  g_cancellable_cancel (state->cancellable);
  g_clear_object (&state->cancellable);
  g_clear_object (&state->client);
  g_clear_pointer (&state->known, g_hash_table_unref);
  g_free (state);
}

static void
snapshots_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (AmImagesView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) snapshots = NULL;
  StorageState *state;

  snapshots = am_ec2_client_describe_snapshots_finish (AM_EC2_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  state = g_object_get_data (G_OBJECT (self), "am-storage-state");
  if (state == NULL || state->client != AM_EC2_CLIENT (object))
    return;
  /* Without the answer the mappings' sizes stand (all in the standard tier). */
  if (snapshots == NULL)
    {
      g_debug ("Could not list the snapshots for the storage total: %s", error->message);
      snapshots = g_ptr_array_new ();
    }
  state->known = am_storage_cost_index_snapshots (snapshots);
  _am_images_view_update_state (self);
}

static StorageState *
storage_state (AmImagesView *self)
{
  StorageState *state = g_object_get_data (G_OBJECT (self), "am-storage-state");
  const char *owner[] = { "self", NULL };

  if (state == NULL)
    {
      state = g_new0 (StorageState, 1);
      g_object_set_data_full (G_OBJECT (self), "am-storage-state", state, storage_state_free);
    }
  if (!state->connected)
    {
      state->connected = TRUE;
      g_signal_connect_object (self->settings, "changed::snapshot-rate-standard",
                               G_CALLBACK (_am_images_view_update_state), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::snapshot-rate-archive",
                               G_CALLBACK (_am_images_view_update_state), self, G_CONNECT_SWAPPED);
    }
  if (state->client != self->client)
    {
      g_cancellable_cancel (state->cancellable);
      g_clear_object (&state->cancellable);
      g_clear_pointer (&state->known, g_hash_table_unref);
      g_set_object (&state->client, self->client);
      state->cancellable = g_cancellable_new ();
      am_ec2_client_describe_snapshots_async (self->client, NULL, owner, NULL, state->cancellable, snapshots_cb,
                                              g_object_ref (self));
    }
  return state;
}

char *
_am_images_view_storage_text (AmImagesView *self)
{
  g_autoptr (AmStorageCost) cost = NULL;
  g_autofree char *total = NULL;
  StorageState *state;
  guint n;

  if (self->scope != AM_IMAGES_SCOPE_OWNED || self->client == NULL || self->outside_image != NULL)
    return NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  if (n == 0)
    return NULL;
  state = storage_state (self);
  cost = am_storage_cost_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (G_LIST_MODEL (self->list), i);

      am_storage_cost_add_image (cost, image, state->known);
    }
  total = am_storage_cost_format (cost, self->settings);
  /* Translators: %s is e.g. "up to 16 GB, about 0.80 USD a month" */
  return g_strdup_printf (_("their snapshots, each counted once: %s"), total);
}
