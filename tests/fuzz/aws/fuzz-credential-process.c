/* fuzz-credential-process.c: libFuzzer harness for the reader of credential_process output
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-credential-process"

#include "config.h"

#include <string.h>

#include "am-fuzz.h"
#include "aws/am-aws-error.h"
#include "aws/am-profile-resolver-private.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *output = g_strndup ((const char *) data, size);
  g_autoptr (AmCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;

  am_fuzz_init ();
  /* json-glib's own leak on documents of several values (see am-fuzz.h) */
  if (am_fuzz_json_has_second_value (data, size))
    return 0;
  credentials = _am_aws_parse_process_output_for_fuzzing ("fuzz", output, &error);
  if (credentials == NULL)
    {
      /* A refusal names the profile and never quotes the output (it holds the secret). */
      g_assert (error != NULL && error->domain == AM_AWS_ERROR);
      g_assert (g_str_has_prefix (error->message, "The credential_process of profile “fuzz”"));
      g_assert (strlen (output) < 8 || strstr (error->message, output) == NULL);
      return 0;
    }

  g_assert (error == NULL);
  g_assert (*am_credentials_get_access_key_id (credentials) != '\0');
  g_assert (*am_credentials_get_secret_access_key (credentials) != '\0');
  g_assert (strstr (am_credentials_get_source (credentials), "fuzz") != NULL);
  am_credentials_expires_within (credentials, 5 * G_TIME_SPAN_MINUTE, NULL);
  return 0;
}
