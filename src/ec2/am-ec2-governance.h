/* am-ec2-governance.h: Block Public Access, Allowed AMIs, ancestry, usage reports and CancelImageLaunchPermission
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-ec2-client.h"

G_BEGIN_DECLS

/* One criterion of the Allowed AMIs settings: an image is allowed when it matches every field
 * that is set (NULL lists and -1 days are not set). */
typedef struct
{
  char **providers;            /* amazon, aws-marketplace, aws-backup-vault, none, account IDs */
  char **names;                /* with * and ? */
  char **product_codes;        /* Marketplace product codes */
  gint   max_days_created;     /* -1: no condition */
  gint   max_days_deprecated;  /* -1: no condition */
} AmImageCriterion;

AmImageCriterion *am_image_criterion_new  (void);
void              am_image_criterion_free (AmImageCriterion *criterion);

typedef struct
{
  char      *state;      /* disabled, enabled, audit-mode */
  GPtrArray *criteria;   /* AmImageCriterion */
} AmAllowedImagesSettings;

void am_allowed_images_settings_free (AmAllowedImagesSettings *settings);

/* One image of an ancestry chain, from the image asked about up to the root. */
typedef struct
{
  char      *image_id;
  char      *owner_alias;          /* nullable */
  char      *source_image_id;      /* nullable: the root */
  char      *source_image_region;  /* nullable */
  GDateTime *creation_date;        /* nullable */
} AmImageAncestor;

void am_image_ancestor_free (AmImageAncestor *ancestor);

/* One line of an image usage report: how many resources of a type one account has using it. */
typedef struct
{
  char   *resource_type;   /* ec2:Instance, ec2:LaunchTemplate */
  char   *account_id;
  gint64  usage_count;
} AmImageUsageEntry;

void am_image_usage_entry_free (AmImageUsageEntry *entry);

/* Who besides its owner may create volumes from a snapshot (and so copy an image built on it). */
typedef struct
{
  char     **user_ids;    /* account IDs, never NULL */
  gboolean   is_public;   /* Group=all */
} AmSnapshotSharing;

void am_snapshot_sharing_free (AmSnapshotSharing *sharing);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmImageCriterion, am_image_criterion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmSnapshotSharing, am_snapshot_sharing_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmAllowedImagesSettings, am_allowed_images_settings_free)

/* Block Public Access for AMIs (per account and region). */
void     am_ec2_client_get_image_block_public_access_async  (AmEc2Client          *self,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
/* *blocked: new public sharing is refused (block-new-sharing). */
gboolean am_ec2_client_get_image_block_public_access_finish (AmEc2Client          *self,
                                                             GAsyncResult         *result,
                                                             gboolean             *blocked,
                                                             GError              **error);
void     am_ec2_client_set_image_block_public_access_async  (AmEc2Client          *self,
                                                             gboolean              block,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean am_ec2_client_set_image_block_public_access_finish (AmEc2Client          *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);

/* Allowed AMIs */
void     am_ec2_client_get_allowed_images_settings_async    (AmEc2Client          *self,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
AmAllowedImagesSettings *
         am_ec2_client_get_allowed_images_settings_finish   (AmEc2Client          *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
/* @state: enabled, audit-mode or disabled. */
void     am_ec2_client_set_allowed_images_state_async       (AmEc2Client          *self,
                                                             const char           *state,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean am_ec2_client_set_allowed_images_state_finish      (AmEc2Client          *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
/* @criteria: AmImageCriterion, replacing all of them (an empty array allows only own images). */
void     am_ec2_client_replace_image_criteria_async         (AmEc2Client          *self,
                                                             GPtrArray            *criteria,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean am_ec2_client_replace_image_criteria_finish        (AmEc2Client          *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);

/* GetImageAncestry. Returns: (transfer full): AmImageAncestor, the image first, the root last. */
void     am_ec2_client_get_image_ancestry_async             (AmEc2Client          *self,
                                                             const char           *image_id,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
GPtrArray *
         am_ec2_client_get_image_ancestry_finish            (AmEc2Client          *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);

/* CancelImageLaunchPermission: removes an image shared with this account from it. */
void     am_ec2_client_cancel_image_launch_permission_async  (AmEc2Client         *self,
                                                              const char          *image_id,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
gboolean am_ec2_client_cancel_image_launch_permission_finish (AmEc2Client         *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);

/**
 * am_ec2_client_image_usage_async:
 * Who uses @image_id (owned): creates an image usage report over instances and launch
 * templates (with a client token, so a retry never makes two), waits until EC2 has filled it
 * (polling, at most @timeout_s seconds), reads its entries and deletes the report.
 * Returns: (transfer full): AmImageUsageEntry, sorted by resource type and account.
 */
void     am_ec2_client_image_usage_async                    (AmEc2Client          *self,
                                                             const char           *image_id,
                                                             guint                 timeout_s,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
GPtrArray *
         am_ec2_client_image_usage_finish                   (AmEc2Client          *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);

/* DescribeSnapshotAttribute createVolumePermission of an owned snapshot. */
void     am_ec2_client_get_snapshot_sharing_async           (AmEc2Client          *self,
                                                             const char           *snapshot_id,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
/* Returns: (transfer full) */
AmSnapshotSharing *
         am_ec2_client_get_snapshot_sharing_finish          (AmEc2Client          *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);
/* ModifySnapshotAttribute CreateVolumePermission.Add.N (@add) or .Remove.N: one per account of
 * @user_ids (nullable), Group=all when @group_all. A repeat changes nothing more. */
void     am_ec2_client_modify_snapshot_sharing_async        (AmEc2Client          *self,
                                                             const char           *snapshot_id,
                                                             gboolean              add,
                                                             const char * const   *user_ids,
                                                             gboolean              group_all,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
gboolean am_ec2_client_modify_snapshot_sharing_finish       (AmEc2Client          *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);

G_END_DECLS
