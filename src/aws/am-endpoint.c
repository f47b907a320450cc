/* am-endpoint.c: service endpoints per region and partition, and endpoint URL checks
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-endpoint"

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "am-aws-error.h"
#include "am-endpoint.h"

gboolean
am_endpoint_is_valid_region (const char *region)
{
  gsize len;

  if (region == NULL)
    return FALSE;

  len = strlen (region);
  if (len == 0 || len > 64 || region[0] == '-' || region[len - 1] == '-')
    return FALSE;

  for (const char *p = region; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;

  return TRUE;
}

const char *
am_endpoint_get_partition (const char *region)
{
  g_return_val_if_fail (region != NULL, "aws");

  if (g_str_has_prefix (region, "cn-"))
    return "aws-cn";
  if (g_str_has_prefix (region, "us-gov-"))
    return "aws-us-gov";
  if (g_str_has_prefix (region, "us-isob-"))
    return "aws-iso-b";
  if (g_str_has_prefix (region, "us-iso-"))
    return "aws-iso";
  return "aws";
}

const char *
am_endpoint_get_dns_suffix (const char *region)
{
  const char *partition = am_endpoint_get_partition (region);

  if (strcmp (partition, "aws-cn") == 0)
    return "amazonaws.com.cn";
  if (strcmp (partition, "aws-iso") == 0)
    return "c2s.ic.gov";
  if (strcmp (partition, "aws-iso-b") == 0)
    return "sc2s.sgov.gov";
  return "amazonaws.com";
}

char *
am_endpoint_for_region (const char  *service,
                        const char  *region,
                        GError     **error)
{
  g_return_val_if_fail (service != NULL && *service != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!am_endpoint_is_valid_region (region))
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_INVALID_ARGUMENT,
                   "“%s” is not a region name; choose a region such as us-east-1",
                   region != NULL ? region : "");
      return NULL;
    }

  return g_strdup_printf ("https://%s.%s.%s", service, region, am_endpoint_get_dns_suffix (region));
}

gboolean
am_endpoint_is_loopback_host (const char *host)
{
  g_autoptr (GInetAddress) address = NULL;
  g_autofree char *bare = NULL;
  gsize len;

  if (host == NULL || *host == '\0')
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0 || g_ascii_strcasecmp (host, "localhost.") == 0)
    return TRUE;

  len = strlen (host);
  if (host[0] == '[' && len > 2 && host[len - 1] == ']')
    bare = g_strndup (host + 1, len - 2);
  else
    bare = g_strdup (host);

  address = g_inet_address_new_from_string (bare);
  if (address == NULL)
    return FALSE;

  if (g_inet_address_get_family (address) == G_SOCKET_FAMILY_IPV4)
    return g_inet_address_to_bytes (address)[0] == 127;

  /* ::1 only; an IPv4-mapped ::ffff:127.x is loopback too. */
  if (g_inet_address_get_is_loopback (address))
    return TRUE;
  {
    const guint8 *bytes = g_inet_address_to_bytes (address);
    static const guint8 mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

    return memcmp (bytes, mapped, 12) == 0 && bytes[12] == 127;
  }
}

GUri *
am_endpoint_parse (const char  *url,
                   GError     **error)
{
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GError) local = NULL;
  const char *scheme;
  const char *host;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (url == NULL || *url == '\0')
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_INVALID_ARGUMENT,
                   "The endpoint URL is empty; give an https:// URL");
      return NULL;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_SCHEME_NORMALIZE, &local);
  if (uri == NULL)
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_INVALID_ARGUMENT,
                   "The endpoint URL “%s” is not a URL (%s)", url, local->message);
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  if (host == NULL || *host == '\0')
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_INVALID_ARGUMENT,
                   "The endpoint URL “%s” has no host", url);
      return NULL;
    }
  /* GLib's parser lets control characters, blanks and commas through in the host; they would
   * end up in the Host header. */
  for (const char *p = host; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-._:%", *p) == NULL)
      {
        g_autofree char *shown = g_strescape (url, NULL);

        g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_INVALID_ARGUMENT,
                     "The endpoint URL “%s” has a host name with characters no host name holds",
                     shown);
        return NULL;
      }
  if (g_uri_get_userinfo (uri) != NULL || g_uri_get_query (uri) != NULL
      || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_INVALID_ARGUMENT,
                   "The endpoint URL “%s” may not carry a user name, a query or a fragment",
                   url);
      return NULL;
    }

  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return g_steal_pointer (&uri);

  if (g_ascii_strcasecmp (scheme, "http") == 0)
    {
      if (am_endpoint_is_loopback_host (host))
        return g_steal_pointer (&uri);
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_INVALID_ARGUMENT,
                   "The endpoint URL “%s” uses plain http to a host that is not this computer; "
                   "use https:// (plain http is only allowed to 127.0.0.1, ::1 or localhost)",
                   url);
      return NULL;
    }

  g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_INVALID_ARGUMENT,
               "The endpoint URL “%s” must start with https://", url);
  return NULL;
}

char *
am_endpoint_host_header (GUri *uri)
{
  const char *host;
  const char *scheme;
  int port;
  int default_port;
  g_autofree char *bracketed = NULL;

  g_return_val_if_fail (uri != NULL, NULL);

  host = g_uri_get_host (uri);
  scheme = g_uri_get_scheme (uri);
  port = g_uri_get_port (uri);
  default_port = g_ascii_strcasecmp (scheme, "http") == 0 ? 80 : 443;

  if (strchr (host, ':') != NULL && host[0] != '[')
    bracketed = g_strdup_printf ("[%s]", host);
  else
    bracketed = g_strdup (host);

  if (port > 0 && port != default_port)
    return g_strdup_printf ("%s:%d", bracketed, port);
  return g_steal_pointer (&bracketed);
}
