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

#define EC2_VERSION "2016-11-15"

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

typedef enum
{
  RESULT_RETURN,      /* <return>true</return> (or nothing) */
  RESULT_VALUE,       /* the text of one child of the response */
  RESULT_OBJECT,      /* one model object */
  RESULT_LIST,        /* one page of model objects, parsed on the main thread */
  RESULT_LIST_ALL,    /* every page */
  RESULT_IMAGES,      /* one page of images, parsed in a worker thread */
} ResultKind;

typedef enum
{
  RECOVER_NONE,
  RECOVER_IMAGE,           /* DescribeImages Owner=self, name → imageId */
  RECOVER_SECURITY_GROUP,  /* DescribeSecurityGroups group-name (+ vpc-id) → groupId */
  RECOVER_KEY_PAIR,        /* DescribeKeyPairs key-name → its material is lost */
} RecoverKind;

typedef struct
{
  ResultKind          kind;
  const AmModelInfo  *info;
  const char * const *path;
  const char         *element;
  char               *what;        /* "Could not deregister ami-123" */
  gboolean            dry_run;

  GBytes             *body;
  GPtrArray          *items;

  gpointer            value;
  GDestroyNotify      value_free;
  char               *next_token;
  gboolean            dry_run_ok;

  /* A creation without a ClientToken (CreateImage, …): how to find by name what an attempt
   * whose answer was lost made. */
  RecoverKind         recover;
  char               *recover_name;
  char               *recover_key;   /* "Action/name/vpc", in AmEc2Client:uncertain */
  AmQueryParams      *lookup;
  const AmModelInfo  *lookup_info;
  const char * const *lookup_path;
  GError             *lost_error;    /* the failure the lookup may explain */
} Call;

static void
call_free (Call *call)
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
  Call *call = g_task_get_task_data (task);

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
parse_body (Call     *call,
            GBytes   *body,
            GError  **error)
{
  switch (call->kind)
    {
    case RESULT_RETURN:
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
    case RESULT_VALUE:
      call->value = _am_ec2_parse_value (body, call->element, error);
      call->value_free = g_free;
      return call->value != NULL;
    case RESULT_OBJECT:
      call->value = _am_ec2_parse_object (body, call->info, call->path, error);
      call->value_free = g_object_unref;
      return call->value != NULL;
    case RESULT_LIST:
    case RESULT_IMAGES:
      call->value = _am_ec2_parse_list (body, call->info, call->path, &call->next_token, error);
      call->value_free = (GDestroyNotify) g_ptr_array_unref;
      return call->value != NULL;
    case RESULT_LIST_ALL:
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
  Call *call = task_data;
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
recovered_name (Call     *call,
                gpointer  item,
                char    **id)
{
  switch (call->recover)
    {
    case RECOVER_IMAGE:
      *id = g_strdup (am_image_get_image_id (item));
      return am_image_get_name (item);
    case RECOVER_SECURITY_GROUP:
      *id = g_strdup (am_security_group_get_group_id (item));
      return am_security_group_get_group_name (item);
    case RECOVER_KEY_PAIR:
      *id = NULL;
      return am_key_pair_get_key_name (item);
    case RECOVER_NONE:
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
  Call *call = g_task_get_task_data (task);
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
  if (call->recover == RECOVER_KEY_PAIR)
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
  Call *call = g_task_get_task_data (task);
  const char *code = error->domain == AM_AWS_ERROR ? am_aws_error_get_code (error) : NULL;

  if (call->recover == RECOVER_NONE || call->dry_run)
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
  Call *call = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr (GBytes) body = am_query_client_call_finish (AM_QUERY_CLIENT (source), result, &error);

  if (body == NULL)
    {
      if (!maybe_recover (task, error))
        call_fail (task, error);
      return;
    }

  if (call->kind == RESULT_IMAGES)
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
  Call *call = user_data;
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
  Call *call = g_task_get_task_data (task);
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

static Call *
call_new (ResultKind  kind,
          char       *what)
{
  Call *call = g_new0 (Call, 1);

  call->kind = kind;
  call->what = what;
  return call;
}

/* Sends @params (taken) and finishes @call (taken) on a task tagged @source_tag. */
static void
start_call (AmEc2Client         *self,
            AmQueryParams       *params,
            Call                *call,
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

  if (call->kind == RESULT_LIST_ALL)
    {
      call->items = g_ptr_array_new_with_free_func (g_object_unref);
      am_query_client_paginate_async (self->query, params, on_page, call, NULL,
                                      cancellable, on_paginated, task);
    }
  else
    am_query_client_call_async (self->query, params, cancellable, on_called, task);
}

/* Returns: (transfer none): the finished call, or NULL with @error */
static Call *
finish_call (AmEc2Client   *self,
             GAsyncResult  *result,
             gpointer       source_tag,
             gboolean      *dry_run_ok,
             GError       **error)
{
  Call *call;

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

static gpointer
steal_value (Call *call)
{
  call->value_free = NULL;
  return g_steal_pointer (&call->value);
}

static gboolean
finish_simple (AmEc2Client   *self,
               GAsyncResult  *result,
               gpointer       source_tag,
               gboolean      *dry_run_ok,
               GError       **error)
{
  return finish_call (self, result, source_tag, dry_run_ok, error) != NULL;
}

static GPtrArray *
finish_list (AmEc2Client   *self,
             GAsyncResult  *result,
             gpointer       source_tag,
             GError       **error)
{
  Call *call = finish_call (self, result, source_tag, NULL, error);

  return call != NULL ? steal_value (call) : NULL;
}

/* --- parameters -------------------------------------------------------------------------- */

static AmQueryParams *
params_new (const char *action)
{
  return am_query_params_new (action, EC2_VERSION);
}

static const char * const images_path[] = { "imagesSet", NULL };
static const char * const key_pairs_path[] = { "keySet", NULL };
static const char * const security_groups_path[] = { "securityGroupInfo", NULL };

static void add_filter_value (AmQueryParams *params,
                              const char    *name,
                              const char    *value);

/* Makes @call find by name what an attempt of @action whose answer was lost made. */
static void
call_set_recover (Call        *call,
                  RecoverKind  kind,
                  const char  *action,
                  const char  *name,
                  const char  *vpc_id)
{
  call->recover = kind;
  call->recover_name = g_strdup (name);
  call->recover_key = g_strdup_printf ("%s/%s/%s", action, name, vpc_id != NULL ? vpc_id : "");
  switch (kind)
    {
    case RECOVER_IMAGE:
      call->lookup = params_new ("DescribeImages");
      am_query_params_add (call->lookup, "Owner.1", "self");
      add_filter_value (call->lookup, "name", name);
      call->lookup_info = _am_image_get_model_info ();
      call->lookup_path = images_path;
      break;
    case RECOVER_SECURITY_GROUP:
      call->lookup = params_new ("DescribeSecurityGroups");
      add_filter_value (call->lookup, "group-name", name);
      if (vpc_id != NULL)
        add_filter_value (call->lookup, "vpc-id", vpc_id);
      call->lookup_info = _am_security_group_get_model_info ();
      call->lookup_path = security_groups_path;
      break;
    case RECOVER_KEY_PAIR:
      call->lookup = params_new ("DescribeKeyPairs");
      add_filter_value (call->lookup, "key-name", name);
      call->lookup_info = _am_key_pair_get_model_info ();
      call->lookup_path = key_pairs_path;
      break;
    case RECOVER_NONE:
    default:
      g_assert_not_reached ();
    }
}

static void
add_filter_value (AmQueryParams *params,
                  const char    *name,
                  const char    *value)
{
  const char *values[] = { value, NULL };

  am_query_params_add_filter (params, name, values);
}

static void
add_list (AmQueryParams      *params,
          const char         *prefix,
          const char * const *values)
{
  if (values != NULL && values[0] != NULL)
    am_query_params_add_list (params, prefix, values);
}

static void
add_filters (AmQueryParams *params,
             GPtrArray     *filters)
{
  for (guint i = 0; filters != NULL && i < filters->len; i++)
    {
      const AmEc2Filter *filter = filters->pdata[i];

      am_query_params_add_filter (params, filter->name, (const char * const *) filter->values);
    }
}

static void
add_ebs_choice (AmQueryParams *params,
                AmEc2Choice    choice,
                const char    *prefix,
                guint          n,
                const char    *field)
{
  if (choice != AM_EC2_DEFAULT)
    am_query_params_add_at (params, choice == AM_EC2_YES ? "true" : "false",
                            "%s.%u.Ebs.%s", prefix, n, field);
}

static void
add_block_devices (AmQueryParams *params,
                   const char    *prefix,
                   GPtrArray     *specs)
{
  for (guint i = 0; specs != NULL && i < specs->len; i++)
    {
      const AmBlockDeviceSpec *spec = specs->pdata[i];
      guint n = i + 1;
      g_autofree char *size = NULL, *iops = NULL, *throughput = NULL;

      if (spec->device_name != NULL)
        am_query_params_add_at (params, spec->device_name, "%s.%u.DeviceName", prefix, n);
      if (spec->virtual_name != NULL)
        am_query_params_add_at (params, spec->virtual_name, "%s.%u.VirtualName", prefix, n);
      if (spec->no_device)
        am_query_params_add_at (params, "", "%s.%u.NoDevice", prefix, n);
      if (spec->virtual_name != NULL || spec->no_device)
        continue;
      if (spec->snapshot_id != NULL)
        am_query_params_add_at (params, spec->snapshot_id, "%s.%u.Ebs.SnapshotId", prefix, n);
      if (spec->volume_size > 0)
        {
          size = g_strdup_printf ("%d", spec->volume_size);
          am_query_params_add_at (params, size, "%s.%u.Ebs.VolumeSize", prefix, n);
        }
      if (spec->volume_type != NULL)
        am_query_params_add_at (params, spec->volume_type, "%s.%u.Ebs.VolumeType", prefix, n);
      if (spec->iops > 0)
        {
          iops = g_strdup_printf ("%d", spec->iops);
          am_query_params_add_at (params, iops, "%s.%u.Ebs.Iops", prefix, n);
        }
      if (spec->throughput > 0)
        {
          throughput = g_strdup_printf ("%d", spec->throughput);
          am_query_params_add_at (params, throughput, "%s.%u.Ebs.Throughput", prefix, n);
        }
      add_ebs_choice (params, spec->delete_on_termination, prefix, n, "DeleteOnTermination");
      add_ebs_choice (params, spec->encrypted, prefix, n, "Encrypted");
      if (spec->kms_key_id != NULL)
        am_query_params_add_at (params, spec->kms_key_id, "%s.%u.Ebs.KmsKeyId", prefix, n);
    }
}

static void
add_tag_specifications (AmQueryParams *params,
                        const char    *prefix,
                        GPtrArray     *specs)
{
  for (guint i = 0; specs != NULL && i < specs->len; i++)
    {
      const AmTagSpecification *spec = specs->pdata[i];
      guint n = i + 1;

      am_query_params_add_at (params, am_tag_specification_get_resource_type (spec),
                              "%s.%u.ResourceType", prefix, n);
      for (guint t = 0; t < am_tag_specification_get_n_tags (spec); t++)
        {
          const char *key, *value;

          am_tag_specification_get_tag (spec, t, &key, &value);
          am_query_params_add_at (params, key, "%s.%u.Tag.%u.Key", prefix, n, t + 1);
          am_query_params_add_at (params, value, "%s.%u.Tag.%u.Value", prefix, n, t + 1);
        }
    }
}

/* RunInstances and LaunchTemplateData share most names; @p is "" or "LaunchTemplateData.". */
static void
add_launch_fields (AmQueryParams               *params,
                   const char                  *p,
                   const AmRunInstancesRequest *request,
                   gboolean                     for_template)
{
  g_autofree char *bdm = g_strconcat (p, "BlockDeviceMapping", NULL);
  g_autofree char *tags = g_strconcat (p, "TagSpecification", NULL);
  g_autofree char *groups = g_strconcat (p, "SecurityGroupId", NULL);

  if (request->image_id != NULL)
    am_query_params_add_at (params, request->image_id, "%sImageId", p);
  if (request->instance_type != NULL)
    am_query_params_add_at (params, request->instance_type, "%sInstanceType", p);
  if (!for_template)
    {
      guint min = MAX (request->min_count, 1);

      am_query_params_add_int (params, "MinCount", min);
      am_query_params_add_int (params, "MaxCount", MAX (request->max_count, min));
    }
  if (request->key_name != NULL)
    am_query_params_add_at (params, request->key_name, "%sKeyName", p);
  if (request->subnet_id != NULL)
    {
      /* A launch template names the subnet through its first network interface. */
      if (for_template)
        {
          am_query_params_add_at (params, "0", "%sNetworkInterface.1.DeviceIndex", p);
          am_query_params_add_at (params, request->subnet_id, "%sNetworkInterface.1.SubnetId", p);
          for (guint i = 0; request->security_group_ids != NULL && request->security_group_ids[i] != NULL; i++)
            am_query_params_add_at (params, request->security_group_ids[i],
                                    "%sNetworkInterface.1.SecurityGroupId.%u", p, i + 1);
        }
      else
        am_query_params_add (params, "SubnetId", request->subnet_id);
    }
  if (!(for_template && request->subnet_id != NULL))
    add_list (params, groups, (const char * const *) request->security_group_ids);
  if (request->availability_zone != NULL)
    am_query_params_add_at (params, request->availability_zone, "%sPlacement.AvailabilityZone", p);
  add_block_devices (params, bdm, request->block_device_mappings);
  add_tag_specifications (params, tags, request->tag_specifications);
  if (request->user_data != NULL)
    {
      g_autofree char *encoded = g_base64_encode ((const guchar *) request->user_data,
                                                  strlen (request->user_data));

      am_query_params_add_at (params, encoded, "%sUserData", p);
    }
  if (request->iam_instance_profile_name != NULL)
    am_query_params_add_at (params, request->iam_instance_profile_name, "%sIamInstanceProfile.Name", p);
  if (request->shutdown_behavior != NULL)
    am_query_params_add_at (params, request->shutdown_behavior, "%sInstanceInitiatedShutdownBehavior", p);
  if (request->disable_api_termination)
    am_query_params_add_at (params, "true", "%sDisableApiTermination", p);
  if (request->require_imdsv2)
    am_query_params_add_at (params, "required", "%sMetadataOptions.HttpTokens", p);
}

static char *
join_ids (const char * const *ids)
{
  if (ids == NULL || ids[0] == NULL)
    return g_strdup ("nothing");
  return g_strjoinv (", ", (char **) ids);
}

/* --- images ------------------------------------------------------------------------------ */

void
am_ec2_client_describe_images_async (AmEc2Client                 *self,
                                     const AmDescribeImagesQuery *query,
                                     GCancellable                *cancellable,
                                     GAsyncReadyCallback          callback,
                                     gpointer                     user_data)
{
  AmQueryParams *params;
  Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (query != NULL);

  params = params_new ("DescribeImages");
  add_list (params, "ExecutableBy", (const char * const *) query->executable_by);
  add_list (params, "ImageId", (const char * const *) query->image_ids);
  add_list (params, "Owner", (const char * const *) query->owners);
  add_filters (params, query->filters);
  if (query->include_deprecated)
    am_query_params_add_boolean (params, "IncludeDeprecated", TRUE);
  if (query->include_disabled)
    am_query_params_add_boolean (params, "IncludeDisabled", TRUE);
  if (query->max_results > 0)
    am_query_params_add_int (params, "MaxResults", query->max_results);
  if (query->next_token != NULL)
    am_query_params_add (params, "NextToken", query->next_token);

  call = call_new (RESULT_IMAGES, g_strdup ("Could not list images"));
  call->info = _am_image_get_model_info ();
  call->path = images_path;
  start_call (self, params, call, FALSE, am_ec2_client_describe_images_async,
              cancellable, callback, user_data);
}

GPtrArray *
am_ec2_client_describe_images_finish (AmEc2Client   *self,
                                      GAsyncResult  *result,
                                      char         **next_token,
                                      GError       **error)
{
  Call *call = finish_call (self, result, am_ec2_client_describe_images_async, NULL, error);

  if (call == NULL)
    return NULL;
  if (next_token != NULL)
    *next_token = g_steal_pointer (&call->next_token);
  return steal_value (call);
}

void
am_ec2_client_create_image_async (AmEc2Client         *self,
                                  const char          *instance_id,
                                  const char          *name,
                                  const char          *description,
                                  gboolean             no_reboot,
                                  GPtrArray           *block_devices,
                                  GPtrArray           *tag_specifications,
                                  gboolean             dry_run,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  AmQueryParams *params;
  Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (instance_id != NULL && name != NULL);

  params = params_new ("CreateImage");
  am_query_params_add (params, "InstanceId", instance_id);
  am_query_params_add (params, "Name", name);
  if (description != NULL)
    am_query_params_add (params, "Description", description);
  if (no_reboot)
    am_query_params_add_boolean (params, "NoReboot", TRUE);
  add_block_devices (params, "BlockDeviceMapping", block_devices);
  add_tag_specifications (params, "TagSpecification", tag_specifications);

  call = call_new (RESULT_VALUE, g_strdup_printf ("Could not create an image from %s", instance_id));
  call->element = "imageId";
  call_set_recover (call, RECOVER_IMAGE, "CreateImage", name, NULL);
  start_call (self, params, call, dry_run, am_ec2_client_create_image_async,
              cancellable, callback, user_data);
}

static gboolean
finish_value (AmEc2Client   *self,
              GAsyncResult  *result,
              gpointer       source_tag,
              gpointer      *out,
              gboolean      *dry_run_ok,
              GError       **error)
{
  Call *call = finish_call (self, result, source_tag, dry_run_ok, error);

  if (call == NULL)
    return FALSE;
  if (out != NULL)
    *out = steal_value (call);
  return TRUE;
}

/* CreateImage, RegisterImage and CopyImage: whoever lists this region's images hears of it. */
static gboolean
finish_new_image (AmEc2Client   *self,
                  GAsyncResult  *result,
                  gpointer       source_tag,
                  char         **image_id,
                  gboolean      *dry_run_ok,
                  GError       **error)
{
  g_autofree char *id = NULL;

  if (!finish_value (self, result, source_tag, (gpointer *) &id, dry_run_ok, error))
    return FALSE;
  if (id != NULL)
    g_signal_emit (self, signals[IMAGE_CREATED], 0, id);
  if (image_id != NULL)
    *image_id = g_steal_pointer (&id);
  return TRUE;
}

gboolean
am_ec2_client_create_image_finish (AmEc2Client   *self,
                                   GAsyncResult  *result,
                                   char         **image_id,
                                   gboolean      *dry_run_ok,
                                   GError       **error)
{
  return finish_new_image (self, result, am_ec2_client_create_image_async,
                           image_id, dry_run_ok, error);
}

void
am_ec2_client_register_image_async (AmEc2Client         *self,
                                    const char          *name,
                                    const char          *description,
                                    const char          *image_location,
                                    const char          *architecture,
                                    const char          *root_device_name,
                                    GPtrArray           *block_devices,
                                    const char          *virtualization_type,
                                    const char          *boot_mode,
                                    gboolean             ena_support,
                                    const char          *imds_support,
                                    GPtrArray           *tag_specifications,
                                    gboolean             dry_run,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  AmQueryParams *params;
  Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (name != NULL);

  params = params_new ("RegisterImage");
  am_query_params_add (params, "Name", name);
  if (image_location != NULL)
    am_query_params_add (params, "ImageLocation", image_location);
  if (description != NULL)
    am_query_params_add (params, "Description", description);
  if (architecture != NULL)
    am_query_params_add (params, "Architecture", architecture);
  if (root_device_name != NULL)
    am_query_params_add (params, "RootDeviceName", root_device_name);
  add_block_devices (params, "BlockDeviceMapping", block_devices);
  if (virtualization_type != NULL)
    am_query_params_add (params, "VirtualizationType", virtualization_type);
  if (boot_mode != NULL)
    am_query_params_add (params, "BootMode", boot_mode);
  if (ena_support)
    am_query_params_add_boolean (params, "EnaSupport", TRUE);
  if (imds_support != NULL)
    am_query_params_add (params, "ImdsSupport", imds_support);
  add_tag_specifications (params, "TagSpecification", tag_specifications);

  call = call_new (RESULT_VALUE, g_strdup_printf ("Could not register the image “%s”", name));
  call->element = "imageId";
  call_set_recover (call, RECOVER_IMAGE, "RegisterImage", name, NULL);
  start_call (self, params, call, dry_run, am_ec2_client_register_image_async,
              cancellable, callback, user_data);
}

gboolean
am_ec2_client_register_image_finish (AmEc2Client   *self,
                                     GAsyncResult  *result,
                                     char         **image_id,
                                     gboolean      *dry_run_ok,
                                     GError       **error)
{
  return finish_new_image (self, result, am_ec2_client_register_image_async,
                           image_id, dry_run_ok, error);
}

static const char * const snapshot_results_path[] = { "deleteSnapshotResultSet", NULL };

void
am_ec2_client_deregister_image_async (AmEc2Client         *self,
                                      const char          *image_id,
                                      gboolean             delete_associated_snapshots,
                                      gboolean             dry_run,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  AmQueryParams *params;
  Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL);

  params = params_new ("DeregisterImage");
  am_query_params_add (params, "ImageId", image_id);
  if (delete_associated_snapshots)
    am_query_params_add_boolean (params, "DeleteAssociatedSnapshots", TRUE);
  call = call_new (RESULT_RETURN, g_strdup_printf ("Could not deregister %s", image_id));
  call->info = _am_snapshot_deletion_get_model_info ();
  call->path = snapshot_results_path;
  start_call (self, params, call, dry_run, am_ec2_client_deregister_image_async,
              cancellable, callback, user_data);
}

gboolean
am_ec2_client_deregister_image_finish (AmEc2Client   *self,
                                       GAsyncResult  *result,
                                       gboolean      *dry_run_ok,
                                       GError       **error)
{
  return am_ec2_client_deregister_image_finish_full (self, result, NULL, dry_run_ok, error);
}

gboolean
am_ec2_client_deregister_image_finish_full (AmEc2Client   *self,
                                            GAsyncResult  *result,
                                            GPtrArray    **snapshot_results,
                                            gboolean      *dry_run_ok,
                                            GError       **error)
{
  Call *call = finish_call (self, result, am_ec2_client_deregister_image_async, dry_run_ok, error);

  if (snapshot_results != NULL)
    *snapshot_results = NULL;
  if (call == NULL)
    return FALSE;
  if (snapshot_results != NULL)
    *snapshot_results = call->value != NULL ? steal_value (call)
                                            : g_ptr_array_new_with_free_func (g_object_unref);
  return TRUE;
}

void
am_ec2_client_copy_image_async (AmEc2Client         *self,
                                AmCopyImageRequest  *request,
                                gboolean             dry_run,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  AmQueryParams *params;
  Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (request != NULL);
  g_return_if_fail (request->source_image_id != NULL && request->source_region != NULL);
  g_return_if_fail (request->name != NULL);

  params = params_new ("CopyImage");
  am_query_params_add (params, "SourceImageId", request->source_image_id);
  am_query_params_add (params, "SourceRegion", request->source_region);
  am_query_params_add (params, "Name", request->name);
  if (request->description != NULL)
    am_query_params_add (params, "Description", request->description);
  if (request->encrypted)
    am_query_params_add_boolean (params, "Encrypted", TRUE);
  if (request->kms_key_id != NULL)
    am_query_params_add (params, "KmsKeyId", request->kms_key_id);
  if (request->copy_image_tags)
    am_query_params_add_boolean (params, "CopyImageTags", TRUE);
  add_tag_specifications (params, "TagSpecification", request->tag_specifications);
  am_query_params_add (params, "ClientToken", am_copy_image_request_ensure_client_token (request));

  call = call_new (RESULT_VALUE, g_strdup_printf ("Could not copy %s from %s to %s",
                                                  request->source_image_id, request->source_region,
                                                  am_ec2_client_get_region (self)));
  call->element = "imageId";
  start_call (self, params, call, dry_run, am_ec2_client_copy_image_async,
              cancellable, callback, user_data);
}

gboolean
am_ec2_client_copy_image_finish (AmEc2Client   *self,
                                 GAsyncResult  *result,
                                 char         **image_id,
                                 gboolean      *dry_run_ok,
                                 GError       **error)
{
  return finish_new_image (self, result, am_ec2_client_copy_image_async,
                           image_id, dry_run_ok, error);
}

void
am_ec2_client_describe_image_attribute_async (AmEc2Client         *self,
                                              const char          *image_id,
                                              const char          *attribute,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  AmQueryParams *params;
  Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL && attribute != NULL);

  params = params_new ("DescribeImageAttribute");
  am_query_params_add (params, "ImageId", image_id);
  am_query_params_add (params, "Attribute", attribute);
  call = call_new (RESULT_OBJECT, g_strdup_printf ("Could not read the %s of %s", attribute, image_id));
  call->info = _am_image_attribute_get_model_info ();
  start_call (self, params, call, FALSE, am_ec2_client_describe_image_attribute_async,
              cancellable, callback, user_data);
}

AmImageAttribute *
am_ec2_client_describe_image_attribute_finish (AmEc2Client   *self,
                                               GAsyncResult  *result,
                                               GError       **error)
{
  Call *call = finish_call (self, result, am_ec2_client_describe_image_attribute_async, NULL, error);

  return call != NULL ? steal_value (call) : NULL;
}

void
am_ec2_client_modify_launch_permission_async (AmEc2Client                 *self,
                                              const char                  *image_id,
                                              AmLaunchPermissionOperation  operation,
                                              const char * const          *user_ids,
                                              gboolean                     group_all,
                                              const char * const          *organization_arns,
                                              const char * const          *organizational_unit_arns,
                                              gboolean                     dry_run,
                                              GCancellable                *cancellable,
                                              GAsyncReadyCallback          callback,
                                              gpointer                     user_data)
{
  const char *side = operation == AM_LAUNCH_PERMISSION_ADD ? "Add" : "Remove";
  AmQueryParams *params;
  guint n = 0;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL);

  params = params_new ("ModifyImageAttribute");
  am_query_params_add (params, "ImageId", image_id);
  for (guint i = 0; user_ids != NULL && user_ids[i] != NULL; i++)
    am_query_params_add_at (params, user_ids[i], "LaunchPermission.%s.%u.UserId", side, ++n);
  if (group_all)
    am_query_params_add_at (params, "all", "LaunchPermission.%s.%u.Group", side, ++n);
  for (guint i = 0; organization_arns != NULL && organization_arns[i] != NULL; i++)
    am_query_params_add_at (params, organization_arns[i], "LaunchPermission.%s.%u.OrganizationArn", side, ++n);
  for (guint i = 0; organizational_unit_arns != NULL && organizational_unit_arns[i] != NULL; i++)
    am_query_params_add_at (params, organizational_unit_arns[i],
                            "LaunchPermission.%s.%u.OrganizationalUnitArn", side, ++n);
  start_call (self, params,
              call_new (RESULT_RETURN, g_strdup_printf ("Could not change who may launch %s", image_id)),
              dry_run, am_ec2_client_modify_launch_permission_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_modify_launch_permission_finish (AmEc2Client   *self,
                                               GAsyncResult  *result,
                                               gboolean      *dry_run_ok,
                                               GError       **error)
{
  return finish_simple (self, result, am_ec2_client_modify_launch_permission_async, dry_run_ok, error);
}

void
am_ec2_client_modify_image_description_async (AmEc2Client         *self,
                                              const char          *image_id,
                                              const char          *description,
                                              gboolean             dry_run,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL && description != NULL);

  params = params_new ("ModifyImageAttribute");
  am_query_params_add (params, "ImageId", image_id);
  am_query_params_add (params, "Description.Value", description);
  start_call (self, params,
              call_new (RESULT_RETURN, g_strdup_printf ("Could not change the description of %s", image_id)),
              dry_run, am_ec2_client_modify_image_description_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_modify_image_description_finish (AmEc2Client   *self,
                                               GAsyncResult  *result,
                                               gboolean      *dry_run_ok,
                                               GError       **error)
{
  return finish_simple (self, result, am_ec2_client_modify_image_description_async, dry_run_ok, error);
}

void
am_ec2_client_require_imdsv2_async (AmEc2Client         *self,
                                    const char          *image_id,
                                    gboolean             dry_run,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL);

  params = params_new ("ModifyImageAttribute");
  am_query_params_add (params, "ImageId", image_id);
  am_query_params_add (params, "ImdsSupport.Value", "v2.0");
  start_call (self, params,
              call_new (RESULT_RETURN, g_strdup_printf ("Could not make %s require IMDSv2", image_id)),
              dry_run, am_ec2_client_require_imdsv2_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_require_imdsv2_finish (AmEc2Client   *self,
                                     GAsyncResult  *result,
                                     gboolean      *dry_run_ok,
                                     GError       **error)
{
  return finish_simple (self, result, am_ec2_client_require_imdsv2_async, dry_run_ok, error);
}

void
am_ec2_client_reset_image_attribute_async (AmEc2Client         *self,
                                           const char          *image_id,
                                           const char          *attribute,
                                           gboolean             dry_run,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL && attribute != NULL);

  params = params_new ("ResetImageAttribute");
  am_query_params_add (params, "ImageId", image_id);
  am_query_params_add (params, "Attribute", attribute);
  start_call (self, params,
              call_new (RESULT_RETURN, g_strdup_printf ("Could not reset the %s of %s", attribute, image_id)),
              dry_run, am_ec2_client_reset_image_attribute_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_reset_image_attribute_finish (AmEc2Client   *self,
                                            GAsyncResult  *result,
                                            gboolean      *dry_run_ok,
                                            GError       **error)
{
  return finish_simple (self, result, am_ec2_client_reset_image_attribute_async, dry_run_ok, error);
}

static AmQueryParams *
tags_params (const char         *action,
             const char * const *resource_ids,
             const char * const *keys,
             const char * const *values)
{
  AmQueryParams *params = params_new (action);

  add_list (params, "ResourceId", resource_ids);
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      am_query_params_add_at (params, keys[i], "Tag.%u.Key", i + 1);
      if (values != NULL && values[i] != NULL)
        am_query_params_add_at (params, values[i], "Tag.%u.Value", i + 1);
    }
  return params;
}

void
am_ec2_client_create_tags_async (AmEc2Client         *self,
                                 const char * const  *resource_ids,
                                 const char * const  *keys,
                                 const char * const  *values,
                                 gboolean             dry_run,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *ids = NULL;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (resource_ids != NULL && keys != NULL && values != NULL);
  g_return_if_fail (g_strv_length ((char **) keys) == g_strv_length ((char **) values));

  ids = join_ids (resource_ids);
  start_call (self, tags_params ("CreateTags", resource_ids, keys, values),
              call_new (RESULT_RETURN, g_strdup_printf ("Could not tag %s", ids)),
              dry_run, am_ec2_client_create_tags_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_create_tags_finish (AmEc2Client   *self,
                                  GAsyncResult  *result,
                                  gboolean      *dry_run_ok,
                                  GError       **error)
{
  return finish_simple (self, result, am_ec2_client_create_tags_async, dry_run_ok, error);
}

void
am_ec2_client_delete_tags_async (AmEc2Client         *self,
                                 const char * const  *resource_ids,
                                 const char * const  *keys,
                                 const char * const  *values,
                                 gboolean             dry_run,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *ids = NULL;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (resource_ids != NULL && keys != NULL);

  ids = join_ids (resource_ids);
  start_call (self, tags_params ("DeleteTags", resource_ids, keys, values),
              call_new (RESULT_RETURN, g_strdup_printf ("Could not remove tags from %s", ids)),
              dry_run, am_ec2_client_delete_tags_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_delete_tags_finish (AmEc2Client   *self,
                                  GAsyncResult  *result,
                                  gboolean      *dry_run_ok,
                                  GError       **error)
{
  return finish_simple (self, result, am_ec2_client_delete_tags_async, dry_run_ok, error);
}

void
am_ec2_client_enable_image_deprecation_async (AmEc2Client         *self,
                                              const char          *image_id,
                                              GDateTime           *deprecate_at,
                                              gboolean             dry_run,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autofree char *when = NULL;
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL && deprecate_at != NULL);

  utc = g_date_time_to_utc (deprecate_at);
  when = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.000Z");
  params = params_new ("EnableImageDeprecation");
  am_query_params_add (params, "ImageId", image_id);
  am_query_params_add (params, "DeprecateAt", when);
  start_call (self, params,
              call_new (RESULT_RETURN, g_strdup_printf ("Could not schedule the deprecation of %s", image_id)),
              dry_run, am_ec2_client_enable_image_deprecation_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_enable_image_deprecation_finish (AmEc2Client   *self,
                                               GAsyncResult  *result,
                                               gboolean      *dry_run_ok,
                                               GError       **error)
{
  return finish_simple (self, result, am_ec2_client_enable_image_deprecation_async, dry_run_ok, error);
}

static void
image_id_call (AmEc2Client         *self,
               const char          *action,
               const char          *image_id,
               char                *what,
               gboolean             dry_run,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  AmQueryParams *params = params_new (action);

  am_query_params_add (params, "ImageId", image_id);
  start_call (self, params, call_new (RESULT_RETURN, what), dry_run, source_tag,
              cancellable, callback, user_data);
}

void
am_ec2_client_disable_image_deprecation_async (AmEc2Client         *self,
                                               const char          *image_id,
                                               gboolean             dry_run,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL);

  image_id_call (self, "DisableImageDeprecation", image_id,
                 g_strdup_printf ("Could not cancel the deprecation of %s", image_id),
                 dry_run, am_ec2_client_disable_image_deprecation_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_disable_image_deprecation_finish (AmEc2Client   *self,
                                                GAsyncResult  *result,
                                                gboolean      *dry_run_ok,
                                                GError       **error)
{
  return finish_simple (self, result, am_ec2_client_disable_image_deprecation_async, dry_run_ok, error);
}

void
am_ec2_client_enable_deregistration_protection_async (AmEc2Client         *self,
                                                      const char          *image_id,
                                                      gboolean             with_cooldown,
                                                      gboolean             dry_run,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL);

  params = params_new ("EnableImageDeregistrationProtection");
  am_query_params_add (params, "ImageId", image_id);
  if (with_cooldown)
    am_query_params_add_boolean (params, "WithCooldown", TRUE);
  start_call (self, params,
              call_new (RESULT_RETURN, g_strdup_printf ("Could not protect %s from deregistration", image_id)),
              dry_run, am_ec2_client_enable_deregistration_protection_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_enable_deregistration_protection_finish (AmEc2Client   *self,
                                                       GAsyncResult  *result,
                                                       gboolean      *dry_run_ok,
                                                       GError       **error)
{
  return finish_simple (self, result, am_ec2_client_enable_deregistration_protection_async, dry_run_ok, error);
}

void
am_ec2_client_disable_deregistration_protection_async (AmEc2Client         *self,
                                                       const char          *image_id,
                                                       gboolean             dry_run,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data)
{
  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL);

  image_id_call (self, "DisableImageDeregistrationProtection", image_id,
                 g_strdup_printf ("Could not remove the deregistration protection of %s", image_id),
                 dry_run, am_ec2_client_disable_deregistration_protection_async,
                 cancellable, callback, user_data);
}

gboolean
am_ec2_client_disable_deregistration_protection_finish (AmEc2Client   *self,
                                                        GAsyncResult  *result,
                                                        gboolean      *dry_run_ok,
                                                        GError       **error)
{
  return finish_simple (self, result, am_ec2_client_disable_deregistration_protection_async, dry_run_ok, error);
}

/* --- instances ----------------------------------------------------------------------------- */

static const char * const instances_path[] = { "reservationSet", "item", "instancesSet", NULL };
static const char * const run_instances_path[] = { "instancesSet", NULL };
static const char * const state_changes_path[] = { "instancesSet", NULL };

/* Describe calls that walk every page: the common part. */
static void
describe_all (AmEc2Client         *self,
              AmQueryParams       *params,
              const AmModelInfo   *info,
              const char * const  *path,
              char                *what,
              gpointer             source_tag,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  Call *call = call_new (RESULT_LIST_ALL, what);

  call->info = info;
  call->path = path;
  start_call (self, params, call, FALSE, source_tag, cancellable, callback, user_data);
}

void
am_ec2_client_describe_instances_async (AmEc2Client         *self,
                                        const char * const  *instance_ids,
                                        GPtrArray           *filters,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  params = params_new ("DescribeInstances");
  add_list (params, "InstanceId", instance_ids);
  add_filters (params, filters);
  /* EC2 refuses MaxResults together with instance ids. */
  if (instance_ids == NULL || instance_ids[0] == NULL)
    am_query_params_add_int (params, "MaxResults", 1000);
  describe_all (self, params, _am_instance_get_model_info (), instances_path,
                g_strdup ("Could not list instances"), am_ec2_client_describe_instances_async,
                cancellable, callback, user_data);
}

GPtrArray *
am_ec2_client_describe_instances_finish (AmEc2Client   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return finish_list (self, result, am_ec2_client_describe_instances_async, error);
}

void
am_ec2_client_run_instances_async (AmEc2Client           *self,
                                   AmRunInstancesRequest *request,
                                   gboolean               dry_run,
                                   GCancellable          *cancellable,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data)
{
  AmQueryParams *params;
  Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (request != NULL && request->image_id != NULL);

  params = params_new ("RunInstances");
  add_launch_fields (params, "", request, FALSE);
  am_query_params_add (params, "ClientToken", am_run_instances_request_ensure_client_token (request));
  call = call_new (RESULT_LIST, g_strdup_printf ("Could not launch instances of %s", request->image_id));
  call->info = _am_instance_get_model_info ();
  call->path = run_instances_path;
  start_call (self, params, call, dry_run, am_ec2_client_run_instances_async,
              cancellable, callback, user_data);
}

gboolean
am_ec2_client_run_instances_finish (AmEc2Client   *self,
                                    GAsyncResult  *result,
                                    GPtrArray    **instances,
                                    gboolean      *dry_run_ok,
                                    GError       **error)
{
  return finish_value (self, result, am_ec2_client_run_instances_async,
                       (gpointer *) instances, dry_run_ok, error);
}

static void
change_instances (AmEc2Client         *self,
                  const char          *action,
                  const char * const  *instance_ids,
                  gboolean             force,
                  const char          *verb,
                  gboolean             dry_run,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  AmQueryParams *params = params_new (action);
  g_autofree char *ids = join_ids (instance_ids);
  Call *call;

  add_list (params, "InstanceId", instance_ids);
  if (force)
    am_query_params_add_boolean (params, "Force", TRUE);
  call = call_new (RESULT_LIST, g_strdup_printf ("Could not %s %s", verb, ids));
  call->info = _am_instance_state_change_get_model_info ();
  call->path = state_changes_path;
  start_call (self, params, call, dry_run, am_ec2_client_change_instances_finish,
              cancellable, callback, user_data);
}

void
am_ec2_client_start_instances_async (AmEc2Client         *self,
                                     const char * const  *instance_ids,
                                     gboolean             dry_run,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (instance_ids != NULL && instance_ids[0] != NULL);

  change_instances (self, "StartInstances", instance_ids, FALSE, "start", dry_run,
                    cancellable, callback, user_data);
}

void
am_ec2_client_stop_instances_async (AmEc2Client         *self,
                                    const char * const  *instance_ids,
                                    gboolean             force,
                                    gboolean             dry_run,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (instance_ids != NULL && instance_ids[0] != NULL);

  change_instances (self, "StopInstances", instance_ids, force, "stop", dry_run,
                    cancellable, callback, user_data);
}

void
am_ec2_client_terminate_instances_async (AmEc2Client         *self,
                                         const char * const  *instance_ids,
                                         gboolean             dry_run,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (instance_ids != NULL && instance_ids[0] != NULL);

  change_instances (self, "TerminateInstances", instance_ids, FALSE, "terminate", dry_run,
                    cancellable, callback, user_data);
}

gboolean
am_ec2_client_change_instances_finish (AmEc2Client   *self,
                                       GAsyncResult  *result,
                                       GPtrArray    **changes,
                                       gboolean      *dry_run_ok,
                                       GError       **error)
{
  return finish_value (self, result, am_ec2_client_change_instances_finish,
                       (gpointer *) changes, dry_run_ok, error);
}

void
am_ec2_client_reboot_instances_async (AmEc2Client         *self,
                                      const char * const  *instance_ids,
                                      gboolean             dry_run,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  AmQueryParams *params;
  g_autofree char *ids = NULL;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (instance_ids != NULL && instance_ids[0] != NULL);

  ids = join_ids (instance_ids);
  params = params_new ("RebootInstances");
  add_list (params, "InstanceId", instance_ids);
  start_call (self, params, call_new (RESULT_RETURN, g_strdup_printf ("Could not reboot %s", ids)),
              dry_run, am_ec2_client_reboot_instances_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_reboot_instances_finish (AmEc2Client   *self,
                                       GAsyncResult  *result,
                                       gboolean      *dry_run_ok,
                                       GError       **error)
{
  return finish_simple (self, result, am_ec2_client_reboot_instances_async, dry_run_ok, error);
}

/* --- launch wizard lookups -------------------------------------------------------------- */

static const char * const instance_types_path[] = { "instanceTypeSet", NULL };
static const char * const vpcs_path[] = { "vpcSet", NULL };
static const char * const subnets_path[] = { "subnetSet", NULL };
static const char * const zones_path[] = { "availabilityZoneInfo", NULL };
static const char * const regions_path[] = { "regionInfo", NULL };
static const char * const snapshots_path[] = { "snapshotSet", NULL };
static const char * const launch_template_path[] = { "launchTemplate", NULL };

void
am_ec2_client_describe_instance_types_async (AmEc2Client         *self,
                                             const char * const  *instance_types,
                                             GPtrArray           *filters,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  params = params_new ("DescribeInstanceTypes");
  add_list (params, "InstanceType", instance_types);
  add_filters (params, filters);
  am_query_params_add_int (params, "MaxResults", 100);
  describe_all (self, params, _am_instance_type_get_model_info (), instance_types_path,
                g_strdup ("Could not list instance types"),
                am_ec2_client_describe_instance_types_async, cancellable, callback, user_data);
}

GPtrArray *
am_ec2_client_describe_instance_types_finish (AmEc2Client   *self,
                                              GAsyncResult  *result,
                                              GError       **error)
{
  return finish_list (self, result, am_ec2_client_describe_instance_types_async, error);
}

void
am_ec2_client_describe_key_pairs_async (AmEc2Client         *self,
                                        const char * const  *key_names,
                                        GPtrArray           *filters,
                                        gboolean             include_public_key,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  AmQueryParams *params;
  Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  params = params_new ("DescribeKeyPairs");
  add_list (params, "KeyName", key_names);
  add_filters (params, filters);
  if (include_public_key)
    am_query_params_add_boolean (params, "IncludePublicKey", TRUE);
  call = call_new (RESULT_LIST, g_strdup ("Could not list key pairs"));
  call->info = _am_key_pair_get_model_info ();
  call->path = key_pairs_path;
  start_call (self, params, call, FALSE, am_ec2_client_describe_key_pairs_async,
              cancellable, callback, user_data);
}

GPtrArray *
am_ec2_client_describe_key_pairs_finish (AmEc2Client   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return finish_list (self, result, am_ec2_client_describe_key_pairs_async, error);
}

void
am_ec2_client_create_key_pair_async (AmEc2Client         *self,
                                     const char          *key_name,
                                     const char          *key_type,
                                     const char          *key_format,
                                     gboolean             dry_run,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  AmQueryParams *params;
  Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (key_name != NULL);

  params = params_new ("CreateKeyPair");
  am_query_params_add (params, "KeyName", key_name);
  if (key_type != NULL)
    am_query_params_add (params, "KeyType", key_type);
  if (key_format != NULL)
    am_query_params_add (params, "KeyFormat", key_format);
  call = call_new (RESULT_OBJECT, g_strdup_printf ("Could not create the key pair “%s”", key_name));
  call->info = _am_key_pair_get_model_info ();
  call_set_recover (call, RECOVER_KEY_PAIR, "CreateKeyPair", key_name, NULL);
  start_call (self, params, call, dry_run, am_ec2_client_create_key_pair_async,
              cancellable, callback, user_data);
}

gboolean
am_ec2_client_create_key_pair_finish (AmEc2Client   *self,
                                      GAsyncResult  *result,
                                      AmKeyPair    **key_pair,
                                      gboolean      *dry_run_ok,
                                      GError       **error)
{
  return finish_value (self, result, am_ec2_client_create_key_pair_async,
                       (gpointer *) key_pair, dry_run_ok, error);
}

void
am_ec2_client_delete_key_pair_async (AmEc2Client         *self,
                                     const char          *key_name,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (key_name != NULL);

  params = params_new ("DeleteKeyPair");
  am_query_params_add (params, "KeyName", key_name);
  start_call (self, params,
              call_new (RESULT_RETURN, g_strdup_printf ("Could not delete the key pair “%s”", key_name)),
              FALSE, am_ec2_client_delete_key_pair_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_delete_key_pair_finish (AmEc2Client   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return finish_simple (self, result, am_ec2_client_delete_key_pair_async, NULL, error);
}

void
am_ec2_client_describe_vpcs_async (AmEc2Client         *self,
                                   const char * const  *vpc_ids,
                                   GPtrArray           *filters,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  params = params_new ("DescribeVpcs");
  add_list (params, "VpcId", vpc_ids);
  add_filters (params, filters);
  describe_all (self, params, _am_vpc_get_model_info (), vpcs_path, g_strdup ("Could not list VPCs"),
                am_ec2_client_describe_vpcs_async, cancellable, callback, user_data);
}

GPtrArray *
am_ec2_client_describe_vpcs_finish (AmEc2Client   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return finish_list (self, result, am_ec2_client_describe_vpcs_async, error);
}

void
am_ec2_client_describe_subnets_async (AmEc2Client         *self,
                                      const char * const  *subnet_ids,
                                      GPtrArray           *filters,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  params = params_new ("DescribeSubnets");
  add_list (params, "SubnetId", subnet_ids);
  add_filters (params, filters);
  describe_all (self, params, _am_subnet_get_model_info (), subnets_path,
                g_strdup ("Could not list subnets"), am_ec2_client_describe_subnets_async,
                cancellable, callback, user_data);
}

GPtrArray *
am_ec2_client_describe_subnets_finish (AmEc2Client   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return finish_list (self, result, am_ec2_client_describe_subnets_async, error);
}

void
am_ec2_client_describe_security_groups_async (AmEc2Client         *self,
                                              const char * const  *group_ids,
                                              GPtrArray           *filters,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  params = params_new ("DescribeSecurityGroups");
  add_list (params, "GroupId", group_ids);
  add_filters (params, filters);
  describe_all (self, params, _am_security_group_get_model_info (), security_groups_path,
                g_strdup ("Could not list security groups"),
                am_ec2_client_describe_security_groups_async, cancellable, callback, user_data);
}

GPtrArray *
am_ec2_client_describe_security_groups_finish (AmEc2Client   *self,
                                               GAsyncResult  *result,
                                               GError       **error)
{
  return finish_list (self, result, am_ec2_client_describe_security_groups_async, error);
}

void
am_ec2_client_create_security_group_async (AmEc2Client         *self,
                                           const char          *group_name,
                                           const char          *description,
                                           const char          *vpc_id,
                                           gboolean             dry_run,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  AmQueryParams *params;
  Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (group_name != NULL && description != NULL);

  params = params_new ("CreateSecurityGroup");
  am_query_params_add (params, "GroupName", group_name);
  am_query_params_add (params, "GroupDescription", description);
  if (vpc_id != NULL)
    am_query_params_add (params, "VpcId", vpc_id);
  call = call_new (RESULT_VALUE, g_strdup_printf ("Could not create the security group “%s”", group_name));
  call->element = "groupId";
  call_set_recover (call, RECOVER_SECURITY_GROUP, "CreateSecurityGroup", group_name, vpc_id);
  start_call (self, params, call, dry_run, am_ec2_client_create_security_group_async,
              cancellable, callback, user_data);
}

gboolean
am_ec2_client_create_security_group_finish (AmEc2Client   *self,
                                            GAsyncResult  *result,
                                            char         **group_id,
                                            gboolean      *dry_run_ok,
                                            GError       **error)
{
  return finish_value (self, result, am_ec2_client_create_security_group_async,
                       (gpointer *) group_id, dry_run_ok, error);
}

void
am_ec2_client_authorize_ingress_async (AmEc2Client         *self,
                                       const char          *group_id,
                                       const char          *protocol,
                                       int                  from_port,
                                       int                  to_port,
                                       const char          *cidr,
                                       const char          *description,
                                       gboolean             dry_run,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (group_id != NULL && protocol != NULL && cidr != NULL);

  params = params_new ("AuthorizeSecurityGroupIngress");
  am_query_params_add (params, "GroupId", group_id);
  am_query_params_add (params, "IpPermissions.1.IpProtocol", protocol);
  am_query_params_add_int (params, "IpPermissions.1.FromPort", from_port);
  am_query_params_add_int (params, "IpPermissions.1.ToPort", to_port);
  am_query_params_add (params, "IpPermissions.1.IpRanges.1.CidrIp", cidr);
  if (description != NULL)
    am_query_params_add (params, "IpPermissions.1.IpRanges.1.Description", description);
  start_call (self, params,
              call_new (RESULT_RETURN, g_strdup_printf ("Could not open %s port %d–%d to %s in %s",
                                                        protocol, from_port, to_port, cidr, group_id)),
              dry_run, am_ec2_client_authorize_ingress_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_authorize_ingress_finish (AmEc2Client   *self,
                                        GAsyncResult  *result,
                                        gboolean      *dry_run_ok,
                                        GError       **error)
{
  return finish_simple (self, result, am_ec2_client_authorize_ingress_async, dry_run_ok, error);
}

void
am_ec2_client_describe_availability_zones_async (AmEc2Client         *self,
                                                 const char * const  *zone_names,
                                                 gboolean             all_zones,
                                                 GPtrArray           *filters,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  AmQueryParams *params;
  Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  params = params_new ("DescribeAvailabilityZones");
  add_list (params, "ZoneName", zone_names);
  if (all_zones)
    am_query_params_add_boolean (params, "AllAvailabilityZones", TRUE);
  add_filters (params, filters);
  call = call_new (RESULT_LIST, g_strdup ("Could not list Availability Zones"));
  call->info = _am_availability_zone_get_model_info ();
  call->path = zones_path;
  start_call (self, params, call, FALSE, am_ec2_client_describe_availability_zones_async,
              cancellable, callback, user_data);
}

GPtrArray *
am_ec2_client_describe_availability_zones_finish (AmEc2Client   *self,
                                                  GAsyncResult  *result,
                                                  GError       **error)
{
  return finish_list (self, result, am_ec2_client_describe_availability_zones_async, error);
}

void
am_ec2_client_describe_regions_async (AmEc2Client         *self,
                                      gboolean             all_regions,
                                      GPtrArray           *filters,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  AmQueryParams *params;
  Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  params = params_new ("DescribeRegions");
  if (all_regions)
    am_query_params_add_boolean (params, "AllRegions", TRUE);
  add_filters (params, filters);
  call = call_new (RESULT_LIST, g_strdup ("Could not list Regions"));
  call->info = _am_region_get_model_info ();
  call->path = regions_path;
  start_call (self, params, call, FALSE, am_ec2_client_describe_regions_async,
              cancellable, callback, user_data);
}

GPtrArray *
am_ec2_client_describe_regions_finish (AmEc2Client   *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return finish_list (self, result, am_ec2_client_describe_regions_async, error);
}

void
am_ec2_client_create_launch_template_async (AmEc2Client           *self,
                                            const char            *name,
                                            const char            *version_description,
                                            AmRunInstancesRequest *data,
                                            gboolean               dry_run,
                                            GCancellable          *cancellable,
                                            GAsyncReadyCallback    callback,
                                            gpointer               user_data)
{
  AmQueryParams *params;
  Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (name != NULL && data != NULL);

  params = params_new ("CreateLaunchTemplate");
  am_query_params_add (params, "LaunchTemplateName", name);
  if (version_description != NULL)
    am_query_params_add (params, "VersionDescription", version_description);
  add_launch_fields (params, "LaunchTemplateData.", data, TRUE);
  am_query_params_add (params, "ClientToken", am_run_instances_request_ensure_client_token (data));
  call = call_new (RESULT_OBJECT, g_strdup_printf ("Could not create the launch template “%s”", name));
  call->info = _am_launch_template_get_model_info ();
  call->path = launch_template_path;
  start_call (self, params, call, dry_run, am_ec2_client_create_launch_template_async,
              cancellable, callback, user_data);
}

gboolean
am_ec2_client_create_launch_template_finish (AmEc2Client       *self,
                                             GAsyncResult      *result,
                                             AmLaunchTemplate **launch_template,
                                             gboolean          *dry_run_ok,
                                             GError           **error)
{
  return finish_value (self, result, am_ec2_client_create_launch_template_async,
                       (gpointer *) launch_template, dry_run_ok, error);
}

void
am_ec2_client_describe_snapshots_async (AmEc2Client         *self,
                                        const char * const  *snapshot_ids,
                                        const char * const  *owner_ids,
                                        GPtrArray           *filters,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  params = params_new ("DescribeSnapshots");
  add_list (params, "SnapshotId", snapshot_ids);
  add_list (params, "Owner", owner_ids);
  add_filters (params, filters);
  if (snapshot_ids == NULL || snapshot_ids[0] == NULL)
    am_query_params_add_int (params, "MaxResults", 1000);
  describe_all (self, params, _am_snapshot_get_model_info (), snapshots_path,
                g_strdup ("Could not list snapshots"), am_ec2_client_describe_snapshots_async,
                cancellable, callback, user_data);
}

GPtrArray *
am_ec2_client_describe_snapshots_finish (AmEc2Client   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return finish_list (self, result, am_ec2_client_describe_snapshots_async, error);
}

/* --- image lifecycle ----------------------------------------------------------------------- */

static const char * const image_references_path[] = { "imageReferenceSet", NULL };
static const char * const instance_image_metadata_path[] = { "instanceImageMetadataSet", NULL };

void
am_ec2_client_describe_image_references_async (AmEc2Client         *self,
                                               const char * const  *image_ids,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_ids != NULL && image_ids[0] != NULL);

  params = params_new ("DescribeImageReferences");
  add_list (params, "ImageId", image_ids);
  am_query_params_add_boolean (params, "IncludeAllResourceTypes", TRUE);
  am_query_params_add_int (params, "MaxResults", 1000);
  describe_all (self, params, _am_image_reference_get_model_info (), image_references_path,
                g_strdup_printf ("Could not find what uses %s", image_ids[0]),
                am_ec2_client_describe_image_references_async, cancellable, callback, user_data);
}

GPtrArray *
am_ec2_client_describe_image_references_finish (AmEc2Client   *self,
                                                GAsyncResult  *result,
                                                GError       **error)
{
  return finish_list (self, result, am_ec2_client_describe_image_references_async, error);
}

void
am_ec2_client_describe_instance_image_metadata_async (AmEc2Client         *self,
                                                      const char * const  *instance_ids,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  params = params_new ("DescribeInstanceImageMetadata");
  add_list (params, "InstanceId", instance_ids);
  am_query_params_add_int (params, "MaxResults", 1000);
  describe_all (self, params, _am_instance_image_metadata_get_model_info (), instance_image_metadata_path,
                g_strdup ("Could not read the state of the instances' images"),
                am_ec2_client_describe_instance_image_metadata_async, cancellable, callback, user_data);
}

GPtrArray *
am_ec2_client_describe_instance_image_metadata_finish (AmEc2Client   *self,
                                                       GAsyncResult  *result,
                                                       GError       **error)
{
  return finish_list (self, result, am_ec2_client_describe_instance_image_metadata_async, error);
}

void
am_ec2_client_set_image_disabled_async (AmEc2Client         *self,
                                        const char          *image_id,
                                        gboolean             disable,
                                        gboolean             dry_run,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL);

  image_id_call (self, disable ? "DisableImage" : "EnableImage", image_id,
                 g_strdup_printf (disable ? "Could not disable %s" : "Could not enable %s", image_id),
                 dry_run, am_ec2_client_set_image_disabled_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_set_image_disabled_finish (AmEc2Client   *self,
                                         GAsyncResult  *result,
                                         gboolean      *dry_run_ok,
                                         GError       **error)
{
  return finish_simple (self, result, am_ec2_client_set_image_disabled_async, dry_run_ok, error);
}

void
am_ec2_client_create_snapshot_async (AmEc2Client         *self,
                                     const char          *volume_id,
                                     const char          *description,
                                     gboolean             dry_run,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  AmQueryParams *params;
  Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (volume_id != NULL);

  params = params_new ("CreateSnapshot");
  am_query_params_add (params, "VolumeId", volume_id);
  if (description != NULL)
    am_query_params_add (params, "Description", description);
  call = call_new (RESULT_OBJECT, g_strdup_printf ("Could not snapshot %s", volume_id));
  call->info = _am_snapshot_get_model_info ();
  start_call (self, params, call, dry_run, am_ec2_client_create_snapshot_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_create_snapshot_finish (AmEc2Client   *self,
                                      GAsyncResult  *result,
                                      AmSnapshot   **snapshot,
                                      gboolean      *dry_run_ok,
                                      GError       **error)
{
  return finish_value (self, result, am_ec2_client_create_snapshot_async, (gpointer *) snapshot, dry_run_ok,
                       error);
}

void
am_ec2_client_delete_snapshot_async (AmEc2Client         *self,
                                     const char          *snapshot_id,
                                     gboolean             dry_run,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (snapshot_id != NULL);

  params = params_new ("DeleteSnapshot");
  am_query_params_add (params, "SnapshotId", snapshot_id);
  start_call (self, params, call_new (RESULT_RETURN, g_strdup_printf ("Could not delete %s", snapshot_id)),
              dry_run, am_ec2_client_delete_snapshot_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_delete_snapshot_finish (AmEc2Client   *self,
                                      GAsyncResult  *result,
                                      gboolean      *dry_run_ok,
                                      GError       **error)
{
  return finish_simple (self, result, am_ec2_client_delete_snapshot_async, dry_run_ok, error);
}

void
am_ec2_client_restore_image_async (AmEc2Client         *self,
                                   const char          *image_id,
                                   gboolean             dry_run,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL);

  image_id_call (self, "RestoreImageFromRecycleBin", image_id,
                 g_strdup_printf ("Could not restore %s from the Recycle Bin", image_id),
                 dry_run, am_ec2_client_restore_image_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_restore_image_finish (AmEc2Client   *self,
                                    GAsyncResult  *result,
                                    gboolean      *dry_run_ok,
                                    GError       **error)
{
  return finish_simple (self, result, am_ec2_client_restore_image_async, dry_run_ok, error);
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
      g_task_return_error (task, _am_ec2_error_with_context (error, "Could not look up the latest image"));
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
  g_autoptr (GTask) task = NULL;
  GError *error = NULL;
  AmJsonClient *ssm;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (parameter_name != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_ec2_client_get_latest_image_id_async);
  g_task_set_task_data (task, g_strdup (parameter_name), g_free);
  ssm = ensure_ssm (self, &error);
  if (ssm == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  am_ssm_get_parameter_async (ssm, parameter_name, cancellable, on_latest_image_id,
                              g_steal_pointer (&task));
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
  GPtrArray *parameters = am_ssm_get_parameters_by_path_finish (AM_JSON_CLIENT (source), result, &error);

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
  g_autoptr (GTask) task = NULL;
  GError *error = NULL;
  AmJsonClient *ssm;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_ec2_client_list_latest_images_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  ssm = ensure_ssm (self, &error);
  if (ssm == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  am_ssm_get_parameters_by_path_async (ssm, path, TRUE, cancellable, on_latest_images,
                                       g_steal_pointer (&task));
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

/* --- termination protection ---------------------------------------------------------------- */

void
am_ec2_client_modify_instance_termination_protection_async (AmEc2Client         *self,
                                                            const char          *instance_id,
                                                            gboolean             protect,
                                                            gboolean             dry_run,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (instance_id != NULL);

  params = params_new ("ModifyInstanceAttribute");
  am_query_params_add (params, "InstanceId", instance_id);
  am_query_params_add_boolean (params, "DisableApiTermination.Value", protect);
  start_call (self, params,
              call_new (RESULT_RETURN, protect ? g_strdup_printf ("Could not turn on termination protection of %s", instance_id)
                                               : g_strdup_printf ("Could not turn off termination protection of %s", instance_id)),
              dry_run, am_ec2_client_modify_instance_termination_protection_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_modify_instance_termination_protection_finish (AmEc2Client   *self,
                                                             GAsyncResult  *result,
                                                             gboolean      *dry_run_ok,
                                                             GError       **error)
{
  return finish_simple (self, result, am_ec2_client_modify_instance_termination_protection_async, dry_run_ok, error);
}

void
am_ec2_client_describe_instance_termination_protection_async (AmEc2Client         *self,
                                                              const char          *instance_id,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data)
{
  AmQueryParams *params;
  Call *call;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (instance_id != NULL);

  params = params_new ("DescribeInstanceAttribute");
  am_query_params_add (params, "InstanceId", instance_id);
  am_query_params_add (params, "Attribute", "disableApiTermination");
  call = call_new (RESULT_VALUE, g_strdup_printf ("Could not read whether %s is protected from termination", instance_id));
  /* <disableApiTermination><value>true</value></disableApiTermination> */
  call->element = "disableApiTermination/value";
  start_call (self, params, call, FALSE, am_ec2_client_describe_instance_termination_protection_async,
              cancellable, callback, user_data);
}

gboolean
am_ec2_client_describe_instance_termination_protection_finish (AmEc2Client   *self,
                                                               GAsyncResult  *result,
                                                               gboolean      *protected_out,
                                                               GError       **error)
{
  g_autofree char *value = NULL;

  if (!finish_value (self, result, am_ec2_client_describe_instance_termination_protection_async,
                     (gpointer *) &value, NULL, error))
    return FALSE;
  if (protected_out != NULL)
    *protected_out = g_strcmp0 (g_strstrip (value), "true") == 0;
  return TRUE;
}
