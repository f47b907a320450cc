/* am-copy-image-dialog-private.h: what the copy dialog's files share
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-copy-image-dialog.h"
#include "am-ec2-governance.h"

G_BEGIN_DECLS

/* What the Allowed AMIs @settings of @region mean for a copy named @name made now by
 * @owner_id, in words; NULL when they are off or the copy matches a criterion. */
char *_am_copy_image_allowed_note (AmAllowedImagesSettings *settings,
                                   const char              *region,
                                   const char              *owner_id,
                                   const char              *name,
                                   gint64                   now_ms);

G_END_DECLS
