/* am-window.c: the main Amiable window: header bar, profile and region, view switcher (its
 * actions are in am-window-actions.c, its profile menu and note in am-window-profiles.c)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-window"

#include "config.h"

#include <glib/gi18n.h>

#include "am-accounts.h"
#include "am-connection-monitor.h"
#include "am-images-view.h"
#include "am-instances-view.h"
#include "am-mfa-dialog.h"
#include "am-preferences-window.h"
#include "am-regions.h"
#include "am-accessible.h"
#include "am-tour-panel.h"
#include "am-window-private.h"


G_DEFINE_FINAL_TYPE (AmWindow, am_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

AmWindow *
am_window_new (AmApplication *application)
{
  g_autoptr (AmSession) session = NULL;

  g_return_val_if_fail (AM_IS_APPLICATION (application), NULL);

  session = am_session_new ();
  return am_window_new_with_session (application, session);
}

AmWindow *
am_window_new_with_session (AmApplication *application,
                            AmSession     *session)
{
  g_return_val_if_fail (AM_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (AM_IS_SESSION (session), NULL);

  return g_object_new (AM_TYPE_WINDOW,
                       "application", application,
                       "session", session,
                       NULL);
}

AmSession *
am_window_get_session (AmWindow *self)
{
  g_return_val_if_fail (AM_IS_WINDOW (self), NULL);

  return self->session;
}

void
am_window_show_view (AmWindow   *self,
                     const char *name)
{
  g_return_if_fail (AM_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    {
      g_warning ("No view named “%s”", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
am_window_get_visible_view (AmWindow *self)
{
  g_return_val_if_fail (AM_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
am_window_add_toast (AmWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (AM_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Connecting */

static void
am_window_connect_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (AmWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  /* Failures show in the error page through the session's state. */
  if (!am_session_connect_finish (AM_SESSION (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Connecting failed: %s", error->message);
}

void
am_window_connect (AmWindow   *self,
                   const char *profile_name,
                   const char *region)
{
  g_return_if_fail (AM_IS_WINDOW (self));

  am_session_connect_async (self->session, profile_name, region, self->cancellable,
                            am_window_connect_cb, g_object_ref (self));
}

/* Header bar */

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

/* The string filter behind @dropdown's search, or NULL. */
static GtkStringFilter *
find_search_filter (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    {
      GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (widget));
      GListModel *filtered = GTK_IS_SINGLE_SELECTION (selection)
                             ? gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)) : NULL;
      GtkFilter *filter = GTK_IS_FILTER_LIST_MODEL (filtered)
                          ? gtk_filter_list_model_get_filter (GTK_FILTER_LIST_MODEL (filtered)) : NULL;

      return GTK_IS_STRING_FILTER (filter) ? GTK_STRING_FILTER (filter) : NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStringFilter *found = find_search_filter (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* GTK 4.8's drop-down search matches only the start of region_label() ("US East (N.
 * Virginia) — us-east-1"), and gtk_drop_down_set_search_match_mode() is 4.12: make its
 * filter (made anew by set_model, which we call once) match any part, so "virginia",
 * "Tokyo", "us-west-2" and "Oregon" all find their region. */
static void
match_region_anywhere (GtkDropDown *dropdown)
{
  GtkStringFilter *filter = find_search_filter (GTK_WIDGET (dropdown));

  if (filter == NULL)
    {
      g_warning ("The region list's search filter was not found; search matches only the start");
      return;
    }
  gtk_string_filter_set_match_mode (filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (filter, TRUE);
}

/* The button shows the short code; the list also the place. */
static void
region_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  gboolean in_list = GPOINTER_TO_INT (user_data);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  if (in_list)
    {
      GtkWidget *code = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (code), 0);
      gtk_widget_add_css_class (code, "dim-label");
      gtk_widget_add_css_class (code, "caption");
      gtk_box_append (GTK_BOX (box), code);
    }
  gtk_list_item_set_child (item, box);
}

static void
region_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  gboolean in_list = GPOINTER_TO_INT (user_data);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  const char *code = gtk_string_object_get_string (gtk_list_item_get_item (item));
  const char *place = am_regions_get_display_name (code);

  if (!in_list)
    {
      gtk_label_set_label (GTK_LABEL (label), code);
      gtk_widget_set_tooltip_text (box, place);
      return;
    }

  gtk_label_set_label (GTK_LABEL (label), place ? place : code);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (label)), place ? code : NULL);
  gtk_widget_set_visible (gtk_widget_get_next_sibling (label), place != NULL);
}

static GtkListItemFactory *
region_factory_new (gboolean in_list)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (region_setup_cb), GINT_TO_POINTER (in_list));
  g_signal_connect (factory, "bind", G_CALLBACK (region_bind_cb), GINT_TO_POINTER (in_list));
  return factory;
}

static void
am_window_set_regions (AmWindow           *self,
                       const char * const *names)
{
  const char *current = am_session_get_region (self->session);
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (all, (char *) names[i]);
  /* The current region stays choosable even when the list does not name it. */
  if (current != NULL && !g_strv_contains (names, current))
    g_ptr_array_add (all, (char *) current);
  g_ptr_array_add (all, NULL);

  self->updating_regions = TRUE;
  gtk_string_list_splice (self->regions, 0, g_list_model_get_n_items (G_LIST_MODEL (self->regions)),
                          (const char * const *) all->pdata);
  for (guint i = 0; current != NULL && i < all->len - 1; i++)
    if (g_strcmp0 (all->pdata[i], current) == 0)
      selected = i;
  gtk_drop_down_set_selected (self->region_dropdown, selected);
  self->updating_regions = FALSE;
}

static void
am_window_regions_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (AmWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) names = NULL;

  names = am_session_list_regions_finish (AM_SESSION (object), result, &error);
  if (names == NULL)
    {
      /* The offline list stays; this is not worth interrupting the user for. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("DescribeRegions failed: %s", error->message);
      return;
    }
  if (names[0] != NULL)
    am_window_set_regions (self, (const char * const *) names);
}

void
_am_window_update_header (AmWindow *self)
{
  const char *profile = am_session_get_profile_name (self->session);
  const char *account = am_session_get_account (self->session);
  const char *endpoint = am_session_get_endpoint (self->session);
  gboolean sandbox = am_session_is_sandbox (self->session);
  g_autofree char *description = NULL;
  g_autofree char *tooltip = NULL;

  gtk_label_set_label (self->profile_label, profile ? profile : _("No Profile"));
  gtk_image_set_from_icon_name (self->profile_icon, sandbox ? "applications-science-symbolic"
                                                            : "avatar-default-symbolic");
  /* On the sandbox the pill is the name: "Sandbox Sandbox" would only stutter. */
  gtk_widget_set_visible (GTK_WIDGET (self->sandbox_pill), sandbox);
  gtk_widget_set_visible (GTK_WIDGET (self->profile_label), !sandbox);

  if (sandbox)
    description = g_strdup_printf (_("Built-in sandbox, demonstration account %s at %s. Nothing here is real."),
                                   account ? account : "?", endpoint ? endpoint : "?");
  else if (account != NULL && endpoint != NULL)
    description = g_strdup_printf (_("Account %s at %s"), account, endpoint);
  else if (endpoint != NULL)
    description = g_strdup_printf (_("Endpoint %s"), endpoint);
  else
    description = g_strdup (_("Not connected"));
  gtk_label_set_label (self->account_label, description);

  /* Translators: tooltip of the profile button; %s is the profile's name */
  tooltip = g_strdup_printf (_("Profile: %s"), profile ? profile : _("none"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->profile_button), tooltip);
}

/* Reachable, retrying, offline since HH:MM: what the requests to the session's endpoint last
 * met, as the transport reported it. Hidden until a request has ended. */
static void
am_window_update_connection (AmWindow *self)
{
  AmConnectionMonitor *monitor = am_connection_monitor_get_default ();
  g_autoptr (GDateTime) since = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *time = NULL;
  const char *icon = NULL;
  const char *css = NULL;
  AmConnectionState state;

  g_free (self->connection_host);
  self->connection_host = am_connection_monitor_host_for_url (am_session_get_endpoint (self->session));
  state = am_connection_monitor_get_state (monitor, self->connection_host, &since);
  if (since != NULL)
    time = g_date_time_format (since, "%H:%M");

  switch (state)
    {
    case AM_CONNECTION_REACHABLE:
      text = g_strdup (_("Reachable"));
      icon = "network-transmit-receive-symbolic";
      css = "success";
      tooltip = g_strdup_printf (_("%s answered the last request."), am_session_get_endpoint (self->session));
      break;
    case AM_CONNECTION_RETRYING:
      text = g_strdup (_("Retrying…"));
      icon = "network-idle-symbolic";
      css = "warning";
      tooltip = g_strdup_printf (_("%s did not answer; asking again."), am_session_get_endpoint (self->session));
      break;
    case AM_CONNECTION_OFFLINE:
      /* Translators: %s is a time of day, e.g. 14:05 */
      text = g_strdup_printf (_("Offline since %s"), time);
      icon = "network-offline-symbolic";
      css = "error";
      tooltip = g_strdup_printf (_("%s could not be reached since %s. Check the network connection and the endpoint."),
                                 am_session_get_endpoint (self->session), time);
      break;
    case AM_CONNECTION_UNKNOWN:
    default:
      break;
    }

  gtk_widget_set_visible (self->connection_box, text != NULL);
  if (text == NULL)
    return;
  gtk_label_set_label (self->connection_label, text);
  gtk_image_set_from_icon_name (self->connection_icon, icon);
  gtk_widget_remove_css_class (self->connection_box, "success");
  gtk_widget_remove_css_class (self->connection_box, "warning");
  gtk_widget_remove_css_class (self->connection_box, "error");
  gtk_widget_add_css_class (self->connection_box, css);
  gtk_widget_set_tooltip_text (self->connection_box, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->connection_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

static void
am_window_connection_changed_cb (AmConnectionMonitor *monitor,
                                 const char          *host,
                                 gpointer             user_data)
{
  AmWindow *self = user_data;

  if (g_strcmp0 (host, self->connection_host) == 0)
    am_window_update_connection (self);
}

static void
am_window_update_state (AmWindow *self)
{
  AmSessionState state = am_session_get_state (self->session);

  gtk_spinner_set_spinning (self->connecting_spinner, state == AM_SESSION_STATE_CONNECTING);

  switch (state)
    {
    case AM_SESSION_STATE_CONNECTING:
      {
        g_autofree char *description = NULL;

        if (am_session_get_profile_name (self->session) != NULL)
          description = g_strdup_printf (_("Switching to profile “%s”."), am_session_get_profile_name (self->session));
        adw_status_page_set_description (self->connecting_page, description);
        gtk_stack_set_visible_child_name (self->main_stack, "connecting");
      }
      break;

    case AM_SESSION_STATE_FAILED:
      {
        const GError *error = am_session_get_error (self->session);

        adw_status_page_set_description (self->error_page, error ? error->message : NULL);
        gtk_stack_set_visible_child_name (self->main_stack, "error");
      }
      break;

    case AM_SESSION_STATE_READY:
      g_cancellable_cancel (self->regions_cancellable);
      g_clear_object (&self->regions_cancellable);
      self->regions_cancellable = g_cancellable_new ();
      am_session_list_regions_async (self->session, self->regions_cancellable,
                                     am_window_regions_cb, g_object_ref (self));
      G_GNUC_FALLTHROUGH;
    case AM_SESSION_STATE_DISCONNECTED:
    default:
      gtk_stack_set_visible_child_name (self->main_stack, "content");
      break;
    }
  _am_window_update_profiles_banner (self);

  _am_window_update_header (self);
  am_window_update_connection (self);
}

static void
am_window_session_region_cb (AmWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->regions));
  const char *region = am_session_get_region (self->session);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->regions, i), region) == 0)
      {
        self->updating_regions = TRUE;
        gtk_drop_down_set_selected (self->region_dropdown, i);
        self->updating_regions = FALSE;
        return;
      }
  if (region != NULL)
    {
      g_autoptr (GPtrArray) names = g_ptr_array_new ();

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (names, (char *) gtk_string_list_get_string (self->regions, i));
      g_ptr_array_add (names, NULL);
      am_window_set_regions (self, (const char * const *) names->pdata);
    }
}

static void
am_window_region_selected_cb (AmWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->region_dropdown);
  const char *region;

  if (self->updating_regions || selected == GTK_INVALID_LIST_POSITION)
    return;

  region = gtk_string_list_get_string (self->regions, selected);
  if (g_strcmp0 (region, am_session_get_region (self->session)) == 0)
    return;

  am_window_connect (self, am_session_get_profile_name (self->session), region);
}

/* Window */

static void
am_window_save_size (AmWindow *self)
{
  int width;
  int height;

  /* The default size is what the user resized to, not the maximized size. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
am_window_close_request (GtkWindow *window)
{
  am_window_save_size (AM_WINDOW (window));

  return GTK_WINDOW_CLASS (am_window_parent_class)->close_request (window);
}

static void
am_window_constructed (GObject *object)
{
  AmWindow *self = AM_WINDOW (object);
  int width;
  int height;

  G_OBJECT_CLASS (am_window_parent_class)->constructed (object);

  if (self->session == NULL)
    self->session = am_session_new ();

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "last-view", self->view_stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);

  am_images_view_set_session (self->images_view, self->session);
  am_instances_view_set_session (self->instances_view, self->session);
  am_snapshots_view_set_session (self->snapshots_view, self->session);
  am_session_set_mfa_prompt (self->session, am_mfa_dialog_prompt, self, NULL);
  g_signal_connect_object (self->session, "notify::state", G_CALLBACK (am_window_update_state),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::profile-name", G_CALLBACK (_am_window_update_header),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::region", G_CALLBACK (am_window_session_region_cb),
                           self, G_CONNECT_SWAPPED);

  self->connection_handler = g_signal_connect (am_connection_monitor_get_default (), "changed",
                                               G_CALLBACK (am_window_connection_changed_cb), self);
  am_window_set_regions (self, am_regions_get_offline ());
  g_signal_connect_object (self->region_dropdown, "notify::selected", G_CALLBACK (am_window_region_selected_cb),
                           self, G_CONNECT_SWAPPED);
  am_window_update_state (self);
}

static void
am_window_dispose (GObject *object)
{
  AmWindow *self = AM_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->regions_cancellable);
  g_clear_handle_id (&self->select_source, g_source_remove);
  g_clear_pointer (&self->pending_instances, g_strfreev);
  g_clear_signal_handler (&self->connection_handler, am_connection_monitor_get_default ());
  g_clear_pointer (&self->connection_host, g_free);
  if (self->session != NULL)
    am_session_set_mfa_prompt (self->session, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->regions_cancellable);
  g_clear_object (&self->regions);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (am_window_parent_class)->dispose (object);
}

static void
am_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AmWindow *self = AM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AmWindow *self = AM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Below this width the header's title is centred between its neighbours, not in the window:
 * the strict centring would reserve the wider side twice and keep the window wide. */
#define LOOSE_HEADER_WIDTH 720

static void
am_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  AmWindow *self = AM_WINDOW (widget);
  AdwCenteringPolicy policy = width < LOOSE_HEADER_WIDTH ? ADW_CENTERING_POLICY_LOOSE : ADW_CENTERING_POLICY_STRICT;

  /* Set before the children are allocated, so this allocation already uses it. */
  if (adw_header_bar_get_centering_policy (self->header_bar) != policy)
    adw_header_bar_set_centering_policy (self->header_bar, policy);
  GTK_WIDGET_CLASS (am_window_parent_class)->size_allocate (widget, width, height, baseline);
}

static void
am_window_class_init (AmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  g_type_ensure (AM_TYPE_IMAGES_VIEW);
  g_type_ensure (AM_TYPE_INSTANCES_VIEW);
  g_type_ensure (AM_TYPE_SNAPSHOTS_VIEW);

  object_class->constructed = am_window_constructed;
  object_class->dispose = am_window_dispose;
  object_class->get_property = am_window_get_property;
  object_class->set_property = am_window_set_property;
  window_class->close_request = am_window_close_request;
  widget_class->size_allocate = am_window_size_allocate;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         AM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/am-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, images_view);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, instances_view);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, snapshots_view);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, profile_button);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, profile_popover);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, account_label);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, profile_list);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, profile_icon);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, profile_label);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, sandbox_pill);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, connecting_page);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, connecting_spinner);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, connection_box);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, connection_icon);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, connection_label);
  gtk_widget_class_bind_template_callback_full (widget_class, "profile_popover_show_cb",
                                                G_CALLBACK (_am_window_profile_popover_show_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "profile_row_activated_cb",
                                                G_CALLBACK (_am_window_profile_row_activated_cb));

  _am_window_class_install_actions (widget_class);
}

static void
am_window_init (AmWindow *self)
{
  g_autoptr (GtkExpression) expression = NULL;
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The guided tour's side panel and its "tour." actions (src/ui/tour). */
  am_tour_panel_attach (self);
  am_accessible_fix_mnemonics (GTK_WIDGET (self));
  _am_window_build_profiles_banner (self);

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  self->regions = gtk_string_list_new (NULL);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (region_label), NULL, NULL);
  gtk_drop_down_set_expression (self->region_dropdown, expression);
  factory = region_factory_new (FALSE);
  gtk_drop_down_set_factory (self->region_dropdown, factory);
  g_object_unref (factory);
  factory = region_factory_new (TRUE);
  gtk_drop_down_set_list_factory (self->region_dropdown, factory);
  g_object_unref (factory);
  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (self->regions));
  match_region_anywhere (self->region_dropdown);
}
