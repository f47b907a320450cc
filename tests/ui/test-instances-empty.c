/* test-instances-empty.c: the Instances view without instances offers to launch some; Ctrl+F searches
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-instances-empty"

#include "config.h"

#include <string.h>

#include "am-launch-wizard.h"
#include "test-instances-common.h"

static const char *
list_page (InstancesFixture *fixture)
{
  GtkWidget *stack = am_ui_test_get_widget (GTK_WIDGET (fixture->view), GTK_TYPE_STACK, "list_stack");

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static gboolean
shows_empty (gpointer data)
{
  InstancesFixture *fixture = data;

  return !am_instances_view_is_busy (fixture->view) && g_strcmp0 (list_page (fixture), "empty") == 0
         && gtk_widget_is_drawable (am_ui_test_get_widget (GTK_WIDGET (fixture->view), ADW_TYPE_STATUS_PAGE,
                                                           "empty_page"));
}

/* How many labels below @root are on screen and read @text. */
static guint
count_drawn_labels (GtkWidget  *root,
                    const char *text)
{
  guint n = 0;

  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    n++;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_drawn_labels (child, text);
  return n;
}

/* The view's managed-scope shortcut for @accelerator (a new reference), or NULL. */
static GtkShortcut *
find_shortcut (GtkWidget  *widget,
               const char *accelerator)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr (GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller)
          || gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller)) != GTK_SHORTCUT_SCOPE_MANAGED)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return g_steal_pointer (&shortcut);
        }
    }
  return NULL;
}

static void
test_empty (InstancesFixture *fixture,
            gconstpointer     data)
{
  g_autofree char *image_id = NULL;
  g_autofree char *web = NULL;
  GtkWidget *details;
  GtkWidget *launch;
  GtkWidget *wizard;
  AmLaunchWizard *launch_wizard;

  am_instances_view_set_session (fixture->view, fixture->session);
  g_assert_true (am_ui_test_wait_until (shows_empty, fixture, INSTANCES_CALL_TIMEOUT_MS));
  am_ui_test_iterate ();

  /* Only the empty page: no details pane beside it saying the same thing again. */
  details = am_ui_test_get_widget (GTK_WIDGET (fixture->view), GTK_TYPE_SCROLLED_WINDOW, "details_scroller");
  g_assert_false (gtk_widget_is_drawable (details));
  g_assert_cmpuint (count_drawn_labels (GTK_WIDGET (fixture->view), "No Instances"), ==, 1);
  g_assert_cmpuint (count_drawn_labels (GTK_WIDGET (fixture->view), "No Instance Selected"), ==, 0);

  /* …and a way to launch some: the suggested action, a pill as on the other status pages. */
  launch = am_ui_test_get_widget (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON, "_Launch Instances…");
  g_assert_true (gtk_widget_is_drawable (launch));
  g_assert_true (gtk_widget_is_sensitive (launch));
  g_assert_true (gtk_widget_has_css_class (launch, "suggested-action"));
  g_assert_true (gtk_widget_has_css_class (launch, "pill"));
  instances_screenshot (fixture->window, "empty");

  /* It opens the launch wizard over the window, at its first page, with no image chosen. */
  g_signal_emit_by_name (launch, "clicked");
  wizard = am_ui_test_wait_for_window_of_type (AM_TYPE_LAUNCH_WIZARD);
  g_assert_nonnull (wizard);
  launch_wizard = AM_LAUNCH_WIZARD (wizard);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (wizard)) == GTK_WINDOW (fixture->window));
  g_assert_null (am_launch_request_get_image (am_launch_wizard_get_request (launch_wizard)));
  g_assert_cmpint (am_launch_wizard_get_step (launch_wizard), ==, AM_LAUNCH_STEP_IMAGE);
  gtk_window_destroy (GTK_WINDOW (wizard));
  am_ui_test_wait_window_gone (AM_TYPE_LAUNCH_WIZARD);

  /* With an instance the list and the details pane come back. */
  image_id = instances_find_launchable_image (fixture);
  web = instances_run_instance (fixture, image_id, "amiable-empty-web");
  am_instances_view_reload (fixture->view);
  instances_wait_for_listed (fixture, web);
  am_ui_test_iterate ();
  g_assert_cmpstr (list_page (fixture), ==, "rows");
  g_assert_true (gtk_widget_is_drawable (details));
  g_assert_cmpuint (count_drawn_labels (GTK_WIDGET (fixture->view), "No Instance Selected"), ==, 1);
  g_assert_false (gtk_widget_is_drawable (launch));
}

/* Ctrl+F focuses the search entry wherever the focus is, as in the Images view, while the view
 * is on screen; a hidden view leaves the key to the one shown. */
static void
test_search_shortcut (InstancesFixture *fixture,
                      gconstpointer     data)
{
  g_autoptr (GtkShortcut) shortcut = NULL;
  GtkWidget *search;
  GtkWidget *column_view;

  am_instances_view_set_session (fixture->view, fixture->session);
  g_assert_true (am_ui_test_wait_until (shows_empty, fixture, INSTANCES_CALL_TIMEOUT_MS));
  search = am_ui_test_get_widget (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_ENTRY, "search_entry");
  column_view = am_ui_test_get_widget (GTK_WIDGET (fixture->view), GTK_TYPE_COLUMN_VIEW, "column_view");

  shortcut = find_shortcut (GTK_WIDGET (fixture->view), "<Control>f");
  g_assert_nonnull (shortcut);
  g_assert_true (GTK_IS_NAMED_ACTION (gtk_shortcut_get_action (shortcut)));
  g_assert_cmpstr (gtk_named_action_get_action_name (GTK_NAMED_ACTION (gtk_shortcut_get_action (shortcut))), ==,
                   "instances.focus-search");

  /* Focus elsewhere, then the shortcut's own action, as the window's shortcut manager runs it. */
  gtk_window_set_focus (GTK_WINDOW (fixture->window), NULL);
  g_assert_null (gtk_root_get_focus (GTK_ROOT (fixture->window)));
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (fixture->view), NULL));
  am_ui_test_iterate ();
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), search));

  /* Hidden, the view lets the key go. */
  gtk_widget_grab_focus (column_view);
  gtk_widget_set_visible (GTK_WIDGET (fixture->view), FALSE);
  am_ui_test_iterate ();
  g_assert_false (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (fixture->view), NULL));
  gtk_widget_set_visible (GTK_WIDGET (fixture->view), TRUE);
  am_ui_test_wait_mapped (GTK_WIDGET (fixture->view));
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (fixture->view), NULL));
}

static const InstancesFixtureOptions options = { "1000", TRUE };

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/ui/instances/empty", InstancesFixture, &options, instances_fixture_set_up,
              test_empty, instances_fixture_tear_down);
  g_test_add ("/ui/instances/search-shortcut", InstancesFixture, &options, instances_fixture_set_up,
              test_search_shortcut, instances_fixture_tear_down);

  return g_test_run ();
}
