/* am-quick-start-view.h: Quick Start as a catalog: a card per popular system
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-image.h"

G_BEGIN_DECLS

/*
 * AmQuickStartView shows a list of images as cards, one per system (a friendly title found by
 * the image name's pattern, an icon, an x86_64 / arm64 switch between the images of that
 * system, "Free tier eligible", the image ID and date in small type) with Launch as the main
 * button; Launch emits ::launch with the image the card shows.
 */

#define AM_TYPE_QUICK_START_VIEW (am_quick_start_view_get_type ())

G_DECLARE_FINAL_TYPE (AmQuickStartView, am_quick_start_view, AM, QUICK_START_VIEW, AdwBin)

GtkWidget  *am_quick_start_view_new            (void);
/** am_quick_start_view_set_model: @model: (nullable): the images (AmImage) to show */
void        am_quick_start_view_set_model      (AmQuickStartView *self,
                                                GListModel       *model);
/** am_quick_start_view_get_title: the friendly title of @image's system, or %NULL (transfer none) */
const char *am_quick_start_view_get_title      (AmImage          *image);
/**
 * am_quick_start_view_get_card: the card titled @title (for tests), or %NULL
 * Returns: (transfer none) (nullable)
 */
GtkWidget  *am_quick_start_view_get_card       (AmQuickStartView *self,
                                                const char       *title);
/** am_quick_start_view_get_card_image: the image @card shows now (for tests) */
AmImage    *am_quick_start_view_get_card_image (GtkWidget        *card);

G_END_DECLS
