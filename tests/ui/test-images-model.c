/* test-images-model.c: the Images view's filtered, sorted, selectable list
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-images-model"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "am-ec2-parse-private.h"
#include "am-image-list-model.h"
#include "test-images-common.h"

#define N_IMAGES 300

static AmImageListModel *
new_model (GListStore **store_out)
{
  g_autoptr (GListStore) store = test_images_make_store (N_IMAGES);
  AmImageListModel *list = am_image_list_model_new ();

  am_image_list_model_set_source (list, G_LIST_MODEL (store));
  test_images_watch_model (G_LIST_MODEL (list));
  if (store_out != NULL)
    *store_out = g_steal_pointer (&store);

  return list;
}

static AmImage *
nth (AmImageListModel *list,
     guint             i)
{
  AmImage *image = g_list_model_get_item (G_LIST_MODEL (list), i);

  g_object_unref (image);   /* the source keeps it alive */
  return image;
}

static guint
count_matching (GListModel *source,
                gboolean  (*pred) (AmImage *image, gpointer data),
                gpointer    data)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (source); i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (source, i);

      n += pred (image, data);
    }
  return n;
}

static gboolean
name_contains_ci (AmImage  *image,
                  gpointer  data)
{
  g_autofree char *name = g_ascii_strdown (am_image_get_name (image), -1);
  g_autofree char *desc = g_ascii_strdown (am_image_get_description (image), -1);
  char **words = data;

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (name, words[i]) == NULL && strstr (desc, words[i]) == NULL
        && strstr (am_image_get_image_id (image), words[i]) == NULL)
      return FALSE;
  return TRUE;
}

static void
test_default_sort (void)
{
  g_autoptr (AmImageListModel) list = new_model (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_assert_cmpuint (n, ==, N_IMAGES);
  g_assert_cmpint (am_image_list_model_get_sort_column (list), ==, AM_IMAGE_COLUMN_CREATED);
  g_assert_true (am_image_list_model_get_sort_descending (list));
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (am_image_get_creation_time (nth (list, i - 1)), >=, am_image_get_creation_time (nth (list, i)));
}

static void
test_search (void)
{
  g_autoptr (GListStore) store = NULL;
  g_autoptr (AmImageListModel) list = new_model (&store);
  const char *queries[] = { "u", "ub", "ubuntu", "UBUNTU jam", "ubuntu 22.04-1", "debian", "deb", "", "NUMBER 1", "ami-0000000000000000a", "zzz", "" };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *lower = g_ascii_strdown (queries[q], -1);
      g_auto (GStrv) split = g_strsplit_set (lower, " ", -1);
      g_autoptr (GPtrArray) words = g_ptr_array_new ();
      guint expected;
      guint n;

      /* Empty words match everything, as in the model. */
      for (guint i = 0; split[i] != NULL; i++)
        if (split[i][0] != '\0')
          g_ptr_array_add (words, split[i]);
      g_ptr_array_add (words, NULL);

      expected = count_matching (G_LIST_MODEL (store), name_contains_ci, words->pdata);
      am_image_list_model_set_query (list, queries[q]);
      n = g_list_model_get_n_items (G_LIST_MODEL (list));
      g_test_message ("query '%s': %u rows", queries[q], n);
      g_assert_cmpuint (n, ==, expected);
      for (guint i = 0; i < n; i++)
        g_assert_true (name_contains_ci (nth (list, i), words->pdata));
      /* Still sorted after a narrowing (stricter) filter. */
      for (guint i = 1; i < n; i++)
        g_assert_cmpint (am_image_get_creation_time (nth (list, i - 1)), >=, am_image_get_creation_time (nth (list, i)));
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_IMAGES);
}

static gboolean
facets_match (AmImage  *image,
              gpointer  data)
{
  return g_strcmp0 (am_image_get_architecture (image), "arm64") == 0
         && g_strcmp0 (am_image_get_root_device_type (image), "ebs") == 0
         && !am_image_get_is_deprecated (image);
}

static gboolean
tag_web_windows (AmImage  *image,
                 gpointer  data)
{
  AmTag * const *tags = am_image_get_tags (image);

  return g_strcmp0 (am_image_get_platform_details (image), "Windows") == 0
         && tags[0] != NULL && g_strcmp0 (am_tag_get_value (tags[0]), "web") == 0;
}

static void
test_facets (void)
{
  g_autoptr (GListStore) store = NULL;
  g_autoptr (AmImageListModel) list = new_model (&store);
  g_autoptr (GHashTable) counts = NULL;
  const char *arm[] = { "arm64", NULL };
  const char *ebs[] = { "ebs", NULL };
  const char *windows[] = { "Windows", NULL };
  guint n;

  counts = am_image_list_model_count_facet (list, AM_IMAGE_FACET_ARCHITECTURE);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, g_intern_string ("arm64"))), ==, N_IMAGES / 4);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, g_intern_string ("x86_64"))), ==, N_IMAGES / 2);

  am_image_list_model_set_facet (list, AM_IMAGE_FACET_ARCHITECTURE, arm);
  am_image_list_model_set_facet (list, AM_IMAGE_FACET_ROOT_DEVICE, ebs);
  am_image_list_model_set_deprecated (list, AM_IMAGE_DEPRECATED_HIDE);
  g_assert_true (am_image_list_model_has_filters (list));
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, ==, count_matching (G_LIST_MODEL (store), facets_match, NULL));
  for (guint i = 0; i < n; i++)
    g_assert_true (facets_match (nth (list, i), NULL));

  am_image_list_model_set_deprecated (list, AM_IMAGE_DEPRECATED_ONLY);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_assert_true (am_image_get_is_deprecated (nth (list, i)));

  am_image_list_model_clear_filters (list);
  g_assert_false (am_image_list_model_has_filters (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_IMAGES);

  am_image_list_model_set_facet (list, AM_IMAGE_FACET_PLATFORM, windows);
  am_image_list_model_set_tag (list, "team", "web");
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, ==, count_matching (G_LIST_MODEL (store), tag_web_windows, NULL));
  am_image_list_model_set_tag (list, "nosuchkey", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

/* Only <platform>windows</platform> means Windows: another server's "linux" or "Linux/UNIX"
 * (with no platformDetails to say better) is Linux/UNIX, in the facet and the Platform column. */
static void
test_platform_only_windows (void)
{
  const char *xml =
    "<DescribeImagesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><imagesSet>"
    "<item><imageId>ami-00000000000000001</imageId><name>win</name><platform>windows</platform></item>"
    "<item><imageId>ami-00000000000000002</imageId><name>lin</name><platform>linux</platform></item>"
    "<item><imageId>ami-00000000000000003</imageId><name>unix</name><platform>Linux/UNIX</platform></item>"
    "<item><imageId>ami-00000000000000004</imageId><name>none</name></item>"
    "</imagesSet></DescribeImagesResponse>";
  const char *path[] = { "imagesSet", NULL };
  const char *expected[] = { "Windows", "Linux/UNIX", "Linux/UNIX", "Linux/UNIX" };
  g_autoptr (GBytes) body = g_bytes_new_static (xml, strlen (xml));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) images = _am_ec2_parse_list (body, _am_image_get_model_info (), path, NULL, &error);
  g_autoptr (GListStore) store = g_list_store_new (AM_TYPE_IMAGE);
  g_autoptr (AmImageListModel) list = am_image_list_model_new ();
  g_autoptr (GHashTable) counts = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, 4);
  for (guint i = 0; i < images->len; i++)
    {
      AmImage *image = g_ptr_array_index (images, i);

      g_assert_cmpstr (am_image_list_model_get_facet_value (image, AM_IMAGE_FACET_PLATFORM), ==, expected[i]);
      g_assert_true (am_image_is_windows (image) == (i == 0));
    }
  g_list_store_splice (store, 0, 0, images->pdata, images->len);
  am_image_list_model_set_source (list, G_LIST_MODEL (store));
  counts = am_image_list_model_count_facet (list, AM_IMAGE_FACET_PLATFORM);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, g_intern_string ("Windows"))), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, g_intern_string ("Linux/UNIX"))), ==, 3);
}

static int
compare_column (AmImage       *a,
                AmImage       *b,
                AmImageColumn  column)
{
  switch (column)
    {
    case AM_IMAGE_COLUMN_ID:
      return strcmp (am_image_get_image_id (a), am_image_get_image_id (b));
    case AM_IMAGE_COLUMN_NAME:
      return g_ascii_strcasecmp (am_image_get_name (a), am_image_get_name (b));
    case AM_IMAGE_COLUMN_ARCHITECTURE:
      return strcmp (am_image_get_architecture (a), am_image_get_architecture (b));
    case AM_IMAGE_COLUMN_CREATED:
      return (am_image_get_creation_time (a) > am_image_get_creation_time (b))
             - (am_image_get_creation_time (a) < am_image_get_creation_time (b));
    case AM_IMAGE_COLUMN_STATE:
      return strcmp (am_image_get_state (a), am_image_get_state (b));
    case AM_IMAGE_COLUMN_BOOT_MODE:
      return strcmp (am_image_get_boot_mode (a), am_image_get_boot_mode (b));
    default:
      return 0;
    }
}

static void
test_sort (void)
{
  g_autoptr (AmImageListModel) list = new_model (NULL);
  AmImageColumn columns[] = { AM_IMAGE_COLUMN_ID, AM_IMAGE_COLUMN_NAME, AM_IMAGE_COLUMN_ARCHITECTURE,
                              AM_IMAGE_COLUMN_CREATED, AM_IMAGE_COLUMN_STATE, AM_IMAGE_COLUMN_BOOT_MODE };

  am_image_list_model_set_query (list, "e");
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    for (guint desc = 0; desc < 2; desc++)
      {
        guint n;

        am_image_list_model_set_sort (list, columns[c], desc);
        n = g_list_model_get_n_items (G_LIST_MODEL (list));
        g_assert_cmpuint (n, >, 10);
        for (guint i = 1; i < n; i++)
          {
            int r = compare_column (nth (list, i - 1), nth (list, i), columns[c]);

            g_assert_cmpint (desc ? -r : r, <=, 0);
            /* Ties, in either direction: newest first. */
            if (r == 0)
              g_assert_cmpint (am_image_get_creation_time (nth (list, i - 1)), >=,
                               am_image_get_creation_time (nth (list, i)));
          }
      }

  /* Every other column sorts without losing rows. */
  for (guint c = 0; c < AM_IMAGE_N_COLUMNS; c++)
    {
      am_image_list_model_set_sort (list, c, FALSE);
      am_image_list_model_set_query (list, "");
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_IMAGES);
      am_image_list_model_set_query (list, "e");
    }
}

static void
test_source_changes (void)
{
  g_autoptr (GListStore) store = g_list_store_new (AM_TYPE_IMAGE);
  g_autoptr (GPtrArray) images = test_images_make (N_IMAGES);
  g_autoptr (AmImageListModel) list = am_image_list_model_new ();
  guint n;

  am_image_list_model_set_source (list, G_LIST_MODEL (store));
  test_images_watch_model (G_LIST_MODEL (list));

  /* Pages arrive while loading: appended unsorted, one items-changed each. */
  am_image_list_model_set_sort_deferred (list, TRUE);
  am_image_list_model_set_query (list, "debian");
  for (guint i = 0; i < N_IMAGES; i += 50)
    g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0, images->pdata + i, 50);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, N_IMAGES / 6);
  /* Arrival order while deferred. */
  for (guint i = 1; i < n; i++)
    g_assert_cmpstr (am_image_get_image_id (nth (list, i - 1)), <, am_image_get_image_id (nth (list, i)));

  am_image_list_model_set_sort_deferred (list, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (am_image_get_creation_time (nth (list, i - 1)), >=, am_image_get_creation_time (nth (list, i)));

  /* A refresh removes and replaces images: applied once, in an idle. */
  g_list_store_remove (store, 1);    /* debian-1 */
  g_list_store_remove (store, 0);    /* ubuntu-0 */
  g_list_store_splice (store, 5, 1, NULL, 0);   /* debian-7 */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  am_image_list_model_set_query (list, "debian");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n - 2);

  am_image_list_model_set_source (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (am_image_list_model_get_n_total (list), ==, 0);
}

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static void
test_selection (void)
{
  g_autoptr (AmImageListModel) list = new_model (NULL);
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (list);
  g_autoptr (GPtrArray) selected = NULL;
  g_autoptr (GtkBitset) bitset = NULL;
  AmImage *first;
  guint n_changes = 0;

  g_signal_connect_swapped (selection, "selection-changed", G_CALLBACK (count_cb), &n_changes);

  first = nth (list, 0);
  g_assert_true (gtk_selection_model_select_item (selection, 0, TRUE));
  g_assert_true (gtk_selection_model_is_selected (selection, 0));
  g_assert_false (gtk_selection_model_is_selected (selection, 1));
  g_assert_true (gtk_selection_model_select_range (selection, 2, 3, FALSE));
  g_assert_cmpuint (am_image_list_model_get_n_selected (list), ==, 4);
  g_assert_cmpuint (n_changes, ==, 2);
  bitset = gtk_selection_model_get_selection (selection);
  g_assert_cmpuint (gtk_bitset_get_size (bitset), ==, 4);
  g_assert_true (gtk_bitset_contains (bitset, 4));

  g_assert_true (gtk_selection_model_unselect_item (selection, 3));
  g_assert_cmpuint (am_image_list_model_get_n_selected (list), ==, 3);

  /* Only the first stays selected when a search keeps it alone. */
  am_image_list_model_set_query (list, am_image_get_image_id (first));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  selected = am_image_list_model_get_selected_images (list);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_true (selected->pdata[0] == first);
  g_assert_true (gtk_selection_model_is_selected (selection, 0));

  /* Hidden rows are unselected: clearing the search does not bring them back selected. */
  am_image_list_model_set_query (list, "");
  g_assert_cmpuint (am_image_list_model_get_n_selected (list), ==, 1);

  g_assert_true (gtk_selection_model_select_all (selection));
  g_assert_cmpuint (am_image_list_model_get_n_selected (list), ==, N_IMAGES);
  g_assert_true (gtk_selection_model_unselect_all (selection));
  g_assert_cmpuint (am_image_list_model_get_n_selected (list), ==, 0);
}

/* What a selection-changed told, and the selection before the change. */
typedef struct
{
  guint position;
  guint n_items;
  guint n_signals;
  gboolean before[N_IMAGES];
} SpanCheck;

static void
span_changed_cb (GtkSelectionModel *selection,
                 guint              position,
                 guint              n_items,
                 SpanCheck         *check)
{
  check->position = position;
  check->n_items = n_items;
  check->n_signals++;
}

static void
span_remember (GtkSelectionModel *selection,
               SpanCheck         *check)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    check->before[i] = gtk_selection_model_is_selected (selection, i);
  check->n_signals = 0;
}

/* Every row whose state changed lies in what the signal told, which is at most @max_span long. */
static void
span_assert (GtkSelectionModel *selection,
             SpanCheck         *check,
             guint              max_span)
{
  g_assert_cmpuint (check->n_signals, ==, 1);
  g_assert_cmpuint (check->n_items, <=, max_span);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    if (gtk_selection_model_is_selected (selection, i) != check->before[i])
      {
        g_assert_cmpuint (i, >=, check->position);
        g_assert_cmpuint (i, <, check->position + check->n_items);
      }
}

/* A click tells the list only about the rows it changed, not all of them (at 100,000 rows,
 * telling all was a sixth of the time from a click to the painted details). */
static void
test_selection_span (void)
{
  g_autoptr (AmImageListModel) list = new_model (NULL);
  GtkSelectionModel *selection = GTK_SELECTION_MODEL (list);
  SpanCheck check = { 0 };

  g_signal_connect (selection, "selection-changed", G_CALLBACK (span_changed_cb), &check);

  span_remember (selection, &check);
  g_assert_true (gtk_selection_model_select_item (selection, 5, TRUE));
  span_assert (selection, &check, 1);

  span_remember (selection, &check);
  g_assert_true (gtk_selection_model_select_item (selection, 9, TRUE));
  span_assert (selection, &check, 5);

  span_remember (selection, &check);
  g_assert_true (gtk_selection_model_select_range (selection, 20, 3, FALSE));
  span_assert (selection, &check, 3);

  /* After a sort the selected rows moved: the next click still tells where they went. */
  am_image_list_model_set_sort (list, AM_IMAGE_COLUMN_ID, TRUE);
  span_remember (selection, &check);
  g_assert_true (gtk_selection_model_select_item (selection, 100, TRUE));
  span_assert (selection, &check, N_IMAGES);
  g_assert_cmpuint (am_image_list_model_get_n_selected (list), ==, 1);

  span_remember (selection, &check);
  g_assert_true (gtk_selection_model_select_item (selection, 102, TRUE));
  span_assert (selection, &check, 3);

  span_remember (selection, &check);
  g_assert_true (gtk_selection_model_unselect_all (selection));
  span_assert (selection, &check, 1);
  g_assert_cmpuint (am_image_list_model_get_n_selected (list), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/images/model/default-sort", test_default_sort);
  g_test_add_func ("/images/model/search", test_search);
  g_test_add_func ("/images/model/facets", test_facets);
  g_test_add_func ("/images/model/platform-only-windows", test_platform_only_windows);
  g_test_add_func ("/images/model/sort", test_sort);
  g_test_add_func ("/images/model/source-changes", test_source_changes);
  g_test_add_func ("/images/model/selection", test_selection);
  g_test_add_func ("/images/model/selection-span", test_selection_span);

  return g_test_run ();
}
