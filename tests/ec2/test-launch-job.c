/* test-launch-job.c: AmLaunchJob against the real sandbox: zones, Retry of the failed ones, lost answers
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-launch-job"

#include "config.h"

#include "am-aws-error.h"
#include "am-ec2-client.h"
#include "am-launch-job.h"
#include "am-test-sandbox.h"
#include "test-launch-fixture.h"
#include "am-test-server.h"

#define ALICE_KEY    "AKIAIOSFODNN7SANDBOX"
#define ALICE_SECRET "sandbox/alice/wJalrXUtnFEMIK7MDENGbPxRfiCY"

static const char * const zones[] = { "us-east-1a", "us-east-1b", "us-east-1c", NULL };

typedef struct
{
  AmTestSandbox *sandbox;
  AmEc2Client   *client;
} Fixture;

#define WAIT(result) am_test_wait_result (&(result))

static void
fixture_start (Fixture    *fixture,
               const char *faults)
{
  g_autoptr (AmCredentials) credentials = am_credentials_new (ALICE_KEY, ALICE_SECRET, NULL, NULL);
  g_autoptr (AmCredentialsProvider) provider = am_credentials_provider_new_static (credentials);
  g_autoptr (AmQueryClient) query = NULL;
  g_autoptr (GError) error = NULL;

  fixture->sandbox = am_test_sandbox_start ("amiable-launch-job-XXXXXX", "--transition-ms", "50",
                                            "--fault-seed", "14",
                                            faults != NULL ? "--faults" : NULL, faults, NULL);
  query = am_query_client_new (provider, "ec2", "us-east-1", am_test_sandbox_get_url (fixture->sandbox),
                               &error);
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

/* What the job reported: the stages it went through and how often each zone was sent. */
typedef struct
{
  GString *stages;
  guint sent[8];
} Seen;

static void
zone_changed_cb (AmLaunchJob *job,
                 guint        index,
                 Seen        *seen)
{
  g_assert_cmpuint (index, <, G_N_ELEMENTS (seen->sent));
  if (am_launch_job_get_zone_state (job, index) == AM_LAUNCH_ZONE_RUNNING)
    seen->sent[index]++;
}

static void
stage_cb (AmLaunchJob *job,
          GParamSpec  *pspec,
          Seen        *seen)
{
  static const char * const names[] = { "idle", "group", "ports", "launch" };

  g_string_append_printf (seen->stages, "%s%s", seen->stages->len > 0 ? " " : "",
                          names[am_launch_job_get_stage (job)]);
}

static gboolean
run_job (AmLaunchJob  *job,
         GError      **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  am_launch_job_run_async (job, NULL, am_test_result_cb, &result);
  WAIT (result);
  g_assert_false (am_launch_job_get_running (job));
  return am_launch_job_run_finish (job, result, error);
}

/* The instances the sandbox holds with @name. */
static GPtrArray *
instances_named (Fixture    *fixture,
                 const char *name)
{
  g_autoptr (GPtrArray) filters = test_filters_of ("tag:Name", name);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *instances;

  am_ec2_client_describe_instances_async (fixture->client, NULL, filters, NULL, am_test_result_cb, &result);
  WAIT (result);
  instances = am_ec2_client_describe_instances_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  return instances;
}

static guint
groups_named (Fixture    *fixture,
              const char *name)
{
  g_autoptr (GPtrArray) filters = test_filters_of ("group-name", name);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) groups = NULL;

  am_ec2_client_describe_security_groups_async (fixture->client, NULL, filters, NULL, am_test_result_cb, &result);
  WAIT (result);
  groups = am_ec2_client_describe_security_groups_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  return groups->len;
}

/* Every zone done, its instances in its subnet and carrying its token; the sandbox holds
 * exactly @count instances of @name, no more. */
static void
assert_launched (Fixture     *fixture,
                 AmLaunchJob *job,
                 const char  *name,
                 guint        count)
{
  g_autoptr (GPtrArray) landed = instances_named (fixture, name);
  guint total = 0;

  for (guint z = 0; z < am_launch_job_get_n_zones (job); z++)
    {
      GPtrArray *instances = am_launch_job_get_zone_instances (job, z);
      AmSubnet *subnet = am_launch_job_get_zone_subnet (job, z);

      g_assert_cmpint (am_launch_job_get_zone_state (job, z), ==, AM_LAUNCH_ZONE_DONE);
      g_assert_null (am_launch_job_get_zone_error (job, z));
      g_assert_nonnull (instances);
      g_assert_cmpuint (instances->len, ==, am_launch_job_get_zone_count (job, z));
      g_assert_nonnull (am_launch_job_get_zone_client_token (job, z));
      for (guint i = 0; i < instances->len; i++)
        {
          g_assert_cmpstr (am_instance_get_subnet_id (instances->pdata[i]), ==, am_subnet_get_subnet_id (subnet));
          g_assert_cmpstr (am_instance_get_client_token (instances->pdata[i]), ==,
                           am_launch_job_get_zone_client_token (job, z));
        }
      total += instances->len;
    }
  g_assert_cmpuint (total, ==, count);
  g_assert_cmpuint (am_launch_job_get_instances (job)->len, ==, count);
  g_test_message ("%s: %u instances in the sandbox", name, landed->len);
  g_assert_cmpuint (landed->len, ==, count);
}

/* Six instances over three zones with a new security group: the group is made and opened,
 * then one RunInstances per zone with its own token. */
static void
test_zones (void)
{
  Fixture fixture = { 0 };
  g_autoptr (AmLaunchRequest) request = NULL;
  g_autoptr (AmLaunchJob) job = NULL;
  g_autoptr (GError) error = NULL;
  Seen seen = { g_string_new (NULL), { 0 } };
  const char *group_id;

  fixture_start (&fixture, NULL);
  request = test_launch_request_new (fixture.client, "job-zones", 6, "job-zones-group");
  job = am_launch_job_new (fixture.client, request, "made by a test");
  g_signal_connect (job, "zone-changed", G_CALLBACK (zone_changed_cb), &seen);
  g_signal_connect (job, "notify::stage", G_CALLBACK (stage_cb), &seen);
  g_assert_cmpuint (am_launch_job_get_n_zones (job), ==, 3);
  for (guint z = 0; z < 3; z++)
    {
      g_assert_cmpint (am_launch_job_get_zone_state (job, z), ==, AM_LAUNCH_ZONE_WAITING);
      g_assert_cmpuint (am_launch_job_get_zone_count (job, z), ==, 2);
      g_assert_cmpstr (am_subnet_get_availability_zone (am_launch_job_get_zone_subnet (job, z)), ==, zones[z]);
    }

  g_assert_true (run_job (job, &error));
  g_assert_no_error (error);
  g_test_message ("stages: %s", seen.stages->str);
  g_assert_cmpstr (seen.stages->str, ==, "group ports launch idle");
  for (guint z = 0; z < 3; z++)
    g_assert_cmpuint (seen.sent[z], ==, 1);
  assert_launched (&fixture, job, "job-zones", 6);
  g_assert_null (am_launch_job_get_group_error (job));

  /* The new group is made once, and every instance is in it. */
  g_assert_cmpuint (groups_named (&fixture, "job-zones-group"), ==, 1);
  group_id = am_launch_request_get_created_group_id (request);
  g_assert_nonnull (group_id);
  for (guint i = 0; i < am_launch_job_get_instances (job)->len; i++)
    {
      AmInstance *instance = g_ptr_array_index (am_launch_job_get_instances (job), i);
      AmSecurityGroup * const *groups = am_instance_get_security_groups (instance);
      gboolean found = FALSE;

      for (guint g = 0; groups[g] != NULL; g++)
        found |= g_strcmp0 (am_security_group_get_group_id (groups[g]), group_id) == 0;
      g_assert_true (found);
    }

  /* The tokens differ between zones. */
  g_assert_cmpstr (am_launch_job_get_zone_client_token (job, 0), !=, am_launch_job_get_zone_client_token (job, 1));
  g_assert_cmpstr (am_launch_job_get_zone_client_token (job, 1), !=, am_launch_job_get_zone_client_token (job, 2));

  /* Running it again sends nothing: every zone is done. */
  g_assert_true (run_job (job, &error));
  g_assert_no_error (error);
  for (guint z = 0; z < 3; z++)
    g_assert_cmpuint (seen.sent[z], ==, 1);
  assert_launched (&fixture, job, "job-zones", 6);

  g_string_free (seen.stages, TRUE);
  g_clear_object (&job);
  fixture_stop (&fixture);
}

/* The first RunInstances is carried out but its answer is lost, and the client may not send
 * it twice by itself (one attempt): that zone fails, the others launch. Retry sends only that
 * zone, with the same token, and EC2 hands back the instances the lost answer had made. */
static void
test_retry_failed_zone (void)
{
  Fixture fixture = { 0 };
  g_autoptr (AmLaunchRequest) request = NULL;
  g_autoptr (AmLaunchJob) job = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *failed_token = NULL;
  g_autoptr (GPtrArray) landed = NULL;
  Seen seen = { g_string_new (NULL), { 0 } };
  guint failed = G_MAXUINT;

  fixture_start (&fixture, "drop-once=RunInstances");
  am_query_client_set_max_attempts (am_ec2_client_get_query_client (fixture.client), 1);
  request = test_launch_request_new (fixture.client, "job-retry", 5, NULL);
  job = am_launch_job_new (fixture.client, request, "made by a test");
  g_signal_connect (job, "zone-changed", G_CALLBACK (zone_changed_cb), &seen);
  g_signal_connect (job, "notify::stage", G_CALLBACK (stage_cb), &seen);

  g_assert_false (run_job (job, &error));
  g_assert_nonnull (error);
  g_test_message ("first run: %s", error->message);
  g_assert_cmpstr (seen.stages->str, ==, "launch idle");
  for (guint z = 0; z < 3; z++)
    {
      g_assert_cmpuint (seen.sent[z], ==, 1);
      if (am_launch_job_get_zone_state (job, z) == AM_LAUNCH_ZONE_FAILED)
        {
          g_assert_cmpuint (failed, ==, G_MAXUINT);
          failed = z;
          g_assert_nonnull (am_launch_job_get_zone_error (job, z));
          g_assert_cmpstr (am_launch_job_get_zone_error (job, z)->message, ==, error->message);
        }
      else
        g_assert_cmpint (am_launch_job_get_zone_state (job, z), ==, AM_LAUNCH_ZONE_DONE);
    }
  g_assert_cmpuint (failed, <, 3);
  failed_token = g_strdup (am_launch_job_get_zone_client_token (job, failed));
  g_assert_null (am_launch_job_get_group_error (job));

  /* The lost answer's launch was made: the sandbox holds every instance already. */
  landed = instances_named (&fixture, "job-retry");
  g_assert_cmpuint (landed->len, ==, 5);

  g_clear_error (&error);
  g_assert_true (run_job (job, &error));
  g_assert_no_error (error);
  for (guint z = 0; z < 3; z++)
    g_assert_cmpuint (seen.sent[z], ==, z == failed ? 2 : 1);
  g_assert_cmpstr (am_launch_job_get_zone_client_token (job, failed), ==, failed_token);
  assert_launched (&fixture, job, "job-retry", 5);

  g_string_free (seen.stages, TRUE);
  g_clear_object (&job);
  fixture_stop (&fixture);
}

/* Lost answers with the client's usual three attempts: RunInstances (a token) is sent again
 * by the client, AuthorizeSecurityGroupIngress is idempotent, and the security group made by
 * the lost CreateSecurityGroup is found by name. Nothing is made twice. */
static void
test_lost_answers (void)
{
  Fixture fixture = { 0 };
  g_autoptr (AmLaunchRequest) request = NULL;
  g_autoptr (AmLaunchJob) job = NULL;
  g_autoptr (GError) error = NULL;

  fixture_start (&fixture, "drop-once=RunInstances,drop-once=CreateSecurityGroup,"
                           "drop-once=AuthorizeSecurityGroupIngress");
  g_assert_cmpuint (am_query_client_get_max_attempts (am_ec2_client_get_query_client (fixture.client)), ==, 3);
  request = test_launch_request_new (fixture.client, "job-lost", 4, "job-lost-group");
  job = am_launch_job_new (fixture.client, request, "made by a test");

  g_assert_true (run_job (job, &error));
  g_assert_no_error (error);
  assert_launched (&fixture, job, "job-lost", 4);
  g_assert_cmpuint (groups_named (&fixture, "job-lost-group"), ==, 1);

  g_clear_object (&job);
  fixture_stop (&fixture);
}

/* Answers lost at random (a fixed seed): however often the job is run again until it has
 * launched everything, the sandbox ends with exactly the instances asked for and one group. */
static void
test_lost_at_random (void)
{
  Fixture fixture = { 0 };
  g_autoptr (AmLaunchRequest) request = NULL;
  g_autoptr (AmLaunchJob) job = NULL;
  guint runs = 0;
  gboolean done = FALSE;

  fixture_start (&fixture, "drop=0.4");
  /* Enough attempts that the lookups around the job get through. */
  am_query_client_set_max_attempts (am_ec2_client_get_query_client (fixture.client), 10);
  request = test_launch_request_new (fixture.client, "job-random", 7, "job-random-group");
  job = am_launch_job_new (fixture.client, request, "made by a test");
  while (!done)
    {
      g_autoptr (GError) error = NULL;

      g_assert_cmpuint (++runs, <=, 50);
      done = run_job (job, &error);
      if (!done)
        g_test_message ("run %u: %s", runs, error->message);
    }
  g_test_message ("launched after %u runs", runs);
  assert_launched (&fixture, job, "job-random", 7);
  g_assert_cmpuint (groups_named (&fixture, "job-random-group"), ==, 1);

  g_clear_object (&job);
  fixture_stop (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ec2/launch-job/zones", test_zones);
  g_test_add_func ("/ec2/launch-job/retry-failed-zone", test_retry_failed_zone);
  g_test_add_func ("/ec2/launch-job/lost-answers", test_lost_answers);
  g_test_add_func ("/ec2/launch-job/lost-at-random", test_lost_at_random);

  return g_test_run ();
}
