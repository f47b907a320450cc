/* am-window-profiles.c: the main window's profile menu and the note that offers the AWS CLI
 * profiles when the Sandbox opened in their place
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-window"

#include "config.h"

#include <glib/gi18n.h>

#include "am-accounts.h"
#include "am-window-private.h"

/* Profiles exist but none is the default: the Sandbox opened, and the window says why and
 * offers them (up to three as buttons, all of them in the profile menu). */
void
_am_window_update_profiles_banner (AmWindow *self)
{
  const char * const *profiles = am_session_get_unchosen_profiles (self->session);
  gboolean show = profiles != NULL && !self->profiles_dismissed
                  && am_session_get_state (self->session) == AM_SESSION_STATE_READY;
  GtkWidget *child;
  guint n;

  gtk_revealer_set_reveal_child (self->profiles_banner, show);
  if (!show)
    return;

  n = g_strv_length ((char **) profiles);
  {
    g_autofree char *joined = g_strjoinv (", ", (char **) profiles);
    g_autofree char *text = g_strdup_printf (ngettext ("This is the built-in Sandbox: nothing here is real. Your AWS CLI profile "
                                                       "(%s) was not opened because it is not the default and AWS_PROFILE is "
                                                       "not set. Choose it to work with AWS.",
                                                       "This is the built-in Sandbox: nothing here is real. Your AWS CLI profiles "
                                                       "(%s) were not opened because none is the default and AWS_PROFILE is "
                                                       "not set. Choose one to work with AWS.", n),
                                             joined);

    gtk_label_set_text (self->profiles_label, text);
  }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->profiles_buttons))) != NULL)
    gtk_box_remove (self->profiles_buttons, child);
  for (guint i = 0; i < n && i < 3; i++)
    {
      GtkWidget *button = gtk_button_new_with_label (profiles[i]);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.select-profile");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", profiles[i]);
      gtk_widget_add_css_class (button, i == 0 ? "suggested-action" : "flat");
      gtk_box_append (self->profiles_buttons, button);
    }
  if (n > 3)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Other Profiles…"));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.choose-profile");
      gtk_widget_add_css_class (button, "flat");
      gtk_box_append (self->profiles_buttons, button);
    }
}

static void
profiles_banner_close_cb (AmWindow *self)
{
  self->profiles_dismissed = TRUE;
  _am_window_update_profiles_banner (self);
}

void
_am_window_build_profiles_banner (AmWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self->main_stack));

  self->profiles_banner = GTK_REVEALER (gtk_revealer_new ());
  gtk_widget_set_name (GTK_WIDGET (self->profiles_banner), "profiles_banner");
  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (icon, 12);
  gtk_box_append (GTK_BOX (box), icon);
  self->profiles_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->profiles_label), "profiles_label");
  gtk_label_set_wrap (self->profiles_label, TRUE);
  gtk_label_set_xalign (self->profiles_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->profiles_label), TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->profiles_label), 9);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->profiles_label), 9);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->profiles_label));
  self->profiles_buttons = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  gtk_widget_set_valign (GTK_WIDGET (self->profiles_buttons), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->profiles_buttons));
  gtk_widget_add_css_class (close, "flat");
  gtk_widget_set_valign (close, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (close, 6);
  gtk_widget_set_tooltip_text (close, _("Dismiss"));
  g_signal_connect_object (close, "clicked", G_CALLBACK (profiles_banner_close_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), close);
  gtk_revealer_set_child (self->profiles_banner, box);
  gtk_box_insert_child_after (GTK_BOX (parent), GTK_WIDGET (self->profiles_banner),
                              gtk_widget_get_prev_sibling (GTK_WIDGET (self->main_stack)));
}

static GtkWidget *
profile_row_new (const char *name,
                 const char *subtitle,
                 const char *icon_name,
                 gboolean    current)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  /* The row is named after its profile: that is the profile it connects to. */
  gtk_widget_set_name (row, name);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (labels), label);
  if (subtitle != NULL)
    {
      GtkWidget *sub = gtk_label_new (subtitle);

      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_widget_add_css_class (sub, "caption");
      gtk_box_append (GTK_BOX (labels), sub);
    }
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_widget_set_opacity (check, current ? 1.0 : 0.0);
  gtk_widget_set_name (check, "check");
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  if (current)
    gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_CHECKED, GTK_ACCESSIBLE_TRISTATE_TRUE, -1);

  return row;
}

static void
am_window_fill_profiles (AmWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) cli = am_session_list_cli_profiles (&error);
  g_autoptr (GPtrArray) accounts = am_accounts_list (self->settings);
  const char *current = am_session_get_profile_name (self->session);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->profile_list))) != NULL)
    gtk_list_box_remove (self->profile_list, child);

  for (guint i = 0; cli != NULL && cli[i] != NULL; i++)
    gtk_list_box_append (self->profile_list,
                         profile_row_new (cli[i], _("AWS command line profile"), "utilities-terminal-symbolic",
                                          g_strcmp0 (cli[i], current) == 0));
  if (cli == NULL && error != NULL)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "error");
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->profile_list, row);
    }
  for (guint i = 0; i < accounts->len; i++)
    {
      AmAccount *account = g_ptr_array_index (accounts, i);

      gtk_list_box_append (self->profile_list,
                           profile_row_new (account->name,
                                            *account->endpoint != '\0' ? account->endpoint : _("Account added in Preferences"),
                                            "avatar-default-symbolic",
                                            g_strcmp0 (account->name, current) == 0));
    }
  gtk_list_box_append (self->profile_list,
                       profile_row_new (AM_SESSION_SANDBOX_PROFILE, _("Built-in, on this computer; nothing is real"),
                                        "applications-science-symbolic",
                                        g_strcmp0 (AM_SESSION_SANDBOX_PROFILE, current) == 0));
  gtk_list_box_append (self->profile_list,
                       profile_row_new (AM_SESSION_SANDBOX_BOB_PROFILE, _("The sandbox’s second account, to see sharing"),
                                        "applications-science-symbolic",
                                        g_strcmp0 (AM_SESSION_SANDBOX_BOB_PROFILE, current) == 0));
}

void
_am_window_profile_popover_show_cb (AmWindow *self)
{
  am_window_fill_profiles (self);
  _am_window_update_header (self);
}

void
_am_window_profile_row_activated_cb (AmWindow      *self,
                                     GtkListBoxRow *row)
{
  const char *name = gtk_widget_get_name (GTK_WIDGET (row));

  /* Only profile rows can be activated (not the row saying the profiles could not be read). */
  if (!gtk_list_box_row_get_activatable (row))
    return;

  gtk_popover_popdown (self->profile_popover);
  /* The profile's own region, unless the user picks another afterwards. */
  am_window_connect (self, name, NULL);
}
