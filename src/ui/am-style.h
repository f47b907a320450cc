/* am-style.h: loads Amiable's stylesheets from its resources, in one place
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The paths of every .css under the application's resource base path, sorted; free with
 * g_strfreev(). */
char **am_style_list_sheets (void);

/* Adds every .css under the application's resource base path to @display, once per display.
 * The base path's own style.css is left out when @skip_base_style is TRUE (AdwApplication
 * loads that one, with its -dark and -hc variants). */
void am_style_load (GdkDisplay *display,
                    gboolean    skip_base_style);

G_END_DECLS
