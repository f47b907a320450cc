/* am-sandbox-state-file.c: state.json — every resource's field table, and atomic saving and loading
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "am-sandbox-record.h"
#include "am-sandbox-state-private.h"

#define STATE_FORMAT_VERSION 1

/* Field tables: one a resource, in the order the members stand in state.json. */

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
static const AmSbRecordType block_device_type =
  AM_SB_RECORD_TYPE (AmSbBlockDevice, "block device", block_device_fields, am_sb_block_device_free, NULL);

static const AmSbField product_code_fields[] = {
  STR (AmSbProductCode, code, "code", REQUIRED),
  STR (AmSbProductCode, type, "type", 0),
};
static const AmSbRecordType product_code_type =
  AM_SB_RECORD_TYPE (AmSbProductCode, "product code", product_code_fields, am_sb_product_code_free, NULL);

static const AmSbField launch_permission_fields[] = {
  INT (AmSbLaunchPermission, kind, "kind", AM_SB_FIELD_RANGE, NULL, NULL, 0, AM_SB_PERM_USER, AM_SB_PERM_OU),
  STR (AmSbLaunchPermission, value, "value", REQUIRED),
};
static const AmSbRecordType launch_permission_type =
  AM_SB_RECORD_TYPE (AmSbLaunchPermission, "launch permission", launch_permission_fields,
                     am_sb_launch_permission_free, NULL);

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
  RECORDS (AmSbImage, block_devices, "blockDevices", 0, block_device_type),
  RECORDS (AmSbImage, product_codes, "productCodes", AM_SB_FIELD_EMPTY_NULL, product_code_type),
  RECORDS (AmSbImage, launch_permissions, "launchPermissions", 0, launch_permission_type),
};
static const AmSbRecordType image_type =
  AM_SB_RECORD_TYPE (AmSbImage, "image", image_fields, am_sb_image_free, image_finish);

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
};
static const AmSbRecordType snapshot_type =
  AM_SB_RECORD_TYPE (AmSbSnapshot, "snapshot", snapshot_fields, am_sb_snapshot_free, NULL);

static const AmSbField volume_fields[] = {
  STR (AmSbVolume, device_name, "deviceName", 0),
  STR (AmSbVolume, volume_id, "volumeId", REQUIRED),
  INT (AmSbVolume, volume_size, "volumeSize", 0),
  STR (AmSbVolume, volume_type, "volumeType", 0),
  STR (AmSbVolume, snapshot_id, "snapshotId", 0),
  BOOL (AmSbVolume, delete_on_termination, "deleteOnTermination"),
};
static const AmSbRecordType volume_type =
  AM_SB_RECORD_TYPE (AmSbVolume, "volume", volume_fields, am_sb_volume_free, NULL);

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
  RECORDS (AmSbInstance, volumes, "volumes", 0, volume_type),
  TIME (AmSbInstance, launch_time, "launchTime"),
  STR (AmSbInstance, target_state, "targetState", REQUIRED),
  TIME (AmSbInstance, target_since, "targetSince"),
  INT (AmSbInstance, ami_launch_index, "amiLaunchIndex", 0),
  STR (AmSbInstance, client_token, "clientToken", 0),
  STR (AmSbInstance, state_reason, "stateReason", 0),
  BOOL (AmSbInstance, disable_api_termination, "disableApiTermination"),
};
static const AmSbRecordType instance_type =
  AM_SB_RECORD_TYPE (AmSbInstance, "instance", instance_fields, am_sb_instance_free, instance_finish);

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
static const AmSbRecordType key_pair_type =
  AM_SB_RECORD_TYPE (AmSbKeyPair, "key pair", key_pair_fields, am_sb_key_pair_free, NULL);

static const AmSbField vpc_fields[] = {
  STR (AmSbVpc, vpc_id, "vpcId", REQUIRED),
  INTERN (AmSbVpc, region, "region", REQUIRED),
  INTERN (AmSbVpc, owner_id, "ownerId", REQUIRED),
  STR (AmSbVpc, cidr_block, "cidrBlock", 0),
  BOOL (AmSbVpc, is_default, "isDefault"),
};
static const AmSbRecordType vpc_type = AM_SB_RECORD_TYPE (AmSbVpc, "VPC", vpc_fields, am_sb_vpc_free, NULL);

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
static const AmSbRecordType subnet_type =
  AM_SB_RECORD_TYPE (AmSbSubnet, "subnet", subnet_fields, am_sb_subnet_free, NULL);

static const AmSbField ingress_rule_fields[] = {
  STR (AmSbIngressRule, protocol, "protocol", REQUIRED),
  INT (AmSbIngressRule, from_port, "fromPort", 0),
  INT (AmSbIngressRule, to_port, "toPort", 0),
  STR (AmSbIngressRule, cidr, "cidr", 0),
};
static const AmSbRecordType ingress_rule_type =
  AM_SB_RECORD_TYPE (AmSbIngressRule, "security group rule", ingress_rule_fields, am_sb_ingress_rule_free, NULL);

static const AmSbField security_group_fields[] = {
  STR (AmSbSecurityGroup, group_id, "groupId", REQUIRED),
  INTERN (AmSbSecurityGroup, region, "region", REQUIRED),
  INTERN (AmSbSecurityGroup, owner_id, "ownerId", REQUIRED),
  STR (AmSbSecurityGroup, vpc_id, "vpcId", 0),
  STR (AmSbSecurityGroup, group_name, "groupName", REQUIRED),
  STR (AmSbSecurityGroup, description, "description", 0),
  RECORDS (AmSbSecurityGroup, ingress, "ingress", 0, ingress_rule_type),
};
static const AmSbRecordType security_group_type =
  AM_SB_RECORD_TYPE (AmSbSecurityGroup, "security group", security_group_fields, am_sb_security_group_free, NULL);

static const AmSbField launch_template_fields[] = {
  STR (AmSbLaunchTemplate, launch_template_id, "launchTemplateId", REQUIRED),
  INTERN (AmSbLaunchTemplate, region, "region", REQUIRED),
  INTERN (AmSbLaunchTemplate, owner_id, "ownerId", REQUIRED),
  STR (AmSbLaunchTemplate, name, "name", REQUIRED),
  STR (AmSbLaunchTemplate, version_description, "versionDescription", 0),
  TIME (AmSbLaunchTemplate, create_time, "createTime"),
  { "data", AM_SB_FIELD_STRING_MAP, G_STRUCT_OFFSET (AmSbLaunchTemplate, data), 0 },
};
static const AmSbRecordType launch_template_type =
  AM_SB_RECORD_TYPE (AmSbLaunchTemplate, "launch template", launch_template_fields, am_sb_launch_template_free,
                     NULL);

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
static const AmSbRecordType client_token_type =
  AM_SB_RECORD_TYPE (AmSbClientToken, "client token", client_token_fields, _am_sb_client_token_free,
                     client_token_finish);

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
static const AmSbRecordType asg_tag_type =
  AM_SB_RECORD_TYPE (AmSbAsgTag, "Auto Scaling group tag", asg_tag_fields, am_sb_asg_tag_free, asg_tag_finish);

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
  RECORDS (AmSbAutoScalingGroup, tags, "tags", 0, asg_tag_type),
};
static const AmSbRecordType asg_type =
  AM_SB_RECORD_TYPE (AmSbAutoScalingGroup, "Auto Scaling group", asg_fields, am_sb_auto_scaling_group_free,
                     asg_finish);

/* Tags: one entry a tag, flattened out of "account/resource-id" → list. */

static void
build_tags (AmSbState   *state,
            JsonBuilder *b)
{
  g_autoptr (GPtrArray) keys = _am_sb_sorted_keys (state->tags);

  json_builder_begin_array (b);
  for (guint i = 0; i < keys->len; i++)
    {
      GPtrArray *tags = g_hash_table_lookup (state->tags, keys->pdata[i]);
      const char *k = keys->pdata[i];
      const char *slash = strchr (k, '/');
      g_autofree char *account = g_strndup (k, slash - k);

      for (guint j = 0; j < tags->len; j++)
        {
          AmSbTag *tag = tags->pdata[j];

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "account");
          json_builder_add_string_value (b, account);
          json_builder_set_member_name (b, "resourceId");
          json_builder_add_string_value (b, slash + 1);
          json_builder_set_member_name (b, "key");
          json_builder_add_string_value (b, tag->key);
          if (tag->value != NULL)
            {
              json_builder_set_member_name (b, "value");
              json_builder_add_string_value (b, tag->value);
            }
          json_builder_end_object (b);
        }
    }
  json_builder_end_array (b);
}

static gboolean
load_tags (AmSbState  *state,
           JsonArray  *array,
           GError    **error)
{
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *o = _am_sb_json_element (array, i);
      const char *account = o ? _am_sb_json_string (o, "account") : NULL;
      const char *resource_id = o ? _am_sb_json_string (o, "resourceId") : NULL;
      const char *key = o ? _am_sb_json_string (o, "key") : NULL;

      if (account == NULL || resource_id == NULL || key == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the state file has an incomplete tag entry");
          return FALSE;
        }
      am_sb_state_set_tag (state, account, resource_id, key, _am_sb_json_string (o, "value"));
    }
  return TRUE;
}

static void
build_client_tokens (AmSbState   *state,
                     JsonBuilder *b)
{
  g_autoptr (GPtrArray) keys = _am_sb_sorted_keys (state->client_tokens);

  json_builder_begin_array (b);
  for (guint i = 0; i < keys->len; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, keys->pdata[i]);
      _am_sb_record_build (&client_token_type, g_hash_table_lookup (state->client_tokens, keys->pdata[i]), b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static gboolean
load_client_tokens (AmSbState  *state,
                    JsonArray  *array,
                    GError    **error)
{
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *o = _am_sb_json_element (array, i);
      const char *key = o ? _am_sb_json_string (o, "key") : NULL;
      AmSbClientToken *t = NULL;

      if (key != NULL)
        t = _am_sb_record_load (&client_token_type, o, error);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the state file has an incomplete client token entry");
      if (t == NULL)
        return FALSE;
      g_hash_table_replace (state->client_tokens, g_strdup (key), t);
    }
  return TRUE;
}

/* The top-level lists, in the order they are written and read. */
typedef struct
{
  const char           *name;
  guint                 release;     /* 0: in the first release; a file from before has none */
  const AmSbRecordType *type;        /* records of a table of the state, keyed by their own field */
  gsize                 table;       /* G_STRUCT_OFFSET in AmSbState of the GHashTable */
  gsize                 key;         /* G_STRUCT_OFFSET in the record of its key */
  void                (*build) (AmSbState *state, JsonBuilder *b);           /* or by hand */
  gboolean            (*load)  (AmSbState *state, JsonArray *a, GError **error);
} StateList;

#define TABLE(json, release, type, table, Struct, key) \
  { json, release, &type, G_STRUCT_OFFSET (AmSbState, table), G_STRUCT_OFFSET (Struct, key), NULL, NULL }

static const StateList state_lists[] = {
  TABLE ("images", 0, image_type, images, AmSbImage, image_id),
  TABLE ("recycleBin", 2, image_type, recycle_bin, AmSbImage, image_id),
  TABLE ("snapshots", 0, snapshot_type, snapshots, AmSbSnapshot, snapshot_id),
  TABLE ("instances", 0, instance_type, instances, AmSbInstance, instance_id),
  TABLE ("keyPairs", 0, key_pair_type, key_pairs, AmSbKeyPair, key_pair_id),
  TABLE ("vpcs", 0, vpc_type, vpcs, AmSbVpc, vpc_id),
  TABLE ("subnets", 0, subnet_type, subnets, AmSbSubnet, subnet_id),
  TABLE ("securityGroups", 0, security_group_type, security_groups, AmSbSecurityGroup, group_id),
  TABLE ("launchTemplates", 0, launch_template_type, launch_templates, AmSbLaunchTemplate, launch_template_id),
  { "tags", 0, NULL, 0, 0, build_tags, load_tags },
  { "clientTokens", 0, NULL, 0, 0, build_client_tokens, load_client_tokens },
  TABLE ("autoScalingGroups", 1, asg_type, auto_scaling_groups, AmSbAutoScalingGroup, key),
};
#define N_RELEASES 3

#define STATE_TABLE(state, list) (*(GHashTable **) ((char *) (state) + (list)->table))

char *
am_sb_state_to_json (AmSbState *state)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, STATE_FORMAT_VERSION);
  for (guint i = 0; i < G_N_ELEMENTS (state_lists); i++)
    {
      const StateList *list = &state_lists[i];

      if (list->build != NULL)
        {
          json_builder_set_member_name (b, list->name);
          list->build (state, b);
        }
      else
        {
          GHashTable *table = STATE_TABLE (state, list);
          g_autoptr (GPtrArray) keys = _am_sb_sorted_keys (table);

          for (guint j = 0; j < keys->len; j++)
            keys->pdata[j] = g_hash_table_lookup (table, keys->pdata[j]);
          _am_sb_records_build (list->type, list->name, keys, b);
        }
    }
  am_sb_governance_build (state, b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

typedef struct
{
  GHashTable *table;
  gsize       key;
} AddToTable;

static void
add_to_table (gpointer record,
              gpointer user_data)
{
  AddToTable *to = user_data;

  g_hash_table_replace (to->table, *(char **) ((char *) record + to->key), record);
}

static gboolean
load_lists (AmSbState  *state,
            JsonObject *root,
            GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_lists); i++)
    {
      const StateList *list = &state_lists[i];
      JsonArray *array = _am_sb_json_array (root, list->name);
      AddToTable to = { NULL, list->key };

      if (list->load != NULL)
        {
          if (!list->load (state, array, error))
            return FALSE;
          continue;
        }
      to.table = STATE_TABLE (state, list);
      if (!_am_sb_records_load (list->type, array, add_to_table, &to, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
am_sb_state_from_json (AmSbState  *state,
                       const char *data,
                       gsize       length,
                       GError    **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *root;
  gint64 version;
  JsonObject *o;

  _am_sb_state_clear (state);
  if (!json_parser_load_from_data (parser, data, length, error))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the state file is not a JSON object");
      return FALSE;
    }
  o = json_node_get_object (root);
  version = _am_sb_json_int (o, "version", 0);
  if (version != STATE_FORMAT_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "the state file has format version %" G_GINT64_FORMAT ", expected %d",
                   version, STATE_FORMAT_VERSION);
      return FALSE;
    }
  /* Every list is always written: one that is missing or is not a list means the file was
   * damaged or edited, and loading it as empty would make the loss permanent at the next save.
   * A file written before a list came (a later release) simply has none: an upgrade is not
   * damage. Checked release by release, so the error names the oldest list at fault. */
  for (guint release = 0; release < N_RELEASES; release++)
    for (guint i = 0; i < G_N_ELEMENTS (state_lists); i++)
      {
        JsonNode *member = json_object_get_member (o, state_lists[i].name);

        if (state_lists[i].release != release || (member == NULL && release > 0))
          continue;
        if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         member == NULL ? "the state file has no \"%s\" list" : "the state file's \"%s\" is not a list",
                         state_lists[i].name);
            return FALSE;
          }
      }
  if (!load_lists (state, o, error) || !am_sb_governance_load (state, o, error))
    {
      _am_sb_state_clear (state);
      return FALSE;
    }
  return TRUE;
}

gboolean
am_sb_state_load (AmSbState   *state,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize length = 0;

  g_free (state->path);
  /* Cleared, not only freed: every way out below either replaces it or leaves it unset. */
  g_clear_pointer (&state->saved_json, g_free);
  state->path = g_strdup (path);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      "Could not read the sandbox state %s: ", path);
          return FALSE;
        }
      am_sb_state_seed (state);
      return am_sb_state_save (state, error);
    }

  if (am_sb_state_from_json (state, data, length, &local_error))
    {
      g_free (state->saved_json);
      state->saved_json = g_steal_pointer (&data);
    }
  else
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
      g_autofree char *aside = g_strdup_printf ("%s.damaged-%s", path, stamp);

      if (g_rename (path, aside) != 0)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                       "The sandbox state %s is damaged (%s) and could not be moved aside: %s",
                       path, local_error->message, g_strerror (errno));
          return FALSE;
        }
      g_printerr ("amiable-sandbox: the state file %s is damaged (%s); it was moved to %s "
                  "and the sandbox starts from a fresh state. Inspect or restore it from there.\n",
                  path, local_error->message, aside);
      am_sb_state_seed (state);
      return am_sb_state_save (state, error);
    }
  return TRUE;
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += n;
      length -= n;
    }
  return TRUE;
}

/* Writes @data to @path through a new temporary file, durably: every step's result counts.
 * *@replaced says whether @path was replaced (even when a later step failed). */
static gboolean
write_durably (const char  *path,
               const char  *data,
               guint        io_faults,
               gboolean    *replaced,
               GError     **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s.tmp-%d", path, (int) getpid ());
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;
  int saved_errno;
  gboolean written;

  *replaced = FALSE;
  /* A new file of our own: never through a symlink, never into a file someone else opened. A
   * name left by an earlier failure of this process is removed first (unlink does not follow). */
  fd = g_open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST && g_unlink (tmp) == 0)
    fd = g_open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not write the sandbox state %s: %s", tmp, g_strerror (saved_errno));
      return FALSE;
    }
  written = write_all (fd, data, strlen (data)) && fsync (fd) == 0;
  saved_errno = errno;
  /* close() reports errors of the writes too (on network file systems, for example). */
  if (close (fd) != 0 || (io_faults & AM_SB_IO_FAULT_CLOSE) != 0)
    {
      if (written)
        saved_errno = (io_faults & AM_SB_IO_FAULT_CLOSE) != 0 ? EIO : errno;
      written = FALSE;
    }
  if (!written)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not write the sandbox state %s: %s", tmp, g_strerror (saved_errno));
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not replace the sandbox state %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  *replaced = TRUE;
  /* The rename itself must reach the disk before the caller acknowledges anything. */
  fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd < 0)
    saved_errno = errno;
  else
    {
      written = fsync (fd) == 0 && (io_faults & AM_SB_IO_FAULT_DIR_FSYNC) == 0;
      saved_errno = (io_faults & AM_SB_IO_FAULT_DIR_FSYNC) != 0 ? EIO : errno;
      if (close (fd) != 0 && written)
        {
          saved_errno = errno;
          written = FALSE;
        }
      if (written)
        return TRUE;
    }
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "Could not make the new sandbox state %s durable (syncing the folder %s failed): %s",
               path, dir, g_strerror (saved_errno));
  return FALSE;
}

gboolean
am_sb_state_save (AmSbState  *state,
                  GError    **error)
{
  g_autofree char *data = NULL;
  gboolean replaced;

  if (state->path == NULL)
    return TRUE;

  data = am_sb_state_to_json (state);
  if (!write_durably (state->path, data, state->io_faults, &replaced, error))
    {
      /* The new file is in place already when the folder's sync failed: put the last
       * acknowledged state back, so that what the caller undoes is undone on disk too. */
      if (replaced && state->saved_json != NULL)
        {
          g_autoptr (GError) restore_error = NULL;

          if (!write_durably (state->path, state->saved_json, 0, &replaced, &restore_error))
            g_printerr ("amiable-sandbox: could not put back the saved state either: %s\n",
                        restore_error->message);
        }
      return FALSE;
    }
  g_free (state->saved_json);
  state->saved_json = g_steal_pointer (&data);
  return TRUE;
}

gboolean
am_sb_state_prepare_dir (const char  *data_dir,
                         GError     **error)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;
  GStatBuf st;

  if (g_lstat (data_dir, &st) != 0 || !S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   "The sandbox data folder %s is not a folder", data_dir);
      return FALSE;
    }
  /* The state holds the private keys of the key pairs made in the sandbox: only its owner may
   * read it. A shared folder with the sticky bit (such as /tmp) is left alone and refused. */
  if ((st.st_mode & 0077) != 0)
    {
      if ((st.st_mode & S_ISVTX) != 0 || st.st_uid != getuid ()
          || g_chmod (data_dir, st.st_mode & 0700) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                       "The sandbox data folder %s can be read by others (mode %04o) and could not be "
                       "made private; give --data-dir a folder of your own", data_dir,
                       (unsigned) (st.st_mode & 07777));
          return FALSE;
        }
    }
  dir = g_dir_open (data_dir, 0, error);
  if (dir == NULL)
    return FALSE;
  /* Left by a save that a crash interrupted; with the folder's lock held, nobody writes them. */
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "state.json.tmp-"))
      {
        g_autofree char *stale = g_build_filename (data_dir, name, NULL);

        if (g_unlink (stale) != 0)
          {
            int saved_errno = errno;

            g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                         "Could not remove the stale temporary file %s: %s", stale, g_strerror (saved_errno));
            return FALSE;
          }
      }
  return TRUE;
}

gboolean
am_sb_state_rollback (AmSbState  *state,
                      GError    **error)
{
  if (state->saved_json == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no saved state to return to");
      return FALSE;
    }
  return am_sb_state_from_json (state, state->saved_json, strlen (state->saved_json), error);
}
