/* am-ec2-client-instances.c: AmEc2Client's instance operations and launch templates
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-ec2-client"

#include "config.h"

#include "am-ec2-client-private.h"

static const char * const instances_path[] = { "reservationSet", "item", "instancesSet", NULL };
static const char * const run_instances_path[] = { "instancesSet", NULL };
static const char * const state_changes_path[] = { "instancesSet", NULL };
static const char * const launch_template_path[] = { "launchTemplate", NULL };

void
am_ec2_client_describe_instances_async (AmEc2Client         *self,
                                        const char * const  *instance_ids,
                                        GPtrArray           *filters,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  params = _am_ec2_params_new_describe ("DescribeInstances", "InstanceId", instance_ids, filters);
  /* EC2 refuses MaxResults together with instance ids. */
  if (instance_ids == NULL || instance_ids[0] == NULL)
    am_query_params_add_int (params, "MaxResults", 1000);
  _am_ec2_client_describe_all (self, params, _am_instance_get_model_info (), instances_path,
                               g_strdup ("Could not list instances"),
                               am_ec2_client_describe_instances_async, cancellable, callback,
                               user_data);
}

GPtrArray *
am_ec2_client_describe_instances_finish (AmEc2Client   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return _am_ec2_client_finish_list (self, result, am_ec2_client_describe_instances_async, error);
}

void
am_ec2_client_run_instances_async (AmEc2Client           *self,
                                   AmRunInstancesRequest *request,
                                   gboolean               dry_run,
                                   GCancellable          *cancellable,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data)
{
  AmQueryParams *params;
  AmEc2Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (request != NULL && request->image_id != NULL);

  params = _am_ec2_params_new ("RunInstances");
  _am_ec2_params_add_launch_fields (params, "", request, FALSE);
  am_query_params_add (params, "ClientToken",
                       am_run_instances_request_ensure_client_token (request));
  call = _am_ec2_call_new_model (
    AM_EC2_RESULT_LIST, g_strdup_printf ("Could not launch instances of %s", request->image_id),
    _am_instance_get_model_info (), run_instances_path);
  _am_ec2_client_start_call (self, params, call, dry_run, am_ec2_client_run_instances_async,
                             cancellable, callback, user_data);
}

gboolean
am_ec2_client_run_instances_finish (AmEc2Client   *self,
                                    GAsyncResult  *result,
                                    GPtrArray    **instances,
                                    gboolean      *dry_run_ok,
                                    GError       **error)
{
  return _am_ec2_client_finish_value (self, result, am_ec2_client_run_instances_async,
                                      (gpointer *) instances, dry_run_ok, error);
}

static void
change_instances (AmEc2Client         *self,
                  const char          *action,
                  const char * const  *instance_ids,
                  gboolean             force,
                  const char          *verb,
                  gboolean             dry_run,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  AmQueryParams *params = _am_ec2_params_new (action);
  g_autofree char *ids = _am_ec2_join_ids (instance_ids);
  AmEc2Call *call;

  _am_ec2_params_add_list (params, "InstanceId", instance_ids);
  if (force)
    am_query_params_add_boolean (params, "Force", TRUE);
  call = _am_ec2_call_new_model (AM_EC2_RESULT_LIST, g_strdup_printf ("Could not %s %s", verb, ids),
                                 _am_instance_state_change_get_model_info (), state_changes_path);
  _am_ec2_client_start_call (self, params, call, dry_run, am_ec2_client_change_instances_finish,
                             cancellable, callback, user_data);
}

void
am_ec2_client_start_instances_async (AmEc2Client         *self,
                                     const char * const  *instance_ids,
                                     gboolean             dry_run,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (instance_ids != NULL && instance_ids[0] != NULL);

  change_instances (self, "StartInstances", instance_ids, FALSE, "start", dry_run,
                    cancellable, callback, user_data);
}

void
am_ec2_client_stop_instances_async (AmEc2Client         *self,
                                    const char * const  *instance_ids,
                                    gboolean             force,
                                    gboolean             dry_run,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (instance_ids != NULL && instance_ids[0] != NULL);

  change_instances (self, "StopInstances", instance_ids, force, "stop", dry_run,
                    cancellable, callback, user_data);
}

void
am_ec2_client_terminate_instances_async (AmEc2Client         *self,
                                         const char * const  *instance_ids,
                                         gboolean             dry_run,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (instance_ids != NULL && instance_ids[0] != NULL);

  change_instances (self, "TerminateInstances", instance_ids, FALSE, "terminate", dry_run,
                    cancellable, callback, user_data);
}

gboolean
am_ec2_client_change_instances_finish (AmEc2Client   *self,
                                       GAsyncResult  *result,
                                       GPtrArray    **changes,
                                       gboolean      *dry_run_ok,
                                       GError       **error)
{
  return _am_ec2_client_finish_value (self, result, am_ec2_client_change_instances_finish,
                                      (gpointer *) changes, dry_run_ok, error);
}

void
am_ec2_client_reboot_instances_async (AmEc2Client         *self,
                                      const char * const  *instance_ids,
                                      gboolean             dry_run,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  AmQueryParams *params;
  g_autofree char *ids = NULL;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (instance_ids != NULL && instance_ids[0] != NULL);

  ids = _am_ec2_join_ids (instance_ids);
  params = _am_ec2_params_new ("RebootInstances");
  _am_ec2_params_add_list (params, "InstanceId", instance_ids);
  _am_ec2_client_start_call (
    self, params,
    _am_ec2_call_new (AM_EC2_RESULT_RETURN, g_strdup_printf ("Could not reboot %s", ids)), dry_run,
    am_ec2_client_reboot_instances_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_reboot_instances_finish (AmEc2Client   *self,
                                       GAsyncResult  *result,
                                       gboolean      *dry_run_ok,
                                       GError       **error)
{
  return _am_ec2_client_finish_simple (self, result, am_ec2_client_reboot_instances_async,
                                       dry_run_ok, error);
}

void
am_ec2_client_create_launch_template_async (AmEc2Client           *self,
                                            const char            *name,
                                            const char            *version_description,
                                            AmRunInstancesRequest *data,
                                            gboolean               dry_run,
                                            GCancellable          *cancellable,
                                            GAsyncReadyCallback    callback,
                                            gpointer               user_data)
{
  AmQueryParams *params;
  AmEc2Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (name != NULL && data != NULL);

  params = _am_ec2_params_new ("CreateLaunchTemplate");
  am_query_params_add (params, "LaunchTemplateName", name);
  if (version_description != NULL)
    am_query_params_add (params, "VersionDescription", version_description);
  _am_ec2_params_add_launch_fields (params, "LaunchTemplateData.", data, TRUE);
  am_query_params_add (params, "ClientToken", am_run_instances_request_ensure_client_token (data));
  call = _am_ec2_call_new_model (
    AM_EC2_RESULT_OBJECT, g_strdup_printf ("Could not create the launch template “%s”", name),
    _am_launch_template_get_model_info (), launch_template_path);
  _am_ec2_client_start_call (self, params, call, dry_run,
                             am_ec2_client_create_launch_template_async, cancellable, callback,
                             user_data);
}

gboolean
am_ec2_client_create_launch_template_finish (AmEc2Client       *self,
                                             GAsyncResult      *result,
                                             AmLaunchTemplate **launch_template,
                                             gboolean          *dry_run_ok,
                                             GError           **error)
{
  return _am_ec2_client_finish_value (self, result, am_ec2_client_create_launch_template_async,
                                      (gpointer *) launch_template, dry_run_ok, error);
}

/* --- termination protection ---------------------------------------------------------------- */

void
am_ec2_client_modify_instance_termination_protection_async (AmEc2Client         *self,
                                                            const char          *instance_id,
                                                            gboolean             protect,
                                                            gboolean             dry_run,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (instance_id != NULL);

  params = _am_ec2_params_new ("ModifyInstanceAttribute");
  am_query_params_add (params, "InstanceId", instance_id);
  am_query_params_add_boolean (params, "DisableApiTermination.Value", protect);
  _am_ec2_client_start_call (
    self, params,
    _am_ec2_call_new (
      AM_EC2_RESULT_RETURN,
      protect ? g_strdup_printf ("Could not turn on termination protection of %s", instance_id)
              : g_strdup_printf ("Could not turn off termination protection of %s", instance_id)),
    dry_run, am_ec2_client_modify_instance_termination_protection_async, cancellable, callback,
    user_data);
}

gboolean
am_ec2_client_modify_instance_termination_protection_finish (AmEc2Client   *self,
                                                             GAsyncResult  *result,
                                                             gboolean      *dry_run_ok,
                                                             GError       **error)
{
  return _am_ec2_client_finish_simple (
    self, result, am_ec2_client_modify_instance_termination_protection_async, dry_run_ok, error);
}

void
am_ec2_client_describe_instance_termination_protection_async (AmEc2Client         *self,
                                                              const char          *instance_id,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data)
{
  AmQueryParams *params;
  AmEc2Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (instance_id != NULL);

  params = _am_ec2_params_new ("DescribeInstanceAttribute");
  am_query_params_add (params, "InstanceId", instance_id);
  am_query_params_add (params, "Attribute", "disableApiTermination");
  call = _am_ec2_call_new (
    AM_EC2_RESULT_VALUE,
    g_strdup_printf ("Could not read whether %s is protected from termination", instance_id));
  /* <disableApiTermination><value>true</value></disableApiTermination> */
  call->element = "disableApiTermination/value";
  _am_ec2_client_start_call (self, params, call, FALSE,
                             am_ec2_client_describe_instance_termination_protection_async,
                             cancellable, callback, user_data);
}

gboolean
am_ec2_client_describe_instance_termination_protection_finish (AmEc2Client   *self,
                                                               GAsyncResult  *result,
                                                               gboolean      *protected_out,
                                                               GError       **error)
{
  g_autofree char *value = NULL;

  if (!_am_ec2_client_finish_value (self, result,
                                    am_ec2_client_describe_instance_termination_protection_async,
                                    (gpointer *)&value, NULL, error))
    return FALSE;
  if (protected_out != NULL)
    *protected_out = g_strcmp0 (g_strstrip (value), "true") == 0;
  return TRUE;
}
