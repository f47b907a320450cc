/* test-xml-reader.c: the streaming XML reader: frames, skipping, chunking, malformed input
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-xml-reader"

#include "config.h"

#include <string.h>

#include "aws/am-aws-error.h"
#include "aws/am-xml-reader.h"

/* A small DescribeImages-like model: images with tags. */
typedef struct
{
  char       *image_id;
  char       *name;
  gint64      size;
  gboolean    is_public;
  GHashTable *tags;
  char       *pending_key;
  char       *pending_value;
  gboolean    ended;
} Image;

typedef struct
{
  char      *request_id;
  char      *next_token;
  GPtrArray *images;
  gboolean   response_ended;
  gboolean   document_ended;
  char      *root_name;
} Page;

static void
set_str (char       **field,
         const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
image_free (gpointer data)
{
  Image *image = data;

  g_free (image->image_id);
  g_free (image->name);
  g_hash_table_unref (image->tags);
  g_free (image->pending_key);
  g_free (image->pending_value);
  g_free (image);
}

static void
page_clear (Page *page)
{
  g_clear_pointer (&page->request_id, g_free);
  g_clear_pointer (&page->next_token, g_free);
  g_clear_pointer (&page->images, g_ptr_array_unref);
  g_clear_pointer (&page->root_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Page, page_clear)

static gboolean
tag_text (AmXmlReader *reader,
          const char  *element,
          const char  *text,
          gsize        text_len,
          gpointer     data,
          GError     **error)
{
  Image *image = data;

  if (strcmp (element, "key") == 0)
    set_str (&image->pending_key, text);
  else if (strcmp (element, "value") == 0)
    set_str (&image->pending_value, text);
  return TRUE;
}

static gboolean
tag_start (AmXmlReader *reader,
           const char  *element,
           gpointer     data,
           GError     **error)
{
  return TRUE;
}

static gboolean
tag_end (AmXmlReader *reader,
         gpointer     data,
         GError     **error)
{
  Image *image = data;

  if (image->pending_key == NULL)
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE, "tag without key");
      return FALSE;
    }
  g_hash_table_insert (image->tags, g_steal_pointer (&image->pending_key),
                       image->pending_value != NULL ? g_steal_pointer (&image->pending_value)
                                                    : g_strdup (""));
  return TRUE;
}

static const AmXmlHandler tag_handler = { tag_start, tag_text, tag_end };

static gboolean
tag_set_start (AmXmlReader *reader,
               const char  *element,
               gpointer     data,
               GError     **error)
{
  if (strcmp (element, "item") == 0)
    am_xml_reader_push (reader, &tag_handler, data);
  return TRUE;
}

static const AmXmlHandler tag_set_handler = { tag_set_start, NULL, NULL };

static gboolean
image_start (AmXmlReader *reader,
             const char  *element,
             gpointer     data,
             GError     **error)
{
  if (strcmp (element, "tagSet") == 0)
    am_xml_reader_push (reader, &tag_set_handler, data);
  return TRUE;
}

static gboolean
image_text (AmXmlReader *reader,
            const char  *element,
            const char  *text,
            gsize        text_len,
            gpointer     data,
            GError     **error)
{
  Image *image = data;

  g_assert_cmpuint (strlen (text), ==, text_len);

  if (strcmp (element, "imageId") == 0)
    set_str (&image->image_id, text);
  else if (strcmp (element, "name") == 0)
    set_str (&image->name, text);
  else if (strcmp (element, "size") == 0)
    {
      if (!am_xml_parse_int64 (text, &image->size))
        {
          g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE,
                       "size “%s” is not a number", text);
          return FALSE;
        }
    }
  else if (strcmp (element, "isPublic") == 0)
    am_xml_parse_boolean (text, &image->is_public);
  return TRUE;
}

static gboolean
image_end (AmXmlReader *reader,
           gpointer     data,
           GError     **error)
{
  Image *image = data;

  image->ended = TRUE;
  return TRUE;
}

static const AmXmlHandler image_handler = { image_start, image_text, image_end };

static gboolean
images_set_start (AmXmlReader *reader,
                  const char  *element,
                  gpointer     data,
                  GError     **error)
{
  Page *page = data;

  if (strcmp (element, "item") == 0)
    {
      Image *image = g_new0 (Image, 1);

      image->tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_ptr_array_add (page->images, image);
      am_xml_reader_push (reader, &image_handler, image);
    }
  return TRUE;
}

static const AmXmlHandler images_set_handler = { images_set_start, NULL, NULL };

static gboolean
response_start (AmXmlReader *reader,
                const char  *element,
                gpointer     data,
                GError     **error)
{
  if (strcmp (element, "imagesSet") == 0)
    am_xml_reader_push (reader, &images_set_handler, data);
  return TRUE;
}

static gboolean
response_text (AmXmlReader *reader,
               const char  *element,
               const char  *text,
               gsize        text_len,
               gpointer     data,
               GError     **error)
{
  Page *page = data;

  if (strcmp (element, "requestId") == 0)
    set_str (&page->request_id, text);
  else if (strcmp (element, "nextToken") == 0)
    set_str (&page->next_token, text);
  return TRUE;
}

static gboolean
response_end (AmXmlReader *reader,
              gpointer     data,
              GError     **error)
{
  Page *page = data;

  page->response_ended = TRUE;
  return TRUE;
}

static const AmXmlHandler response_handler = { response_start, response_text, response_end };

static gboolean
document_start (AmXmlReader *reader,
                const char  *element,
                gpointer     data,
                GError     **error)
{
  Page *page = data;

  set_str (&page->root_name, element);
  am_xml_reader_push (reader, &response_handler, data);
  return TRUE;
}

static gboolean
document_end (AmXmlReader *reader,
              gpointer     data,
              GError     **error)
{
  Page *page = data;

  page->document_ended = TRUE;
  return TRUE;
}

static const AmXmlHandler document_handler = { document_start, NULL, document_end };

static const char sample[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<DescribeImagesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">\n"
  "  <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>\n"
  "  <imagesSet>\n"
  "    <item>\n"
  "      <imageId>ami-1a2b3c4d</imageId>\n"
  "      <name>al &amp; friends &lt;2023&gt;</name>\n"
  "      <size>  8 </size>\n"
  "      <isPublic>true</isPublic>\n"
  "      <unknownNew><item><imageId>ami-WRONG</imageId></item></unknownNew>\n"
  "      <blockDeviceMapping><item><deviceName>/dev/xvda</deviceName></item></blockDeviceMapping>\n"
  "      <tagSet><item><key>Name</key><value>web</value></item>"
  "<item><key>env</key><value/></item></tagSet>\n"
  "    </item>\n"
  "    <item><imageId>ami-2</imageId><name><![CDATA[cdata <name>]]></name>"
  "<isPublic>false</isPublic><size>-3</size></item>\n"
  "  </imagesSet>\n"
  "  <nextToken>tok==</nextToken>\n"
  "</DescribeImagesResponse>\n";

static void
check_sample_page (Page *page)
{
  Image *image;

  g_assert_cmpstr (page->root_name, ==, "DescribeImagesResponse");
  g_assert_cmpstr (page->request_id, ==, "59dbff89-35bd-4eac-99ed-be587EXAMPLE");
  g_assert_cmpstr (page->next_token, ==, "tok==");
  g_assert_true (page->response_ended);
  g_assert_true (page->document_ended);
  g_assert_cmpuint (page->images->len, ==, 2);

  image = g_ptr_array_index (page->images, 0);
  g_assert_cmpstr (image->image_id, ==, "ami-1a2b3c4d");
  g_assert_cmpstr (image->name, ==, "al & friends <2023>");
  g_assert_cmpint (image->size, ==, 8);
  g_assert_true (image->is_public);
  g_assert_true (image->ended);
  g_assert_cmpuint (g_hash_table_size (image->tags), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (image->tags, "Name"), ==, "web");
  g_assert_cmpstr (g_hash_table_lookup (image->tags, "env"), ==, "");

  image = g_ptr_array_index (page->images, 1);
  g_assert_cmpstr (image->image_id, ==, "ami-2");
  g_assert_cmpstr (image->name, ==, "cdata <name>");
  g_assert_cmpint (image->size, ==, -3);
  g_assert_false (image->is_public);
  g_assert_cmpuint (g_hash_table_size (image->tags), ==, 0);
}

static void
page_init (Page *page)
{
  memset (page, 0, sizeof *page);
  page->images = g_ptr_array_new_with_free_func (image_free);
}

static void
test_nested (void)
{
  g_auto (Page) page = { 0 };
  g_autoptr (GError) error = NULL;

  page_init (&page);
  am_xml_parse (&document_handler, &page, sample, -1, &error);
  g_assert_no_error (error);
  check_sample_page (&page);
}

static void
test_namespace_prefixes (void)
{
  static const char doc[] =
    "<ec2:DescribeImagesResponse xmlns:ec2=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
    "<ec2:requestId>r-1</ec2:requestId><ec2:imagesSet><ec2:item><ec2:imageId>ami-9</ec2:imageId>"
    "</ec2:item></ec2:imagesSet></ec2:DescribeImagesResponse>";
  g_auto (Page) page = { 0 };
  g_autoptr (GError) error = NULL;
  Image *image;

  page_init (&page);
  am_xml_parse (&document_handler, &page, doc, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (page.root_name, ==, "DescribeImagesResponse");
  g_assert_cmpstr (page.request_id, ==, "r-1");
  g_assert_cmpuint (page.images->len, ==, 1);
  image = g_ptr_array_index (page.images, 0);
  g_assert_cmpstr (image->image_id, ==, "ami-9");
}

static void
test_every_split (void)
{
  gsize len = strlen (sample);

  for (gsize split = 0; split <= len; split++)
    {
      g_autoptr (AmXmlReader) reader = NULL;
      g_auto (Page) page = { 0 };
      g_autoptr (GError) error = NULL;

      page_init (&page);
      reader = am_xml_reader_new (&document_handler, &page);
      am_xml_reader_feed (reader, sample, (gssize) split, &error);
      g_assert_no_error (error);
      am_xml_reader_feed (reader, sample + split, (gssize) (len - split), &error);
      g_assert_no_error (error);
      am_xml_reader_finish (reader, &error);
      g_assert_no_error (error);
      check_sample_page (&page);
    }
}

static void
test_byte_by_byte (void)
{
  g_autoptr (AmXmlReader) reader = NULL;
  g_auto (Page) page = { 0 };
  g_autoptr (GError) error = NULL;

  page_init (&page);
  reader = am_xml_reader_new (&document_handler, &page);
  for (const char *p = sample; *p != '\0'; p++)
    {
      am_xml_reader_feed (reader, p, 1, &error);
      g_assert_no_error (error);
    }
  am_xml_reader_finish (reader, &error);
  g_assert_no_error (error);
  check_sample_page (&page);
}

/* Every proper prefix of the document is truncated: the reader must say so at finish (or
 * earlier), never hand back the partial page as whole. */
static void
test_truncated (void)
{
  gsize len = strlen (sample);
  gsize content_end = len - 1; /* the final newline after the root is optional */

  for (gsize cut = 0; cut < content_end; cut++)
    {
      g_autoptr (AmXmlReader) reader = NULL;
      g_auto (Page) page = { 0 };
      g_autoptr (GError) error = NULL;
      gboolean ok;

      page_init (&page);
      reader = am_xml_reader_new (&document_handler, &page);
      ok = am_xml_reader_feed (reader, sample, (gssize) cut, &error)
           && am_xml_reader_finish (reader, &error);
      if (ok)
        g_test_message ("prefix of %" G_GSIZE_FORMAT " bytes was accepted", cut);
      g_assert_false (ok);
      g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE);
      g_assert_false (page.document_ended);
    }
}

static void
test_malformed (void)
{
  const char *docs[] = {
    "",
    "   ",
    "not xml at all",
    "<a><b></a></b>",
    "<a>&bogus;</a>",
    "<a><b>text</b>",
    "<a></a><b></b>",
    "<a>\xff\xfe</a>",
    "<a attr=noquote></a>",
    "</a>",
    "<a><![CDATA[unterminated</a>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_auto (Page) page = { 0 };
      g_autoptr (GError) error = NULL;

      page_init (&page);
      g_test_message ("document %u", i);
      g_assert_false (am_xml_parse (&document_handler, &page, docs[i], -1, &error));
      g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE);
      g_assert_false (page.document_ended);
    }
}

static void
test_handler_error_passes_through (void)
{
  static const char doc[] =
    "<R><imagesSet><item><size>twelve</size></item><item><imageId>late</imageId></item>"
    "</imagesSet></R>";
  g_auto (Page) page = { 0 };
  g_autoptr (GError) error = NULL;

  page_init (&page);
  g_assert_false (am_xml_parse (&document_handler, &page, doc, -1, &error));
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE);
  g_assert_nonnull (strstr (error->message, "twelve"));
  /* Parsing stopped at the failure: the second item was never read. */
  g_assert_cmpuint (page.images->len, ==, 1);
  g_assert_false (page.document_ended);
}

static void
test_feed_after_error (void)
{
  g_autoptr (AmXmlReader) reader = NULL;
  g_auto (Page) page = { 0 };
  g_autoptr (GError) error = NULL;

  page_init (&page);
  reader = am_xml_reader_new (&document_handler, &page);
  g_assert_false (am_xml_reader_feed (reader, "<a></b>", -1, &error));
  g_clear_error (&error);
  g_assert_false (am_xml_reader_feed (reader, "<a/>", -1, &error));
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE);
  g_clear_error (&error);
  g_assert_false (am_xml_reader_finish (reader, &error));
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE);
}

/* A leaf's child elements are skipped; only its own text counts. A frame without `start`
 * skips everything. */
static gboolean
leaf_text (AmXmlReader *reader,
           const char  *element,
           const char  *text,
           gsize        text_len,
           gpointer     data,
           GError     **error)
{
  GString *out = data;

  g_string_append_printf (out, "[%s=%s@%u]", element, text, am_xml_reader_get_depth (reader));
  return TRUE;
}

static gboolean
leaf_start (AmXmlReader *reader,
            const char  *element,
            gpointer     data,
            GError     **error)
{
  return TRUE;
}

static const AmXmlHandler leaf_handler = { leaf_start, leaf_text, NULL };
static const AmXmlHandler skip_all_handler = { NULL, leaf_text, NULL };

static void
test_leaf_and_skip (void)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;

  am_xml_parse (&leaf_handler, out, "<root>a<child>b</child>c</root>", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out->str, ==, "[root=ac@0]");

  g_string_truncate (out, 0);
  am_xml_parse (&skip_all_handler, out, "<root><x>1</x></root>", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (out->str, ==, "");
}

static void
test_scalars (void)
{
  gboolean b = FALSE;
  gint64 n = 0;
  g_autofree char *escaped = am_xml_escape ("a&b<c>\"d'");

  g_assert_true (am_xml_parse_boolean ("true", &b));
  g_assert_true (b);
  g_assert_true (am_xml_parse_boolean (" false\n", &b));
  g_assert_false (b);
  g_assert_false (am_xml_parse_boolean ("yes", &b));
  g_assert_false (am_xml_parse_boolean (NULL, &b));

  g_assert_true (am_xml_parse_int64 ("9223372036854775807", &n));
  g_assert_cmpint (n, ==, G_MAXINT64);
  g_assert_false (am_xml_parse_int64 ("9223372036854775808", &n));
  g_assert_false (am_xml_parse_int64 ("12abc", &n));
  g_assert_false (am_xml_parse_int64 ("", &n));

  g_assert_cmpstr (escaped, ==, "a&amp;b&lt;c&gt;&quot;d&apos;");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml-reader/nested", test_nested);
  g_test_add_func ("/xml-reader/namespace-prefixes", test_namespace_prefixes);
  g_test_add_func ("/xml-reader/every-split", test_every_split);
  g_test_add_func ("/xml-reader/byte-by-byte", test_byte_by_byte);
  g_test_add_func ("/xml-reader/truncated", test_truncated);
  g_test_add_func ("/xml-reader/malformed", test_malformed);
  g_test_add_func ("/xml-reader/handler-error", test_handler_error_passes_through);
  g_test_add_func ("/xml-reader/feed-after-error", test_feed_after_error);
  g_test_add_func ("/xml-reader/leaf-and-skip", test_leaf_and_skip);
  g_test_add_func ("/xml-reader/scalars", test_scalars);

  return g_test_run ();
}
