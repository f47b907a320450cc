/* am-aws-config-private.h: what the credential resolvers need from AmAwsConfig
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-aws-config.h"

G_BEGIN_DECLS

guint               _am_aws_config_get_process_timeout (AmAwsConfig *self);
/** The HOME of the snapshot (for ~/.aws/sso/cache). */
const char         *_am_aws_config_get_home            (AmAwsConfig *self);
const char * const *_am_aws_config_get_environ         (AmAwsConfig *self);

G_END_DECLS
