/* am-launch-request.c: everything a launch needs (the launch wizard's state): the object and its fields
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-launch-request"

#include "config.h"

#include <string.h>

#include "am-launch-request-private.h"

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
  return group_id != NULL && g_strv_contains ((const char * const *) self->security_groups->pdata, group_id);
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
