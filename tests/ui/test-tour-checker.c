/* test-tour-checker.c: the tour's steps tick from the sandbox's state when done with awscli
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-tour-checker"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "am-sandbox-process.h"
#include "am-tour-checker.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"

/* Every step is done outside Amiable, with Debian's awscli signing its own requests; the
 * checker reads the state through Amiable's EC2 client and must tick exactly what was done. */

typedef struct
{
  AmSandboxProcess *sandbox;
  AmSession        *alice;
  AmSession        *bob;
  char             *progress;
} Fixture;

static Fixture fx;

static JsonNode *
aws (const char *account,
     ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) env = NULL;
  gboolean bob = g_str_equal (account, "bob");
  int status = 0;
  va_list args;
  const char *arg;

  g_ptr_array_add (argv, (char *) "/usr/bin/aws");
  g_ptr_array_add (argv, (char *) "--endpoint-url");
  g_ptr_array_add (argv, (char *) am_sandbox_process_get_endpoint (fx.sandbox));
  g_ptr_array_add (argv, (char *) "--output");
  g_ptr_array_add (argv, (char *) "json");
  va_start (args, account);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  env = g_get_environ ();
  env = g_environ_setenv (env, "AWS_ACCESS_KEY_ID", bob ? AM_SANDBOX_BOB_ACCESS_KEY : AM_SANDBOX_ALICE_ACCESS_KEY, TRUE);
  env = g_environ_setenv (env, "AWS_SECRET_ACCESS_KEY", bob ? AM_SANDBOX_BOB_SECRET_KEY : AM_SANDBOX_ALICE_SECRET_KEY, TRUE);
  env = g_environ_setenv (env, "AWS_DEFAULT_REGION", "us-east-1", TRUE);
  env = g_environ_setenv (env, "AWS_CONFIG_FILE", "/dev/null", TRUE);
  env = g_environ_setenv (env, "AWS_SHARED_CREDENTIALS_FILE", "/dev/null", TRUE);
  env = g_environ_setenv (env, "AWS_PAGER", "", TRUE);
  env = g_environ_setenv (env, "AWS_MAX_ATTEMPTS", "1", TRUE);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error))
    g_error ("could not run awscli: %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("awscli %s failed: %s", (char *) argv->pdata[5], err);
  if (out == NULL || *g_strstrip (out) == '\0')
    return NULL;
  return json_from_string (out, &error);
}

static const char *
member (JsonNode   *node,
        const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, ".", -1);

  for (guint i = 0; parts[i] != NULL && node != NULL; i++)
    {
      if (g_ascii_isdigit (parts[i][0]))
        node = json_array_get_element (json_node_get_array (node), atoi (parts[i]));
      else
        node = json_object_get_member (json_node_get_object (node), parts[i]);
    }
  return node != NULL ? json_node_get_string (node) : NULL;
}

static void
check (AmTourChecker *checker,
       AmSession     *session)
{
  const char *account = session == fx.bob ? AM_SANDBOX_BOB_ACCOUNT_ID : AM_SANDBOX_ALICE_ACCOUNT_ID;
  AmUiTestWait wait = { NULL, };
  g_autoptr (GError) error = NULL;

  am_tour_checker_check_async (checker, am_session_get_client (session), account,
                               NULL, am_ui_test_wait_cb, &wait);
  g_assert_true (am_tour_checker_check_finish (checker, am_ui_test_wait_for_result (&wait, 60000), &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);
}

/* The steps done so far are exactly @n_done from the start of the list. */
static void
assert_done_up_to (AmTourChecker *checker,
                   AmTourStep     first_not_done)
{
  for (guint s = 0; s < AM_TOUR_N_STEPS; s++)
    if (s < first_not_done)
      g_assert_true (am_tour_checker_is_done (checker, s));
    else if (s != AM_TOUR_STEP_ANATOMY)
      g_assert_false (am_tour_checker_is_done (checker, s));
}

static char *
wait_instance_running (const char *instance_id)
{
  for (guint i = 0; i < 120; i++)
    {
      g_autoptr (JsonNode) out = aws ("alice", "ec2", "describe-instances", "--instance-ids", instance_id, NULL);

      if (g_strcmp0 (member (out, "Reservations.0.Instances.0.State.Name"), "running") == 0)
        return g_strdup (member (out, "Reservations.0.Instances.0.Placement.AvailabilityZone"));
      g_usleep (250000);
    }
  g_error ("instance %s never ran", instance_id);
}

static void
test_steps_outside_the_tour (void)
{
  g_autoptr (AmTourChecker) checker = am_tour_checker_new (fx.progress);
  g_autoptr (JsonNode) images = NULL;
  g_autoptr (JsonNode) run = NULL;
  g_autoptr (JsonNode) created = NULL;
  g_autoptr (JsonNode) subnets = NULL;
  g_autoptr (JsonNode) described = NULL;
  g_autofree char *instance_id = NULL;
  g_autofree char *image_id = NULL;
  g_autofree char *snapshot_id = NULL;
  g_autofree char *zone_a = NULL;
  g_autofree char *subnet_b = NULL;
  JsonArray *subnet_list;

  /* A fresh sandbox: alice's own seeded images were not made from an instance, so nothing is done. */
  check (checker, fx.alice);
  assert_done_up_to (checker, 0);
  am_tour_checker_mark_read (checker, AM_TOUR_STEP_ANATOMY);
  g_assert_true (am_tour_checker_is_done (checker, AM_TOUR_STEP_ANATOMY));

  /* Launch: finding an image is shown by the launch. */
  images = aws ("alice", "ec2", "describe-images", "--owners", "amazon", "--filters",
                "Name=name,Values=al2023-ami-2023*-x86_64", "Name=root-device-type,Values=ebs", NULL);
  g_assert_nonnull (member (images, "Images.0.ImageId"));
  run = aws ("alice", "ec2", "run-instances", "--image-id", member (images, "Images.0.ImageId"),
             "--instance-type", "t3.micro", "--count", "1", NULL);
  instance_id = g_strdup (member (run, "Instances.0.InstanceId"));
  g_assert_nonnull (instance_id);
  check (checker, fx.alice);
  assert_done_up_to (checker, AM_TOUR_STEP_TAG);

  /* A Name tag is not yet "configured"; another tag is. */
  g_clear_pointer (&run, json_node_unref);
  run = aws ("alice", "ec2", "create-tags", "--resources", instance_id, "--tags", "Key=Name,Value=web", NULL);
  check (checker, fx.alice);
  assert_done_up_to (checker, AM_TOUR_STEP_TAG);
  g_clear_pointer (&run, json_node_unref);
  run = aws ("alice", "ec2", "create-tags", "--resources", instance_id, "--tags", "Key=Environment,Value=demo", NULL);
  check (checker, fx.alice);
  assert_done_up_to (checker, AM_TOUR_STEP_CREATE_IMAGE);

  /* Your own image from the instance. */
  zone_a = wait_instance_running (instance_id);
  created = aws ("alice", "ec2", "create-image", "--instance-id", instance_id, "--name", "tour-web-1", NULL);
  image_id = g_strdup (member (created, "ImageId"));
  for (guint i = 0; i < 120; i++)
    {
      g_clear_pointer (&described, json_node_unref);
      described = aws ("alice", "ec2", "describe-images", "--image-ids", image_id, NULL);
      if (g_strcmp0 (member (described, "Images.0.State"), "available") == 0)
        break;
      g_usleep (250000);
    }
  snapshot_id = g_strdup (member (described, "Images.0.BlockDeviceMappings.0.Ebs.SnapshotId"));
  g_assert_nonnull (snapshot_id);
  check (checker, fx.alice);
  assert_done_up_to (checker, AM_TOUR_STEP_TWO_ZONES);

  /* That image in two zones: one in the first zone is not enough. */
  subnets = aws ("alice", "ec2", "describe-subnets", NULL);
  subnet_list = json_object_get_array_member (json_node_get_object (subnets), "Subnets");
  {
    g_autofree char *subnet_a = NULL;

    for (guint i = 0; i < json_array_get_length (subnet_list); i++)
      {
        JsonObject *subnet = json_array_get_object_element (subnet_list, i);
        const char *zone = json_object_get_string_member (subnet, "AvailabilityZone");

        if (subnet_a == NULL && g_strcmp0 (zone, zone_a) == 0)
          subnet_a = g_strdup (json_object_get_string_member (subnet, "SubnetId"));
        else if (subnet_b == NULL && g_strcmp0 (zone, zone_a) != 0)
          subnet_b = g_strdup (json_object_get_string_member (subnet, "SubnetId"));
      }
    g_assert_nonnull (subnet_a);
    g_assert_nonnull (subnet_b);
    g_clear_pointer (&run, json_node_unref);
    run = aws ("alice", "ec2", "run-instances", "--image-id", image_id, "--instance-type", "t3.micro",
               "--subnet-id", subnet_a, NULL);
    check (checker, fx.alice);
    assert_done_up_to (checker, AM_TOUR_STEP_TWO_ZONES);
  }
  g_clear_pointer (&run, json_node_unref);
  run = aws ("alice", "ec2", "run-instances", "--image-id", image_id, "--instance-type", "t3.micro",
             "--subnet-id", subnet_b, NULL);
  check (checker, fx.alice);
  assert_done_up_to (checker, AM_TOUR_STEP_SHARE);

  /* Share with bob, then see it from bob's side (only bob's own view ticks that). */
  g_clear_pointer (&run, json_node_unref);
  run = aws ("alice", "ec2", "modify-image-attribute", "--image-id", image_id,
             "--launch-permission", "Add=[{UserId=" AM_SANDBOX_BOB_ACCOUNT_ID "}]", NULL);
  check (checker, fx.alice);
  assert_done_up_to (checker, AM_TOUR_STEP_BOB_SEES);
  check (checker, fx.bob);
  assert_done_up_to (checker, AM_TOUR_STEP_DEPRECATE);

  /* Deprecation. */
  g_clear_pointer (&run, json_node_unref);
  run = aws ("alice", "ec2", "enable-image-deprecation", "--image-id", image_id,
             "--deprecate-at", "2030-01-01T00:00:00Z", NULL);
  check (checker, fx.alice);
  assert_done_up_to (checker, AM_TOUR_STEP_AUTO_SCALING);

  /* A template alone is not enough; a group launching from it is. */
  g_clear_pointer (&run, json_node_unref);
  {
    g_autofree char *data = g_strdup_printf ("{\"ImageId\":\"%s\",\"InstanceType\":\"t3.micro\"}", image_id);
    g_autofree char *zones = g_strdup_printf ("%s", subnet_b);

    run = aws ("alice", "ec2", "create-launch-template", "--launch-template-name", "tour-web",
               "--launch-template-data", data, NULL);
    check (checker, fx.alice);
    assert_done_up_to (checker, AM_TOUR_STEP_AUTO_SCALING);
    g_clear_pointer (&run, json_node_unref);
    run = aws ("alice", "autoscaling", "create-auto-scaling-group", "--auto-scaling-group-name", "tour-web",
               "--launch-template", "LaunchTemplateName=tour-web", "--min-size", "0", "--max-size", "2",
               "--desired-capacity", "0", "--vpc-zone-identifier", zones, NULL);
  }
  check (checker, fx.alice);
  assert_done_up_to (checker, AM_TOUR_STEP_DEREGISTER);

  /* Deregistered but its snapshot kept: not yet; with the snapshot deleted: done. */
  g_clear_pointer (&run, json_node_unref);
  run = aws ("alice", "ec2", "deregister-image", "--image-id", image_id, NULL);
  check (checker, fx.alice);
  assert_done_up_to (checker, AM_TOUR_STEP_DEREGISTER);
  g_clear_pointer (&run, json_node_unref);
  run = aws ("alice", "ec2", "delete-snapshot", "--snapshot-id", snapshot_id, NULL);
  check (checker, fx.alice);
  assert_done_up_to (checker, AM_TOUR_N_STEPS);
  g_assert_cmpint (am_tour_checker_get_current (checker), ==, AM_TOUR_N_STEPS);

  /* The progress is kept, and a reset forgets it. */
  {
    g_autoptr (AmTourChecker) again = am_tour_checker_new (fx.progress);

    g_assert_cmpuint (am_tour_checker_get_n_done (again), ==, AM_TOUR_N_STEPS);
    am_tour_checker_reset (again);
    g_assert_cmpuint (am_tour_checker_get_n_done (again), ==, 0);
  }
  {
    g_autoptr (AmTourChecker) after_reset = am_tour_checker_new (fx.progress);

    g_assert_cmpuint (am_tour_checker_get_n_done (after_reset), ==, 0);
  }
}

int
main (int    argc,
      char **argv)
{
  const char *extra[] = { "--transition-ms", "200", "--recycle-bin-days", "0", NULL };
  g_autofree char *dir = NULL;
  int ret;

  am_ui_test_init (&argc, &argv);
  fx.sandbox = am_ui_test_sandbox_start (extra);
  fx.alice = am_ui_test_sandbox_session (fx.sandbox, "alice");
  fx.bob = am_ui_test_sandbox_session (fx.sandbox, "bob");
  dir = g_dir_make_tmp ("amiable-tour-XXXXXX", NULL);
  fx.progress = g_build_filename (dir, "tour-progress.ini", NULL);

  g_test_add_func ("/tour/checker/steps-outside-the-tour", test_steps_outside_the_tour);
  ret = g_test_run ();

  g_unlink (fx.progress);
  g_rmdir (dir);
  g_free (fx.progress);
  g_clear_object (&fx.alice);
  g_clear_object (&fx.bob);
  g_clear_object (&fx.sandbox);
  return ret;
}
