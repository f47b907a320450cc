/* am-aws-transport.c: the signed, retrying HTTP exchange shared by the Query and JSON clients
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-aws-transport"

#include "config.h"

#include <string.h>

#include "am-aws-error.h"
#include "am-aws-session.h"
#include "am-aws-transport-private.h"
#include "am-connection-monitor.h"
#include "am-endpoint.h"
#include "am-sigv4.h"

/* The AWS SDKs' "standard" retry mode. */
#define DEFAULT_MAX_ATTEMPTS    3
#define DEFAULT_TIMEOUT_MS      60000
/* A connection (DNS, TCP, TLS) that takes longer is not coming: a dead host or a dropped SYN. */
#define CONNECT_TIMEOUT_MS      10000
/* No new attempt starts this long after the call began, whatever the attempts left. */
#define RETRY_BUDGET_MS         30000
#define DEFAULT_BACKOFF_BASE_MS 1000
#define MAX_BACKOFF_MS          20000
#define RETRY_QUOTA_INITIAL     500
#define RETRY_COST              5
#define RETRY_COST_TIMEOUT      10
#define NO_RETRY_INCREMENT      1
/* A server clock this far from ours (after correction) is worth a corrected retry. */
#define SKEW_THRESHOLD          (60 * G_TIME_SPAN_SECOND)

struct _AmAwsTransport
{
  gatomicrefcount        ref_count;
  AmCredentialsProvider *credentials;   /* nullable: unsigned */
  char                  *service;
  char                  *region;
  GUri                  *endpoint;
  char                  *host_header;
  SoupSession           *session;
  guint                  max_attempts;
  guint                  timeout_ms;
  guint                  backoff_base_ms;
  gboolean               jitter;
  GTimeSpan              clock_offset;
  int                    retry_quota;
};

/* The clock offsets learned from each host's Date header, shared by every transport of the
 * process: the STS, SSM and EC2 clients of one endpoint need not each pay a refused request
 * to learn that this computer's clock is off. */
static GMutex offsets_lock;
static GHashTable *offsets;   /* host header → GTimeSpan, boxed */

static GTimeSpan
shared_offset (const char *host)
{
  GTimeSpan offset = 0;
  GTimeSpan *found;

  g_mutex_lock (&offsets_lock);
  found = offsets != NULL ? g_hash_table_lookup (offsets, host) : NULL;
  if (found != NULL)
    offset = *found;
  g_mutex_unlock (&offsets_lock);
  return offset;
}

static void
share_offset (const char *host,
              GTimeSpan   offset)
{
  g_mutex_lock (&offsets_lock);
  if (offsets == NULL)
    offsets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (offsets, g_strdup (host), g_memdup2 (&offset, sizeof offset));
  g_mutex_unlock (&offsets_lock);
}

static const char * const throttling_codes[] = {
  "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
  "TooManyRequestsException", "ProvisionedThroughputExceededException",
  "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
  "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
  "EC2ThrottledException",
};

static const char * const transient_codes[] = {
  "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure",
  "ServiceUnavailable", "Unavailable", "IDPCommunicationError",
};

static const char * const auth_codes[] = {
  "AuthFailure", "SignatureDoesNotMatch", "InvalidClientTokenId", "UnauthorizedOperation",
  "ExpiredToken", "ExpiredTokenException", "MissingAuthenticationToken", "AccessDenied",
  "AccessDeniedException", "UnrecognizedClientException", "IncompleteSignature",
  "InvalidAccessKeyId", "InvalidSignatureException", "UnauthorizedException",
  "MissingAuthenticationTokenException", "OptInRequired",
};

static const char * const always_skew_codes[] = {
  "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture",
};

static const char * const maybe_skew_codes[] = {
  "InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure",
};

static const char * const expired_token_codes[] = {
  "ExpiredToken", "ExpiredTokenException", "RequestExpiredToken",
};

static gboolean
code_in (const char         *code,
         const char * const *list,
         gsize               n)
{
  if (code == NULL)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (strcmp (code, list[i]) == 0)
      return TRUE;
  return FALSE;
}

#define CODE_IN(code, list) code_in ((code), (list), G_N_ELEMENTS (list))

gboolean
_am_aws_error_code_is_throttling (const char *code)
{
  return CODE_IN (code, throttling_codes);
}

static gboolean
is_skew_error (const char *code,
               const char *message)
{
  g_autofree char *lower = NULL;

  if (CODE_IN (code, always_skew_codes))
    return TRUE;
  if (!CODE_IN (code, maybe_skew_codes) || message == NULL)
    return FALSE;

  lower = g_ascii_strdown (message, -1);
  return strstr (lower, "expired") != NULL || strstr (lower, "not yet current") != NULL
         || strstr (lower, "skew") != NULL;
}

/* Transport */

AmAwsTransport *
_am_aws_transport_new (AmCredentialsProvider *credentials,
                       const char            *service,
                       const char            *endpoint_prefix,
                       const char            *region,
                       const char            *endpoint_url,
                       GError               **error)
{
  g_autoptr (AmAwsTransport) self = NULL;
  g_autofree char *derived = NULL;

  g_return_val_if_fail (credentials == NULL || AM_IS_CREDENTIALS_PROVIDER (credentials), NULL);
  g_return_val_if_fail (service != NULL && *service != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!am_endpoint_is_valid_region (region))
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_INVALID_ARGUMENT,
                   "“%s” is not a region name; choose a region such as us-east-1",
                   region != NULL ? region : "");
      return NULL;
    }

  if (endpoint_url == NULL)
    {
      derived = am_endpoint_for_region (endpoint_prefix != NULL ? endpoint_prefix : service,
                                        region, error);
      if (derived == NULL)
        return NULL;
      endpoint_url = derived;
    }

  self = g_new0 (AmAwsTransport, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->endpoint = am_endpoint_parse (endpoint_url, error);
  if (self->endpoint == NULL)
    return NULL;

  self->credentials = credentials != NULL ? g_object_ref (credentials) : NULL;
  self->service = g_strdup (service);
  self->region = g_strdup (region);
  self->host_header = am_endpoint_host_header (self->endpoint);
  self->session = g_object_ref (am_aws_session_get_default ());
  self->max_attempts = DEFAULT_MAX_ATTEMPTS;
  self->timeout_ms = DEFAULT_TIMEOUT_MS;
  self->backoff_base_ms = DEFAULT_BACKOFF_BASE_MS;
  self->jitter = TRUE;
  self->retry_quota = RETRY_QUOTA_INITIAL;

  return g_steal_pointer (&self);
}

AmAwsTransport *
_am_aws_transport_ref (AmAwsTransport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
_am_aws_transport_unref (AmAwsTransport *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_object (&self->credentials);
  g_free (self->service);
  g_free (self->region);
  g_clear_pointer (&self->endpoint, g_uri_unref);
  g_free (self->host_header);
  g_clear_object (&self->session);
  g_free (self);
}

const char *
_am_aws_transport_get_service (AmAwsTransport *self)
{
  return self->service;
}

const char *
_am_aws_transport_get_region (AmAwsTransport *self)
{
  return self->region;
}

GUri *
_am_aws_transport_get_endpoint (AmAwsTransport *self)
{
  return self->endpoint;
}

AmCredentialsProvider *
_am_aws_transport_get_credentials (AmAwsTransport *self)
{
  return self->credentials;
}

void
_am_aws_transport_set_session (AmAwsTransport *self,
                               SoupSession    *session)
{
  g_return_if_fail (SOUP_IS_SESSION (session));
  g_set_object (&self->session, session);
}

SoupSession *
_am_aws_transport_get_session (AmAwsTransport *self)
{
  return self->session;
}

guint
_am_aws_transport_get_max_attempts (AmAwsTransport *self)
{
  return self->max_attempts;
}

void
_am_aws_transport_set_max_attempts (AmAwsTransport *self,
                                    guint           max_attempts)
{
  self->max_attempts = MAX (max_attempts, 1);
}

guint
_am_aws_transport_get_timeout_ms (AmAwsTransport *self)
{
  return self->timeout_ms;
}

void
_am_aws_transport_set_timeout_ms (AmAwsTransport *self,
                                  guint           timeout_ms)
{
  self->timeout_ms = timeout_ms;
}

guint
_am_aws_transport_get_backoff_base_ms (AmAwsTransport *self)
{
  return self->backoff_base_ms;
}

void
_am_aws_transport_set_backoff_base_ms (AmAwsTransport *self,
                                       guint           base_ms)
{
  self->backoff_base_ms = base_ms;
}

gboolean
_am_aws_transport_get_jitter (AmAwsTransport *self)
{
  return self->jitter;
}

void
_am_aws_transport_set_jitter (AmAwsTransport *self,
                              gboolean        jitter)
{
  self->jitter = !!jitter;
}

GTimeSpan
_am_aws_transport_get_clock_offset (AmAwsTransport *self)
{
  self->clock_offset = shared_offset (self->host_header);
  return self->clock_offset;
}

/* One call, across attempts */

typedef struct
{
  AmAwsTransport *transport;
  char           *method;
  char           *path;
  char           *query;
  char           *content_type;
  GBytes         *body;
  GStrv           extra_headers;
  char           *operation;
  AmAwsErrorDocParser parse_error;
  gsize           max_body;
  gboolean        not_idempotent;

  guint           attempt;          /* attempts made */
  gboolean        may_have_arrived; /* this attempt's request headers were written */
  gboolean        skew_retried;
  gboolean        token_retried;
  int             quota_spent;      /* retry quota taken by this call */
  SoupMessage    *msg;
  GCancellable   *attempt_cancellable;
  gulong          chain_id;
  guint           timeout_id;
  gboolean        timed_out;
  gboolean        connecting;       /* the timer is the connect deadline */
  gboolean        connect_timed_out;
  gboolean        network_retry;    /* the last attempt could not connect; another follows */
  gint64          attempt_started_us;
  gint64          started_us;       /* when the call began, for the retry budget */
  guint           backoff_id;
  GSource        *backoff_cancel_source;
} SendData;

static void
clear_attempt (SendData     *data,
               GCancellable *cancellable)
{
  g_clear_handle_id (&data->timeout_id, g_source_remove);
  if (data->chain_id != 0)
    {
      g_cancellable_disconnect (cancellable, data->chain_id);
      data->chain_id = 0;
    }
  g_clear_object (&data->attempt_cancellable);
  if (data->msg != NULL)
    g_signal_handlers_disconnect_by_data (data->msg, data);
  g_clear_object (&data->msg);
}

static void
report_connection (SendData          *data,
                   AmConnectionState  state)
{
  am_connection_monitor_report (am_connection_monitor_get_default (),
                                data->transport->host_header, state);
}

static void
send_data_free (gpointer user_data)
{
  SendData *data = user_data;

  g_assert (data->chain_id == 0);
  g_clear_handle_id (&data->timeout_id, g_source_remove);
  g_clear_handle_id (&data->backoff_id, g_source_remove);
  if (data->backoff_cancel_source != NULL)
    {
      g_source_destroy (data->backoff_cancel_source);
      g_clear_pointer (&data->backoff_cancel_source, g_source_unref);
    }
  g_clear_object (&data->attempt_cancellable);
  g_clear_object (&data->msg);
  _am_aws_transport_unref (data->transport);
  g_free (data->method);
  g_free (data->path);
  g_free (data->query);
  g_free (data->content_type);
  g_clear_pointer (&data->body, g_bytes_unref);
  g_strfreev (data->extra_headers);
  g_free (data->operation);
  g_free (data);
}

static void start_attempt (GTask *task);

static char *
endpoint_string (AmAwsTransport *self)
{
  return g_uri_to_string_partial (self->endpoint, G_URI_HIDE_PASSWORD);
}

static const char *
describe_service (SendData *data)
{
  return data->operation != NULL ? data->operation : data->transport->service;
}

static gboolean
on_backoff_cancelled (GCancellable *cancellable,
                      gpointer      user_data)
{
  GTask *task = user_data;
  SendData *data = g_task_get_task_data (task);

  g_clear_handle_id (&data->backoff_id, g_source_remove);
  g_clear_pointer (&data->backoff_cancel_source, g_source_unref);
  /* The last word on the endpoint was a failed connection: "retrying" no longer holds. */
  if (data->network_retry)
    report_connection (data, AM_CONNECTION_OFFLINE);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled");
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

static gboolean
on_backoff_done (gpointer user_data)
{
  GTask *task = user_data;
  SendData *data = g_task_get_task_data (task);

  data->backoff_id = 0;
  if (data->backoff_cancel_source != NULL)
    {
      g_source_destroy (data->backoff_cancel_source);
      g_clear_pointer (&data->backoff_cancel_source, g_source_unref);
    }
  start_attempt (task);
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

/* Full jitter: a uniformly random wait in [0, min(base * 2^(retry-1), cap)]. */
guint
_am_aws_transport_backoff_delay_ms (AmAwsTransport *self,
                                    guint           retry)
{
  guint64 ceiling = self->backoff_base_ms;

  for (guint i = 1; i < retry && ceiling < MAX_BACKOFF_MS; i++)
    ceiling *= 2;
  ceiling = MIN (ceiling, MAX_BACKOFF_MS);

  if (!self->jitter || ceiling == 0)
    return (guint) ceiling;
  return (guint) g_random_int_range (0, (gint32) ceiling + 1);
}

/* Takes ownership of the task ref held by the attempt. */
static void
schedule_retry (GTask *task,
                guint  delay_ms)
{
  SendData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  g_debug ("%s: retrying attempt %u/%u in %u ms", describe_service (data), data->attempt + 1,
           data->transport->max_attempts, delay_ms);

  if (delay_ms == 0)
    {
      start_attempt (task);
      g_object_unref (task);
      return;
    }

  data->backoff_id = g_timeout_add (delay_ms, on_backoff_done, task);
  if (cancellable != NULL)
    {
      data->backoff_cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (data->backoff_cancel_source, G_SOURCE_FUNC (on_backoff_cancelled),
                             task, NULL);
      g_source_attach (data->backoff_cancel_source, g_task_get_context (task));
    }
}

static gboolean
take_retry_quota (SendData *data,
                  gboolean  timeout)
{
  int cost = timeout ? RETRY_COST_TIMEOUT : RETRY_COST;

  if (data->transport->retry_quota < cost)
    return FALSE;
  data->transport->retry_quota -= cost;
  data->quota_spent += cost;
  return TRUE;
}

static void
release_retry_quota (SendData *data)
{
  AmAwsTransport *self = data->transport;

  self->retry_quota += data->quota_spent > 0 ? data->quota_spent : NO_RETRY_INCREMENT;
  self->retry_quota = MIN (self->retry_quota, RETRY_QUOTA_INITIAL);
  data->quota_spent = 0;
}

/* Returns: %TRUE when a retry was scheduled (the task ref moved there). */
static gboolean
maybe_retry (GTask    *task,
             gboolean  timeout)
{
  SendData *data = g_task_get_task_data (task);
  guint delay_ms;

  if (data->attempt >= data->transport->max_attempts)
    return FALSE;
  delay_ms = _am_aws_transport_backoff_delay_ms (data->transport, data->attempt);
  if ((g_get_monotonic_time () - data->started_us) / 1000 + delay_ms > RETRY_BUDGET_MS)
    {
      g_debug ("%s: %u s have passed, not retrying", describe_service (data), RETRY_BUDGET_MS / 1000);
      return FALSE;
    }
  if (!take_retry_quota (data, timeout))
    {
      g_debug ("%s: retry quota exhausted, not retrying", describe_service (data));
      return FALSE;
    }
  schedule_retry (task, delay_ms);
  return TRUE;
}

#define UNSENT_HINT ". The request may have reached the service, so it was not sent again"

/* A request that is not idempotent is resent only when it surely was not applied: it never
 * left this computer, or the service refused it by throttling. */
static gboolean
may_resend (SendData   *data,
            const char *code)
{
  return !data->not_idempotent || !data->may_have_arrived || _am_aws_error_code_is_throttling (code);
}

static GError *
mark_maybe_applied (SendData *data,
                    GError   *error)
{
  am_aws_error_set_maybe_applied (error, data->not_idempotent && data->may_have_arrived);
  return error;
}

static GError *
network_error (SendData     *data,
               const GError *cause)
{
  g_autofree char *endpoint = endpoint_string (data->transport);
  const char *unsent = data->not_idempotent && data->may_have_arrived ? UNSENT_HINT : "";

  if (data->connect_timed_out)
    return am_aws_error_new (AM_AWS_ERROR_NETWORK, NULL, NULL, 0,
                             "Could not connect to %s within %u s (%s); check the network "
                             "connection and the endpoint setting", endpoint,
                             CONNECT_TIMEOUT_MS / 1000, describe_service (data));
  if (data->timed_out)
    return am_aws_error_new (AM_AWS_ERROR_NETWORK, NULL, NULL, 0,
                             "%s did not answer within %u ms (%s); check the network connection "
                             "or try again later%s", endpoint, data->transport->timeout_ms,
                             describe_service (data), unsent);
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    return am_aws_error_new (AM_AWS_ERROR_MALFORMED_RESPONSE, NULL, NULL, 0,
                             "%s answered %s with more than Amiable takes (%s) and was cut off; "
                             "AWS never sends so much for one call. Check the endpoint setting",
                             endpoint, describe_service (data), cause->message);
  if (g_error_matches (cause, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    return am_aws_error_new (AM_AWS_ERROR_NETWORK, NULL, NULL, 0,
                             "The certificate of %s is not trusted (%s): %s. If a company proxy "
                             "or a private certificate authority signs it, set AWS_CA_BUNDLE or "
                             "the profile’s ca_bundle to that authority’s certificate file",
                             endpoint, describe_service (data), cause->message);
  return am_aws_error_new (AM_AWS_ERROR_NETWORK, NULL, NULL, 0,
                           "Could not reach %s for %s: %s. Check the network connection and the "
                           "endpoint setting%s", endpoint, describe_service (data),
                           cause != NULL ? cause->message : "the connection broke", unsent);
}

static GError *
service_error (SendData   *data,
               guint       status,
               const char *code,
               const char *message,
               const char *request_id)
{
  AmAwsErrorCode domain_code;
  const char *hint;
  g_autofree char *what = NULL;

  if (g_strcmp0 (code, "DryRunOperation") == 0)
    {
      domain_code = AM_AWS_ERROR_DRY_RUN;
      hint = "";
    }
  else if (_am_aws_error_code_is_throttling (code))
    {
      domain_code = AM_AWS_ERROR_THROTTLED;
      hint = " The service is limiting the request rate; wait a moment and try again.";
    }
  else if (is_skew_error (code, message))
    {
      domain_code = AM_AWS_ERROR_CLOCK_SKEW;
      hint = " Check that this computer's clock and time zone are right.";
    }
  else if (CODE_IN (code, auth_codes) || status == 401 || status == 403)
    {
      domain_code = AM_AWS_ERROR_AUTH;
      hint = " Check the profile's credentials and permissions.";
    }
  else if (status >= 500)
    {
      domain_code = AM_AWS_ERROR_SERVER;
      hint = data->not_idempotent && data->may_have_arrived
             ? " The service is having trouble, and the request may have been applied, so it was "
               "not sent again; check its result before trying again."
             : " The service is having trouble; try again later.";
    }
  else if (status >= 400)
    {
      domain_code = AM_AWS_ERROR_CLIENT;
      hint = "";
    }
  else
    {
      domain_code = AM_AWS_ERROR_FAILED;
      hint = "";
    }

  if (message != NULL && *message != '\0')
    what = g_strdup (message);
  else
    what = g_strdup_printf ("HTTP %u %s", status, soup_status_get_phrase (status));

  return am_aws_error_new (domain_code, code, request_id, status, "%s failed: %s%s%s%s%s",
                           describe_service (data), what,
                           code != NULL ? " (" : "", code != NULL ? code : "",
                           code != NULL ? ")" : "", hint);
}

static const char *
header_request_id (SoupMessageHeaders *headers)
{
  const char *id = soup_message_headers_get_one (headers, "x-amzn-RequestId");

  if (id == NULL)
    id = soup_message_headers_get_one (headers, "x-amz-request-id");
  return id;
}

/* Learns the server's clock from its Date header. Returns: %TRUE if a corrected retry can
 * help. */
static gboolean
learn_clock_offset (AmAwsTransport     *self,
                    SoupMessageHeaders *headers,
                    gint64              sent_local_us)
{
  const char *date = soup_message_headers_get_one (headers, "Date");
  g_autoptr (GDateTime) server = NULL;
  GTimeSpan offset;

  if (date == NULL)
    return FALSE;
  server = soup_date_time_new_from_http_string (date);
  if (server == NULL)
    return FALSE;

  offset = g_date_time_to_unix (server) * G_TIME_SPAN_SECOND - sent_local_us;
  if (ABS (offset - _am_aws_transport_get_clock_offset (self)) < SKEW_THRESHOLD)
    return FALSE;

  g_debug ("The server's clock is %" G_GINT64_FORMAT " s from ours; correcting",
           offset / G_TIME_SPAN_SECOND);
  self->clock_offset = offset;
  share_offset (self->host_header, offset);
  return TRUE;
}

static gboolean
body_is_truncated (SoupMessage *msg,
                   GBytes      *body)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);

  if (soup_message_headers_get_one (headers, "Content-Encoding") != NULL)
    return FALSE;
  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH)
    return FALSE;
  return (goffset) g_bytes_get_size (body) != soup_message_headers_get_content_length (headers);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;  /* the attempt's ref */
  SendData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SoupMessage) msg = g_object_ref (data->msg);
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;
  g_autofree char *request_id = NULL;
  SoupMessageHeaders *headers;
  gint64 sent_local_us;
  guint status;

  body = am_aws_session_send_capped_finish (result, &error);
  sent_local_us = g_get_real_time ();
  clear_attempt (data, cancellable);

  if (g_cancellable_is_cancelled (cancellable))
    {
      if (data->network_retry)
        report_connection (data, AM_CONNECTION_OFFLINE);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled");
      g_object_unref (task);
      return;
    }

  if (body != NULL && body_is_truncated (msg, body))
    {
      g_clear_pointer (&body, g_bytes_unref);
      error = g_error_new (G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                           "the connection closed before the whole answer arrived");
    }

  if (body == NULL)
    {
      gboolean timeout = data->timed_out || data->connect_timed_out;

      g_debug ("%s: attempt %u failed: %s", describe_service (data), data->attempt,
               timeout ? "timed out" : error->message);
      if (!g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE)
          && error->domain != G_TLS_ERROR
          && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE)
          && may_resend (data, NULL) && maybe_retry (task, timeout))
        {
          data->timed_out = FALSE;
          data->connect_timed_out = FALSE;
          data->network_retry = TRUE;
          report_connection (data, AM_CONNECTION_RETRYING);
          return;
        }
      report_connection (data, AM_CONNECTION_OFFLINE);
      g_task_return_error (task, mark_maybe_applied (data, network_error (data, error)));
      g_object_unref (task);
      return;
    }

  status = soup_message_get_status (msg);
  headers = soup_message_get_response_headers (msg);
  report_connection (data, AM_CONNECTION_REACHABLE);

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_debug ("%s: HTTP %u, %" G_GSIZE_FORMAT " bytes, request id %s", describe_service (data),
               status, g_bytes_get_size (body),
               header_request_id (headers) != NULL ? header_request_id (headers) : "(none)");
      release_retry_quota (data);
      g_task_return_pointer (task, g_steal_pointer (&body), (GDestroyNotify) g_bytes_unref);
      g_object_unref (task);
      return;
    }

  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      const char *location = soup_message_headers_get_one (headers, "Location");
      g_autofree char *endpoint = g_uri_to_string_partial (data->transport->endpoint,
                                                           G_URI_HIDE_PASSWORD);

      g_debug ("%s: HTTP %u redirect refused", describe_service (data), status);
      g_task_return_error (task, am_aws_error_new (AM_AWS_ERROR_INVALID_ARGUMENT, NULL,
                                                   header_request_id (headers), status,
                                                   "%s failed: the endpoint %s answered with a "
                                                   "redirect (HTTP %u) to %s. Amiable does not "
                                                   "follow redirects; set the endpoint to the "
                                                   "service's own address.",
                                                   describe_service (data), endpoint, status,
                                                   location != NULL ? location : "an address it did not give"));
      g_object_unref (task);
      return;
    }

  if (data->parse_error != NULL && g_bytes_get_size (body) > 0)
    data->parse_error (body, &code, &message, &request_id);
  if (request_id == NULL)
    request_id = g_strdup (header_request_id (headers));
  if (code == NULL)
    code = g_strdup (soup_message_headers_get_one (headers, "x-amzn-ErrorType"));
  if (code != NULL && strchr (code, ':') != NULL)
    *strchr (code, ':') = '\0';

  g_debug ("%s: attempt %u: HTTP %u %s, request id %s", describe_service (data), data->attempt,
           status, code != NULL ? code : "(no code)", request_id != NULL ? request_id : "(none)");

  if (is_skew_error (code, message) && !data->skew_retried)
    {
      data->skew_retried = TRUE;
      if (learn_clock_offset (data->transport, headers, sent_local_us))
        {
          /* A corrected retry does not count as an attempt. */
          data->attempt--;
          schedule_retry (task, 0);
          return;
        }
    }

  if (CODE_IN (code, expired_token_codes) && !data->token_retried
      && data->transport->credentials != NULL)
    {
      data->token_retried = TRUE;
      am_credentials_provider_invalidate (data->transport->credentials);
      data->attempt--;
      schedule_retry (task, 0);
      return;
    }

  if ((_am_aws_error_code_is_throttling (code) || CODE_IN (code, transient_codes)
       || status == 500 || status == 502 || status == 503 || status == 504)
      && may_resend (data, code) && maybe_retry (task, FALSE))
    return;

  g_task_return_error (task, status >= 500 && !_am_aws_error_code_is_throttling (code)
                             ? mark_maybe_applied (data, service_error (data, status, code, message, request_id))
                             : service_error (data, status, code, message, request_id));
  g_object_unref (task);
}

/* One timer per attempt: first the connect deadline, then (once connected) what is left of
 * the attempt's own. */
static gboolean
on_attempt_timeout (gpointer user_data)
{
  SendData *data = user_data;

  data->timeout_id = 0;
  if (data->connecting)
    data->connect_timed_out = TRUE;
  else
    data->timed_out = TRUE;
  g_cancellable_cancel (data->attempt_cancellable);
  return G_SOURCE_REMOVE;
}

/* Headers written means a connection exists: the connect deadline is met, and from here on
 * the request may have reached the server. */
static void
on_wrote_headers (SoupMessage *msg,
                  gpointer     user_data)
{
  SendData *data = user_data;
  guint elapsed_ms = (g_get_monotonic_time () - data->attempt_started_us) / 1000;

  data->may_have_arrived = TRUE;
  if (!data->connecting)
    return;
  data->connecting = FALSE;
  g_clear_handle_id (&data->timeout_id, g_source_remove);
  if (data->transport->timeout_ms > 0)
    data->timeout_id = g_timeout_add (data->transport->timeout_ms > elapsed_ms
                                      ? data->transport->timeout_ms - elapsed_ms : 1,
                                      on_attempt_timeout, data);
}

static void
on_caller_cancelled (GCancellable *cancellable,
                     gpointer      user_data)
{
  GCancellable *attempt_cancellable = user_data;

  g_cancellable_cancel (attempt_cancellable);
}

static void
send_signed (GTask         *task,
             AmCredentials *credentials)
{
  SendData *data = g_task_get_task_data (task);
  AmAwsTransport *self = data->transport;
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *amz_date = NULL;
  g_autofree char *endpoint = NULL;
  const char *base_path;
  const char *path;
  SoupMessageHeaders *headers;

  base_path = g_uri_get_path (self->endpoint);
  if (data->path != NULL)
    path = data->path;
  else
    path = base_path != NULL && *base_path != '\0' ? base_path : "/";

  uri = g_uri_build (G_URI_FLAGS_ENCODED, g_uri_get_scheme (self->endpoint), NULL,
                     g_uri_get_host (self->endpoint), g_uri_get_port (self->endpoint), path,
                     data->query, NULL);
  data->msg = soup_message_new_from_uri (data->method, uri);
  /* A redirect would re-send the request somewhere the endpoint rules never checked (plain
   * HTTP to a remote host, say), and its answer would be taken as the service's. */
  soup_message_add_flags (data->msg, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (data->msg);

  now = g_date_time_new_from_unix_utc ((g_get_real_time () + _am_aws_transport_get_clock_offset (self))
                                       / G_TIME_SPAN_SECOND);
  amz_date = am_sigv4_format_amz_date (now);

  soup_message_headers_replace (headers, "Host", self->host_header);
  soup_message_headers_replace (headers, "X-Amz-Date", amz_date);
  if (data->content_type != NULL)
    soup_message_headers_replace (headers, "Content-Type", data->content_type);
  for (guint i = 0; data->extra_headers != NULL && data->extra_headers[i] != NULL
                    && data->extra_headers[i + 1] != NULL; i += 2)
    soup_message_headers_replace (headers, data->extra_headers[i], data->extra_headers[i + 1]);

  if (credentials != NULL)
    {
      g_autoptr (AmSigv4Request) request = am_sigv4_request_new (data->method, path, data->query);
      g_auto (AmSigv4Result) signed_result = { 0 };
      const char *token = am_credentials_get_session_token (credentials);

      am_sigv4_request_add_header (request, "Host", self->host_header);
      am_sigv4_request_add_header (request, "X-Amz-Date", amz_date);
      if (data->content_type != NULL)
        am_sigv4_request_add_header (request, "Content-Type", data->content_type);
      if (token != NULL)
        {
          am_sigv4_request_add_header (request, "X-Amz-Security-Token", token);
          soup_message_headers_replace (headers, "X-Amz-Security-Token", token);
        }
      for (guint i = 0; data->extra_headers != NULL && data->extra_headers[i] != NULL
                        && data->extra_headers[i + 1] != NULL; i += 2)
        am_sigv4_request_add_header (request, data->extra_headers[i], data->extra_headers[i + 1]);
      if (data->body != NULL)
        am_sigv4_request_set_payload (request, g_bytes_get_data (data->body, NULL),
                                      g_bytes_get_size (data->body));

      if (!am_sigv4_sign (request, am_credentials_get_access_key_id (credentials),
                          am_credentials_get_secret_access_key (credentials), self->region,
                          self->service, amz_date, &signed_result, &error))
        {
          g_clear_object (&data->msg);
          g_task_return_error (task, g_steal_pointer (&error));
          g_object_unref (task);
          return;
        }
      soup_message_headers_replace (headers, "Authorization", signed_result.authorization);
    }

  if (data->body != NULL)
    soup_message_set_request_body_from_bytes (data->msg, data->content_type, data->body);
  data->may_have_arrived = FALSE;
  g_signal_connect (data->msg, "wrote-headers", G_CALLBACK (on_wrote_headers), data);

  data->attempt++;
  endpoint = endpoint_string (self);
  g_debug ("%s %s: %s attempt %u/%u", data->method, endpoint, describe_service (data),
           data->attempt, self->max_attempts);

  data->attempt_cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    data->chain_id = g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled),
                                            data->attempt_cancellable, NULL);
  data->attempt_started_us = g_get_monotonic_time ();
  data->connecting = self->timeout_ms == 0 || self->timeout_ms > CONNECT_TIMEOUT_MS;
  if (data->connecting)
    data->timeout_id = g_timeout_add (CONNECT_TIMEOUT_MS, on_attempt_timeout, data);
  else
    data->timeout_id = g_timeout_add (self->timeout_ms, on_attempt_timeout, data);

  am_aws_session_send_capped_async (self->session, data->msg, data->max_body,
                                    data->attempt_cancellable, on_sent, task);
}

static void
on_credentials (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr (AmCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;

  credentials = am_credentials_provider_get_finish (AM_CREDENTIALS_PROVIDER (source), result,
                                                    &error);
  if (credentials == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  send_signed (task, credentials);
}

/* Takes a ref on the task for the attempt. */
static void
start_attempt (GTask *task)
{
  SendData *data = g_task_get_task_data (task);

  g_object_ref (task);
  if (data->transport->credentials == NULL)
    {
      send_signed (task, NULL);
      return;
    }
  am_credentials_provider_get_async (data->transport->credentials, g_task_get_cancellable (task),
                                     on_credentials, task);
}

void
_am_aws_transport_send_async (AmAwsTransport              *self,
                              const AmAwsTransportRequest *request,
                              GCancellable                *cancellable,
                              GAsyncReadyCallback          callback,
                              gpointer                     user_data)
{
  g_autoptr (GTask) task = NULL;
  SendData *data;

  g_return_if_fail (self != NULL);
  g_return_if_fail (request != NULL && request->method != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, _am_aws_transport_send_async);

  data = g_new0 (SendData, 1);
  data->transport = _am_aws_transport_ref (self);
  data->method = g_strdup (request->method);
  data->path = g_strdup (request->path);
  data->query = g_strdup (request->query);
  data->content_type = g_strdup (request->content_type);
  data->body = request->body != NULL ? g_bytes_ref (request->body) : NULL;
  data->extra_headers = g_strdupv ((char **) request->extra_headers);
  data->operation = g_strdup (request->operation);
  data->parse_error = request->parse_error;
  data->max_body = request->max_body > 0 ? request->max_body : AM_AWS_MAX_BODY_LISTING;
  data->not_idempotent = request->not_idempotent;
  data->started_us = g_get_monotonic_time ();
  g_task_set_task_data (task, data, send_data_free);

  if (g_task_return_error_if_cancelled (task))
    return;

  start_attempt (task);
}

GBytes *
_am_aws_transport_send_finish (GAsyncResult *result,
                               GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == _am_aws_transport_send_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
