/* am-screenshot.c: saves a PNG of a window once its Images view has painted its first listing
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-screenshot"

#include "config.h"

#include "am-images-view-private.h"
#include "am-images-view.h"
#include "am-screenshot.h"

typedef struct
{
  GtkWindow     *window;
  AmImagesView  *view;
  char          *path;
  GdkFrameClock *clock;
  gulong         paint_id;
  guint          poll_id;
  guint          timeout_id;
  guint          timeout_ms;
} Waiter;

static void
waiter_free (Waiter *waiter)
{
  g_clear_handle_id (&waiter->poll_id, g_source_remove);
  g_clear_handle_id (&waiter->timeout_id, g_source_remove);
  if (waiter->clock != NULL)
    g_clear_signal_handler (&waiter->paint_id, waiter->clock);
  g_clear_object (&waiter->clock);
  g_clear_object (&waiter->view);
  g_clear_object (&waiter->window);
  g_free (waiter->path);
  g_free (waiter);
}

gboolean
am_screenshot_save_png (GtkWidget   *widget,
                        const char  *path,
                        GError     **error)
{
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GtkNative *native;
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  native = gtk_widget_get_native (widget);
  if (width <= 0 || height <= 0 || native == NULL || gtk_native_get_renderer (native) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                   "The window is not shown yet, so there is nothing to save in %s", path);
      return FALSE;
    }
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The window drew nothing to save in %s", path);
      return FALSE;
    }
  graphene_rect_init (&bounds, 0, 0, width, height);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (native), node, &bounds);
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write the screenshot %s", path);
      return FALSE;
    }
  return TRUE;
}

static AmImagesView *
find_images_view (GtkWidget *widget)
{
  if (AM_IS_IMAGES_VIEW (widget))
    return AM_IMAGES_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AmImagesView *view = find_images_view (child);

      if (view != NULL)
        return view;
    }
  return NULL;
}

/* Ends the wait: stops polling, the timeout and the paint handler, returns @error (or success)
 * and drops the reference the running wait held. */
static void
waiter_finish (GTask  *task,
               GError *error)
{
  Waiter *waiter = g_task_get_task_data (task);

  g_clear_handle_id (&waiter->poll_id, g_source_remove);
  g_clear_handle_id (&waiter->timeout_id, g_source_remove);
  if (waiter->clock != NULL)
    g_clear_signal_handler (&waiter->paint_id, waiter->clock);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
after_paint_cb (GdkFrameClock *clock,
                GTask         *task)
{
  Waiter *waiter = g_task_get_task_data (task);
  GError *error = NULL;

  am_screenshot_save_png (GTK_WIDGET (waiter->window), waiter->path, &error);
  waiter_finish (task, error);
}

/* A stack cross-fading from the "Connecting…" page, or a revealer sliding, would be caught
 * half-way: the picture waits until every transition in the window has ended. */
static gboolean
transition_running (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return TRUE;
  if (GTK_IS_REVEALER (widget) && gtk_widget_get_mapped (widget)
      && gtk_revealer_get_reveal_child (GTK_REVEALER (widget))
         != gtk_revealer_get_child_revealed (GTK_REVEALER (widget)))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (transition_running (child))
      return TRUE;
  return FALSE;
}

static gboolean
poll_cb (gpointer user_data)
{
  GTask *task = user_data;
  Waiter *waiter = g_task_get_task_data (task);
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    {
      waiter->poll_id = 0;
      waiter_finish (task, error);
      return G_SOURCE_REMOVE;
    }
  if (waiter->view == NULL)
    {
      AmImagesView *view = find_images_view (GTK_WIDGET (waiter->window));

      if (view != NULL)
        waiter->view = g_object_ref (view);
    }
  if (waiter->view == NULL || !gtk_widget_get_mapped (GTK_WIDGET (waiter->view))
      || g_strcmp0 (_am_images_view_get_state (waiter->view), "list") != 0
      || g_list_model_get_n_items (G_LIST_MODEL (_am_images_view_get_list_model (waiter->view))) == 0
      || transition_running (GTK_WIDGET (waiter->window)))
    return G_SOURCE_CONTINUE;

  /* Listed: the window's next paint lays out and draws the rows; save right after it. */
  waiter->poll_id = 0;
  waiter->clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (waiter->window)));
  waiter->paint_id = g_signal_connect (waiter->clock, "after-paint", G_CALLBACK (after_paint_cb), task);
  gtk_widget_queue_draw (GTK_WIDGET (waiter->window));
  return G_SOURCE_REMOVE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  Waiter *waiter = g_task_get_task_data (task);
  const char *state = waiter->view != NULL ? _am_images_view_get_state (waiter->view) : NULL;

  waiter->timeout_id = 0;
  waiter_finish (task, g_error_new (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                                    "The Images view did not show its first listing within %u s (it "
                                    "shows: %s), so no screenshot was saved in %s",
                                    waiter->timeout_ms / 1000, state != NULL ? state : "nothing yet",
                                    waiter->path));
  return G_SOURCE_REMOVE;
}

void
am_screenshot_when_listed_async (GtkWindow           *window,
                                 const char          *path,
                                 guint                timeout_ms,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  Waiter *waiter;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (path != NULL);

  task = g_task_new (window, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_screenshot_when_listed_async);
  waiter = g_new0 (Waiter, 1);
  waiter->window = g_object_ref (window);
  waiter->path = g_strdup (path);
  waiter->timeout_ms = timeout_ms;
  g_task_set_task_data (task, waiter, (GDestroyNotify) waiter_free);
  /* The running wait holds one reference; waiter_finish drops it. */
  g_object_ref (task);
  waiter->poll_id = g_timeout_add (100, poll_cb, task);
  waiter->timeout_id = g_timeout_add (timeout_ms, timeout_cb, task);
}

gboolean
am_screenshot_when_listed_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_screenshot_when_listed_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
