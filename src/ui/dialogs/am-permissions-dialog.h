/* am-permissions-dialog.h: edits who may launch an image (public, accounts, organizations, OUs)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-action-dialog.h"
#include "am-image.h"

G_BEGIN_DECLS

#define AM_TYPE_PERMISSIONS_DIALOG (am_permissions_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmPermissionsDialog, am_permissions_dialog, AM, PERMISSIONS_DIALOG, AmActionDialog)

/* Loads the current launch permissions (DescribeImageAttribute) as soon as it is created. */
AmPermissionsDialog *am_permissions_dialog_new       (AmSession           *session,
                                                      AmImage             *image);
/* Whether the current permissions have been read (Apply stays off until then). */
gboolean             am_permissions_dialog_is_loaded (AmPermissionsDialog *self);
/* Whether the usage report asked for with Check Usage is shown (or its failure is). */
gboolean             am_permissions_dialog_is_usage_loaded (AmPermissionsDialog *self);

G_END_DECLS
