/* am-profile-resolver.h: resolves a profile's credentials the way the AWS CLI does
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-aws-config.h"
#include "am-credentials.h"

G_BEGIN_DECLS

#define AM_TYPE_PROFILE_RESOLVER (am_profile_resolver_get_type ())

G_DECLARE_FINAL_TYPE (AmProfileResolver, am_profile_resolver, AM, PROFILE_RESOLVER, GObject)

/* A resolver over @config (which only parses the files): it runs credential_process and calls
 * STS and IAM Identity Center when a profile needs them. */
AmProfileResolver *am_profile_resolver_new             (AmAwsConfig         *config);
AmAwsConfig       *am_profile_resolver_get_config      (AmProfileResolver   *self);

/**
 * am_profile_resolver_resolve_async:
 * @profile_name: (nullable): as in am_credentials_provider_new_for_profile()
 * @mfa_prompt: (nullable): asked for a code when a role profile has mfa_serial
 *
 * Resolves the profile's credentials once (no caching: AmCredentialsProvider caches).
 * SSO profiles need a token from `aws sso login`; when it is missing or expired the error
 * tells the user to run `aws sso login --profile NAME`.
 */
void               am_profile_resolver_resolve_async   (AmProfileResolver   *self,
                                                        const char          *profile_name,
                                                        AmMfaPromptFunc      mfa_prompt,
                                                        gpointer             mfa_prompt_data,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
AmCredentials     *am_profile_resolver_resolve_finish  (AmProfileResolver   *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

G_END_DECLS
