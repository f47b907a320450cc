/* am-tag-specification.c: tags to put on the resources a call creates
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-tag-specification"

#include "config.h"

#include "am-tag-specification.h"

struct _AmTagSpecification
{
  char      *resource_type;
  GPtrArray *pairs;   /* key, value, key, value, … */
};

G_DEFINE_BOXED_TYPE (AmTagSpecification, am_tag_specification,
                     am_tag_specification_copy, am_tag_specification_free)

AmTagSpecification *
am_tag_specification_new (const char *resource_type)
{
  AmTagSpecification *spec;

  g_return_val_if_fail (resource_type != NULL, NULL);

  spec = g_new0 (AmTagSpecification, 1);
  spec->resource_type = g_strdup (resource_type);
  spec->pairs = g_ptr_array_new_with_free_func (g_free);
  return spec;
}

AmTagSpecification *
am_tag_specification_copy (const AmTagSpecification *spec)
{
  AmTagSpecification *copy;

  g_return_val_if_fail (spec != NULL, NULL);

  copy = am_tag_specification_new (spec->resource_type);
  for (guint i = 0; i < spec->pairs->len; i++)
    g_ptr_array_add (copy->pairs, g_strdup (spec->pairs->pdata[i]));
  return copy;
}

void
am_tag_specification_free (AmTagSpecification *spec)
{
  if (spec == NULL)
    return;

  g_free (spec->resource_type);
  g_ptr_array_unref (spec->pairs);
  g_free (spec);
}

void
am_tag_specification_add (AmTagSpecification *spec,
                          const char         *key,
                          const char         *value)
{
  g_return_if_fail (spec != NULL);
  g_return_if_fail (key != NULL);
  g_return_if_fail (value != NULL);

  g_ptr_array_add (spec->pairs, g_strdup (key));
  g_ptr_array_add (spec->pairs, g_strdup (value));
}

const char *
am_tag_specification_get_resource_type (const AmTagSpecification *spec)
{
  g_return_val_if_fail (spec != NULL, NULL);

  return spec->resource_type;
}

guint
am_tag_specification_get_n_tags (const AmTagSpecification *spec)
{
  g_return_val_if_fail (spec != NULL, 0);

  return spec->pairs->len / 2;
}

void
am_tag_specification_get_tag (const AmTagSpecification  *spec,
                              guint                      index,
                              const char               **key,
                              const char               **value)
{
  g_return_if_fail (spec != NULL);
  g_return_if_fail (index < spec->pairs->len / 2);

  if (key != NULL)
    *key = spec->pairs->pdata[2 * index];
  if (value != NULL)
    *value = spec->pairs->pdata[2 * index + 1];
}
