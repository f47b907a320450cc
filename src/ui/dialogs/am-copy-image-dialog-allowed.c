/* am-copy-image-dialog-allowed.c: what the destination's Allowed AMIs settings mean for a copy, in words
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-copy-image-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "am-copy-image-dialog-private.h"
#include "am-image-criteria.h"

static void
append_condition (GString    *s,
                  const char *text)
{
  if (s->len > 0)
    /* Translators: joins the conditions of one Allowed AMIs criterion that an image fails */
    g_string_append (s, _(" and "));
  g_string_append (s, text);
}

/* Why @copy fails @criterion, e.g. "name “x” matches none of debian-*". */
static char *
explain_criterion (const AmImageCriterion *criterion,
                   AmImage                *copy,
                   gint64                  now_ms)
{
  AmImageCriterionFields failures = am_image_criterion_failures (criterion, copy, now_ms);
  g_autoptr (GString) s = g_string_new (NULL);

  if (failures & AM_IMAGE_CRITERION_PROVIDERS)
    {
      g_autofree char *list = g_strjoinv (", ", criterion->providers);
      g_autofree char *text = g_strdup_printf (_("its owner %s is not among the image providers %s"),
                                               am_image_get_owner_id (copy), list);

      append_condition (s, text);
    }
  if (failures & AM_IMAGE_CRITERION_NAMES)
    {
      g_autofree char *list = g_strjoinv (", ", criterion->names);
      g_autofree char *text = g_strdup_printf (_("its name “%s” matches none of the image names %s"),
                                               am_image_get_name (copy), list);

      append_condition (s, text);
    }
  if (failures & AM_IMAGE_CRITERION_PRODUCT_CODES)
    {
      g_autofree char *list = g_strjoinv (", ", criterion->product_codes);
      g_autofree char *text = g_strdup_printf (_("it has none of the product codes %s"), list);

      append_condition (s, text);
    }
  if (failures & AM_IMAGE_CRITERION_CREATION)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("it is older than %d day", "it is older than %d days",
                                                         criterion->max_days_created),
                                               criterion->max_days_created);

      append_condition (s, text);
    }
  if (failures & AM_IMAGE_CRITERION_DEPRECATION)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("it was deprecated more than %d day ago",
                                                         "it was deprecated more than %d days ago",
                                                         criterion->max_days_deprecated),
                                               criterion->max_days_deprecated);

      append_condition (s, text);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
_am_copy_image_allowed_note (AmAllowedImagesSettings *settings,
                             const char              *region,
                             const char              *owner_id,
                             const char              *name,
                             gint64                   now_ms)
{
  g_autoptr (AmImage) copy = NULL;
  g_autoptr (GString) reasons = g_string_new (NULL);
  gboolean enabled, audit;

  g_assert (settings != NULL);

  enabled = g_strcmp0 (settings->state, "enabled") == 0;
  audit = g_strcmp0 (settings->state, "audit-mode") == 0;
  if ((!enabled && !audit) || owner_id == NULL || name == NULL || *name == '\0')
    return NULL;

  /* The criteria are matched as the Governance page does; the copy is evaluated as what it
   * will be: this account's image with the name typed here, made now. */
  copy = am_image_criteria_new_copy (owner_id, name, now_ms);
  for (guint i = 0; i < settings->criteria->len; i++)
    {
      g_autofree char *why = NULL;

      if (am_image_criterion_matches (settings->criteria->pdata[i], copy, now_ms))
        return NULL;
      why = explain_criterion (settings->criteria->pdata[i], copy, now_ms);
      if (reasons->len > 0)
        g_string_append (reasons, "; ");
      if (settings->criteria->len > 1)
        /* Translators: "criterion 2: its name … matches none of …" */
        g_string_append_printf (reasons, _("criterion %u: %s"), i + 1, why);
      else
        g_string_append (reasons, why);
    }
  if (settings->criteria->len == 0)
    g_string_append (reasons, _("there are no criteria, so only the account’s own images are allowed"));

  /* EC2 never restricts an account's own images: the copy stays usable here, and saying it
   * could not be launched would be wrong. What the criteria say still matters to the accounts
   * it is shared with, and to anyone reading the listing. */
  if (enabled)
    return g_strdup_printf (_("Allowed AMIs is enabled in %s and the copy would match none of its criteria (%s). "
                              "This account can still launch it there, because EC2 always allows an account’s "
                              "own images; an account you share it with that has the same criteria could not."),
                            region, reasons->str);
  return g_strdup_printf (_("Allowed AMIs is in audit mode in %s and the copy would match none of its criteria (%s). "
                            "It is this account’s own image, so EC2 does not flag it here; an account you share it "
                            "with that has the same criteria would see it flagged as not allowed."),
                          region, reasons->str);
}
