/* am-image-list-model.c: the filtered, sorted list of images the Images view shows
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-list-model"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "am-image-family.h"
#include "am-image-list-model-private.h"

static void list_model_iface_init (GListModelInterface *iface);

enum {
  ROWS_REPLACING,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (AmImageListModel, am_image_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, am_image_list_model_selection_iface_init))

static GType
am_image_list_model_get_item_type (GListModel *model)
{
  return AM_TYPE_IMAGE;
}

static guint
am_image_list_model_get_n_items (GListModel *model)
{
  return AM_IMAGE_LIST_MODEL (model)->visible->len;
}

static gpointer
am_image_list_model_get_item (GListModel *model,
                              guint       position)
{
  AmImageListModel *self = AM_IMAGE_LIST_MODEL (model);
  Row *row;

  if (position >= self->visible->len)
    return NULL;

  row = g_ptr_array_index (self->visible, position);
  return g_object_ref (row->image);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = am_image_list_model_get_item_type;
  iface->get_n_items = am_image_list_model_get_n_items;
  iface->get_item = am_image_list_model_get_item;
}


const char *
am_image_list_model_get_facet_value (AmImage      *image,
                                     AmImageFacet  facet)
{
  const char *value = NULL;

  switch (facet)
    {
    case AM_IMAGE_FACET_PLATFORM:
      value = am_image_get_platform_details (image);
      if (value == NULL)
        value = am_image_is_windows (image) ? g_intern_static_string ("Windows")
                                                      : g_intern_static_string ("Linux/UNIX");
      break;
    case AM_IMAGE_FACET_ARCHITECTURE:
      value = am_image_get_architecture (image);
      break;
    case AM_IMAGE_FACET_ROOT_DEVICE:
      value = am_image_get_root_device_type (image);
      break;
    case AM_IMAGE_FACET_VIRTUALIZATION:
      value = am_image_get_virtualization_type (image);
      break;
    case AM_IMAGE_FACET_STATE:
      value = am_image_get_state (image);
      break;
    case AM_IMAGE_N_FACETS:
    default:
      g_assert_not_reached ();
    }

  return value != NULL ? value : g_intern_static_string ("");
}

static Row *
row_new (AmImage *image)
{
  gsize key_len = 0;
  const char *key = am_image_get_search_key (image, &key_len);
  Row *row;

  row = g_new (Row, 1);
  row->image = image;   /* takes the reference */
  row->key = key;
  row->key_len = key_len;
  for (guint f = 0; f < AM_IMAGE_N_FACETS; f++)
    row->facets[f] = am_image_list_model_get_facet_value (image, f);
  row->created = am_image_get_creation_time (image);
  row->deprecated = am_image_get_is_deprecated (image);
  row->selected = FALSE;
  row->generation = 0;
  row->family_len = am_image_get_name (image) != NULL ? am_image_family_length (am_image_get_name (image)) : 0;
  row->newest = row->marked = FALSE;
  row->fresh = TRUE;

  return row;
}

static void
row_free (gpointer data)
{
  Row *row = data;

  g_object_unref (row->image);
  g_free (row);
}

/* Whether @word occurs in the name, the id or the description (a word never holds the
 * NUL between them, so a match cannot span two fields). */
static inline gboolean
key_contains (const Row  *row,
              const char *word,
              gsize       word_len)
{
  return am_image_search_key_find (row->key, row->key_len, word, word_len);
}

static gboolean
row_matches (AmImageListModel *self,
             const Row        *row)
{
  if (self->words != NULL)
    for (guint i = 0; self->words[i] != NULL; i++)
      if (!key_contains (row, self->words[i], self->word_lens[i]))
        return FALSE;

  for (guint f = 0; f < AM_IMAGE_N_FACETS; f++)
    {
      gboolean found = FALSE;

      if (self->facets[f] == NULL)
        continue;

      /* Model strings are interned, so facet values compare by pointer. */
      for (guint i = 0; self->facets[f][i] != NULL && !found; i++)
        found = self->facets[f][i] == row->facets[f];
      if (!found)
        return FALSE;
    }

  if (self->deprecated == AM_IMAGE_DEPRECATED_HIDE && row->deprecated)
    return FALSE;
  if (self->deprecated == AM_IMAGE_DEPRECATED_ONLY && !row->deprecated)
    return FALSE;
  if (self->allowed != AM_IMAGE_ALLOWED_ANY
      && !am_image_get_image_allowed (row->image) == (self->allowed == AM_IMAGE_ALLOWED_ONLY))
    return FALSE;
  if (self->newest_only && !row->newest)
    return FALSE;

  if (self->tag_key != NULL)
    {
      AmTag * const *tags = am_image_get_tags (row->image);
      gboolean found = FALSE;

      for (guint i = 0; tags[i] != NULL && !found; i++)
        found = g_strcmp0 (am_tag_get_key (tags[i]), self->tag_key) == 0
                && (self->tag_value == NULL
                    || g_strcmp0 (am_tag_get_value (tags[i]), self->tag_value) == 0);
      if (!found)
        return FALSE;
    }

  return TRUE;
}

/* Swaps in @visible and tells the views only about the range that differs. */
static void
swap_visible (AmImageListModel *self,
              GPtrArray        *visible)
{
  GPtrArray *old = self->visible;
  guint n_old = old->len;
  guint n_new = visible->len;
  guint n_min = MIN (n_old, n_new);
  guint prefix = 0;
  guint suffix = 0;
  guint n_removed;
  guint n_added;

  while (prefix < n_min && old->pdata[prefix] == visible->pdata[prefix])
    prefix++;
  while (suffix < n_min - prefix
         && old->pdata[n_old - 1 - suffix] == visible->pdata[n_new - 1 - suffix])
    suffix++;

  self->visible = visible;

  /* Rows that are not shown any more are not selected any more. */
  for (guint i = self->selected->len; i > 0; i--)
    {
      Row *row = self->selected->pdata[i - 1];

      if (row->generation != self->generation)
        {
          row->selected = FALSE;
          g_ptr_array_remove_index_fast (self->selected, i - 1);
        }
    }

  n_removed = n_old - prefix - suffix;
  n_added = n_new - prefix - suffix;
  if (n_removed > 0 && n_added > 0)
    {
      GPtrArray *between = g_ptr_array_sized_new (n_old + n_added);

      /*
       * In three steps, so that GTK 4.8's list views move their row widgets to the new rows
       * instead of destroying them and building new ones (most of a keystroke's time at
       * 100,000 rows): the new rows go in before the old ones; a view anchored among the old
       * rows then moves its anchor to the first new row (`rows-replacing`), which rebinds
       * the widgets that leave the range it keeps; the old rows, by then without widgets,
       * go last. No step both removes and adds, so none makes GTK look up every added item
       * to find where a removed anchor went.
       */
      /* An empty array has no storage: memcpy must not see its NULL even for 0 bytes. */
      if (prefix > 0)
        memcpy (between->pdata, old->pdata, prefix * sizeof (gpointer));
      memcpy (between->pdata + prefix, visible->pdata + prefix, n_added * sizeof (gpointer));
      memcpy (between->pdata + prefix + n_added, old->pdata + prefix, (n_old - prefix) * sizeof (gpointer));
      between->len = n_old + n_added;
      self->visible = between;
      self->sel_span_valid = FALSE;
      self->replacing = TRUE;
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, 0, n_added);
      g_signal_emit (self, signals[ROWS_REPLACING], 0, prefix, n_removed, n_old);
      self->replacing = FALSE;
      self->visible = visible;
      self->sel_span_valid = FALSE;
      g_list_model_items_changed (G_LIST_MODEL (self), prefix + n_added, n_removed, 0);
      g_ptr_array_unref (between);
    }
  else if (n_removed > 0 || n_added > 0)
    {
      self->sel_span_valid = FALSE;
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, n_removed, n_added);
    }
  g_ptr_array_unref (old);

  /* Nothing can show the removed rows any more. */
  g_ptr_array_set_size (self->graveyard, 0);
}

/* Filters @candidates (a sorted list) into a new visible list. */
static void
refilter_from (AmImageListModel *self,
               GPtrArray        *candidates)
{
  GPtrArray *visible = g_ptr_array_sized_new (candidates->len);
  guint generation = ++self->generation;
  guint n = 0;

  for (guint i = 0; i < candidates->len; i++)
    {
      Row *row = candidates->pdata[i];

      if (row_matches (self, row))
        {
          row->generation = generation;
          visible->pdata[n++] = row;
        }
    }
  visible->len = n;

  swap_visible (self, visible);
}

static void
rebuild (AmImageListModel *self)
{
  g_autoptr (GPtrArray) changed = NULL;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  if (self->families_stale)
    changed = am_image_list_model_update_families (self);
  if (self->order_stale)
    am_image_list_model_sort_rows (self);
  refilter_from (self, self->order);
  am_image_list_model_announce_marks (self, changed);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  AmImageListModel *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
source_items_changed_cb (AmImageListModel *self,
                         guint             position,
                         guint             removed,
                         guint             added,
                         GListModel       *source)
{
  guint old_len = self->rows->len;
  g_autoptr (GPtrArray) replaced = NULL;
  g_autoptr (GPtrArray) changed = NULL;

  /* Removed rows may still be visible until the rebuild: keep them alive until then. A
   * selected image that a refresh replaces (its state changed) stays selected. */
  for (guint i = 0; i < removed; i++)
    {
      Row *row = self->rows->pdata[position + i];

      g_ptr_array_add (self->graveyard, row);
      if (row->selected && added > 0)
        {
          if (replaced == NULL)
            replaced = g_ptr_array_new ();
          g_ptr_array_add (replaced, row);
        }
    }
  g_ptr_array_set_free_func (self->rows, NULL);
  g_ptr_array_remove_range (self->rows, position, removed);
  g_ptr_array_set_free_func (self->rows, row_free);

  if (added > 0)
    {
      g_ptr_array_set_size (self->rows, self->rows->len + added);
      memmove (self->rows->pdata + position + added, self->rows->pdata + position,
               (self->rows->len - position - added) * sizeof (gpointer));
      for (guint i = 0; i < added; i++)
        {
          Row *row = row_new (g_list_model_get_item (source, position + i));

          self->rows->pdata[position + i] = row;
          for (guint j = 0; replaced != NULL && j < replaced->len; j++)
            {
              Row *old = replaced->pdata[j];

              /* An image is its ID in its Region (All Regions lists the same ID per Region). */
              if (g_strcmp0 (am_image_get_image_id (old->image), am_image_get_image_id (row->image)) == 0
                  && g_strcmp0 (am_image_get_region (old->image), am_image_get_region (row->image)) == 0)
                {
                  am_image_list_model_set_row_selected (self, old, FALSE);
                  am_image_list_model_set_row_selected (self, row, TRUE);
                  g_ptr_array_remove_index_fast (replaced, j);
                  break;
                }
            }
        }
    }

  /* A page appended while loading: append its matches unsorted, no re-sort per page. */
  if (self->deferred && removed == 0 && position == old_len
      && self->rebuild_id == 0 && !self->order_stale)
    {
      guint n_visible = self->visible->len;

      changed = am_image_list_model_add_to_families (self, position, added);

      for (guint i = 0; i < added; i++)
        {
          Row *row = g_ptr_array_index (self->rows, position + i);

          g_ptr_array_add (self->order, row);
          if (row_matches (self, row))
            {
              row->generation = self->generation;
              g_ptr_array_add (self->visible, row);
            }
        }
      if (self->visible->len > n_visible)
        g_list_model_items_changed (G_LIST_MODEL (self), n_visible, 0,
                                    self->visible->len - n_visible);
      /* A newer member of a family takes the badge from an older one already shown (with
       * "Newest of Each Family" on, the older one stays until the rebuild at the end). */
      am_image_list_model_announce_marks (self, changed);
      return;
    }

  /* Refreshes arrive as several small changes: sort and filter once for all of them. */
  self->order_stale = TRUE;
  self->families_stale = TRUE;
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, rebuild_cb, self, NULL);
}

static void
am_image_list_model_dispose (GObject *object)
{
  AmImageListModel *self = AM_IMAGE_LIST_MODEL (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->source != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->source);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (am_image_list_model_parent_class)->dispose (object);
}

static void
am_image_list_model_finalize (GObject *object)
{
  AmImageListModel *self = AM_IMAGE_LIST_MODEL (object);

  g_ptr_array_unref (self->selected);
  g_ptr_array_unref (self->visible);
  g_ptr_array_unref (self->order);
  g_ptr_array_unref (self->graveyard);
  g_ptr_array_unref (self->rows);
  g_free (self->query);
  g_strfreev (self->words);
  g_free (self->word_lens);
  for (guint f = 0; f < AM_IMAGE_N_FACETS; f++)
    g_free (self->facets[f]);
  g_free (self->tag_key);
  g_free (self->tag_value);
  g_hash_table_unref (self->marked);
  g_clear_pointer (&self->families, g_hash_table_unref);

  G_OBJECT_CLASS (am_image_list_model_parent_class)->finalize (object);
}

static void
am_image_list_model_class_init (AmImageListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_image_list_model_dispose;
  object_class->finalize = am_image_list_model_finalize;

  /**
   * AmImageListModel::rows-replacing:
   * @position: where the new rows start
   * @n_replaced: how many old rows they replace
   * @n_before: the number of rows before the change
   *
   * Emitted in the middle of a change that replaces rows: the new rows are in the list at
   * [@position, +added) and the @n_replaced old ones still follow them; the next
   * items-changed removes those. A view whose scroll position lies among the old rows moves
   * it to @position here (its layout still describes the @n_before rows of before), so
   * that GTK moves the row widgets to the new rows rather than destroying them with the
   * old ones.
   */
  signals[ROWS_REPLACING] =
    g_signal_new ("rows-replacing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
}

static void
am_image_list_model_init (AmImageListModel *self)
{
  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->graveyard = g_ptr_array_new_with_free_func (row_free);
  self->order = g_ptr_array_new ();
  self->visible = g_ptr_array_new ();
  self->selected = g_ptr_array_new ();
  self->sort_column = AM_IMAGE_COLUMN_CREATED;
  self->descending = TRUE;
  self->marked = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
}

AmImageListModel *
am_image_list_model_new (void)
{
  return g_object_new (AM_TYPE_IMAGE_LIST_MODEL, NULL);
}

gboolean
am_image_list_model_is_replacing (AmImageListModel *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_LIST_MODEL (self), FALSE);

  return self->replacing;
}

void
am_image_list_model_set_source (AmImageListModel *self,
                                GListModel       *source)
{
  guint n;

  g_return_if_fail (AM_IS_IMAGE_LIST_MODEL (self));
  g_return_if_fail (source == NULL || G_IS_LIST_MODEL (source));

  if (self->source == source)
    return;

  if (self->source != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->source);
  g_set_object (&self->source, source);

  g_ptr_array_set_free_func (self->rows, NULL);
  g_ptr_array_extend_and_steal (self->graveyard, g_steal_pointer (&self->rows));
  self->rows = g_ptr_array_new_with_free_func (row_free);
  n = source != NULL ? g_list_model_get_n_items (source) : 0;
  g_ptr_array_set_size (self->rows, n);
  for (guint i = 0; i < n; i++)
    self->rows->pdata[i] = row_new (g_list_model_get_item (source, i));
  if (source != NULL)
    self->items_changed_id = g_signal_connect_object (source, "items-changed",
                                                      G_CALLBACK (source_items_changed_cb),
                                                      self, G_CONNECT_SWAPPED);

  self->order_stale = TRUE;
  self->families_stale = TRUE;
  rebuild (self);
}

GListModel *
am_image_list_model_get_source (AmImageListModel *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_LIST_MODEL (self), NULL);

  return self->source;
}

void
am_image_list_model_set_query (AmImageListModel *self,
                               const char       *query)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *old = NULL;
  gboolean stricter;

  g_return_if_fail (AM_IS_IMAGE_LIST_MODEL (self));

  trimmed = g_strstrip (g_strdup (query != NULL ? query : ""));
  folded = am_image_fold_search_text (trimmed);
  if (g_strcmp0 (folded, self->query) == 0)
    return;

  old = g_steal_pointer (&self->query);
  self->query = g_steal_pointer (&folded);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->word_lens, g_free);
  if (self->query[0] != '\0')
    {
      char **words = g_strsplit_set (self->query, " \t\n", -1);
      guint j = 0;

      /* Drop the empty strings two spaces leave. */
      for (guint i = 0; words[i] != NULL; i++)
        {
          if (words[i][0] != '\0')
            words[j++] = words[i];
          else
            g_free (words[i]);
        }
      words[j] = NULL;
      self->words = words;
      self->word_lens = g_new (gsize, j + 1);
      for (guint i = 0; i < j; i++)
        self->word_lens[i] = strlen (words[i]);
    }

  /* Typing more of a word (or another word) only narrows: recheck the visible rows only. */
  stricter = old != NULL && old[0] != '\0' && strstr (self->query, old) != NULL;
  if (stricter && self->rebuild_id == 0 && !self->order_stale)
    {
      g_autoptr (GPtrArray) candidates = g_ptr_array_ref (self->visible);

      refilter_from (self, candidates);
    }
  else
    rebuild (self);
}

void
am_image_list_model_set_facet (AmImageListModel  *self,
                               AmImageFacet       facet,
                               const char * const *values)
{
  guint n;

  g_return_if_fail (AM_IS_IMAGE_LIST_MODEL (self));
  g_return_if_fail (facet < AM_IMAGE_N_FACETS);

  g_clear_pointer (&self->facets[facet], g_free);
  n = values != NULL ? g_strv_length ((char **) values) : 0;
  if (n > 0)
    {
      self->facets[facet] = g_new0 (const char *, n + 1);
      for (guint i = 0; i < n; i++)
        self->facets[facet][i] = g_intern_string (values[i]);
    }

  rebuild (self);
}

void
am_image_list_model_set_deprecated (AmImageListModel        *self,
                                    AmImageDeprecatedFilter  filter)
{
  g_return_if_fail (AM_IS_IMAGE_LIST_MODEL (self));

  if (self->deprecated == filter)
    return;
  self->deprecated = filter;
  rebuild (self);
}

void
am_image_list_model_set_allowed (AmImageListModel     *self,
                                 AmImageAllowedFilter  filter)
{
  g_return_if_fail (AM_IS_IMAGE_LIST_MODEL (self));

  if (self->allowed == filter)
    return;
  self->allowed = filter;
  rebuild (self);
}

void
am_image_list_model_set_newest_only (AmImageListModel *self,
                                     gboolean          newest_only)
{
  g_return_if_fail (AM_IS_IMAGE_LIST_MODEL (self));

  newest_only = !!newest_only;
  if (self->newest_only == newest_only)
    return;
  self->newest_only = newest_only;
  rebuild (self);
}

void
am_image_list_model_set_tag (AmImageListModel *self,
                             const char       *key,
                             const char       *value)
{
  g_return_if_fail (AM_IS_IMAGE_LIST_MODEL (self));

  g_clear_pointer (&self->tag_key, g_free);
  g_clear_pointer (&self->tag_value, g_free);
  if (key != NULL && key[0] != '\0')
    {
      self->tag_key = g_strdup (key);
      if (value != NULL && value[0] != '\0')
        self->tag_value = g_strdup (value);
    }
  rebuild (self);
}

void
am_image_list_model_clear_filters (AmImageListModel *self)
{
  g_return_if_fail (AM_IS_IMAGE_LIST_MODEL (self));

  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->word_lens, g_free);
  for (guint f = 0; f < AM_IMAGE_N_FACETS; f++)
    g_clear_pointer (&self->facets[f], g_free);
  self->deprecated = AM_IMAGE_DEPRECATED_ANY;
  self->allowed = AM_IMAGE_ALLOWED_ANY;
  self->newest_only = FALSE;
  g_clear_pointer (&self->tag_key, g_free);
  g_clear_pointer (&self->tag_value, g_free);
  rebuild (self);
}

gboolean
am_image_list_model_has_filters (AmImageListModel *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_LIST_MODEL (self), FALSE);

  if (self->words != NULL || self->tag_key != NULL || self->newest_only
      || self->deprecated != AM_IMAGE_DEPRECATED_ANY || self->allowed != AM_IMAGE_ALLOWED_ANY)
    return TRUE;
  for (guint f = 0; f < AM_IMAGE_N_FACETS; f++)
    if (self->facets[f] != NULL)
      return TRUE;

  return FALSE;
}

void
am_image_list_model_set_sort (AmImageListModel *self,
                              AmImageColumn     column,
                              gboolean          descending)
{
  g_return_if_fail (AM_IS_IMAGE_LIST_MODEL (self));
  g_return_if_fail (column < AM_IMAGE_N_COLUMNS);

  descending = !!descending;
  if (self->sort_column == column && self->descending == descending)
    return;

  self->sort_column = column;
  self->descending = descending;
  self->order_stale = TRUE;
  rebuild (self);
}

AmImageColumn
am_image_list_model_get_sort_column (AmImageListModel *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_LIST_MODEL (self), AM_IMAGE_COLUMN_CREATED);

  return self->sort_column;
}

gboolean
am_image_list_model_get_sort_descending (AmImageListModel *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_LIST_MODEL (self), FALSE);

  return self->descending;
}

void
am_image_list_model_set_sort_deferred (AmImageListModel *self,
                                       gboolean          deferred)
{
  g_return_if_fail (AM_IS_IMAGE_LIST_MODEL (self));

  deferred = !!deferred;
  if (self->deferred == deferred)
    return;

  self->deferred = deferred;
  if (!deferred)
    {
      self->order_stale = TRUE;
      rebuild (self);
    }
}

guint
am_image_list_model_get_n_total (AmImageListModel *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_LIST_MODEL (self), 0);

  return self->rows->len;
}

GHashTable *
am_image_list_model_count_facet (AmImageListModel *self,
                                 AmImageFacet      facet)
{
  GHashTable *counts;

  g_return_val_if_fail (AM_IS_IMAGE_LIST_MODEL (self), NULL);
  g_return_val_if_fail (facet < AM_IMAGE_N_FACETS, NULL);

  counts = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = self->rows->pdata[i];
      const char *value = row->facets[facet];
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, value));

      g_hash_table_insert (counts, (gpointer) value, GUINT_TO_POINTER (count + 1));
    }

  return counts;
}

/**
 * am_image_list_model_get_selected_images:
 * Returns: (transfer full) (element-type AmImage): the selected images
 */
GPtrArray *
am_image_list_model_get_selected_images (AmImageListModel *self)
{
  GPtrArray *images;

  g_return_val_if_fail (AM_IS_IMAGE_LIST_MODEL (self), NULL);

  images = g_ptr_array_new_full (self->selected->len, g_object_unref);
  for (guint i = 0; i < self->selected->len; i++)
    g_ptr_array_add (images, g_object_ref (((Row *) self->selected->pdata[i])->image));

  return images;
}

guint
am_image_list_model_get_n_selected (AmImageListModel *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_LIST_MODEL (self), 0);

  return self->selected->len;
}
