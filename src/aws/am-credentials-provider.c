/* am-credentials-provider.c: hands out credentials, caching them and refreshing before expiry
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-credentials-provider"

#include "config.h"

#include "am-aws-config.h"
#include "am-aws-error.h"
#include "am-credentials.h"
#include "am-profile-resolver.h"

#define DEFAULT_REFRESH_WINDOW (5 * G_TIME_SPAN_MINUTE)

typedef struct
{
  AmCredentialsProvider *self;    /* borrowed: the provider owns the waiters */
  GTask                 *task;
  GSource               *cancel_source;
} Waiter;

struct _AmCredentialsProvider
{
  GObject parent_instance;

  /* owned */
  AmCredentials  *static_credentials;
  AmAwsConfig    *config;
  AmProfileResolver *resolver;     /* reads config; calls STS and SSO */
  char           *profile_name;
  AmCredentials  *cached;
  GPtrArray      *waiters;         /* Waiter* */
  GCancellable   *cancellable;     /* the running resolution */
  AmMfaPromptFunc mfa_prompt;
  gpointer        mfa_prompt_data;
  GDestroyNotify  mfa_prompt_destroy;

  /* state */
  GTimeSpan       refresh_window;
  gboolean        resolving;
};

G_DEFINE_FINAL_TYPE (AmCredentialsProvider, am_credentials_provider, G_TYPE_OBJECT)

static void
waiter_free (gpointer data)
{
  Waiter *waiter = data;

  if (waiter->cancel_source != NULL)
    {
      g_source_destroy (waiter->cancel_source);
      g_source_unref (waiter->cancel_source);
    }
  g_clear_object (&waiter->task);
  g_free (waiter);
}

static void
am_credentials_provider_dispose (GObject *object)
{
  AmCredentialsProvider *self = (AmCredentialsProvider *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->mfa_prompt_destroy != NULL)
    g_clear_pointer (&self->mfa_prompt_data, self->mfa_prompt_destroy);
  self->mfa_prompt = NULL;
  g_clear_object (&self->resolver);
  g_clear_object (&self->config);

  G_OBJECT_CLASS (am_credentials_provider_parent_class)->dispose (object);
}

static void
am_credentials_provider_finalize (GObject *object)
{
  AmCredentialsProvider *self = (AmCredentialsProvider *) object;

  g_assert (self->waiters->len == 0);
  g_ptr_array_unref (self->waiters);
  g_clear_pointer (&self->static_credentials, am_credentials_unref);
  g_clear_pointer (&self->cached, am_credentials_unref);
  g_free (self->profile_name);

  G_OBJECT_CLASS (am_credentials_provider_parent_class)->finalize (object);
}

static void
am_credentials_provider_class_init (AmCredentialsProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_credentials_provider_dispose;
  object_class->finalize = am_credentials_provider_finalize;
}

static void
am_credentials_provider_init (AmCredentialsProvider *self)
{
  self->waiters = g_ptr_array_new_with_free_func (waiter_free);
  self->refresh_window = DEFAULT_REFRESH_WINDOW;
}

AmCredentialsProvider *
am_credentials_provider_new_static (AmCredentials *credentials)
{
  AmCredentialsProvider *self;

  g_return_val_if_fail (credentials != NULL, NULL);

  self = g_object_new (AM_TYPE_CREDENTIALS_PROVIDER, NULL);
  self->static_credentials = am_credentials_ref (credentials);
  return self;
}

AmCredentialsProvider *
am_credentials_provider_new_for_profile (AmAwsConfig *config,
                                         const char  *profile_name)
{
  AmCredentialsProvider *self;

  g_return_val_if_fail (AM_IS_AWS_CONFIG (config), NULL);

  self = g_object_new (AM_TYPE_CREDENTIALS_PROVIDER, NULL);
  self->config = g_object_ref (config);
  self->resolver = am_profile_resolver_new (config);
  self->profile_name = g_strdup (profile_name);
  return self;
}

void
am_credentials_provider_set_mfa_prompt (AmCredentialsProvider *self,
                                        AmMfaPromptFunc        func,
                                        gpointer               user_data,
                                        GDestroyNotify         destroy)
{
  g_return_if_fail (AM_IS_CREDENTIALS_PROVIDER (self));

  if (self->mfa_prompt_destroy != NULL)
    g_clear_pointer (&self->mfa_prompt_data, self->mfa_prompt_destroy);
  self->mfa_prompt = func;
  self->mfa_prompt_data = user_data;
  self->mfa_prompt_destroy = destroy;
}

const char *
am_credentials_provider_get_profile_name (AmCredentialsProvider *self)
{
  g_return_val_if_fail (AM_IS_CREDENTIALS_PROVIDER (self), NULL);
  return self->profile_name;
}

AmAwsConfig *
am_credentials_provider_get_config (AmCredentialsProvider *self)
{
  g_return_val_if_fail (AM_IS_CREDENTIALS_PROVIDER (self), NULL);
  return self->config;
}

void
am_credentials_provider_set_refresh_window (AmCredentialsProvider *self,
                                            GTimeSpan              window)
{
  g_return_if_fail (AM_IS_CREDENTIALS_PROVIDER (self));
  g_return_if_fail (window >= 0);
  self->refresh_window = window;
}

void
am_credentials_provider_invalidate (AmCredentialsProvider *self)
{
  g_return_if_fail (AM_IS_CREDENTIALS_PROVIDER (self));
  g_clear_pointer (&self->cached, am_credentials_unref);
}

static gboolean
on_waiter_cancelled (GCancellable *cancellable,
                     gpointer      user_data)
{
  Waiter *waiter = user_data;
  AmCredentialsProvider *self = waiter->self;
  g_autoptr (GTask) task = g_steal_pointer (&waiter->task);

  /* The resolution goes on for the others (and fills the cache); this caller leaves now. */
  g_clear_pointer (&waiter->cancel_source, g_source_unref);
  g_ptr_array_remove (self->waiters, waiter);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled");
  return G_SOURCE_REMOVE;
}

static void
finish_waiters (AmCredentialsProvider *self,
                AmCredentials         *credentials,
                const GError          *error)
{
  g_autoptr (GPtrArray) waiters = g_steal_pointer (&self->waiters);

  self->waiters = g_ptr_array_new_with_free_func (waiter_free);

  for (guint i = 0; i < waiters->len; i++)
    {
      Waiter *waiter = g_ptr_array_index (waiters, i);
      g_autoptr (GTask) task = g_steal_pointer (&waiter->task);

      if (credentials != NULL)
        g_task_return_pointer (task, am_credentials_ref (credentials),
                               (GDestroyNotify) am_credentials_unref);
      else
        g_task_return_error (task, g_error_copy (error));
    }
}

static void
on_resolved (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (AmCredentialsProvider) self = user_data;
  g_autoptr (AmCredentials) credentials = NULL;
  g_autoptr (GError) error = NULL;

  credentials = am_profile_resolver_resolve_finish (AM_PROFILE_RESOLVER (source), result, &error);
  self->resolving = FALSE;
  g_clear_object (&self->cancellable);

  if (credentials == NULL && self->cached != NULL
      && !am_credentials_expires_within (self->cached, 0, NULL)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* A failed early refresh: the old credentials still work for a while. */
      g_debug ("Refreshing the credentials of %s failed (%s); using the current ones until "
               "they expire", self->profile_name != NULL ? self->profile_name : "the default chain",
               error->message);
      finish_waiters (self, self->cached, NULL);
      return;
    }

  if (credentials != NULL)
    {
      g_clear_pointer (&self->cached, am_credentials_unref);
      self->cached = am_credentials_ref (credentials);
    }

  finish_waiters (self, credentials, error);
}

void
am_credentials_provider_get_async (AmCredentialsProvider *self,
                                   GCancellable          *cancellable,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data)
{
  g_autoptr (GTask) task = NULL;
  Waiter *waiter;

  g_return_if_fail (AM_IS_CREDENTIALS_PROVIDER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_credentials_provider_get_async);

  if (self->static_credentials != NULL)
    {
      g_task_return_pointer (task, am_credentials_ref (self->static_credentials),
                             (GDestroyNotify) am_credentials_unref);
      return;
    }

  if (self->cached != NULL && !am_credentials_expires_within (self->cached, self->refresh_window,
                                                               NULL))
    {
      g_task_return_pointer (task, am_credentials_ref (self->cached),
                             (GDestroyNotify) am_credentials_unref);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  waiter = g_new0 (Waiter, 1);
  waiter->self = self;
  waiter->task = g_steal_pointer (&task);
  if (cancellable != NULL)
    {
      waiter->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (waiter->cancel_source, G_SOURCE_FUNC (on_waiter_cancelled), waiter,
                             NULL);
      g_source_attach (waiter->cancel_source, g_task_get_context (waiter->task));
    }
  g_ptr_array_add (self->waiters, waiter);

  if (self->resolving)
    return;

  self->resolving = TRUE;
  self->cancellable = g_cancellable_new ();
  am_profile_resolver_resolve_async (self->resolver, self->profile_name, self->mfa_prompt,
                                     self->mfa_prompt_data, self->cancellable,
                                     on_resolved, g_object_ref (self));
}

AmCredentials *
am_credentials_provider_get_finish (AmCredentialsProvider *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (AM_IS_CREDENTIALS_PROVIDER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                          == am_credentials_provider_get_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
