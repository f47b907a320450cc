/* am-launch-wizard-actions.c: the launch wizard's actions besides launching: save a launch template, create an Auto Scaling group
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-launch-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "am-auto-scaling-dialog.h"
#include "am-launch-wizard-private.h"

/* Save as launch template */

static void
template_created_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (AmLaunchWizard) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AmLaunchTemplate) template = NULL;
  g_autofree char *text = NULL;

  template = am_launch_request_create_template_finish (AM_LAUNCH_REQUEST (object), result, &error);
  _am_launch_wizard_busy_pop (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (template == NULL)
    text = g_strdup (error->message);
  else if ((g_set_object (&self->template, template), TRUE))
    text = g_strdup_printf (_("Saved launch template %s (%s)"),
                            am_launch_template_get_launch_template_name (template),
                            am_launch_template_get_launch_template_id (template));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
template_name_changed_cb (GtkEditable      *entry,
                          AdwMessageDialog *dialog)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = am_launch_check_launch_template_name (gtk_editable_get_text (entry), &error);

  adw_message_dialog_set_response_enabled (dialog, "save", ok);
  adw_message_dialog_set_body (dialog, ok ? _("The template keeps every choice except the number of instances and the subnets: the Auto Scaling group that uses it decides how many instances run and in which zones.")
                                          : error->message);
}

static void
template_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      AmLaunchWizard   *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const char *name = gtk_editable_get_text (entry);
  const char *token;

  if (!g_str_equal (response, "save") || !am_launch_check_launch_template_name (name, NULL))
    return;
  token = g_hash_table_lookup (self->template_tokens, name);
  if (token == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      g_hash_table_insert (self->template_tokens, g_strdup (name), g_strconcat ("amiable-lt-", uuid, NULL));
      token = g_hash_table_lookup (self->template_tokens, name);
    }
  _am_launch_wizard_busy_push (self);
  am_launch_request_create_template_async (self->request, am_ec2_client_get_query_client (_am_launch_wizard_get_client (self)),
                                           name, _("Saved from Amiable's launch wizard"), token,
                                           self->cancellable, template_created_cb, g_object_ref (self));
}

static void
template_clicked_cb (AmLaunchWizard *self)
{
  GtkWidget *dialog;
  GtkWidget *entry;
  g_autofree char *suggested = NULL;
  AmImage *image = am_launch_request_get_image (self->request);

  if (_am_launch_wizard_get_client (self) == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save as Launch Template"), NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Template name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_signal_connect (entry, "changed", G_CALLBACK (template_name_changed_cb), dialog);
  suggested = g_strdup_printf ("%s-%s", am_launch_request_get_name (self->request) != NULL
                                        ? am_launch_request_get_name (self->request) : "launch",
                               image != NULL ? am_image_get_image_id (image) : "template");
  g_strcanon (suggested, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789()./_-", '-');
  gtk_editable_set_text (GTK_EDITABLE (entry), suggested);
  g_signal_connect (dialog, "response", G_CALLBACK (template_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Create Auto Scaling Group */

static void
asg_template_cb (AmLaunchWizard      *self,
                 GParamSpec          *pspec,
                 AmAutoScalingDialog *dialog)
{
  g_set_object (&self->template, am_auto_scaling_dialog_get_template (dialog));
}

static void
asg_clicked_cb (AmLaunchWizard *self)
{
  AmAutoScalingDialog *dialog;

  if (_am_launch_wizard_get_client (self) == NULL)
    return;
  dialog = am_auto_scaling_dialog_new (self->session, self->request, self->template);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "notify::template", G_CALLBACK (asg_template_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_am_launch_wizard_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, template_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, asg_clicked_cb);
}
