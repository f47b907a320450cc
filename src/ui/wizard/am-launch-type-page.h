/* am-launch-type-page.h: the launch wizard's instance type page: the types that fit the image
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-launch-page.h"

G_BEGIN_DECLS

#define AM_TYPE_LAUNCH_TYPE_PAGE (am_launch_type_page_get_type ())

G_DECLARE_FINAL_TYPE (AmLaunchTypePage, am_launch_type_page, AM, LAUNCH_TYPE_PAGE, AmLaunchPage)

GtkWidget *am_launch_type_page_new (void);

G_END_DECLS
