/* am-ec2-error.h: the AM_EC2_ERROR domain for EC2 domain failures
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AM_EC2_ERROR (am_ec2_error_quark ())

typedef enum
{
  AM_EC2_ERROR_FAILED,
  AM_EC2_ERROR_INVALID_INPUT,
  AM_EC2_ERROR_CACHE,
  /* CreateKeyPair made the key pair but its answer, the only copy of the private key, was
   * lost: delete the key pair and create it again. */
  AM_EC2_ERROR_KEY_MATERIAL_LOST,
} AmEc2ErrorCode;

GQuark am_ec2_error_quark (void);

G_END_DECLS
