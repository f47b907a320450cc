/* test-accessibility.c: every icon-only button of the window, the wizard and the dialogs has a name
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 has no public getter for accessible properties, but it has a public testing API,
 * gtk_test_accessible_has_property () and gtk_test_accessible_check_property (), that reads what
 * the widget's AT context holds. It only works with a real context: under GTK_A11Y=none (the
 * suite's setting) widgets have none, so this program switches to GTK's "test" backend before
 * GTK starts. gtk_test_accessible_check_property () returns NULL when the value equals the
 * expected one and otherwise the value the context holds, as a string (GTK 4.8's
 * gtk_accessible_value_to_string); asking for an impossible value therefore yields the name.
 * The tooltip is no substitute: GTK 4.8 puts it into the description, never into the name.
 */
#define G_LOG_DOMAIN "test-accessibility"

#include "config.h"

#include "am-application.h"
#include "am-copy-image-dialog.h"
#include "am-deprecation-dialog.h"
#include "am-deregister-dialog.h"
#include "am-description-dialog.h"
#include "am-images-view-private.h"
#include "am-imds-dialog.h"
#include "am-instances-view.h"
#include "am-permissions-dialog.h"
#include "am-protection-dialog.h"
#include "am-tags-editor.h"
#include "am-window.h"
#include "test-dialogs-common.h"
#include "test-wizard-common.h"

/* A value no widget carries, so check_property always reports the real one. */
#define IMPOSSIBLE_NAME "\x01"

/* The accessible label of @widget, or NULL when it has none. */
static char *
accessible_label (GtkWidget *widget)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;
  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                             IMPOSSIBLE_NAME);
}

static gboolean
child_is_image (GtkWidget *widget)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  return child != NULL && GTK_IS_IMAGE (child) && gtk_widget_get_next_sibling (child) == NULL;
}

/* A button that shows only an icon: a GtkButton (or GtkToggleButton) with an icon name or an
 * image as its only child, or a GtkMenuButton the same way. The toggle button inside a
 * GtkMenuButton is its implementation: the menu button is checked instead. */
static gboolean
is_icon_only_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    {
      const char *label = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));

      return (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) != NULL && label == NULL)
             || (label == NULL && gtk_menu_button_get_child (GTK_MENU_BUTTON (widget)) != NULL
                 && GTK_IS_IMAGE (gtk_menu_button_get_child (GTK_MENU_BUTTON (widget))));
    }
  if (GTK_IS_BUTTON (widget))
    {
      GtkWidget *parent = gtk_widget_get_parent (widget);

      if (parent != NULL && GTK_IS_MENU_BUTTON (parent))
        return FALSE;
      if (gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL
          && gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
        return TRUE;
      return gtk_button_get_label (GTK_BUTTON (widget)) == NULL && child_is_image (widget);
    }
  return FALSE;
}

/* A mnemonic underscore: "_" before a letter at the start of a word ("_Copy", "Save _As"). */
static gboolean
has_mnemonic (const char *name)
{
  for (const char *p = name; *p != '\0'; p++)
    if (*p == '_' && g_ascii_isalpha (p[1]) && (p == name || p[-1] == ' '))
      return TRUE;
  return FALSE;
}

static char *
describe (GtkWidget *widget)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  const char *icon = GTK_IS_MENU_BUTTON (widget) ? gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget))
                     : GTK_IS_BUTTON (widget) ? gtk_button_get_icon_name (GTK_BUTTON (widget)) : NULL;

  return g_strdup_printf ("%s name=%s icon=%s tooltip=%s", G_OBJECT_TYPE_NAME (widget),
                          gtk_widget_get_name (widget), icon ? icon : "-", tooltip ? tooltip : "-");
}

static void
walk (GtkWidget *widget,
      GPtrArray *findings,
      guint     *n_buttons)
{
  g_autofree char *label = accessible_label (widget);
  g_autofree char *what = describe (widget);

  if (is_icon_only_button (widget))
    {
      (*n_buttons)++;
      if ((label == NULL || *label == '\0')
          && !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
        g_ptr_array_add (findings, g_strdup_printf ("icon-only button without a name: %s", what));
    }
  if (label != NULL && has_mnemonic (label))
    g_ptr_array_add (findings, g_strdup_printf ("name “%s” carries a mnemonic: %s", label, what));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (child, findings, n_buttons);
}

/* Walks @root and fails the test with every finding listed. */
static void
check_tree (GtkWidget  *root,
            const char *where)
{
  g_autoptr (GPtrArray) findings = g_ptr_array_new_with_free_func (g_free);
  guint n_buttons = 0;

  walk (root, findings, &n_buttons);
  g_test_message ("%s: %u icon-only buttons, %u findings", where, n_buttons, findings->len);
  for (guint i = 0; i < findings->len; i++)
    g_test_message ("%s: %s", where, (const char *) g_ptr_array_index (findings, i));
  if (findings->len > 0)
    {
      g_autofree char *msg = g_strdup_printf ("%s: %u accessibility findings (see above)", where, findings->len);

      g_test_fail_printf ("%s", msg);
    }
}

/* The self-test: the walker sees what it is meant to see. */
static void
test_walker (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *named = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  GtkWidget *unnamed = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  GtkWidget *menu = gtk_menu_button_new ();
  GtkWidget *text = gtk_button_new_with_mnemonic ("_Copy");
  GtkWidget *mnemonic = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  g_autoptr (GPtrArray) findings = g_ptr_array_new_with_free_func (g_free);
  guint n_buttons = 0;

  g_object_ref_sink (box);
  gtk_widget_set_tooltip_text (unnamed, "Copy");
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "open-menu-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (named), GTK_ACCESSIBLE_PROPERTY_LABEL, "Copy", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (mnemonic), GTK_ACCESSIBLE_PROPERTY_LABEL, "_Copy", -1);
  gtk_box_append (GTK_BOX (box), named);
  gtk_box_append (GTK_BOX (box), unnamed);
  gtk_box_append (GTK_BOX (box), menu);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), mnemonic);
  walk (box, findings, &n_buttons);
  g_assert_cmpuint (n_buttons, ==, 4);
  g_assert_cmpuint (findings->len, ==, 3);
  g_object_unref (box);
}

static gboolean
images_have_rows (gpointer data)
{
  return am_ui_test_images_listed (data);
}

static void
run_dialog (DlgFixture *dlg,
            AmImage    *image,
            const char *action,
            GType       type)
{
  g_autoptr (GPtrArray) images = dlg_one_image (image);
  DlgRun run = { 0 };
  GtkWidget *dialog = dlg_run_action (dlg, dlg->alice, action, images, type, &run);

  am_ui_test_iterate ();
  check_tree (dialog, action);
  if (g_str_equal (action, "tags"))
    dlg_screenshot (dialog, "a11y-tags");
  gtk_window_close (GTK_WINDOW (dialog));
  dlg_wait_run (&run);
  dlg_run_clear (&run);
}

static void
test_everything (void)
{
  g_autoptr (AmApplication) app = am_ui_test_application_new ();
  WizardFixture f = { 0 };
  AmLaunchWizard *w;
  AmWindow *window;
  AmImagesView *images;
  GtkWidget *instances;
  GPtrArray *launched;
  const char *zones[] = { "us-east-1a", NULL };

  wizard_fixture_start (&f, NULL);
  w = f.wizard;
  window = am_window_new_with_session (app, f.session);
  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));
  am_ui_test_wait_mapped (GTK_WIDGET (window));

  /* The main window, Images, with an image selected. */
  images = AM_IMAGES_VIEW (am_ui_test_get_widget (GTK_WIDGET (window), AM_TYPE_IMAGES_VIEW, NULL));
  g_assert_true (am_ui_test_wait_until (images_have_rows, images, 30000));
  gtk_selection_model_select_item (_am_images_view_get_selection (images), 0, TRUE);
  am_ui_test_iterate ();
  check_tree (GTK_WIDGET (window), "images view");

  /* The wizard, page by page, up to its result. */
  gtk_window_set_transient_for (GTK_WINDOW (w), GTK_WINDOW (window));
  check_tree (GTK_WIDGET (w), "wizard image page");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (wizard_row_widget (w, "image-list", WIZARD_IMAGE_X86)), TRUE);
  am_ui_test_iterate ();
  wizard_next (w, AM_LAUNCH_STEP_INSTANCE_TYPE);
  check_tree (GTK_WIDGET (w), "wizard instance type page");
  wizard_next (w, AM_LAUNCH_STEP_KEY_PAIR);
  check_tree (GTK_WIDGET (w), "wizard key pair page");
  wizard_skip_key_choose_subnets (w, zones);
  check_tree (GTK_WIDGET (w), "wizard network page");
  for (AmLaunchStep step = AM_LAUNCH_STEP_STORAGE; step <= AM_LAUNCH_STEP_REVIEW; step++)
    {
      g_autofree char *where = g_strdup_printf ("wizard page %d", (int) step);

      wizard_next (w, step);
      check_tree (GTK_WIDGET (w), where);
    }
  wizard_click (wizard_find (w, GTK_TYPE_BUTTON, "launch_button"));
  wizard_wait_idle (w);
  check_tree (GTK_WIDGET (w), "wizard result page");
  launched = am_launch_wizard_get_launched (w);
  g_assert_cmpuint (launched->len, ==, 1);

  /* The main window, Instances, with the new instance selected. */
  am_window_show_view (window, "instances");
  instances = am_ui_test_get_widget (GTK_WIDGET (window), AM_TYPE_INSTANCES_VIEW, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL));
  for (guint i = 0; i < 300; i++)
    {
      if (am_instances_view_select_instance (AM_INSTANCES_VIEW (instances),
                                             am_instance_get_instance_id (g_ptr_array_index (launched, 0))))
        break;
      g_usleep (100000);
      am_ui_test_iterate ();
    }
  g_assert_true (am_instances_view_select_instance (AM_INSTANCES_VIEW (instances),
                                                    am_instance_get_instance_id (g_ptr_array_index (launched, 0))));
  am_ui_test_iterate ();
  check_tree (GTK_WIDGET (window), "instances view");
  am_ui_test_screenshot_light_dark (GTK_WIDGET (window), "a11y-instances", 300);

  /* Each image dialog, on one of alice's own images. */
  {
    DlgFixture dlg = { f.sandbox, f.session, NULL, GTK_WINDOW (window) };
    g_autoptr (GPtrArray) owned = dlg_owned_images (f.session);
    static const struct { const char *action; GType (*type) (void); } dialogs[] = {
      { "tags", am_tags_editor_get_type },
      { "permissions", am_permissions_dialog_get_type },
      { "description", am_description_dialog_get_type },
      { "deprecation", am_deprecation_dialog_get_type },
      { "protection", am_protection_dialog_get_type },
      { "imds", am_imds_dialog_get_type },
      { "deregister", am_deregister_dialog_get_type },
      { "copy", am_copy_image_dialog_get_type },
    };

    g_assert_cmpuint (owned->len, >, 0);
    for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
      run_dialog (&dlg, g_ptr_array_index (owned, 0), dialogs[i].action, dialogs[i].type ());
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  wizard_fixture_stop (&f);
}

int
main (int   argc,
      char *argv[])
{
  /* A real AT context, so that gtk_test_accessible_* can read it (see the top of the file). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  am_ui_test_init (&argc, &argv);
  g_test_add_func ("/accessibility/walker", test_walker);
  g_test_add_func ("/accessibility/window-wizard-dialogs", test_everything);
  return g_test_run ();
}
