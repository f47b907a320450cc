/* test-ec2-client.c: every AmEc2Client operation through real HTTP against the loopback test server
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ec2-client"

#include "config.h"

#include "am-aws-error.h"
#include "am-ec2-client.h"
#include "am-test-server.h"

#define KEY_ID "AKIDEC2CLIENTTEST"
#define SECRET "ec2/client/test+SECRET"

typedef struct
{
  AmTestServer          *server;
  AmCredentialsProvider *provider;
  AmEc2Client           *client;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (AmCredentials) credentials = am_credentials_new (KEY_ID, SECRET, NULL, NULL);
  g_autoptr (AmQueryClient) query = NULL;
  g_autoptr (GError) error = NULL;

  fixture->server = am_test_server_new ();
  am_test_server_set_verify_sigv4 (fixture->server, KEY_ID, SECRET);
  fixture->provider = am_credentials_provider_new_static (credentials);
  query = am_query_client_new (fixture->provider, "ec2", "eu-west-1",
                               am_test_server_get_url (fixture->server), &error);
  g_assert_no_error (error);
  am_query_client_set_max_attempts (query, 1);
  fixture->client = am_ec2_client_new (query);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->provider);
  g_clear_object (&fixture->server);
}

static char *
load_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "ec2", "data", name, NULL);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
queue_file (Fixture    *fixture,
            const char *name)
{
  g_autofree char *xml = load_data (name);

  am_test_server_queue_xml (fixture->server, 200, xml);
}

static void
queue_return (Fixture    *fixture,
              const char *action)
{
  g_autofree char *xml = g_strdup_printf ("<%sResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                                          "<requestId>req-1</requestId><return>true</return></%sResponse>",
                                          action, action);

  am_test_server_queue_xml (fixture->server, 200, xml);
}

static void
queue_dry_run (Fixture *fixture)
{
  am_test_server_queue_ec2_error (fixture->server, 412, "DryRunOperation",
                                  "Request would have succeeded, but DryRun flag is set.",
                                  "req-dry");
}

static const AmTestRequest *
last_request (Fixture *fixture)
{
  guint n = am_test_server_get_n_requests (fixture->server);
  const AmTestRequest *request;

  g_assert_cmpuint (n, >, 0);
  request = am_test_server_get_request (fixture->server, n - 1);
  g_assert_true (request->signature_checked);
  g_assert_true (request->signature_valid);
  g_assert_cmpstr (request->method, ==, "POST");
  g_assert_cmpstr (am_test_request_get_param (request, "Version"), ==, "2016-11-15");
  return request;
}

#define assert_param(request, name, value) \
  g_assert_cmpstr (am_test_request_get_param ((request), (name)), ==, (value))

#define WAIT(result) am_test_wait_result (&(result))

/* --- images ---------------------------------------------------------------------------- */

static void
test_describe_images (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) images = NULL;
  g_autofree char *next_token = NULL;
  const AmTestRequest *request;

  am_describe_images_query_add_owner (query, "self");
  am_describe_images_query_add_owner (query, "amazon");
  am_describe_images_query_add_executable_by (query, "all");
  am_describe_images_query_add_image_id (query, "ami-1");
  am_describe_images_query_add_image_id (query, "ami-2");
  am_describe_images_query_add_filter (query, am_ec2_filter_new ("architecture", "x86_64", "arm64", NULL));
  am_describe_images_query_add_filter (query, am_ec2_filter_new ("tag:team", "web", NULL));
  query->include_deprecated = TRUE;
  query->include_disabled = TRUE;
  query->max_results = 1000;
  am_describe_images_query_set_next_token (query, "page-token-1");

  queue_file (fixture, "describe-images.xml");
  am_ec2_client_describe_images_async (fixture->client, query, NULL, am_test_result_cb, &result);
  WAIT (result);
  images = am_ec2_client_describe_images_finish (fixture->client, result, &next_token, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, 2);
  g_assert_cmpstr (am_image_get_image_id (images->pdata[0]), ==, "ami-0abcdef1234567890");
  g_assert_cmpstr (am_image_get_state_reason_code (images->pdata[1]), ==, "Client.InvalidSnapshot.NotFound");
  g_assert_cmpstr (next_token, ==, "token-page-2");

  request = last_request (fixture);
  assert_param (request, "Action", "DescribeImages");
  assert_param (request, "Owner.1", "self");
  assert_param (request, "Owner.2", "amazon");
  assert_param (request, "ExecutableBy.1", "all");
  assert_param (request, "ImageId.1", "ami-1");
  assert_param (request, "ImageId.2", "ami-2");
  assert_param (request, "Filter.1.Name", "architecture");
  assert_param (request, "Filter.1.Value.1", "x86_64");
  assert_param (request, "Filter.1.Value.2", "arm64");
  assert_param (request, "Filter.2.Name", "tag:team");
  assert_param (request, "Filter.2.Value.1", "web");
  assert_param (request, "IncludeDeprecated", "true");
  assert_param (request, "IncludeDisabled", "true");
  assert_param (request, "MaxResults", "1000");
  assert_param (request, "NextToken", "page-token-1");
  assert_param (request, "DryRun", NULL);
}

static void
test_describe_images_errors (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  const char *truncated = "<DescribeImagesResponse><imagesSet><item><imageId>ami-1</imageId>";
  const char *malformed = "<DescribeImagesResponse><imagesSet><item><isPublic>perhaps</isPublic></item></imagesSet></DescribeImagesResponse>";
  const char *bodies[] = { truncated, malformed };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) images = NULL;

      am_test_server_queue_xml (fixture->server, 200, bodies[i]);
      am_ec2_client_describe_images_async (fixture->client, query, NULL, am_test_result_cb, &result);
      WAIT (result);
      images = am_ec2_client_describe_images_finish (fixture->client, result, NULL, &error);
      g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE);
      g_assert_true (g_str_has_prefix (error->message, "Could not list images: "));
      g_assert_null (images);
    }

  /* an EC2 error keeps its code and request id under our message */
  {
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) images = NULL;

    am_test_server_queue_ec2_error (fixture->server, 403, "UnauthorizedOperation",
                                    "You are not authorized to perform this operation.", "req-403");
    am_ec2_client_describe_images_async (fixture->client, query, NULL, am_test_result_cb, &result);
    WAIT (result);
    images = am_ec2_client_describe_images_finish (fixture->client, result, NULL, &error);
    g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_AUTH);
    g_assert_cmpstr (am_aws_error_get_code (error), ==, "UnauthorizedOperation");
    g_assert_cmpstr (am_aws_error_get_request_id (error), ==, "req-403");
    g_assert_true (g_str_has_prefix (error->message, "Could not list images: "));
    g_assert_nonnull (strstr (error->message, "not authorized"));
  }

  /* a truncated body (the connection breaks) */
  {
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) images = NULL;
    g_autofree char *xml = load_data ("describe-images.xml");
    AmTestResponse *response = am_test_response_new (200, "text/xml", xml);

    am_test_response_set_truncate_at (response, strlen (xml) / 2);
    am_test_server_queue (fixture->server, response);
    am_ec2_client_describe_images_async (fixture->client, query, NULL, am_test_result_cb, &result);
    WAIT (result);
    images = am_ec2_client_describe_images_finish (fixture->client, result, NULL, &error);
    g_assert_nonnull (error);
    g_test_message ("truncated: %s", error->message);
    g_assert_true (error->domain == AM_AWS_ERROR);
    g_assert_true (g_str_has_prefix (error->message, "Could not list images: "));
    g_assert_null (images);
  }
}

static void
test_create_image (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GPtrArray) bdms = g_ptr_array_new_with_free_func ((GDestroyNotify) am_block_device_spec_free);
  g_autoptr (GPtrArray) tags = g_ptr_array_new_with_free_func ((GDestroyNotify) am_tag_specification_free);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *image_id = NULL;
  AmBlockDeviceSpec *root = am_block_device_spec_new ("/dev/xvda");
  AmBlockDeviceSpec *eph = am_block_device_spec_new ("/dev/sdb");
  AmBlockDeviceSpec *none = am_block_device_spec_new ("/dev/sdc");
  AmTagSpecification *image_tags = am_tag_specification_new ("image");
  AmTagSpecification *snapshot_tags = am_tag_specification_new ("snapshot");
  gboolean dry_run_ok = TRUE;
  const AmTestRequest *request;

  root->volume_size = 20;
  root->volume_type = g_strdup ("gp3");
  root->iops = 4000;
  root->throughput = 250;
  root->delete_on_termination = AM_EC2_YES;
  root->encrypted = AM_EC2_NO;
  root->snapshot_id = g_strdup ("snap-1");
  eph->virtual_name = g_strdup ("ephemeral0");
  none->no_device = TRUE;
  g_ptr_array_add (bdms, root);
  g_ptr_array_add (bdms, eph);
  g_ptr_array_add (bdms, none);
  am_tag_specification_add (image_tags, "Name", "web");
  am_tag_specification_add (image_tags, "team", "");
  am_tag_specification_add (snapshot_tags, "Name", "web-root");
  g_ptr_array_add (tags, image_tags);
  g_ptr_array_add (tags, snapshot_tags);

  am_test_server_queue_xml (fixture->server, 200,
                            "<CreateImageResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                            "<requestId>r</requestId><imageId>ami-4fa54026</imageId></CreateImageResponse>");
  am_ec2_client_create_image_async (fixture->client, "i-123", "web (v2)", "My web server", TRUE,
                                    bdms, tags, FALSE, NULL, am_test_result_cb, &result);
  WAIT (result);
  g_assert_true (am_ec2_client_create_image_finish (fixture->client, result, &image_id, &dry_run_ok, &error));
  g_assert_no_error (error);
  g_assert_false (dry_run_ok);
  g_assert_cmpstr (image_id, ==, "ami-4fa54026");

  request = last_request (fixture);
  assert_param (request, "Action", "CreateImage");
  assert_param (request, "InstanceId", "i-123");
  assert_param (request, "Name", "web (v2)");
  assert_param (request, "Description", "My web server");
  assert_param (request, "NoReboot", "true");
  assert_param (request, "BlockDeviceMapping.1.DeviceName", "/dev/xvda");
  assert_param (request, "BlockDeviceMapping.1.Ebs.SnapshotId", "snap-1");
  assert_param (request, "BlockDeviceMapping.1.Ebs.VolumeSize", "20");
  assert_param (request, "BlockDeviceMapping.1.Ebs.VolumeType", "gp3");
  assert_param (request, "BlockDeviceMapping.1.Ebs.Iops", "4000");
  assert_param (request, "BlockDeviceMapping.1.Ebs.Throughput", "250");
  assert_param (request, "BlockDeviceMapping.1.Ebs.DeleteOnTermination", "true");
  assert_param (request, "BlockDeviceMapping.1.Ebs.Encrypted", "false");
  assert_param (request, "BlockDeviceMapping.2.DeviceName", "/dev/sdb");
  assert_param (request, "BlockDeviceMapping.2.VirtualName", "ephemeral0");
  assert_param (request, "BlockDeviceMapping.2.Ebs.VolumeSize", NULL);
  assert_param (request, "BlockDeviceMapping.3.DeviceName", "/dev/sdc");
  assert_param (request, "BlockDeviceMapping.3.NoDevice", "");
  assert_param (request, "TagSpecification.1.ResourceType", "image");
  assert_param (request, "TagSpecification.1.Tag.1.Key", "Name");
  assert_param (request, "TagSpecification.1.Tag.1.Value", "web");
  assert_param (request, "TagSpecification.1.Tag.2.Key", "team");
  assert_param (request, "TagSpecification.1.Tag.2.Value", "");
  assert_param (request, "TagSpecification.2.ResourceType", "snapshot");
  assert_param (request, "TagSpecification.2.Tag.1.Value", "web-root");
  assert_param (request, "DryRun", NULL);
}

static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) result2 = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *image_id = NULL;
  gboolean dry_run_ok = FALSE;

  queue_dry_run (fixture);
  am_ec2_client_create_image_async (fixture->client, "i-123", "web", NULL, FALSE, NULL, NULL, TRUE,
                                    NULL, am_test_result_cb, &result);
  WAIT (result);
  g_assert_true (am_ec2_client_create_image_finish (fixture->client, result, &image_id, &dry_run_ok, &error));
  g_assert_no_error (error);
  g_assert_true (dry_run_ok);
  g_assert_null (image_id);
  assert_param (last_request (fixture), "DryRun", "true");

  /* without DryRun, DryRunOperation is an error like any other */
  queue_dry_run (fixture);
  am_ec2_client_deregister_image_async (fixture->client, "ami-1", FALSE, FALSE, NULL,
                                        am_test_result_cb, &result2);
  WAIT (result2);
  g_assert_false (am_ec2_client_deregister_image_finish (fixture->client, result2, &dry_run_ok, &error));
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_DRY_RUN);
  g_assert_false (dry_run_ok);
}

static void
test_deregister_image (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) result2 = NULL;
  g_autoptr (GError) error = NULL;
  gboolean dry_run_ok = TRUE;
  const AmTestRequest *request;

  queue_return (fixture, "DeregisterImage");
  am_ec2_client_deregister_image_async (fixture->client, "ami-123", TRUE, FALSE, NULL,
                                        am_test_result_cb, &result);
  WAIT (result);
  g_assert_true (am_ec2_client_deregister_image_finish (fixture->client, result, &dry_run_ok, &error));
  g_assert_no_error (error);
  g_assert_false (dry_run_ok);
  request = last_request (fixture);
  assert_param (request, "Action", "DeregisterImage");
  assert_param (request, "ImageId", "ami-123");
  assert_param (request, "DeleteAssociatedSnapshots", "true");

  am_test_server_queue_ec2_error (fixture->server, 400, "InvalidAMIID.NotFound",
                                  "The image id '[ami-123]' does not exist", "req-404");
  am_ec2_client_deregister_image_async (fixture->client, "ami-123", FALSE, FALSE, NULL,
                                        am_test_result_cb, &result2);
  WAIT (result2);
  g_assert_false (am_ec2_client_deregister_image_finish (fixture->client, result2, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == AM_AWS_ERROR);
  g_assert_cmpstr (am_aws_error_get_code (error), ==, "InvalidAMIID.NotFound");
  g_assert_cmpstr (am_aws_error_get_request_id (error), ==, "req-404");
  g_assert_cmpuint (am_aws_error_get_http_status (error), ==, 400);
  g_assert_true (g_str_has_prefix (error->message, "Could not deregister ami-123: "));
  assert_param (last_request (fixture), "DeleteAssociatedSnapshots", NULL);
}

static void
test_register_image (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GPtrArray) bdms = g_ptr_array_new_with_free_func ((GDestroyNotify) am_block_device_spec_free);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *image_id = NULL;
  AmBlockDeviceSpec *root = am_block_device_spec_new ("/dev/xvda");
  const AmTestRequest *request;

  root->snapshot_id = g_strdup ("snap-9");
  g_ptr_array_add (bdms, root);
  am_test_server_queue_xml (fixture->server, 200,
                            "<RegisterImageResponse><imageId>ami-new</imageId></RegisterImageResponse>");
  am_ec2_client_register_image_async (fixture->client, "my-image", "desc", NULL, "arm64", "/dev/xvda", bdms,
                                      "hvm", "uefi", TRUE, "v2.0", NULL, FALSE, NULL,
                                      am_test_result_cb, &result);
  WAIT (result);
  g_assert_true (am_ec2_client_register_image_finish (fixture->client, result, &image_id, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (image_id, ==, "ami-new");
  request = last_request (fixture);
  assert_param (request, "Action", "RegisterImage");
  assert_param (request, "Name", "my-image");
  assert_param (request, "Description", "desc");
  assert_param (request, "Architecture", "arm64");
  assert_param (request, "RootDeviceName", "/dev/xvda");
  assert_param (request, "BlockDeviceMapping.1.Ebs.SnapshotId", "snap-9");
  assert_param (request, "VirtualizationType", "hvm");
  assert_param (request, "BootMode", "uefi");
  assert_param (request, "EnaSupport", "true");
  assert_param (request, "ImdsSupport", "v2.0");
  assert_param (request, "ImageLocation", NULL);
}

static void
test_register_image_manifest (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *image_id = NULL;
  const AmTestRequest *request;

  am_test_server_queue_xml (fixture->server, 200,
                            "<RegisterImageResponse><imageId>ami-bundle</imageId></RegisterImageResponse>");
  am_ec2_client_register_image_async (fixture->client, "from-bundle", NULL, "my-bucket/web/web.manifest.xml",
                                      "x86_64", NULL, NULL, "paravirtual", NULL, FALSE, NULL, NULL, FALSE, NULL,
                                      am_test_result_cb, &result);
  WAIT (result);
  g_assert_true (am_ec2_client_register_image_finish (fixture->client, result, &image_id, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (image_id, ==, "ami-bundle");
  request = last_request (fixture);
  assert_param (request, "Action", "RegisterImage");
  assert_param (request, "ImageLocation", "my-bucket/web/web.manifest.xml");
  assert_param (request, "VirtualizationType", "paravirtual");
  assert_param (request, "RootDeviceName", NULL);
  assert_param (request, "BlockDeviceMapping.1.DeviceName", NULL);
  assert_param (request, "Description", NULL);
}

static void
test_termination_protection (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) result2 = NULL;
  g_autoptr (GAsyncResult) result3 = NULL;
  g_autoptr (GAsyncResult) result4 = NULL;
  g_autoptr (GError) error = NULL;
  gboolean protect = TRUE;
  gboolean dry_run_ok = FALSE;
  const AmTestRequest *request;

  am_test_server_queue_xml (fixture->server, 200,
                            "<ModifyInstanceAttributeResponse><return>true</return></ModifyInstanceAttributeResponse>");
  am_ec2_client_modify_instance_termination_protection_async (fixture->client, "i-0abc", FALSE, FALSE, NULL,
                                                              am_test_result_cb, &result);
  WAIT (result);
  g_assert_true (am_ec2_client_modify_instance_termination_protection_finish (fixture->client, result, NULL, &error));
  g_assert_no_error (error);
  request = last_request (fixture);
  assert_param (request, "Action", "ModifyInstanceAttribute");
  assert_param (request, "InstanceId", "i-0abc");
  assert_param (request, "DisableApiTermination.Value", "false");
  assert_param (request, "DryRun", NULL);

  queue_dry_run (fixture);
  am_ec2_client_modify_instance_termination_protection_async (fixture->client, "i-0abc", TRUE, TRUE, NULL,
                                                              am_test_result_cb, &result2);
  WAIT (result2);
  g_assert_true (am_ec2_client_modify_instance_termination_protection_finish (fixture->client, result2, &dry_run_ok, &error));
  g_assert_no_error (error);
  g_assert_true (dry_run_ok);
  request = last_request (fixture);
  assert_param (request, "DisableApiTermination.Value", "true");
  assert_param (request, "DryRun", "true");

  am_test_server_queue_xml (fixture->server, 200,
                            "<DescribeInstanceAttributeResponse><requestId>r</requestId><instanceId>i-0abc</instanceId>"
                            "<disableApiTermination><value>false</value></disableApiTermination>"
                            "</DescribeInstanceAttributeResponse>");
  am_ec2_client_describe_instance_termination_protection_async (fixture->client, "i-0abc", NULL,
                                                                am_test_result_cb, &result3);
  WAIT (result3);
  g_assert_true (am_ec2_client_describe_instance_termination_protection_finish (fixture->client, result3, &protect, &error));
  g_assert_no_error (error);
  g_assert_false (protect);
  request = last_request (fixture);
  assert_param (request, "Action", "DescribeInstanceAttribute");
  assert_param (request, "InstanceId", "i-0abc");
  assert_param (request, "Attribute", "disableApiTermination");

  am_test_server_queue_xml (fixture->server, 200,
                            "<DescribeInstanceAttributeResponse><instanceId>i-0abc</instanceId>"
                            "<disableApiTermination><value>true</value></disableApiTermination>"
                            "</DescribeInstanceAttributeResponse>");
  am_ec2_client_describe_instance_termination_protection_async (fixture->client, "i-0abc", NULL,
                                                                am_test_result_cb, &result4);
  WAIT (result4);
  g_assert_true (am_ec2_client_describe_instance_termination_protection_finish (fixture->client, result4, &protect, &error));
  g_assert_no_error (error);
  g_assert_true (protect);
}

static void
test_copy_image (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (AmCopyImageRequest) copy = am_copy_image_request_new ("ami-src", "us-east-1", "copied");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) result2 = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *image_id = NULL;
  g_autofree char *token = NULL;
  AmTagSpecification *tags = am_tag_specification_new ("image");
  const AmTestRequest *request;

  copy->description = g_strdup ("copy of ami-src");
  copy->encrypted = TRUE;
  copy->kms_key_id = g_strdup ("alias/mine");
  copy->copy_image_tags = TRUE;
  am_tag_specification_add (tags, "copied", "yes");
  am_copy_image_request_add_tag_specification (copy, tags);

  /* the first answer is lost; the retry carries the same token */
  am_test_server_queue_ec2_error (fixture->server, 500, "InternalError", "try again", "req-500");
  am_ec2_client_copy_image_async (fixture->client, copy, FALSE, NULL, am_test_result_cb, &result);
  WAIT (result);
  g_assert_false (am_ec2_client_copy_image_finish (fixture->client, result, &image_id, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Could not copy ami-src from us-east-1 to eu-west-1: "));
  g_clear_error (&error);
  g_assert_nonnull (copy->client_token);
  token = g_strdup (copy->client_token);
  request = last_request (fixture);
  assert_param (request, "ClientToken", token);

  am_test_server_queue_xml (fixture->server, 200, "<CopyImageResponse><imageId>ami-copy</imageId></CopyImageResponse>");
  am_ec2_client_copy_image_async (fixture->client, copy, FALSE, NULL, am_test_result_cb, &result2);
  WAIT (result2);
  g_assert_true (am_ec2_client_copy_image_finish (fixture->client, result2, &image_id, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (image_id, ==, "ami-copy");
  request = last_request (fixture);
  assert_param (request, "Action", "CopyImage");
  assert_param (request, "SourceImageId", "ami-src");
  assert_param (request, "SourceRegion", "us-east-1");
  assert_param (request, "Name", "copied");
  assert_param (request, "Description", "copy of ami-src");
  assert_param (request, "Encrypted", "true");
  assert_param (request, "KmsKeyId", "alias/mine");
  assert_param (request, "CopyImageTags", "true");
  assert_param (request, "TagSpecification.1.ResourceType", "image");
  assert_param (request, "TagSpecification.1.Tag.1.Key", "copied");
  assert_param (request, "ClientToken", token);
}

static void
test_image_attributes (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL, r5 = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AmImageAttribute) attr = NULL;
  const char *users[] = { "111122223333", "444455556666", NULL };
  const char *orgs[] = { "arn:aws:organizations::1:organization/o-1", NULL };
  const char *ous[] = { "arn:aws:organizations::1:ou/o-1/ou-1", NULL };
  const AmTestRequest *request;
  gboolean dry_run_ok = FALSE;

  queue_file (fixture, "describe-image-attribute.xml");
  am_ec2_client_describe_image_attribute_async (fixture->client, "ami-0abcdef1234567890", "launchPermission",
                                                NULL, am_test_result_cb, &r1);
  WAIT (r1);
  attr = am_ec2_client_describe_image_attribute_finish (fixture->client, r1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_launch_permission_get_group (am_image_attribute_get_launch_permissions (attr)[1]), ==, "all");
  request = last_request (fixture);
  assert_param (request, "Action", "DescribeImageAttribute");
  assert_param (request, "ImageId", "ami-0abcdef1234567890");
  assert_param (request, "Attribute", "launchPermission");

  queue_return (fixture, "ModifyImageAttribute");
  am_ec2_client_modify_launch_permission_async (fixture->client, "ami-1", AM_LAUNCH_PERMISSION_ADD,
                                                users, TRUE, orgs, ous, FALSE, NULL, am_test_result_cb, &r2);
  WAIT (r2);
  g_assert_true (am_ec2_client_modify_launch_permission_finish (fixture->client, r2, NULL, &error));
  g_assert_no_error (error);
  request = last_request (fixture);
  assert_param (request, "Action", "ModifyImageAttribute");
  assert_param (request, "ImageId", "ami-1");
  assert_param (request, "LaunchPermission.Add.1.UserId", "111122223333");
  assert_param (request, "LaunchPermission.Add.2.UserId", "444455556666");
  assert_param (request, "LaunchPermission.Add.3.Group", "all");
  assert_param (request, "LaunchPermission.Add.4.OrganizationArn", orgs[0]);
  assert_param (request, "LaunchPermission.Add.5.OrganizationalUnitArn", ous[0]);
  assert_param (request, "LaunchPermission.Remove.1.UserId", NULL);

  queue_dry_run (fixture);
  am_ec2_client_modify_launch_permission_async (fixture->client, "ami-1", AM_LAUNCH_PERMISSION_REMOVE,
                                                NULL, TRUE, NULL, NULL, TRUE, NULL, am_test_result_cb, &r3);
  WAIT (r3);
  g_assert_true (am_ec2_client_modify_launch_permission_finish (fixture->client, r3, &dry_run_ok, &error));
  g_assert_true (dry_run_ok);
  request = last_request (fixture);
  assert_param (request, "LaunchPermission.Remove.1.Group", "all");
  assert_param (request, "DryRun", "true");

  queue_return (fixture, "ModifyImageAttribute");
  am_ec2_client_modify_image_description_async (fixture->client, "ami-1", "new words", FALSE, NULL,
                                                am_test_result_cb, &r4);
  WAIT (r4);
  g_assert_true (am_ec2_client_modify_image_description_finish (fixture->client, r4, NULL, &error));
  assert_param (last_request (fixture), "Description.Value", "new words");

  queue_return (fixture, "ResetImageAttribute");
  am_ec2_client_reset_image_attribute_async (fixture->client, "ami-1", "launchPermission", FALSE, NULL,
                                             am_test_result_cb, &r5);
  WAIT (r5);
  g_assert_true (am_ec2_client_reset_image_attribute_finish (fixture->client, r5, NULL, &error));
  request = last_request (fixture);
  assert_param (request, "Action", "ResetImageAttribute");
  assert_param (request, "Attribute", "launchPermission");
}

static void
test_tags (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL;
  g_autoptr (GError) error = NULL;
  const char *ids[] = { "ami-1", "snap-1", NULL };
  const char *keys[] = { "Name", "team", NULL };
  const char *values[] = { "web", "", NULL };
  const AmTestRequest *request;

  queue_return (fixture, "CreateTags");
  am_ec2_client_create_tags_async (fixture->client, ids, keys, values, FALSE, NULL, am_test_result_cb, &r1);
  WAIT (r1);
  g_assert_true (am_ec2_client_create_tags_finish (fixture->client, r1, NULL, &error));
  g_assert_no_error (error);
  request = last_request (fixture);
  assert_param (request, "Action", "CreateTags");
  assert_param (request, "ResourceId.1", "ami-1");
  assert_param (request, "ResourceId.2", "snap-1");
  assert_param (request, "Tag.1.Key", "Name");
  assert_param (request, "Tag.1.Value", "web");
  assert_param (request, "Tag.2.Key", "team");
  assert_param (request, "Tag.2.Value", "");

  queue_return (fixture, "DeleteTags");
  am_ec2_client_delete_tags_async (fixture->client, ids, keys, NULL, FALSE, NULL, am_test_result_cb, &r2);
  WAIT (r2);
  g_assert_true (am_ec2_client_delete_tags_finish (fixture->client, r2, NULL, &error));
  request = last_request (fixture);
  assert_param (request, "Action", "DeleteTags");
  assert_param (request, "Tag.2.Key", "team");
  assert_param (request, "Tag.1.Value", NULL);

  /* <return>false</return> is a failure */
  am_test_server_queue_xml (fixture->server, 200, "<DeleteTagsResponse><return>false</return></DeleteTagsResponse>");
  am_ec2_client_delete_tags_async (fixture->client, ids, keys, NULL, FALSE, NULL, am_test_result_cb, &r3);
  WAIT (r3);
  g_assert_false (am_ec2_client_delete_tags_finish (fixture->client, r3, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Could not remove tags from ami-1, snap-1: "));
}

static void
test_lifecycle (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) when = g_date_time_new_utc (2027, 3, 4, 5, 6, 7);
  const AmTestRequest *request;

  queue_return (fixture, "EnableImageDeprecation");
  am_ec2_client_enable_image_deprecation_async (fixture->client, "ami-1", when, FALSE, NULL, am_test_result_cb, &r1);
  WAIT (r1);
  g_assert_true (am_ec2_client_enable_image_deprecation_finish (fixture->client, r1, NULL, &error));
  g_assert_no_error (error);
  request = last_request (fixture);
  assert_param (request, "Action", "EnableImageDeprecation");
  assert_param (request, "ImageId", "ami-1");
  assert_param (request, "DeprecateAt", "2027-03-04T05:06:07.000Z");

  queue_return (fixture, "DisableImageDeprecation");
  am_ec2_client_disable_image_deprecation_async (fixture->client, "ami-1", FALSE, NULL, am_test_result_cb, &r2);
  WAIT (r2);
  g_assert_true (am_ec2_client_disable_image_deprecation_finish (fixture->client, r2, NULL, &error));
  assert_param (last_request (fixture), "Action", "DisableImageDeprecation");

  am_test_server_queue_xml (fixture->server, 200,
                            "<EnableImageDeregistrationProtectionResponse><return>enabled-with-cooldown</return>"
                            "</EnableImageDeregistrationProtectionResponse>");
  am_ec2_client_enable_deregistration_protection_async (fixture->client, "ami-1", TRUE, FALSE, NULL,
                                                        am_test_result_cb, &r3);
  WAIT (r3);
  g_assert_true (am_ec2_client_enable_deregistration_protection_finish (fixture->client, r3, NULL, &error));
  g_assert_no_error (error);
  request = last_request (fixture);
  assert_param (request, "Action", "EnableImageDeregistrationProtection");
  assert_param (request, "WithCooldown", "true");

  queue_return (fixture, "DisableImageDeregistrationProtection");
  am_ec2_client_disable_deregistration_protection_async (fixture->client, "ami-1", FALSE, NULL,
                                                         am_test_result_cb, &r4);
  WAIT (r4);
  g_assert_true (am_ec2_client_disable_deregistration_protection_finish (fixture->client, r4, NULL, &error));
  assert_param (last_request (fixture), "Action", "DisableImageDeregistrationProtection");
}

/* --- instances ------------------------------------------------------------------------------ */

static void
test_describe_instances_pages (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr (GPtrArray) filters = g_ptr_array_new_with_free_func ((GDestroyNotify) am_ec2_filter_free);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) instances = NULL;
  g_autofree char *page2 = load_data ("describe-instances.xml");
  const AmTestRequest *first, *second;

  g_ptr_array_add (filters, am_ec2_filter_new ("instance-state-name", "running", "stopped", NULL));
  am_test_server_queue_xml (fixture->server, 200,
                            "<DescribeInstancesResponse><requestId>1</requestId><reservationSet><item>"
                            "<instancesSet><item><instanceId>i-page1</instanceId><instanceState><code>0</code>"
                            "<name>pending</name></instanceState></item></instancesSet></item></reservationSet>"
                            "<nextToken>next-instances</nextToken></DescribeInstancesResponse>");
  am_test_server_queue_xml (fixture->server, 200, page2);
  am_ec2_client_describe_instances_async (fixture->client, NULL, filters, NULL, am_test_result_cb, &result);
  WAIT (result);
  instances = am_ec2_client_describe_instances_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (instances->len, ==, 3);
  g_assert_cmpstr (am_instance_get_instance_id (instances->pdata[0]), ==, "i-page1");
  g_assert_cmpstr (am_instance_get_state_name (instances->pdata[0]), ==, "pending");
  g_assert_cmpstr (am_instance_get_instance_id (instances->pdata[2]), ==, "i-0000000000000000b");
  g_assert_cmpuint (am_test_server_get_n_requests (fixture->server), ==, 2);
  first = am_test_server_get_request (fixture->server, 0);
  second = am_test_server_get_request (fixture->server, 1);
  assert_param (first, "Action", "DescribeInstances");
  assert_param (first, "MaxResults", "1000");
  assert_param (first, "Filter.1.Name", "instance-state-name");
  assert_param (first, "Filter.1.Value.2", "stopped");
  assert_param (first, "NextToken", NULL);
  assert_param (second, "NextToken", "next-instances");
  assert_param (second, "Filter.1.Value.1", "running");
}

static void
test_describe_instances_by_id (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) instances = NULL;
  const char *ids[] = { "i-1234567890abcdef0", NULL };
  const AmTestRequest *request;

  queue_file (fixture, "describe-instances.xml");
  am_ec2_client_describe_instances_async (fixture->client, ids, NULL, NULL, am_test_result_cb, &result);
  WAIT (result);
  instances = am_ec2_client_describe_instances_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (instances->len, ==, 2);
  request = last_request (fixture);
  assert_param (request, "InstanceId.1", "i-1234567890abcdef0");
  /* EC2 refuses MaxResults with instance ids */
  assert_param (request, "MaxResults", NULL);
}

static void
test_run_instances (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr (AmRunInstancesRequest) run = am_run_instances_request_new ("ami-0abcdef1234567890", "t3.micro");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GAsyncResult) result2 = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) instances = NULL;
  AmBlockDeviceSpec *root = am_block_device_spec_new ("/dev/xvda");
  AmTagSpecification *tags = am_tag_specification_new ("instance");
  const char *groups[] = { "sg-1", "sg-2", NULL };
  gboolean dry_run_ok = FALSE;
  const AmTestRequest *request;
  g_autofree char *token = NULL;

  run->min_count = 2;
  run->max_count = 3;
  run->key_name = g_strdup ("my-key");
  run->subnet_id = g_strdup ("subnet-1");
  run->security_group_ids = g_strdupv ((char **) groups);
  run->availability_zone = g_strdup ("eu-west-1b");
  root->volume_size = 30;
  root->volume_type = g_strdup ("gp3");
  root->encrypted = AM_EC2_YES;
  am_run_instances_request_add_block_device (run, root);
  am_tag_specification_add (tags, "Name", "web-1");
  am_run_instances_request_add_tag_specification (run, tags);
  run->user_data = g_strdup ("#!/bin/sh\necho hello\n");
  run->iam_instance_profile_name = g_strdup ("web-role");
  run->shutdown_behavior = g_strdup ("terminate");
  run->disable_api_termination = TRUE;
  run->require_imdsv2 = TRUE;

  queue_dry_run (fixture);
  am_ec2_client_run_instances_async (fixture->client, run, TRUE, NULL, am_test_result_cb, &result);
  WAIT (result);
  g_assert_true (am_ec2_client_run_instances_finish (fixture->client, result, &instances, &dry_run_ok, &error));
  g_assert_no_error (error);
  g_assert_true (dry_run_ok);
  g_assert_null (instances);
  token = g_strdup (run->client_token);
  g_assert_nonnull (token);

  am_test_server_queue_xml (fixture->server, 200,
                            "<RunInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                            "<requestId>r</requestId><reservationId>r-1</reservationId><ownerId>1</ownerId>"
                            "<groupSet/><instancesSet>"
                            "<item><instanceId>i-a</instanceId><imageId>ami-0abcdef1234567890</imageId>"
                            "<instanceState><code>0</code><name>pending</name></instanceState>"
                            "<instanceType>t3.micro</instanceType><clientToken>x</clientToken></item>"
                            "<item><instanceId>i-b</instanceId><instanceState><code>0</code><name>pending</name>"
                            "</instanceState></item></instancesSet></RunInstancesResponse>");
  am_ec2_client_run_instances_async (fixture->client, run, FALSE, NULL, am_test_result_cb, &result2);
  WAIT (result2);
  g_assert_true (am_ec2_client_run_instances_finish (fixture->client, result2, &instances, &dry_run_ok, &error));
  g_assert_no_error (error);
  g_assert_false (dry_run_ok);
  g_assert_cmpuint (instances->len, ==, 2);
  g_assert_cmpstr (am_instance_get_instance_id (instances->pdata[1]), ==, "i-b");

  request = last_request (fixture);
  assert_param (request, "Action", "RunInstances");
  assert_param (request, "ImageId", "ami-0abcdef1234567890");
  assert_param (request, "InstanceType", "t3.micro");
  assert_param (request, "MinCount", "2");
  assert_param (request, "MaxCount", "3");
  assert_param (request, "KeyName", "my-key");
  assert_param (request, "SubnetId", "subnet-1");
  assert_param (request, "SecurityGroupId.1", "sg-1");
  assert_param (request, "SecurityGroupId.2", "sg-2");
  assert_param (request, "Placement.AvailabilityZone", "eu-west-1b");
  assert_param (request, "BlockDeviceMapping.1.DeviceName", "/dev/xvda");
  assert_param (request, "BlockDeviceMapping.1.Ebs.VolumeSize", "30");
  assert_param (request, "BlockDeviceMapping.1.Ebs.Encrypted", "true");
  assert_param (request, "TagSpecification.1.ResourceType", "instance");
  assert_param (request, "TagSpecification.1.Tag.1.Key", "Name");
  assert_param (request, "TagSpecification.1.Tag.1.Value", "web-1");
  assert_param (request, "UserData", "IyEvYmluL3NoCmVjaG8gaGVsbG8K");
  assert_param (request, "IamInstanceProfile.Name", "web-role");
  assert_param (request, "InstanceInitiatedShutdownBehavior", "terminate");
  assert_param (request, "DisableApiTermination", "true");
  assert_param (request, "MetadataOptions.HttpTokens", "required");
  /* the token survives from the dry run to the launch (and to any retry) */
  assert_param (request, "ClientToken", token);
  assert_param (request, "DryRun", NULL);
}

static void
test_instance_state_changes (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *ids[] = { "i-1", "i-2", NULL };
  const char *changes_xml =
    "<StopInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r</requestId>"
    "<instancesSet><item><instanceId>i-1</instanceId><currentState><code>64</code><name>stopping</name>"
    "</currentState><previousState><code>16</code><name>running</name></previousState></item>"
    "<item><instanceId>i-2</instanceId><currentState><code>64</code><name>stopping</name>"
    "</currentState><previousState><code>16</code><name>running</name></previousState></item>"
    "</instancesSet></StopInstancesResponse>";
  const char *actions[] = { "StartInstances", "StopInstances", "TerminateInstances" };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) changes = NULL;
      const AmTestRequest *request;

      am_test_server_queue_xml (fixture->server, 200, changes_xml);
      if (i == 0)
        am_ec2_client_start_instances_async (fixture->client, ids, FALSE, NULL, am_test_result_cb, &result);
      else if (i == 1)
        am_ec2_client_stop_instances_async (fixture->client, ids, TRUE, FALSE, NULL, am_test_result_cb, &result);
      else
        am_ec2_client_terminate_instances_async (fixture->client, ids, FALSE, NULL, am_test_result_cb, &result);
      WAIT (result);
      g_assert_true (am_ec2_client_change_instances_finish (fixture->client, result, &changes, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (changes->len, ==, 2);
      g_assert_cmpint (am_instance_state_change_get_current_state_code (changes->pdata[0]), ==, 64);
      g_assert_cmpstr (am_instance_state_change_get_previous_state_name (changes->pdata[1]), ==, "running");
      request = last_request (fixture);
      assert_param (request, "Action", actions[i]);
      assert_param (request, "InstanceId.1", "i-1");
      assert_param (request, "InstanceId.2", "i-2");
      assert_param (request, "Force", i == 1 ? "true" : NULL);
    }

  {
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (GError) error = NULL;

    am_test_server_queue_ec2_error (fixture->server, 400, "IncorrectInstanceState",
                                    "The instance 'i-1' is not in a state from which it can be rebooted.", "req-x");
    am_ec2_client_reboot_instances_async (fixture->client, ids, FALSE, NULL, am_test_result_cb, &result);
    WAIT (result);
    g_assert_false (am_ec2_client_reboot_instances_finish (fixture->client, result, NULL, &error));
    g_assert_cmpstr (am_aws_error_get_code (error), ==, "IncorrectInstanceState");
    g_assert_true (g_str_has_prefix (error->message, "Could not reboot i-1, i-2: "));
    assert_param (last_request (fixture), "Action", "RebootInstances");
  }
}

/* --- launch wizard lookups --------------------------------------------------------------------- */

static void
test_instance_types (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr (GPtrArray) filters = g_ptr_array_new_with_free_func ((GDestroyNotify) am_ec2_filter_free);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) types = NULL;
  const char *names[] = { "t3.micro", "t3.small", NULL };

  g_ptr_array_add (filters, am_ec2_filter_new ("current-generation", "true", NULL));
  queue_file (fixture, "describe-instance-types.xml");
  am_test_server_queue_xml (fixture->server, 200,
                            "<DescribeInstanceTypesResponse><instanceTypeSet><item><instanceType>t3.small</instanceType>"
                            "<memoryInfo><sizeInMiB>2048</sizeInMiB></memoryInfo></item></instanceTypeSet>"
                            "</DescribeInstanceTypesResponse>");
  am_ec2_client_describe_instance_types_async (fixture->client, names, filters, NULL, am_test_result_cb, &result);
  WAIT (result);
  types = am_ec2_client_describe_instance_types_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (types->len, ==, 2);
  g_assert_cmpint (am_instance_type_get_memory_mib (types->pdata[1]), ==, 2048);
  assert_param (am_test_server_get_request (fixture->server, 0), "InstanceType.2", "t3.small");
  assert_param (am_test_server_get_request (fixture->server, 0), "MaxResults", "100");
  assert_param (am_test_server_get_request (fixture->server, 0), "Filter.1.Name", "current-generation");
  assert_param (am_test_server_get_request (fixture->server, 1), "NextToken", "types-2");
}

static void
test_key_pairs (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GAsyncResult) r1 = NULL, r2 = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) keys = NULL;
  g_autoptr (AmKeyPair) created = NULL;
  const char *names[] = { "my-key", NULL };
  const AmTestRequest *request;

  am_test_server_queue_xml (fixture->server, 200,
                            "<DescribeKeyPairsResponse><keySet><item><keyPairId>key-1</keyPairId>"
                            "<keyName>my-key</keyName><keyFingerprint>1f:51:ae</keyFingerprint><keyType>ed25519</keyType>"
                            "<publicKey>ssh-ed25519 AAAA</publicKey><tagSet/></item></keySet></DescribeKeyPairsResponse>");
  am_ec2_client_describe_key_pairs_async (fixture->client, names, NULL, TRUE, NULL, am_test_result_cb, &r1);
  WAIT (r1);
  keys = am_ec2_client_describe_key_pairs_finish (fixture->client, r1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keys->len, ==, 1);
  g_assert_cmpstr (am_key_pair_get_key_type (keys->pdata[0]), ==, "ed25519");
  g_assert_cmpstr (am_key_pair_get_public_key (keys->pdata[0]), ==, "ssh-ed25519 AAAA");
  request = last_request (fixture);
  assert_param (request, "Action", "DescribeKeyPairs");
  assert_param (request, "KeyName.1", "my-key");
  assert_param (request, "IncludePublicKey", "true");

  am_test_server_queue_xml (fixture->server, 200,
                            "<CreateKeyPairResponse><keyName>new-key</keyName><keyFingerprint>aa:bb</keyFingerprint>"
                            "<keyMaterial>-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----</keyMaterial>"
                            "<keyPairId>key-2</keyPairId></CreateKeyPairResponse>");
  am_ec2_client_create_key_pair_async (fixture->client, "new-key", "ed25519", "pem", FALSE, NULL,
                                       am_test_result_cb, &r2);
  WAIT (r2);
  g_assert_true (am_ec2_client_create_key_pair_finish (fixture->client, r2, &created, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (am_key_pair_get_key_pair_id (created), ==, "key-2");
  g_assert_true (g_str_has_prefix (am_key_pair_get_key_material (created), "-----BEGIN OPENSSH"));
  request = last_request (fixture);
  assert_param (request, "Action", "CreateKeyPair");
  assert_param (request, "KeyName", "new-key");
  assert_param (request, "KeyType", "ed25519");
  assert_param (request, "KeyFormat", "pem");
}

static void
test_network (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (GPtrArray) filters = g_ptr_array_new_with_free_func ((GDestroyNotify) am_ec2_filter_free);
  g_autoptr (GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL, r5 = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) vpcs = NULL, subnets = NULL, groups = NULL;
  g_autofree char *group_id = NULL;
  const char *vpc_ids[] = { "vpc-1", NULL };
  const AmTestRequest *request;

  g_ptr_array_add (filters, am_ec2_filter_new ("vpc-id", "vpc-1", NULL));

  am_test_server_queue_xml (fixture->server, 200,
                            "<DescribeVpcsResponse><vpcSet><item><vpcId>vpc-1</vpcId><state>available</state>"
                            "<cidrBlock>172.31.0.0/16</cidrBlock><isDefault>true</isDefault><ownerId>1</ownerId>"
                            "</item></vpcSet></DescribeVpcsResponse>");
  am_ec2_client_describe_vpcs_async (fixture->client, vpc_ids, NULL, NULL, am_test_result_cb, &r1);
  WAIT (r1);
  vpcs = am_ec2_client_describe_vpcs_finish (fixture->client, r1, &error);
  g_assert_no_error (error);
  g_assert_true (am_vpc_get_is_default (vpcs->pdata[0]));
  g_assert_cmpstr (am_vpc_get_cidr_block (vpcs->pdata[0]), ==, "172.31.0.0/16");
  assert_param (last_request (fixture), "VpcId.1", "vpc-1");

  am_test_server_queue_xml (fixture->server, 200,
                            "<DescribeSubnetsResponse><subnetSet><item><subnetId>subnet-1</subnetId>"
                            "<vpcId>vpc-1</vpcId><availabilityZone>eu-west-1a</availabilityZone>"
                            "<availableIpAddressCount>4091</availableIpAddressCount><defaultForAz>true</defaultForAz>"
                            "<mapPublicIpOnLaunch>true</mapPublicIpOnLaunch></item></subnetSet></DescribeSubnetsResponse>");
  am_ec2_client_describe_subnets_async (fixture->client, NULL, filters, NULL, am_test_result_cb, &r2);
  WAIT (r2);
  subnets = am_ec2_client_describe_subnets_finish (fixture->client, r2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (am_subnet_get_available_ip_address_count (subnets->pdata[0]), ==, 4091);
  g_assert_cmpstr (am_subnet_get_availability_zone (subnets->pdata[0]), ==, "eu-west-1a");
  request = last_request (fixture);
  assert_param (request, "Action", "DescribeSubnets");
  assert_param (request, "Filter.1.Name", "vpc-id");
  assert_param (request, "Filter.1.Value.1", "vpc-1");

  am_test_server_queue_xml (fixture->server, 200,
                            "<DescribeSecurityGroupsResponse><securityGroupInfo><item><ownerId>1</ownerId>"
                            "<groupId>sg-1</groupId><groupName>default</groupName>"
                            "<groupDescription>default VPC security group</groupDescription><vpcId>vpc-1</vpcId>"
                            "<ipPermissions><item><ipProtocol>-1</ipProtocol></item></ipPermissions>"
                            "</item></securityGroupInfo></DescribeSecurityGroupsResponse>");
  am_ec2_client_describe_security_groups_async (fixture->client, NULL, filters, NULL, am_test_result_cb, &r3);
  WAIT (r3);
  groups = am_ec2_client_describe_security_groups_finish (fixture->client, r3, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_security_group_get_description (groups->pdata[0]), ==, "default VPC security group");
  assert_param (last_request (fixture), "Action", "DescribeSecurityGroups");

  am_test_server_queue_xml (fixture->server, 200,
                            "<CreateSecurityGroupResponse><requestId>r</requestId><return>true</return>"
                            "<groupId>sg-new</groupId></CreateSecurityGroupResponse>");
  am_ec2_client_create_security_group_async (fixture->client, "launch-wizard-1", "created by Amiable", "vpc-1",
                                             FALSE, NULL, am_test_result_cb, &r4);
  WAIT (r4);
  g_assert_true (am_ec2_client_create_security_group_finish (fixture->client, r4, &group_id, NULL, &error));
  g_assert_cmpstr (group_id, ==, "sg-new");
  request = last_request (fixture);
  assert_param (request, "Action", "CreateSecurityGroup");
  assert_param (request, "GroupName", "launch-wizard-1");
  assert_param (request, "GroupDescription", "created by Amiable");
  assert_param (request, "VpcId", "vpc-1");

  queue_return (fixture, "AuthorizeSecurityGroupIngress");
  am_ec2_client_authorize_ingress_async (fixture->client, "sg-new", "tcp", 22, 22, "203.0.113.0/24", "ssh",
                                         FALSE, NULL, am_test_result_cb, &r5);
  WAIT (r5);
  g_assert_true (am_ec2_client_authorize_ingress_finish (fixture->client, r5, NULL, &error));
  request = last_request (fixture);
  assert_param (request, "Action", "AuthorizeSecurityGroupIngress");
  assert_param (request, "GroupId", "sg-new");
  assert_param (request, "IpPermissions.1.IpProtocol", "tcp");
  assert_param (request, "IpPermissions.1.FromPort", "22");
  assert_param (request, "IpPermissions.1.ToPort", "22");
  assert_param (request, "IpPermissions.1.IpRanges.1.CidrIp", "203.0.113.0/24");
  assert_param (request, "IpPermissions.1.IpRanges.1.Description", "ssh");
}

static void
test_zones_and_regions (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr (GAsyncResult) r1 = NULL, r2 = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) zones = NULL, regions = NULL;
  const AmTestRequest *request;

  am_test_server_queue_xml (fixture->server, 200,
                            "<DescribeAvailabilityZonesResponse><availabilityZoneInfo><item><zoneName>eu-west-1a</zoneName>"
                            "<zoneState>available</zoneState><regionName>eu-west-1</regionName><zoneId>euw1-az1</zoneId>"
                            "<zoneType>availability-zone</zoneType><optInStatus>opt-in-not-required</optInStatus>"
                            "<messageSet/></item></availabilityZoneInfo></DescribeAvailabilityZonesResponse>");
  am_ec2_client_describe_availability_zones_async (fixture->client, NULL, TRUE, NULL, NULL, am_test_result_cb, &r1);
  WAIT (r1);
  zones = am_ec2_client_describe_availability_zones_finish (fixture->client, r1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_availability_zone_get_zone_id (zones->pdata[0]), ==, "euw1-az1");
  g_assert_cmpstr (am_availability_zone_get_state (zones->pdata[0]), ==, "available");
  request = last_request (fixture);
  assert_param (request, "Action", "DescribeAvailabilityZones");
  assert_param (request, "AllAvailabilityZones", "true");

  am_test_server_queue_xml (fixture->server, 200,
                            "<DescribeRegionsResponse><regionInfo><item><regionName>eu-west-1</regionName>"
                            "<regionEndpoint>ec2.eu-west-1.amazonaws.com</regionEndpoint>"
                            "<optInStatus>opt-in-not-required</optInStatus></item><item><regionName>af-south-1</regionName>"
                            "<regionEndpoint>ec2.af-south-1.amazonaws.com</regionEndpoint><optInStatus>not-opted-in</optInStatus>"
                            "</item></regionInfo></DescribeRegionsResponse>");
  am_ec2_client_describe_regions_async (fixture->client, TRUE, NULL, NULL, am_test_result_cb, &r2);
  WAIT (r2);
  regions = am_ec2_client_describe_regions_finish (fixture->client, r2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (regions->len, ==, 2);
  g_assert_cmpstr (am_region_get_opt_in_status (regions->pdata[1]), ==, "not-opted-in");
  request = last_request (fixture);
  assert_param (request, "Action", "DescribeRegions");
  assert_param (request, "AllRegions", "true");
}

static void
test_launch_template (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (AmRunInstancesRequest) run = am_run_instances_request_new ("ami-1", "t3.small");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AmLaunchTemplate) template = NULL;
  AmBlockDeviceSpec *root = am_block_device_spec_new ("/dev/xvda");
  const char *groups[] = { "sg-1", NULL };
  const AmTestRequest *request;

  run->subnet_id = g_strdup ("subnet-1");
  run->security_group_ids = g_strdupv ((char **) groups);
  run->key_name = g_strdup ("k");
  run->require_imdsv2 = TRUE;
  root->volume_size = 16;
  am_run_instances_request_add_block_device (run, root);

  am_test_server_queue_xml (fixture->server, 200,
                            "<CreateLaunchTemplateResponse><requestId>r</requestId><launchTemplate>"
                            "<launchTemplateId>lt-01238c059e3466abc</launchTemplateId>"
                            "<launchTemplateName>web</launchTemplateName><createTime>2017-10-31T11:38:52.000Z</createTime>"
                            "<createdBy>arn:aws:iam::123456789012:root</createdBy>"
                            "<defaultVersionNumber>1</defaultVersionNumber><latestVersionNumber>1</latestVersionNumber>"
                            "</launchTemplate></CreateLaunchTemplateResponse>");
  am_ec2_client_create_launch_template_async (fixture->client, "web", "first", run, FALSE, NULL,
                                              am_test_result_cb, &result);
  WAIT (result);
  g_assert_true (am_ec2_client_create_launch_template_finish (fixture->client, result, &template, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (am_launch_template_get_launch_template_id (template), ==, "lt-01238c059e3466abc");
  g_assert_cmpint (am_launch_template_get_latest_version_number (template), ==, 1);
  request = last_request (fixture);
  assert_param (request, "Action", "CreateLaunchTemplate");
  assert_param (request, "LaunchTemplateName", "web");
  assert_param (request, "VersionDescription", "first");
  assert_param (request, "LaunchTemplateData.ImageId", "ami-1");
  assert_param (request, "LaunchTemplateData.InstanceType", "t3.small");
  assert_param (request, "LaunchTemplateData.KeyName", "k");
  assert_param (request, "LaunchTemplateData.NetworkInterface.1.DeviceIndex", "0");
  assert_param (request, "LaunchTemplateData.NetworkInterface.1.SubnetId", "subnet-1");
  assert_param (request, "LaunchTemplateData.NetworkInterface.1.SecurityGroupId.1", "sg-1");
  assert_param (request, "LaunchTemplateData.BlockDeviceMapping.1.Ebs.VolumeSize", "16");
  assert_param (request, "LaunchTemplateData.MetadataOptions.HttpTokens", "required");
  assert_param (request, "MinCount", NULL);
  assert_param (request, "ClientToken", run->client_token);
}

static void
test_snapshots (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) snapshots = NULL;
  const char *owners[] = { "self", NULL };
  const AmTestRequest *request;

  am_test_server_queue_xml (fixture->server, 200,
                            "<DescribeSnapshotsResponse><snapshotSet><item><snapshotId>snap-1</snapshotId>"
                            "<volumeId>vol-1</volumeId><status>completed</status><startTime>2024-01-01T00:00:00.000Z</startTime>"
                            "<progress>100%</progress><ownerId>1</ownerId><volumeSize>8</volumeSize>"
                            "<description>Created by CreateImage</description><encrypted>true</encrypted>"
                            "<storageTier>standard</storageTier></item></snapshotSet></DescribeSnapshotsResponse>");
  am_ec2_client_describe_snapshots_async (fixture->client, NULL, owners, NULL, NULL, am_test_result_cb, &result);
  WAIT (result);
  snapshots = am_ec2_client_describe_snapshots_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshots->len, ==, 1);
  g_assert_true (am_snapshot_get_encrypted (snapshots->pdata[0]));
  g_assert_cmpstr (am_snapshot_get_progress (snapshots->pdata[0]), ==, "100%");
  request = last_request (fixture);
  assert_param (request, "Action", "DescribeSnapshots");
  assert_param (request, "Owner.1", "self");
  assert_param (request, "MaxResults", "1000");
}

static void
test_latest_image (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
  g_autoptr (GAsyncResult) r1 = NULL, r2 = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *image_id = NULL;
  g_autofree char *not_image = NULL;
  const AmTestRequest *request;

  g_assert_true (am_ec2_client_has_custom_endpoint (fixture->client));
  am_test_server_queue_json (fixture->server, 200,
                             "{\"Parameter\":{\"Name\":\"/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64\","
                             "\"Type\":\"String\",\"Value\":\"ami-0fedcba9876543210\",\"Version\":42,"
                             "\"DataType\":\"aws:ec2:image\"}}");
  am_ec2_client_get_latest_image_id_async (fixture->client, name, NULL, am_test_result_cb, &r1);
  WAIT (r1);
  image_id = am_ec2_client_get_latest_image_id_finish (fixture->client, r1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (image_id, ==, "ami-0fedcba9876543210");
  request = am_test_server_get_request (fixture->server, am_test_server_get_n_requests (fixture->server) - 1);
  g_assert_cmpstr (am_test_request_get_header (request, "X-Amz-Target"), ==, "AmazonSSM.GetParameter");
  g_assert_nonnull (strstr (am_test_request_get_body (request), "al2023-ami-kernel-default-x86_64"));

  am_test_server_queue_json_error (fixture->server, 400, "ParameterNotFound", "not found", "req-ssm");
  am_ec2_client_get_latest_image_id_async (fixture->client, "/aws/service/nothing", NULL, am_test_result_cb, &r2);
  WAIT (r2);
  not_image = am_ec2_client_get_latest_image_id_finish (fixture->client, r2, &error);
  g_assert_null (not_image);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Could not look up the latest image: "));
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) images = NULL;
  g_autofree char *xml = load_data ("describe-images.xml");
  AmTestResponse *response = am_test_response_new (200, "text/xml", xml);

  am_test_response_set_delay_ms (response, 2000);
  am_test_server_queue (fixture->server, response);
  am_ec2_client_describe_images_async (fixture->client, query, cancellable, am_test_result_cb, &result);
  am_test_wait_ms (50);
  g_cancellable_cancel (cancellable);
  WAIT (result);
  images = am_ec2_client_describe_images_finish (fixture->client, result, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (images);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ec2/client/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("describe-images", test_describe_images);
  ADD ("describe-images/errors", test_describe_images_errors);
  ADD ("create-image", test_create_image);
  ADD ("dry-run", test_dry_run);
  ADD ("deregister-image", test_deregister_image);
  ADD ("register-image", test_register_image);
  ADD ("register-image/manifest", test_register_image_manifest);
  ADD ("termination-protection", test_termination_protection);
  ADD ("copy-image", test_copy_image);
  ADD ("image-attributes", test_image_attributes);
  ADD ("tags", test_tags);
  ADD ("lifecycle", test_lifecycle);
  ADD ("describe-instances/pages", test_describe_instances_pages);
  ADD ("describe-instances/by-id", test_describe_instances_by_id);
  ADD ("run-instances", test_run_instances);
  ADD ("instance-state-changes", test_instance_state_changes);
  ADD ("instance-types", test_instance_types);
  ADD ("key-pairs", test_key_pairs);
  ADD ("network", test_network);
  ADD ("zones-and-regions", test_zones_and_regions);
  ADD ("launch-template", test_launch_template);
  ADD ("snapshots", test_snapshots);
  ADD ("latest-image", test_latest_image);
  ADD ("cancel", test_cancel);

  return g_test_run ();
}
