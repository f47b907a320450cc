/* am-description-dialog.h: edits an image's description (ModifyImageAttribute Description)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-action-dialog.h"
#include "am-image.h"

G_BEGIN_DECLS

#define AM_TYPE_DESCRIPTION_DIALOG (am_description_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmDescriptionDialog, am_description_dialog, AM, DESCRIPTION_DIALOG, AmActionDialog)

AmDescriptionDialog *am_description_dialog_new (AmSession *session,
                                                AmImage   *image);

G_END_DECLS
