/* am-window-private.h: what the main window's files share (window, actions, profiles)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-images-view.h"
#include "am-instances-view.h"
#include "am-snapshots-view.h"
#include "am-session.h"
#include "am-window.h"

G_BEGIN_DECLS

struct _AmWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  AmImagesView         *images_view;
  AmInstancesView      *instances_view;
  AmSnapshotsView      *snapshots_view;
  GtkStack             *main_stack;
  AdwHeaderBar         *header_bar;
  GtkMenuButton        *profile_button;
  GtkPopover           *profile_popover;
  GtkLabel             *account_label;
  GtkListBox           *profile_list;
  GtkImage             *profile_icon;
  GtkLabel             *profile_label;
  GtkDropDown          *region_dropdown;
  GtkLabel             *sandbox_pill;
  AdwStatusPage        *connecting_page;
  GtkSpinner           *connecting_spinner;
  AdwStatusPage        *error_page;
  GtkWidget            *connection_box;
  GtkImage             *connection_icon;
  GtkLabel             *connection_label;

  /* built in code: the note that the Sandbox was opened though AWS CLI profiles exist */
  GtkRevealer          *profiles_banner;
  GtkLabel             *profiles_label;
  GtkBox               *profiles_buttons;

  /* owned */
  GSettings            *settings;
  AmSession            *session;
  GCancellable         *cancellable;
  GCancellable         *regions_cancellable;
  GtkStringList        *regions;

  /* state */
  char                 *connection_host;    /* the session's endpoint as the monitor keys it */
  gulong                connection_handler;
  gboolean              updating_regions;
  gboolean              profiles_dismissed;
  char                **pending_instances;  /* win.show-instances: to select once listed */
  guint                 select_source;
  guint                 select_tries;
};

/* am-window.c */
void _am_window_update_header                (AmWindow   *self);

/* am-window-actions.c */
void _am_window_class_install_actions        (GtkWidgetClass *widget_class);

/* am-window-profiles.c */
/* Builds the note offering the AWS CLI profiles (hidden until _update_profiles_banner). */
void _am_window_build_profiles_banner        (AmWindow   *self);
void _am_window_update_profiles_banner       (AmWindow   *self);
void _am_window_profile_popover_show_cb      (AmWindow   *self);
void _am_window_profile_row_activated_cb     (AmWindow      *self,
                                              GtkListBoxRow *row);

G_END_DECLS
