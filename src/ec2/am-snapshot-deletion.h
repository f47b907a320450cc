/* am-snapshot-deletion.h: what DeregisterImage did with one of the image's snapshots
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AM_TYPE_SNAPSHOT_DELETION (am_snapshot_deletion_get_type ())

G_DECLARE_FINAL_TYPE (AmSnapshotDeletion, am_snapshot_deletion, AM, SNAPSHOT_DELETION, GObject)

/** am_snapshot_deletion_get_snapshot_id: the snapshot (an item of deleteSnapshotResultSet) */
const char *am_snapshot_deletion_get_snapshot_id (AmSnapshotDeletion *self);
/**
 * am_snapshot_deletion_get_return_code: EC2's result for it: success, skipped (another image
 * still uses it), missing-permissions, internal-error or client-error
 */
const char *am_snapshot_deletion_get_return_code (AmSnapshotDeletion *self);
/** am_snapshot_deletion_get_deleted: whether the snapshot is gone (return code "success") */
gboolean    am_snapshot_deletion_get_deleted     (AmSnapshotDeletion *self);

G_END_DECLS
