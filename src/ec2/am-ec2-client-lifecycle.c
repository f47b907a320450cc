/* am-ec2-client-lifecycle.c: AmEc2Client's snapshots and image lifecycle (references, restore)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-ec2-client"

#include "config.h"

#include "am-ec2-client-private.h"

static const char * const snapshots_path[] = { "snapshotSet", NULL };
static const char * const image_references_path[] = { "imageReferenceSet", NULL };
static const char * const instance_image_metadata_path[] = { "instanceImageMetadataSet", NULL };
static const char * const recycle_bin_path[] = { "imageSet", NULL };
static const char * const snapshot_recycle_bin_path[] = { "snapshotSet", NULL };

void
am_ec2_client_describe_snapshots_async (AmEc2Client         *self,
                                        const char * const  *snapshot_ids,
                                        const char * const  *owner_ids,
                                        GPtrArray           *filters,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  params = _am_ec2_params_new ("DescribeSnapshots");
  _am_ec2_params_add_list (params, "SnapshotId", snapshot_ids);
  _am_ec2_params_add_list (params, "Owner", owner_ids);
  _am_ec2_params_add_filters (params, filters);
  if (snapshot_ids == NULL || snapshot_ids[0] == NULL)
    am_query_params_add_int (params, "MaxResults", 1000);
  _am_ec2_client_describe_all (self, params, _am_snapshot_get_model_info (), snapshots_path,
                               g_strdup ("Could not list snapshots"),
                               am_ec2_client_describe_snapshots_async, cancellable, callback,
                               user_data);
}

GPtrArray *
am_ec2_client_describe_snapshots_finish (AmEc2Client   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return _am_ec2_client_finish_list (self, result, am_ec2_client_describe_snapshots_async, error);
}

/* --- image lifecycle ----------------------------------------------------------------------- */

void
am_ec2_client_describe_image_references_async (AmEc2Client         *self,
                                               const char * const  *image_ids,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_ids != NULL && image_ids[0] != NULL);

  params = _am_ec2_params_new ("DescribeImageReferences");
  _am_ec2_params_add_list (params, "ImageId", image_ids);
  am_query_params_add_boolean (params, "IncludeAllResourceTypes", TRUE);
  am_query_params_add_int (params, "MaxResults", 1000);
  _am_ec2_client_describe_all (
    self, params, _am_image_reference_get_model_info (), image_references_path,
    g_strdup_printf ("Could not find what uses %s", image_ids[0]),
    am_ec2_client_describe_image_references_async, cancellable, callback, user_data);
}

GPtrArray *
am_ec2_client_describe_image_references_finish (AmEc2Client   *self,
                                                GAsyncResult  *result,
                                                GError       **error)
{
  return _am_ec2_client_finish_list (self, result, am_ec2_client_describe_image_references_async,
                                     error);
}

void
am_ec2_client_describe_instance_image_metadata_async (AmEc2Client         *self,
                                                      const char * const  *instance_ids,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  params = _am_ec2_params_new ("DescribeInstanceImageMetadata");
  _am_ec2_params_add_list (params, "InstanceId", instance_ids);
  am_query_params_add_int (params, "MaxResults", 1000);
  _am_ec2_client_describe_all (
    self, params, _am_instance_image_metadata_get_model_info (), instance_image_metadata_path,
    g_strdup ("Could not read the state of the instances' images"),
    am_ec2_client_describe_instance_image_metadata_async, cancellable, callback, user_data);
}

GPtrArray *
am_ec2_client_describe_instance_image_metadata_finish (AmEc2Client   *self,
                                                       GAsyncResult  *result,
                                                       GError       **error)
{
  return _am_ec2_client_finish_list (self, result,
                                     am_ec2_client_describe_instance_image_metadata_async, error);
}

void
am_ec2_client_set_image_disabled_async (AmEc2Client         *self,
                                        const char          *image_id,
                                        gboolean             disable,
                                        gboolean             dry_run,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL);

  _am_ec2_client_image_id_call (
    self, disable ? "DisableImage" : "EnableImage", image_id,
    g_strdup_printf (disable ? "Could not disable %s" : "Could not enable %s", image_id), dry_run,
    am_ec2_client_set_image_disabled_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_set_image_disabled_finish (AmEc2Client   *self,
                                         GAsyncResult  *result,
                                         gboolean      *dry_run_ok,
                                         GError       **error)
{
  return _am_ec2_client_finish_simple (self, result, am_ec2_client_set_image_disabled_async,
                                       dry_run_ok, error);
}

void
am_ec2_client_create_snapshot_async (AmEc2Client         *self,
                                     const char          *volume_id,
                                     const char          *description,
                                     gboolean             dry_run,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  AmQueryParams *params;
  AmEc2Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (volume_id != NULL);

  params = _am_ec2_params_new ("CreateSnapshot");
  am_query_params_add (params, "VolumeId", volume_id);
  if (description != NULL)
    am_query_params_add (params, "Description", description);
  call
    = _am_ec2_call_new (AM_EC2_RESULT_OBJECT, g_strdup_printf ("Could not snapshot %s", volume_id));
  call->info = _am_snapshot_get_model_info ();
  _am_ec2_client_start_call (self, params, call, dry_run, am_ec2_client_create_snapshot_async,
                             cancellable, callback, user_data);
}

gboolean
am_ec2_client_create_snapshot_finish (AmEc2Client   *self,
                                      GAsyncResult  *result,
                                      AmSnapshot   **snapshot,
                                      gboolean      *dry_run_ok,
                                      GError       **error)
{
  return _am_ec2_client_finish_value (self, result, am_ec2_client_create_snapshot_async,
                                      (gpointer *)snapshot, dry_run_ok, error);
}

/* DeleteSnapshot, RestoreSnapshotFromRecycleBin: SnapshotId in, <return>true</return> out. */
static void
snapshot_id_call (AmEc2Client         *self,
                  const char          *action,
                  const char          *snapshot_id,
                  char                *what,
                  gboolean             dry_run,
                  gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  AmQueryParams *params = _am_ec2_params_new (action);

  am_query_params_add (params, "SnapshotId", snapshot_id);
  _am_ec2_client_start_call (self, params, _am_ec2_call_new (AM_EC2_RESULT_RETURN, what), dry_run, source_tag,
                             cancellable, callback, user_data);
}

void
am_ec2_client_delete_snapshot_async (AmEc2Client         *self,
                                     const char          *snapshot_id,
                                     gboolean             dry_run,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (snapshot_id != NULL);

  snapshot_id_call (self, "DeleteSnapshot", snapshot_id, g_strdup_printf ("Could not delete %s", snapshot_id),
                    dry_run, am_ec2_client_delete_snapshot_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_delete_snapshot_finish (AmEc2Client   *self,
                                      GAsyncResult  *result,
                                      gboolean      *dry_run_ok,
                                      GError       **error)
{
  return _am_ec2_client_finish_simple (self, result, am_ec2_client_delete_snapshot_async,
                                       dry_run_ok, error);
}

void
am_ec2_client_restore_image_async (AmEc2Client         *self,
                                   const char          *image_id,
                                   gboolean             dry_run,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL);

  _am_ec2_client_image_id_call (
    self, "RestoreImageFromRecycleBin", image_id,
    g_strdup_printf ("Could not restore %s from the Recycle Bin", image_id), dry_run,
    am_ec2_client_restore_image_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_restore_image_finish (AmEc2Client   *self,
                                    GAsyncResult  *result,
                                    gboolean      *dry_run_ok,
                                    GError       **error)
{
  return _am_ec2_client_finish_simple (self, result, am_ec2_client_restore_image_async, dry_run_ok,
                                       error);
}

/* ListImagesInRecycleBin / ListSnapshotsInRecycleBin: every page, or just @ids. */
static void
list_recycle_bin (AmEc2Client         *self,
                  const char          *action,
                  const char          *id_name,
                  const char * const  *ids,
                  const AmModelInfo   *info,
                  const char * const  *path,
                  const char          *message,
                  gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  AmQueryParams *params = _am_ec2_params_new (action);

  _am_ec2_params_add_list (params, id_name, ids);
  if (ids == NULL || ids[0] == NULL)
    am_query_params_add_int (params, "MaxResults", 1000);
  _am_ec2_client_describe_all (self, params, info, path, g_strdup (message), source_tag, cancellable,
                               callback, user_data);
}

void
am_ec2_client_list_images_in_recycle_bin_async (AmEc2Client         *self,
                                                const char * const  *image_ids,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  list_recycle_bin (self, "ListImagesInRecycleBin", "ImageId", image_ids, _am_image_get_model_info (),
                    recycle_bin_path, "Could not list the Recycle Bin",
                    am_ec2_client_list_images_in_recycle_bin_async, cancellable, callback, user_data);
}

GPtrArray *
am_ec2_client_list_images_in_recycle_bin_finish (AmEc2Client   *self,
                                                 GAsyncResult  *result,
                                                 GError       **error)
{
  return _am_ec2_client_finish_list (self, result, am_ec2_client_list_images_in_recycle_bin_async,
                                     error);
}

void
am_ec2_client_list_snapshots_in_recycle_bin_async (AmEc2Client         *self,
                                                   const char * const  *snapshot_ids,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data)
{
  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  list_recycle_bin (self, "ListSnapshotsInRecycleBin", "SnapshotId", snapshot_ids, _am_snapshot_get_model_info (),
                    snapshot_recycle_bin_path, "Could not list the snapshots in the Recycle Bin",
                    am_ec2_client_list_snapshots_in_recycle_bin_async, cancellable, callback, user_data);
}

GPtrArray *
am_ec2_client_list_snapshots_in_recycle_bin_finish (AmEc2Client   *self,
                                                    GAsyncResult  *result,
                                                    GError       **error)
{
  return _am_ec2_client_finish_list (self, result, am_ec2_client_list_snapshots_in_recycle_bin_async,
                                     error);
}

void
am_ec2_client_restore_snapshot_async (AmEc2Client         *self,
                                      const char          *snapshot_id,
                                      gboolean             dry_run,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (snapshot_id != NULL);

  snapshot_id_call (self, "RestoreSnapshotFromRecycleBin", snapshot_id,
                    g_strdup_printf ("Could not restore %s from the Recycle Bin", snapshot_id), dry_run,
                    am_ec2_client_restore_snapshot_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_restore_snapshot_finish (AmEc2Client   *self,
                                       GAsyncResult  *result,
                                       gboolean      *dry_run_ok,
                                       GError       **error)
{
  return _am_ec2_client_finish_simple (self, result, am_ec2_client_restore_snapshot_async, dry_run_ok,
                                       error);
}
