/* test-wizard-launch.c: the launch wizard driven through its widgets, from an AMI to six instances in three zones
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-wizard-launch"

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "test-wizard-common.h"

static const char *zones[] = { "us-east-1a", "us-east-1b", "us-east-1c" };

static GtkWidget *
volume_widget (AmLaunchWizard *wizard,
               const char     *device,
               GType           type,
               const char     *name)
{
  GtkWidget *expander = wizard_find (wizard, ADW_TYPE_EXPANDER_ROW, device);
  GtkWidget *widget = am_ui_test_find_widget (expander, type, name);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
has_tag (AmTag * const *tags,
         const char    *key,
         const char    *value)
{
  for (guint i = 0; tags[i] != NULL; i++)
    if (g_strcmp0 (am_tag_get_key (tags[i]), key) == 0 && g_strcmp0 (am_tag_get_value (tags[i]), value) == 0)
      return TRUE;
  return FALSE;
}

/* The volumes DescribeInstances reports: the root and the added one, deleted with the
 * instance as chosen. */
static void
check_attached_volumes (AmInstance *instance)
{
  AmInstanceBlockDevice * const *devices = am_instance_get_block_devices (instance);
  gboolean root = FALSE, added = FALSE;

  for (guint d = 0; devices[d] != NULL; d++)
    {
      const char *device = am_instance_block_device_get_device_name (devices[d]);

      g_assert_true (g_str_has_prefix (am_instance_block_device_get_volume_id (devices[d]), "vol-"));
      if (g_strcmp0 (device, "/dev/xvda") == 0)
        {
          root = TRUE;
          g_assert_true (am_instance_block_device_get_delete_on_termination (devices[d]));
        }
      else if (g_strcmp0 (device, "/dev/sdf") == 0)
        {
          added = TRUE;
          g_assert_false (am_instance_block_device_get_delete_on_termination (devices[d]));
        }
    }
  g_assert_true (root);
  g_assert_true (added);
}

static gboolean
later (gpointer data)
{
  return g_get_monotonic_time () >= *(gint64 *) data;
}

/* Waits (generously) until @instance_id runs: only a running or stopped instance is imaged. */
static void
wait_running (WizardFixture *f,
              const char    *instance_id)
{
  for (guint attempt = 0; attempt < 240; attempt++)
    {
      g_autoptr (GPtrArray) instances = wizard_list_instances (f);
      gint64 until = g_get_monotonic_time () + 500 * G_TIME_SPAN_MILLISECOND;

      for (guint i = 0; i < instances->len; i++)
        if (g_strcmp0 (am_instance_get_instance_id (g_ptr_array_index (instances, i)), instance_id) == 0
            && g_strcmp0 (am_instance_get_state_name (g_ptr_array_index (instances, i)), "running") == 0)
          return;
      am_ui_test_wait_until (later, &until, 1000);
    }
  g_error ("%s did not reach running", instance_id);
}

/* Sizes and types of what landed, read back through an image of @instance. */
static void
check_landed_volumes (WizardFixture *f,
                      AmInstance    *instance)
{
  AmEc2Client *client = am_session_get_client (f->session);
  g_autofree char *image_id = NULL;
  g_autofree char *name = g_strdup_printf ("landed-%s", am_instance_get_instance_id (instance));
  g_autoptr (GPtrArray) images = NULL;
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  AmBlockDeviceMapping * const *mappings;
  gboolean root = FALSE, added = FALSE;
  g_autoptr (GError) error = NULL;
  AmUiTestWait wait = { NULL };
  gboolean ok;

  wait_running (f, am_instance_get_instance_id (instance));
  am_ec2_client_create_image_async (client, am_instance_get_instance_id (instance), name, NULL, TRUE,
                                    NULL, NULL, FALSE, NULL, am_ui_test_wait_cb, &wait);
  am_ui_test_wait_for_result (&wait, 60000);
  ok = am_ec2_client_create_image_finish (client, wait.result, &image_id, NULL, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_nonnull (image_id);
  am_describe_images_query_add_image_id (query, image_id);
  am_ec2_client_describe_images_async (client, query, NULL, am_ui_test_wait_cb, &wait);
  am_ui_test_wait_for_result (&wait, 60000);
  images = am_ec2_client_describe_images_finish (client, wait.result, NULL, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, 1);
  mappings = am_image_get_block_device_mappings (g_ptr_array_index (images, 0));
  for (guint m = 0; mappings[m] != NULL; m++)
    {
      const char *device = am_block_device_mapping_get_device_name (mappings[m]);

      g_test_message ("%s in %s: %s %s %d GiB", am_instance_get_instance_id (instance),
                      am_instance_get_availability_zone (instance), device,
                      am_block_device_mapping_get_volume_type (mappings[m]),
                      am_block_device_mapping_get_volume_size (mappings[m]));
      if (g_strcmp0 (device, "/dev/xvda") == 0)
        {
          root = TRUE;
          g_assert_cmpint (am_block_device_mapping_get_volume_size (mappings[m]), ==, 20);
        }
      else if (g_strcmp0 (device, "/dev/sdf") == 0)
        {
          added = TRUE;
          g_assert_cmpint (am_block_device_mapping_get_volume_size (mappings[m]), ==, 100);
          g_assert_cmpstr (am_block_device_mapping_get_volume_type (mappings[m]), ==, "io1");
        }
    }
  g_assert_true (root);
  g_assert_true (added);
}

static void
test_wizard_launch (void)
{
  WizardFixture f = { 0 };
  AmLaunchWizard *w;
  AmLaunchRequest *request;
  g_autofree char *key_dir = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *key_text = NULL;
  g_autoptr (GPtrArray) instances = NULL;
  g_autoptr (GHashTable) per_zone = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *widget;
  struct stat st;

  wizard_fixture_start (&f, NULL);
  w = f.wizard;
  request = am_launch_wizard_get_request (w);

  /* 1. Image: nothing chosen blocks Next; Quick start lists the latest images. */
  g_assert_cmpint (am_launch_wizard_get_step (w), ==, AM_LAUNCH_STEP_IMAGE);
  wizard_expect_blocked (w, AM_LAUNCH_FIELD_IMAGE, "Image: choose");
  wizard_screenshot (w, "1-image-empty");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (wizard_row_widget (w, "image-list", WIZARD_IMAGE_X86)), TRUE);
  am_ui_test_iterate ();
  g_assert_cmpstr (am_image_get_name (am_launch_request_get_image (request)), ==, WIZARD_IMAGE_X86);
  /* Each Quick start row carries a badge naming its system. */
  {
    GtkWidget *row = gtk_widget_get_ancestor (wizard_row_widget (w, "image-list", WIZARD_IMAGE_X86),
                                              ADW_TYPE_ACTION_ROW);
    GtkWidget *badge = am_ui_test_find_widget (row, GTK_TYPE_LABEL, "AL");

    g_assert_nonnull (badge);
    g_assert_true (gtk_widget_has_css_class (badge, "wizard-badge-amazon"));
  }
  wizard_expect_open (w);
  wizard_screenshot (w, "1-image");
  wizard_next (w, AM_LAUNCH_STEP_INSTANCE_TYPE);

  /* 2. Instance type: only x86_64 types, t3.micro chosen by default; none chosen blocks Next. */
  g_assert_cmpstr (am_instance_type_get_instance_type (am_launch_request_get_instance_type (request)), ==, "t3.micro");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (wizard_row_widget (w, "type-list", "t3.micro"))));
  g_assert_null (am_ui_test_find_widget (wizard_find (w, GTK_TYPE_LIST_BOX, "type-list"), ADW_TYPE_ACTION_ROW, "t4g.micro"));
  wizard_screenshot (w, "2-type");
  am_launch_request_set_instance_type (request, NULL);
  wizard_expect_blocked (w, AM_LAUNCH_FIELD_INSTANCE_TYPE, "Instance type: choose");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (wizard_row_widget (w, "type-list", "t3.small")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (wizard_row_widget (w, "type-list", "t3.micro")), TRUE);
  g_assert_cmpstr (am_instance_type_get_instance_type (am_launch_request_get_instance_type (request)), ==, "t3.micro");
  wizard_next (w, AM_LAUNCH_STEP_KEY_PAIR);

  /* 3. Key pair: none blocks Next, quietly until the user acts (here: turns "without a key" on
   * and off again); create one; Next waits until the private key is saved (0600). */
  wizard_expect_quiet (w, AM_LAUNCH_FIELD_KEY_PAIR);
  wizard_screenshot (w, "key-page-fresh");
  gtk_switch_set_active (GTK_SWITCH (wizard_find (w, GTK_TYPE_SWITCH, "Launch without a key pair")), TRUE);
  gtk_switch_set_active (GTK_SWITCH (wizard_find (w, GTK_TYPE_SWITCH, "Launch without a key pair")), FALSE);
  wizard_expect_blocked (w, AM_LAUNCH_FIELD_KEY_PAIR, "Key pair:");
  wizard_type (wizard_find (w, ADW_TYPE_ENTRY_ROW, "Key pair name"), "wizard-key");
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "create-key"));
  wizard_wait_idle (w);
  g_assert_cmpstr (am_launch_request_get_key_name (request), ==, "wizard-key");
  wizard_expect_blocked (w, AM_LAUNCH_FIELD_KEY_PAIR, "save the private key");
  wizard_screenshot (w, "3-key-unsaved");
  key_dir = g_dir_make_tmp ("wizard-key-XXXXXX", NULL);
  key_path = g_build_filename (key_dir, "wizard-key.pem", NULL);
  {
    g_autoptr (GError) error = NULL;

    g_assert_true (am_launch_wizard_save_private_key (w, key_path, &error));
    g_assert_no_error (error);
    /* shown once: a second save has nothing to write */
    g_assert_false (am_launch_wizard_save_private_key (w, key_path, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }
  g_assert_cmpint (stat (key_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (key_path, &key_text, NULL, NULL));
  g_assert_true (g_str_has_prefix (key_text, "-----BEGIN"));
  wizard_expect_open (w);
  wizard_screenshot (w, "3-key");
  wizard_next (w, AM_LAUNCH_STEP_NETWORK);

  /* 4. Network: the default VPC and its first subnet are chosen; pick three zones, six instances. */
  g_assert_nonnull (am_launch_request_get_vpc (request));
  g_assert_cmpuint (am_launch_request_get_subnets (request)->len, ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (wizard_row_widget (w, "subnet-list", zones[i])), TRUE);
  g_assert_cmpuint (am_launch_request_get_subnets (request)->len, ==, 3);
  widget = wizard_find (w, GTK_TYPE_SPIN_BUTTON, "Number of instances");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), 0);
  wizard_expect_blocked (w, AM_LAUNCH_FIELD_COUNT, "Number of instances");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), 6);
  am_ui_test_iterate ();
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (wizard_find (w, ADW_TYPE_ACTION_ROW, "Spread over the zones"))),
                   ==, "2 in us-east-1a · 2 in us-east-1b · 2 in us-east-1c");
  /* a new group for SSH and HTTPS from a custom block, typed wrong first */
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (wizard_find (w, ADW_TYPE_EXPANDER_ROW, "Create a new security group")), TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (wizard_find (w, ADW_TYPE_EXPANDER_ROW, "Create a new security group")), TRUE);
  g_assert_true (am_launch_request_get_create_group (request));
  g_assert_true (g_str_has_prefix (am_launch_request_get_new_group_name (request), "launch-wizard-"));
  widget = wizard_find (w, ADW_TYPE_ACTION_ROW, "HTTPS (TCP 443)");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (widget))), TRUE);
  g_assert_cmpint (am_launch_request_get_new_group_rules (request), ==, AM_LAUNCH_RULE_SSH | AM_LAUNCH_RULE_HTTPS);
  adw_combo_row_set_selected (ADW_COMBO_ROW (wizard_find (w, ADW_TYPE_COMBO_ROW, "Allow connections from")),
                              AM_LAUNCH_SOURCE_CUSTOM);
  wizard_type (wizard_find (w, ADW_TYPE_ENTRY_ROW, "Address block (CIDR)"), "10.0.0.1/16");
  wizard_expect_blocked (w, AM_LAUNCH_FIELD_NEW_GROUP_SOURCE, "host bits");
  wizard_type (wizard_find (w, ADW_TYPE_ENTRY_ROW, "Address block (CIDR)"), "10.0.0.0/16");
  wizard_expect_open (w);
  wizard_screenshot (w, "4-network");
  wizard_next (w, AM_LAUNCH_STEP_STORAGE);

  /* 5. Storage: the root volume cannot shrink below its snapshot; grow it; add an io1 volume. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (volume_widget (w, "/dev/xvda", GTK_TYPE_SPIN_BUTTON, "Size (GiB)")), 4);
  wizard_expect_blocked (w, AM_LAUNCH_FIELD_VOLUMES, "smaller than its snapshot (8 GiB)");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (volume_widget (w, "/dev/xvda", GTK_TYPE_SPIN_BUTTON, "Size (GiB)")), 20);
  wizard_expect_open (w);
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "_Add Volume"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (volume_widget (w, "/dev/sdf", ADW_TYPE_COMBO_ROW, "Volume type")), 2 /* io1 */);
  am_ui_test_iterate ();
  wizard_expect_blocked (w, AM_LAUNCH_FIELD_VOLUMES, "needs at least 60 GiB");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (volume_widget (w, "/dev/sdf", GTK_TYPE_SPIN_BUTTON, "Size (GiB)")), 100);
  gtk_switch_set_active (GTK_SWITCH (volume_widget (w, "/dev/sdf", GTK_TYPE_SWITCH, "Delete on termination")), FALSE);
  wizard_expect_open (w);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (wizard_find (w, ADW_TYPE_EXPANDER_ROW, "/dev/sdf")), TRUE);
  wizard_screenshot (w, "5-storage");
  wizard_next (w, AM_LAUNCH_STEP_DETAILS);

  /* 6. Details: name, a tag, user data (too big first), an invalid profile name. */
  wizard_type (wizard_find (w, ADW_TYPE_ENTRY_ROW, "Name"), "web");
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "Add _Tag"));
  wizard_expect_blocked (w, AM_LAUNCH_FIELD_TAGS, "has no key");
  wizard_type (wizard_find (w, GTK_TYPE_ENTRY, "tag-key"), "team");
  wizard_type (wizard_find (w, GTK_TYPE_ENTRY, "tag-value"), "blue");
  wizard_expect_open (w);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (wizard_find (w, GTK_TYPE_TEXT_VIEW, "user-data")));
    g_autofree char *big = g_strnfill (AM_LAUNCH_USER_DATA_MAX + 10, '#');

    gtk_text_buffer_set_text (buffer, big, -1);
    wizard_expect_blocked (w, AM_LAUNCH_FIELD_USER_DATA, "16 KB");
    gtk_text_buffer_set_text (buffer, "#!/bin/sh\necho hello from Amiable > /tmp/hello\n", -1);
  }
  wizard_type (wizard_find (w, ADW_TYPE_ENTRY_ROW, "IAM instance profile (name or ARN)"), "bad name!");
  wizard_expect_blocked (w, AM_LAUNCH_FIELD_IAM_PROFILE, "IAM instance profile");
  wizard_type (wizard_find (w, ADW_TYPE_ENTRY_ROW, "IAM instance profile (name or ARN)"), "");
  wizard_expect_open (w);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (wizard_find (w, GTK_TYPE_SWITCH, "Require IMDSv2"))));
  wizard_screenshot (w, "6-details");
  wizard_next (w, AM_LAUNCH_STEP_REVIEW);

  /* 7. Review: a dry run per zone passes before Launch is enabled. */
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      GtkWidget *row = am_ui_test_find_widget (wizard_find (w, GTK_TYPE_LIST_BOX, "dry-run-list"),
                                               ADW_TYPE_ACTION_ROW, zones[i]);

      g_assert_nonnull (am_ui_test_find_widget (row, GTK_TYPE_LABEL, "Dry run passed"));
    }
  for (AmLaunchStep step = 0; step < AM_LAUNCH_STEP_REVIEW; step++)
    g_assert_true (am_launch_wizard_is_step_complete (w, step));
  g_assert_true (gtk_widget_is_sensitive (wizard_find (w, GTK_TYPE_BUTTON, "launch_button")));
  wizard_screenshot (w, "7-review");

  /* Launch: one RunInstances per zone; the progress page lists the new instances. */
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "launch_button"));
  wizard_wait_idle (w);
  g_assert_cmpuint (am_launch_wizard_get_launched (w)->len, ==, 6);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (wizard_find (w, GTK_TYPE_LABEL, "progress-summary"))), ==,
                   "6 instances launched in us-east-1a, us-east-1b, us-east-1c.");
  g_assert_false (gtk_widget_get_visible (wizard_find (w, GTK_TYPE_BUTTON, "retry_button")));
  wizard_screenshot (w, "8-progress");

  /* What landed: 2 per zone, with the key, tags, IMDSv2, the new group and the volumes. */
  instances = wizard_list_instances (&f);
  g_assert_cmpuint (instances->len, ==, 6);
  for (guint i = 0; i < instances->len; i++)
    {
      AmInstance *instance = g_ptr_array_index (instances, i);
      const char *zone = am_instance_get_availability_zone (instance);
      AmSecurityGroup * const *groups = am_instance_get_security_groups (instance);
      gboolean new_group = FALSE;

      g_hash_table_insert (per_zone, (gpointer) zone,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_zone, zone)) + 1));
      g_assert_cmpstr (am_instance_get_key_name (instance), ==, "wizard-key");
      g_assert_cmpstr (am_instance_get_instance_type (instance), ==, "t3.micro");
      g_assert_true (has_tag (am_instance_get_tags (instance), "Name", "web"));
      g_assert_true (has_tag (am_instance_get_tags (instance), "team", "blue"));
      g_assert_cmpstr (am_instance_get_metadata_http_tokens (instance), ==, "required");
      for (guint g = 0; groups[g] != NULL; g++)
        new_group |= g_str_has_prefix (am_security_group_get_group_name (groups[g]), "launch-wizard-");
      g_assert_true (new_group);
      check_attached_volumes (instance);
    }
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (per_zone, zones[i])), ==, 2);
  /* DescribeInstances does not report sizes or types (neither does EC2); an image made from
   * one instance per zone shows the volumes that landed. */
  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    for (guint i = 0; i < instances->len; i++)
      if (g_strcmp0 (am_instance_get_availability_zone (g_ptr_array_index (instances, i)), zones[z]) == 0)
        {
          check_landed_volumes (&f, g_ptr_array_index (instances, i));
          break;
        }
  /* and what each zone's RunInstances sends */
  {
    g_autoptr (GArray) plan = am_launch_request_plan (request);

    for (guint i = 0; i < plan->len; i++)
      {
        g_autoptr (AmQueryParams) params = am_launch_request_to_run_instances (request, &g_array_index (plan, AmLaunchPlacement, i), FALSE);

        g_assert_cmpstr (am_query_params_get (params, "BlockDeviceMapping.1.DeviceName"), ==, "/dev/xvda");
        g_assert_cmpstr (am_query_params_get (params, "BlockDeviceMapping.1.Ebs.VolumeSize"), ==, "20");
        g_assert_cmpstr (am_query_params_get (params, "BlockDeviceMapping.2.DeviceName"), ==, "/dev/sdf");
        g_assert_cmpstr (am_query_params_get (params, "BlockDeviceMapping.2.Ebs.VolumeType"), ==, "io1");
        g_assert_cmpstr (am_query_params_get (params, "BlockDeviceMapping.2.Ebs.VolumeSize"), ==, "100");
        g_assert_cmpstr (am_query_params_get (params, "BlockDeviceMapping.2.Ebs.Iops"), ==, "3000");
        g_assert_cmpstr (am_query_params_get (params, "BlockDeviceMapping.2.Ebs.DeleteOnTermination"), ==, "false");
        g_assert_cmpstr (am_query_params_get (params, "TagSpecification.2.ResourceType"), ==, "volume");
        g_assert_cmpstr (am_query_params_get (params, "TagSpecification.2.Tag.1.Value"), ==, "web");
        g_assert_cmpstr (am_query_params_get (params, "MinCount"), ==, "2");
      }
  }

  /* A second click does nothing, and the same requests sent again (a retry after a lost
   * answer) return the first launch instead of new instances. */
  g_signal_emit_by_name (wizard_find (w, GTK_TYPE_BUTTON, "launch_button"), "clicked");
  wizard_wait_idle (w);
  {
    g_autoptr (GArray) plan = am_launch_request_plan (request);
    AmQueryClient *client = am_ec2_client_get_query_client (am_session_get_client (f.session));
    g_autoptr (GPtrArray) again = NULL;

    for (guint i = 0; i < plan->len; i++)
      {
        g_autoptr (GError) error = NULL;
        AmUiTestWait wait = { NULL };
        GPtrArray *resent;

        am_launch_request_run_async (request, client, &g_array_index (plan, AmLaunchPlacement, i), FALSE,
                                     NULL, am_ui_test_wait_cb, &wait);
        am_ui_test_wait_for_result (&wait, 60000);
        resent = am_launch_request_run_finish (request, wait.result, NULL, &error);
        g_clear_object (&wait.result);
        g_assert_no_error (error);
        g_assert_cmpuint (resent->len, ==, 2);
        g_ptr_array_unref (resent);
      }
    again = wizard_list_instances (&f);
    g_assert_cmpuint (again->len, ==, 6);
  }

  wizard_fixture_stop (&f);
  g_unlink (key_path);
  g_rmdir (key_dir);
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/wizard/launch", test_wizard_launch);

  return g_test_run ();
}
