/* am-sandbox-instances.c: the sandbox's instance, network, key pair and launch template operations
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <string.h>

#include "am-sandbox-private.h"

AmSbOperation
_am_sb_instances_lookup (const char *action)
{
  return NULL;
}
