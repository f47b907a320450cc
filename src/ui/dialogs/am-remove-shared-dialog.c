/* am-remove-shared-dialog.c: removes an image another account shared with this one (CancelImageLaunchPermission)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-remove-shared-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "am-dialog-private.h"
#include "am-ec2-governance.h"
#include "am-remove-shared-dialog.h"

struct _AmRemoveSharedDialog
{
  AmActionDialog       parent_instance;

  /* template widgets */
  AdwPreferencesGroup *what_group;

  /* owned references */
  AmImage             *image;

  /* dispose state */
  gboolean template_disposed;
};

G_DEFINE_FINAL_TYPE (AmRemoveSharedDialog, am_remove_shared_dialog, AM_TYPE_ACTION_DIALOG)

static void
cancel_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (am_ec2_client_cancel_image_launch_permission_finish (AM_EC2_CLIENT (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
am_remove_shared_dialog_apply (AmActionDialog      *dialog,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  AmRemoveSharedDialog *self = AM_REMOVE_SHARED_DIALOG (dialog);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, am_remove_shared_dialog_apply);
  am_ec2_client_cancel_image_launch_permission_async (am_action_dialog_get_client (dialog),
                                                      am_image_get_image_id (self->image),
                                                      cancellable, cancel_cb, task);
}

static gboolean
am_remove_shared_dialog_apply_finish (AmActionDialog  *dialog,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  AmRemoveSharedDialog *self = AM_REMOVE_SHARED_DIALOG (dialog);
  g_autofree char *title = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  title = g_strdup_printf (_("%s was removed from this account"), am_image_get_image_id (self->image));
  am_action_dialog_take_toast (dialog, adw_toast_new (title));
  return TRUE;
}

static void
am_remove_shared_dialog_dispose (GObject *object)
{
  AmRemoveSharedDialog *self = AM_REMOVE_SHARED_DIALOG (object);

  am_dialog_dispose_template_once (GTK_WIDGET (self), AM_TYPE_REMOVE_SHARED_DIALOG, &self->template_disposed);
  g_clear_object (&self->image);

  G_OBJECT_CLASS (am_remove_shared_dialog_parent_class)->dispose (object);
}

static void
am_remove_shared_dialog_class_init (AmRemoveSharedDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmActionDialogClass *dialog_class = AM_ACTION_DIALOG_CLASS (klass);

  object_class->dispose = am_remove_shared_dialog_dispose;
  dialog_class->apply = am_remove_shared_dialog_apply;
  dialog_class->apply_finish = am_remove_shared_dialog_apply_finish;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amiable/Amiable/dialogs/am-remove-shared-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmRemoveSharedDialog, what_group);
}

static void
am_remove_shared_dialog_init (AmRemoveSharedDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  am_action_dialog_set_apply_label (AM_ACTION_DIALOG (self), _("_Remove"), TRUE);
}

AmRemoveSharedDialog *
am_remove_shared_dialog_new (AmSession *session,
                             AmImage   *image)
{
  AmRemoveSharedDialog *self;
  g_autofree char *description = NULL;

  g_return_val_if_fail (AM_IS_IMAGE (image), NULL);

  self = g_object_new (AM_TYPE_REMOVE_SHARED_DIALOG, NULL);
  self->image = am_dialog_setup_for_image (AM_ACTION_DIALOG (self), session, image);
  description = g_strdup_printf (_("Account %s shares %s with this account. Removing it from your account "
                                   "takes away your own access to it:"),
                                 am_image_get_owner_id (image), am_image_get_image_id (image));
  adw_preferences_group_set_description (self->what_group, description);
  am_action_dialog_set_valid (AM_ACTION_DIALOG (self), TRUE);
  return self;
}
