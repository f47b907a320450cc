/* am-tag-specification.h: tags to put on the resources a call creates (TagSpecification.N)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _AmTagSpecification AmTagSpecification;

#define AM_TYPE_TAG_SPECIFICATION (am_tag_specification_get_type ())

GType               am_tag_specification_get_type      (void) G_GNUC_CONST;
/** am_tag_specification_new: @resource_type: "image", "snapshot", "instance", "volume", … */
AmTagSpecification *am_tag_specification_new           (const char               *resource_type);
AmTagSpecification *am_tag_specification_copy          (const AmTagSpecification *spec);
void                am_tag_specification_free          (AmTagSpecification       *spec);
/** am_tag_specification_add: appends a tag (@value may be "" but not %NULL). */
void                am_tag_specification_add           (AmTagSpecification       *spec,
                                                        const char               *key,
                                                        const char               *value);
const char         *am_tag_specification_get_resource_type (const AmTagSpecification *spec);
guint               am_tag_specification_get_n_tags    (const AmTagSpecification *spec);
void                am_tag_specification_get_tag       (const AmTagSpecification *spec,
                                                        guint                     index,
                                                        const char              **key,
                                                        const char              **value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmTagSpecification, am_tag_specification_free)

G_END_DECLS
