/* am-sandbox-params.c: strict form decoding and the parameter names each EC2 action accepts
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <string.h>

#include "am-sandbox-private.h"

/* Decodes one form component; NULL on a '%' that is not followed by two hex digits
 * (soup_form_decode drops such pairs silently, so a mistyped value went unnoticed). */
static char *
decode_component (const char *text,
                  gsize       length)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '+')
        g_string_append_c (out, ' ');
      else if (text[i] != '%')
        g_string_append_c (out, text[i]);
      else if (i + 2 < length && g_ascii_isxdigit (text[i + 1]) && g_ascii_isxdigit (text[i + 2]))
        {
          g_string_append_c (out, (char) (g_ascii_xdigit_value (text[i + 1]) * 16
                                          + g_ascii_xdigit_value (text[i + 2])));
          i += 2;
        }
      else
        {
          g_string_free (out, TRUE);
          return NULL;
        }
    }
  return g_string_free (out, FALSE);
}

gboolean
_am_sb_decode_form (GHashTable  *params,
                    const char  *encoded,
                    gsize        length,
                    char       **message)
{
  const char *end = encoded + length;
  const char *p = encoded;

  if (memchr (encoded, '\0', length) != NULL)
    {
      *message = g_strdup ("The query string contains a NUL byte.");
      return FALSE;
    }
  while (p < end)
    {
      const char *amp = memchr (p, '&', end - p);
      const char *pair_end = amp ? amp : end;
      const char *eq = memchr (p, '=', pair_end - p);
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (pair_end > p)
        {
          name = decode_component (p, (eq ? eq : pair_end) - p);
          value = eq ? decode_component (eq + 1, pair_end - eq - 1) : g_strdup ("");
          if (name == NULL || value == NULL)
            {
              g_autofree char *pair = g_strndup (p, MIN (pair_end - p, 100));

              *message = g_strdup_printf ("The query string contains a malformed percent-encoding "
                                          "in \"%s\": use %%XX with two hexadecimal digits.",
                                          g_utf8_validate (pair, -1, NULL) ? pair : "(not UTF-8)");
              return FALSE;
            }
          if (*name != '\0')
            g_hash_table_replace (params, g_steal_pointer (&name), g_steal_pointer (&value));
        }
      p = amp ? amp + 1 : end;
    }
  return TRUE;
}

/* Every operation file's table of actions. */
static const AmSbAction *const action_tables[] = {
  _am_sb_image_actions, _am_sb_image_attribute_actions, _am_sb_tag_actions, _am_sb_instance_actions,
  _am_sb_key_pair_actions, _am_sb_network_actions, _am_sb_snapshot_actions, _am_sb_snapshot_attribute_actions,
  _am_sb_launch_template_actions,
  _am_sb_governance_actions, _am_sb_lifecycle_actions,
};

const AmSbAction *
_am_sb_ec2_action (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (action_tables); i++)
    for (const AmSbAction *action = action_tables[i]; action->name != NULL; action++)
      if (strcmp (action->name, name) == 0)
        return action;
  return NULL;
}

/* Every EC2 action takes these; X-Amz-* carry the signature of presigned requests. */
static const char *const common[] = { "Action", "Version", "DryRun", NULL };

gboolean
_am_sb_param_name_matches (const char *name,
                           const char *pattern)
{
  for (;;)
    {
      const char *dot = strchr (pattern, '.');
      gsize seg = dot ? (gsize) (dot - pattern) : strlen (pattern);

      if (seg == 1 && pattern[0] == '*' && dot == NULL)
        return *name != '\0' && *name != '.';
      if (seg == 1 && pattern[0] == 'N')
        {
          guint digits = 0;

          if (*name < '1' || *name > '9')
            return FALSE;
          while (g_ascii_isdigit (*name) && digits < 6)
            {
              name++;
              digits++;
            }
          if (g_ascii_isdigit (*name))
            return FALSE;
        }
      else
        {
          if (strncmp (name, pattern, seg) != 0)
            return FALSE;
          name += seg;
        }
      if (dot == NULL)
        return *name == '\0';
      if (*name != '.')
        return FALSE;
      name++;
      pattern = dot + 1;
    }
}

static gboolean
declared (const char *const *names,
          const char        *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (_am_sb_param_name_matches (name, names[i]))
      return TRUE;
  return FALSE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

gboolean
_am_sb_check_param_names (AmSbCall         *call,
                          const AmSbAction *action)
{
  const char *const *names = action->params;
  g_autoptr (GPtrArray) keys = NULL;

  g_return_val_if_fail (names != NULL, TRUE);

  /* Sorted, so that the error names the same parameter every time. */
  keys = am_sb_hash_keys (call->params);
  g_ptr_array_sort (keys, compare_names);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *name = keys->pdata[i];

      if (g_str_has_prefix (name, "X-Amz-") || declared (common, name) || declared (names, name))
        continue;
      return _am_sb_fail (call, 400, "UnknownParameter", "The parameter %s is not recognized", name);
    }
  return TRUE;
}
