/* am-xml-tokenizer-private.h: the XML tokenizer under AmXmlReader (elements, text, no DTDs)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A push tokenizer for the XML that AWS sends, in place of GMarkup in the hot path. It reports
 * the same events GMarkup does with G_MARKUP_TREAT_CDATA_AS_TEXT (element start and end, the
 * text between tags once whole and unescaped) and accepts and refuses the same documents, with
 * the same G_MARKUP_ERROR codes, with deliberate exceptions: a DTD (`<!DOCTYPE`, or any `<!`
 * other than a comment or CDATA) is refused where GMarkup passes over it, and so is a NUL byte
 * in text (GMarkup cuts the text short there). Entities other than the five predefined ones
 * and character references are refused, as GMarkup does. Attributes are checked and
 * unescaped, then dropped.
 * tests/aws/test-xml-tokenizer.c holds both to the same events on every corpus input.
 */

typedef struct _AmXmlTokenizer AmXmlTokenizer;

typedef struct
{
  /* @name is NUL-terminated; @len is its length. */
  gboolean (*start) (const char  *name,
                     gsize        len,
                     gpointer     user_data,
                     GError     **error);
  gboolean (*end)   (const char  *name,
                     gsize        len,
                     gpointer     user_data,
                     GError     **error);
  /* The unescaped text between two tags, in one piece (not NUL-terminated). */
  gboolean (*text)  (const char  *text,
                     gsize        len,
                     gpointer     user_data,
                     GError     **error);
} AmXmlTokenizerEvents;

AmXmlTokenizer *_am_xml_tokenizer_new    (const AmXmlTokenizerEvents *events,
                                          gpointer                    user_data);
void            _am_xml_tokenizer_free   (AmXmlTokenizer             *self);
/* Any split of the document into chunks gives the same events. */
gboolean        _am_xml_tokenizer_feed   (AmXmlTokenizer             *self,
                                          const char                 *data,
                                          gsize                       len,
                                          GError                    **error);
/* End of the document: fails (G_MARKUP_ERROR) when it is empty or incomplete. */
gboolean        _am_xml_tokenizer_finish (AmXmlTokenizer             *self,
                                          GError                    **error);

G_END_DECLS
