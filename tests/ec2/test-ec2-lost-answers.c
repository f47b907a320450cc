/* test-ec2-lost-answers.c: creations without a ClientToken whose answer is lost, against the real sandbox
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ec2-lost-answers"

#include "config.h"

#include "am-aws-error.h"
#include "am-ec2-client.h"
#include "am-ec2-error.h"
#include "am-ec2-operations.h"
#include "am-test-sandbox.h"
#include "am-test-server.h"

#define ALICE_KEY    "AKIAIOSFODNN7SANDBOX"
#define ALICE_SECRET "sandbox/alice/wJalrXUtnFEMIK7MDENGbPxRfiCY"

/* The sandbox carries out each of these, saves it, and closes the connection instead of
 * answering: the client cannot know whether the change was made. */
#define LOST_ANSWERS "drop-once=CreateImage,drop-once=RegisterImage,drop-once=CreateSecurityGroup," \
                     "drop-once=CreateKeyPair"

typedef struct
{
  AmTestSandbox *sandbox;
  AmEc2Client   *client;
} Fixture;

#define WAIT(result) am_test_wait_result (&(result))

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (AmCredentials) credentials = am_credentials_new (ALICE_KEY, ALICE_SECRET, NULL, NULL);
  g_autoptr (AmCredentialsProvider) provider = am_credentials_provider_new_static (credentials);
  g_autoptr (AmQueryClient) query = NULL;
  g_autoptr (GError) error = NULL;

  fixture->sandbox = am_test_sandbox_start ("amiable-lost-answers-XXXXXX", "--transition-ms", "50",
                                            "--faults", LOST_ANSWERS, NULL);
  query = am_query_client_new (provider, "ec2", "us-east-1", am_test_sandbox_get_url (fixture->sandbox),
                               &error);
  g_assert_no_error (error);
  /* The standard 3 attempts: without the idempotency rule each lost answer is followed by a
   * second attempt, which fails as a duplicate. */
  g_assert_cmpuint (am_query_client_get_max_attempts (query), ==, 3);
  am_query_client_set_backoff_base_ms (query, 10);
  fixture->client = am_ec2_client_new (query);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->sandbox, am_test_sandbox_stop);
}

static GPtrArray *
filters_of (const char *name,
            const char *value)
{
  GPtrArray *filters = g_ptr_array_new_with_free_func ((GDestroyNotify) am_ec2_filter_free);

  g_ptr_array_add (filters, am_ec2_filter_new (name, value, NULL));
  return filters;
}

static GPtrArray *
my_images_named (Fixture    *fixture,
                 const char *name)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *images;

  am_describe_images_query_add_owner (query, "self");
  am_describe_images_query_add_filter (query, am_ec2_filter_new ("name", name, NULL));
  am_ec2_client_describe_images_async (fixture->client, query, NULL, am_test_result_cb, &result);
  WAIT (result);
  images = am_ec2_client_describe_images_finish (fixture->client, result, NULL, &error);
  g_assert_no_error (error);
  return images;
}

static char *
running_instance (Fixture *fixture)
{
  g_autoptr (AmRunInstancesRequest) run = NULL;
  g_autoptr (GAsyncResult) r_latest = NULL, r_run = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) instances = NULL;
  g_autofree char *latest = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  const char *ids[2] = { NULL, NULL };

  am_ec2_client_get_latest_image_id_async (fixture->client,
                                           "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
                                           NULL, am_test_result_cb, &r_latest);
  WAIT (r_latest);
  latest = am_ec2_client_get_latest_image_id_finish (fixture->client, r_latest, &error);
  g_assert_no_error (error);

  run = am_run_instances_request_new (latest, "t3.micro");
  am_ec2_client_run_instances_async (fixture->client, run, FALSE, NULL, am_test_result_cb, &r_run);
  WAIT (r_run);
  g_assert_true (am_ec2_client_run_instances_finish (fixture->client, r_run, &instances, NULL, &error));
  g_assert_no_error (error);
  ids[0] = am_instance_get_instance_id (instances->pdata[0]);

  for (;;)
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GPtrArray) described = NULL;

      am_ec2_client_describe_instances_async (fixture->client, ids, NULL, NULL, am_test_result_cb, &result);
      WAIT (result);
      described = am_ec2_client_describe_instances_finish (fixture->client, result, &error);
      g_assert_no_error (error);
      if (g_strcmp0 (am_instance_get_state_name (described->pdata[0]), "running") == 0)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      am_test_wait_ms (50);
    }
  return g_strdup (ids[0]);
}

/* CreateImage and RegisterImage: the lost answer's image is found by name and used; exactly
 * one image of that name exists. */
static void
test_images (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *instance_id = running_instance (fixture);
  g_autoptr (GAsyncResult) r_create = NULL, r_register = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) created = NULL, registered = NULL;
  g_autoptr (GPtrArray) block_devices = g_ptr_array_new_with_free_func ((GDestroyNotify) am_block_device_spec_free);
  g_autofree char *image_id = NULL;
  g_autofree char *registered_id = NULL;
  AmBlockDeviceMapping * const *mappings;
  AmBlockDeviceSpec *root;
  AmImage *image;
  gboolean ok;

  am_ec2_client_create_image_async (fixture->client, instance_id, "golden-lost-answer", NULL, FALSE,
                                    NULL, NULL, FALSE, NULL, am_test_result_cb, &r_create);
  WAIT (r_create);
  ok = am_ec2_client_create_image_finish (fixture->client, r_create, &image_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (g_str_has_prefix (image_id, "ami-"));

  created = my_images_named (fixture, "golden-lost-answer");
  g_assert_cmpuint (created->len, ==, 1);
  image = created->pdata[0];
  g_assert_cmpstr (am_image_get_image_id (image), ==, image_id);

  /* RegisterImage from the new image's root snapshot */
  mappings = am_image_get_block_device_mappings (image);
  g_assert_nonnull (mappings[0]);
  g_assert_nonnull (am_block_device_mapping_get_snapshot_id (mappings[0]));
  root = am_block_device_spec_new (am_image_get_root_device_name (image));
  root->snapshot_id = g_strdup (am_block_device_mapping_get_snapshot_id (mappings[0]));
  g_ptr_array_add (block_devices, root);
  am_ec2_client_register_image_async (fixture->client, "registered-lost-answer", NULL, NULL, "x86_64",
                                      am_image_get_root_device_name (image), block_devices, "hvm", NULL,
                                      TRUE, NULL, NULL, FALSE, NULL, am_test_result_cb, &r_register);
  WAIT (r_register);
  ok = am_ec2_client_register_image_finish (fixture->client, r_register, &registered_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  registered = my_images_named (fixture, "registered-lost-answer");
  g_assert_cmpuint (registered->len, ==, 1);
  g_assert_cmpstr (am_image_get_image_id (registered->pdata[0]), ==, registered_id);
}

static void
test_security_group (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GAsyncResult) result = NULL, r_list = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) filters = filters_of ("group-name", "launch-wizard-lost");
  g_autoptr (GPtrArray) groups = NULL;
  g_autofree char *group_id = NULL;
  gboolean ok;

  am_ec2_client_create_security_group_async (fixture->client, "launch-wizard-lost", "made by a test", NULL,
                                             FALSE, NULL, am_test_result_cb, &result);
  WAIT (result);
  ok = am_ec2_client_create_security_group_finish (fixture->client, result, &group_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (g_str_has_prefix (group_id, "sg-"));

  am_ec2_client_describe_security_groups_async (fixture->client, NULL, filters, NULL, am_test_result_cb, &r_list);
  WAIT (r_list);
  groups = am_ec2_client_describe_security_groups_finish (fixture->client, r_list, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpstr (am_security_group_get_group_id (groups->pdata[0]), ==, group_id);
}

static guint
count_key_pairs (Fixture    *fixture,
                 const char *name)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) filters = filters_of ("key-name", name);
  g_autoptr (GPtrArray) keys = NULL;

  am_ec2_client_describe_key_pairs_async (fixture->client, NULL, filters, FALSE, NULL, am_test_result_cb, &result);
  WAIT (result);
  keys = am_ec2_client_describe_key_pairs_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  return keys->len;
}

/* The private key came only in the lost answer: the client says so, and deleting and
 * creating the key pair again gives a new one. */
static void
test_key_pair (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GAsyncResult) r_create = NULL, r_delete = NULL, r_again = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AmKeyPair) key = NULL;
  gboolean ok;

  am_ec2_client_create_key_pair_async (fixture->client, "lost-key", "ed25519", NULL, FALSE, NULL,
                                       am_test_result_cb, &r_create);
  WAIT (r_create);
  ok = am_ec2_client_create_key_pair_finish (fixture->client, r_create, &key, NULL, &error);
  g_assert_error (error, AM_EC2_ERROR, AM_EC2_ERROR_KEY_MATERIAL_LOST);
  g_assert_false (ok);
  g_assert_null (key);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“lost-key” was created"));
  g_assert_nonnull (strstr (error->message, "Delete the key pair and create it again"));
  g_clear_error (&error);
  g_assert_cmpuint (count_key_pairs (fixture, "lost-key"), ==, 1);

  am_ec2_client_delete_key_pair_async (fixture->client, "lost-key", NULL, am_test_result_cb, &r_delete);
  WAIT (r_delete);
  g_assert_true (am_ec2_client_delete_key_pair_finish (fixture->client, r_delete, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_key_pairs (fixture, "lost-key"), ==, 0);

  am_ec2_client_create_key_pair_async (fixture->client, "lost-key", "ed25519", NULL, FALSE, NULL,
                                       am_test_result_cb, &r_again);
  WAIT (r_again);
  ok = am_ec2_client_create_key_pair_finish (fixture->client, r_again, &key, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_nonnull (am_key_pair_get_key_material (key));
  g_assert_cmpuint (count_key_pairs (fixture, "lost-key"), ==, 1);
}

/* Against a scripted server: what each answer makes the client do, request by request. */

typedef struct
{
  AmTestServer  *server;
  AmEc2Client   *client;
} Scripted;

static void
scripted_setup (Scripted      *fixture,
                gconstpointer  data)
{
  g_autoptr (AmCredentials) credentials = am_credentials_new ("AKIDEXAMPLE", "secret", NULL, NULL);
  g_autoptr (AmCredentialsProvider) provider = am_credentials_provider_new_static (credentials);
  g_autoptr (AmQueryClient) query = NULL;
  g_autoptr (GError) error = NULL;

  fixture->server = am_test_server_new ();
  query = am_query_client_new (provider, "ec2", "eu-west-1", am_test_server_get_url (fixture->server), &error);
  g_assert_no_error (error);
  am_query_client_set_backoff_base_ms (query, 1);
  fixture->client = am_ec2_client_new (query);
}

static void
scripted_teardown (Scripted      *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->server);
}

static const char *
action_of (Scripted *fixture,
           guint     index)
{
  return am_test_request_get_param (am_test_server_get_request (fixture->server, index), "Action");
}

static gboolean
create_image (Scripted    *fixture,
              char       **image_id,
              GError     **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  am_ec2_client_create_image_async (fixture->client, "i-1", "nightly", NULL, FALSE, NULL, NULL, FALSE,
                                    NULL, am_test_result_cb, &result);
  WAIT (result);
  return am_ec2_client_create_image_finish (fixture->client, result, image_id, NULL, error);
}

#define NO_IMAGES "<DescribeImagesResponse><imagesSet/></DescribeImagesResponse>"
#define ONE_IMAGE "<DescribeImagesResponse><imagesSet><item><imageId>ami-made</imageId>" \
                  "<name>nightly</name><imageState>pending</imageState></item></imagesSet></DescribeImagesResponse>"

/* A 500 after CreateImage was sent is not retried; the lookup finds nothing, so the failure
 * stands (saying the request may have been applied). The next attempt's Duplicate is then
 * the first one's image, found by name. A Duplicate with no lost answer before it stays a
 * Duplicate: the name is someone else's. */
static void
test_duplicate_after_lost_answer (Scripted      *fixture,
                                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *image_id = NULL;

  am_test_server_queue_ec2_error (fixture->server, 400, "InvalidAMIName.Duplicate",
                                  "AMI name nightly is already in use by AMI ami-other", "req-0");
  g_assert_false (create_image (fixture, &image_id, &error));
  g_assert_true (am_aws_error_code_is (error, "InvalidAMIName.Duplicate"));
  g_assert_false (am_aws_error_get_maybe_applied (error));
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 1);
  g_clear_error (&error);
  am_test_server_clear_requests (fixture->server);

  am_test_server_queue_ec2_error (fixture->server, 500, "InternalError", "try again", "req-1");
  am_test_server_queue_xml (fixture->server, 200, NO_IMAGES);
  g_assert_false (create_image (fixture, &image_id, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_SERVER);
  g_assert_true (am_aws_error_get_maybe_applied (error));
  g_assert_nonnull (strstr (error->message, "may have been applied"));
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 2);
  g_assert_cmpstr (action_of (fixture, 0), ==, "CreateImage");
  g_assert_cmpstr (action_of (fixture, 1), ==, "DescribeImages");
  g_assert_cmpstr (am_test_request_get_param (am_test_server_get_request (fixture->server, 1), "Owner.1"), ==, "self");
  g_assert_cmpstr (am_test_request_get_param (am_test_server_get_request (fixture->server, 1), "Filter.1.Name"), ==, "name");
  g_assert_cmpstr (am_test_request_get_param (am_test_server_get_request (fixture->server, 1), "Filter.1.Value.1"), ==, "nightly");
  g_clear_error (&error);
  am_test_server_clear_requests (fixture->server);

  am_test_server_queue_ec2_error (fixture->server, 400, "InvalidAMIName.Duplicate",
                                  "AMI name nightly is already in use by AMI ami-made", "req-2");
  am_test_server_queue_xml (fixture->server, 200, ONE_IMAGE);
  g_assert_true (create_image (fixture, &image_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (image_id, ==, "ami-made");
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 2);
  g_clear_pointer (&image_id, g_free);
  am_test_server_clear_requests (fixture->server);

  /* that name is settled: a later Duplicate is an ordinary one again */
  am_test_server_queue_ec2_error (fixture->server, 400, "InvalidAMIName.Duplicate",
                                  "AMI name nightly is already in use by AMI ami-made", "req-3");
  g_assert_false (create_image (fixture, &image_id, &error));
  g_assert_true (am_aws_error_code_is (error, "InvalidAMIName.Duplicate"));
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 1);
}

/* Throttling proves the request was not applied: it is retried even for CreateImage. An
 * idempotent call is retried after a 500 as before. */
static void
test_retry_rules (Scripted      *fixture,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *image_id = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) zones = NULL;

  am_test_server_queue_ec2_error (fixture->server, 503, "RequestLimitExceeded", "slow down", "req-1");
  am_test_server_queue_xml (fixture->server, 200, "<CreateImageResponse><imageId>ami-new</imageId></CreateImageResponse>");
  g_assert_true (create_image (fixture, &image_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (image_id, ==, "ami-new");
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 2);
  am_test_server_clear_requests (fixture->server);

  am_test_server_queue_ec2_error (fixture->server, 500, "InternalError", "try again", "req-2");
  am_test_server_queue_xml (fixture->server, 200,
                            "<DescribeAvailabilityZonesResponse><availabilityZoneInfo/></DescribeAvailabilityZonesResponse>");
  am_ec2_client_describe_availability_zones_async (fixture->client, NULL, FALSE, NULL, NULL, am_test_result_cb, &result);
  WAIT (result);
  zones = am_ec2_client_describe_availability_zones_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 2);
}

/* The table: the four creations without a ClientToken are sent once; RunInstances, CopyImage
 * and CreateLaunchTemplate only with their token; an operation nobody classified, once. */
static void
test_table (void)
{
  const char *once[] = { "CreateImage", "RegisterImage", "CreateKeyPair", "CreateSecurityGroup", NULL };
  const char *token[] = { "RunInstances", "CopyImage", "CreateLaunchTemplate", NULL };

  for (guint i = 0; once[i] != NULL; i++)
    {
      g_autoptr (AmQueryParams) params = am_query_params_new (once[i], "2016-11-15");

      g_assert_cmpint (am_ec2_operation_get_kind (once[i]), ==, AM_EC2_OPERATION_NOT_IDEMPOTENT);
      g_assert_false (am_ec2_operation_is_idempotent (params));
    }
  for (guint i = 0; token[i] != NULL; i++)
    {
      g_autoptr (AmQueryParams) params = am_query_params_new (token[i], "2016-11-15");

      g_assert_false (am_ec2_operation_is_idempotent (params));
      am_query_params_add (params, "ClientToken", "token-1");
      g_assert_true (am_ec2_operation_is_idempotent (params));
    }
  {
    g_autoptr (AmQueryParams) describe = am_query_params_new ("DescribeImages", "2016-11-15");
    g_autoptr (AmQueryParams) unknown = am_query_params_new ("CreateVpc", "2016-11-15");

    g_autoptr (AmQueryParams) dry_run = am_query_params_new ("CreateImage", "2016-11-15");

    am_query_params_add_boolean (dry_run, "DryRun", TRUE);
    g_assert_true (am_ec2_operation_is_idempotent (dry_run));
    g_assert_true (am_ec2_operation_is_idempotent (describe));
    g_assert_cmpint (am_ec2_operation_get_kind ("CreateVpc"), ==, AM_EC2_OPERATION_UNKNOWN);
    g_assert_false (am_ec2_operation_is_idempotent (unknown));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ec2/lost-answers/table", test_table);
  g_test_add ("/ec2/lost-answers/images", Fixture, NULL, fixture_setup, test_images, fixture_teardown);
  g_test_add ("/ec2/lost-answers/security-group", Fixture, NULL, fixture_setup, test_security_group,
              fixture_teardown);
  g_test_add ("/ec2/lost-answers/key-pair", Fixture, NULL, fixture_setup, test_key_pair, fixture_teardown);
  g_test_add ("/ec2/lost-answers/duplicate-after-lost-answer", Scripted, NULL, scripted_setup,
              test_duplicate_after_lost_answer, scripted_teardown);
  g_test_add ("/ec2/lost-answers/retry-rules", Scripted, NULL, scripted_setup, test_retry_rules,
              scripted_teardown);
  return g_test_run ();
}
