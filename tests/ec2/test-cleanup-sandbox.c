/* test-cleanup-sandbox.c: the cleanup plan loaded from the real sandbox, run, and undone
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-cleanup-sandbox"

#include "config.h"

#include <string.h>

#include "am-cleanup-plan.h"
#include "am-snapshot-deletion.h"
#include "am-test-families.h"
#include "am-test-sandbox.h"

#define ALICE_KEY    "AKIAIOSFODNN7SANDBOX"
#define ALICE_SECRET "sandbox/alice/wJalrXUtnFEMIK7MDENGbPxRfiCY"

static AmEc2Client *
alice_client (AmTestSandbox *sandbox)
{
  g_autoptr (AmCredentials) credentials = am_credentials_new (ALICE_KEY, ALICE_SECRET, NULL, NULL);
  g_autoptr (AmCredentialsProvider) provider = am_credentials_provider_new_static (credentials);
  g_autoptr (GError) error = NULL;
  g_autoptr (AmQueryClient) query = am_query_client_new (provider, "ec2", "us-east-1",
                                                         am_test_sandbox_get_url (sandbox), &error);

  g_assert_no_error (error);
  return am_ec2_client_new (query);
}

static void
test_cleanup_sandbox (void)
{
  AmTestSandbox *sandbox = am_test_sandbox_start ("amiable-cleanup-XXXXXX", "--transition-ms", "50", NULL);
  g_autoptr (AmEc2Client) client = alice_client (sandbox);
  g_autoptr (AmCleanupPlan) plan = am_cleanup_plan_new ();
  g_autoptr (GPtrArray) ids = am_test_families_seed (client);
  g_autoptr (GPtrArray) removals = NULL;
  g_autoptr (GAsyncResult) loaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *used_instance = NULL;
  g_autofree char *db_snapshot = NULL;
  g_autofree char *cache_snapshot = NULL;
  const char *expected[2];

  /* The oldest app image runs an instance: it must stay. */
  used_instance = am_test_families_run_instance (client, ids->pdata[0]);
  db_snapshot = am_test_families_snapshots_of (client, ids->pdata[3]);
  cache_snapshot = am_test_families_snapshots_of (client, ids->pdata[6]);

  am_cleanup_plan_set_keep_newest (plan, 2);
  am_cleanup_plan_load_async (plan, client, NULL, am_test_families_cb, &loaded);
  g_assert_true (am_cleanup_plan_load_finish (plan, am_test_families_wait (&loaded), &error));
  g_assert_no_error (error);

  /* Families: cleanup-app, cleanup-cache, cleanup-db (and the seeded alice-* ones of one). */
  removals = am_cleanup_plan_get_removals (plan);
  g_assert_cmpuint (removals->len, ==, 2);
  expected[0] = ids->pdata[6];  /* cleanup-cache 20260101 */
  expected[1] = ids->pdata[3];  /* cleanup-db-v1.1.0 */
  for (guint i = 0; i < removals->len; i++)
    {
      AmCleanupEntry *entry = removals->pdata[i];

      g_assert_cmpstr (am_image_get_image_id (entry->image), ==, expected[i]);
      g_assert_cmpuint (g_strv_length (entry->freed_snapshots), ==, 1);
      g_assert_cmpstr (entry->freed_snapshots[0], ==, i == 0 ? cache_snapshot : db_snapshot);
    }
  {
    GPtrArray *entries = am_cleanup_plan_get_entries (plan);

    for (guint i = 0; i < entries->len; i++)
      {
        AmCleanupEntry *entry = entries->pdata[i];

        if (g_str_equal (am_image_get_image_id (entry->image), ids->pdata[0]))
          g_assert_cmpint (entry->verdict, ==, AM_CLEANUP_KEEP_USED);
      }
  }
  g_assert_cmpuint (am_cleanup_plan_get_n_freed_snapshots (plan), ==, 2);
  g_assert_cmpfloat (am_cleanup_plan_get_freed_gb (plan), >, 0);

  /* The cache image goes with its snapshot, the db image without: both wait in the Recycle
   * Bin, but only the one whose snapshot is left can come back. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GPtrArray) deleted = NULL;

      am_ec2_client_deregister_image_async (client, expected[i], i == 0, FALSE, NULL, am_test_families_cb, &result);
      g_assert_true (am_ec2_client_deregister_image_finish_full (client, am_test_families_wait (&result), &deleted,
                                                                 NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (deleted->len, ==, i == 0 ? 1 : 0);
      if (i == 0)
        g_assert_true (am_snapshot_deletion_get_deleted (deleted->pdata[0]));
    }
  g_assert_false (am_test_families_snapshot_exists (client, cache_snapshot));
  g_assert_true (am_test_families_snapshot_exists (client, db_snapshot));
  g_assert_false (am_test_families_image_exists (client, expected[1]));
  {
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (GPtrArray) bin = NULL;
    const char *both[] = { expected[0], expected[1], NULL };

    am_ec2_client_list_images_in_recycle_bin_async (client, both, NULL, am_test_families_cb, &result);
    bin = am_ec2_client_list_images_in_recycle_bin_finish (client, am_test_families_wait (&result), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (bin->len, ==, 2);
    for (guint i = 0; i < bin->len; i++)
      g_assert_true (g_str_has_prefix (am_image_get_name (bin->pdata[i]), "cleanup-"));
  }
  {
    g_autoptr (GAsyncResult) result = NULL;

    am_ec2_client_restore_image_async (client, expected[1], FALSE, NULL, am_test_families_cb, &result);
    g_assert_true (am_ec2_client_restore_image_finish (client, am_test_families_wait (&result), NULL, &error));
    g_assert_no_error (error);
    g_assert_true (am_test_families_image_exists (client, expected[1]));
  }
  {
    g_autoptr (GAsyncResult) result = NULL;

    am_ec2_client_restore_image_async (client, expected[0], FALSE, NULL, am_test_families_cb, &result);
    g_assert_false (am_ec2_client_restore_image_finish (client, am_test_families_wait (&result), NULL, &error));
    g_assert_nonnull (error);
    g_assert_true (strstr (error->message, "InvalidSnapshot.NotFound") != NULL
                   || strstr (error->message, cache_snapshot) != NULL);
    g_clear_error (&error);
  }

  g_clear_object (&client);
  am_test_sandbox_stop (sandbox);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cleanup/sandbox/keep-newest-run-undo", test_cleanup_sandbox);
  return g_test_run ();
}
