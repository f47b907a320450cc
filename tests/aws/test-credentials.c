/* test-credentials.c: every profile kind, with temporary HOME folders and a loopback STS/SSO
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-credentials"

#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>

#include "aws/am-aws-config.h"
#include "aws/am-aws-error.h"
#include "aws/am-credentials.h"
#include "aws/am-profile-resolver.h"
#include "am-test-sandbox.h"
#include "am-test-server.h"

typedef struct
{
  char         *home;
  char         *config_path;
  char         *credentials_path;
  AmTestServer *server;
  GStrv         envp;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *aws_dir = NULL;

  fixture->home = g_dir_make_tmp ("amiable-test-home-XXXXXX", &error);
  g_assert_no_error (error);
  aws_dir = g_build_filename (fixture->home, ".aws", NULL);
  g_mkdir_with_parents (aws_dir, 0700);
  fixture->config_path = g_build_filename (aws_dir, "config", NULL);
  fixture->credentials_path = g_build_filename (aws_dir, "credentials", NULL);
  fixture->server = am_test_server_new ();

  /* Only HOME and the endpoint overrides: the default file locations under HOME are used. */
  fixture->envp = g_environ_setenv (NULL, "HOME", fixture->home, TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "PATH", "/usr/bin:/bin", TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_ENDPOINT_URL_STS",
                                    am_test_server_get_url (fixture->server), TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_ENDPOINT_URL_SSO",
                                    am_test_server_get_url (fixture->server), TRUE);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->server);
  am_test_remove_tree (fixture->home);
  g_free (fixture->home);
  g_free (fixture->config_path);
  g_free (fixture->credentials_path);
  g_strfreev (fixture->envp);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
write_script (Fixture    *fixture,
              const char *name,
              const char *body)
{
  g_autofree char *contents = g_strconcat ("#!/bin/sh\n", body, NULL);
  char *path = g_build_filename (fixture->home, name, NULL);

  write_file (path, contents);
  g_chmod (path, 0700);
  return path;
}

static AmAwsConfig *
load (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  AmAwsConfig *config = am_aws_config_load_with_environ ((const char * const *) fixture->envp,
                                                         &error);

  g_assert_no_error (error);
  return config;
}

typedef struct
{
  char *code;
  guint calls;
  char *serial;
  char *profile;
} MfaPrompt;

static void
mfa_prompt (const char   *profile_name,
            const char   *mfa_serial,
            GCancellable *cancellable,
            GTask        *task,
            gpointer      user_data)
{
  MfaPrompt *prompt = user_data;

  prompt->calls++;
  g_free (prompt->serial);
  prompt->serial = g_strdup (mfa_serial);
  g_free (prompt->profile);
  prompt->profile = g_strdup (profile_name);
  if (prompt->code != NULL)
    g_task_return_pointer (task, g_strdup (prompt->code), g_free);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The user declined");
  g_object_unref (task);
}

static AmCredentials *
resolve_with_prompt (AmAwsConfig *config,
                     const char  *profile,
                     MfaPrompt   *prompt,
                     GError     **error)
{
  g_autoptr (AmProfileResolver) resolver = am_profile_resolver_new (config);
  g_autoptr (GAsyncResult) result = NULL;

  am_profile_resolver_resolve_async (resolver, profile, prompt != NULL ? mfa_prompt : NULL,
                                     prompt, NULL, am_test_result_cb, &result);
  am_test_wait_result (&result);
  return am_profile_resolver_resolve_finish (resolver, result, error);
}

static AmCredentials *
resolve (AmAwsConfig *config,
         const char  *profile,
         GError     **error)
{
  return resolve_with_prompt (config, profile, NULL, error);
}

/* static keys, environment, AWS_PROFILE */

static void
test_static_and_environment (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (AmAwsConfig) config = NULL;
  g_autoptr (AmCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;

  write_file (fixture->config_path, "[default]\nregion = us-east-1\n"
                                    "[profile dev]\naws_access_key_id = AKIDCONFIG\n"
                                    "aws_secret_access_key = config-secret\n");
  write_file (fixture->credentials_path, "[default]\naws_access_key_id = AKIDDEFAULT\n"
                                         "aws_secret_access_key = default-secret\n"
                                         "aws_session_token = default-token\n");

  config = load (fixture);
  credentials = resolve (config, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_credentials_get_access_key_id (credentials), ==, "AKIDDEFAULT");
  g_assert_cmpstr (am_credentials_get_secret_access_key (credentials), ==, "default-secret");
  g_assert_cmpstr (am_credentials_get_session_token (credentials), ==, "default-token");
  g_assert_null (am_credentials_get_expiration (credentials));
  g_assert_cmpstr (am_credentials_get_source (credentials), ==, "profile default");
  g_clear_pointer (&credentials, am_credentials_unref);

  credentials = resolve (config, "dev", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_credentials_get_access_key_id (credentials), ==, "AKIDCONFIG");
  g_clear_pointer (&credentials, am_credentials_unref);
  g_clear_object (&config);

  /* Environment keys win in the default chain, not for a named profile. */
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_ACCESS_KEY_ID", "AKIDENV", TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_SECRET_ACCESS_KEY", "env-secret", TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_SESSION_TOKEN", "env-token", TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_PROFILE", "dev", TRUE);
  config = load (fixture);
  credentials = resolve (config, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_credentials_get_access_key_id (credentials), ==, "AKIDENV");
  g_assert_cmpstr (am_credentials_get_session_token (credentials), ==, "env-token");
  g_assert_cmpstr (am_credentials_get_source (credentials), ==, "environment");
  g_clear_pointer (&credentials, am_credentials_unref);
  credentials = resolve (config, "default", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_credentials_get_access_key_id (credentials), ==, "AKIDDEFAULT");
  g_clear_pointer (&credentials, am_credentials_unref);
  g_clear_object (&config);

  /* Without env keys, AWS_PROFILE picks the profile. */
  fixture->envp = g_environ_unsetenv (fixture->envp, "AWS_ACCESS_KEY_ID");
  fixture->envp = g_environ_unsetenv (fixture->envp, "AWS_SECRET_ACCESS_KEY");
  config = load (fixture);
  credentials = resolve (config, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_credentials_get_access_key_id (credentials), ==, "AKIDCONFIG");
  g_clear_pointer (&credentials, am_credentials_unref);

  /* Unknown profiles and empty homes are clear errors. */
  credentials = resolve (config, "nope", &error);
  g_assert_null (credentials);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "nope"));
  g_clear_error (&error);
  g_clear_object (&config);

  /* AWS_CREDENTIAL_EXPIRATION is honoured, and an unreadable one is an error, not "never". */
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_ACCESS_KEY_ID", "AKIDENV", TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_SECRET_ACCESS_KEY", "env-secret", TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_CREDENTIAL_EXPIRATION",
                                    "2031-05-06T07:08:09Z", TRUE);
  config = load (fixture);
  credentials = resolve (config, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr (GDateTime) expected = g_date_time_new_utc (2031, 5, 6, 7, 8, 9);

    g_assert_true (g_date_time_equal (am_credentials_get_expiration (credentials), expected));
  }
  g_clear_pointer (&credentials, am_credentials_unref);
  g_clear_object (&config);
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_CREDENTIAL_EXPIRATION", "next tuesday", TRUE);
  config = load (fixture);
  credentials = resolve (config, NULL, &error);
  g_assert_null (credentials);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "AWS_CREDENTIAL_EXPIRATION"));
  g_assert_nonnull (strstr (error->message, "next tuesday"));
}

static void
test_no_files (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (AmAwsConfig) config = load (fixture);
  g_autoptr (AmCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) profiles = am_aws_config_list_profiles (config);

  g_assert_cmpuint (g_strv_length (profiles), ==, 0);
  credentials = resolve (config, NULL, &error);
  g_assert_null (credentials);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "aws configure"));
}

static void
test_malformed_file_on_disk (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (AmAwsConfig) config = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *where = NULL;

  write_file (fixture->config_path, "[default]\nregion = us-east-1\n");
  write_file (fixture->credentials_path, "[default]\naws_access_key_id = A\n"
                                         "aws_secret_access_key = S\nthis line is broken\n");
  config = am_aws_config_load_with_environ ((const char * const *) fixture->envp, &error);
  g_assert_null (config);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG);
  where = g_strdup_printf ("%s, line 4:", fixture->credentials_path);
  g_assert_true (g_str_has_prefix (error->message, where));
  g_clear_error (&error);

  /* A folder where the file should be. */
  g_unlink (fixture->config_path);
  g_mkdir (fixture->config_path, 0700);
  config = am_aws_config_load_with_environ ((const char * const *) fixture->envp, &error);
  g_assert_null (config);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG);
  g_rmdir (fixture->config_path);
}

/* credential_process */

static void
test_credential_process (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *good = NULL;
  g_autofree char *failing = NULL;
  g_autofree char *garbage = NULL;
  g_autofree char *slow = NULL;
  g_autofree char *no_version = NULL;
  g_autofree char *config_text = NULL;
  g_autoptr (AmAwsConfig) config = NULL;
  g_autoptr (AmCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) expected = g_date_time_new_utc (2030, 1, 2, 3, 4, 5);
  gint64 start;

  good = write_script (fixture, "good.sh",
                       "echo \"$1 $HOME\" > \"$HOME/args\"\n"
                       "cat <<EOF\n{\"Version\": 1, \"AccessKeyId\": \"AKIDPROC\",\n"
                       " \"SecretAccessKey\": \"proc-secret\", \"SessionToken\": \"proc-token\",\n"
                       " \"Expiration\": \"2030-01-02T03:04:05Z\"}\nEOF\n");
  failing = write_script (fixture, "failing.sh", "echo 'token expired, sign in again' >&2\n"
                                                 "exit 3\n");
  garbage = write_script (fixture, "garbage.sh", "echo 'AKIDLEAK super-secret-value'\n");
  slow = write_script (fixture, "slow.sh", "exec sleep 10\n");
  no_version = write_script (fixture, "noversion.sh",
                             "echo '{\"AccessKeyId\": \"A\", \"SecretAccessKey\": \"S\"}'\n");

  config_text = g_strdup_printf ("[profile good]\ncredential_process = %s 'first arg'\n"
                                 "[profile failing]\ncredential_process = %s\n"
                                 "[profile garbage]\ncredential_process = %s\n"
                                 "[profile slow]\ncredential_process = %s\n"
                                 "[profile noversion]\ncredential_process = %s\n"
                                 "[profile missing]\ncredential_process = %s/does-not-exist\n"
                                 "[profile unbalanced]\ncredential_process = %s 'oops\n",
                                 good, failing, garbage, slow, no_version, fixture->home, good);
  write_file (fixture->config_path, config_text);
  config = load (fixture);

  credentials = resolve (config, "good", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_credentials_get_access_key_id (credentials), ==, "AKIDPROC");
  g_assert_cmpstr (am_credentials_get_secret_access_key (credentials), ==, "proc-secret");
  g_assert_cmpstr (am_credentials_get_session_token (credentials), ==, "proc-token");
  g_assert_true (g_date_time_equal (am_credentials_get_expiration (credentials), expected));
  {
    g_autofree char *args_path = g_build_filename (fixture->home, "args", NULL);
    g_autofree char *args = NULL;
    g_autofree char *expected_args = g_strdup_printf ("first arg %s\n", fixture->home);

    g_file_get_contents (args_path, &args, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (args, ==, expected_args);
  }

  g_clear_pointer (&credentials, am_credentials_unref);
  credentials = resolve (config, "failing", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "token expired, sign in again"));
  g_clear_error (&error);

  credentials = resolve (config, "garbage", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS);
  /* The output is never quoted: it may hold the secret. */
  g_assert_null (strstr (error->message, "super-secret-value"));
  g_clear_error (&error);

  credentials = resolve (config, "noversion", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "Version"));
  g_clear_error (&error);

  credentials = resolve (config, "missing", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS);
  g_clear_error (&error);

  credentials = resolve (config, "unbalanced", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG);
  g_clear_error (&error);

  am_aws_config_set_process_timeout (config, 300);
  start = g_get_monotonic_time ();
  credentials = resolve (config, "slow", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "300 ms"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_TIME_SPAN_SECOND);
}

/* Resolving @profile fails with AM_AWS_ERROR @code and a message holding @words. */
static void
assert_resolve_fails (AmAwsConfig *config,
                      const char  *profile,
                      int          code,
                      const char  *words)
{
  g_autoptr (AmCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;

  credentials = resolve (config, profile, &error);
  g_assert_null (credentials);
  g_assert_error (error, AM_AWS_ERROR, code);
  g_test_message ("%s: %s", profile, error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (words != NULL)
    g_assert_nonnull (strstr (error->message, words));
}

static gboolean
process_gone (GPid pid)
{
  g_autofree char *stat_path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  const char *state;

  if (!g_file_get_contents (stat_path, &stat, NULL, NULL))
    return TRUE;
  /* "PID (comm) S …": a zombie has ended; only its parent has not collected it. */
  state = strrchr (stat, ')');
  return state != NULL && state[1] == ' ' && (state[2] == 'Z' || state[2] == 'X');
}

/* The limits: output size, the whole process group at the timeout, messages that stay UTF-8,
 * credentials already expired, values of the wrong type. */
static void
test_credential_process_limits (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *huge = NULL;
  g_autofree char *forking = NULL;
  g_autofree char *accented = NULL;
  g_autofree char *expired = NULL;
  g_autofree char *object_key = NULL;
  g_autofree char *config_text = NULL;
  g_autofree char *pid_path = g_build_filename (fixture->home, "helper.pid", NULL);
  g_autofree char *pid_text = NULL;
  g_autoptr (AmAwsConfig) config = NULL;
  g_autoptr (GError) error = NULL;
  GPid helper;
  gint64 deadline;

  /* 100 000 spaces, then a valid object: JSON allows it, the cap does not. */
  huge = write_script (fixture, "huge.sh",
                       "head -c 100000 /dev/zero | tr '\\0' ' '\n"
                       "echo '{\"Version\": 1, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"S\"}'\n");
  /* A helper left running keeps stdout open; the timeout must end it too. */
  forking = write_script (fixture, "forking.sh",
                          "sleep 300 &\necho $! > \"$HOME/helper.pid\"\nwait\n");
  /* 299 bytes, then a two-byte character across the 300-byte cut. */
  accented = write_script (fixture, "accented.sh",
                           "printf '%0299dé and more' 0 >&2\nexit 1\n");
  expired = write_script (fixture, "expired.sh",
                          "echo '{\"Version\": 1, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"S\", "
                          "\"Expiration\": \"2020-01-01T00:00:00Z\"}'\n");
  object_key = write_script (fixture, "object.sh",
                             "echo '{\"Version\": 1, \"AccessKeyId\": {\"nested\": 1}, "
                             "\"SecretAccessKey\": \"S\"}'\n");
  config_text = g_strdup_printf ("[profile huge]\ncredential_process = %s\n"
                                 "[profile forking]\ncredential_process = %s\n"
                                 "[profile accented]\ncredential_process = %s\n"
                                 "[profile expired]\ncredential_process = %s\n"
                                 "[profile object]\ncredential_process = %s\n",
                                 huge, forking, accented, expired, object_key);
  write_file (fixture->config_path, config_text);
  config = load (fixture);

  assert_resolve_fails (config, "huge", AM_AWS_ERROR_NO_CREDENTIALS, "64 KiB");

  am_aws_config_set_process_timeout (config, 1000);
  assert_resolve_fails (config, "forking", AM_AWS_ERROR_NO_CREDENTIALS, "1000 ms");
  g_file_get_contents (pid_path, &pid_text, NULL, &error);
  g_assert_no_error (error);
  helper = (GPid) g_ascii_strtoll (pid_text, NULL, 10);
  g_assert_cmpint (helper, >, 1);
  deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  while (!process_gone (helper) && g_get_monotonic_time () < deadline)
    am_test_wait_ms (50);
  if (!process_gone (helper))
    kill (helper, SIGKILL);
  g_assert_true (process_gone (helper));
  am_aws_config_set_process_timeout (config, 60000);

  /* The message stays UTF-8: cut before the split character, with an ellipsis. */
  assert_resolve_fails (config, "accented", AM_AWS_ERROR_NO_CREDENTIALS, "0…");
  assert_resolve_fails (config, "expired", AM_AWS_ERROR_NO_CREDENTIALS, "expired");
  assert_resolve_fails (config, "object", AM_AWS_ERROR_NO_CREDENTIALS, "AccessKeyId that is not a string");
}

/* JSON with objects where strings belong, from a credential_process and in the SSO token
 * cache: a clear refusal, never a GLib critical (found by fuzz-credential-process and
 * fuzz-sso-cache; the suite runs with fatal-criticals). */
static void
test_wrong_types (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *script = NULL;
  g_autofree char *config_text = NULL;
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, "corp", -1);
  g_autofree char *name = g_strconcat (hash, ".json", NULL);
  g_autofree char *dir = g_build_filename (fixture->home, ".aws", "sso", "cache", NULL);
  g_autofree char *cache = g_build_filename (dir, name, NULL);
  g_autoptr (AmAwsConfig) config = NULL;
  g_autoptr (AmCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;

  script = write_script (fixture, "objects.sh",
                         "echo '{\"Version\": 1, \"AccessKeyId\": {\"id\": \"A\"}, "
                         "\"SecretAccessKey\": [\"S\"], \"Expiration\": {\"at\": 1}}'\n");
  config_text = g_strdup_printf ("[profile objects]\ncredential_process = %s\n"
                                 "[profile sso]\nsso_session = corp\nsso_account_id = 123456789012\n"
                                 "sso_role_name = Admin\n"
                                 "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n"
                                 "sso_region = eu-west-1\n", script);
  write_file (fixture->config_path, config_text);
  config = load (fixture);

  credentials = resolve (config, "objects", &error);
  g_assert_null (credentials);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS);
  g_clear_error (&error);

  g_mkdir_with_parents (dir, 0700);
  write_file (cache, "{\"accessToken\": {\"value\": \"t\"}, \"expiresAt\": [2099]}");
  credentials = resolve (config, "sso", &error);
  g_assert_null (credentials);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "aws sso login --profile sso"));
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 0);
}

/* STS AssumeRole */

static const char assume_role_response[] =
  "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
  "  <AssumeRoleResult>\n"
  "    <SourceIdentity>x</SourceIdentity>\n"
  "    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/r/s</Arn>"
  "<AssumedRoleId>ARO:s</AssumedRoleId></AssumedRoleUser>\n"
  "    <Credentials>\n"
  "      <AccessKeyId>ASIAROLE</AccessKeyId>\n"
  "      <SecretAccessKey>role-secret</SecretAccessKey>\n"
  "      <SessionToken>role-token</SessionToken>\n"
  "      <Expiration>2031-05-06T07:08:09Z</Expiration>\n"
  "    </Credentials>\n"
  "  </AssumeRoleResult>\n"
  "  <ResponseMetadata><RequestId>sts-1</RequestId></ResponseMetadata>\n"
  "</AssumeRoleResponse>\n";

/* credential_source = Environment: the role is assumed with the environment's keys. */
static void
test_assume_role_from_environment (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr (AmAwsConfig) config = NULL;
  g_autoptr (AmCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;
  const AmTestRequest *request;

  write_file (fixture->config_path,
              "[profile envrole]\nrole_arn = arn:aws:iam::123456789012:role/Admin\n"
              "credential_source = Environment\n");
  config = load (fixture);
  /* without keys in the environment: a clear error, no request */
  credentials = resolve (config, "envrole", &error);
  g_assert_null (credentials);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "AWS_ACCESS_KEY_ID"));
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 0);
  g_clear_error (&error);
  g_clear_object (&config);

  fixture->envp = g_environ_setenv (fixture->envp, "AWS_ACCESS_KEY_ID", "AKIDENVROLE", TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_SECRET_ACCESS_KEY", "env-role-secret", TRUE);
  config = load (fixture);
  am_test_server_set_verify_sigv4 (fixture->server, "AKIDENVROLE", "env-role-secret");
  am_test_server_queue_xml (fixture->server, 200, assume_role_response);
  credentials = resolve (config, "envrole", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_credentials_get_access_key_id (credentials), ==, "ASIAROLE");
  request = am_test_server_get_request (fixture->server, 0);
  g_assert_true (request->signature_valid);
  g_assert_cmpstr (am_test_request_get_param (request, "Action"), ==, "AssumeRole");
  g_assert_nonnull (strstr (am_test_request_get_header (request, "Authorization"), "AKIDENVROLE/"));
}

/* An Expiration that does not parse is refused, never taken as "never expires"; a blank
 * SessionToken is missing, never credentials without their token (found by fuzz-assume-role,
 * with a token cut short by a NUL byte). */
static void
test_assume_role_bad_expiration (Fixture       *fixture,
                                 gconstpointer  data)
{
  const struct
  {
    const char *good;
    const char *bad;
    const char *said;
  } answers[] = {
    { "2031-05-06T07:08:09Z", "soon", "Expiration" },
    { "role-token", "   ", "without credentials" },
  };
  g_autoptr (AmAwsConfig) config = NULL;

  write_file (fixture->config_path,
              "[profile base]\nregion = eu-west-3\n"
              "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\n"
              "source_profile = base\n");
  write_file (fixture->credentials_path,
              "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n");
  config = load (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr (AmCredentials) credentials = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (GString) response = g_string_new (assume_role_response);

      g_string_replace (response, answers[i].good, answers[i].bad, 1);
      am_test_server_queue_xml (fixture->server, 200, response->str);
      credentials = resolve (config, "admin", &error);
      g_assert_null (credentials);
      g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE);
      g_assert_nonnull (strstr (error->message, "admin"));
      g_assert_nonnull (strstr (error->message, answers[i].said));
    }
}

static void
test_assume_role (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr (AmAwsConfig) config = NULL;
  g_autoptr (AmCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) expected = g_date_time_new_utc (2031, 5, 6, 7, 8, 9);
  const AmTestRequest *request;

  write_file (fixture->config_path,
              "[profile base]\nregion = eu-west-3\n"
              "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\n"
              "source_profile = base\nrole_session_name = amiable-test\nexternal_id = ext-1\n"
              "duration_seconds = 1800\n"
              "[profile chained]\nrole_arn = arn:aws:iam::210987654321:role/Deeper\n"
              "source_profile = admin\n"
              "[profile loop-a]\nrole_arn = arn:aws:iam::1:role/A\nsource_profile = loop-b\n"
              "[profile loop-b]\nrole_arn = arn:aws:iam::1:role/B\nsource_profile = loop-a\n"
              "[profile self]\nrole_arn = arn:aws:iam::1:role/Self\nsource_profile = self\n"
              "aws_access_key_id = AKIDSELF\naws_secret_access_key = self-secret\n"
              "[profile dangling]\nrole_arn = arn:aws:iam::1:role/D\nsource_profile = ghost\n");
  write_file (fixture->credentials_path,
              "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n");
  config = load (fixture);

  /* One hop, signed with the source profile's keys. */
  am_test_server_set_verify_sigv4 (fixture->server, "AKIDBASE", "base-secret");
  am_test_server_queue_xml (fixture->server, 200, assume_role_response);
  credentials = resolve (config, "admin", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_credentials_get_access_key_id (credentials), ==, "ASIAROLE");
  g_assert_cmpstr (am_credentials_get_secret_access_key (credentials), ==, "role-secret");
  g_assert_cmpstr (am_credentials_get_session_token (credentials), ==, "role-token");
  g_assert_true (g_date_time_equal (am_credentials_get_expiration (credentials), expected));
  g_assert_nonnull (strstr (am_credentials_get_source (credentials), "role/Admin"));

  request = am_test_server_get_request (fixture->server, 0);
  g_assert_true (request->signature_valid);
  g_assert_cmpstr (am_test_request_get_param (request, "Action"), ==, "AssumeRole");
  g_assert_cmpstr (am_test_request_get_param (request, "Version"), ==, "2011-06-15");
  g_assert_cmpstr (am_test_request_get_param (request, "RoleArn"), ==,
                   "arn:aws:iam::123456789012:role/Admin");
  g_assert_cmpstr (am_test_request_get_param (request, "RoleSessionName"), ==, "amiable-test");
  g_assert_cmpstr (am_test_request_get_param (request, "ExternalId"), ==, "ext-1");
  g_assert_cmpstr (am_test_request_get_param (request, "DurationSeconds"), ==, "1800");
  g_assert_null (am_test_request_get_param (request, "TokenCode"));
  /* admin has no region of its own: us-east-1 scopes the signature. */
  g_assert_nonnull (strstr (am_test_request_get_header (request, "Authorization"),
                            "/us-east-1/sts/aws4_request"));
  g_clear_pointer (&credentials, am_credentials_unref);

  /* Two hops: base → admin → chained; the second call is signed with the role's keys. */
  am_test_server_set_verify_sigv4 (fixture->server, NULL, NULL);
  am_test_server_clear_requests (fixture->server);
  am_test_server_queue_xml (fixture->server, 200, assume_role_response);
  am_test_server_queue_xml (fixture->server, 200, assume_role_response);
  credentials = resolve (config, "chained", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 2);
  g_assert_cmpstr (am_test_request_get_param (am_test_server_get_request (fixture->server, 1),
                                              "RoleArn"), ==,
                   "arn:aws:iam::210987654321:role/Deeper");
  g_assert_nonnull (strstr (am_test_request_get_header (am_test_server_get_request (
                                                          fixture->server, 1), "Authorization"),
                            "Credential=ASIAROLE/"));
  g_assert_cmpstr (am_test_request_get_header (am_test_server_get_request (fixture->server, 1),
                                               "X-Amz-Security-Token"), ==, "role-token");
  g_clear_pointer (&credentials, am_credentials_unref);

  /* A profile that is its own source uses its keys for the first hop. */
  am_test_server_clear_requests (fixture->server);
  am_test_server_queue_xml (fixture->server, 200, assume_role_response);
  credentials = resolve (config, "self", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (am_test_request_get_header (am_test_server_get_request (
                                                          fixture->server, 0), "Authorization"),
                            "Credential=AKIDSELF/"));
  g_clear_pointer (&credentials, am_credentials_unref);

  /* Loops and dangling sources are configuration errors, found before any request. */
  am_test_server_clear_requests (fixture->server);
  credentials = resolve (config, "loop-a", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "loop-a → loop-b → loop-a"));
  g_clear_error (&error);
  credentials = resolve (config, "dangling", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "ghost"));
  g_clear_error (&error);
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 0);

  /* STS refuses: the error keeps STS's code and request id and names the profile. */
  am_test_server_queue_sts_error (fixture->server, 403, "AccessDenied",
                                  "not authorized to perform sts:AssumeRole", "sts-denied");
  credentials = resolve (config, "admin", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_AUTH);
  g_assert_cmpstr (am_aws_error_get_code (error), ==, "AccessDenied");
  g_assert_cmpstr (am_aws_error_get_request_id (error), ==, "sts-denied");
  g_assert_nonnull (strstr (error->message, "admin"));
}

static void
test_assume_role_mfa (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (AmAwsConfig) config = NULL;
  g_autoptr (AmCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;
  MfaPrompt prompt = { g_strdup ("123456"), 0, NULL, NULL };
  const AmTestRequest *request;

  write_file (fixture->config_path,
              "[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s\n"
              "[profile mfa]\nrole_arn = arn:aws:iam::1:role/M\nsource_profile = base\n"
              "mfa_serial = arn:aws:iam::1:mfa/user\nregion = eu-north-1\n");
  config = load (fixture);

  am_test_server_queue_xml (fixture->server, 200, assume_role_response);
  credentials = resolve_with_prompt (config, "mfa", &prompt, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (prompt.calls, ==, 1);
  g_assert_cmpstr (prompt.profile, ==, "mfa");
  g_assert_cmpstr (prompt.serial, ==, "arn:aws:iam::1:mfa/user");
  request = am_test_server_get_request (fixture->server, 0);
  g_assert_cmpstr (am_test_request_get_param (request, "SerialNumber"), ==,
                   "arn:aws:iam::1:mfa/user");
  g_assert_cmpstr (am_test_request_get_param (request, "TokenCode"), ==, "123456");
  g_assert_nonnull (strstr (am_test_request_get_header (request, "Authorization"),
                            "/eu-north-1/sts/aws4_request"));
  g_clear_pointer (&credentials, am_credentials_unref);

  /* The user declines: cancelled, and nothing is sent. */
  g_clear_pointer (&prompt.code, g_free);
  credentials = resolve_with_prompt (config, "mfa", &prompt, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 1);
  g_clear_error (&error);

  /* Nobody to ask: an auth error that says why. */
  credentials = resolve (config, "mfa", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "MFA"));

  g_free (prompt.serial);
  g_free (prompt.profile);
}

/* IAM Identity Center */

static void
write_sso_cache (Fixture    *fixture,
                 const char *key,
                 const char *token,
                 const char *expires_at)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, key, -1);
  g_autofree char *dir = g_build_filename (fixture->home, ".aws", "sso", "cache", NULL);
  g_autofree char *name = g_strconcat (hash, ".json", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *json = g_strdup_printf ("{\"startUrl\": \"https://corp.awsapps.com/start\", "
                                           "\"region\": \"eu-west-1\", \"accessToken\": \"%s\", "
                                           "\"expiresAt\": \"%s\"}", token, expires_at);

  g_mkdir_with_parents (dir, 0700);
  write_file (path, json);
}

static void
test_sso (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr (AmAwsConfig) config = NULL;
  g_autoptr (AmCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) expected = g_date_time_new_from_unix_utc (1893456000);
  const AmTestRequest *request;

  write_file (fixture->config_path,
              "[profile sso]\nsso_session = corp\nsso_account_id = 123456789012\n"
              "sso_role_name = Admin Role\nregion = eu-west-1\n"
              "[profile legacy]\nsso_start_url = https://legacy.awsapps.com/start\n"
              "sso_region = us-east-2\nsso_account_id = 210987654321\nsso_role_name = Dev\n"
              "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n"
              "sso_region = eu-west-1\nsso_registration_scopes = sso:account:access\n");
  config = load (fixture);

  /* No token yet: tell the user to log in. */
  credentials = resolve (config, "sso", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "aws sso login --profile sso"));
  g_clear_error (&error);

  /* An expired token: the same advice. */
  write_sso_cache (fixture, "corp", "expired-token", "2020-01-01T00:00:00Z");
  credentials = resolve (config, "sso", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "expired"));
  g_assert_nonnull (strstr (error->message, "aws sso login --profile sso"));
  g_clear_error (&error);
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 0);

  /* A damaged token cache: the message names the file and still says how to fix it. */
  {
    g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, "corp", -1);
    g_autofree char *name = g_strconcat (hash, ".json", NULL);
    g_autofree char *path = g_build_filename (fixture->home, ".aws", "sso", "cache", name, NULL);

    write_file (path, "{\"accessToken\": ");
    credentials = resolve (config, "sso", &error);
    g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_AUTH);
    g_assert_nonnull (strstr (error->message, path));
    g_assert_nonnull (strstr (error->message, "aws sso login --profile sso"));
    g_clear_error (&error);
  }

  /* A valid token: the portal hands out role credentials. */
  write_sso_cache (fixture, "corp", "bearer-token-1", "2099-01-01T00:00:00Z");
  am_test_server_queue_json (fixture->server, 200,
                             "{\"roleCredentials\": {\"accessKeyId\": \"ASIASSO\", "
                             "\"secretAccessKey\": \"sso-secret\", \"sessionToken\": "
                             "\"sso-token\", \"expiration\": 1893456000000}}");
  credentials = resolve (config, "sso", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_credentials_get_access_key_id (credentials), ==, "ASIASSO");
  g_assert_cmpstr (am_credentials_get_secret_access_key (credentials), ==, "sso-secret");
  g_assert_cmpstr (am_credentials_get_session_token (credentials), ==, "sso-token");
  g_assert_true (g_date_time_equal (am_credentials_get_expiration (credentials), expected));
  request = am_test_server_get_request (fixture->server, 0);
  g_assert_cmpstr (request->method, ==, "GET");
  g_assert_cmpstr (request->path, ==, "/federation/credentials");
  g_assert_cmpstr (am_test_request_get_param (request, "account_id"), ==, "123456789012");
  g_assert_cmpstr (am_test_request_get_param (request, "role_name"), ==, "Admin Role");
  g_assert_cmpstr (am_test_request_get_header (request, "x-amz-sso_bearer_token"), ==,
                   "bearer-token-1");
  g_assert_null (am_test_request_get_header (request, "Authorization"));
  g_clear_pointer (&credentials, am_credentials_unref);

  /* The portal refuses the token (signed out elsewhere): log in again. */
  am_test_server_queue_json_error (fixture->server, 401, "UnauthorizedException",
                                   "Session token not found or invalid", "sso-req");
  credentials = resolve (config, "sso", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_AUTH);
  g_assert_cmpstr (am_aws_error_get_code (error), ==, "UnauthorizedException");
  g_assert_cmpstr (am_aws_error_get_request_id (error), ==, "sso-req");
  g_assert_nonnull (strstr (error->message, "aws sso login --profile sso"));
  g_clear_error (&error);

  /* Legacy profiles key the cache by start URL. */
  write_sso_cache (fixture, "https://legacy.awsapps.com/start", "bearer-legacy",
                   "2099-01-01T00:00:00Z");
  am_test_server_clear_requests (fixture->server);
  am_test_server_queue_json (fixture->server, 200,
                             "{\"roleCredentials\": {\"accessKeyId\": \"ASIALEGACY\", "
                             "\"secretAccessKey\": \"s\", \"sessionToken\": \"t\", "
                             "\"expiration\": 1893456000000}}");
  credentials = resolve (config, "legacy", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_credentials_get_access_key_id (credentials), ==, "ASIALEGACY");
  g_assert_cmpstr (am_test_request_get_header (am_test_server_get_request (fixture->server, 0),
                                               "x-amz-sso_bearer_token"), ==, "bearer-legacy");
}

/* JSON of the wrong shape, in the token cache or the portal's answer: errors in words, never a
 * GLib critical (fatal in tests), and no time that cannot be taken as "never expires". */
static void
test_sso_wrong_types (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (AmAwsConfig) config = NULL;
  g_autoptr (AmCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, "corp", -1);
  g_autofree char *name = g_strconcat (hash, ".json", NULL);
  g_autofree char *path = g_build_filename (fixture->home, ".aws", "sso", "cache", name, NULL);
  const char *bad_caches[] = {
    "{\"accessToken\": {\"a\": 1}, \"expiresAt\": \"2099-01-01T00:00:00Z\"}",
    "{\"accessToken\": \"t\", \"expiresAt\": [1, 2]}",
    "{\"accessToken\": \"t\", \"expiresAt\": 1e300}",
  };
  const char *bad_answers[] = {
    "{\"roleCredentials\": {\"accessKeyId\": \"A\", \"secretAccessKey\": \"S\", "
    "\"sessionToken\": \"T\", \"expiration\": 1e300}}",
    "{\"roleCredentials\": {\"accessKeyId\": \"A\", \"secretAccessKey\": \"S\", "
    "\"sessionToken\": \"T\", \"expiration\": {\"ms\": 1}}}",
    "{\"roleCredentials\": {\"accessKeyId\": {\"x\": 1}, \"secretAccessKey\": \"S\", "
    "\"sessionToken\": \"T\"}}",
    "{\"roleCredentials\": [1]}",
  };

  write_file (fixture->config_path,
              "[profile sso]\nsso_session = corp\nsso_account_id = 123456789012\n"
              "sso_role_name = Admin\nregion = eu-west-1\n"
              "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n"
              "sso_region = eu-west-1\n");
  config = load (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (bad_caches); i++)
    {
      write_sso_cache (fixture, "corp", "t", "2099-01-01T00:00:00Z");
      write_file (path, bad_caches[i]);
      assert_resolve_fails (config, "sso", AM_AWS_ERROR_AUTH, "aws sso login --profile sso");
    }
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 0);

  write_sso_cache (fixture, "corp", "bearer", "2099-01-01T00:00:00Z");
  for (guint i = 0; i < G_N_ELEMENTS (bad_answers); i++)
    {
      am_test_server_queue_json (fixture->server, 200, bad_answers[i]);
      assert_resolve_fails (config, "sso", AM_AWS_ERROR_MALFORMED_RESPONSE, "GetRoleCredentials");
    }

  /* An error answer whose message is an object still ends in words. */
  am_test_server_queue_json (fixture->server, 400,
                             "{\"__type\": {\"x\": 1}, \"message\": {\"y\": 2}}");
  credentials = resolve (config, "sso", &error);
  g_assert_null (credentials);
  g_assert_nonnull (error);
  g_test_message ("error answer: %s", error->message);
  g_clear_error (&error);
}

/* SSO and STS take only their own endpoint settings: the general AWS_ENDPOINT_URL and a
 * profile's endpoint_url (a local or third-party EC2 endpoint) never see the bearer token or
 * the source keys. */
static void
test_credential_endpoints (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (AmTestServer) other = am_test_server_new ();
  g_autoptr (AmAwsConfig) config = NULL;
  g_autoptr (AmCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *config_text = NULL;
  const AmTestRequest *request;

  fixture->envp = g_environ_unsetenv (fixture->envp, "AWS_ENDPOINT_URL_SSO");
  fixture->envp = g_environ_unsetenv (fixture->envp, "AWS_ENDPOINT_URL_STS");
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_ENDPOINT_URL",
                                    am_test_server_get_url (other), TRUE);
  config_text = g_strdup_printf ("[profile sso]\nsso_session = corp\nsso_account_id = 123456789012\n"
                                 "sso_role_name = Admin\nregion = eu-west-1\n"
                                 "endpoint_url = %s\nservices = own\n"
                                 "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n"
                                 "sso_region = eu-west-1\n"
                                 "[profile base]\nregion = eu-west-3\nendpoint_url = %s\n"
                                 "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\n"
                                 "source_profile = base\nendpoint_url = %s\nservices = own\n"
                                 "[services own]\n"
                                 "sso =\n  endpoint_url = %s\n"
                                 "sts =\n  endpoint_url = %s\n",
                                 am_test_server_get_url (other), am_test_server_get_url (other),
                                 am_test_server_get_url (other),
                                 am_test_server_get_url (fixture->server),
                                 am_test_server_get_url (fixture->server));
  write_file (fixture->config_path, config_text);
  write_file (fixture->credentials_path,
              "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n");
  config = load (fixture);

  g_assert_null (am_aws_config_get_service_endpoint_url (config, "base", "sts"));
  g_assert_cmpstr (am_aws_config_get_service_endpoint_url (config, "sso", "sso"), ==,
                   am_test_server_get_url (fixture->server));
  g_assert_cmpstr (am_aws_config_get_endpoint_url (config, "sso", "ec2"), ==,
                   am_test_server_get_url (other));

  write_sso_cache (fixture, "corp", "bearer-secret", "2099-01-01T00:00:00Z");
  am_test_server_queue_json (fixture->server, 200,
                             "{\"roleCredentials\": {\"accessKeyId\": \"ASIASSO\", "
                             "\"secretAccessKey\": \"s\", \"sessionToken\": \"t\", "
                             "\"expiration\": 1893456000000}}");
  credentials = resolve (config, "sso", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_credentials_get_access_key_id (credentials), ==, "ASIASSO");
  g_clear_pointer (&credentials, am_credentials_unref);

  am_test_server_queue_xml (fixture->server, 200, assume_role_response);
  credentials = resolve (config, "admin", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_credentials_get_access_key_id (credentials), ==, "ASIAROLE");

  g_assert_cmpuint (am_test_server_get_n_requests (other), ==, 0);
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 2);
  request = am_test_server_get_request (fixture->server, 0);
  g_assert_cmpstr (am_test_request_get_header (request, "x-amz-sso_bearer_token"), ==,
                   "bearer-secret");
  request = am_test_server_get_request (fixture->server, 1);
  g_assert_cmpstr (am_test_request_get_param (request, "Action"), ==, "AssumeRole");
}

/* AWS_CA_BUNDLE and a profile's ca_bundle are the certificate authorities STS and SSO trust. */
static void
test_ca_bundle (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *ca_file = NULL;
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autoptr (AmTestServer) tls = NULL;
  g_autoptr (AmAwsConfig) config = NULL;
  g_autoptr (AmCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *config_text = NULL;
  g_autofree char *missing = NULL;

  certificate = am_test_make_tls_certificate (fixture->home, &ca_file);
  tls = am_test_server_new_tls (certificate);
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_ENDPOINT_URL_STS",
                                    am_test_server_get_url (tls), TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_ENDPOINT_URL_SSO",
                                    am_test_server_get_url (tls), TRUE);
  config_text = g_strdup_printf ("[profile base]\nregion = eu-west-3\n"
                                 "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\n"
                                 "source_profile = base\n"
                                 "[profile sso]\nsso_start_url = https://corp.awsapps.com/start\n"
                                 "sso_region = eu-west-1\nsso_account_id = 123456789012\n"
                                 "sso_role_name = Admin\nca_bundle = %s\n", ca_file);
  write_file (fixture->config_path, config_text);
  write_file (fixture->credentials_path,
              "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n");

  /* Without a bundle the private authority is not trusted. */
  config = load (fixture);
  g_assert_null (am_aws_config_get_ca_bundle (config, "admin"));
  credentials = resolve (config, "admin", &error);
  g_assert_null (credentials);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NETWORK);
  g_test_message ("without AWS_CA_BUNDLE: %s", error->message);
  g_assert_nonnull (strstr (error->message, "AWS_CA_BUNDLE"));
  g_assert_cmpuint (am_test_server_get_n_requests (tls), ==, 0);
  g_clear_error (&error);
  g_clear_object (&config);

  /* AWS_CA_BUNDLE: AssumeRole goes through. */
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_CA_BUNDLE", ca_file, TRUE);
  config = load (fixture);
  g_assert_cmpstr (am_aws_config_get_ca_bundle (config, "admin"), ==, ca_file);
  am_test_server_queue_xml (tls, 200, assume_role_response);
  credentials = resolve (config, "admin", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_credentials_get_access_key_id (credentials), ==, "ASIAROLE");
  g_clear_pointer (&credentials, am_credentials_unref);
  g_clear_object (&config);

  /* The profile's ca_bundle: the SSO portal goes through. */
  fixture->envp = g_environ_unsetenv (fixture->envp, "AWS_CA_BUNDLE");
  config = load (fixture);
  write_sso_cache (fixture, "https://corp.awsapps.com/start", "bearer", "2099-01-01T00:00:00Z");
  am_test_server_queue_json (tls, 200,
                             "{\"roleCredentials\": {\"accessKeyId\": \"ASIASSO\", "
                             "\"secretAccessKey\": \"s\", \"sessionToken\": \"t\", "
                             "\"expiration\": 1893456000000}}");
  credentials = resolve (config, "sso", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_credentials_get_access_key_id (credentials), ==, "ASIASSO");
  g_assert_cmpuint (am_test_server_get_n_requests (tls), ==, 2);
  g_clear_pointer (&credentials, am_credentials_unref);
  g_clear_object (&config);

  /* A bundle that is not there: an error in words, no request. */
  missing = g_build_filename (fixture->home, "no-such-bundle.pem", NULL);
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_CA_BUNDLE", missing, TRUE);
  config = load (fixture);
  credentials = resolve (config, "admin", &error);
  g_assert_null (credentials);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_cmpuint (am_test_server_get_n_requests (tls), ==, 2);
}

/* The provider: caching and refreshing */

static AmCredentials *
provider_get (AmCredentialsProvider *provider,
              GError               **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  am_credentials_provider_get_async (provider, NULL, am_test_result_cb, &result);
  am_test_wait_result (&result);
  return am_credentials_provider_get_finish (provider, result, error);
}

static guint
count_runs (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->home, "runs", NULL);
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return 0;
  return (guint) strlen (contents);
}

static void
test_provider_cache_and_refresh (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *script = NULL;
  g_autofree char *config_text = NULL;
  g_autoptr (AmAwsConfig) config = NULL;
  g_autoptr (AmCredentialsProvider) provider = NULL;
  g_autoptr (AmCredentials) first = NULL;
  g_autoptr (AmCredentials) second = NULL;
  g_autoptr (GError) error = NULL;
  GAsyncResult *results[3] = { NULL, NULL, NULL };

  /* Each run appends one byte to $HOME/runs; the keys expire in 2 minutes. */
  script = write_script (fixture, "counting.sh",
                         "printf x >> \"$HOME/runs\"\n"
                         "exp=$(date -u -d '+2 minutes' +%Y-%m-%dT%H:%M:%SZ)\n"
                         "echo \"{\\\"Version\\\": 1, \\\"AccessKeyId\\\": \\\"AKID$(wc -c < "
                         "\"$HOME/runs\" | tr -d ' ')\\\", \\\"SecretAccessKey\\\": \\\"s\\\", "
                         "\\\"Expiration\\\": \\\"$exp\\\"}\"\n");
  config_text = g_strdup_printf ("[profile counting]\ncredential_process = %s\n", script);
  write_file (fixture->config_path, config_text);
  config = load (fixture);
  provider = am_credentials_provider_new_for_profile (config, "counting");
  g_assert_cmpstr (am_credentials_provider_get_profile_name (provider), ==, "counting");

  /* Expiring in 2 minutes is within the default 5-minute window: each get refreshes. */
  first = provider_get (provider, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_credentials_get_access_key_id (first), ==, "AKID1");
  second = provider_get (provider, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_credentials_get_access_key_id (second), ==, "AKID2");
  g_assert_cmpuint (count_runs (fixture), ==, 2);
  g_clear_pointer (&second, am_credentials_unref);

  /* With a 1-minute window the cached keys are good: no new run. */
  am_credentials_provider_set_refresh_window (provider, G_TIME_SPAN_MINUTE);
  second = provider_get (provider, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_credentials_get_access_key_id (second), ==, "AKID2");
  g_assert_cmpuint (count_runs (fixture), ==, 2);
  g_clear_pointer (&second, am_credentials_unref);

  /* Concurrent gets after an invalidation share one run. */
  am_credentials_provider_invalidate (provider);
  for (guint i = 0; i < 3; i++)
    am_credentials_provider_get_async (provider, NULL, am_test_result_cb, &results[i]);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (AmCredentials) got = NULL;

      am_test_wait_result (&results[i]);
      got = am_credentials_provider_get_finish (provider, results[i], &error);
      g_assert_no_error (error);
      g_assert_cmpstr (am_credentials_get_access_key_id (got), ==, "AKID3");
      g_clear_object (&results[i]);
    }
  g_assert_cmpuint (count_runs (fixture), ==, 3);
}

static void
test_provider_static_and_cancel (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr (AmCredentials) keys = am_credentials_new ("AKIDSTATIC", "s", NULL, NULL);
  g_autoptr (AmCredentialsProvider) provider = am_credentials_provider_new_static (keys);
  g_autoptr (AmCredentials) got = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *script = NULL;
  g_autofree char *config_text = NULL;
  g_autoptr (AmAwsConfig) config = NULL;
  g_autoptr (AmCredentialsProvider) slow_provider = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  gint64 start;

  got = provider_get (provider, &error);
  g_assert_no_error (error);
  g_assert_true (got == keys);
  g_assert_null (am_credentials_provider_get_profile_name (provider));
  am_credentials_provider_invalidate (provider);
  g_clear_pointer (&got, am_credentials_unref);
  got = provider_get (provider, &error);
  g_assert_true (got == keys);
  g_clear_pointer (&got, am_credentials_unref);

  /* A waiting caller that cancels leaves promptly. */
  script = write_script (fixture, "slow.sh", "exec sleep 10\n");
  config_text = g_strdup_printf ("[profile slow]\ncredential_process = %s\n", script);
  write_file (fixture->config_path, config_text);
  config = load (fixture);
  am_aws_config_set_process_timeout (config, 1500);
  slow_provider = am_credentials_provider_new_for_profile (config, "slow");
  start = g_get_monotonic_time ();
  am_credentials_provider_get_async (slow_provider, cancellable, am_test_result_cb, &result);
  g_cancellable_cancel (cancellable);
  am_test_wait_result (&result);
  got = am_credentials_provider_get_finish (slow_provider, result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_TIME_SPAN_SECOND);
  g_clear_error (&error);
  g_clear_object (&result);

  /* The resolution goes on in the background and ends with the process timeout. */
  am_credentials_provider_get_async (slow_provider, NULL, am_test_result_cb, &result);
  am_test_wait_result (&result);
  got = am_credentials_provider_get_finish (slow_provider, result, &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS);
}

static void
test_credentials_type (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) soon = g_date_time_add_minutes (now, 3);
  g_autoptr (AmCredentials) temporary = am_credentials_new ("A", "S", "", soon);
  g_autoptr (AmCredentials) permanent = am_credentials_new ("A", "S", NULL, NULL);
  GValue value = G_VALUE_INIT;

  /* An empty token is no token. */
  g_assert_null (am_credentials_get_session_token (temporary));
  g_assert_true (am_credentials_expires_within (temporary, 5 * G_TIME_SPAN_MINUTE, NULL));
  g_assert_false (am_credentials_expires_within (temporary, G_TIME_SPAN_MINUTE, NULL));
  g_assert_false (am_credentials_expires_within (permanent, G_MAXINT64, NULL));

  g_value_init (&value, AM_TYPE_CREDENTIALS);
  g_value_set_boxed (&value, permanent);
  g_assert_true (g_value_get_boxed (&value) == permanent);
  g_value_unset (&value);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/credentials/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("static-and-environment", test_static_and_environment);
  ADD ("no-files", test_no_files);
  ADD ("malformed-file-on-disk", test_malformed_file_on_disk);
  ADD ("credential-process", test_credential_process);
  ADD ("credential-process-limits", test_credential_process_limits);
  ADD ("wrong-types", test_wrong_types);
  ADD ("assume-role", test_assume_role);
  ADD ("assume-role-bad-expiration", test_assume_role_bad_expiration);
  ADD ("assume-role-from-environment", test_assume_role_from_environment);
  ADD ("assume-role-mfa", test_assume_role_mfa);
  ADD ("sso", test_sso);
  ADD ("credential-endpoints", test_credential_endpoints);
  ADD ("sso-wrong-types", test_sso_wrong_types);
  ADD ("ca-bundle", test_ca_bundle);
  ADD ("provider-cache-and-refresh", test_provider_cache_and_refresh);
  ADD ("provider-static-and-cancel", test_provider_static_and_cancel);
  g_test_add_func ("/credentials/type", test_credentials_type);

#undef ADD

  return g_test_run ();
}
