/* test-styles.c: the application loads every stylesheet in its resources, so each sheet's
 * styles apply (images.css was once listed in a resource and never loaded)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-styles"

#include "config.h"

#include "am-style.h"
#include "am-ui-test.h"

/* One rule per sheet with a padding (and margin) that shows in a bare box's minimum size. */
static const struct
{
  const char *sheet;
  const char *css_class;
  int         width;
  int         height;
} probes[] = {
  { "/io/github/amiable/Amiable/style.css", "am-error-banner", 24, 12 },
  { "/io/github/amiable/Amiable/images/images.css", "am-images-banner", 24, 12 },
  { "/io/github/amiable/Amiable/dialogs/dialogs.css", "am-dialog-status", 36, 12 },
  /* padding 12px and margin-bottom 12px */
  { "/io/github/amiable/Amiable/wizard/wizard.css", "wizard-lookup-error", 24, 36 },
  /* padding-left 24px and padding-bottom 6px */
  { "/io/github/amiable/Amiable/tour/tour.css", "tour-step-details", 24, 6 },
};

static void
test_styles_every_sheet_has_a_probe (void)
{
  g_auto (GStrv) sheets = am_style_list_sheets ();

  g_assert_cmpuint (g_strv_length (sheets), >=, G_N_ELEMENTS (probes));
  for (guint i = 0; sheets[i] != NULL; i++)
    {
      const char *sheet = sheets[i];
      gboolean probed = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (probes); j++)
        probed = probed || g_str_equal (probes[j].sheet, sheet);
      if (!probed)
        g_error ("%s has no probe in test-styles.c: add one of its rules", sheet);
    }
}

static void
test_styles_apply_in_the_application (void)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *shots = NULL;

  gtk_window_set_child (GTK_WINDOW (window), box);
  for (guint i = 0; i < G_N_ELEMENTS (probes); i++)
    {
      GtkWidget *probe = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      int width, height;

      gtk_widget_add_css_class (probe, probes[i].css_class);
      gtk_box_append (GTK_BOX (box), probe);
      gtk_widget_measure (probe, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
      gtk_widget_measure (probe, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
      g_test_message ("%s: .%s measures %d×%d", probes[i].sheet, probes[i].css_class, width, height);
      g_assert_cmpint (width, ==, probes[i].width);
      g_assert_cmpint (height, ==, probes[i].height);
    }

  /* The Images view's error banner as the view shows it, to look at. */
  {
    GtkWidget *banner = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    gtk_widget_add_css_class (banner, "am-images-banner");
    gtk_widget_add_css_class (banner, "error");
    gtk_box_append (GTK_BOX (banner), gtk_label_new ("The listing could not be refreshed."));
    gtk_box_append (GTK_BOX (banner), gtk_button_new_with_label ("Retry"));
    gtk_box_append (GTK_BOX (box), banner);
    gtk_window_set_default_size (GTK_WINDOW (window), 480, -1);
    gtk_window_present (GTK_WINDOW (window));
    am_ui_test_wait_mapped (banner);
    g_assert_true (am_ui_test_screenshot_light_dark (banner, "styles-images-banner", 200));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* Unstyled: only the application's start-up may load the sheets here. */
  am_ui_test_init_unstyled (&argc, &argv);

  g_test_add_func ("/styles/every-sheet-has-a-probe", test_styles_every_sheet_has_a_probe);
  g_test_add_func ("/styles/apply-in-the-application", test_styles_apply_in_the_application);

  return g_test_run ();
}
