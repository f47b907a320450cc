/* test-wizard-lost-answers.c: the wizard's key pair and security group when EC2's answer is lost
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-wizard-lost-answers"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "test-wizard-common.h"

static guint
count_named (WizardFixture *fixture,
             gboolean       groups,
             const char    *name)
{
  AmEc2Client *ec2 = am_session_get_client (fixture->session);
  g_autoptr (GPtrArray) filters = g_ptr_array_new_with_free_func ((GDestroyNotify) am_ec2_filter_free);
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GError) error = NULL;
  AmUiTestWait wait = { NULL };

  g_ptr_array_add (filters, am_ec2_filter_new (groups ? "group-name" : "key-name", name, NULL));
  if (groups)
    am_ec2_client_describe_security_groups_async (ec2, NULL, filters, NULL, am_ui_test_wait_cb, &wait);
  else
    am_ec2_client_describe_key_pairs_async (ec2, NULL, filters, FALSE, NULL, am_ui_test_wait_cb, &wait);
  am_ui_test_wait_for_result (&wait, 60000);
  if (groups)
    found = am_ec2_client_describe_security_groups_finish (ec2, wait.result, &error);
  else
    found = am_ec2_client_describe_key_pairs_finish (ec2, wait.result, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  return found->len;
}

/* From the network step: a new security group, on to the review. Returns its name. */
static char *
new_group_to_review (AmLaunchWizard *w)
{
  AmLaunchRequest *request = am_launch_wizard_get_request (w);

  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (wizard_find (w, ADW_TYPE_EXPANDER_ROW, "Create a new security group")), TRUE);
  g_assert_true (am_launch_request_get_create_group (request));
  wizard_next (w, AM_LAUNCH_STEP_STORAGE);
  wizard_next (w, AM_LAUNCH_STEP_DETAILS);
  wizard_next (w, AM_LAUNCH_STEP_REVIEW);
  wizard_wait_idle (w);
  return g_strdup (am_launch_request_get_new_group_name (request));
}

static void
test_wizard_lost_answers (void)
{
  /* The sandbox makes the key pair and the group, then closes the connection unanswered. */
  const char *args[] = { "--faults", "drop-once=CreateKeyPair,drop-once=CreateSecurityGroup", NULL };
  WizardFixture f = { 0 };
  AmLaunchWizard *w;
  AmLaunchRequest *request;
  GtkWidget *dialog;
  g_autofree char *key_dir = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *key_text = NULL;
  g_autofree char *group_name = NULL;
  g_autoptr (GPtrArray) instances = NULL;
  g_autoptr (GError) error = NULL;

  wizard_fixture_start (&f, args);
  w = f.wizard;
  request = am_launch_wizard_get_request (w);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (wizard_row_widget (w, "image-list", WIZARD_IMAGE_X86)), TRUE);
  am_ui_test_iterate ();
  wizard_next (w, AM_LAUNCH_STEP_INSTANCE_TYPE);
  wizard_next (w, AM_LAUNCH_STEP_KEY_PAIR);

  /* The key pair exists but its private key is gone: the wizard says so and offers to make it
   * again. */
  wizard_type (wizard_find (w, ADW_TYPE_ENTRY_ROW, "Key pair name"), "lost-key");
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "create-key"));
  dialog = am_ui_test_wait_for_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Private Key Lost");
  g_test_message ("%s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "The key pair “lost-key” was created, but the answer that carried its private key was lost"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "Delete the key pair and create it again"));
  g_assert_cmpuint (count_named (&f, FALSE, "lost-key"), ==, 1);
  g_assert_null (am_launch_request_get_key_name (request));
  wizard_screenshot_window (dialog, "lost-key");

  wizard_click (am_ui_test_get_widget (dialog, GTK_TYPE_BUTTON, "_Delete and Create Again"));
  am_ui_test_wait_window_gone (ADW_TYPE_MESSAGE_DIALOG);
  wizard_wait_idle (w);
  g_assert_cmpstr (am_launch_request_get_key_name (request), ==, "lost-key");
  g_assert_cmpuint (count_named (&f, FALSE, "lost-key"), ==, 1);
  key_dir = g_dir_make_tmp ("wizard-lost-key-XXXXXX", NULL);
  key_path = g_build_filename (key_dir, "lost-key.pem", NULL);
  g_assert_true (am_launch_wizard_save_private_key (w, key_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (key_path, &key_text, NULL, NULL));
  g_assert_true (g_str_has_prefix (key_text, "-----BEGIN"));
  g_assert_cmpint (g_unlink (key_path), ==, 0);
  g_assert_cmpint (g_rmdir (key_dir), ==, 0);
  wizard_next (w, AM_LAUNCH_STEP_NETWORK);

  /* A new group, whose answer is lost: the wizard carries on with the group made. */
  group_name = new_group_to_review (w);
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "launch_button"));
  wizard_wait_idle (w);
  wizard_screenshot (w, "lost-group-launched");
  g_assert_false (gtk_widget_get_visible (wizard_find (w, GTK_TYPE_BUTTON, "retry_button")));
  g_assert_cmpuint (am_launch_wizard_get_launched (w)->len, ==, 1);
  g_assert_cmpuint (count_named (&f, TRUE, group_name), ==, 1);

  instances = wizard_list_instances (&f);
  g_assert_cmpuint (instances->len, ==, 1);
  g_assert_cmpstr (am_instance_get_key_name (g_ptr_array_index (instances, 0)), ==, "lost-key");
  {
    AmSecurityGroup * const *groups = am_instance_get_security_groups (g_ptr_array_index (instances, 0));
    gboolean in_group = FALSE;

    for (guint i = 0; groups[i] != NULL; i++)
      in_group |= g_strcmp0 (am_security_group_get_group_name (groups[i]), group_name) == 0;
    g_assert_true (in_group);
  }

  wizard_fixture_stop (&f);
}

/* The group is made but opening its SSH port fails: Retry opens it in that group instead of
 * making the group again (which EC2 refuses as InvalidGroup.Duplicate, every time). */
static void
test_wizard_group_retry (void)
{
  const char *args[] = { "--faults", "drop-once=AuthorizeSecurityGroupIngress", NULL };
  WizardFixture f = { 0 };
  AmLaunchWizard *w;
  AmQueryClient *query;
  GtkWidget *retry;
  g_autofree char *group_name = NULL;

  wizard_fixture_start (&f, args);
  w = f.wizard;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (wizard_row_widget (w, "image-list", WIZARD_IMAGE_X86)), TRUE);
  am_ui_test_iterate ();
  wizard_next (w, AM_LAUNCH_STEP_INSTANCE_TYPE);
  wizard_next (w, AM_LAUNCH_STEP_KEY_PAIR);
  gtk_switch_set_active (GTK_SWITCH (wizard_find (w, GTK_TYPE_SWITCH, "Launch without a key pair")), TRUE);
  wizard_next (w, AM_LAUNCH_STEP_NETWORK);
  group_name = new_group_to_review (w);

  /* one attempt per call, so the lost answer reaches the wizard */
  query = am_ec2_client_get_query_client (am_session_get_client (f.session));
  am_query_client_set_max_attempts (query, 1);
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "launch_button"));
  wizard_wait_idle (w);
  retry = wizard_find (w, GTK_TYPE_BUTTON, "retry_button");
  g_assert_true (gtk_widget_get_visible (retry));
  g_assert_cmpuint (am_launch_wizard_get_launched (w)->len, ==, 0);
  wizard_screenshot (w, "group-retry-failed");

  wizard_click (retry);
  wizard_wait_idle (w);
  g_assert_false (gtk_widget_get_visible (retry));
  g_assert_cmpuint (am_launch_wizard_get_launched (w)->len, ==, 1);
  am_query_client_set_max_attempts (query, 3);
  g_assert_cmpuint (count_named (&f, TRUE, group_name), ==, 1);

  wizard_fixture_stop (&f);
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/wizard/lost-answers", test_wizard_lost_answers);
  g_test_add_func ("/ui/wizard/group-retry", test_wizard_group_retry);

  return g_test_run ();
}
