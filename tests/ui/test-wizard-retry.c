/* test-wizard-retry.c: failed lookups show an error with Retry on their page, and Retry loads them
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-wizard-retry"

#include "config.h"

#include <string.h>

#include "test-wizard-common.h"

static gboolean
list_filled (gpointer data)
{
  return gtk_widget_get_first_child (data) != NULL;
}

/* The error box of @name shows with a message, then Retry hides it and loads the list. */
static void
expect_retry (AmLaunchWizard *w,
              const char     *name,
              const char     *needle)
{
  GtkWidget *label = wizard_find (w, GTK_TYPE_LABEL, name);
  GtkWidget *button = wizard_find (w, GTK_TYPE_BUTTON, name);
  const char *text;

  am_ui_test_iterate ();
  g_assert_true (gtk_widget_is_visible (label));
  text = gtk_label_get_text (GTK_LABEL (label));
  g_test_message ("%s: %s", name, text);
  if (strstr (text, needle) == NULL)
    g_error ("“%s” does not contain “%s”", text, needle);
  wizard_click (button);
  wizard_wait_idle (w);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (label)));
}

static void
test_wizard_retry (void)
{
  /* Every answer takes 400 ms and the client gives up after 150 ms without retrying, so
   * every lookup of the new wizard fails; with a normal timeout Retry succeeds. */
  const char *args[] = { "--faults", "latency=400ms", NULL };
  WizardFixture f = { 0 };
  AmQueryClient *query;
  AmLaunchWizard *w;

  f.sandbox = am_ui_test_sandbox_start (args);
  f.session = am_ui_test_sandbox_session (f.sandbox, "alice");
  query = am_ec2_client_get_query_client (am_session_get_client (f.session));
  am_query_client_set_max_attempts (query, 1);
  am_query_client_set_timeout_ms (query, 150);

  f.wizard = g_object_ref_sink (am_launch_wizard_new (f.session, NULL));
  w = f.wizard;
  gtk_window_set_default_size (GTK_WINDOW (w), 1000, 760);
  gtk_window_present (GTK_WINDOW (w));
  am_ui_test_wait_mapped (GTK_WIDGET (w));
  wizard_wait_idle (w);

  /* Image page: the error and its Retry at the top of the page. */
  g_assert_true (gtk_widget_is_visible (wizard_find (w, GTK_TYPE_BUTTON, "retry-images")));
  wizard_screenshot (w, "retry-images");
  am_query_client_set_timeout_ms (query, 60000);
  expect_retry (w, "retry-images", "Could not list images");
  g_assert_true (am_ui_test_wait_until (list_filled, wizard_find (w, GTK_TYPE_LIST_BOX, "image-list"), 60000));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (wizard_row_widget (w, "image-list", WIZARD_IMAGE_X86)), TRUE);
  wizard_next (w, AM_LAUNCH_STEP_INSTANCE_TYPE);

  /* Instance types failed at start too: Retry lists them and picks the default. */
  g_assert_null (am_launch_request_get_instance_type (am_launch_wizard_get_request (w)));
  wizard_screenshot (w, "retry-types");
  expect_retry (w, "retry-types", "Could not list instance types");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (wizard_row_widget (w, "type-list", "t3.micro"))));
  wizard_next (w, AM_LAUNCH_STEP_KEY_PAIR);

  expect_retry (w, "retry-keys", "Could not list key pairs");
  gtk_switch_set_active (GTK_SWITCH (wizard_find (w, GTK_TYPE_SWITCH, "Launch without a key pair")), TRUE);
  wizard_next (w, AM_LAUNCH_STEP_NETWORK);

  /* Network: VPCs, subnets and groups all failed; one Retry loads what is missing. */
  g_assert_null (am_launch_request_get_vpc (am_launch_wizard_get_request (w)));
  expect_retry (w, "retry-network", "Could not list");
  g_assert_nonnull (am_launch_request_get_vpc (am_launch_wizard_get_request (w)));
  g_assert_cmpuint (am_launch_request_get_subnets (am_launch_wizard_get_request (w))->len, ==, 1);
  wizard_next (w, AM_LAUNCH_STEP_STORAGE);

  wizard_fixture_stop (&f);
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/wizard/retry", test_wizard_retry);

  return g_test_run ();
}
