/* am-storage-cost.c: what a set of EBS snapshots costs a month, each snapshot counted once
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-storage-cost"

#include "config.h"

#include "am-storage-cost.h"

struct _AmStorageCost
{
  GHashTable *counted;                  /* snapshot id, owned */
  double      gb[AM_STORAGE_N_TIERS];
  guint       n[AM_STORAGE_N_TIERS];
};

AmStorageCost *
am_storage_cost_new (void)
{
  AmStorageCost *self = g_new0 (AmStorageCost, 1);

  self->counted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
am_storage_cost_free (AmStorageCost *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->counted);
  g_free (self);
}

AmStorageTier
am_storage_cost_tier_for_snapshot (AmSnapshot *snapshot)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT (snapshot), AM_STORAGE_TIER_STANDARD);

  return g_strcmp0 (am_snapshot_get_storage_tier (snapshot), "archive") == 0 ? AM_STORAGE_TIER_ARCHIVE
                                                                             : AM_STORAGE_TIER_STANDARD;
}

gboolean
am_storage_cost_add (AmStorageCost *self,
                     const char    *snapshot_id,
                     double         gb,
                     AmStorageTier  tier)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (snapshot_id != NULL, FALSE);
  g_return_val_if_fail (tier < AM_STORAGE_N_TIERS, FALSE);

  if (!g_hash_table_add (self->counted, g_strdup (snapshot_id)))
    return FALSE;
  self->gb[tier] += MAX (gb, 0);
  self->n[tier]++;
  return TRUE;
}

gboolean
am_storage_cost_add_snapshot (AmStorageCost *self,
                              AmSnapshot    *snapshot)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT (snapshot), FALSE);

  return am_storage_cost_add (self, am_snapshot_get_snapshot_id (snapshot), am_snapshot_get_volume_size (snapshot),
                              am_storage_cost_tier_for_snapshot (snapshot));
}

guint
am_storage_cost_add_image (AmStorageCost *self,
                           AmImage       *image,
                           GHashTable    *known)
{
  AmBlockDeviceMapping * const *mappings;
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (AM_IS_IMAGE (image), 0);

  mappings = am_image_get_block_device_mappings (image);
  for (guint i = 0; mappings[i] != NULL; i++)
    {
      const char *id = am_block_device_mapping_get_snapshot_id (mappings[i]);
      AmSnapshot *snapshot;

      if (id == NULL)
        continue;
      snapshot = known != NULL ? g_hash_table_lookup (known, id) : NULL;
      if (snapshot != NULL ? am_storage_cost_add_snapshot (self, snapshot)
                           : am_storage_cost_add (self, id, am_block_device_mapping_get_volume_size (mappings[i]),
                                                  AM_STORAGE_TIER_STANDARD))
        n++;
    }
  return n;
}

guint
am_storage_cost_get_n_snapshots (AmStorageCost *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_hash_table_size (self->counted);
}

guint
am_storage_cost_get_n_in_tier (AmStorageCost *self,
                               AmStorageTier  tier)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (tier < AM_STORAGE_N_TIERS, 0);

  return self->n[tier];
}

double
am_storage_cost_get_gb (AmStorageCost *self,
                        AmStorageTier  tier)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (tier < AM_STORAGE_N_TIERS, 0);

  return self->gb[tier];
}

double
am_storage_cost_get_total_gb (AmStorageCost *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->gb[AM_STORAGE_TIER_STANDARD] + self->gb[AM_STORAGE_TIER_ARCHIVE];
}

double
am_storage_cost_get_monthly (AmStorageCost *self,
                             double         rate_standard,
                             double         rate_archive)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->gb[AM_STORAGE_TIER_STANDARD] * MAX (rate_standard, 0)
         + self->gb[AM_STORAGE_TIER_ARCHIVE] * MAX (rate_archive, 0);
}

GHashTable *
am_storage_cost_index_snapshots (GPtrArray *snapshots)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);

  g_return_val_if_fail (snapshots != NULL, index);

  for (guint i = 0; i < snapshots->len; i++)
    {
      AmSnapshot *snapshot = g_ptr_array_index (snapshots, i);

      g_hash_table_replace (index, (gpointer) am_snapshot_get_snapshot_id (snapshot), g_object_ref (snapshot));
    }
  return index;
}

GStrv
am_storage_cost_image_snapshot_ids (AmImage *image)
{
  g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  AmBlockDeviceMapping * const *mappings;

  g_return_val_if_fail (AM_IS_IMAGE (image), NULL);

  mappings = am_image_get_block_device_mappings (image);
  for (guint i = 0; mappings[i] != NULL; i++)
    {
      const char *id = am_block_device_mapping_get_snapshot_id (mappings[i]);

      if (id != NULL && g_hash_table_add (seen, (gpointer) id))
        g_strv_builder_add (ids, id);
    }
  return g_strv_builder_end (ids);
}
