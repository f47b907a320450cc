/* am-sandbox-main.c: entry point of the amiable-sandbox program
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include "am-sandbox-server.h"

int
main (int   argc,
      char *argv[])
{
  g_printerr ("amiable-sandbox %s: the server is not built yet\n", am_sandbox_server_get_version ());
  return 1;
}
