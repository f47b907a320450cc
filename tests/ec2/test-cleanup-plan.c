/* test-cleanup-plan.c: image families and the cleanup plan over a hand-made set of images
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-cleanup-plan.h"
#include "am-ec2-parse-private.h"
#include "am-image-family.h"

static void
test_family_names (void)
{
  const struct { const char *name; const char *family; } cases[] = {
    { "app-server-2026-01-05", "app-server" },
    { "app-server-v1.2.3", "app-server" },
    { "base 20260105", "base" },
    { "base_20260105T101200Z", "base" },
    { "web-1.4", "web" },
    { "build-runner-arm64-2026-02-03", "build-runner-arm64" },
    { "worker-x86_64", "worker-x86_64" },
    { "worker-x86_64-2026-01-01", "worker-x86_64" },
    { "app-7", "app-7" },
    { "app-123", "app" },
    { "2026-01-05", "2026-01-05" },
    { "plain", "plain" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *family = am_image_family_from_name (cases[i].name);

      g_assert_cmpstr (family, ==, cases[i].family);
    }
}

typedef struct
{
  const char *id;
  const char *name;
  const char *date;
  const char *snapshots;   /* "snap-x:8 snap-y:20" */
  const char *extra;       /* more XML inside the item */
} FakeImage;

static const FakeImage fake_images[] = {
  { "ami-a0", "app-server-2025-12-05", "2025-12-05T10:00:00.000Z", "snap-a0:8 snap-common:20", "" },
  { "ami-a1", "app-server-2026-01-05", "2026-01-05T10:00:00.000Z", "snap-a1:8", "" },
  { "ami-a2", "app-server-2026-02-05", "2026-02-05T10:00:00.000Z", "snap-a2:8 snap-common:20", "" },
  { "ami-a3", "app-server-2026-03-05", "2026-03-05T10:00:00.000Z", "snap-a3:8", "" },
  { "ami-a4", "app-server-2026-04-05", "2026-04-05T10:00:00.000Z", "snap-a4:8", "" },
  { "ami-b1", "base 20260101", "2026-01-01T10:00:00.000Z", "snap-b1:30",
    "<deregistrationProtection>enabled</deregistrationProtection>" },
  { "ami-b2", "base 20260201", "2026-02-01T10:00:00.000Z", "snap-b2:30", "" },
  { "ami-b3", "base 20260301", "2026-03-01T10:00:00.000Z", "snap-b3:30", "" },
  { "ami-w0", "web-v1.0.0", "2025-10-01T10:00:00.000Z", "snap-w0:10", "<isPublic>true</isPublic>" },
  { "ami-w1", "web-v1.1.0", "2025-11-01T10:00:00.000Z", "snap-w1:100 snap-shared:50", "" },
  { "ami-w2", "web-v1.2.0", "2025-12-01T10:00:00.000Z", "snap-w2:10", "" },
  { "ami-w3", "web-v1.3.0", "2026-01-01T10:00:00.000Z", "snap-w3:10 snap-shared:50", "" },
};

static GPtrArray *
fake_image_set (void)
{
  static const char * const path[] = { "imagesSet", NULL };
  g_autoptr (GString) xml = g_string_new ("<DescribeImagesResponse><imagesSet>");
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *images;

  for (guint i = 0; i < G_N_ELEMENTS (fake_images); i++)
    {
      const FakeImage *f = &fake_images[i];
      g_auto (GStrv) snapshots = g_strsplit (f->snapshots, " ", -1);
      g_autofree char *family = am_image_family_from_name (f->name);

      g_string_append_printf (xml, "<item><imageId>%s</imageId><name>%s</name>"
                              "<creationDate>%s</creationDate>%s<blockDeviceMapping>",
                              f->id, f->name, f->date, f->extra);
      for (guint s = 0; snapshots[s] != NULL; s++)
        {
          g_auto (GStrv) parts = g_strsplit (snapshots[s], ":", 2);

          g_string_append_printf (xml, "<item><deviceName>/dev/xvd%c</deviceName><ebs><snapshotId>%s"
                                  "</snapshotId><volumeSize>%s</volumeSize></ebs></item>",
                                  'a' + s, parts[0], parts[1]);
        }
      /* A tag that groups the other way round: by what the images are for. */
      g_string_append_printf (xml, "</blockDeviceMapping><tagSet><item><key>Role</key><value>%s</value>"
                              "</item></tagSet></item>", g_str_has_prefix (family, "web") ? "frontend" : "backend");
    }
  g_string_append (xml, "</imagesSet></DescribeImagesResponse>");
  body = g_bytes_new (xml->str, xml->len);
  images = _am_ec2_parse_list (body, _am_image_get_model_info (), path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, G_N_ELEMENTS (fake_images));
  return images;
}

static AmCleanupPlan *
fake_plan (void)
{
  g_autoptr (GPtrArray) images = fake_image_set ();
  AmCleanupPlan *plan = am_cleanup_plan_new ();

  for (guint i = 0; i < images->len; i++)
    {
      const char *id = am_image_get_image_id (images->pdata[i]);

      /* An instance runs the oldest but one app server. */
      am_cleanup_plan_add_image (plan, images->pdata[i],
                                 g_str_equal (id, "ami-a1") ? AM_CLEANUP_IMAGE_USED : 0);
    }
  {
    g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 4, 10, 0, 0, 0);

    am_cleanup_plan_set_now (plan, g_date_time_to_unix (now));
  }
  return plan;
}

static void
assert_freed (const AmCleanupEntry *entry,
              const char           *expected)
{
  g_autofree char *freed = g_strjoinv (" ", entry->freed_snapshots);

  g_assert_cmpstr (freed, ==, expected);
}

static char *
removed_ids (AmCleanupPlan *plan)
{
  g_autoptr (GPtrArray) removals = am_cleanup_plan_get_removals (plan);
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < removals->len; i++)
    {
      AmCleanupEntry *entry = removals->pdata[i];

      g_string_append_printf (s, "%s%s", s->len > 0 ? " " : "", am_image_get_image_id (entry->image));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static AmCleanupEntry *
entry_of (AmCleanupPlan *plan,
          const char    *image_id)
{
  GPtrArray *entries = am_cleanup_plan_get_entries (plan);

  for (guint i = 0; i < entries->len; i++)
    {
      AmCleanupEntry *entry = entries->pdata[i];

      if (g_str_equal (am_image_get_image_id (entry->image), image_id))
        return entry;
    }
  g_assert_not_reached ();
}

static void
test_plan_keep_newest (void)
{
  g_autoptr (AmCleanupPlan) plan = fake_plan ();
  g_autoptr (AmSnapshot) archived = NULL;
  g_autofree char *ids = NULL;
  AmCleanupEntry *entry;

  am_cleanup_plan_set_keep_newest (plan, 2);
  am_cleanup_plan_compute (plan);
  ids = removed_ids (plan);
  /* app-server: a4 a3 newest, a1 used; base: b1 protected; web: w3 w2 newest, w0 public. */
  g_assert_cmpstr (ids, ==, "ami-a2 ami-a0 ami-w1");
  g_assert_cmpint (entry_of (plan, "ami-a1")->verdict, ==, AM_CLEANUP_KEEP_USED);
  g_assert_cmpint (entry_of (plan, "ami-b1")->verdict, ==, AM_CLEANUP_KEEP_PROTECTED);
  g_assert_cmpint (entry_of (plan, "ami-w0")->verdict, ==, AM_CLEANUP_KEEP_SHARED);
  g_assert_cmpint (entry_of (plan, "ami-a4")->verdict, ==, AM_CLEANUP_KEEP_NEWEST);
  g_assert_cmpstr (entry_of (plan, "ami-a4")->family, ==, "app-server");
  g_assert_cmpuint (entry_of (plan, "ami-a2")->rank, ==, 2);

  /* snap-common of a2 and a0 counts once (with a2, listed first); snap-shared stays with w3. */
  entry = entry_of (plan, "ami-a2");
  assert_freed (entry, "snap-a2 snap-common");
  g_assert_cmpfloat (entry->freed_gb, ==, 28);
  entry = entry_of (plan, "ami-a0");
  assert_freed (entry, "snap-a0");
  entry = entry_of (plan, "ami-w1");
  assert_freed (entry, "snap-w1");
  g_assert_cmpuint (am_cleanup_plan_get_n_removals (plan), ==, 3);
  g_assert_cmpuint (am_cleanup_plan_get_n_freed_snapshots (plan), ==, 4);
  g_assert_cmpfloat_with_epsilon (am_cleanup_plan_get_freed_gb (plan), 136, 1e-9);
  g_assert_cmpfloat_with_epsilon (am_cleanup_plan_get_freed_monthly_cost (plan), 136 * 0.05, 1e-9);

  /* The archive tier, read from DescribeSnapshots, costs its own rate. */
  {
    static const char * const path[] = { "snapshotSet", NULL };
    const char *xml = "<r><snapshotSet><item><snapshotId>snap-w1</snapshotId><volumeSize>100</volumeSize>"
                      "<storageTier>archive</storageTier></item></snapshotSet></r>";
    g_autoptr (GBytes) body = g_bytes_new_static (xml, strlen (xml));
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) snapshots = _am_ec2_parse_list (body, _am_snapshot_get_model_info (), path, NULL, &error);

    g_assert_no_error (error);
    am_cleanup_plan_add_snapshot (plan, snapshots->pdata[0]);
  }
  am_cleanup_plan_set_rates (plan, 0.10, 0.02);
  am_cleanup_plan_compute (plan);
  g_assert_cmpfloat_with_epsilon (am_cleanup_plan_get_freed_monthly_cost (plan), 36 * 0.10 + 100 * 0.02, 1e-9);
}

static void
test_plan_rules (void)
{
  g_autoptr (AmCleanupPlan) plan = fake_plan ();
  g_autofree char *by_days = NULL;
  g_autofree char *by_one = NULL;
  g_autofree char *by_tag = NULL;
  GPtrArray *entries;

  /* Newer than 70 days (after 2026-01-30) stays too: a2 is saved. */
  am_cleanup_plan_set_keep_newest (plan, 2);
  am_cleanup_plan_set_keep_days (plan, 70);
  am_cleanup_plan_compute (plan);
  by_days = removed_ids (plan);
  g_assert_cmpstr (by_days, ==, "ami-a0 ami-w1");
  g_assert_cmpint (entry_of (plan, "ami-a2")->verdict, ==, AM_CLEANUP_KEEP_RECENT);

  /* Keep one, no age rule: still nothing used, protected or shared goes. */
  am_cleanup_plan_set_keep_newest (plan, 1);
  am_cleanup_plan_set_keep_days (plan, 0);
  am_cleanup_plan_compute (plan);
  by_one = removed_ids (plan);
  g_assert_cmpstr (by_one, ==, "ami-a3 ami-a2 ami-a0 ami-b2 ami-w2 ami-w1");

  /* Keep none: everything but the three always-kept. */
  am_cleanup_plan_set_keep_newest (plan, 0);
  am_cleanup_plan_compute (plan);
  g_assert_cmpuint (am_cleanup_plan_get_n_removals (plan), ==, G_N_ELEMENTS (fake_images) - 3);
  entries = am_cleanup_plan_get_entries (plan);
  for (guint i = 0; i < entries->len; i++)
    {
      AmCleanupEntry *entry = entries->pdata[i];

      if (entry->verdict == AM_CLEANUP_REMOVE)
        g_assert_cmpstr (am_image_get_image_id (entry->image), !=, "ami-a1");
    }
  /* snap-shared goes once, when w1 and w3 both go. */
  g_assert_cmpfloat_with_epsilon (am_cleanup_plan_get_freed_gb (plan),
                                  8 + 20 + 8 + 8 + 8 + 30 + 30 + 100 + 50 + 10 + 10, 1e-9);

  /* Grouped by the Role tag: two families, the newest 2 of each stay. */
  am_cleanup_plan_set_family_tag (plan, "Role");
  am_cleanup_plan_set_keep_newest (plan, 2);
  am_cleanup_plan_compute (plan);
  by_tag = removed_ids (plan);
  g_assert_cmpstr (by_tag, ==, "ami-b3 ami-a2 ami-b2 ami-a0 ami-w1");
  g_assert_cmpstr (entry_of (plan, "ami-a4")->family, ==, "backend");
}


/* Two Regions' plans merged: families are per Region, so "keep the newest 1" keeps a3 in
 * eu-west-1 besides a4 in us-east-1 (one family over both would remove a3). */
static void
test_plan_regions (void)
{
  g_autoptr (GPtrArray) images = fake_image_set ();
  g_autoptr (AmCleanupPlan) east = am_cleanup_plan_new ();
  g_autoptr (AmCleanupPlan) west = am_cleanup_plan_new ();
  g_autoptr (AmCleanupPlan) plan = am_cleanup_plan_new ();
  g_autoptr (GListStore) plans = g_list_store_new (AM_TYPE_CLEANUP_PLAN);
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 4, 10, 0, 0, 0);
  g_autofree char *ids = NULL;

  for (guint i = 0; i < images->len; i++)
    {
      AmImage *image = images->pdata[i];
      const char *id = am_image_get_image_id (image);
      gboolean in_west = g_str_equal (id, "ami-a1") || g_str_equal (id, "ami-a3");

      am_image_set_region (image, in_west ? "eu-west-1" : "us-east-1");
      am_cleanup_plan_add_image (in_west ? west : east, image, g_str_equal (id, "ami-a1") ? AM_CLEANUP_IMAGE_USED : 0);
    }
  g_list_store_append (plans, east);
  g_list_store_append (plans, west);
  am_cleanup_plan_set_now (plan, g_date_time_to_unix (now));
  am_cleanup_plan_set_keep_newest (plan, 1);
  am_cleanup_plan_take_regions (plan, G_LIST_MODEL (plans));
  g_assert_cmpuint (am_cleanup_plan_get_entries (plan)->len, ==, images->len);
  ids = removed_ids (plan);
  /* eu-west-1 first: a3 is its newest, a1 used; us-east-1: a4 b3 w3 newest, b1 protected, w0 public. */
  g_assert_cmpstr (ids, ==, "ami-a2 ami-a0 ami-b2 ami-w2 ami-w1");
  g_assert_cmpint (entry_of (plan, "ami-a3")->verdict, ==, AM_CLEANUP_KEEP_NEWEST);
  g_assert_cmpuint (entry_of (plan, "ami-a3")->rank, ==, 0);
  g_assert_cmpuint (entry_of (plan, "ami-a2")->rank, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cleanup/family-names", test_family_names);
  g_test_add_func ("/cleanup/plan/keep-newest", test_plan_keep_newest);
  g_test_add_func ("/cleanup/plan/rules", test_plan_rules);
  g_test_add_func ("/cleanup/plan/regions", test_plan_regions);
  return g_test_run ();
}
