/* am-json-client.h: the AWS JSON 1.1 protocol (X-Amz-Target, application/x-amz-json-1.1)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "am-credentials.h"

G_BEGIN_DECLS

/*
 * AmJsonClient: signed POSTs of JSON documents, with the same transport as AmQueryClient
 * (shared session, timeout, standard-mode retries, clock-skew correction, AM_AWS_ERROR with
 * the `__type` code, message and x-amzn-RequestId).
 */
#define AM_TYPE_JSON_CLIENT (am_json_client_get_type ())

G_DECLARE_FINAL_TYPE (AmJsonClient, am_json_client, AM, JSON_CLIENT, GObject)

/**
 * am_json_client_new:
 * @service: SigV4 service name and endpoint prefix, e.g. "ssm"
 * @target_prefix: the X-Amz-Target prefix, e.g. "AmazonSSM"
 * @endpoint_url: (nullable): an override; %NULL derives https://SERVICE.REGION.SUFFIX
 */
AmJsonClient *am_json_client_new                (AmCredentialsProvider *credentials,
                                                 const char            *service,
                                                 const char            *target_prefix,
                                                 const char            *region,
                                                 const char            *endpoint_url,
                                                 GError               **error);

const char   *am_json_client_get_service        (AmJsonClient          *self);
const char   *am_json_client_get_region         (AmJsonClient          *self);
/** am_json_client_set_session: as am_query_client_set_session() */
void          am_json_client_set_session        (AmJsonClient          *self,
                                                 SoupSession           *session);
void          am_json_client_set_max_attempts   (AmJsonClient          *self,
                                                 guint                  max_attempts);
void          am_json_client_set_timeout_ms     (AmJsonClient          *self,
                                                 guint                  timeout_ms);
void          am_json_client_set_backoff_base_ms (AmJsonClient         *self,
                                                  guint                 base_ms);

/**
 * am_json_client_call_async:
 * @operation: e.g. "GetParameter" (sent as X-Amz-Target: PREFIX.GetParameter)
 * @body: (nullable): the request object; %NULL sends {}
 */
void          am_json_client_call_async         (AmJsonClient          *self,
                                                 const char            *operation,
                                                 JsonNode              *body,
                                                 GCancellable          *cancellable,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data);
/** Returns: (transfer full): the parsed response (an object node), or %NULL with @error */
JsonNode     *am_json_client_call_finish        (AmJsonClient          *self,
                                                 GAsyncResult          *result,
                                                 GError               **error);

G_END_DECLS
