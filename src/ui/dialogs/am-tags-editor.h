/* am-tags-editor.h: edits the tags of one or more EC2 resources (images, instances, snapshots)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-action-dialog.h"
#include "am-tag.h"

G_BEGIN_DECLS

#define AM_TYPE_TAGS_EDITOR (am_tags_editor_get_type ())

G_DECLARE_FINAL_TYPE (AmTagsEditor, am_tags_editor, AM, TAGS_EDITOR, AmActionDialog)

/*
 * Shows the tags of the resources added with am_tags_editor_add_resource(): one row per key
 * (a key whose values differ between resources shows "Several values" and is left alone
 * unless a value is typed). Apply sends CreateTags for added or changed tags and DeleteTags
 * for removed keys, to every resource, and offers Undo. Present it, then listen to
 * AmActionDialog::finished.
 */
AmTagsEditor *am_tags_editor_new          (AmSession     *session);
/* @tags: (array zero-terminated=1) (nullable): the resource's current tags */
void          am_tags_editor_add_resource (AmTagsEditor  *self,
                                           const char    *resource_id,
                                           AmTag * const *tags);
/* Adds an empty row and focuses its key entry; returns it (transfer none). */
GtkWidget    *am_tags_editor_add_row      (AmTagsEditor  *self);

G_END_DECLS
