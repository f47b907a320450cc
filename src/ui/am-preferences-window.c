/* am-preferences-window.c: the Preferences window (accounts, endpoints, defaults)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "am-account-dialog.h"
#include "am-accounts.h"
#include "am-preferences-window.h"
#include "am-regions.h"
#include "am-session.h"

struct _AmPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  GtkListBox           *accounts_list;
  GtkListBox           *cli_list;
  AdwComboRow          *profile_row;
  AdwComboRow          *region_row;
  GtkSpinButton        *rate_standard_spin;
  GtkSpinButton        *rate_archive_spin;

  /* owned */
  GSettings            *settings;
  GCancellable         *cancellable;
  GtkStringList        *profiles;
  GtkStringList        *regions;

  /* state */
  gboolean              updating;
  char                 *removing_account;  /* the account the Remove dialog asks about */
};

G_DEFINE_FINAL_TYPE (AmPreferencesWindow, am_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

AmPreferencesWindow *
am_preferences_window_new (void)
{
  return g_object_new (AM_TYPE_PREFERENCES_WINDOW, NULL);
}

void
am_preferences_window_show_page (AmPreferencesWindow *self,
                                 const char          *name)
{
  g_return_if_fail (AM_IS_PREFERENCES_WINDOW (self));

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (self), name);
}

/* A row that says a list is empty (GtkListBox placeholders do not show inside an
 * AdwPreferencesGroup). */
static GtkWidget *
placeholder_row_new (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "dim-label");

  return row;
}

/* Removing */

static void
am_preferences_window_removed_cb (GObject      *object,
                                  GAsyncResult *result,
                                  gpointer      user_data)
{
  g_autoptr (AmPreferencesWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!am_accounts_remove_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
      return;
    }
}

static void
am_preferences_window_remove_response_cb (AdwMessageDialog    *dialog,
                                          const char          *response,
                                          AmPreferencesWindow *self)
{
  g_autofree char *name = g_steal_pointer (&self->removing_account);

  if (g_strcmp0 (response, "remove") != 0 || name == NULL)
    return;

  am_accounts_remove_async (self->settings, name, self->cancellable,
                            am_preferences_window_removed_cb, g_object_ref (self));
}

/* prefs.remove-account(name): the Remove button of an account's row */
static void
am_preferences_window_remove_account_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  AmPreferencesWindow *self = AM_PREFERENCES_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  adw_message_dialog_format_heading (dialog, _("Remove Account “%s”?"), name);
  adw_message_dialog_set_body (dialog,
                               _("Amiable forgets the account and deletes its secret access key from "
                                 "your keyring. The AWS account itself is not changed."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_free (self->removing_account);
  self->removing_account = g_strdup (name);
  g_signal_connect_object (dialog, "response", G_CALLBACK (am_preferences_window_remove_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Lists */

static void
am_preferences_window_update_profiles (AmPreferencesWindow *self);

static void
am_preferences_window_update_accounts (AmPreferencesWindow *self)
{
  g_autoptr (GPtrArray) accounts = am_accounts_list (self->settings);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->accounts_list))) != NULL)
    gtk_list_box_remove (self->accounts_list, child);

  for (guint i = 0; i < accounts->len; i++)
    {
      AmAccount *account = g_ptr_array_index (accounts, i);
      g_autofree char *subtitle = NULL;
      g_autofree char *remove_label = NULL;
      GtkWidget *row;
      GtkWidget *button;

      if (*account->endpoint != '\0')
        /* Translators: access key id · region · endpoint URL */
        subtitle = g_strdup_printf (_("%s · %s · %s"), account->access_key_id, account->region, account->endpoint);
      else
        /* Translators: access key id · region */
        subtitle = g_strdup_printf (_("%s · %s"), account->access_key_id, account->region);

      row = adw_action_row_new ();
      gtk_widget_set_name (row, account->name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), account->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("avatar-default-symbolic"));

      button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      remove_label = g_strdup_printf (_("Remove Account “%s”"), account->name);
      gtk_widget_set_tooltip_text (button, remove_label);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "prefs.remove-account");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", account->name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      gtk_list_box_append (self->accounts_list, row);
    }
  if (accounts->len == 0)
    gtk_list_box_append (self->accounts_list, placeholder_row_new (_("No accounts yet")));
}

static void
am_preferences_window_update_cli (AmPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) names = am_session_list_cli_profiles (&error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cli_list))) != NULL)
    gtk_list_box_remove (self->cli_list, child);

  if (names == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The AWS configuration cannot be read"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_list_box_append (self->cli_list, row);
      return;
    }

  for (guint i = 0; names[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), names[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("utilities-terminal-symbolic"));
      gtk_list_box_append (self->cli_list, row);
    }
  if (names[0] == NULL)
    gtk_list_box_append (self->cli_list, placeholder_row_new (_("No profiles in ~/.aws/config or ~/.aws/credentials")));
}

/* General page: index 0 of each list means "choose automatically" (an empty setting). */

static void
select_string (AdwComboRow   *row,
               GtkStringList *list,
               const char    *value)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 1; i < n; i++)
    if (value != NULL && g_strcmp0 (gtk_string_list_get_string (list, i), value) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  adw_combo_row_set_selected (row, 0);
}

static void
am_preferences_window_update_profiles (AmPreferencesWindow *self)
{
  g_autoptr (GPtrArray) accounts = am_accounts_list (self->settings);
  g_auto (GStrv) cli = am_session_list_cli_profiles (NULL);
  g_autofree char *saved = g_settings_get_string (self->settings, "profile");
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  g_ptr_array_add (names, (char *) _("Automatic"));
  for (guint i = 0; cli != NULL && cli[i] != NULL; i++)
    g_ptr_array_add (names, cli[i]);
  for (guint i = 0; i < accounts->len; i++)
    g_ptr_array_add (names, ((AmAccount *) g_ptr_array_index (accounts, i))->name);
  g_ptr_array_add (names, (char *) AM_SESSION_SANDBOX_PROFILE);
  /* Keep a saved profile that is not there any more visible rather than losing it. */
  if (*saved != '\0')
    {
      gboolean found = FALSE;

      for (guint i = 1; i < names->len && !found; i++)
        found = g_strcmp0 (names->pdata[i], saved) == 0;
      if (!found)
        g_ptr_array_add (names, saved);
    }
  g_ptr_array_add (names, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->profiles, 0, g_list_model_get_n_items (G_LIST_MODEL (self->profiles)),
                          (const char * const *) names->pdata);
  select_string (self->profile_row, self->profiles, saved);
  self->updating = FALSE;
}

static void
am_preferences_window_update_region (AmPreferencesWindow *self)
{
  g_autofree char *saved = g_settings_get_string (self->settings, "region");

  self->updating = TRUE;
  if (*saved != '\0' && am_regions_get_display_name (saved) == NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->regions));
      gboolean found = FALSE;

      for (guint i = 1; i < n && !found; i++)
        found = g_strcmp0 (gtk_string_list_get_string (self->regions, i), saved) == 0;
      if (!found)
        gtk_string_list_append (self->regions, saved);
    }
  select_string (self->region_row, self->regions, saved);
  self->updating = FALSE;
}

static void
am_preferences_window_profile_selected_cb (AmPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->profile_row);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  g_settings_set_string (self->settings, "profile",
                         selected == 0 ? "" : gtk_string_list_get_string (self->profiles, selected));
}

static void
am_preferences_window_region_selected_cb (AmPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->region_row);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  g_settings_set_string (self->settings, "region",
                         selected == 0 ? "" : gtk_string_list_get_string (self->regions, selected));
}

static char *
region_label (GtkStringObject *item,
              gpointer         user_data)
{
  const char *code = gtk_string_object_get_string (item);
  const char *name = am_regions_get_display_name (code);

  if (name == NULL)
    return g_strdup (code);
  /* Translators: a region's place and code, e.g. "Europe (Ireland) — eu-west-1" */
  return g_strdup_printf (_("%s — %s"), name, code);
}

static void
am_preferences_window_settings_changed_cb (AmPreferencesWindow *self,
                                           const char          *key)
{
  if (g_strcmp0 (key, "accounts") == 0)
    {
      am_preferences_window_update_accounts (self);
      am_preferences_window_update_profiles (self);
    }
  else if (g_strcmp0 (key, "profile") == 0 && !self->updating)
    am_preferences_window_update_profiles (self);
  else if (g_strcmp0 (key, "region") == 0 && !self->updating)
    am_preferences_window_update_region (self);
}

static void
am_preferences_window_account_added_cb (AmAccountDialog     *dialog,
                                        const char          *name,
                                        AmPreferencesWindow *self)
{
  g_autofree char *text = g_strdup_printf (_("Account “%s” added"), name);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
}

static void
am_preferences_window_add_account_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  AmPreferencesWindow *self = AM_PREFERENCES_WINDOW (widget);
  AmAccountDialog *dialog = am_account_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "account-added", G_CALLBACK (am_preferences_window_account_added_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
am_preferences_window_dispose (GObject *object)
{
  AmPreferencesWindow *self = AM_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->profiles);
  g_clear_object (&self->regions);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->removing_account, g_free);

  G_OBJECT_CLASS (am_preferences_window_parent_class)->dispose (object);
}

static void
am_preferences_window_class_init (AmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amiable/Amiable/am-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AmPreferencesWindow, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, AmPreferencesWindow, cli_list);
  gtk_widget_class_bind_template_child (widget_class, AmPreferencesWindow, profile_row);
  gtk_widget_class_bind_template_child (widget_class, AmPreferencesWindow, region_row);
  gtk_widget_class_bind_template_child (widget_class, AmPreferencesWindow, rate_standard_spin);
  gtk_widget_class_bind_template_child (widget_class, AmPreferencesWindow, rate_archive_spin);

  gtk_widget_class_install_action (widget_class, "prefs.add-account", NULL, am_preferences_window_add_account_action);
  gtk_widget_class_install_action (widget_class, "prefs.remove-account", "s", am_preferences_window_remove_account_action);
}

static void
am_preferences_window_init (AmPreferencesWindow *self)
{
  g_autoptr (GtkExpression) expression = NULL;
  g_autoptr (GPtrArray) regions = g_ptr_array_new ();
  const char * const *offline = am_regions_get_offline ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();

  self->profiles = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->profile_row, G_LIST_MODEL (self->profiles));

  g_ptr_array_add (regions, (char *) _("The Profile’s Region"));
  for (guint i = 0; offline[i] != NULL; i++)
    g_ptr_array_add (regions, (char *) offline[i]);
  g_ptr_array_add (regions, NULL);
  self->regions = gtk_string_list_new ((const char * const *) regions->pdata);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (region_label), NULL, NULL);
  adw_combo_row_set_expression (self->region_row, expression);
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (self->regions));

  g_settings_bind (self->settings, "snapshot-rate-standard",
                   gtk_spin_button_get_adjustment (self->rate_standard_spin), "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "snapshot-rate-archive",
                   gtk_spin_button_get_adjustment (self->rate_archive_spin), "value", G_SETTINGS_BIND_DEFAULT);

  am_preferences_window_update_accounts (self);
  am_preferences_window_update_cli (self);
  am_preferences_window_update_profiles (self);
  am_preferences_window_update_region (self);

  g_signal_connect_object (self->settings, "changed", G_CALLBACK (am_preferences_window_settings_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->profile_row, "notify::selected",
                           G_CALLBACK (am_preferences_window_profile_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->region_row, "notify::selected",
                           G_CALLBACK (am_preferences_window_region_selected_cb), self, G_CONNECT_SWAPPED);
}
