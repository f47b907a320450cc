/* am-sandbox-state.h: the sandbox's resources (images, snapshots, instances, …) and their persistence
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How long the time-based transitions take by default (milliseconds). */
#define AM_SB_DEFAULT_TRANSITION_MS 3000

typedef struct
{
  const char *account_id;
  const char *name;
  const char *access_key_id;
  const char *secret_access_key;
  const char *ou_id;
} AmSbAccount;

extern const char *const am_sb_regions[];
#define AM_SB_N_REGIONS 5
#define AM_SB_ORG_ID "o-amiable0001"
#define AM_SB_ORG_ARN "arn:aws:organizations::111122223333:organization/o-amiable0001"

const AmSbAccount *am_sb_account_by_key   (const char *access_key_id);
const AmSbAccount *am_sb_account_by_id    (const char *account_id);
const AmSbAccount *am_sb_accounts         (guint      *n_accounts);
gboolean           am_sb_region_is_known  (const char *region);
char              *am_sb_ou_arn           (const AmSbAccount *account);

typedef enum
{
  AM_SB_PERM_USER,
  AM_SB_PERM_GROUP,
  AM_SB_PERM_ORG,
  AM_SB_PERM_OU,
} AmSbPermKind;

typedef struct
{
  AmSbPermKind kind;
  char        *value;
} AmSbLaunchPermission;

typedef struct
{
  char    *device_name;
  char    *virtual_name;   /* instance-store volumes: ephemeralN */
  gboolean no_device;
  gboolean has_ebs;
  char    *snapshot_id;
  gint     volume_size;
  char    *volume_type;
  gboolean delete_on_termination;
  gboolean encrypted;
  gint     iops;
  gint     throughput;
} AmSbBlockDevice;

typedef struct
{
  char *code;
  char *type;
} AmSbProductCode;

/* An AMI. Repeated strings are interned (g_intern_string) so 100k images stay small. */
typedef struct
{
  char       *image_id;
  const char *region;
  const char *owner_id;
  const char *owner_alias;        /* nullable */
  char       *name;
  char       *description;        /* nullable */
  char       *image_location;
  const char *architecture;
  const char *platform;           /* "windows" or NULL */
  const char *platform_details;
  const char *usage_operation;
  const char *image_type;
  const char *root_device_type;
  const char *root_device_name;
  const char *virtualization_type;
  const char *hypervisor;
  const char *boot_mode;          /* nullable */
  const char *imds_support;       /* nullable */
  const char *tpm_support;        /* nullable */
  const char *sriov_net_support;  /* nullable */
  const char *ssm_parameter;      /* nullable: the public parameter that points here */
  gboolean    ena_support;
  gint64      creation_time;      /* ms since the epoch */
  gint64      available_time;     /* pending until then */
  gint64      deprecation_time;   /* 0: not deprecated */
  gint64      last_launched_time; /* 0: never */
  gboolean    deregistration_protection;
  gboolean    protection_cooldown;
  gint64      protection_until;   /* disabled with cooldown: still protected until then */
  char       *failed_reason;      /* nullable: image failed */
  char       *source_instance_id;
  char       *source_image_id;
  char       *source_image_region;
  GPtrArray  *block_devices;      /* AmSbBlockDevice */
  GPtrArray  *product_codes;      /* AmSbProductCode, nullable */
  GPtrArray  *launch_permissions; /* AmSbLaunchPermission */
  gboolean    stored;             /* persisted (not part of the regenerated public catalog) */
  gboolean    disabled;           /* DisableImage: not launchable, listed only with IncludeDisabled */
  gint64      recycle_enter_time; /* in the Recycle Bin (state->recycle_bin) since, 0: not */
  gint64      recycle_exit_time;  /* … and deleted for good at */
} AmSbImage;

typedef struct
{
  char       *snapshot_id;
  const char *region;
  const char *owner_id;
  char       *volume_id;
  gint        volume_size;
  char       *description;
  gint64      start_time;
  gint64      completed_time;
  gboolean    encrypted;
  gint64      recycle_enter_time; /* in state->snapshot_recycle_bin since, 0: not */
  gint64      recycle_exit_time;  /* … and deleted for good at */
  GPtrArray  *create_volume_permissions; /* AmSbLaunchPermission (user or group "all"), nullable: none */
} AmSbSnapshot;

typedef struct
{
  char    *device_name;
  char    *volume_id;
  gint     volume_size;
  char    *volume_type;
  char    *snapshot_id;
  gboolean delete_on_termination;
} AmSbVolume;

typedef struct
{
  char       *instance_id;        /* id, region and owner come first in every resource */
  const char *region;
  const char *owner_id;
  char       *reservation_id;
  char       *image_id;
  char       *instance_type;
  char       *key_name;
  char       *subnet_id;
  char       *vpc_id;
  char       *availability_zone;
  char       *private_ip;
  char       *public_ip;
  GPtrArray  *security_group_ids;  /* char* */
  const char *architecture;
  const char *platform;
  const char *platform_details;
  const char *root_device_name;
  const char *root_device_type;
  const char *virtualization_type;
  const char *boot_mode;
  GPtrArray  *volumes;             /* AmSbVolume */
  gint64      launch_time;
  char       *target_state;        /* running, stopped, terminated */
  gint64      target_since;
  gint        ami_launch_index;
  char       *client_token;
  char       *state_reason;        /* nullable: why it last changed */
  gboolean    disable_api_termination; /* termination protection */
} AmSbInstance;

typedef struct
{
  char       *key_pair_id;
  const char *region;
  const char *owner_id;
  char       *key_name;
  char       *key_type;
  char       *fingerprint;
  char       *public_key;
  gint64      create_time;
} AmSbKeyPair;

typedef struct
{
  char       *vpc_id;
  const char *region;
  const char *owner_id;
  char       *cidr_block;
  gboolean    is_default;
} AmSbVpc;

typedef struct
{
  char       *subnet_id;
  const char *region;
  const char *owner_id;
  char       *vpc_id;
  char       *availability_zone;
  char       *availability_zone_id;
  char       *cidr_block;
  gboolean    default_for_az;
} AmSbSubnet;

typedef struct
{
  char *protocol;
  gint  from_port;
  gint  to_port;
  char *cidr;
} AmSbIngressRule;

typedef struct
{
  char       *group_id;
  const char *region;
  const char *owner_id;
  char       *vpc_id;
  char       *group_name;
  char       *description;
  GPtrArray  *ingress;   /* AmSbIngressRule */
} AmSbSecurityGroup;

typedef struct
{
  char       *launch_template_id;
  const char *region;
  const char *owner_id;
  char       *name;
  char       *version_description;
  gint64      create_time;
  GHashTable *data;      /* LaunchTemplateData.* parameter (without the prefix) → value */
} AmSbLaunchTemplate;

typedef struct
{
  char *key;
  char *value;
} AmSbTag;

/* An Auto Scaling group tag (PropagateAtLaunch copies it to the group's instances). */
typedef struct
{
  char    *key;
  char    *value;
  gboolean propagate_at_launch;
} AmSbAsgTag;

/* The most instances an Auto Scaling group may hold in the sandbox. */
#define AM_SB_MAX_GROUP_SIZE 20
/* The latest time the state holds (9999-12-31T23:59:59.999Z, in ms since the epoch). */
#define AM_SB_MAX_TIME_MS G_GINT64_CONSTANT (253402300799999)

/* An Auto Scaling group; the table key is "ACCOUNT/REGION/NAME" (names are unique per account
 * and region). */
typedef struct
{
  char       *key;
  const char *region;
  const char *owner_id;
  char       *name;
  char       *arn;
  char       *launch_template_id;
  char       *launch_template_name;
  char       *launch_template_version;  /* as asked: $Default, $Latest or a number */
  gint        min_size;
  gint        max_size;
  gint        desired_capacity;
  GPtrArray  *subnet_ids;               /* char*, VPCZoneIdentifier in order */
  GPtrArray  *instance_ids;             /* char*, oldest first */
  GPtrArray  *tags;                     /* AmSbAsgTag */
  gint64      created_time;
} AmSbAutoScalingGroup;

typedef struct
{
  char *fingerprint;  /* hash of the request's parameters */
  char *result;       /* reservation id or image id */
  gint64 created_time; /* ms; the token expires AM_SB_CLIENT_TOKEN_TTL_MS later */
} AmSbClientToken;

/* How long a client token is remembered (EC2 keeps them for at least a day). */
#define AM_SB_CLIENT_TOKEN_TTL_MS (G_GINT64_CONSTANT (24) * 60 * 60 * 1000)

/* Per-account, per-region quotas, like EC2's service quotas (settable with --quota). */
typedef enum
{
  AM_SB_QUOTA_IMAGES,
  AM_SB_QUOTA_SNAPSHOTS,
  AM_SB_QUOTA_KEY_PAIRS,
  AM_SB_QUOTA_SECURITY_GROUPS,
  AM_SB_QUOTA_LAUNCH_TEMPLATES,
  AM_SB_QUOTA_INSTANCES,
  AM_SB_N_QUOTAS
} AmSbQuota;

/* The name of @quota in --quota ("images", "snapshots", "key-pairs", …). */
const char      *am_sb_quota_name             (AmSbQuota    quota);
/* EC2's default for @quota (instances: the sandbox's own limit of running or stopped ones). */
guint            am_sb_quota_default          (AmSbQuota    quota);

typedef struct _AmSbState AmSbState;
/* Block Public Access and Allowed AMIs settings, image usage reports (am-sandbox-governance.c). */
typedef struct _AmSbGovernance AmSbGovernance;
typedef struct _AmSbUsageReport AmSbUsageReport;
void             am_sb_governance_free        (AmSbGovernance *gov);
void             am_sb_usage_report_free      (AmSbUsageReport *report);
/* Writes / reads the "governance" and "imageUsageReports" lists of the state file (a JsonBuilder
 * inside the top-level object; the top-level JsonObject). */
void             am_sb_governance_build       (AmSbState   *state,
                                               gpointer     json_builder);
gboolean         am_sb_governance_load        (AmSbState   *state,
                                               gpointer     json_object,
                                               GError     **error);

struct _AmSbState
{
  char       *path;              /* state.json, nullable (memory only) */
  guint       public_images;     /* synthetic public images per region */
  guint       transition_ms;
  GHashTable *catalogs;          /* region → GPtrArray of AmSbImage (public, sorted by id) */
  GHashTable *catalog_index;     /* region → GHashTable id → AmSbImage */
  GHashTable *images;            /* id → AmSbImage (stored) */
  GHashTable *snapshots;         /* id → AmSbSnapshot */
  GHashTable *instances;         /* id → AmSbInstance */
  GHashTable *key_pairs;         /* id → AmSbKeyPair */
  GHashTable *vpcs;              /* id → AmSbVpc */
  GHashTable *subnets;           /* id → AmSbSubnet */
  GHashTable *security_groups;   /* id → AmSbSecurityGroup */
  GHashTable *launch_templates;  /* id → AmSbLaunchTemplate */
  GHashTable *tags;              /* "account/resource-id" → GPtrArray of AmSbTag */
  GHashTable *client_tokens;     /* "account/region/action/token" → AmSbClientToken */
  guint64     id_counter;
  char       *saved_json;        /* what the file holds: the state to return to when a save fails */
  GHashTable *auto_scaling_groups; /* "account/region/name" → AmSbAutoScalingGroup */
  guint       io_faults;         /* tests: AmSbIoFault flags, failures the disk never gives on demand */
  guint       quotas[AM_SB_N_QUOTAS];
  GHashTable *governance;        /* "account/region" → AmSbGovernance (am-sandbox-governance.c) */
  GHashTable *usage_reports;     /* report id → AmSbUsageReport */
  GHashTable *recycle_bin;       /* id → AmSbImage deregistered under the retention rule */
  guint       recycle_days;      /* the accounts' Recycle Bin rule for AMIs, 0: none */
  GHashTable *snapshot_recycle_bin; /* id → AmSbSnapshot deleted under the snapshot rule */
  guint       snapshot_recycle_days; /* the accounts' Recycle Bin rule for EBS snapshots, 0: none */
};

/* The sandbox's default Recycle Bin retention for deregistered AMIs (days). */
#define AM_SB_DEFAULT_RECYCLE_DAYS 7

/* Tests: make the next saves see these system calls fail (with EIO) after doing them. */
typedef enum
{
  AM_SB_IO_FAULT_CLOSE     = 1 << 0,
  AM_SB_IO_FAULT_DIR_FSYNC = 1 << 1,
} AmSbIoFault;

AmSbState       *am_sb_state_new              (guint        public_images,
                                               guint        transition_ms);
void             am_sb_state_free             (AmSbState   *state);

/**
 * am_sb_state_load:
 * Loads @path into @state, or seeds a fresh state when @path does not exist. A damaged file
 * is renamed to PATH.damaged-TIMESTAMP, reported with g_printerr, and a fresh state seeded.
 */
gboolean         am_sb_state_load             (AmSbState   *state,
                                               const char  *path,
                                               GError     **error);
/** am_sb_state_save: writes the whole state atomically (temp file, fsync, rename, fsync dir);
 * fails when any of these steps fails, and then the file holds the last saved state again. */
gboolean         am_sb_state_save             (AmSbState   *state,
                                               GError     **error);
/**
 * am_sb_state_prepare_dir:
 * Before loading from @data_dir (with the folder's lock held): makes it private (0700) and
 * removes the temporary files a save interrupted by a crash left behind.
 */
gboolean         am_sb_state_prepare_dir      (const char  *data_dir,
                                               GError     **error);
/* After a failed am_sb_state_save: puts back the state of the last successful load or save, so
 * that nothing unacknowledged stays visible. FALSE when there is nothing to go back to. */
gboolean         am_sb_state_rollback         (AmSbState   *state,
                                               GError     **error);
char            *am_sb_state_to_json          (AmSbState   *state);
gboolean         am_sb_state_from_json        (AmSbState   *state,
                                               const char  *data,
                                               gsize        length,
                                               GError     **error);
void             am_sb_state_seed             (AmSbState   *state);

/* The public catalog of a region (built on first use), sorted by image id. */
GPtrArray       *am_sb_state_get_catalog      (AmSbState   *state,
                                               const char  *region);
AmSbImage       *am_sb_state_find_image       (AmSbState   *state,
                                               const char  *region,
                                               const char  *image_id);

/** am_sb_state_new_id: a fresh realistic id "PREFIX-" + 17 hex digits, unused in @table. */
char            *am_sb_state_new_id           (AmSbState   *state,
                                               const char  *prefix,
                                               GHashTable  *table);

/* Tags (per account, as EC2 keeps them). */
GPtrArray       *am_sb_state_get_tags         (AmSbState   *state,
                                               const char  *account_id,
                                               const char  *resource_id);
void             am_sb_state_set_tag          (AmSbState   *state,
                                               const char  *account_id,
                                               const char  *resource_id,
                                               const char  *key,
                                               const char  *value);
gboolean         am_sb_state_delete_tag       (AmSbState   *state,
                                               const char  *account_id,
                                               const char  *resource_id,
                                               const char  *key,
                                               const char  *value);

/* Time-based states. */
const char      *am_sb_image_state            (const AmSbImage    *image,
                                               gint64              now_ms);
gboolean         am_sb_image_is_public        (const AmSbImage    *image);
/** am_sb_image_is_protected: deregistration protection, including a cooldown after disabling it. */
gboolean         am_sb_image_is_protected     (const AmSbImage    *image,
                                               gint64              now_ms);
gboolean         am_sb_image_is_deprecated    (const AmSbImage    *image,
                                               gint64              now_ms);
/** am_sb_image_shared_with: an explicit launch permission for @account (user, org or OU). */
gboolean         am_sb_image_shared_with      (const AmSbImage    *image,
                                               const AmSbAccount  *account);
/** am_sb_image_can_launch: owner, public, or shared with @account (user, org or OU). */
gboolean         am_sb_image_can_launch       (const AmSbImage    *image,
                                               const AmSbAccount  *account);
const char      *am_sb_instance_state         (const AmSbInstance *instance,
                                               guint               transition_ms,
                                               gint64              now_ms,
                                               int                *code);
const char      *am_sb_snapshot_state         (const AmSbSnapshot *snapshot,
                                               gint64              now_ms);

void             am_sb_image_free             (AmSbImage          *image);
AmSbImage       *am_sb_image_copy             (const AmSbImage    *image);
AmSbBlockDevice *am_sb_block_device_new       (void);
void             am_sb_block_device_free      (AmSbBlockDevice    *bd);
AmSbLaunchPermission *am_sb_launch_permission_new (AmSbPermKind  kind,
                                                   const char   *value);
void             am_sb_launch_permission_free (AmSbLaunchPermission *perm);
void             am_sb_product_code_free      (AmSbProductCode    *pc);
void             am_sb_snapshot_free          (AmSbSnapshot       *snapshot);
void             am_sb_instance_free          (AmSbInstance       *instance);
void             am_sb_volume_free            (AmSbVolume         *volume);
void             am_sb_key_pair_free          (AmSbKeyPair        *key_pair);
void             am_sb_vpc_free               (AmSbVpc            *vpc);
void             am_sb_subnet_free            (AmSbSubnet         *subnet);
void             am_sb_security_group_free    (AmSbSecurityGroup  *group);
void             am_sb_ingress_rule_free      (AmSbIngressRule    *rule);
void             am_sb_launch_template_free   (AmSbLaunchTemplate *lt);
void             am_sb_asg_tag_free           (AmSbAsgTag         *tag);
void             am_sb_auto_scaling_group_free (AmSbAutoScalingGroup *group);

/* Time helpers: "2024-03-15T18:21:09.000Z" <-> ms since the epoch. */
char            *am_sb_format_time            (gint64              ms);
gboolean         am_sb_parse_time             (const char         *text,
                                               gint64             *ms);

/** am_sb_hash_keys: Returns: (transfer container): the keys of @table (GLib 2.74 has no ptr-array variant). */
GPtrArray       *am_sb_hash_keys              (GHashTable         *table);

/* Deterministic hex derived from text (ids of the regenerated catalog). */
char            *am_sb_hashed_id              (const char         *prefix,
                                               const char         *seed);

G_END_DECLS
