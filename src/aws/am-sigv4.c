/* am-sigv4.c: AWS Signature Version 4 on OpenSSL (canonical request, string to sign, signature)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sigv4"

#include "config.h"

#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "am-aws-error.h"
#include "am-sigv4.h"

typedef struct
{
  char    *name;   /* lower-case */
  GString *value;  /* trimmed, folded, repeated values joined with ',' */
} AmSigv4Header;

struct _AmSigv4Request
{
  char      *method;
  char      *path;
  char      *query;
  GPtrArray *headers;        /* AmSigv4Header*, in the order first added */
  char      *payload_hash;   /* lower-case hex */
  char     **signed_headers; /* NULL: sign every header */
};

static void
am_sigv4_header_free (gpointer data)
{
  AmSigv4Header *header = data;

  g_free (header->name);
  g_string_free (header->value, TRUE);
  g_free (header);
}

AmSigv4Request *
am_sigv4_request_new (const char *method,
                      const char *path,
                      const char *query)
{
  AmSigv4Request *request;

  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  request = g_new0 (AmSigv4Request, 1);
  request->method = g_strdup (method);
  request->path = g_strdup (path);
  request->query = g_strdup (query);
  request->headers = g_ptr_array_new_with_free_func (am_sigv4_header_free);
  request->payload_hash = am_sigv4_hex_sha256 ("", 0);

  return request;
}

void
am_sigv4_request_free (AmSigv4Request *request)
{
  if (request == NULL)
    return;

  g_free (request->method);
  g_free (request->path);
  g_free (request->query);
  g_ptr_array_unref (request->headers);
  g_free (request->payload_hash);
  g_strfreev (request->signed_headers);
  g_free (request);
}

/* Trims the value and turns every run of whitespace (including obs-fold line breaks) into
 * one space, as the canonical header form asks. */
static void
append_folded_value (GString    *out,
                     const char *value)
{
  gboolean pending_space = FALSE;
  const char *p;

  while (*value == ' ' || *value == '\t' || *value == '\r' || *value == '\n')
    value++;

  for (p = value; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        {
          pending_space = TRUE;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_c (out, *p);
    }
}

void
am_sigv4_request_add_header (AmSigv4Request *request,
                             const char     *name,
                             const char     *value)
{
  g_autofree char *lower = NULL;
  AmSigv4Header *header;

  g_return_if_fail (request != NULL);
  g_return_if_fail (name != NULL);

  if (value == NULL)
    value = "";

  lower = g_ascii_strdown (name, -1);
  g_strstrip (lower);

  for (guint i = 0; i < request->headers->len; i++)
    {
      header = g_ptr_array_index (request->headers, i);
      if (strcmp (header->name, lower) == 0)
        {
          g_string_append_c (header->value, ',');
          append_folded_value (header->value, value);
          return;
        }
    }

  header = g_new0 (AmSigv4Header, 1);
  header->name = g_steal_pointer (&lower);
  header->value = g_string_new (NULL);
  append_folded_value (header->value, value);
  g_ptr_array_add (request->headers, header);
}

void
am_sigv4_request_set_payload (AmSigv4Request *request,
                              const void     *data,
                              gsize           length)
{
  g_return_if_fail (request != NULL);
  g_return_if_fail (data != NULL || length == 0);

  g_free (request->payload_hash);
  request->payload_hash = am_sigv4_hex_sha256 (data != NULL ? data : "", length);
}

void
am_sigv4_request_set_payload_hash (AmSigv4Request *request,
                                   const char     *hex_sha256)
{
  g_return_if_fail (request != NULL);
  g_return_if_fail (hex_sha256 != NULL);

  g_free (request->payload_hash);
  request->payload_hash = g_ascii_strdown (hex_sha256, -1);
}

void
am_sigv4_request_set_signed_headers (AmSigv4Request     *request,
                                     const char * const *names)
{
  g_return_if_fail (request != NULL);

  g_clear_pointer (&request->signed_headers, g_strfreev);
  if (names == NULL)
    return;

  request->signed_headers = g_new0 (char *, g_strv_length ((char **) names) + 1);
  for (guint i = 0; names[i] != NULL; i++)
    request->signed_headers[i] = g_ascii_strdown (names[i], -1);
}

/* Hashing */

static char *
hex_encode (const unsigned char *data,
            gsize                length)
{
  static const char digits[] = "0123456789abcdef";
  char *hex = g_malloc (length * 2 + 1);

  for (gsize i = 0; i < length; i++)
    {
      hex[2 * i] = digits[data[i] >> 4];
      hex[2 * i + 1] = digits[data[i] & 0xf];
    }
  hex[length * 2] = '\0';

  return hex;
}

char *
am_sigv4_hex_sha256 (const void *data,
                     gsize       length)
{
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_len = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!EVP_Digest (data != NULL ? data : "", length, digest, &digest_len, EVP_sha256 (), NULL))
    g_error ("SHA-256 is not available from OpenSSL");

  return hex_encode (digest, digest_len);
}

static void
hmac_sha256 (const void    *key,
             gsize          key_len,
             const char    *data,
             unsigned char  out[32])
{
  unsigned int out_len = 32;

  if (HMAC (EVP_sha256 (), key, (int) key_len, (const unsigned char *) data, strlen (data),
            out, &out_len) == NULL || out_len != 32)
    g_error ("HMAC-SHA256 is not available from OpenSSL");
}

char *
am_sigv4_format_amz_date (GDateTime *when)
{
  g_autoptr (GDateTime) utc = NULL;

  g_return_val_if_fail (when != NULL, NULL);

  utc = g_date_time_to_utc (when);
  return g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
}

static gboolean
amz_date_is_valid (const char *amz_date)
{
  if (amz_date == NULL || strlen (amz_date) != 16)
    return FALSE;
  for (guint i = 0; i < 16; i++)
    {
      if (i == 8)
        {
          if (amz_date[i] != 'T')
            return FALSE;
        }
      else if (i == 15)
        {
          if (amz_date[i] != 'Z')
            return FALSE;
        }
      else if (!g_ascii_isdigit (amz_date[i]))
        return FALSE;
    }
  return TRUE;
}

/* Canonical URI and query */

static gboolean
is_unreserved (guchar c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.' || c == '~';
}

/* Percent-encodes @len bytes of @text with the SigV4 rules: unreserved characters as they
 * are, everything else (also '/' unless @keep_slash) as upper-case %XX. */
static void
append_uri_encoded (GString    *out,
                    const char *text,
                    gsize       len,
                    gboolean    keep_slash)
{
  for (gsize i = 0; i < len; i++)
    {
      guchar c = (guchar) text[i];

      if (is_unreserved (c) || (keep_slash && c == '/'))
        g_string_append_c (out, (char) c);
      else
        g_string_append_printf (out, "%%%02X", c);
    }
}

/* Decodes %XX escapes; a '%' not followed by two hex digits stays as it is (so a raw,
 * never-encoded path signs the same way as its encoded form). */
static GString *
percent_decode (const char *text,
                gsize       len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '%' && i + 2 < len
          && g_ascii_isxdigit (text[i + 1]) && g_ascii_isxdigit (text[i + 2]))
        {
          g_string_append_c (out, (char) ((g_ascii_xdigit_value (text[i + 1]) << 4)
                                          | g_ascii_xdigit_value (text[i + 2])));
          i += 2;
        }
      else
        g_string_append_c (out, text[i]);
    }

  return out;
}

/* RFC 3986 dot-segment removal plus empty-segment removal, then single encoding: what the
 * non-S3 services expect. The trailing slash is kept. */
static char *
canonical_uri (const char *path)
{
  g_autoptr (GString) decoded = NULL;
  g_autoptr (GPtrArray) segments = g_ptr_array_new ();
  g_auto (GStrv) parts = NULL;
  gboolean trailing_slash;
  GString *out;

  if (path == NULL || *path == '\0')
    return g_strdup ("/");

  decoded = percent_decode (path, strlen (path));
  parts = g_strsplit (decoded->str, "/", -1);
  trailing_slash = decoded->len > 0 && decoded->str[decoded->len - 1] == '/';

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *segment = parts[i];

      if (*segment == '\0' || strcmp (segment, ".") == 0)
        continue;
      if (strcmp (segment, "..") == 0)
        {
          if (segments->len > 0)
            g_ptr_array_remove_index (segments, segments->len - 1);
          continue;
        }
      g_ptr_array_add (segments, (gpointer) segment);
    }

  /* "/a/.." and "/a/." name the directory: keep its slash. */
  if (parts[0] != NULL)
    {
      guint n = g_strv_length (parts);
      const char *last = parts[n - 1];

      if (strcmp (last, "..") == 0 || strcmp (last, ".") == 0)
        trailing_slash = TRUE;
    }

  out = g_string_new ("/");
  for (guint i = 0; i < segments->len; i++)
    {
      const char *segment = g_ptr_array_index (segments, i);

      if (i > 0)
        g_string_append_c (out, '/');
      append_uri_encoded (out, segment, strlen (segment), FALSE);
    }
  if (trailing_slash && segments->len > 0)
    g_string_append_c (out, '/');

  return g_string_free (out, FALSE);
}

typedef struct
{
  char *key;
  char *value;
} QueryPair;

static int
query_pair_compare (gconstpointer a,
                    gconstpointer b)
{
  const QueryPair *pa = a;
  const QueryPair *pb = b;
  int cmp = strcmp (pa->key, pb->key);

  return cmp != 0 ? cmp : strcmp (pa->value, pb->value);
}

static char *
encode_query_component (const char *text,
                        gsize       len)
{
  g_autoptr (GString) decoded = percent_decode (text, len);
  GString *out = g_string_sized_new (decoded->len);

  append_uri_encoded (out, decoded->str, decoded->len, FALSE);
  return g_string_free (out, FALSE);
}

static char *
canonical_query (const char *query)
{
  g_autoptr (GArray) pairs = g_array_new (FALSE, FALSE, sizeof (QueryPair));
  const char *p = query;
  GString *out;

  if (query == NULL || *query == '\0')
    return g_strdup ("");

  while (p != NULL && *p != '\0')
    {
      const char *amp = strchr (p, '&');
      gsize len = amp != NULL ? (gsize) (amp - p) : strlen (p);
      const char *eq = memchr (p, '=', len);
      QueryPair pair;

      if (len > 0)
        {
          if (eq != NULL)
            {
              pair.key = encode_query_component (p, (gsize) (eq - p));
              pair.value = encode_query_component (eq + 1, len - (gsize) (eq - p) - 1);
            }
          else
            {
              pair.key = encode_query_component (p, len);
              pair.value = g_strdup ("");
            }
          g_array_append_val (pairs, pair);
        }

      p = amp != NULL ? amp + 1 : NULL;
    }

  g_array_sort (pairs, query_pair_compare);

  out = g_string_new (NULL);
  for (guint i = 0; i < pairs->len; i++)
    {
      QueryPair *pair = &g_array_index (pairs, QueryPair, i);

      if (i > 0)
        g_string_append_c (out, '&');
      g_string_append (out, pair->key);
      g_string_append_c (out, '=');
      g_string_append (out, pair->value);
      g_free (pair->key);
      g_free (pair->value);
    }

  return g_string_free (out, FALSE);
}

/* Canonical headers */

static int
header_ptr_compare (gconstpointer a,
                    gconstpointer b)
{
  const AmSigv4Header *ha = *(const AmSigv4Header * const *) a;
  const AmSigv4Header *hb = *(const AmSigv4Header * const *) b;

  return strcmp (ha->name, hb->name);
}

static const AmSigv4Header *
find_header (AmSigv4Request *request,
             const char     *name)
{
  for (guint i = 0; i < request->headers->len; i++)
    {
      const AmSigv4Header *header = g_ptr_array_index (request->headers, i);

      if (strcmp (header->name, name) == 0)
        return header;
    }
  return NULL;
}

static gboolean
build_canonical_headers (AmSigv4Request  *request,
                         GString         *canonical,
                         GString         *signed_list,
                         GError         **error)
{
  g_autoptr (GPtrArray) chosen = g_ptr_array_new ();

  if (request->signed_headers == NULL)
    {
      for (guint i = 0; i < request->headers->len; i++)
        g_ptr_array_add (chosen, g_ptr_array_index (request->headers, i));
    }
  else
    {
      for (guint i = 0; request->signed_headers[i] != NULL; i++)
        {
          const AmSigv4Header *header = find_header (request, request->signed_headers[i]);

          if (header == NULL)
            {
              g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_INVALID_ARGUMENT,
                           "The signed header “%s” is not in the request",
                           request->signed_headers[i]);
              return FALSE;
            }
          if (!g_ptr_array_find (chosen, header, NULL))
            g_ptr_array_add (chosen, (gpointer) header);
        }
    }

  g_ptr_array_sort (chosen, header_ptr_compare);

  for (guint i = 0; i < chosen->len; i++)
    {
      const AmSigv4Header *header = g_ptr_array_index (chosen, i);

      g_string_append (canonical, header->name);
      g_string_append_c (canonical, ':');
      g_string_append_len (canonical, header->value->str, header->value->len);
      g_string_append_c (canonical, '\n');

      if (i > 0)
        g_string_append_c (signed_list, ';');
      g_string_append (signed_list, header->name);
    }

  return TRUE;
}

gboolean
am_sigv4_sign (AmSigv4Request *request,
               const char     *access_key_id,
               const char     *secret_access_key,
               const char     *region,
               const char     *service,
               const char     *amz_date,
               AmSigv4Result  *result,
               GError        **error)
{
  g_autoptr (GString) canonical = NULL;
  g_autoptr (GString) headers = g_string_new (NULL);
  g_autoptr (GString) signed_list = g_string_new (NULL);
  g_autofree char *uri = NULL;
  g_autofree char *query = NULL;
  g_autofree char *creq_hash = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *key_seed = NULL;
  char date_stamp[9];
  unsigned char k_date[32], k_region[32], k_service[32], k_signing[32], signature[32];

  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (access_key_id != NULL, FALSE);
  g_return_val_if_fail (secret_access_key != NULL, FALSE);
  g_return_val_if_fail (region != NULL, FALSE);
  g_return_val_if_fail (service != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (result, 0, sizeof *result);

  if (!amz_date_is_valid (amz_date))
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_INVALID_ARGUMENT,
                   "Cannot sign the request: “%s” is not a YYYYMMDDTHHMMSSZ time",
                   amz_date != NULL ? amz_date : "(null)");
      return FALSE;
    }
  if (*region == '\0' || *service == '\0' || strchr (region, '/') != NULL
      || strchr (service, '/') != NULL)
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_INVALID_ARGUMENT,
                   "Cannot sign the request: the region and service must be non-empty names");
      return FALSE;
    }

  if (!build_canonical_headers (request, headers, signed_list, error))
    return FALSE;

  uri = canonical_uri (request->path);
  query = canonical_query (request->query);

  canonical = g_string_new (request->method);
  g_string_append_c (canonical, '\n');
  g_string_append (canonical, uri);
  g_string_append_c (canonical, '\n');
  g_string_append (canonical, query);
  g_string_append_c (canonical, '\n');
  g_string_append_len (canonical, headers->str, headers->len);
  g_string_append_c (canonical, '\n');
  g_string_append_len (canonical, signed_list->str, signed_list->len);
  g_string_append_c (canonical, '\n');
  g_string_append (canonical, request->payload_hash);

  memcpy (date_stamp, amz_date, 8);
  date_stamp[8] = '\0';
  scope = g_strdup_printf ("%s/%s/%s/aws4_request", date_stamp, region, service);
  creq_hash = am_sigv4_hex_sha256 (canonical->str, canonical->len);

  result->string_to_sign = g_strdup_printf ("AWS4-HMAC-SHA256\n%s\n%s\n%s",
                                            amz_date, scope, creq_hash);

  key_seed = g_strconcat ("AWS4", secret_access_key, NULL);
  hmac_sha256 (key_seed, strlen (key_seed), date_stamp, k_date);
  hmac_sha256 (k_date, sizeof k_date, region, k_region);
  hmac_sha256 (k_region, sizeof k_region, service, k_service);
  hmac_sha256 (k_service, sizeof k_service, "aws4_request", k_signing);
  hmac_sha256 (k_signing, sizeof k_signing, result->string_to_sign, signature);

  OPENSSL_cleanse (key_seed, strlen (key_seed));
  OPENSSL_cleanse (k_date, sizeof k_date);
  OPENSSL_cleanse (k_region, sizeof k_region);
  OPENSSL_cleanse (k_service, sizeof k_service);
  OPENSSL_cleanse (k_signing, sizeof k_signing);

  result->canonical_request = g_string_free (g_steal_pointer (&canonical), FALSE);
  result->signature = hex_encode (signature, sizeof signature);
  result->authorization = g_strdup_printf ("AWS4-HMAC-SHA256 Credential=%s/%s, SignedHeaders=%s, "
                                           "Signature=%s",
                                           access_key_id, scope, signed_list->str,
                                           result->signature);

  return TRUE;
}

void
am_sigv4_result_clear (AmSigv4Result *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->canonical_request, g_free);
  g_clear_pointer (&result->string_to_sign, g_free);
  g_clear_pointer (&result->signature, g_free);
  g_clear_pointer (&result->authorization, g_free);
}

/* Server side */

static gboolean
parse_error (GError     **error,
             const char  *problem)
{
  g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_AUTH,
               "The Authorization header is malformed: %s", problem);
  return FALSE;
}

gboolean
am_sigv4_parse_authorization (const char            *header_value,
                              AmSigv4Authorization  *out,
                              GError               **error)
{
  g_auto (AmSigv4Authorization) auth = { 0 };
  g_auto (GStrv) fields = NULL;
  g_auto (GStrv) scope = NULL;
  const char *rest;
  const char *credential = NULL;
  const char *signed_headers = NULL;
  const char *signature = NULL;

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (out, 0, sizeof *out);

  if (header_value == NULL || !g_str_has_prefix (header_value, "AWS4-HMAC-SHA256 "))
    return parse_error (error, "it does not start with “AWS4-HMAC-SHA256”");

  rest = header_value + strlen ("AWS4-HMAC-SHA256 ");
  fields = g_strsplit (rest, ",", -1);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      char *field = g_strstrip (fields[i]);

      if (g_str_has_prefix (field, "Credential=") && credential == NULL)
        credential = field + strlen ("Credential=");
      else if (g_str_has_prefix (field, "SignedHeaders=") && signed_headers == NULL)
        signed_headers = field + strlen ("SignedHeaders=");
      else if (g_str_has_prefix (field, "Signature=") && signature == NULL)
        signature = field + strlen ("Signature=");
      else
        return parse_error (error, "it has an unknown or repeated field");
    }

  if (credential == NULL || signed_headers == NULL || signature == NULL)
    return parse_error (error, "Credential, SignedHeaders or Signature is missing");

  scope = g_strsplit (credential, "/", -1);
  if (g_strv_length (scope) != 5 || *scope[0] == '\0' || strlen (scope[1]) != 8
      || *scope[2] == '\0' || *scope[3] == '\0' || strcmp (scope[4], "aws4_request") != 0)
    return parse_error (error, "the credential scope is not KEY/DATE/REGION/SERVICE/aws4_request");
  for (guint i = 0; i < 8; i++)
    if (!g_ascii_isdigit (scope[1][i]))
      return parse_error (error, "the credential date is not YYYYMMDD");

  if (*signed_headers == '\0')
    return parse_error (error, "SignedHeaders is empty");
  if (strlen (signature) != 64)
    return parse_error (error, "the signature is not 64 hex digits");
  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (signature[i]))
      return parse_error (error, "the signature is not 64 hex digits");

  auth.access_key_id = g_strdup (scope[0]);
  auth.date = g_strdup (scope[1]);
  auth.region = g_strdup (scope[2]);
  auth.service = g_strdup (scope[3]);
  auth.signed_headers = g_strsplit (signed_headers, ";", -1);
  for (guint i = 0; auth.signed_headers[i] != NULL; i++)
    {
      if (*auth.signed_headers[i] == '\0')
        return parse_error (error, "SignedHeaders has an empty name");
      g_strstrip (auth.signed_headers[i]);
    }
  auth.signature = g_ascii_strdown (signature, -1);

  *out = auth;
  memset (&auth, 0, sizeof auth);
  return TRUE;
}

void
am_sigv4_authorization_clear (AmSigv4Authorization *auth)
{
  if (auth == NULL)
    return;

  g_clear_pointer (&auth->access_key_id, g_free);
  g_clear_pointer (&auth->date, g_free);
  g_clear_pointer (&auth->region, g_free);
  g_clear_pointer (&auth->service, g_free);
  g_clear_pointer (&auth->signed_headers, g_strfreev);
  g_clear_pointer (&auth->signature, g_free);
}

gboolean
am_sigv4_signatures_equal (const char *a,
                           const char *b)
{
  gsize len_a, len_b;

  if (a == NULL || b == NULL)
    return FALSE;

  len_a = strlen (a);
  len_b = strlen (b);
  if (len_a != len_b)
    return FALSE;

  return CRYPTO_memcmp (a, b, len_a) == 0;
}
