/* am-disable-image-dialog.h: disables an image (DisableImage) or enables it again (EnableImage)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-action-dialog.h"
#include "am-image.h"
#include "am-used-by-check.h"

G_BEGIN_DECLS

#define AM_TYPE_DISABLE_IMAGE_DIALOG (am_disable_image_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmDisableImageDialog, am_disable_image_dialog, AM, DISABLE_IMAGE_DIALOG, AmActionDialog)

/*
 * For an image that is not disabled: says what disabling does (no launches, public and
 * shared permissions gone, Enable brings it back but not its shares), lists what still uses
 * it (AmUsedByCheck) and enables Disable only once nothing does or the override is ticked.
 * For a disabled image: Enable, and what it does not restore.
 */
AmDisableImageDialog *am_disable_image_dialog_new         (AmSession            *session,
                                                           AmImage              *image);
/** am_disable_image_dialog_get_used_by: Returns: (transfer none) (nullable): %NULL when enabling */
AmUsedByCheck        *am_disable_image_dialog_get_used_by (AmDisableImageDialog *self);

G_END_DECLS
