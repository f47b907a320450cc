/* test-window.c: the main window opens, switches views, shows About and closes cleanly
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include "am-application.h"
#include "am-window.h"
#include "am-ui-test.h"

static void
test_window_views (void)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  AmWindow *window;
  GtkWidget *about;
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  window = am_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (GTK_WIDGET (window));

  g_assert_cmpstr (am_window_get_visible_view (window), ==, "images");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "instances"));
  am_ui_test_iterate ();
  g_assert_cmpstr (am_window_get_visible_view (window), ==, "instances");
  /* The choice is remembered for the next start. */
  {
    g_autofree char *last_view = g_settings_get_string (settings, "last-view");

    g_assert_cmpstr (last_view, ==, "instances");
  }

  am_window_show_view (window, "images");
  am_ui_test_iterate ();
  g_assert_cmpstr (am_window_get_visible_view (window), ==, "images");

  /* About opens as a window of its own and closes again. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = am_ui_test_wait_for_window_of_type (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (window));
  gtk_window_close (GTK_WINDOW (about));
  am_ui_test_wait_window_gone (ADW_TYPE_ABOUT_WINDOW);

  /* So do Preferences. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  about = am_ui_test_wait_for_window_of_type (ADW_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (about);
  gtk_window_close (GTK_WINDOW (about));
  am_ui_test_wait_window_gone (ADW_TYPE_PREFERENCES_WINDOW);

  /* The keyboard shortcuts window is built from the resource. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  about = am_ui_test_wait_for_window_of_type (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (about);
  gtk_window_close (GTK_WINDOW (about));
  am_ui_test_iterate ();

  gtk_window_close (GTK_WINDOW (window));
  am_ui_test_iterate ();
}

static void
test_window_remembers_size (void)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  AmWindow *window;
  int width;
  int height;

  window = am_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 777, 555);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (GTK_WIDGET (window));
  gtk_window_close (GTK_WINDOW (window));
  am_ui_test_iterate ();

  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);

  window = am_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 777);
  g_assert_cmpint (height, ==, 555);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/window/views", test_window_views);
  g_test_add_func ("/ui/window/remembers-size", test_window_remembers_size);

  return g_test_run ();
}
