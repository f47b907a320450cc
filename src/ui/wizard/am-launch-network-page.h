/* am-launch-network-page.h: the launch wizard's network page: VPC, subnets in one or several zones, security groups
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-launch-page.h"

G_BEGIN_DECLS

#define AM_TYPE_LAUNCH_NETWORK_PAGE (am_launch_network_page_get_type ())

G_DECLARE_FINAL_TYPE (AmLaunchNetworkPage, am_launch_network_page, AM, LAUNCH_NETWORK_PAGE, AmLaunchPage)

GtkWidget *am_launch_network_page_new               (void);
/* Shows how the instances spread over the chosen zones (the wizard calls it as it validates) */
void       am_launch_network_page_update            (AmLaunchNetworkPage *self);
/* For a launch template: no count and no subnets asked, a note on who decides them */
void       am_launch_network_page_set_template_mode (AmLaunchNetworkPage *self);

G_END_DECLS
