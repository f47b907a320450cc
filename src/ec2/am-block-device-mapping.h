/* am-block-device-mapping.h: one block device mapping of an image or an instance
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AM_TYPE_BLOCK_DEVICE_MAPPING (am_block_device_mapping_get_type ())

G_DECLARE_FINAL_TYPE (AmBlockDeviceMapping, am_block_device_mapping, AM, BLOCK_DEVICE_MAPPING, GObject)

/** am_block_device_mapping_get_device_name: the device name, e.g. "/dev/xvda" */
const char *am_block_device_mapping_get_device_name (AmBlockDeviceMapping *self);
/** am_block_device_mapping_get_virtual_name: the instance store name, e.g. "ephemeral0", or %NULL */
const char *am_block_device_mapping_get_virtual_name (AmBlockDeviceMapping *self);
/** am_block_device_mapping_get_no_device: %TRUE when the mapping suppresses the device */
gboolean am_block_device_mapping_get_no_device (AmBlockDeviceMapping *self);
/** am_block_device_mapping_get_snapshot_id: the EBS snapshot the volume starts from, or %NULL */
const char *am_block_device_mapping_get_snapshot_id (AmBlockDeviceMapping *self);
/** am_block_device_mapping_get_volume_size: the EBS volume size in GiB, or 0 */
int am_block_device_mapping_get_volume_size (AmBlockDeviceMapping *self);
/** am_block_device_mapping_get_delete_on_termination: whether the EBS volume is deleted with the instance */
gboolean am_block_device_mapping_get_delete_on_termination (AmBlockDeviceMapping *self);
/** am_block_device_mapping_get_volume_type: the EBS volume type (gp2, gp3, io1, io2, st1, sc1, standard) */
const char *am_block_device_mapping_get_volume_type (AmBlockDeviceMapping *self);
/** am_block_device_mapping_get_iops: the provisioned IOPS, or 0 */
int am_block_device_mapping_get_iops (AmBlockDeviceMapping *self);
/** am_block_device_mapping_get_throughput: the gp3 throughput in MiB/s, or 0 */
int am_block_device_mapping_get_throughput (AmBlockDeviceMapping *self);
/** am_block_device_mapping_get_encrypted: whether the EBS volume is encrypted */
gboolean am_block_device_mapping_get_encrypted (AmBlockDeviceMapping *self);
/** am_block_device_mapping_get_kms_key_id: the KMS key of an encrypted volume, or %NULL */
const char *am_block_device_mapping_get_kms_key_id (AmBlockDeviceMapping *self);

G_END_DECLS
