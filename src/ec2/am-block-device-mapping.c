/* am-block-device-mapping.c: one block device mapping of an image or an instance
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-block-device-mapping"

#include "config.h"

#include "am-block-device-mapping.h"
#include "am-ec2-model-private.h"

struct _AmBlockDeviceMapping
{
  GObject parent_instance;

  /* filled once by the reader or the cache, read-only afterwards */
  char *snapshot_id;
  GQuark device_name;
  GQuark virtual_name;
  gboolean no_device;
  int volume_size;
  gboolean delete_on_termination;
  GQuark volume_type;
  int iops;
  int throughput;
  gboolean encrypted;
  GQuark kms_key_id;
};

G_DEFINE_FINAL_TYPE (AmBlockDeviceMapping, am_block_device_mapping, G_TYPE_OBJECT)

static const AmField am_block_device_mapping_fields[] = {
  { "device-name", "deviceName", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmBlockDeviceMapping, device_name), NULL },
  { "virtual-name", "virtualName", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmBlockDeviceMapping, virtual_name), NULL },
  { "no-device", "noDevice", NULL, AM_FIELD_PRESENT, G_STRUCT_OFFSET (AmBlockDeviceMapping, no_device), NULL },
  { "snapshot-id", "snapshotId", "ebs", AM_FIELD_STRING, G_STRUCT_OFFSET (AmBlockDeviceMapping, snapshot_id), NULL },
  { "volume-size", "volumeSize", "ebs", AM_FIELD_INT, G_STRUCT_OFFSET (AmBlockDeviceMapping, volume_size), NULL },
  { "delete-on-termination", "deleteOnTermination", "ebs", AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (AmBlockDeviceMapping, delete_on_termination), NULL },
  { "volume-type", "volumeType", "ebs", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmBlockDeviceMapping, volume_type), NULL },
  { "iops", "iops", "ebs", AM_FIELD_INT, G_STRUCT_OFFSET (AmBlockDeviceMapping, iops), NULL },
  { "throughput", "throughput", "ebs", AM_FIELD_INT, G_STRUCT_OFFSET (AmBlockDeviceMapping, throughput), NULL },
  { "encrypted", "encrypted", "ebs", AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (AmBlockDeviceMapping, encrypted), NULL },
  { "kms-key-id", "kmsKeyId", "ebs", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmBlockDeviceMapping, kms_key_id), NULL },
};

static AmModelInfo am_block_device_mapping_info = {
  "AmBlockDeviceMapping", am_block_device_mapping_get_type, am_block_device_mapping_fields, G_N_ELEMENTS (am_block_device_mapping_fields), NULL, NULL,
};

const AmModelInfo *
_am_block_device_mapping_get_model_info (void)
{
  return &am_block_device_mapping_info;
}

static void
am_block_device_mapping_finalize (GObject *object)
{
  _am_model_clear (object, &am_block_device_mapping_info);

  G_OBJECT_CLASS (am_block_device_mapping_parent_class)->finalize (object);
}

static void
am_block_device_mapping_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  if (!_am_model_get_property (object, &am_block_device_mapping_info, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_block_device_mapping_class_init (AmBlockDeviceMappingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_block_device_mapping_finalize;
  object_class->get_property = am_block_device_mapping_get_property;

  _am_model_install_properties (object_class, &am_block_device_mapping_info);
}

static void
am_block_device_mapping_init (AmBlockDeviceMapping *self)
{
}

const char *
am_block_device_mapping_get_device_name (AmBlockDeviceMapping *self)
{
  g_return_val_if_fail (AM_IS_BLOCK_DEVICE_MAPPING (self), NULL);

  return g_quark_to_string (self->device_name);
}

const char *
am_block_device_mapping_get_virtual_name (AmBlockDeviceMapping *self)
{
  g_return_val_if_fail (AM_IS_BLOCK_DEVICE_MAPPING (self), NULL);

  return g_quark_to_string (self->virtual_name);
}

gboolean
am_block_device_mapping_get_no_device (AmBlockDeviceMapping *self)
{
  g_return_val_if_fail (AM_IS_BLOCK_DEVICE_MAPPING (self), FALSE);

  return self->no_device;
}

const char *
am_block_device_mapping_get_snapshot_id (AmBlockDeviceMapping *self)
{
  g_return_val_if_fail (AM_IS_BLOCK_DEVICE_MAPPING (self), NULL);

  return self->snapshot_id;
}

int
am_block_device_mapping_get_volume_size (AmBlockDeviceMapping *self)
{
  g_return_val_if_fail (AM_IS_BLOCK_DEVICE_MAPPING (self), 0);

  return self->volume_size;
}

gboolean
am_block_device_mapping_get_delete_on_termination (AmBlockDeviceMapping *self)
{
  g_return_val_if_fail (AM_IS_BLOCK_DEVICE_MAPPING (self), FALSE);

  return self->delete_on_termination;
}

const char *
am_block_device_mapping_get_volume_type (AmBlockDeviceMapping *self)
{
  g_return_val_if_fail (AM_IS_BLOCK_DEVICE_MAPPING (self), NULL);

  return g_quark_to_string (self->volume_type);
}

int
am_block_device_mapping_get_iops (AmBlockDeviceMapping *self)
{
  g_return_val_if_fail (AM_IS_BLOCK_DEVICE_MAPPING (self), 0);

  return self->iops;
}

int
am_block_device_mapping_get_throughput (AmBlockDeviceMapping *self)
{
  g_return_val_if_fail (AM_IS_BLOCK_DEVICE_MAPPING (self), 0);

  return self->throughput;
}

gboolean
am_block_device_mapping_get_encrypted (AmBlockDeviceMapping *self)
{
  g_return_val_if_fail (AM_IS_BLOCK_DEVICE_MAPPING (self), FALSE);

  return self->encrypted;
}

const char *
am_block_device_mapping_get_kms_key_id (AmBlockDeviceMapping *self)
{
  g_return_val_if_fail (AM_IS_BLOCK_DEVICE_MAPPING (self), NULL);

  return g_quark_to_string (self->kms_key_id);
}
