/* am-image-reference.c: a resource that uses an image (DescribeImageReferences)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-reference"

#include "config.h"

#include "am-image-reference.h"
#include "am-ec2-model-private.h"

struct _AmImageReference
{
  GObject parent_instance;

  /* filled once by the reader or the cache, read-only afterwards */
  GQuark image_id;
  GQuark resource_type;
  char *arn;
};

G_DEFINE_FINAL_TYPE (AmImageReference, am_image_reference, G_TYPE_OBJECT)

static const AmField am_image_reference_fields[] = {
  { "image-id", "imageId", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImageReference, image_id), NULL },
  { "resource-type", "resourceType", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmImageReference, resource_type), NULL },
  { "arn", "arn", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmImageReference, arn), NULL },
};

static AmModelInfo am_image_reference_info = {
  "AmImageReference", am_image_reference_get_type, am_image_reference_fields, G_N_ELEMENTS (am_image_reference_fields), NULL, NULL,
};

const AmModelInfo *
_am_image_reference_get_model_info (void)
{
  return &am_image_reference_info;
}

static void
am_image_reference_finalize (GObject *object)
{
  _am_model_clear (object, &am_image_reference_info);

  G_OBJECT_CLASS (am_image_reference_parent_class)->finalize (object);
}

static void
am_image_reference_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  if (!_am_model_get_property (object, &am_image_reference_info, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_image_reference_class_init (AmImageReferenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_image_reference_finalize;
  object_class->get_property = am_image_reference_get_property;

  _am_model_install_properties (object_class, &am_image_reference_info);
}

static void
am_image_reference_init (AmImageReference *self)
{
}

const char *
am_image_reference_get_image_id (AmImageReference *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_REFERENCE (self), NULL);

  return g_quark_to_string (self->image_id);
}

const char *
am_image_reference_get_resource_type (AmImageReference *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_REFERENCE (self), NULL);

  return g_quark_to_string (self->resource_type);
}

const char *
am_image_reference_get_arn (AmImageReference *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_REFERENCE (self), NULL);

  return self->arn;
}
