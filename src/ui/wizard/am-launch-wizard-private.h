/* am-launch-wizard-private.h: the launch wizard's fields and the functions its files share
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-launch-details-page.h"
#include "am-launch-image-page.h"
#include "am-launch-key-page.h"
#include "am-launch-network-page.h"
#include "am-launch-progress-page.h"
#include "am-launch-review-page.h"
#include "am-launch-storage-page.h"
#include "am-launch-type-page.h"
#include "am-launch-wizard.h"

G_BEGIN_DECLS

struct _AmLaunchWizard
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkListBox *step_list;
  GtkStack *stack;
  AmLaunchImagePage *image_page;
  AmLaunchTypePage *type_page;
  AmLaunchKeyPage *key_page;
  AmLaunchNetworkPage *network_page;
  AmLaunchStoragePage *storage_page;
  AmLaunchDetailsPage *details_page;
  AmLaunchReviewPage *review_page;
  AmLaunchProgressPage *progress_page;
  GtkButton *back_button;
  GtkLabel *status_label;
  GtkButton *next_button;
  GtkButton *launch_button;
  GtkButton *template_button;
  GtkButton *retry_button;
  GtkButton *close_button;
  GtkWidget *asg_button;

  /* built widgets */
  GtkWidget *field_labels[AM_LAUNCH_N_FIELDS];
  GtkWidget *step_icons[AM_LAUNCH_N_STEPS];
  /* image page */
  /* type page */
  /* key page */
  /* network page */
  /* storage page */
  /* details page */
  /* review page */
  /* progress page */

  /* owned references */
  AmSession *session;
  AmLaunchRequest *request;
  GCancellable *cancellable;
  GHashTable *template_tokens;
  AmLaunchTemplate *template;   /* the last template saved, for an Auto Scaling group */

  /* state */
  AmLaunchStep step;
  gboolean visited[AM_LAUNCH_N_STEPS];
  guint busy;
  guint validate_idle;
  gboolean launched_once;
  gboolean building;         /* widgets being filled from the request: no write-back */
  gboolean template_mode;     /* the review saves a launch template instead of launching */
  gboolean close_confirmed;  /* the user chose to close despite a launch or an unsaved key */
  gboolean close_after_save; /* the private key is saved from the close dialog */
  GtkWidget *close_dialog;   /* the confirmation shown, while it is */
  gboolean close_asked_launching;   /* that confirmation is about a launch in flight */
};

void         _am_launch_wizard_busy_push          (AmLaunchWizard *self);
void         _am_launch_wizard_busy_pop           (AmLaunchWizard *self);
AmEc2Client *_am_launch_wizard_get_client         (AmLaunchWizard *self);
/* am-launch-wizard-actions.c: binds the handlers of the action bar's template and group buttons */
void         _am_launch_wizard_class_init_actions (GtkWidgetClass *widget_class);

G_END_DECLS
