/* am-launch-request.h: everything a launch needs (the launch wizard's state), validated and serialised
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-image.h"
#include "am-instance-type.h"
#include "am-launch-template.h"
#include "am-query-client.h"
#include "am-subnet.h"
#include "am-vpc.h"

G_BEGIN_DECLS

/*
 * AmLaunchRequest holds the choices of one launch: the image, the type, the key pair, the
 * network (one or several subnets in different Availability Zones), the storage, the details
 * and the number of instances. It validates itself per wizard step with messages that name
 * the field, spreads the instances over the chosen subnets, and serialises to one RunInstances
 * request per subnet. Each subnet keeps one ClientToken for the life of the request, so a
 * retry (or a second click) re-sends the same token and EC2 never launches twice.
 *
 * Every change emits "changed"; scalar fields also notify their property.
 */

/* The fields validation speaks about, in the order a form asks for them. */
typedef enum
{
  AM_LAUNCH_FIELD_IMAGE,
  AM_LAUNCH_FIELD_INSTANCE_TYPE,
  AM_LAUNCH_FIELD_KEY_PAIR,
  AM_LAUNCH_FIELD_VPC,
  AM_LAUNCH_FIELD_SUBNETS,
  AM_LAUNCH_FIELD_SECURITY_GROUPS,
  AM_LAUNCH_FIELD_NEW_GROUP_NAME,
  AM_LAUNCH_FIELD_NEW_GROUP_SOURCE,
  AM_LAUNCH_FIELD_COUNT,
  AM_LAUNCH_FIELD_VOLUMES,
  AM_LAUNCH_FIELD_TAGS,
  AM_LAUNCH_FIELD_USER_DATA,
  AM_LAUNCH_FIELD_IAM_PROFILE,
  AM_LAUNCH_N_FIELDS,
} AmLaunchField;

typedef enum
{
  AM_LAUNCH_PUBLIC_IP_SUBNET_DEFAULT,
  AM_LAUNCH_PUBLIC_IP_ENABLE,
  AM_LAUNCH_PUBLIC_IP_DISABLE,
} AmLaunchPublicIp;

typedef enum
{
  AM_LAUNCH_SOURCE_ANYWHERE,
  AM_LAUNCH_SOURCE_MY_IP,
  AM_LAUNCH_SOURCE_CUSTOM,
} AmLaunchSource;

typedef enum
{
  AM_LAUNCH_RULE_SSH = 1 << 0,
  AM_LAUNCH_RULE_HTTP = 1 << 1,
  AM_LAUNCH_RULE_HTTPS = 1 << 2,
} AmLaunchRules;

#define AM_LAUNCH_USER_DATA_MAX 16384
#define AM_LAUNCH_MAX_TAGS 50

/*
 * AmLaunchVolume: one EBS volume (or instance store device) attached at launch. Volumes that
 * come from the image's block device mapping keep the snapshot and its size (the minimum);
 * added volumes have neither.
 */
typedef struct
{
  char     *device_name;
  char     *virtual_name;          /* instance store ("ephemeral0"): not editable */
  char     *snapshot_id;           /* from the image, or NULL */
  int       snapshot_size;         /* GiB, the minimum size; 0 for added volumes */
  gboolean  snapshot_encrypted;    /* the snapshot is encrypted: so is the volume */
  gboolean  from_image;
  int       size;                  /* GiB */
  char     *volume_type;           /* gp2, gp3, io1, io2, st1, sc1, standard */
  int       iops;                  /* 0: the type's default */
  int       throughput;            /* MiB/s, gp3 only; 0: default */
  gboolean  encrypted;
  gboolean  delete_on_termination;
} AmLaunchVolume;

#define AM_TYPE_LAUNCH_VOLUME (am_launch_volume_get_type ())
GType           am_launch_volume_get_type  (void) G_GNUC_CONST;
/** am_launch_volume_new: a new gp3 volume of @size GiB at @device_name, deleted on termination */
AmLaunchVolume *am_launch_volume_new       (const char           *device_name,
                                            int                   size);
AmLaunchVolume *am_launch_volume_copy      (const AmLaunchVolume *volume);
void            am_launch_volume_free      (AmLaunchVolume       *volume);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmLaunchVolume, am_launch_volume_free)

/** am_launch_volume_type_has_iops: whether @volume_type takes provisioned IOPS (gp3, io1, io2) */
gboolean        am_launch_volume_type_has_iops       (const char *volume_type);
/** am_launch_volume_type_has_throughput: whether @volume_type takes a throughput (gp3) */
gboolean        am_launch_volume_type_has_throughput (const char *volume_type);

/* AmLaunchTag: a tag put on the new instances, their volumes, or both. */
typedef struct
{
  char     *key;
  char     *value;
  gboolean  instances;
  gboolean  volumes;
} AmLaunchTag;

/* AmLaunchPlacement: how many instances go into one subnet (see am_launch_request_plan). */
typedef struct
{
  AmSubnet *subnet;     /* borrowed from the request */
  guint     count;
} AmLaunchPlacement;

#define AM_TYPE_LAUNCH_REQUEST (am_launch_request_get_type ())

G_DECLARE_FINAL_TYPE (AmLaunchRequest, am_launch_request, AM, LAUNCH_REQUEST, GObject)

AmLaunchRequest  *am_launch_request_new                    (void);

/* Image: setting one replaces the volumes with the image's block device mapping. */
void              am_launch_request_set_image              (AmLaunchRequest   *self,
                                                            AmImage           *image);
/** Returns: (transfer none) (nullable) */
AmImage          *am_launch_request_get_image              (AmLaunchRequest   *self);

void              am_launch_request_set_instance_type      (AmLaunchRequest   *self,
                                                            AmInstanceType    *instance_type);
/** Returns: (transfer none) (nullable) */
AmInstanceType   *am_launch_request_get_instance_type      (AmLaunchRequest   *self);
/**
 * am_launch_instance_type_fits:
 * Returns: %TRUE when @instance_type can run @image (architecture, virtualization, boot mode,
 *   root device, ENA); otherwise %FALSE with an AM_EC2_ERROR_INVALID_INPUT error saying why
 */
gboolean          am_launch_instance_type_fits             (AmImage           *image,
                                                            AmInstanceType    *instance_type,
                                                            GError           **error);

/* Why an instance type cannot run an image: the first check it fails, in this order. */
typedef enum
{
  AM_LAUNCH_MISFIT_NONE,
  AM_LAUNCH_MISFIT_ARCHITECTURE,
  AM_LAUNCH_MISFIT_VIRTUALIZATION,
  AM_LAUNCH_MISFIT_BOOT_MODE,
  AM_LAUNCH_MISFIT_ROOT_DEVICE,
  AM_LAUNCH_MISFIT_ENA,
  AM_LAUNCH_N_MISFITS
} AmLaunchMisfit;

/**
 * am_launch_instance_type_misfit:
 * Like am_launch_instance_type_fits(), but says which requirement @instance_type misses
 *   (%AM_LAUNCH_MISFIT_NONE when it fits); @error as there
 */
AmLaunchMisfit    am_launch_instance_type_misfit           (AmImage           *image,
                                                            AmInstanceType    *instance_type,
                                                            GError           **error);

/* Key pair: a name, or none once the user has acknowledged that they cannot log in. */
void              am_launch_request_set_key_name           (AmLaunchRequest   *self,
                                                            const char        *key_name);
const char       *am_launch_request_get_key_name           (AmLaunchRequest   *self);
void              am_launch_request_set_no_key_acknowledged (AmLaunchRequest  *self,
                                                             gboolean          acknowledged);
gboolean          am_launch_request_get_no_key_acknowledged (AmLaunchRequest  *self);

/* Network. Setting the VPC drops subnets and groups of another VPC. */
void              am_launch_request_set_vpc                (AmLaunchRequest   *self,
                                                            AmVpc             *vpc);
/** Returns: (transfer none) (nullable) */
AmVpc            *am_launch_request_get_vpc                (AmLaunchRequest   *self);
void              am_launch_request_add_subnet             (AmLaunchRequest   *self,
                                                            AmSubnet          *subnet);
void              am_launch_request_remove_subnet          (AmLaunchRequest   *self,
                                                            const char        *subnet_id);
gboolean          am_launch_request_has_subnet             (AmLaunchRequest   *self,
                                                            const char        *subnet_id);
/** Returns: (transfer none) (element-type AmSubnet): the chosen subnets, in the order chosen */
GPtrArray        *am_launch_request_get_subnets            (AmLaunchRequest   *self);
void              am_launch_request_set_public_ip          (AmLaunchRequest   *self,
                                                            AmLaunchPublicIp   public_ip);
AmLaunchPublicIp  am_launch_request_get_public_ip          (AmLaunchRequest   *self);

/* Security groups: existing ones by id, and/or one new group created at launch. */
void              am_launch_request_add_security_group     (AmLaunchRequest   *self,
                                                            const char        *group_id);
void              am_launch_request_remove_security_group  (AmLaunchRequest   *self,
                                                            const char        *group_id);
gboolean          am_launch_request_has_security_group     (AmLaunchRequest   *self,
                                                            const char        *group_id);
/** Returns: (transfer none): the existing groups chosen (NULL-terminated) */
const char * const *am_launch_request_get_security_groups  (AmLaunchRequest   *self);
void              am_launch_request_set_create_group       (AmLaunchRequest   *self,
                                                            gboolean           create_group);
gboolean          am_launch_request_get_create_group       (AmLaunchRequest   *self);
void              am_launch_request_set_new_group_name     (AmLaunchRequest   *self,
                                                            const char        *name);
const char       *am_launch_request_get_new_group_name     (AmLaunchRequest   *self);
void              am_launch_request_set_new_group_rules    (AmLaunchRequest   *self,
                                                            AmLaunchRules      rules);
AmLaunchRules     am_launch_request_get_new_group_rules    (AmLaunchRequest   *self);
void              am_launch_request_set_new_group_source   (AmLaunchRequest   *self,
                                                            AmLaunchSource     source);
AmLaunchSource    am_launch_request_get_new_group_source   (AmLaunchRequest   *self);
/** am_launch_request_set_custom_cidr: the source for AM_LAUNCH_SOURCE_CUSTOM, e.g. "203.0.113.0/24" */
void              am_launch_request_set_custom_cidr        (AmLaunchRequest   *self,
                                                            const char        *cidr);
const char       *am_launch_request_get_custom_cidr        (AmLaunchRequest   *self);
/** am_launch_request_set_my_ip: the user's public address, for AM_LAUNCH_SOURCE_MY_IP */
void              am_launch_request_set_my_ip              (AmLaunchRequest   *self,
                                                            const char        *address);
const char       *am_launch_request_get_my_ip              (AmLaunchRequest   *self);
/** Returns: (transfer full) (nullable): the new group's source as a CIDR, or %NULL when unknown/invalid */
char             *am_launch_request_dup_new_group_cidr     (AmLaunchRequest   *self);
/**
 * am_launch_request_set_created_group_id:
 * Remembers the group made for this request, so a retry does not create it again; it is then
 * used like an existing group.
 */
void              am_launch_request_set_created_group_id   (AmLaunchRequest   *self,
                                                            const char        *group_id);
const char       *am_launch_request_get_created_group_id   (AmLaunchRequest   *self);
/**
 * am_launch_check_cidr:
 * Returns: %TRUE when @cidr is an IPv4 or IPv6 CIDR block without host bits set; otherwise
 *   %FALSE with an error that says what is wrong
 */
gboolean          am_launch_check_cidr                     (const char        *cidr,
                                                            GError           **error);

void              am_launch_request_set_count              (AmLaunchRequest   *self,
                                                            guint              count);
guint             am_launch_request_get_count              (AmLaunchRequest   *self);

/* Storage */
guint             am_launch_request_get_n_volumes          (AmLaunchRequest   *self);
/** Returns: (transfer none): the volume at @index */
const AmLaunchVolume *am_launch_request_get_volume         (AmLaunchRequest   *self,
                                                            guint              index);
/** am_launch_request_replace_volume: stores a copy of @volume at @index */
void              am_launch_request_replace_volume         (AmLaunchRequest   *self,
                                                            guint              index,
                                                            const AmLaunchVolume *volume);
/** am_launch_request_add_volume: appends a new gp3 volume at the next free device name; Returns: its index */
guint             am_launch_request_add_volume             (AmLaunchRequest   *self,
                                                            int                size);
/** am_launch_request_remove_volume: removes an added volume (those from the image stay) */
void              am_launch_request_remove_volume          (AmLaunchRequest   *self,
                                                            guint              index);

/* Details */
/** am_launch_request_set_name: sets (or with "" / %NULL removes) the Name tag of instances and volumes */
void              am_launch_request_set_name               (AmLaunchRequest   *self,
                                                            const char        *name);
const char       *am_launch_request_get_name               (AmLaunchRequest   *self);
guint             am_launch_request_get_n_tags             (AmLaunchRequest   *self);
/** Returns: (transfer none) */
const AmLaunchTag *am_launch_request_get_tag               (AmLaunchRequest   *self,
                                                            guint              index);
/** am_launch_request_add_tag: Returns: the index of the new tag */
guint             am_launch_request_add_tag                (AmLaunchRequest   *self,
                                                            const char        *key,
                                                            const char        *value,
                                                            gboolean           instances,
                                                            gboolean           volumes);
void              am_launch_request_replace_tag            (AmLaunchRequest   *self,
                                                            guint              index,
                                                            const char        *key,
                                                            const char        *value,
                                                            gboolean           instances,
                                                            gboolean           volumes);
void              am_launch_request_remove_tag             (AmLaunchRequest   *self,
                                                            guint              index);
/** am_launch_request_set_user_data: the raw user data (a script, cloud-config…), or %NULL */
void              am_launch_request_set_user_data          (AmLaunchRequest   *self,
                                                            GBytes            *user_data);
void              am_launch_request_set_user_data_text     (AmLaunchRequest   *self,
                                                            const char        *text);
/** Returns: (transfer none) (nullable) */
GBytes           *am_launch_request_get_user_data          (AmLaunchRequest   *self);
/** am_launch_request_set_iam_profile: an instance profile name or ARN, or %NULL */
void              am_launch_request_set_iam_profile        (AmLaunchRequest   *self,
                                                            const char        *profile);
const char       *am_launch_request_get_iam_profile        (AmLaunchRequest   *self);
/** am_launch_request_set_shutdown_terminates: %TRUE for "terminate", %FALSE for "stop" (default) */
void              am_launch_request_set_shutdown_terminates (AmLaunchRequest  *self,
                                                             gboolean          terminates);
gboolean          am_launch_request_get_shutdown_terminates (AmLaunchRequest  *self);
void              am_launch_request_set_termination_protection (AmLaunchRequest *self,
                                                                gboolean        protection);
gboolean          am_launch_request_get_termination_protection (AmLaunchRequest *self);
/** am_launch_request_set_imdsv2_required: default %TRUE */
void              am_launch_request_set_imdsv2_required    (AmLaunchRequest   *self,
                                                            gboolean           required);
gboolean          am_launch_request_get_imdsv2_required    (AmLaunchRequest   *self);

/* Validation */
/**
 * am_launch_request_validate_field:
 * Returns: %TRUE when @field is valid; otherwise %FALSE with an AM_EC2_ERROR_INVALID_INPUT
 *   error whose message names the field and says what to do
 */
gboolean          am_launch_request_validate_field         (AmLaunchRequest   *self,
                                                            AmLaunchField      field,
                                                            GError           **error);
/**
 * am_launch_request_validate:
 * Validates every field, in the order of #AmLaunchField.
 * Returns: %TRUE when they are all valid; otherwise %FALSE with the first invalid field's error
 */
gboolean          am_launch_request_validate               (AmLaunchRequest   *self,
                                                            GError           **error);
/**
 * am_launch_request_validate_full:
 * As am_launch_request_validate(), and tells which field failed.
 * @invalid_field: (out) (optional): the first invalid field
 */
gboolean          am_launch_request_validate_full          (AmLaunchRequest   *self,
                                                            AmLaunchField     *invalid_field,
                                                            GError           **error);
/**
 * am_launch_field_for_error:
 * Maps an error of a dry run or a launch (AM_AWS_ERROR with an AWS code) to the field that
 * can fix it, or %AM_LAUNCH_N_FIELDS when no field can.
 */
AmLaunchField     am_launch_field_for_error                (const GError      *error);

/* Plan and serialisation */
/**
 * am_launch_spread:
 * Spreads @count instances over @n_slots slots: an equal share each, the remainder one
 * more each to the first slots (6 over 3: 2 2 2; 7 over 3: 3 2 2).
 * @counts: (out caller-allocates) (array length=n_slots)
 */
void              am_launch_spread                         (guint              count,
                                                            guint              n_slots,
                                                            guint             *counts);
/**
 * am_launch_request_plan:
 * Returns: (transfer full) (element-type AmLaunchPlacement): the subnets that get at least
 *   one instance, in the order chosen, with their counts
 */
GArray           *am_launch_request_plan                   (AmLaunchRequest   *self);
/**
 * am_launch_request_get_client_token:
 * Returns: the ClientToken of @subnet_id, made on first use and kept for the request's life
 */
const char       *am_launch_request_get_client_token       (AmLaunchRequest   *self,
                                                            const char        *subnet_id);
/**
 * am_launch_request_to_run_instances:
 * The RunInstances request for one placement of the plan. A dry run carries no ClientToken
 * (it launches nothing); a real one carries the subnet's token. A new security group is
 * included once it has been created (am_launch_request_set_created_group_id).
 * Returns: (transfer full)
 */
AmQueryParams    *am_launch_request_to_run_instances       (AmLaunchRequest   *self,
                                                            const AmLaunchPlacement *placement,
                                                            gboolean           dry_run);
/**
 * am_launch_request_to_launch_template:
 * CreateLaunchTemplate for the request (no subnet when several are chosen: an Auto Scaling
 * group spreads over them). @client_token makes the call idempotent.
 * Returns: (transfer full)
 */
AmQueryParams    *am_launch_request_to_launch_template     (AmLaunchRequest   *self,
                                                            const char        *name,
                                                            const char        *description,
                                                            const char        *client_token,
                                                            gboolean           dry_run);
/** am_launch_request_needs_group_creation: %TRUE while a new group is wanted and not yet created */
gboolean          am_launch_request_needs_group_creation   (AmLaunchRequest   *self);
/**
 * am_launch_request_reset_client_tokens:
 * Forgets every ClientToken, for when the user edits the request after a launch that started
 * nothing (the next launch is a new one).
 */
void              am_launch_request_reset_client_tokens    (AmLaunchRequest   *self);
/** am_launch_request_dup_user_data_base64: Returns: (transfer full) (nullable): as the API wants it */
char             *am_launch_request_dup_user_data_base64   (AmLaunchRequest   *self);
/** am_launch_check_launch_template_name: 3–128 of letters, digits, ( ) . / _ - */
gboolean          am_launch_check_launch_template_name     (const char        *name,
                                                            GError           **error);

/* Sending */
/**
 * am_launch_request_run_async:
 * Sends am_launch_request_to_run_instances() for @placement through @client (which retries
 * throttling and server errors; the subnet's ClientToken makes those retries safe).
 */
void              am_launch_request_run_async              (AmLaunchRequest   *self,
                                                            AmQueryClient     *client,
                                                            const AmLaunchPlacement *placement,
                                                            gboolean           dry_run,
                                                            GCancellable      *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer           user_data);
/**
 * am_launch_request_run_finish:
 * @dry_run_ok: (out) (optional): %TRUE when a dry run said the launch would succeed
 * Returns: (transfer full) (element-type AmInstance): the instances (empty after a dry run),
 *   or %NULL with @error (AM_AWS_ERROR, the message says which zone failed)
 */
GPtrArray        *am_launch_request_run_finish             (AmLaunchRequest   *self,
                                                            GAsyncResult      *result,
                                                            gboolean          *dry_run_ok,
                                                            GError           **error);
/** am_launch_request_create_template_async: sends am_launch_request_to_launch_template() */
void              am_launch_request_create_template_async  (AmLaunchRequest   *self,
                                                            AmQueryClient     *client,
                                                            const char        *name,
                                                            const char        *description,
                                                            const char        *client_token,
                                                            GCancellable      *cancellable,
                                                            GAsyncReadyCallback callback,
                                                            gpointer           user_data);
/** Returns: (transfer full): the new template, or %NULL with @error */
AmLaunchTemplate *am_launch_request_create_template_finish (AmLaunchRequest   *self,
                                                            GAsyncResult      *result,
                                                            GError           **error);

G_END_DECLS
