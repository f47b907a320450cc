/* am-credentials.h: AWS credentials (refcounted) and the provider that caches and refreshes them
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* AmCredentials: an immutable, refcounted set of keys. The secret and the session token are
 * never printed by Amiable (not in logs, not in error messages). */
typedef struct _AmCredentials AmCredentials;

#define AM_TYPE_CREDENTIALS (am_credentials_get_type ())

GType          am_credentials_get_type              (void) G_GNUC_CONST;

/**
 * am_credentials_new:
 * @session_token: (nullable): for temporary credentials
 * @expiration: (nullable): when temporary credentials stop working
 */
AmCredentials *am_credentials_new                   (const char    *access_key_id,
                                                     const char    *secret_access_key,
                                                     const char    *session_token,
                                                     GDateTime     *expiration);
AmCredentials *am_credentials_ref                   (AmCredentials *self);
void           am_credentials_unref                 (AmCredentials *self);

const char    *am_credentials_get_access_key_id     (AmCredentials *self);
const char    *am_credentials_get_secret_access_key (AmCredentials *self);
/** Returns: (nullable): the session token of temporary credentials */
const char    *am_credentials_get_session_token     (AmCredentials *self);
/** Returns: (nullable) (transfer none): the expiration time, or %NULL when they never expire */
GDateTime     *am_credentials_get_expiration        (AmCredentials *self);

/**
 * am_credentials_get_source:
 * Returns: (nullable): where the credentials came from, for the UI and logs (e.g.
 *   "environment", "profile dev: credential_process"); never contains a secret.
 */
const char    *am_credentials_get_source            (AmCredentials *self);
void           am_credentials_set_source            (AmCredentials *self,
                                                     const char    *source);

/**
 * am_credentials_expires_within:
 * @now: (nullable): the current time; %NULL reads the clock
 * Returns: %TRUE when the credentials expire less than @span from @now (or already did).
 */
gboolean       am_credentials_expires_within        (AmCredentials *self,
                                                     GTimeSpan      span,
                                                     GDateTime     *now);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmCredentials, am_credentials_unref)

/* AmCredentialsProvider: hands out credentials, caching them and refreshing temporary ones
 * before they expire (5 minutes ahead). Several concurrent get_async calls share one
 * refresh. */
#define AM_TYPE_CREDENTIALS_PROVIDER (am_credentials_provider_get_type ())

G_DECLARE_FINAL_TYPE (AmCredentialsProvider, am_credentials_provider, AM, CREDENTIALS_PROVIDER,
                      GObject)

/* Forward declaration: am-aws-config.h */
typedef struct _AmAwsConfig AmAwsConfig;

/**
 * AmMfaPromptFunc:
 * @profile_name: the profile whose role needs the code
 * @mfa_serial: the MFA device (ARN or serial number) to ask about
 * @cancellable: (nullable): cancelled when the caller gives up
 * @task: (transfer full): complete it with g_task_return_pointer (task, g_strdup (code),
 *   g_free), or with an error (G_IO_ERROR_CANCELLED when the user declines); then unref it.
 *   The prompt may complete it later, from the main loop.
 *
 * Asks the user for a one-time MFA code. The UI implements it with a dialog.
 */
typedef void (*AmMfaPromptFunc) (const char   *profile_name,
                                 const char   *mfa_serial,
                                 GCancellable *cancellable,
                                 GTask        *task,
                                 gpointer      user_data);

/** am_credentials_provider_new_static: a provider that always returns @credentials. */
AmCredentialsProvider *am_credentials_provider_new_static      (AmCredentials         *credentials);

/**
 * am_credentials_provider_new_for_profile:
 * @config: the loaded AWS CLI configuration
 * @profile_name: (nullable): a profile chosen explicitly (environment keys are then ignored,
 *   like `aws --profile NAME`); %NULL follows the CLI's default chain: environment keys,
 *   then the profile named by AWS_PROFILE, then "default".
 *
 * Resolves lazily, on the first get_async: static keys, credential_process, role_arn +
 * source_profile through STS AssumeRole (asking for MFA codes with the prompt set below),
 * and IAM Identity Center (SSO) profiles.
 */
AmCredentialsProvider *am_credentials_provider_new_for_profile (AmAwsConfig *config,
                                                                const char  *profile_name);

/** am_credentials_provider_set_mfa_prompt: how role profiles with mfa_serial ask for a code. */
void                   am_credentials_provider_set_mfa_prompt  (AmCredentialsProvider *self,
                                                                AmMfaPromptFunc        func,
                                                                gpointer               user_data,
                                                                GDestroyNotify         destroy);

/** Returns: (nullable): the profile this provider resolves, %NULL for static providers */
const char            *am_credentials_provider_get_profile_name (AmCredentialsProvider *self);

/** Returns: (nullable): the configuration this provider resolves against */
AmAwsConfig           *am_credentials_provider_get_config      (AmCredentialsProvider *self);

void                   am_credentials_provider_get_async       (AmCredentialsProvider *self,
                                                                GCancellable          *cancellable,
                                                                GAsyncReadyCallback    callback,
                                                                gpointer               user_data);
/** Returns: (transfer full): valid credentials, or %NULL with @error in %AM_AWS_ERROR */
AmCredentials         *am_credentials_provider_get_finish      (AmCredentialsProvider *self,
                                                                GAsyncResult          *result,
                                                                GError               **error);

/**
 * am_credentials_provider_invalidate:
 * Forgets cached credentials so the next get_async resolves again (after the service said
 * the token expired, for instance). Static providers keep theirs.
 */
void                   am_credentials_provider_invalidate      (AmCredentialsProvider *self);

/**
 * am_credentials_provider_set_refresh_window:
 * Temporary credentials are refreshed when they expire within @window (default 5 minutes).
 */
void                   am_credentials_provider_set_refresh_window (AmCredentialsProvider *self,
                                                                   GTimeSpan              window);

G_END_DECLS
