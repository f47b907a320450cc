/* am-sandbox-verify.c: SigV4 signature verification of the sandbox's requests (header and presigned)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "am-sandbox-verify.h"
#include "am-sigv4.h"

#define MAX_SKEW_MS (5 * 60 * 1000)

void
_am_sb_identity_clear (AmSbIdentity *identity)
{
  g_clear_pointer (&identity->region, g_free);
}

static gboolean
parse_amz_date (const char *text,
                gint64     *ms)
{
  int y, mo, d, h, mi, s;
  g_autoptr (GDateTime) dt = NULL;
  char zulu;

  if (text == NULL || strlen (text) != 16
      || sscanf (text, "%4d%2d%2dT%2d%2d%2d%c", &y, &mo, &d, &h, &mi, &s, &zulu) != 7 || zulu != 'Z')
    return FALSE;
  dt = g_date_time_new_utc (y, mo, d, h, mi, s);
  if (dt == NULL)
    return FALSE;
  *ms = g_date_time_to_unix (dt) * 1000;
  return TRUE;
}

gboolean
_am_sb_verify (const char         *method,
               const char         *path,
               const char         *query,
               SoupMessageHeaders *headers,
               const char         *body,
               gsize               length,
               gint64              now_ms,
               AmSbIdentity       *identity,
               guint              *status,
               const char        **code,
               char              **message)
{
  g_auto (AmSigv4Authorization) auth = { 0 };
  g_auto (AmSigv4Result) result = { 0 };
  g_autoptr (AmSigv4Request) request = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) query_params = NULL;
  g_autofree char *canonical_query = NULL;
  g_autofree char *date_from_header = NULL;
  const char *authorization = soup_message_headers_get_one (headers, "Authorization");
  const char *amz_date;
  const char *secret;
  gint64 request_ms;
  gboolean presigned = FALSE;

  *status = 403;
  if (query != NULL && strstr (query, "X-Amz-Signature=") != NULL)
    {
      const char *credential;
      g_auto (GStrv) scope = NULL;
      g_auto (GStrv) pairs = NULL;
      GString *kept = g_string_new (NULL);

      query_params = soup_form_decode (query);
      credential = g_hash_table_lookup (query_params, "X-Amz-Credential");
      if (g_strcmp0 (g_hash_table_lookup (query_params, "X-Amz-Algorithm"), "AWS4-HMAC-SHA256") != 0
          || credential == NULL || g_hash_table_lookup (query_params, "X-Amz-SignedHeaders") == NULL)
        {
          g_string_free (kept, TRUE);
          *status = 400;
          *code = "IncompleteSignature";
          *message = g_strdup ("The presigned request lacks X-Amz-Algorithm, X-Amz-Credential or "
                               "X-Amz-SignedHeaders.");
          return FALSE;
        }
      scope = g_strsplit (credential, "/", -1);
      if (g_strv_length (scope) != 5 || strcmp (scope[4], "aws4_request") != 0)
        {
          g_string_free (kept, TRUE);
          *status = 400;
          *code = "IncompleteSignature";
          *message = g_strdup ("The X-Amz-Credential must be KEY/DATE/REGION/SERVICE/aws4_request.");
          return FALSE;
        }
      auth.access_key_id = g_strdup (scope[0]);
      auth.date = g_strdup (scope[1]);
      auth.region = g_strdup (scope[2]);
      auth.service = g_strdup (scope[3]);
      auth.signed_headers = g_strsplit (g_hash_table_lookup (query_params, "X-Amz-SignedHeaders"), ";", -1);
      auth.signature = g_strdup (g_hash_table_lookup (query_params, "X-Amz-Signature"));
      pairs = g_strsplit (query, "&", -1);
      for (guint i = 0; pairs[i] != NULL; i++)
        if (!g_str_has_prefix (pairs[i], "X-Amz-Signature="))
          {
            if (kept->len > 0)
              g_string_append_c (kept, '&');
            g_string_append (kept, pairs[i]);
          }
      canonical_query = g_string_free (kept, FALSE);
      amz_date = g_hash_table_lookup (query_params, "X-Amz-Date");
      presigned = TRUE;
    }
  else
    {
      if (authorization == NULL)
        {
          *status = 401;
          *code = "MissingAuthenticationToken";
          *message = g_strdup ("Request is missing Authentication Token: sign it with AWS Signature Version 4.");
          return FALSE;
        }
      if (!am_sigv4_parse_authorization (authorization, &auth, &error))
        {
          *status = 400;
          *code = "IncompleteSignature";
          *message = g_strdup_printf ("The Authorization header is not a valid AWS4-HMAC-SHA256 "
                                      "header: %s", error->message);
          return FALSE;
        }
      amz_date = soup_message_headers_get_one (headers, "X-Amz-Date");
      canonical_query = g_strdup (query);
    }

  identity->account = am_sb_account_by_key (auth.access_key_id);
  if (identity->account == NULL)
    {
      *status = 401;
      *code = "AuthFailure";
      *message = g_strdup ("AWS was not able to validate the provided access credentials: the sandbox "
                           "knows no such access key (see amiable-sandbox --help for its accounts).");
      return FALSE;
    }
  if (strcmp (auth.service, "ec2") == 0)
    identity->service = AM_SB_SERVICE_EC2;
  else if (strcmp (auth.service, "ssm") == 0)
    identity->service = AM_SB_SERVICE_SSM;
  else if (strcmp (auth.service, "sts") == 0)
    identity->service = AM_SB_SERVICE_STS;
  else if (strcmp (auth.service, "autoscaling") == 0)
    identity->service = AM_SB_SERVICE_AUTOSCALING;
  else
    {
      *status = 400;
      *code = "InvalidAction";
      *message = g_strdup_printf ("The sandbox serves ec2, autoscaling, ssm and sts, not '%s'.", auth.service);
      return FALSE;
    }
  identity->region = g_strdup (auth.region);
  if (!am_sb_region_is_known (auth.region)
      && !(identity->service == AM_SB_SERVICE_STS && strcmp (auth.region, "aws-global") == 0))
    {
      *status = 401;
      *code = "AuthFailure";
      *message = g_strdup_printf ("The sandbox has no region '%s'; use us-east-1, us-west-2, eu-west-1, "
                                  "eu-central-1 or ap-northeast-1.", auth.region);
      return FALSE;
    }

  if (amz_date == NULL)
    {
      const char *date = soup_message_headers_get_one (headers, "Date");
      g_autoptr (GDateTime) dt = date ? soup_date_time_new_from_http_string (date) : NULL;

      if (dt == NULL)
        {
          *status = 400;
          *code = "IncompleteSignature";
          *message = g_strdup ("The request has neither an X-Amz-Date nor a Date header.");
          return FALSE;
        }
      request_ms = g_date_time_to_unix (dt) * 1000;
      /* Signed with the Date header: SigV4 then uses that time in ISO form. */
      date_from_header = am_sigv4_format_amz_date (dt);
    }
  else if (!parse_amz_date (amz_date, &request_ms))
    {
      *status = 400;
      *code = "IncompleteSignature";
      *message = g_strdup ("X-Amz-Date must look like 20260101T120000Z.");
      return FALSE;
    }
  /* The signature is computed over the scope of the request's own date, so a credential that
   * names another day would otherwise pass unchecked. */
  {
    const char *signed_date = amz_date ? amz_date : date_from_header;

    if (auth.date == NULL || strlen (auth.date) != 8 || strncmp (auth.date, signed_date, 8) != 0)
      {
        *status = 403;
        *code = "SignatureDoesNotMatch";
        *message = g_strdup_printf ("The credential scope date '%s' is not the date of the request (%.8s).",
                                    auth.date ? auth.date : "", signed_date);
        return FALSE;
      }
  }
  if (!presigned && (request_ms > now_ms + MAX_SKEW_MS || request_ms < now_ms - MAX_SKEW_MS))
    {
      g_autofree char *server_time = am_sb_format_time (now_ms);

      *status = 400;
      *code = "RequestExpired";
      *message = g_strdup_printf ("Request has expired: its time differs from the server time %s by "
                                  "more than 5 minutes. Correct the clock (see the Date header).", server_time);
      return FALSE;
    }
  if (presigned)
    {
      gint64 expires = 0;
      const char *expires_text = g_hash_table_lookup (query_params, "X-Amz-Expires");

      /* SigV4 presigning makes X-Amz-Expires part of the signed query: without it (or with a
       * value outside 1 s to 7 days) the request would never expire. */
      if (expires_text == NULL || !g_ascii_string_to_signed (expires_text, 10, 1, 604800, &expires, NULL))
        {
          *status = 400;
          *code = "IncompleteSignature";
          *message = g_strdup_printf ("The presigned request needs X-Amz-Expires, a number of seconds from 1 "
                                      "to 604800%s%s%s.", expires_text ? " (not \"" : "",
                                      expires_text ? expires_text : "", expires_text ? "\")" : "");
          return FALSE;
        }
      if (now_ms > request_ms + expires * 1000 || request_ms > now_ms + MAX_SKEW_MS)
        {
          *status = 400;
          *code = "RequestExpired";
          *message = g_strdup ("The presigned request has expired.");
          return FALSE;
        }
    }

  /* Without the Host header in the signature, a request signed for one endpoint could be
   * replayed to another. */
  if (!g_strv_contains ((const char * const *) auth.signed_headers, "host"))
    {
      *status = 400;
      *code = "IncompleteSignature";
      *message = g_strdup ("The request must sign the Host header: add 'host' to SignedHeaders.");
      return FALSE;
    }
  request = am_sigv4_request_new (method, path, canonical_query);
  {
    SoupMessageHeadersIter iter;
    const char *name, *value;

    soup_message_headers_iter_init (&iter, headers);
    while (soup_message_headers_iter_next (&iter, &name, &value))
      {
        g_autofree char *lower = g_ascii_strdown (name, -1);

        if (g_strv_contains ((const char * const *) auth.signed_headers, lower))
          am_sigv4_request_add_header (request, lower, value);
      }
    for (guint i = 0; auth.signed_headers[i] != NULL; i++)
      if (soup_message_headers_get_one (headers, auth.signed_headers[i]) == NULL)
        {
          *code = "SignatureDoesNotMatch";
          *message = g_strdup_printf ("The signed header '%s' is missing from the request.",
                                      auth.signed_headers[i]);
          return FALSE;
        }
  }
  am_sigv4_request_set_signed_headers (request, (const char * const *) auth.signed_headers);
  am_sigv4_request_set_payload (request, body ? body : "", length);
  secret = identity->account->secret_access_key;
  if (!am_sigv4_sign (request, auth.access_key_id, secret, auth.region, auth.service,
                      amz_date ? amz_date : date_from_header, &result, &error))
    {
      *status = 400;
      *code = "IncompleteSignature";
      *message = g_strdup_printf ("The request cannot be verified: %s", error->message);
      return FALSE;
    }
  if (!am_sigv4_signatures_equal (result.signature, auth.signature))
    {
      *code = "SignatureDoesNotMatch";
      *message = g_strdup ("The request signature we calculated does not match the signature you "
                           "provided. Check your AWS Secret Access Key and signing method.");
      return FALSE;
    }
  return TRUE;
}
