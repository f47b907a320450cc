/* test-session.c: AmSession chooses and connects profiles (sandbox, AWS CLI, errors) for real
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-session"

#include "config.h"

#include <glib/gstdio.h>

#include "am-aws-error.h"
#include "am-session.h"
#include "am-ui-test.h"
#include "am-ui-test-sandbox.h"
#include "am-window.h"

typedef struct
{
  gboolean      done;
  gboolean      ok;
  GError       *error;
} Wait;

static void
connect_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = am_session_connect_finish (AM_SESSION (object), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
wait_done (gpointer data)
{
  return ((Wait *) data)->done;
}

/* Connects and returns whether it worked; *error gets the failure. */
static gboolean
connect_and_wait (AmSession   *session,
                  const char  *profile,
                  const char  *region,
                  GError     **error)
{
  Wait wait = { FALSE, FALSE, NULL };

  am_session_connect_async (session, profile, region, NULL, connect_cb, &wait);
  g_assert_true (am_ui_test_wait_until (wait_done, &wait, 30000));
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.ok;
}

static void
call_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;
  g_autoptr (GBytes) body = NULL;

  body = am_query_client_call_finish (AM_QUERY_CLIENT (object), result, &wait->error);
  wait->ok = body != NULL;
  wait->done = TRUE;
}

/* A signed DescribeImages call through the session's client must be accepted. */
static void
assert_session_works (AmSession *session)
{
  g_autoptr (AmQueryParams) params = am_query_params_new ("DescribeImages", "2016-11-15");
  Wait wait = { FALSE, FALSE, NULL };

  g_assert_nonnull (am_session_get_query_client (session));
  g_assert_nonnull (am_session_get_client (session));
  g_assert_true (am_ec2_client_get_query_client (am_session_get_client (session)) ==
                 am_session_get_query_client (session));
  g_assert_cmpstr (am_ec2_client_get_region (am_session_get_client (session)), ==, am_session_get_region (session));
  am_query_params_add (params, "Owner.1", "self");
  am_query_client_call_async (am_session_get_query_client (session), params, NULL, call_cb, &wait);
  g_assert_true (am_ui_test_wait_until (wait_done, &wait, 30000));
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);
}

static void
reset_environment (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  g_unsetenv ("AWS_PROFILE");
  g_unsetenv ("AWS_REGION");
  g_unsetenv ("AWS_DEFAULT_REGION");
  g_unsetenv ("AWS_ACCESS_KEY_ID");
  g_unsetenv ("AWS_SECRET_ACCESS_KEY");
  g_unsetenv ("AWS_SESSION_TOKEN");
  g_unsetenv ("AWS_ENDPOINT_URL");
  g_unsetenv ("AWS_ENDPOINT_URL_EC2");
  g_unsetenv ("AWS_ENDPOINT_URL_STS");
  g_unsetenv ("AWS_CA_BUNDLE");
  g_setenv ("AWS_CONFIG_FILE", "/nonexistent/amiable-test/config", TRUE);
  g_setenv ("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/amiable-test/credentials", TRUE);
  g_settings_reset (settings, "profile");
  g_settings_reset (settings, "region");
  g_settings_reset (settings, "accounts");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_session_sandbox_by_default (void)
{
  g_autoptr (AmSession) session = am_session_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *data_dir = NULL;
  g_autofree char *first_endpoint = NULL;
  g_autofree char *first_key = NULL;
  g_autofree char *saved_profile = NULL;
  g_autofree char *saved_region = NULL;
  guint client_changes = 0;

  reset_environment ();
  g_assert_cmpint (am_session_get_state (session), ==, AM_SESSION_STATE_DISCONNECTED);

  /* No AWS credentials anywhere: the built-in sandbox, started as a child process. */
  g_assert_true (connect_and_wait (session, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (am_session_get_state (session), ==, AM_SESSION_STATE_READY);
  g_assert_true (am_session_is_sandbox (session));
  g_assert_cmpstr (am_session_get_profile_name (session), ==, AM_SESSION_SANDBOX_PROFILE);
  g_assert_cmpstr (am_session_get_region (session), ==, "us-east-1");
  g_assert_cmpstr (am_session_get_account (session), ==, AM_SANDBOX_ALICE_ACCOUNT_ID);
  g_assert_true (g_str_has_prefix (am_session_get_endpoint (session), "http://127.0.0.1:"));
  g_assert_cmpstr (am_session_get_cache_key (session), ==, "Sandbox-111122223333-us-east-1");
  g_assert_null (am_session_get_error (session));
  g_assert_nonnull (am_session_get_sandbox_process (session));
  data_dir = g_build_filename (g_get_user_data_dir (), "amiable", "sandbox", NULL);
  g_assert_true (g_file_test (data_dir, G_FILE_TEST_IS_DIR));
  assert_session_works (session);

  /* Switching region reconnects: a new client on the same sandbox process. */
  first_endpoint = g_strdup (am_session_get_endpoint (session));
  first_key = g_strdup (am_session_get_cache_key (session));
  g_signal_connect (session, "notify::client", G_CALLBACK (count_notify), &client_changes);
  g_assert_true (connect_and_wait (session, AM_SESSION_SANDBOX_PROFILE, "eu-west-1", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (client_changes, >=, 1);
  g_assert_cmpstr (am_session_get_region (session), ==, "eu-west-1");
  g_assert_cmpstr (am_session_get_endpoint (session), ==, first_endpoint);
  g_assert_cmpstr (am_session_get_cache_key (session), !=, first_key);
  g_assert_cmpstr (am_session_get_cache_key (session), ==, "Sandbox-111122223333-eu-west-1");
  assert_session_works (session);

  /* The explicit choice is remembered for the next start. */
  saved_profile = g_settings_get_string (settings, "profile");
  saved_region = g_settings_get_string (settings, "region");
  g_assert_cmpstr (saved_profile, ==, AM_SESSION_SANDBOX_PROFILE);
  g_assert_cmpstr (saved_region, ==, "eu-west-1");

  /* And the next start (a new session, no arguments) follows it. */
  {
    g_autoptr (AmSession) next = am_session_new ();

    g_assert_true (connect_and_wait (next, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (am_session_is_sandbox (next));
    g_assert_cmpstr (am_session_get_region (next), ==, "eu-west-1");
    /* Both sessions share the one sandbox process (it locks its data folder). */
    g_assert_true (am_session_get_sandbox_process (next) == am_session_get_sandbox_process (session));
    g_assert_cmpstr (am_session_get_endpoint (next), ==, first_endpoint);
  }
}

static char *
write_temp_file (const char *dir,
                 const char *name,
                 const char *contents)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_session_cli_profile (void)
{
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (NULL);
  g_autoptr (AmSession) session = am_session_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("amiable-aws-XXXXXX", NULL);
  g_autofree char *config_text = NULL;
  g_autofree char *credentials_text = NULL;
  g_autofree char *config = NULL;
  g_autofree char *credentials = NULL;
  const char *endpoint = am_sandbox_process_get_endpoint (sandbox);

  reset_environment ();
  config_text = g_strdup_printf ("[profile dev]\nregion = eu-central-1\nendpoint_url = %s\n", endpoint);
  credentials_text = g_strdup_printf ("[dev]\naws_access_key_id = %s\naws_secret_access_key = %s\n",
                                      AM_SANDBOX_BOB_ACCESS_KEY, AM_SANDBOX_BOB_SECRET_KEY);
  config = write_temp_file (dir, "config", config_text);
  credentials = write_temp_file (dir, "credentials", credentials_text);
  g_setenv ("AWS_CONFIG_FILE", config, TRUE);
  g_setenv ("AWS_SHARED_CREDENTIALS_FILE", credentials, TRUE);

  /* AWS_PROFILE names the start profile; its region and endpoint come from the files. */
  g_setenv ("AWS_PROFILE", "dev", TRUE);
  g_assert_true (connect_and_wait (session, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (am_session_is_sandbox (session));
  g_assert_cmpstr (am_session_get_profile_name (session), ==, "dev");
  g_assert_cmpstr (am_session_get_region (session), ==, "eu-central-1");
  g_assert_cmpstr (am_session_get_endpoint (session), ==, endpoint);
  assert_session_works (session);

  /* AWS_REGION wins over the profile's region. */
  g_setenv ("AWS_REGION", "ap-south-1", TRUE);
  g_assert_true (connect_and_wait (session, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (am_session_get_region (session), ==, "ap-south-1");

  /* AWS_CA_BUNDLE is used, not ignored: one that cannot be read fails the connect in words. */
  g_setenv ("AWS_CA_BUNDLE", "/nonexistent/amiable-test/ca.pem", TRUE);
  g_assert_false (connect_and_wait (session, NULL, NULL, &error));
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG);
  g_test_message ("bad CA bundle: %s", error->message);
  g_assert_nonnull (strstr (error->message, "/nonexistent/amiable-test/ca.pem"));
  g_assert_null (am_session_get_query_client (session));
  g_clear_error (&error);
  g_unsetenv ("AWS_CA_BUNDLE");

  /* A profile that does not exist is an error that says so. */
  g_assert_false (connect_and_wait (session, "nope", NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("missing profile: %s", error->message);
  g_assert_nonnull (strstr (error->message, "nope"));
  g_assert_cmpint (am_session_get_state (session), ==, AM_SESSION_STATE_FAILED);
  g_assert_null (am_session_get_query_client (session));
  g_clear_error (&error);

  g_unlink (config);
  g_unlink (credentials);
  g_rmdir (dir);
  reset_environment ();
}

static gboolean
stack_shows_error (gpointer data)
{
  GtkStack *stack = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "error") == 0;
}

static gboolean
transition_done (gpointer data)
{
  return !gtk_stack_get_transition_running (GTK_STACK (data));
}

static gboolean
session_ready (gpointer data)
{
  return am_session_get_state (AM_SESSION (data)) == AM_SESSION_STATE_READY;
}

static void
test_session_broken_config (void)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  g_autoptr (AmSession) session = am_session_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("amiable-aws-XXXXXX", NULL);
  g_autofree char *config = NULL;
  g_autofree char *shot = NULL;
  const char *shots = g_getenv ("AMIABLE_SCREENSHOT_DIR");
  AmWindow *window;
  GtkWidget *stack;
  GtkWidget *page;
  const char *description;

  reset_environment ();
  config = write_temp_file (dir, "config", "[default]\nregion = us-east-1\nthis line is broken\n");
  g_setenv ("AWS_CONFIG_FILE", config, TRUE);

  window = am_window_new_with_session (app, session);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (GTK_WIDGET (window));
  am_window_connect (window, NULL, NULL);

  stack = am_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK, "main_stack");
  g_assert_nonnull (stack);
  g_assert_true (am_ui_test_wait_until (stack_shows_error, stack, 10000));
  g_assert_cmpint (am_session_get_state (session), ==, AM_SESSION_STATE_FAILED);
  g_assert_error (am_session_get_error (session), AM_AWS_ERROR, AM_AWS_ERROR_CONFIG);

  /* The error page names the file and the line. */
  /* (The views have error pages of their own: look in the window's stack.) */
  page = gtk_stack_get_child_by_name (GTK_STACK (stack), "error");
  g_assert_nonnull (page);
  description = adw_status_page_get_description (ADW_STATUS_PAGE (page));
  g_test_message ("error page: %s (session error: %s)", description, am_session_get_error (session)->message);
  g_assert_nonnull (strstr (description, config));
  g_assert_nonnull (strstr (description, "line 3"));
  g_assert_nonnull (am_ui_test_find_widget (page, GTK_TYPE_BUTTON, "_Retry"));
  g_assert_nonnull (am_ui_test_find_widget (page, GTK_TYPE_BUTTON, "_Choose Another Profile"));
  /* Let the cross-fade end before looking. */
  g_assert_true (am_ui_test_wait_until (transition_done, stack, 5000));
  am_ui_test_iterate ();
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (am_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                                                         "profile_label"))), ==, "default");
  g_assert_true (ADW_IS_STATUS_PAGE (page));
  if (shots != NULL)
    {
      shot = g_build_filename (shots, "window-error-config.png", NULL);
      g_assert_true (am_ui_test_screenshot (GTK_WIDGET (window), shot));
    }

  /* "Choose Another Profile" opens the profile list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.choose-profile", NULL));
  {
    GtkWidget *button = am_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, "profile_button");
    GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));

    am_ui_test_wait_mapped (popover);
    g_assert_nonnull (am_ui_test_find_widget (popover, GTK_TYPE_LIST_BOX_ROW, AM_SESSION_SANDBOX_PROFILE));
    if (shots != NULL)
      {
        g_autofree char *path = g_build_filename (shots, "profile-popover-broken-config.png", NULL);

        g_assert_true (am_ui_test_screenshot (popover, path));
      }
    gtk_popover_popdown (GTK_POPOVER (popover));
    am_ui_test_iterate ();
  }

  /* Retry fails the same way while the file is broken. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.retry", NULL));
  am_ui_test_iterate ();
  g_assert_true (am_ui_test_wait_until (stack_shows_error, stack, 10000));

  /* Choosing the sandbox from the error state works. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.select-profile", "s",
                                             AM_SESSION_SANDBOX_PROFILE));
  g_assert_true (am_ui_test_wait_until (session_ready, session, 30000));
  am_ui_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "content");
  g_assert_true (gtk_widget_get_visible (am_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL,
                                                                 "sandbox_pill")));

  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
  g_unlink (config);
  g_rmdir (dir);
  reset_environment ();
}

static gboolean
session_failed (gpointer data)
{
  return am_session_get_state (AM_SESSION (data)) == AM_SESSION_STATE_FAILED;
}

static GtkWidget *
find_mfa_dialog (void)
{
  return am_ui_test_wait_for_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
}

static void
test_session_mfa_prompt (void)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (NULL);
  g_autoptr (AmSession) session = am_session_new ();
  g_autofree char *dir = g_dir_make_tmp ("amiable-aws-XXXXXX", NULL);
  g_autofree char *config_text = NULL;
  g_autofree char *config = NULL;
  AmWindow *window;
  GtkWidget *dialog;
  GtkWidget *entry;

  reset_environment ();
  /* A role profile whose AssumeRole needs an MFA code, reached through the sandbox. */
  config_text = g_strdup_printf ("[profile base]\n"
                                 "aws_access_key_id = %s\n"
                                 "aws_secret_access_key = %s\n"
                                 "[profile admin]\n"
                                 "role_arn = arn:aws:iam::111122223333:role/admin\n"
                                 "source_profile = base\n"
                                 "mfa_serial = arn:aws:iam::111122223333:mfa/alice\n"
                                 "region = eu-west-1\n",
                                 AM_SANDBOX_ALICE_ACCESS_KEY, AM_SANDBOX_ALICE_SECRET_KEY);
  config = write_temp_file (dir, "config", config_text);
  g_setenv ("AWS_CONFIG_FILE", config, TRUE);
  g_setenv ("AWS_ENDPOINT_URL", am_sandbox_process_get_endpoint (sandbox), TRUE);
  /* STS follows only its own endpoint setting, never the general one. */
  g_setenv ("AWS_ENDPOINT_URL_STS", am_sandbox_process_get_endpoint (sandbox), TRUE);

  window = am_window_new_with_session (app, session);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (GTK_WIDGET (window));

  /* Declining the prompt leaves the session failed (with Retry), not hanging. */
  am_window_connect (window, "admin", NULL);
  dialog = find_mfa_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "admin"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "mfa/alice"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  am_ui_test_wait_window_gone (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (am_ui_test_wait_until (session_failed, session, 10000));
  g_test_message ("declined: %s", am_session_get_error (session)->message);
  am_ui_test_iterate ();

  /* Entering a code sends it on: the sandbox has no AssumeRole, so the error is the
   * service's, which shows that the code was taken. */
  am_window_connect (window, "admin", NULL);
  dialog = find_mfa_dialog ();
  g_assert_nonnull (dialog);
  entry = am_ui_test_find_widget (dialog, GTK_TYPE_ENTRY, "mfa-code");
  gtk_editable_set_text (GTK_EDITABLE (entry), "654321");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "verify");
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (am_ui_test_wait_until (session_failed, session, 30000));
  g_test_message ("after code: %s", am_session_get_error (session)->message);
  g_assert_false (g_error_matches (am_session_get_error (session), G_IO_ERROR, G_IO_ERROR_CANCELLED));

  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
  g_unlink (config);
  g_rmdir (dir);
  reset_environment ();
}

static void
test_session_sandbox_fails (void)
{
  g_autoptr (AmSession) session = am_session_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *program = g_strdup (g_getenv ("AMIABLE_SANDBOX_PROGRAM"));

  reset_environment ();
  /* A sandbox that exits at once: the session fails and says what to do. */
  g_setenv ("AMIABLE_SANDBOX_PROGRAM", "/bin/false", TRUE);
  g_assert_false (connect_and_wait (session, AM_SESSION_SANDBOX_PROFILE, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("sandbox failed: %s", error->message);
  g_assert_nonnull (strstr (error->message, "sandbox"));
  g_assert_cmpint (am_session_get_state (session), ==, AM_SESSION_STATE_FAILED);
  g_assert_true (am_session_is_sandbox (session));
  g_assert_null (am_session_get_client (session));
  g_clear_error (&error);

  /* Retrying once the program is there works. */
  g_setenv ("AMIABLE_SANDBOX_PROGRAM", program, TRUE);
  g_assert_true (connect_and_wait (session, AM_SESSION_SANDBOX_PROFILE, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (am_session_get_client (session));
  reset_environment ();
}

/* A sandbox that stops before it is ready is started once more by itself. */
static void
test_session_sandbox_second_start (void)
{
  g_autoptr (AmSession) session = am_session_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *program = g_strdup (g_getenv ("AMIABLE_SANDBOX_PROGRAM"));
  g_autofree char *dir = g_dir_make_tmp ("amiable-second-start-XXXXXX", NULL);
  g_autofree char *mark = g_build_filename (dir, "first-start", NULL);
  g_autofree char *script = g_build_filename (dir, "sandbox", NULL);
  g_autofree char *text = g_strdup_printf ("#!/bin/sh\n"
                                           "if [ ! -e '%s' ]; then touch '%s'; exit 3; fi\n"
                                           "exec '%s' \"$@\"\n", mark, mark, program);

  reset_environment ();
  g_assert_true (g_file_set_contents (script, text, -1, NULL));
  g_assert_cmpint (g_chmod (script, 0755), ==, 0);
  g_setenv ("AMIABLE_SANDBOX_PROGRAM", script, TRUE);

  g_assert_true (connect_and_wait (session, AM_SESSION_SANDBOX_PROFILE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (mark, G_FILE_TEST_EXISTS));
  g_assert_cmpint (am_session_get_state (session), ==, AM_SESSION_STATE_READY);
  g_assert_nonnull (am_session_get_client (session));

  g_setenv ("AMIABLE_SANDBOX_PROGRAM", program, TRUE);
  g_clear_object (&session);
  g_unlink (script);
  g_unlink (mark);
  g_rmdir (dir);
  reset_environment ();
}

int
main (int   argc,
      char *argv[])
{
  /* The connecting spinner keeps frames coming while dialogs wait; software GL under a
   * loaded Xvfb has stalled on that, the cairo renderer does not. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/session/sandbox-by-default", test_session_sandbox_by_default);
  g_test_add_func ("/ui/session/cli-profile", test_session_cli_profile);
  g_test_add_func ("/ui/session/broken-config", test_session_broken_config);
  g_test_add_func ("/ui/session/mfa-prompt", test_session_mfa_prompt);
  g_test_add_func ("/ui/session/sandbox-fails", test_session_sandbox_fails);
  g_test_add_func ("/ui/session/sandbox-second-start", test_session_sandbox_second_start);

  return g_test_run ();
}
