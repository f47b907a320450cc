/* am-json-client.c: the AWS JSON 1.1 protocol client (X-Amz-Target, application/x-amz-json-1.1)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-json-client"

#include "config.h"

#include <string.h>

#include "am-aws-error.h"
#include "am-aws-transport-private.h"
#include "am-json-client.h"
#include "am-json-member.h"
#include "am-json-client-private.h"

#define JSON_CONTENT_TYPE "application/x-amz-json-1.1"

struct _AmJsonClient
{
  GObject parent_instance;

  /* owned */
  AmAwsTransport *transport;
  char           *target_prefix;
};

G_DEFINE_FINAL_TYPE (AmJsonClient, am_json_client, G_TYPE_OBJECT)

static void
am_json_client_finalize (GObject *object)
{
  AmJsonClient *self = (AmJsonClient *) object;

  g_clear_pointer (&self->transport, _am_aws_transport_unref);
  g_free (self->target_prefix);

  G_OBJECT_CLASS (am_json_client_parent_class)->finalize (object);
}

static void
am_json_client_class_init (AmJsonClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_json_client_finalize;
}

static void
am_json_client_init (AmJsonClient *self)
{
}

AmJsonClient *
am_json_client_new (AmCredentialsProvider *credentials,
                    const char            *service,
                    const char            *target_prefix,
                    const char            *region,
                    const char            *endpoint_url,
                    GError               **error)
{
  AmJsonClient *self;
  AmAwsTransport *transport;

  g_return_val_if_fail (AM_IS_CREDENTIALS_PROVIDER (credentials), NULL);
  g_return_val_if_fail (service != NULL && *service != '\0', NULL);
  g_return_val_if_fail (target_prefix != NULL && *target_prefix != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  transport = _am_aws_transport_new (credentials, service, NULL, region, endpoint_url, error);
  if (transport == NULL)
    return NULL;

  self = g_object_new (AM_TYPE_JSON_CLIENT, NULL);
  self->transport = transport;
  self->target_prefix = g_strdup (target_prefix);
  return self;
}

const char *
am_json_client_get_service (AmJsonClient *self)
{
  g_return_val_if_fail (AM_IS_JSON_CLIENT (self), NULL);
  return _am_aws_transport_get_service (self->transport);
}

const char *
am_json_client_get_region (AmJsonClient *self)
{
  g_return_val_if_fail (AM_IS_JSON_CLIENT (self), NULL);
  return _am_aws_transport_get_region (self->transport);
}

void
am_json_client_set_session (AmJsonClient *self,
                            SoupSession  *session)
{
  g_return_if_fail (AM_IS_JSON_CLIENT (self));
  g_return_if_fail (SOUP_IS_SESSION (session));
  _am_aws_transport_set_session (self->transport, session);
}

void
am_json_client_set_max_attempts (AmJsonClient *self,
                                 guint         max_attempts)
{
  g_return_if_fail (AM_IS_JSON_CLIENT (self));
  g_return_if_fail (max_attempts >= 1);
  _am_aws_transport_set_max_attempts (self->transport, max_attempts);
}

void
am_json_client_set_timeout_ms (AmJsonClient *self,
                               guint         timeout_ms)
{
  g_return_if_fail (AM_IS_JSON_CLIENT (self));
  _am_aws_transport_set_timeout_ms (self->transport, timeout_ms);
}

void
am_json_client_set_backoff_base_ms (AmJsonClient *self,
                                    guint         base_ms)
{
  g_return_if_fail (AM_IS_JSON_CLIENT (self));
  _am_aws_transport_set_backoff_base_ms (self->transport, base_ms);
}

/* {"__type":"com.amazon.coral.service#ParameterNotFound","message":"…"} */
void
_am_json_client_parse_error (GBytes  *body,
                             char   **code,
                             char   **message,
                             char   **request_id)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *object;
  JsonNode *root;
  const char *type;
  const char *text;

  /* An empty body (a bare 500, say) has no document: json-glib refuses a NULL buffer. */
  if (g_bytes_get_size (body) == 0
      || !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   (gssize) g_bytes_get_size (body), NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);

  type = am_json_member_string (object, "__type", NULL);
  if (type == NULL)
    type = am_json_member_string (object, "code", NULL);
  if (type != NULL && strrchr (type, '#') != NULL)
    type = strrchr (type, '#') + 1;
  /* "prefix#" names no code: the x-amzn-ErrorType header may still give one. Both are shown
   * to the user, and json-glib turns an octal escape ("\202") into a byte that is not UTF-8. */
  if (type != NULL && *type != '\0')
    *code = g_utf8_make_valid (type, -1);

  text = am_json_member_string (object, "message", NULL);
  if (text == NULL)
    text = am_json_member_string (object, "Message", NULL);
  if (text != NULL)
    *message = g_utf8_make_valid (text, -1);
}

JsonNode *
_am_json_client_parse_body (GBytes      *body,
                            const char  *operation,
                            GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) local = NULL;
  JsonNode *root;

  if (g_bytes_get_size (body) == 0)
    {
      /* Some operations answer with an empty body: that is an empty object. */
      JsonNode *empty = json_node_new (JSON_NODE_OBJECT);

      json_node_take_object (empty, json_object_new ());
      return empty;
    }

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   (gssize) g_bytes_get_size (body), &local))
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                   "The answer to %s is not valid JSON: %s", operation, local->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                   "The answer to %s is not a JSON object", operation);
      return NULL;
    }
  return json_node_ref (root);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  JsonNode *root = NULL;

  body = _am_aws_transport_send_finish (result, &error);
  if (body != NULL)
    root = _am_json_client_parse_body (body, g_task_get_task_data (task), &error);
  if (body == NULL || root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, root, (GDestroyNotify) json_node_unref);
}

void
am_json_client_call_async (AmJsonClient        *self,
                           const char          *operation,
                           JsonNode            *body,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (JsonGenerator) generator = NULL;
  g_autoptr (JsonNode) empty = NULL;
  g_autoptr (GBytes) payload = NULL;
  g_autofree char *target = NULL;
  g_autofree char *text = NULL;
  gsize text_len = 0;
  const char *headers[3] = { "X-Amz-Target", NULL, NULL };
  AmAwsTransportRequest request = { 0 };

  g_return_if_fail (AM_IS_JSON_CLIENT (self));
  g_return_if_fail (operation != NULL && *operation != '\0');
  g_return_if_fail (body == NULL || JSON_NODE_HOLDS_OBJECT (body));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_json_client_call_async);
  g_task_set_task_data (task, g_strdup (operation), g_free);

  if (body == NULL)
    {
      body = empty = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (empty, json_object_new ());
    }

  generator = json_generator_new ();
  json_generator_set_root (generator, body);
  text = json_generator_to_data (generator, &text_len);
  payload = g_bytes_new_take (g_steal_pointer (&text), text_len);

  target = g_strconcat (self->target_prefix, ".", operation, NULL);
  headers[1] = target;

  request.method = "POST";
  request.content_type = JSON_CONTENT_TYPE;
  request.body = payload;
  request.extra_headers = headers;
  request.operation = operation;
  request.parse_error = _am_json_client_parse_error;
  /* SSM's pages hold at most 10 parameters of at most 8 KB each. */
  request.max_body = AM_AWS_MAX_BODY_SINGLE;

  _am_aws_transport_send_async (self->transport, &request, cancellable, on_sent,
                                g_steal_pointer (&task));
}

JsonNode *
am_json_client_call_finish (AmJsonClient  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (AM_IS_JSON_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_json_client_call_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
