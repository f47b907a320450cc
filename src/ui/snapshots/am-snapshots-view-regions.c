/* am-snapshots-view-regions.c: the Snapshots view's All Regions listing: every enabled Region's
 * owned snapshots in one list, each judged an orphan against the images of its own Region
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-snapshots-view"

#include "config.h"

#include <glib/gi18n.h>

#include "am-regions-banner.h"
#include "am-snapshots-view-private.h"

static gboolean
listing_all_regions (AmSnapshotsView *self)
{
  return self->all_regions && self->fanout != NULL;
}

AmSnapshotInventory *
_am_snapshots_view_inventory_of (AmSnapshotsView *self,
                                 AmSnapshot      *snapshot)
{
  GObject *data;

  if (!listing_all_regions (self))
    return self->inventory;
  data = am_region_fanout_get_region_data (self->fanout, am_snapshot_get_region (snapshot));
  return data != NULL ? AM_SNAPSHOT_INVENTORY (data) : NULL;
}

GPtrArray *
_am_snapshots_view_dup_inventories (AmSnapshotsView *self)
{
  GPtrArray *inventories = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto (GStrv) regions = NULL;

  if (!listing_all_regions (self))
    {
      g_ptr_array_add (inventories, g_object_ref (self->inventory));
      return inventories;
    }
  regions = am_region_fanout_dup_regions (self->fanout);
  for (guint i = 0; regions[i] != NULL; i++)
    {
      GObject *inventory = am_region_fanout_get_region_data (self->fanout, regions[i]);

      if (inventory != NULL)
        g_ptr_array_add (inventories, g_object_ref (inventory));
    }
  return inventories;
}

GPtrArray *
_am_snapshots_view_dup_items (AmSnapshotsView *self,
                              gboolean         bin)
{
  g_autoptr (GPtrArray) inventories = NULL;
  GPtrArray *items;

  if (!listing_all_regions (self))
    return g_ptr_array_ref (bin ? am_snapshot_inventory_get_recycled (self->inventory)
                                : am_snapshot_inventory_get_snapshots (self->inventory));

  /* Region by Region, in the fanout's order: the merged list, or each Region's Recycle Bin. */
  inventories = _am_snapshots_view_dup_inventories (self);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < inventories->len; i++)
    {
      GPtrArray *some = bin ? am_snapshot_inventory_get_recycled (inventories->pdata[i])
                            : am_snapshot_inventory_get_snapshots (inventories->pdata[i]);

      for (guint j = 0; j < some->len; j++)
        g_ptr_array_add (items, g_object_ref (some->pdata[j]));
    }
  return items;
}

AmEc2Client *
_am_snapshots_view_client_for (AmSnapshotsView *self,
                               GPtrArray       *snapshots)
{
  const char *region;

  if (!listing_all_regions (self) || snapshots->len == 0)
    return _am_snapshots_view_client_of (self);
  region = am_snapshot_get_region (snapshots->pdata[0]);
  for (guint i = 1; i < snapshots->len; i++)
    if (g_strcmp0 (am_snapshot_get_region (snapshots->pdata[i]), region) != 0)
      return NULL;
  return am_region_fanout_get_client (self->fanout, region);
}

/* A Region answered: its snapshots join the list, judged by its own images. */
static void
region_changed_cb (AmSnapshotsView *self,
                   const char      *region)
{
  if (am_region_fanout_get_region_state (self->fanout, region) != AM_REGION_JOB_DONE)
    return;
  self->loaded = TRUE;
  _am_snapshots_view_fill (self);
}

static void
loading_changed_cb (AmSnapshotsView *self)
{
  const GError *error;

  if (am_region_fanout_get_loading (self->fanout))
    return;
  self->loading = FALSE;
  error = am_region_fanout_get_error (self->fanout);
  if (error != NULL && !self->loaded)
    {
      _am_snapshots_view_show_error (self, _("Could Not List the Regions"), error, "DescribeRegions");
      return;
    }
  /* Every Region failed: an empty list, and the banner says why for each. */
  self->loaded = TRUE;
  _am_snapshots_view_fill (self);
}

void
_am_snapshots_view_load_all_regions (AmSnapshotsView *self)
{
  if (self->fanout == NULL)
    {
      self->fanout = am_region_fanout_new_for_owned_snapshots (_am_snapshots_view_client_of (self));
      g_signal_connect_object (self->fanout, "region-changed", G_CALLBACK (region_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->fanout, "notify::loading", G_CALLBACK (loading_changed_cb), self, G_CONNECT_SWAPPED);
    }
  am_regions_banner_show (&self->regions_banner, AM_REGIONS_BANNER_SNAPSHOTS,
                          gtk_widget_get_parent (GTK_WIDGET (self->stack)), GTK_WIDGET (self->stack), self->fanout);

  /* The single Region's listing, if one is in flight, is not wanted any more. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->loading = TRUE;
  if (!self->loaded)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  _am_snapshots_view_update_actions (self);
  am_region_fanout_start (self->fanout);
}

void
_am_snapshots_view_clear_all_regions (AmSnapshotsView *self)
{
  am_regions_banner_release (self->regions_banner, &self->fanout, self);
}

void
_am_snapshots_view_all_regions_toggled (AmSnapshotsView *self,
                                        GtkToggleButton *button)
{
  gboolean active = gtk_toggle_button_get_active (button);

  if (active == self->all_regions)
    return;
  self->all_regions = active;
  gtk_column_view_column_set_visible (self->region_column, active);
  /* One listing or the other: the rows of the last one go. */
  self->loaded = FALSE;
  self->loading = FALSE;
  g_list_store_remove_all (self->store);
  _am_snapshots_view_clear_all_regions (self);
  am_snapshots_view_reload (self);
}

void
am_snapshots_view_set_all_regions (AmSnapshotsView *self,
                                   gboolean         all_regions)
{
  g_return_if_fail (AM_IS_SNAPSHOTS_VIEW (self));
  gtk_toggle_button_set_active (self->all_regions_toggle, all_regions);
}

AmRegionFanout *
am_snapshots_view_get_fanout (AmSnapshotsView *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOTS_VIEW (self), NULL);
  return self->fanout;
}

GtkWidget *
am_snapshots_view_get_regions_banner (AmSnapshotsView *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOTS_VIEW (self), NULL);
  return self->regions_banner;
}

gboolean
am_snapshots_view_is_orphan (AmSnapshotsView *self,
                             const char      *region,
                             const char      *snapshot_id)
{
  GListModel *store;

  g_return_val_if_fail (AM_IS_SNAPSHOTS_VIEW (self), FALSE);

  store = G_LIST_MODEL (self->store);
  for (guint i = 0; i < g_list_model_get_n_items (store); i++)
    {
      g_autoptr (AmSnapshot) snapshot = g_list_model_get_item (store, i);

      if (g_strcmp0 (am_snapshot_get_snapshot_id (snapshot), snapshot_id) == 0
          && (region == NULL || g_strcmp0 (am_snapshot_get_region (snapshot), region) == 0))
        return _am_snapshots_view_is_orphan (self, snapshot);
    }
  return FALSE;
}
