/* am-launch-step.c: the launch wizard's steps, and which fields of an AmLaunchRequest each one asks for
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-launch-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "am-launch-step.h"

static const char * const step_titles[] = {
  N_("Image"),
  N_("Instance type"),
  N_("Key pair"),
  N_("Network"),
  N_("Storage"),
  N_("Details"),
  N_("Review"),
};

static const AmLaunchStep field_steps[AM_LAUNCH_N_FIELDS] = {
  [AM_LAUNCH_FIELD_IMAGE] = AM_LAUNCH_STEP_IMAGE,
  [AM_LAUNCH_FIELD_INSTANCE_TYPE] = AM_LAUNCH_STEP_INSTANCE_TYPE,
  [AM_LAUNCH_FIELD_KEY_PAIR] = AM_LAUNCH_STEP_KEY_PAIR,
  [AM_LAUNCH_FIELD_VPC] = AM_LAUNCH_STEP_NETWORK,
  [AM_LAUNCH_FIELD_SUBNETS] = AM_LAUNCH_STEP_NETWORK,
  [AM_LAUNCH_FIELD_SECURITY_GROUPS] = AM_LAUNCH_STEP_NETWORK,
  [AM_LAUNCH_FIELD_NEW_GROUP_NAME] = AM_LAUNCH_STEP_NETWORK,
  [AM_LAUNCH_FIELD_NEW_GROUP_SOURCE] = AM_LAUNCH_STEP_NETWORK,
  [AM_LAUNCH_FIELD_COUNT] = AM_LAUNCH_STEP_NETWORK,
  [AM_LAUNCH_FIELD_VOLUMES] = AM_LAUNCH_STEP_STORAGE,
  [AM_LAUNCH_FIELD_TAGS] = AM_LAUNCH_STEP_DETAILS,
  [AM_LAUNCH_FIELD_USER_DATA] = AM_LAUNCH_STEP_DETAILS,
  [AM_LAUNCH_FIELD_IAM_PROFILE] = AM_LAUNCH_STEP_DETAILS,
};

AmLaunchStep
am_launch_field_get_step (AmLaunchField field)
{
  g_return_val_if_fail (field < AM_LAUNCH_N_FIELDS, AM_LAUNCH_STEP_REVIEW);
  return field_steps[field];
}

gboolean
am_launch_step_validate (AmLaunchRequest  *request,
                         AmLaunchStep      step,
                         AmLaunchField    *invalid_field,
                         GError          **error)
{
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (request), FALSE);
  g_return_val_if_fail (step < AM_LAUNCH_N_STEPS, FALSE);

  if (step == AM_LAUNCH_STEP_REVIEW)
    return am_launch_request_validate_full (request, invalid_field, error);
  for (guint field = 0; field < AM_LAUNCH_N_FIELDS; field++)
    if (field_steps[field] == step && !am_launch_request_validate_field (request, field, error))
      {
        if (invalid_field != NULL)
          *invalid_field = field;
        return FALSE;
      }
  return TRUE;
}

AmLaunchStep
am_launch_step_for_error (const GError *error)
{
  AmLaunchField field;

  g_return_val_if_fail (error != NULL, AM_LAUNCH_STEP_REVIEW);

  field = am_launch_field_for_error (error);
  return field < AM_LAUNCH_N_FIELDS ? field_steps[field] : AM_LAUNCH_STEP_REVIEW;
}

const char *
am_launch_step_get_title (AmLaunchStep step)
{
  g_return_val_if_fail (step < AM_LAUNCH_N_STEPS, NULL);
  return _(step_titles[step]);
}
