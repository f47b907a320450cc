/* test-images-disable.c: Disable/Enable, Show Disabled and the Used By override, on a real sandbox
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-images-disable"

#include "config.h"

#include <string.h>

#include "am-deregister-dialog.h"
#include "am-disable-image-dialog.h"
#include "am-images-view-private.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"

#define WEB_SERVER "alice-web-server-2026-01-15"

static AmImage *
find_named (AmImagesView *view,
            const char   *name,
            guint        *position)
{
  GListModel *model = G_LIST_MODEL (_am_images_view_get_list_model (view));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (model, i);

      if (g_strcmp0 (am_image_get_name (image), name) == 0)
        {
          if (position != NULL)
            *position = i;
          return image;
        }
    }
  return NULL;
}

/* Whether a window of @type is open (a disabled action opens none). */
static gboolean
has_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  am_ui_test_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return TRUE;
    }
  return FALSE;
}

static AmImage *
select_named (AmImagesView *view,
              const char   *name)
{
  guint position = 0;
  AmImage *image = find_named (view, name, &position);

  g_assert_nonnull (image);
  gtk_selection_model_select_item (_am_images_view_get_selection (view), position, TRUE);
  am_ui_test_iterate ();
  return image;
}

typedef struct
{
  AmImagesView *view;
  const char   *name;
  const char   *state;   /* NULL: not listed */
} ListedWait;

static gboolean
listed_as (gpointer data)
{
  ListedWait *wait = data;
  AmImage *image;

  if (!am_ui_test_images_loaded (wait->view))
    return FALSE;
  image = find_named (wait->view, wait->name, NULL);
  if (wait->state == NULL)
    return image == NULL;
  return image != NULL && g_strcmp0 (am_image_get_state (image), wait->state) == 0;
}

static gboolean
check_loaded (gpointer data)
{
  AmUsedByCheck *check = data;

  return gtk_widget_get_visible (GTK_WIDGET (am_used_by_check_get_override (check)))
         || am_used_by_check_get_cleared (check);
}

static char *
launch_from (AmEc2Client *client,
             AmImage     *image)
{
  g_autoptr (AmRunInstancesRequest) run = am_run_instances_request_new (am_image_get_image_id (image), "t3.micro");
  g_autoptr (GPtrArray) instances = NULL;
  g_autoptr (GError) error = NULL;
  AmUiTestWait w = { 0 };

  am_ec2_client_run_instances_async (client, run, FALSE, NULL, am_ui_test_wait_cb, &w);
  g_assert_true (am_ec2_client_run_instances_finish (client, am_ui_test_wait_for_result (&w, 30000), &instances,
                                                     NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&w.result);
  return g_strdup (am_instance_get_instance_id (instances->pdata[0]));
}


/* Disable asks for the override while an instance uses the image; the disabled image leaves
 * the listing, comes back with Show Disabled marked "disabled", and Enable brings it back. */
static void
test_disable_enable (void)
{
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (NULL);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  AmImagesView *view;
  GtkWindow *window = am_ui_test_images_window (session, AM_IMAGES_SCOPE_OWNED, &view);
  AmImageDetails *details = _am_images_view_get_details (view);
  g_autofree char *instance_id = NULL;
  g_autofree char *image_id = NULL;
  AmDisableImageDialog *dialog;
  AmUsedByCheck *check;
  GtkWidget *show_disabled;
  AmImage *image;
  ListedWait wait;

  image = select_named (view, WEB_SERVER);
  image_id = g_strdup (am_image_get_image_id (image));
  instance_id = launch_from (am_session_get_client (session), image);
  gtk_widget_activate_action (GTK_WIDGET (view), "images.enable", NULL);
  g_assert_false (has_window (AM_TYPE_DISABLE_IMAGE_DIALOG));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "images.disable", NULL));
  dialog = AM_DISABLE_IMAGE_DIALOG (am_ui_test_wait_for_window_of_type (AM_TYPE_DISABLE_IMAGE_DIALOG));
  check = am_disable_image_dialog_get_used_by (dialog);
  g_assert_true (am_ui_test_wait_until (check_loaded, check, 30000));
  /* The instance uses it: Disable waits for the override. */
  g_assert_cmpuint (am_used_by_check_get_n_users (check), ==, 1);
  g_assert_false (am_action_dialog_get_valid (AM_ACTION_DIALOG (dialog)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (am_used_by_check_get_override (check))));
  g_assert_cmpstr (gtk_check_button_get_label (am_used_by_check_get_override (check)), ==,
                   "_Disable anyway, 1 resource still uses it");
  gtk_check_button_set_active (am_used_by_check_get_override (check), TRUE);
  g_assert_true (am_action_dialog_get_valid (AM_ACTION_DIALOG (dialog)));
  am_ui_test_screenshot_light_dark (GTK_WIDGET (dialog), "disable-image-dialog", 200);
  am_action_dialog_activate_apply (AM_ACTION_DIALOG (dialog));
  am_ui_test_wait_window_gone (AM_TYPE_DISABLE_IMAGE_DIALOG);

  /* Gone from the listing (EC2 lists disabled images only when asked)… */
  wait = (ListedWait) { view, WEB_SERVER, NULL };
  g_assert_true (am_ui_test_wait_until (listed_as, &wait, 30000));

  /* …and back with Show Disabled, marked as such in the list and the details. */
  gtk_popover_popup (GTK_POPOVER (view->filter_popover));
  am_ui_test_iterate ();
  show_disabled = am_ui_test_get_widget (GTK_WIDGET (view->filter_popover), GTK_TYPE_SWITCH, "show-disabled");
  gtk_switch_set_active (GTK_SWITCH (show_disabled), TRUE);
  g_assert_true (am_image_filters_get_include_disabled (view->filters));
  wait = (ListedWait) { view, WEB_SERVER, "disabled" };
  g_assert_true (am_ui_test_wait_until (listed_as, &wait, 30000));
  am_ui_test_screenshot_light_dark (GTK_WIDGET (view->filter_popover), "images-filter-popover", 300);
  am_ui_test_screenshot_light_dark (GTK_WIDGET (window), "images-show-disabled", 300);
  gtk_popover_popdown (GTK_POPOVER (view->filter_popover));
  select_named (view, WEB_SERVER);
  g_assert_cmpstr (am_image_details_get_field (details, "State"), ==, "disabled");

  /* Disable is not offered again; Enable is, and says the shares are not restored. */
  gtk_widget_activate_action (GTK_WIDGET (view), "images.disable", NULL);
  g_assert_false (has_window (AM_TYPE_DISABLE_IMAGE_DIALOG));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "images.enable", NULL));
  dialog = AM_DISABLE_IMAGE_DIALOG (am_ui_test_wait_for_window_of_type (AM_TYPE_DISABLE_IMAGE_DIALOG));
  g_assert_null (am_disable_image_dialog_get_used_by (dialog));
  g_assert_true (am_action_dialog_get_valid (AM_ACTION_DIALOG (dialog)));
  am_ui_test_screenshot_light_dark (GTK_WIDGET (dialog), "enable-image-dialog", 200);
  am_action_dialog_activate_apply (AM_ACTION_DIALOG (dialog));
  am_ui_test_wait_window_gone (AM_TYPE_DISABLE_IMAGE_DIALOG);
  wait = (ListedWait) { view, WEB_SERVER, "available" };
  g_assert_true (am_ui_test_wait_until (listed_as, &wait, 30000));

  gtk_window_destroy (window);
  am_ui_test_iterate ();
}

typedef struct
{
  AdwMessageDialog *dialog;
  AmUsedByCheck    *check;
} DeregisterWait;

static gboolean
deregister_checked (gpointer data)
{
  DeregisterWait *wait = data;

  return check_loaded (wait->check);
}

/* Deregister of an image an instance uses stays insensitive until "Deregister anyway" is
 * ticked; an image nothing uses can go at once (Deregister of a protected image offers only
 * Turn Off Protection, and asks nothing). */
static void
test_deregister_override (void)
{
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (NULL);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  AmImagesView *view;
  GtkWindow *window = am_ui_test_images_window (session, AM_IMAGES_SCOPE_OWNED, &view);
  g_autofree char *instance_id = NULL;
  DeregisterWait wait;
  GtkWidget *dialog;

  /* Nothing uses the web server yet: no override asked, Deregister once the answer is in. */
  select_named (view, WEB_SERVER);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "images.deregister", NULL));
  dialog = am_ui_test_wait_for_window_of_type (AM_TYPE_DEREGISTER_DIALOG);
  wait = (DeregisterWait) { ADW_MESSAGE_DIALOG (dialog), am_deregister_dialog_get_used_by (AM_DEREGISTER_DIALOG (dialog)) };
  g_assert_true (am_ui_test_wait_until (deregister_checked, &wait, 30000));
  g_assert_cmpuint (am_used_by_check_get_n_users (wait.check), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (am_used_by_check_get_override (wait.check))));
  g_assert_true (adw_message_dialog_get_response_enabled (wait.dialog, "deregister"));
  am_ui_test_message_dialog_press (dialog, "cancel");
  am_ui_test_wait_window_gone (AM_TYPE_DEREGISTER_DIALOG);

  /* Once an instance uses it, Deregister waits for the override. */
  instance_id = launch_from (am_session_get_client (session), select_named (view, WEB_SERVER));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "images.deregister", NULL));
  dialog = am_ui_test_wait_for_window_of_type (AM_TYPE_DEREGISTER_DIALOG);
  wait = (DeregisterWait) { ADW_MESSAGE_DIALOG (dialog), am_deregister_dialog_get_used_by (AM_DEREGISTER_DIALOG (dialog)) };
  g_assert_true (am_ui_test_wait_until (deregister_checked, &wait, 30000));
  g_assert_cmpuint (am_used_by_check_get_n_users (wait.check), ==, 1);
  g_assert_false (adw_message_dialog_get_response_enabled (wait.dialog, "deregister"));
  {
    GtkCheckButton *override = am_used_by_check_get_override (wait.check);

    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (override)));
    g_assert_cmpstr (gtk_check_button_get_label (override), ==, "_Deregister anyway, 1 resource still uses it");
    am_ui_test_screenshot_light_dark (dialog, "deregister-used-by", 200);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (override), TRUE);
    g_assert_true (adw_message_dialog_get_response_enabled (wait.dialog, "deregister"));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (override), FALSE);
    g_assert_false (adw_message_dialog_get_response_enabled (wait.dialog, "deregister"));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (override), TRUE);
  }
  /* With the override it goes. */
  am_ui_test_message_dialog_press (dialog, "deregister");
  am_ui_test_wait_window_gone (AM_TYPE_DEREGISTER_DIALOG);
  {
    ListedWait gone = { view, WEB_SERVER, NULL };

    g_assert_true (am_ui_test_wait_until (listed_as, &gone, 30000));
  }

  gtk_window_destroy (window);
  am_ui_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/images/disable-enable", test_disable_enable);
  g_test_add_func ("/images/deregister-override", test_deregister_override);

  return g_test_run ();
}
