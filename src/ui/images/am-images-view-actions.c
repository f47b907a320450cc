/* am-images-view-actions.c: the Images view's `images.` actions and their shortcuts
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-images-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "am-image-actions.h"
#include "am-images-view-private.h"
#include "am-launch-wizard.h"
#include "am-region-fanout.h"
#include "am-session.h"

/* The images the actions apply to: the selected ones, or else the image shown from outside
 * the listing (never the account's own: those are listed under Owned by Me). */
GPtrArray *
_am_images_view_get_selected_images (AmImagesView *self)
{
  GPtrArray *images = am_image_list_model_get_selected_images (self->list);

  if (images->len == 0 && self->outside_image != NULL)
    g_ptr_array_add (images, g_object_ref (self->outside_image));

  return images;
}

void
_am_images_view_update_actions (AmImagesView *self,
                                guint         n_selected)
{
  /* All Regions: each dialog acts in its image's Region (am_image_actions_run). */
  gboolean manage = (self->session != NULL && self->outside_image == NULL
                     && (self->scope == AM_IMAGES_SCOPE_OWNED || self->scope == AM_IMAGES_SCOPE_ALL_REGIONS));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.copy-id", n_selected == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.tags", manage && n_selected >= 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.deregister", manage && n_selected >= 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.permissions", manage && n_selected == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.description", manage && n_selected == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.deprecation", manage && n_selected == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.protection", manage && n_selected == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.imds", manage && n_selected == 1);
  {
    g_autoptr (GPtrArray) images = manage && n_selected == 1 ? _am_images_view_get_selected_images (self) : NULL;
    gboolean disabled = images != NULL && images->len == 1
                        && g_strcmp0 (am_image_get_state (g_ptr_array_index (images, 0)), "disabled") == 0;

    gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.disable", images != NULL && images->len == 1 && !disabled);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.enable", disabled);
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.copy", self->session != NULL && n_selected == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.remove-shared",
                                 self->session != NULL && self->scope == AM_IMAGES_SCOPE_SHARED && n_selected == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.launch", self->session != NULL && n_selected == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.launch-template", self->session != NULL && n_selected == 1);
}

static void
copy_id_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AmImagesView *self = AM_IMAGES_VIEW (widget);
  g_autoptr (GPtrArray) images = _am_images_view_get_selected_images (self);

  if (images->len != 1)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget),
                          am_image_get_image_id (g_ptr_array_index (images, 0)));
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AmImagesView *self = AM_IMAGES_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
_am_images_view_clear_filters (AmImagesView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  am_image_filters_clear (self->filters);
  am_image_list_model_clear_filters (self->list);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _am_images_view_clear_filters (AM_IMAGES_VIEW (widget));
}


static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AmImagesView *self = AM_IMAGES_VIEW (widget);

  /* Nothing answers until the sandbox is restarted: its error state stays, no spinner. */
  if (self->session != NULL && am_session_get_sandbox_error (self->session) != NULL)
    {
      _am_images_view_update_loading (self);
      return;
    }
  if (self->session != NULL && am_session_get_state (self->session) == AM_SESSION_STATE_FAILED)
    {
      am_session_connect_async (self->session, am_session_get_profile_name (self->session),
                                am_session_get_region (self->session), NULL, NULL, NULL);
      return;
    }

  /* Public and Marketplace load only when asked: Refresh asks as Load does. */
  self->permissions_stale = TRUE;
  _am_images_view_queue_update_details (self);
  _am_images_view_show_scope (self, TRUE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmImagesView *self = AM_IMAGES_VIEW (widget);

  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->store != NULL)
    am_image_store_cancel (self->store);
  if (self->scope == AM_IMAGES_SCOPE_QUICK_START && self->quick_start_loading)
    {
      g_cancellable_cancel (self->cancellable);
      self->quick_start_loading = FALSE;
    }
  if (self->scope == AM_IMAGES_SCOPE_ALL_REGIONS && self->fanout != NULL)
    am_region_fanout_cancel (self->fanout);
  _am_images_view_update_loading (self);
}

static void
load_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _am_images_view_show_scope (AM_IMAGES_VIEW (widget), TRUE);
}


static void
restart_sandbox_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AmImagesView *self = AM_IMAGES_VIEW (widget);

  if (self->session != NULL)
    am_session_restart_sandbox (self->session);
}

/* --- managing ----------------------------------------------------------------------------- */

typedef struct
{
  AmImagesView *self;
  char         *action;
  GPtrArray    *images;
} ActionRun;

static void
action_run_free (ActionRun *run)
{
  g_object_unref (run->self);
  g_free (run->action);
  g_ptr_array_unref (run->images);
  g_free (run);
}

/* All Regions: the Regions the change touched are asked again, the others stay as they are. */
static void
refresh_regions (AmImagesView *self,
                 ActionRun    *run)
{
  AmRegionFanout *fanout = self->fanout;
  g_autoptr (GPtrArray) done = g_ptr_array_new ();

  if (g_str_equal (run->action, "copy"))
    {
      /* A copy lands in Regions the view does not know: every Region is asked again. */
      g_auto (GStrv) regions = am_region_fanout_dup_regions (fanout);

      for (guint i = 0; regions[i] != NULL; i++)
        am_region_fanout_refresh_region (fanout, regions[i]);
      return;
    }
  for (guint i = 0; i < run->images->len; i++)
    {
      AmImage *image = g_ptr_array_index (run->images, i);
      AmEc2Client *client = _am_images_view_client_for_image (self, image);
      const char *region = am_image_get_region (image) ?: (client != NULL ? am_ec2_client_get_region (client) : NULL);

      if (region == NULL || g_ptr_array_find_with_equal_func (done, region, g_str_equal, NULL))
        continue;
      g_ptr_array_add (done, (gpointer) region);
      am_region_fanout_refresh_region (fanout, region);
    }
}

static void
image_action_done_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  ActionRun *run = user_data;
  AmImagesView *self = run->self;
  g_autoptr (GError) error = NULL;

  if (!am_image_actions_run_finish (result, &error))
    {
      action_run_free (run);
      return;   /* closed, or the dialog showed its error */
    }

  self->permissions_stale = TRUE;
  _am_images_view_queue_update_details (self);

  if (self->scope == AM_IMAGES_SCOPE_ALL_REGIONS && self->fanout != NULL)
    refresh_regions (self, run);
  else if (self->store != NULL)
    am_image_store_refresh (self->store);
  /* A copy into this region lands in the owned listing, whichever scope is shown. */
  if (self->store != self->stores[AM_IMAGES_SCOPE_OWNED])
    _am_images_view_refresh_owned_quietly (self);
  action_run_free (run);
}

/* --- launching an image of another Region -------------------------------------------------- */

typedef struct
{
  AmImagesView *self;
  AmImage      *image;
  gboolean      template_mode;
} SwitchRun;

static void
switch_run_free (SwitchRun *run)
{
  g_object_unref (run->self);
  g_object_unref (run->image);
  g_free (run);
}

static void
present_wizard (AmImagesView *self,
                AmImage      *image,
                gboolean      template_mode)
{
  if (template_mode)
    am_launch_wizard_present_for_template (GTK_WIDGET (self), self->session, image);
  else
    am_launch_wizard_present_for_image (GTK_WIDGET (self), self->session, image);
}

static void
switched_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  SwitchRun *run = user_data;
  g_autoptr (GError) error = NULL;

  /* A failed switch shows in the window (the session's error state); nothing opens. */
  if (am_session_connect_finish (AM_SESSION (object), result, &error))
    present_wizard (run->self, run->image, run->template_mode);
  switch_run_free (run);
}

static void
switch_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SwitchRun        *run)
{
  AmSession *session = run->self->session;

  if (g_strcmp0 (response, "switch") != 0 || session == NULL)
    {
      switch_run_free (run);
      return;
    }
  am_session_connect_async (session, am_session_get_profile_name (session), am_image_get_region (run->image),
                            NULL, switched_cb, run);
}

/*
 * The wizard works in one Region from its first page (key pairs, subnets, security groups and
 * the instance types it offers all belong to the session's Region), so it cannot take an image
 * of another Region safely. It says so, and offers to switch the window to the image's Region.
 */
static void
offer_region_switch (AmImagesView *self,
                     AmImage      *image,
                     gboolean      template_mode)
{
  const char *region = am_image_get_region (image);
  const char *here = am_session_get_region (self->session);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *button = NULL;
  SwitchRun *run;

  /* Translators: the heading when launching an image of another Region, e.g. "Launch in eu-west-1?" */
  heading = g_strdup_printf (_("Launch in %s?"), region);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, NULL));
  adw_message_dialog_format_body (dialog,
                                  _("%s is in %s. The launch wizard works in this window’s Region, %s: its key "
                                    "pairs, subnets and security groups belong to that Region, so it cannot "
                                    "launch the image from here. Switch the window to %s, then the wizard "
                                    "opens on the image there."),
                                  am_image_get_image_id (image), region, here, region);
  /* Translators: the button that switches the window's Region, e.g. "_Switch to eu-west-1" */
  button = g_strdup_printf (_("_Switch to %s"), region);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "switch", button, NULL);
  adw_message_dialog_set_response_appearance (dialog, "switch", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "switch");
  adw_message_dialog_set_close_response (dialog, "cancel");
  run = g_new0 (SwitchRun, 1);
  run->self = g_object_ref (self);
  run->image = g_object_ref (image);
  run->template_mode = template_mode;
  g_signal_connect (dialog, "response", G_CALLBACK (switch_response_cb), run);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
image_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AmImagesView *self = AM_IMAGES_VIEW (widget);
  g_autoptr (GPtrArray) images = _am_images_view_get_selected_images (self);
  const char *action = strchr (action_name, '.') + 1;
  ActionRun *run;

  if (images->len == 0 || self->session == NULL)
    return;

  /* Launching and launch templates are the wizard's: it opens on the image; in template
   * mode its review saves the choices as a launch template instead of launching. */
  if (g_str_equal (action, "launch") || g_str_equal (action, "launch-template"))
    {
      AmImage *image = g_ptr_array_index (images, 0);
      gboolean template_mode = g_str_equal (action, "launch-template");

      if (!_am_images_view_selection_is_local (self) && am_image_get_region (image) != NULL)
        offer_region_switch (self, image, template_mode);
      else
        present_wizard (self, image, template_mode);
      return;
    }

  run = g_new0 (ActionRun, 1);
  run->self = g_object_ref (self);
  run->action = g_strdup (action);
  run->images = g_ptr_array_ref (images);
  am_image_actions_run (widget, self->session, action, images, image_action_done_cb, run);
}

void
_am_images_view_class_install_actions (GtkWidgetClass *widget_class)
{
  static const char *manage_actions[] = {
    "images.tags", "images.permissions", "images.description", "images.deprecation",
    "images.protection", "images.imds", "images.deregister", "images.copy", "images.launch",
    "images.launch-template", "images.remove-shared", "images.disable", "images.enable",
  };

  gtk_widget_class_install_action (widget_class, "images.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "images.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "images.restart-sandbox", NULL, restart_sandbox_action);
  gtk_widget_class_install_action (widget_class, "images.load", NULL, load_action);
  gtk_widget_class_install_action (widget_class, "images.copy-id", NULL, copy_id_action);
  gtk_widget_class_install_action (widget_class, "images.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "images.clear-filters", NULL, clear_filters_action);
  for (guint i = 0; i < G_N_ELEMENTS (manage_actions); i++)
    gtk_widget_class_install_action (widget_class, manage_actions[i], NULL, image_action);
}

static void
add_shortcut (GtkEventController *shortcuts,
              const char         *trigger,
              const char         *action_name)
{
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_named_action_new (action_name)));
}

void
_am_images_view_add_shortcuts (AmImagesView *self)
{
  GtkEventController *shortcuts;

  /* Managed scope: the window handles them wherever the focus is, while the view is shown. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  add_shortcut (shortcuts, "<Control>f", "images.focus-search");
  add_shortcut (shortcuts, "F5", "images.refresh");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  /* Local to the list: Ctrl+C in the search entry copies its text. */
  shortcuts = gtk_shortcut_controller_new ();
  add_shortcut (shortcuts, "<Control>c", "images.copy-id");
  add_shortcut (shortcuts, "Delete", "images.deregister");
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);
}
