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

/**
 * am_aws_session_get_for_ca_bundle:
 * @ca_bundle: a PEM file of the certificate authorities to trust (AWS_CA_BUNDLE or a
 *   profile's ca_bundle); they replace the system's, as in the AWS CLI
 *
 * One session per bundle file, shared like the default session.
 * Returns: (transfer full): the session, or %NULL with AM_AWS_ERROR_CONFIG saying why the
 *   file could not be used
 */
SoupSession *am_aws_session_get_for_ca_bundle (const char  *ca_bundle,
                                               GError     **error);

/**
 * am_aws_session_send_capped_async:
 * Sends @msg on @session and reads its answer, at most @max_body bytes of it: unlike
 * soup_session_send_and_read_async(), a larger answer (announced or streamed) fails with
 * G_IO_ERROR_MESSAGE_TOO_LARGE instead of filling memory.
 */
void         am_aws_session_send_capped_async  (SoupSession          *session,
                                                SoupMessage          *msg,
                                                gsize                 max_body,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
/** Returns: (transfer full): the answer's body, or %NULL with @error */
GBytes      *am_aws_session_send_capped_finish (GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
