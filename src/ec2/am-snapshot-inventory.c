/* am-snapshot-inventory.c: the account's snapshots, the images that use them, and the Recycle Bin
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-snapshot-inventory"

#include "config.h"

#include "am-snapshot-inventory.h"

#include "am-owned-images.h"

struct _AmSnapshotInventory
{
  GObject parent_instance;

  GPtrArray  *snapshots;  /* AmSnapshot, newest first */
  GPtrArray  *recycled;   /* AmSnapshot in the Recycle Bin */
  GPtrArray  *images;     /* AmImage, owned, registered */
  GHashTable *users;      /* snapshot id → GPtrArray of AmImage (borrowed from images) */
};

G_DEFINE_FINAL_TYPE (AmSnapshotInventory, am_snapshot_inventory, G_TYPE_OBJECT)

typedef struct
{
  AmEc2Client *client;
  GPtrArray   *snapshots;
  GPtrArray   *recycled;
  GPtrArray   *images;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->client);
  g_clear_pointer (&load->snapshots, g_ptr_array_unref);
  g_clear_pointer (&load->recycled, g_ptr_array_unref);
  g_clear_pointer (&load->images, g_ptr_array_unref);
  g_free (load);
}

static void
am_snapshot_inventory_finalize (GObject *object)
{
  AmSnapshotInventory *self = AM_SNAPSHOT_INVENTORY (object);

  g_clear_pointer (&self->snapshots, g_ptr_array_unref);
  g_clear_pointer (&self->recycled, g_ptr_array_unref);
  g_clear_pointer (&self->images, g_ptr_array_unref);
  g_clear_pointer (&self->users, g_hash_table_unref);

  G_OBJECT_CLASS (am_snapshot_inventory_parent_class)->finalize (object);
}

static void
am_snapshot_inventory_class_init (AmSnapshotInventoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = am_snapshot_inventory_finalize;
}

static void
am_snapshot_inventory_init (AmSnapshotInventory *self)
{
  self->snapshots = g_ptr_array_new_with_free_func (g_object_unref);
  self->recycled = g_ptr_array_new_with_free_func (g_object_unref);
  self->images = g_ptr_array_new_with_free_func (g_object_unref);
  self->users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
}

AmSnapshotInventory *
am_snapshot_inventory_new (void)
{
  return g_object_new (AM_TYPE_SNAPSHOT_INVENTORY, NULL);
}

/* A failure names the request that failed (the view's error state shows it). */
static void
fail (GTask      *task,
      const char *operation,
      GError     *error)
{
  g_object_set_data (G_OBJECT (task), "operation", (gpointer) operation);
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
recycled_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  LoadData *load = g_task_get_task_data (task);
  GError *error = NULL;

  load->recycled = am_ec2_client_list_snapshots_in_recycle_bin_finish (load->client, result, &error);
  if (load->recycled == NULL)
    return fail (task, "ListSnapshotsInRecycleBin", error);
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
owned_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  LoadData *load = g_task_get_task_data (task);
  const char *operation = NULL;
  GError *error = NULL;

  if (!am_owned_images_load_finish (load->client, result, &load->images, &load->snapshots, &operation, &error))
    return fail (task, operation, error);
  am_ec2_client_list_snapshots_in_recycle_bin_async (load->client, NULL, g_task_get_cancellable (task),
                                                     recycled_cb, task);
}

void
am_snapshot_inventory_load_async (AmSnapshotInventory *self,
                                  AmEc2Client         *client,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  LoadData *load;

  g_return_if_fail (AM_IS_SNAPSHOT_INVENTORY (self));
  g_return_if_fail (AM_IS_EC2_CLIENT (client));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_snapshot_inventory_load_async);
  load = g_new0 (LoadData, 1);
  load->client = g_object_ref (client);
  g_task_set_task_data (task, load, load_data_free);
  /* Disabled and deprecated images still hold their snapshots: they are users too. */
  am_owned_images_load_async (client, TRUE, cancellable, owned_cb, task);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  AmSnapshot *sa = *(AmSnapshot **) a;
  AmSnapshot *sb = *(AmSnapshot **) b;
  int c = g_strcmp0 (am_snapshot_get_start_time (sb), am_snapshot_get_start_time (sa));

  return c != 0 ? c : g_strcmp0 (am_snapshot_get_snapshot_id (sa), am_snapshot_get_snapshot_id (sb));
}

static int
compare_image_ids (gconstpointer a,
                   gconstpointer b)
{
  return g_strcmp0 (am_image_get_image_id (*(AmImage **) a), am_image_get_image_id (*(AmImage **) b));
}

gboolean
am_snapshot_inventory_load_finish (AmSnapshotInventory  *self,
                                   GAsyncResult         *result,
                                   const char          **operation,
                                   GError              **error)
{
  LoadData *load;

  g_return_val_if_fail (AM_IS_SNAPSHOT_INVENTORY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_snapshot_inventory_load_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    {
      if (operation != NULL)
        *operation = g_object_get_data (G_OBJECT (result), "operation");
      return FALSE;
    }
  load = g_task_get_task_data (G_TASK (result));
  g_ptr_array_sort (load->snapshots, compare_newest_first);
  g_ptr_array_sort (load->images, compare_image_ids);
  g_ptr_array_unref (self->snapshots);
  self->snapshots = g_steal_pointer (&load->snapshots);
  g_ptr_array_unref (self->recycled);
  self->recycled = g_steal_pointer (&load->recycled);
  g_ptr_array_unref (self->images);
  self->images = g_steal_pointer (&load->images);
  g_hash_table_remove_all (self->users);
  for (guint i = 0; i < self->images->len; i++)
    {
      AmImage *image = self->images->pdata[i];
      AmBlockDeviceMapping * const *bdm = am_image_get_block_device_mappings (image);

      for (guint j = 0; bdm[j] != NULL; j++)
        {
          const char *snapshot_id = am_block_device_mapping_get_snapshot_id (bdm[j]);
          GPtrArray *users;

          if (snapshot_id == NULL)
            continue;
          users = g_hash_table_lookup (self->users, snapshot_id);
          if (users == NULL)
            {
              users = g_ptr_array_new ();
              g_hash_table_insert (self->users, g_strdup (snapshot_id), users);
            }
          if (users->len == 0 || users->pdata[users->len - 1] != image)
            g_ptr_array_add (users, image);
        }
    }
  return TRUE;
}

GPtrArray *
am_snapshot_inventory_get_snapshots (AmSnapshotInventory *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT_INVENTORY (self), NULL);

  return self->snapshots;
}

GPtrArray *
am_snapshot_inventory_get_images (AmSnapshotInventory *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT_INVENTORY (self), NULL);

  return self->images;
}

GPtrArray *
am_snapshot_inventory_get_recycled (AmSnapshotInventory *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT_INVENTORY (self), NULL);

  return self->recycled;
}

AmImage *
am_snapshot_inventory_get_user (AmSnapshotInventory *self,
                                const char          *snapshot_id)
{
  GPtrArray *users;

  g_return_val_if_fail (AM_IS_SNAPSHOT_INVENTORY (self), NULL);
  g_return_val_if_fail (snapshot_id != NULL, NULL);

  users = g_hash_table_lookup (self->users, snapshot_id);
  return users != NULL && users->len > 0 ? users->pdata[0] : NULL;
}

guint
am_snapshot_inventory_count_users (AmSnapshotInventory *self,
                                   const char          *snapshot_id)
{
  GPtrArray *users;

  g_return_val_if_fail (AM_IS_SNAPSHOT_INVENTORY (self), 0);
  g_return_val_if_fail (snapshot_id != NULL, 0);

  users = g_hash_table_lookup (self->users, snapshot_id);
  return users != NULL ? users->len : 0;
}

guint
am_snapshot_inventory_get_observed_retention_days (AmSnapshotInventory *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT_INVENTORY (self), 0);

  for (guint i = 0; i < self->recycled->len; i++)
    {
      AmSnapshot *sn = self->recycled->pdata[i];
      g_autoptr (GDateTime) enter = NULL;
      g_autoptr (GDateTime) exit = NULL;

      if (am_snapshot_get_recycle_bin_enter_time (sn) == NULL || am_snapshot_get_recycle_bin_exit_time (sn) == NULL)
        continue;
      enter = g_date_time_new_from_iso8601 (am_snapshot_get_recycle_bin_enter_time (sn), NULL);
      exit = g_date_time_new_from_iso8601 (am_snapshot_get_recycle_bin_exit_time (sn), NULL);
      if (enter != NULL && exit != NULL)
        return (guint) ((g_date_time_difference (exit, enter) + G_TIME_SPAN_HOUR) / G_TIME_SPAN_DAY);
    }
  return 0;
}
