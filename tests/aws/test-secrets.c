/* test-secrets.c: no secret key, session token, MFA code or Authorization value reaches the log
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-secrets"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "aws/am-aws-config.h"
#include "aws/am-aws-error.h"
#include "aws/am-json-client.h"
#include "aws/am-query-client.h"
#include "aws/am-profile-resolver.h"
#include "am-test-server.h"

#define BASE_SECRET  "BASE-SECRET-7f3a9c"
#define ROLE_SECRET  "ROLE-SECRET-0d41e2"
#define ROLE_TOKEN   "ROLE-TOKEN-a81b77"
#define PROC_SECRET  "PROC-SECRET-5c5c5c"
#define PROC_TOKEN   "PROC-TOKEN-9e9e9e"
#define MFA_CODE     "914273"
#define SSO_BEARER   "SSO-BEARER-77f0aa"
#define SSO_SECRET   "SSO-SECRET-31c4d2"
#define SSO_TOKEN    "SSO-TOKEN-6b2e90"

static GString *captured;
static guint n_captured;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      /* Every field: the message and anything a structured caller might add. */
      if (fields[i].length < 0)
        g_string_append (captured, fields[i].value);
      else
        g_string_append_len (captured, fields[i].value, fields[i].length);
      g_string_append_c (captured, ' ');
    }
  g_string_append_c (captured, '\n');
  n_captured++;

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (log_level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

static void
mfa_prompt (const char   *profile_name,
            const char   *mfa_serial,
            GCancellable *cancellable,
            GTask        *task,
            gpointer      user_data)
{
  g_task_return_pointer (task, g_strdup (MFA_CODE), g_free);
  g_object_unref (task);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_no_secrets_in_log (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("amiable-secrets-XXXXXX", &error);
  g_autofree char *aws_dir = g_build_filename (home, ".aws", NULL);
  g_autofree char *config_path = g_build_filename (aws_dir, "config", NULL);
  g_autofree char *credentials_path = g_build_filename (aws_dir, "credentials", NULL);
  g_autofree char *script_path = g_build_filename (home, "proc.sh", NULL);
  g_autofree char *config_text = NULL;
  g_autoptr (AmTestServer) server = am_test_server_new ();
  g_autoptr (AmAwsConfig) config = NULL;
  g_autoptr (AmCredentialsProvider) role = NULL;
  g_autoptr (AmCredentialsProvider) process = NULL;
  g_autoptr (AmQueryClient) query = NULL;
  g_autoptr (AmJsonClient) json = NULL;
  g_autoptr (AmQueryParams) params = am_query_params_new ("DescribeImages", "2016-11-15");
  g_autoptr (GPtrArray) authorizations = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) envp = NULL;
  const char *forbidden[] = { BASE_SECRET, ROLE_SECRET, ROLE_TOKEN, PROC_SECRET, PROC_TOKEN,
                              MFA_CODE, SSO_BEARER, SSO_SECRET, SSO_TOKEN, "Signature=",
                              "AWS4-HMAC-SHA256 Credential", NULL };

  g_assert_no_error (error);
  g_mkdir_with_parents (aws_dir, 0700);

  write_file (script_path, "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROC\", "
                           "\"SecretAccessKey\": \"" PROC_SECRET "\", \"SessionToken\": \""
                           PROC_TOKEN "\"}'\n");
  g_chmod (script_path, 0700);
  config_text = g_strdup_printf ("[profile role]\nrole_arn = arn:aws:iam::1:role/R\n"
                                 "source_profile = base\nmfa_serial = arn:aws:iam::1:mfa/u\n"
                                 "[profile proc]\ncredential_process = %s\n"
                                 "[profile sso]\nsso_session = corp\nsso_account_id = 123456789012\n"
                                 "sso_role_name = Admin\n"
                                 "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n"
                                 "sso_region = eu-west-1\n", script_path);
  write_file (config_path, config_text);
  write_file (credentials_path, "[base]\naws_access_key_id = AKIDBASE\n"
                                "aws_secret_access_key = " BASE_SECRET "\n");

  envp = g_environ_setenv (NULL, "HOME", home, TRUE);
  envp = g_environ_setenv (envp, "AWS_ENDPOINT_URL_STS", am_test_server_get_url (server), TRUE);
  envp = g_environ_setenv (envp, "AWS_ENDPOINT_URL_SSO", am_test_server_get_url (server), TRUE);
  {
    /* the token `aws sso login` caches, keyed by the session name */
    g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, "corp", -1);
    g_autofree char *name = g_strconcat (hash, ".json", NULL);
    g_autofree char *cache_dir = g_build_filename (aws_dir, "sso", "cache", NULL);
    g_autofree char *cache_path = g_build_filename (cache_dir, name, NULL);

    g_mkdir_with_parents (cache_dir, 0700);
    write_file (cache_path, "{\"startUrl\": \"https://corp.awsapps.com/start\", \"region\": "
                            "\"eu-west-1\", \"accessToken\": \"" SSO_BEARER "\", "
                            "\"expiresAt\": \"2099-01-01T00:00:00Z\"}");
  }
  config = am_aws_config_load_with_environ ((const char * const *) envp, &error);
  g_assert_no_error (error);

  /* A role with MFA, then EC2 calls with a retry and an error, signed with the role. */
  role = am_credentials_provider_new_for_profile (config, "role");
  am_credentials_provider_set_mfa_prompt (role, mfa_prompt, NULL, NULL);
  query = am_query_client_new (role, "ec2", "us-east-1", am_test_server_get_url (server), &error);
  g_assert_no_error (error);
  am_query_client_set_backoff_base_ms (query, 1);

  am_test_server_queue_xml (server, 200,
                            "<AssumeRoleResponse><AssumeRoleResult><Credentials>"
                            "<AccessKeyId>ASIAROLE</AccessKeyId><SecretAccessKey>" ROLE_SECRET
                            "</SecretAccessKey><SessionToken>" ROLE_TOKEN "</SessionToken>"
                            "<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
                            "</AssumeRoleResult></AssumeRoleResponse>");
  am_test_server_queue_ec2_error (server, 503, "RequestLimitExceeded", "Slow down", "r-1");
  am_test_server_queue_xml (server, 200, "<DescribeImagesResponse/>");
  am_test_server_queue_ec2_error (server, 400, "InvalidParameterValue", "Bad filter", "r-2");

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GBytes) body = NULL;
      g_autoptr (GError) local = NULL;

      am_query_client_call_async (query, params, NULL, am_test_result_cb, &result);
      am_test_wait_result (&result);
      body = am_query_client_call_finish (query, result, &local);
      if (i == 0)
        g_assert_no_error (local);
      else
        {
          g_assert_error (local, AM_AWS_ERROR, AM_AWS_ERROR_CLIENT);
          g_test_message ("%s", local->message);
          g_string_append (captured, local->message);
        }
    }

  /* A JSON call signed with credential_process keys. */
  process = am_credentials_provider_new_for_profile (config, "proc");
  json = am_json_client_new (process, "ssm", "AmazonSSM", "us-east-1",
                             am_test_server_get_url (server), &error);
  g_assert_no_error (error);
  am_test_server_queue_json (server, 200, "{}");
  {
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (JsonNode) answer = NULL;

    am_json_client_call_async (json, "GetParameter", NULL, NULL, am_test_result_cb, &result);
    am_test_wait_result (&result);
    answer = am_json_client_call_finish (json, result, &error);
    g_assert_no_error (error);
  }

  g_assert_cmpuint (am_test_server_get_n_requests (server), ==, 5);
  for (guint i = 0; i < am_test_server_get_n_requests (server); i++)
    {
      const char *value = am_test_request_get_header (am_test_server_get_request (server, i),
                                                      "Authorization");

      g_assert_nonnull (value);
      g_ptr_array_add (authorizations, g_strdup (value));
    }
  /* IAM Identity Center: the cached bearer token buys role credentials from the portal. */
  am_test_server_queue_json (server, 200,
                             "{\"roleCredentials\": {\"accessKeyId\": \"ASIASSO\", "
                             "\"secretAccessKey\": \"" SSO_SECRET "\", \"sessionToken\": \""
                             SSO_TOKEN "\", \"expiration\": 4070908800000}}");
  {
    g_autoptr (AmProfileResolver) resolver = am_profile_resolver_new (config);
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (AmCredentials) credentials = NULL;

    am_profile_resolver_resolve_async (resolver, "sso", NULL, NULL, NULL, am_test_result_cb,
                                       &result);
    am_test_wait_result (&result);
    credentials = am_profile_resolver_resolve_finish (resolver, result, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (am_credentials_get_secret_access_key (credentials), ==, SSO_SECRET);
    g_assert_cmpstr (am_test_request_get_header (am_test_server_get_request (server, 5),
                                                 "x-amz-sso_bearer_token"), ==, SSO_BEARER);
  }

  /* The role's token really went over the wire. */
  g_assert_cmpstr (am_test_request_get_header (am_test_server_get_request (server, 1),
                                               "X-Amz-Security-Token"), ==, ROLE_TOKEN);

  /* The debug log was captured (so the check below means something)… */
  g_test_message ("%u log lines captured", n_captured);
  g_assert_cmpuint (n_captured, >=, 5);
  g_assert_nonnull (strstr (captured->str, "DescribeImages"));
  g_assert_nonnull (strstr (captured->str, "GetParameter"));

  /* …and holds no secret. */
  for (guint i = 0; forbidden[i] != NULL; i++)
    {
      if (strstr (captured->str, forbidden[i]) != NULL)
        g_test_message ("found “%s” in the log", forbidden[i]);
      g_assert_null (strstr (captured->str, forbidden[i]));
    }
  for (guint i = 0; i < authorizations->len; i++)
    {
      const char *signature = strstr (g_ptr_array_index (authorizations, i), "Signature=");

      g_assert_nonnull (signature);
      g_assert_null (strstr (captured->str, signature + strlen ("Signature=")));
    }

  g_unlink (script_path);
  g_unlink (config_path);
  g_unlink (credentials_path);
  {
    g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, "corp", -1);
    g_autofree char *name = g_strconcat (hash, ".json", NULL);
    g_autofree char *cache_path = g_build_filename (aws_dir, "sso", "cache", name, NULL);
    g_autofree char *cache_dir = g_path_get_dirname (cache_path);
    g_autofree char *sso_dir = g_path_get_dirname (cache_dir);

    g_unlink (cache_path);
    g_rmdir (cache_dir);
    g_rmdir (sso_dir);
  }
  g_rmdir (aws_dir);
  g_rmdir (home);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  g_test_init (&argc, &argv, NULL);
  captured = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  g_test_add_func ("/secrets/no-secrets-in-log", test_no_secrets_in_log);

  status = g_test_run ();
  g_string_free (captured, TRUE);
  return status;
}
