/* am-tag-list.h: a group of key/value rows for the tags a new resource gets (TagSpecification)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-tag-specification.h"

G_BEGIN_DECLS

/*
 * The tags editor of the dialogs part edits tags of resources that exist; this group collects
 * the tags of resources a call is about to create (the image and its snapshots), validated by
 * EC2's tag rules as the user types.
 */

#define AM_TYPE_TAG_LIST (am_tag_list_get_type ())

G_DECLARE_FINAL_TYPE (AmTagList, am_tag_list, AM, TAG_LIST, AdwPreferencesGroup)

GtkWidget          *am_tag_list_new        (const char *title,
                                            const char *description);
/** am_tag_list_add: appends a row; Returns: (transfer none): the row's key entry */
GtkEditable        *am_tag_list_add        (AmTagList  *self,
                                            const char *key,
                                            const char *value);
guint               am_tag_list_get_n_tags (AmTagList  *self);
/**
 * am_tag_list_validate:
 * Marks wrong entries and returns what is wrong with the first one, or %NULL when all is well
 * (rows with an empty key and value are ignored).
 */
char               *am_tag_list_validate   (AmTagList  *self);
/** Returns: (transfer full) (nullable): the tags for @resource_type, %NULL when there are none */
AmTagSpecification *am_tag_list_to_spec    (AmTagList  *self,
                                            const char *resource_type);

G_END_DECLS
