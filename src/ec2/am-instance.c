/* am-instance.c: an EC2 instance: state, placement, addresses, block devices, groups and tags
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-instance"

#include "config.h"

#include "am-instance.h"
#include "am-ec2-model-private.h"

struct _AmInstance
{
  GObject parent_instance;

  /* filled once by the reader or the cache, read-only afterwards */
  char *instance_id;
  char *private_dns_name;
  char *public_dns_name;
  char *state_transition_reason;
  char *launch_time;
  char *private_ip_address;
  char *public_ip_address;
  char *state_reason_message;
  gpointer *block_devices;
  char *client_token;
  gpointer *tags;
  gpointer *security_groups;
  char *iam_instance_profile_arn;
  GQuark image_id;
  int state_code;
  GQuark state_name;
  GQuark key_name;
  int ami_launch_index;
  GQuark instance_type;
  GQuark availability_zone;
  GQuark tenancy;
  GQuark platform;
  GQuark monitoring_state;
  GQuark subnet_id;
  GQuark vpc_id;
  GQuark state_reason_code;
  GQuark architecture;
  GQuark root_device_type;
  GQuark root_device_name;
  GQuark virtualization_type;
  GQuark hypervisor;
  gboolean ena_support;
  gboolean ebs_optimized;
  GQuark boot_mode;
  GQuark platform_details;
  GQuark usage_operation;
  GQuark metadata_http_tokens;

  /* set by a listing of several regions (am-region-fanout.c); 0 in a one-region listing */
  GQuark region;
};

G_DEFINE_FINAL_TYPE (AmInstance, am_instance, G_TYPE_OBJECT)

static const AmField am_instance_fields[] = {
  { "instance-id", "instanceId", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmInstance, instance_id), NULL },
  { "image-id", "imageId", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstance, image_id), NULL },
  { "state-code", "code", "instanceState", AM_FIELD_INT, G_STRUCT_OFFSET (AmInstance, state_code), NULL },
  { "state-name", "name", "instanceState", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstance, state_name), NULL },
  { "private-dns-name", "privateDnsName", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmInstance, private_dns_name), NULL },
  { "public-dns-name", "dnsName", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmInstance, public_dns_name), NULL },
  { "state-transition-reason", "reason", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmInstance, state_transition_reason), NULL },
  { "key-name", "keyName", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstance, key_name), NULL },
  { "ami-launch-index", "amiLaunchIndex", NULL, AM_FIELD_INT, G_STRUCT_OFFSET (AmInstance, ami_launch_index), NULL },
  { "instance-type", "instanceType", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstance, instance_type), NULL },
  { "launch-time", "launchTime", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmInstance, launch_time), NULL },
  { "availability-zone", "availabilityZone", "placement", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstance, availability_zone), NULL },
  { "tenancy", "tenancy", "placement", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstance, tenancy), NULL },
  { "platform", "platform", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstance, platform), NULL },
  { "monitoring-state", "state", "monitoring", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstance, monitoring_state), NULL },
  { "subnet-id", "subnetId", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstance, subnet_id), NULL },
  { "vpc-id", "vpcId", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstance, vpc_id), NULL },
  { "private-ip-address", "privateIpAddress", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmInstance, private_ip_address), NULL },
  { "public-ip-address", "ipAddress", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmInstance, public_ip_address), NULL },
  { "state-reason-code", "code", "stateReason", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstance, state_reason_code), NULL },
  { "state-reason-message", "message", "stateReason", AM_FIELD_STRING, G_STRUCT_OFFSET (AmInstance, state_reason_message), NULL },
  { "architecture", "architecture", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstance, architecture), NULL },
  { "root-device-type", "rootDeviceType", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstance, root_device_type), NULL },
  { "root-device-name", "rootDeviceName", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstance, root_device_name), NULL },
  { "block-devices", "blockDeviceMapping", NULL, AM_FIELD_OBJECTS, G_STRUCT_OFFSET (AmInstance, block_devices), _am_instance_block_device_get_model_info },
  { "virtualization-type", "virtualizationType", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstance, virtualization_type), NULL },
  { "client-token", "clientToken", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmInstance, client_token), NULL },
  { "tags", "tagSet", NULL, AM_FIELD_OBJECTS, G_STRUCT_OFFSET (AmInstance, tags), _am_tag_get_model_info },
  { "security-groups", "groupSet", NULL, AM_FIELD_OBJECTS, G_STRUCT_OFFSET (AmInstance, security_groups), _am_security_group_get_model_info },
  { "hypervisor", "hypervisor", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstance, hypervisor), NULL },
  { "iam-instance-profile-arn", "arn", "iamInstanceProfile", AM_FIELD_STRING, G_STRUCT_OFFSET (AmInstance, iam_instance_profile_arn), NULL },
  { "ena-support", "enaSupport", NULL, AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (AmInstance, ena_support), NULL },
  { "ebs-optimized", "ebsOptimized", NULL, AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (AmInstance, ebs_optimized), NULL },
  { "boot-mode", "bootMode", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstance, boot_mode), NULL },
  { "platform-details", "platformDetails", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstance, platform_details), NULL },
  { "usage-operation", "usageOperation", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstance, usage_operation), NULL },
  { "metadata-http-tokens", "httpTokens", "metadataOptions", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstance, metadata_http_tokens), NULL },
};

static AmModelInfo am_instance_info = {
  "AmInstance", am_instance_get_type, am_instance_fields, G_N_ELEMENTS (am_instance_fields), NULL, NULL,
};

const AmModelInfo *
_am_instance_get_model_info (void)
{
  return &am_instance_info;
}

static void
am_instance_finalize (GObject *object)
{
  _am_model_clear (object, &am_instance_info);

  G_OBJECT_CLASS (am_instance_parent_class)->finalize (object);
}

static void
am_instance_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  if (!_am_model_get_property (object, &am_instance_info, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_instance_class_init (AmInstanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_instance_finalize;
  object_class->get_property = am_instance_get_property;

  _am_model_install_properties (object_class, &am_instance_info);
}

static void
am_instance_init (AmInstance *self)
{
}

const char *
am_instance_get_instance_id (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return self->instance_id;
}

const char *
am_instance_get_image_id (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return g_quark_to_string (self->image_id);
}

int
am_instance_get_state_code (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), 0);

  return self->state_code;
}

const char *
am_instance_get_state_name (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return g_quark_to_string (self->state_name);
}

const char *
am_instance_get_private_dns_name (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return self->private_dns_name;
}

const char *
am_instance_get_public_dns_name (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return self->public_dns_name;
}

const char *
am_instance_get_state_transition_reason (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return self->state_transition_reason;
}

const char *
am_instance_get_key_name (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return g_quark_to_string (self->key_name);
}

int
am_instance_get_ami_launch_index (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), 0);

  return self->ami_launch_index;
}

const char *
am_instance_get_instance_type (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return g_quark_to_string (self->instance_type);
}

const char *
am_instance_get_launch_time (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return self->launch_time;
}

const char *
am_instance_get_availability_zone (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return g_quark_to_string (self->availability_zone);
}

const char *
am_instance_get_tenancy (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return g_quark_to_string (self->tenancy);
}

const char *
am_instance_get_platform (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return g_quark_to_string (self->platform);
}

const char *
am_instance_get_monitoring_state (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return g_quark_to_string (self->monitoring_state);
}

const char *
am_instance_get_subnet_id (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return g_quark_to_string (self->subnet_id);
}

const char *
am_instance_get_vpc_id (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return g_quark_to_string (self->vpc_id);
}

const char *
am_instance_get_private_ip_address (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return self->private_ip_address;
}

const char *
am_instance_get_public_ip_address (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return self->public_ip_address;
}

const char *
am_instance_get_state_reason_code (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return g_quark_to_string (self->state_reason_code);
}

const char *
am_instance_get_state_reason_message (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return self->state_reason_message;
}

const char *
am_instance_get_architecture (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return g_quark_to_string (self->architecture);
}

const char *
am_instance_get_root_device_type (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return g_quark_to_string (self->root_device_type);
}

const char *
am_instance_get_root_device_name (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return g_quark_to_string (self->root_device_name);
}

AmInstanceBlockDevice * const *
am_instance_get_block_devices (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return (AmInstanceBlockDevice * const *) _am_model_array_or_empty (self->block_devices);
}

const char *
am_instance_get_virtualization_type (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return g_quark_to_string (self->virtualization_type);
}

const char *
am_instance_get_client_token (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return self->client_token;
}

AmTag * const *
am_instance_get_tags (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return (AmTag * const *) _am_model_array_or_empty (self->tags);
}

AmSecurityGroup * const *
am_instance_get_security_groups (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return (AmSecurityGroup * const *) _am_model_array_or_empty (self->security_groups);
}

const char *
am_instance_get_hypervisor (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return g_quark_to_string (self->hypervisor);
}

const char *
am_instance_get_iam_instance_profile_arn (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return self->iam_instance_profile_arn;
}

gboolean
am_instance_get_ena_support (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), FALSE);

  return self->ena_support;
}

gboolean
am_instance_get_ebs_optimized (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), FALSE);

  return self->ebs_optimized;
}

const char *
am_instance_get_boot_mode (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return g_quark_to_string (self->boot_mode);
}

const char *
am_instance_get_platform_details (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return g_quark_to_string (self->platform_details);
}

const char *
am_instance_get_usage_operation (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return g_quark_to_string (self->usage_operation);
}

const char *
am_instance_get_metadata_http_tokens (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return g_quark_to_string (self->metadata_http_tokens);
}

const char *
am_instance_get_region (AmInstance *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE (self), NULL);

  return g_quark_to_string (self->region);
}

void
am_instance_set_region (AmInstance    *self,
                     const char *region)
{
  g_return_if_fail (AM_IS_INSTANCE (self));

  self->region = region != NULL ? g_quark_from_string (region) : 0;
}
