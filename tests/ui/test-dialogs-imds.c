/* test-dialogs-imds.c: requiring IMDSv2 on an image through its dialog, on a real sandbox
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-dialogs-imds"

#include "config.h"

#include <string.h>

#include "am-action-dialog.h"
#include "am-imds-dialog.h"
#include "test-dialogs-common.h"

#define WEB_SERVER "alice-web-server-2026-01-15"

static GtkWidget *
require_switch (GtkWidget *dialog)
{
  GtkWidget *widget = am_ui_test_find_widget (dialog, GTK_TYPE_SWITCH, "require_switch");

  g_assert_nonnull (widget);
  return widget;
}

/* Off → on asks once, warns that it is for good, and sticks; then the dialog shows it
 * required and offers nothing more to do. */
static void
test_require (DlgFixture    *fixture,
              gconstpointer  data)
{
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, WEB_SERVER);
  g_autoptr (GPtrArray) images = dlg_one_image (image);
  g_autoptr (AmImage) after = NULL;
  g_autoptr (GPtrArray) again = NULL;
  AdwToast *toast = NULL;
  GtkWidget *dialog;
  GtkWidget *note;
  DlgRun run;

  g_assert_null (am_image_get_imds_support (image));
  dialog = dlg_run_action (fixture, fixture->alice, "imds", images, AM_TYPE_IMDS_DIALOG, &run);
  note = am_ui_test_get_widget (dialog, GTK_TYPE_LABEL, "note_label");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (require_switch (dialog))));
  g_assert_false (dlg_can_apply (dialog));
  g_assert_false (gtk_widget_get_visible (note));

  gtk_switch_set_active (GTK_SWITCH (require_switch (dialog)), TRUE);
  am_ui_test_iterate ();
  g_assert_true (dlg_can_apply (dialog));
  g_assert_true (gtk_widget_get_visible (note));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (note)), "cannot turn this off"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (am_ui_test_get_widget (dialog, ADW_TYPE_ACTION_ROW, "require_row"))),
                   ==, "Will be required once you press Require");
  dlg_screenshot (dialog, "imds-require");

  dlg_grab_toast (dialog, &toast);
  dlg_click (dlg_apply_button (dialog));
  dlg_wait_run (&run);
  g_assert_no_error (run.error);
  g_assert_true (run.applied);
  dlg_run_clear (&run);
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "require IMDSv2"));

  after = dlg_describe_image (am_session_get_client (fixture->alice), am_image_get_image_id (image));
  g_assert_cmpstr (am_image_get_imds_support (after), ==, "v2.0");

  /* Once required: shown on, not changeable, nothing to apply. */
  again = dlg_one_image (after);
  dialog = dlg_run_action (fixture, fixture->alice, "imds", again, AM_TYPE_IMDS_DIALOG, &run);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (require_switch (dialog))));
  g_assert_false (gtk_widget_get_sensitive (require_switch (dialog)));
  g_assert_false (dlg_can_apply (dialog));
  dlg_screenshot (dialog, "imds-required");
  gtk_window_close (GTK_WINDOW (dialog));
  dlg_wait_run (&run);
  g_assert_false (run.applied);
  dlg_run_clear (&run);
}

/* Another account cannot change the owner's image: the refusal is shown and nothing changes. */
static void
test_refused (DlgFixture    *fixture,
              gconstpointer  data)
{
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, WEB_SERVER);
  g_autoptr (GPtrArray) images = dlg_one_image (image);
  g_autoptr (AmImage) after = NULL;
  GtkWidget *error_label;
  GtkWidget *dialog;
  DlgRun run;

  /* bob sees the image (it is shared with him) but does not own it */
  dialog = dlg_run_action (fixture, fixture->bob, "imds", images, AM_TYPE_IMDS_DIALOG, &run);
  gtk_switch_set_active (GTK_SWITCH (require_switch (dialog)), TRUE);
  am_ui_test_iterate ();
  dlg_click (dlg_apply_button (dialog));
  dlg_wait (dlg_not_busy, dialog);
  /* It stays open and says what failed; the error slides in. */
  g_assert_false (run.done);
  error_label = am_ui_test_get_widget (dialog, GTK_TYPE_LABEL, "error_label");
  dlg_wait (dlg_widget_drawable, error_label);
  g_test_message ("refused: %s", gtk_label_get_text (GTK_LABEL (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), am_image_get_image_id (image)));
  dlg_screenshot (dialog, "imds-refused");
  gtk_window_close (GTK_WINDOW (dialog));
  dlg_wait_run (&run);
  g_assert_false (run.applied);
  dlg_run_clear (&run);

  after = dlg_describe_image (am_session_get_client (fixture->alice), am_image_get_image_id (image));
  g_assert_null (am_image_get_imds_support (after));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  am_ui_test_init (&argc, &argv);

  g_test_add ("/ui/dialogs/imds/require", DlgFixture, NULL,
              dlg_fixture_set_up, test_require, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/imds/refused", DlgFixture, NULL,
              dlg_fixture_set_up, test_refused, dlg_fixture_tear_down);

  return g_test_run ();
}
