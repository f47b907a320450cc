/* test-endpoint.c: endpoints per region and partition, URL checks, and Query parameter encoding
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-endpoint"

#include "config.h"

#include <string.h>

#include "aws/am-aws-error.h"
#include "aws/am-endpoint.h"
#include "aws/am-query-client.h"

static void
test_regions (void)
{
  struct {
    const char *service;
    const char *region;
    const char *url;
    const char *partition;
  } cases[] = {
    { "ec2", "us-east-1", "https://ec2.us-east-1.amazonaws.com", "aws" },
    { "ec2", "eu-central-2", "https://ec2.eu-central-2.amazonaws.com", "aws" },
    { "ec2", "cn-north-1", "https://ec2.cn-north-1.amazonaws.com.cn", "aws-cn" },
    { "ssm", "cn-northwest-1", "https://ssm.cn-northwest-1.amazonaws.com.cn", "aws-cn" },
    { "ec2", "us-gov-west-1", "https://ec2.us-gov-west-1.amazonaws.com", "aws-us-gov" },
    { "sts", "us-iso-east-1", "https://sts.us-iso-east-1.c2s.ic.gov", "aws-iso" },
    { "portal.sso", "eu-west-1", "https://portal.sso.eu-west-1.amazonaws.com", "aws" },
  };
  const char *bad[] = { "", "US-EAST-1", "us east 1", "us-east-1/..", "-us", "us-", "ü", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *url = am_endpoint_for_region (cases[i].service, cases[i].region, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (url, ==, cases[i].url);
      g_assert_cmpstr (am_endpoint_get_partition (cases[i].region), ==, cases[i].partition);
    }

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *url = am_endpoint_for_region ("ec2", bad[i], &error);

      g_assert_null (url);
      g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_INVALID_ARGUMENT);
    }
  g_assert_false (am_endpoint_is_valid_region (NULL));
}

static void
test_urls (void)
{
  const char *good[] = {
    "https://ec2.us-east-1.amazonaws.com",
    "https://vpce-1.ec2.us-east-1.vpce.amazonaws.com/",
    "http://127.0.0.1:4566",
    "http://127.8.9.10/",
    "http://localhost:8080/base/",
    "http://[::1]:9000/",
    "HTTPS://EXAMPLE.com",
    NULL,
  };
  const char *bad[] = {
    "",
    "ec2.us-east-1.amazonaws.com",
    "http://ec2.us-east-1.amazonaws.com",
    "http://10.0.0.1/",
    "http://128.0.0.1/",
    "http://localhost.evil.com/",
    "http://[::2]/",
    "ftp://127.0.0.1/",
    "https://user:pw@example.com/",
    "https://example.com/?a=b",
    "https://example.com/#frag",
    "https:///nohost",
    /* Found by fuzz-endpoint: GLib's parser lets these through into the host. */
    "https://ec2-\n\n1,amazonaws.com",
    "https://ec2.us-east-1.amazonaws.com\r\nX-Injected: 1",
    "https://ec2 us-east-1.amazonaws.com/",
    NULL,
  };

  for (guint i = 0; good[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GUri) uri = am_endpoint_parse (good[i], &error);

      g_test_message ("good: %s", good[i]);
      g_assert_no_error (error);
      g_assert_nonnull (uri);
    }
  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GUri) uri = am_endpoint_parse (bad[i], &error);

      g_test_message ("bad: %s", bad[i]);
      g_assert_null (uri);
      g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_INVALID_ARGUMENT);
    }

  g_assert_true (am_endpoint_is_loopback_host ("LOCALHOST"));
  g_assert_true (am_endpoint_is_loopback_host ("::1"));
  g_assert_true (am_endpoint_is_loopback_host ("::ffff:127.0.0.1"));
  g_assert_false (am_endpoint_is_loopback_host ("0.0.0.0"));
  g_assert_false (am_endpoint_is_loopback_host (NULL));
}

static void
test_host_header (void)
{
  struct {
    const char *url;
    const char *host;
  } cases[] = {
    { "https://ec2.us-east-1.amazonaws.com", "ec2.us-east-1.amazonaws.com" },
    { "https://ec2.us-east-1.amazonaws.com:443/", "ec2.us-east-1.amazonaws.com" },
    { "https://example.com:8443/", "example.com:8443" },
    { "http://127.0.0.1:80/", "127.0.0.1" },
    { "http://127.0.0.1:4566/", "127.0.0.1:4566" },
    { "http://[::1]:9000/", "[::1]:9000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GUri) uri = am_endpoint_parse (cases[i].url, NULL);
      g_autofree char *host = am_endpoint_host_header (uri);

      g_assert_cmpstr (host, ==, cases[i].host);
    }
}

static void
test_client_refuses_bad_endpoints (void)
{
  g_autoptr (AmCredentials) credentials = am_credentials_new ("A", "S", NULL, NULL);
  g_autoptr (AmCredentialsProvider) provider = am_credentials_provider_new_static (credentials);
  g_autoptr (AmQueryClient) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *endpoint = NULL;

  client = am_query_client_new (provider, "ec2", "us-east-1", "http://ec2.example.com/", &error);
  g_assert_null (client);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "https://"));
  g_clear_error (&error);

  client = am_query_client_new (provider, "ec2", "not a region", NULL, &error);
  g_assert_null (client);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  client = am_query_client_new (provider, "ec2", "ap-southeast-2", NULL, &error);
  g_assert_no_error (error);
  endpoint = am_query_client_dup_endpoint (client);
  g_assert_cmpstr (endpoint, ==, "https://ec2.ap-southeast-2.amazonaws.com/");
  g_assert_cmpstr (am_query_client_get_region (client), ==, "ap-southeast-2");
  g_assert_cmpstr (am_query_client_get_service (client), ==, "ec2");
  g_assert_cmpuint (am_query_client_get_max_attempts (client), ==, 3);
  g_assert_true (am_query_client_get_credentials (client) == provider);
}

static void
test_params (void)
{
  g_autoptr (AmQueryParams) params = am_query_params_new ("RunInstances", "2016-11-15");
  g_autoptr (AmQueryParams) copy = NULL;
  const char *ids[] = { "sg-1", "sg-2", NULL };
  const char *more_ids[] = { "sg-3", NULL };
  const char *states[] = { "running", "pending", NULL };
  g_autofree char *encoded = NULL;
  const char *name;
  const char *value;

  am_query_params_add (params, "ImageId", "ami-1");
  am_query_params_add_int (params, "MinCount", 1);
  am_query_params_add_int (params, "MaxCount", -2);
  am_query_params_add_boolean (params, "DryRun", TRUE);
  am_query_params_add_list (params, "SecurityGroupId", ids);
  am_query_params_add_list (params, "SecurityGroupId", more_ids);
  g_assert_cmpuint (am_query_params_add_filter (params, "instance-state-name", states), ==, 1);
  g_assert_cmpuint (am_query_params_add_filter (params, "tag:Name", NULL), ==, 2);
  am_query_params_add_at (params, "/dev/xvda", "BlockDeviceMapping.%u.DeviceName", 1u);
  am_query_params_add_at (params, "20", "BlockDeviceMapping.%u.Ebs.VolumeSize", 1u);
  g_assert_cmpuint (am_query_params_next_index (params, "BlockDeviceMapping"), ==, 2);
  g_assert_cmpuint (am_query_params_next_index (params, "TagSpecification"), ==, 1);
  /* "SecurityGroupIdX.1" is another prefix. */
  am_query_params_add (params, "SecurityGroupIdX.7", "x");
  g_assert_cmpuint (am_query_params_next_index (params, "SecurityGroupId"), ==, 4);
  am_query_params_add_printf (params, "UserData", "%s=%d", "a b+c/é", 5);

  encoded = am_query_params_encode (params);
  g_assert_cmpstr (encoded, ==,
                   "Action=RunInstances&Version=2016-11-15&ImageId=ami-1&MinCount=1&MaxCount=-2"
                   "&DryRun=true&SecurityGroupId.1=sg-1&SecurityGroupId.2=sg-2"
                   "&SecurityGroupId.3=sg-3&Filter.1.Name=instance-state-name"
                   "&Filter.1.Value.1=running&Filter.1.Value.2=pending&Filter.2.Name=tag%3AName"
                   "&BlockDeviceMapping.1.DeviceName=%2Fdev%2Fxvda"
                   "&BlockDeviceMapping.1.Ebs.VolumeSize=20&SecurityGroupIdX.7=x"
                   "&UserData=a%20b%2Bc%2F%C3%A9%3D5");

  g_assert_cmpstr (am_query_params_get_action (params), ==, "RunInstances");
  g_assert_cmpstr (am_query_params_get_version (params), ==, "2016-11-15");
  g_assert_cmpstr (am_query_params_get (params, "Filter.1.Value.2"), ==, "pending");
  g_assert_null (am_query_params_get (params, "NextToken"));

  copy = am_query_params_copy (params);
  am_query_params_set (copy, "NextToken", "t1");
  am_query_params_set (copy, "NextToken", "t2");
  am_query_params_set (copy, "MinCount", NULL);
  g_assert_cmpstr (am_query_params_get (copy, "NextToken"), ==, "t2");
  g_assert_null (am_query_params_get (copy, "MinCount"));
  g_assert_cmpuint (am_query_params_get_length (copy), ==, am_query_params_get_length (params));
  am_query_params_get_nth (copy, am_query_params_get_length (copy) - 1, &name, &value);
  g_assert_cmpstr (name, ==, "NextToken");
  g_assert_cmpstr (value, ==, "t2");
  /* The original is untouched. */
  g_assert_null (am_query_params_get (params, "NextToken"));
  g_assert_cmpstr (am_query_params_get (params, "MinCount"), ==, "1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/endpoint/regions", test_regions);
  g_test_add_func ("/endpoint/urls", test_urls);
  g_test_add_func ("/endpoint/host-header", test_host_header);
  g_test_add_func ("/endpoint/client-refuses-bad-endpoints", test_client_refuses_bad_endpoints);
  g_test_add_func ("/query-params/encode", test_params);

  return g_test_run ();
}
