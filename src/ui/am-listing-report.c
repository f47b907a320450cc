/* am-listing-report.c: prints one line when the Images view first shows rows (install tests)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-listing-report"

#include "config.h"

#include <stdio.h>

#include "am-listing-report.h"
#include "am-sandbox-process.h"
#include "am-window.h"
#include "images/am-images-view.h"

typedef struct
{
  GtkWindow     *window;
  GtkColumnView *column_view;
  GListModel    *model;
  gulong         items_changed_id;
  gulong         map_id;
  gulong         after_paint_id;
  GdkFrameClock *frame_clock;
  gboolean       armed;
} Report;

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
report_free (Report *report)
{
  if (report->frame_clock != NULL)
    g_clear_signal_handler (&report->after_paint_id, report->frame_clock);
  g_clear_object (&report->frame_clock);
  g_clear_signal_handler (&report->items_changed_id, report->model);
  g_clear_signal_handler (&report->map_id, report->column_view);
  g_clear_object (&report->model);
  g_free (report);
}

/* The report lives as long as the column view, or until it has printed its line. */
static void
report_column_view_gone (gpointer  data,
                         GObject  *where_the_object_was)
{
  Report *report = data;

  report->map_id = 0;   /* gone with the column view's handlers */
  report_free (report);
}

static void
report_after_paint_cb (GdkFrameClock *frame_clock,
                       Report        *report)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (report->column_view));
  AmSession *session = am_window_get_session (AM_WINDOW (report->window));
  GtkIconTheme *icons = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (report->window)));
  GtkWidget *images = gtk_widget_get_ancestor (GTK_WIDGET (report->column_view), AM_TYPE_IMAGES_VIEW);
  GtkWidget *stack = gtk_widget_get_ancestor (images, ADW_TYPE_VIEW_STACK);
  g_autofree char *sandbox = am_sandbox_process_find_program ();
  const char *view = NULL;

  for (GtkWidget *child = images; stack != NULL && child != NULL; child = gtk_widget_get_parent (child))
    if (gtk_widget_get_parent (child) == stack)
      {
        view = adw_view_stack_page_get_title (adw_view_stack_get_page (ADW_VIEW_STACK (stack), child));
        break;
      }

  g_print ("first-listing rows=%u profile=%s region=%s endpoint=%s sandbox=%s icon=%s view=%s\n",
           g_list_model_get_n_items (model),
           am_session_get_profile_name (session),
           am_session_get_region (session),
           am_session_get_endpoint (session),
           sandbox != NULL ? sandbox : "(none)",
           gtk_icon_theme_has_icon (icons, APP_ID) ? "yes" : "no",
           view != NULL ? view : "(none)");
  fflush (stdout);

  g_object_weak_unref (G_OBJECT (report->column_view), report_column_view_gone, report);
  report_free (report);
}

/* Rows exist and the list is on screen: report after the next frame is painted. */
static void
report_check (Report *report)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (report->column_view));

  if (report->armed || g_list_model_get_n_items (model) == 0 ||
      !gtk_widget_get_mapped (GTK_WIDGET (report->column_view)))
    return;

  report->armed = TRUE;
  report->frame_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (report->column_view)));
  report->after_paint_id = g_signal_connect (report->frame_clock, "after-paint",
                                             G_CALLBACK (report_after_paint_cb), report);
  gtk_widget_queue_draw (GTK_WIDGET (report->column_view));
}

static void
report_items_changed_cb (Report     *report,
                         guint       position,
                         guint       removed,
                         guint       added,
                         GListModel *model)
{
  report_check (report);
}

void
am_listing_report_watch (GtkWindow *window)
{
  GtkWidget *images;
  Report *report;

  g_return_if_fail (AM_IS_WINDOW (window));

  if (g_getenv ("AMIABLE_REPORT_FIRST_LISTING") == NULL)
    return;

  images = find_descendant (GTK_WIDGET (window), AM_TYPE_IMAGES_VIEW);
  g_return_if_fail (images != NULL);

  report = g_new0 (Report, 1);
  report->window = window;
  report->column_view = GTK_COLUMN_VIEW (find_descendant (images, GTK_TYPE_COLUMN_VIEW));
  g_object_weak_ref (G_OBJECT (report->column_view), report_column_view_gone, report);
  report->model = G_LIST_MODEL (g_object_ref (gtk_column_view_get_model (report->column_view)));
  report->items_changed_id = g_signal_connect_swapped (report->model, "items-changed",
                                                       G_CALLBACK (report_items_changed_cb), report);
  report->map_id = g_signal_connect_swapped (report->column_view, "map", G_CALLBACK (report_check), report);
  report_check (report);
}
