/* test-lifecycle-scale.c: the Snapshots view and the cleanup preview on a sandbox seeded with --seed-scale
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-lifecycle-scale"

#include "config.h"

#include <string.h>

#include "am-cleanup-dialog.h"
#include "am-image-cell.h"
#include "am-snapshots-view-private.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"

/* us-east-1 gets a fifth: 20 images, 52 snapshots (20 roots, 20 data volumes, 12 orphans),
 * beside the usual seed's two images and their snapshots. */
static const char *const seed_args[] = {
  "--seed-scale", "images=100,snapshots=260,instances=20,launch-templates=10", NULL
};
/* 25 builds of every family in a region: about 900 rows in the preview with keep-newest 2,
 * more than the 32,767 pixels a surface may have when laid out at their natural height. */
static const char *const families_args[] = {
  "--seed-scale", "images=5000,snapshots=10500,instances=20,launch-templates=10", NULL
};
#define SNAPSHOTS_HERE 54
#define ORPHANS_HERE 12

static gboolean
snapshots_settled (gpointer data)
{
  AmSnapshotsView *view = data;

  return view->loaded && !am_snapshots_view_is_busy (view);
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_changes)
{
  (*n_changes)++;
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_mapped (child))
        g_ptr_array_add (found, child);
      collect (child, type, found);
    }
}

/* The list has drawn the orphans' rows (five cells each). */
static gboolean
orphan_rows_drawn (gpointer data)
{
  AmSnapshotsView *view = data;
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();

  collect (GTK_WIDGET (view->column_view), AM_TYPE_IMAGE_CELL, cells);
  return cells->len >= ORPHANS_HERE * 5;
}

/*
 * Orphans Only filters the rows that are there: the list behind it is not rebuilt (no change
 * of the store), the counts stay, and the cells carry no tooltip text set while binding (each
 * one made GTK ask the display server where the pointer is).
 */
static void
test_orphans_in_place (void)
{
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (seed_args);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  GtkWidget *window = gtk_window_new ();
  AmSnapshotsView *view = AM_SNAPSHOTS_VIEW (am_snapshots_view_new ());
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();
  g_autofree char *count = NULL;
  guint n_changes = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (window);
  am_snapshots_view_set_session (view, session);
  g_assert_true (am_ui_test_wait_until (snapshots_settled, view, 90000));
  am_ui_test_iterate ();
  g_assert_cmpuint (am_snapshots_view_get_n_shown (view), ==, SNAPSHOTS_HERE);
  count = g_strdup (gtk_label_get_text (view->count_label));
  g_test_message ("%s", count);
  g_assert_nonnull (strstr (count, "12 not used by any image"));

  g_signal_connect (view->store, "items-changed", G_CALLBACK (count_changes_cb), &n_changes);
  gtk_check_button_set_active (view->orphans_check, TRUE);
  am_ui_test_iterate ();
  g_assert_cmpuint (am_snapshots_view_get_n_shown (view), ==, ORPHANS_HERE);
  g_assert_cmpuint (n_changes, ==, 0);
  g_assert_cmpstr (gtk_label_get_text (view->count_label), ==, count);
  for (guint i = 0; i < ORPHANS_HERE; i++)
    {
      g_autoptr (AmSnapshot) snapshot = g_list_model_get_item (G_LIST_MODEL (view->filtered), i);

      g_assert_cmpstr (am_snapshots_view_get_used_by_text (view, am_snapshot_get_snapshot_id (snapshot)), ==,
                       "Not used by any image");
    }

  g_assert_true (am_ui_test_wait_until (orphan_rows_drawn, view, 30000));
  collect (GTK_WIDGET (view->column_view), AM_TYPE_IMAGE_CELL, cells);
  for (guint i = 0; i < cells->len; i++)
    {
      g_assert_true (gtk_widget_get_has_tooltip (cells->pdata[i]));
      g_assert_null (gtk_widget_get_tooltip_text (cells->pdata[i]));
    }
  am_ui_test_screenshot_light_dark (window, "snapshots-orphans-at-scale", 300);

  gtk_check_button_set_active (view->orphans_check, FALSE);
  am_ui_test_iterate ();
  g_assert_cmpuint (am_snapshots_view_get_n_shown (view), ==, SNAPSHOTS_HERE);
  g_assert_cmpuint (n_changes, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
}

static gboolean
preview_shown (gpointer data)
{
  return g_strcmp0 (am_cleanup_dialog_get_page (data), "loading") != 0;
}

/* The preview has drawn rows: cells of the Image column ("name\nami-…"). */
static gboolean
image_cells_drawn (gpointer data)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  collect (data, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (labels->pdata[i]), "\nami-") != NULL)
      return TRUE;
  return FALSE;
}

/* The preview draws its rows even when there are hundreds (it scrolls on its own); its cells
 * keep their lines (name, id; one snapshot a line), each cut short with an ellipsis rather
 * than wrapped, and follow the keep-newest rule. */
static void
test_cleanup_preview_lines (void)
{
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (families_args);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  GtkWidget *window = gtk_window_new ();
  AmCleanupDialog *dialog;
  AmCleanupPlan *plan;
  GtkColumnView *preview;
  GtkSpinButton *spin;
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  guint n_image_cells = 0;
  guint removals_2;

  gtk_window_present (GTK_WINDOW (window));
  dialog = am_cleanup_dialog_new (GTK_WINDOW (window), am_session_get_client (session));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1100, 900);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (am_ui_test_wait_until (preview_shown, dialog, 120000));
  g_assert_cmpstr (am_cleanup_dialog_get_page (dialog), ==, "preview");
  plan = am_cleanup_dialog_get_plan (dialog);
  preview = GTK_COLUMN_VIEW (am_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_COLUMN_VIEW, NULL));
  spin = GTK_SPIN_BUTTON (am_ui_test_get_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, "keep-newest"));

  gtk_spin_button_set_value (spin, 2);
  am_ui_test_settle (300);
  removals_2 = am_cleanup_plan_get_n_removals (plan);
  g_assert_cmpuint (removals_2, >, 700);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (preview))), ==, removals_2);

  g_assert_true (am_ui_test_wait_until (image_cells_drawn, preview, 30000));
  /* Laid out no taller than what can be drawn (at its natural height it was not drawn). */
  g_test_message ("preview %d px high for %u rows", gtk_widget_get_height (GTK_WIDGET (preview)), removals_2);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (preview)), <, 32767);
  collect (GTK_WIDGET (preview), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = labels->pdata[i];

      if (strstr (gtk_label_get_text (label), "\nami-") == NULL)
        continue;
      n_image_cells++;
      g_assert_false (gtk_label_get_wrap (label));
      g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_END);
      g_assert_true (gtk_widget_get_has_tooltip (GTK_WIDGET (label)));
    }
  g_assert_cmpuint (n_image_cells, >, 0);
  am_ui_test_screenshot_light_dark (GTK_WIDGET (dialog), "cleanup-preview-at-scale", 300);

  /* Keeping fewer removes more, and the preview follows. */
  gtk_spin_button_set_value (spin, 1);
  am_ui_test_iterate ();
  g_assert_cmpuint (am_cleanup_plan_get_n_removals (plan), >, removals_2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (preview))), ==,
                    am_cleanup_plan_get_n_removals (plan));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/lifecycle-scale/orphans-in-place", test_orphans_in_place);
  g_test_add_func ("/lifecycle-scale/cleanup-preview-lines", test_cleanup_preview_lines);

  return g_test_run ();
}
