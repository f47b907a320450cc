/* am-instances-view-list.c: the Instances view's list: the state filter, the search and the
 * names of the images the instances were launched from
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-instances-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "am-ec2-client.h"
#include "am-instances-view-private.h"

/* The state filter's entries, in the order of the drop-down's model. */
enum {
  STATE_FILTER_NOT_TERMINATED,
  STATE_FILTER_ALL,
  STATE_FILTER_RUNNING,
  STATE_FILTER_STOPPED,
  STATE_FILTER_TRANSITIONAL,
  STATE_FILTER_TERMINATED,
};

/* Filtering */

gboolean
_am_instances_view_filter_func (gpointer item,
                               gpointer user_data)
{
  AmInstancesView *self = user_data;
  AmInstanceRow *row = item;
  AmInstancePhase phase = am_instance_row_get_phase (row);

  switch (gtk_drop_down_get_selected (self->state_dropdown))
    {
    case STATE_FILTER_NOT_TERMINATED:
      if (phase == AM_INSTANCE_PHASE_TERMINATED)
        return FALSE;
      break;
    case STATE_FILTER_RUNNING:
      if (phase != AM_INSTANCE_PHASE_RUNNING)
        return FALSE;
      break;
    case STATE_FILTER_STOPPED:
      if (phase != AM_INSTANCE_PHASE_STOPPED)
        return FALSE;
      break;
    case STATE_FILTER_TRANSITIONAL:
      if (phase != AM_INSTANCE_PHASE_TRANSITIONAL)
        return FALSE;
      break;
    case STATE_FILTER_TERMINATED:
      if (phase != AM_INSTANCE_PHASE_TERMINATED)
        return FALSE;
      break;
    case STATE_FILTER_ALL:
    default:
      break;
    }

  return am_instance_row_matches (row, self->search_folded);
}

void
_am_instances_view_update_list_page (AmInstancesView *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0;

  /* Nothing to select: "No Instance Selected" beside "No Instances" would only repeat it. */
  gtk_widget_set_visible (self->details_scroller, !empty);
  if (empty)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "rows");
}

void
_am_instances_view_search_changed (AmInstancesView *self,
                   GtkSearchEntry  *entry)
{
  g_autofree char *folded = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;
  g_autofree char *stripped = g_strdup (g_strstrip (folded));

  if (g_strcmp0 (stripped, self->search_folded) == 0)
    return;

  /* A longer needle that contains the old one can only match fewer rows. */
  if (self->search_folded == NULL || *self->search_folded == '\0')
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (stripped, self->search_folded) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->search_folded, stripped) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->search_folded);
  self->search_folded = g_steal_pointer (&stripped);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  _am_instances_view_update_list_page (self);
}

void
_am_instances_view_state_filter_changed (AmInstancesView *self,
                         GParamSpec      *pspec,
                         GtkDropDown     *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  gtk_filter_changed (GTK_FILTER (self->filter),
                      selected == STATE_FILTER_ALL ? GTK_FILTER_CHANGE_LESS_STRICT
                                                   : GTK_FILTER_CHANGE_DIFFERENT);
  _am_instances_view_update_list_page (self);
}

/* Image names */

/* Images are per Region: a row of another Region's listing is asked of its own client. */
static gboolean
row_in_region_of (AmInstanceRow *row,
                  AmEc2Client   *client)
{
  const char *region = am_instance_get_region (am_instance_row_get_instance (row));

  return region == NULL || g_strcmp0 (region, am_ec2_client_get_region (client)) == 0;
}

static void
describe_images_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (AmInstancesView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) images = NULL;
  guint n;

  images = am_ec2_client_describe_images_finish (AM_EC2_CLIENT (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->image_names == NULL)
    return;
  if (error != NULL)
    g_debug ("Could not look up the names of the instances' images: %s", error->message);

  for (guint i = 0; images != NULL && i < images->len; i++)
    {
      AmImage *image = g_ptr_array_index (images, i);
      const char *name = am_image_get_name (image);

      g_hash_table_replace (self->image_names, g_strdup (am_image_get_image_id (image)),
                            g_strdup (name != NULL ? name : ""));
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AmInstanceRow) row = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      AmInstance *instance = am_instance_row_get_instance (row);
      const char *name = g_hash_table_lookup (self->image_names, am_instance_get_image_id (instance));

      if (name != NULL)
        am_instance_row_set_image_name (row, name);
    }

  if (self->details_row != NULL)
    _am_instances_view_update_details (self);
}

/* Looks up the names of images not seen before (one DescribeImages for all of them). */
void
_am_instances_view_lookup_image_names (AmInstancesView *self,
                                      AmEc2Client     *client)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  guint wanted = 0;

  if (self->image_names == NULL)
    self->image_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AmInstanceRow) row = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      const char *image_id = am_instance_get_image_id (am_instance_row_get_instance (row));

      if (image_id == NULL || g_hash_table_contains (self->image_names, image_id)
          || !row_in_region_of (row, client))
        continue;
      /* Asked once: an image that is gone stays nameless instead of being asked for again. */
      g_hash_table_insert (self->image_names, g_strdup (image_id), g_strdup (""));
      am_describe_images_query_add_image_id (query, image_id);
      wanted++;
    }

  if (wanted == 0)
    return;

  am_ec2_client_describe_images_async (client, query, self->cancellable,
                                       describe_images_cb, g_object_ref (self));
}

/* Image Status: what became of each instance's image (one DescribeInstanceImageMetadata per
 * listing, all pages). */

static const char *
image_status (AmInstanceImageMetadata *metadata,
              GDateTime               *now)
{
  const char *state = am_instance_image_metadata_get_image_state (metadata);
  const char *deprecation = am_instance_image_metadata_get_deprecation_time (metadata);

  /* A new launch of it would be refused (or is, once Allowed AMIs is enabled). */
  if (g_strcmp0 (state, "available") == 0 && am_instance_image_metadata_is_not_allowed (metadata))
    return "not-allowed";
  if (g_strcmp0 (state, "available") == 0 && deprecation != NULL)
    {
      g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (deprecation, NULL);

      if (when != NULL && g_date_time_compare (when, now) <= 0)
        return "deprecated";
    }
  return state;
}

static void
image_metadata_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (AmInstancesView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) metadata = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  metadata = am_ec2_client_describe_instance_image_metadata_finish (AM_EC2_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->rows_by_id == NULL)
    return;
  if (metadata == NULL)
    {
      /* The column says so rather than keep an answer that may be stale. */
      g_debug ("Could not describe the instances' images: %s", error->message);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->store)); i++)
        {
          g_autoptr (AmInstanceRow) row = g_list_model_get_item (G_LIST_MODEL (self->store), i);

          if (row_in_region_of (row, AM_EC2_CLIENT (source)))
            am_instance_row_set_image_status (row, "unknown");
        }
      return;
    }
  for (guint i = 0; i < metadata->len; i++)
    {
      AmInstanceImageMetadata *item = g_ptr_array_index (metadata, i);
      AmInstanceRow *row = g_hash_table_lookup (self->rows_by_id,
                                                am_instance_image_metadata_get_instance_id (item));

      if (row != NULL)
        am_instance_row_set_image_status (row, image_status (item, now));
    }
}

void
_am_instances_view_lookup_image_status (AmInstancesView *self,
                                        AmEc2Client     *client)
{
  am_ec2_client_describe_instance_image_metadata_async (client, NULL, self->cancellable,
                                                        image_metadata_cb, g_object_ref (self));
}
