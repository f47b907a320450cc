/* test-credentials-flatpak.c: credential_process and the `aws sso login` hint inside a Flatpak
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pretends to run in a Flatpak: AMIABLE_FLATPAK_INFO names a .flatpak-info of the test's own,
 * and a stub flatpak-spawn on PATH records its arguments, then runs the command after "--" the
 * way `flatpak-spawn --host` would on the host.
 */
#define G_LOG_DOMAIN "test-credentials-flatpak"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "aws/am-aws-config.h"
#include "aws/am-aws-error.h"
#include "aws/am-credentials.h"
#include "aws/am-profile-resolver.h"
#include "am-test-sandbox.h"
#include "am-test-server.h"

#define FLATPAK_INFO(policy) "[Application]\nname=" APP_ID "\n\n[Session Bus Policy]\n" policy "=talk\n"
#define WITH_TALK FLATPAK_INFO ("org.freedesktop.Flatpak")
#define WITHOUT_TALK FLATPAK_INFO ("org.freedesktop.Notifications")

typedef struct
{
  char  *home;
  char  *bin;
  char  *info;
  char  *args_path;
  GStrv  envp;
} Fixture;

static void
write_file (const char *path,
            const char *contents,
            int         mode)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  g_chmod (path, mode);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *aws_dir = NULL;
  g_autofree char *spawn = NULL;
  g_autofree char *path = NULL;
  g_autofree char *script = NULL;
  g_autofree char *slow = NULL;
  g_autofree char *config = NULL;
  g_autofree char *config_text = NULL;

  fixture->home = g_dir_make_tmp ("amiable-test-flatpak-XXXXXX", &error);
  g_assert_no_error (error);
  aws_dir = g_build_filename (fixture->home, ".aws", NULL);
  fixture->bin = g_build_filename (fixture->home, "bin", NULL);
  g_mkdir_with_parents (aws_dir, 0700);
  g_mkdir_with_parents (fixture->bin, 0700);
  fixture->info = g_build_filename (fixture->home, "flatpak-info", NULL);
  fixture->args_path = g_build_filename (fixture->home, "spawn-args", NULL);

  spawn = g_build_filename (fixture->bin, "flatpak-spawn", NULL);
  write_file (spawn,
              "#!/bin/sh\n"
              "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$HOME/spawn-args\"\n"
              "while [ \"$1\" != \"--\" ]; do shift; done\n"
              "shift\n"
              "exec \"$@\"\n", 0700);
  script = g_build_filename (fixture->home, "creds.sh", NULL);
  write_file (script,
              "#!/bin/sh\n"
              "printf '%s|%s' \"$1\" \"$2\" > \"$HOME/process-args\"\n"
              "echo '{\"Version\": 1, \"AccessKeyId\": \"AKIDHOST\",'\n"
              "echo '\"SecretAccessKey\": \"host-secret\"}'\n",
              0700);
  slow = g_build_filename (fixture->home, "slow.sh", NULL);
  write_file (slow, "#!/bin/sh\nexec sleep 60\n", 0700);
  config = g_build_filename (aws_dir, "config", NULL);
  config_text = g_strdup_printf ("[profile host]\ncredential_process = %s 'first arg' second\n"
                                 "[profile slow]\ncredential_process = %s\n"
                                 "[profile sso]\nsso_start_url = https://corp.awsapps.com/start\n"
                                 "sso_region = eu-west-1\nsso_account_id = 123456789012\n"
                                 "sso_role_name = Admin\n",
                                 script, slow);
  write_file (config, config_text, 0600);

  path = g_strconcat (fixture->bin, ":/usr/bin:/bin", NULL);
  fixture->envp = g_environ_setenv (NULL, "HOME", fixture->home, TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "PATH", path, TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "AMIABLE_FLATPAK_INFO", fixture->info, TRUE);
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_REGION", "eu-west-1", TRUE);
  /* Never passed on: it would show in the host's process list. */
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_SESSION_TOKEN", "env-token-secret", TRUE);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  am_test_remove_tree (fixture->home);
  g_free (fixture->home);
  g_free (fixture->bin);
  g_free (fixture->info);
  g_free (fixture->args_path);
  g_strfreev (fixture->envp);
}

static AmCredentials *
resolve (Fixture     *fixture,
         const char  *profile,
         guint        timeout_ms,
         GError     **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (AmAwsConfig) config = am_aws_config_load_with_environ ((const char * const *) fixture->envp,
                                                                     &local);
  g_autoptr (AmProfileResolver) resolver = NULL;
  g_autoptr (GAsyncResult) result = NULL;

  g_assert_no_error (local);
  if (timeout_ms > 0)
    am_aws_config_set_process_timeout (config, timeout_ms);
  resolver = am_profile_resolver_new (config);
  am_profile_resolver_resolve_async (resolver, profile, NULL, NULL, NULL, am_test_result_cb, &result);
  am_test_wait_result (&result);
  return am_profile_resolver_resolve_finish (resolver, result, error);
}

static char *
read_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* No .flatpak-info: the command runs as it is, flatpak-spawn is not involved. */
static void
test_outside (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (AmCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *process_args_path = g_build_filename (fixture->home, "process-args", NULL);
  g_autofree char *process_args = NULL;

  credentials = resolve (fixture, "host", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_credentials_get_access_key_id (credentials), ==, "AKIDHOST");
  g_assert_false (g_file_test (fixture->args_path, G_FILE_TEST_EXISTS));
  process_args = read_file (process_args_path);
  g_assert_cmpstr (process_args, ==, "first arg|second");

  /* The SSO hint is the plain one. */
  g_clear_pointer (&credentials, am_credentials_unref);
  credentials = resolve (fixture, "sso", 0, &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "run `aws sso login --profile sso` and try again"));
}

/* Inside, with the permission: the same arguments through flatpak-spawn --host. */
static void
test_inside (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (AmCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *script = g_build_filename (fixture->home, "creds.sh", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *args = NULL;
  g_autofree char *process_args_path = g_build_filename (fixture->home, "process-args", NULL);
  g_autofree char *process_args = NULL;

  write_file (fixture->info, WITH_TALK, 0600);
  fixture->envp = g_environ_setenv (fixture->envp, "AWS_PROFILE", "host", TRUE);
  credentials = resolve (fixture, "host", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_credentials_get_access_key_id (credentials), ==, "AKIDHOST");
  g_assert_cmpstr (am_credentials_get_secret_access_key (credentials), ==, "host-secret");

  args = read_file (fixture->args_path);
  expected = g_strdup_printf ("--host\n--watch-bus\n--env=AWS_PROFILE=host\n--env=AWS_REGION=eu-west-1\n"
                              "--\n%s\nfirst arg\nsecond\n", script);
  g_assert_cmpstr (args, ==, expected);
  g_assert_null (strstr (args, "env-token-secret"));
  process_args = read_file (process_args_path);
  g_assert_cmpstr (process_args, ==, "first arg|second");
}

/* Inside, the time-out still stops the command (flatpak-spawn, and with --watch-bus the host side). */
static void
test_inside_timeout (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (AmCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start;

  write_file (fixture->info, WITH_TALK, 0600);
  start = g_get_monotonic_time ();
  credentials = resolve (fixture, "slow", 300, &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "300 ms"));
  /* Far below the 60 s the command would run: it was stopped, not waited for. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 50 * G_TIME_SPAN_SECOND);
  g_assert_true (g_file_test (fixture->args_path, G_FILE_TEST_EXISTS));
}

/* Inside without the permission, or without flatpak-spawn: why, and what to do. */
static void
test_inside_not_possible (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr (AmCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *spawn = g_build_filename (fixture->bin, "flatpak-spawn", NULL);

  write_file (fixture->info, WITHOUT_TALK, 0600);
  credentials = resolve (fixture, "host", 0, &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "profile “host”"));
  g_assert_nonnull (strstr (error->message, "may not start programs on your computer"));
  g_assert_nonnull (strstr (error->message,
                            "flatpak override --user --talk-name=org.freedesktop.Flatpak " APP_ID));
  g_assert_false (g_file_test (fixture->args_path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  write_file (fixture->info, WITH_TALK, 0600);
  g_assert_cmpint (g_unlink (spawn), ==, 0);
  fixture->envp = g_environ_setenv (fixture->envp, "PATH", fixture->bin, TRUE);
  credentials = resolve (fixture, "host", 0, &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "no flatpak-spawn"));
  g_assert_nonnull (strstr (error->message, "flatpak update"));
}

/* Inside, the user is told to sign in on the host. */
static void
test_inside_sso_hint (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (AmCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;

  write_file (fixture->info, WITH_TALK, 0600);
  credentials = resolve (fixture, "sso", 0, &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "run `aws sso login --profile sso` in a terminal on your "
                                            "computer (not inside Amiable’s Flatpak) and try again"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/credentials-flatpak/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("outside", test_outside);
  ADD ("inside", test_inside);
  ADD ("inside-timeout", test_inside_timeout);
  ADD ("inside-not-possible", test_inside_not_possible);
  ADD ("inside-sso-hint", test_inside_sso_hint);

#undef ADD

  return g_test_run ();
}
