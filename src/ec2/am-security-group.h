/* am-security-group.h: a security group (inside an instance only its id and name are set)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "am-tag.h"

G_BEGIN_DECLS

#define AM_TYPE_SECURITY_GROUP (am_security_group_get_type ())

G_DECLARE_FINAL_TYPE (AmSecurityGroup, am_security_group, AM, SECURITY_GROUP, GObject)

/** am_security_group_get_owner_id: the owning account, or %NULL */
const char *am_security_group_get_owner_id (AmSecurityGroup *self);
/** am_security_group_get_group_id: the group id */
const char *am_security_group_get_group_id (AmSecurityGroup *self);
/** am_security_group_get_group_name: the group name */
const char *am_security_group_get_group_name (AmSecurityGroup *self);
/** am_security_group_get_description: the description, or %NULL */
const char *am_security_group_get_description (AmSecurityGroup *self);
/** am_security_group_get_vpc_id: the VPC, or %NULL */
const char *am_security_group_get_vpc_id (AmSecurityGroup *self);
/** am_security_group_get_tags: the tags. Returns: (transfer none): a %NULL-terminated array, never %NULL */
AmTag * const *am_security_group_get_tags (AmSecurityGroup *self);

G_END_DECLS
