/* am-ec2-client-private.h: what the EC2 and Auto Scaling clients share (errors, derived transports)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-ec2-client.h"
#include "am-query-client.h"

G_BEGIN_DECLS

/* @error prefixed with "@what: " in its own domain and code (AWS details kept); a cancellation
 * is copied as it is. */
GError        *_am_ec2_error_with_context (const GError  *error,
                                           const char    *what);

/* A Query client for @service in @region with @ec2's credentials and retry count; a custom
 * endpoint of @ec2 (the sandbox, a local emulator) is used for it too. */
AmQueryClient *_am_ec2_client_derive_query (AmEc2Client   *ec2,
                                            const char    *service,
                                            const char    *region,
                                            GError       **error);

G_END_DECLS
