/* am-json-client-private.h: the JSON client's body and error readers
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-json-client.h"

G_BEGIN_DECLS

/**
 * _am_json_client_parse_body:
 * Reads a 2xx answer to @operation. An empty body is an empty object.
 * Returns: (transfer full): the root object node, or %NULL with an
 * AM_AWS_ERROR_MALFORMED_RESPONSE error
 */
JsonNode *_am_json_client_parse_body  (GBytes      *body,
                                       const char  *operation,
                                       GError     **error);
/* Reads an error document ({"__type": "…#Code", "message": "…"}); the outs may stay %NULL. */
void      _am_json_client_parse_error (GBytes      *body,
                                       char       **code,
                                       char       **message,
                                       char       **request_id);

G_END_DECLS
