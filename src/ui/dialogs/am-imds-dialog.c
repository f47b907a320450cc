/* am-imds-dialog.c: makes instances launched from an image require IMDSv2
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-imds-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "am-dialog-calls.h"
#include "am-dialog-private.h"
#include "am-imds-dialog.h"

struct _AmImdsDialog
{
  AmActionDialog  parent_instance;

  /* template widgets */
  AdwActionRow   *require_row;
  GtkSwitch      *require_switch;
  GtkLabel       *note_label;

  /* owned references */
  AmImage        *image;

  /* state */
  gboolean        required;        /* as the image was read */

  /* dispose state */
  gboolean template_disposed;
};

G_DEFINE_FINAL_TYPE (AmImdsDialog, am_imds_dialog, AM_TYPE_ACTION_DIALOG)

static void
changed_cb (AmImdsDialog *self)
{
  gboolean on = gtk_switch_get_active (self->require_switch);

  /* The subtitle always tells what the switch shows. */
  if (self->required)
    adw_action_row_set_subtitle (self->require_row,
                                 _("Required: instances launched from this image use IMDSv2 only. EC2 cannot undo this."));
  else if (on)
    adw_action_row_set_subtitle (self->require_row, _("Will be required once you press Require"));
  else
    adw_action_row_set_subtitle (self->require_row,
                                 _("Not required: instances may also use IMDSv1, unless their launch settings forbid it"));
  /* EC2 has no way back, so say so before, not after. */
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), on && !self->required);
  am_action_dialog_set_valid (AM_ACTION_DIALOG (self), on && !self->required);
}

static void
am_imds_dialog_apply (AmActionDialog      *dialog,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  AmImdsDialog *self = AM_IMDS_DIALOG (dialog);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, am_imds_dialog_apply);
  am_dialog_require_imdsv2_async (am_action_dialog_get_client (dialog),
                                  am_image_get_image_id (self->image),
                                  cancellable, am_dialog_return_call_cb, task);
}

static gboolean
am_imds_dialog_apply_finish (AmActionDialog  *dialog,
                             GAsyncResult    *result,
                             GError         **error)
{
  AmImdsDialog *self = AM_IMDS_DIALOG (dialog);
  g_autofree char *title = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  title = g_strdup_printf (_("Instances launched from %s now require IMDSv2"),
                           am_image_get_image_id (self->image));
  am_action_dialog_take_toast (dialog, adw_toast_new (title));
  return TRUE;
}

static void
am_imds_dialog_dispose (GObject *object)
{
  AmImdsDialog *self = AM_IMDS_DIALOG (object);

  am_dialog_dispose_template_once (GTK_WIDGET (self), AM_TYPE_IMDS_DIALOG, &self->template_disposed);
  g_clear_object (&self->image);

  G_OBJECT_CLASS (am_imds_dialog_parent_class)->dispose (object);
}

static void
am_imds_dialog_class_init (AmImdsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmActionDialogClass *dialog_class = AM_ACTION_DIALOG_CLASS (klass);

  object_class->dispose = am_imds_dialog_dispose;
  dialog_class->apply = am_imds_dialog_apply;
  dialog_class->apply_finish = am_imds_dialog_apply_finish;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amiable/Amiable/dialogs/am-imds-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmImdsDialog, require_row);
  gtk_widget_class_bind_template_child (widget_class, AmImdsDialog, require_switch);
  gtk_widget_class_bind_template_child (widget_class, AmImdsDialog, note_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
am_imds_dialog_init (AmImdsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  am_action_dialog_set_apply_label (AM_ACTION_DIALOG (self), _("_Require"), FALSE);
  gtk_label_set_text (self->note_label,
                      _("EC2 cannot turn this off again: the image will always ask for IMDSv2. "
                        "Software on it that still uses IMDSv1 stops getting answers."));
}

AmImdsDialog *
am_imds_dialog_new (AmSession *session,
                    AmImage   *image)
{
  AmImdsDialog *self;

  g_return_val_if_fail (AM_IS_IMAGE (image), NULL);

  self = g_object_new (AM_TYPE_IMDS_DIALOG, NULL);
  self->image = am_dialog_setup_for_image (AM_ACTION_DIALOG (self), session, image);
  self->required = g_strcmp0 (am_image_get_imds_support (image), "v2.0") == 0;

  gtk_switch_set_active (self->require_switch, self->required);
  gtk_widget_set_sensitive (GTK_WIDGET (self->require_switch), !self->required);
  changed_cb (self);
  return self;
}
