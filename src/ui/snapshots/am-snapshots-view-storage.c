/* am-snapshots-view-storage.c: the Snapshots view's storage totals: the listed snapshots, and
 * the snapshots of the owned images with each counted once
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-snapshots-view"

#include "config.h"

#include <glib/gi18n.h>

#include "am-image-storage.h"
#include "am-snapshots-view-private.h"
#include "am-storage-cost.h"

/* The view's settings (the rates), made on first use and kept with it; a rate change in
 * Preferences redraws the totals. */
static GSettings *
storage_settings (AmSnapshotsView *self)
{
  GSettings *settings = g_object_get_data (G_OBJECT (self), "am-storage-settings");

  if (settings != NULL)
    return settings;
  settings = g_settings_new (APP_ID);
  g_signal_connect_object (settings, "changed::snapshot-rate-standard",
                           G_CALLBACK (_am_snapshots_view_update_storage), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::snapshot-rate-archive",
                           G_CALLBACK (_am_snapshots_view_update_storage), self, G_CONNECT_SWAPPED);
  g_object_set_data_full (G_OBJECT (self), "am-storage-settings", settings, g_object_unref);
  if (gtk_widget_get_last_child (GTK_WIDGET (self->storage_box)) == GTK_WIDGET (self->storage_label))
    gtk_box_append (self->storage_box, am_storage_cost_new_explanation_button ());
  return settings;
}

void
_am_snapshots_view_update_storage (AmSnapshotsView *self)
{
  GSettings *settings = storage_settings (self);
  GListModel *listed = G_LIST_MODEL (self->filtered);
  /* One inventory, or in All Regions each Region's (an image uses its own Region's snapshots). */
  g_autoptr (GPtrArray) inventories = _am_snapshots_view_dup_inventories (self);
  g_autoptr (AmStorageCost) shown = am_storage_cost_new ();
  g_autoptr (AmStorageCost) owned = am_storage_cost_new ();
  guint n_images = 0;
  g_autofree char *shown_text = NULL;
  g_autofree char *owned_text = NULL;
  g_autofree char *text = NULL;
  guint n = g_list_model_get_n_items (listed);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AmSnapshot) snapshot = g_list_model_get_item (listed, i);

      am_storage_cost_add_snapshot (shown, snapshot);
    }
  for (guint r = 0; r < inventories->len; r++)
    {
      GPtrArray *images = am_snapshot_inventory_get_images (inventories->pdata[r]);
      g_autoptr (GHashTable) known = am_storage_cost_index_snapshots (am_snapshot_inventory_get_snapshots (inventories->pdata[r]));

      for (guint i = 0; i < images->len; i++)
        am_storage_cost_add_image (owned, g_ptr_array_index (images, i), known);
      n_images += images->len;
    }

  shown_text = am_storage_cost_format (shown, settings);
  owned_text = am_storage_cost_format (owned, settings);
  if (_am_snapshots_view_showing_bin (self))
    /* Translators: %s is e.g. "up to 16 GB, about 0.80 USD a month" */
    text = g_strdup_printf (_("In the Recycle Bin: %s."), shown_text);
  else
    text = g_strdup_printf (gtk_check_button_get_active (self->orphans_check)
                            /* Translators: each %s is e.g. "up to 16 GB, about 0.80 USD a month" */
                            ? g_dngettext (GETTEXT_PACKAGE, "%u orphan listed, %s. The %u owned images' snapshots, each counted once: %s.",
                                           "%u orphans listed, %s. The %u owned images' snapshots, each counted once: %s.", n)
                            : g_dngettext (GETTEXT_PACKAGE, "%u snapshot listed, %s. The %u owned images' snapshots, each counted once: %s.",
                                           "%u snapshots listed, %s. The %u owned images' snapshots, each counted once: %s.", n),
                            n, shown_text, n_images, owned_text);
  gtk_label_set_text (self->storage_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->storage_box), TRUE);
}
