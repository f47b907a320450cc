/* test-tour-welcome.c: the first-run welcome on a fresh home: shown once, and its three ways on
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-tour-welcome"

#include "config.h"

#include <glib/gstdio.h>

#include "am-images-view.h"
#include "am-sandbox-process.h"
#include "am-session.h"
#include "am-tour-panel.h"
#include "am-ui-test.h"
#include "am-welcome.h"
#include "am-window.h"

static char *home;

static gboolean
session_ready (gpointer data)
{
  return am_session_get_state (data) == AM_SESSION_STATE_READY ||
         am_session_get_state (data) == AM_SESSION_STATE_FAILED;
}

static AmWindow *
start_window (AmApplication *app,
              GSettings     *settings)
{
  AmWindow *window = am_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  am_window_connect (window, NULL, NULL);
  am_welcome_show_on_first_start (window, settings);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_until (session_ready, am_window_get_session (window), 60000);
  g_assert_cmpint (am_session_get_state (am_window_get_session (window)), ==, AM_SESSION_STATE_READY);
  return window;
}

static GtkWidget *
welcome_button (GtkWidget  *welcome,
                const char *label)
{
  GtkWidget *button = am_ui_test_get_widget (welcome, GTK_TYPE_BUTTON, label);

  g_assert_true (gtk_widget_is_sensitive (button));
  return button;
}

static AmWelcome *
open_welcome (AmWindow *window)
{
  GtkWidget *welcome;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "tour.welcome", NULL));
  welcome = am_ui_test_wait_for_window_of_type (AM_TYPE_WELCOME);
  return AM_WELCOME (welcome);
}

static void
write_profile (const char *endpoint)
{
  g_autofree char *config = g_build_filename (home, ".aws", "config", NULL);
  g_autofree char *credentials = g_build_filename (home, ".aws", "credentials", NULL);
  g_autofree char *config_text = g_strdup_printf ("[profile demo]\nregion = us-east-1\nendpoint_url = %s\n", endpoint);
  g_autofree char *credentials_text = g_strdup_printf ("[demo]\naws_access_key_id = %s\naws_secret_access_key = %s\n",
                                                       AM_SANDBOX_BOB_ACCESS_KEY, AM_SANDBOX_BOB_SECRET_KEY);

  g_assert_true (g_file_set_contents (config, config_text, -1, NULL));
  g_assert_true (g_file_set_contents (credentials, credentials_text, -1, NULL));
}

static gboolean
profile_is_demo (gpointer data)
{
  return g_strcmp0 (am_session_get_profile_name (data), "demo") == 0 &&
         am_session_get_state (data) == AM_SESSION_STATE_READY;
}

static void
test_welcome (void)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  AmWindow *window;
  AmWindow *second;
  GtkWidget *welcome;
  AmTourPanel *panel;
  AmImagesView *images;
  GtkWidget *row;

  g_assert_false (g_settings_get_boolean (settings, "welcome-shown"));

  /* First start on the built-in sandbox: the welcome shows by itself. */
  window = start_window (app, settings);
  welcome = am_ui_test_wait_for_window_of_type (AM_TYPE_WELCOME);
  g_assert_true (g_settings_get_boolean (settings, "welcome-shown"));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (welcome)) == GTK_WINDOW (window));
  am_ui_test_get_widget (welcome, GTK_TYPE_LABEL, "Two accounts: alice and bob");
  am_ui_test_get_widget (welcome, GTK_TYPE_LABEL, "Five regions");
  am_ui_test_get_widget (welcome, GTK_TYPE_LABEL, "Nothing costs anything");
  am_ui_test_screenshot_light_dark (welcome, "welcome-1280", 400);
  gtk_window_set_default_size (GTK_WINDOW (welcome), 360, 760);
  am_ui_test_screenshot_light_dark (welcome, "welcome-360", 400);

  /* Take the Tour: the welcome closes and the tour's panel opens. */
  panel = am_tour_panel_get_for_window (GTK_WIDGET (window));
  g_assert_nonnull (panel);
  g_assert_false (am_tour_panel_get_revealed (panel));
  g_signal_emit_by_name (welcome_button (welcome, "_Take the Tour"), "clicked");
  am_ui_test_wait_window_gone (AM_TYPE_WELCOME);
  g_assert_true (am_tour_panel_get_revealed (panel));
  am_ui_test_screenshot_light_dark (GTK_WIDGET (window), "tour-panel-1280", 1500);
  am_tour_panel_set_revealed (panel, FALSE);

  /* Browse Quick Start: the Images view lists the Quick Start scope. */
  images = AM_IMAGES_VIEW (am_ui_test_get_widget (GTK_WIDGET (window), AM_TYPE_IMAGES_VIEW, NULL));
  g_assert_cmpint (am_images_view_get_scope (images), !=, AM_IMAGES_SCOPE_QUICK_START);
  am_window_show_view (window, "instances");
  welcome = GTK_WIDGET (open_welcome (window));
  g_signal_emit_by_name (welcome_button (welcome, "_Browse Quick Start"), "clicked");
  am_ui_test_wait_window_gone (AM_TYPE_WELCOME);
  g_assert_cmpstr (am_window_get_visible_view (window), ==, "images");
  g_assert_cmpint (am_images_view_get_scope (images), ==, AM_IMAGES_SCOPE_QUICK_START);

  /* Use My AWS Profile: the profiles in ~/.aws are listed; choosing one switches to it. */
  write_profile (am_session_get_endpoint (am_window_get_session (window)));
  welcome = GTK_WIDGET (open_welcome (window));
  g_signal_emit_by_name (welcome_button (welcome, "_Use My AWS Profile"), "clicked");
  am_ui_test_iterate ();
  am_ui_test_screenshot_light_dark (welcome, "welcome-profiles", 600);
  row = am_ui_test_get_widget (welcome, ADW_TYPE_ACTION_ROW, "demo");
  g_assert_true (gtk_widget_activate (row));
  am_ui_test_wait_window_gone (AM_TYPE_WELCOME);
  am_ui_test_wait_until (profile_is_demo, am_window_get_session (window), 60000);
  g_assert_cmpstr (am_session_get_profile_name (am_window_get_session (window)), ==, "demo");
  g_assert_cmpstr (am_session_get_account (am_window_get_session (window)), !=, AM_SANDBOX_ALICE_ACCOUNT_ID);
  g_assert_false (am_session_is_sandbox (am_window_get_session (window)));

  /* A second start does not show it again. */
  second = start_window (app, settings);
  g_assert_true (am_session_is_sandbox (am_window_get_session (second)) ||
                 g_strcmp0 (am_session_get_profile_name (am_window_get_session (second)), "demo") == 0);
  {
    AmWindow *third = am_window_new (app);

    am_window_connect (third, AM_SESSION_SANDBOX_PROFILE, NULL);
    am_welcome_show_on_first_start (third, settings);
    gtk_window_present (GTK_WINDOW (third));
    am_ui_test_wait_until (session_ready, am_window_get_session (third), 60000);
    g_assert_true (am_session_is_sandbox (am_window_get_session (third)));
    am_ui_test_iterate ();
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr (GObject) toplevel = g_list_model_get_item (toplevels, i);

          g_assert_false (AM_IS_WELCOME (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)));
        }
    }
    gtk_window_destroy (GTK_WINDOW (third));
  }
  gtk_window_destroy (GTK_WINDOW (second));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *aws_dir = NULL;

  /* am_ui_test_init gives the test a fresh home and data folder; ~/.aws is read there. */
  am_ui_test_init (&argc, &argv);
  home = g_strdup (g_getenv ("HOME"));
  aws_dir = g_build_filename (home, ".aws", NULL);
  g_mkdir_with_parents (aws_dir, 0700);
  g_unsetenv ("AWS_CONFIG_FILE");
  g_unsetenv ("AWS_SHARED_CREDENTIALS_FILE");
  g_unsetenv ("AWS_PROFILE");
  g_test_add_func ("/tour/welcome", test_welcome);
  return g_test_run ();
}
