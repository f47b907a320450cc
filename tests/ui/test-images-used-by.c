/* test-images-used-by.c: the details pane's Used By group against a real sandbox process
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-images-used-by"

#include "config.h"

#include <string.h>

#include "am-autoscaling-client.h"
#include "am-images-view-private.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"

typedef struct
{
  AmImageDetails *details;
  const char     *title;
  const char     *value;
} FieldWait;

static gboolean
field_is (gpointer data)
{
  FieldWait *wait = data;

  return g_strcmp0 (am_image_details_get_field (wait->details, wait->title), wait->value) == 0;
}

typedef struct
{
  GtkWidget  *root;
  const char *title;
} RowWait;

static gboolean
has_row (gpointer data)
{
  RowWait *wait = data;
  GtkWidget *found = am_ui_test_find_widget (wait->root, ADW_TYPE_ACTION_ROW, wait->title);

  return found != NULL && gtk_widget_is_visible (found);
}

static AmImage *
select_named (AmImagesView *view,
              const char   *name)
{
  GListModel *model = G_LIST_MODEL (_am_images_view_get_list_model (view));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (model, i);

      if (g_strcmp0 (am_image_get_name (image), name) == 0)
        {
          gtk_selection_model_select_item (_am_images_view_get_selection (view), i, TRUE);
          am_ui_test_iterate ();
          return image;
        }
    }
  g_assert_not_reached ();
}

static void
test_used_by (void)
{
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (NULL);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  AmEc2Client *client = am_session_get_client (session);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  AmImagesView *view = AM_IMAGES_VIEW (am_images_view_new ());
  g_autoptr (GPtrArray) instances = NULL;
  g_autoptr (AmLaunchTemplate) template = NULL;
  g_autoptr (AmRunInstancesRequest) run = NULL;
  g_autoptr (GError) error = NULL;
  AmImageDetails *details;
  AmImage *image;
  AmUiTestWait w1 = { 0 }, w2 = { 0 };
  FieldWait wait;
  RowWait row;

  gtk_window_set_default_size (window, 1280, 900);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  am_ui_test_wait_mapped (GTK_WIDGET (window));
  am_images_view_set_session (view, session);
  am_ui_test_images_wait_loaded (view);
  details = _am_images_view_get_details (view);

  /* Nothing uses the build runner yet. */
  select_named (view, "alice-build-runner-arm64-2026-02-03");
  row = (RowWait) { GTK_WIDGET (details), "Nothing in this account and region uses this image" };
  g_assert_true (am_ui_test_wait_until (has_row, &row, 30000));

  /* An instance and a launch template of the web server. */
  image = select_named (view, "alice-web-server-2026-01-15");
  run = am_run_instances_request_new (am_image_get_image_id (image), "t3.micro");
  am_ec2_client_run_instances_async (client, run, FALSE, NULL, am_ui_test_wait_cb, &w1);
  g_assert_true (am_ec2_client_run_instances_finish (client, am_ui_test_wait_for_result (&w1, 30000), &instances,
                                                     NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&w1.result);
  am_ec2_client_create_launch_template_async (client, "web-template", NULL, run, FALSE, NULL,
                                              am_ui_test_wait_cb, &w2);
  g_assert_true (am_ec2_client_create_launch_template_finish (client, am_ui_test_wait_for_result (&w2, 30000),
                                                              &template, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&w2.result);

  /* An Auto Scaling group uses the image through the template. */
  {
    g_autoptr (AmAutoScalingClient) autoscaling = am_autoscaling_client_new_for_ec2_client (client, &error);
    const char *subnets[] = { am_instance_get_subnet_id (instances->pdata[0]), NULL };
    AmCreateAutoScalingGroupRequest request = {
      .name = "web-group", .launch_template_id = am_launch_template_get_launch_template_id (template),
      .min_size = 0, .max_size = 1, .desired_capacity = 0, .subnet_ids = subnets,
    };
    AmUiTestWait w3 = { 0 };

    g_assert_no_error (error);
    am_autoscaling_client_create_group_async (autoscaling, &request, NULL, am_ui_test_wait_cb, &w3);
    g_assert_true (am_autoscaling_client_create_group_finish (autoscaling, am_ui_test_wait_for_result (&w3, 30000),
                                                              &error));
    g_assert_no_error (error);
    g_clear_object (&w3.result);
  }

  /* Choosing it again asks again. */
  select_named (view, "alice-build-runner-arm64-2026-02-03");
  select_named (view, "alice-web-server-2026-01-15");
  wait = (FieldWait) { details, "Used By/Instance", am_instance_get_instance_id (instances->pdata[0]) };
  g_assert_true (am_ui_test_wait_until (field_is, &wait, 30000));
  wait = (FieldWait) { details, "Used By/Launch Template", am_launch_template_get_launch_template_id (template) };
  g_assert_true (am_ui_test_wait_until (field_is, &wait, 30000));
  wait = (FieldWait) { details, "Used By/Auto Scaling Group", "web-group" };
  g_assert_true (am_ui_test_wait_until (field_is, &wait, 30000));
  am_ui_test_screenshot_light_dark (GTK_WIDGET (window), "images-used-by", 200);

  gtk_window_destroy (window);
  am_ui_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/images/used-by", test_used_by);

  return g_test_run ();
}
