/* am-governance-page.h: the Governance window: Block Public Access and Allowed AMIs for one region
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-images-view.h"
#include "am-session.h"

G_BEGIN_DECLS

#define AM_TYPE_GOVERNANCE_PAGE (am_governance_page_get_type ())

G_DECLARE_FINAL_TYPE (AmGovernancePage, am_governance_page, AM, GOVERNANCE_PAGE, AdwWindow)

/* The fields of one criterion's editor, in the order they are shown. */
typedef enum
{
  AM_CRITERION_FIELD_PROVIDERS,
  AM_CRITERION_FIELD_NAMES,
  AM_CRITERION_FIELD_PRODUCT_CODES,
  AM_CRITERION_FIELD_MAX_DAYS_CREATED,
  AM_CRITERION_FIELD_MAX_DAYS_DEPRECATED,
  AM_N_CRITERION_FIELDS
} AmCriterionField;

/**
 * am_governance_page_new:
 * @scope: the scope in view: its images join the account's own and shared ones in the preview
 * Loads the settings of @session's account and region, the listing and the instances.
 */
AmGovernancePage *am_governance_page_new               (AmSession        *session,
                                                        AmImagesScope     scope);
/** am_governance_page_is_busy: whether a load or a save is under way */
gboolean          am_governance_page_is_busy           (AmGovernancePage *self);
/** am_governance_page_get_preview: how many images of the listing the edited criteria allow, of how many */
void              am_governance_page_get_preview       (AmGovernancePage *self,
                                                        guint            *allowed,
                                                        guint            *total);
/** am_governance_page_get_refused_instances: Returns: (transfer full): the instances whose images would not be allowed */
char            **am_governance_page_get_refused_instances (AmGovernancePage *self);
/** am_governance_page_get_field: Returns: (transfer none): the entry of @field in criterion @index */
GtkEditable      *am_governance_page_get_field         (AmGovernancePage *self,
                                                        guint             index,
                                                        AmCriterionField  field);
/** am_governance_page_get_confirmation: Returns: (transfer none) (nullable): the open confirmation */
AdwMessageDialog *am_governance_page_get_confirmation  (AmGovernancePage *self);
/** am_governance_page_get_error: Returns: (nullable): the last failure's sentence */
const char       *am_governance_page_get_error         (AmGovernancePage *self);

G_END_DECLS
