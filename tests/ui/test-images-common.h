/* test-images-common.h: images for the Images view's tests, built from EC2 XML
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-image.h"

G_BEGIN_DECLS

/*
 * Makes @n realistic images (varied names, platforms, architectures, root devices, states,
 * deprecations and tags) by parsing a DescribeImages response the way the client does.
 * Image i is named "NAME-i" where NAME cycles through a few distributions, has id
 * "ami-%017x" of i, and every 7th image is deprecated.
 * Returns: (transfer full) (element-type AmImage)
 */
GPtrArray  *test_images_make          (guint        n);
/* A GListStore of test_images_make (@n). */
GListStore *test_images_make_store    (guint        n);
/* Fails the test when @model's items differ from what its items-changed signals told. */
void        test_images_watch_model   (GListModel  *model);

G_END_DECLS
