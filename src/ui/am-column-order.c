/* am-column-order.c: shows a hidden GtkColumnView column again at its place in the table
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-column-order.h"

static guint
table_index (GtkColumnViewColumn *column)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column), "am-column"));
}

void
am_column_view_insert_in_order (GtkColumnView       *view,
                                GtkColumnViewColumn *column)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  guint n = g_list_model_get_n_items (columns);
  guint index = table_index (column);
  guint position = n;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkColumnViewColumn) other = g_list_model_get_item (columns, i);

      if (table_index (other) > index)
        {
          position = i;
          break;
        }
    }
  gtk_column_view_insert_column (view, position, column);
}
