/* am-cleanup-plan.c: which owned images a set of keep rules would deregister, and what it frees
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-cleanup-plan"

#include "config.h"

#include <string.h>

#include "am-block-device-mapping.h"
#include "am-image-attribute.h"
#include "am-image-reference.h"
#include "am-cleanup-plan.h"
#include "am-image-family.h"
#include "am-owned-images.h"

typedef struct
{
  AmCleanupEntry       entry;
  AmCleanupImageFlags  flags;
  char                *family;
} Entry;

typedef struct
{
  double      gb;
  gboolean    archive;
} SnapshotInfo;

struct _AmCleanupPlan
{
  GObject     parent_instance;

  /* inputs */
  GPtrArray  *entries;     /* (element-type Entry) */
  GHashTable *snapshots;   /* snapshot id → SnapshotInfo */
  char       *family_tag;
  guint       keep_newest;
  guint       keep_days;
  gint64      now;
  double      rate_standard;
  double      rate_archive;

  /* results */
  guint       n_removals;
  guint       n_freed;
  double      freed_gb;
  double      freed_cost;
};

G_DEFINE_FINAL_TYPE (AmCleanupPlan, am_cleanup_plan, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals [N_SIGNALS];

static void
entry_free (gpointer data)
{
  Entry *e = data;

  g_object_unref (e->entry.image);
  g_strfreev (e->entry.snapshot_ids);
  g_strfreev (e->entry.freed_snapshots);
  g_free (e->family);
  g_free (e);
}

static void
am_cleanup_plan_finalize (GObject *object)
{
  AmCleanupPlan *self = AM_CLEANUP_PLAN (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->snapshots, g_hash_table_unref);
  g_clear_pointer (&self->family_tag, g_free);

  G_OBJECT_CLASS (am_cleanup_plan_parent_class)->finalize (object);
}

static void
am_cleanup_plan_class_init (AmCleanupPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_cleanup_plan_finalize;

  /* AmCleanupPlan::changed: am_cleanup_plan_compute() has new results. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
am_cleanup_plan_init (AmCleanupPlan *self)
{
  self->entries = g_ptr_array_new_with_free_func (entry_free);
  self->snapshots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->keep_newest = 2;
  self->rate_standard = AM_CLEANUP_DEFAULT_RATE_STANDARD;
  self->rate_archive = AM_CLEANUP_DEFAULT_RATE_ARCHIVE;
}

AmCleanupPlan *
am_cleanup_plan_new (void)
{
  return g_object_new (AM_TYPE_CLEANUP_PLAN, NULL);
}

void
am_cleanup_plan_add_image (AmCleanupPlan       *self,
                           AmImage             *image,
                           AmCleanupImageFlags  flags)
{
  AmBlockDeviceMapping * const *mappings;
  GStrvBuilder *ids = g_strv_builder_new ();
  Entry *e;

  g_return_if_fail (AM_IS_CLEANUP_PLAN (self));
  g_return_if_fail (AM_IS_IMAGE (image));

  e = g_new0 (Entry, 1);
  e->entry.image = g_object_ref (image);
  e->flags = flags;
  mappings = am_image_get_block_device_mappings (image);
  for (guint i = 0; mappings[i] != NULL; i++)
    {
      const char *id = am_block_device_mapping_get_snapshot_id (mappings[i]);

      if (id == NULL)
        continue;
      g_strv_builder_add (ids, id);
      if (!g_hash_table_contains (self->snapshots, id))
        {
          SnapshotInfo *info = g_new0 (SnapshotInfo, 1);

          info->gb = am_block_device_mapping_get_volume_size (mappings[i]);
          g_hash_table_insert (self->snapshots, g_strdup (id), info);
        }
    }
  e->entry.snapshot_ids = g_strv_builder_end (ids);
  g_strv_builder_unref (ids);
  e->entry.freed_snapshots = g_new0 (char *, 1);
  g_ptr_array_add (self->entries, e);
}

void
am_cleanup_plan_add_snapshot (AmCleanupPlan *self,
                              AmSnapshot    *snapshot)
{
  SnapshotInfo *info = g_new0 (SnapshotInfo, 1);

  g_return_if_fail (AM_IS_CLEANUP_PLAN (self));
  g_return_if_fail (AM_IS_SNAPSHOT (snapshot));

  info->gb = am_snapshot_get_volume_size (snapshot);
  info->archive = g_strcmp0 (am_snapshot_get_storage_tier (snapshot), "archive") == 0;
  g_hash_table_replace (self->snapshots, g_strdup (am_snapshot_get_snapshot_id (snapshot)), info);
}

void
am_cleanup_plan_clear (AmCleanupPlan *self)
{
  g_return_if_fail (AM_IS_CLEANUP_PLAN (self));

  g_ptr_array_set_size (self->entries, 0);
  g_hash_table_remove_all (self->snapshots);
  self->n_removals = self->n_freed = 0;
  self->freed_gb = self->freed_cost = 0;
}

void
am_cleanup_plan_set_family_tag (AmCleanupPlan *self,
                                const char    *tag_key)
{
  g_return_if_fail (AM_IS_CLEANUP_PLAN (self));

  if (tag_key != NULL && tag_key[0] == '\0')
    tag_key = NULL;
  g_free (self->family_tag);
  self->family_tag = g_strdup (tag_key);
}

void
am_cleanup_plan_set_keep_newest (AmCleanupPlan *self,
                                 guint          n)
{
  g_return_if_fail (AM_IS_CLEANUP_PLAN (self));
  self->keep_newest = n;
}

void
am_cleanup_plan_set_keep_days (AmCleanupPlan *self,
                               guint          days)
{
  g_return_if_fail (AM_IS_CLEANUP_PLAN (self));
  self->keep_days = days;
}

void
am_cleanup_plan_set_now (AmCleanupPlan *self,
                         gint64         now)
{
  g_return_if_fail (AM_IS_CLEANUP_PLAN (self));
  self->now = now;
}

void
am_cleanup_plan_set_rates (AmCleanupPlan *self,
                           double         standard,
                           double         archive)
{
  g_return_if_fail (AM_IS_CLEANUP_PLAN (self));
  self->rate_standard = MAX (standard, 0);
  self->rate_archive = MAX (archive, 0);
}

/* By Region (a family's copy in another Region is a family of its own there), by family,
 * newest first; equal times by name, the higher (later) version first. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = *(const Entry * const *)a;
  const Entry *y = *(const Entry * const *)b;
  gint64 tx = am_image_get_creation_time (x->entry.image);
  gint64 ty = am_image_get_creation_time (y->entry.image);
  int c = g_strcmp0 (am_image_get_region (x->entry.image), am_image_get_region (y->entry.image));

  if (c != 0)
    return c;
  c = strcmp (x->family, y->family);
  if (c != 0)
    return c;
  if (tx != ty)
    return tx > ty ? -1 : 1;
  c = g_strcmp0 (am_image_get_name (y->entry.image), am_image_get_name (x->entry.image));
  if (c != 0)
    return c;
  return g_strcmp0 (am_image_get_image_id (x->entry.image), am_image_get_image_id (y->entry.image));
}

static AmCleanupVerdict
judge (AmCleanupPlan *self,
       Entry         *e)
{
  const char *protection;

  if (e->flags & AM_CLEANUP_IMAGE_USED)
    return AM_CLEANUP_KEEP_USED;
  protection = am_image_get_deregistration_protection (e->entry.image);
  if (protection != NULL && g_str_has_prefix (protection, "enabled"))
    return AM_CLEANUP_KEEP_PROTECTED;
  if ((e->flags & AM_CLEANUP_IMAGE_SHARED) || am_image_get_is_public (e->entry.image))
    return AM_CLEANUP_KEEP_SHARED;
  if (e->entry.rank < self->keep_newest)
    return AM_CLEANUP_KEEP_NEWEST;
  if (self->keep_days > 0 && e->entry.age_days < (gint64)self->keep_days)
    return AM_CLEANUP_KEEP_RECENT;
  return AM_CLEANUP_REMOVE;
}

void
am_cleanup_plan_compute (AmCleanupPlan *self)
{
  g_autoptr (GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) counted = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 now;
  const char *family = NULL;
  const char *region = NULL;
  guint rank = 0;

  g_return_if_fail (AM_IS_CLEANUP_PLAN (self));

  now = self->now != 0 ? self->now : g_get_real_time () / G_USEC_PER_SEC;
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = self->entries->pdata[i];
      gint64 created = am_image_get_creation_time (e->entry.image);

      g_free (e->family);
      e->family = am_image_family_for_image (e->entry.image, self->family_tag);
      e->entry.family = e->family;
      e->entry.age_days = created > 0 && now > created ? (now - created) / (24 * 3600) : 0;
    }
  g_ptr_array_sort (self->entries, compare_entries);

  self->n_removals = 0;
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = self->entries->pdata[i];

      if (family == NULL || strcmp (family, e->family) != 0
          || g_strcmp0 (region, am_image_get_region (e->entry.image)) != 0)
        rank = 0;
      family = e->family;
      region = am_image_get_region (e->entry.image);
      e->entry.rank = rank++;
      e->entry.verdict = judge (self, e);
      if (e->entry.verdict == AM_CLEANUP_REMOVE)
        self->n_removals++;
      else
        for (guint s = 0; e->entry.snapshot_ids[s] != NULL; s++)
          g_hash_table_add (kept, e->entry.snapshot_ids[s]);
    }

  self->n_freed = 0;
  self->freed_gb = self->freed_cost = 0;
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = self->entries->pdata[i];
      GStrvBuilder *freed = g_strv_builder_new ();

      e->entry.freed_gb = 0;
      if (e->entry.verdict == AM_CLEANUP_REMOVE)
        for (guint s = 0; e->entry.snapshot_ids[s] != NULL; s++)
          {
            const char *id = e->entry.snapshot_ids[s];
            SnapshotInfo *info = g_hash_table_lookup (self->snapshots, id);

            if (g_hash_table_contains (kept, id) || !g_hash_table_add (counted, (gpointer)id))
              continue;
            g_strv_builder_add (freed, id);
            e->entry.freed_gb += info->gb;
            self->n_freed++;
            self->freed_gb += info->gb;
            self->freed_cost += info->gb * (info->archive ? self->rate_archive : self->rate_standard);
          }
      g_strfreev (e->entry.freed_snapshots);
      e->entry.freed_snapshots = g_strv_builder_end (freed);
      g_strv_builder_unref (freed);
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

GPtrArray *
am_cleanup_plan_get_entries (AmCleanupPlan *self)
{
  g_return_val_if_fail (AM_IS_CLEANUP_PLAN (self), NULL);
  /* Entry starts with its AmCleanupEntry, so the array reads as one of AmCleanupEntry. */
  return self->entries;
}

GPtrArray *
am_cleanup_plan_get_removals (AmCleanupPlan *self)
{
  GPtrArray *removals = g_ptr_array_new ();

  g_return_val_if_fail (AM_IS_CLEANUP_PLAN (self), removals);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = self->entries->pdata[i];

      if (e->entry.verdict == AM_CLEANUP_REMOVE)
        g_ptr_array_add (removals, &e->entry);
    }
  return removals;
}

guint
am_cleanup_plan_get_n_removals (AmCleanupPlan *self)
{
  g_return_val_if_fail (AM_IS_CLEANUP_PLAN (self), 0);
  return self->n_removals;
}

guint
am_cleanup_plan_get_n_freed_snapshots (AmCleanupPlan *self)
{
  g_return_val_if_fail (AM_IS_CLEANUP_PLAN (self), 0);
  return self->n_freed;
}

double
am_cleanup_plan_get_freed_gb (AmCleanupPlan *self)
{
  g_return_val_if_fail (AM_IS_CLEANUP_PLAN (self), 0);
  return self->freed_gb;
}

double
am_cleanup_plan_get_freed_monthly_cost (AmCleanupPlan *self)
{
  g_return_val_if_fail (AM_IS_CLEANUP_PLAN (self), 0);
  return self->freed_cost;
}

/* --- loading ------------------------------------------------------------------------------ */

#define REFERENCES_PER_CALL 10

typedef struct
{
  AmEc2Client *client;
  GPtrArray   *images;      /* (element-type AmImage) */
  GPtrArray   *snapshots;   /* (element-type AmSnapshot) */
  GHashTable  *used;        /* image id set */
  GHashTable  *shared;      /* image id set */
  guint        next;        /* the next image to ask about */
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->client);
  g_clear_pointer (&load->images, g_ptr_array_unref);
  g_clear_pointer (&load->snapshots, g_ptr_array_unref);
  g_clear_pointer (&load->used, g_hash_table_unref);
  g_clear_pointer (&load->shared, g_hash_table_unref);
  g_free (load);
}

static void load_next_references (GTask *task);
static void load_next_attribute (GTask *task);

static void
load_done (GTask *task)
{
  AmCleanupPlan *self = g_task_get_source_object (task);
  LoadData *load = g_task_get_task_data (task);

  am_cleanup_plan_clear (self);
  for (guint i = 0; i < load->images->len; i++)
    {
      AmImage *image = load->images->pdata[i];
      const char *id = am_image_get_image_id (image);
      AmCleanupImageFlags flags = 0;

      if (g_hash_table_contains (load->used, id))
        flags |= AM_CLEANUP_IMAGE_USED;
      if (g_hash_table_contains (load->shared, id))
        flags |= AM_CLEANUP_IMAGE_SHARED;
      am_cleanup_plan_add_image (self, image, flags);
    }
  for (guint i = 0; load->snapshots != NULL && i < load->snapshots->len; i++)
    am_cleanup_plan_add_snapshot (self, load->snapshots->pdata[i]);
  am_cleanup_plan_compute (self);
  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
load_attribute_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  LoadData *load = g_task_get_task_data (task);
  g_autoptr (AmImageAttribute) attribute = NULL;
  GError *error = NULL;

  attribute = am_ec2_client_describe_image_attribute_finish (load->client, result, &error);
  if (attribute == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (am_image_attribute_get_launch_permissions (attribute)[0] != NULL)
    g_hash_table_add (load->shared, g_strdup (am_image_get_image_id (load->images->pdata[load->next])));
  load->next++;
  load_next_attribute (task);
}

static void
load_next_attribute (GTask *task)
{
  LoadData *load = g_task_get_task_data (task);

  /* Public images are shared without asking; the rest are asked one at a time. */
  while (load->next < load->images->len && am_image_get_is_public (load->images->pdata[load->next]))
    load->next++;
  if (load->next >= load->images->len)
    {
      load_done (task);
      return;
    }
  am_ec2_client_describe_image_attribute_async (load->client,
                                                am_image_get_image_id (load->images->pdata[load->next]),
                                                "launchPermission", g_task_get_cancellable (task),
                                                load_attribute_cb, task);
}

static void
load_references_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  LoadData *load = g_task_get_task_data (task);
  g_autoptr (GPtrArray) references = NULL;
  GError *error = NULL;

  references = am_ec2_client_describe_image_references_finish (load->client, result, &error);
  if (references == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  for (guint i = 0; i < references->len; i++)
    g_hash_table_add (load->used, g_strdup (am_image_reference_get_image_id (references->pdata[i])));
  load_next_references (task);
}

static void
load_next_references (GTask *task)
{
  LoadData *load = g_task_get_task_data (task);
  const char *ids[REFERENCES_PER_CALL + 1] = { NULL };
  guint n = 0;

  if (load->next >= load->images->len)
    {
      load->next = 0;
      load_next_attribute (task);
      return;
    }
  while (n < REFERENCES_PER_CALL && load->next < load->images->len)
    ids[n++] = am_image_get_image_id (load->images->pdata[load->next++]);
  am_ec2_client_describe_image_references_async (load->client, ids, g_task_get_cancellable (task),
                                                 load_references_cb, task);
}

static void
load_owned_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  LoadData *load = g_task_get_task_data (task);
  GError *error = NULL;

  if (!am_owned_images_load_finish (load->client, result, &load->images, &load->snapshots, NULL, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  load->next = 0;
  load_next_references (task);
}

void
am_cleanup_plan_load_async (AmCleanupPlan       *self,
                            AmEc2Client         *client,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;
  LoadData *load;

  g_return_if_fail (AM_IS_CLEANUP_PLAN (self));
  g_return_if_fail (AM_IS_EC2_CLIENT (client));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_cleanup_plan_load_async);
  load = g_new0 (LoadData, 1);
  load->client = g_object_ref (client);
  load->used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  load->shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_task_set_task_data (task, load, load_data_free);
  am_owned_images_load_async (client, FALSE, cancellable, load_owned_cb, task);
}

gboolean
am_cleanup_plan_load_finish (AmCleanupPlan  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_cleanup_plan_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- every Region ------------------------------------------------------------------------ */

static void
region_plan_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  AmCleanupPlan *plan = AM_CLEANUP_PLAN (source);
  GError *error = NULL;

  if (!am_cleanup_plan_load_finish (plan, result, &error))
    g_task_return_error (task, error);
  else
    {
      const char *region = am_ec2_client_get_region (g_task_get_source_object (task));

      /* Marked before anyone else sees them: the merged plan groups by Region. */
      for (guint i = 0; i < plan->entries->len; i++)
        am_image_set_region (((Entry *)plan->entries->pdata[i])->entry.image, region);
      g_task_return_pointer (task, g_object_ref (plan), g_object_unref);
    }
  g_object_unref (task);
}

static void
region_job (AmEc2Client         *client,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr (AmCleanupPlan) plan = am_cleanup_plan_new ();
  GTask *task = g_task_new (client, cancellable, callback, user_data);

  g_task_set_source_tag (task, region_job);
  am_cleanup_plan_load_async (plan, client, cancellable, region_plan_cb, task);
}

static GPtrArray *
region_job_finish (AmEc2Client   *client,
                   GAsyncResult  *result,
                   GError       **error)
{
  AmCleanupPlan *plan = g_task_propagate_pointer (G_TASK (result), error);
  GPtrArray *items;

  if (plan == NULL)
    return NULL;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (items, plan);
  return items;
}

AmRegionFanout *
am_cleanup_plan_new_region_fanout (AmEc2Client *client)
{
  g_return_val_if_fail (AM_IS_EC2_CLIENT (client), NULL);
  return am_region_fanout_new (client, AM_TYPE_CLEANUP_PLAN, region_job, region_job_finish);
}

void
am_cleanup_plan_take_regions (AmCleanupPlan *self,
                              GListModel    *plans)
{
  g_return_if_fail (AM_IS_CLEANUP_PLAN (self));
  g_return_if_fail (G_IS_LIST_MODEL (plans));

  am_cleanup_plan_clear (self);
  for (guint i = 0; i < g_list_model_get_n_items (plans); i++)
    {
      g_autoptr (AmCleanupPlan) plan = g_list_model_get_item (plans, i);
      GHashTableIter iter;
      gpointer key, value;

      for (guint j = 0; j < plan->entries->len; j++)
        {
          Entry *e = plan->entries->pdata[j];

          am_cleanup_plan_add_image (self, e->entry.image, e->flags);
        }
      g_hash_table_iter_init (&iter, plan->snapshots);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_replace (self->snapshots, g_strdup (key), g_memdup2 (value, sizeof (SnapshotInfo)));
    }
  am_cleanup_plan_compute (self);
}
