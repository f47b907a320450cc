/* am-launch-request-build.c: AmLaunchRequest as requests: the plan per zone, RunInstances, launch templates
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-launch-request"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "am-aws-error.h"
#include "am-ec2-parse-private.h"
#include "am-instance.h"
#include "am-launch-request-private.h"

/* Plan */

void
am_launch_spread (guint  count,
                  guint  n_slots,
                  guint *counts)
{
  g_return_if_fail (n_slots == 0 || counts != NULL);

  for (guint i = 0; i < n_slots; i++)
    counts[i] = count / n_slots + (i < count % n_slots ? 1 : 0);
}

GArray *
am_launch_request_plan (AmLaunchRequest *self)
{
  GArray *plan;
  g_autofree guint *counts = NULL;

  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);

  plan = g_array_new (FALSE, TRUE, sizeof (AmLaunchPlacement));
  if (self->subnets->len == 0)
    return plan;

  counts = g_new0 (guint, self->subnets->len);
  am_launch_spread (self->count, self->subnets->len, counts);
  for (guint i = 0; i < self->subnets->len; i++)
    {
      AmLaunchPlacement placement = { g_ptr_array_index (self->subnets, i), counts[i] };

      if (placement.count > 0)
        g_array_append_val (plan, placement);
    }
  return plan;
}

const char *
am_launch_request_get_client_token (AmLaunchRequest *self,
                                    const char      *subnet_id)
{
  const char *token;

  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  g_return_val_if_fail (subnet_id != NULL, NULL);

  token = g_hash_table_lookup (self->client_tokens, subnet_id);
  if (token == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      char *made = g_strconcat ("amiable-", uuid, NULL);

      /* 44 ASCII characters: within the 64 EC2 allows. */
      g_hash_table_insert (self->client_tokens, g_strdup (subnet_id), made);
      token = made;
    }
  return token;
}

void
am_launch_request_reset_client_tokens (AmLaunchRequest *self)
{
  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));
  g_hash_table_remove_all (self->client_tokens);
}

/* Serialisation. RunInstances and LaunchTemplateData share the field names; @prefix is ""
 * or "LaunchTemplateData.". */

static void
add_security_group_ids (AmLaunchRequest *self,
                        AmQueryParams   *params,
                        const char      *prefix)
{
  guint n = 1;

  for (guint i = 0; i + 1 < self->security_groups->len; i++)
    am_query_params_add_at (params, g_ptr_array_index (self->security_groups, i),
                            "%sSecurityGroupId.%u", prefix, n++);
  if (self->created_group_id != NULL
      && !am_launch_request_has_security_group (self, self->created_group_id))
    am_query_params_add_at (params, self->created_group_id, "%sSecurityGroupId.%u", prefix, n++);
}

static void
add_tag_specification (AmLaunchRequest *self,
                       AmQueryParams   *params,
                       const char      *prefix,
                       guint           *spec_index,
                       const char      *resource_type,
                       gboolean         volumes)
{
  guint n = 0;

  for (guint i = 0; i < self->tags->len; i++)
    {
      const AmLaunchTag *tag = g_ptr_array_index (self->tags, i);

      if (!(volumes ? tag->volumes : tag->instances))
        continue;
      if (n == 0)
        am_query_params_add_at (params, resource_type, "%sTagSpecification.%u.ResourceType",
                                prefix, *spec_index);
      n++;
      am_query_params_add_at (params, tag->key, "%sTagSpecification.%u.Tag.%u.Key",
                              prefix, *spec_index, n);
      am_query_params_add_at (params, tag->value != NULL ? tag->value : "",
                              "%sTagSpecification.%u.Tag.%u.Value", prefix, *spec_index, n);
    }
  if (n > 0)
    (*spec_index)++;
}

static void
add_launch_data (AmLaunchRequest *self,
                 AmQueryParams   *params,
                 const char      *prefix,
                 AmSubnet        *subnet)
{
  g_autofree char *user_data = NULL;
  guint spec_index = 1;

  if (self->image != NULL)
    am_query_params_add_at (params, am_image_get_image_id (self->image), "%sImageId", prefix);
  if (self->instance_type != NULL)
    am_query_params_add_at (params, am_instance_type_get_instance_type (self->instance_type),
                            "%sInstanceType", prefix);
  if (self->key_name != NULL)
    am_query_params_add_at (params, self->key_name, "%sKeyName", prefix);

  if (self->public_ip == AM_LAUNCH_PUBLIC_IP_SUBNET_DEFAULT)
    {
      if (subnet != NULL)
        am_query_params_add_at (params, am_subnet_get_subnet_id (subnet), "%sSubnetId", prefix);
      add_security_group_ids (self, params, prefix);
    }
  else
    {
      /* Asking for (or against) a public address takes a network interface specification,
       * which then holds the subnet and the groups. */
      g_autofree char *nic = g_strdup_printf ("%sNetworkInterface.1.", prefix);

      am_query_params_add_at (params, "0", "%sDeviceIndex", nic);
      if (subnet != NULL)
        am_query_params_add_at (params, am_subnet_get_subnet_id (subnet), "%sSubnetId", nic);
      am_query_params_add_at (params,
                              self->public_ip == AM_LAUNCH_PUBLIC_IP_ENABLE ? "true" : "false",
                              "%sAssociatePublicIpAddress", nic);
      am_query_params_add_at (params, "true", "%sDeleteOnTermination", nic);
      add_security_group_ids (self, params, nic);
    }

  for (guint i = 0; i < self->volumes->len; i++)
    {
      const AmLaunchVolume *volume = g_ptr_array_index (self->volumes, i);
      g_autofree char *bdm = g_strdup_printf ("%sBlockDeviceMapping.%u.", prefix, i + 1);

      am_query_params_add_at (params, volume->device_name, "%sDeviceName", bdm);
      if (volume->virtual_name != NULL)
        {
          am_query_params_add_at (params, volume->virtual_name, "%sVirtualName", bdm);
          continue;
        }
      am_query_params_add_at (params, volume->volume_type, "%sEbs.VolumeType", bdm);
      {
        g_autofree char *size = g_strdup_printf ("%d", volume->size);

        am_query_params_add_at (params, size, "%sEbs.VolumeSize", bdm);
      }
      if (volume->iops > 0 && am_launch_volume_type_has_iops (volume->volume_type))
        {
          g_autofree char *value = g_strdup_printf ("%d", volume->iops);

          am_query_params_add_at (params, value, "%sEbs.Iops", bdm);
        }
      if (volume->throughput > 0 && am_launch_volume_type_has_throughput (volume->volume_type))
        {
          g_autofree char *value = g_strdup_printf ("%d", volume->throughput);

          am_query_params_add_at (params, value, "%sEbs.Throughput", bdm);
        }
      am_query_params_add_at (params, volume->delete_on_termination ? "true" : "false",
                              "%sEbs.DeleteOnTermination", bdm);
      /* An encrypted snapshot makes an encrypted volume by itself; asking again is refused
       * with some KMS setups, so only a change is sent. */
      if (volume->encrypted && !volume->snapshot_encrypted)
        am_query_params_add_at (params, "true", "%sEbs.Encrypted", bdm);
    }

  add_tag_specification (self, params, prefix, &spec_index, "instance", FALSE);
  add_tag_specification (self, params, prefix, &spec_index, "volume", TRUE);

  user_data = am_launch_request_dup_user_data_base64 (self);
  if (user_data != NULL)
    am_query_params_add_at (params, user_data, "%sUserData", prefix);

  if (self->iam_profile != NULL)
    am_query_params_add_at (params, self->iam_profile,
                            g_str_has_prefix (self->iam_profile, "arn:")
                            ? "%sIamInstanceProfile.Arn" : "%sIamInstanceProfile.Name",
                            prefix);

  am_query_params_add_at (params, self->shutdown_terminates ? "terminate" : "stop",
                          "%sInstanceInitiatedShutdownBehavior", prefix);
  if (self->termination_protection)
    am_query_params_add_at (params, "true", "%sDisableApiTermination", prefix);
  am_query_params_add_at (params, self->imdsv2_required ? "required" : "optional",
                          "%sMetadataOptions.HttpTokens", prefix);
  am_query_params_add_at (params, "enabled", "%sMetadataOptions.HttpEndpoint", prefix);
}

AmQueryParams *
am_launch_request_to_run_instances (AmLaunchRequest         *self,
                                    const AmLaunchPlacement *placement,
                                    gboolean                 dry_run)
{
  AmQueryParams *params;

  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  g_return_val_if_fail (placement != NULL && AM_IS_SUBNET (placement->subnet), NULL);

  params = am_query_params_new ("RunInstances", "2016-11-15");
  add_launch_data (self, params, "", placement->subnet);
  am_query_params_add_int (params, "MinCount", placement->count);
  am_query_params_add_int (params, "MaxCount", placement->count);
  if (dry_run)
    am_query_params_add_boolean (params, "DryRun", TRUE);
  else
    am_query_params_add (params, "ClientToken",
                         am_launch_request_get_client_token (self,
                                                             am_subnet_get_subnet_id (placement->subnet)));
  return params;
}

AmQueryParams *
am_launch_request_to_launch_template (AmLaunchRequest *self,
                                      const char      *name,
                                      const char      *description,
                                      const char      *client_token,
                                      gboolean         dry_run)
{
  AmQueryParams *params;

  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  params = am_query_params_new ("CreateLaunchTemplate", "2016-11-15");
  am_query_params_add (params, "LaunchTemplateName", name);
  if (description != NULL && *description != '\0')
    am_query_params_add (params, "VersionDescription", description);
  add_launch_data (self, params, "LaunchTemplateData.", NULL);
  if (client_token != NULL)
    am_query_params_add (params, "ClientToken", client_token);
  if (dry_run)
    am_query_params_add_boolean (params, "DryRun", TRUE);
  return params;
}

/* Sending */

typedef struct
{
  char *zone;
  gboolean dry_run;
} RunData;

static void
run_data_free (RunData *data)
{
  g_free (data->zone);
  g_free (data);
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  RunData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GPtrArray) instances = NULL;
  static const char * const path[] = { "instancesSet", NULL };

  body = am_query_client_call_finish (AM_QUERY_CLIENT (object), result, &error);
  if (body == NULL)
    {
      if (data->dry_run && g_error_matches (error, AM_AWS_ERROR, AM_AWS_ERROR_DRY_RUN))
        {
          g_task_return_pointer (task, g_ptr_array_new_with_free_func (g_object_unref),
                                 (GDestroyNotify) g_ptr_array_unref);
          return;
        }
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&error, data->dry_run ? _("The dry run in %s failed: ")
                                              : _("Could not launch in %s: "),
                        data->zone);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (data->dry_run)
    {
      /* EC2 answers a successful dry run with DryRunOperation, never with instances. */
      g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                               _("The dry run in %s launched instead of answering DryRunOperation; check the endpoint."),
                               data->zone);
      return;
    }

  instances = _am_ec2_parse_list (body, _am_instance_get_model_info (), path, NULL, &error);
  if (instances == NULL)
    {
      g_prefix_error (&error, _("Could not read the launch in %s: "), data->zone);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&instances), (GDestroyNotify) g_ptr_array_unref);
}

void
am_launch_request_run_async (AmLaunchRequest         *self,
                             AmQueryClient           *client,
                             const AmLaunchPlacement *placement,
                             gboolean                 dry_run,
                             GCancellable            *cancellable,
                             GAsyncReadyCallback      callback,
                             gpointer                 user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (AmQueryParams) params = NULL;
  RunData *data;
  const char *zone;

  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));
  g_return_if_fail (AM_IS_QUERY_CLIENT (client));
  g_return_if_fail (placement != NULL && AM_IS_SUBNET (placement->subnet));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_launch_request_run_async);
  zone = am_subnet_get_availability_zone (placement->subnet);
  data = g_new0 (RunData, 1);
  data->zone = g_strdup (zone != NULL ? zone : am_subnet_get_subnet_id (placement->subnet));
  data->dry_run = dry_run;
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);

  params = am_launch_request_to_run_instances (self, placement, dry_run);
  am_query_client_call_async (client, params, cancellable, run_cb, g_steal_pointer (&task));
}

GPtrArray *
am_launch_request_run_finish (AmLaunchRequest  *self,
                              GAsyncResult     *result,
                              gboolean         *dry_run_ok,
                              GError          **error)
{
  GPtrArray *instances;
  RunData *data;

  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_launch_request_run_async, NULL);

  data = g_task_get_task_data (G_TASK (result));
  instances = g_task_propagate_pointer (G_TASK (result), error);
  if (dry_run_ok != NULL)
    *dry_run_ok = instances != NULL && data->dry_run;
  return instances;
}

static void
create_template_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GObject) template = NULL;
  static const char * const path[] = { "launchTemplate", NULL };

  body = am_query_client_call_finish (AM_QUERY_CLIENT (object), result, &error);
  if (body != NULL)
    template = _am_ec2_parse_object (body, _am_launch_template_get_model_info (), path, &error);
  if (template == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (&error, _("Could not save the launch template: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&template), g_object_unref);
}

void
am_launch_request_create_template_async (AmLaunchRequest     *self,
                                         AmQueryClient       *client,
                                         const char          *name,
                                         const char          *description,
                                         const char          *client_token,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (AmQueryParams) params = NULL;

  g_return_if_fail (AM_IS_LAUNCH_REQUEST (self));
  g_return_if_fail (AM_IS_QUERY_CLIENT (client));
  g_return_if_fail (name != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_launch_request_create_template_async);
  params = am_launch_request_to_launch_template (self, name, description, client_token, FALSE);
  am_query_client_call_async (client, params, cancellable, create_template_cb, g_steal_pointer (&task));
}

AmLaunchTemplate *
am_launch_request_create_template_finish (AmLaunchRequest  *self,
                                          GAsyncResult     *result,
                                          GError          **error)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_launch_request_create_template_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
