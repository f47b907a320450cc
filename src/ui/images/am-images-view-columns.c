/* am-images-view-columns.c: the Images view's columns: their cells, which are shown, and the
 * sort the column headers choose
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-images-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "am-image-cell.h"
#include "am-images-view-private.h"

/* What the `image-columns` key and the `columns.` actions call each column. */
static const AmColumnInfo column_info[AM_IMAGE_N_COLUMNS] = {
  [AM_IMAGE_COLUMN_NAME] = { "name", TRUE },
  [AM_IMAGE_COLUMN_ID] = { "id", TRUE },
  [AM_IMAGE_COLUMN_OWNER] = { "owner", TRUE },
  [AM_IMAGE_COLUMN_PLATFORM] = { "platform", TRUE },
  [AM_IMAGE_COLUMN_ARCHITECTURE] = { "architecture", TRUE },
  [AM_IMAGE_COLUMN_ROOT_DEVICE] = { "root-device", TRUE },
  [AM_IMAGE_COLUMN_VIRTUALIZATION] = { "virtualization", FALSE },
  [AM_IMAGE_COLUMN_BOOT_MODE] = { "boot-mode", FALSE },
  [AM_IMAGE_COLUMN_CREATED] = { "created", TRUE },
  [AM_IMAGE_COLUMN_STATE] = { "state", TRUE },
  [AM_IMAGE_COLUMN_VISIBILITY] = { "visibility", FALSE },
  [AM_IMAGE_COLUMN_DEPRECATION] = { "deprecation", FALSE },
  [AM_IMAGE_COLUMN_ALLOWED] = { "allowed", FALSE },
  [AM_IMAGE_COLUMN_REGION] = { "region", FALSE },
};

/*
 * Sized for their content (an AMI ID, a 12-digit account, "2024-05-01 12:34", "available") in
 * DejaVu Sans 10, wider than Cantarell, so that at the main window's default size (1280 px)
 * Name through State fit beside the details pane. Name takes whatever is left, and more as
 * the window grows; below its own width (a name's first words) the list scrolls sideways
 * rather than cut every name short.
 */
static const struct
{
  const char *title;
  int fixed_width;
} column_looks[AM_IMAGE_N_COLUMNS] = {
  [AM_IMAGE_COLUMN_NAME] = { N_("Name"), 160 },
  [AM_IMAGE_COLUMN_ID] = { N_("AMI ID"), 180 },
  [AM_IMAGE_COLUMN_OWNER] = { N_("Owner"), 110 },
  [AM_IMAGE_COLUMN_PLATFORM] = { N_("Platform"), 86 },
  [AM_IMAGE_COLUMN_ARCHITECTURE] = { N_("Architecture"), 92 },
  [AM_IMAGE_COLUMN_ROOT_DEVICE] = { N_("Root Device"), 92 },
  [AM_IMAGE_COLUMN_VIRTUALIZATION] = { N_("Virtualization"), 110 },
  [AM_IMAGE_COLUMN_BOOT_MODE] = { N_("Boot Mode"), 110 },
  [AM_IMAGE_COLUMN_CREATED] = { N_("Created (UTC)"), 128 },
  [AM_IMAGE_COLUMN_STATE] = { N_("State"), 80 },
  [AM_IMAGE_COLUMN_VISIBILITY] = { N_("Visibility"), 90 },
  [AM_IMAGE_COLUMN_DEPRECATION] = { N_("Deprecation"), 120 },
  [AM_IMAGE_COLUMN_ALLOWED] = { N_("Allowed"), 90 },
  [AM_IMAGE_COLUMN_REGION] = { N_("Region"), 110 },
};

/* --- cells -------------------------------------------------------------------------------- */

/* Cheap text for a cell: no allocation for most columns; @buffer holds formatted ones. */
static const char *
cell_text (AmImage       *image,
           AmImageColumn  column,
           char          *buffer,
           gsize          size)
{
  const char *text = NULL;

  switch (column)
    {
    case AM_IMAGE_COLUMN_NAME:
      text = am_image_get_name (image);
      break;
    case AM_IMAGE_COLUMN_ID:
      text = am_image_get_image_id (image);
      break;
    case AM_IMAGE_COLUMN_OWNER:
      text = am_image_get_owner_alias (image);
      if (text == NULL)
        text = am_image_get_owner_id (image);
      break;
    case AM_IMAGE_COLUMN_PLATFORM:
      text = am_image_list_model_get_facet_value (image, AM_IMAGE_FACET_PLATFORM);
      break;
    case AM_IMAGE_COLUMN_ARCHITECTURE:
      text = am_image_get_architecture (image);
      break;
    case AM_IMAGE_COLUMN_ROOT_DEVICE:
      text = am_image_get_root_device_type (image);
      break;
    case AM_IMAGE_COLUMN_VIRTUALIZATION:
      text = am_image_get_virtualization_type (image);
      break;
    case AM_IMAGE_COLUMN_BOOT_MODE:
      text = am_image_get_boot_mode (image);
      break;
    case AM_IMAGE_COLUMN_CREATED:
      {
        const char *date = am_image_get_creation_date (image);

        /* "2024-05-01T12:34:56.000Z" → "2024-05-01 12:34" without parsing. */
        if (date != NULL && strlen (date) >= 16)
          {
            g_snprintf (buffer, size, "%.10s %.5s", date, date + 11);
            text = buffer;
          }
        else
          text = date;
      }
      break;
    case AM_IMAGE_COLUMN_STATE:
      text = am_image_get_state (image);
      break;
    case AM_IMAGE_COLUMN_VISIBILITY:
      text = am_image_get_is_public (image) ? _("Public") : _("Private");
      break;
    case AM_IMAGE_COLUMN_DEPRECATION:
      {
        const char *when = am_image_get_deprecation_time (image);

        if (am_image_get_is_deprecated (image))
          text = _("Deprecated");
        else if (when != NULL && strlen (when) >= 10)
          {
            g_snprintf (buffer, size, _("From %.10s"), when);
            text = buffer;
          }
      }
      break;
    case AM_IMAGE_COLUMN_ALLOWED:
      /* Shown only while Allowed AMIs is on (then every answer carries imageAllowed). */
      text = am_image_get_image_allowed (image) ? _("Allowed") : _("Not allowed");
      break;
    case AM_IMAGE_COLUMN_REGION:
      /* Shown in the All Regions scope, whose listing marks each image's Region. */
      text = am_image_get_region (image);
      break;
    case AM_IMAGE_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  return text != NULL ? text : "";
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  gtk_list_item_set_child (item, am_image_cell_new ());
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  AmImageColumn column = GPOINTER_TO_UINT (user_data);
  AmImage *image = gtk_list_item_get_item (item);
  char buffer[64];

  am_image_cell_set_text (AM_IMAGE_CELL (gtk_list_item_get_child (item)),
                          cell_text (image, column, buffer, sizeof buffer));
}

/* The Name cell, with the "Newest" badge on the newest image of each family: one lookup in
 * what the list computed when the listing changed. */
static void
name_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  AmImagesView *self = user_data;
  AmImage *image = gtk_list_item_get_item (item);
  AmImageCell *cell = AM_IMAGE_CELL (gtk_list_item_get_child (item));
  const char *name = am_image_get_name (image);

  am_image_cell_set_text (cell, name != NULL ? name : "");
  am_image_cell_set_badge (cell, am_image_list_model_is_family_newest (self->list, image) ? _("Newest") : NULL);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  am_image_cell_set_text (AM_IMAGE_CELL (gtk_list_item_get_child (item)), NULL);
  am_image_cell_set_badge (AM_IMAGE_CELL (gtk_list_item_get_child (item)), NULL);
}

/* --- sorting ------------------------------------------------------------------------------ */

/*
 * The list is sorted by AmImageListModel over plain arrays, not by a GtkSortListModel; the
 * column view's sorter only tells which header was clicked (the column chooser finds out).
 */
static void
column_view_sorter_changed_cb (AmImagesView    *self,
                               GtkSorterChange  change,
                               GtkSorter       *sorter)
{
  gboolean descending;
  int column;

  /* Columns removed while the view is disposed change the sorter too. */
  if (self->column_chooser == NULL || self->list == NULL)
    return;

  column = am_column_chooser_get_sort_column (self->column_chooser, &descending);
  if (column < 0)
    return;

  /* Scrolled before the change, while the layout is valid: new results show from their top. */
  _am_images_view_scroll_to_top (self);
  am_image_list_model_set_sort (self->list, column, descending);
  if (self->settings != NULL)
    {
      g_settings_set_string (self->settings, "image-sort", column_info[column].id);
      g_settings_set_boolean (self->settings, "image-sort-descending", descending);
    }
}

/* --- columns ------------------------------------------------------------------------------ */

/* A column sorted by was hidden: GtkColumnViewSorter would promote an older column (arrows
 * and order the user no longer sees): start over from the default, newest first. */
static void
column_hidden_cb (AmImagesView    *self,
                  guint            column,
                  gboolean         was_sorted,
                  AmColumnChooser *chooser)
{
  GtkColumnViewColumn *created = am_column_chooser_get_column (chooser, AM_IMAGE_COLUMN_CREATED);

  if (!was_sorted)
    return;
  if (am_column_chooser_is_shown (chooser, AM_IMAGE_COLUMN_CREATED))
    gtk_column_view_sort_by_column (self->column_view, created, GTK_SORT_DESCENDING);
  else
    {
      gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_DESCENDING);
      _am_images_view_scroll_to_top (self);
      am_image_list_model_set_sort (self->list, AM_IMAGE_COLUMN_CREATED, TRUE);
    }
}

void
_am_images_view_setup_columns (AmImagesView *self)
{
  GtkColumnViewColumn *columns[AM_IMAGE_N_COLUMNS];
  g_autofree char *sort_id = g_settings_get_string (self->settings, "image-sort");
  gboolean descending = g_settings_get_boolean (self->settings, "image-sort-descending");
  int sort_column;

  for (guint i = 0; i < AM_IMAGE_N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
      if (i == AM_IMAGE_COLUMN_NAME)
        g_signal_connect (factory, "bind", G_CALLBACK (name_bind_cb), self);
      else
        g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), NULL);
      columns[i] = gtk_column_view_column_new (_(column_looks[i].title), factory);
      gtk_column_view_column_set_resizable (columns[i], TRUE);
      gtk_column_view_column_set_fixed_width (columns[i], column_looks[i].fixed_width);
      gtk_column_view_column_set_expand (columns[i], i == AM_IMAGE_COLUMN_NAME);
    }
  self->column_chooser = am_column_chooser_new (self->column_view, columns, column_info, AM_IMAGE_N_COLUMNS,
                                                NULL, self->settings, "image-columns");
  for (guint i = 0; i < AM_IMAGE_N_COLUMNS; i++)
    g_object_unref (columns[i]);
  g_signal_connect_object (self->column_chooser, "column-hidden", G_CALLBACK (column_hidden_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "columns",
                                  am_column_chooser_get_action_group (self->column_chooser));
  g_menu_append_section (self->view_menu, _("Columns"), am_column_chooser_get_menu (self->column_chooser));

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (column_view_sorter_changed_cb), self, G_CONNECT_SWAPPED);
  /* The sort of the last run, if its column is shown; else newest first. */
  sort_column = am_column_chooser_lookup (self->column_chooser, sort_id);
  if (sort_column < 0 || !am_column_chooser_is_shown (self->column_chooser, sort_column))
    {
      sort_column = AM_IMAGE_COLUMN_CREATED;
      descending = TRUE;
    }
  if (am_column_chooser_is_shown (self->column_chooser, sort_column))
    gtk_column_view_sort_by_column (self->column_view,
                                    am_column_chooser_get_column (self->column_chooser, sort_column),
                                    descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  else
    am_image_list_model_set_sort (self->list, AM_IMAGE_COLUMN_CREATED, TRUE);
}

/* --- private API for tests ---------------------------------------------------------------- */

GtkColumnViewColumn *
_am_images_view_get_column (AmImagesView  *self,
                            AmImageColumn  column)
{
  g_return_val_if_fail (column < AM_IMAGE_N_COLUMNS, NULL);

  return am_column_chooser_get_column (self->column_chooser, column);
}
