/* am-image-attribute.h: the answer of DescribeImageAttribute for one attribute of an image
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "am-launch-permission.h"
#include "am-product-code.h"

G_BEGIN_DECLS

#define AM_TYPE_IMAGE_ATTRIBUTE (am_image_attribute_get_type ())

G_DECLARE_FINAL_TYPE (AmImageAttribute, am_image_attribute, AM, IMAGE_ATTRIBUTE, GObject)

/** am_image_attribute_get_image_id: the image described */
const char *am_image_attribute_get_image_id (AmImageAttribute *self);
/** am_image_attribute_get_launch_permissions: the launch permissions (attribute launchPermission). Returns: (transfer none): a %NULL-terminated array, never %NULL */
AmLaunchPermission * const *am_image_attribute_get_launch_permissions (AmImageAttribute *self);
/** am_image_attribute_get_product_codes: the product codes (attribute productCodes). Returns: (transfer none): a %NULL-terminated array, never %NULL */
AmProductCode * const *am_image_attribute_get_product_codes (AmImageAttribute *self);
/** am_image_attribute_get_description: the description (attribute description), or %NULL */
const char *am_image_attribute_get_description (AmImageAttribute *self);
/** am_image_attribute_get_kernel_id: the kernel (attribute kernel), or %NULL */
const char *am_image_attribute_get_kernel_id (AmImageAttribute *self);
/** am_image_attribute_get_ramdisk_id: the RAM disk (attribute ramdisk), or %NULL */
const char *am_image_attribute_get_ramdisk_id (AmImageAttribute *self);
/** am_image_attribute_get_sriov_net_support: SR-IOV support (attribute sriovNetSupport), or %NULL */
const char *am_image_attribute_get_sriov_net_support (AmImageAttribute *self);
/** am_image_attribute_get_boot_mode: the boot mode (attribute bootMode), or %NULL */
const char *am_image_attribute_get_boot_mode (AmImageAttribute *self);
/** am_image_attribute_get_tpm_support: TPM support (attribute tpmSupport), or %NULL */
const char *am_image_attribute_get_tpm_support (AmImageAttribute *self);
/** am_image_attribute_get_uefi_data: the UEFI variable store (attribute uefiData), or %NULL */
const char *am_image_attribute_get_uefi_data (AmImageAttribute *self);
/** am_image_attribute_get_last_launched_time: when an instance was last launched (attribute lastLaunchedTime), or %NULL */
const char *am_image_attribute_get_last_launched_time (AmImageAttribute *self);
/** am_image_attribute_get_imds_support: IMDS support (attribute imdsSupport), or %NULL */
const char *am_image_attribute_get_imds_support (AmImageAttribute *self);
/** am_image_attribute_get_deregistration_protection: deregistration protection (attribute deregistrationProtection), or %NULL */
const char *am_image_attribute_get_deregistration_protection (AmImageAttribute *self);

G_END_DECLS
