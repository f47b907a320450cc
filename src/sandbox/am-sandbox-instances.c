/* am-sandbox-instances.c: the sandbox's instance operations (RunInstances, DescribeInstances, state changes, attributes, instance types)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "am-sandbox-catalog.h"
#include "am-sandbox-private.h"

/* Terminated instances stay visible this long, as in EC2. */
#define TERMINATED_VISIBLE_MS (60 * 60 * 1000)
/* Instances */

gboolean
_am_sb_instance_visible (AmSbCall     *call,
                         AmSbInstance *instance)
{
  int code;

  am_sb_instance_state (instance, call->state->transition_ms, call->now_ms, &code);
  return code != 48 || call->now_ms - instance->target_since < TERMINATED_VISIBLE_MS;
}

static void
xml_state (GString    *s,
           const char *element,
           const char *name,
           int         code)
{
  g_string_append_printf (s, "<%s><code>%d</code><name>%s</name></%s>", element, code, name, element);
}

static void
xml_instance (AmSbCall     *call,
              AmSbInstance *in)
{
  GString *s = call->body;
  int code;
  const char *state = am_sb_instance_state (in, call->state->transition_ms, call->now_ms, &code);
  gboolean gone = code == 48;
  g_autofree char *private_dashed = g_strdelimit (g_strdup (in->private_ip), ".", '-');
  g_autofree char *private_dns = strcmp (call->region, "us-east-1") == 0
    ? g_strdup_printf ("ip-%s.ec2.internal", private_dashed)
    : g_strdup_printf ("ip-%s.%s.compute.internal", private_dashed, call->region);

  g_string_append (s, "<item>");
  _am_sb_xml_text (s, "instanceId", in->instance_id);
  _am_sb_xml_text (s, "imageId", in->image_id);
  xml_state (s, "instanceState", state, code);
  _am_sb_xml_text (s, "privateDnsName", gone ? "" : private_dns);
  if (code == 16 && in->public_ip != NULL)
    {
      g_autofree char *dashed = g_strdelimit (g_strdup (in->public_ip), ".", '-');
      g_autofree char *dns = strcmp (call->region, "us-east-1") == 0
        ? g_strdup_printf ("ec2-%s.compute-1.amazonaws.com", dashed)
        : g_strdup_printf ("ec2-%s.%s.compute.amazonaws.com", dashed, call->region);

      _am_sb_xml_text (s, "dnsName", dns);
    }
  else
    g_string_append (s, "<dnsName/>");
  _am_sb_xml_text (s, "reason", in->state_reason ? in->state_reason : "");
  _am_sb_xml_text (s, "keyName", in->key_name);
  _am_sb_xml_int (s, "amiLaunchIndex", in->ami_launch_index);
  g_string_append (s, "<productCodes/>");
  _am_sb_xml_text (s, "instanceType", in->instance_type);
  _am_sb_xml_time (s, "launchTime", in->launch_time);
  g_string_append (s, "<placement>");
  _am_sb_xml_text (s, "availabilityZone", in->availability_zone);
  g_string_append (s, "<groupName/><tenancy>default</tenancy></placement>");
  _am_sb_xml_text (s, "platform", in->platform);
  g_string_append (s, "<monitoring><state>disabled</state></monitoring>");
  if (!gone)
    {
      _am_sb_xml_text (s, "subnetId", in->subnet_id);
      _am_sb_xml_text (s, "vpcId", in->vpc_id);
      _am_sb_xml_text (s, "privateIpAddress", in->private_ip);
      if (code == 16 || code == 0)
        _am_sb_xml_text (s, "ipAddress", in->public_ip);
    }
  g_string_append (s, "<sourceDestCheck>true</sourceDestCheck><groupSet>");
  for (guint i = 0; in->security_group_ids && i < in->security_group_ids->len; i++)
    {
      AmSbSecurityGroup *group = g_hash_table_lookup (call->state->security_groups, in->security_group_ids->pdata[i]);

      g_string_append (s, "<item>");
      _am_sb_xml_text (s, "groupId", in->security_group_ids->pdata[i]);
      _am_sb_xml_text (s, "groupName", group ? group->group_name : "");
      g_string_append (s, "</item>");
    }
  g_string_append (s, "</groupSet>");
  if (in->state_reason != NULL && code != 16 && code != 0)
    {
      g_string_append (s, "<stateReason>");
      _am_sb_xml_text (s, "code", "Client.UserInitiatedShutdown");
      _am_sb_xml_text (s, "message", "Client.UserInitiatedShutdown: User initiated shutdown");
      g_string_append (s, "</stateReason>");
    }
  _am_sb_xml_text (s, "architecture", in->architecture);
  _am_sb_xml_text (s, "rootDeviceType", in->root_device_type ? in->root_device_type : "ebs");
  _am_sb_xml_text (s, "rootDeviceName", in->root_device_name);
  g_string_append (s, "<blockDeviceMapping>");
  for (guint i = 0; !gone && i < in->volumes->len; i++)
    {
      AmSbVolume *v = in->volumes->pdata[i];

      g_string_append (s, "<item>");
      _am_sb_xml_text (s, "deviceName", v->device_name);
      g_string_append (s, "<ebs>");
      _am_sb_xml_text (s, "volumeId", v->volume_id);
      _am_sb_xml_text (s, "status", "attached");
      _am_sb_xml_time (s, "attachTime", in->launch_time);
      _am_sb_xml_bool (s, "deleteOnTermination", v->delete_on_termination);
      g_string_append (s, "</ebs></item>");
    }
  g_string_append (s, "</blockDeviceMapping>");
  _am_sb_xml_text (s, "virtualizationType", in->virtualization_type ? in->virtualization_type : "hvm");
  _am_sb_xml_text (s, "clientToken", in->client_token ? in->client_token : "");
  _am_sb_xml_tags (s, _am_sb_tags_of (call, in->instance_id));
  _am_sb_xml_text (s, "hypervisor", "xen");
  g_string_append (s, "<ebsOptimized>false</ebsOptimized><enaSupport>true</enaSupport>");
  _am_sb_xml_text (s, "bootMode", in->boot_mode);
  _am_sb_xml_text (s, "platformDetails", in->platform_details ? in->platform_details : "Linux/UNIX");
  _am_sb_xml_text (s, "usageOperation", "RunInstances");
  g_string_append (s, "<metadataOptions><state>applied</state><httpTokens>required</httpTokens>"
                      "<httpPutResponseHopLimit>2</httpPutResponseHopLimit><httpEndpoint>enabled</httpEndpoint>"
                      "</metadataOptions>");
  g_string_append (s, "</item>");
}

static const char *
instance_field (AmSbCall   *call,
                gpointer    resource,
                const char *name,
                char      **owned)
{
  AmSbInstance *in = resource;
  int code;
  const char *state = am_sb_instance_state (in, call->state->transition_ms, call->now_ms, &code);

  if (strcmp (name, "instance-state-name") == 0)
    return state;
  if (strcmp (name, "instance-state-code") == 0)
    return *owned = g_strdup_printf ("%d", code);
  if (strcmp (name, "instance-id") == 0)
    return in->instance_id;
  if (strcmp (name, "image-id") == 0)
    return in->image_id;
  if (strcmp (name, "instance-type") == 0)
    return in->instance_type;
  if (strcmp (name, "availability-zone") == 0)
    return in->availability_zone;
  if (strcmp (name, "subnet-id") == 0)
    return in->subnet_id;
  if (strcmp (name, "vpc-id") == 0)
    return in->vpc_id;
  if (strcmp (name, "key-name") == 0)
    return in->key_name;
  if (strcmp (name, "reservation-id") == 0)
    return in->reservation_id;
  if (strcmp (name, "architecture") == 0)
    return in->architecture;
  if (strcmp (name, "platform") == 0)
    return in->platform;
  if (strcmp (name, "private-ip-address") == 0)
    return in->private_ip;
  if (strcmp (name, "ip-address") == 0)
    return in->public_ip;
  if (strcmp (name, "client-token") == 0)
    return in->client_token;
  if (strcmp (name, "instance.group-id") == 0)
    return in->security_group_ids->len ? in->security_group_ids->pdata[0] : NULL;
  return NULL;
}

static const char *const instance_filters[] = {
  "instance-state-name", "instance-state-code", "instance-id", "image-id", "instance-type",
  "availability-zone", "subnet-id", "vpc-id", "key-name", "reservation-id", "architecture",
  "platform", "private-ip-address", "ip-address", "client-token", "instance.group-id", NULL,
};

static int
compare_launch (gconstpointer a,
                gconstpointer b)
{
  const AmSbInstance *ia = *(AmSbInstance * const *) a;
  const AmSbInstance *ib = *(AmSbInstance * const *) b;

  if (ia->launch_time != ib->launch_time)
    return ia->launch_time < ib->launch_time ? -1 : 1;
  if (ia->ami_launch_index != ib->ami_launch_index)
    return ia->ami_launch_index - ib->ami_launch_index;
  return strcmp (ia->instance_id, ib->instance_id);
}

static void
xml_reservations (AmSbCall  *call,
                  GPtrArray *instances,
                  guint      start,
                  guint      end)
{
  GString *s = call->body;

  for (guint i = start; i < end;)
    {
      AmSbInstance *first = instances->pdata[i];

      g_string_append (s, "<item>");
      _am_sb_xml_text (s, "reservationId", first->reservation_id);
      _am_sb_xml_text (s, "ownerId", first->owner_id);
      g_string_append (s, "<groupSet/><instancesSet>");
      for (; i < end && strcmp (((AmSbInstance *) instances->pdata[i])->reservation_id,
                                first->reservation_id) == 0; i++)
        xml_instance (call, instances->pdata[i]);
      g_string_append (s, "</instancesSet></item>");
    }
}

static AmSbInstance *
find_instance (AmSbCall   *call,
               const char *id)
{
  AmSbInstance *in;
  gsize len = strlen (id);
  gboolean hex = len >= 10 && len <= 19 && id[0] == 'i' && id[1] == '-';

  for (gsize i = 2; hex && i < len; i++)
    hex = g_ascii_isxdigit (id[i]) && !g_ascii_isupper (id[i]);
  if (!hex)
    {
      _am_sb_fail (call, 400, "InvalidInstanceID.Malformed", "Invalid id: \"%s\"", id);
      return NULL;
    }
  in = g_hash_table_lookup (call->state->instances, id);
  if (in == NULL || !_am_sb_is_mine (call, in->region, in->owner_id) || !_am_sb_instance_visible (call, in))
    {
      _am_sb_fail (call, 400, "InvalidInstanceID.NotFound", "The instance ID '%s' does not exist", id);
      return NULL;
    }
  return in;
}

static gboolean
op_describe_instances (AmSbCall *call)
{
  g_autoptr (GPtrArray) ids = _am_sb_param_list (call, "InstanceId");
  g_autoptr (GPtrArray) filters = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) matching = g_ptr_array_new ();
  guint offset, limit, end;

  if (!_am_sb_parse_filters (call, &filters) || !_am_sb_check_filter_names (call, filters, instance_filters))
    return FALSE;
  if (ids->len > 0 && _am_sb_param (call, "MaxResults") != NULL)
    return _am_sb_fail (call, 400, "InvalidParameterCombination",
                        "The parameter instancesSet cannot be used with the parameter maxResults");
  if (!_am_sb_paginate (call, 5, 1000, &offset, &limit))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (find_instance (call, ids->pdata[i]) == NULL)
      return FALSE;
  if (_am_sb_dry_run (call))
    return FALSE;
  all = _am_sb_my_resources (call, call->state->instances);
  g_ptr_array_sort (all, compare_launch);
  for (guint i = 0; i < all->len; i++)
    {
      AmSbInstance *in = all->pdata[i];
      gboolean listed = ids->len == 0;

      for (guint j = 0; j < ids->len && !listed; j++)
        listed = strcmp (ids->pdata[j], in->instance_id) == 0;
      if (listed && _am_sb_instance_visible (call, in)
          && _am_sb_resource_matches (call, in, in->instance_id, filters, instance_field))
        g_ptr_array_add (matching, in);
    }
  end = MIN (matching->len, offset + limit);
  /* Never split a reservation across pages. */
  while (end < matching->len && end > offset
         && strcmp (((AmSbInstance *) matching->pdata[end])->reservation_id,
                    ((AmSbInstance *) matching->pdata[end - 1])->reservation_id) == 0)
    end++;
  g_string_append (call->body, "<reservationSet>");
  if (offset < matching->len)
    xml_reservations (call, matching, offset, end);
  g_string_append (call->body, "</reservationSet>");
  if (end < matching->len)
    _am_sb_next_token (call, end);
  return TRUE;
}

typedef struct
{
  const char *image_id;
  const char *instance_type;
  const char *key_name;
  const char *subnet_id;
  const char *zone;
  GPtrArray  *group_ids;
  GPtrArray  *group_names;
} LaunchSpec;

static void
collect_template (AmSbCall   *call,
                  LaunchSpec *spec,
                  GHashTable *data)
{
  if (spec->image_id == NULL)
    spec->image_id = g_hash_table_lookup (data, "ImageId");
  if (spec->instance_type == NULL)
    spec->instance_type = g_hash_table_lookup (data, "InstanceType");
  if (spec->key_name == NULL)
    spec->key_name = g_hash_table_lookup (data, "KeyName");
  if (spec->zone == NULL)
    spec->zone = g_hash_table_lookup (data, "Placement.AvailabilityZone");
  if (spec->group_ids->len == 0)
    for (guint i = 1; i < 20; i++)
      {
        g_autofree char *key = g_strdup_printf ("SecurityGroupId.%u", i);
        const char *value = g_hash_table_lookup (data, key);

        if (value == NULL)
          break;
        g_ptr_array_add (spec->group_ids, (gpointer) value);
      }
}

static void
xml_run_result (AmSbCall   *call,
                const char *reservation_id)
{
  g_autoptr (GPtrArray) all = _am_sb_my_resources (call, call->state->instances);
  g_autoptr (GPtrArray) mine = g_ptr_array_new ();
  GString *s = call->body;

  for (guint i = 0; i < all->len; i++)
    if (strcmp (((AmSbInstance *) all->pdata[i])->reservation_id, reservation_id) == 0)
      g_ptr_array_add (mine, all->pdata[i]);
  g_ptr_array_sort (mine, compare_launch);
  _am_sb_xml_text (s, "reservationId", reservation_id);
  _am_sb_xml_text (s, "ownerId", call->account->account_id);
  g_string_append (s, "<groupSet/><instancesSet>");
  for (guint i = 0; i < mine->len; i++)
    xml_instance (call, mine->pdata[i]);
  g_string_append (s, "</instancesSet>");
}

/* RunInstances: a volume may grow but never shrink below its snapshot. */
static gboolean
check_volume_overrides (AmSbCall  *call,
                        AmSbImage *image,
                        GArray    *overrides)
{
  for (guint i = 0; i < overrides->len; i++)
    {
      AmSbVolumeOverride *o = &g_array_index (overrides, AmSbVolumeOverride, i);

      for (guint j = 0; j < image->block_devices->len; j++)
        {
          AmSbBlockDevice *bd = image->block_devices->pdata[j];

          if (bd->has_ebs && strcmp (bd->device_name, o->device) == 0 && o->size > 0 && o->size < bd->volume_size)
            return _am_sb_fail (call, 400, "InvalidBlockDeviceMapping",
                                "Volume of size %" G_GINT64_FORMAT "GB is smaller than snapshot '%s', expect "
                                "size >= %dGB", o->size, bd->snapshot_id ? bd->snapshot_id : "", bd->volume_size);
        }
    }
  return TRUE;
}

void
_am_sb_instance_set_image (AmSbInstance    *in,
                           const AmSbImage *image)
{
  in->image_id = g_strdup (image->image_id);
  in->architecture = image->architecture;
  in->platform = image->platform;
  in->platform_details = image->platform_details;
  in->root_device_name = image->root_device_name;
  in->root_device_type = image->root_device_type;
  in->virtualization_type = image->virtualization_type;
  in->boot_mode = image->boot_mode ? image->boot_mode
                : strcmp (image->architecture, "arm64") == 0 ? g_intern_static_string ("uefi")
                : g_intern_static_string ("legacy-bios");
  in->volumes = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_volume_free);
}

static gboolean
op_run_instances (AmSbCall *call)
{
  g_autoptr (GPtrArray) group_ids = _am_sb_param_list (call, "SecurityGroupId");
  g_autoptr (GPtrArray) group_names = _am_sb_param_list (call, "SecurityGroup");
  g_autoptr (GPtrArray) ni_groups = _am_sb_param_list (call, "NetworkInterface.1.SecurityGroupId");
  g_autoptr (GPtrArray) tags = _am_sb_tag_specs (call, "instance");
  g_autoptr (GPtrArray) groups = g_ptr_array_new ();
  g_autoptr (GArray) overrides = g_array_new (FALSE, FALSE, sizeof (AmSbVolumeOverride));
  LaunchSpec spec = { 0 };
  const char *token = _am_sb_param (call, "ClientToken");
  const char *lt_id = _am_sb_param (call, "LaunchTemplate.LaunchTemplateId");
  const char *lt_name = _am_sb_param (call, "LaunchTemplate.LaunchTemplateName");
  const char *earlier = NULL;
  const AmSbInstanceType *type;
  AmSbImage *image;
  AmSbSubnet *subnet;
  g_autofree char *reservation_id = NULL;
  gint64 min_count, max_count;
  guint running, count;
  gboolean protect;

  spec.image_id = _am_sb_param (call, "ImageId");
  spec.instance_type = _am_sb_param (call, "InstanceType");
  spec.key_name = _am_sb_param (call, "KeyName");
  spec.subnet_id = _am_sb_param (call, "SubnetId");
  if (spec.subnet_id == NULL)
    spec.subnet_id = _am_sb_param (call, "NetworkInterface.1.SubnetId");
  spec.zone = _am_sb_param (call, "Placement.AvailabilityZone");
  spec.group_ids = group_ids;
  spec.group_names = group_names;
  for (guint i = 0; i < ni_groups->len; i++)
    g_ptr_array_add (group_ids, ni_groups->pdata[i]);

  if (!_am_sb_param_bool (call, "DisableApiTermination", FALSE, &protect))
    return FALSE;
  if (!_am_sb_param_int (call, "MinCount", 1, 1000, -1, &min_count)
      || !_am_sb_param_int (call, "MaxCount", 1, 1000, -1, &max_count))
    return FALSE;
  if (min_count < 0)
    return _am_sb_fail (call, 400, "MissingParameter", "The request must contain the parameter MinCount");
  if (max_count < 0)
    return _am_sb_fail (call, 400, "MissingParameter", "The request must contain the parameter MaxCount");
  if (min_count > max_count)
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "MinCount (%" G_GINT64_FORMAT ") must not be larger than MaxCount (%" G_GINT64_FORMAT ").",
                        min_count, max_count);
  if (token != NULL && strlen (token) > 64)
    return _am_sb_fail (call, 400, "InvalidParameterValue", "ClientToken may be at most 64 ASCII characters.");
  if (lt_id != NULL || lt_name != NULL)
    {
      AmSbLaunchTemplate *lt = _am_sb_find_template (call, lt_id, lt_name);

      if (lt == NULL)
        return _am_sb_fail (call, 400,
                            lt_id ? "InvalidLaunchTemplateId.NotFound" : "InvalidLaunchTemplateName.NotFoundException",
                            "The launch template %s does not exist.", lt_id ? lt_id : lt_name);
      collect_template (call, &spec, lt->data);
    }
  if (spec.image_id == NULL)
    return _am_sb_fail (call, 400, "MissingParameter", "The request must contain the parameter ImageId");
  if (g_str_has_prefix (spec.image_id, "resolve:ssm:"))
    {
      image = _am_sb_resolve_ssm (call, spec.image_id + strlen ("resolve:ssm:"));
      if (image == NULL)
        return _am_sb_fail (call, 400, "InvalidParameterValue",
                            "The SSM parameter %s does not exist.", spec.image_id + strlen ("resolve:ssm:"));
    }
  else
    {
      image = _am_sb_visible_image (call, spec.image_id);
      if (image == NULL)
        return FALSE;
    }
  if (strcmp (am_sb_image_state (image, call->now_ms), "available") != 0)
    return _am_sb_fail (call, 400, "InvalidAMIID.Unavailable",
                        "Image %s is not available (state %s); wait until it is available.",
                        image->image_id, am_sb_image_state (image, call->now_ms));
  if (!_am_sb_check_image_allowed (call, image))
    return FALSE;
  if (spec.instance_type == NULL)
    spec.instance_type = "t2.micro";
  type = am_sb_instance_type_lookup (spec.instance_type);
  if (type == NULL)
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "Invalid value '%s' for InstanceType.", spec.instance_type);
  {
    g_auto (GStrv) archs = g_strsplit (type->architectures, ",", -1);

    if (!g_strv_contains ((const char * const *) archs, image->architecture))
      return _am_sb_fail (call, 400, "InvalidParameterValue",
                          "The architecture '%s' of the specified instance type does not match the "
                          "architecture '%s' of the specified AMI. Specify an instance type and an AMI "
                          "that have matching architectures, and try again.",
                          type->architectures, image->architecture);
  }
  if (image->product_codes != NULL && image->product_codes->len > 0
      && strcmp (image->owner_id, call->account->account_id) != 0)
    return _am_sb_fail (call, 401, "OptInRequired",
                        "In order to use this AWS Marketplace product you need to accept terms and "
                        "subscribe (product code %s). The sandbox has no Marketplace subscriptions.",
                        ((AmSbProductCode *) image->product_codes->pdata[0])->code);
  if (!_am_sb_parse_volume_overrides (call, overrides) || !check_volume_overrides (call, image, overrides))
    return FALSE;
  if (spec.key_name != NULL)
    {
      g_autoptr (GPtrArray) keys = _am_sb_my_resources (call, call->state->key_pairs);
      gboolean found = FALSE;

      for (guint i = 0; i < keys->len && !found; i++)
        found = strcmp (((AmSbKeyPair *) keys->pdata[i])->key_name, spec.key_name) == 0;
      if (!found)
        return _am_sb_fail (call, 400, "InvalidKeyPair.NotFound", "The key pair '%s' does not exist", spec.key_name);
    }
  if (spec.subnet_id != NULL)
    {
      subnet = g_hash_table_lookup (call->state->subnets, spec.subnet_id);
      if (subnet == NULL || !_am_sb_is_mine (call, subnet->region, subnet->owner_id))
        return _am_sb_fail (call, 400, "InvalidSubnetID.NotFound",
                            "The subnet ID '%s' does not exist", spec.subnet_id);
      if (spec.zone != NULL && strcmp (spec.zone, subnet->availability_zone) != 0)
        return _am_sb_fail (call, 400, "InvalidParameterCombination",
                            "Subnet %s is in %s, not in %s.", spec.subnet_id, subnet->availability_zone, spec.zone);
    }
  else
    {
      subnet = _am_sb_default_subnet (call, spec.zone);
      if (subnet == NULL)
        return _am_sb_fail (call, 400, "InvalidParameterValue",
                            "Invalid availability zone: [%s]", spec.zone ? spec.zone : "");
    }
  for (guint i = 0; i < spec.group_ids->len; i++)
    {
      AmSbSecurityGroup *group = _am_sb_find_group (call, subnet->vpc_id, spec.group_ids->pdata[i], NULL);

      if (group == NULL)
        return _am_sb_fail (call, 400, "InvalidGroup.NotFound",
                            "The security group '%s' does not exist in VPC '%s'",
                            (char *) spec.group_ids->pdata[i], subnet->vpc_id);
      g_ptr_array_add (groups, group->group_id);
    }
  for (guint i = 0; i < spec.group_names->len; i++)
    {
      AmSbSecurityGroup *group = _am_sb_find_group (call, subnet->vpc_id, NULL, spec.group_names->pdata[i]);

      if (group == NULL)
        return _am_sb_fail (call, 400, "InvalidGroup.NotFound",
                            "The security group '%s' does not exist in default VPC '%s'",
                            (char *) spec.group_names->pdata[i], subnet->vpc_id);
      g_ptr_array_add (groups, group->group_id);
    }
  if (groups->len == 0)
    {
      AmSbSecurityGroup *group = _am_sb_find_group (call, subnet->vpc_id, NULL, "default");

      if (group != NULL)
        g_ptr_array_add (groups, group->group_id);
    }
  if (token != NULL && _am_sb_lookup_client_token (call, token, &earlier))
    {
      if (earlier == NULL || _am_sb_dry_run (call))
        return FALSE;
      xml_run_result (call, earlier);
      return TRUE;
    }
  /* As many as the quota leaves room for, at least MinCount. */
  if (!_am_sb_check_quota (call, AM_SB_QUOTA_INSTANCES, min_count))
    return FALSE;
  if (_am_sb_dry_run (call))
    return FALSE;

  running = _am_sb_quota_used (call, AM_SB_QUOTA_INSTANCES);
  count = MIN ((guint) max_count, call->state->quotas[AM_SB_QUOTA_INSTANCES] - running);
  reservation_id = am_sb_state_new_id (call->state, "r", NULL);
  for (guint i = 0; i < count; i++)
    {
      AmSbInstance *in = g_new0 (AmSbInstance, 1);
      guint host = g_random_int_range (4, 4000);

      in->instance_id = am_sb_state_new_id (call->state, "i", call->state->instances);
      in->region = g_intern_string (call->region);
      in->owner_id = g_intern_string (call->account->account_id);
      in->reservation_id = g_strdup (reservation_id);
      in->instance_type = g_strdup (type->name);
      in->key_name = g_strdup (spec.key_name);
      in->subnet_id = g_strdup (subnet->subnet_id);
      in->vpc_id = g_strdup (subnet->vpc_id);
      in->availability_zone = g_strdup (subnet->availability_zone);
      {
        guint third = 0;

        sscanf (subnet->cidr_block, "172.31.%u.", &third);
        in->private_ip = g_strdup_printf ("172.31.%u.%u", third + host / 250, host % 250 + 4);
      }
      in->public_ip = g_strdup_printf ("3.%u.%u.%u", g_random_int_range (80, 240),
                                       g_random_int_range (0, 256), g_random_int_range (1, 255));
      in->security_group_ids = g_ptr_array_new_with_free_func (g_free);
      for (guint j = 0; j < groups->len; j++)
        g_ptr_array_add (in->security_group_ids, g_strdup (groups->pdata[j]));
      _am_sb_instance_set_image (in, image);
      for (guint j = 0; j < image->block_devices->len; j++)
        {
          AmSbBlockDevice *bd = image->block_devices->pdata[j];
          AmSbVolumeOverride *o = _am_sb_find_volume_override (overrides, bd->device_name);
          AmSbVolume *v;

          if (!bd->has_ebs || (o != NULL && o->no_device))
            continue;
          v = g_new0 (AmSbVolume, 1);
          v->device_name = g_strdup (bd->device_name);
          v->volume_id = am_sb_state_new_id (call->state, "vol", NULL);
          v->volume_size = o && o->size ? o->size : bd->volume_size;
          v->volume_type = g_strdup (o && o->type ? o->type : bd->volume_type);
          v->snapshot_id = g_strdup (bd->snapshot_id);
          v->delete_on_termination = o && o->delete_on_termination >= 0 ? o->delete_on_termination
                                                                        : bd->delete_on_termination;
          g_ptr_array_add (in->volumes, v);
        }
      /* Extra empty volumes asked for at launch. */
      for (guint j = 0; j < overrides->len; j++)
        {
          AmSbVolumeOverride *o = &g_array_index (overrides, AmSbVolumeOverride, j);
          gboolean in_image = FALSE;
          AmSbVolume *v;

          for (guint k = 0; k < image->block_devices->len && !in_image; k++)
            in_image = strcmp (((AmSbBlockDevice *) image->block_devices->pdata[k])->device_name, o->device) == 0;
          if (in_image || o->no_device || o->size == 0)
            continue;
          v = g_new0 (AmSbVolume, 1);
          v->device_name = g_strdup (o->device);
          v->volume_id = am_sb_state_new_id (call->state, "vol", NULL);
          v->volume_size = o->size;
          v->volume_type = g_strdup (o->type ? o->type : "gp3");
          v->delete_on_termination = o->delete_on_termination != 0;
          g_ptr_array_add (in->volumes, v);
        }
      in->launch_time = call->now_ms;
      in->target_state = g_strdup ("running");
      in->target_since = call->now_ms;
      in->ami_launch_index = i;
      in->client_token = g_strdup (token);
      in->disable_api_termination = protect;
      g_hash_table_replace (call->state->instances, in->instance_id, in);
      _am_sb_apply_tag_pairs (call, in->instance_id, tags);
    }
  image->last_launched_time = call->now_ms;
  if (token != NULL)
    _am_sb_save_client_token (call, token, reservation_id);
  call->mutated = TRUE;
  xml_run_result (call, reservation_id);
  return TRUE;
}

typedef enum
{
  CHANGE_START,
  CHANGE_STOP,
  CHANGE_REBOOT,
  CHANGE_TERMINATE,
} Change;

static gboolean
change_instances (AmSbCall *call,
                  Change    change)
{
  g_autoptr (GPtrArray) ids = _am_sb_param_list (call, "InstanceId");
  g_autoptr (GPtrArray) instances = g_ptr_array_new ();
  g_autoptr (GArray) before = g_array_new (FALSE, FALSE, sizeof (int));
  GString *s = call->body;

  if (ids->len == 0)
    return _am_sb_fail (call, 400, "MissingParameter", "The request must contain the parameter InstanceId");
  for (guint i = 0; i < ids->len; i++)
    {
      AmSbInstance *in = find_instance (call, ids->pdata[i]);
      int code;
      const char *state;

      if (in == NULL)
        return FALSE;
      state = am_sb_instance_state (in, call->state->transition_ms, call->now_ms, &code);
      switch (change)
        {
        case CHANGE_START:
          if (code == 64 || code == 32 || code == 48)
            return _am_sb_fail (call, 400, "IncorrectInstanceState",
                                "The instance '%s' is not in a state from which it can be started (it is %s).",
                                in->instance_id, state);
          break;
        case CHANGE_STOP:
          if (g_strcmp0 (in->root_device_type, "instance-store") == 0)
            return _am_sb_fail (call, 400, "UnsupportedOperation",
                                "The instance '%s' does not have an 'ebs' root device type and cannot be "
                                "stopped: instance-store-backed instances can only be rebooted or terminated.",
                                in->instance_id);
          if (code == 0 || code == 32 || code == 48)
            return _am_sb_fail (call, 400, "IncorrectInstanceState",
                                "The instance '%s' is not in a state from which it can be stopped (it is %s).",
                                in->instance_id, state);
          break;
        case CHANGE_REBOOT:
          if (code != 16)
            return _am_sb_fail (call, 400, "IncorrectInstanceState",
                                "The instance '%s' is not running (it is %s), so it cannot be rebooted.",
                                in->instance_id, state);
          break;
        case CHANGE_TERMINATE:
          if (in->disable_api_termination && code != 48)
            return _am_sb_fail (call, 400, "OperationNotPermitted",
                                "The instance '%s' may not be terminated. Modify its 'disableApiTermination' "
                                "instance attribute and try again.", in->instance_id);
          break;
        default:
          break;
        }
      g_ptr_array_add (instances, in);
      g_array_append_val (before, code);
    }
  if (_am_sb_dry_run (call))
    return FALSE;

  if (change == CHANGE_REBOOT)
    {
      _am_sb_xml_bool (s, "return", TRUE);
      return TRUE;
    }
  g_string_append (s, "<instancesSet>");
  for (guint i = 0; i < instances->len; i++)
    {
      AmSbInstance *in = instances->pdata[i];
      int previous = g_array_index (before, int, i);
      const char *previous_name = am_sb_instance_state (in, call->state->transition_ms, call->now_ms, NULL);
      const char *target = change == CHANGE_START ? "running" : change == CHANGE_STOP ? "stopped" : "terminated";
      const char *current;
      int code;

      if (!(change == CHANGE_START && (previous == 0 || previous == 16))
          && !(change == CHANGE_STOP && (previous == 64 || previous == 80))
          && !(change == CHANGE_TERMINATE && (previous == 32 || previous == 48)))
        {
          g_free (in->target_state);
          in->target_state = g_strdup (target);
          in->target_since = call->now_ms;
          g_free (in->state_reason);
          if (change != CHANGE_START)
            {
              g_autoptr (GDateTime) when = g_date_time_new_from_unix_utc (call->now_ms / 1000);

              in->state_reason = g_date_time_format (when, "User initiated (%Y-%m-%d %H:%M:%S GMT)");
            }
          else
            in->state_reason = NULL;
          call->mutated = TRUE;
        }
      current = am_sb_instance_state (in, call->state->transition_ms, call->now_ms, &code);
      g_string_append (s, "<item>");
      _am_sb_xml_text (s, "instanceId", in->instance_id);
      xml_state (s, "currentState", current, code);
      xml_state (s, "previousState", previous_name, previous);
      g_string_append (s, "</item>");
    }
  g_string_append (s, "</instancesSet>");
  return TRUE;
}

static gboolean
op_start_instances (AmSbCall *call)
{
  return change_instances (call, CHANGE_START);
}

static gboolean
op_stop_instances (AmSbCall *call)
{
  return change_instances (call, CHANGE_STOP);
}

static gboolean
op_reboot_instances (AmSbCall *call)
{
  return change_instances (call, CHANGE_REBOOT);
}

static gboolean
op_terminate_instances (AmSbCall *call)
{
  return change_instances (call, CHANGE_TERMINATE);
}

/* Instance attributes: only disableApiTermination (termination protection). */

static gboolean
op_modify_instance_attribute (AmSbCall *call)
{
  const char *instance_id;
  const char *attribute = _am_sb_param (call, "Attribute");
  const char *name = "DisableApiTermination.Value";
  AmSbInstance *in;
  gboolean value;

  if (!_am_sb_require (call, "InstanceId", &instance_id))
    return FALSE;
  if (attribute != NULL)
    {
      if (strcmp (attribute, "disableApiTermination") != 0)
        return _am_sb_fail (call, 400, "InvalidParameterValue",
                            "Value (%s) for parameter attribute is invalid: the sandbox can modify only "
                            "disableApiTermination.", attribute);
      name = "Value";
    }
  if (_am_sb_param (call, name) == NULL)
    return _am_sb_fail (call, 400, "MissingParameter",
                        "The request must contain the parameter DisableApiTermination.Value (the only "
                        "instance attribute the sandbox can modify).");
  if (!_am_sb_param_bool (call, name, FALSE, &value))
    return FALSE;
  in = find_instance (call, instance_id);
  if (in == NULL)
    return FALSE;
  if (_am_sb_dry_run (call))
    return FALSE;
  if (in->disable_api_termination != value)
    {
      in->disable_api_termination = value;
      call->mutated = TRUE;
    }
  _am_sb_xml_bool (call->body, "return", TRUE);
  return TRUE;
}

static gboolean
op_describe_instance_attribute (AmSbCall *call)
{
  const char *instance_id, *attribute;
  AmSbInstance *in;

  if (!_am_sb_require (call, "InstanceId", &instance_id) || !_am_sb_require (call, "Attribute", &attribute))
    return FALSE;
  if (strcmp (attribute, "disableApiTermination") != 0)
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "Value (%s) for parameter attribute is invalid: the sandbox describes only "
                        "disableApiTermination.", attribute);
  in = find_instance (call, instance_id);
  if (in == NULL)
    return FALSE;
  _am_sb_xml_text (call->body, "instanceId", in->instance_id);
  g_string_append_printf (call->body, "<disableApiTermination><value>%s</value></disableApiTermination>",
                          _am_sb_bool_text (in->disable_api_termination));
  return TRUE;
}

/* Instance types */

static void
xml_list (GString    *s,
          const char *element,
          const char *comma_list)
{
  g_auto (GStrv) items = g_strsplit (comma_list, ",", -1);

  g_string_append_printf (s, "<%s>", element);
  for (guint i = 0; items[i] != NULL; i++)
    _am_sb_xml_text (s, "item", items[i]);
  g_string_append_printf (s, "</%s>", element);
}

static void
xml_instance_type (AmSbCall *call,
                   gpointer  item)
{
  const AmSbInstanceType *t = item;
  GString *s = call->body;
  char clock[16];

  g_ascii_formatd (clock, sizeof clock, "%.1f", t->clock_ghz);
  g_string_append (s, "<item>");
  _am_sb_xml_text (s, "instanceType", t->name);
  _am_sb_xml_bool (s, "currentGeneration", t->current_generation);
  _am_sb_xml_bool (s, "freeTierEligible", t->free_tier);
  xml_list (s, "supportedUsageClasses", "on-demand,spot");
  xml_list (s, "supportedRootDeviceTypes", "ebs");
  xml_list (s, "supportedVirtualizationTypes", "hvm");
  _am_sb_xml_bool (s, "bareMetal", FALSE);
  _am_sb_xml_text (s, "hypervisor", t->hypervisor);
  g_string_append (s, "<processorInfo>");
  xml_list (s, "supportedArchitectures", t->architectures);
  _am_sb_xml_text (s, "sustainedClockSpeedInGhz", clock);
  g_string_append (s, "</processorInfo><vCpuInfo>");
  _am_sb_xml_int (s, "defaultVCpus", t->vcpus);
  _am_sb_xml_int (s, "defaultCores", t->cores);
  _am_sb_xml_int (s, "defaultThreadsPerCore", t->threads_per_core);
  g_string_append (s, "</vCpuInfo><memoryInfo>");
  _am_sb_xml_int (s, "sizeInMiB", t->memory_mib);
  g_string_append (s, "</memoryInfo>");
  _am_sb_xml_bool (s, "instanceStorageSupported", FALSE);
  g_string_append (s, "<ebsInfo><ebsOptimizedSupport>");
  g_string_append (s, strcmp (t->hypervisor, "nitro") == 0 ? "default" : "unsupported");
  g_string_append (s, "</ebsOptimizedSupport><encryptionSupport>supported</encryptionSupport><nvmeSupport>");
  g_string_append (s, strcmp (t->hypervisor, "nitro") == 0 ? "required" : "unsupported");
  g_string_append (s, "</nvmeSupport></ebsInfo><networkInfo>");
  _am_sb_xml_text (s, "networkPerformance", t->network);
  _am_sb_xml_int (s, "maximumNetworkInterfaces", t->max_interfaces);
  _am_sb_xml_int (s, "maximumNetworkCards", 1);
  _am_sb_xml_int (s, "defaultNetworkCardIndex", 0);
  _am_sb_xml_int (s, "ipv4AddressesPerInterface", t->ipv4_per_interface);
  _am_sb_xml_int (s, "ipv6AddressesPerInterface", t->ipv4_per_interface);
  _am_sb_xml_bool (s, "ipv6Supported", TRUE);
  _am_sb_xml_text (s, "enaSupport", strcmp (t->hypervisor, "nitro") == 0 ? "required" : "unsupported");
  _am_sb_xml_bool (s, "efaSupported", FALSE);
  g_string_append (s, "</networkInfo>");
  _am_sb_xml_bool (s, "hibernationSupported", TRUE);
  _am_sb_xml_bool (s, "burstablePerformanceSupported", t->burstable);
  _am_sb_xml_bool (s, "dedicatedHostsSupported", !t->burstable);
  _am_sb_xml_bool (s, "autoRecoverySupported", TRUE);
  xml_list (s, "supportedBootModes", t->boot_modes);
  g_string_append (s, "</item>");
}

static gboolean
list_contains (const char *comma_list,
               GPtrArray  *values)
{
  g_auto (GStrv) items = g_strsplit (comma_list, ",", -1);

  for (guint i = 0; items[i] != NULL; i++)
    if (am_sb_filter_values_match (values, items[i]))
      return TRUE;
  return FALSE;
}

static gboolean
instance_type_matches (const AmSbInstanceType *t,
                       GPtrArray              *filters)
{
  for (guint i = 0; i < filters->len; i++)
    {
      AmSbFilter *f = filters->pdata[i];
      char buf[32];
      gboolean ok;

      if (strcmp (f->name, "instance-type") == 0)
        ok = am_sb_filter_values_match (f->values, t->name);
      else if (strcmp (f->name, "current-generation") == 0)
        ok = am_sb_filter_values_match (f->values, _am_sb_bool_text (t->current_generation));
      else if (strcmp (f->name, "free-tier-eligible") == 0)
        ok = am_sb_filter_values_match (f->values, _am_sb_bool_text (t->free_tier));
      else if (strcmp (f->name, "burstable-performance-supported") == 0)
        ok = am_sb_filter_values_match (f->values, _am_sb_bool_text (t->burstable));
      else if (strcmp (f->name, "processor-info.supported-architecture") == 0)
        ok = list_contains (t->architectures, f->values);
      else if (strcmp (f->name, "supported-boot-mode") == 0)
        ok = list_contains (t->boot_modes, f->values);
      else if (strcmp (f->name, "supported-virtualization-type") == 0)
        ok = am_sb_filter_values_match (f->values, "hvm");
      else if (strcmp (f->name, "supported-root-device-type") == 0)
        ok = am_sb_filter_values_match (f->values, "ebs");
      else if (strcmp (f->name, "hypervisor") == 0)
        ok = am_sb_filter_values_match (f->values, t->hypervisor);
      else if (strcmp (f->name, "network-info.network-performance") == 0)
        ok = am_sb_filter_values_match (f->values, t->network);
      else if (strcmp (f->name, "vcpu-info.default-vcpus") == 0)
        {
          g_snprintf (buf, sizeof buf, "%d", t->vcpus);
          ok = am_sb_filter_values_match (f->values, buf);
        }
      else
        {
          g_snprintf (buf, sizeof buf, "%d", t->memory_mib);
          ok = am_sb_filter_values_match (f->values, buf);
        }
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
op_describe_instance_types (AmSbCall *call)
{
  static const char *const known[] = {
    "instance-type", "current-generation", "free-tier-eligible", "burstable-performance-supported",
    "processor-info.supported-architecture", "supported-boot-mode", "supported-virtualization-type",
    "supported-root-device-type", "hypervisor", "network-info.network-performance",
    "vcpu-info.default-vcpus", "memory-info.size-in-mib", NULL,
  };
  g_autoptr (GPtrArray) names = _am_sb_param_list (call, "InstanceType");
  g_autoptr (GPtrArray) filters = NULL;
  g_autoptr (GPtrArray) matching = g_ptr_array_new ();
  guint n_types, offset, limit;
  const AmSbInstanceType *types = am_sb_instance_types (&n_types);

  if (!_am_sb_parse_filters (call, &filters))
    return FALSE;
  for (guint i = 0; i < filters->len; i++)
    if (!g_strv_contains (known, ((AmSbFilter *) filters->pdata[i])->name))
      return _am_sb_fail (call, 400, "InvalidParameterValue", "The filter '%s' is invalid",
                          ((AmSbFilter *) filters->pdata[i])->name);
  if (!_am_sb_paginate (call, 5, 100, &offset, &limit))
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    if (am_sb_instance_type_lookup (names->pdata[i]) == NULL)
      return _am_sb_fail (call, 400, "InvalidInstanceType",
                          "The following supplied instance types do not exist: [%s]", (char *) names->pdata[i]);
  if (_am_sb_dry_run (call))
    return FALSE;
  for (guint i = 0; i < n_types; i++)
    {
      gboolean listed = names->len == 0;

      for (guint j = 0; j < names->len && !listed; j++)
        listed = strcmp (names->pdata[j], types[i].name) == 0;
      if (listed && instance_type_matches (&types[i], filters))
        g_ptr_array_add (matching, (gpointer) &types[i]);
    }
  _am_sb_emit_page (call, matching, offset, limit, "instanceTypeSet", xml_instance_type);
  return TRUE;
}

/* Dispatch: the actions of this file and the parameter names they accept */

static const char *const describe_instances[] = { "InstanceId.N", AM_SB_FILTERS, AM_SB_PAGES, NULL };
static const char *const run_instances[] = {
  "ImageId", "InstanceType", "MinCount", "MaxCount", "KeyName", "SecurityGroupId.N", "SecurityGroup.N",
  "SubnetId", "ClientToken", "UserData", "DisableApiTermination", "DisableApiStop",
  "InstanceInitiatedShutdownBehavior", "EbsOptimized", "PrivateIpAddress", "KernelId", "RamdiskId",
  "AdditionalInfo", "Ipv6AddressCount", "Placement.*", "Monitoring.Enabled", "MetadataOptions.*",
  "IamInstanceProfile.Arn", "IamInstanceProfile.Name", "NetworkInterface.N.*",
  "LaunchTemplate.LaunchTemplateId", "LaunchTemplate.LaunchTemplateName", "LaunchTemplate.Version",
  "CreditSpecification.CpuCredits", "HibernationOptions.Configured", "InstanceMarketOptions.*",
  "CapacityReservationSpecification.*", "CpuOptions.*", "EnclaveOptions.Enabled",
  "MaintenanceOptions.*", "PrivateDnsNameOptions.*", "LicenseSpecification.N.LicenseConfigurationArn",
  AM_SB_BLOCK_DEVICES, AM_SB_TAG_SPECS, NULL
};
static const char *const start_instances[] = { "InstanceId.N", "AdditionalInfo", NULL };
static const char *const stop_instances[] = { "InstanceId.N", "Force", "Hibernate", NULL };
static const char *const instance_ids[] = { "InstanceId.N", NULL };
static const char *const modify_instance_attribute[] = {
  "InstanceId", "Attribute", "Value", "DisableApiTermination.Value", "DisableApiStop.Value",
  "InstanceType.Value", "UserData.Value", "InstanceInitiatedShutdownBehavior.Value", "EbsOptimized.Value",
  "EnaSupport.Value", "SourceDestCheck.Value", "SriovNetSupport.Value", "Kernel.Value", "Ramdisk.Value",
  "GroupId.N", "BlockDeviceMapping.N.DeviceName", "BlockDeviceMapping.N.Ebs.DeleteOnTermination",
  "BlockDeviceMapping.N.Ebs.VolumeId", NULL
};
static const char *const describe_instance_attribute[] = { "InstanceId", "Attribute", NULL };
static const char *const describe_instance_types[] = { "InstanceType.N", AM_SB_FILTERS, AM_SB_PAGES, NULL };

const AmSbAction _am_sb_instance_actions[] = {
  { "DescribeInstances", op_describe_instances, describe_instances },
  { "RunInstances", op_run_instances, run_instances },
  { "StartInstances", op_start_instances, start_instances },
  { "StopInstances", op_stop_instances, stop_instances },
  { "RebootInstances", op_reboot_instances, instance_ids },
  { "TerminateInstances", op_terminate_instances, instance_ids },
  { "ModifyInstanceAttribute", op_modify_instance_attribute, modify_instance_attribute },
  { "DescribeInstanceAttribute", op_describe_instance_attribute, describe_instance_attribute },
  { "DescribeInstanceTypes", op_describe_instance_types, describe_instance_types },
  { NULL }
};
