/* am-sandbox-network.c: the sandbox's VPC, subnet, security group, zone and region operations
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "am-sandbox-catalog.h"
#include "am-sandbox-private.h"

/* Availability zones */

AmSbSubnet *
_am_sb_default_subnet (AmSbCall   *call,
                       const char *zone)
{
  g_autoptr (GPtrArray) subnets = _am_sb_my_resources (call, call->state->subnets);
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

AmSbSecurityGroup *
_am_sb_find_group (AmSbCall   *call,
                   const char *vpc_id,
                   const char *group_id,
                   const char *group_name)
{
  g_autoptr (GPtrArray) groups = _am_sb_my_resources (call, call->state->security_groups);

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
  _am_sb_xml_tags (s, _am_sb_tags_of (call, v->vpc_id));
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
    return _am_sb_bool_text (v->is_default);
  if (strcmp (name, "cidr") == 0 || strcmp (name, "cidr-block-association.cidr-block") == 0)
    return v->cidr_block;
  if (strcmp (name, "state") == 0)
    return "available";
  if (strcmp (name, "owner-id") == 0)
    return v->owner_id;
  return NULL;
}

static gboolean
op_describe_vpcs (AmSbCall *call)
{
  static const char *const known[] = { "vpc-id", "is-default", "cidr", "cidr-block-association.cidr-block",
                                       "state", "owner-id", NULL };

  return _am_sb_describe_simple (call, call->state->vpcs, "VpcId", "InvalidVpcID.NotFound", known, vpc_field,
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
  _am_sb_xml_tags (s, _am_sb_tags_of (call, sn->subnet_id));
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
    return _am_sb_bool_text (sn->default_for_az);
  if (strcmp (name, "cidr-block") == 0)
    return sn->cidr_block;
  if (strcmp (name, "state") == 0)
    return "available";
  if (strcmp (name, "owner-id") == 0)
    return sn->owner_id;
  return NULL;
}

static gboolean
op_describe_subnets (AmSbCall *call)
{
  static const char *const known[] = { "subnet-id", "vpc-id", "availability-zone", "availability-zone-id",
                                       "default-for-az", "defaultForAz", "cidr-block", "state", "owner-id", NULL };

  return _am_sb_describe_simple (call, call->state->subnets, "SubnetId", "InvalidSubnetID.NotFound", known,
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
  _am_sb_xml_tags (s, _am_sb_tags_of (call, g->group_id));
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

static gboolean
op_describe_security_groups (AmSbCall *call)
{
  static const char *const known[] = { "group-id", "group-name", "vpc-id", "description", "owner-id", NULL };
  g_autoptr (GPtrArray) names = _am_sb_param_list (call, "GroupName");

  for (guint i = 0; i < names->len; i++)
    {
      AmSbSecurityGroup *g = _am_sb_find_group (call, NULL, NULL, names->pdata[i]);
      g_autofree char *key = NULL;

      if (g == NULL)
        return _am_sb_fail (call, 400, "InvalidGroup.NotFound",
                            "The security group '%s' does not exist", (char *) names->pdata[i]);
      key = g_strdup_printf ("GroupId.%u", 100 + i);
      g_hash_table_replace (call->params, g_steal_pointer (&key), g_strdup (g->group_id));
    }
  return _am_sb_describe_simple (call, call->state->security_groups, "GroupId", "InvalidGroup.NotFound", known,
                                 group_field, "securityGroupInfo", xml_group);
}

static gboolean
op_create_security_group (AmSbCall *call)
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
      AmSbSubnet *subnet = _am_sb_default_subnet (call, NULL);

      vpc_id = subnet ? subnet->vpc_id : NULL;
    }
  vpc = vpc_id ? g_hash_table_lookup (call->state->vpcs, vpc_id) : NULL;
  if (vpc == NULL || !_am_sb_is_mine (call, vpc->region, vpc->owner_id))
    return _am_sb_fail (call, 400, "InvalidVpcID.NotFound", "The vpc ID '%s' does not exist", vpc_id ? vpc_id : "");
  if (_am_sb_find_group (call, vpc_id, NULL, name) != NULL)
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
  _am_sb_apply_tag_pairs (call, g->group_id, tags);
  call->mutated = TRUE;
  _am_sb_xml_bool (call->body, "return", TRUE);
  _am_sb_xml_text (call->body, "groupId", g->group_id);
  _am_sb_xml_tags (call->body, _am_sb_tags_of (call, g->group_id));
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

static gboolean
op_authorize_security_group_ingress (AmSbCall *call)
{
  const char *group_id = _am_sb_param (call, "GroupId");
  const char *group_name = _am_sb_param (call, "GroupName");
  g_autoptr (GArray) perms = _am_sb_param_indices (call, "IpPermissions");
  g_autoptr (GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_ingress_rule_free);
  AmSbSecurityGroup *g;

  if (group_id == NULL && group_name == NULL)
    return _am_sb_fail (call, 400, "MissingParameter", "The request must contain the parameter GroupId or GroupName");
  g = _am_sb_find_group (call, NULL, group_id, group_id ? NULL : group_name);
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
  return _am_sb_changed (call);
}

/* Zones and regions */

static gboolean
op_describe_availability_zones (AmSbCall *call)
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

static gboolean
op_describe_regions (AmSbCall *call)
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

/* Dispatch: the actions of this file and the parameter names they accept */

static const char *const describe_vpcs[] = { "VpcId.N", AM_SB_FILTERS, AM_SB_PAGES, NULL };
static const char *const describe_subnets[] = { "SubnetId.N", AM_SB_FILTERS, AM_SB_PAGES, NULL };
static const char *const describe_security_groups[] = { "GroupId.N", "GroupName.N", AM_SB_FILTERS, AM_SB_PAGES, NULL };
static const char *const create_security_group[] = { "GroupName", "GroupDescription", "VpcId", AM_SB_TAG_SPECS, NULL };
static const char *const authorize_ingress[] = {
  "GroupId", "GroupName", "IpPermissions.N.*", "CidrIp", "FromPort", "ToPort", "IpProtocol",
  "SourceSecurityGroupName", "SourceSecurityGroupOwnerId", AM_SB_TAG_SPECS, NULL
};
static const char *const describe_zones[] = { "ZoneName.N", "ZoneId.N", "AllAvailabilityZones", AM_SB_FILTERS, NULL };
static const char *const describe_regions[] = { "RegionName.N", "AllRegions", AM_SB_FILTERS, NULL };

const AmSbAction _am_sb_network_actions[] = {
  { "DescribeVpcs", op_describe_vpcs, describe_vpcs },
  { "DescribeSubnets", op_describe_subnets, describe_subnets },
  { "DescribeSecurityGroups", op_describe_security_groups, describe_security_groups },
  { "CreateSecurityGroup", op_create_security_group, create_security_group },
  { "AuthorizeSecurityGroupIngress", op_authorize_security_group_ingress, authorize_ingress },
  { "DescribeAvailabilityZones", op_describe_availability_zones, describe_zones },
  { "DescribeRegions", op_describe_regions, describe_regions },
  { NULL }
};
