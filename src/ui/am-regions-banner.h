/* am-regions-banner.h: how far a listing of every Region got, and a line with Retry per failed Region
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-region-fanout.h"

G_BEGIN_DECLS

/* What the listed items are called in the summary line ("us-east-1: 2 images"). */
typedef enum
{
  AM_REGIONS_BANNER_IMAGES,
  AM_REGIONS_BANNER_INSTANCES,
  AM_REGIONS_BANNER_SNAPSHOTS,
} AmRegionsBannerItems;

#define AM_TYPE_REGIONS_BANNER (am_regions_banner_get_type ())

G_DECLARE_FINAL_TYPE (AmRegionsBanner, am_regions_banner, AM, REGIONS_BANNER, GtkWidget)

/*
 * AmRegionsBanner follows an AmRegionFanout: one summary line of every Region's progress
 * ("us-east-1: 2 images · eu-west-1: failed"), then one row per failed Region with the reason
 * in a few words, a Details popover with the full message and a Retry that asks that Region
 * alone again. Hidden while it has no fanout or the fanout has no Regions yet.
 */
GtkWidget      *am_regions_banner_new        (AmRegionsBannerItems  items);
/** am_regions_banner_set_fanout: follows @fanout (%NULL: hidden) */
void            am_regions_banner_set_fanout (AmRegionsBanner      *self,
                                              AmRegionFanout       *fanout);
/** Returns: (transfer none) (nullable) */
AmRegionFanout *am_regions_banner_get_fanout (AmRegionsBanner      *self);
/** Returns: (transfer full): the summary line ("" when hidden) */
char           *am_regions_banner_dup_summary (AmRegionsBanner     *self);
/** Returns: (transfer none) (nullable): the Retry button of @region's failure row */
GtkWidget      *am_regions_banner_get_retry_button (AmRegionsBanner *self,
                                                    const char      *region);

/**
 * am_regions_banner_show:
 * @banner: (inout): a view's banner, made (for @items) and put before @next_sibling in @parent
 *   when still %NULL
 *
 * Binds *@banner to @fanout.
 */
void            am_regions_banner_show       (GtkWidget           **banner,
                                              AmRegionsBannerItems  items,
                                              GtkWidget            *parent,
                                              GtkWidget            *next_sibling,
                                              AmRegionFanout       *fanout);
/**
 * am_regions_banner_release:
 * @banner: (nullable): hidden
 * @fanout: (inout): cancelled, its handlers connected with @listener as data dropped, cleared
 */
void            am_regions_banner_release    (GtkWidget            *banner,
                                              AmRegionFanout      **fanout,
                                              gpointer              listener);

G_END_DECLS
