/* am-welcome.h: the first-run welcome: what the sandbox is, and three ways on
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-window.h"

G_BEGIN_DECLS

#define AM_TYPE_WELCOME (am_welcome_get_type ())

G_DECLARE_FINAL_TYPE (AmWelcome, am_welcome, AM, WELCOME, AdwWindow)

/** am_welcome_new: a welcome window, modal over @window, whose choices act on @window */
AmWelcome *am_welcome_new                (AmWindow  *window);
/**
 * am_welcome_show_on_first_start:
 * Shows the welcome over @window the first time a session of @window is READY on the built-in
 * sandbox, and remembers in @settings ("welcome-shown") that it was shown.
 */
void       am_welcome_show_on_first_start (AmWindow  *window,
                                           GSettings *settings);

G_END_DECLS
