/* test-wizard-allowed.c: the wizard and governance: a not-allowed image refused in the dry run; bob launching alice's shared image
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-wizard-allowed"

#include "config.h"

#include <string.h>

#include "am-ec2-governance.h"
#include "test-wizard-common.h"

#define UBUNTU_X86 "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20251112"

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

/* Only Amazon's images are allowed, and the setting is enforced. */
static void
allow_only_amazon (AmEc2Client *client)
{
  const char *amazon[] = { "amazon", NULL };
  g_autoptr (GPtrArray) criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) am_image_criterion_free);
  g_autoptr (GAsyncResult) r_replace = NULL, r_state = NULL;
  g_autoptr (GError) error = NULL;
  AmImageCriterion *c = am_image_criterion_new ();

  c->providers = g_strdupv ((char **) amazon);
  g_ptr_array_add (criteria, c);
  am_ec2_client_replace_image_criteria_async (client, criteria, NULL, store_cb, &r_replace);
  g_assert_true (am_ec2_client_replace_image_criteria_finish (client, wait_result (&r_replace), &error));
  g_assert_no_error (error);
  am_ec2_client_set_allowed_images_state_async (client, "enabled", NULL, store_cb, &r_state);
  g_assert_true (am_ec2_client_set_allowed_images_state_finish (client, wait_result (&r_state), &error));
  g_assert_no_error (error);
}

static void
test_not_allowed_dry_run (void)
{
  const char *zones[] = { "us-east-1a", NULL };
  WizardFixture f = { 0 };
  g_autoptr (AmImage) image = NULL;
  AmLaunchWizard *w;
  GtkWidget *row;
  GtkWidget *detail;
  const char *text;

  f.sandbox = am_ui_test_sandbox_start (NULL);
  f.session = am_ui_test_sandbox_session (f.sandbox, "alice");
  /* Looked up before the setting hides it from listings. */
  image = wizard_lookup_image (f.session, UBUNTU_X86);
  allow_only_amazon (am_session_get_client (f.session));

  wizard_fixture_show (&f, am_launch_wizard_new (f.session, image));
  w = f.wizard;
  g_assert_cmpint (am_launch_wizard_get_step (w), ==, AM_LAUNCH_STEP_INSTANCE_TYPE);
  wizard_next (w, AM_LAUNCH_STEP_KEY_PAIR);
  wizard_skip_key_choose_subnets (w, zones);
  wizard_next (w, AM_LAUNCH_STEP_STORAGE);
  wizard_next (w, AM_LAUNCH_STEP_DETAILS);
  wizard_next (w, AM_LAUNCH_STEP_REVIEW);
  wizard_wait_idle (w);

  /* The dry run fails in words: EC2's refusal names the image and the Allowed AMIs setting. */
  row = am_ui_test_get_widget (wizard_find (w, GTK_TYPE_LIST_BOX, "dry-run-list"), ADW_TYPE_ACTION_ROW, "us-east-1a");
  g_assert_nonnull (am_ui_test_find_widget (row, GTK_TYPE_LABEL, "Failed"));
  detail = am_ui_test_get_widget (wizard_find (w, GTK_TYPE_LIST_BOX, "dry-run-list"), GTK_TYPE_LABEL, "zone-detail");
  g_assert_true (gtk_widget_is_visible (detail));
  text = gtk_label_get_text (GTK_LABEL (detail));
  g_test_message ("dry run: %s", text);
  g_assert_nonnull (strstr (text, "Allowed AMIs"));
  g_assert_nonnull (strstr (text, am_image_get_image_id (image)));
  g_assert_false (gtk_widget_is_sensitive (wizard_find (w, GTK_TYPE_BUTTON, "launch_button")));
  wizard_screenshot (w, "allowed-amis-dry-run");

  wizard_fixture_stop (&f);
}

/* Bob launches alice's shared image through the wizard; alice's image usage report then names
 * his account with one instance. */
static void
test_bob_launches_shared (void)
{
  const char *zones[] = { "us-east-1a", NULL };
  const char *bob_account[] = { AM_SANDBOX_BOB_ACCOUNT_ID, NULL };
  WizardFixture f = { 0 };
  g_autoptr (AmSession) alice = NULL;
  g_autoptr (AmImage) image = NULL;
  g_autoptr (AmImage) seen_by_bob = NULL;
  g_autoptr (GAsyncResult) r_share = NULL, r_usage = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GError) error = NULL;
  AmEc2Client *client;
  gint64 bob_instances = 0;

  f.sandbox = am_ui_test_sandbox_start (NULL);
  alice = am_ui_test_sandbox_session (f.sandbox, "alice");
  client = am_session_get_client (alice);
  image = wizard_lookup_image (alice, "alice-web-server-2026-01-15");
  am_ec2_client_modify_launch_permission_async (client, am_image_get_image_id (image), AM_LAUNCH_PERMISSION_ADD,
                                                bob_account, FALSE, NULL, NULL, FALSE, NULL, store_cb, &r_share);
  g_assert_true (am_ec2_client_modify_launch_permission_finish (client, wait_result (&r_share), NULL, &error));
  g_assert_no_error (error);

  f.session = am_ui_test_sandbox_session (f.sandbox, "bob");
  seen_by_bob = wizard_lookup_image (f.session, "alice-web-server-2026-01-15");
  wizard_fixture_show (&f, am_launch_wizard_new (f.session, seen_by_bob));
  wizard_next (f.wizard, AM_LAUNCH_STEP_KEY_PAIR);
  wizard_skip_key_choose_subnets (f.wizard, zones);
  wizard_next (f.wizard, AM_LAUNCH_STEP_STORAGE);
  wizard_next (f.wizard, AM_LAUNCH_STEP_DETAILS);
  wizard_next (f.wizard, AM_LAUNCH_STEP_REVIEW);
  wizard_wait_idle (f.wizard);
  g_assert_true (gtk_widget_is_sensitive (wizard_find (f.wizard, GTK_TYPE_BUTTON, "launch_button")));
  wizard_click (wizard_find (f.wizard, GTK_TYPE_BUTTON, "launch_button"));
  wizard_wait_idle (f.wizard);
  g_assert_cmpuint (am_launch_wizard_get_launched (f.wizard)->len, ==, 1);

  am_ec2_client_image_usage_async (client, am_image_get_image_id (image), 120, NULL, store_cb, &r_usage);
  entries = am_ec2_client_image_usage_finish (client, wait_result (&r_usage), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      AmImageUsageEntry *e = entries->pdata[i];

      g_test_message ("usage: %s %s %" G_GINT64_FORMAT, e->account_id, e->resource_type, e->usage_count);
      if (g_strcmp0 (e->account_id, AM_SANDBOX_BOB_ACCOUNT_ID) == 0
          && g_strcmp0 (e->resource_type, "ec2:Instance") == 0)
        bob_instances += e->usage_count;
    }
  g_assert_cmpint (bob_instances, ==, 1);

  wizard_fixture_stop (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/wizard/allowed-amis/not-allowed-dry-run", test_not_allowed_dry_run);
  g_test_add_func ("/ui/wizard/shared/bob-launches", test_bob_launches_shared);

  return g_test_run ();
}
