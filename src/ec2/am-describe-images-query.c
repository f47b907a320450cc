/* am-describe-images-query.c: the parameters of one DescribeImages call
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-describe-images-query"

#include "config.h"

#include "am-describe-images-query.h"

G_DEFINE_BOXED_TYPE (AmDescribeImagesQuery, am_describe_images_query,
                     am_describe_images_query_copy, am_describe_images_query_free)

AmDescribeImagesQuery *
am_describe_images_query_new (void)
{
  return g_new0 (AmDescribeImagesQuery, 1);
}

AmDescribeImagesQuery *
am_describe_images_query_copy (const AmDescribeImagesQuery *query)
{
  AmDescribeImagesQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_memdup2 (query, sizeof *query);
  copy->owners = g_strdupv (query->owners);
  copy->executable_by = g_strdupv (query->executable_by);
  copy->image_ids = g_strdupv (query->image_ids);
  copy->next_token = g_strdup (query->next_token);
  copy->filters = NULL;
  if (query->filters != NULL)
    for (guint i = 0; i < query->filters->len; i++)
      am_describe_images_query_add_filter (copy, am_ec2_filter_copy (query->filters->pdata[i]));
  return copy;
}

void
am_describe_images_query_free (AmDescribeImagesQuery *query)
{
  if (query == NULL)
    return;

  g_strfreev (query->owners);
  g_strfreev (query->executable_by);
  g_strfreev (query->image_ids);
  g_clear_pointer (&query->filters, g_ptr_array_unref);
  g_free (query->next_token);
  g_free (query);
}

static void
strv_append (char       ***strv,
             const char   *value)
{
  guint n = *strv != NULL ? g_strv_length (*strv) : 0;

  *strv = g_renew (char *, *strv, n + 2);
  (*strv)[n] = g_strdup (value);
  (*strv)[n + 1] = NULL;
}

void
am_describe_images_query_add_owner (AmDescribeImagesQuery *query,
                                    const char            *owner)
{
  g_return_if_fail (query != NULL && owner != NULL);

  strv_append (&query->owners, owner);
}

void
am_describe_images_query_add_executable_by (AmDescribeImagesQuery *query,
                                            const char            *account)
{
  g_return_if_fail (query != NULL && account != NULL);

  strv_append (&query->executable_by, account);
}

void
am_describe_images_query_add_image_id (AmDescribeImagesQuery *query,
                                       const char            *image_id)
{
  g_return_if_fail (query != NULL && image_id != NULL);

  strv_append (&query->image_ids, image_id);
}

void
am_describe_images_query_add_filter (AmDescribeImagesQuery *query,
                                     AmEc2Filter           *filter)
{
  g_return_if_fail (query != NULL && filter != NULL);

  if (query->filters == NULL)
    query->filters = g_ptr_array_new_with_free_func ((GDestroyNotify) am_ec2_filter_free);
  g_ptr_array_add (query->filters, filter);
}

void
am_describe_images_query_set_next_token (AmDescribeImagesQuery *query,
                                         const char            *next_token)
{
  g_return_if_fail (query != NULL);

  g_free (query->next_token);
  query->next_token = g_strdup (next_token);
}

static gboolean
strv_equal (char **a,
            char **b)
{
  if (a == NULL || b == NULL)
    return (a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL);
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

gboolean
am_describe_images_query_equal (const AmDescribeImagesQuery *a,
                                const AmDescribeImagesQuery *b)
{
  guint na, nb;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (!strv_equal (a->owners, b->owners)
      || !strv_equal (a->executable_by, b->executable_by)
      || !strv_equal (a->image_ids, b->image_ids)
      || !a->include_deprecated != !b->include_deprecated
      || !a->include_disabled != !b->include_disabled
      || a->max_results != b->max_results)
    return FALSE;

  na = a->filters != NULL ? a->filters->len : 0;
  nb = b->filters != NULL ? b->filters->len : 0;
  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    {
      const AmEc2Filter *fa = a->filters->pdata[i];
      const AmEc2Filter *fb = b->filters->pdata[i];

      if (g_strcmp0 (fa->name, fb->name) != 0 || !strv_equal (fa->values, fb->values))
        return FALSE;
    }
  return TRUE;
}
