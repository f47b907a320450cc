/* am-application.h: the Amiable application object
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AM_TYPE_APPLICATION (am_application_get_type ())

G_DECLARE_FINAL_TYPE (AmApplication, am_application, AM, APPLICATION, AdwApplication)

AmApplication *am_application_new          (void);
/** am_application_get_settings: Returns: (transfer none): the app's GSettings */
GSettings     *am_application_get_settings (AmApplication *self);

/**
 * am_application_use_installed_data:
 * Makes the schema and icons installed with this program found when its prefix is not one
 * of the system data folders (a prefix of its own, ~/.local): call first thing in main().
 */
void           am_application_use_installed_data (void);

G_END_DECLS
