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
