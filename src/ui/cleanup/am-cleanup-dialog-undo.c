/* am-cleanup-dialog-undo.c: the Cleanup assistant after a run: what the Recycle Bin kept, and Undo
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-cleanup-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "am-cleanup-dialog-private.h"

#define RECYCLE_BIN_IDS_PER_CALL 20

/* --- the Recycle Bin after a run ----------------------------------------------------------- */

static void
recycle_bin_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (AmCleanupDialog) self = user_data;
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (GError) error = NULL;
  guint from = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "recycle-from"));
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "recycle-n"));

  listed = am_ec2_client_list_images_in_recycle_bin_finish (AM_EC2_CLIENT (source), result, &error);
  if (listed == NULL)
    {
      g_autofree char *summary = am_error_state_summarize (error, NULL, NULL);

      g_string_append_printf (self->summary, "\n%s %s", _("Could not check the Recycle Bin, so Undo is not offered:"),
                              summary);
      _am_cleanup_dialog_show_summary (self);
      return;
    }
  for (guint i = 0; i < listed->len; i++)
    {
      const char *id = am_image_get_image_id (listed->pdata[i]);

      if (!g_hash_table_contains (self->lost_snapshots, id))
        g_ptr_array_add (self->undoable, g_strdup (id));
      else
        g_ptr_array_add (self->bin_lost, g_strdup (id));
    }
  _am_cleanup_dialog_check_recycle_bin (self, from + n);
}

static void
finish_recycle_check (AmCleanupDialog *self)
{
      if (self->undoable->len > 0 && self->undo_snapshots->len > 0)
        g_string_append_printf (self->summary, "\n%s",
                                _("The Recycle Bin keeps the deregistered images and their deleted snapshots: Undo restores both."));
      else if (self->undoable->len > 0)
        g_string_append_printf (self->summary, "\n%s",
                                _("The Recycle Bin keeps the deregistered images: Undo restores them."));
      else if (g_object_get_data (G_OBJECT (self), "bin-but-lost") != NULL)
        g_string_append_printf (self->summary, "\n%s",
                                _("The Recycle Bin keeps the images, but their snapshots were deleted with them, so they cannot be restored. To keep Undo possible, run the cleanup without deleting snapshots."));
      else if (self->deregistered->len > 0)
        g_string_append_printf (self->summary, "\n%s",
                                _("No Recycle Bin rule keeps these images: this cannot be undone."));
      _am_cleanup_dialog_show_summary (self);
}

/* The images in the Recycle Bin whose snapshots were deleted with them can come back if the
 * Recycle Bin kept those snapshots too (a retention rule for EBS snapshots). One image at a
 * time, each asked in its own Region. */
static void check_snapshot_bin (AmCleanupDialog *self,
                                guint            index);

static void
snapshot_bin_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (AmCleanupDialog) self = user_data;
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "snapshot-bin-index"));
  const char *image_id = self->bin_lost->pdata[index];
  GPtrArray *lost = g_hash_table_lookup (self->lost_snapshots, image_id);
  gboolean all = TRUE;

  listed = am_ec2_client_list_snapshots_in_recycle_bin_finish (AM_EC2_CLIENT (source), result, &error);
  if (listed == NULL)
    {
      g_autofree char *summary = am_error_state_summarize (error, NULL, NULL);

      g_string_append_printf (self->summary, "\n%s %s",
                              _("Could not check the Recycle Bin for the deleted snapshots:"), summary);
      listed = g_ptr_array_new ();
    }
  for (guint i = 0; i < listed->len; i++)
    g_hash_table_add (kept, (gpointer) am_snapshot_get_snapshot_id (listed->pdata[i]));
  for (guint j = 0; j < lost->len && all; j++)
    all = g_hash_table_contains (kept, lost->pdata[j]);
  if (!all)
    g_object_set_data (G_OBJECT (self), "bin-but-lost", GUINT_TO_POINTER (TRUE));
  else
    {
      g_ptr_array_add (self->undoable, g_strdup (image_id));
      for (guint j = 0; j < lost->len; j++)
        g_ptr_array_add (self->undo_snapshots, g_strdup (lost->pdata[j]));
    }
  check_snapshot_bin (self, index + 1);
}

static void
check_snapshot_bin (AmCleanupDialog *self,
                    guint            index)
{
  const char *image_id;
  GPtrArray *lost;
  g_autoptr (GPtrArray) snapshot_ids = NULL;

  if (index >= self->bin_lost->len)
    {
      finish_recycle_check (self);
      return;
    }
  image_id = self->bin_lost->pdata[index];
  lost = g_hash_table_lookup (self->lost_snapshots, image_id);
  snapshot_ids = g_ptr_array_new ();
  g_ptr_array_extend (snapshot_ids, lost, NULL, NULL);
  g_ptr_array_add (snapshot_ids, NULL);
  g_object_set_data (G_OBJECT (self), "snapshot-bin-index", GUINT_TO_POINTER (index));
  am_ec2_client_list_snapshots_in_recycle_bin_async (_am_cleanup_dialog_client_for (self, image_id),
                                                     (const char * const *) snapshot_ids->pdata, NULL,
                                                     snapshot_bin_cb, g_object_ref (self));
}

void
_am_cleanup_dialog_check_recycle_bin (AmCleanupDialog *self,
                                      guint            from)
{
  const char *ids[RECYCLE_BIN_IDS_PER_CALL + 1] = { NULL };
  const char *region;
  guint n = 0;

  if (from >= self->deregistered->len && self->bin_lost->len > 0)
    {
      check_snapshot_bin (self, 0);
      return;
    }
  if (from >= self->deregistered->len)
    {
      finish_recycle_check (self);
      return;
    }
  /* One call asks one Region: the ids of the run are grouped by Region (the plan's order). */
  region = _am_cleanup_dialog_region_of (self, self->deregistered->pdata[from]);
  while (n < RECYCLE_BIN_IDS_PER_CALL && from + n < self->deregistered->len
         && g_strcmp0 (_am_cleanup_dialog_region_of (self, self->deregistered->pdata[from + n]), region) == 0)
    {
      ids[n] = self->deregistered->pdata[from + n];
      n++;
    }
  g_object_set_data (G_OBJECT (self), "recycle-from", GUINT_TO_POINTER (from));
  g_object_set_data (G_OBJECT (self), "recycle-n", GUINT_TO_POINTER (n));
  am_ec2_client_list_images_in_recycle_bin_async (_am_cleanup_dialog_client_for (self, ids[0]), ids, NULL,
                                                  recycle_bin_cb, g_object_ref (self));
}
/* --- undo ---------------------------------------------------------------------------------- */

static void undo_next (AmCleanupDialog *self);

static void
restore_snapshot_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (AmCleanupDialog) self = user_data;
  const char *id = self->undo_snapshots->pdata[self->index];
  const char *region = _am_cleanup_dialog_region_of (self, id);
  g_autofree char *title = region != NULL ? g_strdup_printf ("%s — %s", id, region) : g_strdup (id);
  g_autoptr (GError) error = NULL;

  if (!am_ec2_client_restore_snapshot_finish (AM_EC2_CLIENT (source), result, NULL, &error))
    {
      g_autofree char *summary = am_error_state_summarize (error, NULL, NULL);
      g_autofree char *text = g_strdup_printf ("%s\n%s", summary, error->message);

      _am_cleanup_dialog_add_result_row (self, title, text, TRUE);
    }
  else
    {
      self->n_snapshots_restored++;
      _am_cleanup_dialog_add_result_row (self, title, _("Snapshot restored from the Recycle Bin"), FALSE);
    }
  self->index++;
  undo_next (self);
}

static void
restore_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (AmCleanupDialog) self = user_data;
  const char *id = self->undoable->pdata[self->index - self->undo_snapshots->len];
  const char *title = g_hash_table_lookup (self->titles, id) ?: id;
  g_autoptr (GError) error = NULL;

  if (!am_ec2_client_restore_image_finish (AM_EC2_CLIENT (source), result, NULL, &error))
    {
      g_autofree char *summary = am_error_state_summarize (error, NULL, NULL);
      g_autofree char *text = g_strdup_printf ("%s\n%s", summary, error->message);

      _am_cleanup_dialog_add_result_row (self, title, text, TRUE);
    }
  else
    {
      self->n_restored++;
      _am_cleanup_dialog_add_result_row (self, title, _("Restored from the Recycle Bin"), FALSE);
    }
  self->index++;
  undo_next (self);
}

/* The snapshots first: an image comes back from the Recycle Bin only with its snapshots. */
static void
undo_next (AmCleanupDialog *self)
{
  guint n_snapshots = self->undo_snapshots->len;
  guint total = n_snapshots + self->undoable->len;
  g_autofree char *progress = NULL;
  const char *id;

  gtk_progress_bar_set_fraction (self->progress_bar, (double)self->index / MAX (total, 1));
  if (self->index >= total)
    {
      if (n_snapshots > 0)
        g_string_printf (self->summary, _("Restored %u of %u images and %u of %u snapshots from the Recycle Bin."),
                         self->n_restored, self->undoable->len, self->n_snapshots_restored, n_snapshots);
      else
        g_string_printf (self->summary, _("Restored %u of %u images from the Recycle Bin."),
                         self->n_restored, self->undoable->len);
      g_ptr_array_set_size (self->undoable, 0);
      g_ptr_array_set_size (self->undo_snapshots, 0);
      _am_cleanup_dialog_show_summary (self);
      return;
    }
  if (self->index < n_snapshots)
    {
      id = self->undo_snapshots->pdata[self->index];
      progress = g_strdup_printf (_("Restoring %s (%u of %u)…"), id, self->index + 1, total);
      gtk_label_set_text (self->progress_label, progress);
      am_ec2_client_restore_snapshot_async (_am_cleanup_dialog_client_for (self, id), id, FALSE, NULL, restore_snapshot_cb, g_object_ref (self));
      return;
    }
  id = self->undoable->pdata[self->index - n_snapshots];
  progress = g_strdup_printf (_("Restoring %s (%u of %u)…"),
                              (char *)(g_hash_table_lookup (self->titles, id) ?: id), self->index + 1, total);
  gtk_label_set_text (self->progress_label, progress);
  am_ec2_client_restore_image_async (_am_cleanup_dialog_client_for (self, id), id, FALSE, NULL, restore_cb, g_object_ref (self));
}

void
_am_cleanup_dialog_undo_clicked_cb (AmCleanupDialog *self)
{
  if (self->undoable->len == 0)
    return;
  self->index = 0;
  self->n_restored = 0;
  self->n_snapshots_restored = 0;
  _am_cleanup_dialog_set_page (self, PAGE_RUNNING);
  gtk_widget_set_visible (GTK_WIDGET (self->undo_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->close_button), FALSE);
  undo_next (self);
}
