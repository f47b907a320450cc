/* test-images-families.c: the Images list marks the newest image of each family, and filters to them
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-images-families"

#include "config.h"

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

  gtk_window_destroy (window);
  am_ui_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/images/families", test_families);

  return g_test_run ();
}
