/* am-images-view.h: the Images view: scopes, search, facets, the image list and its details
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Declared in am-session.h; repeated so this header stands alone. */
typedef struct _AmSession AmSession;

/*
 * AmImagesView lists the images of its session's account and region, one scope at a time,
 * and shows the selected image's anatomy. It installs the "images." actions (refresh,
 * cancel, copy-id, tags, permissions, description, deprecation, protection, deregister, copy,
 * launch, launch-template) and their shortcuts (Ctrl+F, F5, Ctrl+C, Delete).
 */

typedef enum
{
  AM_IMAGES_SCOPE_OWNED,
  AM_IMAGES_SCOPE_SHARED,
  AM_IMAGES_SCOPE_PUBLIC,
  AM_IMAGES_SCOPE_AMAZON,
  AM_IMAGES_SCOPE_MARKETPLACE,
  AM_IMAGES_SCOPE_QUICK_START,
  AM_IMAGES_SCOPE_ALL_REGIONS,    /* the owned images of every enabled Region */
} AmImagesScope;

#define AM_TYPE_IMAGES_VIEW (am_images_view_get_type ())

G_DECLARE_FINAL_TYPE (AmImagesView, am_images_view, AM, IMAGES_VIEW, AdwBin)

GtkWidget     *am_images_view_new         (void);
/** am_images_view_get_session: Returns: (transfer none) (nullable): the session listed */
AmSession     *am_images_view_get_session (AmImagesView  *self);
/** am_images_view_set_session: @session: (nullable): lists its images; follows notify::client */
void           am_images_view_set_session (AmImagesView  *self,
                                           AmSession     *session);
AmImagesScope  am_images_view_get_scope   (AmImagesView  *self);
void           am_images_view_set_scope   (AmImagesView  *self,
                                           AmImagesScope  scope);
/**
 * am_images_view_show_image:
 * Narrows the list to @image_id (a search on the ID) and selects it, so the details pane
 * shows it. An image the current scope does not list is asked for by ID: the view then
 * switches to the scope that lists it (Owned by Me, Shared with Me, Amazon, or a loaded
 * Public / Marketplace listing) and selects it there, or shows it in the details pane
 * beside the list (a Public or Marketplace image whose listing was not loaded), or says in
 * a toast that it no longer exists.
 * Returns: %TRUE when the image was listed and is selected now; %FALSE when it is looked up.
 */
gboolean       am_images_view_show_image  (AmImagesView  *self,
                                           const char    *image_id);

G_END_DECLS
