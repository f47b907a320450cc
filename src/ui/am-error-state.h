/* am-error-state.h: a view's error state: what went wrong and what to do, details, one button
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AM_TYPE_ERROR_STATE (am_error_state_get_type ())

G_DECLARE_FINAL_TYPE (AmErrorState, am_error_state, AM, ERROR_STATE, AdwBin)

GtkWidget  *am_error_state_new          (void);
/**
 * am_error_state_set_error:
 * @title: the state's title, e.g. "Could Not List Images"
 * @operation: (nullable): the request that failed, e.g. "DescribeImages"
 * @profile: (nullable): the profile in use, named when it was refused
 * @endpoint: (nullable): where the request went
 *
 * Shows one short sentence made from @error (what went wrong, what to do) and puts the
 * whole chain (request, endpoint, error code, HTTP status, request ID, message) under
 * Details.
 */
void        am_error_state_set_error    (AmErrorState *self,
                                         const char   *title,
                                         const GError *error,
                                         const char   *operation,
                                         const char   *profile,
                                         const char   *endpoint);
/** am_error_state_set_action: the button: its mnemonic label and the action it activates */
void        am_error_state_set_action   (AmErrorState *self,
                                         const char   *label,
                                         const char   *action_name);
const char *am_error_state_get_summary  (AmErrorState *self);
const char *am_error_state_get_details  (AmErrorState *self);
/** am_error_state_get_button: Returns: (transfer none): the action button (tests press it) */
GtkButton  *am_error_state_get_button   (AmErrorState *self);

/**
 * am_error_state_summarize:
 * Returns: (transfer full): one sentence for @error: what went wrong and what to do
 */
char       *am_error_state_summarize    (const GError *error,
                                         const char   *profile,
                                         const char   *endpoint);

G_END_DECLS
