/* am-sigv4.h: AWS Signature Version 4 (signing for the clients, verification for the sandbox)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An HTTP request as SigV4 sees it. Plain data, no network. */
typedef struct _AmSigv4Request AmSigv4Request;

/**
 * AmSigv4Result:
 * @canonical_request: the canonical request text
 * @string_to_sign: the string to sign
 * @signature: lower-case hex signature
 * @authorization: the whole `Authorization` header value
 *
 * Holds secrets-derived values only (never the secret itself). Clear with
 * am_sigv4_result_clear().
 */
typedef struct
{
  char *canonical_request;
  char *string_to_sign;
  char *signature;
  char *authorization;
} AmSigv4Result;

/**
 * am_sigv4_request_new:
 * @method: "GET", "POST", …
 * @path: the request path as sent on the wire (already percent-encoded), e.g. "/"
 * @query: (nullable): the raw query string as sent on the wire, without the '?'
 */
AmSigv4Request *am_sigv4_request_new          (const char      *method,
                                               const char      *path,
                                               const char      *query);
void            am_sigv4_request_free         (AmSigv4Request  *request);

/**
 * am_sigv4_request_add_header:
 * Adds a header. A name given twice yields one canonical header whose values are joined
 * with ',' in the order added (as the test suite's duplicate-key case wants).
 */
void            am_sigv4_request_add_header   (AmSigv4Request  *request,
                                               const char      *name,
                                               const char      *value);
/** am_sigv4_request_set_payload: the body; its SHA-256 goes into the canonical request. */
void            am_sigv4_request_set_payload  (AmSigv4Request  *request,
                                               const void      *data,
                                               gsize            length);
/** am_sigv4_request_set_payload_hash: a precomputed lower-case hex SHA-256 of the body. */
void            am_sigv4_request_set_payload_hash (AmSigv4Request *request,
                                                   const char     *hex_sha256);
/**
 * am_sigv4_request_set_signed_headers:
 * @names: (nullable): lower-case header names to sign; %NULL signs every header added.
 * The verifier passes the SignedHeaders list of the incoming Authorization header.
 */
void            am_sigv4_request_set_signed_headers (AmSigv4Request     *request,
                                                     const char * const *names);

/**
 * am_sigv4_sign:
 * @amz_date: the request time as "YYYYMMDDTHHMMSSZ"; it must match the X-Amz-Date (or Date)
 *   header the caller added
 *
 * Computes canonical request, string to sign, signature and Authorization header.
 * Returns: %FALSE with @error set when the request cannot be signed (bad date, …)
 */
gboolean        am_sigv4_sign                 (AmSigv4Request  *request,
                                               const char      *access_key_id,
                                               const char      *secret_access_key,
                                               const char      *region,
                                               const char      *service,
                                               const char      *amz_date,
                                               AmSigv4Result   *result,
                                               GError         **error);
void            am_sigv4_result_clear         (AmSigv4Result   *result);

/**
 * AmSigv4Authorization:
 * The parts of an incoming `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…,
 * Signature=…` header, for the server side.
 */
typedef struct
{
  char  *access_key_id;
  char  *date;           /* YYYYMMDD from the credential scope */
  char  *region;
  char  *service;
  char **signed_headers; /* lower-case, as listed */
  char  *signature;
} AmSigv4Authorization;

gboolean        am_sigv4_parse_authorization  (const char            *header_value,
                                               AmSigv4Authorization  *out,
                                               GError               **error);
void            am_sigv4_authorization_clear  (AmSigv4Authorization  *auth);

/** am_sigv4_signatures_equal: constant-time comparison of two hex signatures. */
gboolean        am_sigv4_signatures_equal     (const char      *a,
                                               const char      *b);

/** am_sigv4_hex_sha256: Returns: (transfer full): lower-case hex SHA-256 of @data. */
char           *am_sigv4_hex_sha256           (const void      *data,
                                               gsize            length);

/** am_sigv4_format_amz_date: Returns: (transfer full): "YYYYMMDDTHHMMSSZ" for @when (UTC). */
char           *am_sigv4_format_amz_date      (GDateTime       *when);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmSigv4Request, am_sigv4_request_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AmSigv4Result, am_sigv4_result_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AmSigv4Authorization, am_sigv4_authorization_clear)

G_END_DECLS
