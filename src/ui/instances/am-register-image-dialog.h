/* am-register-image-dialog.h: Register an image from a snapshot or from a bundle manifest
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct _AmSession AmSession;

typedef enum
{
  AM_REGISTER_IMAGE_FROM_SNAPSHOT,   /* EBS-backed: BlockDeviceMapping with a snapshot as root */
  AM_REGISTER_IMAGE_FROM_MANIFEST,   /* instance-store-backed: ImageLocation of an S3 bundle */
} AmRegisterImageSource;

#define AM_TYPE_REGISTER_IMAGE_DIALOG (am_register_image_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmRegisterImageDialog, am_register_image_dialog, AM, REGISTER_IMAGE_DIALOG, AdwWindow)

AmRegisterImageDialog *am_register_image_dialog_new          (AmSession             *session,
                                                              AmRegisterImageSource  source);
/** am_register_image_dialog_present: a dialog transient for @parent's window */
AmRegisterImageDialog *am_register_image_dialog_present      (GtkWidget             *parent,
                                                              AmSession             *session,
                                                              AmRegisterImageSource  source);
/** am_register_image_dialog_get_ready: whether the snapshots are listed (snapshot mode) */
gboolean               am_register_image_dialog_get_ready    (AmRegisterImageDialog *self);
/** Returns: (transfer none) (nullable): the new image once registered */
const char            *am_register_image_dialog_get_image_id (AmRegisterImageDialog *self);

G_END_DECLS
