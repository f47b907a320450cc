/* am-profile-resolver-private.h: what the resolver's files share, and its parsers for the fuzzers
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-aws-config.h"
#include "am-aws-transport-private.h"
#include "am-credentials.h"
#include "am-profile-resolver.h"
#include "am-query-client.h"

G_BEGIN_DECLS

/* One resolution (the top task's data) and one profile's step of it (each step task's data).
 * Every step's task has the resolver as its source object. */
typedef struct
{
  AmMfaPromptFunc   mfa_prompt;
  gpointer          mfa_prompt_data;
  GPtrArray         *chain;      /* profile names on the way, to find loops */
} AmResolverContext;

typedef struct
{
  AmResolverContext *context;      /* borrowed from the top task */
  char              *profile;
  AmCredentials     *source;
  char              *mfa_code;
  GSubprocess       *process;
  GPid              process_group;
  GByteArray        *process_out;
  GByteArray        *process_err;
  guint             process_pending;   /* stdout, stderr and the exit still awaited */
  gboolean          process_too_big;
  guint             timeout_id;
  gboolean          timed_out;
  GCancellable      *process_cancellable;
  gulong            chain_id;
} AmResolverStep;


AmAwsConfig   *_am_profile_resolver_task_config              (GTask               *task);
/* Sends the STS or SSO call through the session of the profile's CA bundle, if it has one. */
gboolean       _am_profile_resolver_use_ca_bundle            (AmAwsConfig         *config,
                                                              const char          *profile,
                                                              AmQueryClient       *client,
                                                              AmAwsTransport      *transport,
                                                              GError             **error);
/* Returns: @credentials, with its source set from @format. */
AmCredentials *_am_profile_resolver_credentials_with_source  (AmCredentials       *credentials,
                                                              const char          *format,
                                                              ...) G_GNUC_PRINTF (2, 3);
AmCredentials *_am_profile_resolver_environment_credentials  (AmAwsConfig         *config);
void           _am_profile_resolver_return_credentials       (GTask               *task,
                                                              AmCredentials       *credentials);
/* Resolves @profile as one step of @context (a source profile of a role when @as_source). */
void           _am_profile_resolver_resolve_step_async       (AmProfileResolver   *self,
                                                              AmResolverContext   *context,
                                                              const char          *profile,
                                                              gboolean             as_source,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
AmCredentials *_am_profile_resolver_resolve_step_finish      (GAsyncResult        *result,
                                                              GError             **error);

/* The sources of credentials; each takes @task (a step's) and finishes it. */
void           _am_profile_resolver_run_credential_process   (GTask               *task);
void           _am_profile_resolver_assume_role              (GTask               *task);
void           _am_profile_resolver_sso_credentials          (GTask               *task);


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
