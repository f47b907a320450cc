/* test-cleanup-dialog.c: the Cleanup assistant against a real sandbox process: preview, run, undo
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cleanup-dialog"

#include "config.h"

#include <string.h>

#include "am-cleanup-dialog.h"
#include "am-error-state.h"
#include "am-preferences-window.h"
#include "am-test-families.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"
#include "am-window.h"

typedef struct
{
  AmCleanupDialog *dialog;
  const char      *page;
} PageWait;

static gboolean
page_is (gpointer data)
{
  PageWait *wait = data;

  return g_strcmp0 (am_cleanup_dialog_get_page (wait->dialog), wait->page) == 0;
}

static void
wait_page (AmCleanupDialog *dialog,
           const char      *page)
{
  PageWait wait = { dialog, page };

  if (!am_ui_test_wait_until (page_is, &wait, 90000))
    g_error ("The cleanup dialog shows “%s”, not “%s”", am_cleanup_dialog_get_page (dialog), page);
}

static GtkWidget *
get (AmCleanupDialog *dialog,
     GType            type,
     const char      *name)
{
  return am_ui_test_get_widget (GTK_WIDGET (dialog), type, name);
}

static AmCleanupDialog *
open_dialog (AmEc2Client *client)
{
  AmCleanupDialog *dialog = am_cleanup_dialog_new (NULL, client);

  gtk_window_present (GTK_WINDOW (dialog));
  am_ui_test_wait_mapped (GTK_WIDGET (dialog));
  wait_page (dialog, "preview");
  am_ui_test_iterate ();
  return dialog;
}

/* The ids of the preview's rows, in order, joined by spaces. */
static char *
preview_ids (AmCleanupDialog *dialog)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (get (dialog, GTK_TYPE_COLUMN_VIEW, "preview"));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (model, i);

      g_string_append_printf (s, "%s%s", s->len > 0 ? " " : "", am_image_get_image_id (image));
    }
  return g_string_free (s, FALSE);
}

static char *
join3 (GPtrArray *ids,
       guint      a,
       guint      b,
       guint      c)
{
  return g_strdup_printf ("%s %s %s", (char *)ids->pdata[a], (char *)ids->pdata[b], (char *)ids->pdata[c]);
}

static void
press (AmCleanupDialog *dialog,
       const char      *name)
{
  GtkWidget *button = get (dialog, GTK_TYPE_BUTTON, name);

  g_assert_true (gtk_widget_is_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
shot (AmCleanupDialog *dialog,
      const char      *name)
{
  const char *dir = g_getenv ("AMIABLE_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  /* Pictures only when asked for, as in the other UI tests: a dialog between two frames has
   * nothing to paint yet, and a busy machine must not fail the test for that. */
  if (dir == NULL)
    return;
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  for (guint attempt = 0; attempt < 20; attempt++)
    {
      if (am_ui_test_screenshot (GTK_WIDGET (dialog), path))
        {
          g_test_message ("screenshot: %s", path);
          return;
        }
      g_usleep (50000);
      am_ui_test_iterate ();
    }
  g_test_message ("could not take the screenshot %s", path);
}

static void
test_cleanup_dialog (void)
{
  /* No Recycle Bin rule for snapshots: an image deregistered with its snapshots cannot return. */
  const char *args[] = { "--snapshot-recycle-bin-days", "0", NULL };
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (args);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  AmEc2Client *client = am_session_get_client (session);
  g_autoptr (GPtrArray) ids = am_test_families_seed (client);
  g_autofree char *instance = NULL;
  g_autofree char *db_snapshot = NULL;
  g_autofree char *cache_snapshot = NULL;
  g_autofree char *app2_snapshot = NULL;
  g_autofree char *ids_text = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  AmCleanupDialog *dialog;
  AmCleanupPlan *plan;
  const char *totals;
  double gb;

  g_settings_reset (settings, "snapshot-rate-standard");
  /* The oldest app image runs an instance. */
  instance = am_test_families_run_instance (client, ids->pdata[0]);
  db_snapshot = am_test_families_snapshots_of (client, ids->pdata[3]);
  cache_snapshot = am_test_families_snapshots_of (client, ids->pdata[6]);
  app2_snapshot = am_test_families_snapshots_of (client, ids->pdata[1]);

  /* Keep the newest 2 (the default): the oldest db and cache images go, the used app one stays. */
  dialog = open_dialog (client);
  plan = am_cleanup_dialog_get_plan (dialog);
  ids_text = preview_ids (dialog);
  expected = g_strdup_printf ("%s %s", (char *)ids->pdata[6], (char *)ids->pdata[3]);
  g_assert_cmpstr (ids_text, ==, expected);
  g_assert_cmpuint (am_cleanup_plan_get_n_freed_snapshots (plan), ==, 2);
  gb = am_cleanup_plan_get_freed_gb (plan);
  g_assert_cmpfloat (gb, >, 0);
  g_assert_cmpfloat_with_epsilon (am_cleanup_plan_get_freed_monthly_cost (plan), gb * 0.05, 1e-9);
  totals = gtk_label_get_label (GTK_LABEL (get (dialog, GTK_TYPE_LABEL, "totals")));
  g_assert_nonnull (strstr (totals, "2 of"));
  g_assert_nonnull (strstr (totals, "2 snapshots"));
  /* Dry run is the default: nothing can be deregistered yet. */
  g_assert_false (gtk_widget_is_sensitive (get (dialog, GTK_TYPE_BUTTON, "run")));

  /* A rule changes: the preview follows at once. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get (dialog, GTK_TYPE_SPIN_BUTTON, "keep-newest")), 1);
  g_free (ids_text);
  ids_text = preview_ids (dialog);
  g_free (expected);
  /* Families in name order (app, cache, db), the newest first within each. */
  expected = g_strdup_printf ("%s %s %s %s %s", (char *)ids->pdata[1], (char *)ids->pdata[7],
                              (char *)ids->pdata[6], (char *)ids->pdata[4], (char *)ids->pdata[3]);
  g_assert_cmpstr (ids_text, ==, expected);
  g_assert_null (strstr (ids_text, ids->pdata[0]));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get (dialog, GTK_TYPE_SPIN_BUTTON, "keep-newest")), 2);
  g_assert_cmpuint (am_cleanup_plan_get_n_removals (plan), ==, 2);

  /* The rate set in Preferences prices the plan. */
  {
    AmPreferencesWindow *prefs = am_preferences_window_new ();
    GtkSpinButton *spin;

    gtk_window_present (GTK_WINDOW (prefs));
    am_ui_test_wait_mapped (GTK_WIDGET (prefs));
    spin = GTK_SPIN_BUTTON (am_ui_test_get_widget (GTK_WIDGET (prefs), GTK_TYPE_SPIN_BUTTON, "rate-standard"));
    g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (spin), 0.05, 1e-9);
    gtk_spin_button_set_value (spin, 0.1);
    am_ui_test_iterate ();
    g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "snapshot-rate-standard"), 0.1, 1e-9);
    g_assert_cmpfloat_with_epsilon (am_cleanup_plan_get_freed_monthly_cost (plan), gb * 0.1, 1e-9);
    gtk_window_destroy (GTK_WINDOW (prefs));
    g_settings_reset (settings, "snapshot-rate-standard");
    am_ui_test_iterate ();
    g_assert_cmpfloat_with_epsilon (am_cleanup_plan_get_freed_monthly_cost (plan), gb * 0.05, 1e-9);
  }
  shot (dialog, "cleanup-preview.png");

  /* Run: deregister with snapshots. */
  gtk_switch_set_active (GTK_SWITCH (get (dialog, GTK_TYPE_SWITCH, "dry-run")), FALSE);
  press (dialog, "run");
  g_assert_cmpstr (am_cleanup_dialog_get_page (dialog), ==, "running");
  am_ui_test_iterate ();
  shot (dialog, "cleanup-running.png");
  wait_page (dialog, "summary");
  am_ui_test_iterate ();
  shot (dialog, "cleanup-summary.png");
  g_assert_false (am_test_families_image_exists (client, ids->pdata[3]));
  g_assert_false (am_test_families_image_exists (client, ids->pdata[6]));
  g_assert_false (am_test_families_snapshot_exists (client, db_snapshot));
  g_assert_false (am_test_families_snapshot_exists (client, cache_snapshot));
  for (guint i = 0; i < ids->len; i++)
    if (i != 3 && i != 6)
      g_assert_true (am_test_families_image_exists (client, ids->pdata[i]));
  g_assert_true (am_test_families_snapshot_exists (client, app2_snapshot));
  {
    const char *summary = gtk_label_get_label (GTK_LABEL (get (dialog, GTK_TYPE_LABEL, "summary")));

    g_test_message ("summary: %s", summary);
    g_assert_nonnull (strstr (summary, "Deregistered 2 of 2 images and deleted 2 snapshots"));
    /* The snapshots are gone, so the Recycle Bin cannot give the images back: no Undo. */
    g_assert_nonnull (strstr (summary, "cannot be restored"));
    g_assert_false (gtk_widget_get_visible (get (dialog, GTK_TYPE_BUTTON, "undo")));
  }
  press (dialog, "close");
  am_ui_test_wait_window_gone (AM_TYPE_CLEANUP_DIALOG);

  /* Without deleting snapshots, keep the newest 1: app 2, db 2 and cache 2 go, and Undo brings
   * them back. */
  dialog = open_dialog (client);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get (dialog, GTK_TYPE_SPIN_BUTTON, "keep-newest")), 1);
  gtk_switch_set_active (GTK_SWITCH (get (dialog, GTK_TYPE_SWITCH, "delete-snapshots")), FALSE);
  g_free (ids_text);
  ids_text = preview_ids (dialog);
  g_free (expected);
  expected = join3 (ids, 1, 7, 4);
  g_assert_cmpstr (ids_text, ==, expected);
  g_assert_cmpfloat (am_cleanup_plan_get_freed_gb (am_cleanup_dialog_get_plan (dialog)), >, 0);
  gtk_switch_set_active (GTK_SWITCH (get (dialog, GTK_TYPE_SWITCH, "dry-run")), FALSE);
  press (dialog, "run");
  wait_page (dialog, "summary");
  for (guint i = 1; i <= 7; i += 3)
    g_assert_false (am_test_families_image_exists (client, ids->pdata[i]));
  g_assert_true (am_test_families_snapshot_exists (client, app2_snapshot));
  g_assert_true (gtk_widget_get_visible (get (dialog, GTK_TYPE_BUTTON, "undo")));
  press (dialog, "undo");
  wait_page (dialog, "summary");
  am_ui_test_iterate ();
  shot (dialog, "cleanup-undone.png");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (get (dialog, GTK_TYPE_LABEL, "summary"))),
                            "Restored 3 of 3 images"));
  for (guint i = 1; i <= 7; i += 3)
    g_assert_true (am_test_families_image_exists (client, ids->pdata[i]));
  g_assert_false (gtk_widget_get_visible (get (dialog, GTK_TYPE_BUTTON, "undo")));
  press (dialog, "close");
  am_ui_test_wait_window_gone (AM_TYPE_CLEANUP_DIALOG);

  /* Cancel stops after the call in flight: one image goes, two are untouched. */
  dialog = open_dialog (client);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get (dialog, GTK_TYPE_SPIN_BUTTON, "keep-newest")), 1);
  gtk_switch_set_active (GTK_SWITCH (get (dialog, GTK_TYPE_SWITCH, "delete-snapshots")), FALSE);
  gtk_switch_set_active (GTK_SWITCH (get (dialog, GTK_TYPE_SWITCH, "dry-run")), FALSE);
  press (dialog, "run");
  press (dialog, "_Cancel");
  g_assert_false (gtk_widget_is_sensitive (get (dialog, GTK_TYPE_BUTTON, "close")));
  wait_page (dialog, "summary");
  g_assert_false (am_test_families_image_exists (client, ids->pdata[1]));
  g_assert_true (am_test_families_image_exists (client, ids->pdata[7]));
  g_assert_true (am_test_families_image_exists (client, ids->pdata[4]));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (get (dialog, GTK_TYPE_LABEL, "summary"))),
                            "Deregistered 1 of 3 images"));
  press (dialog, "close");
  am_ui_test_wait_window_gone (AM_TYPE_CLEANUP_DIALOG);
}

/* Keep the newest 2 of three families, deleting snapshots: exactly the oldest image of each
 * family and its snapshot go; the Recycle Bin keeps both (the sandbox's default rules for AMIs
 * and EBS snapshots), and Undo restores the snapshots, then the images. */
static void
test_cleanup_undo_snapshots (void)
{
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (NULL);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  AmEc2Client *client = am_session_get_client (session);
  g_autoptr (GPtrArray) ids = am_test_families_seed (client);
  g_autoptr (GPtrArray) snapshots = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *ids_text = NULL;
  g_autofree char *expected = NULL;
  AmCleanupDialog *dialog;
  const char *summary;

  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (snapshots, am_test_families_snapshots_of (client, ids->pdata[i]));
  dialog = open_dialog (client);
  ids_text = preview_ids (dialog);
  /* Families in name order (app, cache, db); the oldest of each. */
  expected = join3 (ids, 0, 6, 3);
  g_assert_cmpstr (ids_text, ==, expected);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (get (dialog, GTK_TYPE_SWITCH, "delete-snapshots"))));
  gtk_switch_set_active (GTK_SWITCH (get (dialog, GTK_TYPE_SWITCH, "dry-run")), FALSE);
  press (dialog, "run");
  wait_page (dialog, "summary");
  for (guint i = 0; i < ids->len; i++)
    {
      gboolean removed = i == 0 || i == 3 || i == 6;

      g_assert_cmpint (am_test_families_image_exists (client, ids->pdata[i]), ==, !removed);
      g_assert_cmpint (am_test_families_snapshot_exists (client, snapshots->pdata[i]), ==, !removed);
    }
  summary = gtk_label_get_label (GTK_LABEL (get (dialog, GTK_TYPE_LABEL, "summary")));
  g_test_message ("summary: %s", summary);
  g_assert_nonnull (strstr (summary, "Deregistered 3 of 3 images and deleted 3 snapshots"));
  g_assert_nonnull (strstr (summary, "Undo restores both"));
  g_assert_true (gtk_widget_get_visible (get (dialog, GTK_TYPE_BUTTON, "undo")));
  am_ui_test_iterate ();
  shot (dialog, "cleanup-undo-offered.png");
  press (dialog, "undo");
  wait_page (dialog, "summary");
  am_ui_test_iterate ();
  shot (dialog, "cleanup-undone-with-snapshots.png");
  summary = gtk_label_get_label (GTK_LABEL (get (dialog, GTK_TYPE_LABEL, "summary")));
  g_test_message ("summary: %s", summary);
  g_assert_nonnull (strstr (summary, "Restored 3 of 3 images and 3 of 3 snapshots"));
  for (guint i = 0; i < ids->len; i++)
    {
      g_assert_true (am_test_families_image_exists (client, ids->pdata[i]));
      g_assert_true (am_test_families_snapshot_exists (client, snapshots->pdata[i]));
    }
  press (dialog, "close");
  am_ui_test_wait_window_gone (AM_TYPE_CLEANUP_DIALOG);
}

static void
test_cleanup_not_connected (void)
{
  AmCleanupDialog *dialog = am_cleanup_dialog_new (NULL, NULL);

  gtk_window_present (GTK_WINDOW (dialog));
  am_ui_test_wait_mapped (GTK_WIDGET (dialog));
  g_assert_cmpstr (am_cleanup_dialog_get_page (dialog), ==, "error");
  g_assert_nonnull (am_ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Not Connected")
                    ?: am_ui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_STATUS_PAGE, NULL));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The sandbox stops before the dialog reads anything: the dialog ends in words, with Retry. */
static void
test_cleanup_load_fails (void)
{
  AmSandboxProcess *sandbox = am_ui_test_sandbox_start (NULL);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  AmCleanupDialog *dialog;
  AmErrorState *error_state;

  g_object_unref (sandbox);
  dialog = am_cleanup_dialog_new (NULL, am_session_get_client (session));
  gtk_window_present (GTK_WINDOW (dialog));
  am_ui_test_wait_mapped (GTK_WIDGET (dialog));
  wait_page (dialog, "error");
  error_state = AM_ERROR_STATE (am_ui_test_get_widget (GTK_WIDGET (dialog), AM_TYPE_ERROR_STATE, NULL));
  g_test_message ("summary: %s", am_error_state_get_summary (error_state));
  g_assert_cmpstr (am_error_state_get_summary (error_state), !=, "");
  g_assert_nonnull (am_error_state_get_details (error_state));
  g_signal_emit_by_name (am_error_state_get_button (error_state), "clicked");
  g_assert_cmpstr (am_cleanup_dialog_get_page (dialog), ==, "loading");
  wait_page (dialog, "error");
  am_ui_test_iterate ();
  shot (dialog, "cleanup-error.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
}


static AmCleanupDialog *
open_all_regions (AmEc2Client *client)
{
  AmCleanupDialog *dialog = am_cleanup_dialog_new (NULL, client);

  gtk_window_present (GTK_WINDOW (dialog));
  am_ui_test_wait_mapped (GTK_WIDGET (dialog));
  gtk_switch_set_active (GTK_SWITCH (get (dialog, GTK_TYPE_SWITCH, "all-regions")), TRUE);
  g_assert_cmpstr (am_cleanup_dialog_get_page (dialog), ==, "loading");
  wait_page (dialog, "preview");
  am_ui_test_iterate ();
  return dialog;
}

static gboolean
region_column_visible (AmCleanupDialog *dialog)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (get (dialog, GTK_TYPE_COLUMN_VIEW, "preview"));
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Region") == 0)
        return gtk_column_view_column_get_visible (column);
    }
  return FALSE;
}

/*
 * Three families in us-east-1 and two copies of the app family in us-west-2: with keep the
 * newest 1 over All Regions, each Region keeps its own newest (the copy of app in us-west-2
 * is a family of its own there), so exactly the two older images of each family in us-east-1
 * and the older copy in us-west-2 go, each in its Region; Undo brings all of them back there.
 */
static void
test_cleanup_all_regions (void)
{
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (NULL);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  AmEc2Client *client = am_session_get_client (session);
  g_autoptr (GPtrArray) ids = am_test_families_seed (client);
  g_autoptr (AmEc2Client) west = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *west_old = NULL;
  g_autofree char *west_new = NULL;
  g_autofree char *ids_text = NULL;
  g_autofree char *expected = NULL;
  static const guint gone[] = { 0, 1, 3, 4, 6, 7 };
  AmCleanupDialog *dialog;
  const char *summary;

  west = am_ec2_client_new_for_region (client, "us-west-2", &error);
  g_assert_no_error (error);
  west_old = am_test_families_copy_to (client, ids->pdata[0], "us-west-2", "cleanup-app-2026-01-01");
  west_new = am_test_families_copy_to (client, ids->pdata[1], "us-west-2", "cleanup-app-2026-01-02");

  dialog = open_all_regions (client);
  g_assert_true (region_column_visible (dialog));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get (dialog, GTK_TYPE_SPIN_BUTTON, "keep-newest")), 1);
  ids_text = preview_ids (dialog);
  /* By Region, then families in name order (app, cache, db), the newest first within each. */
  expected = g_strdup_printf ("%s %s %s %s %s %s %s", (char *)ids->pdata[1], (char *)ids->pdata[0],
                              (char *)ids->pdata[7], (char *)ids->pdata[6], (char *)ids->pdata[4],
                              (char *)ids->pdata[3], west_old);
  g_test_message ("preview: %s", ids_text);
  g_assert_cmpstr (ids_text, ==, expected);
  am_ui_test_iterate ();
  shot (dialog, "cleanup-all-regions-preview.png");

  gtk_switch_set_active (GTK_SWITCH (get (dialog, GTK_TYPE_SWITCH, "dry-run")), FALSE);
  press (dialog, "run");
  wait_page (dialog, "summary");
  am_ui_test_iterate ();
  shot (dialog, "cleanup-all-regions-summary.png");
  summary = gtk_label_get_label (GTK_LABEL (get (dialog, GTK_TYPE_LABEL, "summary")));
  g_test_message ("summary: %s", summary);
  g_assert_nonnull (strstr (summary, "Deregistered 7 of 7 images"));
  for (guint i = 0; i < G_N_ELEMENTS (gone); i++)
    g_assert_false (am_test_families_image_exists (client, ids->pdata[gone[i]]));
  for (guint i = 2; i < ids->len; i += 3)
    g_assert_true (am_test_families_image_exists (client, ids->pdata[i]));
  g_assert_false (am_test_families_image_exists (west, west_old));
  g_assert_true (am_test_families_image_exists (west, west_new));

  /* Undo restores each in its own Region. */
  press (dialog, "undo");
  wait_page (dialog, "summary");
  am_ui_test_iterate ();
  shot (dialog, "cleanup-all-regions-undone.png");
  summary = gtk_label_get_label (GTK_LABEL (get (dialog, GTK_TYPE_LABEL, "summary")));
  g_test_message ("summary: %s", summary);
  g_assert_nonnull (strstr (summary, "Restored 7 of 7 images"));
  for (guint i = 0; i < ids->len; i++)
    g_assert_true (am_test_families_image_exists (client, ids->pdata[i]));
  g_assert_true (am_test_families_image_exists (west, west_old));
  g_assert_false (am_test_families_image_exists (client, west_old));
  press (dialog, "close");
  am_ui_test_wait_window_gone (AM_TYPE_CLEANUP_DIALOG);
}

static gboolean
plan_has_region (AmCleanupPlan *plan,
                 const char    *region)
{
  GPtrArray *entries = am_cleanup_plan_get_entries (plan);

  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (am_image_get_region (((AmCleanupEntry *) entries->pdata[i])->image), region) == 0)
      return TRUE;
  return FALSE;
}

/* eu-west-1 is down: the plan still covers the other Regions, and names the one that failed
 * with why. */
static void
test_cleanup_region_down (void)
{
  const char *args[] = { "--faults", "region-down=eu-west-1", NULL };
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (args);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  AmEc2Client *client = am_session_get_client (session);
  g_autoptr (GPtrArray) ids = am_test_families_seed (client);
  g_autofree char *west = am_test_families_copy_to (client, ids->pdata[0], "us-west-2", "cleanup-app-2026-01-01");
  AmCleanupDialog *dialog;
  GtkWidget *failed;
  AmCleanupPlan *plan;

  dialog = open_all_regions (client);
  plan = am_cleanup_dialog_get_plan (dialog);
  g_assert_true (plan_has_region (plan, "us-east-1"));
  g_assert_true (plan_has_region (plan, "us-west-2"));
  g_assert_false (plan_has_region (plan, "eu-west-1"));
  g_assert_cmpuint (am_cleanup_plan_get_n_removals (plan), ==, 3);
  failed = get (dialog, GTK_TYPE_LABEL, "failed-regions");
  g_assert_true (gtk_widget_is_drawable (failed));
  g_test_message ("%s", gtk_label_get_label (GTK_LABEL (failed)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (failed)), "eu-west-1: could not connect"));
  shot (dialog, "cleanup-all-regions-one-down.png");

  /* Retry asks the failed Region again (still down): the plan comes back, with it named. */
  press (dialog, "retry-regions");
  g_assert_cmpstr (am_cleanup_dialog_get_page (dialog), ==, "loading");
  wait_page (dialog, "preview");
  g_assert_true (plan_has_region (plan, "us-west-2"));
  g_assert_cmpuint (am_cleanup_plan_get_n_removals (plan), ==, 3);
  g_assert_true (gtk_widget_is_drawable (failed));

  /* Back to this Region alone: the failure line goes. */
  gtk_switch_set_active (GTK_SWITCH (get (dialog, GTK_TYPE_SWITCH, "all-regions")), FALSE);
  wait_page (dialog, "preview");
  g_assert_false (plan_has_region (plan, "us-west-2"));
  g_assert_false (gtk_widget_is_drawable (failed));

  /* And every Region again: asked anew, not the last answers shown before they come. */
  gtk_switch_set_active (GTK_SWITCH (get (dialog, GTK_TYPE_SWITCH, "all-regions")), TRUE);
  g_assert_cmpstr (am_cleanup_dialog_get_page (dialog), ==, "loading");
  wait_page (dialog, "preview");
  g_assert_true (plan_has_region (plan, "us-west-2"));
  g_assert_true (gtk_widget_is_drawable (failed));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_cleanup_menu (void)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  AmWindow *window = am_window_new (app);
  GtkMenuButton *button = GTK_MENU_BUTTON (am_ui_test_get_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON,
                                                                  "primary_menu_button"));

  g_assert_true (am_ui_test_menu_has_action (gtk_menu_button_get_menu_model (button), "win.clean-up-images"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/cleanup/menu", test_cleanup_menu);
  g_test_add_func ("/ui/cleanup/not-connected", test_cleanup_not_connected);
  g_test_add_func ("/ui/cleanup/load-fails", test_cleanup_load_fails);
  g_test_add_func ("/ui/cleanup/keep-newest-run-undo-cancel", test_cleanup_dialog);
  g_test_add_func ("/ui/cleanup/undo-restores-snapshots", test_cleanup_undo_snapshots);
  g_test_add_func ("/ui/cleanup/all-regions-keep-newest-run-undo", test_cleanup_all_regions);
  g_test_add_func ("/ui/cleanup/all-regions-one-down", test_cleanup_region_down);
  return g_test_run ();
}
