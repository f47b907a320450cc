/* am-launch-wizard-private.h: the launch wizard's fields and the functions its files share
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-launch-details-page.h"
#include "am-launch-image-page.h"
#include "am-launch-network-page.h"
#include "am-launch-progress-page.h"
#include "am-launch-review-page.h"
#include "am-launch-storage-page.h"
#include "am-launch-type-page.h"
#include "am-launch-wizard.h"

G_BEGIN_DECLS

/* The lists a page loads; a failed one shows an error with Retry on its page. */
typedef enum
{
  LOOKUP_IMAGES,
  LOOKUP_TYPES,
  LOOKUP_KEYS,
  LOOKUP_NETWORK,
  N_LOOKUPS
} Lookup;

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
  GtkBox *key_page;
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
  GtkWidget *lookup_errors[N_LOOKUPS];
  GtkLabel *lookup_error_labels[N_LOOKUPS];
  /* image page */
  /* type page */
  /* key page */
  GtkListBox *key_list;
  AdwEntryRow *new_key_name;
  AdwComboRow *new_key_type;
  GtkButton *create_key_button;
  AdwActionRow *save_key_row;
  GtkSwitch *no_key_switch;
  /* network page */
  /* storage page */
  /* details page */
  /* review page */
  /* progress page */

  /* owned references */
  AmSession *session;
  AmLaunchRequest *request;
  GCancellable *cancellable;
  GPtrArray *key_pairs;      /* AmKeyPair */
  GHashTable *template_tokens;
  AmLaunchTemplate *template;   /* the last template saved, for an Auto Scaling group */
  char *private_key;         /* the key pair just created, until saved */
  char *private_key_name;
  char *creating_key_name;   /* the key pair being created, for a retry after a lost answer */

  /* state */
  const char *creating_key_type;
  AmLaunchStep step;
  gboolean visited[AM_LAUNCH_N_STEPS];
  guint busy;
  guint validate_idle;
  gboolean launched_once;
  gboolean building;         /* widgets being filled from the request: no write-back */
  gboolean key_page_touched; /* the user chose, typed or left the key pair page: its errors show */
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
