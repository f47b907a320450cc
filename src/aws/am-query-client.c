/* am-query-client.c: the AWS Query protocol client (form-encoded POST, XML answers)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-query-client"

#include "config.h"

#include <string.h>

#include "am-aws-error.h"
#include "am-aws-transport-private.h"
#include "am-query-client.h"
#include "am-xml-reader.h"

#define FORM_CONTENT_TYPE "application/x-www-form-urlencoded; charset=utf-8"

struct _AmQueryClient
{
  GObject parent_instance;

  /* owned */
  AmAwsTransport *transport;

  /* state */
  AmQueryIdempotentFunc is_idempotent;
};

enum {
  PROP_0,
  PROP_MAX_ATTEMPTS,
  PROP_TIMEOUT_MS,
  PROP_BACKOFF_BASE_MS,
  PROP_JITTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AmQueryClient, am_query_client, G_TYPE_OBJECT)

/* Error documents: EC2 <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/>
 * and STS <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>. */

typedef struct
{
  char     *code;
  char     *message;
  char     *request_id;
  gboolean  seen_error;
} ErrorDoc;

static gboolean
error_fields_text (AmXmlReader *reader,
                   const char  *element,
                   const char  *text,
                   gsize        text_len,
                   gpointer     user_data,
                   GError     **error)
{
  ErrorDoc *doc = user_data;

  if (strcmp (element, "Code") == 0 && doc->code == NULL)
    doc->code = g_strstrip (g_strdup (text));
  else if (strcmp (element, "Message") == 0 && doc->message == NULL)
    doc->message = g_strstrip (g_strdup (text));
  return TRUE;
}

static gboolean
error_fields_start (AmXmlReader *reader,
                    const char  *element,
                    gpointer     user_data,
                    GError     **error)
{
  return TRUE;
}

static gboolean
error_fields_end (AmXmlReader *reader,
                  gpointer     user_data,
                  GError     **error)
{
  ErrorDoc *doc = user_data;

  doc->seen_error = TRUE;
  return TRUE;
}

static const AmXmlHandler error_fields_handler = {
  error_fields_start, error_fields_text, error_fields_end
};

static gboolean
errors_start (AmXmlReader *reader,
              const char  *element,
              gpointer     user_data,
              GError     **error)
{
  ErrorDoc *doc = user_data;

  if (strcmp (element, "Error") == 0 && !doc->seen_error)
    am_xml_reader_push (reader, &error_fields_handler, doc);
  return TRUE;
}

static const AmXmlHandler errors_handler = { errors_start, NULL, NULL };

static gboolean
error_root_start (AmXmlReader *reader,
                  const char  *element,
                  gpointer     user_data,
                  GError     **error)
{
  ErrorDoc *doc = user_data;

  if (strcmp (element, "Errors") == 0)
    am_xml_reader_push (reader, &errors_handler, doc);
  else if (strcmp (element, "Error") == 0 && !doc->seen_error)
    am_xml_reader_push (reader, &error_fields_handler, doc);
  return TRUE;
}

static gboolean
error_root_text (AmXmlReader *reader,
                 const char  *element,
                 const char  *text,
                 gsize        text_len,
                 gpointer     user_data,
                 GError     **error)
{
  ErrorDoc *doc = user_data;

  if ((strcmp (element, "RequestID") == 0 || strcmp (element, "RequestId") == 0)
      && doc->request_id == NULL)
    doc->request_id = g_strstrip (g_strdup (text));
  return TRUE;
}

static const AmXmlHandler error_root_handler = { error_root_start, error_root_text, NULL };

static gboolean
error_document_start (AmXmlReader *reader,
                      const char  *element,
                      gpointer     user_data,
                      GError     **error)
{
  am_xml_reader_push (reader, &error_root_handler, user_data);
  return TRUE;
}

static const AmXmlHandler error_document_handler = { error_document_start, NULL, NULL };

static void
parse_query_error (GBytes  *body,
                   char   **code,
                   char   **message,
                   char   **request_id)
{
  ErrorDoc doc = { 0 };
  g_autoptr (GError) error = NULL;

  if (!am_xml_parse (&error_document_handler, &doc, g_bytes_get_data (body, NULL),
                     (gssize) g_bytes_get_size (body), &error))
    {
      g_debug ("The error answer is not an AWS error document: %s", error->message);
      g_free (doc.code);
      g_free (doc.message);
      g_free (doc.request_id);
      return;
    }

  *code = doc.code != NULL && *doc.code != '\0' ? doc.code : (g_free (doc.code), NULL);
  *message = doc.message;
  *request_id = doc.request_id;
}

/* GObject */

static void
am_query_client_finalize (GObject *object)
{
  AmQueryClient *self = (AmQueryClient *) object;

  g_clear_pointer (&self->transport, _am_aws_transport_unref);

  G_OBJECT_CLASS (am_query_client_parent_class)->finalize (object);
}

static void
am_query_client_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AmQueryClient *self = AM_QUERY_CLIENT (object);

  switch (prop_id)
    {
    case PROP_MAX_ATTEMPTS:
      g_value_set_uint (value, _am_aws_transport_get_max_attempts (self->transport));
      break;
    case PROP_TIMEOUT_MS:
      g_value_set_uint (value, _am_aws_transport_get_timeout_ms (self->transport));
      break;
    case PROP_BACKOFF_BASE_MS:
      g_value_set_uint (value, _am_aws_transport_get_backoff_base_ms (self->transport));
      break;
    case PROP_JITTER:
      g_value_set_boolean (value, _am_aws_transport_get_jitter (self->transport));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_query_client_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AmQueryClient *self = AM_QUERY_CLIENT (object);

  switch (prop_id)
    {
    case PROP_MAX_ATTEMPTS:
      am_query_client_set_max_attempts (self, g_value_get_uint (value));
      break;
    case PROP_TIMEOUT_MS:
      am_query_client_set_timeout_ms (self, g_value_get_uint (value));
      break;
    case PROP_BACKOFF_BASE_MS:
      am_query_client_set_backoff_base_ms (self, g_value_get_uint (value));
      break;
    case PROP_JITTER:
      am_query_client_set_jitter (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_query_client_class_init (AmQueryClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_query_client_finalize;
  object_class->get_property = am_query_client_get_property;
  object_class->set_property = am_query_client_set_property;

  properties[PROP_MAX_ATTEMPTS] =
    g_param_spec_uint ("max-attempts", NULL, NULL, 1, 100, 3,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEOUT_MS] =
    g_param_spec_uint ("timeout-ms", NULL, NULL, 0, G_MAXUINT, 60000,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BACKOFF_BASE_MS] =
    g_param_spec_uint ("backoff-base-ms", NULL, NULL, 0, 20000, 1000,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JITTER] =
    g_param_spec_boolean ("jitter", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
am_query_client_init (AmQueryClient *self)
{
}

AmQueryClient *
am_query_client_new (AmCredentialsProvider *credentials,
                     const char            *service,
                     const char            *region,
                     const char            *endpoint_url,
                     GError               **error)
{
  AmQueryClient *self;
  AmAwsTransport *transport;

  g_return_val_if_fail (AM_IS_CREDENTIALS_PROVIDER (credentials), NULL);
  g_return_val_if_fail (service != NULL && *service != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  transport = _am_aws_transport_new (credentials, service, NULL, region, endpoint_url, error);
  if (transport == NULL)
    return NULL;

  self = g_object_new (AM_TYPE_QUERY_CLIENT, NULL);
  self->transport = transport;
  return self;
}

const char *
am_query_client_get_service (AmQueryClient *self)
{
  g_return_val_if_fail (AM_IS_QUERY_CLIENT (self), NULL);
  return _am_aws_transport_get_service (self->transport);
}

const char *
am_query_client_get_region (AmQueryClient *self)
{
  g_return_val_if_fail (AM_IS_QUERY_CLIENT (self), NULL);
  return _am_aws_transport_get_region (self->transport);
}

char *
am_query_client_dup_endpoint (AmQueryClient *self)
{
  g_return_val_if_fail (AM_IS_QUERY_CLIENT (self), NULL);
  return g_uri_to_string (_am_aws_transport_get_endpoint (self->transport));
}

AmCredentialsProvider *
am_query_client_get_credentials (AmQueryClient *self)
{
  g_return_val_if_fail (AM_IS_QUERY_CLIENT (self), NULL);
  return _am_aws_transport_get_credentials (self->transport);
}

void
am_query_client_set_session (AmQueryClient *self,
                             SoupSession   *session)
{
  g_return_if_fail (AM_IS_QUERY_CLIENT (self));
  g_return_if_fail (SOUP_IS_SESSION (session));
  _am_aws_transport_set_session (self->transport, session);
}

SoupSession *
am_query_client_get_session (AmQueryClient *self)
{
  g_return_val_if_fail (AM_IS_QUERY_CLIENT (self), NULL);
  return _am_aws_transport_get_session (self->transport);
}

void
am_query_client_set_max_attempts (AmQueryClient *self,
                                  guint          max_attempts)
{
  g_return_if_fail (AM_IS_QUERY_CLIENT (self));
  g_return_if_fail (max_attempts >= 1);

  if (_am_aws_transport_get_max_attempts (self->transport) == max_attempts)
    return;
  _am_aws_transport_set_max_attempts (self->transport, max_attempts);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_ATTEMPTS]);
}

guint
am_query_client_get_max_attempts (AmQueryClient *self)
{
  g_return_val_if_fail (AM_IS_QUERY_CLIENT (self), 0);
  return _am_aws_transport_get_max_attempts (self->transport);
}

void
am_query_client_set_timeout_ms (AmQueryClient *self,
                                guint          timeout_ms)
{
  g_return_if_fail (AM_IS_QUERY_CLIENT (self));

  if (_am_aws_transport_get_timeout_ms (self->transport) == timeout_ms)
    return;
  _am_aws_transport_set_timeout_ms (self->transport, timeout_ms);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT_MS]);
}

void
am_query_client_set_backoff_base_ms (AmQueryClient *self,
                                     guint          base_ms)
{
  g_return_if_fail (AM_IS_QUERY_CLIENT (self));

  if (_am_aws_transport_get_backoff_base_ms (self->transport) == base_ms)
    return;
  _am_aws_transport_set_backoff_base_ms (self->transport, base_ms);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKOFF_BASE_MS]);
}

void
am_query_client_set_jitter (AmQueryClient *self,
                            gboolean       jitter)
{
  g_return_if_fail (AM_IS_QUERY_CLIENT (self));

  if (_am_aws_transport_get_jitter (self->transport) == !!jitter)
    return;
  _am_aws_transport_set_jitter (self->transport, jitter);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JITTER]);
}

GTimeSpan
am_query_client_get_clock_offset (AmQueryClient *self)
{
  g_return_val_if_fail (AM_IS_QUERY_CLIENT (self), 0);
  return _am_aws_transport_get_clock_offset (self->transport);
}

void
am_query_client_set_idempotent_func (AmQueryClient         *self,
                                     AmQueryIdempotentFunc  func)
{
  g_return_if_fail (AM_IS_QUERY_CLIENT (self));
  self->is_idempotent = func;
}

AmQueryIdempotentFunc
am_query_client_get_idempotent_func (AmQueryClient *self)
{
  g_return_val_if_fail (AM_IS_QUERY_CLIENT (self), NULL);
  return self->is_idempotent;
}

/* Calls */

static void
send_params (AmQueryClient       *self,
             const AmQueryParams *params,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autofree char *form = am_query_params_encode (params);
  gsize form_len = strlen (form);
  g_autoptr (GBytes) body = g_bytes_new_take (g_steal_pointer (&form), form_len);
  const char *action = am_query_params_get_action (params);
  AmAwsTransportRequest request = {
    .method = "POST",
    .content_type = FORM_CONTENT_TYPE,
    .body = body,
    .operation = action,
    .parse_error = parse_query_error,
    /* A listing page may be large (1000 images); any other answer is small. */
    .max_body = g_str_has_prefix (action, "Describe") ? AM_AWS_MAX_BODY_LISTING
                                                      : AM_AWS_MAX_BODY_SINGLE,
    .not_idempotent = self->is_idempotent != NULL && !self->is_idempotent (params),
  };

  _am_aws_transport_send_async (self->transport, &request, cancellable, callback, user_data);
}

static void
on_call_sent (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;
  GBytes *body;

  body = _am_aws_transport_send_finish (result, &error);
  if (body == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, body, (GDestroyNotify) g_bytes_unref);
}

void
am_query_client_call_async (AmQueryClient       *self,
                            const AmQueryParams *params,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (AM_IS_QUERY_CLIENT (self));
  g_return_if_fail (params != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_query_client_call_async);

  send_params (self, params, cancellable, on_call_sent, g_steal_pointer (&task));
}

GBytes *
am_query_client_call_finish (AmQueryClient *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (AM_IS_QUERY_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_query_client_call_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* nextToken */

typedef struct
{
  char *next_token;
} TokenDoc;

static gboolean
token_root_start (AmXmlReader *reader,
                  const char  *element,
                  gpointer     user_data,
                  GError     **error)
{
  /* Only leaves directly under the root matter; deeper elements are skipped by not
   * treating them as leaves we care about. */
  return TRUE;
}

static gboolean
token_root_text (AmXmlReader *reader,
                 const char  *element,
                 const char  *text,
                 gsize        text_len,
                 gpointer     user_data,
                 GError     **error)
{
  TokenDoc *doc = user_data;

  if (strcmp (element, "nextToken") == 0 || strcmp (element, "NextToken") == 0)
    {
      g_free (doc->next_token);
      doc->next_token = g_strstrip (g_strdup (text));
    }
  return TRUE;
}

static const AmXmlHandler token_root_handler = { token_root_start, token_root_text, NULL };

static gboolean
token_document_start (AmXmlReader *reader,
                      const char  *element,
                      gpointer     user_data,
                      GError     **error)
{
  am_xml_reader_push (reader, &token_root_handler, user_data);
  return TRUE;
}

static const AmXmlHandler token_document_handler = { token_document_start, NULL, NULL };

gboolean
am_query_find_next_token (GBytes  *page,
                          char   **next_token,
                          GError **error)
{
  TokenDoc doc = { NULL };

  g_return_val_if_fail (page != NULL, FALSE);
  g_return_val_if_fail (next_token != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *next_token = NULL;
  if (!am_xml_parse (&token_document_handler, &doc, g_bytes_get_data (page, NULL),
                     (gssize) g_bytes_get_size (page), error))
    {
      g_free (doc.next_token);
      return FALSE;
    }

  if (doc.next_token != NULL && *doc.next_token == '\0')
    g_clear_pointer (&doc.next_token, g_free);
  *next_token = doc.next_token;
  return TRUE;
}

/* Pagination */

typedef struct
{
  AmQueryParams  *params;
  AmQueryPageFunc page_func;
  gpointer        page_data;
  GDestroyNotify  page_data_destroy;
  guint           n_pages;
  GHashTable     *seen_tokens;
} PaginateData;

static void
paginate_data_free (gpointer user_data)
{
  PaginateData *data = user_data;

  am_query_params_free (data->params);
  if (data->page_data_destroy != NULL)
    data->page_data_destroy (data->page_data);
  g_clear_pointer (&data->seen_tokens, g_hash_table_unref);
  g_free (data);
}

gboolean
am_query_remember_token (GHashTable **seen,
                         const char  *operation,
                         const char  *token,
                         GError     **error)
{
  g_return_val_if_fail (seen != NULL, FALSE);
  g_return_val_if_fail (token != NULL, FALSE);

  if (*seen == NULL)
    *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_hash_table_contains (*seen, token))
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                   "%s sent a page token it had already sent in this listing, after %u "
                   "pages; the service is going round in a loop, so Amiable stopped the "
                   "listing. Try again later, or report the endpoint's fault",
                   operation != NULL ? operation : "The service", g_hash_table_size (*seen) + 1);
      return FALSE;
    }
  g_hash_table_add (*seen, g_strdup (token));
  return TRUE;
}

static void
on_page (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  AmQueryClient *self = g_task_get_source_object (task);
  PaginateData *data = g_task_get_task_data (task);
  g_autoptr (GBytes) page = NULL;
  g_autofree char *next_token = NULL;
  GError *error = NULL;
  GCancellable *cancellable;
  gboolean more;

  page = _am_aws_transport_send_finish (result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Read the token first: a page that is not whole XML must not reach the caller. */
  if (!am_query_find_next_token (page, &next_token, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  more = data->page_func (self, page, data->n_pages, data->page_data, &error);
  data->n_pages++;
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!more || next_token == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (!am_query_remember_token (&data->seen_tokens, am_query_params_get_action (data->params),
                                next_token, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  am_query_params_set (data->params, "NextToken", next_token);
  cancellable = g_task_get_cancellable (task);
  send_params (self, data->params, cancellable, on_page, g_steal_pointer (&task));
}

void
am_query_client_paginate_async (AmQueryClient       *self,
                                const AmQueryParams *params,
                                AmQueryPageFunc      page_func,
                                gpointer             page_data,
                                GDestroyNotify       page_data_destroy,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  PaginateData *data;

  g_return_if_fail (AM_IS_QUERY_CLIENT (self));
  g_return_if_fail (params != NULL);
  g_return_if_fail (page_func != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_query_client_paginate_async);

  data = g_new0 (PaginateData, 1);
  data->params = am_query_params_copy (params);
  data->page_func = page_func;
  data->page_data = page_data;
  data->page_data_destroy = page_data_destroy;
  if (am_query_params_get (params, "NextToken") != NULL)
    am_query_remember_token (&data->seen_tokens, NULL, am_query_params_get (params, "NextToken"),
                             NULL);
  g_task_set_task_data (task, data, paginate_data_free);

  send_params (self, data->params, cancellable, on_page, g_steal_pointer (&task));
}

gboolean
am_query_client_paginate_finish (AmQueryClient *self,
                                 GAsyncResult  *result,
                                 guint         *n_pages,
                                 GError       **error)
{
  PaginateData *data;

  g_return_val_if_fail (AM_IS_QUERY_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_query_client_paginate_async,
                        FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (n_pages != NULL)
    *n_pages = data->n_pages;
  return g_task_propagate_boolean (G_TASK (result), error);
}
