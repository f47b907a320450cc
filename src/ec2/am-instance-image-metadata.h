/* am-instance-image-metadata.h: an instance and the state of the image it was launched from (DescribeInstanceImageMetadata)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AM_TYPE_INSTANCE_IMAGE_METADATA (am_instance_image_metadata_get_type ())

G_DECLARE_FINAL_TYPE (AmInstanceImageMetadata, am_instance_image_metadata, AM, INSTANCE_IMAGE_METADATA, GObject)

/** am_instance_image_metadata_get_instance_id: the instance */
const char *am_instance_image_metadata_get_instance_id (AmInstanceImageMetadata *self);
/** am_instance_image_metadata_get_image_id: the image it was launched from */
const char *am_instance_image_metadata_get_image_id (AmInstanceImageMetadata *self);
/** am_instance_image_metadata_get_image_name: the image name (nullable: unknown once deregistered) */
const char *am_instance_image_metadata_get_image_name (AmInstanceImageMetadata *self);
/** am_instance_image_metadata_get_image_owner_id: the image owner (nullable) */
const char *am_instance_image_metadata_get_image_owner_id (AmInstanceImageMetadata *self);
/** am_instance_image_metadata_get_image_state: "available", "disabled", "deregistered", … */
const char *am_instance_image_metadata_get_image_state (AmInstanceImageMetadata *self);
/** am_instance_image_metadata_get_deprecation_time: ISO 8601 time the image is or was deprecated (nullable) */
const char *am_instance_image_metadata_get_deprecation_time (AmInstanceImageMetadata *self);
/** am_instance_image_metadata_is_not_allowed: EC2 says the image fails the Allowed AMIs criteria
 * (FALSE while the setting is disabled) */
gboolean    am_instance_image_metadata_is_not_allowed (AmInstanceImageMetadata *self);

G_END_DECLS
