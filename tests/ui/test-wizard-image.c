/* test-wizard-image.c: the wizard opened for an image (Images view), type filtering, deprecation, dry-run errors and launch templates
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-wizard-image"

#include "config.h"

#include <json-glib/json-glib.h>

#include "test-wizard-common.h"

#define DEPRECATED_IMAGE "al2023-ami-2023.6.20241121.0-kernel-6.1-x86_64"

static gboolean
list_empty (gpointer data)
{
  return gtk_widget_get_first_child (data) == NULL;
}

static gboolean
list_filled (gpointer data)
{
  return gtk_widget_get_first_child (data) != NULL;
}

static gboolean
row_listed (gpointer data)
{
  AmLaunchWizard *wizard = data;
  GtkWidget *list = wizard_find (wizard, GTK_TYPE_LIST_BOX, "image-list");

  return !am_launch_wizard_get_busy (wizard)
         && am_ui_test_find_widget (list, ADW_TYPE_ACTION_ROW, DEPRECATED_IMAGE) != NULL;
}

static gboolean
template_saved (WizardFixture *f,
                const char    *name)
{
  g_autofree char *path = g_build_filename (am_ui_test_sandbox_get_data_dir (f->sandbox), "state.json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonArray *templates;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  templates = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "launchTemplates");
  for (guint i = 0; templates != NULL && i < json_array_get_length (templates); i++)
    {
      JsonObject *lt = json_array_get_object_element (templates, i);

      if (g_strcmp0 (json_object_get_string_member (lt, "name"), name) == 0)
        return g_str_has_prefix (json_object_get_string_member (lt, "launchTemplateId"), "lt-");
    }
  return FALSE;
}

static void
test_wizard_image (void)
{
  WizardFixture f = { 0 };
  g_autoptr (AmImage) arm = NULL;
  GtkWidget *parent;
  AmLaunchWizard *w;
  AmLaunchRequest *request;
  GtkWidget *dialog;
  GtkWidget *entry;
  GtkWidget *fix;

  f.sandbox = am_ui_test_sandbox_start (NULL);
  f.session = am_ui_test_sandbox_session (f.sandbox, "alice");
  arm = wizard_lookup_image (f.session, WIZARD_IMAGE_ARM);

  /* The Images view's "Launch": a wizard for that image, on the type page. */
  parent = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (parent));
  am_launch_wizard_present_for_image (parent, f.session, arm);
  w = AM_LAUNCH_WIZARD (am_ui_test_wait_for_window_of_type (AM_TYPE_LAUNCH_WIZARD));
  f.wizard = g_object_ref (w);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (w)) == GTK_WINDOW (parent));
  request = am_launch_wizard_get_request (w);
  wizard_wait_idle (w);
  g_assert_cmpint (am_launch_wizard_get_step (w), ==, AM_LAUNCH_STEP_INSTANCE_TYPE);

  /* Arm64: Graviton types only, t4g.micro by default. */
  g_assert_cmpstr (am_instance_type_get_instance_type (am_launch_request_get_instance_type (request)), ==, "t4g.micro");
  g_assert_null (am_ui_test_find_widget (wizard_find (w, GTK_TYPE_LIST_BOX, "type-list"), ADW_TYPE_ACTION_ROW, "t3.micro"));
  wizard_type (wizard_find (w, GTK_TYPE_SEARCH_ENTRY, "type-search"), "zzz");
  /* the search applies after the entry's short delay */
  g_assert_true (am_ui_test_wait_until (list_empty, wizard_find (w, GTK_TYPE_LIST_BOX, "type-list"), 10000));
  wizard_type (wizard_find (w, GTK_TYPE_SEARCH_ENTRY, "type-search"), "");
  g_assert_true (am_ui_test_wait_until (list_filled, wizard_find (w, GTK_TYPE_LIST_BOX, "type-list"), 10000));
  wizard_screenshot (w, "2-type-arm64");

  /* Back to the image page: search public images and choose a deprecated one. */
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "back_button"));
  g_assert_cmpint (am_launch_wizard_get_step (w), ==, AM_LAUNCH_STEP_IMAGE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (wizard_find (w, GTK_TYPE_TOGGLE_BUTTON, "Search public")), TRUE);
  wizard_type (wizard_find (w, GTK_TYPE_SEARCH_ENTRY, "image-search"), "al2023-ami-2023.6");
  g_assert_true (am_ui_test_wait_until (row_listed, w, 60000));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (wizard_row_widget (w, "image-list", DEPRECATED_IMAGE)), TRUE);
  am_ui_test_iterate ();
  g_assert_true (am_image_get_is_deprecated (am_launch_request_get_image (request)));
  g_assert_true (gtk_widget_get_visible (wizard_find (w, ADW_TYPE_ACTION_ROW, "deprecated-warning")));
  /* the Arm type does not fit an x86_64 image: the usual x86 default replaces it */
  g_assert_cmpstr (am_instance_type_get_instance_type (am_launch_request_get_instance_type (request)), ==, "t3.micro");
  wizard_screenshot (w, "1-image-deprecated");

  /* A key the account does not have passes the form but not the dry run, which points
   * back to the page that fixes it. */
  wizard_next (w, AM_LAUNCH_STEP_INSTANCE_TYPE);
  wizard_next (w, AM_LAUNCH_STEP_KEY_PAIR);
  am_launch_request_set_key_name (request, "no-such-key");
  wizard_next (w, AM_LAUNCH_STEP_NETWORK);
  wizard_next (w, AM_LAUNCH_STEP_STORAGE);
  wizard_next (w, AM_LAUNCH_STEP_DETAILS);
  wizard_next (w, AM_LAUNCH_STEP_REVIEW);
  g_assert_false (gtk_widget_is_sensitive (wizard_find (w, GTK_TYPE_BUTTON, "launch_button")));
  fix = wizard_find (w, GTK_TYPE_BUTTON, "Fix in Key pair");
  wizard_screenshot (w, "7-review-dry-run-error");
  wizard_click (fix);
  g_assert_cmpint (am_launch_wizard_get_step (w), ==, AM_LAUNCH_STEP_KEY_PAIR);
  gtk_switch_set_active (GTK_SWITCH (wizard_find (w, GTK_TYPE_SWITCH, "Launch without a key pair")), TRUE);
  g_assert_null (am_launch_request_get_key_name (request));
  for (AmLaunchStep step = AM_LAUNCH_STEP_NETWORK; step <= AM_LAUNCH_STEP_REVIEW; step++)
    wizard_next (w, step);
  g_assert_true (gtk_widget_is_sensitive (wizard_find (w, GTK_TYPE_BUTTON, "launch_button")));

  /* Save as launch template: the name is checked as it is typed. */
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "template_button"));
  dialog = am_ui_test_wait_for_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  entry = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  wizard_type (entry, "a b");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  wizard_type (entry, "web-template");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save"));
  wizard_screenshot_window (dialog, "7-template-dialog");
  /* what the Save button does: respond, then close */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "save");
  gtk_window_close (GTK_WINDOW (dialog));
  am_ui_test_wait_window_gone (ADW_TYPE_MESSAGE_DIALOG);
  wizard_wait_idle (w);
  g_assert_true (template_saved (&f, "web-template"));

  wizard_fixture_stop (&f);
  gtk_window_destroy (GTK_WINDOW (parent));
  am_ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/wizard/image", test_wizard_image);

  return g_test_run ();
}
