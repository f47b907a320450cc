/* am-region-fanout.h: one listing asked of every enabled Region at once, a few at a time
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-ec2-client.h"

G_BEGIN_DECLS

typedef enum
{
  AM_REGION_JOB_WAITING,
  AM_REGION_JOB_RUNNING,
  AM_REGION_JOB_DONE,
  AM_REGION_JOB_FAILED,
} AmRegionJobState;

/*
 * AmRegionJobFunc / AmRegionJobFinishFunc: one Region's part of the listing, sent through
 * @client (that Region's client). The finish returns the Region's items (transfer full), each
 * already marked with its Region where the type has one (am_image_set_region()).
 */
typedef void       (*AmRegionJobFunc)       (AmEc2Client         *client,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
/* AmRegionDataJobFunc: as AmRegionJobFunc, with the data given to am_region_fanout_new_with_data(). */
typedef void       (*AmRegionDataJobFunc)   (AmEc2Client         *client,
                                             gpointer             job_data,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
typedef GPtrArray *(*AmRegionJobFinishFunc) (AmEc2Client         *client,
                                             GAsyncResult        *result,
                                             GError             **error);

/*
 * AmRegionFanout asks DescribeRegions, then runs one job per Region with at most
 * "max-in-flight" at a time, each under its own deadline ("timeout-ms"), and merges what
 * comes into one GListModel (a Region's items stay together; a retried Region's items are
 * replaced). A Region that fails keeps its error and never hides the others; Retry asks only
 * the failed ones again. Cancel (or dropping the object) cancels every call in flight.
 *
 * Signal "region-changed" (const char *region): a Region's state, error or items changed.
 * Properties: "loading" (DescribeRegions or a Region is still asked), "error" (DescribeRegions
 * itself failed: there are no Regions to ask).
 */
#define AM_TYPE_REGION_FANOUT (am_region_fanout_get_type ())

G_DECLARE_FINAL_TYPE (AmRegionFanout, am_region_fanout, AM, REGION_FANOUT, GObject)

AmRegionFanout *am_region_fanout_new             (AmEc2Client           *client,
                                                  GType                  item_type,
                                                  AmRegionJobFunc        job,
                                                  AmRegionJobFinishFunc  job_finish);
/** am_region_fanout_new_for_owned_images: the account's own images (Owner=self), every page */
AmRegionFanout *am_region_fanout_new_for_owned_images (AmEc2Client     *client);
/** am_region_fanout_new_for_instances: every instance (DescribeInstances, every page), each
 * marked with its Region (am_instance_get_region()) */
AmRegionFanout *am_region_fanout_new_for_instances (AmEc2Client       *client);
/**
 * am_region_fanout_new_for_owned_snapshots: the account's own snapshots (DescribeSnapshots
 * OwnerIds=self, every page), each marked with its Region (am_snapshot_get_region()). Each
 * Region's AmSnapshotInventory (its owned images, disabled ones included, and its Recycle Bin)
 * is kept as the Region's data: a snapshot is an orphan or not in its own Region.
 */
AmRegionFanout *am_region_fanout_new_for_owned_snapshots (AmEc2Client *client);

/** Default 4. */
void            am_region_fanout_set_max_in_flight (AmRegionFanout     *self,
                                                    guint               max_in_flight);
/** Per Region, from its first request to its last page (default 60000). */
void            am_region_fanout_set_timeout_ms  (AmRegionFanout        *self,
                                                  guint                  timeout_ms);

/** am_region_fanout_start: (again) from DescribeRegions; what was listed stays until replaced */
void            am_region_fanout_start           (AmRegionFanout        *self);
/** am_region_fanout_retry: @region, or with %NULL every failed Region, asked again */
void            am_region_fanout_retry           (AmRegionFanout        *self,
                                                  const char            *region);
/** am_region_fanout_refresh_region: @region asked again (after a change there), whatever its state */
void            am_region_fanout_refresh_region  (AmRegionFanout        *self,
                                                  const char            *region);
void            am_region_fanout_cancel          (AmRegionFanout        *self);

/** Returns: (transfer none): the merged items of every Region */
GListModel     *am_region_fanout_get_items       (AmRegionFanout        *self);
gboolean        am_region_fanout_get_loading     (AmRegionFanout        *self);
/** Returns: (nullable): why DescribeRegions failed */
const GError   *am_region_fanout_get_error       (AmRegionFanout        *self);
/** Returns: (transfer full): the Regions asked, sorted (empty before DescribeRegions answers) */
char          **am_region_fanout_dup_regions     (AmRegionFanout        *self);
AmRegionJobState am_region_fanout_get_region_state (AmRegionFanout      *self,
                                                    const char          *region);
/** Returns: (nullable): why @region failed */
const GError   *am_region_fanout_get_region_error (AmRegionFanout       *self,
                                                   const char           *region);
guint           am_region_fanout_get_region_n_items (AmRegionFanout     *self,
                                                     const char         *region);
/** Returns: (transfer none) (nullable): the client that asks @region (actions on its items) */
AmEc2Client    *am_region_fanout_get_client      (AmRegionFanout        *self,
                                                  const char            *region);
/**
 * am_region_fanout_get_region_data:
 * Returns: (transfer none) (nullable): what the job kept of @region's last listing besides its
 *   items (for owned snapshots, the Region's AmSnapshotInventory), %NULL for the others
 */
GObject        *am_region_fanout_get_region_data (AmRegionFanout      *self,
                                                  const char          *region);
/**
 * am_region_fanout_describe_error:
 * Returns: (transfer full): a few words on why a Region failed, e.g. "could not connect",
 *   "no answer within 60 s", or the service's message
 */
char           *am_region_fanout_describe_error  (AmRegionFanout        *self,
                                                  const GError          *error);

/**
 * am_region_fanout_new_with_data:
 * As am_region_fanout_new(), with @job_data passed to every run of @job (e.g. the change to
 * make in each Region); @job_data_destroy frees it with the fanout.
 */
AmRegionFanout *am_region_fanout_new_with_data   (AmEc2Client           *client,
                                                  GType                  item_type,
                                                  AmRegionDataJobFunc    job,
                                                  AmRegionJobFinishFunc  job_finish,
                                                  gpointer               job_data,
                                                  GDestroyNotify         job_data_destroy);
/**
 * am_region_fanout_start_for_regions:
 * As am_region_fanout_start(), over @regions instead of those DescribeRegions names (the
 * Regions a change was confirmed for).
 */
void            am_region_fanout_start_for_regions (AmRegionFanout     *self,
                                                    const char * const *regions);

G_END_DECLS
