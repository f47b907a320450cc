/* am-tour-checker.h: decides from the sandbox's state which steps of the guided tour are done
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-ec2-client.h"

G_BEGIN_DECLS

/*
 * The tour's steps, in the order the concepts build on each other. Each step but the first two
 * is decided from what EC2 shows (DescribeInstances, DescribeImages, DescribeImageAttribute,
 * DescribeSnapshots, DescribeAutoScalingGroups), never from which button was pressed, so a step
 * done with the AWS CLI ticks as well. The first two are reading steps: the user says they have
 * read them, or a launched instance shows they have found an image.
 */
typedef enum
{
  AM_TOUR_STEP_ANATOMY,
  AM_TOUR_STEP_FIND,
  AM_TOUR_STEP_LAUNCH,
  AM_TOUR_STEP_TAG,
  AM_TOUR_STEP_CREATE_IMAGE,
  AM_TOUR_STEP_TWO_ZONES,
  AM_TOUR_STEP_SHARE,
  AM_TOUR_STEP_BOB_SEES,
  AM_TOUR_STEP_DEPRECATE,
  AM_TOUR_STEP_AUTO_SCALING,
  AM_TOUR_STEP_DEREGISTER,
  AM_TOUR_N_STEPS,
} AmTourStep;

#define AM_TYPE_TOUR_CHECKER (am_tour_checker_get_type ())

G_DECLARE_FINAL_TYPE (AmTourChecker, am_tour_checker, AM, TOUR_CHECKER, GObject)

/**
 * am_tour_checker_new:
 * @progress_path: (nullable): the key file that keeps the progress; %NULL for
 *   $XDG_DATA_HOME/amiable/tour-progress.ini
 */
AmTourChecker *am_tour_checker_new           (const char          *progress_path);
/** am_tour_step_get_id: a stable name of @step ("launch", "share", …) */
const char    *am_tour_step_get_id           (AmTourStep           step);
gboolean       am_tour_checker_is_done       (AmTourChecker       *self,
                                              AmTourStep           step);
/** am_tour_checker_get_current: the first step not done, %AM_TOUR_N_STEPS when all are */
AmTourStep     am_tour_checker_get_current   (AmTourChecker       *self);
guint          am_tour_checker_get_n_done    (AmTourChecker       *self);
/** am_tour_checker_mark_read: ticks a reading step (%AM_TOUR_STEP_ANATOMY, %AM_TOUR_STEP_FIND) */
void           am_tour_checker_mark_read     (AmTourChecker       *self,
                                              AmTourStep           step);
/**
 * am_tour_checker_get_image_ids:
 * Returns: (transfer full): the images created from an instance that the tour has seen, for
 *   the panel to point at
 */
char         **am_tour_checker_get_image_ids (AmTourChecker       *self);
/** am_tour_checker_reset: forgets all progress (the sandbox was reset); emits "changed" */
void           am_tour_checker_reset         (AmTourChecker       *self);
/**
 * am_tour_checker_check_async:
 * @account_id: who @client acts as: the sandbox's bob only decides "see it from bob's side",
 *   any other account decides the rest
 *
 * Reads the account's state through @client and ticks (never unticks) the steps it shows done;
 * emits "changed" when one ticked, and keeps the progress on disk.
 */
void           am_tour_checker_check_async   (AmTourChecker       *self,
                                              AmEc2Client         *client,
                                              const char          *account_id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean       am_tour_checker_check_finish  (AmTourChecker       *self,
                                              GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
