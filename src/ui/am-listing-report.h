/* am-listing-report.h: prints one line when the Images view first shows rows (install tests)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/**
 * am_listing_report_watch:
 * When AMIABLE_REPORT_FIRST_LISTING is set, prints one line on stdout once @window's Images
 * view has painted its first rows: `first-listing rows=N profile=P region=R endpoint=URL sandbox=PATH
 * icon=yes|no view=TITLE`, so a test can check an installed program without a display of its
 * own. Does nothing when the variable is not set.
 */
void am_listing_report_watch (GtkWindow *window);

G_END_DECLS
