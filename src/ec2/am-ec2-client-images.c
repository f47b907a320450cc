/* am-ec2-client-images.c: AmEc2Client's image operations (describe, create, copy, attributes…)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-ec2-client"

#include "config.h"

#include "am-ec2-client-private.h"

static const char * const images_path[] = { "imagesSet", NULL };
static const char * const snapshot_results_path[] = { "deleteSnapshotResultSet", NULL };

void
am_ec2_client_describe_images_async (AmEc2Client                 *self,
                                     const AmDescribeImagesQuery *query,
                                     GCancellable                *cancellable,
                                     GAsyncReadyCallback          callback,
                                     gpointer                     user_data)
{
  AmQueryParams *params;
  AmEc2Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (query != NULL);

  params = _am_ec2_params_new ("DescribeImages");
  _am_ec2_params_add_list (params, "ExecutableBy", (const char * const *) query->executable_by);
  _am_ec2_params_add_list (params, "ImageId", (const char * const *) query->image_ids);
  _am_ec2_params_add_list (params, "Owner", (const char * const *) query->owners);
  _am_ec2_params_add_filters (params, query->filters);
  if (query->include_deprecated)
    am_query_params_add_boolean (params, "IncludeDeprecated", TRUE);
  if (query->include_disabled)
    am_query_params_add_boolean (params, "IncludeDisabled", TRUE);
  if (query->max_results > 0)
    am_query_params_add_int (params, "MaxResults", query->max_results);
  if (query->next_token != NULL)
    am_query_params_add (params, "NextToken", query->next_token);

  call = _am_ec2_call_new_model (AM_EC2_RESULT_IMAGES, g_strdup ("Could not list images"),
                                 _am_image_get_model_info (), images_path);
  _am_ec2_client_start_call (self, params, call, FALSE, am_ec2_client_describe_images_async,
                             cancellable, callback, user_data);
}

GPtrArray *
am_ec2_client_describe_images_finish (AmEc2Client   *self,
                                      GAsyncResult  *result,
                                      char         **next_token,
                                      GError       **error)
{
  AmEc2Call *call
    = _am_ec2_client_finish_call (self, result, am_ec2_client_describe_images_async, NULL, error);

  if (call == NULL)
    return NULL;
  if (next_token != NULL)
    *next_token = g_steal_pointer (&call->next_token);
  return _am_ec2_call_steal_value (call);
}

void
am_ec2_client_create_image_async (AmEc2Client         *self,
                                  const char          *instance_id,
                                  const char          *name,
                                  const char          *description,
                                  gboolean             no_reboot,
                                  GPtrArray           *block_devices,
                                  GPtrArray           *tag_specifications,
                                  gboolean             dry_run,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  AmQueryParams *params;
  AmEc2Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (instance_id != NULL && name != NULL);

  params = _am_ec2_params_new ("CreateImage");
  am_query_params_add (params, "InstanceId", instance_id);
  am_query_params_add (params, "Name", name);
  if (description != NULL)
    am_query_params_add (params, "Description", description);
  if (no_reboot)
    am_query_params_add_boolean (params, "NoReboot", TRUE);
  _am_ec2_params_add_block_devices (params, "BlockDeviceMapping", block_devices);
  _am_ec2_params_add_tag_specifications (params, "TagSpecification", tag_specifications);

  call = _am_ec2_call_new (AM_EC2_RESULT_VALUE,
                           g_strdup_printf ("Could not create an image from %s", instance_id));
  call->element = "imageId";
  _am_ec2_call_set_recover (call, AM_EC2_RECOVER_IMAGE, "CreateImage", name, NULL);
  _am_ec2_client_start_call (self, params, call, dry_run, am_ec2_client_create_image_async,
                             cancellable, callback, user_data);
}

/* CreateImage, RegisterImage and CopyImage: whoever lists this region's images hears of it. */
static gboolean
finish_new_image (AmEc2Client   *self,
                  GAsyncResult  *result,
                  gpointer       source_tag,
                  char         **image_id,
                  gboolean      *dry_run_ok,
                  GError       **error)
{
  g_autofree char *id = NULL;

  if (!_am_ec2_client_finish_value (self, result, source_tag, (gpointer *) &id, dry_run_ok, error))
    return FALSE;
  if (id != NULL)
    _am_ec2_client_emit_image_created (self, id);
  if (image_id != NULL)
    *image_id = g_steal_pointer (&id);
  return TRUE;
}

gboolean
am_ec2_client_create_image_finish (AmEc2Client   *self,
                                   GAsyncResult  *result,
                                   char         **image_id,
                                   gboolean      *dry_run_ok,
                                   GError       **error)
{
  return finish_new_image (self, result, am_ec2_client_create_image_async,
                           image_id, dry_run_ok, error);
}

void
am_ec2_client_register_image_async (AmEc2Client         *self,
                                    const char          *name,
                                    const char          *description,
                                    const char          *image_location,
                                    const char          *architecture,
                                    const char          *root_device_name,
                                    GPtrArray           *block_devices,
                                    const char          *virtualization_type,
                                    const char          *boot_mode,
                                    gboolean             ena_support,
                                    const char          *imds_support,
                                    GPtrArray           *tag_specifications,
                                    gboolean             dry_run,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  AmQueryParams *params;
  AmEc2Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (name != NULL);

  params = _am_ec2_params_new ("RegisterImage");
  am_query_params_add (params, "Name", name);
  if (image_location != NULL)
    am_query_params_add (params, "ImageLocation", image_location);
  if (description != NULL)
    am_query_params_add (params, "Description", description);
  if (architecture != NULL)
    am_query_params_add (params, "Architecture", architecture);
  if (root_device_name != NULL)
    am_query_params_add (params, "RootDeviceName", root_device_name);
  _am_ec2_params_add_block_devices (params, "BlockDeviceMapping", block_devices);
  if (virtualization_type != NULL)
    am_query_params_add (params, "VirtualizationType", virtualization_type);
  if (boot_mode != NULL)
    am_query_params_add (params, "BootMode", boot_mode);
  if (ena_support)
    am_query_params_add_boolean (params, "EnaSupport", TRUE);
  if (imds_support != NULL)
    am_query_params_add (params, "ImdsSupport", imds_support);
  _am_ec2_params_add_tag_specifications (params, "TagSpecification", tag_specifications);

  call = _am_ec2_call_new (AM_EC2_RESULT_VALUE,
                           g_strdup_printf ("Could not register the image “%s”", name));
  call->element = "imageId";
  _am_ec2_call_set_recover (call, AM_EC2_RECOVER_IMAGE, "RegisterImage", name, NULL);
  _am_ec2_client_start_call (self, params, call, dry_run, am_ec2_client_register_image_async,
                             cancellable, callback, user_data);
}

gboolean
am_ec2_client_register_image_finish (AmEc2Client   *self,
                                     GAsyncResult  *result,
                                     char         **image_id,
                                     gboolean      *dry_run_ok,
                                     GError       **error)
{
  return finish_new_image (self, result, am_ec2_client_register_image_async,
                           image_id, dry_run_ok, error);
}

void
am_ec2_client_deregister_image_async (AmEc2Client         *self,
                                      const char          *image_id,
                                      gboolean             delete_associated_snapshots,
                                      gboolean             dry_run,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  AmQueryParams *params;
  AmEc2Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL);

  params = _am_ec2_params_new ("DeregisterImage");
  am_query_params_add (params, "ImageId", image_id);
  if (delete_associated_snapshots)
    am_query_params_add_boolean (params, "DeleteAssociatedSnapshots", TRUE);
  call = _am_ec2_call_new_model (AM_EC2_RESULT_RETURN,
                                 g_strdup_printf ("Could not deregister %s", image_id),
                                 _am_snapshot_deletion_get_model_info (), snapshot_results_path);
  _am_ec2_client_start_call (self, params, call, dry_run, am_ec2_client_deregister_image_async,
                             cancellable, callback, user_data);
}

gboolean
am_ec2_client_deregister_image_finish (AmEc2Client   *self,
                                       GAsyncResult  *result,
                                       gboolean      *dry_run_ok,
                                       GError       **error)
{
  return am_ec2_client_deregister_image_finish_full (self, result, NULL, dry_run_ok, error);
}

gboolean
am_ec2_client_deregister_image_finish_full (AmEc2Client   *self,
                                            GAsyncResult  *result,
                                            GPtrArray    **snapshot_results,
                                            gboolean      *dry_run_ok,
                                            GError       **error)
{
  AmEc2Call *call = _am_ec2_client_finish_call (self, result, am_ec2_client_deregister_image_async,
                                                dry_run_ok, error);

  if (snapshot_results != NULL)
    *snapshot_results = NULL;
  if (call == NULL)
    return FALSE;
  if (snapshot_results != NULL)
    *snapshot_results = call->value != NULL ? _am_ec2_call_steal_value (call)
                                            : g_ptr_array_new_with_free_func (g_object_unref);
  return TRUE;
}

void
am_ec2_client_copy_image_async (AmEc2Client         *self,
                                AmCopyImageRequest  *request,
                                gboolean             dry_run,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  AmQueryParams *params;
  AmEc2Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (request != NULL);
  g_return_if_fail (request->source_image_id != NULL && request->source_region != NULL);
  g_return_if_fail (request->name != NULL);

  params = _am_ec2_params_new ("CopyImage");
  am_query_params_add (params, "SourceImageId", request->source_image_id);
  am_query_params_add (params, "SourceRegion", request->source_region);
  am_query_params_add (params, "Name", request->name);
  if (request->description != NULL)
    am_query_params_add (params, "Description", request->description);
  if (request->encrypted)
    am_query_params_add_boolean (params, "Encrypted", TRUE);
  if (request->kms_key_id != NULL)
    am_query_params_add (params, "KmsKeyId", request->kms_key_id);
  if (request->copy_image_tags)
    am_query_params_add_boolean (params, "CopyImageTags", TRUE);
  _am_ec2_params_add_tag_specifications (params, "TagSpecification", request->tag_specifications);
  am_query_params_add (params, "ClientToken", am_copy_image_request_ensure_client_token (request));

  call = _am_ec2_call_new (AM_EC2_RESULT_VALUE,
                           g_strdup_printf ("Could not copy %s from %s to %s",
                                            request->source_image_id, request->source_region,
                                            am_ec2_client_get_region (self)));
  call->element = "imageId";
  _am_ec2_client_start_call (self, params, call, dry_run, am_ec2_client_copy_image_async,
                             cancellable, callback, user_data);
}

gboolean
am_ec2_client_copy_image_finish (AmEc2Client   *self,
                                 GAsyncResult  *result,
                                 char         **image_id,
                                 gboolean      *dry_run_ok,
                                 GError       **error)
{
  return finish_new_image (self, result, am_ec2_client_copy_image_async,
                           image_id, dry_run_ok, error);
}

void
am_ec2_client_describe_image_attribute_async (AmEc2Client         *self,
                                              const char          *image_id,
                                              const char          *attribute,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  AmQueryParams *params;
  AmEc2Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL && attribute != NULL);

  params = _am_ec2_params_new ("DescribeImageAttribute");
  am_query_params_add (params, "ImageId", image_id);
  am_query_params_add (params, "Attribute", attribute);
  call = _am_ec2_call_new (AM_EC2_RESULT_OBJECT,
                           g_strdup_printf ("Could not read the %s of %s", attribute, image_id));
  call->info = _am_image_attribute_get_model_info ();
  _am_ec2_client_start_call (self, params, call, FALSE,
                             am_ec2_client_describe_image_attribute_async, cancellable, callback,
                             user_data);
}

AmImageAttribute *
am_ec2_client_describe_image_attribute_finish (AmEc2Client   *self,
                                               GAsyncResult  *result,
                                               GError       **error)
{
  AmEc2Call *call = _am_ec2_client_finish_call (
    self, result, am_ec2_client_describe_image_attribute_async, NULL, error);

  return call != NULL ? _am_ec2_call_steal_value (call) : NULL;
}

void
am_ec2_client_modify_launch_permission_async (AmEc2Client                 *self,
                                              const char                  *image_id,
                                              AmLaunchPermissionOperation  operation,
                                              const char * const          *user_ids,
                                              gboolean                     group_all,
                                              const char * const          *organization_arns,
                                              const char * const          *organizational_unit_arns,
                                              gboolean                     dry_run,
                                              GCancellable                *cancellable,
                                              GAsyncReadyCallback          callback,
                                              gpointer                     user_data)
{
  const char *side = operation == AM_LAUNCH_PERMISSION_ADD ? "Add" : "Remove";
  AmQueryParams *params;
  guint n = 0;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL);

  params = _am_ec2_params_new ("ModifyImageAttribute");
  am_query_params_add (params, "ImageId", image_id);
  for (guint i = 0; user_ids != NULL && user_ids[i] != NULL; i++)
    am_query_params_add_at (params, user_ids[i], "LaunchPermission.%s.%u.UserId", side, ++n);
  if (group_all)
    am_query_params_add_at (params, "all", "LaunchPermission.%s.%u.Group", side, ++n);
  for (guint i = 0; organization_arns != NULL && organization_arns[i] != NULL; i++)
    am_query_params_add_at (params, organization_arns[i], "LaunchPermission.%s.%u.OrganizationArn",
                            side, ++n);
  for (guint i = 0; organizational_unit_arns != NULL && organizational_unit_arns[i] != NULL; i++)
    am_query_params_add_at (params, organizational_unit_arns[i],
                            "LaunchPermission.%s.%u.OrganizationalUnitArn", side, ++n);
  _am_ec2_client_start_call (
    self, params,
    _am_ec2_call_new (AM_EC2_RESULT_RETURN,
                      g_strdup_printf ("Could not change who may launch %s", image_id)),
    dry_run, am_ec2_client_modify_launch_permission_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_modify_launch_permission_finish (AmEc2Client   *self,
                                               GAsyncResult  *result,
                                               gboolean      *dry_run_ok,
                                               GError       **error)
{
  return _am_ec2_client_finish_simple (self, result, am_ec2_client_modify_launch_permission_async,
                                       dry_run_ok, error);
}

void
am_ec2_client_modify_image_description_async (AmEc2Client         *self,
                                              const char          *image_id,
                                              const char          *description,
                                              gboolean             dry_run,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL && description != NULL);

  params = _am_ec2_params_new ("ModifyImageAttribute");
  am_query_params_add (params, "ImageId", image_id);
  am_query_params_add (params, "Description.Value", description);
  _am_ec2_client_start_call (
    self, params,
    _am_ec2_call_new (AM_EC2_RESULT_RETURN,
                      g_strdup_printf ("Could not change the description of %s", image_id)),
    dry_run, am_ec2_client_modify_image_description_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_modify_image_description_finish (AmEc2Client   *self,
                                               GAsyncResult  *result,
                                               gboolean      *dry_run_ok,
                                               GError       **error)
{
  return _am_ec2_client_finish_simple (self, result, am_ec2_client_modify_image_description_async,
                                       dry_run_ok, error);
}

void
am_ec2_client_require_imdsv2_async (AmEc2Client         *self,
                                    const char          *image_id,
                                    gboolean             dry_run,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL);

  params = _am_ec2_params_new ("ModifyImageAttribute");
  am_query_params_add (params, "ImageId", image_id);
  am_query_params_add (params, "ImdsSupport.Value", "v2.0");
  _am_ec2_client_start_call (
    self, params,
    _am_ec2_call_new (AM_EC2_RESULT_RETURN,
                      g_strdup_printf ("Could not make %s require IMDSv2", image_id)),
    dry_run, am_ec2_client_require_imdsv2_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_require_imdsv2_finish (AmEc2Client   *self,
                                     GAsyncResult  *result,
                                     gboolean      *dry_run_ok,
                                     GError       **error)
{
  return _am_ec2_client_finish_simple (self, result, am_ec2_client_require_imdsv2_async, dry_run_ok,
                                       error);
}

void
am_ec2_client_reset_image_attribute_async (AmEc2Client         *self,
                                           const char          *image_id,
                                           const char          *attribute,
                                           gboolean             dry_run,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL && attribute != NULL);

  params = _am_ec2_params_new ("ResetImageAttribute");
  am_query_params_add (params, "ImageId", image_id);
  am_query_params_add (params, "Attribute", attribute);
  _am_ec2_client_start_call (
    self, params,
    _am_ec2_call_new (AM_EC2_RESULT_RETURN,
                      g_strdup_printf ("Could not reset the %s of %s", attribute, image_id)),
    dry_run, am_ec2_client_reset_image_attribute_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_reset_image_attribute_finish (AmEc2Client   *self,
                                            GAsyncResult  *result,
                                            gboolean      *dry_run_ok,
                                            GError       **error)
{
  return _am_ec2_client_finish_simple (self, result, am_ec2_client_reset_image_attribute_async,
                                       dry_run_ok, error);
}

static AmQueryParams *
tags_params (const char         *action,
             const char * const *resource_ids,
             const char * const *keys,
             const char * const *values)
{
  AmQueryParams *params = _am_ec2_params_new (action);

  _am_ec2_params_add_list (params, "ResourceId", resource_ids);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      am_query_params_add_at (params, keys[i], "Tag.%u.Key", i + 1);
      if (values != NULL && values[i] != NULL)
        am_query_params_add_at (params, values[i], "Tag.%u.Value", i + 1);
    }
  return params;
}

void
am_ec2_client_create_tags_async (AmEc2Client         *self,
                                 const char * const  *resource_ids,
                                 const char * const  *keys,
                                 const char * const  *values,
                                 gboolean             dry_run,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *ids = NULL;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (resource_ids != NULL && keys != NULL && values != NULL);
  g_return_if_fail (g_strv_length ((char **) keys) == g_strv_length ((char **) values));

  ids = _am_ec2_join_ids (resource_ids);
  _am_ec2_client_start_call (
    self, tags_params ("CreateTags", resource_ids, keys, values),
    _am_ec2_call_new (AM_EC2_RESULT_RETURN, g_strdup_printf ("Could not tag %s", ids)), dry_run,
    am_ec2_client_create_tags_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_create_tags_finish (AmEc2Client   *self,
                                  GAsyncResult  *result,
                                  gboolean      *dry_run_ok,
                                  GError       **error)
{
  return _am_ec2_client_finish_simple (self, result, am_ec2_client_create_tags_async, dry_run_ok,
                                       error);
}

void
am_ec2_client_delete_tags_async (AmEc2Client         *self,
                                 const char * const  *resource_ids,
                                 const char * const  *keys,
                                 const char * const  *values,
                                 gboolean             dry_run,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *ids = NULL;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (resource_ids != NULL && keys != NULL);

  ids = _am_ec2_join_ids (resource_ids);
  _am_ec2_client_start_call (
    self, tags_params ("DeleteTags", resource_ids, keys, values),
    _am_ec2_call_new (AM_EC2_RESULT_RETURN, g_strdup_printf ("Could not remove tags from %s", ids)),
    dry_run, am_ec2_client_delete_tags_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_delete_tags_finish (AmEc2Client   *self,
                                  GAsyncResult  *result,
                                  gboolean      *dry_run_ok,
                                  GError       **error)
{
  return _am_ec2_client_finish_simple (self, result, am_ec2_client_delete_tags_async, dry_run_ok,
                                       error);
}

void
am_ec2_client_enable_image_deprecation_async (AmEc2Client         *self,
                                              const char          *image_id,
                                              GDateTime           *deprecate_at,
                                              gboolean             dry_run,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autofree char *when = NULL;
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL && deprecate_at != NULL);

  utc = g_date_time_to_utc (deprecate_at);
  when = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.000Z");
  params = _am_ec2_params_new ("EnableImageDeprecation");
  am_query_params_add (params, "ImageId", image_id);
  am_query_params_add (params, "DeprecateAt", when);
  _am_ec2_client_start_call (
    self, params,
    _am_ec2_call_new (AM_EC2_RESULT_RETURN,
                      g_strdup_printf ("Could not schedule the deprecation of %s", image_id)),
    dry_run, am_ec2_client_enable_image_deprecation_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_enable_image_deprecation_finish (AmEc2Client   *self,
                                               GAsyncResult  *result,
                                               gboolean      *dry_run_ok,
                                               GError       **error)
{
  return _am_ec2_client_finish_simple (self, result, am_ec2_client_enable_image_deprecation_async,
                                       dry_run_ok, error);
}

void
am_ec2_client_disable_image_deprecation_async (AmEc2Client         *self,
                                               const char          *image_id,
                                               gboolean             dry_run,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL);

  _am_ec2_client_image_id_call (
    self, "DisableImageDeprecation", image_id,
    g_strdup_printf ("Could not cancel the deprecation of %s", image_id), dry_run,
    am_ec2_client_disable_image_deprecation_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_disable_image_deprecation_finish (AmEc2Client   *self,
                                                GAsyncResult  *result,
                                                gboolean      *dry_run_ok,
                                                GError       **error)
{
  return _am_ec2_client_finish_simple (self, result, am_ec2_client_disable_image_deprecation_async,
                                       dry_run_ok, error);
}

void
am_ec2_client_enable_deregistration_protection_async (AmEc2Client         *self,
                                                      const char          *image_id,
                                                      gboolean             with_cooldown,
                                                      gboolean             dry_run,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL);

  params = _am_ec2_params_new ("EnableImageDeregistrationProtection");
  am_query_params_add (params, "ImageId", image_id);
  if (with_cooldown)
    am_query_params_add_boolean (params, "WithCooldown", TRUE);
  _am_ec2_client_start_call (
    self, params,
    _am_ec2_call_new (AM_EC2_RESULT_RETURN,
                      g_strdup_printf ("Could not protect %s from deregistration", image_id)),
    dry_run, am_ec2_client_enable_deregistration_protection_async, cancellable, callback,
    user_data);
}

gboolean
am_ec2_client_enable_deregistration_protection_finish (AmEc2Client   *self,
                                                       GAsyncResult  *result,
                                                       gboolean      *dry_run_ok,
                                                       GError       **error)
{
  return _am_ec2_client_finish_simple (
    self, result, am_ec2_client_enable_deregistration_protection_async, dry_run_ok, error);
}

void
am_ec2_client_disable_deregistration_protection_async (AmEc2Client         *self,
                                                       const char          *image_id,
                                                       gboolean             dry_run,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data)
{
  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL);

  _am_ec2_client_image_id_call (
    self, "DisableImageDeregistrationProtection", image_id,
    g_strdup_printf ("Could not remove the deregistration protection of %s", image_id), dry_run,
    am_ec2_client_disable_deregistration_protection_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_disable_deregistration_protection_finish (AmEc2Client   *self,
                                                        GAsyncResult  *result,
                                                        gboolean      *dry_run_ok,
                                                        GError       **error)
{
  return _am_ec2_client_finish_simple (
    self, result, am_ec2_client_disable_deregistration_protection_async, dry_run_ok, error);
}
