/* am-image-list-model-selection.c: the image list model as a GtkSelectionModel (selection kept in the rows)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-list-model"

#include "config.h"

#include "am-image-list-model-private.h"

/*
 * Selection lives in the rows (GtkMultiSelection looks up every added item on each
 * items-changed: 40+ ms per keystroke at 100k rows). Rows that stop being visible are
 * unselected, as GtkMultiSelection does.
 */
void
am_image_list_model_set_row_selected (AmImageListModel *self,
                                      Row              *row,
                                      gboolean          selected)
{
  if (row->selected == !!selected)
    return;

  row->selected = !!selected;
  if (selected)
    g_ptr_array_add (self->selected, row);
  else
    g_ptr_array_remove_fast (self->selected, row);
}

static void
clear_selection (AmImageListModel *self)
{
  for (guint i = 0; i < self->selected->len; i++)
    ((Row *) self->selected->pdata[i])->selected = FALSE;
  g_ptr_array_set_size (self->selected, 0);
}

/* Where the selected rows are: [*first, *last]; FALSE when nothing is selected. Scans the
 * visible rows only the first time after they changed. */
static gboolean
selection_span (AmImageListModel *self,
                guint            *first,
                guint            *last)
{
  if (self->selected->len == 0)
    return FALSE;
  if (!self->sel_span_valid)
    {
      guint found = 0;

      self->sel_first = G_MAXUINT;
      self->sel_last = 0;
      for (guint i = 0; i < self->visible->len && found < self->selected->len; i++)
        if (((Row *) self->visible->pdata[i])->selected)
          {
            self->sel_first = MIN (self->sel_first, i);
            self->sel_last = i;
            found++;
          }
      if (self->sel_first == G_MAXUINT)
        self->sel_first = self->sel_last = 0;
      self->sel_span_valid = TRUE;
    }
  *first = self->sel_first;
  *last = self->sel_last;
  return TRUE;
}

/* Notes that the rows [first, last] may now be selected too. */
static void
widen_selection_span (AmImageListModel *self,
                      guint             first,
                      guint             last,
                      gboolean          had_selection)
{
  if (!had_selection)
    {
      self->sel_first = first;
      self->sel_last = last;
      self->sel_span_valid = TRUE;
    }
  else if (self->sel_span_valid)
    {
      self->sel_first = MIN (self->sel_first, first);
      self->sel_last = MAX (self->sel_last, last);
    }
}

static gboolean
am_image_list_model_is_selected (GtkSelectionModel *model,
                                 guint              position)
{
  AmImageListModel *self = AM_IMAGE_LIST_MODEL (model);

  return position < self->visible->len && ((Row *) self->visible->pdata[position])->selected;
}

static GtkBitset *
am_image_list_model_get_selection_in_range (GtkSelectionModel *model,
                                            guint              position,
                                            guint              n_items)
{
  AmImageListModel *self = AM_IMAGE_LIST_MODEL (model);
  GtkBitset *bitset = gtk_bitset_new_empty ();
  guint first, last, end;

  /* Only the span of the selected rows is looked at (a selection change asks for the
   * selection of the whole list, 100,000 rows). */
  if (!selection_span (self, &first, &last))
    return bitset;

  end = MIN (MIN (last + 1, self->visible->len), position + MIN (n_items, G_MAXUINT - position));
  for (guint i = MAX (position, first); i < end; i++)
    if (((Row *) self->visible->pdata[i])->selected)
      gtk_bitset_add (bitset, i);

  return bitset;
}

static gboolean
am_image_list_model_select_range (GtkSelectionModel *model,
                                  guint              position,
                                  guint              n_items,
                                  gboolean           unselect_rest)
{
  AmImageListModel *self = AM_IMAGE_LIST_MODEL (model);
  guint first, last;
  guint old_first = 0, old_last = 0;
  gboolean had_selection;

  if (position >= self->visible->len)
    return FALSE;
  n_items = MIN (n_items, self->visible->len - position);
  first = position;
  last = position + n_items - 1;
  had_selection = selection_span (self, &old_first, &old_last);

  if (unselect_rest)
    clear_selection (self);
  for (guint i = position; i < position + n_items; i++)
    am_image_list_model_set_row_selected (self, self->visible->pdata[i], TRUE);
  widen_selection_span (self, first, last, had_selection && !unselect_rest);

  /* What changed: the new rows and, when the rest was unselected, the rows that were. */
  if (unselect_rest && had_selection)
    {
      first = MIN (first, old_first);
      last = MAX (last, old_last);
    }
  gtk_selection_model_selection_changed (model, first, last - first + 1);
  return TRUE;
}

static gboolean
am_image_list_model_select_item (GtkSelectionModel *model,
                                 guint              position,
                                 gboolean           unselect_rest)
{
  return am_image_list_model_select_range (model, position, 1, unselect_rest);
}

static gboolean
am_image_list_model_unselect_range (GtkSelectionModel *model,
                                    guint              position,
                                    guint              n_items)
{
  AmImageListModel *self = AM_IMAGE_LIST_MODEL (model);

  if (position >= self->visible->len)
    return FALSE;
  n_items = MIN (n_items, self->visible->len - position);

  for (guint i = position; i < position + n_items; i++)
    am_image_list_model_set_row_selected (self, self->visible->pdata[i], FALSE);
  gtk_selection_model_selection_changed (model, position, n_items);

  return TRUE;
}

static gboolean
am_image_list_model_unselect_item (GtkSelectionModel *model,
                                   guint              position)
{
  return am_image_list_model_unselect_range (model, position, 1);
}

static gboolean
am_image_list_model_select_all (GtkSelectionModel *model)
{
  AmImageListModel *self = AM_IMAGE_LIST_MODEL (model);

  if (self->visible->len == 0)
    return FALSE;
  return am_image_list_model_select_range (model, 0, self->visible->len, TRUE);
}

static gboolean
am_image_list_model_unselect_all (GtkSelectionModel *model)
{
  AmImageListModel *self = AM_IMAGE_LIST_MODEL (model);

  guint first, last;

  if (!selection_span (self, &first, &last))
    return TRUE;
  clear_selection (self);
  gtk_selection_model_selection_changed (model, first, last - first + 1);

  return TRUE;
}

static gboolean
am_image_list_model_set_selection (GtkSelectionModel *model,
                                   GtkBitset         *selected,
                                   GtkBitset         *mask)
{
  AmImageListModel *self = AM_IMAGE_LIST_MODEL (model);
  GtkBitsetIter iter;
  guint position;
  guint min = G_MAXUINT;
  guint max = 0;
  guint old_first, old_last;
  gboolean had_selection = selection_span (self, &old_first, &old_last);

  if (gtk_bitset_iter_init_first (&iter, mask, &position))
    do
      {
        if (position >= self->visible->len)
          break;
        am_image_list_model_set_row_selected (self, self->visible->pdata[position], gtk_bitset_contains (selected, position));
        min = MIN (min, position);
        max = MAX (max, position);
      }
    while (gtk_bitset_iter_next (&iter, &position));

  if (min <= max)
    {
      widen_selection_span (self, min, max, had_selection);
      gtk_selection_model_selection_changed (model, min, max - min + 1);
    }

  return TRUE;
}

void
am_image_list_model_selection_iface_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = am_image_list_model_is_selected;
  iface->get_selection_in_range = am_image_list_model_get_selection_in_range;
  iface->select_item = am_image_list_model_select_item;
  iface->unselect_item = am_image_list_model_unselect_item;
  iface->select_range = am_image_list_model_select_range;
  iface->unselect_range = am_image_list_model_unselect_range;
  iface->select_all = am_image_list_model_select_all;
  iface->unselect_all = am_image_list_model_unselect_all;
  iface->set_selection = am_image_list_model_set_selection;
}
