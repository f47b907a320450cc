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

/* Counts @row into its family; returns the other row whose badge this took away or gave, if any. */
static Row *
add_row (AmImageListModel *self,
         Row              *row)
{
  Family *family = g_hash_table_lookup (self->families, row);
  Row *other = NULL;

  if (family == NULL)
    {
      family = g_new0 (Family, 1);
      family->newest = row;
      family->size = 1;
      g_hash_table_insert (self->families, row, family);
      row->newest = TRUE;
      row->marked = FALSE;
      return NULL;
    }
  family->size++;
  if (is_newer (row, family->newest))
    {
      Row *old = family->newest;

      old->newest = FALSE;
      if (old->marked)
        {
          old->marked = FALSE;
          g_hash_table_remove (self->marked, old->image);
          other = old;
        }
      family->newest = row;
      row->newest = TRUE;
      row->marked = TRUE;
      g_hash_table_add (self->marked, g_object_ref (row->image));
      return other;
    }
  row->newest = FALSE;
  row->marked = FALSE;
  if (family->size == 2)
    {
      family->newest->marked = TRUE;
      g_hash_table_add (self->marked, g_object_ref (family->newest->image));
      other = family->newest;
    }
  return other;
}

GPtrArray *
am_image_list_model_update_families (AmImageListModel *self)
{
  GPtrArray *changed = NULL;
  g_autoptr (GArray) was_marked = g_array_sized_new (FALSE, FALSE, sizeof (gboolean), self->rows->len);

  self->families_stale = FALSE;
  g_clear_pointer (&self->families, g_hash_table_unref);
  self->families = g_hash_table_new_full (family_hash, family_equal, NULL, g_free);
  g_hash_table_remove_all (self->marked);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];
      gboolean marked = row->marked;

      g_array_append_val (was_marked, marked);
      row->marked = FALSE;
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];

      if (row->family_len == 0)
        row->newest = TRUE;
      else
        add_row (self, row);
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];

      if (!row->fresh && row->marked != g_array_index (was_marked, gboolean, i))
        {
          if (changed == NULL)
            changed = g_ptr_array_new ();
          g_ptr_array_add (changed, row);
        }
      row->fresh = FALSE;
    }
  return changed;
}

GPtrArray *
am_image_list_model_add_to_families (AmImageListModel *self,
                                     guint             position,
                                     guint             added)
{
  GPtrArray *changed = NULL;

  if (self->families_stale || self->families == NULL)
    return am_image_list_model_update_families (self);
  /* A page appended while loading: O(page), not a pass over every row. */
  for (guint i = position; i < position + added; i++)
    {
      Row *row = self->rows->pdata[i];
      Row *other;

      row->fresh = FALSE;
      if (row->family_len == 0)
        {
          row->newest = TRUE;
          continue;
        }
      other = add_row (self, row);
      if (other != NULL && !other->fresh)
        {
          if (changed == NULL)
            changed = g_ptr_array_new ();
          g_ptr_array_add (changed, other);
        }
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
