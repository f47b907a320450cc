/* am-product-code.c: a product code attached to an image (e.g. an AWS Marketplace code)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-product-code"

#include "config.h"

#include "am-product-code.h"
#include "am-ec2-model-private.h"

struct _AmProductCode
{
  GObject parent_instance;

  /* filled once by the reader or the cache, read-only afterwards */
  GQuark product_code;
  GQuark code_type;
};

G_DEFINE_FINAL_TYPE (AmProductCode, am_product_code, G_TYPE_OBJECT)

static const AmField am_product_code_fields[] = {
  { "product-code", "productCode", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmProductCode, product_code), NULL },
  { "code-type", "type", NULL, AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmProductCode, code_type), NULL },
};

static AmModelInfo am_product_code_info = {
  "AmProductCode", am_product_code_get_type, am_product_code_fields, G_N_ELEMENTS (am_product_code_fields), NULL, NULL,
};

const AmModelInfo *
_am_product_code_get_model_info (void)
{
  return &am_product_code_info;
}

static void
am_product_code_finalize (GObject *object)
{
  _am_model_clear (object, &am_product_code_info);

  G_OBJECT_CLASS (am_product_code_parent_class)->finalize (object);
}

static void
am_product_code_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  if (!_am_model_get_property (object, &am_product_code_info, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_product_code_class_init (AmProductCodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_product_code_finalize;
  object_class->get_property = am_product_code_get_property;

  _am_model_install_properties (object_class, &am_product_code_info);
}

static void
am_product_code_init (AmProductCode *self)
{
}

const char *
am_product_code_get_product_code (AmProductCode *self)
{
  g_return_val_if_fail (AM_IS_PRODUCT_CODE (self), NULL);

  return g_quark_to_string (self->product_code);
}

const char *
am_product_code_get_code_type (AmProductCode *self)
{
  g_return_val_if_fail (AM_IS_PRODUCT_CODE (self), NULL);

  return g_quark_to_string (self->code_type);
}
