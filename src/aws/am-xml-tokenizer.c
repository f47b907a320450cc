/* am-xml-tokenizer.c: a push XML tokenizer that behaves like GMarkup, without DTDs
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-xml-tokenizer"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "am-xml-tokenizer-private.h"

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

/*
 * Why not GMarkup: it walks the input one UTF-8 character at a time, copies every name and
 * text into a GString and allocates a list of attributes per element, which made it 60 % of
 * the time to read a DescribeImages page. This tokenizer scans bytes with memchr and a class
 * table, passes text in place when it needs no unescaping, and keeps only the open element
 * names. A token cut by the end of a chunk is carried into the next one.
 */

struct _AmXmlTokenizer
{
  const AmXmlTokenizerEvents *events;
  gpointer                    user_data;
  GString                    *pending;   /* an incomplete token carried to the next chunk */
  GString                    *names;     /* the open elements' names, each NUL-terminated */
  guint                      *offsets;   /* where each open element's name starts */
  guint                       depth;     /* elements open */
  guint                       offsets_size;
  GString                    *scratch;   /* unescaped text */
  GString                    *name;      /* the current start or end tag's name */
  gboolean                    seen_element;
  gboolean                    seen_markup;   /* anything but white space */
  gboolean                    failed;
};

enum
{
  NAME_START = 1 << 0,
  NAME_CHAR  = 1 << 1,
  SPACE      = 1 << 2,
  TEXT_SLOW  = 1 << 3,   /* text that needs unescaping, normalizing or validating */
};

static guint8 classes[256];

static void
init_classes (void)
{
  for (guint c = 0; c < 256; c++)
    {
      guint8 k = 0;

      if (g_ascii_isalpha (c) || c == '_' || c == ':')
        k |= NAME_START | NAME_CHAR;
      if (g_ascii_isdigit (c) || c == '.' || c == '-')
        k |= NAME_CHAR;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        k |= SPACE;
      if (c == '&' || c == '\r' || c == '\0' || c >= 0x80)
        k |= TEXT_SLOW;
      classes[c] = k;
    }
}

AmXmlTokenizer *
_am_xml_tokenizer_new (const AmXmlTokenizerEvents *events,
                       gpointer                    user_data)
{
  static gsize initialized = 0;
  AmXmlTokenizer *self;

  g_return_val_if_fail (events != NULL, NULL);

  if (g_once_init_enter (&initialized))
    {
      init_classes ();
      g_once_init_leave (&initialized, 1);
    }

  self = g_new0 (AmXmlTokenizer, 1);
  self->events = events;
  self->user_data = user_data;
  self->pending = g_string_new (NULL);
  self->names = g_string_new (NULL);
  self->scratch = g_string_new (NULL);
  self->name = g_string_new (NULL);
  return self;
}

void
_am_xml_tokenizer_free (AmXmlTokenizer *self)
{
  if (self == NULL)
    return;

  g_string_free (self->pending, TRUE);
  g_string_free (self->names, TRUE);
  g_free (self->offsets);
  g_string_free (self->scratch, TRUE);
  g_string_free (self->name, TRUE);
  g_free (self);
}

typedef enum
{
  SCAN_OK,
  SCAN_MORE,    /* the token goes on past the end of the buffer */
  SCAN_ERROR,
} Scan;

/* A character beyond ASCII, (gunichar) -2 if the buffer ends inside it. GLib also says -2 at
 * a NUL byte, which would make the verdict depend on where chunks are cut. */
static inline gunichar
get_char (const char *p,
          const char *end)
{
  gunichar c = g_utf8_get_char_validated (p, end - p);

  if (c == (gunichar) -2 && memchr (p, '\0', end - p) != NULL)
    return (gunichar) -1;
  return c;
}

/* The length of a character GMarkup takes for a name character beyond ASCII, 0 if none. */
static inline Scan
non_ascii_name_char (const char *p,
                     const char *end,
                     gsize      *len)
{
  gunichar c = get_char (p, end);

  *len = 0;

  if (c == (gunichar) -2)
    return SCAN_MORE;
  if (c == (gunichar) -1 || !g_unichar_isalpha (c))
    *len = 0;
  else
    *len = g_utf8_next_char (p) - p;
  return SCAN_OK;
}

/* Past the ASCII name characters (NAME_CHAR) from @q: sixteen bytes at a time while the
 * buffer lasts, then one at a time. */
static inline const char *
skip_ascii_name_chars (const char *q,
                       const char *end)
{
#if defined(__SSE2__) && defined(__GNUC__)
  while (end - q >= 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *) q);
      /* A letter whatever its case; bytes beyond ASCII are negative and match no range. */
      __m128i folded = _mm_or_si128 (v, _mm_set1_epi8 (0x20));
      __m128i letter = _mm_and_si128 (_mm_cmpgt_epi8 (folded, _mm_set1_epi8 ('a' - 1)),
                                      _mm_cmplt_epi8 (folded, _mm_set1_epi8 ('z' + 1)));
      __m128i digit = _mm_and_si128 (_mm_cmpgt_epi8 (v, _mm_set1_epi8 ('0' - 1)),
                                     _mm_cmplt_epi8 (v, _mm_set1_epi8 ('9' + 1)));
      __m128i other = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (v, _mm_set1_epi8 ('_')),
                                                  _mm_cmpeq_epi8 (v, _mm_set1_epi8 (':'))),
                                    _mm_or_si128 (_mm_cmpeq_epi8 (v, _mm_set1_epi8 ('.')),
                                                  _mm_cmpeq_epi8 (v, _mm_set1_epi8 ('-'))));
      guint outside = ~_mm_movemask_epi8 (_mm_or_si128 (letter, _mm_or_si128 (digit, other))) & 0xFFFF;

      if (outside != 0)
        return q + __builtin_ctz (outside);
      q += 16;
    }
#endif
  while (q < end && (classes[(guchar) *q] & NAME_CHAR))
    q++;
  return q;
}

/* A name as GMarkup delimits it: a start character, then name characters. *p is on a start
 * character. */
static inline Scan
scan_name (const char  *p,
           const char  *end,
           const char **name_end)
{
  const char *q = p;

  if ((guchar) *q < 0x80)
    q++;
  for (;;)
    {
      gsize len;

      /* ASCII name characters, the common case. */
      q = skip_ascii_name_chars (q, end);
      if (q == end)
        return SCAN_MORE;
      if ((guchar) *q < 0x80)
        break;
      if (non_ascii_name_char (q, end, &len) == SCAN_MORE)
        return SCAN_MORE;
      if (len == 0)
        break;
      q += len;
    }
  *name_end = q;
  return SCAN_OK;
}

static gboolean
is_name_start (const char *p,
               const char *end,
               Scan       *scan)
{
  guchar c = *p;
  gsize len;

  *scan = SCAN_OK;
  if (c < 0x80)
    return (classes[c] & NAME_START) != 0;
  *scan = non_ascii_name_char (p, end, &len);
  return len > 0;
}

static void
set_parse_error (GError    **error,
                 GMarkupError code,
                 const char *format,
                 ...) G_GNUC_PRINTF (3, 4);

static void
set_parse_error (GError    **error,
                 GMarkupError code,
                 const char *format,
                 ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, G_MARKUP_ERROR, code, message);
  g_free (message);
}

/* An unexpected character in a tag: GMarkup says BAD_UTF8 when it is not UTF-8 at all. */
static Scan
odd_character (const char  *p,
               const char  *end,
               GError     **error,
               const char  *message)
{
  if ((guchar) *p >= 0x80)
    {
      gunichar c = get_char (p, end);

      if (c == (gunichar) -2)
        return SCAN_MORE;
      if (c == (gunichar) -1)
        {
          set_parse_error (error, G_MARKUP_ERROR_BAD_UTF8, "Invalid UTF-8 encoded text in a tag");
          return SCAN_ERROR;
        }
    }
  set_parse_error (error, G_MARKUP_ERROR_PARSE, "%s", message);
  return SCAN_ERROR;
}

static gboolean
validate_utf8 (const char  *text,
               gsize        len,
               GError     **error)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize i = 0;

  /* Leading words of ASCII without NUL are valid as they are: GLib checks from the
   * first that is not (a character boundary), byte by byte. */
  for (; i + 8 <= len; i += 8)
    {
      guint64 w;

      memcpy (&w, text + i, 8);
      if ((w | ((w - ones) & ~w)) & highs)
        break;
    }
  if (g_utf8_validate_len (text + i, len - i, NULL))
    return TRUE;
  set_parse_error (error, G_MARKUP_ERROR_BAD_UTF8, "Invalid UTF-8 encoded text");
  return FALSE;
}

static gboolean
permitted_char (gulong c)
{
  /* The characters XML 1.1 permits in a character reference, as GMarkup. */
  return (c > 0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/*
 * Unescapes @text into self->scratch the way GMarkup does: line ends become \n (a space in
 * attribute values, where tabs and newlines also become spaces), the five predefined entities
 * and character references are replaced, anything else after & is an error.
 */
static gboolean
unescape (AmXmlTokenizer  *self,
          const char      *text,
          gsize            len,
          gboolean         attribute,
          GError         **error)
{
  GString *out = self->scratch;
  const char *p = text, *end = text + len;

  g_string_truncate (out, 0);
  while (p < end)
    {
      const char *amp = p;

      while (amp < end && *amp != '&' && *amp != '\r' && *amp != '\0'
             && !(attribute && (*amp == '\t' || *amp == '\n')))
        amp++;
      g_string_append_len (out, p, amp - p);
      p = amp;
      if (p == end)
        break;
      if (*p == '\0')
        {
          /* GMarkup ends the text at a NUL; validation then refuses it. */
          set_parse_error (error, G_MARKUP_ERROR_BAD_UTF8, "Invalid UTF-8 encoded text");
          return FALSE;
        }
      if (*p != '&')
        {
          g_string_append_c (out, attribute ? ' ' : '\n');
          if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
          continue;
        }

      p++;
      if (p < end && *p == '#')
        {
          const char *semi = memchr (p, ';', end - p);
          gsize digits_len = semi != NULL ? (gsize) (semi - p - 1) : (gsize) (end - p - 1);
          g_autofree char *digits = g_strndup (p + 1, digits_len);
          int base = 10;
          char *start = digits, *stop;
          gulong value;

          if (*start == 'x')
            {
              base = 16;
              start++;
            }
          errno = 0;
          value = strtoul (start, &stop, base);
          if (stop == start || errno != 0)
            {
              set_parse_error (error, G_MARKUP_ERROR_PARSE,
                               "Could not read a character reference (&#234; for example)");
              return FALSE;
            }
          if (*stop != '\0' || semi == NULL)
            {
              set_parse_error (error, G_MARKUP_ERROR_PARSE,
                               "A character reference did not end with a semicolon; "
                               "escape ampersands as &amp;");
              return FALSE;
            }
          if (!permitted_char (value))
            {
              set_parse_error (error, G_MARKUP_ERROR_PARSE,
                               "A character reference encodes a character XML does not permit");
              return FALSE;
            }
          g_string_append_unichar (out, value);
          p = semi + 1;
          continue;
        }

#define ENTITY(str, c) \
      if ((gsize) (end - p) >= sizeof str - 1 && memcmp (p, str, sizeof str - 1) == 0) \
        { \
          g_string_append_c (out, c); \
          p += sizeof str - 1; \
          continue; \
        }
      ENTITY ("lt;", '<')
      ENTITY ("gt;", '>')
      ENTITY ("amp;", '&')
      ENTITY ("quot;", '"')
      ENTITY ("apos;", '\'')
#undef ENTITY

      if (p < end && *p == ';')
        set_parse_error (error, G_MARKUP_ERROR_PARSE,
                         "Empty entity “&;”; the valid ones are &amp; &quot; &lt; &gt; &apos;");
      else if (memchr (p, ';', end - p) != NULL)
        set_parse_error (error, G_MARKUP_ERROR_PARSE,
                         "Unknown entity; only &amp; &quot; &lt; &gt; &apos; and character "
                         "references are accepted (DTDs are not)");
      else
        set_parse_error (error, G_MARKUP_ERROR_PARSE,
                         "An entity did not end with a semicolon; escape ampersands as &amp;");
      return FALSE;
    }

  /* GMarkup validates what unescaping gave. */
  return validate_utf8 (out->str, out->len, error);
}

/* Whether @text needs no unescaping, normalizing or validating: eight bytes at a time, a
 * test for bytes with the high bit set, NUL, “&” or “\r”. The last, partial word is read
 * whole when the buffer goes on to @limit (it does but at the end of a chunk: the text is
 * followed by a tag), the bytes past the text replaced by spaces. */
static inline gboolean
text_is_plain (const char *text,
               gsize       len,
               const char *limit)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize i = 0;

#define HAS_ZERO_BYTE(v) (((v) - ones) & ~(v))
#define SLOW_WORD(w) (((w) | HAS_ZERO_BYTE (w) | HAS_ZERO_BYTE ((w) ^ (ones * '&')) \
                       | HAS_ZERO_BYTE ((w) ^ (ones * '\r'))) & highs)
  for (; i + 8 <= len; i += 8)
    {
      guint64 w;

      memcpy (&w, text + i, 8);
      if (SLOW_WORD (w))
        return FALSE;
    }
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  if (i < len && (gsize) (limit - (text + i)) >= 8)
    {
      guint64 keep = (G_GUINT64_CONSTANT (1) << ((len - i) * 8)) - 1;
      guint64 w;

      memcpy (&w, text + i, 8);
      w = (w & keep) | ((ones * ' ') & ~keep);
      return !SLOW_WORD (w);
    }
#endif
#undef SLOW_WORD
#undef HAS_ZERO_BYTE
  for (; i < len; i++)
    if (classes[(guchar) text[i]] & TEXT_SLOW)
      return FALSE;
  return TRUE;
}

static gboolean
emit_text (AmXmlTokenizer  *self,
           const char      *text,
           gsize            len,
           const char      *limit,
           GError         **error)
{
  if (G_UNLIKELY (!text_is_plain (text, len, limit)))
    {
      if (!unescape (self, text, len, FALSE, error))
        return FALSE;
      text = self->scratch->str;
      len = self->scratch->len;
    }
  if (self->events->text == NULL || len == 0)
    return TRUE;
  return self->events->text (text, len, self->user_data, error);
}

/*
 * The “<” that ends the text at @p, or %NULL if the buffer ends first. *@plain is set when
 * the text is known to need no unescaping (see text_is_plain()): sixteen bytes at a time, the
 * first of “<”, “&”, “\r”, NUL or a byte beyond ASCII ends the scan; “<” first means plain.
 * Otherwise (or near the end of the buffer) memchr finds the “<” and *@plain is FALSE: the
 * caller checks the text.
 */
static inline const char *
find_text_end (const char *p,
               const char *end,
               gboolean   *plain)
{
#if defined(__SSE2__) && defined(__GNUC__)
  const __m128i lt = _mm_set1_epi8 ('<');
  const __m128i amp = _mm_set1_epi8 ('&');
  const __m128i cr = _mm_set1_epi8 ('\r');
  const __m128i zero = _mm_setzero_si128 ();

  while (end - p >= 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *) p);
      __m128i special = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (v, lt), _mm_cmpeq_epi8 (v, amp)),
                                      _mm_or_si128 (_mm_cmpeq_epi8 (v, cr), _mm_cmpeq_epi8 (v, zero)));
      guint mask = _mm_movemask_epi8 (_mm_or_si128 (special, v));

      if (mask != 0)
        {
          p += __builtin_ctz (mask);
          *plain = *p == '<';
          return *plain ? p : memchr (p, '<', end - p);
        }
      p += 16;
    }
#endif
  *plain = FALSE;
  return memchr (p, '<', end - p);
}

static const char *
top_name (AmXmlTokenizer *self)
{
  return self->names->str + self->offsets[self->depth - 1];
}

static gboolean
open_element (AmXmlTokenizer  *self,
              const char      *name,
              gsize            len,
              GError         **error)
{
  guint offset = self->names->len;

  if (G_UNLIKELY (offset + len + 1 >= self->names->allocated_len))
    g_string_set_size (self->names, (offset + len + 1) * 2);
  memcpy (self->names->str + offset, name, len);
  self->names->str[offset + len] = '\0';
  self->names->len = offset + len + 1;
  if (G_UNLIKELY (self->depth == self->offsets_size))
    {
      self->offsets_size = MAX (16, self->offsets_size * 2);
      self->offsets = g_renew (guint, self->offsets, self->offsets_size);
    }
  self->offsets[self->depth++] = offset;
  self->seen_element = TRUE;
  if (self->events->start == NULL)
    return TRUE;
  return self->events->start (self->names->str + offset, len, self->user_data, error);
}

/* Closes the open element, which the caller found to be the one named in the end tag. */
static inline gboolean
close_top (AmXmlTokenizer  *self,
           gsize            len,
           GError         **error)
{
  guint offset = self->offsets[self->depth - 1];

  self->depth--;
  if (self->events->end != NULL
      && !self->events->end (self->names->str + offset, len, self->user_data, error))
    return FALSE;
  self->names->len = offset;
  return TRUE;
}

static gboolean
close_element (AmXmlTokenizer  *self,
               const char      *name,
               gsize            len,
               GError         **error)
{
  const char *top;
  guint offset;

  if (self->depth == 0)
    {
      set_parse_error (error, G_MARKUP_ERROR_PARSE,
                       "Element “%.*s” was closed, no element is currently open",
                       (int) len, name);
      return FALSE;
    }
  top = top_name (self);
  offset = self->offsets[self->depth - 1];
  if (self->names->len - offset - 1 != len || memcmp (top, name, len) != 0)
    {
      set_parse_error (error, G_MARKUP_ERROR_PARSE,
                       "Element “%.*s” was closed, but the currently open element is “%s”",
                       (int) len, name, top);
      return FALSE;
    }
  return close_top (self, len, error);
}

static const char *
find (const char *p,
      const char *end,
      const char *needle)
{
  gsize n = strlen (needle);

  while (p < end)
    {
      const char *hit = memchr (p, needle[0], end - p);

      if (hit == NULL || (gsize) (end - hit) < n)
        return NULL;
      if (memcmp (hit, needle, n) == 0)
        return hit;
      p = hit + 1;
    }
  return NULL;
}

/* An element's start tag from *p ('<' + name start); sets *next past it. */
static Scan
scan_start_tag (AmXmlTokenizer  *self,
                const char      *p,
                const char      *end,
                const char     **next,
                GError         **error)
{
  const char *name = p + 1, *name_end, *q;
  Scan scan = scan_name (name, end, &name_end);

  if (scan != SCAN_OK)
    return scan;

  q = name_end;
  for (;;)
    {
      const char *attr_end, *value, *quote;
      Scan start_scan = SCAN_OK;

      while (q < end && (classes[(guchar) *q] & SPACE))
        q++;
      if (q == end)
        return SCAN_MORE;
      if (*q == '>' || *q == '/')
        {
          gboolean empty = *q == '/';

          if (empty)
            {
              if (q + 1 == end)
                return SCAN_MORE;
              if (q[1] != '>')
                {
                  /* GMarkup has reported the start by then. */
                  if (!open_element (self, name, name_end - name, error))
                    return SCAN_ERROR;
                  set_parse_error (error, G_MARKUP_ERROR_PARSE,
                                   "Odd character after “/” in the start tag of “%.*s”; "
                                   "expected “>”", (int) (name_end - name), name);
                  return SCAN_ERROR;
                }
              q++;
            }
          *next = q + 1;
          if (!open_element (self, name, name_end - name, error))
            return SCAN_ERROR;
          if (empty && !close_top (self, name_end - name, error))
            return SCAN_ERROR;
          return SCAN_OK;
        }
      if (q == name_end || !is_name_start (q, end, &start_scan))
        {
          if (start_scan == SCAN_MORE)
            return SCAN_MORE;
          return odd_character (q, end, error, "Odd character in a start tag; expected “>”, "
                                "“/>” or an attribute");
        }

      /* An attribute: name, “=”, a quoted value; checked, then dropped. */
      scan = scan_name (q, end, &attr_end);
      if (scan != SCAN_OK)
        return scan;
      q = attr_end;
      while (q < end && (classes[(guchar) *q] & SPACE))
        q++;
      if (q == end)
        return SCAN_MORE;
      if (*q != '=')
        return odd_character (q, end, error, "An attribute has no “=” after its name");
      q++;
      while (q < end && (classes[(guchar) *q] & SPACE))
        q++;
      if (q == end)
        return SCAN_MORE;
      if (*q != '"' && *q != '\'')
        {
          set_parse_error (error, G_MARKUP_ERROR_PARSE,
                           "An attribute value of “%.*s” is not in quotes",
                           (int) (name_end - name), name);
          return SCAN_ERROR;
        }
      value = q + 1;
      quote = memchr (value, *q, end - value);
      if (quote == NULL)
        return SCAN_MORE;
      if (!unescape (self, value, quote - value, TRUE, error))
        return SCAN_ERROR;
      q = quote + 1;
    }
}

/* An end tag from *p ('</'). */
static Scan
scan_end_tag (AmXmlTokenizer  *self,
              const char      *p,
              const char      *end,
              const char     **next,
              GError         **error)
{
  const char *name = p + 2, *name_end, *q;
  Scan scan;

  if (name == end)
    return SCAN_MORE;
  /* Most often it closes the open element: compare with its name before scanning. */
  if (self->depth > 0)
    {
      guint offset = self->offsets[self->depth - 1];
      gsize top_len = self->names->len - offset - 1;

      if ((gsize) (end - name) > top_len + 1
          && memcmp (name, self->names->str + offset, top_len) == 0
          && name[top_len] == '>')
        {
          *next = name + top_len + 1;
          return close_top (self, top_len, error) ? SCAN_OK : SCAN_ERROR;
        }
    }
  if (!is_name_start (name, end, &scan))
    {
      if (scan == SCAN_MORE)
        return SCAN_MORE;
      set_parse_error (error, G_MARKUP_ERROR_PARSE,
                       "“</” is not followed by an element name");
      return SCAN_ERROR;
    }
  scan = scan_name (name, end, &name_end);
  if (scan != SCAN_OK)
    return scan;
  q = name_end;
  while (q < end && (classes[(guchar) *q] & SPACE))
    q++;
  if (q == end)
    return SCAN_MORE;
  if (*q != '>')
    {
      set_parse_error (error, G_MARKUP_ERROR_PARSE,
                       "Odd character in the end tag of “%.*s”; expected “>”",
                       (int) (name_end - name), name);
      return SCAN_ERROR;
    }
  *next = q + 1;
  return close_element (self, name, name_end - name, error) ? SCAN_OK : SCAN_ERROR;
}

static gboolean
has_prefix (const char *p,
            const char *end,
            const char *prefix,
            gboolean   *partial)
{
  gsize n = strlen (prefix), have = end - p;

  if (have >= n)
    return memcmp (p, prefix, n) == 0;
  if (memcmp (p, prefix, have) == 0)
    *partial = TRUE;
  return FALSE;
}

/* `<!…` and `<?…`: comments, CDATA and processing instructions; DTDs are refused. */
static Scan
scan_markup (AmXmlTokenizer  *self,
             const char      *p,
             const char      *end,
             const char     **next,
             GError         **error)
{
  gboolean partial = FALSE;
  const char *close;

  if (p[1] == '?')
    {
      close = find (p + 1, end, "?>");
      if (close == NULL)
        return SCAN_MORE;
      *next = close + 2;
      return SCAN_OK;
    }
  if (has_prefix (p, end, "<!--", &partial))
    {
      close = find (p + 2, end, "-->");
      if (close == NULL)
        return SCAN_MORE;
      *next = close + 3;
      return SCAN_OK;
    }
  if (has_prefix (p, end, "<![CDATA[", &partial))
    {
      close = find (p + 9, end, "]]>");
      if (close == NULL)
        return SCAN_MORE;
      *next = close + 3;
      if (!validate_utf8 (p + 9, close - (p + 9), error))
        return SCAN_ERROR;
      if (self->events->text == NULL || close == p + 9)
        return SCAN_OK;
      return self->events->text (p + 9, close - (p + 9), self->user_data, error)
             ? SCAN_OK : SCAN_ERROR;
    }
  if (partial)
    return SCAN_MORE;
  /* A DTD could define entities and pull in other documents: AWS never sends one. */
  set_parse_error (error, G_MARKUP_ERROR_PARSE,
                   "The document has a DTD or another markup declaration (“<!”), "
                   "which is not accepted");
  return SCAN_ERROR;
}

/* Reads every whole token of @buf; *consumed says where the first incomplete one starts. */
static gboolean
tokenize (AmXmlTokenizer  *self,
          const char      *buf,
          gsize            len,
          gsize           *consumed,
          GError         **error)
{
  const char *p = buf, *end = buf + len;
  const char *done = buf;

  while (p < end)
    {
      const char *next = NULL;
      Scan scan;

      if (*p != '<')
        {
          const char *lt;
          gboolean plain;

          if (self->depth == 0)
            {
              /* Outside the root element only white space may appear. */
              while (p < end && (classes[(guchar) *p] & SPACE))
                p++;
              done = p;
              if (p < end && *p != '<')
                {
                  set_parse_error (error, G_MARKUP_ERROR_PARSE,
                                   "Document must begin with an element (e.g. <book>)");
                  return FALSE;
                }
              continue;
            }
          lt = find_text_end (p, end, &plain);
          if (lt == NULL)
            break;
          if (plain)
            {
              if (self->events->text != NULL && lt > p
                  && !self->events->text (p, lt - p, self->user_data, error))
                return FALSE;
            }
          else if (!emit_text (self, p, lt - p, end, error))
            return FALSE;
          p = done = lt;
          continue;
        }

      if (p + 1 == end)
        break;
      if (p[1] == '/')
        scan = scan_end_tag (self, p, end, &next, error);
      else if (p[1] == '!' || p[1] == '?')
        scan = scan_markup (self, p, end, &next, error);
      else
        {
          Scan start_scan;

          if (is_name_start (p + 1, end, &start_scan))
            scan = scan_start_tag (self, p, end, &next, error);
          else if (start_scan == SCAN_MORE)
            scan = SCAN_MORE;
          else
            scan = odd_character (p + 1, end, error,
                                  "“<” is not followed by an element name; escape it as &lt;");
        }
      if (scan == SCAN_ERROR)
        return FALSE;
      if (scan == SCAN_MORE)
        break;
      self->seen_markup = TRUE;
      p = done = next;
    }

  *consumed = done - buf;
  return TRUE;
}

gboolean
_am_xml_tokenizer_feed (AmXmlTokenizer  *self,
                        const char      *data,
                        gsize            len,
                        GError         **error)
{
  gsize consumed;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (self->failed)
    {
      set_parse_error (error, G_MARKUP_ERROR_PARSE, "The document was already refused");
      return FALSE;
    }

  /*
   * A token left over from the last chunk is completed first: append the new chunk up to the
   * next “>” at a time, until the pending token (and perhaps more) has been read; the rest of
   * the chunk is then read in place.
   */
  while (self->pending->len > 0 && len > 0)
    {
      gsize old = self->pending->len;
      const char *gt = memchr (data, '>', len);
      gsize take = gt != NULL ? (gsize) (gt - data) + 1 : len;

      g_string_append_len (self->pending, data, take);
      if (!tokenize (self, self->pending->str, self->pending->len, &consumed, error))
        goto failed;
      if (consumed >= old)
        {
          /* Everything after the pending part comes from @data: read it from there. */
          g_string_truncate (self->pending, 0);
          data += consumed - old;
          len -= consumed - old;
          break;
        }
      g_string_erase (self->pending, 0, consumed);
      data += take;
      len -= take;
    }
  if (self->pending->len > 0)
    return TRUE;

  if (!tokenize (self, data, len, &consumed, error))
    goto failed;
  g_string_append_len (self->pending, data + consumed, len - consumed);
  return TRUE;

failed:
  self->failed = TRUE;
  return FALSE;
}

gboolean
_am_xml_tokenizer_finish (AmXmlTokenizer  *self,
                          GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->failed)
    {
      set_parse_error (error, G_MARKUP_ERROR_PARSE, "The document was already refused");
      return FALSE;
    }
  self->failed = TRUE;
  if (!self->seen_markup && self->pending->len == 0)
    {
      set_parse_error (error, G_MARKUP_ERROR_EMPTY,
                       "Document was empty or contained only whitespace");
      return FALSE;
    }
  if (self->pending->len > 0 || self->depth > 0)
    {
      if (self->depth > 0)
        set_parse_error (error, G_MARKUP_ERROR_PARSE,
                         "Document ended unexpectedly inside the element “%s”", top_name (self));
      else
        set_parse_error (error, G_MARKUP_ERROR_PARSE,
                         "Document ended unexpectedly inside a tag, comment or instruction");
      return FALSE;
    }
  self->failed = FALSE;
  return TRUE;
}
