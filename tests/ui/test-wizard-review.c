/* test-wizard-review.c: the launch wizard's review and progress pages: summary wording, dates, dry-run errors, links to the new instances
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-wizard-review"

#include "config.h"

#include <string.h>

#include "am-instance-row.h"
#include "am-instances-view.h"
#include "am-window.h"
#include "test-wizard-common.h"

static void
to_key_page (AmLaunchWizard *w)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (wizard_row_widget (w, "image-list", WIZARD_IMAGE_X86)), TRUE);
  am_ui_test_iterate ();
  wizard_next (w, AM_LAUNCH_STEP_INSTANCE_TYPE);
  wizard_next (w, AM_LAUNCH_STEP_KEY_PAIR);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The IDs selected in the window's Instances view, sorted and joined with spaces. */
static char *
selected_instances (AmWindow *window)
{
  GtkWidget *view = am_ui_test_get_widget (GTK_WIDGET (window), AM_TYPE_INSTANCES_VIEW, NULL);
  GtkWidget *column_view = am_ui_test_get_widget (view, GTK_TYPE_COLUMN_VIEW, NULL);
  GtkSelectionModel *model = gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));
  g_autoptr (GtkBitset) selected = gtk_selection_model_get_selection (model);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr (AmInstanceRow) row = g_list_model_get_item (G_LIST_MODEL (model), position);

      g_ptr_array_add (ids, g_strdup (am_instance_get_instance_id (am_instance_row_get_instance (row))));
    }
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (" ", (char **) ids->pdata);
}

typedef struct
{
  AmWindow *window;
  const char *expected;
} Selection;

static gboolean
selection_is (gpointer data)
{
  Selection *s = data;
  g_autofree char *ids = selected_instances (s->window);

  return g_strcmp0 (ids, s->expected) == 0;
}

static void
expect_selection (AmWindow   *window,
                  const char *expected)
{
  Selection s = { window, expected };

  if (!am_ui_test_wait_until (selection_is, &s, 20000))
    {
      g_autofree char *ids = selected_instances (window);

      g_error ("The Instances view selects “%s”, not “%s”", ids, expected);
    }
  g_assert_cmpstr (am_window_get_visible_view (window), ==, "instances");
}

/* The progress page lists each new instance as a link to it in the Instances view; "Show in
 * Instances" selects all of them there. */
static void
test_progress_links (void)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  g_autoptr (GtkWindow) keep = NULL;
  WizardFixture f = { 0 };
  AmLaunchWizard *w;
  AmWindow *window;
  GPtrArray *launched;
  GtkWidget *detail;
  g_autofree char *all = NULL;
  const char *first;

  wizard_fixture_start (&f, NULL);
  w = f.wizard;
  window = am_window_new_with_session (app, f.session);
  keep = g_object_ref (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (GTK_WIDGET (window));
  gtk_window_set_transient_for (GTK_WINDOW (w), GTK_WINDOW (window));

  to_key_page (w);
  gtk_switch_set_active (GTK_SWITCH (wizard_find (w, GTK_TYPE_SWITCH, "Launch without a key pair")), TRUE);
  wizard_next (w, AM_LAUNCH_STEP_NETWORK);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (wizard_find (w, GTK_TYPE_SPIN_BUTTON, "Number of instances")), 3);
  am_ui_test_iterate ();
  wizard_next (w, AM_LAUNCH_STEP_STORAGE);
  wizard_next (w, AM_LAUNCH_STEP_DETAILS);
  wizard_next (w, AM_LAUNCH_STEP_REVIEW);
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "launch_button"));
  wizard_wait_idle (w);
  launched = am_launch_wizard_get_launched (w);
  g_assert_cmpuint (launched->len, ==, 3);
  first = am_instance_get_instance_id (g_ptr_array_index (launched, 1));

  /* Each ID is a link under its zone's row. */
  detail = am_ui_test_get_widget (wizard_find (w, GTK_TYPE_LIST_BOX, "progress-list"), GTK_TYPE_LABEL, "zone-detail");
  g_assert_true (gtk_widget_is_visible (detail));
  for (guint i = 0; i < launched->len; i++)
    {
      const char *id = am_instance_get_instance_id (g_ptr_array_index (launched, i));
      g_autofree char *link = g_strdup_printf ("<a href=\"%s\"", id);

      g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (detail)), link));
    }
  wizard_screenshot (w, "progress-links");

  /* Following one link shows that instance, selected, in the main window. */
  {
    gboolean handled = FALSE;

    g_signal_emit_by_name (detail, "activate-link", first, &handled);
    g_assert_true (handled);
  }
  expect_selection (window, first);
  wizard_screenshot_window (GTK_WIDGET (window), "progress-link-instances");

  /* Show in Instances selects every instance launched. */
  {
    g_autoptr (GPtrArray) ids = g_ptr_array_new ();

    for (guint i = 0; i < launched->len; i++)
      g_ptr_array_add (ids, (gpointer) am_instance_get_instance_id (g_ptr_array_index (launched, i)));
    g_ptr_array_sort (ids, compare_strings);
    g_ptr_array_add (ids, NULL);
    all = g_strjoinv (" ", (char **) ids->pdata);
  }
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "Show in _Instances"));
  expect_selection (window, all);
  wizard_screenshot_window (GTK_WIDGET (window), "progress-show-all-instances");

  wizard_fixture_stop (&f);
  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  /* Software GL under Xvfb is slow on a busy machine; these tests look at widgets, not GL. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/wizard/review/progress-links", test_progress_links);

  return g_test_run ();
}
