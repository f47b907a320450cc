/* test-launch-fixture.h: a launch request made from what the real sandbox lists, for launch tests
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-ec2-client.h"
#include "am-launch-request.h"

G_BEGIN_DECLS

/* Returns: (transfer full) (element-type AmEc2Filter): one filter */
GPtrArray       *test_filters_of         (const char  *name,
                                          const char  *value);
/**
 * test_launch_request_new:
 * A valid request for @count instances of Amazon Linux on t3.micro over us-east-1a, b and c
 * of the default VPC, without a key pair, named @name, in the default security group or
 * (@new_group) a new one open for SSH. Waits for the lookups it needs.
 */
AmLaunchRequest *test_launch_request_new (AmEc2Client *client,
                                          const char  *name,
                                          guint        count,
                                          const char  *new_group);

G_END_DECLS
