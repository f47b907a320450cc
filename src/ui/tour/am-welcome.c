/* am-welcome.c: the first-run welcome: what the sandbox is, and three ways on
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-welcome"

#include "config.h"

#include <glib/gi18n.h>

#include "am-welcome.h"

#include "am-images-view.h"
#include "am-session.h"
#include "am-tour-panel.h"

struct _AmWelcome
{
  AdwWindow    parent_instance;

  /* template widgets */
  AdwActionRow *state_row;
  GtkRevealer  *profile_revealer;
  GtkLabel     *profile_hint;
  GtkListBox   *profile_list;

  /* borrowed */
  AmWindow     *window;
};

G_DEFINE_FINAL_TYPE (AmWelcome, am_welcome, ADW_TYPE_WINDOW)

static GtkWidget *
find_images_view (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (AM_IS_IMAGES_VIEW (child))
        return child;
      if ((found = find_images_view (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
tour_clicked_cb (AmWelcome *self)
{
  AmTourPanel *panel = am_tour_panel_get_for_window (GTK_WIDGET (self->window));

  if (panel != NULL)
    am_tour_panel_set_revealed (panel, TRUE);
  gtk_window_close (GTK_WINDOW (self));
}

static void
quick_start_clicked_cb (AmWelcome *self)
{
  GtkWidget *images = find_images_view (GTK_WIDGET (self->window));

  am_window_show_view (self->window, "images");
  if (images != NULL)
    am_images_view_set_scope (AM_IMAGES_VIEW (images), AM_IMAGES_SCOPE_QUICK_START);
  gtk_window_close (GTK_WINDOW (self));
}

static void
am_welcome_fill_profiles (AmWelcome *self)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) profiles = am_session_list_cli_profiles (&error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->profile_list))) != NULL)
    gtk_list_box_remove (self->profile_list, child);

  if (profiles == NULL)
    {
      gtk_label_set_label (self->profile_hint, error != NULL ? error->message : "");
      gtk_widget_add_css_class (GTK_WIDGET (self->profile_hint), "error");
    }
  else if (profiles[0] == NULL)
    gtk_label_set_label (self->profile_hint,
                         _("No AWS profiles were found in ~/.aws/config or ~/.aws/credentials. Add one "
                           "with “aws configure”, or add an account in Preferences."));
  else
    gtk_label_set_label (self->profile_hint, _("Profiles found in ~/.aws: choose one to switch to it."));

  for (guint i = 0; profiles != NULL && profiles[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), profiles[i]);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "profile-name", g_strdup (profiles[i]), g_free);
      gtk_list_box_append (self->profile_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->profile_list), profiles != NULL && profiles[0] != NULL);
}

static void
profile_clicked_cb (AmWelcome *self)
{
  am_welcome_fill_profiles (self);
  gtk_revealer_set_reveal_child (self->profile_revealer, TRUE);
}

static void
profile_row_activated_cb (AmWelcome     *self,
                          GtkListBoxRow *row)
{
  const char *name = g_object_get_data (G_OBJECT (row), "profile-name");

  if (name == NULL)
    return;
  am_window_connect (self->window, name, NULL);
  gtk_window_close (GTK_WINDOW (self));
}

AmWelcome *
am_welcome_new (AmWindow *window)
{
  AmWelcome *self;

  g_return_val_if_fail (AM_IS_WINDOW (window), NULL);

  self = g_object_new (AM_TYPE_WELCOME, "transient-for", window, NULL);
  self->window = window;
  return self;
}

static void
first_start_state_cb (AmSession *session,
                      GParamSpec *pspec,
                      AmWindow  *window)
{
  GSettings *settings = g_object_get_data (G_OBJECT (window), "am-welcome-settings");

  if (am_session_get_state (session) != AM_SESSION_STATE_READY || !am_session_is_sandbox (session))
    return;
  g_signal_handlers_disconnect_by_func (session, first_start_state_cb, window);
  if (settings == NULL || g_settings_get_boolean (settings, "welcome-shown"))
    return;
  g_settings_set_boolean (settings, "welcome-shown", TRUE);
  gtk_window_present (GTK_WINDOW (am_welcome_new (window)));
}

void
am_welcome_show_on_first_start (AmWindow  *window,
                                GSettings *settings)
{
  AmSession *session;

  g_return_if_fail (AM_IS_WINDOW (window));
  g_return_if_fail (G_IS_SETTINGS (settings));

  if (g_settings_get_boolean (settings, "welcome-shown"))
    return;
  session = am_window_get_session (window);
  g_object_set_data_full (G_OBJECT (window), "am-welcome-settings", g_object_ref (settings), g_object_unref);
  g_signal_connect_object (session, "notify::state", G_CALLBACK (first_start_state_cb), window, 0);
  first_start_state_cb (session, NULL, window);
}

static void
am_welcome_class_init (AmWelcomeClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/tour/am-welcome.ui");
  gtk_widget_class_bind_template_child (widget_class, AmWelcome, state_row);
  gtk_widget_class_bind_template_child (widget_class, AmWelcome, profile_revealer);
  gtk_widget_class_bind_template_child (widget_class, AmWelcome, profile_hint);
  gtk_widget_class_bind_template_child (widget_class, AmWelcome, profile_list);
  gtk_widget_class_bind_template_callback (widget_class, tour_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, quick_start_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, profile_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, profile_row_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
am_welcome_init (AmWelcome *self)
{
  g_autofree char *state = g_build_filename (g_get_user_data_dir (), "amiable", "sandbox", "state.json", NULL);
  g_autofree char *subtitle = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  subtitle = g_strdup_printf (_("Its images and instances stay between starts, in %s. Reset Sandbox in "
                                "the tour starts it over."), state);
  adw_action_row_set_subtitle (self->state_row, subtitle);
}
