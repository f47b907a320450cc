/* test-title-layout.c: an action row with AmTitleLayout is laid out exactly as without it
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-title-layout.h"
#include "am-ui-test.h"

static const char *subtitles[] = {
  "ami-0c73f1595ea11ac3e",
  "EBS gp3 · 10 GiB · 3000 IOPS · 125 MB/s · not encrypted, deleted on termination",
  "Provided by Red Hat, Inc. (x86_64), with a description long enough to wrap over several lines at the pane's width",
  "",
};

static GtkWidget *
title_box (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BOX (child) && gtk_widget_has_css_class (child, "title"))
        return child;
      if ((found = title_box (child)) != NULL)
        return found;
    }
  return NULL;
}

static AdwActionRow *
new_row (AdwPreferencesGroup *group,
         const char          *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Block Device Mapping");
  adw_action_row_set_subtitle (row, subtitle);
  adw_action_row_set_subtitle_lines (row, 0);
  gtk_widget_add_css_class (GTK_WIDGET (row), "property");
  adw_action_row_add_suffix (row, gtk_button_new_from_icon_name ("edit-copy-symbolic"));
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static void
test_same_layout (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  AdwPreferencesGroup *plain = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *fast = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  static const int widths[] = { 200, 260, 320, 480, 900 };

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (plain));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fast));
  /* The groups one above the other in a pane that scrolls up and down, as the details are. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 900);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (window);

  for (guint i = 0; i < G_N_ELEMENTS (subtitles); i++)
    {
      AdwActionRow *a = new_row (plain, subtitles[i]);
      AdwActionRow *b = new_row (fast, subtitles[i]);
      GtkWidget *box_b;
      int min_a, nat_a, min_b, nat_b;

      am_action_row_use_title_layout (b);
      box_b = title_box (GTK_WIDGET (b));
      g_assert_nonnull (box_b);
      g_assert_true (AM_IS_TITLE_LAYOUT (gtk_widget_get_layout_manager (box_b)));
      /* Once per row. */
      am_action_row_use_title_layout (b);
      g_assert_true (AM_IS_TITLE_LAYOUT (gtk_widget_get_layout_manager (box_b)));

      /* The row asks for the same width and, at every width, the same height. */
      gtk_widget_measure (GTK_WIDGET (a), GTK_ORIENTATION_HORIZONTAL, -1, &min_a, &nat_a, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (b), GTK_ORIENTATION_HORIZONTAL, -1, &min_b, &nat_b, NULL, NULL);
      g_assert_cmpint (min_a, ==, min_b);
      g_assert_cmpint (nat_a, ==, nat_b);
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          int width = MAX (widths[w], min_a);

          gtk_widget_measure (GTK_WIDGET (a), GTK_ORIENTATION_VERTICAL, width, &min_a, &nat_a, NULL, NULL);
          gtk_widget_measure (GTK_WIDGET (b), GTK_ORIENTATION_VERTICAL, width, &min_b, &nat_b, NULL, NULL);
          g_test_message ("subtitle %u at %d px: %d/%d against %d/%d", i, width, min_a, nat_a, min_b, nat_b);
          g_assert_cmpint (min_a, ==, min_b);
          g_assert_cmpint (nat_a, ==, nat_b);
        }

      /* Its title box's width does not depend on the height offered (the box's own layout
       * would search widths for that height, measuring each label again and again). */
      gtk_widget_measure (box_b, GTK_ORIENTATION_HORIZONTAL, -1, &min_a, &nat_a, NULL, NULL);
      gtk_widget_measure (box_b, GTK_ORIENTATION_HORIZONTAL, 27, &min_b, &nat_b, NULL, NULL);
      g_assert_cmpint (min_a, ==, min_b);
      g_assert_cmpint (nat_a, ==, nat_b);
    }

  /* Laid out side by side in the window: the children get the same places. */
  gtk_widget_queue_resize (box);
  am_ui_test_iterate ();
  for (GtkWidget *ra = gtk_widget_get_first_child (title_box (GTK_WIDGET (plain))), *rb = gtk_widget_get_first_child (title_box (GTK_WIDGET (fast)));
       ra != NULL && rb != NULL;
       ra = gtk_widget_get_next_sibling (ra), rb = gtk_widget_get_next_sibling (rb))
    {
      g_assert_cmpint (gtk_widget_get_allocated_height (ra), ==, gtk_widget_get_allocated_height (rb));
      g_assert_cmpint (gtk_widget_get_allocated_width (ra), ==, gtk_widget_get_allocated_width (rb));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
}

/* A group's heading (title and a wrapping description beside the header suffix) gets the same
 * layout, laid out as before, and its width no longer depends on the height offered. */
static void
test_group_heading (void)
{
  const char *description = "The volumes each new instance gets. EBS volumes start as a copy of their snapshot; "
                            "instance store volumes are local disks that vanish when the instance stops.";
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  AdwPreferencesGroup *groups[2];
  GtkWidget *headings[2];
  static const int widths[] = { 200, 260, 320, 480, 900 };
  int min[2], nat[2];

  for (guint i = 0; i < 2; i++)
    {
      groups[i] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (groups[i], "Block Device Mapping");
      adw_preferences_group_set_description (groups[i], description);
      new_row (groups[i], subtitles[1]);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (groups[i]));
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 900);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (window);
  for (guint i = 0; i < 2; i++)
    headings[i] = gtk_widget_get_parent (am_ui_test_find_label_containing (GTK_WIDGET (groups[i]), description));
  am_preferences_group_use_title_layout (groups[1]);
  g_assert_false (AM_IS_TITLE_LAYOUT (gtk_widget_get_layout_manager (headings[0])));
  g_assert_true (AM_IS_TITLE_LAYOUT (gtk_widget_get_layout_manager (headings[1])));
  /* Once per group. */
  am_preferences_group_use_title_layout (groups[1]);
  g_assert_true (AM_IS_TITLE_LAYOUT (gtk_widget_get_layout_manager (headings[1])));

  for (guint i = 0; i < 2; i++)
    gtk_widget_measure (GTK_WIDGET (groups[i]), GTK_ORIENTATION_HORIZONTAL, -1, &min[i], &nat[i], NULL, NULL);
  g_assert_cmpint (min[0], ==, min[1]);
  g_assert_cmpint (nat[0], ==, nat[1]);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      int width = MAX (widths[w], min[0]);

      for (guint i = 0; i < 2; i++)
        gtk_widget_measure (GTK_WIDGET (groups[i]), GTK_ORIENTATION_VERTICAL, width, &min[i], &nat[i], NULL, NULL);
      g_test_message ("group at %d px: %d/%d against %d/%d", width, min[0], nat[0], min[1], nat[1]);
      g_assert_cmpint (min[0], ==, min[1]);
      g_assert_cmpint (nat[0], ==, nat[1]);
    }

  /* The heading's width for a height is its width for none. */
  gtk_widget_measure (headings[1], GTK_ORIENTATION_HORIZONTAL, -1, &min[0], &nat[0], NULL, NULL);
  gtk_widget_measure (headings[1], GTK_ORIENTATION_HORIZONTAL, 16, &min[1], &nat[1], NULL, NULL);
  g_assert_cmpint (min[0], ==, min[1]);
  g_assert_cmpint (nat[0], ==, nat[1]);

  /* Laid out in the window, the headings' labels get the same places. */
  am_ui_test_iterate ();
  for (GtkWidget *a = gtk_widget_get_first_child (headings[0]), *b = gtk_widget_get_first_child (headings[1]);
       a != NULL && b != NULL;
       a = gtk_widget_get_next_sibling (a), b = gtk_widget_get_next_sibling (b))
    {
      g_assert_cmpint (gtk_widget_get_allocated_height (a), ==, gtk_widget_get_allocated_height (b));
      g_assert_cmpint (gtk_widget_get_allocated_width (a), ==, gtk_widget_get_allocated_width (b));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  am_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/title-layout/same-layout", test_same_layout);
  g_test_add_func ("/ui/title-layout/group-heading", test_group_heading);
  return g_test_run ();
}
