/* am-snapshot-deletion.c: what DeregisterImage did with one of the image's snapshots
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-snapshot-deletion"

#include "config.h"

#include "am-snapshot-deletion.h"
#include "am-ec2-model-private.h"

struct _AmSnapshotDeletion
{
  GObject parent_instance;

  /* filled once by the reader, read-only afterwards */
  char *snapshot_id;
  GQuark return_code;
};

G_DEFINE_FINAL_TYPE (AmSnapshotDeletion, am_snapshot_deletion, G_TYPE_OBJECT)

static const AmField am_snapshot_deletion_fields[] = {
  { "snapshot-id", "snapshotId", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmSnapshotDeletion, snapshot_id), NULL },
  { "return-code", "returnCode", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmSnapshotDeletion, return_code), NULL },
};

static AmModelInfo am_snapshot_deletion_info = {
  "AmSnapshotDeletion", am_snapshot_deletion_get_type, am_snapshot_deletion_fields,
  G_N_ELEMENTS (am_snapshot_deletion_fields), NULL, NULL,
};

const AmModelInfo *
_am_snapshot_deletion_get_model_info (void)
{
  return &am_snapshot_deletion_info;
}

static void
am_snapshot_deletion_finalize (GObject *object)
{
  _am_model_clear (object, &am_snapshot_deletion_info);

  G_OBJECT_CLASS (am_snapshot_deletion_parent_class)->finalize (object);
}

static void
am_snapshot_deletion_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  if (!_am_model_get_property (object, &am_snapshot_deletion_info, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_snapshot_deletion_class_init (AmSnapshotDeletionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_snapshot_deletion_finalize;
  object_class->get_property = am_snapshot_deletion_get_property;

  _am_model_install_properties (object_class, &am_snapshot_deletion_info);
}

static void
am_snapshot_deletion_init (AmSnapshotDeletion *self)
{
}

const char *
am_snapshot_deletion_get_snapshot_id (AmSnapshotDeletion *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT_DELETION (self), NULL);

  return self->snapshot_id;
}

const char *
am_snapshot_deletion_get_return_code (AmSnapshotDeletion *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT_DELETION (self), NULL);

  return g_quark_to_string (self->return_code);
}

gboolean
am_snapshot_deletion_get_deleted (AmSnapshotDeletion *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOT_DELETION (self), FALSE);

  return self->return_code == g_quark_from_static_string ("success");
}
