/* test-images-anatomy.c: the anatomy picture of three kinds of images, and of an instance
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-images-anatomy"

#include "config.h"

#include <string.h>

#include "am-image-anatomy.h"
#include "am-images-view-private.h"
#include "am-session.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"
#include "test-instances-common.h"

#define LINUX_IMAGE "al2023-ami-2023.9.20251110.1-kernel-6.1-x86_64"
#define WINDOWS_IMAGE "Windows_Server-2022-English-Full-SQL_2022_Standard-2025.11.12"
#define STORE_IMAGE "amzn-ami-minimal-hvm-2018.03.0.20231218.0-x86_64-s3"

typedef struct
{
  AmSandboxProcess *sandbox;
  AmSession *session;
  GtkWindow *window;
  AmImagesView *view;
} Fixture;

static gboolean
has_part (GStrv       parts,
          const char *prefix)
{
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_has_prefix (parts[i], prefix))
      return TRUE;
  return FALSE;
}

static guint
count_kind (GStrv       parts,
            const char *kind)
{
  g_autofree char *prefix = g_strdup_printf ("%s: ", kind);
  guint n = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    n += g_str_has_prefix (parts[i], prefix);
  return n;
}

/* The widget has been given the size its parts need: a new image's parts are laid out at
 * once, the allocation that fits them comes with the next frame. */
static gboolean
parts_fit (gpointer data)
{
  AmImageAnatomy *anatomy = data;
  g_auto (GStrv) parts = am_image_anatomy_get_parts (anatomy);
  int width = gtk_widget_get_width (GTK_WIDGET (anatomy));
  int height = gtk_widget_get_height (GTK_WIDGET (anatomy));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      graphene_rect_t r;

      if (!am_image_anatomy_get_part_rect (anatomy, i, &r) ||
          r.origin.x + r.size.width > width + 0.5 || r.origin.y + r.size.height > height + 0.5)
        return FALSE;
    }
  return TRUE;
}

/* Every part lies inside the widget (nothing clipped), none overlaps another part that is
 * not its container, and pointing at its middle explains that very part. */
static void
check_geometry (AmImageAnatomy *anatomy)
{
  g_auto (GStrv) parts = NULL;
  int width, height;

  /* A layout that never fits fails below, with the part that sticks out named. */
  am_ui_test_wait_until (parts_fit, anatomy, 10000);
  parts = am_image_anatomy_get_parts (anatomy);
  width = gtk_widget_get_width (GTK_WIDGET (anatomy));
  height = gtk_widget_get_height (GTK_WIDGET (anatomy));

  g_assert_cmpint (width, >, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      graphene_rect_t r;
      const char *tooltip;

      g_assert_true (am_image_anatomy_get_part_rect (anatomy, i, &r));
      g_test_message ("  %s at %.0f,%.0f %.0f×%.0f", parts[i], r.origin.x, r.origin.y, r.size.width, r.size.height);
      g_assert_cmpfloat (r.origin.x, >=, 0);
      g_assert_cmpfloat (r.origin.y, >=, 0);
      g_assert_cmpfloat (r.origin.x + r.size.width, <=, width + 0.5);
      g_assert_cmpfloat (r.origin.y + r.size.height, <=, height + 0.5);
      g_assert_cmpfloat (r.size.width, >, 10);
      g_assert_cmpfloat (r.size.height, >, 10);
      tooltip = am_image_anatomy_get_part_tooltip (anatomy, r.origin.x + r.size.width / 2, r.origin.y + r.size.height / 2);
      g_assert_nonnull (tooltip);
      if (!g_str_has_prefix (parts[i], "image: ") && !g_str_has_prefix (parts[i], "instance: "))
        for (guint j = 0; parts[j] != NULL; j++)
          {
            graphene_rect_t o;

            if (j == i || g_str_has_prefix (parts[j], "image: ") || g_str_has_prefix (parts[j], "instance: "))
              continue;
            g_assert_true (am_image_anatomy_get_part_rect (anatomy, j, &o));
            if (graphene_rect_intersection (&r, &o, NULL))
              g_error ("“%s” overlaps “%s”", parts[i], parts[j]);
          }
    }
  /* Nothing drawn, nothing explained. */
  g_assert_null (am_image_anatomy_get_part_tooltip (anatomy, width - 1, 1));
}

static void
type_search (Fixture    *fixture,
             const char *text)
{
  GtkEditable *entry = GTK_EDITABLE (_am_images_view_get_search_entry (fixture->view));
  int position = 0;

  gtk_editable_set_text (entry, "");
  for (const char *p = text; *p != '\0'; p++)
    gtk_editable_insert_text (entry, p, 1, &position);
  _am_images_view_apply_search (fixture->view);
  am_ui_test_iterate ();
}

/* Finds @name through the search entry and selects its row, as a user would. */
static AmImage *
select_image (Fixture    *fixture,
              const char *name)
{
  GListModel *model = G_LIST_MODEL (_am_images_view_get_list_model (fixture->view));

  type_search (fixture, name);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (model, i);

      if (g_strcmp0 (am_image_get_name (image), name) == 0)
        {
          gtk_selection_model_select_item (_am_images_view_get_selection (fixture->view), i, TRUE);
          am_ui_test_iterate ();
          g_assert_true (am_image_details_get_image (_am_images_view_get_details (fixture->view)) == image);
          return image;
        }
    }
  g_error ("The Amazon scope does not list %s", name);
  return NULL;
}

static GtkWidget *
find_label_with_class (GtkWidget  *root,
                       const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, css_class))
        return child;
      if ((found = find_label_with_class (child, css_class)) != NULL)
        return found;
    }
  return NULL;
}

static double
font_size (GtkWidget *widget)
{
  return pango_font_description_get_size (pango_context_get_font_description (gtk_widget_get_pango_context (widget)));
}

static GtkWidget *
field_row (AmImageDetails *details,
           const char     *title)
{
  return am_ui_test_get_widget (GTK_WIDGET (details), ADW_TYPE_ACTION_ROW, title);
}

/* The details pane reads well: values larger than their labels, one date format with UTC a
 * pointer away, Copy buttons on IDs and addresses only, fields under headings. */
static void
check_details (AmImageDetails *details,
               AmImage        *image)
{
  GtkWidget *row = field_row (details, "Image ID");
  GtkWidget *title = find_label_with_class (row, "title");
  GtkWidget *value = find_label_with_class (row, "subtitle");
  const char *created;

  g_assert_nonnull (title);
  g_assert_nonnull (value);
  g_test_message ("label %.1f pt, value %.1f pt", font_size (title) / PANGO_SCALE, font_size (value) / PANGO_SCALE);
  g_assert_cmpfloat (font_size (value), >, font_size (title));

  created = adw_action_row_get_subtitle (ADW_ACTION_ROW (field_row (details, "Created")));
  g_assert_true (g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}$", created, 0, 0));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (field_row (details, "Created")), ==,
                   "2025-11-13 02:11:37 UTC");
  g_assert_true (g_str_has_suffix (am_image_get_creation_date (image), "02:11:37.000Z"));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (field_row (details, "Deprecation"))),
                                   "Will be deprecated on 2027-11-13 "));

  /* IDs: a Copy button; facts: none. */
  g_assert_nonnull (am_ui_test_find_widget (field_row (details, "Image ID"), GTK_TYPE_BUTTON, "Copy"));
  g_assert_nonnull (am_ui_test_find_widget (field_row (details, "Owner"), GTK_TYPE_BUTTON, "Copy"));
  g_assert_null (am_ui_test_find_widget (field_row (details, "Architecture"), GTK_TYPE_BUTTON, "Copy"));
  g_assert_null (am_ui_test_find_widget (field_row (details, "Created"), GTK_TYPE_BUTTON, "Copy"));
  g_assert_null (am_ui_test_find_widget (field_row (details, "Platform"), GTK_TYPE_BUTTON, "Copy"));

  /* Under headings. */
  {
    static const struct { const char *row, *heading; } under[] = {
      { "Image ID", "Identity" }, { "Created", "Identity" }, { "Architecture", "Platform" },
      { "Root Device Type", "Root Device and Boot" }, { "Deprecation", "Lifecycle and Origin" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (under); i++)
      {
        GtkWidget *group = gtk_widget_get_ancestor (field_row (details, under[i].row), ADW_TYPE_PREFERENCES_GROUP);

        g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, under[i].heading);
      }
  }
}

/* The picture in the view at 1280 px, then in a details pane of a 360 px window. */
static GStrv
check_image (Fixture    *fixture,
             const char *name,
             const char *shot)
{
  AmImage *image = select_image (fixture, name);
  AmImageDetails *details = _am_images_view_get_details (fixture->view);
  AmImageAnatomy *anatomy = AM_IMAGE_ANATOMY (am_ui_test_get_widget (GTK_WIDGET (details), AM_TYPE_IMAGE_ANATOMY, NULL));
  g_auto (GStrv) parts = am_image_anatomy_get_parts (anatomy);
  g_autofree char *wide = g_strdup_printf ("anatomy-%s-1280", shot);
  g_autofree char *narrow = g_strdup_printf ("anatomy-%s-360", shot);
  GtkWidget *window;
  GtkWidget *small_details;
  AmImageAnatomy *small;
  g_auto (GStrv) small_parts = NULL;
  const char *description;

  g_test_message ("%s: %s", name, am_image_anatomy_get_summary (anatomy));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (anatomy)));
  /* The picture starts with who may launch it and always holds the image and its owner. */
  g_assert_true (has_part (parts, "owner: "));
  g_assert_cmpuint (count_kind (parts, "image"), ==, 1);
  g_assert_true (has_part (parts, "everyone: Everyone"));
  check_geometry (anatomy);
  /* Its accessible description lists the parts in words. */
  description = am_image_anatomy_get_summary (anatomy);
  g_assert_nonnull (strstr (description, am_image_get_image_id (image)));
  g_assert_nonnull (strstr (description, am_image_get_root_device_name (image)));
  g_assert_true (am_ui_test_screenshot_light_dark (GTK_WIDGET (fixture->window), wide, 200));
  {
    g_autofree char *picture = g_strdup_printf ("anatomy-%s-1280-picture", shot);

    g_assert_true (am_ui_test_screenshot_light_dark (GTK_WIDGET (anatomy), picture, 100));
  }

  /* The narrowest window: the same parts, reflowed, none clipped. */
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 1000);
  small_details = am_image_details_new ();
  gtk_window_set_child (GTK_WINDOW (window), small_details);
  am_image_details_set_image (AM_IMAGE_DETAILS (small_details), image);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (window);
  am_ui_test_iterate ();
  g_assert_cmpint (gtk_widget_get_width (window), ==, 360);
  small = AM_IMAGE_ANATOMY (am_ui_test_get_widget (small_details, AM_TYPE_IMAGE_ANATOMY, NULL));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (small)), <=, 360 - 24);
  small_parts = am_image_anatomy_get_parts (small);
  g_assert_cmpstrv (small_parts, parts);
  check_geometry (small);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  g_assert_true (am_ui_test_screenshot_light_dark (window, narrow, 200));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();

  /* A wide pane: the root volume template lies side by side, still nothing overlaps. */
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 1000);
  small_details = am_image_details_new ();
  gtk_window_set_child (GTK_WINDOW (window), small_details);
  am_image_details_set_image (AM_IMAGE_DETAILS (small_details), image);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (window);
  am_ui_test_iterate ();
  g_assert_cmpint (gtk_widget_get_width (window), ==, 760);
  small = AM_IMAGE_ANATOMY (am_ui_test_get_widget (small_details, AM_TYPE_IMAGE_ANATOMY, NULL));
  check_geometry (small);
  {
    g_autofree char *picture = g_strdup_printf ("anatomy-%s-760-picture", shot);

    g_assert_true (am_ui_test_screenshot_light_dark (GTK_WIDGET (small), picture, 100));
  }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();

  return g_steal_pointer (&parts);
}

static void
test_three_images (void)
{
  Fixture fixture = { 0 };
  g_auto (GStrv) linux_parts = NULL;
  g_auto (GStrv) windows_parts = NULL;
  g_auto (GStrv) store_parts = NULL;

  fixture.sandbox = am_ui_test_sandbox_start (NULL);
  fixture.session = am_ui_test_sandbox_session (fixture.sandbox, "alice");
  fixture.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture.window, 1280, 900);
  fixture.view = AM_IMAGES_VIEW (am_images_view_new ());
  gtk_window_set_child (fixture.window, GTK_WIDGET (fixture.view));
  gtk_window_present (fixture.window);
  am_ui_test_wait_mapped (GTK_WIDGET (fixture.window));
  am_images_view_set_session (fixture.view, fixture.session);
  am_ui_test_images_wait_loaded (fixture.view);
  am_images_view_set_scope (fixture.view, AM_IMAGES_SCOPE_AMAZON);
  am_ui_test_images_wait_loaded (fixture.view);

  /* Linux with one volume: snapshot → root volume, nothing else. */
  linux_parts = check_image (&fixture, LINUX_IMAGE, "linux");
  g_assert_true (has_part (linux_parts, "snapshot: Snapshot · snap-"));
  g_assert_true (has_part (linux_parts, "root-volume: /dev/xvda · 8 GiB · gp3,not encrypted"));
  g_assert_cmpuint (count_kind (linux_parts, "ebs") + count_kind (linux_parts, "instance-store")
                    + count_kind (linux_parts, "no-device"), ==, 0);
  g_assert_cmpuint (count_kind (linux_parts, "bundle"), ==, 0);

  /* Windows with many mappings: a data volume, two instance store disks, one suppressed. */
  windows_parts = check_image (&fixture, WINDOWS_IMAGE, "windows");
  check_details (_am_images_view_get_details (fixture.view),
                 am_image_details_get_image (_am_images_view_get_details (fixture.view)));
  g_assert_true (has_part (windows_parts, "root-volume: /dev/sda1 · 45 GiB · gp3,not encrypted"));
  g_assert_true (has_part (windows_parts, "ebs: xvdb · 100 GiB · gp3,encrypted"));
  g_assert_true (has_part (windows_parts, "instance-store: xvdca · instance store,ephemeral0"));
  g_assert_true (has_part (windows_parts, "instance-store: xvdcb · instance store,ephemeral1"));
  g_assert_true (has_part (windows_parts, "no-device: xvdcc · no device"));

  /* Instance store: a bundle in S3 becomes a local root disk; no snapshot. */
  store_parts = check_image (&fixture, STORE_IMAGE, "instance-store");
  g_assert_true (has_part (store_parts, "bundle: Bundle in Amazon S3 · "));
  g_assert_true (has_part (store_parts, "root-volume: /dev/sda1 · instance store root"));
  g_assert_true (has_part (store_parts, "instance-store: /dev/sdb · instance store,ephemeral1"));
  g_assert_cmpuint (count_kind (store_parts, "snapshot"), ==, 0);

  gtk_window_destroy (fixture.window);
  am_ui_test_iterate ();
  g_clear_object (&fixture.session);
  g_clear_object (&fixture.sandbox);
}

typedef struct
{
  AmImageAnatomy *anatomy;
  const char *prefix;
} PartWait;

static gboolean
part_drawn (gpointer data)
{
  PartWait *wait = data;
  g_auto (GStrv) parts = am_image_anatomy_get_parts (wait->anatomy);

  return has_part (parts, wait->prefix);
}

/* An owned image shared with an account, an organization and an OU: each stands around the box. */
static void
test_shared (void)
{
  Fixture fixture = { 0 };
  AmEc2Client *client;
  AmImage *image;
  AmImageAnatomy *anatomy;
  AmUiTestWait wait = { 0 };
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) parts = NULL;
  const char * const accounts[] = { "123456789012", NULL };
  const char * const orgs[] = { "arn:aws:organizations::123456789012:organization/o-a1b2c3d4e5", NULL };
  const char * const ous[] = { "arn:aws:organizations::123456789012:ou/o-a1b2c3d4e5/ou-ab12-cdef3456", NULL };
  PartWait part_wait;

  fixture.sandbox = am_ui_test_sandbox_start (NULL);
  fixture.session = am_ui_test_sandbox_session (fixture.sandbox, "alice");
  fixture.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture.window, 1280, 900);
  fixture.view = AM_IMAGES_VIEW (am_images_view_new ());
  gtk_window_set_child (fixture.window, GTK_WIDGET (fixture.view));
  gtk_window_present (fixture.window);
  am_ui_test_wait_mapped (GTK_WIDGET (fixture.window));
  am_images_view_set_session (fixture.view, fixture.session);
  am_ui_test_images_wait_loaded (fixture.view);
  client = am_session_get_client (fixture.session);

  image = g_list_model_get_item (G_LIST_MODEL (_am_images_view_get_list_model (fixture.view)), 0);
  g_object_unref (image);
  am_ec2_client_modify_launch_permission_async (client, am_image_get_image_id (image), AM_LAUNCH_PERMISSION_ADD,
                                                accounts, FALSE, orgs, ous, FALSE, NULL, am_ui_test_wait_cb, &wait);
  g_assert_true (am_ec2_client_modify_launch_permission_finish (client, am_ui_test_wait_for_result (&wait, 30000),
                                                                NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);

  gtk_selection_model_select_item (_am_images_view_get_selection (fixture.view), 0, TRUE);
  am_ui_test_iterate ();
  anatomy = AM_IMAGE_ANATOMY (am_ui_test_get_widget (GTK_WIDGET (_am_images_view_get_details (fixture.view)),
                                                     AM_TYPE_IMAGE_ANATOMY, NULL));
  part_wait = (PartWait) { anatomy, "account: Account · 123456789012" };
  g_assert_true (am_ui_test_wait_until (part_drawn, &part_wait, 30000));
  am_ui_test_iterate ();
  parts = am_image_anatomy_get_parts (anatomy);
  g_test_message ("%s", am_image_anatomy_get_summary (anatomy));
  g_assert_true (has_part (parts, "owner: Owner · "));
  g_assert_true (has_part (parts, "organization: Organization · arn:aws:organizations::123456789012:organization/o-a1b2c3d4e5"));
  g_assert_true (has_part (parts, "ou: Organizational unit · arn:aws:organizations::123456789012:ou/"));
  g_assert_cmpuint (count_kind (parts, "everyone") + count_kind (parts, "unknown"), ==, 0);
  check_geometry (anatomy);
  /* An ARN cut short in the picture is whole in its tooltip. */
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_has_prefix (parts[i], "organization: "))
      {
        graphene_rect_t r;

        g_assert_true (am_image_anatomy_get_part_rect (anatomy, i, &r));
        g_assert_true (g_str_has_prefix (am_image_anatomy_get_part_tooltip (anatomy, r.origin.x + 4, r.origin.y + r.size.height / 2),
                                         orgs[0]));
      }
  g_assert_true (am_ui_test_screenshot_light_dark (GTK_WIDGET (anatomy), "anatomy-shared-1280-picture", 100));

  gtk_window_destroy (fixture.window);
  am_ui_test_iterate ();
  g_clear_object (&fixture.session);
  g_clear_object (&fixture.sandbox);
}

static gboolean
anatomy_shown (gpointer data)
{
  InstancesFixture *fixture = data;

  return am_ui_test_find_widget (GTK_WIDGET (fixture->view), AM_TYPE_IMAGE_ANATOMY, NULL) != NULL;
}

/* Selecting an instance draws what was made from its image: its own volumes. */
static void
test_instance (InstancesFixture *fixture,
               gconstpointer     data)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GPtrArray) images = NULL;
  g_autofree char *instance_id = NULL;
  AmImageAnatomy *anatomy;
  g_auto (GStrv) parts = NULL;
  g_autofree char *source = NULL;
  const char *image_id;

  am_describe_images_query_add_owner (query, "amazon");
  am_describe_images_query_add_filter (query, am_ec2_filter_new ("name", WINDOWS_IMAGE, NULL));
  images = instances_describe_images (fixture, query);
  g_assert_cmpuint (images->len, ==, 1);
  image_id = am_image_get_image_id (g_ptr_array_index (images, 0));
  instance_id = instances_run_instance (fixture, image_id, "amiable-anatomy");

  am_instances_view_set_session (fixture->view, fixture->session);
  /* Running: the view stops polling, so the details pane stays as it is for the pictures. */
  instances_wait_for_state (fixture, instance_id, "running");
  g_assert_true (am_instances_view_select_instance (fixture->view, instance_id));
  g_assert_true (am_ui_test_wait_until (anatomy_shown, fixture, INSTANCES_CALL_TIMEOUT_MS));
  am_ui_test_iterate ();
  anatomy = AM_IMAGE_ANATOMY (am_ui_test_get_widget (GTK_WIDGET (fixture->view), AM_TYPE_IMAGE_ANATOMY, NULL));
  parts = am_image_anatomy_get_parts (anatomy);
  g_test_message ("%s", am_image_anatomy_get_summary (anatomy));
  g_assert_true (has_part (parts, "source: "));
  source = g_strdup_printf ("· %s", image_id);
  g_assert_nonnull (strstr (parts[0], source));
  g_assert_true (has_part (parts, "instance: Instance · i-"));
  g_assert_true (has_part (parts, "tag: Name · amiable-anatomy"));
  /* Only the EBS mappings became volumes: the root and the data volume. */
  g_assert_true (has_part (parts, "root-volume: /dev/sda1 · vol-"));
  g_assert_true (has_part (parts, "ebs: xvdb · vol-"));
  g_assert_cmpuint (count_kind (parts, "ebs"), ==, 1);
  g_assert_cmpuint (count_kind (parts, "instance-store") + count_kind (parts, "no-device"), ==, 0);
  check_geometry (anatomy);
  instances_screenshot (fixture->window, "anatomy");
  g_assert_true (am_ui_test_screenshot_light_dark (GTK_WIDGET (anatomy), "anatomy-instance-picture", 100));
}

static const InstancesFixtureOptions options = { "1000", TRUE, NULL };

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/images/anatomy/three-images", test_three_images);
  g_test_add_func ("/images/anatomy/shared", test_shared);
  g_test_add ("/images/anatomy/instance", InstancesFixture, &options,
              instances_fixture_set_up, test_instance, instances_fixture_tear_down);

  return g_test_run ();
}
