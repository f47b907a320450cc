/* am-image-cell.h: a cheap one-line text cell for the image list
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * AmImageCell draws one line of text, ellipsized, with a layout shared by every cell: GTK 4.8
 * rebuilds the visible rows' cells after most list changes, and a GtkInscription or GtkLabel
 * makes its own Pango context and layout each time (half the cost of a keystroke at 100k rows).
 */

#define AM_TYPE_IMAGE_CELL (am_image_cell_get_type ())

G_DECLARE_FINAL_TYPE (AmImageCell, am_image_cell, AM, IMAGE_CELL, GtkWidget)

GtkWidget  *am_image_cell_new      (void);
void        am_image_cell_set_text (AmImageCell *self,
                                    const char  *text);
const char *am_image_cell_get_text (AmImageCell *self);
/**
 * am_image_cell_set_badge:
 * @badge: (nullable): a short word drawn in a pill after the text (e.g. "Newest"); the
 *   static string must outlive the cell (it is compared by pointer)
 */
void        am_image_cell_set_badge (AmImageCell *self,
                                     const char  *badge);
const char *am_image_cell_get_badge (AmImageCell *self);

G_END_DECLS
