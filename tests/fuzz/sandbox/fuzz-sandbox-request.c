/* fuzz-sandbox-request.c: libFuzzer harness feeding arbitrary requests to the sandbox's handler
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-fuzz"

#include "config.h"

#include <string.h>

#include "am-fuzz.h"
#include "am-sandbox-server.h"

/*
 * Input: "METHOD TARGET\n" then "Name: value\n" header lines, an empty line, and the body.
 * TARGET is the path with an optional "?query". A first byte 'S' keeps signature checking on
 * (exercising the verifier); otherwise requests are taken as alice's in us-east-1.
 */

static AmSandboxServer *server;
static guint runs;

static AmSandboxServer *
get_server (gboolean verify)
{
  /* A fresh state now and then keeps the fuzzed state (instances, tags, …) small. */
  if (server == NULL || runs++ % 2000 == 0)
    {
      g_clear_object (&server);
      server = am_sandbox_server_new ();
      am_sandbox_server_set_public_images (server, 50);
      am_sandbox_server_set_transition_ms (server, 0);
      if (!am_sandbox_server_load (server, NULL, NULL))
        g_error ("the sandbox state could not be created");
    }
  am_sandbox_server_set_verify_signatures (server, verify);
  return server;
}

/* Every XML answer must be something awscli can parse: valid UTF-8, only characters that XML 1.0
 * allows, well-formed. GMarkup checks the last two but not the characters. */
static void
check_xml (AmSandboxResponse *response)
{
  static const GMarkupParser parser = { NULL, NULL, NULL, NULL, NULL };
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (GError) error = NULL;
  gsize size;
  const char *body = g_bytes_get_data (response->body, &size);

  if (response->content_type == NULL || strstr (response->content_type, "xml") == NULL
      || strstr (response->content_type, "json") != NULL)
    return;
  if (!g_utf8_validate_len (body, size, NULL))
    g_error ("an XML response is not valid UTF-8: %.*s", (int) MIN (size, 2000), body);
  for (const char *p = body; p < body + size; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!(c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF)))
        g_error ("an XML response holds U+%04X, which XML 1.0 forbids: %.*s", c, (int) MIN (size, 2000), body);
    }
  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  if (!g_markup_parse_context_parse (context, body, size, &error)
      || !g_markup_parse_context_end_parse (context, &error))
    g_error ("an XML response is not well-formed (%s): %.*s", error->message, (int) MIN (size, 2000), body);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr (SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autofree char *method = NULL;
  g_autofree char *path = NULL;
  g_autofree char *query = NULL;
  AmSandboxResponse *response;
  gboolean verify = size > 0 && data[0] == 'S';
  const char *p = text;
  const char *end = text + strlen (text);
  const char *line_end;
  const char *body;
  gsize body_length;

  am_fuzz_init ();
  if (verify)
    p += p[1] == ' ' ? 2 : 1;

  /* Request line */
  line_end = strchr (p, '\n');
  if (line_end == NULL)
    line_end = end;
  {
    g_autofree char *line = g_strndup (p, line_end - p);
    char *space = strchr (line, ' ');
    char *target;
    char *question;

    if (space == NULL)
      return 0;
    *space = '\0';
    method = g_strdup (line);
    target = space + 1;
    question = strchr (target, '?');
    if (question != NULL)
      {
        *question = '\0';
        query = g_strdup (question + 1);
      }
    path = g_strdup (*target ? target : "/");
  }
  p = *line_end ? line_end + 1 : line_end;

  /* Headers */
  while (*p != '\0' && *p != '\n')
    {
      g_autofree char *line = NULL;
      char *colon;

      line_end = strchr (p, '\n');
      if (line_end == NULL)
        line_end = end;
      line = g_strndup (p, line_end - p);
      colon = strchr (line, ':');
      if (colon != NULL && colon != line)
        {
          *colon = '\0';
          /* libsoup itself refuses names with blanks; the network never delivers them. */
          if (strpbrk (line, " \t\r") == NULL && strchr (colon + 1, '\r') == NULL)
            soup_message_headers_append (headers, line, g_strstrip (colon + 1));
        }
      p = *line_end ? line_end + 1 : line_end;
    }
  if (*p == '\n')
    p++;
  /* The body is the rest of the raw input (it may hold NUL bytes). */
  body = (const char *) data + (p - text);
  body_length = size - (p - text);
  /* json-glib's own leak on documents of several values (see am-fuzz.h), in the JSON bodies of
   * the calls with an X-Amz-Target (SSM's); Query bodies are not JSON. */
  if (soup_message_headers_get_one (headers, "X-Amz-Target") != NULL
      && am_fuzz_json_has_second_value ((const guint8 *) body, body_length))
    return 0;

  response = am_sandbox_server_handle (get_server (verify), method, path, query, headers,
                                       body_length ? body : NULL, body_length);
  g_assert (response != NULL);
  g_assert (response->status >= 200 && response->status < 600);
  check_xml (response);
  am_sandbox_response_free (response);
  return 0;
}
