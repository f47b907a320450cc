/* am-launch-template.h: a launch template (as CreateLaunchTemplate returns it)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "am-tag.h"

G_BEGIN_DECLS

#define AM_TYPE_LAUNCH_TEMPLATE (am_launch_template_get_type ())

G_DECLARE_FINAL_TYPE (AmLaunchTemplate, am_launch_template, AM, LAUNCH_TEMPLATE, GObject)

/** am_launch_template_get_launch_template_id: the launch template id */
const char *am_launch_template_get_launch_template_id (AmLaunchTemplate *self);
/** am_launch_template_get_launch_template_name: the name */
const char *am_launch_template_get_launch_template_name (AmLaunchTemplate *self);
/** am_launch_template_get_create_time: when it was created */
const char *am_launch_template_get_create_time (AmLaunchTemplate *self);
/** am_launch_template_get_created_by: the ARN of its creator */
const char *am_launch_template_get_created_by (AmLaunchTemplate *self);
/** am_launch_template_get_default_version_number: the default version */
gint64 am_launch_template_get_default_version_number (AmLaunchTemplate *self);
/** am_launch_template_get_latest_version_number: the latest version */
gint64 am_launch_template_get_latest_version_number (AmLaunchTemplate *self);
/** am_launch_template_get_tags: the tags. Returns: (transfer none): a %NULL-terminated array, never %NULL */
AmTag * const *am_launch_template_get_tags (AmLaunchTemplate *self);

G_END_DECLS
