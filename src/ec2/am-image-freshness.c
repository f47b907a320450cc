/* am-image-freshness.c: whether a newer image of the same family exists among a set of images
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-freshness"

#include "config.h"

#include "am-image-family.h"
#include "am-image-freshness.h"

struct _AmImageFreshness
{
  GHashTable *by_id;     /* image id (borrowed) → AmImage (owned) */
  GHashTable *newest;    /* "owner/family" (owned) → the newest available AmImage (borrowed) */
};

static char *
family_key (AmImage *image)
{
  g_autofree char *family = am_image_family_from_name (am_image_get_name (image) != NULL ? am_image_get_name (image) : "");

  return g_strdup_printf ("%s/%s", am_image_get_owner_id (image) != NULL ? am_image_get_owner_id (image) : "", family);
}

/* Later creation first; at the same second the later name (the higher version) wins. */
static gboolean
is_newer (AmImage *a,
          AmImage *b)
{
  gint64 ta = am_image_get_creation_time (a);
  gint64 tb = am_image_get_creation_time (b);

  if (ta != tb)
    return ta > tb;
  return g_strcmp0 (am_image_get_name (a), am_image_get_name (b)) > 0;
}

AmImageFreshness *
am_image_freshness_new (GPtrArray *images)
{
  AmImageFreshness *self = g_new0 (AmImageFreshness, 1);

  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->newest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_return_val_if_fail (images != NULL, self);

  for (guint i = 0; i < images->len; i++)
    {
      AmImage *image = g_ptr_array_index (images, i);
      AmImage *newest;
      char *key;

      if (am_image_get_image_id (image) == NULL)
        continue;
      g_hash_table_replace (self->by_id, (gpointer) am_image_get_image_id (image), g_object_ref (image));
      /* Only an image that can launch, and is not being retired, is worth moving to. */
      if (g_strcmp0 (am_image_get_state (image), "available") != 0 || am_image_get_is_deprecated (image)
          || am_image_get_name (image) == NULL)
        continue;
      key = family_key (image);
      newest = g_hash_table_lookup (self->newest, key);
      if (newest == NULL || is_newer (image, newest))
        g_hash_table_replace (self->newest, key, image);
      else
        g_free (key);
    }
  return self;
}

void
am_image_freshness_free (AmImageFreshness *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->newest);
  g_hash_table_unref (self->by_id);
  g_free (self);
}

AmImage *
am_image_freshness_find_newer (AmImageFreshness *self,
                               const char       *image_id)
{
  g_autofree char *key = NULL;
  AmImage *image;
  AmImage *newest;

  g_return_val_if_fail (self != NULL, NULL);

  image = image_id != NULL ? g_hash_table_lookup (self->by_id, image_id) : NULL;
  if (image == NULL || am_image_get_name (image) == NULL)
    return NULL;
  key = family_key (image);
  newest = g_hash_table_lookup (self->newest, key);
  if (newest == NULL || newest == image || !is_newer (newest, image))
    return NULL;
  return newest;
}
