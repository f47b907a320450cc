/* am-image.c: an Amazon Machine Image with every field of a DescribeImages item
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image"

#include "config.h"

#include "am-image.h"
#include "am-ec2-model-private.h"

struct _AmImage
{
  GObject parent_instance;

  /* filled once by the reader or the cache, read-only afterwards */
  char *image_id;
  char *image_location;
  const char *state;
  const char *owner_id;
  char *creation_date;
  gboolean is_public;
  gpointer *product_codes;
  const char *architecture;
  const char *image_type;
  const char *kernel_id;
  const char *ramdisk_id;
  const char *platform;
  const char *platform_details;
  const char *usage_operation;
  const char *state_reason_code;
  const char *state_reason_message;
  const char *owner_alias;
  char *name;
  char *description;
  const char *root_device_type;
  const char *root_device_name;
  gpointer *block_device_mappings;
  const char *virtualization_type;
  gpointer *tags;
  const char *hypervisor;
  gboolean ena_support;
  const char *sriov_net_support;
  const char *boot_mode;
  const char *tpm_support;
  char *deprecation_time;
  const char *imds_support;
  char *source_instance_id;
  const char *deregistration_protection;
  char *last_launched_time;
  gboolean image_allowed;
  char *source_image_id;
  const char *source_image_region;
  gboolean free_tier_eligible;
  char *search_key;
  gint64 creation_time;
  gint64 deprecation_unix;
  gboolean is_deprecated;
};

G_DEFINE_FINAL_TYPE (AmImage, am_image, G_TYPE_OBJECT)

static void am_image_finish (GObject *object);

static const AmField am_image_fields[] = {
  { "image-id", "imageId", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImage, image_id), NULL },
  { "image-location", "imageLocation", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImage, image_location), NULL },
  { "state", "imageState", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImage, state), NULL },
  { "owner-id", "imageOwnerId", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImage, owner_id), NULL },
  { "creation-date", "creationDate", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImage, creation_date), NULL },
  { "is-public", "isPublic", NULL, AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (AmImage, is_public), NULL },
  { "product-codes", "productCodes", NULL, AM_FIELD_OBJECTS, G_STRUCT_OFFSET (AmImage, product_codes), _am_product_code_get_model_info },
  { "architecture", "architecture", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImage, architecture), NULL },
  { "image-type", "imageType", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImage, image_type), NULL },
  { "kernel-id", "kernelId", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImage, kernel_id), NULL },
  { "ramdisk-id", "ramdiskId", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImage, ramdisk_id), NULL },
  { "platform", "platform", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImage, platform), NULL },
  { "platform-details", "platformDetails", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImage, platform_details), NULL },
  { "usage-operation", "usageOperation", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImage, usage_operation), NULL },
  { "state-reason-code", "code", "stateReason", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImage, state_reason_code), NULL },
  { "state-reason-message", "message", "stateReason", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImage, state_reason_message), NULL },
  { "owner-alias", "imageOwnerAlias", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImage, owner_alias), NULL },
  { "name", "name", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImage, name), NULL },
  { "description", "description", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImage, description), NULL },
  { "root-device-type", "rootDeviceType", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImage, root_device_type), NULL },
  { "root-device-name", "rootDeviceName", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImage, root_device_name), NULL },
  { "block-device-mappings", "blockDeviceMapping", NULL, AM_FIELD_OBJECTS, G_STRUCT_OFFSET (AmImage, block_device_mappings), _am_block_device_mapping_get_model_info },
  { "virtualization-type", "virtualizationType", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImage, virtualization_type), NULL },
  { "tags", "tagSet", NULL, AM_FIELD_OBJECTS, G_STRUCT_OFFSET (AmImage, tags), _am_tag_get_model_info },
  { "hypervisor", "hypervisor", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImage, hypervisor), NULL },
  { "ena-support", "enaSupport", NULL, AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (AmImage, ena_support), NULL },
  { "sriov-net-support", "sriovNetSupport", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImage, sriov_net_support), NULL },
  { "boot-mode", "bootMode", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImage, boot_mode), NULL },
  { "tpm-support", "tpmSupport", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImage, tpm_support), NULL },
  { "deprecation-time", "deprecationTime", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImage, deprecation_time), NULL },
  { "imds-support", "imdsSupport", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImage, imds_support), NULL },
  { "source-instance-id", "sourceInstanceId", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImage, source_instance_id), NULL },
  { "deregistration-protection", "deregistrationProtection", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImage, deregistration_protection), NULL },
  { "last-launched-time", "lastLaunchedTime", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImage, last_launched_time), NULL },
  { "image-allowed", "imageAllowed", NULL, AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (AmImage, image_allowed), NULL },
  { "source-image-id", "sourceImageId", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImage, source_image_id), NULL },
  { "source-image-region", "sourceImageRegion", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImage, source_image_region), NULL },
  { "free-tier-eligible", "freeTierEligible", NULL, AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (AmImage, free_tier_eligible), NULL },
  { "search-key", NULL, NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImage, search_key), NULL },
  { "creation-time", NULL, NULL, AM_FIELD_INT64, G_STRUCT_OFFSET (AmImage, creation_time), NULL },
  { "deprecation-unix", NULL, NULL, AM_FIELD_INT64, G_STRUCT_OFFSET (AmImage, deprecation_unix), NULL },
  { "is-deprecated", NULL, NULL, AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (AmImage, is_deprecated), NULL },
};

static AmModelInfo am_image_info = {
  "AmImage", am_image_get_type, am_image_fields, G_N_ELEMENTS (am_image_fields), am_image_finish, NULL,
};

const AmModelInfo *
_am_image_get_model_info (void)
{
  return &am_image_info;
}

static void
am_image_finalize (GObject *object)
{
  _am_model_clear (object, &am_image_info);

  G_OBJECT_CLASS (am_image_parent_class)->finalize (object);
}

static void
am_image_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  if (!_am_model_get_property (object, &am_image_info, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_image_class_init (AmImageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_image_finalize;
  object_class->get_property = am_image_get_property;

  _am_model_install_properties (object_class, &am_image_info);
}

static void
am_image_init (AmImage *self)
{
}

const char *
am_image_get_image_id (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->image_id;
}

const char *
am_image_get_image_location (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->image_location;
}

const char *
am_image_get_state (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->state;
}

const char *
am_image_get_owner_id (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->owner_id;
}

const char *
am_image_get_creation_date (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->creation_date;
}

gboolean
am_image_get_is_public (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), FALSE);

  return self->is_public;
}

AmProductCode * const *
am_image_get_product_codes (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return (AmProductCode * const *) _am_model_array_or_empty (self->product_codes);
}

const char *
am_image_get_architecture (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->architecture;
}

const char *
am_image_get_image_type (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->image_type;
}

const char *
am_image_get_kernel_id (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->kernel_id;
}

const char *
am_image_get_ramdisk_id (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->ramdisk_id;
}

const char *
am_image_get_platform (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->platform;
}

const char *
am_image_get_platform_details (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->platform_details;
}

const char *
am_image_get_usage_operation (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->usage_operation;
}

const char *
am_image_get_state_reason_code (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->state_reason_code;
}

const char *
am_image_get_state_reason_message (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->state_reason_message;
}

const char *
am_image_get_owner_alias (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->owner_alias;
}

const char *
am_image_get_name (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->name;
}

const char *
am_image_get_description (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->description;
}

const char *
am_image_get_root_device_type (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->root_device_type;
}

const char *
am_image_get_root_device_name (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->root_device_name;
}

AmBlockDeviceMapping * const *
am_image_get_block_device_mappings (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return (AmBlockDeviceMapping * const *) _am_model_array_or_empty (self->block_device_mappings);
}

const char *
am_image_get_virtualization_type (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->virtualization_type;
}

AmTag * const *
am_image_get_tags (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return (AmTag * const *) _am_model_array_or_empty (self->tags);
}

const char *
am_image_get_hypervisor (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->hypervisor;
}

gboolean
am_image_get_ena_support (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), FALSE);

  return self->ena_support;
}

const char *
am_image_get_sriov_net_support (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->sriov_net_support;
}

const char *
am_image_get_boot_mode (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->boot_mode;
}

const char *
am_image_get_tpm_support (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->tpm_support;
}

const char *
am_image_get_deprecation_time (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->deprecation_time;
}

const char *
am_image_get_imds_support (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->imds_support;
}

const char *
am_image_get_source_instance_id (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->source_instance_id;
}

const char *
am_image_get_deregistration_protection (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->deregistration_protection;
}

const char *
am_image_get_last_launched_time (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->last_launched_time;
}

gboolean
am_image_get_image_allowed (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), FALSE);

  return self->image_allowed;
}

const char *
am_image_get_source_image_id (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->source_image_id;
}

const char *
am_image_get_source_image_region (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->source_image_region;
}

gboolean
am_image_get_free_tier_eligible (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), FALSE);

  return self->free_tier_eligible;
}

const char *
am_image_get_search_key (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), NULL);

  return self->search_key;
}

gint64
am_image_get_creation_time (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), 0);

  return self->creation_time;
}

gint64
am_image_get_deprecation_unix (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), 0);

  return self->deprecation_unix;
}

gboolean
am_image_get_is_deprecated (AmImage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), FALSE);

  return self->is_deprecated;
}

static void
append_folded (GString    *out,
               const char *text)
{
  const char *p;

  if (text == NULL || *text == '\0')
    return;

  for (p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      break;

  if (*p == '\0')
    {
      gsize start = out->len;
      gsize len = p - text;

      g_string_append_len (out, text, len);
      for (gsize i = start; i < out->len; i++)
        out->str[i] = g_ascii_tolower (out->str[i]);
    }
  else
    {
      g_autofree char *folded = g_utf8_casefold (text, -1);

      g_string_append (out, folded);
    }
}

char *
am_image_fold_search_text (const char *text)
{
  GString *out = g_string_new (NULL);

  append_folded (out, text);
  return g_string_free (out, FALSE);
}

static void
am_image_finish (GObject *object)
{
  AmImage *self = AM_IMAGE (object);
  GString *key;

  self->creation_time = _am_model_parse_time (self->creation_date, 0);
  self->deprecation_unix = _am_model_parse_time (self->deprecation_time, G_MAXINT64);
  self->is_deprecated = self->deprecation_unix <= g_get_real_time () / G_USEC_PER_SEC;

  /* One allocation sized up front: the key is built for every image of a listing. */
  key = g_string_sized_new ((self->name ? strlen (self->name) : 0)
                            + (self->image_id ? strlen (self->image_id) : 0)
                            + (self->description ? strlen (self->description) : 0) + 3);
  append_folded (key, self->name);
  g_string_append_c (key, '\n');
  append_folded (key, self->image_id);
  g_string_append_c (key, '\n');
  append_folded (key, self->description);
  g_free (self->search_key);
  self->search_key = g_string_free (key, FALSE);
}

gboolean
am_image_is_same (AmImage *self,
                  AmImage *other)
{
  g_return_val_if_fail (AM_IS_IMAGE (self), FALSE);
  g_return_val_if_fail (AM_IS_IMAGE (other), FALSE);

  return _am_model_equal (G_OBJECT (self), G_OBJECT (other), &am_image_info);
}
