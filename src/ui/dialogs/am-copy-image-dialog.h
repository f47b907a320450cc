/* am-copy-image-dialog.h: copies an image to one or several other regions (one CopyImage each)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-action-dialog.h"
#include "am-image.h"

G_BEGIN_DECLS

#define AM_TYPE_COPY_IMAGE_DIALOG (am_copy_image_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmCopyImageDialog, am_copy_image_dialog, AM, COPY_IMAGE_DIALOG, AmActionDialog)

AmCopyImageDialog *am_copy_image_dialog_new          (AmSession         *session,
                                                      AmImage           *image);
/* Selects @region in the destination list; FALSE when it is not offered. */
gboolean           am_copy_image_dialog_select_region (AmCopyImageDialog *self,
                                                       const char        *region);
/* The id of the copy once CopyImage answered, else NULL. */
const char        *am_copy_image_dialog_get_new_image_id (AmCopyImageDialog *self);

/* The ClientToken of the request a retry would send (NULL before the first Copy). */
const char        *am_copy_image_dialog_get_client_token (AmCopyImageDialog *self);
/* Ticks (or unticks) @region under "Also Copy To"; FALSE when it is not offered. */
gboolean           am_copy_image_dialog_set_also_region (AmCopyImageDialog *self,
                                                         const char        *region,
                                                         gboolean           copy);
/* Per destination Region: the copy's id once made, and the ClientToken its requests carry. */
const char        *am_copy_image_dialog_get_region_image_id (AmCopyImageDialog *self,
                                                             const char        *region);
const char        *am_copy_image_dialog_get_region_client_token (AmCopyImageDialog *self,
                                                                 const char        *region);

G_END_DECLS
