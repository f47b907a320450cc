/* am-auto-scaling-dialog.h: creates an Auto Scaling group from the launch wizard's request
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-auto-scaling-group.h"
#include "am-launch-request.h"
#include "am-launch-template.h"
#include "am-session.h"

G_BEGIN_DECLS

#define AM_TYPE_AUTO_SCALING_DIALOG (am_auto_scaling_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmAutoScalingDialog, am_auto_scaling_dialog, AM, AUTO_SCALING_DIALOG, AdwWindow)

/*
 * A dialog with the group's name and its minimum, maximum and desired sizes, validated as the
 * user types, over the subnets chosen in @request. Create saves @request as a launch template
 * first when @template is %NULL (property "template" then changes), then sends
 * CreateAutoScalingGroup with the Name and the other instance tags propagated at launch, and
 * lists the group's instances per Availability Zone as DescribeAutoScalingGroups reports them.
 */
AmAutoScalingDialog *am_auto_scaling_dialog_new          (AmSession           *session,
                                                          AmLaunchRequest     *request,
                                                          AmLaunchTemplate    *template);
/** Returns: (transfer none) (nullable): the launch template used (or created) */
AmLaunchTemplate    *am_auto_scaling_dialog_get_template (AmAutoScalingDialog *self);
/** Returns: (transfer none) (nullable): the group as last described */
AmAutoScalingGroup  *am_auto_scaling_dialog_get_group    (AmAutoScalingDialog *self);
/** am_auto_scaling_dialog_get_busy: %TRUE while a call is in flight (tests wait for %FALSE) */
gboolean             am_auto_scaling_dialog_get_busy     (AmAutoScalingDialog *self);
/**
 * am_auto_scaling_check_group_name:
 * 1–255 characters, no ':' (Auto Scaling's rule for group names).
 */
gboolean             am_auto_scaling_check_group_name    (const char          *name,
                                                          GError             **error);

G_END_DECLS
