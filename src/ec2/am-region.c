/* am-region.c: an AWS Region as DescribeRegions lists it
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-region"

#include "config.h"

#include "am-region.h"
#include "am-ec2-model-private.h"

struct _AmRegion
{
  GObject parent_instance;

  /* filled once by the reader or the cache, read-only afterwards */
  char *endpoint;
  GQuark region_name;
  GQuark opt_in_status;
};

G_DEFINE_FINAL_TYPE (AmRegion, am_region, G_TYPE_OBJECT)

static const AmField am_region_fields[] = {
  { "region-name", "regionName", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmRegion, region_name), NULL },
  { "endpoint", "regionEndpoint", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmRegion, endpoint), NULL },
  { "opt-in-status", "optInStatus", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmRegion, opt_in_status), NULL },
};

static AmModelInfo am_region_info = {
  "AmRegion", am_region_get_type, am_region_fields, G_N_ELEMENTS (am_region_fields), NULL, NULL,
};

const AmModelInfo *
_am_region_get_model_info (void)
{
  return &am_region_info;
}

static void
am_region_finalize (GObject *object)
{
  _am_model_clear (object, &am_region_info);

  G_OBJECT_CLASS (am_region_parent_class)->finalize (object);
}

static void
am_region_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  if (!_am_model_get_property (object, &am_region_info, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_region_class_init (AmRegionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_region_finalize;
  object_class->get_property = am_region_get_property;

  _am_model_install_properties (object_class, &am_region_info);
}

static void
am_region_init (AmRegion *self)
{
}

const char *
am_region_get_region_name (AmRegion *self)
{
  g_return_val_if_fail (AM_IS_REGION (self), NULL);

  return g_quark_to_string (self->region_name);
}

const char *
am_region_get_endpoint (AmRegion *self)
{
  g_return_val_if_fail (AM_IS_REGION (self), NULL);

  return self->endpoint;
}

const char *
am_region_get_opt_in_status (AmRegion *self)
{
  g_return_val_if_fail (AM_IS_REGION (self), NULL);

  return g_quark_to_string (self->opt_in_status);
}
