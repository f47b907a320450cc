/* am-image-attribute.c: the answer of DescribeImageAttribute for one attribute of an image
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-attribute"

#include "config.h"

#include "am-image-attribute.h"
#include "am-ec2-model-private.h"

struct _AmImageAttribute
{
  GObject parent_instance;

  /* filled once by the reader or the cache, read-only afterwards */
  char *image_id;
  gpointer *launch_permissions;
  gpointer *product_codes;
  char *description;
  char *uefi_data;
  char *last_launched_time;
  GQuark kernel_id;
  GQuark ramdisk_id;
  GQuark sriov_net_support;
  GQuark boot_mode;
  GQuark tpm_support;
  GQuark imds_support;
  GQuark deregistration_protection;
};

G_DEFINE_FINAL_TYPE (AmImageAttribute, am_image_attribute, G_TYPE_OBJECT)

static const AmField am_image_attribute_fields[] = {
  { "image-id", "imageId", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImageAttribute, image_id), NULL },
  { "launch-permissions", "launchPermission", NULL, AM_FIELD_OBJECTS, G_STRUCT_OFFSET (AmImageAttribute, launch_permissions), _am_launch_permission_get_model_info },
  { "product-codes", "productCodes", NULL, AM_FIELD_OBJECTS, G_STRUCT_OFFSET (AmImageAttribute, product_codes), _am_product_code_get_model_info },
  { "description", "value", "description", AM_FIELD_STRING, G_STRUCT_OFFSET (AmImageAttribute, description), NULL },
  { "kernel-id", "value", "kernel", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImageAttribute, kernel_id), NULL },
  { "ramdisk-id", "value", "ramdisk", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImageAttribute, ramdisk_id), NULL },
  { "sriov-net-support", "value", "sriovNetSupport", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImageAttribute, sriov_net_support), NULL },
  { "boot-mode", "value", "bootMode", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImageAttribute, boot_mode), NULL },
  { "tpm-support", "value", "tpmSupport", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImageAttribute, tpm_support), NULL },
  { "uefi-data", "value", "uefiData", AM_FIELD_STRING, G_STRUCT_OFFSET (AmImageAttribute, uefi_data), NULL },
  { "last-launched-time", "value", "lastLaunchedTime", AM_FIELD_STRING, G_STRUCT_OFFSET (AmImageAttribute, last_launched_time), NULL },
  { "imds-support", "value", "imdsSupport", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImageAttribute, imds_support), NULL },
  { "deregistration-protection", "value", "deregistrationProtection", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImageAttribute, deregistration_protection), NULL },
};

static AmModelInfo am_image_attribute_info = {
  "AmImageAttribute", am_image_attribute_get_type, am_image_attribute_fields, G_N_ELEMENTS (am_image_attribute_fields), NULL, NULL,
};

const AmModelInfo *
_am_image_attribute_get_model_info (void)
{
  return &am_image_attribute_info;
}

static void
am_image_attribute_finalize (GObject *object)
{
  _am_model_clear (object, &am_image_attribute_info);

  G_OBJECT_CLASS (am_image_attribute_parent_class)->finalize (object);
}

static void
am_image_attribute_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  if (!_am_model_get_property (object, &am_image_attribute_info, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_image_attribute_class_init (AmImageAttributeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_image_attribute_finalize;
  object_class->get_property = am_image_attribute_get_property;

  _am_model_install_properties (object_class, &am_image_attribute_info);
}

static void
am_image_attribute_init (AmImageAttribute *self)
{
}

const char *
am_image_attribute_get_image_id (AmImageAttribute *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_ATTRIBUTE (self), NULL);

  return self->image_id;
}

AmLaunchPermission * const *
am_image_attribute_get_launch_permissions (AmImageAttribute *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_ATTRIBUTE (self), NULL);

  return (AmLaunchPermission * const *) _am_model_array_or_empty (self->launch_permissions);
}

AmProductCode * const *
am_image_attribute_get_product_codes (AmImageAttribute *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_ATTRIBUTE (self), NULL);

  return (AmProductCode * const *) _am_model_array_or_empty (self->product_codes);
}

const char *
am_image_attribute_get_description (AmImageAttribute *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_ATTRIBUTE (self), NULL);

  return self->description;
}

const char *
am_image_attribute_get_kernel_id (AmImageAttribute *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_ATTRIBUTE (self), NULL);

  return g_quark_to_string (self->kernel_id);
}

const char *
am_image_attribute_get_ramdisk_id (AmImageAttribute *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_ATTRIBUTE (self), NULL);

  return g_quark_to_string (self->ramdisk_id);
}

const char *
am_image_attribute_get_sriov_net_support (AmImageAttribute *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_ATTRIBUTE (self), NULL);

  return g_quark_to_string (self->sriov_net_support);
}

const char *
am_image_attribute_get_boot_mode (AmImageAttribute *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_ATTRIBUTE (self), NULL);

  return g_quark_to_string (self->boot_mode);
}

const char *
am_image_attribute_get_tpm_support (AmImageAttribute *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_ATTRIBUTE (self), NULL);

  return g_quark_to_string (self->tpm_support);
}

const char *
am_image_attribute_get_uefi_data (AmImageAttribute *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_ATTRIBUTE (self), NULL);

  return self->uefi_data;
}

const char *
am_image_attribute_get_last_launched_time (AmImageAttribute *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_ATTRIBUTE (self), NULL);

  return self->last_launched_time;
}

const char *
am_image_attribute_get_imds_support (AmImageAttribute *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_ATTRIBUTE (self), NULL);

  return g_quark_to_string (self->imds_support);
}

const char *
am_image_attribute_get_deregistration_protection (AmImageAttribute *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_ATTRIBUTE (self), NULL);

  return g_quark_to_string (self->deregistration_protection);
}
