/* fuzz-xml-reader.c: libFuzzer harness for the streaming XML reader and the nextToken finder
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-xml-reader"

#include "config.h"

#include <string.h>

#include "am-fuzz.h"
#include "aws/am-aws-error.h"
#include "aws/am-query-client.h"
#include "aws/am-xml-reader.h"

typedef struct
{
  guint  frames;
  guint  ended;
  gsize  text_bytes;
  GError *planted;
} Counts;

static gboolean frame_start (AmXmlReader *, const char *, gpointer, GError **);
static gboolean frame_text (AmXmlReader *, const char *, const char *, gsize, gpointer, GError **);
static gboolean frame_end (AmXmlReader *, gpointer, GError **);

static const AmXmlHandler frame_handler = { frame_start, frame_text, frame_end };
static const AmXmlHandler skip_handler = { NULL, frame_text, frame_end };

static gboolean
frame_start (AmXmlReader *reader,
             const char  *element,
             gpointer     user_data,
             GError     **error)
{
  Counts *counts = user_data;

  /* Containers get a frame, "skip" subtrees are skipped, "fail" fails, the rest are leaves. */
  if (strcmp (element, "item") == 0 || strcmp (element, "set") == 0
      || g_str_has_suffix (element, "Set") || g_str_has_suffix (element, "Response"))
    {
      counts->frames++;
      am_xml_reader_push (reader, &frame_handler, counts);
    }
  else if (strcmp (element, "skip") == 0)
    {
      counts->frames++;
      am_xml_reader_push (reader, &skip_handler, counts);
    }
  else if (strcmp (element, "fail") == 0)
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE, "planted failure");
      return FALSE;
    }
  return TRUE;
}

static gboolean
frame_text (AmXmlReader *reader,
            const char  *element,
            const char  *text,
            gsize        text_len,
            gpointer     user_data,
            GError     **error)
{
  Counts *counts = user_data;
  gint64 number;
  gboolean flag;

  g_assert (strlen (text) == text_len);
  counts->text_bytes += text_len;
  am_xml_parse_int64 (text, &number);
  am_xml_parse_boolean (text, &flag);
  return TRUE;
}

static gboolean
frame_end (AmXmlReader *reader,
           gpointer     user_data,
           GError     **error)
{
  Counts *counts = user_data;

  counts->ended++;
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (AmXmlReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *token = NULL;
  g_autofree char *escaped = NULL;
  Counts counts = { 0 };
  gsize chunk;
  gsize offset = 0;
  gboolean ok = TRUE;

  am_fuzz_init ();
  if (size == 0)
    return 0;

  /* The first byte picks the chunk size, so every split of the stream gets exercised. */
  chunk = (gsize) data[0] + 1;
  data++;
  size--;

  reader = am_xml_reader_new (&frame_handler, &counts);
  while (ok && offset < size)
    {
      gsize n = MIN (chunk, size - offset);

      ok = am_xml_reader_feed (reader, (const char *) data + offset, (gssize) n, &error);
      offset += n;
    }
  if (ok)
    ok = am_xml_reader_finish (reader, &error);

  /* Either whole and every frame ended (root frame included), or an error in our domain. */
  if (ok)
    g_assert (counts.ended == counts.frames + 1);
  else
    g_assert (error != NULL && error->domain == AM_AWS_ERROR);
  g_clear_error (&error);

  bytes = g_bytes_new (data, size);
  if (am_query_find_next_token (bytes, &token, &error))
    g_assert (token == NULL || *token != '\0');
  else
    g_assert (token == NULL && error != NULL);

  {
    g_autofree char *text = g_strndup ((const char *) data, size);

    escaped = am_xml_escape (text);
    g_assert (strchr (escaped, '<') == NULL);
  }

  return 0;
}
