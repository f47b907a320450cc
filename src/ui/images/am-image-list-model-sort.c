/* am-image-list-model-sort.c: the image list model's sort order
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-list-model"

#include "config.h"

#include <string.h>

#include "am-image-list-model-private.h"

typedef struct
{
  const char *s;
  gint64 i;
  gint64 created;
  Row *row;
  guint index;
} SortEntry;

typedef struct
{
  gboolean numeric;
  gboolean descending;
} SortContext;

static int
sort_entry_compare (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const SortEntry *ea = a;
  const SortEntry *eb = b;
  const SortContext *context = user_data;
  int result;

  if (context->numeric)
    result = ea->i < eb->i ? -1 : ea->i > eb->i;
  else
    result = ea->s == eb->s ? 0 : strcmp (ea->s, eb->s);

  if (result != 0)
    return context->descending ? -result : result;

  /* Ties: newest first, then source order, so the order is stable and useful. */
  if (ea->created != eb->created)
    return ea->created > eb->created ? -1 : 1;
  return ea->index < eb->index ? -1 : ea->index > eb->index;
}

static void
fill_sort_entry (SortEntry     *entry,
                 Row           *row,
                 AmImageColumn  column)
{
  AmImage *image = row->image;
  const char *s = NULL;

  entry->row = row;
  entry->created = row->created;
  switch (column)
    {
    case AM_IMAGE_COLUMN_NAME:
      /* The key starts with the name, ended by a NUL byte (ASCII case: see fold_names). */
      s = row->key;
      break;
    case AM_IMAGE_COLUMN_ID:
      s = am_image_get_image_id (image);
      break;
    case AM_IMAGE_COLUMN_OWNER:
      s = am_image_get_owner_alias (image);
      if (s == NULL)
        s = am_image_get_owner_id (image);
      break;
    case AM_IMAGE_COLUMN_PLATFORM:
      s = row->facets[AM_IMAGE_FACET_PLATFORM];
      break;
    case AM_IMAGE_COLUMN_ARCHITECTURE:
      s = row->facets[AM_IMAGE_FACET_ARCHITECTURE];
      break;
    case AM_IMAGE_COLUMN_ROOT_DEVICE:
      s = row->facets[AM_IMAGE_FACET_ROOT_DEVICE];
      break;
    case AM_IMAGE_COLUMN_VIRTUALIZATION:
      s = row->facets[AM_IMAGE_FACET_VIRTUALIZATION];
      break;
    case AM_IMAGE_COLUMN_BOOT_MODE:
      s = am_image_get_boot_mode (image);
      break;
    case AM_IMAGE_COLUMN_STATE:
      s = row->facets[AM_IMAGE_FACET_STATE];
      break;
    case AM_IMAGE_COLUMN_CREATED:
      entry->i = row->created;
      break;
    case AM_IMAGE_COLUMN_VISIBILITY:
      entry->i = am_image_get_is_public (image);
      break;
    case AM_IMAGE_COLUMN_DEPRECATION:
      entry->i = am_image_get_deprecation_unix (image);
      break;
    case AM_IMAGE_COLUMN_ALLOWED:
      entry->i = am_image_get_image_allowed (image);
      break;
    case AM_IMAGE_COLUMN_REGION:
      s = am_image_get_region (image);
      break;
    case AM_IMAGE_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  entry->s = s != NULL ? s : "";
}

static gboolean
column_is_numeric (AmImageColumn column)
{
  return column == AM_IMAGE_COLUMN_CREATED
         || column == AM_IMAGE_COLUMN_VISIBILITY
         || column == AM_IMAGE_COLUMN_DEPRECATION
         || column == AM_IMAGE_COLUMN_ALLOWED;
}

/* Names sort as folded text; the search key keeps ASCII names as they are, so those with
 * capitals are lowered into one block that lives as long as the sort. */
static char *
fold_names (SortEntry *entries,
            guint      n)
{
  gsize total = 0;
  char *block, *cursor;

  for (guint i = 0; i < n; i++)
    {
      const char *p;

      for (p = entries[i].s; *p != '\0' && (guchar) (*p - 'A') >= 26u; p++)
        ;
      if (*p != '\0')
        total += strlen (entries[i].s) + 1;
    }
  if (total == 0)
    return NULL;

  block = cursor = g_malloc (total);
  for (guint i = 0; i < n; i++)
    {
      const char *p;

      for (p = entries[i].s; *p != '\0' && (guchar) (*p - 'A') >= 26u; p++)
        ;
      if (*p == '\0')
        continue;
      for (p = entries[i].s; *p != '\0'; p++)
        *cursor++ = g_ascii_tolower (*p);
      *cursor++ = '\0';
      entries[i].s = cursor - (p - entries[i].s) - 1;
    }
  return block;
}

void
am_image_list_model_sort_rows (AmImageListModel *self)
{
  SortContext context = { column_is_numeric (self->sort_column), self->descending };
  guint n = self->rows->len;
  SortEntry *entries;
  char *folded = NULL;

  g_ptr_array_set_size (self->order, n);
  self->order_stale = FALSE;
  if (n == 0)
    return;

  entries = g_new (SortEntry, n);
  for (guint i = 0; i < n; i++)
    {
      entries[i].i = 0;
      fill_sort_entry (&entries[i], g_ptr_array_index (self->rows, i), self->sort_column);
      entries[i].index = i;
    }
  if (self->sort_column == AM_IMAGE_COLUMN_NAME)
    folded = fold_names (entries, n);
  g_qsort_with_data (entries, n, sizeof (SortEntry), sort_entry_compare, &context);

  for (guint i = 0; i < n; i++)
    self->order->pdata[i] = entries[i].row;
  g_free (entries);
  g_free (folded);
}
