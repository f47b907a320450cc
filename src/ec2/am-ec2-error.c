/* am-ec2-error.c: the AM_EC2_ERROR domain
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-ec2-error"

#include "config.h"

#include "am-ec2-error.h"

G_DEFINE_QUARK (am-ec2-error-quark, am_ec2_error)
