/* am-dialog-private.c: pieces the management dialogs share (call callbacks, undo toasts, dispose)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-dialog-private"

#include "config.h"

#include "am-dialog-private.h"

void
am_dialog_return_call_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (!am_dialog_call_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

AmImage *
am_dialog_setup_for_image (AmActionDialog *self,
                           AmSession      *session,
                           AmImage        *image)
{
  am_action_dialog_setup (self, session, NULL);
  am_action_dialog_set_subtitle (self, am_image_get_name (image));
  return g_object_ref (image);
}

void
am_dialog_take_undo_toast (AmActionDialog *self,
                           const char     *title,
                           AmUndoFunc      func,
                           gpointer        data,
                           GDestroyNotify  destroy)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  am_action_dialog_take_toast (self, am_dialog_undo_toast_new (title, parent,
                                                               am_action_dialog_get_client (self),
                                                               func, data, destroy));
}

void
am_dialog_dispose_template_once (GtkWidget *widget,
                                 GType      type,
                                 gboolean  *disposed)
{
  if (*disposed)
    return;
  *disposed = TRUE;
  gtk_widget_dispose_template (widget, type);
}
