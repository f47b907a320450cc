/* am-image-criteria.h: decides whether Allowed AMIs criteria let an image launch, as EC2 does
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "am-ec2-governance.h"
#include "am-image.h"

G_BEGIN_DECLS

/**
 * am_image_criteria_wildcard_match:
 * Whether @text matches @pattern, where `*` stands for any run of characters, `?` for one
 * and `\` quotes the next character (EC2's image name patterns).
 */
gboolean am_image_criteria_wildcard_match (const char *pattern,
                                           const char *text);

/* The conditions of a criterion, as am_image_criterion_failures() names those an image fails. */
typedef enum
{
  AM_IMAGE_CRITERION_PROVIDERS     = 1 << 0,
  AM_IMAGE_CRITERION_NAMES         = 1 << 1,
  AM_IMAGE_CRITERION_PRODUCT_CODES = 1 << 2,
  AM_IMAGE_CRITERION_CREATION      = 1 << 3,
  AM_IMAGE_CRITERION_DEPRECATION   = 1 << 4,
} AmImageCriterionFields;

/**
 * am_image_criterion_failures:
 * @now_ms: the time to measure the day conditions against, in milliseconds since the epoch
 * Returns: the conditions of @criterion that @image fails; 0 when it matches
 */
AmImageCriterionFields am_image_criterion_failures (const AmImageCriterion *criterion,
                                                    AmImage                *image,
                                                    gint64                  now_ms);

/**
 * am_image_criteria_new_copy:
 * The image a CopyImage would make, as far as the criteria look at it: owned by @owner_id (the
 * account copying), named @name, created at @now_ms, without product codes.
 * Returns: (transfer full)
 */
AmImage *am_image_criteria_new_copy (const char *owner_id,
                                     const char *name,
                                     gint64      now_ms);

/**
 * am_image_criterion_matches:
 * @now_ms: the time to measure the day conditions against, in milliseconds since the epoch
 * Returns: %TRUE when @image passes every condition of @criterion that is set
 */
gboolean am_image_criterion_matches       (const AmImageCriterion *criterion,
                                           AmImage                *image,
                                           gint64                  now_ms);

/**
 * am_image_criteria_allow:
 * @criteria: (element-type AmImageCriterion): the Allowed AMIs criteria
 * @account_id: the account whose settings these are: its own images are always allowed
 * @now_ms: the time to measure the day conditions against, in milliseconds since the epoch
 * Returns: %TRUE when @image is allowed: it is the account's own or matches any criterion
 */
gboolean am_image_criteria_allow          (GPtrArray              *criteria,
                                           AmImage                *image,
                                           const char             *account_id,
                                           gint64                  now_ms);

G_END_DECLS
