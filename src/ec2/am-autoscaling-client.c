/* am-autoscaling-client.c: typed asynchronous Auto Scaling operations (Query API 2011-01-01)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-autoscaling-client"

#include "config.h"

#include <string.h>

#include "am-autoscaling-client.h"
#include "am-aws-error.h"
#include "am-ec2-client-private.h"
#include "am-endpoint.h"

#define AUTOSCALING_VERSION "2011-01-01"

struct _AmAutoScalingClient
{
  GObject parent_instance;

  /* owned references */
  AmQueryClient *query;
};

G_DEFINE_FINAL_TYPE (AmAutoScalingClient, am_autoscaling_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_QUERY_CLIENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
am_autoscaling_client_dispose (GObject *object)
{
  AmAutoScalingClient *self = AM_AUTOSCALING_CLIENT (object);

  g_clear_object (&self->query);

  G_OBJECT_CLASS (am_autoscaling_client_parent_class)->dispose (object);
}

static void
am_autoscaling_client_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AmAutoScalingClient *self = AM_AUTOSCALING_CLIENT (object);

  switch (prop_id)
    {
    case PROP_QUERY_CLIENT:
      g_value_set_object (value, self->query);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_autoscaling_client_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AmAutoScalingClient *self = AM_AUTOSCALING_CLIENT (object);

  switch (prop_id)
    {
    case PROP_QUERY_CLIENT:
      self->query = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_autoscaling_client_class_init (AmAutoScalingClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_autoscaling_client_dispose;
  object_class->get_property = am_autoscaling_client_get_property;
  object_class->set_property = am_autoscaling_client_set_property;

  properties[PROP_QUERY_CLIENT] =
    g_param_spec_object ("query-client", NULL, NULL, AM_TYPE_QUERY_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
am_autoscaling_client_init (AmAutoScalingClient *self)
{
}

AmAutoScalingClient *
am_autoscaling_client_new (AmQueryClient *query_client)
{
  g_return_val_if_fail (AM_IS_QUERY_CLIENT (query_client), NULL);

  return g_object_new (AM_TYPE_AUTOSCALING_CLIENT, "query-client", query_client, NULL);
}

AmAutoScalingClient *
am_autoscaling_client_new_for_ec2_client (AmEc2Client  *ec2,
                                          GError      **error)
{
  g_autoptr (AmQueryClient) query = NULL;

  g_return_val_if_fail (AM_IS_EC2_CLIENT (ec2), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  query = _am_ec2_client_derive_query (ec2, "autoscaling", am_ec2_client_get_region (ec2), error);
  return query != NULL ? am_autoscaling_client_new (query) : NULL;
}

AmQueryClient *
am_autoscaling_client_get_query_client (AmAutoScalingClient *self)
{
  g_return_val_if_fail (AM_IS_AUTOSCALING_CLIENT (self), NULL);

  return self->query;
}

/* --- calls ----------------------------------------------------------------------------- */

typedef struct
{
  char          *what;       /* "Could not create the Auto Scaling group web" */
  AmQueryParams *params;
  GPtrArray     *groups;     /* describe */
  guint          n_pages;
  GHashTable    *seen_tokens;
} Call;

static void
call_free (Call *call)
{
  g_free (call->what);
  g_clear_pointer (&call->params, am_query_params_free);
  g_clear_pointer (&call->groups, g_ptr_array_unref);
  g_clear_pointer (&call->seen_tokens, g_hash_table_unref);
  g_free (call);
}

static void
task_fail (GTask  *task,
           GError *error)
{
  Call *call = g_task_get_task_data (task);

  g_task_return_error (task, _am_ec2_error_with_context (error, call->what));
  g_error_free (error);
}

static GTask *
task_new (AmAutoScalingClient *self,
          AmQueryParams       *params,
          char                *what,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Call *call = g_new0 (Call, 1);

  call->what = what;
  call->params = params;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) call_free);
  return task;
}

static void
on_called (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body = am_query_client_call_finish (AM_QUERY_CLIENT (source), result, &error);

  if (body == NULL)
    {
      task_fail (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* Sends @params; the task (tagged @source_tag) ends when the answer has come. */
static void
send_simple (AmAutoScalingClient *self,
             AmQueryParams       *params,
             char                *what,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask *task = task_new (self, NULL, what, source_tag, cancellable, callback, user_data);

  am_query_client_call_async (self->query, params, cancellable, on_called, task);
}

static gboolean
finish_boolean (AmAutoScalingClient *self,
                GAsyncResult        *result,
                gpointer             source_tag,
                GError             **error)
{
  g_return_val_if_fail (AM_IS_AUTOSCALING_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- CreateAutoScalingGroup ------------------------------------------------------------- */

void
am_autoscaling_client_create_group_async (AmAutoScalingClient                   *self,
                                          const AmCreateAutoScalingGroupRequest *request,
                                          GCancellable                          *cancellable,
                                          GAsyncReadyCallback                    callback,
                                          gpointer                               user_data)
{
  g_autoptr (AmQueryParams) params = NULL;
  g_autofree char *subnets = NULL;

  g_return_if_fail (AM_IS_AUTOSCALING_CLIENT (self));
  g_return_if_fail (request != NULL && request->name != NULL);
  g_return_if_fail ((request->launch_template_id != NULL) != (request->launch_template_name != NULL));
  g_return_if_fail (request->subnet_ids != NULL && request->subnet_ids[0] != NULL);

  params = am_query_params_new ("CreateAutoScalingGroup", AUTOSCALING_VERSION);
  am_query_params_add (params, "AutoScalingGroupName", request->name);
  if (request->launch_template_id != NULL)
    am_query_params_add (params, "LaunchTemplate.LaunchTemplateId", request->launch_template_id);
  else
    am_query_params_add (params, "LaunchTemplate.LaunchTemplateName", request->launch_template_name);
  if (request->launch_template_version != NULL)
    am_query_params_add (params, "LaunchTemplate.Version", request->launch_template_version);
  am_query_params_add_int (params, "MinSize", request->min_size);
  am_query_params_add_int (params, "MaxSize", request->max_size);
  if (request->desired_capacity >= 0)
    am_query_params_add_int (params, "DesiredCapacity", request->desired_capacity);
  subnets = g_strjoinv (",", (char **) request->subnet_ids);
  am_query_params_add (params, "VPCZoneIdentifier", subnets);
  for (guint i = 0; request->tags != NULL && i < request->tags->len; i++)
    {
      AmAutoScalingTag *tag = request->tags->pdata[i];

      am_query_params_add_at (params, tag->key, "Tags.member.%u.Key", i + 1);
      am_query_params_add_at (params, tag->value ? tag->value : "", "Tags.member.%u.Value", i + 1);
      am_query_params_add_at (params, tag->propagate_at_launch ? "true" : "false",
                              "Tags.member.%u.PropagateAtLaunch", i + 1);
    }
  send_simple (self, params,
               g_strdup_printf ("Could not create the Auto Scaling group %s", request->name),
               am_autoscaling_client_create_group_async, cancellable, callback, user_data);
}

gboolean
am_autoscaling_client_create_group_finish (AmAutoScalingClient *self,
                                           GAsyncResult        *result,
                                           GError             **error)
{
  return finish_boolean (self, result, am_autoscaling_client_create_group_async, error);
}

/* --- DescribeAutoScalingGroups ---------------------------------------------------------- */

static void
on_described (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body = am_query_client_call_finish (AM_QUERY_CLIENT (source), result, &error);
  g_autoptr (GPtrArray) groups = NULL;
  g_autofree char *next_token = NULL;
  gsize size;
  const char *data;

  if (body == NULL)
    {
      task_fail (task, g_steal_pointer (&error));
      return;
    }
  data = g_bytes_get_data (body, &size);
  if (!am_auto_scaling_group_parse_describe (data, size, &groups, &next_token, &error))
    {
      task_fail (task, g_steal_pointer (&error));
      return;
    }
  call->n_pages++;
  g_ptr_array_extend_and_steal (call->groups, g_steal_pointer (&groups));
  if (next_token == NULL)
    {
      g_task_return_pointer (task, g_ptr_array_ref (call->groups), (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  if (!am_query_remember_token (&call->seen_tokens, "DescribeAutoScalingGroups", next_token, &error))
    {
      task_fail (task, g_steal_pointer (&error));
      return;
    }
  am_query_params_set (call->params, "NextToken", next_token);
  am_query_client_call_async (AM_QUERY_CLIENT (source), call->params, g_task_get_cancellable (task),
                              on_described, g_object_ref (task));
}

void
am_autoscaling_client_describe_groups_async (AmAutoScalingClient *self,
                                             const char * const  *names,
                                             guint                page_size,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  AmQueryParams *params;
  GTask *task;
  Call *call;

  g_return_if_fail (AM_IS_AUTOSCALING_CLIENT (self));
  g_return_if_fail (page_size <= 100);

  params = am_query_params_new ("DescribeAutoScalingGroups", AUTOSCALING_VERSION);
  if (names != NULL && names[0] != NULL)
    am_query_params_add_list (params, "AutoScalingGroupNames.member", names);
  if (page_size > 0)
    am_query_params_add_int (params, "MaxRecords", page_size);
  task = task_new (self, params, g_strdup ("Could not list the Auto Scaling groups"),
                   am_autoscaling_client_describe_groups_async, cancellable, callback, user_data);
  call = g_task_get_task_data (task);
  call->groups = g_ptr_array_new_with_free_func (g_object_unref);
  am_query_client_call_async (self->query, params, cancellable, on_described, task);
}

GPtrArray *
am_autoscaling_client_describe_groups_finish (AmAutoScalingClient *self,
                                              GAsyncResult        *result,
                                              guint               *n_pages,
                                              GError             **error)
{
  g_return_val_if_fail (AM_IS_AUTOSCALING_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_autoscaling_client_describe_groups_async,
                        NULL);

  if (n_pages != NULL)
    *n_pages = ((Call *) g_task_get_task_data (G_TASK (result)))->n_pages;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- UpdateAutoScalingGroup ------------------------------------------------------------- */

void
am_autoscaling_client_update_group_async (AmAutoScalingClient *self,
                                          const char          *name,
                                          gint                 min_size,
                                          gint                 max_size,
                                          gint                 desired_capacity,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr (AmQueryParams) params = NULL;

  g_return_if_fail (AM_IS_AUTOSCALING_CLIENT (self));
  g_return_if_fail (name != NULL);

  params = am_query_params_new ("UpdateAutoScalingGroup", AUTOSCALING_VERSION);
  am_query_params_add (params, "AutoScalingGroupName", name);
  if (min_size >= 0)
    am_query_params_add_int (params, "MinSize", min_size);
  if (max_size >= 0)
    am_query_params_add_int (params, "MaxSize", max_size);
  if (desired_capacity >= 0)
    am_query_params_add_int (params, "DesiredCapacity", desired_capacity);
  send_simple (self, params, g_strdup_printf ("Could not update the Auto Scaling group %s", name),
               am_autoscaling_client_update_group_async, cancellable, callback, user_data);
}

gboolean
am_autoscaling_client_update_group_finish (AmAutoScalingClient *self,
                                           GAsyncResult        *result,
                                           GError             **error)
{
  return finish_boolean (self, result, am_autoscaling_client_update_group_async, error);
}

/* --- DeleteAutoScalingGroup ------------------------------------------------------------- */

void
am_autoscaling_client_delete_group_async (AmAutoScalingClient *self,
                                          const char          *name,
                                          gboolean             force_delete,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr (AmQueryParams) params = NULL;

  g_return_if_fail (AM_IS_AUTOSCALING_CLIENT (self));
  g_return_if_fail (name != NULL);

  params = am_query_params_new ("DeleteAutoScalingGroup", AUTOSCALING_VERSION);
  am_query_params_add (params, "AutoScalingGroupName", name);
  if (force_delete)
    am_query_params_add_boolean (params, "ForceDelete", TRUE);
  send_simple (self, params, g_strdup_printf ("Could not delete the Auto Scaling group %s", name),
               am_autoscaling_client_delete_group_async, cancellable, callback, user_data);
}

gboolean
am_autoscaling_client_delete_group_finish (AmAutoScalingClient *self,
                                           GAsyncResult        *result,
                                           GError             **error)
{
  return finish_boolean (self, result, am_autoscaling_client_delete_group_async, error);
}
