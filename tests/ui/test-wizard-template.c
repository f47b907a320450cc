/* test-wizard-template.c: template mode says what a template holds and leaves count and zones to the group
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-wizard-template"

#include "config.h"

#include <string.h>

#include "test-wizard-common.h"

static const char *zones[] = { "us-east-1a", "us-east-1b", NULL };

static guint
count_zone_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += ADW_IS_ACTION_ROW (child);
  return n;
}

static void
test_wizard_template (void)
{
  WizardFixture f = { 0 };
  g_autoptr (AmImage) image = NULL;
  AmLaunchWizard *w;
  GtkWidget *note;
  GtkWidget *list;
  GtkWidget *dialog;
  const char *text;

  f.sandbox = am_ui_test_sandbox_start (NULL);
  f.session = am_ui_test_sandbox_session (f.sandbox, "alice");
  image = wizard_lookup_image (f.session, WIZARD_IMAGE_X86);

  wizard_fixture_show (&f, am_launch_wizard_new_for_template (f.session, image));
  w = f.wizard;
  g_assert_true (am_launch_wizard_get_template_mode (w));
  g_assert_cmpint (am_launch_wizard_get_step (w), ==, AM_LAUNCH_STEP_INSTANCE_TYPE);
  wizard_next (w, AM_LAUNCH_STEP_KEY_PAIR);
  wizard_skip_key_choose_subnets (w, zones);

  /* No count to ask for: the page says the group decides it, and the zones. */
  g_assert_false (gtk_widget_is_drawable (wizard_find (w, ADW_TYPE_ACTION_ROW, "Number of instances")));
  g_assert_false (gtk_widget_is_drawable (wizard_find (w, ADW_TYPE_ACTION_ROW, "Spread over the zones")));
  note = wizard_find (w, ADW_TYPE_ACTION_ROW, "template-count-note");
  g_assert_true (gtk_widget_is_drawable (note));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (note)), "Auto Scaling group"));
  wizard_screenshot (w, "template-4-network");

  wizard_next (w, AM_LAUNCH_STEP_STORAGE);
  wizard_next (w, AM_LAUNCH_STEP_DETAILS);
  wizard_next (w, AM_LAUNCH_STEP_REVIEW);
  wizard_wait_idle (w);

  /* The dry run checks each chosen subnet (it listed only one zone for a count of 1). */
  list = wizard_find (w, GTK_TYPE_LIST_BOX, "dry-run-list");
  g_assert_cmpuint (count_zone_rows (list), ==, 2);
  for (guint i = 0; zones[i] != NULL; i++)
    {
      GtkWidget *row = am_ui_test_get_widget (list, ADW_TYPE_ACTION_ROW, zones[i]);

      g_assert_nonnull (am_ui_test_find_widget (row, GTK_TYPE_LABEL, "Dry run passed"));
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Checked with one instance in subnet-"));
    }
  /* What the template holds, and what it leaves to the group. */
  g_assert_true (gtk_widget_is_drawable (wizard_find (w, GTK_TYPE_LABEL, "What the template holds, and a dry run")));
  g_assert_nonnull (am_ui_test_find_widget (wizard_find (w, GTK_TYPE_LIST_BOX, "summary-list"), ADW_TYPE_ACTION_ROW,
                                            "Number of instances and zones"));
  g_assert_true (gtk_widget_is_sensitive (wizard_find (w, GTK_TYPE_BUTTON, "template_button")));
  g_assert_false (gtk_widget_get_visible (wizard_find (w, GTK_TYPE_BUTTON, "launch_button")));
  wizard_screenshot (w, "template-7-review");

  /* The save dialog says the same. */
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "template_button"));
  dialog = am_ui_test_wait_for_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  wizard_type (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)), "web-template");
  text = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_test_message ("save dialog: %s", text);
  g_assert_nonnull (strstr (text, "number of instances"));
  wizard_screenshot_window (dialog, "template-save-dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));
  am_ui_test_wait_window_gone (ADW_TYPE_MESSAGE_DIALOG);

  wizard_fixture_stop (&f);
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/wizard/template", test_wizard_template);

  return g_test_run ();
}
