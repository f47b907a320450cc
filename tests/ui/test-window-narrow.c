/* test-window-narrow.c: the main window, its views, the welcome and the tour panel at 360 px wide
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-window-narrow"

#include "config.h"

#include <stdlib.h>

#include "am-images-view-private.h"
#include "am-instances-view.h"
#include "am-run-instances-request.h"
#include "am-session.h"
#include "am-tour-panel.h"
#include "am-welcome.h"
#include "am-window.h"
#include "am-ui-test.h"

#define NARROW 360




/* Logs every drawn widget under @root that asks for more than @limit px of width, deepest
 * first (the ones to fix); returns how many there are. */
static guint
report_wide (GtkWidget *root,
             int        limit,
             guint      depth)
{
  guint n = 0;
  int minimum = 0;

  if (!gtk_widget_get_visible (root))
    return 0;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += report_wide (child, limit, depth + 1);
  gtk_widget_measure (root, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > limit)
    {
      g_test_message ("%*s%s%s%s asks for %d px", depth, "", G_OBJECT_TYPE_NAME (root),
                      gtk_widget_get_name (root)[0] != '\0' ? " " : "", gtk_widget_get_name (root), minimum);
      for (GtkWidget *child = gtk_widget_get_first_child (root);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (gtk_widget_get_visible (child) && gtk_widget_get_child_visible (child))
          {
            int child_minimum = 0;

            gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_minimum, NULL, NULL, NULL);
            g_test_message ("%*s  of which %s: %d px", depth, "", G_OBJECT_TYPE_NAME (child), child_minimum);
          }
      n++;
    }
  return n;
}

/* Nothing the user sees at @width asks for more, and the window is no wider. */
static void
assert_fits (GtkWidget  *widget,
             const char *where)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("%s: minimum width %d px, allocated %d px", where, minimum, gtk_widget_get_width (widget));
  if (minimum > NARROW)
    report_wide (widget, g_getenv ("AM_NARROW_REPORT") != NULL ? atoi (g_getenv ("AM_NARROW_REPORT")) : NARROW, 0);
  g_assert_cmpint (minimum, <=, NARROW);
  g_assert_cmpint (gtk_widget_get_width (widget), <=, NARROW);
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  am_ui_test_screenshot_light_dark (widget, name, 600);
}

static gboolean
drawn (gpointer data)
{
  return gtk_widget_is_drawable (data) && gtk_widget_get_width (data) > 0;
}

static gboolean
not_drawn (gpointer data)
{
  return !gtk_widget_is_drawable (data);
}

/* Waits (long, under load) for @widget to be drawn, or with @shown FALSE to be gone. */
static void
wait_shown (GtkWidget *widget,
            gboolean   shown)
{
  am_ui_test_wait_until (shown ? drawn : not_drawn, widget, 30000);
  g_assert_cmpint (gtk_widget_is_drawable (widget), ==, shown);
}

static gboolean
window_narrow (gpointer data)
{
  return gtk_widget_get_width (data) <= NARROW && gtk_widget_get_width (data) > 0;
}

static gboolean
window_wide (gpointer data)
{
  return gtk_widget_get_width (data) >= 1000;
}

static gboolean
unfolded (gpointer data)
{
  return !adw_leaflet_get_folded (data);
}

static gboolean
instance_listed (gpointer data)
{
  AmInstancesView *view = g_object_get_data (data, "view");

  return am_instances_view_select_instance (view, g_object_get_data (data, "id"));
}

static char *
run_instance (AmSession  *session,
              AmImage    *image)
{
  const char *type = g_strcmp0 (am_image_get_architecture (image), "arm64") == 0 ? "t4g.micro" : "t3.micro";
  AmUiTestWait wait = { NULL, };
  g_autoptr (GPtrArray) launched = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AmEc2Client) client = g_object_ref (am_session_get_client (session));
  g_autoptr (AmRunInstancesRequest) request = am_run_instances_request_new (am_image_get_image_id (image), type);

  am_ec2_client_run_instances_async (client, request, FALSE, NULL, am_ui_test_wait_cb, &wait);
  am_ec2_client_run_instances_finish (client, am_ui_test_wait_for_result (&wait, 60000), &launched, NULL, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpuint (launched->len, ==, 1);
  return g_strdup (am_instance_get_instance_id (g_ptr_array_index (launched, 0)));
}

static void
test_window_narrow (void)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  AmWindow *window;
  AmSession *session;
  AmImagesView *images;
  AmInstancesView *instances;
  AmTourPanel *panel;
  GtkWidget *leaflet;
  GtkWidget *details;
  GtkWidget *back;
  GtkWidget *column_view;
  GtkWidget *welcome;
  g_autofree char *instance_id = NULL;
  g_autoptr (AmImage) image = NULL;

  window = am_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), NARROW, 720);
  session = am_window_get_session (window);
  am_window_connect (window, AM_SESSION_SANDBOX_PROFILE, NULL);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_until (am_ui_test_session_settled, session, 60000);
  g_assert_cmpint (am_session_get_state (session), ==, AM_SESSION_STATE_READY);
  images = AM_IMAGES_VIEW (am_ui_test_get_widget (GTK_WIDGET (window), AM_TYPE_IMAGES_VIEW, NULL));
  am_ui_test_images_wait_loaded (images);
  am_ui_test_wait_until (window_narrow, window, 30000);
  am_ui_test_settle (500);

  /* Images: the list alone, then the details of the row the user opens, and back. */
  assert_fits (GTK_WIDGET (window), "Images");
  /* The views are switched at the bottom. */
  g_assert_true (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (am_ui_test_get_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR, NULL))));
  leaflet = am_ui_test_get_widget (GTK_WIDGET (images), ADW_TYPE_LEAFLET, NULL);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  column_view = am_ui_test_get_widget (GTK_WIDGET (images), GTK_TYPE_COLUMN_VIEW, NULL);
  details = am_ui_test_get_widget (GTK_WIDGET (images), g_type_from_name ("AmImageDetails"), NULL);
  wait_shown (column_view, TRUE);
  g_assert_false (gtk_widget_is_drawable (details));
  screenshot (GTK_WIDGET (window), "narrow-images-list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (_am_images_view_get_selection (images))), >, 0);
  /* A double click: the row is selected, then activated. */
  gtk_selection_model_select_item (_am_images_view_get_selection (images), 0, TRUE);
  g_signal_emit_by_name (column_view, "activate", 0);
  wait_shown (details, TRUE);
  am_ui_test_settle (300);
  assert_fits (GTK_WIDGET (window), "Images, details");
  wait_shown (column_view, FALSE);
  screenshot (GTK_WIDGET (window), "narrow-images-details");
  {
    g_autoptr (GPtrArray) selected = _am_images_view_get_selected_images (images);

    g_assert_cmpuint (selected->len, ==, 1);
    image = g_object_ref (g_ptr_array_index (selected, 0));
  }
  back = am_ui_test_get_widget (GTK_WIDGET (images), GTK_TYPE_BUTTON, "Back to the List");
  g_assert_true (gtk_widget_is_drawable (back));
  g_signal_emit_by_name (back, "clicked");
  wait_shown (column_view, TRUE);
  wait_shown (details, FALSE);

  /* Quick Start's cards. */
  am_images_view_set_scope (images, AM_IMAGES_SCOPE_QUICK_START);
  am_ui_test_settle (1000);
  assert_fits (GTK_WIDGET (window), "Quick Start");
  screenshot (GTK_WIDGET (window), "narrow-quick-start");

  /* Instances: one instance, opened from the list; its details fit too. */
  instance_id = run_instance (session, image);
  am_window_show_view (window, "instances");
  instances = AM_INSTANCES_VIEW (am_ui_test_get_widget (GTK_WIDGET (window), AM_TYPE_INSTANCES_VIEW, NULL));
  am_instances_view_reload (instances);
  {
    g_autoptr (GObject) holder = g_object_new (G_TYPE_OBJECT, NULL);

    g_object_set_data (holder, "view", instances);
    g_object_set_data (holder, "id", instance_id);
    am_ui_test_wait_until (instance_listed, holder, 60000);
    g_assert_true (instance_listed (holder));
  }
  leaflet = am_ui_test_get_widget (GTK_WIDGET (instances), ADW_TYPE_LEAFLET, NULL);
  column_view = am_ui_test_get_widget (GTK_WIDGET (instances), GTK_TYPE_COLUMN_VIEW, NULL);
  wait_shown (column_view, TRUE);
  am_ui_test_settle (300);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  assert_fits (GTK_WIDGET (window), "Instances");
  screenshot (GTK_WIDGET (window), "narrow-instances-list");
  g_signal_emit_by_name (column_view, "activate", 0);
  back = am_ui_test_get_widget (GTK_WIDGET (instances), GTK_TYPE_BUTTON, "Back to the List");
  wait_shown (back, TRUE);
  wait_shown (column_view, FALSE);
  am_ui_test_settle (300);
  assert_fits (GTK_WIDGET (window), "Instances, details");
  screenshot (GTK_WIDGET (window), "narrow-instances-details");
  g_signal_emit_by_name (back, "clicked");
  wait_shown (column_view, TRUE);

  /* The tour panel over the content. */
  panel = am_tour_panel_get_for_window (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "tour.show", NULL));
  wait_shown (GTK_WIDGET (panel), TRUE);
  am_ui_test_settle (500);
  assert_fits (GTK_WIDGET (window), "Tour panel");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (panel)), <=, NARROW);
  screenshot (GTK_WIDGET (window), "narrow-tour");
  am_tour_panel_set_revealed (panel, FALSE);

  /* The welcome. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "tour.welcome", NULL));
  welcome = am_ui_test_wait_for_window_of_type (AM_TYPE_WELCOME);
  g_assert_nonnull (welcome);
  gtk_window_set_default_size (GTK_WINDOW (welcome), NARROW, 640);
  wait_shown (welcome, TRUE);
  am_ui_test_wait_until (window_narrow, welcome, 30000);
  am_ui_test_settle (500);
  assert_fits (welcome, "Welcome");
  screenshot (welcome, "narrow-welcome");
  gtk_window_destroy (GTK_WINDOW (welcome));

  /* Wide again: list and details side by side. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  am_window_show_view (window, "images");
  am_images_view_set_scope (images, AM_IMAGES_SCOPE_OWNED);
  am_ui_test_images_wait_loaded (images);
  leaflet = am_ui_test_get_widget (GTK_WIDGET (images), ADW_TYPE_LEAFLET, NULL);
  am_ui_test_wait_until (window_wide, window, 30000);
  am_ui_test_wait_until (drawn, leaflet, 60000);
  screenshot (GTK_WIDGET (window), "narrow-then-wide");
  am_ui_test_wait_until (unfolded, leaflet, 30000);
  g_test_message ("wide: window %d px, list and details %d px (%s, mapped %d)", gtk_widget_get_width (GTK_WIDGET (window)),
                  gtk_widget_get_width (leaflet), am_window_get_visible_view (window), gtk_widget_get_mapped (leaflet));
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  column_view = am_ui_test_get_widget (GTK_WIDGET (images), GTK_TYPE_COLUMN_VIEW, NULL);
  details = am_ui_test_get_widget (GTK_WIDGET (images), g_type_from_name ("AmImageDetails"), NULL);
  g_assert_true (gtk_widget_is_drawable (column_view));
  g_assert_true (gtk_widget_is_drawable (details));
  g_assert_false (gtk_widget_is_drawable (am_ui_test_get_widget (GTK_WIDGET (images), GTK_TYPE_BUTTON, "Back to the List")));

  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  am_ui_test_init (&argc, &argv);
  g_test_add_func ("/window/narrow", test_window_narrow);
  return g_test_run ();
}
