/* am-test-families.h: three families of owned images in a sandbox, for cleanup tests
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-ec2-client.h"

G_BEGIN_DECLS

/* Runs the main loop until *@slot holds the result of a call (pass am_test_families_cb). */
void       am_test_families_cb           (GObject       *source,
                                          GAsyncResult  *result,
                                          gpointer       user_data);
GAsyncResult *am_test_families_wait      (GAsyncResult **slot);

/* Launches one t3.micro of @image_id and waits until it runs. Returns: (transfer full): its id */
char      *am_test_families_run_instance (AmEc2Client   *client,
                                          const char    *image_id);

/**
 * am_test_families_seed:
 * Makes nine images with CreateImage, in this order: "cleanup-app-2026-01-0N",
 * "cleanup-db-v1.N.0" and "cleanup-cache 2026010N" for N = 1, 2, 3 (so the first of each
 * family is the oldest), from an instance of the account's own "alice-web-server-2026-01-15",
 * and waits until they are available.
 * Returns: (transfer full) (element-type utf8): the nine image ids, in that order
 */
GPtrArray *am_test_families_seed         (AmEc2Client   *client);

/* The snapshot ids of @image_id's block devices, joined by spaces (DescribeImages). */
char      *am_test_families_snapshots_of (AmEc2Client   *client,
                                          const char    *image_id);
/* Whether @image_id is listed by DescribeImages, and @snapshot_id by DescribeSnapshots. */
gboolean   am_test_families_image_exists (AmEc2Client   *client,
                                          const char    *image_id);
gboolean   am_test_families_snapshot_exists (AmEc2Client *client,
                                             const char  *snapshot_id);
/* The owned image named @name (or with %NULL the first owned one); fails when there is none. */
AmImage   *am_test_families_owned_image (AmEc2Client    *client,
                                         const char     *name);
/* Whether ListSnapshotsInRecycleBin lists @snapshot_id. */
gboolean   am_test_families_in_recycle_bin (AmEc2Client  *client,
                                            const char   *snapshot_id);

/* Copies @image_id from @source's Region to @region as @name (CopyImage through a client of
 * @region). Returns: (transfer full): the new image's id */
char      *am_test_families_copy_to      (AmEc2Client   *source,
                                          const char    *image_id,
                                          const char    *region,
                                          const char    *name);

G_END_DECLS
