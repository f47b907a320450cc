/* am-image.h: an Amazon Machine Image with every field of a DescribeImages item
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "am-block-device-mapping.h"
#include "am-product-code.h"
#include "am-tag.h"

G_BEGIN_DECLS

#define AM_TYPE_IMAGE (am_image_get_type ())

G_DECLARE_FINAL_TYPE (AmImage, am_image, AM, IMAGE, GObject)

/** am_image_get_image_id: the image id, e.g. "ami-0123456789abcdef0" */
const char *am_image_get_image_id (AmImage *self);
/** am_image_get_image_location: the image location (owner/name or S3 manifest) */
const char *am_image_get_image_location (AmImage *self);
/** am_image_get_state: the state: pending, available, invalid, deregistered, transient, failed, error or disabled */
const char *am_image_get_state (AmImage *self);
/** am_image_get_owner_id: the owning account id */
const char *am_image_get_owner_id (AmImage *self);
/** am_image_get_creation_date: the creation date (ISO 8601) */
const char *am_image_get_creation_date (AmImage *self);
/** am_image_get_is_public: whether anyone may launch it */
gboolean am_image_get_is_public (AmImage *self);
/** am_image_get_product_codes: the product codes. Returns: (transfer none): a %NULL-terminated array, never %NULL */
AmProductCode * const *am_image_get_product_codes (AmImage *self);
/** am_image_get_architecture: i386, x86_64, arm64, x86_64_mac or arm64_mac */
const char *am_image_get_architecture (AmImage *self);
/** am_image_get_image_type: machine, kernel or ramdisk */
const char *am_image_get_image_type (AmImage *self);
/** am_image_get_kernel_id: the kernel (paravirtual images), or %NULL */
const char *am_image_get_kernel_id (AmImage *self);
/** am_image_get_ramdisk_id: the RAM disk, or %NULL */
const char *am_image_get_ramdisk_id (AmImage *self);
/** am_image_get_platform: "windows" for Windows images, else %NULL */
const char *am_image_get_platform (AmImage *self);
/** am_image_is_windows: whether the platform is "windows", the only value that means Windows */
gboolean    am_image_is_windows (AmImage *self);
/** am_image_get_platform_details: the platform details, e.g. "Linux/UNIX" */
const char *am_image_get_platform_details (AmImage *self);
/** am_image_get_usage_operation: the billing usage operation, e.g. "RunInstances" */
const char *am_image_get_usage_operation (AmImage *self);
/** am_image_get_state_reason_code: the state reason code, or %NULL */
const char *am_image_get_state_reason_code (AmImage *self);
/** am_image_get_state_reason_message: the state reason message, or %NULL */
const char *am_image_get_state_reason_message (AmImage *self);
/** am_image_get_owner_alias: the owner alias (amazon, aws-marketplace, ...), or %NULL */
const char *am_image_get_owner_alias (AmImage *self);
/** am_image_get_name: the image name */
const char *am_image_get_name (AmImage *self);
/** am_image_get_description: the description, or %NULL */
const char *am_image_get_description (AmImage *self);
/** am_image_get_root_device_type: "ebs" or "instance-store" */
const char *am_image_get_root_device_type (AmImage *self);
/** am_image_get_root_device_name: the root device name, e.g. "/dev/xvda" */
const char *am_image_get_root_device_name (AmImage *self);
/** am_image_get_block_device_mappings: the block device mappings. Returns: (transfer none): a %NULL-terminated array, never %NULL */
AmBlockDeviceMapping * const *am_image_get_block_device_mappings (AmImage *self);
/** am_image_get_virtualization_type: "hvm" or "paravirtual" */
const char *am_image_get_virtualization_type (AmImage *self);
/** am_image_get_tags: the tags (visible to the owner only). Returns: (transfer none): a %NULL-terminated array, never %NULL */
AmTag * const *am_image_get_tags (AmImage *self);
/** am_image_get_hypervisor: "xen" or "ovm" */
const char *am_image_get_hypervisor (AmImage *self);
/** am_image_get_ena_support: whether ENA is enabled */
gboolean am_image_get_ena_support (AmImage *self);
/** am_image_get_sriov_net_support: "simple" when SR-IOV is enabled, else %NULL */
const char *am_image_get_sriov_net_support (AmImage *self);
/** am_image_get_boot_mode: legacy-bios, uefi or uefi-preferred, or %NULL */
const char *am_image_get_boot_mode (AmImage *self);
/** am_image_get_tpm_support: "v2.0" when NitroTPM is enabled, else %NULL */
const char *am_image_get_tpm_support (AmImage *self);
/** am_image_get_deprecation_time: when the image is (or was) deprecated (ISO 8601), or %NULL */
const char *am_image_get_deprecation_time (AmImage *self);
/** am_image_get_imds_support: "v2.0" when instances require IMDSv2, else %NULL */
const char *am_image_get_imds_support (AmImage *self);
/** am_image_get_source_instance_id: the instance the image was created from, or %NULL */
const char *am_image_get_source_instance_id (AmImage *self);
/** am_image_get_deregistration_protection: the deregistration protection state, or %NULL */
const char *am_image_get_deregistration_protection (AmImage *self);
/** am_image_get_last_launched_time: when an instance was last launched from it, or %NULL */
const char *am_image_get_last_launched_time (AmImage *self);
/** am_image_get_image_allowed: whether Allowed AMIs lets it launch */
gboolean am_image_get_image_allowed (AmImage *self);
/** am_image_get_source_image_id: the image it was copied from, or %NULL */
const char *am_image_get_source_image_id (AmImage *self);
/** am_image_get_source_image_region: the Region it was copied from, or %NULL */
const char *am_image_get_source_image_region (AmImage *self);
/**
 * am_image_get_region: the Region a listing of several Regions found it in, or %NULL in a
 * listing of one Region (the client's). The same image ID may then appear once per Region:
 * the pair is the image's identity.
 */
const char *am_image_get_region (AmImage *self);
/** am_image_set_region: set by the listing, before anyone else sees the image */
void am_image_set_region (AmImage *self, const char *region);
/** am_image_get_free_tier_eligible: whether it is free tier eligible */
gboolean am_image_get_free_tier_eligible (AmImage *self);
/** am_image_get_creation_time: the creation date in seconds since the epoch, or 0 */
gint64 am_image_get_creation_time (AmImage *self);
/** am_image_get_deprecation_unix: the deprecation time in seconds since the epoch, or G_MAXINT64 when none is set */
gint64 am_image_get_deprecation_unix (AmImage *self);
/** am_image_get_is_deprecated: whether the deprecation time had passed when the image was read */
gboolean am_image_get_is_deprecated (AmImage *self);

/**
 * am_image_fold_search_text:
 * Folds @text for search: ASCII letters to lower case, and any text that is not ASCII with
 * Unicode case folding; match the result with am_image_search_key_find() against
 * am_image_get_search_key().
 * Returns: (transfer full): the folded text
 */
char *am_image_fold_search_text (const char *text);

/**
 * am_image_get_search_key:
 * @length: (out) (optional): the length of the key in bytes
 * The name, id and description, in this order, each ended by a NUL byte (so a match cannot
 * span two fields). ASCII text is kept as it is (no lower-case copy), any other text is
 * Unicode-folded: match with am_image_match_folded() or am_image_search_key_find(), which
 * ignore ASCII case.
 * Returns: (transfer none): the key
 */
const char *am_image_get_search_key (AmImage *self,
                                     gsize   *length);

/**
 * am_image_match_folded:
 * @folded_query: a query folded with am_image_fold_search_text()
 * Returns: %TRUE when the name, the id or the description contains @folded_query
 */
gboolean am_image_match_folded (AmImage    *self,
                                const char *folded_query,
                                gsize       query_len);

/**
 * am_image_search_key_find:
 * @key: a search key (or any text) of @key_len bytes
 * @needle: a query folded with am_image_fold_search_text()
 * Returns: %TRUE when @key contains @needle, ASCII letters compared without regard to case
 * (the same answer as a byte search in the fully folded key)
 */
gboolean am_image_search_key_find (const char *key,
                                   gsize       key_len,
                                   const char *needle,
                                   gsize       needle_len);

/**
 * am_image_is_same:
 * Returns: %TRUE when @self and @other hold the same values in every field (used to tell
 *   which images changed when a listing is refreshed)
 */
gboolean am_image_is_same (AmImage *self,
                           AmImage *other);

G_END_DECLS
