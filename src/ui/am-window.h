/* am-window.h: the main Amiable window
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-application.h"
#include "am-session.h"

G_BEGIN_DECLS

#define AM_TYPE_WINDOW (am_window_get_type ())

G_DECLARE_FINAL_TYPE (AmWindow, am_window, AM, WINDOW, AdwApplicationWindow)

/** am_window_new: a window with a new, not yet connected session */
AmWindow   *am_window_new              (AmApplication *application);
/** am_window_new_with_session: a window that works with @session (connected or not) */
AmWindow   *am_window_new_with_session (AmApplication *application,
                                        AmSession     *session);
/** am_window_get_session: Returns: (transfer none): the window's session */
AmSession  *am_window_get_session      (AmWindow      *self);
/**
 * am_window_connect:
 * Switches the window's session to @profile_name (%NULL: the start choice) and @region
 * (%NULL: the profile's region); progress and errors show in the window.
 */
void        am_window_connect          (AmWindow      *self,
                                        const char    *profile_name,
                                        const char    *region);
/** am_window_show_view: switches to the view named "images" or "instances". */
void        am_window_show_view        (AmWindow      *self,
                                        const char    *name);
/** am_window_get_visible_view: Returns: the name of the visible view. */
const char *am_window_get_visible_view (AmWindow      *self);
/** am_window_add_toast: shows @toast in the window's toast overlay (takes ownership). */
void        am_window_add_toast        (AmWindow      *self,
                                        AdwToast      *toast);

G_END_DECLS
