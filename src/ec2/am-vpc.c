/* am-vpc.c: a VPC
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-vpc"

#include "config.h"

#include "am-vpc.h"
#include "am-ec2-model-private.h"

struct _AmVpc
{
  GObject parent_instance;

  /* filled once by the reader or the cache, read-only afterwards */
  char *vpc_id;
  char *cidr_block;
  gpointer *tags;
  GQuark state;
  GQuark dhcp_options_id;
  GQuark instance_tenancy;
  gboolean is_default;
  GQuark owner_id;
};

G_DEFINE_FINAL_TYPE (AmVpc, am_vpc, G_TYPE_OBJECT)

static const AmField am_vpc_fields[] = {
  { "vpc-id", "vpcId", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmVpc, vpc_id), NULL },
  { "state", "state", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmVpc, state), NULL },
  { "cidr-block", "cidrBlock", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmVpc, cidr_block), NULL },
  { "dhcp-options-id", "dhcpOptionsId", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmVpc, dhcp_options_id), NULL },
  { "instance-tenancy", "instanceTenancy", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmVpc, instance_tenancy), NULL },
  { "is-default", "isDefault", NULL, AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (AmVpc, is_default), NULL },
  { "owner-id", "ownerId", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmVpc, owner_id), NULL },
  { "tags", "tagSet", NULL, AM_FIELD_OBJECTS, G_STRUCT_OFFSET (AmVpc, tags), _am_tag_get_model_info },
};

static AmModelInfo am_vpc_info = {
  "AmVpc", am_vpc_get_type, am_vpc_fields, G_N_ELEMENTS (am_vpc_fields), NULL, NULL,
};

const AmModelInfo *
_am_vpc_get_model_info (void)
{
  return &am_vpc_info;
}

static void
am_vpc_finalize (GObject *object)
{
  _am_model_clear (object, &am_vpc_info);

  G_OBJECT_CLASS (am_vpc_parent_class)->finalize (object);
}

static void
am_vpc_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  if (!_am_model_get_property (object, &am_vpc_info, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_vpc_class_init (AmVpcClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_vpc_finalize;
  object_class->get_property = am_vpc_get_property;

  _am_model_install_properties (object_class, &am_vpc_info);
}

static void
am_vpc_init (AmVpc *self)
{
}

const char *
am_vpc_get_vpc_id (AmVpc *self)
{
  g_return_val_if_fail (AM_IS_VPC (self), NULL);

  return self->vpc_id;
}

const char *
am_vpc_get_state (AmVpc *self)
{
  g_return_val_if_fail (AM_IS_VPC (self), NULL);

  return g_quark_to_string (self->state);
}

const char *
am_vpc_get_cidr_block (AmVpc *self)
{
  g_return_val_if_fail (AM_IS_VPC (self), NULL);

  return self->cidr_block;
}

const char *
am_vpc_get_dhcp_options_id (AmVpc *self)
{
  g_return_val_if_fail (AM_IS_VPC (self), NULL);

  return g_quark_to_string (self->dhcp_options_id);
}

const char *
am_vpc_get_instance_tenancy (AmVpc *self)
{
  g_return_val_if_fail (AM_IS_VPC (self), NULL);

  return g_quark_to_string (self->instance_tenancy);
}

gboolean
am_vpc_get_is_default (AmVpc *self)
{
  g_return_val_if_fail (AM_IS_VPC (self), FALSE);

  return self->is_default;
}

const char *
am_vpc_get_owner_id (AmVpc *self)
{
  g_return_val_if_fail (AM_IS_VPC (self), NULL);

  return g_quark_to_string (self->owner_id);
}

AmTag * const *
am_vpc_get_tags (AmVpc *self)
{
  g_return_val_if_fail (AM_IS_VPC (self), NULL);

  return (AmTag * const *) _am_model_array_or_empty (self->tags);
}
