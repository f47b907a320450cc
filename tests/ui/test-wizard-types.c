/* test-wizard-types.c: the type page says why types are hidden and offers a way on when none fits
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-wizard-types"

#include "config.h"

#include <string.h>

#include "test-wizard-common.h"

/* A Marketplace image of the sandbox's catalog registered without enaSupport, UEFI only. */
#define NO_ENA_IMAGE "netshield-vpn-gateway-4.2.1-x86_64-uefi-8c1f4e2a-7b3d-4f6e-a9d0-2e5b7c3f1a64"

static void
expect_text (const char *text,
             const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” does not contain “%s”", text, needle);
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
test_wizard_types (void)
{
  WizardFixture f = { 0 };
  g_autoptr (AmImage) no_ena = NULL;
  g_autoptr (AmImage) x86 = NULL;
  AmLaunchWizard *w;
  GtkWidget *status;
  GtkWidget *list;
  GtkWidget *show_hidden;
  GtkWidget *other_image;
  GtkWidget *row;
  const char *text;

  f.sandbox = am_ui_test_sandbox_start (NULL);
  f.session = am_ui_test_sandbox_session (f.sandbox, "alice");
  no_ena = wizard_lookup_image (f.session, NO_ENA_IMAGE);
  x86 = wizard_lookup_image (f.session, WIZARD_IMAGE_X86);
  g_assert_false (am_image_get_ena_support (no_ena));

  wizard_fixture_show (&f, am_launch_wizard_new (f.session, no_ena));
  w = f.wizard;
  g_assert_cmpint (am_launch_wizard_get_step (w), ==, AM_LAUNCH_STEP_INSTANCE_TYPE);

  /* Nothing fits: the page names each reason with its count, ENA first among them for the
   * Nitro types, and says what to do. */
  list = wizard_find (w, GTK_TYPE_LIST_BOX, "type-list");
  status = wizard_find (w, GTK_TYPE_LABEL, "type-status");
  g_assert_null (gtk_widget_get_first_child (list));
  g_assert_null (am_launch_request_get_instance_type (am_launch_wizard_get_request (w)));
  text = gtk_label_get_text (GTK_LABEL (status));
  g_test_message ("type page: %s", text);
  expect_text (text, "No instance type in this Region can run this image");
  expect_text (text, "require ENA networking, which the image does not enable");
  expect_text (text, "cannot boot in uefi mode");
  expect_text (text, "do not run x86_64 code");
  expect_text (text, "register this one again with ENA support");
  g_assert_null (strstr (text, "types that cannot run"));
  g_assert_true (gtk_widget_has_css_class (status, "warning"));
  g_assert_false (gtk_widget_is_sensitive (wizard_find (w, GTK_TYPE_BUTTON, "next_button")));

  /* The ways out: the hidden types, each with what it lacks (not choosable), and another image. */
  other_image = wizard_find (w, GTK_TYPE_BUTTON, "type-other-image");
  show_hidden = wizard_find (w, GTK_TYPE_TOGGLE_BUTTON, "type-show-hidden");
  g_assert_true (gtk_widget_is_drawable (other_image));
  g_assert_true (gtk_widget_is_drawable (show_hidden));
  wizard_screenshot (w, "2-type-no-ena");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (show_hidden), TRUE);
  am_ui_test_iterate ();
  g_assert_cmpuint (count_rows (list), >, 10);
  row = am_ui_test_get_widget (list, ADW_TYPE_ACTION_ROW, "t3.micro");
  expect_text (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "requires ENA networking");
  g_assert_false (gtk_widget_is_sensitive (am_ui_test_get_widget (row, GTK_TYPE_CHECK_BUTTON, NULL)));
  row = am_ui_test_get_widget (list, ADW_TYPE_ACTION_ROW, "t2.micro");
  expect_text (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "cannot boot in uefi mode");
  row = am_ui_test_get_widget (list, ADW_TYPE_ACTION_ROW, "t4g.micro");
  expect_text (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "but the image is built for x86_64");
  g_assert_false (gtk_widget_is_sensitive (wizard_find (w, GTK_TYPE_BUTTON, "next_button")));
  wizard_screenshot (w, "2-type-no-ena-shown");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (show_hidden), FALSE);
  am_ui_test_iterate ();
  g_assert_null (gtk_widget_get_first_child (list));

  wizard_click (other_image);
  g_assert_cmpint (am_launch_wizard_get_step (w), ==, AM_LAUNCH_STEP_IMAGE);

  /* An image that fits some types: only the reasons that apply, no advice, Next open. */
  am_launch_request_set_image (am_launch_wizard_get_request (w), x86);
  am_ui_test_iterate ();
  wizard_next (w, AM_LAUNCH_STEP_INSTANCE_TYPE);
  g_assert_nonnull (gtk_widget_get_first_child (list));
  text = gtk_label_get_text (GTK_LABEL (status));
  g_test_message ("type page: %s", text);
  expect_text (text, "instance types cannot run this image and are hidden: ");
  expect_text (text, "do not run x86_64 code");
  g_assert_null (strstr (text, "ENA"));
  g_assert_null (strstr (text, "No instance type"));
  g_assert_false (gtk_widget_is_drawable (other_image));
  g_assert_true (gtk_widget_is_drawable (show_hidden));
  g_assert_false (gtk_widget_has_css_class (status, "warning"));
  wizard_expect_open (w);
  wizard_screenshot (w, "2-type-x86-hidden");

  wizard_fixture_stop (&f);
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/wizard/types", test_wizard_types);

  return g_test_run ();
}
