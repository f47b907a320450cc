/* am-volume-row.h: one editable volume of an image to create (size, type, deletion, encryption)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-block-device-spec.h"

G_BEGIN_DECLS

/*
 * An expander row for one volume of the block device mapping the Create-image and Register
 * dialogs send. An existing volume (of the instance, or a snapshot) can only grow and sends
 * only what the user changed; a new one sends everything. The row emits "remove" when its
 * Remove button is pressed (the dialog decides: existing volumes become NoDevice entries).
 */

#define AM_TYPE_VOLUME_ROW (am_volume_row_get_type ())

G_DECLARE_FINAL_TYPE (AmVolumeRow, am_volume_row, AM, VOLUME_ROW, AdwExpanderRow)

/**
 * am_volume_row_new:
 * @device_name: e.g. "/dev/sdb"
 * @existing: whether the volume exists already (its size is the minimum, unchanged values are
 *   not sent)
 * @is_root: the root volume cannot be removed
 * @size: the current size in GiB, 0 when unknown
 * @volume_type: (nullable): the current type, %NULL when unknown (gp3 for new volumes)
 */
AmVolumeRow       *am_volume_row_new                    (const char  *device_name,
                                                         gboolean     existing,
                                                         gboolean     is_root,
                                                         int          size,
                                                         const char  *volume_type,
                                                         gboolean     delete_on_termination,
                                                         gboolean     encrypted);
const char        *am_volume_row_get_device_name        (AmVolumeRow *self);
gboolean           am_volume_row_get_existing           (AmVolumeRow *self);
gboolean           am_volume_row_get_is_root            (AmVolumeRow *self);
/** am_volume_row_set_snapshot_id: the snapshot a new volume starts from (RegisterImage) */
void               am_volume_row_set_snapshot_id        (AmVolumeRow *self,
                                                         const char  *snapshot_id,
                                                         int          snapshot_size);
const char        *am_volume_row_get_snapshot_id        (AmVolumeRow *self);
int                am_volume_row_get_size               (AmVolumeRow *self);
void               am_volume_row_set_size               (AmVolumeRow *self,
                                                         int          size);
const char        *am_volume_row_get_volume_type        (AmVolumeRow *self);
void               am_volume_row_set_volume_type        (AmVolumeRow *self,
                                                         const char  *volume_type);
gboolean           am_volume_row_get_delete_on_termination (AmVolumeRow *self);
void               am_volume_row_set_delete_on_termination (AmVolumeRow *self,
                                                            gboolean     delete_on_termination);
gboolean           am_volume_row_get_encrypted          (AmVolumeRow *self);
void               am_volume_row_set_encrypted          (AmVolumeRow *self,
                                                         gboolean     encrypted);
/** am_volume_row_get_changed: whether anything differs from the volume as it is */
gboolean           am_volume_row_get_changed            (AmVolumeRow *self);
/**
 * am_volume_row_to_spec:
 * Returns: (transfer full) (nullable): the mapping to send, %NULL for an existing volume the
 *   user left alone
 */
AmBlockDeviceSpec *am_volume_row_to_spec                (AmVolumeRow *self);

/** am_volume_types: the EBS volume types, %NULL-terminated */
const char * const *am_volume_types                     (void);

G_END_DECLS
