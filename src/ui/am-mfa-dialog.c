/* am-mfa-dialog.c: asks for a one-time MFA code when a profile's role needs one
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-mfa-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "am-mfa-dialog.h"

typedef struct
{
  GTask        *task;
  GtkEntry     *entry;
  GCancellable *cancellable;
  gulong        cancelled_id;
} Prompt;

static void
prompt_free (Prompt *prompt)
{
  if (prompt->cancelled_id != 0)
    g_cancellable_disconnect (prompt->cancellable, prompt->cancelled_id);
  g_clear_object (&prompt->cancellable);
  g_clear_object (&prompt->task);
  g_free (prompt);
}

gboolean
am_mfa_dialog_code_is_valid (const char *code)
{
  if (code == NULL || strlen (code) != 6)
    return FALSE;
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isdigit (code[i]))
      return FALSE;
  return TRUE;
}

static void
am_mfa_dialog_changed_cb (GtkEditable      *editable,
                          AdwMessageDialog *dialog)
{
  const char *code = gtk_editable_get_text (editable);
  gboolean valid = am_mfa_dialog_code_is_valid (code);

  adw_message_dialog_set_response_enabled (dialog, "verify", valid);
  if (*code != '\0' && !valid)
    gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
}

static void
am_mfa_dialog_activate_cb (GtkEntry         *entry,
                           AdwMessageDialog *dialog)
{
  /* Enter answers like the Verify button, which also closes the dialog. */
  if (am_mfa_dialog_code_is_valid (gtk_editable_get_text (GTK_EDITABLE (entry))))
    {
      adw_message_dialog_response (dialog, "verify");
      gtk_window_close (GTK_WINDOW (dialog));
    }
}

static void
am_mfa_dialog_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           Prompt           *prompt)
{
  GTask *task = g_steal_pointer (&prompt->task);

  if (task == NULL)
    return;

  if (g_strcmp0 (response, "verify") == 0)
    g_task_return_pointer (task, g_strdup (gtk_editable_get_text (GTK_EDITABLE (prompt->entry))), g_free);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("No MFA code was entered."));
  g_object_unref (task);
}

static void
am_mfa_dialog_cancelled_cb (GCancellable     *cancellable,
                            AdwMessageDialog *dialog)
{
  /* Runs in the cancelling thread's context; close from the main loop. */
  g_idle_add_full (G_PRIORITY_DEFAULT, (GSourceFunc) gtk_window_close, g_object_ref (dialog), g_object_unref);
}

void
am_mfa_dialog_prompt (const char   *profile_name,
                      const char   *mfa_serial,
                      GCancellable *cancellable,
                      GTask        *task,
                      gpointer      user_data)
{
  GtkWindow *parent = user_data;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  Prompt *prompt;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Enter MFA Code"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("Profile “%s” needs a one-time code from your MFA device %s. "
                                    "Enter the six digits it shows now."),
                                  profile_name, mfa_serial);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "verify", _("_Verify"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "verify", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "verify", FALSE);
  adw_message_dialog_set_default_response (dialog, "verify");
  adw_message_dialog_set_close_response (dialog, "cancel");

  entry = gtk_entry_new ();
  gtk_entry_set_max_length (GTK_ENTRY (entry), 6);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "123456");
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 0.5);
  gtk_widget_set_name (entry, "mfa-code");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("MFA code"),
                                  -1);
  adw_message_dialog_set_extra_child (dialog, entry);

  prompt = g_new0 (Prompt, 1);
  prompt->task = task;
  prompt->entry = GTK_ENTRY (entry);
  if (cancellable != NULL)
    {
      prompt->cancellable = g_object_ref (cancellable);
      prompt->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (am_mfa_dialog_cancelled_cb),
                                                    dialog, NULL);
    }

  g_signal_connect (entry, "changed", G_CALLBACK (am_mfa_dialog_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (am_mfa_dialog_activate_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (am_mfa_dialog_response_cb), prompt,
                         (GClosureNotify) (void (*) (void)) prompt_free, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
