/* test-instances-store.c: instance-store-backed instances and termination protection in the Instances view
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-instances-store"

#include "config.h"

#include "am-register-image-dialog.h"
#include "test-instances-common.h"

/* An Amazon image of the catalog by name. */
static char *
find_image (InstancesFixture *fixture,
            const char       *name)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GPtrArray) images = NULL;

  am_describe_images_query_add_owner (query, "amazon");
  am_describe_images_query_add_filter (query, am_ec2_filter_new ("name", name, NULL));
  images = instances_describe_images (fixture, query);
  g_assert_cmpuint (images->len, >, 0);
  return g_strdup (am_image_get_image_id (g_ptr_array_index (images, 0)));
}

static char *
run_instance (InstancesFixture *fixture,
              const char       *image_id,
              gboolean          protect,
              char            **root_device_type)
{
  g_autoptr (AmRunInstancesRequest) request = am_run_instances_request_new (image_id, "t3.micro");
  g_autoptr (AmInstance) instance = NULL;

  request->disable_api_termination = protect;
  instance = instances_run_request (fixture, request);
  if (root_device_type != NULL)
    *root_device_type = g_strdup (am_instance_get_root_device_type (instance));
  return g_strdup (am_instance_get_instance_id (instance));
}

static gboolean
is_protected (InstancesFixture *fixture,
              const char       *instance_id)
{
  g_autoptr (GError) error = NULL;
  AmUiTestWait wait = { NULL };
  gboolean protect = FALSE;

  am_ec2_client_describe_instance_termination_protection_async (fixture->client, instance_id, NULL,
                                                                am_ui_test_wait_cb, &wait);
  am_ui_test_wait_for_result (&wait, INSTANCES_CALL_TIMEOUT_MS);
  g_assert_true (am_ec2_client_describe_instance_termination_protection_finish (fixture->client, wait.result,
                                                                                 &protect, &error));
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  return protect;
}

/* Create Image on an instance-store-backed instance says why not and offers a manifest. */
static void
test_instance_store (InstancesFixture *fixture,
                     gconstpointer     data)
{
  g_autofree char *image_id = find_image (fixture, "amzn-ami-minimal-hvm-2018.03.0.20231218.0-x86_64-s3");
  g_autofree char *root_type = NULL;
  g_autofree char *instance_id = run_instance (fixture, image_id, FALSE, &root_type);
  GtkWidget *dialog;
  GtkWidget *register_dialog;

  g_assert_cmpstr (root_type, ==, "instance-store");
  /* The view lists what exists when it gets the session. */
  am_instances_view_set_session (fixture->view, fixture->session);
  instances_wait_for_state (fixture, instance_id, "running");
  g_assert_true (am_instances_view_select_instance (fixture->view, instance_id));
  am_ui_test_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.create-image", NULL);
  dialog = am_ui_test_wait_for_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "Cannot Be Imaged"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "instance store"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "manifest"));
  instances_screenshot (dialog, "store-create-image-unavailable");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "manifest");
  gtk_window_destroy (GTK_WINDOW (dialog));
  register_dialog = am_ui_test_wait_for_window_of_type (AM_TYPE_REGISTER_IMAGE_DIALOG);
  g_assert_nonnull (register_dialog);
  g_assert_true (gtk_widget_get_visible (am_ui_test_find_widget (register_dialog, ADW_TYPE_ENTRY_ROW, "manifest_row")));
  gtk_window_destroy (GTK_WINDOW (register_dialog));
  am_ui_test_iterate ();
}

/* The mapped message dialog offering to turn protection off, or NULL. */
static GtkWidget *
find_protected_dialog (void)
{
  g_autoptr (GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (window)
          && adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (window), "unprotect"))
        return window;
    }
  return NULL;
}

static gboolean
protected_dialog_shown (gpointer data)
{
  return find_protected_dialog () != NULL;
}

static gboolean
protected_dialog_gone (gpointer data)
{
  return find_protected_dialog () == NULL;
}

/* Terminate on a protected instance: refused, then turned off and terminated from the dialog. */
static void
test_termination_protection (InstancesFixture *fixture,
                             gconstpointer     data)
{
  g_autofree char *image_id = find_image (fixture, "al2023-ami-2023.*-kernel-6.1-x86_64");
  g_autofree char *instance_id = run_instance (fixture, image_id, TRUE, NULL);
  GtkWidget *dialog;

  g_assert_true (is_protected (fixture, instance_id));
  am_instances_view_set_session (fixture->view, fixture->session);
  instances_wait_for_state (fixture, instance_id, "running");
  g_assert_true (am_instances_view_select_instance (fixture->view, instance_id));
  am_ui_test_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.terminate", NULL);
  g_assert_true (am_ui_test_wait_until (protected_dialog_shown, NULL, INSTANCES_CALL_TIMEOUT_MS));
  dialog = find_protected_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "Protected from Termination"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "disableApiTermination"));
  instances_screenshot (dialog, "store-termination-refused");

  /* Keeping it changes nothing. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  /* Responding emits the signal only; a click would also close the dialog. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (am_ui_test_wait_until (protected_dialog_gone, NULL, INSTANCES_CALL_TIMEOUT_MS));
  g_assert_true (is_protected (fixture, instance_id));
  g_assert_cmpstr (am_instances_view_get_state_name (fixture->view, instance_id), ==, "running");

  /* Again, and this time turn protection off and terminate. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.terminate", NULL);
  g_assert_true (am_ui_test_wait_until (protected_dialog_shown, NULL, INSTANCES_CALL_TIMEOUT_MS));
  dialog = find_protected_dialog ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "unprotect");
  /* Responding emits the signal only; a click would also close the dialog. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (am_ui_test_wait_until (protected_dialog_gone, NULL, INSTANCES_CALL_TIMEOUT_MS));
  /* Terminated instances leave the default filter; show all states to watch it. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (am_ui_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_DROP_DOWN,
                                                                     "state_dropdown")), 1);
  instances_wait_for_state (fixture, instance_id, "terminated");
  g_assert_false (is_protected (fixture, instance_id));
}

/* The view alone in its window, without a toast overlay. */
static const InstancesFixtureOptions options = { "1000", FALSE };

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/ui/instances/store/create-image", InstancesFixture, &options, instances_fixture_set_up,
              test_instance_store, instances_fixture_tear_down);
  g_test_add ("/ui/instances/store/termination-protection", InstancesFixture, &options, instances_fixture_set_up,
              test_termination_protection, instances_fixture_tear_down);

  return g_test_run ();
}
