/* am-preferences-window.h: the Preferences window
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AM_TYPE_PREFERENCES_WINDOW (am_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AmPreferencesWindow, am_preferences_window, AM, PREFERENCES_WINDOW, AdwPreferencesWindow)

AmPreferencesWindow *am_preferences_window_new       (void);
/** am_preferences_window_show_page: shows the page named "accounts" or "general". */
void                 am_preferences_window_show_page (AmPreferencesWindow *self,
                                                      const char          *name);

G_END_DECLS
