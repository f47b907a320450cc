/* am-title-layout.h: a row's title and subtitle stacked, measured once per width
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * AmTitleLayout lays a vertical box out exactly as the box's own layout does, except that its
 * width never depends on the height it is offered.
 *
 * Why: an action row lays its title box out in a horizontal box; with wrapping labels, GTK
 * 4.8's box asks the title box how wide it would be at a given height, and the vertical box
 * answers with a binary search over widths, measuring each label a dozen times. In the image
 * details (some 30 rows whose values change with every selection) that was most of the time
 * from a click to the painted pane.
 */
#define AM_TYPE_TITLE_LAYOUT (am_title_layout_get_type ())

G_DECLARE_FINAL_TYPE (AmTitleLayout, am_title_layout, AM, TITLE_LAYOUT, GtkLayoutManager)

/* @box: the box's own layout manager, which does the work (a reference is taken) */
GtkLayoutManager *am_title_layout_new (GtkLayoutManager *box);

/**
 * am_action_row_use_title_layout:
 * Gives @row's title box (the box that holds its title and subtitle) an #AmTitleLayout around
 * its own layout. Once per row; a row whose title box cannot be found is left as it is.
 */
void am_action_row_use_title_layout (AdwActionRow *row);

/**
 * am_preferences_group_use_title_layout:
 * The same for @group's heading: the vertical box of its title and description, which its
 * header lays out beside the header suffix. Call it once the description is set; a group
 * without one, or whose box cannot be found, is left as it is.
 */
void am_preferences_group_use_title_layout (AdwPreferencesGroup *group);

G_END_DECLS
