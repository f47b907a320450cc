/* am-dialog-validate.c: EC2's rules for what the image dialogs accept, as user-facing messages
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-dialog-validate"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "am-dialog-validate.h"

char *
am_validate_tag_key (const char *key)
{
  glong len;

  g_return_val_if_fail (key != NULL, NULL);

  len = g_utf8_strlen (key, -1);
  if (len == 0)
    return g_strdup (_("Enter a key; a tag needs one."));
  if (len > AM_TAG_KEY_MAX)
    return g_strdup_printf (_("Keys are at most %d characters; this one has %ld."),
                            AM_TAG_KEY_MAX, len);
  if (g_ascii_strncasecmp (key, "aws:", 4) == 0)
    return g_strdup (_("Keys starting with “aws:” are reserved for AWS; choose another prefix."));
  return NULL;
}

char *
am_validate_tag_value (const char *value)
{
  glong len;

  g_return_val_if_fail (value != NULL, NULL);

  len = g_utf8_strlen (value, -1);
  if (len > AM_TAG_VALUE_MAX)
    return g_strdup_printf (_("Values are at most %d characters; this one has %ld."),
                            AM_TAG_VALUE_MAX, len);
  return NULL;
}

static gboolean
all_digits (const char *text,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
all_lower_alnum (const char *text,
                 gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!(g_ascii_isdigit (text[i]) || (text[i] >= 'a' && text[i] <= 'z')))
      return FALSE;
  return TRUE;
}

char *
am_validate_account_id (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (strlen (text) != 12 || !all_digits (text, 12))
    return g_strdup (_("An AWS account ID is exactly 12 digits, e.g. 123456789012."));
  return NULL;
}

/* "arn:aws:organizations::" + 12 digits + ":" — the shared prefix; returns the rest or NULL. */
static const char *
skip_organizations_prefix (const char *text)
{
  static const char *partitions[] = { "arn:aws:", "arn:aws-cn:", "arn:aws-us-gov:" };
  const char *p = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (partitions); i++)
    if (g_str_has_prefix (text, partitions[i]))
      {
        p = text + strlen (partitions[i]);
        break;
      }
  if (p == NULL || !g_str_has_prefix (p, "organizations::"))
    return NULL;
  p += strlen ("organizations::");
  if (strlen (p) < 13 || !all_digits (p, 12) || p[12] != ':')
    return NULL;
  return p + 13;
}

/* Matches "o-" followed by 10–32 lower-case letters or digits, up to @end. */
static gboolean
is_org_id (const char *p,
           gsize       len)
{
  return len >= 12 && len <= 34 && p[0] == 'o' && p[1] == '-' && all_lower_alnum (p + 2, len - 2);
}

char *
am_validate_organization_arn (const char *text)
{
  const char *rest;
  const char *slash;

  g_return_val_if_fail (text != NULL, NULL);

  rest = skip_organizations_prefix (text);
  if (rest == NULL || !g_str_has_prefix (rest, "organization/"))
    goto bad;
  rest += strlen ("organization/");
  slash = strchr (rest, '/');
  if (slash != NULL || !is_org_id (rest, strlen (rest)))
    goto bad;
  return NULL;

bad:
  return g_strdup (_("An organization ARN looks like "
                     "arn:aws:organizations::123456789012:organization/o-abcd123456."));
}

char *
am_validate_ou_arn (const char *text)
{
  const char *rest;
  const char *slash;
  const char *ou;
  gsize ou_len;

  g_return_val_if_fail (text != NULL, NULL);

  rest = skip_organizations_prefix (text);
  if (rest == NULL || !g_str_has_prefix (rest, "ou/"))
    goto bad;
  rest += strlen ("ou/");
  slash = strchr (rest, '/');
  if (slash == NULL || !is_org_id (rest, slash - rest))
    goto bad;
  /* ou-<root id: 4–32 lower alnum>-<8–32 lower alnum> */
  ou = slash + 1;
  ou_len = strlen (ou);
  if (ou_len < 3 || !g_str_has_prefix (ou, "ou-"))
    goto bad;
  {
    const char *dash = strchr (ou + 3, '-');
    gsize root_len;
    gsize tail_len;

    if (dash == NULL)
      goto bad;
    root_len = dash - (ou + 3);
    tail_len = ou_len - (dash + 1 - ou);
    if (root_len < 4 || root_len > 32 || !all_lower_alnum (ou + 3, root_len)
        || tail_len < 8 || tail_len > 32 || !all_lower_alnum (dash + 1, tail_len))
      goto bad;
  }
  return NULL;

bad:
  return g_strdup (_("An organizational unit ARN looks like "
                     "arn:aws:organizations::123456789012:ou/o-abcd123456/ou-ab12-cdef3456."));
}

AmPrincipalKind
am_validate_principal (const char  *text,
                       char       **message)
{
  g_autofree char *stripped = NULL;
  g_autofree char *why = NULL;
  AmPrincipalKind kind = AM_PRINCIPAL_INVALID;

  g_return_val_if_fail (text != NULL, AM_PRINCIPAL_INVALID);

  stripped = g_strstrip (g_strdup (text));
  if (g_str_has_prefix (stripped, "arn:"))
    {
      if (strstr (stripped, ":ou/") != NULL)
        {
          why = am_validate_ou_arn (stripped);
          kind = AM_PRINCIPAL_OU;
        }
      else
        {
          why = am_validate_organization_arn (stripped);
          kind = AM_PRINCIPAL_ORGANIZATION;
        }
    }
  else if (*stripped == '\0')
    why = g_strdup (_("Enter a 12-digit account ID, an organization ARN or an organizational unit ARN."));
  else
    {
      why = am_validate_account_id (stripped);
      kind = AM_PRINCIPAL_ACCOUNT;
    }

  if (why != NULL)
    kind = AM_PRINCIPAL_INVALID;
  if (message != NULL)
    *message = g_steal_pointer (&why);
  return kind;
}

char *
am_validate_ami_name (const char *text)
{
  gsize len;

  g_return_val_if_fail (text != NULL, NULL);

  len = strlen (text);
  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (!(g_ascii_isalnum (c) || strchr ("().-/_", c) != NULL))
        {
          if ((guchar) c >= 0x80)
            return g_strdup (_("Names use only ASCII letters, digits and ( ) . - / _ ."));
          if (c == ' ')
            return g_strdup (_("Names cannot contain spaces; use - or _ instead."));
          return g_strdup_printf (_("“%c” is not allowed; names use letters, digits and ( ) . - / _ ."), c);
        }
    }
  if (len < AM_AMI_NAME_MIN)
    return g_strdup_printf (_("Names are at least %d characters."), AM_AMI_NAME_MIN);
  if (len > AM_AMI_NAME_MAX)
    return g_strdup_printf (_("Names are at most %d characters; this one has %zu."),
                            AM_AMI_NAME_MAX, len);
  return NULL;
}

char *
am_validate_description (const char *text)
{
  glong len;

  g_return_val_if_fail (text != NULL, NULL);

  len = g_utf8_strlen (text, -1);
  if (len > AM_DESCRIPTION_MAX)
    return g_strdup_printf (_("Descriptions are at most %d characters; this one has %ld."),
                            AM_DESCRIPTION_MAX, len);
  return NULL;
}

char *
am_validate_deprecation_time (GDateTime *when,
                              GDateTime *now)
{
  g_autoptr (GDateTime) limit = NULL;

  g_return_val_if_fail (when != NULL && now != NULL, NULL);

  /* EC2 rounds to the minute; a time within the current minute is already past. */
  if (g_date_time_to_unix (when) / 60 <= g_date_time_to_unix (now) / 60)
    return g_strdup (_("Choose a time in the future."));
  limit = g_date_time_add_years (now, AM_DEPRECATION_MAX_YEARS);
  if (g_date_time_compare (when, limit) > 0)
    return g_strdup_printf (_("EC2 accepts a deprecation time at most %d years ahead."),
                            AM_DEPRECATION_MAX_YEARS);
  return NULL;
}
