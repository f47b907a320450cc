/* am-instance.h: an EC2 instance: state, placement, addresses, block devices, groups and tags
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "am-instance-block-device.h"
#include "am-security-group.h"
#include "am-tag.h"

G_BEGIN_DECLS

#define AM_TYPE_INSTANCE (am_instance_get_type ())

G_DECLARE_FINAL_TYPE (AmInstance, am_instance, AM, INSTANCE, GObject)

/** am_instance_get_instance_id: the instance id */
const char *am_instance_get_instance_id (AmInstance *self);
/** am_instance_get_image_id: the image the instance was launched from */
const char *am_instance_get_image_id (AmInstance *self);
/** am_instance_get_state_code: the state code (0 pending, 16 running, 32 shutting-down, 48 terminated, 64 stopping, 80 stopped) */
int am_instance_get_state_code (AmInstance *self);
/** am_instance_get_state_name: the state name */
const char *am_instance_get_state_name (AmInstance *self);
/** am_instance_get_private_dns_name: the private DNS name, or %NULL */
const char *am_instance_get_private_dns_name (AmInstance *self);
/** am_instance_get_public_dns_name: the public DNS name, or %NULL */
const char *am_instance_get_public_dns_name (AmInstance *self);
/** am_instance_get_state_transition_reason: why the state last changed, or %NULL */
const char *am_instance_get_state_transition_reason (AmInstance *self);
/** am_instance_get_key_name: the key pair name, or %NULL */
const char *am_instance_get_key_name (AmInstance *self);
/** am_instance_get_ami_launch_index: the index of the instance in its launch */
int am_instance_get_ami_launch_index (AmInstance *self);
/** am_instance_get_instance_type: the instance type */
const char *am_instance_get_instance_type (AmInstance *self);
/** am_instance_get_launch_time: the launch time (ISO 8601) */
const char *am_instance_get_launch_time (AmInstance *self);
/** am_instance_get_availability_zone: the Availability Zone */
const char *am_instance_get_availability_zone (AmInstance *self);
/** am_instance_get_tenancy: the tenancy (default, dedicated, host) */
const char *am_instance_get_tenancy (AmInstance *self);
/** am_instance_get_platform: "windows" for Windows instances, else %NULL */
const char *am_instance_get_platform (AmInstance *self);
/** am_instance_get_monitoring_state: the detailed monitoring state */
const char *am_instance_get_monitoring_state (AmInstance *self);
/** am_instance_get_subnet_id: the subnet, or %NULL */
const char *am_instance_get_subnet_id (AmInstance *self);
/** am_instance_get_vpc_id: the VPC, or %NULL */
const char *am_instance_get_vpc_id (AmInstance *self);
/** am_instance_get_private_ip_address: the private IPv4 address, or %NULL */
const char *am_instance_get_private_ip_address (AmInstance *self);
/** am_instance_get_public_ip_address: the public IPv4 address, or %NULL */
const char *am_instance_get_public_ip_address (AmInstance *self);
/** am_instance_get_state_reason_code: the state reason code, or %NULL */
const char *am_instance_get_state_reason_code (AmInstance *self);
/** am_instance_get_state_reason_message: the state reason message, or %NULL */
const char *am_instance_get_state_reason_message (AmInstance *self);
/** am_instance_get_architecture: the architecture */
const char *am_instance_get_architecture (AmInstance *self);
/** am_instance_get_root_device_type: "ebs" or "instance-store" */
const char *am_instance_get_root_device_type (AmInstance *self);
/** am_instance_get_root_device_name: the root device name */
const char *am_instance_get_root_device_name (AmInstance *self);
/** am_instance_get_block_devices: the attached volumes. Returns: (transfer none): a %NULL-terminated array, never %NULL */
AmInstanceBlockDevice * const *am_instance_get_block_devices (AmInstance *self);
/** am_instance_get_virtualization_type: "hvm" or "paravirtual" */
const char *am_instance_get_virtualization_type (AmInstance *self);
/** am_instance_get_client_token: the idempotency token of the launch, or %NULL */
const char *am_instance_get_client_token (AmInstance *self);
/** am_instance_get_tags: the tags. Returns: (transfer none): a %NULL-terminated array, never %NULL */
AmTag * const *am_instance_get_tags (AmInstance *self);
/** am_instance_get_security_groups: the security groups (id and name only). Returns: (transfer none): a %NULL-terminated array, never %NULL */
AmSecurityGroup * const *am_instance_get_security_groups (AmInstance *self);
/** am_instance_get_hypervisor: the hypervisor */
const char *am_instance_get_hypervisor (AmInstance *self);
/** am_instance_get_iam_instance_profile_arn: the IAM instance profile ARN, or %NULL */
const char *am_instance_get_iam_instance_profile_arn (AmInstance *self);
/** am_instance_get_ena_support: whether ENA is enabled */
gboolean am_instance_get_ena_support (AmInstance *self);
/** am_instance_get_ebs_optimized: whether the instance is EBS-optimized */
gboolean am_instance_get_ebs_optimized (AmInstance *self);
/** am_instance_get_boot_mode: the boot mode, or %NULL */
const char *am_instance_get_boot_mode (AmInstance *self);
/** am_instance_get_platform_details: the platform details, e.g. "Linux/UNIX" */
const char *am_instance_get_platform_details (AmInstance *self);
/** am_instance_get_usage_operation: the billing usage operation */
const char *am_instance_get_usage_operation (AmInstance *self);
/** am_instance_get_metadata_http_tokens: "required" when IMDSv2 is enforced, else "optional" */
const char *am_instance_get_metadata_http_tokens (AmInstance *self);
/**
 * am_instance_get_region: the Region a listing of several Regions found it in, or %NULL in a
 * listing of one Region (the client's)
 */
const char *am_instance_get_region (AmInstance *self);
/** am_instance_set_region: set by the listing, before anyone else sees the instance */
void am_instance_set_region (AmInstance *self, const char *region);

G_END_DECLS
