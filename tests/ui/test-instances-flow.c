/* test-instances-flow.c: from a running instance to a new AMI and back to new instances, in the UI
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-instances-flow"

#include "config.h"

#include "am-aws-error.h"
#include "am-create-image-dialog.h"
#include "am-ec2-client.h"
#include "am-instances-view.h"
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

static gboolean
view_lists (gpointer data)
{
  StateWait *wait = data;

  return am_instances_view_get_state_name (wait->fixture->view, wait->instance_id) != NULL;
}

static void
wait_for_listed (Fixture    *fixture,
                 const char *instance_id)
{
  StateWait wait = { fixture, instance_id, NULL };

  if (!am_ui_test_wait_until (view_lists, &wait, STATE_TIMEOUT_MS))
    g_error ("%s is not listed", instance_id);
}

static void
step (const char *what)
{
  static gint64 start;

  if (start == 0)
    start = g_get_monotonic_time ();
  g_test_message ("%.1f s: %s", (g_get_monotonic_time () - start) / 1e6, what);
}

static gboolean
view_settled (gpointer data)
{
  Fixture *fixture = data;

  return !am_instances_view_is_polling (fixture->view) && !am_instances_view_is_busy (fixture->view);
}

static gboolean
widget_gone (gpointer data)
{
  GtkWidget **widget = data;

  return *widget == NULL;
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

static GtkStack *
view_stack (Fixture *fixture)
{
  return GTK_STACK (find_in (GTK_WIDGET (fixture->view), GTK_TYPE_STACK, "stack"));
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

/* Create-image dialog helpers */

static void
on_created (AmCreateImageDialog *dialog,
            const char          *image_id,
            const char          *name,
            char               **out)
{
  g_free (*out);
  *out = g_strdup (image_id);
}

static gboolean
dialog_ready (gpointer data)
{
  return am_create_image_dialog_get_ready (data);
}

static AmCreateImageDialog *
open_create_image_dialog (Fixture *fixture)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.create-image", NULL));
  dialog = am_ui_test_wait_for_window_of_type (AM_TYPE_CREATE_IMAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (am_ui_test_wait_until (dialog_ready, dialog, CALL_TIMEOUT_MS));

  return AM_CREATE_IMAGE_DIALOG (dialog);
}

static const char *
name_hint (AmCreateImageDialog *dialog)
{
  return gtk_label_get_label (GTK_LABEL (find_in (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "name_hint")));
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
  gtk_editable_set_text (GTK_EDITABLE (find_in (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "name_row")), name);
  am_ui_test_iterate ();
}

static gboolean
create_sensitive (AmCreateImageDialog *dialog)
{
  return gtk_widget_get_sensitive (find_in (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "create_button"));
}

/* Image state through the client */

typedef struct
{
  Fixture    *fixture;
  const char *image_id;
  gint64      next_poll;
  gboolean    available;
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

  image = describe_image (wait->fixture, wait->image_id);
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
check_snapshot_tag (Fixture    *fixture,
                    const char *snapshot_id,
                    const char *key,
                    const char *value)
{
  const char * const ids[] = { snapshot_id, NULL };
  g_autoptr (GPtrArray) snapshots = NULL;
  g_autoptr (GError) error = NULL;
  Wait wait = { NULL };

  am_ec2_client_describe_snapshots_async (fixture->client, ids, NULL, NULL, NULL, wait_cb, &wait);
  snapshots = am_ec2_client_describe_snapshots_finish (fixture->client, wait_for (&wait), &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, 1);
  g_assert_cmpstr (find_tag (am_snapshot_get_tags (g_ptr_array_index (snapshots, 0)), key), ==, value);
}

static void
test_instances_round_trip (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *source_image = find_launchable_image (fixture);
  g_autofree char *web = run_instance (fixture, source_image, "amiable-test-web");
  g_autofree char *copy = NULL;
  g_autofree char *image_id = NULL;
  g_autoptr (AmImage) image = NULL;
  AmCreateImageDialog *dialog;
  GtkWidget *volume;
  GtkWidget *confirm;
  ImageWait image_wait = { fixture, NULL, 0, FALSE };
  int root_size;

  step ("launched");

  /* The view lists the new instance and follows it from pending to running. */
  am_instances_view_set_session (fixture->view, fixture->session);
  wait_for_listed (fixture, web);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_stack (fixture)), ==, "list");
  g_assert_true (am_instances_view_select_instance (fixture->view, web));
  if (g_strcmp0 (am_instances_view_get_state_name (fixture->view, web), "pending") == 0)
    {
      g_assert_true (am_instances_view_is_polling (fixture->view));
      screenshot (fixture->window, "1-pending");
    }
  step ("listed");
  wait_for_state (fixture, web, "running");
  g_assert_true (am_ui_test_wait_until (view_settled, fixture, STATE_TIMEOUT_MS));
  screenshot (fixture->window, "2-running");
  step ("running");

  /* Stop it with the action; the view polls until it is stopped, then stops polling. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.stop", NULL));
  wait_for_state (fixture, web, "stopping");
  g_assert_true (am_instances_view_is_polling (fixture->view));
  wait_for_state (fixture, web, "stopped");
  g_assert_true (am_ui_test_wait_until (view_settled, fixture, STATE_TIMEOUT_MS));
  screenshot (fixture->window, "3-stopped");
  step ("stopped");

  /* Create an image: bad names first. */
  dialog = open_create_image_dialog (fixture);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  screenshot (GTK_WIDGET (dialog), "4-create-image");
  step ("dialog open");

  set_name (dialog, "ab");
  g_assert_false (create_sensitive (dialog));
  g_assert_nonnull (strstr (name_hint (dialog), "at least 3"));
  set_name (dialog, "my image");
  g_assert_false (create_sensitive (dialog));
  g_assert_nonnull (strstr (name_hint (dialog), "spaces"));
  set_name (dialog, "web#1");
  g_assert_false (create_sensitive (dialog));
  g_assert_nonnull (strstr (name_hint (dialog), "“#”"));
  screenshot (GTK_WIDGET (dialog), "5-bad-name");

  /* A good name, a bigger root volume, an extra volume and tags for the image and snapshots. */
  set_name (dialog, "amiable-test-web-image");
  g_assert_true (create_sensitive (dialog));

  volume = find_in (GTK_WIDGET (dialog), AM_TYPE_VOLUME_ROW, NULL);
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

  am_tag_list_add (AM_TAG_LIST (find_in (GTK_WIDGET (dialog), AM_TYPE_TAG_LIST, "image-tags")), "Purpose", "round-trip");
  am_tag_list_add (AM_TAG_LIST (find_in (GTK_WIDGET (dialog), AM_TYPE_TAG_LIST, "snapshot-tags")), "Team", "qa");
  am_ui_test_iterate ();
  g_assert_true (create_sensitive (dialog));
  screenshot (GTK_WIDGET (dialog), "6-create-image-filled");

  g_signal_connect (dialog, "created", G_CALLBACK (on_created), &image_id);
  gtk_widget_activate (find_in (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "create_button"));
  if (!am_ui_test_wait_until (widget_gone, &dialog, CALL_TIMEOUT_MS))
    {
      screenshot (GTK_WIDGET (dialog), "failed-create");
      g_error ("The dialog did not close: %s", gtk_label_get_label (GTK_LABEL (find_in (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "error_label"))));
    }
  g_assert_nonnull (image_id);
  g_test_message ("created %s", image_id);
  step ("created");

  /* The toast offers to launch from the new image. */
  am_ui_test_iterate ();
  g_assert_true (am_ui_test_wait_until (launch_button_shown, fixture, CALL_TIMEOUT_MS));
  screenshot (fixture->window, "7-image-created");

  /* EC2 has the image, pending at first, with its tags; it becomes available by itself. */
  image = describe_image (fixture, image_id);
  g_assert_nonnull (image);
  g_assert_cmpstr (am_image_get_name (image), ==, "amiable-test-web-image");
  g_assert_cmpstr (find_tag (am_image_get_tags (image), "Purpose"), ==, "round-trip");
  image_wait.image_id = image_id;
  g_assert_true (am_ui_test_wait_until (image_available, &image_wait, STATE_TIMEOUT_MS));
  step ("available");
  g_clear_object (&image);
  image = describe_image (fixture, image_id);
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
  dialog = open_create_image_dialog (fixture);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  set_name (dialog, "amiable-test-web-image");
  gtk_widget_activate (find_in (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "create_button"));
  {
    HintWait hint_wait = { dialog, "already have an image named" };

    g_assert_true (am_ui_test_wait_until (hint_contains, &hint_wait, CALL_TIMEOUT_MS));
  }
  g_assert_false (create_sensitive (dialog));
  g_assert_true (gtk_widget_has_css_class (find_in (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "name_row"), "error"));
  screenshot (GTK_WIDGET (dialog), "8-duplicate-name");
  step ("duplicate");
  /* Another name makes it acceptable again. */
  set_name (dialog, "amiable-test-web-image-2");
  g_assert_true (create_sensitive (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (am_ui_test_wait_until (widget_gone, &dialog, CALL_TIMEOUT_MS));

  /* Launch from the new image; the view shows the new instance running. */
  copy = run_instance (fixture, image_id, "amiable-test-copy");
  am_instances_view_reload (fixture->view);
  wait_for_state (fixture, copy, "running");
  step ("copy running");
  g_assert_true (am_ui_test_wait_until (view_settled, fixture, STATE_TIMEOUT_MS));

  /* Search narrows the list to the copy; clearing it shows both again. */
  {
    GtkWidget *search = find_in (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_ENTRY, "search_entry");
    GListModel *shown = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (find_in (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW, "column_view"))));
    ShownWait shown_wait = { shown, 1 };

    gtk_editable_set_text (GTK_EDITABLE (search), "TEST-COPY");
    g_assert_true (am_ui_test_wait_until (shows_n, &shown_wait, CALL_TIMEOUT_MS));
    screenshot (fixture->window, "9-search");
    gtk_editable_set_text (GTK_EDITABLE (search), "");
    shown_wait.n = 2;
    g_assert_true (am_ui_test_wait_until (shows_n, &shown_wait, CALL_TIMEOUT_MS));
  }

  /* Terminate both: a confirmation names them, then both go. */
  {
    const char * const both[] = { web, copy, NULL };

    g_assert_cmpuint (am_instances_view_select_instances (fixture->view, both), ==, 2);
  }
  screenshot (fixture->window, "10-both-selected");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.terminate", NULL));
  confirm = am_ui_test_wait_for_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (confirm)), "amiable-test-web"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (confirm)), "amiable-test-copy"));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (confirm)), "2 instances"));
  screenshot (confirm, "11-terminate-confirm");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "confirm");
  gtk_window_destroy (GTK_WINDOW (confirm));

  /* Terminated instances leave the default filter; show all states to watch them. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_in (GTK_WIDGET (fixture->view), GTK_TYPE_DROP_DOWN, "state_dropdown")), 1);
  wait_for_state (fixture, web, "terminated");
  wait_for_state (fixture, copy, "terminated");
  g_assert_true (am_ui_test_wait_until (view_settled, fixture, STATE_TIMEOUT_MS));
  screenshot (fixture->window, "12-terminated");
  step ("terminated");

  /* With the default filter, nothing is left. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_in (GTK_WIDGET (fixture->view), GTK_TYPE_DROP_DOWN, "state_dropdown")), 0);
  am_ui_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_in (GTK_WIDGET (fixture->view), GTK_TYPE_STACK, "list_stack"))), ==, "no-match");
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add ("/ui/instances/round-trip", Fixture, NULL, fixture_set_up, test_instances_round_trip, fixture_tear_down);

  return g_test_run ();
}
