/* am-tag-row.h: one editable key/value row of the tags editor
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AM_TYPE_TAG_ROW (am_tag_row_get_type ())

G_DECLARE_FINAL_TYPE (AmTagRow, am_tag_row, AM, TAG_ROW, AdwPreferencesRow)

/**
 * am_tag_row_new:
 * @key: (nullable): the key, %NULL for a new empty row
 * @value: (nullable): the value; %NULL with a key means the selected resources hold several
 *   values (the row then keeps them unless the user types one)
 */
AmTagRow   *am_tag_row_new           (const char *key,
                                      const char *value);
const char *am_tag_row_get_key       (AmTagRow   *self);
const char *am_tag_row_get_value     (AmTagRow   *self);
/* Whether the row stands for several values the user left alone. */
gboolean    am_tag_row_get_mixed     (AmTagRow   *self);
/* The key the row started with (NULL for an added row). */
const char *am_tag_row_get_original_key (AmTagRow *self);
void        am_tag_row_set_key_error (AmTagRow   *self,
                                      const char *message);
void        am_tag_row_set_value_error (AmTagRow *self,
                                      const char *message);
GtkEditable *am_tag_row_get_key_entry   (AmTagRow *self);
GtkEditable *am_tag_row_get_value_entry (AmTagRow *self);

G_END_DECLS
