/* am-launch-storage-page.h: the launch wizard's storage page: the volumes attached at launch
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-launch-page.h"

G_BEGIN_DECLS

#define AM_TYPE_LAUNCH_STORAGE_PAGE (am_launch_storage_page_get_type ())

G_DECLARE_FINAL_TYPE (AmLaunchStoragePage, am_launch_storage_page, AM, LAUNCH_STORAGE_PAGE, AmLaunchPage)

GtkWidget *am_launch_storage_page_new (void);

G_END_DECLS
