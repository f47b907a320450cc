/* test-query-client.c: the Query client through real HTTP on loopback
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-query-client"

#include "config.h"

#include <string.h>

#include "aws/am-aws-error.h"
#include "aws/am-aws-session.h"
#include "aws/am-aws-transport-private.h"
#include "aws/am-query-client.h"
#include "am-test-sandbox.h"
#include "am-test-server.h"

#define KEY_ID  "AKIDQUERYTEST"
#define SECRET  "query/test/secret+KEY"
#define TOKEN   "query-session-token"
#define VERSION "2016-11-15"

typedef struct
{
  AmTestServer          *server;
  AmCredentialsProvider *provider;
  AmQueryClient         *client;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (AmCredentials) credentials = am_credentials_new (KEY_ID, SECRET, TOKEN, NULL);
  g_autoptr (GError) error = NULL;

  fixture->server = am_test_server_new ();
  am_test_server_set_verify_sigv4 (fixture->server, KEY_ID, SECRET);
  fixture->provider = am_credentials_provider_new_static (credentials);
  fixture->client = am_query_client_new (fixture->provider, "ec2", "us-east-1",
                                         am_test_server_get_url (fixture->server), &error);
  g_assert_no_error (error);
  am_query_client_set_backoff_base_ms (fixture->client, 10);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->provider);
  g_clear_object (&fixture->server);
}

static GBytes *
call_client (AmQueryClient *client,
             AmQueryParams *params,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  am_query_client_call_async (client, params, cancellable, am_test_result_cb, &result);
  am_test_wait_result (&result);
  return am_query_client_call_finish (client, result, error);
}

static GBytes *
call (Fixture       *fixture,
      AmQueryParams *params,
      GCancellable  *cancellable,
      GError       **error)
{
  return call_client (fixture->client, params, cancellable, error);
}

static GBytes *
call_action (Fixture    *fixture,
             const char *action,
             GError    **error)
{
  g_autoptr (AmQueryParams) params = am_query_params_new (action, VERSION);

  return call (fixture, params, NULL, error);
}

static void
assert_body (GBytes     *body,
             const char *expected)
{
  g_assert_nonnull (body);
  g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body), expected,
                   strlen (expected));
}

static void
test_signed_request (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (AmQueryParams) params = am_query_params_new ("DescribeImages", VERSION);
  const char *owners[] = { "self", "amazon", NULL };
  const char *arch[] = { "x86_64", "arm64", NULL };
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  const AmTestRequest *request;
  const char *authorization;

  am_query_params_add_list (params, "Owner", owners);
  am_query_params_add_filter (params, "architecture", arch);
  am_query_params_add_filter (params, "name", (const char *[]) { "al2023 *", NULL });
  am_query_params_add_at (params, "8", "BlockDeviceMapping.%u.Ebs.VolumeSize", 1u);
  am_query_params_add (params, "Description", "a&b=c ü");

  am_test_server_queue_xml (fixture->server, 200, "<DescribeImagesResponse/>");
  body = call (fixture, params, NULL, &error);
  g_assert_no_error (error);
  assert_body (body, "<DescribeImagesResponse/>");

  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 1);
  request = am_test_server_get_request (fixture->server, 0);
  g_assert_true (request->signature_checked);
  g_assert_true (request->signature_valid);
  g_assert_cmpstr (request->method, ==, "POST");
  g_assert_cmpstr (request->path, ==, "/");
  g_assert_cmpstr (am_test_request_get_param (request, "Action"), ==, "DescribeImages");
  g_assert_cmpstr (am_test_request_get_param (request, "Version"), ==, VERSION);
  g_assert_cmpstr (am_test_request_get_param (request, "Owner.1"), ==, "self");
  g_assert_cmpstr (am_test_request_get_param (request, "Owner.2"), ==, "amazon");
  g_assert_cmpstr (am_test_request_get_param (request, "Filter.1.Name"), ==, "architecture");
  g_assert_cmpstr (am_test_request_get_param (request, "Filter.1.Value.2"), ==, "arm64");
  g_assert_cmpstr (am_test_request_get_param (request, "Filter.2.Name"), ==, "name");
  g_assert_cmpstr (am_test_request_get_param (request, "Filter.2.Value.1"), ==, "al2023 *");
  g_assert_cmpstr (am_test_request_get_param (request, "BlockDeviceMapping.1.Ebs.VolumeSize"), ==,
                   "8");
  g_assert_cmpstr (am_test_request_get_param (request, "Description"), ==, "a&b=c ü");
  g_assert_cmpstr (am_test_request_get_header (request, "Content-Type"), ==,
                   "application/x-www-form-urlencoded; charset=utf-8");
  g_assert_cmpstr (am_test_request_get_header (request, "X-Amz-Security-Token"), ==, TOKEN);
  g_assert_nonnull (am_test_request_get_header (request, "X-Amz-Date"));
  g_assert_nonnull (strstr (am_test_request_get_header (request, "Accept-Encoding"), "gzip"));

  authorization = am_test_request_get_header (request, "Authorization");
  g_assert_true (g_str_has_prefix (authorization, "AWS4-HMAC-SHA256 Credential=" KEY_ID "/"));
  g_assert_nonnull (strstr (authorization, "/us-east-1/ec2/aws4_request"));
  g_assert_nonnull (strstr (authorization,
                            "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token,"));
}

static void
test_bad_signature_is_auth_error (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;

  /* The server knows another secret: the request is refused and never retried. */
  am_test_server_set_verify_sigv4 (fixture->server, KEY_ID, "another secret");
  am_test_server_queue_xml (fixture->server, 200, "<never/>");
  body = call_action (fixture, "DescribeRegions", &error);
  g_assert_null (body);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_AUTH);
  g_assert_cmpstr (am_aws_error_get_code (error), ==, "SignatureDoesNotMatch");
  g_assert_cmpuint (am_aws_error_get_http_status (error), ==, 403);
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 1);
}

static void
test_retry_then_success (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;

  am_test_server_queue_ec2_error (fixture->server, 503, "RequestLimitExceeded", "Slow down",
                                  "req-1");
  am_test_server_queue_ec2_error (fixture->server, 500, "InternalError", "Oops", "req-2");
  am_test_server_queue_xml (fixture->server, 200, "<ok/>");

  body = call_action (fixture, "DescribeImages", &error);
  g_assert_no_error (error);
  assert_body (body, "<ok/>");
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_true (am_test_server_get_request (fixture->server, i)->signature_valid);
}

static void
test_retries_stop (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    am_test_server_queue_ec2_error (fixture->server, 503, "Unavailable", "Down", "req-503");
  am_test_server_queue_xml (fixture->server, 200, "<left-over/>");

  body = call_action (fixture, "DescribeImages", &error);
  g_assert_null (body);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_SERVER);
  g_assert_cmpstr (am_aws_error_get_code (error), ==, "Unavailable");
  g_assert_cmpstr (am_aws_error_get_request_id (error), ==, "req-503");
  g_assert_cmpuint (am_aws_error_get_http_status (error), ==, 503);
  /* The default: 3 attempts. */
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 3);
  g_assert_cmpuint (am_test_server_get_n_queued (fixture->server), ==, 1);
  g_clear_error (&error);
  body = call_action (fixture, "Drain", &error);
  g_assert_no_error (error);
  assert_body (body, "<left-over/>");
  g_clear_pointer (&body, g_bytes_unref);
  am_test_server_clear_requests (fixture->server);

  /* Throttling that outlasts the attempts is THROTTLED; max-attempts 1 means no retry. */
  am_query_client_set_max_attempts (fixture->client, 1);
  am_test_server_queue_ec2_error (fixture->server, 503, "RequestLimitExceeded", "Slow down",
                                  "req-t");
  g_clear_pointer (&body, g_bytes_unref);
  am_test_server_queue_ec2_error (fixture->server, 400, "Throttling", "Rate exceeded", "req-t2");
  body = call_action (fixture, "DescribeImages", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_THROTTLED);
  g_assert_cmpstr (am_aws_error_get_code (error), ==, "RequestLimitExceeded");
  g_clear_error (&error);
  body = call_action (fixture, "DescribeImages", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_THROTTLED);
  g_assert_cmpstr (am_aws_error_get_code (error), ==, "Throttling");
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 2);
}

static void
test_client_errors_not_retried (Fixture       *fixture,
                                gconstpointer  data)
{
  struct {
    guint          status;
    const char    *code;
    AmAwsErrorCode expected;
  } cases[] = {
    { 400, "InvalidAMIID.NotFound", AM_AWS_ERROR_CLIENT },
    { 400, "InvalidParameterValue", AM_AWS_ERROR_CLIENT },
    { 412, "DryRunOperation", AM_AWS_ERROR_DRY_RUN },
    { 401, "AuthFailure", AM_AWS_ERROR_AUTH },
    { 403, "UnauthorizedOperation", AM_AWS_ERROR_AUTH },
    { 409, "IdempotentParameterMismatch", AM_AWS_ERROR_CLIENT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GBytes) body = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *request_id = g_strdup_printf ("req-%u", i);

      am_test_server_clear_requests (fixture->server);
      am_test_server_queue_ec2_error (fixture->server, cases[i].status, cases[i].code,
                                      "The thing <went> wrong", request_id);
      am_test_server_queue_xml (fixture->server, 200, "<never/>");
      body = call_action (fixture, "DescribeImages", &error);
      g_assert_null (body);
      g_assert_error (error, AM_AWS_ERROR, (int) cases[i].expected);
      g_assert_cmpstr (am_aws_error_get_code (error), ==, cases[i].code);
      g_assert_cmpstr (am_aws_error_get_request_id (error), ==, request_id);
      g_assert_cmpuint (am_aws_error_get_http_status (error), ==, cases[i].status);
      g_assert_true (am_aws_error_code_is (error, cases[i].code));
      g_assert_nonnull (strstr (error->message, "The thing <went> wrong"));
      g_assert_nonnull (strstr (error->message, "DescribeImages"));
      g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 1);
      /* The queued success is still there: drain it. */
      g_clear_pointer (&body, g_bytes_unref);
      body = call_action (fixture, "Drain", &error);
    }
}

/* A redirect is refused, never followed: following it would send the request where the
 * endpoint rules never looked and take that answer as the service's. */
static void
test_redirect_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  static const guint statuses[] = { 301, 302, 307, 308 };

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      AmTestResponse *redirect = am_test_response_new (statuses[i], "text/plain", "moved");
      g_autofree char *target = g_strdup_printf ("%selsewhere/", am_test_server_get_url (fixture->server));
      g_autoptr (GBytes) body = NULL;
      g_autoptr (GError) error = NULL;

      am_test_server_clear_requests (fixture->server);
      am_test_response_add_header (redirect, "Location", target);
      am_test_server_queue (fixture->server, redirect);
      am_test_server_queue_for_path (fixture->server, "/elsewhere",
                                     am_test_response_new (200, "text/xml", "<ok/>"));
      body = call_action (fixture, "DescribeImages", &error);
      g_assert_null (body);
      g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_INVALID_ARGUMENT);
      g_assert_cmpuint (am_aws_error_get_http_status (error), ==, statuses[i]);
      g_assert_nonnull (strstr (error->message, "redirect"));
      g_assert_nonnull (strstr (error->message, target));
      /* one request, not retried and not followed */
      g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 1);
      /* drain the reply that a followed redirect would have taken */
      g_clear_error (&error);
      g_clear_pointer (&body, g_bytes_unref);
      {
        g_autoptr (AmQueryParams) params = am_query_params_new ("Drain", VERSION);
        g_autoptr (GAsyncResult) result = NULL;
        g_autoptr (AmQueryClient) drain = NULL;
        g_autofree char *url = g_strdup_printf ("%selsewhere/", am_test_server_get_url (fixture->server));

        drain = am_query_client_new (fixture->provider, "ec2", "us-east-1", url, &error);
        g_assert_no_error (error);
        am_query_client_call_async (drain, params, NULL, am_test_result_cb, &result);
        am_test_wait_result (&result);
        body = am_query_client_call_finish (drain, result, &error);
        g_assert_no_error (error);
        assert_body (body, "<ok/>");
      }
    }
}

static void
test_expired_token_retried_once (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  guint max_attempts = 0;

  /* Properties work through GObject too. */
  g_object_set (fixture->client, "max-attempts", 5, "backoff-base-ms", 1, NULL);
  g_object_get (fixture->client, "max-attempts", &max_attempts, NULL);
  g_assert_cmpuint (max_attempts, ==, 5);

  /* An expired token makes the client ask its provider again once; static keys stay the
   * same, so the second refusal is final (no loop). */
  am_test_server_queue_ec2_error (fixture->server, 400, "ExpiredToken",
                                  "The security token included in the request is expired", "e1");
  am_test_server_queue_ec2_error (fixture->server, 400, "ExpiredToken",
                                  "The security token included in the request is expired", "e2");
  am_test_server_queue_xml (fixture->server, 200, "<never/>");
  body = call_action (fixture, "DescribeImages", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_AUTH);
  g_assert_cmpstr (am_aws_error_get_request_id (error), ==, "e2");
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 2);
}

static void
test_sts_error_document (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;

  am_test_server_queue_sts_error (fixture->server, 403, "AccessDenied",
                                  "User is not authorized to perform sts:AssumeRole", "sts-req");
  body = call_action (fixture, "AssumeRole", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_AUTH);
  g_assert_cmpstr (am_aws_error_get_code (error), ==, "AccessDenied");
  g_assert_cmpstr (am_aws_error_get_request_id (error), ==, "sts-req");
  g_assert_nonnull (strstr (error->message, "sts:AssumeRole"));
  g_clear_error (&error);

  /* An error answer that is not XML still gives a status-based error. */
  am_test_server_queue (fixture->server, am_test_response_new (404, "text/html",
                                                               "<html>Not Found"));
  body = call_action (fixture, "Nothing", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CLIENT);
  g_assert_null (am_aws_error_get_code (error));
  g_assert_cmpuint (am_aws_error_get_http_status (error), ==, 404);
}

static void
test_backoff_grows (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  const guint base = 60;
  gint64 gaps[3];

  am_query_client_set_jitter (fixture->client, FALSE);
  am_query_client_set_backoff_base_ms (fixture->client, base);
  am_query_client_set_max_attempts (fixture->client, 4);
  for (guint i = 0; i < 3; i++)
    am_test_server_queue_ec2_error (fixture->server, 503, "RequestLimitExceeded", "Slow", "r");
  am_test_server_queue_xml (fixture->server, 200, "<ok/>");

  body = call_action (fixture, "DescribeImages", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 4);

  for (guint i = 0; i < 3; i++)
    {
      gaps[i] = (am_test_server_get_request (fixture->server, i + 1)->time_us
                 - am_test_server_get_request (fixture->server, i)->time_us) / 1000;
      g_test_message ("gap %u: %" G_GINT64_FORMAT " ms", i, gaps[i]);
      /* Without jitter the waits are base, 2·base, 4·base. */
      g_assert_cmpint (gaps[i], >=, (gint64) (base << i) - 5);
      g_assert_cmpint (gaps[i], <, (gint64) (base << i) + 250);
    }
  g_assert_cmpint (gaps[2], >, gaps[0] * 2);
}

/* The waits double from the base up to the 20 s cap and stay there; with jitter each wait is
 * anywhere in [0, that bound]. */
static void
test_backoff_cap (void)
{
  g_autoptr (GError) error = NULL;
  AmAwsTransport *transport = _am_aws_transport_new (NULL, "ec2", "ec2", "us-east-1",
                                                     "http://127.0.0.1:9/", &error);
  const guint expected[] = { 3000, 6000, 12000, 20000, 20000, 20000 };

  g_assert_no_error (error);
  _am_aws_transport_set_backoff_base_ms (transport, 3000);
  _am_aws_transport_set_jitter (transport, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (_am_aws_transport_backoff_delay_ms (transport, i + 1), ==, expected[i]);
  g_assert_cmpuint (_am_aws_transport_backoff_delay_ms (transport, 40), ==, 20000);

  _am_aws_transport_set_jitter (transport, TRUE);
  for (guint i = 0; i < 200; i++)
    g_assert_cmpuint (_am_aws_transport_backoff_delay_ms (transport, 10), <=, 20000);
  _am_aws_transport_unref (transport);
}

static void
test_backoff_jitter_bounded (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  const guint base = 80;
  gint64 total = 0;

  /* Full jitter: every wait is at most the exponential bound. */
  am_query_client_set_backoff_base_ms (fixture->client, base);
  for (guint round = 0; round < 3; round++)
    {
      g_autoptr (GBytes) body = NULL;

      am_test_server_clear_requests (fixture->server);
      am_test_server_queue_ec2_error (fixture->server, 500, "InternalError", "x", "r");
      am_test_server_queue_ec2_error (fixture->server, 500, "InternalError", "x", "r");
      am_test_server_queue_xml (fixture->server, 200, "<ok/>");
      body = call_action (fixture, "DescribeImages", &error);
      g_assert_no_error (error);
      for (guint i = 0; i < 2; i++)
        {
          gint64 gap = (am_test_server_get_request (fixture->server, i + 1)->time_us
                        - am_test_server_get_request (fixture->server, i)->time_us) / 1000;

          g_assert_cmpint (gap, <, (gint64) (base << i) + 250);
          total += gap;
        }
    }
  g_test_message ("total wait over 6 jittered retries: %" G_GINT64_FORMAT " ms", total);
}

static void
test_network_errors (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (AmQueryClient) client = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (AmQueryParams) params = am_query_params_new ("DescribeImages", VERSION);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;

  /* A port nobody listens on: bind, note it, close. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         &error);
  g_assert_no_error (error);
  g_socket_bind (socket, address, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u/",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  client = am_query_client_new (fixture->provider, "ec2", "us-east-1", url, &error);
  g_assert_no_error (error);
  am_query_client_set_backoff_base_ms (client, 5);
  am_query_client_call_async (client, params, NULL, am_test_result_cb, &result);
  am_test_wait_result (&result);
  body = am_query_client_call_finish (client, result, &error);
  g_assert_null (body);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NETWORK);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, url));
}

static void
test_timeout_and_truncation_retry (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  AmTestResponse *response;
  gint64 start;

  am_query_client_set_timeout_ms (fixture->client, 200);

  /* A slow answer times out and is retried. */
  response = am_test_response_new (200, "text/xml", "<late/>");
  am_test_response_set_delay_ms (response, 1500);
  am_test_server_queue (fixture->server, response);
  am_test_server_queue_xml (fixture->server, 200, "<fast/>");
  start = g_get_monotonic_time ();
  body = call_action (fixture, "DescribeImages", &error);
  g_assert_no_error (error);
  assert_body (body, "<fast/>");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 1200 * 1000);
  g_clear_pointer (&body, g_bytes_unref);

  /* A connection that breaks mid-body is retried too. */
  am_test_server_clear_requests (fixture->server);
  response = am_test_response_new (200, "text/xml", "<Response><a>1</a><a>2</a></Response>");
  am_test_response_set_truncate_at (response, 10);
  am_test_server_queue (fixture->server, response);
  am_test_server_queue_xml (fixture->server, 200, "<whole/>");
  body = call_action (fixture, "DescribeImages", &error);
  g_assert_no_error (error);
  assert_body (body, "<whole/>");
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 2);
  g_clear_pointer (&body, g_bytes_unref);

  /* Every attempt slow: a network error naming the timeout. */
  am_query_client_set_max_attempts (fixture->client, 2);
  for (guint i = 0; i < 2; i++)
    {
      response = am_test_response_new (200, "text/xml", "<late/>");
      am_test_response_set_delay_ms (response, 1500);
      am_test_server_queue (fixture->server, response);
    }
  body = call_action (fixture, "DescribeImages", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "200 ms"));
}

/* Calls named Create* stand for operations that are not idempotent. */
static gboolean
creates_are_not_idempotent (const AmQueryParams *params)
{
  return !g_str_has_prefix (am_query_params_get_action (params), "Create");
}

/* Once a non-idempotent request may have reached the server, a 5xx, a timeout or a broken
 * answer ends the call (flagged "maybe applied"); throttling, and failures before anything was
 * sent, are still retried; idempotent calls keep their retries. */
static void
test_not_idempotent (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AmQueryClient) refused = NULL;
  g_autoptr (AmQueryParams) params = am_query_params_new ("CreateThing", VERSION);
  g_autoptr (GAsyncResult) result = NULL;
  AmTestResponse *response;

  am_query_client_set_idempotent_func (fixture->client, creates_are_not_idempotent);
  am_query_client_set_timeout_ms (fixture->client, 300);

  am_test_server_queue_ec2_error (fixture->server, 500, "InternalError", "oops", "req-1");
  am_test_server_queue_xml (fixture->server, 200, "<second/>");
  body = call_action (fixture, "CreateThing", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_SERVER);
  g_assert_true (am_aws_error_get_maybe_applied (error));
  g_assert_nonnull (strstr (error->message, "may have been applied"));
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 1);
  g_clear_error (&error);

  /* the same answer to an idempotent call is retried */
  body = call_action (fixture, "DescribeThing", &error);
  g_assert_no_error (error);
  assert_body (body, "<second/>");
  g_clear_pointer (&body, g_bytes_unref);
  am_test_server_clear_requests (fixture->server);

  response = am_test_response_new (200, "text/xml", "<late/>");
  am_test_response_set_delay_ms (response, 1500);
  am_test_server_queue (fixture->server, response);
  body = call_action (fixture, "CreateThing", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NETWORK);
  g_assert_true (am_aws_error_get_maybe_applied (error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "may have reached the service, so it was not sent again"));
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 1);
  g_clear_error (&error);
  am_test_server_clear_requests (fixture->server);

  response = am_test_response_new (200, "text/xml", "<Response><a>1</a><a>2</a></Response>");
  am_test_response_set_truncate_at (response, 10);
  am_test_server_queue (fixture->server, response);
  body = call_action (fixture, "CreateThing", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NETWORK);
  g_assert_true (am_aws_error_get_maybe_applied (error));
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 1);
  g_clear_error (&error);
  am_test_server_clear_requests (fixture->server);

  /* throttling means it was not applied */
  am_test_server_queue_ec2_error (fixture->server, 503, "RequestLimitExceeded", "slow down", "req-2");
  am_test_server_queue_xml (fixture->server, 200, "<made/>");
  body = call_action (fixture, "CreateThing", &error);
  g_assert_no_error (error);
  assert_body (body, "<made/>");
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 2);

  /* nothing sent (the connection is refused): retried, and surely not applied */
  refused = am_query_client_new (fixture->provider, "ec2", "us-east-1", "http://127.0.0.1:1/", &error);
  g_assert_no_error (error);
  am_query_client_set_idempotent_func (refused, creates_are_not_idempotent);
  am_query_client_set_backoff_base_ms (refused, 5);
  am_query_client_call_async (refused, params, NULL, am_test_result_cb, &result);
  am_test_wait_result (&result);
  g_assert_null (am_query_client_call_finish (refused, result, &error));
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NETWORK);
  g_assert_false (am_aws_error_get_maybe_applied (error));
  g_assert_null (strstr (error->message, "not sent again"));
}

static void
test_gzip (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) big = g_string_new ("<DescribeImagesResponse>");
  AmTestResponse *response;

  for (guint i = 0; i < 500; i++)
    g_string_append_printf (big, "<item><imageId>ami-%08u</imageId></item>", i);
  g_string_append (big, "</DescribeImagesResponse>");

  response = am_test_response_new (200, "text/xml", big->str);
  am_test_response_set_gzip (response, TRUE);
  am_test_server_queue (fixture->server, response);
  body = call_action (fixture, "DescribeImages", &error);
  g_assert_no_error (error);
  assert_body (body, big->str);
}

static void
test_clock_skew (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  AmTestResponse *response;
  const AmTestRequest *second;
  g_autoptr (GDateTime) expected = NULL;
  g_autoptr (GDateTime) sent = NULL;
  g_autofree char *sent_iso = NULL;

  response = am_test_response_new (400, "text/xml",
                                   "<Response><Errors><Error><Code>RequestTimeTooSkewed</Code>"
                                   "<Message>The difference between the request time and the "
                                   "current time is too large.</Message></Error></Errors>"
                                   "<RequestID>skew-1</RequestID></Response>");
  am_test_response_set_date_offset (response, 3600);
  am_test_server_queue (fixture->server, response);
  am_test_server_queue_xml (fixture->server, 200, "<ok/>");

  body = call_action (fixture, "DescribeImages", &error);
  g_assert_no_error (error);
  assert_body (body, "<ok/>");
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 2);

  /* The offset is learnt and the retry is signed with the server's time. */
  g_assert_cmpint (am_query_client_get_clock_offset (fixture->client) / G_TIME_SPAN_SECOND, >=,
                   3590);
  g_assert_cmpint (am_query_client_get_clock_offset (fixture->client) / G_TIME_SPAN_SECOND, <=,
                   3610);
  second = am_test_server_get_request (fixture->server, 1);
  g_assert_true (second->signature_valid);
  sent_iso = g_strdup (am_test_request_get_header (second, "X-Amz-Date"));
  {
    g_autofree char *iso = g_strdup_printf ("%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", sent_iso,
                                            sent_iso + 4, sent_iso + 6, sent_iso + 9,
                                            sent_iso + 11, sent_iso + 13);

    sent = g_date_time_new_from_iso8601 (iso, NULL);
  }
  expected = g_date_time_new_now_utc ();
  g_assert_cmpint (g_date_time_difference (sent, expected) / G_TIME_SPAN_SECOND, >=, 3590);
  g_clear_pointer (&body, g_bytes_unref);

  /* The next call uses the offset from the start. */
  am_test_server_queue_xml (fixture->server, 200, "<ok/>");
  body = call_action (fixture, "DescribeImages", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 3);
  g_clear_pointer (&body, g_bytes_unref);

  /* Another client of the same endpoint (another service, say) starts with what was learnt:
   * its first request is already signed with the server's time. */
  {
    g_autoptr (AmQueryClient) other = am_query_client_new (fixture->provider, "sts", "us-east-1",
                                                           am_test_server_get_url (fixture->server),
                                                           &error);
    g_autoptr (AmQueryParams) params = am_query_params_new ("GetCallerIdentity", "2011-06-15");
    g_autoptr (GAsyncResult) result = NULL;
    const char *date;

    g_assert_no_error (error);
    g_assert_cmpint (am_query_client_get_clock_offset (other) / G_TIME_SPAN_SECOND, >=, 3590);
    am_test_server_queue_xml (fixture->server, 200, "<ok/>");
    am_query_client_call_async (other, params, NULL, am_test_result_cb, &result);
    am_test_wait_result (&result);
    body = am_query_client_call_finish (other, result, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 4);
    date = am_test_request_get_header (am_test_server_get_request (fixture->server, 3), "X-Amz-Date");
    g_assert_cmpstr (date, >=, sent_iso);
    g_clear_pointer (&body, g_bytes_unref);
  }

  /* A skew that persists (the server's Date agrees with our corrected clock) is an error
   * after one try: no retry can help. */
  am_test_server_clear_requests (fixture->server);
  response = am_test_response_new (400, "text/xml",
                                   "<Response><Errors><Error><Code>AuthFailure</Code><Message>"
                                   "Signature expired: 20260101T000000Z is now earlier than "
                                   "...</Message></Error></Errors><RequestID>skew-2</RequestID>"
                                   "</Response>");
  am_test_response_set_date_offset (response, 3600);
  am_test_server_queue (fixture->server, response);
  body = call_action (fixture, "DescribeImages", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CLOCK_SKEW);
  g_assert_cmpstr (am_aws_error_get_request_id (error), ==, "skew-2");
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 1);
}

/* Pagination */

typedef struct
{
  GPtrArray *pages;
  guint      stop_after;
  gboolean   fail_at_second;
} PageLog;

static gboolean
collect_page (AmQueryClient *client,
              GBytes        *page,
              guint          page_index,
              gpointer       user_data,
              GError       **error)
{
  PageLog *log = user_data;

  g_assert_cmpuint (page_index, ==, log->pages->len);
  g_ptr_array_add (log->pages, g_strndup (g_bytes_get_data (page, NULL), g_bytes_get_size (page)));
  if (log->fail_at_second && page_index == 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "page two is not welcome");
      return FALSE;
    }
  return log->stop_after == 0 || log->pages->len < log->stop_after;
}

static gboolean
paginate (Fixture       *fixture,
          PageLog       *log,
          GCancellable  *cancellable,
          guint         *n_pages,
          GError       **error)
{
  g_autoptr (AmQueryParams) params = am_query_params_new ("DescribeImages", VERSION);
  g_autoptr (GAsyncResult) result = NULL;

  am_query_params_add_int (params, "MaxResults", 5);
  am_query_client_paginate_async (fixture->client, params, collect_page, log, NULL, cancellable,
                                  am_test_result_cb, &result);
  am_test_wait_result (&result);
  return am_query_client_paginate_finish (fixture->client, result, n_pages, error);
}

static void
test_pagination (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  PageLog log = { pages, 0, FALSE };
  guint n_pages = 0;

  am_test_server_queue_xml (fixture->server, 200,
                            "<DescribeImagesResponse><imagesSet><item><nextToken>inner"
                            "</nextToken></item></imagesSet><nextToken>tok-1</nextToken>"
                            "</DescribeImagesResponse>");
  am_test_server_queue_xml (fixture->server, 200,
                            "<DescribeImagesResponse><nextToken>tok/2+=</nextToken>"
                            "</DescribeImagesResponse>");
  am_test_server_queue_xml (fixture->server, 200,
                            "<DescribeImagesResponse><nextToken></nextToken>"
                            "</DescribeImagesResponse>");

  g_assert_true (paginate (fixture, &log, NULL, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 3);
  g_assert_cmpuint (pages->len, ==, 3);
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 3);
  g_assert_null (am_test_request_get_param (am_test_server_get_request (fixture->server, 0),
                                            "NextToken"));
  g_assert_cmpstr (am_test_request_get_param (am_test_server_get_request (fixture->server, 1),
                                              "NextToken"), ==, "tok-1");
  g_assert_cmpstr (am_test_request_get_param (am_test_server_get_request (fixture->server, 2),
                                              "NextToken"), ==, "tok/2+=");
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (am_test_request_get_param (am_test_server_get_request (fixture->server, i),
                                                "MaxResults"), ==, "5");
}

static void
test_pagination_stops (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  PageLog log = { pages, 1, FALSE };
  guint n_pages = 0;

  /* The callback says stop. */
  am_test_server_queue_xml (fixture->server, 200, "<R><nextToken>a</nextToken></R>");
  g_assert_true (paginate (fixture, &log, NULL, &n_pages, &error));
  g_assert_cmpuint (n_pages, ==, 1);
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 1);

  /* The callback fails. */
  g_ptr_array_set_size (pages, 0);
  log.stop_after = 0;
  log.fail_at_second = TRUE;
  am_test_server_queue_xml (fixture->server, 200, "<R><nextToken>a</nextToken></R>");
  am_test_server_queue_xml (fixture->server, 200, "<R><nextToken>b</nextToken></R>");
  g_assert_false (paginate (fixture, &log, NULL, &n_pages, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpuint (n_pages, ==, 2);
  g_clear_error (&error);

  /* The same token twice would loop forever. */
  g_ptr_array_set_size (pages, 0);
  log.fail_at_second = FALSE;
  am_test_server_queue_xml (fixture->server, 200, "<R><nextToken>same</nextToken></R>");
  am_test_server_queue_xml (fixture->server, 200, "<R><nextToken>same</nextToken></R>");
  g_assert_false (paginate (fixture, &log, NULL, &n_pages, &error));
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE);
  g_clear_error (&error);

  /* So would A → B → A: every token of the listing is remembered. */
  g_ptr_array_set_size (pages, 0);
  am_test_server_clear_requests (fixture->server);
  am_test_server_queue_xml (fixture->server, 200, "<R><nextToken>A</nextToken></R>");
  am_test_server_queue_xml (fixture->server, 200, "<R><nextToken>B</nextToken></R>");
  am_test_server_queue_xml (fixture->server, 200, "<R><nextToken>A</nextToken></R>");
  g_assert_false (paginate (fixture, &log, NULL, &n_pages, &error));
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE);
  g_test_message ("A-B-A: %s", error->message);
  g_assert_nonnull (strstr (error->message, "loop"));
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 3);
  g_assert_cmpstr (am_test_request_get_param (am_test_server_get_request (fixture->server, 2),
                                              "NextToken"), ==, "B");
  g_clear_error (&error);

  /* A truncated page never reaches the callback. */
  g_ptr_array_set_size (pages, 0);
  am_test_server_queue_xml (fixture->server, 200, "<R><nextToken>c</nextToken></R>");
  am_test_server_queue_xml (fixture->server, 200, "<R><imagesSet><item>");
  g_assert_false (paginate (fixture, &log, NULL, &n_pages, &error));
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE);
  g_assert_cmpuint (pages->len, ==, 1);
}

/* Cancellation */

static gboolean
cancel_later (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel_in_flight (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (AmQueryParams) params = am_query_params_new ("DescribeImages", VERSION);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  AmTestResponse *response;
  gint64 start;

  response = am_test_response_new (200, "text/xml", "<late/>");
  am_test_response_set_delay_ms (response, 3000);
  am_test_server_queue (fixture->server, response);

  start = g_get_monotonic_time ();
  g_timeout_add (100, cancel_later, cancellable);
  body = call (fixture, params, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (body);
  g_test_message ("cancelled after %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 1000 * 1000);
  /* Let the server's delayed reply fire into the closed connection. */
}

static void
test_cancel_in_backoff (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (AmQueryParams) params = am_query_params_new ("DescribeImages", VERSION);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start;

  am_query_client_set_jitter (fixture->client, FALSE);
  am_query_client_set_backoff_base_ms (fixture->client, 5000);
  am_test_server_queue_ec2_error (fixture->server, 503, "RequestLimitExceeded", "Slow", "r");

  start = g_get_monotonic_time ();
  g_timeout_add (150, cancel_later, cancellable);
  body = call (fixture, params, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 1000 * 1000);
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 1);
  g_clear_error (&error);

  /* Already cancelled: nothing is sent. */
  g_clear_pointer (&body, g_bytes_unref);
  body = call (fixture, params, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 1);
}

/* A listener that never accepts, whose queue is full: the kernel drops further SYNs, so a
 * connection to it is never made (as with a host that is down). The connect deadline (10 s)
 * ends the attempt, long before the attempt's own 60 s. */
static void
test_connect_deadline (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GSocket) listener = NULL;
  g_autoptr (GPtrArray) fillers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (AmQueryClient) client = NULL;
  g_autoptr (AmQueryParams) params = am_query_params_new ("DescribeImages", VERSION);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;
  gint64 start;

  listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_set_listen_backlog (listener, 0);
  g_assert_true (g_socket_bind (listener, address, FALSE, &error));
  g_assert_true (g_socket_listen (listener, &error));
  bound = g_socket_get_local_address (listener, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u/", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  /* Fill the accept queue (non-blocking connects; the first ones complete). */
  for (guint i = 0; i < 4; i++)
    {
      GSocket *filler = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);

      g_socket_set_blocking (filler, FALSE);
      g_socket_connect (filler, bound, NULL, NULL);
      g_ptr_array_add (fillers, filler);
    }
  g_usleep (200 * 1000);

  client = am_query_client_new (fixture->provider, "ec2", "us-east-1", url, &error);
  g_assert_no_error (error);
  am_query_client_set_max_attempts (client, 1);
  start = g_get_monotonic_time ();
  body = call_client (client, params, NULL, &error);
  g_test_message ("%s (after %.1f s)", error != NULL ? error->message : "no error",
                  (g_get_monotonic_time () - start) / 1e6);
  g_assert_null (body);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "Could not connect to"));
  g_assert_nonnull (strstr (error->message, "within 10 s"));
}

/* Attempts left do not outlast the call's retry time (30 s): an answer that took 11 s and a
 * wait of 20 s would start the second attempt 31 s after the call began, so it is not made. */
static void
test_retry_budget (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  AmTestResponse *response;

  am_query_client_set_jitter (fixture->client, FALSE);
  am_query_client_set_backoff_base_ms (fixture->client, 20000);
  am_query_client_set_max_attempts (fixture->client, 5);
  response = am_test_response_new (503, "text/xml",
                                   "<Response><Errors><Error><Code>Unavailable</Code><Message>Down</Message>"
                                   "</Error></Errors><RequestID>req-503</RequestID></Response>");
  am_test_response_set_delay_ms (response, 11000);
  am_test_server_queue (fixture->server, response);
  am_test_server_queue_ec2_error (fixture->server, 503, "Unavailable", "Down", "req-503");

  body = call_action (fixture, "DescribeImages", &error);
  g_assert_null (body);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_SERVER);
  g_test_message ("gave up after %.1f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 1);
}

/* Each operation takes answers up to its cap: a Describe answer up to 64 MiB, any other answer
 * up to 1 MiB; the size counts after gzip. Too large is an error in words, never retried. */
static void
test_body_cap (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GString) big = g_string_new ("<DescribeImagesResponse>");
  g_autoptr (GString) bomb = g_string_new ("<DescribeImagesResponse>");
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  AmTestResponse *response;

  /* 2 MiB: fine for a listing, too much for CreateTags. */
  while (big->len < 2 * 1024 * 1024)
    g_string_append (big, "<item><imageId>ami-0123456789abcdef0</imageId></item>");
  g_string_append (big, "</DescribeImagesResponse>");

  am_test_server_queue_xml (fixture->server, 200, big->str);
  body = call_action (fixture, "DescribeImages", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (body), ==, big->len);
  g_clear_pointer (&body, g_bytes_unref);

  am_test_server_clear_requests (fixture->server);
  am_test_server_queue_xml (fixture->server, 200, big->str);
  am_test_server_queue_xml (fixture->server, 200, big->str);
  body = call_action (fixture, "CreateTags", &error);
  g_assert_null (body);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE);
  g_test_message ("too large: %s", error->message);
  g_assert_nonnull (strstr (error->message, "CreateTags"));
  g_assert_nonnull (strstr (error->message, "1024 KiB"));
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 1);
  g_clear_error (&error);
  /* the second copy is still queued: take it */
  body = call_action (fixture, "DescribeImages", &error);
  g_assert_no_error (error);
  g_clear_pointer (&body, g_bytes_unref);

  /* 72 MiB of spaces that gzip to a few dozen KiB: cut off at the listing's 64 MiB. */
  g_string_set_size (bomb, 72 * 1024 * 1024);
  memset (bomb->str + strlen ("<DescribeImagesResponse>"), ' ',
          bomb->len - strlen ("<DescribeImagesResponse>"));
  response = am_test_response_new (200, "text/xml", bomb->str);
  am_test_response_set_gzip (response, TRUE);
  am_test_server_clear_requests (fixture->server);
  am_test_server_queue (fixture->server, response);
  body = call_action (fixture, "DescribeImages", &error);
  g_assert_null (body);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE);
  g_test_message ("gzip: %s", error->message);
  g_assert_nonnull (strstr (error->message, "65536 KiB"));
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 1);
}

/* A private certificate authority: trusted only through the CA bundle's session. */
static void
test_ca_bundle (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amiable-tls-XXXXXX", NULL);
  g_autofree char *ca_file = NULL;
  g_autofree char *not_pem = NULL;
  g_autofree char *missing = NULL;
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autoptr (AmTestServer) server = NULL;
  g_autoptr (AmCredentials) credentials = am_credentials_new (KEY_ID, SECRET, NULL, NULL);
  g_autoptr (AmCredentialsProvider) provider = am_credentials_provider_new_static (credentials);
  g_autoptr (AmQueryClient) client = NULL;
  g_autoptr (SoupSession) plain = am_aws_session_new ();
  g_autoptr (SoupSession) trusting = NULL;
  g_autoptr (SoupSession) again = NULL;
  g_autoptr (SoupSession) bad = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body = NULL;
  Fixture fixture = { 0 };

  g_assert_nonnull (dir);
  certificate = am_test_make_tls_certificate (dir, &ca_file);
  server = am_test_server_new_tls (certificate);
  am_test_server_set_verify_sigv4 (server, KEY_ID, SECRET);
  g_assert_true (g_str_has_prefix (am_test_server_get_url (server), "https://127.0.0.1:"));
  client = am_query_client_new (provider, "ec2", "us-east-1", am_test_server_get_url (server),
                                &error);
  g_assert_no_error (error);
  am_query_client_set_backoff_base_ms (client, 10);
  fixture.server = server;
  fixture.client = client;

  /* Without the bundle the certificate is refused, in words that name the remedy. */
  am_query_client_set_session (client, plain);
  body = call_action (&fixture, "DescribeRegions", &error);
  g_assert_null (body);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NETWORK);
  g_test_message ("without the bundle: %s", error->message);
  g_assert_nonnull (strstr (error->message, "AWS_CA_BUNDLE"));
  g_assert_nonnull (strstr (error->message, "not trusted"));
  g_assert_cmpuint (am_test_server_get_n_requests (server), ==, 0);
  g_clear_error (&error);

  /* With it the same request goes through. */
  trusting = am_aws_session_get_for_ca_bundle (ca_file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (trusting);
  again = am_aws_session_get_for_ca_bundle (ca_file, &error);
  g_assert_true (again == trusting);
  am_query_client_set_session (client, trusting);
  g_assert_true (am_query_client_get_session (client) == trusting);
  am_test_server_queue_xml (server, 200, "<DescribeRegionsResponse/>");
  body = call_action (&fixture, "DescribeRegions", &error);
  g_assert_no_error (error);
  assert_body (body, "<DescribeRegionsResponse/>");
  g_assert_cmpuint (am_test_server_get_n_requests (server), ==, 1);
  g_assert_true (am_test_server_get_request (server, 0)->signature_valid);

  /* A bundle that cannot be read, or that holds no certificate, is an error in words. */
  missing = g_build_filename (dir, "missing.pem", NULL);
  bad = am_aws_session_get_for_ca_bundle (missing, &error);
  g_assert_null (bad);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG);
  g_test_message ("missing: %s", error->message);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_nonnull (strstr (error->message, "AWS_CA_BUNDLE"));
  g_clear_error (&error);

  not_pem = g_build_filename (dir, "server.ext", NULL);
  bad = am_aws_session_get_for_ca_bundle (not_pem, &error);
  g_assert_null (bad);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG);
  g_test_message ("not PEM: %s", error->message);
  g_assert_nonnull (strstr (error->message, not_pem));
  g_clear_error (&error);

  am_test_remove_tree (dir);
}

static void
test_next_token_helper (void)
{
  static const char last_xml[] = "<R><nextToken/></R>";
  static const char more_xml[] = "<R xmlns=\"x\"><a><nextToken>no</nextToken></a>"
                                 "<nextToken> t1 </nextToken></R>";
  static const char broken_xml[] = "<R><nextToken>t1</nextToken>";
  g_autoptr (GBytes) last = g_bytes_new_static (last_xml, strlen (last_xml));
  g_autoptr (GBytes) more = g_bytes_new_static (more_xml, strlen (more_xml));
  g_autoptr (GBytes) broken = g_bytes_new_static (broken_xml, strlen (broken_xml));
  g_autoptr (GError) error = NULL;
  char *token = NULL;

  g_assert_true (am_query_find_next_token (last, &token, &error));
  g_assert_null (token);
  g_assert_true (am_query_find_next_token (more, &token, &error));
  g_assert_cmpstr (token, ==, "t1");
  g_free (token);
  g_assert_false (am_query_find_next_token (broken, &token, &error));
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE);
  g_assert_null (token);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/query-client/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("signed-request", test_signed_request);
  ADD ("bad-signature", test_bad_signature_is_auth_error);
  ADD ("retry-then-success", test_retry_then_success);
  ADD ("retries-stop", test_retries_stop);
  ADD ("client-errors-not-retried", test_client_errors_not_retried);
  ADD ("redirect-refused", test_redirect_refused);
  ADD ("expired-token", test_expired_token_retried_once);
  ADD ("sts-error-document", test_sts_error_document);
  ADD ("backoff-grows", test_backoff_grows);
  ADD ("backoff-jitter-bounded", test_backoff_jitter_bounded);
  ADD ("network-errors", test_network_errors);
  ADD ("timeout-and-truncation", test_timeout_and_truncation_retry);
  ADD ("not-idempotent", test_not_idempotent);
  ADD ("retry-budget", test_retry_budget);
  ADD ("connect-deadline", test_connect_deadline);
  ADD ("gzip", test_gzip);
  ADD ("clock-skew", test_clock_skew);
  ADD ("pagination", test_pagination);
  ADD ("pagination-stops", test_pagination_stops);
  ADD ("body-cap", test_body_cap);
  ADD ("cancel-in-flight", test_cancel_in_flight);
  ADD ("cancel-in-backoff", test_cancel_in_backoff);
  g_test_add_func ("/query-client/next-token-helper", test_next_token_helper);
  g_test_add_func ("/query-client/backoff-cap", test_backoff_cap);
  g_test_add_func ("/query-client/ca-bundle", test_ca_bundle);

#undef ADD

  return g_test_run ();
}
