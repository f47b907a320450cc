/* test-images-regions.c: the Images view's All Regions scope on a real sandbox with one Region down
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-images-regions"

#include "config.h"

#include <string.h>

#include "am-copy-image-request.h"
#include "am-ec2-client.h"
#include "am-images-view-private.h"
#include "am-region-fanout.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"

#define DOWN_REGION "eu-west-1"

static const char * const up_regions[] = { "us-east-1", "us-west-2", "eu-central-1", "ap-northeast-1", NULL };

static char *
copy_to (AmEc2Client *source,
         const char  *image_id,
         const char  *region,
         const char  *name)
{
  g_autoptr (AmEc2Client) destination = NULL;
  g_autoptr (AmCopyImageRequest) request = NULL;
  g_autoptr (GError) error = NULL;
  AmUiTestWait wait = { NULL };
  char *new_id = NULL;

  destination = am_ec2_client_new_for_region (source, region, &error);
  g_assert_no_error (error);
  request = am_copy_image_request_new (image_id, am_ec2_client_get_region (source), name);
  am_ec2_client_copy_image_async (destination, request, FALSE, NULL, am_ui_test_wait_cb, &wait);
  g_assert_true (am_ec2_client_copy_image_finish (destination, am_ui_test_wait_for_result (&wait, 20000),
                                                  &new_id, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  return new_id;
}

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
      g_autofree char *id = copy_to (client, source_id, up_regions[i], name);

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

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);
  g_test_add_func ("/images/regions/one-down", test_one_region_down);
  return g_test_run ();
}
