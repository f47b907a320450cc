/* test-tour-drive.c: the guided tour driven through the real widgets on the built-in sandbox
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-tour-drive"

#include "config.h"

#include <glib/gstdio.h>

#include "am-action-dialog.h"
#include "am-auto-scaling-dialog.h"
#include "am-create-image-dialog.h"
#include "am-deprecation-dialog.h"
#include "am-deregister-dialog.h"
#include "am-images-view.h"
#include "am-instance.h"
#include "am-instances-view.h"
#include "am-permissions-dialog.h"
#include "am-tag-row.h"
#include "am-tags-editor.h"
#include "am-images-view-private.h"
#include "am-describe-images-query.h"
#include "am-sandbox-process.h"
#include "am-launch-wizard.h"
#include "am-session.h"
#include "am-tour-panel.h"
#include "am-window.h"
#include "test-wizard-common.h"

/* The first image of alice's own in the seeded sandbox, x86_64 and EBS-backed. */
#define ALICE_WEB_SERVER "alice-web-server-2026-01-15"

static const char *one_zone[] = { "us-east-1a", NULL };
static const char *two_zones[] = { "us-east-1a", "us-east-1b", NULL };


typedef struct
{
  AmTourPanel *panel;
  AmTourStep   step;
} StepWait;

static gboolean
step_done (gpointer data)
{
  StepWait *wait = data;

  return am_tour_checker_is_done (am_tour_panel_get_checker (wait->panel), wait->step);
}

/* The panel ticks @step by itself (it reads the sandbox every few seconds and after actions). */
static void
wait_step_ticked (AmTourPanel *panel,
                  AmTourStep   step)
{
  StepWait wait = { panel, step };
  GtkWidget *row;
  GtkWidget *icon;

  am_ui_test_wait_until (step_done, &wait, 90000);
  g_assert_true (am_tour_checker_is_done (am_tour_panel_get_checker (panel), step));
  am_ui_test_iterate ();
  row = am_ui_test_get_widget (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX_ROW, am_tour_step_get_id (step));
  icon = am_ui_test_get_widget (row, GTK_TYPE_IMAGE, NULL);
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (icon)), ==, "emblem-ok-symbolic");
}

typedef struct
{
  AmTourPanel *panel;
  const char  *action;
  GType        type;
} TargetWait;

static gboolean
target_is (gpointer data)
{
  TargetWait *wait = data;
  GtkWidget *target = am_tour_panel_get_target (wait->panel);

  if (target == NULL)
    return FALSE;
  if (wait->action != NULL && GTK_IS_MENU_BUTTON (target))
    return TRUE;
  if (wait->action != NULL)
    return GTK_IS_ACTIONABLE (target) && gtk_widget_is_sensitive (target) &&
           g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (target)), wait->action) == 0;
  return G_TYPE_CHECK_INSTANCE_TYPE (target, wait->type);
}

/* The panel marks where to act: a widget with the class tour-target. */
static GtkWidget *
wait_target (AmTourPanel *panel,
             const char  *action,
             GType        type)
{
  TargetWait wait = { panel, action, type };
  GtkWidget *target;

  am_ui_test_wait_until (target_is, &wait, 60000);
  g_assert_true (target_is (&wait));
  target = am_tour_panel_get_target (panel);
  g_assert_true (gtk_widget_has_css_class (target, "tour-target"));
  return target;
}

static void
press_in_current_step (AmTourPanel *panel,
                       AmTourStep   step,
                       const char  *label)
{
  GtkWidget *row = am_ui_test_get_widget (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX_ROW, am_tour_step_get_id (step));
  GtkWidget *button = am_ui_test_get_widget (row, GTK_TYPE_BUTTON, label);

  g_assert_true (gtk_widget_is_drawable (button));
  g_signal_emit_by_name (button, "clicked");
  am_ui_test_iterate ();
}

/* Acts where the panel points: a click on the marked button; for an action in a menu (the
 * marked menu button opens it), the action its item activates. */
static void
press_target (GtkWidget  *target,
              GtkWidget  *view,
              const char *action)
{
  if (GTK_IS_MENU_BUTTON (target))
    g_assert_true (gtk_widget_activate_action (view, action, NULL));
  else
    {
      g_assert_true (gtk_widget_is_sensitive (target));
      g_signal_emit_by_name (target, "clicked");
    }
}



static void
screenshot_step (AmWindow   *window,
                 const char *name)
{
  g_autofree char *wide = g_strdup_printf ("tour-%s-1280", name);
  g_autofree char *narrow = g_strdup_printf ("tour-%s-360", name);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  am_ui_test_screenshot_light_dark (GTK_WIDGET (window), wide, 1200);
  /* A narrow window folds the panel over the content, closed; the user opens it again. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  am_ui_test_settle (800);
  am_tour_panel_set_revealed (am_tour_panel_get_for_window (GTK_WIDGET (window)), TRUE);
  am_ui_test_screenshot_light_dark (GTK_WIDGET (window), narrow, 1200);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  am_ui_test_settle (800);
  am_tour_panel_set_revealed (am_tour_panel_get_for_window (GTK_WIDGET (window)), TRUE);
  am_ui_test_iterate ();
}

/* Presses where the panel marks @action in @view, after pictures of the step named @shot
 * (none when NULL). */
static void
press_marked (AmTourPanel *panel,
              AmWindow    *window,
              GtkWidget   *view,
              const char  *action,
              const char  *shot)
{
  GtkWidget *target = wait_target (panel, action, G_TYPE_INVALID);

  if (shot != NULL)
    {
      screenshot_step (window, shot);
      /* The pictures let the views refresh (and rebuild the marked button): ask again. */
      target = wait_target (panel, action, G_TYPE_INVALID);
    }
  press_target (target, view, action);
}

static gboolean
no_instances (gpointer data)
{
  AmSession *session = data;
  AmUiTestWait wait = { NULL, };
  g_autoptr (GPtrArray) instances = NULL;
  g_autoptr (AmEc2Client) client = NULL;

  if (am_session_get_state (session) != AM_SESSION_STATE_READY)
    return FALSE;
  client = g_object_ref (am_session_get_client (session));
  am_ec2_client_describe_instances_async (client, NULL, NULL, NULL, am_ui_test_wait_cb, &wait);
  instances = am_ec2_client_describe_instances_finish (client, am_ui_test_wait_for_result (&wait, 30000), NULL);
  g_clear_object (&wait.result);
  return instances != NULL && instances->len == 0;
}

static AmLaunchWizard *
find_wizard (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (AM_IS_LAUNCH_WIZARD (toplevel) && gtk_widget_get_mapped (GTK_WIDGET (toplevel)))
        return AM_LAUNCH_WIZARD (toplevel);
    }
  return NULL;
}

typedef struct
{
  AmInstancesView *view;
  const char      *instance_id;
} SelectWait;

static gboolean
instance_selected (gpointer data)
{
  SelectWait *wait = data;

  return am_instances_view_select_instance (wait->view, wait->instance_id);
}

typedef struct
{
  AmSession  *session;
  const char *image_id;
} ImageWait;

static gboolean
image_available (gpointer data)
{
  ImageWait *wait = data;
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  AmUiTestWait call = { NULL, };
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (AmEc2Client) client = g_object_ref (am_session_get_client (wait->session));

  am_describe_images_query_add_image_id (query, wait->image_id);
  am_ec2_client_describe_images_async (client, query, NULL, am_ui_test_wait_cb, &call);
  found = am_ec2_client_describe_images_finish (client, am_ui_test_wait_for_result (&call, 30000), NULL, NULL);
  g_clear_object (&call.result);
  return found != NULL && found->len == 1 &&
         g_strcmp0 (am_image_get_state (g_ptr_array_index (found, 0)), "available") == 0;
}

/* Shows @image_id selected in the Images view, as a click on its row does. */
static void
select_image (AmImagesView *images,
              const char   *image_id)
{
  GtkSelectionModel *selection;

  g_assert_true (am_images_view_show_image (images, image_id));
  am_ui_test_iterate ();
  selection = _am_images_view_get_selection (images);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), >=, 1);
  gtk_selection_model_select_item (selection, 0, TRUE);
  am_ui_test_iterate ();
}

/* The wizard a press opened, on its instance type page. */
static AmLaunchWizard *
open_wizard (void)
{
  AmLaunchWizard *wizard;

  for (guint i = 0; i < 6 && find_wizard () == NULL; i++)
    am_ui_test_wait_for_window_of_type (AM_TYPE_LAUNCH_WIZARD);
  wizard = find_wizard ();
  g_assert_nonnull (wizard);
  wizard_wait_idle (wizard);
  g_assert_cmpint (am_launch_wizard_get_step (wizard), ==, AM_LAUNCH_STEP_INSTANCE_TYPE);
  return wizard;
}

/* The proposed type, no key pair, a subnet in each of @zones and @count instances (0: as
 * proposed), up to the review page. */
static void
wizard_to_review (AmLaunchWizard     *wizard,
                  const char * const *zones,
                  guint               count)
{
  wizard_next (wizard, AM_LAUNCH_STEP_KEY_PAIR);
  wizard_skip_key_choose_subnets (wizard, zones);
  if (count > 0)
    {
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (wizard_find (wizard, GTK_TYPE_SPIN_BUTTON, "Number of instances")), count);
      am_ui_test_iterate ();
    }
  wizard_next (wizard, AM_LAUNCH_STEP_STORAGE);
  wizard_next (wizard, AM_LAUNCH_STEP_DETAILS);
  wizard_next (wizard, AM_LAUNCH_STEP_REVIEW);
  wizard_wait_idle (wizard);
}

/* Launches from the review page; the instances launched. */
static GPtrArray *
wizard_launch (AmLaunchWizard *wizard)
{
  wizard_click (wizard_find (wizard, GTK_TYPE_BUTTON, "launch_button"));
  wizard_wait_idle (wizard);
  return am_launch_wizard_get_launched (wizard);
}

/* Through the wizard a press on Launch Instance opened, into @zones. */
static void
launch_through_wizard (const char * const *zones,
                       guint               expected)
{
  AmLaunchWizard *wizard = open_wizard ();

  /* One instance per zone. */
  wizard_to_review (wizard, zones, expected);
  g_assert_cmpuint (wizard_launch (wizard)->len, ==, expected);
  gtk_window_destroy (GTK_WINDOW (wizard));
}

static gboolean
group_created (gpointer data)
{
  return am_auto_scaling_dialog_get_group (data) != NULL && !am_auto_scaling_dialog_get_busy (data);
}

/* The deregister dialog knows what still uses the image (or offers the override). */
static gboolean
used_by_answered (gpointer data)
{
  AmUsedByCheck *check = data;

  return am_used_by_check_get_cleared (check)
         || gtk_widget_get_visible (GTK_WIDGET (am_used_by_check_get_override (check)));
}

static gboolean
deregister_idle (gpointer data)
{
  return !gtk_widget_get_mapped (data) || !am_deregister_dialog_get_busy (data);
}

/* The check button labelled @label under @root (a GtkCheckButton is no GtkButton). */
static GtkWidget *
find_check_button (GtkWidget  *root,
                   const char *label)
{
  if (GTK_IS_CHECK_BUTTON (root) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_check_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the type page's row for @type carries the "Free tier" tag (DescribeInstanceTypes'
 * freeTierEligible, as the sandbox answers it). */
static gboolean
type_row_says_free_tier (AmLaunchWizard *wizard,
                         const char     *type)
{
  GtkWidget *check = wizard_row_widget (wizard, "type-list", type);
  GtkWidget *row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);

  g_assert_nonnull (row);
  return am_ui_test_find_widget (row, GTK_TYPE_LABEL, "Free tier") != NULL;
}

/* Shows alice's own images with @image_id selected, as the user finds it again. */
static void
select_own_image (AmWindow     *window,
                  AmImagesView *images,
                  const char   *image_id)
{
  am_window_show_view (window, "images");
  am_images_view_set_scope (images, AM_IMAGES_SCOPE_OWNED);
  am_ui_test_images_wait_loaded (images);
  select_image (images, image_id);
}

static gboolean
profile_is (gpointer data)
{
  AmSession *session = g_object_get_data (data, "session");

  return g_strcmp0 (am_session_get_profile_name (session), g_object_get_data (data, "profile")) == 0 &&
         am_session_get_state (session) == AM_SESSION_STATE_READY;
}

static void
wait_profile (AmSession  *session,
              const char *profile)
{
  g_autoptr (GObject) holder = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data (holder, "session", session);
  g_object_set_data (holder, "profile", (gpointer) profile);
  am_ui_test_wait_until (profile_is, holder, 60000);
  g_assert_cmpstr (am_session_get_profile_name (session), ==, profile);
}

static void
test_tour_drive (void)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  g_autoptr (AmImage) image = NULL;
  AmWindow *window;
  AmSession *session;
  AmTourPanel *panel;
  AmImagesView *images;
  AmLaunchWizard *wizard;
  AmInstancesView *instances;
  g_autofree char *instance_id = NULL;
  g_autofree char *own_image_id = NULL;
  GtkWidget *target;
  GtkWidget *dialog;

  window = am_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  session = am_window_get_session (window);
  am_window_connect (window, AM_SESSION_SANDBOX_PROFILE, NULL);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_until (am_ui_test_session_settled, session, 60000);
  g_assert_cmpint (am_session_get_state (session), ==, AM_SESSION_STATE_READY);
  g_assert_true (am_session_is_sandbox (session));
  images = AM_IMAGES_VIEW (am_ui_test_get_widget (GTK_WIDGET (window), AM_TYPE_IMAGES_VIEW, NULL));
  am_ui_test_images_wait_loaded (images);

  /* The main menu's Guided Tour opens the panel, on the first step. */
  panel = am_tour_panel_get_for_window (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "tour.show", NULL));
  g_assert_true (am_tour_panel_get_revealed (panel));
  g_assert_cmpint (am_tour_checker_get_current (am_tour_panel_get_checker (panel)), ==, AM_TOUR_STEP_ANATOMY);

  /* 1. Anatomy: the details pane is marked; select an image and read it. */
  wait_target (panel, NULL, g_type_from_name ("AmImageDetails"));
  image = wizard_lookup_image (session, ALICE_WEB_SERVER);
  g_assert_true (am_images_view_show_image (images, am_image_get_image_id (image)));
  am_ui_test_iterate ();
  screenshot_step (window, "1-anatomy");
  press_in_current_step (panel, AM_TOUR_STEP_ANATOMY, "_Got It");
  wait_step_ticked (panel, AM_TOUR_STEP_ANATOMY);

  /* 2. Find: the scope selector is marked. */
  target = wait_target (panel, NULL, GTK_TYPE_DROP_DOWN);
  g_assert_true (gtk_widget_is_ancestor (target, GTK_WIDGET (images)));
  screenshot_step (window, "2-find");
  press_in_current_step (panel, AM_TOUR_STEP_FIND, "_Got It");
  wait_step_ticked (panel, AM_TOUR_STEP_FIND);

  /* 3. Launch: the selected image's Launch button is marked; the wizard launches one instance. */
  {
    /* Its row selected, as a click on it does (the list is filtered to it). */
    GtkSelectionModel *selection = _am_images_view_get_selection (images);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), >=, 1);
    gtk_selection_model_select_item (selection, 0, TRUE);
    am_ui_test_iterate ();
  }
  press_marked (panel, window, GTK_WIDGET (images), "images.launch", "3-launch");
  wizard = open_wizard ();
  /* The types the free tier covers say so; the others do not. */
  g_assert_true (type_row_says_free_tier (wizard, "t3.micro"));
  g_assert_false (type_row_says_free_tier (wizard, "t3.large"));
  wizard_to_review (wizard, one_zone, 0);
  g_assert_cmpuint (wizard_launch (wizard)->len, ==, 1);
  instance_id = g_strdup (am_instance_get_instance_id (g_ptr_array_index (am_launch_wizard_get_launched (wizard), 0)));
  gtk_window_destroy (GTK_WINDOW (wizard));
  wait_step_ticked (panel, AM_TOUR_STEP_LAUNCH);
  g_assert_false (am_tour_checker_is_done (am_tour_panel_get_checker (panel), AM_TOUR_STEP_TAG));

  /* 4. Tag: the next step is current; in Instances, with the instance selected, Tags is marked
   * and the tags dialog adds one. */
  g_assert_cmpint (am_tour_checker_get_current (am_tour_panel_get_checker (panel)), ==, AM_TOUR_STEP_TAG);
  am_window_show_view (window, "instances");
  instances = AM_INSTANCES_VIEW (am_ui_test_get_widget (GTK_WIDGET (window), AM_TYPE_INSTANCES_VIEW, NULL));
  {
    SelectWait select = { instances, instance_id };

    am_ui_test_wait_until (instance_selected, &select, 60000);
    g_assert_true (instance_selected (&select));
  }
  press_marked (panel, window, GTK_WIDGET (instances), "instances.tags", "4-tag");
  {
    GtkWidget *editor = am_ui_test_wait_for_window_of_type (AM_TYPE_TAGS_EDITOR);
    GtkWidget *row;

    g_assert_nonnull (editor);
    row = am_tags_editor_add_row (AM_TAGS_EDITOR (editor));
    gtk_editable_set_text (am_tag_row_get_key_entry (AM_TAG_ROW (row)), "Environment");
    gtk_editable_set_text (am_tag_row_get_value_entry (AM_TAG_ROW (row)), "demo");
    am_ui_test_iterate ();
    am_action_dialog_activate_apply (AM_ACTION_DIALOG (editor));
  }
  wait_step_ticked (panel, AM_TOUR_STEP_TAG);

  /* 5. Create your own image: Create Image is marked; the dialog makes the image. */
  press_marked (panel, window, GTK_WIDGET (instances), "instances.create-image", "5-create-image");
  {
    GtkWidget *create = am_ui_test_wait_for_window_of_type (AM_TYPE_CREATE_IMAGE_DIALOG);

    g_assert_nonnull (create);
    gtk_editable_set_text (GTK_EDITABLE (am_ui_test_get_widget (create, ADW_TYPE_ENTRY_ROW, "name_row")),
                           "tour-web-image");
    am_ui_test_iterate ();
    g_assert_true (gtk_widget_get_sensitive (am_ui_test_get_widget (create, GTK_TYPE_BUTTON, "create_button")));
    gtk_widget_activate (am_ui_test_get_widget (create, GTK_TYPE_BUTTON, "create_button"));
  }
  wait_step_ticked (panel, AM_TOUR_STEP_CREATE_IMAGE);
  g_assert_false (am_tour_checker_is_done (am_tour_panel_get_checker (panel), AM_TOUR_STEP_TWO_ZONES));

  /* 6. Two zones: the new image, once available, launched again into two zones. */
  {
    g_auto (GStrv) ids = am_tour_checker_get_image_ids (am_tour_panel_get_checker (panel));
    ImageWait available = { session, NULL };

    g_assert_cmpuint (g_strv_length (ids), ==, 1);
    own_image_id = g_strdup (ids[0]);
    available.image_id = own_image_id;
    am_ui_test_wait_until (image_available, &available, 90000);
  }
  am_window_show_view (window, "images");
  am_images_view_set_scope (images, AM_IMAGES_SCOPE_OWNED);
  am_ui_test_images_wait_loaded (images);
  gtk_widget_activate_action (GTK_WIDGET (images), "images.refresh", NULL);
  am_ui_test_images_wait_loaded (images);
  select_image (images, own_image_id);
  press_marked (panel, window, GTK_WIDGET (images), "images.launch", "6-two-zones");
  launch_through_wizard (two_zones, 2);
  wait_step_ticked (panel, AM_TOUR_STEP_TWO_ZONES);

  /* 7. Share with bob: the permissions dialog adds bob's account. */
  select_image (images, own_image_id);
  press_marked (panel, window, GTK_WIDGET (images), "images.permissions", "7-share");
  {
    GtkWidget *permissions = am_ui_test_wait_for_window_of_type (AM_TYPE_PERMISSIONS_DIALOG);
    GtkWidget *entry;
    GtkWidget *apply;

    g_assert_nonnull (permissions);
    entry = am_ui_test_get_widget (permissions, ADW_TYPE_ENTRY_ROW, "add_row");
    gtk_editable_set_text (GTK_EDITABLE (entry), AM_SANDBOX_BOB_ACCOUNT_ID);
    am_ui_test_iterate ();
    g_signal_emit_by_name (am_ui_test_get_widget (permissions, GTK_TYPE_BUTTON, "add_button"), "clicked");
    am_ui_test_iterate ();
    apply = am_ui_test_get_widget (permissions, GTK_TYPE_BUTTON, "apply_button");
    g_assert_true (gtk_widget_is_sensitive (apply));
    g_signal_emit_by_name (apply, "clicked");
  }
  wait_step_ticked (panel, AM_TOUR_STEP_SHARE);

  /* 8. Bob's side: the panel's own button switches to the profile Sandbox (bob). */
  screenshot_step (window, "8-bob");
  press_in_current_step (panel, AM_TOUR_STEP_BOB_SEES, "_Switch to bob");
  wait_profile (session, AM_SESSION_SANDBOX_BOB_PROFILE);
  g_assert_cmpstr (am_session_get_account (session), ==, AM_SANDBOX_BOB_ACCOUNT_ID);
  wait_step_ticked (panel, AM_TOUR_STEP_BOB_SEES);

  /* 9. Back to alice from the next step, as the panel offers. */
  press_in_current_step (panel, AM_TOUR_STEP_DEPRECATE, "Switch Back to _alice");
  wait_profile (session, AM_SESSION_SANDBOX_PROFILE);
  g_assert_cmpstr (am_session_get_account (session), ==, AM_SANDBOX_ALICE_ACCOUNT_ID);
  /* As alice, the step no longer offers to switch to her. */
  {
    GtkWidget *row = am_ui_test_get_widget (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX_ROW, "deprecate");

    am_ui_test_iterate ();
    g_assert_false (gtk_widget_get_visible (am_ui_test_get_widget (row, GTK_TYPE_BUTTON, "Switch Back to _alice")));
  }

  /* 9. Deprecation: alice's image selected, Deprecation is marked; its dialog schedules one
   * (the date it proposes, a year ahead). */
  select_own_image (window, images, own_image_id);
  press_marked (panel, window, GTK_WIDGET (images), "images.deprecation", "9-deprecate");
  {
    GtkWidget *deprecation = am_ui_test_wait_for_window_of_type (AM_TYPE_DEPRECATION_DIALOG);
    GtkWidget *apply;

    g_assert_nonnull (deprecation);
    gtk_switch_set_active (GTK_SWITCH (am_ui_test_get_widget (deprecation, GTK_TYPE_SWITCH, "deprecate_switch")), TRUE);
    am_ui_test_iterate ();
    apply = am_ui_test_get_widget (deprecation, GTK_TYPE_BUTTON, "apply_button");
    g_assert_true (gtk_widget_is_sensitive (apply));
    g_signal_emit_by_name (apply, "clicked");
  }
  wait_step_ticked (panel, AM_TOUR_STEP_DEPRECATE);

  /* 10. Launch template and Auto Scaling: Launch Template is marked; the wizard in template
   * mode, then its Create Auto Scaling Group saves the template and starts the group. */
  select_own_image (window, images, own_image_id);
  press_marked (panel, window, GTK_WIDGET (images), "images.launch-template", "10-auto-scaling");
  wizard = open_wizard ();
  wizard_to_review (wizard, one_zone, 0);
  g_assert_false (gtk_widget_get_visible (wizard_find (wizard, GTK_TYPE_BUTTON, "launch_button")));
  wizard_click (wizard_find (wizard, GTK_TYPE_BUTTON, "asg_button"));
  {
    GtkWidget *asg = am_ui_test_wait_for_window_of_type (AM_TYPE_AUTO_SCALING_DIALOG);

    g_assert_nonnull (asg);
    wizard_type (am_ui_test_get_widget (asg, ADW_TYPE_ENTRY_ROW, "asg-name"), "tour-web-asg");
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (am_ui_test_get_widget (asg, GTK_TYPE_SPIN_BUTTON, "asg-max")), 2);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (am_ui_test_get_widget (asg, GTK_TYPE_SPIN_BUTTON, "asg-desired")), 1);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (am_ui_test_get_widget (asg, GTK_TYPE_SPIN_BUTTON, "asg-min")), 1);
    am_ui_test_iterate ();
    g_assert_true (gtk_widget_is_sensitive (am_ui_test_get_widget (asg, GTK_TYPE_BUTTON, "asg-create")));
    wizard_click (am_ui_test_get_widget (asg, GTK_TYPE_BUTTON, "asg-create"));
    g_assert_true (am_ui_test_wait_until (group_created, asg, 120000));
    g_assert_nonnull (am_auto_scaling_dialog_get_template (AM_AUTO_SCALING_DIALOG (asg)));
    g_assert_cmpstr (am_auto_scaling_group_get_name (am_auto_scaling_dialog_get_group (AM_AUTO_SCALING_DIALOG (asg))),
                     ==, "tour-web-asg");
    gtk_window_destroy (GTK_WINDOW (asg));
  }
  gtk_window_destroy (GTK_WINDOW (wizard));
  am_ui_test_iterate ();
  wait_step_ticked (panel, AM_TOUR_STEP_AUTO_SCALING);

  /* 11. Deregister with its snapshots: Deregister is marked; the dialog, told to delete the
   * snapshots and (the image still runs instances) to go on anyway, retires the image. */
  select_own_image (window, images, own_image_id);
  press_marked (panel, window, GTK_WIDGET (images), "images.deregister", "11-deregister");
  {
    GtkWidget *deregister = am_ui_test_wait_for_window_of_type (AM_TYPE_DEREGISTER_DIALOG);
    AmUsedByCheck *check;
    GtkWidget *snapshots;

    g_assert_nonnull (deregister);
    g_object_ref (deregister);
    check = am_deregister_dialog_get_used_by (AM_DEREGISTER_DIALOG (deregister));
    g_assert_true (am_ui_test_wait_until (used_by_answered, check, 60000));
    if (!am_used_by_check_get_cleared (check))
      gtk_check_button_set_active (am_used_by_check_get_override (check), TRUE);
    snapshots = find_check_button (deregister, "Also delete its _snapshots");
    g_assert_nonnull (snapshots);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (snapshots), TRUE);
    am_ui_test_wait_response_enabled (deregister, "deregister");
    am_ui_test_message_dialog_press (deregister, "deregister");
    g_assert_true (am_ui_test_wait_until (deregister_idle, deregister, 120000));
    if (gtk_widget_get_mapped (deregister))
      gtk_window_destroy (GTK_WINDOW (deregister));
    g_object_unref (deregister);
  }
  wait_step_ticked (panel, AM_TOUR_STEP_DEREGISTER);

  /* Every step ticked, through the widgets alone. */
  g_assert_cmpuint (am_tour_checker_get_n_done (am_tour_panel_get_checker (panel)), ==, AM_TOUR_N_STEPS);
  g_assert_cmpint (am_tour_checker_get_current (am_tour_panel_get_checker (panel)), ==, AM_TOUR_N_STEPS);
  screenshot_step (window, "12-done");

  /* Reset Sandbox (after asking): the launched instance is gone and the tour starts over. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "tour.reset", NULL));
  dialog = am_ui_test_wait_for_window_of_type (ADW_TYPE_MESSAGE_DIALOG);
  am_ui_test_screenshot_light_dark (dialog, "tour-reset-dialog", 400);
  am_ui_test_message_dialog_press (dialog, "reset");
  g_assert_cmpuint (am_tour_checker_get_n_done (am_tour_panel_get_checker (panel)), ==, 0);
  am_ui_test_wait_until (no_instances, session, 90000);
  g_assert_true (no_instances (session));
  g_assert_cmpint (am_tour_checker_get_current (am_tour_panel_get_checker (panel)), ==, AM_TOUR_STEP_ANATOMY);

  gtk_window_destroy (GTK_WINDOW (window));
  am_ui_test_iterate ();
}

int
main (int    argc,
      char **argv)
{
  am_ui_test_init (&argc, &argv);
  g_test_add_func ("/tour/drive", test_tour_drive);
  return g_test_run ();
}
