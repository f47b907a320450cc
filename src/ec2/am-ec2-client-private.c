/* am-ec2-client-private.c: what the EC2 and Auto Scaling clients share (errors, derived transports)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-ec2-client"

#include "config.h"

#include "am-aws-error.h"
#include "am-ec2-client-private.h"
#include "am-ec2-operations.h"

GError *
_am_ec2_error_with_context (const GError *error,
                            const char   *what)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  if (error->domain == AM_AWS_ERROR)
    {
      GError *wrapped = am_aws_error_new_from (error, "%s: %s", what, error->message);

      am_aws_error_set_maybe_applied (wrapped, am_aws_error_get_maybe_applied (error));
      return wrapped;
    }
  return g_error_new (error->domain, error->code, "%s: %s", what, error->message);
}

AmQueryClient *
_am_ec2_client_derive_query (AmEc2Client  *ec2,
                             const char   *service,
                             const char   *region,
                             GError      **error)
{
  AmQueryClient *ec2_query = am_ec2_client_get_query_client (ec2);
  AmQueryClient *query;
  g_autofree char *endpoint = NULL;

  /* A custom endpoint serves every service at one address. */
  if (am_ec2_client_has_custom_endpoint (ec2))
    endpoint = am_query_client_dup_endpoint (ec2_query);
  query = am_query_client_new (am_query_client_get_credentials (ec2_query), service, region,
                               endpoint, error);
  if (query != NULL)
    {
      am_query_client_set_max_attempts (query, am_query_client_get_max_attempts (ec2_query));
      /* The same trusted certificate authorities (a profile's CA bundle). */
      am_query_client_set_session (query, am_query_client_get_session (ec2_query));
      am_query_client_set_idempotent_func (query, am_ec2_operation_is_idempotent);
    }
  return query;
}
