/* am-sandbox-server.c: the EC2-compatible sandbox server (faults, dispatch, HTTP)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <string.h>

#include "am-sandbox-private.h"
#include "am-sandbox-server.h"
#include "am-sandbox-scale.h"
#include "am-sandbox-verify.h"
#include "am-sigv4.h"

struct _AmSandboxServer
{
  GObject     parent_instance;

  /* owned */
  AmSbState  *state;
  SoupServer *soup;
  GRand      *fault_rand;
  int         lock_fd;   /* flock on DATA_DIR/lock: one sandbox per data folder */

  /* settings */
  guint       public_images;
  guint       transition_ms;
  gboolean    verify_signatures;
  double      throttle_rate;
  double      error_rate;
  double      truncate_rate;
  double      drop_rate;
  GPtrArray  *drop_once;   /* actions whose next successful answer is dropped, once each */
  GPtrArray  *down_regions; /* regions whose every request goes unanswered (a region outage) */
  guint       latency_ms;
  gint64      skew_ms;
  guint       quotas[AM_SB_N_QUOTAS];
  guint       recycle_days;
  guint       snapshot_recycle_days;
};

G_DEFINE_FINAL_TYPE (AmSandboxServer, am_sandbox_server, G_TYPE_OBJECT)

const char *
am_sandbox_server_get_version (void)
{
  return PACKAGE_VERSION;
}

void
am_sandbox_response_free (AmSandboxResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->content_type);
  g_clear_pointer (&response->headers, g_ptr_array_unref);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response);
}

static void
am_sandbox_server_dispose (GObject *object)
{
  AmSandboxServer *self = AM_SANDBOX_SERVER (object);

  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  G_OBJECT_CLASS (am_sandbox_server_parent_class)->dispose (object);
}

static void
am_sandbox_server_finalize (GObject *object)
{
  AmSandboxServer *self = AM_SANDBOX_SERVER (object);

  g_clear_pointer (&self->state, am_sb_state_free);
  g_clear_pointer (&self->fault_rand, g_rand_free);
  g_clear_pointer (&self->drop_once, g_ptr_array_unref);
  g_clear_pointer (&self->down_regions, g_ptr_array_unref);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  G_OBJECT_CLASS (am_sandbox_server_parent_class)->finalize (object);
}

static void
am_sandbox_server_class_init (AmSandboxServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_sandbox_server_dispose;
  object_class->finalize = am_sandbox_server_finalize;
}

static void
am_sandbox_server_init (AmSandboxServer *self)
{
  self->transition_ms = AM_SB_DEFAULT_TRANSITION_MS;
  self->recycle_days = AM_SB_DEFAULT_RECYCLE_DAYS;
  self->snapshot_recycle_days = AM_SB_DEFAULT_RECYCLE_DAYS;
  self->verify_signatures = TRUE;
  self->fault_rand = g_rand_new ();
  self->lock_fd = -1;
  for (guint i = 0; i < AM_SB_N_QUOTAS; i++)
    self->quotas[i] = am_sb_quota_default (i);
}

AmSandboxServer *
am_sandbox_server_new (void)
{
  return g_object_new (AM_TYPE_SANDBOX_SERVER, NULL);
}

/* A setting the state keeps a copy of: @member has the same name in both. */
#define SET_SHARED(self, member, value) \
  G_STMT_START { \
    (self)->member = (value); \
    if ((self)->state != NULL) \
      (self)->state->member = (value); \
  } G_STMT_END

void
am_sandbox_server_set_public_images (AmSandboxServer *self,
                                     guint            n_images)
{
  g_return_if_fail (AM_IS_SANDBOX_SERVER (self));
  SET_SHARED (self, public_images, n_images);
}

void
am_sandbox_server_set_transition_ms (AmSandboxServer *self,
                                     guint            transition_ms)
{
  g_return_if_fail (AM_IS_SANDBOX_SERVER (self));
  SET_SHARED (self, transition_ms, transition_ms);
}

void
am_sandbox_server_set_recycle_days (AmSandboxServer *self,
                                    guint            days)
{
  g_return_if_fail (AM_IS_SANDBOX_SERVER (self));
  SET_SHARED (self, recycle_days, days);
}

void
am_sandbox_server_set_snapshot_recycle_days (AmSandboxServer *self,
                                             guint            days)
{
  g_return_if_fail (AM_IS_SANDBOX_SERVER (self));
  SET_SHARED (self, snapshot_recycle_days, days);
}

void
am_sandbox_server_set_fault_seed (AmSandboxServer *self,
                                  guint32          seed)
{
  g_return_if_fail (AM_IS_SANDBOX_SERVER (self));
  g_rand_set_seed (self->fault_rand, seed);
}

void
am_sandbox_server_set_verify_signatures (AmSandboxServer *self,
                                         gboolean         verify)
{
  g_return_if_fail (AM_IS_SANDBOX_SERVER (self));
  self->verify_signatures = verify;
}

gboolean
am_sandbox_server_set_quotas (AmSandboxServer  *self,
                              const char       *spec,
                              GError          **error)
{
  g_auto (GStrv) parts = NULL;
  guint quotas[AM_SB_N_QUOTAS];

  g_return_val_if_fail (AM_IS_SANDBOX_SERVER (self), FALSE);

  for (guint i = 0; i < AM_SB_N_QUOTAS; i++)
    quotas[i] = am_sb_quota_default (i);
  parts = g_strsplit (spec != NULL ? spec : "", ",", -1);
  for (guint i = 0; parts[i] != NULL && *spec != '\0'; i++)
    {
      const char *eq = strchr (parts[i], '=');
      guint64 value;
      guint q;

      for (q = 0; q < AM_SB_N_QUOTAS; q++)
        if (eq != NULL && strlen (am_sb_quota_name (q)) == (gsize) (eq - parts[i])
            && strncmp (parts[i], am_sb_quota_name (q), eq - parts[i]) == 0)
          break;
      if (q == AM_SB_N_QUOTAS || !g_ascii_string_to_unsigned (eq + 1, 10, 0, 1000000, &value, NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "Cannot read the quota \"%s\": use images=N, snapshots=N, key-pairs=N, "
                       "security-groups=N, launch-templates=N or instances=N (N from 0 to 1000000)", parts[i]);
          return FALSE;
        }
      quotas[q] = value;
    }
  memcpy (self->quotas, quotas, sizeof quotas);
  if (self->state != NULL)
    memcpy (self->state->quotas, quotas, sizeof quotas);
  return TRUE;
}

static gboolean
parse_duration_ms (const char *text,
                   gint64     *out)
{
  g_autofree char *number = NULL;
  gint64 scale = 1000;
  gint64 value;
  gsize len = strlen (text);

  if (g_str_has_suffix (text, "ms"))
    {
      scale = 1;
      len -= 2;
    }
  else if (g_str_has_suffix (text, "s"))
    len -= 1;
  number = g_strndup (text, len);
  if (!g_ascii_string_to_signed (number, 10, -86400000, 86400000, &value, NULL))
    return FALSE;
  *out = value * scale;
  return TRUE;
}

gboolean
am_sandbox_server_set_faults (AmSandboxServer  *self,
                              const char       *spec,
                              GError          **error)
{
  g_auto (GStrv) parts = NULL;

  g_return_val_if_fail (AM_IS_SANDBOX_SERVER (self), FALSE);

  self->throttle_rate = self->error_rate = self->truncate_rate = self->drop_rate = 0;
  g_clear_pointer (&self->drop_once, g_ptr_array_unref);
  self->drop_once = g_ptr_array_new_with_free_func (g_free);
  g_clear_pointer (&self->down_regions, g_ptr_array_unref);
  self->down_regions = g_ptr_array_new_with_free_func (g_free);
  self->latency_ms = 0;
  self->skew_ms = 0;
  if (spec == NULL || *spec == '\0')
    return TRUE;
  parts = g_strsplit (spec, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *eq = strchr (parts[i], '=');
      g_autofree char *name = NULL;
      const char *value;
      double rate = 0;
      char *end = NULL;

      if (eq == NULL)
        goto bad;
      name = g_strndup (parts[i], eq - parts[i]);
      value = eq + 1;
      if (strcmp (name, "latency") == 0 || strcmp (name, "skew") == 0)
        {
          gint64 ms;

          if (!parse_duration_ms (value, &ms) || (name[0] == 'l' && ms < 0))
            goto bad;
          if (name[0] == 'l')
            self->latency_ms = (guint) ms;
          else
            self->skew_ms = ms;
          continue;
        }
      if (strcmp (name, "drop-once") == 0)
        {
          if (*value == '\0' || strspn (value, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") != strlen (value))
            goto bad;
          g_ptr_array_add (self->drop_once, g_strdup (value));
          continue;
        }
      if (strcmp (name, "region-down") == 0)
        {
          if (!am_sb_region_is_known (value))
            goto bad;
          g_ptr_array_add (self->down_regions, g_strdup (value));
          continue;
        }
      rate = g_ascii_strtod (value, &end);
      if (end == value || *end != '\0' || rate < 0 || rate > 1)
        goto bad;
      if (strcmp (name, "throttle") == 0)
        self->throttle_rate = rate;
      else if (strcmp (name, "error5xx") == 0)
        self->error_rate = rate;
      else if (strcmp (name, "truncate") == 0)
        self->truncate_rate = rate;
      else if (strcmp (name, "drop") == 0)
        self->drop_rate = rate;
      else
        goto bad;
      continue;

    bad:
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "Cannot read the fault \"%s\": use throttle=RATE, error5xx=RATE, truncate=RATE, "
                   "drop=RATE (RATE from 0 to 1), drop-once=ACTION, region-down=REGION (one of the "
                   "sandbox's regions), latency=300ms or skew=600s", parts[i]);
      return FALSE;
    }
  return TRUE;
}

gboolean
am_sandbox_server_load (AmSandboxServer  *self,
                        const char       *data_dir,
                        GError          **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (AM_IS_SANDBOX_SERVER (self), FALSE);

  g_clear_pointer (&self->state, am_sb_state_free);
  self->state = am_sb_state_new (self->public_images, self->transition_ms);
  memcpy (self->state->quotas, self->quotas, sizeof self->quotas);
  self->state->recycle_days = self->recycle_days;
  self->state->snapshot_recycle_days = self->snapshot_recycle_days;
  if (data_dir == NULL)
    {
      am_sb_state_seed (self->state);
      return TRUE;
    }
  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not create the sandbox data folder %s: %s", data_dir, g_strerror (saved_errno));
      return FALSE;
    }
  /* Two sandboxes writing one state file would silently lose each other's changes. */
  if (self->lock_fd < 0)
    {
      g_autofree char *lock_path = g_build_filename (data_dir, "lock", NULL);

      self->lock_fd = open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
      if (self->lock_fd < 0 || flock (self->lock_fd, LOCK_EX | LOCK_NB) != 0)
        {
          int saved_errno = errno;

          if (self->lock_fd >= 0)
            close (self->lock_fd);
          self->lock_fd = -1;
          g_set_error (error, G_IO_ERROR,
                       saved_errno == EWOULDBLOCK ? G_IO_ERROR_BUSY : g_io_error_from_errno (saved_errno),
                       saved_errno == EWOULDBLOCK
                       ? "Another amiable-sandbox is already using %s; stop it or give this one another --data-dir"
                       : "Could not lock the sandbox data folder %s", data_dir);
          return FALSE;
        }
    }
  if (!am_sb_state_prepare_dir (data_dir, error))
    return FALSE;
  path = g_build_filename (data_dir, "state.json", NULL);
  return am_sb_state_load (self->state, path, error);
}

gboolean
am_sandbox_server_seed_scale (AmSandboxServer  *self,
                              const char       *spec,
                              GError          **error)
{
  AmSbScale scale;

  g_return_val_if_fail (AM_IS_SANDBOX_SERVER (self), FALSE);
  g_return_val_if_fail (self->state != NULL, FALSE);

  if (!am_sb_scale_parse (spec, &scale, error))
    return FALSE;
  if (am_sb_state_seed_scale (self->state, &scale) == 0 || self->state->path == NULL)
    return TRUE;
  return am_sb_state_save (self->state, error);
}

/* Responses */

static AmSandboxResponse *
response_new (guint       status,
              const char *content_type,
              GString    *body,
              const char *request_id)
{
  AmSandboxResponse *response = g_new0 (AmSandboxResponse, 1);

  response->status = status;
  response->content_type = g_strdup (content_type);
  response->headers = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (response->headers, g_strdup ("x-amzn-RequestId"));
  g_ptr_array_add (response->headers, g_strdup (request_id));
  response->body = g_string_free_to_bytes (body);
  return response;
}

static AmSandboxResponse *
error_response (AmSbService  service,
                guint        status,
                const char  *code,
                const char  *message,
                const char  *request_id)
{
  GString *s = g_string_new (NULL);

  if (service == AM_SB_SERVICE_SSM)
    {
      const char *type = code;

      if (strcmp (code, "AuthFailure") == 0 || strcmp (code, "MissingAuthenticationToken") == 0)
        type = "UnrecognizedClientException";
      else if (strcmp (code, "SignatureDoesNotMatch") == 0 || strcmp (code, "RequestExpired") == 0
               || strcmp (code, "IncompleteSignature") == 0)
        type = "InvalidSignatureException";
      else if (strcmp (code, "RequestLimitExceeded") == 0)
        type = "ThrottlingException";
      else if (strcmp (code, "InternalError") == 0)
        type = "InternalServerError";
      g_string_append (s, "{\"__type\":\"");
      for (const char *p = type; *p; p++)
        if (g_ascii_isalnum (*p) || *p == '.')
          g_string_append_c (s, *p);
      g_string_append (s, "\",\"message\":\"");
      for (const char *p = message; *p; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_printf (s, "\\%c", *p);
          else if ((guchar) *p < 0x20)
            g_string_append_printf (s, "\\u%04x", (guchar) *p);
          else
            g_string_append_c (s, *p);
        }
      g_string_append (s, "\"}");
      return response_new (status, "application/x-amz-json-1.1", s, request_id);
    }
  if (service == AM_SB_SERVICE_AUTOSCALING && strcmp (code, "RequestLimitExceeded") == 0)
    {
      /* Auto Scaling's own throttling answer. */
      code = "Throttling";
      status = 400;
    }
  if (service == AM_SB_SERVICE_STS || service == AM_SB_SERVICE_AUTOSCALING)
    {
      g_string_append (s, service == AM_SB_SERVICE_STS
                          ? "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>"
                          : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse xmlns=\""
                            AM_SB_AUTOSCALING_NAMESPACE "\"><Error><Type>");
      g_string_append (s, status >= 500 ? "Receiver" : "Sender");
      g_string_append (s, "</Type>");
      _am_sb_xml_text (s, "Code", code);
      _am_sb_xml_text (s, "Message", message);
      g_string_append (s, "</Error>");
      _am_sb_xml_text (s, "RequestId", request_id);
      g_string_append (s, "</ErrorResponse>");
      return response_new (status, "text/xml", s, request_id);
    }
  g_string_append (s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error>");
  _am_sb_xml_text (s, "Code", code);
  _am_sb_xml_text (s, "Message", message);
  g_string_append (s, "</Error></Errors>");
  _am_sb_xml_text (s, "RequestID", request_id);
  g_string_append (s, "</Response>");
  return response_new (status, "text/xml;charset=UTF-8", s, request_id);
}

/* The error a handler set on @call (with @fallback_code when it set none). */
static AmSandboxResponse *
call_error_response (AmSbService  service,
                     AmSbCall    *call,
                     const char  *fallback_code)
{
  return error_response (service, call->status ? call->status : 400,
                         call->error_code ? call->error_code : fallback_code,
                         call->error_message ? call->error_message : "The request failed.",
                         call->request_id);
}

/* Dispatch */

static gboolean
roll (AmSandboxServer *self,
      double           rate)
{
  return rate > 0 && g_rand_double (self->fault_rand) < rate;
}

static AmSandboxResponse *
handle_ec2 (AmSandboxServer *self,
            AmSbCall        *call)
{
  const char *action = g_hash_table_lookup (call->params, "Action");
  const char *version = g_hash_table_lookup (call->params, "Version");
  const AmSbAction *op;
  GString *s;

  if (action == NULL || *action == '\0')
    return error_response (AM_SB_SERVICE_EC2, 400, "MissingAction",
                           "The request must contain the parameter Action.", call->request_id);
  if (version == NULL)
    return error_response (AM_SB_SERVICE_EC2, 400, "MissingParameter",
                           "The request must contain the parameter Version (2016-11-15).", call->request_id);
  if (strcmp (version, "2016-11-15") != 0)
    return error_response (AM_SB_SERVICE_EC2, 400, "NoSuchVersion",
                           "The sandbox speaks the EC2 API version 2016-11-15 only.", call->request_id);
  op = _am_sb_ec2_action (action);
  if (op == NULL)
    {
      g_autofree char *message = g_strdup_printf ("The action %s is not valid for this web service.", action);

      return error_response (AM_SB_SERVICE_EC2, 400, "InvalidAction", message, call->request_id);
    }
  call->action = action;
  if (!_am_sb_check_param_names (call, op) || !op->op (call))
    return call_error_response (AM_SB_SERVICE_EC2, call, "InternalError");
  s = g_string_sized_new (call->body->len + 256);
  g_string_append (s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<");
  g_string_append (s, action);
  g_string_append (s, "Response xmlns=\"" AM_SB_EC2_NAMESPACE "\">");
  _am_sb_xml_text (s, "requestId", call->request_id);
  g_string_append_len (s, call->body->str, call->body->len);
  g_string_append (s, "</");
  g_string_append (s, action);
  g_string_append (s, "Response>");
  return response_new (200, "text/xml;charset=UTF-8", s, call->request_id);
}

static AmSandboxResponse *
handle_call (AmSandboxServer    *self,
             AmSbService         service,
             AmSbCall           *call,
             SoupMessageHeaders *headers,
             const char         *body,
             gsize               length)
{
  if (service == AM_SB_SERVICE_SSM)
    {
      const char *target = soup_message_headers_get_one (headers, "X-Amz-Target");
      GString *out = g_string_new (NULL);

      if (!_am_sb_ssm_handle (call, target, body, length, out))
        {
          g_string_free (out, TRUE);
          return call_error_response (AM_SB_SERVICE_SSM, call, "InternalServerError");
        }
      return response_new (200, "application/x-amz-json-1.1", out, call->request_id);
    }
  if (service == AM_SB_SERVICE_STS || service == AM_SB_SERVICE_AUTOSCALING)
    {
      /* Their handlers write the whole answer but the XML declaration. */
      GString *s;

      if (!(service == AM_SB_SERVICE_STS ? _am_sb_sts_handle (call) : _am_sb_autoscaling_handle (call)))
        return call_error_response (service, call, "InternalFailure");
      s = g_string_new (NULL);
      g_string_append (s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      g_string_append_len (s, call->body->str, call->body->len);
      return response_new (200, "text/xml", s, call->request_id);
    }
  return handle_ec2 (self, call);
}

/* EC2 takes multi-line text in descriptions (and user data); nowhere else. */
static gboolean
param_allows_line_breaks (const char *name)
{
  return g_str_has_suffix (name, "Description") || g_str_has_suffix (name, "Description.Value")
         || g_str_has_suffix (name, "UserData") || g_str_has_suffix (name, "UserData.Value");
}

/* Every parameter must be UTF-8 without control characters: what is stored is later written
 * into XML responses and into the JSON state file, where such text would break both. */
static gboolean
check_params (GHashTable  *params,
              char       **message)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, params);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *name = key;
      const char *text = value;
      gboolean line_breaks;

      if (!g_utf8_validate (name, -1, NULL))
        {
          *message = g_strdup ("A parameter name is not valid UTF-8.");
          return FALSE;
        }
      for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_iscntrl (g_utf8_get_char (p)))
          {
            *message = g_strdup ("A parameter name holds a control character.");
            return FALSE;
          }
      if (!g_utf8_validate (text, -1, NULL))
        {
          *message = g_strdup_printf ("The value of the parameter %s is not valid UTF-8.", name);
          return FALSE;
        }
      line_breaks = param_allows_line_breaks (name);
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (line_breaks && (c == '\t' || c == '\n' || c == '\r'))
            continue;
          if (g_unichar_iscntrl (c) || c == 0xFFFE || c == 0xFFFF)
            {
              *message = g_strdup_printf ("The value of the parameter %s holds the character U+%04X, "
                                          "which is not allowed%s.", name, c,
                                          line_breaks ? "" : " (control characters, line breaks "
                                                             "included, are refused here)");
              return FALSE;
            }
        }
    }
  return TRUE;
}

AmSandboxResponse *
am_sandbox_server_handle (AmSandboxServer    *self,
                          const char         *method,
                          const char         *path,
                          const char         *query,
                          SoupMessageHeaders *headers,
                          const char         *body,
                          gsize               length)
{
  g_auto (AmSbIdentity) identity = { 0 };
  g_autofree char *request_id = g_uuid_string_random ();
  g_autofree char *message = NULL;
  g_autoptr (GHashTable) params = NULL;
  AmSandboxResponse *response;
  AmSbCall call = { 0 };
  const char *content_type;
  const char *code = NULL;
  gint64 now_ms = g_get_real_time () / 1000 + self->skew_ms;
  guint status = 0;
  AmSbService service = AM_SB_SERVICE_EC2;
  guint delay = self->latency_ms;

  g_return_val_if_fail (AM_IS_SANDBOX_SERVER (self), NULL);
  g_return_val_if_fail (self->state != NULL, NULL);
  g_return_val_if_fail (method != NULL && path != NULL && headers != NULL, NULL);

  if (body == NULL)
    length = 0;
  content_type = soup_message_headers_get_one (headers, "Content-Type");
  if (soup_message_headers_get_one (headers, "X-Amz-Target") != NULL
      || (content_type != NULL && g_str_has_prefix (content_type, "application/x-amz-json")))
    service = AM_SB_SERVICE_SSM;
  else
    {
      const char *authorization = soup_message_headers_get_one (headers, "Authorization");

      /* Faults answered before verification still use the Auto Scaling error document. */
      if (authorization != NULL && strstr (authorization, "/autoscaling/aws4_request") != NULL)
        service = AM_SB_SERVICE_AUTOSCALING;
    }

  if (length > AM_SANDBOX_MAX_BODY)
    {
      response = error_response (service, 413, "RequestEntityTooLarge",
                                 "The request body is larger than the sandbox accepts (1 MiB).", request_id);
      goto out;
    }
  if (roll (self, self->throttle_rate))
    {
      response = error_response (service, 503, "RequestLimitExceeded", "Request limit exceeded.", request_id);
      goto out;
    }
  if (roll (self, self->error_rate))
    {
      response = error_response (service, 500, "InternalError",
                                 "An internal error has occurred (injected by --faults).", request_id);
      goto out;
    }

  if (self->verify_signatures)
    {
      if (!_am_sb_verify (method, path, query, headers, body, length, now_ms, &identity, &status, &code, &message))
        {
          response = error_response (service, status, code, message, request_id);
          goto out;
        }
      service = identity.service;
    }
  else
    {
      guint n;

      identity.account = am_sb_accounts (&n);
      identity.region = g_strdup ("us-east-1");
    }

  /* A region outage: the request is neither carried out nor answered, whatever it asks. */
  if (self->down_regions != NULL
      && g_ptr_array_find_with_equal_func (self->down_regions, identity.region, g_str_equal, NULL))
    {
      response = error_response (service, 503, "Unavailable", "The region is down (--faults).", request_id);
      response->drop = TRUE;
      goto out;
    }

  if (strcmp (method, "GET") != 0 && strcmp (method, "POST") != 0)
    {
      response = error_response (service, 400, "UnsupportedProtocol",
                                 "The sandbox accepts GET and POST requests only.", request_id);
      goto out;
    }

  /* Query parameters: the query string and, for forms, the body. */
  params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if ((query != NULL && !_am_sb_decode_form (params, query, strlen (query), &message))
      || (service != AM_SB_SERVICE_SSM && length > 0 && !_am_sb_decode_form (params, body, length, &message)))
    {
      response = error_response (service, 400, "MalformedQueryString", message, request_id);
      goto out;
    }
  if (!check_params (params, &message))
    {
      response = error_response (service, 400, "InvalidParameterValue", message, request_id);
      goto out;
    }
  if (!self->verify_signatures)
    {
      const char *version = g_hash_table_lookup (params, "Version");

      if (service != AM_SB_SERVICE_SSM && g_strcmp0 (version, "2011-06-15") == 0)
        service = AM_SB_SERVICE_STS;
      else if (service != AM_SB_SERVICE_SSM && g_strcmp0 (version, "2011-01-01") == 0)
        service = AM_SB_SERVICE_AUTOSCALING;
    }

  call.state = self->state;
  call.account = identity.account;
  call.region = g_intern_string (identity.region);
  call.request_id = request_id;
  call.params = params;
  call.now_ms = now_ms;
  call.fast_keys = !self->verify_signatures;
  call.body = g_string_new (NULL);
  response = handle_call (self, service, &call, headers, body, length);
  if (call.mutated && response->status == 200)
    {
      g_autoptr (GError) error = NULL;

      /* Nothing is acknowledged before it is on disk, and nothing unacknowledged stays
       * visible: a failed save puts back the state the file still holds. */
      if (!am_sb_state_save (self->state, &error))
        {
          g_autofree char *text = g_strdup_printf ("The sandbox could not save its state, and the change "
                                                   "was undone: %s", error->message);
          g_autoptr (GError) rollback_error = NULL;

          g_printerr ("amiable-sandbox: %s\n", text);
          if (!am_sb_state_rollback (self->state, &rollback_error))
            g_error ("the sandbox could not save its state (%s) nor return to the saved one (%s); "
                     "it stops rather than show changes that were never acknowledged",
                     error->message, rollback_error->message);
          am_sandbox_response_free (response);
          response = error_response (service, 500, "InternalError", text, request_id);
        }
    }
  g_string_free (call.body, TRUE);
  g_free (call.error_code);
  g_free (call.error_message);

  /* A lost answer: the request was carried out and saved, and the client hears nothing. */
  if (response->status == 200)
    {
      const char *action = params != NULL ? g_hash_table_lookup (params, "Action") : NULL;
      guint index;

      if (action != NULL && self->drop_once != NULL
          && g_ptr_array_find_with_equal_func (self->drop_once, action, g_str_equal, &index))
        {
          g_ptr_array_remove_index (self->drop_once, index);
          response->drop = TRUE;
        }
      else if (roll (self, self->drop_rate))
        response->drop = TRUE;
    }

  if (response->status == 200 && roll (self, self->truncate_rate))
    {
      gsize size = g_bytes_get_size (response->body);
      GBytes *half = g_bytes_new_from_bytes (response->body, 0, size / 2);

      g_bytes_unref (response->body);
      response->body = half;
    }

out:
  {
    g_autoptr (GDateTime) now = g_date_time_new_from_unix_utc (now_ms / 1000);
    g_autofree char *date = soup_date_time_to_string (now, SOUP_DATE_HTTP);

    g_ptr_array_add (response->headers, g_strdup ("Date"));
    g_ptr_array_add (response->headers, g_steal_pointer (&date));
  }
  response->delay_ms = delay;
  return response;
}

/* HTTP */

typedef struct
{
  SoupServerMessage *msg;
  AmSandboxResponse *response;
} Delayed;

static void
apply_response (SoupServerMessage *msg,
                AmSandboxResponse *response)
{
  SoupMessageHeaders *out = soup_server_message_get_response_headers (msg);
  gsize size;
  gconstpointer data = g_bytes_get_data (response->body, &size);

  if (response->drop)
    {
      g_autoptr (GIOStream) stream = soup_server_message_steal_connection (msg);

      if (stream != NULL)
        g_io_stream_close (stream, NULL, NULL);
      return;
    }
  soup_server_message_set_status (msg, response->status, NULL);
  for (guint i = 0; i + 1 < response->headers->len; i += 2)
    soup_message_headers_replace (out, response->headers->pdata[i], response->headers->pdata[i + 1]);
  soup_server_message_set_response (msg, response->content_type, SOUP_MEMORY_COPY, data, size);
}

static gboolean
delayed_cb (gpointer user_data)
{
  Delayed *delayed = user_data;

  apply_response (delayed->msg, delayed->response);
  if (!delayed->response->drop)
    soup_server_message_unpause (delayed->msg);
  g_object_unref (delayed->msg);
  am_sandbox_response_free (delayed->response);
  g_free (delayed);
  return G_SOURCE_REMOVE;
}

static void
early_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  goffset length = soup_message_headers_get_content_length (headers);

  /* Refuse big bodies before reading them: answer on the raw connection and close it, so
   * libsoup never reads (or buffers) the body. */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CHUNKED || length > AM_SANDBOX_MAX_BODY)
    {
      static const char body[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>RequestEntityTooLarge"
        "</Code><Message>The sandbox accepts request bodies of at most 1 MiB, with a Content-Length."
        "</Message></Error></Errors><RequestID>00000000-0000-0000-0000-000000000000</RequestID></Response>";
      AmSandboxServer *self = user_data;
      g_autoptr (GDateTime) now = g_date_time_new_from_unix_utc ((g_get_real_time () / 1000 + self->skew_ms) / 1000);
      g_autofree char *date = soup_date_time_to_string (now, SOUP_DATE_HTTP);
      /* Like every other answer, it carries the server's Date (clients correct their clock by it). */
      g_autofree char *reply = g_strdup_printf ("HTTP/1.1 413 Request Entity Too Large\r\n"
                                                "Date: %s\r\n"
                                                "Content-Type: text/xml;charset=UTF-8\r\n"
                                                "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                                                date, strlen (body), body);
      g_autoptr (GIOStream) stream = soup_server_message_steal_connection (msg);

      if (stream != NULL)
        {
          g_output_stream_write_all (g_io_stream_get_output_stream (stream), reply, strlen (reply),
                                     NULL, NULL, NULL);
          g_io_stream_close (stream, NULL, NULL);
        }
    }
}

static void
request_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  AmSandboxServer *self = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  SoupMessageBody *request_body = soup_server_message_get_request_body (msg);
  g_autoptr (GBytes) body = soup_message_body_flatten (request_body);
  AmSandboxResponse *response;
  gsize size;
  const char *data = g_bytes_get_data (body, &size);

  response = am_sandbox_server_handle (self, soup_server_message_get_method (msg),
                                       g_uri_get_path (uri), g_uri_get_query (uri),
                                       soup_server_message_get_request_headers (msg), data, size);
  if (response->delay_ms > 0)
    {
      Delayed *delayed = g_new0 (Delayed, 1);

      delayed->msg = g_object_ref (msg);
      delayed->response = response;
      soup_server_message_pause (msg);
      g_timeout_add (response->delay_ms, delayed_cb, delayed);
      return;
    }
  apply_response (msg, response);
  am_sandbox_response_free (response);
}

gboolean
am_sandbox_server_listen (AmSandboxServer  *self,
                          const char       *address,
                          guint             port,
                          GError          **error)
{
  g_return_val_if_fail (AM_IS_SANDBOX_SERVER (self), FALSE);
  g_return_val_if_fail (self->state != NULL, FALSE);

  if (self->soup == NULL)
    {
      self->soup = soup_server_new ("server-header", "amiable-sandbox/" PACKAGE_VERSION, NULL);
      soup_server_add_early_handler (self->soup, NULL, early_cb, self, NULL);
      soup_server_add_handler (self->soup, NULL, request_cb, self, NULL);
    }
  if (address == NULL)
    address = "127.0.0.1";
  {
    g_autoptr (GInetAddress) inet = g_inet_address_new_from_string (address);
    g_autoptr (GSocketAddress) socket_address = NULL;

    if (inet == NULL)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     "\"%s\" is not an IP address; give --listen an address such as 127.0.0.1", address);
        return FALSE;
      }
    socket_address = g_inet_socket_address_new (inet, port);
    return soup_server_listen (self->soup, socket_address, 0, error);
  }
}

char *
am_sandbox_server_get_uri (AmSandboxServer *self)
{
  GSList *uris;
  char *result = NULL;

  g_return_val_if_fail (AM_IS_SANDBOX_SERVER (self), NULL);
  if (self->soup == NULL)
    return NULL;
  uris = soup_server_get_uris (self->soup);
  if (uris != NULL)
    {
      GUri *uri = uris->data;
      const char *host = g_uri_get_host (uri);

      if (strchr (host, ':') != NULL)
        result = g_strdup_printf ("http://[%s]:%d", host, g_uri_get_port (uri));
      else
        result = g_strdup_printf ("http://%s:%d", host, g_uri_get_port (uri));
    }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return result;
}

void
am_sandbox_server_disconnect (AmSandboxServer *self)
{
  g_return_if_fail (AM_IS_SANDBOX_SERVER (self));
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
}
