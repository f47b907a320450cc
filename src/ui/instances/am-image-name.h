/* am-image-name.h: EC2's rules for AMI names and bundle manifest locations, as user-facing messages
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AM_IMAGE_NAME_MIN   3
#define AM_IMAGE_NAME_MAX 128

/**
 * am_image_name_problem:
 * The rule EC2 states with InvalidAMIName.Malformed: 3–128 characters of letters, digits and
 * ( ) . - / _ (EC2 tolerates a few more characters, but that is the documented set).
 * Returns: (transfer full) (nullable): what is wrong with @name, %NULL when EC2 accepts it
 */
char *am_image_name_problem     (const char *name);
/** am_image_name_suggest: a valid name made from @base (e.g. an instance's Name tag) and the date */
char *am_image_name_suggest     (const char *base,
                                 GDateTime  *when);
/**
 * am_manifest_location_problem:
 * RegisterImage's ImageLocation: "bucket/path/name.manifest.xml" in Amazon S3.
 * Returns: (transfer full) (nullable): what is wrong with @location, %NULL when it looks right
 */
char *am_manifest_location_problem (const char *location);

G_END_DECLS
