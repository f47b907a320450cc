/* test-instances-headings.c: the Instances view's confirmations: title-case headings, IDs in the body, never broken
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-instances-headings"

#include "config.h"

#include <string.h>

#include "test-instances-common.h"

/* An unnamed t3.micro instance (the view then shows its ID where a name would go). */
static char *
run_unnamed (InstancesFixture *fixture,
             const char       *image_id,
             gboolean          protect)
{
  g_autoptr (AmRunInstancesRequest) request = am_run_instances_request_new (image_id, "t3.micro");
  g_autoptr (AmInstance) instance = NULL;

  request->disable_api_termination = protect;
  instance = instances_run_request (fixture, request);
  return g_strdup (am_instance_get_instance_id (instance));
}

/* Every line of @label as laid out on screen starts after a space or a newline: no word (and
 * so no ID) is cut in two. */
static void
assert_breaks_between_words (GtkWidget *label)
{
  const char *text = pango_layout_get_text (gtk_label_get_layout (GTK_LABEL (label)));
  GSList *lines = pango_layout_get_lines_readonly (gtk_label_get_layout (GTK_LABEL (label)));

  g_assert_true (gtk_widget_is_drawable (label));
  for (GSList *l = lines != NULL ? lines->next : NULL; l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;

      g_assert_cmpint (line->start_index, >, 0);
      if (text[line->start_index - 1] != ' ' && text[line->start_index - 1] != '\n')
        g_error ("“%s” breaks inside a word, before “%.12s”", text, text + line->start_index);
    }
}

/* Opens @action's dialog for the selection and checks its heading; returns the dialog. */
static GtkWidget *
open_dialog (InstancesFixture *fixture,
             const char       *action,
             const char       *heading)
{
  GtkWidget *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), action, NULL));
  g_assert_true (am_ui_test_wait_until (instances_message_dialog_shown, NULL, INSTANCES_CALL_TIMEOUT_MS));
  dialog = instances_find_message_dialog ();
  am_ui_test_iterate ();
  g_test_message ("%s: %s", action, adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, heading);
  assert_breaks_between_words (am_ui_test_get_widget (dialog, GTK_TYPE_LABEL, heading));
  return dialog;
}

static void
close_dialog (GtkWidget  *dialog,
              const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  /* Responding emits the signal only; a click would also close the dialog. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (am_ui_test_wait_until (instances_message_dialog_gone, NULL, INSTANCES_CALL_TIMEOUT_MS));
}

static void
assert_body_names (GtkWidget  *dialog,
                   const char *instance_id)
{
  const char *body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));

  g_assert_nonnull (strstr (body, instance_id));
  assert_breaks_between_words (am_ui_test_get_widget (dialog, GTK_TYPE_LABEL, body));
}

static void
test_headings (InstancesFixture *fixture,
               gconstpointer     data)
{
  g_autofree char *image_id = instances_find_launchable_image (fixture);
  g_autofree char *guarded = run_unnamed (fixture, image_id, TRUE);
  g_autofree char *first = run_unnamed (fixture, image_id, FALSE);
  g_autofree char *second = run_unnamed (fixture, image_id, FALSE);
  const char * const both[] = { first, second, NULL };
  GtkWidget *dialog;

  am_instances_view_set_session (fixture->view, fixture->session);
  instances_wait_for_state (fixture, guarded, "running");
  instances_wait_for_state (fixture, first, "running");
  instances_wait_for_state (fixture, second, "running");

  /* Terminating a protected instance: refused, and the heading does not carry its ID. */
  g_assert_true (am_instances_view_select_instance (fixture->view, guarded));
  dialog = open_dialog (fixture, "instances.terminate", "Instance Is Protected from Termination");
  assert_body_names (dialog, guarded);
  instances_screenshot (dialog, "headings-protected");
  close_dialog (dialog, "close");

  /* One instance, then two: the same title case as "Deregister 2 Images?". */
  g_assert_true (am_instances_view_select_instance (fixture->view, first));
  dialog = open_dialog (fixture, "instances.terminate", "Terminate Instance?");
  assert_body_names (dialog, first);
  instances_screenshot (dialog, "headings-terminate-one");
  close_dialog (dialog, "cancel");

  g_assert_cmpuint (am_instances_view_select_instances (fixture->view, both), ==, 2);
  dialog = open_dialog (fixture, "instances.terminate", "Terminate 2 Instances?");
  assert_body_names (dialog, first);
  assert_body_names (dialog, second);
  instances_screenshot (dialog, "headings-terminate-two");
  close_dialog (dialog, "cancel");

  dialog = open_dialog (fixture, "instances.force-stop", "Force 2 Instances to Stop?");
  assert_body_names (dialog, second);
  close_dialog (dialog, "cancel");

  dialog = open_dialog (fixture, "instances.stop", "Stop 2 Instances?");
  assert_body_names (dialog, first);
  assert_body_names (dialog, second);
  close_dialog (dialog, "cancel");

  /* The page of a multiple selection offers tagging them all (it has no button above). */
  {
    GtkWidget *tag_button = am_ui_test_get_widget (GTK_WIDGET (fixture->view), GTK_TYPE_BUTTON, "Manage _Tags…");

    g_assert_true (gtk_widget_get_mapped (tag_button));
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (tag_button)), ==, "instances.tags");
    g_assert_true (gtk_widget_is_sensitive (tag_button));
    instances_screenshot (GTK_WIDGET (fixture->window), "headings-two-selected");
  }

  g_assert_true (am_instances_view_select_instance (fixture->view, second));
  dialog = open_dialog (fixture, "instances.force-stop", "Force Instance to Stop?");
  assert_body_names (dialog, second);
  instances_screenshot (dialog, "headings-force-stop");
  close_dialog (dialog, "cancel");

  /* Nothing was changed by all this. */
  g_assert_cmpstr (am_instances_view_get_state_name (fixture->view, guarded), ==, "running");
  g_assert_cmpstr (am_instances_view_get_state_name (fixture->view, first), ==, "running");
  g_assert_cmpstr (am_instances_view_get_state_name (fixture->view, second), ==, "running");
}

static const InstancesFixtureOptions options = { "1000", TRUE };

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/ui/instances/headings", InstancesFixture, &options, instances_fixture_set_up,
              test_headings, instances_fixture_tear_down);

  return g_test_run ();
}
