/* am-ec2-model.c: the table-driven plumbing shared by the EC2 model objects
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-ec2-model"

#include "config.h"

#include "am-aws-error.h"
#include "am-ec2-error.h"
#include "am-ec2-model-private.h"

static gpointer empty_array[1] = { NULL };

gpointer *
_am_model_array_or_empty (gpointer *array)
{
  return array != NULL ? array : empty_array;
}

guint
_am_model_array_length (gpointer *array)
{
  guint n = 0;

  if (array != NULL)
    while (array[n] != NULL)
      n++;
  return n;
}

void
_am_model_install_properties (GObjectClass *object_class,
                              AmModelInfo  *info)
{
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  info->pspecs = g_new0 (GParamSpec *, info->n_fields + 1);
  for (guint i = 0; i < info->n_fields; i++)
    {
      const AmField *field = &info->fields[i];
      GParamSpec *pspec = NULL;

      switch (field->type)
        {
        case AM_FIELD_STRING:
        case AM_FIELD_INTERNED:
          pspec = g_param_spec_string (field->property, NULL, NULL, NULL, flags);
          break;
        case AM_FIELD_BOOLEAN:
        case AM_FIELD_PRESENT:
          pspec = g_param_spec_boolean (field->property, NULL, NULL, FALSE, flags);
          break;
        case AM_FIELD_INT:
          pspec = g_param_spec_int (field->property, NULL, NULL, G_MININT, G_MAXINT, 0, flags);
          break;
        case AM_FIELD_INT64:
          pspec = g_param_spec_int64 (field->property, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        case AM_FIELD_STRV:
          pspec = g_param_spec_boxed (field->property, NULL, NULL, G_TYPE_STRV, flags);
          break;
        case AM_FIELD_OBJECTS:
          pspec = g_param_spec_boxed (field->property, NULL, NULL, G_TYPE_PTR_ARRAY, flags);
          break;
        default:
          g_assert_not_reached ();
        }
      info->pspecs[i] = pspec;
      g_object_class_install_property (object_class, i + 1, pspec);
    }
}

gboolean
_am_model_get_property (GObject           *object,
                        const AmModelInfo *info,
                        guint              prop_id,
                        GValue            *value)
{
  const AmField *field;
  gpointer ptr;

  if (prop_id == 0 || prop_id > info->n_fields)
    return FALSE;

  field = &info->fields[prop_id - 1];
  ptr = AM_FIELD_PTR (object, field);
  switch (field->type)
    {
    case AM_FIELD_STRING:
      g_value_set_string (value, *(const char **) ptr);
      break;
    case AM_FIELD_INTERNED:
      g_value_set_string (value, g_quark_to_string (*(GQuark *) ptr));
      break;
    case AM_FIELD_BOOLEAN:
    case AM_FIELD_PRESENT:
      g_value_set_boolean (value, *(gboolean *) ptr);
      break;
    case AM_FIELD_INT:
      g_value_set_int (value, *(int *) ptr);
      break;
    case AM_FIELD_INT64:
      g_value_set_int64 (value, *(gint64 *) ptr);
      break;
    case AM_FIELD_STRV:
      g_value_set_boxed (value, _am_model_array_or_empty (*(gpointer **) ptr));
      break;
    case AM_FIELD_OBJECTS:
      {
        gpointer *items = *(gpointer **) ptr;
        GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

        for (guint i = 0; items != NULL && items[i] != NULL; i++)
          g_ptr_array_add (array, g_object_ref (items[i]));
        g_value_take_boxed (value, array);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

void
_am_model_clear (GObject           *object,
                 const AmModelInfo *info)
{
  for (guint i = 0; i < info->n_fields; i++)
    {
      const AmField *field = &info->fields[i];
      gpointer ptr = AM_FIELD_PTR (object, field);

      switch (field->type)
        {
        case AM_FIELD_STRING:
          g_clear_pointer ((char **) ptr, g_free);
          break;
        case AM_FIELD_STRV:
          g_clear_pointer ((gpointer **) ptr, g_free);
          break;
        case AM_FIELD_OBJECTS:
          {
            gpointer *items = *(gpointer **) ptr;

            for (guint j = 0; items != NULL && items[j] != NULL; j++)
              g_object_unref (items[j]);
            g_clear_pointer ((gpointer **) ptr, g_free);
          }
          break;
        case AM_FIELD_INTERNED:
        case AM_FIELD_BOOLEAN:
        case AM_FIELD_PRESENT:
        case AM_FIELD_INT:
        case AM_FIELD_INT64:
        default:
          break;
        }
    }
}

/*
 * Objects made only of interned strings, numbers and flags (an ephemeral or a <noDevice/>
 * block device mapping: a Windows image lists 24 of them, the same in every image) are shared:
 * one instance per distinct value, kept for the life of the process like the quarks they
 * hold. Model objects are read-only once read, so sharing cannot be seen but in memory.
 */
typedef struct
{
  const AmModelInfo *info;
  gsize              size;      /* of the instance struct after the GObject header */
  GHashTable        *objects;   /* GObject (its bytes are the key) -> itself */
} ShareTable;

G_LOCK_DEFINE_STATIC (share);
static ShareTable share_tables[8];
/* The table being searched: the hash and equality functions read its size. */
static gsize share_size;

static gboolean
is_shareable (GObject           *object,
              const AmModelInfo *info)
{
  if (info->finish != NULL)
    return FALSE;
  for (guint i = 0; i < info->n_fields; i++)
    {
      const AmField *field = &info->fields[i];

      if ((field->type == AM_FIELD_STRING || field->type == AM_FIELD_STRV
           || field->type == AM_FIELD_OBJECTS)
          && *(gpointer *) AM_FIELD_PTR (object, field) != NULL)
        return FALSE;
    }
  return TRUE;
}

/* The struct is zero-filled by g_object_new and its pointers are NULL: its bytes are its
 * value. */
static guint
share_hash (gconstpointer object)
{
  const guint8 *p = (const guint8 *) object + sizeof (GObject);
  guint64 h = G_GUINT64_CONSTANT (14695981039346656037);
  gsize i = 0;

  /* Eight bytes at a time (instance structs are mostly quarks and flags), then the rest. */
  for (; i + 8 <= share_size; i += 8)
    {
      guint64 w;

      memcpy (&w, p + i, 8);
      h = (h ^ w) * G_GUINT64_CONSTANT (1099511628211);
    }
  for (; i < share_size; i++)
    h = (h ^ p[i]) * G_GUINT64_CONSTANT (1099511628211);
  return (guint) (h ^ (h >> 32));
}

static gboolean
share_equal (gconstpointer a,
             gconstpointer b)
{
  return memcmp ((const guint8 *) a + sizeof (GObject), (const guint8 *) b + sizeof (GObject),
                 share_size) == 0;
}

GObject *
_am_model_share (GObject           *object,
                 const AmModelInfo *info)
{
  gboolean cleared;
  GObject *shared = _am_model_share_or_clear (object, info, &cleared);

  if (cleared)
    g_object_unref (object);
  return shared;
}

/*
 * Like _am_model_share(), but when an equal object is shared @object is not released: it is
 * cleared back to what g_object_new() made (all zero: a shareable object holds only quarks,
 * numbers and flags) and *@cleared is set, so the reader can fill it again. Releasing and
 * making a GObject cost ten times what reading a mapping does.
 */
GObject *
_am_model_share_or_clear (GObject           *object,
                          const AmModelInfo *info,
                          gboolean          *cleared)
{
  ShareTable *table = NULL;
  GObject *shared;

  *cleared = FALSE;
  g_return_val_if_fail (G_IS_OBJECT (object), object);

  if (!is_shareable (object, info))
    return object;

  G_LOCK (share);
  for (guint i = 0; i < G_N_ELEMENTS (share_tables); i++)
    if (share_tables[i].info == info || share_tables[i].info == NULL)
      {
        table = &share_tables[i];
        break;
      }
  if (table == NULL)
    {
      G_UNLOCK (share);
      return object;
    }
  if (table->info == NULL)
    {
      GTypeQuery query;

      g_type_query (G_OBJECT_TYPE (object), &query);
      table->info = info;
      table->size = query.instance_size - sizeof (GObject);
      table->objects = g_hash_table_new (share_hash, share_equal);
    }
  share_size = table->size;
  shared = g_hash_table_lookup (table->objects, object);
  if (shared == NULL)
    {
      /* The table keeps its own reference for the life of the process. */
      g_hash_table_add (table->objects, g_object_ref (object));
      G_UNLOCK (share);
      return object;
    }
  g_object_ref (shared);
  memset ((guint8 *) object + sizeof (GObject), 0, table->size);
  G_UNLOCK (share);
  *cleared = TRUE;
  return shared;
}

gboolean
_am_model_equal (GObject           *a,
                 GObject           *b,
                 const AmModelInfo *info)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;

  for (guint i = 0; i < info->n_fields; i++)
    {
      const AmField *field = &info->fields[i];
      gpointer pa = AM_FIELD_PTR (a, field);
      gpointer pb = AM_FIELD_PTR (b, field);

      /* Derived fields follow from the others (and is-deprecated from the clock). */
      if (field->element == NULL)
        continue;

      switch (field->type)
        {
        case AM_FIELD_STRING:
          if (g_strcmp0 (*(const char **) pa, *(const char **) pb) != 0)
            return FALSE;
          break;
        case AM_FIELD_INTERNED:
          if (*(GQuark *) pa != *(GQuark *) pb)
            return FALSE;
          break;
        case AM_FIELD_BOOLEAN:
        case AM_FIELD_PRESENT:
          if (!*(gboolean *) pa != !*(gboolean *) pb)
            return FALSE;
          break;
        case AM_FIELD_INT:
          if (*(int *) pa != *(int *) pb)
            return FALSE;
          break;
        case AM_FIELD_INT64:
          if (*(gint64 *) pa != *(gint64 *) pb)
            return FALSE;
          break;
        case AM_FIELD_STRV:
          {
            const char **va = (const char **) _am_model_array_or_empty (*(gpointer **) pa);
            const char **vb = (const char **) _am_model_array_or_empty (*(gpointer **) pb);
            guint j;

            for (j = 0; va[j] != NULL && vb[j] != NULL; j++)
              if (g_strcmp0 (va[j], vb[j]) != 0)
                return FALSE;
            if (va[j] != NULL || vb[j] != NULL)
              return FALSE;
          }
          break;
        case AM_FIELD_OBJECTS:
          {
            gpointer *va = _am_model_array_or_empty (*(gpointer **) pa);
            gpointer *vb = _am_model_array_or_empty (*(gpointer **) pb);
            const AmModelInfo *item_info = field->item_info ();
            guint j;

            for (j = 0; va[j] != NULL && vb[j] != NULL; j++)
              if (!_am_model_equal (va[j], vb[j], item_info))
                return FALSE;
            if (va[j] != NULL || vb[j] != NULL)
              return FALSE;
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return TRUE;
}

static gboolean
read_digits (const char *p,
             guint       n,
             int        *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      value = value * 10 + (p[i] - '0');
    }
  *out = value;
  return TRUE;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
static gint64
days_from_civil (int y,
                 int m,
                 int d)
{
  int era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (gint64) era * 146097 + doe - 719468;
}

/*
 * EC2 writes "2024-07-01T20:15:31.000Z"; that shape is read by hand because this runs for
 * every image of a listing. Anything else goes through GDateTime.
 */
gint64
_am_model_parse_time (const char *text,
                      gint64      fallback)
{
  int y, mo, d, h, mi, s;
  g_autoptr (GDateTime) dt = NULL;

  if (text == NULL || *text == '\0')
    return fallback;

  if (strlen (text) >= 20
      && read_digits (text, 4, &y) && text[4] == '-'
      && read_digits (text + 5, 2, &mo) && text[7] == '-'
      && read_digits (text + 8, 2, &d) && text[10] == 'T'
      && read_digits (text + 11, 2, &h) && text[13] == ':'
      && read_digits (text + 14, 2, &mi) && text[16] == ':'
      && read_digits (text + 17, 2, &s)
      && (text[19] == 'Z' || (text[19] == '.' && text[strlen (text) - 1] == 'Z'))
      && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h < 24 && mi < 60 && s < 61)
    return days_from_civil (y, mo, d) * 86400 + h * 3600 + mi * 60 + s;

  dt = g_date_time_new_from_iso8601 (text, NULL);
  return dt != NULL ? g_date_time_to_unix (dt) : fallback;
}

GQuark
_am_model_quark_len (const char *text,
                     gsize       len)
{
  char buf[128];

  if (text[len] == '\0')
    return g_quark_from_string (text);
  if (len < sizeof buf)
    {
      memcpy (buf, text, len);
      buf[len] = '\0';
      return g_quark_from_string (buf);
    }
  else
    {
      g_autofree char *copy = g_strndup (text, len);

      return g_quark_from_string (copy);
    }
}

const char *
_am_model_intern_len (const char *text,
                      gsize       len)
{
  return g_quark_to_string (_am_model_quark_len (text, len));
}

gboolean
_am_model_set_text (GObject        *object,
                    const AmField  *field,
                    const char     *text,
                    gsize           len,
                    GError        **error)
{
  if (field->type == AM_FIELD_INTERNED)
    {
      *(GQuark *) AM_FIELD_PTR (object, field) = _am_model_quark_len (text, len);
      return TRUE;
    }
  return am_field_set_text (object, field, text, len, error);
}

GObject *
_am_model_new (const AmModelInfo *info)
{
  return g_object_new (info->get_type (), NULL);
}

void
_am_model_finish (GObject           *object,
                  const AmModelInfo *info)
{
  if (info->finish != NULL)
    info->finish (object);
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  const char *run = text;

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
          break;
        }
    }
  g_string_append_len (out, run, strlen (run));
  g_string_append_c (out, '"');
}

static void
append_json_member (GString    *out,
                    gboolean   *first,
                    const char *name)
{
  if (!*first)
    g_string_append_c (out, ',');
  *first = FALSE;
  g_string_append_c (out, '"');
  g_string_append (out, name);   /* property names need no escaping */
  g_string_append (out, "\":");
}

void
_am_model_append_json (GObject           *object,
                       const AmModelInfo *info,
                       GString           *out)
{
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  for (guint i = 0; i < info->n_fields; i++)
    {
      const AmField *field = &info->fields[i];
      gpointer ptr = AM_FIELD_PTR (object, field);

      if (field->element == NULL)
        continue;

      switch (field->type)
        {
        case AM_FIELD_STRING:
          if (*(const char **) ptr != NULL)
            {
              append_json_member (out, &first, field->property);
              append_json_string (out, *(const char **) ptr);
            }
          break;
        case AM_FIELD_INTERNED:
          if (*(GQuark *) ptr != 0)
            {
              append_json_member (out, &first, field->property);
              append_json_string (out, g_quark_to_string (*(GQuark *) ptr));
            }
          break;
        case AM_FIELD_BOOLEAN:
        case AM_FIELD_PRESENT:
          if (*(gboolean *) ptr)
            {
              append_json_member (out, &first, field->property);
              g_string_append (out, "true");
            }
          break;
        case AM_FIELD_INT:
          if (*(int *) ptr != 0)
            {
              append_json_member (out, &first, field->property);
              g_string_append_printf (out, "%d", *(int *) ptr);
            }
          break;
        case AM_FIELD_INT64:
          if (*(gint64 *) ptr != 0)
            {
              append_json_member (out, &first, field->property);
              g_string_append_printf (out, "%" G_GINT64_FORMAT, *(gint64 *) ptr);
            }
          break;
        case AM_FIELD_STRV:
          if (*(gpointer **) ptr != NULL)
            {
              const char **strv = *(const char ***) ptr;

              append_json_member (out, &first, field->property);
              g_string_append_c (out, '[');
              for (guint j = 0; strv[j] != NULL; j++)
                {
                  if (j > 0)
                    g_string_append_c (out, ',');
                  append_json_string (out, strv[j]);
                }
              g_string_append_c (out, ']');
            }
          break;
        case AM_FIELD_OBJECTS:
          if (*(gpointer **) ptr != NULL)
            {
              gpointer *items = *(gpointer **) ptr;
              const AmModelInfo *item_info = field->item_info ();

              append_json_member (out, &first, field->property);
              g_string_append_c (out, '[');
              for (guint j = 0; items[j] != NULL; j++)
                {
                  if (j > 0)
                    g_string_append_c (out, ',');
                  _am_model_append_json (items[j], item_info, out);
                }
              g_string_append_c (out, ']');
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_string_append_c (out, '}');
}

static gboolean
bad_json (GError     **error,
          const char  *model,
          const char  *member)
{
  g_set_error (error, AM_EC2_ERROR, AM_EC2_ERROR_CACHE,
               "The cached %s has a bad “%s” value", model, member);
  return FALSE;
}

static gboolean
field_from_json (GObject        *object,
                 const AmField  *field,
                 JsonNode       *node,
                 const char     *model,
                 GError        **error)
{
  gpointer ptr = AM_FIELD_PTR (object, field);

  switch (field->type)
    {
    case AM_FIELD_STRING:
    case AM_FIELD_INTERNED:
      /* json-glib decodes an escaped lone surrogate ("\udc80") to bytes that are not UTF-8. */
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING
          || !g_utf8_validate (json_node_get_string (node), -1, NULL))
        return bad_json (error, model, field->property);
      if (field->type == AM_FIELD_STRING)
        {
          g_free (*(char **) ptr);
          *(char **) ptr = g_strdup (json_node_get_string (node));
        }
      else
        *(GQuark *) ptr = g_quark_from_string (json_node_get_string (node));
      return TRUE;
    case AM_FIELD_BOOLEAN:
    case AM_FIELD_PRESENT:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return bad_json (error, model, field->property);
      *(gboolean *) ptr = json_node_get_boolean (node);
      return TRUE;
    case AM_FIELD_INT:
    case AM_FIELD_INT64:
      {
        gint64 value;

        if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
          return bad_json (error, model, field->property);
        value = json_node_get_int (node);
        if (field->type == AM_FIELD_INT)
          {
            if (value < G_MININT || value > G_MAXINT)
              return bad_json (error, model, field->property);
            *(int *) ptr = (int) value;
          }
        else
          *(gint64 *) ptr = value;
      }
      return TRUE;
    case AM_FIELD_STRV:
    case AM_FIELD_OBJECTS:
      {
        JsonArray *array;
        guint n;
        gpointer *items;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return bad_json (error, model, field->property);
        array = json_node_get_array (node);
        n = json_array_get_length (array);
        items = g_new0 (gpointer, n + 1);
        /* Stored first so a failure half-way is freed with the object. */
        if (field->type == AM_FIELD_OBJECTS)
          {
            gpointer *old = *(gpointer **) ptr;

            for (guint j = 0; old != NULL && old[j] != NULL; j++)
              g_object_unref (old[j]);
          }
        g_free (*(gpointer **) ptr);
        *(gpointer **) ptr = items;
        for (guint j = 0; j < n; j++)
          {
            JsonNode *element = json_array_get_element (array, j);

            if (field->type == AM_FIELD_STRV)
              {
                if (!JSON_NODE_HOLDS_VALUE (element)
                    || json_node_get_value_type (element) != G_TYPE_STRING
                    || !g_utf8_validate (json_node_get_string (element), -1, NULL))
                  return bad_json (error, model, field->property);
                items[j] = (gpointer) g_intern_string (json_node_get_string (element));
              }
            else
              {
                GObject *item;

                if (!JSON_NODE_HOLDS_OBJECT (element))
                  return bad_json (error, model, field->property);
                item = _am_model_from_json (field->item_info (), json_node_get_object (element),
                                            error);
                if (item == NULL)
                  return FALSE;
                items[j] = item;
              }
          }
      }
      return TRUE;
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

GObject *
_am_model_from_json (const AmModelInfo *info,
                     JsonObject        *json,
                     GError           **error)
{
  g_autoptr (GObject) object = _am_model_new (info);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const AmField *field = &info->fields[i];
      JsonNode *node;

      if (field->element == NULL)
        continue;
      node = json_object_get_member (json, field->property);
      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;
      if (!field_from_json (object, field, node, info->name, error))
        return NULL;
    }
  _am_model_finish (object, info);
  return g_steal_pointer (&object);
}
