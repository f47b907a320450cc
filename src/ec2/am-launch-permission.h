/* am-launch-permission.h: one launch permission of an image (an account, all, an organization or an OU)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AM_TYPE_LAUNCH_PERMISSION (am_launch_permission_get_type ())

G_DECLARE_FINAL_TYPE (AmLaunchPermission, am_launch_permission, AM, LAUNCH_PERMISSION, GObject)

/** am_launch_permission_get_user_id: the account id allowed to launch, or %NULL */
const char *am_launch_permission_get_user_id (AmLaunchPermission *self);
/** am_launch_permission_get_group: "all" when the image is public, or %NULL */
const char *am_launch_permission_get_group (AmLaunchPermission *self);
/** am_launch_permission_get_organization_arn: the organization ARN, or %NULL */
const char *am_launch_permission_get_organization_arn (AmLaunchPermission *self);
/** am_launch_permission_get_organizational_unit_arn: the organizational unit ARN, or %NULL */
const char *am_launch_permission_get_organizational_unit_arn (AmLaunchPermission *self);

G_END_DECLS
