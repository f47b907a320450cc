/* am-launch-permission.c: one launch permission of an image (an account, all, an organization or an OU)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-launch-permission"

#include "config.h"

#include "am-launch-permission.h"
#include "am-ec2-model-private.h"

struct _AmLaunchPermission
{
  GObject parent_instance;

  /* filled once by the reader or the cache, read-only afterwards */
  GQuark user_id;
  GQuark group;
  GQuark organization_arn;
  GQuark organizational_unit_arn;
};

G_DEFINE_FINAL_TYPE (AmLaunchPermission, am_launch_permission, G_TYPE_OBJECT)

static const AmField am_launch_permission_fields[] = {
  { "user-id", "userId", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmLaunchPermission, user_id), NULL },
  { "group", "group", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmLaunchPermission, group), NULL },
  { "organization-arn", "organizationArn", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmLaunchPermission, organization_arn), NULL },
  { "organizational-unit-arn", "organizationalUnitArn", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmLaunchPermission, organizational_unit_arn), NULL },
};

static AmModelInfo am_launch_permission_info = {
  "AmLaunchPermission", am_launch_permission_get_type, am_launch_permission_fields, G_N_ELEMENTS (am_launch_permission_fields), NULL, NULL,
};

const AmModelInfo *
_am_launch_permission_get_model_info (void)
{
  return &am_launch_permission_info;
}

static void
am_launch_permission_finalize (GObject *object)
{
  _am_model_clear (object, &am_launch_permission_info);

  G_OBJECT_CLASS (am_launch_permission_parent_class)->finalize (object);
}

static void
am_launch_permission_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  if (!_am_model_get_property (object, &am_launch_permission_info, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_launch_permission_class_init (AmLaunchPermissionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_launch_permission_finalize;
  object_class->get_property = am_launch_permission_get_property;

  _am_model_install_properties (object_class, &am_launch_permission_info);
}

static void
am_launch_permission_init (AmLaunchPermission *self)
{
}

const char *
am_launch_permission_get_user_id (AmLaunchPermission *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_PERMISSION (self), NULL);

  return g_quark_to_string (self->user_id);
}

const char *
am_launch_permission_get_group (AmLaunchPermission *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_PERMISSION (self), NULL);

  return g_quark_to_string (self->group);
}

const char *
am_launch_permission_get_organization_arn (AmLaunchPermission *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_PERMISSION (self), NULL);

  return g_quark_to_string (self->organization_arn);
}

const char *
am_launch_permission_get_organizational_unit_arn (AmLaunchPermission *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_PERMISSION (self), NULL);

  return g_quark_to_string (self->organizational_unit_arn);
}
