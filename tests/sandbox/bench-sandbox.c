/* bench-sandbox.c: DescribeImages pages of 1000 per second from a sandbox with 100k public images
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "am-sandbox-server.h"
#include "am-sigv4.h"

#define ALICE_KEY "AKIAIOSFODNN7SANDBOX"
#define ALICE_SECRET "sandbox/alice/wJalrXUtnFEMIK7MDENGbPxRfiCY"

typedef struct
{
  GMutex           lock;
  GCond            cond;
  char            *uri;
  GMainLoop       *loop;
  guint            n_images;
} ServerThread;

static gpointer
server_thread (gpointer user_data)
{
  ServerThread *st = user_data;
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (AmSandboxServer) server = am_sandbox_server_new ();
  g_autoptr (GError) error = NULL;

  g_main_context_push_thread_default (context);
  am_sandbox_server_set_public_images (server, st->n_images);
  if (!am_sandbox_server_load (server, NULL, &error) || !am_sandbox_server_listen (server, NULL, 0, &error))
    g_error ("the sandbox could not start: %s", error->message);
  g_mutex_lock (&st->lock);
  st->loop = g_main_loop_new (context, FALSE);
  st->uri = am_sandbox_server_get_uri (server);
  g_cond_signal (&st->cond);
  g_mutex_unlock (&st->lock);
  g_main_loop_run (st->loop);
  am_sandbox_server_disconnect (server);
  g_main_context_pop_thread_default (context);
  return NULL;
}

static GBytes *
describe_page (SoupSession *session,
               const char  *uri,
               const char  *host,
               const char  *token,
               guint       *status)
{
  g_autofree char *escaped = token ? g_uri_escape_string (token, NULL, TRUE) : NULL;
  g_autofree char *body = g_strdup_printf ("Action=DescribeImages&Version=2016-11-15&Owner.1=amazon"
                                           "&MaxResults=1000%s%s", escaped ? "&NextToken=" : "",
                                           escaped ? escaped : "");
  g_autoptr (SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr (AmSigv4Request) request = am_sigv4_request_new ("POST", "/", NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *amz_date = am_sigv4_format_amz_date (now);
  g_auto (AmSigv4Result) result = { 0 };
  g_autoptr (GBytes) payload = g_bytes_new (body, strlen (body));
  g_autoptr (GError) error = NULL;
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
  const char *content_type = "application/x-www-form-urlencoded; charset=utf-8";
  GBytes *response;

  am_sigv4_request_add_header (request, "host", host);
  am_sigv4_request_add_header (request, "content-type", content_type);
  am_sigv4_request_add_header (request, "x-amz-date", amz_date);
  am_sigv4_request_set_payload (request, body, strlen (body));
  if (!am_sigv4_sign (request, ALICE_KEY, ALICE_SECRET, "us-east-1", "ec2", amz_date, &result, &error))
    g_error ("signing failed: %s", error->message);
  soup_message_headers_replace (headers, "X-Amz-Date", amz_date);
  soup_message_headers_replace (headers, "Authorization", result.authorization);
  soup_message_set_request_body_from_bytes (msg, content_type, payload);
  response = soup_session_send_and_read (session, msg, NULL, &error);
  if (response == NULL)
    g_error ("DescribeImages failed: %s", error->message);
  *status = soup_message_get_status (msg);
  return response;
}

static char *
next_token (GBytes *page)
{
  gsize size;
  const char *data = g_bytes_get_data (page, &size);
  const char *tail = data + (size > 512 ? size - 512 : 0);
  g_autofree char *copy = g_strndup (tail, data + size - tail);
  const char *start = strstr (copy, "<nextToken>");

  if (start == NULL)
    return NULL;
  start += strlen ("<nextToken>");
  return g_strndup (start, strcspn (start, "<"));
}

int
main (int   argc,
      char *argv[])
{
  ServerThread st = { 0 };
  g_autoptr (GThread) thread = NULL;
  g_autoptr (SoupSession) session = NULL;
  g_autoptr (GUri) parsed = NULL;
  g_autofree char *host = NULL;
  const char *env_images = g_getenv ("AM_BENCH_PUBLIC_IMAGES");
  double min_seconds = 5.0;
  guint pages = 0, images = 0, listings = 0;
  gint64 start, elapsed;

  st.n_images = env_images ? (guint) atoi (env_images) : 100000;
  g_mutex_init (&st.lock);
  g_cond_init (&st.cond);
  start = g_get_monotonic_time ();
  thread = g_thread_new ("sandbox", server_thread, &st);
  g_mutex_lock (&st.lock);
  while (st.uri == NULL)
    g_cond_wait (&st.cond, &st.lock);
  g_mutex_unlock (&st.lock);
  g_print ("# sandbox with %u public images per region ready in %.2f s at %s\n", st.n_images,
           (g_get_monotonic_time () - start) / 1e6, st.uri);

  parsed = g_uri_parse (st.uri, G_URI_FLAGS_NONE, NULL);
  host = g_strdup_printf ("%s:%d", g_uri_get_host (parsed), g_uri_get_port (parsed));
  session = soup_session_new_with_options ("max-conns", 1, "max-conns-per-host", 1, NULL);

  start = g_get_monotonic_time ();
  do
    {
      g_autofree char *token = NULL;

      /* One full listing, page by page, like the app's image store. */
      do
        {
          guint status = 0;
          g_autoptr (GBytes) page = describe_page (session, st.uri, host, token, &status);
          gsize size;
          const char *data = g_bytes_get_data (page, &size);
          const char *p = data;

          if (status != 200)
            g_error ("DescribeImages answered HTTP %u: %.300s", status, data);
          while ((p = g_strstr_len (p, data + size - p, "<imageId>")) != NULL)
            {
              images++;
              p++;
            }
          g_free (token);
          token = next_token (page);
          pages++;
        }
      while (token != NULL);
      listings++;
      elapsed = g_get_monotonic_time () - start;
    }
  while (elapsed < min_seconds * 1e6);

  g_print ("# %u full listings, %u images\n", listings, images);
  printf ("pages=%u seconds=%.2f pages_per_s=%.1f\n", pages, elapsed / 1e6, pages / (elapsed / 1e6));
  fflush (stdout);

  g_main_loop_quit (st.loop);
  g_thread_join (g_steal_pointer (&thread));
  g_main_loop_unref (st.loop);
  g_free (st.uri);
  return pages / (elapsed / 1e6) >= 1.0 ? 0 : 1;
}
