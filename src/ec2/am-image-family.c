/* am-image-family.c: which family an image belongs to (its name without the date or version)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-family"

#include "config.h"

#include <string.h>

#include "am-image-family.h"

static gboolean
is_separator (char c)
{
  return c == '-' || c == '_' || c == ' ';
}

/* The token that ends at or before @pos: [*start, *stop), empty when there is none. */
static void
token_before (const char *name,
              gsize       pos,
              gsize      *start,
              gsize      *stop)
{
  *stop = pos;
  while (*stop > 0 && is_separator (name[*stop - 1]))
    (*stop)--;
  *start = *stop;
  while (*start > 0 && !is_separator (name[*start - 1]))
    (*start)--;
}

/* A token that is a version or a date on its own: v1.2.3, 1.2, 20260105, 20260105T1012Z,
 * 123. Short plain numbers (01, 64) are not: they are dropped only inside a run. */
static gboolean
is_version_token (const char *token,
                  gsize       len,
                  gboolean   *short_number)
{
  gsize i = 0;
  gsize digits = 0;
  gboolean dots = FALSE;
  gboolean v = FALSE;

  *short_number = FALSE;
  if (len == 0)
    return FALSE;
  if ((token[0] == 'v' || token[0] == 'V') && len > 1 && g_ascii_isdigit (token[1]))
    {
      v = TRUE;
      i = 1;
    }
  if (!g_ascii_isdigit (token[i]))
    return FALSE;
  for (; i < len; i++)
    {
      char c = token[i];

      if (g_ascii_isdigit (c))
        digits++;
      else if (c == '.')
        dots = TRUE;
      else if ((c == 'T' || c == 'Z') && digits >= 8)
        continue;
      else
        return FALSE;
    }
  if (v || dots || digits >= 3)
    return TRUE;
  *short_number = TRUE;
  return FALSE;
}

/* Whether the short numbers left of @pos lead to a version or a year: 01 and 05 in
 * 2026-01-05 go with it; 64 in x86_64 does not. */
static gboolean
date_run_ahead (const char *name,
                gsize       pos)
{
  for (;;)
    {
      gsize start, stop;
      gboolean short_number;

      token_before (name, pos, &start, &stop);
      if (start == stop)
        return FALSE;
      if (is_version_token (name + start, stop - start, &short_number))
        return TRUE;
      if (!short_number)
        return FALSE;
      pos = start;
    }
}

gsize
am_image_family_length (const char *name)
{
  gsize end;
  gsize kept;

  g_return_val_if_fail (name != NULL, 0);

  end = strlen (name);
  kept = end;
  for (;;)
    {
      gsize start, stop;
      gboolean short_number;
      gboolean version;

      token_before (name, end, &start, &stop);
      if (start == stop)
        break;
      version = is_version_token (name + start, stop - start, &short_number);
      if (!version && !short_number)
        break;
      if (short_number && !date_run_ahead (name, start))
        break;
      end = start;
      while (end > 0 && is_separator (name[end - 1]))
        end--;
      if (end == 0)
        break;
      kept = end;
    }
  if (end == 0)
    return strlen (name);
  return kept;
}

char *
am_image_family_from_name (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_strndup (name, am_image_family_length (name));
}

char *
am_image_family_for_image (AmImage    *image,
                           const char *tag_key)
{
  g_return_val_if_fail (AM_IS_IMAGE (image), NULL);

  if (tag_key != NULL && tag_key[0] != '\0')
    {
      AmTag * const *tags = am_image_get_tags (image);

      for (guint i = 0; tags[i] != NULL; i++)
        if (g_strcmp0 (am_tag_get_key (tags[i]), tag_key) == 0)
          return g_strdup (am_tag_get_value (tags[i]));
      return g_strdup ("");
    }
  return am_image_family_from_name (am_image_get_name (image) != NULL ? am_image_get_name (image) : "");
}

int
am_image_family_compare_age (AmImage *a,
                             AmImage *b)
{
  gint64 ta, tb;
  int c;

  g_return_val_if_fail (AM_IS_IMAGE (a) && AM_IS_IMAGE (b), 0);

  ta = am_image_get_creation_time (a);
  tb = am_image_get_creation_time (b);
  if (ta != tb)
    return ta > tb ? 1 : -1;
  /* Made within the same second (creation dates have no finer grain): the later version. */
  c = strverscmp (am_image_get_name (a) != NULL ? am_image_get_name (a) : "",
                  am_image_get_name (b) != NULL ? am_image_get_name (b) : "");
  if (c != 0)
    return c;
  return g_strcmp0 (am_image_get_image_id (a), am_image_get_image_id (b));
}

/* The publishers with public "latest image" parameters, by owner account. */
static const struct
{
  const char *owner_id;
  const char *path;
} publishers[] = {
  { "137112412989", "/aws/service/ami-amazon-linux-latest" },
  { "801119661308", "/aws/service/ami-windows-latest" },
  { "099720109477", "/aws/service/canonical/ubuntu/server" },
  { "136693071363", "/aws/service/debian/release" },
  { "013907871322", "/aws/service/suse/sles" },
};

const char *
am_image_family_parameter_path (AmImage *image)
{
  const char *owner;

  g_return_val_if_fail (AM_IS_IMAGE (image), NULL);
  owner = am_image_get_owner_id (image);
  for (guint i = 0; owner != NULL && i < G_N_ELEMENTS (publishers); i++)
    if (strcmp (owner, publishers[i].owner_id) == 0)
      return publishers[i].path;
  return NULL;
}
