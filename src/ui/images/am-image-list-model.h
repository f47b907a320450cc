/* am-image-list-model.h: the filtered, sorted list of images the Images view shows
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-image.h"

G_BEGIN_DECLS

/*
 * AmImageListModel filters and sorts a source list of AmImage in one model: each change of
 * query, facets or sort computes the new list in one pass over plain arrays and emits ONE
 * items-changed covering only the range that differs. GTK 4.8's GtkFilterListModel and
 * GtkSortListModel are 10x too slow at 100k rows (see LISTS-AT-SCALE.md). It is also the
 * GtkSelectionModel (multiple selection) the column view uses.
 */

typedef enum
{
  AM_IMAGE_COLUMN_NAME,
  AM_IMAGE_COLUMN_ID,
  AM_IMAGE_COLUMN_OWNER,
  AM_IMAGE_COLUMN_PLATFORM,
  AM_IMAGE_COLUMN_ARCHITECTURE,
  AM_IMAGE_COLUMN_ROOT_DEVICE,
  AM_IMAGE_COLUMN_VIRTUALIZATION,
  AM_IMAGE_COLUMN_BOOT_MODE,
  AM_IMAGE_COLUMN_CREATED,
  AM_IMAGE_COLUMN_STATE,
  AM_IMAGE_COLUMN_VISIBILITY,
  AM_IMAGE_COLUMN_DEPRECATION,
  AM_IMAGE_COLUMN_ALLOWED,
  AM_IMAGE_COLUMN_REGION,
  AM_IMAGE_N_COLUMNS,
} AmImageColumn;

typedef enum
{
  AM_IMAGE_FACET_PLATFORM,
  AM_IMAGE_FACET_ARCHITECTURE,
  AM_IMAGE_FACET_ROOT_DEVICE,
  AM_IMAGE_FACET_VIRTUALIZATION,
  AM_IMAGE_FACET_STATE,
  AM_IMAGE_N_FACETS,
} AmImageFacet;

typedef enum
{
  AM_IMAGE_DEPRECATED_ANY,
  AM_IMAGE_DEPRECATED_HIDE,
  AM_IMAGE_DEPRECATED_ONLY,
} AmImageDeprecatedFilter;

typedef enum
{
  AM_IMAGE_ALLOWED_ANY,
  AM_IMAGE_ALLOWED_ONLY,
  AM_IMAGE_ALLOWED_NOT,
} AmImageAllowedFilter;

#define AM_TYPE_IMAGE_LIST_MODEL (am_image_list_model_get_type ())

/* Signals: "rows-replacing" (guint position, guint n_replaced, guint n_before), see the
 * class's documentation in am-image-list-model.c. */
G_DECLARE_FINAL_TYPE (AmImageListModel, am_image_list_model, AM, IMAGE_LIST_MODEL, GObject)

AmImageListModel *am_image_list_model_new             (void);
/**
 * am_image_list_model_is_replacing:
 * %TRUE between the items-changed that adds a change's new rows and the one that removes the
 * old rows they replace (see "rows-replacing"): the list then holds both.
 */
gboolean          am_image_list_model_is_replacing    (AmImageListModel        *self);
/** am_image_list_model_set_source: @source: (nullable): a list of AmImage */
void              am_image_list_model_set_source      (AmImageListModel        *self,
                                                       GListModel              *source);
GListModel       *am_image_list_model_get_source      (AmImageListModel        *self);
/** am_image_list_model_set_query: words that must all occur in name, ID or description */
void              am_image_list_model_set_query       (AmImageListModel        *self,
                                                       const char              *query);
/** am_image_list_model_set_facet: @values: (nullable): allowed values; %NULL or empty allows all */
void              am_image_list_model_set_facet       (AmImageListModel        *self,
                                                       AmImageFacet             facet,
                                                       const char * const      *values);
void              am_image_list_model_set_deprecated  (AmImageListModel        *self,
                                                       AmImageDeprecatedFilter  filter);
/** am_image_list_model_set_allowed: keeps images Allowed AMIs lets launch (or those it does not) */
void              am_image_list_model_set_allowed     (AmImageListModel        *self,
                                                       AmImageAllowedFilter     filter);
/** am_image_list_model_set_newest_only: keeps only the newest image of each family (am-image-family.h) */
void              am_image_list_model_set_newest_only (AmImageListModel        *self,
                                                       gboolean                 newest_only);
/**
 * am_image_list_model_is_family_newest:
 * Whether @image is the newest of a family of two or more in the listing (the "Newest"
 * badge): a lookup in what the last listing change computed, cheap enough for a cell's bind.
 */
gboolean          am_image_list_model_is_family_newest (AmImageListModel       *self,
                                                        AmImage                *image);
/** am_image_list_model_set_tag: keeps images with tag @key (and @value when not empty) */
void              am_image_list_model_set_tag         (AmImageListModel        *self,
                                                       const char              *key,
                                                       const char              *value);
/** am_image_list_model_clear_filters: drops the query, the facets and the tag filter */
void              am_image_list_model_clear_filters   (AmImageListModel        *self);
gboolean          am_image_list_model_has_filters     (AmImageListModel        *self);
void              am_image_list_model_set_sort        (AmImageListModel        *self,
                                                       AmImageColumn            column,
                                                       gboolean                 descending);
AmImageColumn     am_image_list_model_get_sort_column (AmImageListModel        *self);
gboolean          am_image_list_model_get_sort_descending (AmImageListModel    *self);
/**
 * am_image_list_model_set_sort_deferred:
 * While %TRUE (a listing is loading page by page), rows appended to the source are appended
 * unsorted; setting it back to %FALSE sorts once.
 */
void              am_image_list_model_set_sort_deferred (AmImageListModel      *self,
                                                         gboolean               deferred);
/** am_image_list_model_get_n_total: the number of images in the source */
guint             am_image_list_model_get_n_total     (AmImageListModel        *self);
/**
 * am_image_list_model_count_facet:
 * Returns: (transfer full): interned value → count (GUINT_TO_POINTER) over the whole source
 */
GHashTable       *am_image_list_model_count_facet     (AmImageListModel        *self,
                                                       AmImageFacet             facet);
/** am_image_list_model_get_selected_images: Returns: (transfer full) (element-type AmImage): the selection */
GPtrArray        *am_image_list_model_get_selected_images (AmImageListModel    *self);
guint             am_image_list_model_get_n_selected  (AmImageListModel        *self);
/** am_image_list_model_get_facet_value: the interned facet value of @image, never %NULL */
const char       *am_image_list_model_get_facet_value (AmImage                 *image,
                                                       AmImageFacet             facet);

G_END_DECLS
