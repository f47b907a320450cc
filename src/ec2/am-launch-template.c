/* am-launch-template.c: a launch template (as CreateLaunchTemplate returns it)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-launch-template"

#include "config.h"

#include "am-launch-template.h"
#include "am-ec2-model-private.h"

struct _AmLaunchTemplate
{
  GObject parent_instance;

  /* filled once by the reader or the cache, read-only afterwards */
  char *launch_template_id;
  char *launch_template_name;
  char *create_time;
  char *created_by;
  gpointer *tags;
  gint64 default_version_number;
  gint64 latest_version_number;
};

G_DEFINE_FINAL_TYPE (AmLaunchTemplate, am_launch_template, G_TYPE_OBJECT)

static const AmField am_launch_template_fields[] = {
  { "launch-template-id", "launchTemplateId", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmLaunchTemplate, launch_template_id), NULL },
  { "launch-template-name", "launchTemplateName", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmLaunchTemplate, launch_template_name), NULL },
  { "create-time", "createTime", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmLaunchTemplate, create_time), NULL },
  { "created-by", "createdBy", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmLaunchTemplate, created_by), NULL },
  { "default-version-number", "defaultVersionNumber", NULL, AM_FIELD_INT64, G_STRUCT_OFFSET (AmLaunchTemplate, default_version_number), NULL },
  { "latest-version-number", "latestVersionNumber", NULL, AM_FIELD_INT64, G_STRUCT_OFFSET (AmLaunchTemplate, latest_version_number), NULL },
  { "tags", "tagSet", NULL, AM_FIELD_OBJECTS, G_STRUCT_OFFSET (AmLaunchTemplate, tags), _am_tag_get_model_info },
};

static AmModelInfo am_launch_template_info = {
  "AmLaunchTemplate", am_launch_template_get_type, am_launch_template_fields, G_N_ELEMENTS (am_launch_template_fields), NULL, NULL,
};

const AmModelInfo *
_am_launch_template_get_model_info (void)
{
  return &am_launch_template_info;
}

static void
am_launch_template_finalize (GObject *object)
{
  _am_model_clear (object, &am_launch_template_info);

  G_OBJECT_CLASS (am_launch_template_parent_class)->finalize (object);
}

static void
am_launch_template_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  if (!_am_model_get_property (object, &am_launch_template_info, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_launch_template_class_init (AmLaunchTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_launch_template_finalize;
  object_class->get_property = am_launch_template_get_property;

  _am_model_install_properties (object_class, &am_launch_template_info);
}

static void
am_launch_template_init (AmLaunchTemplate *self)
{
}

const char *
am_launch_template_get_launch_template_id (AmLaunchTemplate *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_TEMPLATE (self), NULL);

  return self->launch_template_id;
}

const char *
am_launch_template_get_launch_template_name (AmLaunchTemplate *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_TEMPLATE (self), NULL);

  return self->launch_template_name;
}

const char *
am_launch_template_get_create_time (AmLaunchTemplate *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_TEMPLATE (self), NULL);

  return self->create_time;
}

const char *
am_launch_template_get_created_by (AmLaunchTemplate *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_TEMPLATE (self), NULL);

  return self->created_by;
}

gint64
am_launch_template_get_default_version_number (AmLaunchTemplate *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_TEMPLATE (self), 0);

  return self->default_version_number;
}

gint64
am_launch_template_get_latest_version_number (AmLaunchTemplate *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_TEMPLATE (self), 0);

  return self->latest_version_number;
}

AmTag * const *
am_launch_template_get_tags (AmLaunchTemplate *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_TEMPLATE (self), NULL);

  return (AmTag * const *) _am_model_array_or_empty (self->tags);
}
