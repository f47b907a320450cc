/* am-deprecation-dialog.c: schedules or cancels an image's deprecation
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-deprecation-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "am-deprecation-dialog.h"
#include "am-dialog-calls.h"
#include "am-dialog-validate.h"
#include "am-dialog-private.h"

struct _AmDeprecationDialog
{
  AmActionDialog        parent_instance;

  /* template widgets */
  AdwActionRow         *state_row;
  GtkSwitch            *deprecate_switch;
  AdwPreferencesGroup  *when_group;
  GtkSpinButton        *hour_spin;
  GtkSpinButton        *minute_spin;
  GtkCalendar          *calendar;
  GtkLabel             *when_error;

  /* owned references */
  AmImage              *image;
  GDateTime            *current;   /* the image's deprecation time, NULL when none */
  GDateTime            *applied;   /* what apply sent, NULL for "disable" */

  /* dispose state */
  gboolean template_disposed;
};

G_DEFINE_FINAL_TYPE (AmDeprecationDialog, am_deprecation_dialog, AM_TYPE_ACTION_DIALOG)

/* The chosen moment in UTC: the calendar's day (as a date, whatever its zone) at the spin
 * buttons' hour and minute. */
static GDateTime *
chosen_time (AmDeprecationDialog *self)
{
  g_autoptr (GDateTime) day = gtk_calendar_get_date (self->calendar);

  return g_date_time_new_utc (g_date_time_get_year (day), g_date_time_get_month (day),
                              g_date_time_get_day_of_month (day),
                              gtk_spin_button_get_value_as_int (self->hour_spin),
                              gtk_spin_button_get_value_as_int (self->minute_spin), 0);
}

static char *
format_time (GDateTime *when)
{
  /* Translators: a date and time in UTC, strftime format */
  return g_date_time_format (when, _("%e %B %Y, %H:%M UTC"));
}

static gboolean
same_minute (GDateTime *a,
             GDateTime *b)
{
  return g_date_time_to_unix (a) / 60 == g_date_time_to_unix (b) / 60;
}

/* The subtitle says what the switch and the time show, which is what Save sends; the image's
 * state before saving only shows when the switch turns it off. */
static void
update_state_row (AmDeprecationDialog *self,
                  gboolean             on,
                  GDateTime           *when,
                  GDateTime           *now)
{
  g_autofree char *subtitle = NULL;

  if (on)
    {
      g_autofree char *text = format_time (when);

      if (self->current != NULL && same_minute (self->current, when)
          && g_date_time_compare (self->current, now) <= 0)
        subtitle = g_strdup_printf (_("Deprecated since %s"), text);
      else
        subtitle = g_strdup_printf (_("Scheduled for %s"), text);
    }
  else if (self->current != NULL)
    {
      g_autofree char *text = format_time (self->current);

      subtitle = g_strdup_printf (_("Not deprecated: saving cancels the deprecation set for %s"), text);
    }
  else
    subtitle = g_strdup (_("Not deprecated"));
  adw_action_row_set_subtitle (self->state_row, subtitle);
}

static void
changed_cb (AmDeprecationDialog *self)
{
  gboolean on = gtk_switch_get_active (self->deprecate_switch);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) when = chosen_time (self);
  g_autofree char *problem = NULL;
  gboolean valid;

  gtk_widget_set_sensitive (GTK_WIDGET (self->when_group), on);
  if (on)
    {
      /* The image's own time is shown as it is, even when past: only a change is checked. */
      gboolean unchanged = self->current != NULL && same_minute (self->current, when);

      if (!unchanged)
        problem = am_validate_deprecation_time (when, now);
      valid = !unchanged && problem == NULL;
    }
  else
    valid = self->current != NULL;

  update_state_row (self, on, when, now);
  am_action_dialog_mark_field (GTK_WIDGET (self->calendar), self->when_error, problem);
  am_action_dialog_set_valid (AM_ACTION_DIALOG (self), valid);
}

/* Hours and minutes with two digits, as a clock shows them ("03 : 06"). */
static gboolean
spin_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
am_deprecation_dialog_apply (AmActionDialog      *dialog,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  AmDeprecationDialog *self = AM_DEPRECATION_DIALOG (dialog);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, am_deprecation_dialog_apply);
  g_clear_pointer (&self->applied, g_date_time_unref);
  if (gtk_switch_get_active (self->deprecate_switch))
    self->applied = chosen_time (self);
  am_dialog_set_deprecation_async (am_action_dialog_get_client (dialog),
                                   am_image_get_image_id (self->image), self->applied,
                                   cancellable, am_dialog_return_call_cb, task);
}

static gboolean
am_deprecation_dialog_apply_finish (AmActionDialog  *dialog,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  AmDeprecationDialog *self = AM_DEPRECATION_DIALOG (dialog);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  const char *id = am_image_get_image_id (self->image);
  g_autofree char *title = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  if (self->applied != NULL)
    {
      g_autofree char *when = format_time (self->applied);

      title = g_strdup_printf (_("%s will be deprecated on %s"), id, when);
    }
  else
    title = g_strdup_printf (_("%s is no longer deprecated"), id);

  /* A past deprecation time cannot be set again: then there is nothing to undo to. */
  if (self->current == NULL || g_date_time_compare (self->current, now) > 0)
    am_dialog_take_undo_toast (dialog, title, am_dialog_undo_deprecation,
                               am_dialog_deprecation_undo_new (id, self->current),
                               am_dialog_deprecation_undo_free);
  else
    am_action_dialog_take_toast (dialog, adw_toast_new (title));
  return TRUE;
}

static void
am_deprecation_dialog_dispose (GObject *object)
{
  AmDeprecationDialog *self = AM_DEPRECATION_DIALOG (object);

  am_dialog_dispose_template_once (GTK_WIDGET (self), AM_TYPE_DEPRECATION_DIALOG,
                                  &self->template_disposed);
  g_clear_object (&self->image);
  g_clear_pointer (&self->current, g_date_time_unref);
  g_clear_pointer (&self->applied, g_date_time_unref);

  G_OBJECT_CLASS (am_deprecation_dialog_parent_class)->dispose (object);
}

static void
am_deprecation_dialog_class_init (AmDeprecationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmActionDialogClass *dialog_class = AM_ACTION_DIALOG_CLASS (klass);

  object_class->dispose = am_deprecation_dialog_dispose;
  dialog_class->apply = am_deprecation_dialog_apply;
  dialog_class->apply_finish = am_deprecation_dialog_apply_finish;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amiable/Amiable/dialogs/am-deprecation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmDeprecationDialog, state_row);
  gtk_widget_class_bind_template_child (widget_class, AmDeprecationDialog, deprecate_switch);
  gtk_widget_class_bind_template_child (widget_class, AmDeprecationDialog, when_group);
  gtk_widget_class_bind_template_child (widget_class, AmDeprecationDialog, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, AmDeprecationDialog, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, AmDeprecationDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, AmDeprecationDialog, when_error);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_output_cb);
}

static void
am_deprecation_dialog_init (AmDeprecationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The template's first value was shown before ::output was connected. */
  spin_output_cb (self->hour_spin);
  spin_output_cb (self->minute_spin);
  am_action_dialog_set_apply_label (AM_ACTION_DIALOG (self), _("_Save"), FALSE);
}

AmDeprecationDialog *
am_deprecation_dialog_new (AmSession *session,
                           AmImage   *image)
{
  AmDeprecationDialog *self;
  gint64 unix_time;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) initial = NULL;

  g_return_val_if_fail (AM_IS_IMAGE (image), NULL);

  self = g_object_new (AM_TYPE_DEPRECATION_DIALOG, NULL);
  self->image = am_dialog_setup_for_image (AM_ACTION_DIALOG (self), session, image);

  unix_time = am_image_get_deprecation_unix (image);
  if (unix_time != G_MAXINT64)
    self->current = g_date_time_new_from_unix_utc (unix_time);

  /* Start from the image's own time when it has one (a past one too, so the dialog shows the
   * state it is in), else a year from now at midnight. */
  if (self->current != NULL)
    initial = g_date_time_ref (self->current);
  else
    {
      g_autoptr (GDateTime) next_year = g_date_time_add_years (now, 1);

      initial = g_date_time_new_utc (g_date_time_get_year (next_year),
                                     g_date_time_get_month (next_year),
                                     g_date_time_get_day_of_month (next_year), 0, 0, 0);
    }
  am_deprecation_dialog_set_time (self, initial);
  gtk_switch_set_active (self->deprecate_switch, self->current != NULL);
  changed_cb (self);
  return self;
}

void
am_deprecation_dialog_set_time (AmDeprecationDialog *self,
                                GDateTime           *when)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) day = NULL;

  g_return_if_fail (AM_IS_DEPRECATION_DIALOG (self));
  g_return_if_fail (when != NULL);

  utc = g_date_time_to_utc (when);
  /* The calendar works in local dates: hand it the same calendar day at local noon. */
  day = g_date_time_new_local (g_date_time_get_year (utc), g_date_time_get_month (utc),
                               g_date_time_get_day_of_month (utc), 12, 0, 0);
  gtk_calendar_select_day (self->calendar, day);
  gtk_spin_button_set_value (self->hour_spin, g_date_time_get_hour (utc));
  gtk_spin_button_set_value (self->minute_spin, g_date_time_get_minute (utc));
  changed_cb (self);
}
