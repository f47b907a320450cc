/* am-time-format.h: the one way Amiable writes a date and time
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * am_time_format_local:
 * @iso8601: (nullable): a time as EC2 sends it, e.g. "2025-11-11T19:42:38.000Z"
 * Returns: (transfer full) (nullable): the time in local time with a four-digit year,
 *   "2025-11-11 20:42", or @iso8601 itself when it is no time, %NULL for %NULL or ""
 */
char *am_time_format_local   (const char *iso8601);
/**
 * am_time_format_utc:
 * Returns: (transfer full) (nullable): the same time in UTC to the second, for a tooltip:
 *   "2025-11-11 19:42:38 UTC"
 */
char *am_time_format_utc     (const char *iso8601);
/** am_time_format_label: sets @label to the local time of @iso8601 with UTC in its tooltip */
void  am_time_format_label   (GtkLabel   *label,
                              const char *iso8601);

G_END_DECLS
