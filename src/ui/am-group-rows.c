/* am-group-rows.c: plain text rows that a preferences group shows and later takes back
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-group-rows"

#include "config.h"

#include "am-group-rows.h"
#include "am-title-layout.h"

AdwActionRow *
am_group_rows_add (AdwPreferencesGroup *group,
                   GPtrArray           *rows,
                   const char          *title,
                   const char          *subtitle)
{
  AdwActionRow *row;

  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (group), NULL);
  g_return_val_if_fail (rows != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (row, subtitle);
  am_action_row_use_title_layout (row);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_ptr_array_add (rows, row);
  return row;
}

void
am_group_rows_clear (AdwPreferencesGroup *group,
                     GPtrArray           *rows)
{
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));
  g_return_if_fail (rows != NULL);

  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}
