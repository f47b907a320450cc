/* am-region-fanout.c: one listing asked of every enabled Region at once, a few at a time
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-region-fanout"

#include "config.h"

#include <glib/gi18n.h>

#include "am-aws-error.h"
#include "am-region-fanout.h"
#include "am-snapshot-inventory.h"

/* Eight at a time: the sandbox's five Regions (and most accounts' enabled ones in two rounds)
 * in one round, under libsoup's ten connections per session. With four, a fifth Region waited
 * for a whole listing, and All Regions took twice as long as one Region (issue 17's benchmark). */
#define DEFAULT_MAX_IN_FLIGHT 8
#define DEFAULT_TIMEOUT_MS 60000
#define REGION_DATA_KEY "am-region-data"

typedef struct
{
  char            *region;
  AmEc2Client     *client;
  AmRegionJobState state;
  GError          *error;
  GPtrArray       *items;        /* what the Region listed last (the list store holds them too) */
  GObject         *data;         /* what else the job kept of the Region (am_region_fanout_get_region_data) */
  GCancellable    *cancellable;  /* this run's; cancelled by the deadline or by the fanout */
  guint            deadline_id;
  gboolean         timed_out;
  guint            generation;   /* a run's answer counts only if no later run started */
} RegionJob;

struct _AmRegionFanout
{
  GObject parent_instance;

  /* owned references */
  AmEc2Client *client;
  GListStore *items;
  GPtrArray *jobs;               /* RegionJob, sorted by Region */
  GCancellable *cancellable;     /* DescribeRegions'; a new one per start (each Region has its own) */
  GError *error;

  /* settings */
  AmRegionJobFunc job;
  AmRegionJobFinishFunc job_finish;
  AmRegionDataJobFunc data_job;  /* instead of job, when made with am_region_fanout_new_with_data() */
  gpointer job_data;
  GDestroyNotify job_data_destroy;
  guint max_in_flight;
  guint timeout_ms;

  /* state */
  gboolean asking_regions;
  gboolean loading;
};

G_DEFINE_FINAL_TYPE (AmRegionFanout, am_region_fanout, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_LOADING,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum
{
  REGION_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
region_job_free (RegionJob *job)
{
  g_clear_handle_id (&job->deadline_id, g_source_remove);
  if (job->cancellable != NULL)
    g_cancellable_cancel (job->cancellable);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->client);
  g_clear_error (&job->error);
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_clear_object (&job->data);
  g_free (job->region);
  g_free (job);
}

static RegionJob *
find_job (AmRegionFanout *self,
          const char     *region)
{
  for (guint i = 0; region != NULL && i < self->jobs->len; i++)
    {
      RegionJob *job = g_ptr_array_index (self->jobs, i);

      if (g_str_equal (job->region, region))
        return job;
    }
  return NULL;
}

static void
update_loading (AmRegionFanout *self)
{
  gboolean loading = self->asking_regions;

  for (guint i = 0; i < self->jobs->len && !loading; i++)
    {
      RegionJob *job = g_ptr_array_index (self->jobs, i);

      loading = job->state == AM_REGION_JOB_WAITING || job->state == AM_REGION_JOB_RUNNING;
    }
  if (loading == self->loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* The Region's items are one block in the merged list: replaced as one. */
static void
replace_items (AmRegionFanout *self,
               RegionJob      *job,
               GPtrArray      *items)
{
  if (job->items != NULL && job->items->len > 0)
    {
      guint position;

      if (g_list_store_find (self->items, g_ptr_array_index (job->items, 0), &position))
        g_list_store_splice (self->items, position, job->items->len, NULL, 0);
    }
  g_clear_pointer (&job->items, g_ptr_array_unref);
  if (items != NULL)
    {
      job->items = g_ptr_array_ref (items);
      g_list_store_splice (self->items, g_list_model_get_n_items (G_LIST_MODEL (self->items)), 0,
                           items->pdata, items->len);
    }
}

static void run_next (AmRegionFanout *self);

/* The Region is to be asked (again) as soon as a place is free. */
static void
set_waiting (AmRegionFanout *self,
             RegionJob      *job)
{
  job->state = AM_REGION_JOB_WAITING;
  g_clear_error (&job->error);
  g_signal_emit (self, signals[REGION_CHANGED], 0, job->region);
}

typedef struct
{
  AmRegionFanout *self;   /* a reference */
  char *region;
  guint generation;
  GCancellable *cancellable;
} JobRun;

static void
job_run_free (JobRun *run)
{
  g_object_unref (run->self);
  g_object_unref (run->cancellable);
  g_free (run->region);
  g_free (run);
}

static gboolean
deadline_cb (gpointer user_data)
{
  RegionJob *job = user_data;

  job->deadline_id = 0;
  job->timed_out = TRUE;
  g_debug ("%s: no answer within the deadline, cancelled", job->region);
  g_cancellable_cancel (job->cancellable);
  return G_SOURCE_REMOVE;
}

static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  JobRun *run = user_data;
  AmRegionFanout *self = run->self;
  RegionJob *job;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  items = self->job_finish (AM_EC2_CLIENT (object), result, &error);

  /* Only the Region's latest run counts, and a cancelled one only when its deadline passed
   * (a cancelled fanout or a newer run of the Region does not want this answer). */
  job = find_job (self, run->region);
  if (job == NULL || job->generation != run->generation
      || (g_cancellable_is_cancelled (run->cancellable) && !job->timed_out))
    {
      job_run_free (run);
      return;
    }

  g_clear_handle_id (&job->deadline_id, g_source_remove);
  g_clear_error (&job->error);
  if (items != NULL)
    {
      job->state = AM_REGION_JOB_DONE;
      /* A job of this file may leave more than the items on its task (REGION_DATA_KEY). */
      g_set_object (&job->data, g_object_get_data (G_OBJECT (result), REGION_DATA_KEY));
      replace_items (self, job, items);
    }
  else
    {
      job->state = AM_REGION_JOB_FAILED;
      if (job->timed_out)
        job->error = g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                                  _("No answer from %s within %u s"), job->region,
                                  (self->timeout_ms + 999) / 1000);
      else
        job->error = g_steal_pointer (&error);
      g_debug ("%s failed: %s", job->region, job->error->message);
    }
  /* The run holds the reference that keeps the fanout alive through the handlers. */
  g_signal_emit (self, signals[REGION_CHANGED], 0, run->region);
  run_next (self);
  update_loading (self);
  job_run_free (run);
}

static void
start_job (AmRegionFanout *self,
           RegionJob      *job)
{
  JobRun *run;

  if (job->client == NULL)
    {
      GError *error = NULL;

      if (g_strcmp0 (am_ec2_client_get_region (self->client), job->region) == 0)
        job->client = g_object_ref (self->client);
      else
        job->client = am_ec2_client_new_for_region (self->client, job->region, &error);
      if (job->client == NULL)
        {
          job->state = AM_REGION_JOB_FAILED;
          job->error = error;
          g_signal_emit (self, signals[REGION_CHANGED], 0, job->region);
          return;
        }
    }

  g_clear_handle_id (&job->deadline_id, g_source_remove);
  if (job->cancellable != NULL)
    g_cancellable_cancel (job->cancellable);
  g_clear_object (&job->cancellable);
  job->cancellable = g_cancellable_new ();
  job->generation++;
  job->timed_out = FALSE;
  job->state = AM_REGION_JOB_RUNNING;
  g_clear_error (&job->error);
  job->deadline_id = g_timeout_add (self->timeout_ms, deadline_cb, job);

  run = g_new0 (JobRun, 1);
  run->self = g_object_ref (self);
  run->region = g_strdup (job->region);
  run->generation = job->generation;
  run->cancellable = g_object_ref (job->cancellable);
  g_signal_emit (self, signals[REGION_CHANGED], 0, job->region);
  if (self->data_job != NULL)
    self->data_job (job->client, self->job_data, job->cancellable, job_done_cb, run);
  else
    self->job (job->client, job->cancellable, job_done_cb, run);
}

static void
run_next (AmRegionFanout *self)
{
  guint running = 0;

  for (guint i = 0; i < self->jobs->len; i++)
    if (((RegionJob *) g_ptr_array_index (self->jobs, i))->state == AM_REGION_JOB_RUNNING)
      running++;
  for (guint i = 0; i < self->jobs->len && running < self->max_in_flight; i++)
    {
      RegionJob *job = g_ptr_array_index (self->jobs, i);

      if (job->state != AM_REGION_JOB_WAITING)
        continue;
      start_job (self, job);
      if (job->state == AM_REGION_JOB_RUNNING)
        running++;
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Asks @names (any order) from now on: Regions not among them go, with their items. */
static void
set_regions (AmRegionFanout *self,
             GPtrArray      *names)
{
  g_ptr_array_sort (names, compare_names);

  /* Regions no longer enabled go, with their items; the others are asked again. */
  for (guint i = self->jobs->len; i > 0; i--)
    {
      RegionJob *job = g_ptr_array_index (self->jobs, i - 1);

      if (!g_ptr_array_find_with_equal_func (names, job->region, g_str_equal, NULL))
        {
          replace_items (self, job, NULL);
          g_ptr_array_remove_index (self->jobs, i - 1);
        }
    }
  for (guint i = 0; i < names->len; i++)
    {
      RegionJob *job = find_job (self, names->pdata[i]);

      if (job == NULL)
        {
          job = g_new0 (RegionJob, 1);
          job->region = g_strdup (names->pdata[i]);
          g_ptr_array_insert (self->jobs, i, job);
        }
      set_waiting (self, job);
    }
  run_next (self);
  update_loading (self);
}

static void
regions_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (AmRegionFanout) self = user_data;
  g_autoptr (GPtrArray) regions = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;

  regions = am_ec2_client_describe_regions_finish (AM_EC2_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->asking_regions = FALSE;
  if (regions == NULL)
    {
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
      update_loading (self);
      return;
    }

  for (guint i = 0; i < regions->len; i++)
    g_ptr_array_add (names, (gpointer) am_region_get_region_name (g_ptr_array_index (regions, i)));
  set_regions (self, names);
}

/* What a (new) start ends: the calls in flight, the last error. */
static void
restart (AmRegionFanout *self)
{
  am_region_fanout_cancel (self);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->error != NULL)
    {
      g_clear_error (&self->error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }
}

void
am_region_fanout_start (AmRegionFanout *self)
{
  g_return_if_fail (AM_IS_REGION_FANOUT (self));

  restart (self);
  self->asking_regions = TRUE;
  update_loading (self);
  am_ec2_client_describe_regions_async (self->client, FALSE, NULL, self->cancellable, regions_cb,
                                        g_object_ref (self));
}

void
am_region_fanout_retry (AmRegionFanout *self,
                        const char     *region)
{
  g_return_if_fail (AM_IS_REGION_FANOUT (self));

  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
    }
  for (guint i = 0; i < self->jobs->len; i++)
    {
      RegionJob *job = g_ptr_array_index (self->jobs, i);

      if (job->state == AM_REGION_JOB_FAILED && (region == NULL || g_str_equal (region, job->region)))
        set_waiting (self, job);
    }
  run_next (self);
  update_loading (self);
}

void
am_region_fanout_cancel (AmRegionFanout *self)
{
  g_return_if_fail (AM_IS_REGION_FANOUT (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  self->asking_regions = FALSE;
  for (guint i = 0; i < self->jobs->len; i++)
    {
      RegionJob *job = g_ptr_array_index (self->jobs, i);

      g_clear_handle_id (&job->deadline_id, g_source_remove);
      /* Each Region's calls end, and their late answers are dropped. */
      if (job->cancellable != NULL)
        g_cancellable_cancel (job->cancellable);
      if (job->state == AM_REGION_JOB_WAITING || job->state == AM_REGION_JOB_RUNNING)
        {
          job->state = AM_REGION_JOB_FAILED;
          g_clear_error (&job->error);
          job->error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
        }
    }
  update_loading (self);
}

/* --- the owned images of one Region ------------------------------------------------------ */

static void owned_page_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data);

static void
owned_images_ask (GTask *task)
{
  AmDescribeImagesQuery *query = g_object_get_data (G_OBJECT (task), "am-query");

  am_ec2_client_describe_images_async (AM_EC2_CLIENT (g_task_get_source_object (task)), query,
                                       g_task_get_cancellable (task), owned_page_cb, task);
}

static void
owned_page_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  AmDescribeImagesQuery *query = g_object_get_data (G_OBJECT (task), "am-query");
  GPtrArray *images = g_task_get_task_data (task);
  const char *region = am_ec2_client_get_region (AM_EC2_CLIENT (object));
  g_autoptr (GPtrArray) page = NULL;
  g_autofree char *next_token = NULL;
  GError *error = NULL;

  page = am_ec2_client_describe_images_finish (AM_EC2_CLIENT (object), result, &next_token, &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  for (guint i = 0; i < page->len; i++)
    {
      am_image_set_region (g_ptr_array_index (page, i), region);
      g_ptr_array_add (images, g_object_ref (g_ptr_array_index (page, i)));
    }
  if (next_token != NULL && !g_task_return_error_if_cancelled (task))
    {
      g_free (query->next_token);
      query->next_token = g_steal_pointer (&next_token);
      owned_images_ask (task);
      return;
    }
  if (!g_task_had_error (task))
    g_task_return_pointer (task, g_ptr_array_ref (images), (GDestroyNotify) g_ptr_array_unref);
  g_object_unref (task);
}

static void
owned_images_async (AmEc2Client         *client,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  GTask *task = g_task_new (client, cancellable, callback, user_data);
  AmDescribeImagesQuery *query = am_describe_images_query_new ();

  g_task_set_source_tag (task, owned_images_async);
  am_describe_images_query_add_owner (query, "self");
  query->max_results = 1000;
  g_object_set_data_full (G_OBJECT (task), "am-query", query, (GDestroyNotify) am_describe_images_query_free);
  g_task_set_task_data (task, g_ptr_array_new_with_free_func (g_object_unref), (GDestroyNotify) g_ptr_array_unref);
  owned_images_ask (task);
}

static GPtrArray *
owned_images_finish (AmEc2Client   *client,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == owned_images_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- the instances of one Region ------------------------------------------------------- */

static void
instances_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  const char *region = am_ec2_client_get_region (AM_EC2_CLIENT (object));
  GPtrArray *instances;
  GError *error = NULL;

  instances = am_ec2_client_describe_instances_finish (AM_EC2_CLIENT (object), result, &error);
  if (instances == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < instances->len; i++)
    am_instance_set_region (g_ptr_array_index (instances, i), region);
  g_task_return_pointer (task, instances, (GDestroyNotify) g_ptr_array_unref);
}

static void
instances_async (AmEc2Client         *client,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  GTask *task = g_task_new (client, cancellable, callback, user_data);

  g_task_set_source_tag (task, instances_async);
  /* DescribeInstances follows NextToken to the last page itself. */
  am_ec2_client_describe_instances_async (client, NULL, NULL, cancellable, instances_cb, task);
}

static GPtrArray *
instances_finish (AmEc2Client   *client,
                  GAsyncResult  *result,
                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == instances_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- the owned snapshots of one Region, with the images that use them --------------------- */

static void
snapshots_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  AmSnapshotInventory *inventory = AM_SNAPSHOT_INVENTORY (object);
  const char *region = am_ec2_client_get_region (AM_EC2_CLIENT (g_task_get_source_object (task)));
  GPtrArray *snapshots;
  GPtrArray *recycled;
  GError *error = NULL;

  if (!am_snapshot_inventory_load_finish (inventory, result, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  snapshots = am_snapshot_inventory_get_snapshots (inventory);
  recycled = am_snapshot_inventory_get_recycled (inventory);
  for (guint i = 0; i < snapshots->len; i++)
    am_snapshot_set_region (g_ptr_array_index (snapshots, i), region);
  for (guint i = 0; i < recycled->len; i++)
    am_snapshot_set_region (g_ptr_array_index (recycled, i), region);
  /* The Region's images say which of its snapshots are orphans; the fanout keeps them. */
  g_object_set_data_full (G_OBJECT (task), REGION_DATA_KEY, g_object_ref (inventory), g_object_unref);
  g_task_return_pointer (task, g_ptr_array_ref (snapshots), (GDestroyNotify) g_ptr_array_unref);
}

static void
snapshots_async (AmEc2Client         *client,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  GTask *task = g_task_new (client, cancellable, callback, user_data);
  g_autoptr (AmSnapshotInventory) inventory = am_snapshot_inventory_new ();

  g_task_set_source_tag (task, snapshots_async);
  am_snapshot_inventory_load_async (inventory, client, cancellable, snapshots_cb, task);
}

static GPtrArray *
snapshots_finish (AmEc2Client   *client,
                  GAsyncResult  *result,
                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == snapshots_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- accessors ----------------------------------------------------------------------------- */

GListModel *
am_region_fanout_get_items (AmRegionFanout *self)
{
  g_return_val_if_fail (AM_IS_REGION_FANOUT (self), NULL);
  return G_LIST_MODEL (self->items);
}

gboolean
am_region_fanout_get_loading (AmRegionFanout *self)
{
  g_return_val_if_fail (AM_IS_REGION_FANOUT (self), FALSE);
  return self->loading;
}

const GError *
am_region_fanout_get_error (AmRegionFanout *self)
{
  g_return_val_if_fail (AM_IS_REGION_FANOUT (self), NULL);
  return self->error;
}

char **
am_region_fanout_dup_regions (AmRegionFanout *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **regions;

  g_return_val_if_fail (AM_IS_REGION_FANOUT (self), NULL);

  for (guint i = 0; i < self->jobs->len; i++)
    g_strv_builder_add (builder, ((RegionJob *) g_ptr_array_index (self->jobs, i))->region);
  regions = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return regions;
}

AmRegionJobState
am_region_fanout_get_region_state (AmRegionFanout *self,
                                   const char     *region)
{
  RegionJob *job;

  g_return_val_if_fail (AM_IS_REGION_FANOUT (self), AM_REGION_JOB_WAITING);
  job = find_job (self, region);
  return job != NULL ? job->state : AM_REGION_JOB_WAITING;
}

const GError *
am_region_fanout_get_region_error (AmRegionFanout *self,
                                   const char     *region)
{
  RegionJob *job;

  g_return_val_if_fail (AM_IS_REGION_FANOUT (self), NULL);
  job = find_job (self, region);
  return job != NULL ? job->error : NULL;
}

guint
am_region_fanout_get_region_n_items (AmRegionFanout *self,
                                     const char     *region)
{
  RegionJob *job;

  g_return_val_if_fail (AM_IS_REGION_FANOUT (self), 0);
  job = find_job (self, region);
  return job != NULL && job->items != NULL ? job->items->len : 0;
}

AmEc2Client *
am_region_fanout_get_client (AmRegionFanout *self,
                             const char     *region)
{
  RegionJob *job;

  g_return_val_if_fail (AM_IS_REGION_FANOUT (self), NULL);
  if (g_strcmp0 (region, am_ec2_client_get_region (self->client)) == 0)
    return self->client;
  job = find_job (self, region);
  return job != NULL ? job->client : NULL;
}

GObject *
am_region_fanout_get_region_data (AmRegionFanout *self,
                                  const char     *region)
{
  RegionJob *job;

  g_return_val_if_fail (AM_IS_REGION_FANOUT (self), NULL);
  job = find_job (self, region);
  return job != NULL ? job->data : NULL;
}

char *
am_region_fanout_describe_error (AmRegionFanout *self,
                                 const GError   *error)
{
  g_return_val_if_fail (AM_IS_REGION_FANOUT (self), NULL);
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_strdup_printf (_("no answer within %u s"), (self->timeout_ms + 999) / 1000);
  if (g_error_matches (error, AM_AWS_ERROR, AM_AWS_ERROR_NETWORK))
    return g_strdup (_("could not connect"));
  if (g_error_matches (error, AM_AWS_ERROR, AM_AWS_ERROR_THROTTLED))
    return g_strdup (_("too many requests, EC2 asked to slow down"));
  if (g_error_matches (error, AM_AWS_ERROR, AM_AWS_ERROR_AUTH))
    return g_strdup (_("the credentials were refused (is the Region enabled for this account?)"));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_strdup (_("cancelled"));
  return g_strdup (error->message);
}

/* --- object -------------------------------------------------------------------------------- */

static void
am_region_fanout_dispose (GObject *object)
{
  AmRegionFanout *self = AM_REGION_FANOUT (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->jobs != NULL)
    g_ptr_array_set_size (self->jobs, 0);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (am_region_fanout_parent_class)->dispose (object);
}

static void
am_region_fanout_finalize (GObject *object)
{
  AmRegionFanout *self = AM_REGION_FANOUT (object);

  g_clear_pointer (&self->jobs, g_ptr_array_unref);
  g_clear_object (&self->items);
  g_clear_error (&self->error);
  if (self->job_data_destroy != NULL)
    g_clear_pointer (&self->job_data, self->job_data_destroy);

  G_OBJECT_CLASS (am_region_fanout_parent_class)->finalize (object);
}

static void
am_region_fanout_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AmRegionFanout *self = AM_REGION_FANOUT (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_region_fanout_class_init (AmRegionFanoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_region_fanout_dispose;
  object_class->finalize = am_region_fanout_finalize;
  object_class->get_property = am_region_fanout_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[REGION_CHANGED] =
    g_signal_new ("region-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
am_region_fanout_init (AmRegionFanout *self)
{
  self->jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) region_job_free);
  self->max_in_flight = DEFAULT_MAX_IN_FLIGHT;
  self->timeout_ms = DEFAULT_TIMEOUT_MS;
}

static AmRegionFanout *
fanout_new (AmEc2Client           *client,
            GType                  item_type,
            AmRegionJobFinishFunc  job_finish)
{
  AmRegionFanout *self = g_object_new (AM_TYPE_REGION_FANOUT, NULL);

  self->client = g_object_ref (client);
  self->items = g_list_store_new (item_type);
  self->job_finish = job_finish;
  return self;
}

AmRegionFanout *
am_region_fanout_new (AmEc2Client           *client,
                      GType                  item_type,
                      AmRegionJobFunc        job,
                      AmRegionJobFinishFunc  job_finish)
{
  AmRegionFanout *self;

  g_return_val_if_fail (AM_IS_EC2_CLIENT (client), NULL);
  g_return_val_if_fail (job != NULL && job_finish != NULL, NULL);

  self = fanout_new (client, item_type, job_finish);
  self->job = job;
  return self;
}

AmRegionFanout *
am_region_fanout_new_for_owned_images (AmEc2Client *client)
{
  return am_region_fanout_new (client, AM_TYPE_IMAGE, owned_images_async, owned_images_finish);
}

AmRegionFanout *
am_region_fanout_new_for_instances (AmEc2Client *client)
{
  return am_region_fanout_new (client, AM_TYPE_INSTANCE, instances_async, instances_finish);
}

AmRegionFanout *
am_region_fanout_new_for_owned_snapshots (AmEc2Client *client)
{
  return am_region_fanout_new (client, AM_TYPE_SNAPSHOT, snapshots_async, snapshots_finish);
}

void
am_region_fanout_set_max_in_flight (AmRegionFanout *self,
                                    guint           max_in_flight)
{
  g_return_if_fail (AM_IS_REGION_FANOUT (self));
  self->max_in_flight = MAX (max_in_flight, 1);
}

void
am_region_fanout_set_timeout_ms (AmRegionFanout *self,
                                 guint           timeout_ms)
{
  g_return_if_fail (AM_IS_REGION_FANOUT (self));
  self->timeout_ms = MAX (timeout_ms, 1);
}

/* --- a job with its own data, over Regions already known ----------------------------------- */

AmRegionFanout *
am_region_fanout_new_with_data (AmEc2Client           *client,
                                GType                  item_type,
                                AmRegionDataJobFunc    job,
                                AmRegionJobFinishFunc  job_finish,
                                gpointer               job_data,
                                GDestroyNotify         job_data_destroy)
{
  AmRegionFanout *self;

  g_return_val_if_fail (AM_IS_EC2_CLIENT (client), NULL);
  g_return_val_if_fail (job != NULL && job_finish != NULL, NULL);

  self = fanout_new (client, item_type, job_finish);
  self->data_job = job;
  self->job_data = job_data;
  self->job_data_destroy = job_data_destroy;
  return self;
}

void
am_region_fanout_start_for_regions (AmRegionFanout     *self,
                                    const char * const *regions)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  g_return_if_fail (AM_IS_REGION_FANOUT (self));
  g_return_if_fail (regions != NULL);

  restart (self);
  for (guint i = 0; regions[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer) regions[i]);
  set_regions (self, names);
}

void
am_region_fanout_refresh_region (AmRegionFanout *self,
                                 const char     *region)
{
  RegionJob *job;

  g_return_if_fail (AM_IS_REGION_FANOUT (self));

  /* A run in flight may have been answered before the change: a new one replaces it. */
  job = find_job (self, region);
  if (job == NULL)
    return;
  set_waiting (self, job);
  run_next (self);
  update_loading (self);
}
