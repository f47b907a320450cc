/* test-instances-details.c: the Instances details pane reads like the Images one (label, then value) with Copy buttons
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-instances-details"

#include "config.h"

#include <string.h>

#include "test-instances-common.h"

static GtkWidget *
details_row (InstancesFixture *fixture,
             const char       *title)
{
  GtkWidget *row = am_ui_test_find_widget (GTK_WIDGET (fixture->view), ADW_TYPE_ACTION_ROW, title);

  if (row == NULL)
    g_error ("The details pane has no row titled “%s”", title);
  return row;
}

static gboolean
details_shown (gpointer data)
{
  InstancesFixture *fixture = data;

  return am_ui_test_find_widget (GTK_WIDGET (fixture->view), ADW_TYPE_ACTION_ROW, "Private IPv4 address") != NULL;
}

/* @title's row shows @value under its label, in the "property" style, and its Copy button
 * puts @copied on the clipboard (no button when @copied is NULL). */
static void
check_row (InstancesFixture *fixture,
           const char       *title,
           const char       *value,
           const char       *copied)
{
  GtkWidget *row = details_row (fixture, title);
  GtkWidget *button = am_ui_test_find_widget (row, GTK_TYPE_BUTTON, "Copy");

  g_test_message ("%s: %s", title, adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  if (value != NULL)
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, value);
  g_assert_true (gtk_widget_has_css_class (row, "property"));
  if (copied == NULL)
    {
      g_assert_null (button);
      return;
    }

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_drawable (button));
  g_signal_emit_by_name (button, "clicked");
  am_ui_test_iterate ();
  {
    g_autofree char *text = instances_clipboard_text (button);

    g_assert_cmpstr (text, ==, copied);
  }
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Copied");
}

static void
test_details (InstancesFixture *fixture,
              gconstpointer     data)
{
  g_autofree char *image_id = instances_find_launchable_image (fixture);
  g_autofree char *web = instances_run_instance (fixture, image_id, "amiable-details-web");
  const char *private_ip;
  GtkWidget *ip_row;
  GtkWidget *tag_row;

  am_instances_view_set_session (fixture->view, fixture->session);
  instances_wait_for_state (fixture, web, "running");
  g_assert_true (am_instances_view_select_instance (fixture->view, web));
  g_assert_true (am_ui_test_wait_until (details_shown, fixture, INSTANCES_CALL_TIMEOUT_MS));

  /* IDs and addresses: the label on top, the value under it, a Copy button. */
  check_row (fixture, "Instance ID", web, web);
  ip_row = details_row (fixture, "Private IPv4 address");
  private_ip = adw_action_row_get_subtitle (ADW_ACTION_ROW (ip_row));
  g_assert_true (g_hostname_is_ip_address (private_ip));
  check_row (fixture, "Private IPv4 address", private_ip, private_ip);
  if (am_ui_test_find_widget (GTK_WIDGET (fixture->view), ADW_TYPE_ACTION_ROW, "Public IPv4 address") != NULL)
    {
      const char *public_ip = adw_action_row_get_subtitle (ADW_ACTION_ROW (details_row (fixture, "Public IPv4 address")));

      g_assert_true (g_hostname_is_ip_address (public_ip));
      check_row (fixture, "Public IPv4 address", public_ip, public_ip);
    }
  /* The image row names the image; its button copies the ID alone. */
  check_row (fixture, "Image", NULL, image_id);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (details_row (fixture, "Image"))), image_id));
  check_row (fixture, "Subnet", NULL,
             adw_action_row_get_subtitle (ADW_ACTION_ROW (details_row (fixture, "Subnet"))));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (details_row (fixture, "Subnet"))),
                                   "subnet-"));

  /* Other facts read the same way, without a button. */
  check_row (fixture, "Instance type", "t3.micro", NULL);
  check_row (fixture, "State", NULL, NULL);

  /* Tags: the key on top, the value under it, as in the Images pane. */
  tag_row = details_row (fixture, "Name");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (tag_row)), ==, "amiable-details-web");
  g_assert_null (am_ui_test_find_widget (GTK_WIDGET (fixture->view), ADW_TYPE_ACTION_ROW, web));

  instances_screenshot (fixture->window, "details");
}

static const InstancesFixtureOptions options = { "1000", TRUE };

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/ui/instances/details", InstancesFixture, &options, instances_fixture_set_up,
              test_details, instances_fixture_tear_down);

  return g_test_run ();
}
