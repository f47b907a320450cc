/* am-launch-review-page.h: the launch wizard's review page: the summary and a dry run per zone
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-launch-page.h"
#include "am-launch-step.h"

G_BEGIN_DECLS

#define AM_TYPE_LAUNCH_REVIEW_PAGE (am_launch_review_page_get_type ())

G_DECLARE_FINAL_TYPE (AmLaunchReviewPage, am_launch_review_page, AM, LAUNCH_REVIEW_PAGE, AmLaunchPage)

GtkWidget *am_launch_review_page_new               (void);
/* For a launch template: its wording, and one instance per subnet in the dry run */
void       am_launch_review_page_set_template_mode (AmLaunchReviewPage *self);
/* Sums the request up and sends a dry run per zone (the wizard calls it as it shows the page) */
void       am_launch_review_page_start             (AmLaunchReviewPage *self);
/* Stops the dry runs in flight */
void       am_launch_review_page_cancel            (AmLaunchReviewPage *self);
/* The request changed: the dry runs' verdicts no longer blame a page */
void       am_launch_review_page_request_changed   (AmLaunchReviewPage *self);
/* TRUE when there were dry runs and every zone's passed */
gboolean   am_launch_review_page_get_passed        (AmLaunchReviewPage *self);
/* TRUE when a dry run failed for a reason @step fixes (until the request changes) */
gboolean   am_launch_review_page_blames            (AmLaunchReviewPage *self,
                                                    AmLaunchStep        step);

G_END_DECLS
