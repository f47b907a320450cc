/* am-image-details.h: the details pane: an image's anatomy, every field, and what it means
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-image.h"
#include "am-image-lineage.h"
#include "am-image-storage.h"
#include "am-launch-permission.h"

G_BEGIN_DECLS

#define AM_TYPE_IMAGE_DETAILS (am_image_details_get_type ())

G_DECLARE_FINAL_TYPE (AmImageDetails, am_image_details, AM, IMAGE_DETAILS, AdwBin)

GtkWidget *am_image_details_new                    (void);
/** am_image_details_set_image: @image: (nullable): the image shown */
void       am_image_details_set_image              (AmImageDetails      *self,
                                                    AmImage             *image);
AmImage   *am_image_details_get_image              (AmImageDetails      *self);
/** am_image_details_set_n_selected: how many images are selected (several: a summary) */
void       am_image_details_set_n_selected         (AmImageDetails      *self,
                                                    guint                n_selected);
/**
 * am_image_details_set_manageable:
 * Whether the account may change the images shown (owned ones): with several selected, the
 * summary then offers "Edit Tags…" and "Deregister…" (the images.tags and images.deregister
 * actions of the enclosing view)
 */
void       am_image_details_set_manageable         (AmImageDetails      *self,
                                                    gboolean             manageable);
/**
 * am_image_details_set_launch_permissions:
 * @permissions: (nullable) (array zero-terminated=1): the image's launch permissions, or
 *   %NULL when they are unknown (not owned by the account, or not loaded yet)
 */
void       am_image_details_set_launch_permissions (AmImageDetails      *self,
                                                    AmLaunchPermission * const *permissions);
/**
 * am_image_details_set_references:
 * @references: (nullable) (element-type AmImageReference): what uses the image (owned images
 *   only), or %NULL while it is being looked up or when @error (nullable) says why it failed
 */
void       am_image_details_set_references         (AmImageDetails      *self,
                                                    GPtrArray           *references,
                                                    const char          *error);
/**
 * am_image_details_add_user: adds one more user of the image to Used By (an Auto Scaling group
 * found through a launch template), or @error (nullable) when they could not be listed
 */
void       am_image_details_add_user               (AmImageDetails      *self,
                                                    const char          *resource_type,
                                                    const char          *name,
                                                    const char          *error);
/**
 * am_image_details_get_field: the text of the copyable row titled @title (tests); rows of the
 * block device mapping, launch permissions and tags are "GROUP TITLE/ROW TITLE", e.g. "Tags/team"
 */
const char *am_image_details_get_field             (AmImageDetails      *self,
                                                    const char          *title);

/** am_image_details_get_lineage: Returns: (transfer none): the Lineage group of the pane */
AmImageLineage *am_image_details_get_lineage (AmImageDetails *self);
/** am_image_details_get_storage: Returns: (transfer none): the Storage Cost group of the pane */
AmImageStorage *am_image_details_get_storage (AmImageDetails *self);

G_END_DECLS
