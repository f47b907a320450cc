/* am-snapshot.c: an EBS snapshot
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-snapshot"

#include "config.h"

#include "am-snapshot.h"
#include "am-ec2-model-private.h"

struct _AmSnapshot
{
  GObject parent_instance;

  /* filled once by the reader or the cache, read-only afterwards */
  char *snapshot_id;
  char *volume_id;
  char *start_time;
  char *description;
  gpointer *tags;
  GQuark status;
  GQuark progress;
  GQuark owner_id;
  int volume_size;
  gboolean encrypted;
  GQuark owner_alias;
  GQuark storage_tier;
  char *recycle_bin_enter_time;
  char *recycle_bin_exit_time;

  /* set by a listing of several regions (am-region-fanout.c); 0 in a one-region listing */
  GQuark region;
};

G_DEFINE_FINAL_TYPE (AmSnapshot, am_snapshot, G_TYPE_OBJECT)

static const AmField am_snapshot_fields[] = {
  { "snapshot-id", "snapshotId", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmSnapshot, snapshot_id), NULL },
  { "volume-id", "volumeId", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmSnapshot, volume_id), NULL },
  { "status", "status", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmSnapshot, status), NULL },
  { "start-time", "startTime", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmSnapshot, start_time), NULL },
  { "progress", "progress", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmSnapshot, progress), NULL },
  { "owner-id", "ownerId", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmSnapshot, owner_id), NULL },
  { "volume-size", "volumeSize", NULL, AM_FIELD_INT, G_STRUCT_OFFSET (AmSnapshot, volume_size), NULL },
  { "description", "description", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmSnapshot, description), NULL },
  { "encrypted", "encrypted", NULL, AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (AmSnapshot, encrypted), NULL },
  { "owner-alias", "ownerAlias", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmSnapshot, owner_alias), NULL },
  { "storage-tier", "storageTier", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmSnapshot, storage_tier), NULL },
  { "recycle-bin-enter-time", "recycleBinEnterTime", NULL, AM_FIELD_STRING,
    G_STRUCT_OFFSET (AmSnapshot, recycle_bin_enter_time), NULL },
  { "recycle-bin-exit-time", "recycleBinExitTime", NULL, AM_FIELD_STRING,
    G_STRUCT_OFFSET (AmSnapshot, recycle_bin_exit_time), NULL },
  { "tags", "tagSet", NULL, AM_FIELD_OBJECTS, G_STRUCT_OFFSET (AmSnapshot, tags), _am_tag_get_model_info },
};

static AmModelInfo am_snapshot_info = {
  "AmSnapshot", am_snapshot_get_type, am_snapshot_fields, G_N_ELEMENTS (am_snapshot_fields), NULL, NULL,
};

const AmModelInfo *
_am_snapshot_get_model_info (void)
{
  return &am_snapshot_info;
}

static void
am_snapshot_finalize (GObject *object)
{
  _am_model_clear (object, &am_snapshot_info);

  G_OBJECT_CLASS (am_snapshot_parent_class)->finalize (object);
}

static void
am_snapshot_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  if (!_am_model_get_property (object, &am_snapshot_info, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_snapshot_class_init (AmSnapshotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_snapshot_finalize;
  object_class->get_property = am_snapshot_get_property;

  _am_model_install_properties (object_class, &am_snapshot_info);
}

static void
am_snapshot_init (AmSnapshot *self)
{
}

const char *
am_snapshot_get_snapshot_id (AmSnapshot *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT (self), NULL);

  return self->snapshot_id;
}

const char *
am_snapshot_get_volume_id (AmSnapshot *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT (self), NULL);

  return self->volume_id;
}

const char *
am_snapshot_get_status (AmSnapshot *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT (self), NULL);

  return g_quark_to_string (self->status);
}

const char *
am_snapshot_get_start_time (AmSnapshot *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT (self), NULL);

  return self->start_time;
}

const char *
am_snapshot_get_progress (AmSnapshot *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT (self), NULL);

  return g_quark_to_string (self->progress);
}

const char *
am_snapshot_get_owner_id (AmSnapshot *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT (self), NULL);

  return g_quark_to_string (self->owner_id);
}

int
am_snapshot_get_volume_size (AmSnapshot *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT (self), 0);

  return self->volume_size;
}

const char *
am_snapshot_get_description (AmSnapshot *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT (self), NULL);

  return self->description;
}

gboolean
am_snapshot_get_encrypted (AmSnapshot *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT (self), FALSE);

  return self->encrypted;
}

const char *
am_snapshot_get_owner_alias (AmSnapshot *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT (self), NULL);

  return g_quark_to_string (self->owner_alias);
}

const char *
am_snapshot_get_storage_tier (AmSnapshot *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT (self), NULL);

  return g_quark_to_string (self->storage_tier);
}

AmTag * const *
am_snapshot_get_tags (AmSnapshot *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT (self), NULL);

  return (AmTag * const *) _am_model_array_or_empty (self->tags);
}

const char *
am_snapshot_get_recycle_bin_enter_time (AmSnapshot *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT (self), NULL);

  return self->recycle_bin_enter_time;
}

const char *
am_snapshot_get_recycle_bin_exit_time (AmSnapshot *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT (self), NULL);

  return self->recycle_bin_exit_time;
}

const char *
am_snapshot_get_region (AmSnapshot *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT (self), NULL);

  return g_quark_to_string (self->region);
}

void
am_snapshot_set_region (AmSnapshot    *self,
                     const char *region)
{
  g_return_if_fail (AM_IS_SNAPSHOT (self));

  self->region = region != NULL ? g_quark_from_string (region) : 0;
}
