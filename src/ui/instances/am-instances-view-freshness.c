/* am-instances-view-freshness.c: the Instances view's newer-image hint: which instances run an
 * image whose family has a newer one among the account's own images
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-instances-view"

#include "config.h"

#include "am-describe-images-query.h"
#include "am-image-freshness.h"
#include "am-instances-view-private.h"
#include "am-session.h"

/*
 * One DescribeImages (Owner=self, every page) per listing, however many instances it has: the
 * families are worked out here from the names. An image of another owner (a public one) gets
 * no hint: its owner's other images are not listed.
 */

typedef struct
{
  AmInstancesView *view;
  GPtrArray       *images;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_clear_object (&lookup->view);
  g_clear_pointer (&lookup->images, g_ptr_array_unref);
  g_free (lookup);
}

static void describe_page (Lookup      *lookup,
                           AmEc2Client *client,
                           const char  *next_token);

static void
apply (AmInstancesView *self,
       GPtrArray       *images)
{
  g_autoptr (AmImageFreshness) freshness = am_image_freshness_new (images);
  gboolean details_changed = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->store)); i++)
    {
      g_autoptr (AmInstanceRow) row = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      AmInstance *instance = am_instance_row_get_instance (row);
      AmImage *newer = am_image_freshness_find_newer (freshness, am_instance_get_image_id (instance));

      if (am_instance_row_set_newer_image (row, newer) && row == self->details_row)
        details_changed = TRUE;
    }
  if (details_changed)
    _am_instances_view_update_details (self);
}

static void
describe_images_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Lookup *lookup = user_data;
  AmInstancesView *self = lookup->view;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) page = NULL;
  g_autofree char *next_token = NULL;

  page = am_ec2_client_describe_images_finish (AM_EC2_CLIENT (source), result, &next_token, &error);
  if (page != NULL)
    g_ptr_array_extend_and_steal (lookup->images, g_steal_pointer (&page));
  if (error == NULL && next_token != NULL)
    {
      describe_page (lookup, AM_EC2_CLIENT (source), next_token);
      return;
    }

  self->freshness_busy = FALSE;
  if (self->rows_by_id == NULL)
    {
      lookup_free (lookup);
      return;
    }
  /* A hint is a suggestion: when the images cannot be listed, the last answer stays. */
  if (error == NULL)
    apply (self, lookup->images);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Could not list the account's images for newer-image hints: %s", error->message);
  if (self->freshness_again && self->session != NULL && am_session_get_client (self->session) != NULL)
    {
      self->freshness_again = FALSE;
      _am_instances_view_lookup_newer_images (self, am_session_get_client (self->session));
    }
  lookup_free (lookup);
}

static void
describe_page (Lookup      *lookup,
               AmEc2Client *client,
               const char  *next_token)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();

  am_describe_images_query_add_owner (query, "self");
  if (next_token != NULL)
    am_describe_images_query_set_next_token (query, next_token);
  am_ec2_client_describe_images_async (client, query, lookup->view->cancellable, describe_images_cb, lookup);
}

void
_am_instances_view_lookup_newer_images (AmInstancesView *self,
                                        AmEc2Client     *client)
{
  Lookup *lookup;

  /* One at a time; a listing that ends meanwhile asks again once it is done. */
  if (self->freshness_busy)
    {
      self->freshness_again = TRUE;
      return;
    }
  self->freshness_busy = TRUE;
  lookup = g_new0 (Lookup, 1);
  lookup->view = g_object_ref (self);
  lookup->images = g_ptr_array_new_with_free_func (g_object_unref);
  describe_page (lookup, client, NULL);
}
