/* am-permissions-dialog-usage.c: the permissions dialog's "Who Uses This Image" report: which
 * other accounts launch the image, with their counts of instances and launch templates
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-permissions-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "am-dialog-private.h"
#include "am-ec2-governance.h"
#include "am-group-rows.h"
#include "am-permissions-dialog-private.h"

/* One account's totals in a usage report. */
static void
count_usage (GPtrArray  *entries,
             const char *account_id,
             gint64     *instances,
             gint64     *templates)
{
  *instances = 0;
  *templates = 0;
  for (guint j = 0; j < entries->len; j++)
    {
      AmImageUsageEntry *f = entries->pdata[j];

      if (g_strcmp0 (f->account_id, account_id) != 0)
        continue;
      if (g_strcmp0 (f->resource_type, "ec2:Instance") == 0)
        *instances += f->usage_count;
      else if (g_strcmp0 (f->resource_type, "ec2:LaunchTemplate") == 0)
        *templates += f->usage_count;
    }
}

char *
_am_permissions_usage_counts_text (GPtrArray  *entries,
                                   const char *account_id)
{
  gint64 instances, templates;
  g_autofree char *n_instances = NULL;
  g_autofree char *n_templates = NULL;

  count_usage (entries, account_id, &instances, &templates);
  n_instances = g_strdup_printf (ngettext ("%d instance", "%d instances", (gulong) instances), (int) instances);
  n_templates = g_strdup_printf (ngettext ("%d launch template", "%d launch templates", (gulong) templates),
                                 (int) templates);
  /* TRANSLATORS: "2 instances", then "1 launch template" */
  return g_strdup_printf (_("%s, %s"), n_instances, n_templates);
}

static AdwActionRow *
add_usage_row (AmPermissionsDialog *self,
               const char          *title,
               const char          *subtitle)
{
  AdwActionRow *row = am_group_rows_add (self->usage_group, self->usage_rows, title, subtitle);

  adw_action_row_set_subtitle_lines (row, 0);
  return row;
}

static void
clear_usage_rows (AmPermissionsDialog *self)
{
  am_group_rows_clear (self->usage_group, self->usage_rows);
}

static void
report_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (AmPermissionsDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = am_ec2_client_image_usage_finish (AM_EC2_CLIENT (object), result, &error);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  clear_usage_rows (self);
  gtk_spinner_stop (self->usage_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->usage_spinner), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->usage_button), TRUE);
  gtk_button_set_label (self->usage_button, _("_Check Again"));
  self->usage_loaded = TRUE;
  if (entries == NULL)
    {
      g_autofree char *subtitle = g_strdup_printf (_("%s Check again in a minute; if it keeps failing, the "
                                                     "account may lack permission for image usage reports."),
                                                   error->message);

      add_usage_row (self, _("Could not build the usage report"), subtitle);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      AmImageUsageEntry *e = entries->pdata[i];
      g_autofree char *counts = NULL;

      if (g_strcmp0 (e->account_id, am_image_get_owner_id (self->image)) == 0
          || g_hash_table_contains (seen, e->account_id))
        continue;
      g_hash_table_add (seen, e->account_id);
      counts = _am_permissions_usage_counts_text (entries, e->account_id);
      add_usage_row (self, e->account_id, counts);
    }
  if (g_hash_table_size (seen) == 0)
    add_usage_row (self, _("No other account uses this image"),
                   _("Removing access breaks no one's instances or launch templates today."));
}

/* The report takes EC2 a while to build: ask only when the user wants it, and show the wait. */
void
_am_permissions_dialog_usage_clicked (AmPermissionsDialog *self)
{
  clear_usage_rows (self);
  self->usage_loaded = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->usage_spinner), TRUE);
  gtk_spinner_start (self->usage_spinner);
  gtk_widget_set_sensitive (GTK_WIDGET (self->usage_button), FALSE);
  add_usage_row (self, _("Building the usage report…"),
                 _("EC2 counts the instances and launch templates of every account that uses the image."));
  am_ec2_client_image_usage_async (am_action_dialog_get_client (AM_ACTION_DIALOG (self)),
                                   am_image_get_image_id (self->image), 120,
                                   am_action_dialog_get_cancellable (AM_ACTION_DIALOG (self)),
                                   report_cb, g_object_ref (self));
}

gboolean
am_permissions_dialog_is_usage_loaded (AmPermissionsDialog *self)
{
  g_return_val_if_fail (AM_IS_PERMISSIONS_DIALOG (self), FALSE);
  return self->usage_loaded;
}
