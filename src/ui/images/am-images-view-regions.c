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
#include "am-session.h"

/* --- the Regions banner ------------------------------------------------------------------ */

static void
retry_clicked_cb (GtkButton    *button,
                  AmImagesView *self)
{
  const char *region = g_object_get_data (G_OBJECT (button), "am-region");

  if (self->fanout != NULL)
    am_region_fanout_retry (self->fanout, region);
}

/* "us-east-1 2 · us-west-2 asking…": how far each Region is. */
static char *
summarize_regions (AmImagesView *self,
                   char        **regions)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; regions[i] != NULL; i++)
    {
      AmRegionJobState state = am_region_fanout_get_region_state (self->fanout, regions[i]);

      if (text->len > 0)
        g_string_append (text, " · ");
      switch (state)
        {
        case AM_REGION_JOB_DONE:
          {
            guint n = am_region_fanout_get_region_n_items (self->fanout, regions[i]);

            /* Translators: a Region and how many images it lists, e.g. "us-east-1: 2 images" */
            g_string_append_printf (text, ngettext ("%s: %u image", "%s: %u images", n), regions[i], n);
          }
          break;
        case AM_REGION_JOB_FAILED:
          /* Translators: a Region whose listing failed (the reason follows on its own line) */
          g_string_append_printf (text, _("%s: failed"), regions[i]);
          break;
        case AM_REGION_JOB_WAITING:
          g_string_append_printf (text, _("%s: waiting"), regions[i]);
          break;
        case AM_REGION_JOB_RUNNING:
        default:
          g_string_append_printf (text, _("%s: asking…"), regions[i]);
          break;
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
failed_region_row (AmImagesView *self,
                   const char   *region)
{
  const GError *error = am_region_fanout_get_region_error (self->fanout, region);
  g_autofree char *reason = am_region_fanout_describe_error (self->fanout, error);
  /* Translators: "eu-west-3: could not connect. The other Regions are listed." */
  g_autofree char *text = g_strdup_printf (_("%s: %s. The other Regions are listed."), region, reason);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *details = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *message = gtk_label_new (error->message);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Retry"));

  gtk_widget_add_css_class (row, "am-region-failure");
  gtk_widget_add_css_class (row, "error");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (row), label);

  /* The full chain one click away. */
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (message), 60);
  gtk_label_set_selectable (GTK_LABEL (message), TRUE);
  gtk_popover_set_child (GTK_POPOVER (popover), message);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (details), _("Details"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (details), popover);
  gtk_widget_set_valign (details, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), details);

  g_object_set_data_full (G_OBJECT (button), "am-region", g_strdup (region), g_free);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (retry_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), button);
  return row;
}

static void
update_regions_banner (AmImagesView *self)
{
  g_auto (GStrv) regions = NULL;
  GtkWidget *child;

  if (self->regions_banner == NULL)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->regions_banner))) != NULL)
    gtk_box_remove (self->regions_banner, child);

  if (self->fanout == NULL || self->scope != AM_IMAGES_SCOPE_ALL_REGIONS)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->regions_banner), FALSE);
      return;
    }

  regions = am_region_fanout_dup_regions (self->fanout);
  if (regions[0] != NULL)
    {
      g_autofree char *summary = summarize_regions (self, regions);
      GtkWidget *label = gtk_label_new (summary);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->regions_banner, label);
    }
  for (guint i = 0; regions[i] != NULL; i++)
    if (am_region_fanout_get_region_state (self->fanout, regions[i]) == AM_REGION_JOB_FAILED)
      gtk_box_append (self->regions_banner, failed_region_row (self, regions[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->regions_banner), regions[0] != NULL);
}

static void
ensure_regions_banner (AmImagesView *self)
{
  GtkWidget *parent;

  if (self->regions_banner != NULL)
    return;
  parent = gtk_widget_get_parent (GTK_WIDGET (self->banner_revealer));
  self->regions_banner = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));
  gtk_widget_add_css_class (GTK_WIDGET (self->regions_banner), "am-images-banner");
  gtk_widget_set_visible (GTK_WIDGET (self->regions_banner), FALSE);
  gtk_widget_insert_after (GTK_WIDGET (self->regions_banner), parent, GTK_WIDGET (self->banner_revealer));
}

/* --- the fanout ---------------------------------------------------------------------------- */

static void
fanout_changed_cb (AmImagesView *self)
{
  if (self->scope != AM_IMAGES_SCOPE_ALL_REGIONS)
    return;
  update_regions_banner (self);
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
  return GTK_WIDGET (self->regions_banner);
}
