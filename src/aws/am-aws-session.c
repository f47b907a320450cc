/* am-aws-session.c: the one SoupSession every AWS client of the process shares
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-aws-session"

#include "config.h"

#include "am-aws-session.h"

SoupSession *
am_aws_session_new (void)
{
  SoupSession *session;

  /* The clients time each attempt themselves (see AmAwsTransport); the session's own I/O
   * timeout stays as a backstop for a stalled socket. */
  session = soup_session_new_with_options ("user-agent", PACKAGE_NAME "/" PACKAGE_VERSION " ",
                                           "timeout", 120,
                                           "idle-timeout", 60,
                                           "max-conns-per-host", 8,
                                           NULL);
  if (!soup_session_has_feature (session, SOUP_TYPE_CONTENT_DECODER))
    soup_session_add_feature_by_type (session, SOUP_TYPE_CONTENT_DECODER);

  return session;
}

SoupSession *
am_aws_session_get_default (void)
{
  static gsize session;

  /* Never freed: it lives as long as the process, like the default main context. */
  if (g_once_init_enter (&session))
    g_once_init_leave (&session, (gsize) am_aws_session_new ());

  return (SoupSession *) session;
}
