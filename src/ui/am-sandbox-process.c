/* am-sandbox-process.c: runs the built-in amiable-sandbox endpoint as a child process
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox-process"

#include "config.h"

#include <glib/gi18n.h>
#include <signal.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "am-sandbox-process.h"

#define START_TIMEOUT_SECONDS 20
#define LISTENING_PREFIX "listening on "

struct _AmSandboxProcess
{
  GObject           parent_instance;

  /* owned */
  char             *data_dir;
  GStrv             extra_args;
  GSubprocess      *subprocess;
  GDataInputStream *stdout_lines;
  GCancellable     *reader_cancellable;
  GCancellable     *wait_cancellable;

  /* state */
  char             *endpoint;
  char             *exit_reason;
  gint64            ready_at;   /* monotonic, when the endpoint line came */
  gint64            exited_at;
};

enum
{
  EXITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AmSandboxProcess, am_sandbox_process, G_TYPE_OBJECT)

typedef struct
{
  guint    timeout_id;
  gboolean timed_out;
} StartData;

static void
start_data_free (StartData *data)
{
  g_clear_handle_id (&data->timeout_id, g_source_remove);
  g_free (data);
}

AmSandboxProcess *
am_sandbox_process_new (const char         *data_dir,
                        const char * const *extra_args)
{
  AmSandboxProcess *self = g_object_new (AM_TYPE_SANDBOX_PROCESS, NULL);

  self->data_dir = g_strdup (data_dir);
  self->extra_args = g_strdupv ((char **) extra_args);

  return self;
}

/* The installed program sits beside the running one (bindir, wherever the prefix was moved);
 * a program run from the build tree uses the build tree's sandbox, not an older installed one. */
char *
am_sandbox_process_find_program (void)
{
  const char *env = g_getenv ("AMIABLE_SANDBOX_PROGRAM");
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *self_dir = self_exe != NULL ? g_path_get_dirname (self_exe) : NULL;
  g_autofree char *beside = self_dir != NULL ? g_build_filename (self_dir, "amiable-sandbox", NULL) : NULL;
  g_autofree char *installed = g_build_filename (BINDIR, "amiable-sandbox", NULL);
  gboolean uninstalled = self_dir != NULL && g_str_has_prefix (self_dir, BUILD_ROOT "/");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (beside != NULL && g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&beside);
  if (uninstalled && g_file_test (BUILD_SANDBOX_PATH, G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup (BUILD_SANDBOX_PATH);
  if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&installed);
  if (g_file_test (BUILD_SANDBOX_PATH, G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup (BUILD_SANDBOX_PATH);

  return NULL;
}

/* After the endpoint line, the sandbox's output is only of interest when debugging; it is
 * still read so that a full pipe never blocks the sandbox. The reads hold only a weak
 * reference: a strong one would keep the object (and so the process) alive forever. */
static void
am_sandbox_process_drain_cb (GObject      *object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr (AmSandboxProcess) self = g_weak_ref_get (weak);
  g_autofree char *line = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result, NULL, NULL);
  if (line == NULL || self == NULL || self->stdout_lines == NULL)
    {
      g_weak_ref_clear (weak);
      g_free (weak);
      return;
    }

  g_debug ("sandbox: %s", line);
  g_data_input_stream_read_line_async (self->stdout_lines, G_PRIORITY_LOW, self->reader_cancellable,
                                       am_sandbox_process_drain_cb, weak);
}

static void
am_sandbox_process_drain (AmSandboxProcess *self)
{
  GWeakRef *weak = g_new0 (GWeakRef, 1);

  g_weak_ref_init (weak, self);
  g_data_input_stream_read_line_async (self->stdout_lines, G_PRIORITY_LOW, self->reader_cancellable,
                                       am_sandbox_process_drain_cb, weak);
}

/* The sandbox is supervised: its end (a crash, a kill, the user's `kill`) is noticed at once,
 * not at the next request, so the window can say so and offer a restart. */
static void
am_sandbox_process_exited_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr (AmSandboxProcess) self = g_weak_ref_get (weak);
  GSubprocess *subprocess = G_SUBPROCESS (object);
  g_autoptr (GError) error = NULL;

  g_weak_ref_clear (weak);
  g_free (weak);
  if (!g_subprocess_wait_finish (subprocess, result, &error) || self == NULL
      || self->subprocess != subprocess)
    return;

  g_free (self->exit_reason);
  if (g_subprocess_get_if_signaled (subprocess))
    self->exit_reason = g_strdup_printf (_("it was stopped by signal %d (%s)"),
                                         g_subprocess_get_term_sig (subprocess),
                                         g_strsignal (g_subprocess_get_term_sig (subprocess)));
  else
    self->exit_reason = g_strdup_printf (_("it ended with exit status %d"),
                                         g_subprocess_get_exit_status (subprocess));
  self->exited_at = g_get_monotonic_time ();
  g_debug ("The sandbox at %s ended: %s", self->endpoint, self->exit_reason);
  g_clear_pointer (&self->endpoint, g_free);
  g_signal_emit (self, signals[EXITED], 0);
}

static void
am_sandbox_process_watch (AmSandboxProcess *self)
{
  GWeakRef *weak = g_new0 (GWeakRef, 1);

  g_weak_ref_init (weak, self);
  self->wait_cancellable = g_cancellable_new ();
  g_subprocess_wait_async (self->subprocess, self->wait_cancellable, am_sandbox_process_exited_cb, weak);
}

static void
am_sandbox_process_first_line_cb (GObject      *object,
                                  GAsyncResult *result,
                                  gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  AmSandboxProcess *self = g_task_get_source_object (task);
  StartData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autofree char *line = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result, NULL, &error);

  if (data->timed_out)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                               _("The built-in sandbox did not start within %d seconds. "
                                 "Run “amiable-sandbox” in a terminal to see why."),
                               START_TIMEOUT_SECONDS);
      return;
    }
  if (line == NULL)
    {
      if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                                 _("The built-in sandbox stopped before it was ready%s%s. "
                                   "Run “amiable-sandbox” in a terminal to see why."),
                                 error != NULL ? ": " : "", error != NULL ? error->message : "");
      am_sandbox_process_stop (self);
      return;
    }

  if (!g_str_has_prefix (line, LISTENING_PREFIX) ||
      !(g_str_has_prefix (line + strlen (LISTENING_PREFIX), "http://") ||
        g_str_has_prefix (line + strlen (LISTENING_PREFIX), "https://")))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The built-in sandbox printed “%s” instead of its address. "
                                 "Is “%s” the right program?"),
                               line, g_getenv ("AMIABLE_SANDBOX_PROGRAM") ?: "amiable-sandbox");
      am_sandbox_process_stop (self);
      return;
    }

  g_free (self->endpoint);
  self->endpoint = g_strdup (g_strstrip (line + strlen (LISTENING_PREFIX)));
  g_debug ("sandbox listening on %s", self->endpoint);

  self->ready_at = g_get_monotonic_time ();
  am_sandbox_process_drain (self);
  am_sandbox_process_watch (self);
  g_task_return_pointer (task, self->endpoint, NULL);
}

static gboolean
am_sandbox_process_start_timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  AmSandboxProcess *self = g_task_get_source_object (task);
  StartData *data = g_task_get_task_data (task);

  data->timeout_id = 0;
  data->timed_out = TRUE;
  /* Ending the process ends the pending read, which reports the time-out. */
  am_sandbox_process_stop (self);
  g_cancellable_cancel (self->reader_cancellable);

  return G_SOURCE_REMOVE;
}

#ifdef __linux__
/* Runs in the child before exec: the sandbox ends with us even when we crash or are
 * killed, so no orphaned server keeps a port and the data folder busy. */
static void
am_sandbox_process_child_setup (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}
#endif

void
am_sandbox_process_start_async (AmSandboxProcess    *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GPtrArray) argv = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autofree char *program = NULL;
  StartData *data;

  g_return_if_fail (AM_IS_SANDBOX_PROCESS (self));
  g_return_if_fail (self->subprocess == NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_sandbox_process_start_async);

  program = am_sandbox_process_find_program ();
  if (program == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("The built-in sandbox program “amiable-sandbox” is not installed. "
                                 "Reinstall Amiable, or set AMIABLE_SANDBOX_PROGRAM to its path."));
      return;
    }

  argv = g_ptr_array_new ();
  g_ptr_array_add (argv, program);
  if (self->data_dir != NULL)
    {
      g_ptr_array_add (argv, (char *) "--data-dir");
      g_ptr_array_add (argv, self->data_dir);
    }
  for (guint i = 0; self->extra_args != NULL && self->extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, self->extra_args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
#ifdef __linux__
  g_subprocess_launcher_set_child_setup (launcher, am_sandbox_process_child_setup, NULL, NULL);
#endif
  self->subprocess = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  if (self->subprocess == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not start the built-in sandbox (%s): %s"),
                               program, error->message);
      return;
    }

  self->stdout_lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->subprocess));
  self->reader_cancellable = g_cancellable_new ();

  data = g_new0 (StartData, 1);
  g_task_set_task_data (task, data, (GDestroyNotify) start_data_free);
  data->timeout_id = g_timeout_add_seconds (START_TIMEOUT_SECONDS, am_sandbox_process_start_timeout_cb, task);

  if (cancellable != NULL)
    g_signal_connect_object (cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                             self->reader_cancellable, G_CONNECT_SWAPPED);

  g_data_input_stream_read_line_async (self->stdout_lines, G_PRIORITY_DEFAULT, self->reader_cancellable,
                                       am_sandbox_process_first_line_cb, g_steal_pointer (&task));
}

const char *
am_sandbox_process_start_finish (AmSandboxProcess  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (AM_IS_SANDBOX_PROCESS (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
am_sandbox_process_get_endpoint (AmSandboxProcess *self)
{
  g_return_val_if_fail (AM_IS_SANDBOX_PROCESS (self), NULL);

  return self->endpoint;
}

const char *
am_sandbox_process_get_exit_reason (AmSandboxProcess *self)
{
  g_return_val_if_fail (AM_IS_SANDBOX_PROCESS (self), NULL);

  return self->exit_reason;
}

const char *
am_sandbox_process_get_identifier (AmSandboxProcess *self)
{
  g_return_val_if_fail (AM_IS_SANDBOX_PROCESS (self), NULL);

  return self->subprocess != NULL ? g_subprocess_get_identifier (self->subprocess) : NULL;
}

gint64
am_sandbox_process_get_uptime (AmSandboxProcess *self)
{
  g_return_val_if_fail (AM_IS_SANDBOX_PROCESS (self), 0);

  if (self->ready_at == 0)
    return 0;
  return (self->exited_at != 0 ? self->exited_at : g_get_monotonic_time ()) - self->ready_at;
}

void
am_sandbox_process_stop (AmSandboxProcess *self)
{
  g_return_if_fail (AM_IS_SANDBOX_PROCESS (self));

  if (self->subprocess != NULL)
    g_subprocess_send_signal (self->subprocess, SIGTERM);
}

static void
am_sandbox_process_dispose (GObject *object)
{
  AmSandboxProcess *self = AM_SANDBOX_PROCESS (object);

  if (self->reader_cancellable != NULL)
    g_cancellable_cancel (self->reader_cancellable);
  if (self->wait_cancellable != NULL)
    g_cancellable_cancel (self->wait_cancellable);
  if (self->subprocess != NULL)
    {
      g_subprocess_send_signal (self->subprocess, SIGTERM);
      /* Reap it so no zombie is left; the sandbox saves and exits promptly on SIGTERM. */
      g_subprocess_wait (self->subprocess, NULL, NULL);
    }
  g_clear_object (&self->stdout_lines);
  g_clear_object (&self->subprocess);
  g_clear_object (&self->reader_cancellable);
  g_clear_object (&self->wait_cancellable);

  G_OBJECT_CLASS (am_sandbox_process_parent_class)->dispose (object);
}

static void
am_sandbox_process_finalize (GObject *object)
{
  AmSandboxProcess *self = AM_SANDBOX_PROCESS (object);

  g_free (self->data_dir);
  g_strfreev (self->extra_args);
  g_free (self->endpoint);
  g_free (self->exit_reason);

  G_OBJECT_CLASS (am_sandbox_process_parent_class)->finalize (object);
}

static void
am_sandbox_process_class_init (AmSandboxProcessClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_sandbox_process_dispose;
  object_class->finalize = am_sandbox_process_finalize;

  /**
   * AmSandboxProcess::exited:
   * The started sandbox ended by itself (not through dispose); see
   * am_sandbox_process_get_exit_reason().
   */
  signals[EXITED] = g_signal_new ("exited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
am_sandbox_process_init (AmSandboxProcess *self)
{
}
