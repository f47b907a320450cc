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

/* How @profile gets credentials; @as_source when it is another profile's source_profile,
 * @chained_from the profile that names it (for messages). */
AmAwsProfileKind    _am_aws_config_classify            (AmAwsConfig *self,
                                                        const char  *profile,
                                                        gboolean     as_source,
                                                        const char  *chained_from,
                                                        GError     **error);
/* Whether AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY are set (FALSE with @error when only one
 * is, or AWS_CREDENTIAL_EXPIRATION is unreadable). */
gboolean            _am_aws_config_environment_credentials_state (AmAwsConfig *self,
                                                                  gboolean    *present,
                                                                  GError     **error);

G_END_DECLS
