/* am-xml-fields.c: field tables: a record's leaf elements read into a plain struct by offset
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-xml-fields"

#include "config.h"

#include <string.h>

#include "am-aws-error.h"
#include "am-xml-fields.h"

static inline gboolean
same_parent (const char *a,
             const char *b)
{
  return a == b || (a != NULL && b != NULL && strcmp (a, b) == 0);
}

const AmField *
am_field_lookup (const AmField *fields,
                 guint          n_fields,
                 const char    *parent,
                 const char    *element)
{
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].element != NULL && same_parent (fields[i].parent, parent)
        && strcmp (fields[i].element, element) == 0)
      return &fields[i];
  return NULL;
}

static gboolean
parse_int64 (const char *text,
             gsize       len,
             gint64     *out)
{
  gint64 value = 0;
  gboolean negative = FALSE;
  gsize i = 0;

  while (i < len && g_ascii_isspace (text[i]))
    i++;
  while (len > i && g_ascii_isspace (text[len - 1]))
    len--;
  if (i < len && text[i] == '-')
    {
      negative = TRUE;
      i++;
    }
  if (i == len)
    return FALSE;
  for (; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]) || value > (G_MAXINT64 - 9) / 10)
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }
  *out = negative ? -value : value;
  return TRUE;
}

gboolean
am_field_set_text (gpointer        record,
                   const AmField  *field,
                   const char     *text,
                   gsize           len,
                   GError        **error)
{
  gpointer ptr = AM_FIELD_PTR (record, field);

  switch (field->type)
    {
    case AM_FIELD_STRING:
      {
        /* The reader's text holds no NUL byte (the tokenizer refuses them), so a copy of
         * @len bytes is g_strndup's result without its scan for one. */
        char *copy = g_malloc (len + 1);

        memcpy (copy, text, len);
        copy[len] = '\0';
        g_free (*(char **) ptr);
        *(char **) ptr = copy;
      }
      return TRUE;
    case AM_FIELD_BOOLEAN:
      if (len == 4 && memcmp (text, "true", 4) == 0)
        *(gboolean *) ptr = TRUE;
      else if (len == 5 && memcmp (text, "false", 5) == 0)
        *(gboolean *) ptr = FALSE;
      else
        {
          g_autofree char *copy = g_strstrip (g_strndup (text, len));

          if (g_strcmp0 (copy, "true") != 0 && g_strcmp0 (copy, "false") != 0)
            {
              g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                           "The response holds “%s” where a boolean (%s) was expected",
                           copy, field->element);
              return FALSE;
            }
          *(gboolean *) ptr = strcmp (copy, "true") == 0;
        }
      return TRUE;
    case AM_FIELD_PRESENT:
      *(gboolean *) ptr = TRUE;
      return TRUE;
    case AM_FIELD_INT:
    case AM_FIELD_INT64:
      {
        gint64 value;

        if (!parse_int64 (text, len, &value)
            || (field->type == AM_FIELD_INT && (value < G_MININT || value > G_MAXINT)))
          {
            g_autofree char *copy = g_strndup (text, MIN (len, 64));

            g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                         "The response holds “%s” where a number (%s) was expected",
                         copy, field->element);
            return FALSE;
          }
        if (field->type == AM_FIELD_INT)
          *(int *) ptr = (int) value;
        else
          *(gint64 *) ptr = value;
      }
      return TRUE;
    case AM_FIELD_INTERNED:
    case AM_FIELD_STRV:
    case AM_FIELD_OBJECTS:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

void
am_fields_clear (gpointer       record,
                 const AmField *fields,
                 guint          n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].type == AM_FIELD_STRING)
      g_clear_pointer ((char **) AM_FIELD_PTR (record, &fields[i]), g_free);
}

/* The children of a parent element: its leaves are fields; anything deeper is skipped. */

static gboolean
nested_start (AmXmlReader  *reader,
              const char   *element,
              gpointer      data,
              GError      **error)
{
  return TRUE;
}

static gboolean
fields_text (AmXmlReader  *reader,
             const char   *element,
             const char   *text,
             gsize         len,
             gpointer      data,
             GError      **error)
{
  return am_xml_fields_text (data, element, text, len, error);
}

static gboolean
nested_end (AmXmlReader  *reader,
            gpointer      data,
            GError      **error)
{
  AmXmlFields *fields = data;

  fields->parent = NULL;
  return TRUE;
}

static const AmXmlHandler nested_handler = { nested_start, fields_text, nested_end };

gboolean
am_xml_fields_start (AmXmlReader *reader,
                     const char  *element,
                     AmXmlFields *fields)
{
  g_assert (fields->parent == NULL);

  for (guint i = 0; i < fields->n_fields; i++)
    if (fields->fields[i].parent != NULL && strcmp (fields->fields[i].parent, element) == 0)
      {
        fields->parent = fields->fields[i].parent;
        am_xml_reader_push (reader, &nested_handler, fields);
        return TRUE;
      }
  return FALSE;
}

gboolean
am_xml_fields_text (AmXmlFields  *fields,
                    const char   *element,
                    const char   *text,
                    gsize         len,
                    GError      **error)
{
  const AmField *field = am_field_lookup (fields->fields, fields->n_fields, fields->parent, element);

  return field == NULL || am_field_set_text (fields->record, field, text, len, error);
}

static gboolean
fields_start (AmXmlReader  *reader,
              const char   *element,
              gpointer      data,
              GError      **error)
{
  am_xml_fields_start (reader, element, data);
  return TRUE;
}

const AmXmlHandler am_xml_fields_handler = { fields_start, fields_text, NULL };
