/* am-subnet.c: a VPC subnet
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-subnet"

#include "config.h"

#include "am-subnet.h"
#include "am-ec2-model-private.h"

struct _AmSubnet
{
  GObject parent_instance;

  /* filled once by the reader or the cache, read-only afterwards */
  char *subnet_id;
  char *cidr_block;
  char *subnet_arn;
  gpointer *tags;
  GQuark state;
  GQuark vpc_id;
  int available_ip_address_count;
  GQuark availability_zone;
  GQuark availability_zone_id;
  gboolean default_for_az;
  gboolean map_public_ip_on_launch;
  GQuark owner_id;
};

G_DEFINE_FINAL_TYPE (AmSubnet, am_subnet, G_TYPE_OBJECT)

static const AmField am_subnet_fields[] = {
  { "subnet-id", "subnetId", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmSubnet, subnet_id), NULL },
  { "state", "state", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmSubnet, state), NULL },
  { "vpc-id", "vpcId", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmSubnet, vpc_id), NULL },
  { "cidr-block", "cidrBlock", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmSubnet, cidr_block), NULL },
  { "available-ip-address-count", "availableIpAddressCount", NULL, AM_FIELD_INT, G_STRUCT_OFFSET (AmSubnet, available_ip_address_count), NULL },
  { "availability-zone", "availabilityZone", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmSubnet, availability_zone), NULL },
  { "availability-zone-id", "availabilityZoneId", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmSubnet, availability_zone_id), NULL },
  { "default-for-az", "defaultForAz", NULL, AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (AmSubnet, default_for_az), NULL },
  { "map-public-ip-on-launch", "mapPublicIpOnLaunch", NULL, AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (AmSubnet, map_public_ip_on_launch), NULL },
  { "owner-id", "ownerId", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmSubnet, owner_id), NULL },
  { "subnet-arn", "subnetArn", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmSubnet, subnet_arn), NULL },
  { "tags", "tagSet", NULL, AM_FIELD_OBJECTS, G_STRUCT_OFFSET (AmSubnet, tags), _am_tag_get_model_info },
};

static AmModelInfo am_subnet_info = {
  "AmSubnet", am_subnet_get_type, am_subnet_fields, G_N_ELEMENTS (am_subnet_fields), NULL, NULL,
};

const AmModelInfo *
_am_subnet_get_model_info (void)
{
  return &am_subnet_info;
}

static void
am_subnet_finalize (GObject *object)
{
  _am_model_clear (object, &am_subnet_info);

  G_OBJECT_CLASS (am_subnet_parent_class)->finalize (object);
}

static void
am_subnet_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  if (!_am_model_get_property (object, &am_subnet_info, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_subnet_class_init (AmSubnetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_subnet_finalize;
  object_class->get_property = am_subnet_get_property;

  _am_model_install_properties (object_class, &am_subnet_info);
}

static void
am_subnet_init (AmSubnet *self)
{
}

const char *
am_subnet_get_subnet_id (AmSubnet *self)
{
  g_return_val_if_fail (AM_IS_SUBNET (self), NULL);

  return self->subnet_id;
}

const char *
am_subnet_get_state (AmSubnet *self)
{
  g_return_val_if_fail (AM_IS_SUBNET (self), NULL);

  return g_quark_to_string (self->state);
}

const char *
am_subnet_get_vpc_id (AmSubnet *self)
{
  g_return_val_if_fail (AM_IS_SUBNET (self), NULL);

  return g_quark_to_string (self->vpc_id);
}

const char *
am_subnet_get_cidr_block (AmSubnet *self)
{
  g_return_val_if_fail (AM_IS_SUBNET (self), NULL);

  return self->cidr_block;
}

int
am_subnet_get_available_ip_address_count (AmSubnet *self)
{
  g_return_val_if_fail (AM_IS_SUBNET (self), 0);

  return self->available_ip_address_count;
}

const char *
am_subnet_get_availability_zone (AmSubnet *self)
{
  g_return_val_if_fail (AM_IS_SUBNET (self), NULL);

  return g_quark_to_string (self->availability_zone);
}

const char *
am_subnet_get_availability_zone_id (AmSubnet *self)
{
  g_return_val_if_fail (AM_IS_SUBNET (self), NULL);

  return g_quark_to_string (self->availability_zone_id);
}

gboolean
am_subnet_get_default_for_az (AmSubnet *self)
{
  g_return_val_if_fail (AM_IS_SUBNET (self), FALSE);

  return self->default_for_az;
}

gboolean
am_subnet_get_map_public_ip_on_launch (AmSubnet *self)
{
  g_return_val_if_fail (AM_IS_SUBNET (self), FALSE);

  return self->map_public_ip_on_launch;
}

const char *
am_subnet_get_owner_id (AmSubnet *self)
{
  g_return_val_if_fail (AM_IS_SUBNET (self), NULL);

  return g_quark_to_string (self->owner_id);
}

const char *
am_subnet_get_subnet_arn (AmSubnet *self)
{
  g_return_val_if_fail (AM_IS_SUBNET (self), NULL);

  return self->subnet_arn;
}

AmTag * const *
am_subnet_get_tags (AmSubnet *self)
{
  g_return_val_if_fail (AM_IS_SUBNET (self), NULL);

  return (AmTag * const *) _am_model_array_or_empty (self->tags);
}
