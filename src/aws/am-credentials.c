/* am-credentials.c: AWS credentials, an immutable refcounted boxed type
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-credentials"

#include "config.h"

#include <string.h>

#include <openssl/crypto.h>

#include "am-credentials.h"

struct _AmCredentials
{
  gatomicrefcount  ref_count;
  char            *access_key_id;
  char            *secret_access_key;
  char            *session_token;
  GDateTime       *expiration;
  char            *source;
};

G_DEFINE_BOXED_TYPE (AmCredentials, am_credentials, am_credentials_ref, am_credentials_unref)

AmCredentials *
am_credentials_new (const char *access_key_id,
                    const char *secret_access_key,
                    const char *session_token,
                    GDateTime  *expiration)
{
  AmCredentials *self;

  g_return_val_if_fail (access_key_id != NULL, NULL);
  g_return_val_if_fail (secret_access_key != NULL, NULL);

  self = g_new0 (AmCredentials, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->access_key_id = g_strdup (access_key_id);
  self->secret_access_key = g_strdup (secret_access_key);
  self->session_token = session_token != NULL && *session_token != '\0'
                          ? g_strdup (session_token) : NULL;
  self->expiration = expiration != NULL ? g_date_time_ref (expiration) : NULL;

  return self;
}

AmCredentials *
am_credentials_ref (AmCredentials *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
free_secret (char *secret)
{
  if (secret == NULL)
    return;
  OPENSSL_cleanse (secret, strlen (secret));
  g_free (secret);
}

void
am_credentials_unref (AmCredentials *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->access_key_id);
  free_secret (self->secret_access_key);
  free_secret (self->session_token);
  g_clear_pointer (&self->expiration, g_date_time_unref);
  g_free (self->source);
  g_free (self);
}

const char *
am_credentials_get_access_key_id (AmCredentials *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->access_key_id;
}

const char *
am_credentials_get_secret_access_key (AmCredentials *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->secret_access_key;
}

const char *
am_credentials_get_session_token (AmCredentials *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->session_token;
}

GDateTime *
am_credentials_get_expiration (AmCredentials *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->expiration;
}

const char *
am_credentials_get_source (AmCredentials *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->source;
}

void
am_credentials_set_source (AmCredentials *self,
                           const char    *source)
{
  g_return_if_fail (self != NULL);

  if (g_strcmp0 (self->source, source) == 0)
    return;
  g_free (self->source);
  self->source = g_strdup (source);
}

gboolean
am_credentials_expires_within (AmCredentials *self,
                               GTimeSpan      span,
                               GDateTime     *now)
{
  g_autoptr (GDateTime) current = NULL;

  g_return_val_if_fail (self != NULL, TRUE);

  if (self->expiration == NULL)
    return FALSE;

  current = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  return g_date_time_difference (self->expiration, current) < span;
}
