/* test-sandbox-scale.c: --seed-scale: alice's images, snapshots, instances and templates at scale
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "am-sandbox-scale.h"
#include "am-sandbox-server.h"
#include "am-sandbox-state.h"

#define ALICE "111122223333"

static AmSbState *
seeded_state (const AmSbScale *scale)
{
  AmSbState *state = am_sb_state_new (0, 3000);

  am_sb_state_seed (state);
  g_assert_cmpuint (am_sb_state_seed_scale (state, scale), >, 0);
  return state;
}

/* How many of @table's resources alice owns in @region (every resource starts id, region, owner). */
typedef struct
{
  char       *id;
  const char *region;
  const char *owner_id;
} Resource;

static guint
count_in (GHashTable *table,
          const char *region)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Resource *resource = value;

      n += strcmp (resource->region, region) == 0 && strcmp (resource->owner_id, ALICE) == 0;
    }
  return n;
}

static void
test_parse (void)
{
  g_autoptr (GError) error = NULL;
  AmSbScale scale;

  g_assert_true (am_sb_scale_parse ("lifecycle", &scale, &error));
  g_assert_cmpuint (scale.images, ==, 10000);
  g_assert_cmpuint (scale.snapshots, ==, 20000);
  g_assert_cmpuint (scale.instances, ==, 2000);
  g_assert_cmpuint (scale.launch_templates, ==, 300);
  g_assert_true (am_sb_scale_parse ("images=7,launch-templates=2", &scale, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (scale.images, ==, 7);
  g_assert_cmpuint (scale.snapshots, ==, 0);
  g_assert_cmpuint (scale.launch_templates, ==, 2);
  g_assert_false (am_sb_scale_parse ("images=many", &scale, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (am_sb_scale_parse ("volumes=3", &scale, &error));
  g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
}

/*
 * 500 images, 1200 snapshots, 100 instances and 30 templates over five regions: a fifth of
 * each per region (on top of the usual seed); every image's snapshots exist; the snapshots no
 * image uses are the ones beyond the images' own; instances and templates use alice's images
 * (or the public ones they are built on).
 */
static void
test_counts (void)
{
  AmSbScale scale = { 500, 1200, 100, 30 };
  AmSbState *state = seeded_state (&scale);
  g_autoptr (GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) families = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer value;
  guint orphans = 0;
  guint shared = 0, protected = 0;
  g_autoptr (GRegex) suffix = g_regex_new ("-(\\d{8}T\\d{4}Z|v\\d+\\.\\d+\\.0)$", 0, 0, NULL);

  for (guint r = 0; am_sb_regions[r] != NULL; r++)
    {
      const char *region = am_sb_regions[r];
      /* The usual seed: two images of alice in us-east-1, one in eu-west-1, each with its snapshot. */
      guint seeded = strcmp (region, "us-east-1") == 0 ? 2 : strcmp (region, "eu-west-1") == 0 ? 1 : 0;

      g_assert_cmpuint (count_in (state->images, region), ==, 100 + seeded);
      g_assert_cmpuint (count_in (state->snapshots, region), ==, 240 + seeded);
      g_assert_cmpuint (count_in (state->instances, region), ==, 20);
      g_assert_cmpuint (count_in (state->launch_templates, region), ==, 6);
    }

  g_hash_table_iter_init (&iter, state->images);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      AmSbImage *image = value;
      g_autofree char *family = NULL;

      if (strcmp (image->owner_id, ALICE) != 0)
        continue;
      for (guint i = 0; i < image->block_devices->len; i++)
        {
          AmSbBlockDevice *bd = image->block_devices->pdata[i];

          if (bd->snapshot_id == NULL)
            continue;
          g_assert_nonnull (g_hash_table_lookup (state->snapshots, bd->snapshot_id));
          g_hash_table_add (used, bd->snapshot_id);
        }
      g_assert_true (image->stored);
      shared += image->launch_permissions->len > 0;
      protected += image->deregistration_protection;
      /* Names end in a date or a version after the family's name (but the usual seed's). */
      if (g_str_has_prefix (image->name, "alice-"))
        continue;
      g_assert_true (g_regex_match (suffix, image->name, 0, NULL));
      family = g_regex_replace (suffix, image->name, -1, 0, "", 0, NULL);
      g_hash_table_add (families, g_strconcat (image->region, "/", family, NULL));
    }
  g_assert_cmpuint (shared, >, 0);
  g_assert_cmpuint (protected, >, 0);
  /* 40 families in every region (100 images each: two or three builds per family). */
  g_assert_cmpuint (g_hash_table_size (families), >=, 5 * 40);

  g_hash_table_iter_init (&iter, state->snapshots);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      AmSbSnapshot *snapshot = value;

      if (strcmp (snapshot->owner_id, ALICE) == 0 && !g_hash_table_contains (used, snapshot->snapshot_id))
        orphans++;
    }
  /* Per region 240 snapshots for 100 images: 140 beyond the roots, a third of them orphaned. */
  g_assert_cmpuint (orphans, ==, 5 * (140 / 3));

  g_hash_table_iter_init (&iter, state->instances);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      AmSbInstance *in = value;

      g_assert_nonnull (am_sb_state_find_image (state, in->region, in->image_id));
      g_assert_cmpuint (in->volumes->len, >, 0);
    }
  g_hash_table_iter_init (&iter, state->launch_templates);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      AmSbLaunchTemplate *lt = value;
      AmSbImage *image = am_sb_state_find_image (state, lt->region, g_hash_table_lookup (lt->data, "ImageId"));

      g_assert_nonnull (image);
      g_assert_cmpstr (image->owner_id, ==, ALICE);
    }
  am_sb_state_free (state);
}

/* The same scale gives the same state; seeding again adds nothing. */
static void
test_deterministic (void)
{
  AmSbScale scale = { 60, 150, 20, 10 };
  AmSbState *a = seeded_state (&scale);
  AmSbState *b = seeded_state (&scale);
  g_autofree char *json_a = NULL;
  g_autofree char *json_b = NULL;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, a->images);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (g_hash_table_contains (b->images, key));
  g_assert_cmpuint (g_hash_table_size (a->snapshots), ==, g_hash_table_size (b->snapshots));
  g_hash_table_iter_init (&iter, a->snapshots);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (g_hash_table_contains (b->snapshots, key));
  g_hash_table_iter_init (&iter, a->instances);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_assert_true (g_hash_table_contains (b->instances, key));

  json_a = am_sb_state_to_json (a);
  g_assert_cmpuint (am_sb_state_seed_scale (a, &scale), ==, 0);
  json_b = am_sb_state_to_json (a);
  g_assert_cmpstr (json_a, ==, json_b);
  am_sb_state_free (a);
  am_sb_state_free (b);
}

/* Through the server: seeded into the state file once; a restart with the option keeps it as it is. */
static void
test_server_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("am-scale-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "state.json", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *lock = g_build_filename (dir, "lock", NULL);
  g_autoptr (GError) error = NULL;

  for (guint run = 0; run < 2; run++)
    {
      g_autoptr (AmSandboxServer) server = am_sandbox_server_new ();

      g_assert_true (am_sandbox_server_load (server, dir, &error));
      g_assert_no_error (error);
      g_assert_true (am_sandbox_server_seed_scale (server, "images=25,snapshots=60,instances=5,launch-templates=5",
                                                   &error));
      g_assert_no_error (error);
      am_sandbox_server_disconnect (server);
      g_assert_true (g_file_get_contents (path, run == 0 ? &first : &second, NULL, NULL));
    }
  g_assert_nonnull (strstr (first, "web-base-"));
  g_assert_cmpstr (first, ==, second);
  {
    g_autoptr (AmSandboxServer) server = am_sandbox_server_new ();

    g_assert_true (am_sandbox_server_load (server, dir, &error));
    g_assert_false (am_sandbox_server_seed_scale (server, "images=-1", &error));
    g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
    am_sandbox_server_disconnect (server);
  }
  g_remove (path);
  g_remove (lock);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbox/scale/parse", test_parse);
  g_test_add_func ("/sandbox/scale/counts", test_counts);
  g_test_add_func ("/sandbox/scale/deterministic", test_deterministic);
  g_test_add_func ("/sandbox/scale/server-file", test_server_file);

  return g_test_run ();
}
