/* am-session.h: the account, region and endpoint the window works with, and its EC2 client
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-credentials.h"
#include "am-ec2-client.h"
#include "am-query-client.h"
#include "am-sandbox-process.h"

G_BEGIN_DECLS

/*
 * AmSession is what every view binds to. It knows which profile is in use (an AWS CLI profile,
 * an account added in Preferences, or the built-in Sandbox), the region, the endpoint, and
 * holds the AmEc2Client for them. Switching profile or region replaces the client and notifies
 * "client": views then reload (from their cache first).
 */

typedef enum
{
  AM_SESSION_STATE_DISCONNECTED,
  AM_SESSION_STATE_CONNECTING,
  AM_SESSION_STATE_READY,
  AM_SESSION_STATE_FAILED,
} AmSessionState;

#define AM_SESSION_SANDBOX_PROFILE "Sandbox"
/* The built-in sandbox as its second account, bob (the tour's "see it from bob's side"). */
#define AM_SESSION_SANDBOX_BOB_PROFILE "Sandbox (bob)"

#define AM_TYPE_SESSION (am_session_get_type ())

G_DECLARE_FINAL_TYPE (AmSession, am_session, AM, SESSION, GObject)

AmSession      *am_session_new                 (void);
/**
 * am_session_new_for_endpoint:
 * A READY session on a fixed endpoint with static keys (tests, benchmarks, custom endpoints).
 * The profile name is shown as @label.
 */
AmSession      *am_session_new_for_endpoint    (const char          *label,
                                                const char          *endpoint,
                                                const char          *access_key_id,
                                                const char          *secret_access_key,
                                                const char          *region,
                                                GError             **error);
/**
 * am_session_connect_async:
 * @profile_name: (nullable): an AWS CLI profile, an account from Preferences, or
 *   %AM_SESSION_SANDBOX_PROFILE; %NULL chooses as at start (AWS_PROFILE, the saved choice,
 *   the default profile when credentials exist, else the Sandbox)
 * @region: (nullable): %NULL for the profile's region
 */
void            am_session_connect_async       (AmSession           *self,
                                                const char          *profile_name,
                                                const char          *region,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean        am_session_connect_finish      (AmSession           *self,
                                                GAsyncResult        *result,
                                                GError             **error);

AmSessionState  am_session_get_state           (AmSession           *self);
/** am_session_get_error: Returns: (nullable): why the last connect failed */
const GError   *am_session_get_error           (AmSession           *self);
/** am_session_get_client: Returns: (transfer none) (nullable): the client when READY */
AmEc2Client    *am_session_get_client          (AmSession           *self);
const char     *am_session_get_profile_name    (AmSession           *self);
const char     *am_session_get_region          (AmSession           *self);
const char     *am_session_get_endpoint        (AmSession           *self);
gboolean        am_session_is_sandbox          (AmSession           *self);
/**
 * am_session_instances_launched:
 * Says (signal "instances-launched") that the app launched @instance_ids (%NULL or empty when
 * not known yet), so that the Instances view shows them without a manual refresh.
 */
void            am_session_instances_launched  (AmSession           *self,
                                                const char * const  *instance_ids);
/** am_session_get_cache_key: Returns: a file-name-safe key for caches of this account+region */
const char     *am_session_get_cache_key       (AmSession           *self);

/**
 * am_session_get_account:
 * Returns: (nullable): who the session acts as, for display and cache keys: the account id
 *   (sandbox, role profiles), the endpoint's host:port (custom endpoints) or the access key id
 */
const char     *am_session_get_account         (AmSession           *self);
/**
 * am_session_get_unchosen_profiles:
 * Returns: (transfer none) (nullable): the AWS CLI profiles there were when the session fell
 *   back to the Sandbox because none of them is to be taken without asking (no AWS_PROFILE,
 *   no [default], no earlier choice); %NULL after any other connect
 */
const char * const *am_session_get_unchosen_profiles (AmSession     *self);
/** am_session_get_query_client: Returns: (transfer none) (nullable): the signed EC2 Query client when READY */
AmQueryClient  *am_session_get_query_client    (AmSession           *self);
/** am_session_get_sandbox_process: Returns: (transfer none) (nullable): the built-in sandbox once started */
AmSandboxProcess *am_session_get_sandbox_process (AmSession         *self);
/**
 * am_session_get_sandbox_error:
 * Returns: (nullable): why the built-in sandbox this session uses is no longer running
 *   (notified as "sandbox-error"); %NULL while it runs or when no sandbox is in use
 */
const GError   *am_session_get_sandbox_error   (AmSession           *self);
/**
 * am_session_restart_sandbox:
 * Starts the built-in sandbox again (its state is on disk) and reconnects the session to it
 * in the same region; the session goes through CONNECTING as for any connect.
 */
void            am_session_restart_sandbox     (AmSession           *self);
/**
 * am_session_list_regions_async:
 * Asks the endpoint for its regions (DescribeRegions); the session must be READY.
 */
void            am_session_list_regions_async  (AmSession           *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
/** Returns: (transfer full): the region names, sorted, or %NULL with @error */
char          **am_session_list_regions_finish (AmSession           *self,
                                                GAsyncResult        *result,
                                                GError             **error);
/**
 * am_session_list_cli_profiles:
 * Returns: (transfer full): the AWS CLI's profile names ("default" first), or %NULL with
 *   @error naming the file and line when a configuration file is broken
 */
char          **am_session_list_cli_profiles   (GError             **error);
/**
 * am_session_set_mfa_prompt:
 * How profiles whose role needs an MFA code ask for it (the window shows a dialog).
 */
void            am_session_set_mfa_prompt      (AmSession           *self,
                                                AmMfaPromptFunc      func,
                                                gpointer             user_data,
                                                GDestroyNotify       destroy);

G_END_DECLS
