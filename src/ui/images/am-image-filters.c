/* am-image-filters.c: what the Images view's filters let through (facets, deprecation, a tag)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-filters"

#include "config.h"

#include "am-image-filters.h"

struct _AmImageFilters
{
  GObject parent_instance;

  /* owned */
  GPtrArray *facets[AM_IMAGE_N_FACETS];   /* interned values, NULL-terminated */
  char *tag_key;
  char *tag_value;

  /* state */
  AmImageDeprecatedFilter deprecated;
  AmImageAllowedFilter allowed;
  gboolean include_disabled;
  gboolean newest_only;
  guint n_active;
};

G_DEFINE_FINAL_TYPE (AmImageFilters, am_image_filters, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DEPRECATED,
  PROP_TAG_KEY,
  PROP_TAG_VALUE,
  PROP_N_ACTIVE,
  PROP_INCLUDE_DISABLED,
  PROP_ALLOWED,
  PROP_NEWEST_ONLY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  FACET_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
update_n_active (AmImageFilters *self)
{
  guint n = 0;

  for (guint f = 0; f < AM_IMAGE_N_FACETS; f++)
    n += self->facets[f]->len - 1;
  n += self->deprecated != AM_IMAGE_DEPRECATED_ANY;
  n += self->allowed != AM_IMAGE_ALLOWED_ANY;
  n += self->newest_only;
  /* A tag filter counts once, key alone or key and value. */
  n += self->tag_key[0] != '\0';

  if (n == self->n_active)
    return;
  self->n_active = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ACTIVE]);
}

void
am_image_filters_set_facet_value (AmImageFilters *self,
                                  AmImageFacet    facet,
                                  const char     *value,
                                  gboolean        active)
{
  GPtrArray *values;
  const char *interned;
  guint index;
  gboolean found;

  g_return_if_fail (AM_IS_IMAGE_FILTERS (self));
  g_return_if_fail (facet < AM_IMAGE_N_FACETS);
  g_return_if_fail (value != NULL);

  values = self->facets[facet];
  interned = g_intern_string (value);
  found = g_ptr_array_find (values, interned, &index);
  if (found == active)
    return;

  if (active)
    g_ptr_array_insert (values, values->len - 1, (gpointer) interned);
  else
    g_ptr_array_remove_index (values, index);
  g_signal_emit (self, signals[FACET_CHANGED], 0, (guint) facet);
  update_n_active (self);
}

gboolean
am_image_filters_has_facet_value (AmImageFilters *self,
                                  AmImageFacet    facet,
                                  const char     *value)
{
  g_return_val_if_fail (AM_IS_IMAGE_FILTERS (self), FALSE);
  g_return_val_if_fail (facet < AM_IMAGE_N_FACETS, FALSE);

  return value != NULL && g_ptr_array_find (self->facets[facet], g_intern_string (value), NULL);
}

const char * const *
am_image_filters_get_facet_values (AmImageFilters *self,
                                   AmImageFacet    facet)
{
  g_return_val_if_fail (AM_IS_IMAGE_FILTERS (self), NULL);
  g_return_val_if_fail (facet < AM_IMAGE_N_FACETS, NULL);

  return (const char * const *) self->facets[facet]->pdata;
}

AmImageDeprecatedFilter
am_image_filters_get_deprecated (AmImageFilters *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_FILTERS (self), AM_IMAGE_DEPRECATED_ANY);

  return self->deprecated;
}

void
am_image_filters_set_deprecated (AmImageFilters          *self,
                                 AmImageDeprecatedFilter  deprecated)
{
  g_return_if_fail (AM_IS_IMAGE_FILTERS (self));
  g_return_if_fail (deprecated <= AM_IMAGE_DEPRECATED_ONLY);

  if (self->deprecated == deprecated)
    return;
  self->deprecated = deprecated;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPRECATED]);
  update_n_active (self);
}

const char *
am_image_filters_get_tag_key (AmImageFilters *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_FILTERS (self), NULL);

  return self->tag_key;
}

const char *
am_image_filters_get_tag_value (AmImageFilters *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_FILTERS (self), NULL);

  return self->tag_value;
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value != NULL ? value : "") == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value != NULL ? value : "");
  return TRUE;
}

void
am_image_filters_set_tag (AmImageFilters *self,
                          const char     *key,
                          const char     *value)
{
  g_return_if_fail (AM_IS_IMAGE_FILTERS (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (set_string (&self->tag_key, key))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG_KEY]);
  if (set_string (&self->tag_value, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAG_VALUE]);
  update_n_active (self);
  g_object_thaw_notify (G_OBJECT (self));
}

guint
am_image_filters_get_n_active (AmImageFilters *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_FILTERS (self), 0);

  return self->n_active;
}

void
am_image_filters_clear (AmImageFilters *self)
{
  g_return_if_fail (AM_IS_IMAGE_FILTERS (self));

  for (guint f = 0; f < AM_IMAGE_N_FACETS; f++)
    while (self->facets[f]->len > 1)
      am_image_filters_set_facet_value (self, f, self->facets[f]->pdata[0], FALSE);
  am_image_filters_set_deprecated (self, AM_IMAGE_DEPRECATED_ANY);
  am_image_filters_set_allowed (self, AM_IMAGE_ALLOWED_ANY);
  am_image_filters_set_newest_only (self, FALSE);
  am_image_filters_set_tag (self, "", "");
}

gboolean
am_image_filters_get_include_disabled (AmImageFilters *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_FILTERS (self), FALSE);
  return self->include_disabled;
}

void
am_image_filters_set_include_disabled (AmImageFilters *self,
                                       gboolean        include_disabled)
{
  g_return_if_fail (AM_IS_IMAGE_FILTERS (self));

  include_disabled = !!include_disabled;
  if (self->include_disabled == include_disabled)
    return;
  self->include_disabled = include_disabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INCLUDE_DISABLED]);
}

AmImageAllowedFilter
am_image_filters_get_allowed (AmImageFilters *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_FILTERS (self), AM_IMAGE_ALLOWED_ANY);
  return self->allowed;
}

void
am_image_filters_set_allowed (AmImageFilters       *self,
                              AmImageAllowedFilter  allowed)
{
  g_return_if_fail (AM_IS_IMAGE_FILTERS (self));
  g_return_if_fail (allowed <= AM_IMAGE_ALLOWED_NOT);

  if (self->allowed == allowed)
    return;
  self->allowed = allowed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOWED]);
  update_n_active (self);
}

gboolean
am_image_filters_get_newest_only (AmImageFilters *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_FILTERS (self), FALSE);
  return self->newest_only;
}

void
am_image_filters_set_newest_only (AmImageFilters *self,
                                  gboolean        newest_only)
{
  g_return_if_fail (AM_IS_IMAGE_FILTERS (self));

  newest_only = !!newest_only;
  if (self->newest_only == newest_only)
    return;
  self->newest_only = newest_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEWEST_ONLY]);
  update_n_active (self);
}

static void
am_image_filters_finalize (GObject *object)
{
  AmImageFilters *self = AM_IMAGE_FILTERS (object);

  for (guint f = 0; f < AM_IMAGE_N_FACETS; f++)
    g_ptr_array_unref (self->facets[f]);
  g_free (self->tag_key);
  g_free (self->tag_value);

  G_OBJECT_CLASS (am_image_filters_parent_class)->finalize (object);
}

static void
am_image_filters_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AmImageFilters *self = AM_IMAGE_FILTERS (object);

  switch (prop_id)
    {
    case PROP_DEPRECATED:
      g_value_set_int (value, self->deprecated);
      break;
    case PROP_TAG_KEY:
      g_value_set_string (value, self->tag_key);
      break;
    case PROP_TAG_VALUE:
      g_value_set_string (value, self->tag_value);
      break;
    case PROP_N_ACTIVE:
      g_value_set_uint (value, self->n_active);
      break;
    case PROP_INCLUDE_DISABLED:
      g_value_set_boolean (value, self->include_disabled);
      break;
    case PROP_ALLOWED:
      g_value_set_int (value, self->allowed);
      break;
    case PROP_NEWEST_ONLY:
      g_value_set_boolean (value, self->newest_only);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_image_filters_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AmImageFilters *self = AM_IMAGE_FILTERS (object);

  switch (prop_id)
    {
    case PROP_DEPRECATED:
      am_image_filters_set_deprecated (self, g_value_get_int (value));
      break;
    case PROP_TAG_KEY:
      am_image_filters_set_tag (self, g_value_get_string (value), self->tag_value);
      break;
    case PROP_TAG_VALUE:
      am_image_filters_set_tag (self, self->tag_key, g_value_get_string (value));
      break;
    case PROP_INCLUDE_DISABLED:
      am_image_filters_set_include_disabled (self, g_value_get_boolean (value));
      break;
    case PROP_ALLOWED:
      am_image_filters_set_allowed (self, g_value_get_int (value));
      break;
    case PROP_NEWEST_ONLY:
      am_image_filters_set_newest_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_image_filters_class_init (AmImageFiltersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_image_filters_finalize;
  object_class->get_property = am_image_filters_get_property;
  object_class->set_property = am_image_filters_set_property;

  properties[PROP_DEPRECATED] =
    g_param_spec_int ("deprecated", NULL, NULL,
                      AM_IMAGE_DEPRECATED_ANY, AM_IMAGE_DEPRECATED_ONLY, AM_IMAGE_DEPRECATED_ANY,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TAG_KEY] =
    g_param_spec_string ("tag-key", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TAG_VALUE] =
    g_param_spec_string ("tag-value", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_ACTIVE] =
    g_param_spec_uint ("n-active", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Not a filter of the list but of the listing: DescribeImages IncludeDisabled. */
  properties[PROP_INCLUDE_DISABLED] =
    g_param_spec_boolean ("include-disabled", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ALLOWED] =
    g_param_spec_int ("allowed", NULL, NULL, AM_IMAGE_ALLOWED_ANY, AM_IMAGE_ALLOWED_NOT, AM_IMAGE_ALLOWED_ANY,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Only the newest image of each family (its name without date or version, am-image-family.h). */
  properties[PROP_NEWEST_ONLY] =
    g_param_spec_boolean ("newest-only", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmImageFilters::facet-changed:
   * @facet: the AmImageFacet whose checked values changed
   */
  signals[FACET_CHANGED] =
    g_signal_new ("facet-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
am_image_filters_init (AmImageFilters *self)
{
  for (guint f = 0; f < AM_IMAGE_N_FACETS; f++)
    {
      self->facets[f] = g_ptr_array_new ();
      g_ptr_array_add (self->facets[f], NULL);
    }
  self->tag_key = g_strdup ("");
  self->tag_value = g_strdup ("");
}

AmImageFilters *
am_image_filters_new (void)
{
  return g_object_new (AM_TYPE_IMAGE_FILTERS, NULL);
}
