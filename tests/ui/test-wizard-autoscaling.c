/* test-wizard-autoscaling.c: an Auto Scaling group created from the wizard's review page, against the sandbox
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-wizard-autoscaling"

#include "config.h"

#include <string.h>

#include <libsoup/soup.h>

#include "am-auto-scaling-dialog.h"
#include "am-autoscaling-client.h"
#include "am-instances-view.h"
#include "test-wizard-common.h"

#define GROUP_NAME "web-asg"
#define TIMEOUT_MS 180000

static const char *zones[] = { "us-east-1a", "us-east-1b", "us-east-1c", NULL };

static gboolean
dialog_idle (gpointer data)
{
  return !am_auto_scaling_dialog_get_busy (data);
}

static gboolean
group_full (gpointer data)
{
  AmAutoScalingGroup *group = am_auto_scaling_dialog_get_group (data);

  return group != NULL && am_auto_scaling_group_get_instances (group) != NULL
         && am_auto_scaling_group_get_instances (group)->len == 6
         && !am_auto_scaling_dialog_get_busy (data);
}

/* Every instance of the group in service, as the dialog shows it. */
static gboolean
group_in_service (gpointer data)
{
  AmAutoScalingGroup *group = am_auto_scaling_dialog_get_group (data);
  GPtrArray *instances = group != NULL ? am_auto_scaling_group_get_instances (group) : NULL;

  if (instances == NULL || instances->len != 6)
    return FALSE;
  for (guint i = 0; i < instances->len; i++)
    if (g_strcmp0 (((AmAutoScalingInstance *) g_ptr_array_index (instances, i))->lifecycle_state, "InService") != 0)
      return FALSE;
  return TRUE;
}

typedef struct
{
  AmInstancesView *view;
  GPtrArray *ids;    /* of char * */
} ViewWait;

static gboolean
view_lists_all (gpointer data)
{
  ViewWait *wait = data;

  for (guint i = 0; i < wait->ids->len; i++)
    if (am_instances_view_get_state_name (wait->view, g_ptr_array_index (wait->ids, i)) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
view_settled (gpointer data)
{
  return !am_instances_view_is_busy (data) && !am_instances_view_is_polling (data);
}

static void
wait_view_lists (AmInstancesView *view,
                 GPtrArray       *ids)
{
  ViewWait wait = { view, ids };

  g_assert_cmpuint (ids->len, >, 0);
  g_assert_true (am_ui_test_wait_until (view_lists_all, &wait, TIMEOUT_MS));
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

static AmAutoScalingDialog *
open_dialog (AmLaunchWizard *w)
{
  GtkWidget *dialog;

  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "asg_button"));
  dialog = am_ui_test_wait_for_window_of_type (AM_TYPE_AUTO_SCALING_DIALOG);
  g_assert_nonnull (dialog);
  return AM_AUTO_SCALING_DIALOG (dialog);
}

static void
set_sizes (GtkWidget *dialog,
           gint       min,
           gint       max,
           gint       desired)
{
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (am_ui_test_get_widget (dialog, GTK_TYPE_SPIN_BUTTON,
                                                                     "asg-min")),
                             min);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (am_ui_test_get_widget (dialog, GTK_TYPE_SPIN_BUTTON,
                                                                     "asg-max")),
                             max);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (am_ui_test_get_widget (dialog, GTK_TYPE_SPIN_BUTTON,
                                                                     "asg-desired")),
                             desired);
  am_ui_test_iterate ();
}

static void
expect_blocked (GtkWidget  *dialog,
                const char *label_name,
                const char *needle)
{
  GtkWidget *label = am_ui_test_get_widget (dialog, GTK_TYPE_LABEL, label_name);

  am_ui_test_iterate ();
  g_assert_false (gtk_widget_is_sensitive (am_ui_test_get_widget (dialog, GTK_TYPE_BUTTON,
                                                                  "asg-create")));
  g_assert_true (gtk_widget_get_visible (label));
  g_test_message ("blocked: %s", gtk_label_get_text (GTK_LABEL (label)));
  if (strstr (gtk_label_get_text (GTK_LABEL (label)), needle) == NULL)
    g_error ("“%s” does not contain “%s”", gtk_label_get_text (GTK_LABEL (label)), needle);
}

/* An endpoint with EC2's CreateLaunchTemplate whose Auto Scaling answers with the error
 * @user_data names: no Auto Scaling at all (InvalidAction, as some emulators), or a refusal. */
static void
fake_autoscaling_cb (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  g_autoptr (GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autofree char *text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));

  if (strstr (text, "Action=CreateLaunchTemplate") != NULL)
    {
      static const char response[] =
        "<CreateLaunchTemplateResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
        "<requestId>r-1</requestId><launchTemplate><launchTemplateId>lt-0123456789abcdef0</launchTemplateId>"
        "<launchTemplateName>kept-template</launchTemplateName><createTime>2026-11-26T17:00:00.000Z</createTime>"
        "</launchTemplate></CreateLaunchTemplateResponse>";

      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/xml", SOUP_MEMORY_STATIC, response, strlen (response));
    }
  else
    {
      const char *code = user_data;
      g_autofree char *response = NULL;

      response = g_strdup_printf ("<ErrorResponse><Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error>"
                                  "<RequestId>r-2</RequestId></ErrorResponse>", code,
                                  g_str_equal (code, "InvalidAction")
                                  ? "The action CreateAutoScalingGroup is not valid for this web service."
                                  : "The subnet ID 'subnet-1' does not exist");
      soup_server_message_set_status (msg, 400, NULL);
      soup_server_message_set_response (msg, "text/xml", SOUP_MEMORY_COPY, response, strlen (response));
    }
}

static void
check_refused (AmLaunchRequest *request,
               const char      *code,
               const char      *expected,
               const char      *screenshot)
{
  g_autoptr (SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AmSession) session = NULL;
  g_autofree char *endpoint = NULL;
  GSList *uris;
  GtkWidget *dialog;
  const char *text;

  soup_server_add_handler (server, NULL, fake_autoscaling_cb, (gpointer) code, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  endpoint = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  session = am_session_new_for_endpoint ("No Auto Scaling", endpoint, "AKIDEXAMPLE", "example-secret", "us-east-1", &error);
  g_assert_no_error (error);

  dialog = GTK_WIDGET (am_auto_scaling_dialog_new (session, request, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
  am_ui_test_wait_mapped (dialog);
  wizard_type (am_ui_test_get_widget (dialog, ADW_TYPE_ENTRY_ROW, "asg-name"), "elsewhere");
  wizard_click (am_ui_test_get_widget (dialog, GTK_TYPE_BUTTON, "asg-create"));
  g_assert_true (am_ui_test_wait_until (dialog_idle, dialog, TIMEOUT_MS));
  text = gtk_label_get_text (GTK_LABEL (am_ui_test_get_widget (dialog, GTK_TYPE_LABEL,
                                                               "asg-status")));
  g_test_message ("%s: %s", code, text);
  g_assert_nonnull (strstr (text, expected));
  g_assert_true (gtk_widget_has_css_class (am_ui_test_get_widget (dialog, GTK_TYPE_LABEL,
                                                                  "asg-status"),
                                           "error"));
  if (g_str_equal (code, "InvalidAction"))
    {
      g_assert_nonnull (strstr (text, "kept-template"));
      g_assert_false (gtk_widget_is_sensitive (am_ui_test_get_widget (dialog, GTK_TYPE_BUTTON,
                                                                      "asg-create")));
    }
  else
    {
      g_assert_nonnull (strstr (text, "subnet-1"));
      g_assert_true (gtk_widget_is_sensitive (am_ui_test_get_widget (dialog, GTK_TYPE_BUTTON,
                                                                     "asg-create")));
    }
  g_assert_nonnull (am_auto_scaling_dialog_get_template (AM_AUTO_SCALING_DIALOG (dialog)));
  g_assert_cmpstr (am_launch_template_get_launch_template_id (am_auto_scaling_dialog_get_template (AM_AUTO_SCALING_DIALOG (dialog))),
                   ==, "lt-0123456789abcdef0");
  wizard_screenshot_window (dialog, screenshot);
  gtk_window_destroy (GTK_WINDOW (dialog));
  am_ui_test_wait_window_gone (AM_TYPE_AUTO_SCALING_DIALOG);
}

static void
test_wizard_autoscaling (void)
{
  WizardFixture f = { 0 };
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GPtrArray) instances = NULL;
  g_autoptr (AmAutoScalingClient) client = NULL;
  g_autoptr (GHashTable) per_zone = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;
  g_autofree char *template_id = NULL;
  AmLaunchWizard *w;
  GtkWidget *dialog;
  GtkWidget *name;
  const char *names[] = { GROUP_NAME, NULL };
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (AmImage) image = NULL;
  AmUiTestWait wait = { NULL };
  GtkWidget *window;
  AmInstancesView *view;

  f.sandbox = am_ui_test_sandbox_start (NULL);
  f.session = am_ui_test_sandbox_session (f.sandbox, "alice");
  image = wizard_lookup_image (f.session, WIZARD_IMAGE_X86);

  /* The Instances view of the same session, as in the main window: nothing yet, and at rest. */
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 600);
  view = AM_INSTANCES_VIEW (am_instances_view_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  am_instances_view_set_session (view, f.session);
  g_assert_true (am_ui_test_wait_until (view_settled, view, TIMEOUT_MS));
  g_assert_cmpuint (am_instances_view_get_n_instances (view), ==, 0);

  /* To the review page with three subnets in three zones, a Name and a tag. */
  wizard_fixture_show (&f, am_launch_wizard_new (f.session, image));
  w = f.wizard;
  g_assert_cmpint (am_launch_wizard_get_step (w), ==, AM_LAUNCH_STEP_INSTANCE_TYPE);
  wizard_next (w, AM_LAUNCH_STEP_KEY_PAIR);
  wizard_skip_key_choose_subnets (w, zones);
  wizard_next (w, AM_LAUNCH_STEP_STORAGE);
  wizard_next (w, AM_LAUNCH_STEP_DETAILS);
  wizard_type (wizard_find (w, ADW_TYPE_ENTRY_ROW, "Name"), "asg-web");
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "Add _Tag"));
  wizard_type (wizard_find (w, GTK_TYPE_ENTRY, "tag-key"), "team");
  wizard_type (wizard_find (w, GTK_TYPE_ENTRY, "tag-value"), "blue");
  wizard_next (w, AM_LAUNCH_STEP_REVIEW);
  wizard_wait_idle (w);
  g_assert_true (gtk_widget_is_sensitive (wizard_find (w, GTK_TYPE_BUTTON, "asg_button")));
  wizard_screenshot (w, "asg-review");

  /* The dialog: invalid names and sizes block Create with a message at the field. */
  dialog = GTK_WIDGET (open_dialog (w));
  name = am_ui_test_get_widget (dialog, ADW_TYPE_ENTRY_ROW, "asg-name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "asg-web-asg");
  wizard_type (name, "");
  expect_blocked (dialog, "asg-name-error", "1 to 255");
  wizard_type (name, "web:asg");
  expect_blocked (dialog, "asg-name-error", "“:”");
  {
    g_autofree char *long_name = g_strnfill (256, 'a');

    wizard_type (name, long_name);
    expect_blocked (dialog, "asg-name-error", "1 to 255");
  }
  wizard_type (name, GROUP_NAME);
  g_assert_false (gtk_widget_get_visible (am_ui_test_get_widget (dialog, GTK_TYPE_LABEL,
                                                                 "asg-name-error")));
  set_sizes (dialog, 3, 9, 10);
  expect_blocked (dialog, "asg-size-error", "Desired capacity");
  set_sizes (dialog, 7, 6, 6);
  expect_blocked (dialog, "asg-size-error", "Minimum size");
  set_sizes (dialog, 0, 0, 0);
  expect_blocked (dialog, "asg-size-error", "Maximum size");
  set_sizes (dialog, 3, 9, 6);
  g_assert_false (gtk_widget_get_visible (am_ui_test_get_widget (dialog, GTK_TYPE_LABEL,
                                                                 "asg-size-error")));
  g_assert_true (gtk_widget_is_sensitive (am_ui_test_get_widget (dialog, GTK_TYPE_BUTTON,
                                                                 "asg-create")));
  wizard_screenshot_window (dialog, "asg-dialog");

  /* Create: the template first, then the group; its instances appear per zone. */
  g_assert_null (am_auto_scaling_dialog_get_template (AM_AUTO_SCALING_DIALOG (dialog)));
  wizard_click (am_ui_test_get_widget (dialog, GTK_TYPE_BUTTON, "asg-create"));
  g_assert_true (am_ui_test_wait_until (group_full, dialog, TIMEOUT_MS));
  g_assert_nonnull (am_auto_scaling_dialog_get_template (AM_AUTO_SCALING_DIALOG (dialog)));
  template_id = g_strdup (am_launch_template_get_launch_template_id (am_auto_scaling_dialog_get_template (AM_AUTO_SCALING_DIALOG (dialog))));
  g_test_message ("status: %s",
                  gtk_label_get_text (GTK_LABEL (am_ui_test_get_widget (dialog, GTK_TYPE_LABEL,
                                                                        "asg-status"))));
  for (guint i = 0; zones[i] != NULL; i++)
    {
      GtkWidget *list = am_ui_test_get_widget (dialog, GTK_TYPE_LIST_BOX, "asg-zone-list");
      GtkWidget *row = am_ui_test_get_widget (list, ADW_TYPE_ACTION_ROW, zones[i]);

      g_assert_nonnull (am_ui_test_find_widget (row, GTK_TYPE_LABEL, "2 instances"));
    }
  g_assert_false (gtk_widget_is_sensitive (am_ui_test_get_widget (dialog, GTK_TYPE_BUTTON,
                                                                  "asg-create")));
  wizard_screenshot_window (dialog, "asg-created");

  /* The dialog follows the instances past the desired count until they are in service. */
  g_assert_true (am_ui_test_wait_until (group_in_service, dialog, TIMEOUT_MS));
  am_ui_test_iterate ();
  {
    GtkWidget *list = am_ui_test_get_widget (dialog, GTK_TYPE_LIST_BOX, "asg-zone-list");
    const char *status = gtk_label_get_text (GTK_LABEL (am_ui_test_get_widget (dialog, GTK_TYPE_LABEL,
                                                                                "asg-status")));

    g_test_message ("status: %s", status);
    g_assert_nonnull (strstr (status, "all 6 instances are in service"));
    for (guint i = 0; zones[i] != NULL; i++)
      {
        GtkWidget *row = am_ui_test_get_widget (list, ADW_TYPE_ACTION_ROW, zones[i]);
        const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

        g_assert_null (strstr (subtitle, "Pending"));
        g_assert_nonnull (strstr (subtitle, "(InService)"));
      }
    for (guint i = 0; i < 6; i++)
      g_ptr_array_add (ids, g_strdup (((AmAutoScalingInstance *) g_ptr_array_index (am_auto_scaling_group_get_instances (am_auto_scaling_dialog_get_group (AM_AUTO_SCALING_DIALOG (dialog))), i))->instance_id));
  }
  wizard_screenshot_window (dialog, "asg-in-service");

  /* The Instances view lists the group's instances by itself, without a refresh. */
  wait_view_lists (view, ids);
  gtk_window_destroy (GTK_WINDOW (dialog));
  am_ui_test_wait_window_gone (AM_TYPE_AUTO_SCALING_DIALOG);

  /* What Auto Scaling reports: the group over the three subnets with 6 instances, 2 per zone. */
  client = am_autoscaling_client_new_for_ec2_client (am_session_get_client (f.session), &error);
  g_assert_no_error (error);
  am_autoscaling_client_describe_groups_async (client, names, 0, NULL, am_ui_test_wait_cb, &wait);
  am_ui_test_wait_for_result (&wait, TIMEOUT_MS);
  groups = am_autoscaling_client_describe_groups_finish (client, wait.result, NULL, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 1);
  {
    AmAutoScalingGroup *group = g_ptr_array_index (groups, 0);

    g_assert_cmpint (am_auto_scaling_group_get_min_size (group), ==, 3);
    g_assert_cmpint (am_auto_scaling_group_get_max_size (group), ==, 9);
    g_assert_cmpint (am_auto_scaling_group_get_desired_capacity (group), ==, 6);
    g_assert_cmpstr (am_auto_scaling_group_get_launch_template_id (group), ==, template_id);
    g_assert_cmpuint (g_strv_length ((char **) am_auto_scaling_group_get_subnet_ids (group)), ==, 3);
    g_assert_cmpuint (am_auto_scaling_group_get_instances (group)->len, ==, 6);
    for (guint i = 0; zones[i] != NULL; i++)
      g_assert_cmpuint (am_auto_scaling_group_count_in_zone (group, zones[i]), ==, 2);
  }

  /* What EC2 reports: 6 instances, 2 per zone, with the group's tag and the propagated ones. */
  instances = wizard_list_instances (&f);
  g_assert_cmpuint (instances->len, ==, 6);
  for (guint i = 0; i < instances->len; i++)
    {
      AmInstance *instance = g_ptr_array_index (instances, i);
      const char *zone = am_instance_get_availability_zone (instance);

      g_hash_table_insert (per_zone, (gpointer) zone,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_zone, zone)) + 1));
      g_assert_true (has_tag (am_instance_get_tags (instance), "aws:autoscaling:groupName", GROUP_NAME));
      g_assert_true (has_tag (am_instance_get_tags (instance), "Name", "asg-web"));
      g_assert_true (has_tag (am_instance_get_tags (instance), "team", "blue"));
    }
  for (guint i = 0; zones[i] != NULL; i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (per_zone, zones[i])), ==, 2);

  /* A second group by the same name: the template is reused, the message sits at the name. */
  dialog = GTK_WIDGET (open_dialog (w));
  g_assert_nonnull (am_auto_scaling_dialog_get_template (AM_AUTO_SCALING_DIALOG (dialog)));
  g_assert_cmpstr (am_launch_template_get_launch_template_id (am_auto_scaling_dialog_get_template (AM_AUTO_SCALING_DIALOG (dialog))),
                   ==, template_id);
  name = am_ui_test_get_widget (dialog, ADW_TYPE_ENTRY_ROW, "asg-name");
  wizard_type (name, GROUP_NAME);
  set_sizes (dialog, 1, 1, 1);
  wizard_click (am_ui_test_get_widget (dialog, GTK_TYPE_BUTTON, "asg-create"));
  g_assert_true (am_ui_test_wait_until (dialog_idle, dialog, TIMEOUT_MS));
  expect_blocked (dialog, "asg-name-error", "already exists");
  wizard_screenshot_window (dialog, "asg-exists");
  /* another name clears it */
  wizard_type (name, GROUP_NAME "-2");
  g_assert_false (gtk_widget_get_visible (am_ui_test_get_widget (dialog, GTK_TYPE_LABEL,
                                                                 "asg-name-error")));
  g_assert_true (gtk_widget_is_sensitive (am_ui_test_get_widget (dialog, GTK_TYPE_BUTTON,
                                                                 "asg-create")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  am_ui_test_wait_window_gone (AM_TYPE_AUTO_SCALING_DIALOG);
  {
    g_autoptr (GPtrArray) after = wizard_list_instances (&f);

    g_assert_cmpuint (after->len, ==, 6);
  }

  /* An endpoint without Auto Scaling: said so, and the template is kept. */
  check_refused (am_launch_wizard_get_request (w), "InvalidAction", "does not offer Auto Scaling", "asg-unsupported");
  /* A ValidationError is explained, and Create stays available after a fix. */
  check_refused (am_launch_wizard_get_request (w), "ValidationError", "Auto Scaling refused the group", "asg-validation");

  /* The wizard's own launch shows up in the Instances view too, once it is at rest. */
  g_assert_true (am_ui_test_wait_until (view_settled, view, TIMEOUT_MS));
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "launch_button"));
  wizard_wait_idle (w);
  g_assert_cmpuint (am_launch_wizard_get_launched (w)->len, ==, 1);
  g_ptr_array_set_size (ids, 0);
  g_ptr_array_add (ids, g_strdup (am_instance_get_instance_id (g_ptr_array_index (am_launch_wizard_get_launched (w), 0))));
  wait_view_lists (view, ids);
  g_assert_cmpuint (am_instances_view_get_n_instances (view), ==, 7);

  wizard_fixture_stop (&f);
  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/wizard/autoscaling", test_wizard_autoscaling);

  return g_test_run ();
}
