/* test-dialogs-permissions.c: launch permissions: share with an account, org and OU, go public and back
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-dialogs-permissions"

#include "config.h"

#include <string.h>

#include "am-permissions-dialog.h"
#include "test-dialogs-common.h"

#define PRIVATE_IMAGE "alice-build-runner-arm64-2026-02-03"
#define ORG_ARN "arn:aws:organizations::111122223333:organization/o-abcd123456"
#define OU_ARN "arn:aws:organizations::111122223333:ou/o-abcd123456/ou-ab12-cdef3456"

static gboolean
loaded (gpointer data)
{
  return am_permissions_dialog_is_loaded (data);
}

static GtkWidget *
open_dialog (DlgFixture *fixture,
             AmImage    *image,
             DlgRun     *run)
{
  g_autoptr (GPtrArray) images = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *dialog;

  g_ptr_array_add (images, g_object_ref (image));
  dialog = dlg_run_action (fixture, fixture->alice, "permissions", images, AM_TYPE_PERMISSIONS_DIALOG, run);
  dlg_wait (loaded, dialog);
  am_ui_test_iterate ();
  return dialog;
}

static void
add_principal (GtkWidget  *dialog,
               const char *text)
{
  GtkWidget *entry = am_ui_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "add_row");
  GtkWidget *add = am_ui_test_find_widget (dialog, GTK_TYPE_BUTTON, "add_button");

  dlg_type (entry, text);
  g_assert_null (dlg_visible_error (dialog));
  dlg_click (add);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_nonnull (am_ui_test_find_widget (dialog, ADW_TYPE_ACTION_ROW, text));
}

/* Whether @session's account may launch @image_id, an arm64 image (RunInstances with DryRun). */
static gboolean
can_launch (AmSession  *session,
            const char *image_id)
{
  g_autoptr (AmRunInstancesRequest) request = am_run_instances_request_new (image_id, "t4g.micro");
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  AmEc2Client *client = am_session_get_client (session);
  gboolean dry_run_ok = FALSE;

  am_ec2_client_run_instances_async (client, request, TRUE, NULL, dlg_store_result_cb, &result);
  dlg_wait (dlg_have_result, &result);
  if (!am_ec2_client_run_instances_finish (client, result, NULL, &dry_run_ok, &error))
    {
      g_test_message ("RunInstances (dry run) of %s: %s", image_id, error->message);
      return FALSE;
    }
  return dry_run_ok;
}

static void
test_permissions_share (DlgFixture    *fixture,
                        gconstpointer  data)
{
  AmEc2Client *client = am_session_get_client (fixture->alice);
  AmEc2Client *bob = am_session_get_client (fixture->bob);
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, PRIVATE_IMAGE);
  const char *id = am_image_get_image_id (image);
  g_autofree char *before = dlg_launch_permissions (client, id);
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (AmImage) seen_by_bob = NULL;
  g_autoptr (AdwToast) toast = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;
  DlgRun run;

  g_assert_cmpstr (before, ==, "");
  g_assert_null (dlg_describe_image (bob, id));
  g_assert_false (can_launch (fixture->bob, id));

  dialog = open_dialog (fixture, image, &run);
  g_assert_false (dlg_can_apply (dialog));
  g_assert_nonnull (am_ui_test_find_widget (dialog, ADW_TYPE_ACTION_ROW, "none_row"));

  /* Invalid entries say what is expected and cannot be added. */
  entry = am_ui_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "add_row");
  dlg_type (entry, "12345");
  g_assert_nonnull (strstr (dlg_visible_error (dialog), "12 digits"));
  g_assert_false (gtk_widget_is_sensitive (am_ui_test_find_widget (dialog, GTK_TYPE_BUTTON, "add_button")));
  dlg_type (entry, "arn:aws:organizations::111122223333:organization/x-123");
  g_assert_nonnull (strstr (dlg_visible_error (dialog), "organization ARN"));
  dlg_type (entry, "arn:aws:organizations::111122223333:ou/o-abcd123456/ou-1");
  g_assert_nonnull (strstr (dlg_visible_error (dialog), "organizational unit ARN"));
  dlg_screenshot (dialog, "permissions-invalid");

  add_principal (dialog, AM_SANDBOX_BOB_ACCOUNT_ID);
  add_principal (dialog, ORG_ARN);
  add_principal (dialog, OU_ARN);
  /* The same account twice is refused. */
  dlg_type (entry, AM_SANDBOX_BOB_ACCOUNT_ID);
  g_assert_nonnull (strstr (dlg_visible_error (dialog), "Already"));
  dlg_type (entry, "");
  g_assert_true (dlg_can_apply (dialog));
  dlg_screenshot (dialog, "permissions");

  dlg_click (dlg_apply_button (dialog));
  dlg_wait_run (&run);
  g_assert_no_error (run.error);
  g_assert_true (run.applied);

  after = dlg_launch_permissions (client, id);
  expected = g_strjoin (",", AM_SANDBOX_BOB_ACCOUNT_ID, ORG_ARN, OU_ARN, NULL);
  g_assert_cmpstr (after, ==, expected);
  /* Bob now sees the image and may launch it. */
  seen_by_bob = dlg_describe_image (bob, id);
  g_assert_nonnull (seen_by_bob);
  g_assert_true (can_launch (fixture->bob, id));

  /* Reopened, the dialog lists them; removing bob is one click. */
  dialog = open_dialog (fixture, image, &run);
  g_assert_nonnull (am_ui_test_find_widget (dialog, ADW_TYPE_ACTION_ROW, AM_SANDBOX_BOB_ACCOUNT_ID));
  dlg_click (am_ui_test_find_widget (dialog, GTK_TYPE_BUTTON, "Stop sharing with " AM_SANDBOX_BOB_ACCOUNT_ID));
  g_assert_null (am_ui_test_find_widget (dialog, ADW_TYPE_ACTION_ROW, AM_SANDBOX_BOB_ACCOUNT_ID));
  dlg_click (dlg_apply_button (dialog));
  dlg_wait_run (&run);
  g_assert_true (run.applied);
  g_clear_pointer (&after, g_free);
  after = dlg_launch_permissions (client, id);
  g_assert_null (strstr (after, AM_SANDBOX_BOB_ACCOUNT_ID));
  g_assert_false (can_launch (fixture->bob, id));
  dlg_run_clear (&run);
}

static void
toast_grab_cb (AmActionDialog *dialog,
               gboolean        applied,
               AdwToast      **toast)
{
  if (am_action_dialog_get_toast (dialog) != NULL)
    *toast = g_object_ref (am_action_dialog_get_toast (dialog));
}

static gboolean
image_private (gpointer data)
{
  gpointer *args = data;
  g_autofree char *permissions = dlg_launch_permissions (args[0], args[1]);

  return g_strcmp0 (permissions, "") == 0;
}

static void
test_permissions_public (DlgFixture    *fixture,
                         gconstpointer  data)
{
  AmEc2Client *client = am_session_get_client (fixture->alice);
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, PRIVATE_IMAGE);
  const char *id = am_image_get_image_id (image);
  g_autoptr (AdwToast) toast = NULL;
  g_autofree char *after = NULL;
  GtkWidget *dialog;
  GtkWidget *confirm;
  GtkSwitch *public_switch;
  DlgRun run;

  dialog = open_dialog (fixture, image, &run);
  g_signal_connect (dialog, "finished", G_CALLBACK (toast_grab_cb), &toast);
  public_switch = GTK_SWITCH (am_ui_test_find_widget (dialog, GTK_TYPE_SWITCH, "public_switch"));
  gtk_switch_set_active (public_switch, TRUE);
  am_ui_test_iterate ();
  /* A warning at the switch, then a confirmation before anything is sent. */
  g_assert_nonnull (strstr (dlg_visible_error (dialog), "exposes"));
  dlg_screenshot (dialog, "permissions-public");
  dlg_click (dlg_apply_button (dialog));
  confirm = am_ui_test_wait_for_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  dlg_screenshot (confirm, "permissions-public-confirm");

  /* Keep private: the dialog stays open and editable, nothing changed. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
  gtk_window_close (GTK_WINDOW (confirm));
  am_ui_test_iterate ();
  g_assert_false (run.done);
  g_assert_true (dlg_can_apply (dialog));
  after = dlg_launch_permissions (client, id);
  g_assert_cmpstr (after, ==, "");

  /* Make public for real. */
  dlg_click (dlg_apply_button (dialog));
  confirm = am_ui_test_wait_for_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "public");
  gtk_window_close (GTK_WINDOW (confirm));
  dlg_wait_run (&run);
  g_assert_no_error (run.error);
  g_assert_true (run.applied);
  g_clear_pointer (&after, g_free);
  after = dlg_launch_permissions (client, id);
  g_assert_cmpstr (after, ==, "all");
  g_assert_true (can_launch (fixture->bob, id));

  /* Undo makes it private again. */
  g_assert_nonnull (toast);
  g_signal_emit_by_name (toast, "button-clicked");
  {
    gpointer args[] = { client, (gpointer) id };

    dlg_wait (image_private, args);
  }
  g_assert_false (can_launch (fixture->bob, id));
  dlg_run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  /* Software GL under Xvfb is slow on a busy machine; these tests look at widgets, not GL. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  am_ui_test_init (&argc, &argv);

  g_test_add ("/ui/dialogs/permissions/share", DlgFixture, NULL,
              dlg_fixture_set_up, test_permissions_share, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/permissions/public", DlgFixture, NULL,
              dlg_fixture_set_up, test_permissions_public, dlg_fixture_tear_down);

  return g_test_run ();
}
