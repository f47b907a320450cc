/* am-profile-resolver-sts.c: credentials of a role profile through STS AssumeRole (and MFA)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-profile-resolver"

#include "config.h"

#include <string.h>

#include "am-aws-config-private.h"
#include "am-aws-error.h"
#include "am-profile-resolver-private.h"
#include "am-query-client.h"
#include "am-xml-fields.h"

#define STS_VERSION "2011-06-15"

typedef struct
{
  char *key_id;
  char *secret;
  char *token;
  char *expiration;
} StsCredentials;

static const AmField sts_credentials_fields[] = {
  { NULL, "AccessKeyId",     NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (StsCredentials, key_id) },
  { NULL, "SecretAccessKey", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (StsCredentials, secret) },
  { NULL, "SessionToken",    NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (StsCredentials, token) },
  { NULL, "Expiration",      NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (StsCredentials, expiration) },
};

static gboolean
sts_result_start (AmXmlReader *reader,
                  const char  *element,
                  gpointer     user_data,
                  GError     **error)
{
  if (strcmp (element, "Credentials") == 0)
    am_xml_reader_push (reader, &am_xml_fields_handler, user_data);
  return TRUE;
}

static const AmXmlHandler sts_result_handler = { sts_result_start, NULL, NULL };

static gboolean
sts_response_start (AmXmlReader *reader,
                    const char  *element,
                    gpointer     user_data,
                    GError     **error)
{
  if (strcmp (element, "AssumeRoleResult") == 0)
    am_xml_reader_push (reader, &sts_result_handler, user_data);
  return TRUE;
}

static const AmXmlHandler sts_response_handler = { sts_response_start, NULL, NULL };

static gboolean
sts_document_start (AmXmlReader *reader,
                    const char  *element,
                    gpointer     user_data,
                    GError     **error)
{
  if (strcmp (element, "AssumeRoleResponse") != 0)
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                   "STS answered AssumeRole with <%s> instead of <AssumeRoleResponse>", element);
      return FALSE;
    }
  am_xml_reader_push (reader, &sts_response_handler, user_data);
  return TRUE;
}

static const AmXmlHandler sts_document_handler = { sts_document_start, NULL, NULL };

static void
sts_credentials_clear (StsCredentials *creds)
{
  g_free (creds->key_id);
  if (creds->secret != NULL)
    memset (creds->secret, 0, strlen (creds->secret));
  g_free (creds->secret);
  if (creds->token != NULL)
    memset (creds->token, 0, strlen (creds->token));
  g_free (creds->token);
  g_free (creds->expiration);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StsCredentials, sts_credentials_clear)

/* Reads STS's AssumeRole answer into credentials. */
static AmCredentials *
parse_assume_role (const char  *profile,
                   const char  *role_arn,
                   GBytes      *body,
                   GError     **error)
{
  g_auto (StsCredentials) creds = { 0 };
  AmXmlFields fields
    = { &creds, sts_credentials_fields, G_N_ELEMENTS (sts_credentials_fields), NULL };
  g_autoptr (GDateTime) expiration = NULL;

  if (!am_xml_parse (&sts_document_handler, &fields, g_bytes_get_data (body, NULL),
                     (gssize) g_bytes_get_size (body), error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (sts_credentials_fields); i++)
    {
      char *value = *(char **) AM_FIELD_PTR (&creds, &sts_credentials_fields[i]);

      if (value != NULL)
        g_strstrip (value);
    }
  /* An empty value (blank, or text that is cut at a NUL) is as missing as an absent one: a
   * role's credentials without their session token would only fail later, unexplained. */
  if (creds.key_id == NULL || *creds.key_id == '\0' || creds.secret == NULL
      || *creds.secret == '\0' || creds.token == NULL || *creds.token == '\0')
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                   "STS answered AssumeRole for profile “%s” without credentials", profile);
      return NULL;
    }
  if (creds.expiration != NULL)
    {
      expiration = g_date_time_new_from_iso8601 (creds.expiration, NULL);
      if (expiration == NULL)
        {
          g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                       "STS answered AssumeRole for profile “%s” with an Expiration that is "
                       "not an ISO 8601 time", profile);
          return NULL;
        }
    }

  return _am_profile_resolver_credentials_with_source (
    am_credentials_new (creds.key_id, creds.secret, creds.token, expiration), "profile %s: role %s",
    profile, role_arn);
}

static void
on_assume_role (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  AmResolverStep *data = g_task_get_task_data (task);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  AmCredentials *credentials;
  const char *role_arn;

  body = am_query_client_call_finish (AM_QUERY_CLIENT (source), result, &error);
  if (body == NULL)
    {
      if (error->domain == AM_AWS_ERROR)
        g_task_return_error (task, am_aws_error_new_from (error, "Could not assume the role of "
                                                          "profile “%s”: %s", data->profile,
                                                          error->message));
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  role_arn = am_aws_config_get_value (_am_profile_resolver_task_config (task), data->profile,
                                      "role_arn");
  credentials = parse_assume_role (data->profile, role_arn, body, &error);
  if (credentials == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  _am_profile_resolver_return_credentials (task, credentials);
}

static void
call_assume_role (GTask *task)
{
  AmAwsConfig *config = _am_profile_resolver_task_config (task);
  AmResolverStep *data = g_task_get_task_data (task);
  g_autoptr (AmCredentialsProvider) provider = am_credentials_provider_new_static (data->source);
  g_autoptr (AmQueryClient) client = NULL;
  g_autoptr (AmQueryParams) params = am_query_params_new ("AssumeRole", STS_VERSION);
  g_autoptr (GError) error = NULL;
  g_autofree char *session_name = NULL;
  const char *region;
  const char *value;

  region = am_aws_config_get_region (config, data->profile);
  if (region == NULL)
    region = "us-east-1";
  client = am_query_client_new (
    provider, "sts", region, am_aws_config_get_service_endpoint_url (config, data->profile, "sts"),
    &error);
  if (client != NULL
      && !_am_profile_resolver_use_ca_bundle (config, data->profile, client, NULL, &error))
    g_clear_object (&client);
  if (client == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  value = am_aws_config_get_value (config, data->profile, "role_session_name");
  session_name = value != NULL ? g_strdup (value)
                               : g_strdup_printf ("amiable-%" G_GINT64_FORMAT,
                                                  g_get_real_time () / G_TIME_SPAN_SECOND);

  am_query_params_add (params, "RoleArn", am_aws_config_get_value (config, data->profile,
                                                                   "role_arn"));
  am_query_params_add (params, "RoleSessionName", session_name);
  if ((value = am_aws_config_get_value (config, data->profile, "duration_seconds")) != NULL)
    am_query_params_add (params, "DurationSeconds", value);
  if ((value = am_aws_config_get_value (config, data->profile, "external_id")) != NULL)
    am_query_params_add (params, "ExternalId", value);
  if ((value = am_aws_config_get_value (config, data->profile, "mfa_serial")) != NULL)
    {
      am_query_params_add (params, "SerialNumber", value);
      am_query_params_add (params, "TokenCode", data->mfa_code);
    }

  am_query_client_call_async (client, params, g_task_get_cancellable (task), on_assume_role, task);
}

static void
on_mfa_code (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  AmResolverStep *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  char *code;

  code = g_task_propagate_pointer (G_TASK (result), &error);
  if (code == NULL)
    {
      if (error == NULL)
        error = g_error_new (G_IO_ERROR, G_IO_ERROR_CANCELLED, "No MFA code was given");
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  g_strstrip (code);
  if (*code == '\0')
    {
      g_free (code);
      g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_AUTH,
                               "No MFA code was given for profile “%s”", data->profile);
      g_object_unref (task);
      return;
    }

  data->mfa_code = code;
  call_assume_role (task);
}

static void
with_role_source (GTask *task)
{
  AmAwsConfig *config = _am_profile_resolver_task_config (task);
  AmResolverStep *data = g_task_get_task_data (task);
  const char *mfa_serial;
  GTask *prompt_task;

  mfa_serial = am_aws_config_get_value (config, data->profile, "mfa_serial");
  if (mfa_serial == NULL)
    {
      call_assume_role (task);
      return;
    }

  if (data->context->mfa_prompt == NULL)
    {
      g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_AUTH,
                               "The profile “%s” needs an MFA code from %s, and nothing can "
                               "ask for it here", data->profile, mfa_serial);
      g_object_unref (task);
      return;
    }

  prompt_task = g_task_new (NULL, g_task_get_cancellable (task), on_mfa_code, task);
  g_task_set_source_tag (prompt_task, with_role_source);
  data->context->mfa_prompt (data->profile, mfa_serial, g_task_get_cancellable (task),
                             prompt_task, data->context->mfa_prompt_data);
}

static void
on_role_source (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  AmResolverStep *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  data->source = _am_profile_resolver_resolve_step_finish (result, &error);
  if (data->source == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  with_role_source (task);
}

void
_am_profile_resolver_assume_role (GTask *task)
{
  AmAwsConfig *config = _am_profile_resolver_task_config (task);
  AmResolverStep *data = g_task_get_task_data (task);
  const char *source_profile = am_aws_config_get_value (config, data->profile, "source_profile");
  const char *credential_source;

  if (source_profile != NULL)
    {
      _am_profile_resolver_resolve_step_async (g_task_get_source_object (task), data->context,
                                               source_profile, TRUE, g_task_get_cancellable (task),
                                               on_role_source, task);
      return;
    }

  credential_source = am_aws_config_get_value (config, data->profile, "credential_source");
  if (g_strcmp0 (credential_source, "Environment") == 0)
    {
      gboolean present;
      g_autoptr (GError) error = NULL;

      if (!_am_aws_config_environment_credentials_state (config, &present, &error) || !present)
        {
          if (error == NULL)
            error = g_error_new (AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                                 "The profile “%s” takes its source credentials from the "
                                 "environment, but AWS_ACCESS_KEY_ID is not set", data->profile);
          g_task_return_error (task, g_steal_pointer (&error));
          g_object_unref (task);
          return;
        }
      data->source = _am_profile_resolver_environment_credentials (config);
      with_role_source (task);
      return;
    }

  g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG,
                           "The profile “%s” has credential_source = %s, which Amiable cannot "
                           "use on a desktop; use source_profile or Environment", data->profile,
                           credential_source);
  g_object_unref (task);
}

/* The entry point for the fuzzers (tests/fuzz/aws): the parser above, without a process, a
 * request or a main loop around it. */

AmCredentials *
_am_aws_parse_assume_role_for_fuzzing (const char  *profile,
                                       const char  *role_arn,
                                       GBytes      *body,
                                       GError     **error)
{
  return parse_assume_role (profile, role_arn, body, error);
}
