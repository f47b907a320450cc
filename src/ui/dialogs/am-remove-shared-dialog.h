/* am-remove-shared-dialog.h: removes an image another account shared with this one (CancelImageLaunchPermission)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-action-dialog.h"
#include "am-image.h"

G_BEGIN_DECLS

#define AM_TYPE_REMOVE_SHARED_DIALOG (am_remove_shared_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmRemoveSharedDialog, am_remove_shared_dialog, AM, REMOVE_SHARED_DIALOG, AmActionDialog)

AmRemoveSharedDialog *am_remove_shared_dialog_new (AmSession *session,
                                                   AmImage   *image);

G_END_DECLS
