/* am-adaptive.h: list and details in one pane on a narrow window (libadwaita 1.2's leaflet)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * am_adaptive_follow_list:
 * @list: a column view inside the first page of an #AdwLeaflet whose second page holds its
 *   details
 *
 * While the leaflet is folded (the window is too narrow for both), the list alone is shown;
 * the row the user opens (activated, or selected by a click or tap) brings its details
 * forward, and the details page's Back button (the button with the style class
 * "details-back", shown only while the leaflet is folded) returns to the list. Moving through the list with the keyboard does not
 * leave it; Enter opens the row.
 */
void am_adaptive_follow_list (GtkColumnView *list);

G_END_DECLS
