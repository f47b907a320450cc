/* am-ssm.c: SSM Parameter Store reads (GetParameter, GetParameters, GetParametersByPath)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-ssm"

#include "config.h"

#include <math.h>
#include <string.h>

#include "am-aws-error.h"
#include "am-json-member.h"
#include "am-query-client.h"
#include "am-ssm.h"

#define GET_PARAMETERS_BATCH 10
#define BY_PATH_PAGE_SIZE    10

G_DEFINE_BOXED_TYPE (AmSsmParameter, am_ssm_parameter, am_ssm_parameter_copy, am_ssm_parameter_free)

AmSsmParameter *
am_ssm_parameter_copy (const AmSsmParameter *parameter)
{
  AmSsmParameter *copy;

  g_return_val_if_fail (parameter != NULL, NULL);

  copy = g_new0 (AmSsmParameter, 1);
  copy->name = g_strdup (parameter->name);
  copy->value = g_strdup (parameter->value);
  copy->type = g_strdup (parameter->type);
  copy->version = parameter->version;
  copy->last_modified = parameter->last_modified != NULL
                          ? g_date_time_ref (parameter->last_modified) : NULL;
  copy->arn = g_strdup (parameter->arn);
  copy->data_type = g_strdup (parameter->data_type);
  return copy;
}

void
am_ssm_parameter_free (AmSsmParameter *parameter)
{
  if (parameter == NULL)
    return;
  g_free (parameter->name);
  g_free (parameter->value);
  g_free (parameter->type);
  g_clear_pointer (&parameter->last_modified, g_date_time_unref);
  g_free (parameter->arn);
  g_free (parameter->data_type);
  g_free (parameter);
}



AmSsmParameter *
am_ssm_parameter_new_from_json (JsonObject  *object,
                                GError     **error)
{
  AmSsmParameter *parameter;
  const char *name;
  const char *value;
  gdouble number;

  g_return_val_if_fail (object != NULL, NULL);

  name = am_json_member_string (object, "Name", NULL);
  value = am_json_member_string (object, "Value", NULL);
  if (name == NULL || value == NULL)
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                   "SSM returned a parameter without Name or Value");
      return NULL;
    }

  parameter = g_new0 (AmSsmParameter, 1);
  parameter->name = g_strdup (name);
  parameter->value = g_strdup (value);
  parameter->type = g_strdup (am_json_member_string (object, "Type", NULL));
  parameter->arn = g_strdup (am_json_member_string (object, "ARN", NULL));
  parameter->data_type = g_strdup (am_json_member_string (object, "DataType", NULL));
  if (am_json_member_number (object, "Version", &number, NULL) && number >= 0 && number < 1e15)
    parameter->version = (gint64) number;
  if (am_json_member_number (object, "LastModifiedDate", &number, NULL))
    {
      g_autoptr (GDateTime) seconds = am_json_epoch_to_date_time (number);

      if (seconds != NULL)
        parameter->last_modified = g_date_time_add (seconds,
                                                    (GTimeSpan) ((number - floor (number))
                                                                 * G_TIME_SPAN_SECOND));
    }
  return parameter;
}

AmJsonClient *
am_ssm_client_new (AmCredentialsProvider *credentials,
                   const char            *region,
                   const char            *endpoint_url,
                   GError               **error)
{
  return am_json_client_new (credentials, "ssm", "AmazonSSM", region, endpoint_url, error);
}



/* GetParameter */

static void
on_get_parameter (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonNode) root = NULL;
  GError *error = NULL;
  JsonObject *parameter;
  AmSsmParameter *out;

  root = am_json_client_call_finish (AM_JSON_CLIENT (source), result, &error);
  if (root == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  parameter = am_json_member_object (json_node_get_object (root), "Parameter", NULL);
  if (parameter == NULL)
    {
      g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                               "SSM answered GetParameter without a Parameter");
      return;
    }
  out = am_ssm_parameter_new_from_json (parameter, &error);
  if (out == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, out, (GDestroyNotify) am_ssm_parameter_free);
}

void
am_ssm_get_parameter_async (AmJsonClient        *client,
                            const char          *name,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (JsonNode) body = NULL;
  JsonObject *object;

  g_return_if_fail (AM_IS_JSON_CLIENT (client));
  g_return_if_fail (name != NULL && *name != '\0');

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_ssm_get_parameter_async);

  object = json_object_new ();
  json_object_set_string_member (object, "Name", name);
  body = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);

  am_json_client_call_async (client, "GetParameter", body, cancellable, on_get_parameter,
                             g_steal_pointer (&task));
}

AmSsmParameter *
am_ssm_get_parameter_finish (AmJsonClient  *client,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_ssm_get_parameter_async,
                        NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GetParameters and GetParametersByPath share the collecting loop. */

typedef struct
{
  GPtrArray *parameters;  /* AmSsmParameter* */
  GPtrArray *invalid;     /* char* */
  GStrv      names;
  guint      next_name;
  char      *path;
  gboolean   recursive;
  char      *next_token;
  GHashTable *seen_tokens;
  guint      pages;
} CollectData;

typedef struct
{
  GPtrArray *parameters;
  GStrv      invalid;
} GetParametersResult;

static void
collect_data_free (gpointer user_data)
{
  CollectData *data = user_data;

  g_clear_pointer (&data->parameters, g_ptr_array_unref);
  g_clear_pointer (&data->invalid, g_ptr_array_unref);
  g_strfreev (data->names);
  g_free (data->path);
  g_free (data->next_token);
  g_clear_pointer (&data->seen_tokens, g_hash_table_unref);
  g_free (data);
}

static gboolean
collect_parameters (CollectData *data,
                    JsonObject  *response,
                    GError     **error)
{
  JsonArray *list = am_json_member_array (response, "Parameters", NULL);
  JsonArray *invalid = am_json_member_array (response, "InvalidParameters", NULL);

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      AmSsmParameter *parameter;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                       "SSM returned a parameter that is not an object");
          return FALSE;
        }
      parameter = am_ssm_parameter_new_from_json (json_node_get_object (node), error);
      if (parameter == NULL)
        return FALSE;
      g_ptr_array_add (data->parameters, parameter);
    }

  for (guint i = 0; invalid != NULL && i < json_array_get_length (invalid); i++)
    {
      JsonNode *node = json_array_get_element (invalid, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_ptr_array_add (data->invalid, g_strdup (json_node_get_string (node)));
    }
  return TRUE;
}

static void send_next_batch (GTask *task);

static void
on_get_parameters (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  CollectData *data = g_task_get_task_data (task);
  g_autoptr (JsonNode) root = NULL;
  GError *error = NULL;

  root = am_json_client_call_finish (AM_JSON_CLIENT (source), result, &error);
  if (root == NULL || !collect_parameters (data, json_node_get_object (root), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  send_next_batch (g_steal_pointer (&task));
}

static void
send_next_batch (GTask *task)
{
  CollectData *data = g_task_get_task_data (task);
  g_autoptr (JsonNode) body = NULL;
  JsonObject *object;
  JsonArray *names;

  if (data->names[data->next_name] == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  names = json_array_new ();
  for (guint i = 0; i < GET_PARAMETERS_BATCH && data->names[data->next_name] != NULL; i++)
    json_array_add_string_element (names, data->names[data->next_name++]);

  object = json_object_new ();
  json_object_set_array_member (object, "Names", names);
  body = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);

  am_json_client_call_async (g_task_get_source_object (task), "GetParameters", body,
                             g_task_get_cancellable (task), on_get_parameters, task);
}

void
am_ssm_get_parameters_async (AmJsonClient        *client,
                             const char * const  *names,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  CollectData *data;

  g_return_if_fail (AM_IS_JSON_CLIENT (client));
  g_return_if_fail (names != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_ssm_get_parameters_async);

  data = g_new0 (CollectData, 1);
  data->parameters = g_ptr_array_new_with_free_func ((GDestroyNotify) am_ssm_parameter_free);
  data->invalid = g_ptr_array_new_with_free_func (g_free);
  data->names = g_strdupv ((char **) names);
  g_task_set_task_data (task, data, collect_data_free);

  send_next_batch (task);
}

GPtrArray *
am_ssm_get_parameters_finish (AmJsonClient   *client,
                              GAsyncResult   *result,
                              char         ***invalid_names,
                              GError        **error)
{
  CollectData *data;

  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_ssm_get_parameters_async,
                        NULL);

  if (invalid_names != NULL)
    *invalid_names = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  data = g_task_get_task_data (G_TASK (result));
  if (invalid_names != NULL)
    {
      g_ptr_array_add (data->invalid, NULL);
      *invalid_names = (char **) g_ptr_array_free (g_steal_pointer (&data->invalid), FALSE);
    }
  return g_steal_pointer (&data->parameters);
}

/* GetParametersByPath */

static void send_by_path_page (GTask *task);

static void
on_by_path_page (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  CollectData *data = g_task_get_task_data (task);
  g_autoptr (JsonNode) root = NULL;
  GError *error = NULL;
  const char *next;

  root = am_json_client_call_finish (AM_JSON_CLIENT (source), result, &error);
  if (root == NULL || !collect_parameters (data, json_node_get_object (root), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  data->pages++;

  next = am_json_member_string (json_node_get_object (root), "NextToken", NULL);
  if (next == NULL || *next == '\0')
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (!am_query_remember_token (&data->seen_tokens, "SSM GetParametersByPath", next, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_free (data->next_token);
  data->next_token = g_strdup (next);
  if (g_task_return_error_if_cancelled (task))
    return;
  send_by_path_page (g_steal_pointer (&task));
}

static void
send_by_path_page (GTask *task)
{
  CollectData *data = g_task_get_task_data (task);
  g_autoptr (JsonNode) body = NULL;
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "Path", data->path);
  json_object_set_boolean_member (object, "Recursive", data->recursive);
  json_object_set_int_member (object, "MaxResults", BY_PATH_PAGE_SIZE);
  if (data->next_token != NULL)
    json_object_set_string_member (object, "NextToken", data->next_token);
  body = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);

  am_json_client_call_async (g_task_get_source_object (task), "GetParametersByPath", body,
                             g_task_get_cancellable (task), on_by_path_page, task);
}

void
am_ssm_get_parameters_by_path_async (AmJsonClient        *client,
                                     const char          *path,
                                     gboolean             recursive,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;
  CollectData *data;

  g_return_if_fail (AM_IS_JSON_CLIENT (client));
  g_return_if_fail (path != NULL && *path != '\0');

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_ssm_get_parameters_by_path_async);

  data = g_new0 (CollectData, 1);
  data->parameters = g_ptr_array_new_with_free_func ((GDestroyNotify) am_ssm_parameter_free);
  data->invalid = g_ptr_array_new_with_free_func (g_free);
  data->path = g_strdup (path);
  data->recursive = recursive;
  g_task_set_task_data (task, data, collect_data_free);

  send_by_path_page (task);
}

GPtrArray *
am_ssm_get_parameters_by_path_finish (AmJsonClient  *client,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  CollectData *data;

  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                          == am_ssm_get_parameters_by_path_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  data = g_task_get_task_data (G_TASK (result));
  return g_steal_pointer (&data->parameters);
}
