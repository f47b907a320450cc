/* am-image-reference.h: a resource that uses an image (DescribeImageReferences)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AM_TYPE_IMAGE_REFERENCE (am_image_reference_get_type ())

G_DECLARE_FINAL_TYPE (AmImageReference, am_image_reference, AM, IMAGE_REFERENCE, GObject)

/** am_image_reference_get_image_id: the image referenced */
const char *am_image_reference_get_image_id (AmImageReference *self);
/** am_image_reference_get_resource_type: "ec2:Instance", "ec2:LaunchTemplate", "ssm:Parameter", … */
const char *am_image_reference_get_resource_type (AmImageReference *self);
/** am_image_reference_get_arn: the ARN of the resource that uses the image */
const char *am_image_reference_get_arn (AmImageReference *self);

G_END_DECLS
