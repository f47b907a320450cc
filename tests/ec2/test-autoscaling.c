/* test-autoscaling.c: AmAutoScalingGroup's parser and AmAutoScalingClient against the real amiable-sandbox
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-autoscaling"

#include "config.h"

#include "am-autoscaling-client.h"
#include "am-aws-error.h"
#include "am-test-sandbox.h"
#include "am-test-server.h"

#define ALICE_KEY    "AKIAIOSFODNN7SANDBOX"
#define ALICE_SECRET "sandbox/alice/wJalrXUtnFEMIK7MDENGbPxRfiCY"
#define GROUP_TAG    "aws:autoscaling:groupName"
#define WAIT(result) am_test_wait_result (&(result))

/* --- the parser over canned documents ----------------------------------------------------- */

static const char describe_page[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<DescribeAutoScalingGroupsResponse xmlns=\"http://autoscaling.amazonaws.com/doc/2011-01-01/\">"
  "<DescribeAutoScalingGroupsResult><AutoScalingGroups>"
  "<member><AutoScalingGroupName>web</AutoScalingGroupName>"
  "<AutoScalingGroupARN>arn:aws:autoscaling:us-east-1:111122223333:autoScalingGroup:0d1e:autoScalingGroupName/web</AutoScalingGroupARN>"
  "<LaunchTemplate><LaunchTemplateId>lt-0abc</LaunchTemplateId><LaunchTemplateName>web-template</LaunchTemplateName>"
  "<Version>$Latest</Version></LaunchTemplate>"
  "<MinSize>1</MinSize><MaxSize>6</MaxSize><DesiredCapacity>3</DesiredCapacity><DefaultCooldown>300</DefaultCooldown>"
  "<AvailabilityZones><member>us-east-1a</member><member>us-east-1b</member></AvailabilityZones>"
  "<LoadBalancerNames/><HealthCheckType>EC2</HealthCheckType>"
  "<Instances>"
  "<member><InstanceId>i-1</InstanceId><InstanceType>t3.micro</InstanceType><AvailabilityZone>us-east-1a</AvailabilityZone>"
  "<LifecycleState>InService</LifecycleState><HealthStatus>Healthy</HealthStatus>"
  "<LaunchTemplate><LaunchTemplateId>lt-0abc</LaunchTemplateId><Version>1</Version></LaunchTemplate>"
  "<ProtectedFromScaleIn>false</ProtectedFromScaleIn></member>"
  "<member><InstanceId>i-2</InstanceId><AvailabilityZone>us-east-1b</AvailabilityZone>"
  "<LifecycleState>Pending</LifecycleState><HealthStatus>Healthy</HealthStatus></member>"
  "<member><InstanceId>i-3</InstanceId><AvailabilityZone>us-east-1a</AvailabilityZone>"
  "<LifecycleState>Terminating</LifecycleState><HealthStatus>Unhealthy</HealthStatus></member>"
  "</Instances>"
  "<CreatedTime>2026-03-15T18:21:09.123Z</CreatedTime>"
  "<VPCZoneIdentifier>subnet-a,subnet-b</VPCZoneIdentifier>"
  "<Tags><member><ResourceId>web</ResourceId><ResourceType>auto-scaling-group</ResourceType><Key>Team</Key>"
  "<Value>blue &amp; green</Value><PropagateAtLaunch>true</PropagateAtLaunch></member>"
  "<member><Key>Cost</Key><Value/><PropagateAtLaunch>false</PropagateAtLaunch></member></Tags>"
  "</member>"
  "<member><AutoScalingGroupName>empty</AutoScalingGroupName><MinSize>0</MinSize><MaxSize>0</MaxSize>"
  "<DesiredCapacity>0</DesiredCapacity><AvailabilityZones/><Instances/></member>"
  "</AutoScalingGroups><NextToken>next-page</NextToken></DescribeAutoScalingGroupsResult>"
  "<ResponseMetadata><RequestId>7c6e-1</RequestId></ResponseMetadata></DescribeAutoScalingGroupsResponse>";

static void
test_parse (void)
{
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *created = NULL;
  AmAutoScalingGroup *web, *empty;
  AmAutoScalingInstance *in;
  AmAutoScalingTag *tag;
  const char * const *zones;
  const char * const *subnets;

  g_assert_true (am_auto_scaling_group_parse_describe (describe_page, sizeof describe_page - 1,
                                                       &groups, &token, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "next-page");
  g_assert_cmpuint (groups->len, ==, 2);
  web = groups->pdata[0];
  g_assert_cmpstr (am_auto_scaling_group_get_name (web), ==, "web");
  g_assert_true (g_str_has_suffix (am_auto_scaling_group_get_arn (web), ":autoScalingGroupName/web"));
  g_assert_cmpstr (am_auto_scaling_group_get_launch_template_id (web), ==, "lt-0abc");
  g_assert_cmpstr (am_auto_scaling_group_get_launch_template_name (web), ==, "web-template");
  /* The instances' own LaunchTemplate must not overwrite the group's version. */
  g_assert_cmpstr (am_auto_scaling_group_get_launch_template_version (web), ==, "$Latest");
  g_assert_cmpint (am_auto_scaling_group_get_min_size (web), ==, 1);
  g_assert_cmpint (am_auto_scaling_group_get_max_size (web), ==, 6);
  g_assert_cmpint (am_auto_scaling_group_get_desired_capacity (web), ==, 3);
  zones = am_auto_scaling_group_get_availability_zones (web);
  g_assert_cmpuint (g_strv_length ((char **) zones), ==, 2);
  g_assert_cmpstr (zones[1], ==, "us-east-1b");
  subnets = am_auto_scaling_group_get_subnet_ids (web);
  g_assert_cmpuint (g_strv_length ((char **) subnets), ==, 2);
  g_assert_cmpstr (subnets[0], ==, "subnet-a");
  g_assert_cmpuint (am_auto_scaling_group_get_instances (web)->len, ==, 3);
  in = am_auto_scaling_group_get_instances (web)->pdata[0];
  g_assert_cmpstr (in->instance_id, ==, "i-1");
  g_assert_cmpstr (in->instance_type, ==, "t3.micro");
  g_assert_cmpstr (in->lifecycle_state, ==, "InService");
  in = am_auto_scaling_group_get_instances (web)->pdata[2];
  g_assert_cmpstr (in->lifecycle_state, ==, "Terminating");
  g_assert_cmpstr (in->health_status, ==, "Unhealthy");
  g_assert_cmpuint (am_auto_scaling_group_count_in_zone (web, "us-east-1a"), ==, 2);
  g_assert_cmpuint (am_auto_scaling_group_get_tags (web)->len, ==, 2);
  tag = am_auto_scaling_group_get_tags (web)->pdata[0];
  g_assert_cmpstr (tag->key, ==, "Team");
  g_assert_cmpstr (tag->value, ==, "blue & green");
  g_assert_true (tag->propagate_at_launch);
  tag = am_auto_scaling_group_get_tags (web)->pdata[1];
  g_assert_cmpstr (tag->value, ==, "");
  g_assert_false (tag->propagate_at_launch);
  created = g_date_time_format_iso8601 (am_auto_scaling_group_get_created_time (web));
  g_assert_true (g_str_has_prefix (created, "2026-03-15T18:21:09"));

  empty = groups->pdata[1];
  g_assert_cmpstr (am_auto_scaling_group_get_name (empty), ==, "empty");
  g_assert_nonnull (am_auto_scaling_group_get_availability_zones (empty));
  g_assert_null (am_auto_scaling_group_get_availability_zones (empty)[0]);
  g_assert_null (am_auto_scaling_group_get_subnet_ids (empty)[0]);
  g_assert_null (am_auto_scaling_group_get_created_time (empty));
}

static void
test_parse_bad (void)
{
  static const char *const bad[] = {
    /* truncated */
    "<DescribeAutoScalingGroupsResponse><DescribeAutoScalingGroupsResult><AutoScalingGroups><member>",
    /* another document */
    "<Response><Errors><Error><Code>InvalidAction</Code></Error></Errors></Response>",
    /* no result */
    "<DescribeAutoScalingGroupsResponse><ResponseMetadata/></DescribeAutoScalingGroupsResponse>",
    /* a bad number */
    "<DescribeAutoScalingGroupsResponse><DescribeAutoScalingGroupsResult><AutoScalingGroups><member>"
    "<AutoScalingGroupName>x</AutoScalingGroupName><MinSize>-2</MinSize></member></AutoScalingGroups>"
    "</DescribeAutoScalingGroupsResult></DescribeAutoScalingGroupsResponse>",
    /* a group without a name */
    "<DescribeAutoScalingGroupsResponse><DescribeAutoScalingGroupsResult><AutoScalingGroups><member>"
    "<MinSize>1</MinSize></member></AutoScalingGroups></DescribeAutoScalingGroupsResult>"
    "</DescribeAutoScalingGroupsResponse>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GPtrArray) groups = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *token = NULL;

      g_test_message ("bad document %u", i);
      g_assert_false (am_auto_scaling_group_parse_describe (bad[i], strlen (bad[i]), &groups, &token, &error));
      g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE);
      g_assert_null (groups);
      g_assert_null (token);
    }
}

/* --- against the sandbox ----------------------------------------------------------------- */

typedef struct
{
  AmTestSandbox       *sandbox;
  const char          *url;
  AmEc2Client         *ec2;
  AmAutoScalingClient *asg;
  char                *template_id;
  char                *subnets[4];
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AmCredentials) credentials = am_credentials_new (ALICE_KEY, ALICE_SECRET, NULL, NULL);
  g_autoptr (AmCredentialsProvider) provider = am_credentials_provider_new_static (credentials);
  g_autoptr (AmQueryClient) query = NULL;
  g_autoptr (AmRunInstancesRequest) template_data = NULL;
  g_autoptr (AmLaunchTemplate) template = NULL;
  g_autoptr (GAsyncResult) r1 = NULL, r2 = NULL;
  g_autoptr (GPtrArray) subnets = NULL;

  /* @data: a --faults spec, or NULL */
  fixture->sandbox = am_test_sandbox_start ("amiable-autoscaling-XXXXXX", "--transition-ms", "60000",
                                            "--fault-seed", "7", data ? "--faults" : NULL, data, NULL);
  fixture->url = am_test_sandbox_get_url (fixture->sandbox);

  query = am_query_client_new (provider, "ec2", "us-east-1", fixture->url, &error);
  g_assert_no_error (error);
  am_query_client_set_max_attempts (query, data ? 10 : 1);
  am_query_client_set_backoff_base_ms (query, 5);
  fixture->ec2 = am_ec2_client_new (query);
  fixture->asg = am_autoscaling_client_new_for_ec2_client (fixture->ec2, &error);
  g_assert_no_error (error);

  template_data = am_run_instances_request_new ("resolve:ssm:/aws/service/ami-amazon-linux-latest/"
                                                "al2023-ami-kernel-default-x86_64", "t3.micro");
  am_ec2_client_create_launch_template_async (fixture->ec2, "web-template", "v1", template_data, FALSE, NULL,
                                              am_test_result_cb, &r1);
  WAIT (r1);
  g_assert_true (am_ec2_client_create_launch_template_finish (fixture->ec2, r1, &template, NULL, &error));
  g_assert_no_error (error);
  fixture->template_id = g_strdup (am_launch_template_get_launch_template_id (template));

  am_ec2_client_describe_subnets_async (fixture->ec2, NULL, NULL, NULL, am_test_result_cb, &r2);
  WAIT (r2);
  subnets = am_ec2_client_describe_subnets_finish (fixture->ec2, r2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (subnets->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    fixture->subnets[i] = g_strdup (am_subnet_get_subnet_id (subnets->pdata[i]));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->asg);
  g_clear_object (&fixture->ec2);
  g_clear_pointer (&fixture->sandbox, am_test_sandbox_stop);
  g_free (fixture->template_id);
  for (guint i = 0; i < 3; i++)
    g_free (fixture->subnets[i]);
}

static gboolean
create_group (Fixture    *fixture,
              const char *name,
              gint        min_size,
              gint        max_size,
              gint        desired,
              const char *template_id,
              GPtrArray  *tags,
              GError    **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  AmCreateAutoScalingGroupRequest request = {
    .name = name,
    .launch_template_id = template_id,
    .launch_template_version = "$Default",
    .min_size = min_size,
    .max_size = max_size,
    .desired_capacity = desired,
    .subnet_ids = (const char * const *) fixture->subnets,
    .tags = tags,
  };

  am_autoscaling_client_create_group_async (fixture->asg, &request, NULL, am_test_result_cb, &result);
  WAIT (result);
  return am_autoscaling_client_create_group_finish (fixture->asg, result, error);
}

static GPtrArray *
describe_groups (Fixture            *fixture,
                 const char * const *names,
                 guint               page_size,
                 guint              *n_pages)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *groups;

  am_autoscaling_client_describe_groups_async (fixture->asg, names, page_size, NULL, am_test_result_cb, &result);
  WAIT (result);
  groups = am_autoscaling_client_describe_groups_finish (fixture->asg, result, n_pages, &error);
  g_assert_no_error (error);
  return groups;
}

/* Instances of the group by zone, as EC2 itself sees them (tag filter, not terminated). */
static GHashTable *
instances_by_zone (Fixture    *fixture,
                   const char *group)
{
  g_autoptr (GPtrArray) filters = g_ptr_array_new_with_free_func ((GDestroyNotify) am_ec2_filter_free);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) instances = NULL;
  GHashTable *zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_ptr_array_add (filters, am_ec2_filter_new ("tag:" GROUP_TAG, group, NULL));
  g_ptr_array_add (filters, am_ec2_filter_new ("instance-state-name", "pending", "running", NULL));
  am_ec2_client_describe_instances_async (fixture->ec2, NULL, filters, NULL, am_test_result_cb, &result);
  WAIT (result);
  instances = am_ec2_client_describe_instances_finish (fixture->ec2, result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < instances->len; i++)
    {
      AmInstance *in = instances->pdata[i];
      const char *zone = am_instance_get_availability_zone (in);
      AmTag * const *tags = am_instance_get_tags (in);
      gboolean group_tag = FALSE, team_tag = FALSE, cost_tag = FALSE;

      for (guint j = 0; tags[j] != NULL; j++)
        {
          group_tag |= g_strcmp0 (am_tag_get_key (tags[j]), GROUP_TAG) == 0
                       && g_strcmp0 (am_tag_get_value (tags[j]), group) == 0;
          team_tag |= g_strcmp0 (am_tag_get_key (tags[j]), "Team") == 0;
          cost_tag |= g_strcmp0 (am_tag_get_key (tags[j]), "Cost") == 0;
        }
      g_assert_true (group_tag);
      g_assert_true (team_tag);    /* propagated */
      g_assert_false (cost_tag);   /* not propagated */
      g_hash_table_insert (zones, g_strdup (zone),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (zones, zone)) + 1));
    }
  return zones;
}

static void
assert_per_zone (GHashTable *zones,
                 guint       n_zones,
                 guint       per_zone)
{
  GHashTableIter iter;
  gpointer value;

  g_assert_cmpuint (g_hash_table_size (zones), ==, n_zones);
  g_hash_table_iter_init (&iter, zones);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_assert_cmpuint (GPOINTER_TO_UINT (value), ==, per_zone);
}

static void
test_spread (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (GPtrArray) tags = g_ptr_array_new_with_free_func ((GDestroyNotify) am_auto_scaling_tag_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GHashTable) zones = NULL;
  g_autoptr (GAsyncResult) r1 = NULL, r2 = NULL, r3 = NULL;
  const char *names[] = { "web", NULL };
  AmAutoScalingGroup *group;

  g_ptr_array_add (tags, am_auto_scaling_tag_new ("Team", "blue", TRUE));
  g_ptr_array_add (tags, am_auto_scaling_tag_new ("Cost", "42", FALSE));
  g_assert_true (create_group (fixture, "web", 1, 9, 6, fixture->template_id, tags, &error));
  g_assert_no_error (error);

  groups = describe_groups (fixture, names, 0, NULL);
  g_assert_cmpuint (groups->len, ==, 1);
  group = groups->pdata[0];
  g_assert_cmpstr (am_auto_scaling_group_get_name (group), ==, "web");
  g_assert_cmpstr (am_auto_scaling_group_get_launch_template_id (group), ==, fixture->template_id);
  g_assert_cmpstr (am_auto_scaling_group_get_launch_template_name (group), ==, "web-template");
  g_assert_cmpint (am_auto_scaling_group_get_desired_capacity (group), ==, 6);
  g_assert_cmpuint (g_strv_length ((char **) am_auto_scaling_group_get_availability_zones (group)), ==, 3);
  g_assert_cmpuint (g_strv_length ((char **) am_auto_scaling_group_get_subnet_ids (group)), ==, 3);
  g_assert_cmpuint (am_auto_scaling_group_get_instances (group)->len, ==, 6);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (am_auto_scaling_group_count_in_zone (group,
                                                           am_auto_scaling_group_get_availability_zones (group)[i]),
                      ==, 2);
  g_assert_cmpstr (((AmAutoScalingInstance *) am_auto_scaling_group_get_instances (group)->pdata[0])->lifecycle_state,
                   ==, "Pending");
  g_assert_nonnull (am_auto_scaling_group_get_created_time (group));

  zones = instances_by_zone (fixture, "web");
  assert_per_zone (zones, 3, 2);
  g_clear_pointer (&zones, g_hash_table_unref);

  /* Scaling in keeps the zones balanced. */
  am_autoscaling_client_update_group_async (fixture->asg, "web", -1, -1, 3, NULL, am_test_result_cb, &r1);
  WAIT (r1);
  g_assert_true (am_autoscaling_client_update_group_finish (fixture->asg, r1, &error));
  g_assert_no_error (error);
  zones = instances_by_zone (fixture, "web");
  assert_per_zone (zones, 3, 1);

  /* A group with instances needs ForceDelete. */
  am_autoscaling_client_delete_group_async (fixture->asg, "web", FALSE, NULL, am_test_result_cb, &r2);
  WAIT (r2);
  g_assert_false (am_autoscaling_client_delete_group_finish (fixture->asg, r2, &error));
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CLIENT);
  g_assert_cmpstr (am_aws_error_get_code (error), ==, "ResourceInUse");
  g_assert_true (g_str_has_prefix (error->message, "Could not delete the Auto Scaling group web: "));
  g_clear_error (&error);

  am_autoscaling_client_delete_group_async (fixture->asg, "web", TRUE, NULL, am_test_result_cb, &r3);
  WAIT (r3);
  g_assert_true (am_autoscaling_client_delete_group_finish (fixture->asg, r3, &error));
  g_assert_no_error (error);
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = describe_groups (fixture, NULL, 0, NULL);
  g_assert_cmpuint (groups->len, ==, 0);
  g_clear_pointer (&zones, g_hash_table_unref);
  zones = instances_by_zone (fixture, "web");
  g_assert_cmpuint (g_hash_table_size (zones), ==, 0);
}

static void
assert_create_fails (Fixture    *fixture,
                     const char *name,
                     gint        min_size,
                     gint        max_size,
                     gint        desired,
                     const char *template_id,
                     const char *code)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *prefix = g_strdup_printf ("Could not create the Auto Scaling group %s: ", name);

  g_assert_false (create_group (fixture, name, min_size, max_size, desired, template_id, NULL, &error));
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CLIENT);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (am_aws_error_get_code (error), ==, code);
  g_assert_nonnull (am_aws_error_get_request_id (error));
  g_assert_cmpuint (am_aws_error_get_http_status (error), ==, 400);
  g_assert_true (g_str_has_prefix (error->message, prefix));
}

static void
test_errors_and_pages (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GAsyncResult) r1 = NULL;
  guint n_pages = 0;

  g_assert_true (create_group (fixture, "a", 0, 2, 0, fixture->template_id, NULL, &error));
  g_assert_no_error (error);
  assert_create_fails (fixture, "a", 0, 2, 0, fixture->template_id, "AlreadyExists");
  assert_create_fails (fixture, "b", 1, 2, 3, fixture->template_id, "ValidationError");
  assert_create_fails (fixture, "b", 3, 2, 2, fixture->template_id, "ValidationError");
  assert_create_fails (fixture, "b", 1, 2, 1, "lt-0123456789abcdef0", "ValidationError");

  am_autoscaling_client_update_group_async (fixture->asg, "missing", -1, 3, -1, NULL, am_test_result_cb, &r1);
  WAIT (r1);
  g_assert_false (am_autoscaling_client_update_group_finish (fixture->asg, r1, &error));
  g_assert_cmpstr (am_aws_error_get_code (error), ==, "ValidationError");
  g_assert_true (g_str_has_prefix (error->message, "Could not update the Auto Scaling group missing: "));
  g_clear_error (&error);

  g_assert_true (create_group (fixture, "b", 0, 2, 0, fixture->template_id, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (create_group (fixture, "c", 0, 2, 1, fixture->template_id, NULL, &error));
  g_assert_no_error (error);
  groups = describe_groups (fixture, NULL, 1, &n_pages);
  g_assert_cmpuint (n_pages, ==, 3);
  g_assert_cmpuint (groups->len, ==, 3);
  g_assert_cmpstr (am_auto_scaling_group_get_name (groups->pdata[0]), ==, "a");
  g_assert_cmpstr (am_auto_scaling_group_get_name (groups->pdata[2]), ==, "c");
  g_assert_cmpuint (am_auto_scaling_group_get_instances (groups->pdata[2])->len, ==, 1);
}

/* Throttled calls are retried and never launch twice: exactly the desired capacity. */
static void
test_throttled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GHashTable) zones = NULL;
  g_autoptr (GPtrArray) tags = g_ptr_array_new_with_free_func ((GDestroyNotify) am_auto_scaling_tag_free);

  g_ptr_array_add (tags, am_auto_scaling_tag_new ("Team", "blue", TRUE));
  g_assert_true (create_group (fixture, "web", 6, 6, 6, fixture->template_id, tags, &error));
  g_assert_no_error (error);
  groups = describe_groups (fixture, NULL, 0, NULL);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpuint (am_auto_scaling_group_get_instances (groups->pdata[0])->len, ==, 6);
  zones = instances_by_zone (fixture, "web");
  assert_per_zone (zones, 3, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/autoscaling/parse", test_parse);
  g_test_add_func ("/autoscaling/parse-bad", test_parse_bad);
  g_test_add ("/autoscaling/sandbox/spread", Fixture, NULL, fixture_setup, test_spread, fixture_teardown);
  g_test_add ("/autoscaling/sandbox/errors-and-pages", Fixture, NULL, fixture_setup, test_errors_and_pages,
              fixture_teardown);
  g_test_add ("/autoscaling/sandbox/throttled", Fixture, "throttle=0.4", fixture_setup, test_throttled,
              fixture_teardown);

  return g_test_run ();
}
