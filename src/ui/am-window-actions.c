/* am-window-actions.c: the main window's `win.` actions and their shortcuts
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-window"

#include "config.h"

#include <glib/gi18n.h>

#include "am-cleanup-dialog.h"
#include "am-governance-page.h"
#include "am-images-view.h"
#include "am-instances-view.h"
#include "am-preferences-window.h"
#include "am-window-private.h"

/* An image ID from elsewhere in the app (an instance's AMI link): show it in the Images view. */
static void
am_window_show_image_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);

  am_window_show_view (self, "images");
  am_images_view_show_image (self->images_view, g_variant_get_string (parameter, NULL));
}

/* Instances just launched may not be in the view's last listing: reload and select them as
 * soon as they show (for about 15 s at most). */
static gboolean
am_window_select_pending_cb (gpointer user_data)
{
  AmWindow *self = user_data;
  const char * const *ids = (const char * const *) self->pending_instances;

  if (am_instances_view_select_instances (self->instances_view, ids) < g_strv_length (self->pending_instances)
      && self->select_tries++ < 60)
    {
      if (!am_instances_view_is_busy (self->instances_view))
        am_instances_view_reload (self->instances_view);
      return G_SOURCE_CONTINUE;
    }
  self->select_source = 0;
  g_clear_pointer (&self->pending_instances, g_strfreev);
  return G_SOURCE_REMOVE;
}

/* Instance IDs from elsewhere (the launch wizard's new instances): show them selected. */
static void
am_window_show_instances_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);

  am_window_show_view (self, "instances");
  g_clear_handle_id (&self->select_source, g_source_remove);
  g_strfreev (self->pending_instances);
  self->pending_instances = g_variant_dup_strv (parameter, NULL);
  self->select_tries = 0;
  if (am_window_select_pending_cb (self) == G_SOURCE_CONTINUE)
    self->select_source = g_timeout_add (250, am_window_select_pending_cb, self);
}

static void
am_window_show_view_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  am_window_show_view (AM_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
am_window_refresh_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);
  GtkWidget *view = adw_view_stack_get_visible_child (self->view_stack);

  if (am_session_get_state (self->session) == AM_SESSION_STATE_FAILED)
    {
      am_window_connect (self, am_session_get_profile_name (self->session), am_session_get_region (self->session));
      return;
    }
  /* The views name their actions after themselves ("images.refresh"); "view.refresh" is
   * the generic name for any later view. */
  if (view != NULL && !gtk_widget_activate_action (view, "view.refresh", NULL))
    {
      g_autofree char *name = g_strdup_printf ("%s.refresh", adw_view_stack_get_visible_child_name (self->view_stack));

      gtk_widget_activate_action (view, name, NULL);
    }
}

static void
am_window_retry_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);

  am_window_connect (self, am_session_get_profile_name (self->session), am_session_get_region (self->session));
}

static void
am_window_choose_profile_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);

  gtk_menu_button_popup (self->profile_button);
}

static void
am_window_select_profile_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  am_window_connect (AM_WINDOW (widget), g_variant_get_string (parameter, NULL), NULL);
}

static void
am_window_manage_accounts_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);
  AmPreferencesWindow *prefs = am_preferences_window_new ();

  gtk_popover_popdown (self->profile_popover);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (self));
  am_preferences_window_show_page (prefs, "accounts");
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
am_window_clean_up_images_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);
  AmCleanupDialog *dialog = am_cleanup_dialog_new (GTK_WINDOW (self), self->session != NULL
                                                   ? am_session_get_client (self->session) : NULL);

  /* Opened from All Regions: it plans every Region too. */
  if (am_images_view_get_scope (self->images_view) == AM_IMAGES_SCOPE_ALL_REGIONS)
    am_cleanup_dialog_set_all_regions (dialog, TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
am_window_governance_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);
  AmGovernancePage *page = am_governance_page_new (self->session, am_images_view_get_scope (self->images_view));

  gtk_window_set_transient_for (GTK_WINDOW (page), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (page));
}

void
_am_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", am_window_show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-image", "s", am_window_show_image_action);
  gtk_widget_class_install_action (widget_class, "win.show-instances", "as", am_window_show_instances_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, am_window_refresh_action);
  gtk_widget_class_install_action (widget_class, "win.retry", NULL, am_window_retry_action);
  gtk_widget_class_install_action (widget_class, "win.choose-profile", NULL, am_window_choose_profile_action);
  gtk_widget_class_install_action (widget_class, "win.select-profile", "s", am_window_select_profile_action);
  gtk_widget_class_install_action (widget_class, "win.manage-accounts", NULL, am_window_manage_accounts_action);
  gtk_widget_class_install_action (widget_class, "win.clean-up-images", NULL, am_window_clean_up_images_action);
  gtk_widget_class_install_action (widget_class, "win.governance", NULL, am_window_governance_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.choose-profile", NULL);
}
