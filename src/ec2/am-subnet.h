/* am-subnet.h: a VPC subnet
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "am-tag.h"

G_BEGIN_DECLS

#define AM_TYPE_SUBNET (am_subnet_get_type ())

G_DECLARE_FINAL_TYPE (AmSubnet, am_subnet, AM, SUBNET, GObject)

/** am_subnet_get_subnet_id: the subnet id */
const char *am_subnet_get_subnet_id (AmSubnet *self);
/** am_subnet_get_state: "pending" or "available" */
const char *am_subnet_get_state (AmSubnet *self);
/** am_subnet_get_vpc_id: the VPC */
const char *am_subnet_get_vpc_id (AmSubnet *self);
/** am_subnet_get_cidr_block: the IPv4 CIDR block */
const char *am_subnet_get_cidr_block (AmSubnet *self);
/** am_subnet_get_available_ip_address_count: the number of free IPv4 addresses */
int am_subnet_get_available_ip_address_count (AmSubnet *self);
/** am_subnet_get_availability_zone: the Availability Zone */
const char *am_subnet_get_availability_zone (AmSubnet *self);
/** am_subnet_get_availability_zone_id: the Availability Zone id */
const char *am_subnet_get_availability_zone_id (AmSubnet *self);
/** am_subnet_get_default_for_az: whether it is the default subnet of its zone */
gboolean am_subnet_get_default_for_az (AmSubnet *self);
/** am_subnet_get_map_public_ip_on_launch: whether instances get a public address */
gboolean am_subnet_get_map_public_ip_on_launch (AmSubnet *self);
/** am_subnet_get_owner_id: the owning account */
const char *am_subnet_get_owner_id (AmSubnet *self);
/** am_subnet_get_subnet_arn: the subnet ARN */
const char *am_subnet_get_subnet_arn (AmSubnet *self);
/** am_subnet_get_tags: the tags. Returns: (transfer none): a %NULL-terminated array, never %NULL */
AmTag * const *am_subnet_get_tags (AmSubnet *self);

G_END_DECLS
