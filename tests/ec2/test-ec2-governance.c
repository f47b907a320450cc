/* test-ec2-governance.c: the client's governance calls (Block Public Access, Allowed AMIs, ancestry, usage, cancel) against the real amiable-sandbox
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ec2-governance"

#include "config.h"

#include "am-aws-error.h"
#include "am-ec2-client.h"
#include "am-ec2-governance.h"
#include "am-test-sandbox.h"
#include "am-test-server.h"

#define ALICE_KEY     "AKIAIOSFODNN7SANDBOX"
#define ALICE_SECRET  "sandbox/alice/wJalrXUtnFEMIK7MDENGbPxRfiCY"
#define BOB_ACCOUNT   "444455556666"
#define BOB_KEY       "AKIAI44QH8DHBSANDBOX"
#define BOB_SECRET    "sandbox/bob/je7MtGbClwBF2Zp9Utk/h3yCo8nvbE"

#define WAIT(result) am_test_wait_result (&(result))

typedef struct
{
  AmTestSandbox *sandbox;
  AmEc2Client   *alice;
  AmEc2Client   *alice_west;
  AmEc2Client   *bob;
  char          *image_id;   /* one of alice's available images */
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
  g_autoptr (AmQueryClient) query = am_query_client_new (provider, "ec2", region,
                                                         am_test_sandbox_get_url (fixture->sandbox), &error);

  g_assert_no_error (error);
  return am_ec2_client_new (query);
}

static GPtrArray *
describe (AmEc2Client *client,
          const char  *owner,
          const char  *image_id)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *images;

  if (owner != NULL)
    am_describe_images_query_add_owner (query, owner);
  if (image_id != NULL)
    am_describe_images_query_add_image_id (query, image_id);
  am_ec2_client_describe_images_async (client, query, NULL, am_test_result_cb, &result);
  WAIT (result);
  images = am_ec2_client_describe_images_finish (client, result, NULL, &error);
  g_assert_no_error (error);
  return images;
}

static const char *
image_state (AmEc2Client *client,
             const char  *image_id)
{
  g_autoptr (GPtrArray) images = describe (client, NULL, image_id);

  g_assert_cmpuint (images->len, ==, 1);
  return g_intern_string (am_image_get_state (images->pdata[0]));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GPtrArray) mine = NULL;

  fixture->sandbox = am_test_sandbox_start ("amiable-ec2-governance-XXXXXX", "--transition-ms", "200", NULL);
  fixture->alice = client_for (fixture, ALICE_KEY, ALICE_SECRET, "us-east-1");
  fixture->alice_west = client_for (fixture, ALICE_KEY, ALICE_SECRET, "us-west-2");
  fixture->bob = client_for (fixture, BOB_KEY, BOB_SECRET, "us-east-1");
  mine = describe (fixture->alice, "self", NULL);
  for (guint i = 0; i < mine->len && fixture->image_id == NULL; i++)
    if (g_strcmp0 (am_image_get_state (mine->pdata[i]), "available") == 0)
      fixture->image_id = g_strdup (am_image_get_image_id (mine->pdata[i]));
  g_assert_nonnull (fixture->image_id);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->alice);
  g_clear_object (&fixture->alice_west);
  g_clear_object (&fixture->bob);
  g_free (fixture->image_id);
  am_test_sandbox_stop (fixture->sandbox);
}

static gboolean
get_blocked (AmEc2Client *client)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gboolean blocked = -1;

  am_ec2_client_get_image_block_public_access_async (client, NULL, am_test_result_cb, &result);
  WAIT (result);
  g_assert_true (am_ec2_client_get_image_block_public_access_finish (client, result, &blocked, &error));
  g_assert_no_error (error);
  return blocked;
}

static void
set_blocked (AmEc2Client *client,
             gboolean     block)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  am_ec2_client_set_image_block_public_access_async (client, block, NULL, am_test_result_cb, &result);
  WAIT (result);
  g_assert_true (am_ec2_client_set_image_block_public_access_finish (client, result, &error));
  g_assert_no_error (error);
}

static GError *
make_public (Fixture *fixture)
{
  g_autoptr (GAsyncResult) result = NULL;
  GError *error = NULL;

  am_ec2_client_modify_launch_permission_async (fixture->alice, fixture->image_id, AM_LAUNCH_PERMISSION_ADD,
                                                NULL, TRUE, NULL, NULL, FALSE, NULL, am_test_result_cb, &result);
  WAIT (result);
  am_ec2_client_modify_launch_permission_finish (fixture->alice, result, NULL, &error);
  return error;
}

static void
test_block_public_access (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr (GError) refused = NULL;
  g_autoptr (GError) allowed = NULL;

  g_assert_false (get_blocked (fixture->alice));
  set_blocked (fixture->alice, TRUE);
  g_assert_true (get_blocked (fixture->alice));
  g_assert_false (get_blocked (fixture->alice_west));

  refused = make_public (fixture);
  g_assert_error (refused, AM_AWS_ERROR, AM_AWS_ERROR_CLIENT);
  g_assert_cmpstr (am_aws_error_get_code (refused), ==, "OperationNotPermitted");
  g_test_message ("refused: %s", refused->message);

  set_blocked (fixture->alice, FALSE);
  g_assert_false (get_blocked (fixture->alice));
  allowed = make_public (fixture);
  g_assert_no_error (allowed);
}

static void
test_allowed_images (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *providers[] = { "amazon", BOB_ACCOUNT, NULL };
  const char *names[] = { "ubuntu/images/*noble*", NULL };
  g_autoptr (GPtrArray) criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) am_image_criterion_free);
  g_autoptr (GAsyncResult) r_replace = NULL, r_state = NULL, r_get = NULL;
  g_autoptr (AmAllowedImagesSettings) settings = NULL;
  g_autoptr (GError) error = NULL;
  AmImageCriterion *c;

  c = am_image_criterion_new ();
  c->providers = g_strdupv ((char **) providers);
  g_ptr_array_add (criteria, c);
  c = am_image_criterion_new ();
  c->names = g_strdupv ((char **) names);
  c->max_days_created = 3650;
  c->max_days_deprecated = 30;
  g_ptr_array_add (criteria, c);

  am_ec2_client_replace_image_criteria_async (fixture->alice, criteria, NULL, am_test_result_cb, &r_replace);
  WAIT (r_replace);
  g_assert_true (am_ec2_client_replace_image_criteria_finish (fixture->alice, r_replace, &error));
  g_assert_no_error (error);
  am_ec2_client_set_allowed_images_state_async (fixture->alice, "audit-mode", NULL, am_test_result_cb, &r_state);
  WAIT (r_state);
  g_assert_true (am_ec2_client_set_allowed_images_state_finish (fixture->alice, r_state, &error));
  g_assert_no_error (error);

  am_ec2_client_get_allowed_images_settings_async (fixture->alice, NULL, am_test_result_cb, &r_get);
  WAIT (r_get);
  settings = am_ec2_client_get_allowed_images_settings_finish (fixture->alice, r_get, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (settings->state, ==, "audit-mode");
  g_assert_cmpuint (settings->criteria->len, ==, 2);
  c = settings->criteria->pdata[0];
  g_assert_true (g_strv_equal ((const char * const *) c->providers, providers));
  g_assert_null (c->names);
  g_assert_cmpint (c->max_days_created, ==, -1);
  c = settings->criteria->pdata[1];
  g_assert_null (c->providers);
  g_assert_true (g_strv_equal ((const char * const *) c->names, names));
  g_assert_cmpint (c->max_days_created, ==, 3650);
  g_assert_cmpint (c->max_days_deprecated, ==, 30);
}

static char *
copy_image (AmEc2Client *destination,
            const char  *source_id,
            const char  *source_region,
            const char  *name)
{
  g_autoptr (AmCopyImageRequest) request = am_copy_image_request_new (source_id, source_region, name);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  char *image_id = NULL;

  am_ec2_client_copy_image_async (destination, request, FALSE, NULL, am_test_result_cb, &result);
  WAIT (result);
  g_assert_true (am_ec2_client_copy_image_finish (destination, result, &image_id, NULL, &error));
  g_assert_no_error (error);
  return image_id;
}

static void
test_ancestry (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *copy1 = copy_image (fixture->alice_west, fixture->image_id, "us-east-1", "copy-one");
  g_autofree char *copy2 = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) chain = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  AmImageAncestor *a;

  while (image_state (fixture->alice_west, copy1) != g_intern_static_string ("available"))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      am_test_wait_ms (50);
    }
  copy2 = copy_image (fixture->alice, copy1, "us-west-2", "copy-two");

  am_ec2_client_get_image_ancestry_async (fixture->alice, copy2, NULL, am_test_result_cb, &result);
  WAIT (result);
  chain = am_ec2_client_get_image_ancestry_finish (fixture->alice, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chain->len, >=, 3);
  a = chain->pdata[0];
  g_assert_cmpstr (a->image_id, ==, copy2);
  g_assert_cmpstr (a->source_image_id, ==, copy1);
  g_assert_cmpstr (a->source_image_region, ==, "us-west-2");
  g_assert_nonnull (a->creation_date);
  a = chain->pdata[1];
  g_assert_cmpstr (a->image_id, ==, copy1);
  g_assert_cmpstr (a->source_image_id, ==, fixture->image_id);
  g_assert_cmpstr (a->source_image_region, ==, "us-east-1");
  a = chain->pdata[2];
  g_assert_cmpstr (a->image_id, ==, fixture->image_id);
  g_assert_null (((AmImageAncestor *) chain->pdata[chain->len - 1])->source_image_id);
}

static void
share_with_bob (Fixture *fixture)
{
  const char *bob[] = { BOB_ACCOUNT, NULL };
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  am_ec2_client_modify_launch_permission_async (fixture->alice, fixture->image_id, AM_LAUNCH_PERMISSION_ADD, bob,
                                                FALSE, NULL, NULL, FALSE, NULL, am_test_result_cb, &result);
  WAIT (result);
  g_assert_true (am_ec2_client_modify_launch_permission_finish (fixture->alice, result, NULL, &error));
  g_assert_no_error (error);
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (AmRunInstancesRequest) run = am_run_instances_request_new (fixture->image_id, "t3.micro");
  g_autoptr (GAsyncResult) r_run = NULL, r_usage = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  gboolean found = FALSE;

  share_with_bob (fixture);
  am_ec2_client_run_instances_async (fixture->bob, run, FALSE, NULL, am_test_result_cb, &r_run);
  WAIT (r_run);
  g_assert_true (am_ec2_client_run_instances_finish (fixture->bob, r_run, NULL, NULL, &error));
  g_assert_no_error (error);

  am_ec2_client_image_usage_async (fixture->alice, fixture->image_id, 60, NULL, am_test_result_cb, &r_usage);
  WAIT (r_usage);
  entries = am_ec2_client_image_usage_finish (fixture->alice, r_usage, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      AmImageUsageEntry *e = entries->pdata[i];

      g_test_message ("%s %s %" G_GINT64_FORMAT, e->resource_type, e->account_id, e->usage_count);
      if (g_str_equal (e->account_id, BOB_ACCOUNT))
        {
          g_assert_cmpstr (e->resource_type, ==, "ec2:Instance");
          g_assert_cmpint (e->usage_count, ==, 1);
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_usage_not_owner (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;

  share_with_bob (fixture);
  am_ec2_client_image_usage_async (fixture->bob, fixture->image_id, 60, NULL, am_test_result_cb, &result);
  WAIT (result);
  entries = am_ec2_client_image_usage_finish (fixture->bob, result, &error);
  g_assert_null (entries);
  g_assert_cmpstr (am_aws_error_get_code (error), ==, "UnauthorizedOperation");
  g_assert_true (g_str_has_prefix (error->message, "Could not find out who uses"));
}

static void
test_cancel_launch_permission (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr (GAsyncResult) r_cancel = NULL, r_again = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) again = NULL;
  g_autoptr (GPtrArray) visible = NULL;

  share_with_bob (fixture);
  am_ec2_client_cancel_image_launch_permission_async (fixture->bob, fixture->image_id, NULL, am_test_result_cb,
                                                      &r_cancel);
  WAIT (r_cancel);
  g_assert_true (am_ec2_client_cancel_image_launch_permission_finish (fixture->bob, r_cancel, &error));
  g_assert_no_error (error);

  am_ec2_client_cancel_image_launch_permission_async (fixture->bob, fixture->image_id, NULL, am_test_result_cb,
                                                      &r_again);
  WAIT (r_again);
  g_assert_false (am_ec2_client_cancel_image_launch_permission_finish (fixture->bob, r_again, &again));
  g_assert_cmpstr (am_aws_error_get_code (again), ==, "InvalidAMIID.NotFound");
  g_assert_true (g_str_has_prefix (again->message, "Could not remove"));
}

/* The new actions take only their own parameters, like every other action of the sandbox. */
static void
test_unknown_parameter (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char *const actions[][2] = {
    { "GetImageAncestry", "ImageIds.1" },
    { "EnableImageBlockPublicAccess", "State" },
    { "ReplaceImageCriteriaInAllowedImagesSettings", "ImageCriterion.1.ImageOwner.1" },
    { "CreateImageUsageReport", "ResourceTypes.1.ResourceType" },
    { "DescribeImageUsageReportEntries", "ReportIds.1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autoptr (AmQueryParams) params = am_query_params_new (actions[i][0], "2016-11-15");
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) body = NULL;
      AmQueryClient *query = am_ec2_client_get_query_client (fixture->alice);

      am_query_params_add (params, "ImageId", fixture->image_id);
      am_query_params_add (params, actions[i][1], "x");
      am_query_client_call_async (query, params, NULL, am_test_result_cb, &result);
      WAIT (result);
      body = am_query_client_call_finish (query, result, &error);
      g_assert_null (body);
      g_test_message ("%s: %s", actions[i][0], error->message);
      g_assert_cmpstr (am_aws_error_get_code (error), ==, "UnknownParameter");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/ec2-governance/block-public-access", test_block_public_access);
  ADD ("/ec2-governance/allowed-images", test_allowed_images);
  ADD ("/ec2-governance/ancestry", test_ancestry);
  ADD ("/ec2-governance/usage", test_usage);
  ADD ("/ec2-governance/usage-not-owner", test_usage_not_owner);
  ADD ("/ec2-governance/cancel-launch-permission", test_cancel_launch_permission);
  ADD ("/ec2-governance/unknown-parameter", test_unknown_parameter);
#undef ADD

  return g_test_run ();
}
