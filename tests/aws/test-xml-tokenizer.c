/* test-xml-tokenizer.c: the XML tokenizer gives GMarkup's events and errors, and no DTDs
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-xml-tokenizer"

#include "config.h"

#include <string.h>

#include "xml-event-log.h"

/* Documents both parsers must read alike: well-formed ones and every way to break one. */
static const char * const cases[] = {
  /* well-formed */
  "<a/>",
  "<a></a>",
  "  \n<a>text</a>\n  ",
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><x>1</x></r>",
  "<r><d>Bob&apos;s &quot;golden&quot; image &lt;v2&gt; &amp; more</d></r>",
  "<r><d>&#65;&#x42;&#x1F600;&#233;&#1;</d></r>",
  "<r><d>line\r\nline\rline\n  indented</d></r>",
  "<r><d a='x&amp;y' b = \"1\"\tc\n=\n'2'>t</d></r>",
  "<r><tagSet/><noDevice /><value></value><k>プロジェクト</k><v>Données</v></r>",
  "<ns:r><ns:x>1</ns:x></ns:r>",
  "<r><![CDATA[<not a tag> & raw]]>after</r>",
  "<r><![CDATA[]]></r>",
  "<r><!-- a comment <b> --><x/><!----><?pi stuff?></r>",
  "<!-- before --><?pi?><r/><!-- after -->\n",
  "<r><x>a</x  ><y\n/></r>",
  "<r><é>x</é><_a.b-c:d/></r>",
  "<r a=\"&#x9;&#xA;&#xD;\" b=\"tab\there\nnl\r\ncr\"/>",
  "<r><x>]]&gt;</x>&gt;></r>",
  "<r>&#0065;&#x0041;</r>",
  /* names and texts longer than the sixteen-byte steps, with what ends each step */
  "<r><blockDeviceMappingSet_x.y-z:1234567890AZaz><deviceNameForTheRootVolume>/dev/xvda and more text</deviceNameForTheRootVolume></blockDeviceMappingSet_x.y-z:1234567890AZaz></r>",
  "<r><abcdefghijklmnopqrstuvwxyzé>x</abcdefghijklmnopqrstuvwxyzé><abcdefghijklmnop@>x</abcdefghijklmnop@></r>",
  "<r><abcdefghijklmnopq/><ABCDEFGHIJKLMNOPQRSTUVWXYZ[]>x</ABCDEFGHIJKLMNOPQRSTUVWXYZ[]></r>",
  "<r><d>a text of more than sixteen bytes &amp; then more plain text after the entity</d><d>sixteen bytes:16\r\nthen a line</d><d>exactly sixteen.</d><d>plain, then non-ASCII: é</d></r>",
  "<r><d>                                        </d>\n                                \n</r>",
  /* malformed */
  "",
  "   \n\t ",
  "<!-- only a comment -->",
  "text<a/>",
  "<a>",
  "<a><b></a>",
  "</a>",
  "<a></b>",
  "<a/><b/>",
  "<a/>trailing",
  "<a>&unknown;</a>",
  "<a>&;</a>",
  "<a>& amp;</a>",
  "<a>&amp</a>",
  "<a>AT&T</a>",
  "<a>&#;</a>",
  "<a>&#xZZ;</a>",
  "<a>&#65</a>",
  "<a>&#0;</a>",
  "<a>&#xD800;</a>",
  "<a>&#xFFFE;</a>",
  "<a>&#x110000;</a>",
  "<a>&#99999999999999999999;</a>",
  "<a><</a>",
  "<a>< b/></a>",
  "<a><1/></a>",
  "<a b></a>",
  "<a b=></a>",
  "<a b=c></a>",
  "<a b=\"c></a>",
  "<a b=\"&bad;\"></a>",
  "<a b=\"<\"></a>",
  "<a / ></a>",
  "<a/ >",
  "<a b=\"1\"c=\"2\"/>",
  "<a></a b>",
  "</>",
  "<a></ a>",
  "<a><![CDATA[unterminated</a>",
  "<a><!-- unterminated</a>",
  "<a><?pi unterminated</a>",
  "<a>\xff\xfe</a>",
  "<a>\xc3</a>",
  "<a\xc3\xa9\xff/>",
  "<a\xff/>",
  "<a \xff/>",
  "<a b=\"\xff\"/>",
  "<\xff/>",
  "<a></a\xff>",
  "<a></a \xff>",
  "<a b\xff=\"1\"/>",
  "<a \xc3\xa9=\"1\"/>",
  "<a \xe2\x82\xac=\"1\"/>",
  "<a>\xe2\x82\xac</a \xe2\x82\xac>",
  "<a><\xe2\x82\xac/></a>",
  "<a><!-- \xff --></a>",
  "<a><?p \xff?></a>",
  "<a><![CDATA[\xff]]></a>",
  "<a/ \xff>",
  "<a b=\"1\" / >",
  "<\xe2\x82\xac/>",
  "<a>\xed\xa0\x80</a>",
  "\xef\xbb\xbf<a/>",
  "<a>x</a>\n<!-- trailing comment",
};

static GPtrArray *
load_inputs (void)
{
  GPtrArray *inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  const char * const dirs[] = { AM_TEST_XML_CORPUS_DIRS, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_ptr_array_add (inputs, g_bytes_new_static (cases[i], strlen (cases[i])));

  /* Every seed of the XML fuzzers. */
  for (guint d = 0; dirs[d] != NULL; d++)
    {
      g_autoptr (GDir) dir = g_dir_open (dirs[d], 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dirs[d], name, NULL);
          char *contents;
          gsize len;

          g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
          g_ptr_array_add (inputs, g_bytes_new_take (contents, len));
        }
    }
  return inputs;
}

static const char *
last_line (const char *log)
{
  const char *p = log + strlen (log) - 1;

  while (p > log && p[-1] != '\n')
    p--;
  return p;
}

static void
test_same_as_gmarkup (void)
{
  g_autoptr (GPtrArray) inputs = load_inputs ();
  guint compared = 0, errors = 0, differ = 0;

  for (guint i = 0; i < inputs->len; i++)
    {
      gsize len;
      const char *data = g_bytes_get_data (inputs->pdata[i], &len);
      g_autofree char *ours = NULL;
      g_autofree char *theirs = NULL;

      if (xml_event_log_differs_on_purpose (data, len))
        continue;
      ours = xml_event_log_tokenizer (data, len, 0);
      theirs = xml_event_log_gmarkup (data, len);
      /* Refused by both for the same reason: GMarkup may have reported one more event before
       * it stopped (the end of an element holding invalid CDATA). */
      if (!g_str_has_suffix (ours, "ok\n") && g_strcmp0 (ours, theirs) != 0
          && strcmp (last_line (ours), last_line (theirs)) == 0
          && strncmp (ours, theirs, last_line (ours) - ours) == 0)
        {
          g_test_message ("input %u: GMarkup reported more events before the same error: %s",
                          i, theirs + (last_line (ours) - ours));
          errors++;
          compared++;
          continue;
        }
      if (g_strcmp0 (ours, theirs) != 0)
        {
          g_test_message ("input %u: %.*s\nours:\n%sGMarkup:\n%s", i, (int) MIN (len, 200), data,
                          ours, theirs);
          differ++;
        }
      compared++;
      errors += g_str_has_suffix (ours, "ok\n") ? 0 : 1;
    }
  g_assert_cmpuint (differ, ==, 0);
  g_test_message ("%u inputs read alike, %u of them refused by both", compared, errors);
  g_assert_cmpuint (errors, >=, 40);
}

/* Any split of the input into chunks gives the same events and verdict. */
static void
test_every_split (void)
{
  g_autoptr (GPtrArray) inputs = load_inputs ();
  const gsize chunks[] = { 1, 2, 3, 5, 8, 13, 64, 4096 };

  for (guint i = 0; i < inputs->len; i++)
    {
      gsize len;
      const char *data = g_bytes_get_data (inputs->pdata[i], &len);
      g_autofree char *whole = xml_event_log_tokenizer (data, len, 0);

      for (guint c = 0; c < G_N_ELEMENTS (chunks); c++)
        {
          g_autofree char *split = xml_event_log_tokenizer (data, len, chunks[c]);

          if (g_strcmp0 (whole, split) != 0)
            g_test_message ("input %u in slices of %zu: %.*s", i, chunks[c],
                            (int) MIN (len, 200), data);
          g_assert_cmpstr (whole, ==, split);
        }
    }
}

/* What GMarkup passed over and we refuse: DTDs (which could define entities or pull in other
 * files) and with them any entity but the predefined ones. */
static void
test_dtd_refused (void)
{
  const char * const dtds[] = {
    "<!DOCTYPE r><r/>",
    "<!DOCTYPE r [<!ENTITY e \"boom\">]><r>&e;</r>",
    "<!DOCTYPE r SYSTEM \"file:///etc/passwd\"><r/>",
    "<r><!ENTITY e \"x\"></r>",
    "<r/><!DOCTYPE r>",
    "<!ELEMENT r ANY><r/>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (dtds); i++)
    for (gsize chunk = 0; chunk < 4; chunk++)
      {
        g_autofree char *log = xml_event_log_tokenizer (dtds[i], strlen (dtds[i]), chunk);

        g_assert_true (g_str_has_suffix (log, "error g-markup-error-quark 2\n"));
        g_assert_null (strstr (log, "boom"));
      }
}

/* GMarkup cuts text short at a NUL byte and accepts the rest; we refuse the document. */
static void
test_nul_refused (void)
{
  const char doc[] = "<r><x>1\0\0</x></r>";
  g_autofree char *log = xml_event_log_tokenizer (doc, sizeof doc - 1, 0);

  g_assert_true (g_str_has_suffix (log, "error g-markup-error-quark 0\n"));
}

/* Entities other than the five predefined ones are refused, inside text and attributes. */
static void
test_unknown_entities_refused (void)
{
  const char * const docs[] = {
    "<r>&e;</r>", "<r>&nbsp;</r>", "<r a=\"&lt;&foo;\"/>", "<r>&#x;</r>", "<r>&AMP;</r>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autofree char *log = xml_event_log_tokenizer (docs[i], strlen (docs[i]), 0);

      g_assert_true (g_str_has_suffix (log, "error g-markup-error-quark 2\n"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml-tokenizer/same-as-gmarkup", test_same_as_gmarkup);
  g_test_add_func ("/xml-tokenizer/every-split", test_every_split);
  g_test_add_func ("/xml-tokenizer/dtd-refused", test_dtd_refused);
  g_test_add_func ("/xml-tokenizer/unknown-entities-refused", test_unknown_entities_refused);
  g_test_add_func ("/xml-tokenizer/nul-refused", test_nul_refused);

  return g_test_run ();
}
