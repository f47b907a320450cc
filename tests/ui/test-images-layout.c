/* test-images-layout.c: at the main window's default size the Images list shows its main columns beside the details pane
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-images-layout"

#include "config.h"

#include "am-imds-dialog.h"

#include "am-images-view-private.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"
#include "am-window.h"

#define CALL_TIMEOUT_MS 30000

static gboolean
column_shown (AmImagesView  *view,
              AmImageColumn  column)
{
  return gtk_column_view_column_get_column_view (_am_images_view_get_column (view, column)) != NULL;
}

/* The default window (1280×800): Name, AMI ID, Owner, Platform, Architecture, Root Device and
 * Created (the default sort) fit beside a details pane of about 330 px, which keeps Launch
 * Instance in sight and the other actions in its ⋮ menu. */
static void
test_default_layout (void)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (AmSandboxProcess) sandbox = NULL;
  g_autoptr (AmSession) session = NULL;
  static const AmImageColumn shown[] = {
    AM_IMAGE_COLUMN_NAME, AM_IMAGE_COLUMN_ID, AM_IMAGE_COLUMN_OWNER, AM_IMAGE_COLUMN_PLATFORM,
    AM_IMAGE_COLUMN_ARCHITECTURE, AM_IMAGE_COLUMN_ROOT_DEVICE, AM_IMAGE_COLUMN_CREATED,
  };
  AmWindow *window;
  AmImagesView *view;
  GtkWidget *details;
  GtkWidget *list;
  GtkWidget *launch;
  GtkWidget *more;
  GtkAdjustment *hadjustment;
  int width;
  int height;

  g_settings_reset (settings, "window-size");
  g_settings_reset (settings, "window-maximized");
  g_settings_reset (settings, "last-view");
  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 1280);
  g_assert_cmpint (height, ==, 800);

  sandbox = am_ui_test_sandbox_start (NULL);
  session = am_ui_test_sandbox_session (sandbox, "alice");
  window = am_window_new_with_session (app, session);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (GTK_WIDGET (window));
  am_window_show_view (window, "images");
  view = AM_IMAGES_VIEW (am_ui_test_get_widget (GTK_WIDGET (window), AM_TYPE_IMAGES_VIEW, NULL));
  g_assert_true (am_ui_test_wait_until (am_ui_test_images_listed, view, CALL_TIMEOUT_MS));
  gtk_selection_model_select_item (_am_images_view_get_selection (view), 0, TRUE);
  am_ui_test_iterate ();
  g_usleep (200000);
  am_ui_test_iterate ();

  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    g_assert_true (column_shown (view, shown[i]));

  details = GTK_WIDGET (_am_images_view_get_details (view));
  list = gtk_widget_get_ancestor (GTK_WIDGET (_am_images_view_get_column_view (view)), GTK_TYPE_SCROLLED_WINDOW);
  g_test_message ("window %d, list %d, details %d", gtk_widget_get_width (GTK_WIDGET (window)),
                  gtk_widget_get_width (list), gtk_widget_get_width (details));
  g_assert_cmpint (gtk_widget_get_width (details), >=, 300);
  g_assert_cmpint (gtk_widget_get_width (details), <=, 350);

  /* Every column fits: nothing to scroll sideways. */
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (_am_images_view_get_column_view (view)));
  g_test_message ("columns %g in %g", gtk_adjustment_get_upper (hadjustment), gtk_adjustment_get_page_size (hadjustment));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), <=, gtk_adjustment_get_page_size (hadjustment));

  /* …and the Name column, which takes what the others leave, is wide enough to read. */
  {
    int others = 0;

    for (guint i = 1; i < G_N_ELEMENTS (shown); i++)
      others += gtk_column_view_column_get_fixed_width (_am_images_view_get_column (view, shown[i]));
    g_test_message ("name column about %d px", gtk_widget_get_width (list) - others);
    g_assert_cmpint (gtk_widget_get_width (list) - others, >=, 220);
  }

  /* Launch Instance stays a button; Create Launch Template moved into the ⋮ menu. */
  launch = am_ui_test_get_widget (details, GTK_TYPE_BUTTON, "_Launch Instance");
  g_assert_true (gtk_widget_is_drawable (launch));
  g_assert_true (gtk_widget_is_sensitive (launch));
  more = am_ui_test_get_widget (details, GTK_TYPE_MENU_BUTTON, "actions_button");
  g_assert_true (gtk_widget_is_drawable (more));
  g_assert_true (am_ui_test_menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (more)),
                                             "images.launch-template"));
  g_assert_true (am_ui_test_menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (more)),
                                             "images.imds"));

  /* The menu's Instance Metadata… opens its dialog on the selected image. */
  {
    g_autoptr (GList) toplevels = NULL;
    GtkWindow *imds = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "images.imds", NULL));
    am_ui_test_iterate ();
    toplevels = gtk_window_list_toplevels ();
    for (GList *l = toplevels; l != NULL; l = l->next)
      if (AM_IS_IMDS_DIALOG (l->data))
        imds = l->data;
    g_assert_nonnull (imds);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (imds)));
    gtk_window_close (imds);
    am_ui_test_iterate ();
  }

  g_assert_true (am_ui_test_screenshot_light_dark (GTK_WIDGET (window), "images-default-layout", 300));
  gtk_menu_button_popup (GTK_MENU_BUTTON (more));
  g_assert_true (am_ui_test_screenshot_light_dark (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (more))),
                                                   "images-details-menu", 300));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (more));

  /* A wider window widens the list; the details pane keeps its width. */
  width = gtk_widget_get_width (details);
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 800);
  am_ui_test_iterate ();
  g_usleep (200000);
  am_ui_test_iterate ();
  g_assert_cmpint (gtk_widget_get_width (details), ==, width);

  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/images-layout/default", test_default_layout);

  return g_test_run ();
}
