/* am-image-filter-popover.h: the Images view's filter popover: facet checks, deprecation, a tag
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-image-filters.h"
#include "am-image-list-model.h"

G_BEGIN_DECLS

#define AM_TYPE_IMAGE_FILTER_POPOVER (am_image_filter_popover_get_type ())

G_DECLARE_FINAL_TYPE (AmImageFilterPopover, am_image_filter_popover, AM, IMAGE_FILTER_POPOVER, GtkPopover)

/*
 * Edits an AmImageFilters. Each time it is shown it lists the facet values present in the
 * list's source with their counts (checked values stay, even when the listing has none).
 */
/* Shows the Allowed AMIs section (only while the listings carry imageAllowed). */
void am_image_filter_popover_set_allowed_shown (AmImageFilterPopover *self,
                                                gboolean              shown);
void am_image_filter_popover_set_filters (AmImageFilterPopover *self,
                                          AmImageFilters       *filters,
                                          AmImageListModel     *list);
/* Lists the values again, as showing the popover does. */
void am_image_filter_popover_rebuild     (AmImageFilterPopover *self);
/* Checks or unchecks the shown check of @value, as a click does (nothing when not listed). */
void am_image_filter_popover_set_active  (AmImageFilterPopover *self,
                                          AmImageFacet          facet,
                                          const char           *value,
                                          gboolean              active);

G_END_DECLS
