/* am-image-list-model-private.h: what the image list model's files share
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-image-list-model.h"

G_BEGIN_DECLS

/* What filtering and sorting read, copied out of the image once so a pass over 100k rows
 * touches one small struct per row and calls no getter. */
typedef struct
{
  AmImage *image;                                 /* a reference */
  const char *key;                                /* name, id, description (am_image_get_search_key) */
  const char *facets[AM_IMAGE_N_FACETS];          /* interned */
  gint64 created;
  guint key_len;
  guint generation;                               /* the model's generation when last shown */
  guint family_len;                               /* the name's family prefix (am_image_family_length) */
  guint deprecated : 1;
  guint selected : 1;
  guint newest : 1;                               /* the newest of its family (maybe alone in it) */
  guint marked : 1;                               /* newest of a family of two or more: the "Newest" badge */
  guint fresh : 1;                                /* not yet seen by a family pass */
} Row;

struct _AmImageListModel
{
  GObject parent_instance;

  /* owned references */
  GListModel *source;
  GPtrArray *rows;        /* Row, in source order */
  GPtrArray *graveyard;   /* Row removed from rows, possibly still visible until the next rebuild */
  GPtrArray *order;       /* every row, sorted (borrowed) */
  GPtrArray *visible;     /* the rows shown, a subsequence of order (borrowed) */
  GPtrArray *selected;    /* the selected rows (borrowed), all visible */

  /* filter */
  char *query;            /* folded */
  char **words;
  gsize *word_lens;       /* the length of each word */
  const char **facets[AM_IMAGE_N_FACETS];   /* interned, NULL-terminated; NULL allows all */
  AmImageDeprecatedFilter deprecated;
  AmImageAllowedFilter allowed;
  char *tag_key;
  char *tag_value;
  gboolean newest_only;

  /* families (am-image-list-model-families.c) */
  GHashTable *marked;     /* AmImage → itself: the images with the "Newest" badge */
  GHashTable *families;   /* Row standing for its family → its newest row and size */
  gboolean families_stale;

  /* state */
  gulong items_changed_id;
  guint rebuild_id;
  guint generation;
  AmImageColumn sort_column;
  gboolean descending;
  gboolean deferred;
  gboolean order_stale;
  /* Every selected row lies within visible[sel_first..sel_last] while sel_span_valid (a
   * change of the selection then tells only that span, not the 100,000 rows). */
  guint sel_first;
  guint sel_last;
  gboolean sel_span_valid;
  gboolean replacing;     /* between the two halves of a change that replaces rows */
};

/* am-image-list-model-selection.c */
void am_image_list_model_selection_iface_init (GtkSelectionModelInterface *iface);
void am_image_list_model_set_row_selected     (AmImageListModel           *self,
                                               Row                        *row,
                                               gboolean                    selected);

/* am-image-list-model-families.c */
/* Which row is the newest of its family, once per listing change. Returns: (transfer full)
 * (nullable): the rows seen before whose badge changed */
GPtrArray *am_image_list_model_update_families (AmImageListModel          *self);
/* As am_image_list_model_update_families() after rows [@position, +@added) were appended,
 * counting only those (a full pass when the families are stale). */
GPtrArray *am_image_list_model_add_to_families (AmImageListModel          *self,
                                                guint                      position,
                                                guint                      added);
/* Tells the views about the visible rows among @changed (their badge is drawn anew). */
void       am_image_list_model_announce_marks  (AmImageListModel          *self,
                                                GPtrArray                 *changed);

/* am-image-list-model-sort.c */
void am_image_list_model_sort_rows            (AmImageListModel           *self);

G_END_DECLS
