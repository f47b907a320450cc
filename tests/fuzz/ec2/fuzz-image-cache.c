/* fuzz-image-cache.c: libFuzzer harness for the image cache file reader (and its writer)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-image-cache"

#include "config.h"

#include <string.h>

#include "am-fuzz.h"
#include "ec2/am-ec2-error.h"
#include "ec2/am-ec2-model-private.h"
#include "ec2/am-image-store-private.h"
#include "ec2/am-image.h"

static char *path;
static char *copy_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  am_fuzz_ignore_leaks (argc, argv);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (GPtrArray) images = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autoptr (GError) error = NULL;
  gint64 saved_at = 0;
  gint64 saved_again = 0;

  am_fuzz_init ();
  if (path == NULL)
    {
      path = g_build_filename (am_fuzz_scratch_dir (), "cache.json", NULL);
      copy_path = g_build_filename (am_fuzz_scratch_dir (), "copy", "cache.json", NULL);
    }

  am_fuzz_write_file (path, data, size);
  images = _am_image_store_read_cache_for_fuzzing (path, &saved_at, &error);
  if (images == NULL)
    {
      /* Damage is reported as such (the store then rebuilds the cache). */
      g_assert (g_error_matches (error, AM_EC2_ERROR, AM_EC2_ERROR_CACHE));
      return 0;
    }
  g_assert (error == NULL && saved_at > 0);

  /* A cache that reads writes back, and reads back the same. */
  if (!_am_image_store_write_cache_for_fuzzing (copy_path, images, saved_at, &error))
    g_error ("a cache that reads could not be written back: %s", error->message);
  again = _am_image_store_read_cache_for_fuzzing (copy_path, &saved_again, &error);
  if (again == NULL)
    g_error ("a cache written from a cache that reads does not read: %s", error->message);
  g_assert (saved_again == saved_at);
  g_assert (again->len == images->len);
  for (guint i = 0; i < images->len; i++)
    g_assert (_am_model_equal (images->pdata[i], again->pdata[i], _am_image_get_model_info ()));
  return 0;
}
