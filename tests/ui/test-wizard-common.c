/* test-wizard-common.c: helpers the launch wizard's UI tests share
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-wizard"

#include "config.h"

#include <string.h>

#include "test-wizard-common.h"

/* Loaded 2-core machines: calls through the sandbox may take a while. */
#define IDLE_TIMEOUT_MS 60000

void
wizard_fixture_start (WizardFixture      *fixture,
                      const char * const *sandbox_args)
{
  fixture->sandbox = am_ui_test_sandbox_start (sandbox_args);
  fixture->session = am_ui_test_sandbox_session (fixture->sandbox, "alice");
  wizard_fixture_show (fixture, am_launch_wizard_new (fixture->session, NULL));
}

void
wizard_fixture_show (WizardFixture  *fixture,
                     AmLaunchWizard *wizard)
{
  fixture->wizard = g_object_ref_sink (wizard);
  gtk_window_set_default_size (GTK_WINDOW (fixture->wizard), 1000, 760);
  gtk_window_present (GTK_WINDOW (fixture->wizard));
  am_ui_test_wait_mapped (GTK_WIDGET (fixture->wizard));
  wizard_wait_idle (fixture->wizard);
}

void
wizard_skip_key_choose_subnets (AmLaunchWizard     *wizard,
                                const char * const *zones)
{
  g_assert_cmpint (am_launch_wizard_get_step (wizard), ==, AM_LAUNCH_STEP_KEY_PAIR);
  gtk_switch_set_active (GTK_SWITCH (wizard_find (wizard, GTK_TYPE_SWITCH, "Launch without a key pair")), TRUE);
  wizard_next (wizard, AM_LAUNCH_STEP_NETWORK);
  for (guint i = 0; zones[i] != NULL; i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (wizard_row_widget (wizard, "subnet-list", zones[i])), TRUE);
  am_ui_test_iterate ();
  g_assert_cmpuint (am_launch_request_get_subnets (am_launch_wizard_get_request (wizard))->len, ==,
                    g_strv_length ((char **) zones));
}

void
wizard_fixture_stop (WizardFixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->wizard));
  am_ui_test_iterate ();
  g_clear_object (&fixture->wizard);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->sandbox);
}

static gboolean
wizard_idle (gpointer data)
{
  return !am_launch_wizard_get_busy (data);
}

void
wizard_wait_idle (AmLaunchWizard *wizard)
{
  if (!am_ui_test_wait_until (wizard_idle, wizard, IDLE_TIMEOUT_MS))
    g_error ("The wizard is still busy after %d s", IDLE_TIMEOUT_MS / 1000);
  am_ui_test_iterate ();
}

GtkWidget *
wizard_find (AmLaunchWizard *wizard,
             GType           type,
             const char     *name)
{
  return am_ui_test_get_widget (GTK_WIDGET (wizard), type, name);
}

GtkWidget *
wizard_row_widget (AmLaunchWizard *wizard,
                   const char     *list_name,
                   const char     *title)
{
  GtkWidget *list = wizard_find (wizard, GTK_TYPE_LIST_BOX, list_name);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row)
        && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      {
        GtkWidget *widget = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

        g_assert_nonnull (widget);
        return widget;
      }
  g_error ("No row “%s” in %s", title, list_name);
  return NULL;
}

void
wizard_click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  am_ui_test_iterate ();
}

void
wizard_next (AmLaunchWizard *wizard,
             AmLaunchStep    expected)
{
  am_ui_test_iterate ();
  wizard_click (wizard_find (wizard, GTK_TYPE_BUTTON, "next_button"));
  g_assert_cmpint (am_launch_wizard_get_step (wizard), ==, expected);
  wizard_wait_idle (wizard);
}

void
wizard_expect_blocked (AmLaunchWizard *wizard,
                       AmLaunchField   field,
                       const char     *needle)
{
  g_autofree char *name = g_strdup_printf ("field-error-%d", (int) field);
  GtkWidget *next = wizard_find (wizard, GTK_TYPE_BUTTON, "next_button");
  GtkWidget *label = wizard_find (wizard, GTK_TYPE_LABEL, name);
  const char *text;

  am_ui_test_iterate ();
  g_assert_false (gtk_widget_is_sensitive (next));
  g_assert_true (gtk_widget_get_visible (label));
  text = gtk_label_get_text (GTK_LABEL (label));
  g_test_message ("blocked: %s", text);
  if (strstr (text, needle) == NULL)
    g_error ("The message at the field, “%s”, does not contain “%s”", text, needle);
  /* The status next to the buttons says the same. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (wizard_find (wizard, GTK_TYPE_LABEL, "status_label"))), !=, "");
}

void
wizard_expect_quiet (AmLaunchWizard *wizard,
                     AmLaunchField   field)
{
  g_autofree char *name = g_strdup_printf ("field-error-%d", (int) field);
  GtkWidget *status = wizard_find (wizard, GTK_TYPE_LABEL, "status_label");

  am_ui_test_iterate ();
  g_assert_false (gtk_widget_is_sensitive (wizard_find (wizard, GTK_TYPE_BUTTON, "next_button")));
  g_assert_false (gtk_widget_get_visible (wizard_find (wizard, GTK_TYPE_LABEL, name)));
  /* What Next waits for is said, but not in red. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), !=, "");
  g_assert_false (gtk_widget_has_css_class (status, "error"));
}

void
wizard_expect_open (AmLaunchWizard *wizard)
{
  am_ui_test_iterate ();
  g_assert_true (gtk_widget_is_sensitive (wizard_find (wizard, GTK_TYPE_BUTTON, "next_button")));
}

static gboolean
stack_settled (gpointer data)
{
  return !gtk_stack_get_transition_running (data);
}

void
wizard_screenshot (AmLaunchWizard *wizard,
                   const char     *name)
{
  wizard_screenshot_window (GTK_WIDGET (wizard), name);
}

void
wizard_screenshot_window (GtkWidget  *window,
                          const char *name)
{
  g_autofree char *file_name = g_strconcat ("wizard-", name, NULL);

  if (g_getenv ("AMIABLE_SCREENSHOT_DIR") == NULL)
    return;
  /* Pages cross-fade: wait for the new one to be the only one drawn. */
  if (AM_IS_LAUNCH_WIZARD (window))
    am_ui_test_wait_until (stack_settled, wizard_find (AM_LAUNCH_WIZARD (window), GTK_TYPE_STACK, "stack"), 5000);
  g_assert_true (am_ui_test_screenshot_light_dark (window, file_name, 0));
}

GPtrArray *
wizard_list_instances (WizardFixture *fixture)
{
  AmEc2Client *client = am_session_get_client (fixture->session);
  g_autoptr (GError) error = NULL;
  AmUiTestWait wait = { NULL };
  GPtrArray *instances;

  am_ec2_client_describe_instances_async (client, NULL, NULL, NULL, am_ui_test_wait_cb, &wait);
  am_ui_test_wait_for_result (&wait, IDLE_TIMEOUT_MS);
  instances = am_ec2_client_describe_instances_finish (client, wait.result, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  return instances;
}

void
wizard_type (GtkWidget  *editable,
             const char *text)
{
  g_assert_true (GTK_IS_EDITABLE (editable));
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  am_ui_test_iterate ();
}

AmImage *
wizard_lookup_image (AmSession  *session,
                     const char *name)
{
  AmEc2Client *client = am_session_get_client (session);
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GPtrArray) images = NULL;
  g_autoptr (GError) error = NULL;
  AmUiTestWait wait = { NULL };

  am_describe_images_query_add_filter (query, am_ec2_filter_new ("name", name, NULL));
  query->include_deprecated = TRUE;
  am_ec2_client_describe_images_async (client, query, NULL, am_ui_test_wait_cb, &wait);
  am_ui_test_wait_for_result (&wait, 60000);
  images = am_ec2_client_describe_images_finish (client, wait.result, NULL, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, 1);
  return g_object_ref (g_ptr_array_index (images, 0));
}
