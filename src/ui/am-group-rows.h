/* am-group-rows.h: plain text rows that a preferences group shows and later takes back
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/**
 * am_group_rows_add:
 * @group: the group to add the row to
 * @rows: the rows added so far (borrowed widgets); the new row is appended
 * @title: the row's title, shown as plain text (never markup)
 * @subtitle: (nullable): its subtitle, plain text too
 * Returns: (transfer none): the new row, for suffixes or actions
 */
AdwActionRow *am_group_rows_add   (AdwPreferencesGroup *group,
                                   GPtrArray           *rows,
                                   const char          *title,
                                   const char          *subtitle);
/* Removes every row of @rows from @group and empties @rows. */
void          am_group_rows_clear (AdwPreferencesGroup *group,
                                   GPtrArray           *rows);

G_END_DECLS
