/* test-instances-flow.c: from a running instance to a new AMI and back to new instances, in the UI
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-instances-flow"

#include "config.h"

#include "am-aws-error.h"
#include "am-create-image-dialog.h"
#include "am-register-image-dialog.h"
#include "am-tag-list.h"
#include "am-volume-row.h"
#include "test-instances-common.h"

/* Conditions on the view */

static gboolean
view_settled (gpointer data)
{
  InstancesFixture *fixture = data;

  return !am_instances_view_is_polling (fixture->view) && !am_instances_view_is_busy (fixture->view);
}

static GtkStack *
view_stack (InstancesFixture *fixture)
{
  return GTK_STACK (am_ui_test_get_widget (GTK_WIDGET (fixture->view), GTK_TYPE_STACK, "stack"));
}

typedef struct
{
  GListModel *model;
  guint       n;
} ShownWait;

static gboolean
shows_n (gpointer data)
{
  ShownWait *wait = data;

  return g_list_model_get_n_items (wait->model) == wait->n;
}

/* Create-image dialog helpers */

static const char *
name_hint (AmCreateImageDialog *dialog)
{
  return gtk_label_get_label (GTK_LABEL (am_ui_test_get_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "name_hint")));
}

typedef struct
{
  AmCreateImageDialog *dialog;
  const char          *text;
} HintWait;

static gboolean
hint_contains (gpointer data)
{
  HintWait *wait = data;

  return !am_create_image_dialog_get_busy (wait->dialog) && strstr (name_hint (wait->dialog), wait->text) != NULL;
}

static void
set_name (AmCreateImageDialog *dialog,
          const char          *name)
{
  instances_set_entry (GTK_WIDGET (dialog), "name_row", name);
}

static gboolean
create_sensitive (AmCreateImageDialog *dialog)
{
  return gtk_widget_get_sensitive (am_ui_test_get_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "create_button"));
}

/* Image state through the client */

typedef struct
{
  InstancesFixture *fixture;
  const char       *image_id;
  gint64            next_poll;
  gboolean          available;
} ImageWait;

static gboolean
image_available (gpointer data)
{
  ImageWait *wait = data;
  g_autoptr (AmImage) image = NULL;

  /* Ask once a second, not at every main loop iteration. */
  if (g_get_monotonic_time () < wait->next_poll)
    return FALSE;
  wait->next_poll = g_get_monotonic_time () + G_USEC_PER_SEC;

  image = instances_describe_image (wait->fixture, wait->image_id);
  g_assert_nonnull (image);
  g_assert_cmpstr (am_image_get_state (image), !=, "failed");
  wait->available = g_strcmp0 (am_image_get_state (image), "available") == 0;
  return wait->available;
}

static const char *
find_tag (AmTag * const *tags,
          const char    *key)
{
  for (guint i = 0; tags[i] != NULL; i++)
    if (g_strcmp0 (am_tag_get_key (tags[i]), key) == 0)
      return am_tag_get_value (tags[i]);
  return NULL;
}

static void
check_snapshot_tag (InstancesFixture *fixture,
                    const char       *snapshot_id,
                    const char       *key,
                    const char       *value)
{
  const char * const ids[] = { snapshot_id, NULL };
  g_autoptr (GPtrArray) snapshots = NULL;
  g_autoptr (GError) error = NULL;
  AmUiTestWait wait = { NULL };

  am_ec2_client_describe_snapshots_async (fixture->client, ids, NULL, NULL, NULL,
                                          am_ui_test_wait_cb, &wait);
  am_ui_test_wait_for_result (&wait, INSTANCES_CALL_TIMEOUT_MS);
  snapshots = am_ec2_client_describe_snapshots_finish (fixture->client, wait.result, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, 1);
  g_assert_cmpstr (find_tag (am_snapshot_get_tags (g_ptr_array_index (snapshots, 0)), key), ==, value);
}

static void
test_instances_round_trip (InstancesFixture *fixture,
                           gconstpointer     data)
{
  g_autofree char *source_image = instances_find_launchable_image (fixture);
  g_autofree char *web = instances_run_instance (fixture, source_image, "amiable-test-web");
  g_autofree char *copy = NULL;
  g_autofree char *image_id = NULL;
  g_autoptr (AmImage) image = NULL;
  AmCreateImageDialog *dialog;
  GtkWidget *volume;
  GtkWidget *confirm;
  ImageWait image_wait = { fixture, NULL, 0, FALSE };
  int root_size;

  instances_step ("launched");

  /* The view lists the new instance and follows it from pending to running. */
  am_instances_view_set_session (fixture->view, fixture->session);
  instances_wait_for_listed (fixture, web);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_stack (fixture)), ==, "list");
  g_assert_true (am_instances_view_select_instance (fixture->view, web));
  if (g_strcmp0 (am_instances_view_get_state_name (fixture->view, web), "pending") == 0)
    {
      g_assert_true (am_instances_view_is_polling (fixture->view));
      instances_screenshot (fixture->window, "1-pending");
    }
  instances_step ("listed");
  instances_wait_for_state (fixture, web, "running");
  g_assert_true (am_ui_test_wait_until (view_settled, fixture, INSTANCES_STATE_TIMEOUT_MS));
  instances_screenshot (fixture->window, "2-running");
  instances_step ("running");

  /* Stop it with the action: it asks first, like Terminate, naming what a stop loses; then the
   * view polls until it is stopped, and stops polling. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.stop", NULL));
  g_assert_true (am_ui_test_wait_until (instances_message_dialog_shown, NULL, INSTANCES_CALL_TIMEOUT_MS));
  {
    GtkWidget *question = instances_find_message_dialog ();

    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (question)), ==, "Stop Instance?");
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (question)), "instance store"));
    instances_screenshot (question, "2-stop-question");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "confirm");
    gtk_window_destroy (GTK_WINDOW (question));
  }
  instances_wait_for_state (fixture, web, "stopping");
  g_assert_true (am_instances_view_is_polling (fixture->view));
  instances_wait_for_state (fixture, web, "stopped");
  g_assert_true (am_ui_test_wait_until (view_settled, fixture, INSTANCES_STATE_TIMEOUT_MS));
  instances_screenshot (fixture->window, "3-stopped");
  instances_step ("stopped");

  /* Create an image: bad names first. */
  dialog = AM_CREATE_IMAGE_DIALOG (instances_open_create_image_dialog (fixture));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  instances_screenshot (GTK_WIDGET (dialog), "4-create-image");
  instances_step ("dialog open");

  set_name (dialog, "ab");
  g_assert_false (create_sensitive (dialog));
  g_assert_nonnull (strstr (name_hint (dialog), "at least 3"));
  set_name (dialog, "my image");
  g_assert_false (create_sensitive (dialog));
  g_assert_nonnull (strstr (name_hint (dialog), "spaces"));
  set_name (dialog, "web#1");
  g_assert_false (create_sensitive (dialog));
  g_assert_nonnull (strstr (name_hint (dialog), "“#”"));
  instances_screenshot (GTK_WIDGET (dialog), "5-bad-name");

  /* A good name, a bigger root volume, an extra volume and tags for the image and snapshots. */
  set_name (dialog, "amiable-test-web-image");
  g_assert_true (create_sensitive (dialog));

  volume = am_ui_test_get_widget (GTK_WIDGET (dialog), AM_TYPE_VOLUME_ROW, NULL);
  g_assert_true (am_volume_row_get_is_root (AM_VOLUME_ROW (volume)));
  root_size = am_volume_row_get_size (AM_VOLUME_ROW (volume));
  g_assert_cmpint (root_size, >, 0);
  /* Sizes only grow. */
  am_volume_row_set_size (AM_VOLUME_ROW (volume), root_size - 1);
  g_assert_cmpint (am_volume_row_get_size (AM_VOLUME_ROW (volume)), ==, root_size);
  am_volume_row_set_size (AM_VOLUME_ROW (volume), root_size + 2);

  volume = am_create_image_dialog_add_volume (dialog);
  g_assert_nonnull (volume);
  g_assert_cmpstr (am_volume_row_get_device_name (AM_VOLUME_ROW (volume)), ==, "/dev/sdf");
  am_volume_row_set_size (AM_VOLUME_ROW (volume), 20);
  am_volume_row_set_volume_type (AM_VOLUME_ROW (volume), "gp2");

  am_tag_list_add (AM_TAG_LIST (am_ui_test_get_widget (GTK_WIDGET (dialog), AM_TYPE_TAG_LIST, "image-tags")), "Purpose", "round-trip");
  am_tag_list_add (AM_TAG_LIST (am_ui_test_get_widget (GTK_WIDGET (dialog), AM_TYPE_TAG_LIST, "snapshot-tags")), "Team", "qa");
  am_ui_test_iterate ();
  g_assert_true (create_sensitive (dialog));
  instances_screenshot (GTK_WIDGET (dialog), "6-create-image-filled");

  g_signal_connect (dialog, "created", G_CALLBACK (instances_keep_created_image_id), &image_id);
  gtk_widget_activate (am_ui_test_get_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                              "create_button"));
  if (!am_ui_test_wait_until (instances_widget_gone, &dialog, INSTANCES_CALL_TIMEOUT_MS))
    {
      instances_screenshot (GTK_WIDGET (dialog), "failed-create");
      g_error ("The dialog did not close: %s", gtk_label_get_label (GTK_LABEL (am_ui_test_get_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "error_label"))));
    }
  g_assert_nonnull (image_id);
  g_test_message ("created %s", image_id);
  instances_step ("created");

  /* The toast offers to launch from the new image. */
  am_ui_test_iterate ();
  g_assert_true (am_ui_test_wait_until (instances_launch_button_shown, fixture, INSTANCES_CALL_TIMEOUT_MS));
  instances_screenshot (fixture->window, "7-image-created");

  /* EC2 has the image, pending at first, with its tags; it becomes available by itself. */
  image = instances_describe_image (fixture, image_id);
  g_assert_nonnull (image);
  g_assert_cmpstr (am_image_get_name (image), ==, "amiable-test-web-image");
  g_assert_cmpstr (find_tag (am_image_get_tags (image), "Purpose"), ==, "round-trip");
  image_wait.image_id = image_id;
  g_assert_true (am_ui_test_wait_until (image_available, &image_wait, INSTANCES_STATE_TIMEOUT_MS));
  instances_step ("available");
  g_clear_object (&image);
  image = instances_describe_image (fixture, image_id);
  {
    /* The image holds the grown root volume and the added one; the snapshots have their tags. */
    AmBlockDeviceMapping * const *mappings = am_image_get_block_device_mappings (image);
    const char *root_device = am_image_get_root_device_name (image);
    gboolean root = FALSE;
    gboolean extra = FALSE;

    for (guint i = 0; mappings[i] != NULL; i++)
      {
        const char *device = am_block_device_mapping_get_device_name (mappings[i]);

        g_test_message ("image volume %s: %d GiB %s", device,
                        am_block_device_mapping_get_volume_size (mappings[i]),
                        am_block_device_mapping_get_volume_type (mappings[i]));
        if (g_strcmp0 (device, root_device) == 0)
          {
            root = TRUE;
            g_assert_cmpint (am_block_device_mapping_get_volume_size (mappings[i]), ==, root_size + 2);
          }
        if (g_strcmp0 (device, "/dev/sdf") == 0)
          {
            extra = TRUE;
            g_assert_cmpint (am_block_device_mapping_get_volume_size (mappings[i]), ==, 20);
            g_assert_cmpstr (am_block_device_mapping_get_volume_type (mappings[i]), ==, "gp2");
          }
        if (am_block_device_mapping_get_snapshot_id (mappings[i]) != NULL)
          check_snapshot_tag (fixture, am_block_device_mapping_get_snapshot_id (mappings[i]), "Team", "qa");
      }
    g_assert_true (root);
    g_assert_true (extra);
  }

  /* The same name again: EC2's InvalidAMIName.Duplicate shows at the name. */
  dialog = AM_CREATE_IMAGE_DIALOG (instances_open_create_image_dialog (fixture));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  set_name (dialog, "amiable-test-web-image");
  gtk_widget_activate (am_ui_test_get_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                              "create_button"));
  {
    HintWait hint_wait = { dialog, "already have an image named" };

    g_assert_true (am_ui_test_wait_until (hint_contains, &hint_wait, INSTANCES_CALL_TIMEOUT_MS));
  }
  g_assert_false (create_sensitive (dialog));
  g_assert_true (gtk_widget_has_css_class (am_ui_test_get_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "name_row"), "error"));
  instances_screenshot (GTK_WIDGET (dialog), "8-duplicate-name");
  instances_step ("duplicate");
  /* Another name makes it acceptable again. */
  set_name (dialog, "amiable-test-web-image-2");
  g_assert_true (create_sensitive (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (am_ui_test_wait_until (instances_widget_gone, &dialog, INSTANCES_CALL_TIMEOUT_MS));

  /* Launch from the new image; the view shows the new instance running. */
  copy = instances_run_instance (fixture, image_id, "amiable-test-copy");
  am_instances_view_reload (fixture->view);
  instances_wait_for_state (fixture, copy, "running");
  instances_step ("copy running");
  g_assert_true (am_ui_test_wait_until (view_settled, fixture, INSTANCES_STATE_TIMEOUT_MS));

  /* Search narrows the list to the copy; clearing it shows both again. */
  {
    GtkWidget *search = am_ui_test_get_widget (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_ENTRY, "search_entry");
    GListModel *shown = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (am_ui_test_get_widget (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW, "column_view"))));
    ShownWait shown_wait = { shown, 1 };

    gtk_editable_set_text (GTK_EDITABLE (search), "TEST-COPY");
    g_assert_true (am_ui_test_wait_until (shows_n, &shown_wait, INSTANCES_CALL_TIMEOUT_MS));
    instances_screenshot (fixture->window, "9-search");
    gtk_editable_set_text (GTK_EDITABLE (search), "");
    shown_wait.n = 2;
    g_assert_true (am_ui_test_wait_until (shows_n, &shown_wait, INSTANCES_CALL_TIMEOUT_MS));
  }

  /* Terminate both: a confirmation names them, then both go. */
  {
    const char * const both[] = { web, copy, NULL };

    g_assert_cmpuint (am_instances_view_select_instances (fixture->view, both), ==, 2);
  }
  instances_screenshot (fixture->window, "10-both-selected");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.terminate", NULL));
  confirm = am_ui_test_wait_for_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (confirm)), "amiable-test-web"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (confirm)), "amiable-test-copy"));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (confirm)), ==, "Terminate 2 Instances?");
  instances_screenshot (confirm, "11-terminate-confirm");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "confirm");
  gtk_window_destroy (GTK_WINDOW (confirm));

  /* Terminated instances leave the default filter; show all states to watch them. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (am_ui_test_get_widget (GTK_WIDGET (fixture->view), GTK_TYPE_DROP_DOWN, "state_dropdown")), 1);
  instances_wait_for_state (fixture, web, "terminated");
  instances_wait_for_state (fixture, copy, "terminated");
  g_assert_true (am_ui_test_wait_until (view_settled, fixture, INSTANCES_STATE_TIMEOUT_MS));
  instances_screenshot (fixture->window, "12-terminated");
  instances_step ("terminated");

  /* With the default filter, nothing is left. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (am_ui_test_get_widget (GTK_WIDGET (fixture->view), GTK_TYPE_DROP_DOWN, "state_dropdown")), 0);
  am_ui_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (am_ui_test_get_widget (GTK_WIDGET (fixture->view), GTK_TYPE_STACK, "list_stack"))), ==, "no-match");
}

/* Quicker state changes than the default, still slow enough to watch them happen; toasts
 * offer Launch from It. */
static const InstancesFixtureOptions options = { "1500", TRUE };

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add ("/ui/instances/round-trip", InstancesFixture, &options, instances_fixture_set_up, test_instances_round_trip,
              instances_fixture_tear_down);

  return g_test_run ();
}
