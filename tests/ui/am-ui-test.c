/* am-ui-test.c: helpers for UI tests under Xvfb
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-ui-test"

#include "config.h"

#include "am-images-view-private.h"
#include "am-screenshot.h"
#include "am-session.h"
#include "am-style.h"
#include "am-ui-test.h"

#ifndef __has_feature
#define __has_feature(x) 0
#endif
#if defined (__SANITIZE_ADDRESS__) || __has_feature (address_sanitizer)
#include <link.h>
#include <string.h>
#include <sanitizer/lsan_interface.h>

/* From the sanitizers' allocator interface (gcc ships no header for it). */
int __sanitizer_get_ownership (const volatile void *p);
size_t __sanitizer_get_allocated_size (const volatile void *p);

/* GLib's first quark table: 2048 slots, allocated while GLib loads. GLib drops it, unfreed and
 * on purpose (lookups stay lock-free), once a program has more than 2048 quarks, as every GTK
 * test does. A leak report of it can only be told apart from a real one with a full stack, and
 * full stacks on every malloc made the sanitizer build's UI tests about five times slower. So
 * the table is found while it is still GLib's current one, and LeakSanitizer is told that it
 * is kept on purpose. GLib holds the table's address in a static variable: it is the word in
 * GLib's writable data that points to a block of the allocator of exactly that size whose slot
 * 1 holds quark 1's string. */
#define AM_QUARK_TABLE_SIZE (2048 * sizeof (char *))

static int
find_quark_table (struct dl_phdr_info *info,
                  size_t               size,
                  void                *found)
{
  const char *one = g_quark_to_string (1);

  if (strstr (info->dlpi_name, "libglib-2.0.so") == NULL)
    return 0;
  for (guint i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW (Phdr) *segment = &info->dlpi_phdr[i];
      guintptr start = info->dlpi_addr + segment->p_vaddr;
      guintptr end = start + segment->p_memsz;

      if (segment->p_type != PT_LOAD || (segment->p_flags & PF_W) == 0)
        continue;
      for (guintptr at = (start + sizeof (void *) - 1) & ~(guintptr) (sizeof (void *) - 1);
           at + sizeof (void *) <= end; at += sizeof (void *))
        {
          char **table = *(char ***) at;

          if (table != NULL && __sanitizer_get_ownership (table)
              && __sanitizer_get_allocated_size (table) == AM_QUARK_TABLE_SIZE
              && table[1] == one)
            {
              *(char ***) found = table;
              return 1;
            }
        }
    }
  return 0;
}

static void
keep_first_quark_table (void)
{
  char **table = NULL;

  dl_iterate_phdr (find_quark_table, &table);
  if (table != NULL)
    __lsan_ignore_object (table);
  else
    g_printerr ("GLib's first quark table was not found: a leak report of 16384 bytes from "
                "g_malloc alone is that table\n");
}

void
am_ui_test_expect_foreign_leaks (gboolean expect)
{
  if (expect)
    __lsan_disable ();
  else
    __lsan_enable ();
}
#else
static void
keep_first_quark_table (void)
{
}

void
am_ui_test_expect_foreign_leaks (gboolean expect)
{
}
#endif

void
am_ui_test_init_unstyled (int    *argc,
                          char ***argv)
{
  g_autofree char *home = NULL;

  keep_first_quark_table ();
  /* Caches and data go to a throwaway home so tests never touch the user's. Not
   * G_TEST_OPTION_ISOLATE_DIRS: it also hides XDG_DATA_DIRS, where the MIME database and
   * icon themes live. */
  home = g_dir_make_tmp ("amiable-ui-test-XXXXXX", NULL);
  g_assert_nonnull (home);
  g_setenv ("HOME", home, TRUE);
  for (guint i = 0; i < 3; i++)
    {
      static const char *vars[] = { "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME" };
      g_autofree char *dir = g_build_filename (home, vars[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  g_test_init (argc, argv, NULL);
  if (!gtk_init_check ())
    g_error ("No display: run UI tests under xvfb-run");
  adw_init ();
}

void
am_ui_test_init (int    *argc,
                 char ***argv)
{
  am_ui_test_init_unstyled (argc, argv);
  /* Widgets built without an AmApplication look as they do in the application. */
  am_style_load (gdk_display_get_default (), TRUE);
}

AmApplication *
am_ui_test_application_new (void)
{
  static AmApplication *app;

  /* One registered application per test program: a D-Bus object path can be exported once. */
  if (app == NULL)
    {
      g_autoptr (GError) error = NULL;

      app = am_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

  return g_object_ref (app);
}

void
am_ui_test_iterate (void)
{
  /* Let pending idles, layouts and frames run; bounded so a busy source cannot hang a test. */
  for (guint round = 0; round < 3; round++)
    {
      guint n = 0;

      while (g_main_context_pending (NULL) && n++ < 10000)
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

typedef struct
{
  gboolean done;
} WaitState;

static gboolean
wait_timeout_cb (gpointer data)
{
  WaitState *state = data;

  state->done = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
wait_poll_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
am_ui_test_wait_until (gboolean (*condition) (gpointer data),
                       gpointer   data,
                       guint      timeout_ms)
{
  WaitState state = { FALSE };
  guint timeout_id;
  guint poll_id;
  gboolean result;

  timeout_id = g_timeout_add (timeout_ms, wait_timeout_cb, &state);
  /* A condition on something outside the main loop (the sandbox's state, a file) has no event
   * to wake the loop: look again every 50 ms, or such a wait lasts until its ceiling. */
  poll_id = g_timeout_add (50, wait_poll_cb, NULL);
  while (!(result = condition (data)) && !state.done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (poll_id);
  if (!state.done)
    g_source_remove (timeout_id);

  return result;
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

void
am_ui_test_wait_mapped (GtkWidget *widget)
{
  g_assert_true (am_ui_test_wait_until (widget_mapped, widget, 5000));
  am_ui_test_iterate ();
}

static GtkWidget *
find_window_of_type (GType type)
{
  g_autoptr (GListModel) toplevels = NULL;
  guint n;

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  n = g_list_model_get_n_items (toplevels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (w), type) && gtk_widget_get_mapped (w))
        return w;
    }

  return NULL;
}

static gboolean
window_of_type_mapped (gpointer data)
{
  return find_window_of_type ((GType) GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
window_of_type_gone (gpointer data)
{
  return find_window_of_type ((GType) GPOINTER_TO_SIZE (data)) == NULL;
}

GtkWidget *
am_ui_test_wait_for_window_of_type (GType type)
{
  am_ui_test_wait_until (window_of_type_mapped, GSIZE_TO_POINTER (type), 5000);
  am_ui_test_iterate ();
  return find_window_of_type (type);
}

void
am_ui_test_wait_window_gone (GType type)
{
  g_assert_true (am_ui_test_wait_until (window_of_type_gone, GSIZE_TO_POINTER (type), 5000));
}

static gboolean
widget_matches (GtkWidget  *widget,
                GType       type,
                const char *name)
{
  const char *text = NULL;

  if (!g_type_is_a (G_OBJECT_TYPE (widget), type))
    return FALSE;
  if (name == NULL)
    return TRUE;

  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), name) == 0)
    return TRUE;
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return TRUE;
  if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_LABEL (widget))
    text = gtk_label_get_label (GTK_LABEL (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (text != NULL && g_strcmp0 (text, name) == 0)
    return TRUE;
  text = gtk_widget_get_tooltip_text (widget);
  return text != NULL && g_strcmp0 (text, name) == 0;
}

void
am_ui_test_message_dialog_press (GtkWidget  *dialog,
                                 const char *response)
{
  const char *label;
  GtkWidget *button;

  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), response));
  label = adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), response);
  button = am_ui_test_find_widget (dialog, GTK_TYPE_BUTTON, label);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_object_ref (dialog);
  g_signal_emit_by_name (button, "clicked");
  am_ui_test_iterate ();
  g_object_unref (dialog);
}

GtkWidget *
am_ui_test_find_widget (GtkWidget  *root,
                        GType       type,
                        const char *name)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  if (widget_matches (root, type, name))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = am_ui_test_find_widget (child, type, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
am_ui_test_get_widget (GtkWidget  *root,
                       GType       type,
                       const char *name)
{
  GtkWidget *widget = am_ui_test_find_widget (root, type, name);

  if (widget == NULL)
    g_error ("No %s named “%s” in %s", g_type_name (type), name, G_OBJECT_TYPE_NAME (root));
  return widget;
}

GtkWidget *
am_ui_test_find_label_containing (GtkWidget  *root,
                                  const char *needle)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_is_drawable (child)
          && strstr (gtk_label_get_text (GTK_LABEL (child)), needle) != NULL)
        return child;
      if ((found = am_ui_test_find_label_containing (child, needle)) != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
am_ui_test_find_action_button (GtkWidget  *root,
                               const char *action_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action_name) == 0)
        return child;
      if ((found = am_ui_test_find_action_button (child, action_name)) != NULL)
        return found;
    }
  return NULL;
}

gboolean
am_ui_test_screenshot (GtkWidget  *widget,
                       const char *path)
{
  g_autoptr (GError) error = NULL;

  if (!am_screenshot_save_png (widget, path, &error))
    {
      g_test_message ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
am_ui_test_screenshot_light_dark (GtkWidget  *widget,
                                  const char *name,
                                  guint       settle_ms)
{
  const char *dir = g_getenv ("AMIABLE_SCREENSHOT_DIR");
  AdwStyleManager *style = adw_style_manager_get_default ();
  static const struct { AdwColorScheme scheme; const char *suffix; } schemes[] = {
    { ADW_COLOR_SCHEME_FORCE_LIGHT, "light" },
    { ADW_COLOR_SCHEME_FORCE_DARK, "dark" },
  };
  gboolean all_saved = TRUE;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (dir == NULL)
    return TRUE;

  g_mkdir_with_parents (dir, 0755);
  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%s.png", name, schemes[i].suffix);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      gint64 until = g_get_monotonic_time () + settle_ms * G_TIME_SPAN_MILLISECOND;
      gboolean saved = FALSE;

      adw_style_manager_set_color_scheme (style, schemes[i].scheme);
      do
        am_ui_test_iterate ();
      while (g_get_monotonic_time () < until);
      /* A widget between two frames, or just relaid out, has nothing to paint yet. */
      for (guint attempt = 0; attempt < 20 && !saved; attempt++)
        {
          if (attempt > 0)
            {
              g_usleep (50000);
              am_ui_test_iterate ();
            }
          saved = am_ui_test_screenshot (widget, path);
        }
      if (saved)
        g_test_message ("screenshot %s", path);
      else
        g_test_message ("could not take the screenshot %s", path);
      all_saved = all_saved && saved;
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  am_ui_test_iterate ();

  return all_saved;
}

void
am_ui_test_wait_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AmUiTestWait *wait = user_data;

  wait->result = g_object_ref (result);
}

static gboolean
wait_done (gpointer data)
{
  return ((AmUiTestWait *) data)->result != NULL;
}

GAsyncResult *
am_ui_test_wait_for_result (AmUiTestWait *wait,
                            guint         timeout_ms)
{
  g_return_val_if_fail (wait != NULL, NULL);

  g_assert_true (am_ui_test_wait_until (wait_done, wait, timeout_ms));
  return wait->result;
}

gboolean
am_ui_test_menu_has_action (GMenuModel *model,
                            const char *action_name)
{
  g_return_val_if_fail (G_IS_MENU_MODEL (model), FALSE);

  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *action = NULL;
      GMenuLinkIter *iter;
      gboolean found = FALSE;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action)
          && g_strcmp0 (action, action_name) == 0)
        return TRUE;

      iter = g_menu_model_iterate_item_links (model, i);
      while (!found && g_menu_link_iter_next (iter))
        {
          g_autoptr (GMenuModel) link = g_menu_link_iter_get_value (iter);

          found = am_ui_test_menu_has_action (link, action_name);
        }
      g_object_unref (iter);
      if (found)
        return TRUE;
    }

  return FALSE;
}

gboolean
am_ui_test_images_loaded (gpointer view)
{
  const char *state = _am_images_view_get_state (view);
  GtkWidget *bar = am_ui_test_find_widget (GTK_WIDGET (view), GTK_TYPE_PROGRESS_BAR, NULL);
  GtkRevealer *progress = GTK_REVEALER (gtk_widget_get_ancestor (bar, GTK_TYPE_REVEALER));

  return g_strcmp0 (state, "loading") != 0 && g_strcmp0 (state, "no-session") != 0
         && !gtk_revealer_get_reveal_child (progress);
}

void
am_ui_test_images_wait_loaded (AmImagesView *view)
{
  g_return_if_fail (AM_IS_IMAGES_VIEW (view));

  g_assert_true (am_ui_test_wait_until (am_ui_test_images_loaded, view, 30000));
  am_ui_test_iterate ();
}

GtkWindow *
am_ui_test_images_window (AmSession     *session,
                          int            scope,
                          AmImagesView **view)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  *view = AM_IMAGES_VIEW (am_images_view_new ());
  gtk_window_set_default_size (window, 1280, 900);
  gtk_window_set_child (window, GTK_WIDGET (*view));
  gtk_window_present (window);
  am_ui_test_wait_mapped (GTK_WIDGET (window));
  am_images_view_set_session (*view, session);
  am_images_view_set_scope (*view, scope);
  am_ui_test_images_wait_loaded (*view);
  return window;
}

gboolean
am_ui_test_images_listed (gpointer view)
{
  return g_strcmp0 (_am_images_view_get_state (view), "list") == 0
         && am_ui_test_images_n_rows (view) > 0;
}

guint
am_ui_test_images_n_rows (AmImagesView *view)
{
  g_return_val_if_fail (AM_IS_IMAGES_VIEW (view), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (_am_images_view_get_list_model (view)));
}

GtkWidget *
am_ui_test_column_title (GtkColumnView       *view,
                         GtkColumnViewColumn *column)
{
  GtkWidget *label;

  if (gtk_column_view_column_get_column_view (column) != view)
    return NULL;
  label = am_ui_test_find_widget (GTK_WIDGET (view), GTK_TYPE_LABEL, gtk_column_view_column_get_title (column));
  while (label != NULL && g_strcmp0 (gtk_widget_get_css_name (gtk_widget_get_parent (label)), "header") != 0)
    label = gtk_widget_get_parent (label);
  return label;
}

gboolean
am_ui_test_column_on_screen (GtkColumnView       *view,
                             GtkColumnViewColumn *column)
{
  GtkWidget *title = am_ui_test_column_title (view, column);
  graphene_rect_t bounds;

  if (title == NULL || !gtk_widget_compute_bounds (title, GTK_WIDGET (view), &bounds))
    return FALSE;
  return bounds.size.width > 0 && bounds.origin.x >= -1
         && bounds.origin.x + bounds.size.width <= gtk_widget_get_width (GTK_WIDGET (view)) + 1;
}

typedef struct
{
  AdwMessageDialog *dialog;
  const char       *response;
} ResponseWait;

static gboolean
response_enabled (gpointer data)
{
  ResponseWait *wait = data;

  return adw_message_dialog_get_response_enabled (wait->dialog, wait->response);
}

void
am_ui_test_wait_response_enabled (GtkWidget  *dialog,
                                  const char *response)
{
  ResponseWait wait = { ADW_MESSAGE_DIALOG (dialog), response };

  g_assert_true (am_ui_test_wait_until (response_enabled, &wait, 30000));
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
am_ui_test_settle (guint ms)
{
  am_ui_test_wait_until (never, NULL, ms);
}

gboolean
am_ui_test_session_settled (gpointer session)
{
  return am_session_get_state (session) == AM_SESSION_STATE_READY ||
         am_session_get_state (session) == AM_SESSION_STATE_FAILED;
}
