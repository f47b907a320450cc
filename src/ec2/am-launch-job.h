/* am-launch-job.h: one launch of an AmLaunchRequest: its security group, one RunInstances per zone
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-ec2-client.h"
#include "am-launch-request.h"

G_BEGIN_DECLS

/*
 * AmLaunchJob carries out the plan of an AmLaunchRequest (am_launch_request_plan(), taken when
 * the job is made): it creates and opens the request's new security group when it asks for one,
 * then sends one RunInstances per zone, each with the request's ClientToken for that subnet.
 * Running it again (Retry) re-sends only the zones that failed, with the same tokens, so EC2
 * never launches twice; a security group made by an earlier run is opened, not made again.
 * Creations without a token (CreateSecurityGroup) are sent once: the client recovers a lost
 * answer by name (am-ec2-client.c, am-ec2-operations.c).
 *
 * It reports through "zone-changed" (a zone's state) and the "stage" property.
 */

typedef enum
{
  AM_LAUNCH_ZONE_WAITING,
  AM_LAUNCH_ZONE_RUNNING,
  AM_LAUNCH_ZONE_DONE,
  AM_LAUNCH_ZONE_FAILED,
} AmLaunchZoneState;

typedef enum
{
  AM_LAUNCH_JOB_IDLE,            /* not started, or the run has ended */
  AM_LAUNCH_JOB_CREATING_GROUP,
  AM_LAUNCH_JOB_OPENING_PORTS,
  AM_LAUNCH_JOB_LAUNCHING,
} AmLaunchJobStage;

#define AM_TYPE_LAUNCH_JOB (am_launch_job_get_type ())

G_DECLARE_FINAL_TYPE (AmLaunchJob, am_launch_job, AM, LAUNCH_JOB, GObject)

/**
 * am_launch_job_new:
 * @group_description: the description of the security group the job may create
 *
 * Returns: (transfer full): a job for the plan @request has now
 */
AmLaunchJob       *am_launch_job_new                   (AmEc2Client      *client,
                                                        AmLaunchRequest  *request,
                                                        const char       *group_description);
AmLaunchRequest   *am_launch_job_get_request           (AmLaunchJob      *self);
AmLaunchJobStage   am_launch_job_get_stage             (AmLaunchJob      *self);
/* TRUE from am_launch_job_run_async() until its callback */
gboolean           am_launch_job_get_running           (AmLaunchJob      *self);

guint              am_launch_job_get_n_zones           (AmLaunchJob      *self);
AmSubnet          *am_launch_job_get_zone_subnet       (AmLaunchJob      *self,
                                                        guint             zone);
guint              am_launch_job_get_zone_count        (AmLaunchJob      *self,
                                                        guint             zone);
AmLaunchZoneState  am_launch_job_get_zone_state        (AmLaunchJob      *self,
                                                        guint             zone);
/* The zone's last failure, while it is AM_LAUNCH_ZONE_FAILED */
const GError      *am_launch_job_get_zone_error        (AmLaunchJob      *self,
                                                        guint             zone);
/* Returns: (nullable) (element-type AmInstance): the zone's instances once it is done */
GPtrArray         *am_launch_job_get_zone_instances    (AmLaunchJob      *self,
                                                        guint             zone);
/* Returns: (nullable): the ClientToken the zone's RunInstances carried, once sent */
const char        *am_launch_job_get_zone_client_token (AmLaunchJob      *self,
                                                        guint             zone);
/* Returns: (element-type AmInstance): every instance launched so far, in the order they came */
GPtrArray         *am_launch_job_get_instances         (AmLaunchJob      *self);
/* The failure of the last run's security group step, if that is where it stopped */
const GError      *am_launch_job_get_group_error       (AmLaunchJob      *self);

/**
 * am_launch_job_run_async:
 *
 * Makes and opens the new security group if the request asks for one and no earlier run made
 * it, then launches every zone that is waiting or failed. Ends when every zone sent has
 * answered.
 */
void               am_launch_job_run_async             (AmLaunchJob         *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
/**
 * am_launch_job_run_finish:
 *
 * Returns: %TRUE when every zone is launched; else %FALSE with the security group's failure
 *   (see am_launch_job_get_group_error()) or the first failed zone's
 */
gboolean           am_launch_job_run_finish            (AmLaunchJob      *self,
                                                        GAsyncResult     *result,
                                                        GError          **error);

G_END_DECLS
