/* am-ec2-client.c: typed asynchronous EC2 operations (and SSM "latest AMI" lookups)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-ec2-client"

#include "config.h"

#include "am-aws-error.h"
#include "am-endpoint.h"
#include "am-ec2-client.h"
#include "am-ec2-client-private.h"
#include "am-ec2-error.h"
#include "am-ec2-operations.h"
#include "am-ec2-parse-private.h"

struct _AmEc2Client
{
  GObject        parent_instance;

  /* owned references */
  AmQueryClient *query;
  AmJsonClient  *ssm;

  /* state */
  GHashTable    *uncertain;   /* "Action/name/vpc" of creations whose answer was lost */
};

G_DEFINE_FINAL_TYPE (AmEc2Client, am_ec2_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_QUERY_CLIENT,
  PROP_REGION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IMAGE_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
am_ec2_client_dispose (GObject *object)
{
  AmEc2Client *self = AM_EC2_CLIENT (object);

  g_clear_object (&self->query);
  g_clear_object (&self->ssm);
  g_clear_pointer (&self->uncertain, g_hash_table_unref);

  G_OBJECT_CLASS (am_ec2_client_parent_class)->dispose (object);
}

static void
am_ec2_client_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AmEc2Client *self = AM_EC2_CLIENT (object);

  switch (prop_id)
    {
    case PROP_QUERY_CLIENT:
      g_value_set_object (value, self->query);
      break;
    case PROP_REGION:
      g_value_set_string (value, am_ec2_client_get_region (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_ec2_client_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AmEc2Client *self = AM_EC2_CLIENT (object);

  switch (prop_id)
    {
    case PROP_QUERY_CLIENT:
      self->query = g_value_dup_object (value);
      am_query_client_set_idempotent_func (self->query, am_ec2_operation_is_idempotent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_ec2_client_class_init (AmEc2ClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_ec2_client_dispose;
  object_class->get_property = am_ec2_client_get_property;
  object_class->set_property = am_ec2_client_set_property;

  properties[PROP_QUERY_CLIENT] =
    g_param_spec_object ("query-client", NULL, NULL, AM_TYPE_QUERY_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[IMAGE_CREATED] =
    g_signal_new ("image-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
am_ec2_client_init (AmEc2Client *self)
{
  self->uncertain = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

AmEc2Client *
am_ec2_client_new (AmQueryClient *query_client)
{
  g_return_val_if_fail (AM_IS_QUERY_CLIENT (query_client), NULL);

  return g_object_new (AM_TYPE_EC2_CLIENT, "query-client", query_client, NULL);
}

AmQueryClient *
am_ec2_client_get_query_client (AmEc2Client *self)
{
  g_return_val_if_fail (AM_IS_EC2_CLIENT (self), NULL);

  return self->query;
}

const char *
am_ec2_client_get_region (AmEc2Client *self)
{
  g_return_val_if_fail (AM_IS_EC2_CLIENT (self), NULL);

  return am_query_client_get_region (self->query);
}

char *
am_ec2_client_dup_endpoint (AmEc2Client *self)
{
  g_return_val_if_fail (AM_IS_EC2_CLIENT (self), NULL);

  return am_query_client_dup_endpoint (self->query);
}

static char *
strip_slash (char *url)
{
  gsize len = url != NULL ? strlen (url) : 0;

  while (len > 0 && url[len - 1] == '/')
    url[--len] = '\0';
  return url;
}

gboolean
am_ec2_client_has_custom_endpoint (AmEc2Client *self)
{
  g_autofree char *endpoint = NULL;
  g_autofree char *standard = NULL;

  g_return_val_if_fail (AM_IS_EC2_CLIENT (self), FALSE);

  endpoint = strip_slash (am_query_client_dup_endpoint (self->query));
  standard = strip_slash (am_endpoint_for_region ("ec2", am_ec2_client_get_region (self), NULL));
  return g_strcmp0 (endpoint, standard) != 0;
}

AmEc2Client *
am_ec2_client_new_for_region (AmEc2Client  *self,
                              const char   *region,
                              GError      **error)
{
  g_autoptr (AmQueryClient) query = NULL;

  g_return_val_if_fail (AM_IS_EC2_CLIENT (self), NULL);
  g_return_val_if_fail (region != NULL, NULL);

  query = _am_ec2_client_derive_query (self, "ec2", region, error);
  return query != NULL ? am_ec2_client_new (query) : NULL;
}

void
am_ec2_client_set_ssm_client (AmEc2Client  *self,
                              AmJsonClient *ssm_client)
{
  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (ssm_client == NULL || AM_IS_JSON_CLIENT (ssm_client));

  g_set_object (&self->ssm, ssm_client);
}

/* --- the shape of every call ----------------------------------------------------------- */

static void
call_free (AmEc2Call *call)
{
  g_free (call->what);
  g_clear_pointer (&call->body, g_bytes_unref);
  g_clear_pointer (&call->items, g_ptr_array_unref);
  if (call->value != NULL && call->value_free != NULL)
    call->value_free (call->value);
  g_free (call->next_token);
  g_free (call->recover_name);
  g_free (call->recover_key);
  g_clear_pointer (&call->lookup, am_query_params_free);
  g_clear_error (&call->lost_error);
  g_free (call);
}

/* Returns TRUE when the failure was the success of a dry run. */
static gboolean
call_fail (GTask  *task,
           GError *error)
{
  AmEc2Call *call = g_task_get_task_data (task);

  if (call->dry_run && g_error_matches (error, AM_AWS_ERROR, AM_AWS_ERROR_DRY_RUN))
    {
      call->dry_run_ok = TRUE;
      g_error_free (error);
      g_task_return_boolean (task, TRUE);
      return TRUE;
    }
  g_task_return_error (task, _am_ec2_error_with_context (error, call->what));
  g_error_free (error);
  return FALSE;
}

static gboolean
parse_body (AmEc2Call *call,
            GBytes   *body,
            GError  **error)
{
  switch (call->kind)
    {
    case AM_EC2_RESULT_RETURN:
      {
        g_autofree char *value = NULL;

        if (!_am_ec2_parse_optional_value (body, "return", &value, error))
          return FALSE;
        if (value != NULL && g_strcmp0 (g_strstrip (value), "false") == 0)
          {
            g_set_error (error, AM_EC2_ERROR, AM_EC2_ERROR_FAILED,
                         "EC2 answered that the request did not succeed; try again");
            return FALSE;
          }
      }
      /* Some answers carry a list next to <return> (DeregisterImage's snapshot results). */
      if (call->info != NULL)
        {
          call->value = _am_ec2_parse_list (body, call->info, call->path, NULL, error);
          call->value_free = (GDestroyNotify) g_ptr_array_unref;
          return call->value != NULL;
        }
      return TRUE;
    case AM_EC2_RESULT_VALUE:
      call->value = _am_ec2_parse_value (body, call->element, error);
      call->value_free = g_free;
      return call->value != NULL;
    case AM_EC2_RESULT_OBJECT:
      call->value = _am_ec2_parse_object (body, call->info, call->path, error);
      call->value_free = g_object_unref;
      return call->value != NULL;
    case AM_EC2_RESULT_LIST:
    case AM_EC2_RESULT_IMAGES:
      call->value = _am_ec2_parse_list (body, call->info, call->path, &call->next_token, error);
      call->value_free = (GDestroyNotify) g_ptr_array_unref;
      return call->value != NULL;
    case AM_EC2_RESULT_PARSED:
      call->value = call->parse (body, error);
      call->value_free = call->parse_free;
      return call->value != NULL;
    case AM_EC2_RESULT_LIST_ALL:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

static void
parse_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  AmEc2Call *call = task_data;
  GError *error = NULL;

  if (!parse_body (call, call->body, &error))
    {
      g_task_return_error (task, _am_ec2_error_with_context (error, call->what));
      g_error_free (error);
      return;
    }
  g_clear_pointer (&call->body, g_bytes_unref);
  g_task_return_boolean (task, TRUE);
}

/* The name and the id of what a lookup of @call found. */
static const char *
recovered_name (AmEc2Call *call,
                gpointer  item,
                char    **id)
{
  switch (call->recover)
    {
    case AM_EC2_RECOVER_IMAGE:
      *id = g_strdup (am_image_get_image_id (item));
      return am_image_get_name (item);
    case AM_EC2_RECOVER_SECURITY_GROUP:
      *id = g_strdup (am_security_group_get_group_id (item));
      return am_security_group_get_group_name (item);
    case AM_EC2_RECOVER_KEY_PAIR:
      *id = NULL;
      return am_key_pair_get_key_name (item);
    case AM_EC2_RECOVER_NONE:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static void
on_recover_looked_up (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  AmEc2Client *self = g_task_get_source_object (task);
  AmEc2Call *call = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body = am_query_client_call_finish (AM_QUERY_CLIENT (source), result, &error);
  g_autoptr (GPtrArray) items = NULL;
  g_autofree char *id = NULL;
  gboolean found = FALSE;

  if (body != NULL)
    items = _am_ec2_parse_list (body, call->lookup_info, call->lookup_path, NULL, &error);
  if (items == NULL)
    {
      g_debug ("%s: could not look up “%s”: %s", call->recover_key, call->recover_name,
               error->message);
      call_fail (task, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                       ? g_steal_pointer (&error) : g_steal_pointer (&call->lost_error));
      return;
    }

  /* The filters match patterns; only the exact name is the one this call made. */
  for (guint i = 0; i < items->len && !found; i++)
    {
      g_clear_pointer (&id, g_free);
      found = g_strcmp0 (recovered_name (call, items->pdata[i], &id), call->recover_name) == 0;
    }
  if (!found)
    {
      g_debug ("%s: nothing named “%s” was made; the failure stands", call->recover_key,
               call->recover_name);
      call_fail (task, g_steal_pointer (&call->lost_error));
      return;
    }

  g_hash_table_remove (self->uncertain, call->recover_key);
  if (call->recover == AM_EC2_RECOVER_KEY_PAIR)
    {
      g_task_return_new_error (task, AM_EC2_ERROR, AM_EC2_ERROR_KEY_MATERIAL_LOST,
                               "The key pair “%s” was created, but the answer that carried its "
                               "private key was lost on the way, and EC2 never hands out a private "
                               "key again. Delete the key pair and create it again to get a new "
                               "private key.", call->recover_name);
      return;
    }
  g_debug ("%s: the lost answer had made %s; carrying on with it", call->recover_key, id);
  call->value = g_steal_pointer (&id);
  call->value_free = g_free;
  g_task_return_boolean (task, TRUE);
}

/* A creation without a ClientToken is sent once. When its answer was lost (it may have been
 * made), or a later attempt with the same name is refused as a duplicate of such a one, the
 * thing is looked up by name. Returns: %TRUE when the lookup was sent (it finishes @task). */
static gboolean
maybe_recover (GTask  *task,
               GError *error)
{
  AmEc2Client *self = g_task_get_source_object (task);
  AmEc2Call *call = g_task_get_task_data (task);
  const char *code = error->domain == AM_AWS_ERROR ? am_aws_error_get_code (error) : NULL;

  if (call->recover == AM_EC2_RECOVER_NONE || call->dry_run)
    return FALSE;
  if (am_aws_error_get_maybe_applied (error))
    g_hash_table_add (self->uncertain, g_strdup (call->recover_key));
  else if (code == NULL || !g_str_has_suffix (code, ".Duplicate")
           || !g_hash_table_contains (self->uncertain, call->recover_key))
    return FALSE;

  g_debug ("%s: %s; looking up “%s”", call->recover_key,
           code != NULL ? code : error->message, call->recover_name);
  call->lost_error = error;
  am_query_client_call_async (self->query, call->lookup, g_task_get_cancellable (task),
                              on_recover_looked_up, g_object_ref (task));
  return TRUE;
}

static void
on_called (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  AmEc2Call *call = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr (GBytes) body = am_query_client_call_finish (AM_QUERY_CLIENT (source), result, &error);

  if (body == NULL)
    {
      if (!maybe_recover (task, error))
        call_fail (task, error);
      return;
    }

  if (call->kind == AM_EC2_RESULT_IMAGES)
    {
      call->body = g_steal_pointer (&body);
      g_task_run_in_thread (task, parse_in_thread);
      return;
    }

  if (!parse_body (call, body, &error))
    {
      call_fail (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static gboolean
on_page (AmQueryClient *client,
         GBytes        *page,
         guint          page_index,
         gpointer       user_data,
         GError       **error)
{
  AmEc2Call *call = user_data;
  g_autoptr (GPtrArray) items = _am_ec2_parse_list (page, call->info, call->path, NULL, error);

  if (items == NULL)
    return FALSE;
  g_ptr_array_extend_and_steal (call->items, g_steal_pointer (&items));
  return TRUE;
}

static void
on_paginated (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  AmEc2Call *call = g_task_get_task_data (task);
  GError *error = NULL;

  if (!am_query_client_paginate_finish (AM_QUERY_CLIENT (source), result, NULL, &error))
    {
      call_fail (task, error);
      return;
    }
  call->value = g_steal_pointer (&call->items);
  call->value_free = (GDestroyNotify) g_ptr_array_unref;
  g_task_return_boolean (task, TRUE);
}

AmEc2Call *
_am_ec2_call_new (AmEc2ResultKind kind,
                  char       *what)
{
  AmEc2Call *call = g_new0 (AmEc2Call, 1);

  call->kind = kind;
  call->what = what;
  return call;
}

AmEc2Call *
_am_ec2_call_new_model (AmEc2ResultKind     kind,
                        char               *what,
                        const AmModelInfo  *info,
                        const char * const *path)
{
  AmEc2Call *call = _am_ec2_call_new (kind, what);

  call->info = info;
  call->path = path;
  return call;
}

/* Sends @params (taken) and finishes @call (taken) on a task tagged @source_tag. */
void
_am_ec2_client_start_call (AmEc2Client         *self,
                           AmQueryParams       *params,
                           AmEc2Call           *call,
                           gboolean             dry_run,
                           gpointer             source_tag,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr (AmQueryParams) owned = params;
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  call->dry_run = dry_run;
  if (dry_run)
    am_query_params_add_boolean (params, "DryRun", TRUE);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);

  if (call->kind == AM_EC2_RESULT_LIST_ALL)
    {
      call->items = g_ptr_array_new_with_free_func (g_object_unref);
      am_query_client_paginate_async (self->query, params, on_page, call, NULL,
                                      cancellable, on_paginated, task);
    }
  else
    am_query_client_call_async (self->query, params, cancellable, on_called, task);
}

/* Returns: (transfer none): the finished call, or NULL with @error */
AmEc2Call *
_am_ec2_client_finish_call (AmEc2Client   *self,
                            GAsyncResult  *result,
                            gpointer       source_tag,
                            gboolean      *dry_run_ok,
                            GError       **error)
{
  AmEc2Call *call;

  g_return_val_if_fail (AM_IS_EC2_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  if (dry_run_ok != NULL)
    *dry_run_ok = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  call = g_task_get_task_data (G_TASK (result));
  if (dry_run_ok != NULL)
    *dry_run_ok = call->dry_run_ok;
  return call;
}

gpointer
_am_ec2_call_steal_value (AmEc2Call *call)
{
  call->value_free = NULL;
  return g_steal_pointer (&call->value);
}

gboolean
_am_ec2_client_finish_simple (AmEc2Client   *self,
                              GAsyncResult  *result,
                              gpointer       source_tag,
                              gboolean      *dry_run_ok,
                              GError       **error)
{
  return _am_ec2_client_finish_call (self, result, source_tag, dry_run_ok, error) != NULL;
}

GPtrArray *
_am_ec2_client_finish_list (AmEc2Client   *self,
                            GAsyncResult  *result,
                            gpointer       source_tag,
                            GError       **error)
{
  AmEc2Call *call = _am_ec2_client_finish_call (self, result, source_tag, NULL, error);

  return call != NULL ? _am_ec2_call_steal_value (call) : NULL;
}

gboolean
_am_ec2_client_finish_value (AmEc2Client   *self,
                             GAsyncResult  *result,
                             gpointer       source_tag,
                             gpointer      *out,
                             gboolean      *dry_run_ok,
                             GError       **error)
{
  AmEc2Call *call = _am_ec2_client_finish_call (self, result, source_tag, dry_run_ok, error);

  if (call == NULL)
    return FALSE;
  if (out != NULL)
    *out = _am_ec2_call_steal_value (call);
  return TRUE;
}

/* Describe calls that walk every page: the common part. */
void
_am_ec2_client_describe_all (AmEc2Client         *self,
                             AmQueryParams       *params,
                             const AmModelInfo   *info,
                             const char * const  *path,
                             char                *what,
                             gpointer             source_tag,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  AmEc2Call *call = _am_ec2_call_new_model (AM_EC2_RESULT_LIST_ALL, what,

                                 info, path);
  _am_ec2_client_start_call (self, params, call, FALSE, source_tag, cancellable, callback,
                             user_data);
}

void
_am_ec2_client_image_id_call (AmEc2Client         *self,
                              const char          *action,
                              const char          *image_id,
                              char                *what,
                              gboolean             dry_run,
                              gpointer             source_tag,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  AmQueryParams *params = _am_ec2_params_new (action);

  am_query_params_add (params, "ImageId", image_id);
  _am_ec2_client_start_call (self, params, _am_ec2_call_new (AM_EC2_RESULT_RETURN, what), dry_run,
                             source_tag, cancellable, callback, user_data);
}

void
_am_ec2_client_emit_image_created (AmEc2Client *self,
                                   const char  *image_id)
{
  g_signal_emit (self, signals[IMAGE_CREATED], 0, image_id);
}

/* --- SSM ------------------------------------------------------------------------------------ */

static AmJsonClient *
ensure_ssm (AmEc2Client  *self,
            GError      **error)
{
  g_autofree char *endpoint = NULL;

  if (self->ssm != NULL)
    return self->ssm;

  /* A custom endpoint (the sandbox) serves SSM too. */
  if (am_ec2_client_has_custom_endpoint (self))
    endpoint = am_query_client_dup_endpoint (self->query);
  self->ssm = am_ssm_client_new (am_query_client_get_credentials (self->query),
                                 am_ec2_client_get_region (self), endpoint, error);
  if (self->ssm != NULL)
    am_json_client_set_session (self->ssm, am_query_client_get_session (self->query));
  return self->ssm;
}

/* A task tagged @source_tag that keeps @name for its messages, and the SSM client in @ssm;
 * %NULL (the task finished with the error) when there is no SSM client to be had. */
static GTask *
ssm_task_new (AmEc2Client          *self,
              const char           *name,
              gpointer              source_tag,
              GCancellable         *cancellable,
              GAsyncReadyCallback   callback,
              gpointer              user_data,
              AmJsonClient        **ssm)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_strdup (name), g_free);
  *ssm = ensure_ssm (self, &error);
  if (*ssm == NULL)
    {
      g_task_return_error (task, error);
      return NULL;
    }
  return g_steal_pointer (&task);
}

static void
on_latest_image_id (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AmSsmParameter) parameter = am_ssm_get_parameter_finish (AM_JSON_CLIENT (source),
                                                                       result, &error);
  const char *name = g_task_get_task_data (task);

  if (parameter == NULL)
    {
      g_task_return_error (
        task, _am_ec2_error_with_context (error, "Could not look up the latest image"));
      return;
    }
  if (parameter->value == NULL || !g_str_has_prefix (parameter->value, "ami-"))
    {
      g_task_return_new_error (task, AM_EC2_ERROR, AM_EC2_ERROR_FAILED,
                               "The parameter %s does not name an image; choose an image "
                               "parameter (under /aws/service/…/ami-…)", name);
      return;
    }
  g_task_return_pointer (task, g_strdup (parameter->value), g_free);
}

void
am_ec2_client_get_latest_image_id_async (AmEc2Client         *self,
                                         const char          *parameter_name,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  GTask *task;
  AmJsonClient *ssm;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (parameter_name != NULL);

  task = ssm_task_new (self, parameter_name, am_ec2_client_get_latest_image_id_async,
                       cancellable, callback, user_data, &ssm);
  if (task != NULL)
    am_ssm_get_parameter_async (ssm, parameter_name, cancellable, on_latest_image_id, task);
}

char *
am_ec2_client_get_latest_image_id_finish (AmEc2Client   *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (AM_IS_EC2_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_latest_images (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  GPtrArray *parameters
    = am_ssm_get_parameters_by_path_finish (AM_JSON_CLIENT (source), result, &error);

  if (parameters == NULL)
    {
      g_autofree char *what = g_strdup_printf ("Could not list the latest images under %s",
                                               (const char *) g_task_get_task_data (task));

      g_task_return_error (task, _am_ec2_error_with_context (error, what));
      return;
    }
  g_task_return_pointer (task, parameters, (GDestroyNotify) g_ptr_array_unref);
}

void
am_ec2_client_list_latest_images_async (AmEc2Client         *self,
                                        const char          *path,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GTask *task;
  AmJsonClient *ssm;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (path != NULL);

  task = ssm_task_new (self, path, am_ec2_client_list_latest_images_async,
                       cancellable, callback, user_data, &ssm);
  if (task != NULL)
    am_ssm_get_parameters_by_path_async (ssm, path, TRUE, cancellable, on_latest_images, task);
}

GPtrArray *
am_ec2_client_list_latest_images_finish (AmEc2Client   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (AM_IS_EC2_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
