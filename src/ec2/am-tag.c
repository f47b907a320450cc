/* am-tag.c: a resource tag (key and value)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-tag"

#include "config.h"

#include "am-tag.h"
#include "am-ec2-model-private.h"

struct _AmTag
{
  GObject parent_instance;

  /* filled once by the reader or the cache, read-only afterwards */
  char *value;
  GQuark key;
};

G_DEFINE_FINAL_TYPE (AmTag, am_tag, G_TYPE_OBJECT)

static const AmField am_tag_fields[] = {
  { "key", "key", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmTag, key), NULL },
  { "value", "value", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmTag, value), NULL },
};

static AmModelInfo am_tag_info = {
  "AmTag", am_tag_get_type, am_tag_fields, G_N_ELEMENTS (am_tag_fields), NULL, NULL,
};

const AmModelInfo *
_am_tag_get_model_info (void)
{
  return &am_tag_info;
}

static void
am_tag_finalize (GObject *object)
{
  _am_model_clear (object, &am_tag_info);

  G_OBJECT_CLASS (am_tag_parent_class)->finalize (object);
}

static void
am_tag_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  if (!_am_model_get_property (object, &am_tag_info, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_tag_class_init (AmTagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_tag_finalize;
  object_class->get_property = am_tag_get_property;

  _am_model_install_properties (object_class, &am_tag_info);
}

static void
am_tag_init (AmTag *self)
{
}

const char *
am_tag_get_key (AmTag *self)
{
  g_return_val_if_fail (AM_IS_TAG (self), NULL);

  return g_quark_to_string (self->key);
}

const char *
am_tag_get_value (AmTag *self)
{
  g_return_val_if_fail (AM_IS_TAG (self), NULL);

  return self->value;
}
