/* am-run-instances-request.h: everything one RunInstances (or launch template) call sends
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "am-block-device-spec.h"
#include "am-tag-specification.h"

G_BEGIN_DECLS

/*
 * Plain fields; unset ones (NULL, 0, FALSE) are not sent. Serialised as ImageId,
 * InstanceType, MinCount, MaxCount, KeyName, SubnetId, SecurityGroupId.N,
 * Placement.AvailabilityZone, BlockDeviceMapping.N.*, TagSpecification.N.*, UserData (base64
 * of @user_data), IamInstanceProfile.Name, InstanceInitiatedShutdownBehavior,
 * DisableApiTermination, MetadataOptions.HttpTokens=required, ClientToken.
 */
typedef struct
{
  char       *image_id;                      /* may be "resolve:ssm:/aws/service/…" */
  char       *instance_type;
  guint       min_count;                     /* 0 is sent as 1 */
  guint       max_count;                     /* 0 is sent as min_count */
  char       *key_name;
  char       *subnet_id;
  char      **security_group_ids;
  char       *availability_zone;
  GPtrArray  *block_device_mappings;         /* (element-type AmBlockDeviceSpec) */
  GPtrArray  *tag_specifications;            /* (element-type AmTagSpecification) */
  char       *user_data;                     /* plain text; the client encodes it */
  char       *iam_instance_profile_name;
  char       *shutdown_behavior;             /* "stop" or "terminate" */
  gboolean    disable_api_termination;
  gboolean    require_imdsv2;                /* MetadataOptions.HttpTokens=required */
  char       *client_token;                  /* see am_run_instances_request_ensure_client_token() */
} AmRunInstancesRequest;

#define AM_TYPE_RUN_INSTANCES_REQUEST (am_run_instances_request_get_type ())

GType                  am_run_instances_request_get_type (void) G_GNUC_CONST;
AmRunInstancesRequest *am_run_instances_request_new      (const char                  *image_id,
                                                          const char                  *instance_type);
AmRunInstancesRequest *am_run_instances_request_copy     (const AmRunInstancesRequest *request);
void                   am_run_instances_request_free     (AmRunInstancesRequest       *request);
/** am_run_instances_request_add_block_device: takes ownership of @spec */
void                   am_run_instances_request_add_block_device (AmRunInstancesRequest *request,
                                                                  AmBlockDeviceSpec     *spec);
/** am_run_instances_request_add_tag_specification: takes ownership of @spec */
void                   am_run_instances_request_add_tag_specification (AmRunInstancesRequest *request,
                                                                       AmTagSpecification    *spec);
/**
 * am_run_instances_request_ensure_client_token:
 * Sets a new random idempotency token if the request has none. Keep the request (and so the
 * token) to retry a launch whose answer was lost: EC2 then returns the first launch instead
 * of starting instances twice.
 * Returns: (transfer none): the token
 */
const char            *am_run_instances_request_ensure_client_token (AmRunInstancesRequest *request);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmRunInstancesRequest, am_run_instances_request_free)

G_END_DECLS
