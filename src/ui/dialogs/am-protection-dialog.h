/* am-protection-dialog.h: turns an image's deregistration protection on or off
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-action-dialog.h"
#include "am-image.h"

G_BEGIN_DECLS

#define AM_TYPE_PROTECTION_DIALOG (am_protection_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmProtectionDialog, am_protection_dialog, AM, PROTECTION_DIALOG, AmActionDialog)

AmProtectionDialog *am_protection_dialog_new (AmSession *session,
                                              AmImage   *image);

G_END_DECLS
