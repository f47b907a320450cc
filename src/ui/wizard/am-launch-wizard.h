/* am-launch-wizard.h: the launch wizard, from an AMI to running instances in one or many zones
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-launch-request.h"
#include "am-launch-step.h"
#include "am-session.h"

G_BEGIN_DECLS

#define AM_TYPE_LAUNCH_WIZARD (am_launch_wizard_get_type ())

G_DECLARE_FINAL_TYPE (AmLaunchWizard, am_launch_wizard, AM, LAUNCH_WIZARD, AdwWindow)

/*
 * A window with one page per step over one AmLaunchRequest: Image, Instance type, Key pair,
 * Network and placement, Storage, Details, Review; then a progress page. Each page is
 * validated as the user types (Next stays insensitive and the message sits at the field).
 * The review runs a RunInstances dry run per Availability Zone before Launch is enabled.
 * Launch sends one RunInstances per zone with the zone's stable ClientToken; Retry re-sends
 * only the failed zones with the same tokens. The review page also saves the request as a
 * launch template and creates an Auto Scaling group over the chosen subnets from it
 * (AmAutoScalingDialog). A list that fails to load shows its error with Retry on its page.
 */

/**
 * am_launch_wizard_new:
 * @image: (nullable): the image to launch (the wizard then opens on the Instance type page)
 */
AmLaunchWizard  *am_launch_wizard_new               (AmSession      *session,
                                                     AmImage        *image);
/**
 * am_launch_wizard_new_for_template:
 * A wizard in template mode: the same pages, but the review's primary button saves a launch
 * template and there is no Launch button.
 */
AmLaunchWizard  *am_launch_wizard_new_for_template  (AmSession      *session,
                                                     AmImage        *image);
/**
 * am_launch_wizard_present_for_image:
 * Opens a wizard for @image, transient for @parent's window (the Images view's "Launch").
 */
void             am_launch_wizard_present_for_image (GtkWidget      *parent,
                                                     AmSession      *session,
                                                     AmImage        *image);

/**
 * am_launch_wizard_present_for_template:
 * Opens a template-mode wizard for @image (the Images view's "Create Launch Template").
 */
void             am_launch_wizard_present_for_template (GtkWidget   *parent,
                                                        AmSession   *session,
                                                        AmImage     *image);
/** am_launch_wizard_get_template_mode: whether the review saves a template instead of launching */
gboolean         am_launch_wizard_get_template_mode (AmLaunchWizard *self);

/** Returns: (transfer none): the state the pages edit */
AmLaunchRequest *am_launch_wizard_get_request       (AmLaunchWizard *self);
AmLaunchStep     am_launch_wizard_get_step          (AmLaunchWizard *self);
/** am_launch_wizard_is_step_complete: whether @step has been visited and is valid */
gboolean         am_launch_wizard_is_step_complete  (AmLaunchWizard *self,
                                                     AmLaunchStep    step);
/**
 * am_launch_wizard_save_private_key:
 * Writes the private key of the key pair just created to @path with 0600 permissions and
 * forgets it (the file chooser calls this; tests call it directly). Fails when there is no
 * key to save.
 */
gboolean         am_launch_wizard_save_private_key  (AmLaunchWizard *self,
                                                     const char     *path,
                                                     GError        **error);
/** Returns: (transfer none) (element-type AmInstance): the instances launched so far */
GPtrArray       *am_launch_wizard_get_launched      (AmLaunchWizard *self);
/**
 * am_launch_wizard_get_busy:
 * %TRUE while lists load, a dry run or a launch runs (tests wait for %FALSE)
 */
gboolean         am_launch_wizard_get_busy          (AmLaunchWizard *self);

G_END_DECLS
