/* test-wizard-faults.c: a launch through a sandbox that throttles and fails calls still ends with exactly six instances
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-wizard-faults"

#include "config.h"

#include "test-wizard-common.h"

static const char *zones[] = { "us-east-1a", "us-east-1b", "us-east-1c" };

static void
test_wizard_faults (void)
{
  /* The sandbox refuses 30 % of calls with a 5xx and 30 % with throttling (before acting on
   * them); test-wizard-launch re-sends a launch to show the tokens keep it single. */
  const char *args[] = { "--faults", "error5xx=0.3,throttle=0.3", NULL };
  WizardFixture f = { 0 };
  AmQueryClient *query;
  g_autoptr (AmDescribeImagesQuery) image_query = am_describe_images_query_new ();
  g_autoptr (GPtrArray) images = NULL;
  g_autoptr (GPtrArray) instances = NULL;
  g_autoptr (GHashTable) per_zone = g_hash_table_new (g_str_hash, g_str_equal);
  AmLaunchWizard *w;
  AmLaunchRequest *request;
  GtkWidget *retry;
  guint retries = 0;
  g_autoptr (GError) error = NULL;
  AmUiTestWait wait = { NULL };
  AmEc2Client *ec2;

  f.sandbox = am_ui_test_sandbox_start (args);
  f.session = am_ui_test_sandbox_session (f.sandbox, "alice");
  ec2 = am_session_get_client (f.session);
  query = am_ec2_client_get_query_client (ec2);
  /* Lookups retry long enough to get through; the launch itself gets one attempt below, so
   * failures reach the wizard and its Retry. */
  am_query_client_set_max_attempts (query, 15);
  am_query_client_set_backoff_base_ms (query, 20);

  am_describe_images_query_add_filter (image_query, am_ec2_filter_new ("name", WIZARD_IMAGE_X86, NULL));
  am_ec2_client_describe_images_async (ec2, image_query, NULL, am_ui_test_wait_cb, &wait);
  am_ui_test_wait_for_result (&wait, 60000);
  images = am_ec2_client_describe_images_finish (ec2, wait.result, NULL, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, 1);

  /* The image handed over, as from the Images view: the wizard opens on the type page. */
  f.wizard = g_object_ref_sink (am_launch_wizard_new (f.session, g_ptr_array_index (images, 0)));
  w = f.wizard;
  request = am_launch_wizard_get_request (w);
  gtk_window_present (GTK_WINDOW (w));
  am_ui_test_wait_mapped (GTK_WIDGET (w));
  wizard_wait_idle (w);
  g_assert_cmpint (am_launch_wizard_get_step (w), ==, AM_LAUNCH_STEP_INSTANCE_TYPE);
  g_assert_true (am_launch_wizard_is_step_complete (w, AM_LAUNCH_STEP_IMAGE));
  g_assert_cmpstr (am_instance_type_get_instance_type (am_launch_request_get_instance_type (request)), ==, "t3.micro");
  wizard_next (w, AM_LAUNCH_STEP_KEY_PAIR);

  /* No key pair, after the warning. */
  wizard_expect_quiet (w, AM_LAUNCH_FIELD_KEY_PAIR);
  gtk_switch_set_active (GTK_SWITCH (wizard_find (w, GTK_TYPE_SWITCH, "Launch without a key pair")), TRUE);
  wizard_expect_open (w);
  g_assert_null (am_launch_request_get_key_name (request));
  wizard_next (w, AM_LAUNCH_STEP_NETWORK);

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (wizard_row_widget (w, "subnet-list", zones[i])), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (wizard_find (w, GTK_TYPE_SPIN_BUTTON, "Number of instances")), 6);
  wizard_next (w, AM_LAUNCH_STEP_STORAGE);
  wizard_next (w, AM_LAUNCH_STEP_DETAILS);
  wizard_type (wizard_find (w, ADW_TYPE_ENTRY_ROW, "Name"), "faulty");
  wizard_next (w, AM_LAUNCH_STEP_REVIEW);
  g_assert_true (gtk_widget_is_sensitive (wizard_find (w, GTK_TYPE_BUTTON, "launch_button")));

  am_query_client_set_max_attempts (query, 1);
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "launch_button"));
  wizard_wait_idle (w);
  retry = wizard_find (w, GTK_TYPE_BUTTON, "retry_button");
  while (gtk_widget_get_visible (retry))
    {
      g_test_message ("partial launch: %s",
                      gtk_label_get_text (GTK_LABEL (wizard_find (w, GTK_TYPE_LABEL, "progress-summary"))));
      if (retries == 0)
        wizard_screenshot (w, "9-partial-failure");
      g_assert_cmpuint (++retries, <, 40);
      wizard_click (retry);
      wizard_wait_idle (w);
    }
  g_test_message ("retries needed: %u", retries);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (wizard_find (w, GTK_TYPE_LABEL, "progress-summary"))), ==,
                   "6 instances launched in us-east-1a, us-east-1b, us-east-1c.");

  /* Exactly six: no retry launched twice. */
  am_query_client_set_max_attempts (query, 15);
  instances = wizard_list_instances (&f);
  g_assert_cmpuint (instances->len, ==, 6);
  for (guint i = 0; i < instances->len; i++)
    {
      const char *zone = am_instance_get_availability_zone (g_ptr_array_index (instances, i));

      g_hash_table_insert (per_zone, (gpointer) zone,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_zone, zone)) + 1));
    }
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (per_zone, zones[i])), ==, 2);
  g_assert_cmpuint (am_launch_wizard_get_launched (w)->len, ==, 6);

  wizard_fixture_stop (&f);
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/wizard/faults", test_wizard_faults);

  return g_test_run ();
}
