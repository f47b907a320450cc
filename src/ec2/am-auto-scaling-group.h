/* am-auto-scaling-group.h: an Auto Scaling group (as DescribeAutoScalingGroups returns it)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One instance of a group: read-only once parsed. */
typedef struct
{
  char *instance_id;
  char *instance_type;
  char *availability_zone;
  char *lifecycle_state;   /* Pending, InService, Terminating, … */
  char *health_status;     /* Healthy, Unhealthy */
} AmAutoScalingInstance;

/* A group tag; also the input of CreateAutoScalingGroup's Tags. */
typedef struct
{
  char    *key;
  char    *value;
  gboolean propagate_at_launch;
} AmAutoScalingTag;

#define AM_TYPE_AUTO_SCALING_INSTANCE (am_auto_scaling_instance_get_type ())
#define AM_TYPE_AUTO_SCALING_TAG (am_auto_scaling_tag_get_type ())
GType                  am_auto_scaling_instance_get_type (void) G_GNUC_CONST;
AmAutoScalingInstance *am_auto_scaling_instance_copy     (const AmAutoScalingInstance *instance);
void                   am_auto_scaling_instance_free     (AmAutoScalingInstance       *instance);
GType                  am_auto_scaling_tag_get_type      (void) G_GNUC_CONST;
AmAutoScalingTag      *am_auto_scaling_tag_new           (const char                  *key,
                                                          const char                  *value,
                                                          gboolean                     propagate_at_launch);
AmAutoScalingTag      *am_auto_scaling_tag_copy          (const AmAutoScalingTag      *tag);
void                   am_auto_scaling_tag_free          (AmAutoScalingTag            *tag);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmAutoScalingInstance, am_auto_scaling_instance_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmAutoScalingTag, am_auto_scaling_tag_free)

#define AM_TYPE_AUTO_SCALING_GROUP (am_auto_scaling_group_get_type ())

G_DECLARE_FINAL_TYPE (AmAutoScalingGroup, am_auto_scaling_group, AM, AUTO_SCALING_GROUP, GObject)

/** am_auto_scaling_group_get_name: the group's name (property "name") */
const char *am_auto_scaling_group_get_name                    (AmAutoScalingGroup *self);
/** am_auto_scaling_group_get_arn: its ARN */
const char *am_auto_scaling_group_get_arn                     (AmAutoScalingGroup *self);
/** the launch template's id, name and version ($Default, $Latest or a number); nullable */
const char *am_auto_scaling_group_get_launch_template_id      (AmAutoScalingGroup *self);
const char *am_auto_scaling_group_get_launch_template_name    (AmAutoScalingGroup *self);
const char *am_auto_scaling_group_get_launch_template_version (AmAutoScalingGroup *self);
gint        am_auto_scaling_group_get_min_size                (AmAutoScalingGroup *self);
gint        am_auto_scaling_group_get_max_size                (AmAutoScalingGroup *self);
gint        am_auto_scaling_group_get_desired_capacity        (AmAutoScalingGroup *self);
/** Returns: (transfer none): the Availability Zones, %NULL-terminated, never %NULL */
const char * const *am_auto_scaling_group_get_availability_zones (AmAutoScalingGroup *self);
/** Returns: (transfer none): the subnet ids of VPCZoneIdentifier, %NULL-terminated, never %NULL */
const char * const *am_auto_scaling_group_get_subnet_ids      (AmAutoScalingGroup *self);
/** Returns: (transfer none) (element-type AmAutoScalingInstance): the group's instances */
GPtrArray  *am_auto_scaling_group_get_instances               (AmAutoScalingGroup *self);
/** Returns: (transfer none) (element-type AmAutoScalingTag): the group's tags */
GPtrArray  *am_auto_scaling_group_get_tags                    (AmAutoScalingGroup *self);
/** Returns: (nullable): when the group was created, UTC */
GDateTime  *am_auto_scaling_group_get_created_time            (AmAutoScalingGroup *self);
/** am_auto_scaling_group_count_in_zone: instances of the group in @zone, in any state */
guint       am_auto_scaling_group_count_in_zone               (AmAutoScalingGroup *self,
                                                               const char         *zone);

/**
 * am_auto_scaling_group_parse_describe:
 * Reads one DescribeAutoScalingGroups answer with the streaming reader.
 * @groups: (out) (transfer full) (element-type AmAutoScalingGroup): the page's groups
 * @next_token: (out) (optional) (transfer full): the next page's token, %NULL on the last page
 * Returns: %FALSE with AM_AWS_ERROR_MALFORMED_RESPONSE for a bad, truncated or foreign document
 */
gboolean    am_auto_scaling_group_parse_describe              (const char         *data,
                                                               gsize               length,
                                                               GPtrArray         **groups,
                                                               char              **next_token,
                                                               GError            **error);

G_END_DECLS
