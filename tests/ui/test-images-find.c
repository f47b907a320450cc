/* test-images-find.c: an image shown by ID (an instance's AMI link) is found in any scope, on a real sandbox
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-images-find"

#include "config.h"

#include "am-ec2-client.h"
#include "am-images-view-private.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"
#include "am-window.h"

#define CALL_TIMEOUT_MS 30000

/* alice's image that the sandbox shares with bob, and the Ubuntu images' owner (Canonical). */
#define ALICE_ACCOUNT "111122223333"
#define CANONICAL_ACCOUNT "099720109477"

typedef struct
{
  AmSandboxProcess *sandbox;
  AmSession *session;
  AmEc2Client *client;
  AmWindow *window;
  AmImagesView *view;
} Fixture;

static void
fixture_start (Fixture    *fixture,
               const char *account)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();

  fixture->sandbox = am_ui_test_sandbox_start (NULL);
  fixture->session = am_ui_test_sandbox_session (fixture->sandbox, account);
  fixture->client = g_object_ref (am_session_get_client (fixture->session));
  fixture->window = am_window_new_with_session (app, fixture->session);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  gtk_window_present (GTK_WINDOW (fixture->window));
  am_ui_test_wait_mapped (GTK_WIDGET (fixture->window));
  fixture->view = AM_IMAGES_VIEW (am_ui_test_get_widget (GTK_WIDGET (fixture->window), AM_TYPE_IMAGES_VIEW, NULL));
}

static void
fixture_stop (Fixture *fixture)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  am_ui_test_iterate ();
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->sandbox);
}

static gboolean
owned_loaded (gpointer data)
{
  Fixture *fixture = data;

  return am_images_view_get_scope (fixture->view) == AM_IMAGES_SCOPE_OWNED
         && am_ui_test_images_listed (fixture->view);
}

/* The Instances view's AMI link: win.show-image from the Instances view. */
static void
follow_link (Fixture    *fixture,
             const char *image_id)
{
  am_window_show_view (fixture->window, "instances");
  am_ui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-image", "s", image_id));
  g_assert_cmpstr (am_window_get_visible_view (fixture->window), ==, "images");
}

typedef struct
{
  Fixture *fixture;
  const char *image_id;
  AmImagesScope scope;
} Wanted;

static AmImage *
details_image (Fixture *fixture)
{
  return am_image_details_get_image (_am_images_view_get_details (fixture->view));
}

/* Listed in @scope, selected, and in the details pane. */
static gboolean
selected_in_scope (gpointer data)
{
  Wanted *wanted = data;
  Fixture *fixture = wanted->fixture;
  GListModel *rows = G_LIST_MODEL (_am_images_view_get_list_model (fixture->view));
  GtkSelectionModel *selection = _am_images_view_get_selection (fixture->view);
  AmImage *shown = details_image (fixture);

  if (am_images_view_get_scope (fixture->view) != wanted->scope
      || shown == NULL || g_strcmp0 (am_image_get_image_id (shown), wanted->image_id) != 0)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (rows, i);

      if (g_strcmp0 (am_image_get_image_id (image), wanted->image_id) == 0)
        return gtk_selection_model_is_selected (selection, i);
    }

  return FALSE;
}

static gboolean
toast_shown (gpointer data)
{
  gpointer *args = data;

  return am_ui_test_find_widget (GTK_WIDGET (args[0]), GTK_TYPE_LABEL, args[1]) != NULL;
}

static void
wait_toast (Fixture    *fixture,
            const char *text)
{
  gpointer args[2] = { fixture->window, (gpointer) text };

  g_assert_true (am_ui_test_wait_until (toast_shown, args, CALL_TIMEOUT_MS));
}

static char *
latest_image_id (Fixture    *fixture,
                 const char *parameter)
{
  g_autoptr (GError) error = NULL;
  AmUiTestWait wait = { NULL };
  char *image_id;

  am_ec2_client_get_latest_image_id_async (fixture->client, parameter, NULL, am_ui_test_wait_cb, &wait);
  am_ui_test_wait_for_result (&wait, CALL_TIMEOUT_MS);
  image_id = am_ec2_client_get_latest_image_id_finish (fixture->client, wait.result, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_nonnull (image_id);

  return image_id;
}

/* The first image that @owner has and the fixture's account may see. */
static AmImage *
image_of_owner (Fixture    *fixture,
                const char *owner)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GPtrArray) images = NULL;
  g_autoptr (GError) error = NULL;
  AmUiTestWait wait = { NULL };

  am_describe_images_query_add_owner (query, owner);
  am_ec2_client_describe_images_async (fixture->client, query, NULL, am_ui_test_wait_cb, &wait);
  am_ui_test_wait_for_result (&wait, CALL_TIMEOUT_MS);
  images = am_ec2_client_describe_images_finish (fixture->client, wait.result, NULL, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_cmpuint (images->len, >, 0);

  return g_object_ref (images->pdata[0]);
}

/* 1. An instance's Amazon Linux 2023 image while Owned by Me is shown: the view switches to
 * Amazon, narrows the list to the image and selects it. */
static void
test_find_amazon_image (void)
{
  Fixture fixture = { 0 };
  g_autofree char *image_id = NULL;
  Wanted wanted = { &fixture, NULL, AM_IMAGES_SCOPE_AMAZON };
  GListModel *rows;

  fixture_start (&fixture, "alice");
  g_assert_true (am_ui_test_wait_until (owned_loaded, &fixture, CALL_TIMEOUT_MS));
  image_id = latest_image_id (&fixture, "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64");
  wanted.image_id = image_id;

  follow_link (&fixture, image_id);
  g_assert_true (am_ui_test_wait_until (selected_in_scope, &wanted, CALL_TIMEOUT_MS));
  rows = G_LIST_MODEL (_am_images_view_get_list_model (fixture.view));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  g_assert_cmpstr (_am_images_view_get_state (fixture.view), ==, "list");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_am_images_view_get_search_entry (fixture.view))), ==, image_id);
  /* Not the account's: nothing to manage, but it can be launched. */
  g_assert_true (gtk_widget_is_sensitive (am_ui_test_get_widget (GTK_WIDGET (fixture.view), GTK_TYPE_BUTTON, "_Launch Instance")));

  /* Back in Owned by Me, a link to an image listed there selects it at once. */
  gtk_editable_set_text (GTK_EDITABLE (_am_images_view_get_search_entry (fixture.view)), "");
  _am_images_view_apply_search (fixture.view);
  am_images_view_set_scope (fixture.view, AM_IMAGES_SCOPE_OWNED);
  g_assert_true (am_ui_test_wait_until (owned_loaded, &fixture, CALL_TIMEOUT_MS));
  {
    g_autoptr (AmImage) own = g_list_model_get_item (rows, 0);
    g_autofree char *own_id = g_strdup (am_image_get_image_id (own));

    g_assert_true (am_images_view_show_image (fixture.view, own_id));
    wanted.image_id = own_id;
    wanted.scope = AM_IMAGES_SCOPE_OWNED;
    am_ui_test_iterate ();
    g_assert_true (selected_in_scope (&wanted));
  }

  fixture_stop (&fixture);
}

/* 2. An image another account shares with this one: Shared with Me. A public image of
 * another vendor: its details are shown without loading the public catalog. */
static void
test_find_shared_and_public_image (void)
{
  Fixture fixture = { 0 };
  g_autoptr (AmImage) shared = NULL;
  g_autoptr (AmImage) ubuntu = NULL;
  g_autofree char *message = NULL;
  Wanted wanted = { &fixture, NULL, AM_IMAGES_SCOPE_SHARED };
  AmImage *shown;

  fixture_start (&fixture, "bob");
  g_assert_true (am_ui_test_wait_until (owned_loaded, &fixture, CALL_TIMEOUT_MS));
  shared = image_of_owner (&fixture, ALICE_ACCOUNT);
  g_assert_false (am_image_get_is_public (shared));
  wanted.image_id = am_image_get_image_id (shared);

  follow_link (&fixture, am_image_get_image_id (shared));
  g_assert_true (am_ui_test_wait_until (selected_in_scope, &wanted, CALL_TIMEOUT_MS));

  /* Public: the view stays where it is and shows the image beside its list. */
  ubuntu = image_of_owner (&fixture, CANONICAL_ACCOUNT);
  g_assert_true (am_image_get_is_public (ubuntu));
  follow_link (&fixture, am_image_get_image_id (ubuntu));
  message = g_strdup_printf ("%s is a public image; its details are shown without loading every public image.",
                             am_image_get_image_id (ubuntu));
  wait_toast (&fixture, message);
  am_ui_test_iterate ();
  g_assert_cmpint (am_images_view_get_scope (fixture.view), ==, AM_IMAGES_SCOPE_SHARED);
  g_assert_cmpstr (_am_images_view_get_state (fixture.view), ==, "list");
  shown = details_image (&fixture);
  g_assert_nonnull (shown);
  g_assert_cmpstr (am_image_get_image_id (shown), ==, am_image_get_image_id (ubuntu));
  g_assert_cmpuint (gtk_bitset_get_size (gtk_selection_model_get_selection (_am_images_view_get_selection (fixture.view))), ==, 0);
  /* It can be launched from there; it cannot be managed. */
  g_assert_true (gtk_widget_is_sensitive (am_ui_test_get_widget (GTK_WIDGET (fixture.view), GTK_TYPE_BUTTON, "_Launch Instance")));
  am_ui_test_screenshot_light_dark (GTK_WIDGET (fixture.window), "images-find-public", 300);

  /* Choosing a row of the list takes its place again. */
  gtk_selection_model_select_item (_am_images_view_get_selection (fixture.view), 0, TRUE);
  am_ui_test_iterate ();
  shown = details_image (&fixture);
  g_assert_nonnull (shown);
  g_assert_cmpstr (am_image_get_image_id (shown), ==, am_image_get_image_id (shared));

  fixture_stop (&fixture);
}

/* 3. An image that no longer exists: a toast says so, the view stays as it was. */
static void
test_find_missing_image (void)
{
  Fixture fixture = { 0 };
  const char *missing = "ami-0123456789abcdef0";
  g_autofree char *message = NULL;
  guint n_rows;

  fixture_start (&fixture, "alice");
  g_assert_true (am_ui_test_wait_until (owned_loaded, &fixture, CALL_TIMEOUT_MS));
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (_am_images_view_get_list_model (fixture.view)));

  follow_link (&fixture, missing);
  message = g_strdup_printf ("Image %s no longer exists; it may have been deregistered.", missing);
  wait_toast (&fixture, message);
  am_ui_test_iterate ();
  g_assert_cmpint (am_images_view_get_scope (fixture.view), ==, AM_IMAGES_SCOPE_OWNED);
  g_assert_cmpstr (_am_images_view_get_state (fixture.view), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (_am_images_view_get_list_model (fixture.view))), ==, n_rows);
  am_ui_test_screenshot_light_dark (GTK_WIDGET (fixture.window), "images-find-missing", 300);

  fixture_stop (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);

  g_test_add_func ("/images-find/amazon", test_find_amazon_image);
  g_test_add_func ("/images-find/shared-and-public", test_find_shared_and_public_image);
  g_test_add_func ("/images-find/missing", test_find_missing_image);

  return g_test_run ();
}
