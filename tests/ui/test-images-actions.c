/* test-images-actions.c: the Images view's bulk actions, new images, lookups and layout, on a real sandbox
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-images-actions"

#include "config.h"

#include <string.h>

#include "am-copy-image-request.h"
#include "am-deregister-dialog.h"
#include "am-ec2-client.h"
#include "am-images-view-private.h"
#include "am-permissions-dialog.h"
#include "am-tags-editor.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"

typedef struct
{
  AmSandboxProcess *sandbox;
  AmSession *session;
  GtkWindow *window;
  AdwToastOverlay *overlay;
  AmImagesView *view;
} Fixture;

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_assert_true (am_ui_test_screenshot_light_dark (widget, name, 300));
}

static void
fixture_start (Fixture            *fixture,
               const char * const *sandbox_args,
               const char         *account)
{
  fixture->sandbox = am_ui_test_sandbox_start (sandbox_args);
  fixture->session = am_ui_test_sandbox_session (fixture->sandbox, account);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1280, 760);
  fixture->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  fixture->view = AM_IMAGES_VIEW (am_images_view_new ());
  adw_toast_overlay_set_child (fixture->overlay, GTK_WIDGET (fixture->view));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->overlay));
  gtk_window_present (fixture->window);
  am_ui_test_wait_mapped (GTK_WIDGET (fixture->window));
}

static void
fixture_stop (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  am_ui_test_iterate ();
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->sandbox);
}

/* The first button under @root that runs @action_name and is on screen. */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_is_drawable (child)
          && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action_name) == 0)
        return child;
      if ((found = find_action_button (child, action_name)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
rows_are (gpointer data)
{
  Fixture *fixture = ((gpointer *) data)[0];
  guint expected = GPOINTER_TO_UINT (((gpointer *) data)[1]);

  return am_ui_test_images_n_rows (fixture->view) == expected;
}

static void
wait_rows (Fixture *fixture,
           guint    expected)
{
  gpointer data[2] = { fixture, GUINT_TO_POINTER (expected) };

  g_assert_true (am_ui_test_wait_until (rows_are, data, 20000));
}

static gboolean
dialog_idle (gpointer data)
{
  return !am_deregister_dialog_get_busy (data);
}

/* 1. Several selected images: the details pane and the ⋮ menu offer Edit Tags and Deregister,
 * which open the same dialogs as the Delete key, on every selected image. */
static void
test_multi_select_actions (void)
{
  Fixture fixture = { 0 };
  GtkWidget *details;
  GtkWidget *tags_button;
  GtkWidget *deregister_button;
  GtkWidget *dialog;
  gboolean in_menu_tags = FALSE;
  gboolean in_menu_deregister = FALSE;

  fixture_start (&fixture, NULL, "alice");
  am_images_view_set_session (fixture.view, fixture.session);
  am_ui_test_images_wait_loaded (fixture.view);
  g_assert_cmpuint (am_ui_test_images_n_rows (fixture.view), ==, 2);
  details = GTK_WIDGET (_am_images_view_get_details (fixture.view));

  /* One image: no bulk buttons in the details pane. */
  gtk_selection_model_select_item (_am_images_view_get_selection (fixture.view), 0, TRUE);
  am_ui_test_iterate ();
  g_assert_null (find_action_button (details, "images.deregister"));

  gtk_selection_model_select_all (_am_images_view_get_selection (fixture.view));
  am_ui_test_iterate ();
  tags_button = find_action_button (details, "images.tags");
  deregister_button = find_action_button (details, "images.deregister");
  g_assert_nonnull (tags_button);
  g_assert_nonnull (deregister_button);
  g_assert_true (gtk_widget_is_sensitive (tags_button));
  g_assert_true (gtk_widget_is_sensitive (deregister_button));
  g_assert_true (gtk_widget_has_css_class (deregister_button, "destructive-action"));
  g_assert_true (gtk_widget_has_css_class (tags_button, "pill"));
  screenshot (GTK_WIDGET (fixture.window), "images-multi-select");

  /* The ⋮ menu has them too. */
  for (GtkWidget *w = am_ui_test_find_widget (GTK_WIDGET (fixture.view), GTK_TYPE_MENU_BUTTON, NULL);
       w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_MENU_BUTTON (w) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (w)) != NULL)
      {
        in_menu_tags |= am_ui_test_menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (w)),
                                                    "images.tags");
        in_menu_deregister |= am_ui_test_menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (w)),
                                                          "images.deregister");
      }
  g_assert_true (in_menu_tags);
  g_assert_true (in_menu_deregister);

  /* Edit Tags opens the tag editor for the selection. */
  g_signal_emit_by_name (tags_button, "clicked");
  dialog = am_ui_test_wait_for_window_of_type (AM_TYPE_TAGS_EDITOR);
  g_assert_nonnull (dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  am_ui_test_wait_window_gone (AM_TYPE_TAGS_EDITOR);

  /* Deregister confirms and runs on both: the protected build runner is refused (the dialog
   * says why), the other goes and leaves the list. */
  g_signal_emit_by_name (deregister_button, "clicked");
  dialog = am_ui_test_wait_for_window_of_type (AM_TYPE_DEREGISTER_DIALOG);
  g_assert_nonnull (dialog);
  am_ui_test_wait_response_enabled (dialog, "deregister");
  am_ui_test_message_dialog_press (dialog, "deregister");
  g_assert_true (am_ui_test_wait_until (dialog_idle, dialog, 10000));
  gtk_window_close (GTK_WINDOW (dialog));
  am_ui_test_wait_window_gone (AM_TYPE_DEREGISTER_DIALOG);
  wait_rows (&fixture, 1);
  {
    g_autoptr (AmImage) left = g_list_model_get_item (G_LIST_MODEL (_am_images_view_get_list_model (fixture.view)), 0);

    g_assert_true (g_str_has_prefix (am_image_get_name (left), "alice-build-runner"));
  }

  fixture_stop (&fixture);
}

/* Deregister from the view, pressing the dialog's button as a user does: the dialog stays
 * while the call runs, and the image leaves the list with no refresh pressed. */
static void
test_deregister_refreshes (void)
{
  /* Slow answers, so the busy dialog can be seen. */
  const char *args[] = { "--faults", "latency=700ms", NULL };
  Fixture fixture = { 0 };
  GtkWidget *dialog;
  g_autofree char *gone_id = NULL;

  fixture_start (&fixture, args, "alice");
  am_images_view_set_session (fixture.view, fixture.session);
  am_ui_test_images_wait_loaded (fixture.view);
  g_assert_cmpuint (am_ui_test_images_n_rows (fixture.view), ==, 2);
  for (guint i = 0; i < 2 && gone_id == NULL; i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (G_LIST_MODEL (_am_images_view_get_list_model (fixture.view)), i);

      if (g_str_has_prefix (am_image_get_name (image), "alice-web-server"))
        {
          gone_id = g_strdup (am_image_get_image_id (image));
          gtk_selection_model_select_item (_am_images_view_get_selection (fixture.view), i, TRUE);
        }
    }
  g_assert_nonnull (gone_id);
  am_ui_test_iterate ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "images.deregister", NULL));
  dialog = g_object_ref (am_ui_test_wait_for_window_of_type (AM_TYPE_DEREGISTER_DIALOG));
  am_ui_test_wait_response_enabled (dialog, "deregister");
  am_ui_test_message_dialog_press (dialog, "deregister");
  /* Not gone before its call ended. */
  g_assert_true (gtk_widget_get_visible (dialog) || !am_deregister_dialog_get_busy (AM_DEREGISTER_DIALOG (dialog)));
  if (am_deregister_dialog_get_busy (AM_DEREGISTER_DIALOG (dialog)))
    am_ui_test_screenshot_light_dark (dialog, "dialogs-deregister-busy", 0);
  am_ui_test_wait_window_gone (AM_TYPE_DEREGISTER_DIALOG);
  g_object_unref (dialog);
  wait_rows (&fixture, 1);
  {
    g_autoptr (AmImage) left = g_list_model_get_item (G_LIST_MODEL (_am_images_view_get_list_model (fixture.view)), 0);

    g_assert_cmpstr (am_image_get_image_id (left), !=, gone_id);
  }
  fixture_stop (&fixture);
}

/* Whether a drawn label under @root contains @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_drawable (root)
      && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

typedef struct
{
  Fixture    *fixture;
  const char *text;
  gboolean    shown;
} DetailsText;

static gboolean
details_say (gpointer data)
{
  DetailsText *dt = data;

  return shows_text (GTK_WIDGET (_am_images_view_get_details (dt->fixture->view)), dt->text) == dt->shown;
}

static void
wait_details (Fixture    *fixture,
              const char *text,
              gboolean    shown)
{
  DetailsText dt = { fixture, text, shown };

  g_assert_true (am_ui_test_wait_until (details_say, &dt, 20000));
}

/* "Who can launch it" follows sharing made in the Permissions dialog and, on Refresh, made
 * elsewhere, though isPublic (all the listing says) stays false throughout. */
static void
test_permissions_follow (void)
{
  const char *carol = "123456789012";
  const char *both[] = { carol, AM_SANDBOX_BOB_ACCOUNT_ID, NULL };
  Fixture fixture = { 0 };
  AmUiTestWait wait = { NULL };
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  fixture_start (&fixture, NULL, "alice");
  am_images_view_set_session (fixture.view, fixture.session);
  am_ui_test_images_wait_loaded (fixture.view);
  for (guint i = 0; i < am_ui_test_images_n_rows (fixture.view); i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (G_LIST_MODEL (_am_images_view_get_list_model (fixture.view)), i);

      if (g_str_has_prefix (am_image_get_name (image), "alice-web-server"))
        gtk_selection_model_select_item (_am_images_view_get_selection (fixture.view), i, TRUE);
    }
  /* Shared with bob only. */
  wait_details (&fixture, AM_SANDBOX_BOB_ACCOUNT_ID, TRUE);
  g_assert_false (shows_text (GTK_WIDGET (_am_images_view_get_details (fixture.view)), carol));

  /* Shared with one more account in the Permissions dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "images.permissions", NULL));
  dialog = am_ui_test_wait_for_window_of_type (AM_TYPE_PERMISSIONS_DIALOG);
  entry = am_ui_test_get_widget (dialog, ADW_TYPE_ENTRY_ROW, "add_row");
  g_assert_true (am_ui_test_wait_until ((gboolean (*) (gpointer)) gtk_widget_is_sensitive, entry, 10000));
  gtk_editable_set_text (GTK_EDITABLE (entry), carol);
  am_ui_test_iterate ();
  g_signal_emit_by_name (am_ui_test_get_widget (dialog, GTK_TYPE_BUTTON, "add_button"), "clicked");
  am_ui_test_iterate ();
  g_signal_emit_by_name (am_ui_test_get_widget (dialog, GTK_TYPE_BUTTON, "apply_button"), "clicked");
  am_ui_test_wait_window_gone (AM_TYPE_PERMISSIONS_DIALOG);
  wait_details (&fixture, carol, TRUE);
  screenshot (GTK_WIDGET (fixture.window), "images-permissions-follow");

  /* Both removed elsewhere (awscli, the console…): Refresh shows it private. */
  am_ec2_client_modify_launch_permission_async (am_session_get_client (fixture.session),
                                                am_image_get_image_id (am_image_details_get_image (_am_images_view_get_details (fixture.view))),
                                                AM_LAUNCH_PERMISSION_REMOVE, both, FALSE, NULL, NULL, FALSE, NULL,
                                                am_ui_test_wait_cb, &wait);
  g_assert_true (am_ec2_client_modify_launch_permission_finish (am_session_get_client (fixture.session),
                                                                am_ui_test_wait_for_result (&wait, 10000),
                                                                NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "images.refresh", NULL));
  wait_details (&fixture, "Private: only the owner can launch it", TRUE);
  g_assert_false (shows_text (GTK_WIDGET (_am_images_view_get_details (fixture.view)), carol));
  g_assert_false (shows_text (GTK_WIDGET (_am_images_view_get_details (fixture.view)), AM_SANDBOX_BOB_ACCOUNT_ID));

  fixture_stop (&fixture);
}

typedef struct
{
  Fixture *fixture;
  const char *image_id;
  const char *state;
} RowState;

static AmImage *
find_row (Fixture    *fixture,
          const char *image_id)
{
  GListModel *rows = G_LIST_MODEL (_am_images_view_get_list_model (fixture->view));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (rows, i);

      if (g_strcmp0 (am_image_get_image_id (image), image_id) == 0)
        return image;   /* the model keeps it */
    }

  return NULL;
}

static gboolean
row_in_state (gpointer data)
{
  RowState *rs = data;
  AmImage *image = find_row (rs->fixture, rs->image_id);

  return image != NULL && g_strcmp0 (am_image_get_state (image), rs->state) == 0;
}

/* The toolbar's spinner: the one with a tooltip (the status page's has none). */
static GtkWidget *
find_poll_spinner (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_SPINNER (child) && gtk_widget_get_tooltip_text (child) != NULL)
        return child;
      if ((found = find_poll_spinner (child)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
not_polling (gpointer data)
{
  return !_am_images_view_get_polling (data);
}

/* 2. An image made in the account and region (here CopyImage within us-east-1, through the
 * session's client as the dialogs do) appears as pending without a refresh, and turns
 * available by itself while a spinner shows it is being followed. */
static void
test_new_image_pending_to_available (void)
{
  const char *args[] = { "--transition-ms", "400", NULL };
  Fixture fixture = { 0 };
  AmUiTestWait wait = { NULL };
  g_autoptr (AmCopyImageRequest) request = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *image_id = NULL;
  g_autoptr (AmImage) source = NULL;
  GtkWidget *spinner;
  GtkWidget *progress;
  RowState rs;

  fixture_start (&fixture, args, "alice");
  _am_images_view_set_poll_interval (fixture.view, 300);
  am_images_view_set_session (fixture.view, fixture.session);
  am_ui_test_images_wait_loaded (fixture.view);
  g_assert_cmpuint (am_ui_test_images_n_rows (fixture.view), ==, 2);
  g_assert_false (_am_images_view_get_polling (fixture.view));

  source = g_list_model_get_item (G_LIST_MODEL (_am_images_view_get_list_model (fixture.view)), 0);
  request = am_copy_image_request_new (am_image_get_image_id (source), "us-east-1", "alice-copy-in-place");
  am_copy_image_request_ensure_client_token (request);
  am_ec2_client_copy_image_async (am_session_get_client (fixture.session), request, FALSE, NULL,
                                  am_ui_test_wait_cb, &wait);
  g_assert_true (am_ec2_client_copy_image_finish (am_session_get_client (fixture.session),
                                                  am_ui_test_wait_for_result (&wait, 10000),
                                                  &image_id, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);

  /* It shows as pending, with no press of Refresh, and with no progress bar for a poll. */
  rs = (RowState) { &fixture, image_id, "pending" };
  g_assert_true (am_ui_test_wait_until (row_in_state, &rs, 10000));
  spinner = find_poll_spinner (GTK_WIDGET (fixture.view));
  g_assert_nonnull (spinner);
  g_assert_true (gtk_widget_is_drawable (spinner));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (spinner)));
  progress = gtk_widget_get_ancestor (am_ui_test_find_widget (GTK_WIDGET (fixture.view), GTK_TYPE_PROGRESS_BAR, NULL), GTK_TYPE_REVEALER);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (progress)));
  {
    GListModel *rows = G_LIST_MODEL (_am_images_view_get_list_model (fixture.view));

    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr (AmImage) image = g_list_model_get_item (rows, i);

        if (g_strcmp0 (am_image_get_image_id (image), image_id) == 0)
          gtk_selection_model_select_item (_am_images_view_get_selection (fixture.view), i, TRUE);
      }
  }
  am_ui_test_iterate ();
  screenshot (GTK_WIDGET (fixture.window), "images-pending");

  /* Then available by itself; the polling stops and the spinner goes. */
  rs.state = "available";
  g_assert_true (am_ui_test_wait_until (row_in_state, &rs, 15000));
  g_assert_true (am_ui_test_wait_until (not_polling, fixture.view, 10000));
  am_ui_test_iterate ();
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_cmpuint (am_ui_test_images_n_rows (fixture.view), ==, 3);
  /* The image selected while pending stays selected: the details show it available. */
  {
    AmImage *shown = am_image_details_get_image (_am_images_view_get_details (fixture.view));

    g_assert_nonnull (shown);
    g_assert_cmpstr (am_image_get_image_id (shown), ==, image_id);
    g_assert_cmpstr (am_image_get_state (shown), ==, "available");
  }
  screenshot (GTK_WIDGET (fixture.window), "images-available");

  fixture_stop (&fixture);
}

static GtkWidget *
find_entry_with_placeholder (GtkWidget  *root,
                             const char *placeholder)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_ENTRY (child) && g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (child)), placeholder) == 0)
        return child;
      if ((found = find_entry_with_placeholder (child, placeholder)) != NULL)
        return found;
    }

  return NULL;
}

/* 4. The Filters button counts a tag filter like any other. */
static void
test_filter_count_tag (void)
{
  Fixture fixture = { 0 };
  GtkWidget *key_entry;
  GtkWidget *count_label;
  GtkWidget *filter_button;

  fixture_start (&fixture, NULL, "alice");
  am_images_view_set_session (fixture.view, fixture.session);
  am_ui_test_images_wait_loaded (fixture.view);

  filter_button = am_ui_test_find_widget (GTK_WIDGET (fixture.view), GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_nonnull (filter_button);
  while (filter_button != NULL && g_strcmp0 (gtk_widget_get_tooltip_text (filter_button), "Filters") != 0)
    filter_button = gtk_widget_get_next_sibling (filter_button);
  g_assert_nonnull (filter_button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (filter_button));
  am_ui_test_iterate ();
  key_entry = find_entry_with_placeholder (filter_button, "Key");
  g_assert_nonnull (key_entry);
  count_label = gtk_widget_get_prev_sibling (gtk_widget_get_last_child (gtk_menu_button_get_child (GTK_MENU_BUTTON (filter_button))));
  g_assert_true (GTK_IS_LABEL (count_label));
  g_assert_false (gtk_widget_get_visible (count_label));

  gtk_editable_set_text (GTK_EDITABLE (key_entry), "Name");
  am_ui_test_iterate ();
  g_assert_cmpuint (am_ui_test_images_n_rows (fixture.view), ==, 2);
  g_assert_true (gtk_widget_get_visible (count_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (count_label)), ==, "1");

  gtk_editable_set_text (GTK_EDITABLE (find_entry_with_placeholder (filter_button, "Value (any when empty)")), "web-server");
  am_ui_test_iterate ();
  g_assert_cmpuint (am_ui_test_images_n_rows (fixture.view), ==, 1);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (count_label)), ==, "1");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "images.clear-filters", NULL));
  am_ui_test_iterate ();
  g_assert_false (gtk_widget_get_visible (count_label));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (filter_button));

  fixture_stop (&fixture);
}

/* 5. Hiding the sorted column sorts by creation date again, newest first, with its arrow. */
static void
test_hide_sorted_column (void)
{
  Fixture fixture = { 0 };
  AmImageListModel *list;
  GtkColumnViewColumn *arch;
  GtkColumnViewColumn *created;

  fixture_start (&fixture, NULL, "alice");
  am_images_view_set_session (fixture.view, fixture.session);
  am_ui_test_images_wait_loaded (fixture.view);
  list = _am_images_view_get_list_model (fixture.view);
  arch = _am_images_view_get_column (fixture.view, AM_IMAGE_COLUMN_ARCHITECTURE);
  created = _am_images_view_get_column (fixture.view, AM_IMAGE_COLUMN_CREATED);

  /* The user sorts by Owner, then by Architecture: the sorter remembers both. */
  gtk_column_view_sort_by_column (_am_images_view_get_column_view (fixture.view),
                                  _am_images_view_get_column (fixture.view, AM_IMAGE_COLUMN_OWNER), GTK_SORT_ASCENDING);
  gtk_column_view_sort_by_column (_am_images_view_get_column_view (fixture.view), arch, GTK_SORT_ASCENDING);
  am_ui_test_iterate ();
  g_assert_cmpint (am_image_list_model_get_sort_column (list), ==, AM_IMAGE_COLUMN_ARCHITECTURE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "columns.architecture", NULL));
  am_ui_test_iterate ();
  g_assert_null (gtk_column_view_column_get_column_view (arch));
  g_assert_cmpint (am_image_list_model_get_sort_column (list), ==, AM_IMAGE_COLUMN_CREATED);
  g_assert_true (am_image_list_model_get_sort_descending (list));
  /* The header agrees: the column view's sorter now sorts by Created alone. */
  {
    GtkSorter *sorter = gtk_column_view_get_sorter (_am_images_view_get_column_view (fixture.view));

    g_assert_cmpint (gtk_sorter_get_order (sorter), ==, GTK_SORTER_ORDER_PARTIAL);
    g_assert_nonnull (gtk_column_view_column_get_column_view (created));
  }

  /* With Created hidden too, hiding the sorted column still falls back to it. */
  gtk_column_view_sort_by_column (_am_images_view_get_column_view (fixture.view),
                                  _am_images_view_get_column (fixture.view, AM_IMAGE_COLUMN_NAME), GTK_SORT_ASCENDING);
  am_ui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "columns.created", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.view), "columns.name", NULL));
  am_ui_test_iterate ();
  g_assert_cmpint (am_image_list_model_get_sort_column (list), ==, AM_IMAGE_COLUMN_CREATED);
  g_assert_true (am_image_list_model_get_sort_descending (list));

  fixture_stop (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/images-actions/multi-select", test_multi_select_actions);
  g_test_add_func ("/images-actions/deregister-refreshes", test_deregister_refreshes);
  g_test_add_func ("/images-actions/permissions-follow", test_permissions_follow);
  g_test_add_func ("/images-actions/new-image-pending-to-available", test_new_image_pending_to_available);
  g_test_add_func ("/images-actions/filter-count-tag", test_filter_count_tag);
  g_test_add_func ("/images-actions/hide-sorted-column", test_hide_sorted_column);

  return g_test_run ();
}
