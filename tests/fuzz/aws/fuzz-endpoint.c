/* fuzz-endpoint.c: libFuzzer harness for the endpoint URL parser and the region checks
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-endpoint"

#include "config.h"

#include <string.h>

#include "am-fuzz.h"
#include "aws/am-aws-error.h"
#include "aws/am-endpoint.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *endpoint = NULL;

  am_fuzz_init ();

  uri = am_endpoint_parse (text, &error);
  if (uri == NULL)
    g_assert (error != NULL && error->domain == AM_AWS_ERROR);
  else
    {
      g_autofree char *host_header = am_endpoint_host_header (uri);
      const char *scheme = g_uri_get_scheme (uri);
      const char *host = g_uri_get_host (uri);

      g_assert (error == NULL);
      /* What the parser lets through is something the transport can sign and send. */
      g_assert (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0);
      g_assert (host != NULL && *host != '\0');
      /* Plain http only ever goes to this machine. */
      if (g_ascii_strcasecmp (scheme, "http") == 0)
        g_assert (am_endpoint_is_loopback_host (host));
      g_assert (host_header != NULL && *host_header != '\0');
      g_assert (strpbrk (host_header, "\r\n ") == NULL);
    }

  am_endpoint_is_loopback_host (text);
  if (am_endpoint_is_valid_region (text))
    {
      g_assert (am_endpoint_get_partition (text) != NULL);
      g_assert (am_endpoint_get_dns_suffix (text) != NULL);
    }
  g_clear_error (&error);
  endpoint = am_endpoint_for_region ("ec2", text, &error);
  g_assert ((endpoint == NULL) == (error != NULL));
  if (endpoint != NULL)
    {
      g_autoptr (GUri) again = am_endpoint_parse (endpoint, NULL);

      /* The endpoint derived from a valid region parses back. */
      g_assert (again != NULL);
    }
  return 0;
}
