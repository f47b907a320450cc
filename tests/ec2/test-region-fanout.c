/* test-region-fanout.c: AmRegionFanout against the real sandbox: bounded calls in flight, a deadline
 * per Region, cancel
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-region-fanout"

#include "config.h"

#include "am-ec2-client.h"
#include "am-region-fanout.h"
#include "am-snapshot-inventory.h"
#include "am-test-sandbox.h"
#include "am-test-server.h"

#define ALICE_KEY    "AKIAIOSFODNN7SANDBOX"
#define ALICE_SECRET "sandbox/alice/wJalrXUtnFEMIK7MDENGbPxRfiCY"

typedef struct
{
  AmTestSandbox *sandbox;
  AmEc2Client   *client;
} Fixture;

static void
fixture_start (Fixture    *fixture,
               const char *faults)
{
  g_autoptr (AmCredentials) credentials = am_credentials_new (ALICE_KEY, ALICE_SECRET, NULL, NULL);
  g_autoptr (AmCredentialsProvider) provider = am_credentials_provider_new_static (credentials);
  g_autoptr (AmQueryClient) query = NULL;
  g_autoptr (GError) error = NULL;

  fixture->sandbox = am_test_sandbox_start ("amiable-fanout-XXXXXX", "--faults", faults, NULL);
  query = am_query_client_new (provider, "ec2", "us-east-1", am_test_sandbox_get_url (fixture->sandbox), &error);
  g_assert_no_error (error);
  am_query_client_set_backoff_base_ms (query, 10);
  fixture->client = am_ec2_client_new (query);
}

static void
fixture_stop (Fixture *fixture)
{
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->sandbox, am_test_sandbox_stop);
}

static void
wait_settled (AmRegionFanout *fanout)
{
  gint64 end = g_get_monotonic_time () + 120 * G_TIME_SPAN_SECOND;

  while ((am_region_fanout_get_loading (fanout) || am_region_fanout_get_error (fanout) != NULL)
         && g_get_monotonic_time () < end)
    {
      if (am_region_fanout_get_error (fanout) != NULL)
        g_error ("DescribeRegions failed: %s", am_region_fanout_get_error (fanout)->message);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_false (am_region_fanout_get_loading (fanout));
}

static guint
count_running (AmRegionFanout *fanout)
{
  g_auto (GStrv) regions = am_region_fanout_dup_regions (fanout);
  guint n = 0;

  for (guint i = 0; regions[i] != NULL; i++)
    if (am_region_fanout_get_region_state (fanout, regions[i]) == AM_REGION_JOB_RUNNING)
      n++;
  return n;
}

static void
region_changed_cb (AmRegionFanout *fanout,
                   const char     *region,
                   guint          *most)
{
  *most = MAX (*most, count_running (fanout));
}

/* Five Regions, two at a time: never more than two in flight; every Region listed once. */
static void
test_bounded (void)
{
  Fixture fixture = { 0 };
  g_autoptr (AmRegionFanout) fanout = NULL;
  g_auto (GStrv) regions = NULL;
  GListModel *items;
  guint most = 0;

  fixture_start (&fixture, "latency=50ms");
  fanout = am_region_fanout_new_for_owned_images (fixture.client);
  am_region_fanout_set_max_in_flight (fanout, 2);
  g_signal_connect (fanout, "region-changed", G_CALLBACK (region_changed_cb), &most);
  am_region_fanout_start (fanout);
  wait_settled (fanout);

  regions = am_region_fanout_dup_regions (fanout);
  g_assert_cmpuint (g_strv_length (regions), ==, 5);
  g_assert_cmpuint (most, ==, 2);
  for (guint i = 0; regions[i] != NULL; i++)
    g_assert_cmpint (am_region_fanout_get_region_state (fanout, regions[i]), ==, AM_REGION_JOB_DONE);
  /* Alice's seed: two images in us-east-1, one in eu-west-1. */
  items = am_region_fanout_get_items (fanout);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  g_assert_cmpuint (am_region_fanout_get_region_n_items (fanout, "us-east-1"), ==, 2);
  g_assert_cmpuint (am_region_fanout_get_region_n_items (fanout, "eu-west-1"), ==, 1);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (items, i);

      g_assert_nonnull (am_image_get_region (image));
    }
  g_assert_cmpstr (am_ec2_client_get_region (am_region_fanout_get_client (fanout, "eu-west-1")), ==, "eu-west-1");

  /* A retry of a Region that did not fail asks nothing. */
  am_region_fanout_retry (fanout, "eu-west-1");
  g_assert_false (am_region_fanout_get_loading (fanout));
  fixture_stop (&fixture);
}

/* By default the five Regions are asked at once: none waits for another's whole listing. */
static void
test_default_bound (void)
{
  Fixture fixture = { 0 };
  g_autoptr (AmRegionFanout) fanout = NULL;
  guint most = 0;

  fixture_start (&fixture, "latency=200ms");
  fanout = am_region_fanout_new_for_owned_images (fixture.client);
  g_signal_connect (fanout, "region-changed", G_CALLBACK (region_changed_cb), &most);
  am_region_fanout_start (fanout);
  wait_settled (fanout);
  g_assert_cmpuint (most, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (am_region_fanout_get_items (fanout)), ==, 3);
  fixture_stop (&fixture);
}

/* Every answer comes 1.5 s late, each Region has 0.4 s: each ends in its own words. */
static void
test_deadline (void)
{
  Fixture fixture = { 0 };
  g_autoptr (AmRegionFanout) fanout = NULL;
  g_auto (GStrv) regions = NULL;

  fixture_start (&fixture, "latency=1500ms");
  fanout = am_region_fanout_new_for_owned_images (fixture.client);
  am_region_fanout_set_timeout_ms (fanout, 400);
  am_region_fanout_start (fanout);
  wait_settled (fanout);

  regions = am_region_fanout_dup_regions (fanout);
  g_assert_cmpuint (g_strv_length (regions), ==, 5);
  for (guint i = 0; regions[i] != NULL; i++)
    {
      const GError *error = am_region_fanout_get_region_error (fanout, regions[i]);
      g_autofree char *words = NULL;

      g_assert_cmpint (am_region_fanout_get_region_state (fanout, regions[i]), ==, AM_REGION_JOB_FAILED);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
      words = am_region_fanout_describe_error (fanout, error);
      g_assert_cmpstr (words, ==, "no answer within 1 s");
    }
  g_assert_cmpuint (g_list_model_get_n_items (am_region_fanout_get_items (fanout)), ==, 0);
  fixture_stop (&fixture);
}

/* Cancel while Regions are asked: nothing is loading any more, and no late answer lands. */
static void
test_cancel (void)
{
  Fixture fixture = { 0 };
  g_autoptr (AmRegionFanout) fanout = NULL;
  g_auto (GStrv) regions = NULL;

  fixture_start (&fixture, "latency=300ms");
  fanout = am_region_fanout_new_for_owned_images (fixture.client);
  am_region_fanout_start (fanout);
  while (count_running (fanout) == 0)
    g_main_context_iteration (NULL, TRUE);
  am_region_fanout_cancel (fanout);
  g_assert_false (am_region_fanout_get_loading (fanout));
  /* Longer than the answers take: they are dropped when they come. */
  am_test_wait_ms (1500);
  g_assert_false (am_region_fanout_get_loading (fanout));
  g_assert_cmpuint (g_list_model_get_n_items (am_region_fanout_get_items (fanout)), ==, 0);
  regions = am_region_fanout_dup_regions (fanout);
  for (guint i = 0; regions[i] != NULL; i++)
    g_assert_error (am_region_fanout_get_region_error (fanout, regions[i]), G_IO_ERROR, G_IO_ERROR_CANCELLED);
  fixture_stop (&fixture);
}

/* Owned snapshots: each marked with its Region, each Region's inventory kept beside them
 * (what makes an orphan is judged there); instances: every Region asked, none failed. */
static void
test_snapshots_and_instances (void)
{
  Fixture fixture = { 0 };
  g_autoptr (AmRegionFanout) snapshots = NULL;
  g_autoptr (AmRegionFanout) instances = NULL;
  g_auto (GStrv) regions = NULL;
  GListModel *items;

  fixture_start (&fixture, "region-down=ap-northeast-1");
  snapshots = am_region_fanout_new_for_owned_snapshots (fixture.client);
  am_region_fanout_start (snapshots);
  wait_settled (snapshots);

  regions = am_region_fanout_dup_regions (snapshots);
  g_assert_cmpuint (g_strv_length (regions), ==, 5);
  g_assert_cmpint (am_region_fanout_get_region_state (snapshots, "ap-northeast-1"), ==, AM_REGION_JOB_FAILED);
  g_assert_null (am_region_fanout_get_region_data (snapshots, "ap-northeast-1"));
  /* Alice's seed images are EBS-backed: two in us-east-1, one in eu-west-1, each with its snapshot. */
  g_assert_cmpuint (am_region_fanout_get_region_n_items (snapshots, "us-east-1"), >=, 2);
  g_assert_cmpuint (am_region_fanout_get_region_n_items (snapshots, "eu-west-1"), >=, 1);
  items = am_region_fanout_get_items (snapshots);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr (AmSnapshot) snapshot = g_list_model_get_item (items, i);
      const char *region = am_snapshot_get_region (snapshot);
      GObject *inventory = am_region_fanout_get_region_data (snapshots, region);

      g_assert_nonnull (region);
      g_assert_true (AM_IS_SNAPSHOT_INVENTORY (inventory));
      /* The Region's own images use it; another Region's images know nothing of it. */
      g_assert_nonnull (am_snapshot_inventory_get_user (AM_SNAPSHOT_INVENTORY (inventory),
                                                        am_snapshot_get_snapshot_id (snapshot)));
      for (guint j = 0; regions[j] != NULL; j++)
        {
          GObject *other = am_region_fanout_get_region_data (snapshots, regions[j]);

          if (other != NULL && other != inventory)
            g_assert_null (am_snapshot_inventory_get_user (AM_SNAPSHOT_INVENTORY (other),
                                                           am_snapshot_get_snapshot_id (snapshot)));
        }
    }

  instances = am_region_fanout_new_for_instances (fixture.client);
  am_region_fanout_start (instances);
  wait_settled (instances);
  for (guint i = 0; regions[i] != NULL; i++)
    g_assert_cmpint (am_region_fanout_get_region_state (instances, regions[i]), ==,
                     g_str_equal (regions[i], "ap-northeast-1") ? AM_REGION_JOB_FAILED : AM_REGION_JOB_DONE);
  fixture_stop (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ec2/region-fanout/bounded", test_bounded);
  g_test_add_func ("/ec2/region-fanout/default-bound", test_default_bound);
  g_test_add_func ("/ec2/region-fanout/deadline", test_deadline);
  g_test_add_func ("/ec2/region-fanout/cancel", test_cancel);
  g_test_add_func ("/ec2/region-fanout/snapshots-instances", test_snapshots_and_instances);
  return g_test_run ();
}
