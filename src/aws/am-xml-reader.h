/* am-xml-reader.h: a streaming XML reader (own tokenizer, GMarkup rules) mapping elements to fields
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The reader keeps a stack of frames. Each frame has a handler (AmXmlHandler) and a data
 * pointer. When an element opens inside the current frame, the frame's `start` is called
 * with the element name:
 *   - it may call am_xml_reader_push() to read that element's children with another handler
 *     (e.g. one `<item>` of `imagesSet` into a new object); the pushed frame's `end` is called
 *     when the element closes;
 *   - or it may return without pushing: the element is then a leaf; its character data
 *     (child elements of a leaf are skipped) is collected and passed to the frame's `text`
 *     when the element closes.
 * A frame whose handler has no `start` skips every child. Unknown elements are the
 * caller's to ignore: doing nothing in `start` and `text` skips them.
 * Element names have their namespace prefix stripped.
 * Any callback may fail with @error; parsing stops and the error is returned.
 * Malformed or truncated input is an AM_AWS_ERROR_MALFORMED_RESPONSE error; a document is
 * only whole once am_xml_reader_finish() succeeded.
 * The root handler's `end`, if any, runs inside am_xml_reader_finish() once the whole
 * document was read: a place to check that required elements were present. Errors raised
 * by callbacks come back unchanged (not wrapped).
 */

typedef struct _AmXmlReader AmXmlReader;

typedef struct
{
  gboolean (*start) (AmXmlReader  *reader,
                     const char   *element,
                     gpointer      frame_data,
                     GError      **error);
  gboolean (*text)  (AmXmlReader  *reader,
                     const char   *element,
                     const char   *text,
                     gsize         text_len,
                     gpointer      frame_data,
                     GError      **error);
  gboolean (*end)   (AmXmlReader  *reader,
                     gpointer      frame_data,
                     GError      **error);
} AmXmlHandler;

/**
 * am_xml_reader_new:
 * @root: handler for the children of the document (the root element is the first
 *   element its `start` sees)
 */
AmXmlReader *am_xml_reader_new      (const AmXmlHandler *root,
                                     gpointer            root_data);
void         am_xml_reader_free     (AmXmlReader        *reader);

/** am_xml_reader_push: from a `start` callback, read the element just opened with @handler. */
void         am_xml_reader_push     (AmXmlReader        *reader,
                                     const AmXmlHandler *handler,
                                     gpointer            frame_data);

/** am_xml_reader_feed: parse the next chunk of the document (any split is fine). */
gboolean     am_xml_reader_feed     (AmXmlReader        *reader,
                                     const char         *data,
                                     gssize              length,
                                     GError            **error);
/** am_xml_reader_finish: end of input; fails when the document is truncated. */
gboolean     am_xml_reader_finish   (AmXmlReader        *reader,
                                     GError            **error);

/** am_xml_reader_parse: feed + finish over a whole buffer. */
gboolean     am_xml_parse           (const AmXmlHandler *root,
                                     gpointer            root_data,
                                     const char         *data,
                                     gssize              length,
                                     GError            **error);

/** am_xml_reader_get_depth: the element depth of the reader (for diagnostics). */
guint        am_xml_reader_get_depth (AmXmlReader       *reader);

/* Helpers for leaf text. */
gboolean     am_xml_parse_boolean   (const char         *text,
                                     gboolean           *out);
gboolean     am_xml_parse_int64     (const char         *text,
                                     gint64             *out);

/* Escapes text for element content and attribute values (&, <, >, ", '). */
char        *am_xml_escape          (const char         *text);
void         am_xml_append_escaped  (GString            *out,
                                     const char         *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmXmlReader, am_xml_reader_free)

G_END_DECLS
