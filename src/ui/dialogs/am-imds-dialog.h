/* am-imds-dialog.h: makes instances launched from an image require IMDSv2
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-action-dialog.h"
#include "am-image.h"

G_BEGIN_DECLS

#define AM_TYPE_IMDS_DIALOG (am_imds_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmImdsDialog, am_imds_dialog, AM, IMDS_DIALOG, AmActionDialog)

AmImdsDialog *am_imds_dialog_new (AmSession *session,
                                  AmImage   *image);

G_END_DECLS
