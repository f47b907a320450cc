/* am-sandbox-catalog.h: the sandbox's regenerated public catalog, instance types and seed state
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AM_SB_OWNER_AMAZON       "137112412989"
#define AM_SB_OWNER_WINDOWS      "801119661308"
#define AM_SB_OWNER_MARKETPLACE  "679593333241"
#define AM_SB_OWNER_CANONICAL    "099720109477"
#define AM_SB_OWNER_DEBIAN       "136693071363"
#define AM_SB_OWNER_REDHAT       "309956199498"
#define AM_SB_OWNER_SUSE         "013907871322"

typedef struct
{
  const char *name;
  int         vcpus;
  int         cores;
  int         threads_per_core;
  int         memory_mib;
  const char *architectures;    /* comma-separated */
  gboolean    free_tier;
  gboolean    burstable;
  gboolean    current_generation;
  const char *hypervisor;       /* nitro or xen */
  const char *network;
  const char *boot_modes;       /* comma-separated */
  double      clock_ghz;
  int         max_interfaces;
  int         ipv4_per_interface;
} AmSbInstanceType;

const AmSbInstanceType *am_sb_instance_types       (guint      *n_types);
const AmSbInstanceType *am_sb_instance_type_lookup (const char *name);

/**
 * am_sb_catalog_build:
 * Returns: (transfer full): the public images of @region (seed catalog plus @n_synthetic
 *   synthetic ones from a fixed seed), sorted by image id. Same input, same output.
 */
GPtrArray *am_sb_catalog_build (const char *region,
                                guint       n_synthetic);

/** am_sb_zone_id: Returns: (transfer full): the zone id of zone @index (0 = a) of @region, e.g. use1-az1 */
char *am_sb_zone_id (const char *region,
                     guint       index);

/* The public "latest AMI" parameters, NULL-terminated. */
const char *const *am_sb_catalog_ssm_parameters (void);

G_END_DECLS
