/* fuzz-json-client.c: libFuzzer harness for the JSON client's answer and error readers
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-json-client"

#include "config.h"

#include <string.h>

#include "am-fuzz.h"
#include "aws/am-aws-error.h"
#include "aws/am-json-client-private.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (GBytes) body = g_bytes_new (data, size);
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;
  g_autofree char *request_id = NULL;

  am_fuzz_init ();
  /* json-glib's own leak on documents of several values (see am-fuzz.h) */
  if (am_fuzz_json_has_second_value (data, size))
    return 0;

  /* The same body as a 2xx answer … */
  root = _am_json_client_parse_body (body, "GetParameter", &error);
  if (root == NULL)
    {
      g_assert (g_error_matches (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE));
      g_assert (strstr (error->message, "GetParameter") != NULL);
    }
  else
    {
      g_assert (error == NULL);
      g_assert (JSON_NODE_HOLDS_OBJECT (root));
    }

  /* … and as an error document. */
  _am_json_client_parse_error (body, &code, &message, &request_id);
  if (code != NULL)
    g_assert (*code != '\0' && strchr (code, '#') == NULL);
  if (message != NULL)
    g_assert (g_utf8_validate (message, -1, NULL));
  return 0;
}
