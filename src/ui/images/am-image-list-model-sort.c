/* am-image-list-model-sort.c: the image list model's sort order
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-list-model"

#include "config.h"

#include <string.h>

#include "am-image-list-model-private.h"

static gboolean
column_is_numeric (AmImageColumn column)
{
  return column == AM_IMAGE_COLUMN_CREATED
         || column == AM_IMAGE_COLUMN_VISIBILITY
         || column == AM_IMAGE_COLUMN_DEPRECATION
         || column == AM_IMAGE_COLUMN_ALLOWED;
}

/*
 * One entry per row, 32 bytes. The comparison reads the 64-bit key first: for numbers the
 * value itself, for text its first eight bytes in big-endian order (so comparing keys orders
 * like strcmp on those bytes); both already inverted when descending. Only rows whose keys are
 * equal look any further: at the rest of the text (when it is longer than eight bytes), then at
 * the ties' rule. Most comparisons of a sort by text never leave the entries' own memory.
 */
typedef struct
{
  guint64 key;
  gint64 created;
  const char *s;      /* the text (NULL for numbers) */
  guint index;        /* in rows */
  gboolean longer;    /* the text goes on after its first eight bytes */
} SortEntry;

static int
sort_entry_compare (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const SortEntry *ea = a;
  const SortEntry *eb = b;
  const gboolean *descending = user_data;

  if (ea->key != eb->key)
    return ea->key < eb->key ? -1 : 1;

  /* Equal keys of text longer than eight bytes: the same eight bytes begin both. */
  if (ea->longer && ea->s != eb->s)
    {
      int result = strcmp (ea->s + 8, eb->s + 8);

      if (result != 0)
        return *descending ? -result : result;
    }

  /* Ties: newest first, then source order, so the order is stable and useful. */
  if (ea->created != eb->created)
    return ea->created > eb->created ? -1 : 1;
  return ea->index < eb->index ? -1 : ea->index > eb->index;
}

/* The first eight bytes of @s in big-endian order, zeros after its end. */
static inline guint64
text_key (const char *s,
          gboolean   *longer)
{
  guint64 key = 0;
  guint i;

  for (i = 0; i < 8 && s[i] != '\0'; i++)
    key |= (guint64) (guchar) s[i] << (56 - 8 * i);
  *longer = i == 8 && s[8] != '\0';
  return key;
}

static void
fill_sort_entry (SortEntry     *entry,
                 Row           *row,
                 AmImageColumn  column)
{
  AmImage *image = row->image;
  const char *s = NULL;
  gint64 i = 0;

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
      i = row->created;
      break;
    case AM_IMAGE_COLUMN_VISIBILITY:
      i = am_image_get_is_public (image);
      break;
    case AM_IMAGE_COLUMN_DEPRECATION:
      i = am_image_get_deprecation_unix (image);
      break;
    case AM_IMAGE_COLUMN_ALLOWED:
      i = am_image_get_image_allowed (image);
      break;
    case AM_IMAGE_COLUMN_REGION:
      s = am_image_get_region (image);
      break;
    case AM_IMAGE_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  if (column_is_numeric (column))
    {
      entry->s = NULL;
      entry->longer = FALSE;
      /* Signed order as unsigned: flip the sign bit. */
      entry->key = (guint64) i ^ G_GUINT64_CONSTANT (0x8000000000000000);
    }
  else
    entry->s = s != NULL ? s : "";
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
  gboolean numeric = column_is_numeric (self->sort_column);
  gboolean descending = self->descending;
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
      fill_sort_entry (&entries[i], g_ptr_array_index (self->rows, i), self->sort_column);
      entries[i].index = i;
    }
  if (self->sort_column == AM_IMAGE_COLUMN_NAME)
    folded = fold_names (entries, n);
  for (guint i = 0; i < n; i++)
    {
      if (!numeric)
        entries[i].key = text_key (entries[i].s, &entries[i].longer);
      if (descending)
        entries[i].key = ~entries[i].key;
    }
  g_qsort_with_data (entries, n, sizeof (SortEntry), sort_entry_compare, &descending);

  for (guint i = 0; i < n; i++)
    self->order->pdata[i] = self->rows->pdata[entries[i].index];
  g_free (entries);
  g_free (folded);
}
