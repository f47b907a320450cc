/* am-instances-view-actions.c: the Instances view's `instances.` actions
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-instances-view"

#include "config.h"

#include <glib/gi18n.h>

#include "am-instances-view-private.h"

static void
copy_text (AmInstancesView *self,
           const char      *text,
           const char      *toast)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  _am_instances_view_toast (self, toast);
}

/* Copies one line per selected instance of @column (skipping empty cells). */
static void
copy_column (AmInstancesView  *self,
             AmInstanceColumn  column)
{
  g_autoptr (GPtrArray) rows = _am_instances_view_get_selected_rows (self);
  g_autoptr (GString) text = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      AmInstance *instance = am_instance_row_get_instance (g_ptr_array_index (rows, i));
      const char *value = NULL;

      if (column == AM_INSTANCE_COLUMN_ID)
        value = am_instance_get_instance_id (instance);
      else if (column == AM_INSTANCE_COLUMN_PUBLIC_IP)
        value = am_instance_get_public_ip_address (instance);
      else if (column == AM_INSTANCE_COLUMN_PRIVATE_IP)
        value = am_instance_get_private_ip_address (instance);

      if (value == NULL || *value == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, value);
      n++;
    }

  if (n == 0)
    return;

  if (column == AM_INSTANCE_COLUMN_ID)
    copy_text (self, text->str, n == 1 ? _("Instance ID copied") : _("Instance IDs copied"));
  else
    copy_text (self, text->str, n == 1 ? _("Address copied") : _("Addresses copied"));
}

static void
copy_id_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  copy_column (AM_INSTANCES_VIEW (widget), AM_INSTANCE_COLUMN_ID);
}

static void
copy_public_ip_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  copy_column (AM_INSTANCES_VIEW (widget), AM_INSTANCE_COLUMN_PUBLIC_IP);
}

static void
copy_private_ip_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  copy_column (AM_INSTANCES_VIEW (widget), AM_INSTANCE_COLUMN_PRIVATE_IP);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  am_instances_view_reload (AM_INSTANCES_VIEW (widget));
}

void
_am_instances_view_update_actions (AmInstancesView *self)
{
  g_autoptr (GPtrArray) rows = _am_instances_view_get_selected_rows (self);
  gboolean any_public_ip = FALSE;
  gboolean any_private_ip = FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      AmInstance *instance = am_instance_row_get_instance (g_ptr_array_index (rows, i));

      any_public_ip |= am_instance_get_public_ip_address (instance) != NULL;
      any_private_ip |= am_instance_get_private_ip_address (instance) != NULL;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "instances.copy-id", rows->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "instances.copy-public-ip", any_public_ip);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "instances.copy-private-ip", any_private_ip);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "instances.refresh", self->session != NULL);
}

void
_am_instances_view_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "instances.copy-id", NULL, copy_id_action);
  gtk_widget_class_install_action (widget_class, "instances.copy-public-ip", NULL, copy_public_ip_action);
  gtk_widget_class_install_action (widget_class, "instances.copy-private-ip", NULL, copy_private_ip_action);
  gtk_widget_class_install_action (widget_class, "instances.refresh", NULL, refresh_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "instances.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "instances.refresh", NULL);
}
