/* test-wizard-close.c: closing the launch wizard asks first while a launch runs or a new private key is unsaved
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-wizard-close"

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "test-wizard-common.h"

/* A closed window is destroyed: no longer realized (the fixture still holds a reference). */
static gboolean
closed (gpointer window)
{
  return !gtk_widget_get_realized (window);
}

static gboolean
chooser_at (gpointer data)
{
  gpointer *args = data;
  g_autoptr (GFile) chosen = gtk_file_chooser_get_file (args[0]);

  return chosen != NULL && g_strcmp0 (g_file_peek_path (chosen), args[1]) == 0;
}

/* The fixture's teardown without destroying a wizard that closed itself. */
static void
fixture_stop_closed (WizardFixture *f)
{
  am_ui_test_iterate ();
  g_clear_object (&f->wizard);
  g_clear_object (&f->session);
  g_clear_object (&f->sandbox);
}

/* Asks the wizard to close as the window manager's close button does; returns the
 * confirmation shown, or NULL when the wizard closed at once. */
static GtkWidget *
request_close (AmLaunchWizard *w)
{
  gtk_window_close (GTK_WINDOW (w));
  am_ui_test_iterate ();
  if (closed (w))
    return NULL;
  return am_ui_test_wait_for_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
}

static void
respond (GtkWidget  *dialog,
         const char *label)
{
  GtkWidget *button = am_ui_test_get_widget (dialog, GTK_TYPE_BUTTON, label);

  g_signal_emit_by_name (button, "clicked");
  am_ui_test_iterate ();
  am_ui_test_wait_window_gone (ADW_TYPE_MESSAGE_DIALOG);
}

static void
to_key_page (AmLaunchWizard *w)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (wizard_row_widget (w, "image-list", WIZARD_IMAGE_X86)), TRUE);
  am_ui_test_iterate ();
  wizard_next (w, AM_LAUNCH_STEP_INSTANCE_TYPE);
  wizard_next (w, AM_LAUNCH_STEP_KEY_PAIR);
}

static void
create_key (AmLaunchWizard *w,
            const char     *name)
{
  wizard_type (wizard_find (w, ADW_TYPE_ENTRY_ROW, "Key pair name"), name);
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "create-key"));
  wizard_wait_idle (w);
  g_assert_cmpstr (am_launch_request_get_key_name (am_launch_wizard_get_request (w)), ==, name);
}

/* A new key pair whose private key was never saved: closing asks; Cancel keeps the wizard,
 * Save Private Key… saves it through the file chooser and then closes. */
static void
test_close_unsaved_key_save (void)
{
  WizardFixture f = { 0 };
  AmLaunchWizard *w;
  g_autofree char *dir = g_dir_make_tmp ("wizard-close-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "close-key.pem", NULL);
  g_autofree char *text = NULL;
  GtkWidget *dialog;
  GtkWidget *chooser;
  struct stat st;

  wizard_fixture_start (&f, NULL);
  w = f.wizard;
  to_key_page (w);
  create_key (w, "close-key");

  dialog = request_close (w);
  g_assert_nonnull (dialog);
  g_assert_false (closed (w));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (w));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "close-key"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "discard"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "save"));
  wizard_screenshot_window (dialog, "close-unsaved-key");
  respond (dialog, "_Cancel");
  g_assert_false (closed (w));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (w)));

  /* Save Private Key… opens the file chooser; once the key is saved the wizard closes. */
  dialog = request_close (w);
  g_assert_nonnull (dialog);
  am_ui_test_expect_foreign_leaks (TRUE);
  respond (dialog, "_Save Private Key…");
  g_assert_false (closed (w));
  chooser = am_ui_test_wait_for_window_of_type (GTK_TYPE_FILE_CHOOSER_DIALOG);
  am_ui_test_expect_foreign_leaks (FALSE);
  g_assert_nonnull (chooser);
  {
    g_autoptr (GFile) folder = g_file_new_for_path (dir);
    gpointer args[] = { chooser, path };

    g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "close-key.pem");
    /* The chooser changes folder asynchronously. */
    g_assert_true (am_ui_test_wait_until (chooser_at, args, 10000));
  }
  wizard_screenshot_window (chooser, "close-save-key-chooser");
  g_signal_emit_by_name (am_ui_test_get_widget (chooser, GTK_TYPE_BUTTON, "_Save"), "clicked");
  g_assert_true (am_ui_test_wait_until (closed, w, 10000));
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_true (closed (w));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "-----BEGIN"));

  fixture_stop_closed (&f);
  g_unlink (path);
  g_rmdir (dir);
}

/* Discard Key closes the wizard without the key; a wizard with nothing to lose closes at once. */
static void
test_close_unsaved_key_discard (void)
{
  WizardFixture f = { 0 };
  AmLaunchWizard *w;
  GtkWidget *dialog;

  wizard_fixture_start (&f, NULL);
  w = f.wizard;
  to_key_page (w);
  create_key (w, "discarded-key");
  dialog = request_close (w);
  g_assert_nonnull (dialog);
  respond (dialog, "_Discard Key");
  g_assert_true (closed (w));
  fixture_stop_closed (&f);

  /* Nothing to lose: no confirmation. */
  wizard_fixture_start (&f, NULL);
  w = f.wizard;
  to_key_page (w);
  g_assert_null (request_close (w));
  g_assert_true (closed (w));
  fixture_stop_closed (&f);
}

/* A second key pair while the first one's private key is unsaved asks first: Cancel keeps the
 * first key, Create Anyway makes the second. */
static void
test_second_key_asks (void)
{
  WizardFixture f = { 0 };
  AmLaunchWizard *w;
  GtkWidget *dialog;

  wizard_fixture_start (&f, NULL);
  w = f.wizard;
  to_key_page (w);
  create_key (w, "first-key");

  wizard_type (wizard_find (w, ADW_TYPE_ENTRY_ROW, "Key pair name"), "second-key");
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "create-key"));
  dialog = am_ui_test_wait_for_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (w));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "first-key"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "save"));
  wizard_screenshot_window (dialog, "second-key-asks");
  respond (dialog, "_Cancel");
  wizard_wait_idle (w);
  g_assert_cmpstr (am_launch_request_get_key_name (am_launch_wizard_get_request (w)), ==, "first-key");

  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "create-key"));
  dialog = am_ui_test_wait_for_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  respond (dialog, "_Create Anyway");
  wizard_wait_idle (w);
  g_assert_cmpstr (am_launch_request_get_key_name (am_launch_wizard_get_request (w)), ==, "second-key");

  /* The unsaved key the close question names is now the second one. */
  dialog = request_close (w);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "second-key"));
  respond (dialog, "_Discard Key");
  g_assert_true (closed (w));
  fixture_stop_closed (&f);
}

/* Through to the review with no key pair, one instance in the default subnet. */
static void
to_review (AmLaunchWizard *w)
{
  to_key_page (w);
  gtk_switch_set_active (GTK_SWITCH (wizard_find (w, GTK_TYPE_SWITCH, "Launch without a key pair")), TRUE);
  wizard_next (w, AM_LAUNCH_STEP_NETWORK);
  wizard_next (w, AM_LAUNCH_STEP_STORAGE);
  wizard_next (w, AM_LAUNCH_STEP_DETAILS);
  wizard_next (w, AM_LAUNCH_STEP_REVIEW);
  g_assert_true (gtk_widget_is_sensitive (wizard_find (w, GTK_TYPE_BUTTON, "launch_button")));
}

static gboolean
launching (gpointer data)
{
  return g_str_has_prefix (gtk_label_get_text (GTK_LABEL (wizard_find (data, GTK_TYPE_LABEL, "progress-summary"))),
                           "Launching");
}

/* Closing while RunInstances is in flight asks; Keep Open lets the launch finish and report;
 * Close Anyway closes. */
static void
test_close_while_launching (void)
{
  /* Every answer takes a while, so the launch is still running when the close comes. */
  const char *args[] = { "--faults", "latency=1500ms", NULL };
  WizardFixture f = { 0 };
  AmLaunchWizard *w;
  GtkWidget *dialog;

  wizard_fixture_start (&f, args);
  w = f.wizard;
  to_review (w);
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "launch_button"));
  g_assert_true (am_ui_test_wait_until (launching, w, 5000));

  dialog = request_close (w);
  g_assert_nonnull (dialog);
  g_assert_false (closed (w));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "keep"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "close"));
  wizard_screenshot_window (dialog, "close-launching");
  respond (dialog, "_Keep Open");
  g_assert_false (closed (w));

  /* The launch went on and reports its instance. */
  wizard_wait_idle (w);
  g_assert_cmpuint (am_launch_wizard_get_launched (w)->len, ==, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (wizard_find (w, GTK_TYPE_LABEL, "progress-summary"))), ==,
                   "1 instance launched in us-east-1a.");
  /* Done: Close closes at once. */
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "close_button"));
  g_assert_true (closed (w));
  fixture_stop_closed (&f);

  /* Unanswered while the launch ends: the question goes away and the wizard stays, showing
   * what was launched. */
  wizard_fixture_start (&f, args);
  w = f.wizard;
  to_review (w);
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "launch_button"));
  g_assert_true (am_ui_test_wait_until (launching, w, 5000));
  dialog = request_close (w);
  g_assert_nonnull (dialog);
  wizard_wait_idle (w);
  am_ui_test_wait_window_gone (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_false (closed (w));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (wizard_find (w, GTK_TYPE_LABEL, "progress-summary"))), ==,
                   "1 instance launched in us-east-1a.");
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "close_button"));
  g_assert_true (closed (w));
  fixture_stop_closed (&f);

  /* Close Anyway while launching closes. */
  wizard_fixture_start (&f, args);
  w = f.wizard;
  to_review (w);
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "launch_button"));
  g_assert_true (am_ui_test_wait_until (launching, w, 5000));
  dialog = request_close (w);
  g_assert_nonnull (dialog);
  respond (dialog, "_Close Anyway");
  g_assert_true (closed (w));
  fixture_stop_closed (&f);
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/wizard/close/unsaved-key-save", test_close_unsaved_key_save);
  g_test_add_func ("/ui/wizard/close/unsaved-key-discard", test_close_unsaved_key_discard);
  g_test_add_func ("/ui/wizard/close/second-key-asks", test_second_key_asks);
  g_test_add_func ("/ui/wizard/close/while-launching", test_close_while_launching);

  return g_test_run ();
}
