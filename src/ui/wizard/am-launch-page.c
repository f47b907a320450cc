/* am-launch-page.c: the base of the launch wizard's pages: a page over one AmLaunchRequest
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-launch-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "am-launch-page.h"

typedef struct
{
  /* owned references */
  AmLaunchRequest *request;
  AmSession *session;
  GCancellable *cancellable;

  /* built widgets */
  GtkWidget *lookup_error;   /* the card at the top, while a lookup has failed */
  GtkLabel *lookup_error_label;

  /* built widgets */
  GtkWidget *field_labels[AM_LAUNCH_N_FIELDS];

  /* state */
  guint busy;
  gboolean syncing;
} AmLaunchPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (AmLaunchPage, am_launch_page, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_REQUEST,
  PROP_SESSION,
  PROP_BUSY,
  PROP_SYNCING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum
{
  GO_TO,
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
am_launch_page_dispose (GObject *object)
{
  AmLaunchPage *self = AM_LAUNCH_PAGE (object);
  AmLaunchPagePrivate *priv = am_launch_page_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  g_clear_object (&priv->request);
  g_clear_object (&priv->session);

  G_OBJECT_CLASS (am_launch_page_parent_class)->dispose (object);
}

static void
am_launch_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AmLaunchPage *self = AM_LAUNCH_PAGE (object);
  AmLaunchPagePrivate *priv = am_launch_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_REQUEST:
      g_value_set_object (value, priv->request);
      break;
    case PROP_SESSION:
      g_value_set_object (value, priv->session);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, priv->busy > 0);
      break;
    case PROP_SYNCING:
      g_value_set_boolean (value, priv->syncing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_launch_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AmLaunchPage *self = AM_LAUNCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_REQUEST:
      am_launch_page_set_request (self, g_value_get_object (value));
      break;
    case PROP_SESSION:
      am_launch_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_launch_page_class_init (AmLaunchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_launch_page_dispose;
  object_class->get_property = am_launch_page_get_property;
  object_class->set_property = am_launch_page_set_property;

  properties[PROP_REQUEST] = g_param_spec_object ("request", NULL, NULL, AM_TYPE_LAUNCH_REQUEST,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, AM_TYPE_SESSION,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SYNCING] = g_param_spec_boolean ("syncing", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmLaunchPage::go-to:
   * @step: the AmLaunchStep the page asks the wizard to show
   */
  /**
   * AmLaunchPage::changed:
   * What the page shows changed in a way the request does not tell: validate again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
  signals[GO_TO] = g_signal_new ("go-to", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
am_launch_page_init (AmLaunchPage *self)
{
  AmLaunchPagePrivate *priv = am_launch_page_get_instance_private (self);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  priv->cancellable = g_cancellable_new ();
}

GCancellable *
am_launch_page_get_cancellable (AmLaunchPage *self)
{
  AmLaunchPagePrivate *priv = am_launch_page_get_instance_private (self);

  g_return_val_if_fail (AM_IS_LAUNCH_PAGE (self), NULL);
  return priv->cancellable;
}

void
am_launch_page_load (AmLaunchPage *self)
{
  g_return_if_fail (AM_IS_LAUNCH_PAGE (self));
  if (AM_LAUNCH_PAGE_GET_CLASS (self)->load != NULL)
    AM_LAUNCH_PAGE_GET_CLASS (self)->load (self);
}

void
am_launch_page_shown (AmLaunchPage *self)
{
  g_return_if_fail (AM_IS_LAUNCH_PAGE (self));
  if (AM_LAUNCH_PAGE_GET_CLASS (self)->shown != NULL)
    AM_LAUNCH_PAGE_GET_CLASS (self)->shown (self);
}

void
am_launch_page_go_to (AmLaunchPage *self,
                      guint         step)
{
  g_return_if_fail (AM_IS_LAUNCH_PAGE (self));
  g_signal_emit (self, signals[GO_TO], 0, step);
}

void
am_launch_page_changed (AmLaunchPage *self)
{
  g_return_if_fail (AM_IS_LAUNCH_PAGE (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Lookups: what failed and Retry, at the top of the page (instead of a toast that goes away);
 * the client's messages already name the call that failed and what to do. */

static void
lookup_retry_clicked_cb (AmLaunchPage *self)
{
  am_launch_page_hide_lookup_error (self);
  am_launch_page_load (self);
}

GtkWidget *
am_launch_lookup_error_new (const char  *name,
                            GtkLabel   **out_label,
                            GtkButton  **out_button)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Retry"));

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "wizard-lookup-error");
  gtk_widget_add_css_class (icon, "error");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_name (label, name);
  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  gtk_widget_set_visible (box, FALSE);
  *out_label = GTK_LABEL (label);
  *out_button = GTK_BUTTON (button);
  return box;
}

void
am_launch_page_add_lookup_error (AmLaunchPage *self,
                                 const char   *name)
{
  AmLaunchPagePrivate *priv = am_launch_page_get_instance_private (self);
  GtkButton *button;

  g_return_if_fail (AM_IS_LAUNCH_PAGE (self));
  g_return_if_fail (priv->lookup_error == NULL);

  priv->lookup_error = am_launch_lookup_error_new (name, &priv->lookup_error_label, &button);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (lookup_retry_clicked_cb), self);
  gtk_box_prepend (GTK_BOX (self), priv->lookup_error);
}

void
am_launch_page_show_lookup_error (AmLaunchPage *self,
                                  const GError *error)
{
  AmLaunchPagePrivate *priv = am_launch_page_get_instance_private (self);

  g_return_if_fail (AM_IS_LAUNCH_PAGE (self));
  g_return_if_fail (priv->lookup_error != NULL);

  gtk_label_set_text (priv->lookup_error_label, error->message);
  gtk_widget_set_visible (priv->lookup_error, TRUE);
}

void
am_launch_page_hide_lookup_error (AmLaunchPage *self)
{
  AmLaunchPagePrivate *priv = am_launch_page_get_instance_private (self);

  g_return_if_fail (AM_IS_LAUNCH_PAGE (self));
  if (priv->lookup_error != NULL)
    gtk_widget_set_visible (priv->lookup_error, FALSE);
}

AmLaunchRequest *
am_launch_page_get_request (AmLaunchPage *self)
{
  AmLaunchPagePrivate *priv = am_launch_page_get_instance_private (self);

  g_return_val_if_fail (AM_IS_LAUNCH_PAGE (self), NULL);
  return priv->request;
}

static void
request_set (AmLaunchPage *self)
{
  AmLaunchPagePrivate *priv = am_launch_page_get_instance_private (self);

  if (priv->request != NULL && AM_LAUNCH_PAGE_GET_CLASS (self)->request_set != NULL)
    AM_LAUNCH_PAGE_GET_CLASS (self)->request_set (self);
}

void
am_launch_page_set_request (AmLaunchPage    *self,
                            AmLaunchRequest *request)
{
  AmLaunchPagePrivate *priv = am_launch_page_get_instance_private (self);

  g_return_if_fail (AM_IS_LAUNCH_PAGE (self));
  g_return_if_fail (request == NULL || AM_IS_LAUNCH_REQUEST (request));

  if (!g_set_object (&priv->request, request))
    return;
  request_set (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUEST]);
}

AmSession *
am_launch_page_get_session (AmLaunchPage *self)
{
  AmLaunchPagePrivate *priv = am_launch_page_get_instance_private (self);

  g_return_val_if_fail (AM_IS_LAUNCH_PAGE (self), NULL);
  return priv->session;
}

void
am_launch_page_set_session (AmLaunchPage *self,
                            AmSession    *session)
{
  AmLaunchPagePrivate *priv = am_launch_page_get_instance_private (self);

  g_return_if_fail (AM_IS_LAUNCH_PAGE (self));
  g_return_if_fail (session == NULL || AM_IS_SESSION (session));

  if (!g_set_object (&priv->session, session))
    return;
  request_set (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

AmEc2Client *
am_launch_page_get_client (AmLaunchPage *self)
{
  AmLaunchPagePrivate *priv = am_launch_page_get_instance_private (self);

  g_return_val_if_fail (AM_IS_LAUNCH_PAGE (self), NULL);
  return priv->session != NULL ? am_session_get_client (priv->session) : NULL;
}

gboolean
am_launch_page_get_busy (AmLaunchPage *self)
{
  AmLaunchPagePrivate *priv = am_launch_page_get_instance_private (self);

  g_return_val_if_fail (AM_IS_LAUNCH_PAGE (self), FALSE);
  return priv->busy > 0;
}

void
am_launch_page_busy_push (AmLaunchPage *self)
{
  AmLaunchPagePrivate *priv = am_launch_page_get_instance_private (self);

  g_return_if_fail (AM_IS_LAUNCH_PAGE (self));
  if (priv->busy++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
am_launch_page_busy_pop (AmLaunchPage *self)
{
  AmLaunchPagePrivate *priv = am_launch_page_get_instance_private (self);

  g_return_if_fail (AM_IS_LAUNCH_PAGE (self));
  g_return_if_fail (priv->busy > 0);
  if (--priv->busy == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
am_launch_page_get_syncing (AmLaunchPage *self)
{
  AmLaunchPagePrivate *priv = am_launch_page_get_instance_private (self);

  g_return_val_if_fail (AM_IS_LAUNCH_PAGE (self), FALSE);
  return priv->syncing;
}

void
am_launch_page_set_syncing (AmLaunchPage *self,
                            gboolean      syncing)
{
  AmLaunchPagePrivate *priv = am_launch_page_get_instance_private (self);

  g_return_if_fail (AM_IS_LAUNCH_PAGE (self));
  if (priv->syncing == !!syncing)
    return;
  priv->syncing = !!syncing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);
}

void
am_launch_page_toast (AmLaunchPage *self,
                      const char   *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_return_if_fail (AM_IS_LAUNCH_PAGE (self));
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
  else
    g_debug ("No toast overlay for “%s”", text);
}

void
am_launch_page_add_field_label (AmLaunchPage  *self,
                                AmLaunchField  field)
{
  AmLaunchPagePrivate *priv = am_launch_page_get_instance_private (self);

  g_return_if_fail (AM_IS_LAUNCH_PAGE (self));
  g_return_if_fail (field < AM_LAUNCH_N_FIELDS && priv->field_labels[field] == NULL);

  priv->field_labels[field] = am_launch_field_label_new (field);
  gtk_box_append (GTK_BOX (self), priv->field_labels[field]);
}

GtkWidget *
am_launch_page_get_field_label (AmLaunchPage  *self,
                                AmLaunchField  field)
{
  AmLaunchPagePrivate *priv = am_launch_page_get_instance_private (self);

  g_return_val_if_fail (AM_IS_LAUNCH_PAGE (self), NULL);
  g_return_val_if_fail (field < AM_LAUNCH_N_FIELDS, NULL);
  return priv->field_labels[field];
}

/* Building blocks */

GtkWidget *
am_launch_boxed_list_new (const char *accessible_label)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  if (accessible_label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    accessible_label, -1);
  return list;
}

GtkWidget *
am_launch_group_new (GtkBox     *page,
                     const char *title,
                     const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (page, group);
  return group;
}

void
am_launch_clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

GtkWidget *
am_launch_check_row_new (const char *title,
                         const char *subtitle,
                         GtkWidget  *check)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

GtkWidget *
am_launch_switch_row_new (const char *title,
                          const char *subtitle,
                          GtkSwitch **out_switch)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_set_tooltip_text (sw, title);
  *out_switch = GTK_SWITCH (sw);
  return row;
}

GtkWidget *
am_launch_spin_row_new (const char     *title,
                        const char     *subtitle,
                        double          min,
                        double          max,
                        double          step,
                        GtkSpinButton **out_spin)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_set_tooltip_text (spin, title);
  *out_spin = GTK_SPIN_BUTTON (spin);
  return row;
}

GtkWidget *
am_launch_combo_row_new (const char          *title,
                         const char * const  *items)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr (GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  return row;
}

GtkWidget *
am_launch_summary_row_new (const char *title,
                           const char *subtitle,
                           const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : "");
  if (icon_name != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);
  return row;
}

void
am_launch_add_summary_row (GtkListBox *list,
                           const char *title,
                           const char *subtitle,
                           const char *icon_name)
{
  gtk_list_box_append (list, am_launch_summary_row_new (title, subtitle, icon_name));
}

/* Rows of a bound model are made one at a time, after the rows the change removed are gone and
 * before the new row is in the list: any row still there holds a member of the group. */
void
am_launch_join_radio_group (GtkListBox     *list,
                            GtkCheckButton *check)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      GtkWidget *other = ADW_IS_ACTION_ROW (row) ? adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) : NULL;

      if (GTK_IS_CHECK_BUTTON (other) && other != GTK_WIDGET (check))
        {
          gtk_check_button_set_group (check, GTK_CHECK_BUTTON (other));
          return;
        }
    }
}

/* Only while there is no row: a placeholder that stays in the list (hidden) would make the last
 * row no longer the list's last child, and the boxed list draw a line under it. */
void
am_launch_list_update_placeholder (GtkListBox *list,
                                   GListModel *model,
                                   GtkWidget  *empty_row)
{
  gboolean empty = g_list_model_get_n_items (model) == 0;

  gtk_list_box_set_placeholder (list, empty ? empty_row : NULL);
}

/* A choice row's check is on while the request's property holds the row's item (the same object,
 * or a string equal to the row's name) */
static gboolean
item_is_chosen (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      item)
{
  if (G_VALUE_HOLDS_STRING (from))
    g_value_set_boolean (to, g_strcmp0 (g_value_get_string (from), item) == 0);
  else
    g_value_set_boolean (to, g_value_get_object (from) == item);
  return TRUE;
}

/* Turning the check on chooses the row's item; turning it off (another row was chosen) leaves the
 * request alone. */
static gboolean
choose_item (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      item)
{
  if (!g_value_get_boolean (from))
    return FALSE;
  if (G_VALUE_HOLDS_STRING (to))
    g_value_set_string (to, item);
  else
    g_value_set_object (to, item);
  return TRUE;
}

void
am_launch_bind_choice (AmLaunchRequest       *request,
                       const char            *property,
                       GtkWidget             *check,
                       gpointer               item,
                       GDestroyNotify         item_free,
                       GBindingTransformFunc  is_chosen)
{
  g_object_bind_property_full (request, property, check, "active",
                               G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                               is_chosen != NULL ? is_chosen : item_is_chosen, choose_item,
                               item, item_free);
}

/* The check row dims with its check: a choice that cannot be made reads as such. */
static void
check_sensitive_cb (GtkWidget *check)
{
  GtkWidget *row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);

  if (row == NULL)
    return;
  if (gtk_widget_get_sensitive (check))
    gtk_widget_remove_css_class (row, "dim-label");
  else
    gtk_widget_add_css_class (row, "dim-label");
}

void
am_launch_dim_row_with_check (GtkWidget *check)
{
  g_signal_connect (check, "notify::sensitive", G_CALLBACK (check_sensitive_cb), NULL);
  check_sensitive_cb (check);
}

/* The label under a group where the message of @field shows (hidden until there is one). */
GtkWidget *
am_launch_field_label_new (AmLaunchField field)
{
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *name = g_strdup_printf ("field-error-%d", (int) field);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "wizard-field-error");
  gtk_widget_set_visible (label, FALSE);
  gtk_widget_set_name (label, name);
  return label;
}

char *
am_launch_format_memory (gint64 mib)
{
  if (mib % 1024 == 0)
    return g_strdup_printf (_("%lld GiB"), (long long) (mib / 1024));
  return g_strdup_printf (_("%.1f GiB"), mib / 1024.0);
}

/* Cancel, @destructive (@destructive_label) or Save Private Key…: the question asked before a
 * private key that is not saved yet would be lost. */
GtkWidget *
am_launch_unsaved_key_dialog_new (GtkWindow  *parent,
                                  const char *heading,
                                  const char *body,
                                  const char *destructive,
                                  const char *destructive_label)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    destructive, destructive_label,
                                    "save", _("_Save Private Key…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), destructive, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  return dialog;
}
