/* am-profile-resolver.c: resolves a profile's credentials the way the AWS CLI does (static keys,
 * credential_process, STS AssumeRole, IAM Identity Center); AmAwsConfig only reads the files
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
#include "am-aws-config.h"
#include "am-aws-error.h"
#include "am-aws-session.h"
#include "am-profile-resolver.h"
#include "am-profile-resolver-private.h"
#include "am-aws-transport-private.h"
#include "am-endpoint.h"
#include "am-json-member.h"
#include "am-flatpak.h"
#include "am-json-client-private.h"
#include "am-query-client.h"
#include "am-xml-reader.h"

#define MAX_CHAIN_DEPTH 10
#define STS_VERSION     "2011-06-15"
/* A credential_process prints one small JSON object; more is a broken or hostile command. */
#define AM_CREDENTIAL_PROCESS_MAX_OUTPUT (64 * 1024)

struct _AmProfileResolver
{
  GObject      parent_instance;

  AmAwsConfig *config;
};

G_DEFINE_FINAL_TYPE (AmProfileResolver, am_profile_resolver, G_TYPE_OBJECT)

static void
am_profile_resolver_finalize (GObject *object)
{
  AmProfileResolver *self = AM_PROFILE_RESOLVER (object);

  g_clear_object (&self->config);

  G_OBJECT_CLASS (am_profile_resolver_parent_class)->finalize (object);
}

static void
am_profile_resolver_class_init (AmProfileResolverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = am_profile_resolver_finalize;
}

static void
am_profile_resolver_init (AmProfileResolver *self)
{
}

AmProfileResolver *
am_profile_resolver_new (AmAwsConfig *config)
{
  AmProfileResolver *self;

  g_return_val_if_fail (AM_IS_AWS_CONFIG (config), NULL);

  self = g_object_new (AM_TYPE_PROFILE_RESOLVER, NULL);
  self->config = g_object_ref (config);
  return self;
}

AmAwsConfig *
am_profile_resolver_get_config (AmProfileResolver *self)
{
  g_return_val_if_fail (AM_IS_PROFILE_RESOLVER (self), NULL);

  return self->config;
}

/* Every step's task has the resolver as its source object. */
static AmAwsConfig *
task_config (GTask *task)
{
  return AM_PROFILE_RESOLVER (g_task_get_source_object (task))->config;
}

/* Sends the STS or SSO call through the session of the profile's CA bundle, if it has one. */
static gboolean
use_ca_bundle (AmAwsConfig     *config,
               const char      *profile,
               AmQueryClient   *client,
               AmAwsTransport  *transport,
               GError         **error)
{
  const char *ca_bundle = am_aws_config_get_ca_bundle (config, profile);
  g_autoptr (SoupSession) session = NULL;

  if (ca_bundle == NULL)
    return TRUE;
  session = am_aws_session_get_for_ca_bundle (ca_bundle, error);
  if (session == NULL)
    return FALSE;
  if (client != NULL)
    am_query_client_set_session (client, session);
  if (transport != NULL)
    _am_aws_transport_set_session (transport, session);
  return TRUE;
}

/* Helpers */

static AmCredentials *
credentials_with_source (AmCredentials *credentials,
                         const char    *format,
                         ...) G_GNUC_PRINTF (2, 3);

static AmCredentials *
credentials_with_source (AmCredentials *credentials,
                         const char    *format,
                         ...)
{
  g_autofree char *source = NULL;
  va_list args;

  va_start (args, format);
  source = g_strdup_vprintf (format, args);
  va_end (args);
  am_credentials_set_source (credentials, source);
  return credentials;
}

static AmCredentials *
environment_credentials (AmAwsConfig *config)
{
  const char *expiration_text = am_aws_config_getenv (config, "AWS_CREDENTIAL_EXPIRATION");
  g_autoptr (GDateTime) expiration = NULL;
  AmCredentials *credentials;

  if (expiration_text != NULL)
    expiration = g_date_time_new_from_iso8601 (expiration_text, NULL);

  credentials = am_credentials_new (am_aws_config_getenv (config, "AWS_ACCESS_KEY_ID"),
                                    am_aws_config_getenv (config, "AWS_SECRET_ACCESS_KEY"),
                                    am_aws_config_getenv (config, "AWS_SESSION_TOKEN"),
                                    expiration);
  return credentials_with_source (credentials, "environment");
}

/* The resolution, one profile at a time */

typedef struct
{
  AmMfaPromptFunc  mfa_prompt;
  gpointer         mfa_prompt_data;
  GPtrArray       *chain;      /* profile names on the way, to find loops */
} Context;

typedef struct
{
  Context       *context;      /* borrowed from the top task */
  char          *profile;
  AmCredentials *source;
  char          *mfa_code;
  GSubprocess   *process;
  GPid           process_group;
  GByteArray    *process_out;
  GByteArray    *process_err;
  guint          process_pending;   /* stdout, stderr and the exit still awaited */
  gboolean       process_too_big;
  guint          timeout_id;
  gboolean       timed_out;
  GCancellable  *process_cancellable;
  gulong         chain_id;
} StepData;

static void
step_data_free (gpointer user_data)
{
  StepData *data = user_data;

  g_free (data->profile);
  g_clear_pointer (&data->source, am_credentials_unref);
  if (data->mfa_code != NULL)
    memset (data->mfa_code, 0, strlen (data->mfa_code));
  g_free (data->mfa_code);
  g_clear_handle_id (&data->timeout_id, g_source_remove);
  g_clear_object (&data->process);
  if (data->process_out != NULL && data->process_out->len > 0)
    memset (data->process_out->data, 0, data->process_out->len);
  g_clear_pointer (&data->process_out, g_byte_array_unref);
  g_clear_pointer (&data->process_err, g_byte_array_unref);
  g_clear_object (&data->process_cancellable);
  g_free (data);
}

static void resolve_profile_async (AmProfileResolver   *self,
                                   Context             *context,
                                   const char          *profile,
                                   gboolean             as_source,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);

static AmCredentials *
resolve_profile_finish (GAsyncResult  *result,
                        GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
return_credentials (GTask         *task,
                    AmCredentials *credentials)
{
  g_task_return_pointer (task, credentials, (GDestroyNotify) am_credentials_unref);
}

/* credential_process */

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

  return credentials_with_source (am_credentials_new (key_id, secret, token, expiration),
                                  "profile %s: credential_process", profile);
}

/* Kills the command and everything it started: a helper it left running must not hold the
 * pipe open, nor outlive the timeout. */
static void
kill_process_group (StepData *data)
{
  if (data->process_group > 0)
    kill (-data->process_group, SIGKILL);
  if (data->process != NULL)
    g_subprocess_force_exit (data->process);
}

static gboolean
on_process_timeout (gpointer user_data)
{
  StepData *data = user_data;

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
  StepData *data = user_data;

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
  StepData *data = g_task_get_task_data (task);
  GSubprocess *process = data->process;
  g_autoptr (GError) error = NULL;
  AmCredentials *credentials;
  guint timeout_ms = _am_aws_config_get_process_timeout (task_config (task));

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
    return_credentials (task, credentials);
}

/* Drops the ref of one awaited part; the last one finishes. */
static void
process_part_done (GTask *task)
{
  StepData *data = g_task_get_task_data (task);

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
  StepData *data = g_task_get_task_data (task);
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
  StepData *data = g_task_get_task_data (task);

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

static void
run_credential_process (GTask *task)
{
  AmAwsConfig *config = task_config (task);
  StepData *data = g_task_get_task_data (task);
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
      g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS, "%s", error->message);
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

/* STS AssumeRole */

typedef struct
{
  char *key_id;
  char *secret;
  char *token;
  char *expiration;
} StsCredentials;

static gboolean
sts_credentials_text (AmXmlReader *reader,
                      const char  *element,
                      const char  *text,
                      gsize        text_len,
                      gpointer     user_data,
                      GError     **error)
{
  StsCredentials *creds = user_data;
  char **field = NULL;

  if (strcmp (element, "AccessKeyId") == 0)
    field = &creds->key_id;
  else if (strcmp (element, "SecretAccessKey") == 0)
    field = &creds->secret;
  else if (strcmp (element, "SessionToken") == 0)
    field = &creds->token;
  else if (strcmp (element, "Expiration") == 0)
    field = &creds->expiration;

  if (field != NULL)
    {
      g_free (*field);
      *field = g_strstrip (g_strdup (text));
    }
  return TRUE;
}

static gboolean
leaf_start (AmXmlReader *reader,
            const char  *element,
            gpointer     user_data,
            GError     **error)
{
  return TRUE;
}

static const AmXmlHandler sts_credentials_handler = { leaf_start, sts_credentials_text, NULL };

static gboolean
sts_result_start (AmXmlReader *reader,
                  const char  *element,
                  gpointer     user_data,
                  GError     **error)
{
  if (strcmp (element, "Credentials") == 0)
    am_xml_reader_push (reader, &sts_credentials_handler, user_data);
  return TRUE;
}

static const AmXmlHandler sts_result_handler = { sts_result_start, NULL, NULL };

static gboolean
sts_response_start (AmXmlReader *reader,
                    const char  *element,
                    gpointer     user_data,
                    GError     **error)
{
  if (strcmp (element, "AssumeRoleResult") == 0)
    am_xml_reader_push (reader, &sts_result_handler, user_data);
  return TRUE;
}

static const AmXmlHandler sts_response_handler = { sts_response_start, NULL, NULL };

static gboolean
sts_document_start (AmXmlReader *reader,
                    const char  *element,
                    gpointer     user_data,
                    GError     **error)
{
  if (strcmp (element, "AssumeRoleResponse") != 0)
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                   "STS answered AssumeRole with <%s> instead of <AssumeRoleResponse>", element);
      return FALSE;
    }
  am_xml_reader_push (reader, &sts_response_handler, user_data);
  return TRUE;
}

static const AmXmlHandler sts_document_handler = { sts_document_start, NULL, NULL };

static void
sts_credentials_clear (StsCredentials *creds)
{
  g_free (creds->key_id);
  if (creds->secret != NULL)
    memset (creds->secret, 0, strlen (creds->secret));
  g_free (creds->secret);
  if (creds->token != NULL)
    memset (creds->token, 0, strlen (creds->token));
  g_free (creds->token);
  g_free (creds->expiration);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StsCredentials, sts_credentials_clear)

/* Reads STS's AssumeRole answer into credentials. */
static AmCredentials *
parse_assume_role (const char  *profile,
                   const char  *role_arn,
                   GBytes      *body,
                   GError     **error)
{
  g_auto (StsCredentials) creds = { 0 };
  g_autoptr (GDateTime) expiration = NULL;

  if (!am_xml_parse (&sts_document_handler, &creds, g_bytes_get_data (body, NULL),
                     (gssize) g_bytes_get_size (body), error))
    return NULL;
  /* An empty value (blank, or text that is cut at a NUL) is as missing as an absent one: a
   * role's credentials without their session token would only fail later, unexplained. */
  if (creds.key_id == NULL || *creds.key_id == '\0' || creds.secret == NULL
      || *creds.secret == '\0' || creds.token == NULL || *creds.token == '\0')
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                   "STS answered AssumeRole for profile “%s” without credentials", profile);
      return NULL;
    }
  if (creds.expiration != NULL)
    {
      expiration = g_date_time_new_from_iso8601 (creds.expiration, NULL);
      if (expiration == NULL)
        {
          g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                       "STS answered AssumeRole for profile “%s” with an Expiration that is "
                       "not an ISO 8601 time", profile);
          return NULL;
        }
    }

  return credentials_with_source (am_credentials_new (creds.key_id, creds.secret, creds.token,
                                                      expiration),
                                  "profile %s: role %s", profile, role_arn);
}

static void
on_assume_role (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StepData *data = g_task_get_task_data (task);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  AmCredentials *credentials;

  body = am_query_client_call_finish (AM_QUERY_CLIENT (source), result, &error);
  if (body == NULL)
    {
      if (error->domain == AM_AWS_ERROR)
        g_task_return_error (task, am_aws_error_new (error->code, am_aws_error_get_code (error),
                                                     am_aws_error_get_request_id (error),
                                                     am_aws_error_get_http_status (error),
                                                     "Could not assume the role of profile "
                                                     "“%s”: %s", data->profile,
                                                     error->message));
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  credentials = parse_assume_role (data->profile,
                                   am_aws_config_get_value (task_config (task), data->profile, "role_arn"),
                                   body, &error);
  if (credentials == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  return_credentials (task, credentials);
}

static void
call_assume_role (GTask *task)
{
  AmAwsConfig *config = task_config (task);
  StepData *data = g_task_get_task_data (task);
  g_autoptr (AmCredentialsProvider) provider = am_credentials_provider_new_static (data->source);
  g_autoptr (AmQueryClient) client = NULL;
  g_autoptr (AmQueryParams) params = am_query_params_new ("AssumeRole", STS_VERSION);
  g_autoptr (GError) error = NULL;
  g_autofree char *session_name = NULL;
  const char *region;
  const char *value;

  region = am_aws_config_get_region (config, data->profile);
  if (region == NULL)
    region = "us-east-1";
  client = am_query_client_new (provider, "sts", region,
                                am_aws_config_get_service_endpoint_url (config, data->profile, "sts"),
                                &error);
  if (client != NULL && !use_ca_bundle (config, data->profile, client, NULL, &error))
    g_clear_object (&client);
  if (client == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  value = am_aws_config_get_value (config, data->profile, "role_session_name");
  session_name = value != NULL ? g_strdup (value)
                               : g_strdup_printf ("amiable-%" G_GINT64_FORMAT,
                                                  g_get_real_time () / G_TIME_SPAN_SECOND);

  am_query_params_add (params, "RoleArn", am_aws_config_get_value (config, data->profile,
                                                                   "role_arn"));
  am_query_params_add (params, "RoleSessionName", session_name);
  if ((value = am_aws_config_get_value (config, data->profile, "duration_seconds")) != NULL)
    am_query_params_add (params, "DurationSeconds", value);
  if ((value = am_aws_config_get_value (config, data->profile, "external_id")) != NULL)
    am_query_params_add (params, "ExternalId", value);
  if ((value = am_aws_config_get_value (config, data->profile, "mfa_serial")) != NULL)
    {
      am_query_params_add (params, "SerialNumber", value);
      am_query_params_add (params, "TokenCode", data->mfa_code);
    }

  am_query_client_call_async (client, params, g_task_get_cancellable (task), on_assume_role, task);
}

static void
on_mfa_code (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  StepData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  char *code;

  code = g_task_propagate_pointer (G_TASK (result), &error);
  if (code == NULL)
    {
      if (error == NULL)
        error = g_error_new (G_IO_ERROR, G_IO_ERROR_CANCELLED, "No MFA code was given");
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  g_strstrip (code);
  if (*code == '\0')
    {
      g_free (code);
      g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_AUTH,
                               "No MFA code was given for profile “%s”", data->profile);
      g_object_unref (task);
      return;
    }

  data->mfa_code = code;
  call_assume_role (task);
}

static void
with_role_source (GTask *task)
{
  AmAwsConfig *config = task_config (task);
  StepData *data = g_task_get_task_data (task);
  const char *mfa_serial;
  GTask *prompt_task;

  mfa_serial = am_aws_config_get_value (config, data->profile, "mfa_serial");
  if (mfa_serial == NULL)
    {
      call_assume_role (task);
      return;
    }

  if (data->context->mfa_prompt == NULL)
    {
      g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_AUTH,
                               "The profile “%s” needs an MFA code from %s, and nothing can "
                               "ask for it here", data->profile, mfa_serial);
      g_object_unref (task);
      return;
    }

  prompt_task = g_task_new (NULL, g_task_get_cancellable (task), on_mfa_code, task);
  g_task_set_source_tag (prompt_task, with_role_source);
  data->context->mfa_prompt (data->profile, mfa_serial, g_task_get_cancellable (task),
                             prompt_task, data->context->mfa_prompt_data);
}

static void
on_role_source (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  StepData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  data->source = resolve_profile_finish (result, &error);
  if (data->source == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  with_role_source (task);
}

static void
assume_role (GTask *task)
{
  AmAwsConfig *config = task_config (task);
  StepData *data = g_task_get_task_data (task);
  const char *source_profile = am_aws_config_get_value (config, data->profile, "source_profile");
  const char *credential_source;

  if (source_profile != NULL)
    {
      resolve_profile_async (g_task_get_source_object (task), data->context, source_profile, TRUE,
                             g_task_get_cancellable (task), on_role_source, task);
      return;
    }

  credential_source = am_aws_config_get_value (config, data->profile, "credential_source");
  if (g_strcmp0 (credential_source, "Environment") == 0)
    {
      gboolean present;
      g_autoptr (GError) error = NULL;

      if (!_am_aws_config_environment_credentials_state (config, &present, &error) || !present)
        {
          if (error == NULL)
            error = g_error_new (AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                                 "The profile “%s” takes its source credentials from the "
                                 "environment, but AWS_ACCESS_KEY_ID is not set", data->profile);
          g_task_return_error (task, g_steal_pointer (&error));
          g_object_unref (task);
          return;
        }
      data->source = environment_credentials (config);
      with_role_source (task);
      return;
    }

  g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG,
                           "The profile “%s” has credential_source = %s, which Amiable cannot "
                           "use on a desktop; use source_profile or Environment", data->profile,
                           credential_source);
  g_object_unref (task);
}

/* IAM Identity Center (SSO) */

static char *
sso_cache_path (AmAwsConfig *config,
                const char  *cache_key)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, cache_key, -1);
  g_autofree char *file_name = g_strconcat (hash, ".json", NULL);

  return g_build_filename (_am_aws_config_get_home (config), ".aws", "sso", "cache", file_name,
                           NULL);
}

static GError *
sso_login_error (AmAwsConfig *config,
                 const char  *profile,
                 const char  *problem)
{
  return g_error_new (AM_AWS_ERROR, AM_AWS_ERROR_AUTH,
                      "The IAM Identity Center sign-in of profile “%s” %s; run `aws sso login "
                      "--profile %s`%s and try again", profile, problem, profile,
                      am_flatpak_where_to_run (_am_aws_config_get_environ (config)));
}

static char *
read_sso_token (AmAwsConfig  *config,
                const char   *profile,
                const char   *cache_key,
                GError      **error)
{
  g_autofree char *path = sso_cache_path (config, cache_key);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GDateTime) expires = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GError) local = NULL;
  JsonNode *root;
  JsonObject *object;
  const char *token;
  const char *expires_at;
  gboolean wrong_token;
  gboolean wrong_expires;

  if (!json_parser_load_from_file (parser, path, &local))
    {
      g_autofree char *problem = NULL;

      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        problem = g_strdup_printf ("has no cached token (%s does not exist)", path);
      else
        problem = g_strdup_printf ("has an unreadable token cache (%s: %s)", path, local->message);
      g_propagate_error (error, sso_login_error (config, profile, problem));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_autofree char *problem = g_strdup_printf ("has an unreadable token cache (%s is not a "
                                                  "JSON object)", path);

      g_propagate_error (error, sso_login_error (config, profile, problem));
      return NULL;
    }
  object = json_node_get_object (root);
  token = am_json_member_string (object, "accessToken", &wrong_token);
  expires_at = am_json_member_string (object, "expiresAt", &wrong_expires);
  if (wrong_token || wrong_expires)
    {
      g_autofree char *problem = g_strdup_printf ("has an unreadable token cache (in %s, %s is "
                                                  "not a string)", path,
                                                  wrong_token ? "accessToken" : "expiresAt");

      g_propagate_error (error, sso_login_error (config, profile, problem));
      return NULL;
    }
  if (token == NULL || *token == '\0' || expires_at == NULL)
    {
      g_propagate_error (error, sso_login_error (config, profile, "has an incomplete token cache"));
      return NULL;
    }

  expires = g_date_time_new_from_iso8601 (expires_at, NULL);
  if (expires == NULL || g_date_time_compare (expires, now) <= 0)
    {
      g_propagate_error (error, sso_login_error (config, profile, "has expired"));
      return NULL;
    }

  return g_strdup (token);
}

static void
parse_portal_error (GBytes  *body,
                    char   **code,
                    char   **message,
                    char   **request_id)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  const char *text;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   (gssize) g_bytes_get_size (body), NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);
  text = am_json_member_string (object, "message", NULL);
  if (text == NULL)
    text = am_json_member_string (object, "Message", NULL);
  *message = g_strdup (text);
  text = am_json_member_string (object, "__type", NULL);
  if (text != NULL)
    *code = g_strdup (strrchr (text, '#') != NULL ? strrchr (text, '#') + 1 : text);
}

static void
on_role_credentials (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  StepData *data = g_task_get_task_data (task);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GDateTime) expiration = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonObject *role;
  const char *key_id;
  const char *secret;
  const char *token;

  body = _am_aws_transport_send_finish (result, &error);
  if (body == NULL)
    {
      AmAwsConfig *config = task_config (task);
      const char *where_to_run = am_flatpak_where_to_run (_am_aws_config_get_environ (config));

      if (error->domain == AM_AWS_ERROR && error->code == AM_AWS_ERROR_AUTH)
        g_task_return_error (task, am_aws_error_new (AM_AWS_ERROR_AUTH,
                                                     am_aws_error_get_code (error),
                                                     am_aws_error_get_request_id (error),
                                                     am_aws_error_get_http_status (error),
                                                     "IAM Identity Center refused the sign-in of "
                                                     "profile “%s” (%s); run `aws sso login "
                                                     "--profile %s`%s and try again",
                                                     data->profile, error->message,
                                                     data->profile, where_to_run));
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   (gssize) g_bytes_get_size (body), NULL)
      || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                               "IAM Identity Center answered GetRoleCredentials for profile "
                               "“%s” with something that is not JSON", data->profile);
      return;
    }

  object = json_node_get_object (root);
  /* A value of the wrong type reads as missing. */
  role = am_json_member_object (object, "roleCredentials", NULL);
  key_id = am_json_member_string (role, "accessKeyId", NULL);
  secret = am_json_member_string (role, "secretAccessKey", NULL);
  token = am_json_member_string (role, "sessionToken", NULL);
  if (key_id == NULL || secret == NULL || token == NULL)
    {
      g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                               "IAM Identity Center answered GetRoleCredentials for profile "
                               "“%s” without credentials", data->profile);
      return;
    }
  if (json_object_has_member (role, "expiration"))
    {
      double ms = 0;
      gboolean wrong_type;

      /* Milliseconds since 1970; never read a time that cannot be as "never expires". */
      if (am_json_member_number (role, "expiration", &ms, &wrong_type))
        expiration = am_json_epoch_to_date_time (ms / 1000);
      if (expiration == NULL)
        {
          g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                                   "IAM Identity Center answered GetRoleCredentials for profile "
                                   "“%s” with an expiration that is not a time", data->profile);
          return;
        }
    }

  return_credentials (task, credentials_with_source (am_credentials_new (key_id, secret, token,
                                                                         expiration),
                                                     "profile %s: IAM Identity Center",
                                                     data->profile));
}

static void
sso_credentials (GTask *task)
{
  AmAwsConfig *config = task_config (task);
  StepData *data = g_task_get_task_data (task);
  const char *session = am_aws_config_get_value (config, data->profile, "sso_session");
  const char *cache_key;
  const char *region;
  g_autofree char *token = NULL;
  g_autofree char *account_e = NULL;
  g_autofree char *role_e = NULL;
  g_autofree char *query = NULL;
  g_autoptr (AmAwsTransport) transport = NULL;
  g_autoptr (GError) error = NULL;
  const char *headers[3] = { "x-amz-sso_bearer_token", NULL, NULL };
  AmAwsTransportRequest request = { 0 };

  if (session != NULL)
    {
      cache_key = session;
      region = am_aws_config_get_section_value (config, "sso-session", session, "sso_region");
    }
  else
    {
      cache_key = am_aws_config_get_value (config, data->profile, "sso_start_url");
      region = am_aws_config_get_value (config, data->profile, "sso_region");
    }

  token = read_sso_token (config, data->profile, cache_key, &error);
  if (token == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  transport = _am_aws_transport_new (NULL, "sso", "portal.sso", region,
                                     am_aws_config_get_service_endpoint_url (config, data->profile,
                                                                             "sso"),
                                     &error);
  if (transport != NULL && !use_ca_bundle (config, data->profile, NULL, transport, &error))
    g_clear_pointer (&transport, _am_aws_transport_unref);
  if (transport == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  account_e = g_uri_escape_string (am_aws_config_get_value (config, data->profile,
                                                            "sso_account_id"), NULL, FALSE);
  role_e = g_uri_escape_string (am_aws_config_get_value (config, data->profile, "sso_role_name"),
                                NULL, FALSE);
  query = g_strdup_printf ("account_id=%s&role_name=%s", account_e, role_e);
  headers[1] = token;

  request.method = "GET";
  request.path = "/federation/credentials";
  request.query = query;
  request.extra_headers = headers;
  request.operation = "GetRoleCredentials";
  request.parse_error = parse_portal_error;
  request.max_body = AM_AWS_MAX_BODY_SINGLE;
  _am_aws_transport_send_async (transport, &request, g_task_get_cancellable (task),
                                on_role_credentials, task);
  memset (token, 0, strlen (token));
}

/* The dispatcher */

static void
resolve_profile_async (AmProfileResolver   *self,
                       Context             *context,
                       const char          *profile,
                       gboolean             as_source,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  AmAwsConfig *config = self->config;
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr (GError) error = NULL;
  const char *chained_from = context->chain->len > 0
                               ? g_ptr_array_index (context->chain, context->chain->len - 1)
                               : NULL;
  AmAwsProfileKind kind;
  StepData *data;

  g_task_set_source_tag (task, resolve_profile_async);

  data = g_new0 (StepData, 1);
  data->context = context;
  data->profile = g_strdup (profile);
  g_task_set_task_data (task, data, step_data_free);

  kind = _am_aws_config_classify (config, profile, as_source, chained_from, &error);

  if (kind == AM_AWS_PROFILE_KIND_ASSUME_ROLE)
    {
      gboolean loop = FALSE;

      for (guint i = 0; i < context->chain->len; i++)
        loop |= strcmp (g_ptr_array_index (context->chain, i), profile) == 0;
      if (loop || context->chain->len >= MAX_CHAIN_DEPTH)
        {
          g_autoptr (GString) path = g_string_new (NULL);

          for (guint i = 0; i < context->chain->len; i++)
            g_string_append_printf (path, "%s → ",
                                    (const char *) g_ptr_array_index (context->chain, i));
          g_string_append (path, profile);
          g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG,
                                   "The role profiles form a loop or a chain that is too long "
                                   "(%s); fix source_profile in %s", path->str,
                                   am_aws_config_get_config_path (config));
          return;
        }
      g_ptr_array_add (context->chain, g_strdup (profile));
    }

  switch (kind)
    {
    case AM_AWS_PROFILE_KIND_NONE:
    case AM_AWS_PROFILE_KIND_ENVIRONMENT:
      g_task_return_error (task, g_steal_pointer (&error));
      return;

    case AM_AWS_PROFILE_KIND_STATIC:
      return_credentials (task, credentials_with_source (
                                  am_credentials_new (
                                    am_aws_config_get_value (config, profile, "aws_access_key_id"),
                                    am_aws_config_get_value (config, profile,
                                                             "aws_secret_access_key"),
                                    am_aws_config_get_value (config, profile, "aws_session_token"),
                                    NULL),
                                  "profile %s", profile));
      return;

    case AM_AWS_PROFILE_KIND_CREDENTIAL_PROCESS:
      run_credential_process (g_steal_pointer (&task));
      return;

    case AM_AWS_PROFILE_KIND_ASSUME_ROLE:
      assume_role (g_steal_pointer (&task));
      return;

    case AM_AWS_PROFILE_KIND_SSO:
      sso_credentials (g_steal_pointer (&task));
      return;

    default:
      g_assert_not_reached ();
    }
}

/* Public entry point */

static void
context_free (gpointer user_data)
{
  Context *context = user_data;

  g_ptr_array_unref (context->chain);
  g_free (context);
}

static void
on_top_resolved (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;
  AmCredentials *credentials;

  credentials = resolve_profile_finish (result, &error);
  if (credentials == NULL)
    g_task_return_error (task, error);
  else
    return_credentials (task, credentials);
}

void
am_profile_resolver_resolve_async (AmProfileResolver   *self,
                                   const char          *profile_name,
                                   AmMfaPromptFunc      mfa_prompt,
                                   gpointer             mfa_prompt_data,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  AmAwsConfig *config;
  Context *context;

  g_return_if_fail (AM_IS_PROFILE_RESOLVER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_profile_resolver_resolve_async);
  config = self->config;

  if (profile_name == NULL)
    {
      g_autoptr (GError) error = NULL;
      gboolean present;

      if (!_am_aws_config_environment_credentials_state (config, &present, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (present)
        {
          return_credentials (task, environment_credentials (config));
          return;
        }
      profile_name = am_aws_config_get_default_profile_name (config);
      if (!am_aws_config_has_profile (config, profile_name))
        {
          g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                                   "No AWS credentials were found: AWS_ACCESS_KEY_ID is not set "
                                   "and there is no profile “%s” in %s or %s; run `aws "
                                   "configure`", profile_name,
                                   am_aws_config_get_config_path (config),
                                   am_aws_config_get_credentials_path (config));
          return;
        }
    }

  context = g_new0 (Context, 1);
  context->mfa_prompt = mfa_prompt;
  context->mfa_prompt_data = mfa_prompt_data;
  context->chain = g_ptr_array_new_with_free_func (g_free);
  g_task_set_task_data (task, context, context_free);

  resolve_profile_async (self, context, profile_name, FALSE, cancellable, on_top_resolved,
                         g_steal_pointer (&task));
}

AmCredentials *
am_profile_resolver_resolve_finish (AmProfileResolver  *self,
                                    GAsyncResult       *result,
                                    GError            **error)
{
  g_return_val_if_fail (AM_IS_PROFILE_RESOLVER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                          == am_profile_resolver_resolve_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Entry points for the fuzzers (tests/fuzz/aws): the parsers above, without a process, a
 * request or a main loop around them. */

AmCredentials *
_am_aws_parse_process_output_for_fuzzing (const char  *profile,
                                          const char  *output,
                                          GError     **error)
{
  return parse_process_output (profile, output, error);
}

char *
_am_aws_read_sso_token_for_fuzzing (AmAwsConfig  *config,
                                    const char   *profile,
                                    const char   *cache_key,
                                    GError      **error)
{
  return read_sso_token (config, profile, cache_key, error);
}

char *
_am_aws_sso_cache_path_for_fuzzing (AmAwsConfig *config,
                                    const char  *cache_key)
{
  return sso_cache_path (config, cache_key);
}

AmCredentials *
_am_aws_parse_assume_role_for_fuzzing (const char  *profile,
                                       const char  *role_arn,
                                       GBytes      *body,
                                       GError     **error)
{
  return parse_assume_role (profile, role_arn, body, error);
}
