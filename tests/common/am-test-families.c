/* am-test-families.c: three families of owned images in a sandbox, for cleanup tests
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-test-families"

#include "config.h"

#include "am-block-device-mapping.h"
#include "am-copy-image-request.h"
#include "am-test-families.h"

void
am_test_families_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

GAsyncResult *
am_test_families_wait (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  return *slot;
}

static void
sleep_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
}

static GPtrArray *
describe_images (AmEc2Client *client,
                 const char  *image_id)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *images;

  am_describe_images_query_add_owner (query, "self");
  if (image_id != NULL)
    am_describe_images_query_add_image_id (query, image_id);
  query->include_deprecated = TRUE;
  am_ec2_client_describe_images_async (client, query, NULL, am_test_families_cb, &result);
  images = am_ec2_client_describe_images_finish (client, am_test_families_wait (&result), NULL, &error);
  g_assert_no_error (error);
  return images;
}

char *
am_test_families_run_instance (AmEc2Client *client,
                               const char  *image_id)
{
  g_autoptr (AmRunInstancesRequest) run = am_run_instances_request_new (image_id, "t3.micro");
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) instances = NULL;
  g_autoptr (GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  char *instance_id;

  am_ec2_client_run_instances_async (client, run, FALSE, NULL, am_test_families_cb, &result);
  g_assert_true (am_ec2_client_run_instances_finish (client, am_test_families_wait (&result), &instances,
                                                     NULL, &error));
  g_assert_no_error (error);
  instance_id = g_strdup (am_instance_get_instance_id (instances->pdata[0]));
  for (;;)
    {
      const char *ids[] = { instance_id, NULL };
      g_autoptr (GAsyncResult) r = NULL;
      g_autoptr (GPtrArray) described = NULL;

      am_ec2_client_describe_instances_async (client, ids, NULL, NULL, am_test_families_cb, &r);
      described = am_ec2_client_describe_instances_finish (client, am_test_families_wait (&r), &error);
      g_assert_no_error (error);
      if (g_strcmp0 (am_instance_get_state_name (described->pdata[0]), "running") == 0)
        return instance_id;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      sleep_ms (50);
    }
}

static void
wait_available (AmEc2Client *client,
                const char  *image_id)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr (GPtrArray) images = describe_images (client, image_id);

      g_assert_cmpuint (images->len, ==, 1);
      if (g_strcmp0 (am_image_get_state (images->pdata[0]), "available") == 0)
        return;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      sleep_ms (50);
    }
}

GPtrArray *
am_test_families_seed (AmEc2Client *client)
{
  g_autoptr (GPtrArray) owned = describe_images (client, NULL);
  g_autofree char *instance_id = NULL;
  const char *source = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  const char *prefixes[] = { "cleanup-app-2026-01-0", "cleanup-db-v1.", "cleanup-cache 2026010" };
  const char *suffixes[] = { "", ".0", "" };

  for (guint i = 0; i < owned->len; i++)
    if (g_strcmp0 (am_image_get_name (owned->pdata[i]), "alice-web-server-2026-01-15") == 0)
      source = am_image_get_image_id (owned->pdata[i]);
  g_assert_nonnull (source);
  instance_id = am_test_families_run_instance (client, source);

  for (guint n = 1; n <= 3; n++)
    for (guint f = 0; f < G_N_ELEMENTS (prefixes); f++)
      {
        g_autofree char *name = g_strdup_printf ("%s%u%s", prefixes[f], n, suffixes[f]);
        g_autoptr (GAsyncResult) result = NULL;
        g_autoptr (GError) error = NULL;
        char *image_id = NULL;

        am_ec2_client_create_image_async (client, instance_id, name, "made for a cleanup test", TRUE, NULL,
                                          NULL, FALSE, NULL, am_test_families_cb, &result);
        g_assert_true (am_ec2_client_create_image_finish (client, am_test_families_wait (&result), &image_id,
                                                          NULL, &error));
        g_assert_no_error (error);
        g_ptr_array_add (ids, image_id);
      }
  /* In creation order per family: app 1, db 1, cache 1, app 2, … → app 1-3, db 1-3, cache 1-3. */
  {
    GPtrArray *ordered = g_ptr_array_new_with_free_func (g_free);

    for (guint f = 0; f < G_N_ELEMENTS (prefixes); f++)
      for (guint n = 0; n < 3; n++)
        g_ptr_array_add (ordered, g_strdup (ids->pdata[n * 3 + f]));
    g_ptr_array_unref (ids);
    ids = ordered;
  }
  for (guint i = 0; i < ids->len; i++)
    wait_available (client, ids->pdata[i]);
  return ids;
}

char *
am_test_families_snapshots_of (AmEc2Client *client,
                               const char  *image_id)
{
  g_autoptr (GPtrArray) images = describe_images (client, image_id);
  AmBlockDeviceMapping * const *mappings;
  GString *s = g_string_new (NULL);

  g_assert_cmpuint (images->len, ==, 1);
  mappings = am_image_get_block_device_mappings (images->pdata[0]);
  for (guint i = 0; mappings[i] != NULL; i++)
    if (am_block_device_mapping_get_snapshot_id (mappings[i]) != NULL)
      g_string_append_printf (s, "%s%s", s->len > 0 ? " " : "",
                              am_block_device_mapping_get_snapshot_id (mappings[i]));
  return g_string_free (s, FALSE);
}

gboolean
am_test_families_image_exists (AmEc2Client *client,
                               const char  *image_id)
{
  g_autoptr (GPtrArray) images = describe_images (client, NULL);

  for (guint i = 0; i < images->len; i++)
    if (g_strcmp0 (am_image_get_image_id (images->pdata[i]), image_id) == 0)
      return TRUE;
  return FALSE;
}

gboolean
am_test_families_snapshot_exists (AmEc2Client *client,
                                  const char  *snapshot_id)
{
  const char *owners[] = { "self", NULL };
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) snapshots = NULL;
  g_autoptr (GError) error = NULL;

  am_ec2_client_describe_snapshots_async (client, NULL, owners, NULL, NULL, am_test_families_cb, &result);
  snapshots = am_ec2_client_describe_snapshots_finish (client, am_test_families_wait (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < snapshots->len; i++)
    if (g_strcmp0 (am_snapshot_get_snapshot_id (snapshots->pdata[i]), snapshot_id) == 0)
      return TRUE;
  return FALSE;
}

gboolean
am_test_families_in_recycle_bin (AmEc2Client *client,
                                 const char  *snapshot_id)
{
  const char *ids[] = { snapshot_id, NULL };
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (GError) error = NULL;

  am_ec2_client_list_snapshots_in_recycle_bin_async (client, ids, NULL, am_test_families_cb, &result);
  listed = am_ec2_client_list_snapshots_in_recycle_bin_finish (client, am_test_families_wait (&result), &error);
  g_assert_no_error (error);
  return listed->len == 1;
}

AmImage *
am_test_families_owned_image (AmEc2Client *client,
                              const char  *name)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) images = NULL;
  g_autoptr (GError) error = NULL;

  am_describe_images_query_add_owner (query, "self");
  am_ec2_client_describe_images_async (client, query, NULL, am_test_families_cb, &result);
  images = am_ec2_client_describe_images_finish (client, am_test_families_wait (&result), NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < images->len; i++)
    if (name == NULL || g_strcmp0 (am_image_get_name (images->pdata[i]), name) == 0)
      return g_object_ref (images->pdata[i]);
  g_error ("no owned image %s", name != NULL ? name : "at all");
}

char *
am_test_families_copy_to (AmEc2Client *source,
                          const char  *image_id,
                          const char  *region,
                          const char  *name)
{
  g_autoptr (AmEc2Client) destination = NULL;
  g_autoptr (AmCopyImageRequest) request = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  char *new_id = NULL;

  destination = am_ec2_client_new_for_region (source, region, &error);
  g_assert_no_error (error);
  request = am_copy_image_request_new (image_id, am_ec2_client_get_region (source), name);
  am_ec2_client_copy_image_async (destination, request, FALSE, NULL, am_test_families_cb, &result);
  g_assert_true (am_ec2_client_copy_image_finish (destination, am_test_families_wait (&result), &new_id, NULL, &error));
  g_assert_no_error (error);
  return new_id;
}
