/* am-deregister-dialog.h: confirms and runs the deregistration of one or more images
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-image.h"
#include "am-used-by-check.h"

G_BEGIN_DECLS

typedef struct _AmSession AmSession;

#define AM_TYPE_DEREGISTER_DIALOG (am_deregister_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmDeregisterDialog, am_deregister_dialog, AM, DEREGISTER_DIALOG, AdwMessageDialog)

/*
 * A destructive confirmation naming @images (element-type AmImage), with "Also delete the
 * snapshots". On "Deregister" it stays open with a spinner while the calls run, one image at
 * a time (nothing closes it meanwhile). When some are refused it turns into the result: the
 * heading counts what went ("Deregistered 1 of 2 Images"), the body lists which images were
 * deregistered and which were not, the snapshots option gives way to why they were refused
 * (in words, EC2's answer under Details), and Retry tries those again (with the snapshot
 * choice of the first try). When snapshots were to go, the result also says what EC2 did
 * with each one (deleted, or kept and why). It stays open until the user closes it; when
 * everything went and no snapshot result is to be read, it closes with a toast.
 * Below the snapshots option, what still uses the images (DescribeImageReferences); while
 * that is being asked, and when anything uses them until "Deregister anyway" is ticked,
 * Deregister is insensitive.
 * A single image that is protected is offered "Turn Off Protection…" instead of Deregister
 * (emits "turn-off-protection" and closes).
 * Emits "finished" (gboolean applied: TRUE when at least one image was deregistered) as soon
 * as images were deregistered, or when it closes.
 */
AmDeregisterDialog *am_deregister_dialog_new (AmSession *session,
                                              GPtrArray *images);
/* Whether a call is running (the dialog cannot be closed meanwhile). */
gboolean            am_deregister_dialog_get_busy (AmDeregisterDialog *self);
AmUsedByCheck      *am_deregister_dialog_get_used_by (AmDeregisterDialog *self);

G_END_DECLS
