/* test-images-quick-start.c: Quick Start as a catalog of cards, against a real sandbox
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-images-quick-start"

#include "config.h"

#include <string.h>

#include "am-ec2-model-private.h"
#include "am-ec2-parse-private.h"
#include "am-images-view-private.h"
#include "am-launch-wizard.h"
#include "am-quick-start-view.h"
#include "am-time-format.h"
#include "am-ui-test-sandbox.h"
#include "am-ui-test.h"

static GtkWidget *
card_widget (GtkWidget  *card,
             GType       type,
             const char *name)
{
  GtkWidget *widget = am_ui_test_find_widget (card, type, name);

  if (widget == NULL)
    g_error ("The card has no %s “%s”", g_type_name (type), name != NULL ? name : "");
  return widget;
}

static gboolean
card_has_label (GtkWidget  *card,
                const char *text)
{
  GtkWidget *label = am_ui_test_find_widget (card, GTK_TYPE_LABEL, text);

  return label != NULL && gtk_widget_get_visible (label);
}

/* The small type under a card: "ami-… · 2025-11-11 20:42" (local time), UTC in its tooltip. */
static void
check_small_type (GtkWidget *card,
                  AmImage   *image)
{
  g_autofree char *date = am_time_format_local (am_image_get_creation_date (image));
  g_autofree char *text = g_strdup_printf ("%s · %s", am_image_get_image_id (image), date);
  GtkWidget *label = card_widget (card, GTK_TYPE_LABEL, text);

  g_assert_true (g_regex_match_simple ("^ami-[0-9a-f]+ · [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}$", text, 0, 0));
  g_assert_true (g_str_has_suffix (gtk_widget_get_tooltip_text (label), " UTC"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (label), am_image_get_name (image)));
}

static void
test_catalog (void)
{
  AmSandboxProcess *sandbox = am_ui_test_sandbox_start (NULL);
  AmSession *session = am_ui_test_sandbox_session (sandbox, "alice");
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  AmImagesView *view = AM_IMAGES_VIEW (am_images_view_new ());
  static const char * const titles[] = {
    "Amazon Linux 2023", "Amazon Linux 2", "Ubuntu Server 24.04 LTS", "Ubuntu Server 22.04 LTS",
    "Debian 12", "SUSE Linux Enterprise Server 15 SP6", "Windows Server 2022 Base",
    "Windows Server 2022 Core Base",
  };
  GtkDropDown *scope;
  AmQuickStartView *catalog;
  GtkWidget *card;
  GtkWidget *arm;
  GtkWidget *wizard;
  AmImage *image;

  gtk_window_set_default_size (window, 1280, 900);
  gtk_window_set_child (window, GTK_WIDGET (view));
  gtk_window_present (window);
  am_ui_test_wait_mapped (GTK_WIDGET (window));
  am_images_view_set_session (view, session);
  am_ui_test_images_wait_loaded (view);

  /* Quick Start is first in the scope list; choosing it there shows the catalog. */
  scope = GTK_DROP_DOWN (am_ui_test_get_widget (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, "Which images to list"));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (scope)), 0), ==, "Quick Start");
  g_assert_cmpint (am_images_view_get_scope (view), ==, AM_IMAGES_SCOPE_OWNED);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (scope)),
                                               gtk_drop_down_get_selected (scope)), ==, "Owned by Me");
  gtk_drop_down_set_selected (scope, 0);
  g_assert_cmpint (am_images_view_get_scope (view), ==, AM_IMAGES_SCOPE_QUICK_START);
  am_ui_test_images_wait_loaded (view);
  catalog = AM_QUICK_START_VIEW (am_ui_test_get_widget (GTK_WIDGET (view), AM_TYPE_QUICK_START_VIEW, NULL));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (catalog)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (_am_images_view_get_column_view (view))));

  /* A card per system, with its friendly title, in the catalog's order. */
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      card = am_quick_start_view_get_card (catalog, titles[i]);
      if (card == NULL)
        g_error ("No card for %s", titles[i]);
      g_assert_true (gtk_widget_get_mapped (card) || i > 3);
      g_assert_nonnull (card_widget (card, GTK_TYPE_LABEL, titles[i]));
      g_assert_nonnull (card_widget (card, GTK_TYPE_IMAGE, NULL));
      image = am_quick_start_view_get_card_image (card);
      g_assert_cmpstr (am_quick_start_view_get_title (image), ==, titles[i]);
      check_small_type (card, image);
      /* "Free tier eligible" where the image says so, and only there. */
      g_assert_cmpint (card_has_label (card, "Free tier eligible"), ==, am_image_get_free_tier_eligible (image));
    }
  card = am_quick_start_view_get_card (catalog, "Amazon Linux 2023");
  am_ui_test_screenshot_light_dark (GTK_WIDGET (window), "quick-start-1280", 300);

  /* The architecture switch shows the arm64 image of the same system. */
  image = am_quick_start_view_get_card_image (card);
  g_assert_cmpstr (am_image_get_architecture (image), ==, "x86_64");
  arm = card_widget (card, GTK_TYPE_TOGGLE_BUTTON, "arm64");
  g_assert_nonnull (card_widget (card, GTK_TYPE_TOGGLE_BUTTON, "x86_64"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (arm), TRUE);
  am_ui_test_iterate ();
  image = am_quick_start_view_get_card_image (card);
  g_assert_cmpstr (am_image_get_architecture (image), ==, "arm64");
  g_assert_true (g_str_has_prefix (am_image_get_name (image), "al2023-ami-2023"));
  check_small_type (card, image);
  /* Windows has one architecture: one toggle. */
  g_assert_null (am_ui_test_find_widget (am_quick_start_view_get_card (catalog, "Windows Server 2022 Base"),
                                         GTK_TYPE_TOGGLE_BUTTON, "arm64"));

  /* Launch is the card's main button and opens the wizard with the card's image. */
  {
    GtkWidget *launch = card_widget (card, GTK_TYPE_BUTTON, "Launch");

    g_assert_true (gtk_widget_has_css_class (launch, "suggested-action"));
    g_signal_emit_by_name (launch, "clicked");
    wizard = am_ui_test_wait_for_window_of_type (AM_TYPE_LAUNCH_WIZARD);
    g_assert_true (am_launch_request_get_image (am_launch_wizard_get_request (AM_LAUNCH_WIZARD (wizard))) == image);
    gtk_window_destroy (GTK_WINDOW (wizard));
    am_ui_test_iterate ();
  }

  /* The narrowest window: one card per line, nothing cut off. */
  gtk_window_set_default_size (window, 360, 900);
  gtk_widget_set_size_request (GTK_WIDGET (view), -1, -1);
  am_ui_test_iterate ();
  {
    GtkWidget *alone = gtk_window_new ();
    GtkWidget *small = am_quick_start_view_new ();
    GtkWidget *small_card;

    gtk_window_set_default_size (GTK_WINDOW (alone), 360, 900);
    am_quick_start_view_set_model (AM_QUICK_START_VIEW (small), G_LIST_MODEL (_am_images_view_get_list_model (view)));
    gtk_window_set_child (GTK_WINDOW (alone), small);
    gtk_window_present (GTK_WINDOW (alone));
    am_ui_test_wait_mapped (alone);
    am_ui_test_iterate ();
    g_assert_cmpint (gtk_widget_get_width (alone), ==, 360);
    small_card = am_quick_start_view_get_card (AM_QUICK_START_VIEW (small), "Amazon Linux 2023");
    g_assert_nonnull (small_card);
    g_assert_cmpint (gtk_widget_get_width (small_card), <=, 360 - 24);
    am_ui_test_screenshot_light_dark (alone, "quick-start-360", 300);
    gtk_window_destroy (GTK_WINDOW (alone));
  }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (window);
  am_ui_test_iterate ();
  g_object_unref (session);
  g_object_unref (sandbox);
}

/* An image that says it is free tier eligible (as the EC2 reply carries it) gets the badge. */
static const char free_tier_reply[] =
  "<DescribeImagesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>1</requestId><imagesSet>"
  "<item><imageId>ami-0a1b2c3d4e5f60718</imageId><name>al2023-ami-2023.9.20251110.1-kernel-6.1-x86_64</name>"
  "<architecture>x86_64</architecture><creationDate>2025-11-11T19:42:38.000Z</creationDate>"
  "<description>Amazon Linux 2023 AMI</description><freeTierEligible>true</freeTierEligible></item>"
  "<item><imageId>ami-0a1b2c3d4e5f60719</imageId><name>debian-12-amd64-20251112-2294</name>"
  "<architecture>x86_64</architecture><creationDate>2025-11-12T19:30:01.000Z</creationDate>"
  "<description>Debian 12</description></item>"
  "</imagesSet></DescribeImagesResponse>";

/* The two images of free_tier_reply, read as EC2's answer is. */
static GPtrArray *
parse_free_tier_reply (void)
{
  static const char * const path[] = { "imagesSet", NULL };
  g_autoptr (GBytes) body = g_bytes_new_static (free_tier_reply, sizeof free_tier_reply - 1);
  g_autoptr (GError) error = NULL;
  GPtrArray *images = _am_ec2_parse_list (body, _am_image_get_model_info (), path, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, 2);
  return images;
}

static void
test_free_tier (void)
{
  g_autoptr (GPtrArray) images = parse_free_tier_reply ();
  g_autoptr (GListStore) store = g_list_store_new (AM_TYPE_IMAGE);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = am_quick_start_view_new ();

  g_list_store_splice (store, 0, 0, images->pdata, images->len);
  am_quick_start_view_set_model (AM_QUICK_START_VIEW (view), G_LIST_MODEL (store));
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 500);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (window);
  am_ui_test_iterate ();

  g_assert_true (card_has_label (am_quick_start_view_get_card (AM_QUICK_START_VIEW (view), "Amazon Linux 2023"),
                                 "Free tier eligible"));
  g_assert_false (card_has_label (am_quick_start_view_get_card (AM_QUICK_START_VIEW (view), "Debian 12"),
                                  "Free tier eligible"));
  am_ui_test_screenshot_light_dark (window, "quick-start-free-tier", 200);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
}

static guint
n_cards (GtkWidget *view)
{
  GtkWidget *flow_box = am_ui_test_find_widget (view, GTK_TYPE_FLOW_BOX, NULL);
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (flow_box); child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* The model is the Images view's list: while another scope is shown it changes with every page,
 * keystroke and sort (up to 100,000 images, every name a card). A hidden Quick Start view must
 * not build its cards then; it does once it is shown. */
static void
test_hidden (void)
{
  g_autoptr (GPtrArray) images = parse_free_tier_reply ();
  g_autoptr (GListStore) store = g_list_store_new (AM_TYPE_IMAGE);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *view = am_quick_start_view_new ();

  gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("list"), "list");
  gtk_stack_add_named (GTK_STACK (stack), view, "quick-start");
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "list");
  gtk_window_set_child (GTK_WINDOW (window), stack);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (window);

  am_quick_start_view_set_model (AM_QUICK_START_VIEW (view), G_LIST_MODEL (store));
  for (guint i = 0; i < 50; i++)
    g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), images->pdata, 1 + i % 2);
  am_ui_test_iterate ();
  g_assert_cmpuint (n_cards (view), ==, 0);

  gtk_stack_set_visible_child_name (GTK_STACK (stack), "quick-start");
  am_ui_test_iterate ();
  g_assert_cmpuint (n_cards (view), ==, 2);
  g_assert_nonnull (am_quick_start_view_get_card (AM_QUICK_START_VIEW (view), "Debian 12"));

  /* Shown, it follows its model at once. */
  g_list_store_remove (store, 1);
  g_assert_cmpuint (n_cards (view), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  am_ui_test_init (&argc, &argv);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/images/quick-start/catalog", test_catalog);
  g_test_add_func ("/images/quick-start/free-tier", test_free_tier);
  g_test_add_func ("/images/quick-start/hidden", test_hidden);

  return g_test_run ();
}
