/* am-instance-type.h: an instance type: vCPUs, memory, architectures, network, virtualization and boot modes
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AM_TYPE_INSTANCE_TYPE (am_instance_type_get_type ())

G_DECLARE_FINAL_TYPE (AmInstanceType, am_instance_type, AM, INSTANCE_TYPE, GObject)

/** am_instance_type_get_instance_type: the instance type name, e.g. "t3.micro" */
const char *am_instance_type_get_instance_type (AmInstanceType *self);
/** am_instance_type_get_current_generation: whether the type is current generation */
gboolean am_instance_type_get_current_generation (AmInstanceType *self);
/** am_instance_type_get_free_tier_eligible: whether the type is free tier eligible */
gboolean am_instance_type_get_free_tier_eligible (AmInstanceType *self);
/** am_instance_type_get_supported_usage_classes: the usage classes ("on-demand", "spot") */
const char * const *am_instance_type_get_supported_usage_classes (AmInstanceType *self);
/** am_instance_type_get_supported_root_device_types: the root device types */
const char * const *am_instance_type_get_supported_root_device_types (AmInstanceType *self);
/** am_instance_type_get_supported_virtualization_types: the virtualization types ("hvm", "paravirtual") */
const char * const *am_instance_type_get_supported_virtualization_types (AmInstanceType *self);
/** am_instance_type_get_bare_metal: whether it is a bare metal type */
gboolean am_instance_type_get_bare_metal (AmInstanceType *self);
/** am_instance_type_get_hypervisor: the hypervisor ("nitro", "xen"), or %NULL */
const char *am_instance_type_get_hypervisor (AmInstanceType *self);
/** am_instance_type_get_architectures: the supported architectures */
const char * const *am_instance_type_get_architectures (AmInstanceType *self);
/** am_instance_type_get_default_vcpus: the number of vCPUs */
int am_instance_type_get_default_vcpus (AmInstanceType *self);
/** am_instance_type_get_default_cores: the number of cores */
int am_instance_type_get_default_cores (AmInstanceType *self);
/** am_instance_type_get_memory_mib: the memory in MiB */
gint64 am_instance_type_get_memory_mib (AmInstanceType *self);
/** am_instance_type_get_instance_storage_supported: whether instance store volumes exist */
gboolean am_instance_type_get_instance_storage_supported (AmInstanceType *self);
/** am_instance_type_get_ebs_optimized_support: EBS optimization support */
const char *am_instance_type_get_ebs_optimized_support (AmInstanceType *self);
/** am_instance_type_get_network_performance: the network performance, e.g. "Up to 5 Gigabit" */
const char *am_instance_type_get_network_performance (AmInstanceType *self);
/** am_instance_type_get_ena_support: ENA support ("required", "supported", "unsupported") */
const char *am_instance_type_get_ena_support (AmInstanceType *self);
/** am_instance_type_get_supported_boot_modes: the boot modes ("legacy-bios", "uefi") */
const char * const *am_instance_type_get_supported_boot_modes (AmInstanceType *self);
/** am_instance_type_get_burstable_performance_supported: whether it is a burstable type */
gboolean am_instance_type_get_burstable_performance_supported (AmInstanceType *self);
/** am_instance_type_get_hibernation_supported: whether hibernation is supported */
gboolean am_instance_type_get_hibernation_supported (AmInstanceType *self);

G_END_DECLS
