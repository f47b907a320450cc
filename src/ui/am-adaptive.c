/* am-adaptive.c: list and details in one pane on a narrow window (libadwaita 1.2's leaflet)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-adaptive"

#include "config.h"

#include "am-adaptive.h"

/* A selection this soon after a press on the list is the user's click or tap. */
#define PRESS_WINDOW_US (800 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  AdwLeaflet        *leaflet;    /* weak */
  GtkColumnView     *list;       /* weak */
  GtkSelectionModel *model;      /* the list's model whose selection is followed */
  gulong             changed_id;
  gint64             pressed_at;
} Follow;

static void
follow_free (gpointer data)
{
  Follow *follow = data;

  if (follow->model != NULL)
    g_clear_signal_handler (&follow->changed_id, follow->model);
  g_clear_object (&follow->model);
  g_clear_weak_pointer (&follow->leaflet);
  g_clear_weak_pointer (&follow->list);
  g_free (follow);
}

static void
show_details (Follow *follow)
{
  if (follow->leaflet == NULL || !adw_leaflet_get_folded (follow->leaflet))
    return;
  /* From the list to the details page; nothing when the details are already shown. */
  adw_leaflet_navigate (follow->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
activate_cb (GtkColumnView *list,
             guint          position,
             Follow        *follow)
{
  show_details (follow);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            Follow          *follow)
{
  follow->pressed_at = g_get_monotonic_time ();
}

static void
selection_changed_cb (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      Follow            *follow)
{
  g_autoptr (GtkBitset) selected = gtk_selection_model_get_selection (model);

  if (follow->pressed_at == 0 || g_get_monotonic_time () - follow->pressed_at > PRESS_WINDOW_US ||
      gtk_bitset_is_empty (selected))
    return;
  follow->pressed_at = 0;
  show_details (follow);
}

static void
model_changed_cb (GtkColumnView *list,
                  GParamSpec    *pspec,
                  Follow        *follow)
{
  if (follow->model != NULL)
    g_clear_signal_handler (&follow->changed_id, follow->model);
  g_set_object (&follow->model, gtk_column_view_get_model (list));
  if (follow->model != NULL)
    follow->changed_id = g_signal_connect (follow->model, "selection-changed",
                                           G_CALLBACK (selection_changed_cb), follow);
}

static void
back_clicked_cb (GtkButton *back,
                 Follow    *follow)
{
  if (follow->leaflet != NULL)
    adw_leaflet_navigate (follow->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static GtkWidget *
find_back (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_has_css_class (root, "details-back"))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_back (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
am_adaptive_follow_list (GtkColumnView *list)
{
  GtkWidget *leaflet = gtk_widget_get_ancestor (GTK_WIDGET (list), ADW_TYPE_LEAFLET);
  GtkWidget *back = leaflet != NULL ? find_back (leaflet) : NULL;
  GtkGesture *press;
  Follow *follow;

  g_return_if_fail (GTK_IS_COLUMN_VIEW (list));
  g_return_if_fail (leaflet != NULL);
  g_return_if_fail (back != NULL);

  press = gtk_gesture_click_new ();
  follow = g_new0 (Follow, 1);
  g_set_weak_pointer (&follow->leaflet, ADW_LEAFLET (leaflet));
  g_set_weak_pointer (&follow->list, list);
  g_object_set_data_full (G_OBJECT (list), "am-adaptive-follow", follow, follow_free);

  g_signal_connect (list, "activate", G_CALLBACK (activate_cb), follow);
  g_signal_connect (list, "notify::model", G_CALLBACK (model_changed_cb), follow);
  model_changed_cb (list, NULL, follow);

  /* Seen before the row handles the press (and selects). */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (press), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (press), GTK_PHASE_CAPTURE);
  g_signal_connect (press, "pressed", G_CALLBACK (pressed_cb), follow);
  gtk_widget_add_controller (GTK_WIDGET (list), GTK_EVENT_CONTROLLER (press));

  g_object_bind_property (leaflet, "folded", back, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect (back, "clicked", G_CALLBACK (back_clicked_cb), follow);
}
