/* test-wizard-pages.c: the type and network pages alone over an AmLaunchRequest: their lists are
 * models of the sandbox's answers, and their rows follow the request both ways
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-wizard-pages"

#include "config.h"

#include "am-launch-network-page.h"
#include "am-launch-type-page.h"
#include "am-ui-test.h"
#include "am-ui-test-sandbox.h"

/* Loaded 2-core machines: calls through the sandbox may take a while. */
#define IDLE_TIMEOUT_MS 120000

static gboolean
page_idle (gpointer data)
{
  return !am_launch_page_get_busy (data);
}

/* Shows @page alone in a window over @request and waits until its lists are in. */
static GtkWidget *
show_page_sized (AmLaunchPage    *page,
                 AmLaunchRequest *request,
                 AmSession       *session,
                 int              height)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 720, height);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (page));
  adw_window_set_content (ADW_WINDOW (window), scrolled);
  am_launch_page_set_request (page, request);
  am_launch_page_set_session (page, session);
  gtk_window_present (GTK_WINDOW (window));
  am_launch_page_load (page);
  if (!am_ui_test_wait_until (page_idle, page, IDLE_TIMEOUT_MS))
    g_error ("The page is still busy after %d s", IDLE_TIMEOUT_MS / 1000);
  am_ui_test_iterate ();
  return window;
}

static GtkWidget *
show_page (AmLaunchPage    *page,
           AmLaunchRequest *request,
           AmSession       *session)
{
  return show_page_sized (page, request, session, 700);
}

/* The check of the row titled @title in @list, or NULL when the list has no such row. */
static GtkCheckButton *
row_check (GtkWidget  *list,
           const char *title)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)) != NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
  return NULL;
}

static guint
n_rows (GtkWidget *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;
  return n;
}

typedef struct
{
  GtkWidget *list;
  const char *title;
  gboolean listed;
} RowWait;

static gboolean
row_listed (gpointer data)
{
  RowWait *wait = data;

  return (row_check (wait->list, wait->title) != NULL) == wait->listed;
}

/* A row chosen in the list is the request's, and a type chosen in the request (not through the
 * list) shows as chosen at once, without the rows being made again; a search filters the rows,
 * and the chosen one comes back still chosen. */
static void
test_type_page (void)
{
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (NULL);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  g_autoptr (AmLaunchRequest) request = am_launch_request_new ();
  g_autoptr (AmInstanceType) large_type = NULL;
  AmLaunchPage *page = AM_LAUNCH_PAGE (am_launch_type_page_new ());
  GtkWidget *window = show_page (page, request, session);
  GtkWidget *list = am_ui_test_get_widget (GTK_WIDGET (page), GTK_TYPE_LIST_BOX, "type-list");
  GtkWidget *search = am_ui_test_get_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, "type-search");
  RowWait wait = { list, "t3.micro", FALSE };
  GtkListBoxRow *first;
  guint all = n_rows (list);

  g_assert_cmpuint (all, >, 2);
  g_assert_nonnull (row_check (list, "t3.micro"));
  g_assert_nonnull (row_check (list, "t3.large"));

  /* row → request */
  gtk_check_button_set_active (row_check (list, "t3.large"), TRUE);
  g_assert_cmpstr (am_instance_type_get_instance_type (am_launch_request_get_instance_type (request)), ==, "t3.large");
  large_type = g_object_ref (am_launch_request_get_instance_type (request));
  gtk_check_button_set_active (row_check (list, "t3.micro"), TRUE);
  g_assert_cmpstr (am_instance_type_get_instance_type (am_launch_request_get_instance_type (request)), ==, "t3.micro");
  g_assert_false (gtk_check_button_get_active (row_check (list, "t3.large")));

  /* request → row, the rows staying the same widgets */
  first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  am_launch_request_set_instance_type (request, large_type);
  g_assert_true (gtk_check_button_get_active (row_check (list, "t3.large")));
  g_assert_false (gtk_check_button_get_active (row_check (list, "t3.micro")));
  g_assert_true (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0) == first);

  /* the search filters the model */
  gtk_editable_set_text (GTK_EDITABLE (search), "t3.lar");
  g_assert_true (am_ui_test_wait_until (row_listed, &wait, 10000));
  g_assert_nonnull (row_check (list, "t3.large"));
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  wait.listed = TRUE;
  g_assert_true (am_ui_test_wait_until (row_listed, &wait, 10000));
  g_assert_cmpuint (n_rows (list), ==, all);
  g_assert_true (gtk_check_button_get_active (row_check (list, "t3.large")));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The network page offers the default VPC's subnets by zone with the first chosen; a subnet
 * the request gains elsewhere is checked at once, a check writes the request, and the count
 * typed and the request's count are one. */
static void
test_network_page (void)
{
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (NULL);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  g_autoptr (AmLaunchRequest) request = am_launch_request_new ();
  AmLaunchPage *page = AM_LAUNCH_PAGE (am_launch_network_page_new ());
  GtkWidget *window = show_page (page, request, session);
  GtkWidget *subnets = am_ui_test_get_widget (GTK_WIDGET (page), GTK_TYPE_LIST_BOX, "subnet-list");
  GtkWidget *spin = am_ui_test_get_widget (GTK_WIDGET (page), GTK_TYPE_SPIN_BUTTON, NULL);  /* the count */
  GtkListBoxRow *row;
  AmSubnet *second = NULL;

  g_assert_nonnull (am_launch_request_get_vpc (request));
  g_assert_cmpuint (am_launch_request_get_subnets (request)->len, ==, 1);
  g_assert_cmpuint (n_rows (subnets), >=, 3);
  g_assert_true (gtk_check_button_get_active (row_check (subnets, "us-east-1a")));
  g_assert_false (gtk_check_button_get_active (row_check (subnets, "us-east-1b")));
  /* by zone */
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (subnets), 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "us-east-1a");
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (subnets), 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "us-east-1b");

  /* a check writes the request */
  gtk_check_button_set_active (row_check (subnets, "us-east-1b"), TRUE);
  g_assert_cmpuint (am_launch_request_get_subnets (request)->len, ==, 2);
  second = g_ptr_array_index (am_launch_request_get_subnets (request), 1);
  g_assert_cmpstr (am_subnet_get_availability_zone (second), ==, "us-east-1b");
  g_object_ref (second);

  /* the request changes elsewhere: the checks follow */
  am_launch_request_remove_subnet (request, am_subnet_get_subnet_id (second));
  g_assert_false (gtk_check_button_get_active (row_check (subnets, "us-east-1b")));
  am_launch_request_add_subnet (request, second);
  g_assert_true (gtk_check_button_get_active (row_check (subnets, "us-east-1b")));
  g_assert_cmpuint (am_launch_request_get_subnets (request)->len, ==, 2);
  g_object_unref (second);

  /* count: request → spin, spin → request */
  am_launch_request_set_count (request, 4);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 4);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 6);
  g_assert_cmpuint (am_launch_request_get_count (request), ==, 6);

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  GtkWidget *row;
  GtkScrolledWindow *scrolled;
} InView;

static gboolean
row_in_view (gpointer data)
{
  InView *in_view = data;
  graphene_rect_t bounds;
  double page = gtk_adjustment_get_page_size (gtk_scrolled_window_get_vadjustment (in_view->scrolled));

  return gtk_widget_compute_bounds (in_view->row, gtk_scrolled_window_get_child (in_view->scrolled), &bounds)
         && bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= page;
}

/* A type chosen far down a long list (from a template, or before going back) is scrolled into
 * view, and so is the first row when the choice moves back up. */
static void
test_type_page_scrolls_to_chosen (void)
{
  g_autoptr (AmSandboxProcess) sandbox = am_ui_test_sandbox_start (NULL);
  g_autoptr (AmSession) session = am_ui_test_sandbox_session (sandbox, "alice");
  g_autoptr (AmLaunchRequest) request = am_launch_request_new ();
  AmLaunchPage *page = AM_LAUNCH_PAGE (am_launch_type_page_new ());
  GtkWidget *window = show_page_sized (page, request, session, 360);
  GtkWidget *list = am_ui_test_get_widget (GTK_WIDGET (page), GTK_TYPE_LIST_BOX, "type-list");
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW));
  guint all = n_rows (list);
  GtkListBoxRow *last = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), all - 1);
  InView in_view = { GTK_WIDGET (last), scrolled };

  g_assert_cmpuint (all, >, 8);
  am_ui_test_iterate ();
  g_assert_false (row_in_view (&in_view));

  /* Chosen while the page is not shown (from a template, or on another page), then the page
   * shown (as when the user comes to it): the chosen row is in view. */
  gtk_widget_set_visible (GTK_WIDGET (page), FALSE);
  am_ui_test_iterate ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (last))), TRUE);
  am_ui_test_iterate ();
  gtk_widget_set_visible (GTK_WIDGET (page), TRUE);
  g_assert_true (am_ui_test_wait_until (row_in_view, &in_view, 10000));

  /* Chosen in the request while shown: the first row comes into view. */
  in_view.row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_false (row_in_view (&in_view));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (in_view.row))), TRUE);
  g_assert_true (am_ui_test_wait_until (row_in_view, &in_view, 10000));

  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/wizard/pages/type", test_type_page);
  g_test_add_func ("/ui/wizard/pages/network", test_network_page);
  g_test_add_func ("/ui/wizard/pages/type-scrolls-to-chosen", test_type_page_scrolls_to_chosen);

  return g_test_run ();
}
