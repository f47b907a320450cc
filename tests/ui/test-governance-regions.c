/* test-governance-regions.c: Governance in every enabled region at once, on the sandbox, one region down
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-governance-regions"

#include "config.h"

#include <string.h>

#include "am-ec2-governance.h"
#include "am-governance-page.h"
#include "am-governance-regions.h"
#include "test-dialogs-common.h"

#define DOWN_REGION "eu-west-1"

static void
set_up_one_down (DlgFixture    *fixture,
                 gconstpointer  data)
{
  const char *args[] = { "--faults", "region-down=" DOWN_REGION, NULL };

  dlg_fixture_set_up_with_args (fixture, args);
}

static gboolean
page_ready (gpointer data)
{
  return dlg_governance_ready (data) && am_governance_page_get_error (data) == NULL;
}

static gboolean
regions_settled (gpointer data)
{
  AmRegionFanout *fanout = am_governance_regions_get_fanout (data);
  g_auto (GStrv) regions = am_region_fanout_dup_regions (fanout);

  return regions[0] != NULL && !am_governance_regions_is_busy (data);
}

static gboolean
change_ended (gpointer data)
{
  return regions_settled (data) && am_governance_regions_get_summary (data) != NULL;
}

static gboolean
confirmation_shown (gpointer data)
{
  AdwMessageDialog *dialog = am_governance_regions_get_confirmation (data);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

/* The Governance window and, through its All Regions… button, the all-regions one, settled. */
static AmGovernanceRegions *
open_regions (DlgFixture        *fixture,
              AmGovernancePage **page)
{
  GtkWidget *regions;

  *page = g_object_ref_sink (am_governance_page_new (fixture->alice, AM_IMAGES_SCOPE_OWNED));
  gtk_window_set_transient_for (GTK_WINDOW (*page), fixture->parent);
  gtk_window_present (GTK_WINDOW (*page));
  g_assert_true (am_ui_test_wait_until (page_ready, *page, 60000));
  dlg_click (am_ui_test_get_widget (GTK_WIDGET (*page), GTK_TYPE_BUTTON, "regions_button"));
  regions = am_ui_test_wait_for_window_of_type (AM_TYPE_GOVERNANCE_REGIONS);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (regions)) == GTK_WINDOW (*page));
  gtk_window_set_default_size (GTK_WINDOW (regions), 980, 520);
  g_assert_true (am_ui_test_wait_until (regions_settled, regions, 120000));
  return AM_GOVERNANCE_REGIONS (regions);
}

static char *
row (AmGovernanceRegions *regions,
     const char          *region)
{
  char *text = am_governance_regions_dup_row_text (regions, region);

  g_assert_nonnull (text);
  g_test_message ("%s", text);
  return text;
}

static void
assert_row_has (AmGovernanceRegions *regions,
                const char          *region,
                const char          *part)
{
  g_autofree char *text = row (regions, region);

  if (strstr (text, part) == NULL)
    g_error ("row \"%s\" lacks \"%s\"", text, part);
}

/* Presses @response in the confirmation after checking it names every region. */
static void
confirm (AmGovernanceRegions *regions,
         const char          *button,
         const char          *response,
         char               **names)
{
  AdwMessageDialog *dialog;

  dlg_click (am_ui_test_get_widget (GTK_WIDGET (regions), GTK_TYPE_BUTTON, button));
  g_assert_true (am_ui_test_wait_until (confirmation_shown, regions, 10000));
  dialog = am_governance_regions_get_confirmation (regions);
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), names[i]));
  {
    g_autofree char *shot = g_strdup_printf ("governance-regions-confirm-%s", response);

    am_ui_test_screenshot_light_dark (GTK_WIDGET (dialog), shot, 200);
  }
  am_ui_test_message_dialog_press (GTK_WIDGET (dialog), response);
  /* The change ends in a sentence (it starts by clearing the last one). */
  g_assert_true (am_ui_test_wait_until (change_ended, regions, 120000));
  g_test_message ("%s", am_governance_regions_get_summary (regions));
}

static AmEc2Client *
client_in (DlgFixture *fixture,
           const char *region)
{
  g_autoptr (GError) error = NULL;
  AmEc2Client *client = am_ec2_client_new_for_region (am_session_get_client (fixture->alice), region, &error);

  g_assert_no_error (error);
  return client;
}

/* GetImageBlockPublicAccessState in @region, asked by the test itself. */
static gboolean
blocked_in (DlgFixture *fixture,
            const char *region)
{
  g_autoptr (AmEc2Client) client = client_in (fixture, region);
  g_autoptr (GError) error = NULL;
  AmUiTestWait wait = { 0 };
  gboolean blocked = FALSE;

  am_ec2_client_get_image_block_public_access_async (client, NULL, am_ui_test_wait_cb, &wait);
  g_assert_true (am_ec2_client_get_image_block_public_access_finish (client, am_ui_test_wait_for_result (&wait, 60000),
                                                                     &blocked, &error));
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  return blocked;
}

/*
 * eu-west-1 is down. The table shows the four others' settings and names the failed one with
 * the reason and a Retry; turning Block Public Access on reaches the four (each asked after
 * with GetImageBlockPublicAccessState) and says where it could not.
 */
static void
test_one_region_down (DlgFixture    *fixture,
                      gconstpointer  data)
{
  g_autoptr (AmGovernancePage) page = NULL;
  AmGovernanceRegions *regions = open_regions (fixture, &page);
  g_auto (GStrv) names = am_region_fanout_dup_regions (am_governance_regions_get_fanout (regions));
  guint n_up = 0;

  g_assert_true (g_strv_contains ((const char * const *) names, DOWN_REGION));
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], DOWN_REGION))
        continue;
      n_up++;
      assert_row_has (regions, names[i], " | Off | Disabled, 0 criteria | ");
      g_assert_null (am_governance_regions_get_retry_button (regions, names[i]));
    }
  g_assert_cmpuint (n_up, >=, 4);
  assert_row_has (regions, DOWN_REGION, "Failed: could not connect");
  g_assert_nonnull (am_governance_regions_get_retry_button (regions, DOWN_REGION));
  am_ui_test_screenshot_light_dark (GTK_WIDGET (regions), "governance-regions-one-down", 300);

  /* Retry asks the failed one again, and it fails again with its reason (still down). */
  dlg_click (am_governance_regions_get_retry_button (regions, DOWN_REGION));
  am_ui_test_iterate ();
  g_assert_true (am_ui_test_wait_until (regions_settled, regions, 120000));
  assert_row_has (regions, DOWN_REGION, "Failed: could not connect");

  confirm (regions, "bpa_button", "turn-on", names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], DOWN_REGION))
        continue;
      assert_row_has (regions, names[i], " | On | Disabled, 0 criteria | Turned on");
      g_assert_true (blocked_in (fixture, names[i]));
    }
  assert_row_has (regions, DOWN_REGION, "Not changed: could not connect");
  g_assert_nonnull (am_governance_regions_get_retry_button (regions, DOWN_REGION));
  g_assert_nonnull (strstr (am_governance_regions_get_summary (regions), "not in " DOWN_REGION));
  am_ui_test_screenshot_light_dark (GTK_WIDGET (regions), "governance-regions-turned-on", 300);

  gtk_window_destroy (GTK_WINDOW (regions));
  gtk_window_destroy (GTK_WINDOW (page));
}

/*
 * Every region up: the criteria typed into the Governance window replace those of every
 * region (each read back with GetAllowedImagesSettings), and Block Public Access reaches all.
 */
static void
test_apply_everywhere (DlgFixture    *fixture,
                       gconstpointer  data)
{
  g_autoptr (AmGovernancePage) page = NULL;
  AmGovernanceRegions *regions;
  g_auto (GStrv) names = NULL;

  /* The criterion typed into the Governance window is the one applied. */
  regions = open_regions (fixture, &page);
  dlg_click (am_ui_test_get_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "add_button"));
  gtk_editable_set_text (am_governance_page_get_field (page, 0, AM_CRITERION_FIELD_PROVIDERS), "amazon");
  gtk_editable_set_text (am_governance_page_get_field (page, 0, AM_CRITERION_FIELD_NAMES), "debian-*");
  names = am_region_fanout_dup_regions (am_governance_regions_get_fanout (regions));
  g_assert_cmpuint (g_strv_length (names), >=, 5);

  confirm (regions, "criteria_button", "apply", names);
  g_assert_nonnull (strstr (am_governance_regions_get_summary (regions), "all"));
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr (AmEc2Client) client = client_in (fixture, names[i]);
      g_autoptr (AmAllowedImagesSettings) settings = NULL;
      g_autoptr (GError) error = NULL;
      AmUiTestWait wait = { 0 };
      AmImageCriterion *criterion;

      assert_row_has (regions, names[i], " | Off | Disabled, 1 criterion | Criteria applied");
      am_ec2_client_get_allowed_images_settings_async (client, NULL, am_ui_test_wait_cb, &wait);
      settings = am_ec2_client_get_allowed_images_settings_finish (client, am_ui_test_wait_for_result (&wait, 60000),
                                                                   &error);
      g_clear_object (&wait.result);
      g_assert_no_error (error);
      g_assert_cmpstr (settings->state, ==, "disabled");
      g_assert_cmpuint (settings->criteria->len, ==, 1);
      criterion = settings->criteria->pdata[0];
      g_assert_cmpstr (criterion->providers[0], ==, "amazon");
      g_assert_cmpstr (criterion->names[0], ==, "debian-*");
    }

  confirm (regions, "bpa_button", "turn-on", names);
  for (guint i = 0; names[i] != NULL; i++)
    g_assert_true (blocked_in (fixture, names[i]));

  gtk_window_destroy (GTK_WINDOW (regions));
  gtk_window_destroy (GTK_WINDOW (page));
}

static void
set_up_slow (DlgFixture    *fixture,
             gconstpointer  data)
{
  const char *args[] = { "--faults", "latency=400ms", NULL };

  dlg_fixture_set_up_with_args (fixture, args);
}

/* Closed while every region is still asked: the calls end with the window, quietly. */
static void
test_close_while_asking (DlgFixture    *fixture,
                         gconstpointer  data)
{
  g_autoptr (AmGovernancePage) page = NULL;
  GtkWidget *regions;

  page = g_object_ref_sink (am_governance_page_new (fixture->alice, AM_IMAGES_SCOPE_OWNED));
  gtk_window_present (GTK_WINDOW (page));
  g_assert_true (am_ui_test_wait_until (page_ready, page, 60000));
  dlg_click (am_ui_test_get_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "regions_button"));
  regions = am_ui_test_wait_for_window_of_type (AM_TYPE_GOVERNANCE_REGIONS);
  g_assert_true (am_governance_regions_is_busy (AM_GOVERNANCE_REGIONS (regions)));
  gtk_window_destroy (GTK_WINDOW (regions));
  am_ui_test_wait_window_gone (AM_TYPE_GOVERNANCE_REGIONS);
  /* Long enough for every answer that was on its way to arrive. */
  am_ui_test_settle (3000);
  gtk_window_destroy (GTK_WINDOW (page));
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);
  g_test_add ("/governance-regions/one-region-down", DlgFixture, NULL, set_up_one_down, test_one_region_down,
              dlg_fixture_tear_down);
  g_test_add ("/governance-regions/apply-everywhere", DlgFixture, NULL, dlg_fixture_set_up, test_apply_everywhere,
              dlg_fixture_tear_down);
  g_test_add ("/governance-regions/close-while-asking", DlgFixture, NULL, set_up_slow, test_close_while_asking,
              dlg_fixture_tear_down);
  return g_test_run ();
}
