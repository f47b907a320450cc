/* test-images-storage.c: what owned images' snapshots cost, per image in the details pane and in the Snapshots page's totals
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-images-storage"

#include "config.h"

#include <string.h>

#include "am-block-device-spec.h"
#include "am-describe-images-query.h"
#include "am-ec2-parse-private.h"
#include "am-image-storage.h"
#include "am-images-view-private.h"
#include "am-snapshots-view.h"
#include "am-test-families.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"

static GPtrArray *
owned_images (AmEc2Client *client)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *images;

  am_describe_images_query_add_owner (query, "self");
  am_ec2_client_describe_images_async (client, query, NULL, am_test_families_cb, &result);
  images = am_ec2_client_describe_images_finish (client, am_test_families_wait (&result), NULL, &error);
  g_assert_no_error (error);
  return images;
}

static AmImage *
find_image (GPtrArray  *images,
            const char *name)
{
  for (guint i = 0; i < images->len; i++)
    if (g_strcmp0 (am_image_get_name (images->pdata[i]), name) == 0)
      return images->pdata[i];
  g_error ("no owned image %s", name);
}

/* The size in GiB of each of the account's snapshots. */
static GHashTable *
snapshot_sizes (AmEc2Client *client)
{
  const char *self[] = { "self", NULL };
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GPtrArray) snapshots = NULL;
  g_autoptr (GError) error = NULL;
  GHashTable *sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  am_ec2_client_describe_snapshots_async (client, NULL, self, NULL, NULL, am_test_families_cb, &result);
  snapshots = am_ec2_client_describe_snapshots_finish (client, am_test_families_wait (&result), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < snapshots->len; i++)
    g_hash_table_insert (sizes, g_strdup (am_snapshot_get_snapshot_id (snapshots->pdata[i])),
                         GINT_TO_POINTER (am_snapshot_get_volume_size (snapshots->pdata[i])));
  return sizes;
}

/* The first snapshot of @image's block devices. */
static char *
first_snapshot (AmImage *image)
{
  AmBlockDeviceMapping * const *mappings = am_image_get_block_device_mappings (image);

  for (guint i = 0; mappings[i] != NULL; i++)
    if (am_block_device_mapping_get_snapshot_id (mappings[i]) != NULL)
      return g_strdup (am_block_device_mapping_get_snapshot_id (mappings[i]));
  g_error ("%s has no snapshot", am_image_get_image_id (image));
}

/* Registers an image whose two volumes are @root and @data: both snapshots of other images. */
static char *
register_two_snapshot_image (AmEc2Client *client,
                             const char  *root,
                             const char  *data)
{
  g_autoptr (GPtrArray) devices = g_ptr_array_new_with_free_func ((GDestroyNotify) am_block_device_spec_free);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  AmBlockDeviceSpec *spec;
  char *image_id = NULL;

  spec = am_block_device_spec_new ("/dev/xvda");
  spec->snapshot_id = g_strdup (root);
  g_ptr_array_add (devices, spec);
  spec = am_block_device_spec_new ("/dev/xvdb");
  spec->snapshot_id = g_strdup (data);
  g_ptr_array_add (devices, spec);
  am_ec2_client_register_image_async (client, "storage-two-volumes-2026-03-01", "Root and data volume",
                                      NULL, "x86_64", "/dev/xvda", devices, "hvm", NULL, TRUE, NULL, NULL,
                                      FALSE, NULL, am_test_families_cb, &result);
  g_assert_true (am_ec2_client_register_image_finish (client, am_test_families_wait (&result), &image_id, NULL,
                                                      &error));
  g_assert_no_error (error);
  return image_id;
}

static gboolean
storage_loaded (gpointer data)
{
  return gtk_widget_get_visible (data) && am_image_storage_is_loaded (data);
}

static gboolean
snapshots_settled (gpointer data)
{
  GtkWidget *label = am_ui_test_find_widget (data, GTK_TYPE_LABEL, "storage_label");

  return !am_snapshots_view_is_busy (data) && label != NULL && gtk_widget_get_visible (label)
         && gtk_label_get_text (GTK_LABEL (label))[0] != '\0';
}

/* args: the view, the text its "N of M images" line should read */
static gboolean
shown_count_is (gpointer data)
{
  gpointer *args = data;
  GtkWidget *label = am_ui_test_get_widget (args[0], GTK_TYPE_LABEL, "shown_count_label");
  static char *last;

  if (g_strcmp0 (last, gtk_label_get_text (GTK_LABEL (label))) != 0)
    {
      g_free (last);
      last = g_strdup (gtk_label_get_text (GTK_LABEL (label)));
      g_test_message ("shown: %s", last);
    }
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), args[1]) == 0;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  g_test_message ("looking for “%s” in “%s”", part, text);
  g_assert_nonnull (strstr (text, part));
}

/*
 * An image made of two snapshots shows their total size and its monthly cost at the standard
 * rate, and follows a rate changed in the settings; the Snapshots page's total of the owned
 * images counts a snapshot that several images share once.
 */
static void
test_two_snapshots (void)
{
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (NULL);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  AmEc2Client *client = am_session_get_client (session);
  g_autoptr (GPtrArray) before = owned_images (client);
  g_autoptr (GPtrArray) images = NULL;
  g_autoptr (GHashTable) sizes = snapshot_sizes (client);
  g_autoptr (GHashTable) counted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *root = first_snapshot (find_image (before, "alice-web-server-2026-01-15"));
  g_autofree char *data = first_snapshot (find_image (before, "alice-build-runner-arm64-2026-02-03"));
  g_autofree char *image_id = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *owned_expected = NULL;
  int gb, owned_gb = 0, shared_gb = 0;
  GtkWindow *window;
  AmImagesView *view;
  GtkWidget *storage;
  GtkWidget *snapshots_window;
  GtkWidget *snapshots_view;

  g_settings_reset (settings, "snapshot-rate-standard");
  g_settings_reset (settings, "snapshot-rate-archive");
  g_assert_cmpstr (root, !=, data);
  gb = GPOINTER_TO_INT (g_hash_table_lookup (sizes, root)) + GPOINTER_TO_INT (g_hash_table_lookup (sizes, data));
  g_assert_cmpint (gb, >, 0);
  image_id = register_two_snapshot_image (client, root, data);

  /* Every owned image's snapshots, each once (the new image adds none of its own). */
  images = owned_images (client);
  g_assert_cmpuint (images->len, ==, before->len + 1);
  for (guint i = 0; i < images->len; i++)
    {
      AmBlockDeviceMapping * const *mappings = am_image_get_block_device_mappings (images->pdata[i]);

      for (guint m = 0; mappings[m] != NULL; m++)
        {
          const char *id = am_block_device_mapping_get_snapshot_id (mappings[m]);

          if (id == NULL)
            continue;
          shared_gb += GPOINTER_TO_INT (g_hash_table_lookup (sizes, id));
          if (g_hash_table_add (counted, (gpointer) id))
            owned_gb += GPOINTER_TO_INT (g_hash_table_lookup (sizes, id));
        }
    }
  g_test_message ("owned images: %u, their snapshots %d GB once each, %d GB per image", images->len, owned_gb,
                  shared_gb);
  g_assert_cmpint (shared_gb, ==, owned_gb + gb);

  /* The details pane of the new image. */
  window = am_ui_test_images_window (session, AM_IMAGES_SCOPE_OWNED, &view);
  am_images_view_show_image (view, image_id);
  storage = am_ui_test_get_widget (GTK_WIDGET (view), AM_TYPE_IMAGE_STORAGE, NULL);
  g_assert_true (am_ui_test_wait_until (storage_loaded, storage, 60000));
  expected = g_strdup_printf ("2 snapshots, up to %d GB, about %.2f USD a month", gb, gb * 0.05);
  assert_contains (am_image_storage_get_text (AM_IMAGE_STORAGE (storage)), expected);
  assert_contains (am_image_storage_get_text (AM_IMAGE_STORAGE (storage)), "Standard tier");
  g_assert_nonnull (am_ui_test_find_widget (storage, GTK_TYPE_MENU_BUTTON, "Why an Upper Bound?"));
  g_assert_true (am_ui_test_screenshot_light_dark (storage, "image-storage", 200));
  /* The pane scrolled down to it, beside the list. */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (storage, GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    graphene_point_t top;

    g_assert_true (gtk_widget_compute_point (storage, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                             &GRAPHENE_POINT_INIT (0, 0), &top));
    gtk_adjustment_set_value (v, top.y - 200);
    g_assert_true (am_ui_test_screenshot_light_dark (GTK_WIDGET (window), "images-details-storage", 200));
  }

  /* A new rate in Preferences (the same settings): the cost follows at once. */
  g_settings_set_double (settings, "snapshot-rate-standard", 0.08);
  am_ui_test_iterate ();
  g_free (expected);
  expected = g_strdup_printf ("2 snapshots, up to %d GB, about %.2f USD a month", gb, gb * 0.08);
  assert_contains (am_image_storage_get_text (AM_IMAGE_STORAGE (storage)), expected);

  /* Under the list, in Owned by Me: the listed images' snapshots, each counted once. */
  {
    gpointer args[2];

    g_free (expected);
    expected = g_strdup_printf ("1 of %u images · their snapshots, each counted once: up to %d GB, about %.2f USD a month",
                                images->len, gb, gb * 0.08);
    args[0] = view;
    args[1] = expected;
    g_assert_true (am_ui_test_wait_until (shown_count_is, args, 30000));
    gtk_editable_set_text (GTK_EDITABLE (_am_images_view_get_search_entry (view)), "");
    _am_images_view_apply_search (view);
    g_free (expected);
    expected = g_strdup_printf ("%u of %u images · their snapshots, each counted once: up to %d GB, about %.2f USD a month",
                                images->len, images->len, owned_gb, owned_gb * 0.08);
    args[1] = expected;
    g_assert_true (am_ui_test_wait_until (shown_count_is, args, 30000));
    g_assert_true (am_ui_test_screenshot_light_dark (GTK_WIDGET (window), "images-owned-storage-total", 200));
  }
  gtk_window_destroy (window);

  /* Totals: the owned images' snapshots once each, at the current rate. */
  snapshots_window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (snapshots_window), 1100, 600);
  snapshots_view = am_snapshots_view_new ();
  gtk_window_set_child (GTK_WINDOW (snapshots_window), snapshots_view);
  am_snapshots_view_set_session (AM_SNAPSHOTS_VIEW (snapshots_view), session);
  gtk_window_present (GTK_WINDOW (snapshots_window));
  am_ui_test_wait_mapped (snapshots_window);
  g_assert_true (am_ui_test_wait_until (snapshots_settled, snapshots_view, 90000));
  owned_expected = g_strdup_printf ("The %u owned images' snapshots, each counted once: up to %d GB, about %.2f USD a month.",
                                    images->len, owned_gb, owned_gb * 0.08);
  assert_contains (gtk_label_get_text (GTK_LABEL (am_ui_test_get_widget (snapshots_view, GTK_TYPE_LABEL,
                                                                         "storage_label"))),
                   owned_expected);
  g_assert_true (am_ui_test_screenshot_light_dark (snapshots_window, "snapshots-storage-totals", 200));
  /* The listed ones: every owned snapshot; with Orphans Only, none is left (each is used). */
  g_free (expected);
  expected = g_strdup_printf ("%u snapshots listed, up to %d GB, about %.2f USD a month.", g_hash_table_size (sizes),
                              owned_gb, owned_gb * 0.08);
  assert_contains (gtk_label_get_text (GTK_LABEL (am_ui_test_get_widget (snapshots_view, GTK_TYPE_LABEL,
                                                                         "storage_label"))), expected);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (am_ui_test_get_widget (snapshots_view, GTK_TYPE_CHECK_BUTTON,
                                                                        "orphans_check")), TRUE);
  am_ui_test_iterate ();
  assert_contains (gtk_label_get_text (GTK_LABEL (am_ui_test_get_widget (snapshots_view, GTK_TYPE_LABEL,
                                                                         "storage_label"))),
                   "0 orphans listed, up to 0 GB, about 0.00 USD a month.");
  gtk_window_destroy (GTK_WINDOW (snapshots_window));
  g_settings_reset (settings, "snapshot-rate-standard");
  am_ui_test_iterate ();
}

/* An image whose snapshot EC2 does not know: the row says so in words, with Retry. */
static void
test_unknown_snapshot (void)
{
  static const char xml[] =
    "<DescribeImagesResponse><imagesSet><item><imageId>ami-0123456789abcdef0</imageId>"
    "<name>gone-2026-01-01</name><blockDeviceMapping><item><deviceName>/dev/xvda</deviceName>"
    "<ebs><snapshotId>snap-0123456789abcdef0</snapshotId><volumeSize>8</volumeSize></ebs></item>"
    "</blockDeviceMapping></item></imagesSet></DescribeImagesResponse>";
  static const char * const path[] = { "imagesSet", NULL };
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (NULL);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  g_autoptr (GBytes) body = g_bytes_new_static (xml, sizeof xml - 1);
  g_autoptr (GPtrArray) images = NULL;
  g_autoptr (GError) error = NULL;
  AmImageStorage *storage = g_object_new (AM_TYPE_IMAGE_STORAGE, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *retry;

  images = _am_ec2_parse_list (body, _am_image_get_model_info (), path, NULL, &error);
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 200);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (storage));
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (window);
  am_image_storage_set_image (storage, am_session_get_client (session), images->pdata[0]);
  g_assert_true (am_ui_test_wait_until (storage_loaded, storage, 60000));
  assert_contains (am_image_storage_get_text (storage), "Could not read the sizes of this image's snapshots: ");
  assert_contains (am_image_storage_get_text (storage), "snap-0123456789abcdef0");
  retry = am_ui_test_get_widget (GTK_WIDGET (storage), GTK_TYPE_BUTTON, "_Retry");
  g_assert_true (gtk_widget_get_visible (retry));
  g_assert_true (am_ui_test_screenshot_light_dark (window, "image-storage-error", 200));

  /* Retry asks again (and fails again, in words). */
  g_signal_emit_by_name (retry, "clicked");
  g_assert_false (am_image_storage_is_loaded (storage));
  g_assert_true (am_ui_test_wait_until (storage_loaded, storage, 60000));
  assert_contains (am_image_storage_get_text (storage), "Could not read the sizes of this image's snapshots: ");
  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/images/storage/two-snapshots", test_two_snapshots);
  g_test_add_func ("/images/storage/unknown-snapshot", test_unknown_snapshot);

  return g_test_run ();
}
