/* am-launch-from-image.h: "Launch from It" for an image just made: a toast and the wizard
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct _AmSession AmSession;

/**
 * am_launch_from_image_toast_new:
 * A toast saying @title with a "Launch from It" button that opens the launch wizard for
 * @image_id over @parent's window (looked up when pressed, so the image's latest state shows).
 * Returns: (transfer full): the toast
 */
AdwToast *am_launch_from_image_toast_new (GtkWidget  *parent,
                                          AmSession  *session,
                                          const char *title,
                                          const char *image_id);
/** am_launch_from_image: looks up @image_id and opens the launch wizard for it over @parent */
void      am_launch_from_image           (GtkWidget  *parent,
                                          AmSession  *session,
                                          const char *image_id);

/**
 * am_instances_show_toast:
 * Shows @toast (taking it) in the toast overlay around @widget, or in its window (an AmWindow,
 * or a window whose child is an AdwToastOverlay); drops it with a debug message otherwise.
 */
void      am_instances_show_toast        (GtkWidget  *widget,
                                          AdwToast   *toast);

G_END_DECLS
