/* am-governance-regions.h: Block Public Access and Allowed AMIs of every enabled region at once
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-governance-page.h"
#include "am-region-fanout.h"
#include "am-session.h"

G_BEGIN_DECLS

#define AM_TYPE_GOVERNANCE_REGIONS (am_governance_regions_get_type ())

G_DECLARE_FINAL_TYPE (AmGovernanceRegions, am_governance_regions, AM, GOVERNANCE_REGIONS, AdwWindow)

/**
 * am_governance_regions_new:
 * @page: (nullable): the Governance window whose criteria "Apply These Criteria to All
 *   Regions" applies (without it, that action is not offered)
 * Asks every enabled region of @session's account for its settings, a few at a time.
 */
AmGovernanceRegions *am_governance_regions_new              (AmSession           *session,
                                                             AmGovernancePage    *page);
/** am_governance_regions_is_busy: whether a region is still asked or changed */
gboolean             am_governance_regions_is_busy          (AmGovernanceRegions *self);
/** Returns: (transfer none): the reading of every region's settings */
AmRegionFanout      *am_governance_regions_get_fanout       (AmGovernanceRegions *self);
/**
 * am_governance_regions_dup_row_text:
 * Returns: (transfer full) (nullable): @region's row as shown, its cells joined with " | "
 *   (region, Block Public Access, Allowed AMIs, result)
 */
char                *am_governance_regions_dup_row_text     (AmGovernanceRegions *self,
                                                             const char          *region);
/** Returns: (transfer none) (nullable): @region's Retry button, when it has failed */
GtkWidget           *am_governance_regions_get_retry_button (AmGovernanceRegions *self,
                                                             const char          *region);
/** Returns: (transfer none) (nullable): the open confirmation */
AdwMessageDialog    *am_governance_regions_get_confirmation (AmGovernanceRegions *self);
/** Returns: (nullable): the sentence that ended the last change (or why it could not start) */
const char          *am_governance_regions_get_summary      (AmGovernanceRegions *self);

G_END_DECLS
