/* am-images-view-private.h: what the Images view's files share (view, columns, actions, details,
 * scopes, finding an image by ID) and what its tests and benchmark look into
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-column-chooser.h"
#include "am-ec2-client.h"
#include "am-error-state.h"
#include "am-image-details.h"
#include "am-image-filter-popover.h"
#include "am-image-filters.h"
#include "am-image-list-model.h"
#include "am-image-store.h"
#include "am-images-view.h"
#include "am-quick-start-view.h"
#include "am-region-fanout.h"

G_BEGIN_DECLS

struct _AmImagesView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkDropDown *scope_dropdown;
  GtkSearchEntry *search_entry;
  GtkMenuButton *filter_button;
  AmImageFilterPopover *filter_popover;
  GtkLabel *filter_count_label;
  GtkLabel *shown_count_label;
  GtkMenuButton *view_menu_button;
  GMenu *view_menu;
  GtkRevealer *banner_revealer;
  GtkLabel *banner_label;
  GtkButton *banner_button;
  GtkRevealer *progress_revealer;
  GtkProgressBar *progress_bar;
  GtkStack *stack;
  GtkColumnView *column_view;
  AmImageDetails *details;
  AmQuickStartView *quick_start_view;
  AdwStatusPage *status_page;
  AmErrorState *error_state;
  GtkSpinner *status_spinner;
  GtkButton *status_button;
  GtkSpinner *poll_spinner;

  /* owned references */
  AmSession *session;
  AmEc2Client *client;            /* the session's client the stores below belong to */
  AmImageStore *stores[AM_IMAGES_SCOPE_QUICK_START];   /* per server-side scope, made on demand */
  AmImageStore *store;            /* the one shown (borrowed from stores[]) */
  GListStore *quick_start;        /* the Quick Start images */
  GError *quick_start_error;
  AmImageListModel *list;         /* also the selection model */
  AmImageFilters *filters;        /* what the filter popover lets through */
  AmColumnChooser *column_chooser;  /* every column, the shown ones and the sort column */
  GSettings *settings;            /* shown columns and sort, kept between runs */
  GCancellable *cancellable;      /* Quick Start lookups */
  GCancellable *details_cancellable;
  GCancellable *lookup_cancellable;   /* an image asked for by ID that is not listed */
  GCancellable *allowed_cancellable;  /* GetAllowedImagesSettings after a listing */
  gboolean      allowed_carried;      /* Allowed AMIs is on: listings carry imageAllowed */
  AmImage *outside_image;         /* shown in the details pane though the listing lacks it */
  AmImage *pending_image;         /* to select once its scope's listing has it */
  AmRegionFanout *fanout;         /* All Regions: the owned images of every Region */
  GtkWidget *regions_banner;      /* AmRegionsBanner, All Regions: each Region's progress, failures with Retry */

  /* state */
  AmImagesScope scope;
  const char *state;
  gboolean loading;
  gboolean source_override;
  gboolean quick_start_loading;
  guint details_idle_id;
  gboolean permissions_stale;     /* ask again who may launch the shown image */
  guint retry_id;
  guint n_retries;
  guint poll_id;
  guint poll_interval_ms;
  guint follow_polls;             /* polls left after an image was made, pending or not */
  gboolean quiet_refresh;         /* the owned listing is refreshed by a poll: no progress bar */
};

/* am-images-view.c */
void        _am_images_view_update_state      (AmImagesView *self);
/* am-images-view-storage.c: in Owned by Me, what the listed images' snapshots cost (nullable) */
char       *_am_images_view_storage_text      (AmImagesView *self);
void        _am_images_view_scroll_to_top     (AmImagesView *self);
/* am-images-view-columns.c: the columns, their chooser and the sort of the last run. */
void        _am_images_view_setup_columns     (AmImagesView *self);
const GError *_am_images_view_current_error   (AmImagesView *self);
char       *_am_images_view_describe_error    (AmImagesView *self,
                                               const GError *error);

/* am-images-view-actions.c */
/* Installs the `images.` actions on the class. */
void        _am_images_view_class_install_actions (GtkWidgetClass *widget_class);
/* Adds the view's shortcuts (Ctrl+F, F5; Ctrl+C and Delete in the list). */
void        _am_images_view_add_shortcuts     (AmImagesView *self);
/* The images the actions apply to; a new GPtrArray of AmImage refs. */
GPtrArray  *_am_images_view_get_selected_images (AmImagesView *self);
void        _am_images_view_update_actions    (AmImagesView *self,
                                               guint         n_selected);
/* Empties the search and the filters. */
void        _am_images_view_clear_filters     (AmImagesView *self);

/* am-images-view-details.c */
/* Shows the selection in the details pane, in an idle. */
void        _am_images_view_queue_update_details (AmImagesView *self);

/* am-images-view-scopes.c */
/*
 * Shows the current scope (the session's client's stores, or Quick Start). @fetch: also ask
 * EC2 (a refresh when the store has a listing); Public and Marketplace are never fetched
 * unless the user asks. Every change of scope, session or client ends here.
 */
void        _am_images_view_show_scope        (AmImagesView *self,
                                               gboolean      fetch);
/* The progress bar, the banner (stale cache, failed refresh) and the status page. */
void        _am_images_view_update_loading    (AmImagesView *self);
void        _am_images_view_set_source_model  (AmImagesView *self,
                                               GListModel   *source,
                                               gboolean      loading);
/* Refreshes the owned listing by diff, with no progress bar (a made image lands there). */
void        _am_images_view_refresh_owned_quietly (AmImagesView *self);
void        _am_images_view_session_changed   (AmImagesView *self);
void        _am_images_view_include_disabled_changed (AmImagesView *self);
void        _am_images_view_check_allowed     (AmImagesView *self);
void        _am_images_view_show_allowed      (AmImagesView *self,
                                               gboolean      carried);
void        _am_images_view_sandbox_error_changed (AmImagesView *self);
/* Cancels the listings and forgets the stores (another client). */
void        _am_images_view_clear_stores      (AmImagesView *self);

/* am-images-view-regions.c */
/* Shows the All Regions scope (called by _am_images_view_show_scope()). */
void        _am_images_view_show_all_regions  (AmImagesView *self,
                                               gboolean      fetch);
/* Another scope is shown: the Regions still asked are cancelled. */
void        _am_images_view_leave_all_regions (AmImagesView *self);
/* Another client: the listing of every Region is forgotten. */
void        _am_images_view_clear_all_regions (AmImagesView *self);
gboolean    _am_images_view_all_regions_loading (AmImagesView *self);
guint       _am_images_view_all_regions_n_loaded (AmImagesView *self);
const GError *_am_images_view_all_regions_error (AmImagesView *self);
/* The client of @image's Region (the session's for a listing of one Region). */
AmEc2Client *_am_images_view_client_for_image (AmImagesView *self,
                                               AmImage      *image);
/* Whether every selected image is in the session's Region (the dialogs act there). */
gboolean    _am_images_view_selection_is_local (AmImagesView *self);
/* For the tests */
AmRegionFanout *_am_images_view_get_fanout    (AmImagesView *self);
GtkWidget  *_am_images_view_get_regions_banner (AmImagesView *self);

/* am-images-view-find.c */
/* Drops an image asked for by ID that is being looked up, awaited or shown from outside. */
void        _am_images_view_forget_image_request (AmImagesView *self);
/* Selects the awaited image once its scope's listing has it. */
void        _am_images_view_follow_pending_image (AmImagesView *self);

/* For the tests and the benchmark */
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
/* Checks or unchecks a value in the filter popover (its checks are built from the listing). */
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
