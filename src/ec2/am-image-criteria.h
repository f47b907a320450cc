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
