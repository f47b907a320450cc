/* am-query-client.h: the AWS Query protocol (form-encoded POST, XML answers): EC2, STS, …
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "am-credentials.h"

G_BEGIN_DECLS

/* AmQueryParams: an ordered list of name/value pairs; Action and Version come first. */
typedef struct _AmQueryParams AmQueryParams;

#define AM_TYPE_QUERY_PARAMS (am_query_params_get_type ())

GType          am_query_params_get_type    (void) G_GNUC_CONST;

/** am_query_params_new: e.g. ("DescribeImages", "2016-11-15") */
AmQueryParams *am_query_params_new         (const char          *action,
                                            const char          *version);
AmQueryParams *am_query_params_copy        (const AmQueryParams *params);
void           am_query_params_free        (AmQueryParams       *params);

const char    *am_query_params_get_action  (const AmQueryParams *params);
const char    *am_query_params_get_version (const AmQueryParams *params);

/** am_query_params_add: appends name=value (a name may repeat only if the caller wants it). */
void           am_query_params_add         (AmQueryParams       *params,
                                            const char          *name,
                                            const char          *value);
/** am_query_params_add_printf: appends name=printf(format, …). */
void           am_query_params_add_printf  (AmQueryParams       *params,
                                            const char          *name,
                                            const char          *format,
                                            ...) G_GNUC_PRINTF (3, 4);
/**
 * am_query_params_add_at:
 * Appends printf(name_format, …)=@value, for nested names such as
 * ("8", "BlockDeviceMapping.%u.Ebs.VolumeSize", n).
 */
void           am_query_params_add_at      (AmQueryParams       *params,
                                            const char          *value,
                                            const char          *name_format,
                                            ...) G_GNUC_PRINTF (3, 4);
void           am_query_params_add_int     (AmQueryParams       *params,
                                            const char          *name,
                                            gint64               value);
/** am_query_params_add_boolean: "true" / "false" */
void           am_query_params_add_boolean (AmQueryParams       *params,
                                            const char          *name,
                                            gboolean             value);
/**
 * am_query_params_add_list:
 * Appends PREFIX.1=values[0], PREFIX.2=values[1], … continuing after any PREFIX.N already
 * present.
 */
void           am_query_params_add_list    (AmQueryParams       *params,
                                            const char          *prefix,
                                            const char * const  *values);
/**
 * am_query_params_next_index:
 * Returns: the next free N for "PREFIX.N…" names (1 when none is present yet)
 */
guint          am_query_params_next_index  (const AmQueryParams *params,
                                            const char          *prefix);
/**
 * am_query_params_add_filter:
 * Appends Filter.N.Name=@name and Filter.N.Value.M=@values[M-1] with the next free N.
 * Returns: N
 */
guint          am_query_params_add_filter  (AmQueryParams       *params,
                                            const char          *name,
                                            const char * const  *values);
/** am_query_params_set: replaces every @name with one name=value (or removes it if %NULL). */
void           am_query_params_set         (AmQueryParams       *params,
                                            const char          *name,
                                            const char          *value);
/** Returns: (nullable): the first value of @name */
const char    *am_query_params_get         (const AmQueryParams *params,
                                            const char          *name);
guint          am_query_params_get_length  (const AmQueryParams *params);
/** am_query_params_get_nth: the @index-th pair (0 is Action). */
void           am_query_params_get_nth     (const AmQueryParams *params,
                                            guint                index,
                                            const char         **name,
                                            const char         **value);
/** Returns: (transfer full): the form body, "Action=…&Version=…&…", RFC 3986 encoded */
char          *am_query_params_encode      (const AmQueryParams *params);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmQueryParams, am_query_params_free)

/*
 * AmQueryClient: signs and sends Query requests for one service in one region.
 * Every request: POST to the endpoint, SigV4 (host, content-type, x-amz-date, and
 * x-amz-security-token for temporary credentials), Accept-Encoding gzip, a timeout per
 * attempt. Retries follow the SDKs' standard mode: up to max-attempts attempts, exponential
 * backoff with full jitter capped at 20 s, for throttling codes, HTTP 500/502/503/504 and
 * connection errors, never for other client errors; a retry quota stops retry storms. A call
 * that is not idempotent (see am_query_client_set_idempotent_func()) is not resent after a
 * timeout, a broken connection or a 5xx once its request was written, only after throttling
 * or a failure to connect; its error then says so (am_aws_error_get_maybe_applied()). A
 * refused request time (RequestTimeTooSkewed, RequestExpired, signature expired) is retried
 * once with the clock offset taken from the response's Date header; the offset is kept.
 * Errors: AM_AWS_ERROR with the AWS code, message and request id from the EC2
 * (<Response><Errors><Error>) or STS (<ErrorResponse><Error>) document. DryRunOperation is
 * AM_AWS_ERROR_DRY_RUN.
 */
#define AM_TYPE_QUERY_CLIENT (am_query_client_get_type ())

G_DECLARE_FINAL_TYPE (AmQueryClient, am_query_client, AM, QUERY_CLIENT, GObject)

/**
 * am_query_client_new:
 * @credentials: signs every request
 * @service: the SigV4 service name and endpoint prefix, e.g. "ec2", "sts"
 * @region: e.g. "eu-west-1"
 * @endpoint_url: (nullable): an override; %NULL derives https://SERVICE.REGION.SUFFIX
 * Returns: (transfer full): the client, or %NULL with AM_AWS_ERROR_INVALID_ARGUMENT (bad region,
 *   bad URL, plain HTTP to a host that is not loopback)
 */
AmQueryClient *am_query_client_new               (AmCredentialsProvider *credentials,
                                                  const char            *service,
                                                  const char            *region,
                                                  const char            *endpoint_url,
                                                  GError               **error);

const char    *am_query_client_get_service       (AmQueryClient         *self);
const char    *am_query_client_get_region        (AmQueryClient         *self);
/** Returns: (transfer full): the endpoint URL as a string */
char          *am_query_client_dup_endpoint      (AmQueryClient         *self);
AmCredentialsProvider *am_query_client_get_credentials (AmQueryClient   *self);

/**
 * am_query_client_set_session:
 * Sends through @session instead of the shared default one (e.g. the session of a profile's
 * CA bundle, see am_aws_session_get_for_ca_bundle()).
 */
void           am_query_client_set_session       (AmQueryClient         *self,
                                                  SoupSession           *session);
/** Returns: (transfer none): the session the client sends through */
SoupSession   *am_query_client_get_session       (AmQueryClient         *self);

/** Properties, also as accessors: "max-attempts" (default 3, 1 = no retry) */
void           am_query_client_set_max_attempts  (AmQueryClient         *self,
                                                  guint                  max_attempts);
guint          am_query_client_get_max_attempts  (AmQueryClient         *self);
/** "timeout-ms": per attempt, from sending to the last body byte (default 60000) */
void           am_query_client_set_timeout_ms    (AmQueryClient         *self,
                                                  guint                  timeout_ms);
/** "backoff-base-ms": the first retry waits up to this (default 1000; tests use less) */
void           am_query_client_set_backoff_base_ms (AmQueryClient       *self,
                                                    guint                base_ms);
/** "jitter": full jitter on (default); tests turn it off to measure the exponential growth */
void           am_query_client_set_jitter        (AmQueryClient         *self,
                                                  gboolean               jitter);
/** Returns: the clock offset learnt from the server (server minus local), in microseconds */
GTimeSpan      am_query_client_get_clock_offset  (AmQueryClient         *self);

/**
 * AmQueryIdempotentFunc:
 * Returns: %TRUE if sending @params twice has the effect of sending it once (a read, or a
 *   call that carries a ClientToken); %FALSE if a timeout, a dropped connection or a 5xx after
 *   the request may have reached the service must not resend it.
 */
typedef gboolean (*AmQueryIdempotentFunc) (const AmQueryParams *params);

/**
 * am_query_client_set_idempotent_func:
 * @func: (nullable): tells which calls are idempotent; %NULL (the default) treats every call
 *   as idempotent
 */
void           am_query_client_set_idempotent_func (AmQueryClient       *self,
                                                    AmQueryIdempotentFunc func);
AmQueryIdempotentFunc am_query_client_get_idempotent_func (AmQueryClient *self);

/**
 * am_query_client_call_async:
 * Sends @params (copied; the caller may free them right away).
 */
void           am_query_client_call_async        (AmQueryClient         *self,
                                                  const AmQueryParams   *params,
                                                  GCancellable          *cancellable,
                                                  GAsyncReadyCallback    callback,
                                                  gpointer               user_data);
/** Returns: (transfer full): the body of the 2xx response (XML), or %NULL with @error */
GBytes        *am_query_client_call_finish       (AmQueryClient         *self,
                                                  GAsyncResult          *result,
                                                  GError               **error);

/**
 * AmQueryPageFunc:
 * @page: the body of one 2xx response
 * @page_index: 0 for the first page
 * Returns: %TRUE to fetch the next page (if the page has a nextToken), %FALSE to stop;
 *   %FALSE with @error set fails the whole walk with that error.
 */
typedef gboolean (*AmQueryPageFunc) (AmQueryClient *client,
                                     GBytes        *page,
                                     guint          page_index,
                                     gpointer       user_data,
                                     GError       **error);

/**
 * am_query_client_paginate_async:
 * Calls @params, hands each page to @page_func, and follows the page's <nextToken> (any
 * depth directly under the response root, e.g. DescribeImagesResponse/nextToken) by sending
 * NextToken=… until a page has none, @page_func returns %FALSE, an error or cancellation.
 * @page_func runs in the caller's main context.
 */
void           am_query_client_paginate_async    (AmQueryClient         *self,
                                                  const AmQueryParams   *params,
                                                  AmQueryPageFunc        page_func,
                                                  gpointer               page_data,
                                                  GDestroyNotify         page_data_destroy,
                                                  GCancellable          *cancellable,
                                                  GAsyncReadyCallback    callback,
                                                  gpointer               user_data);
/** @n_pages: (out) (optional): pages handed to page_func */
gboolean       am_query_client_paginate_finish   (AmQueryClient         *self,
                                                  GAsyncResult          *result,
                                                  guint                 *n_pages,
                                                  GError               **error);

/**
 * am_query_find_next_token:
 * @page: a Query response body
 * @next_token: (out) (transfer full) (nullable): the <nextToken> child of the root element,
 *   or %NULL when the page is the last (empty tokens count as none)
 * Returns: %FALSE with AM_AWS_ERROR_MALFORMED_RESPONSE when @page is not whole XML
 */
gboolean       am_query_find_next_token          (GBytes                *page,
                                                  char                 **next_token,
                                                  GError               **error);

/**
 * am_query_remember_token:
 * @seen: (inout): the set of the listing's page tokens so far; created on first use, free it
 *   with g_hash_table_unref()
 * @operation: for the message, e.g. "DescribeImages"
 * Every paginated walk (of any protocol) passes each next token here before asking for it.
 * Returns: %FALSE with AM_AWS_ERROR_MALFORMED_RESPONSE when @token was seen before in this
 *   listing (A → B → A): the service is going round in a loop and the listing would never end
 */
gboolean       am_query_remember_token           (GHashTable           **seen,
                                                  const char            *operation,
                                                  const char            *token,
                                                  GError               **error);

G_END_DECLS
