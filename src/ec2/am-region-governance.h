/* am-region-governance.h: Block Public Access and Allowed AMIs of every Region, read or changed at once
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-ec2-governance.h"
#include "am-region-fanout.h"

G_BEGIN_DECLS

/* AmRegionGovernance: what one Region's governance settings were when last read. */
#define AM_TYPE_REGION_GOVERNANCE (am_region_governance_get_type ())

G_DECLARE_FINAL_TYPE (AmRegionGovernance, am_region_governance, AM, REGION_GOVERNANCE, GObject)

const char *am_region_governance_get_region        (AmRegionGovernance *self);
/** Whether new public sharing of images is blocked */
gboolean    am_region_governance_get_blocked       (AmRegionGovernance *self);
/** disabled, audit-mode or enabled */
const char *am_region_governance_get_allowed_state (AmRegionGovernance *self);
guint       am_region_governance_get_n_criteria    (AmRegionGovernance *self);

/* The changes am_region_governance_fanout_new_change() makes in each Region. */
typedef enum
{
  AM_REGION_GOVERNANCE_BLOCK_PUBLIC,      /* EnableImageBlockPublicAccess */
  AM_REGION_GOVERNANCE_REPLACE_CRITERIA,  /* ReplaceImageCriteriaInAllowedImagesSettings */
} AmRegionGovernanceChange;

/**
 * am_region_governance_fanout_new:
 * Reads Block Public Access and the Allowed AMIs settings of every enabled Region; each
 * Region's item is one AmRegionGovernance.
 */
AmRegionFanout *am_region_governance_fanout_new        (AmEc2Client              *client);
/**
 * am_region_governance_fanout_new_change:
 * @criteria: (nullable) (element-type AmImageCriterion): for REPLACE_CRITERIA (a reference is kept)
 * Makes @change in each Region it is started for (am_region_fanout_start_for_regions()), then
 * reads the Region's settings again: its item is the AmRegionGovernance after the change. Both
 * changes are idempotent, so a Region may be retried.
 */
AmRegionFanout *am_region_governance_fanout_new_change (AmEc2Client              *client,
                                                        AmRegionGovernanceChange  change,
                                                        GPtrArray                *criteria);

G_END_DECLS
