/* am-images-view.c: the Images view: scopes, search, facets, the image list and its details
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-images-view"

#include "config.h"

#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gi18n.h>

#include "am-autoscaling-client.h"
#include "am-aws-error.h"
#include "am-column-order.h"
#include "am-error-state.h"
#include "am-image-actions.h"
#include "am-launch-wizard.h"
#include "am-image-attribute.h"
#include "am-image-cell.h"
#include "am-image-details.h"
#include "am-image-list-model.h"
#include "am-image-store.h"
#include "am-images-view.h"
#include "am-images-view-private.h"
#include "am-quick-start-view.h"
#include "am-session.h"

struct _AmImagesView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkDropDown *scope_dropdown;
  GtkSearchEntry *search_entry;
  GtkMenuButton *filter_button;
  GtkPopover *filter_popover;
  GtkBox *filter_box;
  GtkLabel *filter_count_label;
  GtkLabel *shown_count_label;
  GtkMenuButton *view_menu_button;
  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  GtkButton *banner_button;
  GtkRevealer *progress_revealer;
  GtkProgressBar *progress_bar;
  GtkStack *stack;
  GtkColumnView *column_view;
  AmImageDetails *details;
  AmQuickStartView *quick_start_view;
  AdwStatusPage *status_page;
  AmErrorState *error_state;
  GtkSpinner *status_spinner;
  GtkButton *status_button;
  GtkSpinner *poll_spinner;

  /* owned references */
  AmSession *session;
  AmEc2Client *client;            /* the session's client the stores below belong to */
  AmImageStore *stores[AM_IMAGES_SCOPE_QUICK_START];   /* per server-side scope, made on demand */
  AmImageStore *store;            /* the one shown (borrowed from stores[]) */
  GListStore *quick_start;        /* the Quick Start images */
  GError *quick_start_error;
  AmImageListModel *list;         /* also the selection model */
  GtkColumnViewColumn *columns[AM_IMAGE_N_COLUMNS];
  GObject *probe[2];
  GSimpleActionGroup *column_actions;
  GSettings *settings;            /* shown columns and sort, kept between runs */
  GCancellable *cancellable;      /* Quick Start lookups */
  GCancellable *details_cancellable;
  GCancellable *lookup_cancellable;   /* an image asked for by ID that is not listed */
  AmImage *outside_image;         /* shown in the details pane though the listing lacks it */
  AmImage *pending_image;         /* to select once its scope's listing has it */

  /* state */
  AmImagesScope scope;
  const char *state;
  gboolean loading;
  gboolean source_override;
  gboolean quick_start_loading;
  guint details_idle_id;
  gboolean permissions_stale;     /* ask again who may launch the shown image */
  guint retry_id;
  guint n_retries;
  guint poll_id;
  guint poll_interval_ms;
  guint follow_polls;             /* polls left after an image was made, pending or not */
  gboolean quiet_refresh;         /* the owned listing is refreshed by a poll: no progress bar */
  int probed_column;
};

G_DEFINE_FINAL_TYPE (AmImagesView, am_images_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SCOPE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct
{
  const char *id;
  const char *title;
  int fixed_width;
  gboolean visible;
} ColumnInfo;

/*
 * Sized for their content (an AMI ID, a 12-digit account, "2024-05-01 12:34") in DejaVu Sans
 * 10, wider than Cantarell, so that at the main window's default size (1100 px) Name through
 * Created fit beside the details pane; Name takes whatever is left, and more as the window
 * grows.
 */
static const ColumnInfo column_info[AM_IMAGE_N_COLUMNS] = {
  [AM_IMAGE_COLUMN_NAME] = { "name", N_("Name"), 76, TRUE },
  [AM_IMAGE_COLUMN_ID] = { "id", N_("AMI ID"), 180, TRUE },
  [AM_IMAGE_COLUMN_OWNER] = { "owner", N_("Owner"), 110, TRUE },
  [AM_IMAGE_COLUMN_PLATFORM] = { "platform", N_("Platform"), 86, TRUE },
  [AM_IMAGE_COLUMN_ARCHITECTURE] = { "architecture", N_("Architecture"), 92, TRUE },
  [AM_IMAGE_COLUMN_ROOT_DEVICE] = { "root-device", N_("Root Device"), 92, TRUE },
  [AM_IMAGE_COLUMN_VIRTUALIZATION] = { "virtualization", N_("Virtualization"), 110, FALSE },
  [AM_IMAGE_COLUMN_BOOT_MODE] = { "boot-mode", N_("Boot Mode"), 110, FALSE },
  [AM_IMAGE_COLUMN_CREATED] = { "created", N_("Created (UTC)"), 128, TRUE },
  [AM_IMAGE_COLUMN_STATE] = { "state", N_("State"), 90, FALSE },
  [AM_IMAGE_COLUMN_VISIBILITY] = { "visibility", N_("Visibility"), 90, FALSE },
  [AM_IMAGE_COLUMN_DEPRECATION] = { "deprecation", N_("Deprecation"), 120, FALSE },
};

static const char *facet_titles[AM_IMAGE_N_FACETS] = {
  [AM_IMAGE_FACET_PLATFORM] = N_("Platform"),
  [AM_IMAGE_FACET_ARCHITECTURE] = N_("Architecture"),
  [AM_IMAGE_FACET_ROOT_DEVICE] = N_("Root Device Type"),
  [AM_IMAGE_FACET_VIRTUALIZATION] = N_("Virtualization"),
  [AM_IMAGE_FACET_STATE] = N_("State"),
};

static void
follow_pending_image (AmImagesView *self);
static void
forget_image_request (AmImagesView *self);

/* --- cells -------------------------------------------------------------------------------- */

/* Cheap text for a cell: no allocation for most columns; @buffer holds formatted ones. */
static const char *
cell_text (AmImage       *image,
           AmImageColumn  column,
           char          *buffer,
           gsize          size)
{
  const char *text = NULL;

  switch (column)
    {
    case AM_IMAGE_COLUMN_NAME:
      text = am_image_get_name (image);
      break;
    case AM_IMAGE_COLUMN_ID:
      text = am_image_get_image_id (image);
      break;
    case AM_IMAGE_COLUMN_OWNER:
      text = am_image_get_owner_alias (image);
      if (text == NULL)
        text = am_image_get_owner_id (image);
      break;
    case AM_IMAGE_COLUMN_PLATFORM:
      text = am_image_list_model_get_facet_value (image, AM_IMAGE_FACET_PLATFORM);
      break;
    case AM_IMAGE_COLUMN_ARCHITECTURE:
      text = am_image_get_architecture (image);
      break;
    case AM_IMAGE_COLUMN_ROOT_DEVICE:
      text = am_image_get_root_device_type (image);
      break;
    case AM_IMAGE_COLUMN_VIRTUALIZATION:
      text = am_image_get_virtualization_type (image);
      break;
    case AM_IMAGE_COLUMN_BOOT_MODE:
      text = am_image_get_boot_mode (image);
      break;
    case AM_IMAGE_COLUMN_CREATED:
      {
        const char *date = am_image_get_creation_date (image);

        /* "2024-05-01T12:34:56.000Z" → "2024-05-01 12:34" without parsing. */
        if (date != NULL && strlen (date) >= 16)
          {
            g_snprintf (buffer, size, "%.10s %.5s", date, date + 11);
            text = buffer;
          }
        else
          text = date;
      }
      break;
    case AM_IMAGE_COLUMN_STATE:
      text = am_image_get_state (image);
      break;
    case AM_IMAGE_COLUMN_VISIBILITY:
      text = am_image_get_is_public (image) ? _("Public") : _("Private");
      break;
    case AM_IMAGE_COLUMN_DEPRECATION:
      {
        const char *when = am_image_get_deprecation_time (image);

        if (am_image_get_is_deprecated (image))
          text = _("Deprecated");
        else if (when != NULL && strlen (when) >= 10)
          {
            g_snprintf (buffer, size, _("From %.10s"), when);
            text = buffer;
          }
      }
      break;
    case AM_IMAGE_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  return text != NULL ? text : "";
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  gtk_list_item_set_child (item, am_image_cell_new ());
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  AmImageColumn column = GPOINTER_TO_UINT (user_data);
  AmImage *image = gtk_list_item_get_item (item);
  char buffer[64];

  am_image_cell_set_text (AM_IMAGE_CELL (gtk_list_item_get_child (item)),
                          cell_text (image, column, buffer, sizeof buffer));
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  am_image_cell_set_text (AM_IMAGE_CELL (gtk_list_item_get_child (item)), NULL);
}

static void
scroll_to_top (AmImagesView *self)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));

  if (vadjustment != NULL && gtk_adjustment_get_value (vadjustment) > gtk_adjustment_get_lower (vadjustment))
    gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
}

/* --- sorting ------------------------------------------------------------------------------ */

/*
 * The list is sorted by AmImageListModel over plain arrays, not by a GtkSortListModel; the
 * column view's sorter only tells which header was clicked. GTK 4.8 has no getter for the
 * primary sort column, so each column's sorter recognizes two probe objects: comparing them
 * through the column view's sorter reaches the primary column's sorter first, which records
 * itself, and the sign of the result gives the direction.
 */
static int
probe_sort_func (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  AmImagesView *self = g_object_get_data (G_OBJECT (a), "am-images-view");

  if (self == NULL)
    return GTK_ORDERING_EQUAL;

  self->probed_column = GPOINTER_TO_INT (user_data);
  return GTK_ORDERING_SMALLER;
}

static void
column_view_sorter_changed_cb (AmImagesView *self,
                               GtkSorterChange change,
                               GtkSorter    *sorter)
{
  GtkOrdering order;

  /* Columns removed while the view is disposed change the sorter too. */
  if (self->probe[0] == NULL || self->list == NULL)
    return;

  self->probed_column = -1;
  order = gtk_sorter_compare (sorter, self->probe[0], self->probe[1]);
  if (self->probed_column < 0)
    return;

  /* Scrolled before the change, while the layout is valid: new results show from their top. */
  scroll_to_top (self);
  am_image_list_model_set_sort (self->list, self->probed_column, order == GTK_ORDERING_LARGER);
  if (self->settings != NULL)
    {
      g_settings_set_string (self->settings, "image-sort", column_info[self->probed_column].id);
      g_settings_set_boolean (self->settings, "image-sort-descending", order == GTK_ORDERING_LARGER);
    }
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

static const GError *
current_error (AmImagesView *self)
{
  if (self->store != NULL)
    return self->retry_id != 0 ? NULL : am_image_store_get_error (self->store);
  if (self->scope == AM_IMAGES_SCOPE_QUICK_START)
    return self->quick_start_error;
  return NULL;
}

static char *
describe_error (AmImagesView *self,
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

  gtk_label_set_text (self->shown_count_label, text);
}

static void
update_state (AmImagesView *self)
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

  if (current_error (self) != NULL)
    {
      show_error (self, _("Could Not List Images"), current_error (self), _("_Retry"), "images.refresh");
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
update_filter_count (AmImagesView *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *check;
      GtkEditable *tag_key = g_object_get_data (G_OBJECT (child), "am-tag-key");

      /* A tag filter counts once, key alone or key and value. */
      if (tag_key != NULL && gtk_editable_get_text (tag_key)[0] != '\0')
        n++;

      for (check = gtk_widget_get_first_child (child); check != NULL; check = gtk_widget_get_next_sibling (check))
        if (GTK_IS_CHECK_BUTTON (check) && gtk_check_button_get_active (GTK_CHECK_BUTTON (check))
            && g_object_get_data (G_OBJECT (check), "am-deprecated-any") == NULL)
          n++;
    }

  if (n > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", n);

      gtk_label_set_label (self->filter_count_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->filter_count_label), n > 0);
}

/* --- details and actions ------------------------------------------------------------------ */

/* The images the actions apply to: the selected ones, or else the image shown from outside
 * the listing (never the account's own: those are listed under Owned by Me). */
static GPtrArray *
selected_images (AmImagesView *self)
{
  GPtrArray *images = am_image_list_model_get_selected_images (self->list);

  if (images->len == 0 && self->outside_image != NULL)
    g_ptr_array_add (images, g_object_ref (self->outside_image));

  return images;
}

static void
update_actions (AmImagesView *self,
                guint         n_selected)
{
  gboolean manage = (self->session != NULL && self->scope == AM_IMAGES_SCOPE_OWNED
                     && self->outside_image == NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.copy-id", n_selected == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.tags", manage && n_selected >= 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.deregister", manage && n_selected >= 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.permissions", manage && n_selected == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.description", manage && n_selected == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.deprecation", manage && n_selected == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.protection", manage && n_selected == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.imds", manage && n_selected == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.copy", self->session != NULL && n_selected == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.remove-shared",
                                 self->session != NULL && self->scope == AM_IMAGES_SCOPE_SHARED && n_selected == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.launch", self->session != NULL && n_selected == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.launch-template", self->session != NULL && n_selected == 1);
}

static void
permissions_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (AmImagesView) self = user_data;
  g_autoptr (AmImageAttribute) attribute = NULL;
  g_autoptr (GError) error = NULL;
  AmImage *image;

  attribute = am_ec2_client_describe_image_attribute_finish (AM_EC2_CLIENT (object), result, &error);
  if (attribute == NULL)
    {
      /* Unknown stays "only the owner can see": nothing to shout about. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read the launch permissions: %s", error->message);
      return;
    }

  image = am_image_details_get_image (self->details);
  if (image != NULL && g_strcmp0 (am_image_get_image_id (image), am_image_attribute_get_image_id (attribute)) == 0)
    am_image_details_set_launch_permissions (self->details, am_image_attribute_get_launch_permissions (attribute));
}

/* Auto Scaling groups use an image through their launch templates. */
static void
groups_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (AmImagesView) self = user_data;
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GError) error = NULL;
  GStrv template_ids = g_object_get_data (G_OBJECT (object), "am-template-ids");

  groups = am_autoscaling_client_describe_groups_finish (AM_AUTOSCALING_CLIENT (object), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (groups == NULL)
    {
      am_image_details_add_user (self->details, "autoscaling:AutoScalingGroup", NULL, error->message);
      return;
    }
  for (guint i = 0; i < groups->len; i++)
    {
      AmAutoScalingGroup *group = g_ptr_array_index (groups, i);
      const char *template_id = am_auto_scaling_group_get_launch_template_id (group);

      if (template_id != NULL && g_strv_contains ((const char * const *) template_ids, template_id))
        am_image_details_add_user (self->details, "autoscaling:AutoScalingGroup",
                                   am_auto_scaling_group_get_name (group), NULL);
    }
}

static void
start_groups (AmImagesView *self,
              GPtrArray    *references)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (AmAutoScalingClient) autoscaling = NULL;
  g_auto (GStrv) template_ids = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < references->len; i++)
    {
      AmImageReference *ref = g_ptr_array_index (references, i);
      const char *arn = am_image_reference_get_arn (ref);
      const char *slash = arn != NULL ? strchr (arn, '/') : NULL;

      if (slash != NULL && g_strcmp0 (am_image_reference_get_resource_type (ref), "ec2:LaunchTemplate") == 0)
        g_strv_builder_add (builder, slash + 1);
    }
  template_ids = g_strv_builder_end (builder);
  if (template_ids[0] == NULL)
    return;
  autoscaling = am_autoscaling_client_new_for_ec2_client (self->client, &error);
  if (autoscaling == NULL)
    {
      am_image_details_add_user (self->details, "autoscaling:AutoScalingGroup", NULL, error->message);
      return;
    }
  g_object_set_data_full (G_OBJECT (autoscaling), "am-template-ids", g_steal_pointer (&template_ids),
                          (GDestroyNotify) g_strfreev);
  am_autoscaling_client_describe_groups_async (autoscaling, NULL, 100, self->details_cancellable, groups_cb,
                                               g_object_ref (self));
}

static void references_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data);

/* What uses @image (its owner only may ask): instances, templates, parameters. */
static void
start_references (AmImagesView *self,
                  AmImage      *image)
{
  const char *ids[] = { am_image_get_image_id (image), NULL };

  /* A reply about an earlier image never arrives: choosing another cancels it. */
  am_ec2_client_describe_image_references_async (self->client, ids, self->details_cancellable,
                                                 references_cb, g_object_ref (self));
}

static void
references_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (AmImagesView) self = user_data;
  g_autoptr (GPtrArray) references = NULL;
  g_autoptr (GError) error = NULL;

  references = am_ec2_client_describe_image_references_finish (AM_EC2_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  am_image_details_set_references (self->details, references, error != NULL ? error->message : NULL);
  if (references != NULL)
    start_groups (self, references);
}

static gboolean
update_details_cb (gpointer user_data)
{
  AmImagesView *self = user_data;
  g_autoptr (GPtrArray) images = NULL;
  AmImage *image;
  gboolean changed;

  self->details_idle_id = 0;
  /* A row chosen in the list replaces an image shown from outside it. */
  if (self->outside_image != NULL && am_image_list_model_get_n_selected (self->list) > 0)
    {
      g_clear_object (&self->outside_image);
      update_state (self);
    }
  images = selected_images (self);
  image = images->len == 1 ? g_ptr_array_index (images, 0) : NULL;
  changed = image != am_image_details_get_image (self->details);
  am_image_details_set_manageable (self->details, self->session != NULL && self->scope == AM_IMAGES_SCOPE_OWNED
                                                  && self->outside_image == NULL);
  am_image_details_set_n_selected (self->details, images->len);
  am_image_details_set_image (self->details, image);
  update_actions (self, images->len);
  if (changed)
    am_image_lineage_set_image (am_image_details_get_lineage (self->details), self->client, image);

  /* Who may launch an image is only told to its owner. Sharing does not change the listed
   * image (isPublic stays), so a change or a refresh asks again (permissions_stale): the pane
   * always shows what EC2 last said. */
  if ((changed || self->permissions_stale) && image != NULL && self->client != NULL
      && self->scope == AM_IMAGES_SCOPE_OWNED && self->outside_image == NULL)
    {
      self->permissions_stale = FALSE;
      g_cancellable_cancel (self->details_cancellable);
      g_clear_object (&self->details_cancellable);
      self->details_cancellable = g_cancellable_new ();
      am_ec2_client_describe_image_attribute_async (self->client, am_image_get_image_id (image),
                                                    "launchPermission", self->details_cancellable,
                                                    permissions_cb, g_object_ref (self));
      start_references (self, image);
    }

  return G_SOURCE_REMOVE;
}

static void
queue_update_details (AmImagesView *self)
{
  if (self->details_idle_id == 0)
    self->details_idle_id = g_idle_add (update_details_cb, self);
}

static void
list_items_changed_cb (AmImagesView *self,
                       guint         position,
                       guint         removed,
                       guint         added,
                       GListModel   *model)
{
  update_state (self);
  queue_update_details (self);
  follow_pending_image (self);
}

static void
copy_id_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AmImagesView *self = AM_IMAGES_VIEW (widget);
  g_autoptr (GPtrArray) images = selected_images (self);

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

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AmImagesView *self = AM_IMAGES_VIEW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    for (GtkWidget *w = gtk_widget_get_first_child (child); w != NULL; w = gtk_widget_get_next_sibling (w))
      {
        if (GTK_IS_CHECK_BUTTON (w))
          gtk_check_button_set_active (GTK_CHECK_BUTTON (w),
                                       g_object_get_data (G_OBJECT (w), "am-deprecated-any") != NULL);
        else if (GTK_IS_EDITABLE (w))
          gtk_editable_set_text (GTK_EDITABLE (w), "");
      }
  am_image_list_model_clear_filters (self->list);
  update_filter_count (self);
}


/* --- search and facets -------------------------------------------------------------------- */

static void
search_changed_cb (AmImagesView   *self,
                   GtkSearchEntry *entry)
{
  /* Scrolled before the change, while the layout is valid: new results show from their top. */
  scroll_to_top (self);
  am_image_list_model_set_query (self->list, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
stop_search_cb (AmImagesView   *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
apply_facet (AmImagesView *self,
             AmImageFacet  facet)
{
  g_autoptr (GPtrArray) values = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    for (GtkWidget *w = gtk_widget_get_first_child (child); w != NULL; w = gtk_widget_get_next_sibling (w))
      if (GTK_IS_CHECK_BUTTON (w)
          && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (w), "am-facet")) == facet + 1
          && gtk_check_button_get_active (GTK_CHECK_BUTTON (w)))
        g_ptr_array_add (values, g_object_get_data (G_OBJECT (w), "am-facet-value"));
  g_ptr_array_add (values, NULL);

  scroll_to_top (self);
  am_image_list_model_set_facet (self->list, facet, (const char * const *) values->pdata);
  update_filter_count (self);
}

static void
facet_toggled_cb (AmImagesView   *self,
                  GtkCheckButton *check)
{
  apply_facet (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "am-facet")) - 1);
}

static void
deprecated_toggled_cb (AmImagesView   *self,
                       GtkCheckButton *check)
{
  AmImageDeprecatedFilter filter = AM_IMAGE_DEPRECATED_ANY;

  if (gtk_check_button_get_active (check) && g_object_get_data (G_OBJECT (check), "am-deprecated-any") != NULL)
    filter = AM_IMAGE_DEPRECATED_ANY;
  else if (gtk_check_button_get_active (check))
    filter = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "am-deprecated"));
  else
    {
      /* Both radio-like checks off: any. */
      GtkWidget *sibling;

      for (sibling = gtk_widget_get_first_child (gtk_widget_get_parent (GTK_WIDGET (check)));
           sibling != NULL; sibling = gtk_widget_get_next_sibling (sibling))
        if (GTK_IS_CHECK_BUTTON (sibling) && gtk_check_button_get_active (GTK_CHECK_BUTTON (sibling))
            && g_object_get_data (G_OBJECT (sibling), "am-deprecated") != NULL)
          filter = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (sibling), "am-deprecated"));
    }
  am_image_list_model_set_deprecated (self->list, filter);
  update_filter_count (self);
}

static void
tag_changed_cb (AmImagesView *self,
                GtkEditable  *editable)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (editable));
  GtkWidget *key_entry = g_object_get_data (G_OBJECT (box), "am-tag-key");
  GtkWidget *value_entry = g_object_get_data (G_OBJECT (box), "am-tag-value");

  am_image_list_model_set_tag (self->list,
                               gtk_editable_get_text (GTK_EDITABLE (key_entry)),
                               gtk_editable_get_text (GTK_EDITABLE (value_entry)));
  update_filter_count (self);
}

static GtkWidget *
facet_section (const char *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_bottom (label, 4);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Builds the facet checks from the values present in the listing, with their counts. */
static void
rebuild_facets (AmImagesView *self)
{
  g_autoptr (GHashTable) active = g_hash_table_new (NULL, NULL);
  GtkWidget *child;
  GtkWidget *section;
  GtkWidget *key_entry;
  GtkWidget *value_entry;
  GtkWidget *any_check;
  GtkWidget *hide_check;
  GtkWidget *only_check;
  char *old_key = NULL;
  char *old_value = NULL;
  gboolean hide_active = FALSE;
  gboolean only_active = FALSE;

  /* Keep what the user checked. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_box))) != NULL)
    {
      for (GtkWidget *w = gtk_widget_get_first_child (child); w != NULL; w = gtk_widget_get_next_sibling (w))
        {
          if (GTK_IS_CHECK_BUTTON (w) && gtk_check_button_get_active (GTK_CHECK_BUTTON (w)))
            {
              if (g_object_get_data (G_OBJECT (w), "am-facet-value") != NULL)
                g_hash_table_add (active, g_object_get_data (G_OBJECT (w), "am-facet-value"));
              else if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (w), "am-deprecated")) == AM_IMAGE_DEPRECATED_HIDE)
                hide_active = TRUE;
              else if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (w), "am-deprecated")) == AM_IMAGE_DEPRECATED_ONLY)
                only_active = TRUE;
            }
        }
      if (g_object_get_data (G_OBJECT (child), "am-tag-key") != NULL)
        {
          old_key = g_strdup (gtk_editable_get_text (g_object_get_data (G_OBJECT (child), "am-tag-key")));
          old_value = g_strdup (gtk_editable_get_text (g_object_get_data (G_OBJECT (child), "am-tag-value")));
        }
      gtk_box_remove (self->filter_box, child);
    }

  for (guint f = 0; f < AM_IMAGE_N_FACETS; f++)
    {
      g_autoptr (GHashTable) counts = am_image_list_model_count_facet (self->list, f);
      g_autofree gpointer *keys = NULL;
      guint n_keys = 0;

      /* Values the user checked stay even when the new listing has none of them. */
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, active);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self->filter_box), key)) == f + 1
            && !g_hash_table_contains (counts, key))
          g_hash_table_insert (counts, key, GUINT_TO_POINTER (0));

      if (g_hash_table_size (counts) == 0)
        continue;

      section = facet_section (_(facet_titles[f]));
      keys = g_hash_table_get_keys_as_array (counts, &n_keys);
      qsort (keys, n_keys, sizeof (gpointer), compare_strings);
      for (guint i = 0; i < n_keys; i++)
        {
          const char *value = keys[i];
          g_autofree char *label = g_strdup_printf ("%s (%u)", value[0] != '\0' ? value : _("not set"),
                                                    GPOINTER_TO_UINT (g_hash_table_lookup (counts, value)));
          GtkWidget *check = gtk_check_button_new_with_label (label);

          g_object_set_data (G_OBJECT (check), "am-facet", GUINT_TO_POINTER (f + 1));
          g_object_set_data (G_OBJECT (check), "am-facet-value", (gpointer) value);
          /* Remember the facet of each value so a checked value survives a rebuild. */
          g_object_set_data (G_OBJECT (self->filter_box), value, GUINT_TO_POINTER (f + 1));
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (active, value));
          g_signal_connect_object (check, "toggled", G_CALLBACK (facet_toggled_cb), self, G_CONNECT_SWAPPED);
          gtk_box_append (GTK_BOX (section), check);
        }
      gtk_box_append (self->filter_box, section);
    }

  section = facet_section (_("Deprecation"));
  any_check = gtk_check_button_new_with_label (_("All images"));
  hide_check = gtk_check_button_new_with_label (_("Hide deprecated images"));
  only_check = gtk_check_button_new_with_label (_("Only deprecated images"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (hide_check), GTK_CHECK_BUTTON (any_check));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (only_check), GTK_CHECK_BUTTON (any_check));
  g_object_set_data (G_OBJECT (any_check), "am-deprecated-any", GINT_TO_POINTER (TRUE));
  gtk_box_append (GTK_BOX (section), any_check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (any_check), !hide_active && !only_active);
  g_object_set_data (G_OBJECT (hide_check), "am-deprecated", GUINT_TO_POINTER (AM_IMAGE_DEPRECATED_HIDE));
  g_object_set_data (G_OBJECT (only_check), "am-deprecated", GUINT_TO_POINTER (AM_IMAGE_DEPRECATED_ONLY));
  gtk_box_append (GTK_BOX (section), hide_check);
  gtk_box_append (GTK_BOX (section), only_check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (hide_check), hide_active);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (only_check), only_active);
  g_signal_connect_object (hide_check, "toggled", G_CALLBACK (deprecated_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (only_check, "toggled", G_CALLBACK (deprecated_toggled_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->filter_box, section);

  section = facet_section (_("Tag"));
  key_entry = gtk_entry_new ();
  value_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (key_entry), _("Key"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (value_entry), _("Value (any when empty)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (key_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tag key"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (value_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tag value"), -1);
  gtk_editable_set_text (GTK_EDITABLE (key_entry), old_key != NULL ? old_key : "");
  gtk_editable_set_text (GTK_EDITABLE (value_entry), old_value != NULL ? old_value : "");
  g_object_set_data (G_OBJECT (section), "am-tag-key", key_entry);
  g_object_set_data (G_OBJECT (section), "am-tag-value", value_entry);
  g_signal_connect_object (key_entry, "changed", G_CALLBACK (tag_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (value_entry, "changed", G_CALLBACK (tag_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (section), key_entry);
  gtk_box_append (GTK_BOX (section), value_entry);
  gtk_box_append (self->filter_box, section);

  g_free (old_key);
  g_free (old_value);
  update_filter_count (self);
}

static void
filter_popover_show_cb (AmImagesView *self,
                        GtkPopover   *popover)
{
  rebuild_facets (self);
}

/* --- columns ------------------------------------------------------------------------------ */

/* Keeps the shown columns for the next run, in the table's order. */
static void
save_columns (AmImagesView *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) ids = NULL;

  if (self->settings == NULL)
    return;
  for (guint i = 0; i < AM_IMAGE_N_COLUMNS; i++)
    if (gtk_column_view_column_get_column_view (self->columns[i]) != NULL)
      g_strv_builder_add (builder, column_info[i].id);
  ids = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "image-columns", (const char * const *) ids);
}

static void
column_visible_changed_cb (GSimpleAction *action,
                           GVariant      *value,
                           gpointer       user_data)
{
  GtkColumnViewColumn *column = user_data;
  AmImagesView *self = g_object_get_data (G_OBJECT (column), "am-images-view");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column), "am-column"));
  gboolean shown = gtk_column_view_column_get_column_view (column) != NULL;

  g_simple_action_set_state (action, value);

  /* Hidden columns are taken out of the view, not made invisible (see am-column-order.h). */
  if (g_variant_get_boolean (value) && !shown)
    am_column_view_insert_in_order (self->column_view, column);
  else if (!g_variant_get_boolean (value) && shown)
    {
      gboolean was_sorted = (AmImageColumn) am_image_list_model_get_sort_column (self->list) == index;

      gtk_column_view_remove_column (self->column_view, column);

      /* GtkColumnViewSorter would promote an older column (arrows and order the user no
       * longer sees): start over from the default, newest first. */
      if (was_sorted)
        {
          GtkColumnViewColumn *created = self->columns[AM_IMAGE_COLUMN_CREATED];

          if (gtk_column_view_column_get_column_view (created) != NULL)
            gtk_column_view_sort_by_column (self->column_view, created, GTK_SORT_DESCENDING);
          else
            {
              gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_DESCENDING);
              scroll_to_top (self);
              am_image_list_model_set_sort (self->list, AM_IMAGE_COLUMN_CREATED, TRUE);
            }
        }
    }
  save_columns (self);
}

static void
setup_columns (AmImagesView *self)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) columns_menu = g_menu_new ();
  g_autoptr (GMenu) section = g_menu_new ();
  g_autoptr (GMenu) selection_section = g_menu_new ();

  g_auto (GStrv) saved = g_settings_get_strv (self->settings, "image-columns");
  g_autofree char *sort_id = g_settings_get_string (self->settings, "image-sort");
  gboolean descending = g_settings_get_boolean (self->settings, "image-sort-descending");
  gboolean any_saved = FALSE;
  GtkColumnViewColumn *sort_column = NULL;

  /* A list naming no known column (hand-edited, or from a later version) means the defaults. */
  for (guint i = 0; i < AM_IMAGE_N_COLUMNS; i++)
    any_saved |= g_strv_contains ((const char * const *) saved, column_info[i].id);

  self->column_actions = g_simple_action_group_new ();

  for (guint i = 0; i < AM_IMAGE_N_COLUMNS; i++)
    {
      gboolean visible = any_saved ? g_strv_contains ((const char * const *) saved, column_info[i].id)
                                   : column_info[i].visible;
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr (GtkSorter) sorter = NULL;
      g_autoptr (GSimpleAction) action = NULL;
      g_autofree char *action_name = NULL;
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), NULL);

      column = gtk_column_view_column_new (_(column_info[i].title), factory);
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_sort_func, GINT_TO_POINTER (i), NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      g_object_set_data (G_OBJECT (column), "am-images-view", self);
      g_object_set_data (G_OBJECT (column), "am-column", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (column), "am-column-id", (gpointer) column_info[i].id);
      gtk_column_view_column_set_fixed_width (column, column_info[i].fixed_width);
      gtk_column_view_column_set_expand (column, i == AM_IMAGE_COLUMN_NAME);
      if (visible)
        gtk_column_view_append_column (self->column_view, column);
      if (visible && g_strcmp0 (sort_id, column_info[i].id) == 0)
        sort_column = column;
      self->columns[i] = column;

      action = g_simple_action_new_stateful (column_info[i].id, NULL, g_variant_new_boolean (visible));
      g_signal_connect_object (action, "change-state", G_CALLBACK (column_visible_changed_cb), column, 0);
      g_action_map_add_action (G_ACTION_MAP (self->column_actions), G_ACTION (action));
      action_name = g_strdup_printf ("columns.%s", column_info[i].id);
      g_menu_append (columns_menu, _(column_info[i].title), action_name);
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "columns", G_ACTION_GROUP (self->column_actions));

  g_menu_append (section, _("_Refresh"), "images.refresh");
  g_menu_append (section, _("Copy Image _ID"), "images.copy-id");
  g_menu_append (section, _("_Clear Search and Filters"), "images.clear-filters");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  /* What applies to every selected image, so several can be changed without the keyboard. */
  g_menu_append (selection_section, _("Edit _Tags…"), "images.tags");
  g_menu_append (selection_section, _("De_register…"), "images.deregister");
  g_menu_append (selection_section, _("_Remove From My Account…"), "images.remove-shared");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (selection_section));
  g_menu_append_section (menu, _("Columns"), G_MENU_MODEL (columns_menu));
  gtk_menu_button_set_menu_model (self->view_menu_button, G_MENU_MODEL (menu));

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (column_view_sorter_changed_cb), self, G_CONNECT_SWAPPED);
  /* The sort of the last run, if its column is shown; else newest first. */
  if (sort_column != NULL)
    gtk_column_view_sort_by_column (self->column_view, sort_column,
                                    descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  else if (gtk_column_view_column_get_column_view (self->columns[AM_IMAGE_COLUMN_CREATED]) != NULL)
    gtk_column_view_sort_by_column (self->column_view, self->columns[AM_IMAGE_COLUMN_CREATED],
                                    GTK_SORT_DESCENDING);
  else
    am_image_list_model_set_sort (self->list, AM_IMAGE_COLUMN_CREATED, TRUE);
}

/* --- loading ------------------------------------------------------------------------------ */

static void
set_source (AmImagesView *self,
            GListModel   *source,
            gboolean      loading)
{
  self->loading = loading;
  am_image_list_model_set_sort_deferred (self->list, loading);
  am_image_list_model_set_source (self->list, source);
  update_state (self);
}

static void
update_loading (AmImagesView *self);
static void
update_polling (AmImagesView *self);

static char *
format_age (gint64 seconds)
{
  if (seconds < 90)
    return g_strdup (_("a minute ago"));
  if (seconds < 90 * 60)
    return g_strdup_printf (ngettext ("%d minute ago", "%d minutes ago", (int) (seconds / 60)), (int) (seconds / 60));
  if (seconds < 36 * 3600)
    return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", (int) (seconds / 3600)), (int) (seconds / 3600));
  return g_strdup_printf (ngettext ("%d day ago", "%d days ago", (int) (seconds / 86400)), (int) (seconds / 86400));
}

/* The progress bar, the banner (stale cache, failed refresh) and the status page. */
static void
update_loading (AmImagesView *self)
{
  gboolean loading = FALSE;
  guint n_loaded = 0;
  const GError *error = current_error (self);
  gboolean has_rows;

  if (self->store != NULL && self->retry_id != 0)
    error = NULL;

  if (self->store != NULL)
    {
      loading = (am_image_store_get_loading (self->store)
                 && !(self->quiet_refresh && self->store == self->stores[AM_IMAGES_SCOPE_OWNED]))
                || self->retry_id != 0;
      n_loaded = am_image_store_get_n_loaded (self->store);
      if (self->retry_id != 0)
        error = NULL;
    }
  else if (self->scope == AM_IMAGES_SCOPE_QUICK_START)
    loading = self->quick_start_loading;

  has_rows = am_image_list_model_get_n_total (self->list) > 0;

  /* A first listing sorts once when its last page is in; a cached one is sorted already and
   * a refresh's changes are sorted in as they come. */
  self->loading = loading && !has_rows;
  am_image_list_model_set_sort_deferred (self->list,
                                         loading && !(self->store != NULL
                                                      && am_image_store_get_from_cache (self->store)));

#ifdef __GLIBC__
  /* A long listing parsed in worker threads leaves their malloc arenas full of freed pages;
   * hand them back once it is in (tens of MB at 100k images). */
  if (!loading && gtk_revealer_get_reveal_child (self->progress_revealer)
      && am_image_list_model_get_n_total (self->list) > 10000)
    malloc_trim (0);
#endif

  gtk_revealer_set_reveal_child (self->progress_revealer, loading);
  if (loading)
    {
      g_autofree char *text = NULL;

      if (n_loaded > 0)
        text = g_strdup_printf (ngettext ("%u image so far", "%u images so far", n_loaded), n_loaded);
      else
        text = g_strdup (_("Asking for images…"));
      /* The bar moves when a page comes in, not on a timer: no frames beyond the pages'. */
      if (g_strcmp0 (gtk_progress_bar_get_text (self->progress_bar), text) != 0)
        gtk_progress_bar_pulse (self->progress_bar);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->banner_revealer), "error");
  if (self->session != NULL && !self->source_override && am_session_get_sandbox_error (self->session) != NULL)
    gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  else if (error != NULL && has_rows)
    {
      g_autofree char *description = describe_error (self, error);
      g_autofree char *text = g_strdup_printf (_("Could not refresh the list: %s"), description);

      gtk_label_set_label (self->banner_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->banner_button), TRUE);
      gtk_widget_add_css_class (gtk_revealer_get_child (self->banner_revealer), "error");
      gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
    }
  else if (self->store != NULL && am_image_store_get_from_cache (self->store) && has_rows)
    {
      g_autofree char *age = format_age (am_image_store_get_cache_age (self->store));
      g_autofree char *text = NULL;

      gtk_widget_remove_css_class (gtk_revealer_get_child (self->banner_revealer), "error");
      if (loading)
        text = g_strdup_printf (_("Showing the list from %s · Refreshing…"), age);
      else
        text = g_strdup_printf (_("Showing the list from %s"), age);
      gtk_label_set_label (self->banner_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->banner_button), !loading);
      gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
    }
  else
    gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.cancel", loading);
  update_state (self);
  update_polling (self);
}

static gboolean
retry_cb (gpointer user_data)
{
  AmImagesView *self = user_data;

  self->retry_id = 0;
  if (self->store != NULL)
    am_image_store_refresh (self->store);

  return G_SOURCE_REMOVE;
}

/* A busy service may take a later listing; an endpoint that could not be reached after the
 * client's own retries is said at once (asking again would only keep the spinner turning). */
static gboolean
is_transient (const GError *error)
{
  return g_error_matches (error, AM_AWS_ERROR, AM_AWS_ERROR_THROTTLED)
         || g_error_matches (error, AM_AWS_ERROR, AM_AWS_ERROR_SERVER);
}

/* --- following pending images ------------------------------------------------------------ */

static gboolean
store_has_pending (AmImageStore *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_strcmp0 (am_image_get_state (image), "pending") == 0)
        return TRUE;
    }

  return FALSE;
}

/* A refresh by diff: the rows that changed state are replaced in place, the rest stay. */
static void
refresh_owned_quietly (AmImagesView *self)
{
  AmImageStore *owned = self->stores[AM_IMAGES_SCOPE_OWNED];

  if (owned == NULL || am_image_store_get_loading (owned))
    return;
  self->quiet_refresh = TRUE;
  am_image_store_refresh (owned);
}

static gboolean
poll_cb (gpointer user_data)
{
  AmImagesView *self = user_data;

  self->poll_id = 0;
  if (self->follow_polls > 0)
    self->follow_polls--;
  refresh_owned_quietly (self);
  update_polling (self);

  return G_SOURCE_REMOVE;
}

/*
 * Images are made in the owned listing (only its owner makes them), and stay pending while
 * their snapshots are taken: that listing is refreshed every few seconds while one of its
 * images is pending, or for a few rounds after an image was made (EC2 may not list it at
 * once). The other scopes are large and their images do not change under the user's hands.
 */
static void
update_polling (AmImagesView *self)
{
  AmImageStore *owned = self->stores[AM_IMAGES_SCOPE_OWNED];
  gboolean follow = owned != NULL && (self->follow_polls > 0 || store_has_pending (owned));

  if (!follow)
    {
      self->follow_polls = 0;
      g_clear_handle_id (&self->poll_id, g_source_remove);
    }
  else if (self->poll_id == 0 && !am_image_store_get_loading (owned))
    self->poll_id = g_timeout_add (self->poll_interval_ms, poll_cb, self);

  follow = follow && self->scope == AM_IMAGES_SCOPE_OWNED && !self->source_override;
  gtk_widget_set_visible (GTK_WIDGET (self->poll_spinner), follow);
  gtk_spinner_set_spinning (self->poll_spinner, follow);
}

static void
image_created_cb (AmImagesView *self,
                  const char   *image_id,
                  AmEc2Client  *client)
{
  g_debug ("%s was made in this region: following the owned listing", image_id);
  self->follow_polls = 3;
  refresh_owned_quietly (self);
  update_polling (self);
}

static void
store_notify_cb (AmImagesView *self,
                 GParamSpec   *pspec,
                 AmImageStore *store)
{
  if (store == self->stores[AM_IMAGES_SCOPE_OWNED] && !am_image_store_get_loading (store))
    {
      self->quiet_refresh = FALSE;
      update_polling (self);
    }

  if (store != self->store)
    return;

  /*
   * The client already retried each call; when a page still failed with a throttling,
   * server or network error, the listing is asked again (a refresh keeps what came) a few
   * times, quietly, before the error is shown with its Retry button.
   */
  /* Decided once per listing, when it ends (other notifications come in any order). */
  if (g_strcmp0 (g_param_spec_get_name (pspec), "loading") == 0 && !am_image_store_get_loading (store))
    {
      const GError *error = am_image_store_get_error (store);

      if (error != NULL && is_transient (error) && self->n_retries < 3)
        {
          self->n_retries++;
          g_debug ("Listing failed (%s), asking again (%u)", error->message, self->n_retries);
          g_clear_handle_id (&self->retry_id, g_source_remove);
          self->retry_id = g_timeout_add (250 * self->n_retries, retry_cb, self);
        }
      else if (error == NULL)
        self->n_retries = 0;
    }

  update_loading (self);
  follow_pending_image (self);
}

static void
clear_stores (AmImagesView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->stores); i++)
    if (self->stores[i] != NULL)
      {
        am_image_store_cancel (self->stores[i]);
        g_signal_handlers_disconnect_by_data (self->stores[i], self);
        g_clear_object (&self->stores[i]);
      }
  self->store = NULL;
  g_clear_object (&self->quick_start);
  g_clear_error (&self->quick_start_error);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  self->follow_polls = 0;
  self->quiet_refresh = FALSE;
}

static AmImageScope
store_scope (AmImagesScope scope)
{
  switch (scope)
    {
    case AM_IMAGES_SCOPE_OWNED:
      return AM_IMAGE_SCOPE_OWNED;
    case AM_IMAGES_SCOPE_SHARED:
      return AM_IMAGE_SCOPE_SHARED;
    case AM_IMAGES_SCOPE_PUBLIC:
      return AM_IMAGE_SCOPE_PUBLIC;
    case AM_IMAGES_SCOPE_AMAZON:
      return AM_IMAGE_SCOPE_AMAZON;
    case AM_IMAGES_SCOPE_MARKETPLACE:
      return AM_IMAGE_SCOPE_MARKETPLACE;
    case AM_IMAGES_SCOPE_QUICK_START:
    default:
      g_assert_not_reached ();
      return AM_IMAGE_SCOPE_CUSTOM;
    }
}

/* --- Quick Start -------------------------------------------------------------------------- */

/* The SSM public parameters that name the current image of popular systems. */
static const char * const quick_start_parameters[] = {
  "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
  "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64",
  "/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2",
  "/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id",
  "/aws/service/canonical/ubuntu/server/24.04/stable/current/arm64/hvm/ebs-gp3/ami-id",
  "/aws/service/canonical/ubuntu/server/22.04/stable/current/amd64/hvm/ebs-gp2/ami-id",
  "/aws/service/debian/release/12/latest/amd64",
  "/aws/service/debian/release/12/latest/arm64",
  "/aws/service/suse/sles/15-sp6/x86_64/latest",
  "/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base",
  "/aws/service/ami-windows-latest/Windows_Server-2022-English-Core-Base",
};

typedef struct
{
  AmImagesView *self;          /* a reference */
  GCancellable *cancellable;
  GPtrArray *ids;
  GError *error;
  guint pending;
} QuickStart;

static void
quick_start_free (QuickStart *qs)
{
  g_object_unref (qs->self);
  g_object_unref (qs->cancellable);
  g_ptr_array_unref (qs->ids);
  g_clear_error (&qs->error);
  g_free (qs);
}

static void
quick_start_finish (QuickStart *qs,
                    GPtrArray  *images,
                    GError     *error)
{
  AmImagesView *self = qs->self;

  if (g_cancellable_is_cancelled (qs->cancellable))
    return;

  self->quick_start_loading = FALSE;
  g_clear_error (&self->quick_start_error);
  if (error != NULL)
    self->quick_start_error = g_error_copy (error);
  if (images != NULL && self->quick_start != NULL)
    g_list_store_splice (self->quick_start, 0, g_list_model_get_n_items (G_LIST_MODEL (self->quick_start)),
                         images->pdata, images->len);
  update_loading (self);
}

static void
quick_start_images_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  QuickStart *qs = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) images = NULL;

  images = am_ec2_client_describe_images_finish (AM_EC2_CLIENT (object), result, NULL, &error);
  quick_start_finish (qs, images, error);
  quick_start_free (qs);
}

static void
quick_start_id_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  QuickStart *qs = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;

  id = am_ec2_client_get_latest_image_id_finish (AM_EC2_CLIENT (object), result, &error);
  if (id != NULL && !g_ptr_array_find_with_equal_func (qs->ids, id, g_str_equal, NULL))
    g_ptr_array_add (qs->ids, g_steal_pointer (&id));
  else if (error != NULL && qs->error == NULL)
    qs->error = g_steal_pointer (&error);

  if (--qs->pending > 0)
    return;

  if (qs->ids->len == 0 || g_cancellable_is_cancelled (qs->cancellable))
    {
      /* Not one parameter resolved: show why (a region without them says so). */
      quick_start_finish (qs, NULL, qs->error);
      quick_start_free (qs);
      return;
    }
  else
    {
      g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();

      for (guint i = 0; i < qs->ids->len; i++)
        am_describe_images_query_add_image_id (query, qs->ids->pdata[i]);
      am_ec2_client_describe_images_async (AM_EC2_CLIENT (object), query, qs->cancellable,
                                           quick_start_images_cb, qs);
    }
}

static void
load_quick_start (AmImagesView *self)
{
  QuickStart *qs;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->quick_start == NULL)
    self->quick_start = g_list_store_new (AM_TYPE_IMAGE);
  g_clear_error (&self->quick_start_error);
  self->quick_start_loading = TRUE;

  qs = g_new0 (QuickStart, 1);
  qs->self = g_object_ref (self);
  qs->cancellable = g_object_ref (self->cancellable);
  qs->ids = g_ptr_array_new_with_free_func (g_free);
  qs->pending = G_N_ELEMENTS (quick_start_parameters);
  for (guint i = 0; i < G_N_ELEMENTS (quick_start_parameters); i++)
    am_ec2_client_get_latest_image_id_async (self->client, quick_start_parameters[i],
                                             self->cancellable, quick_start_id_cb, qs);
}

/* --- scopes ------------------------------------------------------------------------------- */

/*
 * Shows the current scope. @fetch: also ask EC2 (a refresh when the store has a listing);
 * Public and Marketplace are never fetched unless the user asks.
 */
static void
show_scope (AmImagesView *self,
            gboolean      fetch)
{
  AmEc2Client *client = NULL;
  gboolean on_demand = self->scope == AM_IMAGES_SCOPE_PUBLIC || self->scope == AM_IMAGES_SCOPE_MARKETPLACE;

  if (self->source_override)
    return;

  if (self->session != NULL && am_session_get_state (self->session) == AM_SESSION_STATE_READY)
    client = am_session_get_client (self->session);
  if (client != self->client)
    {
      forget_image_request (self);
      clear_stores (self);
      if (self->client != NULL)
        g_signal_handlers_disconnect_by_data (self->client, self);
      g_set_object (&self->client, client);
      if (client != NULL)
        g_signal_connect_object (client, "image-created", G_CALLBACK (image_created_cb),
                                 self, G_CONNECT_SWAPPED);
    }

  self->store = NULL;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->n_retries = 0;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->quick_start_loading = FALSE;
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);

  if (self->client == NULL)
    {
      set_source (self, NULL, FALSE);
      update_loading (self);
      return;
    }

  if (self->scope == AM_IMAGES_SCOPE_QUICK_START)
    {
      gboolean first = self->quick_start == NULL;

      if (first || fetch)
        load_quick_start (self);
      set_source (self, G_LIST_MODEL (self->quick_start), self->quick_start_loading);
      update_loading (self);
      return;
    }

  if (self->stores[self->scope] == NULL)
    {
      const char *account = am_session_get_account (self->session);

      if (on_demand && !fetch)
        {
          set_source (self, NULL, FALSE);
          update_loading (self);
          return;
        }

      self->stores[self->scope] = am_image_store_new (self->client, store_scope (self->scope), account);
      g_signal_connect_object (self->stores[self->scope], "notify::loading", G_CALLBACK (store_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->stores[self->scope], "notify::n-loaded", G_CALLBACK (store_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->stores[self->scope], "notify::error", G_CALLBACK (store_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->stores[self->scope], "notify::from-cache", G_CALLBACK (store_notify_cb), self, G_CONNECT_SWAPPED);
      self->store = self->stores[self->scope];
      /* Deferred sorting from the first page on. */
      set_source (self, G_LIST_MODEL (self->store), TRUE);
      am_image_store_load (self->store);
      update_loading (self);
      return;
    }

  self->store = self->stores[self->scope];
  set_source (self, G_LIST_MODEL (self->store), am_image_store_get_loading (self->store));
  if (fetch && !am_image_store_get_loading (self->store))
    am_image_store_refresh (self->store);
  update_loading (self);
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
      update_loading (self);
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
  queue_update_details (self);
  show_scope (self, TRUE);
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
  update_loading (self);
}

static void
load_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  show_scope (AM_IMAGES_VIEW (widget), TRUE);
}

static void
session_changed_cb (AmImagesView *self,
                    GParamSpec   *pspec,
                    AmSession    *session)
{
  show_scope (self, FALSE);
}

/* Nothing that was asked of the ended sandbox will come: stop waiting for it. */
static void
sandbox_error_cb (AmImagesView *self,
                  GParamSpec   *pspec,
                  AmSession    *session)
{
  if (am_session_get_sandbox_error (session) != NULL)
    {
      g_clear_handle_id (&self->retry_id, g_source_remove);
      if (self->store != NULL)
        am_image_store_cancel (self->store);
      if (self->quick_start_loading)
        {
          g_cancellable_cancel (self->cancellable);
          self->quick_start_loading = FALSE;
        }
    }
  update_loading (self);
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

static void
image_action_done_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (AmImagesView) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!am_image_actions_run_finish (result, &error))
    return;   /* closed, or the dialog showed its error */

  self->permissions_stale = TRUE;
  queue_update_details (self);

  if (self->store != NULL)
    am_image_store_refresh (self->store);
  /* A copy into this region lands in the owned listing, whichever scope is shown. */
  if (self->store != self->stores[AM_IMAGES_SCOPE_OWNED])
    refresh_owned_quietly (self);
}

static void
image_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AmImagesView *self = AM_IMAGES_VIEW (widget);
  g_autoptr (GPtrArray) images = selected_images (self);
  const char *action = strchr (action_name, '.') + 1;

  if (images->len == 0 || self->session == NULL)
    return;

  /* Launching and launch templates are the wizard's: it opens on the image; in template
   * mode its review saves the choices as a launch template instead of launching. */
  if (g_str_equal (action, "launch"))
    {
      am_launch_wizard_present_for_image (widget, self->session, g_ptr_array_index (images, 0));
      return;
    }
  if (g_str_equal (action, "launch-template"))
    {
      am_launch_wizard_present_for_template (widget, self->session, g_ptr_array_index (images, 0));
      return;
    }

  am_image_actions_run (widget, self->session, action, images, image_action_done_cb, g_object_ref (self));
}

/* Quick Start is first in the scope list; the other rows follow the enum. */
#define SCOPE_ROW(scope) (((scope) + 1) % (AM_IMAGES_SCOPE_QUICK_START + 1))
#define ROW_SCOPE(row) (((row) + AM_IMAGES_SCOPE_QUICK_START) % (AM_IMAGES_SCOPE_QUICK_START + 1))

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
  queue_update_details (self);
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
  clear_stores (self);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_IMAGES_VIEW);

  g_clear_object (&self->session);
  g_clear_object (&self->list);
  g_clear_object (&self->column_actions);
  g_clear_object (&self->settings);
  for (guint i = 0; i < AM_IMAGE_N_COLUMNS; i++)
    g_clear_object (&self->columns[i]);
  g_clear_object (&self->probe[0]);
  g_clear_object (&self->probe[1]);

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
  static const char *manage_actions[] = {
    "images.tags", "images.permissions", "images.description", "images.deprecation",
    "images.protection", "images.imds", "images.deregister", "images.copy", "images.launch",
    "images.launch-template", "images.remove-shared",
  };

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
                      AM_IMAGES_SCOPE_OWNED, AM_IMAGES_SCOPE_QUICK_START, AM_IMAGES_SCOPE_OWNED,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AM_TYPE_IMAGE_DETAILS);
  g_type_ensure (AM_TYPE_QUICK_START_VIEW);
  g_type_ensure (AM_TYPE_ERROR_STATE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/images/am-images-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, filter_box);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, filter_count_label);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, shown_count_label);
  gtk_widget_class_bind_template_child (widget_class, AmImagesView, view_menu_button);
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
am_images_view_init (AmImagesView *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->state = "no-session";
  self->probed_column = -1;
  self->poll_interval_ms = 3000;
  for (guint i = 0; i < 2; i++)
    {
      self->probe[i] = g_object_new (G_TYPE_OBJECT, NULL);
      g_object_set_data (self->probe[i], "am-images-view", self);
    }

  self->settings = g_settings_new (APP_ID);
  self->list = am_image_list_model_new ();
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (list_items_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->list, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->list));
  setup_columns (self);

  gtk_search_entry_set_search_delay (self->search_entry, 150);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (stop_search_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_popover, "show", G_CALLBACK (filter_popover_show_cb),
                           self, G_CONNECT_SWAPPED);
  am_quick_start_view_set_model (self->quick_start_view, G_LIST_MODEL (self->list));
  g_signal_connect_object (self->quick_start_view, "launch", G_CALLBACK (quick_start_launch_cb), self, G_CONNECT_SWAPPED);
  gtk_drop_down_set_selected (self->scope_dropdown, SCOPE_ROW (self->scope));
  g_signal_connect_object (self->scope_dropdown, "notify::selected", G_CALLBACK (scope_selected_cb),
                           self, G_CONNECT_SWAPPED);

  /* Managed scope: the window handles them wherever the focus is, while the view is shown. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                                                          gtk_named_action_new ("images.focus-search")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("F5"),
                                                          gtk_named_action_new ("images.refresh")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  /* Local to the list: Ctrl+C in the search entry copies its text. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>c"),
                                                          gtk_named_action_new ("images.copy-id")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Delete"),
                                                          gtk_named_action_new ("images.deregister")));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);

  update_actions (self, 0);
  update_state (self);
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

  forget_image_request (self);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::client", G_CALLBACK (session_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::state", G_CALLBACK (session_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::sandbox-error", G_CALLBACK (sandbox_error_cb), self, G_CONNECT_SWAPPED);
    }
  show_scope (self, FALSE);
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
  g_return_if_fail (scope <= AM_IMAGES_SCOPE_QUICK_START);

  if (self->scope == scope)
    return;

  forget_image_request (self);
  self->scope = scope;
  gtk_drop_down_set_selected (self->scope_dropdown, SCOPE_ROW (scope));
  show_scope (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCOPE]);
}

/* --- showing an image by ID ------------------------------------------------------------- */

static void
show_toast (AmImagesView *self,
            const char   *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_debug ("No place for the toast “%s”", message);
      return;
    }

  /* A toast's title is markup. */
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* Drops an image asked for by ID that is being looked up, awaited or shown from outside. */
static void
forget_image_request (AmImagesView *self)
{
  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->lookup_cancellable);
  g_clear_object (&self->pending_image);
  if (self->outside_image != NULL)
    {
      g_clear_object (&self->outside_image);
      queue_update_details (self);
    }
}

static gboolean
source_has_image (AmImagesView *self,
                  const char   *image_id)
{
  GListModel *source = am_image_list_model_get_source (self->list);
  guint n = source != NULL ? g_list_model_get_n_items (source) : 0;

  if (source != NULL && source == G_LIST_MODEL (self->store))
    return am_image_store_lookup (self->store, image_id) != NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (source, i);

      if (g_strcmp0 (am_image_get_image_id (image), image_id) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
select_row (AmImagesView *self,
            const char   *image_id)
{
  GListModel *rows = G_LIST_MODEL (self->list);
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (rows, i);

      if (g_strcmp0 (am_image_get_image_id (image), image_id) == 0)
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->list), i, TRUE);
          return TRUE;
        }
    }

  return FALSE;
}

/* Narrows the list to @image_id (a search on the ID, so the row is on screen, at the top)
 * and selects it, when the current listing has it; clears the filters that would hide it. */
static gboolean
select_listed_image (AmImagesView *self,
                     const char   *image_id)
{
  if (!source_has_image (self, image_id))
    return FALSE;

  /* The search is applied at once, not after the typing debounce, so the row can be chosen. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), image_id);
  search_changed_cb (self, self->search_entry);
  if (select_row (self, image_id))
    return TRUE;

  if (am_image_list_model_has_filters (self->list))
    {
      clear_filters_action (GTK_WIDGET (self), NULL, NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), image_id);
      search_changed_cb (self, self->search_entry);
    }

  return select_row (self, image_id);
}

/* Shows @image in the details pane beside the current listing, which does not have it. */
static void
show_outside_image (AmImagesView *self,
                    AmImage      *image,
                    const char   *message)
{
  g_set_object (&self->outside_image, image);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->list));
  update_state (self);
  queue_update_details (self);
  show_toast (self, message);
}

/* Selects the awaited image once its scope's listing has it, or shows it beside the listing
 * when the listing is in without it. */
static void
follow_pending_image (AmImagesView *self)
{
  g_autoptr (AmImage) image = NULL;
  g_autofree char *message = NULL;
  gboolean loading;

  if (self->pending_image == NULL)
    return;

  /* Taken first: selecting changes the list, which comes back here. */
  image = g_steal_pointer (&self->pending_image);
  if (select_listed_image (self, am_image_get_image_id (image)))
    return;

  loading = (self->retry_id != 0
             || (self->store != NULL && am_image_store_get_loading (self->store))
             || (self->scope == AM_IMAGES_SCOPE_QUICK_START && self->quick_start_loading));
  /* Listed but not filtered in yet: the list model rebuilds in an idle. */
  if (loading || source_has_image (self, am_image_get_image_id (image)))
    {
      self->pending_image = g_steal_pointer (&image);
      return;
    }

  /* EC2 leaves deprecated images out of listings other than the owner's. */
  message = g_strdup_printf (_("%s is not in this list (it may be deprecated); its details are shown beside it."),
                             am_image_get_image_id (image));
  show_outside_image (self, image, message);
}

/* Which scope lists @image. */
static AmImagesScope
scope_of_image (AmImagesView *self,
                AmImage      *image)
{
  const char *account = self->session != NULL ? am_session_get_account (self->session) : NULL;
  const char *alias = am_image_get_owner_alias (image);
  AmImageStore *shared = self->stores[AM_IMAGES_SCOPE_SHARED];

  if (account != NULL && g_strcmp0 (am_image_get_owner_id (image), account) == 0)
    return AM_IMAGES_SCOPE_OWNED;
  if (g_strcmp0 (alias, "amazon") == 0)
    return AM_IMAGES_SCOPE_AMAZON;
  if (g_strcmp0 (alias, "aws-marketplace") == 0)
    return AM_IMAGES_SCOPE_MARKETPLACE;
  /* Someone else's private image is only visible when it is shared with the account. */
  if (!am_image_get_is_public (image))
    return AM_IMAGES_SCOPE_SHARED;
  /* A public image may be shared explicitly too; the shared listing tells, once it is in. */
  if (shared != NULL && am_image_store_lookup (shared, am_image_get_image_id (image)) != NULL)
    return AM_IMAGES_SCOPE_SHARED;
  return AM_IMAGES_SCOPE_PUBLIC;
}

typedef struct
{
  AmImagesView *self;          /* a reference */
  GCancellable *cancellable;
  char *image_id;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_object_unref (lookup->self);
  g_object_unref (lookup->cancellable);
  g_free (lookup->image_id);
  g_free (lookup);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Lookup, lookup_free)

static void
lookup_image_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (Lookup) lookup = user_data;
  AmImagesView *self = lookup->self;
  g_autoptr (GPtrArray) images = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  AmImage *image = NULL;
  AmImagesScope scope;

  images = am_ec2_client_describe_images_finish (AM_EC2_CLIENT (object), result, NULL, &error);
  if (g_cancellable_is_cancelled (lookup->cancellable))
    return;
  if (lookup->cancellable == self->lookup_cancellable)
    g_clear_object (&self->lookup_cancellable);

  if (images == NULL && !am_aws_error_code_is (error, "InvalidAMIID.NotFound"))
    {
      message = g_strdup_printf (_("Could not look up image %s: %s"), lookup->image_id, error->message);
      show_toast (self, message);
      return;
    }

  for (guint i = 0; images != NULL && i < images->len; i++)
    if (g_strcmp0 (am_image_get_image_id (images->pdata[i]), lookup->image_id) == 0)
      image = images->pdata[i];
  if (image == NULL)
    {
      message = g_strdup_printf (_("Image %s no longer exists; it may have been deregistered."), lookup->image_id);
      show_toast (self, message);
      return;
    }

  /* Public and Marketplace list tens of thousands of images and load only when asked:
   * one image is not worth that wait. */
  scope = scope_of_image (self, image);
  if ((scope == AM_IMAGES_SCOPE_PUBLIC || scope == AM_IMAGES_SCOPE_MARKETPLACE)
      && self->stores[scope] == NULL)
    {
      if (scope == AM_IMAGES_SCOPE_PUBLIC)
        message = g_strdup_printf (_("%s is a public image; its details are shown without loading every public image."),
                                   lookup->image_id);
      else
        message = g_strdup_printf (_("%s is an AWS Marketplace image; its details are shown without loading the Marketplace listing."),
                                   lookup->image_id);
      show_outside_image (self, image, message);
      return;
    }

  am_images_view_set_scope (self, scope);
  g_set_object (&self->pending_image, image);
  follow_pending_image (self);
}

gboolean
am_images_view_show_image (AmImagesView *self,
                           const char   *image_id)
{
  g_autoptr (AmDescribeImagesQuery) query = NULL;
  Lookup *lookup;

  g_return_val_if_fail (AM_IS_IMAGES_VIEW (self), FALSE);
  g_return_val_if_fail (image_id != NULL, FALSE);

  forget_image_request (self);
  if (select_listed_image (self, image_id))
    return TRUE;

  if (self->client == NULL || self->source_override)
    {
      /* Nobody to ask: the search tells the user it is not here. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), image_id);
      search_changed_cb (self, self->search_entry);
      return FALSE;
    }

  /* Asked by ID, EC2 answers whoever owns the image and even when it is deprecated. */
  query = am_describe_images_query_new ();
  am_describe_images_query_add_image_id (query, image_id);
  query->include_deprecated = TRUE;

  self->lookup_cancellable = g_cancellable_new ();
  lookup = g_new0 (Lookup, 1);
  lookup->self = g_object_ref (self);
  lookup->cancellable = g_object_ref (self->lookup_cancellable);
  lookup->image_id = g_strdup (image_id);
  am_ec2_client_describe_images_async (self->client, query, self->lookup_cancellable,
                                       lookup_image_cb, lookup);

  return FALSE;
}

/* --- private API for tests ---------------------------------------------------------------- */

void
_am_images_view_set_poll_interval (AmImagesView *self,
                                   guint         interval_ms)
{
  self->poll_interval_ms = interval_ms;
}

gboolean
_am_images_view_get_polling (AmImagesView *self)
{
  return self->poll_id != 0 || self->quiet_refresh;
}

AmImageListModel *
_am_images_view_get_list_model (AmImagesView *self)
{
  return self->list;
}

GtkColumnView *
_am_images_view_get_column_view (AmImagesView *self)
{
  return self->column_view;
}

GtkSearchEntry *
_am_images_view_get_search_entry (AmImagesView *self)
{
  return self->search_entry;
}

AmImageDetails *
_am_images_view_get_details (AmImagesView *self)
{
  return self->details;
}

GtkSelectionModel *
_am_images_view_get_selection (AmImagesView *self)
{
  return GTK_SELECTION_MODEL (self->list);
}

GtkColumnViewColumn *
_am_images_view_get_column (AmImagesView  *self,
                            AmImageColumn  column)
{
  g_return_val_if_fail (column < AM_IMAGE_N_COLUMNS, NULL);

  return self->columns[column];
}

const char *
_am_images_view_get_state (AmImagesView *self)
{
  return self->state;
}

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
  const char *interned = g_intern_string (value);

  rebuild_facets (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    for (GtkWidget *w = gtk_widget_get_first_child (child); w != NULL; w = gtk_widget_get_next_sibling (w))
      if (GTK_IS_CHECK_BUTTON (w)
          && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (w), "am-facet")) == facet + 1
          && g_object_get_data (G_OBJECT (w), "am-facet-value") == interned)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (w), active);
}

void
_am_images_view_set_source (AmImagesView *self,
                            GListModel   *source,
                            gboolean      loading)
{
  self->source_override = source != NULL;
  set_source (self, source, loading);
  if (!loading)
    am_image_list_model_set_sort_deferred (self->list, FALSE);
}
