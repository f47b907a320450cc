/* am-sandbox-match.h: EC2 filter matching (wildcards, image filters) for the sandbox
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "am-sandbox-state.h"

G_BEGIN_DECLS

typedef struct
{
  char      *name;
  GPtrArray *values;   /* char* */
} AmSbFilter;

void     am_sb_filter_free          (AmSbFilter      *filter);

/**
 * am_sb_wildcard_match:
 * EC2's filter values: `*` matches any run of characters, `?` exactly one, and a backslash
 * makes the next character literal. Matching is case-sensitive and covers the whole text.
 */
gboolean am_sb_wildcard_match       (const char      *pattern,
                                     const char      *text);
/** am_sb_filter_values_match: %TRUE when any of @values matches @text (never when @text is %NULL). */
gboolean am_sb_filter_values_match  (GPtrArray       *values,
                                     const char      *text);

/**
 * am_sb_image_filter_is_known: whether DescribeImages understands the filter @name.
 */
gboolean am_sb_image_filter_is_known (const char     *name);

/**
 * am_sb_image_matches:
 * @tags: (nullable): the caller's tags on @image
 * Returns: %TRUE when @image passes every filter of @filters (AND across filters, OR across
 *   the values of one filter).
 */
gboolean am_sb_image_matches        (const AmSbImage *image,
                                     GPtrArray       *tags,
                                     GPtrArray       *filters,
                                     gint64           now_ms);

/* Matches tag:KEY, tag-key and tag-value against @tags. Returns FALSE for other names. */
gboolean am_sb_tags_match           (GPtrArray       *tags,
                                     const char      *name,
                                     GPtrArray       *values,
                                     gboolean        *handled);

G_END_DECLS
