/* test-connection.c: an endpoint where nothing listens and a sandbox that dies end in error states
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-connection"

#include "config.h"

#include <signal.h>
#include <string.h>

#include "am-error-state.h"
#include "am-images-view-private.h"
#include "am-instances-view-private.h"
#include "am-ui-test.h"
#include "am-ui-test-sandbox.h"
#include "am-window.h"

/* Generous: the verdict is the state reached, never the time it took (which is reported). */
#define CEILING_MS 45000

typedef struct
{
  AmWindow        *window;
  AmImagesView    *images;
  AmInstancesView *instances;
} Window;

static void
window_open (Window     *w,
             const char *profile)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  g_autoptr (AmSession) session = am_session_new ();

  w->window = am_window_new_with_session (app, session);
  gtk_window_set_default_size (GTK_WINDOW (w->window), 1100, 700);
  gtk_window_present (GTK_WINDOW (w->window));
  am_ui_test_wait_mapped (GTK_WIDGET (w->window));
  w->images = AM_IMAGES_VIEW (am_ui_test_get_widget (GTK_WIDGET (w->window), AM_TYPE_IMAGES_VIEW, NULL));
  w->instances = AM_INSTANCES_VIEW (am_ui_test_get_widget (GTK_WIDGET (w->window), AM_TYPE_INSTANCES_VIEW, NULL));
  am_window_show_view (w->window, "images");
  am_window_connect (w->window, profile, NULL);
}

static gboolean
session_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Closes the window and waits until its session is gone: requests still in flight (the
 * Instances view's image lookups) hold the views and the session until they are answered,
 * and the session's sandbox must be stopped and reaped before the test ends, not left
 * running when the test program exits. */
static void
window_close (Window *w)
{
  gpointer session = am_window_get_session (w->window);

  g_object_add_weak_pointer (G_OBJECT (session), &session);
  gtk_window_destroy (GTK_WINDOW (w->window));
  am_ui_test_iterate ();
  am_ui_test_wait_until (session_gone, &session, CEILING_MS);
  if (session != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (session), &session);
      g_error ("The window's session was still alive %d s after the window closed", CEILING_MS / 1000);
    }
}

static void
screenshot (Window     *w,
            const char *name)
{
  g_assert_true (am_ui_test_screenshot_light_dark (GTK_WIDGET (w->window), name, 300));
}

static gboolean
images_in_error (gpointer data)
{
  return g_strcmp0 (_am_images_view_get_state (data), "error") == 0;
}

static gboolean
instances_in_error (gpointer data)
{
  return g_strcmp0 (_am_instances_view_get_state (data), "error") == 0;
}

static gboolean
instances_listed (gpointer data)
{
  return g_strcmp0 (_am_instances_view_get_state (data), "list") == 0;
}

static AmErrorState *
error_state_of (gpointer view)
{
  AmErrorState *state = AM_ERROR_STATE (am_ui_test_get_widget (view, AM_TYPE_ERROR_STATE, NULL));

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (state)));
  return state;
}

static const char *
header_connection (Window *w)
{
  GtkWidget *label = am_ui_test_get_widget (GTK_WIDGET (w->window), GTK_TYPE_LABEL, "connection_label");

  if (!gtk_widget_get_mapped (label))
    return "";
  return gtk_label_get_label (GTK_LABEL (label));
}

static gboolean
header_says_reachable (gpointer data)
{
  return g_strcmp0 (header_connection (data), "Reachable") == 0;
}

static gboolean
header_says_offline (gpointer data)
{
  return g_str_has_prefix (header_connection (data), "Offline since ");
}

static gboolean
banner_shown (gpointer view)
{
  /* Revealed and done sliding in: only then is its Retry button mapped and pressable. */
  return gtk_revealer_get_reveal_child (AM_INSTANCES_VIEW (view)->banner_revealer)
         && gtk_revealer_get_child_revealed (AM_INSTANCES_VIEW (view)->banner_revealer);
}

static gboolean
banner_hidden (gpointer view)
{
  return !gtk_revealer_get_reveal_child (AM_INSTANCES_VIEW (view)->banner_revealer);
}

/* A TCP port on loopback where nothing listens (bound, read, released). */
static guint16
free_port (void)
{
  g_autoptr (GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  guint16 port;

  g_assert_nonnull (socket);
  g_assert_true (g_socket_bind (socket, any, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);
  return port;
}

static void
press (GtkButton *button)
{
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (button)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
}

/* With keys in the environment and an endpoint where nothing listens, both views end in an
 * error state that says what to do; the header says offline; Retry, once a server listens
 * there, lists the images. */
static void
test_nothing_listening (void)
{
  guint16 port = free_port ();
  g_autofree char *endpoint = g_strdup_printf ("http://127.0.0.1:%u", port);
  g_autofree char *port_text = g_strdup_printf ("%u", port);
  const char *sandbox_args[] = { "--port", port_text, NULL };
  g_autoptr (AmSandboxProcess) sandbox = NULL;
  AmErrorState *state;
  Window w = { 0 };
  gint64 start;

  g_setenv ("AWS_ACCESS_KEY_ID", AM_SANDBOX_ALICE_ACCESS_KEY, TRUE);
  g_setenv ("AWS_SECRET_ACCESS_KEY", AM_SANDBOX_ALICE_SECRET_KEY, TRUE);
  g_setenv ("AWS_REGION", AM_SANDBOX_DEFAULT_REGION, TRUE);
  g_setenv ("AWS_ENDPOINT_URL_EC2", endpoint, TRUE);

  start = g_get_monotonic_time ();
  window_open (&w, NULL);
  am_ui_test_wait_until (images_in_error, w.images, CEILING_MS);
  g_test_message ("nothing listening at %s: the Images view showed its error state after %.1f s",
                  endpoint, (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpstr (_am_images_view_get_state (w.images), ==, "error");

  state = error_state_of (w.images);
  g_test_message ("summary: %s", am_error_state_get_summary (state));
  g_test_message ("details: %s", am_error_state_get_details (state));
  g_assert_nonnull (strstr (am_error_state_get_summary (state), "Could not reach"));
  g_assert_nonnull (strstr (am_error_state_get_summary (state), "then retry"));
  g_assert_nonnull (strstr (am_error_state_get_details (state), "DescribeImages"));
  g_assert_nonnull (strstr (am_error_state_get_details (state), endpoint));
  g_assert_nonnull (strstr (am_error_state_get_details (state), "Connection refused"));
  g_assert_cmpstr (gtk_button_get_label (am_error_state_get_button (state)), ==, "_Retry");

  /* The header says so, from the requests' real outcome. */
  g_test_message ("header: %s", header_connection (&w));
  g_assert_true (g_str_has_prefix (header_connection (&w), "Offline since "));
  screenshot (&w, "net-images-unreachable");
  gtk_expander_set_expanded (GTK_EXPANDER (am_ui_test_get_widget (GTK_WIDGET (state), GTK_TYPE_EXPANDER, NULL)), TRUE);
  screenshot (&w, "net-images-unreachable-details");
  gtk_window_set_default_size (GTK_WINDOW (w.window), 400, 700);
  screenshot (&w, "net-images-unreachable-narrow");
  gtk_window_set_default_size (GTK_WINDOW (w.window), 1100, 700);

  am_window_show_view (w.window, "instances");
  am_ui_test_wait_until (instances_in_error, w.instances, CEILING_MS);
  g_assert_cmpstr (_am_instances_view_get_state (w.instances), ==, "error");
  g_assert_nonnull (strstr (am_error_state_get_summary (error_state_of (w.instances)), "Could not reach"));
  g_assert_nonnull (strstr (am_error_state_get_details (error_state_of (w.instances)), "DescribeInstances"));
  screenshot (&w, "net-instances-unreachable");

  /* Something listens there now: Retry lists, and the header follows. */
  sandbox = am_ui_test_sandbox_start (sandbox_args);
  g_assert_cmpstr (am_sandbox_process_get_endpoint (sandbox), ==, endpoint);
  press (am_error_state_get_button (error_state_of (w.instances)));
  am_ui_test_wait_until (instances_listed, w.instances, CEILING_MS);
  g_assert_cmpstr (_am_instances_view_get_state (w.instances), ==, "list");

  am_window_show_view (w.window, "images");
  am_ui_test_iterate ();
  press (am_error_state_get_button (error_state_of (w.images)));
  am_ui_test_wait_until (am_ui_test_images_listed, w.images, CEILING_MS);
  g_assert_cmpstr (_am_images_view_get_state (w.images), ==, "list");
  am_ui_test_wait_until (header_says_reachable, &w, CEILING_MS);
  g_assert_cmpstr (header_connection (&w), ==, "Reachable");
  screenshot (&w, "net-reachable");

  /* The server goes away while the instances are listed: a refresh that fails keeps the list
   * under a banner (no toast cut off mid-sentence); its Retry works once the server is back. */
  g_clear_object (&sandbox);
  am_window_show_view (w.window, "instances");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w.instances), "instances.refresh", NULL));
  am_ui_test_wait_until (banner_shown, w.instances, CEILING_MS);
  g_assert_true (gtk_revealer_get_reveal_child (w.instances->banner_revealer));
  g_assert_cmpstr (_am_instances_view_get_state (w.instances), ==, "list");
  g_test_message ("banner: %s", gtk_label_get_label (w.instances->banner_label));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (w.instances->banner_label),
                                   "Could not refresh the instances. Could not reach"));
  screenshot (&w, "net-instances-refresh-failed");
  sandbox = am_ui_test_sandbox_start (sandbox_args);
  press (GTK_BUTTON (am_ui_test_get_widget (GTK_WIDGET (w.instances->banner_revealer), GTK_TYPE_BUTTON, NULL)));
  am_ui_test_wait_until (banner_hidden, w.instances, CEILING_MS);
  g_assert_false (gtk_revealer_get_reveal_child (w.instances->banner_revealer));

  window_close (&w);
  g_unsetenv ("AWS_ACCESS_KEY_ID");
  g_unsetenv ("AWS_SECRET_ACCESS_KEY");
  g_unsetenv ("AWS_REGION");
  g_unsetenv ("AWS_ENDPOINT_URL_EC2");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
listed_ids (AmImagesView *view)
{
  GListModel *model = G_LIST_MODEL (_am_images_view_get_list_model (view));
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (model, i);

      g_ptr_array_add (ids, g_strdup (am_image_get_image_id (image)));
    }
  g_ptr_array_sort (ids, compare_strings);
  return ids;
}

static void
assert_same_ids (GPtrArray *a,
                 GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpstr (a->pdata[i], ==, b->pdata[i]);
}

static AmSandboxProcess *
window_sandbox (Window *w)
{
  AmSandboxProcess *sandbox = am_session_get_sandbox_process (am_window_get_session (w->window));

  g_assert_nonnull (sandbox);
  g_assert_nonnull (am_sandbox_process_get_identifier (sandbox));
  return sandbox;
}

static void
kill_sandbox (AmSandboxProcess *sandbox)
{
  int pid = atoi (am_sandbox_process_get_identifier (sandbox));

  g_assert_cmpint (pid, >, 0);
  g_test_message ("killing the sandbox (process %d)", pid);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
}

typedef struct
{
  Window           *w;
  AmSandboxProcess *old;
} Replaced;

static gboolean
sandbox_replaced_and_listed (gpointer data)
{
  Replaced *r = data;
  AmSession *session = am_window_get_session (r->w->window);
  AmSandboxProcess *now = am_session_get_sandbox_process (session);

  return now != NULL && now != r->old && am_session_get_state (session) == AM_SESSION_STATE_READY
         && am_ui_test_images_listed (r->w->images);
}

static gboolean
has_items (gpointer model)
{
  return g_list_model_get_n_items (model) > 0;
}

/* Launches an instance of the first listed image with awscli, lists it in the Instances view
 * and selects it: its details pane then holds the row (and a handler on it). */
static void
launch_and_select_instance (Window *w)
{
  AmSession *session = am_window_get_session (w->window);
  g_autoptr (AmImage) image = g_list_model_get_item (G_LIST_MODEL (_am_images_view_get_list_model (w->images)), 0);
  const char *type = g_strcmp0 (am_image_get_architecture (image), "arm64") == 0 ? "t4g.micro" : "t3.micro";
  const char *argv[] = { "/usr/bin/aws", "ec2", "run-instances", "--image-id", am_image_get_image_id (image),
                         "--instance-type", type, "--region", am_session_get_region (session),
                         "--endpoint-url", am_session_get_endpoint (session), NULL };
  g_auto (GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  GtkSelectionModel *selection;
  int status = -1;

  env = g_environ_setenv (env, "AWS_ACCESS_KEY_ID", AM_SANDBOX_ALICE_ACCESS_KEY, TRUE);
  env = g_environ_setenv (env, "AWS_SECRET_ACCESS_KEY", AM_SANDBOX_ALICE_SECRET_KEY, TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  am_window_show_view (w->window, "instances");
  selection = GTK_SELECTION_MODEL (w->instances->selection);
  am_instances_view_reload (w->instances);
  am_ui_test_wait_until (has_items, selection, CEILING_MS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), >, 0);
  gtk_selection_model_select_item (selection, 0, TRUE);
  am_ui_test_iterate ();
  g_assert_nonnull (w->instances->details_row);
  am_window_show_view (w->window, "images");
}

/* The Sandbox profile's child is killed: once at start (restarted by itself), then in the
 * middle of a listing (said in both views, F5 and another scope stay in the error state,
 * Restart Sandbox brings the same images back). */
static void
test_sandbox_dies (void)
{
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  AmSandboxProcess *sandbox;
  AmErrorState *state;
  Window w = { 0 };
  Replaced replaced = { &w, NULL };
  gint64 start;

  window_open (&w, "Sandbox");
  am_ui_test_wait_until (am_ui_test_images_listed, w.images, CEILING_MS);
  g_assert_cmpstr (_am_images_view_get_state (w.images), ==, "list");
  before = listed_ids (w.images);
  g_assert_cmpuint (before->len, >, 0);
  /* The restarts below give the session new clients: the Instances view drops its rows while
   * its details pane shows one (that pane once kept a freed row and disconnected from it). */
  launch_and_select_instance (&w);

  /* Dying right after it started: restarted once without asking. */
  replaced.old = window_sandbox (&w);
  kill_sandbox (replaced.old);
  am_ui_test_wait_until (sandbox_replaced_and_listed, &replaced, CEILING_MS);
  g_assert_true (sandbox_replaced_and_listed (&replaced));
  g_assert_null (am_session_get_sandbox_error (am_window_get_session (w.window)));
  after = listed_ids (w.images);
  assert_same_ids (before, after);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* Dying again, in the middle of a listing: said in place of it. */
  sandbox = window_sandbox (&w);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w.images), "images.refresh", NULL));
  kill_sandbox (sandbox);
  start = g_get_monotonic_time ();
  am_ui_test_wait_until (images_in_error, w.images, CEILING_MS);
  g_test_message ("the Images view said the sandbox stopped after %.1f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpstr (_am_images_view_get_state (w.images), ==, "error");
  state = error_state_of (w.images);
  g_test_message ("summary: %s", am_error_state_get_summary (state));
  g_test_message ("details: %s", am_error_state_get_details (state));
  g_assert_nonnull (strstr (am_error_state_get_summary (state), "sandbox stopped"));
  g_assert_nonnull (strstr (am_error_state_get_details (state), "signal 9"));
  g_assert_cmpstr (gtk_button_get_label (am_error_state_get_button (state)), ==, "_Restart Sandbox");
  /* The view learns of the exit from the sandbox process; the header from the outcome of the
   * requests it cut short, which may come a moment later. */
  am_ui_test_wait_until (header_says_offline, &w, CEILING_MS);
  g_test_message ("header: %s", header_connection (&w));
  g_assert_true (g_str_has_prefix (header_connection (&w), "Offline since "));
  screenshot (&w, "net-images-sandbox-stopped");

  /* F5 and another scope end in the same state, not in a spinner. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (w.images), "images.refresh", NULL));
  am_ui_test_iterate ();
  g_assert_cmpstr (_am_images_view_get_state (w.images), ==, "error");
  am_images_view_set_scope (w.images, AM_IMAGES_SCOPE_AMAZON);
  am_ui_test_iterate ();
  g_assert_cmpstr (_am_images_view_get_state (w.images), ==, "error");
  am_images_view_set_scope (w.images, AM_IMAGES_SCOPE_OWNED);

  am_window_show_view (w.window, "instances");
  am_ui_test_wait_until (instances_in_error, w.instances, CEILING_MS);
  g_assert_cmpstr (_am_instances_view_get_state (w.instances), ==, "error");
  g_assert_nonnull (strstr (am_error_state_get_summary (error_state_of (w.instances)), "sandbox stopped"));
  gtk_widget_activate_action (GTK_WIDGET (w.instances), "instances.refresh", NULL);
  am_ui_test_iterate ();
  g_assert_cmpstr (_am_instances_view_get_state (w.instances), ==, "error");
  screenshot (&w, "net-instances-sandbox-stopped");

  /* Restart Sandbox: the same images, from the state on disk. */
  am_window_show_view (w.window, "images");
  am_ui_test_iterate ();
  replaced.old = sandbox;
  press (am_error_state_get_button (error_state_of (w.images)));
  am_ui_test_wait_until (sandbox_replaced_and_listed, &replaced, CEILING_MS);
  g_assert_true (sandbox_replaced_and_listed (&replaced));
  after = listed_ids (w.images);
  assert_same_ids (before, after);
  am_window_show_view (w.window, "instances");
  am_ui_test_wait_until (instances_listed, w.instances, CEILING_MS);
  g_assert_cmpstr (_am_instances_view_get_state (w.instances), ==, "list");

  /* Dying once more, then another region: the sandbox is started for it (connecting to the
   * Sandbox profile means running it), and the views end listed, not spinning. */
  am_window_show_view (w.window, "images");
  sandbox = window_sandbox (&w);
  kill_sandbox (sandbox);
  am_ui_test_wait_until (images_in_error, w.images, CEILING_MS);
  g_assert_cmpstr (_am_images_view_get_state (w.images), ==, "error");
  replaced.old = sandbox;
  am_window_connect (w.window, "Sandbox", "eu-west-1");
  am_ui_test_wait_until (sandbox_replaced_and_listed, &replaced, CEILING_MS);
  g_assert_true (sandbox_replaced_and_listed (&replaced));
  g_assert_cmpstr (am_session_get_region (am_window_get_session (w.window)), ==, "eu-west-1");

  window_close (&w);
}

int
main (int    argc,
      char **argv)
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/connection/nothing-listening", test_nothing_listening);
  g_test_add_func ("/ui/connection/sandbox-dies", test_sandbox_dies);

  return g_test_run ();
}
