/* am-launch-from-image.c: "Launch from It" for an image just made: a toast and the wizard
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-launch-from-image"

#include "config.h"

#include <glib/gi18n.h>

#include "am-ec2-client.h"
#include "am-launch-from-image.h"
#include "am-launch-wizard.h"
#include "am-session.h"
#include "am-window.h"

typedef struct
{
  GtkWidget *parent;      /* weak */
  AmSession *session;
  char      *image_id;
} LaunchData;

static void
launch_data_free (LaunchData *data)
{
  g_clear_weak_pointer (&data->parent);
  g_clear_object (&data->session);
  g_free (data->image_id);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LaunchData, launch_data_free)

void
am_instances_show_toast (GtkWidget *widget,
                         AdwToast  *toast)
{
  GtkWidget *overlay;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  root = gtk_widget_get_root (widget);
  if (overlay == NULL && GTK_IS_WINDOW (root) && ADW_IS_TOAST_OVERLAY (gtk_window_get_child (GTK_WINDOW (root))))
    overlay = gtk_window_get_child (GTK_WINDOW (root));

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else if (AM_IS_WINDOW (root))
    am_window_add_toast (AM_WINDOW (root), toast);
  else
    {
      g_debug ("No place for the toast “%s”", adw_toast_get_title (toast));
      g_object_ref_sink (toast);
      g_object_unref (toast);
    }
}

static void
report (GtkWidget  *parent,
        const char *message)
{
  am_instances_show_toast (parent, adw_toast_new (message));
}

static void
describe_image_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (LaunchData) data = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) images = NULL;

  images = am_ec2_client_describe_images_finish (AM_EC2_CLIENT (source), result, NULL, &error);
  if (data->parent == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (images == NULL || images->len == 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("Could not open the launch wizard for %s: %s"), data->image_id,
                         error != NULL ? error->message : _("the image was not found (it may have been deregistered)."));

      report (data->parent, message);
      return;
    }

  am_launch_wizard_present_for_image (data->parent, data->session, g_ptr_array_index (images, 0));
}

void
am_launch_from_image (GtkWidget  *parent,
                      AmSession  *session,
                      const char *image_id)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  AmEc2Client *client;
  LaunchData *data;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (AM_IS_SESSION (session));
  g_return_if_fail (image_id != NULL);

  client = am_session_get_client (session);
  if (client == NULL)
    {
      report (parent, _("Not connected: reconnect, then launch from the image in the Images view."));
      return;
    }

  data = g_new0 (LaunchData, 1);
  g_set_weak_pointer (&data->parent, parent);
  data->session = g_object_ref (session);
  data->image_id = g_strdup (image_id);

  am_describe_images_query_add_image_id (query, image_id);
  am_ec2_client_describe_images_async (client, query, NULL, describe_image_cb, data);
}

static void
on_button_clicked (AdwToast   *toast,
                   LaunchData *data)
{
  GtkWidget *parent = data->parent;

  /* The window the image was made in, else the application's active one. */
  if (parent == NULL)
    {
      GApplication *app = g_application_get_default ();

      if (GTK_IS_APPLICATION (app))
        parent = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
    }
  if (parent == NULL)
    return;

  am_launch_from_image (parent, data->session, data->image_id);
}

AdwToast *
am_launch_from_image_toast_new (GtkWidget  *parent,
                                AmSession  *session,
                                const char *title,
                                const char *image_id)
{
  AdwToast *toast;
  LaunchData *data;

  g_return_val_if_fail (parent == NULL || GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (AM_IS_SESSION (session), NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (image_id != NULL, NULL);

  data = g_new0 (LaunchData, 1);
  g_set_weak_pointer (&data->parent, parent);
  data->session = g_object_ref (session);
  data->image_id = g_strdup (image_id);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Launch from It"));
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_button_clicked), data,
                         (GClosureNotify) (void (*) (void)) launch_data_free, 0);

  return toast;
}
