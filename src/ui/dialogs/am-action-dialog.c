/* am-action-dialog.c: the base of the management dialogs (header bar, Apply, progress, errors)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-action-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "am-aws-error.h"
#include "am-accessible.h"
#include "am-action-dialog.h"
#include "am-session.h"
#include "am-window.h"

typedef struct
{
  /* template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *cancel_button;
  GtkButton           *apply_button;
  GtkSpinner          *spinner;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  GtkRevealer         *status_revealer;
  GtkLabel            *status_label;
  AdwPreferencesPage  *page;

  /* owned references */
  AmSession           *session;
  AmEc2Client         *client;  /* the Region's client when the image is of another Region */
  GPtrArray           *images;
  GCancellable        *cancellable;
  AdwToast            *toast;

  /* borrowed references */
  GtkWidget           *focus;   /* weak: where the focus was before a call */

  /* state */
  gboolean             valid;
  gboolean             busy;
  gboolean             finished;
} AmActionDialogPrivate;

static void am_action_dialog_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (AmActionDialog, am_action_dialog, ADW_TYPE_WINDOW,
                         G_ADD_PRIVATE (AmActionDialog)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, am_action_dialog_buildable_init))

enum
{
  FINISHED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];
static GtkBuildableIface *parent_buildable_iface;

static void
emit_finished (AmActionDialog *self,
               gboolean       applied)
{
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);

  if (priv->finished)
    return;
  priv->finished = TRUE;
  g_signal_emit (self, signals[FINISHED], 0, applied);
}

static void
update_apply (AmActionDialog *self)
{
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);

  gtk_widget_set_sensitive (GTK_WIDGET (priv->apply_button), priv->valid && !priv->busy);
}

static void
set_busy (AmActionDialog *self,
          gboolean       busy)
{
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);

  priv->busy = busy;
  if (busy)
    {
      /* Take the focus out of the form before it turns insensitive (GTK warns when a focused
       * entry goes insensitive) and give it back afterwards. */
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      g_clear_weak_pointer (&priv->focus);
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (priv->page)))
        g_set_weak_pointer (&priv->focus, focus);
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
    }
  gtk_widget_set_visible (GTK_WIDGET (priv->spinner), busy);
  gtk_spinner_set_spinning (priv->spinner, busy);
  /* The form stays visible but cannot change under a running call. */
  gtk_widget_set_sensitive (GTK_WIDGET (priv->page), !busy);
  update_apply (self);
  if (!busy && priv->focus != NULL)
    {
      gtk_widget_grab_focus (priv->focus);
      g_clear_weak_pointer (&priv->focus);
    }
}

char *
am_action_dialog_describe_error (const GError *error)
{
  const char *advice = NULL;
  const char *aws_code;

  g_return_val_if_fail (error != NULL, NULL);

  aws_code = error->domain == AM_AWS_ERROR ? am_aws_error_get_code (error) : NULL;
  if (g_error_matches (error, AM_AWS_ERROR, AM_AWS_ERROR_NETWORK))
    advice = _("Check the network connection and the endpoint, then press Apply again.");
  else if (g_error_matches (error, AM_AWS_ERROR, AM_AWS_ERROR_THROTTLED)
           || g_error_matches (error, AM_AWS_ERROR, AM_AWS_ERROR_SERVER))
    advice = _("EC2 is busy or failed; wait a moment and press Apply again.");
  else if (g_error_matches (error, AM_AWS_ERROR, AM_AWS_ERROR_AUTH))
    advice = _("The profile’s credentials do not allow this. Check its keys and IAM permissions.");
  else if (g_strcmp0 (aws_code, "InvalidAMIID.NotFound") == 0
           || g_strcmp0 (aws_code, "InvalidAMIID.Unavailable") == 0)
    advice = _("The image may have been deregistered meanwhile; refresh the list.");
  else if (g_strcmp0 (aws_code, "InvalidAMIName.Duplicate") == 0)
    advice = _("Choose another name: image names are unique per account and region.");

  if (advice == NULL)
    return g_strdup (error->message);
  /* The message may already carry the advice (errors of ours say what to do). */
  if (g_strstr_len (error->message, -1, advice) != NULL)
    return g_strdup (error->message);
  return g_strdup_printf ("%s\n%s", error->message, advice);
}

/* The first row am_action_dialog_mark_field() marked below @root, or NULL. */
static GtkWidget *
find_marked_field (GtkWidget *root)
{
  if (ADW_IS_PREFERENCES_ROW (root) && gtk_widget_has_css_class (root, "error"))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_marked_field (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
apply_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  AmActionDialog *self = AM_ACTION_DIALOG (object);
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);
  g_autoptr (GError) error = NULL;
  GtkWindow *parent;

  if (!AM_ACTION_DIALOG_GET_CLASS (self)->apply_finish (self, result, &error))
    {
      /* A cancelled call ends quietly: either the dialog is closing, or the user declined a
       * confirmation and goes on editing. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          if (!g_cancellable_is_cancelled (priv->cancellable))
            set_busy (self, FALSE);
          return;
        }
      set_busy (self, FALSE);
      /* The subclass already said what is wrong at the field to fix: once is enough. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_FAILED_HANDLED))
        {
          GtkWidget *field = find_marked_field (GTK_WIDGET (priv->page));

          if (field != NULL)
            gtk_widget_grab_focus (field);
          return;
        }
      am_action_dialog_show_error (self, error);
      return;
    }

  set_busy (self, FALSE);
  /* The toast is still ours while ::finished runs (see am_action_dialog_get_toast()). */
  emit_finished (self, TRUE);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (priv->toast != NULL && AM_IS_WINDOW (parent))
    am_window_add_toast (AM_WINDOW (parent), g_steal_pointer (&priv->toast));
  gtk_window_destroy (GTK_WINDOW (self));
}

void
am_action_dialog_activate_apply (AmActionDialog *self)
{
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);

  g_return_if_fail (AM_IS_ACTION_DIALOG (self));

  if (!priv->valid || priv->busy)
    return;

  am_action_dialog_show_error (self, NULL);
  g_clear_object (&priv->toast);
  set_busy (self, TRUE);
  /* The object stays alive while the call runs: the task holds a reference. */
  AM_ACTION_DIALOG_GET_CLASS (self)->apply (self, priv->cancellable, apply_cb, NULL);
}

static void
apply_clicked_cb (AmActionDialog *self)
{
  am_action_dialog_activate_apply (self);
}

static void
cancel_clicked_cb (AmActionDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
am_action_dialog_close_request (GtkWindow *window)
{
  AmActionDialog *self = AM_ACTION_DIALOG (window);
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  emit_finished (self, FALSE);

  return GTK_WINDOW_CLASS (am_action_dialog_parent_class)->close_request (window);
}

static void
am_action_dialog_add_child (GtkBuildable *buildable,
                           GtkBuilder   *builder,
                           GObject      *child,
                           const char   *type)
{
  AmActionDialog *self = AM_ACTION_DIALOG (buildable);
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);

  /* Subclass templates add their groups straight to the page. */
  if (priv->page != NULL && ADW_IS_PREFERENCES_GROUP (child))
    adw_preferences_page_add (priv->page, ADW_PREFERENCES_GROUP (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
am_action_dialog_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = am_action_dialog_add_child;
}

static void
am_action_dialog_dispose (GObject *object)
{
  AmActionDialog *self = AM_ACTION_DIALOG (object);
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  /* Destroyed without closing (e.g. with its parent): the caller still hears of it. */
  emit_finished (self, FALSE);
  /* No gtk_widget_dispose_template() here: in GTK 4.8 a subclass's call already drops the
   * automatic children of every class, and this template's widgets all live in the window's
   * content, which AdwWindow tears down. */
  g_clear_object (&priv->session);
  g_clear_object (&priv->client);
  g_clear_pointer (&priv->images, g_ptr_array_unref);
  g_clear_object (&priv->cancellable);
  g_clear_object (&priv->toast);
  g_clear_weak_pointer (&priv->focus);

  G_OBJECT_CLASS (am_action_dialog_parent_class)->dispose (object);
}

/* After every init: the subclass's template has built its widgets too, hidden ones included
 * (a button shown later maps without ever having been named). */
static void
am_action_dialog_constructed (GObject *object)
{
  G_OBJECT_CLASS (am_action_dialog_parent_class)->constructed (object);
  am_accessible_fix_mnemonics (GTK_WIDGET (object));
}

static void
am_action_dialog_class_init (AmActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = am_action_dialog_constructed;
  object_class->dispose = am_action_dialog_dispose;
  window_class->close_request = am_action_dialog_close_request;

  /**
   * AmActionDialog::finished:
   * @applied: %TRUE when the change was applied, %FALSE when the user closed the dialog
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amiable/Amiable/dialogs/am-action-dialog.ui");
  gtk_widget_class_bind_template_child_private (widget_class, AmActionDialog, window_title);
  gtk_widget_class_bind_template_child_private (widget_class, AmActionDialog, cancel_button);
  gtk_widget_class_bind_template_child_private (widget_class, AmActionDialog, apply_button);
  gtk_widget_class_bind_template_child_private (widget_class, AmActionDialog, spinner);
  gtk_widget_class_bind_template_child_private (widget_class, AmActionDialog, error_revealer);
  gtk_widget_class_bind_template_child_private (widget_class, AmActionDialog, error_label);
  gtk_widget_class_bind_template_child_private (widget_class, AmActionDialog, status_revealer);
  gtk_widget_class_bind_template_child_private (widget_class, AmActionDialog, status_label);
  gtk_widget_class_bind_template_child_private (widget_class, AmActionDialog, page);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
am_action_dialog_init (AmActionDialog *self)
{
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  priv->cancellable = g_cancellable_new ();
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (priv->apply_button));
  /* The header shows the window's title (set by subclass templates) above the subtitle. */
  g_object_bind_property (self, "title", priv->window_title, "title", G_BINDING_SYNC_CREATE);
}

void
am_action_dialog_setup (AmActionDialog *self,
                       AmSession     *session,
                       GPtrArray     *images)
{
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);

  g_return_if_fail (AM_IS_ACTION_DIALOG (self));
  g_return_if_fail (AM_IS_SESSION (session));

  g_set_object (&priv->session, session);
  g_clear_pointer (&priv->images, g_ptr_array_unref);
  if (images != NULL)
    priv->images = g_ptr_array_ref (images);
  else
    priv->images = g_ptr_array_new_with_free_func (g_object_unref);
}

AmSession *
am_action_dialog_get_session (AmActionDialog *self)
{
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);

  g_return_val_if_fail (AM_IS_ACTION_DIALOG (self), NULL);
  return priv->session;
}

GCancellable *
am_action_dialog_get_cancellable (AmActionDialog *self)
{
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);

  g_return_val_if_fail (AM_IS_ACTION_DIALOG (self), NULL);
  return priv->cancellable;
}

AmEc2Client *
am_action_dialog_get_client (AmActionDialog *self)
{
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);

  g_return_val_if_fail (AM_IS_ACTION_DIALOG (self), NULL);
  if (priv->client != NULL)
    return priv->client;
  return priv->session != NULL ? am_session_get_client (priv->session) : NULL;
}

void
am_action_dialog_set_client (AmActionDialog *self,
                             AmEc2Client    *client)
{
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);

  g_return_if_fail (AM_IS_ACTION_DIALOG (self));
  g_set_object (&priv->client, client);
}

GPtrArray *
am_action_dialog_get_images (AmActionDialog *self)
{
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);

  g_return_val_if_fail (AM_IS_ACTION_DIALOG (self), NULL);
  return priv->images;
}

void
am_action_dialog_set_subtitle (AmActionDialog *self,
                              const char    *subtitle)
{
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);

  g_return_if_fail (AM_IS_ACTION_DIALOG (self));
  adw_window_title_set_subtitle (priv->window_title, subtitle != NULL ? subtitle : "");
}

void
am_action_dialog_set_apply_label (AmActionDialog *self,
                                 const char    *label,
                                 gboolean       destructive)
{
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);
  GtkWidget *button;

  g_return_if_fail (AM_IS_ACTION_DIALOG (self));

  button = GTK_WIDGET (priv->apply_button);
  gtk_button_set_label (priv->apply_button, label);
  if (destructive)
    {
      gtk_widget_remove_css_class (button, "suggested-action");
      gtk_widget_add_css_class (button, "destructive-action");
    }
  else
    {
      gtk_widget_remove_css_class (button, "destructive-action");
      gtk_widget_add_css_class (button, "suggested-action");
    }
}

void
am_action_dialog_set_valid (AmActionDialog *self,
                           gboolean       valid)
{
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);

  g_return_if_fail (AM_IS_ACTION_DIALOG (self));
  priv->valid = !!valid;
  update_apply (self);
}

gboolean
am_action_dialog_get_valid (AmActionDialog *self)
{
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);

  g_return_val_if_fail (AM_IS_ACTION_DIALOG (self), FALSE);
  return priv->valid;
}

gboolean
am_action_dialog_get_busy (AmActionDialog *self)
{
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);

  g_return_val_if_fail (AM_IS_ACTION_DIALOG (self), FALSE);
  return priv->busy;
}

void
am_action_dialog_show_error (AmActionDialog *self,
                            const GError  *error)
{
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);

  g_return_if_fail (AM_IS_ACTION_DIALOG (self));

  if (error != NULL)
    {
      g_autofree char *text = am_action_dialog_describe_error (error);

      gtk_label_set_text (priv->error_label, text);    }
  gtk_revealer_set_reveal_child (priv->error_revealer, error != NULL);
}

void
am_action_dialog_show_status (AmActionDialog *self,
                             const char    *status)
{
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);

  g_return_if_fail (AM_IS_ACTION_DIALOG (self));

  if (status != NULL)
    gtk_label_set_text (priv->status_label, status);
  gtk_revealer_set_reveal_child (priv->status_revealer, status != NULL);
}

void
am_action_dialog_take_toast (AmActionDialog *self,
                            AdwToast      *toast)
{
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);

  g_return_if_fail (AM_IS_ACTION_DIALOG (self));
  g_clear_object (&priv->toast);
  priv->toast = toast;
}

void
am_action_dialog_mark_field (GtkWidget  *row,
                            GtkLabel   *label,
                            const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  if (label != NULL)
    {
      gtk_label_set_text (label, message != NULL ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
    }
}

AdwToast *
am_action_dialog_get_toast (AmActionDialog *self)
{
  AmActionDialogPrivate *priv = am_action_dialog_get_instance_private (self);

  g_return_val_if_fail (AM_IS_ACTION_DIALOG (self), NULL);
  return priv->toast;
}
