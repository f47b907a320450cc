/* am-instances-view-freshness.c: the Instances view's newer-image hint: which instances run an
 * image whose family has a newer one, among the account's own images or its owner's
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-instances-view"

#include "config.h"

#include <string.h>

#include "am-describe-images-query.h"
#include "am-image-family.h"
#include "am-image-freshness.h"
#include "am-instances-view-private.h"
#include "am-session.h"

/*
 * Per listing, however many instances it has, one after the other:
 *   1. DescribeImages Owner=self, every page: the account's own images;
 *   2. the instances' other images (public or shared ones), by an image-id filter, to learn
 *      their owners and names (up to MAX_FILTER_VALUES IDs a request);
 *   3. one DescribeImages Owner=<owner> name=<family>* for each distinct (owner, family) of
 *      those, up to MAX_FAMILIES of them and MAX_FAMILY_PAGES pages each.
 * The families are worked out here from the names. A failure of 2 or 3 only leaves those
 * hints out; a failure of 1 keeps the last answer.
 */

#define MAX_FILTER_VALUES 200
#define MAX_FAMILIES      16
#define MAX_FAMILY_PAGES  5

typedef enum
{
  PHASE_OWN,
  PHASE_OTHER_IMAGES,
  PHASE_FAMILIES,
} Phase;

typedef struct
{
  AmInstancesView       *view;
  AmEc2Client           *client;
  GPtrArray             *images;   /* every image found, for the index */
  GPtrArray             *others;   /* the instances' images of other owners (phase 2) */
  GQueue                 queries;  /* AmDescribeImagesQuery still to ask in this phase */
  AmDescribeImagesQuery *query;    /* the one being asked */
  guint                  pages;    /* of it so far */
  Phase                  phase;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_clear_object (&lookup->view);
  g_clear_object (&lookup->client);
  g_clear_pointer (&lookup->images, g_ptr_array_unref);
  g_clear_pointer (&lookup->others, g_ptr_array_unref);
  g_queue_clear_full (&lookup->queries, (GDestroyNotify) am_describe_images_query_free);
  g_clear_pointer (&lookup->query, am_describe_images_query_free);
  g_free (lookup);
}

static void describe_page (Lookup     *lookup,
                           const char *next_token);

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

/* Phase 2: the listed instances' images that are not among the account's own. */
static void
queue_other_images (Lookup *lookup)
{
  g_autoptr (GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  GListModel *store = G_LIST_MODEL (lookup->view->store);

  for (guint i = 0; i < lookup->images->len; i++)
    g_hash_table_add (known, (gpointer) am_image_get_image_id (g_ptr_array_index (lookup->images, i)));
  for (guint i = 0; i < g_list_model_get_n_items (store); i++)
    {
      g_autoptr (AmInstanceRow) row = g_list_model_get_item (store, i);
      const char *image_id = am_instance_get_image_id (am_instance_row_get_instance (row));

      if (image_id == NULL || !g_hash_table_add (known, (gpointer) image_id))
        continue;
      g_ptr_array_add (ids, (gpointer) image_id);
    }
  /* A filter, not ImageId: an ID that is gone (or of another Region) is no error. */
  for (guint start = 0; start < ids->len; start += MAX_FILTER_VALUES)
    {
      AmDescribeImagesQuery *query = am_describe_images_query_new ();
      guint n = MIN (ids->len - start, MAX_FILTER_VALUES);
      g_autofree const char **values = g_new0 (const char *, n + 1);

      memcpy (values, ids->pdata + start, n * sizeof (char *));
      /* An instance may well run a public image that was deprecated since. */
      query->include_deprecated = TRUE;
      am_describe_images_query_add_filter (query, am_ec2_filter_new_strv ("image-id", values));
      g_queue_push_tail (&lookup->queries, query);
    }
}

/* "name" filter values take * and ? as wildcards, and \ to escape them. */
static char *
escape_wildcards (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '*' || *p == '?' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Phase 3: every image of each distinct (owner, family) of the images of phase 2. */
static void
queue_families (Lookup *lookup)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < lookup->others->len; i++)
    {
      AmImage *image = g_ptr_array_index (lookup->others, i);
      const char *owner = am_image_get_owner_id (image);
      const char *name = am_image_get_name (image);
      g_autofree char *family = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *pattern = NULL;
      AmDescribeImagesQuery *query;

      if (owner == NULL || name == NULL)
        continue;
      family = am_image_family_from_name (name);
      if (!g_hash_table_add (seen, g_strdup_printf ("%s/%s", owner, family)))
        continue;
      if (g_hash_table_size (seen) > MAX_FAMILIES)
        {
          g_debug ("Newer-image hints: only the first %d families of other owners are looked up", MAX_FAMILIES);
          break;
        }
      escaped = escape_wildcards (family);
      pattern = g_strconcat (escaped, "*", NULL);
      query = am_describe_images_query_new ();
      am_describe_images_query_add_owner (query, owner);
      am_describe_images_query_add_filter (query, am_ec2_filter_new ("name", pattern, NULL));
      g_queue_push_tail (&lookup->queries, query);
    }
}

/* Asks the next query queued, moving on to the next phase when none is left; FALSE when all
 * is asked. */
static gboolean
next_query (Lookup *lookup)
{
  while (g_queue_is_empty (&lookup->queries))
    {
      if (lookup->phase == PHASE_OWN)
        {
          lookup->phase = PHASE_OTHER_IMAGES;
          queue_other_images (lookup);
        }
      else if (lookup->phase == PHASE_OTHER_IMAGES)
        {
          lookup->phase = PHASE_FAMILIES;
          queue_families (lookup);
        }
      else
        return FALSE;
    }
  g_clear_pointer (&lookup->query, am_describe_images_query_free);
  lookup->query = g_queue_pop_head (&lookup->queries);
  lookup->pages = 0;
  describe_page (lookup, NULL);
  return TRUE;
}

static void
finish (Lookup   *lookup,
        gboolean  found)
{
  AmInstancesView *self = lookup->view;

  self->freshness_busy = FALSE;
  if (self->rows_by_id == NULL)
    return;
  if (found)
    apply (self, lookup->images);
  if (self->freshness_again && self->session != NULL && am_session_get_client (self->session) != NULL)
    {
      self->freshness_again = FALSE;
      _am_instances_view_lookup_newer_images (self, am_session_get_client (self->session));
    }
}

static void
describe_images_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Lookup *lookup = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) page = NULL;
  g_autofree char *next_token = NULL;

  page = am_ec2_client_describe_images_finish (AM_EC2_CLIENT (source), result, &next_token, &error);
  if (page != NULL && lookup->phase == PHASE_OTHER_IMAGES)
    for (guint i = 0; i < page->len; i++)
      g_ptr_array_add (lookup->others, g_object_ref (g_ptr_array_index (page, i)));
  if (page != NULL)
    g_ptr_array_extend_and_steal (lookup->images, g_steal_pointer (&page));
  lookup->pages++;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || lookup->view->rows_by_id == NULL)
    {
      finish (lookup, FALSE);
      lookup_free (lookup);
      return;
    }
  if (error != NULL && lookup->phase == PHASE_OWN)
    {
      /* A hint is a suggestion: when the images cannot be listed, the last answer stays. */
      g_debug ("Could not list the account's images for newer-image hints: %s", error->message);
      finish (lookup, FALSE);
      lookup_free (lookup);
      return;
    }
  if (error != NULL)
    {
      /* Only the hints for other owners' images are left out. */
      g_debug ("Could not look up other owners' images for newer-image hints: %s", error->message);
    }
  else if (next_token != NULL && (lookup->phase != PHASE_FAMILIES || lookup->pages < MAX_FAMILY_PAGES))
    {
      describe_page (lookup, next_token);
      return;
    }
  if (next_query (lookup))
    return;
  finish (lookup, TRUE);
  lookup_free (lookup);
}

static void
describe_page (Lookup     *lookup,
               const char *next_token)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_copy (lookup->query);

  if (next_token != NULL)
    am_describe_images_query_set_next_token (query, next_token);
  am_ec2_client_describe_images_async (lookup->client, query, lookup->view->cancellable, describe_images_cb, lookup);
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
  lookup->client = g_object_ref (client);
  lookup->images = g_ptr_array_new_with_free_func (g_object_unref);
  lookup->others = g_ptr_array_new_with_free_func (g_object_unref);
  g_queue_init (&lookup->queries);
  lookup->query = am_describe_images_query_new ();
  am_describe_images_query_add_owner (lookup->query, "self");
  describe_page (lookup, NULL);
}
