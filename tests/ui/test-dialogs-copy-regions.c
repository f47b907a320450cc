/* test-dialogs-copy-regions.c: the Copy Image dialog copies to several Regions at once, one CopyImage
 * (and ClientToken) each, on a sandbox that loses an answer and has a Region down
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-dialogs-copy-regions"

#include "config.h"

#include <string.h>

#include "am-copy-image-dialog.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"
#include "test-dialogs-common.h"

#define WEB_SERVER "alice-web-server-2026-01-15"
#define DOWN_REGION "ap-northeast-1"

/* The first CopyImage's answer is lost (the copy is made, the client hears nothing), and
 * every request to ap-northeast-1 goes unanswered. */
static void
set_up (DlgFixture    *fixture,
        gconstpointer  data)
{
  const char *args[] = { "--faults", "drop-once=CopyImage,region-down=" DOWN_REGION, NULL };

  dlg_fixture_set_up_with_args (fixture, args);
}

/* How many of alice's images in @region are named @name. */
static guint
count_named (DlgFixture *fixture,
             const char *region,
             const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AmEc2Client) client = am_ec2_client_new_for_region (am_session_get_client (fixture->alice), region, &error);
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GPtrArray) images = NULL;
  AmUiTestWait call = { NULL };
  guint n = 0;

  g_assert_no_error (error);
  am_describe_images_query_add_owner (query, "self");
  am_ec2_client_describe_images_async (client, query, NULL, am_ui_test_wait_cb, &call);
  images = am_ec2_client_describe_images_finish (client, am_ui_test_wait_for_result (&call, 20000), NULL, &error);
  g_clear_object (&call.result);
  g_assert_no_error (error);
  for (guint i = 0; i < images->len; i++)
    if (g_strcmp0 (am_image_get_name (g_ptr_array_index (images, i)), name) == 0)
      n++;
  return n;
}

static GtkWidget *
error_label (GtkWidget *dialog)
{
  return am_ui_test_get_widget (dialog, GTK_TYPE_LABEL, "error_label");
}

static gboolean
error_shown (gpointer data)
{
  return gtk_widget_is_drawable (error_label (data));
}

static GtkWidget *
open_copy (DlgFixture *fixture,
           DlgRun     *run,
           const char *name,
           const char *first,
           const char *also)
{
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, WEB_SERVER);
  g_autoptr (GPtrArray) images = dlg_one_image (image);
  GtkWidget *dialog;

  dialog = dlg_run_action (fixture, fixture->alice, "copy", images, AM_TYPE_COPY_IMAGE_DIALOG, run);
  dlg_type (am_ui_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "name_row"), name);
  g_assert_true (am_copy_image_dialog_select_region (AM_COPY_IMAGE_DIALOG (dialog), first));
  g_assert_true (am_copy_image_dialog_set_also_region (AM_COPY_IMAGE_DIALOG (dialog), also, TRUE));
  am_ui_test_iterate ();
  g_assert_true (dlg_can_apply (dialog));
  return dialog;
}

/* Two Regions, the first answer lost: exactly one copy in each (the lost one was resent with
 * its own ClientToken, which EC2 answers with the copy it made). */
static void
test_two_regions_lost_answer (DlgFixture    *fixture,
                              gconstpointer  data)
{
  GtkWidget *dialog;
  gpointer keep;
  DlgRun run;

  dialog = open_copy (fixture, &run, "web-two-regions", "us-west-2", "eu-central-1");
  keep = g_object_ref (dialog);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (am_ui_test_get_widget (dialog, ADW_TYPE_EXPANDER_ROW,
                                                                          "more_regions_row")), TRUE);
  dlg_screenshot (dialog, "copy-two-regions");
  dlg_click (dlg_apply_button (dialog));
  dlg_wait_run (&run);
  g_assert_no_error (run.error);
  g_assert_true (run.applied);

  g_assert_nonnull (am_copy_image_dialog_get_region_image_id (keep, "us-west-2"));
  g_assert_nonnull (am_copy_image_dialog_get_region_image_id (keep, "eu-central-1"));
  /* One token per destination. */
  g_assert_cmpstr (am_copy_image_dialog_get_region_client_token (keep, "us-west-2"), !=,
                   am_copy_image_dialog_get_region_client_token (keep, "eu-central-1"));
  g_assert_cmpuint (count_named (fixture, "us-west-2", "web-two-regions"), ==, 1);
  g_assert_cmpuint (count_named (fixture, "eu-central-1", "web-two-regions"), ==, 1);
  g_assert_cmpuint (count_named (fixture, "us-east-1", "web-two-regions"), ==, 0);
  g_object_unref (keep);
  dlg_run_clear (&run);
}

/* One Region down: the dialog stays, says which failed, and Retry Failed asks that one only
 * (the copy already made is not made twice). */
static void
test_partial_failure (DlgFixture    *fixture,
                      gconstpointer  data)
{
  GtkWidget *dialog;
  GtkWidget *results;
  g_autofree char *made = NULL;
  g_autofree char *down_token = NULL;
  gpointer keep;
  DlgRun run;

  dialog = open_copy (fixture, &run, "web-partial", "us-west-2", DOWN_REGION);
  keep = g_object_ref (dialog);
  dlg_click (dlg_apply_button (dialog));
  g_assert_true (am_ui_test_wait_until (dlg_not_busy, dialog, 120000));
  g_assert_true (am_ui_test_wait_until (error_shown, dialog, 10000));

  g_assert_false (run.done);
  g_test_message ("%s", gtk_label_get_text (GTK_LABEL (error_label (dialog))));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label (dialog))),
                            "Copied to 1 of 2 Regions; " DOWN_REGION " failed"));
  results = am_ui_test_find_widget (dialog, GTK_TYPE_LABEL, "results_label");
  g_assert_true (gtk_widget_is_drawable (results));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (results)), "us-west-2: copying as ami-"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (results)), DOWN_REGION ": failed"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (dlg_apply_button (dialog))), ==, "Retry _Failed");
  made = g_strdup (am_copy_image_dialog_get_region_image_id (keep, "us-west-2"));
  down_token = g_strdup (am_copy_image_dialog_get_region_client_token (keep, DOWN_REGION));
  g_assert_nonnull (made);
  g_assert_null (am_copy_image_dialog_get_region_image_id (keep, DOWN_REGION));
  dlg_screenshot (dialog, "copy-partial-failure");

  /* Retry: the failed Region again with its token, the other not at all. */
  dlg_click (dlg_apply_button (dialog));
  g_assert_true (am_ui_test_wait_until (dlg_not_busy, dialog, 120000));
  g_assert_false (run.done);
  g_assert_cmpstr (am_copy_image_dialog_get_region_image_id (keep, "us-west-2"), ==, made);
  g_assert_cmpstr (am_copy_image_dialog_get_region_client_token (keep, DOWN_REGION), ==, down_token);
  g_assert_cmpuint (count_named (fixture, "us-west-2", "web-partial"), ==, 1);

  /* Closing ends the run without a change reported. */
  gtk_window_close (GTK_WINDOW (dialog));
  dlg_wait_run (&run);
  g_assert_false (run.applied);
  g_object_unref (keep);
  dlg_run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);
  g_test_add ("/ui/dialogs/copy-regions/two-regions-lost-answer", DlgFixture, NULL,
              set_up, test_two_regions_lost_answer, dlg_fixture_tear_down);
  g_test_add ("/ui/dialogs/copy-regions/partial-failure", DlgFixture, NULL,
              set_up, test_partial_failure, dlg_fixture_tear_down);
  return g_test_run ();
}
