/* am-dialog-private.c: pieces the management dialogs share (call callbacks, undo toasts, dispose)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-dialog-private"

#include "config.h"

#include <glib/gi18n.h>

#include "am-dialog-private.h"
#include "am-session.h"

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

/* The image's Region when it is not the session's (an image listed by All Regions). */
static const char *
foreign_region (AmSession *session,
                AmImage   *image)
{
  AmEc2Client *client = am_session_get_client (session);
  const char *region = am_image_get_region (image);

  if (region == NULL || client == NULL || g_strcmp0 (region, am_ec2_client_get_region (client)) == 0)
    return NULL;
  return region;
}

AmEc2Client *
am_dialog_client_for_image (AmSession *session,
                            AmImage   *image)
{
  AmEc2Client *client = am_session_get_client (session);
  const char *region = foreign_region (session, image);
  g_autofree char *key = NULL;
  AmEc2Client *regional;
  g_autoptr (GError) error = NULL;

  if (region == NULL)
    return client;
  /* One client per Region for the session's client: it goes when the session's does. */
  key = g_strconcat ("am-region-client:", region, NULL);
  regional = g_object_get_data (G_OBJECT (client), key);
  if (regional != NULL)
    return regional;
  regional = am_ec2_client_new_for_region (client, region, &error);
  if (regional == NULL)
    {
      g_warning ("No client for %s: %s", region, error->message);
      return client;
    }
  g_object_set_data_full (G_OBJECT (client), key, regional, g_object_unref);
  return regional;
}

char *
am_dialog_dup_images_region (AmSession *session,
                             GPtrArray *images,
                             gboolean  *several)
{
  const char *first = NULL;

  *several = FALSE;
  for (guint i = 0; i < images->len; i++)
    {
      AmImage *image = g_ptr_array_index (images, i);
      AmEc2Client *client = am_dialog_client_for_image (session, image);
      const char *region = client != NULL ? am_ec2_client_get_region (client) : NULL;

      if (i == 0)
        first = region;
      else if (g_strcmp0 (first, region) != 0)
        *several = TRUE;
    }
  return g_strdup (first);
}

AmImage *
am_dialog_setup_for_image (AmActionDialog *self,
                           AmSession      *session,
                           AmImage        *image)
{
  const char *region = foreign_region (session, image);

  am_action_dialog_setup (self, session, NULL);
  if (region != NULL)
    {
      /* Translators: the dialog's subtitle for an image of another Region: "name — eu-west-1" */
      g_autofree char *subtitle = g_strdup_printf (_("%s — %s"), am_image_get_name (image) ?: am_image_get_image_id (image),
                                                   region);

      am_action_dialog_set_client (self, am_dialog_client_for_image (session, image));
      am_action_dialog_set_subtitle (self, subtitle);
    }
  else
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
