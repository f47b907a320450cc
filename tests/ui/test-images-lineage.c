/* test-images-lineage.c: the details pane's Lineage: a copy of a copy shows three levels across two regions, and its own copy below
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-images-lineage"

#include "config.h"

#include <string.h>

#include "am-copy-image-request.h"
#include "am-describe-images-query.h"
#include "am-ec2-client.h"
#include "am-image-lineage.h"
#include "am-images-view-private.h"
#include "am-ssm.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static char *
copy_image (AmEc2Client *destination,
            const char  *source_id,
            const char  *source_region,
            const char  *name)
{
  g_autoptr (AmCopyImageRequest) request = am_copy_image_request_new (source_id, source_region, name);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  char *image_id = NULL;

  am_ec2_client_copy_image_async (destination, request, FALSE, NULL, store_cb, &result);
  g_assert_true (am_ec2_client_copy_image_finish (destination, wait_result (&result), &image_id, NULL, &error));
  g_assert_no_error (error);
  return image_id;
}

static GPtrArray *
describe (AmEc2Client *client,
          const char  *owner,
          const char  *image_id)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *images;

  if (owner != NULL)
    am_describe_images_query_add_owner (query, owner);
  if (image_id != NULL)
    am_describe_images_query_add_image_id (query, image_id);
  am_ec2_client_describe_images_async (client, query, NULL, store_cb, &result);
  images = am_ec2_client_describe_images_finish (client, wait_result (&result), NULL, &error);
  g_assert_no_error (error);
  return images;
}

static gboolean
available (gpointer data)
{
  gpointer *args = data;
  g_autoptr (GPtrArray) images = describe (args[0], NULL, args[1]);

  return images->len == 1 && g_strcmp0 (am_image_get_state (images->pdata[0]), "available") == 0;
}

static gboolean
lineage_shown (gpointer data)
{
  AmImageLineage *lineage = data;

  return gtk_widget_get_visible (GTK_WIDGET (lineage)) && am_image_lineage_is_loaded (lineage);
}

static const char *
row_subtitle (GtkWidget  *root,
              const char *title)
{
  GtkWidget *row = am_ui_test_find_widget (root, ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

/* The titles of the action rows under @widget, top to bottom. */
static void
collect_titles (GtkWidget *widget,
                GString   *titles)
{
  if (ADW_IS_ACTION_ROW (widget))
    {
      g_string_append_printf (titles, "%s%s", titles->len > 0 ? " " : "",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_titles (child, titles);
}

static void
test_copy_of_copy (void)
{
  const char *args[] = { "--transition-ms", "200", NULL };
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (args);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  AmEc2Client *east = am_session_get_client (session);
  g_autoptr (AmEc2Client) west = am_ec2_client_new_for_region (east, "us-west-2", NULL);
  g_autoptr (GPtrArray) mine = describe (east, "self", NULL);
  g_autofree char *root = NULL;
  g_autofree char *copy1 = NULL;
  g_autofree char *copy2 = NULL;
  g_autofree char *copy3 = NULL;
  g_autofree char *order = NULL;
  g_auto (GStrv) descendants = NULL;
  g_autoptr (GString) titles = g_string_new (NULL);
  GtkWindow *window;
  AmImagesView *view;
  GtkWidget *lineage;
  GtkWidget *root_row;

  for (guint i = 0; i < mine->len && root == NULL; i++)
    if (g_strcmp0 (am_image_get_state (mine->pdata[i]), "available") == 0)
      root = g_strdup (am_image_get_image_id (mine->pdata[i]));
  g_assert_nonnull (root);
  copy1 = copy_image (west, root, "us-east-1", "lineage-copy-one");
  {
    gpointer data[] = { west, copy1 };

    g_assert_true (am_ui_test_wait_until (available, data, 30000));
  }
  copy2 = copy_image (east, copy1, "us-west-2", "lineage-copy-two");
  {
    gpointer data[] = { east, copy2 };

    g_assert_true (am_ui_test_wait_until (available, data, 30000));
  }
  /* A copy of copy2 in its own region: shown below it. */
  copy3 = copy_image (east, copy2, "us-east-1", "lineage-copy-three");

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1280, 900);
  view = AM_IMAGES_VIEW (am_images_view_new ());
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  am_ui_test_wait_mapped (GTK_WIDGET (window));
  am_images_view_set_session (view, session);
  am_ui_test_images_wait_loaded (view);
  am_images_view_show_image (view, copy2);

  lineage = am_ui_test_find_widget (GTK_WIDGET (view), AM_TYPE_IMAGE_LINEAGE, NULL);
  g_assert_nonnull (lineage);
  g_assert_true (am_ui_test_wait_until (lineage_shown, lineage, 30000));

  /* Three levels, oldest first, across two regions; the ancestors in this region are links. */
  g_assert_nonnull (strstr (row_subtitle (lineage, root), "us-east-1"));
  g_assert_nonnull (strstr (row_subtitle (lineage, copy1), "us-west-2"));
  g_assert_nonnull (strstr (row_subtitle (lineage, copy2), "this image"));
  root_row = am_ui_test_find_widget (lineage, ADW_TYPE_ACTION_ROW, root);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (root_row)), ==, "win.show-image");
  g_assert_true (gtk_widget_get_first_child (lineage) != NULL);
  g_assert_nonnull (am_ui_test_find_widget (root_row, GTK_TYPE_LABEL, "available"));
  g_assert_nonnull (am_ui_test_find_widget (am_ui_test_find_widget (lineage, ADW_TYPE_ACTION_ROW, copy1),
                                            GTK_TYPE_LABEL, "available"));

  /* Descendants below the image: copy3, a link, with its state. */
  descendants = am_image_lineage_get_descendants (AM_IMAGE_LINEAGE (lineage));
  g_assert_cmpuint (g_strv_length (descendants), ==, 1);
  g_assert_cmpstr (descendants[0], ==, copy3);
  g_assert_nonnull (strstr (row_subtitle (lineage, copy3), "copy of this image"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (am_ui_test_find_widget (lineage, ADW_TYPE_ACTION_ROW,
                                                                                          copy3))),
                   ==, "win.show-image");
  collect_titles (lineage, titles);
  order = g_strjoin (" ", root, copy1, copy2, copy3, NULL);
  /* (root may have ancestors of its own above it) */
  g_test_message ("lineage: %s", titles->str);
  g_assert_true (g_str_has_suffix (titles->str, order));
  g_assert_true (am_ui_test_screenshot_light_dark (lineage, "images-lineage", 300));

  gtk_window_destroy (window);
  am_ui_test_iterate ();
}

static char *
latest_image_id (AmEc2Client *client,
                 const char  *parameter)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  char *image_id;

  am_ec2_client_get_latest_image_id_async (client, parameter, NULL, store_cb, &result);
  image_id = am_ec2_client_get_latest_image_id_finish (client, wait_result (&result), &error);
  g_assert_no_error (error);
  return image_id;
}

/* A lineage pane alone in a window, shown. */
static AmImageLineage *
lineage_in_window (GtkWindow **window)
{
  AmImageLineage *lineage = g_object_new (AM_TYPE_IMAGE_LINEAGE, NULL);

  GtkWidget *scrolled = gtk_scrolled_window_new ();

  /* In a scrolled window, as in the details pane: the window never measures it unbounded. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (lineage));
  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 480, 400);
  gtk_window_set_child (*window, scrolled);
  gtk_window_present (*window);
  am_ui_test_wait_mapped (GTK_WIDGET (*window));
  return lineage;
}

static gboolean
lineage_loaded (gpointer data)
{
  return am_image_lineage_is_loaded (data);
}

/* The newest Amazon Linux 2023 image shows the public SSM parameter that points at it; an
 * image of the same publisher that no parameter names shows none (and no pane). */
static void
test_public_parameter (void)
{
  const char *parameter = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (NULL);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  AmEc2Client *client = am_session_get_client (session);
  g_autofree char *latest = latest_image_id (client, parameter);
  g_autoptr (GPtrArray) found = describe (client, NULL, latest);
  g_autoptr (GPtrArray) amazon = describe (client, "137112412989", NULL);
  g_auto (GStrv) names = NULL;
  AmImage *older = NULL;
  GtkWindow *window;
  AmImageLineage *lineage;
  GtkWidget *row;

  g_autoptr (GHashTable) pointed_at = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) parameters = NULL;

  g_assert_cmpuint (found->len, ==, 1);
  {
    g_autoptr (GAsyncResult) result = NULL;
    g_autoptr (GError) error = NULL;

    am_ec2_client_list_latest_images_async (client, "/aws/service/ami-amazon-linux-latest", NULL, store_cb, &result);
    parameters = am_ec2_client_list_latest_images_finish (client, wait_result (&result), &error);
    g_assert_no_error (error);
  }
  for (guint i = 0; i < parameters->len; i++)
    g_hash_table_add (pointed_at, ((AmSsmParameter *) parameters->pdata[i])->value);
  for (guint i = 0; i < amazon->len && older == NULL; i++)
    if (!g_hash_table_contains (pointed_at, am_image_get_image_id (amazon->pdata[i])))
      older = amazon->pdata[i];
  g_assert_nonnull (older);

  lineage = lineage_in_window (&window);

  am_image_lineage_set_image (lineage, client, found->pdata[0]);
  g_assert_true (am_ui_test_wait_until (lineage_shown, lineage, 30000));
  names = am_image_lineage_get_parameters (lineage);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, parameter);
  row = am_ui_test_find_widget (GTK_WIDGET (lineage), ADW_TYPE_ACTION_ROW, parameter);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "newest of its family"));
  g_assert_true (am_ui_test_screenshot_light_dark (GTK_WIDGET (lineage), "images-lineage-parameter", 300));

  /* An older image: the parameters are known by now, and none points at it. */
  g_clear_pointer (&names, g_strfreev);
  am_image_lineage_set_image (lineage, client, older);
  g_assert_true (am_ui_test_wait_until (lineage_loaded, lineage, 30000));
  names = am_image_lineage_get_parameters (lineage);
  g_assert_cmpuint (g_strv_length (names), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (lineage)));

  gtk_window_destroy (window);
  am_ui_test_iterate ();
}

/* A newer image of the same family (a copy named with a later date): the older image's pane
 * marks it as the newest, a link; the newer one says it is the newest. */
static void
test_family_newest (void)
{
  const char *args[] = { "--transition-ms", "200", NULL };
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (args);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  AmEc2Client *client = am_session_get_client (session);
  g_autoptr (GPtrArray) mine = describe (client, "self", NULL);
  g_autoptr (GPtrArray) found = NULL;
  g_autofree char *newer_id = NULL;
  AmImage *older = NULL;
  GtkWindow *window;
  AmImageLineage *lineage;
  GtkWidget *row;

  for (guint i = 0; i < mine->len; i++)
    if (g_strcmp0 (am_image_get_name (mine->pdata[i]), "alice-web-server-2026-01-15") == 0)
      older = mine->pdata[i];
  g_assert_nonnull (older);
  newer_id = copy_image (client, am_image_get_image_id (older), am_ec2_client_get_region (client),
                         "alice-web-server-2026-03-01");
  {
    gpointer data[] = { client, newer_id };

    g_assert_true (am_ui_test_wait_until (available, data, 30000));
  }
  found = describe (client, NULL, newer_id);

  lineage = lineage_in_window (&window);

  am_image_lineage_set_image (lineage, client, older);
  g_assert_true (am_ui_test_wait_until (lineage_shown, lineage, 30000));
  g_assert_cmpstr (am_image_lineage_get_family_newest (lineage), ==, newer_id);
  row = am_ui_test_find_widget (GTK_WIDGET (lineage), ADW_TYPE_ACTION_ROW, "Family alice-web-server");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "the newest is"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), newer_id));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "win.show-image");
  g_assert_nonnull (am_ui_test_find_widget (row, GTK_TYPE_LABEL, "newer image"));
  g_assert_true (am_ui_test_screenshot_light_dark (GTK_WIDGET (lineage), "images-lineage-family", 300));

  am_image_lineage_set_image (lineage, client, found->pdata[0]);
  g_assert_true (am_ui_test_wait_until (lineage_loaded, lineage, 30000));
  g_assert_cmpstr (am_image_lineage_get_family_newest (lineage), ==, newer_id);
  row = am_ui_test_find_widget (GTK_WIDGET (lineage), ADW_TYPE_ACTION_ROW, "Family alice-web-server");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "This is the newest of its 2 images");

  gtk_window_destroy (window);
  am_ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/images/lineage/copy-of-copy", test_copy_of_copy);
  g_test_add_func ("/ui/images/lineage/public-parameter", test_public_parameter);
  g_test_add_func ("/ui/images/lineage/family-newest", test_family_newest);

  return g_test_run ();
}
