/* am-run-instances-request.c: everything one RunInstances (or launch template) call sends
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-run-instances-request"

#include "config.h"

#include "am-ec2-client-private.h"

#include "am-run-instances-request.h"

G_DEFINE_BOXED_TYPE (AmRunInstancesRequest, am_run_instances_request,
                     am_run_instances_request_copy, am_run_instances_request_free)

AmRunInstancesRequest *
am_run_instances_request_new (const char *image_id,
                              const char *instance_type)
{
  AmRunInstancesRequest *request = g_new0 (AmRunInstancesRequest, 1);

  request->image_id = g_strdup (image_id);
  request->instance_type = g_strdup (instance_type);
  request->min_count = 1;
  request->max_count = 1;
  return request;
}

static GPtrArray *
copy_array (GPtrArray      *array,
            GCopyFunc       copy,
            GDestroyNotify  destroy)
{
  GPtrArray *out;

  if (array == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func (destroy);
  for (guint i = 0; i < array->len; i++)
    g_ptr_array_add (out, copy (array->pdata[i], NULL));
  return out;
}

static gpointer
copy_block_device (gconstpointer src,
                   gpointer      data)
{
  return am_block_device_spec_copy (src);
}

static gpointer
copy_tag_specification (gconstpointer src,
                        gpointer      data)
{
  return am_tag_specification_copy (src);
}

AmRunInstancesRequest *
am_run_instances_request_copy (const AmRunInstancesRequest *request)
{
  AmRunInstancesRequest *copy;

  g_return_val_if_fail (request != NULL, NULL);

  copy = g_memdup2 (request, sizeof *request);
  copy->image_id = g_strdup (request->image_id);
  copy->instance_type = g_strdup (request->instance_type);
  copy->key_name = g_strdup (request->key_name);
  copy->subnet_id = g_strdup (request->subnet_id);
  copy->security_group_ids = g_strdupv (request->security_group_ids);
  copy->availability_zone = g_strdup (request->availability_zone);
  copy->block_device_mappings = copy_array (request->block_device_mappings, copy_block_device,
                                            (GDestroyNotify) am_block_device_spec_free);
  copy->tag_specifications = copy_array (request->tag_specifications, copy_tag_specification,
                                         (GDestroyNotify) am_tag_specification_free);
  copy->user_data = g_strdup (request->user_data);
  copy->iam_instance_profile_name = g_strdup (request->iam_instance_profile_name);
  copy->shutdown_behavior = g_strdup (request->shutdown_behavior);
  copy->client_token = g_strdup (request->client_token);
  return copy;
}

void
am_run_instances_request_free (AmRunInstancesRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->image_id);
  g_free (request->instance_type);
  g_free (request->key_name);
  g_free (request->subnet_id);
  g_strfreev (request->security_group_ids);
  g_free (request->availability_zone);
  g_clear_pointer (&request->block_device_mappings, g_ptr_array_unref);
  g_clear_pointer (&request->tag_specifications, g_ptr_array_unref);
  g_free (request->user_data);
  g_free (request->iam_instance_profile_name);
  g_free (request->shutdown_behavior);
  g_free (request->client_token);
  g_free (request);
}

void
am_run_instances_request_add_block_device (AmRunInstancesRequest *request,
                                           AmBlockDeviceSpec     *spec)
{
  g_return_if_fail (request != NULL && spec != NULL);

  if (request->block_device_mappings == NULL)
    request->block_device_mappings =
      g_ptr_array_new_with_free_func ((GDestroyNotify) am_block_device_spec_free);
  g_ptr_array_add (request->block_device_mappings, spec);
}

void
am_run_instances_request_add_tag_specification (AmRunInstancesRequest *request,
                                                AmTagSpecification    *spec)
{
  g_return_if_fail (request != NULL && spec != NULL);

  _am_ec2_tag_specifications_append (&request->tag_specifications, spec);
}

const char *
am_run_instances_request_ensure_client_token (AmRunInstancesRequest *request)
{
  g_return_val_if_fail (request != NULL, NULL);

  return _am_ec2_ensure_client_token (&request->client_token);
}
