/* test-snapshots-view.c: the Snapshots view against a real sandbox: orphans, Delete, Recycle Bin
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-snapshots-view"

#include "config.h"

#include <string.h>

#include "am-deregister-dialog.h"
#include "am-snapshots-view.h"
#include "am-test-families.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"
#include "am-window.h"

static gboolean
view_settled (gpointer data)
{
  AmSnapshotsView *view = data;
  GtkStack *stack = GTK_STACK (am_ui_test_get_widget (GTK_WIDGET (view), GTK_TYPE_STACK, "stack"));

  return !am_snapshots_view_is_busy (view)
         && g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") != 0;
}

static void
wait_settled (AmSnapshotsView *view)
{
  am_ui_test_iterate ();
  if (!am_ui_test_wait_until (view_settled, view, 90000))
    g_error ("The Snapshots view is still busy");
  am_ui_test_iterate ();
}

/* Light and dark pictures in $AMIABLE_SCREENSHOT_DIR, when set. */
static void
shot (GtkWidget  *widget,
      const char *name)
{
  if (!am_ui_test_screenshot_light_dark (widget, name, 200))
    g_test_message ("could not take the screenshot %s", name);
}

static gboolean
used_by_answered (gpointer data)
{
  AmUsedByCheck *check = data;

  return am_used_by_check_get_cleared (check)
         || gtk_widget_get_visible (GTK_WIDGET (am_used_by_check_get_override (check)));
}

static gboolean
has_result (gpointer data)
{
  return am_snapshots_view_get_last_result (data) != NULL;
}

static AmEc2Client *gone_client;

static gboolean
image_gone (gpointer data)
{
  return !am_test_families_image_exists (gone_client, data);
}

/* The orphan a deregister without snapshots leaves is found (Orphans Only), deleted after a
 * confirmation that speaks of the Recycle Bin, and restored from it. */
static void
test_orphan_found_deleted_restored (void)
{
  /* Images deregistered are gone at once (no AMI rule); deleted snapshots wait 7 days. */
  const char *args[] = { "--recycle-bin-days", "0", NULL };
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (args);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  AmEc2Client *client = am_session_get_client (session);
  g_autoptr (AmImage) web = am_test_families_owned_image (client, "alice-web-server-2026-01-15");
  g_autoptr (AmImage) runner = am_test_families_owned_image (client, "alice-build-runner-arm64-2026-02-03");
  g_autofree char *orphan = am_test_families_snapshots_of (client, am_image_get_image_id (web));
  g_autofree char *used = am_test_families_snapshots_of (client, am_image_get_image_id (runner));
  const char *orphan_ids[] = { orphan, NULL };
  const char *used_ids[] = { used, NULL };
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *window, *dialog;
  AmSnapshotsView *view;
  const char *body;

  gone_client = client;
  /* Deregister through the Deregister dialog, keeping the snapshots (the default). The
   * seeded instance still runs the image: the dialog asks for "anyway" first. */
  {
    g_autoptr (GPtrArray) images = g_ptr_array_new ();
    AmDeregisterDialog *deregister;
    AmUsedByCheck *check;
    GtkCheckButton *keep;

    g_ptr_array_add (images, web);
    deregister = am_deregister_dialog_new (session, images);
    gtk_window_present (GTK_WINDOW (deregister));
    am_ui_test_wait_mapped (GTK_WIDGET (deregister));
    keep = GTK_CHECK_BUTTON (am_ui_test_get_widget (GTK_WIDGET (deregister), GTK_TYPE_CHECK_BUTTON, NULL));
    g_assert_cmpstr (gtk_check_button_get_label (keep), ==, "Also delete its _snapshots");
    g_assert_false (gtk_check_button_get_active (keep));
    check = am_deregister_dialog_get_used_by (deregister);
    g_assert_true (am_ui_test_wait_until (used_by_answered, check, 60000));
    if (!am_used_by_check_get_cleared (check))
      gtk_check_button_set_active (am_used_by_check_get_override (check), TRUE);
    am_ui_test_wait_response_enabled (GTK_WIDGET (deregister), "deregister");
    am_ui_test_message_dialog_press (GTK_WIDGET (deregister), "deregister");
    g_assert_true (am_ui_test_wait_until (image_gone, (gpointer) am_image_get_image_id (web), 60000));
  }
  g_assert_true (am_test_families_snapshot_exists (client, orphan));
  (void) result;
  (void) error;

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 600);
  view = AM_SNAPSHOTS_VIEW (am_snapshots_view_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  am_snapshots_view_set_session (view, session);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (window);
  wait_settled (view);

  g_test_message ("orphan %s: %s", orphan, am_snapshots_view_get_used_by_text (view, orphan));
  g_assert_cmpstr (am_snapshots_view_get_used_by_text (view, orphan), ==, "Not used by any image");
  g_assert_nonnull (strstr (am_snapshots_view_get_used_by_text (view, used), am_image_get_image_id (runner)));

  /* Orphans Only: the orphan is shown, the runner's snapshot is not. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (am_ui_test_get_widget (GTK_WIDGET (view), GTK_TYPE_CHECK_BUTTON,
                                                                        "orphans_check")), TRUE);
  am_ui_test_iterate ();
  g_assert_cmpuint (am_snapshots_view_select (view, used_ids), ==, 0);
  g_assert_cmpuint (am_snapshots_view_select (view, orphan_ids), ==, 1);
  am_ui_test_iterate ();
  shot (window, "snapshots-orphans");

  /* Delete: the confirmation speaks of the Recycle Bin. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "snapshots.delete", NULL));
  dialog = am_ui_test_wait_for_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_test_message ("confirmation: %s", body);
  g_assert_nonnull (strstr (body, orphan));
  g_assert_nonnull (strstr (body, "Recycle Bin"));
  shot (dialog, "snapshots-delete-confirm");
  am_ui_test_message_dialog_press (dialog, "delete");
  wait_settled (view);
  g_assert_false (am_test_families_snapshot_exists (client, orphan));
  g_assert_true (am_test_families_in_recycle_bin (client, orphan));
  g_assert_true (am_test_families_snapshot_exists (client, used));
  g_assert_null (am_snapshots_view_get_used_by_text (view, orphan));
  g_assert_true (am_ui_test_wait_until (has_result, view, 60000));
  g_test_message ("after deleting: %s", am_snapshots_view_get_last_result (view));
  g_assert_nonnull (strstr (am_snapshots_view_get_last_result (view), "the Recycle Bin keeps it until"));

  /* Recycle Bin shows it; Restore brings it back. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (am_ui_test_get_widget (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON,
                                                                          "bin_toggle")), TRUE);
  am_ui_test_iterate ();
  g_assert_nonnull (strstr (am_snapshots_view_get_used_by_text (view, orphan), "In the Recycle Bin until"));
  g_assert_cmpuint (am_snapshots_view_select (view, orphan_ids), ==, 1);
  am_ui_test_iterate ();
  shot (window, "snapshots-recycle-bin");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "snapshots.restore", NULL));
  wait_settled (view);
  g_assert_true (am_test_families_snapshot_exists (client, orphan));
  g_assert_false (am_test_families_in_recycle_bin (client, orphan));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
button_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (data);
}

static gboolean
window_gone (gpointer data)
{
  return *(GtkWidget **) data == NULL;
}

/* Create Snapshot lists the instances' volumes; CreateSnapshot makes one with the description. */
static void
test_create_snapshot (void)
{
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (NULL);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  AmEc2Client *client = am_session_get_client (session);
  g_autoptr (AmImage) web = am_test_families_owned_image (client, "alice-web-server-2026-01-15");
  g_autofree char *instance = am_test_families_run_instance (client, am_image_get_image_id (web));
  const char *owners[] = { "self", NULL };
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) snapshots = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  AmSnapshotsView *view = AM_SNAPSHOTS_VIEW (am_snapshots_view_new ());
  GtkWidget *dialog = NULL;
  GtkWidget *create, *entry;
  guint found = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  am_snapshots_view_set_session (view, session);
  gtk_window_present (GTK_WINDOW (window));
  wait_settled (view);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "snapshots.create", NULL));
  dialog = am_ui_test_wait_for_window_of_type (ADW_TYPE_WINDOW);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  create = am_ui_test_get_widget (dialog, GTK_TYPE_BUTTON, "C_reate");
  g_assert_true (am_ui_test_wait_until (button_sensitive, create, 60000));
  entry = am_ui_test_get_widget (dialog, ADW_TYPE_ENTRY_ROW, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "before the upgrade");
  am_ui_test_iterate ();
  shot (dialog, "snapshots-create");
  g_signal_emit_by_name (create, "clicked");
  g_assert_false (gtk_widget_is_sensitive (create));
  g_assert_true (am_ui_test_wait_until (window_gone, &dialog, 60000));
  wait_settled (view);

  am_ec2_client_describe_snapshots_async (client, NULL, owners, NULL, NULL, am_test_families_cb, &result);
  snapshots = am_ec2_client_describe_snapshots_finish (client, am_test_families_wait (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < snapshots->len; i++)
    if (g_strcmp0 (am_snapshot_get_description (snapshots->pdata[i]), "before the upgrade") == 0)
      {
        const char *ids[] = { am_snapshot_get_snapshot_id (snapshots->pdata[i]), NULL };

        found++;
        /* Listed, and no image uses it. */
        g_assert_cmpstr (am_snapshots_view_get_used_by_text (view, ids[0]), ==, "Not used by any image");
      }
  g_assert_cmpuint (found, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The sandbox stops: the view ends in its error state, with Retry. */
static void
test_load_fails (void)
{
  AmSandboxProcess *sandbox = am_ui_test_sandbox_start (NULL);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  GtkWidget *window = gtk_window_new ();
  AmSnapshotsView *view = AM_SNAPSHOTS_VIEW (am_snapshots_view_new ());
  GtkStack *stack;

  g_object_unref (sandbox);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  am_snapshots_view_set_session (view, session);
  gtk_window_present (GTK_WINDOW (window));
  wait_settled (view);
  stack = GTK_STACK (am_ui_test_get_widget (GTK_WIDGET (view), GTK_TYPE_STACK, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "error");
  shot (window, "snapshots-error");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The main window has a Snapshots page. */
static void
test_window_page (void)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  AmWindow *window = am_window_new (app);

  g_assert_nonnull (am_ui_test_find_widget (GTK_WIDGET (window), AM_TYPE_SNAPSHOTS_VIEW, NULL));
  am_window_show_view (window, "snapshots");
  g_assert_cmpstr (am_window_get_visible_view (window), ==, "snapshots");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/snapshots/window-page", test_window_page);
  g_test_add_func ("/ui/snapshots/orphan-found-deleted-restored", test_orphan_found_deleted_restored);
  g_test_add_func ("/ui/snapshots/create", test_create_snapshot);
  g_test_add_func ("/ui/snapshots/load-fails", test_load_fails);
  return g_test_run ();
}
