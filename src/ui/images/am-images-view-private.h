/* am-images-view-private.h: what the images tests and benchmark look into
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-image-details.h"
#include "am-image-list-model.h"
#include "am-images-view.h"

G_BEGIN_DECLS

AmImageListModel *_am_images_view_get_list_model  (AmImagesView *self);
GtkColumnView    *_am_images_view_get_column_view (AmImagesView *self);
GtkSearchEntry   *_am_images_view_get_search_entry (AmImagesView *self);
AmImageDetails   *_am_images_view_get_details     (AmImagesView *self);
GtkSelectionModel *_am_images_view_get_selection  (AmImagesView *self);
GtkColumnViewColumn *_am_images_view_get_column   (AmImagesView *self,
                                                   AmImageColumn column);
/* "list", "loading", "empty", "error", "ask", "no-matches" or "no-session" */
const char       *_am_images_view_get_state       (AmImagesView *self);
/* Applies the typed search now instead of after the debounce. */
void              _am_images_view_apply_search    (AmImagesView *self);
/* The facet check buttons' popover content (built when first shown). */
void              _am_images_view_set_facet       (AmImagesView *self,
                                                   AmImageFacet  facet,
                                                   const char   *value,
                                                   gboolean      active);
/* Lists @source instead of the session's store (benchmarks of the view alone). */
void              _am_images_view_set_source      (AmImagesView *self,
                                                   GListModel   *source,
                                                   gboolean      loading);

/* How often pending images are followed (default 3000 ms). */
void              _am_images_view_set_poll_interval (AmImagesView *self,
                                                     guint         interval_ms);
/* Whether the owned listing is being followed (a poll is due or running). */
gboolean          _am_images_view_get_polling     (AmImagesView *self);

G_END_DECLS
