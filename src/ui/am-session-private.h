/* am-session-private.h: what the files of AmSession share (its struct, one connect's state)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-accounts.h"
#include "am-aws-config.h"
#include "am-credentials.h"
#include "am-query-client.h"
#include "am-sandbox-process.h"
#include "am-session.h"

G_BEGIN_DECLS

struct _AmSession
{
  GObject                parent_instance;

  /* owned */
  GSettings             *settings;
  AmSandboxProcess      *sandbox;
  GError                *sandbox_error;   /* set while the sandbox in use has ended */
  AmCredentialsProvider *credentials;
  AmQueryClient         *query_client;
  AmEc2Client           *client;
  GCancellable          *cancellable;
  GError                *error;
  AmMfaPromptFunc        mfa_func;
  gpointer               mfa_data;
  GDestroyNotify         mfa_destroy;

  /* state */
  AmSessionState         state;
  char                  *profile_name;
  char                  *region;
  char                  *endpoint;
  char                  *account;
  char                  *cache_key;
  gboolean               is_sandbox;
  char                 **unchosen_profiles;   /* see am_session_get_unchosen_profiles() */
  gulong                 sandbox_exited_id;
  gboolean               sandbox_restarted;  /* restarted once by itself after dying at start */
  /* new_for_endpoint: a fixed endpoint and keys; only the region can change */
  gboolean               fixed;
  char                  *fixed_access_key_id;
  char                  *fixed_secret;
  char                  *fixed_endpoint;
};

/* What one connect resolves before the session switches to it. */
typedef struct
{
  char                  *profile_name;
  char                  *region;
  char                  *endpoint;
  char                  *account;
  gboolean              is_sandbox;
  gboolean              explicit_choice;
  char                  **unchosen_profiles;
  AmAwsConfig           *config;
  AmCredentialsProvider *credentials;
  AmAccount             *stored_account;
} AmConnectData;


/* am-session.c */
void   _am_session_fail                           (AmSession   *self,
                                                   GTask       *task,
                                                   GError      *error);
/* Builds the client of @task's connect data and switches to it. */
void   _am_session_finish_connect                 (AmSession   *self,
                                                   GTask       *task);
void   _am_session_set_sandbox_error              (AmSession   *self,
                                                   GError      *error);
/* host[:port] of an endpoint override, which stands for the account in cache keys */
char  *_am_session_endpoint_account               (const char  *endpoint);

/* am-session-sandbox.c */
void   _am_session_connect_sandbox                (AmSession   *self,
                                                   GTask       *task);
void   _am_session_forget_sandbox                 (AmSession   *self);

/* am-session-sources.c */
void   _am_session_connect_account                (AmSession   *self,
                                                   GTask       *task);
void   _am_session_connect_profile                (AmSession   *self,
                                                   GTask       *task,
                                                   gboolean     use_default_chain);
/* Whether the AWS CLI would find credentials without being told a profile. */
gboolean _am_session_config_has_default_credentials (AmAwsConfig *config);

G_END_DECLS
