/* am-image-criteria.c: decides whether Allowed AMIs criteria let an image launch, as EC2 does
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-ec2"

#include "config.h"

#include <string.h>

#include "am-image-criteria.h"
#include "am-product-code.h"

#define DAY_MS (G_GINT64_CONSTANT (24) * 60 * 60 * 1000)

gboolean
am_image_criteria_wildcard_match (const char *pattern,
                                  const char *text)
{
  /* One backtrack point (the last star): linear in practice, never exponential. */
  const char *star_p = NULL;
  const char *star_t = NULL;

  g_return_val_if_fail (pattern != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  while (*text != '\0')
    {
      if (*pattern == '*')
        {
          star_p = ++pattern;
          star_t = text;
          continue;
        }
      if (*pattern == '?')
        {
          pattern++;
          text++;
          continue;
        }
      if (*pattern != '\0')
        {
          gboolean quoted = pattern[0] == '\\' && pattern[1] != '\0';
          char literal = quoted ? pattern[1] : pattern[0];

          if (literal == *text)
            {
              pattern += quoted ? 2 : 1;
              text++;
              continue;
            }
        }
      if (star_p == NULL)
        return FALSE;
      pattern = star_p;
      text = ++star_t;
    }
  while (*pattern == '*')
    pattern++;
  return *pattern == '\0';
}

/* Milliseconds since the epoch of an ISO 8601 time, or @fallback when there is none. */
static gint64
parse_ms (const char *iso,
          gint64      fallback)
{
  g_autoptr (GDateTime) dt = NULL;

  if (iso == NULL || *iso == '\0')
    return fallback;
  dt = g_date_time_new_from_iso8601 (iso, NULL);
  if (dt == NULL)
    return fallback;
  return g_date_time_to_unix (dt) * 1000 + g_date_time_get_microsecond (dt) / 1000;
}

static gboolean
strv_contains (char *const *list,
               const char  *value)
{
  return value != NULL && g_strv_contains ((const char *const *) list, value);
}

gboolean
am_image_criterion_matches (const AmImageCriterion *criterion,
                            AmImage                *image,
                            gint64                  now_ms)
{
  g_return_val_if_fail (criterion != NULL, FALSE);
  g_return_val_if_fail (AM_IS_IMAGE (image), FALSE);

  /* A provider is an owner alias (amazon, aws-marketplace, aws-backup-vault) or an account ID. */
  if (criterion->providers != NULL
      && !strv_contains (criterion->providers, am_image_get_owner_alias (image))
      && !strv_contains (criterion->providers, am_image_get_owner_id (image)))
    return FALSE;

  if (criterion->names != NULL)
    {
      const char *name = am_image_get_name (image);
      gboolean found = FALSE;

      for (guint i = 0; name != NULL && criterion->names[i] != NULL && !found; i++)
        found = am_image_criteria_wildcard_match (criterion->names[i], name);
      if (!found)
        return FALSE;
    }

  if (criterion->product_codes != NULL)
    {
      AmProductCode *const *codes = am_image_get_product_codes (image);
      gboolean found = FALSE;

      for (guint i = 0; codes[i] != NULL && !found; i++)
        found = strv_contains (criterion->product_codes, am_product_code_get_product_code (codes[i]));
      if (!found)
        return FALSE;
    }

  if (criterion->max_days_created >= 0)
    {
      gint64 created = parse_ms (am_image_get_creation_date (image), 0);

      if (created < now_ms - criterion->max_days_created * DAY_MS)
        return FALSE;
    }

  /* Only an image whose deprecation time has passed is held to the deprecation condition. */
  if (criterion->max_days_deprecated >= 0)
    {
      gint64 deprecated = parse_ms (am_image_get_deprecation_time (image), 0);

      if (deprecated != 0 && deprecated <= now_ms
          && deprecated < now_ms - criterion->max_days_deprecated * DAY_MS)
        return FALSE;
    }

  return TRUE;
}

gboolean
am_image_criteria_allow (GPtrArray  *criteria,
                         AmImage    *image,
                         const char *account_id,
                         gint64      now_ms)
{
  g_return_val_if_fail (AM_IS_IMAGE (image), FALSE);

  if (account_id != NULL && g_strcmp0 (am_image_get_owner_id (image), account_id) == 0)
    return TRUE;
  for (guint i = 0; criteria != NULL && i < criteria->len; i++)
    if (am_image_criterion_matches (criteria->pdata[i], image, now_ms))
      return TRUE;
  return FALSE;
}
