/* am-ec2-parse-private.h: reading EC2 Query responses into model objects with the streaming reader
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-ec2-model-private.h"

G_BEGIN_DECLS

typedef struct _AmEc2Parser AmEc2Parser;

/*
 * A list response holds its items at @path below the response element, e.g.
 * { "imagesSet", NULL } or { "reservationSet", "item", "instancesSet", NULL }; each `<item>`
 * there becomes one object of @info. `nextToken` and `requestId` are read at the top.
 */
AmEc2Parser *_am_ec2_parser_new_list     (const AmModelInfo   *info,
                                          const char * const  *path);
/* One object of @info read from the element at @path (or the response element itself when
 * @path is NULL or empty). */
AmEc2Parser *_am_ec2_parser_new_object   (const AmModelInfo   *info,
                                          const char * const  *path);
void         _am_ec2_parser_free         (AmEc2Parser         *parser);
gboolean     _am_ec2_parser_feed         (AmEc2Parser         *parser,
                                          const char          *data,
                                          gsize                length,
                                          GError             **error);
gboolean     _am_ec2_parser_finish       (AmEc2Parser         *parser,
                                          GError             **error);
/* Items read so far (transfer full; the parser starts a new array). */
GPtrArray   *_am_ec2_parser_steal_items  (AmEc2Parser         *parser);
GObject     *_am_ec2_parser_steal_object (AmEc2Parser         *parser);
char        *_am_ec2_parser_steal_next_token (AmEc2Parser     *parser);
const char  *_am_ec2_parser_get_request_id (AmEc2Parser       *parser);

/* Whole-body helpers. */
GPtrArray   *_am_ec2_parse_list          (GBytes              *body,
                                          const AmModelInfo   *info,
                                          const char * const  *path,
                                          char               **next_token,
                                          GError             **error);
GObject     *_am_ec2_parse_object        (GBytes              *body,
                                          const AmModelInfo   *info,
                                          const char * const  *path,
                                          GError             **error);
/* The text of a direct child of the response element (e.g. "imageId", "return"), or of a
 * grandchild named "container/element" (e.g. "disableApiTermination/value"), or
 * %NULL with an AM_AWS_ERROR_MALFORMED_RESPONSE error when it is missing. */
char        *_am_ec2_parse_value         (GBytes              *body,
                                          const char          *element,
                                          GError             **error);

/* Like _am_ec2_parse_value(), but a missing element is no error (*value stays %NULL). */
gboolean     _am_ec2_parse_optional_value (GBytes             *body,
                                           const char         *element,
                                           char              **value,
                                           GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmEc2Parser, _am_ec2_parser_free)

G_END_DECLS
