/* test-instances-image-status.c: the Instances view's Image Status column and newer-image hint on a real sandbox
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-instances-image-status"

#include "config.h"

#include <string.h>

#include "am-block-device-spec.h"
#include "am-ec2-governance.h"
#include "am-image-family.h"
#include "am-instance-row.h"
#include "am-instances-view-private.h"
#include "test-instances-common.h"

typedef struct
{
  InstancesFixture *fixture;
  const char       *instance_id;
  const char       *status;
} StatusWait;

static gboolean
list_shown (gpointer data)
{
  InstancesFixture *fixture = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (fixture->view->stack), "list") == 0
         && !fixture->view->busy;
}

static gboolean
status_is (gpointer data)
{
  StatusWait *wait = data;
  AmInstanceRow *row = g_hash_table_lookup (wait->fixture->view->rows_by_id, wait->instance_id);

  return row != NULL
         && g_strcmp0 (am_instance_row_get_text (row, AM_INSTANCE_COLUMN_IMAGE_STATUS), wait->status) == 0;
}

/* The ID of alice's web server image. */
static char *
own_image_id (InstancesFixture *fixture)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GPtrArray) images = NULL;

  am_describe_images_query_add_owner (query, "self");
  am_describe_images_query_add_filter (query, am_ec2_filter_new ("name", "alice-web-server-2026-01-15", NULL));
  images = instances_describe_images (fixture, query);
  g_assert_cmpuint (images->len, ==, 1);
  return g_strdup (am_image_get_image_id (g_ptr_array_index (images, 0)));
}

/* An instance launched from an image that is then deregistered shows "deregistered" once the
 * listing refreshes; one of an image still there shows "available". */
static void
test_image_deregistered (InstancesFixture *fixture,
                         gconstpointer     data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *image_id = NULL;
  g_autofree char *instance_id = NULL;
  g_autofree char *other_id = NULL;
  g_autofree char *catalog_id = instances_find_launchable_image (fixture);
  g_autoptr (GError) error = NULL;
  AmUiTestWait w = { 0 };
  StatusWait wait;

  g_settings_reset (settings, "instance-columns");
  /* One instance of alice's own image, one of a catalog image. */
  image_id = own_image_id (fixture);
  other_id = instances_run_instance (fixture, catalog_id, "base");
  instance_id = instances_run_instance (fixture, image_id, "from-own-image");

  am_instances_view_set_session (fixture->view, fixture->session);
  instances_wait_for_listed (fixture, instance_id);
  wait = (StatusWait) { fixture, instance_id, "available" };
  g_assert_true (am_ui_test_wait_until (status_is, &wait, INSTANCES_CALL_TIMEOUT_MS));
  g_assert_true (gtk_column_view_column_get_visible (fixture->view->columns[AM_INSTANCE_COLUMN_IMAGE_STATUS]));

  am_ec2_client_deregister_image_async (fixture->client, image_id, FALSE, FALSE, NULL, am_ui_test_wait_cb, &w);
  g_assert_true (am_ec2_client_deregister_image_finish (fixture->client, am_ui_test_wait_for_result (&w, 30000),
                                                        NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&w.result);

  /* The next listing asks again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.refresh", NULL));
  wait = (StatusWait) { fixture, instance_id, "deregistered" };
  g_assert_true (am_ui_test_wait_until (status_is, &wait, INSTANCES_CALL_TIMEOUT_MS));
  wait = (StatusWait) { fixture, other_id, "available" };
  g_assert_true (status_is (&wait));
  {
    GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (fixture->view->column_view));

    g_assert_true (am_ui_test_wait_until (list_shown, fixture, INSTANCES_CALL_TIMEOUT_MS));
    am_ui_test_iterate ();
    gtk_adjustment_set_value (h, gtk_adjustment_get_upper (h));
    instances_screenshot (fixture->window, "image-status");
  }
}

/* Allowed AMIs in audit mode with criteria the catalog image fails: its instance shows "not
 * allowed" once the listing refreshes; the instance of alice's own image (always allowed) does not. */
static void
test_image_not_allowed (InstancesFixture *fixture,
                        gconstpointer     data)
{
  const char *names[] = { "no-image-is-named-like-this-*", NULL };
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GPtrArray) criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) am_image_criterion_free);
  g_autofree char *own_id = NULL;
  g_autofree char *own_instance = NULL;
  g_autofree char *catalog_instance = NULL;
  g_autofree char *catalog_id = instances_find_launchable_image (fixture);
  g_autoptr (GError) error = NULL;
  AmImageCriterion *criterion = am_image_criterion_new ();
  AmUiTestWait w = { 0 };
  StatusWait wait;

  g_settings_reset (settings, "instance-columns");
  own_id = own_image_id (fixture);
  catalog_instance = instances_run_instance (fixture, catalog_id, "catalog");
  own_instance = instances_run_instance (fixture, own_id, "own");

  am_instances_view_set_session (fixture->view, fixture->session);
  instances_wait_for_listed (fixture, catalog_instance);
  wait = (StatusWait) { fixture, catalog_instance, "available" };
  g_assert_true (am_ui_test_wait_until (status_is, &wait, INSTANCES_CALL_TIMEOUT_MS));

  criterion->names = g_strdupv ((char **) names);
  g_ptr_array_add (criteria, criterion);
  am_ec2_client_replace_image_criteria_async (fixture->client, criteria, NULL, am_ui_test_wait_cb, &w);
  g_assert_true (am_ec2_client_replace_image_criteria_finish (fixture->client, am_ui_test_wait_for_result (&w, 30000),
                                                              &error));
  g_assert_no_error (error);
  g_clear_object (&w.result);
  am_ec2_client_set_allowed_images_state_async (fixture->client, "audit-mode", NULL, am_ui_test_wait_cb, &w);
  g_assert_true (am_ec2_client_set_allowed_images_state_finish (fixture->client,
                                                                am_ui_test_wait_for_result (&w, 30000), &error));
  g_assert_no_error (error);
  g_clear_object (&w.result);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.refresh", NULL));
  wait = (StatusWait) { fixture, catalog_instance, "not allowed" };
  g_assert_true (am_ui_test_wait_until (status_is, &wait, INSTANCES_CALL_TIMEOUT_MS));
  wait = (StatusWait) { fixture, own_instance, "available" };
  g_assert_true (status_is (&wait));
  {
    GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (fixture->view->column_view));

    g_assert_true (am_ui_test_wait_until (list_shown, fixture, INSTANCES_CALL_TIMEOUT_MS));
    am_ui_test_iterate ();
    gtk_adjustment_set_value (h, gtk_adjustment_get_upper (h));
    instances_screenshot (fixture->window, "image-status-not-allowed");
  }
}

/* The Image Status column reads @status and no newer-image lookup is in flight. */
static gboolean
status_settled (gpointer data)
{
  StatusWait *wait = data;
  AmInstanceRow *row = g_hash_table_lookup (wait->fixture->view->rows_by_id, wait->instance_id);

  return row != NULL && !wait->fixture->view->freshness_busy && !wait->fixture->view->busy
         && g_strcmp0 (am_instance_row_get_text (row, AM_INSTANCE_COLUMN_IMAGE_STATUS), wait->status) == 0;
}

static gboolean
image_available (gpointer data)
{
  gpointer *args = data;
  g_autoptr (AmImage) image = instances_describe_image (args[0], args[1]);

  return image != NULL && g_strcmp0 (am_image_get_state (image), "available") == 0;
}

static gboolean
image_deprecated (gpointer data)
{
  gpointer *args = data;
  g_autoptr (AmImage) image = instances_describe_image (args[0], args[1]);

  return image != NULL && am_image_get_is_deprecated (image);
}

/* The details pane's row whose title starts with @prefix, or NULL. */
static GtkWidget *
find_row_starting (GtkWidget  *widget,
                   const char *prefix)
{
  if (ADW_IS_ACTION_ROW (widget)
      && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), prefix))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_starting (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The details pane's newer-image hint, which must be there. */
static GtkWidget *
newer_image_hint (InstancesFixture *fixture)
{
  GtkWidget *hint = find_row_starting (GTK_WIDGET (fixture->view->details_box), "A newer image of this family exists");

  g_assert_nonnull (hint);
  g_test_message ("hint: %s: %s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (hint)),
                  adw_action_row_get_subtitle (ADW_ACTION_ROW (hint)));
  return hint;
}

/* A screenshot with the list scrolled to its last column, Image Status. */
static void
screenshot_image_status (InstancesFixture *fixture,
                         const char       *name)
{
  GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (fixture->view->column_view));

  gtk_adjustment_set_value (h, gtk_adjustment_get_upper (h));
  am_ui_test_iterate ();
  instances_screenshot (fixture->window, name);
}

static char *
register_newer (InstancesFixture *fixture,
                AmImage          *older,
                const char       *name)
{
  AmBlockDeviceMapping * const *mappings = am_image_get_block_device_mappings (older);
  g_autoptr (GPtrArray) devices = g_ptr_array_new_with_free_func ((GDestroyNotify) am_block_device_spec_free);
  g_autoptr (GError) error = NULL;
  AmUiTestWait w = { 0 };
  AmBlockDeviceSpec *spec;
  char *image_id = NULL;

  spec = am_block_device_spec_new (am_image_get_root_device_name (older));
  spec->snapshot_id = g_strdup (am_block_device_mapping_get_snapshot_id (mappings[0]));
  g_ptr_array_add (devices, spec);
  am_ec2_client_register_image_async (fixture->client, name, "The same server, rebuilt", NULL,
                                      am_image_get_architecture (older), am_image_get_root_device_name (older),
                                      devices, "hvm", NULL, TRUE, NULL, NULL, FALSE, NULL, am_ui_test_wait_cb, &w);
  g_assert_true (am_ec2_client_register_image_finish (fixture->client, am_ui_test_wait_for_result (&w, 30000),
                                                      &image_id, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&w.result);
  return image_id;
}

/* An instance of alice's web server image shows no hint while that image is the newest of its
 * family; once a newer one of the family is registered (and available), the next listing
 * marks the Image Status column and the details name the newer image with a link to it; once
 * that newer image is deprecated, the hint goes again. */
static void
test_newer_image_hint (InstancesFixture *fixture,
                       gconstpointer     data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GPtrArray) images = NULL;
  g_autofree char *instance_id = NULL;
  g_autofree char *newer_id = NULL;
  AmInstanceRow *row;
  GtkWidget *hint;
  GtkWidget *show;
  AmImage *older;
  StatusWait wait;

  g_settings_reset (settings, "instance-columns");
  am_describe_images_query_add_owner (query, "self");
  am_describe_images_query_add_filter (query, am_ec2_filter_new ("name", "alice-web-server-2026-01-15", NULL));
  images = instances_describe_images (fixture, query);
  g_assert_cmpuint (images->len, ==, 1);
  older = g_ptr_array_index (images, 0);
  instance_id = instances_run_instance (fixture, am_image_get_image_id (older), "web-before-rebuild");

  am_instances_view_set_session (fixture->view, fixture->session);
  instances_wait_for_listed (fixture, instance_id);
  /* Not before: the lookup is done and finds nothing newer. */
  wait = (StatusWait) { fixture, instance_id, "available" };
  g_assert_true (am_ui_test_wait_until (status_settled, &wait, INSTANCES_CALL_TIMEOUT_MS));
  row = g_hash_table_lookup (fixture->view->rows_by_id, instance_id);
  g_assert_null (am_instance_row_get_newer_image (row));
  g_assert_true (am_instances_view_select_instance (fixture->view, instance_id));
  am_ui_test_iterate ();
  g_assert_null (find_row_starting (GTK_WIDGET (fixture->view->details_box), "A newer image"));

  newer_id = register_newer (fixture, older, "alice-web-server-2026-03-01");
  {
    gpointer args[] = { fixture, newer_id };

    g_assert_true (am_ui_test_wait_until (image_available, args, INSTANCES_STATE_TIMEOUT_MS));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.refresh", NULL));
  wait = (StatusWait) { fixture, instance_id, "available · newer exists" };
  g_assert_true (am_ui_test_wait_until (status_settled, &wait, INSTANCES_CALL_TIMEOUT_MS));
  row = g_hash_table_lookup (fixture->view->rows_by_id, instance_id);
  g_assert_cmpstr (am_image_get_image_id (am_instance_row_get_newer_image (row)), ==, newer_id);

  /* The details name it, with a link that selects it in Images. */
  am_ui_test_iterate ();
  hint = newer_image_hint (fixture);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (hint)),
                                   "alice-web-server-2026-03-01 ("));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (hint)), newer_id));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (hint)), "), created "));
  show = am_ui_test_get_widget (hint, GTK_TYPE_BUTTON, "Show in Images");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (show)), ==, "win.show-image");
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (show)), NULL), ==,
                   newer_id);
  g_assert_nonnull (am_ui_test_get_widget (hint, GTK_TYPE_BUTTON, "Launch from It"));
  screenshot_image_status (fixture, "newer-image-hint");

  /* A deprecated image is no image to move to: once the newer one is, the hint goes. */
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr (GDateTime) deprecate_at = g_date_time_add_seconds (now, -20);
    g_autoptr (GError) error = NULL;
    gpointer args[] = { fixture, newer_id };
    AmUiTestWait w = { 0 };

    am_ec2_client_enable_image_deprecation_async (fixture->client, newer_id, deprecate_at, FALSE, NULL,
                                                  am_ui_test_wait_cb, &w);
    g_assert_true (am_ec2_client_enable_image_deprecation_finish (fixture->client,
                                                                  am_ui_test_wait_for_result (&w, 30000),
                                                                  NULL, &error));
    g_assert_no_error (error);
    g_clear_object (&w.result);
    g_assert_true (am_ui_test_wait_until (image_deprecated, args, INSTANCES_STATE_TIMEOUT_MS));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "instances.refresh", NULL));
  wait = (StatusWait) { fixture, instance_id, "available" };
  g_assert_true (am_ui_test_wait_until (status_settled, &wait, INSTANCES_CALL_TIMEOUT_MS));
  row = g_hash_table_lookup (fixture->view->rows_by_id, instance_id);
  g_assert_null (am_instance_row_get_newer_image (row));
  am_ui_test_iterate ();
  g_assert_null (find_row_starting (GTK_WIDGET (fixture->view->details_box), "A newer image"));
}

/* Whether @a was created after @b (at the same second, the later name). */
static gboolean
created_after (AmImage *a,
               AmImage *b)
{
  if (am_image_get_creation_time (a) != am_image_get_creation_time (b))
    return am_image_get_creation_time (a) > am_image_get_creation_time (b);
  return g_strcmp0 (am_image_get_name (a), am_image_get_name (b)) > 0;
}

/* An instance of an older public catalog image (Canonical's Ubuntu 22.04 amd64, not alice's)
 * gets the hint too: its owner's images of the family are looked up (by a name filter) and
 * the details name the newest available, not deprecated one. */
static void
test_newer_public_image_hint (InstancesFixture *fixture,
                              gconstpointer     data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GPtrArray) images = NULL;
  g_autofree char *instance_id = NULL;
  g_autofree char *family = NULL;
  g_autofree char *expected_prefix = NULL;
  AmImage *oldest = NULL;
  AmImage *newest = NULL;
  AmInstanceRow *row;
  GtkWidget *hint;
  StatusWait wait;

  g_settings_reset (settings, "instance-columns");
  /* The family's images in the catalog: the oldest (deprecated there, but still launchable) is
   * the one to run, the newest that is not deprecated (the test's own reckoning) the one the
   * hint must name. */
  query->include_deprecated = TRUE;
  am_describe_images_query_add_filter (query, am_ec2_filter_new ("name", "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*", NULL));
  am_describe_images_query_add_filter (query, am_ec2_filter_new ("state", "available", NULL));
  images = instances_describe_images (fixture, query);
  for (guint i = 0; i < images->len; i++)
    {
      AmImage *image = g_ptr_array_index (images, i);

      g_test_message ("catalog: %s %s %s%s", am_image_get_image_id (image), am_image_get_owner_id (image),
                      am_image_get_name (image), am_image_get_is_deprecated (image) ? " (deprecated)" : "");
      if (oldest == NULL || created_after (oldest, image))
        oldest = image;
      if (!am_image_get_is_deprecated (image) && (newest == NULL || created_after (image, newest)))
        newest = image;
    }
  g_assert_nonnull (oldest);
  g_assert_nonnull (newest);
  g_assert_true (oldest != newest);
  family = am_image_family_from_name (am_image_get_name (oldest));
  g_assert_cmpstr (family, ==, "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server");
  g_assert_cmpstr (am_image_get_owner_id (oldest), ==, am_image_get_owner_id (newest));
  g_assert_cmpstr (am_image_get_owner_id (oldest), !=, am_session_get_account (fixture->session));
  g_test_message ("running %s (%s), expecting %s (%s) among %u images", am_image_get_name (oldest),
                  am_image_get_image_id (oldest), am_image_get_name (newest), am_image_get_image_id (newest),
                  images->len);
  instance_id = instances_run_instance (fixture, am_image_get_image_id (oldest), "jammy-old");

  am_instances_view_set_session (fixture->view, fixture->session);
  instances_wait_for_listed (fixture, instance_id);
  wait = (StatusWait) { fixture, instance_id,
                        am_image_get_is_deprecated (oldest) ? "deprecated · newer exists" : "available · newer exists" };
  g_assert_true (am_ui_test_wait_until (status_settled, &wait, INSTANCES_CALL_TIMEOUT_MS));
  row = g_hash_table_lookup (fixture->view->rows_by_id, instance_id);
  g_assert_cmpstr (am_image_get_image_id (am_instance_row_get_newer_image (row)), ==,
                   am_image_get_image_id (newest));

  g_assert_true (am_instances_view_select_instance (fixture->view, instance_id));
  am_ui_test_iterate ();
  hint = newer_image_hint (fixture);
  expected_prefix = g_strdup_printf ("%s (%s), created ", am_image_get_name (newest), am_image_get_image_id (newest));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (hint)), expected_prefix));
  screenshot_image_status (fixture, "newer-public-image-hint");
}

int
main (int   argc,
      char *argv[])
{
  static const InstancesFixtureOptions options = { "500", FALSE, NULL };

  am_ui_test_init (&argc, &argv);

  g_test_add ("/instances/image-status/deregistered", InstancesFixture, &options,
              instances_fixture_set_up, test_image_deregistered, instances_fixture_tear_down);
  g_test_add ("/instances/image-status/not-allowed", InstancesFixture, &options,
              instances_fixture_set_up, test_image_not_allowed, instances_fixture_tear_down);
  g_test_add ("/instances/image-status/newer-image-hint", InstancesFixture, &options,
              instances_fixture_set_up, test_newer_image_hint, instances_fixture_tear_down);
  g_test_add ("/instances/image-status/newer-public-image-hint", InstancesFixture, &options,
              instances_fixture_set_up, test_newer_public_image_hint, instances_fixture_tear_down);

  return g_test_run ();
}
