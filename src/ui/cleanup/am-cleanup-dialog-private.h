/* am-cleanup-dialog-private.h: what the Cleanup assistant's files share (dialog and undo)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-cleanup-dialog.h"
#include "am-error-state.h"
#include "am-region-fanout.h"

G_BEGIN_DECLS

typedef enum
{
  PAGE_LOADING,
  PAGE_ERROR,
  PAGE_PREVIEW,
  PAGE_RUNNING,
  PAGE_SUMMARY,
} Page;


struct _AmCleanupDialog
{
  AdwWindow       parent_instance;

  /* template widgets */
  GtkButton      *close_button;
  GtkButton      *run_button;
  GtkButton      *undo_button;
  GtkStack       *stack;
  GtkSpinner     *spinner;
  AmErrorState   *error_state;
  AdwComboRow    *group_row;
  AdwEntryRow    *tag_row;
  GtkSpinButton  *keep_newest_spin;
  GtkSpinButton  *keep_days_spin;
  GtkSwitch      *delete_snapshots_switch;
  GtkSwitch      *dry_run_switch;
  GtkSwitch      *all_regions_switch;
  GtkLabel       *loading_label;
  GtkBox         *regions_box;    /* the failed Regions and their Retry */
  GtkLabel       *regions_label;
  GtkLabel       *totals_label;
  GtkLabel       *kept_label;
  GtkColumnView  *preview_view;
  GtkColumnViewColumn *region_column;  /* shown for All Regions */
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *summary_label;
  GtkListBox     *results_list;

  /* owned */
  AmEc2Client    *client;
  AmRegionFanout *fanout;         /* All Regions: one plan per Region, and each Region's client */
  GHashTable     *id_regions;     /* image or snapshot id → its Region (interned), All Regions */
  AmCleanupPlan  *plan;
  GSettings      *settings;
  GCancellable   *cancellable;
  GListStore     *removals;       /* (element-type AmImage) the preview's rows */
  GHashTable     *entries;        /* image id → AmCleanupEntry of the plan */
  GPtrArray      *queue;          /* (element-type AmImage) what the run deregisters */
  GPtrArray      *deregistered;   /* (element-type utf8) image ids */
  GHashTable     *lost_snapshots; /* image id → GPtrArray of the snapshot ids deleted with it */
  GPtrArray      *bin_lost;       /* (element-type utf8) images in the Recycle Bin whose snapshots were deleted */
  GPtrArray      *undo_snapshots; /* (element-type utf8) snapshot ids in the Recycle Bin, restored first */
  GHashTable     *titles;         /* image id → "name (id)" of what was deregistered */
  GPtrArray      *undoable;       /* (element-type utf8) image ids in the Recycle Bin */
  GString        *summary;

  /* state */
  Page            page;
  gboolean        delete_snapshots;
  gboolean        all_regions;
  gboolean        stop_requested;
  guint           index;
  guint           n_failed;
  guint           n_snapshots_deleted;
  double          gb_freed;
  guint           n_restored;
  guint           n_snapshots_restored;
};

/* am-cleanup-dialog.c */
void _am_cleanup_dialog_set_page          (AmCleanupDialog *self,
                                           Page             page);
void _am_cleanup_dialog_add_result_row    (AmCleanupDialog *self,
                                           const char      *title,
                                           const char      *subtitle,
                                           gboolean         failed);
void _am_cleanup_dialog_show_summary      (AmCleanupDialog *self);
void _am_cleanup_dialog_show_error        (AmCleanupDialog *self,
                                           const char      *title,
                                           const GError    *error);
void _am_cleanup_dialog_apply_rules       (AmCleanupDialog *self);

/* am-cleanup-dialog-regions.c: every Region at once */
void         _am_cleanup_dialog_load_regions    (AmCleanupDialog *self);
void         _am_cleanup_dialog_leave_regions   (AmCleanupDialog *self);
/* Asks the failed Regions again; the plan is made again with what they answer. */
void         _am_cleanup_dialog_retry_regions   (AmCleanupDialog *self);
/* What was deregistered (an image, its deleted snapshots) is undone in its Region. */
void         _am_cleanup_dialog_remember_region (AmCleanupDialog *self,
                                                 const char      *id,
                                                 AmImage         *image);
const char  *_am_cleanup_dialog_region_of       (AmCleanupDialog *self,
                                                 const char      *id);
/* Returns: (transfer none): the client of @id's Region (the session's outside All Regions) */
AmEc2Client *_am_cleanup_dialog_client_for      (AmCleanupDialog *self,
                                                 const char      *id);

/* am-cleanup-dialog-undo.c: after a run, what the Recycle Bin kept; Undo restores it */
void _am_cleanup_dialog_check_recycle_bin (AmCleanupDialog *self,
                                           guint            from);
void _am_cleanup_dialog_undo_clicked_cb   (AmCleanupDialog *self);

G_END_DECLS
