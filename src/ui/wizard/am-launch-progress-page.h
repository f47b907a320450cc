/* am-launch-progress-page.h: the launch wizard's last page: the launch, zone by zone
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-launch-page.h"

G_BEGIN_DECLS

#define AM_TYPE_LAUNCH_PROGRESS_PAGE (am_launch_progress_page_get_type ())

G_DECLARE_FINAL_TYPE (AmLaunchProgressPage, am_launch_progress_page, AM, LAUNCH_PROGRESS_PAGE, AmLaunchPage)

GtkWidget  *am_launch_progress_page_new           (void);
/**
 * am_launch_progress_page_launch:
 * Starts the launch of the page's request (an AmLaunchJob over the session's client) and
 * lists its zones. Once per page.
 */
void        am_launch_progress_page_launch        (AmLaunchProgressPage *self);
/* Retry: the failed zones again, with the same tokens (or the security group that failed) */
void        am_launch_progress_page_retry         (AmLaunchProgressPage *self);
/* TRUE while a zone or the security group is still under way ("launching" notifies) */
gboolean    am_launch_progress_page_get_launching (AmLaunchProgressPage *self);
/* TRUE when the launch ended with a failure Retry may fix ("can-retry" notifies) */
gboolean    am_launch_progress_page_get_can_retry (AmLaunchProgressPage *self);
/** Returns: (transfer none) (element-type AmInstance): the instances launched so far */
GPtrArray  *am_launch_progress_page_get_launched  (AmLaunchProgressPage *self);

G_END_DECLS
