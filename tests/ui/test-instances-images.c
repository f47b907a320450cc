/* test-instances-images.c: tags, copy, images from snapshots and bundle manifests, Launch from It
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-instances-images"

#include "config.h"

#include "am-aws-error.h"
#include "am-create-image-dialog.h"
#include "am-ec2-client.h"
#include "am-instances-view.h"
#include "am-launch-wizard.h"
#include "am-tag-row.h"
#include "am-tags-editor.h"
#include "am-register-image-dialog.h"
#include "am-tag-list.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"
#include "am-volume-row.h"

/* Generous: a busy 2-core machine, and state changes that take a few seconds each. */
#define STATE_TIMEOUT_MS 60000
#define CALL_TIMEOUT_MS  30000

typedef struct
{
  AmSandboxProcess *sandbox;
  AmSession        *session;
  AmEc2Client      *client;
  GtkWidget        *window;
  GtkWidget        *overlay;
  AmInstancesView  *view;
} Fixture;

/* Screenshots */

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("AMIABLE_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  static const struct { AdwColorScheme scheme; const char *suffix; } schemes[] = {
    { ADW_COLOR_SCHEME_FORCE_LIGHT, "light" },
    { ADW_COLOR_SCHEME_FORCE_DARK, "dark" },
  };

  if (dir == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *file = g_strdup_printf ("instances-%s-%s.png", name, schemes[i].suffix);
      g_autofree char *path = g_build_filename (dir, file, NULL);

      gboolean saved = FALSE;

      adw_style_manager_set_color_scheme (style, schemes[i].scheme);
      /* A widget between two frames has nothing to paint yet: give it a few tries. */
      for (guint attempt = 0; attempt < 20 && !saved; attempt++)
        {
          am_ui_test_iterate ();
          saved = am_ui_test_screenshot (widget, path);
        }
      if (saved)
        g_test_message ("screenshot %s", path);
      else
        g_test_message ("could not take the screenshot %s", path);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* Waiting for asynchronous client calls */

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

static gboolean
wait_done (gpointer data)
{
  return ((Wait *) data)->result != NULL;
}

static GAsyncResult *
wait_for (Wait *wait)
{
  g_assert_true (am_ui_test_wait_until (wait_done, wait, CALL_TIMEOUT_MS));
  return wait->result;
}

static AmImage *
describe_image (Fixture    *fixture,
                const char *image_id)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GPtrArray) images = NULL;
  g_autoptr (GError) error = NULL;
  Wait wait = { NULL };

  am_describe_images_query_add_image_id (query, image_id);
  am_ec2_client_describe_images_async (fixture->client, query, NULL, wait_cb, &wait);
  images = am_ec2_client_describe_images_finish (fixture->client, wait_for (&wait), NULL, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  if (images->len == 0)
    return NULL;

  return g_object_ref (g_ptr_array_index (images, 0));
}

/* An EBS-backed x86_64 Amazon image of the sandbox's catalog. */
static char *
find_launchable_image (Fixture *fixture)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GPtrArray) images = NULL;
  g_autoptr (GError) error = NULL;
  Wait wait = { NULL };

  am_describe_images_query_add_owner (query, "amazon");
  am_describe_images_query_add_filter (query, am_ec2_filter_new ("root-device-type", "ebs", NULL));
  am_describe_images_query_add_filter (query, am_ec2_filter_new ("architecture", "x86_64", NULL));
  am_describe_images_query_add_filter (query, am_ec2_filter_new ("state", "available", NULL));
  am_ec2_client_describe_images_async (fixture->client, query, NULL, wait_cb, &wait);
  images = am_ec2_client_describe_images_finish (fixture->client, wait_for (&wait), NULL, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpuint (images->len, >, 0);

  return g_strdup (am_image_get_image_id (g_ptr_array_index (images, 0)));
}

static char *
run_instance (Fixture    *fixture,
              const char *image_id,
              const char *name)
{
  g_autoptr (AmRunInstancesRequest) request = am_run_instances_request_new (image_id, "t3.micro");
  g_autoptr (GPtrArray) instances = NULL;
  g_autoptr (GError) error = NULL;
  AmTagSpecification *tags = am_tag_specification_new ("instance");
  Wait wait = { NULL };

  am_tag_specification_add (tags, "Name", name);
  am_run_instances_request_add_tag_specification (request, tags);
  am_ec2_client_run_instances_async (fixture->client, request, FALSE, NULL, wait_cb, &wait);
  am_ec2_client_run_instances_finish (fixture->client, wait_for (&wait), &instances, NULL, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpuint (instances->len, ==, 1);

  return g_strdup (am_instance_get_instance_id (g_ptr_array_index (instances, 0)));
}

/* Conditions on the view */

typedef struct
{
  Fixture    *fixture;
  const char *instance_id;
  const char *state;
} StateWait;

static gboolean
view_shows_state (gpointer data)
{
  StateWait *wait = data;

  return g_strcmp0 (am_instances_view_get_state_name (wait->fixture->view, wait->instance_id), wait->state) == 0;
}

static void
wait_for_state (Fixture    *fixture,
                const char *instance_id,
                const char *state)
{
  StateWait wait = { fixture, instance_id, state };

  if (!am_ui_test_wait_until (view_shows_state, &wait, STATE_TIMEOUT_MS))
    g_error ("%s did not become %s in the view (it shows %s)", instance_id, state,
             am_instances_view_get_state_name (fixture->view, instance_id));
}

static void
step (const char *what)
{
  static gint64 start;

  if (start == 0)
    start = g_get_monotonic_time ();
  g_test_message ("%.1f s: %s", (g_get_monotonic_time () - start) / 1e6, what);
}

static GtkWidget *
find_in (GtkWidget  *root,
         GType       type,
         const char *name)
{
  GtkWidget *widget = am_ui_test_find_widget (root, type, name);

  if (widget == NULL)
    g_error ("No %s named “%s”", g_type_name (type), name);
  return widget;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  /* Quicker state changes than the default, still slow enough to watch them happen. */
  const char * const args[] = { "--transition-ms", "1500", NULL };

  fixture->sandbox = am_ui_test_sandbox_start (args);
  fixture->session = am_ui_test_sandbox_session (fixture->sandbox, "alice");
  fixture->client = g_object_ref (am_session_get_client (fixture->session));

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 720);
  fixture->overlay = adw_toast_overlay_new ();
  fixture->view = AM_INSTANCES_VIEW (am_instances_view_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (fixture->overlay), GTK_WIDGET (fixture->view));
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->overlay);
  gtk_window_present (GTK_WINDOW (fixture->window));
  am_ui_test_wait_mapped (GTK_WIDGET (fixture->view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  am_ui_test_iterate ();
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->sandbox);
}


static gboolean
widget_gone_or_closed (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

static guint
count_launch_buttons (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "_Launch from It") == 0
      && gtk_widget_get_mapped (widget))
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_launch_buttons (child);

  return n;
}

/* One toast on show: a toast replaced by a newer one stays in the overlay while it fades. */
static gboolean
launch_button_shown (gpointer data)
{
  Fixture *fixture = data;

  return count_launch_buttons (fixture->overlay) == 1;
}

static gboolean
details_show_tag (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *row = am_ui_test_find_widget (GTK_WIDGET (fixture->view), ADW_TYPE_ACTION_ROW, "staging");

  return row != NULL && g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Env") == 0;
}

static gboolean
window_gone (gpointer data)
{
  GtkWidget **widget = data;

  return *widget == NULL;
}

/* A snapshot of the instance's root volume: CreateImage through the client, then wait. */
static char *
make_snapshot (Fixture    *fixture,
               const char *instance_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *image_id = NULL;
  g_autoptr (AmImage) image = NULL;
  AmBlockDeviceMapping * const *mappings;
  Wait wait = { NULL };

  am_ec2_client_create_image_async (fixture->client, instance_id, "amiable-test-snapshot-source", NULL,
                                    TRUE, NULL, NULL, FALSE, NULL, wait_cb, &wait);
  am_ec2_client_create_image_finish (fixture->client, wait_for (&wait), &image_id, NULL, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);

  image = describe_image (fixture, image_id);
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
open_register_dialog (Fixture    *fixture,
                      const char *action)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), action, NULL));
  dialog = am_ui_test_wait_for_window_of_type (AM_TYPE_REGISTER_IMAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (am_ui_test_wait_until (register_ready, dialog, CALL_TIMEOUT_MS));
  am_ui_test_iterate ();

  return AM_REGISTER_IMAGE_DIALOG (dialog);
}

static void
set_entry (GtkWidget  *root,
           const char *id,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_in (root, ADW_TYPE_ENTRY_ROW, id)), text);
  am_ui_test_iterate ();
}

static char *
register_and_wait (Fixture               *fixture,
                   AmRegisterImageDialog *dialog)
{
  AmRegisterImageDialog *weak = dialog;
  char *image_id;

  g_object_ref (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
  gtk_widget_activate (find_in (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "register_button"));
  if (!am_ui_test_wait_until (widget_gone_or_closed, dialog, CALL_TIMEOUT_MS))
    {
      screenshot (GTK_WIDGET (dialog), "failed-register");
      g_error ("The dialog did not close: %s",
               gtk_label_get_label (GTK_LABEL (find_in (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "error_label"))));
    }
  image_id = g_strdup (am_register_image_dialog_get_image_id (dialog));
  g_object_unref (dialog);
  g_assert_nonnull (image_id);

  return image_id;
}

typedef struct
{
  GdkClipboard *clipboard;
  char         *text;
  gboolean      done;
} ClipboardRead;

static void
read_text_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ClipboardRead *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static gboolean
read_done (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

static void
test_instances_images (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *source_image = find_launchable_image (fixture);
  g_autofree char *web = run_instance (fixture, source_image, "amiable-test-src");
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
  wait_for_state (fixture, web, "running");
  g_assert_true (am_instances_view_select_instance (fixture->view, web));
  step ("running");

  /* Copy ID puts the id on the clipboard. */
  {
    ClipboardRead read = { gtk_widget_get_clipboard (GTK_WIDGET (fixture->view)), NULL, FALSE };

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.copy-id", NULL));
    gdk_clipboard_read_text_async (read.clipboard, NULL, read_text_cb, &read);
    g_assert_true (am_ui_test_wait_until (read_done, &read, CALL_TIMEOUT_MS));
    g_assert_cmpstr (read.text, ==, web);
    g_free (read.text);
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
  screenshot (editor, "20-tags");
  am_action_dialog_activate_apply (AM_ACTION_DIALOG (editor));
  g_assert_true (am_ui_test_wait_until (window_gone, &editor, CALL_TIMEOUT_MS));
  g_assert_true (am_ui_test_wait_until (details_show_tag, fixture, STATE_TIMEOUT_MS));
  step ("tagged");
  screenshot (fixture->window, "21-tagged");

  snapshot_id = make_snapshot (fixture, web);
  step ("snapshot");

  /* Create an image from the snapshot. */
  dialog = open_register_dialog (fixture, "instances.register-snapshot");
  snapshots = ADW_COMBO_ROW (find_in (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "snapshot_row"));
  for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (snapshots)); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (snapshots)), i), snapshot_id))
      {
        adw_combo_row_set_selected (snapshots, i);
        found = TRUE;
      }
  g_assert_true (found);
  set_entry (GTK_WIDGET (dialog), "name_row", "amiable-test-from-snapshot");
  gtk_widget_activate (find_in (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "add_volume_button"));
  am_ui_test_iterate ();
  screenshot (GTK_WIDGET (dialog), "22-from-snapshot");
  from_snapshot = register_and_wait (fixture, dialog);
  image = describe_image (fixture, from_snapshot);
  g_assert_cmpstr (am_image_get_root_device_type (image), ==, "ebs");
  g_assert_cmpstr (am_image_get_root_device_name (image), ==, "/dev/xvda");
  g_assert_cmpstr (am_block_device_mapping_get_snapshot_id (am_image_get_block_device_mappings (image)[0]), ==, snapshot_id);
  g_assert_cmpstr (am_block_device_mapping_get_device_name (am_image_get_block_device_mappings (image)[1]), ==, "/dev/sdf");
  g_clear_object (&image);
  step ("from snapshot");

  /* Register a bundle manifest: a wrong location is refused at the field first. */
  dialog = open_register_dialog (fixture, "instances.register-manifest");
  set_entry (GTK_WIDGET (dialog), "name_row", "amiable-test-from-bundle");
  set_entry (GTK_WIDGET (dialog), "manifest_row", "s3://amiable-bundles/web.manifest.xml");
  g_assert_false (gtk_widget_get_sensitive (find_in (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "register_button")));
  g_assert_true (gtk_widget_get_visible (find_in (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "manifest_hint")));
  screenshot (GTK_WIDGET (dialog), "23-bad-manifest");
  set_entry (GTK_WIDGET (dialog), "manifest_row", "amiable-bundles/web/web.manifest.xml");
  g_assert_true (gtk_widget_get_sensitive (find_in (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "register_button")));
  from_bundle = register_and_wait (fixture, dialog);
  image = describe_image (fixture, from_bundle);
  g_assert_cmpstr (am_image_get_root_device_type (image), ==, "instance-store");
  g_assert_cmpstr (am_image_get_image_location (image), ==, "amiable-bundles/web/web.manifest.xml");
  step ("from bundle");

  /* The toast offers to launch from the image just registered: the wizard opens for it. */
  am_ui_test_iterate ();
  screenshot (fixture->window, "24-registered");
  /* Toasts replace each other with an animation: wait for the button to settle. */
  g_assert_true (am_ui_test_wait_until (launch_button_shown, fixture, CALL_TIMEOUT_MS));
  launch = am_ui_test_find_widget (fixture->overlay, GTK_TYPE_BUTTON, "_Launch from It");
  gtk_widget_activate (launch);
  wizard = am_ui_test_wait_for_window_of_type (AM_TYPE_LAUNCH_WIZARD);
  g_assert_nonnull (wizard);
  screenshot (wizard, "25-launch-wizard");
  gtk_window_destroy (GTK_WINDOW (wizard));
  am_ui_test_iterate ();
  step ("wizard");
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);
  /* Pressing a toast's button while libadwaita 1.2 animates it crashed here now and then (an
   * unref of a freed object in the done handler of adw_animation_skip); without animations
   * toasts show at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/ui/instances/images", Fixture, NULL, fixture_set_up, test_instances_images, fixture_tear_down);

  return g_test_run ();
}
