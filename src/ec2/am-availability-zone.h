/* am-availability-zone.h: an Availability Zone (or Local Zone / Wavelength Zone)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AM_TYPE_AVAILABILITY_ZONE (am_availability_zone_get_type ())

G_DECLARE_FINAL_TYPE (AmAvailabilityZone, am_availability_zone, AM, AVAILABILITY_ZONE, GObject)

/** am_availability_zone_get_zone_name: the zone name, e.g. "us-east-1a" */
const char *am_availability_zone_get_zone_name (AmAvailabilityZone *self);
/** am_availability_zone_get_state: the zone state, e.g. "available" */
const char *am_availability_zone_get_state (AmAvailabilityZone *self);
/** am_availability_zone_get_region_name: the Region */
const char *am_availability_zone_get_region_name (AmAvailabilityZone *self);
/** am_availability_zone_get_zone_id: the zone id, e.g. "use1-az1" */
const char *am_availability_zone_get_zone_id (AmAvailabilityZone *self);
/** am_availability_zone_get_zone_type: "availability-zone", "local-zone" or "wavelength-zone" */
const char *am_availability_zone_get_zone_type (AmAvailabilityZone *self);
/** am_availability_zone_get_opt_in_status: the opt-in status */
const char *am_availability_zone_get_opt_in_status (AmAvailabilityZone *self);
/** am_availability_zone_get_group_name: the zone group */
const char *am_availability_zone_get_group_name (AmAvailabilityZone *self);
/** am_availability_zone_get_network_border_group: the network border group */
const char *am_availability_zone_get_network_border_group (AmAvailabilityZone *self);

G_END_DECLS
