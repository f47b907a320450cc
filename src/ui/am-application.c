/* am-application.c: the Amiable application object: actions, About, shortcuts
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-application"

#include "config.h"

#include <glib/gi18n.h>

#include "am-application.h"
#include "am-listing-report.h"
#include "am-preferences-window.h"
#include "am-screenshot.h"
#include "am-style.h"
#include "am-welcome.h"
#include "am-window.h"

struct _AmApplication
{
  AdwApplication  parent_instance;

  /* owned */
  GSettings      *settings;

  /* state: the command line's choices for the first window */
  char           *profile;
  char           *region;
};

G_DEFINE_FINAL_TYPE (AmApplication, am_application, ADW_TYPE_APPLICATION)

AmApplication *
am_application_new (void)
{
  return g_object_new (AM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/amiable/Amiable",
                       NULL);
}

void
am_application_use_installed_data (void)
{
  g_autofree char *schemas = g_build_filename (DATADIR, "glib-2.0", "schemas", "gschemas.compiled", NULL);
  const char *dirs = g_getenv ("XDG_DATA_DIRS");
  g_auto (GStrv) list = NULL;
  g_autofree char *value = NULL;

  /* An uninstalled build has nothing there; GLib and GTK must not have read the variable yet. */
  if (!g_file_test (schemas, G_FILE_TEST_EXISTS))
    return;
  if (dirs == NULL || *dirs == '\0')
    dirs = "/usr/local/share:/usr/share";
  list = g_strsplit (dirs, ":", -1);
  for (guint i = 0; list[i] != NULL; i++)
    {
      g_autofree char *canonical = g_canonicalize_filename (list[i], "/");

      if (g_strcmp0 (canonical, DATADIR) == 0)
        return;
    }
  /* First, so the schema installed with this program wins over an older one elsewhere. */
  value = g_strconcat (DATADIR, ":", dirs, NULL);
  g_setenv ("XDG_DATA_DIRS", value, TRUE);
}

GSettings *
am_application_get_settings (AmApplication *self)
{
  g_return_val_if_fail (AM_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* AMIABLE_SCREENSHOT=PATH (used by build-aux/run.sh without a display): the window saves
 * itself to PATH once it shows its first listing, then the application quits. */
static void
screenshot_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (AmApplication) self = user_data;
  g_autoptr (GError) error = NULL;

  if (am_screenshot_when_listed_finish (result, &error))
    g_print ("Screenshot saved: %s\n", g_getenv ("AMIABLE_SCREENSHOT"));
  else
    g_printerr ("amiable: %s\n", error->message);
  g_application_quit (G_APPLICATION (self));
}

static void
am_application_activate (GApplication *app)
{
  AmApplication *self = AM_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      g_autoptr (AmSession) session = am_session_new ();

      window = GTK_WINDOW (am_window_new_with_session (AM_APPLICATION (app), session));
      /* The start choice: AWS_PROFILE, the saved profile, the default profile when AWS
       * credentials exist, else the built-in sandbox. */
      am_window_connect (AM_WINDOW (window), self->profile, self->region);
      am_listing_report_watch (window);
      if (g_getenv ("AMIABLE_SCREENSHOT") == NULL)
        am_welcome_show_on_first_start (AM_WINDOW (window), self->settings);
      if (g_getenv ("AMIABLE_SCREENSHOT") != NULL)
        {
          const char *timeout = g_getenv ("AMIABLE_SCREENSHOT_TIMEOUT");
          guint64 seconds = 120;

          if (timeout != NULL)
            g_ascii_string_to_unsigned (timeout, 10, 1, 3600, &seconds, NULL);
          am_screenshot_when_listed_async (window, g_getenv ("AMIABLE_SCREENSHOT"), seconds * 1000, NULL,
                                           screenshot_done_cb, g_object_ref (app));
        }
    }

  gtk_window_present (window);
}

static void
am_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  static const char *developers[] = { "The Amiable authors", NULL };
  AmApplication *self = user_data;
  GtkWindow *window;
  AdwAboutWindow *about;

  g_assert (AM_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Amiable"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_developer_name (about, _("The Amiable authors"));
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_comments (about,
                                 _("Browse Amazon Machine Images, understand what is inside them, "
                                   "and launch instances from them — with or without an AWS account."));
  adw_about_window_set_website (about, "https://github.com/amiable/amiable");
  adw_about_window_set_issue_url (about, "https://github.com/amiable/amiable/issues");
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_copyright (about, "© 2026 The Amiable authors");
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  /* Translators: put your names here, one per line */
  adw_about_window_set_translator_credits (about, _("translator-credits"));
  if (window != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (about), window);
  gtk_window_present (GTK_WINDOW (about));
}

static void
am_application_preferences_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  AmApplication *self = user_data;
  GtkWindow *window;
  GtkWindow *prefs;

  g_assert (AM_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  prefs = GTK_WINDOW (am_preferences_window_new ());
  if (window != NULL)
    gtk_window_set_transient_for (prefs, window);
  gtk_window_present (prefs);
}

static void
am_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  AmApplication *self = user_data;
  GList *windows;

  g_assert (AM_IS_APPLICATION (self));

  /* Close windows first so each can save its state. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);

  g_application_quit (G_APPLICATION (self));
}

/* Help: the README's section on using Amiable, on the project's page (the About window's
 * website), in the browser. */
#define AM_HELP_URI "https://github.com/amiable/amiable#what-you-can-do"

static void
am_application_help_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  AmApplication *self = user_data;

  gtk_show_uri (gtk_application_get_active_window (GTK_APPLICATION (self)), AM_HELP_URI,
                GDK_CURRENT_TIME);
}

/* The style chosen in the main menu (kept in GSettings) applied to the whole application. */
static void
am_application_color_scheme_changed_cb (GSettings  *settings,
                                        const char *key,
                                        gpointer    user_data)
{
  g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static const GActionEntry app_actions[] = {
  { "about", am_application_about_action },
  { "help", am_application_help_action },
  { "preferences", am_application_preferences_action },
  { "quit", am_application_quit_action },
};

static void
am_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *images_accels[] = { "<Alt>1", NULL };
  static const char *instances_accels[] = { "<Alt>2", NULL };
  static const char *refresh_accels[] = { "F5", "<Control>r", NULL };
  AmApplication *self = AM_APPLICATION (app);

  G_APPLICATION_CLASS (am_application_parent_class)->startup (app);

  /* AdwApplication has loaded style.css from the resource base path; the parts' sheets too. */
  am_style_load (gdk_display_get_default (), TRUE);

  /* Here, not in init: --version and --help work without the schema. */
  self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  {
    g_autoptr (GAction) color_scheme = g_settings_create_action (self->settings, "color-scheme");

    g_action_map_add_action (G_ACTION_MAP (self), color_scheme);
  }
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (am_application_color_scheme_changed_cb), self, 0);
  am_application_color_scheme_changed_cb (self->settings, "color-scheme", self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-view::images", images_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-view::instances", instances_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.refresh", refresh_accels);
}

static int
am_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  AmApplication *self = AM_APPLICATION (app);
  const char *endpoint = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "profile", "s", &self->profile);
  g_variant_dict_lookup (options, "region", "s", &self->region);
  if (g_variant_dict_lookup (options, "endpoint", "&s", &endpoint))
    {
      g_autoptr (GUri) uri = g_uri_parse (endpoint, G_URI_FLAGS_NONE, NULL);

      const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

      if (uri == NULL || g_uri_get_host (uri) == NULL ||
          (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0))
        {
          g_printerr (_("amiable: “%s” is not an endpoint URL; give one like https://ec2.example.com or "
                        "http://127.0.0.1:4566\n"), endpoint);
          return 2;
        }
      /* The same as the AWS CLI's --endpoint-url: it applies to whichever profile is used. */
      g_setenv ("AWS_ENDPOINT_URL_EC2", endpoint, TRUE);
    }

  /* A window for these choices, not a switch of an Amiable already running. */
  if (self->profile != NULL || self->region != NULL || endpoint != NULL)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
am_application_dispose (GObject *object)
{
  AmApplication *self = AM_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->profile, g_free);
  g_clear_pointer (&self->region, g_free);

  G_OBJECT_CLASS (am_application_parent_class)->dispose (object);
}

static void
am_application_class_init (AmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = am_application_dispose;

  app_class->activate = am_application_activate;
  app_class->startup = am_application_startup;
  app_class->handle_local_options = am_application_handle_local_options;
}

static void
am_application_init (AmApplication *self)
{
  const GOptionEntry entries[] = {
    { "profile", 'p', 0, G_OPTION_ARG_STRING, NULL,
      N_("Start on this AWS CLI profile, account or “Sandbox”"), N_("PROFILE") },
    { "region", 'r', 0, G_OPTION_ARG_STRING, NULL,
      N_("Start in this region, e.g. eu-west-1"), N_("REGION") },
    { "endpoint", 'e', 0, G_OPTION_ARG_STRING, NULL,
      N_("Send EC2 requests to this endpoint URL instead of the region’s"), N_("URL") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL },
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Browse Amazon Machine Images and launch instances from them"));
}
