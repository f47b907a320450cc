/* am-block-device-spec.h: a block device mapping to send (CreateImage, RegisterImage, RunInstances)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A yes / no that may also be left to EC2's default. */
typedef enum
{
  AM_EC2_DEFAULT = 0,
  AM_EC2_NO,
  AM_EC2_YES,
} AmEc2Choice;

/*
 * Serialised as BlockDeviceMapping.N.{DeviceName,VirtualName,NoDevice,
 * Ebs.{SnapshotId,VolumeSize,VolumeType,Iops,Throughput,DeleteOnTermination,Encrypted,KmsKeyId}};
 * unset (NULL / 0 / AM_EC2_DEFAULT) fields are not sent.
 */
typedef struct
{
  char        *device_name;
  char        *virtual_name;           /* instance store, e.g. "ephemeral0" */
  gboolean     no_device;              /* suppress a mapping of the image */
  char        *snapshot_id;
  int          volume_size;            /* GiB */
  char        *volume_type;            /* gp2, gp3, io1, io2, st1, sc1, standard */
  int          iops;
  int          throughput;             /* MiB/s, gp3 */
  AmEc2Choice  delete_on_termination;
  AmEc2Choice  encrypted;
  char        *kms_key_id;
} AmBlockDeviceSpec;

#define AM_TYPE_BLOCK_DEVICE_SPEC (am_block_device_spec_get_type ())

GType              am_block_device_spec_get_type (void) G_GNUC_CONST;
/** am_block_device_spec_new: an EBS volume at @device_name; set the other fields directly. */
AmBlockDeviceSpec *am_block_device_spec_new      (const char              *device_name);
AmBlockDeviceSpec *am_block_device_spec_copy     (const AmBlockDeviceSpec *spec);
void               am_block_device_spec_free     (AmBlockDeviceSpec       *spec);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmBlockDeviceSpec, am_block_device_spec_free)

G_END_DECLS
