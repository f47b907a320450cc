/* am-aws-error.h: the AM_AWS_ERROR domain, which keeps the AWS error code and request id
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AM_AWS_ERROR (am_aws_error_quark ())

/**
 * AmAwsErrorCode:
 * @AM_AWS_ERROR_FAILED: the service answered with an error code not covered below
 *   (the AWS code is kept, see am_aws_error_get_code())
 * @AM_AWS_ERROR_NETWORK: the endpoint could not be reached or the connection broke
 * @AM_AWS_ERROR_THROTTLED: the service asked us to slow down and retries ran out
 * @AM_AWS_ERROR_SERVER: the service failed (HTTP 5xx) and retries ran out
 * @AM_AWS_ERROR_AUTH: the credentials were refused (AuthFailure, SignatureDoesNotMatch,
 *   InvalidClientTokenId, UnauthorizedOperation, expired tokens)
 * @AM_AWS_ERROR_CLOCK_SKEW: the request time was refused even after skew correction
 * @AM_AWS_ERROR_DRY_RUN: a DryRun request would have succeeded (DryRunOperation);
 *   callers of dry runs treat this as success
 * @AM_AWS_ERROR_CLIENT: the request was refused as invalid (any other HTTP 4xx)
 * @AM_AWS_ERROR_MALFORMED_RESPONSE: the response could not be parsed (bad or truncated XML/JSON)
 * @AM_AWS_ERROR_CONFIG: a configuration or credentials file is broken (the message names
 *   the file, the line and the problem)
 * @AM_AWS_ERROR_NO_CREDENTIALS: no credentials could be found for the profile
 * @AM_AWS_ERROR_INVALID_ARGUMENT: the caller passed something unusable (a bad endpoint URL,
 *   plain HTTP to a non-loopback host, …)
 */
typedef enum
{
  AM_AWS_ERROR_FAILED,
  AM_AWS_ERROR_NETWORK,
  AM_AWS_ERROR_THROTTLED,
  AM_AWS_ERROR_SERVER,
  AM_AWS_ERROR_AUTH,
  AM_AWS_ERROR_CLOCK_SKEW,
  AM_AWS_ERROR_DRY_RUN,
  AM_AWS_ERROR_CLIENT,
  AM_AWS_ERROR_MALFORMED_RESPONSE,
  AM_AWS_ERROR_CONFIG,
  AM_AWS_ERROR_NO_CREDENTIALS,
  AM_AWS_ERROR_INVALID_ARGUMENT,
} AmAwsErrorCode;

GQuark      am_aws_error_quark          (void);

/**
 * am_aws_error_new:
 * @code: the GError code
 * @aws_code: (nullable): the AWS error code, e.g. "InvalidAMIID.NotFound"
 * @request_id: (nullable): the AWS request id
 * @http_status: the HTTP status, or 0
 * @format: printf-style message that says what failed and what to do
 *
 * Returns: (transfer full): a new #GError in %AM_AWS_ERROR carrying the extra fields.
 */
GError     *am_aws_error_new            (AmAwsErrorCode  code,
                                         const char     *aws_code,
                                         const char     *request_id,
                                         guint           http_status,
                                         const char     *format,
                                         ...) G_GNUC_PRINTF (5, 6);

/**
 * am_aws_error_new_from:
 * @error: an error in %AM_AWS_ERROR
 * @format: printf-style message, usually what failed followed by @error's message
 *
 * Returns: (transfer full): a new error with @error's code, AWS code, request id and HTTP
 *   status (not its maybe-applied flag) and the message @format
 */
GError     *am_aws_error_new_from       (const GError   *error,
                                         const char     *format,
                                         ...) G_GNUC_PRINTF (2, 3);

/** am_aws_error_get_code: Returns: (nullable): the AWS error code kept in @error */
const char *am_aws_error_get_code       (const GError   *error);
/** am_aws_error_get_request_id: Returns: (nullable): the AWS request id kept in @error */
const char *am_aws_error_get_request_id (const GError   *error);
/** am_aws_error_get_http_status: Returns: the HTTP status kept in @error, or 0 */
guint       am_aws_error_get_http_status (const GError  *error);

/**
 * am_aws_error_code_is:
 * Returns: %TRUE when @error is in %AM_AWS_ERROR and carries the AWS code @aws_code.
 */
gboolean    am_aws_error_code_is        (const GError   *error,
                                         const char     *aws_code);

/**
 * am_aws_error_get_maybe_applied:
 * Returns: %TRUE when a call that is not idempotent failed after it may have reached the
 *   service (a timeout, a dropped connection or a 5xx once it was sent): the change may have
 *   been made, and the call was not sent again.
 */
gboolean    am_aws_error_get_maybe_applied (const GError *error);
void        am_aws_error_set_maybe_applied (GError       *error,
                                            gboolean      maybe_applied);

G_END_DECLS
