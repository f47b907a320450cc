/* test-instances-columns.c: the Instances view's column chooser, kept between runs
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-instances-columns"

#include "config.h"

#include "am-instances-view-private.h"
#include "test-instances-common.h"

static gboolean
shown (AmInstancesView  *view,
       AmInstanceColumn  column)
{
  return gtk_column_view_column_get_column_view (view->columns[column]) == view->column_view;
}

static gboolean
action_state (AmInstancesView *view,
              const char      *id)
{
  GActionGroup *group = am_column_chooser_get_action_group (view->column_chooser);
  g_autoptr (GVariant) state = g_action_group_get_action_state (group, id);

  return g_variant_get_boolean (state);
}

/* The shown columns, each checked against its action; as a bit mask of AmInstanceColumn. */
static guint
shown_mask (AmInstancesView *view)
{
  static const char *ids[AM_INSTANCE_N_COLUMNS] = {
    "name", "id", "state", "type", "image", "zone", "public-ip", "private-ip", "launched",
    "key-pair", "root-device", "image-status",
  };
  guint mask = 0;
  guint n_shown = 0;

  for (guint i = 0; i < AM_INSTANCE_N_COLUMNS; i++)
    {
      g_assert_cmpint (shown (view, i), ==, action_state (view, ids[i]));
      if (shown (view, i))
        {
          mask |= 1u << i;
          n_shown++;
        }
    }
  /* hidden columns are out of the view, not merely invisible */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view->column_view)), ==, n_shown);
  return mask;
}

#define BIT(c) (1u << AM_INSTANCE_COLUMN_##c)
#define DEFAULT_MASK (BIT (NAME) | BIT (ID) | BIT (STATE) | BIT (TYPE) | BIT (IMAGE) | BIT (ZONE) \
                      | BIT (PUBLIC_IP) | BIT (LAUNCH_TIME) | BIT (IMAGE_STATUS))

static AmInstancesView *
new_view (GtkWindow **window)
{
  GtkWidget *view = am_instances_view_new ();

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 1280, 720);
  gtk_window_set_child (*window, view);
  gtk_window_present (*window);
  am_ui_test_iterate ();
  return AM_INSTANCES_VIEW (view);
}

static void
close_view (GtkWindow *window)
{
  gtk_window_destroy (window);
  am_ui_test_iterate ();
}

static void
test_columns_kept (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GtkWindow *window;
  AmInstancesView *view;

  g_settings_reset (settings, "instance-columns");

  /* the defaults: what fits beside the details pane, newest first */
  view = new_view (&window);
  g_assert_cmphex (shown_mask (view), ==, DEFAULT_MASK);
  g_assert_cmpint (_am_instances_view_get_sort_column (view), ==, AM_INSTANCE_COLUMN_LAUNCH_TIME);

  /* as the column menu does: each entry toggles its column */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "columns.key-pair", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "columns.zone", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "columns.root-device", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "columns.root-device", NULL));
  am_ui_test_iterate ();
  g_assert_cmphex (shown_mask (view), ==, (DEFAULT_MASK | BIT (KEY_NAME)) & ~BIT (ZONE));
  {
    GListModel *columns = gtk_column_view_get_columns (view->column_view);
    guint n = g_list_model_get_n_items (columns);
    g_autoptr (GtkColumnViewColumn) before_last = g_list_model_get_item (columns, n - 2);
    g_autoptr (GtkColumnViewColumn) last = g_list_model_get_item (columns, n - 1);

    /* shown again in its place in the table (before Image Status), not at the end */
    g_assert_true (before_last == view->columns[AM_INSTANCE_COLUMN_KEY_NAME]);
    g_assert_true (last == view->columns[AM_INSTANCE_COLUMN_IMAGE_STATUS]);
  }

  /* hiding the sorted column falls back to newest first */
  gtk_column_view_sort_by_column (view->column_view, view->columns[AM_INSTANCE_COLUMN_TYPE],
                                  GTK_SORT_ASCENDING);
  g_assert_cmpint (_am_instances_view_get_sort_column (view), ==, AM_INSTANCE_COLUMN_TYPE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "columns.type", NULL));
  g_assert_false (shown (view, AM_INSTANCE_COLUMN_TYPE));
  g_assert_cmpint (_am_instances_view_get_sort_column (view), ==, AM_INSTANCE_COLUMN_LAUNCH_TIME);
  /* hiding another column keeps the sort */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "columns.image", NULL));
  g_assert_cmpint (_am_instances_view_get_sort_column (view), ==, AM_INSTANCE_COLUMN_LAUNCH_TIME);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "columns.type", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "columns.image", NULL));
  close_view (window);

  /* the next run */
  view = new_view (&window);
  g_assert_cmphex (shown_mask (view), ==, (DEFAULT_MASK | BIT (KEY_NAME)) & ~BIT (ZONE));
  g_assert_cmpint (_am_instances_view_get_sort_column (view), ==, AM_INSTANCE_COLUMN_LAUNCH_TIME);
  /* without Launched, the sorted column falls back to listing order */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "columns.launched", NULL));
  g_assert_cmpint (_am_instances_view_get_sort_column (view), ==, -1);
  close_view (window);

  /* a list naming no column it knows means the defaults, not an empty view */
  {
    const char *junk[] = { "no-such-column", NULL };

    g_settings_set_strv (settings, "instance-columns", junk);
  }
  view = new_view (&window);
  g_assert_cmphex (shown_mask (view), ==, DEFAULT_MASK);
  g_assert_cmpint (_am_instances_view_get_sort_column (view), ==, AM_INSTANCE_COLUMN_LAUNCH_TIME);
  close_view (window);

  g_settings_reset (settings, "instance-columns");
}

/* The ⋮ menu lists every column under “Columns”. */
static void
test_columns_menu (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GtkWindow *window;
  AmInstancesView *view;
  GMenuModel *menu;
  GMenuModel *section = NULL;
  guint n;

  g_settings_reset (settings, "instance-columns");
  view = new_view (&window);
  menu = G_MENU_MODEL (view->more_menu);
  n = g_menu_model_get_n_items (menu);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label)
          && g_strcmp0 (label, "Columns") == 0)
        section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
    }
  g_assert_nonnull (section);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, AM_INSTANCE_N_COLUMNS);
  {
    g_autofree char *label = NULL;
    g_autofree char *action = NULL;

    g_assert_true (g_menu_model_get_item_attribute (section, AM_INSTANCE_COLUMN_KEY_NAME,
                                                    G_MENU_ATTRIBUTE_LABEL, "s", &label));
    g_assert_true (g_menu_model_get_item_attribute (section, AM_INSTANCE_COLUMN_KEY_NAME,
                                                    G_MENU_ATTRIBUTE_ACTION, "s", &action));
    g_assert_cmpstr (label, ==, "Key Pair");
    g_assert_cmpstr (action, ==, "columns.key-pair");
  }
  g_object_unref (section);
  close_view (window);
}

typedef struct
{
  AmInstancesView *view;
  AmInstanceColumn column;
} ColumnOnScreen;

static gboolean
column_on_screen (gpointer data)
{
  ColumnOnScreen *on_screen = data;

  return am_ui_test_column_on_screen (on_screen->view->column_view, on_screen->view->columns[on_screen->column]);
}

/* Issue 15: a column added from the chooser lands at its place, out of sight when the
 * columns are wider than the list: the list scrolls to it (the chooser the Images view
 * shares). */
static void
test_column_scrolled_into_view (InstancesFixture *fixture,
                                gconstpointer     data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *image_id = instances_find_launchable_image (fixture);
  g_autofree char *instance_id = NULL;
  ColumnOnScreen on_screen = { fixture->view, AM_INSTANCE_COLUMN_ROOT_DEVICE };
  GtkAdjustment *hadjustment;

  g_settings_reset (settings, "instance-columns");
  instance_id = instances_run_instance (fixture, image_id, "web-server");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 720);
  am_instances_view_set_session (fixture->view, fixture->session);
  instances_wait_for_listed (fixture, instance_id);
  am_ui_test_iterate ();
  g_usleep (200000);
  am_ui_test_iterate ();

  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (fixture->view->column_view));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >, gtk_adjustment_get_page_size (hadjustment));
  gtk_adjustment_set_value (hadjustment, 0);
  g_assert_false (shown (fixture->view, AM_INSTANCE_COLUMN_ROOT_DEVICE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "columns.root-device", NULL));
  g_assert_true (am_ui_test_wait_until (column_on_screen, &on_screen, 10000));
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), >, 0);
  instances_screenshot (fixture->window, "column-added");
  g_settings_reset (settings, "instance-columns");
}

int
main (int   argc,
      char *argv[])
{
  static const InstancesFixtureOptions options = { "500", FALSE, NULL };

  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/instances-columns/kept", test_columns_kept);
  g_test_add_func ("/instances-columns/menu", test_columns_menu);
  g_test_add ("/instances-columns/scrolled-into-view", InstancesFixture, &options,
              instances_fixture_set_up, test_column_scrolled_into_view, instances_fixture_tear_down);

  return g_test_run ();
}
