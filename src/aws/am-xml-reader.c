/* am-xml-reader.c: a streaming XML reader with a stack of handler frames
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-xml-reader"

#include "config.h"

#include <string.h>

#include "am-aws-error.h"
#include "am-xml-reader.h"
#include "am-xml-tokenizer-private.h"

typedef struct
{
  const AmXmlHandler *handler;
  gpointer            data;
  guint               depth;  /* depth of the element the frame reads (0: the document) */
} Frame;

struct _AmXmlReader
{
  AmXmlTokenizer      *tokenizer;
  Frame               *frames;
  guint                n_frames;
  guint                frames_size;
  guint                depth;         /* elements open */
  guint                skip_depth;    /* >0: inside a skipped subtree opened at this depth */
  guint                leaf_depth;    /* >0: collecting the text of a leaf at this depth */
  guint                leaf_prefix;   /* the length of the leaf's namespace prefix ("p:") */
  GString             *leaf_text;
  gboolean             seen_root;
  gboolean             root_closed;
  gboolean             in_start;      /* inside a `start` callback */
  gboolean             pushed;        /* set by am_xml_reader_push() during `start` */
  gboolean             failed;
  gboolean             finished;
};

static const char *
strip_prefix (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

static inline Frame *
top_frame (AmXmlReader *self)
{
  g_assert (self->n_frames > 0);
  return &self->frames[self->n_frames - 1];
}

static gboolean
on_start_element (const char  *element_name,
                  gsize        element_len,
                  gpointer     user_data,
                  GError     **error)
{
  AmXmlReader *self = user_data;
  const char *name;
  Frame *frame;

  if (self->depth == 0)
    {
      if (self->root_closed)
        {
          g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                       "The response has more than one root element");
          return FALSE;
        }
      self->seen_root = TRUE;
    }

  self->depth++;

  if (self->skip_depth > 0 || self->leaf_depth > 0)
    return TRUE;

  name = strip_prefix (element_name);
  frame = top_frame (self);
  if (frame->handler->start == NULL)
    {
      self->skip_depth = self->depth;
      return TRUE;
    }

  self->pushed = FALSE;
  self->in_start = TRUE;
  if (!frame->handler->start (self, name, frame->data, error))
    {
      self->in_start = FALSE;
      if (error != NULL && *error == NULL)
        g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                     "The reader of “%s” failed without saying why", name);
      return FALSE;
    }
  self->in_start = FALSE;

  if (!self->pushed)
    {
      self->leaf_depth = self->depth;
      self->leaf_prefix = name - element_name;
      self->leaf_text->len = 0;
      self->leaf_text->str[0] = '\0';
    }
  self->pushed = FALSE;
  return TRUE;
}

static gboolean
on_end_element (const char  *element_name,
                gsize        element_len,
                gpointer     user_data,
                GError     **error)
{
  AmXmlReader *self = user_data;
  guint closing = self->depth;
  Frame *frame;

  g_assert (self->depth > 0);
  self->depth--;
  if (self->depth == 0)
    self->root_closed = TRUE;

  if (self->skip_depth > 0)
    {
      if (closing == self->skip_depth)
        self->skip_depth = 0;
      return TRUE;
    }

  if (self->leaf_depth > 0)
    {
      if (closing != self->leaf_depth)
        return TRUE;

      self->leaf_depth = 0;
      frame = top_frame (self);
      /* The leaf's own name: its start tag's, without the prefix found then. */
      if (frame->handler->text != NULL
          && !frame->handler->text (self, element_name + self->leaf_prefix,
                                    self->leaf_text->str, self->leaf_text->len, frame->data,
                                    error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                         "The value of “%s” was refused", element_name + self->leaf_prefix);
          return FALSE;
        }
      return TRUE;
    }

  frame = top_frame (self);
  if (self->n_frames > 1 && frame->depth == closing)
    {
      Frame popped = *frame;

      self->n_frames--;
      if (popped.handler->end != NULL && !popped.handler->end (self, popped.data, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                         "The element “%s” was refused", strip_prefix (element_name));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
on_text (const char  *text,
         gsize        text_len,
         gpointer     user_data,
         GError     **error)
{
  AmXmlReader *self = user_data;

  GString *leaf = self->leaf_text;

  if (self->leaf_depth == 0 || self->depth != self->leaf_depth || self->skip_depth > 0)
    return TRUE;
  /* Most leaves are short: skip g_string_append_len's general path. */
  if (G_LIKELY (leaf->len + text_len < leaf->allocated_len))
    {
      memcpy (leaf->str + leaf->len, text, text_len);
      leaf->len += text_len;
      leaf->str[leaf->len] = '\0';
    }
  else
    g_string_append_len (leaf, text, text_len);
  return TRUE;
}

static const AmXmlTokenizerEvents tokenizer_events = {
  .start = on_start_element,
  .end = on_end_element,
  .text = on_text,
};

AmXmlReader *
am_xml_reader_new (const AmXmlHandler *root,
                   gpointer            root_data)
{
  AmXmlReader *self;
  Frame frame = { root, root_data, 0 };

  g_return_val_if_fail (root != NULL, NULL);

  self = g_new0 (AmXmlReader, 1);
  self->frames_size = 16;
  self->frames = g_new (Frame, self->frames_size);
  self->frames[self->n_frames++] = frame;
  self->leaf_text = g_string_new (NULL);
  self->tokenizer = _am_xml_tokenizer_new (&tokenizer_events, self);

  return self;
}

void
am_xml_reader_free (AmXmlReader *reader)
{
  if (reader == NULL)
    return;

  _am_xml_tokenizer_free (reader->tokenizer);
  g_free (reader->frames);
  g_string_free (reader->leaf_text, TRUE);
  g_free (reader);
}

void
am_xml_reader_push (AmXmlReader        *reader,
                    const AmXmlHandler *handler,
                    gpointer            frame_data)
{
  Frame frame;

  g_return_if_fail (reader != NULL);
  g_return_if_fail (handler != NULL);
  g_return_if_fail (reader->in_start);
  g_return_if_fail (!reader->pushed);

  frame.handler = handler;
  frame.data = frame_data;
  frame.depth = reader->depth;
  if (G_UNLIKELY (reader->n_frames == reader->frames_size))
    {
      reader->frames_size *= 2;
      reader->frames = g_renew (Frame, reader->frames, reader->frames_size);
    }
  reader->frames[reader->n_frames++] = frame;
  reader->pushed = TRUE;
}

/* Tokenizer errors (G_MARKUP_ERROR) become MALFORMED_RESPONSE; handlers' errors pass through. */
static void
convert_error (GError **error,
               GError  *local)
{
  if (local->domain == G_MARKUP_ERROR)
    {
      /* GMarkup quotes the bytes it refused, which need not be UTF-8; the message ends up in a
       * label. */
      g_autofree char *why = g_utf8_make_valid (local->message, -1);

      g_propagate_error (error, am_aws_error_new (AM_AWS_ERROR_MALFORMED_RESPONSE, NULL, NULL, 0,
                                                  "The response is not valid XML: %s", why));
    }
  else
    g_propagate_error (error, g_error_copy (local));
  g_error_free (local);
}

gboolean
am_xml_reader_feed (AmXmlReader *reader,
                    const char  *data,
                    gssize       length,
                    GError     **error)
{
  GError *local = NULL;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (reader->failed || reader->finished)
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                   "The XML reader was fed after it failed or finished");
      return FALSE;
    }

  if (length < 0)
    length = (gssize) strlen (data);
  if (length == 0)
    return TRUE;

  if (!_am_xml_tokenizer_feed (reader->tokenizer, data, length, &local))
    {
      reader->failed = TRUE;
      convert_error (error, local);
      return FALSE;
    }

  return TRUE;
}

gboolean
am_xml_reader_finish (AmXmlReader *reader,
                      GError     **error)
{
  GError *local = NULL;
  Frame *root;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (reader->failed || reader->finished)
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                   "The XML reader was finished after it failed or finished");
      return FALSE;
    }

  if (!_am_xml_tokenizer_finish (reader->tokenizer, &local))
    {
      reader->failed = TRUE;
      convert_error (error, local);
      return FALSE;
    }

  if (!reader->seen_root || reader->depth != 0)
    {
      reader->failed = TRUE;
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                   "The response ended before its XML document was complete");
      return FALSE;
    }

  reader->finished = TRUE;

  /* The root frame's `end` sees the whole document: a last chance to check it is complete. */
  root = &reader->frames[0];
  if (root->handler->end != NULL && !root->handler->end (reader, root->data, &local))
    {
      if (local == NULL)
        local = g_error_new (AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                             "The response document was refused");
      g_propagate_error (error, local);
      return FALSE;
    }

  return TRUE;
}

gboolean
am_xml_parse (const AmXmlHandler *root,
              gpointer            root_data,
              const char         *data,
              gssize              length,
              GError            **error)
{
  g_autoptr (AmXmlReader) reader = NULL;

  g_return_val_if_fail (root != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  reader = am_xml_reader_new (root, root_data);
  if (!am_xml_reader_feed (reader, data != NULL ? data : "", length, error))
    return FALSE;
  return am_xml_reader_finish (reader, error);
}

guint
am_xml_reader_get_depth (AmXmlReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->depth;
}

gboolean
am_xml_parse_boolean (const char *text,
                      gboolean   *out)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  if (strcmp (copy, "true") == 0)
    {
      if (out != NULL)
        *out = TRUE;
      return TRUE;
    }
  if (strcmp (copy, "false") == 0)
    {
      if (out != NULL)
        *out = FALSE;
      return TRUE;
    }
  return FALSE;
}

gboolean
am_xml_parse_int64 (const char *text,
                    gint64     *out)
{
  g_autofree char *copy = NULL;
  gint64 value;

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  if (!g_ascii_string_to_signed (copy, 10, G_MININT64, G_MAXINT64, &value, NULL))
    return FALSE;
  if (out != NULL)
    *out = value;
  return TRUE;
}

void
am_xml_append_escaped (GString    *out,
                       const char *text)
{
  g_return_if_fail (out != NULL);

  if (text == NULL)
    return;

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&apos;");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

char *
am_xml_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  am_xml_append_escaped (out, text);
  return g_string_free (out, FALSE);
}
