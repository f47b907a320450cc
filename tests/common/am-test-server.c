/* am-test-server.c: a loopback SoupServer for tests: canned replies, faults, recorded requests
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-test-server"

#include "config.h"

#include <string.h>

#include "aws/am-sigv4.h"
#include "am-test-server.h"

struct _AmTestResponse
{
  guint   status;
  char   *content_type;
  GBytes *body;
  GPtrArray *headers;     /* name, value, name, value… */
  guint   delay_ms;
  gboolean gzip;
  gboolean truncate;
  gsize   truncate_at;
  gboolean has_date_offset;
  gint64  date_offset;
};

typedef struct
{
  char           *prefix;
  AmTestResponse *response;
} PathResponse;

typedef struct
{
  AmTestServer      *server;   /* borrowed */
  SoupServerMessage *msg;      /* owned */
  AmTestResponse    *response; /* owned */
  guint              source_id;
  gulong             finished_id;
  gboolean           gone;
} Delayed;

struct _AmTestServer
{
  GObject parent_instance;

  /* owned */
  SoupServer     *server;
  char           *url;
  GQueue          queue;        /* AmTestResponse* */
  GQueue          path_queue;   /* PathResponse* */
  GPtrArray      *requests;     /* AmTestRequest* */
  GPtrArray      *delayed;      /* Delayed* */
  char           *verify_key_id;
  char           *verify_secret;
  AmTestServerHandler handler;
  gpointer        handler_data;
  GDestroyNotify  handler_destroy;

  /* state */
  guint           port;
};

G_DEFINE_FINAL_TYPE (AmTestServer, am_test_server, G_TYPE_OBJECT)

/* Responses */

AmTestResponse *
am_test_response_new (guint       status,
                      const char *content_type,
                      const char *body)
{
  AmTestResponse *response = g_new0 (AmTestResponse, 1);

  response->status = status;
  response->content_type = g_strdup (content_type);
  response->body = g_bytes_new (body != NULL ? body : "", body != NULL ? strlen (body) : 0);
  response->headers = g_ptr_array_new_with_free_func (g_free);
  return response;
}

void
am_test_response_free (AmTestResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->content_type);
  g_bytes_unref (response->body);
  g_ptr_array_unref (response->headers);
  g_free (response);
}

void
am_test_response_add_header (AmTestResponse *response,
                             const char     *name,
                             const char     *value)
{
  g_ptr_array_add (response->headers, g_strdup (name));
  g_ptr_array_add (response->headers, g_strdup (value));
}

void
am_test_response_set_delay_ms (AmTestResponse *response,
                               guint           delay_ms)
{
  response->delay_ms = delay_ms;
}

void
am_test_response_set_gzip (AmTestResponse *response,
                           gboolean        gzip)
{
  response->gzip = gzip;
}

void
am_test_response_set_truncate_at (AmTestResponse *response,
                                  gsize           n_bytes)
{
  response->truncate = TRUE;
  response->truncate_at = n_bytes;
}

void
am_test_response_set_date_offset (AmTestResponse *response,
                                  gint64          offset_seconds)
{
  response->has_date_offset = TRUE;
  response->date_offset = offset_seconds;
}

/* Requests */

static void
am_test_request_free (gpointer data)
{
  AmTestRequest *request = data;

  g_free (request->method);
  g_free (request->path);
  g_free (request->query);
  g_clear_pointer (&request->headers, soup_message_headers_unref);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_clear_pointer (&request->params, g_hash_table_unref);
  g_free (request);
}

const char *
am_test_request_get_header (const AmTestRequest *request,
                            const char          *name)
{
  g_return_val_if_fail (request != NULL, NULL);
  return soup_message_headers_get_one (request->headers, name);
}

const char *
am_test_request_get_param (const AmTestRequest *request,
                           const char          *name)
{
  g_return_val_if_fail (request != NULL, NULL);
  return g_hash_table_lookup (request->params, name);
}

const char *
am_test_request_get_body (const AmTestRequest *request)
{
  g_return_val_if_fail (request != NULL, NULL);
  /* The body is stored with a trailing NUL that is not part of its size. */
  return g_bytes_get_data (request->body, NULL);
}

/* Server */

static GBytes *
gzip_bytes (GBytes *input)
{
  g_autoptr (GZlibCompressor) compressor = NULL;
  g_autoptr (GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr (GOutputStream) converter = NULL;
  g_autoptr (GError) error = NULL;
  gsize written = 0;

  compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  converter = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_output_stream_write_all (converter, g_bytes_get_data (input, NULL), g_bytes_get_size (input),
                             &written, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (converter, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static char *
format_http_date (gint64 offset_seconds)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) when = g_date_time_add_seconds (now, (gdouble) offset_seconds);

  return soup_date_time_to_string (when, SOUP_DATE_HTTP);
}

/* A connection that breaks mid-body: headers announce the whole body, part of it is sent,
 * then the socket closes. */
static void
send_truncated (SoupServerMessage *msg,
                AmTestResponse    *response)
{
  g_autoptr (GIOStream) stream = soup_server_message_steal_connection (msg);
  g_autoptr (GString) head = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  GOutputStream *out;
  gsize body_len = g_bytes_get_size (response->body);
  gsize sent_len = MIN (response->truncate_at, body_len);

  g_string_append_printf (head, "HTTP/1.1 %u %s\r\n", response->status,
                          soup_status_get_phrase (response->status));
  if (response->content_type != NULL)
    g_string_append_printf (head, "Content-Type: %s\r\n", response->content_type);
  for (guint i = 0; i + 1 < response->headers->len; i += 2)
    g_string_append_printf (head, "%s: %s\r\n", (char *) g_ptr_array_index (response->headers, i),
                            (char *) g_ptr_array_index (response->headers, i + 1));
  g_string_append_printf (head, "Content-Length: %" G_GSIZE_FORMAT "\r\n", body_len);
  g_string_append (head, "Connection: close\r\n\r\n");

  out = g_io_stream_get_output_stream (stream);
  g_output_stream_write_all (out, head->str, head->len, NULL, NULL, &error);
  if (error == NULL)
    g_output_stream_write_all (out, g_bytes_get_data (response->body, NULL), sent_len, NULL, NULL,
                               &error);
  if (error != NULL)
    g_debug ("Truncated reply not fully written: %s", error->message);
  g_io_stream_close (stream, NULL, NULL);
}

static void
apply_response (SoupServerMessage *msg,
                AmTestResponse    *response)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autoptr (GBytes) body = NULL;

  soup_server_message_set_status (msg, response->status, NULL);
  for (guint i = 0; i + 1 < response->headers->len; i += 2)
    soup_message_headers_replace (headers, g_ptr_array_index (response->headers, i),
                                  g_ptr_array_index (response->headers, i + 1));
  if (response->has_date_offset)
    {
      g_autofree char *date = format_http_date (response->date_offset);

      soup_message_headers_replace (headers, "Date", date);
    }

  if (response->gzip)
    {
      body = gzip_bytes (response->body);
      soup_message_headers_replace (headers, "Content-Encoding", "gzip");
    }
  else
    body = g_bytes_ref (response->body);

  if (response->content_type != NULL)
    soup_message_headers_replace (headers, "Content-Type", response->content_type);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), body);
}

static void
delayed_free (gpointer data)
{
  Delayed *delayed = data;

  g_clear_handle_id (&delayed->source_id, g_source_remove);
  g_clear_signal_handler (&delayed->finished_id, delayed->msg);
  g_clear_object (&delayed->msg);
  am_test_response_free (delayed->response);
  g_free (delayed);
}

static gboolean
on_delay_done (gpointer user_data)
{
  Delayed *delayed = user_data;
  AmTestServer *self = delayed->server;

  delayed->source_id = 0;
  if (!delayed->gone)
    {
      if (delayed->response->truncate)
        {
          soup_server_message_unpause (delayed->msg);
          send_truncated (delayed->msg, delayed->response);
        }
      else
        {
          apply_response (delayed->msg, delayed->response);
          soup_server_message_unpause (delayed->msg);
        }
    }
  g_ptr_array_remove (self->delayed, delayed);
  return G_SOURCE_REMOVE;
}

static void
on_delayed_finished (SoupServerMessage *msg,
                     gpointer           user_data)
{
  Delayed *delayed = user_data;

  delayed->gone = TRUE;
}

static gboolean
verify_signature (AmTestServer      *self,
                  SoupServerMessage *msg,
                  GBytes            *body)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  const char *amz_date = soup_message_headers_get_one (headers, "X-Amz-Date");
  g_auto (AmSigv4Authorization) auth = { 0 };
  g_auto (AmSigv4Result) result = { 0 };
  g_autoptr (AmSigv4Request) request = NULL;
  GUri *uri = soup_server_message_get_uri (msg);

  if (authorization == NULL || amz_date == NULL)
    return FALSE;
  if (!am_sigv4_parse_authorization (authorization, &auth, NULL))
    return FALSE;
  if (g_strcmp0 (auth.access_key_id, self->verify_key_id) != 0)
    return FALSE;

  request = am_sigv4_request_new (soup_server_message_get_method (msg), g_uri_get_path (uri),
                                  g_uri_get_query (uri));
  for (guint i = 0; auth.signed_headers[i] != NULL; i++)
    {
      const char *name = auth.signed_headers[i];
      const char *joined = soup_message_headers_get_list (headers, name);

      if (joined == NULL)
        return FALSE;
      am_sigv4_request_add_header (request, name, joined);
    }
  am_sigv4_request_set_payload (request, g_bytes_get_data (body, NULL), g_bytes_get_size (body));

  if (!am_sigv4_sign (request, auth.access_key_id, self->verify_secret, auth.region, auth.service,
                      amz_date, &result, NULL))
    return FALSE;

  return am_sigv4_signatures_equal (result.signature, auth.signature);
}

static AmTestRequest *
record_request (AmTestServer      *self,
                SoupServerMessage *msg)
{
  AmTestRequest *request = g_new0 (AmTestRequest, 1);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  g_autoptr (GBytes) flat = soup_message_body_flatten (body);
  const char *content_type;
  g_autofree char *body_text = NULL;

  request->time_us = g_get_monotonic_time ();
  request->method = g_strdup (soup_server_message_get_method (msg));
  request->path = g_strdup (g_uri_get_path (uri));
  request->query = g_strdup (g_uri_get_query (uri));
  request->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  {
    SoupMessageHeadersIter iter;
    const char *name, *value;

    soup_message_headers_iter_init (&iter, soup_server_message_get_request_headers (msg));
    while (soup_message_headers_iter_next (&iter, &name, &value))
      soup_message_headers_append (request->headers, name, value);
  }

  body_text = g_strndup (g_bytes_get_data (flat, NULL), g_bytes_get_size (flat));
  request->body = g_bytes_new_with_free_func (body_text, g_bytes_get_size (flat), g_free,
                                              body_text);
  body_text = NULL;

  request->params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (request->query != NULL)
    {
      g_autoptr (GHashTable) query = soup_form_decode (request->query);
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, query);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_replace (request->params, g_strdup (key), g_strdup (value));
    }
  content_type = soup_message_headers_get_content_type (
    soup_server_message_get_request_headers (msg), NULL);
  if (g_strcmp0 (content_type, "application/x-www-form-urlencoded") == 0)
    {
      g_autoptr (GHashTable) form = soup_form_decode (am_test_request_get_body (request));
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, form);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_replace (request->params, g_strdup (key), g_strdup (value));
    }

  if (self->verify_key_id != NULL)
    {
      request->signature_checked = TRUE;
      request->signature_valid = verify_signature (self, msg, request->body);
    }

  return request;
}

static AmTestResponse *
ec2_error_response (guint       status,
                    const char *code,
                    const char *message,
                    const char *request_id)
{
  g_autoptr (GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<Response><Errors><Error><Code>");
  g_autofree char *code_e = g_markup_escape_text (code, -1);
  g_autofree char *message_e = g_markup_escape_text (message != NULL ? message : "", -1);
  g_autofree char *id_e = g_markup_escape_text (request_id != NULL ? request_id : "", -1);

  g_string_append_printf (xml, "%s</Code><Message>%s</Message></Error></Errors>"
                          "<RequestID>%s</RequestID></Response>", code_e, message_e, id_e);
  return am_test_response_new (status, "text/xml;charset=UTF-8", xml->str);
}

static AmTestResponse *
take_response (AmTestServer        *self,
               const AmTestRequest *request)
{
  AmTestResponse *response = NULL;

  if (self->handler != NULL)
    {
      response = self->handler (self, request, self->handler_data);
      if (response != NULL)
        return response;
    }

  for (GList *l = self->path_queue.head; l != NULL; l = l->next)
    {
      PathResponse *entry = l->data;

      if (g_str_has_prefix (request->path, entry->prefix))
        {
          response = entry->response;
          g_queue_delete_link (&self->path_queue, l);
          g_free (entry->prefix);
          g_free (entry);
          return response;
        }
    }

  response = g_queue_pop_head (&self->queue);
  if (response != NULL)
    return response;

  return ec2_error_response (500, "AmTestServerNoResponse",
                             "The test server had no response queued for this request",
                             "test-no-response");
}

static void
server_callback (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  AmTestServer *self = user_data;
  AmTestRequest *request = record_request (self, msg);
  AmTestResponse *response;

  g_ptr_array_add (self->requests, request);

  if (request->signature_checked && !request->signature_valid)
    response = ec2_error_response (403, "SignatureDoesNotMatch",
                                   "The request signature we calculated does not match the "
                                   "signature you provided.",
                                   "test-bad-signature");
  else
    response = take_response (self, request);

  if (response->delay_ms > 0)
    {
      Delayed *delayed = g_new0 (Delayed, 1);

      delayed->server = self;
      delayed->msg = g_object_ref (msg);
      delayed->response = response;
      delayed->finished_id = g_signal_connect (msg, "finished", G_CALLBACK (on_delayed_finished),
                                               delayed);
      delayed->source_id = g_timeout_add (response->delay_ms, on_delay_done, delayed);
      g_ptr_array_add (self->delayed, delayed);
      soup_server_message_pause (msg);
      return;
    }

  if (response->truncate)
    send_truncated (msg, response);
  else
    apply_response (msg, response);
  am_test_response_free (response);
}

static void
path_response_free (gpointer data)
{
  PathResponse *entry = data;

  g_free (entry->prefix);
  am_test_response_free (entry->response);
  g_free (entry);
}

static void
am_test_server_dispose (GObject *object)
{
  AmTestServer *self = (AmTestServer *) object;

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_pointer (&self->delayed, g_ptr_array_unref);
  g_clear_object (&self->server);
  g_queue_clear_full (&self->queue, (GDestroyNotify) am_test_response_free);
  g_queue_clear_full (&self->path_queue, path_response_free);
  if (self->handler_destroy != NULL)
    g_clear_pointer (&self->handler_data, self->handler_destroy);
  self->handler = NULL;

  G_OBJECT_CLASS (am_test_server_parent_class)->dispose (object);
}

static void
am_test_server_finalize (GObject *object)
{
  AmTestServer *self = (AmTestServer *) object;

  g_clear_pointer (&self->requests, g_ptr_array_unref);
  g_free (self->url);
  g_free (self->verify_key_id);
  g_free (self->verify_secret);

  G_OBJECT_CLASS (am_test_server_parent_class)->finalize (object);
}

static void
am_test_server_class_init (AmTestServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_test_server_dispose;
  object_class->finalize = am_test_server_finalize;
}

static void
am_test_server_init (AmTestServer *self)
{
  g_queue_init (&self->queue);
  g_queue_init (&self->path_queue);
  self->requests = g_ptr_array_new_with_free_func (am_test_request_free);
  self->delayed = g_ptr_array_new_with_free_func (delayed_free);
}

static AmTestServer *
test_server_new (GTlsCertificate *certificate)
{
  AmTestServer *self = g_object_new (AM_TYPE_TEST_SERVER, NULL);
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GError) error = NULL;
  GSList *uris;

  self->server = soup_server_new ("server-header", "AmTestServer",
                                  "tls-certificate", certificate, NULL);
  soup_server_add_handler (self->server, NULL, server_callback, self, NULL);
  soup_server_listen (self->server, address,
                      certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  self->port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  self->url = g_strdup_printf ("%s://127.0.0.1:%u/", certificate != NULL ? "https" : "http",
                               self->port);

  return self;
}

AmTestServer *
am_test_server_new (void)
{
  return test_server_new (NULL);
}

AmTestServer *
am_test_server_new_tls (GTlsCertificate *certificate)
{
  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);
  return test_server_new (certificate);
}

static void
run_openssl (const char  *dir,
             const char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *err_text = NULL;
  int status = 0;

  g_spawn_sync (dir, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                &err_text, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s %s failed: %s", argv[0], argv[1], err_text);
}

GTlsCertificate *
am_test_make_tls_certificate (const char  *dir,
                              char       **ca_file)
{
  const char *make_ca[] = {
    "/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
    "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
    "-days", "2", "-subj", "/CN=Amiable Test CA",
    "-addext", "basicConstraints=critical,CA:TRUE",
    "-addext", "keyUsage=critical,keyCertSign,cRLSign", NULL,
  };
  const char *make_request[] = {
    "/usr/bin/openssl", "req", "-new", "-newkey", "ec", "-pkeyopt",
    "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "server.key", "-out", "server.csr",
    "-subj", "/CN=127.0.0.1", NULL,
  };
  const char *sign[] = {
    "/usr/bin/openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey",
    "ca.key", "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "server.ext",
    NULL,
  };
  g_autofree char *ext = g_build_filename (dir, "server.ext", NULL);
  g_autofree char *cert_file = g_build_filename (dir, "server.pem", NULL);
  g_autofree char *key_file = g_build_filename (dir, "server.key", NULL);
  g_autoptr (GError) error = NULL;
  GTlsCertificate *certificate;

  g_file_set_contents (ext, "subjectAltName = IP:127.0.0.1\n"
                            "basicConstraints = CA:FALSE\n"
                            "extendedKeyUsage = serverAuth\n", -1, &error);
  g_assert_no_error (error);
  run_openssl (dir, make_ca);
  run_openssl (dir, make_request);
  run_openssl (dir, sign);

  certificate = g_tls_certificate_new_from_files (cert_file, key_file, &error);
  g_assert_no_error (error);
  *ca_file = g_build_filename (dir, "ca.pem", NULL);
  return certificate;
}

const char *
am_test_server_get_url (AmTestServer *self)
{
  g_return_val_if_fail (AM_IS_TEST_SERVER (self), NULL);
  return self->url;
}

guint
am_test_server_get_port (AmTestServer *self)
{
  g_return_val_if_fail (AM_IS_TEST_SERVER (self), 0);
  return self->port;
}

void
am_test_server_queue (AmTestServer   *self,
                      AmTestResponse *response)
{
  g_return_if_fail (AM_IS_TEST_SERVER (self));
  g_return_if_fail (response != NULL);
  g_queue_push_tail (&self->queue, response);
}

void
am_test_server_queue_for_path (AmTestServer   *self,
                               const char     *path_prefix,
                               AmTestResponse *response)
{
  PathResponse *entry;

  g_return_if_fail (AM_IS_TEST_SERVER (self));
  g_return_if_fail (path_prefix != NULL);
  g_return_if_fail (response != NULL);

  entry = g_new0 (PathResponse, 1);
  entry->prefix = g_strdup (path_prefix);
  entry->response = response;
  g_queue_push_tail (&self->path_queue, entry);
}

void
am_test_server_queue_xml (AmTestServer *self,
                          guint         status,
                          const char   *xml)
{
  am_test_server_queue (self, am_test_response_new (status, "text/xml;charset=UTF-8", xml));
}

void
am_test_server_queue_json (AmTestServer *self,
                           guint         status,
                           const char   *json)
{
  am_test_server_queue (self, am_test_response_new (status, "application/x-amz-json-1.1", json));
}

void
am_test_server_queue_ec2_error (AmTestServer *self,
                                guint         status,
                                const char   *code,
                                const char   *message,
                                const char   *request_id)
{
  am_test_server_queue (self, ec2_error_response (status, code, message, request_id));
}

void
am_test_server_queue_sts_error (AmTestServer *self,
                                guint         status,
                                const char   *code,
                                const char   *message,
                                const char   *request_id)
{
  g_autoptr (GString) xml = g_string_new ("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/"
                                          "2011-06-15/\"><Error><Type>");
  g_autofree char *code_e = g_markup_escape_text (code, -1);
  g_autofree char *message_e = g_markup_escape_text (message != NULL ? message : "", -1);
  g_autofree char *id_e = g_markup_escape_text (request_id != NULL ? request_id : "", -1);

  g_string_append_printf (xml, "%s</Type><Code>%s</Code><Message>%s</Message></Error>"
                          "<RequestId>%s</RequestId></ErrorResponse>",
                          status >= 500 ? "Receiver" : "Sender", code_e, message_e, id_e);
  am_test_server_queue (self, am_test_response_new (status, "text/xml", xml->str));
}

void
am_test_server_queue_json_error (AmTestServer *self,
                                 guint         status,
                                 const char   *type,
                                 const char   *message,
                                 const char   *request_id)
{
  AmTestResponse *response;
  g_autoptr (GString) out = g_string_new ("{\"__type\":\"");

  /* Built by hand: the values are test constants without quotes or backslashes. */
  g_string_append (out, type);
  g_string_append (out, "\",\"message\":\"");
  g_string_append (out, message != NULL ? message : "");
  g_string_append (out, "\"}");
  response = am_test_response_new (status, "application/x-amz-json-1.1", out->str);
  if (request_id != NULL)
    am_test_response_add_header (response, "x-amzn-RequestId", request_id);
  am_test_server_queue (self, response);
}

guint
am_test_server_get_n_queued (AmTestServer *self)
{
  g_return_val_if_fail (AM_IS_TEST_SERVER (self), 0);
  return g_queue_get_length (&self->queue) + g_queue_get_length (&self->path_queue);
}

void
am_test_server_set_handler (AmTestServer        *self,
                            AmTestServerHandler  handler,
                            gpointer             user_data,
                            GDestroyNotify       destroy)
{
  g_return_if_fail (AM_IS_TEST_SERVER (self));

  if (self->handler_destroy != NULL)
    g_clear_pointer (&self->handler_data, self->handler_destroy);
  self->handler = handler;
  self->handler_data = user_data;
  self->handler_destroy = destroy;
}

void
am_test_server_set_verify_sigv4 (AmTestServer *self,
                                 const char   *access_key_id,
                                 const char   *secret_access_key)
{
  g_return_if_fail (AM_IS_TEST_SERVER (self));

  g_free (self->verify_key_id);
  g_free (self->verify_secret);
  self->verify_key_id = g_strdup (access_key_id);
  self->verify_secret = access_key_id != NULL ? g_strdup (secret_access_key) : NULL;
}

guint
am_test_server_get_n_requests (AmTestServer *self)
{
  g_return_val_if_fail (AM_IS_TEST_SERVER (self), 0);
  return self->requests->len;
}

const AmTestRequest *
am_test_server_get_request (AmTestServer *self,
                            guint         index)
{
  g_return_val_if_fail (AM_IS_TEST_SERVER (self), NULL);
  g_return_val_if_fail (index < self->requests->len, NULL);
  return g_ptr_array_index (self->requests, index);
}

void
am_test_server_clear_requests (AmTestServer *self)
{
  g_return_if_fail (AM_IS_TEST_SERVER (self));
  g_ptr_array_set_size (self->requests, 0);
}

/* Waiting */

void
am_test_result_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static gboolean
on_wait_timeout (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
am_test_wait_result (GAsyncResult **slot)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, on_wait_timeout, &timed_out);

  while (*slot == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("An asynchronous operation did not finish within 30 s");
  g_source_remove (id);
}

void
am_test_wait_ms (guint ms)
{
  gboolean timed_out = FALSE;

  g_timeout_add (ms, on_wait_timeout, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}
