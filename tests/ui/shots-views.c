/* shots-views.c: saves the Images and Instances views' main states as screen pictures (not a
 * test: run under Xvfb with AMIABLE_SHOTS_DIR set, to compare the views before and after a change)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "shots-views"

#include "config.h"

#include "am-images-view-private.h"
#include "am-instances-view.h"
#include "am-ui-test.h"
#include "test-instances-common.h"

/* The whole screen, so that popovers (surfaces of their own) are in the picture. */
static void
shoot (const char *name)
{
  const char *dir = g_getenv ("AMIABLE_SHOTS_DIR");
  g_autofree char *path = g_strdup_printf ("%s/%s.png", dir != NULL ? dir : ".", name);
  g_autofree char *command = g_strdup_printf ("import -window root %s", path);
  gint64 end = g_get_monotonic_time () + 1500 * 1000;

  /* Transitions and popover animations end well within this. */
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  if (system (command) != 0)
    g_error ("could not run %s", command);
  g_test_message ("saved %s", path);
}

static GtkWidget *
find_mapped_scroller (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_SCROLLED_WINDOW (child) && gtk_widget_get_mapped (child))
        return child;
      if ((found = find_mapped_scroller (child)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
instances_listed (gpointer data)
{
  return am_instances_view_get_n_instances (AM_INSTANCES_VIEW (data)) >= 2;
}

static void
test_shots (InstancesFixture *fixture,
            gconstpointer     data)
{
  g_autofree char *image_id = instances_find_launchable_image (fixture);
  g_autofree char *a = instances_run_instance (fixture, image_id, "web-server");
  g_autofree char *b = instances_run_instance (fixture, image_id, "build-runner");
  GtkWidget *window;
  GtkWidget *button;
  AmImagesView *view;

  /* The Instances view, and its menu with the column chooser. */
  am_instances_view_set_session (fixture->view, fixture->session);
  g_assert_true (am_ui_test_wait_until (instances_listed, fixture->view, 60000));
  shoot ("instances");
  button = am_ui_test_get_widget (GTK_WIDGET (fixture->view), GTK_TYPE_MENU_BUTTON, "more_button");
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  shoot ("instances-columns");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  gtk_widget_set_visible (fixture->window, FALSE);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  view = AM_IMAGES_VIEW (am_images_view_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (window);
  am_images_view_set_session (view, fixture->session);
  am_ui_test_images_wait_loaded (view);
  shoot ("images-owned");

  /* The details of the first image (its rows, wrapped values and volumes). */
  gtk_selection_model_select_item (_am_images_view_get_selection (view), 0, TRUE);
  shoot ("images-owned-details");
  {
    GtkWidget *scroller = find_mapped_scroller (GTK_WIDGET (_am_images_view_get_details (view)));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_adjustment_set_value (adjustment, 720);
    shoot ("images-owned-details-fields");
    gtk_adjustment_set_value (adjustment, 1440);
    shoot ("images-owned-details-more");
  }
  gtk_selection_model_unselect_all (_am_images_view_get_selection (view));

  am_images_view_set_scope (view, AM_IMAGES_SCOPE_AMAZON);
  am_ui_test_images_wait_loaded (view);
  shoot ("images-amazon");

  am_images_view_set_scope (view, AM_IMAGES_SCOPE_PUBLIC);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "images.load", NULL));
  am_ui_test_images_wait_loaded (view);
  button = am_ui_test_get_widget (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON, "filter_button");
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  shoot ("images-public-filters");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  button = am_ui_test_get_widget (GTK_WIDGET (view), GTK_TYPE_MENU_BUTTON, "view_menu_button");
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  shoot ("images-public-columns");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  static const InstancesFixtureOptions options = { "500", FALSE, NULL };

  am_ui_test_init (&argc, &argv);
  g_test_add ("/shots/views", InstancesFixture, &options,
              instances_fixture_set_up, test_shots, instances_fixture_tear_down);

  return g_test_run ();
}
