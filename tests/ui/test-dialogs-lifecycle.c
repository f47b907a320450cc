/* test-dialogs-lifecycle.c: description, deprecation, protection, deregister and copy dialogs on a real sandbox
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-dialogs-lifecycle"

#include "config.h"

#include <string.h>

#include "am-action-dialog.h"
#include "am-copy-image-dialog.h"
#include "am-deprecation-dialog.h"
#include "am-deregister-dialog.h"
#include "am-description-dialog.h"
#include "am-protection-dialog.h"
#include "test-dialogs-common.h"

#define WEB_SERVER "alice-web-server-2026-01-15"
#define BUILD_RUNNER "alice-build-runner-arm64-2026-02-03"

static AmImage *
reread (DlgFixture *fixture,
        AmImage    *image)
{
  return dlg_describe_image (am_session_get_client (fixture->alice), am_image_get_image_id (image));
}

static gboolean
protection_off (gpointer data)
{
  gpointer *args = data;
  g_autoptr (AmImage) now = reread (args[0], args[1]);

  return g_strcmp0 (am_image_get_deregistration_protection (now), "disabled") == 0;
}

static gboolean
protection_on (gpointer data)
{
  return !protection_off (data);
}

static gboolean
not_deprecated (gpointer data)
{
  gpointer *args = data;
  g_autoptr (AmImage) now = reread (args[0], args[1]);

  return am_image_get_deprecation_unix (now) == G_MAXINT64;
}

static gboolean
not_deprecated_negated (gpointer data)
{
  return !not_deprecated (data);
}

static void
test_description (DlgFixture    *fixture,
                  gconstpointer  data)
{
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, WEB_SERVER);
  g_autoptr (GPtrArray) images = dlg_one_image (image);
  g_autoptr (AmImage) after = NULL;
  g_autofree char *too_long = g_strnfill (256, 'd');
  g_autoptr (AdwToast) toast = NULL;
  GtkWidget *dialog;
  GtkWidget *row;
  DlgRun run;

  dialog = dlg_run_action (fixture, fixture->alice, "description", images, AM_TYPE_DESCRIPTION_DIALOG, &run);
  row = am_ui_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "description_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, am_image_get_description (image));
  g_assert_false (dlg_can_apply (dialog));

  dlg_type (row, too_long);
  g_assert_false (dlg_can_apply (dialog));
  g_assert_nonnull (strstr (dlg_visible_error (dialog), "255"));
  dlg_screenshot (dialog, "description-invalid");

  dlg_type (row, "Web server: nginx 1.26 on Amazon Linux 2023");
  g_assert_true (dlg_can_apply (dialog));
  g_assert_null (dlg_visible_error (dialog));
  dlg_screenshot (dialog, "description");
  dlg_grab_toast (dialog, &toast);
  /* Clicked without running the main loop, so the answer cannot arrive before the checks. */
  g_signal_emit_by_name (dlg_apply_button (dialog), "clicked");
  /* While the call runs: a spinner, and neither Apply nor the form can be used. */
  g_assert_true (am_action_dialog_get_busy (AM_ACTION_DIALOG (dialog)));
  g_assert_false (dlg_can_apply (dialog));
  g_assert_true (gtk_widget_get_visible (am_ui_test_find_widget (dialog, GTK_TYPE_SPINNER, "spinner")));
  g_assert_false (gtk_widget_is_sensitive (row));
  dlg_wait_run (&run);
  g_assert_no_error (run.error);
  g_assert_true (run.applied);

  after = reread (fixture, image);
  g_assert_cmpstr (am_image_get_description (after), ==, "Web server: nginx 1.26 on Amazon Linux 2023");

  /* Undo puts the old description back. */
  dlg_undo (toast);
  {
    gpointer args[] = { fixture, image };

    dlg_wait (dlg_description_restored, args);
  }
  dlg_run_clear (&run);
}

static void
test_inline_error (DlgFixture    *fixture,
                   gconstpointer  data)
{
  AmEc2Client *client = am_session_get_client (fixture->alice);
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, WEB_SERVER);
  g_autoptr (GPtrArray) images = dlg_one_image (image);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog;
  GtkWidget *row;
  GtkWidget *error_label;
  DlgRun run;

  dialog = dlg_run_action (fixture, fixture->alice, "description", images, AM_TYPE_DESCRIPTION_DIALOG, &run);
  row = am_ui_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "description_row");
  dlg_type (row, "Gone meanwhile");

  /* Someone deregisters the image while the dialog is open. */
  am_ec2_client_deregister_image_async (client, am_image_get_image_id (image), FALSE, FALSE, NULL,
                                        dlg_store_result_cb, &result);
  dlg_wait (dlg_have_result, &result);
  g_assert_true (am_ec2_client_deregister_image_finish (client, result, NULL, &error));

  dlg_click (dlg_apply_button (dialog));
  dlg_wait (dlg_not_busy, dialog);
  am_ui_test_iterate ();
  /* The dialog stays, says what failed and what to do, and the user may retry or cancel. */
  g_assert_false (run.done);
  error_label = am_ui_test_find_widget (dialog, GTK_TYPE_LABEL, "error_label");
  /* It slides in. */
  dlg_wait (dlg_widget_drawable, error_label);
  g_test_message ("inline error: %s", gtk_label_get_text (GTK_LABEL (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), am_image_get_image_id (image)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "refresh the list"));
  g_assert_true (dlg_can_apply (dialog));
  g_assert_true (gtk_widget_is_sensitive (row));
  dlg_screenshot (dialog, "description-error");
  gtk_window_close (GTK_WINDOW (dialog));
  dlg_wait_run (&run);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  dlg_run_clear (&run);
}

static void
test_deprecation (DlgFixture    *fixture,
                  gconstpointer  data)
{
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, WEB_SERVER);
  g_autoptr (GPtrArray) images = dlg_one_image (image);
  g_autoptr (AmImage) after = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) past = g_date_time_add_days (now, -2);
  g_autoptr (GDateTime) far = g_date_time_add_years (now, 11);
  g_autoptr (GDateTime) when = NULL;
  g_autoptr (GDateTime) month = g_date_time_add_days (now, 30);
  g_autoptr (AdwToast) toast = NULL;
  GtkWidget *dialog;
  DlgRun run;

  g_assert_cmpint (am_image_get_deprecation_unix (image), ==, G_MAXINT64);
  when = g_date_time_new_utc (g_date_time_get_year (month), g_date_time_get_month (month),
                              g_date_time_get_day_of_month (month), 14, 30, 0);

  dialog = dlg_run_action (fixture, fixture->alice, "deprecation", images, AM_TYPE_DEPRECATION_DIALOG, &run);
  g_assert_false (dlg_can_apply (dialog));
  gtk_switch_set_active (GTK_SWITCH (am_ui_test_find_widget (dialog, GTK_TYPE_SWITCH, "deprecate_switch")), TRUE);
  am_ui_test_iterate ();
  /* The default (a year ahead) is valid at once. */
  g_assert_true (dlg_can_apply (dialog));

  am_deprecation_dialog_set_time (AM_DEPRECATION_DIALOG (dialog), past);
  g_assert_false (dlg_can_apply (dialog));
  g_assert_nonnull (strstr (dlg_visible_error (dialog), "future"));
  dlg_screenshot (dialog, "deprecation-invalid");
  am_deprecation_dialog_set_time (AM_DEPRECATION_DIALOG (dialog), far);
  g_assert_false (dlg_can_apply (dialog));
  g_assert_nonnull (strstr (dlg_visible_error (dialog), "10 years"));

  am_deprecation_dialog_set_time (AM_DEPRECATION_DIALOG (dialog), when);
  g_assert_true (dlg_can_apply (dialog));
  g_assert_null (dlg_visible_error (dialog));
  dlg_screenshot (dialog, "deprecation");
  dlg_click (dlg_apply_button (dialog));
  dlg_wait_run (&run);
  g_assert_no_error (run.error);
  g_assert_true (run.applied);
  after = reread (fixture, image);
  g_assert_cmpint (am_image_get_deprecation_unix (after), ==, g_date_time_to_unix (when));

  /* Cancel the deprecation. */
  g_ptr_array_unref (images);
  images = dlg_one_image (after);
  dialog = dlg_run_action (fixture, fixture->alice, "deprecation", images, AM_TYPE_DEPRECATION_DIALOG, &run);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (am_ui_test_find_widget (dialog, GTK_TYPE_SWITCH, "deprecate_switch"))));
  gtk_switch_set_active (GTK_SWITCH (am_ui_test_find_widget (dialog, GTK_TYPE_SWITCH, "deprecate_switch")), FALSE);
  am_ui_test_iterate ();
  dlg_grab_toast (dialog, &toast);
  dlg_click (dlg_apply_button (dialog));
  dlg_wait_run (&run);
  g_assert_true (run.applied);
  g_clear_object (&after);
  after = reread (fixture, image);
  g_assert_cmpint (am_image_get_deprecation_unix (after), ==, G_MAXINT64);

  /* Undo schedules it again for the same minute. */
  dlg_undo (toast);
  {
    gpointer args[] = { fixture, image };

    g_assert_true (am_ui_test_wait_until (not_deprecated_negated, args, 10000));
  }
  g_clear_object (&after);
  after = reread (fixture, image);
  g_assert_cmpint (am_image_get_deprecation_unix (after), ==, g_date_time_to_unix (when));
  dlg_run_clear (&run);
}

static gboolean
used_by_answered (gpointer data)
{
  AmUsedByCheck *check = data;

  return am_used_by_check_get_cleared (check)
         || gtk_widget_get_visible (GTK_WIDGET (am_used_by_check_get_override (check)));
}

/* Presses "Deregister" in @dialog as a user does (libadwaita closes the window before it
 * responds), checks that it stays open while the calls run, and waits for them to end. When
 * the dialog could not learn what uses the image (one that is gone, another account's), it
 * asks for the override first: these tests tick it, to see what EC2 answers. */
static void
confirm_deregister (GtkWidget *dialog)
{
  AmUsedByCheck *check = am_deregister_dialog_get_used_by (AM_DEREGISTER_DIALOG (dialog));

  g_object_ref (dialog);
  g_assert_true (am_ui_test_wait_until (used_by_answered, check, 30000));
  if (!am_used_by_check_get_cleared (check))
    gtk_check_button_set_active (am_used_by_check_get_override (check), TRUE);
  am_ui_test_wait_response_enabled (dialog, "deregister");
  am_ui_test_message_dialog_press (dialog, "deregister");
  g_assert_true (gtk_widget_get_visible (dialog));
  dlg_wait (dlg_deregister_idle, dialog);
  am_ui_test_iterate ();
  g_object_unref (dialog);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* The text of the dialog's Details expander (the technical chain of the refusals). */
static const char *
deregister_details (GtkWidget *dialog)
{
  GtkWidget *expander = am_ui_test_get_widget (dialog, GTK_TYPE_EXPANDER, NULL);

  g_assert_true (gtk_widget_is_drawable (expander));
  return gtk_label_get_text (GTK_LABEL (gtk_expander_get_child (GTK_EXPANDER (expander))));
}

static void
set_protection (DlgFixture *fixture,
                AmImage    *image,
                gboolean    on,
                gboolean    cooldown,
                const char *screenshot,
                AdwToast  **toast)
{
  g_autoptr (GPtrArray) images = dlg_one_image (image);
  GtkWidget *dialog;
  DlgRun run;

  dialog = dlg_run_action (fixture, fixture->alice, "protection", images, AM_TYPE_PROTECTION_DIALOG, &run);
  g_assert_false (dlg_can_apply (dialog));
  gtk_switch_set_active (GTK_SWITCH (am_ui_test_find_widget (dialog, GTK_TYPE_SWITCH, "protect_switch")), on);
  if (on)
    gtk_switch_set_active (GTK_SWITCH (am_ui_test_find_widget (dialog, GTK_TYPE_SWITCH, "cooldown_switch")), cooldown);
  am_ui_test_iterate ();
  g_assert_true (dlg_can_apply (dialog));
  if (screenshot != NULL)
    dlg_screenshot (dialog, screenshot);
  if (toast != NULL)
    dlg_grab_toast (dialog, toast);
  dlg_click (dlg_apply_button (dialog));
  dlg_wait_run (&run);
  g_assert_no_error (run.error);
  g_assert_true (run.applied);
  dlg_run_clear (&run);
}

/* Deregistering @image as @session is refused with @code; returns the explanation shown. The
 * dialog stays open with the refusal in words, and EC2's answer under Details, until closed. */
static char *
deregister_refused (DlgFixture *fixture,
                    AmSession  *session,
                    AmImage    *image,
                    const char *code,
                    gboolean    retry_offered,
                    const char *screenshot)
{
  g_autoptr (GPtrArray) images = dlg_one_image (image);
  g_autoptr (AmImage) after = NULL;
  GtkWidget *dialog;
  char *text;
  DlgRun run;

  dialog = dlg_run_action (fixture, session, "deregister", images, AM_TYPE_DEREGISTER_DIALOG, &run);
  g_object_ref (dialog);
  confirm_deregister (dialog);
  /* It stays open and says why; Retry only where another try may go. */
  g_assert_true (gtk_widget_get_mapped (dialog));
  g_assert_false (run.done);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Could Not Deregister the Image");
  text = g_strdup (dlg_visible_error (dialog));
  g_assert_nonnull (text);
  g_test_message ("refusal: %s\ndetails: %s", text, deregister_details (dialog));
  g_assert_nonnull (strstr (text, am_image_get_image_id (image)));
  g_assert_nonnull (strstr (deregister_details (dialog), code));
  g_assert_nonnull (strstr (deregister_details (dialog), "DeregisterImage"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "deregister"), ==, "_Retry");
  g_assert_true (gtk_widget_is_drawable (am_ui_test_get_widget (dialog, GTK_TYPE_BUTTON, "_Close")));
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "deregister") == retry_offered);
  {
    GtkWidget *retry = am_ui_test_find_widget (dialog, GTK_TYPE_BUTTON, "_Retry");

    g_assert_true ((retry != NULL && gtk_widget_is_drawable (retry)) == retry_offered);
  }
  if (screenshot != NULL)
    {
      gtk_expander_set_expanded (GTK_EXPANDER (am_ui_test_get_widget (dialog, GTK_TYPE_EXPANDER, NULL)), TRUE);
      dlg_screenshot (dialog, screenshot);
    }
  /* Still there a while later: only the user closes it. */
  am_ui_test_wait_until (never, NULL, 1500);
  g_assert_true (gtk_widget_get_mapped (dialog));
  g_assert_false (run.done);
  am_ui_test_message_dialog_press (dialog, "cancel");
  dlg_wait_run (&run);
  g_assert_false (gtk_widget_get_visible (dialog));
  g_object_unref (dialog);
  g_assert_false (run.applied);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  dlg_run_clear (&run);
  if (!g_str_has_prefix (code, "InvalidAMIID."))
    {
      after = dlg_describe_image (am_session_get_client (session), am_image_get_image_id (image));
      g_assert_nonnull (after);
    }
  return text;
}

static void
test_protection_cooldown (DlgFixture    *fixture,
                          gconstpointer  data)
{
  /* As the list showed it before someone protected it: the dialog offers Deregister. */
  g_autoptr (AmImage) listed = dlg_owned_image_named (fixture->alice, WEB_SERVER);
  g_autoptr (AmImage) after = NULL;
  g_autofree char *refusal = NULL;
  g_autofree char *cooldown_refusal = NULL;

  /* Protect it, with the cooldown (the default). */
  set_protection (fixture, listed, TRUE, TRUE, "protection", NULL);
  after = reread (fixture, listed);
  g_assert_cmpstr (am_image_get_deregistration_protection (after), ==, "enabled-with-cooldown");

  /* EC2 refuses (OperationNotPermitted), and the dialog says so in words. */
  refusal = deregister_refused (fixture, fixture->alice, listed, "OperationNotPermitted", TRUE, "deregister-refused");
  g_assert_nonnull (strstr (refusal, "protected from deregistration"));
  g_assert_nonnull (strstr (refusal, "Turn its protection off"));

  /* Turned off, it stays protected for the cooldown, and the dialogs say so. */
  set_protection (fixture, after, FALSE, FALSE, "protection-off", NULL);
  g_clear_object (&after);
  after = reread (fixture, listed);
  g_assert_true (g_str_has_prefix (am_image_get_deregistration_protection (after), "disabled-"));
  cooldown_refusal = deregister_refused (fixture, fixture->alice, after, "OperationNotPermitted", TRUE, NULL);
  g_assert_nonnull (strstr (cooldown_refusal, "24 hours"));
}

/* Another account's image (alice shares her web server with bob; bob tries to deregister it):
 * EC2 refuses (UnauthorizedOperation) and the dialog says whose it is. */
static void
test_deregister_other_account (DlgFixture    *fixture,
                               gconstpointer  data)
{
  g_autoptr (AmImage) web = dlg_owned_image_named (fixture->alice, WEB_SERVER);
  g_autoptr (AmImage) seen_by_bob = dlg_describe_image (am_session_get_client (fixture->bob),
                                                        am_image_get_image_id (web));
  g_autofree char *refusal = NULL;

  g_assert_nonnull (seen_by_bob);
  refusal = deregister_refused (fixture, fixture->bob, seen_by_bob, "UnauthorizedOperation", FALSE,
                                "deregister-other-account");
  g_assert_nonnull (strstr (refusal, "belongs to account"));
  g_assert_nonnull (strstr (refusal, am_image_get_owner_id (web)));
}

/* An image deregistered elsewhere meanwhile: EC2 does not know it any more, and the dialog
 * says so, without a Retry that cannot help. */
static void
test_deregister_gone (DlgFixture    *fixture,
                      gconstpointer  data)
{
  AmEc2Client *client = am_session_get_client (fixture->alice);
  g_autoptr (AmImage) listed = dlg_owned_image_named (fixture->alice, WEB_SERVER);
  g_autoptr (GError) error = NULL;
  g_autofree char *refusal = NULL;
  AmUiTestWait wait = { NULL };

  am_ec2_client_deregister_image_async (client, am_image_get_image_id (listed), FALSE, FALSE, NULL,
                                        am_ui_test_wait_cb, &wait);
  g_assert_true (am_ec2_client_deregister_image_finish (client, am_ui_test_wait_for_result (&wait, 10000),
                                                        NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  refusal = deregister_refused (fixture, fixture->alice, listed, "InvalidAMIID.", FALSE, "deregister-gone");
  g_assert_nonnull (strstr (refusal, "no longer exists"));
}

/* A protected image is offered "Turn Off Protection…" (with the cooldown explained), not a
 * Deregister EC2 would refuse; it opens the protection dialog, whose change refreshes the list. */
static void
test_deregister_protected_offers_turn_off (DlgFixture    *fixture,
                                           gconstpointer  data)
{
  g_autoptr (AmImage) runner = dlg_owned_image_named (fixture->alice, BUILD_RUNNER);
  g_autoptr (AmImage) web = dlg_owned_image_named (fixture->alice, WEB_SERVER);
  g_autoptr (GPtrArray) images = dlg_one_image (runner);
  g_autoptr (GPtrArray) web_images = NULL;
  g_autoptr (AmImage) after = NULL;
  GtkWidget *dialog;
  GtkWidget *protection;
  DlgRun run;

  g_assert_cmpstr (am_image_get_deregistration_protection (runner), ==, "enabled-without-cooldown");
  dialog = dlg_run_action (fixture, fixture->alice, "deregister", images, AM_TYPE_DEREGISTER_DIALOG, &run);
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "deregister"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "protection"));
  g_assert_null (am_ui_test_find_widget (dialog, GTK_TYPE_BUTTON, "_Deregister"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "as soon as the protection is turned off"));
  dlg_screenshot (dialog, "deregister-protected");
  am_ui_test_message_dialog_press (dialog, "protection");
  protection = am_ui_test_wait_for_window_of_type (AM_TYPE_PROTECTION_DIALOG);
  am_ui_test_wait_window_gone (AM_TYPE_DEREGISTER_DIALOG);
  g_assert_false (run.done);
  gtk_switch_set_active (GTK_SWITCH (am_ui_test_find_widget (protection, GTK_TYPE_SWITCH, "protect_switch")), FALSE);
  am_ui_test_iterate ();
  dlg_click (dlg_apply_button (protection));
  dlg_wait_run (&run);
  g_assert_no_error (run.error);
  g_assert_true (run.applied);
  after = reread (fixture, runner);
  g_assert_cmpstr (am_image_get_deregistration_protection (after), ==, "disabled");
  dlg_run_clear (&run);

  /* With a cooldown, the dialog says the image stays protected for 24 hours after. */
  set_protection (fixture, web, TRUE, TRUE, NULL, NULL);
  g_clear_object (&after);
  after = reread (fixture, web);
  web_images = dlg_one_image (after);
  dialog = dlg_run_action (fixture, fixture->alice, "deregister", web_images, AM_TYPE_DEREGISTER_DIALOG, &run);
  g_assert_false (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "deregister"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "for 24 hours after"));
  dlg_screenshot (dialog, "deregister-protected-cooldown");
  am_ui_test_message_dialog_press (dialog, "cancel");
  dlg_wait_run (&run);
  g_assert_false (run.applied);
  dlg_run_clear (&run);
}

static void
test_deregister_with_snapshots (DlgFixture    *fixture,
                                gconstpointer  data)
{
  AmEc2Client *client = am_session_get_client (fixture->alice);
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, BUILD_RUNNER);
  g_autoptr (GPtrArray) images = NULL;
  g_autoptr (AmImage) after = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) snapshot_ids = NULL;
  AmBlockDeviceMapping * const *mappings = am_image_get_block_device_mappings (image);
  const char *id = am_image_get_image_id (image);
  GtkWidget *dialog;
  GtkWidget *check;
  DlgRun run;

  for (guint i = 0; mappings[i] != NULL; i++)
    if (am_block_device_mapping_get_snapshot_id (mappings[i]) != NULL)
      g_strv_builder_add (builder, am_block_device_mapping_get_snapshot_id (mappings[i]));
  snapshot_ids = g_strv_builder_end (builder);
  g_assert_cmpuint (g_strv_length (snapshot_ids), >, 0);
  g_assert_cmpuint (dlg_count_snapshots (client, (const char * const *) snapshot_ids), ==, g_strv_length (snapshot_ids));

  /* Protected without a cooldown: turning it off frees it at once. */
  g_assert_cmpstr (am_image_get_deregistration_protection (image), ==, "enabled-without-cooldown");
  set_protection (fixture, image, FALSE, FALSE, NULL, NULL);
  after = reread (fixture, image);
  g_assert_cmpstr (am_image_get_deregistration_protection (after), ==, "disabled");

  images = dlg_one_image (after);
  dialog = dlg_run_action (fixture, fixture->alice, "deregister", images, AM_TYPE_DEREGISTER_DIALOG, &run);
  check = am_ui_test_find_widget (dialog, GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  dlg_screenshot (dialog, "deregister");
  g_object_ref (dialog);
  confirm_deregister (dialog);
  /* The list refreshes at once; the dialog stays to say what happened to each snapshot. */
  dlg_wait_run (&run);
  g_assert_no_error (run.error);
  g_assert_true (run.applied);
  g_assert_true (gtk_widget_get_mapped (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Image Deregistered");
  for (guint i = 0; snapshot_ids[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("✓ snapshot %s deleted", snapshot_ids[i]);

      g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), line));
    }
  g_assert_null (dlg_visible_error (dialog));
  dlg_screenshot (dialog, "deregister-snapshots-result");
  am_ui_test_message_dialog_press (dialog, "cancel");
  g_assert_false (gtk_widget_get_visible (dialog));
  g_object_unref (dialog);

  g_assert_null (dlg_describe_image (client, id));
  g_assert_cmpuint (dlg_count_snapshots (client, (const char * const *) snapshot_ids), ==, 0);
  dlg_run_clear (&run);
}

/* A snapshot another image still uses is kept, and the dialog says so (EC2's "skipped"). */
static void
test_deregister_snapshot_kept (DlgFixture    *fixture,
                               gconstpointer  data)
{
  AmEc2Client *client = am_session_get_client (fixture->alice);
  g_autoptr (AmImage) web = dlg_owned_image_named (fixture->alice, WEB_SERVER);
  g_autoptr (GPtrArray) images = dlg_one_image (web);
  g_autoptr (GPtrArray) devices = g_ptr_array_new_with_free_func ((GDestroyNotify) am_block_device_spec_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *twin_id = NULL;
  g_autofree char *kept_line = NULL;
  AmBlockDeviceMapping * const *mappings = am_image_get_block_device_mappings (web);
  const char *shared = NULL;
  const char *shared_device = NULL;
  AmUiTestWait wait = { NULL };
  AmBlockDeviceSpec *spec;
  GtkWidget *dialog;
  DlgRun run;

  for (guint i = 0; mappings[i] != NULL && shared == NULL; i++)
    if (am_block_device_mapping_get_snapshot_id (mappings[i]) != NULL)
      {
        shared = am_block_device_mapping_get_snapshot_id (mappings[i]);
        shared_device = am_block_device_mapping_get_device_name (mappings[i]);
      }
  g_assert_nonnull (shared);

  /* A second image registered from the same snapshot. */
  spec = am_block_device_spec_new (shared_device);
  spec->snapshot_id = g_strdup (shared);
  g_ptr_array_add (devices, spec);
  am_ec2_client_register_image_async (client, "alice-web-twin", NULL, NULL, "x86_64", shared_device,
                                      devices, "hvm", NULL, TRUE, NULL, NULL, FALSE, NULL,
                                      am_ui_test_wait_cb, &wait);
  g_assert_true (am_ec2_client_register_image_finish (client, am_ui_test_wait_for_result (&wait, 10000),
                                                      &twin_id, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);

  dialog = dlg_run_action (fixture, fixture->alice, "deregister", images, AM_TYPE_DEREGISTER_DIALOG, &run);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (am_ui_test_get_widget (dialog, GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);
  g_object_ref (dialog);
  confirm_deregister (dialog);
  dlg_wait_run (&run);
  g_assert_true (run.applied);
  g_assert_true (gtk_widget_get_mapped (dialog));
  kept_line = g_strdup_printf ("snapshot %s kept: another image still uses it", shared);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), kept_line));
  dlg_screenshot (dialog, "deregister-snapshot-kept");
  am_ui_test_message_dialog_press (dialog, "cancel");
  g_assert_false (gtk_widget_get_visible (dialog));
  g_object_unref (dialog);

  /* EC2 kept it: the twin still launches from it. */
  {
    const char *ids[] = { shared, NULL };

    g_assert_cmpuint (dlg_count_snapshots (client, ids), ==, 1);
  }
  g_assert_null (dlg_describe_image (client, am_image_get_image_id (web)));
  dlg_run_clear (&run);
}

static void
test_protection_undo (DlgFixture    *fixture,
                      gconstpointer  data)
{
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, BUILD_RUNNER);
  g_autoptr (AmImage) after = NULL;
  g_autoptr (AdwToast) toast = NULL;

  g_assert_cmpstr (am_image_get_deregistration_protection (image), ==, "enabled-without-cooldown");
  set_protection (fixture, image, FALSE, FALSE, NULL, &toast);
  {
    gpointer args[] = { fixture, image };

    g_assert_true (protection_off (args));
  }
  dlg_undo (toast);
  {
    gpointer args[] = { fixture, image };

    g_assert_true (am_ui_test_wait_until (protection_on, args, 10000));
  }
  after = reread (fixture, image);
  g_assert_cmpstr (am_image_get_deregistration_protection (after), ==, "enabled-without-cooldown");
}

static void
test_deregister_bulk (DlgFixture    *fixture,
                      gconstpointer  data)
{
  AmEc2Client *client = am_session_get_client (fixture->alice);
  g_autoptr (GPtrArray) images = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (AmImage) protected_after = NULL;
  g_autoptr (AmImage) web_after = NULL;
  AmImage *web;
  AmImage *runner;
  GtkWidget *dialog;
  const char *text;
  DlgRun run;

  g_ptr_array_add (images, dlg_owned_image_named (fixture->alice, WEB_SERVER));
  g_ptr_array_add (images, dlg_owned_image_named (fixture->alice, BUILD_RUNNER));
  web = g_ptr_array_index (images, 0);
  runner = g_ptr_array_index (images, 1);

  dialog = dlg_run_action (fixture, fixture->alice, "deregister", images, AM_TYPE_DEREGISTER_DIALOG, &run);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Deregister 2 Images?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), am_image_get_image_id (web)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), am_image_get_image_id (runner)));
  dlg_screenshot (dialog, "deregister-bulk");
  confirm_deregister (dialog);

  /* One went, the protected one stays, and the dialog says which and why. */
  text = dlg_visible_error (dialog);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, am_image_get_image_id (runner)));
  g_assert_null (strstr (text, am_image_get_image_id (web)));
  g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "deregister"), ==, "_Retry");
  web_after = dlg_describe_image (client, am_image_get_image_id (web));
  g_assert_null (web_after);
  protected_after = dlg_describe_image (client, am_image_get_image_id (runner));
  g_assert_nonnull (protected_after);
  dlg_screenshot (dialog, "deregister-bulk-partial");

  /* Closing reports that something changed, so the caller refreshes. */
  gtk_window_close (GTK_WINDOW (dialog));
  dlg_wait_run (&run);
  g_assert_no_error (run.error);
  g_assert_true (run.applied);
}

static void
copy_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_copy_retry (DlgFixture    *fixture,
                 gconstpointer  data)
{
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, WEB_SERVER);
  g_autoptr (GPtrArray) images = dlg_one_image (image);
  g_autoptr (AmEc2Client) west = NULL;
  g_autoptr (AmCopyImageRequest) request = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *first_token = NULL;
  g_autofree char *existing = NULL;
  GtkWidget *dialog;
  GtkWidget *error_label;
  gpointer keep;
  DlgRun run;

  /* A copy named "web-west" already exists in us-west-2. */
  west = am_ec2_client_new_for_region (am_session_get_client (fixture->alice), "us-west-2", &error);
  g_assert_no_error (error);
  request = am_copy_image_request_new (am_image_get_image_id (image), "us-east-1", "web-west");
  am_ec2_client_copy_image_async (west, request, FALSE, NULL, copy_cb, &result);
  dlg_wait (dlg_have_result, &result);
  g_assert_true (am_ec2_client_copy_image_finish (west, result, &existing, NULL, &error));
  g_assert_no_error (error);

  dialog = dlg_run_action (fixture, fixture->alice, "copy", images, AM_TYPE_COPY_IMAGE_DIALOG, &run);
  keep = g_object_ref (dialog);
  g_assert_true (am_copy_image_dialog_select_region (AM_COPY_IMAGE_DIALOG (dialog), "us-west-2"));
  dlg_type (am_ui_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "name_row"), "web-west");
  g_assert_null (am_copy_image_dialog_get_client_token (keep));

  /* Refused: the error shows at the Name field (only there: see test-dialogs-results.c), and
   * the dialog keeps its request (and ClientToken). */
  dlg_click (dlg_apply_button (dialog));
  dlg_wait (dlg_not_busy, dialog);
  error_label = am_ui_test_find_widget (dialog, GTK_TYPE_LABEL, "error_label");
  g_assert_false (gtk_widget_is_drawable (error_label));
  g_assert_true (gtk_widget_has_css_class (am_ui_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "name_row"), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (am_ui_test_find_widget (dialog, GTK_TYPE_LABEL, "field_error"))),
                            "already exists in us-west-2"));
  first_token = g_strdup (am_copy_image_dialog_get_client_token (keep));
  g_assert_nonnull (first_token);
  dlg_screenshot (dialog, "copy-error");

  /* Apply again unchanged: the same request and token go out. */
  dlg_click (dlg_apply_button (dialog));
  dlg_wait (dlg_not_busy, dialog);
  g_assert_false (run.done);
  g_assert_cmpstr (am_copy_image_dialog_get_client_token (keep), ==, first_token);

  /* A new name is a new request, with a new token; it succeeds. */
  dlg_type (am_ui_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "name_row"), "web-west-2");
  dlg_click (dlg_apply_button (dialog));
  dlg_wait_run (&run);
  g_assert_no_error (run.error);
  g_assert_true (run.applied);
  g_assert_cmpstr (am_copy_image_dialog_get_client_token (keep), !=, first_token);
  g_assert_cmpstr (am_copy_image_dialog_get_new_image_id (keep), !=, existing);
  g_object_unref (keep);
  dlg_run_clear (&run);
}

static void
test_copy (DlgFixture    *fixture,
           gconstpointer  data)
{
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, WEB_SERVER);
  g_autoptr (GPtrArray) images = dlg_one_image (image);
  g_autoptr (AmEc2Client) west = NULL;
  g_autoptr (AmImage) copy = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *new_id = NULL;
  GtkWidget *dialog;
  GtkWidget *name;
  DlgRun run;

  dialog = dlg_run_action (fixture, fixture->alice, "copy", images, AM_TYPE_COPY_IMAGE_DIALOG, &run);
  name = am_ui_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "name_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, WEB_SERVER);
  g_assert_true (dlg_can_apply (dialog));

  dlg_type (name, "ab");
  g_assert_false (dlg_can_apply (dialog));
  g_assert_nonnull (strstr (dlg_visible_error (dialog), "at least 3"));
  dlg_type (name, "web server copy");
  g_assert_false (dlg_can_apply (dialog));
  g_assert_nonnull (strstr (dlg_visible_error (dialog), "spaces"));
  dlg_type (name, "web-server@west");
  g_assert_nonnull (strstr (dlg_visible_error (dialog), "@"));
  dlg_screenshot (dialog, "copy-invalid");

  dlg_type (name, "web-server-west-(copy)_1.0");
  g_assert_true (am_copy_image_dialog_select_region (AM_COPY_IMAGE_DIALOG (dialog), "us-west-2"));
  gtk_switch_set_active (GTK_SWITCH (am_ui_test_find_widget (dialog, GTK_TYPE_SWITCH, "encrypted_switch")), TRUE);
  am_ui_test_iterate ();
  g_assert_true (dlg_can_apply (dialog));
  g_assert_null (dlg_visible_error (dialog));
  dlg_screenshot (dialog, "copy");

  {
    /* Keep the new id before the dialog goes. */
    gpointer keep = g_object_ref (dialog);

    dlg_click (dlg_apply_button (dialog));
    dlg_wait_run (&run);
    g_assert_no_error (run.error);
    g_assert_true (run.applied);
    new_id = g_strdup (am_copy_image_dialog_get_new_image_id (keep));
    g_object_unref (keep);
  }
  g_assert_nonnull (new_id);
  g_assert_true (g_str_has_prefix (new_id, "ami-"));

  west = am_ec2_client_new_for_region (am_session_get_client (fixture->alice), "us-west-2", &error);
  g_assert_no_error (error);
  copy = dlg_describe_image (west, new_id);
  g_assert_nonnull (copy);
  g_assert_cmpstr (am_image_get_name (copy), ==, "web-server-west-(copy)_1.0");
  g_assert_cmpstr (am_image_get_source_image_id (copy), ==, am_image_get_image_id (image));
  /* Not in this region. */
  g_assert_null (dlg_describe_image (am_session_get_client (fixture->alice), new_id));
  dlg_run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  /* Software GL under Xvfb is slow on a busy machine; these tests look at widgets, not GL. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  am_ui_test_init (&argc, &argv);

  g_test_add ("/ui/dialogs/description", DlgFixture, NULL,
              dlg_fixture_set_up, test_description, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/deprecation", DlgFixture, NULL,
              dlg_fixture_set_up, test_deprecation, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/protection-cooldown", DlgFixture, NULL,
              dlg_fixture_set_up, test_protection_cooldown, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/deregister-with-snapshots", DlgFixture, NULL,
              dlg_fixture_set_up, test_deregister_with_snapshots, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/deregister-snapshot-kept", DlgFixture, NULL,
              dlg_fixture_set_up, test_deregister_snapshot_kept, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/deregister-other-account", DlgFixture, NULL,
              dlg_fixture_set_up, test_deregister_other_account, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/deregister-gone", DlgFixture, NULL,
              dlg_fixture_set_up, test_deregister_gone, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/deregister-protected-offers-turn-off", DlgFixture, NULL,
              dlg_fixture_set_up, test_deregister_protected_offers_turn_off, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/inline-error", DlgFixture, NULL,
              dlg_fixture_set_up, test_inline_error, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/protection-undo", DlgFixture, NULL,
              dlg_fixture_set_up, test_protection_undo, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/deregister-bulk", DlgFixture, NULL,
              dlg_fixture_set_up, test_deregister_bulk, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/copy", DlgFixture, NULL,
              dlg_fixture_set_up, test_copy, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/copy-retry", DlgFixture, NULL,
              dlg_fixture_set_up, test_copy_retry, dlg_fixture_tear_down);

  return g_test_run ();
}
