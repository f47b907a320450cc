/* am-launch-image-page.h: the launch wizard's image page: quick start, my images, shared with me, search
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-launch-page.h"

G_BEGIN_DECLS

#define AM_TYPE_LAUNCH_IMAGE_PAGE (am_launch_image_page_get_type ())

G_DECLARE_FINAL_TYPE (AmLaunchImagePage, am_launch_image_page, AM, LAUNCH_IMAGE_PAGE, AmLaunchPage)

GtkWidget *am_launch_image_page_new (void);

G_END_DECLS
