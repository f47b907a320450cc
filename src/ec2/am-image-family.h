/* am-image-family.h: which family an image belongs to (its name without the date or version)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-image.h"

G_BEGIN_DECLS

/**
 * am_image_family_from_name:
 * @name: an image name, e.g. "app-server-2026-01-05", "app-server-v1.2.3", "base 20260105"
 *
 * The name without its trailing date or version: trailing tokens (split at '-', '_', ' ')
 * that are versions ("v1.2.3", "1.2", "20260105", "20260105T1012Z", numbers of three digits
 * or more) and the short numbers of a date run after them ("2026-01-05") are dropped, with
 * the separators before them. A short number alone ("x86_64", "app-7") stays. A name that
 * would become empty is its own family.
 *
 * Returns: (transfer full): the family, e.g. "app-server", "base"
 */
char *am_image_family_from_name (const char *name);
/**
 * am_image_family_length:
 * Returns: the length of am_image_family_from_name() of @name, which is always a prefix of
 *   it (for callers that must not allocate, e.g. a pass over 100,000 names)
 */
gsize am_image_family_length   (const char *name);

/**
 * am_image_family_for_image:
 * @tag_key: (nullable): group by the value of this tag instead of the name
 *
 * Returns: (transfer full): @image's family: the value of its @tag_key tag, or, without
 *   @tag_key, am_image_family_from_name() of its name; images without the tag are in the
 *   family "" (no tag)
 */
char *am_image_family_for_image (AmImage    *image,
                                 const char *tag_key);
/**
 * am_image_family_compare_age:
 * Returns: > 0 when @a is newer than @b: made later, or in the same second with the higher
 *   version in its name (strverscmp: v1.10 after v1.9), or else with the higher ID; < 0 when
 *   older; 0 only for the same image
 */
int   am_image_family_compare_age (AmImage    *a,
                                   AmImage    *b);
/**
 * am_image_family_parameter_path:
 *
 * Where the publisher of @image keeps its public SSM parameters that name the latest image of
 * each family (e.g. "/aws/service/debian/release" for Debian's account), or %NULL for an
 * owner that publishes none.
 */
const char *am_image_family_parameter_path (AmImage *image);

G_END_DECLS
