/* am-owned-images.c: every image the account owns (every page of DescribeImages) and its snapshots
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-owned-images"

#include "config.h"

#include "am-owned-images.h"

#include "am-describe-images-query.h"

typedef struct
{
  GPtrArray  *images;           /* (element-type AmImage) the pages so far */
  GPtrArray  *snapshots;        /* (element-type AmSnapshot) */
  const char *operation;        /* the request that failed */
  gboolean    include_disabled;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_pointer (&load->images, g_ptr_array_unref);
  g_clear_pointer (&load->snapshots, g_ptr_array_unref);
  g_free (load);
}

static void
fail (GTask      *task,
      const char *operation,
      GError     *error)
{
  LoadData *load = g_task_get_task_data (task);

  load->operation = operation;
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
snapshots_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  LoadData *load = g_task_get_task_data (task);
  GError *error = NULL;

  load->snapshots = am_ec2_client_describe_snapshots_finish (AM_EC2_CLIENT (source), result, &error);
  if (load->snapshots == NULL)
    return fail (task, "DescribeSnapshots", error);
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void load_page (GTask      *task,
                       const char *next_token);

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  LoadData *load = g_task_get_task_data (task);
  g_autoptr (GPtrArray) page = NULL;
  g_autofree char *next_token = NULL;
  GError *error = NULL;
  const char *owners[] = { "self", NULL };

  page = am_ec2_client_describe_images_finish (AM_EC2_CLIENT (source), result, &next_token, &error);
  if (page == NULL)
    return fail (task, "DescribeImages", error);
  g_ptr_array_extend (load->images, page, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  if (next_token != NULL)
    return load_page (task, next_token);
  am_ec2_client_describe_snapshots_async (AM_EC2_CLIENT (source), NULL, owners, NULL, g_task_get_cancellable (task),
                                          snapshots_cb, task);
}

static void
load_page (GTask      *task,
           const char *next_token)
{
  LoadData *load = g_task_get_task_data (task);
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();

  am_describe_images_query_add_owner (query, "self");
  query->include_deprecated = TRUE;
  query->include_disabled = load->include_disabled;
  query->max_results = 1000;
  am_describe_images_query_set_next_token (query, next_token);
  am_ec2_client_describe_images_async (AM_EC2_CLIENT (g_task_get_source_object (task)), query,
                                       g_task_get_cancellable (task), page_cb, task);
}

void
am_owned_images_load_async (AmEc2Client         *client,
                            gboolean             include_disabled,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;
  LoadData *load;

  g_return_if_fail (AM_IS_EC2_CLIENT (client));

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_owned_images_load_async);
  /* What the last request said is the answer, as when each caller made these requests
   * itself: a cancellation is seen by the caller's next request. */
  g_task_set_check_cancellable (task, FALSE);
  load = g_new0 (LoadData, 1);
  load->images = g_ptr_array_new_with_free_func (g_object_unref);
  load->include_disabled = include_disabled;
  g_task_set_task_data (task, load, load_data_free);
  load_page (task, NULL);
}

gboolean
am_owned_images_load_finish (AmEc2Client   *client,
                             GAsyncResult  *result,
                             GPtrArray    **images,
                             GPtrArray    **snapshots,
                             const char   **operation,
                             GError       **error)
{
  LoadData *load;

  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_owned_images_load_async, FALSE);
  g_return_val_if_fail (images != NULL && snapshots != NULL, FALSE);

  load = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    {
      if (operation != NULL)
        *operation = load->operation;
      return FALSE;
    }
  *images = g_steal_pointer (&load->images);
  *snapshots = g_steal_pointer (&load->snapshots);
  return TRUE;
}
