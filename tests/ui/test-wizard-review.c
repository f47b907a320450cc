/* test-wizard-review.c: the launch wizard's review and progress pages: summary wording, dates, dry-run errors, links to the new instances
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-wizard-review"

#include "config.h"

#include <string.h>

#include "am-aws-error.h"
#include "am-instance-row.h"
#include "am-instances-view.h"
#include "am-window.h"
#include "test-wizard-common.h"

static void
to_key_page (AmLaunchWizard *w)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (wizard_row_widget (w, "image-list", WIZARD_IMAGE_X86)), TRUE);
  am_ui_test_iterate ();
  wizard_next (w, AM_LAUNCH_STEP_INSTANCE_TYPE);
  wizard_next (w, AM_LAUNCH_STEP_KEY_PAIR);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The IDs selected in the window's Instances view, sorted and joined with spaces. */
static char *
selected_instances (AmWindow *window)
{
  GtkWidget *view = am_ui_test_get_widget (GTK_WIDGET (window), AM_TYPE_INSTANCES_VIEW, NULL);
  GtkWidget *column_view = am_ui_test_get_widget (view, GTK_TYPE_COLUMN_VIEW, NULL);
  GtkSelectionModel *model = gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view));
  g_autoptr (GtkBitset) selected = gtk_selection_model_get_selection (model);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr (AmInstanceRow) row = g_list_model_get_item (G_LIST_MODEL (model), position);

      g_ptr_array_add (ids, g_strdup (am_instance_get_instance_id (am_instance_row_get_instance (row))));
    }
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (" ", (char **) ids->pdata);
}

typedef struct
{
  AmWindow *window;
  const char *expected;
} Selection;

static gboolean
selection_is (gpointer data)
{
  Selection *s = data;
  g_autofree char *ids = selected_instances (s->window);

  return g_strcmp0 (ids, s->expected) == 0;
}

static void
expect_selection (AmWindow   *window,
                  const char *expected)
{
  Selection s = { window, expected };

  if (!am_ui_test_wait_until (selection_is, &s, 20000))
    {
      g_autofree char *ids = selected_instances (window);

      g_error ("The Instances view selects “%s”, not “%s”", ids, expected);
    }
  g_assert_cmpstr (am_window_get_visible_view (window), ==, "instances");
}

/* The progress page lists each new instance as a link to it in the Instances view; "Show in
 * Instances" selects all of them there. */
static void
test_progress_links (void)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  g_autoptr (GtkWindow) keep = NULL;
  WizardFixture f = { 0 };
  AmLaunchWizard *w;
  AmWindow *window;
  GPtrArray *launched;
  GtkWidget *detail;
  g_autofree char *all = NULL;
  const char *first;

  wizard_fixture_start (&f, NULL);
  w = f.wizard;
  window = am_window_new_with_session (app, f.session);
  keep = g_object_ref (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (GTK_WIDGET (window));
  gtk_window_set_transient_for (GTK_WINDOW (w), GTK_WINDOW (window));

  to_key_page (w);
  gtk_switch_set_active (GTK_SWITCH (wizard_find (w, GTK_TYPE_SWITCH, "Launch without a key pair")), TRUE);
  wizard_next (w, AM_LAUNCH_STEP_NETWORK);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (wizard_find (w, GTK_TYPE_SPIN_BUTTON, "Number of instances")), 3);
  am_ui_test_iterate ();
  wizard_next (w, AM_LAUNCH_STEP_STORAGE);
  wizard_next (w, AM_LAUNCH_STEP_DETAILS);
  wizard_next (w, AM_LAUNCH_STEP_REVIEW);
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "launch_button"));
  wizard_wait_idle (w);
  launched = am_launch_wizard_get_launched (w);
  g_assert_cmpuint (launched->len, ==, 3);
  first = am_instance_get_instance_id (g_ptr_array_index (launched, 1));

  /* Each ID is a link under its zone's row. */
  detail = am_ui_test_get_widget (wizard_find (w, GTK_TYPE_LIST_BOX, "progress-list"), GTK_TYPE_LABEL, "zone-detail");
  g_assert_true (gtk_widget_is_visible (detail));
  for (guint i = 0; i < launched->len; i++)
    {
      const char *id = am_instance_get_instance_id (g_ptr_array_index (launched, i));
      g_autofree char *link = g_strdup_printf ("<a href=\"%s\"", id);

      g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (detail)), link));
    }
  wizard_screenshot (w, "progress-links");

  /* Following one link shows that instance, selected, in the main window. */
  {
    gboolean handled = FALSE;

    g_signal_emit_by_name (detail, "activate-link", first, &handled);
    g_assert_true (handled);
  }
  expect_selection (window, first);
  wizard_screenshot_window (GTK_WIDGET (window), "progress-link-instances");

  /* Show in Instances selects every instance launched. */
  {
    g_autoptr (GPtrArray) ids = g_ptr_array_new ();

    for (guint i = 0; i < launched->len; i++)
      g_ptr_array_add (ids, (gpointer) am_instance_get_instance_id (g_ptr_array_index (launched, i)));
    g_ptr_array_sort (ids, compare_strings);
    g_ptr_array_add (ids, NULL);
    all = g_strjoinv (" ", (char **) ids->pdata);
  }
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "Show in _Instances"));
  expect_selection (window, all);
  wizard_screenshot_window (GTK_WIDGET (window), "progress-show-all-instances");

  wizard_fixture_stop (&f);
  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
}

#define DEPRECATED_IMAGE "al2023-ami-2023.6.20241121.0-kernel-6.1-x86_64"

static gboolean
row_listed (gpointer data)
{
  return am_ui_test_find_widget (wizard_find (data, GTK_TYPE_LIST_BOX, "image-list"), ADW_TYPE_ACTION_ROW,
                                 DEPRECATED_IMAGE) != NULL;
}

/* What the user reads for an AWS timestamp: the local date. */
static char *
local_date (const char *iso8601)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  g_autoptr (GDateTime) local = NULL;

  g_assert_nonnull (utc);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%-d %b %Y");
}

static GtkWidget *
step_icon (AmLaunchWizard *w,
           AmLaunchStep    step)
{
  GtkListBox *steps = GTK_LIST_BOX (wizard_find (w, GTK_TYPE_LIST_BOX, "step_list"));

  return am_ui_test_get_widget (GTK_WIDGET (gtk_list_box_get_row_at_index (steps, step)), GTK_TYPE_IMAGE, NULL);
}

static void
assert_no_timestamp (const char *text)
{
  g_test_message ("%s", text);
  g_assert_null (strstr (text, "T00:"));
  g_assert_null (strstr (text, ".000Z"));
  g_assert_false (g_regex_match_simple ("[0-9]T[0-9][0-9]:", text, 0, 0));
}

/* Search placeholders, dates, the VPC's default marker, the new group's rules, and a dry-run
 * error under its row that marks the page to fix in the step list. */
static void
test_review_wording (void)
{
  WizardFixture f = { 0 };
  AmLaunchWizard *w;
  AmLaunchRequest *request;
  AmImage *image;
  GtkWidget *row;
  GtkWidget *detail;
  g_autofree char *placeholder = NULL;
  g_autofree char *created = NULL;
  g_autofree char *deprecated = NULL;
  const char *text;

  wizard_fixture_start (&f, NULL);
  w = f.wizard;
  request = am_launch_wizard_get_request (w);

  /* The search entries say what they search. */
  g_object_get (wizard_find (w, GTK_TYPE_SEARCH_ENTRY, "image-search"), "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, "Search images by name, ID or description");
  g_clear_pointer (&placeholder, g_free);
  g_object_get (wizard_find (w, GTK_TYPE_SEARCH_ENTRY, "type-search"), "placeholder-text", &placeholder, NULL);
  g_assert_cmpstr (placeholder, ==, "Search instance types");

  /* A deprecated image: its creation and deprecation dates read as local dates. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (wizard_find (w, GTK_TYPE_TOGGLE_BUTTON, "Search public")), TRUE);
  wizard_type (wizard_find (w, GTK_TYPE_SEARCH_ENTRY, "image-search"), "al2023-ami-2023.6");
  g_assert_true (am_ui_test_wait_until (row_listed, w, 60000));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (wizard_row_widget (w, "image-list", DEPRECATED_IMAGE)), TRUE);
  am_ui_test_iterate ();
  image = am_launch_request_get_image (request);
  g_assert_true (am_image_get_is_deprecated (image));
  created = local_date (am_image_get_creation_date (image));
  deprecated = local_date (am_image_get_deprecation_time (image));
  text = adw_action_row_get_subtitle (ADW_ACTION_ROW (am_ui_test_get_widget (wizard_find (w, GTK_TYPE_LIST_BOX, "chosen-list"),
                                                                              ADW_TYPE_ACTION_ROW, DEPRECATED_IMAGE)));
  assert_no_timestamp (text);
  g_assert_true (g_str_has_suffix (text, created));
  text = adw_action_row_get_subtitle (ADW_ACTION_ROW (wizard_find (w, ADW_TYPE_ACTION_ROW, "deprecated-warning")));
  assert_no_timestamp (text);
  g_assert_nonnull (strstr (text, deprecated));
  wizard_screenshot (w, "review-1-image-dates");

  /* A key the account does not have: the dry run will blame the Key pair page. */
  wizard_next (w, AM_LAUNCH_STEP_INSTANCE_TYPE);
  wizard_next (w, AM_LAUNCH_STEP_KEY_PAIR);
  am_launch_request_set_key_name (request, "no-such-key");
  wizard_next (w, AM_LAUNCH_STEP_NETWORK);

  /* The VPC row shows its choice, default marker first, as its subtitle (never cut short). */
  row = wizard_find (w, ADW_TYPE_COMBO_ROW, "VPC");
  g_assert_true (adw_combo_row_get_use_subtitle (ADW_COMBO_ROW (row)));
  {
    g_autoptr (GtkStringObject) item = g_list_model_get_item (adw_combo_row_get_model (ADW_COMBO_ROW (row)),
                                                             adw_combo_row_get_selected (ADW_COMBO_ROW (row)));
    const char *label = gtk_string_object_get_string (item);

    g_test_message ("VPC: %s", label);
    g_assert_true (g_str_has_prefix (label, "Default VPC · ") || strstr (label, " (default) · ") != NULL);
    g_assert_false (g_str_has_prefix (label, "vpc-"));
    g_assert_nonnull (strstr (label, am_vpc_get_vpc_id (am_launch_request_get_vpc (request))));
  }

  /* A new group for SSH and HTTPS from a custom block. */
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (wizard_find (w, ADW_TYPE_EXPANDER_ROW, "Create a new security group")), TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (wizard_find (w, ADW_TYPE_EXPANDER_ROW, "Create a new security group")), TRUE);
  row = wizard_find (w, ADW_TYPE_ACTION_ROW, "HTTPS (TCP 443)");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))), TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (wizard_find (w, ADW_TYPE_COMBO_ROW, "Allow connections from")),
                              AM_LAUNCH_SOURCE_CUSTOM);
  wizard_type (wizard_find (w, ADW_TYPE_ENTRY_ROW, "Address block (CIDR)"), "10.0.0.0/16");
  wizard_expect_open (w);
  wizard_screenshot (w, "review-4-network-vpc");
  wizard_next (w, AM_LAUNCH_STEP_STORAGE);
  wizard_next (w, AM_LAUNCH_STEP_DETAILS);
  wizard_next (w, AM_LAUNCH_STEP_REVIEW);

  /* The summary lists the rules with separators. */
  text = adw_action_row_get_subtitle (ADW_ACTION_ROW (am_ui_test_get_widget (wizard_find (w, GTK_TYPE_LIST_BOX, "summary-list"),
                                                                              ADW_TYPE_ACTION_ROW, "Security groups")));
  g_test_message ("Security groups: %s", text);
  g_assert_nonnull (strstr (text, " (SSH, HTTPS from 10.0.0.0/16)"));
  g_assert_null (strstr (text, "  "));

  /* The dry run's error sits under the zone's row, in full; the row's end only says Failed. */
  row = am_ui_test_get_widget (wizard_find (w, GTK_TYPE_LIST_BOX, "dry-run-list"), ADW_TYPE_ACTION_ROW, "us-east-1a");
  g_assert_nonnull (am_ui_test_find_widget (row, GTK_TYPE_LABEL, "Failed"));
  g_assert_nonnull (am_ui_test_find_widget (row, GTK_TYPE_BUTTON, "Fix in Key pair"));
  detail = am_ui_test_get_widget (wizard_find (w, GTK_TYPE_LIST_BOX, "dry-run-list"), GTK_TYPE_LABEL, "zone-detail");
  g_assert_true (gtk_widget_is_visible (detail));
  g_assert_true (gtk_widget_has_css_class (detail, "error"));
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (detail)));
  g_test_message ("dry run: %s", gtk_label_get_text (GTK_LABEL (detail)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (detail)), "no-such-key"));
  g_assert_false (gtk_widget_is_ancestor (detail, row));
  g_assert_false (gtk_widget_is_sensitive (wizard_find (w, GTK_TYPE_BUTTON, "launch_button")));

  /* The Key pair step lost its check mark and shows the error mark; the others keep theirs. */
  g_assert_false (am_launch_wizard_is_step_complete (w, AM_LAUNCH_STEP_KEY_PAIR));
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (step_icon (w, AM_LAUNCH_STEP_KEY_PAIR))), ==, "dialog-error-symbolic");
  g_assert_true (gtk_widget_has_css_class (step_icon (w, AM_LAUNCH_STEP_KEY_PAIR), "error"));
  for (AmLaunchStep step = AM_LAUNCH_STEP_IMAGE; step < AM_LAUNCH_STEP_REVIEW; step++)
    if (step != AM_LAUNCH_STEP_KEY_PAIR)
      {
        g_assert_true (am_launch_wizard_is_step_complete (w, step));
        g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (step_icon (w, step))), ==, "object-select-symbolic");
      }
  wizard_screenshot (w, "review-7-dry-run-error");

  /* Fixing the key clears the mark; the dry run then passes. */
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "Fix in Key pair"));
  g_assert_cmpint (am_launch_wizard_get_step (w), ==, AM_LAUNCH_STEP_KEY_PAIR);
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (step_icon (w, AM_LAUNCH_STEP_KEY_PAIR))), ==, "dialog-error-symbolic");
  gtk_switch_set_active (GTK_SWITCH (wizard_find (w, GTK_TYPE_SWITCH, "Launch without a key pair")), TRUE);
  am_ui_test_iterate ();
  g_assert_true (am_launch_wizard_is_step_complete (w, AM_LAUNCH_STEP_KEY_PAIR));
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (step_icon (w, AM_LAUNCH_STEP_KEY_PAIR))), !=, "dialog-error-symbolic");
  for (AmLaunchStep step = AM_LAUNCH_STEP_NETWORK; step <= AM_LAUNCH_STEP_REVIEW; step++)
    wizard_next (w, step);
  g_assert_true (gtk_widget_is_sensitive (wizard_find (w, GTK_TYPE_BUTTON, "launch_button")));
  detail = am_ui_test_get_widget (wizard_find (w, GTK_TYPE_LIST_BOX, "dry-run-list"), GTK_TYPE_LABEL, "zone-detail");
  g_assert_false (gtk_widget_is_visible (detail));

  wizard_fixture_stop (&f);
}

static gboolean
template_saved (WizardFixture *f,
                const char    *name)
{
  g_autofree char *path = g_build_filename (am_ui_test_sandbox_get_data_dir (f->sandbox), "state.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *needle = g_strdup_printf ("\"%s\"", name);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return strstr (contents, needle) != NULL;
}

/* "Create Launch Template" (the Images view): the same wizard, whose review saves a template
 * and cannot launch. */
static void
test_template_mode (void)
{
  WizardFixture f = { 0 };
  g_autoptr (AmImage) image = NULL;
  AmLaunchWizard *w;
  GtkWidget *parent;
  GtkWidget *save;
  GtkWidget *dialog;

  f.sandbox = am_ui_test_sandbox_start (NULL);
  f.session = am_ui_test_sandbox_session (f.sandbox, "alice");
  image = wizard_lookup_image (f.session, WIZARD_IMAGE_X86);

  parent = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (parent));
  am_launch_wizard_present_for_template (parent, f.session, image);
  w = AM_LAUNCH_WIZARD (am_ui_test_wait_for_window_of_type (AM_TYPE_LAUNCH_WIZARD));
  f.wizard = g_object_ref (w);
  gtk_window_set_default_size (GTK_WINDOW (w), 1000, 760);
  wizard_wait_idle (w);
  g_assert_true (am_launch_wizard_get_template_mode (w));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (w)), ==, "Create Launch Template");
  g_assert_cmpint (am_launch_wizard_get_step (w), ==, AM_LAUNCH_STEP_INSTANCE_TYPE);

  wizard_next (w, AM_LAUNCH_STEP_KEY_PAIR);
  gtk_switch_set_active (GTK_SWITCH (wizard_find (w, GTK_TYPE_SWITCH, "Launch without a key pair")), TRUE);
  for (AmLaunchStep step = AM_LAUNCH_STEP_NETWORK; step <= AM_LAUNCH_STEP_REVIEW; step++)
    wizard_next (w, step);

  /* No Launch; Save Launch Template is the primary button. */
  g_assert_false (gtk_widget_get_visible (wizard_find (w, GTK_TYPE_BUTTON, "launch_button")));
  save = wizard_find (w, GTK_TYPE_BUTTON, "template_button");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (save)), ==, "_Save Launch Template…");
  g_assert_true (gtk_widget_has_css_class (save, "suggested-action"));
  /* the review speaks of saving, not launching */
  g_assert_nonnull (am_ui_test_find_widget (GTK_WIDGET (w), GTK_TYPE_LABEL, "Review and save"));
  g_assert_null (am_ui_test_find_widget (GTK_WIDGET (w), GTK_TYPE_LABEL, "Review and launch"));
  wizard_screenshot (w, "template-mode-review");

  wizard_click (save);
  dialog = am_ui_test_wait_for_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  wizard_type (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog)), "template-mode");
  g_signal_emit_by_name (am_ui_test_get_widget (dialog, GTK_TYPE_BUTTON, "_Save"), "clicked");
  am_ui_test_wait_window_gone (ADW_TYPE_MESSAGE_DIALOG);
  wizard_wait_idle (w);
  g_assert_true (template_saved (&f, "template-mode"));
  g_assert_cmpuint (am_launch_wizard_get_launched (w)->len, ==, 0);

  wizard_fixture_stop (&f);
  gtk_window_destroy (GTK_WINDOW (parent));
  am_ui_test_iterate ();
}

/* A dry run's or a launch's error sends the user to the page that can fix it. */
static void
test_step_for_error (void)
{
  static const struct { const char *code; const char *message; AmLaunchStep step; } cases[] = {
    { "InvalidAMIID.NotFound", "no image", AM_LAUNCH_STEP_IMAGE },
    { "InvalidKeyPair.NotFound", "no key", AM_LAUNCH_STEP_KEY_PAIR },
    { "InsufficientInstanceCapacity", "none left", AM_LAUNCH_STEP_INSTANCE_TYPE },
    { "InvalidSubnetID.NotFound", "no subnet", AM_LAUNCH_STEP_NETWORK },
    { "InvalidGroup.NotFound", "no group", AM_LAUNCH_STEP_NETWORK },
    { "VcpuLimitExceeded", "too many", AM_LAUNCH_STEP_NETWORK },
    { "InvalidBlockDeviceMapping", "bad", AM_LAUNCH_STEP_STORAGE },
    { "InvalidParameterValue", "Value (x) for parameter iamInstanceProfile.name is invalid", AM_LAUNCH_STEP_DETAILS },
    { "InvalidParameterValue", "BlockDeviceMapping.1.Ebs.VolumeSize is too small", AM_LAUNCH_STEP_STORAGE },
    { "InternalError", "oops", AM_LAUNCH_STEP_REVIEW },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = am_aws_error_new (AM_AWS_ERROR_CLIENT, cases[i].code, "req", 400,
                                                   "%s", cases[i].message);

      g_assert_cmpint (am_launch_step_for_error (error), ==, cases[i].step);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Software GL under Xvfb is slow on a busy machine; these tests look at widgets, not GL. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/wizard/review/step-for-error", test_step_for_error);
  g_test_add_func ("/ui/wizard/review/wording", test_review_wording);
  g_test_add_func ("/ui/wizard/review/progress-links", test_progress_links);
  g_test_add_func ("/ui/wizard/review/template-mode", test_template_mode);

  return g_test_run ();
}
