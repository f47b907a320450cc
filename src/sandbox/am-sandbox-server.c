/* am-sandbox-server.c: the EC2-compatible sandbox server
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include "am-sandbox-server.h"

const char *
am_sandbox_server_get_version (void)
{
  return PACKAGE_VERSION;
}
