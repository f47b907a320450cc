/* test-snapshots-regions.c: the Snapshots view's All Regions listing on a real sandbox with one
 * Region down: orphans judged in their own Region, Delete sent to the snapshot's Region
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-snapshots-regions"

#include "config.h"

#include <string.h>

#include "am-copy-image-request.h"
#include "am-regions-banner.h"
#include "am-snapshots-view.h"
#include "am-test-families.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"

#define DOWN_REGION "us-west-2"

static gboolean
fanout_settled (gpointer data)
{
  AmSnapshotsView *view = data;
  AmRegionFanout *fanout = am_snapshots_view_get_fanout (view);
  g_auto (GStrv) regions = fanout != NULL ? am_region_fanout_dup_regions (fanout) : NULL;

  return fanout != NULL && regions[0] != NULL && !am_region_fanout_get_loading (fanout)
         && !am_snapshots_view_is_busy (view);
}

static gboolean
one_region_listed (gpointer data)
{
  return !am_snapshots_view_is_busy (data) && am_snapshots_view_get_n_shown (data) > 0;
}

/*
 * us-west-2 is down. alice's snapshots of us-east-1, eu-west-1 (whose image was deregistered,
 * keeping its snapshot: an orphan there) and eu-central-1 (a copy's, used by the copy) are
 * listed together; each is judged by the images of its own Region; Delete of the eu-west-1
 * orphan reaches eu-west-1; the banner names us-west-2 with a Retry that asks it alone.
 */
static void
test_all_regions (void)
{
  const char *args[] = { "--recycle-bin-days", "0", "--faults", "region-down=" DOWN_REGION, NULL };
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (args);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  AmEc2Client *client = am_session_get_client (session);
  g_autoptr (AmEc2Client) ireland = am_ec2_client_new_for_region (client, "eu-west-1", NULL);
  g_autoptr (AmEc2Client) frankfurt = am_ec2_client_new_for_region (client, "eu-central-1", NULL);
  g_autoptr (AmImage) east_image = am_test_families_owned_image (client, NULL);
  g_autoptr (AmImage) ireland_image = am_test_families_owned_image (ireland, NULL);
  g_autofree char *east_snapshot = am_test_families_snapshots_of (client, am_image_get_image_id (east_image));
  g_autofree char *orphan = am_test_families_snapshots_of (ireland, am_image_get_image_id (ireland_image));
  g_autofree char *copy_id = NULL;
  g_autofree char *copy_snapshot = NULL;
  g_autofree char *summary = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  const char *orphan_ids[] = { orphan, NULL };
  const char *two_regions[] = { orphan, copy_snapshot, NULL };
  AmSnapshotsView *view;
  AmRegionFanout *fanout;
  GtkWidget *window, *banner, *retry, *dialog;

  /* A copy in eu-central-1 brings its own snapshot there, used by the copy. */
  {
    g_autoptr (AmCopyImageRequest) request = am_copy_image_request_new (am_image_get_image_id (east_image), "us-east-1",
                                                                        "copy-in-frankfurt");

    am_ec2_client_copy_image_async (frankfurt, request, FALSE, NULL, am_test_families_cb, &result);
    g_assert_true (am_ec2_client_copy_image_finish (frankfurt, am_test_families_wait (&result), &copy_id, NULL, &error));
    g_assert_no_error (error);
    g_clear_object (&result);
    copy_snapshot = am_test_families_snapshots_of (frankfurt, copy_id);
    two_regions[1] = copy_snapshot;
  }
  /* eu-west-1's image goes, its snapshot stays: an orphan of eu-west-1. */
  am_ec2_client_deregister_image_async (ireland, am_image_get_image_id (ireland_image), FALSE, FALSE, NULL,
                                        am_test_families_cb, &result);
  g_assert_true (am_ec2_client_deregister_image_finish (ireland, am_test_families_wait (&result), NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_test_message ("us-east-1 %s, eu-west-1 orphan %s, eu-central-1 %s of %s", east_snapshot, orphan, copy_snapshot, copy_id);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 600);
  view = AM_SNAPSHOTS_VIEW (am_snapshots_view_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  am_snapshots_view_set_session (view, session);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (window);

  /* All Regions, through the toolbar's toggle. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (am_ui_test_get_widget (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON,
                                                                          "all_regions_toggle")), TRUE);
  g_assert_true (am_ui_test_wait_until (fanout_settled, view, 120000));
  fanout = am_snapshots_view_get_fanout (view);
  g_assert_cmpint (am_region_fanout_get_region_state (fanout, DOWN_REGION), ==, AM_REGION_JOB_FAILED);

  /* Every Region that answered is listed, each snapshot judged by its own Region's images. */
  g_assert_nonnull (strstr (am_snapshots_view_get_used_by_text (view, east_snapshot), am_image_get_image_id (east_image)));
  g_assert_nonnull (strstr (am_snapshots_view_get_used_by_text (view, copy_snapshot), copy_id));
  g_assert_false (am_snapshots_view_is_orphan (view, "eu-central-1", copy_snapshot));
  g_assert_cmpstr (am_snapshots_view_get_used_by_text (view, orphan), ==, "Not used by any image");
  g_assert_true (am_snapshots_view_is_orphan (view, "eu-west-1", orphan));
  /* The storage totals count every Region's owned images: two in us-east-1, the copy. */
  g_assert_nonnull (am_ui_test_find_label_containing (GTK_WIDGET (view), "The 3 owned images' snapshots"));

  banner = am_snapshots_view_get_regions_banner (view);
  g_assert_true (gtk_widget_is_drawable (banner));
  summary = am_regions_banner_dup_summary (AM_REGIONS_BANNER (banner));
  g_test_message ("%s", summary);
  g_assert_nonnull (strstr (summary, "eu-central-1: 1 snapshot"));
  g_assert_nonnull (strstr (summary, DOWN_REGION ": failed"));
  g_assert_nonnull (am_ui_test_find_label_containing (banner, DOWN_REGION ": could not connect"));
  retry = am_regions_banner_get_retry_button (AM_REGIONS_BANNER (banner), DOWN_REGION);
  g_assert_nonnull (retry);

  /* Orphans Only: the eu-west-1 orphan alone (the other Regions' snapshots are used). */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (am_ui_test_get_widget (GTK_WIDGET (view), GTK_TYPE_CHECK_BUTTON,
                                                                        "orphans_check")), TRUE);
  am_ui_test_iterate ();
  g_assert_cmpuint (am_snapshots_view_get_n_shown (view), ==, 1);
  g_assert_cmpuint (am_snapshots_view_select (view, orphan_ids), ==, 1);
  am_ui_test_iterate ();
  am_ui_test_settle (300);
  am_ui_test_screenshot_light_dark (window, "snapshots-all-regions-one-down", 300);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (am_ui_test_get_widget (GTK_WIDGET (view), GTK_TYPE_CHECK_BUTTON,
                                                                        "orphans_check")), FALSE);
  am_ui_test_iterate ();

  /* Two Regions selected: nothing to delete through one client. */
  g_assert_cmpuint (am_snapshots_view_select (view, two_regions), ==, 2);
  am_ui_test_iterate ();
  g_assert_false (gtk_widget_get_sensitive (am_ui_test_find_action_button (GTK_WIDGET (view), "snapshots.delete")));
  g_assert_nonnull (am_ui_test_find_label_containing (GTK_WIDGET (view), "several Regions"));

  /* Delete of the eu-west-1 orphan goes to eu-west-1. */
  g_assert_cmpuint (am_snapshots_view_select (view, orphan_ids), ==, 1);
  am_ui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "snapshots.delete", NULL));
  dialog = am_ui_test_wait_for_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), orphan));
  am_ui_test_message_dialog_press (dialog, "delete");
  g_assert_true (am_ui_test_wait_until (fanout_settled, view, 120000));
  g_assert_false (am_test_families_snapshot_exists (ireland, orphan));
  g_assert_true (am_test_families_in_recycle_bin (ireland, orphan));
  g_assert_true (am_test_families_snapshot_exists (frankfurt, copy_snapshot));
  g_assert_true (am_test_families_snapshot_exists (client, east_snapshot));

  /* Retry asks the failed Region alone again. */
  retry = am_regions_banner_get_retry_button (AM_REGIONS_BANNER (banner), DOWN_REGION);
  g_assert_nonnull (retry);
  g_signal_emit_by_name (retry, "clicked");
  g_assert_cmpint (am_region_fanout_get_region_state (fanout, DOWN_REGION), ==, AM_REGION_JOB_RUNNING);
  g_assert_cmpint (am_region_fanout_get_region_state (fanout, "eu-west-1"), ==, AM_REGION_JOB_DONE);
  g_assert_cmpint (am_region_fanout_get_region_state (fanout, "eu-central-1"), ==, AM_REGION_JOB_DONE);
  g_assert_true (am_ui_test_wait_until (fanout_settled, view, 120000));
  g_assert_cmpint (am_region_fanout_get_region_state (fanout, DOWN_REGION), ==, AM_REGION_JOB_FAILED);
  g_assert_nonnull (am_snapshots_view_get_used_by_text (view, copy_snapshot));

  /* Back to one Region: the copy's snapshot (eu-central-1) is not listed, the banner is hidden. */
  am_snapshots_view_set_all_regions (view, FALSE);
  g_assert_true (am_ui_test_wait_until (one_region_listed, view, 60000));
  g_assert_nonnull (am_snapshots_view_get_used_by_text (view, east_snapshot));
  g_assert_null (am_snapshots_view_get_used_by_text (view, copy_snapshot));
  g_assert_false (gtk_widget_get_visible (banner));

  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/snapshots/all-regions", test_all_regions);
  return g_test_run ();
}
