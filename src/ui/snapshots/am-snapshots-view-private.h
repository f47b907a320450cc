/* am-snapshots-view-private.h: what the Snapshots view's files share (view and actions)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-ec2-client.h"
#include "am-region-fanout.h"
#include "am-error-state.h"
#include "am-session.h"
#include "am-snapshot-inventory.h"
#include "am-snapshots-view.h"

G_BEGIN_DECLS

struct _AmSnapshotsView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkCheckButton      *orphans_check;
  GtkToggleButton     *bin_toggle;
  GtkLabel            *count_label;
  GtkSpinner          *spinner;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkLabel            *details_label;
  AdwStatusPage       *empty_page;
  AmErrorState        *error_state;
  GtkToggleButton     *all_regions_toggle;
  GtkBox              *storage_box;
  GtkLabel            *storage_label;

  /* owned references */
  AmSession           *session;
  AmSnapshotInventory *inventory;
  GListStore          *store;       /* AmSnapshot: the listing or the Recycle Bin */
  GtkFilterListModel  *filtered;
  GtkMultiSelection   *selection;
  GCancellable        *cancellable;
  GHashTable          *used_by;     /* snapshot id → Used By text of the shown rows */
  char                *last_result; /* the last toast: what a create, delete or restore did */

  /* All Regions (am-snapshots-view-regions.c) */
  AmRegionFanout      *fanout;      /* every Region's snapshots and inventory, while shown */
  GtkWidget           *regions_banner; /* AmRegionsBanner */
  GtkColumnViewColumn *region_column;  /* visible in All Regions only */

  /* state */
  gulong               client_handler;
  gboolean             loading;
  gboolean             changing;    /* a create, delete or restore is in flight */
  gboolean             loaded;
  gboolean             all_regions;
};

/* am-snapshots-view.c */
AmEc2Client *_am_snapshots_view_client_of      (AmSnapshotsView *self);
void         _am_snapshots_view_toast          (AmSnapshotsView *self,
                                                const char      *message);
gboolean     _am_snapshots_view_showing_bin    (AmSnapshotsView *self);
gboolean     _am_snapshots_view_is_orphan      (AmSnapshotsView *self,
                                                AmSnapshot      *snapshot);
GPtrArray   *_am_snapshots_view_get_selected   (AmSnapshotsView *self);
void         _am_snapshots_view_update_actions (AmSnapshotsView *self);

/* Ends the listing in the error page: @title, the error with @operation, Retry. */
void         _am_snapshots_view_show_error     (AmSnapshotsView *self,
                                                const char      *title,
                                                const GError    *error,
                                                const char      *operation);
/* Lists the snapshots (or the Recycle Bin) again from what is loaded. */
void         _am_snapshots_view_fill           (AmSnapshotsView *self);

/* am-snapshots-view-regions.c */
void         _am_snapshots_view_all_regions_toggled (AmSnapshotsView *self,
                                                     GtkToggleButton *button);
void         _am_snapshots_view_load_all_regions  (AmSnapshotsView *self);
void         _am_snapshots_view_clear_all_regions (AmSnapshotsView *self);
/* The inventory of @snapshot's Region (the view's own outside All Regions), or %NULL. */
AmSnapshotInventory *_am_snapshots_view_inventory_of (AmSnapshotsView *self,
                                                      AmSnapshot      *snapshot);
/* The inventories of the listing shown (the view's own, or each Region's that answered). */
GPtrArray   *_am_snapshots_view_dup_inventories (AmSnapshotsView *self);
/* The snapshots (or the Recycle Bin) of the listing shown, a new array. */
GPtrArray   *_am_snapshots_view_dup_items      (AmSnapshotsView *self,
                                                gboolean         bin);
/* The client of the Region all of @snapshots are in (the session's outside All Regions), or
 * %NULL when they are in several Regions. */
AmEc2Client *_am_snapshots_view_client_for     (AmSnapshotsView *self,
                                                GPtrArray       *snapshots);
/* am-snapshots-view-storage.c: the storage totals under the list */
void         _am_snapshots_view_update_storage (AmSnapshotsView *self);

/* am-snapshots-view-actions.c: the `snapshots.` actions that change the account */
void         _am_snapshots_view_create_action  (GtkWidget       *widget,
                                                const char      *action_name,
                                                GVariant        *parameter);
void         _am_snapshots_view_delete_action  (GtkWidget       *widget,
                                                const char      *action_name,
                                                GVariant        *parameter);
void         _am_snapshots_view_restore_action (GtkWidget       *widget,
                                                const char      *action_name,
                                                GVariant        *parameter);

G_END_DECLS
