/* am-ui-bench.h: what the GTK benchmarks share: painted-frame waits, CPU time, load, percentiles, targets
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Waits for @window's next painted frame (its frame clock's "after-paint"); returns the
 * milliseconds since @start (monotonic microseconds). */
double      am_ui_bench_wait_painted   (GtkWidget  *window,
                                        gint64      start);
/* This process's CPU time (user + system) in ms: GTK renders in it too. */
double      am_ui_bench_cpu_ms         (void);
/* Another process's CPU time in ms (from /proc/PID/stat), -1 when it cannot be read. */
double      am_ui_bench_process_cpu_ms (const char *pid);
/* The one-minute load average, as /proc/loadavg says it ("unknown" otherwise). */
const char *am_ui_bench_load_average   (void);
/* The @p quantile (0–1) of @times (doubles; sorted in place), -1 when empty. */
double      am_ui_bench_percentile     (GArray     *times,
                                        double      p);
/* Prints "target NAME=FIGURE < LIMIT UNIT met|MISSED" (≤ when @inclusive); returns whether met. */
gboolean    am_ui_bench_check_target   (const char *name,
                                        double      figure,
                                        double      limit,
                                        gboolean    inclusive,
                                        const char *unit);

G_END_DECLS
