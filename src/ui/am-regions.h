/* am-regions.h: the standard AWS regions, offered before DescribeRegions answers
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/** am_regions_get_offline: Returns: (transfer none): the standard commercial regions, sorted */
const char * const *am_regions_get_offline      (void);
/**
 * am_regions_get_display_name:
 * Returns: (nullable): the region's place, e.g. "Europe (Ireland)" for eu-west-1, translated;
 *   %NULL for a region Amiable does not know (the sandbox's, new ones)
 */
const char         *am_regions_get_display_name (const char *region);

G_END_DECLS
