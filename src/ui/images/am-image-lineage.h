/* am-image-lineage.h: where an image came from and what came of it: ancestors up to the root and my copies of it, each a link
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-ec2-client.h"
#include "am-image.h"

G_BEGIN_DECLS

#define AM_TYPE_IMAGE_LINEAGE (am_image_lineage_get_type ())

G_DECLARE_FINAL_TYPE (AmImageLineage, am_image_lineage, AM, IMAGE_LINEAGE, AdwPreferencesGroup)

/**
 * am_image_lineage_set_image:
 * Shows where @image came from (GetImageAncestry through @client, then each ancestor's state
 * in its own region) and, below it, the account's images in this region copied from it
 * (DescribeImages, source-image-id), its family with the newest marked (the owner's images
 * of the same name without date or version), then the publisher's public SSM parameters that point at
 * it (GetParametersByPath, kept per path); hidden for an image with none of these. Either may
 * be %NULL.
 */
void     am_image_lineage_set_image  (AmImageLineage *self,
                                      AmEc2Client    *client,
                                      AmImage        *image);
/** am_image_lineage_get_descendants: (transfer full): the IDs of the copies shown below the image */
GStrv    am_image_lineage_get_descendants (AmImageLineage *self);
/** am_image_lineage_get_parameters: (transfer full): the public SSM parameters shown that point at the image */
GStrv    am_image_lineage_get_parameters (AmImageLineage *self);
/** am_image_lineage_get_family_newest: the newest image of the image's family, when it has more than one (nullable) */
const char *am_image_lineage_get_family_newest (AmImageLineage *self);
/** am_image_lineage_is_loaded: the ancestry and every ancestor's state are shown (or failed in words) */
gboolean am_image_lineage_is_loaded  (AmImageLineage *self);

G_END_DECLS
