/* test-xml-fields.c: field tables: leaves and nested leaves into a struct, bad numbers, clearing
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-xml-fields"

#include "config.h"

#include <string.h>

#include "aws/am-aws-error.h"
#include "aws/am-xml-fields.h"

typedef struct
{
  char     *name;
  char     *template_id;
  int       size;
  gint64    big;
  gboolean  on;
  gboolean  marked;
} Record;

static const AmField record_fields[] = {
  { NULL, "Name",   NULL,       AM_FIELD_STRING,  G_STRUCT_OFFSET (Record, name) },
  { NULL, "Id",     "Template", AM_FIELD_STRING,  G_STRUCT_OFFSET (Record, template_id) },
  { NULL, "Size",   NULL,       AM_FIELD_INT,     G_STRUCT_OFFSET (Record, size) },
  { NULL, "Big",    NULL,       AM_FIELD_INT64,   G_STRUCT_OFFSET (Record, big) },
  { NULL, "On",     NULL,       AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (Record, on) },
  { NULL, "Marked", NULL,       AM_FIELD_PRESENT, G_STRUCT_OFFSET (Record, marked) },
};

/* The document element holds one <Record>, read by the table. */
static gboolean
doc_start (AmXmlReader  *reader,
           const char   *element,
           gpointer      data,
           GError      **error)
{
  if (strcmp (element, "Record") == 0)
    am_xml_reader_push (reader, &am_xml_fields_handler, data);
  return TRUE;
}

static const AmXmlHandler doc_handler = { doc_start, NULL, NULL };

static gboolean
root_start (AmXmlReader  *reader,
            const char   *element,
            gpointer      data,
            GError      **error)
{
  am_xml_reader_push (reader, &doc_handler, data);
  return TRUE;
}

static const AmXmlHandler root_handler = { root_start, NULL, NULL };

static gboolean
read_record (const char  *xml,
             Record      *record,
             GError     **error)
{
  AmXmlFields fields = { record, record_fields, G_N_ELEMENTS (record_fields), NULL };

  return am_xml_parse (&root_handler, &fields, xml, -1, error);
}

static void
test_read (void)
{
  Record record = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (read_record ("<R><Record><Name>web</Name><Template><Id>lt-1</Id>"
                              "<Name>not mine</Name></Template><Size> 3 </Size>"
                              "<Big>-9000000000</Big><On>true</On><Marked/>"
                              "<Other><Name>deeper</Name></Other></Record>"
                              "<Name>outside</Name></R>", &record, &error));
  g_assert_no_error (error);
  /* A leaf of the nested parent is its own field; a same-named one there is not the record's. */
  g_assert_cmpstr (record.name, ==, "web");
  g_assert_cmpstr (record.template_id, ==, "lt-1");
  g_assert_cmpint (record.size, ==, 3);
  g_assert_cmpint (record.big, ==, -9000000000);
  g_assert_true (record.on);
  g_assert_true (record.marked);

  am_fields_clear (&record, record_fields, G_N_ELEMENTS (record_fields));
  g_assert_null (record.name);
  g_assert_null (record.template_id);
}

static void
test_bad (void)
{
  static const char *const bad[] = {
    "<R><Record><Size>three</Size></Record></R>",
    "<R><Record><Size>99999999999</Size></Record></R>",
    "<R><Record><On>yes</On></Record></R>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      Record record = { 0 };
      g_autoptr (GError) error = NULL;

      g_test_message ("bad document %u", i);
      g_assert_false (read_record (bad[i], &record, &error));
      g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE);
      am_fields_clear (&record, record_fields, G_N_ELEMENTS (record_fields));
    }
}

static void
test_lookup (void)
{
  const AmField *field;

  field = am_field_lookup (record_fields, G_N_ELEMENTS (record_fields), "Template", "Id");
  g_assert_nonnull (field);
  g_assert_cmpuint (field->offset, ==, G_STRUCT_OFFSET (Record, template_id));
  g_assert_null (am_field_lookup (record_fields, G_N_ELEMENTS (record_fields), NULL, "Id"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml-fields/read", test_read);
  g_test_add_func ("/xml-fields/bad", test_bad);
  g_test_add_func ("/xml-fields/lookup", test_lookup);

  return g_test_run ();
}
