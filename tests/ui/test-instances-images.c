/* test-instances-images.c: tags, copy, images from snapshots and bundle manifests, Launch from It
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-instances-images"

#include "config.h"

#include "am-aws-error.h"
#include "am-create-image-dialog.h"
#include "am-launch-wizard.h"
#include "am-tag-row.h"
#include "am-tags-editor.h"
#include "am-register-image-dialog.h"
#include "am-tag-list.h"
#include "am-volume-row.h"
#include "test-instances-common.h"

static gboolean
widget_gone_or_closed (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

static gboolean
details_show_tag (gpointer data)
{
  InstancesFixture *fixture = data;
  GtkWidget *row = am_ui_test_find_widget (GTK_WIDGET (fixture->view), ADW_TYPE_ACTION_ROW, "Env");

  return row != NULL && g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "staging") == 0;
}

/* A snapshot of the instance's root volume: CreateImage through the client, then wait. */
static char *
make_snapshot (InstancesFixture *fixture,
               const char       *instance_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *image_id = NULL;
  g_autoptr (AmImage) image = NULL;
  AmBlockDeviceMapping * const *mappings;
  AmUiTestWait wait = { NULL };

  am_ec2_client_create_image_async (fixture->client, instance_id, "amiable-test-snapshot-source", NULL,
                                    TRUE, NULL, NULL, FALSE, NULL, am_ui_test_wait_cb, &wait);
  am_ui_test_wait_for_result (&wait, INSTANCES_CALL_TIMEOUT_MS);
  am_ec2_client_create_image_finish (fixture->client, wait.result, &image_id, NULL, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);

  image = instances_describe_image (fixture, image_id);
  mappings = am_image_get_block_device_mappings (image);
  g_assert_nonnull (mappings[0]);
  g_assert_nonnull (am_block_device_mapping_get_snapshot_id (mappings[0]));

  return g_strdup (am_block_device_mapping_get_snapshot_id (mappings[0]));
}

static gboolean
register_ready (gpointer data)
{
  return am_register_image_dialog_get_ready (data);
}

static AmRegisterImageDialog *
open_register_dialog (InstancesFixture *fixture,
                      const char       *action)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), action, NULL));
  dialog = am_ui_test_wait_for_window_of_type (AM_TYPE_REGISTER_IMAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (am_ui_test_wait_until (register_ready, dialog, INSTANCES_CALL_TIMEOUT_MS));
  am_ui_test_iterate ();

  return AM_REGISTER_IMAGE_DIALOG (dialog);
}

static char *
register_and_wait (InstancesFixture      *fixture,
                   AmRegisterImageDialog *dialog)
{
  AmRegisterImageDialog *weak = dialog;
  char *image_id;

  g_object_ref (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
  gtk_widget_activate (am_ui_test_get_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                              "register_button"));
  if (!am_ui_test_wait_until (widget_gone_or_closed, dialog, INSTANCES_CALL_TIMEOUT_MS))
    {
      instances_screenshot (GTK_WIDGET (dialog), "failed-register");
      g_error ("The dialog did not close: %s",
               gtk_label_get_label (GTK_LABEL (am_ui_test_get_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "error_label"))));
    }
  image_id = g_strdup (am_register_image_dialog_get_image_id (dialog));
  g_object_unref (dialog);
  g_assert_nonnull (image_id);

  return image_id;
}

static void
test_instances_images (InstancesFixture *fixture,
                       gconstpointer     data)
{
  g_autofree char *source_image = instances_find_launchable_image (fixture);
  g_autofree char *web = instances_run_instance (fixture, source_image, "amiable-test-src");
  g_autofree char *snapshot_id = NULL;
  g_autofree char *from_snapshot = NULL;
  g_autofree char *from_bundle = NULL;
  g_autoptr (AmImage) image = NULL;
  AmRegisterImageDialog *dialog;
  GtkWidget *editor;
  GtkWidget *row;
  GtkWidget *wizard;
  GtkWidget *launch;
  AdwComboRow *snapshots;
  gboolean found = FALSE;

  am_instances_view_set_session (fixture->view, fixture->session);
  instances_wait_for_state (fixture, web, "running");
  g_assert_true (am_instances_view_select_instance (fixture->view, web));
  instances_step ("running");

  /* Copy ID puts the id on the clipboard. */
  {
    g_autofree char *copied = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.copy-id", NULL));
    copied = instances_clipboard_text (GTK_WIDGET (fixture->view));
    g_assert_cmpstr (copied, ==, web);
  }

  /* Tags through the dialogs part's editor; the details pane shows the new tag. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.tags", NULL));
  editor = am_ui_test_wait_for_window_of_type (AM_TYPE_TAGS_EDITOR);
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  row = am_tags_editor_add_row (AM_TAGS_EDITOR (editor));
  gtk_editable_set_text (am_tag_row_get_key_entry (AM_TAG_ROW (row)), "Env");
  gtk_editable_set_text (am_tag_row_get_value_entry (AM_TAG_ROW (row)), "staging");
  am_ui_test_iterate ();
  instances_screenshot (editor, "20-tags");
  am_action_dialog_activate_apply (AM_ACTION_DIALOG (editor));
  g_assert_true (am_ui_test_wait_until (instances_widget_gone, &editor, INSTANCES_CALL_TIMEOUT_MS));
  g_assert_true (am_ui_test_wait_until (details_show_tag, fixture, INSTANCES_STATE_TIMEOUT_MS));
  instances_step ("tagged");
  instances_screenshot (fixture->window, "21-tagged");

  snapshot_id = make_snapshot (fixture, web);
  instances_step ("snapshot");

  /* Create an image from the snapshot. */
  dialog = open_register_dialog (fixture, "instances.register-snapshot");
  snapshots = ADW_COMBO_ROW (am_ui_test_get_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "snapshot_row"));
  for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (snapshots)); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (snapshots)), i), snapshot_id))
      {
        adw_combo_row_set_selected (snapshots, i);
        found = TRUE;
      }
  g_assert_true (found);
  instances_set_entry (GTK_WIDGET (dialog), "name_row", "amiable-test-from-snapshot");
  gtk_widget_activate (am_ui_test_get_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON,
                                              "add_volume_button"));
  am_ui_test_iterate ();
  instances_screenshot (GTK_WIDGET (dialog), "22-from-snapshot");
  from_snapshot = register_and_wait (fixture, dialog);
  image = instances_describe_image (fixture, from_snapshot);
  g_assert_cmpstr (am_image_get_root_device_type (image), ==, "ebs");
  g_assert_cmpstr (am_image_get_root_device_name (image), ==, "/dev/xvda");
  g_assert_cmpstr (am_block_device_mapping_get_snapshot_id (am_image_get_block_device_mappings (image)[0]), ==, snapshot_id);
  g_assert_cmpstr (am_block_device_mapping_get_device_name (am_image_get_block_device_mappings (image)[1]), ==, "/dev/sdf");
  g_clear_object (&image);
  instances_step ("from snapshot");

  /* Register a bundle manifest: a wrong location is refused at the field first. */
  dialog = open_register_dialog (fixture, "instances.register-manifest");
  instances_set_entry (GTK_WIDGET (dialog), "name_row", "amiable-test-from-bundle");
  instances_set_entry (GTK_WIDGET (dialog), "manifest_row", "s3://amiable-bundles/web.manifest.xml");
  g_assert_false (gtk_widget_get_sensitive (am_ui_test_get_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "register_button")));
  g_assert_true (gtk_widget_get_visible (am_ui_test_get_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "manifest_hint")));
  instances_screenshot (GTK_WIDGET (dialog), "23-bad-manifest");
  instances_set_entry (GTK_WIDGET (dialog), "manifest_row", "amiable-bundles/web/web.manifest.xml");
  g_assert_true (gtk_widget_get_sensitive (am_ui_test_get_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "register_button")));
  from_bundle = register_and_wait (fixture, dialog);
  image = instances_describe_image (fixture, from_bundle);
  g_assert_cmpstr (am_image_get_root_device_type (image), ==, "instance-store");
  g_assert_cmpstr (am_image_get_image_location (image), ==, "amiable-bundles/web/web.manifest.xml");
  instances_step ("from bundle");

  /* The toast offers to launch from the image just registered: the wizard opens for it. */
  am_ui_test_iterate ();
  instances_screenshot (fixture->window, "24-registered");
  /* Toasts replace each other with an animation: wait for the button to settle. */
  g_assert_true (am_ui_test_wait_until (instances_launch_button_shown, fixture, INSTANCES_CALL_TIMEOUT_MS));
  launch = am_ui_test_find_widget (fixture->overlay, GTK_TYPE_BUTTON, "_Launch from It");
  gtk_widget_activate (launch);
  wizard = am_ui_test_wait_for_window_of_type (AM_TYPE_LAUNCH_WIZARD);
  g_assert_nonnull (wizard);
  instances_screenshot (wizard, "25-launch-wizard");
  gtk_window_destroy (GTK_WINDOW (wizard));
  am_ui_test_iterate ();
  instances_step ("wizard");
}

/* Quicker state changes than the default, still slow enough to watch them happen; toasts
 * offer Launch from It. */
static const InstancesFixtureOptions options = { "1500", TRUE };

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);
  /* Pressing a toast's button while libadwaita 1.2 animates it crashed here now and then (an
   * unref of a freed object in the done handler of adw_animation_skip); without animations
   * toasts show at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/ui/instances/images", InstancesFixture, &options, instances_fixture_set_up, test_instances_images,
              instances_fixture_tear_down);

  return g_test_run ();
}
