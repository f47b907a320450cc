/* fuzz-sigv4.c: libFuzzer harness for the SigV4 canonicalizer and the Authorization parser
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-sigv4"

#include "config.h"

#include <string.h>

#include "am-fuzz.h"
#include "aws/am-aws-error.h"
#include "aws/am-sigv4.h"

static char *
next_line (const char **cursor,
           const char  *end)
{
  const char *start = *cursor;
  const char *eol = memchr (start, '\n', (gsize) (end - start));
  char *line;

  if (eol == NULL)
    eol = end;
  line = g_strndup (start, (gsize) (eol - start));
  *cursor = eol < end ? eol + 1 : end;
  return line;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* Layout: METHOD\nPATH\nQUERY\nName:value…\n\nBODY, loosely like the suite's .req. */
  const char *cursor = (const char *) data;
  const char *end = cursor + size;
  g_autofree char *method = next_line (&cursor, end);
  g_autofree char *path = next_line (&cursor, end);
  g_autofree char *query = next_line (&cursor, end);
  g_autoptr (AmSigv4Request) request = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_auto (AmSigv4Result) result = { 0 };
  g_auto (AmSigv4Result) again = { 0 };
  g_auto (AmSigv4Authorization) auth = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *whole = g_strndup ((const char *) data, size);

  am_fuzz_init ();
  request = am_sigv4_request_new (*method != '\0' ? method : "GET", path,
                                  *query != '\0' ? query : NULL);
  am_sigv4_request_add_header (request, "X-Amz-Date", "20150830T123600Z");
  while (cursor < end)
    {
      g_autofree char *line = next_line (&cursor, end);
      char *colon;

      if (*line == '\0')
        break;
      colon = strchr (line, ':');
      if (colon == NULL)
        continue;
      *colon = '\0';
      am_sigv4_request_add_header (request, line, colon + 1);
      if (names->len < 3)
        g_ptr_array_add (names, g_ascii_strdown (line, -1));
    }
  am_sigv4_request_set_payload (request, cursor, (gsize) (end - cursor));

  if (am_sigv4_sign (request, "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                     "us-east-1", "service", "20150830T123600Z", &result, &error))
    {
      g_assert (strlen (result.signature) == 64);
      g_assert (g_str_has_prefix (result.canonical_request, *method != '\0' ? method : "GET"));

      /* Signing is deterministic, and the server side reads back what the client wrote. */
      am_sigv4_sign (request, "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                     "us-east-1", "service", "20150830T123600Z", &again, NULL);
      g_assert (strcmp (result.signature, again.signature) == 0);
      if (am_sigv4_parse_authorization (result.authorization, &auth, NULL))
        g_assert (am_sigv4_signatures_equal (auth.signature, result.signature));
      am_sigv4_authorization_clear (&auth);
    }
  g_clear_error (&error);

  /* A subset of signed headers (as a verifier passes them). */
  g_ptr_array_add (names, NULL);
  am_sigv4_request_set_signed_headers (request, (const char * const *) names->pdata);
  am_sigv4_result_clear (&result);
  am_sigv4_sign (request, "AK", "SK", "r", "s", "20150830T123600Z", &result, &error);
  g_clear_error (&error);

  /* The incoming header parser takes anything. */
  if (am_sigv4_parse_authorization (whole, &auth, &error))
    g_assert (auth.signed_headers != NULL && auth.signed_headers[0] != NULL);
  else
    g_assert (error != NULL);

  return 0;
}
