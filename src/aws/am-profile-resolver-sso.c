/* am-profile-resolver-sso.c: credentials of an IAM Identity Center (SSO) profile
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-profile-resolver"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "am-aws-config-private.h"
#include "am-aws-error.h"
#include "am-aws-transport-private.h"
#include "am-flatpak.h"
#include "am-json-client-private.h"
#include "am-json-member.h"
#include "am-profile-resolver-private.h"

static char *
sso_cache_path (AmAwsConfig *config,
                const char  *cache_key)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, cache_key, -1);
  g_autofree char *file_name = g_strconcat (hash, ".json", NULL);

  return g_build_filename (_am_aws_config_get_home (config), ".aws", "sso", "cache", file_name,
                           NULL);
}

static GError *
sso_login_error (AmAwsConfig *config,
                 const char  *profile,
                 const char  *problem)
{
  return g_error_new (AM_AWS_ERROR, AM_AWS_ERROR_AUTH,
                      "The IAM Identity Center sign-in of profile “%s” %s; run `aws sso login "
                      "--profile %s`%s and try again", profile, problem, profile,
                      am_flatpak_where_to_run (_am_aws_config_get_environ (config)));
}

static char *
read_sso_token (AmAwsConfig  *config,
                const char   *profile,
                const char   *cache_key,
                GError      **error)
{
  g_autofree char *path = sso_cache_path (config, cache_key);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GDateTime) expires = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GError) local = NULL;
  JsonNode *root;
  JsonObject *object;
  const char *token;
  const char *expires_at;
  gboolean wrong_token;
  gboolean wrong_expires;

  if (!json_parser_load_from_file (parser, path, &local))
    {
      g_autofree char *problem = NULL;

      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        problem = g_strdup_printf ("has no cached token (%s does not exist)", path);
      else
        problem = g_strdup_printf ("has an unreadable token cache (%s: %s)", path, local->message);
      g_propagate_error (error, sso_login_error (config, profile, problem));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *problem = g_strdup_printf ("has an unreadable token cache (%s is not a "
                                                  "JSON object)", path);

      g_propagate_error (error, sso_login_error (config, profile, problem));
      return NULL;
    }
  object = json_node_get_object (root);
  token = am_json_member_string (object, "accessToken", &wrong_token);
  expires_at = am_json_member_string (object, "expiresAt", &wrong_expires);
  if (wrong_token || wrong_expires)
    {
      g_autofree char *problem = g_strdup_printf ("has an unreadable token cache (in %s, %s is "
                                                  "not a string)", path,
                                                  wrong_token ? "accessToken" : "expiresAt");

      g_propagate_error (error, sso_login_error (config, profile, problem));
      return NULL;
    }
  if (token == NULL || *token == '\0' || expires_at == NULL)
    {
      g_propagate_error (error, sso_login_error (config, profile, "has an incomplete token cache"));
      return NULL;
    }

  expires = g_date_time_new_from_iso8601 (expires_at, NULL);
  if (expires == NULL || g_date_time_compare (expires, now) <= 0)
    {
      g_propagate_error (error, sso_login_error (config, profile, "has expired"));
      return NULL;
    }

  return g_strdup (token);
}

static void
on_role_credentials (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  AmResolverStep *data = g_task_get_task_data (task);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GDateTime) expiration = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonObject *role;
  const char *key_id;
  const char *secret;
  const char *token;

  body = _am_aws_transport_send_finish (result, &error);
  if (body == NULL)
    {
      AmAwsConfig *config = _am_profile_resolver_task_config (task);
      const char *where_to_run = am_flatpak_where_to_run (_am_aws_config_get_environ (config));

      if (error->domain == AM_AWS_ERROR && error->code == AM_AWS_ERROR_AUTH)
        g_task_return_error (
          task, am_aws_error_new_from (error,
                                       "IAM Identity Center refused the sign-in of "
                                       "profile “%s” (%s); run `aws sso login "
                                       "--profile %s`%s and try again",
                                       data->profile, error->message, data->profile, where_to_run));
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   (gssize) g_bytes_get_size (body), NULL)
      || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                               "IAM Identity Center answered GetRoleCredentials for profile "
                               "“%s” with something that is not JSON", data->profile);
      return;
    }

  object = json_node_get_object (root);
  /* A value of the wrong type reads as missing. */
  role = am_json_member_object (object, "roleCredentials", NULL);
  key_id = am_json_member_string (role, "accessKeyId", NULL);
  secret = am_json_member_string (role, "secretAccessKey", NULL);
  token = am_json_member_string (role, "sessionToken", NULL);
  if (key_id == NULL || secret == NULL || token == NULL)
    {
      g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                               "IAM Identity Center answered GetRoleCredentials for profile "
                               "“%s” without credentials", data->profile);
      return;
    }
  if (json_object_has_member (role, "expiration"))
    {
      double ms = 0;
      gboolean wrong_type;

      /* Milliseconds since 1970; never read a time that cannot be as "never expires". */
      if (am_json_member_number (role, "expiration", &ms, &wrong_type))
        expiration = am_json_epoch_to_date_time (ms / 1000);
      if (expiration == NULL)
        {
          g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                                   "IAM Identity Center answered GetRoleCredentials for profile "
                                   "“%s” with an expiration that is not a time", data->profile);
          return;
        }
    }

  _am_profile_resolver_return_credentials (task,
                                           _am_profile_resolver_credentials_with_source (
                                             am_credentials_new (key_id, secret, token, expiration),
                                             "profile %s: IAM Identity Center", data->profile));
}

void
_am_profile_resolver_sso_credentials (GTask *task)
{
  AmAwsConfig *config = _am_profile_resolver_task_config (task);
  AmResolverStep *data = g_task_get_task_data (task);
  const char *session = am_aws_config_get_value (config, data->profile, "sso_session");
  const char *cache_key;
  const char *region;
  g_autofree char *token = NULL;
  g_autofree char *account_e = NULL;
  g_autofree char *role_e = NULL;
  g_autofree char *query = NULL;
  g_autoptr (AmAwsTransport) transport = NULL;
  g_autoptr (GError) error = NULL;
  const char *headers[3] = { "x-amz-sso_bearer_token", NULL, NULL };
  AmAwsTransportRequest request = { 0 };

  if (session != NULL)
    {
      cache_key = session;
      region = am_aws_config_get_section_value (config, "sso-session", session, "sso_region");
    }
  else
    {
      cache_key = am_aws_config_get_value (config, data->profile, "sso_start_url");
      region = am_aws_config_get_value (config, data->profile, "sso_region");
    }

  token = read_sso_token (config, data->profile, cache_key, &error);
  if (token == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  transport = _am_aws_transport_new (NULL, "sso", "portal.sso", region,
                                     am_aws_config_get_service_endpoint_url (config, data->profile,
                                                                             "sso"),
                                     &error);
  if (transport != NULL
      && !_am_profile_resolver_use_ca_bundle (config, data->profile, NULL, transport, &error))
    g_clear_pointer (&transport, _am_aws_transport_unref);
  if (transport == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  account_e = g_uri_escape_string (am_aws_config_get_value (config, data->profile,
                                                            "sso_account_id"), NULL, FALSE);
  role_e = g_uri_escape_string (am_aws_config_get_value (config, data->profile, "sso_role_name"),
                                NULL, FALSE);
  query = g_strdup_printf ("account_id=%s&role_name=%s", account_e, role_e);
  headers[1] = token;

  request.method = "GET";
  request.path = "/federation/credentials";
  request.query = query;
  request.extra_headers = headers;
  request.operation = "GetRoleCredentials";
  request.parse_error = _am_json_client_parse_error;
  request.max_body = AM_AWS_MAX_BODY_SINGLE;
  _am_aws_transport_send_async (transport, &request, g_task_get_cancellable (task),
                                on_role_credentials, task);
  memset (token, 0, strlen (token));
}

/* Entry points for the fuzzers (tests/fuzz/aws): the SSO cache reader above, without a request
 * or a main loop around it. */

char *
_am_aws_read_sso_token_for_fuzzing (AmAwsConfig  *config,
                                    const char   *profile,
                                    const char   *cache_key,
                                    GError      **error)
{
  return read_sso_token (config, profile, cache_key, error);
}

char *
_am_aws_sso_cache_path_for_fuzzing (AmAwsConfig *config,
                                    const char  *cache_key)
{
  return sso_cache_path (config, cache_key);
}
