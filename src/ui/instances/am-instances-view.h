/* am-instances-view.h: the Instances view: the account's instances, their states and actions
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-region-fanout.h"

G_BEGIN_DECLS

/* Declared in am-session.h; repeated so this header stands alone. */
typedef struct _AmSession AmSession;

#define AM_TYPE_INSTANCES_VIEW (am_instances_view_get_type ())

G_DECLARE_FINAL_TYPE (AmInstancesView, am_instances_view, AM, INSTANCES_VIEW, AdwBin)

/*
 * AmInstancesView lists DescribeInstances of its session's account and region in a column view
 * with search, a state filter, sorting and a details pane, and offers the `instances.` actions:
 * start, stop, force-stop, reboot, terminate, tags, copy-id, copy-public-ip, copy-private-ip,
 * create-image, register-snapshot, register-manifest, refresh. While any instance is changing
 * state it polls (a spinner shows it) and stops once every instance has settled.
 */

GtkWidget  *am_instances_view_new             (void);
/** am_instances_view_get_session: Returns: (transfer none) (nullable): the session */
AmSession  *am_instances_view_get_session     (AmInstancesView *self);
/** am_instances_view_set_session: lists the instances of @session (reloads on notify::client) */
void        am_instances_view_set_session     (AmInstancesView *self,
                                               AmSession       *session);
/** am_instances_view_reload: lists the instances again (keeps the rows and the selection) */
void        am_instances_view_reload          (AmInstancesView *self);
/** am_instances_view_select_instance: selects the row of @instance_id; %FALSE when not shown */
gboolean    am_instances_view_select_instance (AmInstancesView *self,
                                               const char      *instance_id);
/** am_instances_view_select_instances: selects exactly the shown rows of @instance_ids; Returns: how many */
guint       am_instances_view_select_instances (AmInstancesView    *self,
                                                const char * const *instance_ids);
/** am_instances_view_get_n_instances: Returns: how many instances the last listing held */
guint       am_instances_view_get_n_instances (AmInstancesView *self);
/** am_instances_view_get_state_name: Returns: (nullable): the listed state of @instance_id */
const char *am_instances_view_get_state_name  (AmInstancesView *self,
                                               const char      *instance_id);
/** am_instances_view_is_polling: whether the view is following state changes */
gboolean    am_instances_view_is_polling      (AmInstancesView *self);
/** am_instances_view_is_busy: whether a listing is in flight */
gboolean    am_instances_view_is_busy         (AmInstancesView *self);

/* All Regions: every enabled Region's instances at once, with a Region column, each Region's
 * progress and failures in a banner; actions go to the instance's own Region. */
void            am_instances_view_set_all_regions   (AmInstancesView *self,
                                                     gboolean         all_regions);
gboolean        am_instances_view_get_all_regions   (AmInstancesView *self);
/** Returns: (transfer none) (nullable): the listing of every Region, while shown */
AmRegionFanout *am_instances_view_get_fanout        (AmInstancesView *self);
/** Returns: (transfer none) (nullable): the AmRegionsBanner, once All Regions was shown */
GtkWidget      *am_instances_view_get_regions_banner (AmInstancesView *self);

G_END_DECLS
