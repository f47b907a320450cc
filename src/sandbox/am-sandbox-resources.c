/* am-sandbox-resources.c: every resource's field table, and the resources' free and copy functions
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include "am-sandbox-record.h"
#include "am-sandbox-state-private.h"

/* A resource's free function: its table knows what it owns. */
#define DEFINE_FREE(function, Struct, record) \
  void function (Struct *resource) { _am_sb_record_free (&(record), resource); }

/* Field tables: one a resource, in the order the members stand in state.json. They drive saving
 * and loading (am-sandbox-state-file.c), freeing and copying. */

#define STR(Struct, member, json, ...) \
  { json, AM_SB_FIELD_STRING, G_STRUCT_OFFSET (Struct, member), __VA_ARGS__ }
#define INTERN(Struct, member, json, ...) \
  { json, AM_SB_FIELD_INTERNED, G_STRUCT_OFFSET (Struct, member), __VA_ARGS__ }
#define INT(Struct, member, json, ...) \
  { json, AM_SB_FIELD_INT, G_STRUCT_OFFSET (Struct, member), __VA_ARGS__ }
#define TIME(Struct, member, json) \
  { json, AM_SB_FIELD_TIME, G_STRUCT_OFFSET (Struct, member), 0 }
#define BOOL(Struct, member, json) \
  { json, AM_SB_FIELD_BOOL, G_STRUCT_OFFSET (Struct, member), 0 }
#define STRINGS(Struct, member, json, flags, what) \
  { json, AM_SB_FIELD_STRINGS, G_STRUCT_OFFSET (Struct, member), flags, NULL, what }
#define RECORDS(Struct, member, json, flags, element) \
  { json, AM_SB_FIELD_RECORDS, G_STRUCT_OFFSET (Struct, member), flags, &element }
#define REQUIRED AM_SB_FIELD_REQUIRED

static const AmSbField block_device_fields[] = {
  STR (AmSbBlockDevice, device_name, "deviceName", REQUIRED),
  STR (AmSbBlockDevice, virtual_name, "virtualName", 0),
  BOOL (AmSbBlockDevice, no_device, "noDevice"),
  BOOL (AmSbBlockDevice, has_ebs, "hasEbs"),
  STR (AmSbBlockDevice, snapshot_id, "snapshotId", 0),
  INT (AmSbBlockDevice, volume_size, "volumeSize", 0),
  STR (AmSbBlockDevice, volume_type, "volumeType", 0),
  BOOL (AmSbBlockDevice, delete_on_termination, "deleteOnTermination"),
  BOOL (AmSbBlockDevice, encrypted, "encrypted"),
  INT (AmSbBlockDevice, iops, "iops", 0),
  INT (AmSbBlockDevice, throughput, "throughput", 0),
};
static const AmSbRecordType block_device_record =
  AM_SB_RECORD_TYPE (AmSbBlockDevice, "block device", block_device_fields, am_sb_block_device_free, NULL);
DEFINE_FREE (am_sb_block_device_free, AmSbBlockDevice, block_device_record)

static const AmSbField product_code_fields[] = {
  STR (AmSbProductCode, code, "code", REQUIRED),
  STR (AmSbProductCode, type, "type", 0),
};
static const AmSbRecordType product_code_record =
  AM_SB_RECORD_TYPE (AmSbProductCode, "product code", product_code_fields, am_sb_product_code_free, NULL);
DEFINE_FREE (am_sb_product_code_free, AmSbProductCode, product_code_record)

static const AmSbField launch_permission_fields[] = {
  INT (AmSbLaunchPermission, kind, "kind", AM_SB_FIELD_RANGE, NULL, NULL, 0, AM_SB_PERM_USER, AM_SB_PERM_OU),
  STR (AmSbLaunchPermission, value, "value", REQUIRED),
};
static const AmSbRecordType launch_permission_record =
  AM_SB_RECORD_TYPE (AmSbLaunchPermission, "launch permission", launch_permission_fields,
                     am_sb_launch_permission_free, NULL);
DEFINE_FREE (am_sb_launch_permission_free, AmSbLaunchPermission, launch_permission_record)

static gboolean
image_finish (gpointer record)
{
  AmSbImage *image = record;

  image->stored = TRUE;
  if (image->architecture == NULL)
    image->architecture = g_intern_static_string ("x86_64");
  if (image->image_type == NULL)
    image->image_type = g_intern_static_string ("machine");
  if (image->root_device_type == NULL)
    image->root_device_type = g_intern_static_string ("ebs");
  if (image->virtualization_type == NULL)
    image->virtualization_type = g_intern_static_string ("hvm");
  if (image->hypervisor == NULL)
    image->hypervisor = g_intern_static_string ("xen");
  if (image->platform_details == NULL)
    image->platform_details = g_intern_static_string ("Linux/UNIX");
  if (image->usage_operation == NULL)
    image->usage_operation = g_intern_static_string ("RunInstances");
  return TRUE;
}

static const AmSbField image_fields[] = {
  STR (AmSbImage, image_id, "imageId", REQUIRED),
  INTERN (AmSbImage, region, "region", REQUIRED),
  INTERN (AmSbImage, owner_id, "ownerId", REQUIRED),
  INTERN (AmSbImage, owner_alias, "ownerAlias", 0),
  STR (AmSbImage, name, "name", REQUIRED),
  STR (AmSbImage, description, "description", 0),
  STR (AmSbImage, image_location, "imageLocation", 0),
  INTERN (AmSbImage, architecture, "architecture", 0),
  INTERN (AmSbImage, platform, "platform", 0),
  INTERN (AmSbImage, platform_details, "platformDetails", 0),
  INTERN (AmSbImage, usage_operation, "usageOperation", 0),
  INTERN (AmSbImage, image_type, "imageType", 0),
  INTERN (AmSbImage, root_device_type, "rootDeviceType", 0),
  INTERN (AmSbImage, root_device_name, "rootDeviceName", 0),
  INTERN (AmSbImage, virtualization_type, "virtualizationType", 0),
  INTERN (AmSbImage, hypervisor, "hypervisor", 0),
  INTERN (AmSbImage, boot_mode, "bootMode", 0),
  INTERN (AmSbImage, imds_support, "imdsSupport", 0),
  INTERN (AmSbImage, tpm_support, "tpmSupport", 0),
  INTERN (AmSbImage, sriov_net_support, "sriovNetSupport", 0),
  BOOL (AmSbImage, ena_support, "enaSupport"),
  TIME (AmSbImage, creation_time, "creationTime"),
  TIME (AmSbImage, available_time, "availableTime"),
  TIME (AmSbImage, deprecation_time, "deprecationTime"),
  TIME (AmSbImage, last_launched_time, "lastLaunchedTime"),
  BOOL (AmSbImage, deregistration_protection, "deregistrationProtection"),
  BOOL (AmSbImage, protection_cooldown, "protectionCooldown"),
  TIME (AmSbImage, protection_until, "protectionUntil"),
  STR (AmSbImage, failed_reason, "failedReason", 0),
  STR (AmSbImage, source_instance_id, "sourceInstanceId", 0),
  STR (AmSbImage, source_image_id, "sourceImageId", 0),
  STR (AmSbImage, source_image_region, "sourceImageRegion", 0),
  BOOL (AmSbImage, disabled, "disabled"),
  TIME (AmSbImage, recycle_enter_time, "recycleEnterTime"),
  TIME (AmSbImage, recycle_exit_time, "recycleExitTime"),
  RECORDS (AmSbImage, block_devices, "blockDevices", 0, block_device_record),
  RECORDS (AmSbImage, product_codes, "productCodes", AM_SB_FIELD_EMPTY_NULL, product_code_record),
  RECORDS (AmSbImage, launch_permissions, "launchPermissions", 0, launch_permission_record),
};
const AmSbRecordType _am_sb_image_record =
  AM_SB_RECORD_TYPE (AmSbImage, "image", image_fields, am_sb_image_free, image_finish);
DEFINE_FREE (am_sb_image_free, AmSbImage, _am_sb_image_record)

AmSbImage *
am_sb_image_copy (const AmSbImage *image)
{
  return _am_sb_record_copy (&_am_sb_image_record, image);
}

static const AmSbField snapshot_fields[] = {
  STR (AmSbSnapshot, snapshot_id, "snapshotId", REQUIRED),
  INTERN (AmSbSnapshot, region, "region", REQUIRED),
  INTERN (AmSbSnapshot, owner_id, "ownerId", REQUIRED),
  STR (AmSbSnapshot, volume_id, "volumeId", 0),
  INT (AmSbSnapshot, volume_size, "volumeSize", 0),
  STR (AmSbSnapshot, description, "description", 0),
  TIME (AmSbSnapshot, start_time, "startTime"),
  TIME (AmSbSnapshot, completed_time, "completedTime"),
  BOOL (AmSbSnapshot, encrypted, "encrypted"),
  TIME (AmSbSnapshot, recycle_enter_time, "recycleEnterTime"),
  TIME (AmSbSnapshot, recycle_exit_time, "recycleExitTime"),
  RECORDS (AmSbSnapshot, create_volume_permissions, "createVolumePermissions", AM_SB_FIELD_OMIT_NULL,
           launch_permission_record),
};
const AmSbRecordType _am_sb_snapshot_record =
  AM_SB_RECORD_TYPE (AmSbSnapshot, "snapshot", snapshot_fields, am_sb_snapshot_free, NULL);
DEFINE_FREE (am_sb_snapshot_free, AmSbSnapshot, _am_sb_snapshot_record)

static const AmSbField volume_fields[] = {
  STR (AmSbVolume, device_name, "deviceName", 0),
  STR (AmSbVolume, volume_id, "volumeId", REQUIRED),
  INT (AmSbVolume, volume_size, "volumeSize", 0),
  STR (AmSbVolume, volume_type, "volumeType", 0),
  STR (AmSbVolume, snapshot_id, "snapshotId", 0),
  BOOL (AmSbVolume, delete_on_termination, "deleteOnTermination"),
};
static const AmSbRecordType volume_record =
  AM_SB_RECORD_TYPE (AmSbVolume, "volume", volume_fields, am_sb_volume_free, NULL);
DEFINE_FREE (am_sb_volume_free, AmSbVolume, volume_record)

static gboolean
instance_finish (gpointer record)
{
  AmSbInstance *in = record;

  if (in->instance_type == NULL)
    in->instance_type = g_strdup ("t3.micro");
  if (in->architecture == NULL)
    in->architecture = g_intern_static_string ("x86_64");
  return TRUE;
}

static const AmSbField instance_fields[] = {
  STR (AmSbInstance, instance_id, "instanceId", REQUIRED),
  STR (AmSbInstance, reservation_id, "reservationId", 0),
  INTERN (AmSbInstance, region, "region", REQUIRED),
  INTERN (AmSbInstance, owner_id, "ownerId", REQUIRED),
  STR (AmSbInstance, image_id, "imageId", REQUIRED),
  STR (AmSbInstance, instance_type, "instanceType", 0),
  STR (AmSbInstance, key_name, "keyName", 0),
  STR (AmSbInstance, subnet_id, "subnetId", 0),
  STR (AmSbInstance, vpc_id, "vpcId", 0),
  STR (AmSbInstance, availability_zone, "availabilityZone", 0),
  STR (AmSbInstance, private_ip, "privateIp", 0),
  STR (AmSbInstance, public_ip, "publicIp", 0),
  STRINGS (AmSbInstance, security_group_ids, "securityGroupIds", 0, "instance security group"),
  INTERN (AmSbInstance, architecture, "architecture", 0),
  INTERN (AmSbInstance, platform, "platform", 0),
  INTERN (AmSbInstance, platform_details, "platformDetails", 0),
  INTERN (AmSbInstance, root_device_name, "rootDeviceName", 0),
  INTERN (AmSbInstance, root_device_type, "rootDeviceType", 0),
  INTERN (AmSbInstance, virtualization_type, "virtualizationType", 0),
  INTERN (AmSbInstance, boot_mode, "bootMode", 0),
  RECORDS (AmSbInstance, volumes, "volumes", 0, volume_record),
  TIME (AmSbInstance, launch_time, "launchTime"),
  STR (AmSbInstance, target_state, "targetState", REQUIRED),
  TIME (AmSbInstance, target_since, "targetSince"),
  INT (AmSbInstance, ami_launch_index, "amiLaunchIndex", 0),
  STR (AmSbInstance, client_token, "clientToken", 0),
  STR (AmSbInstance, state_reason, "stateReason", 0),
  BOOL (AmSbInstance, disable_api_termination, "disableApiTermination"),
};
const AmSbRecordType _am_sb_instance_record =
  AM_SB_RECORD_TYPE (AmSbInstance, "instance", instance_fields, am_sb_instance_free, instance_finish);
DEFINE_FREE (am_sb_instance_free, AmSbInstance, _am_sb_instance_record)

static const AmSbField key_pair_fields[] = {
  STR (AmSbKeyPair, key_pair_id, "keyPairId", REQUIRED),
  INTERN (AmSbKeyPair, region, "region", REQUIRED),
  INTERN (AmSbKeyPair, owner_id, "ownerId", REQUIRED),
  STR (AmSbKeyPair, key_name, "keyName", REQUIRED),
  STR (AmSbKeyPair, key_type, "keyType", 0),
  STR (AmSbKeyPair, fingerprint, "fingerprint", 0),
  STR (AmSbKeyPair, public_key, "publicKey", 0),
  TIME (AmSbKeyPair, create_time, "createTime"),
};
const AmSbRecordType _am_sb_key_pair_record =
  AM_SB_RECORD_TYPE (AmSbKeyPair, "key pair", key_pair_fields, am_sb_key_pair_free, NULL);
DEFINE_FREE (am_sb_key_pair_free, AmSbKeyPair, _am_sb_key_pair_record)

static const AmSbField vpc_fields[] = {
  STR (AmSbVpc, vpc_id, "vpcId", REQUIRED),
  INTERN (AmSbVpc, region, "region", REQUIRED),
  INTERN (AmSbVpc, owner_id, "ownerId", REQUIRED),
  STR (AmSbVpc, cidr_block, "cidrBlock", 0),
  BOOL (AmSbVpc, is_default, "isDefault"),
};
const AmSbRecordType _am_sb_vpc_record = AM_SB_RECORD_TYPE (AmSbVpc, "VPC", vpc_fields, am_sb_vpc_free, NULL);
DEFINE_FREE (am_sb_vpc_free, AmSbVpc, _am_sb_vpc_record)

static const AmSbField subnet_fields[] = {
  STR (AmSbSubnet, subnet_id, "subnetId", REQUIRED),
  INTERN (AmSbSubnet, region, "region", REQUIRED),
  INTERN (AmSbSubnet, owner_id, "ownerId", REQUIRED),
  STR (AmSbSubnet, vpc_id, "vpcId", REQUIRED),
  STR (AmSbSubnet, availability_zone, "availabilityZone", REQUIRED),
  STR (AmSbSubnet, availability_zone_id, "availabilityZoneId", 0),
  STR (AmSbSubnet, cidr_block, "cidrBlock", 0),
  BOOL (AmSbSubnet, default_for_az, "defaultForAz"),
};
const AmSbRecordType _am_sb_subnet_record =
  AM_SB_RECORD_TYPE (AmSbSubnet, "subnet", subnet_fields, am_sb_subnet_free, NULL);
DEFINE_FREE (am_sb_subnet_free, AmSbSubnet, _am_sb_subnet_record)

static const AmSbField ingress_rule_fields[] = {
  STR (AmSbIngressRule, protocol, "protocol", REQUIRED),
  INT (AmSbIngressRule, from_port, "fromPort", 0),
  INT (AmSbIngressRule, to_port, "toPort", 0),
  STR (AmSbIngressRule, cidr, "cidr", 0),
};
static const AmSbRecordType ingress_rule_record =
  AM_SB_RECORD_TYPE (AmSbIngressRule, "security group rule", ingress_rule_fields, am_sb_ingress_rule_free, NULL);
DEFINE_FREE (am_sb_ingress_rule_free, AmSbIngressRule, ingress_rule_record)

static const AmSbField security_group_fields[] = {
  STR (AmSbSecurityGroup, group_id, "groupId", REQUIRED),
  INTERN (AmSbSecurityGroup, region, "region", REQUIRED),
  INTERN (AmSbSecurityGroup, owner_id, "ownerId", REQUIRED),
  STR (AmSbSecurityGroup, vpc_id, "vpcId", 0),
  STR (AmSbSecurityGroup, group_name, "groupName", REQUIRED),
  STR (AmSbSecurityGroup, description, "description", 0),
  RECORDS (AmSbSecurityGroup, ingress, "ingress", 0, ingress_rule_record),
};
const AmSbRecordType _am_sb_security_group_record =
  AM_SB_RECORD_TYPE (AmSbSecurityGroup, "security group", security_group_fields, am_sb_security_group_free, NULL);
DEFINE_FREE (am_sb_security_group_free, AmSbSecurityGroup, _am_sb_security_group_record)

static const AmSbField launch_template_fields[] = {
  STR (AmSbLaunchTemplate, launch_template_id, "launchTemplateId", REQUIRED),
  INTERN (AmSbLaunchTemplate, region, "region", REQUIRED),
  INTERN (AmSbLaunchTemplate, owner_id, "ownerId", REQUIRED),
  STR (AmSbLaunchTemplate, name, "name", REQUIRED),
  STR (AmSbLaunchTemplate, version_description, "versionDescription", 0),
  TIME (AmSbLaunchTemplate, create_time, "createTime"),
  { "data", AM_SB_FIELD_STRING_MAP, G_STRUCT_OFFSET (AmSbLaunchTemplate, data), 0 },
};
const AmSbRecordType _am_sb_launch_template_record =
  AM_SB_RECORD_TYPE (AmSbLaunchTemplate, "launch template", launch_template_fields, am_sb_launch_template_free,
                     NULL);
DEFINE_FREE (am_sb_launch_template_free, AmSbLaunchTemplate, _am_sb_launch_template_record)

/* The table key ("account/region/action/token") is written before these. */
static gboolean
client_token_finish (gpointer record)
{
  AmSbClientToken *t = record;

  /* A file written before tokens expired: they start their day now. */
  if (t->created_time == 0)
    t->created_time = g_get_real_time () / 1000;
  return TRUE;
}

static const AmSbField client_token_fields[] = {
  STR (AmSbClientToken, fingerprint, "fingerprint", REQUIRED),
  STR (AmSbClientToken, result, "result", REQUIRED),
  TIME (AmSbClientToken, created_time, "createdTime"),
};
const AmSbRecordType _am_sb_client_token_record =
  AM_SB_RECORD_TYPE (AmSbClientToken, "client token", client_token_fields, _am_sb_client_token_free,
                     client_token_finish);
DEFINE_FREE (_am_sb_client_token_free, AmSbClientToken, _am_sb_client_token_record)

static gboolean
asg_tag_finish (gpointer record)
{
  AmSbAsgTag *tag = record;

  if (tag->value == NULL)
    tag->value = g_strdup ("");
  return TRUE;
}

static const AmSbField asg_tag_fields[] = {
  STR (AmSbAsgTag, key, "key", REQUIRED),
  STR (AmSbAsgTag, value, "value", 0),
  BOOL (AmSbAsgTag, propagate_at_launch, "propagateAtLaunch"),
};
static const AmSbRecordType asg_tag_record =
  AM_SB_RECORD_TYPE (AmSbAsgTag, "Auto Scaling group tag", asg_tag_fields, am_sb_asg_tag_free, asg_tag_finish);
DEFINE_FREE (am_sb_asg_tag_free, AmSbAsgTag, asg_tag_record)

static gboolean
asg_finish (gpointer record)
{
  AmSbAutoScalingGroup *g = record;

  g->key = g_strdup_printf ("%s/%s/%s", g->owner_id, g->region, g->name);
  /* Sizes as the calls allow them: a hand-edited capacity of billions would launch for ever. */
  g->max_size = CLAMP (g->max_size, g->min_size, AM_SB_MAX_GROUP_SIZE);
  g->desired_capacity = CLAMP (g->desired_capacity, g->min_size, g->max_size);
  return TRUE;
}

#define GROUP_SIZE(member, json) \
  INT (AmSbAutoScalingGroup, member, json, AM_SB_FIELD_CLAMP, NULL, NULL, 0, 0, AM_SB_MAX_GROUP_SIZE)

static const AmSbField asg_fields[] = {
  INTERN (AmSbAutoScalingGroup, region, "region", REQUIRED),
  INTERN (AmSbAutoScalingGroup, owner_id, "ownerId", REQUIRED),
  STR (AmSbAutoScalingGroup, name, "name", REQUIRED),
  STR (AmSbAutoScalingGroup, arn, "arn", 0),
  STR (AmSbAutoScalingGroup, launch_template_id, "launchTemplateId", REQUIRED),
  STR (AmSbAutoScalingGroup, launch_template_name, "launchTemplateName", 0),
  STR (AmSbAutoScalingGroup, launch_template_version, "launchTemplateVersion", 0),
  GROUP_SIZE (min_size, "minSize"),
  GROUP_SIZE (max_size, "maxSize"),
  GROUP_SIZE (desired_capacity, "desiredCapacity"),
  TIME (AmSbAutoScalingGroup, created_time, "createdTime"),
  STRINGS (AmSbAutoScalingGroup, subnet_ids, "subnetIds", AM_SB_FIELD_SKIP_BAD, NULL),
  STRINGS (AmSbAutoScalingGroup, instance_ids, "instanceIds", AM_SB_FIELD_SKIP_BAD, NULL),
  RECORDS (AmSbAutoScalingGroup, tags, "tags", 0, asg_tag_record),
};
const AmSbRecordType _am_sb_auto_scaling_group_record =
  AM_SB_RECORD_TYPE (AmSbAutoScalingGroup, "Auto Scaling group", asg_fields, am_sb_auto_scaling_group_free,
                     asg_finish);

void
am_sb_auto_scaling_group_free (AmSbAutoScalingGroup *group)
{
  if (group != NULL)
    g_free (group->key);   /* made from the owner, region and name: not in the file */
  _am_sb_record_free (&_am_sb_auto_scaling_group_record, group);
}
