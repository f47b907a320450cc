/* am-ec2-client.h: typed asynchronous EC2 operations (and SSM "latest AMI" lookups)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-query-client.h"
#include "am-ssm.h"

#include "am-availability-zone.h"
#include "am-block-device-spec.h"
#include "am-copy-image-request.h"
#include "am-describe-images-query.h"
#include "am-ec2-filter.h"
#include "am-image.h"
#include "am-image-attribute.h"
#include "am-instance.h"
#include "am-instance-state-change.h"
#include "am-instance-type.h"
#include "am-key-pair.h"
#include "am-launch-template.h"
#include "am-region.h"
#include "am-run-instances-request.h"
#include "am-security-group.h"
#include "am-snapshot.h"
#include "am-image-reference.h"
#include "am-instance-image-metadata.h"
#include "am-snapshot-deletion.h"
#include "am-subnet.h"
#include "am-tag-specification.h"
#include "am-vpc.h"

G_BEGIN_DECLS

/*
 * AmEc2Client: one _async / _finish pair per EC2 operation, over an AmQueryClient (which signs,
 * retries and maps errors; the region and endpoint are its own).
 *
 * Conventions:
 * - Errors keep the AM_AWS_ERROR domain, code, AWS code and request id of the answer, and
 *   their message starts with what failed, e.g. "Could not deregister ami-123: …".
 *   Cancelled calls end with G_IO_ERROR_CANCELLED.
 * - Mutating calls take @dry_run. EC2 answers a dry run with DryRunOperation when the call
 *   would have succeeded: the _finish then returns %TRUE, leaves its out values unset
 *   (%NULL) and sets *@dry_run_ok to %TRUE. Without a dry run *@dry_run_ok is %FALSE.
 * - Describe calls marked "all pages" follow NextToken to the end; DescribeImages returns
 *   one page at a time (the image store walks the pages itself).
 * - Lists come back as GPtrArray of model objects (transfer full, free func set).
 */
#define AM_TYPE_EC2_CLIENT (am_ec2_client_get_type ())

/*
 * Signal "image-created" (const char *image_id): CreateImage, RegisterImage or CopyImage made a
 * new image in this client's region (emitted by their _finish, not for dry runs), so views of
 * the region's images can show it while it is still pending.
 */
G_DECLARE_FINAL_TYPE (AmEc2Client, am_ec2_client, AM, EC2_CLIENT, GObject)

/** am_ec2_client_new: an EC2 client sending through @query_client (service "ec2"). */
AmEc2Client   *am_ec2_client_new                (AmQueryClient    *query_client);
AmQueryClient *am_ec2_client_get_query_client   (AmEc2Client      *self);
const char    *am_ec2_client_get_region         (AmEc2Client      *self);
/** Returns: (transfer full): the endpoint URL */
char          *am_ec2_client_dup_endpoint       (AmEc2Client      *self);
/**
 * am_ec2_client_has_custom_endpoint:
 * Returns: %TRUE when the endpoint is not the region's standard one (e.g. the sandbox)
 */
gboolean       am_ec2_client_has_custom_endpoint (AmEc2Client     *self);
/**
 * am_ec2_client_new_for_region:
 * A client for another region with the same credentials (and the same custom endpoint, if
 * any): CopyImage is sent to the destination region's client.
 */
AmEc2Client   *am_ec2_client_new_for_region     (AmEc2Client      *self,
                                                 const char       *region,
                                                 GError          **error);
/**
 * am_ec2_client_set_ssm_client:
 * The SSM client for latest-AMI lookups; by default one is made for the same region, credentials
 * and custom endpoint.
 */
void           am_ec2_client_set_ssm_client     (AmEc2Client      *self,
                                                 AmJsonClient     *ssm_client);

/* --- images --------------------------------------------------------------------------- */

/** DescribeImages, one page: the query's NextToken / MaxResults decide which. */
void        am_ec2_client_describe_images_async  (AmEc2Client                 *self,
                                                  const AmDescribeImagesQuery *query,
                                                  GCancellable                *cancellable,
                                                  GAsyncReadyCallback          callback,
                                                  gpointer                     user_data);
/**
 * am_ec2_client_describe_images_finish:
 * @next_token: (out) (optional) (transfer full): the token of the next page, %NULL on the last
 * Returns: (transfer full) (element-type AmImage): the page's images (parsed off the main thread)
 */
GPtrArray  *am_ec2_client_describe_images_finish (AmEc2Client   *self,
                                                  GAsyncResult  *result,
                                                  char         **next_token,
                                                  GError       **error);

/**
 * CreateImage from @instance_id; @block_devices / @tag_specifications nullable.
 * CreateImage, RegisterImage, CreateSecurityGroup and CreateKeyPair have no ClientToken: each
 * is sent once. When its answer is lost (or a later call with the same name is refused as a
 * duplicate of one whose answer was lost), the client looks the name up and carries on with
 * what it finds; for a key pair, whose private key came only in that answer, it fails with
 * AM_EC2_ERROR_KEY_MATERIAL_LOST.
 */
void        am_ec2_client_create_image_async     (AmEc2Client   *self,
                                                  const char    *instance_id,
                                                  const char    *name,
                                                  const char    *description,
                                                  gboolean       no_reboot,
                                                  GPtrArray     *block_devices,
                                                  GPtrArray     *tag_specifications,
                                                  gboolean       dry_run,
                                                  GCancellable  *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer       user_data);
/** @image_id: (out) (optional) (transfer full): the new image */
gboolean    am_ec2_client_create_image_finish    (AmEc2Client   *self,
                                                  GAsyncResult  *result,
                                                  char         **image_id,
                                                  gboolean      *dry_run_ok,
                                                  GError       **error);

/**
 * am_ec2_client_register_image_async:
 * RegisterImage of an EBS-backed image from @block_devices (one must be @root_device_name),
 * or, with @image_location (an S3 manifest path "bucket/path/image.manifest.xml"), of an
 * instance-store-backed image from its bundle (@root_device_name and @block_devices are then
 * usually NULL). Nullable: description, image_location, architecture, root_device_name,
 * block_devices, virtualization_type, boot_mode, imds_support ("v2.0"), tag_specifications.
 */
void        am_ec2_client_register_image_async   (AmEc2Client   *self,
                                                  const char    *name,
                                                  const char    *description,
                                                  const char    *image_location,
                                                  const char    *architecture,
                                                  const char    *root_device_name,
                                                  GPtrArray     *block_devices,
                                                  const char    *virtualization_type,
                                                  const char    *boot_mode,
                                                  gboolean       ena_support,
                                                  const char    *imds_support,
                                                  GPtrArray     *tag_specifications,
                                                  gboolean       dry_run,
                                                  GCancellable  *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer       user_data);
gboolean    am_ec2_client_register_image_finish  (AmEc2Client   *self,
                                                  GAsyncResult  *result,
                                                  char         **image_id,
                                                  gboolean      *dry_run_ok,
                                                  GError       **error);

void        am_ec2_client_deregister_image_async (AmEc2Client   *self,
                                                  const char    *image_id,
                                                  gboolean       delete_associated_snapshots,
                                                  gboolean       dry_run,
                                                  GCancellable  *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer       user_data);
gboolean    am_ec2_client_deregister_image_finish (AmEc2Client  *self,
                                                   GAsyncResult *result,
                                                   gboolean     *dry_run_ok,
                                                   GError      **error);
/**
 * am_ec2_client_deregister_image_finish_full:
 * @snapshot_results: (out) (optional) (transfer full) (element-type AmSnapshotDeletion): what
 *   EC2 did with each of the image's snapshots (its deleteSnapshotResultSet; empty when the
 *   snapshots were not to be deleted)
 */
gboolean    am_ec2_client_deregister_image_finish_full (AmEc2Client  *self,
                                                        GAsyncResult *result,
                                                        GPtrArray   **snapshot_results,
                                                        gboolean     *dry_run_ok,
                                                        GError      **error);

/**
 * am_ec2_client_copy_image_async:
 * CopyImage, sent to @self, which must be the client of the destination region. A missing
 * client token is generated into @request first (see
 * am_copy_image_request_ensure_client_token()).
 */
void        am_ec2_client_copy_image_async       (AmEc2Client        *self,
                                                  AmCopyImageRequest *request,
                                                  gboolean            dry_run,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
gboolean    am_ec2_client_copy_image_finish      (AmEc2Client   *self,
                                                  GAsyncResult  *result,
                                                  char         **image_id,
                                                  gboolean      *dry_run_ok,
                                                  GError       **error);

/** DescribeImageAttribute; @attribute e.g. "launchPermission", "description". */
void        am_ec2_client_describe_image_attribute_async  (AmEc2Client   *self,
                                                           const char    *image_id,
                                                           const char    *attribute,
                                                           GCancellable  *cancellable,
                                                           GAsyncReadyCallback callback,
                                                           gpointer       user_data);
/** Returns: (transfer full): the attribute */
AmImageAttribute *am_ec2_client_describe_image_attribute_finish (AmEc2Client  *self,
                                                                 GAsyncResult *result,
                                                                 GError      **error);

typedef enum
{
  AM_LAUNCH_PERMISSION_ADD,
  AM_LAUNCH_PERMISSION_REMOVE,
} AmLaunchPermissionOperation;

/**
 * am_ec2_client_modify_launch_permission_async:
 * ModifyImageAttribute with LaunchPermission.Add.N / LaunchPermission.Remove.N entries:
 * one per account in @user_ids, Group=all when @group_all (making the image public or
 * private again), one per organization / OU ARN. Each list is nullable.
 */
void        am_ec2_client_modify_launch_permission_async  (AmEc2Client                 *self,
                                                           const char                  *image_id,
                                                           AmLaunchPermissionOperation  operation,
                                                           const char * const          *user_ids,
                                                           gboolean                     group_all,
                                                           const char * const          *organization_arns,
                                                           const char * const          *organizational_unit_arns,
                                                           gboolean                     dry_run,
                                                           GCancellable                *cancellable,
                                                           GAsyncReadyCallback          callback,
                                                           gpointer                     user_data);
gboolean    am_ec2_client_modify_launch_permission_finish (AmEc2Client  *self,
                                                           GAsyncResult *result,
                                                           gboolean     *dry_run_ok,
                                                           GError      **error);

/** ModifyImageAttribute Description.Value */
void        am_ec2_client_modify_image_description_async  (AmEc2Client   *self,
                                                           const char    *image_id,
                                                           const char    *description,
                                                           gboolean       dry_run,
                                                           GCancellable  *cancellable,
                                                           GAsyncReadyCallback callback,
                                                           gpointer       user_data);
gboolean    am_ec2_client_modify_image_description_finish (AmEc2Client  *self,
                                                           GAsyncResult *result,
                                                           gboolean     *dry_run_ok,
                                                           GError      **error);

/**
 * ModifyImageAttribute ImdsSupport.Value=v2.0: instances launched from the image require
 * IMDSv2 (session tokens) by default. EC2 has no way back: it cannot be turned off.
 */
void        am_ec2_client_require_imdsv2_async  (AmEc2Client         *self,
                                                 const char          *image_id,
                                                 gboolean             dry_run,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean    am_ec2_client_require_imdsv2_finish (AmEc2Client  *self,
                                                 GAsyncResult *result,
                                                 gboolean     *dry_run_ok,
                                                 GError      **error);

/** ResetImageAttribute; @attribute: "launchPermission" (the only one EC2 resets). */
void        am_ec2_client_reset_image_attribute_async  (AmEc2Client   *self,
                                                        const char    *image_id,
                                                        const char    *attribute,
                                                        gboolean       dry_run,
                                                        GCancellable  *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer       user_data);
gboolean    am_ec2_client_reset_image_attribute_finish (AmEc2Client  *self,
                                                        GAsyncResult *result,
                                                        gboolean     *dry_run_ok,
                                                        GError      **error);

/** CreateTags: Tag.N.Key = @keys[N-1], Tag.N.Value = @values[N-1] on every resource. */
void        am_ec2_client_create_tags_async   (AmEc2Client        *self,
                                               const char * const *resource_ids,
                                               const char * const *keys,
                                               const char * const *values,
                                               gboolean            dry_run,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
gboolean    am_ec2_client_create_tags_finish  (AmEc2Client  *self,
                                               GAsyncResult *result,
                                               gboolean     *dry_run_ok,
                                               GError      **error);
/** DeleteTags; @values nullable (then any value); a NULL entry in @values means any value. */
void        am_ec2_client_delete_tags_async   (AmEc2Client        *self,
                                               const char * const *resource_ids,
                                               const char * const *keys,
                                               const char * const *values,
                                               gboolean            dry_run,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
gboolean    am_ec2_client_delete_tags_finish  (AmEc2Client  *self,
                                               GAsyncResult *result,
                                               gboolean     *dry_run_ok,
                                               GError      **error);

/** EnableImageDeprecation at @deprecate_at (EC2 rounds to the minute). */
void        am_ec2_client_enable_image_deprecation_async  (AmEc2Client   *self,
                                                           const char    *image_id,
                                                           GDateTime     *deprecate_at,
                                                           gboolean       dry_run,
                                                           GCancellable  *cancellable,
                                                           GAsyncReadyCallback callback,
                                                           gpointer       user_data);
gboolean    am_ec2_client_enable_image_deprecation_finish (AmEc2Client  *self,
                                                           GAsyncResult *result,
                                                           gboolean     *dry_run_ok,
                                                           GError      **error);
void        am_ec2_client_disable_image_deprecation_async  (AmEc2Client   *self,
                                                            const char    *image_id,
                                                            gboolean       dry_run,
                                                            GCancellable  *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer       user_data);
gboolean    am_ec2_client_disable_image_deprecation_finish (AmEc2Client  *self,
                                                            GAsyncResult *result,
                                                            gboolean     *dry_run_ok,
                                                            GError      **error);
/** EnableImageDeregistrationProtection; @with_cooldown keeps it 24 h after disabling. */
void        am_ec2_client_enable_deregistration_protection_async  (AmEc2Client   *self,
                                                                   const char    *image_id,
                                                                   gboolean       with_cooldown,
                                                                   gboolean       dry_run,
                                                                   GCancellable  *cancellable,
                                                                   GAsyncReadyCallback callback,
                                                                   gpointer       user_data);
gboolean    am_ec2_client_enable_deregistration_protection_finish (AmEc2Client  *self,
                                                                   GAsyncResult *result,
                                                                   gboolean     *dry_run_ok,
                                                                   GError      **error);
void        am_ec2_client_disable_deregistration_protection_async  (AmEc2Client   *self,
                                                                    const char    *image_id,
                                                                    gboolean       dry_run,
                                                                    GCancellable  *cancellable,
                                                                    GAsyncReadyCallback callback,
                                                                    gpointer       user_data);
gboolean    am_ec2_client_disable_deregistration_protection_finish (AmEc2Client  *self,
                                                                    GAsyncResult *result,
                                                                    gboolean     *dry_run_ok,
                                                                    GError      **error);

/* --- instances ------------------------------------------------------------------------ */

/** DescribeInstances, all pages; @instance_ids and @filters (AmEc2Filter) nullable. */
void        am_ec2_client_describe_instances_async  (AmEc2Client        *self,
                                                     const char * const *instance_ids,
                                                     GPtrArray          *filters,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
/** Returns: (transfer full) (element-type AmInstance) */
GPtrArray  *am_ec2_client_describe_instances_finish (AmEc2Client  *self,
                                                     GAsyncResult *result,
                                                     GError      **error);

/** RunInstances; a missing client token is generated into @request first. */
void        am_ec2_client_run_instances_async   (AmEc2Client           *self,
                                                 AmRunInstancesRequest *request,
                                                 gboolean               dry_run,
                                                 GCancellable          *cancellable,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data);
/** @instances: (out) (optional) (transfer full) (element-type AmInstance): the launched instances */
gboolean    am_ec2_client_run_instances_finish  (AmEc2Client   *self,
                                                 GAsyncResult  *result,
                                                 GPtrArray    **instances,
                                                 gboolean      *dry_run_ok,
                                                 GError       **error);

/** StartInstances */
void        am_ec2_client_start_instances_async  (AmEc2Client        *self,
                                                  const char * const *instance_ids,
                                                  gboolean            dry_run,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
/** StopInstances; @force skips the guest's clean shutdown. */
void        am_ec2_client_stop_instances_async   (AmEc2Client        *self,
                                                  const char * const *instance_ids,
                                                  gboolean            force,
                                                  gboolean            dry_run,
                                                  GCancellable       *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer            user_data);
/** TerminateInstances */
void        am_ec2_client_terminate_instances_async (AmEc2Client        *self,
                                                     const char * const *instance_ids,
                                                     gboolean            dry_run,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
/**
 * am_ec2_client_modify_instance_termination_protection_async:
 * ModifyInstanceAttribute DisableApiTermination: @protect TRUE keeps TerminateInstances from
 * terminating @instance_id (EC2 then answers OperationNotPermitted) until it is turned off.
 */
void        am_ec2_client_modify_instance_termination_protection_async  (AmEc2Client        *self,
                                                                         const char         *instance_id,
                                                                         gboolean            protect,
                                                                         gboolean            dry_run,
                                                                         GCancellable       *cancellable,
                                                                         GAsyncReadyCallback callback,
                                                                         gpointer            user_data);
gboolean    am_ec2_client_modify_instance_termination_protection_finish (AmEc2Client   *self,
                                                                         GAsyncResult  *result,
                                                                         gboolean      *dry_run_ok,
                                                                         GError       **error);
/** DescribeInstanceAttribute disableApiTermination */
void        am_ec2_client_describe_instance_termination_protection_async  (AmEc2Client        *self,
                                                                           const char         *instance_id,
                                                                           GCancellable       *cancellable,
                                                                           GAsyncReadyCallback callback,
                                                                           gpointer            user_data);
/** @protected_out: (out): whether termination protection is on */
gboolean    am_ec2_client_describe_instance_termination_protection_finish (AmEc2Client   *self,
                                                                           GAsyncResult  *result,
                                                                           gboolean      *protected_out,
                                                                           GError       **error);
/**
 * am_ec2_client_change_instances_finish:
 * Finishes Start-, Stop- and TerminateInstances.
 * @changes: (out) (optional) (transfer full) (element-type AmInstanceStateChange)
 */
gboolean    am_ec2_client_change_instances_finish (AmEc2Client   *self,
                                                   GAsyncResult  *result,
                                                   GPtrArray    **changes,
                                                   gboolean      *dry_run_ok,
                                                   GError       **error);
/** RebootInstances */
void        am_ec2_client_reboot_instances_async  (AmEc2Client        *self,
                                                   const char * const *instance_ids,
                                                   gboolean            dry_run,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
gboolean    am_ec2_client_reboot_instances_finish (AmEc2Client  *self,
                                                   GAsyncResult *result,
                                                   gboolean     *dry_run_ok,
                                                   GError      **error);

/* --- launch wizard lookups ------------------------------------------------------------ */

/** DescribeInstanceTypes, all pages (MaxResults 100); both lists nullable. */
void        am_ec2_client_describe_instance_types_async  (AmEc2Client        *self,
                                                          const char * const *instance_types,
                                                          GPtrArray          *filters,
                                                          GCancellable       *cancellable,
                                                          GAsyncReadyCallback callback,
                                                          gpointer            user_data);
/** Returns: (transfer full) (element-type AmInstanceType) */
GPtrArray  *am_ec2_client_describe_instance_types_finish (AmEc2Client  *self,
                                                          GAsyncResult *result,
                                                          GError      **error);

/** DescribeKeyPairs; @key_names and @filters nullable. */
void        am_ec2_client_describe_key_pairs_async  (AmEc2Client        *self,
                                                     const char * const *key_names,
                                                     GPtrArray          *filters,
                                                     gboolean            include_public_key,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
/** Returns: (transfer full) (element-type AmKeyPair) */
GPtrArray  *am_ec2_client_describe_key_pairs_finish (AmEc2Client  *self,
                                                     GAsyncResult *result,
                                                     GError      **error);

/**
 * CreateKeyPair; @key_type "rsa" / "ed25519" and @key_format "pem" / "ppk" nullable.
 * AM_EC2_ERROR_KEY_MATERIAL_LOST: the key pair exists but its private key was lost with the
 * answer (see am_ec2_client_create_image_async()).
 */
void        am_ec2_client_create_key_pair_async  (AmEc2Client   *self,
                                                  const char    *key_name,
                                                  const char    *key_type,
                                                  const char    *key_format,
                                                  gboolean       dry_run,
                                                  GCancellable  *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer       user_data);
/** @key_pair: (out) (optional) (transfer full): with its private key (am_key_pair_get_key_material()) */
gboolean    am_ec2_client_create_key_pair_finish (AmEc2Client   *self,
                                                  GAsyncResult  *result,
                                                  AmKeyPair    **key_pair,
                                                  gboolean      *dry_run_ok,
                                                  GError       **error);

/** DescribeVpcs, all pages */
void        am_ec2_client_describe_vpcs_async  (AmEc2Client        *self,
                                                const char * const *vpc_ids,
                                                GPtrArray          *filters,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
/** Returns: (transfer full) (element-type AmVpc) */
GPtrArray  *am_ec2_client_describe_vpcs_finish (AmEc2Client  *self,
                                                GAsyncResult *result,
                                                GError      **error);
/** DescribeSubnets, all pages */
void        am_ec2_client_describe_subnets_async  (AmEc2Client        *self,
                                                   const char * const *subnet_ids,
                                                   GPtrArray          *filters,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
/** Returns: (transfer full) (element-type AmSubnet) */
GPtrArray  *am_ec2_client_describe_subnets_finish (AmEc2Client  *self,
                                                   GAsyncResult *result,
                                                   GError      **error);
/** DescribeSecurityGroups, all pages */
void        am_ec2_client_describe_security_groups_async  (AmEc2Client        *self,
                                                           const char * const *group_ids,
                                                           GPtrArray          *filters,
                                                           GCancellable       *cancellable,
                                                           GAsyncReadyCallback callback,
                                                           gpointer            user_data);
/** Returns: (transfer full) (element-type AmSecurityGroup) */
GPtrArray  *am_ec2_client_describe_security_groups_finish (AmEc2Client  *self,
                                                           GAsyncResult *result,
                                                           GError      **error);

/** DeleteKeyPair by name (succeeds when there is none) */
void          am_ec2_client_delete_key_pair_async  (AmEc2Client         *self,
                                                    const char          *key_name,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean      am_ec2_client_delete_key_pair_finish (AmEc2Client         *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

/** CreateSecurityGroup (GroupName, GroupDescription, VpcId nullable) */
void        am_ec2_client_create_security_group_async  (AmEc2Client   *self,
                                                        const char    *group_name,
                                                        const char    *description,
                                                        const char    *vpc_id,
                                                        gboolean       dry_run,
                                                        GCancellable  *cancellable,
                                                        GAsyncReadyCallback callback,
                                                        gpointer       user_data);
/** @group_id: (out) (optional) (transfer full): the new group */
gboolean    am_ec2_client_create_security_group_finish (AmEc2Client   *self,
                                                        GAsyncResult  *result,
                                                        char         **group_id,
                                                        gboolean      *dry_run_ok,
                                                        GError       **error);
/**
 * am_ec2_client_authorize_ingress_async:
 * AuthorizeSecurityGroupIngress of one rule: IpPermissions.1.{IpProtocol,FromPort,ToPort,
 * IpRanges.1.CidrIp,IpRanges.1.Description}; @description nullable.
 */
void        am_ec2_client_authorize_ingress_async  (AmEc2Client   *self,
                                                    const char    *group_id,
                                                    const char    *protocol,
                                                    int            from_port,
                                                    int            to_port,
                                                    const char    *cidr,
                                                    const char    *description,
                                                    gboolean       dry_run,
                                                    GCancellable  *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer       user_data);
gboolean    am_ec2_client_authorize_ingress_finish (AmEc2Client  *self,
                                                    GAsyncResult *result,
                                                    gboolean     *dry_run_ok,
                                                    GError      **error);

/** DescribeAvailabilityZones; @all_zones includes zones not opted in. */
void        am_ec2_client_describe_availability_zones_async  (AmEc2Client        *self,
                                                              const char * const *zone_names,
                                                              gboolean            all_zones,
                                                              GPtrArray          *filters,
                                                              GCancellable       *cancellable,
                                                              GAsyncReadyCallback callback,
                                                              gpointer            user_data);
/** Returns: (transfer full) (element-type AmAvailabilityZone) */
GPtrArray  *am_ec2_client_describe_availability_zones_finish (AmEc2Client  *self,
                                                              GAsyncResult *result,
                                                              GError      **error);
/** DescribeRegions; @all_regions includes regions not enabled for the account. */
void        am_ec2_client_describe_regions_async  (AmEc2Client        *self,
                                                   gboolean            all_regions,
                                                   GPtrArray          *filters,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
/** Returns: (transfer full) (element-type AmRegion) */
GPtrArray  *am_ec2_client_describe_regions_finish (AmEc2Client  *self,
                                                   GAsyncResult *result,
                                                   GError      **error);

/**
 * am_ec2_client_create_launch_template_async:
 * CreateLaunchTemplate whose LaunchTemplateData holds @data's image, type, key, groups,
 * zone, subnet (as NetworkInterface.1), block devices, tags, user data, profile, shutdown
 * behaviour, termination protection and IMDSv2; @data's client token is generated if missing
 * and sent as the template's ClientToken.
 */
void        am_ec2_client_create_launch_template_async  (AmEc2Client           *self,
                                                         const char            *name,
                                                         const char            *version_description,
                                                         AmRunInstancesRequest *data,
                                                         gboolean               dry_run,
                                                         GCancellable          *cancellable,
                                                         GAsyncReadyCallback    callback,
                                                         gpointer               user_data);
/** @launch_template: (out) (optional) (transfer full) */
gboolean    am_ec2_client_create_launch_template_finish (AmEc2Client       *self,
                                                         GAsyncResult      *result,
                                                         AmLaunchTemplate **launch_template,
                                                         gboolean          *dry_run_ok,
                                                         GError           **error);

/** DescribeSnapshots, all pages; @owner_ids e.g. { "self", NULL }; all lists nullable. */
void        am_ec2_client_describe_snapshots_async  (AmEc2Client        *self,
                                                     const char * const *snapshot_ids,
                                                     const char * const *owner_ids,
                                                     GPtrArray          *filters,
                                                     GCancellable       *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
/** Returns: (transfer full) (element-type AmSnapshot) */
GPtrArray  *am_ec2_client_describe_snapshots_finish (AmEc2Client  *self,
                                                     GAsyncResult *result,
                                                     GError      **error);

/* --- image lifecycle ------------------------------------------------------------------- */

/** DescribeImageReferences with IncludeAllResourceTypes, all pages: the caller's instances,
 * launch templates, SSM parameters, … that use @image_ids (at most 10). */
void        am_ec2_client_describe_image_references_async  (AmEc2Client        *self,
                                                            const char * const *image_ids,
                                                            GCancellable       *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer            user_data);
/** Returns: (transfer full) (element-type AmImageReference) */
GPtrArray  *am_ec2_client_describe_image_references_finish (AmEc2Client  *self,
                                                            GAsyncResult *result,
                                                            GError      **error);
/** DescribeInstanceImageMetadata, all pages; @instance_ids nullable (every instance). */
void        am_ec2_client_describe_instance_image_metadata_async  (AmEc2Client        *self,
                                                                   const char * const *instance_ids,
                                                                   GCancellable       *cancellable,
                                                                   GAsyncReadyCallback callback,
                                                                   gpointer            user_data);
/** Returns: (transfer full) (element-type AmInstanceImageMetadata) */
GPtrArray  *am_ec2_client_describe_instance_image_metadata_finish (AmEc2Client  *self,
                                                                   GAsyncResult *result,
                                                                   GError      **error);
/** DisableImage (@disable) or EnableImage: a disabled image launches nothing, loses its launch
 * permissions, and is listed only with IncludeDisabled. */
void        am_ec2_client_set_image_disabled_async  (AmEc2Client   *self,
                                                     const char    *image_id,
                                                     gboolean       disable,
                                                     gboolean       dry_run,
                                                     GCancellable  *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer       user_data);
gboolean    am_ec2_client_set_image_disabled_finish (AmEc2Client  *self,
                                                     GAsyncResult *result,
                                                     gboolean     *dry_run_ok,
                                                     GError      **error);

/** CreateSnapshot of @volume_id (a volume of one of the account's instances). */
void        am_ec2_client_create_snapshot_async  (AmEc2Client   *self,
                                                  const char    *volume_id,
                                                  const char    *description,
                                                  gboolean       dry_run,
                                                  GCancellable  *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer       user_data);
/** @snapshot: (out) (optional) (transfer full): the new snapshot (pending) */
gboolean    am_ec2_client_create_snapshot_finish (AmEc2Client  *self,
                                                  GAsyncResult *result,
                                                  AmSnapshot  **snapshot,
                                                  gboolean     *dry_run_ok,
                                                  GError      **error);
/** DeleteSnapshot; EC2 refuses one that a registered image (or one in the Recycle Bin) uses
 * with InvalidSnapshot.InUse. */
void        am_ec2_client_delete_snapshot_async  (AmEc2Client   *self,
                                                  const char    *snapshot_id,
                                                  gboolean       dry_run,
                                                  GCancellable  *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer       user_data);
gboolean    am_ec2_client_delete_snapshot_finish (AmEc2Client  *self,
                                                  GAsyncResult *result,
                                                  gboolean     *dry_run_ok,
                                                  GError      **error);
/** ListSnapshotsInRecycleBin (all pages): the account's deleted snapshots that a retention rule
 * keeps, or those of @snapshot_ids among them. Returns (finish): (transfer full) (element-type
 * AmSnapshot): only id, description, volume and the Recycle Bin times are filled. */
void        am_ec2_client_list_snapshots_in_recycle_bin_async  (AmEc2Client         *self,
                                                                const char * const  *snapshot_ids,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
GPtrArray  *am_ec2_client_list_snapshots_in_recycle_bin_finish (AmEc2Client   *self,
                                                                GAsyncResult  *result,
                                                                GError       **error);
/** RestoreSnapshotFromRecycleBin: a deleted snapshot back, with its tags. */
void        am_ec2_client_restore_snapshot_async  (AmEc2Client   *self,
                                                   const char    *snapshot_id,
                                                   gboolean       dry_run,
                                                   GCancellable  *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer       user_data);
gboolean    am_ec2_client_restore_snapshot_finish (AmEc2Client  *self,
                                                   GAsyncResult *result,
                                                   gboolean     *dry_run_ok,
                                                   GError      **error);
/** RestoreImageFromRecycleBin: a deregistered image back, with its snapshots. */
void        am_ec2_client_restore_image_async    (AmEc2Client   *self,
                                                  const char    *image_id,
                                                  gboolean       dry_run,
                                                  GCancellable  *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer       user_data);
gboolean    am_ec2_client_restore_image_finish   (AmEc2Client  *self,
                                                  GAsyncResult *result,
                                                  gboolean     *dry_run_ok,
                                                  GError      **error);

/**
 * am_ec2_client_list_images_in_recycle_bin_async:
 * ListImagesInRecycleBin (all pages): the account's deregistered images that a retention rule
 * keeps, or those of @image_ids (at most 20) among them.
 */
void        am_ec2_client_list_images_in_recycle_bin_async  (AmEc2Client         *self,
                                                             const char * const  *image_ids,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
/**
 * Returns: (transfer full) (element-type AmImage): the images in the Recycle Bin; only their
 *   id, name and description are filled
 */
GPtrArray  *am_ec2_client_list_images_in_recycle_bin_finish (AmEc2Client   *self,
                                                             GAsyncResult  *result,
                                                             GError       **error);

/* --- SSM public parameters ------------------------------------------------------------- */

/**
 * am_ec2_client_get_latest_image_id_async:
 * Resolves a public SSM parameter such as
 * "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64" to its image id.
 */
void        am_ec2_client_get_latest_image_id_async  (AmEc2Client   *self,
                                                      const char    *parameter_name,
                                                      GCancellable  *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer       user_data);
/** Returns: (transfer full): the image id, or %NULL with @error */
char       *am_ec2_client_get_latest_image_id_finish (AmEc2Client  *self,
                                                      GAsyncResult *result,
                                                      GError      **error);
/** Every parameter under @path (e.g. "/aws/service/ami-windows-latest"), recursively. */
void        am_ec2_client_list_latest_images_async   (AmEc2Client   *self,
                                                      const char    *path,
                                                      GCancellable  *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer       user_data);
/** Returns: (transfer full) (element-type AmSsmParameter): name → image id pairs */
GPtrArray  *am_ec2_client_list_latest_images_finish  (AmEc2Client  *self,
                                                      GAsyncResult *result,
                                                      GError      **error);

G_END_DECLS
