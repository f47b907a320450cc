/* test-json-client.c: the JSON 1.1 client and the SSM reads through real HTTP on loopback
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-json-client"

#include "config.h"

#include <malloc.h>
#include <string.h>

#include "aws/am-aws-error.h"
#include "aws/am-json-client-private.h"
#include "aws/am-ssm.h"
#include "am-test-server.h"

#define KEY_ID "AKIDJSONTEST"
#define SECRET "json-secret"

typedef struct
{
  AmTestServer          *server;
  AmCredentialsProvider *provider;
  AmJsonClient          *client;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (AmCredentials) credentials = am_credentials_new (KEY_ID, SECRET, NULL, NULL);
  g_autoptr (GError) error = NULL;

  fixture->server = am_test_server_new ();
  am_test_server_set_verify_sigv4 (fixture->server, KEY_ID, SECRET);
  fixture->provider = am_credentials_provider_new_static (credentials);
  fixture->client = am_ssm_client_new (fixture->provider, "eu-west-1",
                                       am_test_server_get_url (fixture->server), &error);
  g_assert_no_error (error);
  am_json_client_set_backoff_base_ms (fixture->client, 5);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->provider);
  g_clear_object (&fixture->server);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

static void
test_call (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (JsonNode) body = parse_json ("{\"Name\": \"/a/b\", \"WithDecryption\": false}");
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (JsonNode) sent = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  const AmTestRequest *request;

  am_test_server_queue_ec2_error (fixture->server, 503, "ServiceUnavailable", "busy", "x");
  am_test_server_queue_json (fixture->server, 200, "{\"Answer\": 42}");
  am_json_client_call_async (fixture->client, "Describe", body, NULL, am_test_result_cb, &result);
  am_test_wait_result (&result);
  answer = am_json_client_call_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (answer), "Answer"), ==, 42);

  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 2);
  request = am_test_server_get_request (fixture->server, 1);
  g_assert_true (request->signature_valid);
  g_assert_cmpstr (request->method, ==, "POST");
  g_assert_cmpstr (am_test_request_get_header (request, "X-Amz-Target"), ==,
                   "AmazonSSM.Describe");
  g_assert_cmpstr (am_test_request_get_header (request, "Content-Type"), ==,
                   "application/x-amz-json-1.1");
  g_assert_nonnull (strstr (am_test_request_get_header (request, "Authorization"),
                            "/eu-west-1/ssm/aws4_request, SignedHeaders=content-type;host;"
                            "x-amz-date;x-amz-target,"));
  sent = parse_json (am_test_request_get_body (request));
  g_assert_true (json_node_equal (sent, body));
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (AmSsmParameter) parameter = NULL;

  am_test_server_queue_json_error (fixture->server, 400,
                                   "com.amazonaws.ssm#ParameterNotFound", "No such parameter",
                                   "ssm-req-1");
  am_ssm_get_parameter_async (fixture->client, "/missing", NULL, am_test_result_cb, &result);
  am_test_wait_result (&result);
  parameter = am_ssm_get_parameter_finish (fixture->client, result, &error);
  g_assert_null (parameter);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CLIENT);
  g_assert_cmpstr (am_aws_error_get_code (error), ==, "ParameterNotFound");
  g_assert_cmpstr (am_aws_error_get_request_id (error), ==, "ssm-req-1");
  g_assert_nonnull (strstr (error->message, "No such parameter"));
  g_clear_error (&error);
  g_clear_object (&result);

  /* Throttling is retried and then reported as such. */
  for (guint i = 0; i < 3; i++)
    am_test_server_queue_json_error (fixture->server, 400, "ThrottlingException", "Rate exceeded",
                                     "ssm-t");
  am_json_client_call_async (fixture->client, "GetParameter", NULL, NULL, am_test_result_cb,
                             &result);
  am_test_wait_result (&result);
  answer = am_json_client_call_finish (fixture->client, result, &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_THROTTLED);
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 4);
  g_clear_error (&error);
  g_clear_object (&result);

  /* A 200 that is not JSON is malformed, not a result. */
  am_test_server_queue_json (fixture->server, 200, "{\"Parameter\": {\"Name\": ");
  am_ssm_get_parameter_async (fixture->client, "/x", NULL, am_test_result_cb, &result);
  am_test_wait_result (&result);
  parameter = am_ssm_get_parameter_finish (fixture->client, result, &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE);
  g_clear_error (&error);
  g_clear_object (&result);

  /* A parameter without Value is malformed too. */
  am_test_server_queue_json (fixture->server, 200, "{\"Parameter\": {\"Name\": \"/x\"}}");
  am_ssm_get_parameter_async (fixture->client, "/x", NULL, am_test_result_cb, &result);
  am_test_wait_result (&result);
  parameter = am_ssm_get_parameter_finish (fixture->client, result, &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE);
}

static void
test_get_parameter (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AmSsmParameter) parameter = NULL;
  g_autoptr (AmSsmParameter) copy = NULL;
  g_autoptr (JsonNode) sent = NULL;
  g_autoptr (GDateTime) expected = g_date_time_new_utc (2024, 3, 1, 12, 0, 0);

  am_test_server_queue_json (fixture->server, 200,
                             "{\"Parameter\": {\"Name\": \"/aws/service/ami-amazon-linux-latest/"
                             "al2023-ami-kernel-default-x86_64\", \"Type\": \"String\", "
                             "\"Value\": \"ami-0abcdef1234567890\", \"Version\": 97, "
                             "\"LastModifiedDate\": 1709294400.5, \"ARN\": \"arn:aws:ssm:"
                             "eu-west-1::parameter/aws/service/ami-amazon-linux-latest/"
                             "al2023-ami-kernel-default-x86_64\", \"DataType\": "
                             "\"aws:ec2:image\"}}");
  am_ssm_get_parameter_async (fixture->client, "/aws/service/ami-amazon-linux-latest/"
                              "al2023-ami-kernel-default-x86_64", NULL, am_test_result_cb,
                              &result);
  am_test_wait_result (&result);
  parameter = am_ssm_get_parameter_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (parameter->value, ==, "ami-0abcdef1234567890");
  g_assert_cmpstr (parameter->type, ==, "String");
  g_assert_cmpint (parameter->version, ==, 97);
  g_assert_cmpstr (parameter->data_type, ==, "aws:ec2:image");
  g_assert_true (g_str_has_prefix (parameter->arn, "arn:aws:ssm:eu-west-1::parameter/"));
  g_assert_cmpint (g_date_time_difference (parameter->last_modified, expected), ==,
                   G_TIME_SPAN_SECOND / 2);

  copy = am_ssm_parameter_copy (parameter);
  g_assert_cmpstr (copy->name, ==, parameter->name);
  g_assert_true (g_date_time_equal (copy->last_modified, parameter->last_modified));

  sent = parse_json (am_test_request_get_body (am_test_server_get_request (fixture->server, 0)));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (sent), "Name"), ==,
                   parameter->name);
  g_assert_cmpstr (am_test_request_get_header (am_test_server_get_request (fixture->server, 0),
                                               "X-Amz-Target"), ==, "AmazonSSM.GetParameter");
}

static void
test_get_parameters_batches (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) page1 = g_string_new ("{\"Parameters\": [");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) parameters = NULL;
  g_auto (GStrv) invalid = NULL;
  g_autoptr (JsonNode) sent = NULL;

  for (guint i = 0; i < 12; i++)
    g_ptr_array_add (names, g_strdup_printf ("/p/%u", i));
  g_ptr_array_add (names, NULL);

  for (guint i = 0; i < 9; i++)
    g_string_append_printf (page1, "%s{\"Name\": \"/p/%u\", \"Value\": \"v%u\", \"Type\": "
                            "\"String\", \"Version\": 1}", i > 0 ? "," : "", i, i);
  g_string_append (page1, "], \"InvalidParameters\": [\"/p/9\"]}");
  am_test_server_queue_json (fixture->server, 200, page1->str);
  am_test_server_queue_json (fixture->server, 200,
                             "{\"Parameters\": [{\"Name\": \"/p/10\", \"Value\": \"v10\"}, "
                             "{\"Name\": \"/p/11\", \"Value\": \"v11\"}], "
                             "\"InvalidParameters\": []}");

  am_ssm_get_parameters_async (fixture->client, (const char * const *) names->pdata, NULL,
                               am_test_result_cb, &result);
  am_test_wait_result (&result);
  parameters = am_ssm_get_parameters_finish (fixture->client, result, &invalid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parameters->len, ==, 11);
  g_assert_cmpstr (((AmSsmParameter *) g_ptr_array_index (parameters, 10))->value, ==, "v11");
  g_assert_cmpuint (g_strv_length (invalid), ==, 1);
  g_assert_cmpstr (invalid[0], ==, "/p/9");

  /* SSM takes at most 10 names per call. */
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 2);
  sent = parse_json (am_test_request_get_body (am_test_server_get_request (fixture->server, 0)));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                                             json_node_get_object (sent), "Names")), ==, 10);
  g_clear_pointer (&sent, json_node_unref);
  sent = parse_json (am_test_request_get_body (am_test_server_get_request (fixture->server, 1)));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                                             json_node_get_object (sent), "Names")), ==, 2);
}

static void
test_get_parameters_by_path (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) parameters = NULL;

  am_test_server_queue_json (fixture->server, 200,
                             "{\"Parameters\": [{\"Name\": \"/aws/service/ami-windows-latest/a\", "
                             "\"Value\": \"ami-1\"}], \"NextToken\": \"page-2\"}");
  am_test_server_queue_json (fixture->server, 200,
                             "{\"Parameters\": [{\"Name\": \"/aws/service/ami-windows-latest/b\", "
                             "\"Value\": \"ami-2\"}], \"NextToken\": \"page-3\"}");
  am_test_server_queue_json (fixture->server, 200,
                             "{\"Parameters\": [{\"Name\": \"/aws/service/ami-windows-latest/c\", "
                             "\"Value\": \"ami-3\"}]}");

  am_ssm_get_parameters_by_path_async (fixture->client, "/aws/service/ami-windows-latest", TRUE,
                                       NULL, am_test_result_cb, &result);
  am_test_wait_result (&result);
  parameters = am_ssm_get_parameters_by_path_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parameters->len, ==, 3);
  g_assert_cmpstr (((AmSsmParameter *) g_ptr_array_index (parameters, 2))->value, ==, "ami-3");
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 3);

  for (guint i = 0; i < 3; i++)
    {
      const AmTestRequest *request = am_test_server_get_request (fixture->server, i);
      g_autoptr (JsonNode) sent = parse_json (am_test_request_get_body (request));
      JsonObject *object = json_node_get_object (sent);

      g_assert_cmpstr (am_test_request_get_header (request, "X-Amz-Target"), ==,
                       "AmazonSSM.GetParametersByPath");
      g_assert_cmpstr (json_object_get_string_member (object, "Path"), ==,
                       "/aws/service/ami-windows-latest");
      g_assert_true (json_object_get_boolean_member (object, "Recursive"));
      g_assert_cmpint (json_object_get_int_member (object, "MaxResults"), ==, 10);
      if (i == 0)
        g_assert_false (json_object_has_member (object, "NextToken"));
      else
        g_assert_cmpstr (json_object_get_string_member (object, "NextToken"), ==,
                         i == 1 ? "page-2" : "page-3");
    }
}

/* Sends a GetParameter that the server answers with HTTP 400 and @body; returns the error. */
static GError *
error_for_answer (Fixture    *fixture,
                  const char *body)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonNode) answer = NULL;
  GError *error = NULL;

  am_test_server_queue_json (fixture->server, 400, body);
  am_json_client_call_async (fixture->client, "GetParameter", NULL, NULL, am_test_result_cb,
                             &result);
  am_test_wait_result (&result);
  answer = am_json_client_call_finish (fixture->client, result, &error);
  g_assert_null (answer);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CLIENT);
  return error;
}

/* Answers that reached the readers as GLib criticals or undefined behaviour before (found by
 * fuzz-json-client and fuzz-ssm): an error with no body, an error document with objects where
 * strings belong, a Version past what gint64 holds. */
static void
test_hostile_answers (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AmSsmParameter) parameter = NULL;

  error = error_for_answer (fixture, "");
  g_clear_error (&error);
  error = error_for_answer (fixture, "{\"__type\": {\"name\": \"ParameterNotFound\"}, "
                                     "\"message\": [\"no\"]}");
  g_clear_error (&error);
  /* A type with nothing after '#' is no code (it was an empty one). */
  error = error_for_answer (fixture, "{\"__type\": \"com.amazonaws.ssm#\"}");
  g_assert_null (am_aws_error_get_code (error));
  g_clear_error (&error);

  am_test_server_queue_json (fixture->server, 200,
                             "{\"Parameter\": {\"Name\": \"/x\", \"Value\": \"ami-1\", "
                             "\"Version\": 1e300, \"LastModifiedDate\": 1e300}}");
  am_ssm_get_parameter_async (fixture->client, "/x", NULL, am_test_result_cb, &result);
  am_test_wait_result (&result);
  parameter = am_ssm_get_parameter_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (parameter->value, ==, "ami-1");
  g_assert_cmpint (parameter->version, ==, 0);
  g_assert_null (parameter->last_modified);
}

/* An empty 2xx answer reads as an empty object, and that object goes with the node (it leaked,
 * unseen by LeakSanitizer inside GLib's slices, until fuzz-json-client ran with them malloc'ed).
 * The heap in use must not grow with the reads; under AddressSanitizer, which keeps its own heap,
 * glibc's figures stay flat and only the normal build checks this. */
static void
test_empty_answer_frees (void)
{
  g_autoptr (GBytes) empty = g_bytes_new_static ("", 0);
  size_t before;
  size_t after;

  for (guint round = 0; round < 2; round++)
    {
      /* The first round warms up GLib's and json-glib's caches. */
      before = mallinfo2 ().uordblks;
      for (guint i = 0; i < 4000; i++)
        {
          JsonNode *node = _am_json_client_parse_body (empty, "Empty", NULL);

          g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
          g_assert_cmpuint (json_object_get_size (json_node_get_object (node)), ==, 0);
          json_node_unref (node);
        }
      after = mallinfo2 ().uordblks;
    }
  /* A leaked object and its hash table are over 100 bytes a read: 400 KB here. */
  g_assert_cmpuint (after, <, before + 64 * 1024);
}

/* json-glib 1.6 decodes an octal escape ("\202") to a byte that is not UTF-8: the code and the
 * message of an error document are shown to the user and must be text (fuzz-json-client). */
static void
test_error_not_utf8 (void)
{
  static const char document[] = "{\"__type\": \"com.amazonaws.ssm#Denied\\202\", "
                                 "\"message\": \"User: ak:w\\2022 authorized\"}";
  g_autoptr (GBytes) body = g_bytes_new_static (document, strlen (document));
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;
  g_autofree char *request_id = NULL;

  _am_json_client_parse_error (body, &code, &message, &request_id);
  g_assert_nonnull (code);
  g_assert_true (g_utf8_validate (code, -1, NULL));
  g_assert_true (g_str_has_prefix (code, "Denied"));
  g_assert_nonnull (message);
  g_assert_true (g_utf8_validate (message, -1, NULL));
  g_assert_true (g_str_has_prefix (message, "User: ak:w"));
  g_assert_true (g_str_has_suffix (message, "2 authorized"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/json-client/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("call", test_call);
  ADD ("errors", test_errors);
  ADD ("hostile-answers", test_hostile_answers);
  ADD ("ssm-get-parameter", test_get_parameter);
  ADD ("ssm-get-parameters-batches", test_get_parameters_batches);
  ADD ("ssm-get-parameters-by-path", test_get_parameters_by_path);

#undef ADD
  g_test_add_func ("/json-client/empty-answer-frees", test_empty_answer_frees);
  g_test_add_func ("/json-client/error-not-utf8", test_error_not_utf8);

  return g_test_run ();
}
