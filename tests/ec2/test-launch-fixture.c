/* test-launch-fixture.c: a launch request made from what the real sandbox lists, for launch tests
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-launch-fixture"

#include "config.h"

#include "am-test-server.h"
#include "test-launch-fixture.h"

#define WAIT(result) am_test_wait_result (&(result))
#define AL2023       "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"

static const char * const zones[] = { "us-east-1a", "us-east-1b", "us-east-1c", NULL };

GPtrArray *
test_filters_of (const char *name,
            const char *value)
{
  GPtrArray *filters = g_ptr_array_new_with_free_func ((GDestroyNotify) am_ec2_filter_free);

  g_ptr_array_add (filters, am_ec2_filter_new (name, value, NULL));
  return filters;
}

static gpointer
first_of (GPtrArray *items)
{
  g_assert_nonnull (items);
  g_assert_cmpuint (items->len, >, 0);
  return g_object_ref (items->pdata[0]);
}

/* A request for @count instances of Amazon Linux over the three zones of the default VPC,
 * without a key pair, in the default security group or (@new_group) a new one open for SSH. */
AmLaunchRequest *
test_launch_request_new (AmEc2Client *client,
                         const char  *name,
                         guint        count,
                         const char  *new_group)
{
  AmLaunchRequest *request = am_launch_request_new ();
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GAsyncResult) r_latest = NULL, r_image = NULL, r_type = NULL, r_vpc = NULL;
  g_autoptr (GAsyncResult) r_subnets = NULL, r_groups = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) images = NULL, types = NULL, vpcs = NULL, subnets = NULL, groups = NULL;
  g_autoptr (GPtrArray) vpc_filters = test_filters_of ("is-default", "true");
  g_autoptr (GPtrArray) subnet_filters = NULL, group_filters = NULL;
  g_autoptr (AmImage) image = NULL;
  g_autoptr (AmInstanceType) type = NULL;
  g_autoptr (AmVpc) vpc = NULL;
  g_autofree char *image_id = NULL;
  const char * const type_names[] = { "t3.micro", NULL };

  am_ec2_client_get_latest_image_id_async (client, AL2023, NULL, am_test_result_cb, &r_latest);
  WAIT (r_latest);
  image_id = am_ec2_client_get_latest_image_id_finish (client, r_latest, &error);
  g_assert_no_error (error);
  am_describe_images_query_add_image_id (query, image_id);
  am_ec2_client_describe_images_async (client, query, NULL, am_test_result_cb, &r_image);
  WAIT (r_image);
  images = am_ec2_client_describe_images_finish (client, r_image, NULL, &error);
  g_assert_no_error (error);
  image = first_of (images);

  am_ec2_client_describe_instance_types_async (client, type_names, NULL, NULL, am_test_result_cb, &r_type);
  WAIT (r_type);
  types = am_ec2_client_describe_instance_types_finish (client, r_type, &error);
  g_assert_no_error (error);
  type = first_of (types);

  am_ec2_client_describe_vpcs_async (client, NULL, vpc_filters, NULL, am_test_result_cb, &r_vpc);
  WAIT (r_vpc);
  vpcs = am_ec2_client_describe_vpcs_finish (client, r_vpc, &error);
  g_assert_no_error (error);
  vpc = first_of (vpcs);

  subnet_filters = test_filters_of ("vpc-id", am_vpc_get_vpc_id (vpc));
  am_ec2_client_describe_subnets_async (client, NULL, subnet_filters, NULL, am_test_result_cb, &r_subnets);
  WAIT (r_subnets);
  subnets = am_ec2_client_describe_subnets_finish (client, r_subnets, &error);
  g_assert_no_error (error);

  am_launch_request_set_image (request, image);
  am_launch_request_set_instance_type (request, type);
  am_launch_request_set_no_key_acknowledged (request, TRUE);
  am_launch_request_set_vpc (request, vpc);
  for (guint z = 0; zones[z] != NULL; z++)
    for (guint i = 0; i < subnets->len; i++)
      if (g_strcmp0 (am_subnet_get_availability_zone (subnets->pdata[i]), zones[z]) == 0)
        {
          am_launch_request_add_subnet (request, subnets->pdata[i]);
          break;
        }
  g_assert_cmpuint (am_launch_request_get_subnets (request)->len, ==, g_strv_length ((char **) zones));

  if (new_group != NULL)
    {
      am_launch_request_set_create_group (request, TRUE);
      am_launch_request_set_new_group_name (request, new_group);
      am_launch_request_set_new_group_rules (request, AM_LAUNCH_RULE_SSH);
    }
  else
    {
      group_filters = test_filters_of ("vpc-id", am_vpc_get_vpc_id (vpc));
      am_ec2_client_describe_security_groups_async (client, NULL, group_filters, NULL,
                                                    am_test_result_cb, &r_groups);
      WAIT (r_groups);
      groups = am_ec2_client_describe_security_groups_finish (client, r_groups, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < groups->len; i++)
        if (g_strcmp0 (am_security_group_get_group_name (groups->pdata[i]), "default") == 0)
          am_launch_request_add_security_group (request, am_security_group_get_group_id (groups->pdata[i]));
      g_assert_cmpuint (g_strv_length ((char **) am_launch_request_get_security_groups (request)), ==, 1);
    }
  am_launch_request_set_name (request, name);
  am_launch_request_set_count (request, count);
  am_launch_request_validate (request, &error);
  g_assert_no_error (error);
  return request;
}
