/* am-instance-block-device.c: one EBS volume attached to an instance
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-instance-block-device"

#include "config.h"

#include "am-instance-block-device.h"
#include "am-ec2-model-private.h"

struct _AmInstanceBlockDevice
{
  GObject parent_instance;

  /* filled once by the reader or the cache, read-only afterwards */
  char *volume_id;
  char *attach_time;
  GQuark device_name;
  GQuark status;
  gboolean delete_on_termination;
};

G_DEFINE_FINAL_TYPE (AmInstanceBlockDevice, am_instance_block_device, G_TYPE_OBJECT)

static const AmField am_instance_block_device_fields[] = {
  { "device-name", "deviceName", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstanceBlockDevice, device_name), NULL },
  { "volume-id", "volumeId", "ebs", AM_FIELD_STRING, G_STRUCT_OFFSET (AmInstanceBlockDevice, volume_id), NULL },
  { "status", "status", "ebs", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstanceBlockDevice, status), NULL },
  { "attach-time", "attachTime", "ebs", AM_FIELD_STRING, G_STRUCT_OFFSET (AmInstanceBlockDevice, attach_time), NULL },
  { "delete-on-termination", "deleteOnTermination", "ebs", AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (AmInstanceBlockDevice, delete_on_termination), NULL },
};

static AmModelInfo am_instance_block_device_info = {
  "AmInstanceBlockDevice", am_instance_block_device_get_type, am_instance_block_device_fields, G_N_ELEMENTS (am_instance_block_device_fields), NULL, NULL,
};

const AmModelInfo *
_am_instance_block_device_get_model_info (void)
{
  return &am_instance_block_device_info;
}

static void
am_instance_block_device_finalize (GObject *object)
{
  _am_model_clear (object, &am_instance_block_device_info);

  G_OBJECT_CLASS (am_instance_block_device_parent_class)->finalize (object);
}

static void
am_instance_block_device_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  if (!_am_model_get_property (object, &am_instance_block_device_info, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_instance_block_device_class_init (AmInstanceBlockDeviceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_instance_block_device_finalize;
  object_class->get_property = am_instance_block_device_get_property;

  _am_model_install_properties (object_class, &am_instance_block_device_info);
}

static void
am_instance_block_device_init (AmInstanceBlockDevice *self)
{
}

const char *
am_instance_block_device_get_device_name (AmInstanceBlockDevice *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_BLOCK_DEVICE (self), NULL);

  return g_quark_to_string (self->device_name);
}

const char *
am_instance_block_device_get_volume_id (AmInstanceBlockDevice *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_BLOCK_DEVICE (self), NULL);

  return self->volume_id;
}

const char *
am_instance_block_device_get_status (AmInstanceBlockDevice *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_BLOCK_DEVICE (self), NULL);

  return g_quark_to_string (self->status);
}

const char *
am_instance_block_device_get_attach_time (AmInstanceBlockDevice *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_BLOCK_DEVICE (self), NULL);

  return self->attach_time;
}

gboolean
am_instance_block_device_get_delete_on_termination (AmInstanceBlockDevice *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_BLOCK_DEVICE (self), FALSE);

  return self->delete_on_termination;
}
