/* am-storage-cost.h: what a set of EBS snapshots costs a month, each snapshot counted once
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-image.h"
#include "am-snapshot.h"

G_BEGIN_DECLS

/*
 * An AmStorageCost adds up snapshot sizes per storage tier, counting each snapshot id once
 * however many images (or calls) name it. The sizes are full snapshot sizes (the source
 * volume's size): EC2 does not tell how much of a snapshot is incremental, so every figure is
 * an upper bound.
 */
typedef struct _AmStorageCost AmStorageCost;

typedef enum
{
  AM_STORAGE_TIER_STANDARD,
  AM_STORAGE_TIER_ARCHIVE,
  AM_STORAGE_N_TIERS
} AmStorageTier;

AmStorageCost *am_storage_cost_new            (void);
void           am_storage_cost_free           (AmStorageCost *self);

/** am_storage_cost_tier_for_snapshot: the tier of @snapshot ("archive", else standard) */
AmStorageTier  am_storage_cost_tier_for_snapshot (AmSnapshot *snapshot);

/**
 * am_storage_cost_add:
 * Counts snapshot @snapshot_id of @gb GB in @tier, unless it was counted before.
 * Returns: whether it was counted now
 */
gboolean       am_storage_cost_add            (AmStorageCost *self,
                                               const char    *snapshot_id,
                                               double         gb,
                                               AmStorageTier  tier);
/** am_storage_cost_add_snapshot: counts @snapshot (its volume size and tier), once */
gboolean       am_storage_cost_add_snapshot   (AmStorageCost *self,
                                               AmSnapshot    *snapshot);
/**
 * am_storage_cost_add_image:
 * @known: (nullable) (element-type utf8 AmSnapshot): snapshot id → AmSnapshot, e.g. from
 *   am_storage_cost_index_snapshots()
 *
 * Counts the snapshots of @image's block device mapping that were not counted yet: a snapshot
 * in @known with its size and tier, another with its mapping's volume size in the standard tier.
 * Returns: how many of them were counted now
 */
guint          am_storage_cost_add_image      (AmStorageCost *self,
                                               AmImage       *image,
                                               GHashTable    *known);
/** am_storage_cost_get_n_snapshots: how many different snapshots were counted */
guint          am_storage_cost_get_n_snapshots (AmStorageCost *self);
/** am_storage_cost_get_n_in_tier: how many of them are in @tier */
guint          am_storage_cost_get_n_in_tier  (AmStorageCost *self,
                                               AmStorageTier  tier);
/** am_storage_cost_get_gb: the size in GB of the snapshots in @tier */
double         am_storage_cost_get_gb         (AmStorageCost *self,
                                               AmStorageTier  tier);
/** am_storage_cost_get_total_gb: the size in GB of every counted snapshot */
double         am_storage_cost_get_total_gb   (AmStorageCost *self);
/**
 * am_storage_cost_get_monthly:
 * @rate_standard, @rate_archive: USD per GB-month of each tier (negative counts as 0)
 * Returns: the estimated cost a month, in USD
 */
double         am_storage_cost_get_monthly    (AmStorageCost *self,
                                               double         rate_standard,
                                               double         rate_archive);

/**
 * am_storage_cost_index_snapshots:
 * @snapshots: (element-type AmSnapshot)
 * Returns: (transfer full) (element-type utf8 AmSnapshot): snapshot id → snapshot (borrowed
 *   ids, referenced snapshots)
 */
GHashTable    *am_storage_cost_index_snapshots (GPtrArray    *snapshots);

/**
 * am_storage_cost_image_snapshot_ids:
 * Returns: (transfer full): the ids of the snapshots @image's block device mapping names,
 *   each once, in mapping order
 */
GStrv          am_storage_cost_image_snapshot_ids (AmImage   *image);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmStorageCost, am_storage_cost_free)

G_END_DECLS
