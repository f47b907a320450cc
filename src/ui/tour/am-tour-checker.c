/* am-tour-checker.c: decides from the sandbox's state which steps of the guided tour are done
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-tour-checker"

#include "config.h"

#include <errno.h>
#include <string.h>

#include "am-tour-checker.h"

#include "am-autoscaling-client.h"
#include "am-auto-scaling-group.h"
#include "am-block-device-mapping.h"
#include "am-describe-images-query.h"
#include "am-image-attribute.h"
#include "am-image.h"
#include "am-instance.h"
#include "am-launch-permission.h"
#include "am-sandbox-process.h"
#include "am-snapshot.h"
#include "am-tag.h"

/* At most this many of the tour's images get their launch permissions read per check. */
#define MAX_PERMISSION_READS 20

struct _AmTourChecker
{
  GObject     parent_instance;

  /* state */
  char       *path;
  gboolean    done[AM_TOUR_N_STEPS];
  /* image id → its snapshot ids (strv): images created from an instance, as last seen */
  GHashTable *images;
  /* Counts resets: a check that started before the last one decides nothing. */
  guint       generation;
};

G_DEFINE_FINAL_TYPE (AmTourChecker, am_tour_checker, G_TYPE_OBJECT)

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *step_ids[AM_TOUR_N_STEPS] = {
  "anatomy", "find", "launch", "tag", "create-image", "two-zones", "share", "bob-sees",
  "deprecate", "auto-scaling", "deregister",
};

const char *
am_tour_step_get_id (AmTourStep step)
{
  g_return_val_if_fail (step < AM_TOUR_N_STEPS, NULL);

  return step_ids[step];
}

/* Progress */

static void
am_tour_checker_load (AmTourChecker *self)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) done = NULL;
  g_auto (GStrv) groups = NULL;

  if (!g_key_file_load_from_file (file, self->path, G_KEY_FILE_NONE, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_warning ("Could not read the tour's progress from %s: %s; the tour starts over",
                   self->path, error->message);
      return;
    }

  done = g_key_file_get_string_list (file, "tour", "done", NULL, NULL);
  for (guint i = 0; done != NULL && done[i] != NULL; i++)
    for (guint s = 0; s < AM_TOUR_N_STEPS; s++)
      if (g_str_equal (done[i], step_ids[s]))
        self->done[s] = TRUE;

  groups = g_key_file_get_groups (file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], "image "))
      g_hash_table_replace (self->images, g_strdup (groups[i] + strlen ("image ")),
                            g_key_file_get_string_list (file, groups[i], "snapshots", NULL, NULL));
}

static void
am_tour_checker_save (AmTourChecker *self)
{
  g_autoptr (GKeyFile) file = g_key_file_new ();
  g_autoptr (GPtrArray) done = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (self->path);
  GHashTableIter iter;
  gpointer key, value;

  for (guint s = 0; s < AM_TOUR_N_STEPS; s++)
    if (self->done[s])
      g_ptr_array_add (done, (char *) step_ids[s]);
  g_key_file_set_string_list (file, "tour", "done", (const char * const *) done->pdata, done->len);
  g_hash_table_iter_init (&iter, self->images);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *group = g_strconcat ("image ", key, NULL);
      const char * const *snapshots = value;

      g_key_file_set_string_list (file, group, "snapshots", snapshots,
                                  snapshots != NULL ? g_strv_length ((GStrv) snapshots) : 0);
    }

  /* Progress is a convenience: a failure to keep it is said, not fatal. */
  if (g_mkdir_with_parents (dir, 0700) != 0 || !g_key_file_save_to_file (file, self->path, &error))
    g_warning ("Could not keep the tour's progress in %s: %s", self->path,
               error != NULL ? error->message : g_strerror (errno));
}

AmTourChecker *
am_tour_checker_new (const char *progress_path)
{
  AmTourChecker *self = g_object_new (AM_TYPE_TOUR_CHECKER, NULL);

  if (progress_path != NULL)
    self->path = g_strdup (progress_path);
  else
    self->path = g_build_filename (g_get_user_data_dir (), "amiable", "tour-progress.ini", NULL);
  am_tour_checker_load (self);

  return self;
}

gboolean
am_tour_checker_is_done (AmTourChecker *self,
                         AmTourStep     step)
{
  g_return_val_if_fail (AM_IS_TOUR_CHECKER (self), FALSE);
  g_return_val_if_fail (step < AM_TOUR_N_STEPS, FALSE);

  return self->done[step];
}

AmTourStep
am_tour_checker_get_current (AmTourChecker *self)
{
  g_return_val_if_fail (AM_IS_TOUR_CHECKER (self), AM_TOUR_N_STEPS);

  for (guint s = 0; s < AM_TOUR_N_STEPS; s++)
    if (!self->done[s])
      return s;
  return AM_TOUR_N_STEPS;
}

guint
am_tour_checker_get_n_done (AmTourChecker *self)
{
  guint n = 0;

  g_return_val_if_fail (AM_IS_TOUR_CHECKER (self), 0);

  for (guint s = 0; s < AM_TOUR_N_STEPS; s++)
    n += self->done[s] ? 1 : 0;
  return n;
}

/* Ticks the steps in @ticked that were not done yet; says so once. */
static void
am_tour_checker_tick (AmTourChecker  *self,
                      const gboolean *ticked,
                      gboolean        images_changed)
{
  gboolean changed = images_changed;

  /* Launching an instance shows the image was found. */
  if (ticked[AM_TOUR_STEP_LAUNCH] || self->done[AM_TOUR_STEP_LAUNCH])
    {
      if (!self->done[AM_TOUR_STEP_FIND])
        self->done[AM_TOUR_STEP_FIND] = changed = TRUE;
    }
  for (guint s = 0; s < AM_TOUR_N_STEPS; s++)
    if (ticked[s] && !self->done[s])
      self->done[s] = changed = TRUE;

  if (changed)
    {
      am_tour_checker_save (self);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

void
am_tour_checker_mark_read (AmTourChecker *self,
                           AmTourStep     step)
{
  gboolean ticked[AM_TOUR_N_STEPS] = { FALSE, };

  g_return_if_fail (AM_IS_TOUR_CHECKER (self));
  g_return_if_fail (step == AM_TOUR_STEP_ANATOMY || step == AM_TOUR_STEP_FIND);

  ticked[step] = TRUE;
  am_tour_checker_tick (self, ticked, FALSE);
}

char **
am_tour_checker_get_image_ids (AmTourChecker *self)
{
  g_autofree char **keys = NULL;

  g_return_val_if_fail (AM_IS_TOUR_CHECKER (self), NULL);

  /* The keys belong to the table: copies for the caller. */
  keys = (char **) g_hash_table_get_keys_as_array (self->images, NULL);
  return g_strdupv (keys);
}

void
am_tour_checker_reset (AmTourChecker *self)
{
  g_return_if_fail (AM_IS_TOUR_CHECKER (self));

  memset (self->done, 0, sizeof self->done);
  g_hash_table_remove_all (self->images);
  self->generation++;
  am_tour_checker_save (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Checking */

typedef struct
{
  AmEc2Client *client;
  char        *account_id;
  guint        pending;
  GError      *error;
  GPtrArray   *instances;      /* AmInstance */
  GPtrArray   *images;         /* AmImage: owned, or (bob) executable by bob */
  GPtrArray   *snapshots;      /* AmSnapshot */
  GPtrArray   *groups;         /* AmAutoScalingGroup */
  GPtrArray   *attributes;     /* AmImageAttribute */
  guint        generation;     /* the checker's, when the check started */
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_clear_object (&data->client);
  g_free (data->account_id);
  g_clear_error (&data->error);
  g_clear_pointer (&data->instances, g_ptr_array_unref);
  g_clear_pointer (&data->images, g_ptr_array_unref);
  g_clear_pointer (&data->snapshots, g_ptr_array_unref);
  g_clear_pointer (&data->groups, g_ptr_array_unref);
  g_clear_pointer (&data->attributes, g_ptr_array_unref);
  g_free (data);
}

static gboolean
is_bob (const char *account_id)
{
  return g_strcmp0 (account_id, AM_SANDBOX_BOB_ACCOUNT_ID) == 0;
}

/* An image made from an instance (CreateImage), and still there. */
static gboolean
is_created_image (AmImage *image)
{
  const char *state = am_image_get_state (image);

  return am_image_get_source_instance_id (image) != NULL
         && g_strcmp0 (state, "deregistered") != 0 && g_strcmp0 (state, "failed") != 0;
}

/* One the user made in this sandbox from one of their own instances (the seeded images name
 * instances that never existed), or one already seen as such. */
static gboolean
is_tour_image (AmTourChecker *self,
               GHashTable    *instance_ids,
               AmImage       *image)
{
  return is_created_image (image)
         && (g_hash_table_contains (instance_ids, am_image_get_source_instance_id (image)) ||
             g_hash_table_contains (self->images, am_image_get_image_id (image)));
}

static gboolean
has_user_tag (AmTag * const *tags)
{
  for (guint i = 0; tags[i] != NULL; i++)
    {
      const char *key = am_tag_get_key (tags[i]);

      if (g_strcmp0 (key, "Name") != 0 && !g_str_has_prefix (key, "aws:"))
        return TRUE;
    }
  return FALSE;
}

static gboolean
snapshot_listed (GPtrArray  *snapshots,
                 const char *snapshot_id)
{
  for (guint i = 0; i < snapshots->len; i++)
    if (g_strcmp0 (am_snapshot_get_snapshot_id (g_ptr_array_index (snapshots, i)), snapshot_id) == 0)
      return TRUE;
  return FALSE;
}

static char **
image_snapshot_ids (AmImage *image)
{
  AmBlockDeviceMapping * const *mappings = am_image_get_block_device_mappings (image);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; mappings[i] != NULL; i++)
    if (am_block_device_mapping_get_snapshot_id (mappings[i]) != NULL)
      g_strv_builder_add (builder, am_block_device_mapping_get_snapshot_id (mappings[i]));
  return g_strv_builder_end (builder);
}

/* Bob's side: one of the tour's images is among those bob may launch. */
static void
decide_bob (AmTourChecker *self,
            CheckData     *data,
            gboolean      *ticked)
{
  for (guint i = 0; i < data->images->len; i++)
    if (g_hash_table_contains (self->images, am_image_get_image_id (g_ptr_array_index (data->images, i))))
      ticked[AM_TOUR_STEP_BOB_SEES] = TRUE;
}

static gboolean
decide_owner (AmTourChecker *self,
              CheckData     *data,
              gboolean      *ticked)
{
  g_autoptr (GHashTable) current = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) zones = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) instance_ids = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean images_changed = FALSE;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < data->instances->len; i++)
    g_hash_table_add (instance_ids, (char *) am_instance_get_instance_id (g_ptr_array_index (data->instances, i)));

  for (guint i = 0; i < data->images->len; i++)
    {
      AmImage *image = g_ptr_array_index (data->images, i);

      if (!is_tour_image (self, instance_ids, image))
        continue;
      g_hash_table_add (current, (char *) am_image_get_image_id (image));
      ticked[AM_TOUR_STEP_CREATE_IMAGE] = TRUE;
      if (am_image_get_deprecation_time (image) != NULL)
        ticked[AM_TOUR_STEP_DEPRECATE] = TRUE;
      if (!g_hash_table_contains (self->images, am_image_get_image_id (image)))
        {
          g_hash_table_replace (self->images, g_strdup (am_image_get_image_id (image)),
                                image_snapshot_ids (image));
          images_changed = TRUE;
        }
      else
        {
          g_auto (GStrv) snapshots = image_snapshot_ids (image);

          /* A pending image gets its snapshot ids when it becomes available. */
          if (snapshots[0] != NULL &&
              !g_strv_equal ((const char * const *) snapshots, g_hash_table_lookup (self->images, am_image_get_image_id (image))))
            {
              g_hash_table_replace (self->images, g_strdup (am_image_get_image_id (image)),
                                    g_steal_pointer (&snapshots));
              images_changed = TRUE;
            }
        }
    }

  for (guint i = 0; i < data->instances->len; i++)
    {
      AmInstance *instance = g_ptr_array_index (data->instances, i);

      ticked[AM_TOUR_STEP_LAUNCH] = TRUE;
      if (has_user_tag (am_instance_get_tags (instance)))
        ticked[AM_TOUR_STEP_TAG] = TRUE;
      if (g_hash_table_contains (self->images, am_instance_get_image_id (instance)) &&
          am_instance_get_availability_zone (instance) != NULL)
        g_hash_table_add (zones, (char *) am_instance_get_availability_zone (instance));
    }
  if (g_hash_table_size (zones) >= 2)
    ticked[AM_TOUR_STEP_TWO_ZONES] = TRUE;

  for (guint i = 0; i < data->attributes->len; i++)
    {
      AmImageAttribute *attribute = g_ptr_array_index (data->attributes, i);
      AmLaunchPermission * const *permissions = am_image_attribute_get_launch_permissions (attribute);

      if (!g_hash_table_contains (current, am_image_attribute_get_image_id (attribute)))
        continue;

      for (guint p = 0; permissions != NULL && permissions[p] != NULL; p++)
        if (is_bob (am_launch_permission_get_user_id (permissions[p])))
          ticked[AM_TOUR_STEP_SHARE] = TRUE;
    }

  for (guint i = 0; i < data->groups->len; i++)
    {
      AmAutoScalingGroup *group = g_ptr_array_index (data->groups, i);

      if (am_auto_scaling_group_get_launch_template_id (group) != NULL ||
          am_auto_scaling_group_get_launch_template_name (group) != NULL)
        ticked[AM_TOUR_STEP_AUTO_SCALING] = TRUE;
    }

  /* Deregistered with its snapshots: an image the tour saw is gone, and so is each of the
   * snapshots behind it. */
  g_hash_table_iter_init (&iter, self->images);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char * const *snapshots = value;
      gboolean kept = FALSE;

      if (g_hash_table_contains (current, key) || snapshots == NULL || snapshots[0] == NULL)
        continue;
      for (guint s = 0; snapshots[s] != NULL; s++)
        kept |= snapshot_listed (data->snapshots, snapshots[s]);
      if (!kept)
        ticked[AM_TOUR_STEP_DEREGISTER] = TRUE;
    }

  return images_changed;
}

static void
check_part_done (GTask  *task,
                 GError *error)
{
  AmTourChecker *self = g_task_get_source_object (task);
  CheckData *data = g_task_get_task_data (task);
  gboolean ticked[AM_TOUR_N_STEPS] = { FALSE, };
  gboolean images_changed = FALSE;

  if (error != NULL && data->error == NULL)
    data->error = error;
  else if (error != NULL)
    g_error_free (error);

  g_assert (data->pending > 0);
  if (--data->pending > 0)
    return;

  if (data->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&data->error));
      g_object_unref (task);
      return;
    }

  /* The sandbox was reset while this check ran: what it saw is gone. */
  if (data->generation != self->generation)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  if (is_bob (data->account_id))
    decide_bob (self, data, ticked);
  else
    images_changed = decide_owner (self, data, ticked);
  am_tour_checker_tick (self, ticked, images_changed);

  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
check_attribute_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  CheckData *data = g_task_get_task_data (task);
  GError *error = NULL;
  AmImageAttribute *attribute;

  attribute = am_ec2_client_describe_image_attribute_finish (AM_EC2_CLIENT (object), result, &error);
  if (attribute != NULL)
    g_ptr_array_add (data->attributes, attribute);
  check_part_done (task, error);
}

static void
check_images_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  CheckData *data = g_task_get_task_data (task);
  GError *error = NULL;
  g_autofree char *next_token = NULL;
  guint n_reads = 0;

  /* One page of up to 1000 is plenty for a sandbox account's own images. */
  data->images = am_ec2_client_describe_images_finish (AM_EC2_CLIENT (object), result, &next_token, &error);
  if (data->images == NULL)
    data->images = g_ptr_array_new_with_free_func (g_object_unref);
  else if (!is_bob (data->account_id))
    for (guint i = 0; i < data->images->len && n_reads < MAX_PERMISSION_READS; i++)
      {
        AmImage *image = g_ptr_array_index (data->images, i);

        /* Which of them are the user's is decided once the instances are known. */
        if (!is_created_image (image))
          continue;
        data->pending++;
        n_reads++;
        am_ec2_client_describe_image_attribute_async (data->client, am_image_get_image_id (image),
                                                      "launchPermission", g_task_get_cancellable (task),
                                                      check_attribute_cb, task);
      }
  check_part_done (task, error);
}

/* Keeps one listing's result (an empty one when it failed) and counts the part as done. */
static void
store_part (GTask      *task,
            GPtrArray **slot,
            GPtrArray  *array,
            GError     *error)
{
  g_clear_pointer (slot, g_ptr_array_unref);
  *slot = array != NULL ? array : g_ptr_array_new_with_free_func (g_object_unref);
  check_part_done (task, error);
}

static void
check_instances_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  CheckData *data = g_task_get_task_data (user_data);
  GError *error = NULL;
  GPtrArray *instances = am_ec2_client_describe_instances_finish (AM_EC2_CLIENT (object), result, &error);

  store_part (user_data, &data->instances, instances, error);
}

static void
check_snapshots_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  CheckData *data = g_task_get_task_data (user_data);
  GError *error = NULL;
  GPtrArray *snapshots = am_ec2_client_describe_snapshots_finish (AM_EC2_CLIENT (object), result, &error);

  store_part (user_data, &data->snapshots, snapshots, error);
}

static void
check_groups_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CheckData *data = g_task_get_task_data (user_data);
  GError *error = NULL;
  GPtrArray *groups = am_autoscaling_client_describe_groups_finish (AM_AUTOSCALING_CLIENT (object), result,
                                                                    NULL, &error);

  store_part (user_data, &data->groups, groups, error);
}

void
am_tour_checker_check_async (AmTourChecker       *self,
                             AmEc2Client         *client,
                             const char          *account_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  static const char * const self_owner[] = { "self", NULL };
  g_autoptr (GTask) task = NULL;
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  CheckData *data;

  g_return_if_fail (AM_IS_TOUR_CHECKER (self));
  g_return_if_fail (AM_IS_EC2_CLIENT (client));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_tour_checker_check_async);
  data = g_new0 (CheckData, 1);
  data->client = g_object_ref (client);
  data->account_id = g_strdup (account_id);
  data->generation = self->generation;
  data->attributes = g_ptr_array_new_with_free_func (g_object_unref);
  data->instances = g_ptr_array_new_with_free_func (g_object_unref);
  data->snapshots = g_ptr_array_new_with_free_func (g_object_unref);
  data->groups = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);

  query->max_results = 1000;
  query->include_deprecated = TRUE;
  if (is_bob (account_id))
    {
      /* Bob's side: what alice's account lets him launch. */
      am_describe_images_query_add_owner (query, AM_SANDBOX_ALICE_ACCOUNT_ID);
      am_describe_images_query_add_executable_by (query, "self");
      data->pending = 1;
      am_ec2_client_describe_images_async (client, query, cancellable, check_images_cb, g_object_ref (task));
      return;
    }

  am_describe_images_query_add_owner (query, "self");
  /* The callbacks share one reference, dropped by the last part to finish. */
  data->pending = 3;
  am_ec2_client_describe_images_async (client, query, cancellable, check_images_cb, task);
  am_ec2_client_describe_instances_async (client, NULL, NULL, cancellable, check_instances_cb, task);
  am_ec2_client_describe_snapshots_async (client, NULL, self_owner, NULL, cancellable, check_snapshots_cb, task);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (AmAutoScalingClient) autoscaling = am_autoscaling_client_new_for_ec2_client (client, &error);

    if (autoscaling != NULL)
      {
        data->pending++;
        am_autoscaling_client_describe_groups_async (autoscaling, NULL, 0, cancellable, check_groups_cb, task);
      }
    else
      g_debug ("No Auto Scaling client: %s", error->message);
  }
  g_steal_pointer (&task);
}

gboolean
am_tour_checker_check_finish (AmTourChecker  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (AM_IS_TOUR_CHECKER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_tour_checker_check_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
am_tour_checker_finalize (GObject *object)
{
  AmTourChecker *self = AM_TOUR_CHECKER (object);

  g_free (self->path);
  g_hash_table_unref (self->images);

  G_OBJECT_CLASS (am_tour_checker_parent_class)->finalize (object);
}

static void
am_tour_checker_class_init (AmTourCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_tour_checker_finalize;

  /**
   * AmTourChecker::changed:
   * A step was ticked, or the progress was reset.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
am_tour_checker_init (AmTourChecker *self)
{
  self->images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
}
