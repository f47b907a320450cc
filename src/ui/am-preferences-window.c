/* am-preferences-window.c: the Preferences window (accounts, endpoints, defaults)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-preferences-window"

#include "config.h"

#include "am-preferences-window.h"

struct _AmPreferencesWindow
{
  AdwPreferencesWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (AmPreferencesWindow, am_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

AmPreferencesWindow *
am_preferences_window_new (void)
{
  return g_object_new (AM_TYPE_PREFERENCES_WINDOW, NULL);
}

static void
am_preferences_window_class_init (AmPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amiable/Amiable/am-preferences-window.ui");
}

static void
am_preferences_window_init (AmPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
