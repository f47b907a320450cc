/* am-create-image-dialog.h: Create Image from an instance (CreateImage) with its volumes and tags
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-instance.h"

G_BEGIN_DECLS

typedef struct _AmSession AmSession;

#define AM_TYPE_CREATE_IMAGE_DIALOG (am_create_image_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmCreateImageDialog, am_create_image_dialog, AM, CREATE_IMAGE_DIALOG, AdwWindow)

/*
 * Asks for the new image's name (checked by EC2's rules as it is typed; a duplicate name
 * comes back from EC2 and shows at the name), description, whether to reboot, the volumes
 * (existing ones grow, change type, deletion and encryption, or are left out; new ones can be
 * added) and tags for the image and its snapshots. On success it emits "created" and closes;
 * the window then shows a toast offering to launch from the new image.
 */

AmCreateImageDialog *am_create_image_dialog_new          (AmSession           *session,
                                                          AmInstance          *instance);
/** am_create_image_dialog_present: a dialog for @instance, transient for @parent's window */
AmCreateImageDialog *am_create_image_dialog_present      (GtkWidget           *parent,
                                                          AmSession           *session,
                                                          AmInstance          *instance);
/** am_create_image_dialog_get_ready: whether the volumes are read and the form can be sent */
gboolean             am_create_image_dialog_get_ready    (AmCreateImageDialog *self);
/** am_create_image_dialog_get_busy: whether CreateImage is in flight */
gboolean             am_create_image_dialog_get_busy     (AmCreateImageDialog *self);
/** am_create_image_dialog_add_volume: adds a new volume row, as the Add button does */
GtkWidget           *am_create_image_dialog_add_volume   (AmCreateImageDialog *self);
/** Returns: (transfer none) (nullable): the new image once created */
const char          *am_create_image_dialog_get_image_id (AmCreateImageDialog *self);

G_END_DECLS
