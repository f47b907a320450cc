/* am-ec2-filter.h: one Filter.N of an EC2 Describe call (a name and its values)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  char  *name;     /* e.g. "vpc-id", "tag:Name" */
  char **values;   /* matched with OR; wildcards * and ? work where EC2 allows them */
} AmEc2Filter;

#define AM_TYPE_EC2_FILTER (am_ec2_filter_get_type ())

GType        am_ec2_filter_get_type (void) G_GNUC_CONST;
/** am_ec2_filter_new: e.g. am_ec2_filter_new ("state", "available", NULL) */
AmEc2Filter *am_ec2_filter_new      (const char        *name,
                                     const char        *first_value,
                                     ...) G_GNUC_NULL_TERMINATED;
AmEc2Filter *am_ec2_filter_new_strv (const char        *name,
                                     const char * const *values);
AmEc2Filter *am_ec2_filter_copy     (const AmEc2Filter *filter);
void         am_ec2_filter_free     (AmEc2Filter       *filter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmEc2Filter, am_ec2_filter_free)

G_END_DECLS
