/* am-images-view-regions.c: the Images view's All Regions scope: the owned images of every
 * enabled Region in one list, with a Region column and a line per Region that failed
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-images-view"

#include "config.h"

#include <glib/gi18n.h>

#include "am-images-view-private.h"
#include "am-region-fanout.h"
#include "am-regions-banner.h"
#include "am-session.h"

/* --- the Regions banner ------------------------------------------------------------------ */

static void
update_regions_banner (AmImagesView *self)
{
  if (self->regions_banner == NULL)
    return;
  am_regions_banner_set_fanout (AM_REGIONS_BANNER (self->regions_banner),
                                self->scope == AM_IMAGES_SCOPE_ALL_REGIONS ? self->fanout : NULL);
}

static void
ensure_regions_banner (AmImagesView *self)
{
  GtkWidget *parent;

  if (self->regions_banner != NULL)
    return;
  parent = gtk_widget_get_parent (GTK_WIDGET (self->banner_revealer));
  self->regions_banner = am_regions_banner_new (AM_REGIONS_BANNER_IMAGES);
  gtk_widget_insert_after (self->regions_banner, parent, GTK_WIDGET (self->banner_revealer));
}

/* --- the fanout ---------------------------------------------------------------------------- */

static void
fanout_changed_cb (AmImagesView *self)
{
  if (self->scope != AM_IMAGES_SCOPE_ALL_REGIONS)
    return;
  _am_images_view_update_loading (self);
}

static void
set_region_column_visible (AmImagesView *self,
                           gboolean      visible)
{
  GtkColumnViewColumn *column = am_column_chooser_get_column (self->column_chooser, AM_IMAGE_COLUMN_REGION);
  gboolean in_view = gtk_column_view_column_get_column_view (column) == self->column_view;

  /* Not a choice kept in the settings: the scope shows it, beside the name, where it tells
   * two copies of one image apart. */
  if (visible && !in_view)
    gtk_column_view_insert_column (self->column_view, 1, column);
  else if (!visible && in_view)
    gtk_column_view_remove_column (self->column_view, column);
  gtk_column_view_column_set_visible (column, visible);
}

void
_am_images_view_show_all_regions (AmImagesView *self,
                                  gboolean      fetch)
{
  ensure_regions_banner (self);
  set_region_column_visible (self, TRUE);

  if (self->fanout == NULL)
    {
      self->fanout = am_region_fanout_new_for_owned_images (self->client);
      g_signal_connect_object (self->fanout, "region-changed", G_CALLBACK (fanout_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->fanout, "notify::loading", G_CALLBACK (fanout_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->fanout, "notify::error", G_CALLBACK (fanout_changed_cb), self, G_CONNECT_SWAPPED);
      fetch = TRUE;
    }
  /* Back in the scope after a cancel: what was cut short is asked again. */
  else if (!fetch && !am_region_fanout_get_loading (self->fanout))
    am_region_fanout_retry (self->fanout, NULL);

  _am_images_view_set_source_model (self, am_region_fanout_get_items (self->fanout),
                                    fetch || am_region_fanout_get_loading (self->fanout));
  if (fetch)
    am_region_fanout_start (self->fanout);
  update_regions_banner (self);
  _am_images_view_update_loading (self);
}

void
_am_images_view_leave_all_regions (AmImagesView *self)
{
  if (self->scope == AM_IMAGES_SCOPE_ALL_REGIONS)
    return;
  if (self->fanout != NULL && am_region_fanout_get_loading (self->fanout))
    am_region_fanout_cancel (self->fanout);
  if (self->column_chooser != NULL)
    set_region_column_visible (self, FALSE);
  update_regions_banner (self);
}

void
_am_images_view_clear_all_regions (AmImagesView *self)
{
  if (self->fanout == NULL)
    return;
  am_region_fanout_cancel (self->fanout);
  g_signal_handlers_disconnect_by_data (self->fanout, self);
  g_clear_object (&self->fanout);
  update_regions_banner (self);
}

gboolean
_am_images_view_all_regions_loading (AmImagesView *self)
{
  return self->fanout != NULL && am_region_fanout_get_loading (self->fanout);
}

guint
_am_images_view_all_regions_n_loaded (AmImagesView *self)
{
  return self->fanout != NULL ? g_list_model_get_n_items (am_region_fanout_get_items (self->fanout)) : 0;
}

const GError *
_am_images_view_all_regions_error (AmImagesView *self)
{
  return self->fanout != NULL ? am_region_fanout_get_error (self->fanout) : NULL;
}

AmEc2Client *
_am_images_view_client_for_image (AmImagesView *self,
                                  AmImage      *image)
{
  const char *region = image != NULL ? am_image_get_region (image) : NULL;
  AmEc2Client *client;

  if (region == NULL || self->fanout == NULL)
    return self->client;
  client = am_region_fanout_get_client (self->fanout, region);
  return client != NULL ? client : self->client;
}

gboolean
_am_images_view_selection_is_local (AmImagesView *self)
{
  g_autoptr (GPtrArray) images = NULL;
  const char *here;

  if (self->scope != AM_IMAGES_SCOPE_ALL_REGIONS)
    return TRUE;
  here = self->client != NULL ? am_ec2_client_get_region (self->client) : NULL;
  images = _am_images_view_get_selected_images (self);
  for (guint i = 0; i < images->len; i++)
    if (g_strcmp0 (am_image_get_region (g_ptr_array_index (images, i)), here) != 0)
      return FALSE;
  return TRUE;
}

AmRegionFanout *
_am_images_view_get_fanout (AmImagesView *self)
{
  return self->fanout;
}

GtkWidget *
_am_images_view_get_regions_banner (AmImagesView *self)
{
  return self->regions_banner;
}
