/* am-ec2-client-network.c: AmEc2Client's lookups for a launch (types, keys, VPCs, subnets, zones)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-ec2-client"

#include "config.h"

#include "am-ec2-client-private.h"

static const char * const key_pairs_path[] = { "keySet", NULL };
static const char * const security_groups_path[] = { "securityGroupInfo", NULL };
static const char * const instance_types_path[] = { "instanceTypeSet", NULL };
static const char * const vpcs_path[] = { "vpcSet", NULL };
static const char * const subnets_path[] = { "subnetSet", NULL };
static const char * const zones_path[] = { "availabilityZoneInfo", NULL };
static const char * const regions_path[] = { "regionInfo", NULL };

void
am_ec2_client_describe_instance_types_async (AmEc2Client         *self,
                                             const char * const  *instance_types,
                                             GPtrArray           *filters,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  params = _am_ec2_params_new_describe ("DescribeInstanceTypes", "InstanceType", instance_types,
                                        filters);
  am_query_params_add_int (params, "MaxResults", 100);
  _am_ec2_client_describe_all (self, params, _am_instance_type_get_model_info (),
                               instance_types_path, g_strdup ("Could not list instance types"),
                               am_ec2_client_describe_instance_types_async, cancellable, callback,
                               user_data);
}

GPtrArray *
am_ec2_client_describe_instance_types_finish (AmEc2Client   *self,
                                              GAsyncResult  *result,
                                              GError       **error)
{
  return _am_ec2_client_finish_list (self, result, am_ec2_client_describe_instance_types_async,
                                     error);
}

void
am_ec2_client_describe_key_pairs_async (AmEc2Client         *self,
                                        const char * const  *key_names,
                                        GPtrArray           *filters,
                                        gboolean             include_public_key,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  AmQueryParams *params;
  AmEc2Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  params = _am_ec2_params_new_describe ("DescribeKeyPairs", "KeyName", key_names, filters);
  if (include_public_key)
    am_query_params_add_boolean (params, "IncludePublicKey", TRUE);
  call = _am_ec2_call_new_model (AM_EC2_RESULT_LIST, g_strdup ("Could not list key pairs"),
                                 _am_key_pair_get_model_info (), key_pairs_path);
  _am_ec2_client_start_call (self, params, call, FALSE, am_ec2_client_describe_key_pairs_async,
                             cancellable, callback, user_data);
}

GPtrArray *
am_ec2_client_describe_key_pairs_finish (AmEc2Client   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return _am_ec2_client_finish_list (self, result, am_ec2_client_describe_key_pairs_async, error);
}

void
am_ec2_client_create_key_pair_async (AmEc2Client         *self,
                                     const char          *key_name,
                                     const char          *key_type,
                                     const char          *key_format,
                                     gboolean             dry_run,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  AmQueryParams *params;
  AmEc2Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (key_name != NULL);

  params = _am_ec2_params_new ("CreateKeyPair");
  am_query_params_add (params, "KeyName", key_name);
  if (key_type != NULL)
    am_query_params_add (params, "KeyType", key_type);
  if (key_format != NULL)
    am_query_params_add (params, "KeyFormat", key_format);
  call = _am_ec2_call_new (AM_EC2_RESULT_OBJECT,
                           g_strdup_printf ("Could not create the key pair “%s”", key_name));
  call->info = _am_key_pair_get_model_info ();
  _am_ec2_call_set_recover (call, AM_EC2_RECOVER_KEY_PAIR, "CreateKeyPair", key_name, NULL);
  _am_ec2_client_start_call (self, params, call, dry_run, am_ec2_client_create_key_pair_async,
                             cancellable, callback, user_data);
}

gboolean
am_ec2_client_create_key_pair_finish (AmEc2Client   *self,
                                      GAsyncResult  *result,
                                      AmKeyPair    **key_pair,
                                      gboolean      *dry_run_ok,
                                      GError       **error)
{
  return _am_ec2_client_finish_value (self, result, am_ec2_client_create_key_pair_async,
                                      (gpointer *) key_pair, dry_run_ok, error);
}

void
am_ec2_client_delete_key_pair_async (AmEc2Client         *self,
                                     const char          *key_name,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (key_name != NULL);

  params = _am_ec2_params_new ("DeleteKeyPair");
  am_query_params_add (params, "KeyName", key_name);
  _am_ec2_client_start_call (
    self, params,
    _am_ec2_call_new (AM_EC2_RESULT_RETURN,
                      g_strdup_printf ("Could not delete the key pair “%s”", key_name)),
    FALSE, am_ec2_client_delete_key_pair_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_delete_key_pair_finish (AmEc2Client   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return _am_ec2_client_finish_simple (self, result, am_ec2_client_delete_key_pair_async, NULL,
                                       error);
}

void
am_ec2_client_describe_vpcs_async (AmEc2Client         *self,
                                   const char * const  *vpc_ids,
                                   GPtrArray           *filters,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  params = _am_ec2_params_new_describe ("DescribeVpcs", "VpcId", vpc_ids, filters);
  _am_ec2_client_describe_all (self, params, _am_vpc_get_model_info (), vpcs_path,
                               g_strdup ("Could not list VPCs"), am_ec2_client_describe_vpcs_async,
                               cancellable, callback, user_data);
}

GPtrArray *
am_ec2_client_describe_vpcs_finish (AmEc2Client   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return _am_ec2_client_finish_list (self, result, am_ec2_client_describe_vpcs_async, error);
}

void
am_ec2_client_describe_subnets_async (AmEc2Client         *self,
                                      const char * const  *subnet_ids,
                                      GPtrArray           *filters,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  params = _am_ec2_params_new_describe ("DescribeSubnets", "SubnetId", subnet_ids, filters);
  _am_ec2_client_describe_all (
    self, params, _am_subnet_get_model_info (), subnets_path, g_strdup ("Could not list subnets"),
    am_ec2_client_describe_subnets_async, cancellable, callback, user_data);
}

GPtrArray *
am_ec2_client_describe_subnets_finish (AmEc2Client   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _am_ec2_client_finish_list (self, result, am_ec2_client_describe_subnets_async, error);
}

void
am_ec2_client_describe_security_groups_async (AmEc2Client         *self,
                                              const char * const  *group_ids,
                                              GPtrArray           *filters,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  params = _am_ec2_params_new_describe ("DescribeSecurityGroups", "GroupId", group_ids, filters);
  _am_ec2_client_describe_all (self, params, _am_security_group_get_model_info (),
                               security_groups_path, g_strdup ("Could not list security groups"),
                               am_ec2_client_describe_security_groups_async, cancellable, callback,
                               user_data);
}

GPtrArray *
am_ec2_client_describe_security_groups_finish (AmEc2Client   *self,
                                               GAsyncResult  *result,
                                               GError       **error)
{
  return _am_ec2_client_finish_list (self, result, am_ec2_client_describe_security_groups_async,
                                     error);
}

void
am_ec2_client_create_security_group_async (AmEc2Client         *self,
                                           const char          *group_name,
                                           const char          *description,
                                           const char          *vpc_id,
                                           gboolean             dry_run,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  AmQueryParams *params;
  AmEc2Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (group_name != NULL && description != NULL);

  params = _am_ec2_params_new ("CreateSecurityGroup");
  am_query_params_add (params, "GroupName", group_name);
  am_query_params_add (params, "GroupDescription", description);
  if (vpc_id != NULL)
    am_query_params_add (params, "VpcId", vpc_id);
  call = _am_ec2_call_new (
    AM_EC2_RESULT_VALUE, g_strdup_printf ("Could not create the security group “%s”", group_name));
  call->element = "groupId";
  _am_ec2_call_set_recover (call, AM_EC2_RECOVER_SECURITY_GROUP, "CreateSecurityGroup", group_name,
                            vpc_id);
  _am_ec2_client_start_call (self, params, call, dry_run, am_ec2_client_create_security_group_async,
                             cancellable, callback, user_data);
}

gboolean
am_ec2_client_create_security_group_finish (AmEc2Client   *self,
                                            GAsyncResult  *result,
                                            char         **group_id,
                                            gboolean      *dry_run_ok,
                                            GError       **error)
{
  return _am_ec2_client_finish_value (self, result, am_ec2_client_create_security_group_async,
                                      (gpointer *) group_id, dry_run_ok, error);
}

void
am_ec2_client_authorize_ingress_async (AmEc2Client         *self,
                                       const char          *group_id,
                                       const char          *protocol,
                                       int                  from_port,
                                       int                  to_port,
                                       const char          *cidr,
                                       const char          *description,
                                       gboolean             dry_run,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (group_id != NULL && protocol != NULL && cidr != NULL);

  params = _am_ec2_params_new ("AuthorizeSecurityGroupIngress");
  am_query_params_add (params, "GroupId", group_id);
  am_query_params_add (params, "IpPermissions.1.IpProtocol", protocol);
  am_query_params_add_int (params, "IpPermissions.1.FromPort", from_port);
  am_query_params_add_int (params, "IpPermissions.1.ToPort", to_port);
  am_query_params_add (params, "IpPermissions.1.IpRanges.1.CidrIp", cidr);
  if (description != NULL)
    am_query_params_add (params, "IpPermissions.1.IpRanges.1.Description", description);
  _am_ec2_client_start_call (
    self, params,
    _am_ec2_call_new (AM_EC2_RESULT_RETURN,
                      g_strdup_printf ("Could not open %s port %d–%d to %s in %s", protocol,
                                       from_port, to_port, cidr, group_id)),
    dry_run, am_ec2_client_authorize_ingress_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_authorize_ingress_finish (AmEc2Client   *self,
                                        GAsyncResult  *result,
                                        gboolean      *dry_run_ok,
                                        GError       **error)
{
  return _am_ec2_client_finish_simple (self, result, am_ec2_client_authorize_ingress_async,
                                       dry_run_ok, error);
}

void
am_ec2_client_describe_availability_zones_async (AmEc2Client         *self,
                                                 const char * const  *zone_names,
                                                 gboolean             all_zones,
                                                 GPtrArray           *filters,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  AmQueryParams *params;
  AmEc2Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  params = _am_ec2_params_new ("DescribeAvailabilityZones");
  _am_ec2_params_add_list (params, "ZoneName", zone_names);
  if (all_zones)
    am_query_params_add_boolean (params, "AllAvailabilityZones", TRUE);
  _am_ec2_params_add_filters (params, filters);
  call = _am_ec2_call_new_model (AM_EC2_RESULT_LIST, g_strdup ("Could not list Availability Zones"),
                                 _am_availability_zone_get_model_info (), zones_path);
  _am_ec2_client_start_call (self, params, call, FALSE,
                             am_ec2_client_describe_availability_zones_async, cancellable, callback,
                             user_data);
}

GPtrArray *
am_ec2_client_describe_availability_zones_finish (AmEc2Client   *self,
                                                  GAsyncResult  *result,
                                                  GError       **error)
{
  return _am_ec2_client_finish_list (self, result, am_ec2_client_describe_availability_zones_async,
                                     error);
}

void
am_ec2_client_describe_regions_async (AmEc2Client         *self,
                                      gboolean             all_regions,
                                      GPtrArray           *filters,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  AmQueryParams *params;
  AmEc2Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  params = _am_ec2_params_new ("DescribeRegions");
  if (all_regions)
    am_query_params_add_boolean (params, "AllRegions", TRUE);
  _am_ec2_params_add_filters (params, filters);
  call = _am_ec2_call_new_model (AM_EC2_RESULT_LIST, g_strdup ("Could not list Regions"),
                                 _am_region_get_model_info (), regions_path);
  _am_ec2_client_start_call (self, params, call, FALSE, am_ec2_client_describe_regions_async,
                             cancellable, callback, user_data);
}

GPtrArray *
am_ec2_client_describe_regions_finish (AmEc2Client   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return _am_ec2_client_finish_list (self, result, am_ec2_client_describe_regions_async, error);
}
