/* am-launch-zone.h: one zone of a launch's plan as rows of a list: its dry run or its launch
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-launch-job.h"
#include "am-launch-request.h"

G_BEGIN_DECLS

typedef struct _AmLaunchZone AmLaunchZone;

/* Fix in…: the zone's error names a page that can fix it */
typedef void (*AmLaunchZoneFix) (AmLaunchZone *zone,
                                 gpointer      user_data);

/* One placement of the plan, through its dry run or its launch. */
struct _AmLaunchZone
{
  AmSubnet *subnet;
  guint count;
  AmLaunchZoneState state;
  GError *error;
  GPtrArray *instances;  /* AmInstance */
  gboolean dry_run;
  AmLaunchZoneFix fix;
  gpointer fix_data;
  AdwActionRow *row;
  GtkWidget *status;     /* label */
  GtkWidget *spinner;
  GtkWidget *fix_button;
  GtkWidget *detail_row;  /* under the row: the error in full, or the new instances */
  GtkWidget *detail;      /* label */
};

/**
 * am_launch_zone_new:
 * Appends the zone's row (and the row of its details under it) to @list. A dry run's zone
 * has a Fix button that calls @fix.
 */
AmLaunchZone *am_launch_zone_new   (const AmLaunchPlacement *placement,
                                    GtkListBox              *list,
                                    gboolean                 dry_run,
                                    gboolean                 template_mode,
                                    AmLaunchZoneFix          fix,
                                    gpointer                 fix_data);
/* Shows the zone's state, error or instances */
void          am_launch_zone_show  (AmLaunchZone            *zone);
void          am_launch_zone_free  (AmLaunchZone            *zone);

/* TRUE when the window of @widget came from a main window with an Instances view */
gboolean      am_launch_can_show_instances (GtkWidget          *widget);
/* Selects @instance_ids in that Instances view and brings it forward */
void          am_launch_show_in_instances  (GtkWidget          *widget,
                                            const char * const *instance_ids);

G_END_DECLS
