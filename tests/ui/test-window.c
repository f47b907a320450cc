/* test-window.c: the main window opens, switches views, shows About and closes cleanly
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <glib/gstdio.h>

#include "am-application.h"
#include "am-images-view-private.h"
#include "am-instances-view.h"
#include "am-mfa-dialog.h"
#include "am-regions.h"
#include "am-window.h"
#include "am-ui-test.h"

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_assert_true (am_ui_test_screenshot_light_dark (widget, name, 300));
}

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
  screenshot (about, "shortcuts");
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

static gboolean
session_ready (gpointer data)
{
  return am_session_get_state (AM_SESSION (data)) == AM_SESSION_STATE_READY;
}

static gboolean
session_in_eu_west_1 (gpointer data)
{
  return session_ready (data) && g_strcmp0 (am_session_get_region (AM_SESSION (data)), "eu-west-1") == 0;
}

static gboolean
regions_from_server (gpointer data)
{
  /* The sandbox lists fewer regions than the offline list. */
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (data));

  return g_list_model_get_n_items (model) < g_strv_length ((char **) am_regions_get_offline ());
}

static guint
find_string (GListModel *model,
             const char *value)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), value) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static gboolean
list_has_rows (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (data)) > 0;
}

static void
test_window_profile_and_region (void)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  g_autoptr (AmSession) session = am_session_new ();
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  AmWindow *window;
  GtkWidget *pill;
  GtkWidget *button;
  GtkWidget *popover;
  GtkWidget *row;
  GtkWidget *check;
  GtkWidget *label;
  GtkWidget *dropdown;
  GtkWidget *region_popover;
  g_autofree char *config_dir = NULL;
  g_autofree char *config = NULL;
  guint position;

  g_settings_reset (settings, "profile");
  g_settings_reset (settings, "region");

  window = am_window_new_with_session (app, session);
  g_assert_true (am_window_get_session (window) == session);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (GTK_WIDGET (window));

  /* The built-in sandbox: labelled so nobody mistakes it for AWS. */
  am_window_connect (window, AM_SESSION_SANDBOX_PROFILE, NULL);
  g_assert_true (am_ui_test_wait_until (session_ready, session, 30000));
  am_ui_test_iterate ();
  pill = am_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "sandbox_pill");
  g_assert_true (gtk_widget_get_visible (pill));
  label = am_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "profile_label");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, AM_SESSION_SANDBOX_PROFILE);
  g_assert_false (gtk_widget_get_visible (label));

  /* The region list comes from the sandbox's DescribeRegions. */
  dropdown = am_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, "region_dropdown");
  g_assert_nonnull (dropdown);
  g_assert_true (am_ui_test_wait_until (regions_from_server, dropdown, 10000));
  position = find_string (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown)), "us-east-1");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (dropdown)), ==, position);
  /* Both views work with the window's session. */
  {
    GtkWidget *images = am_ui_test_find_widget (GTK_WIDGET (window), AM_TYPE_IMAGES_VIEW, NULL);
    GtkWidget *instances = am_ui_test_find_widget (GTK_WIDGET (window), AM_TYPE_INSTANCES_VIEW, NULL);

    g_assert_nonnull (images);
    g_assert_nonnull (instances);
    g_assert_true (am_images_view_get_session (AM_IMAGES_VIEW (images)) == session);
    g_assert_true (am_instances_view_get_session (AM_INSTANCES_VIEW (instances)) == session);
  }
  g_usleep (500000);
  am_ui_test_iterate ();
  screenshot (GTK_WIDGET (window), "window-sandbox");

  /* win.show-image (an instance's AMI link) switches to Images and selects that image. */
  {
    AmImagesView *images = AM_IMAGES_VIEW (am_ui_test_find_widget (GTK_WIDGET (window), AM_TYPE_IMAGES_VIEW, NULL));
    GListModel *rows = G_LIST_MODEL (_am_images_view_get_list_model (images));
    g_autoptr (AmImage) wanted = NULL;
    AmImage *shown;

    g_assert_true (am_ui_test_wait_until (list_has_rows, rows, 30000));
    wanted = g_list_model_get_item (rows, g_list_model_get_n_items (rows) - 1);
    am_window_show_view (window, "instances");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-image", "s",
                                               am_image_get_image_id (wanted)));
    am_ui_test_iterate ();
    g_assert_cmpstr (am_window_get_visible_view (window), ==, "images");
    shown = am_image_details_get_image (_am_images_view_get_details (images));
    g_assert_nonnull (shown);
    g_assert_cmpstr (am_image_get_image_id (shown), ==, am_image_get_image_id (wanted));
    g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
    gtk_editable_set_text (GTK_EDITABLE (_am_images_view_get_search_entry (images)), "");
    _am_images_view_apply_search (images);
  }

  /* The profile popover lists the AWS CLI's profiles, the accounts from Preferences and the
   * Sandbox, with the current one checked. */
  config_dir = g_dir_make_tmp ("amiable-aws-XXXXXX", NULL);
  config = g_build_filename (config_dir, "config", NULL);
  g_assert_true (g_file_set_contents (config, "[default]\nregion = eu-west-1\n[profile dev]\nregion = us-west-2\n", -1, NULL));
  g_setenv ("AWS_CONFIG_FILE", config, TRUE);
  g_settings_set_value (settings, "accounts",
                        g_variant_new_parsed ("[('lab', 'AKIAI44QH8DHBEXAMPLE', 'eu-north-1', 'https://ec2.lab.example.com')]"));
  button = am_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, "profile_button");
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  am_ui_test_wait_mapped (popover);
  row = am_ui_test_find_widget (popover, GTK_TYPE_LIST_BOX_ROW, AM_SESSION_SANDBOX_PROFILE);
  g_assert_nonnull (row);
  check = am_ui_test_find_widget (row, GTK_TYPE_IMAGE, "check");
  g_assert_cmpfloat (gtk_widget_get_opacity (check), ==, 1.0);
  label = am_ui_test_find_widget (popover, GTK_TYPE_LABEL, "account_label");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), AM_SANDBOX_ALICE_ACCOUNT_ID));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), am_session_get_endpoint (session)));
  g_assert_nonnull (am_ui_test_find_widget (popover, GTK_TYPE_BUTTON, "_Manage Accounts…"));
  g_assert_nonnull (am_ui_test_find_widget (popover, GTK_TYPE_LIST_BOX_ROW, "default"));
  g_assert_nonnull (am_ui_test_find_widget (popover, GTK_TYPE_LIST_BOX_ROW, "dev"));
  g_assert_nonnull (am_ui_test_find_widget (popover, GTK_TYPE_LIST_BOX_ROW, "lab"));
  check = am_ui_test_find_widget (am_ui_test_find_widget (popover, GTK_TYPE_LIST_BOX_ROW, "dev"), GTK_TYPE_IMAGE, "check");
  g_assert_cmpfloat (gtk_widget_get_opacity (check), ==, 0.0);
  screenshot (popover, "profile-popover");
  gtk_popover_popdown (GTK_POPOVER (popover));
  am_ui_test_iterate ();
  g_settings_reset (settings, "accounts");
  g_setenv ("AWS_CONFIG_FILE", "/nonexistent/amiable-test/config", TRUE);
  g_unlink (config);
  g_rmdir (config_dir);

  /* The region popover. */
  region_popover = am_ui_test_find_widget (dropdown, GTK_TYPE_POPOVER, NULL);
  g_assert_nonnull (region_popover);
  gtk_popover_popup (GTK_POPOVER (region_popover));
  am_ui_test_wait_mapped (region_popover);
  screenshot (region_popover, "region-popover");
  gtk_popover_popdown (GTK_POPOVER (region_popover));
  am_ui_test_iterate ();

  /* Choosing a region reconnects there and remembers it. */
  position = find_string (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown)), "eu-west-1");
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), position);
  g_assert_true (am_ui_test_wait_until (session_in_eu_west_1, session, 30000));
  g_assert_cmpstr (am_session_get_cache_key (session), ==, "Sandbox-111122223333-eu-west-1");
  {
    g_autofree char *region = g_settings_get_string (settings, "region");

    g_assert_cmpstr (region, ==, "eu-west-1");
  }

  /* F5 reaches the visible view without trouble. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL));
  am_ui_test_iterate ();

  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
  g_settings_reset (settings, "profile");
  g_settings_reset (settings, "region");
}

static gboolean
list_has_n (gpointer data)
{
  gpointer *args = data;

  return g_list_model_get_n_items (args[0]) == GPOINTER_TO_UINT (args[1]);
}

/* The region codes the region popover lists once @query is typed into its search (the entry
 * reports a change after a short delay: wait for @n_expected rows, or 5 s). */
static char *
region_search (GtkWidget  *popover,
               const char *query,
               guint       n_expected)
{
  GtkWidget *entry = am_ui_test_get_widget (popover, GTK_TYPE_SEARCH_ENTRY, NULL);
  GtkWidget *list = am_ui_test_get_widget (popover, GTK_TYPE_LIST_VIEW, NULL);
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  g_autoptr (GString) codes = g_string_new (NULL);
  gpointer args[] = { shown, GUINT_TO_POINTER (n_expected) };

  gtk_editable_set_text (GTK_EDITABLE (entry), query);
  am_ui_test_wait_until (list_has_n, args, 5000);
  am_ui_test_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (shown, i);

      g_string_append_printf (codes, "%s%s", i > 0 ? " " : "", gtk_string_object_get_string (item));
    }
  g_test_message ("region search “%s”: %s", query, codes->str);
  return g_string_free (g_steal_pointer (&codes), FALSE);
}

/* The region search matches any part of the place and of the code, in any case. */
static void
test_window_region_search (void)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  g_autoptr (AmSession) session = am_session_new ();
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  struct { const char *query; const char *codes; } cases[] = {
    { "virginia", "us-east-1" },
    { "Tokyo", "ap-northeast-1" },
    { "us-east", "us-east-1" },
    { "us-west-2", "us-west-2" },
    { "Oregon", "us-west-2" },
    { "EUROPE", "eu-west-1 eu-central-1" },
    { "US", "us-east-1 us-west-2" },
    { "", "us-east-1 us-west-2 eu-west-1 eu-central-1 ap-northeast-1" },
  };
  GtkWidget *dropdown;
  GtkWidget *popover;
  AmWindow *window;

  g_settings_reset (settings, "profile");
  g_settings_reset (settings, "region");
  window = am_window_new_with_session (app, session);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (GTK_WIDGET (window));
  am_window_connect (window, AM_SESSION_SANDBOX_PROFILE, NULL);
  g_assert_true (am_ui_test_wait_until (session_ready, session, 30000));
  dropdown = am_ui_test_get_widget (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, "region_dropdown");
  g_assert_true (am_ui_test_wait_until (regions_from_server, dropdown, 10000));

  popover = am_ui_test_get_widget (dropdown, GTK_TYPE_POPOVER, NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
  am_ui_test_wait_mapped (popover);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (GStrv) want = g_strsplit (cases[i].codes, " ", -1);
      g_autofree char *found = region_search (popover, cases[i].query, g_strv_length (want));
      g_auto (GStrv) got = g_strsplit (found, " ", -1);

      /* The same set, in the list's order. */
      g_assert_cmpuint (g_strv_length (got), ==, g_strv_length (want));
      for (guint k = 0; want[k] != NULL; k++)
        g_assert_true (g_strv_contains ((const char * const *) got, want[k]));
      if (g_str_equal (cases[i].query, "virginia"))
        screenshot (popover, "region-search");
    }
  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
  g_settings_reset (settings, "profile");
  g_settings_reset (settings, "region");
}

static gboolean
session_on_profile (gpointer data)
{
  gpointer *args = data;

  return session_ready (args[0]) && g_strcmp0 (am_session_get_profile_name (args[0]), args[1]) == 0;
}

/* Only named AWS CLI profiles, no AWS_PROFILE, no default: the Sandbox opens, and the window
 * says why and offers the profiles; choosing one connects to it and the note goes. */
static void
test_window_profiles_without_default (void)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  g_autoptr (AmSession) session = am_session_new ();
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = g_dir_make_tmp ("amiable-aws-XXXXXX", NULL);
  g_autofree char *config = g_build_filename (dir, "config", NULL);
  g_autofree char *credentials = g_build_filename (dir, "credentials", NULL);
  g_autofree char *with_endpoint = NULL;
  g_autofree char *keys = NULL;
  GtkWidget *banner;
  GtkWidget *label;
  GtkWidget *dev;
  AmWindow *window;

  g_settings_reset (settings, "profile");
  g_settings_reset (settings, "region");
  g_assert_true (g_file_set_contents (config, "[profile dev]\nregion = us-east-1\n[profile prod]\nregion = eu-west-1\n", -1, NULL));
  g_assert_true (g_file_set_contents (credentials, "", -1, NULL));
  g_setenv ("AWS_CONFIG_FILE", config, TRUE);
  g_setenv ("AWS_SHARED_CREDENTIALS_FILE", credentials, TRUE);

  window = am_window_new_with_session (app, session);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (GTK_WIDGET (window));
  /* As at start: no profile asked for. */
  am_window_connect (window, NULL, NULL);
  g_assert_true (am_ui_test_wait_until (session_ready, session, 30000));
  am_ui_test_iterate ();
  g_assert_true (am_session_is_sandbox (session));

  banner = am_ui_test_get_widget (GTK_WIDGET (window), GTK_TYPE_REVEALER, "profiles_banner");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  label = am_ui_test_get_widget (banner, GTK_TYPE_LABEL, "profiles_label");
  g_assert_true (gtk_widget_is_drawable (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "dev, prod"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "AWS_PROFILE"));
  g_assert_nonnull (am_ui_test_find_widget (banner, GTK_TYPE_BUTTON, "prod"));
  dev = am_ui_test_get_widget (banner, GTK_TYPE_BUTTON, "dev");
  g_usleep (300000);
  screenshot (GTK_WIDGET (window), "window-profiles-without-default");

  /* "dev" leads to a real endpoint (here the sandbox, as alice). */
  with_endpoint = g_strdup_printf ("[profile dev]\nregion = us-east-1\nendpoint_url = %s\n[profile prod]\nregion = eu-west-1\n",
                                   am_sandbox_process_get_endpoint (am_session_get_sandbox_process (session)));
  keys = g_strdup_printf ("[dev]\naws_access_key_id = %s\naws_secret_access_key = %s\n",
                          AM_SANDBOX_ALICE_ACCESS_KEY, AM_SANDBOX_ALICE_SECRET_KEY);
  g_assert_true (g_file_set_contents (config, with_endpoint, -1, NULL));
  g_assert_true (g_file_set_contents (credentials, keys, -1, NULL));
  g_signal_emit_by_name (dev, "clicked");
  {
    gpointer args[] = { session, (gpointer) "dev" };

    g_assert_true (am_ui_test_wait_until (session_on_profile, args, 30000));
  }
  am_ui_test_iterate ();
  g_assert_false (am_session_is_sandbox (session));
  g_assert_null (am_session_get_unchosen_profiles (session));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
  g_setenv ("AWS_CONFIG_FILE", "/nonexistent/amiable-test/config", TRUE);
  g_setenv ("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/amiable-test/credentials", TRUE);
  g_unlink (config);
  g_unlink (credentials);
  g_rmdir (dir);
  g_settings_reset (settings, "profile");
  g_settings_reset (settings, "region");
}

static void
mfa_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  char **code = user_data;
  g_autoptr (GError) error = NULL;

  *code = g_task_propagate_pointer (G_TASK (result), &error);
  g_assert_no_error (error);
}

static gboolean
code_set (gpointer data)
{
  return *(char **) data != NULL;
}

static void
test_window_mfa_prompt (void)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  g_autofree char *code = NULL;
  AmWindow *window;
  GtkWidget *dialog;
  GtkWidget *entry;
  GTask *task;

  window = am_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (GTK_WIDGET (window));

  task = g_task_new (NULL, NULL, mfa_done_cb, &code);
  am_mfa_dialog_prompt ("admin", "arn:aws:iam::123456789012:mfa/alice", NULL, task, window);
  dialog = am_ui_test_wait_for_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  entry = am_ui_test_find_widget (dialog, GTK_TYPE_ENTRY, "mfa-code");
  g_assert_nonnull (entry);

  /* Only six digits can be verified. */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "verify"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "12a4");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "verify"));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "123456");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "verify"));
  screenshot (dialog, "mfa-dialog");

  g_signal_emit_by_name (entry, "activate");
  g_assert_true (am_ui_test_wait_until (code_set, &code, 5000));
  g_assert_cmpstr (code, ==, "123456");
  am_ui_test_wait_window_gone (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_false (am_mfa_dialog_code_is_valid ("12345"));
  g_assert_false (am_mfa_dialog_code_is_valid ("1234567"));

  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  /* Software GL under a loaded Xvfb has stalled while spinners animate; cairo does not. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/window/views", test_window_views);
  g_test_add_func ("/ui/window/remembers-size", test_window_remembers_size);
  g_test_add_func ("/ui/window/profile-and-region", test_window_profile_and_region);
  g_test_add_func ("/ui/window/region-search", test_window_region_search);
  g_test_add_func ("/ui/window/profiles-without-default", test_window_profiles_without_default);
  g_test_add_func ("/ui/window/mfa-prompt", test_window_mfa_prompt);

  return g_test_run ();
}
