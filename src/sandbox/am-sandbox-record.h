/* am-sandbox-record.h: field tables that drive both the saving and the loading of a resource
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* How a field is held in its struct and in state.json. */
typedef enum
{
  AM_SB_FIELD_STRING,     /* char *, owned; not written when NULL */
  AM_SB_FIELD_INTERNED,   /* const char *, g_intern_string; not written when NULL */
  AM_SB_FIELD_INT,        /* gint */
  AM_SB_FIELD_INT64,      /* gint64 */
  AM_SB_FIELD_TIME,       /* gint64 ms since the epoch, loaded within 0 … AM_SB_MAX_TIME_MS */
  AM_SB_FIELD_BOOL,       /* gboolean */
  AM_SB_FIELD_STRINGS,    /* GPtrArray of char * */
  AM_SB_FIELD_RECORDS,    /* GPtrArray of records of `element` */
  AM_SB_FIELD_INLINE,     /* GArray of records of `element` (plain values: no free) */
  AM_SB_FIELD_STRING_MAP, /* GHashTable char * → char *, written with sorted keys */
} AmSbFieldType;

typedef enum
{
  AM_SB_FIELD_REQUIRED   = 1 << 0, /* strings: an entry without it is damaged */
  AM_SB_FIELD_OMIT_NULL  = 1 << 1, /* lists: absent loads as NULL, NULL is not written */
  AM_SB_FIELD_EMPTY_NULL = 1 << 2, /* lists: no element loads as NULL (written as []) */
  AM_SB_FIELD_SKIP_BAD   = 1 << 3, /* lists: an element of the wrong kind is dropped, not damage */
  AM_SB_FIELD_CLAMP      = 1 << 4, /* numbers: loaded within min … max */
  AM_SB_FIELD_RANGE      = 1 << 5, /* numbers: outside min … max the entry is damaged */
} AmSbFieldFlags;

typedef struct _AmSbRecordType AmSbRecordType;

typedef struct
{
  const char           *name;      /* the member in state.json */
  AmSbFieldType         type;
  gsize                 offset;    /* G_STRUCT_OFFSET in the record */
  AmSbFieldFlags        flags;
  const AmSbRecordType *element;   /* RECORDS, INLINE */
  const char           *what;      /* STRINGS: what a bad element is called in the error */
  gint64                fallback;  /* numbers: when absent or not a number */
  gint64                min, max;  /* numbers with AM_SB_FIELD_CLAMP */
  guint                 most;      /* lists: at most this many elements load, 0: all */
} AmSbField;

struct _AmSbRecordType
{
  const char      *what;           /* "image", "security group rule": the error names it */
  const char      *damage_format;  /* NULL: "the state file has an incomplete %s entry" */
  gsize            size;
  const AmSbField *fields;
  guint            n_fields;
  GDestroyNotify   free;           /* NULL: g_free */
  /* After the fields are read: defaults and cross-field checks; FALSE: the entry is damaged. */
  gboolean       (*finish)        (gpointer record);
};

#define AM_SB_RECORD_TYPE(Struct, what_, fields_, free_, finish_) \
  { what_, NULL, sizeof (Struct), fields_, G_N_ELEMENTS (fields_), (GDestroyNotify) (free_), finish_ }

/* Writes @record's fields as members of the object @builder has open. */
void       _am_sb_record_build  (const AmSbRecordType *type,
                                 gconstpointer         record,
                                 JsonBuilder          *builder);
/* Writes "@name": [ … ] with @records (a GPtrArray of @type, nullable) in their order. */
void       _am_sb_records_build (const AmSbRecordType *type,
                                 const char           *name,
                                 GPtrArray            *records,
                                 JsonBuilder          *builder);
/* A new record of @type from @object (nullable: not an object), or NULL with @error set. */
gpointer   _am_sb_record_load   (const AmSbRecordType *type,
                                 JsonObject           *object,
                                 GError              **error);
/* Every record of @array (nullable) in turn, given to @add (which takes ownership); stops at
 * the first damaged one. */
gboolean   _am_sb_records_load  (const AmSbRecordType *type,
                                 JsonArray            *array,
                                 void                (*add) (gpointer record,
                                                             gpointer user_data),
                                 gpointer              user_data,
                                 GError              **error);

/* Frees @record (nullable) and every field it owns (interned strings are not owned). */
void       _am_sb_record_free   (const AmSbRecordType *type,
                                 gpointer              record);
/* A deep copy of @record: its strings and lists copied (a list that may not be NULL is never
 * NULL in the copy), the rest as it is. */
gpointer   _am_sb_record_copy   (const AmSbRecordType *type,
                                 gconstpointer         record);

/* What the loaders read: NULL / 0 / FALSE when the member is absent or of another kind. */
const char *_am_sb_json_string  (JsonObject *object,
                                 const char *name);
gint64      _am_sb_json_int     (JsonObject *object,
                                 const char *name,
                                 gint64      fallback);
JsonArray  *_am_sb_json_array   (JsonObject *object,
                                 const char *name);
JsonObject *_am_sb_json_element (JsonArray  *array,
                                 guint       index);
/* Stable output: the keys of @table sorted, so two saves of the same state give the same file. */
GPtrArray  *_am_sb_sorted_keys  (GHashTable *table);

G_END_DECLS
