/* am-instance-type.c: an instance type: vCPUs, memory, architectures, network, virtualization and boot modes
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-instance-type"

#include "config.h"

#include "am-instance-type.h"
#include "am-ec2-model-private.h"

struct _AmInstanceType
{
  GObject parent_instance;

  /* filled once by the reader or the cache, read-only afterwards */
  const char **supported_usage_classes;
  const char **supported_root_device_types;
  const char **supported_virtualization_types;
  const char **architectures;
  const char **supported_boot_modes;
  gint64 memory_mib;
  GQuark instance_type;
  gboolean current_generation;
  gboolean free_tier_eligible;
  gboolean bare_metal;
  GQuark hypervisor;
  int default_vcpus;
  int default_cores;
  gboolean instance_storage_supported;
  GQuark ebs_optimized_support;
  GQuark network_performance;
  GQuark ena_support;
  gboolean burstable_performance_supported;
  gboolean hibernation_supported;
};

G_DEFINE_FINAL_TYPE (AmInstanceType, am_instance_type, G_TYPE_OBJECT)

static const AmField am_instance_type_fields[] = {
  { "instance-type", "instanceType", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstanceType, instance_type), NULL },
  { "current-generation", "currentGeneration", NULL, AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (AmInstanceType, current_generation), NULL },
  { "free-tier-eligible", "freeTierEligible", NULL, AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (AmInstanceType, free_tier_eligible), NULL },
  { "supported-usage-classes", "supportedUsageClasses", NULL, AM_FIELD_STRV, G_STRUCT_OFFSET (AmInstanceType, supported_usage_classes), NULL },
  { "supported-root-device-types", "supportedRootDeviceTypes", NULL, AM_FIELD_STRV, G_STRUCT_OFFSET (AmInstanceType, supported_root_device_types), NULL },
  { "supported-virtualization-types", "supportedVirtualizationTypes", NULL, AM_FIELD_STRV, G_STRUCT_OFFSET (AmInstanceType, supported_virtualization_types), NULL },
  { "bare-metal", "bareMetal", NULL, AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (AmInstanceType, bare_metal), NULL },
  { "hypervisor", "hypervisor", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstanceType, hypervisor), NULL },
  { "architectures", "supportedArchitectures", "processorInfo", AM_FIELD_STRV, G_STRUCT_OFFSET (AmInstanceType, architectures), NULL },
  { "default-vcpus", "defaultVCpus", "vCpuInfo", AM_FIELD_INT, G_STRUCT_OFFSET (AmInstanceType, default_vcpus), NULL },
  { "default-cores", "defaultCores", "vCpuInfo", AM_FIELD_INT, G_STRUCT_OFFSET (AmInstanceType, default_cores), NULL },
  { "memory-mib", "sizeInMiB", "memoryInfo", AM_FIELD_INT64, G_STRUCT_OFFSET (AmInstanceType, memory_mib), NULL },
  { "instance-storage-supported", "instanceStorageSupported", NULL, AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (AmInstanceType, instance_storage_supported), NULL },
  { "ebs-optimized-support", "ebsOptimizedSupport", "ebsInfo", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstanceType, ebs_optimized_support), NULL },
  { "network-performance", "networkPerformance", "networkInfo", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstanceType, network_performance), NULL },
  { "ena-support", "enaSupport", "networkInfo", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstanceType, ena_support), NULL },
  { "supported-boot-modes", "supportedBootModes", NULL, AM_FIELD_STRV, G_STRUCT_OFFSET (AmInstanceType, supported_boot_modes), NULL },
  { "burstable-performance-supported", "burstablePerformanceSupported", NULL, AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (AmInstanceType, burstable_performance_supported), NULL },
  { "hibernation-supported", "hibernationSupported", NULL, AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (AmInstanceType, hibernation_supported), NULL },
};

static AmModelInfo am_instance_type_info = {
  "AmInstanceType", am_instance_type_get_type, am_instance_type_fields, G_N_ELEMENTS (am_instance_type_fields), NULL, NULL,
};

const AmModelInfo *
_am_instance_type_get_model_info (void)
{
  return &am_instance_type_info;
}

static void
am_instance_type_finalize (GObject *object)
{
  _am_model_clear (object, &am_instance_type_info);

  G_OBJECT_CLASS (am_instance_type_parent_class)->finalize (object);
}

static void
am_instance_type_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  if (!_am_model_get_property (object, &am_instance_type_info, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_instance_type_class_init (AmInstanceTypeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_instance_type_finalize;
  object_class->get_property = am_instance_type_get_property;

  _am_model_install_properties (object_class, &am_instance_type_info);
}

static void
am_instance_type_init (AmInstanceType *self)
{
}

const char *
am_instance_type_get_instance_type (AmInstanceType *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_TYPE (self), NULL);

  return g_quark_to_string (self->instance_type);
}

gboolean
am_instance_type_get_current_generation (AmInstanceType *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_TYPE (self), FALSE);

  return self->current_generation;
}

gboolean
am_instance_type_get_free_tier_eligible (AmInstanceType *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_TYPE (self), FALSE);

  return self->free_tier_eligible;
}

const char * const *
am_instance_type_get_supported_usage_classes (AmInstanceType *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_TYPE (self), NULL);

  return (const char * const *) _am_model_array_or_empty ((gpointer *) self->supported_usage_classes);
}

const char * const *
am_instance_type_get_supported_root_device_types (AmInstanceType *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_TYPE (self), NULL);

  return (const char * const *) _am_model_array_or_empty ((gpointer *) self->supported_root_device_types);
}

const char * const *
am_instance_type_get_supported_virtualization_types (AmInstanceType *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_TYPE (self), NULL);

  return (const char * const *) _am_model_array_or_empty ((gpointer *) self->supported_virtualization_types);
}

gboolean
am_instance_type_get_bare_metal (AmInstanceType *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_TYPE (self), FALSE);

  return self->bare_metal;
}

const char *
am_instance_type_get_hypervisor (AmInstanceType *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_TYPE (self), NULL);

  return g_quark_to_string (self->hypervisor);
}

const char * const *
am_instance_type_get_architectures (AmInstanceType *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_TYPE (self), NULL);

  return (const char * const *) _am_model_array_or_empty ((gpointer *) self->architectures);
}

int
am_instance_type_get_default_vcpus (AmInstanceType *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_TYPE (self), 0);

  return self->default_vcpus;
}

int
am_instance_type_get_default_cores (AmInstanceType *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_TYPE (self), 0);

  return self->default_cores;
}

gint64
am_instance_type_get_memory_mib (AmInstanceType *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_TYPE (self), 0);

  return self->memory_mib;
}

gboolean
am_instance_type_get_instance_storage_supported (AmInstanceType *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_TYPE (self), FALSE);

  return self->instance_storage_supported;
}

const char *
am_instance_type_get_ebs_optimized_support (AmInstanceType *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_TYPE (self), NULL);

  return g_quark_to_string (self->ebs_optimized_support);
}

const char *
am_instance_type_get_network_performance (AmInstanceType *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_TYPE (self), NULL);

  return g_quark_to_string (self->network_performance);
}

const char *
am_instance_type_get_ena_support (AmInstanceType *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_TYPE (self), NULL);

  return g_quark_to_string (self->ena_support);
}

const char * const *
am_instance_type_get_supported_boot_modes (AmInstanceType *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_TYPE (self), NULL);

  return (const char * const *) _am_model_array_or_empty ((gpointer *) self->supported_boot_modes);
}

gboolean
am_instance_type_get_burstable_performance_supported (AmInstanceType *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_TYPE (self), FALSE);

  return self->burstable_performance_supported;
}

gboolean
am_instance_type_get_hibernation_supported (AmInstanceType *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_TYPE (self), FALSE);

  return self->hibernation_supported;
}
