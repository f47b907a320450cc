/* test-governance-page.c: the Governance window on the sandbox: criteria, preview, enforcing, Block Public Access
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-governance-page"

#include "config.h"

#include <string.h>

#include "am-aws-error.h"
#include "am-ec2-governance.h"
#include "am-governance-page.h"
#include "am-window.h"
#include "test-dialogs-common.h"

#define PRIVATE_IMAGE "alice-build-runner-arm64-2026-02-03"

static gboolean
confirmation_shown (gpointer data)
{
  AdwMessageDialog *dialog = am_governance_page_get_confirmation (data);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static void
wait_page (AmGovernancePage *page)
{
  g_assert_true (am_ui_test_wait_until (dlg_governance_ready, page, 60000));
  g_assert_null (am_governance_page_get_error (page));
}

static GPtrArray *
describe (AmEc2Client           *client,
          AmDescribeImagesQuery *query)
{
  AmUiTestWait wait = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *token = NULL;

  do
    {
      GPtrArray *page;

      am_describe_images_query_set_next_token (query, token);
      g_clear_pointer (&token, g_free);
      am_ec2_client_describe_images_async (client, query, NULL, am_ui_test_wait_cb, &wait);
      page = am_ec2_client_describe_images_finish (client, am_ui_test_wait_for_result (&wait, 60000), &token, &error);
      g_clear_object (&wait.result);
      g_assert_no_error (error);
      g_ptr_array_extend_and_steal (all, page);
    }
  while (token != NULL);
  return g_steal_pointer (&all);
}

/* The same listing as the page's (own, shared with me, Amazon's), with the sandbox's verdicts. */
static void
count_image_allowed (AmEc2Client *client,
                     guint       *allowed,
                     guint       *total)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  GHashTableIter iter;
  gpointer value;

  for (guint q = 0; q < 3; q++)
    {
      g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
      g_autoptr (GPtrArray) images = NULL;

      if (q == 0)
        am_describe_images_query_add_owner (query, "self");
      else if (q == 1)
        am_describe_images_query_add_executable_by (query, "self");
      else
        am_describe_images_query_add_owner (query, "amazon");
      images = describe (client, query);
      for (guint i = 0; i < images->len; i++)
        g_hash_table_replace (seen, g_strdup (am_image_get_image_id (images->pdata[i])),
                              g_object_ref (images->pdata[i]));
    }
  *allowed = 0;
  *total = g_hash_table_size (seen);
  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (am_image_get_image_allowed (value))
      (*allowed)++;
}

static char *
amazon_image_named (AmEc2Client *client,
                    const char  *prefix)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GPtrArray) images = NULL;

  am_describe_images_query_add_owner (query, "amazon");
  images = describe (client, query);
  for (guint i = 0; i < images->len; i++)
    if (g_str_has_prefix (am_image_get_name (images->pdata[i]), prefix)
        && g_strcmp0 (am_image_get_architecture (images->pdata[i]), "x86_64") == 0)
      return g_strdup (am_image_get_image_id (images->pdata[i]));
  for (guint i = 0; i < images->len; i++)
    g_test_message ("%s %s %s", am_image_get_name (images->pdata[i]), am_image_get_architecture (images->pdata[i]),
                    am_image_get_deprecation_time (images->pdata[i]));
  g_assert_not_reached ();
}

/* RunInstances of @image_id: for real, or a dry run; returns the error, if any. */
static GError *
run (AmEc2Client *client,
     const char  *image_id,
     gboolean     dry_run,
     char       **instance_id)
{
  g_autoptr (AmRunInstancesRequest) request = am_run_instances_request_new (image_id, "t3.micro");
  g_autoptr (GPtrArray) instances = NULL;
  AmUiTestWait wait = { 0 };
  GError *error = NULL;
  gboolean dry_run_ok = FALSE;

  am_ec2_client_run_instances_async (client, request, dry_run, NULL, am_ui_test_wait_cb, &wait);
  am_ec2_client_run_instances_finish (client, am_ui_test_wait_for_result (&wait, 60000), &instances, &dry_run_ok,
                                      &error);
  g_clear_object (&wait.result);
  if (error == NULL && dry_run)
    g_assert_true (dry_run_ok);
  if (error == NULL && instance_id != NULL)
    *instance_id = g_strdup (am_instance_get_instance_id (instances->pdata[0]));
  return error;
}

static void
click (AmGovernancePage *page,
       const char       *name)
{
  dlg_click (am_ui_test_get_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, name));
}

static void
test_allowed_amis (DlgFixture    *fixture,
                   gconstpointer  data)
{
  AmEc2Client *client = am_session_get_client (fixture->alice);
  g_autofree char *old_image = amazon_image_named (client, "Windows_Server-2019-");
  g_autofree char *new_image = amazon_image_named (client, "al2023-ami-2023.9");
  g_autofree char *instance_id = NULL;
  g_autoptr (AmGovernancePage) page = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) refused = NULL;
  g_autoptr (AmAllowedImagesSettings) settings = NULL;
  AmUiTestWait wait = { 0 };
  AdwMessageDialog *confirm;
  g_autofree char *expected = NULL;
  guint allowed, total, sb_allowed, sb_total;

  /* An instance of an image the criteria will not allow: the preview must name it. */
  error = run (client, old_image, FALSE, &instance_id);
  g_assert_no_error (error);

  page = g_object_ref_sink (am_governance_page_new (fixture->alice, AM_IMAGES_SCOPE_AMAZON));
  gtk_window_set_transient_for (GTK_WINDOW (page), fixture->parent);
  gtk_window_present (GTK_WINDOW (page));
  wait_page (page);

  /* Two criteria typed into the editor: Amazon's AL2023 images deprecated at most 30 days
   * ago, and any Windows Server 2022 image created within ten years. */
  click (page, "add_button");
  gtk_editable_set_text (am_governance_page_get_field (page, 0, AM_CRITERION_FIELD_PROVIDERS), "amazon");
  gtk_editable_set_text (am_governance_page_get_field (page, 0, AM_CRITERION_FIELD_NAMES), "al2023-*, al202?-ami-minimal-*");
  gtk_editable_set_text (am_governance_page_get_field (page, 0, AM_CRITERION_FIELD_MAX_DAYS_DEPRECATED), "30");
  click (page, "add_button");
  gtk_editable_set_text (am_governance_page_get_field (page, 1, AM_CRITERION_FIELD_NAMES), "Windows_Server-2022-*");
  gtk_editable_set_text (am_governance_page_get_field (page, 1, AM_CRITERION_FIELD_MAX_DAYS_CREATED), "3650");
  adw_combo_row_set_selected (ADW_COMBO_ROW (am_ui_test_get_widget (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW, "state_row")), 1);

  /* The criteria editor, scrolled into view. */
  {
    GtkWidget *prefs = am_ui_test_get_widget (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_PAGE, "page");
    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (am_ui_test_get_widget (prefs, GTK_TYPE_SCROLLED_WINDOW, NULL));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

    am_ui_test_iterate ();
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    am_ui_test_screenshot_light_dark (GTK_WIDGET (page), "governance-criteria", 300);
    gtk_adjustment_set_value (adjustment, 0);
  }

  /* The live preview has counted before anything was saved. */
  am_governance_page_get_preview (page, &allowed, &total);
  g_test_message ("preview: %u of %u allowed", allowed, total);
  g_assert_cmpuint (allowed, >, 0);
  g_assert_cmpuint (allowed, <, total);
  refused = am_governance_page_get_refused_instances (page);
  g_assert_true (g_strv_contains ((const char * const *) refused, instance_id));

  click (page, "save_button");
  wait_page (page);

  /* Audit mode: the sandbox marks the same listing with imageAllowed, and agrees. */
  count_image_allowed (client, &sb_allowed, &sb_total);
  g_assert_cmpuint (sb_total, ==, total);
  g_assert_cmpuint (sb_allowed, ==, allowed);
  g_assert_null (run (client, old_image, TRUE, NULL));

  am_ui_test_screenshot_light_dark (GTK_WIDGET (page), "governance-audit", 300);

  /* Enforcing goes through a confirmation that names the numbers. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (am_ui_test_get_widget (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW, "state_row")), 2);
  click (page, "save_button");
  g_assert_true (am_ui_test_wait_until (confirmation_shown, page, 10000));
  confirm = am_governance_page_get_confirmation (page);
  expected = g_strdup_printf ("%u of the %u images", total - allowed, total);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), expected));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%u running instance", g_strv_length (refused));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), expected));
  am_ui_test_screenshot_light_dark (GTK_WIDGET (confirm), "governance-confirm", 300);
  am_ui_test_message_dialog_press (GTK_WIDGET (confirm), "enable");
  wait_page (page);

  am_ec2_client_get_allowed_images_settings_async (client, NULL, am_ui_test_wait_cb, &wait);
  settings = am_ec2_client_get_allowed_images_settings_finish (client, am_ui_test_wait_for_result (&wait, 60000), &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpstr (settings->state, ==, "enabled");
  g_assert_cmpuint (settings->criteria->len, ==, 2);

  /* Enabled: a launch of the not-allowed image is refused, even as a dry run; an allowed one is not. */
  error = run (client, old_image, TRUE, NULL);
  g_assert_nonnull (error);
  g_assert_cmpstr (am_aws_error_get_code (error), ==, "InvalidAMIID.Unavailable");
  g_clear_error (&error);
  g_assert_null (run (client, new_image, TRUE, NULL));

  gtk_window_destroy (GTK_WINDOW (page));
}

static GError *
make_public (AmEc2Client *client,
             const char  *image_id)
{
  AmUiTestWait wait = { 0 };
  GError *error = NULL;

  am_ec2_client_modify_launch_permission_async (client, image_id, AM_LAUNCH_PERMISSION_ADD, NULL, TRUE, NULL,
                                                NULL, FALSE, NULL, am_ui_test_wait_cb, &wait);
  am_ec2_client_modify_launch_permission_finish (client, am_ui_test_wait_for_result (&wait, 60000), NULL, &error);
  g_clear_object (&wait.result);
  return error;
}

static void
test_block_public_access (DlgFixture    *fixture,
                          gconstpointer  data)
{
  AmEc2Client *client = am_session_get_client (fixture->alice);
  g_autoptr (AmImage) image = dlg_owned_image_named (fixture->alice, PRIVATE_IMAGE);
  g_autoptr (AmGovernancePage) page = NULL;
  g_autoptr (GError) error = NULL;
  GtkSwitch *toggle;

  page = g_object_ref_sink (am_governance_page_new (fixture->alice, AM_IMAGES_SCOPE_OWNED));
  gtk_window_present (GTK_WINDOW (page));
  wait_page (page);
  toggle = GTK_SWITCH (am_ui_test_get_widget (GTK_WIDGET (page), GTK_TYPE_SWITCH, "bpa_switch"));
  g_assert_false (gtk_switch_get_active (toggle));

  gtk_switch_set_active (toggle, TRUE);
  wait_page (page);
  error = make_public (client, am_image_get_image_id (image));
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_clear_error (&error);
  am_ui_test_screenshot_light_dark (GTK_WIDGET (page), "governance-blocked", 300);

  /* Off again: the same change goes through. */
  gtk_switch_set_active (toggle, FALSE);
  wait_page (page);
  error = make_public (client, am_image_get_image_id (image));
  g_assert_no_error (error);

  gtk_window_destroy (GTK_WINDOW (page));
}

static gboolean
page_failed (gpointer data)
{
  return !am_governance_page_is_busy (data) && am_governance_page_get_error (data) != NULL;
}

/* A criterion left empty is refused before any request; a refusal of EC2's (more than ten
 * criteria) ends in its words at the top of the page. */
static void
test_save_errors (DlgFixture    *fixture,
                  gconstpointer  data)
{
  AmEc2Client *client = am_session_get_client (fixture->alice);
  g_autoptr (AmGovernancePage) page = NULL;
  g_autoptr (AmAllowedImagesSettings) settings = NULL;
  g_autoptr (GError) error = NULL;
  AmUiTestWait wait = { 0 };
  GtkWidget *problem;

  page = g_object_ref_sink (am_governance_page_new (fixture->alice, AM_IMAGES_SCOPE_OWNED));
  gtk_window_present (GTK_WINDOW (page));
  wait_page (page);
  problem = am_ui_test_get_widget (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, "problem_group");
  g_assert_false (gtk_widget_get_visible (problem));

  click (page, "add_button");
  click (page, "save_button");
  g_assert_true (am_ui_test_wait_until (page_failed, page, 10000));
  g_assert_cmpstr (am_governance_page_get_error (page), ==,
                   "Criterion 1 is empty: fill in at least one field or remove it.");
  g_assert_true (gtk_widget_get_visible (problem));

  for (guint i = 0; i < 11; i++)
    {
      if (i > 0)
        click (page, "add_button");
      gtk_editable_set_text (am_governance_page_get_field (page, i, AM_CRITERION_FIELD_NAMES), "debian-*");
    }
  click (page, "save_button");
  g_assert_true (am_ui_test_wait_until (page_failed, page, 60000));
  g_test_message ("refused: %s", am_governance_page_get_error (page));
  g_assert_nonnull (strstr (am_governance_page_get_error (page), "InvalidParameterValue"));
  /* The whole message is one click away. */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (am_ui_test_get_widget (GTK_WIDGET (page), GTK_TYPE_LABEL,
                                                                                  "problem_details"))),
                            "at most 10 image criteria"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (am_ui_test_get_widget (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW,
                                                                          "problem_row")), TRUE);
  g_assert_true (gtk_widget_get_visible (problem));
  am_ui_test_screenshot_light_dark (GTK_WIDGET (page), "governance-error", 300);

  /* Removing one criterion through its button makes the same save go through. */
  dlg_click (am_ui_test_get_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "Remove This Criterion"));
  gtk_editable_set_text (am_governance_page_get_field (page, 9, AM_CRITERION_FIELD_NAMES), "ubuntu/*");
  click (page, "save_button");
  wait_page (page);
  g_assert_false (gtk_widget_get_visible (problem));
  am_ec2_client_get_allowed_images_settings_async (client, NULL, am_ui_test_wait_cb, &wait);
  settings = am_ec2_client_get_allowed_images_settings_finish (client, am_ui_test_wait_for_result (&wait, 60000), &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpuint (settings->criteria->len, ==, 10);
  g_assert_cmpstr (((AmImageCriterion *) settings->criteria->pdata[9])->names[0], ==, "ubuntu/*");
  gtk_window_destroy (GTK_WINDOW (page));
}

/* The main menu's Governance… opens the page for the window's session. */
static void
test_from_main_menu (DlgFixture    *fixture,
                     gconstpointer  data)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  AmWindow *window = am_window_new_with_session (app, fixture->alice);
  GtkMenuButton *menu_button;
  GtkWidget *page;
  g_autofree char *title = NULL;

  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (GTK_WIDGET (window));
  menu_button = GTK_MENU_BUTTON (am_ui_test_get_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, "primary_menu_button"));
  g_assert_true (am_ui_test_menu_has_action (gtk_menu_button_get_menu_model (menu_button), "win.governance"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.governance", NULL));
  page = am_ui_test_wait_for_window_of_type (AM_TYPE_GOVERNANCE_PAGE);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (page)) == GTK_WINDOW (window));
  wait_page (AM_GOVERNANCE_PAGE (page));
  title = g_strdup_printf ("Governance in %s", am_session_get_region (fixture->alice));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (page)), ==, title);
  gtk_window_destroy (GTK_WINDOW (page));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);
  g_test_add ("/governance-page/allowed-amis", DlgFixture, NULL, dlg_fixture_set_up, test_allowed_amis,
              dlg_fixture_tear_down);
  g_test_add ("/governance-page/block-public-access", DlgFixture, NULL, dlg_fixture_set_up,
              test_block_public_access, dlg_fixture_tear_down);
  g_test_add ("/governance-page/save-errors", DlgFixture, NULL, dlg_fixture_set_up, test_save_errors,
              dlg_fixture_tear_down);
  g_test_add ("/governance-page/from-main-menu", DlgFixture, NULL, dlg_fixture_set_up, test_from_main_menu,
              dlg_fixture_tear_down);
  return g_test_run ();
}
