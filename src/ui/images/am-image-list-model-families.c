/* am-image-list-model-families.c: the newest image of each family in the Images list, once per listing change
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-list-model"

#include "config.h"

#include <string.h>

#include "am-image-family.h"
#include "am-image-list-model-private.h"

/*
 * A family is the images of one owner whose names share their family prefix (the name without
 * its date or version, am_image_family_length()). Rows stand for their family in the table:
 * hashing and comparing read the prefix in place, so a pass over 100,000 rows allocates one
 * small record per family and copies no name.
 */
typedef struct
{
  Row *newest;
  guint size;
} Family;

static guint
family_hash (gconstpointer key)
{
  const Row *row = key;
  const char *name = am_image_get_name (row->image);
  const char *owner = am_image_get_owner_id (row->image);
  guint hash = owner != NULL ? g_str_hash (owner) : 0;

  for (guint i = 0; i < row->family_len; i++)
    hash = hash * 31 + (guchar) name[i];
  return hash;
}

static gboolean
family_equal (gconstpointer a,
              gconstpointer b)
{
  const Row *ra = a;
  const Row *rb = b;

  return ra->family_len == rb->family_len
         && g_strcmp0 (am_image_get_owner_id (ra->image), am_image_get_owner_id (rb->image)) == 0
         && memcmp (am_image_get_name (ra->image), am_image_get_name (rb->image), ra->family_len) == 0;
}

static gboolean
is_newer (const Row *a,
          const Row *b)
{
  if (a->created != b->created)
    return a->created > b->created;
  return am_image_family_compare_age (a->image, b->image) > 0;
}

GPtrArray *
am_image_list_model_update_families (AmImageListModel *self)
{
  g_autoptr (GHashTable) families = g_hash_table_new_full (family_hash, family_equal, NULL, g_free);
  GPtrArray *changed = NULL;

  self->families_stale = FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];
      Family *family;

      if (row->family_len == 0)
        continue;
      family = g_hash_table_lookup (families, row);
      if (family == NULL)
        {
          family = g_new0 (Family, 1);
          family->newest = row;
          g_hash_table_insert (families, row, family);
        }
      else if (is_newer (row, family->newest))
        family->newest = row;
      family->size++;
    }

  g_hash_table_remove_all (self->marked);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];
      Family *family = row->family_len > 0 ? g_hash_table_lookup (families, row) : NULL;
      gboolean newest = family == NULL || family->newest == row;
      gboolean marked = family != NULL && family->newest == row && family->size > 1;

      row->newest = newest;
      if (marked)
        g_hash_table_add (self->marked, g_object_ref (row->image));
      if (!row->fresh && row->marked != marked)
        {
          if (changed == NULL)
            changed = g_ptr_array_new ();
          g_ptr_array_add (changed, row);
        }
      row->marked = marked;
      row->fresh = FALSE;
    }
  return changed;
}

void
am_image_list_model_announce_marks (AmImageListModel *self,
                                    GPtrArray        *changed)
{
  g_autoptr (GHashTable) rows = NULL;

  if (changed == NULL || changed->len == 0)
    return;
  rows = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < changed->len; i++)
    if (((Row *) changed->pdata[i])->generation == self->generation)
      g_hash_table_add (rows, changed->pdata[i]);
  for (guint i = 0; i < self->visible->len && g_hash_table_size (rows) > 0; i++)
    if (g_hash_table_remove (rows, self->visible->pdata[i]))
      g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 1);
}

gboolean
am_image_list_model_is_family_newest (AmImageListModel *self,
                                      AmImage          *image)
{
  g_return_val_if_fail (AM_IS_IMAGE_LIST_MODEL (self), FALSE);

  return g_hash_table_contains (self->marked, image);
}
