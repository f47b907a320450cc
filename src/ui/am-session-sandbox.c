/* am-session-sandbox.c: AmSession's built-in sandbox: starting it, sharing it, noticing its end
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-session"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>

#include "am-connection-monitor.h"
#include "am-session-private.h"

/* The built-in sandbox process, shared by the sessions that use it. */
static GWeakRef shared_sandbox;

static void
am_session_sandbox_started_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  AmSession *self = g_task_get_source_object (task);
  AmConnectData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  const char *endpoint;

  endpoint = am_sandbox_process_start_finish (AM_SANDBOX_PROCESS (object), result, &error);
  if (endpoint == NULL)
    {
      /* Start a new process on the next try. */
      if (self->sandbox == AM_SANDBOX_PROCESS (object))
        _am_session_forget_sandbox (self);
      /* One that stopped before it was ready gets a second start, once (not one that hung:
       * that would be another 20 s). */
      if (!self->sandbox_restarted && !g_cancellable_is_cancelled (g_task_get_cancellable (task))
          && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_FAILED))
        {
          g_debug ("The sandbox did not start (%s); starting it once more", error->message);
          self->sandbox_restarted = TRUE;
          _am_session_connect_sandbox (self, task);
          return;
        }
      _am_session_fail (self, task, g_steal_pointer (&error));
      return;
    }

  data->endpoint = g_strdup (endpoint);
  _am_session_finish_connect (self, task);
}


/* The handler is disconnected here, by its id, before the reference goes: the process may
 * outlive this session (other sessions share it). */
void
_am_session_forget_sandbox (AmSession *self)
{
  if (self->sandbox != NULL)
    g_clear_signal_handler (&self->sandbox_exited_id, self->sandbox);
  g_clear_object (&self->sandbox);
}

/* A sandbox that dies within this long of starting is restarted once without asking. */
#define SANDBOX_EARLY_DEATH_US (15 * G_TIME_SPAN_SECOND)

static void
am_session_sandbox_exited_cb (AmSession        *self,
                              AmSandboxProcess *sandbox)
{
  const char *reason = am_sandbox_process_get_exit_reason (sandbox);

  g_assert (sandbox == self->sandbox);

  if (!self->is_sandbox && self->state != AM_SESSION_STATE_CONNECTING)
    {
      _am_session_forget_sandbox (self);
      return;
    }

  if (!self->sandbox_restarted && am_sandbox_process_get_uptime (sandbox) < SANDBOX_EARLY_DEATH_US
      && self->state == AM_SESSION_STATE_READY)
    {
      g_debug ("The sandbox died %" G_GINT64_FORMAT " ms after it started (%s); restarting it once",
               am_sandbox_process_get_uptime (sandbox) / 1000, reason);
      self->sandbox_restarted = TRUE;
      am_session_restart_sandbox (self);
      return;
    }

  {
    g_autofree char *host = am_connection_monitor_host_for_url (self->endpoint);

    /* Nothing answers there any more, whatever requests were on their way. */
    if (host != NULL)
      am_connection_monitor_report (am_connection_monitor_get_default (), host, AM_CONNECTION_OFFLINE);
  }
  _am_session_set_sandbox_error (self,
                                 g_error_new (G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED,
                                              _("The built-in sandbox stopped: %s. Its images and "
                                                "instances are saved on disk; restart it to go on."),
                                              reason != NULL ? reason : _("for no reason it gave")));
}

static void
am_session_watch_sandbox (AmSession *self)
{
  if (self->sandbox_exited_id != 0)
    return;
  self->sandbox_exited_id = g_signal_connect_swapped (self->sandbox, "exited",
                                                      G_CALLBACK (am_session_sandbox_exited_cb), self);
}

static void
am_session_restart_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  /* A failure shows through the session's state. */
  if (!am_session_connect_finish (AM_SESSION (object), result, &error))
    g_debug ("Restarting the sandbox failed: %s", error->message);
}

void
am_session_restart_sandbox (AmSession *self)
{
  g_autofree char *region = NULL;

  g_return_if_fail (AM_IS_SESSION (self));

  region = g_strdup (self->region);
  if (self->sandbox != NULL && am_sandbox_process_get_exit_reason (self->sandbox) != NULL)
    _am_session_forget_sandbox (self);
  _am_session_set_sandbox_error (self, NULL);
  am_session_connect_async (self,
                            g_strcmp0 (self->profile_name, AM_SESSION_SANDBOX_BOB_PROFILE) == 0
                            ? AM_SESSION_SANDBOX_BOB_PROFILE : AM_SESSION_SANDBOX_PROFILE,
                            region, NULL, am_session_restart_cb, NULL);
}

const GError *
am_session_get_sandbox_error (AmSession *self)
{
  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  return self->sandbox_error;
}

void
_am_session_connect_sandbox (AmSession *self,
                             GTask     *task)
{
  AmConnectData *data = g_task_get_task_data (task);
  g_autoptr (AmCredentials) credentials = NULL;
  g_autofree char *data_dir = NULL;

  /* Also called again for the one restart of a sandbox that died at start. */
  data->is_sandbox = TRUE;
  g_free (data->account);
  if (data->region == NULL)
    data->region = g_strdup (AM_SANDBOX_DEFAULT_REGION);
  /* The sandbox's second account, so that sharing can be seen from the other side. */
  if (g_strcmp0 (data->profile_name, AM_SESSION_SANDBOX_BOB_PROFILE) == 0)
    {
      data->account = g_strdup (AM_SANDBOX_BOB_ACCOUNT_ID);
      credentials = am_credentials_new (AM_SANDBOX_BOB_ACCESS_KEY, AM_SANDBOX_BOB_SECRET_KEY, NULL, NULL);
    }
  else
    {
      data->account = g_strdup (AM_SANDBOX_ALICE_ACCOUNT_ID);
      credentials = am_credentials_new (AM_SANDBOX_ALICE_ACCESS_KEY, AM_SANDBOX_ALICE_SECRET_KEY, NULL, NULL);
    }
  am_credentials_set_source (credentials, _("built-in sandbox"));
  g_clear_object (&data->credentials);
  data->credentials = am_credentials_provider_new_static (credentials);

  /* One sandbox serves every session of the process (it locks its data folder). */
  if (self->sandbox == NULL)
    self->sandbox = g_weak_ref_get (&shared_sandbox);
  if (self->sandbox != NULL && am_sandbox_process_get_endpoint (self->sandbox) == NULL)
    _am_session_forget_sandbox (self);

  if (self->sandbox != NULL)
    {
      am_session_watch_sandbox (self);
      data->endpoint = g_strdup (am_sandbox_process_get_endpoint (self->sandbox));
      _am_session_finish_connect (self, task);
      return;
    }

  data_dir = g_build_filename (g_get_user_data_dir (), "amiable", "sandbox", NULL);
  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      int saved_errno = errno;

      _am_session_fail (self, task,
                        g_error_new (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                     _("Could not create the sandbox's folder %s: %s. "
                                       "Check the permissions of your data folder."),
                                     data_dir, g_strerror (saved_errno)));
      return;
    }

  self->sandbox = am_sandbox_process_new (data_dir, NULL);
  g_weak_ref_set (&shared_sandbox, self->sandbox);
  am_session_watch_sandbox (self);
  am_sandbox_process_start_async (self->sandbox, g_task_get_cancellable (task),
                                  am_session_sandbox_started_cb, g_object_ref (task));
}
