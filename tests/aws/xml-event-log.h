/* xml-event-log.h: records the events of GMarkup and of Amiable's XML tokenizer as one text
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by tests/aws/test-xml-tokenizer.c and tests/fuzz/xml/fuzz-xml-tokenizer.c: both
 * parsers run on the same bytes and must give the same log ("<name", ">name", "=text" lines,
 * adjacent text merged) and the same verdict (the GError domain and code, or "ok").
 */
#pragma once

#include <string.h>

#include "aws/am-xml-tokenizer-private.h"

typedef struct
{
  GString *log;
  GString *text;   /* text not yet logged: adjacent text events merge */
} XmlEventLog;

static inline void
xml_event_log_flush (XmlEventLog *self)
{
  if (self->text->len > 0)
    {
      g_string_append_c (self->log, '=');
      g_string_append_len (self->log, self->text->str, self->text->len);
      g_string_append_c (self->log, '\n');
      g_string_truncate (self->text, 0);
    }
}

static inline void
xml_event_log_tag (XmlEventLog *self,
                   char         kind,
                   const char  *name)
{
  xml_event_log_flush (self);
  g_string_append_c (self->log, kind);
  g_string_append (self->log, name);
  g_string_append_c (self->log, '\n');
}

static inline gboolean
xml_event_log_tok_start (const char *name, gsize len, gpointer data, GError **error)
{
  g_assert_cmpuint (strlen (name), ==, len);
  xml_event_log_tag (data, '<', name);
  return TRUE;
}

static inline gboolean
xml_event_log_tok_end (const char *name, gsize len, gpointer data, GError **error)
{
  g_assert_cmpuint (strlen (name), ==, len);
  xml_event_log_tag (data, '>', name);
  return TRUE;
}

static inline gboolean
xml_event_log_tok_text (const char *text, gsize len, gpointer data, GError **error)
{
  g_string_append_len (((XmlEventLog *) data)->text, text, len);
  return TRUE;
}

static inline void
xml_event_log_gm_start (GMarkupParseContext *context, const char *name, const char **names,
                        const char **values, gpointer data, GError **error)
{
  xml_event_log_tag (data, '<', name);
}

static inline void
xml_event_log_gm_end (GMarkupParseContext *context, const char *name, gpointer data,
                      GError **error)
{
  xml_event_log_tag (data, '>', name);
}

static inline void
xml_event_log_gm_text (GMarkupParseContext *context, const char *text, gsize len,
                       gpointer data, GError **error)
{
  g_string_append_len (((XmlEventLog *) data)->text, text, len);
}

static inline void
xml_event_log_verdict (XmlEventLog *self,
                       GError      *error)
{
  xml_event_log_flush (self);
  if (error == NULL)
    g_string_append (self->log, "ok\n");
  else
    g_string_append_printf (self->log, "error %s %d\n",
                            g_quark_to_string (error->domain), error->code);
}

/* GMarkup (G_MARKUP_TREAT_CDATA_AS_TEXT, as the reader used it) over the whole input. */
static inline char *
xml_event_log_gmarkup (const char *data,
                       gsize       len)
{
  static const GMarkupParser parser = {
    xml_event_log_gm_start, xml_event_log_gm_end, xml_event_log_gm_text, NULL, NULL,
  };
  XmlEventLog self = { g_string_new (NULL), g_string_new (NULL) };
  GMarkupParseContext *context = g_markup_parse_context_new (&parser,
                                                             G_MARKUP_TREAT_CDATA_AS_TEXT,
                                                             &self, NULL);
  GError *error = NULL;

  if (g_markup_parse_context_parse (context, data, len, &error))
    g_markup_parse_context_end_parse (context, &error);
  g_markup_parse_context_free (context);
  xml_event_log_verdict (&self, error);
  g_clear_error (&error);
  g_string_free (self.text, TRUE);
  return g_string_free (self.log, FALSE);
}

/* The tokenizer over the input in slices of @chunk bytes (0: all at once). */
static inline char *
xml_event_log_tokenizer (const char *data,
                         gsize       len,
                         gsize       chunk)
{
  static const AmXmlTokenizerEvents events = {
    xml_event_log_tok_start, xml_event_log_tok_end, xml_event_log_tok_text,
  };
  XmlEventLog self = { g_string_new (NULL), g_string_new (NULL) };
  AmXmlTokenizer *tokenizer = _am_xml_tokenizer_new (&events, &self);
  GError *error = NULL;
  gboolean ok = TRUE;

  if (chunk == 0)
    chunk = MAX (len, 1);
  for (gsize offset = 0; ok && offset < len; offset += chunk)
    ok = _am_xml_tokenizer_feed (tokenizer, data + offset, MIN (chunk, len - offset), &error);
  if (ok)
    _am_xml_tokenizer_finish (tokenizer, &error);
  _am_xml_tokenizer_free (tokenizer);
  xml_event_log_verdict (&self, error);
  g_clear_error (&error);
  g_string_free (self.text, TRUE);
  return g_string_free (self.log, FALSE);
}

/* Whether the input is one GMarkup reads differently on purpose: with a markup declaration
 * (a DTD, which it passes over and we refuse) or a NUL byte (where GMarkup silently cuts the
 * text short and we refuse the document). */
static inline gboolean
xml_event_log_differs_on_purpose (const char *data,
                               gsize       len)
{
  if (memchr (data, '\0', len) != NULL)
    return TRUE;
  for (gsize i = 0; i + 1 < len; i++)
    if (data[i] == '<' && data[i + 1] == '!')
      {
        if (len - i >= 4 && memcmp (data + i, "<!--", 4) == 0)
          continue;
        if (len - i >= 9 && memcmp (data + i, "<![CDATA[", 9) == 0)
          continue;
        return TRUE;
      }
  return FALSE;
}
