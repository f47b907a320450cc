/* am-sandbox-server.h: the EC2-compatible sandbox server
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *am_sandbox_server_get_version (void);

G_END_DECLS
