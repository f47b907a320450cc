/* test-images-families.c: the Images list marks the newest image of each family, and filters to them
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-images-families"

#include "config.h"

#include "am-copy-image-request.h"
#include "am-ec2-parse-private.h"
#include "am-image-cell.h"
#include "am-images-view-private.h"
#include "am-test-families.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"

/* The Name cells on screen: name → badge ("" for none). */
static GHashTable *
name_cells (AmImagesView *view)
{
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GtkColumnViewColumn *column = _am_images_view_get_column (view, AM_IMAGE_COLUMN_NAME);
  GtkWidget *widget = GTK_WIDGET (gtk_column_view_column_get_column_view (column));
  GtkWidget *next;

  /* Depth first over the column view; Name cells are the ones whose text is a listed name. */
  while (widget != NULL)
    {
      if (AM_IS_IMAGE_CELL (widget) && gtk_widget_get_mapped (widget))
        {
          const char *text = am_image_cell_get_text (AM_IMAGE_CELL (widget));
          const char *badge = am_image_cell_get_badge (AM_IMAGE_CELL (widget));

          if (text != NULL && (g_str_has_prefix (text, "cleanup-") || g_str_has_prefix (text, "alice-")))
            g_hash_table_replace (cells, g_strdup (text), g_strdup (badge != NULL ? badge : ""));
        }
      next = gtk_widget_get_first_child (widget);
      if (next == NULL)
        {
          GtkWidget *root = GTK_WIDGET (gtk_column_view_column_get_column_view (column));

          while (widget != root && gtk_widget_get_next_sibling (widget) == NULL)
            widget = gtk_widget_get_parent (widget);
          next = widget != root ? gtk_widget_get_next_sibling (widget) : NULL;
        }
      widget = next;
    }
  return cells;
}

/* The ids the list shows, in a set. */
static GHashTable *
listed_ids (AmImagesView *view)
{
  GListModel *model = G_LIST_MODEL (_am_images_view_get_list_model (view));
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (model, i);

      g_hash_table_add (ids, g_strdup (am_image_get_image_id (image)));
    }
  return ids;
}

static gboolean
twelve_listed (gpointer data)
{
  return am_ui_test_images_loaded (data) && am_ui_test_images_n_rows (data) == 12;
}

/* A copy of @image_id in its own region named @name (a newer member of @image_id's family). */
static void
copy_as (AmEc2Client *client,
         const char  *image_id,
         const char  *name)
{
  g_autoptr (AmCopyImageRequest) request = am_copy_image_request_new (image_id, am_ec2_client_get_region (client), name);
  g_autoptr (GError) error = NULL;
  g_autofree char *new_id = NULL;
  AmUiTestWait wait = { NULL };

  am_ec2_client_copy_image_async (client, request, FALSE, NULL, am_ui_test_wait_cb, &wait);
  g_assert_true (am_ec2_client_copy_image_finish (client, am_ui_test_wait_for_result (&wait, 20000), &new_id, NULL,
                                                  &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);
}

/*
 * Three families of three owned images (cleanup-app-2026-01-0N, cleanup-db-v1.N.0,
 * cleanup-cache 2026010N) besides two images alone in theirs: the Name cells mark exactly the
 * third of each family "Newest"; Newest of Each Family in the filter popover leaves those three
 * and the two single images, none of the six older ones.
 */
static void
test_families (void)
{
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (NULL);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  g_autoptr (GPtrArray) ids = am_test_families_seed (am_session_get_client (session));
  const char *newest[] = { "cleanup-app-2026-01-03", "cleanup-db-v1.3.0", "cleanup-cache 20260103", NULL };
  g_autoptr (GHashTable) cells = NULL;
  g_autoptr (GHashTable) shown = NULL;
  AmImagesView *view;
  GtkWindow *window = am_ui_test_images_window (session, AM_IMAGES_SCOPE_OWNED, &view);
  AmImageListModel *list = _am_images_view_get_list_model (view);
  GHashTableIter iter;
  gpointer key, value;
  guint n_marked = 0;
  GtkWidget *check;

  g_assert_cmpuint (am_ui_test_images_n_rows (view), ==, 11);
  am_ui_test_iterate ();
  cells = name_cells (view);
  g_assert_cmpuint (g_hash_table_size (cells), ==, 11);
  g_hash_table_iter_init (&iter, cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_test_message ("%s: %s", (char *) key, (char *) value);
      if (g_strv_contains (newest, key))
        g_assert_cmpstr (value, ==, "Newest");
      else
        g_assert_cmpstr (value, ==, "");
      n_marked += ((char *) value)[0] != '\0';
    }
  g_assert_cmpuint (n_marked, ==, 3);
  am_ui_test_screenshot_light_dark (GTK_WIDGET (window), "images-family-newest", 300);

  /* The filter, through the popover's check. */
  gtk_popover_popup (GTK_POPOVER (view->filter_popover));
  am_ui_test_iterate ();
  check = am_ui_test_get_widget (GTK_WIDGET (view->filter_popover), GTK_TYPE_CHECK_BUTTON, "newest-only");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  am_ui_test_iterate ();
  am_ui_test_screenshot_light_dark (GTK_WIDGET (view->filter_popover), "images-family-filter", 200);
  shown = listed_ids (view);
  g_assert_cmpuint (g_hash_table_size (shown), ==, 5);
  for (guint f = 0; f < 3; f++)
    for (guint n = 0; n < 3; n++)
      g_assert_true (g_hash_table_contains (shown, ids->pdata[f * 3 + n]) == (n == 2));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_true (am_image_list_model_is_family_newest (list, image)
                     == g_strv_contains (newest, am_image_get_name (image)));
    }

  /* Off again: all eleven. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  am_ui_test_iterate ();
  gtk_popover_popdown (GTK_POPOVER (view->filter_popover));
  g_assert_cmpuint (am_ui_test_images_n_rows (view), ==, 11);

  /* A newer member of the app family arrives with a refresh: the badge moves to it from the
   * cell of the one it replaces, which stays on screen. */
  copy_as (am_session_get_client (session), ids->pdata[2], "cleanup-app-2026-01-04");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "images.refresh", NULL));
  g_assert_true (am_ui_test_wait_until (twelve_listed, view, 30000));
  am_ui_test_iterate ();
  g_clear_pointer (&cells, g_hash_table_unref);
  cells = name_cells (view);
  g_assert_cmpstr (g_hash_table_lookup (cells, "cleanup-app-2026-01-04"), ==, "Newest");
  g_assert_cmpstr (g_hash_table_lookup (cells, "cleanup-app-2026-01-03"), ==, "");
  g_assert_cmpstr (g_hash_table_lookup (cells, "cleanup-db-v1.3.0"), ==, "Newest");

  gtk_window_destroy (window);
  am_ui_test_iterate ();
}

static guint
store_n (GListStore *store)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store));
}

/* Images named and made as given ("name@YYYY-MM-DD"), owned by one account. */
static GPtrArray *
make_images (const char * const *specs)
{
  g_autoptr (GString) xml = g_string_new ("<DescribeImagesResponse><imagesSet>");
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  const char *path[] = { "imagesSet", NULL };
  static guint serial;
  GPtrArray *images;

  for (guint i = 0; specs[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (specs[i], "@", 2);

      g_string_append_printf (xml, "<item><imageId>ami-%017x</imageId><imageState>available</imageState>"
                              "<imageOwnerId>111122223333</imageOwnerId><name>%s</name>"
                              "<creationDate>%sT10:00:00.000Z</creationDate></item>", ++serial, parts[0], parts[1]);
    }
  g_string_append (xml, "</imagesSet></DescribeImagesResponse>");
  body = g_bytes_new (xml->str, xml->len);
  images = _am_ec2_parse_list (body, _am_image_get_model_info (), path, NULL, &error);
  g_assert_no_error (error);
  return images;
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
record_change_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static guint
position_of (GListModel *model,
             AmImage    *image)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (AmImage) item = g_list_model_get_item (model, i);

      if (item == image)
        return i;
    }
  g_assert_not_reached ();
}

/*
 * While a listing loads page by page, a later page brings a newer member of a family whose
 * newest so far is already shown: the list tells its views that row changed (its badge goes),
 * and Newest of Each Family keeps the new one only.
 */
static void
test_model_pages (void)
{
  const char *page1[] = { "web-2026-01-01@2026-01-01", "web-2026-01-02@2026-01-02", "solo@2025-06-01", NULL };
  const char *page2[] = { "web-2026-01-03@2026-01-03", NULL };
  g_autoptr (GListStore) store = g_list_store_new (AM_TYPE_IMAGE);
  g_autoptr (AmImageListModel) list = am_image_list_model_new ();
  g_autoptr (GPtrArray) first = make_images (page1);
  g_autoptr (GPtrArray) second = make_images (page2);
  g_autoptr (GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  AmImage *older;
  gboolean announced = FALSE;
  guint position;

  am_image_list_model_set_source (list, G_LIST_MODEL (store));
  am_image_list_model_set_sort_deferred (list, TRUE);
  g_list_store_splice (store, 0, 0, first->pdata, first->len);
  older = first->pdata[1];
  g_assert_true (am_image_list_model_is_family_newest (list, older));
  g_assert_false (am_image_list_model_is_family_newest (list, first->pdata[0]));
  /* Alone in its family: no badge. */
  g_assert_false (am_image_list_model_is_family_newest (list, first->pdata[2]));

  position = position_of (G_LIST_MODEL (list), older);
  g_signal_connect (list, "items-changed", G_CALLBACK (record_change_cb), changes);
  g_list_store_splice (store, store_n (store), 0, second->pdata, second->len);
  g_assert_true (am_image_list_model_is_family_newest (list, second->pdata[0]));
  g_assert_false (am_image_list_model_is_family_newest (list, older));
  for (guint i = 0; i < changes->len; i++)
    {
      Change *c = &g_array_index (changes, Change, i);

      announced |= c->position <= position && position < c->position + c->removed && c->removed == c->added;
    }
  g_assert_true (announced);

  am_image_list_model_set_sort_deferred (list, FALSE);
  am_image_list_model_set_newest_only (list, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_signal_handlers_disconnect_by_data (list, changes);
}

int
main (int    argc,
      char **argv)
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/images/families/model-pages", test_model_pages);
  g_test_add_func ("/images/families", test_families);

  return g_test_run ();
}
