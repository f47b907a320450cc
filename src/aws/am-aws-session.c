/* am-aws-session.c: the one SoupSession every AWS client of the process shares
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-aws-session"

#include "config.h"

#include "am-aws-error.h"
#include "am-aws-session.h"

SoupSession *
am_aws_session_new (void)
{
  SoupSession *session;

  /* The clients time each attempt themselves (see AmAwsTransport); the session's own I/O
   * timeout stays as a backstop for a stalled socket. */
  session = soup_session_new_with_options ("user-agent", PACKAGE_NAME "/" PACKAGE_VERSION " ",
                                           "timeout", 120,
                                           "idle-timeout", 60,
                                           "max-conns-per-host", 8,
                                           NULL);
  if (!soup_session_has_feature (session, SOUP_TYPE_CONTENT_DECODER))
    soup_session_add_feature_by_type (session, SOUP_TYPE_CONTENT_DECODER);

  return session;
}

SoupSession *
am_aws_session_get_default (void)
{
  static gsize session;

  /* Never freed: it lives as long as the process, like the default main context. */
  if (g_once_init_enter (&session))
    g_once_init_leave (&session, (gsize) am_aws_session_new ());

  return (SoupSession *) session;
}

/* Checks that @ca_bundle holds at least one certificate: a file of anything else would make a
 * database that trusts nothing, and every connection would fail with a puzzling TLS error. */
static GTlsDatabase *
load_ca_bundle (const char  *ca_bundle,
                GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GTlsDatabase) database = NULL;
  GList *certificates;

  certificates = g_tls_certificate_list_new_from_file (ca_bundle, &local_error);
  if (certificates == NULL && local_error == NULL)
    local_error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                                       "it holds no PEM certificate");
  g_list_free_full (certificates, g_object_unref);
  if (local_error == NULL)
    database = g_tls_file_database_new (ca_bundle, &local_error);
  if (database == NULL)
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG,
                   "The CA bundle “%s” (AWS_CA_BUNDLE or the profile’s ca_bundle) cannot be "
                   "used: %s. Point the setting at a PEM file of certificates, or remove it to "
                   "trust the system’s certificate authorities.",
                   ca_bundle, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&database);
}

SoupSession *
am_aws_session_get_for_ca_bundle (const char  *ca_bundle,
                                  GError     **error)
{
  static GMutex lock;
  static GHashTable *sessions;   /* file name → SoupSession; never freed, like the default */
  g_autoptr (GTlsDatabase) database = NULL;
  SoupSession *session;

  g_return_val_if_fail (ca_bundle != NULL && *ca_bundle != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_mutex_lock (&lock);
  if (sessions == NULL)
    sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  session = g_hash_table_lookup (sessions, ca_bundle);
  if (session != NULL)
    {
      g_object_ref (session);
      g_mutex_unlock (&lock);
      return session;
    }
  g_mutex_unlock (&lock);

  database = load_ca_bundle (ca_bundle, error);
  if (database == NULL)
    return NULL;

  session = am_aws_session_new ();
  soup_session_set_tls_database (session, database);

  g_mutex_lock (&lock);
  if (!g_hash_table_contains (sessions, ca_bundle))
    g_hash_table_insert (sessions, g_strdup (ca_bundle), g_object_ref (session));
  g_mutex_unlock (&lock);
  return session;
}

/* --- sending with a cap on the answer ------------------------------------------------------ */

typedef struct
{
  GByteArray *body;
  gsize       max_body;
} CappedRead;

static void
capped_read_free (gpointer user_data)
{
  CappedRead *read = user_data;

  g_byte_array_unref (read->body);
  g_free (read);
}

static void on_capped_chunk (GObject *source, GAsyncResult *result, gpointer user_data);

/* Takes @task. */
static void
return_too_large (GTask *task)
{
  CappedRead *read = g_task_get_task_data (task);

  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                           "the answer is larger than %" G_GSIZE_FORMAT " KiB",
                           read->max_body / 1024);
  g_object_unref (task);
}

/* Takes @task. */
static void
read_next_chunk (GTask        *task,
                 GInputStream *stream)
{
  GCancellable *cancellable = g_task_get_cancellable (task);

  g_input_stream_read_bytes_async (stream, 64 * 1024, G_PRIORITY_DEFAULT, cancellable,
                                   on_capped_chunk, task);
}

static void
on_capped_chunk (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  CappedRead *read = g_task_get_task_data (task);
  GInputStream *stream = G_INPUT_STREAM (source);
  g_autoptr (GBytes) chunk = NULL;
  GError *error = NULL;

  chunk = g_input_stream_read_bytes_finish (stream, result, &error);
  if (chunk == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_bytes_get_size (chunk) == 0)
    {
      g_task_return_pointer (task, g_byte_array_free_to_bytes (g_byte_array_ref (read->body)),
                             (GDestroyNotify) g_bytes_unref);
      return;
    }
  if (read->body->len + g_bytes_get_size (chunk) > read->max_body)
    {
      return_too_large (g_steal_pointer (&task));
      return;
    }
  g_byte_array_append (read->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  read_next_chunk (g_steal_pointer (&task), stream);
}

static void
on_capped_headers (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  CappedRead *read = g_task_get_task_data (task);
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr (GInputStream) stream = NULL;
  GError *error = NULL;
  goffset length;

  stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* An announced size over the cap is refused before reading any of it. */
  length = soup_message_headers_get_content_length (soup_message_get_response_headers (msg));
  if (soup_message_headers_get_encoding (soup_message_get_response_headers (msg))
        == SOUP_ENCODING_CONTENT_LENGTH
      && soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                       "Content-Encoding") == NULL
      && length > (goffset) read->max_body)
    {
      return_too_large (g_steal_pointer (&task));
      return;
    }
  read_next_chunk (g_steal_pointer (&task), stream);
}

void
am_aws_session_send_capped_async (SoupSession         *session,
                                  SoupMessage         *msg,
                                  gsize                max_body,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task = g_task_new (session, cancellable, callback, user_data);
  CappedRead *read = g_new0 (CappedRead, 1);

  g_task_set_source_tag (task, am_aws_session_send_capped_async);
  read->body = g_byte_array_new ();
  read->max_body = max_body;
  g_task_set_task_data (task, read, capped_read_free);
  soup_session_send_async (session, msg, G_PRIORITY_DEFAULT, cancellable, on_capped_headers,
                           task);
}

GBytes *
am_aws_session_send_capped_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
