/* am-image-anatomy.h: a drawing of what an image is made of
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-image.h"
#include "am-launch-permission.h"

G_BEGIN_DECLS

/*
 * AmImageAnatomy draws an image as a picture: its root volume template as a highlighted
 * block (snapshot, size, type, encryption), the rest of its block device mapping as a row of
 * volumes, who may launch it (private, accounts, organizations, public) and its tags as chips.
 */

#define AM_TYPE_IMAGE_ANATOMY (am_image_anatomy_get_type ())

G_DECLARE_FINAL_TYPE (AmImageAnatomy, am_image_anatomy, AM, IMAGE_ANATOMY, GtkWidget)

GtkWidget *am_image_anatomy_new                    (void);
void       am_image_anatomy_set_image              (AmImageAnatomy             *self,
                                                    AmImage                    *image);
/** am_image_anatomy_set_launch_permissions: @permissions: (nullable): %NULL when unknown */
void       am_image_anatomy_set_launch_permissions (AmImageAnatomy             *self,
                                                    AmLaunchPermission * const *permissions);
/** am_image_anatomy_get_summary: the picture in words (also its accessible description) */
const char *am_image_anatomy_get_summary           (AmImageAnatomy             *self);

G_END_DECLS
