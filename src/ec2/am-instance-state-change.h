/* am-instance-state-change.h: the state change of one instance after Start/Stop/Reboot/TerminateInstances
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AM_TYPE_INSTANCE_STATE_CHANGE (am_instance_state_change_get_type ())

G_DECLARE_FINAL_TYPE (AmInstanceStateChange, am_instance_state_change, AM, INSTANCE_STATE_CHANGE, GObject)

/** am_instance_state_change_get_instance_id: the instance */
const char *am_instance_state_change_get_instance_id (AmInstanceStateChange *self);
/** am_instance_state_change_get_current_state_code: the new state code (0 pending, 16 running, 32 shutting-down, 48 terminated, 64 stopping, 80 stopped) */
int am_instance_state_change_get_current_state_code (AmInstanceStateChange *self);
/** am_instance_state_change_get_current_state_name: the new state name */
const char *am_instance_state_change_get_current_state_name (AmInstanceStateChange *self);
/** am_instance_state_change_get_previous_state_code: the previous state code */
int am_instance_state_change_get_previous_state_code (AmInstanceStateChange *self);
/** am_instance_state_change_get_previous_state_name: the previous state name */
const char *am_instance_state_change_get_previous_state_name (AmInstanceStateChange *self);

G_END_DECLS
