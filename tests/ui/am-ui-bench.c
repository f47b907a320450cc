/* am-ui-bench.c: what the GTK benchmarks share: painted-frame waits, CPU time, load, percentiles, targets
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-ui-bench"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "am-ui-bench.h"

static void
painted_cb (GdkFrameClock *clock,
            gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;
}

double
am_ui_bench_wait_painted (GtkWidget *window,
                          gint64     start)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong handler;

  g_return_val_if_fail (clock != NULL, -1);

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  return (g_get_monotonic_time () - start) / 1000.0;
}

double
am_ui_bench_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec * 1e3 + usage.ru_utime.tv_usec / 1e3
         + usage.ru_stime.tv_sec * 1e3 + usage.ru_stime.tv_usec / 1e3;
}

double
am_ui_bench_process_cpu_ms (const char *pid)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto (GStrv) fields = NULL;
  const char *after_name;

  if (pid == NULL)
    return -1;
  path = g_strdup_printf ("/proc/%s/stat", pid);
  if (!g_file_get_contents (path, &contents, NULL, NULL) || (after_name = strrchr (contents, ')')) == NULL)
    return -1;
  /* After "pid (comm)": state is field 3; utime and stime are fields 14 and 15. */
  fields = g_strsplit (after_name + 2, " ", 0);
  if (g_strv_length (fields) < 13)
    return -1;
  return (g_ascii_strtod (fields[11], NULL) + g_ascii_strtod (fields[12], NULL)) * 1000.0 / sysconf (_SC_CLK_TCK);
}

const char *
am_ui_bench_load_average (void)
{
  static char text[64];
  g_autofree char *contents = NULL;

  g_strlcpy (text, "unknown", sizeof text);
  if (g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
    g_snprintf (text, sizeof text, "%.*s", (int) strcspn (contents, " "), contents);
  return text;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
am_ui_bench_percentile (GArray *times,
                        double  p)
{
  guint i;

  if (times->len == 0)
    return -1;
  g_array_sort (times, compare_doubles);
  i = (guint) (p * (times->len - 1) + 0.5);
  return g_array_index (times, double, MIN (i, times->len - 1));
}

gboolean
am_ui_bench_check_target (const char *name,
                          double      figure,
                          double      limit,
                          gboolean    inclusive,
                          const char *unit)
{
  gboolean met = figure >= 0 && (inclusive ? figure <= limit : figure < limit);

  g_print ("target %s=%.2f %s %g %s %s\n", name, figure, inclusive ? "<=" : "<", limit, unit,
           met ? "met" : "MISSED");
  return met;
}
