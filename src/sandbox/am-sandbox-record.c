/* am-sandbox-record.c: saving and loading a resource's fields from its one field table
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <string.h>

#include "am-sandbox-record.h"
#include "am-sandbox-state.h"

#define FIELD(record, field, Type) (*(Type *) ((char *) (record) + (field)->offset))
#define CFIELD(record, field, Type) FIELD (record, field, Type)

/* Reading JSON */

static JsonNode *
member_value (JsonObject *object,
              const char *name,
              GType       type)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    return NULL;
  return node;
}

const char *
_am_sb_json_string (JsonObject *object,
                    const char *name)
{
  JsonNode *node = member_value (object, name, G_TYPE_STRING);

  return node ? json_node_get_string (node) : NULL;
}

gint64
_am_sb_json_int (JsonObject *object,
                 const char *name,
                 gint64      fallback)
{
  JsonNode *node = member_value (object, name, G_TYPE_INT64);

  return node ? json_node_get_int (node) : fallback;
}

JsonArray *
_am_sb_json_array (JsonObject *object,
                   const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

JsonObject *
_am_sb_json_element (JsonArray *array,
                     guint      index)
{
  JsonNode *node = json_array_get_element (array, index);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
_am_sb_sorted_keys (GHashTable *table)
{
  GPtrArray *keys = am_sb_hash_keys (table);

  g_ptr_array_sort (keys, compare_keys);
  return keys;
}

/* Writing */

static void
build_strings (JsonBuilder *b,
               GPtrArray   *strings)
{
  json_builder_begin_array (b);
  for (guint i = 0; strings && i < strings->len; i++)
    json_builder_add_string_value (b, strings->pdata[i]);
  json_builder_end_array (b);
}

static void
build_object (const AmSbRecordType *type,
              gconstpointer         record,
              JsonBuilder          *b)
{
  json_builder_begin_object (b);
  _am_sb_record_build (type, record, b);
  json_builder_end_object (b);
}

static void
build_field (const AmSbField *f,
             gconstpointer    record,
             JsonBuilder     *b)
{
  switch (f->type)
    {
    case AM_SB_FIELD_STRING:
    case AM_SB_FIELD_INTERNED:
      if (CFIELD (record, f, char *) == NULL)
        return;
      json_builder_set_member_name (b, f->name);
      json_builder_add_string_value (b, CFIELD (record, f, char *));
      return;
    case AM_SB_FIELD_INT:
      json_builder_set_member_name (b, f->name);
      json_builder_add_int_value (b, CFIELD (record, f, gint));
      return;
    case AM_SB_FIELD_INT64:
    case AM_SB_FIELD_TIME:
      json_builder_set_member_name (b, f->name);
      json_builder_add_int_value (b, CFIELD (record, f, gint64));
      return;
    case AM_SB_FIELD_BOOL:
      json_builder_set_member_name (b, f->name);
      json_builder_add_boolean_value (b, CFIELD (record, f, gboolean));
      return;
    case AM_SB_FIELD_STRINGS:
      if (CFIELD (record, f, GPtrArray *) == NULL && (f->flags & AM_SB_FIELD_OMIT_NULL))
        return;
      json_builder_set_member_name (b, f->name);
      build_strings (b, CFIELD (record, f, GPtrArray *));
      return;
    case AM_SB_FIELD_RECORDS:
      if (CFIELD (record, f, GPtrArray *) == NULL && (f->flags & AM_SB_FIELD_OMIT_NULL))
        return;
      _am_sb_records_build (f->element, f->name, CFIELD (record, f, GPtrArray *), b);
      return;
    case AM_SB_FIELD_INLINE:
      {
        GArray *array = CFIELD (record, f, GArray *);

        json_builder_set_member_name (b, f->name);
        json_builder_begin_array (b);
        for (guint i = 0; array && i < array->len; i++)
          build_object (f->element, array->data + (gsize) i * f->element->size, b);
        json_builder_end_array (b);
        return;
      }
    case AM_SB_FIELD_STRING_MAP:
      {
        GHashTable *map = CFIELD (record, f, GHashTable *);
        g_autoptr (GPtrArray) keys = _am_sb_sorted_keys (map);

        json_builder_set_member_name (b, f->name);
        json_builder_begin_object (b);
        for (guint i = 0; i < keys->len; i++)
          {
            json_builder_set_member_name (b, keys->pdata[i]);
            json_builder_add_string_value (b, g_hash_table_lookup (map, keys->pdata[i]));
          }
        json_builder_end_object (b);
        return;
      }
    default:
      g_assert_not_reached ();
    }
}

void
_am_sb_record_build (const AmSbRecordType *type,
                     gconstpointer         record,
                     JsonBuilder          *builder)
{
  for (guint i = 0; i < type->n_fields; i++)
    build_field (&type->fields[i], record, builder);
}

void
_am_sb_records_build (const AmSbRecordType *type,
                      const char           *name,
                      GPtrArray            *records,
                      JsonBuilder          *builder)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; records && i < records->len; i++)
    build_object (type, records->pdata[i], builder);
  json_builder_end_array (builder);
}

/* Reading */

static gboolean
damaged (const AmSbRecordType *type,
         const char           *what,
         GError              **error)
{
  /* The format is one of the two below, never data: */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               type->damage_format ? type->damage_format : "the state file has an incomplete %s entry",
               what);
#pragma GCC diagnostic pop
  return FALSE;
}

static guint
list_length (const AmSbField *f,
             JsonArray       *array)
{
  guint length = json_array_get_length (array);

  return f->most > 0 ? MIN (length, f->most) : length;
}

static gboolean
load_strings (const AmSbRecordType *type,
              const AmSbField      *f,
              JsonArray            *array,
              GPtrArray            *out,
              GError              **error)
{
  for (guint i = 0; array && i < list_length (f, array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_ptr_array_add (out, g_strdup (json_node_get_string (node)));
      else if (!(f->flags & AM_SB_FIELD_SKIP_BAD))
        return damaged (type, f->what, error);
    }
  return TRUE;
}

/* Loads the elements of @array (nullable) into @ptrs or @inline_array. */
static gboolean
load_elements (const AmSbField *f,
               JsonArray       *array,
               GPtrArray       *ptrs,
               GArray          *inline_array,
               GError         **error)
{
  for (guint i = 0; array && i < list_length (f, array); i++)
    {
      g_autoptr (GError) local_error = NULL;
      gpointer element = _am_sb_record_load (f->element, _am_sb_json_element (array, i), &local_error);

      if (element == NULL)
        {
          if (f->flags & AM_SB_FIELD_SKIP_BAD)
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (ptrs != NULL)
        g_ptr_array_add (ptrs, element);
      else
        {
          g_array_append_vals (inline_array, element, 1);
          g_free (element);
        }
    }
  return TRUE;
}

static gint64
load_number (const AmSbField *f,
             JsonObject      *o,
             gboolean        *in_range)
{
  gint64 value = _am_sb_json_int (o, f->name, f->fallback);

  if (f->type == AM_SB_FIELD_TIME)
    value = CLAMP (value, 0, AM_SB_MAX_TIME_MS);
  if (f->flags & AM_SB_FIELD_CLAMP)
    value = CLAMP (value, f->min, f->max);
  if ((f->flags & AM_SB_FIELD_RANGE) && (value < f->min || value > f->max))
    *in_range = FALSE;
  return value;
}

static gboolean
load_field (const AmSbRecordType *type,
            const AmSbField      *f,
            JsonObject           *o,
            gpointer              record,
            GError              **error)
{
  gboolean in_range = TRUE;

  switch (f->type)
    {
    case AM_SB_FIELD_STRING:
      FIELD (record, f, char *) = g_strdup (_am_sb_json_string (o, f->name));
      return TRUE;
    case AM_SB_FIELD_INTERNED:
      {
        const char *s = _am_sb_json_string (o, f->name);

        FIELD (record, f, const char *) = s ? g_intern_string (s) : NULL;
        return TRUE;
      }
    case AM_SB_FIELD_INT:
      FIELD (record, f, gint) = load_number (f, o, &in_range);
      return in_range || damaged (type, type->what, error);
    case AM_SB_FIELD_INT64:
    case AM_SB_FIELD_TIME:
      FIELD (record, f, gint64) = load_number (f, o, &in_range);
      return in_range || damaged (type, type->what, error);
    case AM_SB_FIELD_BOOL:
      {
        JsonNode *node = member_value (o, f->name, G_TYPE_BOOLEAN);

        FIELD (record, f, gboolean) = node && json_node_get_boolean (node);
        return TRUE;
      }
    case AM_SB_FIELD_STRINGS:
    case AM_SB_FIELD_RECORDS:
      {
        JsonArray *array = _am_sb_json_array (o, f->name);
        GPtrArray **out = &FIELD (record, f, GPtrArray *);
        gboolean ok;

        if (array == NULL && (f->flags & AM_SB_FIELD_OMIT_NULL))
          return TRUE;
        if (f->type == AM_SB_FIELD_STRINGS)
          {
            *out = g_ptr_array_new_with_free_func (g_free);
            ok = load_strings (type, f, array, *out, error);
          }
        else
          {
            *out = g_ptr_array_new_with_free_func (f->element->free ? f->element->free : g_free);
            ok = load_elements (f, array, *out, NULL, error);
          }
        if (ok && (*out)->len == 0 && (f->flags & AM_SB_FIELD_EMPTY_NULL))
          g_clear_pointer (out, g_ptr_array_unref);
        return ok;
      }
    case AM_SB_FIELD_INLINE:
      FIELD (record, f, GArray *) = g_array_new (FALSE, FALSE, f->element->size);
      return load_elements (f, _am_sb_json_array (o, f->name), NULL, FIELD (record, f, GArray *), error);
    case AM_SB_FIELD_STRING_MAP:
      {
        GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
        JsonNode *node = o ? json_object_get_member (o, f->name) : NULL;

        FIELD (record, f, GHashTable *) = map;
        if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
          {
            JsonObject *d = json_node_get_object (node);
            g_autoptr (GList) members = json_object_get_members (d);

            for (GList *l = members; l; l = l->next)
              if (_am_sb_json_string (d, l->data) != NULL)
                g_hash_table_insert (map, g_strdup (l->data), g_strdup (_am_sb_json_string (d, l->data)));
          }
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

gpointer
_am_sb_record_load (const AmSbRecordType *type,
                    JsonObject           *object,
                    GError              **error)
{
  GDestroyNotify free_record = type->free ? type->free : g_free;
  gpointer record;

  if (object == NULL)
    {
      damaged (type, type->what, error);
      return NULL;
    }
  for (guint i = 0; i < type->n_fields; i++)
    if ((type->fields[i].flags & AM_SB_FIELD_REQUIRED) && _am_sb_json_string (object, type->fields[i].name) == NULL)
      {
        damaged (type, type->what, error);
        return NULL;
      }
  record = g_malloc0 (type->size);
  for (guint i = 0; i < type->n_fields; i++)
    if (!load_field (type, &type->fields[i], object, record, error))
      {
        free_record (record);
        return NULL;
      }
  if (type->finish != NULL && !type->finish (record))
    {
      free_record (record);
      damaged (type, type->what, error);
      return NULL;
    }
  return record;
}

gboolean
_am_sb_records_load (const AmSbRecordType *type,
                     JsonArray            *array,
                     void                (*add) (gpointer record,
                                                 gpointer user_data),
                     gpointer              user_data,
                     GError              **error)
{
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      gpointer record = _am_sb_record_load (type, _am_sb_json_element (array, i), error);

      if (record == NULL)
        return FALSE;
      add (record, user_data);
    }
  return TRUE;
}

/* Freeing and copying */

void
_am_sb_record_free (const AmSbRecordType *type,
                    gpointer              record)
{
  if (record == NULL)
    return;
  for (guint i = 0; i < type->n_fields; i++)
    {
      const AmSbField *f = &type->fields[i];

      if (f->type == AM_SB_FIELD_STRING)
        g_free (FIELD (record, f, char *));
      else if (f->type == AM_SB_FIELD_STRINGS || f->type == AM_SB_FIELD_RECORDS)
        g_clear_pointer (&FIELD (record, f, GPtrArray *), g_ptr_array_unref);
      else if (f->type == AM_SB_FIELD_INLINE)
        g_clear_pointer (&FIELD (record, f, GArray *), g_array_unref);
      else if (f->type == AM_SB_FIELD_STRING_MAP)
        g_clear_pointer (&FIELD (record, f, GHashTable *), g_hash_table_unref);
      /* numbers, booleans and interned strings own nothing */
    }
  g_free (record);
}

static GPtrArray *
copy_list (const AmSbField *f,
           GPtrArray       *list)
{
  GPtrArray *copy;

  if (list == NULL && (f->flags & (AM_SB_FIELD_OMIT_NULL | AM_SB_FIELD_EMPTY_NULL)))
    return NULL;
  if (f->type == AM_SB_FIELD_STRINGS)
    copy = g_ptr_array_new_with_free_func (g_free);
  else
    copy = g_ptr_array_new_with_free_func (f->element->free ? f->element->free : g_free);
  for (guint i = 0; list && i < list->len; i++)
    g_ptr_array_add (copy, f->type == AM_SB_FIELD_STRINGS ? g_strdup (list->pdata[i])
                                                          : _am_sb_record_copy (f->element, list->pdata[i]));
  return copy;
}

static GHashTable *
copy_map (GHashTable *map)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  if (map == NULL)
    return copy;
  g_hash_table_iter_init (&iter, map);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
  return copy;
}

gpointer
_am_sb_record_copy (const AmSbRecordType *type,
                    gconstpointer         record)
{
  gpointer copy = g_memdup2 (record, type->size);

  for (guint i = 0; i < type->n_fields; i++)
    {
      const AmSbField *f = &type->fields[i];

      if (f->type == AM_SB_FIELD_STRING)
        FIELD (copy, f, char *) = g_strdup (CFIELD (record, f, char *));
      else if (f->type == AM_SB_FIELD_STRINGS || f->type == AM_SB_FIELD_RECORDS)
        FIELD (copy, f, GPtrArray *) = copy_list (f, CFIELD (record, f, GPtrArray *));
      else if (f->type == AM_SB_FIELD_INLINE)
        FIELD (copy, f, GArray *) = CFIELD (record, f, GArray *) ? g_array_copy (CFIELD (record, f, GArray *))
                                                                  : g_array_new (FALSE, FALSE, f->element->size);
      else if (f->type == AM_SB_FIELD_STRING_MAP)
        FIELD (copy, f, GHashTable *) = copy_map (CFIELD (record, f, GHashTable *));
      /* numbers, booleans and interned strings are copied as they are */
    }
  return copy;
}
