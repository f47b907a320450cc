/* am-column-order.h: shows a hidden GtkColumnView column again at its place in the table
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Inserts @column into @view before the first shown column that comes after it in the table
 * (each column carries its table index as the "am-column" object data), so a column shown
 * again lands where it belongs even after the user reordered the others.
 *
 * The Images and Instances views take hidden columns out of the view rather than making them
 * invisible: GTK 4.8 still builds and binds the cells of invisible columns for every row.
 */
void am_column_view_insert_in_order (GtkColumnView       *view,
                                     GtkColumnViewColumn *column);

G_END_DECLS
