/* am-column-chooser.h: which columns of a GtkColumnView are shown, kept between runs, and its sort column
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What the settings key and the `columns.` actions call a column, and whether it is shown
 * by default. */
typedef struct
{
  const char *id;
  gboolean    visible;
} AmColumnInfo;

/* Compares two rows for @column; NULL when the rows are sorted elsewhere (the column view's
 * sorter then only tells which header was clicked). */
typedef int (*AmColumnCompareFunc) (gconstpointer a,
                                    gconstpointer b,
                                    guint         column);

#define AM_TYPE_COLUMN_CHOOSER (am_column_chooser_get_type ())

G_DECLARE_FINAL_TYPE (AmColumnChooser, am_column_chooser, AM, COLUMN_CHOOSER, GObject)

/*
 * am_column_chooser_new:
 * @view: the column view; shows the columns the @key of @settings names (the defaults of
 *   @info when it names none of them) and takes the others out of it
 * @columns: (array length=n_columns): every column, in the table's order; each gets a sorter
 *   calling @compare
 *
 * The chooser keeps a `columns.ID` stateful action per column (insert its action group into
 * a widget as "columns") and a menu section of them. A column shown again lands at its place
 * in the table even after the user reordered the others, and is scrolled into view.
 *
 * Hidden columns are taken out of the view rather than made invisible: GTK 4.8 still builds
 * and binds the cells of invisible columns for every row.
 */
AmColumnChooser     *am_column_chooser_new              (GtkColumnView              *view,
                                                         GtkColumnViewColumn * const *columns,
                                                         const AmColumnInfo         *info,
                                                         guint                       n_columns,
                                                         AmColumnCompareFunc         compare,
                                                         GSettings                  *settings,
                                                         const char                 *key);
/* The `columns.` actions. */
GActionGroup        *am_column_chooser_get_action_group (AmColumnChooser            *self);
/* A menu of the columns' titles, each checked when it is shown. */
GMenuModel          *am_column_chooser_get_menu         (AmColumnChooser            *self);
GtkColumnViewColumn *am_column_chooser_get_column       (AmColumnChooser            *self,
                                                         guint                       column);
gboolean             am_column_chooser_is_shown         (AmColumnChooser            *self,
                                                         guint                       column);
/* The column the view sorts by first, or -1; @descending: (out) (optional): its direction. */
int                  am_column_chooser_get_sort_column  (AmColumnChooser            *self,
                                                         gboolean                   *descending);
/* The column whose id is @id, or -1. */
int                  am_column_chooser_lookup           (AmColumnChooser            *self,
                                                         const char                 *id);
const char          *am_column_chooser_get_id           (AmColumnChooser            *self,
                                                         guint                       column);

G_END_DECLS
