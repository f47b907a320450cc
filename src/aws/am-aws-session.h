/* am-aws-session.h: the one SoupSession every AWS client of the process shares
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/**
 * am_aws_session_get_default:
 * The shared session (user agent "Amiable/VERSION", gzip decoding through SoupContentDecoder).
 * Like every SoupSession it belongs to the thread that first used it: call the clients from
 * the main thread.
 * Returns: (transfer none): the session
 */
SoupSession *am_aws_session_get_default (void);

/** am_aws_session_new: a fresh session configured the same way (tests, isolation). */
SoupSession *am_aws_session_new         (void);

G_END_DECLS
