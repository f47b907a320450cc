/* am-sandbox-instances.c: the sandbox's instance, network, key pair and launch template operations
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>

#include "am-sandbox-catalog.h"
#include "am-sandbox-private.h"

/* Terminated instances stay visible this long, as in EC2. */
#define TERMINATED_VISIBLE_MS (60 * 60 * 1000)

/* Helpers */

static gboolean
is_mine (AmSbCall   *call,
         const char *region,
         const char *owner_id)
{
  return region == g_intern_string (call->region) && owner_id == g_intern_string (call->account->account_id);
}

static GPtrArray *
tags_of (AmSbCall   *call,
         const char *resource_id)
{
  return am_sb_state_get_tags (call->state, call->account->account_id, resource_id);
}

static void
apply_tag_pairs (AmSbCall   *call,
                 const char *resource_id,
                 GPtrArray  *pairs)
{
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    am_sb_state_set_tag (call->state, call->account->account_id, resource_id, pairs->pdata[i], pairs->pdata[i + 1]);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (**(char * const * const *) a, **(char * const * const *) b);
}

/* All resources of @table in the caller's account and region, sorted by id. */
static GPtrArray *
my_resources (AmSbCall   *call,
              GHashTable *table)
{
  GPtrArray *out = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      /* Every resource struct starts with id, region, owner. */
      struct { char *id; const char *region; const char *owner_id; } *head = value;

      if (is_mine (call, head->region, head->owner_id))
        g_ptr_array_add (out, value);
    }
  g_ptr_array_sort (out, compare_ids);
  return out;
}

static gboolean
check_filter_names (AmSbCall          *call,
                    GPtrArray         *filters,
                    const char *const *known)
{
  for (guint i = 0; i < filters->len; i++)
    {
      const char *name = ((AmSbFilter *) filters->pdata[i])->name;

      if (!g_str_has_prefix (name, "tag:") && strcmp (name, "tag-key") != 0 && strcmp (name, "tag-value") != 0
          && !g_strv_contains (known, name))
        return _am_sb_fail (call, 400, "InvalidParameterValue", "The filter '%s' is invalid", name);
    }
  return TRUE;
}

typedef const char *(*FieldGetter) (AmSbCall   *call,
                                    gpointer    resource,
                                    const char *name,
                                    char      **owned);

/* Tag filters via the caller's tags; everything else through @get, which returns the field as text. */
static gboolean
resource_matches (AmSbCall    *call,
                  gpointer     resource,
                  const char  *resource_id,
                  GPtrArray   *filters,
                  FieldGetter  get)
{
  for (guint i = 0; i < filters->len; i++)
    {
      AmSbFilter *filter = filters->pdata[i];
      gboolean handled;
      gboolean ok = am_sb_tags_match (tags_of (call, resource_id), filter->name, filter->values, &handled);

      if (!handled)
        {
          g_autofree char *owned = NULL;
          const char *value = get (call, resource, filter->name, &owned);

          ok = am_sb_filter_values_match (filter->values, value);
        }
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static const char *
bool_text (gboolean value)
{
  return value ? "true" : "false";
}

/* Emits items [offset, offset+limit) of @items with @emit, then a nextToken when more remain. */
static void
emit_page (AmSbCall   *call,
           GPtrArray  *items,
           guint       offset,
           guint       limit,
           const char *set_name,
           void      (*emit) (AmSbCall *call, gpointer item))
{
  guint end = offset;

  g_string_append_printf (call->body, "<%s>", set_name);
  for (guint i = offset; i < items->len && i - offset < limit; i++, end++)
    emit (call, items->pdata[i]);
  g_string_append_printf (call->body, "</%s>", set_name);
  if (end < items->len)
    _am_sb_next_token (call, end);
}

/* Availability zones */

static AmSbSubnet *
default_subnet (AmSbCall   *call,
                const char *zone)
{
  g_autoptr (GPtrArray) subnets = my_resources (call, call->state->subnets);
  AmSbSubnet *first = NULL;

  for (guint i = 0; i < subnets->len; i++)
    {
      AmSbSubnet *subnet = subnets->pdata[i];

      if (!subnet->default_for_az)
        continue;
      if (zone == NULL ? g_str_has_suffix (subnet->availability_zone, "a")
                       : strcmp (subnet->availability_zone, zone) == 0)
        return subnet;
      if (first == NULL)
        first = subnet;
    }
  return zone == NULL ? first : NULL;
}

static AmSbSecurityGroup *
find_group (AmSbCall   *call,
            const char *vpc_id,
            const char *group_id,
            const char *group_name)
{
  g_autoptr (GPtrArray) groups = my_resources (call, call->state->security_groups);

  for (guint i = 0; i < groups->len; i++)
    {
      AmSbSecurityGroup *group = groups->pdata[i];

      if (vpc_id != NULL && g_strcmp0 (group->vpc_id, vpc_id) != 0)
        continue;
      if ((group_id != NULL && strcmp (group->group_id, group_id) == 0)
          || (group_name != NULL && strcmp (group->group_name, group_name) == 0))
        return group;
    }
  return NULL;
}

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
  _am_sb_xml_tags (s, tags_of (call, in->instance_id));
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
  if (in == NULL || !is_mine (call, in->region, in->owner_id) || !_am_sb_instance_visible (call, in))
    {
      _am_sb_fail (call, 400, "InvalidInstanceID.NotFound", "The instance ID '%s' does not exist", id);
      return NULL;
    }
  return in;
}

gboolean _am_sb_op_describe_instances (AmSbCall *call);

gboolean
_am_sb_op_describe_instances (AmSbCall *call)
{
  g_autoptr (GPtrArray) ids = _am_sb_param_list (call, "InstanceId");
  g_autoptr (GPtrArray) filters = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) matching = g_ptr_array_new ();
  guint offset, limit, end;

  if (!_am_sb_parse_filters (call, &filters) || !check_filter_names (call, filters, instance_filters))
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
  all = my_resources (call, call->state->instances);
  g_ptr_array_sort (all, compare_launch);
  for (guint i = 0; i < all->len; i++)
    {
      AmSbInstance *in = all->pdata[i];
      gboolean listed = ids->len == 0;

      for (guint j = 0; j < ids->len && !listed; j++)
        listed = strcmp (ids->pdata[j], in->instance_id) == 0;
      if (listed && _am_sb_instance_visible (call, in)
          && resource_matches (call, in, in->instance_id, filters, instance_field))
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

static AmSbLaunchTemplate *
find_template (AmSbCall   *call,
               const char *id,
               const char *name)
{
  g_autoptr (GPtrArray) templates = my_resources (call, call->state->launch_templates);

  for (guint i = 0; i < templates->len; i++)
    {
      AmSbLaunchTemplate *lt = templates->pdata[i];

      if ((id != NULL && strcmp (lt->launch_template_id, id) == 0)
          || (name != NULL && strcmp (lt->name, name) == 0))
        return lt;
    }
  return NULL;
}

static void
xml_run_result (AmSbCall   *call,
                const char *reservation_id)
{
  g_autoptr (GPtrArray) all = my_resources (call, call->state->instances);
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

gboolean _am_sb_op_run_instances (AmSbCall *call);

gboolean
_am_sb_op_run_instances (AmSbCall *call)
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
      AmSbLaunchTemplate *lt = find_template (call, lt_id, lt_name);

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
      g_autoptr (GPtrArray) keys = my_resources (call, call->state->key_pairs);
      gboolean found = FALSE;

      for (guint i = 0; i < keys->len && !found; i++)
        found = strcmp (((AmSbKeyPair *) keys->pdata[i])->key_name, spec.key_name) == 0;
      if (!found)
        return _am_sb_fail (call, 400, "InvalidKeyPair.NotFound", "The key pair '%s' does not exist", spec.key_name);
    }
  if (spec.subnet_id != NULL)
    {
      subnet = g_hash_table_lookup (call->state->subnets, spec.subnet_id);
      if (subnet == NULL || !is_mine (call, subnet->region, subnet->owner_id))
        return _am_sb_fail (call, 400, "InvalidSubnetID.NotFound",
                            "The subnet ID '%s' does not exist", spec.subnet_id);
      if (spec.zone != NULL && strcmp (spec.zone, subnet->availability_zone) != 0)
        return _am_sb_fail (call, 400, "InvalidParameterCombination",
                            "Subnet %s is in %s, not in %s.", spec.subnet_id, subnet->availability_zone, spec.zone);
    }
  else
    {
      subnet = default_subnet (call, spec.zone);
      if (subnet == NULL)
        return _am_sb_fail (call, 400, "InvalidParameterValue",
                            "Invalid availability zone: [%s]", spec.zone ? spec.zone : "");
    }
  for (guint i = 0; i < spec.group_ids->len; i++)
    {
      AmSbSecurityGroup *group = find_group (call, subnet->vpc_id, spec.group_ids->pdata[i], NULL);

      if (group == NULL)
        return _am_sb_fail (call, 400, "InvalidGroup.NotFound",
                            "The security group '%s' does not exist in VPC '%s'",
                            (char *) spec.group_ids->pdata[i], subnet->vpc_id);
      g_ptr_array_add (groups, group->group_id);
    }
  for (guint i = 0; i < spec.group_names->len; i++)
    {
      AmSbSecurityGroup *group = find_group (call, subnet->vpc_id, NULL, spec.group_names->pdata[i]);

      if (group == NULL)
        return _am_sb_fail (call, 400, "InvalidGroup.NotFound",
                            "The security group '%s' does not exist in default VPC '%s'",
                            (char *) spec.group_names->pdata[i], subnet->vpc_id);
      g_ptr_array_add (groups, group->group_id);
    }
  if (groups->len == 0)
    {
      AmSbSecurityGroup *group = find_group (call, subnet->vpc_id, NULL, "default");

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
      in->image_id = g_strdup (image->image_id);
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
      apply_tag_pairs (call, in->instance_id, tags);
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

gboolean _am_sb_op_start_instances (AmSbCall *call);
gboolean _am_sb_op_stop_instances (AmSbCall *call);
gboolean _am_sb_op_reboot_instances (AmSbCall *call);
gboolean _am_sb_op_terminate_instances (AmSbCall *call);

gboolean
_am_sb_op_start_instances (AmSbCall *call)
{
  return change_instances (call, CHANGE_START);
}

gboolean
_am_sb_op_stop_instances (AmSbCall *call)
{
  return change_instances (call, CHANGE_STOP);
}

gboolean
_am_sb_op_reboot_instances (AmSbCall *call)
{
  return change_instances (call, CHANGE_REBOOT);
}

gboolean
_am_sb_op_terminate_instances (AmSbCall *call)
{
  return change_instances (call, CHANGE_TERMINATE);
}

/* Instance attributes: only disableApiTermination (termination protection). */

gboolean _am_sb_op_modify_instance_attribute (AmSbCall *call);
gboolean _am_sb_op_describe_instance_attribute (AmSbCall *call);

gboolean
_am_sb_op_modify_instance_attribute (AmSbCall *call)
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

gboolean
_am_sb_op_describe_instance_attribute (AmSbCall *call)
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
                          bool_text (in->disable_api_termination));
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
        ok = am_sb_filter_values_match (f->values, bool_text (t->current_generation));
      else if (strcmp (f->name, "free-tier-eligible") == 0)
        ok = am_sb_filter_values_match (f->values, bool_text (t->free_tier));
      else if (strcmp (f->name, "burstable-performance-supported") == 0)
        ok = am_sb_filter_values_match (f->values, bool_text (t->burstable));
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

gboolean _am_sb_op_describe_instance_types (AmSbCall *call);

gboolean
_am_sb_op_describe_instance_types (AmSbCall *call)
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
  emit_page (call, matching, offset, limit, "instanceTypeSet", xml_instance_type);
  return TRUE;
}

/* Key pairs */

static void
xml_key_pair (AmSbCall *call,
              gpointer  item)
{
  AmSbKeyPair *k = item;
  GString *s = call->body;
  gboolean include_public = FALSE;

  _am_sb_param_bool (call, "IncludePublicKey", FALSE, &include_public);
  g_string_append (s, "<item>");
  _am_sb_xml_text (s, "keyPairId", k->key_pair_id);
  _am_sb_xml_text (s, "keyFingerprint", k->fingerprint);
  _am_sb_xml_text (s, "keyName", k->key_name);
  _am_sb_xml_text (s, "keyType", k->key_type);
  _am_sb_xml_tags (s, tags_of (call, k->key_pair_id));
  if (include_public)
    _am_sb_xml_text (s, "publicKey", k->public_key);
  _am_sb_xml_time (s, "createTime", k->create_time);
  g_string_append (s, "</item>");
}

static const char *
key_field (AmSbCall   *call,
           gpointer    resource,
           const char *name,
           char      **owned)
{
  AmSbKeyPair *k = resource;

  if (strcmp (name, "key-name") == 0)
    return k->key_name;
  if (strcmp (name, "key-pair-id") == 0)
    return k->key_pair_id;
  if (strcmp (name, "fingerprint") == 0)
    return k->fingerprint;
  if (strcmp (name, "key-type") == 0)
    return k->key_type;
  return NULL;
}

static AmSbKeyPair *
find_key (AmSbCall   *call,
          const char *name,
          const char *id)
{
  g_autoptr (GPtrArray) keys = my_resources (call, call->state->key_pairs);

  for (guint i = 0; i < keys->len; i++)
    {
      AmSbKeyPair *k = keys->pdata[i];

      if ((name != NULL && strcmp (k->key_name, name) == 0) || (id != NULL && strcmp (k->key_pair_id, id) == 0))
        return k;
    }
  return NULL;
}

gboolean _am_sb_op_describe_key_pairs (AmSbCall *call);

gboolean
_am_sb_op_describe_key_pairs (AmSbCall *call)
{
  static const char *const known[] = { "key-name", "key-pair-id", "fingerprint", "key-type", NULL };
  g_autoptr (GPtrArray) names = _am_sb_param_list (call, "KeyName");
  g_autoptr (GPtrArray) ids = _am_sb_param_list (call, "KeyPairId");
  g_autoptr (GPtrArray) filters = NULL;
  g_autoptr (GPtrArray) keys = NULL;
  g_autoptr (GPtrArray) matching = g_ptr_array_new ();
  gboolean include_public;

  if (!_am_sb_parse_filters (call, &filters) || !check_filter_names (call, filters, known)
      || !_am_sb_param_bool (call, "IncludePublicKey", FALSE, &include_public))
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    if (find_key (call, names->pdata[i], NULL) == NULL)
      return _am_sb_fail (call, 400, "InvalidKeyPair.NotFound", "The key pair '%s' does not exist",
                          (char *) names->pdata[i]);
  for (guint i = 0; i < ids->len; i++)
    if (find_key (call, NULL, ids->pdata[i]) == NULL)
      return _am_sb_fail (call, 400, "InvalidKeyPair.NotFound", "The key pair ID '%s' does not exist",
                          (char *) ids->pdata[i]);
  if (_am_sb_dry_run (call))
    return FALSE;
  keys = my_resources (call, call->state->key_pairs);
  for (guint i = 0; i < keys->len; i++)
    {
      AmSbKeyPair *k = keys->pdata[i];
      gboolean listed = names->len == 0 && ids->len == 0;

      for (guint j = 0; j < names->len && !listed; j++)
        listed = strcmp (names->pdata[j], k->key_name) == 0;
      for (guint j = 0; j < ids->len && !listed; j++)
        listed = strcmp (ids->pdata[j], k->key_pair_id) == 0;
      if (listed && resource_matches (call, k, k->key_pair_id, filters, key_field))
        g_ptr_array_add (matching, k);
    }
  emit_page (call, matching, 0, G_MAXUINT, "keySet", xml_key_pair);
  return TRUE;
}

gboolean _am_sb_op_create_key_pair (AmSbCall *call);

gboolean
_am_sb_op_create_key_pair (AmSbCall *call)
{
  const char *name;
  const char *key_type = _am_sb_param (call, "KeyType");
  const char *key_format = _am_sb_param (call, "KeyFormat");
  g_autoptr (GPtrArray) tags = _am_sb_tag_specs (call, "key-pair");
  g_autoptr (GError) error = NULL;
  g_autofree char *private_pem = NULL;
  AmSbKeyPair *k;
  GString *s = call->body;

  if (!_am_sb_require (call, "KeyName", &name))
    return FALSE;
  if (strlen (name) > 255)
    return _am_sb_fail (call, 400, "InvalidParameterValue", "Key pair names may be at most 255 characters.");
  for (const char *p = name; *p; p++)
    if ((guchar) *p < 0x20 || (guchar) *p > 0x7e)
      return _am_sb_fail (call, 400, "InvalidParameterValue", "Key pair names must be printable ASCII.");
  if (key_type == NULL)
    key_type = "rsa";
  if (strcmp (key_type, "rsa") != 0 && strcmp (key_type, "ed25519") != 0)
    return _am_sb_fail (call, 400, "InvalidParameterValue", "KeyType must be rsa or ed25519, not '%s'.", key_type);
  if (key_format != NULL && strcmp (key_format, "pem") != 0)
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "The sandbox hands out key material as pem only; use KeyFormat=pem.");
  if (find_key (call, name, NULL) != NULL)
    return _am_sb_fail (call, 400, "InvalidKeyPair.Duplicate", "The keypair '%s' already exists.", name);
  if (!_am_sb_check_quota (call, AM_SB_QUOTA_KEY_PAIRS, 1))
    return FALSE;
  if (_am_sb_dry_run (call))
    return FALSE;

  k = g_new0 (AmSbKeyPair, 1);
  if (!_am_sb_generate_key_pair (key_type, call->fast_keys, &private_pem, &k->public_key, &k->fingerprint, &error))
    {
      am_sb_key_pair_free (k);
      return _am_sb_fail (call, 500, "InternalError", "%s", error->message);
    }
  k->key_pair_id = am_sb_state_new_id (call->state, "key", call->state->key_pairs);
  k->region = g_intern_string (call->region);
  k->owner_id = g_intern_string (call->account->account_id);
  k->key_name = g_strdup (name);
  k->key_type = g_strdup (key_type);
  k->create_time = call->now_ms;
  g_hash_table_replace (call->state->key_pairs, k->key_pair_id, k);
  apply_tag_pairs (call, k->key_pair_id, tags);
  call->mutated = TRUE;
  _am_sb_xml_text (s, "keyName", k->key_name);
  _am_sb_xml_text (s, "keyFingerprint", k->fingerprint);
  _am_sb_xml_text (s, "keyMaterial", private_pem);
  _am_sb_xml_text (s, "keyPairId", k->key_pair_id);
  _am_sb_xml_tags (s, tags_of (call, k->key_pair_id));
  memset (private_pem, 0, strlen (private_pem));
  return TRUE;
}

gboolean _am_sb_op_delete_key_pair (AmSbCall *call);

gboolean
_am_sb_op_delete_key_pair (AmSbCall *call)
{
  const char *name = _am_sb_param (call, "KeyName");
  const char *id = _am_sb_param (call, "KeyPairId");
  AmSbKeyPair *k;
  g_autofree char *deleted_id = NULL;

  if (name == NULL && id == NULL)
    return _am_sb_fail (call, 400, "MissingParameter", "The request must contain the parameter KeyName or KeyPairId");
  k = find_key (call, name, id);
  if (_am_sb_dry_run (call))
    return FALSE;
  /* EC2 answers true even when the key pair does not exist. */
  if (k != NULL)
    {
      g_autofree char *tag_key = g_strconcat (call->account->account_id, "/", k->key_pair_id, NULL);

      deleted_id = g_strdup (k->key_pair_id);
      g_hash_table_remove (call->state->tags, tag_key);
      g_hash_table_remove (call->state->key_pairs, k->key_pair_id);
      call->mutated = TRUE;
    }
  _am_sb_xml_bool (call->body, "return", TRUE);
  _am_sb_xml_text (call->body, "keyPairId", deleted_id);
  return TRUE;
}

/* VPCs, subnets and security groups */

static void
xml_vpc (AmSbCall *call,
         gpointer  item)
{
  AmSbVpc *v = item;
  GString *s = call->body;

  g_string_append (s, "<item>");
  _am_sb_xml_text (s, "vpcId", v->vpc_id);
  _am_sb_xml_text (s, "ownerId", v->owner_id);
  _am_sb_xml_text (s, "state", "available");
  _am_sb_xml_text (s, "cidrBlock", v->cidr_block);
  g_string_append (s, "<cidrBlockAssociationSet><item>");
  _am_sb_xml_text (s, "cidrBlock", v->cidr_block);
  g_string_append (s, "<associationId>vpc-cidr-assoc-0a1b2c3d4e5f60718</associationId>"
                      "<cidrBlockState><state>associated</state></cidrBlockState></item></cidrBlockAssociationSet>");
  _am_sb_xml_text (s, "dhcpOptionsId", "dopt-0c1f1e2d3c4b5a697");
  _am_sb_xml_text (s, "instanceTenancy", "default");
  _am_sb_xml_bool (s, "isDefault", v->is_default);
  _am_sb_xml_tags (s, tags_of (call, v->vpc_id));
  g_string_append (s, "</item>");
}

static const char *
vpc_field (AmSbCall   *call,
           gpointer    resource,
           const char *name,
           char      **owned)
{
  AmSbVpc *v = resource;

  if (strcmp (name, "vpc-id") == 0)
    return v->vpc_id;
  if (strcmp (name, "is-default") == 0)
    return bool_text (v->is_default);
  if (strcmp (name, "cidr") == 0 || strcmp (name, "cidr-block-association.cidr-block") == 0)
    return v->cidr_block;
  if (strcmp (name, "state") == 0)
    return "available";
  if (strcmp (name, "owner-id") == 0)
    return v->owner_id;
  return NULL;
}

static gboolean
describe_simple (AmSbCall          *call,
                 GHashTable        *table,
                 const char        *id_param,
                 const char        *not_found_code,
                 const char *const *known,
                 FieldGetter        get,
                 const char        *set_name,
                 void             (*emit) (AmSbCall *call, gpointer item))
{
  g_autoptr (GPtrArray) ids = _am_sb_param_list (call, id_param);
  g_autoptr (GPtrArray) filters = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) matching = g_ptr_array_new ();
  guint offset, limit;

  if (!_am_sb_parse_filters (call, &filters) || !check_filter_names (call, filters, known)
      || !_am_sb_paginate (call, 5, 1000, &offset, &limit))
    return FALSE;
  all = my_resources (call, table);
  for (guint i = 0; i < ids->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < all->len && !found; j++)
        found = strcmp (*(char **) all->pdata[j], ids->pdata[i]) == 0;
      if (!found)
        return _am_sb_fail (call, 400, not_found_code, "The ID '%s' does not exist", (char *) ids->pdata[i]);
    }
  if (_am_sb_dry_run (call))
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    {
      const char *id = *(char **) all->pdata[i];
      gboolean listed = ids->len == 0;

      for (guint j = 0; j < ids->len && !listed; j++)
        listed = strcmp (ids->pdata[j], id) == 0;
      if (listed && resource_matches (call, all->pdata[i], id, filters, get))
        g_ptr_array_add (matching, all->pdata[i]);
    }
  emit_page (call, matching, offset, limit, set_name, emit);
  return TRUE;
}

gboolean _am_sb_op_describe_vpcs (AmSbCall *call);

gboolean
_am_sb_op_describe_vpcs (AmSbCall *call)
{
  static const char *const known[] = { "vpc-id", "is-default", "cidr", "cidr-block-association.cidr-block",
                                       "state", "owner-id", NULL };

  return describe_simple (call, call->state->vpcs, "VpcId", "InvalidVpcID.NotFound", known, vpc_field,
                          "vpcSet", xml_vpc);
}

static void
xml_subnet (AmSbCall *call,
            gpointer  item)
{
  AmSbSubnet *sn = item;
  GString *s = call->body;
  g_autofree char *arn = g_strdup_printf ("arn:aws:ec2:%s:%s:subnet/%s", sn->region, sn->owner_id, sn->subnet_id);

  g_string_append (s, "<item>");
  _am_sb_xml_text (s, "subnetId", sn->subnet_id);
  _am_sb_xml_text (s, "subnetArn", arn);
  _am_sb_xml_text (s, "state", "available");
  _am_sb_xml_text (s, "ownerId", sn->owner_id);
  _am_sb_xml_text (s, "vpcId", sn->vpc_id);
  _am_sb_xml_text (s, "cidrBlock", sn->cidr_block);
  _am_sb_xml_int (s, "availableIpAddressCount", 4091);
  _am_sb_xml_text (s, "availabilityZone", sn->availability_zone);
  _am_sb_xml_text (s, "availabilityZoneId", sn->availability_zone_id);
  _am_sb_xml_bool (s, "defaultForAz", sn->default_for_az);
  _am_sb_xml_bool (s, "mapPublicIpOnLaunch", sn->default_for_az);
  _am_sb_xml_bool (s, "assignIpv6AddressOnCreation", FALSE);
  _am_sb_xml_tags (s, tags_of (call, sn->subnet_id));
  g_string_append (s, "</item>");
}

static const char *
subnet_field (AmSbCall   *call,
              gpointer    resource,
              const char *name,
              char      **owned)
{
  AmSbSubnet *sn = resource;

  if (strcmp (name, "subnet-id") == 0)
    return sn->subnet_id;
  if (strcmp (name, "vpc-id") == 0)
    return sn->vpc_id;
  if (strcmp (name, "availability-zone") == 0)
    return sn->availability_zone;
  if (strcmp (name, "availability-zone-id") == 0)
    return sn->availability_zone_id;
  if (strcmp (name, "default-for-az") == 0 || strcmp (name, "defaultForAz") == 0)
    return bool_text (sn->default_for_az);
  if (strcmp (name, "cidr-block") == 0)
    return sn->cidr_block;
  if (strcmp (name, "state") == 0)
    return "available";
  if (strcmp (name, "owner-id") == 0)
    return sn->owner_id;
  return NULL;
}

gboolean _am_sb_op_describe_subnets (AmSbCall *call);

gboolean
_am_sb_op_describe_subnets (AmSbCall *call)
{
  static const char *const known[] = { "subnet-id", "vpc-id", "availability-zone", "availability-zone-id",
                                       "default-for-az", "defaultForAz", "cidr-block", "state", "owner-id", NULL };

  return describe_simple (call, call->state->subnets, "SubnetId", "InvalidSubnetID.NotFound", known,
                          subnet_field, "subnetSet", xml_subnet);
}

static void
xml_group (AmSbCall *call,
           gpointer  item)
{
  AmSbSecurityGroup *g = item;
  GString *s = call->body;

  g_string_append (s, "<item>");
  _am_sb_xml_text (s, "ownerId", g->owner_id);
  _am_sb_xml_text (s, "groupId", g->group_id);
  _am_sb_xml_text (s, "groupName", g->group_name);
  _am_sb_xml_text (s, "groupDescription", g->description);
  _am_sb_xml_text (s, "vpcId", g->vpc_id);
  g_string_append (s, "<ipPermissions>");
  if (strcmp (g->group_name, "default") == 0)
    {
      /* The default group lets its own members talk to each other. */
      g_string_append (s, "<item><ipProtocol>-1</ipProtocol><groups><item>");
      _am_sb_xml_text (s, "userId", g->owner_id);
      _am_sb_xml_text (s, "groupId", g->group_id);
      g_string_append (s, "</item></groups><ipRanges/><ipv6Ranges/><prefixListIds/></item>");
    }
  for (guint i = 0; i < g->ingress->len; i++)
    {
      AmSbIngressRule *r = g->ingress->pdata[i];

      g_string_append (s, "<item>");
      _am_sb_xml_text (s, "ipProtocol", r->protocol);
      if (strcmp (r->protocol, "-1") != 0)
        {
          _am_sb_xml_int (s, "fromPort", r->from_port);
          _am_sb_xml_int (s, "toPort", r->to_port);
        }
      g_string_append (s, "<groups/><ipRanges><item>");
      _am_sb_xml_text (s, "cidrIp", r->cidr);
      g_string_append (s, "</item></ipRanges><ipv6Ranges/><prefixListIds/></item>");
    }
  g_string_append (s, "</ipPermissions><ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><groups/>"
                      "<ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges><ipv6Ranges/>"
                      "<prefixListIds/></item></ipPermissionsEgress>");
  _am_sb_xml_tags (s, tags_of (call, g->group_id));
  g_string_append (s, "</item>");
}

static const char *
group_field (AmSbCall   *call,
             gpointer    resource,
             const char *name,
             char      **owned)
{
  AmSbSecurityGroup *g = resource;

  if (strcmp (name, "group-id") == 0)
    return g->group_id;
  if (strcmp (name, "group-name") == 0)
    return g->group_name;
  if (strcmp (name, "vpc-id") == 0)
    return g->vpc_id;
  if (strcmp (name, "description") == 0)
    return g->description;
  if (strcmp (name, "owner-id") == 0)
    return g->owner_id;
  return NULL;
}

gboolean _am_sb_op_describe_security_groups (AmSbCall *call);

gboolean
_am_sb_op_describe_security_groups (AmSbCall *call)
{
  static const char *const known[] = { "group-id", "group-name", "vpc-id", "description", "owner-id", NULL };
  g_autoptr (GPtrArray) names = _am_sb_param_list (call, "GroupName");

  for (guint i = 0; i < names->len; i++)
    {
      AmSbSecurityGroup *g = find_group (call, NULL, NULL, names->pdata[i]);
      g_autofree char *key = NULL;

      if (g == NULL)
        return _am_sb_fail (call, 400, "InvalidGroup.NotFound",
                            "The security group '%s' does not exist", (char *) names->pdata[i]);
      key = g_strdup_printf ("GroupId.%u", 100 + i);
      g_hash_table_replace (call->params, g_steal_pointer (&key), g_strdup (g->group_id));
    }
  return describe_simple (call, call->state->security_groups, "GroupId", "InvalidGroup.NotFound", known,
                          group_field, "securityGroupInfo", xml_group);
}

gboolean _am_sb_op_create_security_group (AmSbCall *call);

gboolean
_am_sb_op_create_security_group (AmSbCall *call)
{
  const char *name, *description;
  const char *vpc_id = _am_sb_param (call, "VpcId");
  g_autoptr (GPtrArray) tags = _am_sb_tag_specs (call, "security-group");
  AmSbSecurityGroup *g;
  AmSbVpc *vpc;

  if (!_am_sb_require (call, "GroupName", &name) || !_am_sb_require (call, "GroupDescription", &description))
    return FALSE;
  if (strlen (name) > 255 || g_str_has_prefix (name, "sg-") || strcmp (name, "default") == 0)
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "Invalid security group name '%s': up to 255 characters, not 'default', "
                        "not starting with sg-.", name);
  if (strlen (description) > 255)
    return _am_sb_fail (call, 400, "InvalidParameterValue", "The group description may be at most 255 characters.");
  if (vpc_id == NULL)
    {
      AmSbSubnet *subnet = default_subnet (call, NULL);

      vpc_id = subnet ? subnet->vpc_id : NULL;
    }
  vpc = vpc_id ? g_hash_table_lookup (call->state->vpcs, vpc_id) : NULL;
  if (vpc == NULL || !is_mine (call, vpc->region, vpc->owner_id))
    return _am_sb_fail (call, 400, "InvalidVpcID.NotFound", "The vpc ID '%s' does not exist", vpc_id ? vpc_id : "");
  if (find_group (call, vpc_id, NULL, name) != NULL)
    return _am_sb_fail (call, 400, "InvalidGroup.Duplicate",
                        "The security group '%s' already exists for VPC '%s'", name, vpc_id);
  if (!_am_sb_check_quota (call, AM_SB_QUOTA_SECURITY_GROUPS, 1))
    return FALSE;
  if (_am_sb_dry_run (call))
    return FALSE;
  g = g_new0 (AmSbSecurityGroup, 1);
  g->group_id = am_sb_state_new_id (call->state, "sg", call->state->security_groups);
  g->region = g_intern_string (call->region);
  g->owner_id = g_intern_string (call->account->account_id);
  g->vpc_id = g_strdup (vpc_id);
  g->group_name = g_strdup (name);
  g->description = g_strdup (description);
  g->ingress = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_ingress_rule_free);
  g_hash_table_replace (call->state->security_groups, g->group_id, g);
  apply_tag_pairs (call, g->group_id, tags);
  call->mutated = TRUE;
  _am_sb_xml_bool (call->body, "return", TRUE);
  _am_sb_xml_text (call->body, "groupId", g->group_id);
  _am_sb_xml_tags (call->body, tags_of (call, g->group_id));
  return TRUE;
}

static gboolean
parse_rule (AmSbCall        *call,
            const char      *prefix,
            const char      *cidr_key,
            AmSbIngressRule *rule)
{
  g_autofree char *k_proto = g_strconcat (prefix, "IpProtocol", NULL);
  g_autofree char *k_from = g_strconcat (prefix, "FromPort", NULL);
  g_autofree char *k_to = g_strconcat (prefix, "ToPort", NULL);
  const char *protocol = _am_sb_param (call, k_proto);
  const char *cidr = _am_sb_param (call, cidr_key);
  gint64 from, to;

  if (protocol == NULL)
    return _am_sb_fail (call, 400, "MissingParameter", "The request must contain the parameter %s", k_proto);
  if (strcmp (protocol, "tcp") != 0 && strcmp (protocol, "udp") != 0 && strcmp (protocol, "icmp") != 0
      && strcmp (protocol, "-1") != 0 && strcmp (protocol, "all") != 0)
    return _am_sb_fail (call, 400, "InvalidParameterValue", "Invalid value '%s' for IP protocol.", protocol);
  if (!_am_sb_param_int (call, k_from, -1, 65535, -1, &from) || !_am_sb_param_int (call, k_to, -1, 65535, -1, &to))
    return FALSE;
  if (strcmp (protocol, "tcp") == 0 || strcmp (protocol, "udp") == 0)
    if (from < 0 || to < from)
      return _am_sb_fail (call, 400, "InvalidParameterValue",
                          "Give FromPort and ToPort (FromPort ≤ ToPort) for %s rules.", protocol);
  if (cidr == NULL)
    cidr = "0.0.0.0/0";
  {
    g_autoptr (GInetAddressMask) mask = g_inet_address_mask_new_from_string (cidr, NULL);

    if (mask == NULL)
      return _am_sb_fail (call, 400, "InvalidParameterValue", "Invalid IPv4 CIDR '%s'.", cidr);
  }
  rule->protocol = g_strdup (strcmp (protocol, "all") == 0 ? "-1" : protocol);
  rule->from_port = from;
  rule->to_port = to;
  rule->cidr = g_strdup (cidr);
  return TRUE;
}

gboolean _am_sb_op_authorize_security_group_ingress (AmSbCall *call);

gboolean
_am_sb_op_authorize_security_group_ingress (AmSbCall *call)
{
  const char *group_id = _am_sb_param (call, "GroupId");
  const char *group_name = _am_sb_param (call, "GroupName");
  g_autoptr (GArray) perms = _am_sb_param_indices (call, "IpPermissions");
  g_autoptr (GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_ingress_rule_free);
  AmSbSecurityGroup *g;

  if (group_id == NULL && group_name == NULL)
    return _am_sb_fail (call, 400, "MissingParameter", "The request must contain the parameter GroupId or GroupName");
  g = find_group (call, NULL, group_id, group_id ? NULL : group_name);
  if (g == NULL)
    return _am_sb_fail (call, 400, "InvalidGroup.NotFound", "The security group '%s' does not exist",
                        group_id ? group_id : group_name);
  for (guint i = 0; i < perms->len; i++)
    {
      guint n = g_array_index (perms, guint, i);
      g_autofree char *prefix = g_strdup_printf ("IpPermissions.%u.", n);
      g_autofree char *ranges = g_strdup_printf ("IpPermissions.%u.IpRanges", n);
      g_autoptr (GArray) range_indices = _am_sb_param_indices (call, ranges);

      for (guint j = 0; j < MAX (range_indices->len, 1); j++)
        {
          g_autofree char *cidr_key = range_indices->len
            ? g_strdup_printf ("%s.%u.CidrIp", ranges, g_array_index (range_indices, guint, j))
            : g_strdup ("no-cidr");
          AmSbIngressRule *rule = g_new0 (AmSbIngressRule, 1);

          g_ptr_array_add (rules, rule);
          if (!parse_rule (call, prefix, cidr_key, rule))
            return FALSE;
        }
    }
  if (perms->len == 0)
    {
      AmSbIngressRule *rule = g_new0 (AmSbIngressRule, 1);

      g_ptr_array_add (rules, rule);
      if (!parse_rule (call, "", "CidrIp", rule))
        return FALSE;
    }
  for (guint i = 0; i < rules->len; i++)
    for (guint j = 0; j < g->ingress->len; j++)
      {
        AmSbIngressRule *a = rules->pdata[i];
        AmSbIngressRule *b = g->ingress->pdata[j];

        if (strcmp (a->protocol, b->protocol) == 0 && a->from_port == b->from_port && a->to_port == b->to_port
            && strcmp (a->cidr, b->cidr) == 0)
          return _am_sb_fail (call, 400, "InvalidPermission.Duplicate",
                              "the specified rule \"peer: %s, %s, from port: %d, to port: %d, ALLOW\" already exists",
                              a->cidr, a->protocol, a->from_port, a->to_port);
      }
  if (_am_sb_dry_run (call))
    return FALSE;
  while (rules->len > 0)
    g_ptr_array_add (g->ingress, g_ptr_array_steal_index (rules, 0));
  call->mutated = TRUE;
  _am_sb_xml_bool (call->body, "return", TRUE);
  return TRUE;
}

/* Zones and regions */

gboolean _am_sb_op_describe_availability_zones (AmSbCall *call);

gboolean
_am_sb_op_describe_availability_zones (AmSbCall *call)
{
  static const char *const known[] = { "zone-name", "zone-id", "state", "region-name", "zone-type",
                                       "opt-in-status", NULL };
  g_autoptr (GPtrArray) names = _am_sb_param_list (call, "ZoneName");
  g_autoptr (GPtrArray) ids = _am_sb_param_list (call, "ZoneId");
  g_autoptr (GPtrArray) filters = NULL;
  GString *s = call->body;
  gboolean all_zones;

  if (!_am_sb_parse_filters (call, &filters) || !_am_sb_param_bool (call, "AllAvailabilityZones", FALSE, &all_zones))
    return FALSE;
  for (guint i = 0; i < filters->len; i++)
    if (!g_strv_contains (known, ((AmSbFilter *) filters->pdata[i])->name))
      return _am_sb_fail (call, 400, "InvalidParameterValue", "The filter '%s' is invalid",
                          ((AmSbFilter *) filters->pdata[i])->name);
  if (_am_sb_dry_run (call))
    return FALSE;
  g_string_append (s, "<availabilityZoneInfo>");
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s%c", call->region, 'a' + i);
      g_autofree char *id = am_sb_zone_id (call->region, i);
      gboolean ok = TRUE;

      if (names->len > 0 || ids->len > 0)
        {
          ok = FALSE;
          for (guint j = 0; j < names->len && !ok; j++)
            ok = strcmp (names->pdata[j], name) == 0;
          for (guint j = 0; j < ids->len && !ok; j++)
            ok = strcmp (ids->pdata[j], id) == 0;
        }
      for (guint f = 0; f < filters->len && ok; f++)
        {
          AmSbFilter *filter = filters->pdata[f];
          const char *value = strcmp (filter->name, "zone-name") == 0 ? name
                            : strcmp (filter->name, "zone-id") == 0 ? id
                            : strcmp (filter->name, "state") == 0 ? "available"
                            : strcmp (filter->name, "region-name") == 0 ? call->region
                            : strcmp (filter->name, "zone-type") == 0 ? "availability-zone"
                            : "opt-in-not-required";

          ok = am_sb_filter_values_match (filter->values, value);
        }
      if (!ok)
        continue;
      g_string_append (s, "<item>");
      _am_sb_xml_text (s, "zoneName", name);
      _am_sb_xml_text (s, "zoneState", "available");
      _am_sb_xml_text (s, "regionName", call->region);
      _am_sb_xml_text (s, "zoneId", id);
      _am_sb_xml_text (s, "zoneType", "availability-zone");
      _am_sb_xml_text (s, "optInStatus", "opt-in-not-required");
      _am_sb_xml_text (s, "groupName", call->region);
      _am_sb_xml_text (s, "networkBorderGroup", call->region);
      g_string_append (s, "<messageSet/></item>");
    }
  g_string_append (s, "</availabilityZoneInfo>");
  return TRUE;
}

gboolean _am_sb_op_describe_regions (AmSbCall *call);

gboolean
_am_sb_op_describe_regions (AmSbCall *call)
{
  g_autoptr (GPtrArray) names = _am_sb_param_list (call, "RegionName");
  g_autoptr (GPtrArray) filters = NULL;
  GString *s = call->body;
  gboolean all_regions;

  if (!_am_sb_parse_filters (call, &filters) || !_am_sb_param_bool (call, "AllRegions", FALSE, &all_regions))
    return FALSE;
  for (guint i = 0; i < filters->len; i++)
    {
      const char *name = ((AmSbFilter *) filters->pdata[i])->name;

      if (strcmp (name, "region-name") != 0 && strcmp (name, "endpoint") != 0 && strcmp (name, "opt-in-status") != 0)
        return _am_sb_fail (call, 400, "InvalidParameterValue", "The filter '%s' is invalid", name);
    }
  for (guint i = 0; i < names->len; i++)
    if (!am_sb_region_is_known (names->pdata[i]))
      return _am_sb_fail (call, 400, "InvalidParameterValue",
                          "Invalid region '%s': the sandbox has us-east-1, us-west-2, eu-west-1, "
                          "eu-central-1 and ap-northeast-1.", (char *) names->pdata[i]);
  if (_am_sb_dry_run (call))
    return FALSE;
  g_string_append (s, "<regionInfo>");
  for (guint i = 0; am_sb_regions[i] != NULL; i++)
    {
      const char *region = am_sb_regions[i];
      g_autofree char *endpoint = g_strdup_printf ("ec2.%s.amazonaws.com", region);
      gboolean ok = names->len == 0;

      for (guint j = 0; j < names->len && !ok; j++)
        ok = strcmp (names->pdata[j], region) == 0;
      for (guint f = 0; f < filters->len && ok; f++)
        {
          AmSbFilter *filter = filters->pdata[f];
          const char *value = strcmp (filter->name, "region-name") == 0 ? region
                            : strcmp (filter->name, "endpoint") == 0 ? endpoint : "opt-in-not-required";

          ok = am_sb_filter_values_match (filter->values, value);
        }
      if (!ok)
        continue;
      g_string_append (s, "<item>");
      _am_sb_xml_text (s, "regionName", region);
      _am_sb_xml_text (s, "regionEndpoint", endpoint);
      _am_sb_xml_text (s, "optInStatus", "opt-in-not-required");
      g_string_append (s, "</item>");
    }
  g_string_append (s, "</regionInfo>");
  return TRUE;
}

/* Snapshots */

void
_am_sb_xml_snapshot_fields (AmSbCall           *call,
                            const AmSbSnapshot *sn)
{
  GString *s = call->body;
  const char *state = am_sb_snapshot_state (sn, call->now_ms);
  g_autofree char *progress = NULL;

  if (strcmp (state, "completed") == 0)
    progress = g_strdup ("100%");
  else
    progress = g_strdup_printf ("%d%%", (int) CLAMP (100 * (call->now_ms - sn->start_time)
                                                     / MAX (1, sn->completed_time - sn->start_time), 0, 99));
  _am_sb_xml_text (s, "snapshotId", sn->snapshot_id);
  _am_sb_xml_text (s, "volumeId", sn->volume_id);
  _am_sb_xml_text (s, "status", state);
  _am_sb_xml_time (s, "startTime", sn->start_time);
  _am_sb_xml_text (s, "progress", progress);
  _am_sb_xml_text (s, "ownerId", sn->owner_id);
  _am_sb_xml_int (s, "volumeSize", sn->volume_size);
  _am_sb_xml_text (s, "description", sn->description);
  _am_sb_xml_bool (s, "encrypted", sn->encrypted);
  _am_sb_xml_text (s, "storageTier", "standard");
  /* EC2 exposes no incremental size: the full size is the volume's (an upper bound). */
  _am_sb_xml_int (s, "fullSnapshotSizeInBytes", (gint64) sn->volume_size << 30);
  if (strcmp (state, "completed") == 0)
    _am_sb_xml_time (s, "completionTime", sn->completed_time);
  _am_sb_xml_tags (s, tags_of (call, sn->snapshot_id));
}

static void
xml_snapshot (AmSbCall *call,
              gpointer  item)
{
  g_string_append (call->body, "<item>");
  _am_sb_xml_snapshot_fields (call, item);
  g_string_append (call->body, "</item>");
}

static const char *
snapshot_field (AmSbCall   *call,
                gpointer    resource,
                const char *name,
                char      **owned)
{
  AmSbSnapshot *sn = resource;

  if (strcmp (name, "snapshot-id") == 0)
    return sn->snapshot_id;
  if (strcmp (name, "status") == 0)
    return am_sb_snapshot_state (sn, call->now_ms);
  if (strcmp (name, "volume-id") == 0)
    return sn->volume_id;
  if (strcmp (name, "volume-size") == 0)
    return *owned = g_strdup_printf ("%d", sn->volume_size);
  if (strcmp (name, "owner-id") == 0)
    return sn->owner_id;
  if (strcmp (name, "description") == 0)
    return sn->description;
  if (strcmp (name, "encrypted") == 0)
    return bool_text (sn->encrypted);
  return NULL;
}

gboolean _am_sb_op_describe_snapshots (AmSbCall *call);

gboolean
_am_sb_op_describe_snapshots (AmSbCall *call)
{
  static const char *const known[] = { "snapshot-id", "status", "volume-id", "volume-size", "owner-id",
                                       "description", "encrypted", NULL };
  g_autoptr (GPtrArray) owners = _am_sb_param_list (call, "Owner");

  for (guint i = 0; i < owners->len; i++)
    {
      const char *o = owners->pdata[i];

      if (strcmp (o, "self") != 0 && strcmp (o, call->account->account_id) != 0)
        {
          /* Public and other accounts' snapshots are not listed by the sandbox. */
          if (_am_sb_dry_run (call))
            return FALSE;
          g_string_append (call->body, "<snapshotSet/>");
          return TRUE;
        }
    }
  return describe_simple (call, call->state->snapshots, "SnapshotId", "InvalidSnapshot.NotFound", known,
                          snapshot_field, "snapshotSet", xml_snapshot);
}

/* Launch templates */

static void
xml_template_fields (AmSbCall           *call,
                     AmSbLaunchTemplate *lt)
{
  GString *s = call->body;
  const AmSbAccount *owner = am_sb_account_by_id (lt->owner_id);
  g_autofree char *by = g_strdup_printf ("arn:aws:iam::%s:user/%s", lt->owner_id, owner ? owner->name : "user");

  _am_sb_xml_text (s, "launchTemplateId", lt->launch_template_id);
  _am_sb_xml_text (s, "launchTemplateName", lt->name);
  _am_sb_xml_time (s, "createTime", lt->create_time);
  _am_sb_xml_text (s, "createdBy", by);
  _am_sb_xml_int (s, "defaultVersionNumber", 1);
  _am_sb_xml_int (s, "latestVersionNumber", 1);
  _am_sb_xml_tags (s, tags_of (call, lt->launch_template_id));
}

static void
xml_template (AmSbCall *call,
              gpointer  item)
{
  g_string_append (call->body, "<item>");
  xml_template_fields (call, item);
  g_string_append (call->body, "</item>");
}

static gboolean
valid_template_name (const char *name)
{
  gsize len = strlen (name);

  if (len < 3 || len > 128)
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr ("().-/_", *p) == NULL)
      return FALSE;
  return TRUE;
}

gboolean _am_sb_op_create_launch_template (AmSbCall *call);

gboolean
_am_sb_op_create_launch_template (AmSbCall *call)
{
  const char *name;
  const char *token = _am_sb_param (call, "ClientToken");
  g_autoptr (GHashTable) data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) tags = _am_sb_tag_specs (call, "launch-template");
  const char *image_id, *instance_type;
  const char *earlier = NULL;
  AmSbLaunchTemplate *lt;
  GHashTableIter iter;
  gpointer key, value;

  if (!_am_sb_require (call, "LaunchTemplateName", &name))
    return FALSE;
  if (!valid_template_name (name))
    return _am_sb_fail (call, 400, "InvalidLaunchTemplateName.MalformedException",
                        "Launch template names are 3 to 128 characters: letters, digits, ( ) . - / _");
  g_hash_table_iter_init (&iter, call->params);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "LaunchTemplateData."))
      g_hash_table_insert (data, g_strdup ((char *) key + strlen ("LaunchTemplateData.")), g_strdup (value));
  if (g_hash_table_size (data) == 0)
    return _am_sb_fail (call, 400, "MissingParameter", "The request must contain the parameter LaunchTemplateData");
  image_id = g_hash_table_lookup (data, "ImageId");
  if (image_id != NULL && !g_str_has_prefix (image_id, "resolve:ssm:")
      && _am_sb_visible_image (call, image_id) == NULL)
    return FALSE;
  if (image_id != NULL && g_str_has_prefix (image_id, "resolve:ssm:")
      && _am_sb_resolve_ssm (call, image_id + strlen ("resolve:ssm:")) == NULL)
    return _am_sb_fail (call, 400, "InvalidParameterValue", "The SSM parameter %s does not exist.",
                        image_id + strlen ("resolve:ssm:"));
  instance_type = g_hash_table_lookup (data, "InstanceType");
  if (instance_type != NULL && am_sb_instance_type_lookup (instance_type) == NULL)
    return _am_sb_fail (call, 400, "InvalidParameterValue", "Invalid value '%s' for InstanceType.", instance_type);
  if (token != NULL && _am_sb_lookup_client_token (call, token, &earlier))
    {
      if (earlier == NULL || _am_sb_dry_run (call))
        return FALSE;
      lt = g_hash_table_lookup (call->state->launch_templates, earlier);
      if (lt != NULL)
        {
          g_string_append (call->body, "<launchTemplate>");
          xml_template_fields (call, lt);
          g_string_append (call->body, "</launchTemplate>");
          return TRUE;
        }
    }
  if (find_template (call, NULL, name) != NULL)
    return _am_sb_fail (call, 400, "InvalidLaunchTemplateName.AlreadyExistsException",
                        "Launch template name already in use: %s", name);
  if (!_am_sb_check_quota (call, AM_SB_QUOTA_LAUNCH_TEMPLATES, 1))
    return FALSE;
  if (_am_sb_dry_run (call))
    return FALSE;
  lt = g_new0 (AmSbLaunchTemplate, 1);
  lt->launch_template_id = am_sb_state_new_id (call->state, "lt", call->state->launch_templates);
  lt->region = g_intern_string (call->region);
  lt->owner_id = g_intern_string (call->account->account_id);
  lt->name = g_strdup (name);
  lt->version_description = g_strdup (_am_sb_param (call, "VersionDescription"));
  lt->create_time = call->now_ms;
  lt->data = g_steal_pointer (&data);
  g_hash_table_replace (call->state->launch_templates, lt->launch_template_id, lt);
  apply_tag_pairs (call, lt->launch_template_id, tags);
  if (token != NULL)
    _am_sb_save_client_token (call, token, lt->launch_template_id);
  call->mutated = TRUE;
  g_string_append (call->body, "<launchTemplate>");
  xml_template_fields (call, lt);
  g_string_append (call->body, "</launchTemplate>");
  return TRUE;
}

static const char *
template_field (AmSbCall   *call,
                gpointer    resource,
                const char *name,
                char      **owned)
{
  AmSbLaunchTemplate *lt = resource;

  if (strcmp (name, "launch-template-name") == 0)
    return lt->name;
  if (strcmp (name, "create-time") == 0)
    return *owned = am_sb_format_time (lt->create_time);
  return NULL;
}

gboolean _am_sb_op_describe_launch_templates (AmSbCall *call);

gboolean
_am_sb_op_describe_launch_templates (AmSbCall *call)
{
  static const char *const known[] = { "launch-template-name", "create-time", NULL };
  g_autoptr (GPtrArray) names = _am_sb_param_list (call, "LaunchTemplateName");

  for (guint i = 0; i < names->len; i++)
    {
      AmSbLaunchTemplate *lt = find_template (call, NULL, names->pdata[i]);
      g_autofree char *key = NULL;

      if (lt == NULL)
        return _am_sb_fail (call, 400, "InvalidLaunchTemplateName.NotFoundException",
                            "At least one of the launch templates specified in the request does not exist (%s).",
                            (char *) names->pdata[i]);
      key = g_strdup_printf ("LaunchTemplateId.%u", 100 + i);
      g_hash_table_replace (call->params, g_steal_pointer (&key), g_strdup (lt->launch_template_id));
    }
  return describe_simple (call, call->state->launch_templates, "LaunchTemplateId",
                          "InvalidLaunchTemplateId.NotFound", known, template_field, "launchTemplates",
                          xml_template);
}

static const struct
{
  const char   *action;
  AmSbOperation op;
} operations[] = {
  { "DescribeInstances", _am_sb_op_describe_instances },
  { "RunInstances", _am_sb_op_run_instances },
  { "StartInstances", _am_sb_op_start_instances },
  { "StopInstances", _am_sb_op_stop_instances },
  { "RebootInstances", _am_sb_op_reboot_instances },
  { "TerminateInstances", _am_sb_op_terminate_instances },
  { "ModifyInstanceAttribute", _am_sb_op_modify_instance_attribute },
  { "DescribeInstanceAttribute", _am_sb_op_describe_instance_attribute },
  { "DescribeInstanceTypes", _am_sb_op_describe_instance_types },
  { "DescribeKeyPairs", _am_sb_op_describe_key_pairs },
  { "CreateKeyPair", _am_sb_op_create_key_pair },
  { "DeleteKeyPair", _am_sb_op_delete_key_pair },
  { "DescribeVpcs", _am_sb_op_describe_vpcs },
  { "DescribeSubnets", _am_sb_op_describe_subnets },
  { "DescribeSecurityGroups", _am_sb_op_describe_security_groups },
  { "CreateSecurityGroup", _am_sb_op_create_security_group },
  { "AuthorizeSecurityGroupIngress", _am_sb_op_authorize_security_group_ingress },
  { "DescribeAvailabilityZones", _am_sb_op_describe_availability_zones },
  { "DescribeRegions", _am_sb_op_describe_regions },
  { "DescribeSnapshots", _am_sb_op_describe_snapshots },
  { "CreateLaunchTemplate", _am_sb_op_create_launch_template },
  { "DescribeLaunchTemplates", _am_sb_op_describe_launch_templates },
};

AmSbOperation
_am_sb_instances_lookup (const char *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (operations); i++)
    if (strcmp (operations[i].action, action) == 0)
      return operations[i].op;
  {
    AmSbOperation op = _am_sb_governance_lookup (action);

    return op != NULL ? op : _am_sb_lifecycle_lookup (action);
  }
}
