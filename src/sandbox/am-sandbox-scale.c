/* am-sandbox-scale.c: alice's account seeded at scale (--seed-scale): image families over
 * five regions, their snapshots and orphaned ones, instances and launch templates using them
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "am-sandbox-private.h"
#include "am-sandbox-scale.h"

/* The newest build of every family is from this day; older ones go back a week each. */
#define SCALE_NEWEST "2026-11-30T12:00:00.000Z"
#define DAY_MS (G_GINT64_CONSTANT (24) * 3600 * 1000)

static const char *const teams[] = { "web", "api", "batch", "search", "billing",
                                     "auth", "ml-train", "etl", "cache", "gateway" };
static const char *const roles[] = { "base", "app", "worker", "canary" };
#define N_FAMILIES ((guint) (G_N_ELEMENTS (teams) * G_N_ELEMENTS (roles)))

/* The public images the families are built on, by family % 4. */
static const char *const bases[] = {
  "al2023-ami-2023.9.20251110.1-kernel-6.1-x86_64",
  "debian-12-amd64-20251112-2294",
  "al2023-ami-2023.9.20251110.1-kernel-6.1-arm64",
  "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20251112",
};

gboolean
am_sb_scale_parse (const char  *spec,
                   AmSbScale   *scale,
                   GError     **error)
{
  g_auto (GStrv) parts = NULL;

  memset (scale, 0, sizeof *scale);
  if (spec == NULL)
    return TRUE;
  if (strcmp (spec, "lifecycle") == 0)
    {
      *scale = (AmSbScale) { 10000, 20000, 2000, 300 };
      return TRUE;
    }
  parts = g_strsplit (spec, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto (GStrv) kv = g_strsplit (parts[i], "=", 2);
      guint *field = NULL;
      char *end = NULL;
      guint64 n;

      if (kv[0] == NULL || kv[1] == NULL)
        goto bad;
      if (strcmp (kv[0], "images") == 0)
        field = &scale->images;
      else if (strcmp (kv[0], "snapshots") == 0)
        field = &scale->snapshots;
      else if (strcmp (kv[0], "instances") == 0)
        field = &scale->instances;
      else if (strcmp (kv[0], "launch-templates") == 0)
        field = &scale->launch_templates;
      else
        goto bad;
      n = g_ascii_strtoull (kv[1], &end, 10);
      if (end == kv[1] || *end != '\0' || n > 500000)
        goto bad;
      *field = (guint) n;
      continue;

    bad:
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "Cannot read \"%s\" of --seed-scale: use lifecycle, or images=N,snapshots=N,instances=N,"
                   "launch-templates=N (each 0–500000, totals over the five regions)", parts[i]);
      return FALSE;
    }
  return TRUE;
}

/* @total spread over the regions: region @r's share. */
static guint
share (guint total,
       guint r)
{
  return total / AM_SB_N_REGIONS + (r < total % AM_SB_N_REGIONS ? 1 : 0);
}

typedef struct
{
  AmSbState         *state;
  const AmSbAccount *alice;
  const char        *region;
  guint              r;
  AmSbImage         *bases[G_N_ELEMENTS (bases)];
  GPtrArray         *images;    /* (element-type AmSbImage) (not owned): this region's, by index */
  guint              added;
} Seeder;

static AmSbSnapshot *
add_snapshot (Seeder     *s,
              const char *key,
              gint        size,
              gint64      time,
              char       *description)
{
  g_autofree char *snap_key = g_strconcat ("scale-snapshot/", key, NULL);
  g_autofree char *vol_key = g_strconcat ("scale-volume/", key, NULL);
  g_autofree char *id = am_sb_hashed_id ("snap", snap_key);
  AmSbSnapshot *snapshot = g_hash_table_lookup (s->state->snapshots, id);

  if (snapshot != NULL)
    {
      g_free (description);
      return snapshot;
    }
  snapshot = g_new0 (AmSbSnapshot, 1);
  snapshot->snapshot_id = g_steal_pointer (&id);
  snapshot->region = g_intern_string (s->region);
  snapshot->owner_id = g_intern_static_string (s->alice->account_id);
  snapshot->volume_id = am_sb_hashed_id ("vol", vol_key);
  snapshot->volume_size = size;
  snapshot->description = description;
  snapshot->start_time = time;
  snapshot->completed_time = time + 7 * 60 * 1000;
  g_hash_table_replace (s->state->snapshots, snapshot->snapshot_id, snapshot);
  s->added++;
  return snapshot;
}

/* Image @i of the region: family i % N_FAMILIES, the (i / N_FAMILIES)-th newest of it. */
static AmSbImage *
add_image (Seeder   *s,
           guint     i,
           guint     n_images,
           gboolean  data_volume,
           gint64    newest)
{
  guint family = i % N_FAMILIES;
  guint age = i / N_FAMILIES;
  guint n_versions = (n_images + N_FAMILIES - 1 - family) / N_FAMILIES;
  const char *team = teams[family / G_N_ELEMENTS (roles)];
  const char *role = roles[family % G_N_ELEMENTS (roles)];
  AmSbImage *base = s->bases[family % G_N_ELEMENTS (bases)];
  gint64 created = newest - age * 7 * DAY_MS - family * 37 * 60 * 1000 - s->r * 3 * 3600 * 1000;
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  g_autofree char *id = NULL;
  g_autofree char *instance_key = NULL;
  AmSbImage *image;
  AmSbBlockDevice *root;
  AmSbSnapshot *snapshot;

  /* Half the families are named by date and time (as Packer's timestamp does), half by version. */
  if (family % 2 == 0)
    {
      g_autoptr (GDateTime) when = g_date_time_new_from_unix_utc (created / 1000);
      g_autofree char *stamp = g_date_time_format (when, "%Y%m%dT%H%MZ");

      name = g_strdup_printf ("%s-%s-%s", team, role, stamp);
    }
  else
    name = g_strdup_printf ("%s-%s-v%u.%u.0", team, role, 1 + (n_versions - age) / 20, (n_versions - age) % 20);
  key = g_strconcat (s->region, "/", s->alice->account_id, "/", name, NULL);
  id = am_sb_hashed_id ("ami", key);
  if ((image = g_hash_table_lookup (s->state->images, id)) != NULL)
    return image;

  image = am_sb_image_copy (base);
  g_free (image->image_id);
  image->image_id = g_steal_pointer (&id);
  image->owner_id = g_intern_static_string (s->alice->account_id);
  image->owner_alias = NULL;
  g_free (image->name);
  image->name = g_strdup (name);
  g_free (image->description);
  image->description = g_strdup_printf ("%s %s image, build %u, on %s", team, role, n_versions - age, base->name);
  image->ssm_parameter = NULL;
  image->creation_time = created;
  image->available_time = 0;
  /* Builds older than ten weeks were deprecated a year after they were made. */
  image->deprecation_time = age >= 10 ? created + 365 * DAY_MS : 0;
  image->deregistration_protection = i % 97 == 5;
  image->stored = TRUE;
  g_ptr_array_set_size (image->launch_permissions, 0);
  if (i % 53 == 7)
    g_ptr_array_add (image->launch_permissions, am_sb_launch_permission_new (AM_SB_PERM_USER, "444455556666"));
  image->source_image_id = g_strdup (base->image_id);
  image->source_image_region = g_strdup (s->region);
  instance_key = g_strconcat ("scale-instance/", key, NULL);
  image->source_instance_id = am_sb_hashed_id ("i", instance_key);

  root = image->block_devices->pdata[0];
  snapshot = add_snapshot (s, key, root->volume_size, created,
                           g_strdup_printf ("Created by CreateImage(%s) for %s", image->source_instance_id,
                                            image->image_id));
  g_free (root->snapshot_id);
  root->snapshot_id = g_strdup (snapshot->snapshot_id);
  if (data_volume)
    {
      g_autofree char *data_key = g_strconcat (key, "/data", NULL);
      AmSbBlockDevice *bd = am_sb_block_device_new ();

      snapshot = add_snapshot (s, data_key, 100, created,
                               g_strdup_printf ("Created by CreateImage(%s) for %s", image->source_instance_id,
                                                image->image_id));
      bd->device_name = g_strdup ("/dev/sdf");
      bd->has_ebs = TRUE;
      bd->snapshot_id = g_strdup (snapshot->snapshot_id);
      bd->volume_size = 100;
      bd->volume_type = g_strdup ("gp3");
      bd->delete_on_termination = TRUE;
      g_ptr_array_add (image->block_devices, bd);
    }
  g_hash_table_replace (s->state->images, image->image_id, image);
  am_sb_state_set_tag (s->state, s->alice->account_id, image->image_id, "Project", team);
  s->added++;
  return image;
}

/* Snapshots no registered image uses: of images deregistered without their snapshots, and
 * nightly volume backups. */
static void
add_orphan (Seeder *s,
            guint   j,
            gint64  newest)
{
  g_autofree char *key = g_strdup_printf ("%s/%s/orphan/%u", s->region, s->alice->account_id, j);
  gint64 time = newest - (30 + j % 700) * DAY_MS - (j % 24) * 3600 * 1000;
  char *description;

  if (j % 2 == 0)
    {
      g_autofree char *gone_key = g_strconcat ("scale-deregistered/", key, NULL);
      g_autofree char *gone = am_sb_hashed_id ("ami", gone_key);
      g_autofree char *instance = am_sb_hashed_id ("i", key);

      description = g_strdup_printf ("Created by CreateImage(%s) for %s", instance, gone);
    }
  else
    {
      g_autofree char *volume = am_sb_hashed_id ("vol", key);

      description = g_strdup_printf ("Nightly backup of %s", volume);
    }
  add_snapshot (s, key, j % 2 == 0 ? 8 + (j % 5) * 8 : 50 + (j % 4) * 50, time, description);
}

static void
add_instance (Seeder    *s,
              guint      j,
              AmSbImage *image)
{
  g_autofree char *key = g_strdup_printf ("%s/%s/instance/%u", s->region, s->alice->account_id, j);
  g_autofree char *id = am_sb_hashed_id ("i", key);
  g_autofree char *net_key = g_strconcat (s->alice->account_id, "/", s->region, NULL);
  g_autofree char *vpc_key = g_strconcat ("vpc/", net_key, NULL);
  g_autofree char *sg_key = g_strconcat ("sg/", net_key, NULL);
  g_autofree char *subnet_key = g_strdup_printf ("subnet/%s/%u", net_key, j % 3);
  AmSbInstance *in;

  if (g_hash_table_contains (s->state->instances, id))
    return;
  in = g_new0 (AmSbInstance, 1);
  in->instance_id = g_steal_pointer (&id);
  in->region = g_intern_string (s->region);
  in->owner_id = g_intern_static_string (s->alice->account_id);
  in->reservation_id = am_sb_hashed_id ("r", key);
  in->instance_type = g_strdup (strcmp (image->architecture, "arm64") == 0 ? "t4g.small" : "t3.small");
  in->subnet_id = am_sb_hashed_id ("subnet", subnet_key);
  in->vpc_id = am_sb_hashed_id ("vpc", vpc_key);
  in->availability_zone = g_strdup_printf ("%s%c", s->region, 'a' + j % 3);
  in->private_ip = g_strdup_printf ("172.31.%u.%u", (j % 3) * 16 + (j / 250) % 16, j % 250 + 4);
  in->public_ip = g_strdup_printf ("3.%u.%u.%u", 80 + (j * 7) % 160, (j * 13) % 256, 1 + (j * 31) % 254);
  in->security_group_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (in->security_group_ids, am_sb_hashed_id ("sg", sg_key));
  _am_sb_instance_set_image (in, image);
  for (guint k = 0; k < image->block_devices->len; k++)
    {
      AmSbBlockDevice *bd = image->block_devices->pdata[k];
      g_autofree char *vol_key = g_strdup_printf ("%s/%s", key, bd->device_name);
      AmSbVolume *v;

      if (!bd->has_ebs)
        continue;
      v = g_new0 (AmSbVolume, 1);
      v->device_name = g_strdup (bd->device_name);
      v->volume_id = am_sb_hashed_id ("vol", vol_key);
      v->volume_size = bd->volume_size;
      v->volume_type = g_strdup (bd->volume_type);
      v->snapshot_id = g_strdup (bd->snapshot_id);
      v->delete_on_termination = bd->delete_on_termination;
      g_ptr_array_add (in->volumes, v);
    }
  in->launch_time = MAX (image->creation_time, 0) + DAY_MS + (gint64) j * 60 * 1000;
  in->target_state = g_strdup (j % 7 == 3 ? "stopped" : "running");
  in->target_since = in->launch_time;
  if (j % 7 == 3)
    in->state_reason = g_strdup ("User initiated");
  g_hash_table_replace (s->state->instances, in->instance_id, in);
  s->added++;
}

static void
add_template (Seeder    *s,
              guint      t,
              AmSbImage *image)
{
  g_autofree char *key = g_strdup_printf ("%s/%s/template/%u", s->region, s->alice->account_id, t);
  g_autofree char *id = am_sb_hashed_id ("lt", key);
  guint family = t % N_FAMILIES;
  AmSbLaunchTemplate *lt;

  if (g_hash_table_contains (s->state->launch_templates, id))
    return;
  lt = g_new0 (AmSbLaunchTemplate, 1);
  lt->launch_template_id = g_steal_pointer (&id);
  lt->region = g_intern_string (s->region);
  lt->owner_id = g_intern_static_string (s->alice->account_id);
  lt->name = g_strdup_printf ("%s-%s-%u", teams[family / G_N_ELEMENTS (roles)], roles[family % G_N_ELEMENTS (roles)],
                              t / N_FAMILIES + 1);
  lt->version_description = g_strdup ("Rolled out by the release pipeline");
  lt->create_time = image->creation_time + 2 * 3600 * 1000;
  lt->data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_insert (lt->data, g_strdup ("ImageId"), g_strdup (image->image_id));
  g_hash_table_insert (lt->data, g_strdup ("InstanceType"),
                       g_strdup (strcmp (image->architecture, "arm64") == 0 ? "t4g.small" : "t3.small"));
  g_hash_table_replace (s->state->launch_templates, lt->launch_template_id, lt);
  s->added++;
}

/* An image of family @family, @age builds back (the newest that exists when fewer). */
static AmSbImage *
image_of (Seeder *s,
          guint   family,
          guint   age)
{
  for (;; age--)
    {
      guint i = age * N_FAMILIES + family;

      if (i < s->images->len)
        return s->images->pdata[i];
      if (age == 0)
        return s->images->len > 0 ? s->images->pdata[0] : NULL;
    }
}

static void
seed_region (Seeder          *s,
             const AmSbScale *scale,
             gint64           newest)
{
  guint n_images = share (scale->images, s->r);
  guint n_snapshots = share (scale->snapshots, s->r);
  guint extra = n_snapshots > n_images ? n_snapshots - n_images : 0;
  /* Beyond one root snapshot per image: two thirds are data volumes of images, a third (and
   * what is left when every image has one) orphaned. */
  guint n_data = MIN (extra - extra / 3, n_images);
  guint n_orphans = extra - n_data;
  GPtrArray *catalog = am_sb_state_get_catalog (s->state, s->region);

  for (guint b = 0; b < G_N_ELEMENTS (bases); b++)
    for (guint i = 0; i < catalog->len && s->bases[b] == NULL; i++)
      if (strcmp (((AmSbImage *) catalog->pdata[i])->name, bases[b]) == 0)
        s->bases[b] = catalog->pdata[i];
  for (guint b = 0; b < G_N_ELEMENTS (bases); b++)
    g_assert (s->bases[b] != NULL);

  for (guint i = 0; i < n_images; i++)
    /* Data volumes spread over the families (not the first n_data images). */
    g_ptr_array_add (s->images, add_image (s, i, n_images, (guint64) ((i * 7919) % n_images) < n_data, newest));
  for (guint j = 0; j < n_orphans; j++)
    add_orphan (s, j, newest);
  if (s->images->len == 0)
    return;
  /* Instances: most run one of the three newest builds of a family, one in ten an older one,
   * one in twenty the public image the family is built on. */
  for (guint j = 0; j < share (scale->instances, s->r); j++)
    {
      guint family = (j * 13) % N_FAMILIES;
      AmSbImage *image = j % 20 == 19 ? s->bases[family % G_N_ELEMENTS (bases)]
                       : image_of (s, family, j % 10 == 9 ? 5 + j % 7 : (j / N_FAMILIES) % 3);

      add_instance (s, j, image);
    }
  /* Launch templates: the newest or the second newest build of a family. */
  for (guint t = 0; t < share (scale->launch_templates, s->r); t++)
    add_template (s, t, image_of (s, t % N_FAMILIES, (t / N_FAMILIES) % 2));
}

guint
am_sb_state_seed_scale (AmSbState       *state,
                        const AmSbScale *scale)
{
  gint64 newest = 0;
  guint added = 0;

  g_return_val_if_fail (state != NULL && scale != NULL, 0);

  if (!am_sb_parse_time (SCALE_NEWEST, &newest))
    g_assert_not_reached ();
  for (guint r = 0; am_sb_regions[r] != NULL; r++)
    {
      Seeder s = { state, am_sb_account_by_id ("111122223333"), am_sb_regions[r], r };

      s.images = g_ptr_array_new ();
      seed_region (&s, scale, newest);
      added += s.added;
      g_ptr_array_unref (s.images);
    }
  return added;
}
