/* am-sandbox-verify.h: who signed a sandbox request, for which service and region
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "am-sandbox-state.h"

G_BEGIN_DECLS

typedef enum
{
  AM_SB_SERVICE_EC2,
  AM_SB_SERVICE_SSM,
  AM_SB_SERVICE_STS,
  AM_SB_SERVICE_AUTOSCALING,
} AmSbService;

typedef struct
{
  const AmSbAccount *account;
  char              *region;
  AmSbService        service;
} AmSbIdentity;

void     _am_sb_identity_clear (AmSbIdentity       *identity);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AmSbIdentity, _am_sb_identity_clear)

/* Checks the SigV4 signature of a request (Authorization header or presigned query) against the
 * sandbox's accounts, within five minutes of @now_ms. FALSE: fails with the HTTP @status, the AWS
 * @code and a @message; TRUE: the request is authentic and @identity says who sent it. */
gboolean _am_sb_verify         (const char         *method,
                                const char         *path,
                                const char         *query,
                                SoupMessageHeaders *headers,
                                const char         *body,
                                gsize               length,
                                gint64              now_ms,
                                AmSbIdentity       *identity,
                                guint              *status,
                                const char        **code,
                                char              **message);

G_END_DECLS
