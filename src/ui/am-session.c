/* am-session.c: the account, region and endpoint the window works with, and its EC2 client
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-session"

#include "config.h"

#include <glib/gi18n.h>

#include "am-accounts.h"
#include "am-aws-config.h"
#include "am-aws-error.h"
#include "am-aws-session.h"
#include "am-credentials.h"
#include "am-endpoint.h"
#include "am-region.h"
#include "am-query-client.h"
#include "am-connection-monitor.h"
#include "am-sandbox-process.h"
#include "am-session.h"
#include "am-session-private.h"

G_DEFINE_FINAL_TYPE (AmSession, am_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_CLIENT,
  PROP_PROFILE_NAME,
  PROP_REGION,
  PROP_ENDPOINT,
  PROP_ACCOUNT,
  PROP_SANDBOX,
  PROP_CACHE_KEY,
  PROP_SANDBOX_ERROR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  INSTANCES_LAUNCHED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
connect_data_free (AmConnectData *data)
{
  g_free (data->profile_name);
  g_free (data->region);
  g_free (data->endpoint);
  g_free (data->account);
  g_strfreev (data->unchosen_profiles);
  g_clear_object (&data->config);
  g_clear_object (&data->credentials);
  g_clear_pointer (&data->stored_account, am_account_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmConnectData, connect_data_free)

AmSession *
am_session_new (void)
{
  return g_object_new (AM_TYPE_SESSION, NULL);
}

static char *
make_cache_key (const char *profile,
                const char *account,
                const char *region)
{
  g_autofree char *key = g_strdup_printf ("%s-%s-%s", profile, account ? account : "", region);

  /* File-name safe: letters, digits, '.', '_' and '-' only, never a leading dot. */
  for (char *p = key; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-' && *p != '_')
      *p = '_';
  if (key[0] == '.')
    key[0] = '_';

  return g_steal_pointer (&key);
}

/* host[:port] of an endpoint override, which stands for the account in cache keys */
char *
_am_session_endpoint_account (const char *endpoint)
{
  g_autoptr (GUri) uri = NULL;

  if (endpoint == NULL)
    return NULL;
  uri = g_uri_parse (endpoint, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (endpoint);
  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
  return g_strdup (g_uri_get_host (uri));
}

static void
am_session_set_state (AmSession      *self,
                      AmSessionState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
am_session_set_client (AmSession     *self,
                       AmQueryClient *query_client)
{
  if (self->query_client == query_client && self->client == NULL)
    return;

  g_set_object (&self->query_client, query_client);
  g_clear_object (&self->client);
  if (query_client != NULL)
    self->client = am_ec2_client_new (query_client);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

static void
am_session_apply (AmSession     *self,
                  AmConnectData *data,
                  AmQueryClient *query_client)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);

  /* Before the profile name: a listener of it reads this too. */
  g_strfreev (self->unchosen_profiles);
  self->unchosen_profiles = g_strdupv (data->unchosen_profiles);

  if (g_strcmp0 (self->profile_name, data->profile_name) != 0)
    {
      g_free (self->profile_name);
      self->profile_name = g_strdup (data->profile_name);
      g_object_notify_by_pspec (object, properties[PROP_PROFILE_NAME]);
    }
  if (g_strcmp0 (self->region, data->region) != 0)
    {
      g_free (self->region);
      self->region = g_strdup (data->region);
      g_object_notify_by_pspec (object, properties[PROP_REGION]);
    }
  if (g_strcmp0 (self->endpoint, data->endpoint) != 0)
    {
      g_free (self->endpoint);
      self->endpoint = g_strdup (data->endpoint);
      g_object_notify_by_pspec (object, properties[PROP_ENDPOINT]);
    }
  if (g_strcmp0 (self->account, data->account) != 0)
    {
      g_free (self->account);
      self->account = g_strdup (data->account);
      g_object_notify_by_pspec (object, properties[PROP_ACCOUNT]);
    }
  if (self->is_sandbox != data->is_sandbox)
    {
      self->is_sandbox = data->is_sandbox;
      g_object_notify_by_pspec (object, properties[PROP_SANDBOX]);
    }
  {
    g_autofree char *key = make_cache_key (data->profile_name, data->account, data->region);

    if (g_strcmp0 (self->cache_key, key) != 0)
      {
        g_free (self->cache_key);
        self->cache_key = g_steal_pointer (&key);
        g_object_notify_by_pspec (object, properties[PROP_CACHE_KEY]);
      }
  }

  g_set_object (&self->credentials, data->credentials);
  g_clear_error (&self->error);
  am_session_set_client (self, query_client);
  am_session_set_state (self, AM_SESSION_STATE_READY);

  g_object_thaw_notify (object);
}

AmSession *
am_session_new_for_endpoint (const char  *label,
                             const char  *endpoint,
                             const char  *access_key_id,
                             const char  *secret_access_key,
                             const char  *region,
                             GError     **error)
{
  g_autoptr (AmSession) self = NULL;
  g_autoptr (AmCredentials) credentials = NULL;
  g_autoptr (AmQueryClient) query_client = NULL;
  g_autoptr (AmConnectData) data = NULL;

  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (endpoint != NULL, NULL);
  g_return_val_if_fail (access_key_id != NULL, NULL);
  g_return_val_if_fail (secret_access_key != NULL, NULL);
  g_return_val_if_fail (region != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = am_session_new ();
  self->fixed = TRUE;
  self->fixed_access_key_id = g_strdup (access_key_id);
  self->fixed_secret = g_strdup (secret_access_key);
  self->fixed_endpoint = g_strdup (endpoint);

  data = g_new0 (AmConnectData, 1);
  data->profile_name = g_strdup (label);
  data->region = g_strdup (region);
  data->endpoint = g_strdup (endpoint);
  data->account = _am_session_endpoint_account (endpoint);
  credentials = am_credentials_new (access_key_id, secret_access_key, NULL, NULL);
  am_credentials_set_source (credentials, label);
  data->credentials = am_credentials_provider_new_static (credentials);

  query_client = am_query_client_new (data->credentials, "ec2", region, endpoint, error);
  if (query_client == NULL)
    return NULL;

  am_session_apply (self, data, query_client);

  return g_steal_pointer (&self);
}

void
am_session_set_mfa_prompt (AmSession       *self,
                           AmMfaPromptFunc  func,
                           gpointer         user_data,
                           GDestroyNotify   destroy)
{
  g_return_if_fail (AM_IS_SESSION (self));

  if (self->mfa_destroy != NULL)
    self->mfa_destroy (self->mfa_data);
  self->mfa_func = func;
  self->mfa_data = user_data;
  self->mfa_destroy = destroy;
}

/* Connecting */

void
_am_session_fail (AmSession *self,
                  GTask     *task,
                  GError    *error)
{
  g_assert (error != NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      /* A newer connect replaced this one (or the caller gave up): end quietly. A user who
       * declines the MFA prompt, though, leaves the session failed, with Retry. */
      g_task_return_error (task, error);
      return;
    }

  g_object_freeze_notify (G_OBJECT (self));
  /* Show what was tried, so the header names it and Retry tries it again. */
  {
    AmConnectData *data = g_task_get_task_data (task);

    if (data->profile_name != NULL && g_strcmp0 (self->profile_name, data->profile_name) != 0)
      {
        g_free (self->profile_name);
        self->profile_name = g_strdup (data->profile_name);
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE_NAME]);
      }
    if (data->region != NULL && g_strcmp0 (self->region, data->region) != 0)
      {
        g_free (self->region);
        self->region = g_strdup (data->region);
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
      }
    if (self->is_sandbox != data->is_sandbox)
      {
        self->is_sandbox = data->is_sandbox;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SANDBOX]);
      }
  }
  g_clear_error (&self->error);
  self->error = g_error_copy (error);
  am_session_set_client (self, NULL);
  am_session_set_state (self, AM_SESSION_STATE_FAILED);
  g_object_thaw_notify (G_OBJECT (self));
  g_task_return_error (task, error);
}

static void
am_session_save_choice (AmSession   *self,
                        AmConnectData *data)
{
  if (self->fixed || !data->explicit_choice)
    return;

  g_settings_set_string (self->settings, "profile", data->profile_name);
  g_settings_set_string (self->settings, "region", data->region);
}

void
_am_session_finish_connect (AmSession *self,
                            GTask     *task)
{
  AmConnectData *data = g_task_get_task_data (task);
  g_autoptr (AmQueryClient) query_client = NULL;
  g_autoptr (GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  query_client = am_query_client_new (data->credentials, "ec2", data->region, data->endpoint, &error);
  if (query_client != NULL && data->config != NULL && !data->is_sandbox)
    {
      const char *ca_bundle = am_aws_config_get_ca_bundle (data->config, data->profile_name);
      g_autoptr (SoupSession) soup_session = NULL;

      if (ca_bundle != NULL)
        {
          soup_session = am_aws_session_get_for_ca_bundle (ca_bundle, &error);
          if (soup_session != NULL)
            am_query_client_set_session (query_client, soup_session);
          else
            g_clear_object (&query_client);
        }
    }
  if (query_client == NULL)
    {
      _am_session_fail (self, task, g_steal_pointer (&error));
      return;
    }

  if (data->endpoint == NULL)
    data->endpoint = am_query_client_dup_endpoint (query_client);

  g_debug ("Connected to %s (%s) in %s at %s", data->profile_name, data->account ? data->account : "?",
           data->region, data->endpoint);
  am_session_save_choice (self, data);
  am_session_apply (self, data, query_client);
  g_task_return_boolean (task, TRUE);
}

void
_am_session_set_sandbox_error (AmSession *self,
                               GError    *error)
{
  if (self->sandbox_error == NULL && error == NULL)
    return;
  g_clear_error (&self->sandbox_error);
  self->sandbox_error = error;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SANDBOX_ERROR]);
}

void
am_session_connect_async (AmSession           *self,
                          const char          *profile_name,
                          const char          *region,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) config_error = NULL;
  g_autoptr (GCancellable) own_cancellable = NULL;
  g_autofree char *saved_profile = NULL;
  g_autofree char *saved_region = NULL;
  const char *env_region;
  gboolean use_default_chain = FALSE;
  AmConnectData *data;

  g_return_if_fail (AM_IS_SESSION (self));
  g_return_if_fail (region == NULL || *region != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* A new choice replaces a connect still under way. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  own_cancellable = g_cancellable_new ();
  g_set_object (&self->cancellable, own_cancellable);
  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                             own_cancellable, G_CONNECT_SWAPPED);

  task = g_task_new (self, own_cancellable, callback, user_data);
  g_task_set_source_tag (task, am_session_connect_async);
  data = g_new0 (AmConnectData, 1);
  g_task_set_task_data (task, data, (GDestroyNotify) connect_data_free);
  data->explicit_choice = profile_name != NULL || region != NULL;

  g_clear_error (&self->error);
  _am_session_set_sandbox_error (self, NULL);
  am_session_set_client (self, NULL);
  am_session_set_state (self, AM_SESSION_STATE_CONNECTING);

  if (self->fixed)
    {
      g_autoptr (AmCredentials) credentials = NULL;

      data->profile_name = g_strdup (self->profile_name);
      data->region = g_strdup (region ? region : self->region);
      data->endpoint = g_strdup (self->fixed_endpoint);
      data->account = _am_session_endpoint_account (self->fixed_endpoint);
      credentials = am_credentials_new (self->fixed_access_key_id, self->fixed_secret, NULL, NULL);
      data->credentials = am_credentials_provider_new_static (credentials);
      _am_session_finish_connect (self, task);
      return;
    }

  saved_profile = g_settings_get_string (self->settings, "profile");
  saved_region = g_settings_get_string (self->settings, "region");
  data->config = am_aws_config_load (&config_error);

  if (profile_name == NULL)
    {
      const char *env_profile = g_getenv ("AWS_PROFILE");

      if (env_profile != NULL && *env_profile != '\0')
        profile_name = env_profile;
      else if (*saved_profile != '\0')
        profile_name = saved_profile;
      else if (data->config != NULL && _am_session_config_has_default_credentials (data->config))
        {
          profile_name = am_aws_config_get_default_profile_name (data->config);
          use_default_chain = TRUE;
        }
      else if (data->config == NULL)
        {
          /* A broken AWS CLI file: say so rather than quietly fall back to the sandbox. */
          data->profile_name = g_strdup ("default");
          data->region = g_strdup (region ? region : *saved_region != '\0' ? saved_region : "us-east-1");
          _am_session_fail (self, task, g_steal_pointer (&config_error));
          return;
        }
      else
        {
          /* Profiles, but none to take without asking: the sandbox, and say why. */
          profile_name = AM_SESSION_SANDBOX_PROFILE;
          data->unchosen_profiles = am_aws_config_list_profiles (data->config);
          if (data->unchosen_profiles != NULL && data->unchosen_profiles[0] == NULL)
            g_clear_pointer (&data->unchosen_profiles, g_strfreev);
        }

      if (region == NULL && *saved_region != '\0' && g_strcmp0 (profile_name, saved_profile) == 0)
        region = saved_region;
    }
  data->profile_name = g_strdup (profile_name);

  env_region = g_getenv ("AWS_REGION");
  if (env_region == NULL || *env_region == '\0')
    env_region = g_getenv ("AWS_DEFAULT_REGION");
  if (region != NULL)
    data->region = g_strdup (region);
  else if (env_region != NULL && *env_region != '\0')
    data->region = g_strdup (env_region);

  if (g_strcmp0 (profile_name, AM_SESSION_SANDBOX_PROFILE) == 0 ||
      g_strcmp0 (profile_name, AM_SESSION_SANDBOX_BOB_PROFILE) == 0)
    {
      _am_session_connect_sandbox (self, task);
      return;
    }

  data->stored_account = am_accounts_lookup (self->settings, profile_name);
  if (data->stored_account != NULL)
    {
      _am_session_connect_account (self, task);
      return;
    }

  if (data->config == NULL)
    {
      _am_session_fail (self, task, g_steal_pointer (&config_error));
      return;
    }
  if (!use_default_chain && !am_aws_config_has_profile (data->config, profile_name))
    {
      if (g_strcmp0 (profile_name, am_aws_config_get_default_profile_name (data->config)) == 0 &&
          am_aws_config_has_environment_credentials (data->config))
        use_default_chain = TRUE;
      else
        {
          _am_session_fail (self, task,
                            g_error_new (AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                                         _("There is no profile named “%s” in %s or %s, and no account "
                                           "by that name in Preferences. Choose another profile."),
                                         profile_name, am_aws_config_get_config_path (data->config),
                                         am_aws_config_get_credentials_path (data->config)));
          return;
        }
    }

  _am_session_connect_profile (self, task, use_default_chain);
}

gboolean
am_session_connect_finish (AmSession     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_session_connect_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Regions */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
am_session_describe_regions_cb (GObject      *object,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) regions = NULL;
  g_autoptr (GPtrArray) names = NULL;

  regions = am_ec2_client_describe_regions_finish (AM_EC2_CLIENT (object), result, &error);
  if (regions == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < regions->len; i++)
    {
      const char *name = am_region_get_region_name (g_ptr_array_index (regions, i));

      if (name != NULL && *name != '\0')
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  g_task_return_pointer (task, g_ptr_array_steal (names, NULL), (GDestroyNotify) g_strfreev);
}

void
am_session_list_regions_async (AmSession           *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (AM_IS_SESSION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_session_list_regions_async);

  if (self->client == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                               _("Not connected: choose a profile first."));
      return;
    }

  am_ec2_client_describe_regions_async (self->client, FALSE, NULL, cancellable,
                                        am_session_describe_regions_cb, g_steal_pointer (&task));
}

char **
am_session_list_regions_finish (AmSession     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_session_list_regions_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

char **
am_session_list_cli_profiles (GError **error)
{
  g_autoptr (AmAwsConfig) config = am_aws_config_load (error);

  if (config == NULL)
    return NULL;

  return am_aws_config_list_profiles (config);
}

/* Accessors */

const char * const *
am_session_get_unchosen_profiles (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return (const char * const *) self->unchosen_profiles;
}

AmSessionState
am_session_get_state (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), AM_SESSION_STATE_DISCONNECTED);

  return self->state;
}

const GError *
am_session_get_error (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->error;
}

AmEc2Client *
am_session_get_client (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->client;
}

AmQueryClient *
am_session_get_query_client (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->query_client;
}

const char *
am_session_get_profile_name (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->profile_name;
}

const char *
am_session_get_region (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->region;
}

const char *
am_session_get_endpoint (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->endpoint;
}

const char *
am_session_get_account (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->account;
}

void
am_session_instances_launched (AmSession          *self,
                               const char * const *instance_ids)
{
  const char *none[] = { NULL };

  g_return_if_fail (AM_IS_SESSION (self));

  g_signal_emit (self, signals[INSTANCES_LAUNCHED], 0, instance_ids != NULL ? instance_ids : none);
}

gboolean
am_session_is_sandbox (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);

  return self->is_sandbox;
}

const char *
am_session_get_cache_key (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->cache_key;
}

AmSandboxProcess *
am_session_get_sandbox_process (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->sandbox;
}

/* GObject */

static void
am_session_dispose (GObject *object)
{
  AmSession *self = AM_SESSION (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->query_client);
  g_clear_object (&self->credentials);
  _am_session_forget_sandbox (self);
  g_clear_object (&self->settings);
  if (self->mfa_destroy != NULL)
    self->mfa_destroy (self->mfa_data);
  self->mfa_destroy = NULL;
  self->mfa_data = NULL;
  self->mfa_func = NULL;

  G_OBJECT_CLASS (am_session_parent_class)->dispose (object);
}

static void
am_session_finalize (GObject *object)
{
  AmSession *self = AM_SESSION (object);

  g_clear_error (&self->error);
  g_clear_error (&self->sandbox_error);
  g_free (self->profile_name);
  g_strfreev (self->unchosen_profiles);
  g_free (self->region);
  g_free (self->endpoint);
  g_free (self->account);
  g_free (self->cache_key);
  g_free (self->fixed_access_key_id);
  if (self->fixed_secret != NULL)
    memset (self->fixed_secret, 0, strlen (self->fixed_secret));
  g_free (self->fixed_secret);
  g_free (self->fixed_endpoint);

  G_OBJECT_CLASS (am_session_parent_class)->finalize (object);
}

static void
am_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AmSession *self = AM_SESSION (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_PROFILE_NAME:
      g_value_set_string (value, self->profile_name);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_ENDPOINT:
      g_value_set_string (value, self->endpoint);
      break;
    case PROP_ACCOUNT:
      g_value_set_string (value, self->account);
      break;
    case PROP_SANDBOX:
      g_value_set_boolean (value, self->is_sandbox);
      break;
    case PROP_CACHE_KEY:
      g_value_set_string (value, self->cache_key);
      break;
    case PROP_SANDBOX_ERROR:
      g_value_set_boxed (value, self->sandbox_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_session_class_init (AmSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_session_dispose;
  object_class->finalize = am_session_finalize;
  object_class->get_property = am_session_get_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      AM_SESSION_STATE_DISCONNECTED, AM_SESSION_STATE_FAILED, AM_SESSION_STATE_DISCONNECTED,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         AM_TYPE_EC2_CLIENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILE_NAME] =
    g_param_spec_string ("profile-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENDPOINT] =
    g_param_spec_string ("endpoint", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNT] =
    g_param_spec_string ("account", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SANDBOX] =
    g_param_spec_boolean ("sandbox", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CACHE_KEY] =
    g_param_spec_string ("cache-key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SANDBOX_ERROR] =
    g_param_spec_boxed ("sandbox-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmSession::instances-launched:
   * @instance_ids: (array zero-terminated=1): the new instances' IDs (may be empty when
   *   EC2 has not named them yet, e.g. right after an Auto Scaling group was created)
   *
   * Something of the app launched instances with this session's client: views that list
   * instances follow them until they show.
   */
  signals[INSTANCES_LAUNCHED] =
    g_signal_new ("instances-launched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);
}

static void
am_session_init (AmSession *self)
{
  self->settings = g_settings_new (APP_ID);
}
