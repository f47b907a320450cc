/* am-screenshot.h: saves a PNG of a window once its Images view has painted its first listing
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * am_screenshot_save_png:
 * Renders @widget as it is painted now, with its window's renderer, and saves it to @path.
 */
gboolean am_screenshot_save_png               (GtkWidget            *widget,
                                               const char           *path,
                                               GError              **error);
/**
 * am_screenshot_when_listed_async:
 * Waits until the Images view inside @window shows a listing with at least one row and the
 * window has painted it, then saves the window to @path. Fails after @timeout_ms, saying what
 * the view showed instead.
 */
void     am_screenshot_when_listed_async      (GtkWindow            *window,
                                               const char           *path,
                                               guint                 timeout_ms,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean am_screenshot_when_listed_finish     (GAsyncResult         *result,
                                               GError              **error);

G_END_DECLS
