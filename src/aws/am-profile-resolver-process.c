/* am-profile-resolver-process.c: credentials from a profile's credential_process command
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-profile-resolver"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <json-glib/json-glib.h>

#include "am-aws-config-private.h"
#include "am-aws-error.h"
#include "am-flatpak.h"
#include "am-json-member.h"
#include "am-profile-resolver-private.h"

/* A credential_process prints one small JSON object; more is a broken or hostile command. */
#define AM_CREDENTIAL_PROCESS_MAX_OUTPUT (64 * 1024)

static AmCredentials *
parse_process_output (const char  *profile,
                      const char  *output,
                      GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GDateTime) expiration = NULL;
  JsonObject *object;
  JsonNode *root;
  const char *key_id;
  const char *secret;
  const char *token;
  const char *expiration_text;

  /* Never quote the output: it holds the secret. */
  if (!json_parser_load_from_data (parser, output, -1, NULL)
      || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                   "The credential_process of profile “%s” did not print a JSON object; check "
                   "the command", profile);
      return NULL;
    }

  object = json_node_get_object (root);
  if (!json_object_has_member (object, "Version")
      || json_node_get_value_type (json_object_get_member (object, "Version")) != G_TYPE_INT64
      || json_object_get_int_member (object, "Version") != 1)
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                   "The credential_process of profile “%s” printed JSON without \"Version\": 1",
                   profile);
      return NULL;
    }

  {
    const char *names[] = { "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration" };
    const char **values[] = { &key_id, &secret, &token, &expiration_text };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        gboolean wrong_type;

        *values[i] = am_json_member_string (object, names[i], &wrong_type);
        if (wrong_type)
          {
            g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                         "The credential_process of profile “%s” printed a %s that is not a "
                         "string; check the command", profile, names[i]);
            return NULL;
          }
      }
  }

  if (key_id == NULL || *key_id == '\0' || secret == NULL || *secret == '\0')
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                   "The credential_process of profile “%s” printed no AccessKeyId or "
                   "SecretAccessKey", profile);
      return NULL;
    }
  if (expiration_text != NULL)
    {
      expiration = g_date_time_new_from_iso8601 (expiration_text, NULL);
      if (expiration == NULL)
        {
          g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                       "The credential_process of profile “%s” printed an Expiration that is "
                       "not an ISO 8601 time", profile);
          return NULL;
        }
      if (g_date_time_to_unix (expiration) <= g_get_real_time () / G_TIME_SPAN_SECOND)
        {
          g_autofree char *when = g_date_time_format_iso8601 (expiration);

          g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                       "The credential_process of profile “%s” printed credentials that expired "
                       "at %s; check the command (does it need you to sign in again?)",
                       profile, when);
          return NULL;
        }
    }

  return _am_profile_resolver_credentials_with_source (
    am_credentials_new (key_id, secret, token, expiration), "profile %s: credential_process",
    profile);
}

/* Kills the command and everything it started: a helper it left running must not hold the
 * pipe open, nor outlive the timeout. */
static void
kill_process_group (AmResolverStep *data)
{
  if (data->process_group > 0)
    kill (-data->process_group, SIGKILL);
  if (data->process != NULL)
    g_subprocess_force_exit (data->process);
}

static gboolean
on_process_timeout (gpointer user_data)
{
  AmResolverStep *data = user_data;

  data->timeout_id = 0;
  data->timed_out = TRUE;
  kill_process_group (data);
  g_cancellable_cancel (data->process_cancellable);
  return G_SOURCE_REMOVE;
}

static void
on_process_caller_cancelled (GCancellable *cancellable,
                             gpointer      user_data)
{
  AmResolverStep *data = user_data;

  kill_process_group (data);
  g_cancellable_cancel (data->process_cancellable);
}

static void
process_child_setup (gpointer user_data)
{
  /* Its own process group, so that the timeout can end the whole of it. */
  setpgid (0, 0);
}

/* At most @max_bytes of @text, cut on a character boundary (the message must stay UTF-8). */
static char *
process_stderr_excerpt (GByteArray *err,
                        gsize       max_bytes)
{
  g_autofree char *valid = g_utf8_make_valid ((const char *) err->data, err->len);
  char *detail = g_strstrip (valid);
  gsize len = strlen (detail);

  if (len > max_bytes)
    {
      gsize end = max_bytes;

      /* Back to the first byte of the character that would be split. */
      while (end > 0 && (detail[end] & 0xC0) == 0x80)
        end--;
      detail[end] = '\0';
      return g_strconcat (detail, "…", NULL);
    }
  return g_strdup (detail);
}

static void
finish_credential_process (GTask *task)
{
  AmResolverStep *data = g_task_get_task_data (task);
  GSubprocess *process = data->process;
  g_autoptr (GError) error = NULL;
  AmCredentials *credentials;
  guint timeout_ms = _am_aws_config_get_process_timeout (_am_profile_resolver_task_config (task));

  g_clear_handle_id (&data->timeout_id, g_source_remove);
  if (data->chain_id != 0)
    g_cancellable_disconnect (g_task_get_cancellable (task), data->chain_id);
  data->chain_id = 0;

  if (data->timed_out)
    {
      g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                               "The credential_process of profile “%s” did not finish within "
                               "%u ms and was stopped", data->profile, timeout_ms);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  if (data->process_too_big)
    {
      g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                               "The credential_process of profile “%s” printed more than %u KiB "
                               "and was stopped; it should print one small JSON object",
                               data->profile, AM_CREDENTIAL_PROCESS_MAX_OUTPUT / 1024);
      return;
    }

  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    {
      g_autofree char *detail = process_stderr_excerpt (data->process_err, 300);

      g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                               "The credential_process of profile “%s” failed%s%s%s",
                               data->profile, *detail != '\0' ? " (" : "", detail,
                               *detail != '\0' ? ")" : "");
      return;
    }

  if (!g_utf8_validate ((const char *) data->process_out->data, data->process_out->len, NULL))
    {
      g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                               "The credential_process of profile “%s” printed something that "
                               "is not UTF-8 text; check the command", data->profile);
      return;
    }
  g_byte_array_append (data->process_out, (const guint8 *) "", 1);
  credentials = parse_process_output (data->profile, (const char *) data->process_out->data,
                                      &error);
  memset (data->process_out->data, 0, data->process_out->len);
  if (credentials == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    _am_profile_resolver_return_credentials (task, credentials);
}

/* Drops the ref of one awaited part; the last one finishes. */
static void
process_part_done (GTask *task)
{
  AmResolverStep *data = g_task_get_task_data (task);

  g_assert (data->process_pending > 0);
  if (--data->process_pending == 0)
    finish_credential_process (task);
  g_object_unref (task);
}

static void read_process_pipe (GTask *task, GInputStream *stream, GByteArray *into);

static void
on_process_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  AmResolverStep *data = g_task_get_task_data (task);
  GInputStream *stream = G_INPUT_STREAM (source);
  g_autoptr (GBytes) bytes = g_input_stream_read_bytes_finish (stream, result, NULL);
  GByteArray *into = g_object_get_data (G_OBJECT (stream), "am-into");
  gsize size = bytes != NULL ? g_bytes_get_size (bytes) : 0;

  /* An error (cancelled at the timeout) or the end of the stream ends this part. */
  if (size == 0)
    {
      process_part_done (task);
      return;
    }

  if (into == data->process_out)
    {
      if (into->len + size > AM_CREDENTIAL_PROCESS_MAX_OUTPUT)
        {
          data->process_too_big = TRUE;
          kill_process_group (data);
          process_part_done (task);
          return;
        }
      g_byte_array_append (into, g_bytes_get_data (bytes, NULL), size);
      memset ((gpointer) g_bytes_get_data (bytes, NULL), 0, size);
    }
  else if (into->len < 4096)
    {
      /* Keep the beginning of stderr for the message; drain the rest so it never blocks. */
      g_byte_array_append (into, g_bytes_get_data (bytes, NULL), MIN (size, 4096 - into->len));
    }

  read_process_pipe (task, stream, into);
  g_object_unref (task);
}

/* Takes a ref on @task for the read. */
static void
read_process_pipe (GTask        *task,
                   GInputStream *stream,
                   GByteArray   *into)
{
  AmResolverStep *data = g_task_get_task_data (task);

  g_object_set_data (G_OBJECT (stream), "am-into", into);
  g_input_stream_read_bytes_async (stream, 8192, G_PRIORITY_DEFAULT, data->process_cancellable,
                                   on_process_read, g_object_ref (task));
}

static void
on_process_exited (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  process_part_done (task);
}

/* The same arguments, run on the host when Amiable is a Flatpak (where the AWS CLI, aws-vault
 * or a password manager live). */
static gboolean
credential_process_argv (AmAwsConfig  *config,
                         const char   *profile,
                         GStrv        *argv,
                         GError      **error)
{
  g_autofree char *what = g_strdup_printf ("the credential_process of profile “%s”", profile);
  char **host_argv = am_flatpak_host_argv (_am_aws_config_get_environ (config),
                                           (const char * const *) *argv, what, error);

  if (host_argv == NULL)
    return FALSE;
  g_strfreev (*argv);
  *argv = host_argv;
  return TRUE;
}

void
_am_profile_resolver_run_credential_process (GTask *task)
{
  AmAwsConfig *config = _am_profile_resolver_task_config (task);
  AmResolverStep *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  const char *command = am_aws_config_get_value (config, data->profile, "credential_process");
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_auto (GStrv) argv = NULL;
  g_autoptr (GError) error = NULL;
  guint timeout_ms = _am_aws_config_get_process_timeout (config);
  const char *identifier;

  if (!g_shell_parse_argv (command, NULL, &argv, &error))
    {
      g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG,
                               "The credential_process of profile “%s” in %s is not a command "
                               "line: %s", data->profile, am_aws_config_get_config_path (config),
                               error->message);
      g_object_unref (task);
      return;
    }

  if (!credential_process_argv (config, data->profile, &argv, &error))
    {
      g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS, "%s",
                               error->message);
      g_object_unref (task);
      return;
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE
                                        | G_SUBPROCESS_FLAGS_STDIN_INHERIT);
  g_subprocess_launcher_set_environ (launcher, (char **) _am_aws_config_get_environ (config));
  g_subprocess_launcher_set_child_setup (launcher, process_child_setup, NULL, NULL);
  data->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv, &error);
  if (data->process == NULL)
    {
      g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                               "Could not start the credential_process of profile “%s”: %s",
                               data->profile, error->message);
      g_object_unref (task);
      return;
    }
  identifier = g_subprocess_get_identifier (data->process);
  data->process_group = identifier != NULL ? (GPid) g_ascii_strtoll (identifier, NULL, 10) : 0;

  data->process_cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    data->chain_id = g_cancellable_connect (cancellable, G_CALLBACK (on_process_caller_cancelled),
                                            data, NULL);
  if (timeout_ms > 0)
    data->timeout_id = g_timeout_add (timeout_ms, on_process_timeout, data);

  data->process_out = g_byte_array_new ();
  data->process_err = g_byte_array_new ();
  data->process_pending = 3;
  read_process_pipe (task, g_subprocess_get_stdout_pipe (data->process), data->process_out);
  read_process_pipe (task, g_subprocess_get_stderr_pipe (data->process), data->process_err);
  /* The exit is awaited without the cancellable: a cancelled or timed-out command is killed,
   * and its end is still collected. */
  g_subprocess_wait_async (data->process, NULL, on_process_exited, task);
}

/* The entry point for the fuzzers (tests/fuzz/aws): the parser above, without a process, a
 * request or a main loop around it. */

AmCredentials *
_am_aws_parse_process_output_for_fuzzing (const char  *profile,
                                          const char  *output,
                                          GError     **error)
{
  return parse_process_output (profile, output, error);
}
