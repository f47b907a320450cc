/* am-region-governance.c: Block Public Access and Allowed AMIs of every Region, read or changed at once
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-region-governance"

#include "config.h"

#include "am-region-governance.h"

struct _AmRegionGovernance
{
  GObject parent_instance;

  char *region;
  const char *allowed_state;  /* interned */
  guint n_criteria;
  gboolean blocked;
};

G_DEFINE_FINAL_TYPE (AmRegionGovernance, am_region_governance, G_TYPE_OBJECT)

static void
am_region_governance_finalize (GObject *object)
{
  g_free (AM_REGION_GOVERNANCE (object)->region);

  G_OBJECT_CLASS (am_region_governance_parent_class)->finalize (object);
}

static void
am_region_governance_class_init (AmRegionGovernanceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = am_region_governance_finalize;
}

static void
am_region_governance_init (AmRegionGovernance *self)
{
}

const char *
am_region_governance_get_region (AmRegionGovernance *self)
{
  g_return_val_if_fail (AM_IS_REGION_GOVERNANCE (self), NULL);
  return self->region;
}

gboolean
am_region_governance_get_blocked (AmRegionGovernance *self)
{
  g_return_val_if_fail (AM_IS_REGION_GOVERNANCE (self), FALSE);
  return self->blocked;
}

const char *
am_region_governance_get_allowed_state (AmRegionGovernance *self)
{
  g_return_val_if_fail (AM_IS_REGION_GOVERNANCE (self), NULL);
  return self->allowed_state;
}

guint
am_region_governance_get_n_criteria (AmRegionGovernance *self)
{
  g_return_val_if_fail (AM_IS_REGION_GOVERNANCE (self), 0);
  return self->n_criteria;
}

/* --- one Region: (the change, then) Block Public Access, then Allowed AMIs ----------------- */

typedef struct
{
  AmRegionGovernanceChange change;
  GPtrArray *criteria;
} Change;

static void
change_free (Change *change)
{
  g_clear_pointer (&change->criteria, g_ptr_array_unref);
  g_free (change);
}

static void
settings_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  AmRegionGovernance *state = g_task_get_task_data (task);
  g_autoptr (AmAllowedImagesSettings) settings = NULL;
  GPtrArray *items;
  GError *error = NULL;

  settings = am_ec2_client_get_allowed_images_settings_finish (AM_EC2_CLIENT (object), result, &error);
  if (settings == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  state->allowed_state = g_intern_string (settings->state != NULL ? settings->state : "disabled");
  state->n_criteria = settings->criteria != NULL ? settings->criteria->len : 0;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (items, g_object_ref (state));
  g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static void
block_public_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  AmRegionGovernance *state = g_task_get_task_data (task);
  GCancellable *cancellable;
  GError *error = NULL;

  if (!am_ec2_client_get_image_block_public_access_finish (AM_EC2_CLIENT (object), result, &state->blocked, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  cancellable = g_task_get_cancellable (task);
  am_ec2_client_get_allowed_images_settings_async (AM_EC2_CLIENT (object), cancellable, settings_cb,
                                                   g_steal_pointer (&task));
}

static void
read_settings (GTask *task)
{
  am_ec2_client_get_image_block_public_access_async (AM_EC2_CLIENT (g_task_get_source_object (task)),
                                                     g_task_get_cancellable (task), block_public_cb, task);
}

static GTask *
region_task_new (AmEc2Client         *client,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  GTask *task = g_task_new (client, cancellable, callback, user_data);
  AmRegionGovernance *state = g_object_new (AM_TYPE_REGION_GOVERNANCE, NULL);

  state->region = g_strdup (am_ec2_client_get_region (client));
  g_task_set_task_data (task, state, g_object_unref);
  g_task_set_source_tag (task, region_task_new);
  return task;
}

static void
read_async (AmEc2Client         *client,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  read_settings (region_task_new (client, cancellable, callback, user_data));
}

static void
changed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;
  gboolean done;

  if (g_object_get_data (G_OBJECT (task), "am-change") == GINT_TO_POINTER (AM_REGION_GOVERNANCE_BLOCK_PUBLIC))
    done = am_ec2_client_set_image_block_public_access_finish (AM_EC2_CLIENT (object), result, &error);
  else
    done = am_ec2_client_replace_image_criteria_finish (AM_EC2_CLIENT (object), result, &error);
  if (!done)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  read_settings (task);
}

static void
change_async (AmEc2Client         *client,
              gpointer             job_data,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  Change *change = job_data;
  GTask *task = region_task_new (client, cancellable, callback, user_data);

  g_object_set_data (G_OBJECT (task), "am-change", GINT_TO_POINTER (change->change));
  if (change->change == AM_REGION_GOVERNANCE_BLOCK_PUBLIC)
    am_ec2_client_set_image_block_public_access_async (client, TRUE, cancellable, changed_cb, task);
  else
    am_ec2_client_replace_image_criteria_async (client, change->criteria, cancellable, changed_cb, task);
}

static GPtrArray *
region_finish (AmEc2Client   *client,
               GAsyncResult  *result,
               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == region_task_new, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

AmRegionFanout *
am_region_governance_fanout_new (AmEc2Client *client)
{
  g_return_val_if_fail (AM_IS_EC2_CLIENT (client), NULL);

  return am_region_fanout_new (client, AM_TYPE_REGION_GOVERNANCE, read_async, region_finish);
}

AmRegionFanout *
am_region_governance_fanout_new_change (AmEc2Client              *client,
                                        AmRegionGovernanceChange  change,
                                        GPtrArray                *criteria)
{
  Change *data;

  g_return_val_if_fail (AM_IS_EC2_CLIENT (client), NULL);
  g_return_val_if_fail (change != AM_REGION_GOVERNANCE_REPLACE_CRITERIA || criteria != NULL, NULL);

  data = g_new0 (Change, 1);
  data->change = change;
  data->criteria = criteria != NULL ? g_ptr_array_ref (criteria) : NULL;
  return am_region_fanout_new_with_data (client, AM_TYPE_REGION_GOVERNANCE, change_async, region_finish, data,
                                         (GDestroyNotify) change_free);
}
