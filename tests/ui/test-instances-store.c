/* test-instances-store.c: instance-store-backed instances and termination protection in the Instances view
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-instances-store"

#include "config.h"

#include "am-ec2-client.h"
#include "am-instances-view.h"
#include "am-register-image-dialog.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"

#define STATE_TIMEOUT_MS 60000
#define CALL_TIMEOUT_MS  30000

typedef struct
{
  AmSandboxProcess *sandbox;
  AmSession        *session;
  AmEc2Client      *client;
  GtkWidget        *window;
  AmInstancesView  *view;
} Fixture;

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
      g_autofree char *file = g_strdup_printf ("instances-store-%s-%s.png", name, schemes[i].suffix);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      gboolean saved = FALSE;

      adw_style_manager_set_color_scheme (style, schemes[i].scheme);
      for (guint attempt = 0; attempt < 20 && !saved; attempt++)
        {
          am_ui_test_iterate ();
          saved = am_ui_test_screenshot (widget, path);
        }
      g_test_message ("%s %s", saved ? "screenshot" : "could not take the screenshot", path);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  ((Wait *) user_data)->result = g_object_ref (result);
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

/* An Amazon image of the catalog by name. */
static char *
find_image (Fixture    *fixture,
            const char *name)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GPtrArray) images = NULL;
  g_autoptr (GError) error = NULL;
  Wait wait = { NULL };

  am_describe_images_query_add_owner (query, "amazon");
  am_describe_images_query_add_filter (query, am_ec2_filter_new ("name", name, NULL));
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
              gboolean    protect,
              char      **root_device_type)
{
  g_autoptr (AmRunInstancesRequest) request = am_run_instances_request_new (image_id, "t3.micro");
  g_autoptr (GPtrArray) instances = NULL;
  g_autoptr (GError) error = NULL;
  Wait wait = { NULL };
  AmInstance *instance;

  request->disable_api_termination = protect;
  am_ec2_client_run_instances_async (fixture->client, request, FALSE, NULL, wait_cb, &wait);
  am_ec2_client_run_instances_finish (fixture->client, wait_for (&wait), &instances, NULL, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpuint (instances->len, ==, 1);
  instance = g_ptr_array_index (instances, 0);
  if (root_device_type != NULL)
    *root_device_type = g_strdup (am_instance_get_root_device_type (instance));
  return g_strdup (am_instance_get_instance_id (instance));
}

static gboolean
is_protected (Fixture    *fixture,
              const char *instance_id)
{
  g_autoptr (GError) error = NULL;
  Wait wait = { NULL };
  gboolean protect = FALSE;

  am_ec2_client_describe_instance_termination_protection_async (fixture->client, instance_id, NULL, wait_cb, &wait);
  g_assert_true (am_ec2_client_describe_instance_termination_protection_finish (fixture->client, wait_for (&wait),
                                                                                 &protect, &error));
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  return protect;
}

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
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const args[] = { "--transition-ms", "1000", NULL };

  fixture->sandbox = am_ui_test_sandbox_start (args);
  fixture->session = am_ui_test_sandbox_session (fixture->sandbox, "alice");
  fixture->client = g_object_ref (am_session_get_client (fixture->session));
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 720);
  fixture->view = AM_INSTANCES_VIEW (am_instances_view_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
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

/* Create Image on an instance-store-backed instance says why not and offers a manifest. */
static void
test_instance_store (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *image_id = find_image (fixture, "amzn-ami-minimal-hvm-2018.03.0.20231218.0-x86_64-s3");
  g_autofree char *root_type = NULL;
  g_autofree char *instance_id = run_instance (fixture, image_id, FALSE, &root_type);
  GtkWidget *dialog;
  GtkWidget *register_dialog;

  g_assert_cmpstr (root_type, ==, "instance-store");
  /* The view lists what exists when it gets the session. */
  am_instances_view_set_session (fixture->view, fixture->session);
  wait_for_state (fixture, instance_id, "running");
  g_assert_true (am_instances_view_select_instance (fixture->view, instance_id));
  am_ui_test_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.create-image", NULL);
  dialog = am_ui_test_wait_for_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "Cannot Be Imaged"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "instance store"));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "manifest"));
  screenshot (dialog, "create-image-unavailable");
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
test_termination_protection (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *image_id = find_image (fixture, "al2023-ami-2023.*-kernel-6.1-x86_64");
  g_autofree char *instance_id = run_instance (fixture, image_id, TRUE, NULL);
  GtkWidget *dialog;

  g_assert_true (is_protected (fixture, instance_id));
  am_instances_view_set_session (fixture->view, fixture->session);
  wait_for_state (fixture, instance_id, "running");
  g_assert_true (am_instances_view_select_instance (fixture->view, instance_id));
  am_ui_test_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.terminate", NULL);
  g_assert_true (am_ui_test_wait_until (protected_dialog_shown, NULL, CALL_TIMEOUT_MS));
  dialog = find_protected_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "Protected from Termination"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "disableApiTermination"));
  screenshot (dialog, "termination-refused");

  /* Keeping it changes nothing. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
  /* Responding emits the signal only; a click would also close the dialog. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (am_ui_test_wait_until (protected_dialog_gone, NULL, CALL_TIMEOUT_MS));
  g_assert_true (is_protected (fixture, instance_id));
  g_assert_cmpstr (am_instances_view_get_state_name (fixture->view, instance_id), ==, "running");

  /* Again, and this time turn protection off and terminate. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.terminate", NULL);
  g_assert_true (am_ui_test_wait_until (protected_dialog_shown, NULL, CALL_TIMEOUT_MS));
  dialog = find_protected_dialog ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "unprotect");
  /* Responding emits the signal only; a click would also close the dialog. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (am_ui_test_wait_until (protected_dialog_gone, NULL, CALL_TIMEOUT_MS));
  /* Terminated instances leave the default filter; show all states to watch it. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (am_ui_test_find_widget (GTK_WIDGET (fixture->view), GTK_TYPE_DROP_DOWN,
                                                                     "state_dropdown")), 1);
  wait_for_state (fixture, instance_id, "terminated");
  g_assert_false (is_protected (fixture, instance_id));
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/ui/instances/store/create-image", Fixture, NULL, fixture_set_up, test_instance_store, fixture_tear_down);
  g_test_add ("/ui/instances/store/termination-protection", Fixture, NULL, fixture_set_up,
              test_termination_protection, fixture_tear_down);

  return g_test_run ();
}
