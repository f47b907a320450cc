/* am-images-view.c: the Images view: scopes, search, facets, the image list and its details
 * (its columns, actions, details pane, listings and finding an image by ID are in am-images-view-*.c)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-images-view"

#include "config.h"

#include <glib/gi18n.h>

#include "am-adaptive.h"
#include "am-ec2-governance.h"
#include "am-images-view-private.h"
#include "am-launch-wizard.h"
#include "am-quick-start-view.h"
#include "am-session.h"

G_DEFINE_FINAL_TYPE (AmImagesView, am_images_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SCOPE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

void
_am_images_view_scroll_to_top (AmImagesView *self)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

  if (vadjustment != NULL && gtk_adjustment_get_value (vadjustment) > gtk_adjustment_get_lower (vadjustment))
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
}

/* --- states ------------------------------------------------------------------------------- */

static void
show_status (AmImagesView *self,
             const char   *state,
             const char   *icon_name,
             const char   *title,
             const char   *description,
             const char   *button_label,
             const char   *button_action)
{
  self->state = state;
  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->status_spinner), g_strcmp0 (state, "loading") == 0);
  gtk_spinner_set_spinning (self->status_spinner, g_strcmp0 (state, "loading") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->status_button), button_label != NULL);
  if (button_label != NULL)
    {
      gtk_button_set_label (self->status_button, button_label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->status_button), button_action);
    }
  gtk_stack_set_visible_child_name (self->stack, "status");
}

const GError *
_am_images_view_current_error (AmImagesView *self)
{
  if (self->store != NULL)
    return self->retry_id != 0 ? NULL : am_image_store_get_error (self->store);
  if (self->scope == AM_IMAGES_SCOPE_QUICK_START)
    return self->quick_start_error;
  if (self->scope == AM_IMAGES_SCOPE_ALL_REGIONS)
    return _am_images_view_all_regions_error (self);
  return NULL;
}

char *
_am_images_view_describe_error (AmImagesView *self,
                                const GError *error)
{
  return am_error_state_summarize (error,
                                   self->session != NULL ? am_session_get_profile_name (self->session) : NULL,
                                   self->session != NULL ? am_session_get_endpoint (self->session) : NULL);
}

static void
show_error (AmImagesView *self,
            const char   *title,
            const GError *error,
            const char   *button_label,
            const char   *button_action)
{
  self->state = "error";
  am_error_state_set_error (self->error_state, title, error, "DescribeImages",
                            self->session != NULL ? am_session_get_profile_name (self->session) : NULL,
                            self->session != NULL ? am_session_get_endpoint (self->session) : NULL);
  am_error_state_set_action (self->error_state, button_label, button_action);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* The built-in sandbox ended: said in place of the listing, whatever it held. */
static gboolean
show_sandbox_error (AmImagesView *self)
{
  const GError *error = self->session != NULL && !self->source_override
                        ? am_session_get_sandbox_error (self->session) : NULL;

  if (error == NULL)
    return FALSE;
  show_error (self, _("The Sandbox Stopped"), error, _("_Restart Sandbox"), "images.restart-sandbox");
  return TRUE;
}

/* Returns TRUE when the session's state (not the listing) decides what is shown. */
static gboolean
update_session_state (AmImagesView *self)
{
  if (self->session == NULL)
    {
      show_status (self, "no-session", "dialog-password-symbolic", _("No Account"),
                   _("Choose a profile and a region in the header bar to list their images."),
                   NULL, NULL);
      return TRUE;
    }

  switch (am_session_get_state (self->session))
    {
    case AM_SESSION_STATE_DISCONNECTED:
    case AM_SESSION_STATE_CONNECTING:
      show_status (self, "loading", NULL, _("Connecting…"), am_session_get_profile_name (self->session), NULL, NULL);
      return TRUE;
    case AM_SESSION_STATE_FAILED:
      {
        const GError *error = am_session_get_error (self->session);

        if (error == NULL)
          {
            show_status (self, "error", "dialog-password-symbolic", _("Could Not Connect"),
                         NULL, NULL, NULL);
            return TRUE;
          }
        show_error (self, _("Could Not Connect"), error, _("_Retry"), "images.refresh");
        return TRUE;
      }
    case AM_SESSION_STATE_READY:
    default:
      return FALSE;
    }
}

/* "2 of 2 images" under the list: what the search and the filters leave of the listing. */
static void
update_shown_count (AmImagesView *self,
                    guint         n_visible,
                    guint         n_total)
{
  g_autofree char *text = g_strdup_printf (ngettext ("%u of %u image", "%u of %u images", n_total),
                                           n_visible, n_total);
  g_autofree char *storage = _am_images_view_storage_text (self);

  if (storage != NULL)
    {
      g_autofree char *count = g_steal_pointer (&text);

      text = g_strdup_printf ("%s · %s", count, storage);
    }
  gtk_label_set_text (self->shown_count_label, text);
}

void
_am_images_view_update_state (AmImagesView *self)
{
  guint n_visible = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  guint n_total = am_image_list_model_get_n_total (self->list);

  update_shown_count (self, n_visible, n_total);

  if (show_sandbox_error (self))
    return;

  /* An image shown from outside the listing is in the details pane, beside the list. */
  if (n_visible > 0 || self->outside_image != NULL)
    {
      self->state = "list";
      /* Quick Start shows its images as a catalog of cards. */
      gtk_stack_set_visible_child_name (self->stack, self->scope == AM_IMAGES_SCOPE_QUICK_START ? "catalog" : "list");
      return;
    }

  if (n_total > 0)
    {
      show_status (self, "no-matches", "system-search-symbolic", _("No Matching Images"),
                   _("No image matches the search and the filters. Try other words, or clear the filters."),
                   _("_Clear Search and Filters"), "images.clear-filters");
      return;
    }

  if (self->loading)
    {
      show_status (self, "loading", NULL, _("Loading Images…"), NULL, NULL, NULL);
      return;
    }

  if (!self->source_override && update_session_state (self))
    return;

  if (_am_images_view_current_error (self) != NULL)
    {
      show_error (self, _("Could Not List Images"), _am_images_view_current_error (self), _("_Retry"), "images.refresh");
      return;
    }

  /* Not loaded yet (a visit to Quick Start in between changes nothing about that). */
  if (!self->source_override && self->store == NULL
      && (self->scope == AM_IMAGES_SCOPE_PUBLIC || self->scope == AM_IMAGES_SCOPE_MARKETPLACE)
      && self->stores[self->scope] == NULL)
    {
      gboolean public = self->scope == AM_IMAGES_SCOPE_PUBLIC;

      show_status (self, "ask", public ? "folder-publicshare-symbolic" : "emblem-shared-symbolic",
                   public ? _("Public Images") : _("AWS Marketplace Images"),
                   public ? _("The public catalog holds tens of thousands of images from Amazon, vendors and the community. Listing it takes a while; it loads page by page, and you can search as it arrives.")
                          : _("Images sold or offered for free by vendors in the AWS Marketplace. Launching one subscribes you to its product. The listing loads page by page."),
                   public ? _("_Load Public Images") : _("_Load Marketplace Images"),
                   "images.load");
      return;
    }

  show_status (self, "empty", "media-optical-symbolic", _("No Images"),
               _("There are no images in this scope and region. Images you create from instances, or copy from other regions, appear under “Owned by Me”."),
               NULL, NULL);
}

static void
list_items_changed_cb (AmImagesView *self,
                       guint         position,
                       guint         removed,
                       guint         added,
                       GListModel   *model)
{
  /* Halfway through a change, the list holds the old rows and the new ones. */
  if (am_image_list_model_is_replacing (self->list))
    return;

  _am_images_view_update_state (self);
  _am_images_view_queue_update_details (self);
  _am_images_view_follow_pending_image (self);
}

/* The list view inside the column view, which has the `list.` actions. */
static GtkWidget *
get_list_view (AmImagesView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

/*
 * Rows [@position, +@n_replaced) of the @n_before shown are being replaced, and the new rows
 * are already in the list before them. If the top of the view lies among the old rows (a
 * new search always starts at the top), the view moves to the first new row now: GTK 4.8
 * then gives the row widgets that leave the range it keeps (the old rows') to the new rows,
 * a rebind, where removing the old rows would destroy their widgets and build new ones.
 * The layout still describes the rows of before, all of one height.
 */
static void
rows_replacing_cb (AmImagesView     *self,
                   guint             position,
                   guint             n_replaced,
                   guint             n_before,
                   AmImageListModel *list)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  double upper;
  guint top = 0;
  GtkWidget *list_view;

  if (vadjustment != NULL)
    {
      upper = gtk_adjustment_get_upper (vadjustment) - gtk_adjustment_get_lower (vadjustment);
      if (upper > 0 && n_before > 0)
        top = (guint) ((gtk_adjustment_get_value (vadjustment) - gtk_adjustment_get_lower (vadjustment))
                       / upper * n_before);
    }
  if (top < position || top >= position + n_replaced)
    return;

  list_view = get_list_view (self);
  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
}

/* --- search and facets -------------------------------------------------------------------- */

static void
search_changed_cb (AmImagesView   *self,
                   GtkSearchEntry *entry)
{
  /* Scrolled before the change, while the layout is valid: new results show from their top. */
  _am_images_view_scroll_to_top (self);
  am_image_list_model_set_query (self->list, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
stop_search_cb (AmImagesView   *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* What the filter popover changes applies to the list at once. */
static void
facet_changed_cb (AmImagesView   *self,
                  guint           facet,
                  AmImageFilters *filters)
{
  _am_images_view_scroll_to_top (self);
  am_image_list_model_set_facet (self->list, facet, am_image_filters_get_facet_values (filters, facet));
}

static void
deprecated_changed_cb (AmImagesView   *self,
                       GParamSpec     *pspec,
                       AmImageFilters *filters)
{
  am_image_list_model_set_deprecated (self->list, am_image_filters_get_deprecated (filters));
}

static void
allowed_changed_cb (AmImagesView   *self,
                    GParamSpec     *pspec,
                    AmImageFilters *filters)
{
  am_image_list_model_set_allowed (self->list, am_image_filters_get_allowed (filters));
}

static void
newest_changed_cb (AmImagesView   *self,
                   GParamSpec     *pspec,
                   AmImageFilters *filters)
{
  am_image_list_model_set_newest_only (self->list, am_image_filters_get_newest_only (filters));
}

static void
tag_changed_cb (AmImagesView   *self,
                GParamSpec     *pspec,
                AmImageFilters *filters)
{
  am_image_list_model_set_tag (self->list, am_image_filters_get_tag_key (filters),
                               am_image_filters_get_tag_value (filters));
}

static void
n_active_changed_cb (AmImagesView   *self,
                     GParamSpec     *pspec,
                     AmImageFilters *filters)
{
  guint n = am_image_filters_get_n_active (filters);

  if (n > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", n);

      gtk_label_set_label (self->filter_count_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->filter_count_label), n > 0);
}

/* Quick Start is first in the scope list; the other rows follow the enum, All Regions last. */
#define SCOPE_ROW(scope) ((scope) == AM_IMAGES_SCOPE_ALL_REGIONS ? AM_IMAGES_SCOPE_ALL_REGIONS \
                          : ((scope) + 1) % (AM_IMAGES_SCOPE_QUICK_START + 1))
#define ROW_SCOPE(row) ((row) == AM_IMAGES_SCOPE_ALL_REGIONS ? AM_IMAGES_SCOPE_ALL_REGIONS \
                        : ((row) + AM_IMAGES_SCOPE_QUICK_START) % (AM_IMAGES_SCOPE_QUICK_START + 1))

static void
quick_start_launch_cb (AmImagesView *self,
                       AmImage      *image)
{
  am_launch_wizard_present_for_image (GTK_WIDGET (self), self->session, image);
}

static void
scope_selected_cb (AmImagesView *self,
                   GParamSpec   *pspec,
                   GtkDropDown  *dropdown)
{
  am_images_view_set_scope (self, ROW_SCOPE (gtk_drop_down_get_selected (dropdown)));
}

static void
selection_changed_cb (AmImagesView      *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *selection)
{
  _am_images_view_queue_update_details (self);
}

/* --- GObject ------------------------------------------------------------------------------ */

/* The window-wide shortcuts (Ctrl+F, F5) belong to the view on screen: a hidden view's
 * disabled actions let the key go to the visible one. */
static void
am_images_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (am_images_view_parent_class)->map (widget);
  gtk_widget_action_set_enabled (widget, "images.focus-search", TRUE);
  gtk_widget_action_set_enabled (widget, "images.refresh", TRUE);
}

static void
am_images_view_unmap (GtkWidget *widget)
{
  gtk_widget_action_set_enabled (widget, "images.focus-search", FALSE);
  gtk_widget_action_set_enabled (widget, "images.refresh", FALSE);
  GTK_WIDGET_CLASS (am_images_view_parent_class)->unmap (widget);
}

static void
am_images_view_dispose (GObject *object)
{
  AmImagesView *self = AM_IMAGES_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->allowed_cancellable);
  g_clear_object (&self->allowed_cancellable);
  g_cancellable_cancel (self->details_cancellable);
  g_clear_object (&self->details_cancellable);
  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->lookup_cancellable);
  g_clear_object (&self->pending_image);
  g_clear_object (&self->outside_image);
  g_clear_handle_id (&self->details_idle_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  _am_images_view_clear_stores (self);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_IMAGES_VIEW);

  g_clear_object (&self->session);
  g_clear_object (&self->list);
  g_clear_object (&self->filters);
  g_clear_object (&self->column_chooser);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (am_images_view_parent_class)->dispose (object);
}

static void
am_images_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AmImagesView *self = AM_IMAGES_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_SCOPE:
      g_value_set_int (value, self->scope);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_images_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AmImagesView *self = AM_IMAGES_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      am_images_view_set_session (self, g_value_get_object (value));
      break;
    case PROP_SCOPE:
      am_images_view_set_scope (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_images_view_class_init (AmImagesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_images_view_dispose;
  object_class->get_property = am_images_view_get_property;
  object_class->set_property = am_images_view_set_property;
  widget_class->map = am_images_view_map;
  widget_class->unmap = am_images_view_unmap;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         AM_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SCOPE] =
    g_param_spec_int ("scope", NULL, NULL,
                      AM_IMAGES_SCOPE_OWNED, AM_IMAGES_SCOPE_ALL_REGIONS, AM_IMAGES_SCOPE_OWNED,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AM_TYPE_IMAGE_DETAILS);
  g_type_ensure (AM_TYPE_QUICK_START_VIEW);
  g_type_ensure (AM_TYPE_IMAGE_FILTER_POPOVER);
  g_type_ensure (AM_TYPE_ERROR_STATE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/images/am-images-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, filter_count_label);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, shown_count_label);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, view_menu_button);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, view_menu);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, banner_label);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, banner_button);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, stack);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, column_view);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, details);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, quick_start_view);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, status_page);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, status_spinner);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, status_button);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, error_state);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, poll_spinner);

  _am_images_view_class_install_actions (widget_class);
}

static void
am_images_view_init (AmImagesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->state = "no-session";
  self->poll_interval_ms = 3000;

  self->settings = g_settings_new (APP_ID);
  self->list = am_image_list_model_new ();
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (list_items_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->list, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "rows-replacing", G_CALLBACK (rows_replacing_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->list));
  _am_images_view_setup_columns (self);
  am_adaptive_follow_list (self->column_view);

  self->filters = am_image_filters_new ();
  am_image_filter_popover_set_filters (self->filter_popover, self->filters, self->list);
  _am_images_view_show_allowed (self, FALSE);
  g_signal_connect_object (self->filters, "facet-changed", G_CALLBACK (facet_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filters, "notify::deprecated", G_CALLBACK (deprecated_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filters, "notify::allowed", G_CALLBACK (allowed_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filters, "notify::newest-only", G_CALLBACK (newest_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filters, "notify::include-disabled",
                           G_CALLBACK (_am_images_view_include_disabled_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filters, "notify::tag-key", G_CALLBACK (tag_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filters, "notify::tag-value", G_CALLBACK (tag_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filters, "notify::n-active", G_CALLBACK (n_active_changed_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_search_entry_set_search_delay (self->search_entry, 150);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb),
                           self, G_CONNECT_SWAPPED);
  am_quick_start_view_set_model (self->quick_start_view, G_LIST_MODEL (self->list));
  g_signal_connect_object (self->quick_start_view, "launch", G_CALLBACK (quick_start_launch_cb), self, G_CONNECT_SWAPPED);
  gtk_drop_down_set_selected (self->scope_dropdown, SCOPE_ROW (self->scope));
  g_signal_connect_object (self->scope_dropdown, "notify::selected", G_CALLBACK (scope_selected_cb),
                           self, G_CONNECT_SWAPPED);
  _am_images_view_add_shortcuts (self);

  _am_images_view_update_actions (self, 0);
  _am_images_view_update_state (self);
}

GtkWidget *
am_images_view_new (void)
{
  return g_object_new (AM_TYPE_IMAGES_VIEW, NULL);
}

AmSession *
am_images_view_get_session (AmImagesView *self)
{
  g_return_val_if_fail (AM_IS_IMAGES_VIEW (self), NULL);

  return self->session;
}

void
am_images_view_set_session (AmImagesView *self,
                            AmSession    *session)
{
  g_return_if_fail (AM_IS_IMAGES_VIEW (self));
  g_return_if_fail (session == NULL || AM_IS_SESSION (session));

  if (self->session == session)
    return;

  _am_images_view_forget_image_request (self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::client", G_CALLBACK (_am_images_view_session_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::state", G_CALLBACK (_am_images_view_session_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::sandbox-error", G_CALLBACK (_am_images_view_sandbox_error_changed),
                               self, G_CONNECT_SWAPPED);
    }
  _am_images_view_show_scope (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

AmImagesScope
am_images_view_get_scope (AmImagesView *self)
{
  g_return_val_if_fail (AM_IS_IMAGES_VIEW (self), AM_IMAGES_SCOPE_OWNED);

  return self->scope;
}

void
am_images_view_set_scope (AmImagesView  *self,
                          AmImagesScope  scope)
{
  g_return_if_fail (AM_IS_IMAGES_VIEW (self));
  g_return_if_fail (scope <= AM_IMAGES_SCOPE_ALL_REGIONS);

  if (self->scope == scope)
    return;

  _am_images_view_forget_image_request (self);
  self->scope = scope;
  gtk_drop_down_set_selected (self->scope_dropdown, SCOPE_ROW (scope));
  _am_images_view_show_scope (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCOPE]);
}

/* --- private API for tests ---------------------------------------------------------------- */

void
_am_images_view_apply_search (AmImagesView *self)
{
  search_changed_cb (self, self->search_entry);
}

void
_am_images_view_set_facet (AmImagesView *self,
                           AmImageFacet  facet,
                           const char   *value,
                           gboolean      active)
{
  am_image_filter_popover_rebuild (self->filter_popover);
  am_image_filter_popover_set_active (self->filter_popover, facet, value, active);
}

