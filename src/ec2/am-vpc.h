/* am-vpc.h: a VPC
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "am-tag.h"

G_BEGIN_DECLS

#define AM_TYPE_VPC (am_vpc_get_type ())

G_DECLARE_FINAL_TYPE (AmVpc, am_vpc, AM, VPC, GObject)

/** am_vpc_get_vpc_id: the VPC id */
const char *am_vpc_get_vpc_id (AmVpc *self);
/** am_vpc_get_state: "pending" or "available" */
const char *am_vpc_get_state (AmVpc *self);
/** am_vpc_get_cidr_block: the primary IPv4 CIDR block */
const char *am_vpc_get_cidr_block (AmVpc *self);
/** am_vpc_get_dhcp_options_id: the DHCP options set */
const char *am_vpc_get_dhcp_options_id (AmVpc *self);
/** am_vpc_get_instance_tenancy: the default tenancy */
const char *am_vpc_get_instance_tenancy (AmVpc *self);
/** am_vpc_get_is_default: whether this is the default VPC */
gboolean am_vpc_get_is_default (AmVpc *self);
/** am_vpc_get_owner_id: the owning account */
const char *am_vpc_get_owner_id (AmVpc *self);
/** am_vpc_get_tags: the tags. Returns: (transfer none): a %NULL-terminated array, never %NULL */
AmTag * const *am_vpc_get_tags (AmVpc *self);

G_END_DECLS
