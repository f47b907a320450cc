/* am-query-params.c: the ordered name/value list of an AWS Query request and its form encoding
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-query-params"

#include "config.h"

#include <string.h>

#include "am-query-client.h"

typedef struct
{
  char *name;
  char *value;
} Pair;

struct _AmQueryParams
{
  GArray *pairs;  /* Pair; [0] is Action, [1] is Version */
};

G_DEFINE_BOXED_TYPE (AmQueryParams, am_query_params, am_query_params_copy, am_query_params_free)

static void
pair_clear (gpointer data)
{
  Pair *pair = data;

  g_free (pair->name);
  g_free (pair->value);
}

static void
append_pair (AmQueryParams *params,
             char          *name,
             char          *value)
{
  Pair pair = { name, value };

  g_array_append_val (params->pairs, pair);
}

AmQueryParams *
am_query_params_new (const char *action,
                     const char *version)
{
  AmQueryParams *params;

  g_return_val_if_fail (action != NULL && *action != '\0', NULL);
  g_return_val_if_fail (version != NULL && *version != '\0', NULL);

  params = g_new0 (AmQueryParams, 1);
  params->pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  g_array_set_clear_func (params->pairs, pair_clear);
  append_pair (params, g_strdup ("Action"), g_strdup (action));
  append_pair (params, g_strdup ("Version"), g_strdup (version));
  return params;
}

AmQueryParams *
am_query_params_copy (const AmQueryParams *params)
{
  AmQueryParams *copy;

  g_return_val_if_fail (params != NULL, NULL);

  copy = g_new0 (AmQueryParams, 1);
  copy->pairs = g_array_sized_new (FALSE, FALSE, sizeof (Pair), params->pairs->len);
  g_array_set_clear_func (copy->pairs, pair_clear);
  for (guint i = 0; i < params->pairs->len; i++)
    {
      const Pair *pair = &g_array_index (params->pairs, Pair, i);

      append_pair (copy, g_strdup (pair->name), g_strdup (pair->value));
    }
  return copy;
}

void
am_query_params_free (AmQueryParams *params)
{
  if (params == NULL)
    return;
  g_array_unref (params->pairs);
  g_free (params);
}

const char *
am_query_params_get_action (const AmQueryParams *params)
{
  g_return_val_if_fail (params != NULL, NULL);
  return g_array_index (params->pairs, Pair, 0).value;
}

const char *
am_query_params_get_version (const AmQueryParams *params)
{
  g_return_val_if_fail (params != NULL, NULL);
  return g_array_index (params->pairs, Pair, 1).value;
}

void
am_query_params_add (AmQueryParams *params,
                     const char    *name,
                     const char    *value)
{
  g_return_if_fail (params != NULL);
  g_return_if_fail (name != NULL && *name != '\0');

  append_pair (params, g_strdup (name), g_strdup (value != NULL ? value : ""));
}

void
am_query_params_add_printf (AmQueryParams *params,
                            const char    *name,
                            const char    *format,
                            ...)
{
  va_list args;
  char *value;

  g_return_if_fail (params != NULL);
  g_return_if_fail (name != NULL && *name != '\0');
  g_return_if_fail (format != NULL);

  va_start (args, format);
  value = g_strdup_vprintf (format, args);
  va_end (args);
  append_pair (params, g_strdup (name), value);
}

void
am_query_params_add_at (AmQueryParams *params,
                        const char    *value,
                        const char    *name_format,
                        ...)
{
  va_list args;
  char *name;

  g_return_if_fail (params != NULL);
  g_return_if_fail (name_format != NULL);

  va_start (args, name_format);
  name = g_strdup_vprintf (name_format, args);
  va_end (args);
  if (*name == '\0')
    {
      g_free (name);
      g_return_if_reached ();
    }
  append_pair (params, name, g_strdup (value != NULL ? value : ""));
}

void
am_query_params_add_int (AmQueryParams *params,
                         const char    *name,
                         gint64         value)
{
  am_query_params_add_printf (params, name, "%" G_GINT64_FORMAT, value);
}

void
am_query_params_add_boolean (AmQueryParams *params,
                             const char    *name,
                             gboolean       value)
{
  am_query_params_add (params, name, value ? "true" : "false");
}

guint
am_query_params_next_index (const AmQueryParams *params,
                            const char          *prefix)
{
  gsize prefix_len;
  guint64 highest = 0;

  g_return_val_if_fail (params != NULL, 1);
  g_return_val_if_fail (prefix != NULL, 1);

  prefix_len = strlen (prefix);
  for (guint i = 0; i < params->pairs->len; i++)
    {
      const Pair *pair = &g_array_index (params->pairs, Pair, i);
      const char *rest;
      char *end = NULL;
      guint64 n;

      if (strncmp (pair->name, prefix, prefix_len) != 0 || pair->name[prefix_len] != '.')
        continue;
      rest = pair->name + prefix_len + 1;
      if (!g_ascii_isdigit (*rest))
        continue;
      n = g_ascii_strtoull (rest, &end, 10);
      if (end != NULL && (*end == '\0' || *end == '.') && n > highest && n < G_MAXUINT)
        highest = n;
    }

  return (guint) highest + 1;
}

void
am_query_params_add_list (AmQueryParams      *params,
                          const char         *prefix,
                          const char * const *values)
{
  guint n;

  g_return_if_fail (params != NULL);
  g_return_if_fail (prefix != NULL && *prefix != '\0');

  if (values == NULL)
    return;

  n = am_query_params_next_index (params, prefix);
  for (guint i = 0; values[i] != NULL; i++)
    append_pair (params, g_strdup_printf ("%s.%u", prefix, n + i), g_strdup (values[i]));
}

guint
am_query_params_add_filter (AmQueryParams      *params,
                            const char         *name,
                            const char * const *values)
{
  guint n;

  g_return_val_if_fail (params != NULL, 0);
  g_return_val_if_fail (name != NULL && *name != '\0', 0);

  n = am_query_params_next_index (params, "Filter");
  append_pair (params, g_strdup_printf ("Filter.%u.Name", n), g_strdup (name));
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    append_pair (params, g_strdup_printf ("Filter.%u.Value.%u", n, i + 1), g_strdup (values[i]));
  return n;
}

void
am_query_params_set (AmQueryParams *params,
                     const char    *name,
                     const char    *value)
{
  g_return_if_fail (params != NULL);
  g_return_if_fail (name != NULL && *name != '\0');
  g_return_if_fail (strcmp (name, "Action") != 0 || value != NULL);

  for (guint i = params->pairs->len; i > 0; i--)
    {
      Pair *pair = &g_array_index (params->pairs, Pair, i - 1);

      if (strcmp (pair->name, name) == 0)
        {
          if (i - 1 < 2)
            {
              g_free (pair->value);
              pair->value = g_strdup (value);
              return;
            }
          g_array_remove_index (params->pairs, i - 1);
        }
    }

  if (value != NULL)
    append_pair (params, g_strdup (name), g_strdup (value));
}

const char *
am_query_params_get (const AmQueryParams *params,
                     const char          *name)
{
  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < params->pairs->len; i++)
    {
      const Pair *pair = &g_array_index (params->pairs, Pair, i);

      if (strcmp (pair->name, name) == 0)
        return pair->value;
    }
  return NULL;
}

guint
am_query_params_get_length (const AmQueryParams *params)
{
  g_return_val_if_fail (params != NULL, 0);
  return params->pairs->len;
}

void
am_query_params_get_nth (const AmQueryParams *params,
                         guint                index,
                         const char         **name,
                         const char         **value)
{
  const Pair *pair;

  g_return_if_fail (params != NULL);
  g_return_if_fail (index < params->pairs->len);

  pair = &g_array_index (params->pairs, Pair, index);
  if (name != NULL)
    *name = pair->name;
  if (value != NULL)
    *value = pair->value;
}

static void
append_encoded (GString    *out,
                const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.' || *p == '~')
        g_string_append_c (out, (char) *p);
      else
        g_string_append_printf (out, "%%%02X", *p);
    }
}

char *
am_query_params_encode (const AmQueryParams *params)
{
  GString *out;

  g_return_val_if_fail (params != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < params->pairs->len; i++)
    {
      const Pair *pair = &g_array_index (params->pairs, Pair, i);

      if (i > 0)
        g_string_append_c (out, '&');
      append_encoded (out, pair->name);
      g_string_append_c (out, '=');
      append_encoded (out, pair->value);
    }
  return g_string_free (out, FALSE);
}
