/* fuzz-assume-role.c: libFuzzer harness for the reader of STS AssumeRole answers
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-assume-role"

#include "config.h"

#include <string.h>

#include "am-fuzz.h"
#include "aws/am-aws-error.h"
#include "aws/am-profile-resolver-private.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (GBytes) body = g_bytes_new (data, size);
  g_autoptr (AmCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;

  am_fuzz_init ();
  credentials = _am_aws_parse_assume_role_for_fuzzing ("fuzz",
                                                       "arn:aws:iam::111122223333:role/Fuzz",
                                                       body, &error);
  if (credentials == NULL)
    {
      g_assert (error != NULL && error->domain == AM_AWS_ERROR);
      g_assert (error->code == AM_AWS_ERROR_MALFORMED_RESPONSE);
      return 0;
    }

  g_assert (error == NULL);
  /* A role's credentials always come whole: key, secret and session token. */
  g_assert (*am_credentials_get_access_key_id (credentials) != '\0');
  g_assert (*am_credentials_get_secret_access_key (credentials) != '\0');
  g_assert (am_credentials_get_session_token (credentials) != NULL);
  g_assert (strstr (am_credentials_get_source (credentials), "role/Fuzz") != NULL);
  am_credentials_expires_within (credentials, 5 * G_TIME_SPAN_MINUTE, NULL);
  return 0;
}
