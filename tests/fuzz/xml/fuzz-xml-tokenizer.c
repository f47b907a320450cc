/* fuzz-xml-tokenizer.c: libFuzzer harness for the XML tokenizer, differential against GMarkup
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-xml-tokenizer"

#include "config.h"

#include <string.h>

#include "../../aws/xml-event-log.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *whole = NULL;
  g_autofree char *split = NULL;
  g_autofree char *gmarkup = NULL;
  const char *text;
  gsize chunk;

  if (size == 0)
    return 0;

  /* The first byte picks the chunk size, so every split of the stream gets exercised. */
  chunk = (gsize) data[0] + 1;
  text = (const char *) data + 1;
  size--;

  /* Any split reads like the whole. */
  whole = xml_event_log_tokenizer (text, size, 0);
  split = xml_event_log_tokenizer (text, size, chunk);
  g_assert_cmpstr (whole, ==, split);

  /* GMarkup accepts what we accept, with the same events, and refuses what we refuse (DTDs
   * and NUL bytes, which it passes over, are ours alone to refuse). */
  if (xml_event_log_differs_on_purpose (text, size))
    return 0;
  gmarkup = xml_event_log_gmarkup (text, size);
  if (g_str_has_suffix (whole, "ok\n") || g_str_has_suffix (gmarkup, "ok\n"))
    g_assert_cmpstr (whole, ==, gmarkup);
  return 0;
}
