/* am-launch-request-validate.c: AmLaunchRequest's validation: each field, the type that fits an image, CIDRs
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-launch-request"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "am-aws-error.h"
#include "am-ec2-error.h"
#include "am-launch-request-private.h"

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

/* The source of a new security group */

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
