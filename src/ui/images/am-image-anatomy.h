/* am-image-anatomy.h: a drawing of what an image is made of
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-image.h"
#include "am-instance.h"
#include "am-launch-permission.h"

G_BEGIN_DECLS

/*
 * AmImageAnatomy draws an image as a picture: a box (the image) that holds its root volume
 * template (snapshot → volume, or an instance store bundle → local disk) and the rest of its
 * block device mapping as disks (EBS solid, instance store dashed, "no device" crossed out);
 * who may launch it (owner, accounts, organizations, OUs, everyone) stands around the box and
 * its tags hang on it as labels. Every part explains itself in a tooltip. Given an instance
 * instead, it draws what was made from the image: the instance's own volumes and tags.
 */

#define AM_TYPE_IMAGE_ANATOMY (am_image_anatomy_get_type ())

G_DECLARE_FINAL_TYPE (AmImageAnatomy, am_image_anatomy, AM, IMAGE_ANATOMY, GtkWidget)

GtkWidget *am_image_anatomy_new                    (void);
void       am_image_anatomy_set_image              (AmImageAnatomy             *self,
                                                    AmImage                    *image);
/** am_image_anatomy_set_launch_permissions: @permissions: (nullable): %NULL when unknown */
void       am_image_anatomy_set_launch_permissions (AmImageAnatomy             *self,
                                                    AmLaunchPermission * const *permissions);
/**
 * am_image_anatomy_set_instance: draws @instance (nullable) as what was made from its image:
 * its volumes, its tags and the image it was launched from (@image_name, nullable)
 */
void       am_image_anatomy_set_instance           (AmImageAnatomy             *self,
                                                    AmInstance                 *instance,
                                                    const char                 *image_name);
/** am_image_anatomy_get_summary: the picture in words (also its accessible description) */
const char *am_image_anatomy_get_summary           (AmImageAnatomy             *self);
/**
 * am_image_anatomy_get_parts: the parts drawn, one "kind: title · detail" string each, in
 * drawing order; kinds are image, instance, snapshot, root-volume, bundle, ebs,
 * instance-store, no-device, owner, account, organization, ou, everyone, unknown, source, tag
 * (for tests). Returns: (transfer full)
 */
GStrv      am_image_anatomy_get_parts              (AmImageAnatomy             *self);
/**
 * am_image_anatomy_get_part_rect: where part @index (as in am_image_anatomy_get_parts) is drawn
 * at the widget's current width, in widget coordinates (for tests). Returns: %FALSE past the end
 */
gboolean   am_image_anatomy_get_part_rect          (AmImageAnatomy             *self,
                                                    guint                       index,
                                                    graphene_rect_t            *rect);
/**
 * am_image_anatomy_get_part_tooltip: the tooltip shown when pointing at @x, @y (widget
 * coordinates), or %NULL where no part is drawn (for tests). Returns: (transfer none)
 */
const char *am_image_anatomy_get_part_tooltip      (AmImageAnatomy             *self,
                                                    double                      x,
                                                    double                      y);

G_END_DECLS
