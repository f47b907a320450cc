/* am-snapshot.h: an EBS snapshot
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "am-tag.h"

G_BEGIN_DECLS

#define AM_TYPE_SNAPSHOT (am_snapshot_get_type ())

G_DECLARE_FINAL_TYPE (AmSnapshot, am_snapshot, AM, SNAPSHOT, GObject)

/** am_snapshot_get_snapshot_id: the snapshot id */
const char *am_snapshot_get_snapshot_id (AmSnapshot *self);
/** am_snapshot_get_volume_id: the source volume */
const char *am_snapshot_get_volume_id (AmSnapshot *self);
/** am_snapshot_get_status: "pending", "completed", "error", ... */
const char *am_snapshot_get_status (AmSnapshot *self);
/** am_snapshot_get_start_time: when the snapshot was started */
const char *am_snapshot_get_start_time (AmSnapshot *self);
/** am_snapshot_get_progress: the progress, e.g. "100%" */
const char *am_snapshot_get_progress (AmSnapshot *self);
/** am_snapshot_get_owner_id: the owning account */
const char *am_snapshot_get_owner_id (AmSnapshot *self);
/** am_snapshot_get_volume_size: the volume size in GiB */
int am_snapshot_get_volume_size (AmSnapshot *self);
/** am_snapshot_get_description: the description, or %NULL */
const char *am_snapshot_get_description (AmSnapshot *self);
/** am_snapshot_get_encrypted: whether the snapshot is encrypted */
gboolean am_snapshot_get_encrypted (AmSnapshot *self);
/** am_snapshot_get_owner_alias: the owner alias, or %NULL */
const char *am_snapshot_get_owner_alias (AmSnapshot *self);
/** am_snapshot_get_storage_tier: "standard" or "archive" */
const char *am_snapshot_get_storage_tier (AmSnapshot *self);
/** am_snapshot_get_tags: the tags. Returns: (transfer none): a %NULL-terminated array, never %NULL */
AmTag * const *am_snapshot_get_tags (AmSnapshot *self);
/** am_snapshot_get_recycle_bin_enter_time: when it went to the Recycle Bin (ISO 8601), or %NULL
 * (only ListSnapshotsInRecycleBin fills it) */
const char *am_snapshot_get_recycle_bin_enter_time (AmSnapshot *self);
/** am_snapshot_get_recycle_bin_exit_time: when the Recycle Bin deletes it for good, or %NULL */
const char *am_snapshot_get_recycle_bin_exit_time (AmSnapshot *self);
/**
 * am_snapshot_get_region: the Region a listing of several Regions found it in, or %NULL in a
 * listing of one Region (the client's)
 */
const char *am_snapshot_get_region (AmSnapshot *self);
/** am_snapshot_set_region: set by the listing, before anyone else sees the snapshot */
void am_snapshot_set_region (AmSnapshot *self, const char *region);

G_END_DECLS
