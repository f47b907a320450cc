/* test-images-allowed.c: the Images view's Allowed column and filter, Allowed AMIs in audit mode
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-images-allowed"

#include "config.h"

#include "am-ec2-governance.h"
#include "am-images-view-private.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"

static gboolean
carried (gpointer data)
{
  AmImagesView *view = data;

  return am_ui_test_images_loaded (view) && view->allowed_carried;
}

/* Counts the listed images Allowed AMIs lets launch, and those it does not. */
static void
count_allowed (AmImagesView *view,
               guint        *n_allowed,
               guint        *n_not)
{
  GListModel *model = G_LIST_MODEL (_am_images_view_get_list_model (view));

  *n_allowed = *n_not = 0;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (model, i);

      if (am_image_get_image_allowed (image))
        (*n_allowed)++;
      else
        (*n_not)++;
    }
}

static void
test_allowed (void)
{
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (NULL);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  AmEc2Client *client = am_session_get_client (session);
  AmImagesView *view;
  GtkWindow *window = am_ui_test_images_window (session, AM_IMAGES_SCOPE_AMAZON, &view);
  g_autoptr (GPtrArray) criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) am_image_criterion_free);
  AmImageCriterion *criterion = am_image_criterion_new ();
  const char *providers[] = { "amazon", NULL };
  const char *names[] = { "al2023-ami-*", NULL };
  g_autoptr (GError) error = NULL;
  GtkColumnViewColumn *column;
  guint total, n_allowed, n_not, a, b;
  AmUiTestWait w = { 0 };
  GtkWidget *check;

  column = am_column_chooser_get_column (view->column_chooser, AM_IMAGE_COLUMN_ALLOWED);
  /* Chosen from the Columns menu (not shown by default). */
  g_assert_null (gtk_column_view_column_get_column_view (column));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "columns.allowed", NULL));
  am_ui_test_iterate ();
  g_assert_nonnull (gtk_column_view_column_get_column_view (column));

  /* Allowed AMIs off: the answers carry no imageAllowed, so neither column nor filter. */
  am_ui_test_iterate ();
  g_assert_false (view->allowed_carried);
  g_assert_false (gtk_column_view_column_get_visible (column));

  /* Audit mode through the client: Amazon Linux 2023 only. */
  criterion->providers = g_strdupv ((char **) providers);
  criterion->names = g_strdupv ((char **) names);
  g_ptr_array_add (criteria, criterion);
  am_ec2_client_replace_image_criteria_async (client, criteria, NULL, am_ui_test_wait_cb, &w);
  g_assert_true (am_ec2_client_replace_image_criteria_finish (client, am_ui_test_wait_for_result (&w, 30000), &error));
  g_assert_no_error (error);
  g_clear_object (&w.result);
  am_ec2_client_set_allowed_images_state_async (client, "audit-mode", NULL, am_ui_test_wait_cb, &w);
  g_assert_true (am_ec2_client_set_allowed_images_state_finish (client, am_ui_test_wait_for_result (&w, 30000), &error));
  g_assert_no_error (error);
  g_clear_object (&w.result);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "images.refresh", NULL));
  g_assert_true (am_ui_test_wait_until (carried, view, 30000));
  g_assert_true (gtk_column_view_column_get_visible (column));
  count_allowed (view, &n_allowed, &n_not);
  total = n_allowed + n_not;
  g_test_message ("%u allowed, %u not allowed", n_allowed, n_not);
  g_assert_cmpuint (n_allowed, >, 0);
  g_assert_cmpuint (n_not, >, 0);

  /* The filter, through the popover's checks. */
  gtk_popover_popup (GTK_POPOVER (view->filter_popover));
  am_ui_test_iterate ();
  check = am_ui_test_get_widget (GTK_WIDGET (view->filter_popover), GTK_TYPE_CHECK_BUTTON, "not-allowed-only");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  am_ui_test_iterate ();
  count_allowed (view, &a, &b);
  g_assert_cmpuint (a, ==, 0);
  g_assert_cmpuint (b, ==, n_not);
  am_ui_test_screenshot_light_dark (GTK_WIDGET (view->filter_popover), "images-allowed-filter", 200);
  check = am_ui_test_get_widget (GTK_WIDGET (view->filter_popover), GTK_TYPE_CHECK_BUTTON, "allowed-only");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  am_ui_test_iterate ();
  count_allowed (view, &a, &b);
  g_assert_cmpuint (a, ==, n_allowed);
  g_assert_cmpuint (b, ==, 0);
  gtk_popover_popdown (GTK_POPOVER (view->filter_popover));
  am_ui_test_screenshot_light_dark (GTK_WIDGET (window), "images-allowed-column", 300);
  g_assert_cmpuint (total, ==, n_allowed + n_not);

  gtk_window_destroy (window);
  am_ui_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/images/allowed", test_allowed);

  return g_test_run ();
}
