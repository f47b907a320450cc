/* test-dialogs-governance.c: Block Public Access in the permissions dialog: the reason at the switch and the way to the setting
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-dialogs-governance"

#include "config.h"

#include <string.h>

#include "am-copy-image-request.h"
#include "am-ec2-governance.h"
#include "am-governance-page.h"
#include "am-permissions-dialog.h"
#include "am-remove-shared-dialog.h"
#include "test-dialogs-common.h"

#define PRIVATE_IMAGE "alice-build-runner-arm64-2026-02-03"

static gboolean
blocked_shown (gpointer data)
{
  return gtk_widget_get_visible (am_ui_test_find_widget (data, GTK_TYPE_BOX, "blocked_box"));
}

static gboolean
blocked_hidden (gpointer data)
{
  return !blocked_shown (data);
}

static void
set_blocked (AmSession *session,
             gboolean   block)
{
  AmEc2Client *client = am_session_get_client (session);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  am_ec2_client_set_image_block_public_access_async (client, block, NULL, dlg_store_result_cb, &result);
  dlg_wait (dlg_have_result, &result);
  g_assert_true (am_ec2_client_set_image_block_public_access_finish (client, result, &error));
  g_assert_no_error (error);
}

static gboolean
is_blocked (AmSession *session)
{
  AmEc2Client *client = am_session_get_client (session);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gboolean blocked = FALSE;

  am_ec2_client_get_image_block_public_access_async (client, NULL, dlg_store_result_cb, &result);
  dlg_wait (dlg_have_result, &result);
  g_assert_true (am_ec2_client_get_image_block_public_access_finish (client, result, &blocked, &error));
  g_assert_no_error (error);
  return blocked;
}

static void
make_public (GtkWidget *dialog)
{
  GtkWidget *confirm;

  gtk_switch_set_active (GTK_SWITCH (am_ui_test_find_widget (dialog, GTK_TYPE_SWITCH, "public_switch")), TRUE);
  am_ui_test_iterate ();
  dlg_click (dlg_apply_button (dialog));
  confirm = am_ui_test_wait_for_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "public");
  gtk_window_close (GTK_WINDOW (confirm));
}

/* Block Public Access is on when the dialog opens: the switch is off limits, the reason is
 * beside it, and Allow Public Sharing turns the setting off after a confirmation. */
static void
test_blocked_on_open (DlgFixture    *fixture,
                      gconstpointer  data)
{
  AmEc2Client *client = am_session_get_client (fixture->alice);
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, PRIVATE_IMAGE);
  const char *id = am_image_get_image_id (image);
  g_autofree char *after = NULL;
  GtkWidget *dialog;
  GtkWidget *confirm;
  GtkWidget *label;
  GtkWidget *public_switch;
  DlgRun run;

  set_blocked (fixture->alice, TRUE);
  dialog = dlg_open_permissions (fixture, image, &run);
  dlg_wait (blocked_shown, dialog);
  public_switch = am_ui_test_find_widget (dialog, GTK_TYPE_SWITCH, "public_switch");
  g_assert_false (gtk_widget_is_sensitive (public_switch));
  label = am_ui_test_find_widget (dialog, GTK_TYPE_LABEL, "blocked_label");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "Block Public Access for AMIs is on"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), am_session_get_region (fixture->alice)));
  dlg_screenshot (dialog, "permissions-blocked");

  /* Cancel keeps the setting. */
  dlg_click (am_ui_test_find_widget (dialog, GTK_TYPE_BUTTON, "allow_public_button"));
  confirm = am_ui_test_wait_for_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  dlg_screenshot (confirm, "permissions-allow-public");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
  gtk_window_close (GTK_WINDOW (confirm));
  am_ui_test_iterate ();
  g_assert_true (is_blocked (fixture->alice));
  g_assert_true (blocked_shown (dialog));

  /* Allow: the setting goes off and the image can be made public. */
  dlg_click (am_ui_test_find_widget (dialog, GTK_TYPE_BUTTON, "allow_public_button"));
  confirm = am_ui_test_wait_for_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "allow");
  gtk_window_close (GTK_WINDOW (confirm));
  dlg_wait (blocked_hidden, dialog);
  g_assert_false (is_blocked (fixture->alice));
  g_assert_true (gtk_widget_is_sensitive (public_switch));

  make_public (dialog);
  dlg_wait_run (&run);
  g_assert_no_error (run.error);
  g_assert_true (run.applied);
  after = dlg_launch_permissions (client, id);
  g_assert_cmpstr (after, ==, "all");
  dlg_run_clear (&run);
}

/* The refusal links to the setting: the Governance window of the same account and region opens
 * over the dialog, and turning Block Public Access off there frees the switch once it closes. */
static void
test_blocked_link (DlgFixture    *fixture,
                   gconstpointer  data)
{
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, PRIVATE_IMAGE);
  g_autofree char *title = NULL;
  GtkWidget *dialog;
  GtkWidget *link;
  GtkWidget *page;
  GtkSwitch *toggle;
  DlgRun run;

  set_blocked (fixture->alice, TRUE);
  dialog = dlg_open_permissions (fixture, image, &run);
  dlg_wait (blocked_shown, dialog);
  link = am_ui_test_find_widget (dialog, GTK_TYPE_LINK_BUTTON, "governance_link");
  g_assert_nonnull (link);
  g_assert_true (gtk_widget_is_visible (link));
  gtk_widget_activate (link);
  page = am_ui_test_wait_for_window_of_type (AM_TYPE_GOVERNANCE_PAGE);
  g_assert_nonnull (page);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (page)) == GTK_WINDOW (dialog));
  title = g_strdup_printf ("Governance in %s", am_session_get_region (fixture->alice));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (page)), ==, title);
  g_assert_true (am_ui_test_wait_until (dlg_governance_ready, page, 60000));
  toggle = GTK_SWITCH (am_ui_test_get_widget (page, GTK_TYPE_SWITCH, "bpa_switch"));
  g_assert_true (gtk_switch_get_active (toggle));
  gtk_switch_set_active (toggle, FALSE);
  g_assert_true (am_ui_test_wait_until (dlg_governance_ready, page, 60000));
  gtk_window_destroy (GTK_WINDOW (page));

  dlg_wait (blocked_hidden, dialog);
  g_assert_false (is_blocked (fixture->alice));
  g_assert_true (gtk_widget_is_sensitive (am_ui_test_find_widget (dialog, GTK_TYPE_SWITCH, "public_switch")));
  gtk_window_close (GTK_WINDOW (dialog));
  dlg_wait_run (&run);
  dlg_run_clear (&run);
}

/* Turned on after the dialog opened: EC2 refuses Save, and the dialog explains it at the
 * switch with the same way out, and stays open. */
static void
test_blocked_at_save (DlgFixture    *fixture,
                      gconstpointer  data)
{
  AmEc2Client *client = am_session_get_client (fixture->alice);
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, PRIVATE_IMAGE);
  g_autofree char *after = NULL;
  const char *label;
  GtkWidget *dialog;
  DlgRun run;

  dialog = dlg_open_permissions (fixture, image, &run);
  am_ui_test_iterate ();
  g_assert_false (blocked_shown (dialog));
  set_blocked (fixture->alice, TRUE);

  make_public (dialog);
  dlg_wait (blocked_shown, dialog);
  dlg_wait (dlg_not_busy, dialog);
  g_assert_false (run.done);
  /* The explanation, EC2's own words and the way out, all at the switch. */
  label = gtk_label_get_text (GTK_LABEL (am_ui_test_find_widget (dialog, GTK_TYPE_LABEL, "blocked_label")));
  g_assert_nonnull (strstr (label, "Block Public Access for AMIs is on"));
  g_assert_nonnull (strstr (label, "You can't publicly share this image because block public access"));
  g_assert_true (gtk_widget_is_sensitive (am_ui_test_find_widget (dialog, GTK_TYPE_BUTTON, "allow_public_button")));
  dlg_screenshot (dialog, "permissions-blocked-at-save");
  after = dlg_launch_permissions (client, am_image_get_image_id (image));
  g_assert_cmpstr (after, ==, "");
  gtk_window_close (GTK_WINDOW (dialog));
  dlg_wait_run (&run);
  dlg_run_clear (&run);
}

/* Bob removes an image alice shared with him: the dialog says what that means first, and then
 * the image is gone from his account while alice keeps it. */
static void
test_remove_shared (DlgFixture    *fixture,
                    gconstpointer  data)
{
  AmEc2Client *alice = am_session_get_client (fixture->alice);
  AmEc2Client *bob = am_session_get_client (fixture->bob);
  const char *bob_account[] = { AM_SANDBOX_BOB_ACCOUNT_ID, NULL };
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, PRIVATE_IMAGE);
  const char *id = am_image_get_image_id (image);
  g_autoptr (AmImage) seen_by_bob = NULL;
  g_autoptr (AmImage) after = NULL;
  g_autoptr (AmImage) still_alices = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) images = NULL;
  g_autoptr (AdwToast) toast = NULL;
  GtkWidget *dialog;
  GtkWidget *meaning;
  DlgRun run;

  am_ec2_client_modify_launch_permission_async (alice, id, AM_LAUNCH_PERMISSION_ADD, bob_account, FALSE, NULL,
                                                NULL, FALSE, NULL, dlg_store_result_cb, &result);
  dlg_wait (dlg_have_result, &result);
  g_assert_true (am_ec2_client_modify_launch_permission_finish (alice, result, NULL, &error));
  seen_by_bob = dlg_describe_image (bob, id);
  g_assert_nonnull (seen_by_bob);

  images = dlg_one_image (seen_by_bob);
  dialog = dlg_run_action (fixture, fixture->bob, "remove-shared", images, AM_TYPE_REMOVE_SHARED_DIALOG, &run);
  dlg_grab_toast (dialog, &toast);
  am_ui_test_iterate ();
  meaning = am_ui_test_find_widget (dialog, GTK_TYPE_LABEL, "meaning_label");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (meaning)), "keep running"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (meaning)), "nothing is deleted"));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (
                              ADW_PREFERENCES_GROUP (am_ui_test_find_widget (dialog, ADW_TYPE_PREFERENCES_GROUP,
                                                                             "what_group"))),
                            AM_SANDBOX_ALICE_ACCOUNT_ID));
  g_assert_true (dlg_can_apply (dialog));
  dlg_screenshot (dialog, "remove-shared");

  dlg_click (dlg_apply_button (dialog));
  dlg_wait_run (&run);
  g_assert_no_error (run.error);
  g_assert_true (run.applied);
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (adw_toast_get_title (toast), "removed from this account"));
  after = dlg_describe_image (bob, id);
  g_assert_null (after);
  still_alices = dlg_describe_image (alice, id);
  g_assert_nonnull (still_alices);
  dlg_run_clear (&run);
}

static void
share_with_bob (AmEc2Client *alice,
                const char  *image_id)
{
  const char *bob_account[] = { AM_SANDBOX_BOB_ACCOUNT_ID, NULL };
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  am_ec2_client_modify_launch_permission_async (alice, image_id, AM_LAUNCH_PERMISSION_ADD, bob_account, FALSE,
                                                NULL, NULL, FALSE, NULL, dlg_store_result_cb, &result);
  dlg_wait (dlg_have_result, &result);
  g_assert_true (am_ec2_client_modify_launch_permission_finish (alice, result, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
usage_loaded (gpointer data)
{
  return am_permissions_dialog_is_usage_loaded (data);
}

static gboolean
message_dialog_shown (gpointer data)
{
  GtkWidget **slot = data;

  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (gtk_window_get_toplevels (), i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *slot = GTK_WIDGET (window);
          return TRUE;
        }
    }
  return FALSE;
}

/* Bob runs an instance of alice's shared image; alice stops sharing with him: before anything
 * changes, the dialog counts who still uses the image and warns with bob's numbers. */
static void
test_remove_used_account (DlgFixture    *fixture,
                          gconstpointer  data)
{
  AmEc2Client *alice = am_session_get_client (fixture->alice);
  AmEc2Client *bob = am_session_get_client (fixture->bob);
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, PRIVATE_IMAGE);
  const char *id = am_image_get_image_id (image);
  g_autoptr (AmRunInstancesRequest) run_request = am_run_instances_request_new (id, "t4g.micro");
  g_autoptr (GAsyncResult) r_run = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *after = NULL;
  GtkWidget *dialog;
  GtkWidget *confirm = NULL;
  const char *body;
  DlgRun run;

  share_with_bob (alice, id);
  am_ec2_client_run_instances_async (bob, run_request, FALSE, NULL, dlg_store_result_cb, &r_run);
  dlg_wait (dlg_have_result, &r_run);
  g_assert_true (am_ec2_client_run_instances_finish (bob, r_run, NULL, NULL, &error));
  g_assert_no_error (error);

  dialog = dlg_open_permissions (fixture, image, &run);

  /* The usage report, on demand: bob's account with his instance. */
  g_assert_false (am_permissions_dialog_is_usage_loaded (AM_PERMISSIONS_DIALOG (dialog)));
  g_assert_null (am_ui_test_find_widget (am_ui_test_find_widget (dialog, ADW_TYPE_PREFERENCES_GROUP, "usage_group"),
                                         ADW_TYPE_ACTION_ROW, AM_SANDBOX_BOB_ACCOUNT_ID));
  dlg_click (am_ui_test_find_widget (dialog, GTK_TYPE_BUTTON, "usage_button"));
  g_assert_true (gtk_widget_get_visible (am_ui_test_find_widget (dialog, GTK_TYPE_SPINNER, "usage_spinner")));
  g_assert_true (am_ui_test_wait_until (usage_loaded, dialog, 60000));
  {
    GtkWidget *group = am_ui_test_find_widget (dialog, ADW_TYPE_PREFERENCES_GROUP, "usage_group");
    GtkWidget *row = am_ui_test_find_widget (group, ADW_TYPE_ACTION_ROW, AM_SANDBOX_BOB_ACCOUNT_ID);

    g_assert_nonnull (row);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "1 instance, 0 launch templates");
    g_assert_null (am_ui_test_find_widget (group, ADW_TYPE_ACTION_ROW, AM_SANDBOX_ALICE_ACCOUNT_ID));
    g_assert_false (gtk_widget_get_visible (am_ui_test_find_widget (dialog, GTK_TYPE_SPINNER, "usage_spinner")));
    dlg_screenshot (dialog, "permissions-usage-report");
  }

  dlg_click (am_ui_test_find_widget (dialog, GTK_TYPE_BUTTON, "Stop sharing with " AM_SANDBOX_BOB_ACCOUNT_ID));
  dlg_click (dlg_apply_button (dialog));
  g_assert_true (am_ui_test_wait_until (message_dialog_shown, &confirm, 60000));
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (confirm));
  g_test_message ("warning: %s", body);
  g_assert_nonnull (strstr (body, AM_SANDBOX_BOB_ACCOUNT_ID ": 1 instance, 0 launch templates"));
  g_assert_nonnull (strstr (body, "keep running"));
  dlg_screenshot (confirm, "permissions-still-used");

  /* Keep Access: nothing changes and the dialog stays open. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "cancel");
  gtk_window_close (GTK_WINDOW (confirm));
  dlg_wait (dlg_not_busy, dialog);
  g_assert_false (run.done);
  kept = dlg_launch_permissions (alice, id);
  g_assert_cmpstr (kept, ==, AM_SANDBOX_BOB_ACCOUNT_ID);

  /* Remove Anyway. */
  confirm = NULL;
  dlg_click (dlg_apply_button (dialog));
  g_assert_true (am_ui_test_wait_until (message_dialog_shown, &confirm, 60000));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "remove");
  gtk_window_close (GTK_WINDOW (confirm));
  dlg_wait_run (&run);
  g_assert_no_error (run.error);
  g_assert_true (run.applied);
  after = dlg_launch_permissions (alice, id);
  g_assert_cmpstr (after, ==, "");
  dlg_run_clear (&run);
}

typedef struct
{
  AmEc2Client *client;
  const char  *image_id;
} ImageWait;

static gboolean
image_available (gpointer data)
{
  ImageWait *wait = data;
  g_autoptr (AmImage) image = dlg_describe_image (wait->client, wait->image_id);

  return image != NULL && g_strcmp0 (am_image_get_state (image), "available") == 0;
}

/* An image with encrypted snapshots: before anything is shared, the dialog says what EC2 will
 * refuse (making it public) and what sharing needs (the key), naming the snapshot. */
static void
test_encrypted_share (DlgFixture    *fixture,
                      gconstpointer  data)
{
  AmEc2Client *client = am_session_get_client (fixture->alice);
  g_autoptr (AmImage) source = dlg_owned_image_named (fixture->alice, PRIVATE_IMAGE);
  g_autoptr (AmCopyImageRequest) request = am_copy_image_request_new (am_image_get_image_id (source),
                                                                      am_session_get_region (fixture->alice),
                                                                      "encrypted-copy");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AmImage) copy = NULL;
  g_autofree char *copy_id = NULL;
  const char *snapshot;
  const char *text;
  GtkWidget *dialog;
  GtkWidget *label;
  ImageWait wait;
  DlgRun run;

  request->encrypted = TRUE;
  am_ec2_client_copy_image_async (client, request, FALSE, NULL, dlg_store_result_cb, &result);
  dlg_wait (dlg_have_result, &result);
  g_assert_true (am_ec2_client_copy_image_finish (client, result, &copy_id, NULL, &error));
  g_assert_no_error (error);
  wait = (ImageWait) { client, copy_id };
  g_assert_true (am_ui_test_wait_until (image_available, &wait, 60000));
  copy = dlg_describe_image (client, copy_id);
  snapshot = am_block_device_mapping_get_snapshot_id (am_image_get_block_device_mappings (copy)[0]);
  g_assert_nonnull (snapshot);

  dialog = dlg_open_permissions (fixture, copy, &run);
  label = am_ui_test_find_widget (dialog, GTK_TYPE_LABEL, "encrypted_label");
  g_assert_true (gtk_widget_get_visible (label));
  text = gtk_label_get_text (GTK_LABEL (label));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, snapshot));
  g_assert_nonnull (strstr (text, "does not make an image with encrypted snapshots public"));
  g_assert_nonnull (strstr (text, "aws/ebs"));
  g_assert_false (gtk_widget_is_sensitive (am_ui_test_find_widget (dialog, GTK_TYPE_SWITCH, "public_switch")));
  g_assert_true (gtk_widget_is_sensitive (am_ui_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "add_row")));
  dlg_screenshot (dialog, "permissions-encrypted");
  gtk_window_close (GTK_WINDOW (dialog));
  dlg_wait_run (&run);
  dlg_run_clear (&run);

  /* The unencrypted source: no such words, and Public is offered. */
  dialog = dlg_open_permissions (fixture, source, &run);
  g_assert_false (gtk_widget_get_visible (am_ui_test_find_widget (dialog, GTK_TYPE_LABEL, "encrypted_label")));
  g_assert_true (gtk_widget_is_sensitive (am_ui_test_find_widget (dialog, GTK_TYPE_SWITCH, "public_switch")));
  gtk_window_close (GTK_WINDOW (dialog));
  dlg_wait_run (&run);
  dlg_run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  am_ui_test_init (&argc, &argv);

  g_test_add ("/ui/dialogs/governance/blocked-on-open", DlgFixture, NULL,
              dlg_fixture_set_up, test_blocked_on_open, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/governance/blocked-link", DlgFixture, NULL,
              dlg_fixture_set_up, test_blocked_link, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/governance/blocked-at-save", DlgFixture, NULL,
              dlg_fixture_set_up, test_blocked_at_save, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/governance/encrypted-share", DlgFixture, NULL,
              dlg_fixture_set_up, test_encrypted_share, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/governance/remove-shared", DlgFixture, NULL,
              dlg_fixture_set_up, test_remove_shared, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/governance/remove-used-account", DlgFixture, NULL,
              dlg_fixture_set_up, test_remove_used_account, dlg_fixture_tear_down);

  return g_test_run ();
}
