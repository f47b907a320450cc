/* test-screenshot.c: the window saves itself once its Images view has painted its first listing
 * (what build-aux/run.sh shows without a display), says so when the listing never comes, and
 * the UI tests draw without GL
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-screenshot"

#include "config.h"

#include <glib/gstdio.h>

#include "am-images-view-private.h"
#include "am-screenshot.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"
#include "am-window.h"

static AmImagesView *
images_view (AmWindow *window)
{
  return AM_IMAGES_VIEW (am_ui_test_get_widget (GTK_WIDGET (window), AM_TYPE_IMAGES_VIEW, NULL));
}

static void
test_screenshot_first_listing (void)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (NULL);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  g_autofree char *dir = g_dir_make_tmp ("amiable-screenshot-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "window.png", NULL);
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree guchar *pixels = NULL;
  AmUiTestWait wait = { 0 };
  AmWindow *window;
  gsize stride;
  int width, height;
  guint light = 0, dark = 0;

  /* Asked for before the window is shown or has a listing: it waits for both. */
  window = am_window_new_with_session (app, session);
  am_screenshot_when_listed_async (GTK_WINDOW (window), path, 120000, NULL, am_ui_test_wait_cb, &wait);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (am_screenshot_when_listed_finish (am_ui_test_wait_for_result (&wait, 150000), &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_assert_cmpstr (_am_images_view_get_state (images_view (window)), ==, "list");

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  g_assert_cmpint (width, ==, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (height, ==, gtk_widget_get_height (GTK_WIDGET (window)));
  /* A painted window: mostly light background with dark text, not one flat (black) colour. */
  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  for (gsize i = 0; i < stride * height; i += 4)
    {
      guint value = pixels[i] + pixels[i + 1] + pixels[i + 2];

      if (value > 600)
        light++;
      else if (value < 300)
        dark++;
    }
  g_test_message ("%d×%d: %u light, %u dark pixels", width, height, light, dark);
  g_assert_cmpuint (light, >, (guint) (width * height / 2));
  g_assert_cmpuint (dark, >, 500);

  gtk_window_close (GTK_WINDOW (window));
  am_ui_test_iterate ();
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_screenshot_never_listed (void)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  g_autofree char *dir = g_dir_make_tmp ("amiable-screenshot-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "window.png", NULL);
  g_autoptr (GError) error = NULL;
  AmUiTestWait wait = { 0 };
  AmWindow *window;

  /* A window whose session never connects lists nothing: the wait ends in words. */
  window = am_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  am_screenshot_when_listed_async (GTK_WINDOW (window), path, 1000, NULL, am_ui_test_wait_cb, &wait);
  g_assert_false (am_screenshot_when_listed_finish (am_ui_test_wait_for_result (&wait, 60000), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "did not show its first listing within 1 s"));
  g_assert_nonnull (strstr (error->message, path));
  g_clear_object (&wait.result);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  gtk_window_close (GTK_WINDOW (window));
  am_ui_test_iterate ();
  g_rmdir (dir);
}

/* The tests run with GDK_DEBUG=gl-disable (tests/meson.build): GDK then never loads the
 * machine's GL drivers, whose one-time allocations LeakSanitizer reports once they are unloaded.
 * Without it, Xvfb's GLX lets GDK load mesa's EGL/GLX and swrast_dri. */
static void
test_no_gl (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (gdk_display_prepare_gl (gdk_display_get_default (), &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/screenshot/first-listing", test_screenshot_first_listing);
  g_test_add_func ("/ui/screenshot/never-listed", test_screenshot_never_listed);
  g_test_add_func ("/ui/screenshot/no-gl", test_no_gl);

  return g_test_run ();
}
