/* am-test-server.h: a loopback SoupServer for tests: canned replies, faults, recorded requests
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/*
 * AmTestServer listens on 127.0.0.1 on an ephemeral port, in the thread-default main context
 * of its creator (tests iterate that context while they wait, see am_test_wait_result()).
 *
 * Each request is answered, in this order, by:
 *   1. the handler (am_test_server_set_handler) if it returns a response;
 *   2. the first response queued for a path prefix the request matches
 *      (am_test_server_queue_for_path);
 *   3. the first response of the general queue (am_test_server_queue and helpers);
 *   4. else 500 with an EC2 error "AmTestServerNoResponse" (so a test that forgot to queue
 *      a reply fails loudly).
 * With am_test_server_set_verify_sigv4(), a request whose SigV4 signature does not check
 * out is answered 403 SignatureDoesNotMatch without consuming a queued response.
 * Every request is recorded (method, path, query, headers, body, form parameters, arrival
 * time and the signature check) before it is answered.
 */

/* A canned reply. */
typedef struct _AmTestResponse AmTestResponse;

AmTestResponse *am_test_response_new             (guint           status,
                                                  const char     *content_type,
                                                  const char     *body);
void            am_test_response_free            (AmTestResponse *response);
void            am_test_response_add_header      (AmTestResponse *response,
                                                  const char     *name,
                                                  const char     *value);
/** am_test_response_set_delay_ms: answer only after @delay_ms (a "slow" reply). */
void            am_test_response_set_delay_ms    (AmTestResponse *response,
                                                  guint           delay_ms);
/** am_test_response_set_gzip: send the body gzip-compressed with Content-Encoding: gzip. */
void            am_test_response_set_gzip        (AmTestResponse *response,
                                                  gboolean        gzip);
/**
 * am_test_response_set_truncate_at:
 * Announce the whole body's Content-Length but send only @n_bytes of it, then close the
 * connection (a connection that breaks mid-body).
 */
void            am_test_response_set_truncate_at (AmTestResponse *response,
                                                  gsize           n_bytes);
/** am_test_response_set_date_offset: a Date header @offset_seconds away from now (clock skew). */
void            am_test_response_set_date_offset (AmTestResponse *response,
                                                  gint64          offset_seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmTestResponse, am_test_response_free)

/* A recorded request. */
typedef struct
{
  char               *method;
  char               *path;
  char               *query;        /* nullable, raw */
  SoupMessageHeaders *headers;
  GBytes             *body;
  GHashTable         *params;       /* form body (and query) name → value, decoded */
  gint64              time_us;      /* g_get_monotonic_time () at arrival */
  gboolean            signature_checked;
  gboolean            signature_valid;
} AmTestRequest;

const char *am_test_request_get_header (const AmTestRequest *request,
                                        const char          *name);
/** Returns: (nullable): a decoded form (or query) parameter */
const char *am_test_request_get_param  (const AmTestRequest *request,
                                        const char          *name);
/** Returns: the body as a NUL-terminated string (owned by @request) */
const char *am_test_request_get_body   (const AmTestRequest *request);

#define AM_TYPE_TEST_SERVER (am_test_server_get_type ())

G_DECLARE_FINAL_TYPE (AmTestServer, am_test_server, AM, TEST_SERVER, GObject)

/**
 * AmTestServerHandler:
 * Returns: (transfer full) (nullable): a response for @request, or %NULL to use the queues
 */
typedef AmTestResponse *(*AmTestServerHandler) (AmTestServer        *server,
                                                const AmTestRequest *request,
                                                gpointer             user_data);

AmTestServer        *am_test_server_new             (void);
/** am_test_server_new_tls: the same over HTTPS; the URL is "https://127.0.0.1:PORT/". */
AmTestServer        *am_test_server_new_tls         (GTlsCertificate     *certificate);
/**
 * am_test_make_tls_certificate:
 * Makes a certificate authority and a certificate it signed for 127.0.0.1 in @dir, with
 * /usr/bin/openssl.
 * @ca_file: (out): the authority's certificate (PEM), to trust in a client
 * Returns: (transfer full): the server's certificate with its key
 */
GTlsCertificate     *am_test_make_tls_certificate   (const char          *dir,
                                                     char               **ca_file);
/** Returns: "http://127.0.0.1:PORT/" */
const char          *am_test_server_get_url         (AmTestServer        *self);
guint                am_test_server_get_port        (AmTestServer        *self);

/** am_test_server_queue: answer a later request with @response (transfer full). */
void                 am_test_server_queue           (AmTestServer        *self,
                                                     AmTestResponse      *response);
/** am_test_server_queue_for_path: only for requests whose path starts with @path_prefix. */
void                 am_test_server_queue_for_path  (AmTestServer        *self,
                                                     const char          *path_prefix,
                                                     AmTestResponse      *response);
/** Queues @xml with "text/xml;charset=UTF-8". */
void                 am_test_server_queue_xml       (AmTestServer        *self,
                                                     guint                status,
                                                     const char          *xml);
/** Queues @json with "application/x-amz-json-1.1". */
void                 am_test_server_queue_json      (AmTestServer        *self,
                                                     guint                status,
                                                     const char          *json);
/** Queues an EC2 error document <Response><Errors><Error>…</Errors><RequestID>. */
void                 am_test_server_queue_ec2_error (AmTestServer        *self,
                                                     guint                status,
                                                     const char          *code,
                                                     const char          *message,
                                                     const char          *request_id);
/** Queues an STS error document <ErrorResponse><Error><Type>…</Error><RequestId>. */
void                 am_test_server_queue_sts_error (AmTestServer        *self,
                                                     guint                status,
                                                     const char          *code,
                                                     const char          *message,
                                                     const char          *request_id);
/** Queues a JSON 1.1 error {"__type": …, "message": …} with x-amzn-RequestId. */
void                 am_test_server_queue_json_error (AmTestServer       *self,
                                                      guint               status,
                                                      const char         *type,
                                                      const char         *message,
                                                      const char         *request_id);
guint                am_test_server_get_n_queued    (AmTestServer        *self);

void                 am_test_server_set_handler     (AmTestServer        *self,
                                                     AmTestServerHandler  handler,
                                                     gpointer             user_data,
                                                     GDestroyNotify       destroy);

/**
 * am_test_server_set_verify_sigv4:
 * @access_key_id: (nullable): %NULL turns verification off
 * Checks every request's SigV4 signature (any region and service) with this key pair.
 */
void                 am_test_server_set_verify_sigv4 (AmTestServer       *self,
                                                      const char         *access_key_id,
                                                      const char         *secret_access_key);

guint                am_test_server_get_n_requests  (AmTestServer        *self);
/** Returns: (transfer none): the @index-th request received (0 = first) */
const AmTestRequest *am_test_server_get_request     (AmTestServer        *self,
                                                     guint                index);
void                 am_test_server_clear_requests  (AmTestServer        *self);

/* Waiting for async results in tests. */

/**
 * am_test_result_cb:
 * A GAsyncReadyCallback that stores a ref of the result in *(GAsyncResult **) user_data.
 */
void                 am_test_result_cb              (GObject             *source,
                                                     GAsyncResult        *result,
                                                     gpointer             user_data);
/**
 * am_test_wait_result:
 * Iterates the thread-default main context until *@slot is set (by am_test_result_cb),
 * failing the test after 30 s.
 */
void                 am_test_wait_result            (GAsyncResult       **slot);
/** am_test_wait_ms: iterates the thread-default main context for @ms milliseconds. */
void                 am_test_wait_ms                (guint                ms);

G_END_DECLS
