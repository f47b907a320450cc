/* test-instances-view.c: the Instances view builds, shows its states and filters
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-instances-view"

#include "config.h"

#include "am-instances-view.h"
#include "am-ui-test.h"

/* Saves light and dark screenshots of @widget under $AMIABLE_SCREENSHOT_DIR, when set. */
static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("AMIABLE_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  static const struct { AdwColorScheme scheme; const char *suffix; } schemes[] = {
    { ADW_COLOR_SCHEME_FORCE_LIGHT, "light" },
    { ADW_COLOR_SCHEME_FORCE_DARK, "dark" },
  };

  if (dir == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *file = g_strdup_printf ("instances-%s-%s.png", name, schemes[i].suffix);
      g_autofree char *path = g_build_filename (dir, file, NULL);

      gboolean saved = FALSE;

      adw_style_manager_set_color_scheme (style, schemes[i].scheme);
      /* A widget between two frames has nothing to paint yet: give it a few tries. */
      for (guint attempt = 0; attempt < 20 && !saved; attempt++)
        {
          am_ui_test_iterate ();
          saved = am_ui_test_screenshot (widget, path);
        }
      if (saved)
        g_test_message ("screenshot %s", path);
      else
        g_test_message ("could not take the screenshot %s", path);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_instances_view_disconnected (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = am_instances_view_new ();
  GtkWidget *stack;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 600);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (view);

  /* Without a session the view says so and offers nothing to act on. */
  g_assert_null (am_instances_view_get_session (AM_INSTANCES_VIEW (view)));
  stack = am_ui_test_find_widget (view, GTK_TYPE_STACK, "stack");
  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "disconnected");
  g_assert_cmpuint (am_instances_view_get_n_instances (AM_INSTANCES_VIEW (view)), ==, 0);
  g_assert_false (am_instances_view_is_polling (AM_INSTANCES_VIEW (view)));
  g_assert_false (gtk_widget_activate_action (view, "instances.copy-id", NULL) &&
                  gdk_clipboard_get_content (gtk_widget_get_clipboard (view)) != NULL);

  screenshot (window, "disconnected");

  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/instances/view/disconnected", test_instances_view_disconnected);

  return g_test_run ();
}
