/* am-instance-block-device.h: one EBS volume attached to an instance
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AM_TYPE_INSTANCE_BLOCK_DEVICE (am_instance_block_device_get_type ())

G_DECLARE_FINAL_TYPE (AmInstanceBlockDevice, am_instance_block_device, AM, INSTANCE_BLOCK_DEVICE, GObject)

/** am_instance_block_device_get_device_name: the device name, e.g. "/dev/xvda" */
const char *am_instance_block_device_get_device_name (AmInstanceBlockDevice *self);
/** am_instance_block_device_get_volume_id: the attached volume */
const char *am_instance_block_device_get_volume_id (AmInstanceBlockDevice *self);
/** am_instance_block_device_get_status: the attachment status, e.g. "attached" */
const char *am_instance_block_device_get_status (AmInstanceBlockDevice *self);
/** am_instance_block_device_get_attach_time: when the volume was attached */
const char *am_instance_block_device_get_attach_time (AmInstanceBlockDevice *self);
/** am_instance_block_device_get_delete_on_termination: whether the volume is deleted with the instance */
gboolean am_instance_block_device_get_delete_on_termination (AmInstanceBlockDevice *self);

G_END_DECLS
