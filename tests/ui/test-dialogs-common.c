/* test-dialogs-common.c: shared set-up of the image dialog tests (sandbox, sessions, sync calls)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-dialogs"

#include "config.h"

#include <string.h>

#include "am-action-dialog.h"
#include "am-aws-error.h"
#include "am-deregister-dialog.h"
#include "am-governance-page.h"
#include "am-permissions-dialog.h"
#include "test-dialogs-common.h"

/* As long as dlg_wait waits. */
#define CALL_TIMEOUT_MS 10000

void
dlg_fixture_set_up (DlgFixture    *fixture,
                    gconstpointer  data)
{
  dlg_fixture_set_up_with_args (fixture, NULL);
}

void
dlg_fixture_set_up_with_args (DlgFixture         *fixture,
                              const char * const *sandbox_args)
{
  fixture->sandbox = am_ui_test_sandbox_start (sandbox_args);
  fixture->alice = am_ui_test_sandbox_session (fixture->sandbox, "alice");
  fixture->bob = am_ui_test_sandbox_session (fixture->sandbox, "bob");
  fixture->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->parent, 900, 700);
  gtk_window_present (fixture->parent);
  am_ui_test_wait_mapped (GTK_WIDGET (fixture->parent));
}

void
dlg_fixture_tear_down (DlgFixture    *fixture,
                       gconstpointer  data)
{
  gtk_window_destroy (fixture->parent);
  am_ui_test_iterate ();
  g_clear_object (&fixture->alice);
  g_clear_object (&fixture->bob);
  g_clear_object (&fixture->sandbox);
}

void
dlg_wait (gboolean (*condition) (gpointer data),
          gpointer   data)
{
  g_assert_true (am_ui_test_wait_until (condition, data, 10000));
}

GPtrArray *
dlg_owned_images (AmSession *session)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GError) error = NULL;
  AmUiTestWait call = { NULL };
  GPtrArray *images;

  am_describe_images_query_add_owner (query, "self");
  query->include_deprecated = TRUE;
  am_ec2_client_describe_images_async (am_session_get_client (session), query, NULL, am_ui_test_wait_cb, &call);
  am_ui_test_wait_for_result (&call, CALL_TIMEOUT_MS);
  images = am_ec2_client_describe_images_finish (am_session_get_client (session), call.result, NULL, &error);
  g_object_unref (call.result);
  g_assert_no_error (error);
  return images;
}

AmImage *
dlg_owned_image_named (AmSession  *session,
                       const char *name)
{
  g_autoptr (GPtrArray) images = dlg_owned_images (session);

  for (guint i = 0; i < images->len; i++)
    if (g_strcmp0 (am_image_get_name (g_ptr_array_index (images, i)), name) == 0)
      return g_object_ref (g_ptr_array_index (images, i));
  g_error ("No image named %s in the sandbox", name);
  return NULL;
}

AmImage *
dlg_describe_image (AmEc2Client *client,
                    const char  *image_id)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) images = NULL;
  AmUiTestWait call = { NULL };

  am_describe_images_query_add_image_id (query, image_id);
  query->include_deprecated = TRUE;
  am_ec2_client_describe_images_async (client, query, NULL, am_ui_test_wait_cb, &call);
  am_ui_test_wait_for_result (&call, CALL_TIMEOUT_MS);
  images = am_ec2_client_describe_images_finish (client, call.result, NULL, &error);
  g_object_unref (call.result);
  if (images == NULL)
    {
      g_test_message ("DescribeImages %s: %s", image_id, error->message);
      g_assert_true (g_str_has_prefix (am_aws_error_get_code (error), "InvalidAMIID"));
      return NULL;
    }
  for (guint i = 0; i < images->len; i++)
    {
      AmImage *image = g_ptr_array_index (images, i);

      if (g_strcmp0 (am_image_get_image_id (image), image_id) == 0
          && g_strcmp0 (am_image_get_state (image), "deregistered") != 0)
        return g_object_ref (image);
    }
  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

char *
dlg_launch_permissions (AmEc2Client *client,
                        const char  *image_id)
{
  g_autoptr (AmImageAttribute) attribute = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new ();
  AmLaunchPermission * const *permissions;
  AmUiTestWait call = { NULL };

  am_ec2_client_describe_image_attribute_async (client, image_id, "launchPermission", NULL,
                                                am_ui_test_wait_cb, &call);
  am_ui_test_wait_for_result (&call, CALL_TIMEOUT_MS);
  attribute = am_ec2_client_describe_image_attribute_finish (client, call.result, &error);
  g_object_unref (call.result);
  g_assert_no_error (error);

  permissions = am_image_attribute_get_launch_permissions (attribute);
  for (guint i = 0; permissions[i] != NULL; i++)
    {
      AmLaunchPermission *p = permissions[i];
      const char *text = am_launch_permission_get_group (p);

      if (text == NULL)
        text = am_launch_permission_get_user_id (p);
      if (text == NULL)
        text = am_launch_permission_get_organization_arn (p);
      if (text == NULL)
        text = am_launch_permission_get_organizational_unit_arn (p);
      g_ptr_array_add (items, (gpointer) text);
    }
  g_ptr_array_sort (items, compare_strings);
  g_ptr_array_add (items, NULL);
  return g_strjoinv (",", (char **) items->pdata);
}

guint
dlg_count_snapshots (AmEc2Client        *client,
                     const char * const *snapshot_ids)
{
  static const char * const self[] = { "self", NULL };
  g_autoptr (GPtrArray) snapshots = NULL;
  g_autoptr (GError) error = NULL;
  AmUiTestWait call = { NULL };
  guint n = 0;

  am_ec2_client_describe_snapshots_async (client, NULL, self, NULL, NULL,
                                          am_ui_test_wait_cb, &call);
  am_ui_test_wait_for_result (&call, CALL_TIMEOUT_MS);
  snapshots = am_ec2_client_describe_snapshots_finish (client, call.result, &error);
  g_object_unref (call.result);
  g_assert_no_error (error);

  for (guint i = 0; i < snapshots->len; i++)
    if (g_strv_contains (snapshot_ids, am_snapshot_get_snapshot_id (g_ptr_array_index (snapshots, i))))
      n++;
  return n;
}

const char *
dlg_tag_value (AmImage    *image,
               const char *key)
{
  AmTag * const *tags = am_image_get_tags (image);

  for (guint i = 0; tags[i] != NULL; i++)
    if (g_strcmp0 (am_tag_get_key (tags[i]), key) == 0)
      return am_tag_get_value (tags[i]) != NULL ? am_tag_get_value (tags[i]) : "";
  return NULL;
}

void
dlg_run_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  DlgRun *run = user_data;

  run->applied = am_image_actions_run_finish (result, &run->error);
  run->done = TRUE;
}

GtkWidget *
dlg_run_action (DlgFixture *fixture,
                AmSession  *session,
                const char *action,
                GPtrArray  *images,
                GType       dialog_type,
                DlgRun     *run)
{
  GtkWidget *dialog;

  memset (run, 0, sizeof *run);
  am_image_actions_run (GTK_WIDGET (fixture->parent), session, action, images, dlg_run_cb, run);
  dialog = am_ui_test_wait_for_window_of_type (dialog_type);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == fixture->parent);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  return dialog;
}

static gboolean
run_done (gpointer data)
{
  return ((DlgRun *) data)->done;
}

void
dlg_wait_run (DlgRun *run)
{
  dlg_wait (run_done, run);
}

void
dlg_run_clear (DlgRun *run)
{
  g_clear_error (&run->error);
}

void
dlg_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  am_ui_test_iterate ();
}

GtkWidget *
dlg_apply_button (GtkWidget *dialog)
{
  GtkWidget *button = am_ui_test_find_widget (dialog, GTK_TYPE_BUTTON, "apply_button");

  g_assert_nonnull (button);
  return button;
}

gboolean
dlg_can_apply (GtkWidget *dialog)
{
  return gtk_widget_is_sensitive (dlg_apply_button (dialog));
}

const char *
dlg_visible_error (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root)
      && (gtk_widget_has_css_class (root, "error") || gtk_widget_has_css_class (root, "am-field-error"))
      && *gtk_label_get_text (GTK_LABEL (root)) != '\0')
    return gtk_label_get_text (GTK_LABEL (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = dlg_visible_error (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
dlg_type (GtkWidget  *editable,
          const char *text)
{
  g_assert_true (GTK_IS_EDITABLE (editable));
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  am_ui_test_iterate ();
}

void
dlg_screenshot (GtkWidget  *widget,
                const char *name)
{
  g_autofree char *file_name = g_strconcat ("dialogs-", name, NULL);

  /* Let revealers (250 ms slides) and the style change settle before painting. */
  g_assert_true (am_ui_test_screenshot_light_dark (widget, file_name, 400));
}

static void
grab_toast_cb (AmActionDialog *dialog,
               gboolean        applied,
               AdwToast      **toast)
{
  if (applied && am_action_dialog_get_toast (dialog) != NULL)
    *toast = g_object_ref (am_action_dialog_get_toast (dialog));
}

void
dlg_grab_toast (GtkWidget  *dialog,
                AdwToast  **toast)
{
  g_signal_connect (dialog, "finished", G_CALLBACK (grab_toast_cb), toast);
}

void
dlg_undo (AdwToast *toast)
{
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");
  g_signal_emit_by_name (toast, "button-clicked");
}

GPtrArray *
dlg_one_image (AmImage *image)
{
  GPtrArray *images = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (images, g_object_ref (image));
  return images;
}

gboolean
dlg_not_busy (gpointer data)
{
  return !am_action_dialog_get_busy (data);
}

gboolean
dlg_deregister_idle (gpointer data)
{
  return !am_deregister_dialog_get_busy (data);
}

gboolean
dlg_widget_drawable (gpointer data)
{
  return gtk_widget_is_drawable (data);
}

void
dlg_store_result_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

gboolean
dlg_have_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

gboolean
dlg_description_restored (gpointer data)
{
  gpointer *args = data;
  DlgFixture *fixture = args[0];
  g_autoptr (AmImage) now = dlg_describe_image (am_session_get_client (fixture->alice),
                                                am_image_get_image_id (args[1]));

  return g_strcmp0 (am_image_get_description (now), am_image_get_description (args[1])) == 0;
}

gboolean
dlg_governance_ready (gpointer data)
{
  GtkStack *stack = GTK_STACK (am_ui_test_get_widget (data, GTK_TYPE_STACK, "stack"));

  return !am_governance_page_is_busy (data)
         && g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") != 0;
}

static gboolean
permissions_loaded (gpointer data)
{
  return am_permissions_dialog_is_loaded (data);
}

GtkWidget *
dlg_open_permissions (DlgFixture *fixture,
                      AmImage    *image,
                      DlgRun     *run)
{
  g_autoptr (GPtrArray) images = dlg_one_image (image);
  GtkWidget *dialog;

  dialog = dlg_run_action (fixture, fixture->alice, "permissions", images, AM_TYPE_PERMISSIONS_DIALOG, run);
  dlg_wait (permissions_loaded, dialog);
  am_ui_test_iterate ();
  return dialog;
}
