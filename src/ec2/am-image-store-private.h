/* am-image-store-private.h: the image cache's reader and writer on their own, for the fuzzers
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-image-store.h"

G_BEGIN_DECLS

/* Reads the cache file at @path. Returns: (transfer full) (nullable): its AmImage objects,
 * or %NULL with an AM_EC2_ERROR_CACHE error when the file is damaged. */
GPtrArray *_am_image_store_read_cache_for_fuzzing  (const char  *path,
                                                    gint64      *saved_at,
                                                    GError     **error);
/* Writes @images (AmImage) to @path the way a store does after a complete listing. */
gboolean   _am_image_store_write_cache_for_fuzzing (const char  *path,
                                                    GPtrArray   *images,
                                                    gint64       saved_at,
                                                    GError     **error);

G_END_DECLS
