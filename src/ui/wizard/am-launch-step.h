/* am-launch-step.h: the launch wizard's steps, and which fields of an AmLaunchRequest each one asks for
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "am-launch-request.h"

G_BEGIN_DECLS

/* The wizard's pages, in order; the review page checks every field. */
typedef enum
{
  AM_LAUNCH_STEP_IMAGE,
  AM_LAUNCH_STEP_INSTANCE_TYPE,
  AM_LAUNCH_STEP_KEY_PAIR,
  AM_LAUNCH_STEP_NETWORK,
  AM_LAUNCH_STEP_STORAGE,
  AM_LAUNCH_STEP_DETAILS,
  AM_LAUNCH_STEP_REVIEW,
  AM_LAUNCH_N_STEPS,
} AmLaunchStep;

/** am_launch_step_get_title: the step's name, translated, as the step list shows it */
const char  *am_launch_step_get_title (AmLaunchStep     step);
/** am_launch_field_get_step: the step whose page holds @field */
AmLaunchStep am_launch_field_get_step (AmLaunchField    field);
/**
 * am_launch_step_validate:
 * Validates the fields of @step (every field for %AM_LAUNCH_STEP_REVIEW).
 * @invalid_field: (out) (optional): the first invalid field
 * Returns: %TRUE when they are all valid; otherwise %FALSE with the first field's error
 */
gboolean     am_launch_step_validate  (AmLaunchRequest  *request,
                                       AmLaunchStep      step,
                                       AmLaunchField    *invalid_field,
                                       GError          **error);
/**
 * am_launch_step_for_error:
 * The step whose page can fix an error of a dry run or a launch (am_launch_field_for_error()),
 * or %AM_LAUNCH_STEP_REVIEW when no page can.
 */
AmLaunchStep am_launch_step_for_error (const GError     *error);

G_END_DECLS
