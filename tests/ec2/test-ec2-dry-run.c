/* test-ec2-dry-run.c: every mutating AmEc2Client call as a dry run against the real amiable-sandbox
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ec2-dry-run"

#include "config.h"

#include "am-aws-error.h"
#include "am-ec2-client.h"
#include "am-test-sandbox.h"
#include "am-test-server.h"

#define ALICE_KEY     "AKIAIOSFODNN7SANDBOX"
#define ALICE_SECRET  "sandbox/alice/wJalrXUtnFEMIK7MDENGbPxRfiCY"
#define BOB_ACCOUNT   "444455556666"
#define BOB_KEY       "AKIAI44QH8DHBSANDBOX"
#define BOB_SECRET    "sandbox/bob/je7MtGbClwBF2Zp9Utk/h3yCo8nvbE"
#define EC2_VERSION   "2016-11-15"

/* Names of the resources every case starts with, and of the ones a case asks for. */
#define TAKEN_NAME    "existing"
#define NEW_NAME      "dry-run"
#define MISSING_IMAGE "ami-0123456789abcdef0"

typedef struct
{
  AmTestSandbox *sandbox;
  const char    *url;
  AmEc2Client   *alice;
  AmEc2Client   *alice_europe;
  AmEc2Client   *bob;
  AmEc2Client   *bob_europe;

  /* alice's resources, made afresh for every case */
  char          *image_id;            /* alice-web-server: shared with bob, tagged, deprecation set */
  char          *protected_image_id;  /* alice-build-runner: deregistration protection, not shared */
  char          *snapshot_id;         /* the root snapshot of image_id */
  char          *instance_id;         /* running, launched from image_id with the key pair TAKEN_NAME */
  char          *group_id;            /* the security group TAKEN_NAME */
} Fixture;

#define WAIT(result) am_test_wait_result (&(result))

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

/* --- the state of the sandbox, as its Describe calls tell it ------------------------- */

static void
append_answer (GString       *state,
               const char    *who,
               AmEc2Client   *client,
               AmQueryParams *params)
{
  AmQueryClient *query = am_ec2_client_get_query_client (client);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GRegex) request_id = g_regex_new ("<requestId>[^<]*</requestId>", 0, 0, NULL);
  const char *image_id = am_query_params_get (params, "ImageId");
  const char *attribute = am_query_params_get (params, "Attribute");
  g_autofree char *text = NULL;
  g_autofree char *stable = NULL;
  g_auto (GStrv) elements = NULL;

  am_query_client_call_async (query, params, NULL, am_test_result_cb, &result);
  WAIT (result);
  body = am_query_client_call_finish (query, result, &error);
  g_string_append_printf (state, "== %s %s %s %s\n", who, am_query_params_get_action (params),
                          image_id ? image_id : "", attribute ? attribute : "");
  if (body == NULL)
    {
      /* after a real DeregisterImage the image's attributes are gone: that is a change too */
      g_string_append_printf (state, "error %s\n", am_aws_error_get_code (error));
      return;
    }
  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  stable = g_regex_replace_literal (request_id, text, -1, 0, "", 0, NULL);
  /* one element a line, so that a failure shows the element that changed */
  elements = g_strsplit (stable, "><", -1);
  for (guint i = 0; elements[i] != NULL; i++)
    g_string_append_printf (state, "%s%s%s\n", i > 0 ? "<" : "", elements[i], elements[i + 1] ? ">" : "");
}

/*
 * Everything a dry run could change, as raw XML (request ids aside), so that the comparison
 * does not depend on what the client's parsers keep: both accounts' images, snapshots,
 * instances, key pairs, groups (with their rules), templates and tags in both regions used,
 * and the attributes of alice's images and instance that those lists leave out.
 */
static char *
sandbox_state (Fixture *fixture)
{
  static const char *const actions[] = {
    "DescribeImages", "DescribeSnapshots", "DescribeInstances", "DescribeKeyPairs",
    "DescribeSecurityGroups", "DescribeLaunchTemplates", "DescribeTags",
  };
  static const char *const image_attributes[] = { "launchPermission", "lastLaunchedTime", "deregistrationProtection" };
  struct
  {
    const char  *who;
    AmEc2Client *client;
  } accounts[] = {
    { "alice us-east-1", fixture->alice },
    { "alice eu-west-1", fixture->alice_europe },
    { "bob us-east-1", fixture->bob },
    { "bob eu-west-1", fixture->bob_europe },
  };
  const char *images[] = { fixture->image_id, fixture->protected_image_id };
  GString *state = g_string_new (NULL);

  for (guint a = 0; a < G_N_ELEMENTS (accounts); a++)
    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      {
        g_autoptr (AmQueryParams) params = am_query_params_new (actions[i], EC2_VERSION);

        if (g_str_equal (actions[i], "DescribeImages") || g_str_equal (actions[i], "DescribeSnapshots"))
          am_query_params_add (params, "Owner.1", "self");
        if (g_str_equal (actions[i], "DescribeImages"))
          am_query_params_add_boolean (params, "IncludeDeprecated", TRUE);
        append_answer (state, accounts[a].who, accounts[a].client, params);
      }
  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    for (guint j = 0; j < G_N_ELEMENTS (image_attributes); j++)
      {
        g_autoptr (AmQueryParams) params = am_query_params_new ("DescribeImageAttribute", EC2_VERSION);

        am_query_params_add (params, "ImageId", images[i]);
        am_query_params_add (params, "Attribute", image_attributes[j]);
        append_answer (state, "alice us-east-1", fixture->alice, params);
      }
  {
    g_autoptr (AmQueryParams) params = am_query_params_new ("DescribeInstanceAttribute", EC2_VERSION);

    am_query_params_add (params, "InstanceId", fixture->instance_id);
    am_query_params_add (params, "Attribute", "disableApiTermination");
    append_answer (state, "alice us-east-1", fixture->alice, params);
  }
  return g_string_free (state, FALSE);
}

/* Fails on the first line that differs, under the heading of the answer it belongs to. */
static void
assert_same_state (const char *before,
                   const char *after)
{
  g_auto (GStrv) a = g_strsplit (before, "\n", -1);
  g_auto (GStrv) b = g_strsplit (after, "\n", -1);
  const char *heading = "";

  for (guint i = 0; a[i] != NULL || b[i] != NULL; i++)
    {
      if (a[i] != NULL && g_str_has_prefix (a[i], "== "))
        heading = a[i];
      if (g_strcmp0 (a[i], b[i]) != 0)
        {
          g_test_message ("the sandbox changed, in the answer to %s", heading);
          g_assert_cmpstr (b[i], ==, a[i]);
        }
      if (a[i] == NULL || b[i] == NULL)
        break;
    }
}

/* --- the fixture: a sandbox, four clients and alice's resources --------------------------- */

static void
find_alice_images (Fixture *fixture)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) images = NULL;

  am_describe_images_query_add_owner (query, "self");
  am_ec2_client_describe_images_async (fixture->alice, query, NULL, am_test_result_cb, &result);
  WAIT (result);
  images = am_ec2_client_describe_images_finish (fixture->alice, result, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < images->len; i++)
    {
      AmImage *image = images->pdata[i];
      AmBlockDeviceMapping *root = am_image_get_block_device_mappings (image)[0];

      if (g_str_has_prefix (am_image_get_name (image), "alice-web-server-"))
        {
          fixture->image_id = g_strdup (am_image_get_image_id (image));
          fixture->snapshot_id = g_strdup (am_block_device_mapping_get_snapshot_id (root));
        }
      else if (g_str_has_prefix (am_image_get_name (image), "alice-build-runner-"))
        fixture->protected_image_id = g_strdup (am_image_get_image_id (image));
    }
  g_assert_nonnull (fixture->image_id);
  g_assert_nonnull (fixture->snapshot_id);
  g_assert_nonnull (fixture->protected_image_id);
}

static void
wait_running (Fixture *fixture)
{
  const char *ids[] = { fixture->instance_id, NULL };
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) instances = NULL;

      am_ec2_client_describe_instances_async (fixture->alice, ids, NULL, NULL, am_test_result_cb, &result);
      WAIT (result);
      instances = am_ec2_client_describe_instances_finish (fixture->alice, result, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (instances->len, ==, 1);
      if (g_strcmp0 (am_instance_get_state_name (instances->pdata[0]), "running") == 0)
        return;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      am_test_wait_ms (20);
    }
}

/* What the dry runs act on, made for real; each dry run must then leave it as it is. */
static void
make_alice_resources (Fixture *fixture)
{
  g_autoptr (GAsyncResult) r_dep = NULL, r_key = NULL, r_group = NULL, r_template = NULL, r_run = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) in_a_month = g_date_time_add_days (now, 30);
  g_autoptr (AmRunInstancesRequest) template_data = NULL;
  g_autoptr (AmRunInstancesRequest) run = NULL;
  g_autoptr (AmLaunchTemplate) template = NULL;
  g_autoptr (GPtrArray) instances = NULL;

  find_alice_images (fixture);

  /* so that DisableImageDeprecation has something to undo */
  am_ec2_client_enable_image_deprecation_async (fixture->alice, fixture->image_id, in_a_month, FALSE, NULL,
                                                am_test_result_cb, &r_dep);
  WAIT (r_dep);
  g_assert_true (am_ec2_client_enable_image_deprecation_finish (fixture->alice, r_dep, NULL, &error));
  g_assert_no_error (error);

  am_ec2_client_create_key_pair_async (fixture->alice, TAKEN_NAME, "ed25519", NULL, FALSE, NULL,
                                       am_test_result_cb, &r_key);
  WAIT (r_key);
  g_assert_true (am_ec2_client_create_key_pair_finish (fixture->alice, r_key, NULL, NULL, &error));
  g_assert_no_error (error);

  am_ec2_client_create_security_group_async (fixture->alice, TAKEN_NAME, "made by the fixture", NULL, FALSE,
                                             NULL, am_test_result_cb, &r_group);
  WAIT (r_group);
  g_assert_true (am_ec2_client_create_security_group_finish (fixture->alice, r_group, &fixture->group_id, NULL,
                                                             &error));
  g_assert_no_error (error);

  template_data = am_run_instances_request_new (fixture->image_id, "t3.micro");
  am_ec2_client_create_launch_template_async (fixture->alice, TAKEN_NAME, "v1", template_data, FALSE, NULL,
                                              am_test_result_cb, &r_template);
  WAIT (r_template);
  g_assert_true (am_ec2_client_create_launch_template_finish (fixture->alice, r_template, &template, NULL,
                                                              &error));
  g_assert_no_error (error);

  run = am_run_instances_request_new (fixture->image_id, "t3.micro");
  run->key_name = g_strdup (TAKEN_NAME);
  am_ec2_client_run_instances_async (fixture->alice, run, FALSE, NULL, am_test_result_cb, &r_run);
  WAIT (r_run);
  g_assert_true (am_ec2_client_run_instances_finish (fixture->alice, r_run, &instances, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (instances->len, ==, 1);
  fixture->instance_id = g_strdup (am_instance_get_instance_id (instances->pdata[0]));
  wait_running (fixture);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->sandbox = am_test_sandbox_start ("amiable-ec2-dry-run-XXXXXX", "--transition-ms", "20", NULL);
  fixture->url = am_test_sandbox_get_url (fixture->sandbox);
  fixture->alice = client_for (fixture, ALICE_KEY, ALICE_SECRET, "us-east-1");
  fixture->alice_europe = client_for (fixture, ALICE_KEY, ALICE_SECRET, "eu-west-1");
  fixture->bob = client_for (fixture, BOB_KEY, BOB_SECRET, "us-east-1");
  fixture->bob_europe = client_for (fixture, BOB_KEY, BOB_SECRET, "eu-west-1");
  make_alice_resources (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->alice);
  g_clear_object (&fixture->alice_europe);
  g_clear_object (&fixture->bob);
  g_clear_object (&fixture->bob_europe);
  g_clear_pointer (&fixture->sandbox, am_test_sandbox_stop);
  g_free (fixture->image_id);
  g_free (fixture->protected_image_id);
  g_free (fixture->snapshot_id);
  g_free (fixture->instance_id);
  g_free (fixture->group_id);
}

/* --- one start and one finish per operation ------------------------------------------- */

typedef void (*StartFunc) (Fixture            *fixture,
                           AmEc2Client        *client,
                           const char         *target,
                           gboolean            dry_run,
                           GAsyncReadyCallback callback,
                           gpointer            user_data);

typedef gboolean (*FinishFunc) (AmEc2Client  *client,
                                GAsyncResult *result,
                                gboolean     *dry_run_ok,
                                GError      **error);

/* An out value is set by a real success only: a dry run leaves it NULL. */
#define ASSERT_OUT_VALUE(ok, dry_run_ok, value) \
  g_assert_true (((ok) && !*(dry_run_ok)) == ((value) != NULL))

static void
start_create_image (Fixture            *fixture,
                    AmEc2Client        *client,
                    const char         *target,
                    gboolean            dry_run,
                    GAsyncReadyCallback callback,
                    gpointer            user_data)
{
  am_ec2_client_create_image_async (client, target, NEW_NAME, "made by the dry-run test", TRUE, NULL, NULL,
                                    dry_run, NULL, callback, user_data);
}

static gboolean
finish_create_image (AmEc2Client  *client,
                     GAsyncResult *result,
                     gboolean     *dry_run_ok,
                     GError      **error)
{
  g_autofree char *image_id = NULL;
  gboolean ok = am_ec2_client_create_image_finish (client, result, &image_id, dry_run_ok, error);

  ASSERT_OUT_VALUE (ok, dry_run_ok, image_id);
  return ok;
}

static void
start_register_image (Fixture            *fixture,
                      AmEc2Client        *client,
                      const char         *target,
                      gboolean            dry_run,
                      GAsyncReadyCallback callback,
                      gpointer            user_data)
{
  g_autoptr (GPtrArray) devices = g_ptr_array_new_with_free_func ((GDestroyNotify) am_block_device_spec_free);
  AmBlockDeviceSpec *root = am_block_device_spec_new ("/dev/xvda");

  root->snapshot_id = g_strdup (target);
  g_ptr_array_add (devices, root);
  am_ec2_client_register_image_async (client, NEW_NAME, NULL, NULL, "x86_64", "/dev/xvda", devices, "hvm", NULL,
                                      TRUE, NULL, NULL, dry_run, NULL, callback, user_data);
}

static gboolean
finish_register_image (AmEc2Client  *client,
                       GAsyncResult *result,
                       gboolean     *dry_run_ok,
                       GError      **error)
{
  g_autofree char *image_id = NULL;
  gboolean ok = am_ec2_client_register_image_finish (client, result, &image_id, dry_run_ok, error);

  ASSERT_OUT_VALUE (ok, dry_run_ok, image_id);
  return ok;
}

static void
start_deregister_image (Fixture            *fixture,
                        AmEc2Client        *client,
                        const char         *target,
                        gboolean            dry_run,
                        GAsyncReadyCallback callback,
                        gpointer            user_data)
{
  am_ec2_client_deregister_image_async (client, target, TRUE, dry_run, NULL, callback, user_data);
}

/* CopyImage goes to the destination region: eu-west-1, from the caller's us-east-1. */
static void
start_copy_image (Fixture            *fixture,
                  AmEc2Client        *client,
                  const char         *target,
                  gboolean            dry_run,
                  GAsyncReadyCallback callback,
                  gpointer            user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AmEc2Client) europe = am_ec2_client_new_for_region (client, "eu-west-1", &error);
  g_autoptr (AmCopyImageRequest) request = am_copy_image_request_new (target, "us-east-1", NEW_NAME);

  g_assert_no_error (error);
  am_ec2_client_copy_image_async (europe, request, dry_run, NULL, callback, user_data);
}

static gboolean
finish_copy_image (AmEc2Client  *client,
                   GAsyncResult *result,
                   gboolean     *dry_run_ok,
                   GError      **error)
{
  g_autofree char *image_id = NULL;
  gboolean ok = am_ec2_client_copy_image_finish (client, result, &image_id, dry_run_ok, error);

  ASSERT_OUT_VALUE (ok, dry_run_ok, image_id);
  return ok;
}

static void
start_modify_launch_permission (Fixture            *fixture,
                                AmEc2Client        *client,
                                const char         *target,
                                gboolean            dry_run,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  const char *bob[] = { BOB_ACCOUNT, NULL };

  am_ec2_client_modify_launch_permission_async (client, target, AM_LAUNCH_PERMISSION_REMOVE, bob, FALSE, NULL,
                                                NULL, dry_run, NULL, callback, user_data);
}

static void
start_modify_image_description (Fixture            *fixture,
                                AmEc2Client        *client,
                                const char         *target,
                                gboolean            dry_run,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  am_ec2_client_modify_image_description_async (client, target, "changed by the dry-run test", dry_run, NULL,
                                                callback, user_data);
}

static void
start_reset_image_attribute (Fixture            *fixture,
                             AmEc2Client        *client,
                             const char         *target,
                             gboolean            dry_run,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  am_ec2_client_reset_image_attribute_async (client, target, "launchPermission", dry_run, NULL, callback,
                                             user_data);
}

static void
start_create_tags (Fixture            *fixture,
                   AmEc2Client        *client,
                   const char         *target,
                   gboolean            dry_run,
                   GAsyncReadyCallback callback,
                   gpointer            user_data)
{
  const char *ids[] = { target, NULL };
  const char *keys[] = { "Stage", NULL };
  const char *values[] = { "dry-run", NULL };

  am_ec2_client_create_tags_async (client, ids, keys, values, dry_run, NULL, callback, user_data);
}

/* The seeded web-server image carries Environment=staging. */
static void
start_delete_tags (Fixture            *fixture,
                   AmEc2Client        *client,
                   const char         *target,
                   gboolean            dry_run,
                   GAsyncReadyCallback callback,
                   gpointer            user_data)
{
  const char *ids[] = { target, NULL };
  const char *keys[] = { "Environment", NULL };

  am_ec2_client_delete_tags_async (client, ids, keys, NULL, dry_run, NULL, callback, user_data);
}

/* Two months, not the fixture's one, so that the real call changes the time. */
static void
start_enable_image_deprecation (Fixture            *fixture,
                                AmEc2Client        *client,
                                const char         *target,
                                gboolean            dry_run,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) later = g_date_time_add_days (now, 60);

  am_ec2_client_enable_image_deprecation_async (client, target, later, dry_run, NULL, callback, user_data);
}

static void
start_disable_image_deprecation (Fixture            *fixture,
                                 AmEc2Client        *client,
                                 const char         *target,
                                 gboolean            dry_run,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  am_ec2_client_disable_image_deprecation_async (client, target, dry_run, NULL, callback, user_data);
}

static void
start_enable_deregistration_protection (Fixture            *fixture,
                                        AmEc2Client        *client,
                                        const char         *target,
                                        gboolean            dry_run,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data)
{
  am_ec2_client_enable_deregistration_protection_async (client, target, TRUE, dry_run, NULL, callback, user_data);
}

static void
start_disable_deregistration_protection (Fixture            *fixture,
                                         AmEc2Client        *client,
                                         const char         *target,
                                         gboolean            dry_run,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data)
{
  am_ec2_client_disable_deregistration_protection_async (client, target, dry_run, NULL, callback, user_data);
}

static void
start_run_instances (Fixture            *fixture,
                     AmEc2Client        *client,
                     const char         *target,
                     gboolean            dry_run,
                     GAsyncReadyCallback callback,
                     gpointer            user_data)
{
  g_autoptr (AmRunInstancesRequest) request = am_run_instances_request_new (target, "t3.micro");

  request->key_name = g_strdup (TAKEN_NAME);
  am_ec2_client_run_instances_async (client, request, dry_run, NULL, callback, user_data);
}

static gboolean
finish_run_instances (AmEc2Client  *client,
                      GAsyncResult *result,
                      gboolean     *dry_run_ok,
                      GError      **error)
{
  g_autoptr (GPtrArray) instances = NULL;
  gboolean ok = am_ec2_client_run_instances_finish (client, result, &instances, dry_run_ok, error);

  ASSERT_OUT_VALUE (ok, dry_run_ok, instances);
  return ok;
}

static void
start_start_instances (Fixture            *fixture,
                       AmEc2Client        *client,
                       const char         *target,
                       gboolean            dry_run,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  const char *ids[] = { target, NULL };

  am_ec2_client_start_instances_async (client, ids, dry_run, NULL, callback, user_data);
}

static void
start_stop_instances (Fixture            *fixture,
                      AmEc2Client        *client,
                      const char         *target,
                      gboolean            dry_run,
                      GAsyncReadyCallback callback,
                      gpointer            user_data)
{
  const char *ids[] = { target, NULL };

  am_ec2_client_stop_instances_async (client, ids, FALSE, dry_run, NULL, callback, user_data);
}

static void
start_terminate_instances (Fixture            *fixture,
                           AmEc2Client        *client,
                           const char         *target,
                           gboolean            dry_run,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  const char *ids[] = { target, NULL };

  am_ec2_client_terminate_instances_async (client, ids, dry_run, NULL, callback, user_data);
}

static gboolean
finish_change_instances (AmEc2Client  *client,
                         GAsyncResult *result,
                         gboolean     *dry_run_ok,
                         GError      **error)
{
  g_autoptr (GPtrArray) changes = NULL;
  gboolean ok = am_ec2_client_change_instances_finish (client, result, &changes, dry_run_ok, error);

  ASSERT_OUT_VALUE (ok, dry_run_ok, changes);
  return ok;
}

static void
start_reboot_instances (Fixture            *fixture,
                        AmEc2Client        *client,
                        const char         *target,
                        gboolean            dry_run,
                        GAsyncReadyCallback callback,
                        gpointer            user_data)
{
  const char *ids[] = { target, NULL };

  am_ec2_client_reboot_instances_async (client, ids, dry_run, NULL, callback, user_data);
}

static void
start_modify_termination_protection (Fixture            *fixture,
                                     AmEc2Client        *client,
                                     const char         *target,
                                     gboolean            dry_run,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data)
{
  am_ec2_client_modify_instance_termination_protection_async (client, target, TRUE, dry_run, NULL, callback,
                                                              user_data);
}

static void
start_create_key_pair (Fixture            *fixture,
                       AmEc2Client        *client,
                       const char         *target,
                       gboolean            dry_run,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  am_ec2_client_create_key_pair_async (client, target, "ed25519", NULL, dry_run, NULL, callback, user_data);
}

static gboolean
finish_create_key_pair (AmEc2Client  *client,
                        GAsyncResult *result,
                        gboolean     *dry_run_ok,
                        GError      **error)
{
  g_autoptr (AmKeyPair) key_pair = NULL;
  gboolean ok = am_ec2_client_create_key_pair_finish (client, result, &key_pair, dry_run_ok, error);

  ASSERT_OUT_VALUE (ok, dry_run_ok, key_pair);
  return ok;
}

static void
start_create_security_group (Fixture            *fixture,
                             AmEc2Client        *client,
                             const char         *target,
                             gboolean            dry_run,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  am_ec2_client_create_security_group_async (client, target, "made by the dry-run test", NULL, dry_run, NULL,
                                             callback, user_data);
}

static gboolean
finish_create_security_group (AmEc2Client  *client,
                              GAsyncResult *result,
                              gboolean     *dry_run_ok,
                              GError      **error)
{
  g_autofree char *group_id = NULL;
  gboolean ok = am_ec2_client_create_security_group_finish (client, result, &group_id, dry_run_ok, error);

  ASSERT_OUT_VALUE (ok, dry_run_ok, group_id);
  return ok;
}

static void
start_authorize_ingress (Fixture            *fixture,
                         AmEc2Client        *client,
                         const char         *target,
                         gboolean            dry_run,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  am_ec2_client_authorize_ingress_async (client, target, "tcp", 8443, 8443, "203.0.113.0/24", "dry-run test",
                                         dry_run, NULL, callback, user_data);
}

static void
start_create_launch_template (Fixture            *fixture,
                              AmEc2Client        *client,
                              const char         *target,
                              gboolean            dry_run,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autoptr (AmRunInstancesRequest) data = am_run_instances_request_new (fixture->image_id, "t3.micro");

  data->key_name = g_strdup (TAKEN_NAME);
  am_ec2_client_create_launch_template_async (client, target, "v1", data, dry_run, NULL, callback, user_data);
}

static gboolean
finish_create_launch_template (AmEc2Client  *client,
                               GAsyncResult *result,
                               gboolean     *dry_run_ok,
                               GError      **error)
{
  g_autoptr (AmLaunchTemplate) template = NULL;
  gboolean ok = am_ec2_client_create_launch_template_finish (client, result, &template, dry_run_ok, error);

  ASSERT_OUT_VALUE (ok, dry_run_ok, template);
  return ok;
}

/* --- the table ------------------------------------------------------------------------- */

typedef enum
{
  IMAGE,            /* fixture->image_id */
  PROTECTED_IMAGE,  /* fixture->protected_image_id */
  SNAPSHOT,         /* fixture->snapshot_id */
  INSTANCE,         /* fixture->instance_id */
  GROUP,            /* fixture->group_id */
  FREE_NAME,        /* NEW_NAME: no key pair, group or template has it */
  USED_NAME,        /* TAKEN_NAME: alice's key pair, group and template have it */
  NO_IMAGE,         /* MISSING_IMAGE */
} Target;

typedef enum
{
  ALICE,
  BOB,
} Caller;

typedef struct
{
  const char *name;
  StartFunc   start;
  FinishFunc  finish;
  Target      target;
  gboolean    real_call_changes;  /* FALSE when even the real call leaves Describe* as it was */
  /* the dry run that must be refused */
  Caller      refused_caller;
  Target      refused_target;
  const char *refused_code;
} DryRunCase;

static const DryRunCase cases[] = {
  /* images */
  { "create-image", start_create_image, finish_create_image, INSTANCE, TRUE,
    BOB, INSTANCE, "InvalidInstanceID.NotFound" },
  { "register-image", start_register_image, finish_register_image, SNAPSHOT, TRUE,
    BOB, SNAPSHOT, "InvalidSnapshot.NotFound" },
  { "deregister-image", start_deregister_image, am_ec2_client_deregister_image_finish, IMAGE, TRUE,
    BOB, IMAGE, "UnauthorizedOperation" },
  { "copy-image", start_copy_image, finish_copy_image, IMAGE, TRUE,
    BOB, PROTECTED_IMAGE, "InvalidAMIID.NotFound" },
  { "modify-launch-permission", start_modify_launch_permission, am_ec2_client_modify_launch_permission_finish,
    IMAGE, TRUE, BOB, IMAGE, "UnauthorizedOperation" },
  { "modify-image-description", start_modify_image_description, am_ec2_client_modify_image_description_finish,
    IMAGE, TRUE, BOB, IMAGE, "UnauthorizedOperation" },
  { "reset-image-attribute", start_reset_image_attribute, am_ec2_client_reset_image_attribute_finish,
    IMAGE, TRUE, BOB, IMAGE, "UnauthorizedOperation" },
  { "create-tags", start_create_tags, am_ec2_client_create_tags_finish, IMAGE, TRUE,
    ALICE, NO_IMAGE, "InvalidAMIID.NotFound" },
  { "delete-tags", start_delete_tags, am_ec2_client_delete_tags_finish, IMAGE, TRUE,
    BOB, INSTANCE, "InvalidID" },
  { "enable-image-deprecation", start_enable_image_deprecation, am_ec2_client_enable_image_deprecation_finish,
    IMAGE, TRUE, BOB, IMAGE, "UnauthorizedOperation" },
  { "disable-image-deprecation", start_disable_image_deprecation, am_ec2_client_disable_image_deprecation_finish,
    IMAGE, TRUE, ALICE, NO_IMAGE, "InvalidAMIID.NotFound" },
  { "enable-deregistration-protection", start_enable_deregistration_protection,
    am_ec2_client_enable_deregistration_protection_finish, IMAGE, TRUE, BOB, IMAGE, "UnauthorizedOperation" },
  { "disable-deregistration-protection", start_disable_deregistration_protection,
    am_ec2_client_disable_deregistration_protection_finish, PROTECTED_IMAGE, TRUE,
    BOB, PROTECTED_IMAGE, "InvalidAMIID.NotFound" },
  /* instances: starting a running instance and rebooting change no state */
  { "run-instances", start_run_instances, finish_run_instances, IMAGE, TRUE,
    BOB, PROTECTED_IMAGE, "InvalidAMIID.NotFound" },
  { "start-instances", start_start_instances, finish_change_instances, INSTANCE, FALSE,
    BOB, INSTANCE, "InvalidInstanceID.NotFound" },
  { "stop-instances", start_stop_instances, finish_change_instances, INSTANCE, TRUE,
    BOB, INSTANCE, "InvalidInstanceID.NotFound" },
  { "reboot-instances", start_reboot_instances, am_ec2_client_reboot_instances_finish, INSTANCE, FALSE,
    BOB, INSTANCE, "InvalidInstanceID.NotFound" },
  { "terminate-instances", start_terminate_instances, finish_change_instances, INSTANCE, TRUE,
    BOB, INSTANCE, "InvalidInstanceID.NotFound" },
  { "modify-instance-termination-protection", start_modify_termination_protection,
    am_ec2_client_modify_instance_termination_protection_finish, INSTANCE, TRUE,
    BOB, INSTANCE, "InvalidInstanceID.NotFound" },
  /* launch wizard */
  { "create-key-pair", start_create_key_pair, finish_create_key_pair, FREE_NAME, TRUE,
    ALICE, USED_NAME, "InvalidKeyPair.Duplicate" },
  { "create-security-group", start_create_security_group, finish_create_security_group, FREE_NAME, TRUE,
    ALICE, USED_NAME, "InvalidGroup.Duplicate" },
  { "authorize-ingress", start_authorize_ingress, am_ec2_client_authorize_ingress_finish, GROUP, TRUE,
    BOB, GROUP, "InvalidGroup.NotFound" },
  { "create-launch-template", start_create_launch_template, finish_create_launch_template, FREE_NAME, TRUE,
    ALICE, USED_NAME, "InvalidLaunchTemplateName.AlreadyExistsException" },
};

static const char *
target_id (Fixture *fixture,
           Target   target)
{
  switch (target)
    {
    case IMAGE:
      return fixture->image_id;
    case PROTECTED_IMAGE:
      return fixture->protected_image_id;
    case SNAPSHOT:
      return fixture->snapshot_id;
    case INSTANCE:
      return fixture->instance_id;
    case GROUP:
      return fixture->group_id;
    case FREE_NAME:
      return NEW_NAME;
    case USED_NAME:
      return TAKEN_NAME;
    case NO_IMAGE:
      return MISSING_IMAGE;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
call_once (Fixture           *fixture,
           const DryRunCase  *c,
           AmEc2Client       *caller,
           const char        *target,
           gboolean           dry_run,
           gboolean          *dry_run_ok,
           GError           **error)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GObject) source = NULL;

  c->start (fixture, caller, target, dry_run, am_test_result_cb, &result);
  WAIT (result);
  /* CopyImage answers on the destination region's client, not on the caller */
  source = g_async_result_get_source_object (result);
  return c->finish (AM_EC2_CLIENT (source), result, dry_run_ok, error);
}

static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  const DryRunCase *c = data;
  const char *target = target_id (fixture, c->target);
  g_autofree char *before = sandbox_state (fixture);
  g_autofree char *after = NULL;
  g_autofree char *changed = NULL;
  g_autoptr (GError) error = NULL;
  gboolean dry_run_ok = FALSE;
  gboolean ok;

  ok = call_once (fixture, c, fixture->alice, target, TRUE, &dry_run_ok, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_true (dry_run_ok);
  after = sandbox_state (fixture);
  assert_same_state (before, after);

  /* The same call for real succeeds, so the dry run was asked about something doable, and
   * shows in the state, so the comparison above would have seen a dry run that acted. */
  ok = call_once (fixture, c, fixture->alice, target, FALSE, &dry_run_ok, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_false (dry_run_ok);
  changed = sandbox_state (fixture);
  if (c->real_call_changes)
    g_assert_cmpstr (changed, !=, before);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  const DryRunCase *c = data;
  AmEc2Client *caller = c->refused_caller == BOB ? fixture->bob : fixture->alice;
  g_autofree char *before = sandbox_state (fixture);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  gboolean dry_run_ok = TRUE;
  gboolean ok;

  ok = call_once (fixture, c, caller, target_id (fixture, c->refused_target), TRUE, &dry_run_ok, &error);
  g_assert_false (ok);
  g_assert_false (dry_run_ok);
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_assert_true (error->domain == AM_AWS_ERROR);
  g_assert_cmpstr (am_aws_error_get_code (error), ==, c->refused_code);
  g_assert_true (g_str_has_prefix (error->message, "Could not "));
  after = sandbox_state (fixture);
  assert_same_state (before, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *succeeds = g_strdup_printf ("/ec2/dry-run/%s/succeeds", cases[i].name);
      g_autofree char *refused = g_strdup_printf ("/ec2/dry-run/%s/refused", cases[i].name);

      g_test_add (succeeds, Fixture, &cases[i], fixture_setup, test_dry_run, fixture_teardown);
      g_test_add (refused, Fixture, &cases[i], fixture_setup, test_refused, fixture_teardown);
    }

  return g_test_run ();
}
