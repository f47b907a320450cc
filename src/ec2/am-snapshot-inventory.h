/* am-snapshot-inventory.h: the account's snapshots, the images that use them, and the Recycle Bin
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-ec2-client.h"

G_BEGIN_DECLS

#define AM_TYPE_SNAPSHOT_INVENTORY (am_snapshot_inventory_get_type ())

G_DECLARE_FINAL_TYPE (AmSnapshotInventory, am_snapshot_inventory, AM, SNAPSHOT_INVENTORY, GObject)

/*
 * An AmSnapshotInventory lists the snapshots an account owns in one region (DescribeSnapshots
 * Owner=self), the owned images with their block device mappings, disabled and deprecated ones
 * included (DescribeImages, every page), and the snapshots waiting in the Recycle Bin
 * (ListSnapshotsInRecycleBin). A snapshot no registered image maps is an orphan: what
 * "deregister but keep the snapshots" leaves behind.
 */

AmSnapshotInventory *am_snapshot_inventory_new          (void);
void                 am_snapshot_inventory_load_async   (AmSnapshotInventory *self,
                                                         AmEc2Client         *client,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
/** On failure the inventory keeps what it held. @operation: (out) (optional) (transfer none):
 * the request that failed ("DescribeSnapshots", …) */
gboolean             am_snapshot_inventory_load_finish  (AmSnapshotInventory *self,
                                                         GAsyncResult        *result,
                                                         const char         **operation,
                                                         GError             **error);
/** Returns: (transfer none) (element-type AmSnapshot): the owned snapshots, by start time, newest first */
GPtrArray           *am_snapshot_inventory_get_snapshots (AmSnapshotInventory *self);
/** Returns: (transfer none) (element-type AmImage): the owned registered images (disabled ones too) */
GPtrArray           *am_snapshot_inventory_get_images   (AmSnapshotInventory *self);
/** Returns: (transfer none) (element-type AmSnapshot): the snapshots in the Recycle Bin */
GPtrArray           *am_snapshot_inventory_get_recycled (AmSnapshotInventory *self);
/** Returns: (transfer none) (nullable): the first registered image (by id) whose block device
 * mapping uses @snapshot_id, or %NULL for an orphan */
AmImage             *am_snapshot_inventory_get_user     (AmSnapshotInventory *self,
                                                         const char          *snapshot_id);
/** Returns: how many registered images use @snapshot_id */
guint                am_snapshot_inventory_count_users  (AmSnapshotInventory *self,
                                                         const char          *snapshot_id);
/** Returns: the recycle-bin retention (in days) seen on the snapshots in the bin, or 0 when the
 * bin is empty (then nothing is known of the account's rules) */
guint                am_snapshot_inventory_get_observed_retention_days (AmSnapshotInventory *self);

G_END_DECLS
