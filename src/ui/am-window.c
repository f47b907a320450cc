/* am-window.c: the main Amiable window: header bar, view switcher, remembered size
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-window"

#include "config.h"

#include <glib/gi18n.h>

#include "am-window.h"

struct _AmWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;

  /* owned */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (AmWindow, am_window, ADW_TYPE_APPLICATION_WINDOW)

AmWindow *
am_window_new (AmApplication *application)
{
  g_return_val_if_fail (AM_IS_APPLICATION (application), NULL);

  return g_object_new (AM_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

void
am_window_show_view (AmWindow   *self,
                     const char *name)
{
  g_return_if_fail (AM_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    {
      g_warning ("No view named “%s”", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
am_window_get_visible_view (AmWindow *self)
{
  g_return_val_if_fail (AM_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
am_window_add_toast (AmWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (AM_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
am_window_show_view_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  am_window_show_view (AM_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
am_window_save_size (AmWindow *self)
{
  int width;
  int height;

  /* The default size is what the user resized to, not the maximized size. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
am_window_close_request (GtkWindow *window)
{
  am_window_save_size (AM_WINDOW (window));

  return GTK_WINDOW_CLASS (am_window_parent_class)->close_request (window);
}

static void
am_window_constructed (GObject *object)
{
  AmWindow *self = AM_WINDOW (object);
  int width;
  int height;

  G_OBJECT_CLASS (am_window_parent_class)->constructed (object);

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "last-view", self->view_stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
am_window_dispose (GObject *object)
{
  AmWindow *self = AM_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (am_window_parent_class)->dispose (object);
}

static void
am_window_class_init (AmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = am_window_constructed;
  object_class->dispose = am_window_dispose;
  window_class->close_request = am_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/am-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AmWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, view_stack);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", am_window_show_view_action);
}

static void
am_window_init (AmWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
}
