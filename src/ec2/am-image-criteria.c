/* am-image-criteria.c: decides whether Allowed AMIs criteria let an image launch, as EC2 does
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-ec2"

#include "config.h"

#include <string.h>

#include "am-image-criteria.h"

#include <json-glib/json-glib.h>

#include "am-ec2-model-private.h"
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

AmImageCriterionFields
am_image_criterion_failures (const AmImageCriterion *criterion,
                             AmImage                *image,
                             gint64                  now_ms)
{
  AmImageCriterionFields failures = 0;

  g_return_val_if_fail (criterion != NULL, 0);
  g_return_val_if_fail (AM_IS_IMAGE (image), 0);

  /* A provider is an owner alias (amazon, aws-marketplace, aws-backup-vault) or an account ID. */
  if (criterion->providers != NULL
      && !strv_contains (criterion->providers, am_image_get_owner_alias (image))
      && !strv_contains (criterion->providers, am_image_get_owner_id (image)))
    failures |= AM_IMAGE_CRITERION_PROVIDERS;

  if (criterion->names != NULL)
    {
      const char *name = am_image_get_name (image);
      gboolean found = FALSE;

      for (guint i = 0; name != NULL && criterion->names[i] != NULL && !found; i++)
        found = am_image_criteria_wildcard_match (criterion->names[i], name);
      if (!found)
        failures |= AM_IMAGE_CRITERION_NAMES;
    }

  if (criterion->product_codes != NULL)
    {
      AmProductCode *const *codes = am_image_get_product_codes (image);
      gboolean found = FALSE;

      for (guint i = 0; codes[i] != NULL && !found; i++)
        found = strv_contains (criterion->product_codes, am_product_code_get_product_code (codes[i]));
      if (!found)
        failures |= AM_IMAGE_CRITERION_PRODUCT_CODES;
    }

  if (criterion->max_days_created >= 0)
    {
      gint64 created = parse_ms (am_image_get_creation_date (image), 0);

      if (created < now_ms - criterion->max_days_created * DAY_MS)
        failures |= AM_IMAGE_CRITERION_CREATION;
    }

  /* Only an image whose deprecation time has passed is held to the deprecation condition. */
  if (criterion->max_days_deprecated >= 0)
    {
      gint64 deprecated = parse_ms (am_image_get_deprecation_time (image), 0);

      if (deprecated != 0 && deprecated <= now_ms
          && deprecated < now_ms - criterion->max_days_deprecated * DAY_MS)
        failures |= AM_IMAGE_CRITERION_DEPRECATION;
    }

  return failures;
}

gboolean
am_image_criterion_matches (const AmImageCriterion *criterion,
                            AmImage                *image,
                            gint64                  now_ms)
{
  g_return_val_if_fail (criterion != NULL, FALSE);
  g_return_val_if_fail (AM_IS_IMAGE (image), FALSE);

  return am_image_criterion_failures (criterion, image, now_ms) == 0;
}

AmImage *
am_image_criteria_new_copy (const char *owner_id,
                            const char *name,
                            gint64      now_ms)
{
  g_autoptr (JsonObject) json = json_object_new ();
  g_autoptr (GDateTime) now = g_date_time_new_from_unix_utc (now_ms / 1000);
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.000Z");
  g_autoptr (GError) error = NULL;
  GObject *image;

  g_return_val_if_fail (owner_id != NULL && name != NULL, NULL);

  json_object_set_string_member (json, "image-id", "ami-00000000000000000");
  json_object_set_string_member (json, "owner-id", owner_id);
  json_object_set_string_member (json, "name", name);
  json_object_set_string_member (json, "creation-date", created);
  json_object_set_string_member (json, "state", "pending");
  image = _am_model_from_json (_am_image_get_model_info (), json, &error);
  g_assert_no_error (error);
  return AM_IMAGE (image);
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
