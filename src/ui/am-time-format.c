/* am-time-format.c: the one way Amiable writes a date and time
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-time-format"

#include "config.h"

#include "am-time-format.h"

static GDateTime *
parse (const char *iso8601)
{
  g_autoptr (GTimeZone) utc = NULL;

  if (iso8601 == NULL || iso8601[0] == '\0')
    return NULL;
  /* EC2 always says which zone; a time without one is taken as UTC. */
  utc = g_time_zone_new_utc ();
  return g_date_time_new_from_iso8601 (iso8601, utc);
}

char *
am_time_format_local (const char *iso8601)
{
  g_autoptr (GDateTime) utc = parse (iso8601);
  g_autoptr (GDateTime) local = NULL;

  if (iso8601 == NULL || iso8601[0] == '\0')
    return NULL;
  if (utc == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (utc);
  /* Not %x: in many locales it has a two-digit year. */
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

char *
am_time_format_utc (const char *iso8601)
{
  g_autoptr (GDateTime) utc = parse (iso8601);
  g_autoptr (GDateTime) in_utc = NULL;

  if (utc == NULL)
    return NULL;
  in_utc = g_date_time_to_utc (utc);
  return g_date_time_format (in_utc, "%Y-%m-%d %H:%M:%S UTC");
}

void
am_time_format_label (GtkLabel   *label,
                      const char *iso8601)
{
  g_autofree char *local = am_time_format_local (iso8601);
  g_autofree char *utc = am_time_format_utc (iso8601);

  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_text (label, local != NULL ? local : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), utc);
}
