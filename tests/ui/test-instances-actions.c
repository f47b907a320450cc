/* test-instances-actions.c: Reboot, Force Stop (confirmed), Start and Copy IP through the Instances view's actions
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-instances-actions"

#include "config.h"

#include <string.h>

#include "test-instances-common.h"

static void
test_actions (InstancesFixture *fixture,
              gconstpointer     data)
{
  g_autofree char *image_id = instances_find_launchable_image (fixture);
  g_autofree char *web = instances_run_instance (fixture, image_id, "amiable-test-actions");
  g_autoptr (AmInstance) running = NULL;
  g_autoptr (AmInstance) stopped = NULL;
  g_autofree char *copied = NULL;
  GtkWidget *dialog;

  am_instances_view_set_session (fixture->view, fixture->session);
  instances_wait_for_state (fixture, web, "running");
  g_assert_true (am_instances_view_select_instance (fixture->view, web));

  /* Copy Public IP puts the instance's public address on the clipboard. */
  running = instances_describe_in (fixture->client, web);
  g_assert_nonnull (am_instance_get_public_ip_address (running));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.copy-public-ip", NULL));
  copied = instances_clipboard_text (GTK_WIDGET (fixture->view));
  g_assert_cmpstr (copied, ==, am_instance_get_public_ip_address (running));
  g_clear_pointer (&copied, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.copy-private-ip", NULL));
  copied = instances_clipboard_text (GTK_WIDGET (fixture->view));
  g_assert_cmpstr (copied, ==, am_instance_get_private_ip_address (running));
  instances_step ("copied the addresses");

  /* Reboot asks nothing and keeps it running. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.reboot", NULL));
  am_ui_test_iterate ();
  g_assert_null (instances_find_message_dialog ());
  instances_wait_for_state (fixture, web, "running");
  instances_step ("rebooted");

  /* Force Stop asks first, naming the instance; Cancel changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.force-stop", NULL));
  g_assert_true (am_ui_test_wait_until (instances_message_dialog_shown, NULL, INSTANCES_CALL_TIMEOUT_MS));
  dialog = instances_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Force Instance to Stop?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "clean shutdown"));
  instances_screenshot (dialog, "actions-force-stop");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (am_ui_test_wait_until (instances_message_dialog_gone, NULL, INSTANCES_CALL_TIMEOUT_MS));
  am_ui_test_iterate ();
  g_clear_object (&running);
  running = instances_describe_in (fixture->client, web);
  g_assert_cmpstr (am_instance_get_state_name (running), ==, "running");

  /* …and Force Stop stops it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.force-stop", NULL));
  g_assert_true (am_ui_test_wait_until (instances_message_dialog_shown, NULL, INSTANCES_CALL_TIMEOUT_MS));
  dialog = instances_find_message_dialog ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
  gtk_window_destroy (GTK_WINDOW (dialog));
  instances_wait_for_state (fixture, web, "stopped");
  stopped = instances_describe_in (fixture->client, web);
  g_assert_cmpstr (am_instance_get_state_name (stopped), ==, "stopped");
  instances_step ("force-stopped");

  /* Start brings it back. */
  g_assert_true (am_instances_view_select_instance (fixture->view, web));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.start", NULL));
  instances_wait_for_state (fixture, web, "running");
  instances_screenshot (fixture->window, "actions-started");
  instances_step ("started");
}

int
main (int   argc,
      char *argv[])
{
  static const InstancesFixtureOptions options = { "500", TRUE };

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  am_ui_test_init (&argc, &argv);

  g_test_add ("/ui/instances/actions", InstancesFixture, &options,
              instances_fixture_set_up, test_actions, instances_fixture_tear_down);

  return g_test_run ();
}
