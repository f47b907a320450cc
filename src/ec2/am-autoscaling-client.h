/* am-autoscaling-client.h: typed asynchronous Auto Scaling operations (Query API 2011-01-01)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-auto-scaling-group.h"
#include "am-ec2-client.h"
#include "am-query-client.h"

G_BEGIN_DECLS

/*
 * The input of CreateAutoScalingGroup. Strings and arrays are borrowed: the _async call copies
 * what it needs before it returns.
 */
typedef struct
{
  const char         *name;
  const char         *launch_template_id;       /* one of id or name */
  const char         *launch_template_name;
  const char         *launch_template_version;  /* nullable: $Default; or $Latest, "3" */
  gint                min_size;
  gint                max_size;
  gint                desired_capacity;         /* -1: AWS's default (MinSize) */
  const char * const *subnet_ids;               /* VPCZoneIdentifier, in several AZs */
  GPtrArray          *tags;                     /* nullable, AmAutoScalingTag */
} AmCreateAutoScalingGroupRequest;

/* AmAutoScalingClient: one _async / _finish pair per operation, over an AmQueryClient for the
 * service "autoscaling". Errors keep AM_AWS_ERROR, the AWS code (AlreadyExists,
 * ValidationError, ResourceInUse, …) and the request id, and their message says what failed,
 * e.g. "Could not create the Auto Scaling group web: …". */
#define AM_TYPE_AUTOSCALING_CLIENT (am_autoscaling_client_get_type ())

G_DECLARE_FINAL_TYPE (AmAutoScalingClient, am_autoscaling_client, AM, AUTOSCALING_CLIENT, GObject)

/** am_autoscaling_client_new: a client sending through @query_client (service "autoscaling"). */
AmAutoScalingClient *am_autoscaling_client_new            (AmQueryClient *query_client);
/**
 * am_autoscaling_client_new_for_ec2_client:
 * A client with @ec2's credentials and region; when @ec2 talks to a custom endpoint (the
 * sandbox), the same endpoint, else autoscaling.REGION.amazonaws.com (or the partition's).
 * Returns: (transfer full): the client, or %NULL with AM_AWS_ERROR_INVALID_ARGUMENT
 */
AmAutoScalingClient *am_autoscaling_client_new_for_ec2_client (AmEc2Client  *ec2,
                                                               GError      **error);
AmQueryClient       *am_autoscaling_client_get_query_client (AmAutoScalingClient *self);

/** CreateAutoScalingGroup: the group launches its desired capacity across the subnets. */
void      am_autoscaling_client_create_group_async    (AmAutoScalingClient                   *self,
                                                       const AmCreateAutoScalingGroupRequest *request,
                                                       GCancellable                          *cancellable,
                                                       GAsyncReadyCallback                    callback,
                                                       gpointer                               user_data);
gboolean  am_autoscaling_client_create_group_finish   (AmAutoScalingClient *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/**
 * am_autoscaling_client_describe_groups_async:
 * DescribeAutoScalingGroups, every page.
 * @names: (nullable): the groups to describe; %NULL for all of them
 * @page_size: MaxRecords per page (1–100), 0 for the service's default
 */
void      am_autoscaling_client_describe_groups_async  (AmAutoScalingClient *self,
                                                        const char * const  *names,
                                                        guint                page_size,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
/**
 * @n_pages: (out) (optional): how many pages were read
 * Returns: (transfer full) (element-type AmAutoScalingGroup): the groups, or %NULL with @error
 */
GPtrArray *am_autoscaling_client_describe_groups_finish (AmAutoScalingClient *self,
                                                         GAsyncResult        *result,
                                                         guint               *n_pages,
                                                         GError             **error);

/**
 * am_autoscaling_client_update_group_async:
 * UpdateAutoScalingGroup; -1 leaves a size as it is. The group scales to the new desired
 * capacity (AWS moves it inside new bounds).
 */
void      am_autoscaling_client_update_group_async    (AmAutoScalingClient *self,
                                                       const char          *name,
                                                       gint                 min_size,
                                                       gint                 max_size,
                                                       gint                 desired_capacity,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean  am_autoscaling_client_update_group_finish   (AmAutoScalingClient *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/** DeleteAutoScalingGroup; @force_delete terminates the group's instances too. */
void      am_autoscaling_client_delete_group_async    (AmAutoScalingClient *self,
                                                       const char          *name,
                                                       gboolean             force_delete,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean  am_autoscaling_client_delete_group_finish   (AmAutoScalingClient *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS
