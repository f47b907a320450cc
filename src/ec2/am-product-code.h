/* am-product-code.h: a product code attached to an image (e.g. an AWS Marketplace code)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AM_TYPE_PRODUCT_CODE (am_product_code_get_type ())

G_DECLARE_FINAL_TYPE (AmProductCode, am_product_code, AM, PRODUCT_CODE, GObject)

/** am_product_code_get_product_code: the product code */
const char *am_product_code_get_product_code (AmProductCode *self);
/** am_product_code_get_code_type: the code type: "devpay" or "marketplace" */
const char *am_product_code_get_code_type (AmProductCode *self);

G_END_DECLS
