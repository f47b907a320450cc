/* am-image-filters.h: what the Images view's filters let through (facets, deprecation, a tag)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-image-list-model.h"

G_BEGIN_DECLS

#define AM_TYPE_IMAGE_FILTERS (am_image_filters_get_type ())

G_DECLARE_FINAL_TYPE (AmImageFilters, am_image_filters, AM, IMAGE_FILTERS, GObject)

/*
 * AmImageFilters holds the filter state the filter popover edits and the view applies to
 * its list: checked facet values (signal "facet-changed"), the "deprecated" choice, the
 * "tag-key" and "tag-value", and "n-active", how many filters are on (a tag counts once).
 * Setting a value it already has changes nothing and notifies nothing.
 */
AmImageFilters          *am_image_filters_new              (void);
void                     am_image_filters_set_facet_value  (AmImageFilters          *self,
                                                            AmImageFacet             facet,
                                                            const char              *value,
                                                            gboolean                 active);
gboolean                 am_image_filters_has_facet_value  (AmImageFilters          *self,
                                                            AmImageFacet             facet,
                                                            const char              *value);
/* The checked values of @facet (interned), %NULL-terminated; owned by @self. */
const char * const      *am_image_filters_get_facet_values (AmImageFilters          *self,
                                                            AmImageFacet             facet);
AmImageDeprecatedFilter  am_image_filters_get_deprecated   (AmImageFilters          *self);
void                     am_image_filters_set_deprecated   (AmImageFilters          *self,
                                                            AmImageDeprecatedFilter  deprecated);
const char              *am_image_filters_get_tag_key      (AmImageFilters          *self);
const char              *am_image_filters_get_tag_value    (AmImageFilters          *self);
void                     am_image_filters_set_tag          (AmImageFilters          *self,
                                                            const char              *key,
                                                            const char              *value);
/* DescribeImages IncludeDisabled for the owned listing (not counted in n-active, not cleared). */
gboolean                 am_image_filters_get_include_disabled (AmImageFilters     *self);
void                     am_image_filters_set_include_disabled (AmImageFilters     *self,
                                                                gboolean            include_disabled);
/* Allowed AMIs: images whose imageAllowed is true (or false) only. */
AmImageAllowedFilter     am_image_filters_get_allowed      (AmImageFilters          *self);
void                     am_image_filters_set_allowed      (AmImageFilters          *self,
                                                            AmImageAllowedFilter     allowed);
/* Only the newest image of each family (am-image-family.h) among those listed. */
gboolean                 am_image_filters_get_newest_only  (AmImageFilters          *self);
void                     am_image_filters_set_newest_only  (AmImageFilters          *self,
                                                            gboolean                 newest_only);
guint                    am_image_filters_get_n_active     (AmImageFilters          *self);
/* Unchecks every value, shows deprecated images and drops the tag. */
void                     am_image_filters_clear            (AmImageFilters          *self);

G_END_DECLS
