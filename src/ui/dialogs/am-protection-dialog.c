/* am-protection-dialog.c: turns an image's deregistration protection on or off
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-protection-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "am-dialog-calls.h"
#include "am-dialog-private.h"
#include "am-protection-dialog.h"

struct _AmProtectionDialog
{
  AmActionDialog  parent_instance;

  /* template widgets */
  AdwActionRow   *protect_row;
  GtkSwitch      *protect_switch;
  AdwActionRow   *cooldown_row;
  GtkSwitch      *cooldown_switch;
  GtkLabel       *note_label;

  /* owned references */
  AmImage        *image;

  /* state */
  gboolean        enabled;         /* as the image was read */
  gboolean        with_cooldown;

  /* dispose state */
  gboolean template_disposed;
};

G_DEFINE_FINAL_TYPE (AmProtectionDialog, am_protection_dialog, AM_TYPE_ACTION_DIALOG)

static void
changed_cb (AmProtectionDialog *self)
{
  gboolean on = gtk_switch_get_active (self->protect_switch);
  gboolean cooldown = gtk_switch_get_active (self->cooldown_switch);
  const char *note = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->cooldown_row), on);
  if (!on && self->enabled && self->with_cooldown)
    note = _("Because of the cooldown, the image stays protected for 24 hours after you turn protection off.");
  else if (on && !cooldown)
    note = _("Without the cooldown, turning protection off takes effect at once.");
  gtk_label_set_text (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);

  am_action_dialog_set_valid (AM_ACTION_DIALOG (self),
                              on != self->enabled || (on && cooldown != self->with_cooldown));
}

static void
am_protection_dialog_apply (AmActionDialog      *dialog,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  AmProtectionDialog *self = AM_PROTECTION_DIALOG (dialog);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, am_protection_dialog_apply);
  am_dialog_set_protection_async (am_action_dialog_get_client (dialog),
                                  am_image_get_image_id (self->image),
                                  gtk_switch_get_active (self->protect_switch),
                                  gtk_switch_get_active (self->cooldown_switch),
                                  cancellable, am_dialog_return_call_cb, task);
}

static gboolean
am_protection_dialog_apply_finish (AmActionDialog  *dialog,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  AmProtectionDialog *self = AM_PROTECTION_DIALOG (dialog);
  const char *id = am_image_get_image_id (self->image);
  g_autofree char *title = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  if (!gtk_switch_get_active (self->protect_switch))
    title = self->with_cooldown
            ? g_strdup_printf (_("Protection of %s ends in 24 hours"), id)
            : g_strdup_printf (_("%s is no longer protected"), id);
  else
    title = g_strdup_printf (_("%s is protected from deregistration"), id);
  am_dialog_take_undo_toast (dialog, title, am_dialog_undo_protection,
                             am_dialog_protection_undo_new (id, self->enabled, self->with_cooldown),
                             am_dialog_protection_undo_free);
  return TRUE;
}

static void
am_protection_dialog_dispose (GObject *object)
{
  AmProtectionDialog *self = AM_PROTECTION_DIALOG (object);

  am_dialog_dispose_template_once (GTK_WIDGET (self), AM_TYPE_PROTECTION_DIALOG,
                                  &self->template_disposed);
  g_clear_object (&self->image);

  G_OBJECT_CLASS (am_protection_dialog_parent_class)->dispose (object);
}

static void
am_protection_dialog_class_init (AmProtectionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmActionDialogClass *dialog_class = AM_ACTION_DIALOG_CLASS (klass);

  object_class->dispose = am_protection_dialog_dispose;
  dialog_class->apply = am_protection_dialog_apply;
  dialog_class->apply_finish = am_protection_dialog_apply_finish;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amiable/Amiable/dialogs/am-protection-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmProtectionDialog, protect_row);
  gtk_widget_class_bind_template_child (widget_class, AmProtectionDialog, protect_switch);
  gtk_widget_class_bind_template_child (widget_class, AmProtectionDialog, cooldown_row);
  gtk_widget_class_bind_template_child (widget_class, AmProtectionDialog, cooldown_switch);
  gtk_widget_class_bind_template_child (widget_class, AmProtectionDialog, note_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
am_protection_dialog_init (AmProtectionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  am_action_dialog_set_apply_label (AM_ACTION_DIALOG (self), _("_Save"), FALSE);
}

AmProtectionDialog *
am_protection_dialog_new (AmSession *session,
                          AmImage   *image)
{
  AmProtectionDialog *self;
  const char *state;

  g_return_val_if_fail (AM_IS_IMAGE (image), NULL);

  self = g_object_new (AM_TYPE_PROTECTION_DIALOG, NULL);
  self->image = am_dialog_setup_for_image (AM_ACTION_DIALOG (self), session, image);

  /* EC2 says "disabled", "enabled-with-cooldown", "enabled-without-cooldown", or during the
   * cooldown after turning it off "disabled-until <time>" (the sandbox: "disabled-with-cooldown"). */
  state = am_image_get_deregistration_protection (image);
  self->enabled = state != NULL && g_str_has_prefix (state, "enabled");
  self->with_cooldown = state != NULL && g_str_has_suffix (state, "-with-cooldown");
  if (state != NULL && g_str_has_prefix (state, "disabled-until "))
    {
      g_autofree char *subtitle = g_strdup_printf (_("Turned off; still protected until %s"),
                                                   state + strlen ("disabled-until "));

      adw_action_row_set_subtitle (self->protect_row, subtitle);
    }
  else if (state != NULL && g_str_has_prefix (state, "disabled-"))
    adw_action_row_set_subtitle (self->protect_row,
                                 _("Turned off; still protected until its 24-hour cooldown ends"));
  else
    adw_action_row_set_subtitle (self->protect_row,
                                 !self->enabled ? _("Currently off")
                                 : self->with_cooldown ? _("Currently on, with cooldown")
                                 : _("Currently on"));

  gtk_switch_set_active (self->protect_switch, self->enabled);
  /* The cooldown is the safer default when turning protection on. */
  gtk_switch_set_active (self->cooldown_switch, self->enabled ? self->with_cooldown : TRUE);
  changed_cb (self);
  return self;
}
