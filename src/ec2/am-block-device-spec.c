/* am-block-device-spec.c: a block device mapping to send
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-block-device-spec"

#include "config.h"

#include "am-block-device-spec.h"

G_DEFINE_BOXED_TYPE (AmBlockDeviceSpec, am_block_device_spec,
                     am_block_device_spec_copy, am_block_device_spec_free)

AmBlockDeviceSpec *
am_block_device_spec_new (const char *device_name)
{
  AmBlockDeviceSpec *spec = g_new0 (AmBlockDeviceSpec, 1);

  spec->device_name = g_strdup (device_name);
  return spec;
}

AmBlockDeviceSpec *
am_block_device_spec_copy (const AmBlockDeviceSpec *spec)
{
  AmBlockDeviceSpec *copy;

  g_return_val_if_fail (spec != NULL, NULL);

  copy = g_memdup2 (spec, sizeof *spec);
  copy->device_name = g_strdup (spec->device_name);
  copy->virtual_name = g_strdup (spec->virtual_name);
  copy->snapshot_id = g_strdup (spec->snapshot_id);
  copy->volume_type = g_strdup (spec->volume_type);
  copy->kms_key_id = g_strdup (spec->kms_key_id);
  return copy;
}

void
am_block_device_spec_free (AmBlockDeviceSpec *spec)
{
  if (spec == NULL)
    return;

  g_free (spec->device_name);
  g_free (spec->virtual_name);
  g_free (spec->snapshot_id);
  g_free (spec->volume_type);
  g_free (spec->kms_key_id);
  g_free (spec);
}
