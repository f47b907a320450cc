/* test-dialogs-share-checks.c: what EC2 will refuse, said before sharing (snapshots) and copying (Allowed AMIs)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-dialogs-share-checks"

#include "config.h"

#include <string.h>

#include "am-aws-error.h"
#include "am-copy-image-dialog.h"
#include "am-ec2-governance.h"
#include "am-permissions-dialog.h"
#include "test-dialogs-common.h"

#define PRIVATE_IMAGE "alice-build-runner-arm64-2026-02-03"

static const char *
label_text (GtkWidget  *dialog,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (am_ui_test_find_widget (dialog, GTK_TYPE_LABEL, name)));
}

static gboolean
visible (GtkWidget  *dialog,
         GType       type,
         const char *name)
{
  GtkWidget *widget = am_ui_test_find_widget (dialog, type, name);

  return widget != NULL && gtk_widget_is_visible (widget);
}

static gboolean
share_offered (gpointer data)
{
  return visible (data, GTK_TYPE_BUTTON, "share_snapshots_button");
}

static gboolean
unshare_offered (gpointer data)
{
  return visible (data, GTK_TYPE_BUTTON, "unshare_snapshots_button");
}

static gboolean
snapshots_changed (gpointer data)
{
  GtkWidget *dialog = data;

  return visible (dialog, GTK_TYPE_LABEL, "snapshots_result")
         && gtk_widget_is_sensitive (am_ui_test_find_widget (dialog, GTK_TYPE_BUTTON, "share_snapshots_button"));
}

/* Who may create volumes from @snapshot_id, read through the app's client: "all" and account
 * IDs joined with ",". */
static char *
snapshot_sharing (AmEc2Client *client,
                  const char  *snapshot_id)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AmSnapshotSharing) sharing = NULL;
  g_autofree char *users = NULL;

  am_ec2_client_get_snapshot_sharing_async (client, snapshot_id, NULL, dlg_store_result_cb, &result);
  dlg_wait (dlg_have_result, &result);
  sharing = am_ec2_client_get_snapshot_sharing_finish (client, result, &error);
  g_assert_no_error (error);
  users = g_strjoinv (",", sharing->user_ids);
  return sharing->is_public ? g_strconcat ("all", *users ? "," : "", users, NULL) : g_steal_pointer (&users);
}

/* Whether bob finds @snapshot_id by its ID (EC2 lists a snapshot shared with an account). */
static gboolean
bob_sees (DlgFixture *fixture,
          const char *snapshot_id)
{
  AmEc2Client *client = am_session_get_client (fixture->bob);
  const char *ids[] = { snapshot_id, NULL };
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) snapshots = NULL;

  am_ec2_client_describe_snapshots_async (client, ids, NULL, NULL, NULL, dlg_store_result_cb, &result);
  dlg_wait (dlg_have_result, &result);
  snapshots = am_ec2_client_describe_snapshots_finish (client, result, &error);
  if (error != NULL && g_strcmp0 (am_aws_error_get_code (error), "InvalidSnapshot.NotFound") == 0)
    return FALSE;
  g_assert_no_error (error);
  return snapshots->len == 1;
}

/* Sharing with bob, whose account may not use the image's snapshot: the sentence before Save,
 * Also Share the Snapshots shares it (bob then finds it); removing bob offers the reverse. */
static void
test_snapshots_with_account (DlgFixture    *fixture,
                             gconstpointer  data)
{
  AmEc2Client *client = am_session_get_client (fixture->alice);
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, PRIVATE_IMAGE);
  const char *snapshot = am_block_device_mapping_get_snapshot_id (am_image_get_block_device_mappings (image)[0]);
  g_autofree char *expected = NULL;
  g_autofree char *sharing = NULL;
  GtkWidget *dialog;
  DlgRun run;

  g_assert_nonnull (snapshot);
  sharing = snapshot_sharing (client, snapshot);
  g_assert_cmpstr (sharing, ==, "");
  g_assert_false (bob_sees (fixture, snapshot));

  dialog = dlg_open_permissions (fixture, image, &run);
  g_assert_false (share_offered (dialog));
  dlg_type (am_ui_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "add_row"), AM_SANDBOX_BOB_ACCOUNT_ID);
  dlg_click (am_ui_test_find_widget (dialog, GTK_TYPE_BUTTON, "add_button"));
  dlg_wait (share_offered, dialog);
  expected = g_strdup_printf ("%s will be able to launch this image but not to copy it or create volumes from its "
                              "snapshots: %s is not shared with that account.",
                              AM_SANDBOX_BOB_ACCOUNT_ID, snapshot);
  g_assert_cmpstr (label_text (dialog, "snapshots_label"), ==, expected);
  dlg_screenshot (dialog, "permissions-snapshots-not-shared");

  dlg_click (am_ui_test_find_widget (dialog, GTK_TYPE_BUTTON, "share_snapshots_button"));
  dlg_wait (snapshots_changed, dialog);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s: now shared with %s", snapshot, AM_SANDBOX_BOB_ACCOUNT_ID);
  g_assert_cmpstr (label_text (dialog, "snapshots_result"), ==, expected);
  g_assert_false (share_offered (dialog));
  g_assert_false (visible (dialog, GTK_TYPE_LABEL, "snapshots_label"));
  dlg_screenshot (dialog, "permissions-snapshots-shared");
  g_clear_pointer (&sharing, g_free);
  sharing = snapshot_sharing (client, snapshot);
  g_assert_cmpstr (sharing, ==, AM_SANDBOX_BOB_ACCOUNT_ID);
  g_assert_true (bob_sees (fixture, snapshot));

  /* Making it public: every account could launch it, but the snapshot is not public. */
  {
    GtkSwitch *public_switch = GTK_SWITCH (am_ui_test_find_widget (dialog, GTK_TYPE_SWITCH, "public_switch"));

    gtk_switch_set_active (public_switch, TRUE);
    dlg_wait (share_offered, dialog);
    g_clear_pointer (&expected, g_free);
    expected = g_strdup_printf ("Every account will be able to launch this image but not to copy it or create "
                                "volumes from its snapshots: %s is not public.", snapshot);
    g_assert_cmpstr (label_text (dialog, "snapshots_label"), ==, expected);
    gtk_switch_set_active (public_switch, FALSE);
    am_ui_test_iterate ();
    g_assert_false (share_offered (dialog));
  }

  /* Save the launch permission too. */
  dlg_click (dlg_apply_button (dialog));
  dlg_wait_run (&run);
  g_assert_no_error (run.error);
  g_assert_true (run.applied);
  dlg_run_clear (&run);

  /* Removing bob: his account could still create volumes from the snapshot. */
  dialog = dlg_open_permissions (fixture, image, &run);
  g_assert_false (unshare_offered (dialog));
  dlg_click (am_ui_test_find_widget (dialog, GTK_TYPE_BUTTON, "Stop sharing with " AM_SANDBOX_BOB_ACCOUNT_ID));
  dlg_wait (unshare_offered, dialog);
  g_assert_nonnull (strstr (label_text (dialog, "snapshots_label"), "can still create volumes from"));
  dlg_click (am_ui_test_find_widget (dialog, GTK_TYPE_BUTTON, "unshare_snapshots_button"));
  dlg_wait (snapshots_changed, dialog);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s: no longer shared with %s", snapshot, AM_SANDBOX_BOB_ACCOUNT_ID);
  g_assert_cmpstr (label_text (dialog, "snapshots_result"), ==, expected);
  g_clear_pointer (&sharing, g_free);
  sharing = snapshot_sharing (client, snapshot);
  g_assert_cmpstr (sharing, ==, "");
  g_assert_false (bob_sees (fixture, snapshot));
  gtk_window_close (GTK_WINDOW (dialog));
  dlg_wait_run (&run);
  dlg_run_clear (&run);
}

/* Alice's Allowed AMIs in @region: @state with one criterion allowing names like @name only. */
static void
set_allowed (DlgFixture *fixture,
             const char *region,
             const char *state,
             const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AmEc2Client) client = am_ec2_client_new_for_region (am_session_get_client (fixture->alice), region, &error);
  g_autoptr (GPtrArray) criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) am_image_criterion_free);
  AmImageCriterion *criterion = am_image_criterion_new ();
  const char *names[] = { name, NULL };
  g_autoptr (GAsyncResult) replaced = NULL;
  g_autoptr (GAsyncResult) set = NULL;

  g_assert_no_error (error);
  criterion->names = g_strdupv ((char **) names);
  g_ptr_array_add (criteria, criterion);
  am_ec2_client_replace_image_criteria_async (client, criteria, NULL, dlg_store_result_cb, &replaced);
  dlg_wait (dlg_have_result, &replaced);
  g_assert_true (am_ec2_client_replace_image_criteria_finish (client, replaced, &error));
  g_assert_no_error (error);
  am_ec2_client_set_allowed_images_state_async (client, state, NULL, dlg_store_result_cb, &set);
  dlg_wait (dlg_have_result, &set);
  g_assert_true (am_ec2_client_set_allowed_images_state_finish (client, set, &error));
  g_assert_no_error (error);
}

static gboolean
allowed_note_shown (gpointer data)
{
  return visible (data, GTK_TYPE_LABEL, "allowed_label");
}

static GtkWidget *
open_copy (DlgFixture *fixture,
           DlgRun     *run,
           const char *region)
{
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, PRIVATE_IMAGE);
  g_autoptr (GPtrArray) images = dlg_one_image (image);
  GtkWidget *dialog;

  dialog = dlg_run_action (fixture, fixture->alice, "copy", images, AM_TYPE_COPY_IMAGE_DIALOG, run);
  g_assert_true (am_copy_image_dialog_select_region (AM_COPY_IMAGE_DIALOG (dialog), region));
  am_ui_test_iterate ();
  return dialog;
}

static void
keep_copy_id_cb (AmCopyImageDialog  *dialog,
                 gboolean            applied,
                 char              **copy_id)
{
  g_free (*copy_id);
  *copy_id = g_strdup (am_copy_image_dialog_get_new_image_id (dialog));
}

/* The destination's Allowed AMIs criteria would not let the copy's name in: the dialog names the
 * criterion before Copy, says the copy stays usable by this account (EC2 never restricts an
 * account's own images), and Copy stays possible; in audit mode likewise; a name the criteria
 * allow, or another Region, says nothing. */
static void
test_copy_allowed (DlgFixture    *fixture,
                   gconstpointer  data)
{
  g_autofree char *copy_id = NULL;
  const char *text;
  GtkWidget *dialog;
  DlgRun run;

  set_allowed (fixture, "eu-west-1", "enabled", "golden-*");
  dialog = open_copy (fixture, &run, "eu-west-1");
  dlg_wait (allowed_note_shown, dialog);
  text = label_text (dialog, "allowed_label");
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Allowed AMIs is enabled in eu-west-1"));
  g_assert_nonnull (strstr (text, "its name “" PRIVATE_IMAGE "” matches none of the image names golden-*"));
  g_assert_nonnull (strstr (text, "This account can still launch it there"));
  g_assert_true (dlg_can_apply (dialog));
  dlg_screenshot (dialog, "copy-allowed-enabled");

  /* A name the criterion allows: nothing to say. */
  dlg_type (am_ui_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "name_row"), "golden-build-runner");
  g_assert_false (allowed_note_shown (dialog));
  dlg_type (am_ui_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "name_row"), "build-runner-copy");
  g_assert_true (allowed_note_shown (dialog));

  /* Another Region without Allowed AMIs: nothing either, once its settings are read. */
  g_assert_true (am_copy_image_dialog_select_region (AM_COPY_IMAGE_DIALOG (dialog), "eu-central-1"));
  am_ui_test_settle (500);
  g_assert_false (allowed_note_shown (dialog));

  /* Copy is still possible, and makes the copy. */
  g_assert_true (am_copy_image_dialog_select_region (AM_COPY_IMAGE_DIALOG (dialog), "eu-west-1"));
  dlg_wait (allowed_note_shown, dialog);
  g_signal_connect (dialog, "finished", G_CALLBACK (keep_copy_id_cb), &copy_id);
  dlg_click (dlg_apply_button (dialog));
  dlg_wait_run (&run);
  g_assert_no_error (run.error);
  g_assert_true (run.applied);
  g_assert_nonnull (copy_id);
  /* What the note said: EC2 lets this account use its copy there, criteria or not. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (AmEc2Client) there = am_ec2_client_new_for_region (am_session_get_client (fixture->alice),
                                                                  "eu-west-1", &error);
    g_autoptr (AmImage) copy = NULL;

    g_assert_no_error (error);
    copy = dlg_describe_image (there, copy_id);
    g_assert_nonnull (copy);
    g_assert_true (am_image_get_image_allowed (copy));
  }
  dlg_run_clear (&run);

  set_allowed (fixture, "eu-west-1", "audit-mode", "golden-*");
  dialog = open_copy (fixture, &run, "eu-west-1");
  dlg_wait (allowed_note_shown, dialog);
  text = label_text (dialog, "allowed_label");
  g_assert_nonnull (strstr (text, "Allowed AMIs is in audit mode in eu-west-1"));
  g_assert_nonnull (strstr (text, "matches none of the image names golden-*"));
  g_assert_nonnull (strstr (text, "flagged"));
  dlg_screenshot (dialog, "copy-allowed-audit");
  gtk_window_close (GTK_WINDOW (dialog));
  dlg_wait_run (&run);
  dlg_run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  /* Software GL under Xvfb is slow on a busy machine; these tests look at widgets, not GL. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  am_ui_test_init (&argc, &argv);

  g_test_add ("/ui/dialogs/share-checks/snapshots-with-account", DlgFixture, NULL,
              dlg_fixture_set_up, test_snapshots_with_account, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/share-checks/copy-allowed", DlgFixture, NULL,
              dlg_fixture_set_up, test_copy_allowed, dlg_fixture_tear_down);

  return g_test_run ();
}
