/* am-region.h: an AWS Region as DescribeRegions lists it
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AM_TYPE_REGION (am_region_get_type ())

G_DECLARE_FINAL_TYPE (AmRegion, am_region, AM, REGION, GObject)

/** am_region_get_region_name: the Region name, e.g. "eu-west-1" */
const char *am_region_get_region_name (AmRegion *self);
/** am_region_get_endpoint: the EC2 endpoint host of the Region */
const char *am_region_get_endpoint (AmRegion *self);
/** am_region_get_opt_in_status: the opt-in status */
const char *am_region_get_opt_in_status (AmRegion *self);

G_END_DECLS
