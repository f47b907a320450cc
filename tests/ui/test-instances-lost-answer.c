/* test-instances-lost-answer.c: Create Image when EC2's answer to CreateImage is lost makes one image
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-instances-lost-answer"

#include "config.h"

#include "test-instances-common.h"

/* The sandbox makes the image (and reboots the instance), then closes the connection without
 * answering. Sending CreateImage again would fail with InvalidAMIName.Duplicate and the dialog
 * would ask for another name; instead it finds the image by name and closes. */
static void
test_create_image_lost_answer (InstancesFixture *fixture,
                               gconstpointer     data)
{
  g_autofree char *source_image = instances_find_launchable_image (fixture);
  g_autofree char *instance_id = instances_run_instance (fixture, source_image, "lost-answer");
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GPtrArray) images = NULL;
  g_autofree char *image_id = NULL;
  GtkWidget *dialog;

  am_instances_view_set_session (fixture->view, fixture->session);
  instances_wait_for_state (fixture, instance_id, "running");
  g_assert_true (am_instances_view_select_instance (fixture->view, instance_id));

  dialog = instances_open_create_image_dialog (fixture);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  instances_set_entry (dialog, "name_row", "golden-after-lost-answer");
  g_signal_connect (dialog, "created", G_CALLBACK (instances_keep_created_image_id), &image_id);
  gtk_widget_activate (am_ui_test_get_widget (dialog, GTK_TYPE_BUTTON, "create_button"));
  if (!am_ui_test_wait_until (instances_widget_gone, &dialog, INSTANCES_CALL_TIMEOUT_MS))
    {
      instances_screenshot (dialog, "lost-answer-failed");
      g_error ("The dialog did not close: %s",
               gtk_label_get_label (GTK_LABEL (am_ui_test_get_widget (dialog, GTK_TYPE_LABEL, "error_label"))));
    }
  g_assert_nonnull (image_id);

  /* Exactly one image of that name, the one the dialog reported. */
  am_describe_images_query_add_owner (query, "self");
  am_describe_images_query_add_filter (query, am_ec2_filter_new ("name", "golden-after-lost-answer", NULL));
  images = instances_describe_images (fixture, query);
  g_assert_cmpuint (images->len, ==, 1);
  g_assert_cmpstr (am_image_get_image_id (g_ptr_array_index (images, 0)), ==, image_id);
}

static const InstancesFixtureOptions options = { "300", TRUE, "drop-once=CreateImage" };

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add ("/ui/instances/create-image-lost-answer", InstancesFixture, &options, instances_fixture_set_up,
              test_create_image_lost_answer, instances_fixture_tear_down);

  return g_test_run ();
}
