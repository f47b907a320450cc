/* am-aws-transport-private.h: the signed, retrying HTTP exchange of the Query and JSON clients
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "am-credentials.h"

G_BEGIN_DECLS

typedef struct _AmAwsTransport AmAwsTransport;

/**
 * AmAwsErrorDocParser:
 * Reads the protocol's error document. Every out value may stay %NULL.
 */
typedef void (*AmAwsErrorDocParser) (GBytes  *body,
                                     char   **code,
                                     char   **message,
                                     char   **request_id);

typedef struct
{
  const char          *method;        /* "POST" or "GET" */
  const char          *path;          /* nullable: the endpoint's own path */
  const char          *query;         /* nullable, already encoded */
  const char          *content_type;  /* nullable for GET */
  GBytes              *body;          /* nullable */
  const char * const  *extra_headers; /* nullable, name, value, …, NULL; signed */
  const char          *operation;     /* for messages and logs, e.g. "DescribeImages" */
  AmAwsErrorDocParser  parse_error;
  gsize                max_body;      /* the largest answer taken (decoded bytes); 0: 64 MiB */
  /* Not idempotent: once it may have reached the server (its headers were written), a timeout,
   * a dropped connection or a 5xx does not resend it; only throttling and refusals that
   * prove it was not applied (clock skew, expired token) do. */
  gboolean             not_idempotent;
} AmAwsTransportRequest;

/* The answer of a Describe call (unpaginated ones list a whole account) or of any other call:
 * more is a broken or hostile endpoint. */
#define AM_AWS_MAX_BODY_LISTING (64 * 1024 * 1024)
#define AM_AWS_MAX_BODY_SINGLE  (1024 * 1024)

/**
 * _am_aws_transport_new:
 * @credentials: (nullable): %NULL sends unsigned requests (the SSO portal)
 * @endpoint_url: (nullable): %NULL derives https://SERVICE.REGION.SUFFIX from @endpoint_prefix
 */
AmAwsTransport *_am_aws_transport_new          (AmCredentialsProvider        *credentials,
                                                const char                   *service,
                                                const char                   *endpoint_prefix,
                                                const char                   *region,
                                                const char                   *endpoint_url,
                                                GError                      **error);
AmAwsTransport *_am_aws_transport_ref          (AmAwsTransport               *self);
void            _am_aws_transport_unref        (AmAwsTransport               *self);

const char     *_am_aws_transport_get_service  (AmAwsTransport               *self);
const char     *_am_aws_transport_get_region   (AmAwsTransport               *self);
GUri           *_am_aws_transport_get_endpoint (AmAwsTransport               *self);
AmCredentialsProvider *_am_aws_transport_get_credentials (AmAwsTransport     *self);

void            _am_aws_transport_set_session  (AmAwsTransport               *self,
                                                SoupSession                  *session);
SoupSession    *_am_aws_transport_get_session  (AmAwsTransport               *self);
guint           _am_aws_transport_get_max_attempts (AmAwsTransport           *self);
void            _am_aws_transport_set_max_attempts (AmAwsTransport           *self,
                                                    guint                     max_attempts);
guint           _am_aws_transport_get_timeout_ms (AmAwsTransport             *self);
void            _am_aws_transport_set_timeout_ms (AmAwsTransport             *self,
                                                  guint                       timeout_ms);
guint           _am_aws_transport_get_backoff_base_ms (AmAwsTransport        *self);
void            _am_aws_transport_set_backoff_base_ms (AmAwsTransport        *self,
                                                       guint                  base_ms);
gboolean        _am_aws_transport_get_jitter   (AmAwsTransport               *self);
void            _am_aws_transport_set_jitter   (AmAwsTransport               *self,
                                                gboolean                      jitter);
GTimeSpan       _am_aws_transport_get_clock_offset (AmAwsTransport           *self);
/* The wait before retry @retry (1 = the first retry), capped at 20 s; random with jitter. */
guint           _am_aws_transport_backoff_delay_ms (AmAwsTransport           *self,
                                                    guint                     retry);

void            _am_aws_transport_send_async   (AmAwsTransport               *self,
                                                const AmAwsTransportRequest  *request,
                                                GCancellable                 *cancellable,
                                                GAsyncReadyCallback           callback,
                                                gpointer                      user_data);
/** Returns: (transfer full): the body of the 2xx response */
GBytes         *_am_aws_transport_send_finish  (GAsyncResult                 *result,
                                                GError                      **error);

/** Exposed for tests: the standard-mode classification of an AWS error code. */
gboolean        _am_aws_error_code_is_throttling (const char                 *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmAwsTransport, _am_aws_transport_unref)

G_END_DECLS
