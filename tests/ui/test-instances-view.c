/* test-instances-view.c: the Instances view builds, shows its states and filters
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-instances-view"

#include "config.h"

#include "am-image-name.h"
#include "am-tag-list.h"
#include "am-volume-row.h"
#include "test-instances-common.h"

static void
test_instances_view_disconnected (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = am_instances_view_new ();
  GtkWidget *stack;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 600);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (view);

  /* Without a session the view says so and offers nothing to act on. */
  g_assert_null (am_instances_view_get_session (AM_INSTANCES_VIEW (view)));
  stack = am_ui_test_find_widget (view, GTK_TYPE_STACK, "stack");
  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "disconnected");
  g_assert_cmpuint (am_instances_view_get_n_instances (AM_INSTANCES_VIEW (view)), ==, 0);
  g_assert_false (am_instances_view_is_polling (AM_INSTANCES_VIEW (view)));
  g_assert_false (gtk_widget_activate_action (view, "instances.copy-id", NULL) &&
                  gdk_clipboard_get_content (gtk_widget_get_clipboard (view)) != NULL);

  instances_screenshot (window, "disconnected");

  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
}

static void
test_instances_image_names (void)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) when = g_date_time_new (utc, 2026, 11, 26, 16, 5, 0);
  g_autofree char *long_name = g_strnfill (129, 'a');
  g_autofree char *longest = g_strnfill (128, 'a');
  struct { const char *name; const char *problem; } cases[] = {
    { "web-server_v1.2/(blue)", NULL },
    { "abc", NULL },
    { "", "Give the image a name" },
    { "ab", "at least 3" },
    { "my image", "spaces" },
    { "web#1", "“#”" },
    { "café-image", "“é”" },
    { long_name, "at most 128" },
    { longest, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *problem = am_image_name_problem (cases[i].name);

      if (cases[i].problem == NULL)
        g_assert_null (problem);
      else
        {
          g_assert_nonnull (problem);
          g_assert_nonnull (strstr (problem, cases[i].problem));
        }
    }

  /* Suggestions are valid whatever they start from. */
  {
    const char *bases[] = { "web server #1", "", "éé", long_name, NULL };

    for (guint i = 0; bases[i] != NULL; i++)
      {
        g_autofree char *suggestion = am_image_name_suggest (bases[i], when);
        g_autofree char *problem = am_image_name_problem (suggestion);

        g_assert_null (problem);
        g_assert_true (g_str_has_suffix (suggestion, "-2026-11-26-1605"));
      }
  }
  {
    g_autofree char *suggestion = am_image_name_suggest ("web server #1", when);

    g_assert_cmpstr (suggestion, ==, "web-server-1-2026-11-26-1605");
  }

  /* Bundle manifests live in a bucket, under a path, and end in .manifest.xml. */
  {
    struct { const char *location; gboolean ok; } locations[] = {
      { "my-bucket/images/web.manifest.xml", TRUE },
      { "my-bucket/web.manifest.xml", TRUE },
      { "s3://my-bucket/web.manifest.xml", FALSE },
      { "https://my-bucket.s3.amazonaws.com/web.manifest.xml", FALSE },
      { "web.manifest.xml", FALSE },
      { "/web.manifest.xml", FALSE },
      { "my-bucket/web.xml", FALSE },
      { "", FALSE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (locations); i++)
      {
        g_autofree char *problem = am_manifest_location_problem (locations[i].location);

        g_assert_true ((problem == NULL) == locations[i].ok);
      }
  }
}

static void
test_instances_volume_rows (void)
{
  AmVolumeRow *existing = g_object_ref_sink (am_volume_row_new ("/dev/xvda", TRUE, TRUE, 8, "gp3", TRUE, FALSE));
  AmVolumeRow *added = g_object_ref_sink (am_volume_row_new ("/dev/sdf", FALSE, FALSE, 20, "gp2", FALSE, TRUE));
  g_autoptr (AmBlockDeviceSpec) spec = NULL;

  /* Left alone, an existing volume sends nothing. */
  g_assert_false (am_volume_row_get_changed (existing));
  g_assert_null (am_volume_row_to_spec (existing));

  /* It only grows; a change sends that change and nothing else. */
  am_volume_row_set_size (existing, 4);
  g_assert_cmpint (am_volume_row_get_size (existing), ==, 8);
  am_volume_row_set_size (existing, 12);
  spec = am_volume_row_to_spec (existing);
  g_assert_nonnull (spec);
  g_assert_cmpstr (spec->device_name, ==, "/dev/xvda");
  g_assert_cmpint (spec->volume_size, ==, 12);
  g_assert_null (spec->volume_type);
  g_assert_cmpint (spec->delete_on_termination, ==, AM_EC2_DEFAULT);
  g_assert_cmpint (spec->encrypted, ==, AM_EC2_DEFAULT);
  g_clear_pointer (&spec, am_block_device_spec_free);

  am_volume_row_set_size (existing, 8);
  am_volume_row_set_delete_on_termination (existing, FALSE);
  spec = am_volume_row_to_spec (existing);
  g_assert_cmpint (spec->volume_size, ==, 0);
  g_assert_cmpint (spec->delete_on_termination, ==, AM_EC2_NO);
  g_clear_pointer (&spec, am_block_device_spec_free);

  /* A new volume states everything. */
  spec = am_volume_row_to_spec (added);
  g_assert_cmpstr (spec->device_name, ==, "/dev/sdf");
  g_assert_cmpint (spec->volume_size, ==, 20);
  g_assert_cmpstr (spec->volume_type, ==, "gp2");
  g_assert_cmpint (spec->delete_on_termination, ==, AM_EC2_NO);
  g_assert_cmpint (spec->encrypted, ==, AM_EC2_YES);

  g_object_unref (existing);
  g_object_unref (added);
}

static void
test_instances_tag_list (void)
{
  AmTagList *tags = g_object_ref_sink (AM_TAG_LIST (am_tag_list_new ("Tags", NULL)));
  g_autoptr (AmTagSpecification) spec = NULL;
  GtkEditable *key;
  char *problem;
  const char *k;
  const char *v;

  g_assert_null (am_tag_list_to_spec (tags, "image"));
  g_assert_null (am_tag_list_validate (tags));

  am_tag_list_add (tags, "Purpose", "test");
  am_tag_list_add (tags, "", "");   /* empty rows are ignored */
  key = am_tag_list_add (tags, "aws:owner", "me");
  problem = am_tag_list_validate (tags);
  g_assert_nonnull (strstr (problem, "aws:"));
  g_free (problem);

  gtk_editable_set_text (key, "Purpose");
  problem = am_tag_list_validate (tags);
  g_assert_nonnull (strstr (problem, "twice"));
  g_free (problem);

  gtk_editable_set_text (key, "Team");
  g_assert_null (am_tag_list_validate (tags));
  g_assert_cmpuint (am_tag_list_get_n_tags (tags), ==, 2);

  spec = am_tag_list_to_spec (tags, "snapshot");
  g_assert_cmpstr (am_tag_specification_get_resource_type (spec), ==, "snapshot");
  g_assert_cmpuint (am_tag_specification_get_n_tags (spec), ==, 2);
  am_tag_specification_get_tag (spec, 1, &k, &v);
  g_assert_cmpstr (k, ==, "Team");
  g_assert_cmpstr (v, ==, "me");

  g_object_unref (tags);
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/instances/view/disconnected", test_instances_view_disconnected);
  g_test_add_func ("/ui/instances/image-names", test_instances_image_names);
  g_test_add_func ("/ui/instances/volume-rows", test_instances_volume_rows);
  g_test_add_func ("/ui/instances/tag-list", test_instances_tag_list);

  return g_test_run ();
}
