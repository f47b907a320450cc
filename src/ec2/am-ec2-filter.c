/* am-ec2-filter.c: one Filter.N of an EC2 Describe call
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-ec2-filter"

#include "config.h"

#include "am-ec2-filter.h"

G_DEFINE_BOXED_TYPE (AmEc2Filter, am_ec2_filter, am_ec2_filter_copy, am_ec2_filter_free)

AmEc2Filter *
am_ec2_filter_new (const char *name,
                   const char *first_value,
                   ...)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  AmEc2Filter *filter;
  va_list args;

  g_return_val_if_fail (name != NULL, NULL);

  va_start (args, first_value);
  for (const char *value = first_value; value != NULL; value = va_arg (args, const char *))
    g_strv_builder_add (builder, value);
  va_end (args);

  filter = g_new0 (AmEc2Filter, 1);
  filter->name = g_strdup (name);
  filter->values = g_strv_builder_end (builder);
  return filter;
}

AmEc2Filter *
am_ec2_filter_new_strv (const char         *name,
                        const char * const *values)
{
  AmEc2Filter *filter;

  g_return_val_if_fail (name != NULL, NULL);

  filter = g_new0 (AmEc2Filter, 1);
  filter->name = g_strdup (name);
  filter->values = values != NULL ? g_strdupv ((char **) values) : g_new0 (char *, 1);
  return filter;
}

AmEc2Filter *
am_ec2_filter_copy (const AmEc2Filter *filter)
{
  g_return_val_if_fail (filter != NULL, NULL);

  return am_ec2_filter_new_strv (filter->name, (const char * const *) filter->values);
}

void
am_ec2_filter_free (AmEc2Filter *filter)
{
  if (filter == NULL)
    return;

  g_free (filter->name);
  g_strfreev (filter->values);
  g_free (filter);
}
