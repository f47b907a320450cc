/* am-tag.h: a resource tag (key and value)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AM_TYPE_TAG (am_tag_get_type ())

G_DECLARE_FINAL_TYPE (AmTag, am_tag, AM, TAG, GObject)

/** am_tag_get_key: the tag key */
const char *am_tag_get_key (AmTag *self);
/** am_tag_get_value: the tag value (may be empty) */
const char *am_tag_get_value (AmTag *self);

G_END_DECLS
