/* am-session-sources.c: AmSession's keys from an account in Preferences or an AWS CLI profile
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-session"

#include "config.h"

#include <glib/gi18n.h>

#include "am-aws-error.h"
#include "am-session-private.h"

static void
am_session_account_secret_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  AmSession *self = g_task_get_source_object (task);
  AmConnectData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (AmCredentials) credentials = NULL;
  char *secret;

  secret = am_accounts_lookup_secret_finish (result, &error);
  if (secret == NULL)
    {
      _am_session_fail (self, task, g_steal_pointer (&error));
      return;
    }

  credentials = am_credentials_new (data->stored_account->access_key_id, secret, NULL, NULL);
  secret_password_free (secret);
  am_credentials_set_source (credentials, data->profile_name);
  data->credentials = am_credentials_provider_new_static (credentials);
  _am_session_finish_connect (self, task);
}

void
_am_session_connect_account (AmSession *self,
                             GTask     *task)
{
  AmConnectData *data = g_task_get_task_data (task);
  AmAccount *account = data->stored_account;

  if (data->region == NULL)
    data->region = g_strdup (*account->region != '\0' ? account->region : "us-east-1");
  if (*account->endpoint != '\0')
    {
      data->endpoint = g_strdup (account->endpoint);
      data->account = _am_session_endpoint_account (account->endpoint);
    }
  else
    data->account = g_strdup (account->access_key_id);

  am_accounts_lookup_secret_async (account->name, g_task_get_cancellable (task),
                                   am_session_account_secret_cb, g_object_ref (task));
}

static char *
role_account (const char *role_arn)
{
  g_auto (GStrv) parts = NULL;

  /* arn:aws:iam::123456789012:role/NAME */
  if (role_arn == NULL)
    return NULL;
  parts = g_strsplit (role_arn, ":", 6);
  if (g_strv_length (parts) < 6 || *parts[4] == '\0')
    return NULL;
  return g_strdup (parts[4]);
}

static void
am_session_profile_credentials_cb (GObject      *object,
                                   GAsyncResult *result,
                                   gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  AmSession *self = g_task_get_source_object (task);
  AmConnectData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (AmCredentials) credentials = NULL;

  credentials = am_credentials_provider_get_finish (AM_CREDENTIALS_PROVIDER (object), result, &error);
  if (credentials == NULL)
    {
      _am_session_fail (self, task, g_steal_pointer (&error));
      return;
    }

  if (data->account == NULL)
    data->account = role_account (am_aws_config_get_value (data->config, data->profile_name, "role_arn"));
  if (data->account == NULL)
    data->account = g_strdup (am_aws_config_get_value (data->config, data->profile_name, "sso_account_id"));
  if (data->account == NULL)
    data->account = g_strdup (am_credentials_get_access_key_id (credentials));

  _am_session_finish_connect (self, task);
}

static void
am_session_mfa_prompt_cb (const char   *profile_name,
                          const char   *mfa_serial,
                          GCancellable *cancellable,
                          GTask        *task,
                          gpointer      user_data)
{
  AmSession *self = user_data;

  if (self->mfa_func == NULL)
    {
      g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                               _("Profile “%s” needs a code from MFA device %s, but nothing can ask for it."),
                               profile_name, mfa_serial);
      g_object_unref (task);
      return;
    }

  self->mfa_func (profile_name, mfa_serial, cancellable, task, self->mfa_data);
}

void
_am_session_connect_profile (AmSession *self,
                             GTask     *task,
                             gboolean   use_default_chain)
{
  AmConnectData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  const char *endpoint;

  if (!use_default_chain &&
      am_aws_config_get_profile_kind (data->config, data->profile_name, &error) == AM_AWS_PROFILE_KIND_NONE)
    {
      if (error == NULL)
        error = g_error_new (AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                             _("Profile “%s” has no credentials in %s or %s. Add them with "
                               "“aws configure --profile %s”, or choose another profile."),
                             data->profile_name, am_aws_config_get_config_path (data->config),
                             am_aws_config_get_credentials_path (data->config), data->profile_name);
      _am_session_fail (self, task, g_steal_pointer (&error));
      return;
    }

  if (data->region == NULL)
    data->region = g_strdup (am_aws_config_get_region (data->config, data->profile_name));
  if (data->region == NULL)
    data->region = g_strdup ("us-east-1");
  endpoint = am_aws_config_get_endpoint_url (data->config, data->profile_name, "ec2");
  if (endpoint != NULL)
    {
      data->endpoint = g_strdup (endpoint);
      data->account = _am_session_endpoint_account (endpoint);
    }

  data->credentials = am_credentials_provider_new_for_profile (data->config,
                                                               use_default_chain ? NULL : data->profile_name);
  am_credentials_provider_set_mfa_prompt (data->credentials, am_session_mfa_prompt_cb, self, NULL);
  am_credentials_provider_get_async (data->credentials, g_task_get_cancellable (task),
                                     am_session_profile_credentials_cb, g_object_ref (task));
}

/* Whether the AWS CLI would find credentials without being told a profile. */
gboolean
_am_session_config_has_default_credentials (AmAwsConfig *config)
{
  g_autoptr (GError) error = NULL;

  if (am_aws_config_has_environment_credentials (config))
    return TRUE;

  return am_aws_config_get_profile_kind (config, am_aws_config_get_default_profile_name (config), &error)
         != AM_AWS_PROFILE_KIND_NONE;
}
