/* am-tour-panel.c: the guided tour's side panel: a checklist that ticks itself from the sandbox
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-tour-panel"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "am-tour-panel.h"

#include "am-sandbox-process.h"
#include "am-session.h"
#include "am-welcome.h"

/* The sandbox is read again this often while the panel is open, and after each action. */
#define CHECK_INTERVAL_S   10
#define HIGHLIGHT_INTERVAL_MS 1500
#define AFTER_ACTION_MS    800

typedef struct
{
  const char *title;
  const char *text;
  /* where to act: a GtkActionable's action, or a widget type's name ("Type:…") */
  const char *target;
} StepInfo;

static const StepInfo steps[AM_TOUR_N_STEPS] = {
  { N_("What an AMI holds"),
    N_("An Amazon Machine Image is what EC2 needs to start a server: a template of the root volume "
       "(a snapshot of a disk), launch permissions that say which accounts may use it, and a block "
       "device mapping of the volumes attached at launch. Select any image: its details show these parts."),
    "Type:AmImageDetails" },
  { N_("Find an image"),
    N_("Images are listed by owner: yours, shared with you, Amazon’s, the Marketplace’s, every public "
       "one, and a Quick Start choice. Pick a scope, then narrow the list with the search and the "
       "filters for platform, architecture and root device."),
    "Type:AmImagesView>GtkDropDown" },
  { N_("Launch an instance"),
    N_("Select an image and press Launch Instance. The wizard asks for an instance type, a key pair, the "
       "network and the storage, then starts the instance; in the sandbox nothing costs anything."),
    "images.launch" },
  { N_("Tag it"),
    N_("Tags are your own labels, such as Environment = demo. In Instances, select the new instance "
       "and add a tag other than Name."),
    "instances.tags" },
  { N_("Create your own image"),
    N_("A configured instance can become a new AMI: select it in Instances and choose Create Image. "
       "EC2 snapshots its volumes, and those snapshots become the new image’s root volume template."),
    "instances.create-image" },
  { N_("Launch it into two zones"),
    N_("Find your new image under Owned by Me and launch it again. On the wizard’s network page choose "
       "subnets in two Availability Zones: one request per zone starts the instances side by side."),
    "images.launch" },
  { N_("Share it with bob"),
    N_("Launch permissions decide who may use an image. Open your image’s permissions and add bob’s "
       "account, 444455556666."),
    "images.permissions" },
  { N_("See it from bob’s side"),
    N_("Switch to bob’s account: your image is listed under Shared with Me, though he does not own it. "
       "Switch back to alice when you have seen it."),
    NULL },
  { N_("Schedule a deprecation"),
    N_("A deprecation date says an image is out of date: it leaves public listings but still launches. "
       "Set one on your image with Deprecation."),
    "images.deprecation" },
  { N_("Launch template and Auto Scaling"),
    N_("A launch template keeps the wizard’s choices without a count or subnets; an Auto Scaling group "
       "launches from it and keeps as many instances running as you ask. Save a template from your "
       "image, then create a group from it."),
    "images.launch-template" },
  { N_("Deregister with its snapshots"),
    N_("Deregistering retires an image: no new instance can launch from it. Deregister your image and "
       "delete its snapshots too, or on AWS they would go on costing storage."),
    "images.deregister" },
};

struct _AmTourPanel
{
  GtkBox          parent_instance;

  /* template widgets */
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;
  GtkListBox     *step_list;
  GtkLabel       *status_label;

  /* per step: its row, the icon, the explanation and its buttons */
  GtkWidget      *rows[AM_TOUR_N_STEPS];
  GtkWidget      *icons[AM_TOUR_N_STEPS];
  GtkWidget      *details[AM_TOUR_N_STEPS];

  /* owned */
  AmTourChecker  *checker;
  GCancellable   *cancellable;
  GSimpleActionGroup *actions;

  /* borrowed */
  AmWindow       *window;
  AdwFlap        *flap;
  GtkWidget      *target;          /* weak pointer */

  /* state */
  guint           check_source;
  guint           soon_source;
  guint           highlight_source;
  gboolean        checking;
  gboolean        watching_session;
  gboolean        check_again;
  guint           n_checks;
};

G_DEFINE_FINAL_TYPE (AmTourPanel, am_tour_panel, GTK_TYPE_BOX)

static void am_tour_panel_check (AmTourPanel *self);

/* Where to act */

static gboolean
widget_shown (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

static GtkWidget *
find_target (GtkWidget  *root,
             const char *target)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!widget_shown (child) || AM_IS_TOUR_PANEL (child))
        continue;
      if (g_str_has_prefix (target, "Type:"))
        {
          /* "Type:Outer>Inner": the first Inner within the first Outer */
          g_auto (GStrv) types = g_strsplit (target + strlen ("Type:"), ">", 2);
          GType type = g_type_from_name (types[0]);

          if (type != 0 && G_TYPE_CHECK_INSTANCE_TYPE (child, type))
            {
              g_autofree char *inner = NULL;

              if (types[1] == NULL)
                return child;
              inner = g_strconcat ("Type:", types[1], NULL);
              return find_target (child, inner);
            }
        }
      else if (GTK_IS_ACTIONABLE (child) &&
               g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), target) == 0)
        return child;
      if ((found = find_target (child, target)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr (GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
      while (g_menu_link_iter_next (links))
        {
          g_autoptr (GMenuModel) linked = g_menu_link_iter_get_value (links);

          if (menu_has_action (linked, action))
            return TRUE;
        }
    }
  return FALSE;
}

/* An action only in a menu: the menu button that opens it. */
static GtkWidget *
find_menu_button (GtkWidget  *root,
                  const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!widget_shown (child) || AM_IS_TOUR_PANEL (child))
        continue;
      if (GTK_IS_MENU_BUTTON (child) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (child)) != NULL &&
          menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (child)), action))
        return child;
      if ((found = find_menu_button (child, action)) != NULL)
        return found;
    }
  return NULL;
}

static void
am_tour_panel_set_target (AmTourPanel *self,
                          GtkWidget   *target)
{
  if (self->target == target)
    return;
  if (self->target != NULL)
    {
      gtk_widget_remove_css_class (self->target, "tour-target");
      g_object_remove_weak_pointer (G_OBJECT (self->target), (gpointer *) &self->target);
    }
  self->target = target;
  if (target != NULL)
    {
      gtk_widget_add_css_class (target, "tour-target");
      g_object_add_weak_pointer (G_OBJECT (target), (gpointer *) &self->target);
    }
}

static void
am_tour_panel_highlight (AmTourPanel *self)
{
  AmTourStep current = am_tour_checker_get_current (self->checker);
  GtkWidget *target = NULL;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && current < AM_TOUR_N_STEPS && steps[current].target != NULL)
    target = find_target (GTK_WIDGET (self->window), steps[current].target);
  if (target == NULL && current < AM_TOUR_N_STEPS && steps[current].target != NULL &&
      !g_str_has_prefix (steps[current].target, "Type:"))
    target = find_menu_button (GTK_WIDGET (self->window), steps[current].target);
  am_tour_panel_set_target (self, target);
}

static gboolean
am_tour_panel_highlight_cb (gpointer user_data)
{
  am_tour_panel_highlight (user_data);
  return G_SOURCE_CONTINUE;
}

/* The checklist */

/* A step's "Switch to …" button only where it would change the profile. */
static void
am_tour_panel_update_switches (AmTourPanel *self)
{
  AmSession *session = self->window != NULL ? am_window_get_session (self->window) : NULL;
  const char *current = session != NULL ? am_session_get_profile_name (session) : NULL;

  for (guint s = 0; s < AM_TOUR_N_STEPS && self->details[s] != NULL; s++)
    for (GtkWidget *child = gtk_widget_get_first_child (self->details[s]); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        const char *profile = g_object_get_data (G_OBJECT (child), "profile");

        if (profile != NULL)
          gtk_widget_set_visible (child, g_strcmp0 (profile, current) != 0);
      }
}

static void
am_tour_panel_update (AmTourPanel *self)
{
  AmTourStep current = am_tour_checker_get_current (self->checker);
  guint n_done = am_tour_checker_get_n_done (self->checker);
  g_autofree char *progress = NULL;

  if (current == AM_TOUR_N_STEPS)
    progress = g_strdup (_("All done: you have seen every part of an AMI’s life"));
  else
    progress = g_strdup_printf (_("%u of %u steps done"), n_done, (guint) AM_TOUR_N_STEPS);
  gtk_label_set_label (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) n_done / AM_TOUR_N_STEPS);

  for (guint s = 0; s < AM_TOUR_N_STEPS; s++)
    {
      gboolean done = am_tour_checker_is_done (self->checker, s);

      gtk_image_set_from_icon_name (GTK_IMAGE (self->icons[s]),
                                    done ? "emblem-ok-symbolic"
                                         : s == current ? "go-next-symbolic" : "radio-symbolic");
      if (done)
        gtk_widget_add_css_class (self->icons[s], "tour-done-icon");
      else
        gtk_widget_remove_css_class (self->icons[s], "tour-done-icon");
      gtk_widget_set_visible (self->details[s], s == current);
      if (s == current)
        gtk_widget_add_css_class (self->rows[s], "tour-current");
      else
        gtk_widget_remove_css_class (self->rows[s], "tour-current");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->rows[s]), GTK_ACCESSIBLE_STATE_CHECKED,
                                   done ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
    }
  am_tour_panel_update_switches (self);
  am_tour_panel_highlight (self);
}

static void
got_it_clicked_cb (GtkButton   *button,
                   AmTourPanel *self)
{
  AmTourStep step = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "step"));

  am_tour_checker_mark_read (self->checker, step);
}

static void
switch_account_clicked_cb (GtkButton   *button,
                           AmTourPanel *self)
{
  const char *profile = g_object_get_data (G_OBJECT (button), "profile");

  am_window_connect (self->window, profile, NULL);
}

static GtkWidget *
step_button_new (AmTourPanel *self,
                 const char  *label,
                 GCallback    callback,
                 AmTourStep   step,
                 const char  *profile)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (button), "step", GUINT_TO_POINTER (step));
  g_object_set_data (G_OBJECT (button), "profile", (gpointer) profile);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static void
am_tour_panel_build_rows (AmTourPanel *self)
{
  for (guint s = 0; s < AM_TOUR_N_STEPS; s++)
    {
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *title = gtk_label_new (_(steps[s].title));
      GtkWidget *details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *text = gtk_label_new (_(steps[s].text));

      self->icons[s] = gtk_image_new ();
      gtk_box_append (GTK_BOX (heading), self->icons[s]);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 30);
      gtk_widget_add_css_class (title, "heading");
      gtk_box_append (GTK_BOX (heading), title);
      gtk_box_append (GTK_BOX (box), heading);

      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (text), 34);
      gtk_label_set_width_chars (GTK_LABEL (text), 34);
      gtk_box_append (GTK_BOX (details), text);
      if (s == AM_TOUR_STEP_ANATOMY || s == AM_TOUR_STEP_FIND)
        gtk_box_append (GTK_BOX (details), step_button_new (self, _("_Got It"), G_CALLBACK (got_it_clicked_cb), s, NULL));
      if (s == AM_TOUR_STEP_BOB_SEES)
        gtk_box_append (GTK_BOX (details),
                        step_button_new (self, _("_Switch to bob"), G_CALLBACK (switch_account_clicked_cb), s,
                                         AM_SESSION_SANDBOX_BOB_PROFILE));
      if (s == AM_TOUR_STEP_DEPRECATE)
        gtk_box_append (GTK_BOX (details),
                        step_button_new (self, _("Switch Back to _alice"), G_CALLBACK (switch_account_clicked_cb), s,
                                         AM_SESSION_SANDBOX_PROFILE));
      gtk_widget_add_css_class (details, "tour-step-details");
      gtk_box_append (GTK_BOX (box), details);
      self->details[s] = details;

      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_name (row, am_tour_step_get_id (s));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, _(steps[s].title), -1);
      gtk_list_box_append (self->step_list, row);
      self->rows[s] = row;
    }
}

/* Checking the sandbox */

static void
am_tour_panel_check_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr (AmTourPanel) self = user_data;
  g_autoptr (GError) error = NULL;

  self->checking = FALSE;
  if (!am_tour_checker_check_finish (AM_TOUR_CHECKER (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      {
        g_autofree char *text = g_strdup_printf (_("Could not read the sandbox’s state: %s The tour "
                                                   "tries again in a few seconds."), error->message);

        gtk_label_set_label (self->status_label, text);
        gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
      }
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  self->n_checks++;
  if (self->check_again)
    {
      self->check_again = FALSE;
      am_tour_panel_check (self);
    }
}

static void
am_tour_panel_check (AmTourPanel *self)
{
  AmSession *session = am_window_get_session (self->window);

  if (self->checking)
    {
      self->check_again = TRUE;
      return;
    }
  if (am_session_get_state (session) != AM_SESSION_STATE_READY || !am_session_is_sandbox (session))
    {
      gtk_label_set_label (self->status_label,
                           _("The tour runs on the built-in sandbox: choose Sandbox in the profile menu."));
      gtk_widget_set_visible (GTK_WIDGET (self->status_label),
                              am_session_get_state (session) == AM_SESSION_STATE_READY);
      return;
    }

  self->checking = TRUE;
  am_tour_checker_check_async (self->checker, am_session_get_client (session), am_session_get_account (session),
                               self->cancellable, am_tour_panel_check_cb, g_object_ref (self));
}

void
am_tour_panel_check_now (AmTourPanel *self)
{
  g_return_if_fail (AM_IS_TOUR_PANEL (self));

  am_tour_panel_check (self);
}

static gboolean
am_tour_panel_check_timer_cb (gpointer user_data)
{
  am_tour_panel_check (user_data);
  return G_SOURCE_CONTINUE;
}

static gboolean
am_tour_panel_check_soon_cb (gpointer user_data)
{
  AmTourPanel *self = user_data;

  self->soon_source = 0;
  am_tour_panel_check (self);
  return G_SOURCE_REMOVE;
}

/* After an action (a dialog closed, instances launched, another account): read again soon. */
static void
am_tour_panel_check_soon (AmTourPanel *self)
{
  if (!am_tour_panel_get_revealed (self) || self->soon_source != 0)
    return;
  self->soon_source = g_timeout_add (AFTER_ACTION_MS, am_tour_panel_check_soon_cb, self);
}

static void
am_tour_panel_start (AmTourPanel *self)
{
  /* The window has its session once constructed, after the panel was attached. */
  if (!self->watching_session)
    {
      AmSession *session = am_window_get_session (self->window);

      self->watching_session = TRUE;
      g_signal_connect_object (session, "notify::state", G_CALLBACK (am_tour_panel_check_soon), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::state", G_CALLBACK (am_tour_panel_update_switches), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "instances-launched", G_CALLBACK (am_tour_panel_check_soon), self,
                               G_CONNECT_SWAPPED);
    }
  if (self->check_source == 0)
    self->check_source = g_timeout_add_seconds (CHECK_INTERVAL_S, am_tour_panel_check_timer_cb, self);
  if (self->highlight_source == 0)
    self->highlight_source = g_timeout_add (HIGHLIGHT_INTERVAL_MS, am_tour_panel_highlight_cb, self);
  am_tour_panel_check (self);
  am_tour_panel_update (self);
}

static void
am_tour_panel_stop (AmTourPanel *self)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_handle_id (&self->soon_source, g_source_remove);
  g_clear_handle_id (&self->highlight_source, g_source_remove);
  am_tour_panel_set_target (self, NULL);
}

/* Reset Sandbox */

static void
reset_sandbox_exited_cb (AmSandboxProcess *process,
                         AmTourPanel      *self)
{
  AmSession *session = am_window_get_session (self->window);

  g_signal_handlers_disconnect_by_func (process, reset_sandbox_exited_cb, self);
  /* The session restarts a sandbox that died young by itself; else it waits to be asked. */
  if (am_session_get_state (session) != AM_SESSION_STATE_CONNECTING)
    am_session_restart_sandbox (session);
  g_object_unref (self);
}

static void
am_tour_panel_reset_sandbox (AmTourPanel *self)
{
  AmSession *session = am_window_get_session (self->window);
  AmSandboxProcess *process = am_session_get_sandbox_process (session);
  g_autofree char *state = g_build_filename (g_get_user_data_dir (), "amiable", "sandbox", "state.json", NULL);

  am_tour_checker_reset (self->checker);
  /* The sandbox writes its state only when a request changes it: without the file, the next
   * start seeds a new sandbox. */
  if (g_unlink (state) != 0 && errno != ENOENT)
    {
      g_autofree char *text = g_strdup_printf (_("Could not remove %s: %s. Check the permissions of that folder."),
                                               state, g_strerror (errno));

      am_window_add_toast (self->window, adw_toast_new (text));
      return;
    }
  if (process == NULL || am_sandbox_process_get_endpoint (process) == NULL)
    {
      am_session_restart_sandbox (session);
      return;
    }
  g_signal_connect_after (process, "exited", G_CALLBACK (reset_sandbox_exited_cb), g_object_ref (self));
  am_sandbox_process_stop (process);
}

static void
reset_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   AmTourPanel      *self)
{
  if (g_strcmp0 (response, "reset") == 0)
    am_tour_panel_reset_sandbox (self);
}

static void
reset_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  AmTourPanel *self = user_data;
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self->window), _("Reset the Sandbox?"),
                                   _("Every image, instance, template and group made in the sandbox is removed, "
                                     "for alice and for bob, and the tour starts over. Your AWS profiles are "
                                     "not touched."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reset_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Showing and attaching */

void
am_tour_panel_set_revealed (AmTourPanel *self,
                            gboolean     revealed)
{
  GAction *action;

  g_return_if_fail (AM_IS_TOUR_PANEL (self));

  adw_flap_set_reveal_flap (self->flap, revealed);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "show");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (revealed));
  if (revealed)
    am_tour_panel_start (self);
  else
    am_tour_panel_stop (self);
}

gboolean
am_tour_panel_get_revealed (AmTourPanel *self)
{
  g_return_val_if_fail (AM_IS_TOUR_PANEL (self), FALSE);

  return self->flap != NULL && adw_flap_get_reveal_flap (self->flap);
}

static void
show_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  AmTourPanel *self = user_data;

  am_tour_panel_set_revealed (self, !am_tour_panel_get_revealed (self));
}

static void
welcome_action_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  AmTourPanel *self = user_data;

  gtk_window_present (GTK_WINDOW (am_welcome_new (self->window)));
}

static void
flap_reveal_changed_cb (AmTourPanel *self)
{
  /* A folded flap closes when the user clicks beside it. */
  if (adw_flap_get_reveal_flap (self->flap) != (self->check_source != 0))
    am_tour_panel_set_revealed (self, adw_flap_get_reveal_flap (self->flap));
}

static void
window_removed_cb (GtkApplication *application,
                   GtkWindow      *window,
                   AmTourPanel    *self)
{
  am_tour_panel_check_soon (self);
}

static void
am_tour_panel_root_changed (AmTourPanel *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self->window));

  if (application != NULL)
    g_signal_connect_object (application, "window-removed", G_CALLBACK (window_removed_cb), self, 0);
}

AmTourPanel *
am_tour_panel_attach (AmWindow *window)
{
  static const GActionEntry entries[] = {
    { "show", show_action_cb, NULL, "false" },
    { "welcome", welcome_action_cb },
    { "reset", reset_action_cb },
  };
  AmTourPanel *self;
  AdwToastOverlay *overlay;

  g_return_val_if_fail (AM_IS_WINDOW (window), NULL);

  self = g_object_new (AM_TYPE_TOUR_PANEL, NULL);
  self->window = window;
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);

  /* The window's template wraps its content in a flap whose side is the panel: moving the
   * content into one here would leave GTK 4.8's buttons with stale action states. */
  overlay = ADW_TOAST_OVERLAY (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)));
  self->flap = ADW_FLAP (adw_toast_overlay_get_child (overlay));
  g_return_val_if_fail (ADW_IS_FLAP (self->flap), NULL);
  adw_flap_set_flap (self->flap, GTK_WIDGET (self));
  /* On the window: the main menu, the panel and shortcuts all reach them. */
  gtk_widget_insert_action_group (GTK_WIDGET (window), "tour", G_ACTION_GROUP (self->actions));
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (flap_reveal_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (window), "am-tour-panel", self);

  g_signal_connect_object (window, "notify::application", G_CALLBACK (am_tour_panel_root_changed), self,
                           G_CONNECT_SWAPPED);
  am_tour_panel_root_changed (self);

  return self;
}

AmTourPanel *
am_tour_panel_get_for_window (GtkWidget *window)
{
  g_return_val_if_fail (GTK_IS_WIDGET (window), NULL);

  return g_object_get_data (G_OBJECT (window), "am-tour-panel");
}

AmTourChecker *
am_tour_panel_get_checker (AmTourPanel *self)
{
  g_return_val_if_fail (AM_IS_TOUR_PANEL (self), NULL);

  return self->checker;
}

GtkWidget *
am_tour_panel_get_target (AmTourPanel *self)
{
  g_return_val_if_fail (AM_IS_TOUR_PANEL (self), NULL);

  return self->target;
}

guint
am_tour_panel_get_checks (AmTourPanel *self)
{
  g_return_val_if_fail (AM_IS_TOUR_PANEL (self), 0);

  return self->n_checks;
}

static void
am_tour_panel_dispose (GObject *object)
{
  AmTourPanel *self = AM_TOUR_PANEL (object);

  am_tour_panel_stop (self);
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_TOUR_PANEL);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->checker);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (am_tour_panel_parent_class)->dispose (object);
}

static void
am_tour_panel_class_init (AmTourPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_tour_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/tour/am-tour-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AmTourPanel, progress_label);
  gtk_widget_class_bind_template_child (widget_class, AmTourPanel, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AmTourPanel, step_list);
  gtk_widget_class_bind_template_child (widget_class, AmTourPanel, status_label);
}

static void
am_tour_panel_init (AmTourPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->checker = am_tour_checker_new (NULL);
  am_tour_panel_build_rows (self);
  g_signal_connect_object (self->checker, "changed", G_CALLBACK (am_tour_panel_update), self, G_CONNECT_SWAPPED);
  am_tour_panel_update (self);
}
