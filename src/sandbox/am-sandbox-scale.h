/* am-sandbox-scale.h: alice's account seeded at scale (--seed-scale) for benchmarks
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-sandbox-state.h"

G_BEGIN_DECLS

/* Totals over the sandbox's five regions (each region holds a fifth). */
typedef struct
{
  guint images;
  guint snapshots;
  guint instances;
  guint launch_templates;
} AmSbScale;

/**
 * am_sb_scale_parse:
 * Reads "images=10000,snapshots=20000,instances=2000,launch-templates=300" (any subset; the
 * rest 0) or "lifecycle" (those four figures, the scale issue 17's benchmark names).
 */
gboolean am_sb_scale_parse (const char  *spec,
                            AmSbScale   *scale,
                            GError     **error);

/**
 * am_sb_state_seed_scale:
 * Adds alice's images (in families, with dates), their snapshots plus orphaned ones, instances
 * and launch templates using some of the images, spread over the five regions. Deterministic:
 * the same @scale gives the same ids, names and dates, and what @state already holds (a state
 * file seeded before) is kept, not added twice. Returns how many resources it added.
 */
guint    am_sb_state_seed_scale (AmSbState       *state,
                                 const AmSbScale *scale);

G_END_DECLS
