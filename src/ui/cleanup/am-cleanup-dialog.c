/* am-cleanup-dialog.c: the Cleanup assistant: keep rules, a preview of what goes, run, undo
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-cleanup-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "am-block-device-mapping.h"
#include "am-cleanup-dialog-private.h"
#include "am-snapshot-deletion.h"

typedef enum
{
  COLUMN_IMAGE,
  COLUMN_REGION,
  COLUMN_FAMILY,
  COLUMN_AGE,
  COLUMN_WHY,
  COLUMN_SNAPSHOTS,
  COLUMN_GB,
} Column;

G_DEFINE_FINAL_TYPE (AmCleanupDialog, am_cleanup_dialog, ADW_TYPE_WINDOW)

static const char * const page_names[] = { "loading", "error", "preview", "running", "summary" };

static void am_cleanup_dialog_load (AmCleanupDialog *self);

void
_am_cleanup_dialog_set_page (AmCleanupDialog *self,
                             Page             page)
{
  self->page = page;
  gtk_stack_set_visible_child_name (self->stack, page == PAGE_RUNNING || page == PAGE_SUMMARY
                                                 ? "results" : page_names[page]);
  gtk_spinner_set_spinning (self->spinner, page == PAGE_LOADING);
  gtk_widget_set_visible (GTK_WIDGET (self->run_button), page == PAGE_PREVIEW);
}

void
_am_cleanup_dialog_show_error (AmCleanupDialog *self,
                               const char      *title,
                               const GError    *error)
{
  am_error_state_set_error (self->error_state, title, error, NULL, NULL, NULL);
  am_error_state_set_action (self->error_state, _("_Retry"), "cleanup.reload");
  _am_cleanup_dialog_set_page (self, PAGE_ERROR);
}

/* --- preview ------------------------------------------------------------------------------- */

static char *
format_cost (double usd)
{
  return g_strdup_printf (_("about %.2f USD a month"), usd);
}

static char *
why_text (AmCleanupDialog      *self,
          const AmCleanupEntry *entry)
{
  guint newest = gtk_spin_button_get_value_as_int (self->keep_newest_spin);
  guint days = gtk_spin_button_get_value_as_int (self->keep_days_spin);

  if (newest > 0 && days > 0)
    return g_strdup_printf (_("Not among the newest %u of its family, and older than %u days"), newest, days);
  if (newest > 0)
    return g_strdup_printf (_("Not among the newest %u of its family"), newest);
  if (days > 0)
    return g_strdup_printf (_("Older than %u days"), days);
  return g_strdup (_("No rule keeps it"));
}

static char *
cell_text (AmCleanupDialog *self,
           AmImage         *image,
           Column           column)
{
  AmCleanupEntry *entry = g_hash_table_lookup (self->entries, am_image_get_image_id (image));

  if (entry == NULL)
    return g_strdup ("");
  switch (column)
    {
    case COLUMN_IMAGE:
      return g_strdup_printf ("%s\n%s", am_image_get_name (image) ?: "", am_image_get_image_id (image));
    case COLUMN_REGION:
      return g_strdup (am_image_get_region (image) ?: "");
    case COLUMN_FAMILY:
      return g_strdup (entry->family[0] != '\0' ? entry->family : _("(no tag)"));
    case COLUMN_AGE:
      return g_strdup_printf (_("%d days"), (int)MIN (entry->age_days, G_MAXINT));
    case COLUMN_WHY:
      return why_text (self, entry);
    case COLUMN_SNAPSHOTS:
      if (!self->delete_snapshots)
        return g_strdup (_("Kept"));
      if (entry->freed_snapshots[0] == NULL)
        return g_strdup (_("None freed (another image uses them)"));
      return g_strjoinv ("\n", entry->freed_snapshots);
    case COLUMN_GB:
      return g_strdup_printf ("%.0f", self->delete_snapshots ? entry->freed_gb : 0.0);
    default:
      g_assert_not_reached ();
    }
}

/* The whole text of a cut-short cell, made when asked. */
static gboolean
cell_query_tooltip_cb (GtkWidget  *label,
                       int         x,
                       int         y,
                       gboolean    keyboard_mode,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));

  if (!pango_layout_is_ellipsized (layout))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (GTK_LABEL (label)));
  return TRUE;
}

/* Lines as the text breaks them, each ellipsized, not wrapped: GTK 4.8 binds up to 200 rows
 * after every change of the preview, and wrapping labels are measured for their height at
 * each width (most of the cost of a recompute at 2,000 images). */
static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  AmCleanupDialog *self = user_data;
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  g_autofree char *text = cell_text (self, gtk_list_item_get_item (item), column);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static GtkColumnViewColumn *
add_column (AmCleanupDialog *self,
            const char      *title,
            Column           column,
            gboolean         expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->preview_view, view_column);
  g_object_unref (view_column);
  return view_column;
}

static void
update_run_button (AmCleanupDialog *self)
{
  guint n = am_cleanup_plan_get_n_removals (self->plan);
  gboolean dry_run = gtk_switch_get_active (self->dry_run_switch);
  g_autofree char *label = NULL;

  label = dry_run ? g_strdup (_("_Deregister")) : g_strdup_printf (_("_Deregister %u Images"), n);
  gtk_button_set_label (self->run_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->run_button), !dry_run && n > 0);
}

static void
plan_changed_cb (AmCleanupDialog *self)
{
  g_autoptr (GPtrArray) removals = am_cleanup_plan_get_removals (self->plan);
  g_autoptr (GPtrArray) images = g_ptr_array_new ();
  GPtrArray *entries = am_cleanup_plan_get_entries (self->plan);
  guint used = 0, protected = 0, shared = 0;
  g_autofree char *totals = NULL;
  g_autofree char *kept = NULL;

  g_hash_table_remove_all (self->entries);
  for (guint i = 0; i < entries->len; i++)
    {
      AmCleanupEntry *entry = entries->pdata[i];

      g_hash_table_insert (self->entries, (gpointer)am_image_get_image_id (entry->image), entry);
      used += entry->verdict == AM_CLEANUP_KEEP_USED;
      protected += entry->verdict == AM_CLEANUP_KEEP_PROTECTED;
      shared += entry->verdict == AM_CLEANUP_KEEP_SHARED;
    }
  for (guint i = 0; i < removals->len; i++)
    g_ptr_array_add (images, ((AmCleanupEntry *)removals->pdata[i])->image);
  g_list_store_splice (self->removals, 0, g_list_model_get_n_items (G_LIST_MODEL (self->removals)),
                       images->pdata, images->len);

  if (removals->len == 0)
    totals = g_strdup (_("No image would go: the rules keep all of them."));
  else if (!self->delete_snapshots)
    totals = g_strdup_printf (_("Would go: %u of %u images; their snapshots stay, so no storage is freed."),
                              removals->len, entries->len);
  else
    {
      g_autofree char *cost = format_cost (am_cleanup_plan_get_freed_monthly_cost (self->plan));

      totals = g_strdup_printf (_("Would go: %u of %u images and %u snapshots, freeing up to %.0f GB (%s)."),
                                removals->len, entries->len,
                                am_cleanup_plan_get_n_freed_snapshots (self->plan),
                                am_cleanup_plan_get_freed_gb (self->plan), cost);
    }
  gtk_label_set_text (self->totals_label, totals);
  kept = g_strdup_printf (_("Always kept: %u in use, %u protected, %u shared."), used, protected, shared);
  gtk_label_set_text (self->kept_label, kept);
  update_run_button (self);
}

void
_am_cleanup_dialog_apply_rules (AmCleanupDialog *self)
{
  gboolean by_tag = adw_combo_row_get_selected (self->group_row) == 1;

  gtk_widget_set_visible (GTK_WIDGET (self->tag_row), by_tag);
  am_cleanup_plan_set_family_tag (self->plan, by_tag ? gtk_editable_get_text (GTK_EDITABLE (self->tag_row)) : NULL);
  am_cleanup_plan_set_keep_newest (self->plan, gtk_spin_button_get_value_as_int (self->keep_newest_spin));
  am_cleanup_plan_set_keep_days (self->plan, gtk_spin_button_get_value_as_int (self->keep_days_spin));
  am_cleanup_plan_set_rates (self->plan, g_settings_get_double (self->settings, "snapshot-rate-standard"),
                             g_settings_get_double (self->settings, "snapshot-rate-archive"));
  self->delete_snapshots = gtk_switch_get_active (self->delete_snapshots_switch);
  if (self->page == PAGE_PREVIEW)
    am_cleanup_plan_compute (self->plan);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (AmCleanupDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!am_cleanup_plan_load_finish (self->plan, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _am_cleanup_dialog_show_error (self, _("Could Not Read Your Images"), error);
      return;
    }
  _am_cleanup_dialog_set_page (self, PAGE_PREVIEW);
  _am_cleanup_dialog_apply_rules (self);
}

static void
am_cleanup_dialog_load (AmCleanupDialog *self)
{
  if (self->client == NULL)
    {
      g_autoptr (GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                                                      _("Amiable is not connected to an account. Choose a profile in the main window, then open Clean Up Images again."));

      _am_cleanup_dialog_show_error (self, _("Not Connected"), error);
      return;
    }
  /* A load still running is not wanted any more (the All Regions switch moved). */
  g_cancellable_cancel (self->cancellable);
  g_object_unref (self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->all_regions)
    {
      _am_cleanup_dialog_load_regions (self);
      return;
    }
  _am_cleanup_dialog_leave_regions (self);
  _am_cleanup_dialog_set_page (self, PAGE_LOADING);
  am_cleanup_plan_load_async (self->plan, self->client, self->cancellable, load_cb, g_object_ref (self));
}

static void
all_regions_changed_cb (AmCleanupDialog *self)
{
  gboolean all = gtk_switch_get_active (self->all_regions_switch);

  if (all == self->all_regions)
    return;
  self->all_regions = all;
  gtk_column_view_column_set_visible (self->region_column, all);
  am_cleanup_dialog_load (self);
}

static void
am_cleanup_dialog_reload_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  am_cleanup_dialog_load (AM_CLEANUP_DIALOG (widget));
}

static void
am_cleanup_dialog_retry_regions_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  _am_cleanup_dialog_retry_regions (AM_CLEANUP_DIALOG (widget));
}

/* --- run ----------------------------------------------------------------------------------- */

void
_am_cleanup_dialog_add_result_row (AmCleanupDialog *self,
                                   const char      *title,
                                   const char      *subtitle,
                                   gboolean         failed)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (failed ? "dialog-error-symbolic" : "object-select-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (icon, failed ? "error" : "success");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_append (self->results_list, row);
}

static char *
image_title (AmImage *image)
{
  /* All Regions: where it went (and comes back) tells two copies of a family apart. */
  if (am_image_get_region (image) != NULL)
    return g_strdup_printf ("%s (%s) — %s", am_image_get_name (image) ?: "", am_image_get_image_id (image),
                            am_image_get_region (image));
  return g_strdup_printf ("%s (%s)", am_image_get_name (image) ?: "", am_image_get_image_id (image));
}

static double
snapshot_gb (AmImage    *image,
             const char *snapshot_id)
{
  AmBlockDeviceMapping * const *mappings = am_image_get_block_device_mappings (image);

  for (guint i = 0; mappings[i] != NULL; i++)
    if (g_strcmp0 (am_block_device_mapping_get_snapshot_id (mappings[i]), snapshot_id) == 0)
      return am_block_device_mapping_get_volume_size (mappings[i]);
  return 0;
}

static const char *
snapshot_result_text (const char *code)
{
  if (g_strcmp0 (code, "success") == 0)
    return _("deleted");
  if (g_strcmp0 (code, "skipped") == 0)
    return _("kept: another image uses it");
  if (g_strcmp0 (code, "missing-permissions") == 0)
    return _("not deleted: this account may not delete it");
  return _("not deleted: EC2 could not delete it; delete it in Snapshots later");
}

static void finish_run (AmCleanupDialog *self);
static void run_next (AmCleanupDialog *self);

static void
deregister_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (AmCleanupDialog) self = user_data;
  AmImage *image = self->queue->pdata[self->index];
  g_autoptr (GPtrArray) snapshots = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = image_title (image);

  if (!am_ec2_client_deregister_image_finish_full (AM_EC2_CLIENT (source), result, &snapshots, NULL, &error))
    {
      g_autofree char *summary = am_error_state_summarize (error, NULL, NULL);
      g_autofree char *text = g_strdup_printf ("%s\n%s", summary, error->message);

      self->n_failed++;
      _am_cleanup_dialog_add_result_row (self, title, text, TRUE);
    }
  else
    {
      g_autoptr (GString) text = g_string_new (_("Deregistered"));

      g_ptr_array_add (self->deregistered, g_strdup (am_image_get_image_id (image)));
      _am_cleanup_dialog_remember_region (self, am_image_get_image_id (image), image);
      g_hash_table_replace (self->titles, g_strdup (am_image_get_image_id (image)), g_strdup (title));
      for (guint i = 0; snapshots != NULL && i < snapshots->len; i++)
        {
          AmSnapshotDeletion *deletion = snapshots->pdata[i];
          const char *id = am_snapshot_deletion_get_snapshot_id (deletion);

          g_string_append_printf (text, "\n%s: %s", id,
                                  snapshot_result_text (am_snapshot_deletion_get_return_code (deletion)));
          if (am_snapshot_deletion_get_deleted (deletion))
            {
              GPtrArray *lost = g_hash_table_lookup (self->lost_snapshots, am_image_get_image_id (image));

              self->n_snapshots_deleted++;
              self->gb_freed += snapshot_gb (image, id);
              if (lost == NULL)
                {
                  lost = g_ptr_array_new_with_free_func (g_free);
                  g_hash_table_insert (self->lost_snapshots, g_strdup (am_image_get_image_id (image)), lost);
                }
              g_ptr_array_add (lost, g_strdup (id));
              _am_cleanup_dialog_remember_region (self, id, image);
            }
        }
      _am_cleanup_dialog_add_result_row (self, title, text->str, FALSE);
    }
  self->index++;
  run_next (self);
}

static void
run_next (AmCleanupDialog *self)
{
  AmImage *image;
  g_autofree char *progress = NULL;

  gtk_progress_bar_set_fraction (self->progress_bar, (double)self->index / MAX (self->queue->len, 1));
  if (self->stop_requested || self->index >= self->queue->len)
    {
      finish_run (self);
      return;
    }
  image = self->queue->pdata[self->index];
  if (am_image_get_region (image) != NULL)
    /* Translators: progress of a run over every Region, e.g. "Deregistering app-2 in eu-west-1 (1 of 3)…" */
    progress = g_strdup_printf (_("Deregistering %s in %s (%u of %u)…"), am_image_get_name (image) ?: "",
                                am_image_get_region (image), self->index + 1, self->queue->len);
  else
    progress = g_strdup_printf (_("Deregistering %s (%u of %u)…"), am_image_get_name (image) ?: "",
                                self->index + 1, self->queue->len);
  gtk_label_set_text (self->progress_label, progress);
  /* Not cancellable: Cancel stops after this call, whose answer is always read. */
  _am_cleanup_dialog_remember_region (self, am_image_get_image_id (image), image);
  am_ec2_client_deregister_image_async (_am_cleanup_dialog_client_for (self, am_image_get_image_id (image)),
                                        am_image_get_image_id (image), self->delete_snapshots,
                                        FALSE, NULL, deregister_cb, g_object_ref (self));
}

void
_am_cleanup_dialog_show_summary (AmCleanupDialog *self)
{
  _am_cleanup_dialog_set_page (self, PAGE_SUMMARY);
  gtk_label_set_text (self->progress_label, _("Done"));
  gtk_progress_bar_set_fraction (self->progress_bar, 1.0);
  gtk_label_set_text (self->summary_label, self->summary->str);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), TRUE);
  gtk_button_set_label (self->close_button, _("_Close"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->close_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->undo_button), self->undoable->len > 0);
  if (self->undoable->len > 0)
    {
      g_autofree char *label = self->undo_snapshots->len > 0
                               ? g_strdup_printf (_("_Undo (Restore %u Images and %u Snapshots)"), self->undoable->len,
                                                  self->undo_snapshots->len)
                               : g_strdup_printf (_("_Undo (Restore %u Images)"), self->undoable->len);

      gtk_button_set_label (self->undo_button, label);
    }
}


static void
finish_run (AmCleanupDialog *self)
{
  g_autofree char *cost = NULL;

  cost = format_cost (self->gb_freed * g_settings_get_double (self->settings, "snapshot-rate-standard"));
  g_string_truncate (self->summary, 0);
  g_string_append_printf (self->summary, _("Deregistered %u of %u images and deleted %u snapshots, freeing up to %.0f GB (%s)."),
                          self->deregistered->len, self->queue->len, self->n_snapshots_deleted, self->gb_freed, cost);
  if (self->n_failed > 0)
    g_string_append_printf (self->summary, "\n%s",
                            _("Some images could not be deregistered; each one says why below."));
  if (self->index < self->queue->len)
    g_string_append_printf (self->summary, "\n%s",
                            _("Stopped before the end: the images not listed below were not touched."));
  gtk_label_set_text (self->progress_label, _("Checking the Recycle Bin…"));
  _am_cleanup_dialog_check_recycle_bin (self, 0);
}

static void
am_cleanup_dialog_run_clicked_cb (AmCleanupDialog *self)
{
  g_autoptr (GPtrArray) removals = am_cleanup_plan_get_removals (self->plan);

  if (gtk_switch_get_active (self->dry_run_switch) || removals->len == 0)
    return;
  g_ptr_array_set_size (self->queue, 0);
  for (guint i = 0; i < removals->len; i++)
    g_ptr_array_add (self->queue, g_object_ref (((AmCleanupEntry *)removals->pdata[i])->image));
  self->index = 0;
  self->stop_requested = FALSE;
  _am_cleanup_dialog_set_page (self, PAGE_RUNNING);
  gtk_button_set_label (self->close_button, _("_Cancel"));
  run_next (self);
}


static void
am_cleanup_dialog_close_clicked_cb (AmCleanupDialog *self)
{
  if (self->page == PAGE_RUNNING)
    {
      /* Stop after the call in flight: it is never cancelled nor sent again. */
      self->stop_requested = TRUE;
      gtk_widget_set_sensitive (GTK_WIDGET (self->close_button), FALSE);
      gtk_label_set_text (self->progress_label, _("Stopping after the current image…"));
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
am_cleanup_dialog_close_request (GtkWindow *window)
{
  AmCleanupDialog *self = AM_CLEANUP_DIALOG (window);

  /* A dialog stays open until its calls have ended. */
  if (self->page == PAGE_RUNNING)
    return TRUE;
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (am_cleanup_dialog_parent_class)->close_request (window);
}

/* --- object -------------------------------------------------------------------------------- */

static void
am_cleanup_dialog_dispose (GObject *object)
{
  AmCleanupDialog *self = AM_CLEANUP_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->fanout != NULL)
    am_region_fanout_cancel (self->fanout);
  g_clear_object (&self->fanout);
  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_CLEANUP_DIALOG);

  G_OBJECT_CLASS (am_cleanup_dialog_parent_class)->dispose (object);
}

static void
am_cleanup_dialog_finalize (GObject *object)
{
  AmCleanupDialog *self = AM_CLEANUP_DIALOG (object);

  g_clear_object (&self->client);
  g_clear_object (&self->plan);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->removals);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->id_regions, g_hash_table_unref);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  g_clear_pointer (&self->deregistered, g_ptr_array_unref);
  g_clear_pointer (&self->lost_snapshots, g_hash_table_unref);
  g_clear_pointer (&self->bin_lost, g_ptr_array_unref);
  g_clear_pointer (&self->undo_snapshots, g_ptr_array_unref);
  g_clear_pointer (&self->titles, g_hash_table_unref);
  g_clear_pointer (&self->undoable, g_ptr_array_unref);
  if (self->summary != NULL)
    g_string_free (self->summary, TRUE);

  G_OBJECT_CLASS (am_cleanup_dialog_parent_class)->finalize (object);
}

static void
am_cleanup_dialog_class_init (AmCleanupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = am_cleanup_dialog_dispose;
  object_class->finalize = am_cleanup_dialog_finalize;
  window_class->close_request = am_cleanup_dialog_close_request;

  g_type_ensure (AM_TYPE_ERROR_STATE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amiable/Amiable/cleanup/am-cleanup-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, run_button);
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, undo_button);
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, error_state);
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, tag_row);
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, keep_newest_spin);
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, keep_days_spin);
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, delete_snapshots_switch);
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, dry_run_switch);
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, all_regions_switch);
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, loading_label);
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, regions_label);
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, regions_box);
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, totals_label);
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, kept_label);
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, preview_view);
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AmCleanupDialog, results_list);
  gtk_widget_class_bind_template_callback (widget_class, am_cleanup_dialog_close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, am_cleanup_dialog_run_clicked_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "am_cleanup_dialog_undo_clicked_cb",
                                                G_CALLBACK (_am_cleanup_dialog_undo_clicked_cb));

  gtk_widget_class_install_action (widget_class, "cleanup.reload", NULL, am_cleanup_dialog_reload_action);
  gtk_widget_class_install_action (widget_class, "cleanup.retry-regions", NULL, am_cleanup_dialog_retry_regions_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
am_cleanup_dialog_init (AmCleanupDialog *self)
{
  g_autoptr (GtkSelectionModel) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->plan = am_cleanup_plan_new ();
  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  self->removals = g_list_store_new (AM_TYPE_IMAGE);
  self->entries = g_hash_table_new (g_str_hash, g_str_equal);
  self->id_regions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->queue = g_ptr_array_new_with_free_func (g_object_unref);
  self->deregistered = g_ptr_array_new_with_free_func (g_free);
  self->lost_snapshots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->bin_lost = g_ptr_array_new_with_free_func (g_free);
  self->undo_snapshots = g_ptr_array_new_with_free_func (g_free);
  self->titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->undoable = g_ptr_array_new_with_free_func (g_free);
  self->summary = g_string_new (NULL);
  self->delete_snapshots = TRUE;

  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->removals))));
  gtk_column_view_set_model (self->preview_view, selection);
  add_column (self, _("Image"), COLUMN_IMAGE, TRUE);
  self->region_column = add_column (self, _("Region"), COLUMN_REGION, FALSE);
  gtk_column_view_column_set_visible (self->region_column, FALSE);
  add_column (self, _("Family"), COLUMN_FAMILY, FALSE);
  add_column (self, _("Age"), COLUMN_AGE, FALSE);
  add_column (self, _("Why It Goes"), COLUMN_WHY, TRUE);
  add_column (self, _("Snapshots Freed"), COLUMN_SNAPSHOTS, FALSE);
  add_column (self, _("GB"), COLUMN_GB, FALSE);

  g_signal_connect_object (self->plan, "changed", G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->group_row, "notify::selected", G_CALLBACK (_am_cleanup_dialog_apply_rules), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tag_row, "changed", G_CALLBACK (_am_cleanup_dialog_apply_rules), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->keep_newest_spin, "value-changed", G_CALLBACK (_am_cleanup_dialog_apply_rules), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->keep_days_spin, "value-changed", G_CALLBACK (_am_cleanup_dialog_apply_rules), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->delete_snapshots_switch, "notify::active", G_CALLBACK (_am_cleanup_dialog_apply_rules), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->all_regions_switch, "notify::active", G_CALLBACK (all_regions_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->dry_run_switch, "notify::active", G_CALLBACK (update_run_button), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::snapshot-rate-standard", G_CALLBACK (_am_cleanup_dialog_apply_rules), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::snapshot-rate-archive", G_CALLBACK (_am_cleanup_dialog_apply_rules), self,
                           G_CONNECT_SWAPPED);
}

AmCleanupDialog *
am_cleanup_dialog_new (GtkWindow   *parent,
                       AmEc2Client *client)
{
  AmCleanupDialog *self = g_object_new (AM_TYPE_CLEANUP_DIALOG, "transient-for", parent, NULL);

  g_return_val_if_fail (client == NULL || AM_IS_EC2_CLIENT (client), self);

  self->client = client != NULL ? g_object_ref (client) : NULL;
  am_cleanup_dialog_load (self);
  return self;
}

void
am_cleanup_dialog_set_all_regions (AmCleanupDialog *self,
                                   gboolean         all_regions)
{
  g_return_if_fail (AM_IS_CLEANUP_DIALOG (self));
  gtk_switch_set_active (self->all_regions_switch, all_regions);
}

AmCleanupPlan *
am_cleanup_dialog_get_plan (AmCleanupDialog *self)
{
  g_return_val_if_fail (AM_IS_CLEANUP_DIALOG (self), NULL);
  return self->plan;
}

const char *
am_cleanup_dialog_get_page (AmCleanupDialog *self)
{
  g_return_val_if_fail (AM_IS_CLEANUP_DIALOG (self), NULL);
  return page_names[self->page];
}
