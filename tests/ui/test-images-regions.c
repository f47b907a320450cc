/* test-images-regions.c: the Images view's All Regions scope on a real sandbox with one Region down
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-images-regions"

#include "config.h"

#include <string.h>

#include "am-deprecation-dialog.h"
#include "am-deregister-dialog.h"
#include "am-description-dialog.h"
#include "am-protection-dialog.h"
#include "am-ec2-client.h"
#include "test-dialogs-common.h"
#include "am-images-view-private.h"
#include "am-launch-wizard.h"
#include "am-region-fanout.h"
#include "am-test-families.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"

#define DOWN_REGION "eu-west-1"

static const char * const up_regions[] = { "us-east-1", "us-west-2", "eu-central-1", "ap-northeast-1", NULL };

static gboolean
fanout_settled (gpointer data)
{
  AmRegionFanout *fanout = _am_images_view_get_fanout (data);
  g_auto (GStrv) regions = fanout != NULL ? am_region_fanout_dup_regions (fanout) : NULL;

  return fanout != NULL && regions[0] != NULL && !am_region_fanout_get_loading (fanout)
         && am_ui_test_images_loaded (data);
}

static guint
count_rows_in (AmImagesView *view,
               const char   *region)
{
  GListModel *list = G_LIST_MODEL (_am_images_view_get_list_model (view));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (list, i);

      if (g_strcmp0 (am_image_get_region (image), region) == 0)
        n++;
    }
  return n;
}

/* In the view, visible, and beside the name. */
static gboolean
region_column_shown (AmImagesView        *view,
                     GtkColumnViewColumn *column)
{
  GListModel *columns = gtk_column_view_get_columns (_am_images_view_get_column_view (view));
  g_autoptr (GtkColumnViewColumn) second = g_list_model_get_item (columns, 1);

  return gtk_column_view_column_get_visible (column) && second == column;
}

static gboolean
select_in (AmImagesView *view,
           const char   *region)
{
  GListModel *list = G_LIST_MODEL (_am_images_view_get_list_model (view));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (list, i);

      if (g_strcmp0 (am_image_get_region (image), region) == 0)
        return gtk_selection_model_select_item (_am_images_view_get_selection (view), i, TRUE);
    }
  return FALSE;
}

/*
 * eu-west-1 is down (every request signed for it is closed unanswered). All Regions lists the
 * owned images of the four others with their Region, names the failed one with the reason and
 * a Retry that asks it alone again; leaving the scope cancels what is still asked.
 */
static void
test_one_region_down (void)
{
  const char *args[] = { "--faults", "region-down=" DOWN_REGION, NULL };
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (args);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  AmEc2Client *client = am_session_get_client (session);
  AmImagesView *view = NULL;
  GtkWindow *window;
  GtkWidget *banner;
  GtkWidget *failure;
  GtkWidget *retry = NULL;
  AmRegionFanout *fanout;
  GtkColumnViewColumn *region_column;
  g_autoptr (GPtrArray) owned = NULL;
  const char *source_id;

  /* Alice owns two images in us-east-1 (and one in the Region that is down); one more in each
   * of the other three Regions, copied there. */
  window = am_ui_test_images_window (session, AM_IMAGES_SCOPE_OWNED, &view);
  g_assert_cmpuint (am_ui_test_images_n_rows (view), ==, 2);
  {
    g_autoptr (AmImage) first = g_list_model_get_item (G_LIST_MODEL (_am_images_view_get_list_model (view)), 0);

    source_id = g_intern_string (am_image_get_image_id (first));
  }
  for (guint i = 1; up_regions[i] != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("copy-in-%s", up_regions[i]);
      g_autofree char *id = am_test_families_copy_to (client, source_id, up_regions[i], name);

      g_test_message ("%s in %s", id, up_regions[i]);
    }

  region_column = _am_images_view_get_column (view, AM_IMAGE_COLUMN_REGION);
  g_assert_false (region_column_shown (view, region_column));

  am_images_view_set_scope (view, AM_IMAGES_SCOPE_ALL_REGIONS);
  g_assert_true (am_ui_test_wait_until (fanout_settled, view, 120000));
  fanout = _am_images_view_get_fanout (view);

  /* The four Regions that answered are listed, each image with its Region. */
  g_assert_cmpstr (_am_images_view_get_state (view), ==, "list");
  g_assert_cmpuint (am_ui_test_images_n_rows (view), ==, 5);
  g_assert_cmpuint (count_rows_in (view, "us-east-1"), ==, 2);
  for (guint i = 1; up_regions[i] != NULL; i++)
    {
      g_assert_cmpuint (count_rows_in (view, up_regions[i]), ==, 1);
      g_assert_cmpint (am_region_fanout_get_region_state (fanout, up_regions[i]), ==, AM_REGION_JOB_DONE);
    }
  g_assert_cmpuint (count_rows_in (view, DOWN_REGION), ==, 0);
  g_assert_true (region_column_shown (view, region_column));

  /* The failed one is named, with why and a Retry. */
  g_assert_cmpint (am_region_fanout_get_region_state (fanout, DOWN_REGION), ==, AM_REGION_JOB_FAILED);
  banner = _am_images_view_get_regions_banner (view);
  g_assert_true (gtk_widget_is_drawable (banner));
  failure = am_ui_test_find_label_containing (banner, DOWN_REGION ": could not connect");
  g_assert_nonnull (failure);
  g_test_message ("%s", gtk_label_get_text (GTK_LABEL (failure)));
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_parent (failure)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && !GTK_IS_MENU_BUTTON (child))
      retry = child;
  g_assert_nonnull (retry);
  g_assert_nonnull (am_ui_test_find_label_containing (banner, "us-west-2: 1 image"));
  am_ui_test_screenshot_light_dark (GTK_WIDGET (window), "images-all-regions-one-down", 300);

  /* Actions on an image act in its Region: the dialogs work in the session's Region, so an
   * image of another Region is not offered to them; one of us-east-1 is. */
  g_assert_true (select_in (view, "ap-northeast-1"));
  am_ui_test_iterate ();
  g_assert_false (_am_images_view_selection_is_local (view));
  {
    g_autoptr (GPtrArray) selected = _am_images_view_get_selected_images (view);
    AmEc2Client *far = _am_images_view_client_for_image (view, g_ptr_array_index (selected, 0));

    g_assert_cmpstr (am_ec2_client_get_region (far), ==, "ap-northeast-1");
  }
  g_assert_true (select_in (view, "us-east-1"));
  am_ui_test_iterate ();
  g_assert_true (_am_images_view_selection_is_local (view));

  /* Retry asks the failed Region alone again. */
  g_signal_emit_by_name (retry, "clicked");
  g_assert_true (am_region_fanout_get_loading (fanout));
  g_assert_cmpint (am_region_fanout_get_region_state (fanout, DOWN_REGION), ==, AM_REGION_JOB_RUNNING);
  for (guint i = 0; up_regions[i] != NULL; i++)
    g_assert_cmpint (am_region_fanout_get_region_state (fanout, up_regions[i]), ==, AM_REGION_JOB_DONE);

  /* Another scope cancels every call still in flight. */
  am_images_view_set_scope (view, AM_IMAGES_SCOPE_OWNED);
  g_assert_false (am_region_fanout_get_loading (fanout));
  g_assert_false (region_column_shown (view, region_column));
  g_assert_false (gtk_widget_get_visible (banner));
  am_ui_test_images_wait_loaded (view);
  g_assert_cmpuint (am_ui_test_images_n_rows (view), ==, 2);

  gtk_window_destroy (window);
  am_ui_test_iterate ();
}


static AmImage *
row_in (AmImagesView *view,
        const char   *image_id)
{
  GListModel *list = G_LIST_MODEL (_am_images_view_get_list_model (view));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      AmImage *image = g_list_model_get_item (list, i);

      if (g_str_equal (am_image_get_image_id (image), image_id))
        return image;
      g_object_unref (image);
    }
  return NULL;
}

static gboolean
select_id (AmImagesView *view,
           const char   *image_id,
           gboolean      unselect_rest)
{
  GListModel *list = G_LIST_MODEL (_am_images_view_get_list_model (view));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (list, i);

      if (g_str_equal (am_image_get_image_id (image), image_id))
        return gtk_selection_model_select_item (_am_images_view_get_selection (view), i, unselect_rest);
    }
  return FALSE;
}

typedef struct
{
  AmImagesView *view;
  const char   *image_id;
} RowWait;

static gboolean
row_deprecated (gpointer data)
{
  RowWait *wait = data;
  g_autoptr (AmImage) image = row_in (wait->view, wait->image_id);

  return image != NULL && am_image_get_deprecation_unix (image) != G_MAXINT64 && fanout_settled (wait->view);
}

static gboolean
row_gone (gpointer data)
{
  RowWait *wait = data;
  g_autoptr (AmImage) image = row_in (wait->view, wait->image_id);

  return image == NULL && fanout_settled (wait->view);
}

static GtkWidget *
message_dialog_with_heading (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window)
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return window;
    }
  return NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return message_dialog_with_heading (data) != NULL;
}

/*
 * All Regions, with alice's images in us-east-1 (the window's Region) and a copy in us-west-2:
 * Deprecate and Deregister on the copy act in us-west-2 (its client, its sandbox state) and
 * leave us-east-1 alone; the list shows the new state of the copy. A selection over two
 * Regions is refused for Tags in words; Launch on the copy says why the wizard cannot and
 * offers to switch the window's Region.
 */
static void
test_actions_in_other_region (void)
{
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (NULL);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  AmEc2Client *client = am_session_get_client (session);
  g_autoptr (AmEc2Client) west = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AmImage) local_before = NULL;
  g_autoptr (AmImage) after = NULL;
  g_autoptr (AmImage) source_after = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) month = g_date_time_add_days (now, 30);
  g_autoptr (GDateTime) when = NULL;
  g_autofree char *copy_id = NULL;
  g_autofree char *second_id = NULL;
  const char *source_id;
  AmImagesView *view = NULL;
  GtkWindow *window;
  GtkWidget *dialog;
  RowWait wait;
  guint n_local;

  window = am_ui_test_images_window (session, AM_IMAGES_SCOPE_OWNED, &view);
  n_local = am_ui_test_images_n_rows (view);
  g_assert_cmpuint (n_local, >=, 1);
  {
    g_autoptr (AmImage) first = g_list_model_get_item (G_LIST_MODEL (_am_images_view_get_list_model (view)), 0);

    source_id = g_intern_string (am_image_get_image_id (first));
  }
  copy_id = am_test_families_copy_to (client, source_id, "us-west-2", "far-copy");
  second_id = am_test_families_copy_to (client, source_id, "us-west-2", "far-copy-2");
  west = am_ec2_client_new_for_region (client, "us-west-2", &error);
  g_assert_no_error (error);
  local_before = dlg_describe_image (client, source_id);
  g_assert_nonnull (local_before);

  am_images_view_set_scope (view, AM_IMAGES_SCOPE_ALL_REGIONS);
  g_assert_true (am_ui_test_wait_until (fanout_settled, view, 120000));
  wait.view = view;

  /* Deprecate the copy: its dialog names its Region and goes through its client. */
  g_assert_true (select_id (view, copy_id, TRUE));
  am_ui_test_iterate ();
  g_assert_false (_am_images_view_selection_is_local (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "images.deprecation", NULL));
  dialog = am_ui_test_wait_for_window_of_type (AM_TYPE_DEPRECATION_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (am_ui_test_find_widget (dialog, ADW_TYPE_WINDOW_TITLE, NULL));
  g_assert_cmpstr (am_ec2_client_get_region (am_action_dialog_get_client (AM_ACTION_DIALOG (dialog))), ==,
                   "us-west-2");
  gtk_switch_set_active (GTK_SWITCH (am_ui_test_find_widget (dialog, GTK_TYPE_SWITCH, "deprecate_switch")), TRUE);
  when = g_date_time_new_utc (g_date_time_get_year (month), g_date_time_get_month (month),
                              g_date_time_get_day_of_month (month), 9, 0, 0);
  am_deprecation_dialog_set_time (AM_DEPRECATION_DIALOG (dialog), when);
  am_ui_test_iterate ();
  g_assert_true (dlg_can_apply (dialog));
  {
    const char *dir = g_getenv ("AMIABLE_SCREENSHOT_DIR");

    if (dir != NULL)
      am_ui_test_screenshot_light_dark (dialog, "regions-deprecate-other-region", 300);
  }
  dlg_click (dlg_apply_button (dialog));
  am_ui_test_wait_window_gone (AM_TYPE_DEPRECATION_DIALOG);
  after = dlg_describe_image (west, copy_id);
  g_assert_nonnull (after);
  g_assert_cmpint (am_image_get_deprecation_unix (after), ==, g_date_time_to_unix (when));
  /* Nothing happened in us-east-1. */
  source_after = dlg_describe_image (client, source_id);
  g_assert_cmpint (am_image_get_deprecation_unix (source_after), ==, am_image_get_deprecation_unix (local_before));
  /* The list shows the copy deprecated (its Region asked again). */
  wait.image_id = copy_id;
  g_assert_true (am_ui_test_wait_until (row_deprecated, &wait, 60000));

  /* Protection and Description on the other copy: set in us-west-2. */
  g_assert_true (select_id (view, second_id, TRUE));
  am_ui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "images.protection", NULL));
  dialog = am_ui_test_wait_for_window_of_type (AM_TYPE_PROTECTION_DIALOG);
  g_assert_nonnull (dialog);
  gtk_switch_set_active (GTK_SWITCH (am_ui_test_find_widget (dialog, GTK_TYPE_SWITCH, "protect_switch")), TRUE);
  am_ui_test_iterate ();
  dlg_click (dlg_apply_button (dialog));
  am_ui_test_wait_window_gone (AM_TYPE_PROTECTION_DIALOG);
  g_clear_object (&after);
  after = dlg_describe_image (west, second_id);
  g_assert_true (g_str_has_prefix (am_image_get_deregistration_protection (after), "enabled"));
  g_clear_object (&source_after);
  source_after = dlg_describe_image (client, source_id);
  g_test_message ("%s protection: %s before, %s after", source_id,
                  am_image_get_deregistration_protection (local_before),
                  am_image_get_deregistration_protection (source_after));
  g_assert_cmpstr (am_image_get_deregistration_protection (source_after), ==,
                   am_image_get_deregistration_protection (local_before));

  /* Its Region was asked again: the new rows replace the old ones (and the selection). */
  g_assert_true (am_ui_test_wait_until (fanout_settled, view, 60000));
  g_assert_true (select_id (view, second_id, TRUE));
  am_ui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "images.description", NULL));
  dialog = am_ui_test_wait_for_window_of_type (AM_TYPE_DESCRIPTION_DIALOG);
  g_assert_nonnull (dialog);
  dlg_type (am_ui_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "description_row"), "Set from All Regions");
  dlg_click (dlg_apply_button (dialog));
  am_ui_test_wait_window_gone (AM_TYPE_DESCRIPTION_DIALOG);
  g_clear_object (&after);
  after = dlg_describe_image (west, second_id);
  g_assert_cmpstr (am_image_get_description (after), ==, "Set from All Regions");

  g_assert_true (am_ui_test_wait_until (fanout_settled, view, 60000));
  /* Two Regions selected: Tags refuses in words. */
  g_assert_true (select_id (view, source_id, TRUE));
  g_assert_true (select_id (view, second_id, FALSE));
  am_ui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "images.tags", NULL));
  g_assert_true (am_ui_test_wait_until (message_dialog_shown, (gpointer) "Images of Several Regions", 10000));
  dialog = message_dialog_with_heading ("Images of Several Regions");
  g_test_message ("%s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "one Region at a time"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Launch on the copy: the wizard cannot switch Regions, so it says so and offers the switch. */
  g_assert_true (select_id (view, second_id, TRUE));
  am_ui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "images.launch", NULL));
  g_assert_true (am_ui_test_wait_until (message_dialog_shown, (gpointer) "Launch in us-west-2?", 10000));
  dialog = message_dialog_with_heading ("Launch in us-west-2?");
  g_test_message ("%s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "switch"));
  am_ui_test_screenshot_light_dark (dialog, "regions-launch-other-region", 300);
  am_ui_test_message_dialog_press (dialog, "cancel");
  am_ui_test_iterate ();

  /* Deregister the copy with its snapshots: gone from us-west-2, us-east-1 untouched. */
  g_assert_true (select_id (view, copy_id, TRUE));
  am_ui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "images.deregister", NULL));
  dialog = am_ui_test_wait_for_window_of_type (AM_TYPE_DEREGISTER_DIALOG);
  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  am_ui_test_wait_response_enabled (dialog, "deregister");
  am_ui_test_screenshot_light_dark (dialog, "regions-deregister-other-region", 300);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (am_ui_test_find_widget (dialog, GTK_TYPE_CHECK_BUTTON, NULL)),
                               TRUE);
  am_ui_test_message_dialog_press (dialog, "deregister");
  /* With snapshots, it stays to tell what became of each one. */
  g_assert_true (am_ui_test_wait_until (dlg_deregister_idle, dialog, 60000));
  g_test_message ("%s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), copy_id));
  if (gtk_widget_get_visible (dialog))
    am_ui_test_message_dialog_press (dialog, "cancel");
  am_ui_test_wait_window_gone (AM_TYPE_DEREGISTER_DIALOG);
  g_object_unref (dialog);
  g_clear_object (&after);
  after = dlg_describe_image (west, copy_id);
  g_assert_null (after);
  g_assert_nonnull (dlg_describe_image (west, second_id));
  g_clear_object (&source_after);
  source_after = dlg_describe_image (client, source_id);
  g_assert_nonnull (source_after);
  g_assert_cmpstr (am_image_get_state (source_after), ==, "available");
  wait.image_id = copy_id;
  g_assert_true (am_ui_test_wait_until (row_gone, &wait, 60000));
  g_assert_cmpuint (count_rows_in (view, "us-east-1"), ==, n_local);
  g_assert_cmpuint (count_rows_in (view, "us-west-2"), ==, 1);

  /* Launch on the other copy, and this time switch: the window moves to us-west-2 and the
   * wizard opens there on the image. */
  g_assert_true (select_id (view, second_id, TRUE));
  am_ui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "images.launch", NULL));
  g_assert_true (am_ui_test_wait_until (message_dialog_shown, (gpointer) "Launch in us-west-2?", 10000));
  am_ui_test_message_dialog_press (message_dialog_with_heading ("Launch in us-west-2?"), "switch");
  {
    GtkWidget *wizard = NULL;

    /* The switch connects first: a minute at most. */
    for (guint i = 0; i < 12 && wizard == NULL; i++)
      wizard = am_ui_test_wait_for_window_of_type (AM_TYPE_LAUNCH_WIZARD);
    g_assert_nonnull (wizard);
    g_assert_cmpstr (am_session_get_region (session), ==, "us-west-2");
    g_assert_cmpstr (am_ec2_client_get_region (am_session_get_client (session)), ==, "us-west-2");
    g_assert_cmpstr (am_image_get_image_id (am_launch_request_get_image (
                       am_launch_wizard_get_request (AM_LAUNCH_WIZARD (wizard)))), ==, second_id);
    gtk_window_destroy (GTK_WINDOW (wizard));
  }

  gtk_window_destroy (window);
  am_ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);
  g_test_add_func ("/images/regions/one-down", test_one_region_down);
  g_test_add_func ("/images/regions/actions-in-other-region", test_actions_in_other_region);
  return g_test_run ();
}
