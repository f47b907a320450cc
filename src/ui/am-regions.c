/* am-regions.c: the standard AWS regions, offered before DescribeRegions answers
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-regions"

#include "config.h"

#include <glib/gi18n.h>

#include "am-regions.h"

static const struct
{
  const char *code;
  const char *name;
} regions[] = {
  { "af-south-1", N_("Africa (Cape Town)") },
  { "ap-east-1", N_("Asia Pacific (Hong Kong)") },
  { "ap-northeast-1", N_("Asia Pacific (Tokyo)") },
  { "ap-northeast-2", N_("Asia Pacific (Seoul)") },
  { "ap-northeast-3", N_("Asia Pacific (Osaka)") },
  { "ap-south-1", N_("Asia Pacific (Mumbai)") },
  { "ap-south-2", N_("Asia Pacific (Hyderabad)") },
  { "ap-southeast-1", N_("Asia Pacific (Singapore)") },
  { "ap-southeast-2", N_("Asia Pacific (Sydney)") },
  { "ap-southeast-3", N_("Asia Pacific (Jakarta)") },
  { "ap-southeast-4", N_("Asia Pacific (Melbourne)") },
  { "ca-central-1", N_("Canada (Central)") },
  { "ca-west-1", N_("Canada West (Calgary)") },
  { "eu-central-1", N_("Europe (Frankfurt)") },
  { "eu-central-2", N_("Europe (Zurich)") },
  { "eu-north-1", N_("Europe (Stockholm)") },
  { "eu-south-1", N_("Europe (Milan)") },
  { "eu-south-2", N_("Europe (Spain)") },
  { "eu-west-1", N_("Europe (Ireland)") },
  { "eu-west-2", N_("Europe (London)") },
  { "eu-west-3", N_("Europe (Paris)") },
  { "il-central-1", N_("Israel (Tel Aviv)") },
  { "me-central-1", N_("Middle East (UAE)") },
  { "me-south-1", N_("Middle East (Bahrain)") },
  { "sa-east-1", N_("South America (São Paulo)") },
  { "us-east-1", N_("US East (N. Virginia)") },
  { "us-east-2", N_("US East (Ohio)") },
  { "us-west-1", N_("US West (N. California)") },
  { "us-west-2", N_("US West (Oregon)") },
};

const char * const *
am_regions_get_offline (void)
{
  static const char *codes[G_N_ELEMENTS (regions) + 1];

  if (codes[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
      codes[i] = regions[i].code;

  return codes;
}

const char *
am_regions_get_display_name (const char *region)
{
  if (region == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (strcmp (regions[i].code, region) == 0)
      return _(regions[i].name);

  return NULL;
}
