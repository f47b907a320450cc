/* am-image-name.c: EC2's rules for AMI names and bundle manifest locations, as user-facing messages
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-name"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "am-image-name.h"

static gboolean
name_char_ok (gunichar c)
{
  return (c < 128 && g_ascii_isalnum (c)) || strchr ("().-/_", c) != NULL;
}

char *
am_image_name_problem (const char *name)
{
  glong length;

  if (name == NULL || *name == '\0')
    return g_strdup (_("Give the image a name."));

  if (!g_utf8_validate (name, -1, NULL))
    return g_strdup (_("The name is not valid text."));

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!name_char_ok (c))
        {
          char buf[8] = { 0 };

          if (c == ' ')
            return g_strdup (_("Names cannot contain spaces. Use letters, digits and ( ) . - / _ only."));
          g_unichar_to_utf8 (c, buf);
          return g_strdup_printf (_("Names cannot contain “%s”. Use letters, digits and ( ) . - / _ only."), buf);
        }
    }

  length = g_utf8_strlen (name, -1);
  if (length < AM_IMAGE_NAME_MIN)
    return g_strdup_printf (_("Names need at least %d characters."), AM_IMAGE_NAME_MIN);
  if (length > AM_IMAGE_NAME_MAX)
    return g_strdup_printf (_("Names can be at most %d characters long (this one has %ld)."),
                            AM_IMAGE_NAME_MAX, length);

  return NULL;
}

char *
am_image_name_suggest (const char *base,
                       GDateTime  *when)
{
  g_autoptr (GString) name = g_string_new (NULL);
  g_autofree char *stamp = g_date_time_format (when, "%Y-%m-%d-%H%M");

  for (const char *p = base != NULL ? base : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (name_char_ok (c))
        g_string_append_unichar (name, c);
      else if (name->len > 0 && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
    }
  while (name->len > 0 && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_append (name, "image");

  /* Room for "-" and the stamp within the limit. */
  if (name->len > AM_IMAGE_NAME_MAX - 1 - strlen (stamp))
    g_string_truncate (name, AM_IMAGE_NAME_MAX - 1 - strlen (stamp));
  g_string_append_printf (name, "-%s", stamp);

  return g_string_free (g_steal_pointer (&name), FALSE);
}

char *
am_manifest_location_problem (const char *location)
{
  const char *slash;

  if (location == NULL || *location == '\0')
    return g_strdup (_("Give the location of the bundle's manifest in Amazon S3, e.g. “my-bucket/images/image.manifest.xml”."));
  if (g_str_has_prefix (location, "s3://") || g_str_has_prefix (location, "https://"))
    return g_strdup (_("Give the location without “s3://” or “https://”: the bucket name, a slash and the manifest's path."));
  slash = strchr (location, '/');
  if (slash == NULL || slash == location || slash[1] == '\0')
    return g_strdup (_("The location is the bucket name, a slash and the manifest's path in it, e.g. “my-bucket/image.manifest.xml”."));
  if (!g_str_has_suffix (location, ".manifest.xml"))
    return g_strdup (_("The manifest that ec2-upload-bundle writes ends in “.manifest.xml”."));
  if (strlen (location) > 1024)
    return g_strdup (_("The location is too long."));

  return NULL;
}
