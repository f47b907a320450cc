/* am-image-store.h: a GListModel of the images of one (account, region, scope), cached on disk
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-describe-images-query.h"
#include "am-ec2-client.h"
#include "am-image.h"

G_BEGIN_DECLS

/**
 * AmImageScope:
 * @AM_IMAGE_SCOPE_OWNED: Owner=self
 * @AM_IMAGE_SCOPE_SHARED: ExecutableBy=self, minus the images the account owns (needs the
 *   account id, see am_image_store_new())
 * @AM_IMAGE_SCOPE_PUBLIC: ExecutableBy=all with is-public=true
 * @AM_IMAGE_SCOPE_AMAZON: Owner=amazon
 * @AM_IMAGE_SCOPE_MARKETPLACE: Owner=aws-marketplace
 * @AM_IMAGE_SCOPE_CUSTOM: a query of the caller's (am_image_store_new_for_query())
 */
typedef enum
{
  AM_IMAGE_SCOPE_OWNED,
  AM_IMAGE_SCOPE_SHARED,
  AM_IMAGE_SCOPE_PUBLIC,
  AM_IMAGE_SCOPE_AMAZON,
  AM_IMAGE_SCOPE_MARKETPLACE,
  AM_IMAGE_SCOPE_CUSTOM,
} AmImageScope;

GType       am_image_scope_get_type (void) G_GNUC_CONST;
#define AM_TYPE_IMAGE_SCOPE (am_image_scope_get_type ())
/** am_image_scope_to_string: "owned", "shared", "public", "amazon", "marketplace", "custom" */
const char *am_image_scope_to_string (AmImageScope scope);

/*
 * AmImageStore: a GListModel of AmImage.
 *
 * am_image_store_load() first shows the last listing from the cache (marked with its age,
 * see "cached-at"), then asks EC2 page by page (MaxResults 1000). Pages are parsed in a
 * worker thread and spliced in on the main thread, one items-changed per page. When the
 * store already holds images (from the cache or an earlier load), a load is a refresh: images
 * are matched by id, changed ones are replaced in place (items-changed over the changed
 * positions), new ones appended, and the ones EC2 no longer lists are removed at the end;
 * the store is never cleared. After a complete listing the cache is rewritten atomically in
 * $XDG_CACHE_HOME/amiable/images/ACCOUNT-OR-ENDPOINT-REGION-SCOPE.json; a damaged cache is
 * ignored with a warning.
 *
 * Properties: "loading", "n-loaded" (images received from EC2 by the current load),
 * "error" (GError of the last load, %NULL when it succeeded or was cancelled),
 * "cached-at" (unix time of the cache shown, 0 when none), "from-cache" (the listing has not
 * yet been confirmed by EC2).
 */
#define AM_TYPE_IMAGE_STORE (am_image_store_get_type ())

G_DECLARE_FINAL_TYPE (AmImageStore, am_image_store, AM, IMAGE_STORE, GObject)

/**
 * am_image_store_new:
 * @account_id: (nullable): the caller's account id: names the cache file and lets the shared
 *   scope leave out the account's own images; %NULL uses the endpoint's host instead (and the
 *   shared scope then keeps own images)
 */
AmImageStore *am_image_store_new              (AmEc2Client                 *client,
                                               AmImageScope                 scope,
                                               const char                  *account_id);
/**
 * am_image_store_new_for_query:
 * A store for any DescribeImages query (its NextToken and MaxResults are the store's);
 * @cache_name: (nullable): the cache file's scope part; %NULL keeps no cache
 */
AmImageStore *am_image_store_new_for_query    (AmEc2Client                 *client,
                                               const AmDescribeImagesQuery *query,
                                               const char                  *account_id,
                                               const char                  *cache_name);

AmEc2Client  *am_image_store_get_client       (AmImageStore *self);
AmImageScope  am_image_store_get_scope        (AmImageStore *self);

/** am_image_store_load: shows the cache (once) and loads or refreshes from EC2. */
void          am_image_store_load             (AmImageStore *self);
/** am_image_store_refresh: loads again from EC2 and applies the differences. */
void          am_image_store_refresh          (AmImageStore *self);
/** am_image_store_cancel: stops the current load; the images already there stay. */
void          am_image_store_cancel           (AmImageStore *self);

gboolean      am_image_store_get_loading      (AmImageStore *self);
guint         am_image_store_get_n_loaded     (AmImageStore *self);
/** Returns: (nullable) (transfer none): why the last load failed */
const GError *am_image_store_get_error        (AmImageStore *self);
/** Returns: unix time the shown cache was written, 0 when the listing did not come from one */
gint64        am_image_store_get_cached_at    (AmImageStore *self);
/** Returns: the age of the shown cache in seconds, or -1 */
gint64        am_image_store_get_cache_age    (AmImageStore *self);
gboolean      am_image_store_get_from_cache   (AmImageStore *self);
/** Returns: (transfer full) (nullable): the cache file, or %NULL when the store keeps none */
char         *am_image_store_dup_cache_path   (AmImageStore *self);
/** Returns: (nullable) (transfer none): the image with @image_id */
AmImage      *am_image_store_lookup           (AmImageStore *self,
                                               const char   *image_id);

/**
 * am_image_store_set_page_size:
 * MaxResults per page (default 1000; tests use small pages).
 */
void          am_image_store_set_page_size    (AmImageStore *self,
                                               guint         page_size);
/** am_image_store_set_cache_dir: where cache files go (default: user cache dir/amiable/images). */
void          am_image_store_set_cache_dir    (AmImageStore *self,
                                               const char   *cache_dir);

G_END_DECLS
