/* am-launch-details-page.h: the launch wizard's details page: name, tags, user data, advanced settings
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-launch-page.h"

G_BEGIN_DECLS

#define AM_TYPE_LAUNCH_DETAILS_PAGE (am_launch_details_page_get_type ())

G_DECLARE_FINAL_TYPE (AmLaunchDetailsPage, am_launch_details_page, AM, LAUNCH_DETAILS_PAGE, AmLaunchPage)

GtkWidget *am_launch_details_page_new (void);

G_END_DECLS
