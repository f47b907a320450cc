/* test-images-memory.c: the Images view keeps its shown columns and its sort between runs
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-images-memory"

#include "config.h"

#include "am-image-list-model.h"
#include "am-images-view-private.h"
#include "am-ui-test.h"

static gboolean
shown (AmImagesView  *view,
       AmImageColumn  column)
{
  return gtk_column_view_column_get_column_view (_am_images_view_get_column (view, column)) != NULL;
}

static AmImagesView *
new_view (GtkWindow **window)
{
  GtkWidget *view = am_images_view_new ();

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 1280, 800);
  gtk_window_set_child (*window, view);
  gtk_window_present (*window);
  am_ui_test_iterate ();
  return AM_IMAGES_VIEW (view);
}

/* Hide Owner, show Visibility, sort by Name A→Z: a new view (the next run) opens the same way. */
static void
test_columns_and_sort_kept (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GtkWindow *window;
  AmImagesView *view;
  AmImageListModel *list;

  g_settings_reset (settings, "image-columns");
  g_settings_reset (settings, "image-sort");
  g_settings_reset (settings, "image-sort-descending");

  view = new_view (&window);
  g_assert_true (shown (view, AM_IMAGE_COLUMN_OWNER));
  g_assert_false (shown (view, AM_IMAGE_COLUMN_VISIBILITY));
  list = _am_images_view_get_list_model (view);
  g_assert_cmpint (am_image_list_model_get_sort_column (list), ==, AM_IMAGE_COLUMN_CREATED);

  /* as the column menu does: each entry toggles its column */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "columns.owner", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "columns.visibility", NULL));
  gtk_column_view_sort_by_column (_am_images_view_get_column_view (view),
                                  _am_images_view_get_column (view, AM_IMAGE_COLUMN_NAME),
                                  GTK_SORT_ASCENDING);
  am_ui_test_iterate ();
  g_assert_false (shown (view, AM_IMAGE_COLUMN_OWNER));
  g_assert_true (shown (view, AM_IMAGE_COLUMN_VISIBILITY));
  gtk_window_destroy (window);
  am_ui_test_iterate ();

  /* the next run */
  view = new_view (&window);
  g_assert_false (shown (view, AM_IMAGE_COLUMN_OWNER));
  g_assert_true (shown (view, AM_IMAGE_COLUMN_VISIBILITY));
  g_assert_true (shown (view, AM_IMAGE_COLUMN_NAME));
  list = _am_images_view_get_list_model (view);
  g_assert_cmpint (am_image_list_model_get_sort_column (list), ==, AM_IMAGE_COLUMN_NAME);
  g_assert_false (am_image_list_model_get_sort_descending (list));
  gtk_window_destroy (window);
  am_ui_test_iterate ();

  /* a list naming no column it knows means the defaults, not an empty view */
  {
    const char *junk[] = { "no-such-column", NULL };

    g_settings_set_strv (settings, "image-columns", junk);
  }
  view = new_view (&window);
  g_assert_true (shown (view, AM_IMAGE_COLUMN_OWNER));
  g_assert_true (shown (view, AM_IMAGE_COLUMN_CREATED));
  gtk_window_destroy (window);
  am_ui_test_iterate ();

  g_settings_reset (settings, "image-columns");
  g_settings_reset (settings, "image-sort");
  g_settings_reset (settings, "image-sort-descending");
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/images-memory/columns-and-sort-kept", test_columns_and_sort_kept);

  return g_test_run ();
}
