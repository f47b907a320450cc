/* test-instances-regions.c: the Instances view's All Regions listing on a real sandbox with one
 * Region down, and an action on another Region's instance
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-instances-regions"

#include "config.h"

#include <string.h>

#include "am-region-fanout.h"
#include "am-regions-banner.h"
#include "am-session.h"
#include "test-instances-common.h"

#define DOWN_REGION "eu-west-1"
#define FAR_REGION  "us-west-2"

static gboolean
fanout_settled (gpointer data)
{
  AmInstancesView *view = data;
  AmRegionFanout *fanout = am_instances_view_get_fanout (view);
  g_auto (GStrv) regions = fanout != NULL ? am_region_fanout_dup_regions (fanout) : NULL;

  return fanout != NULL && regions[0] != NULL && !am_region_fanout_get_loading (fanout);
}

typedef struct
{
  AmInstancesView *view;
  const char      *id;
  const char      *state;
} Listed;

static gboolean
listed_in_state (gpointer data)
{
  Listed *listed = data;

  return g_strcmp0 (am_instances_view_get_state_name (listed->view, listed->id), listed->state) == 0;
}

static gboolean
far_stopped (gpointer data)
{
  void **args = data;
  g_autoptr (AmInstance) instance = instances_describe_in (args[0], args[1]);
  const char *state = am_instance_get_state_name (instance);

  return g_strcmp0 (state, "stopping") == 0 || g_strcmp0 (state, "stopped") == 0;
}

static GtkColumnView *
column_view_of (AmInstancesView *view)
{
  return GTK_COLUMN_VIEW (am_ui_test_find_widget (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, NULL));
}

static const char *
second_column_title (AmInstancesView *view)
{
  GListModel *columns = gtk_column_view_get_columns (column_view_of (view));
  g_autoptr (GtkColumnViewColumn) second = g_list_model_get_item (columns, 1);

  return gtk_column_view_column_get_title (second);
}

/*
 * eu-west-1 is down. All Regions lists alice's instance in us-east-1 (the session's Region)
 * and the one in us-west-2, each with its Region; the banner names eu-west-1 with the reason
 * and a Retry that asks it alone again. Stop on the us-west-2 instance is sent to us-west-2.
 */
static void
test_all_regions (InstancesFixture *fixture,
                  gconstpointer     data)
{
  g_autoptr (AmEc2Client) far = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *east_image = instances_find_launchable_image (fixture);
  g_autofree char *east = instances_run_instance (fixture, east_image, "east-web");
  g_autofree char *far_image = NULL;
  g_autofree char *west = NULL;
  g_autoptr (AmInstance) east_now = NULL;
  g_autofree char *summary = NULL;
  const char *both[3];
  AmEc2Client *session_client = fixture->client;
  AmRegionFanout *fanout;
  GtkWidget *banner;
  GtkWidget *failure;
  GtkWidget *retry;
  GtkWidget *dialog;
  GtkWidget *stop;
  GtkWidget *toggle;
  GtkWidget *create_image;
  Listed listed = { fixture->view, NULL, "running" };
  void *far_args[2];

  /* One instance in us-west-2, launched there through that Region's client. */
  far = am_ec2_client_new_for_region (session_client, FAR_REGION, &error);
  g_assert_no_error (error);
  fixture->client = far;
  far_image = instances_find_launchable_image (fixture);
  west = instances_run_instance (fixture, far_image, "west-db");
  fixture->client = session_client;
  g_test_message ("%s in us-east-1, %s in " FAR_REGION, east, west);

  /* One Region: the session's instance only. */
  am_instances_view_set_session (fixture->view, fixture->session);
  listed.id = east;
  g_assert_true (am_ui_test_wait_until (listed_in_state, &listed, INSTANCES_STATE_TIMEOUT_MS));
  g_assert_null (am_instances_view_get_state_name (fixture->view, west));
  g_assert_cmpstr (second_column_title (fixture->view), !=, "Region");

  /* All Regions, through the toolbar's toggle. */
  toggle = am_ui_test_get_widget (GTK_WIDGET (fixture->view), GTK_TYPE_TOGGLE_BUTTON, "All _Regions");
  g_signal_emit_by_name (toggle, "clicked");
  am_ui_test_iterate ();
  g_assert_true (am_instances_view_get_all_regions (fixture->view));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  g_assert_true (am_ui_test_wait_until (fanout_settled, fixture->view, 120000));
  listed.id = west;
  g_assert_true (am_ui_test_wait_until (listed_in_state, &listed, INSTANCES_STATE_TIMEOUT_MS));
  listed.id = east;
  g_assert_true (am_ui_test_wait_until (listed_in_state, &listed, INSTANCES_STATE_TIMEOUT_MS));
  g_assert_cmpuint (am_instances_view_get_n_instances (fixture->view), ==, 2);
  g_assert_cmpstr (second_column_title (fixture->view), ==, "Region");

  fanout = am_instances_view_get_fanout (fixture->view);
  g_assert_cmpint (am_region_fanout_get_region_state (fanout, DOWN_REGION), ==, AM_REGION_JOB_FAILED);
  banner = am_instances_view_get_regions_banner (fixture->view);
  g_assert_true (gtk_widget_is_drawable (banner));
  summary = am_regions_banner_dup_summary (AM_REGIONS_BANNER (banner));
  g_test_message ("%s", summary);
  g_assert_nonnull (strstr (summary, FAR_REGION ": 1 instance"));
  g_assert_nonnull (strstr (summary, "us-east-1: 1 instance"));
  g_assert_nonnull (strstr (summary, DOWN_REGION ": failed"));
  failure = am_ui_test_find_label_containing (banner, DOWN_REGION ": could not connect");
  g_assert_nonnull (failure);
  retry = am_regions_banner_get_retry_button (AM_REGIONS_BANNER (banner), DOWN_REGION);
  g_assert_nonnull (retry);
  g_assert_true (gtk_widget_is_drawable (retry));
  am_ui_test_settle (300);
  am_ui_test_screenshot_light_dark (fixture->window, "instances-all-regions-one-down", 300);

  /* Instances of two Regions together: no change can go to one client, and the buttons say why. */
  both[0] = east;
  both[1] = west;
  both[2] = NULL;
  g_assert_cmpuint (am_instances_view_select_instances (fixture->view, both), ==, 2);
  am_ui_test_iterate ();
  stop = am_ui_test_find_action_button (GTK_WIDGET (fixture->view), "instances.stop");
  g_assert_nonnull (stop);
  g_assert_false (gtk_widget_get_sensitive (stop));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (stop), "several Regions"));

  /* Stop on the us-west-2 instance alone goes to us-west-2. */
  g_assert_true (am_instances_view_select_instance (fixture->view, west));
  {
    const char *one[] = { west, NULL };

    g_assert_cmpuint (am_instances_view_select_instances (fixture->view, one), ==, 1);
  }
  am_ui_test_iterate ();
  g_assert_true (gtk_widget_get_sensitive (stop));
  /* Create Image works in the session's Region: not offered for another Region's instance. */
  create_image = am_ui_test_find_action_button (GTK_WIDGET (fixture->view), "instances.create-image");
  g_assert_false (gtk_widget_get_sensitive (create_image));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (create_image), "another Region"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.stop", NULL));
  g_assert_true (am_ui_test_wait_until (instances_message_dialog_shown, NULL, INSTANCES_CALL_TIMEOUT_MS));
  dialog = instances_find_message_dialog ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
  gtk_window_destroy (GTK_WINDOW (dialog));
  far_args[0] = far;
  far_args[1] = west;
  g_assert_true (am_ui_test_wait_until (far_stopped, far_args, INSTANCES_STATE_TIMEOUT_MS));
  listed.id = west;
  listed.state = "stopped";
  g_assert_true (am_ui_test_wait_until (listed_in_state, &listed, INSTANCES_STATE_TIMEOUT_MS));
  east_now = instances_describe_in (session_client, east);
  g_assert_cmpstr (am_instance_get_state_name (east_now), ==, "running");

  /* Retry asks the failed Region alone again; it fails again, and the others stay listed. */
  g_assert_true (am_ui_test_wait_until (fanout_settled, fixture->view, 120000));
  retry = am_regions_banner_get_retry_button (AM_REGIONS_BANNER (banner), DOWN_REGION);
  g_signal_emit_by_name (retry, "clicked");
  g_assert_cmpint (am_region_fanout_get_region_state (fanout, DOWN_REGION), ==, AM_REGION_JOB_RUNNING);
  g_assert_cmpint (am_region_fanout_get_region_state (fanout, FAR_REGION), ==, AM_REGION_JOB_DONE);
  g_assert_cmpint (am_region_fanout_get_region_state (fanout, "us-east-1"), ==, AM_REGION_JOB_DONE);
  g_assert_true (am_ui_test_wait_until (fanout_settled, fixture->view, 120000));
  g_assert_cmpint (am_region_fanout_get_region_state (fanout, DOWN_REGION), ==, AM_REGION_JOB_FAILED);
  g_assert_cmpuint (am_instances_view_get_n_instances (fixture->view), ==, 2);

  /* Back to one Region: the other Region's instance, the column and the banner go. */
  am_instances_view_set_all_regions (fixture->view, FALSE);
  listed.id = east;
  listed.state = "running";
  g_assert_true (am_ui_test_wait_until (listed_in_state, &listed, INSTANCES_STATE_TIMEOUT_MS));
  g_assert_null (am_instances_view_get_state_name (fixture->view, west));
  g_assert_false (gtk_widget_get_visible (banner));
  g_assert_cmpstr (second_column_title (fixture->view), !=, "Region");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
}

int
main (int   argc,
      char *argv[])
{
  static const InstancesFixtureOptions options = { "300", TRUE, "region-down=" DOWN_REGION };

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  am_ui_test_init (&argc, &argv);

  g_test_add ("/ui/instances/all-regions", InstancesFixture, &options,
              instances_fixture_set_up, test_all_regions, instances_fixture_tear_down);

  return g_test_run ();
}
