/* am-owned-images.h: every image the account owns (every page of DescribeImages) and its snapshots
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-ec2-client.h"

G_BEGIN_DECLS

/**
 * am_owned_images_load_async:
 * @client: the client to ask
 * @include_disabled: also list disabled images (deprecated ones are always listed)
 *
 * Lists the images owned by the account ("self"), following NextToken until the last page,
 * 1000 images a page, then the snapshots it owns (DescribeSnapshots, owner "self").
 */
void     am_owned_images_load_async  (AmEc2Client          *client,
                                      gboolean              include_disabled,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
/**
 * am_owned_images_load_finish:
 * @images: (out) (transfer full) (element-type AmImage): every page's images, in order
 * @snapshots: (out) (transfer full) (element-type AmSnapshot): the owned snapshots
 * @operation: (out) (optional) (transfer none): on failure, the request that failed
 *   ("DescribeImages" or "DescribeSnapshots")
 * Returns: %TRUE with @images and @snapshots set, or %FALSE with @error set
 */
gboolean am_owned_images_load_finish (AmEc2Client          *client,
                                      GAsyncResult         *result,
                                      GPtrArray           **images,
                                      GPtrArray           **snapshots,
                                      const char          **operation,
                                      GError              **error);

G_END_DECLS
