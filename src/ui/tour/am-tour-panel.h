/* am-tour-panel.h: the guided tour's side panel: a checklist that ticks itself from the sandbox
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-tour-checker.h"
#include "am-window.h"

G_BEGIN_DECLS

#define AM_TYPE_TOUR_PANEL (am_tour_panel_get_type ())

G_DECLARE_FINAL_TYPE (AmTourPanel, am_tour_panel, AM, TOUR_PANEL, GtkBox)

/**
 * am_tour_panel_attach:
 * Puts a tour panel at the end of @window's content (in an AdwFlap that folds over the content
 * on a narrow window) and installs the "tour." actions on @window: "tour.show" (toggles the
 * panel), "tour.welcome" (the welcome window), "tour.reset" (Reset Sandbox, after asking).
 * Returns: (transfer none): the panel
 */
AmTourPanel   *am_tour_panel_attach            (AmWindow    *window);
/** am_tour_panel_get_for_window: Returns: (transfer none) (nullable): @window's panel */
AmTourPanel   *am_tour_panel_get_for_window    (GtkWidget   *window);
void           am_tour_panel_set_revealed      (AmTourPanel *self,
                                                gboolean     revealed);
gboolean       am_tour_panel_get_revealed      (AmTourPanel *self);
/** am_tour_panel_get_checker: Returns: (transfer none): the checker behind the checklist */
AmTourChecker *am_tour_panel_get_checker       (AmTourPanel *self);
/** am_tour_panel_check_now: reads the sandbox again now (or right after a check under way) */
void           am_tour_panel_check_now         (AmTourPanel *self);
/** am_tour_panel_get_target: Returns: (transfer none) (nullable): the widget marked as where to act */
GtkWidget     *am_tour_panel_get_target        (AmTourPanel *self);
/** am_tour_panel_get_checks: how many checks of the sandbox have ended (for tests) */
guint          am_tour_panel_get_checks        (AmTourPanel *self);

G_END_DECLS
