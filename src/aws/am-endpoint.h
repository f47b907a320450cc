/* am-endpoint.h: service endpoints per region and partition, and endpoint URL checks
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * am_endpoint_is_valid_region:
 * Returns: %TRUE for a plausible region name (lower-case letters, digits and '-')
 */
gboolean    am_endpoint_is_valid_region     (const char  *region);

/**
 * am_endpoint_get_partition:
 * Returns: "aws", "aws-cn" (cn-*), "aws-us-gov" (us-gov-*), "aws-iso" (us-iso-*) or
 *   "aws-iso-b" (us-isob-*)
 */
const char *am_endpoint_get_partition       (const char  *region);

/** am_endpoint_get_dns_suffix: "amazonaws.com", "amazonaws.com.cn", … for @region. */
const char *am_endpoint_get_dns_suffix      (const char  *region);

/**
 * am_endpoint_for_region:
 * @service: the endpoint prefix, e.g. "ec2", "ssm", "sts", "portal.sso"
 * Returns: (transfer full): "https://SERVICE.REGION.SUFFIX" (e.g.
 *   https://ec2.cn-north-1.amazonaws.com.cn), or %NULL with AM_AWS_ERROR_INVALID_ARGUMENT
 *   for a bad region
 */
char       *am_endpoint_for_region          (const char  *service,
                                             const char  *region,
                                             GError     **error);

/** am_endpoint_is_loopback_host: 127.0.0.0/8, ::1 (bracketed or not) and "localhost". */
gboolean    am_endpoint_is_loopback_host    (const char  *host);

/**
 * am_endpoint_parse:
 * Checks an endpoint URL (from settings or the environment): it must be absolute https, or
 * plain http to a loopback host; no user info, query or fragment.
 * Returns: (transfer full): the parsed URI, or %NULL with AM_AWS_ERROR_INVALID_ARGUMENT
 */
GUri       *am_endpoint_parse               (const char  *url,
                                             GError     **error);

/**
 * am_endpoint_host_header:
 * Returns: (transfer full): the Host header for @uri: host, plus ":port" when the port is not
 *   the scheme's default; IPv6 literals in brackets
 */
char       *am_endpoint_host_header         (GUri        *uri);

G_END_DECLS
