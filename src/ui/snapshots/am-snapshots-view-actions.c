/* am-snapshots-view-actions.c: the Snapshots view's Create Snapshot, Delete and Restore
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-snapshots-view"

#include "config.h"

#include <glib/gi18n.h>

#include "am-aws-error.h"
#include "am-snapshots-view-private.h"
#include "am-time-format.h"

/* --- delete and restore, one snapshot at a time -------------------------------------------- */

typedef struct
{
  AmSnapshotsView *self;
  GPtrArray       *ids;       /* (element-type utf8) */
  guint            index;
  GPtrArray       *done;      /* (element-type utf8) the ids that succeeded */
  GString         *failures;
  gboolean         restore;
  AmEc2Client     *client;    /* of the snapshots' Region: every call of the batch goes there */
} Batch;

static void
batch_free (Batch *batch)
{
  g_object_unref (batch->self);
  g_clear_object (&batch->client);
  g_ptr_array_unref (batch->ids);
  g_ptr_array_unref (batch->done);
  g_string_free (batch->failures, TRUE);
  g_free (batch);
}

static void batch_next (Batch *batch);

static void
show_failures (AmSnapshotsView *self,
               const char      *heading,
               const char      *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* After deleting: what the Recycle Bin kept, said plainly. */
static void
deleted_bin_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Batch *batch = user_data;
  AmSnapshotsView *self = batch->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) kept = NULL;
  g_autofree char *message = NULL;
  guint n = batch->done->len;

  kept = am_ec2_client_list_snapshots_in_recycle_bin_finish (AM_EC2_CLIENT (source), result, &error);
  if (kept == NULL)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Deleted %u snapshot; whether the Recycle Bin keeps it is unknown (%s)",
                                            "Deleted %u snapshots; whether the Recycle Bin keeps them is unknown (%s)", n),
                               n, error->message);
  else if (kept->len == 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Deleted %u snapshot for good: no Recycle Bin rule keeps it",
                                            "Deleted %u snapshots for good: no Recycle Bin rule keeps them", n), n);
  else
    {
      g_autofree char *until = am_time_format_local (am_snapshot_get_recycle_bin_exit_time (kept->pdata[0]));

      if (kept->len == n)
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Deleted %u snapshot; the Recycle Bin keeps it until %s, and Restore brings it back",
                                                "Deleted %u snapshots; the Recycle Bin keeps them until %s, and Restore brings them back",
                                                n), n, until);
      else
        message = g_strdup_printf (_("Deleted %u snapshots; the Recycle Bin keeps %u of them until %s"), n, kept->len,
                                   until);
    }
  _am_snapshots_view_toast (self, message);
  batch_free (batch);
}

static void
batch_finish (Batch *batch)
{
  AmSnapshotsView *self = batch->self;
  AmEc2Client *client = batch->client;

  self->changing = FALSE;
  if (batch->failures->len > 0)
    show_failures (self, batch->restore ? _("Some Snapshots Were Not Restored") : _("Some Snapshots Were Not Deleted"),
                   batch->failures->str);
  am_snapshots_view_reload (self);
  if (batch->restore || batch->done->len == 0 || client == NULL)
    {
      if (batch->restore && batch->done->len > 0)
        {
          g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Restored %u snapshot",
                                                                   "Restored %u snapshots", batch->done->len),
                                                      batch->done->len);
          _am_snapshots_view_toast (self, message);
        }
      batch_free (batch);
      return;
    }
  g_ptr_array_add (batch->done, NULL);
  am_ec2_client_list_snapshots_in_recycle_bin_async (client, (const char * const *) batch->done->pdata, NULL,
                                                     deleted_bin_cb, batch);
  g_ptr_array_set_size (batch->done, batch->done->len - 1);
}

static void
batch_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Batch *batch = user_data;
  g_autoptr (GError) error = NULL;
  const char *id = batch->ids->pdata[batch->index];
  gboolean ok = batch->restore
                ? am_ec2_client_restore_snapshot_finish (AM_EC2_CLIENT (source), result, NULL, &error)
                : am_ec2_client_delete_snapshot_finish (AM_EC2_CLIENT (source), result, NULL, &error);

  if (ok)
    g_ptr_array_add (batch->done, g_strdup (id));
  else
    {
      g_autofree char *summary = am_error_state_summarize (error, NULL, NULL);

      g_string_append_printf (batch->failures, "%s: %s\n", id, summary);
      if (am_aws_error_get_maybe_applied (error))
        g_string_append_printf (batch->failures, "%s\n",
                                _("The answer was lost after the request was sent, so it was not sent again: "
                                  "the list shows whether it was done."));
    }
  batch->index++;
  batch_next (batch);
}

static void
batch_next (Batch *batch)
{
  AmEc2Client *client = batch->client;
  const char *id;

  if (batch->index >= batch->ids->len || client == NULL)
    return batch_finish (batch);
  id = batch->ids->pdata[batch->index];
  if (batch->restore)
    am_ec2_client_restore_snapshot_async (client, id, FALSE, NULL, batch_cb, batch);
  else
    am_ec2_client_delete_snapshot_async (client, id, FALSE, NULL, batch_cb, batch);
}

static void
start_batch (AmSnapshotsView *self,
             gboolean         restore)
{
  g_autoptr (GPtrArray) rows = _am_snapshots_view_get_selected (self);
  AmEc2Client *client = _am_snapshots_view_client_for (self, rows);
  Batch *batch;

  if (client == NULL)
    return;
  batch = g_new0 (Batch, 1);
  batch->self = g_object_ref (self);
  batch->client = g_object_ref (client);
  batch->ids = g_ptr_array_new_with_free_func (g_free);
  batch->done = g_ptr_array_new_with_free_func (g_free);
  batch->failures = g_string_new (NULL);
  batch->restore = restore;
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (batch->ids, g_strdup (am_snapshot_get_snapshot_id (rows->pdata[i])));
  self->changing = TRUE;
  _am_snapshots_view_update_actions (self);
  batch_next (batch);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    AmSnapshotsView  *self)
{
  if (g_strcmp0 (response, "delete") == 0 && _am_snapshots_view_client_of (self) != NULL && !self->changing)
    start_batch (self, FALSE);
}

void
_am_snapshots_view_delete_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  AmSnapshotsView *self = AM_SNAPSHOTS_VIEW (widget);
  g_autoptr (GPtrArray) rows = _am_snapshots_view_get_selected (self);
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  AmSnapshotInventory *inventory;
  guint days;
  guint n_used = 0;
  int gib = 0;
  AdwMessageDialog *dialog;

  if (rows->len == 0)
    return;
  /* The Recycle Bin of the snapshots' own Region. */
  inventory = _am_snapshots_view_inventory_of (self, rows->pdata[0]);
  days = inventory != NULL ? am_snapshot_inventory_get_observed_retention_days (inventory) : 0;
  for (guint i = 0; i < rows->len; i++)
    {
      AmSnapshot *sn = rows->pdata[i];

      gib += am_snapshot_get_volume_size (sn);
      if (!_am_snapshots_view_is_orphan (self, sn))
        n_used++;
      if (i < 8)
        g_string_append_printf (body, "%s  %s\n", am_snapshot_get_snapshot_id (sn),
                                (char *) g_hash_table_lookup (self->used_by, am_snapshot_get_snapshot_id (sn)));
    }
  if (rows->len > 8)
    g_string_append_printf (body, _("… and %u more\n"), rows->len - 8);
  g_string_append_printf (body, "\n%s ", _("Together:"));
  g_string_append_printf (body, _("%d GiB"), gib);
  g_string_append (body, "\n\n");
  if (n_used > 0)
    {
      g_string_append (body, _("EC2 refuses to delete a snapshot that a registered image uses: deregister the image first."));
      g_string_append (body, "\n\n");
    }
  if (days > 0)
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                               "The Recycle Bin keeps this account's deleted snapshots for %u day: while it does, they can be restored. Amiable says after deleting whether it kept these.",
                                               "The Recycle Bin keeps this account's deleted snapshots for %u days: while it does, they can be restored. Amiable says after deleting whether it kept these.",
                                               days), days);
  else
    g_string_append (body, _("No deleted snapshot is in the Recycle Bin now, so no rule is known to keep them: unless a Recycle Bin retention rule for EBS snapshots covers them, they are gone for good. Amiable says after deleting which it was."));
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Snapshot?", "Delete %u Snapshots?", rows->len),
                             rows->len);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body->str));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_am_snapshots_view_restore_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  AmSnapshotsView *self = AM_SNAPSHOTS_VIEW (widget);

  if (_am_snapshots_view_showing_bin (self) && !self->changing)
    start_batch (self, TRUE);
}

/* --- Create Snapshot ----------------------------------------------------------------------- */

typedef struct
{
  AmSnapshotsView *self;
  GtkWindow       *window;
  AdwComboRow     *volume_row;
  AdwEntryRow     *description_row;
  GtkLabel        *status_label;
  GtkButton       *create_button;
  GtkSpinner      *spinner;
  GtkStringList   *volumes;        /* volume ids, parallel to the combo row's labels */
  GtkStringList   *labels;
  GPtrArray       *details;        /* (element-type utf8) "/dev/xvda of i-… (running)", parallel */
  gboolean         sent;           /* CreateSnapshot went out: never sent again */
} CreateDialog;

static void
create_dialog_free (gpointer data)
{
  CreateDialog *d = data;

  g_object_unref (d->self);
  g_clear_object (&d->volumes);
  g_ptr_array_unref (d->details);
  g_free (d);
}

static void
create_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GtkWindow) window = user_data;
  CreateDialog *d = g_object_get_data (G_OBJECT (window), "create-dialog");
  g_autoptr (AmSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;

  d->self->changing = FALSE;
  gtk_spinner_set_spinning (d->spinner, FALSE);
  if (!am_ec2_client_create_snapshot_finish (AM_EC2_CLIENT (source), result, &snapshot, NULL, &error))
    {
      g_autofree char *summary = am_error_state_summarize (error, NULL, NULL);
      g_autofree char *text = NULL;

      if (am_aws_error_get_maybe_applied (error))
        text = g_strdup_printf (_("%s The request may have reached EC2, so it was not sent again: close this "
                                  "dialog and look for the snapshot in the list before creating another."), summary);
      else
        {
          text = g_strdup (summary);
          /* Refused before anything was made: trying again is safe. */
          d->sent = FALSE;
          gtk_widget_set_sensitive (GTK_WIDGET (d->create_button), TRUE);
        }
      gtk_label_set_text (d->status_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (d->status_label), "error");
      am_snapshots_view_reload (d->self);
      return;
    }
  {
    g_autofree char *message = g_strdup_printf (_("Snapshot %s is being created from %s"),
                                                am_snapshot_get_snapshot_id (snapshot),
                                                am_snapshot_get_volume_id (snapshot));
    _am_snapshots_view_toast (d->self, message);
  }
  am_snapshots_view_reload (d->self);
  gtk_window_destroy (window);
}

static void
create_clicked_cb (GtkButton *button,
                   GtkWindow *window)
{
  CreateDialog *d = g_object_get_data (G_OBJECT (window), "create-dialog");
  AmEc2Client *client = _am_snapshots_view_client_of (d->self);
  guint pos = adw_combo_row_get_selected (d->volume_row);
  const char *volume_id;
  const char *description = gtk_editable_get_text (GTK_EDITABLE (d->description_row));

  if (d->sent || client == NULL || pos == GTK_INVALID_LIST_POSITION
      || pos >= g_list_model_get_n_items (G_LIST_MODEL (d->volumes)))
    return;
  volume_id = gtk_string_list_get_string (d->volumes, pos);
  d->sent = TRUE;
  d->self->changing = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (d->create_button), FALSE);
  gtk_spinner_set_spinning (d->spinner, TRUE);
  gtk_label_set_text (d->status_label, _("Creating the snapshot…"));
  gtk_widget_remove_css_class (GTK_WIDGET (d->status_label), "error");
  am_ec2_client_create_snapshot_async (client, volume_id, description[0] ? description : NULL, FALSE, NULL,
                                       create_cb, g_object_ref (window));
}

/* The combo row shows the volume id; its subtitle says whose volume it is. */
static void
volume_selected_cb (AdwComboRow  *row,
                    GParamSpec   *pspec,
                    CreateDialog *d)
{
  guint pos = adw_combo_row_get_selected (row);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), pos < d->details->len ? d->details->pdata[pos] : "");
}

static void
volumes_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (GtkWindow) window = user_data;
  CreateDialog *d = g_object_get_data (G_OBJECT (window), "create-dialog");
  g_autoptr (GPtrArray) instances = NULL;
  g_autoptr (GError) error = NULL;

  gtk_spinner_set_spinning (d->spinner, FALSE);
  instances = am_ec2_client_describe_instances_finish (AM_EC2_CLIENT (source), result, &error);
  if (instances == NULL)
    {
      g_autofree char *summary = am_error_state_summarize (error, NULL, NULL);

      gtk_label_set_text (d->status_label, summary);
      gtk_widget_add_css_class (GTK_WIDGET (d->status_label), "error");
      return;
    }
  for (guint i = 0; i < instances->len; i++)
    {
      AmInstance *in = instances->pdata[i];
      AmInstanceBlockDevice * const *devices = am_instance_get_block_devices (in);

      if (g_strcmp0 (am_instance_get_state_name (in), "terminated") == 0)
        continue;
      for (guint j = 0; devices[j] != NULL; j++)
        {
          const char *volume_id = am_instance_block_device_get_volume_id (devices[j]);
          g_autofree char *label = NULL;

          if (volume_id == NULL)
            continue;
          label = g_strdup_printf (_("%s (%s of %s, %s)"), volume_id,
                                   am_instance_block_device_get_device_name (devices[j]),
                                   am_instance_get_instance_id (in), am_instance_get_state_name (in));
          gtk_string_list_append (d->volumes, volume_id);
          g_ptr_array_add (d->details, g_steal_pointer (&label));
          gtk_string_list_append (d->labels, volume_id);
        }
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (d->volumes)) == 0)
    {
      gtk_label_set_text (d->status_label, _("No instance of this account in the region has a volume to snapshot."));
      return;
    }
  gtk_label_set_text (d->status_label, "");
  volume_selected_cb (d->volume_row, NULL, d);
  gtk_widget_set_sensitive (GTK_WIDGET (d->create_button), TRUE);
}

void
_am_snapshots_view_create_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  AmSnapshotsView *self = AM_SNAPSHOTS_VIEW (widget);
  AmEc2Client *client = _am_snapshots_view_client_of (self);
  CreateDialog *d;
  GtkWidget *window, *header, *box, *group, *cancel, *status_box;

  if (client == NULL)
    return;
  d = g_new0 (CreateDialog, 1);
  d->self = g_object_ref (self);
  d->volumes = gtk_string_list_new (NULL);
  d->labels = gtk_string_list_new (NULL);
  d->details = g_ptr_array_new_with_free_func (g_free);

  window = adw_window_new ();
  d->window = GTK_WINDOW (window);
  gtk_window_set_title (GTK_WINDOW (window), _("Create Snapshot"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_set_default_size (GTK_WINDOW (window), 600, -1);
  g_object_set_data_full (G_OBJECT (window), "create-dialog", d, create_dialog_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  d->create_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("C_reate")));
  gtk_widget_add_css_class (GTK_WIDGET (d->create_button), "suggested-action");
  gtk_widget_set_sensitive (GTK_WIDGET (d->create_button), FALSE);
  g_signal_connect (d->create_button, "clicked", G_CALLBACK (create_clicked_cb), window);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (d->create_button));
  gtk_box_append (GTK_BOX (box), header);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A snapshot copies a volume of one of your instances as it is now. It is billed per GB-month until deleted, and no image uses it until you register one from it."));
  gtk_widget_set_margin_start (group, 12);
  gtk_widget_set_margin_end (group, 12);
  gtk_widget_set_margin_top (group, 12);
  d->volume_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->volume_row), _("_Volume"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (d->volume_row), TRUE);
  adw_combo_row_set_model (d->volume_row, G_LIST_MODEL (d->labels));
  g_signal_connect (d->volume_row, "notify::selected", G_CALLBACK (volume_selected_cb), d);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (d->volume_row));
  d->description_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->description_row), _("_Description"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (d->description_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (d->description_row));
  gtk_box_append (GTK_BOX (box), group);

  status_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (status_box, 12);
  gtk_widget_set_margin_end (status_box, 12);
  gtk_widget_set_margin_top (status_box, 12);
  gtk_widget_set_margin_bottom (status_box, 12);
  d->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_spinner_set_spinning (d->spinner, TRUE);
  gtk_box_append (GTK_BOX (status_box), GTK_WIDGET (d->spinner));
  d->status_label = GTK_LABEL (gtk_label_new (_("Listing the volumes of your instances…")));
  gtk_label_set_wrap (d->status_label, TRUE);
  gtk_label_set_xalign (d->status_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (d->status_label), TRUE);
  gtk_box_append (GTK_BOX (status_box), GTK_WIDGET (d->status_label));
  gtk_box_append (GTK_BOX (box), status_box);
  adw_window_set_content (ADW_WINDOW (window), box);
  g_object_unref (d->labels);  /* the combo row holds it */

  am_ec2_client_describe_instances_async (client, NULL, NULL, NULL, volumes_cb, g_object_ref (window));
  gtk_window_present (GTK_WINDOW (window));
}
