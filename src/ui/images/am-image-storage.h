/* am-image-storage.h: the details pane's Storage row: an owned image's snapshots and what they cost a month
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-ec2-client.h"
#include "am-image.h"
#include "am-storage-cost.h"

G_BEGIN_DECLS

#define AM_TYPE_IMAGE_STORAGE (am_image_storage_get_type ())

G_DECLARE_FINAL_TYPE (AmImageStorage, am_image_storage, AM, IMAGE_STORAGE, AdwPreferencesGroup)

/**
 * am_image_storage_set_image:
 * @client: (nullable): the client of the image's region, %NULL to hide the group (an image
 *   the account does not own)
 * @image: (nullable): the image
 *
 * Asks for the sizes and tiers of @image's snapshots (one DescribeSnapshots with their ids)
 * and shows their total and its estimated monthly cost at the rates of Preferences, following
 * the rates as they change; a failure is said in the row, with Retry.
 */
void        am_image_storage_set_image  (AmImageStorage *self,
                                         AmEc2Client    *client,
                                         AmImage        *image);
/** am_image_storage_is_loaded: whether the row shows the answer (or the failure) */
gboolean    am_image_storage_is_loaded  (AmImageStorage *self);
/** am_image_storage_get_text: the row's text (tests) */
const char *am_image_storage_get_text   (AmImageStorage *self);

/**
 * am_storage_cost_format:
 * @settings: the application's settings (the rates per GB-month)
 * Returns: (transfer full): "up to 16 GB, about 0.80 USD a month" for @cost
 */
char       *am_storage_cost_format      (AmStorageCost  *cost,
                                         GSettings      *settings);
/**
 * am_storage_cost_new_explanation_button:
 * Returns: (transfer floating): a flat "(i)" button whose popover says why the figures are an
 *   upper bound and how shared snapshots and tiers count
 */
GtkWidget  *am_storage_cost_new_explanation_button (void);

G_END_DECLS
