/* am-instances-view-private.h: what the Instances view's files share (view, actions)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-column-chooser.h"
#include "am-ec2-client.h"
#include "am-error-state.h"
#include "am-instance-row.h"
#include "am-instances-view.h"
#include "am-region-fanout.h"

G_BEGIN_DECLS

struct _AmInstancesView
{
  AdwBin                parent_instance;

  /* template widgets */
  GtkStack             *stack;
  GtkSpinner           *loading_spinner;
  AmErrorState         *error_state;
  GtkRevealer          *banner_revealer;
  GtkLabel             *banner_label;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *state_dropdown;
  GtkSpinner           *poll_spinner;
  GtkStack             *list_stack;
  GtkColumnView        *column_view;
  GtkWidget            *details_scroller;
  GtkBox               *details_box;
  GtkColumnViewColumn  *columns[AM_INSTANCE_N_COLUMNS];
  GMenu                *more_menu;
  GtkToggleButton      *all_regions_button; /* follows the instances.all-regions action */
  GtkWidget            *change_buttons[5];  /* start, stop, reboot, terminate, create image */

  /* owned */
  AmColumnChooser      *column_chooser;   /* every column, the shown ones and the sort column */
  GSettings            *settings;         /* shown columns, kept between runs */
  AmSession            *session;
  GListStore           *store;            /* AmInstanceRow, in listing order */
  GHashTable           *rows_by_id;       /* instance id → AmInstanceRow (borrowed from store) */
  GtkCustomFilter      *filter;
  GtkFilterListModel   *filter_model;
  GtkSortListModel     *sort_model;
  GtkMultiSelection    *selection;
  GCancellable         *cancellable;      /* the listing in flight */
  GCancellable         *action_cancellable; /* actions; cancelled in dispose */
  char                 *search_folded;
  GHashTable           *image_names;      /* image id → name, "" when looked up and unknown */
  GHashTable           *awaited;          /* ids the app launched that the listing lacks yet */

  /* Owned: the listing drops its rows when the client changes (another region, a restarted
   * sandbox) while the pane still shows one and holds a handler on it. */
  AmInstanceRow        *details_row;      /* the row the details pane shows */

  /* All Regions (am-instances-view-regions.c) */
  AmRegionFanout       *fanout;           /* every Region's instances, while shown */
  GtkWidget            *regions_banner;   /* AmRegionsBanner: each Region's progress and failure */
  GtkColumnViewColumn  *region_column;    /* shown beside the name in All Regions only */

  /* state */
  gulong                client_handler;
  gulong                launched_handler;
  gulong                sandbox_handler;
  gulong                details_handler;
  guint                 poll_source;
  guint                 poll_interval_ms;
  guint                 follow_polls;     /* polls left after an action even when all looks settled */
  guint                 loaded : 1;
  guint                 busy : 1;
  guint                 reload_again : 1;
  guint                 all_regions : 1;
  guint                 freshness_busy : 1;   /* the newer-image lookup is in flight */
  guint                 freshness_again : 1;  /* and another listing ended meanwhile */
};

/* Instances the selection holds, in view order; a new GPtrArray of AmInstanceRow refs. */
GPtrArray *_am_instances_view_get_selected_rows (AmInstancesView *self);
/* Updates which `instances.` actions are enabled for the selection. */
void       _am_instances_view_update_actions    (AmInstancesView *self);
/* Installs the `instances.` actions on the class (am-instances-view-actions.c). */
void       _am_instances_view_class_install_actions (GtkWidgetClass *widget_class);
/* Shows @message as a toast when the view is in an AmWindow, else on the error page. */
void       _am_instances_view_toast             (AmInstancesView *self,
                                                 const char      *message);
/* The column the rows are sorted by first (an AmInstanceColumn), or -1 in listing order. */
int        _am_instances_view_get_sort_column   (AmInstancesView *self);
/* Follows the states closely for a while (after an action). */
/* The name of the page shown: "disconnected", "loading", "error" or "list". */
const char *_am_instances_view_get_state        (AmInstancesView *self);
void       _am_instances_view_poll_soon         (AmInstancesView *self);
/* Merges a listing into the rows (by instance id); the selection stays. */
void       _am_instances_view_apply             (AmInstancesView *self,
                                                 GPtrArray       *instances);
/* Polls again while anything moves. */
void       _am_instances_view_schedule_poll     (AmInstancesView *self);
/* Another client or listing: the rows are dropped and asked again. */
void       _am_instances_view_start_over        (AmInstancesView *self);

/* am-instances-view-regions.c */
/* Asks every Region (am_instances_view_reload() in All Regions). */
void       _am_instances_view_load_all_regions  (AmInstancesView *self);
/* Drops the listing of every Region (the client changed). */
void       _am_instances_view_clear_all_regions (AmInstancesView *self);
/* The client of the Region every one of @rows is in: the session's outside All Regions;
 * %NULL (and why in @why) when they are in several Regions or the Region has no client. */
AmEc2Client *_am_instances_view_client_for_rows (AmInstancesView *self,
                                                 GPtrArray       *rows,
                                                 char           **why);
/* Whether every one of @rows is in the session's Region (where the dialogs work). */
gboolean   _am_instances_view_rows_are_local    (AmInstancesView *self,
                                                 GPtrArray       *rows);
/* Says on the action buttons why they are disabled (@why from _client_for_rows). */
void       _am_instances_view_explain_actions   (AmInstancesView *self,
                                                 const char      *why,
                                                 gboolean         local);


/* am-instances-view-list.c */
gboolean   _am_instances_view_filter_func       (gpointer         item,
                                                 gpointer         user_data);
/* Shows the rows, "No Instances" or "No Matching Instances". */
void       _am_instances_view_update_list_page  (AmInstancesView *self);
void       _am_instances_view_search_changed    (AmInstancesView *self,
                                                 GtkSearchEntry  *entry);
void       _am_instances_view_state_filter_changed (AmInstancesView *self,
                                                    GParamSpec      *pspec,
                                                    GtkDropDown     *dropdown);
/* Looks up the names of images not seen before (one DescribeImages for all of them). */
void       _am_instances_view_lookup_image_status (AmInstancesView *self,
                                                   AmEc2Client     *client);
void       _am_instances_view_lookup_image_names (AmInstancesView *self,
                                                  AmEc2Client     *client);

/* am-instances-view-freshness.c: marks the rows whose image has a newer one of its family
 * (one DescribeImages Owner=self a listing) */
void       _am_instances_view_lookup_newer_images (AmInstancesView *self,
                                                   AmEc2Client     *client);

/* am-instances-view-details.c */
/* Shows the selected instance (or how many are selected) in the details pane. */
void       _am_instances_view_update_details    (AmInstancesView *self);

G_END_DECLS
