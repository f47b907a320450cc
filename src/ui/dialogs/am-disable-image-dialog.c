/* am-disable-image-dialog.c: disables an image (DisableImage) or enables it again (EnableImage)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-disable-image-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "am-dialog-private.h"
#include "am-disable-image-dialog.h"
#include "am-ec2-client.h"
#include "am-session.h"

struct _AmDisableImageDialog
{
  AmActionDialog        parent_instance;

  /* template widgets */
  GtkLabel             *explanation_label;
  AdwPreferencesGroup  *used_by_group;

  /* owned widgets */
  AmUsedByCheck        *used_by;   /* NULL when enabling */

  /* owned references */
  AmImage              *image;

  /* state */
  gboolean              disable;
  gboolean              template_disposed;
};

G_DEFINE_FINAL_TYPE (AmDisableImageDialog, am_disable_image_dialog, AM_TYPE_ACTION_DIALOG)

static void
set_disabled_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (am_ec2_client_set_image_disabled_finish (AM_EC2_CLIENT (object), result, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
am_disable_image_dialog_apply (AmActionDialog      *dialog,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  AmDisableImageDialog *self = AM_DISABLE_IMAGE_DIALOG (dialog);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, am_disable_image_dialog_apply);
  am_ec2_client_set_image_disabled_async (am_action_dialog_get_client (dialog),
                                          am_image_get_image_id (self->image), self->disable, FALSE,
                                          cancellable, set_disabled_cb, task);
}

static gboolean
am_disable_image_dialog_apply_finish (AmActionDialog  *dialog,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  AmDisableImageDialog *self = AM_DISABLE_IMAGE_DIALOG (dialog);
  g_autofree char *title = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  title = g_strdup_printf (self->disable ? _("%s disabled") : _("%s enabled"),
                           am_image_get_image_id (self->image));
  am_action_dialog_take_toast (dialog, adw_toast_new (title));
  return TRUE;
}

static void
cleared_cb (AmDisableImageDialog *self)
{
  am_action_dialog_set_valid (AM_ACTION_DIALOG (self), am_used_by_check_get_cleared (self->used_by));
}

static void
am_disable_image_dialog_dispose (GObject *object)
{
  AmDisableImageDialog *self = AM_DISABLE_IMAGE_DIALOG (object);

  am_dialog_dispose_template_once (GTK_WIDGET (self), AM_TYPE_DISABLE_IMAGE_DIALOG,
                                  &self->template_disposed);
  g_clear_object (&self->image);

  G_OBJECT_CLASS (am_disable_image_dialog_parent_class)->dispose (object);
}

static void
am_disable_image_dialog_class_init (AmDisableImageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmActionDialogClass *dialog_class = AM_ACTION_DIALOG_CLASS (klass);

  object_class->dispose = am_disable_image_dialog_dispose;
  dialog_class->apply = am_disable_image_dialog_apply;
  dialog_class->apply_finish = am_disable_image_dialog_apply_finish;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amiable/Amiable/dialogs/am-disable-image-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmDisableImageDialog, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, AmDisableImageDialog, used_by_group);
}

static void
am_disable_image_dialog_init (AmDisableImageDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AmDisableImageDialog *
am_disable_image_dialog_new (AmSession *session,
                             AmImage   *image)
{
  AmDisableImageDialog *self;
  AmActionDialog *dialog;
  g_autoptr (GPtrArray) images = NULL;

  g_return_val_if_fail (AM_IS_IMAGE (image), NULL);

  self = g_object_new (AM_TYPE_DISABLE_IMAGE_DIALOG, NULL);
  dialog = AM_ACTION_DIALOG (self);
  self->image = am_dialog_setup_for_image (dialog, session, image);
  self->disable = g_strcmp0 (am_image_get_state (image), "disabled") != 0;
  if (self->disable)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Disable Image"));
      gtk_label_set_text (self->explanation_label,
                          _("A disabled image can no longer launch instances, and it loses its "
                            "launch permissions: it is no longer public nor shared with other "
                            "accounts. Instances already running from it keep running. It is "
                            "listed only with Show Disabled.\n\n"
                            "Enable makes it launchable again, but does not restore its public "
                            "or shared permissions: share it again afterwards."));
      am_action_dialog_set_apply_label (dialog, _("_Disable"), TRUE);
      self->used_by = am_used_by_check_new (AM_USED_BY_DISABLE);
      adw_preferences_group_add (self->used_by_group, GTK_WIDGET (self->used_by));
      g_signal_connect_object (self->used_by, "notify::cleared", G_CALLBACK (cleared_cb), self,
                               G_CONNECT_SWAPPED);
      am_action_dialog_set_valid (dialog, FALSE);
      images = g_ptr_array_new ();
      g_ptr_array_add (images, image);
      am_used_by_check_start (self->used_by, am_action_dialog_get_client (dialog), images);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Enable Image"));
      gtk_label_set_text (self->explanation_label,
                          _("Enabling makes the image launchable again and lists it with the "
                            "other images. The public and shared launch permissions it lost when "
                            "it was disabled are not restored: share it again in Launch "
                            "Permissions if others need it."));
      am_action_dialog_set_apply_label (dialog, _("_Enable"), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->used_by_group), FALSE);
      am_action_dialog_set_valid (dialog, TRUE);
    }
  return self;
}

AmUsedByCheck *
am_disable_image_dialog_get_used_by (AmDisableImageDialog *self)
{
  g_return_val_if_fail (AM_IS_DISABLE_IMAGE_DIALOG (self), NULL);
  return self->used_by;
}
