/* am-snapshots-view.h: the Snapshots view: owned snapshots, the images using them, orphans
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-region-fanout.h"

G_BEGIN_DECLS

/* Declared in am-session.h; repeated so this header stands alone. */
typedef struct _AmSession AmSession;

#define AM_TYPE_SNAPSHOTS_VIEW (am_snapshots_view_get_type ())

G_DECLARE_FINAL_TYPE (AmSnapshotsView, am_snapshots_view, AM, SNAPSHOTS_VIEW, AdwBin)

/*
 * AmSnapshotsView lists the snapshots its session's account owns in the region, with size,
 * start time and the image whose block device mapping uses each one; a snapshot no registered
 * image uses is marked "Not used by any image" (Orphans Only shows just those). The
 * `snapshots.` actions: create (CreateSnapshot of an instance's volume, sent once), delete
 * (confirmed; says whether the Recycle Bin keeps them), restore (from the Recycle Bin, shown
 * with Recycle Bin), refresh (F5). A listing that fails ends in an error state with Retry.
 */

GtkWidget  *am_snapshots_view_new            (void);
void        am_snapshots_view_set_session    (AmSnapshotsView *self,
                                              AmSession       *session);
void        am_snapshots_view_reload         (AmSnapshotsView *self);
/** am_snapshots_view_is_busy: whether a listing or a change is in flight */
gboolean    am_snapshots_view_is_busy        (AmSnapshotsView *self);
/** am_snapshots_view_get_n_shown: Returns: how many rows the list shows (after the filter) */
guint       am_snapshots_view_get_n_shown    (AmSnapshotsView *self);
/** am_snapshots_view_select: selects exactly the shown rows of @snapshot_ids; Returns: how many */
guint       am_snapshots_view_select         (AmSnapshotsView    *self,
                                              const char * const *snapshot_ids);
/** am_snapshots_view_get_used_by_text: Returns: (nullable): the Used By cell text of a shown row */
const char *am_snapshots_view_get_used_by_text (AmSnapshotsView *self,
                                                const char      *snapshot_id);
/** am_snapshots_view_get_last_result: Returns: (nullable): the last result shown as a toast, e.g.
 * whether the Recycle Bin kept what was deleted */
const char *am_snapshots_view_get_last_result  (AmSnapshotsView *self);

/* All Regions: every enabled Region's owned snapshots at once, with a Region column and the
 * Regions banner; each is an orphan or not by the images of its own Region, and Delete and
 * Restore go to its own Region. */
void            am_snapshots_view_set_all_regions    (AmSnapshotsView *self,
                                                      gboolean         all_regions);
/** Returns: (transfer none) (nullable): the listing of every Region, while shown */
AmRegionFanout *am_snapshots_view_get_fanout         (AmSnapshotsView *self);
/** Returns: (transfer none) (nullable): the AmRegionsBanner, once All Regions was shown */
GtkWidget      *am_snapshots_view_get_regions_banner (AmSnapshotsView *self);
/** am_snapshots_view_is_orphan: whether the listed @snapshot_id (of @region, or any with
 * %NULL) is used by no registered image of its Region */
gboolean        am_snapshots_view_is_orphan          (AmSnapshotsView *self,
                                                      const char      *region,
                                                      const char      *snapshot_id);

G_END_DECLS
