/* am-availability-zone.c: an Availability Zone (or Local Zone / Wavelength Zone)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-availability-zone"

#include "config.h"

#include "am-availability-zone.h"
#include "am-ec2-model-private.h"

struct _AmAvailabilityZone
{
  GObject parent_instance;

  /* filled once by the reader or the cache, read-only afterwards */
  GQuark zone_name;
  GQuark state;
  GQuark region_name;
  GQuark zone_id;
  GQuark zone_type;
  GQuark opt_in_status;
  GQuark group_name;
  GQuark network_border_group;
};

G_DEFINE_FINAL_TYPE (AmAvailabilityZone, am_availability_zone, G_TYPE_OBJECT)

static const AmField am_availability_zone_fields[] = {
  { "zone-name", "zoneName", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmAvailabilityZone, zone_name), NULL },
  { "state", "zoneState", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmAvailabilityZone, state), NULL },
  { "region-name", "regionName", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmAvailabilityZone, region_name), NULL },
  { "zone-id", "zoneId", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmAvailabilityZone, zone_id), NULL },
  { "zone-type", "zoneType", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmAvailabilityZone, zone_type), NULL },
  { "opt-in-status", "optInStatus", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmAvailabilityZone, opt_in_status), NULL },
  { "group-name", "groupName", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmAvailabilityZone, group_name), NULL },
  { "network-border-group", "networkBorderGroup", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmAvailabilityZone, network_border_group), NULL },
};

static AmModelInfo am_availability_zone_info = {
  "AmAvailabilityZone", am_availability_zone_get_type, am_availability_zone_fields, G_N_ELEMENTS (am_availability_zone_fields), NULL, NULL,
};

const AmModelInfo *
_am_availability_zone_get_model_info (void)
{
  return &am_availability_zone_info;
}

static void
am_availability_zone_finalize (GObject *object)
{
  _am_model_clear (object, &am_availability_zone_info);

  G_OBJECT_CLASS (am_availability_zone_parent_class)->finalize (object);
}

static void
am_availability_zone_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  if (!_am_model_get_property (object, &am_availability_zone_info, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_availability_zone_class_init (AmAvailabilityZoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_availability_zone_finalize;
  object_class->get_property = am_availability_zone_get_property;

  _am_model_install_properties (object_class, &am_availability_zone_info);
}

static void
am_availability_zone_init (AmAvailabilityZone *self)
{
}

const char *
am_availability_zone_get_zone_name (AmAvailabilityZone *self)
{
  g_return_val_if_fail (AM_IS_AVAILABILITY_ZONE (self), NULL);

  return g_quark_to_string (self->zone_name);
}

const char *
am_availability_zone_get_state (AmAvailabilityZone *self)
{
  g_return_val_if_fail (AM_IS_AVAILABILITY_ZONE (self), NULL);

  return g_quark_to_string (self->state);
}

const char *
am_availability_zone_get_region_name (AmAvailabilityZone *self)
{
  g_return_val_if_fail (AM_IS_AVAILABILITY_ZONE (self), NULL);

  return g_quark_to_string (self->region_name);
}

const char *
am_availability_zone_get_zone_id (AmAvailabilityZone *self)
{
  g_return_val_if_fail (AM_IS_AVAILABILITY_ZONE (self), NULL);

  return g_quark_to_string (self->zone_id);
}

const char *
am_availability_zone_get_zone_type (AmAvailabilityZone *self)
{
  g_return_val_if_fail (AM_IS_AVAILABILITY_ZONE (self), NULL);

  return g_quark_to_string (self->zone_type);
}

const char *
am_availability_zone_get_opt_in_status (AmAvailabilityZone *self)
{
  g_return_val_if_fail (AM_IS_AVAILABILITY_ZONE (self), NULL);

  return g_quark_to_string (self->opt_in_status);
}

const char *
am_availability_zone_get_group_name (AmAvailabilityZone *self)
{
  g_return_val_if_fail (AM_IS_AVAILABILITY_ZONE (self), NULL);

  return g_quark_to_string (self->group_name);
}

const char *
am_availability_zone_get_network_border_group (AmAvailabilityZone *self)
{
  g_return_val_if_fail (AM_IS_AVAILABILITY_ZONE (self), NULL);

  return g_quark_to_string (self->network_border_group);
}
