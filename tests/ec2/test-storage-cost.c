/* test-storage-cost.c: snapshot storage and its monthly cost, per image and in totals
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-ec2-parse-private.h"
#include "am-image-freshness.h"
#include "am-storage-cost.h"

/* Images from "ID|NAME|DATE|STATE|snap:GB snap:GB" lines, parsed the way the client does. */
static GPtrArray *
parse_images (const char * const *lines)
{
  static const char * const path[] = { "imagesSet", NULL };
  g_autoptr (GString) xml = g_string_new ("<DescribeImagesResponse><imagesSet>");
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *images;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "|", 5);
      g_auto (GStrv) snapshots = g_strsplit (f[4], " ", -1);

      g_string_append_printf (xml, "<item><imageId>%s</imageId><name>%s</name><imageOwnerId>111122223333"
                              "</imageOwnerId><creationDate>%s</creationDate><imageState>%s</imageState>"
                              "<blockDeviceMapping>", f[0], f[1], f[2], f[3]);
      for (guint s = 0; snapshots[s] != NULL; s++)
        {
          g_auto (GStrv) parts = g_strsplit (snapshots[s], ":", 2);

          if (parts[0] == NULL || parts[1] == NULL)
            continue;
          g_string_append_printf (xml, "<item><deviceName>/dev/xvd%c</deviceName><ebs><snapshotId>%s"
                                  "</snapshotId><volumeSize>%s</volumeSize></ebs></item>",
                                  'a' + s, parts[0], parts[1]);
        }
      g_string_append (xml, "</blockDeviceMapping></item>");
    }
  g_string_append (xml, "</imagesSet></DescribeImagesResponse>");
  body = g_bytes_new (xml->str, xml->len);
  images = _am_ec2_parse_list (body, _am_image_get_model_info (), path, NULL, &error);
  g_assert_no_error (error);
  return images;
}

/* Snapshots from "ID:GB:TIER" words. */
static GPtrArray *
parse_snapshots (const char *words)
{
  static const char * const path[] = { "snapshotSet", NULL };
  g_autoptr (GString) xml = g_string_new ("<DescribeSnapshotsResponse><snapshotSet>");
  g_auto (GStrv) items = g_strsplit (words, " ", -1);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *snapshots;

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (items[i], ":", 3);

      g_string_append_printf (xml, "<item><snapshotId>%s</snapshotId><volumeSize>%s</volumeSize>"
                              "<storageTier>%s</storageTier></item>", f[0], f[1], f[2]);
    }
  g_string_append (xml, "</snapshotSet></DescribeSnapshotsResponse>");
  body = g_bytes_new (xml->str, xml->len);
  snapshots = _am_ec2_parse_list (body, _am_snapshot_get_model_info (), path, NULL, &error);
  g_assert_no_error (error);
  return snapshots;
}

static const char * const images_lines[] = {
  "ami-1|app-2026-01-01|2026-01-01T00:00:00.000Z|available|snap-root:8 snap-data:100",
  "ami-2|app-2026-02-01|2026-02-01T00:00:00.000Z|available|snap-root2:8 snap-data:100",
  "ami-3|tools-v1.0|2026-01-10T00:00:00.000Z|available|snap-tools:30 snap-old:20",
  NULL
};

/* One image: its snapshots' sizes from DescribeSnapshots, per tier, at the given rates. */
static void
test_image_tiers (void)
{
  g_autoptr (GPtrArray) images = parse_images (images_lines);
  g_autoptr (GPtrArray) snapshots = parse_snapshots ("snap-tools:30:standard snap-old:20:archive");
  g_autoptr (GHashTable) known = am_storage_cost_index_snapshots (snapshots);
  g_autoptr (AmStorageCost) cost = am_storage_cost_new ();

  g_assert_cmpuint (am_storage_cost_add_image (cost, images->pdata[2], known), ==, 2);
  g_assert_cmpuint (am_storage_cost_get_n_snapshots (cost), ==, 2);
  g_assert_cmpuint (am_storage_cost_get_n_in_tier (cost, AM_STORAGE_TIER_ARCHIVE), ==, 1);
  g_assert_cmpfloat_with_epsilon (am_storage_cost_get_gb (cost, AM_STORAGE_TIER_STANDARD), 30, 1e-9);
  g_assert_cmpfloat_with_epsilon (am_storage_cost_get_gb (cost, AM_STORAGE_TIER_ARCHIVE), 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (am_storage_cost_get_total_gb (cost), 50, 1e-9);
  /* 30 × 0.05 + 20 × 0.0125 */
  g_assert_cmpfloat_with_epsilon (am_storage_cost_get_monthly (cost, 0.05, 0.0125), 1.75, 1e-9);
  /* The rates are the caller's: a change follows at once. */
  g_assert_cmpfloat_with_epsilon (am_storage_cost_get_monthly (cost, 0.10, 0.0125), 3.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (am_storage_cost_get_monthly (cost, 0.05, 0.05), 2.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (am_storage_cost_get_monthly (cost, -1, -1), 0, 1e-9);
}

/* Totals over several images count a snapshot two of them share once; an unknown snapshot
 * counts its mapping's size in the standard tier. */
static void
test_shared_counted_once (void)
{
  g_autoptr (GPtrArray) images = parse_images (images_lines);
  g_autoptr (GPtrArray) snapshots = parse_snapshots ("snap-root:8:standard snap-data:100:archive");
  g_autoptr (GHashTable) known = am_storage_cost_index_snapshots (snapshots);
  g_autoptr (AmStorageCost) one = am_storage_cost_new ();
  g_autoptr (AmStorageCost) total = am_storage_cost_new ();
  g_auto (GStrv) ids = am_storage_cost_image_snapshot_ids (images->pdata[1]);

  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_cmpstr (ids[0], ==, "snap-root2");
  g_assert_cmpstr (ids[1], ==, "snap-data");

  /* Each image on its own counts the shared snapshot. */
  am_storage_cost_add_image (one, images->pdata[1], known);
  g_assert_cmpfloat_with_epsilon (am_storage_cost_get_total_gb (one), 108, 1e-9);

  g_assert_cmpuint (am_storage_cost_add_image (total, images->pdata[0], known), ==, 2);
  g_assert_cmpuint (am_storage_cost_add_image (total, images->pdata[1], known), ==, 1);
  g_assert_cmpuint (am_storage_cost_add_image (total, images->pdata[1], known), ==, 0);
  g_assert_cmpuint (am_storage_cost_get_n_snapshots (total), ==, 3);
  g_assert_cmpfloat_with_epsilon (am_storage_cost_get_gb (total, AM_STORAGE_TIER_STANDARD), 16, 1e-9);
  g_assert_cmpfloat_with_epsilon (am_storage_cost_get_gb (total, AM_STORAGE_TIER_ARCHIVE), 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (am_storage_cost_get_monthly (total, 0.05, 0.0125), 16 * 0.05 + 100 * 0.0125, 1e-9);

  /* A snapshot listed on its own after the images is not counted again. */
  g_assert_false (am_storage_cost_add_snapshot (total, snapshots->pdata[1]));
  g_assert_true (am_storage_cost_add (total, "snap-orphan", 5, AM_STORAGE_TIER_STANDARD));
  g_assert_cmpfloat_with_epsilon (am_storage_cost_get_total_gb (total), 121, 1e-9);
}

/* The newest available image of a family, newer than the one asked about. */
static void
test_newer_image (void)
{
  static const char * const lines[] = {
    "ami-a1|web-2026-01-01|2026-01-01T00:00:00.000Z|available|",
    "ami-a2|web-2026-02-01|2026-02-01T00:00:00.000Z|available|",
    "ami-a3|web-2026-03-01|2026-03-01T00:00:00.000Z|available|",
    "ami-a4|web-2026-04-01|2026-04-01T00:00:00.000Z|pending|",
    "ami-b1|worker-v1.0|2026-01-01T00:00:00.000Z|available|",
    NULL
  };
  g_autoptr (GPtrArray) images = parse_images (lines);
  g_autoptr (AmImageFreshness) freshness = am_image_freshness_new (images);
  AmImage *newer;

  newer = am_image_freshness_find_newer (freshness, "ami-a1");
  g_assert_nonnull (newer);
  g_assert_cmpstr (am_image_get_image_id (newer), ==, "ami-a3");
  g_assert_cmpstr (am_image_get_image_id (am_image_freshness_find_newer (freshness, "ami-a2")), ==, "ami-a3");
  /* The newest available one has nothing newer (a pending image does not count). */
  g_assert_null (am_image_freshness_find_newer (freshness, "ami-a3"));
  g_assert_null (am_image_freshness_find_newer (freshness, "ami-a4"));
  /* Alone in its family; not among the images. */
  g_assert_null (am_image_freshness_find_newer (freshness, "ami-b1"));
  g_assert_null (am_image_freshness_find_newer (freshness, "ami-zz"));
  g_assert_null (am_image_freshness_find_newer (freshness, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/storage-cost/image-tiers", test_image_tiers);
  g_test_add_func ("/storage-cost/shared-counted-once", test_shared_counted_once);
  g_test_add_func ("/storage-cost/newer-image", test_newer_image);

  return g_test_run ();
}
