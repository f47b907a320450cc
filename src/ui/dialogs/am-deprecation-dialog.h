/* am-deprecation-dialog.h: schedules or cancels an image's deprecation
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-action-dialog.h"
#include "am-image.h"

G_BEGIN_DECLS

#define AM_TYPE_DEPRECATION_DIALOG (am_deprecation_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmDeprecationDialog, am_deprecation_dialog, AM, DEPRECATION_DIALOG, AmActionDialog)

AmDeprecationDialog *am_deprecation_dialog_new      (AmSession           *session,
                                                     AmImage             *image);
/* Sets the chosen date and time (UTC) as if picked in the calendar and spin buttons. */
void                 am_deprecation_dialog_set_time (AmDeprecationDialog *self,
                                                     GDateTime           *when);

G_END_DECLS
