/* test-sandbox-unit.c: unit tests of the sandbox (filters, transitions, persistence, verification)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-test"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "am-sandbox-catalog.h"
#include "am-sandbox-match.h"
#include "am-sandbox-private.h"
#include "am-sandbox-server.h"
#include "am-sandbox-state.h"
#include "am-sigv4.h"

#define ALICE_KEY "AKIAIOSFODNN7SANDBOX"
#define ALICE_SECRET "sandbox/alice/wJalrXUtnFEMIK7MDENGbPxRfiCY"
#define BOB_KEY "AKIAI44QH8DHBSANDBOX"
#define BOB_SECRET "sandbox/bob/je7MtGbClwBF2Zp9Utk/h3yCo8nvbE"

/* Signs @body the way awscli does and hands it to the server without any network. */
static AmSandboxResponse *
call_signed (AmSandboxServer *server,
             const char      *key,
             const char      *secret,
             const char      *region,
             const char      *service,
             const char      *body,
             gint64           clock_offset_s)
{
  g_autoptr (SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr (AmSigv4Request) request = am_sigv4_request_new ("POST", "/", NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) when = g_date_time_add_seconds (now, clock_offset_s);
  g_autofree char *amz_date = am_sigv4_format_amz_date (when);
  g_auto (AmSigv4Result) result = { 0 };
  g_autoptr (GError) error = NULL;
  const char *content_type = strcmp (service, "ssm") == 0 ? "application/x-amz-json-1.1"
                             : "application/x-www-form-urlencoded; charset=utf-8";

  soup_message_headers_append (headers, "Host", "127.0.0.1:8080");
  soup_message_headers_append (headers, "Content-Type", content_type);
  soup_message_headers_append (headers, "X-Amz-Date", amz_date);
  am_sigv4_request_add_header (request, "host", "127.0.0.1:8080");
  am_sigv4_request_add_header (request, "content-type", content_type);
  am_sigv4_request_add_header (request, "x-amz-date", amz_date);
  am_sigv4_request_set_payload (request, body, strlen (body));
  g_assert_true (am_sigv4_sign (request, key, secret, region, service, amz_date, &result, &error));
  g_assert_no_error (error);
  soup_message_headers_append (headers, "Authorization", result.authorization);
  return am_sandbox_server_handle (server, "POST", "/", NULL, headers, body, strlen (body));
}

static AmSandboxResponse *
call_ec2 (AmSandboxServer *server,
          const char      *body)
{
  return call_signed (server, ALICE_KEY, ALICE_SECRET, "us-east-1", "ec2", body, 0);
}

static const char *
body_text (AmSandboxResponse *response)
{
  /* The bodies are text; keep a NUL-terminated copy alive with the response. */
  gsize size;
  const char *data = g_bytes_get_data (response->body, &size);
  char *copy = g_strndup (data, size);

  g_bytes_unref (response->body);
  response->body = g_bytes_new_take (copy, size + 1);
  return copy;
}

static const char *
header (AmSandboxResponse *response,
        const char        *name)
{
  for (guint i = 0; i + 1 < response->headers->len; i += 2)
    if (g_ascii_strcasecmp (response->headers->pdata[i], name) == 0)
      return response->headers->pdata[i + 1];
  return NULL;
}

static void assert_error (AmSandboxResponse *response,
                          guint              status,
                          const char        *code);

static AmSandboxServer *
memory_server (guint public_images)
{
  AmSandboxServer *server = am_sandbox_server_new ();
  g_autoptr (GError) error = NULL;

  am_sandbox_server_set_public_images (server, public_images);
  am_sandbox_server_set_transition_ms (server, 200);
  g_assert_true (am_sandbox_server_load (server, NULL, &error));
  g_assert_no_error (error);
  return server;
}

static void
test_wildcard (void)
{
  g_assert_true (am_sb_wildcard_match ("*", ""));
  g_assert_true (am_sb_wildcard_match ("*", "anything"));
  g_assert_true (am_sb_wildcard_match ("al2023-*-x86_64", "al2023-ami-2023.9-kernel-6.1-x86_64"));
  g_assert_false (am_sb_wildcard_match ("al2023-*-x86_64", "al2023-ami-2023.9-kernel-6.1-arm64"));
  g_assert_true (am_sb_wildcard_match ("debian-1?-*", "debian-12-amd64"));
  g_assert_false (am_sb_wildcard_match ("debian-1?-*", "debian-9-amd64"));
  g_assert_true (am_sb_wildcard_match ("2021-09-29T*", "2021-09-29T12:00:00.000Z"));
  g_assert_false (am_sb_wildcard_match ("abc", "abcd"));
  g_assert_false (am_sb_wildcard_match ("ABC", "abc"));
  g_assert_true (am_sb_wildcard_match ("a\\*b", "a*b"));
  g_assert_false (am_sb_wildcard_match ("a\\*b", "axb"));
  g_assert_true (am_sb_wildcard_match ("a\\?", "a?"));
  g_assert_true (am_sb_wildcard_match ("**a*b*", "xxaxxbxx"));
  /* Pathological patterns stay fast (no exponential backtracking). */
  g_assert_false (am_sb_wildcard_match ("*a*a*a*a*a*a*a*a*a*a*a*b",
                                        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

static AmSbFilter *
filter_new (const char *name,
            ...)
{
  AmSbFilter *filter = g_new0 (AmSbFilter, 1);
  va_list args;
  const char *value;

  filter->name = g_strdup (name);
  filter->values = g_ptr_array_new_with_free_func (g_free);
  va_start (args, name);
  while ((value = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (filter->values, g_strdup (value));
  va_end (args);
  return filter;
}

static guint
count_matching (GPtrArray *catalog,
                GPtrArray *filters)
{
  guint n = 0;

  for (guint i = 0; i < catalog->len; i++)
    if (am_sb_image_matches (catalog->pdata[i], NULL, filters, g_get_real_time () / 1000))
      n++;
  return n;
}

static void
test_image_filters (void)
{
  g_autoptr (GPtrArray) catalog = am_sb_catalog_build ("us-east-1", 0);
  g_autoptr (GPtrArray) filters = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_filter_free);
  guint all = catalog->len, arm, windows, instance_store, marketplace;

  g_assert_cmpuint (all, >, 30);
  g_ptr_array_add (filters, filter_new ("architecture", "arm64", NULL));
  arm = count_matching (catalog, filters);
  g_assert_cmpuint (arm, >, 5);
  g_assert_cmpuint (arm, <, all);
  g_ptr_array_set_size (filters, 0);
  g_ptr_array_add (filters, filter_new ("platform", "windows", NULL));
  windows = count_matching (catalog, filters);
  g_assert_cmpuint (windows, ==, 5);
  /* AND across filters: no arm64 Windows images. */
  g_ptr_array_add (filters, filter_new ("architecture", "arm64", NULL));
  g_assert_cmpuint (count_matching (catalog, filters), ==, 0);
  g_ptr_array_set_size (filters, 0);
  g_ptr_array_add (filters, filter_new ("root-device-type", "instance-store", NULL));
  instance_store = count_matching (catalog, filters);
  g_assert_cmpuint (instance_store, ==, 3);
  g_ptr_array_set_size (filters, 0);
  g_ptr_array_add (filters, filter_new ("product-code.type", "marketplace", NULL));
  marketplace = count_matching (catalog, filters);
  g_assert_cmpuint (marketplace, ==, 6);
  g_ptr_array_set_size (filters, 0);
  /* one seed image is registered without ENA */
  g_ptr_array_add (filters, filter_new ("ena-support", "false", NULL));
  g_assert_cmpuint (count_matching (catalog, filters), ==, 1);
  g_ptr_array_set_size (filters, 0);
  /* OR across values of one filter. */
  g_ptr_array_add (filters, filter_new ("name", "debian-12-*", "RHEL-9*", NULL));
  g_assert_cmpuint (count_matching (catalog, filters), ==, 4);
  g_ptr_array_set_size (filters, 0);
  g_ptr_array_add (filters, filter_new ("owner-alias", "amazon", NULL));
  g_ptr_array_add (filters, filter_new ("block-device-mapping.volume-type", "gp3", NULL));
  g_ptr_array_add (filters, filter_new ("creation-date", "2025-11-*", NULL));
  g_assert_cmpuint (count_matching (catalog, filters), ==, 8);
  g_ptr_array_set_size (filters, 0);
  g_ptr_array_add (filters, filter_new ("is-public", "false", NULL));
  g_assert_cmpuint (count_matching (catalog, filters), ==, 0);
  g_assert_true (am_sb_image_filter_is_known ("tag:Name"));
  g_assert_false (am_sb_image_filter_is_known ("colour"));

  /* The catalog is regenerated identically (ids are stable across restarts). */
  {
    g_autoptr (GPtrArray) again = am_sb_catalog_build ("us-east-1", 0);
    g_autoptr (GPtrArray) other = am_sb_catalog_build ("eu-west-1", 0);

    g_assert_cmpstr (((AmSbImage *) again->pdata[0])->image_id, ==, ((AmSbImage *) catalog->pdata[0])->image_id);
    g_assert_cmpstr (((AmSbImage *) other->pdata[0])->image_id, !=, ((AmSbImage *) catalog->pdata[0])->image_id);
  }
}

static void
test_tag_filters (void)
{
  g_autoptr (GPtrArray) tags = g_ptr_array_new ();
  g_autoptr (GPtrArray) values = g_ptr_array_new ();
  AmSbTag name = { (char *) "Name", (char *) "web-server" };
  AmSbTag env = { (char *) "Environment", (char *) "staging" };
  gboolean handled;

  g_ptr_array_add (tags, &name);
  g_ptr_array_add (tags, &env);
  g_ptr_array_add (values, (gpointer) "web-*");
  g_assert_true (am_sb_tags_match (tags, "tag:Name", values, &handled));
  g_assert_true (handled);
  g_assert_false (am_sb_tags_match (tags, "tag:Environment", values, &handled));
  g_ptr_array_set_size (values, 0);
  g_ptr_array_add (values, (gpointer) "Env*");
  g_assert_true (am_sb_tags_match (tags, "tag-key", values, &handled));
  g_assert_false (am_sb_tags_match (NULL, "tag-key", values, &handled));
  g_assert_false (am_sb_tags_match (tags, "name", values, &handled));
  g_assert_false (handled);
}

static void
test_transitions (void)
{
  AmSbInstance instance = { 0 };
  int code;

  instance.target_state = (char *) "running";
  instance.target_since = 10000;
  g_assert_cmpstr (am_sb_instance_state (&instance, 3000, 10000, &code), ==, "pending");
  g_assert_cmpint (code, ==, 0);
  g_assert_cmpstr (am_sb_instance_state (&instance, 3000, 12999, &code), ==, "pending");
  g_assert_cmpstr (am_sb_instance_state (&instance, 3000, 13000, &code), ==, "running");
  g_assert_cmpint (code, ==, 16);
  instance.target_state = (char *) "stopped";
  g_assert_cmpstr (am_sb_instance_state (&instance, 3000, 11000, &code), ==, "stopping");
  g_assert_cmpint (code, ==, 64);
  g_assert_cmpstr (am_sb_instance_state (&instance, 3000, 14000, &code), ==, "stopped");
  g_assert_cmpint (code, ==, 80);
  instance.target_state = (char *) "terminated";
  g_assert_cmpstr (am_sb_instance_state (&instance, 3000, 11000, &code), ==, "shutting-down");
  g_assert_cmpint (code, ==, 32);
  g_assert_cmpstr (am_sb_instance_state (&instance, 3000, 20000, &code), ==, "terminated");
  g_assert_cmpint (code, ==, 48);

  {
    AmSbImage image = { 0 };

    image.available_time = 5000;
    g_assert_cmpstr (am_sb_image_state (&image, 4999), ==, "pending");
    g_assert_cmpstr (am_sb_image_state (&image, 5000), ==, "available");
    image.failed_reason = (char *) "disk full";
    g_assert_cmpstr (am_sb_image_state (&image, 5000), ==, "failed");
  }
}

/* End to end through the handler: an instance goes pending → running → stopping → stopped. */
static void
test_instance_lifecycle (void)
{
  g_autoptr (AmSandboxServer) server = memory_server (0);
  g_autoptr (AmSandboxResponse) run = NULL;
  g_autoptr (AmSandboxResponse) stop = NULL;
  g_autoptr (AmSandboxResponse) described = NULL;
  g_autofree char *instance_id = NULL;
  g_autofree char *body = NULL;
  const char *text, *p;

  run = call_ec2 (server, "Action=RunInstances&Version=2016-11-15&ImageId=resolve%3Assm%3A%2Faws%2Fservice%2F"
                          "ami-amazon-linux-latest%2Fal2023-ami-kernel-default-x86_64&InstanceType=t3.micro"
                          "&MinCount=1&MaxCount=1");
  text = body_text (run);
  g_assert_cmpuint (run->status, ==, 200);
  g_assert_nonnull (strstr (text, "<name>pending</name>"));
  p = strstr (text, "<instanceId>");
  g_assert_nonnull (p);
  instance_id = g_strndup (p + strlen ("<instanceId>"), strcspn (p + strlen ("<instanceId>"), "<"));
  g_usleep (250 * 1000);
  body = g_strdup_printf ("Action=StopInstances&Version=2016-11-15&InstanceId.1=%s", instance_id);
  stop = call_ec2 (server, body);
  text = body_text (stop);
  g_assert_cmpuint (stop->status, ==, 200);
  g_assert_nonnull (strstr (text, "<currentState><code>64</code><name>stopping</name></currentState>"));
  g_assert_nonnull (strstr (text, "<previousState><code>16</code><name>running</name></previousState>"));
  g_usleep (250 * 1000);
  g_free (body);
  body = g_strdup_printf ("Action=DescribeInstances&Version=2016-11-15&InstanceId.1=%s", instance_id);
  described = call_ec2 (server, body);
  text = body_text (described);
  g_assert_nonnull (strstr (text, "<instanceState><code>80</code><name>stopped</name></instanceState>"));

  /* An image of the stopped instance: a bigger root and one more (empty) volume. */
  {
    g_autofree char *create = g_strdup_printf ("Action=CreateImage&Version=2016-11-15&InstanceId=%s&Name=grown"
                                               "&BlockDeviceMapping.1.DeviceName=/dev/xvda"
                                               "&BlockDeviceMapping.1.Ebs.VolumeSize=30"
                                               "&BlockDeviceMapping.2.DeviceName=/dev/sdh"
                                               "&BlockDeviceMapping.2.Ebs.VolumeSize=100", instance_id);
    g_autofree char *no_root = g_strdup_printf ("Action=CreateImage&Version=2016-11-15&InstanceId=%s&Name=rootless"
                                                "&BlockDeviceMapping.1.DeviceName=/dev/xvda"
                                                "&BlockDeviceMapping.1.NoDevice=", instance_id);
    g_autofree char *image_id = NULL;
    g_autofree char *describe = NULL;
    g_autoptr (AmSandboxResponse) created = call_ec2 (server, create);
    g_autoptr (AmSandboxResponse) image = NULL;

    text = body_text (created);
    g_assert_cmpuint (created->status, ==, 200);
    p = strstr (text, "<imageId>");
    g_assert_nonnull (p);
    image_id = g_strndup (p + strlen ("<imageId>"), strcspn (p + strlen ("<imageId>"), "<"));
    describe = g_strdup_printf ("Action=DescribeImages&Version=2016-11-15&ImageId.1=%s", image_id);
    image = call_ec2 (server, describe);
    text = body_text (image);
    g_assert_nonnull (strstr (text, "<deviceName>/dev/xvda</deviceName><ebs><snapshotId>snap-"));
    g_assert_nonnull (strstr (text, "<volumeSize>30</volumeSize>"));
    g_assert_nonnull (strstr (text, "<deviceName>/dev/sdh</deviceName><ebs><volumeSize>100</volumeSize>"));
    assert_error (call_ec2 (server, no_root), 400, "InvalidBlockDeviceMapping");
  }
}

static void
test_persistence_roundtrip (void)
{
  AmSbState *state = am_sb_state_new (0, 3000);
  AmSbState *copy = am_sb_state_new (0, 3000);
  g_autofree char *json = NULL;
  g_autofree char *json2 = NULL;
  g_autoptr (GError) error = NULL;

  am_sb_state_seed (state);
  am_sb_state_set_tag (state, "111122223333", "ami-0123456789abcdef0", "Quote\"<&>", "välue");
  json = am_sb_state_to_json (state);
  g_assert_true (am_sb_state_from_json (copy, json, strlen (json), &error));
  g_assert_no_error (error);
  json2 = am_sb_state_to_json (copy);
  g_assert_cmpstr (json, ==, json2);
  g_assert_cmpuint (g_hash_table_size (copy->images), ==, 4);
  g_assert_cmpuint (g_hash_table_size (copy->subnets), ==, 2 * AM_SB_N_REGIONS * 3);
  /* Synthetic and catalog images are never stored. */
  g_assert_null (strstr (json, "al2023-ami-2023.9.20251110.1-kernel-6.1-x86_64\""));

  {
    const char *bad = "{\"version\": 1, \"images\": [{\"name\": 3}]}";

    g_assert_false (am_sb_state_from_json (copy, bad, strlen (bad), &error));
  }
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (am_sb_state_from_json (copy, "[]", 2, &error));
  g_clear_error (&error);
  /* A list that is missing or is not a list is damage, not "no entries". */
  {
    const char *const damaged[] = {
      "{\"version\": 1}",
      "{\"version\": 1, \"images\": 5}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
      {
        g_assert_false (am_sb_state_from_json (copy, damaged[i], strlen (damaged[i]), &error));
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
        g_clear_error (&error);
      }
  }
  {
    g_autoptr (JsonParser) parser = json_parser_new ();
    JsonObject *root;
    g_autofree char *edited = NULL;

    g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
    root = json_node_get_object (json_parser_get_root (parser));
    json_object_remove_member (root, "tags");
    edited = json_to_string (json_parser_get_root (parser), FALSE);
    g_assert_false (am_sb_state_from_json (copy, edited, strlen (edited), &error));
    g_assert_nonnull (strstr (error->message, "\"tags\""));
    g_clear_error (&error);
    json_object_set_int_member (root, "tags", 3);
    g_free (edited);
    edited = json_to_string (json_parser_get_root (parser), FALSE);
    g_assert_false (am_sb_state_from_json (copy, edited, strlen (edited), &error));
    g_clear_error (&error);
  }
  am_sb_state_free (state);
  am_sb_state_free (copy);
}

/* A state.json written before the field tables (every resource, the Recycle Bin, governance and
 * usage reports, an Auto Scaling group) loads through the real loader, and saving it gives the
 * same file to the byte: the tables read and write what the hand-written code did. */
static void
test_persistence_earlier_file (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "state-before-field-tables.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("am-sandbox-earlier-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "state.json", NULL);
  g_autofree char *written = NULL;
  g_autofree char *saved = NULL;
  g_autoptr (GError) error = NULL;
  AmSbState *state = am_sb_state_new (0, 3000);
  AmSbImage *recycled;
  AmSbInstance *instance;
  GHashTableIter iter;

  g_assert_true (g_file_get_contents (fixture, &written, NULL, &error));
  g_assert_true (g_file_set_contents (path, written, -1, &error));
  g_assert_true (am_sb_state_load (state, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (state->images), ==, 5);
  g_assert_cmpuint (g_hash_table_size (state->recycle_bin), ==, 1);
  g_assert_cmpuint (g_hash_table_size (state->instances), ==, 3);
  g_assert_cmpuint (g_hash_table_size (state->subnets), ==, 30);
  g_assert_cmpuint (g_hash_table_size (state->auto_scaling_groups), ==, 1);
  g_assert_cmpuint (g_hash_table_size (state->governance), ==, 2);
  g_assert_cmpuint (g_hash_table_size (state->usage_reports), ==, 1);
  recycled = g_hash_table_lookup (state->recycle_bin, "ami-0recycled000000001");
  g_assert_nonnull (recycled);
  g_assert_true (recycled->stored);
  g_assert_cmpint (recycled->recycle_exit_time, ==, G_GINT64_CONSTANT (1700600000000));
  g_assert_cmpuint (recycled->launch_permissions->len, ==, 2);
  g_assert_cmpint (((AmSbLaunchPermission *) recycled->launch_permissions->pdata[1])->kind, ==, AM_SB_PERM_ORG);
  g_assert_cmpstr (((AmSbProductCode *) recycled->product_codes->pdata[0])->code, ==, "abc");
  g_hash_table_iter_init (&iter, state->instances);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &instance))
    {
      g_assert_nonnull (instance->volumes);
      g_assert_nonnull (instance->security_group_ids);
    }

  saved = am_sb_state_to_json (state);
  g_assert_cmpstr (saved, ==, written);

  am_sb_state_free (state);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_persistence_damaged (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) listing = NULL;
  AmSbState *state = am_sb_state_new (0, 3000);
  const char *name;
  gboolean found_aside = FALSE;

  if (g_test_subprocess ())
    {
      /* The parent made the folder; the report on stderr is what is checked. */
      path = g_build_filename (g_getenv ("AM_TEST_DAMAGED_DIR"), "state.json", NULL);
      g_assert_true (am_sb_state_load (state, path, &error));
      g_assert_no_error (error);
      am_sb_state_free (state);
      return;
    }
  dir = g_dir_make_tmp ("amiable-sandbox-XXXXXX", NULL);
  path = g_build_filename (dir, "state.json", NULL);
  g_assert_true (g_file_set_contents (path, "{\"version\": 1, \"images\": [ truncated", -1, NULL));
  g_setenv ("AM_TEST_DAMAGED_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*state file*damaged*moved to*");

  /* The damaged file sits beside a fresh, valid state. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *full = g_build_filename (dir, name, NULL);

      if (g_str_has_prefix (name, "state.json.damaged-"))
        {
          g_autofree char *contents = NULL;

          found_aside = TRUE;
          g_assert_true (g_file_get_contents (full, &contents, NULL, NULL));
          g_assert_cmpstr (contents, ==, "{\"version\": 1, \"images\": [ truncated");
        }
    }
  g_assert_true (found_aside);
  g_assert_true (am_sb_state_load (state, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (state->images), ==, 4);
  am_sb_state_free (state);
  g_dir_rewind (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *full = g_build_filename (dir, name, NULL);

      g_unlink (full);
    }
  g_rmdir (dir);
}

/* A value of the wrong type anywhere is damage in words, never a GLib critical (fatal here). */
static void
test_persistence_wrong_types (void)
{
  AmSbState *state = am_sb_state_new (0, 3000);
  AmSbState *copy = am_sb_state_new (0, 3000);
  g_autofree char *json = NULL;
  g_autoptr (GError) error = NULL;
  const char *instances[] = {
    "{\"instanceId\": \"i-1\", \"region\": \"us-east-1\", \"ownerId\": \"111122223333\", "
    "\"imageId\": \"ami-1\", \"targetState\": \"running\", \"securityGroupIds\": [{\"id\": 1}]}",
    "{\"instanceId\": {\"id\": 1}, \"region\": \"us-east-1\", \"ownerId\": \"111122223333\", "
    "\"imageId\": \"ami-1\", \"targetState\": \"running\"}",
  };

  am_sb_state_seed (state);
  json = am_sb_state_to_json (state);
  for (guint i = 0; i < G_N_ELEMENTS (instances); i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (JsonParser) instance = json_parser_new ();
      g_autofree char *edited = NULL;
      JsonObject *root;

      g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
      g_assert_true (json_parser_load_from_data (instance, instances[i], -1, NULL));
      root = json_node_get_object (json_parser_get_root (parser));
      json_array_add_element (json_object_get_array_member (root, "instances"),
                              json_node_copy (json_parser_get_root (instance)));
      edited = json_to_string (json_parser_get_root (parser), FALSE);
      g_assert_false (am_sb_state_from_json (copy, edited, strlen (edited), &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_test_message ("instance %u: %s", i, error->message);
      g_clear_error (&error);
    }
  am_sb_state_free (state);
  am_sb_state_free (copy);
}

/* The same state object loads a data folder again (found by fuzz-sandbox-state: the second
 * load freed the last saved copy twice). */
static void
test_persistence_reload (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amiable-sandbox-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "state.json", NULL);
  g_autoptr (GError) error = NULL;
  AmSbState *state = am_sb_state_new (0, 3000);

  /* No file: seeded and saved. Then the saved file, twice. */
  g_assert_true (am_sb_state_load (state, path, &error));
  g_assert_no_error (error);
  g_assert_true (am_sb_state_load (state, path, &error));
  g_assert_no_error (error);
  g_assert_true (am_sb_state_load (state, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (state->images), ==, 4);
  /* The rollback copy is the file's content. */
  am_sb_state_set_tag (state, "111122223333", "ami-0123456789abcdef0", "Reload", "yes");
  g_assert_true (am_sb_state_rollback (state, &error));
  g_assert_no_error (error);
  g_assert_null (am_sb_state_get_tags (state, "111122223333", "ami-0123456789abcdef0"));
  am_sb_state_free (state);
  g_unlink (path);
  g_rmdir (dir);
}

/* A file that parses but lacks a list is damage too: moved aside, never taken as empty. */
static void
test_persistence_missing_list (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amiable-sandbox-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "state.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) listing = NULL;
  AmSbState *state = am_sb_state_new (0, 3000);
  const char *name;
  guint aside = 0;

  g_assert_true (g_file_set_contents (path, "{\"version\": 1, \"images\": 5}", -1, NULL));
  g_assert_true (am_sb_state_load (state, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (state->images), ==, 4);
  am_sb_state_free (state);
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *full = g_build_filename (dir, name, NULL);

      if (g_str_has_prefix (name, "state.json.damaged-"))
        {
          g_autofree char *contents = NULL;

          aside++;
          g_assert_true (g_file_get_contents (full, &contents, NULL, NULL));
          g_assert_cmpstr (contents, ==, "{\"version\": 1, \"images\": 5}");
        }
      g_unlink (full);
    }
  g_assert_cmpuint (aside, ==, 1);
  g_rmdir (dir);
}

/* A file written before the format gained autoScalingGroups is not damage: it loads whole. */
static void
test_persistence_older_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amiable-sandbox-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "state.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *older = NULL;
  g_autoptr (GDir) listing = NULL;
  AmSandboxServer *server = am_sandbox_server_new ();
  AmSandboxResponse *response;
  const char *name;

  g_assert_true (am_sandbox_server_load (server, dir, &error));
  g_assert_no_error (error);
  response = call_ec2 (server, "Action=CreateKeyPair&Version=2016-11-15&KeyName=older&KeyType=ed25519");
  g_assert_cmpuint (response->status, ==, 200);
  am_sandbox_response_free (response);
  g_object_unref (server);

  /* the same file as the first release wrote it: no autoScalingGroups */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (json_parser_load_from_data (parser, contents, -1, NULL));
  g_assert_true (json_object_has_member (json_node_get_object (json_parser_get_root (parser)), "autoScalingGroups"));
  json_object_remove_member (json_node_get_object (json_parser_get_root (parser)), "autoScalingGroups");
  json_generator_set_root (generator, json_parser_get_root (parser));
  older = json_generator_to_data (generator, NULL);
  g_assert_true (g_file_set_contents (path, older, -1, NULL));

  server = am_sandbox_server_new ();
  g_assert_true (am_sandbox_server_load (server, dir, &error));
  g_assert_no_error (error);
  response = call_ec2 (server, "Action=DescribeKeyPairs&Version=2016-11-15&KeyName.1=older");
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_nonnull (strstr (body_text (response), "<keyName>older</keyName>"));
  am_sandbox_response_free (response);
  g_object_unref (server);

  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *full = g_build_filename (dir, name, NULL);

      g_assert_false (g_str_has_prefix (name, "state.json.damaged-"));
      g_unlink (full);
    }
  g_rmdir (dir);
}

static void
test_persistence_acknowledged (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amiable-sandbox-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "state.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  AmSandboxServer *server = am_sandbox_server_new ();
  AmSandboxResponse *response;

  g_assert_true (am_sandbox_server_load (server, dir, &error));
  g_assert_no_error (error);
  response = call_ec2 (server, "Action=CreateKeyPair&Version=2016-11-15&KeyName=ack&KeyType=ed25519");
  g_assert_cmpuint (response->status, ==, 200);
  am_sandbox_response_free (response);
  /* Acknowledged means on disk: the file has it before any restart. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"keyName\" : \"ack\""));
  g_object_unref (server);

  server = am_sandbox_server_new ();
  g_assert_true (am_sandbox_server_load (server, dir, &error));
  response = call_ec2 (server, "Action=DescribeKeyPairs&Version=2016-11-15&KeyName.1=ack");
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_nonnull (strstr (body_text (response), "<keyName>ack</keyName>"));
  am_sandbox_response_free (response);
  g_object_unref (server);
  g_unlink (path);
  g_rmdir (dir);
}

/* A change whose save fails is refused and undone: it is neither visible nor saved later. */
static void
test_persistence_failed_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amiable-sandbox-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "state.json", NULL);
  g_autofree char *blocker = g_build_filename (path, "blocker", NULL);
  g_autofree char *lock = g_build_filename (dir, "lock", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  AmSandboxServer *server = am_sandbox_server_new ();
  AmSandboxResponse *response;

  g_assert_true (am_sandbox_server_load (server, dir, &error));
  g_assert_no_error (error);
  /* A folder where the file should be: the rename over it fails (even for root). */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  response = call_ec2 (server, "Action=CreateKeyPair&Version=2016-11-15&KeyName=lost&KeyType=ed25519");
  g_assert_cmpuint (response->status, ==, 500);
  g_assert_nonnull (strstr (body_text (response), "undone"));
  am_sandbox_response_free (response);
  response = call_ec2 (server, "Action=DescribeKeyPairs&Version=2016-11-15");
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_null (strstr (body_text (response), "<keyName>lost</keyName>"));
  am_sandbox_response_free (response);

  g_assert_cmpint (g_unlink (blocker), ==, 0);
  g_assert_cmpint (g_rmdir (path), ==, 0);
  response = call_ec2 (server, "Action=CreateKeyPair&Version=2016-11-15&KeyName=kept&KeyType=ed25519");
  g_assert_cmpuint (response->status, ==, 200);
  am_sandbox_response_free (response);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"keyName\" : \"kept\""));
  g_assert_null (strstr (contents, "\"lost\""));
  g_object_unref (server);
  g_unlink (path);
  g_unlink (lock);
  g_rmdir (dir);
}

static void
assert_error (AmSandboxResponse *response,
              guint              status,
              const char        *code)
{
  g_autofree char *element = g_strdup_printf ("<Code>%s</Code>", code);
  const char *text = body_text (response);

  g_test_message ("status %u: %.300s", response->status, text);
  g_assert_cmpuint (response->status, ==, status);
  g_assert_nonnull (strstr (text, element));
  g_assert_nonnull (strstr (text, "<RequestID>"));
  am_sandbox_response_free (response);
}

/* The text of the first <@element> in @text, or NULL. */
static char *
element_text (const char *text,
              const char *element)
{
  g_autofree char *open = g_strdup_printf ("<%s>", element);
  const char *p = strstr (text, open);

  if (p == NULL)
    return NULL;
  p += strlen (open);
  return g_strndup (p, strcspn (p, "<"));
}

static char *
run_one (AmSandboxServer *server,
         const char      *image_id,
         const char      *extra)
{
  g_autofree char *body = g_strdup_printf ("Action=RunInstances&Version=2016-11-15&ImageId=%s"
                                           "&InstanceType=t3.micro&MinCount=1&MaxCount=1%s", image_id, extra);
  g_autoptr (AmSandboxResponse) run = call_ec2 (server, body);
  const char *text = body_text (run);

  g_test_message ("RunInstances: %.300s", text);
  g_assert_cmpuint (run->status, ==, 200);
  return element_text (text, "instanceId");
}

static void
assert_call_ok (AmSandboxServer *server,
                const char      *body,
                const char      *expected)
{
  g_autoptr (AmSandboxResponse) response = call_ec2 (server, body);
  const char *text = body_text (response);

  g_test_message ("%.300s", text);
  g_assert_cmpuint (response->status, ==, 200);
  if (expected != NULL)
    g_assert_nonnull (strstr (text, expected));
}

static void
test_instance_store (void)
{
  g_autoptr (AmSandboxServer) server = memory_server (0);
  g_autoptr (AmSandboxResponse) images = NULL;
  g_autofree char *image_id = NULL;
  g_autofree char *instance_id = NULL;
  g_autofree char *body = NULL;
  AmSandboxResponse *response;

  images = call_ec2 (server, "Action=DescribeImages&Version=2016-11-15&Owner.1=amazon"
                             "&Filter.1.Name=name&Filter.1.Value.1=amzn-ami-minimal-hvm-2018.03.0.20231218.0-x86_64-s3");
  image_id = element_text (body_text (images), "imageId");
  g_assert_nonnull (image_id);
  instance_id = run_one (server, image_id, "");
  g_assert_nonnull (instance_id);
  body = g_strdup_printf ("Action=DescribeInstances&Version=2016-11-15&InstanceId.1=%s", instance_id);
  assert_call_ok (server, body, "<rootDeviceType>instance-store</rootDeviceType>");
  g_usleep (250 * 1000);

  /* Stopping is refused as EC2 does; CreateImage explains the bundle route. */
  g_free (body);
  body = g_strdup_printf ("Action=StopInstances&Version=2016-11-15&InstanceId.1=%s", instance_id);
  response = call_ec2 (server, body);
  g_assert_nonnull (strstr (body_text (response), "cannot be stopped"));
  assert_error (response, 400, "UnsupportedOperation");
  g_free (body);
  body = g_strdup_printf ("Action=CreateImage&Version=2016-11-15&InstanceId=%s&Name=from-store", instance_id);
  response = call_ec2 (server, body);
  g_assert_nonnull (strstr (body_text (response), "RegisterImage"));
  assert_error (response, 400, "UnsupportedOperation");

  /* Rebooting and terminating work. */
  g_free (body);
  body = g_strdup_printf ("Action=RebootInstances&Version=2016-11-15&InstanceId.1=%s", instance_id);
  assert_call_ok (server, body, "<return>true</return>");
  g_free (body);
  body = g_strdup_printf ("Action=TerminateInstances&Version=2016-11-15&InstanceId.1=%s", instance_id);
  assert_call_ok (server, body, "<name>shutting-down</name>");
}

static void
test_termination_protection (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amiable-sandbox-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "state.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *instance_id = NULL;
  g_autofree char *other_id = NULL;
  g_autofree char *body = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (GError) error = NULL;
  AmSandboxServer *server = am_sandbox_server_new ();
  const char *image = "resolve%3Assm%3A%2Faws%2Fservice%2Fami-amazon-linux-latest%2Fal2023-ami-kernel-default-x86_64";
  AmSandboxResponse *response;

  g_assert_true (am_sandbox_server_load (server, dir, &error));
  g_assert_no_error (error);
  instance_id = run_one (server, image, "&DisableApiTermination=true");
  other_id = run_one (server, image, "");

  body = g_strdup_printf ("Action=DescribeInstanceAttribute&Version=2016-11-15&InstanceId=%s"
                          "&Attribute=disableApiTermination", instance_id);
  assert_call_ok (server, body, "<disableApiTermination><value>true</value></disableApiTermination>");
  g_free (body);
  body = g_strdup_printf ("Action=DescribeInstanceAttribute&Version=2016-11-15&InstanceId=%s"
                          "&Attribute=disableApiTermination", other_id);
  assert_call_ok (server, body, "<disableApiTermination><value>false</value></disableApiTermination>");

  /* Terminating a protected instance (alone or with another) changes nothing. */
  g_free (body);
  body = g_strdup_printf ("Action=TerminateInstances&Version=2016-11-15&InstanceId.1=%s&InstanceId.2=%s",
                          other_id, instance_id);
  response = call_ec2 (server, body);
  /* XML escapes the quotes. */
  expected = g_strdup_printf ("The instance &apos;%s&apos; may not be terminated. Modify its "
                              "&apos;disableApiTermination&apos; instance attribute and try again.", instance_id);
  g_assert_nonnull (strstr (body_text (response), expected));
  assert_error (response, 400, "OperationNotPermitted");
  g_free (body);
  body = g_strdup_printf ("Action=DescribeInstances&Version=2016-11-15&InstanceId.1=%s", other_id);
  assert_call_ok (server, body, "<name>pending</name>");

  /* Protect the other one through Attribute/Value; unknown attributes are refused. */
  g_free (body);
  body = g_strdup_printf ("Action=ModifyInstanceAttribute&Version=2016-11-15&InstanceId=%s"
                          "&Attribute=disableApiTermination&Value=true", other_id);
  assert_call_ok (server, body, "<return>true</return>");
  g_free (body);
  body = g_strdup_printf ("Action=ModifyInstanceAttribute&Version=2016-11-15&InstanceId=%s"
                          "&Attribute=kernel&Value=aki-1", other_id);
  assert_error (call_ec2 (server, body), 400, "InvalidParameterValue");
  g_free (body);
  body = g_strdup_printf ("Action=ModifyInstanceAttribute&Version=2016-11-15&InstanceId=%s"
                          "&DisableApiTermination.Value=false&DryRun=true", instance_id);
  assert_error (call_ec2 (server, body), 412, "DryRunOperation");
  g_object_unref (server);

  /* Persisted: after a restart both are still protected. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"disableApiTermination\" : true"));
  server = am_sandbox_server_new ();
  g_assert_true (am_sandbox_server_load (server, dir, &error));
  g_assert_no_error (error);
  g_free (body);
  body = g_strdup_printf ("Action=TerminateInstances&Version=2016-11-15&InstanceId.1=%s", other_id);
  assert_error (call_ec2 (server, body), 400, "OperationNotPermitted");

  /* Turned off, it terminates. */
  g_free (body);
  body = g_strdup_printf ("Action=ModifyInstanceAttribute&Version=2016-11-15&InstanceId=%s"
                          "&DisableApiTermination.Value=false", instance_id);
  assert_call_ok (server, body, "<return>true</return>");
  g_free (body);
  body = g_strdup_printf ("Action=TerminateInstances&Version=2016-11-15&InstanceId.1=%s", instance_id);
  assert_call_ok (server, body, "<name>shutting-down</name>");
  g_object_unref (server);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_verification (void)
{
  g_autoptr (AmSandboxServer) server = memory_server (0);
  g_autoptr (SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  const char *body = "Action=DescribeRegions&Version=2016-11-15";
  AmSandboxResponse *response;

  response = call_signed (server, ALICE_KEY, ALICE_SECRET, "us-east-1", "ec2", body, 0);
  g_assert_cmpuint (response->status, ==, 200);
  am_sandbox_response_free (response);
  response = call_signed (server, BOB_KEY, BOB_SECRET, "eu-west-1", "ec2", body, 0);
  g_assert_cmpuint (response->status, ==, 200);
  am_sandbox_response_free (response);

  assert_error (call_signed (server, "AKIAUNKNOWNKEY000000", ALICE_SECRET, "us-east-1", "ec2", body, 0), 401, "AuthFailure");
  assert_error (call_signed (server, ALICE_KEY, BOB_SECRET, "us-east-1", "ec2", body, 0), 403, "SignatureDoesNotMatch");
  assert_error (call_signed (server, ALICE_KEY, ALICE_SECRET, "mars-north-1", "ec2", body, 0), 401, "AuthFailure");
  response = call_signed (server, ALICE_KEY, ALICE_SECRET, "us-east-1", "ec2", body, 600);
  g_assert_nonnull (header (response, "Date"));
  assert_error (response, 400, "RequestExpired");
  assert_error (call_signed (server, ALICE_KEY, ALICE_SECRET, "us-east-1", "ec2", body, -400), 400, "RequestExpired");
  /* 4 minutes off is still fine. */
  response = call_signed (server, ALICE_KEY, ALICE_SECRET, "us-east-1", "ec2", body, 240);
  g_assert_cmpuint (response->status, ==, 200);
  am_sandbox_response_free (response);

  soup_message_headers_append (headers, "Host", "127.0.0.1");
  response = am_sandbox_server_handle (server, "POST", "/", NULL, headers, body, strlen (body));
  assert_error (response, 401, "MissingAuthenticationToken");
  soup_message_headers_append (headers, "Authorization", "AWS4-HMAC-SHA256 garbage");
  response = am_sandbox_server_handle (server, "POST", "/", NULL, headers, body, strlen (body));
  assert_error (response, 400, "IncompleteSignature");

  /* The skew fault moves the server's clock: a correct client is now 10 minutes off. */
  g_assert_true (am_sandbox_server_set_faults (server, "skew=600s", NULL));
  assert_error (call_signed (server, ALICE_KEY, ALICE_SECRET, "us-east-1", "ec2", body, 0), 400, "RequestExpired");
  response = call_signed (server, ALICE_KEY, ALICE_SECRET, "us-east-1", "ec2", body, 600);
  g_assert_cmpuint (response->status, ==, 200);
  am_sandbox_response_free (response);
}

/* The credential scope's date must be the request's date (the signature does not cover it). */
static void
test_scope_date (void)
{
  g_autoptr (AmSandboxServer) server = memory_server (0);
  g_autoptr (SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr (AmSigv4Request) request = am_sigv4_request_new ("POST", "/", NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *amz_date = am_sigv4_format_amz_date (now);
  g_autofree char *scope_date = g_strndup (amz_date, 8);
  g_autofree char *authorization = NULL;
  g_auto (AmSigv4Result) result = { 0 };
  const char *body = "Action=DescribeRegions&Version=2016-11-15";
  char *date_in_header;

  soup_message_headers_append (headers, "Host", "127.0.0.1:8080");
  soup_message_headers_append (headers, "X-Amz-Date", amz_date);
  am_sigv4_request_add_header (request, "host", "127.0.0.1:8080");
  am_sigv4_request_add_header (request, "x-amz-date", amz_date);
  am_sigv4_request_set_payload (request, body, strlen (body));
  g_assert_true (am_sigv4_sign (request, ALICE_KEY, ALICE_SECRET, "us-east-1", "ec2", amz_date, &result, NULL));
  /* Another day in the credential, the signature untouched. */
  authorization = g_strdup (result.authorization);
  date_in_header = strstr (authorization, scope_date);
  g_assert_nonnull (date_in_header);
  memcpy (date_in_header, strcmp (scope_date, "20200101") == 0 ? "20200102" : "20200101", 8);
  soup_message_headers_append (headers, "Authorization", authorization);
  assert_error (am_sandbox_server_handle (server, "POST", "/", NULL, headers, body, strlen (body)),
                403, "SignatureDoesNotMatch");
  soup_message_headers_replace (headers, "Authorization", result.authorization);
  {
    g_autoptr (AmSandboxResponse) response = am_sandbox_server_handle (server, "POST", "/", NULL, headers,
                                                                       body, strlen (body));

    g_assert_cmpuint (response->status, ==, 200);
  }
}

/* A client that signs the Date header instead of X-Amz-Date. */
static void
test_date_header_signing (void)
{
  g_autoptr (AmSandboxServer) server = memory_server (0);
  g_autoptr (SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr (AmSigv4Request) request = am_sigv4_request_new ("POST", "/", NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *amz_date = am_sigv4_format_amz_date (now);
  g_autofree char *http_date = soup_date_time_to_string (now, SOUP_DATE_HTTP);
  g_auto (AmSigv4Result) result = { 0 };
  g_autoptr (AmSandboxResponse) response = NULL;
  const char *body = "Action=DescribeRegions&Version=2016-11-15";

  soup_message_headers_append (headers, "Host", "127.0.0.1:8080");
  soup_message_headers_append (headers, "Date", http_date);
  am_sigv4_request_add_header (request, "host", "127.0.0.1:8080");
  am_sigv4_request_add_header (request, "date", http_date);
  am_sigv4_request_set_payload (request, body, strlen (body));
  g_assert_true (am_sigv4_sign (request, ALICE_KEY, ALICE_SECRET, "us-east-1", "ec2", amz_date, &result, NULL));
  soup_message_headers_append (headers, "Authorization", result.authorization);
  response = am_sandbox_server_handle (server, "POST", "/", NULL, headers, body, strlen (body));
  g_test_message ("%.300s", body_text (response));
  g_assert_cmpuint (response->status, ==, 200);
}

static void
test_malformed (void)
{
  g_autoptr (AmSandboxServer) server = memory_server (0);
  g_autofree char *big = g_malloc (AM_SANDBOX_MAX_BODY + 2);
  g_autoptr (SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  AmSandboxResponse *response;

  memset (big, 'A', AM_SANDBOX_MAX_BODY + 1);
  big[AM_SANDBOX_MAX_BODY + 1] = '\0';
  response = am_sandbox_server_handle (server, "POST", "/", NULL, headers, big, AM_SANDBOX_MAX_BODY + 1);
  assert_error (response, 413, "RequestEntityTooLarge");

  assert_error (call_ec2 (server, "Version=2016-11-15"), 400, "MissingAction");
  assert_error (call_ec2 (server, "Action=LaunchRockets&Version=2016-11-15"), 400, "InvalidAction");
  assert_error (call_ec2 (server, "Action=DescribeImages"), 400, "MissingParameter");
  assert_error (call_ec2 (server, "Action=DescribeImages&Version=2016-11-15&ImageId.1=ami-XYZ"), 400, "InvalidAMIID.Malformed");
  assert_error (call_ec2 (server, "Action=DescribeImages&Version=2016-11-15&ImageId.1=ami-0123456789abcdef0"),
                400, "InvalidAMIID.NotFound");
  assert_error (call_ec2 (server, "Action=DescribeImages&Version=2016-11-15&Filter.1.Name=colour&Filter.1.Value.1=red"),
                400, "InvalidParameterValue");
  assert_error (call_ec2 (server, "Action=DescribeImages&Version=2016-11-15&MaxResults=5000"), 400, "InvalidParameterValue");
  assert_error (call_ec2 (server, "Action=DescribeImages&Version=2016-11-15&NextToken=bm9wZQ%3D%3D"), 400, "InvalidParameterValue");
  assert_error (call_ec2 (server, "Action=DescribeImages&Version=2016-11-15&IncludeDeprecated=maybe"), 400, "InvalidParameterValue");
  assert_error (call_ec2 (server, "Action=RunInstances&Version=2016-11-15&ImageId=ami-0123456789abcdef0"),
                400, "MissingParameter");
  assert_error (call_ec2 (server, "Action=CreateImage&Version=2016-11-15&InstanceId=i-0123456789abcdef0&Name=x"),
                400, "InvalidAMIName.Malformed");
  assert_error (call_ec2 (server, "Action=CreateKeyPair&Version=2016-11-15&KeyName=k&DryRun=true"), 412, "DryRunOperation");
  assert_error (call_ec2 (server, "Action=DescribeImages&Version=2016-11-15&Owner.1=self&DryRun=true"), 412, "DryRunOperation");
  /* Bytes that are not even a form still get an EC2 error. */
  assert_error (call_ec2 (server, "\x01\x02=&&==%zz&Action"), 400, "MalformedQueryString");
  assert_error (call_ec2 (server, "\x01\x02=&&Action"), 400, "InvalidParameterValue");
}

/* What awscli needs: the body parses as XML and holds no character XML 1.0 forbids. */
static void
assert_well_formed (const char *text)
{
  static const GMarkupParser parser = { NULL, NULL, NULL, NULL, NULL };
  g_autoptr (GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autoptr (GError) error = NULL;
  const char *body = strstr (text, "?>");

  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert_true (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF));
    }
  g_assert_nonnull (body);
  body += 2;
  g_assert_true (g_markup_parse_context_parse (context, body, -1, &error)
                 && g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
}

static void
assert_refused_naming (AmSandboxResponse *response,
                       const char        *parameter)
{
  const char *text = body_text (response);

  g_test_message ("%.300s", text);
  assert_well_formed (text);
  g_assert_nonnull (strstr (text, parameter));
  assert_error (response, 400, "InvalidParameterValue");
}

/* The id of alice's web server image (ids are hashed from the seed). */
static char *
alice_image_id (AmSandboxServer *server)
{
  g_autoptr (AmSandboxResponse) response = call_ec2 (server, "Action=DescribeImages&Version=2016-11-15"
                                                             "&Filter.1.Name=name"
                                                             "&Filter.1.Value.1=alice-web-server-2026-01-15");
  char *id = element_text (body_text (response), "imageId");

  g_assert_nonnull (id);
  return id;
}

static AmSandboxResponse *
call_ec2_printf (AmSandboxServer *server,
                 const char      *format,
                 ...) G_GNUC_PRINTF (2, 3);

static AmSandboxResponse *
call_ec2_printf (AmSandboxServer *server,
                 const char      *format,
                 ...)
{
  g_autofree char *body = NULL;
  va_list args;

  va_start (args, format);
  body = g_strdup_vprintf (format, args);
  va_end (args);
  return call_ec2 (server, body);
}

static void
test_bad_text (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amiable-sandbox-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "state.json", NULL);
  g_autofree char *lock = g_build_filename (dir, "lock", NULL);
  g_autofree char *image = NULL;
  g_autoptr (GError) error = NULL;
  AmSandboxServer *server = am_sandbox_server_new ();
  AmSandboxResponse *response;

  g_assert_true (am_sandbox_server_load (server, dir, &error));
  g_assert_no_error (error);
  image = alice_image_id (server);
  assert_refused_naming (call_ec2_printf (server, "Action=CreateTags&Version=2016-11-15&ResourceId.1=%s"
                                                  "&Tag.1.Key=k&Tag.1.Value=%%ff%%fe", image), "Tag.1.Value");
  assert_refused_naming (call_ec2_printf (server, "Action=CreateTags&Version=2016-11-15&ResourceId.1=%s"
                                                  "&Tag.1.Key=k&Tag.1.Value=a%%0Ab", image), "Tag.1.Value");
  assert_refused_naming (call_ec2_printf (server, "Action=CreateTags&Version=2016-11-15&ResourceId.1=%s"
                                                  "&Tag.1.Key=k&Tag.1.Value=%%ef%%bf%%bf", image), "Tag.1.Value");
  assert_refused_naming (call_ec2_printf (server, "Action=ModifyImageAttribute&Version=2016-11-15"
                                                  "&ImageId=%s&Description.Value=a%%01b", image),
                         "Description.Value");
  response = call_ec2_printf (server, "Action=DescribeImages&Version=2016-11-15&ImageId.1=%s", image);
  g_assert_null (strstr (body_text (response), "<key>k</key>"));
  am_sandbox_response_free (response);
  /* Descriptions may span lines. */
  response = call_ec2_printf (server, "Action=ModifyImageAttribute&Version=2016-11-15&ImageId=%s"
                                      "&Description.Value=line%%091%%0D%%0Aline%%C3%%A92", image);
  g_assert_cmpuint (response->status, ==, 200);
  am_sandbox_response_free (response);
  response = call_ec2_printf (server, "Action=DescribeImages&Version=2016-11-15&ImageId.1=%s", image);
  assert_well_formed (body_text (response));
  g_assert_nonnull (strstr (body_text (response), "<description>line\t1\r\nline\xc3\xa9" "2</description>"));
  am_sandbox_response_free (response);
  g_object_unref (server);

  /* A state file written by hand (or by an older sandbox) can hold anything: the answers stay
   * well-formed XML all the same. */
  {
    AmSbState *state = am_sb_state_new (0, 3000);
    g_autofree char *json = NULL;

    am_sb_state_seed (state);
    am_sb_state_set_tag (state, "111122223333", image, "bad\x01key", "nul\x02l\xef\xbf\xbe<&");
    json = am_sb_state_to_json (state);
    g_assert_true (g_file_set_contents (path, json, -1, NULL));
    am_sb_state_free (state);
  }
  server = am_sandbox_server_new ();
  g_assert_true (am_sandbox_server_load (server, dir, &error));
  g_assert_no_error (error);
  response = call_ec2_printf (server, "Action=DescribeImages&Version=2016-11-15&ImageId.1=%s", image);
  g_assert_cmpuint (response->status, ==, 200);
  assert_well_formed (body_text (response));
  g_assert_nonnull (strstr (body_text (response), "<key>bad\xef\xbf\xbdkey</key>"));
  g_assert_nonnull (strstr (body_text (response), "<value>nul\xef\xbf\xbdl\xef\xbf\xbd&lt;&amp;</value>"));
  am_sandbox_response_free (response);
  response = call_ec2 (server, "Action=DescribeTags&Version=2016-11-15");
  assert_well_formed (body_text (response));
  am_sandbox_response_free (response);
  g_object_unref (server);
  g_unlink (path);
  g_unlink (lock);
  g_rmdir (dir);
}

/* Nothing passes silently: bad encodings and names an action does not take are refused. */
/* Every operation file's action table reaches the dispatcher: each action is found under its name
 * (no table hides another's), has its handler and declares its parameters. */
static void
test_action_tables (void)
{
  const AmSbAction *const tables[] = {
    _am_sb_image_actions, _am_sb_image_attribute_actions, _am_sb_tag_actions, _am_sb_instance_actions,
    _am_sb_key_pair_actions, _am_sb_network_actions, _am_sb_snapshot_actions, _am_sb_launch_template_actions,
    _am_sb_governance_actions, _am_sb_lifecycle_actions,
  };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    for (const AmSbAction *action = tables[i]; action->name != NULL; action++, n++)
      {
        g_assert_true (_am_sb_ec2_action (action->name) == action);
        g_assert_nonnull (action->op);
        g_assert_nonnull (action->params);
      }
  g_assert_cmpuint (n, ==, 61);
  g_assert_null (_am_sb_ec2_action ("DescribeImage"));
}

static void
test_unknown_params (void)
{
  g_autoptr (AmSandboxServer) server = memory_server (0);
  g_autofree char *image = alice_image_id (server);
  AmSandboxResponse *response;

  assert_error (call_ec2 (server, "Action=DescribeImages&Version=2016-11-15&ImageId.1=%zz"), 400, "MalformedQueryString");
  assert_error (call_ec2 (server, "Action=DescribeImages&Version=2016-11-15&Owner.1=self%2"), 400, "MalformedQueryString");
  response = call_ec2 (server, "Action=DescribeImages&Version=2016-11-15&Owners.1=self");
  g_assert_nonnull (strstr (body_text (response), "The parameter Owners.1 is not recognized"));
  assert_error (response, 400, "UnknownParameter");
  response = call_ec2_printf (server, "Action=DescribeImages&Version=2016-11-15&ImageId=%s", image);
  g_assert_nonnull (strstr (body_text (response), "The parameter ImageId is not recognized"));
  assert_error (response, 400, "UnknownParameter");
  assert_error (call_ec2 (server, "Action=DescribeImages&Version=2016-11-15&Filter.1.Name=name&Filter.1.Values.1=x"),
                400, "UnknownParameter");
  assert_error (call_ec2 (server, "Action=DescribeImages&Version=2016-11-15&Filter.0.Name=name"), 400, "UnknownParameter");
  assert_error (call_ec2 (server, "Action=DescribeRegions&Version=2016-11-15&ClientToken=abc"), 400, "UnknownParameter");
  assert_error (call_ec2_printf (server, "Action=DeregisterImage&Version=2016-11-15&ImageId=%s&DeleteSnapshots=true",
                                 image), 400, "UnknownParameter");
  /* Names EC2 takes but the sandbox ignores still pass, as on EC2. */
  assert_call_ok (server, "Action=DescribeImages&Version=2016-11-15&Owner.1=self&IncludeDisabled=true&DryRun=false",
                  "<imageId>");
  assert_call_ok (server, "Action=DescribeImages&Version=2016-11-15&Owner.1=self&Filter.1.Name=name"
                          "&Filter.1.Value.1=alice-*&Filter.1.Value.2=x+y&ExecutableBy.1=self", "<imageId>");

  /* Every action has its list of names (the check runs before the action). */
  {
    static const char *const all_actions[] = {
      "DescribeImages", "CreateImage", "RegisterImage", "DeregisterImage", "CopyImage",
      "DescribeImageAttribute", "ModifyImageAttribute", "ResetImageAttribute", "EnableImageDeprecation",
      "DisableImageDeprecation", "EnableImageDeregistrationProtection", "DisableImageDeregistrationProtection",
      "CreateTags", "DeleteTags", "DescribeTags", "DescribeInstances", "RunInstances", "StartInstances",
      "StopInstances", "RebootInstances", "TerminateInstances", "ModifyInstanceAttribute",
      "DescribeInstanceAttribute", "DescribeInstanceTypes", "DescribeKeyPairs", "CreateKeyPair", "DeleteKeyPair",
      "DescribeVpcs", "DescribeSubnets", "DescribeSecurityGroups", "CreateSecurityGroup",
      "AuthorizeSecurityGroupIngress", "DescribeAvailabilityZones", "DescribeRegions", "DescribeSnapshots",
      "CreateLaunchTemplate", "DescribeLaunchTemplates",
    };

    for (guint i = 0; i < G_N_ELEMENTS (all_actions); i++)
      assert_error (call_ec2_printf (server, "Action=%s&Version=2016-11-15&Bogus.1=x", all_actions[i]),
                    400, "UnknownParameter");
  }

  g_assert_true (_am_sb_param_name_matches ("Filter.12.Value.3", "Filter.N.Value.N"));
  g_assert_false (_am_sb_param_name_matches ("Filter.01.Value.3", "Filter.N.Value.N"));
  g_assert_false (_am_sb_param_name_matches ("Filter.1.Value", "Filter.N.Value.N"));
  g_assert_false (_am_sb_param_name_matches ("Filter.1.Value.1.x", "Filter.N.Value.N"));
  g_assert_false (_am_sb_param_name_matches ("Filter.x.Name", "Filter.N.Name"));
  g_assert_true (_am_sb_param_name_matches ("Placement.AvailabilityZone", "Placement.*"));
  g_assert_false (_am_sb_param_name_matches ("Placement", "Placement.*"));
  g_assert_false (_am_sb_param_name_matches ("Placement.", "Placement.*"));
  g_assert_true (_am_sb_param_name_matches ("NetworkInterface.1.SecurityGroupId.2", "NetworkInterface.N.*"));
  g_assert_false (_am_sb_param_name_matches ("ImageIds", "ImageId"));
}

static void
test_pagination (void)
{
  g_autoptr (AmSandboxServer) server = memory_server (2500);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *token = NULL;
  g_autofree char *last = NULL;
  guint pages = 0;
  guint total_unpaged = 0;

  {
    g_autoptr (AmSandboxResponse) all = call_ec2 (server, "Action=DescribeImages&Version=2016-11-15&Owner.1=amazon");
    const char *p = body_text (all);

    while ((p = strstr (p, "<imageId>")) != NULL)
      {
        total_unpaged++;
        p++;
      }
    g_assert_null (strstr (body_text (all), "<nextToken>"));
  }
  g_assert_cmpuint (total_unpaged, >, 500);

  do
    {
      g_autofree char *body = NULL;
      g_autofree char *escaped = token ? g_uri_escape_string (token, NULL, TRUE) : NULL;
      g_autoptr (AmSandboxResponse) page = NULL;
      const char *text, *p;

      body = g_strdup_printf ("Action=DescribeImages&Version=2016-11-15&Owner.1=amazon&MaxResults=400%s%s",
                              escaped ? "&NextToken=" : "", escaped ? escaped : "");
      page = call_ec2 (server, body);
      g_assert_cmpuint (page->status, ==, 200);
      text = body_text (page);
      pages++;
      p = text;
      while ((p = strstr (p, "<imageId>")) != NULL)
        {
          g_autofree char *id = NULL;

          p += strlen ("<imageId>");
          id = g_strndup (p, strcspn (p, "<"));
          g_assert_false (g_hash_table_contains (seen, id));
          /* Stable order: ascending ids across pages. */
          if (last != NULL)
            g_assert_cmpint (strcmp (last, id), <, 0);
          g_free (last);
          last = g_strdup (id);
          g_hash_table_add (seen, g_steal_pointer (&id));
        }
      g_clear_pointer (&token, g_free);
      p = strstr (text, "<nextToken>");
      if (p != NULL)
        token = g_strndup (p + strlen ("<nextToken>"), strcspn (p + strlen ("<nextToken>"), "<"));
    }
  while (token != NULL && pages < 100);
  g_assert_cmpuint (g_hash_table_size (seen), ==, total_unpaged);
  g_assert_cmpuint (pages, ==, (total_unpaged + 399) / 400);
}

static void
test_faults (void)
{
  g_autoptr (AmSandboxServer) server = memory_server (0);
  g_autoptr (GError) error = NULL;
  const char *body = "Action=DescribeRegions&Version=2016-11-15";
  AmSandboxResponse *response;

  g_assert_false (am_sandbox_server_set_faults (server, "throttle=2", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (am_sandbox_server_set_faults (server, "gremlins=0.5", &error));
  g_clear_error (&error);
  g_assert_true (am_sandbox_server_set_faults (server, "throttle=1", &error));
  assert_error (call_ec2 (server, body), 503, "RequestLimitExceeded");
  g_assert_true (am_sandbox_server_set_faults (server, "error5xx=1", &error));
  assert_error (call_ec2 (server, body), 500, "InternalError");
  g_assert_true (am_sandbox_server_set_faults (server, "truncate=1,latency=250ms", &error));
  response = call_ec2 (server, body);
  g_assert_cmpuint (response->delay_ms, ==, 250);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_null (strstr (body_text (response), "</DescribeRegionsResponse>"));
  am_sandbox_response_free (response);
  /* Rates are by chance: with a seed, about a fifth of the calls are throttled. */
  g_assert_true (am_sandbox_server_set_faults (server, "throttle=0.2", &error));
  am_sandbox_server_set_fault_seed (server, 42);
  {
    guint throttled = 0;

    for (guint i = 0; i < 200; i++)
      {
        response = call_ec2 (server, body);
        throttled += response->status == 503;
        am_sandbox_response_free (response);
      }
    g_assert_cmpuint (throttled, >, 20);
    g_assert_cmpuint (throttled, <, 70);
  }
}

/* drop-once=ACTION loses the next successful answer of ACTION only, after carrying it out;
 * drop=1 loses every successful answer; errors are never dropped. */
static void
test_drop_faults (void)
{
  g_autoptr (AmSandboxServer) server = memory_server (0);
  g_autoptr (GError) error = NULL;
  const char *create = "Action=CreateKeyPair&Version=2016-11-15&KeyName=dropped";
  const char *regions = "Action=DescribeRegions&Version=2016-11-15";
  AmSandboxResponse *response;

  g_assert_false (am_sandbox_server_set_faults (server, "drop-once=", &error));
  g_assert_nonnull (strstr (error->message, "drop-once=ACTION"));
  g_clear_error (&error);
  g_assert_false (am_sandbox_server_set_faults (server, "drop-once=Create+Key", &error));
  g_clear_error (&error);
  g_assert_false (am_sandbox_server_set_faults (server, "drop=1.5", &error));
  g_clear_error (&error);

  g_assert_true (am_sandbox_server_set_faults (server, "drop-once=CreateKeyPair", &error));
  g_assert_no_error (error);
  response = call_ec2 (server, regions);
  g_assert_false (response->drop);
  am_sandbox_response_free (response);
  response = call_ec2 (server, create);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_true (response->drop);
  am_sandbox_response_free (response);
  /* it was carried out: the same name is now a duplicate, answered */
  response = call_ec2 (server, create);
  g_assert_false (response->drop);
  assert_error (response, 400, "InvalidKeyPair.Duplicate");

  g_assert_true (am_sandbox_server_set_faults (server, "drop=1", &error));
  response = call_ec2 (server, regions);
  g_assert_true (response->drop);
  am_sandbox_response_free (response);
  response = call_ec2 (server, create);
  g_assert_false (response->drop);
  assert_error (response, 400, "InvalidKeyPair.Duplicate");

  g_assert_true (am_sandbox_server_set_faults (server, NULL, &error));
  response = call_ec2 (server, regions);
  g_assert_false (response->drop);
  am_sandbox_response_free (response);
}

static void
test_sharing (void)
{
  g_autoptr (AmSandboxServer) server = memory_server (0);
  g_autoptr (AmSandboxResponse) bob_sees = NULL;
  g_autoptr (AmSandboxResponse) alice_sees = NULL;
  const char *body = "Action=DescribeImages&Version=2016-11-15&ExecutableBy.1=self";

  bob_sees = call_signed (server, BOB_KEY, BOB_SECRET, "us-east-1", "ec2", body, 0);
  g_assert_nonnull (strstr (body_text (bob_sees), "<name>alice-web-server-2026-01-15</name>"));
  g_assert_null (strstr (body_text (bob_sees), "alice-build-runner"));
  alice_sees = call_signed (server, ALICE_KEY, ALICE_SECRET, "us-east-1", "ec2",
                            "Action=DescribeImages&Version=2016-11-15&Owner.1=444455556666", 0);
  g_assert_null (strstr (body_text (alice_sees), "<imageId>"));

  /* An account id instead of self: alice asks what bob may launch of hers. */
  {
    g_autoptr (AmSandboxResponse) for_bob = call_ec2 (server, "Action=DescribeImages&Version=2016-11-15"
                                                              "&Owner.1=self&ExecutableBy.1=444455556666");

    g_assert_nonnull (strstr (body_text (for_bob), "<name>alice-web-server-2026-01-15</name>"));
    g_assert_null (strstr (body_text (for_bob), "alice-build-runner"));
  }
  {
    g_autoptr (AmSandboxResponse) as_bob = call_signed (server, BOB_KEY, BOB_SECRET, "us-east-1", "ec2",
                                                        "Action=DescribeImages&Version=2016-11-15"
                                                        "&ExecutableBy.1=444455556666", 0);

    g_assert_nonnull (strstr (body_text (as_bob), "<name>alice-web-server-2026-01-15</name>"));
    g_assert_nonnull (strstr (body_text (as_bob), "<name>bob-analytics-2025-11-20</name>"));
  }

  /* Shared through bob's OU, then through the organization: ExecutableBy=self sees it both ways. */
  {
    static const char *const shares[] = {
      "OrganizationalUnitArn=arn:aws:organizations::111122223333:ou/o-amiable0001/ou-am01-bob00000",
      "OrganizationArn=arn:aws:organizations::111122223333:organization/o-amiable0001",
    };
    g_autoptr (AmSandboxResponse) runner = call_ec2 (server, "Action=DescribeImages&Version=2016-11-15"
                                                             "&Filter.1.Name=name"
                                                             "&Filter.1.Value.1=alice-build-runner-*");
    g_autofree char *runner_id = element_text (body_text (runner), "imageId");

    for (guint i = 0; i < G_N_ELEMENTS (shares); i++)
      {
        g_autoptr (AmSandboxResponse) sees = NULL;
        g_autofree char *share = g_strdup_printf ("Action=ModifyImageAttribute&Version=2016-11-15&ImageId=%s"
                                                  "&LaunchPermission.Add.1.%s", runner_id, shares[i]);
        g_autofree char *unshare = g_strdup_printf ("Action=ResetImageAttribute&Version=2016-11-15&ImageId=%s"
                                                    "&Attribute=launchPermission", runner_id);

        assert_call_ok (server, share, NULL);
        sees = call_signed (server, BOB_KEY, BOB_SECRET, "us-east-1", "ec2", body, 0);
        g_assert_nonnull (strstr (body_text (sees), "alice-build-runner"));
        assert_call_ok (server, unshare, NULL);
      }
  }
}

/* A presigned GET: the signature and its parameters in the query. @expires NULL leaves
 * X-Amz-Expires out. */
static AmSandboxResponse *
call_presigned (AmSandboxServer *server,
                const char      *expires,
                gint64           clock_offset_s)
{
  g_autoptr (SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr (AmSigv4Request) request = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) when = g_date_time_add_seconds (now, clock_offset_s);
  g_autofree char *amz_date = am_sigv4_format_amz_date (when);
  g_autofree char *query = NULL;
  g_autofree char *signed_query = NULL;
  g_auto (AmSigv4Result) result = { 0 };
  g_autoptr (GError) error = NULL;

  query = g_strdup_printf ("Action=DescribeRegions&Version=2016-11-15&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                           "&X-Amz-Credential=" ALICE_KEY "%%2F%.8s%%2Fus-east-1%%2Fec2%%2Faws4_request"
                           "&X-Amz-Date=%s%s%s&X-Amz-SignedHeaders=host",
                           amz_date, amz_date, expires ? "&X-Amz-Expires=" : "", expires ? expires : "");
  soup_message_headers_append (headers, "Host", "127.0.0.1:8080");
  request = am_sigv4_request_new ("GET", "/", query);
  am_sigv4_request_add_header (request, "host", "127.0.0.1:8080");
  am_sigv4_request_set_payload (request, "", 0);
  g_assert_true (am_sigv4_sign (request, ALICE_KEY, ALICE_SECRET, "us-east-1", "ec2", amz_date, &result, &error));
  g_assert_no_error (error);
  signed_query = g_strdup_printf ("%s&X-Amz-Signature=%s", query, result.signature);
  return am_sandbox_server_handle (server, "GET", "/", signed_query, headers, NULL, 0);
}

/* A presigned request must say how long it is valid, within EC2's 1 s to 7 days. */
static void
test_presigned_expires (void)
{
  g_autoptr (AmSandboxServer) server = memory_server (0);
  AmSandboxResponse *response;

  response = call_presigned (server, "300", 0);
  g_assert_cmpuint (response->status, ==, 200);
  am_sandbox_response_free (response);
  assert_error (call_presigned (server, NULL, 0), 400, "IncompleteSignature");
  assert_error (call_presigned (server, "forever", 0), 400, "IncompleteSignature");
  assert_error (call_presigned (server, "0", 0), 400, "IncompleteSignature");
  assert_error (call_presigned (server, "604801", 0), 400, "IncompleteSignature");
  /* Signed ten minutes ago, valid for one. */
  assert_error (call_presigned (server, "60", -600), 400, "RequestExpired");
  response = call_presigned (server, "900", -600);
  g_assert_cmpuint (response->status, ==, 200);
  am_sandbox_response_free (response);
}

/* A signature that does not cover the Host header is refused, however correct it is. */
static void
test_host_signed (void)
{
  g_autoptr (AmSandboxServer) server = memory_server (0);
  g_autoptr (SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  g_autoptr (AmSigv4Request) request = am_sigv4_request_new ("POST", "/", NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *amz_date = am_sigv4_format_amz_date (now);
  g_auto (AmSigv4Result) result = { 0 };
  const char *body = "Action=DescribeRegions&Version=2016-11-15";
  static const char * const no_host[] = { "x-amz-date", NULL };

  soup_message_headers_append (headers, "Host", "127.0.0.1:8080");
  soup_message_headers_append (headers, "X-Amz-Date", amz_date);
  am_sigv4_request_add_header (request, "host", "127.0.0.1:8080");
  am_sigv4_request_add_header (request, "x-amz-date", amz_date);
  am_sigv4_request_set_signed_headers (request, no_host);
  am_sigv4_request_set_payload (request, body, strlen (body));
  g_assert_true (am_sigv4_sign (request, ALICE_KEY, ALICE_SECRET, "us-east-1", "ec2", amz_date, &result, NULL));
  g_assert_nonnull (strstr (result.authorization, "SignedHeaders=x-amz-date,"));
  soup_message_headers_append (headers, "Authorization", result.authorization);
  assert_error (am_sandbox_server_handle (server, "POST", "/", NULL, headers, body, strlen (body)),
                400, "IncompleteSignature");
}

/* Saving: a private folder, no stale temporary files, never through a planted symlink. */
static void
test_persistence_save_safety (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amiable-sandbox-XXXXXX", NULL);
  g_autofree char *victim = g_build_filename (dir, "..", "amiable-victim-XXXXXX", NULL);
  g_autofree char *stale = g_build_filename (dir, "state.json.tmp-1", NULL);
  g_autofree char *stale_link = g_build_filename (dir, "state.json.tmp-2", NULL);
  g_autofree char *own_tmp = NULL;
  g_autofree char *path = g_build_filename (dir, "state.json", NULL);
  g_autofree char *lock = g_build_filename (dir, "lock", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  AmSandboxServer *server = am_sandbox_server_new ();
  AmSandboxResponse *response;
  GStatBuf st;
  int fd;

  fd = g_mkstemp (victim);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (victim, "precious", -1, NULL));
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (stale, "{half a state", -1, NULL));
  g_assert_cmpint (symlink (victim, stale_link), ==, 0);

  g_assert_true (am_sandbox_server_load (server, dir, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0700);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale_link, G_FILE_TEST_IS_SYMLINK));

  /* The next save's temporary name, planted as a symlink: the save must not write through it. */
  own_tmp = g_strdup_printf ("%s.tmp-%d", path, (int) getpid ());
  g_assert_cmpint (symlink (victim, own_tmp), ==, 0);
  response = call_ec2 (server, "Action=CreateKeyPair&Version=2016-11-15&KeyName=safe&KeyType=ed25519");
  g_assert_cmpuint (response->status, ==, 200);
  am_sandbox_response_free (response);
  g_assert_true (g_file_get_contents (victim, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "precious");
  g_clear_pointer (&contents, g_free);
  g_assert_false (g_file_test (own_tmp, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"keyName\" : \"safe\""));

  g_object_unref (server);
  g_unlink (path);
  g_unlink (lock);
  g_unlink (victim);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A failed close() or folder fsync fails the save, and the file holds the last saved state. */
static void
test_persistence_save_results (void)
{
  g_autofree char *dir = g_dir_make_tmp ("amiable-sandbox-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "state.json", NULL);
  AmSbState *state = am_sb_state_new (0, 3000);
  const guint faults[] = { AM_SB_IO_FAULT_CLOSE, AM_SB_IO_FAULT_DIR_FSYNC };
  g_autoptr (GError) error = NULL;

  g_assert_true (am_sb_state_load (state, path, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_autofree char *contents = NULL;

      am_sb_state_set_tag (state, "111122223333", "ami-0123456789abcdef0", "Unsaved", "yes");
      state->io_faults = faults[i];
      g_assert_false (am_sb_state_save (state, &error));
      g_test_message ("%s", error->message);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
      g_clear_error (&error);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_null (strstr (contents, "Unsaved"));
      g_assert_true (am_sb_state_rollback (state, &error));
      g_assert_no_error (error);
    }
  state->io_faults = 0;
  am_sb_state_set_tag (state, "111122223333", "ami-0123456789abcdef0", "Saved", "yes");
  g_assert_true (am_sb_state_save (state, &error));
  g_assert_no_error (error);
  am_sb_state_free (state);
  g_unlink (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A client token is remembered for a day, then free for a new request. */
static void
test_client_token_expiry (void)
{
  g_autoptr (AmSandboxServer) server = memory_server (0);
  const char *first = "Action=CreateLaunchTemplate&Version=2016-11-15&LaunchTemplateName=first"
                      "&LaunchTemplateData.InstanceType=t3.micro&ClientToken=day-token";
  const char *second = "Action=CreateLaunchTemplate&Version=2016-11-15&LaunchTemplateName=second"
                       "&LaunchTemplateData.InstanceType=t3.micro&ClientToken=day-token";
  const gint64 day_and_hour_s = 25 * 60 * 60;
  AmSandboxResponse *response;

  assert_call_ok (server, first, "<launchTemplateName>first</launchTemplateName>");
  assert_error (call_ec2 (server, second), 400, "IdempotentParameterMismatch");
  /* 25 hours later (the server's clock moved by the skew fault, the client's with it). */
  g_assert_true (am_sandbox_server_set_faults (server, "skew=90000s", NULL));
  response = call_signed (server, ALICE_KEY, ALICE_SECRET, "us-east-1", "ec2", second, day_and_hour_s);
  g_test_message ("%.300s", body_text (response));
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_nonnull (strstr (body_text (response), "<launchTemplateName>second</launchTemplateName>"));
  am_sandbox_response_free (response);
  /* The token now belongs to the second request. */
  assert_error (call_signed (server, ALICE_KEY, ALICE_SECRET, "us-east-1", "ec2", first, day_and_hour_s),
                400, "IdempotentParameterMismatch");
}

/* The element texts of every <@element> in @text. */
static guint
count_elements (const char *text,
                const char *element)
{
  g_autofree char *open = g_strdup_printf ("<%s>", element);
  guint n = 0;

  for (const char *p = strstr (text, open); p != NULL; p = strstr (p + 1, open))
    n++;
  return n;
}

/* Per-account quotas, with EC2's error codes; settable for tests. */
static void
test_quotas (void)
{
  g_autoptr (AmSandboxServer) server = memory_server (0);
  g_autoptr (GError) error = NULL;
  g_autofree char *instance_id = NULL;
  g_autofree char *create_image = NULL;
  AmSandboxResponse *response;

  g_assert_false (am_sandbox_server_set_quotas (server, "gremlins=1", &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (am_sandbox_server_set_quotas (server, "images=-1", NULL));
  g_assert_true (am_sandbox_server_set_quotas (server, "key-pairs=1,security-groups=2,launch-templates=1,"
                                                       "instances=2,snapshots=1", &error));
  g_assert_no_error (error);

  assert_call_ok (server, "Action=CreateKeyPair&Version=2016-11-15&KeyName=one&KeyType=ed25519", NULL);
  assert_error (call_ec2 (server, "Action=CreateKeyPair&Version=2016-11-15&KeyName=two&KeyType=ed25519"),
                400, "KeyPairLimitExceeded");
  /* Quotas are per account: bob still has room. */
  response = call_signed (server, BOB_KEY, BOB_SECRET, "us-east-1", "ec2",
                          "Action=CreateKeyPair&Version=2016-11-15&KeyName=two&KeyType=ed25519", 0);
  g_assert_cmpuint (response->status, ==, 200);
  am_sandbox_response_free (response);
  /* The default group counts. */
  assert_call_ok (server, "Action=CreateSecurityGroup&Version=2016-11-15&GroupName=web&GroupDescription=web", NULL);
  assert_error (call_ec2 (server, "Action=CreateSecurityGroup&Version=2016-11-15&GroupName=db&GroupDescription=db"),
                400, "SecurityGroupLimitExceeded");
  assert_call_ok (server, "Action=CreateLaunchTemplate&Version=2016-11-15&LaunchTemplateName=first"
                          "&LaunchTemplateData.InstanceType=t3.micro", NULL);
  assert_error (call_ec2 (server, "Action=CreateLaunchTemplate&Version=2016-11-15&LaunchTemplateName=second"
                                  "&LaunchTemplateData.InstanceType=t3.micro"), 400, "ResourceLimitExceeded");

  /* As many instances as the quota leaves room for, at least MinCount. */
  response = call_ec2 (server, "Action=RunInstances&Version=2016-11-15&ImageId=resolve%3Assm%3A%2Faws%2Fservice%2F"
                               "ami-amazon-linux-latest%2Fal2023-ami-kernel-default-x86_64&InstanceType=t3.micro"
                               "&MinCount=1&MaxCount=5");
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpuint (count_elements (body_text (response), "instanceId"), ==, 2);
  instance_id = element_text (body_text (response), "instanceId");
  am_sandbox_response_free (response);
  assert_error (call_ec2 (server, "Action=RunInstances&Version=2016-11-15&ImageId=resolve%3Assm%3A%2Faws%2F"
                                  "service%2Fami-amazon-linux-latest%2Fal2023-ami-kernel-default-x86_64"
                                  "&InstanceType=t3.micro&MinCount=1&MaxCount=1"), 400, "InstanceLimitExceeded");

  /* Alice's two images already have more than one snapshot. */
  g_usleep (300 * 1000);
  create_image = g_strdup_printf ("Action=CreateImage&Version=2016-11-15&InstanceId=%s&Name=quota-", instance_id);
  {
    g_autofree char *body = g_strconcat (create_image, "1", NULL);

    assert_error (call_ec2 (server, body), 400, "SnapshotLimitExceeded");
  }
  /* Two images of her own: one more fits in a quota of three. */
  g_assert_true (am_sandbox_server_set_quotas (server, "images=3", NULL));
  {
    g_autofree char *first = g_strconcat (create_image, "1", NULL);
    g_autofree char *second = g_strconcat (create_image, "2", NULL);

    assert_call_ok (server, first, "<imageId>");
    assert_error (call_ec2 (server, second), 400, "AMIQuotaExceeded");
  }
}

/* At most 50 tags per resource, counting the ones it has. */
static void
test_tag_limit (void)
{
  g_autoptr (AmSandboxServer) server = memory_server (0);
  g_autoptr (AmSandboxResponse) images = call_ec2 (server, "Action=DescribeImages&Version=2016-11-15&Owner.1=self");
  g_autofree char *image_id = element_text (body_text (images), "imageId");
  GString *thirty = g_string_new ("Action=CreateTags&Version=2016-11-15&ResourceId.1=");
  GString *twenty_five = g_string_new ("Action=CreateTags&Version=2016-11-15&ResourceId.1=");
  GString *again = g_string_new ("Action=CreateTags&Version=2016-11-15&ResourceId.1=");
  guint existing;

  /* The image has a few tags of its own already; fill it up to 30 new ones. */
  g_string_append (thirty, image_id);
  g_string_append (twenty_five, image_id);
  g_string_append (again, image_id);
  for (guint i = 1; i <= 30; i++)
    g_string_append_printf (thirty, "&Tag.%u.Key=first-%u&Tag.%u.Value=v", i, i, i);
  assert_call_ok (server, thirty->str, NULL);
  {
    g_autofree char *body = g_strdup_printf ("Action=DescribeTags&Version=2016-11-15&Filter.1.Name=resource-id"
                                             "&Filter.1.Value.1=%s", image_id);
    g_autoptr (AmSandboxResponse) tags = call_ec2 (server, body);

    existing = count_elements (body_text (tags), "key");
  }
  g_test_message ("%u tags now", existing);
  g_assert_cmpuint (existing, >=, 30);
  g_assert_cmpuint (existing, <=, 50);
  /* 25 more in one request (under 50 by themselves) pass the limit together with the others. */
  for (guint i = 1; i <= 25; i++)
    g_string_append_printf (twenty_five, "&Tag.%u.Key=second-%u&Tag.%u.Value=v", i, i, i);
  assert_error (call_ec2 (server, twenty_five->str), 400, "TagLimitExceeded");
  /* Overwriting existing keys adds nothing, and up to 50 fits. */
  for (guint i = 1; i <= 30; i++)
    g_string_append_printf (again, "&Tag.%u.Key=first-%u&Tag.%u.Value=w", i, i, i);
  for (guint i = 1; i <= 50 - existing; i++)
    g_string_append_printf (again, "&Tag.%u.Key=third-%u&Tag.%u.Value=v", 30 + i, i, 30 + i);
  assert_call_ok (server, again->str, NULL);
  g_string_free (thirty, TRUE);
  g_string_free (twenty_five, TRUE);
  g_string_free (again, TRUE);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Disabled images and the Recycle Bin (with its times) survive a save and a load; the lifecycle
 * actions refuse names they do not take. */
static void
test_persistence_lifecycle (void)
{
  AmSbState *state = am_sb_state_new (0, 3000);
  AmSbState *copy = am_sb_state_new (0, 3000);
  g_autofree char *json = NULL;
  g_autofree char *json2 = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ids = NULL;
  AmSbImage *image;
  char *id;

  am_sb_state_seed (state);
  ids = am_sb_hash_keys (state->images);
  g_ptr_array_sort (ids, compare_ids);
  image = g_hash_table_lookup (state->images, ids->pdata[0]);
  image->disabled = TRUE;
  id = ids->pdata[1];
  image = g_hash_table_lookup (state->images, id);
  g_assert_true (g_hash_table_steal (state->images, id));
  image->recycle_enter_time = 1000;
  image->recycle_exit_time = 1000 + 7 * 24 * 3600 * 1000LL;
  g_hash_table_replace (state->recycle_bin, image->image_id, image);

  json = am_sb_state_to_json (state);
  g_assert_true (am_sb_state_from_json (copy, json, strlen (json), &error));
  g_assert_no_error (error);
  json2 = am_sb_state_to_json (copy);
  g_assert_cmpstr (json, ==, json2);
  g_assert_cmpuint (g_hash_table_size (copy->images), ==, 3);
  g_assert_cmpuint (g_hash_table_size (copy->recycle_bin), ==, 1);
  g_assert_true (((AmSbImage *) g_hash_table_lookup (copy->images, ids->pdata[0]))->disabled);
  image = g_hash_table_lookup (copy->recycle_bin, ids->pdata[1]);
  g_assert_nonnull (image);
  g_assert_cmpint (image->recycle_enter_time, ==, 1000);
  g_assert_cmpint (image->recycle_exit_time, ==, 1000 + 7 * 24 * 3600 * 1000LL);
  g_assert_cmpstr (am_sb_image_state (g_hash_table_lookup (copy->images, ids->pdata[0]), 0), ==, "disabled");
  am_sb_state_free (state);
  am_sb_state_free (copy);

  {
    g_autoptr (AmSandboxServer) server = memory_server (0);
    g_autofree char *alice = alice_image_id (server);

    assert_error (call_ec2_printf (server, "Action=DisableImage&Version=2016-11-15&ImageId.1=%s", alice),
                  400, "UnknownParameter");
    assert_error (call_ec2_printf (server, "Action=DescribeImageReferences&Version=2016-11-15&ImageId.1=%s"
                                           "&ResourceType.1.Type=ec2:Instance", alice), 400, "UnknownParameter");
    assert_call_ok (server, "Action=ListImagesInRecycleBin&Version=2016-11-15&MaxResults=5", "<imageSet");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbox/wildcard", test_wildcard);
  g_test_add_func ("/sandbox/faults/drop", test_drop_faults);
  g_test_add_func ("/sandbox/filters/images", test_image_filters);
  g_test_add_func ("/sandbox/filters/tags", test_tag_filters);
  g_test_add_func ("/sandbox/transitions", test_transitions);
  g_test_add_func ("/sandbox/transitions/lifecycle", test_instance_lifecycle);
  g_test_add_func ("/sandbox/instances/instance-store", test_instance_store);
  g_test_add_func ("/sandbox/instances/termination-protection", test_termination_protection);
  g_test_add_func ("/sandbox/persistence/roundtrip", test_persistence_roundtrip);
  g_test_add_func ("/sandbox/persistence/lifecycle", test_persistence_lifecycle);
  g_test_add_func ("/sandbox/persistence/earlier-file", test_persistence_earlier_file);
  g_test_add_func ("/sandbox/persistence/damaged", test_persistence_damaged);
  g_test_add_func ("/sandbox/persistence/acknowledged", test_persistence_acknowledged);
  g_test_add_func ("/sandbox/persistence/reload", test_persistence_reload);
  g_test_add_func ("/sandbox/persistence/missing-list", test_persistence_missing_list);
  g_test_add_func ("/sandbox/persistence/wrong-types", test_persistence_wrong_types);
  g_test_add_func ("/sandbox/persistence/older-file", test_persistence_older_file);
  g_test_add_func ("/sandbox/persistence/failed-save", test_persistence_failed_save);
  g_test_add_func ("/sandbox/verification", test_verification);
  g_test_add_func ("/sandbox/verification/date-header", test_date_header_signing);
  g_test_add_func ("/sandbox/verification/scope-date", test_scope_date);
  g_test_add_func ("/sandbox/malformed", test_malformed);
  g_test_add_func ("/sandbox/malformed/text", test_bad_text);
  g_test_add_func ("/sandbox/malformed/unknown-params", test_unknown_params);
  g_test_add_func ("/sandbox/malformed/action-tables", test_action_tables);
  g_test_add_func ("/sandbox/pagination", test_pagination);
  g_test_add_func ("/sandbox/faults", test_faults);
  g_test_add_func ("/sandbox/sharing", test_sharing);
  g_test_add_func ("/sandbox/verification/presigned-expires", test_presigned_expires);
  g_test_add_func ("/sandbox/verification/host-signed", test_host_signed);
  g_test_add_func ("/sandbox/persistence/save-safety", test_persistence_save_safety);
  g_test_add_func ("/sandbox/persistence/save-results", test_persistence_save_results);
  g_test_add_func ("/sandbox/client-token-expiry", test_client_token_expiry);
  g_test_add_func ("/sandbox/quotas", test_quotas);
  g_test_add_func ("/sandbox/quotas/tags", test_tag_limit);
  return g_test_run ();
}
