/* test-instances-common.c: helpers the Instances view's UI tests share
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-instances"

#include "config.h"

#include "am-create-image-dialog.h"
#include "test-instances-common.h"

/* Fixture */

void
instances_fixture_set_up (InstancesFixture *fixture,
                          gconstpointer     data)
{
  const InstancesFixtureOptions *options = data;
  const char * const args[] = { "--transition-ms", options->transition_ms,
                                options->faults != NULL ? "--faults" : NULL, options->faults, NULL };

  fixture->sandbox = am_ui_test_sandbox_start (args);
  fixture->session = am_ui_test_sandbox_session (fixture->sandbox, "alice");
  fixture->client = g_object_ref (am_session_get_client (fixture->session));

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 720);
  fixture->view = AM_INSTANCES_VIEW (am_instances_view_new ());
  if (options->toast_overlay)
    {
      fixture->overlay = adw_toast_overlay_new ();
      adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (fixture->overlay), GTK_WIDGET (fixture->view));
      gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->overlay);
    }
  else
    gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_present (GTK_WINDOW (fixture->window));
  am_ui_test_wait_mapped (GTK_WIDGET (fixture->view));
}

void
instances_fixture_tear_down (InstancesFixture *fixture,
                             gconstpointer     data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  am_ui_test_iterate ();
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->sandbox);
}

/* Screenshots, steps and widgets */

void
instances_screenshot (GtkWidget  *widget,
                      const char *name)
{
  g_autofree char *file_name = g_strconcat ("instances-", name, NULL);

  /* Only logged when missing: the pictures are for looking at, not part of the test. */
  am_ui_test_screenshot_light_dark (widget, file_name, 0);
}

void
instances_step (const char *what)
{
  static gint64 start;

  if (start == 0)
    start = g_get_monotonic_time ();
  g_test_message ("%.1f s: %s", (g_get_monotonic_time () - start) / 1e6, what);
}

void
instances_set_entry (GtkWidget  *root,
                     const char *id,
                     const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (am_ui_test_get_widget (root, ADW_TYPE_ENTRY_ROW, id)), text);
  am_ui_test_iterate ();
}

/* Client calls */

GPtrArray *
instances_describe_images (InstancesFixture      *fixture,
                           AmDescribeImagesQuery *query)
{
  g_autoptr (GError) error = NULL;
  AmUiTestWait wait = { NULL };
  GPtrArray *images;

  am_ec2_client_describe_images_async (fixture->client, query, NULL, am_ui_test_wait_cb, &wait);
  am_ui_test_wait_for_result (&wait, INSTANCES_CALL_TIMEOUT_MS);
  images = am_ec2_client_describe_images_finish (fixture->client, wait.result, NULL, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);

  return images;
}

AmImage *
instances_describe_image (InstancesFixture *fixture,
                          const char       *image_id)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GPtrArray) images = NULL;

  am_describe_images_query_add_image_id (query, image_id);
  images = instances_describe_images (fixture, query);
  if (images->len == 0)
    return NULL;

  return g_object_ref (g_ptr_array_index (images, 0));
}

char *
instances_find_launchable_image (InstancesFixture *fixture)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GPtrArray) images = NULL;

  am_describe_images_query_add_owner (query, "amazon");
  am_describe_images_query_add_filter (query, am_ec2_filter_new ("root-device-type", "ebs", NULL));
  am_describe_images_query_add_filter (query, am_ec2_filter_new ("architecture", "x86_64", NULL));
  am_describe_images_query_add_filter (query, am_ec2_filter_new ("state", "available", NULL));
  images = instances_describe_images (fixture, query);
  g_assert_cmpuint (images->len, >, 0);

  return g_strdup (am_image_get_image_id (g_ptr_array_index (images, 0)));
}

AmInstance *
instances_describe_in (AmEc2Client *client,
                       const char  *instance_id)
{
  const char *ids[] = { instance_id, NULL };
  AmUiTestWait wait = { NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) instances = NULL;

  am_ec2_client_describe_instances_async (client, ids, NULL, NULL, am_ui_test_wait_cb, &wait);
  instances = am_ec2_client_describe_instances_finish (client, am_ui_test_wait_for_result (&wait, INSTANCES_CALL_TIMEOUT_MS),
                                                       &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpuint (instances->len, ==, 1);
  return g_object_ref (instances->pdata[0]);
}

AmInstance *
instances_run_request (InstancesFixture      *fixture,
                       AmRunInstancesRequest *request)
{
  g_autoptr (GPtrArray) instances = NULL;
  g_autoptr (GError) error = NULL;
  AmUiTestWait wait = { NULL };

  am_ec2_client_run_instances_async (fixture->client, request, FALSE, NULL,
                                     am_ui_test_wait_cb, &wait);
  am_ui_test_wait_for_result (&wait, INSTANCES_CALL_TIMEOUT_MS);
  am_ec2_client_run_instances_finish (fixture->client, wait.result, &instances, NULL, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpuint (instances->len, ==, 1);

  return g_object_ref (g_ptr_array_index (instances, 0));
}

char *
instances_run_instance (InstancesFixture *fixture,
                        const char       *image_id,
                        const char       *name)
{
  g_autoptr (AmRunInstancesRequest) request = am_run_instances_request_new (image_id, "t3.micro");
  g_autoptr (AmInstance) instance = NULL;
  AmTagSpecification *tags = am_tag_specification_new ("instance");

  am_tag_specification_add (tags, "Name", name);
  am_run_instances_request_add_tag_specification (request, tags);
  instance = instances_run_request (fixture, request);

  return g_strdup (am_instance_get_instance_id (instance));
}

/* Conditions on the view */

typedef struct
{
  InstancesFixture *fixture;
  const char       *instance_id;
  const char       *state;
} StateWait;

static gboolean
view_shows_state (gpointer data)
{
  StateWait *wait = data;

  return g_strcmp0 (am_instances_view_get_state_name (wait->fixture->view, wait->instance_id), wait->state) == 0;
}

void
instances_wait_for_state (InstancesFixture *fixture,
                          const char       *instance_id,
                          const char       *state)
{
  StateWait wait = { fixture, instance_id, state };

  if (!am_ui_test_wait_until (view_shows_state, &wait, INSTANCES_STATE_TIMEOUT_MS))
    g_error ("%s did not become %s in the view (it shows %s)", instance_id, state,
             am_instances_view_get_state_name (fixture->view, instance_id));
}

static gboolean
view_lists (gpointer data)
{
  StateWait *wait = data;

  return am_instances_view_get_state_name (wait->fixture->view, wait->instance_id) != NULL;
}

void
instances_wait_for_listed (InstancesFixture *fixture,
                           const char       *instance_id)
{
  StateWait wait = { fixture, instance_id, NULL };

  if (!am_ui_test_wait_until (view_lists, &wait, INSTANCES_STATE_TIMEOUT_MS))
    g_error ("%s is not listed", instance_id);
}

gboolean
instances_widget_gone (gpointer data)
{
  GtkWidget **widget = data;

  return *widget == NULL;
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
gboolean
instances_launch_button_shown (gpointer data)
{
  InstancesFixture *fixture = data;

  g_assert_nonnull (fixture->overlay);
  return count_launch_buttons (fixture->overlay) == 1;
}

/* The mapped message dialog (a confirmation), or NULL. */
GtkWidget *
instances_find_message_dialog (void)
{
  g_autoptr (GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (window))
        return window;
    }
  return NULL;
}

gboolean
instances_message_dialog_shown (gpointer data)
{
  return instances_find_message_dialog () != NULL;
}

gboolean
instances_message_dialog_gone (gpointer data)
{
  return instances_find_message_dialog () == NULL;
}

typedef struct
{
  char     *text;
  gboolean  done;
} ClipboardRead;

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClipboardRead *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static gboolean
clipboard_read_done (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

char *
instances_clipboard_text (GtkWidget *widget)
{
  ClipboardRead read = { NULL, FALSE };

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, clipboard_read_cb, &read);
  g_assert_true (am_ui_test_wait_until (clipboard_read_done, &read, INSTANCES_CALL_TIMEOUT_MS));
  return read.text;
}

/* Create Image dialog */

void
instances_keep_created_image_id (GtkWidget   *dialog,
                                 const char  *image_id,
                                 const char  *name,
                                 char       **out)
{
  g_free (*out);
  *out = g_strdup (image_id);
}

static gboolean
create_image_dialog_ready (gpointer data)
{
  return am_create_image_dialog_get_ready (data);
}

GtkWidget *
instances_open_create_image_dialog (InstancesFixture *fixture)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.create-image", NULL));
  dialog = am_ui_test_wait_for_window_of_type (AM_TYPE_CREATE_IMAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (am_ui_test_wait_until (create_image_dialog_ready, dialog, INSTANCES_CALL_TIMEOUT_MS));
  return dialog;
}
