/* bench-lifecycle-scale.c: the lifecycle views at scale: All Regions listing, Used By, cleanup preview, orphan filter
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-lifecycle-scale"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "am-cleanup-dialog.h"
#include "am-images-view-private.h"
#include "am-region-fanout.h"
#include "am-snapshots-view-private.h"
#include "am-ui-bench.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"

/*
 * The sandbox seeded with `--seed-scale lifecycle` (10,000 owned images in 5 regions, 20,000
 * snapshots, 2,000 instances, 300 launch templates; alice works in us-east-1). Prints
 * key=value lines, every time as wall clock with the CPU time of this process (the app: GTK
 * and the client) beside it, then "target NAME=FIGURE < LIMIT met|MISSED" lines and
 * targets_met=yes|no; a missed target exits with status 2. Each time ends at the frame
 * painted after the change.
 *
 * (a) Owned by Me of us-east-1 and All Regions, each in a new Images view with nothing cached,
 *     from the session given to the view to its last row loaded:
 *     on a sandbox answering at once (one thread serves all five regions, so this is the
 *     sandbox's throughput) and on one answering every request after AMIABLE_BENCH_LATENCY_MS
 *     (default 300), as a remote endpoint does: the target is judged there.
 * (b) Used By: from choosing a row to the pane's Used By list painted (DescribeImageReferences
 *     answered and its rows drawn), and the client call alone.
 * (c) The cleanup preview after the keep-newest spin button changes.
 * (d) The Snapshots view's Orphans Only check button, both ways.
 */

#define SCALE_IMAGES_PER_REGION 2000
#define SCALE_REGIONS 5
/* The usual seed's images of alice: two in us-east-1, one in eu-west-1. */
#define OWNED_HERE (SCALE_IMAGES_PER_REGION + 2)
#define OWNED_ALL (SCALE_IMAGES_PER_REGION * SCALE_REGIONS + 3)
/* us-east-1: 4,000 snapshots for 2,000 images, a third of the 2,000 beyond the roots orphaned. */
#define ORPHANS_HERE 666
#define DEADLINE_S 600

static gboolean all_met = TRUE;

static void
target (const char *name,
        double      figure,
        double      limit,
        gboolean    inclusive,
        const char *unit)
{
  all_met &= am_ui_bench_check_target (name, figure, limit, inclusive, unit);
}

static void
iterate_until_deadline (gint64      deadline,
                        const char *what)
{
  if (g_get_monotonic_time () > deadline)
    g_error ("%s did not end within %d s", what, DEADLINE_S);
  g_main_context_iteration (NULL, TRUE);
}

static void
print_times (const char *name,
             GArray     *times,
             GArray     *cpu)
{
  g_print ("%s_runs=%u\n", name, times->len);
  g_print ("%s_median_ms=%.1f\n", name, am_ui_bench_percentile (times, 0.5));
  g_print ("%s_p95_ms=%.1f\n", name, am_ui_bench_percentile (times, 0.95));
  g_print ("%s_cpu_median_ms=%.1f\n", name, am_ui_bench_percentile (cpu, 0.5));
  g_print ("%s_cpu_p95_ms=%.1f\n", name, am_ui_bench_percentile (cpu, 0.95));
}

static void
append (GArray *array,
        double  value)
{
  g_array_append_val (array, value);
}

/* --- (a) the listings ----------------------------------------------------------------------- */

typedef struct
{
  AmSandboxProcess *sandbox;
  AmSession        *session;
  GtkWidget        *window;
  AmImagesView     *view;
} Listing;

static guint
n_rows (AmImagesView *view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (_am_images_view_get_list_model (view)));
}

static gboolean
listing_loading (AmImagesView *view)
{
  if (view->scope == AM_IMAGES_SCOPE_ALL_REGIONS)
    return _am_images_view_all_regions_loading (view);
  return view->store != NULL && am_image_store_get_loading (view->store);
}

static void
listing_open (Listing    *listing,
              const char *latency)
{
  const char *plain[] = { "--seed-scale", "lifecycle", NULL };
  g_autofree char *faults = latency != NULL ? g_strdup_printf ("latency=%sms", latency) : NULL;
  const char *slow[] = { "--seed-scale", "lifecycle", "--faults", faults, NULL };
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + DEADLINE_S * G_USEC_PER_SEC;

  listing->sandbox = am_ui_test_sandbox_start (latency != NULL ? slow : plain);
  g_print ("%ssandbox_start_ms=%.0f\n", latency != NULL ? "latency_" : "",
           (g_get_monotonic_time () - start) / 1000.0);
  listing->session = am_ui_test_sandbox_session (listing->sandbox, "alice");
  listing->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (listing->window), 1280, 800);
  listing->view = AM_IMAGES_VIEW (am_images_view_new ());
  gtk_window_set_child (GTK_WINDOW (listing->window), GTK_WIDGET (listing->view));
  gtk_window_present (GTK_WINDOW (listing->window));
  am_ui_test_wait_mapped (listing->window);
  am_images_view_set_session (listing->view, listing->session);
  while (!am_ui_test_images_loaded (listing->view) || n_rows (listing->view) < OWNED_HERE)
    iterate_until_deadline (deadline, "The first Owned by Me listing");
}

static void
listing_close (Listing *listing)
{
  gtk_window_destroy (GTK_WINDOW (listing->window));
  am_ui_test_iterate ();
  g_clear_object (&listing->session);
  g_clear_object (&listing->sandbox);
}

/* A cache file being written (GLib writes FILE.XXXXXX, then renames it). */
static gboolean
cache_being_written (const char *dir)
{
  g_autoptr (GDir) files = g_dir_open (dir, 0, NULL);
  const char *name;

  while (files != NULL && (name = g_dir_read_name (files)) != NULL)
    if (!g_str_has_suffix (name, ".json"))
      return TRUE;
  return FALSE;
}

/* The Owned by Me listings Amiable keeps on disk to show at once on the next start, once the
 * last view's is written (removing it under the writer fails the write). */
static void
forget_cached_listings (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "amiable", "images", NULL);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  g_autoptr (GDir) files = NULL;
  const char *name;

  while (cache_being_written (dir) && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20 * 1000);
    }
  files = g_dir_open (dir, 0, NULL);
  while (files != NULL && (name = g_dir_read_name (files)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
}

/*
 * A new Images view in @scope (nothing cached: the whole listing is asked), from giving it
 * the session to its last row painted; -1 if the listing was cut short.
 */
static double
fresh_listing (Listing  *listing,
               int       scope,
               guint     expected,
               double   *cpu_out,
               double   *sandbox_cpu_out)
{
  const char *pid = am_sandbox_process_get_identifier (listing->sandbox);
  gint64 deadline = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;
  AmImagesView *view;
  gint64 start;
  double cpu, sandbox_cpu, t;

  forget_cached_listings ();
  view = listing->view = AM_IMAGES_VIEW (am_images_view_new ());
  gtk_window_set_child (GTK_WINDOW (listing->window), GTK_WIDGET (view));
  am_images_view_set_scope (view, scope);
  g_assert_cmpint (view->scope, ==, scope);
  am_ui_bench_wait_painted (listing->window, g_get_monotonic_time ());

  start = g_get_monotonic_time ();
  cpu = am_ui_bench_cpu_ms ();
  sandbox_cpu = am_ui_bench_process_cpu_ms (pid);
  am_images_view_set_session (view, listing->session);
  /* The listing starts at once; then every page of every Region, to the last row. */
  while (!listing_loading (view) && g_get_monotonic_time () - start < G_USEC_PER_SEC)
    g_main_context_iteration (NULL, FALSE);
  while (listing_loading (view) || n_rows (view) < expected)
    {
      if (!listing_loading (view) && n_rows (view) < expected)
        {
          g_printerr ("The listing ended with %u of %u rows\n", n_rows (view), expected);
          return -1;
        }
      iterate_until_deadline (deadline, "The listing");
    }
  t = am_ui_bench_wait_painted (listing->window, start);
  *cpu_out = am_ui_bench_cpu_ms () - cpu;
  *sandbox_cpu_out = am_ui_bench_process_cpu_ms (pid) - sandbox_cpu;
  if (scope == AM_IMAGES_SCOPE_ALL_REGIONS && am_region_fanout_get_error (_am_images_view_get_fanout (view)) != NULL)
    g_error ("All Regions failed: %s", am_region_fanout_get_error (_am_images_view_get_fanout (view))->message);
  if (n_rows (view) != expected)
    g_error ("The listing shows %u rows, not %u", n_rows (view), expected);
  return t;
}

/* Owned by Me and All Regions, alternately, @runs times each; returns the ratio of the medians. */
static double
measure_listings (Listing    *listing,
                  const char *prefix,
                  guint       runs)
{
  g_autoptr (GArray) here = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) here_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) here_sandbox = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) all_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) all_sandbox = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *name_here = g_strconcat (prefix, "owned_one_region", NULL);
  g_autofree char *name_all = g_strconcat (prefix, "all_regions", NULL);
  double ratio;

  for (guint i = 0; i < runs; i++)
    {
      double cpu = 0, sandbox_cpu = 0, t;

      t = fresh_listing (listing, AM_IMAGES_SCOPE_OWNED, OWNED_HERE, &cpu, &sandbox_cpu);
      append (here, t);
      append (here_cpu, cpu);
      append (here_sandbox, sandbox_cpu);
      t = fresh_listing (listing, AM_IMAGES_SCOPE_ALL_REGIONS, OWNED_ALL, &cpu, &sandbox_cpu);
      append (all, t);
      append (all_cpu, cpu);
      append (all_sandbox, sandbox_cpu);
    }
  g_print ("%s_rows=%u\n", name_here, OWNED_HERE);
  print_times (name_here, here, here_cpu);
  g_print ("%s_sandbox_cpu_median_ms=%.1f\n", name_here, am_ui_bench_percentile (here_sandbox, 0.5));
  g_print ("%s_rows=%u\n", name_all, OWNED_ALL);
  print_times (name_all, all, all_cpu);
  g_print ("%s_sandbox_cpu_median_ms=%.1f\n", name_all, am_ui_bench_percentile (all_sandbox, 0.5));
  ratio = am_ui_bench_percentile (all, 0.5) / am_ui_bench_percentile (here, 0.5);
  g_print ("%sall_regions_over_one_region=%.2f\n", prefix, ratio);
  return ratio;
}

/* --- (b) Used By ---------------------------------------------------------------------------- */

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  gint64 x = am_image_get_creation_time (*(AmImage **) a);
  gint64 y = am_image_get_creation_time (*(AmImage **) b);

  return x < y ? 1 : x > y ? -1 : 0;
}

static gboolean
still_looking (AmImageDetails *details)
{
  GtkWidget *row = am_ui_test_find_widget (GTK_WIDGET (details), ADW_TYPE_ACTION_ROW,
                                           "Looking for what uses this image…");

  return row != NULL && gtk_widget_get_visible (row);
}

static double
measure_used_by (Listing *listing)
{
  AmImagesView *view = listing->view;
  GListModel *list = G_LIST_MODEL (_am_images_view_get_list_model (view));
  GtkSelectionModel *selection = _am_images_view_get_selection (view);
  AmImageDetails *details = _am_images_view_get_details (view);
  AmEc2Client *client = am_session_get_client (listing->session);
  g_autoptr (GPtrArray) images = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) client_times = g_array_new (FALSE, FALSE, sizeof (double));
  /* The newest builds (instances and templates use them) and older ones (mostly unused). */
  const guint picks[] = { 0, 1, 2, 3, 4, 5, 6, 7, 300, 700, 1100, 1500, 1900 };
  guint used = 0;

  if (view->scope != AM_IMAGES_SCOPE_OWNED)
    am_images_view_set_scope (view, AM_IMAGES_SCOPE_OWNED);
  am_ui_test_images_wait_loaded (view);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (images, g_list_model_get_item (list, i));
  g_ptr_array_sort (images, newest_first);

  for (guint p = 0; p < G_N_ELEMENTS (picks); p++)
    {
      AmImage *image = images->pdata[picks[p]];
      gint64 deadline = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;
      guint position = G_MAXUINT;
      gint64 start;
      double cpu;

      for (guint i = 0; i < g_list_model_get_n_items (list) && position == G_MAXUINT; i++)
        {
          g_autoptr (AmImage) item = g_list_model_get_item (list, i);

          if (item == image)
            position = i;
        }
      g_assert_cmpuint (position, !=, G_MAXUINT);

      start = g_get_monotonic_time ();
      cpu = am_ui_bench_cpu_ms ();
      gtk_selection_model_select_item (selection, position, TRUE);
      while (am_image_details_get_image (details) != image || still_looking (details))
        iterate_until_deadline (deadline, "Used By");
      append (times, am_ui_bench_wait_painted (listing->window, start));
      append (cpu_times, am_ui_bench_cpu_ms () - cpu);
      if (am_image_details_get_field (details, "Used By/Instance") != NULL
          || am_image_details_get_field (details, "Used By/Launch Template") != NULL)
        used++;
    }
  gtk_selection_model_unselect_all (selection);

  /* The client call alone (DescribeImageReferences, signed, parsed), for the same images. */
  for (guint p = 0; p < G_N_ELEMENTS (picks); p++)
    {
      const char *ids[] = { am_image_get_image_id (images->pdata[picks[p]]), NULL };
      AmUiTestWait wait = { NULL };
      g_autoptr (GPtrArray) references = NULL;
      g_autoptr (GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      am_ec2_client_describe_image_references_async (client, ids, NULL, am_ui_test_wait_cb, &wait);
      references = am_ec2_client_describe_image_references_finish (client,
                                                                   am_ui_test_wait_for_result (&wait, DEADLINE_S * 1000),
                                                                   &error);
      g_assert_no_error (error);
      append (client_times, (g_get_monotonic_time () - start) / 1000.0);
      g_clear_object (&wait.result);
    }

  g_print ("used_by_images=%u\n", (guint) G_N_ELEMENTS (picks));
  g_print ("used_by_images_in_use=%u\n", used);
  print_times ("used_by", times, cpu_times);
  g_print ("used_by_client_call_median_ms=%.1f\n", am_ui_bench_percentile (client_times, 0.5));
  g_print ("used_by_client_call_p95_ms=%.1f\n", am_ui_bench_percentile (client_times, 0.95));
  if (used == 0)
    g_error ("No image chosen is in use: the seed did not give the newest builds instances");
  return am_ui_bench_percentile (times, 0.95);
}

/* --- (c) the cleanup preview ---------------------------------------------------------------- */

static double
measure_cleanup (Listing *listing)
{
  AmCleanupDialog *dialog = am_cleanup_dialog_new (GTK_WINDOW (listing->window), am_session_get_client (listing->session));
  GtkSpinButton *spin;
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  const double values[] = { 3, 1, 4, 2, 6, 2, 5, 1, 3, 2, 8, 2 };
  gint64 deadline = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;
  gint64 start = g_get_monotonic_time ();
  double cpu = am_ui_bench_cpu_ms ();

  gtk_window_set_default_size (GTK_WINDOW (dialog), 1100, 800);
  gtk_window_present (GTK_WINDOW (dialog));
  /* Loading reads every owned image of the region, what uses each and whom each is shared with. */
  while (g_strcmp0 (am_cleanup_dialog_get_page (dialog), "loading") == 0)
    iterate_until_deadline (deadline, "Loading the cleanup assistant");
  if (g_strcmp0 (am_cleanup_dialog_get_page (dialog), "preview") != 0)
    g_error ("The cleanup assistant shows its %s page", am_cleanup_dialog_get_page (dialog));
  am_ui_bench_wait_painted (GTK_WIDGET (dialog), start);
  g_print ("cleanup_load_ms=%.0f\n", (g_get_monotonic_time () - start) / 1000.0);
  g_print ("cleanup_load_cpu_ms=%.0f\n", am_ui_bench_cpu_ms () - cpu);

  spin = GTK_SPIN_BUTTON (am_ui_test_get_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, "keep-newest"));
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      start = g_get_monotonic_time ();
      cpu = am_ui_bench_cpu_ms ();
      gtk_spin_button_set_value (spin, values[i]);
      append (times, am_ui_bench_wait_painted (GTK_WIDGET (dialog), start));
      append (cpu_times, am_ui_bench_cpu_ms () - cpu);
      g_print ("cleanup_keep_newest_%.0f_removals=%u\n", values[i],
               am_cleanup_plan_get_n_removals (am_cleanup_dialog_get_plan (dialog)));
    }
  if (am_cleanup_plan_get_n_removals (am_cleanup_dialog_get_plan (dialog)) == 0)
    g_error ("The preview removes nothing: nothing was measured");
  /* The plan alone (no widgets): what of the recompute is the rules' own arithmetic. */
  {
    g_autoptr (GArray) plan_cpu = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < 5; i++)
      {
        cpu = am_ui_bench_cpu_ms ();
        am_cleanup_plan_compute (am_cleanup_dialog_get_plan (dialog));
        append (plan_cpu, am_ui_bench_cpu_ms () - cpu);
        am_ui_bench_wait_painted (GTK_WIDGET (dialog), g_get_monotonic_time ());
      }
    g_print ("cleanup_plan_compute_cpu_median_ms=%.1f\n", am_ui_bench_percentile (plan_cpu, 0.5));
  }
  am_ui_test_screenshot_light_dark (GTK_WIDGET (dialog), "bench-lifecycle-cleanup-preview", 300);
  print_times ("cleanup_recompute", times, cpu_times);
  gtk_window_destroy (GTK_WINDOW (dialog));
  am_ui_test_iterate ();
  return am_ui_bench_percentile (times, 0.95);
}

/* --- (d) the orphan filter ------------------------------------------------------------------ */

static double
measure_orphans (Listing *listing)
{
  GtkWidget *window = gtk_window_new ();
  AmSnapshotsView *view = AM_SNAPSHOTS_VIEW (am_snapshots_view_new ());
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) on_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) off_times = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 deadline = g_get_monotonic_time () + DEADLINE_S * G_USEC_PER_SEC;
  gint64 start = g_get_monotonic_time ();
  guint n_all;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (window);
  am_snapshots_view_set_session (view, listing->session);
  while (!view->loaded || am_snapshots_view_is_busy (view))
    iterate_until_deadline (deadline, "Loading the Snapshots view");
  am_ui_bench_wait_painted (window, start);
  n_all = am_snapshots_view_get_n_shown (view);
  g_print ("snapshots_load_ms=%.0f\n", (g_get_monotonic_time () - start) / 1000.0);
  g_print ("snapshots=%u\n", n_all);

  for (guint i = 0; i < 12; i++)
    {
      gboolean on = i % 2 == 0;
      double cpu = am_ui_bench_cpu_ms ();
      double t;

      start = g_get_monotonic_time ();
      gtk_check_button_set_active (view->orphans_check, on);
      t = am_ui_bench_wait_painted (window, start);
      append (times, t);
      append (on ? on_times : off_times, t);
      append (cpu_times, am_ui_bench_cpu_ms () - cpu);
      if (am_snapshots_view_get_n_shown (view) != (on ? ORPHANS_HERE : n_all))
        g_error ("Orphans Only %s shows %u snapshots", on ? "on" : "off", am_snapshots_view_get_n_shown (view));
      if (i == 0)
        am_ui_test_screenshot_light_dark (window, "bench-lifecycle-orphans", 300);
    }
  g_print ("orphans=%u\n", ORPHANS_HERE);
  print_times ("orphan_filter", times, cpu_times);
  g_print ("orphan_filter_on_median_ms=%.1f\n", am_ui_bench_percentile (on_times, 0.5));
  g_print ("orphan_filter_off_median_ms=%.1f\n", am_ui_bench_percentile (off_times, 0.5));
  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
  return am_ui_bench_percentile (times, 0.95);
}

/* AMIABLE_BENCH_PARTS: a comma-separated choice of listing, used-by, cleanup, orphans (default: all). */
static gboolean
part_wanted (const char *part)
{
  const char *parts = g_getenv ("AMIABLE_BENCH_PARTS");
  g_auto (GStrv) names = parts != NULL ? g_strsplit (parts, ",", -1) : NULL;

  return names == NULL || g_strv_contains ((const char * const *) names, part);
}

int
main (int    argc,
      char **argv)
{
  const char *latency = g_getenv ("AMIABLE_BENCH_LATENCY_MS") ?: "300";
  guint runs = g_getenv ("AMIABLE_BENCH_RUNS") != NULL ? (guint) atoi (g_getenv ("AMIABLE_BENCH_RUNS")) : 3;
  Listing direct = { NULL }, remote = { NULL };
  double ratio = -1, used_by, recompute, orphans;
  double cpu = 0;

  /* As bench-ui-images: the software GL renderer under Xvfb costs more than the views. */
  if (g_getenv ("GSK_RENDERER") == NULL)
    g_setenv ("GSK_RENDERER", "cairo", TRUE);
  am_ui_test_init (&argc, &argv);
  g_print ("renderer=%s\n", g_getenv ("GSK_RENDERER"));
  g_print ("load_average_start=%s\n", am_ui_bench_load_average ());
  runs = MAX (runs, 1);

  /* (b), (c), (d) and the listings' throughput on a sandbox that answers at once. */
  listing_open (&direct, NULL);
  if (part_wanted ("listing"))
    measure_listings (&direct, "", runs);
  used_by = part_wanted ("used-by") ? measure_used_by (&direct) : -1;
  recompute = part_wanted ("cleanup") ? measure_cleanup (&direct) : -1;
  orphans = part_wanted ("orphans") ? measure_orphans (&direct) : -1;
  listing_close (&direct);

  /* (a) as a remote endpoint answers: every request after the latency. */
  if (part_wanted ("listing"))
    {
      g_print ("latency_ms=%s\n", latency);
      listing_open (&remote, latency);
      ratio = measure_listings (&remote, "latency_", runs);
      listing_close (&remote);
    }

  cpu = am_ui_bench_cpu_ms ();
  g_print ("total_cpu_ms=%.0f\n", cpu);
  g_print ("load_average_end=%s\n", am_ui_bench_load_average ());
  if (part_wanted ("listing"))
    target ("all_regions_over_one_region", ratio, 1.5, TRUE, "");
  if (part_wanted ("used-by"))
    target ("used_by_p95_ms", used_by, 1000, FALSE, "ms");
  if (part_wanted ("cleanup"))
    target ("cleanup_recompute_p95_ms", recompute, 200, FALSE, "ms");
  if (part_wanted ("orphans"))
    target ("orphan_filter_p95_ms", orphans, 200, FALSE, "ms");
  g_print ("targets_met=%s\n", all_met ? "yes" : "no");

  return all_met ? 0 : 2;
}
