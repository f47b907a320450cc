/* am-account-dialog.c: the Add Account dialog of Preferences
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-account-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "am-account-dialog.h"
#include "am-accounts.h"

struct _AmAccountDialog
{
  AdwWindow     parent_instance;

  /* template widgets */
  GtkButton    *add_button;
  AdwEntryRow  *name_row;
  AdwEntryRow  *key_row;
  AdwEntryRow  *secret_row;
  AdwEntryRow  *region_row;
  AdwEntryRow  *endpoint_row;
  GtkLabel     *message_label;

  /* owned */
  GSettings    *settings;
  GCancellable *cancellable;

  /* state */
  gboolean      saving;
};

G_DEFINE_FINAL_TYPE (AmAccountDialog, am_account_dialog, ADW_TYPE_WINDOW)

enum {
  ACCOUNT_ADDED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

AmAccountDialog *
am_account_dialog_new (GtkWindow *parent)
{
  return g_object_new (AM_TYPE_ACCOUNT_DIALOG,
                       "transient-for", parent,
                       NULL);
}

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Marks @row red when something typed in it is wrong (an empty required row is not red:
 * nothing was typed yet) and keeps the first such problem as the message. */
static void
check_row (AdwEntryRow  *row,
           char         *problem,
           char        **first_message)
{
  gboolean typed = *row_text (row) != '\0';

  if (problem != NULL && typed)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");

  if (problem != NULL && typed && *first_message == NULL)
    *first_message = g_steal_pointer (&problem);
  g_free (problem);
}

static void
validate (AmAccountDialog *self)
{
  g_autofree char *message = NULL;
  gboolean ok = TRUE;
  g_autofree char *name_problem = am_accounts_check_name (self->settings, row_text (self->name_row));
  g_autofree char *key_problem = am_accounts_check_access_key_id (row_text (self->key_row));
  g_autofree char *secret_problem = am_accounts_check_secret (row_text (self->secret_row));
  g_autofree char *region_problem = am_accounts_check_region (row_text (self->region_row));
  g_autofree char *endpoint_problem = am_accounts_check_endpoint (row_text (self->endpoint_row));

  ok &= name_problem == NULL;
  ok &= key_problem == NULL;
  ok &= secret_problem == NULL;
  ok &= region_problem == NULL;
  ok &= endpoint_problem == NULL;

  check_row (self->name_row, g_steal_pointer (&name_problem), &message);
  check_row (self->key_row, g_steal_pointer (&key_problem), &message);
  check_row (self->secret_row, g_steal_pointer (&secret_problem), &message);
  check_row (self->region_row, g_steal_pointer (&region_problem), &message);
  check_row (self->endpoint_row, g_steal_pointer (&endpoint_problem), &message);

  gtk_label_set_label (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), ok && !self->saving);
}

static void
am_account_dialog_set_saving (AmAccountDialog *self,
                              gboolean         saving)
{
  AdwEntryRow *rows[] = { self->name_row, self->key_row, self->secret_row, self->region_row, self->endpoint_row };

  self->saving = saving;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_set_sensitive (GTK_WIDGET (rows[i]), !saving);
  validate (self);
}

static void
am_account_dialog_added_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr (AmAccountDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;

  if (!am_accounts_add_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      am_account_dialog_set_saving (self, FALSE);
      gtk_label_set_label (self->message_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
      return;
    }

  name = g_strdup (row_text (self->name_row));
  self->saving = FALSE;
  g_signal_emit (self, signals[ACCOUNT_ADDED], 0, name);
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_clicked_cb (AmAccountDialog *self)
{
  g_autoptr (AmAccount) account = NULL;
  g_autofree char *endpoint = NULL;

  validate (self);
  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->add_button)))
    return;

  endpoint = g_strstrip (g_strdup (row_text (self->endpoint_row)));
  /* Keep the endpoint without a trailing slash, the way the AWS CLI writes it. */
  if (g_str_has_suffix (endpoint, "/"))
    endpoint[strlen (endpoint) - 1] = '\0';
  account = am_account_new (row_text (self->name_row), row_text (self->key_row),
                            row_text (self->region_row), endpoint);

  am_account_dialog_set_saving (self, TRUE);
  am_accounts_add_async (self->settings, account, row_text (self->secret_row), self->cancellable,
                         am_account_dialog_added_cb, g_object_ref (self));
}

static void
am_account_dialog_dispose (GObject *object)
{
  AmAccountDialog *self = AM_ACCOUNT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_ACCOUNT_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (am_account_dialog_parent_class)->dispose (object);
}

static void
am_account_dialog_class_init (AmAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_account_dialog_dispose;

  /**
   * AmAccountDialog::account-added:
   * @name: the new account's profile name
   */
  signals[ACCOUNT_ADDED] =
    g_signal_new ("account-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amiable/Amiable/am-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmAccountDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, AmAccountDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AmAccountDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, AmAccountDialog, secret_row);
  gtk_widget_class_bind_template_child (widget_class, AmAccountDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, AmAccountDialog, endpoint_row);
  gtk_widget_class_bind_template_child (widget_class, AmAccountDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
am_account_dialog_init (AmAccountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  validate (self);
}
