/* test-dialogs-results.c: what the deprecation, copy and deregister dialogs say about their state and results
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-dialogs-results"

#include "config.h"

#include <string.h>

#include "am-action-dialog.h"
#include "am-copy-image-dialog.h"
#include "am-deprecation-dialog.h"
#include "am-deregister-dialog.h"
#include "test-dialogs-common.h"

#define WEB_SERVER "alice-web-server-2026-01-15"
#define BUILD_RUNNER "alice-build-runner-arm64-2026-02-03"

static gboolean
have_result (gpointer data)
{
  return ((AmUiTestWait *) data)->result != NULL;
}

/* Runs the main loop for @ms (slides and transitions). */
static void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  am_ui_test_iterate ();
}

/* How many labels below @root are on screen and contain @text. */
static guint
count_drawn_labels (GtkWidget  *root,
                    const char *text)
{
  guint n = 0;

  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root)
      && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_drawn_labels (child, text);
  return n;
}

static const char *
state_subtitle (GtkWidget *dialog)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (am_ui_test_get_widget (dialog, ADW_TYPE_ACTION_ROW,
                                                                             "state_row")));
}

static const char *
spin_text (GtkWidget  *dialog,
           const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (am_ui_test_get_widget (dialog, GTK_TYPE_SPIN_BUTTON, name)));
}

/* The subtitle follows the switch and the time (what Save sends); hours and minutes show two digits. */
static void
test_deprecation_state (DlgFixture    *fixture,
                        gconstpointer  data)
{
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, WEB_SERVER);
  g_autoptr (GPtrArray) images = dlg_one_image (image);
  g_autoptr (AmImage) after = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) month = g_date_time_add_days (now, 30);
  g_autoptr (GDateTime) when = NULL;
  g_autofree char *when_text = NULL;
  GtkWidget *dialog;
  GtkSwitch *toggle;
  DlgRun run;

  when = g_date_time_new_utc (g_date_time_get_year (month), g_date_time_get_month (month),
                              g_date_time_get_day_of_month (month), 3, 6, 0);
  when_text = g_date_time_format (when, "%Y, 03:06 UTC");

  dialog = dlg_run_action (fixture, fixture->alice, "deprecation", images, AM_TYPE_DEPRECATION_DIALOG, &run);
  toggle = GTK_SWITCH (am_ui_test_get_widget (dialog, GTK_TYPE_SWITCH, "deprecate_switch"));
  g_assert_false (gtk_switch_get_active (toggle));
  g_assert_cmpstr (state_subtitle (dialog), ==, "Not deprecated");
  /* A year ahead at midnight, as a clock shows it. */
  g_assert_cmpstr (spin_text (dialog, "hour_spin"), ==, "00");
  g_assert_cmpstr (spin_text (dialog, "minute_spin"), ==, "00");

  /* On: the subtitle no longer says "Not deprecated" but when it will be. */
  gtk_switch_set_active (toggle, TRUE);
  am_ui_test_iterate ();
  g_test_message ("switch on: %s", state_subtitle (dialog));
  g_assert_true (g_str_has_prefix (state_subtitle (dialog), "Scheduled for "));
  g_assert_nonnull (strstr (state_subtitle (dialog), "00:00 UTC"));

  am_deprecation_dialog_set_time (AM_DEPRECATION_DIALOG (dialog), when);
  am_ui_test_iterate ();
  g_assert_cmpstr (spin_text (dialog, "hour_spin"), ==, "03");
  g_assert_cmpstr (spin_text (dialog, "minute_spin"), ==, "06");
  g_assert_true (g_str_has_prefix (state_subtitle (dialog), "Scheduled for "));
  g_assert_nonnull (strstr (state_subtitle (dialog), when_text));
  g_assert_true (dlg_can_apply (dialog));
  dlg_screenshot (dialog, "results-deprecation-on");

  /* Off again before saving: back to what the image is. */
  gtk_switch_set_active (toggle, FALSE);
  am_ui_test_iterate ();
  g_assert_cmpstr (state_subtitle (dialog), ==, "Not deprecated");
  g_assert_false (dlg_can_apply (dialog));
  gtk_switch_set_active (toggle, TRUE);
  am_ui_test_iterate ();

  dlg_click (dlg_apply_button (dialog));
  dlg_wait_run (&run);
  g_assert_no_error (run.error);
  g_assert_true (run.applied);
  dlg_run_clear (&run);
  after = dlg_describe_image (am_session_get_client (fixture->alice), am_image_get_image_id (image));
  g_assert_cmpint (am_image_get_deprecation_unix (after), ==, g_date_time_to_unix (when));

  /* Opened again: on, at that time, nothing to save yet. */
  g_ptr_array_unref (images);
  images = dlg_one_image (after);
  dialog = dlg_run_action (fixture, fixture->alice, "deprecation", images, AM_TYPE_DEPRECATION_DIALOG, &run);
  toggle = GTK_SWITCH (am_ui_test_get_widget (dialog, GTK_TYPE_SWITCH, "deprecate_switch"));
  g_assert_true (gtk_switch_get_active (toggle));
  g_assert_true (g_str_has_prefix (state_subtitle (dialog), "Scheduled for "));
  g_assert_nonnull (strstr (state_subtitle (dialog), when_text));
  g_assert_cmpstr (spin_text (dialog, "hour_spin"), ==, "03");
  g_assert_cmpstr (spin_text (dialog, "minute_spin"), ==, "06");
  g_assert_false (dlg_can_apply (dialog));

  /* Off: what Save then does, and what it undoes. */
  gtk_switch_set_active (toggle, FALSE);
  am_ui_test_iterate ();
  g_test_message ("switch off: %s", state_subtitle (dialog));
  g_assert_true (g_str_has_prefix (state_subtitle (dialog), "Not deprecated"));
  g_assert_nonnull (strstr (state_subtitle (dialog), when_text));
  g_assert_true (dlg_can_apply (dialog));
  dlg_screenshot (dialog, "results-deprecation-off");
  gtk_window_close (GTK_WINDOW (dialog));
  dlg_wait_run (&run);
  g_assert_false (run.applied);
  dlg_run_clear (&run);
}

/* EC2 refuses a duplicate name: the dialog says so once, at the Name field, not also in a banner. */
static void
test_copy_duplicate_once (DlgFixture    *fixture,
                          gconstpointer  data)
{
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, WEB_SERVER);
  g_autoptr (GPtrArray) images = dlg_one_image (image);
  g_autoptr (AmEc2Client) west = NULL;
  g_autoptr (AmCopyImageRequest) request = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *existing = NULL;
  AmUiTestWait call = { NULL };
  GtkWidget *dialog;
  GtkWidget *name;
  GtkWidget *field_error;
  DlgRun run;

  west = am_ec2_client_new_for_region (am_session_get_client (fixture->alice), "us-west-2", &error);
  g_assert_no_error (error);
  request = am_copy_image_request_new (am_image_get_image_id (image), "us-east-1", "web-west");
  am_ec2_client_copy_image_async (west, request, FALSE, NULL, am_ui_test_wait_cb, &call);
  dlg_wait (have_result, &call);
  g_assert_true (am_ec2_client_copy_image_finish (west, call.result, &existing, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&call.result);

  dialog = dlg_run_action (fixture, fixture->alice, "copy", images, AM_TYPE_COPY_IMAGE_DIALOG, &run);
  g_assert_true (am_copy_image_dialog_select_region (AM_COPY_IMAGE_DIALOG (dialog), "us-west-2"));
  name = am_ui_test_get_widget (dialog, ADW_TYPE_ENTRY_ROW, "name_row");
  dlg_type (name, "web-west");
  dlg_click (dlg_apply_button (dialog));
  dlg_wait (dlg_not_busy, dialog);
  /* Long enough for the banner's slide, had it been revealed. */
  settle (400);

  g_assert_false (run.done);
  field_error = am_ui_test_get_widget (dialog, GTK_TYPE_LABEL, "field_error");
  g_assert_true (gtk_widget_is_drawable (field_error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (field_error)), "already exists in us-west-2"));
  g_assert_true (gtk_widget_has_css_class (name, "error"));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (am_ui_test_get_widget (dialog, GTK_TYPE_REVEALER,
                                                                                     "error_revealer"))));
  g_assert_false (gtk_widget_is_drawable (am_ui_test_get_widget (dialog, GTK_TYPE_LABEL, "error_label")));
  g_assert_cmpuint (count_drawn_labels (dialog, "already exists"), ==, 1);
  g_assert_cmpuint (count_drawn_labels (dialog, "Duplicate"), ==, 0);
  /* The focus is on the field to fix. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), name)
                 || gtk_root_get_focus (GTK_ROOT (dialog)) == name);
  dlg_screenshot (dialog, "results-copy-duplicate");

  /* Another name clears the message; the copy then goes through. */
  dlg_type (name, "web-west-2");
  g_assert_cmpuint (count_drawn_labels (dialog, "already exists"), ==, 0);
  g_assert_false (gtk_widget_has_css_class (name, "error"));
  dlg_click (dlg_apply_button (dialog));
  dlg_wait_run (&run);
  g_assert_no_error (run.error);
  g_assert_true (run.applied);
  dlg_run_clear (&run);
}

static void
disable_protection (DlgFixture *fixture,
                    const char *image_id)
{
  AmEc2Client *client = am_session_get_client (fixture->alice);
  g_autoptr (GError) error = NULL;
  AmUiTestWait call = { NULL };

  am_ec2_client_disable_deregistration_protection_async (client, image_id, FALSE, NULL,
                                                         am_ui_test_wait_cb, &call);
  dlg_wait (have_result, &call);
  g_assert_true (am_ec2_client_disable_deregistration_protection_finish (client, call.result, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&call.result);
}

static char **
snapshot_ids_of (AmImage *image)
{
  AmBlockDeviceMapping * const *mappings = am_image_get_block_device_mappings (image);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; mappings[i] != NULL; i++)
    if (am_block_device_mapping_get_snapshot_id (mappings[i]) != NULL)
      g_strv_builder_add (builder, am_block_device_mapping_get_snapshot_id (mappings[i]));
  return g_strv_builder_end (builder);
}

/* One of two deregistered: the dialog says which went and which did not, without the question's
 * snapshot option; Retry keeps the snapshot choice. */
static void
test_deregister_partial (DlgFixture    *fixture,
                         gconstpointer  data)
{
  AmEc2Client *client = am_session_get_client (fixture->alice);
  g_autoptr (GPtrArray) images = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (AmImage) web_after = NULL;
  g_auto (GStrv) runner_snapshots = NULL;
  const char *web_id;
  const char *runner_id;
  const char *body;
  GtkWidget *dialog;
  GtkWidget *check;
  DlgRun run;

  g_ptr_array_add (images, dlg_owned_image_named (fixture->alice, WEB_SERVER));
  g_ptr_array_add (images, dlg_owned_image_named (fixture->alice, BUILD_RUNNER));
  web_id = am_image_get_image_id (g_ptr_array_index (images, 0));
  runner_id = am_image_get_image_id (g_ptr_array_index (images, 1));
  runner_snapshots = snapshot_ids_of (g_ptr_array_index (images, 1));
  g_assert_cmpuint (g_strv_length (runner_snapshots), >, 0);

  dialog = dlg_run_action (fixture, fixture->alice, "deregister", images, AM_TYPE_DEREGISTER_DIALOG, &run);
  check = am_ui_test_get_widget (dialog, GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_true (gtk_widget_is_drawable (check));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  am_ui_test_wait_response_enabled (dialog, "deregister");
  am_ui_test_message_dialog_press (dialog, "deregister");
  dlg_wait (dlg_deregister_idle, dialog);
  am_ui_test_iterate ();

  /* The result: a count in the heading, which went and which did not in the body, why below. */
  g_assert_true (gtk_widget_get_mapped (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Deregistered 1 of 2 Images");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_test_message ("result body: %s", body);
  {
    g_autofree char *went = g_strdup_printf ("✓ %s deregistered", web_id);
    g_autofree char *stayed = g_strdup_printf ("✗ %s not deregistered", runner_id);

    g_assert_nonnull (strstr (body, went));
    g_assert_nonnull (strstr (body, stayed));
  }
  g_assert_nonnull (strstr (dlg_visible_error (dialog), runner_id));
  g_assert_false (gtk_widget_is_drawable (check));
  g_assert_cmpuint (count_drawn_labels (dialog, "snapshots"), ==, 0);
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "deregister"), ==, "_Retry");
  web_after = dlg_describe_image (client, web_id);
  g_assert_null (web_after);
  dlg_screenshot (dialog, "results-deregister-partial");

  /* Retry once the protection is off: the runner goes too, with its snapshots as first chosen. */
  disable_protection (fixture, runner_id);
  am_ui_test_wait_response_enabled (dialog, "deregister");
  am_ui_test_message_dialog_press (dialog, "deregister");
  dlg_wait_run (&run);
  g_assert_no_error (run.error);
  g_assert_true (run.applied);
  g_assert_null (dlg_describe_image (client, runner_id));
  g_assert_cmpuint (dlg_count_snapshots (client, (const char * const *) runner_snapshots), ==, 0);
  dlg_run_clear (&run);
}

/* Refused (another account's image): the heading says nothing went, and the snapshot option gives way to the reason. */
static void
test_deregister_all_refused (DlgFixture    *fixture,
                             gconstpointer  data)
{
  g_autoptr (AmImage) web = dlg_owned_image_named (fixture->alice, WEB_SERVER);
  g_autoptr (AmImage) shared = dlg_describe_image (am_session_get_client (fixture->bob), am_image_get_image_id (web));
  g_autoptr (GPtrArray) images = dlg_one_image (shared);
  GtkWidget *dialog;
  GtkWidget *check;
  DlgRun run;

  dialog = dlg_run_action (fixture, fixture->bob, "deregister", images, AM_TYPE_DEREGISTER_DIALOG, &run);
  check = am_ui_test_get_widget (dialog, GTK_TYPE_CHECK_BUTTON, NULL);
  am_ui_test_wait_response_enabled (dialog, "deregister");
  am_ui_test_message_dialog_press (dialog, "deregister");
  dlg_wait (dlg_deregister_idle, dialog);
  am_ui_test_iterate ();

  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Could Not Deregister the Image");
  g_assert_false (gtk_widget_is_drawable (check));
  g_assert_nonnull (strstr (dlg_visible_error (dialog), "belongs to account"));
  dlg_screenshot (dialog, "results-deregister-refused");
  gtk_window_close (GTK_WINDOW (dialog));
  dlg_wait_run (&run);
  g_assert_false (run.applied);
  dlg_run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  /* Software GL under Xvfb is slow on a busy machine; these tests look at widgets, not GL. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  am_ui_test_init (&argc, &argv);

  g_test_add ("/ui/dialogs/results/deprecation-state", DlgFixture, NULL,
              dlg_fixture_set_up, test_deprecation_state, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/results/copy-duplicate-once", DlgFixture, NULL,
              dlg_fixture_set_up, test_copy_duplicate_once, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/results/deregister-partial", DlgFixture, NULL,
              dlg_fixture_set_up, test_deregister_partial, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/results/deregister-all-refused", DlgFixture, NULL,
              dlg_fixture_set_up, test_deregister_all_refused, dlg_fixture_tear_down);

  return g_test_run ();
}
