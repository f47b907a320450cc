/* am-security-group.c: a security group (inside an instance only its id and name are set)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-security-group"

#include "config.h"

#include "am-security-group.h"
#include "am-ec2-model-private.h"

struct _AmSecurityGroup
{
  GObject parent_instance;

  /* filled once by the reader or the cache, read-only afterwards */
  char *group_id;
  char *group_name;
  char *description;
  gpointer *tags;
  GQuark owner_id;
  GQuark vpc_id;
};

G_DEFINE_FINAL_TYPE (AmSecurityGroup, am_security_group, G_TYPE_OBJECT)

static const AmField am_security_group_fields[] = {
  { "owner-id", "ownerId", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmSecurityGroup, owner_id), NULL },
  { "group-id", "groupId", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmSecurityGroup, group_id), NULL },
  { "group-name", "groupName", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmSecurityGroup, group_name), NULL },
  { "description", "groupDescription", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmSecurityGroup, description), NULL },
  { "vpc-id", "vpcId", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmSecurityGroup, vpc_id), NULL },
  { "tags", "tagSet", NULL, AM_FIELD_OBJECTS, G_STRUCT_OFFSET (AmSecurityGroup, tags), _am_tag_get_model_info },
};

static AmModelInfo am_security_group_info = {
  "AmSecurityGroup", am_security_group_get_type, am_security_group_fields, G_N_ELEMENTS (am_security_group_fields), NULL, NULL,
};

const AmModelInfo *
_am_security_group_get_model_info (void)
{
  return &am_security_group_info;
}

static void
am_security_group_finalize (GObject *object)
{
  _am_model_clear (object, &am_security_group_info);

  G_OBJECT_CLASS (am_security_group_parent_class)->finalize (object);
}

static void
am_security_group_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  if (!_am_model_get_property (object, &am_security_group_info, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_security_group_class_init (AmSecurityGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_security_group_finalize;
  object_class->get_property = am_security_group_get_property;

  _am_model_install_properties (object_class, &am_security_group_info);
}

static void
am_security_group_init (AmSecurityGroup *self)
{
}

const char *
am_security_group_get_owner_id (AmSecurityGroup *self)
{
  g_return_val_if_fail (AM_IS_SECURITY_GROUP (self), NULL);

  return g_quark_to_string (self->owner_id);
}

const char *
am_security_group_get_group_id (AmSecurityGroup *self)
{
  g_return_val_if_fail (AM_IS_SECURITY_GROUP (self), NULL);

  return self->group_id;
}

const char *
am_security_group_get_group_name (AmSecurityGroup *self)
{
  g_return_val_if_fail (AM_IS_SECURITY_GROUP (self), NULL);

  return self->group_name;
}

const char *
am_security_group_get_description (AmSecurityGroup *self)
{
  g_return_val_if_fail (AM_IS_SECURITY_GROUP (self), NULL);

  return self->description;
}

const char *
am_security_group_get_vpc_id (AmSecurityGroup *self)
{
  g_return_val_if_fail (AM_IS_SECURITY_GROUP (self), NULL);

  return g_quark_to_string (self->vpc_id);
}

AmTag * const *
am_security_group_get_tags (AmSecurityGroup *self)
{
  g_return_val_if_fail (AM_IS_SECURITY_GROUP (self), NULL);

  return (AmTag * const *) _am_model_array_or_empty (self->tags);
}
