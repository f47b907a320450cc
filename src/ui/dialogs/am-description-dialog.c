/* am-description-dialog.c: edits an image's description (ModifyImageAttribute Description)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-description-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "am-description-dialog.h"
#include "am-dialog-calls.h"
#include "am-dialog-validate.h"
#include "am-dialog-private.h"

struct _AmDescriptionDialog
{
  AmActionDialog  parent_instance;

  /* template widgets */
  AdwEntryRow    *description_row;
  GtkLabel       *error_label;
  GtkLabel       *count_label;

  /* owned references */
  AmImage        *image;

  /* dispose state */
  gboolean template_disposed;
};

G_DEFINE_FINAL_TYPE (AmDescriptionDialog, am_description_dialog, AM_TYPE_ACTION_DIALOG)

static const char *
original (AmDescriptionDialog *self)
{
  const char *text = self->image != NULL ? am_image_get_description (self->image) : NULL;

  return text != NULL ? text : "";
}

static void
changed_cb (AmDescriptionDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
  g_autofree char *problem = am_validate_description (text);
  g_autofree char *count = g_strdup_printf ("%ld / %d", g_utf8_strlen (text, -1), AM_DESCRIPTION_MAX);

  am_action_dialog_mark_field (GTK_WIDGET (self->description_row), self->error_label, problem);
  gtk_label_set_text (self->count_label, count);
  am_action_dialog_set_valid (AM_ACTION_DIALOG (self),
                              problem == NULL && self->image != NULL
                              && g_strcmp0 (text, original (self)) != 0);
}

static void
activated_cb (AmDescriptionDialog *self)
{
  am_action_dialog_activate_apply (AM_ACTION_DIALOG (self));
}

static void
am_description_dialog_apply (AmActionDialog      *dialog,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  AmDescriptionDialog *self = AM_DESCRIPTION_DIALOG (dialog);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, am_description_dialog_apply);
  am_dialog_set_description_async (am_action_dialog_get_client (dialog),
                                   am_image_get_image_id (self->image),
                                   gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
                                   cancellable, am_dialog_return_call_cb, task);
}

static gboolean
am_description_dialog_apply_finish (AmActionDialog  *dialog,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  AmDescriptionDialog *self = AM_DESCRIPTION_DIALOG (dialog);
  g_autofree char *title = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  title = g_strdup_printf (_("Description of %s changed"), am_image_get_image_id (self->image));
  am_dialog_take_undo_toast (dialog, title, am_dialog_undo_description,
                             am_dialog_description_undo_new (am_image_get_image_id (self->image),
                                                             original (self)),
                             am_dialog_description_undo_free);
  return TRUE;
}

static void
am_description_dialog_dispose (GObject *object)
{
  AmDescriptionDialog *self = AM_DESCRIPTION_DIALOG (object);

  am_dialog_dispose_template_once (GTK_WIDGET (self), AM_TYPE_DESCRIPTION_DIALOG,
                                  &self->template_disposed);
  g_clear_object (&self->image);

  G_OBJECT_CLASS (am_description_dialog_parent_class)->dispose (object);
}

static void
am_description_dialog_class_init (AmDescriptionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmActionDialogClass *dialog_class = AM_ACTION_DIALOG_CLASS (klass);

  object_class->dispose = am_description_dialog_dispose;
  dialog_class->apply = am_description_dialog_apply;
  dialog_class->apply_finish = am_description_dialog_apply_finish;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amiable/Amiable/dialogs/am-description-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmDescriptionDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, AmDescriptionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AmDescriptionDialog, count_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
}

static void
am_description_dialog_init (AmDescriptionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  am_action_dialog_set_apply_label (AM_ACTION_DIALOG (self), _("_Save"), FALSE);
}

AmDescriptionDialog *
am_description_dialog_new (AmSession *session,
                           AmImage   *image)
{
  AmDescriptionDialog *self;

  g_return_val_if_fail (AM_IS_IMAGE (image), NULL);

  self = g_object_new (AM_TYPE_DESCRIPTION_DIALOG, NULL);
  self->image = am_dialog_setup_for_image (AM_ACTION_DIALOG (self), session, image);
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), original (self));
  changed_cb (self);
  return self;
}
