/* am-instance-image-metadata.c: an instance and the state of the image it was launched from (DescribeInstanceImageMetadata)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-instance-image-metadata"

#include "config.h"

#include "am-instance-image-metadata.h"
#include "am-ec2-model-private.h"

struct _AmInstanceImageMetadata
{
  GObject parent_instance;

  /* filled once by the reader or the cache, read-only afterwards */
  char *instance_id;
  GQuark image_id;
  char *image_name;
  GQuark image_owner_id;
  GQuark image_state;
  char *deprecation_time;
  char *image_allowed;    /* "true", "false" or NULL while Allowed AMIs is disabled */
};

G_DEFINE_FINAL_TYPE (AmInstanceImageMetadata, am_instance_image_metadata, G_TYPE_OBJECT)

static const AmField am_instance_image_metadata_fields[] = {
  { "instance-id", "instanceId", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmInstanceImageMetadata, instance_id), NULL },
  { "image-id", "imageId", "imageMetadata", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstanceImageMetadata, image_id), NULL },
  { "image-name", "name", "imageMetadata", AM_FIELD_STRING, G_STRUCT_OFFSET (AmInstanceImageMetadata, image_name), NULL },
  { "image-owner-id", "imageOwnerId", "imageMetadata", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstanceImageMetadata, image_owner_id), NULL },
  { "image-state", "imageState", "imageMetadata", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstanceImageMetadata, image_state), NULL },
  { "deprecation-time", "deprecationTime", "imageMetadata", AM_FIELD_STRING, G_STRUCT_OFFSET (AmInstanceImageMetadata, deprecation_time), NULL },
  { "image-allowed", "imageAllowed", "imageMetadata", AM_FIELD_STRING, G_STRUCT_OFFSET (AmInstanceImageMetadata, image_allowed), NULL },
};

static AmModelInfo am_instance_image_metadata_info = {
  "AmInstanceImageMetadata", am_instance_image_metadata_get_type, am_instance_image_metadata_fields, G_N_ELEMENTS (am_instance_image_metadata_fields), NULL, NULL,
};

const AmModelInfo *
_am_instance_image_metadata_get_model_info (void)
{
  return &am_instance_image_metadata_info;
}

static void
am_instance_image_metadata_finalize (GObject *object)
{
  _am_model_clear (object, &am_instance_image_metadata_info);

  G_OBJECT_CLASS (am_instance_image_metadata_parent_class)->finalize (object);
}

static void
am_instance_image_metadata_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  if (!_am_model_get_property (object, &am_instance_image_metadata_info, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_instance_image_metadata_class_init (AmInstanceImageMetadataClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_instance_image_metadata_finalize;
  object_class->get_property = am_instance_image_metadata_get_property;

  _am_model_install_properties (object_class, &am_instance_image_metadata_info);
}

static void
am_instance_image_metadata_init (AmInstanceImageMetadata *self)
{
}

const char *
am_instance_image_metadata_get_instance_id (AmInstanceImageMetadata *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_IMAGE_METADATA (self), NULL);

  return self->instance_id;
}

const char *
am_instance_image_metadata_get_image_id (AmInstanceImageMetadata *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_IMAGE_METADATA (self), NULL);

  return g_quark_to_string (self->image_id);
}

const char *
am_instance_image_metadata_get_image_name (AmInstanceImageMetadata *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_IMAGE_METADATA (self), NULL);

  return self->image_name;
}

const char *
am_instance_image_metadata_get_image_owner_id (AmInstanceImageMetadata *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_IMAGE_METADATA (self), NULL);

  return g_quark_to_string (self->image_owner_id);
}

const char *
am_instance_image_metadata_get_image_state (AmInstanceImageMetadata *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_IMAGE_METADATA (self), NULL);

  return g_quark_to_string (self->image_state);
}

const char *
am_instance_image_metadata_get_deprecation_time (AmInstanceImageMetadata *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_IMAGE_METADATA (self), NULL);

  return self->deprecation_time;
}

gboolean
am_instance_image_metadata_is_not_allowed (AmInstanceImageMetadata *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_IMAGE_METADATA (self), FALSE);
  return g_strcmp0 (self->image_allowed, "false") == 0;
}
