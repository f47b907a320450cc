/* am-cleanup-dialog.h: the Cleanup assistant: keep rules, a preview of what goes, run, undo
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-cleanup-plan.h"
#include "am-ec2-client.h"

G_BEGIN_DECLS

#define AM_TYPE_CLEANUP_DIALOG (am_cleanup_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmCleanupDialog, am_cleanup_dialog, AM, CLEANUP_DIALOG, AdwWindow)

/* @client: (nullable): the session's client; without one the dialog says it is not connected. */
AmCleanupDialog *am_cleanup_dialog_new        (GtkWindow       *parent,
                                               AmEc2Client     *client);
/* Plans every enabled Region at once (the dialog's All Regions switch): families and "keep
 * the newest" count per Region, each image goes in its own Region. */
void             am_cleanup_dialog_set_all_regions (AmCleanupDialog *self,
                                                    gboolean         all_regions);
/* For tests: the plan the preview shows. */
AmCleanupPlan   *am_cleanup_dialog_get_plan   (AmCleanupDialog *self);
/* For tests: "loading", "error", "preview", "running" or "summary". */
const char      *am_cleanup_dialog_get_page   (AmCleanupDialog *self);

G_END_DECLS
