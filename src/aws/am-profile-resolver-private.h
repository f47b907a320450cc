/* am-profile-resolver-private.h: the profile resolver's parsers, open to the fuzzers
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-aws-config.h"
#include "am-credentials.h"

G_BEGIN_DECLS

/* The resolver's parsers, for the fuzzers: credential_process output (a NUL-terminated
 * string), the SSO token cache file of @cache_key under the config's HOME (its path from
 * _am_aws_sso_cache_path_for_fuzzing), and STS's AssumeRole answer. */
AmCredentials      *_am_aws_parse_process_output_for_fuzzing (const char   *profile,
                                                              const char   *output,
                                                              GError      **error);
char               *_am_aws_read_sso_token_for_fuzzing       (AmAwsConfig  *config,
                                                              const char   *profile,
                                                              const char   *cache_key,
                                                              GError      **error);
char               *_am_aws_sso_cache_path_for_fuzzing       (AmAwsConfig  *config,
                                                              const char   *cache_key);
AmCredentials      *_am_aws_parse_assume_role_for_fuzzing    (const char   *profile,
                                                              const char   *role_arn,
                                                              GBytes       *body,
                                                              GError      **error);

G_END_DECLS
