/* am-image-cache-file.c: the image store's cache file, read and written as a stream
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-store"

#include "config.h"

#include <json-glib/json-glib.h>

#include "am-ec2-error.h"
#include "am-ec2-model-private.h"
#include "am-image-cache-file.h"
#include "am-image-store-private.h"
#include "am-json-member.h"

#define CACHE_VERSION 1
#define CACHE_HEADER_KEY "{\"amiable-image-cache\":"
#define CACHE_IMAGES_OPEN ",\"images\":["

/*
 * The file is one JSON document, written one image per line so it can be read back as a
 * stream:
 *   {"amiable-image-cache":1,"saved-at":…,"region":…,"scope":…,"count":N,"images":[
 *   {…image…},
 *   {…image…}
 *   ]}
 */

void
am_image_cache_job_free (AmImageCacheJob *job)
{
  g_free (job->path);
  g_free (job->region);
  g_free (job->scope);
  g_clear_pointer (&job->images, g_ptr_array_unref);
  g_free (job);
}

static gboolean
damaged (GError     **error,
         const char  *path,
         const char  *why)
{
  g_set_error (error, AM_EC2_ERROR, AM_EC2_ERROR_CACHE,
               "The image cache %s is damaged (%s); it will be rebuilt", path, why);
  return FALSE;
}

gboolean
am_image_cache_read (AmImageCacheJob      *job,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (job->path);
  g_autoptr (GFileInputStream) input = NULL;
  g_autoptr (GDataInputStream) data = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *first = NULL;
  g_autofree char *header = NULL;
  g_autoptr (GError) local = NULL;
  const AmModelInfo *info = _am_image_get_model_info ();
  JsonObject *object;
  gint64 version;
  gint64 count;
  gboolean closed = FALSE;
  gsize len;

  input = g_file_read (file, cancellable, error);
  if (input == NULL)
    return FALSE;
  data = g_data_input_stream_new (G_INPUT_STREAM (input));
  g_buffered_input_stream_set_buffer_size (G_BUFFERED_INPUT_STREAM (data), 256 * 1024);

  first = g_data_input_stream_read_line_utf8 (data, &len, cancellable, &local);
  if (first == NULL)
    return damaged (error, job->path, local != NULL ? local->message : "empty file");
  if (!g_str_has_prefix (first, CACHE_HEADER_KEY) || !g_str_has_suffix (first, CACHE_IMAGES_OPEN))
    return damaged (error, job->path, "no header");
  {
    g_autofree char *prefix = g_strndup (first, len - strlen (CACHE_IMAGES_OPEN));

    header = g_strconcat (prefix, "}", NULL);
  }
  if (!json_parser_load_from_data (parser, header, -1, &local)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return damaged (error, job->path, local != NULL ? local->message : "bad header");
  object = json_node_get_object (json_parser_get_root (parser));
  if (!am_json_member_int (object, "amiable-image-cache", 0, G_MAXINT, &version, NULL)
      || version != CACHE_VERSION)
    return damaged (error, job->path, "unknown version");
  if (!am_json_member_int (object, "saved-at", 1, G_MAXINT64, &job->saved_at, NULL)
      || !am_json_member_int (object, "count", 0, G_MAXUINT32, &count, NULL))
    return damaged (error, job->path, "bad header");

  /* The count only checks the end: a damaged header must not size anything. */
  job->images = g_ptr_array_new_full (MIN (count, 4096), g_object_unref);
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (data, &len, cancellable, &local);
      GObject *image;

      if (line == NULL)
        {
          if (local != NULL && g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          break;
        }
      if (strcmp (line, "]}") == 0)
        {
          closed = TRUE;
          break;
        }
      if (len > 0 && line[len - 1] == ',')
        line[--len] = '\0';
      /* A blank line (or a lone ",") parses to no root at all. */
      if (!json_parser_load_from_data (parser, line, len, &local)
          || json_parser_get_root (parser) == NULL
          || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        return damaged (error, job->path, local != NULL ? local->message : "an image is not an object");
      image = _am_model_from_json (info, json_node_get_object (json_parser_get_root (parser)), &local);
      if (image == NULL)
        return damaged (error, job->path, local->message);
      if (am_image_get_image_id (AM_IMAGE (image)) == NULL)
        {
          g_object_unref (image);
          return damaged (error, job->path, "an image has no id");
        }
      g_ptr_array_add (job->images, image);
    }

  if (!closed)
    return damaged (error, job->path, "it ends early");
  if ((gint64) job->images->len != count)
    return damaged (error, job->path, "the image count does not match");
  return TRUE;
}

/* Writes the cache document to @buffered; the caller decides whether it replaces the old file. */
static gboolean
write_cache_document (AmImageCacheJob       *job,
                      GOutputStream  *buffered,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GString) line = g_string_new (NULL);
  g_autofree char *header = NULL;
  const AmModelInfo *info = _am_image_get_model_info ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "amiable-image-cache");
  json_builder_add_int_value (builder, CACHE_VERSION);
  json_builder_set_member_name (builder, "saved-at");
  json_builder_add_int_value (builder, job->saved_at);
  json_builder_set_member_name (builder, "region");
  json_builder_add_string_value (builder, job->region);
  json_builder_set_member_name (builder, "scope");
  json_builder_add_string_value (builder, job->scope);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, job->images->len);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  header = json_generator_to_data (generator, NULL);
  g_assert (g_str_has_suffix (header, "}"));
  g_string_append_len (line, header, strlen (header) - 1);
  g_string_append (line, CACHE_IMAGES_OPEN "\n");

  for (guint i = 0; i < job->images->len; i++)
    {
      _am_model_append_json (job->images->pdata[i], info, line);
      g_string_append (line, i + 1 < job->images->len ? ",\n" : "\n");
      if (line->len > 128 * 1024)
        {
          if (!g_output_stream_write_all (buffered, line->str, line->len, NULL, cancellable, error))
            return FALSE;
          g_string_truncate (line, 0);
        }
    }
  g_string_append (line, "]}\n");
  return g_output_stream_write_all (buffered, line->str, line->len, NULL, cancellable, error);
}

gboolean
am_image_cache_write (AmImageCacheJob      *job,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (job->path);
  g_autoptr (GFile) dir = g_file_get_parent (file);
  g_autoptr (GFileOutputStream) output = NULL;
  g_autoptr (GOutputStream) buffered = NULL;
  g_autoptr (GError) local = NULL;

  if (!g_file_make_directory_with_parents (dir, cancellable, &local)
      && !g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  /* g_file_replace() writes a temporary file and renames it over the old one on close. */
  output = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_PRIVATE, cancellable, error);
  if (output == NULL)
    return FALSE;
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (output), 256 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);

  if (!write_cache_document (job, buffered, cancellable, error)
      || !g_output_stream_close (buffered, cancellable, error))
    {
      g_autoptr (GCancellable) abandon = g_cancellable_new ();

      /* Closing the file normally would rename the partial document over the last good
       * cache; closing it cancelled drops the temporary file and keeps the old one. */
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (output), abandon, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (output), cancellable, error);
}

/* Entry points for the fuzzers (tests/fuzz/ec2): the cache reader and writer without a store. */

GPtrArray *
_am_image_store_read_cache_for_fuzzing (const char  *path,
                                        gint64      *saved_at,
                                        GError     **error)
{
  AmImageCacheJob *job = g_new0 (AmImageCacheJob, 1);
  GPtrArray *images = NULL;

  job->path = g_strdup (path);
  if (am_image_cache_read (job, NULL, error))
    {
      images = g_steal_pointer (&job->images);
      *saved_at = job->saved_at;
    }
  am_image_cache_job_free (job);
  return images;
}

gboolean
_am_image_store_write_cache_for_fuzzing (const char  *path,
                                         GPtrArray   *images,
                                         gint64       saved_at,
                                         GError     **error)
{
  AmImageCacheJob *job = g_new0 (AmImageCacheJob, 1);
  gboolean ok;

  job->path = g_strdup (path);
  job->region = g_strdup ("us-east-1");
  job->scope = g_strdup ("mine");
  job->images = g_ptr_array_ref (images);
  job->saved_at = saved_at;
  ok = am_image_cache_write (job, NULL, error);
  am_image_cache_job_free (job);
  return ok;
}
