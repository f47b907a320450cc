/* test-ec2-sandbox.c: AmEc2Client and AmImageStore against the real amiable-sandbox
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ec2-sandbox"

#include "config.h"

#include "am-aws-error.h"
#include "am-image-store.h"
#include "am-test-sandbox.h"
#include "am-test-server.h"

#define ALICE_ACCOUNT "111122223333"
#define ALICE_KEY     "AKIAIOSFODNN7SANDBOX"
#define ALICE_SECRET  "sandbox/alice/wJalrXUtnFEMIK7MDENGbPxRfiCY"
#define BOB_ACCOUNT   "444455556666"
#define BOB_KEY       "AKIAI44QH8DHBSANDBOX"
#define BOB_SECRET    "sandbox/bob/je7MtGbClwBF2Zp9Utk/h3yCo8nvbE"
#define N_PUBLIC      2500

typedef struct
{
  AmTestSandbox *sandbox;
  const char    *url;
  AmEc2Client   *alice;
  AmEc2Client   *bob;
} Fixture;

static AmEc2Client *
client_for (Fixture    *fixture,
            const char *key,
            const char *secret,
            const char *region)
{
  g_autoptr (AmCredentials) credentials = am_credentials_new (key, secret, NULL, NULL);
  g_autoptr (AmCredentialsProvider) provider = am_credentials_provider_new_static (credentials);
  g_autoptr (GError) error = NULL;
  g_autoptr (AmQueryClient) query = am_query_client_new (provider, "ec2", region, fixture->url, &error);

  g_assert_no_error (error);
  return am_ec2_client_new (query);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *public_images = g_strdup_printf ("%d", N_PUBLIC);

  fixture->sandbox = am_test_sandbox_start ("amiable-ec2-sandbox-XXXXXX", "--public-images", public_images,
                                            "--transition-ms", "50", NULL);
  fixture->url = am_test_sandbox_get_url (fixture->sandbox);
  fixture->alice = client_for (fixture, ALICE_KEY, ALICE_SECRET, "us-east-1");
  fixture->bob = client_for (fixture, BOB_KEY, BOB_SECRET, "us-east-1");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->alice);
  g_clear_object (&fixture->bob);
  g_clear_pointer (&fixture->sandbox, am_test_sandbox_stop);
}

#define WAIT(result) am_test_wait_result (&(result))

static char *
latest_image (AmEc2Client *client)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  char *image_id;

  am_ec2_client_get_latest_image_id_async (client,
                                           "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
                                           NULL, am_test_result_cb, &result);
  WAIT (result);
  image_id = am_ec2_client_get_latest_image_id_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (image_id, "ami-"));
  return image_id;
}

static AmImage *
describe_one (AmEc2Client *client,
              const char  *image_id)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) images = NULL;

  am_describe_images_query_add_image_id (query, image_id);
  query->include_deprecated = TRUE;
  am_ec2_client_describe_images_async (client, query, NULL, am_test_result_cb, &result);
  WAIT (result);
  images = am_ec2_client_describe_images_finish (client, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, 1);
  return g_object_ref (images->pdata[0]);
}

static void
wait_instance_state (AmEc2Client *client,
                     const char  *instance_id,
                     const char  *state)
{
  const char *ids[] = { instance_id, NULL };
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) instances = NULL;

      am_ec2_client_describe_instances_async (client, ids, NULL, NULL, am_test_result_cb, &result);
      WAIT (result);
      instances = am_ec2_client_describe_instances_finish (client, result, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (instances->len, ==, 1);
      if (g_strcmp0 (am_instance_get_state_name (instances->pdata[0]), state) == 0)
        return;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      am_test_wait_ms (50);
    }
}

static void
wait_loaded (AmImageStore *store)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (am_image_store_get_loading (store))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      am_test_wait_ms (5);
    }
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_catalog (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *latest = latest_image (fixture->alice);
  g_autoptr (AmImage) image = describe_one (fixture->alice, latest);
  g_autoptr (AmImageStore) store = NULL;
  g_autoptr (AmImageStore) owned = NULL;
  g_autofree char *cache_dir = g_build_filename (am_test_sandbox_get_home (fixture->sandbox), "cache", NULL);
  guint n_changes = 0;
  guint n_items;

  g_assert_cmpstr (am_image_get_image_id (image), ==, latest);
  g_assert_cmpstr (am_image_get_architecture (image), ==, "x86_64");
  g_assert_true (g_str_has_prefix (am_image_get_name (image), "al2023-ami-"));
  g_assert_true (am_image_get_is_public (image));
  g_assert_nonnull (am_image_get_block_device_mappings (image)[0]);

  /* the public catalog, page by page */
  store = am_image_store_new (fixture->alice, AM_IMAGE_SCOPE_PUBLIC, ALICE_ACCOUNT);
  am_image_store_set_cache_dir (store, cache_dir);
  g_signal_connect (store, "items-changed", G_CALLBACK (count_changes), &n_changes);
  am_image_store_load (store);
  wait_loaded (store);
  g_assert_null (am_image_store_get_error (store));
  n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_test_message ("public images in us-east-1: %u in %u pages", n_items, n_changes);
  /* the synthetic catalog is spread over the sandbox's regions: several pages here */
  g_assert_cmpuint (n_items, >, 1000);
  g_assert_cmpuint (n_changes, ==, (n_items + 999) / 1000);
  g_assert_cmpuint (am_image_store_get_n_loaded (store), ==, n_items);
  g_assert_nonnull (am_image_store_lookup (store, latest));

  /* alice's own images (seeded by the sandbox) */
  owned = am_image_store_new (fixture->alice, AM_IMAGE_SCOPE_OWNED, ALICE_ACCOUNT);
  am_image_store_set_cache_dir (owned, cache_dir);
  am_image_store_load (owned);
  wait_loaded (owned);
  g_assert_null (am_image_store_get_error (owned));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (owned)), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (owned)); i++)
    {
      g_autoptr (AmImage) mine = g_list_model_get_item (G_LIST_MODEL (owned), i);

      g_assert_cmpstr (am_image_get_owner_id (mine), ==, ALICE_ACCOUNT);
    }
}

static void
test_lookups (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL, r5 = NULL, r6 = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) types = NULL, zones = NULL, regions = NULL, vpcs = NULL, subnets = NULL, groups = NULL;
  gboolean found = FALSE;

  am_ec2_client_describe_instance_types_async (fixture->alice, NULL, NULL, NULL, am_test_result_cb, &r1);
  WAIT (r1);
  types = am_ec2_client_describe_instance_types_finish (fixture->alice, r1, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < types->len; i++)
    if (g_strcmp0 (am_instance_type_get_instance_type (types->pdata[i]), "t3.micro") == 0)
      {
        found = TRUE;
        g_assert_cmpint (am_instance_type_get_default_vcpus (types->pdata[i]), ==, 2);
        g_assert_cmpint (am_instance_type_get_memory_mib (types->pdata[i]), ==, 1024);
      }
  g_assert_true (found);

  am_ec2_client_describe_availability_zones_async (fixture->alice, NULL, FALSE, NULL, NULL, am_test_result_cb, &r2);
  WAIT (r2);
  zones = am_ec2_client_describe_availability_zones_finish (fixture->alice, r2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zones->len, >, 0);
  g_assert_cmpstr (am_availability_zone_get_region_name (zones->pdata[0]), ==, "us-east-1");

  am_ec2_client_describe_regions_async (fixture->alice, FALSE, NULL, NULL, am_test_result_cb, &r3);
  WAIT (r3);
  regions = am_ec2_client_describe_regions_finish (fixture->alice, r3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (regions->len, >=, 2);

  am_ec2_client_describe_vpcs_async (fixture->alice, NULL, NULL, NULL, am_test_result_cb, &r4);
  WAIT (r4);
  vpcs = am_ec2_client_describe_vpcs_finish (fixture->alice, r4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vpcs->len, >, 0);

  am_ec2_client_describe_subnets_async (fixture->alice, NULL, NULL, NULL, am_test_result_cb, &r5);
  WAIT (r5);
  subnets = am_ec2_client_describe_subnets_finish (fixture->alice, r5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (subnets->len, >, 0);

  am_ec2_client_describe_security_groups_async (fixture->alice, NULL, NULL, NULL, am_test_result_cb, &r6);
  WAIT (r6);
  groups = am_ec2_client_describe_security_groups_finish (fixture->alice, r6, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, >, 0);
}

static void
test_image_lifecycle (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *latest = latest_image (fixture->alice);
  g_autoptr (AmRunInstancesRequest) run = am_run_instances_request_new (latest, "t3.micro");
  g_autoptr (GAsyncResult) r_key = NULL, r_dry = NULL, r_run = NULL, r_again = NULL, r_create = NULL;
  g_autoptr (GAsyncResult) r_tag = NULL, r_share = NULL, r_attr = NULL, r_dep = NULL, r_prot = NULL;
  g_autoptr (GAsyncResult) r_dereg_refused = NULL, r_unprot = NULL, r_dereg_dry = NULL, r_dereg = NULL;
  g_autoptr (GAsyncResult) r_term = NULL, r_describe = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AmKeyPair) key = NULL;
  g_autoptr (GPtrArray) instances = NULL, again = NULL, changes = NULL, described = NULL;
  g_autoptr (GPtrArray) snapshot_results = NULL;
  g_autoptr (AmImageAttribute) attr = NULL;
  g_autoptr (AmImage) created = NULL;
  g_autoptr (AmImageStore) shared = NULL;
  g_autoptr (GDateTime) deprecate_at = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) later = g_date_time_add_days (deprecate_at, 30);
  g_autofree char *image_id = NULL;
  g_autofree char *cache_dir = g_build_filename (am_test_sandbox_get_home (fixture->sandbox), "cache", NULL);
  const char *tag_keys[] = { "team", NULL };
  const char *tag_values[] = { "web", NULL };
  const char *bob[] = { BOB_ACCOUNT, NULL };
  const char *ids[2] = { NULL, NULL };
  const char *image_ids[2] = { NULL, NULL };
  gboolean dry_run_ok = FALSE;
  gboolean ok;

  am_ec2_client_create_key_pair_async (fixture->alice, "lifecycle-key", "ed25519", NULL, FALSE, NULL,
                                       am_test_result_cb, &r_key);
  WAIT (r_key);
  ok = am_ec2_client_create_key_pair_finish (fixture->alice, r_key, &key, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_nonnull (am_key_pair_get_key_material (key));
  /* Once taken, the private key is zeroed and dropped from the object. */
  am_key_pair_clear_key_material (key);
  g_assert_null (am_key_pair_get_key_material (key));

  run->key_name = g_strdup ("lifecycle-key");
  am_ec2_client_run_instances_async (fixture->alice, run, TRUE, NULL, am_test_result_cb, &r_dry);
  WAIT (r_dry);
  ok = am_ec2_client_run_instances_finish (fixture->alice, r_dry, NULL, &dry_run_ok, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (dry_run_ok);

  am_ec2_client_run_instances_async (fixture->alice, run, FALSE, NULL, am_test_result_cb, &r_run);
  WAIT (r_run);
  ok = am_ec2_client_run_instances_finish (fixture->alice, r_run, &instances, &dry_run_ok, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_false (dry_run_ok);
  g_assert_cmpuint (instances->len, ==, 1);
  ids[0] = am_instance_get_instance_id (instances->pdata[0]);
  g_assert_cmpstr (am_instance_get_key_name (instances->pdata[0]), ==, "lifecycle-key");

  /* the same client token launches nothing new */
  am_ec2_client_run_instances_async (fixture->alice, run, FALSE, NULL, am_test_result_cb, &r_again);
  WAIT (r_again);
  ok = am_ec2_client_run_instances_finish (fixture->alice, r_again, &again, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpstr (am_instance_get_instance_id (again->pdata[0]), ==, ids[0]);

  am_ec2_client_describe_instances_async (fixture->alice, ids, NULL, NULL, am_test_result_cb, &r_describe);
  WAIT (r_describe);
  described = am_ec2_client_describe_instances_finish (fixture->alice, r_describe, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (described->len, ==, 1);
  g_assert_cmpstr (am_instance_get_image_id (described->pdata[0]), ==, latest);

  wait_instance_state (fixture->alice, ids[0], "running");
  am_ec2_client_create_image_async (fixture->alice, ids[0], "lifecycle-image", "made by the test", TRUE,
                                    NULL, NULL, FALSE, NULL, am_test_result_cb, &r_create);
  WAIT (r_create);
  ok = am_ec2_client_create_image_finish (fixture->alice, r_create, &image_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  image_ids[0] = image_id;

  am_ec2_client_create_tags_async (fixture->alice, image_ids, tag_keys, tag_values, FALSE, NULL,
                                   am_test_result_cb, &r_tag);
  WAIT (r_tag);
  ok = am_ec2_client_create_tags_finish (fixture->alice, r_tag, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  am_ec2_client_modify_launch_permission_async (fixture->alice, image_id, AM_LAUNCH_PERMISSION_ADD, bob,
                                                FALSE, NULL, NULL, FALSE, NULL, am_test_result_cb, &r_share);
  WAIT (r_share);
  ok = am_ec2_client_modify_launch_permission_finish (fixture->alice, r_share, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  am_ec2_client_describe_image_attribute_async (fixture->alice, image_id, "launchPermission", NULL,
                                                am_test_result_cb, &r_attr);
  WAIT (r_attr);
  attr = am_ec2_client_describe_image_attribute_finish (fixture->alice, r_attr, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_launch_permission_get_user_id (am_image_attribute_get_launch_permissions (attr)[0]), ==,
                   BOB_ACCOUNT);

  /* bob now sees it among the images shared with him */
  shared = am_image_store_new (fixture->bob, AM_IMAGE_SCOPE_SHARED, BOB_ACCOUNT);
  am_image_store_set_cache_dir (shared, cache_dir);
  am_image_store_load (shared);
  wait_loaded (shared);
  g_assert_null (am_image_store_get_error (shared));
  g_assert_nonnull (am_image_store_lookup (shared, image_id));

  am_ec2_client_enable_image_deprecation_async (fixture->alice, image_id, later, FALSE, NULL,
                                                am_test_result_cb, &r_dep);
  WAIT (r_dep);
  ok = am_ec2_client_enable_image_deprecation_finish (fixture->alice, r_dep, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  created = describe_one (fixture->alice, image_id);
  g_assert_cmpstr (am_tag_get_value (am_image_get_tags (created)[0]), ==, "web");
  g_assert_nonnull (am_image_get_deprecation_time (created));
  g_assert_false (am_image_get_is_deprecated (created));


  am_ec2_client_enable_deregistration_protection_async (fixture->alice, image_id, FALSE, FALSE, NULL,
                                                        am_test_result_cb, &r_prot);
  WAIT (r_prot);
  ok = am_ec2_client_enable_deregistration_protection_finish (fixture->alice, r_prot, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  am_ec2_client_deregister_image_async (fixture->alice, image_id, TRUE, FALSE, NULL, am_test_result_cb,
                                        &r_dereg_refused);
  WAIT (r_dereg_refused);
  g_assert_false (am_ec2_client_deregister_image_finish (fixture->alice, r_dereg_refused, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_assert_true (error->domain == AM_AWS_ERROR);
  g_assert_true (g_str_has_prefix (error->message, "Could not deregister "));
  g_clear_error (&error);

  am_ec2_client_disable_deregistration_protection_async (fixture->alice, image_id, FALSE, NULL,
                                                         am_test_result_cb, &r_unprot);
  WAIT (r_unprot);
  ok = am_ec2_client_disable_deregistration_protection_finish (fixture->alice, r_unprot, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  am_ec2_client_deregister_image_async (fixture->alice, image_id, TRUE, TRUE, NULL, am_test_result_cb, &r_dereg_dry);
  WAIT (r_dereg_dry);
  ok = am_ec2_client_deregister_image_finish (fixture->alice, r_dereg_dry, &dry_run_ok, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (dry_run_ok);

  am_ec2_client_deregister_image_async (fixture->alice, image_id, TRUE, FALSE, NULL, am_test_result_cb, &r_dereg);
  WAIT (r_dereg);
  ok = am_ec2_client_deregister_image_finish_full (fixture->alice, r_dereg, &snapshot_results, &dry_run_ok, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_false (dry_run_ok);
  /* deleteSnapshotResultSet: the image's own snapshots, each deleted. */
  g_assert_nonnull (snapshot_results);
  g_assert_cmpuint (snapshot_results->len, >, 0);
  for (guint i = 0; i < snapshot_results->len; i++)
    {
      AmSnapshotDeletion *deletion = g_ptr_array_index (snapshot_results, i);

      g_assert_true (g_str_has_prefix (am_snapshot_deletion_get_snapshot_id (deletion), "snap-"));
      g_assert_cmpstr (am_snapshot_deletion_get_return_code (deletion), ==, "success");
      g_assert_true (am_snapshot_deletion_get_deleted (deletion));
    }

  am_ec2_client_terminate_instances_async (fixture->alice, ids, FALSE, NULL, am_test_result_cb, &r_term);
  WAIT (r_term);
  ok = am_ec2_client_change_instances_finish (fixture->alice, r_term, &changes, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpstr (am_instance_state_change_get_instance_id (changes->pdata[0]), ==, ids[0]);
  g_assert_cmpint (am_instance_state_change_get_current_state_code (changes->pdata[0]), ==, 32);
}

/* Requiring IMDSv2 on an image: the owner may, another account may not. */
static void
test_require_imdsv2 (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (AmEc2Client) alice = client_for (fixture, ALICE_KEY, ALICE_SECRET, "eu-west-1");
  g_autoptr (AmEc2Client) bob = client_for (fixture, BOB_KEY, BOB_SECRET, "eu-west-1");
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GAsyncResult) r_owned = NULL;
  g_autoptr (GAsyncResult) r_dry = NULL;
  g_autoptr (GAsyncResult) r_bob = NULL;
  g_autoptr (GAsyncResult) r_alice = NULL;
  g_autoptr (GPtrArray) owned = NULL;
  g_autoptr (AmImage) after = NULL;
  g_autoptr (GError) error = NULL;
  const char *image_id = NULL;
  gboolean dry_run_ok = FALSE;

  am_describe_images_query_add_owner (query, "self");
  am_ec2_client_describe_images_async (alice, query, NULL, am_test_result_cb, &r_owned);
  WAIT (r_owned);
  owned = am_ec2_client_describe_images_finish (alice, r_owned, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < owned->len; i++)
    if (am_image_get_imds_support (owned->pdata[i]) == NULL)
      image_id = am_image_get_image_id (owned->pdata[i]);
  g_assert_nonnull (image_id);

  am_ec2_client_require_imdsv2_async (alice, image_id, TRUE, NULL, am_test_result_cb, &r_dry);
  WAIT (r_dry);
  g_assert_true (am_ec2_client_require_imdsv2_finish (alice, r_dry, &dry_run_ok, &error));
  g_assert_no_error (error);
  g_assert_true (dry_run_ok);
  after = describe_one (alice, image_id);
  g_assert_null (am_image_get_imds_support (after));
  g_clear_object (&after);

  am_ec2_client_require_imdsv2_async (bob, image_id, FALSE, NULL, am_test_result_cb, &r_bob);
  WAIT (r_bob);
  g_assert_false (am_ec2_client_require_imdsv2_finish (bob, r_bob, NULL, &error));
  g_assert_true (error != NULL && error->domain == AM_AWS_ERROR);
  g_assert_nonnull (strstr (error->message, image_id));
  g_clear_error (&error);

  am_ec2_client_require_imdsv2_async (alice, image_id, FALSE, NULL, am_test_result_cb, &r_alice);
  WAIT (r_alice);
  g_assert_true (am_ec2_client_require_imdsv2_finish (alice, r_alice, NULL, &error));
  g_assert_no_error (error);
  after = describe_one (alice, image_id);
  g_assert_cmpstr (am_image_get_imds_support (after), ==, "v2.0");
}

static void
test_copy_and_templates (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *latest = latest_image (fixture->alice);
  g_autoptr (AmEc2Client) europe = NULL;
  g_autoptr (AmCopyImageRequest) copy = am_copy_image_request_new (latest, "us-east-1", "copied-al2023");
  g_autoptr (AmRunInstancesRequest) data_request = am_run_instances_request_new (latest, "t3.small");
  g_autoptr (GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AmImage) copied = NULL;
  g_autoptr (AmLaunchTemplate) template = NULL;
  g_autofree char *copy_id = NULL;
  g_autofree char *group_id = NULL;
  gboolean ok;

  europe = am_ec2_client_new_for_region (fixture->alice, "eu-west-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_ec2_client_get_region (europe), ==, "eu-west-1");
  am_ec2_client_copy_image_async (europe, copy, FALSE, NULL, am_test_result_cb, &r1);
  WAIT (r1);
  ok = am_ec2_client_copy_image_finish (europe, r1, &copy_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  copied = describe_one (europe, copy_id);
  g_assert_cmpstr (am_image_get_name (copied), ==, "copied-al2023");
  g_assert_cmpstr (am_image_get_owner_id (copied), ==, ALICE_ACCOUNT);

  am_ec2_client_create_security_group_async (fixture->alice, "launch-wizard-1", "SSH from anywhere", NULL,
                                             FALSE, NULL, am_test_result_cb, &r2);
  WAIT (r2);
  ok = am_ec2_client_create_security_group_finish (fixture->alice, r2, &group_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (g_str_has_prefix (group_id, "sg-"));

  am_ec2_client_authorize_ingress_async (fixture->alice, group_id, "tcp", 22, 22, "0.0.0.0/0", NULL, FALSE,
                                         NULL, am_test_result_cb, &r3);
  WAIT (r3);
  ok = am_ec2_client_authorize_ingress_finish (fixture->alice, r3, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  am_ec2_client_create_launch_template_async (fixture->alice, "web-template", "v1", data_request, FALSE, NULL,
                                              am_test_result_cb, &r4);
  WAIT (r4);
  ok = am_ec2_client_create_launch_template_finish (fixture->alice, r4, &template, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpstr (am_launch_template_get_launch_template_name (template), ==, "web-template");
}

/* RunInstances of @run; Returns: (transfer full): the instances launched */
static GPtrArray *
run_instances (AmEc2Client           *client,
               AmRunInstancesRequest *run)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *instances = NULL;

  am_ec2_client_run_instances_async (client, run, FALSE, NULL, am_test_result_cb, &result);
  WAIT (result);
  g_assert_true (am_ec2_client_run_instances_finish (client, result, &instances, NULL, &error));
  g_assert_no_error (error);
  return instances;
}

/* Returns: (transfer full): the images @client's account owns */
static GPtrArray *
owned_images (AmEc2Client *client)
{
  g_autoptr (AmDescribeImagesQuery) owned = am_describe_images_query_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *images;

  am_describe_images_query_add_owner (owned, "self");
  am_ec2_client_describe_images_async (client, owned, NULL, am_test_result_cb, &result);
  WAIT (result);
  images = am_ec2_client_describe_images_finish (client, result, NULL, &error);
  g_assert_no_error (error);
  return images;
}

/* DescribeImageReferences, DescribeInstanceImageMetadata and Disable/EnableImage through the
 * typed client: what uses an image, the state of an instance's image, a disabled image hidden. */
static void
test_image_references (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *latest = latest_image (fixture->alice);
  g_autoptr (AmRunInstancesRequest) run = am_run_instances_request_new (latest, "t3.micro");
  g_autoptr (GAsyncResult) r_lt = NULL, r_refs = NULL, r_meta = NULL, r_disable = NULL, r_enable = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) instances = NULL, refs = NULL, metadata = NULL, mine = NULL, hidden = NULL;
  g_autoptr (AmLaunchTemplate) template = NULL;
  g_autofree char *instance_arn = NULL;
  const char *image_ids[] = { latest, NULL };
  const char *instance_ids[] = { NULL, NULL };
  const char *own_id;
  gboolean saw_instance = FALSE, saw_template = FALSE;
  gboolean ok;

  instances = run_instances (fixture->alice, run);
  instance_ids[0] = am_instance_get_instance_id (instances->pdata[0]);
  instance_arn = g_strdup_printf ("arn:aws:ec2:us-east-1:" ALICE_ACCOUNT ":instance/%s", instance_ids[0]);
  am_ec2_client_create_launch_template_async (fixture->alice, "uses-latest", NULL, run, FALSE, NULL,
                                              am_test_result_cb, &r_lt);
  WAIT (r_lt);
  ok = am_ec2_client_create_launch_template_finish (fixture->alice, r_lt, &template, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  am_ec2_client_describe_image_references_async (fixture->alice, image_ids, NULL, am_test_result_cb, &r_refs);
  WAIT (r_refs);
  refs = am_ec2_client_describe_image_references_finish (fixture->alice, r_refs, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (refs->len, ==, 2);
  for (guint i = 0; i < refs->len; i++)
    {
      AmImageReference *ref = refs->pdata[i];
      const char *type = am_image_reference_get_resource_type (ref);

      g_assert_cmpstr (am_image_reference_get_image_id (ref), ==, latest);
      if (g_strcmp0 (type, "ec2:Instance") == 0)
        saw_instance = g_strcmp0 (am_image_reference_get_arn (ref), instance_arn) == 0;
      else if (g_strcmp0 (type, "ec2:LaunchTemplate") == 0)
        saw_template = g_str_has_suffix (am_image_reference_get_arn (ref),
                                         am_launch_template_get_launch_template_id (template));
    }
  g_assert_true (saw_instance);
  g_assert_true (saw_template);

  am_ec2_client_describe_instance_image_metadata_async (fixture->alice, instance_ids, NULL, am_test_result_cb,
                                                        &r_meta);
  WAIT (r_meta);
  metadata = am_ec2_client_describe_instance_image_metadata_finish (fixture->alice, r_meta, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (metadata->len, ==, 1);
  g_assert_cmpstr (am_instance_image_metadata_get_instance_id (metadata->pdata[0]), ==, instance_ids[0]);
  g_assert_cmpstr (am_instance_image_metadata_get_image_id (metadata->pdata[0]), ==, latest);
  g_assert_cmpstr (am_instance_image_metadata_get_image_state (metadata->pdata[0]), ==, "available");
  g_assert_true (g_str_has_prefix (am_instance_image_metadata_get_image_name (metadata->pdata[0]), "al2023-ami-"));

  mine = owned_images (fixture->alice);
  g_assert_cmpuint (mine->len, >, 0);
  own_id = am_image_get_image_id (mine->pdata[0]);
  am_ec2_client_set_image_disabled_async (fixture->alice, own_id, TRUE, FALSE, NULL, am_test_result_cb, &r_disable);
  WAIT (r_disable);
  g_assert_true (am_ec2_client_set_image_disabled_finish (fixture->alice, r_disable, NULL, &error));
  g_assert_no_error (error);
  hidden = owned_images (fixture->alice);
  g_assert_cmpuint (hidden->len, ==, mine->len - 1);
  am_ec2_client_set_image_disabled_async (fixture->alice, own_id, FALSE, FALSE, NULL, am_test_result_cb, &r_enable);
  WAIT (r_enable);
  g_assert_true (am_ec2_client_set_image_disabled_finish (fixture->alice, r_enable, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr (AmImage) back = describe_one (fixture->alice, own_id);

    g_assert_cmpstr (am_image_get_state (back), ==, "available");
  }
}

/* CreateSnapshot, DeleteSnapshot (refused while an image uses the snapshot) and
 * RestoreImageFromRecycleBin through the typed client. */
static void
test_snapshots_and_restore (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *latest = latest_image (fixture->alice);
  g_autoptr (AmRunInstancesRequest) run = am_run_instances_request_new (latest, "t3.micro");
  g_autoptr (GAsyncResult) r_snap = NULL, r_in_use = NULL, r_del = NULL, r_dereg = NULL;
  g_autoptr (GAsyncResult) r_restore = NULL, r_again = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) instances = NULL, described = NULL, mine = NULL;
  g_autoptr (AmSnapshot) snapshot = NULL;
  const char *ids[] = { NULL, NULL };
  AmImage *image;
  const char *image_snapshot;
  gboolean ok;

  instances = run_instances (fixture->alice, run);
  ids[0] = am_instance_get_instance_id (instances->pdata[0]);
  wait_instance_state (fixture->alice, ids[0], "running");
  {
    g_autoptr (GAsyncResult) r = NULL;

    am_ec2_client_describe_instances_async (fixture->alice, ids, NULL, NULL, am_test_result_cb, &r);
    WAIT (r);
    described = am_ec2_client_describe_instances_finish (fixture->alice, r, &error);
    g_assert_no_error (error);
  }
  am_ec2_client_create_snapshot_async (fixture->alice,
                                       am_instance_block_device_get_volume_id (
                                         am_instance_get_block_devices (described->pdata[0])[0]),
                                       "before the upgrade", FALSE, NULL, am_test_result_cb, &r_snap);
  WAIT (r_snap);
  ok = am_ec2_client_create_snapshot_finish (fixture->alice, r_snap, &snapshot, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (g_str_has_prefix (am_snapshot_get_snapshot_id (snapshot), "snap-"));
  g_assert_cmpstr (am_snapshot_get_description (snapshot), ==, "before the upgrade");
  g_assert_cmpint (am_snapshot_get_volume_size (snapshot), >, 0);

  mine = owned_images (fixture->alice);
  image = NULL;
  for (guint i = 0; i < mine->len && image == NULL; i++)
    if (g_strcmp0 (am_image_get_name (mine->pdata[i]), "alice-web-server-2026-01-15") == 0)
      image = mine->pdata[i];
  g_assert_nonnull (image);
  image_snapshot = am_block_device_mapping_get_snapshot_id (am_image_get_block_device_mappings (image)[0]);
  am_ec2_client_delete_snapshot_async (fixture->alice, image_snapshot, FALSE, NULL, am_test_result_cb, &r_in_use);
  WAIT (r_in_use);
  g_assert_false (am_ec2_client_delete_snapshot_finish (fixture->alice, r_in_use, NULL, &error));
  g_assert_cmpstr (am_aws_error_get_code (error), ==, "InvalidSnapshot.InUse");
  g_clear_error (&error);
  am_ec2_client_delete_snapshot_async (fixture->alice, am_snapshot_get_snapshot_id (snapshot), FALSE, NULL,
                                       am_test_result_cb, &r_del);
  WAIT (r_del);
  g_assert_true (am_ec2_client_delete_snapshot_finish (fixture->alice, r_del, NULL, &error));
  g_assert_no_error (error);

  am_ec2_client_deregister_image_async (fixture->alice, am_image_get_image_id (image), FALSE, FALSE, NULL,
                                        am_test_result_cb, &r_dereg);
  WAIT (r_dereg);
  g_assert_true (am_ec2_client_deregister_image_finish (fixture->alice, r_dereg, NULL, &error));
  g_assert_no_error (error);
  am_ec2_client_restore_image_async (fixture->alice, am_image_get_image_id (image), FALSE, NULL,
                                     am_test_result_cb, &r_restore);
  WAIT (r_restore);
  g_assert_true (am_ec2_client_restore_image_finish (fixture->alice, r_restore, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr (AmImage) back = describe_one (fixture->alice, am_image_get_image_id (image));

    g_assert_cmpstr (am_block_device_mapping_get_snapshot_id (am_image_get_block_device_mappings (back)[0]), ==,
                     image_snapshot);
  }
  am_ec2_client_restore_image_async (fixture->alice, am_image_get_image_id (image), FALSE, NULL,
                                     am_test_result_cb, &r_again);
  WAIT (r_again);
  g_assert_false (am_ec2_client_restore_image_finish (fixture->alice, r_again, NULL, &error));
  g_assert_cmpstr (am_aws_error_get_code (error), ==, "InvalidAMIID.NotFound");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ec2/sandbox/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("catalog", test_catalog);
  ADD ("lookups", test_lookups);
  ADD ("image-lifecycle", test_image_lifecycle);
  ADD ("copy-and-templates", test_copy_and_templates);
  ADD ("require-imdsv2", test_require_imdsv2);
  ADD ("image-references", test_image_references);
  ADD ("snapshots-and-restore", test_snapshots_and_restore);

  return g_test_run ();
}
