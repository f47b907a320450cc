/* test-images-view.c: the Images view against a real sandbox process
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-images-view"

#include "config.h"

#include <string.h>

#include "am-error-state.h"
#include "am-image-cell.h"
#include "am-image-anatomy.h"
#include "am-images-view-private.h"
#include "am-ui-test-sandbox.h"
#include "am-launch-wizard.h"
#include "am-ui-test.h"

typedef struct
{
  AmSandboxProcess *sandbox;
  AmSession *session;
  GtkWindow *window;
  AmImagesView *view;
} Fixture;

static void
screenshot (Fixture    *fixture,
            const char *name)
{
  const char *dir = g_getenv ("AMIABLE_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  path = g_strdup_printf ("%s/images-%s.png", dir, name);
  /* A window that has not painted yet gives no picture: give it a few rounds. */
  for (guint attempt = 0; attempt < 10; attempt++)
    {
      am_ui_test_iterate ();
      if (am_ui_test_screenshot (GTK_WIDGET (fixture->window), path))
        {
          g_test_message ("screenshot %s", path);
          return;
        }
    }
  g_test_message ("no screenshot %s: the window did not paint", path);
}

static void
fixture_start (Fixture            *fixture,
               const char * const *sandbox_args,
               const char         *account)
{
  fixture->sandbox = am_ui_test_sandbox_start (sandbox_args);
  fixture->session = am_ui_test_sandbox_session (fixture->sandbox, account);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1280, 760);
  fixture->view = AM_IMAGES_VIEW (am_images_view_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  am_ui_test_wait_mapped (GTK_WIDGET (fixture->window));
}

static void
fixture_stop (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  am_ui_test_iterate ();
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->sandbox);
}

static AmImage *
row (Fixture *fixture,
     guint    i)
{
  AmImage *image = g_list_model_get_item (G_LIST_MODEL (_am_images_view_get_list_model (fixture->view)), i);

  g_object_unref (image);
  return image;
}

/* The count under the list says "@n_shown of @n_total images". */
static void
check_shown_count (Fixture *fixture,
                   guint    n_shown,
                   guint    n_total)
{
  GtkWidget *label = am_ui_test_get_widget (GTK_WIDGET (fixture->view), GTK_TYPE_LABEL, "shown_count_label");
  g_autofree char *expected = g_strdup_printf ("%u of %u image%s", n_shown, n_total, n_total == 1 ? "" : "s");

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected);
}

static void
type_search (Fixture    *fixture,
             const char *text)
{
  GtkEditable *entry = GTK_EDITABLE (_am_images_view_get_search_entry (fixture->view));
  int position = gtk_editable_get_position (entry);

  /* As typed: one character at a time at the end; the view applies it after its debounce. */
  for (const char *p = text; *p != '\0'; p++)
    gtk_editable_insert_text (entry, p, 1, &position);
  _am_images_view_apply_search (fixture->view);
  am_ui_test_iterate ();
}

static void
test_owned_and_details (void)
{
  Fixture fixture = { 0 };
  AmImageDetails *details;
  AmImage *image;
  fixture_start (&fixture, NULL, "alice");
  g_assert_cmpstr (_am_images_view_get_state (fixture.view), ==, "no-session");
  screenshot (&fixture, "no-session");

  am_images_view_set_session (fixture.view, fixture.session);
  g_assert_true (am_images_view_get_session (fixture.view) == fixture.session);
  am_ui_test_images_wait_loaded (fixture.view);
  g_test_message ("state %s rows %u total %u", _am_images_view_get_state (fixture.view),
                  am_ui_test_images_n_rows (fixture.view),
                  am_image_list_model_get_n_total (_am_images_view_get_list_model (fixture.view)));
  g_assert_cmpstr (_am_images_view_get_state (fixture.view), ==, "list");
  g_assert_cmpuint (am_ui_test_images_n_rows (fixture.view), ==, 2);
  for (guint i = 0; i < am_ui_test_images_n_rows (fixture.view); i++)
    g_assert_true (g_str_has_prefix (am_image_get_name (row (&fixture, i)), "alice-"));
  /* Newest first by default. */
  g_assert_cmpint (am_image_get_creation_time (row (&fixture, 0)), >=, am_image_get_creation_time (row (&fixture, 1)));
  screenshot (&fixture, "list");

  /* Selecting a row fills the details pane with its fields and its anatomy. */
  details = _am_images_view_get_details (fixture.view);
  image = row (&fixture, 1);
  gtk_selection_model_select_item (_am_images_view_get_selection (fixture.view), 1, TRUE);
  am_ui_test_iterate ();
  g_assert_true (am_image_details_get_image (details) == image);
  g_assert_cmpstr (am_image_details_get_field (details, "Image ID"), ==, am_image_get_image_id (image));
  g_assert_cmpstr (am_image_details_get_field (details, "Name"), ==, am_image_get_name (image));
  g_assert_cmpstr (am_image_details_get_field (details, "Architecture"), ==, am_image_get_architecture (image));
  g_assert_cmpstr (am_image_details_get_field (details, "Visibility"), ==, "Private");
  {
    AmImageAnatomy *anatomy = AM_IMAGE_ANATOMY (am_ui_test_find_widget (GTK_WIDGET (details), AM_TYPE_IMAGE_ANATOMY, NULL));

    g_assert_nonnull (anatomy);
    g_assert_nonnull (strstr (am_image_anatomy_get_summary (anatomy), "Root volume"));
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (anatomy)), >, 100);
  }
  /* The owner's launch permissions arrive from DescribeImageAttribute. */
  am_ui_test_iterate ();
  g_usleep (200000);
  am_ui_test_iterate ();
  screenshot (&fixture, "details");

  /* Keyboard: Ctrl+C (images.copy-id) puts the selected image's ID on the clipboard, Ctrl+F
   * (images.focus-search) focuses the search entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "images.copy-id", NULL));
  {
    GdkContentProvider *content = gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (fixture.view)));
    GValue value = G_VALUE_INIT;

    g_assert_nonnull (content);
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
    g_assert_cmpstr (g_value_get_string (&value), ==, am_image_get_image_id (image));
    g_value_unset (&value);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "images.focus-search", NULL));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture.window)),
                                         GTK_WIDGET (_am_images_view_get_search_entry (fixture.view))));
  /* Launch Instance hands the selected image to the launch wizard. */
  {
    GtkWidget *launch = am_ui_test_find_widget (GTK_WIDGET (details), GTK_TYPE_BUTTON, "_Launch Instance");
    GtkWidget *wizard;

    g_assert_nonnull (launch);
    g_assert_true (gtk_widget_is_sensitive (launch));
    g_signal_emit_by_name (launch, "clicked");
    wizard = am_ui_test_wait_for_window_of_type (AM_TYPE_LAUNCH_WIZARD);
    g_assert_nonnull (wizard);
    g_assert_true (am_launch_request_get_image (am_launch_wizard_get_request (AM_LAUNCH_WIZARD (wizard))) == image);
    gtk_window_destroy (GTK_WINDOW (wizard));
    am_ui_test_iterate ();
  }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  am_ui_test_iterate ();
  screenshot (&fixture, "details-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* Several selected: a summary instead of one image. */
  gtk_selection_model_select_all (_am_images_view_get_selection (fixture.view));
  am_ui_test_iterate ();
  g_assert_null (am_image_details_get_image (details));

  fixture_stop (&fixture);
}

static void
test_scopes_search_facets_sort (void)
{
  Fixture fixture = { 0 };
  guint n_amazon;
  guint n;

  fixture_start (&fixture, NULL, "alice");
  am_images_view_set_session (fixture.view, fixture.session);
  am_ui_test_images_wait_loaded (fixture.view);

  am_images_view_set_scope (fixture.view, AM_IMAGES_SCOPE_AMAZON);
  am_ui_test_images_wait_loaded (fixture.view);
  n_amazon = am_ui_test_images_n_rows (fixture.view);
  g_test_message ("amazon: %u images", n_amazon);
  g_assert_cmpuint (n_amazon, >=, 5);
  for (guint i = 0; i < n_amazon; i++)
    g_assert_cmpstr (am_image_get_owner_alias (row (&fixture, i)), ==, "amazon");

  /* Search as you type: every row left holds each word. */
  type_search (&fixture, "Linux 2023");
  n = am_ui_test_images_n_rows (fixture.view);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, n_amazon);
  check_shown_count (&fixture, n, n_amazon);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = g_utf8_casefold (am_image_get_name (row (&fixture, i)), -1);
      g_autofree char *description = g_utf8_casefold (am_image_get_description (row (&fixture, i)) ? am_image_get_description (row (&fixture, i)) : "", -1);

      g_assert_true ((strstr (text, "linux") || strstr (description, "linux")) && (strstr (text, "2023") || strstr (description, "2023")));
    }
  screenshot (&fixture, "search");
  type_search (&fixture, "zzzz-no-such-image");
  g_assert_cmpuint (am_ui_test_images_n_rows (fixture.view), ==, 0);
  g_assert_cmpstr (_am_images_view_get_state (fixture.view), ==, "no-matches");
  screenshot (&fixture, "no-matches");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "images.clear-filters", NULL));
  g_assert_cmpuint (am_ui_test_images_n_rows (fixture.view), ==, n_amazon);
  check_shown_count (&fixture, n_amazon, n_amazon);

  /* The filter popover lists the values of the listing with their counts. */
  {
    GtkWidget *button = am_ui_test_find_widget (GTK_WIDGET (fixture.view), GTK_TYPE_MENU_BUTTON, "filter_button");
    GtkWidget *popover;
    const char *dir = g_getenv ("AMIABLE_SCREENSHOT_DIR");

    g_assert_nonnull (button);
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
    am_ui_test_wait_mapped (popover);
    g_assert_nonnull (am_ui_test_find_widget (popover, GTK_TYPE_CHECK_BUTTON, NULL));
    if (dir != NULL)
      {
        g_autofree char *path = g_strdup_printf ("%s/images-filters.png", dir);

        am_ui_test_iterate ();
        if (am_ui_test_screenshot (popover, path))
          g_test_message ("screenshot %s", path);
      }
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  }

  /* Facets: arm64 only, then also Windows (none are both). */
  _am_images_view_set_facet (fixture.view, AM_IMAGE_FACET_ARCHITECTURE, "arm64", TRUE);
  n = am_ui_test_images_n_rows (fixture.view);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (am_image_get_architecture (row (&fixture, i)), ==, "arm64");
  check_shown_count (&fixture, n, n_amazon);
  _am_images_view_set_facet (fixture.view, AM_IMAGE_FACET_ARCHITECTURE, "arm64", FALSE);
  g_assert_cmpuint (am_ui_test_images_n_rows (fixture.view), ==, n_amazon);
  _am_images_view_set_facet (fixture.view, AM_IMAGE_FACET_PLATFORM, "Windows", TRUE);
  n = am_ui_test_images_n_rows (fixture.view);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (am_image_get_platform (row (&fixture, i)), ==, "windows");
  _am_images_view_set_facet (fixture.view, AM_IMAGE_FACET_PLATFORM, "Windows", FALSE);

  /* Sorting by clicking column headers (what the header click does). */
  gtk_column_view_sort_by_column (_am_images_view_get_column_view (fixture.view),
                                  _am_images_view_get_column (fixture.view, AM_IMAGE_COLUMN_NAME),
                                  GTK_SORT_ASCENDING);
  for (guint i = 1; i < n_amazon; i++)
    g_assert_cmpint (g_ascii_strcasecmp (am_image_get_name (row (&fixture, i - 1)), am_image_get_name (row (&fixture, i))), <=, 0);
  gtk_column_view_sort_by_column (_am_images_view_get_column_view (fixture.view),
                                  _am_images_view_get_column (fixture.view, AM_IMAGE_COLUMN_ID),
                                  GTK_SORT_DESCENDING);
  for (guint i = 1; i < n_amazon; i++)
    g_assert_cmpstr (am_image_get_image_id (row (&fixture, i - 1)), >=, am_image_get_image_id (row (&fixture, i)));
  gtk_column_view_sort_by_column (_am_images_view_get_column_view (fixture.view),
                                  _am_images_view_get_column (fixture.view, AM_IMAGE_COLUMN_CREATED),
                                  GTK_SORT_ASCENDING);
  for (guint i = 1; i < n_amazon; i++)
    g_assert_cmpint (am_image_get_creation_time (row (&fixture, i - 1)), <=, am_image_get_creation_time (row (&fixture, i)));

  /* The column chooser shows and hides columns (hidden ones leave the view). */
  {
    GtkColumnViewColumn *state = _am_images_view_get_column (fixture.view, AM_IMAGE_COLUMN_STATE);
    GListModel *columns = gtk_column_view_get_columns (_am_images_view_get_column_view (fixture.view));
    guint n_columns;

    /* State is shown by default (issue 15): hidden first, then shown again. */
    g_assert_nonnull (gtk_column_view_column_get_column_view (state));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "columns.state", NULL));
    n_columns = g_list_model_get_n_items (columns);
    g_assert_null (gtk_column_view_column_get_column_view (state));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "columns.state", NULL));
    g_assert_true (gtk_column_view_column_get_column_view (state) == _am_images_view_get_column_view (fixture.view));
    g_assert_cmpuint (g_list_model_get_n_items (columns), ==, n_columns + 1);
    gtk_column_view_sort_by_column (_am_images_view_get_column_view (fixture.view), state, GTK_SORT_ASCENDING);
    for (guint i = 1; i < n_amazon; i++)
      g_assert_cmpstr (am_image_get_state (row (&fixture, i - 1)), <=, am_image_get_state (row (&fixture, i)));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "columns.state", NULL));
    g_assert_null (gtk_column_view_column_get_column_view (state));
    g_assert_cmpuint (g_list_model_get_n_items (columns), ==, n_columns);
  }

  /* Marketplace waits for the user to ask. */
  am_images_view_set_scope (fixture.view, AM_IMAGES_SCOPE_MARKETPLACE);
  am_ui_test_iterate ();
  g_assert_cmpstr (_am_images_view_get_state (fixture.view), ==, "ask");
  screenshot (&fixture, "ask");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "images.load", NULL));
  am_ui_test_images_wait_loaded (fixture.view);
  g_assert_cmpuint (am_ui_test_images_n_rows (fixture.view), >, 0);
  for (guint i = 0; i < am_ui_test_images_n_rows (fixture.view); i++)
    g_assert_cmpstr (am_image_get_owner_alias (row (&fixture, i)), ==, "aws-marketplace");

  /* Quick Start resolves SSM's "latest" parameters to their images. */
  am_images_view_set_scope (fixture.view, AM_IMAGES_SCOPE_QUICK_START);
  am_ui_test_images_wait_loaded (fixture.view);
  n = am_ui_test_images_n_rows (fixture.view);
  g_test_message ("quick start: %u images", n);
  g_assert_cmpuint (n, >=, 5);
  screenshot (&fixture, "quick-start");

  /* Back to Amazon: the listing is kept, no new load. */
  am_images_view_set_scope (fixture.view, AM_IMAGES_SCOPE_AMAZON);
  g_assert_cmpstr (_am_images_view_get_state (fixture.view), ==, "list");
  g_assert_cmpuint (am_ui_test_images_n_rows (fixture.view), ==, n_amazon);

  fixture_stop (&fixture);
}

/* Public and Marketplace can be loaded after a visit to Quick Start: each asks with its Load
 * button, and Refresh loads too. */
static void
test_on_demand_after_quick_start (void)
{
  Fixture fixture = { 0 };
  GtkWidget *load;

  fixture_start (&fixture, NULL, "alice");
  am_images_view_set_session (fixture.view, fixture.session);
  am_ui_test_images_wait_loaded (fixture.view);
  am_images_view_set_scope (fixture.view, AM_IMAGES_SCOPE_QUICK_START);
  am_ui_test_images_wait_loaded (fixture.view);
  g_assert_cmpuint (am_ui_test_images_n_rows (fixture.view), >, 0);

  am_images_view_set_scope (fixture.view, AM_IMAGES_SCOPE_PUBLIC);
  am_ui_test_iterate ();
  g_assert_cmpstr (_am_images_view_get_state (fixture.view), ==, "ask");
  load = am_ui_test_find_widget (GTK_WIDGET (fixture.view), GTK_TYPE_BUTTON, "_Load Public Images");
  g_assert_nonnull (load);
  g_assert_true (gtk_widget_is_drawable (load));
  screenshot (&fixture, "ask-after-quick-start");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "images.refresh", NULL));
  am_ui_test_images_wait_loaded (fixture.view);
  g_assert_cmpstr (_am_images_view_get_state (fixture.view), ==, "list");
  g_assert_cmpuint (am_ui_test_images_n_rows (fixture.view), >, 0);

  am_images_view_set_scope (fixture.view, AM_IMAGES_SCOPE_QUICK_START);
  am_ui_test_images_wait_loaded (fixture.view);
  am_images_view_set_scope (fixture.view, AM_IMAGES_SCOPE_MARKETPLACE);
  am_ui_test_iterate ();
  g_assert_cmpstr (_am_images_view_get_state (fixture.view), ==, "ask");
  load = am_ui_test_find_widget (GTK_WIDGET (fixture.view), GTK_TYPE_BUTTON, "_Load Marketplace Images");
  g_assert_nonnull (load);
  g_signal_emit_by_name (load, "clicked");
  am_ui_test_images_wait_loaded (fixture.view);
  g_assert_cmpuint (am_ui_test_images_n_rows (fixture.view), >, 0);
  for (guint i = 0; i < am_ui_test_images_n_rows (fixture.view); i++)
    g_assert_cmpstr (am_image_get_owner_alias (row (&fixture, i)), ==, "aws-marketplace");

  fixture_stop (&fixture);
}

/* Every mapped AmImageCell below @widget. */
static void
collect_cells (GtkWidget *widget,
               GPtrArray *cells)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (AM_IS_IMAGE_CELL (child) && gtk_widget_get_mapped (child))
        g_ptr_array_add (cells, child);
      collect_cells (child, cells);
    }
}

typedef struct
{
  GtkWidget *cell;
  double y;
} CellAt;

static int
compare_cell_at (gconstpointer a,
                 gconstpointer b)
{
  const CellAt *x = a;
  const CellAt *y = b;

  return (x->y > y->y) - (x->y < y->y);
}

/* The AMI IDs the list shows, top to bottom (the rows in the list's visible area), copied:
 * a cell's text goes when it is bound to another row. */
static GPtrArray *
ids_on_screen (Fixture *fixture)
{
  GtkWidget *list = GTK_WIDGET (fixture->view->column_view);
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();
  g_autoptr (GArray) at = g_array_new (FALSE, FALSE, sizeof (CellAt));
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  collect_cells (list, cells);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkWidget *cell = cells->pdata[i];
      const char *text = am_image_cell_get_text (AM_IMAGE_CELL (cell));
      graphene_point_t point;
      CellAt entry = { cell, 0 };

      if (text == NULL || !g_str_has_prefix (text, "ami-")
          || !gtk_widget_compute_point (cell, list, &GRAPHENE_POINT_INIT (0, 0), &point))
        continue;
      /* Below the header and above the bottom edge: on screen. */
      if (point.y < 0 || point.y >= gtk_widget_get_height (list))
        continue;
      entry.y = point.y;
      g_array_append_val (at, entry);
    }
  g_array_sort (at, compare_cell_at);
  for (guint i = 0; i < at->len; i++)
    g_ptr_array_add (ids, g_strdup (am_image_cell_get_text (AM_IMAGE_CELL (g_array_index (at, CellAt, i).cell))));
  return ids;
}

static GQuark seen_quark;

/* Marks every cell now on screen; returns how many there are. */
static guint
mark_cells (Fixture *fixture)
{
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();

  collect_cells (GTK_WIDGET (fixture->view->column_view), cells);
  for (guint i = 0; i < cells->len; i++)
    g_object_set_qdata (cells->pdata[i], seen_quark, GINT_TO_POINTER (TRUE));
  return cells->len;
}

/* How many of the cells now on screen were marked (a new widget at a freed one's address
 * carries no mark). */
static guint
count_marked (Fixture *fixture,
              guint   *n_cells)
{
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();
  guint marked = 0;

  collect_cells (GTK_WIDGET (fixture->view->column_view), cells);
  for (guint i = 0; i < cells->len; i++)
    marked += g_object_get_qdata (cells->pdata[i], seen_quark) != NULL;
  *n_cells = cells->len;
  return marked;
}

/* The list shows the model's first rows from its top, in order. */
static void
check_top_rows (Fixture    *fixture,
                const char *when)
{
  g_autoptr (GPtrArray) ids = ids_on_screen (fixture);
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->view->column_view));

  g_test_message ("%s: %u rows on screen, first %s", when, ids->len, ids->len > 0 ? (char *) ids->pdata[0] : "-");
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, gtk_adjustment_get_lower (vadjustment));
  g_assert_cmpuint (ids->len, >=, 10);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpstr (ids->pdata[i], ==, am_image_get_image_id (row (fixture, i)));
}

/* Types @text, or clears the search when it is NULL, and waits for the list's new frame. */
static void
search_and_paint (Fixture    *fixture,
                  const char *text)
{
  if (text != NULL)
    type_search (fixture, text);
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (_am_images_view_get_search_entry (fixture->view)), "");
      _am_images_view_apply_search (fixture->view);
    }
  am_ui_test_settle (200);
}

/*
 * A keystroke that changes the rows on screen moves the row widgets to the new rows (GTK 4.8
 * destroyed and rebuilt up to 200 rows of cells for each, most of a keystroke's time at
 * 100,000 images), and the list still shows the right rows from the top: after a search,
 * after clearing it, and after a search typed while scrolled far down.
 */
static void
test_search_moves_rows (void)
{
  const char *args[] = { "--public-images", "4000", NULL };
  const char *searches[] = { "debian", NULL, "al2023", NULL, "rhel" };
  Fixture fixture = { 0 };
  GtkAdjustment *vadjustment;

  seen_quark = g_quark_from_static_string ("test-images-view-seen");
  fixture_start (&fixture, args, "alice");
  am_images_view_set_session (fixture.view, fixture.session);
  am_ui_test_images_wait_loaded (fixture.view);
  am_images_view_set_scope (fixture.view, AM_IMAGES_SCOPE_PUBLIC);
  am_ui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "images.load", NULL));
  am_ui_test_images_wait_loaded (fixture.view);
  am_ui_test_settle (200);
  check_top_rows (&fixture, "loaded");

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autoptr (GPtrArray) before = ids_on_screen (&fixture);
      guint n_before = mark_cells (&fixture);
      guint n_after = 0;
      guint moved;

      search_and_paint (&fixture, searches[i]);
      moved = count_marked (&fixture, &n_after);
      g_test_message ("search \"%s\": %u rows; %u of %u cells moved from the %u before",
                      searches[i] != NULL ? searches[i] : "", am_ui_test_images_n_rows (fixture.view),
                      moved, n_after, n_before);
      /* The search changed the rows on screen, and those rows are many (GTK keeps about 200). */
      g_assert_cmpuint (am_ui_test_images_n_rows (fixture.view), >, 300);
      g_assert_false (g_strcmp0 (before->pdata[0], am_image_get_image_id (row (&fixture, 0))) == 0);
      check_top_rows (&fixture, searches[i] != NULL ? searches[i] : "cleared");
      /* Nearly every cell is one of before's, bound to a new row. */
      g_assert_cmpuint (moved * 10, >=, n_after * 9);
    }

  /* Scrolled far down, a new search shows its results from the top. */
  search_and_paint (&fixture, NULL);
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture.view->column_view));
  gtk_adjustment_set_value (vadjustment, (gtk_adjustment_get_upper (vadjustment) - gtk_adjustment_get_page_size (vadjustment)) / 2);
  am_ui_test_settle (200);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 1000);
  search_and_paint (&fixture, "ubuntu");
  check_top_rows (&fixture, "ubuntu, typed while scrolled down");
  screenshot (&fixture, "search-moves-rows");

  fixture_stop (&fixture);
}

static guint public_count_2000;

static void
test_public_progress (void)
{
  const char *args[] = { "--public-images", "2000", NULL };
  Fixture fixture = { 0 };
  GtkProgressBar *progress;
  gboolean saw_progress = FALSE;

  fixture_start (&fixture, args, "alice");
  am_images_view_set_session (fixture.view, fixture.session);
  am_ui_test_images_wait_loaded (fixture.view);
  am_images_view_set_scope (fixture.view, AM_IMAGES_SCOPE_PUBLIC);
  am_ui_test_iterate ();
  g_assert_cmpstr (_am_images_view_get_state (fixture.view), ==, "ask");

  progress = GTK_PROGRESS_BAR (am_ui_test_find_widget (GTK_WIDGET (fixture.view), GTK_TYPE_PROGRESS_BAR, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "images.load", NULL));
  /* Page by page: the bar counts the images so far while rows already show. */
  while (!am_ui_test_images_loaded (fixture.view))
    {
      const char *text;

      g_main_context_iteration (NULL, TRUE);
      /* Read after the iteration: the view replaces the text while the main loop runs. */
      text = gtk_progress_bar_get_text (progress);
      if (!saw_progress && text != NULL && strstr (text, "so far") != NULL
          && am_ui_test_images_n_rows (fixture.view) > 0)
        {
          saw_progress = TRUE;
          g_test_message ("progress: %s, %u rows", text, am_ui_test_images_n_rows (fixture.view));
          screenshot (&fixture, "loading");
        }
    }
  g_assert_true (saw_progress);
  public_count_2000 = am_ui_test_images_n_rows (fixture.view);
  g_test_message ("public: %u images", public_count_2000);
  /* Deprecated and disabled images are left out, as EC2 does by default. */
  g_assert_cmpuint (public_count_2000, >=, 1500);
  /* Sorted once the last page came in: newest first. */
  for (guint i = 1; i < public_count_2000; i++)
    g_assert_cmpint (am_image_get_creation_time (row (&fixture, i - 1)), >=, am_image_get_creation_time (row (&fixture, i)));
  for (guint i = 0; i < public_count_2000; i += 97)
    g_assert_true (am_image_get_is_public (row (&fixture, i)));

  /* A refresh can be cancelled: what is there stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "images.refresh", NULL));
  am_ui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "images.cancel", NULL));
  am_ui_test_images_wait_loaded (fixture.view);
  g_assert_cmpuint (am_ui_test_images_n_rows (fixture.view), ==, public_count_2000);

  fixture_stop (&fixture);
}

static void
test_cancel_first_load (void)
{
  const char *args[] = { "--public-images", "20000", "--faults", "latency=150ms", NULL };
  Fixture fixture = { 0 };

  fixture_start (&fixture, args, "alice");
  am_images_view_set_session (fixture.view, fixture.session);
  am_ui_test_images_wait_loaded (fixture.view);
  am_images_view_set_scope (fixture.view, AM_IMAGES_SCOPE_PUBLIC);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "images.load", NULL));
  while (am_ui_test_images_n_rows (fixture.view) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "images.cancel", NULL));
  am_ui_test_images_wait_loaded (fixture.view);
  g_test_message ("cancelled with %u images", am_ui_test_images_n_rows (fixture.view));
  g_assert_cmpuint (am_ui_test_images_n_rows (fixture.view), >, 0);
  g_assert_cmpuint (am_ui_test_images_n_rows (fixture.view), <, 20000);
  g_assert_cmpstr (_am_images_view_get_state (fixture.view), ==, "list");

  fixture_stop (&fixture);
}

static void
test_faults (void)
{
  const char *args[] = { "--public-images", "2000", "--faults", "throttle=0.3,error5xx=0.2", "--fault-seed", "7", NULL };
  Fixture fixture = { 0 };

  if (public_count_2000 == 0)
    {
      g_test_skip ("needs /images/view/public-progress");
      return;
    }

  fixture_start (&fixture, args, "alice");
  am_images_view_set_session (fixture.view, fixture.session);
  am_ui_test_images_wait_loaded (fixture.view);
  am_images_view_set_scope (fixture.view, AM_IMAGES_SCOPE_PUBLIC);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "images.load", NULL));
  am_ui_test_images_wait_loaded (fixture.view);
  /* The client retried the throttled and failed pages: the same list as without faults. */
  g_assert_cmpstr (_am_images_view_get_state (fixture.view), ==, "list");
  g_assert_cmpuint (am_ui_test_images_n_rows (fixture.view), ==, public_count_2000);

  fixture_stop (&fixture);
}

static void
test_error_and_empty (void)
{
  Fixture fixture = { 0 };
  g_autoptr (AmSession) wrong = NULL;
  g_autoptr (AmSession) empty_region = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *error_state;
  GtkWidget *retry;

  fixture_start (&fixture, NULL, "alice");

  /* A wrong secret: AuthFailure, the profile is named, and Retry is offered. */
  wrong = am_session_new_for_endpoint ("wrong-key", am_sandbox_process_get_endpoint (fixture.sandbox),
                                       AM_SANDBOX_ALICE_ACCESS_KEY, "not-the-secret", AM_SANDBOX_DEFAULT_REGION, &error);
  g_assert_no_error (error);
  am_images_view_set_session (fixture.view, wrong);
  am_ui_test_images_wait_loaded (fixture.view);
  g_assert_cmpstr (_am_images_view_get_state (fixture.view), ==, "error");
  error_state = am_ui_test_find_widget (GTK_WIDGET (fixture.view), AM_TYPE_ERROR_STATE, NULL);
  g_assert_nonnull (error_state);
  g_test_message ("%s\n%s", am_error_state_get_summary (AM_ERROR_STATE (error_state)),
                  am_error_state_get_details (AM_ERROR_STATE (error_state)));
  g_assert_nonnull (strstr (am_error_state_get_summary (AM_ERROR_STATE (error_state)), "wrong-key"));
  /* The full chain, with EC2's error code, is one click away. */
  g_assert_nonnull (strstr (am_error_state_get_details (AM_ERROR_STATE (error_state)), "Error code: SignatureDoesNotMatch"));
  g_assert_nonnull (strstr (am_error_state_get_details (AM_ERROR_STATE (error_state)), "Request ID: "));
  retry = am_ui_test_find_widget (error_state, GTK_TYPE_BUTTON, "_Retry");
  g_assert_nonnull (retry);
  g_assert_true (gtk_widget_get_visible (retry));
  screenshot (&fixture, "error");

  /* A region where the account has no images. */
  empty_region = am_session_new_for_endpoint ("alice", am_sandbox_process_get_endpoint (fixture.sandbox),
                                              AM_SANDBOX_ALICE_ACCESS_KEY, AM_SANDBOX_ALICE_SECRET_KEY, "ap-northeast-1", &error);
  g_assert_no_error (error);
  am_images_view_set_session (fixture.view, empty_region);
  am_ui_test_images_wait_loaded (fixture.view);
  g_assert_cmpstr (_am_images_view_get_state (fixture.view), ==, "empty");
  screenshot (&fixture, "empty");

  am_images_view_set_session (fixture.view, NULL);
  g_assert_cmpstr (_am_images_view_get_state (fixture.view), ==, "no-session");

  fixture_stop (&fixture);
}

int
main (int    argc,
      char **argv)
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/images/view/owned-and-details", test_owned_and_details);
  g_test_add_func ("/images/view/scopes-search-facets-sort", test_scopes_search_facets_sort);
  g_test_add_func ("/images/view/on-demand-after-quick-start", test_on_demand_after_quick_start);
  g_test_add_func ("/images/view/public-progress", test_public_progress);
  g_test_add_func ("/images/view/search-moves-rows", test_search_moves_rows);
  g_test_add_func ("/images/view/cancel-first-load", test_cancel_first_load);
  g_test_add_func ("/images/view/faults", test_faults);
  g_test_add_func ("/images/view/error-and-empty", test_error_and_empty);

  return g_test_run ();
}
