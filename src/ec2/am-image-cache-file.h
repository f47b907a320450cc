/* am-image-cache-file.h: the image store's cache file, read and written as a stream
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One read or write of a cache file, handed to a worker thread whole. */
typedef struct
{
  char      *path;
  char      *region;     /* written into the header */
  char      *scope;      /* written into the header */
  GPtrArray *images;     /* AmImage: what is written, or what was read */
  gint64     saved_at;   /* seconds since the epoch */
} AmImageCacheJob;

void     am_image_cache_job_free (AmImageCacheJob  *job);
/* Reads @job->path into @job->images and @job->saved_at; a damaged file is an
 * AM_EC2_ERROR_CACHE error. */
gboolean am_image_cache_read     (AmImageCacheJob  *job,
                                  GCancellable     *cancellable,
                                  GError          **error);
/* Writes @job->images to @job->path, replacing the old file only once the new one is whole. */
gboolean am_image_cache_write    (AmImageCacheJob  *job,
                                  GCancellable     *cancellable,
                                  GError          **error);

G_END_DECLS
