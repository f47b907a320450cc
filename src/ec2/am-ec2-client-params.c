/* am-ec2-client-params.c: the EC2 request parameters the operations share (filters, devices…)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-ec2-client"

#include "config.h"

#include "am-ec2-client-private.h"

static const char * const images_path[] = { "imagesSet", NULL };
static const char * const key_pairs_path[] = { "keySet", NULL };
static const char * const security_groups_path[] = { "securityGroupInfo", NULL };

AmQueryParams *
_am_ec2_params_new (const char *action)
{
  return am_query_params_new (action, EC2_VERSION);
}

/* Makes @call find by name what an attempt of @action whose answer was lost made. */
void
_am_ec2_call_set_recover (AmEc2Call   *call,
                          AmEc2RecoverKind kind,
                          const char  *action,
                          const char  *name,
                          const char  *vpc_id)
{
  call->recover = kind;
  call->recover_name = g_strdup (name);
  call->recover_key = g_strdup_printf ("%s/%s/%s", action, name, vpc_id != NULL ? vpc_id : "");
  switch (kind)
    {
    case AM_EC2_RECOVER_IMAGE:
      call->lookup = _am_ec2_params_new ("DescribeImages");
      am_query_params_add (call->lookup, "Owner.1", "self");
      _am_ec2_params_add_filter_value (call->lookup, "name", name);
      call->lookup_info = _am_image_get_model_info ();
      call->lookup_path = images_path;
      break;
    case AM_EC2_RECOVER_SECURITY_GROUP:
      call->lookup = _am_ec2_params_new ("DescribeSecurityGroups");
      _am_ec2_params_add_filter_value (call->lookup, "group-name", name);
      if (vpc_id != NULL)
        _am_ec2_params_add_filter_value (call->lookup, "vpc-id", vpc_id);
      call->lookup_info = _am_security_group_get_model_info ();
      call->lookup_path = security_groups_path;
      break;
    case AM_EC2_RECOVER_KEY_PAIR:
      call->lookup = _am_ec2_params_new ("DescribeKeyPairs");
      _am_ec2_params_add_filter_value (call->lookup, "key-name", name);
      call->lookup_info = _am_key_pair_get_model_info ();
      call->lookup_path = key_pairs_path;
      break;
    case AM_EC2_RECOVER_NONE:
    default:
      g_assert_not_reached ();
    }
}

void
_am_ec2_params_add_filter_value (AmQueryParams *params,
                                 const char    *name,
                                 const char    *value)
{
  const char *values[] = { value, NULL };

  am_query_params_add_filter (params, name, values);
}

void
_am_ec2_params_add_list (AmQueryParams      *params,
                         const char         *prefix,
                         const char * const *values)
{
  if (values != NULL && values[0] != NULL)
    am_query_params_add_list (params, prefix, values);
}

void
_am_ec2_params_add_filters (AmQueryParams *params,
                            GPtrArray     *filters)
{
  for (guint i = 0; filters != NULL && i < filters->len; i++)
    {
      const AmEc2Filter *filter = filters->pdata[i];

      am_query_params_add_filter (params, filter->name, (const char * const *) filter->values);
    }
}

AmQueryParams *
_am_ec2_params_new_describe (const char         *action,
                             const char         *id_prefix,
                             const char * const *ids,
                             GPtrArray          *filters)
{
  AmQueryParams *params = _am_ec2_params_new (action);

  _am_ec2_params_add_list (params, id_prefix, ids);
  _am_ec2_params_add_filters (params, filters);
  return params;
}

static void
add_ebs_choice (AmQueryParams *params,
                AmEc2Choice    choice,
                const char    *prefix,
                guint          n,
                const char    *field)
{
  if (choice != AM_EC2_DEFAULT)
    am_query_params_add_at (params, choice == AM_EC2_YES ? "true" : "false",
                            "%s.%u.Ebs.%s", prefix, n, field);
}

void
_am_ec2_params_add_block_devices (AmQueryParams *params,
                                  const char    *prefix,
                                  GPtrArray     *specs)
{
  for (guint i = 0; specs != NULL && i < specs->len; i++)
    {
      const AmBlockDeviceSpec *spec = specs->pdata[i];
      guint n = i + 1;
      g_autofree char *size = NULL, *iops = NULL, *throughput = NULL;

      if (spec->device_name != NULL)
        am_query_params_add_at (params, spec->device_name, "%s.%u.DeviceName", prefix, n);
      if (spec->virtual_name != NULL)
        am_query_params_add_at (params, spec->virtual_name, "%s.%u.VirtualName", prefix, n);
      if (spec->no_device)
        am_query_params_add_at (params, "", "%s.%u.NoDevice", prefix, n);
      if (spec->virtual_name != NULL || spec->no_device)
        continue;
      if (spec->snapshot_id != NULL)
        am_query_params_add_at (params, spec->snapshot_id, "%s.%u.Ebs.SnapshotId", prefix, n);
      if (spec->volume_size > 0)
        {
          size = g_strdup_printf ("%d", spec->volume_size);
          am_query_params_add_at (params, size, "%s.%u.Ebs.VolumeSize", prefix, n);
        }
      if (spec->volume_type != NULL)
        am_query_params_add_at (params, spec->volume_type, "%s.%u.Ebs.VolumeType", prefix, n);
      if (spec->iops > 0)
        {
          iops = g_strdup_printf ("%d", spec->iops);
          am_query_params_add_at (params, iops, "%s.%u.Ebs.Iops", prefix, n);
        }
      if (spec->throughput > 0)
        {
          throughput = g_strdup_printf ("%d", spec->throughput);
          am_query_params_add_at (params, throughput, "%s.%u.Ebs.Throughput", prefix, n);
        }
      add_ebs_choice (params, spec->delete_on_termination, prefix, n, "DeleteOnTermination");
      add_ebs_choice (params, spec->encrypted, prefix, n, "Encrypted");
      if (spec->kms_key_id != NULL)
        am_query_params_add_at (params, spec->kms_key_id, "%s.%u.Ebs.KmsKeyId", prefix, n);
    }
}

void
_am_ec2_params_add_tag_specifications (AmQueryParams *params,
                                       const char    *prefix,
                                       GPtrArray     *specs)
{
  for (guint i = 0; specs != NULL && i < specs->len; i++)
    {
      const AmTagSpecification *spec = specs->pdata[i];
      guint n = i + 1;

      am_query_params_add_at (params, am_tag_specification_get_resource_type (spec),
                              "%s.%u.ResourceType", prefix, n);
      for (guint t = 0; t < am_tag_specification_get_n_tags (spec); t++)
        {
          const char *key, *value;

          am_tag_specification_get_tag (spec, t, &key, &value);
          am_query_params_add_at (params, key, "%s.%u.Tag.%u.Key", prefix, n, t + 1);
          am_query_params_add_at (params, value, "%s.%u.Tag.%u.Value", prefix, n, t + 1);
        }
    }
}

/* RunInstances and LaunchTemplateData share most names; @p is "" or "LaunchTemplateData.". */
void
_am_ec2_params_add_launch_fields (AmQueryParams               *params,
                                  const char                  *p,
                                  const AmRunInstancesRequest *request,
                                  gboolean                     for_template)
{
  g_autofree char *bdm = g_strconcat (p, "BlockDeviceMapping", NULL);
  g_autofree char *tags = g_strconcat (p, "TagSpecification", NULL);
  g_autofree char *groups = g_strconcat (p, "SecurityGroupId", NULL);

  if (request->image_id != NULL)
    am_query_params_add_at (params, request->image_id, "%sImageId", p);
  if (request->instance_type != NULL)
    am_query_params_add_at (params, request->instance_type, "%sInstanceType", p);
  if (!for_template)
    {
      guint min = MAX (request->min_count, 1);

      am_query_params_add_int (params, "MinCount", min);
      am_query_params_add_int (params, "MaxCount", MAX (request->max_count, min));
    }
  if (request->key_name != NULL)
    am_query_params_add_at (params, request->key_name, "%sKeyName", p);
  if (request->subnet_id != NULL)
    {
      /* A launch template names the subnet through its first network interface. */
      if (for_template)
        {
          am_query_params_add_at (params, "0", "%sNetworkInterface.1.DeviceIndex", p);
          am_query_params_add_at (params, request->subnet_id, "%sNetworkInterface.1.SubnetId", p);
          for (guint i = 0;
               request->security_group_ids != NULL && request->security_group_ids[i] != NULL; i++)
            am_query_params_add_at (params, request->security_group_ids[i],
                                    "%sNetworkInterface.1.SecurityGroupId.%u", p, i + 1);
        }
      else
        am_query_params_add (params, "SubnetId", request->subnet_id);
    }
  if (!(for_template && request->subnet_id != NULL))
    _am_ec2_params_add_list (params, groups, (const char * const *) request->security_group_ids);
  if (request->availability_zone != NULL)
    am_query_params_add_at (params, request->availability_zone, "%sPlacement.AvailabilityZone", p);
  _am_ec2_params_add_block_devices (params, bdm, request->block_device_mappings);
  _am_ec2_params_add_tag_specifications (params, tags, request->tag_specifications);
  if (request->user_data != NULL)
    {
      g_autofree char *encoded = g_base64_encode ((const guchar *) request->user_data,
                                                  strlen (request->user_data));

      am_query_params_add_at (params, encoded, "%sUserData", p);
    }
  if (request->iam_instance_profile_name != NULL)
    am_query_params_add_at (params, request->iam_instance_profile_name, "%sIamInstanceProfile.Name",
                            p);
  if (request->shutdown_behavior != NULL)
    am_query_params_add_at (params, request->shutdown_behavior,
                            "%sInstanceInitiatedShutdownBehavior", p);
  if (request->disable_api_termination)
    am_query_params_add_at (params, "true", "%sDisableApiTermination", p);
  if (request->require_imdsv2)
    am_query_params_add_at (params, "required", "%sMetadataOptions.HttpTokens", p);
}

void
_am_ec2_tag_specifications_append (GPtrArray          **list,
                                   AmTagSpecification  *spec)
{
  if (*list == NULL)
    *list = g_ptr_array_new_with_free_func ((GDestroyNotify) am_tag_specification_free);
  g_ptr_array_add (*list, spec);
}

const char *
_am_ec2_ensure_client_token (char **token)
{
  if (*token == NULL || (*token)[0] == '\0')
    {
      g_free (*token);
      *token = g_uuid_string_random ();
    }
  return *token;
}

char *
_am_ec2_join_ids (const char * const *ids)
{
  if (ids == NULL || ids[0] == NULL)
    return g_strdup ("nothing");
  return g_strjoinv (", ", (char **) ids);
}
