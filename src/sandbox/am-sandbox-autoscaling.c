/* am-sandbox-autoscaling.c: the Auto Scaling Query API (2011-01-01) over the sandbox's instances
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "am-sandbox-private.h"

#define GROUP_TAG "aws:autoscaling:groupName"
#define MAX_GROUP_SIZE AM_SB_MAX_GROUP_SIZE

static char *
group_key (AmSbCall   *call,
           const char *name)
{
  return g_strdup_printf ("%s/%s/%s", call->account->account_id, call->region, name);
}

static AmSbAutoScalingGroup *
find_group (AmSbCall   *call,
            const char *name)
{
  g_autofree char *key = group_key (call, name);

  return g_hash_table_lookup (call->state->auto_scaling_groups, key);
}

static gboolean
validation (AmSbCall   *call,
            const char *message)
{
  return _am_sb_fail (call, 400, "ValidationError", "%s", message);
}

/* The instance's lifecycle state, or NULL once it is gone (terminated). */
static const char *
lifecycle_state (AmSbCall     *call,
                 AmSbInstance *in,
                 const char  **health)
{
  int code = 0;

  am_sb_instance_state (in, call->state->transition_ms, call->now_ms, &code);
  *health = "Healthy";
  switch (code)
    {
    case 0:
      return "Pending";
    case 16:
      return "InService";
    case 32:
      return "Terminating";
    case 48:
      return NULL;
    default:
      /* Stopped instances fail EC2 health checks. */
      *health = "Unhealthy";
      return "InService";
    }
}

/* Instances of @group that still count (not terminated). */
static GPtrArray *
live_instances (AmSbCall             *call,
                AmSbAutoScalingGroup *group)
{
  GPtrArray *live = g_ptr_array_new ();

  for (guint i = 0; i < group->instance_ids->len; i++)
    {
      AmSbInstance *in = g_hash_table_lookup (call->state->instances, group->instance_ids->pdata[i]);
      const char *health;
      const char *lifecycle = in ? lifecycle_state (call, in, &health) : NULL;

      if (lifecycle != NULL && strcmp (lifecycle, "Terminating") != 0)
        g_ptr_array_add (live, in);
    }
  return live;
}

static guint
count_in_subnet (GPtrArray  *instances,
                 const char *subnet_id)
{
  guint n = 0;

  for (guint i = 0; i < instances->len; i++)
    if (g_strcmp0 (((AmSbInstance *) instances->pdata[i])->subnet_id, subnet_id) == 0)
      n++;
  return n;
}

/* Collects "<instanceId>…</instanceId>" of a RunInstances answer. */
static void
collect_instance_ids (const char *xml,
                      GPtrArray  *out)
{
  const char *p = xml;

  while ((p = strstr (p, "<instanceId>")) != NULL)
    {
      const char *end;

      p += strlen ("<instanceId>");
      end = strstr (p, "</instanceId>");
      if (end == NULL)
        break;
      g_ptr_array_add (out, g_strndup (p, end - p));
      p = end;
    }
}

/* One RunInstances into @subnet_id from the group's launch template, tagged like AWS does. */
static gboolean
run_into_subnet (AmSbCall             *call,
                 AmSbAutoScalingGroup *group,
                 const char           *subnet_id,
                 guint                 count,
                 GPtrArray            *launched)
{
  g_autoptr (GHashTable) params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  AmSbCall sub = *call;
  guint n_tags = 1;
  gboolean ok;

  g_hash_table_insert (params, g_strdup ("Action"), g_strdup ("RunInstances"));
  g_hash_table_insert (params, g_strdup ("LaunchTemplate.LaunchTemplateId"), g_strdup (group->launch_template_id));
  g_hash_table_insert (params, g_strdup ("SubnetId"), g_strdup (subnet_id));
  g_hash_table_insert (params, g_strdup ("MinCount"), g_strdup_printf ("%u", count));
  g_hash_table_insert (params, g_strdup ("MaxCount"), g_strdup_printf ("%u", count));
  g_hash_table_insert (params, g_strdup ("TagSpecification.1.ResourceType"), g_strdup ("instance"));
  g_hash_table_insert (params, g_strdup ("TagSpecification.1.Tag.1.Key"), g_strdup (GROUP_TAG));
  g_hash_table_insert (params, g_strdup ("TagSpecification.1.Tag.1.Value"), g_strdup (group->name));
  for (guint i = 0; i < group->tags->len; i++)
    {
      AmSbAsgTag *tag = group->tags->pdata[i];

      if (!tag->propagate_at_launch)
        continue;
      n_tags++;
      g_hash_table_insert (params, g_strdup_printf ("TagSpecification.1.Tag.%u.Key", n_tags), g_strdup (tag->key));
      g_hash_table_insert (params, g_strdup_printf ("TagSpecification.1.Tag.%u.Value", n_tags),
                           g_strdup (tag->value));
    }
  sub.action = "RunInstances";
  sub.params = params;
  sub.body = g_string_new (NULL);
  sub.error_code = NULL;
  sub.error_message = NULL;
  sub.status = 0;
  sub.mutated = FALSE;
  ok = _am_sb_ec2_action ("RunInstances")->op (&sub);
  if (ok)
    collect_instance_ids (sub.body->str, launched);
  else
    _am_sb_fail (call, 400, "ValidationError", "Launching EC2 instances failed (%s): %s",
                 sub.error_code ? sub.error_code : "error", sub.error_message ? sub.error_message : "");
  g_string_free (sub.body, TRUE);
  g_free (sub.error_code);
  g_free (sub.error_message);
  return ok;
}

/* Undoes a partial launch so a failed call changes nothing. */
static void
forget_instances (AmSbCall  *call,
                  GPtrArray *ids)
{
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *tag_key = g_strdup_printf ("%s/%s", call->account->account_id, (char *) ids->pdata[i]);

      g_hash_table_remove (call->state->tags, tag_key);
      g_hash_table_remove (call->state->instances, ids->pdata[i]);
    }
}

/* Launches @count instances, each into the subnet whose Availability Zone has the fewest of
 * the group's instances (ties go to the earlier subnet), the way AWS keeps zones balanced. */
static gboolean
scale_out (AmSbCall             *call,
           AmSbAutoScalingGroup *group,
           guint                 count)
{
  g_autoptr (GPtrArray) live = live_instances (call, group);
  g_autoptr (GPtrArray) launched = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *have = g_new0 (guint, group->subnet_ids->len);
  g_autofree guint *add = g_new0 (guint, group->subnet_ids->len);

  for (guint i = 0; i < group->subnet_ids->len; i++)
    have[i] = count_in_subnet (live, group->subnet_ids->pdata[i]);
  for (guint n = 0; n < count; n++)
    {
      guint best = 0;

      for (guint i = 1; i < group->subnet_ids->len; i++)
        if (have[i] + add[i] < have[best] + add[best])
          best = i;
      add[best]++;
    }
  for (guint i = 0; i < group->subnet_ids->len; i++)
    if (add[i] > 0 && !run_into_subnet (call, group, group->subnet_ids->pdata[i], add[i], launched))
      {
        forget_instances (call, launched);
        return FALSE;
      }
  for (guint i = 0; i < launched->len; i++)
    g_ptr_array_add (group->instance_ids, g_strdup (launched->pdata[i]));
  call->mutated = TRUE;
  return TRUE;
}

static void
terminate (AmSbCall     *call,
           AmSbInstance *in)
{
  g_free (in->target_state);
  in->target_state = g_strdup ("terminated");
  in->target_since = call->now_ms;
  g_free (in->state_reason);
  in->state_reason = g_strdup ("Service initiated (Auto Scaling): the group's desired capacity decreased");
}

/* Terminates @count instances, each from the zone with the most instances, newest first. */
static void
scale_in (AmSbCall             *call,
          AmSbAutoScalingGroup *group,
          guint                 count)
{
  g_autoptr (GPtrArray) live = live_instances (call, group);

  for (guint n = 0; n < count && live->len > 0; n++)
    {
      guint victim = 0, most = 0;

      for (guint i = 0; i < live->len; i++)
        {
          AmSbInstance *in = live->pdata[i];
          guint c = count_in_subnet (live, in->subnet_id);

          if (c >= most)
            {
              most = c;
              victim = i;
            }
        }
      terminate (call, live->pdata[victim]);
      g_ptr_array_remove_index (live, victim);
    }
  call->mutated = TRUE;
}

/* Brings the number of live instances to the desired capacity. */
static gboolean
reconcile (AmSbCall             *call,
           AmSbAutoScalingGroup *group)
{
  g_autoptr (GPtrArray) live = NULL;

  /* Whatever the group holds (a state file can be edited by hand), never launch without a
   * subnet or beyond the sandbox's limit. */
  if (group->subnet_ids->len == 0)
    return _am_sb_fail (call, 400, "ValidationError",
                        "The Auto Scaling group %s has no subnets to launch into; delete it and create it "
                        "again with --vpc-zone-identifier.", group->name);
  group->desired_capacity = CLAMP (group->desired_capacity, 0, MAX_GROUP_SIZE);
  /* Forget instances that are gone for good. */
  for (guint i = group->instance_ids->len; i-- > 0;)
    {
      AmSbInstance *in = g_hash_table_lookup (call->state->instances, group->instance_ids->pdata[i]);
      const char *health;

      if (in == NULL || lifecycle_state (call, in, &health) == NULL)
        g_ptr_array_remove_index (group->instance_ids, i);
    }
  live = live_instances (call, group);
  if ((gint) live->len < group->desired_capacity)
    return scale_out (call, group, group->desired_capacity - live->len);
  if ((gint) live->len > group->desired_capacity)
    scale_in (call, group, live->len - group->desired_capacity);
  return TRUE;
}

static gboolean
param_size (AmSbCall   *call,
            const char *name,
            gint       *out)
{
  const char *text = _am_sb_param (call, name);
  char *end = NULL;
  gint64 value;

  if (text == NULL)
    return TRUE;
  value = g_ascii_strtoll (text, &end, 10);
  if (*text == '\0' || end == NULL || *end != '\0' || value < 0 || value > G_MAXINT)
    return _am_sb_fail (call, 400, "ValidationError",
                        "Value '%s' at '%c%s' failed to satisfy constraint: it must be a whole number of "
                        "at least 0.", text, g_ascii_tolower (name[0]), name + 1);
  *out = value;
  return TRUE;
}

static gboolean
check_sizes (AmSbCall *call,
             gint      min,
             gint      max,
             gint      desired)
{
  if (min > max)
    return _am_sb_fail (call, 400, "ValidationError",
                        "The specified MinSize (%d) must not be larger than the MaxSize (%d).", min, max);
  if (desired < min)
    return _am_sb_fail (call, 400, "ValidationError",
                        "Desired capacity:%d must be between the specified min size:%d and max size:%d",
                        desired, min, max);
  if (desired > max)
    return _am_sb_fail (call, 400, "ValidationError",
                        "Desired capacity:%d must be between the specified min size:%d and max size:%d",
                        desired, min, max);
  if (max > MAX_GROUP_SIZE)
    return _am_sb_fail (call, 400, "ValidationError",
                        "The sandbox allows Auto Scaling groups of at most %d instances (MaxSize %d).",
                        MAX_GROUP_SIZE, max);
  return TRUE;
}

static gboolean
parse_tags (AmSbCall   *call,
            GPtrArray  *tags)
{
  for (guint i = 1; ; i++)
    {
      g_autofree char *key_name = g_strdup_printf ("Tags.member.%u.Key", i);
      g_autofree char *value_name = g_strdup_printf ("Tags.member.%u.Value", i);
      g_autofree char *propagate_name = g_strdup_printf ("Tags.member.%u.PropagateAtLaunch", i);
      const char *key = _am_sb_param (call, key_name);
      const char *value = _am_sb_param (call, value_name);
      const char *propagate = _am_sb_param (call, propagate_name);
      AmSbAsgTag *tag;

      if (key == NULL)
        return TRUE;
      if (*key == '\0' || strlen (key) > 128 || g_str_has_prefix (key, "aws:"))
        return _am_sb_fail (call, 400, "ValidationError",
                            "Tag key '%s' is not valid: 1 to 128 characters, not starting with 'aws:'.", key);
      tag = g_new0 (AmSbAsgTag, 1);
      tag->key = g_strdup (key);
      tag->value = g_strdup (value ? value : "");
      tag->propagate_at_launch = g_strcmp0 (propagate, "true") == 0;
      g_ptr_array_add (tags, tag);
    }
}

static gboolean
create_group (AmSbCall *call)
{
  g_autoptr (GPtrArray) tags = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_asg_tag_free);
  g_autoptr (GPtrArray) subnets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) zones = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto (GStrv) parts = NULL;
  const char *name, *lt_id, *lt_name, *version, *zone_identifier;
  AmSbAutoScalingGroup *group;
  AmSbLaunchTemplate *lt;
  g_autofree char *uuid = NULL;
  gint min = -1, max = -1, desired = -1;

  name = _am_sb_param (call, "AutoScalingGroupName");
  if (name == NULL || *name == '\0' || strlen (name) > 255)
    return validation (call, "AutoScalingGroupName must be 1 to 255 characters.");
  if (!param_size (call, "MinSize", &min) || !param_size (call, "MaxSize", &max)
      || !param_size (call, "DesiredCapacity", &desired))
    return FALSE;
  if (min < 0)
    return validation (call, "1 validation error detected: Value null at 'minSize' failed to satisfy "
                             "constraint: Member must not be null");
  if (max < 0)
    return validation (call, "1 validation error detected: Value null at 'maxSize' failed to satisfy "
                             "constraint: Member must not be null");
  if (desired < 0)
    desired = min;
  if (!check_sizes (call, min, max, desired))
    return FALSE;
  if (find_group (call, name) != NULL)
    return _am_sb_fail (call, 400, "AlreadyExists",
                        "AutoScalingGroup by this name already exists - A group with the name %s already "
                        "exists", name);

  lt_id = _am_sb_param (call, "LaunchTemplate.LaunchTemplateId");
  lt_name = _am_sb_param (call, "LaunchTemplate.LaunchTemplateName");
  version = _am_sb_param (call, "LaunchTemplate.Version");
  if (lt_id == NULL && lt_name == NULL)
    return validation (call, "Valid requests must contain either LaunchTemplate, LaunchConfigurationName, "
                             "InstanceId or MixedInstancesPolicy parameter. The sandbox supports LaunchTemplate.");
  if (lt_id != NULL && lt_name != NULL)
    return validation (call, "Valid requests must contain either launchTemplateId or launchTemplateName, "
                             "not both.");
  lt = _am_sb_find_template (call, lt_id, lt_name);
  if (lt == NULL)
    return _am_sb_fail (call, 400, "ValidationError",
                        "You must use a valid fully-formed launch template. The specified launch template, "
                        "with template %s %s, does not exist.", lt_id ? "ID" : "name", lt_id ? lt_id : lt_name);
  if (version == NULL)
    version = "$Default";
  if (strcmp (version, "$Default") != 0 && strcmp (version, "$Latest") != 0 && strcmp (version, "1") != 0)
    return _am_sb_fail (call, 400, "ValidationError",
                        "You must use a valid fully-formed launch template. The specified launch template "
                        "version %s does not exist (the sandbox's launch templates have version 1 only).",
                        version);

  zone_identifier = _am_sb_param (call, "VPCZoneIdentifier");
  if (zone_identifier == NULL || *zone_identifier == '\0')
    return validation (call, "The sandbox needs VPCZoneIdentifier: the subnets to launch the group's "
                             "instances in, separated by commas.");
  parts = g_strsplit (zone_identifier, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *id = g_strstrip (parts[i]);
      AmSbSubnet *subnet;

      if (*id == '\0')
        continue;
      subnet = g_hash_table_lookup (call->state->subnets, id);
      if (subnet == NULL || strcmp (subnet->region, call->region) != 0
          || strcmp (subnet->owner_id, call->account->account_id) != 0)
        return _am_sb_fail (call, 400, "ValidationError", "The subnet ID '%s' does not exist", id);
      if (g_ptr_array_find_with_equal_func (subnets, id, g_str_equal, NULL))
        continue;
      g_ptr_array_add (subnets, g_strdup (id));
      g_hash_table_add (zones, subnet->availability_zone);
    }
  if (subnets->len == 0)
    return validation (call, "VPCZoneIdentifier names no subnet.");
  if (!parse_tags (call, tags))
    return FALSE;

  group = g_new0 (AmSbAutoScalingGroup, 1);
  group->key = group_key (call, name);
  group->region = call->region;
  group->owner_id = g_intern_string (call->account->account_id);
  group->name = g_strdup (name);
  uuid = g_uuid_string_random ();
  group->arn = g_strdup_printf ("arn:aws:autoscaling:%s:%s:autoScalingGroup:%s:autoScalingGroupName/%s",
                                call->region, call->account->account_id, uuid, name);
  group->launch_template_id = g_strdup (lt->launch_template_id);
  group->launch_template_name = g_strdup (lt->name);
  group->launch_template_version = g_strdup (version);
  group->min_size = min;
  group->max_size = max;
  group->desired_capacity = desired;
  group->subnet_ids = g_steal_pointer (&subnets);
  group->instance_ids = g_ptr_array_new_with_free_func (g_free);
  group->tags = g_steal_pointer (&tags);
  group->created_time = call->now_ms;
  if (!scale_out (call, group, desired))
    {
      am_sb_auto_scaling_group_free (group);
      return FALSE;
    }
  g_hash_table_replace (call->state->auto_scaling_groups, group->key, group);
  call->mutated = TRUE;
  return TRUE;
}

static void
xml_launch_template (GString              *s,
                     AmSbAutoScalingGroup *group)
{
  g_string_append (s, "<LaunchTemplate>");
  _am_sb_xml_text (s, "LaunchTemplateId", group->launch_template_id);
  _am_sb_xml_text (s, "LaunchTemplateName", group->launch_template_name);
  _am_sb_xml_text (s, "Version", group->launch_template_version);
  g_string_append (s, "</LaunchTemplate>");
}

static void
xml_group (AmSbCall             *call,
           AmSbAutoScalingGroup *group)
{
  g_autoptr (GPtrArray) zones = g_ptr_array_new ();
  g_autofree char *subnet_list = NULL;
  GString *s = call->body;

  for (guint i = 0; i < group->subnet_ids->len; i++)
    {
      AmSbSubnet *subnet = g_hash_table_lookup (call->state->subnets, group->subnet_ids->pdata[i]);

      if (subnet != NULL && !g_ptr_array_find_with_equal_func (zones, subnet->availability_zone, g_str_equal, NULL))
        g_ptr_array_add (zones, subnet->availability_zone);
    }
  g_ptr_array_add (group->subnet_ids, NULL);
  subnet_list = g_strjoinv (",", (char **) group->subnet_ids->pdata);
  g_ptr_array_remove_index (group->subnet_ids, group->subnet_ids->len - 1);

  g_string_append (s, "<member>");
  _am_sb_xml_text (s, "AutoScalingGroupName", group->name);
  _am_sb_xml_text (s, "AutoScalingGroupARN", group->arn);
  xml_launch_template (s, group);
  _am_sb_xml_int (s, "MinSize", group->min_size);
  _am_sb_xml_int (s, "MaxSize", group->max_size);
  _am_sb_xml_int (s, "DesiredCapacity", group->desired_capacity);
  _am_sb_xml_int (s, "DefaultCooldown", 300);
  g_string_append (s, "<AvailabilityZones>");
  for (guint i = 0; i < zones->len; i++)
    _am_sb_xml_text (s, "member", zones->pdata[i]);
  g_string_append (s, "</AvailabilityZones><LoadBalancerNames/><TargetGroupARNs/>");
  _am_sb_xml_text (s, "HealthCheckType", "EC2");
  _am_sb_xml_int (s, "HealthCheckGracePeriod", 0);
  g_string_append (s, "<Instances>");
  for (guint i = 0; i < group->instance_ids->len; i++)
    {
      AmSbInstance *in = g_hash_table_lookup (call->state->instances, group->instance_ids->pdata[i]);
      const char *health = NULL;
      const char *lifecycle;

      if (in == NULL || (lifecycle = lifecycle_state (call, in, &health)) == NULL)
        continue;
      g_string_append (s, "<member>");
      _am_sb_xml_text (s, "InstanceId", in->instance_id);
      _am_sb_xml_text (s, "InstanceType", in->instance_type);
      _am_sb_xml_text (s, "AvailabilityZone", in->availability_zone);
      _am_sb_xml_text (s, "LifecycleState", lifecycle);
      _am_sb_xml_text (s, "HealthStatus", health);
      xml_launch_template (s, group);
      _am_sb_xml_bool (s, "ProtectedFromScaleIn", FALSE);
      g_string_append (s, "</member>");
    }
  g_string_append (s, "</Instances>");
  _am_sb_xml_time (s, "CreatedTime", group->created_time);
  g_string_append (s, "<SuspendedProcesses/>");
  _am_sb_xml_text (s, "VPCZoneIdentifier", subnet_list);
  g_string_append (s, "<EnabledMetrics/><Tags>");
  for (guint i = 0; i < group->tags->len; i++)
    {
      AmSbAsgTag *tag = group->tags->pdata[i];

      g_string_append (s, "<member>");
      _am_sb_xml_text (s, "ResourceId", group->name);
      _am_sb_xml_text (s, "ResourceType", "auto-scaling-group");
      _am_sb_xml_text (s, "Key", tag->key);
      _am_sb_xml_text (s, "Value", tag->value);
      _am_sb_xml_bool (s, "PropagateAtLaunch", tag->propagate_at_launch);
      g_string_append (s, "</member>");
    }
  g_string_append (s, "</Tags><TerminationPolicies><member>Default</member></TerminationPolicies>");
  _am_sb_xml_bool (s, "NewInstancesProtectedFromScaleIn", FALSE);
  g_string_append (s, "</member>");
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  return strcmp ((*(AmSbAutoScalingGroup **) a)->name, (*(AmSbAutoScalingGroup **) b)->name);
}

static gboolean
describe_groups (AmSbCall *call)
{
  g_autoptr (GPtrArray) names = _am_sb_param_list (call, "AutoScalingGroupNames.member");
  g_autoptr (GPtrArray) groups = g_ptr_array_new ();
  const char *token = _am_sb_param (call, "NextToken");
  GHashTableIter iter;
  gpointer value;
  gint max_records = 50;
  guint start = 0, end;

  if (!param_size (call, "MaxRecords", &max_records))
    return FALSE;
  if (max_records < 1 || max_records > 100)
    return _am_sb_fail (call, 400, "ValidationError",
                        "Value '%d' at 'maxRecords' failed to satisfy constraint: it must be between 1 and 100.",
                        max_records);
  g_hash_table_iter_init (&iter, call->state->auto_scaling_groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      AmSbAutoScalingGroup *group = value;

      if (strcmp (group->region, call->region) != 0 || strcmp (group->owner_id, call->account->account_id) != 0)
        continue;
      if (names->len > 0 && !g_ptr_array_find_with_equal_func (names, group->name, g_str_equal, NULL))
        continue;
      g_ptr_array_add (groups, group);
    }
  g_ptr_array_sort (groups, compare_groups);
  /* The token is the name of the first group of the next page. */
  if (token != NULL && *token != '\0')
    {
      gboolean found = FALSE;

      for (start = 0; start < groups->len && !found; start++)
        found = strcmp (((AmSbAutoScalingGroup *) groups->pdata[start])->name, token) == 0;
      if (!found)
        return _am_sb_fail (call, 400, "InvalidNextToken", "The token '%s' is invalid.", token);
      start--;
    }
  end = MIN (groups->len, start + (guint) max_records);
  g_string_append (call->body, "<DescribeAutoScalingGroupsResponse xmlns=\"" AM_SB_AUTOSCALING_NAMESPACE "\">"
                               "<DescribeAutoScalingGroupsResult><AutoScalingGroups>");
  for (guint i = start; i < end; i++)
    xml_group (call, groups->pdata[i]);
  g_string_append (call->body, "</AutoScalingGroups>");
  if (end < groups->len)
    _am_sb_xml_text (call->body, "NextToken", ((AmSbAutoScalingGroup *) groups->pdata[end])->name);
  g_string_append (call->body, "</DescribeAutoScalingGroupsResult>");
  return TRUE;
}

static AmSbAutoScalingGroup *
require_group (AmSbCall *call)
{
  const char *name = _am_sb_param (call, "AutoScalingGroupName");
  AmSbAutoScalingGroup *group;

  if (name == NULL || *name == '\0')
    {
      validation (call, "1 validation error detected: Value null at 'autoScalingGroupName' failed to "
                        "satisfy constraint: Member must not be null");
      return NULL;
    }
  group = find_group (call, name);
  if (group == NULL)
    _am_sb_fail (call, 400, "ValidationError", "AutoScalingGroup name not found - AutoScalingGroup '%s' not found",
                 name);
  return group;
}

static gboolean
update_group (AmSbCall *call,
              gboolean  desired_only)
{
  AmSbAutoScalingGroup *group = require_group (call);
  gint min, max, desired, old_desired;
  gboolean min_given, desired_given;

  if (group == NULL)
    return FALSE;
  min = group->min_size;
  max = group->max_size;
  desired = -1;
  if (desired_only && _am_sb_param (call, "DesiredCapacity") == NULL)
    return validation (call, "1 validation error detected: Value null at 'desiredCapacity' failed to "
                             "satisfy constraint: Member must not be null");
  if (!param_size (call, "DesiredCapacity", &desired))
    return FALSE;
  if (!desired_only && (!param_size (call, "MinSize", &min) || !param_size (call, "MaxSize", &max)))
    return FALSE;
  min_given = !desired_only && _am_sb_param (call, "MinSize") != NULL;
  desired_given = desired >= 0;
  if (!desired_given)
    {
      /* Changing only the bounds drags the desired capacity inside them, as AWS does. */
      desired = CLAMP (group->desired_capacity, min, MAX (min, max));
      if (min_given && desired < min)
        desired = min;
    }
  if (!check_sizes (call, min, max, desired))
    return FALSE;
  old_desired = group->desired_capacity;
  group->min_size = min;
  group->max_size = max;
  group->desired_capacity = desired;
  if (!reconcile (call, group))
    {
      group->desired_capacity = old_desired;
      return FALSE;
    }
  call->mutated = TRUE;
  return TRUE;
}

static gboolean
delete_group (AmSbCall *call)
{
  AmSbAutoScalingGroup *group = require_group (call);
  g_autoptr (GPtrArray) live = NULL;
  gboolean force = FALSE;

  if (group == NULL)
    return FALSE;
  if (!_am_sb_param_bool (call, "ForceDelete", FALSE, &force))
    return FALSE;
  live = live_instances (call, group);
  if (live->len > 0 && !force)
    return _am_sb_fail (call, 400, "ResourceInUse",
                        "You cannot delete an AutoScalingGroup while there are instances or pending Spot "
                        "instance request(s) still in the group.");
  for (guint i = 0; i < live->len; i++)
    terminate (call, live->pdata[i]);
  g_hash_table_remove (call->state->auto_scaling_groups, group->key);
  call->mutated = TRUE;
  return TRUE;
}

gboolean
_am_sb_autoscaling_handle (AmSbCall *call)
{
  const char *action = _am_sb_param (call, "Action");
  const char *version = _am_sb_param (call, "Version");
  gboolean ok;

  if (action == NULL || *action == '\0')
    return _am_sb_fail (call, 400, "MissingAction", "The request must contain the parameter Action.");
  if (g_strcmp0 (version, "2011-01-01") != 0)
    return _am_sb_fail (call, 400, "InvalidParameterValue", "Auto Scaling speaks the API version 2011-01-01.");
  call->action = action;
  if (strcmp (action, "CreateAutoScalingGroup") == 0)
    ok = create_group (call);
  else if (strcmp (action, "DescribeAutoScalingGroups") == 0)
    ok = describe_groups (call);
  else if (strcmp (action, "UpdateAutoScalingGroup") == 0)
    ok = update_group (call, FALSE);
  else if (strcmp (action, "SetDesiredCapacity") == 0)
    ok = update_group (call, TRUE);
  else if (strcmp (action, "DeleteAutoScalingGroup") == 0)
    ok = delete_group (call);
  else
    return _am_sb_fail (call, 400, "InvalidAction",
                        "The sandbox's Auto Scaling knows CreateAutoScalingGroup, DescribeAutoScalingGroups, "
                        "UpdateAutoScalingGroup, SetDesiredCapacity and DeleteAutoScalingGroup, not %s.", action);
  if (!ok)
    return FALSE;
  /* Describe wrote its own result element; the others answer with metadata only. */
  if (strcmp (action, "DescribeAutoScalingGroups") != 0)
    g_string_append_printf (call->body, "<%sResponse xmlns=\"" AM_SB_AUTOSCALING_NAMESPACE "\">", action);
  g_string_append (call->body, "<ResponseMetadata>");
  _am_sb_xml_text (call->body, "RequestId", call->request_id);
  g_string_append_printf (call->body, "</ResponseMetadata></%sResponse>", action);
  return TRUE;
}
