/* am-profile-resolver.c: resolves a profile's credentials the way the AWS CLI does (static keys,
 * credential_process, STS AssumeRole, IAM Identity Center); AmAwsConfig only reads the files
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-profile-resolver"

#include "config.h"

#include <string.h>

#include "am-aws-config-private.h"
#include "am-aws-config.h"
#include "am-aws-error.h"
#include "am-aws-session.h"
#include "am-profile-resolver.h"
#include "am-profile-resolver-private.h"
#include "am-aws-transport-private.h"
#include "am-query-client.h"

#define MAX_CHAIN_DEPTH 10

struct _AmProfileResolver
{
  GObject      parent_instance;

  AmAwsConfig *config;
};

G_DEFINE_FINAL_TYPE (AmProfileResolver, am_profile_resolver, G_TYPE_OBJECT)

static void
am_profile_resolver_finalize (GObject *object)
{
  AmProfileResolver *self = AM_PROFILE_RESOLVER (object);

  g_clear_object (&self->config);

  G_OBJECT_CLASS (am_profile_resolver_parent_class)->finalize (object);
}

static void
am_profile_resolver_class_init (AmProfileResolverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = am_profile_resolver_finalize;
}

static void
am_profile_resolver_init (AmProfileResolver *self)
{
}

AmProfileResolver *
am_profile_resolver_new (AmAwsConfig *config)
{
  AmProfileResolver *self;

  g_return_val_if_fail (AM_IS_AWS_CONFIG (config), NULL);

  self = g_object_new (AM_TYPE_PROFILE_RESOLVER, NULL);
  self->config = g_object_ref (config);
  return self;
}

AmAwsConfig *
am_profile_resolver_get_config (AmProfileResolver *self)
{
  g_return_val_if_fail (AM_IS_PROFILE_RESOLVER (self), NULL);

  return self->config;
}

/* Every step's task has the resolver as its source object. */
AmAwsConfig *
_am_profile_resolver_task_config (GTask *task)
{
  return AM_PROFILE_RESOLVER (g_task_get_source_object (task))->config;
}

/* Sends the STS or SSO call through the session of the profile's CA bundle, if it has one. */
gboolean
_am_profile_resolver_use_ca_bundle (AmAwsConfig     *config,
                                    const char      *profile,
                                    AmQueryClient   *client,
                                    AmAwsTransport  *transport,
                                    GError         **error)
{
  const char *ca_bundle = am_aws_config_get_ca_bundle (config, profile);
  g_autoptr (SoupSession) session = NULL;

  if (ca_bundle == NULL)
    return TRUE;
  session = am_aws_session_get_for_ca_bundle (ca_bundle, error);
  if (session == NULL)
    return FALSE;
  if (client != NULL)
    am_query_client_set_session (client, session);
  if (transport != NULL)
    _am_aws_transport_set_session (transport, session);
  return TRUE;
}

AmCredentials *
_am_profile_resolver_credentials_with_source (AmCredentials *credentials,
                                              const char    *format,
                                              ...)
{
  g_autofree char *source = NULL;
  va_list args;

  va_start (args, format);
  source = g_strdup_vprintf (format, args);
  va_end (args);
  am_credentials_set_source (credentials, source);
  return credentials;
}

AmCredentials *
_am_profile_resolver_environment_credentials (AmAwsConfig *config)
{
  const char *expiration_text = am_aws_config_getenv (config, "AWS_CREDENTIAL_EXPIRATION");
  g_autoptr (GDateTime) expiration = NULL;
  AmCredentials *credentials;

  if (expiration_text != NULL)
    expiration = g_date_time_new_from_iso8601 (expiration_text, NULL);

  credentials = am_credentials_new (am_aws_config_getenv (config, "AWS_ACCESS_KEY_ID"),
                                    am_aws_config_getenv (config, "AWS_SECRET_ACCESS_KEY"),
                                    am_aws_config_getenv (config, "AWS_SESSION_TOKEN"),
                                    expiration);
  return _am_profile_resolver_credentials_with_source (credentials, "environment");
}

/* The resolution, one profile at a time */

static void
step_data_free (gpointer user_data)
{
  AmResolverStep *data = user_data;

  g_free (data->profile);
  g_clear_pointer (&data->source, am_credentials_unref);
  if (data->mfa_code != NULL)
    memset (data->mfa_code, 0, strlen (data->mfa_code));
  g_free (data->mfa_code);
  g_clear_handle_id (&data->timeout_id, g_source_remove);
  g_clear_object (&data->process);
  if (data->process_out != NULL && data->process_out->len > 0)
    memset (data->process_out->data, 0, data->process_out->len);
  g_clear_pointer (&data->process_out, g_byte_array_unref);
  g_clear_pointer (&data->process_err, g_byte_array_unref);
  g_clear_object (&data->process_cancellable);
  g_free (data);
}

AmCredentials *
_am_profile_resolver_resolve_step_finish (GAsyncResult  *result,
                                          GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
_am_profile_resolver_return_credentials (GTask         *task,
                                         AmCredentials *credentials)
{
  g_task_return_pointer (task, credentials, (GDestroyNotify) am_credentials_unref);
}

/* The dispatcher */

void
_am_profile_resolver_resolve_step_async (AmProfileResolver   *self,
                                         AmResolverContext   *context,
                                         const char          *profile,
                                         gboolean             as_source,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  AmAwsConfig *config = self->config;
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr (GError) error = NULL;
  const char *chained_from = context->chain->len > 0
                               ? g_ptr_array_index (context->chain, context->chain->len - 1)
                               : NULL;
  AmAwsProfileKind kind;
  AmResolverStep *data;

  g_task_set_source_tag (task, _am_profile_resolver_resolve_step_async);

  data = g_new0 (AmResolverStep, 1);
  data->context = context;
  data->profile = g_strdup (profile);
  g_task_set_task_data (task, data, step_data_free);

  kind = _am_aws_config_classify (config, profile, as_source, chained_from, &error);

  if (kind == AM_AWS_PROFILE_KIND_ASSUME_ROLE)
    {
      gboolean loop = FALSE;

      for (guint i = 0; i < context->chain->len; i++)
        loop |= strcmp (g_ptr_array_index (context->chain, i), profile) == 0;
      if (loop || context->chain->len >= MAX_CHAIN_DEPTH)
        {
          g_autoptr (GString) path = g_string_new (NULL);

          for (guint i = 0; i < context->chain->len; i++)
            g_string_append_printf (path, "%s → ",
                                    (const char *) g_ptr_array_index (context->chain, i));
          g_string_append (path, profile);
          g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG,
                                   "The role profiles form a loop or a chain that is too long "
                                   "(%s); fix source_profile in %s", path->str,
                                   am_aws_config_get_config_path (config));
          return;
        }
      g_ptr_array_add (context->chain, g_strdup (profile));
    }

  switch (kind)
    {
    case AM_AWS_PROFILE_KIND_NONE:
    case AM_AWS_PROFILE_KIND_ENVIRONMENT:
      g_task_return_error (task, g_steal_pointer (&error));
      return;

    case AM_AWS_PROFILE_KIND_STATIC:
      _am_profile_resolver_return_credentials (
        task,
        _am_profile_resolver_credentials_with_source (
          am_credentials_new (am_aws_config_get_value (config, profile, "aws_access_key_id"),
                              am_aws_config_get_value (config, profile, "aws_secret_access_key"),
                              am_aws_config_get_value (config, profile, "aws_session_token"), NULL),
          "profile %s", profile));
      return;

    case AM_AWS_PROFILE_KIND_CREDENTIAL_PROCESS:
      _am_profile_resolver_run_credential_process (g_steal_pointer (&task));
      return;

    case AM_AWS_PROFILE_KIND_ASSUME_ROLE:
      _am_profile_resolver_assume_role (g_steal_pointer (&task));
      return;

    case AM_AWS_PROFILE_KIND_SSO:
      _am_profile_resolver_sso_credentials (g_steal_pointer (&task));
      return;

    default:
      g_assert_not_reached ();
    }
}

/* Public entry point */

static void
context_free (gpointer user_data)
{
  AmResolverContext *context = user_data;

  g_ptr_array_unref (context->chain);
  g_free (context);
}

static void
on_top_resolved (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;
  AmCredentials *credentials;

  credentials = _am_profile_resolver_resolve_step_finish (result, &error);
  if (credentials == NULL)
    g_task_return_error (task, error);
  else
    _am_profile_resolver_return_credentials (task, credentials);
}

void
am_profile_resolver_resolve_async (AmProfileResolver   *self,
                                   const char          *profile_name,
                                   AmMfaPromptFunc      mfa_prompt,
                                   gpointer             mfa_prompt_data,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  AmAwsConfig *config;
  AmResolverContext *context;

  g_return_if_fail (AM_IS_PROFILE_RESOLVER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_profile_resolver_resolve_async);
  config = self->config;

  if (profile_name == NULL)
    {
      g_autoptr (GError) error = NULL;
      gboolean present;

      if (!_am_aws_config_environment_credentials_state (config, &present, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (present)
        {
          _am_profile_resolver_return_credentials (
            task, _am_profile_resolver_environment_credentials (config));
          return;
        }
      profile_name = am_aws_config_get_default_profile_name (config);
      if (!am_aws_config_has_profile (config, profile_name))
        {
          g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                                   "No AWS credentials were found: AWS_ACCESS_KEY_ID is not set "
                                   "and there is no profile “%s” in %s or %s; run `aws "
                                   "configure`", profile_name,
                                   am_aws_config_get_config_path (config),
                                   am_aws_config_get_credentials_path (config));
          return;
        }
    }

  context = g_new0 (AmResolverContext, 1);
  context->mfa_prompt = mfa_prompt;
  context->mfa_prompt_data = mfa_prompt_data;
  context->chain = g_ptr_array_new_with_free_func (g_free);
  g_task_set_task_data (task, context, context_free);

  _am_profile_resolver_resolve_step_async (self, context, profile_name, FALSE, cancellable,
                                           on_top_resolved, g_steal_pointer (&task));
}

AmCredentials *
am_profile_resolver_resolve_finish (AmProfileResolver  *self,
                                    GAsyncResult       *result,
                                    GError            **error)
{
  g_return_val_if_fail (AM_IS_PROFILE_RESOLVER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                          == am_profile_resolver_resolve_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
