/* am-governance-page-private.h: what the Governance window's files share
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-ec2-governance.h"
#include "am-error-state.h"
#include "am-governance-page.h"
#include "am-image-criteria.h"

G_BEGIN_DECLS

typedef struct
{
  AdwPreferencesGroup *group;
  AdwEntryRow         *fields[AM_N_CRITERION_FIELDS];
} CriterionEditor;

struct _AmGovernancePage
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkButton           *save_button;
  GtkSpinner          *spinner;
  GtkStack            *stack;
  AmErrorState        *error_state;
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *problem_group;
  AdwExpanderRow      *problem_row;
  GtkLabel            *problem_details;
  AdwActionRow        *bpa_row;
  GtkSwitch           *bpa_switch;
  AdwComboRow         *state_row;
  AdwActionRow        *preview_images_row;
  AdwActionRow        *preview_instances_row;
  AdwPreferencesGroup *criteria_group;

  /* owned */
  AmSession           *session;
  GCancellable        *cancellable;
  GPtrArray           *editors;         /* CriterionEditor */
  GHashTable          *listing;         /* image id → AmImage: own, shared and the scope's */
  GHashTable          *instance_images; /* image id → AmImage: the instances' images */
  GPtrArray           *instances;       /* AmInstance, not terminated */
  GPtrArray           *queries;         /* AmDescribeImagesQuery still to list */
  char                *error_text;
  char                *account_id;      /* the owner of the own images, whom Allowed AMIs always allow */
  AdwMessageDialog    *confirmation;

  /* borrowed */
  AmDescribeImagesQuery *own_query;     /* in queries, while listed */

  /* state */
  AmImagesScope        scope;
  guint                saved_state;     /* index into states */
  gboolean             saved_blocked;
  gboolean             loading_bpa;     /* the switch is being set from the server */
  guint                busy;
  guint                allowed;
  guint                total;
  char               **refused;
};

/* am-governance-page.c */
void       am_governance_page_update_preview   (AmGovernancePage       *self);

/* am-governance-criteria.c */
GPtrArray *am_governance_page_collect_criteria (AmGovernancePage       *self,
                                                char                  **problem);
void       am_governance_page_add_editor       (AmGovernancePage       *self,
                                                const AmImageCriterion *criterion);
void       am_governance_page_edited_cb        (AmGovernancePage       *self);

G_END_DECLS
