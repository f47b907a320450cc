/* am-xml-fields.h: field tables: a record's leaf elements read into a plain struct by offset
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "am-xml-reader.h"

G_BEGIN_DECLS

/*
 * A static table (AmField[]) says, for each field of a record, the element it is read from
 * (and the element it nests in, e.g. "code" inside "stateReason"), its storage type and its
 * offset in the record's struct. The EC2 model objects (src/ec2/am-ec2-model-private.h), the
 * Auto Scaling groups and the STS answers are all read through such tables, so adding a field
 * is one line and no answer is read by a chain of string comparisons.
 */

typedef enum
{
  AM_FIELD_STRING,    /* char *, owned */
  AM_FIELD_INTERNED,  /* GQuark: 4 bytes instead of a pointer (EC2 models only) */
  AM_FIELD_BOOLEAN,   /* gboolean, "true"/"false" */
  AM_FIELD_PRESENT,   /* gboolean, TRUE when the element is there (e.g. <noDevice/>) */
  AM_FIELD_INT,       /* int */
  AM_FIELD_INT64,     /* gint64 */
  AM_FIELD_STRV,      /* const char **, NULL-terminated, <item>text</item> (EC2 models only) */
  AM_FIELD_OBJECTS,   /* gpointer *, NULL-terminated, <item>object</item> (EC2 models only) */
} AmFieldType;

typedef struct
{
  const char *property;  /* the GObject property of an EC2 model; NULL elsewhere */
  const char *element;   /* NULL: derived once the record is read, not read from XML */
  const char *parent;    /* NULL: a direct child of the record's element */
  AmFieldType type;
  guint offset;
  const struct _AmModelInfo *(*item_info) (void);   /* AM_FIELD_OBJECTS */
} AmField;

#define AM_FIELD_PTR(record, field) ((gpointer) (((guint8 *) (record)) + (field)->offset))

/* The field of @fields read from @element (inside @parent, or directly when %NULL), or %NULL. */
const AmField *am_field_lookup     (const AmField  *fields,
                                    guint           n_fields,
                                    const char     *parent,
                                    const char     *element);
/* Stores leaf text into a STRING, BOOLEAN, PRESENT, INT or INT64 field of @record; %FALSE with
 * AM_AWS_ERROR_MALFORMED_RESPONSE when a number or a boolean is bad. */
gboolean       am_field_set_text   (gpointer        record,
                                    const AmField  *field,
                                    const char     *text,
                                    gsize           len,
                                    GError        **error);
/* Frees the STRING fields of @record (and sets them to %NULL). */
void           am_fields_clear     (gpointer        record,
                                    const AmField  *fields,
                                    guint           n_fields);

/*
 * One record being read: the frame data of am_xml_fields_handler, which stores each leaf child
 * (and each leaf one level down, inside a parent the table names) by the table. A handler of
 * its own (for lists inside the record, checks at its end) calls am_xml_fields_start() and
 * am_xml_fields_text() for the table's part.
 */
typedef struct
{
  gpointer       record;
  const AmField *fields;
  guint          n_fields;
  const char    *parent;   /* the parent element open now, while its children are read */
} AmXmlFields;

extern const AmXmlHandler am_xml_fields_handler;

/* Returns: %TRUE when @element is a parent of the table (its children are read next). */
gboolean       am_xml_fields_start (AmXmlReader    *reader,
                                    const char     *element,
                                    AmXmlFields    *fields);
gboolean       am_xml_fields_text  (AmXmlFields    *fields,
                                    const char     *element,
                                    const char     *text,
                                    gsize           len,
                                    GError        **error);

G_END_DECLS
