/* am-image-freshness.h: whether a newer image of the same family exists among a set of images
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-image.h"

G_BEGIN_DECLS

/*
 * An AmImageFreshness indexes a set of images (the account's own, from one DescribeImages
 * Owner=self, and the families of other owners' images the instances run) by owner and family
 * (am_image_family_from_name()) so that every instance of a listing can ask, without a request
 * of its own, whether its image has a newer sibling.
 */
typedef struct _AmImageFreshness AmImageFreshness;

/** am_image_freshness_new: @images: (element-type AmImage): the images to index */
AmImageFreshness *am_image_freshness_new        (GPtrArray        *images);
void              am_image_freshness_free       (AmImageFreshness *self);
/**
 * am_image_freshness_find_newer:
 * Returns: (transfer none) (nullable): the newest available, not deprecated image of the
 *   same owner and family as @image_id created after it, or %NULL when there is none or @image_id is not
 *   among the indexed images
 */
AmImage          *am_image_freshness_find_newer (AmImageFreshness *self,
                                                 const char       *image_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmImageFreshness, am_image_freshness_free)

G_END_DECLS
