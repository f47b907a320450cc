/* am-describe-images-query.h: the parameters of one DescribeImages call
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "am-ec2-filter.h"

G_BEGIN_DECLS

/*
 * Serialised as Owner.N, ExecutableBy.N, ImageId.N, Filter.N.Name / Filter.N.Value.M,
 * IncludeDeprecated, IncludeDisabled, MaxResults, NextToken. Unset fields are not sent.
 */
typedef struct
{
  char      **owners;              /* account ids, "self", "amazon", "aws-marketplace", … */
  char      **executable_by;       /* account ids, "self", "all" */
  char      **image_ids;
  GPtrArray  *filters;             /* (element-type AmEc2Filter) */
  gboolean    include_deprecated;
  gboolean    include_disabled;
  guint       max_results;         /* 0: EC2's default; the store uses 1000 */
  char       *next_token;
} AmDescribeImagesQuery;

#define AM_TYPE_DESCRIBE_IMAGES_QUERY (am_describe_images_query_get_type ())

GType                  am_describe_images_query_get_type          (void) G_GNUC_CONST;
AmDescribeImagesQuery *am_describe_images_query_new               (void);
AmDescribeImagesQuery *am_describe_images_query_copy              (const AmDescribeImagesQuery *query);
void                   am_describe_images_query_free              (AmDescribeImagesQuery       *query);
void                   am_describe_images_query_add_owner         (AmDescribeImagesQuery       *query,
                                                                   const char                  *owner);
void                   am_describe_images_query_add_executable_by (AmDescribeImagesQuery       *query,
                                                                   const char                  *account);
void                   am_describe_images_query_add_image_id      (AmDescribeImagesQuery       *query,
                                                                   const char                  *image_id);
/** am_describe_images_query_add_filter: takes ownership of @filter */
void                   am_describe_images_query_add_filter        (AmDescribeImagesQuery       *query,
                                                                   AmEc2Filter                 *filter);
void                   am_describe_images_query_set_next_token    (AmDescribeImagesQuery       *query,
                                                                   const char                  *next_token);
/** am_describe_images_query_equal: the same question (next_token aside) */
gboolean               am_describe_images_query_equal             (const AmDescribeImagesQuery *a,
                                                                   const AmDescribeImagesQuery *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmDescribeImagesQuery, am_describe_images_query_free)

G_END_DECLS
