/* am-sandbox-private.h: what the sandbox's request handlers share (call context, parameters, XML)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "am-sandbox-match.h"
#include "am-sandbox-state.h"

G_BEGIN_DECLS

#define AM_SB_EC2_NAMESPACE "http://ec2.amazonaws.com/doc/2016-11-15/"
#define AM_SB_AUTOSCALING_NAMESPACE "http://autoscaling.amazonaws.com/doc/2011-01-01/"

/* One request being handled. Handlers fill either body (success) or the error fields. */
typedef struct
{
  AmSbState         *state;
  const AmSbAccount *account;
  const char        *region;
  const char        *action;
  char              *request_id;
  GHashTable        *params;       /* decoded Query parameters */
  gint64             now_ms;
  gboolean           fast_keys;    /* fuzzing: no RSA key generation */
  /* result */
  gboolean           mutated;      /* the state changed: save before answering */
  guint              status;
  char              *error_code;
  char              *error_message;
  GString           *body;         /* EC2: the XML inside <ActionResponse> */
} AmSbCall;

typedef gboolean (*AmSbOperation) (AmSbCall *call);

/* Operations: each operation file lists the EC2 actions it implements in one table (ended by an
 * entry without a name), with the parameter names each accepts: one pattern each, segments
 * separated by dots, where N stands for a list index (1, 2, …) and a final * for any further
 * segments. These are the EC2 API's names, including those the sandbox accepts but ignores (as EC2
 * would accept them); anything else is UnknownParameter, as on EC2. */
typedef struct
{
  const char        *name;
  AmSbOperation      op;
  const char *const *params;   /* NULL-terminated patterns */
} AmSbAction;

#define AM_SB_FILTERS "Filter.N.Name", "Filter.N.Value.N"
#define AM_SB_PAGES "MaxResults", "NextToken"
#define AM_SB_TAG_SPECS "TagSpecification.N.ResourceType", "TagSpecification.N.Tag.N.Key", \
                        "TagSpecification.N.Tag.N.Value"
#define AM_SB_BLOCK_DEVICES \
  "BlockDeviceMapping.N.DeviceName", "BlockDeviceMapping.N.VirtualName", "BlockDeviceMapping.N.NoDevice", \
  "BlockDeviceMapping.N.Ebs.SnapshotId", "BlockDeviceMapping.N.Ebs.VolumeSize", \
  "BlockDeviceMapping.N.Ebs.VolumeType", "BlockDeviceMapping.N.Ebs.Iops", "BlockDeviceMapping.N.Ebs.Throughput", \
  "BlockDeviceMapping.N.Ebs.DeleteOnTermination", "BlockDeviceMapping.N.Ebs.Encrypted", \
  "BlockDeviceMapping.N.Ebs.KmsKeyId", "BlockDeviceMapping.N.Ebs.OutpostArn"

/* Errors: set the error and return FALSE so handlers can `return _am_sb_fail (...)`. */
gboolean     _am_sb_fail             (AmSbCall    *call,
                                      guint        status,
                                      const char  *code,
                                      const char  *format,
                                      ...) G_GNUC_PRINTF (4, 5);
/* The state changed: answers <return>true</return> and returns TRUE (`return _am_sb_changed (call)`). */
gboolean     _am_sb_changed          (AmSbCall    *call);
/* DryRun=true: fails with DryRunOperation and returns TRUE (stop here). */
gboolean     _am_sb_dry_run          (AmSbCall    *call);

/* Parameters */
const char  *_am_sb_param            (AmSbCall    *call,
                                      const char  *name);
gboolean     _am_sb_require          (AmSbCall    *call,
                                      const char  *name,
                                      const char **out);
GPtrArray   *_am_sb_param_list       (AmSbCall    *call,
                                      const char  *prefix);
GArray      *_am_sb_param_indices    (AmSbCall    *call,
                                      const char  *prefix);
gboolean     _am_sb_param_bool       (AmSbCall    *call,
                                      const char  *name,
                                      gboolean     fallback,
                                      gboolean    *out);
gboolean     _am_sb_param_int        (AmSbCall    *call,
                                      const char  *name,
                                      gint64       min,
                                      gint64       max,
                                      gint64       fallback,
                                      gint64      *out);
/* Filter.N.Name / Filter.N.Value.M; fails on a filter without a name. */
gboolean     _am_sb_parse_filters    (AmSbCall    *call,
                                      GPtrArray  **out);
/* TagSpecification.N.{ResourceType,Tag.M.Key,Tag.M.Value} for @resource_type. */
GPtrArray   *_am_sb_tag_specs        (AmSbCall    *call,
                                      const char  *resource_type);
/* MaxResults / NextToken over an index-ordered list: start offset and page size. */
gboolean     _am_sb_paginate         (AmSbCall    *call,
                                      gint64       min,
                                      gint64       max,
                                      guint       *offset,
                                      guint       *limit);
void         _am_sb_next_token       (AmSbCall    *call,
                                      guint        offset);
/* A fingerprint of every parameter except ClientToken, DryRun and the X-Amz-* signature
 * parameters of presigned requests (idempotency). */
char        *_am_sb_params_fingerprint (AmSbCall  *call);

/* Strict application/x-www-form-urlencoded decoding into @params: fails (with a message) on a
 * '%' that is not followed by two hex digits and on NUL bytes. */
gboolean     _am_sb_decode_form      (GHashTable  *params,
                                      const char  *encoded,
                                      gsize        length,
                                      char       **message);
/* Fails with UnknownParameter on a parameter name that @action does not accept. */
gboolean     _am_sb_check_param_names (AmSbCall         *call,
                                       const AmSbAction *action);
/* @name against a pattern such as "Filter.N.Value.N" or "Placement.*". */
gboolean     _am_sb_param_name_matches (const char *name,
                                        const char *pattern);

/* XML */
void         _am_sb_xml_escaped      (GString     *s,
                                      const char  *text);
void         _am_sb_xml_text         (GString     *s,
                                      const char  *element,
                                      const char  *text);
void         _am_sb_xml_bool         (GString     *s,
                                      const char  *element,
                                      gboolean     value);
void         _am_sb_xml_int          (GString     *s,
                                      const char  *element,
                                      gint64       value);
void         _am_sb_xml_time         (GString     *s,
                                      const char  *element,
                                      gint64       ms);
void         _am_sb_xml_tags         (GString     *s,
                                      GPtrArray   *tags);
/* The deregistrationProtection value of DescribeImages and DescribeImageAttribute. */
const char  *_am_sb_protection_state (const AmSbImage *image,
                                      gint64       now_ms);
/* <productCodes> with an item per product code of @image (none: empty). */
void         _am_sb_xml_product_codes (GString    *s,
                                       const AmSbImage *image);
void         _am_sb_xml_image        (AmSbCall    *call,
                                      GString     *s,
                                      const AmSbImage *image);

/* BlockDeviceMapping.N of RunInstances and CreateImage. */
typedef struct
{
  const char *device;
  gint64      size;                   /* 0: as it is */
  const char *type;                   /* NULL: as it is */
  int         delete_on_termination;  /* -1: as it is */
  gboolean    no_device;
} AmSbVolumeOverride;

gboolean            _am_sb_parse_volume_overrides (AmSbCall   *call,
                                                   GArray     *out);
AmSbVolumeOverride *_am_sb_find_volume_override   (GArray     *overrides,
                                                   const char *device);

/* Operations */
extern const AmSbAction _am_sb_image_actions[];            /* am-sandbox-images.c */
extern const AmSbAction _am_sb_image_attribute_actions[];  /* am-sandbox-image-attributes.c */
extern const AmSbAction _am_sb_tag_actions[];              /* am-sandbox-tags.c */
extern const AmSbAction _am_sb_instance_actions[];         /* am-sandbox-instances.c */
extern const AmSbAction _am_sb_key_pair_actions[];         /* am-sandbox-key-pairs.c */
extern const AmSbAction _am_sb_network_actions[];          /* am-sandbox-network.c */
extern const AmSbAction _am_sb_snapshot_actions[];         /* am-sandbox-snapshots.c */
extern const AmSbAction _am_sb_snapshot_attribute_actions[]; /* am-sandbox-snapshot-attributes.c */
extern const AmSbAction _am_sb_launch_template_actions[];  /* am-sandbox-launch-templates.c */
extern const AmSbAction _am_sb_governance_actions[];       /* am-sandbox-governance.c */
extern const AmSbAction _am_sb_lifecycle_actions[];        /* am-sandbox-lifecycle.c */

/* The EC2 action called @name from all the tables above, or NULL (am-sandbox-params.c). */
const AmSbAction *_am_sb_ec2_action (const char *name);
gboolean     _am_sb_ssm_handle       (AmSbCall    *call,
                                      const char  *target,
                                      const char  *body,
                                      gsize        length,
                                      GString     *out);
gboolean     _am_sb_sts_handle       (AmSbCall    *call);
/* Auto Scaling Query API 2011-01-01; launches through RunInstances. */
gboolean     _am_sb_autoscaling_handle (AmSbCall  *call);

/* Governance (am-sandbox-governance.c): the imageAllowed element; whether Allowed AMIs in `enabled` hides @image from the caller; a launch
 * refused for a not-allowed image; making an image public refused by Block Public Access. */
void               _am_sb_xml_image_allowed        (AmSbCall        *call,
                                                    GString         *s,
                                                    const AmSbImage *image);
gboolean           _am_sb_image_hidden_by_settings (AmSbCall        *call,
                                                    const AmSbImage *image);
gboolean           _am_sb_check_image_allowed      (AmSbCall        *call,
                                                    const AmSbImage *image);
gboolean           _am_sb_check_public_sharing     (AmSbCall        *call,
                                                    const AmSbImage *image,
                                                    GPtrArray       *adding);

/* Shared between the operation files */
gboolean     _am_sb_check_image_id   (AmSbCall    *call,
                                      const char  *image_id);
AmSbImage   *_am_sb_visible_image    (AmSbCall    *call,
                                      const char  *image_id);
AmSbImage   *_am_sb_owned_image      (AmSbCall    *call,
                                      const char  *image_id);
/* The caller's own image named by the ImageId parameter, to change; NULL when the call failed
 * (no such parameter, not found, not the caller's) or is a dry run. */
AmSbImage   *_am_sb_image_to_change  (AmSbCall    *call);
gboolean     _am_sb_image_visible    (AmSbCall    *call,
                                      const AmSbImage *image);
AmSbImage   *_am_sb_resolve_ssm      (AmSbCall    *call,
                                      const char  *parameter);
gboolean     _am_sb_save_client_token (AmSbCall   *call,
                                       const char *token,
                                       const char *result);
/* Returns TRUE when @token was seen: *result is the earlier result, or the call failed with
 * IdempotentParameterMismatch (then *result is NULL). */
gboolean     _am_sb_lookup_client_token (AmSbCall    *call,
                                         const char  *token,
                                         const char **result);
/* How many of @quota's resources the caller's account has in the call's region (instances:
 * those not terminated). */
guint        _am_sb_quota_used       (AmSbCall    *call,
                                      AmSbQuota    quota);
/* Fails with EC2's error code (AMIQuotaExceeded, SnapshotLimitExceeded, KeyPairLimitExceeded,
 * SecurityGroupLimitExceeded, ResourceLimitExceeded, InstanceLimitExceeded) when @adding more
 * would pass the quota. */
gboolean     _am_sb_check_quota      (AmSbCall    *call,
                                      AmSbQuota    quota,
                                      guint        adding);
AmSbSnapshot *_am_sb_new_snapshot    (AmSbCall    *call,
                                      const char  *volume_id,
                                      gint         size,
                                      const char  *description,
                                      gboolean     encrypted);
/* Every account's tags of @resource_id (the resource is gone). */
void         _am_sb_delete_all_tags  (AmSbCall    *call,
                                      const char  *resource_id);
/* Not terminated, or terminated less than an hour ago (as DescribeInstances lists them). */
gboolean     _am_sb_instance_visible (AmSbCall    *call,
                                      AmSbInstance *instance);
/* The caller's resources of @table (id, region, owner first in their struct) in the call's
 * region, sorted by id (stable paging). */
GPtrArray   *_am_sb_own_sorted       (AmSbCall    *call,
                                      GHashTable  *table);
gboolean     _am_sb_has_string       (GPtrArray   *strings,
                                      const char  *text);
/* Deletes @snapshot (of the caller): into the Recycle Bin when the account's EBS_SNAPSHOT
 * retention rule covers it (tags kept), for good otherwise (tags too). */
void         _am_sb_delete_snapshot  (AmSbCall    *call,
                                      AmSbSnapshot *snapshot);
/* Permission changes (am-sandbox-image-attributes.c): @list.Add.N.FIELD / @list.Remove.N.FIELD
 * for each of @fields, and the older form, OperationType with FLAT.N for each of @flat; every
 * value goes through @collect (which checks it and adds it to @add or @remove, or fails). */
typedef struct
{
  const char   *name;
  AmSbPermKind  kind;
} AmSbPermName;
typedef gboolean (*AmSbPermCollect) (AmSbCall     *call,
                                     GPtrArray    *out,
                                     AmSbPermKind  kind,
                                     const char   *value);
gboolean     _am_sb_collect_permission_changes (AmSbCall           *call,
                                                const char         *list,
                                                const AmSbPermName *fields,
                                                guint               n_fields,
                                                const AmSbPermName *flat,
                                                guint               n_flat,
                                                AmSbPermCollect     collect,
                                                GPtrArray          *add,
                                                GPtrArray          *remove);

/* Create-volume permissions (am-sandbox-snapshot-attributes.c): public (group all); shared with
 * @account_id by name; in the call's region and owned by, shared with or public to the caller. */
gboolean     _am_sb_snapshot_public      (const AmSbSnapshot *snapshot);
gboolean     _am_sb_snapshot_shared_with (const AmSbSnapshot *snapshot,
                                          const char         *account_id);
gboolean     _am_sb_snapshot_accessible  (AmSbCall           *call,
                                          const AmSbSnapshot *snapshot);
/* A DescribeSnapshots item's fields (CreateSnapshot answers with them too). */
void         _am_sb_xml_snapshot_fields (AmSbCall  *call,
                                         const AmSbSnapshot *snapshot);

/* Lifecycle (am-sandbox-lifecycle.c): references, instance image metadata, Disable/EnableImage,
 * the Recycle Bin, CreateSnapshot, DeleteSnapshot, DescribeLaunchTemplateVersions. */
/* DeregisterImage: moves @image (stored, owned) into the Recycle Bin when the account's
 * retention rule covers it; FALSE when there is no rule (the caller deletes it). */
gboolean     _am_sb_recycle_image    (AmSbCall    *call,
                                      AmSbImage   *image);
/* The image of @images (but @except) whose block devices use @snapshot_id, or NULL. */
AmSbImage   *_am_sb_image_using_snapshot (GHashTable      *images,
                                          const char      *snapshot_id,
                                          const AmSbImage *except);

/* Tags (am-sandbox-tags.c): fails on a key or value EC2 refuses, or more tags than a resource may
 * have, in @pairs (key, value, key, value, …). */
gboolean     _am_sb_check_tag_pairs  (AmSbCall    *call,
                                      GPtrArray   *pairs);

/* What the Describe* operations share (am-sandbox-describe.c). */
/* In the caller's account and region. */
gboolean     _am_sb_is_mine          (AmSbCall    *call,
                                      const char  *region,
                                      const char  *owner_id);
/* The caller's tags of @resource_id. */
GPtrArray   *_am_sb_tags_of          (AmSbCall    *call,
                                      const char  *resource_id);
/* Key, value, key, value, … of @pairs as the caller's tags of @resource_id. */
void         _am_sb_apply_tag_pairs  (AmSbCall    *call,
                                      const char  *resource_id,
                                      GPtrArray   *pairs);
/* All resources of @table in the caller's account and region, sorted by id (every resource
 * struct starts with its id, region and owner). */
GPtrArray   *_am_sb_my_resources     (AmSbCall    *call,
                                      GHashTable  *table);
/* Fails with InvalidParameterValue on a filter that is not a tag filter nor in @known. */
gboolean     _am_sb_check_filter_names (AmSbCall          *call,
                                        GPtrArray         *filters,
                                        const char *const *known);
/* A resource's field @name as text (in *owned when made for the occasion), NULL: none. */
typedef const char *(*AmSbFieldGetter) (AmSbCall   *call,
                                        gpointer    resource,
                                        const char *name,
                                        char      **owned);
/* Tag filters via the caller's tags; everything else through @get. */
gboolean     _am_sb_resource_matches (AmSbCall        *call,
                                      gpointer         resource,
                                      const char      *resource_id,
                                      GPtrArray       *filters,
                                      AmSbFieldGetter  get);
const char  *_am_sb_bool_text        (gboolean     value);
/* Emits items [offset, offset+limit) of @items with @emit, then a nextToken when more remain. */
void         _am_sb_emit_page        (AmSbCall    *call,
                                      GPtrArray   *items,
                                      guint        offset,
                                      guint        limit,
                                      const char  *set_name,
                                      void       (*emit) (AmSbCall *call, gpointer item));
/* A Describe* of the caller's resources of @table: ids in @id_param.N (unknown ones fail with
 * @not_found_code), filters among @known, pages, the items in <@set_name> by @emit. */
gboolean     _am_sb_describe_simple  (AmSbCall          *call,
                                      GHashTable        *table,
                                      const char        *id_param,
                                      const char        *not_found_code,
                                      const char *const *known,
                                      AmSbFieldGetter    get,
                                      const char        *set_name,
                                      void             (*emit) (AmSbCall *call, gpointer item));

/* Network (am-sandbox-network.c): the caller's default subnet in @zone (NULL: the first zone's);
 * a security group of the caller by id or name (in @vpc_id when given). */
/* An instance launched from @image: its image id, what it takes from the image (architecture,
 * platform, root device, boot mode) and an empty list of volumes. */
void               _am_sb_instance_set_image (AmSbInstance    *in,
                                              const AmSbImage *image);
AmSbSubnet        *_am_sb_default_subnet (AmSbCall   *call,
                                          const char *zone);
AmSbSecurityGroup *_am_sb_find_group     (AmSbCall   *call,
                                          const char *vpc_id,
                                          const char *group_id,
                                          const char *group_name);
/* The caller's launch template by id or name (am-sandbox-launch-templates.c), or NULL. */
AmSbLaunchTemplate *_am_sb_find_template (AmSbCall   *call,
                                          const char *id,
                                          const char *name);

gboolean     _am_sb_generate_key_pair (const char  *key_type,
                                       gboolean     fast,
                                       char       **private_pem,
                                       char       **public_openssh,
                                       char       **fingerprint,
                                       GError     **error);

G_END_DECLS
