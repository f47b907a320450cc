/* test-dialogs-window.c: a change made from the main window shows its toast there, and Undo works
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-dialogs-window"

#include "config.h"

#include "am-description-dialog.h"
#include "am-window.h"
#include "test-dialogs-common.h"

/* Its own program: the whole main window makes GLib's quark table grow, and GLib keeps the
 * old table block on purpose, which LeakSanitizer reports when many tests share a process. */

#define WEB_SERVER "alice-web-server-2026-01-15"

static gboolean
undo_button_shown (gpointer data)
{
  return am_ui_test_find_widget (data, GTK_TYPE_BUTTON, "_Undo") != NULL;
}

static void
test_toast_in_window (DlgFixture    *fixture,
                      gconstpointer  data)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, WEB_SERVER);
  g_autoptr (GPtrArray) images = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GtkWindow) keep = NULL;
  AmWindow *window;
  GtkWidget *dialog;
  GtkWidget *undo;
  DlgRun run = { 0 };

  g_ptr_array_add (images, g_object_ref (image));
  window = am_window_new_with_session (app, fixture->alice);
  keep = g_object_ref (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (GTK_WIDGET (window));

  /* The images view hands its window (any widget in it) as the parent. */
  am_image_actions_run (GTK_WIDGET (window), fixture->alice, "description", images, dlg_run_cb, &run);
  dialog = am_ui_test_wait_for_window_of_type (AM_TYPE_DESCRIPTION_DIALOG);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  dlg_type (am_ui_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "description_row"), "Changed from the window");
  dlg_click (dlg_apply_button (dialog));
  dlg_wait_run (&run);
  g_assert_true (run.applied);

  /* The toast shows in the main window, with Undo. */
  dlg_wait (undo_button_shown, window);
  dlg_screenshot (GTK_WIDGET (window), "toast");
  undo = am_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Undo");
  g_signal_emit_by_name (undo, "clicked");
  {
    gpointer args[] = { fixture, image };

    dlg_wait (dlg_description_restored, args);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
  dlg_run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  /* Software GL under Xvfb is slow on a busy machine; these tests look at widgets, not GL. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  am_ui_test_init (&argc, &argv);

  g_test_add ("/ui/dialogs/toast-in-window", DlgFixture, NULL,
              dlg_fixture_set_up, test_toast_in_window, dlg_fixture_tear_down);

  return g_test_run ();
}
