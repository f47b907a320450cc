/* am-launch-request.c: everything a launch needs (the launch wizard's state), validated and serialised
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-launch-request"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "am-aws-error.h"
#include "am-ec2-error.h"
#include "am-ec2-parse-private.h"
#include "am-instance.h"
#include "am-launch-request.h"

struct _AmLaunchRequest
{
  GObject parent_instance;

  /* owned references */
  AmImage *image;
  AmInstanceType *instance_type;
  AmVpc *vpc;
  GPtrArray *subnets;          /* AmSubnet* */
  GPtrArray *security_groups;  /* char*, NULL-terminated */
  GPtrArray *volumes;          /* AmLaunchVolume* */
  GPtrArray *tags;             /* AmLaunchTag* */
  GBytes *user_data;
  GHashTable *client_tokens;   /* subnet id → token */

  /* state */
  char *key_name;
  gboolean no_key_acknowledged;
  AmLaunchPublicIp public_ip;
  gboolean create_group;
  char *new_group_name;
  AmLaunchRules new_group_rules;
  AmLaunchSource new_group_source;
  char *custom_cidr;
  char *my_ip;
  char *created_group_id;
  guint count;
  char *iam_profile;
  gboolean shutdown_terminates;
  gboolean termination_protection;
  gboolean imdsv2_required;
};

G_DEFINE_FINAL_TYPE (AmLaunchRequest, am_launch_request, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_IMAGE,
  PROP_INSTANCE_TYPE,
  PROP_KEY_NAME,
  PROP_NO_KEY_ACKNOWLEDGED,
  PROP_VPC,
  PROP_CREATE_GROUP,
  PROP_COUNT,
  PROP_NAME,
  PROP_IMDSV2_REQUIRED,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Volume types: sizes in GiB, IOPS and throughput ranges (EBS documentation). */
typedef struct
{
  const char *name;
  int min_size;
  int max_size;
  int min_iops;          /* 0: no provisioned IOPS */
  int max_iops;
  int iops_per_gib;      /* 0: no ratio */
  gboolean bootable;
} VolumeTypeInfo;

static const VolumeTypeInfo volume_types[] = {
  { "gp3", 1, 16384, 3000, 16000, 500, TRUE },
  { "gp2", 1, 16384, 0, 0, 0, TRUE },
  { "io1", 4, 16384, 100, 64000, 50, TRUE },
  { "io2", 4, 65536, 100, 256000, 1000, TRUE },
  { "st1", 125, 16384, 0, 0, 0, FALSE },
  { "sc1", 125, 16384, 0, 0, 0, FALSE },
  { "standard", 1, 1024, 0, 0, 0, TRUE },
};

static const VolumeTypeInfo *
find_volume_type (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (volume_types); i++)
    if (g_str_equal (volume_types[i].name, name))
      return &volume_types[i];
  return NULL;
}

gboolean
am_launch_volume_type_has_iops (const char *volume_type)
{
  const VolumeTypeInfo *info = find_volume_type (volume_type);

  return info != NULL && info->max_iops > 0;
}

gboolean
am_launch_volume_type_has_throughput (const char *volume_type)
{
  return g_strcmp0 (volume_type, "gp3") == 0;
}

/* AmLaunchVolume */

AmLaunchVolume *
am_launch_volume_new (const char *device_name,
                      int         size)
{
  AmLaunchVolume *volume = g_new0 (AmLaunchVolume, 1);

  volume->device_name = g_strdup (device_name);
  volume->size = size;
  volume->volume_type = g_strdup ("gp3");
  volume->delete_on_termination = TRUE;
  return volume;
}

AmLaunchVolume *
am_launch_volume_copy (const AmLaunchVolume *volume)
{
  AmLaunchVolume *copy;

  g_return_val_if_fail (volume != NULL, NULL);

  copy = g_memdup2 (volume, sizeof *volume);
  copy->device_name = g_strdup (volume->device_name);
  copy->virtual_name = g_strdup (volume->virtual_name);
  copy->snapshot_id = g_strdup (volume->snapshot_id);
  copy->volume_type = g_strdup (volume->volume_type);
  return copy;
}

void
am_launch_volume_free (AmLaunchVolume *volume)
{
  if (volume == NULL)
    return;
  g_free (volume->device_name);
  g_free (volume->virtual_name);
  g_free (volume->snapshot_id);
  g_free (volume->volume_type);
  g_free (volume);
}

G_DEFINE_BOXED_TYPE (AmLaunchVolume, am_launch_volume, am_launch_volume_copy, am_launch_volume_free)

static void
launch_tag_free (AmLaunchTag *tag)
{
  g_free (tag->key);
  g_free (tag->value);
  g_free (tag);
}

static void
emit_changed (AmLaunchRequest *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* GObject */

static void
am_launch_request_dispose (GObject *object)
{
  AmLaunchRequest *self = AM_LAUNCH_REQUEST (object);

  g_clear_object (&self->image);
  g_clear_object (&self->instance_type);
  g_clear_object (&self->vpc);
  if (self->subnets != NULL)
    g_ptr_array_set_size (self->subnets, 0);

  G_OBJECT_CLASS (am_launch_request_parent_class)->dispose (object);
}

static void
am_launch_request_finalize (GObject *object)
{
  AmLaunchRequest *self = AM_LAUNCH_REQUEST (object);

  g_clear_pointer (&self->subnets, g_ptr_array_unref);
  g_clear_pointer (&self->security_groups, g_ptr_array_unref);
  g_clear_pointer (&self->volumes, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->user_data, g_bytes_unref);
  g_clear_pointer (&self->client_tokens, g_hash_table_unref);
  g_free (self->key_name);
  g_free (self->new_group_name);
  g_free (self->custom_cidr);
  g_free (self->my_ip);
  g_free (self->created_group_id);
  g_free (self->iam_profile);

  G_OBJECT_CLASS (am_launch_request_parent_class)->finalize (object);
}

static void
am_launch_request_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AmLaunchRequest *self = AM_LAUNCH_REQUEST (object);

  switch (prop_id)
    {
    case PROP_IMAGE:
      g_value_set_object (value, self->image);
      break;
    case PROP_INSTANCE_TYPE:
      g_value_set_object (value, self->instance_type);
      break;
    case PROP_KEY_NAME:
      g_value_set_string (value, self->key_name);
      break;
    case PROP_NO_KEY_ACKNOWLEDGED:
      g_value_set_boolean (value, self->no_key_acknowledged);
      break;
    case PROP_VPC:
      g_value_set_object (value, self->vpc);
      break;
    case PROP_CREATE_GROUP:
      g_value_set_boolean (value, self->create_group);
      break;
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;
    case PROP_NAME:
      g_value_set_string (value, am_launch_request_get_name (self));
      break;
    case PROP_IMDSV2_REQUIRED:
      g_value_set_boolean (value, self->imdsv2_required);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_launch_request_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AmLaunchRequest *self = AM_LAUNCH_REQUEST (object);

  switch (prop_id)
    {
    case PROP_IMAGE:
      am_launch_request_set_image (self, g_value_get_object (value));
      break;
    case PROP_INSTANCE_TYPE:
      am_launch_request_set_instance_type (self, g_value_get_object (value));
      break;
    case PROP_KEY_NAME:
      am_launch_request_set_key_name (self, g_value_get_string (value));
      break;
    case PROP_NO_KEY_ACKNOWLEDGED:
      am_launch_request_set_no_key_acknowledged (self, g_value_get_boolean (value));
      break;
    case PROP_VPC:
      am_launch_request_set_vpc (self, g_value_get_object (value));
      break;
    case PROP_CREATE_GROUP:
      am_launch_request_set_create_group (self, g_value_get_boolean (value));
      break;
    case PROP_COUNT:
      am_launch_request_set_count (self, g_value_get_uint (value));
      break;
    case PROP_NAME:
      am_launch_request_set_name (self, g_value_get_string (value));
      break;
    case PROP_IMDSV2_REQUIRED:
      am_launch_request_set_imdsv2_required (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_launch_request_class_init (AmLaunchRequestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = am_launch_request_dispose;
  object_class->finalize = am_launch_request_finalize;
  object_class->get_property = am_launch_request_get_property;
  object_class->set_property = am_launch_request_set_property;

  properties[PROP_IMAGE] = g_param_spec_object ("image", NULL, NULL, AM_TYPE_IMAGE, flags);
  properties[PROP_INSTANCE_TYPE] = g_param_spec_object ("instance-type", NULL, NULL,
                                                        AM_TYPE_INSTANCE_TYPE, flags);
  properties[PROP_KEY_NAME] = g_param_spec_string ("key-name", NULL, NULL, NULL, flags);
  properties[PROP_NO_KEY_ACKNOWLEDGED] = g_param_spec_boolean ("no-key-acknowledged", NULL, NULL,
                                                               FALSE, flags);
  properties[PROP_VPC] = g_param_spec_object ("vpc", NULL, NULL, AM_TYPE_VPC, flags);
  properties[PROP_CREATE_GROUP] = g_param_spec_boolean ("create-group", NULL, NULL, FALSE, flags);
  properties[PROP_COUNT] = g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 1, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_IMDSV2_REQUIRED] = g_param_spec_boolean ("imdsv2-required", NULL, NULL,
                                                           TRUE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmLaunchRequest::changed:
   * Any field changed (the wizard revalidates).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
am_launch_request_init (AmLaunchRequest *self)
{
  self->subnets = g_ptr_array_new_with_free_func (g_object_unref);
  self->security_groups = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->security_groups, NULL);
  self->volumes = g_ptr_array_new_with_free_func ((GDestroyNotify) am_launch_volume_free);
  self->tags = g_ptr_array_new_with_free_func ((GDestroyNotify) launch_tag_free);
  self->client_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->count = 1;
  self->imdsv2_required = TRUE;
  self->new_group_rules = AM_LAUNCH_RULE_SSH;
  self->new_group_source = AM_LAUNCH_SOURCE_ANYWHERE;
}

AmLaunchRequest *
am_launch_request_new (void)
{
  return g_object_new (AM_TYPE_LAUNCH_REQUEST, NULL);
}

/* Small helpers for string fields: TRUE when the value changed. */
static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Image */

static void
reset_volumes_from_image (AmLaunchRequest *self)
{
  AmBlockDeviceMapping * const *bdms;

  g_ptr_array_set_size (self->volumes, 0);
  if (self->image == NULL)
    return;

  bdms = am_image_get_block_device_mappings (self->image);
  for (guint i = 0; bdms[i] != NULL; i++)
    {
      AmBlockDeviceMapping *bdm = bdms[i];
      AmLaunchVolume *volume;
      const char *type;

      if (am_block_device_mapping_get_no_device (bdm))
        continue;

      volume = g_new0 (AmLaunchVolume, 1);
      volume->device_name = g_strdup (am_block_device_mapping_get_device_name (bdm));
      volume->from_image = TRUE;
      if (am_block_device_mapping_get_virtual_name (bdm) != NULL)
        {
          volume->virtual_name = g_strdup (am_block_device_mapping_get_virtual_name (bdm));
          g_ptr_array_add (self->volumes, volume);
          continue;
        }

      type = am_block_device_mapping_get_volume_type (bdm);
      volume->snapshot_id = g_strdup (am_block_device_mapping_get_snapshot_id (bdm));
      volume->size = am_block_device_mapping_get_volume_size (bdm);
      volume->snapshot_size = volume->snapshot_id != NULL ? volume->size : 0;
      volume->volume_type = g_strdup (type != NULL ? type : "gp2");
      volume->iops = am_launch_volume_type_has_iops (volume->volume_type)
                     ? am_block_device_mapping_get_iops (bdm) : 0;
      volume->throughput = am_launch_volume_type_has_throughput (volume->volume_type)
                           ? am_block_device_mapping_get_throughput (bdm) : 0;
      volume->encrypted = am_block_device_mapping_get_encrypted (bdm);
      volume->snapshot_encrypted = volume->snapshot_id != NULL && volume->encrypted;
      volume->delete_on_termination = am_block_device_mapping_get_delete_on_termination (bdm);
      g_ptr_array_add (self->volumes, volume);
    }
}

void
am_launch_request_set_image (AmLaunchRequest *self,
                             AmImage         *image)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));
  g_return_if_fail (image == NULL || AM_IS_IMAGE (image));

  if (!g_set_object (&self->image, image))
    return;

  reset_volumes_from_image (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMAGE]);
  emit_changed (self);
}

AmImage *
am_launch_request_get_image (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  return self->image;
}

void
am_launch_request_set_instance_type (AmLaunchRequest *self,
                                     AmInstanceType  *instance_type)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));
  g_return_if_fail (instance_type == NULL || AM_IS_INSTANCE_TYPE (instance_type));

  if (!g_set_object (&self->instance_type, instance_type))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSTANCE_TYPE]);
  emit_changed (self);
}

AmInstanceType *
am_launch_request_get_instance_type (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  return self->instance_type;
}

static gboolean
strv_contains (const char * const *strv,
               const char         *value)
{
  return strv != NULL && value != NULL && g_strv_contains (strv, value);
}

AmLaunchMisfit
am_launch_instance_type_misfit (AmImage         *image,
                                AmInstanceType  *instance_type,
                                GError         **error)
{
  const char *type_name;
  const char *arch;
  const char *virt;
  const char *boot_mode;
  const char * const *boot_modes;

  g_return_val_if_fail (AM_IS_IMAGE (image), AM_LAUNCH_MISFIT_NONE);
  g_return_val_if_fail (AM_IS_INSTANCE_TYPE (instance_type), AM_LAUNCH_MISFIT_NONE);

  type_name = am_instance_type_get_instance_type (instance_type);
  arch = am_image_get_architecture (image);
  if (arch != NULL && !strv_contains (am_instance_type_get_architectures (instance_type), arch))
    {
      g_autofree char *archs = NULL;
      const char * const *type_archs = am_instance_type_get_architectures (instance_type);

      archs = type_archs != NULL ? g_strjoinv (", ", (char **) type_archs) : g_strdup ("?");
      g_set_error (error, AM_EC2_ERROR, AM_EC2_ERROR_INVALID_INPUT,
                   _("Instance type: %s runs %s, but the image is built for %s. Choose a type for %s."),
                   type_name, archs, arch, arch);
      return AM_LAUNCH_MISFIT_ARCHITECTURE;
    }

  virt = am_image_get_virtualization_type (image);
  if (virt != NULL && am_instance_type_get_supported_virtualization_types (instance_type) != NULL
      && !strv_contains (am_instance_type_get_supported_virtualization_types (instance_type), virt))
    {
      g_set_error (error, AM_EC2_ERROR, AM_EC2_ERROR_INVALID_INPUT,
                   _("Instance type: %s does not support %s virtualization, which the image needs. Choose another type."),
                   type_name, virt);
      return AM_LAUNCH_MISFIT_VIRTUALIZATION;
    }

  boot_mode = am_image_get_boot_mode (image);
  boot_modes = am_instance_type_get_supported_boot_modes (instance_type);
  if (boot_mode != NULL && boot_modes != NULL && boot_modes[0] != NULL)
    {
      gboolean ok;

      if (g_str_equal (boot_mode, "uefi-preferred"))
        ok = strv_contains (boot_modes, "uefi") || strv_contains (boot_modes, "legacy-bios");
      else
        ok = strv_contains (boot_modes, boot_mode);
      if (!ok)
        {
          g_set_error (error, AM_EC2_ERROR, AM_EC2_ERROR_INVALID_INPUT,
                       _("Instance type: %s cannot boot in %s mode, which the image needs. Choose another type."),
                       type_name, boot_mode);
          return AM_LAUNCH_MISFIT_BOOT_MODE;
        }
    }

  if (g_strcmp0 (am_image_get_root_device_type (image), "instance-store") == 0
      && am_instance_type_get_supported_root_device_types (instance_type) != NULL
      && !strv_contains (am_instance_type_get_supported_root_device_types (instance_type),
                         "instance-store"))
    {
      g_set_error (error, AM_EC2_ERROR, AM_EC2_ERROR_INVALID_INPUT,
                   _("Instance type: %s has no instance store for the image's root volume. Choose another type."),
                   type_name);
      return AM_LAUNCH_MISFIT_ROOT_DEVICE;
    }

  if (!am_image_get_ena_support (image)
      && g_strcmp0 (am_instance_type_get_ena_support (instance_type), "required") == 0)
    {
      g_set_error (error, AM_EC2_ERROR, AM_EC2_ERROR_INVALID_INPUT,
                   _("Instance type: %s requires ENA networking, which the image does not enable. Choose another type."),
                   type_name);
      return AM_LAUNCH_MISFIT_ENA;
    }

  return AM_LAUNCH_MISFIT_NONE;
}

gboolean
am_launch_instance_type_fits (AmImage         *image,
                              AmInstanceType  *instance_type,
                              GError         **error)
{
  g_return_val_if_fail (AM_IS_IMAGE (image), FALSE);
  g_return_val_if_fail (AM_IS_INSTANCE_TYPE (instance_type), FALSE);

  return am_launch_instance_type_misfit (image, instance_type, error) == AM_LAUNCH_MISFIT_NONE;
}

/* Key pair */

void
am_launch_request_set_key_name (AmLaunchRequest *self,
                                const char      *key_name)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));

  if (!replace_string (&self->key_name, key_name))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY_NAME]);
  emit_changed (self);
}

const char *
am_launch_request_get_key_name (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  return self->key_name;
}

void
am_launch_request_set_no_key_acknowledged (AmLaunchRequest *self,
                                           gboolean         acknowledged)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));

  acknowledged = !!acknowledged;
  if (self->no_key_acknowledged == acknowledged)
    return;
  self->no_key_acknowledged = acknowledged;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NO_KEY_ACKNOWLEDGED]);
  emit_changed (self);
}

gboolean
am_launch_request_get_no_key_acknowledged (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), FALSE);
  return self->no_key_acknowledged;
}

/* Network */

void
am_launch_request_set_vpc (AmLaunchRequest *self,
                           AmVpc           *vpc)
{
  const char *vpc_id;

  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));
  g_return_if_fail (vpc == NULL || AM_IS_VPC (vpc));

  if (self->vpc == vpc)
    return;
  if (self->vpc != NULL && vpc != NULL
      && g_strcmp0 (am_vpc_get_vpc_id (self->vpc), am_vpc_get_vpc_id (vpc)) == 0)
    {
      g_set_object (&self->vpc, vpc);
      return;
    }

  g_set_object (&self->vpc, vpc);
  vpc_id = vpc != NULL ? am_vpc_get_vpc_id (vpc) : NULL;
  for (guint i = self->subnets->len; i > 0; i--)
    {
      AmSubnet *subnet = g_ptr_array_index (self->subnets, i - 1);

      if (g_strcmp0 (am_subnet_get_vpc_id (subnet), vpc_id) != 0)
        g_ptr_array_remove_index (self->subnets, i - 1);
    }
  /* Group ids do not say their VPC: the groups of another VPC cannot be kept. */
  g_ptr_array_set_size (self->security_groups, 0);
  g_ptr_array_add (self->security_groups, NULL);
  g_clear_pointer (&self->created_group_id, g_free);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VPC]);
  emit_changed (self);
}

AmVpc *
am_launch_request_get_vpc (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  return self->vpc;
}

static gint
find_subnet (AmLaunchRequest *self,
             const char      *subnet_id)
{
  for (guint i = 0; i < self->subnets->len; i++)
    if (g_strcmp0 (am_subnet_get_subnet_id (g_ptr_array_index (self->subnets, i)), subnet_id) == 0)
      return (gint) i;
  return -1;
}

void
am_launch_request_add_subnet (AmLaunchRequest *self,
                              AmSubnet        *subnet)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));
  g_return_if_fail (AM_IS_SUBNET (subnet));

  if (find_subnet (self, am_subnet_get_subnet_id (subnet)) >= 0)
    return;
  g_ptr_array_add (self->subnets, g_object_ref (subnet));
  emit_changed (self);
}

void
am_launch_request_remove_subnet (AmLaunchRequest *self,
                                 const char      *subnet_id)
{
  gint index;

  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));
  g_return_if_fail (subnet_id != NULL);

  index = find_subnet (self, subnet_id);
  if (index < 0)
    return;
  g_ptr_array_remove_index (self->subnets, (guint) index);
  emit_changed (self);
}

gboolean
am_launch_request_has_subnet (AmLaunchRequest *self,
                              const char      *subnet_id)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), FALSE);
  return find_subnet (self, subnet_id) >= 0;
}

GPtrArray *
am_launch_request_get_subnets (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  return self->subnets;
}

void
am_launch_request_set_public_ip (AmLaunchRequest  *self,
                                 AmLaunchPublicIp  public_ip)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));

  if (self->public_ip == public_ip)
    return;
  self->public_ip = public_ip;
  emit_changed (self);
}

AmLaunchPublicIp
am_launch_request_get_public_ip (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), AM_LAUNCH_PUBLIC_IP_SUBNET_DEFAULT);
  return self->public_ip;
}

/* Security groups */

void
am_launch_request_add_security_group (AmLaunchRequest *self,
                                      const char      *group_id)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));
  g_return_if_fail (group_id != NULL);

  if (am_launch_request_has_security_group (self, group_id))
    return;
  g_ptr_array_insert (self->security_groups, (gint) self->security_groups->len - 1,
                      g_strdup (group_id));
  emit_changed (self);
}

void
am_launch_request_remove_security_group (AmLaunchRequest *self,
                                         const char      *group_id)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));
  g_return_if_fail (group_id != NULL);

  for (guint i = 0; i + 1 < self->security_groups->len; i++)
    if (g_str_equal (g_ptr_array_index (self->security_groups, i), group_id))
      {
        g_ptr_array_remove_index (self->security_groups, i);
        emit_changed (self);
        return;
      }
}

gboolean
am_launch_request_has_security_group (AmLaunchRequest *self,
                                      const char      *group_id)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), FALSE);
  return strv_contains ((const char * const *) self->security_groups->pdata, group_id);
}

const char * const *
am_launch_request_get_security_groups (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  return (const char * const *) self->security_groups->pdata;
}

void
am_launch_request_set_create_group (AmLaunchRequest *self,
                                    gboolean         create_group)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));

  create_group = !!create_group;
  if (self->create_group == create_group)
    return;
  self->create_group = create_group;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATE_GROUP]);
  emit_changed (self);
}

gboolean
am_launch_request_get_create_group (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), FALSE);
  return self->create_group;
}

void
am_launch_request_set_new_group_name (AmLaunchRequest *self,
                                      const char      *name)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));

  if (replace_string (&self->new_group_name, name))
    emit_changed (self);
}

const char *
am_launch_request_get_new_group_name (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  return self->new_group_name;
}

void
am_launch_request_set_new_group_rules (AmLaunchRequest *self,
                                       AmLaunchRules    rules)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));

  if (self->new_group_rules == rules)
    return;
  self->new_group_rules = rules;
  emit_changed (self);
}

AmLaunchRules
am_launch_request_get_new_group_rules (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), 0);
  return self->new_group_rules;
}

void
am_launch_request_set_new_group_source (AmLaunchRequest *self,
                                        AmLaunchSource   source)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));

  if (self->new_group_source == source)
    return;
  self->new_group_source = source;
  emit_changed (self);
}

AmLaunchSource
am_launch_request_get_new_group_source (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), AM_LAUNCH_SOURCE_ANYWHERE);
  return self->new_group_source;
}

void
am_launch_request_set_custom_cidr (AmLaunchRequest *self,
                                   const char      *cidr)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));

  if (replace_string (&self->custom_cidr, cidr))
    emit_changed (self);
}

const char *
am_launch_request_get_custom_cidr (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  return self->custom_cidr;
}

void
am_launch_request_set_my_ip (AmLaunchRequest *self,
                             const char      *address)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));

  if (replace_string (&self->my_ip, address))
    emit_changed (self);
}

const char *
am_launch_request_get_my_ip (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  return self->my_ip;
}

gboolean
am_launch_check_cidr (const char  *cidr,
                      GError     **error)
{
  g_autoptr (GInetAddressMask) mask = NULL;
  g_autoptr (GError) local_error = NULL;

  if (cidr == NULL || *cidr == '\0')
    {
      g_set_error (error, AM_EC2_ERROR, AM_EC2_ERROR_INVALID_INPUT,
                   _("Source: enter an address block such as 203.0.113.0/24."));
      return FALSE;
    }
  if (strchr (cidr, '/') == NULL)
    {
      g_set_error (error, AM_EC2_ERROR, AM_EC2_ERROR_INVALID_INPUT,
                   _("Source: “%s” has no prefix length; write it as an address block, e.g. %s/32."),
                   cidr, cidr);
      return FALSE;
    }

  mask = g_inet_address_mask_new_from_string (cidr, &local_error);
  if (mask == NULL)
    {
      g_autofree char *address = g_strndup (cidr, strchr (cidr, '/') - cidr);
      g_autoptr (GInetAddress) parsed = g_inet_address_new_from_string (address);
      const char *prefix = strchr (cidr, '/') + 1;
      guint64 length = 0;
      gboolean prefix_ok = g_ascii_string_to_unsigned (prefix, 10, 0, 128, &length, NULL);

      if (parsed == NULL)
        g_set_error (error, AM_EC2_ERROR, AM_EC2_ERROR_INVALID_INPUT,
                     _("Source: “%s” is not an IPv4 or IPv6 address."), address);
      else if (!prefix_ok
               || (g_inet_address_get_family (parsed) == G_SOCKET_FAMILY_IPV4 && length > 32))
        g_set_error (error, AM_EC2_ERROR, AM_EC2_ERROR_INVALID_INPUT,
                     _("Source: the prefix length “%s” is out of range (0–32 for IPv4, 0–128 for IPv6)."),
                     prefix);
      else
        {
          /* The address has bits set beyond the prefix: offer the block it lies in. */
          guint8 bytes[16];
          gsize n = g_inet_address_get_native_size (parsed);
          g_autoptr (GInetAddress) network = NULL;
          g_autofree char *network_text = NULL;

          memcpy (bytes, g_inet_address_to_bytes (parsed), n);
          for (gsize i = 0; i < n; i++)
            {
              guint bit = (guint) i * 8;

              if (bit >= length)
                bytes[i] = 0;
              else if (bit + 8 > length)
                bytes[i] &= (guint8) (0xff << (8 - (length - bit)));
            }
          network = g_inet_address_new_from_bytes (bytes, g_inet_address_get_family (parsed));
          network_text = g_inet_address_to_string (network);
          g_set_error (error, AM_EC2_ERROR, AM_EC2_ERROR_INVALID_INPUT,
                       _("Source: %s has host bits set; the block is %s/%u."),
                       cidr, network_text, (guint) length);
        }
      return FALSE;
    }

  return TRUE;
}

char *
am_launch_request_dup_new_group_cidr (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);

  switch (self->new_group_source)
    {
    case AM_LAUNCH_SOURCE_ANYWHERE:
      return g_strdup ("0.0.0.0/0");
    case AM_LAUNCH_SOURCE_MY_IP:
      {
        g_autoptr (GInetAddress) address = NULL;

        if (self->my_ip == NULL)
          return NULL;
        address = g_inet_address_new_from_string (self->my_ip);
        if (address == NULL)
          return NULL;
        return g_strdup_printf ("%s/%u", self->my_ip,
                                g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV6 ? 128 : 32);
      }
    case AM_LAUNCH_SOURCE_CUSTOM:
      if (!am_launch_check_cidr (self->custom_cidr, NULL))
        return NULL;
      return g_strdup (self->custom_cidr);
    default:
      g_return_val_if_reached (NULL);
    }
}

void
am_launch_request_set_created_group_id (AmLaunchRequest *self,
                                        const char      *group_id)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));

  if (replace_string (&self->created_group_id, group_id))
    emit_changed (self);
}

const char *
am_launch_request_get_created_group_id (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  return self->created_group_id;
}

gboolean
am_launch_request_needs_group_creation (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), FALSE);
  return self->create_group && self->created_group_id == NULL;
}

void
am_launch_request_set_count (AmLaunchRequest *self,
                             guint            count)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));

  if (self->count == count)
    return;
  self->count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
  emit_changed (self);
}

guint
am_launch_request_get_count (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), 0);
  return self->count;
}

/* Storage */

guint
am_launch_request_get_n_volumes (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), 0);
  return self->volumes->len;
}

const AmLaunchVolume *
am_launch_request_get_volume (AmLaunchRequest *self,
                              guint            index)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  g_return_val_if_fail (index < self->volumes->len, NULL);
  return g_ptr_array_index (self->volumes, index);
}

void
am_launch_request_replace_volume (AmLaunchRequest      *self,
                                  guint                 index,
                                  const AmLaunchVolume *volume)
{
  AmLaunchVolume *copy;
  const AmLaunchVolume *old;

  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));
  g_return_if_fail (index < self->volumes->len);
  g_return_if_fail (volume != NULL);

  old = g_ptr_array_index (self->volumes, index);
  copy = am_launch_volume_copy (volume);
  /* Where the volume came from is not the caller's to change. */
  copy->from_image = old->from_image;
  g_free (copy->snapshot_id);
  copy->snapshot_id = g_strdup (old->snapshot_id);
  copy->snapshot_size = old->snapshot_size;
  copy->snapshot_encrypted = old->snapshot_encrypted;
  if (copy->snapshot_encrypted)
    copy->encrypted = TRUE;
  /* Values a type does not take are dropped, so switching type leaves nothing stale. */
  if (!am_launch_volume_type_has_iops (copy->volume_type))
    copy->iops = 0;
  if (!am_launch_volume_type_has_throughput (copy->volume_type))
    copy->throughput = 0;

  g_ptr_array_index (self->volumes, index) = copy;
  am_launch_volume_free ((AmLaunchVolume *) old);
  emit_changed (self);
}

static gboolean
device_letter_used (AmLaunchRequest *self,
                    char             letter)
{
  for (guint i = 0; i < self->volumes->len; i++)
    {
      const AmLaunchVolume *volume = g_ptr_array_index (self->volumes, i);
      const char *name = volume->device_name;
      const char *suffix;

      if (name == NULL)
        continue;
      if (g_str_has_prefix (name, "/dev/"))
        name += 5;
      if (g_str_has_prefix (name, "xvd"))
        suffix = name + 3;
      else if (g_str_has_prefix (name, "sd") || g_str_has_prefix (name, "hd"))
        suffix = name + 2;
      else
        continue;
      if (suffix[0] == letter)
        return TRUE;
    }
  return FALSE;
}

guint
am_launch_request_add_volume (AmLaunchRequest *self,
                              int              size)
{
  g_autofree char *device = NULL;

  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), 0);

  /* /dev/sd[f-p] is the range EC2 recommends for EBS data volumes. */
  for (char letter = 'f'; letter <= 'z' && device == NULL; letter++)
    if (!device_letter_used (self, letter))
      device = g_strdup_printf ("/dev/sd%c", letter);
  if (device == NULL)
    device = g_strdup_printf ("/dev/sdz%u", self->volumes->len);

  g_ptr_array_add (self->volumes, am_launch_volume_new (device, size));
  emit_changed (self);
  return self->volumes->len - 1;
}

void
am_launch_request_remove_volume (AmLaunchRequest *self,
                                 guint            index)
{
  const AmLaunchVolume *volume;

  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));
  g_return_if_fail (index < self->volumes->len);

  volume = g_ptr_array_index (self->volumes, index);
  g_return_if_fail (!volume->from_image);
  g_ptr_array_remove_index (self->volumes, index);
  emit_changed (self);
}

/* Details */

static gint
find_tag (AmLaunchRequest *self,
          const char      *key)
{
  for (guint i = 0; i < self->tags->len; i++)
    if (g_strcmp0 (((AmLaunchTag *) g_ptr_array_index (self->tags, i))->key, key) == 0)
      return (gint) i;
  return -1;
}

void
am_launch_request_set_name (AmLaunchRequest *self,
                            const char      *name)
{
  gint index;

  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));

  index = find_tag (self, "Name");
  if (name == NULL || *name == '\0')
    {
      if (index < 0)
        return;
      g_ptr_array_remove_index (self->tags, (guint) index);
    }
  else if (index < 0)
    {
      AmLaunchTag *tag = g_new0 (AmLaunchTag, 1);

      tag->key = g_strdup ("Name");
      tag->value = g_strdup (name);
      tag->instances = TRUE;
      tag->volumes = TRUE;
      g_ptr_array_insert (self->tags, 0, tag);
    }
  else
    {
      AmLaunchTag *tag = g_ptr_array_index (self->tags, index);

      if (g_strcmp0 (tag->value, name) == 0)
        return;
      g_free (tag->value);
      tag->value = g_strdup (name);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  emit_changed (self);
}

const char *
am_launch_request_get_name (AmLaunchRequest *self)
{
  gint index;

  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);

  index = find_tag (self, "Name");
  return index >= 0 ? ((AmLaunchTag *) g_ptr_array_index (self->tags, index))->value : NULL;
}

guint
am_launch_request_get_n_tags (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), 0);
  return self->tags->len;
}

const AmLaunchTag *
am_launch_request_get_tag (AmLaunchRequest *self,
                           guint            index)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  g_return_val_if_fail (index < self->tags->len, NULL);
  return g_ptr_array_index (self->tags, index);
}

guint
am_launch_request_add_tag (AmLaunchRequest *self,
                           const char      *key,
                           const char      *value,
                           gboolean         instances,
                           gboolean         volumes)
{
  AmLaunchTag *tag;

  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), 0);

  tag = g_new0 (AmLaunchTag, 1);
  tag->key = g_strdup (key != NULL ? key : "");
  tag->value = g_strdup (value != NULL ? value : "");
  tag->instances = instances;
  tag->volumes = volumes;
  g_ptr_array_add (self->tags, tag);
  if (g_strcmp0 (key, "Name") == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  emit_changed (self);
  return self->tags->len - 1;
}

void
am_launch_request_replace_tag (AmLaunchRequest *self,
                               guint            index,
                               const char      *key,
                               const char      *value,
                               gboolean         instances,
                               gboolean         volumes)
{
  AmLaunchTag *tag;
  gboolean name_changed;

  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));
  g_return_if_fail (index < self->tags->len);

  tag = g_ptr_array_index (self->tags, index);
  if (g_strcmp0 (tag->key, key) == 0 && g_strcmp0 (tag->value, value) == 0
      && tag->instances == instances && tag->volumes == volumes)
    return;
  name_changed = g_strcmp0 (tag->key, "Name") == 0 || g_strcmp0 (key, "Name") == 0;
  g_free (tag->key);
  g_free (tag->value);
  tag->key = g_strdup (key != NULL ? key : "");
  tag->value = g_strdup (value != NULL ? value : "");
  tag->instances = instances;
  tag->volumes = volumes;
  if (name_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  emit_changed (self);
}

void
am_launch_request_remove_tag (AmLaunchRequest *self,
                              guint            index)
{
  gboolean was_name;

  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));
  g_return_if_fail (index < self->tags->len);

  was_name = g_strcmp0 (((AmLaunchTag *) g_ptr_array_index (self->tags, index))->key, "Name") == 0;
  g_ptr_array_remove_index (self->tags, index);
  if (was_name)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  emit_changed (self);
}

void
am_launch_request_set_user_data (AmLaunchRequest *self,
                                 GBytes          *user_data)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));

  if (user_data != NULL && g_bytes_get_size (user_data) == 0)
    user_data = NULL;
  if (self->user_data == user_data
      || (self->user_data != NULL && user_data != NULL && g_bytes_equal (self->user_data, user_data)))
    return;
  g_clear_pointer (&self->user_data, g_bytes_unref);
  if (user_data != NULL)
    self->user_data = g_bytes_ref (user_data);
  emit_changed (self);
}

void
am_launch_request_set_user_data_text (AmLaunchRequest *self,
                                      const char      *text)
{
  g_autoptr (GBytes) bytes = NULL;

  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));

  if (text != NULL)
    bytes = g_bytes_new (text, strlen (text));
  am_launch_request_set_user_data (self, bytes);
}

GBytes *
am_launch_request_get_user_data (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  return self->user_data;
}

char *
am_launch_request_dup_user_data_base64 (AmLaunchRequest *self)
{
  gsize size = 0;
  const guchar *data;

  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);

  if (self->user_data == NULL)
    return NULL;
  data = g_bytes_get_data (self->user_data, &size);
  return g_base64_encode (data, size);
}

void
am_launch_request_set_iam_profile (AmLaunchRequest *self,
                                   const char      *profile)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));

  if (replace_string (&self->iam_profile, profile))
    emit_changed (self);
}

const char *
am_launch_request_get_iam_profile (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  return self->iam_profile;
}

void
am_launch_request_set_shutdown_terminates (AmLaunchRequest *self,
                                           gboolean         terminates)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));

  terminates = !!terminates;
  if (self->shutdown_terminates == terminates)
    return;
  self->shutdown_terminates = terminates;
  emit_changed (self);
}

gboolean
am_launch_request_get_shutdown_terminates (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), FALSE);
  return self->shutdown_terminates;
}

void
am_launch_request_set_termination_protection (AmLaunchRequest *self,
                                              gboolean         protection)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));

  protection = !!protection;
  if (self->termination_protection == protection)
    return;
  self->termination_protection = protection;
  emit_changed (self);
}

gboolean
am_launch_request_get_termination_protection (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), FALSE);
  return self->termination_protection;
}

void
am_launch_request_set_imdsv2_required (AmLaunchRequest *self,
                                       gboolean         required)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));

  required = !!required;
  if (self->imdsv2_required == required)
    return;
  self->imdsv2_required = required;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IMDSV2_REQUIRED]);
  emit_changed (self);
}

gboolean
am_launch_request_get_imdsv2_required (AmLaunchRequest *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), TRUE);
  return self->imdsv2_required;
}

/* Validation */

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;
  va_start (args, format);
  *error = g_error_new_valist (AM_EC2_ERROR, AM_EC2_ERROR_INVALID_INPUT, format, args);
  va_end (args);
  return FALSE;
}

static gboolean
validate_image (AmLaunchRequest  *self,
                GError          **error)
{
  const char *state;

  if (self->image == NULL)
    return invalid (error, _("Image: choose the image to launch."));
  state = am_image_get_state (self->image);
  if (state != NULL && !g_str_equal (state, "available"))
    return invalid (error, _("Image: %s is %s and cannot launch instances. Choose another image."),
                    am_image_get_image_id (self->image), state);
  if (g_strcmp0 (am_image_get_image_type (self->image), "machine") != 0
      && am_image_get_image_type (self->image) != NULL)
    return invalid (error, _("Image: %s is a %s image, not a machine image. Choose another image."),
                    am_image_get_image_id (self->image), am_image_get_image_type (self->image));
  return TRUE;
}

static gboolean
validate_instance_type (AmLaunchRequest  *self,
                        GError          **error)
{
  if (self->instance_type == NULL)
    return invalid (error, _("Instance type: choose an instance type."));
  if (self->image != NULL)
    return am_launch_instance_type_fits (self->image, self->instance_type, error);
  return TRUE;
}

static gboolean
validate_key_pair (AmLaunchRequest  *self,
                   GError          **error)
{
  if (self->key_name != NULL)
    {
      if (strlen (self->key_name) > 255)
        return invalid (error, _("Key pair: the name is longer than 255 characters."));
      return TRUE;
    }
  if (!self->no_key_acknowledged)
    return invalid (error, _("Key pair: choose a key pair, create one, or confirm that you will launch without one."));
  return TRUE;
}

static gboolean
validate_vpc (AmLaunchRequest  *self,
              GError          **error)
{
  if (self->vpc == NULL)
    return invalid (error, _("VPC: choose the network to launch into."));
  return TRUE;
}

static gboolean
validate_subnets (AmLaunchRequest  *self,
                  GError          **error)
{
  g_autoptr (GHashTable) zones = g_hash_table_new (g_str_hash, g_str_equal);

  if (self->subnets->len == 0)
    return invalid (error, _("Subnets: choose at least one subnet."));

  for (guint i = 0; i < self->subnets->len; i++)
    {
      AmSubnet *subnet = g_ptr_array_index (self->subnets, i);
      const char *zone = am_subnet_get_availability_zone (subnet);
      AmSubnet *other;

      if (self->vpc != NULL
          && g_strcmp0 (am_subnet_get_vpc_id (subnet), am_vpc_get_vpc_id (self->vpc)) != 0)
        return invalid (error, _("Subnets: %s belongs to %s, not to the chosen VPC %s."),
                        am_subnet_get_subnet_id (subnet), am_subnet_get_vpc_id (subnet),
                        am_vpc_get_vpc_id (self->vpc));
      if (zone == NULL)
        continue;
      other = g_hash_table_lookup (zones, zone);
      if (other != NULL)
        return invalid (error, _("Subnets: %s and %s are both in %s. Choose one subnet per Availability Zone."),
                        am_subnet_get_subnet_id (other), am_subnet_get_subnet_id (subnet), zone);
      g_hash_table_insert (zones, (gpointer) zone, subnet);
    }
  return TRUE;
}

static gboolean
validate_security_groups (AmLaunchRequest  *self,
                          GError          **error)
{
  if (self->security_groups->len <= 1 && !self->create_group)
    return invalid (error, _("Security groups: choose at least one group or create a new one."));
  return TRUE;
}

static gboolean
validate_new_group_name (AmLaunchRequest  *self,
                         GError          **error)
{
  const char *name = self->new_group_name;

  if (!self->create_group || self->created_group_id != NULL)
    return TRUE;
  if (name == NULL)
    return invalid (error, _("New security group: enter a name."));
  if (strlen (name) > 255)
    return invalid (error, _("New security group: the name is longer than 255 characters."));
  if (g_ascii_strncasecmp (name, "sg-", 3) == 0)
    return invalid (error, _("New security group: a name cannot start with “sg-”."));
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr (" ._-:/()#,@[]+=&;{}!$*", *p) == NULL)
      return invalid (error, _("New security group: “%c” is not allowed in a name; use letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*"),
                      *p);
  return TRUE;
}

static gboolean
validate_new_group_source (AmLaunchRequest  *self,
                           GError          **error)
{
  if (!self->create_group || self->created_group_id != NULL || self->new_group_rules == 0)
    return TRUE;

  switch (self->new_group_source)
    {
    case AM_LAUNCH_SOURCE_ANYWHERE:
      return TRUE;
    case AM_LAUNCH_SOURCE_MY_IP:
      {
        g_autoptr (GInetAddress) address = NULL;

        if (self->my_ip == NULL)
          return invalid (error, _("Source: your public address is not known yet. Wait a moment or enter it as a custom block."));
        address = g_inet_address_new_from_string (self->my_ip);
        if (address == NULL)
          return invalid (error, _("Source: “%s” is not an IP address."), self->my_ip);
        return TRUE;
      }
    case AM_LAUNCH_SOURCE_CUSTOM:
      return am_launch_check_cidr (self->custom_cidr, error);
    default:
      return invalid (error, _("Source: choose where connections may come from."));
    }
}

static gboolean
validate_count (AmLaunchRequest  *self,
                GError          **error)
{
  if (self->count < 1)
    return invalid (error, _("Number of instances: launch at least one instance."));
  if (self->count > 1000)
    return invalid (error, _("Number of instances: %u is more than the 1000 one launch may start."),
                    self->count);
  return TRUE;
}

static gboolean
validate_volume (AmLaunchRequest       *self,
                 const AmLaunchVolume  *volume,
                 GError               **error)
{
  const VolumeTypeInfo *info;
  const char *device = volume->device_name != NULL ? volume->device_name : "?";
  gboolean is_root;

  if (volume->virtual_name != NULL)
    return TRUE;

  info = find_volume_type (volume->volume_type);
  if (info == NULL)
    return invalid (error, _("Volume %s: “%s” is not a volume type (gp3, gp2, io1, io2, st1, sc1, standard)."),
                    device, volume->volume_type != NULL ? volume->volume_type : "");

  is_root = self->image != NULL
            && g_strcmp0 (am_image_get_root_device_name (self->image), volume->device_name) == 0;
  if (is_root && !info->bootable)
    return invalid (error, _("Volume %s: %s cannot be a boot volume. Choose gp3, gp2, io1, io2 or standard."),
                    device, info->name);

  if (volume->size < volume->snapshot_size)
    return invalid (error, _("Volume %s: %d GiB is smaller than its snapshot (%d GiB). Choose %d GiB or more."),
                    device, volume->size, volume->snapshot_size, volume->snapshot_size);
  if (volume->size < info->min_size || volume->size > info->max_size)
    return invalid (error, _("Volume %s: %s volumes are %d to %d GiB; %d GiB is out of range."),
                    device, info->name, info->min_size, info->max_size, volume->size);

  if (info->max_iops > 0)
    {
      gboolean needs_iops = !g_str_equal (info->name, "gp3");

      if (volume->iops == 0 && needs_iops)
        return invalid (error, _("Volume %s: %s volumes need provisioned IOPS (%d to %d)."),
                        device, info->name, info->min_iops, info->max_iops);
      if (volume->iops != 0 && (volume->iops < info->min_iops || volume->iops > info->max_iops))
        return invalid (error, _("Volume %s: %s takes %d to %d IOPS; %d is out of range."),
                        device, info->name, info->min_iops, info->max_iops, volume->iops);
      if (volume->iops > info->min_iops
          && (gint64) volume->iops > (gint64) info->iops_per_gib * volume->size)
        return invalid (error, _("Volume %s: %d IOPS needs at least %d GiB (%s allows %d IOPS per GiB)."),
                        device, volume->iops,
                        (volume->iops + info->iops_per_gib - 1) / info->iops_per_gib,
                        info->name, info->iops_per_gib);
    }
  else if (volume->iops != 0)
    return invalid (error, _("Volume %s: %s volumes do not take provisioned IOPS."), device, info->name);

  if (volume->throughput != 0)
    {
      int iops = volume->iops != 0 ? volume->iops : 3000;

      if (!am_launch_volume_type_has_throughput (volume->volume_type))
        return invalid (error, _("Volume %s: only gp3 volumes take a throughput."), device);
      if (volume->throughput < 125 || volume->throughput > 1000)
        return invalid (error, _("Volume %s: gp3 throughput is 125 to 1000 MiB/s; %d is out of range."),
                        device, volume->throughput);
      if (volume->throughput * 4 > iops)
        return invalid (error, _("Volume %s: %d MiB/s needs at least %d IOPS (0.25 MiB/s per IOPS)."),
                        device, volume->throughput, volume->throughput * 4);
    }

  if (volume->snapshot_encrypted && !volume->encrypted)
    return invalid (error, _("Volume %s: its snapshot is encrypted, so the volume must be too."), device);
  return TRUE;
}

static gboolean
validate_volumes (AmLaunchRequest  *self,
                  GError          **error)
{
  g_autoptr (GHashTable) devices = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->volumes->len; i++)
    {
      const AmLaunchVolume *volume = g_ptr_array_index (self->volumes, i);

      if (volume->device_name == NULL || *volume->device_name == '\0')
        return invalid (error, _("Volume %u: enter a device name such as /dev/sdf."), i + 1);
      if (!g_hash_table_add (devices, volume->device_name))
        return invalid (error, _("Volume %s: two volumes use this device name."), volume->device_name);
      if (!validate_volume (self, volume, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
validate_tags (AmLaunchRequest  *self,
               GError          **error)
{
  g_autoptr (GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_instance_tags = 0;
  guint n_volume_tags = 0;

  for (guint i = 0; i < self->tags->len; i++)
    {
      const AmLaunchTag *tag = g_ptr_array_index (self->tags, i);

      if (tag->key == NULL || *tag->key == '\0')
        return invalid (error, _("Tags: a tag has no key. Enter a key or remove the tag."));
      if (g_utf8_strlen (tag->key, -1) > 128)
        return invalid (error, _("Tags: the key “%.20s…” is longer than 128 characters."), tag->key);
      if (g_ascii_strncasecmp (tag->key, "aws:", 4) == 0)
        return invalid (error, _("Tags: keys starting with “aws:” are reserved (%s)."), tag->key);
      if (tag->value != NULL && g_utf8_strlen (tag->value, -1) > 256)
        return invalid (error, _("Tags: the value of %s is longer than 256 characters."), tag->key);
      if (!tag->instances && !tag->volumes)
        return invalid (error, _("Tags: %s applies to nothing. Tick instances, volumes or both."), tag->key);
      if (!g_hash_table_add (keys, tag->key))
        return invalid (error, _("Tags: the key %s appears twice."), tag->key);
      n_instance_tags += tag->instances ? 1 : 0;
      n_volume_tags += tag->volumes ? 1 : 0;
    }
  if (n_instance_tags > AM_LAUNCH_MAX_TAGS || n_volume_tags > AM_LAUNCH_MAX_TAGS)
    return invalid (error, _("Tags: a resource takes at most %d tags."), AM_LAUNCH_MAX_TAGS);
  return TRUE;
}

static gboolean
validate_user_data (AmLaunchRequest  *self,
                    GError          **error)
{
  gsize size;

  if (self->user_data == NULL)
    return TRUE;
  size = g_bytes_get_size (self->user_data);
  if (size > AM_LAUNCH_USER_DATA_MAX)
    return invalid (error, _("User data: %lu bytes is over the 16 KB (16384 bytes) limit. Shorten it, compress it, or fetch the rest from the script."),
                    (unsigned long) size);
  return TRUE;
}

static gboolean
validate_iam_profile (AmLaunchRequest  *self,
                      GError          **error)
{
  const char *profile = self->iam_profile;

  if (profile == NULL)
    return TRUE;
  if (g_str_has_prefix (profile, "arn:"))
    {
      if (strstr (profile, ":instance-profile/") == NULL)
        return invalid (error, _("IAM instance profile: “%s” is not an instance profile ARN (arn:aws:iam::ACCOUNT:instance-profile/NAME)."),
                        profile);
      return TRUE;
    }
  if (strlen (profile) > 128)
    return invalid (error, _("IAM instance profile: the name is longer than 128 characters."));
  for (const char *p = profile; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("+=,.@_-", *p) == NULL)
      return invalid (error, _("IAM instance profile: “%c” is not allowed; use letters, digits and +=,.@_-"), *p);
  return TRUE;
}

gboolean
am_launch_request_validate_field (AmLaunchRequest  *self,
                                  AmLaunchField     field,
                                  GError          **error)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (field)
    {
    case AM_LAUNCH_FIELD_IMAGE:
      return validate_image (self, error);
    case AM_LAUNCH_FIELD_INSTANCE_TYPE:
      return validate_instance_type (self, error);
    case AM_LAUNCH_FIELD_KEY_PAIR:
      return validate_key_pair (self, error);
    case AM_LAUNCH_FIELD_VPC:
      return validate_vpc (self, error);
    case AM_LAUNCH_FIELD_SUBNETS:
      return validate_subnets (self, error);
    case AM_LAUNCH_FIELD_SECURITY_GROUPS:
      return validate_security_groups (self, error);
    case AM_LAUNCH_FIELD_NEW_GROUP_NAME:
      return validate_new_group_name (self, error);
    case AM_LAUNCH_FIELD_NEW_GROUP_SOURCE:
      return validate_new_group_source (self, error);
    case AM_LAUNCH_FIELD_COUNT:
      return validate_count (self, error);
    case AM_LAUNCH_FIELD_VOLUMES:
      return validate_volumes (self, error);
    case AM_LAUNCH_FIELD_TAGS:
      return validate_tags (self, error);
    case AM_LAUNCH_FIELD_USER_DATA:
      return validate_user_data (self, error);
    case AM_LAUNCH_FIELD_IAM_PROFILE:
      return validate_iam_profile (self, error);
    case AM_LAUNCH_N_FIELDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
am_launch_request_validate_full (AmLaunchRequest  *self,
                                 AmLaunchField    *invalid_field,
                                 GError          **error)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), FALSE);

  for (guint field = 0; field < AM_LAUNCH_N_FIELDS; field++)
    if (!am_launch_request_validate_field (self, field, error))
      {
        if (invalid_field != NULL)
          *invalid_field = field;
        return FALSE;
      }
  return TRUE;
}

gboolean
am_launch_request_validate (AmLaunchRequest  *self,
                            GError          **error)
{
  return am_launch_request_validate_full (self, NULL, error);
}

AmLaunchField
am_launch_field_for_error (const GError *error)
{
  const char *code;

  g_return_val_if_fail (error != NULL, AM_LAUNCH_N_FIELDS);

  if (error->domain != AM_AWS_ERROR)
    return AM_LAUNCH_N_FIELDS;
  code = am_aws_error_get_code (error);
  if (code == NULL)
    return AM_LAUNCH_N_FIELDS;

  if (g_str_has_prefix (code, "InvalidAMIID") || g_str_equal (code, "InvalidAMIName.NotFound"))
    return AM_LAUNCH_FIELD_IMAGE;
  if (g_str_has_prefix (code, "InvalidKeyPair"))
    return AM_LAUNCH_FIELD_KEY_PAIR;
  if (g_str_equal (code, "InsufficientInstanceCapacity") || g_str_equal (code, "Unsupported")
      || g_str_has_prefix (code, "InvalidInstanceType"))
    return AM_LAUNCH_FIELD_INSTANCE_TYPE;
  if (g_str_has_prefix (code, "InvalidGroup") || g_str_has_prefix (code, "InvalidSecurityGroup"))
    return AM_LAUNCH_FIELD_SECURITY_GROUPS;
  if (g_str_has_prefix (code, "InvalidVpc"))
    return AM_LAUNCH_FIELD_VPC;
  if (g_str_equal (code, "InstanceLimitExceeded") || g_str_equal (code, "VcpuLimitExceeded"))
    return AM_LAUNCH_FIELD_COUNT;
  if (g_str_has_prefix (code, "InvalidSubnet") || g_str_has_prefix (code, "InvalidNetworkInterface")
      || g_str_equal (code, "InsufficientFreeAddressesInSubnet"))
    return AM_LAUNCH_FIELD_SUBNETS;
  if (g_str_has_prefix (code, "InvalidBlockDeviceMapping") || g_str_has_prefix (code, "InvalidSnapshot")
      || g_str_has_prefix (code, "InvalidVolume") || g_str_equal (code, "VolumeLimitExceeded"))
    return AM_LAUNCH_FIELD_VOLUMES;
  if (g_str_has_prefix (code, "InvalidUserData"))
    return AM_LAUNCH_FIELD_USER_DATA;
  if (g_str_has_prefix (code, "InvalidTag") || g_str_equal (code, "TagLimitExceeded"))
    return AM_LAUNCH_FIELD_TAGS;
  if (g_str_has_prefix (code, "InvalidIamInstanceProfile"))
    return AM_LAUNCH_FIELD_IAM_PROFILE;

  /* Generic parameter errors name the parameter in their message. */
  if (g_str_has_prefix (code, "InvalidParameter") || g_str_equal (code, "MissingParameter"))
    {
      static const struct { const char *word; AmLaunchField field; } words[] = {
        { "BlockDeviceMapping", AM_LAUNCH_FIELD_VOLUMES },
        { "volume", AM_LAUNCH_FIELD_VOLUMES },
        { "Iops", AM_LAUNCH_FIELD_VOLUMES },
        { "iops", AM_LAUNCH_FIELD_VOLUMES },
        { "UserData", AM_LAUNCH_FIELD_USER_DATA },
        { "IamInstanceProfile", AM_LAUNCH_FIELD_IAM_PROFILE },
        { "iamInstanceProfile", AM_LAUNCH_FIELD_IAM_PROFILE },
        { "TagSpecification", AM_LAUNCH_FIELD_TAGS },
        { "tag", AM_LAUNCH_FIELD_TAGS },
        { "KeyName", AM_LAUNCH_FIELD_KEY_PAIR },
        { "InstanceType", AM_LAUNCH_FIELD_INSTANCE_TYPE },
        { "instance type", AM_LAUNCH_FIELD_INSTANCE_TYPE },
        { "Subnet", AM_LAUNCH_FIELD_SUBNETS },
        { "subnet", AM_LAUNCH_FIELD_SUBNETS },
        { "SecurityGroup", AM_LAUNCH_FIELD_SECURITY_GROUPS },
        { "NetworkInterface", AM_LAUNCH_FIELD_SUBNETS },
        { "MinCount", AM_LAUNCH_FIELD_COUNT },
        { "MaxCount", AM_LAUNCH_FIELD_COUNT },
        { "ImageId", AM_LAUNCH_FIELD_IMAGE },
      };

      for (guint i = 0; i < G_N_ELEMENTS (words); i++)
        if (error->message != NULL && strstr (error->message, words[i].word) != NULL)
          return words[i].field;
    }
  return AM_LAUNCH_N_FIELDS;
}

/* Plan */

void
am_launch_spread (guint  count,
                  guint  n_slots,
                  guint *counts)
{
  g_return_if_fail (n_slots == 0 || counts != NULL);

  for (guint i = 0; i < n_slots; i++)
    counts[i] = count / n_slots + (i < count % n_slots ? 1 : 0);
}

GArray *
am_launch_request_plan (AmLaunchRequest *self)
{
  GArray *plan;
  g_autofree guint *counts = NULL;

  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);

  plan = g_array_new (FALSE, TRUE, sizeof (AmLaunchPlacement));
  if (self->subnets->len == 0)
    return plan;

  counts = g_new0 (guint, self->subnets->len);
  am_launch_spread (self->count, self->subnets->len, counts);
  for (guint i = 0; i < self->subnets->len; i++)
    {
      AmLaunchPlacement placement = { g_ptr_array_index (self->subnets, i), counts[i] };

      if (placement.count > 0)
        g_array_append_val (plan, placement);
    }
  return plan;
}

const char *
am_launch_request_get_client_token (AmLaunchRequest *self,
                                    const char      *subnet_id)
{
  const char *token;

  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  g_return_val_if_fail (subnet_id != NULL, NULL);

  token = g_hash_table_lookup (self->client_tokens, subnet_id);
  if (token == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      char *made = g_strconcat ("amiable-", uuid, NULL);

      /* 44 ASCII characters: within the 64 EC2 allows. */
      g_hash_table_insert (self->client_tokens, g_strdup (subnet_id), made);
      token = made;
    }
  return token;
}

void
am_launch_request_reset_client_tokens (AmLaunchRequest *self)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));
  g_hash_table_remove_all (self->client_tokens);
}

/* Serialisation. RunInstances and LaunchTemplateData share the field names; @prefix is ""
 * or "LaunchTemplateData.". */

static void
add_security_group_ids (AmLaunchRequest *self,
                        AmQueryParams   *params,
                        const char      *prefix)
{
  guint n = 1;

  for (guint i = 0; i + 1 < self->security_groups->len; i++)
    am_query_params_add_at (params, g_ptr_array_index (self->security_groups, i),
                            "%sSecurityGroupId.%u", prefix, n++);
  if (self->created_group_id != NULL
      && !am_launch_request_has_security_group (self, self->created_group_id))
    am_query_params_add_at (params, self->created_group_id, "%sSecurityGroupId.%u", prefix, n++);
}

static void
add_tag_specification (AmLaunchRequest *self,
                       AmQueryParams   *params,
                       const char      *prefix,
                       guint           *spec_index,
                       const char      *resource_type,
                       gboolean         volumes)
{
  guint n = 0;

  for (guint i = 0; i < self->tags->len; i++)
    {
      const AmLaunchTag *tag = g_ptr_array_index (self->tags, i);

      if (!(volumes ? tag->volumes : tag->instances))
        continue;
      if (n == 0)
        am_query_params_add_at (params, resource_type, "%sTagSpecification.%u.ResourceType",
                                prefix, *spec_index);
      n++;
      am_query_params_add_at (params, tag->key, "%sTagSpecification.%u.Tag.%u.Key",
                              prefix, *spec_index, n);
      am_query_params_add_at (params, tag->value != NULL ? tag->value : "",
                              "%sTagSpecification.%u.Tag.%u.Value", prefix, *spec_index, n);
    }
  if (n > 0)
    (*spec_index)++;
}

static void
add_launch_data (AmLaunchRequest *self,
                 AmQueryParams   *params,
                 const char      *prefix,
                 AmSubnet        *subnet)
{
  g_autofree char *user_data = NULL;
  guint spec_index = 1;

  if (self->image != NULL)
    am_query_params_add_at (params, am_image_get_image_id (self->image), "%sImageId", prefix);
  if (self->instance_type != NULL)
    am_query_params_add_at (params, am_instance_type_get_instance_type (self->instance_type),
                            "%sInstanceType", prefix);
  if (self->key_name != NULL)
    am_query_params_add_at (params, self->key_name, "%sKeyName", prefix);

  if (self->public_ip == AM_LAUNCH_PUBLIC_IP_SUBNET_DEFAULT)
    {
      if (subnet != NULL)
        am_query_params_add_at (params, am_subnet_get_subnet_id (subnet), "%sSubnetId", prefix);
      add_security_group_ids (self, params, prefix);
    }
  else
    {
      /* Asking for (or against) a public address takes a network interface specification,
       * which then holds the subnet and the groups. */
      g_autofree char *nic = g_strdup_printf ("%sNetworkInterface.1.", prefix);

      am_query_params_add_at (params, "0", "%sDeviceIndex", nic);
      if (subnet != NULL)
        am_query_params_add_at (params, am_subnet_get_subnet_id (subnet), "%sSubnetId", nic);
      am_query_params_add_at (params,
                              self->public_ip == AM_LAUNCH_PUBLIC_IP_ENABLE ? "true" : "false",
                              "%sAssociatePublicIpAddress", nic);
      am_query_params_add_at (params, "true", "%sDeleteOnTermination", nic);
      add_security_group_ids (self, params, nic);
    }

  for (guint i = 0; i < self->volumes->len; i++)
    {
      const AmLaunchVolume *volume = g_ptr_array_index (self->volumes, i);
      g_autofree char *bdm = g_strdup_printf ("%sBlockDeviceMapping.%u.", prefix, i + 1);

      am_query_params_add_at (params, volume->device_name, "%sDeviceName", bdm);
      if (volume->virtual_name != NULL)
        {
          am_query_params_add_at (params, volume->virtual_name, "%sVirtualName", bdm);
          continue;
        }
      am_query_params_add_at (params, volume->volume_type, "%sEbs.VolumeType", bdm);
      {
        g_autofree char *size = g_strdup_printf ("%d", volume->size);

        am_query_params_add_at (params, size, "%sEbs.VolumeSize", bdm);
      }
      if (volume->iops > 0 && am_launch_volume_type_has_iops (volume->volume_type))
        {
          g_autofree char *value = g_strdup_printf ("%d", volume->iops);

          am_query_params_add_at (params, value, "%sEbs.Iops", bdm);
        }
      if (volume->throughput > 0 && am_launch_volume_type_has_throughput (volume->volume_type))
        {
          g_autofree char *value = g_strdup_printf ("%d", volume->throughput);

          am_query_params_add_at (params, value, "%sEbs.Throughput", bdm);
        }
      am_query_params_add_at (params, volume->delete_on_termination ? "true" : "false",
                              "%sEbs.DeleteOnTermination", bdm);
      /* An encrypted snapshot makes an encrypted volume by itself; asking again is refused
       * with some KMS setups, so only a change is sent. */
      if (volume->encrypted && !volume->snapshot_encrypted)
        am_query_params_add_at (params, "true", "%sEbs.Encrypted", bdm);
    }

  add_tag_specification (self, params, prefix, &spec_index, "instance", FALSE);
  add_tag_specification (self, params, prefix, &spec_index, "volume", TRUE);

  user_data = am_launch_request_dup_user_data_base64 (self);
  if (user_data != NULL)
    am_query_params_add_at (params, user_data, "%sUserData", prefix);

  if (self->iam_profile != NULL)
    am_query_params_add_at (params, self->iam_profile,
                            g_str_has_prefix (self->iam_profile, "arn:")
                            ? "%sIamInstanceProfile.Arn" : "%sIamInstanceProfile.Name",
                            prefix);

  am_query_params_add_at (params, self->shutdown_terminates ? "terminate" : "stop",
                          "%sInstanceInitiatedShutdownBehavior", prefix);
  if (self->termination_protection)
    am_query_params_add_at (params, "true", "%sDisableApiTermination", prefix);
  am_query_params_add_at (params, self->imdsv2_required ? "required" : "optional",
                          "%sMetadataOptions.HttpTokens", prefix);
  am_query_params_add_at (params, "enabled", "%sMetadataOptions.HttpEndpoint", prefix);
}

AmQueryParams *
am_launch_request_to_run_instances (AmLaunchRequest         *self,
                                    const AmLaunchPlacement *placement,
                                    gboolean                 dry_run)
{
  AmQueryParams *params;

  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  g_return_val_if_fail (placement != NULL && AM_IS_SUBNET (placement->subnet), NULL);

  params = am_query_params_new ("RunInstances", "2016-11-15");
  add_launch_data (self, params, "", placement->subnet);
  am_query_params_add_int (params, "MinCount", placement->count);
  am_query_params_add_int (params, "MaxCount", placement->count);
  if (dry_run)
    am_query_params_add_boolean (params, "DryRun", TRUE);
  else
    am_query_params_add (params, "ClientToken",
                         am_launch_request_get_client_token (self,
                                                             am_subnet_get_subnet_id (placement->subnet)));
  return params;
}

gboolean
am_launch_check_launch_template_name (const char  *name,
                                      GError     **error)
{
  gsize len = name != NULL ? strlen (name) : 0;

  if (len < 3 || len > 128)
    return invalid (error, _("Template name: use 3 to 128 characters."));
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("()./_-", *p) == NULL)
      return invalid (error, _("Template name: “%c” is not allowed; use letters, digits and ( ) . / _ -"), *p);
  return TRUE;
}

AmQueryParams *
am_launch_request_to_launch_template (AmLaunchRequest *self,
                                      const char      *name,
                                      const char      *description,
                                      const char      *client_token,
                                      gboolean         dry_run)
{
  AmQueryParams *params;

  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  params = am_query_params_new ("CreateLaunchTemplate", "2016-11-15");
  am_query_params_add (params, "LaunchTemplateName", name);
  if (description != NULL && *description != '\0')
    am_query_params_add (params, "VersionDescription", description);
  add_launch_data (self, params, "LaunchTemplateData.", NULL);
  if (client_token != NULL)
    am_query_params_add (params, "ClientToken", client_token);
  if (dry_run)
    am_query_params_add_boolean (params, "DryRun", TRUE);
  return params;
}

/* Sending */

typedef struct
{
  char *zone;
  gboolean dry_run;
} RunData;

static void
run_data_free (RunData *data)
{
  g_free (data->zone);
  g_free (data);
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  RunData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GPtrArray) instances = NULL;
  static const char * const path[] = { "instancesSet", NULL };

  body = am_query_client_call_finish (AM_QUERY_CLIENT (object), result, &error);
  if (body == NULL)
    {
      if (data->dry_run && g_error_matches (error, AM_AWS_ERROR, AM_AWS_ERROR_DRY_RUN))
        {
          g_task_return_pointer (task, g_ptr_array_new_with_free_func (g_object_unref),
                                 (GDestroyNotify) g_ptr_array_unref);
          return;
        }
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&error, data->dry_run ? _("The dry run in %s failed: ")
                                              : _("Could not launch in %s: "),
                        data->zone);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (data->dry_run)
    {
      /* EC2 answers a successful dry run with DryRunOperation, never with instances. */
      g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                               _("The dry run in %s launched instead of answering DryRunOperation; check the endpoint."),
                               data->zone);
      return;
    }

  instances = _am_ec2_parse_list (body, _am_instance_get_model_info (), path, NULL, &error);
  if (instances == NULL)
    {
      g_prefix_error (&error, _("Could not read the launch in %s: "), data->zone);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&instances), (GDestroyNotify) g_ptr_array_unref);
}

void
am_launch_request_run_async (AmLaunchRequest         *self,
                             AmQueryClient           *client,
                             const AmLaunchPlacement *placement,
                             gboolean                 dry_run,
                             GCancellable            *cancellable,
                             GAsyncReadyCallback      callback,
                             gpointer                 user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (AmQueryParams) params = NULL;
  RunData *data;
  const char *zone;

  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));
  g_return_if_fail (AM_IS_QUERY_CLIENT (client));
  g_return_if_fail (placement != NULL && AM_IS_SUBNET (placement->subnet));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_launch_request_run_async);
  zone = am_subnet_get_availability_zone (placement->subnet);
  data = g_new0 (RunData, 1);
  data->zone = g_strdup (zone != NULL ? zone : am_subnet_get_subnet_id (placement->subnet));
  data->dry_run = dry_run;
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);

  params = am_launch_request_to_run_instances (self, placement, dry_run);
  am_query_client_call_async (client, params, cancellable, run_cb, g_steal_pointer (&task));
}

GPtrArray *
am_launch_request_run_finish (AmLaunchRequest  *self,
                              GAsyncResult     *result,
                              gboolean         *dry_run_ok,
                              GError          **error)
{
  GPtrArray *instances;
  RunData *data;

  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_launch_request_run_async, NULL);

  data = g_task_get_task_data (G_TASK (result));
  instances = g_task_propagate_pointer (G_TASK (result), error);
  if (dry_run_ok != NULL)
    *dry_run_ok = instances != NULL && data->dry_run;
  return instances;
}

static void
create_template_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GObject) template = NULL;
  static const char * const path[] = { "launchTemplate", NULL };

  body = am_query_client_call_finish (AM_QUERY_CLIENT (object), result, &error);
  if (body != NULL)
    template = _am_ec2_parse_object (body, _am_launch_template_get_model_info (), path, &error);
  if (template == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&error, _("Could not save the launch template: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&template), g_object_unref);
}

void
am_launch_request_create_template_async (AmLaunchRequest     *self,
                                         AmQueryClient       *client,
                                         const char          *name,
                                         const char          *description,
                                         const char          *client_token,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (AmQueryParams) params = NULL;

  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));
  g_return_if_fail (AM_IS_QUERY_CLIENT (client));
  g_return_if_fail (name != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_launch_request_create_template_async);
  params = am_launch_request_to_launch_template (self, name, description, client_token, FALSE);
  am_query_client_call_async (client, params, cancellable, create_template_cb, g_steal_pointer (&task));
}

AmLaunchTemplate *
am_launch_request_create_template_finish (AmLaunchRequest  *self,
                                          GAsyncResult     *result,
                                          GError          **error)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_launch_request_create_template_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
