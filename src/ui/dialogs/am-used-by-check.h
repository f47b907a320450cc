/* am-used-by-check.h: what still uses images about to go, and the override that lets them go
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-ec2-client.h"

G_BEGIN_DECLS

typedef enum
{
  AM_USED_BY_DEREGISTER,
  AM_USED_BY_DISABLE,
} AmUsedByAction;

#define AM_TYPE_USED_BY_CHECK (am_used_by_check_get_type ())

G_DECLARE_FINAL_TYPE (AmUsedByCheck, am_used_by_check, AM, USED_BY_CHECK, AdwBin)

/*
 * Asks DescribeImageReferences (ten images per call) what uses the images, lists the
 * instances, launch templates and SSM parameters it names, and, when anything does (or the
 * question failed), offers a check "Deregister anyway, N resources still use it". "cleared"
 * turns TRUE once nothing uses them or the check is ticked: a dialog enables its destructive
 * button only then.
 */
AmUsedByCheck *am_used_by_check_new         (AmUsedByAction  action);
void           am_used_by_check_start       (AmUsedByCheck  *self,
                                             AmEc2Client    *client,
                                             GPtrArray      *images);
gboolean       am_used_by_check_get_cleared (AmUsedByCheck  *self);
/** am_used_by_check_get_n_users: how many resources use the images (known once loaded) */
guint          am_used_by_check_get_n_users (AmUsedByCheck  *self);
/** am_used_by_check_get_override: Returns: (transfer none): the override check */
GtkCheckButton *am_used_by_check_get_override (AmUsedByCheck *self);

G_END_DECLS
