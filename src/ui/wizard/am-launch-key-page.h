/* am-launch-key-page.h: the launch wizard's key pair page: choose, create and save a key pair, or go without
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-launch-page.h"

G_BEGIN_DECLS

#define AM_TYPE_LAUNCH_KEY_PAGE (am_launch_key_page_get_type ())

G_DECLARE_FINAL_TYPE (AmLaunchKeyPage, am_launch_key_page, AM, LAUNCH_KEY_PAGE, AmLaunchPage)

GtkWidget  *am_launch_key_page_new                  (void);
/* The name of the key pair just created whose private key is not saved yet, or %NULL */
const char *am_launch_key_page_get_unsaved_key_name (AmLaunchKeyPage  *self);
/* Asks where to save that private key ("save-ended" follows) */
void        am_launch_key_page_save                 (AmLaunchKeyPage  *self);
/* Saves that private key to @path (0600, flushed) and forgets it */
gboolean    am_launch_key_page_save_to              (AmLaunchKeyPage  *self,
                                                     const char       *path,
                                                     GError          **error);
/* TRUE once the user chose, typed or left the page: its errors show from then on */
gboolean    am_launch_key_page_get_touched          (AmLaunchKeyPage  *self);
void        am_launch_key_page_set_touched          (AmLaunchKeyPage  *self);

G_END_DECLS
