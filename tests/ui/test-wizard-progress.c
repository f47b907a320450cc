/* test-wizard-progress.c: the launch wizard's progress page alone over an AmLaunchRequest, without the wizard
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-wizard-progress"

#include "config.h"

#include <string.h>

#include "am-launch-progress-page.h"
#include "am-ui-test.h"
#include "am-ui-test-sandbox.h"
#include "am-test-server.h"
#include "test-launch-fixture.h"

/* Loaded 2-core machines: calls through the sandbox may take a while. */
#define IDLE_TIMEOUT_MS 120000

static gboolean
page_idle (gpointer data)
{
  return !am_launch_page_get_busy (data);
}

static void
wait_idle (AmLaunchProgressPage *page)
{
  if (!am_ui_test_wait_until (page_idle, page, IDLE_TIMEOUT_MS))
    g_error ("The page is still busy after %d s", IDLE_TIMEOUT_MS / 1000);
  am_ui_test_iterate ();
}

/* The first RunInstances is carried out but its answer is lost, and the client sends it only
 * once: the page says which zone failed and offers Retry, which launches it with the same
 * token, so the sandbox ends with exactly the instances asked for. */
static void
test_progress_page (void)
{
  const char *args[] = { "--faults", "drop-once=RunInstances", NULL };
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (args);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  AmEc2Client *client = am_session_get_client (session);
  g_autoptr (AmLaunchRequest) request = NULL;
  g_autoptr (GPtrArray) landed = NULL;
  AmLaunchProgressPage *page;
  GtkWidget *window, *overlay, *summary;
  const char *text;

  am_query_client_set_max_attempts (am_ec2_client_get_query_client (client), 1);
  request = test_launch_request_new (client, "page-progress", 5, "page-progress-group");

  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 600);
  overlay = adw_toast_overlay_new ();
  page = AM_LAUNCH_PROGRESS_PAGE (am_launch_progress_page_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (page));
  adw_window_set_content (ADW_WINDOW (window), overlay);
  am_launch_page_set_request (AM_LAUNCH_PAGE (page), request);
  am_launch_page_set_session (AM_LAUNCH_PAGE (page), session);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (window);
  summary = am_ui_test_get_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "progress-summary");

  am_launch_progress_page_launch (page);
  g_assert_true (am_launch_progress_page_get_launching (page));
  g_assert_true (am_launch_page_get_busy (AM_LAUNCH_PAGE (page)));
  wait_idle (page);

  /* One zone failed (whichever was sent first), the others launched. */
  text = gtk_label_get_text (GTK_LABEL (summary));
  g_test_message ("after the first run: %s", text);
  g_assert_false (am_launch_progress_page_get_launching (page));
  g_assert_true (am_launch_progress_page_get_can_retry (page));
  g_assert_true (g_str_has_prefix (text, "Launched in "));
  g_assert_nonnull (strstr (text, "Failed in "));
  g_assert_cmpuint (am_launch_progress_page_get_launched (page)->len, <, 5);
  g_assert_cmpuint (am_launch_progress_page_get_launched (page)->len, >, 0);
  am_ui_test_screenshot_light_dark (window, "wizard-page-progress-failed", 0);

  am_launch_progress_page_retry (page);
  g_assert_false (am_launch_progress_page_get_can_retry (page));
  wait_idle (page);
  text = gtk_label_get_text (GTK_LABEL (summary));
  g_test_message ("after Retry: %s", text);
  g_assert_false (am_launch_progress_page_get_launching (page));
  g_assert_false (am_launch_progress_page_get_can_retry (page));
  g_assert_cmpstr (text, ==, "5 instances launched in us-east-1a, us-east-1b, us-east-1c.");
  g_assert_cmpuint (am_launch_progress_page_get_launched (page)->len, ==, 5);
  am_ui_test_screenshot_light_dark (window, "wizard-page-progress-retried", 0);

  /* The lost answer's instances were the ones Retry got back: nothing was launched twice. */
  {
    g_autoptr (GPtrArray) filters = test_filters_of ("tag:Name", "page-progress");
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (GError) error = NULL;

    am_ec2_client_describe_instances_async (client, NULL, filters, NULL, am_test_result_cb, &result);
    am_test_wait_result (&result);
    landed = am_ec2_client_describe_instances_finish (client, result, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (landed->len, ==, 5);

  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/wizard/progress-page", test_progress_page);

  return g_test_run ();
}
