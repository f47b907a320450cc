/* am-launch-wizard.c: the launch wizard, from an AMI to running instances in one or many zones
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-launch-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "am-accessible.h"
#include "am-ec2-error.h"
#include "am-launch-wizard-private.h"

#define PAGE_PROGRESS AM_LAUNCH_N_STEPS

static const char * const page_names[] = {
  "image", "type", "key", "network", "storage", "details", "review", "progress",
};


G_DEFINE_FINAL_TYPE (AmLaunchWizard, am_launch_wizard, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_BUSY,
  PROP_TEMPLATE_MODE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void go_to_step (AmLaunchWizard *self, guint page);
static void schedule_validate (AmLaunchWizard *self);

/* Small helpers */

void
_am_launch_wizard_busy_push (AmLaunchWizard *self)
{
  if (self->busy++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_am_launch_wizard_busy_pop (AmLaunchWizard *self)
{
  g_return_if_fail (self->busy > 0);
  if (--self->busy == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

AmEc2Client *
_am_launch_wizard_get_client (AmLaunchWizard *self)
{
  return am_session_get_client (self->session);
}

static gboolean
launching (AmLaunchWizard *self)
{
  return am_launch_progress_page_get_launching (self->progress_page);
}

/* Validation and the step list */

/* What the request cannot know: a new private key must be saved before moving on. */
static gboolean
wizard_step_check (AmLaunchWizard  *self,
                   AmLaunchStep     step,
                   GError         **error)
{
  const char *unsaved = am_launch_key_page_get_unsaved_key_name (self->key_page);

  if ((step == AM_LAUNCH_STEP_KEY_PAIR || step == AM_LAUNCH_STEP_REVIEW) && unsaved != NULL)
    {
      g_set_error (error, AM_EC2_ERROR, AM_EC2_ERROR_INVALID_INPUT,
                   _("Key pair: save the private key of %s first; AWS shows it only once."), unsaved);
      return FALSE;
    }
  return TRUE;
}

static gboolean
step_validate (AmLaunchWizard  *self,
               AmLaunchStep     step,
               GError         **error)
{
  return am_launch_step_validate (self->request, step, NULL, error) && wizard_step_check (self, step, error);
}

static gboolean
step_valid (AmLaunchWizard *self,
            AmLaunchStep    step)
{
  return step_validate (self, step, NULL);
}

gboolean
am_launch_wizard_is_step_complete (AmLaunchWizard *self,
                                   AmLaunchStep    step)
{
  g_return_val_if_fail (AM_IS_LAUNCH_WIZARD (self), FALSE);
  g_return_val_if_fail (step < AM_LAUNCH_N_STEPS, FALSE);

  if (am_launch_review_page_blames (self->review_page, step))
    return FALSE;
  if (step == AM_LAUNCH_STEP_REVIEW)
    return self->launched_once;
  return self->visited[step] && step_valid (self, step);
}

/* The first step that is not valid: the furthest the user may go. */
static AmLaunchStep
first_invalid_step (AmLaunchWizard *self)
{
  for (AmLaunchStep step = 0; step < AM_LAUNCH_STEP_REVIEW; step++)
    if (!step_valid (self, step))
      return step;
  return AM_LAUNCH_STEP_REVIEW;
}

static void
update_buttons (AmLaunchWizard *self)
{
  gboolean on_progress = (guint) self->step == PAGE_PROGRESS;
  gboolean on_review = self->step == AM_LAUNCH_STEP_REVIEW;
  gboolean dry_ok = am_launch_review_page_get_passed (self->review_page);
  g_autoptr (GError) error = NULL;


  gtk_widget_set_visible (GTK_WIDGET (self->back_button), !on_progress && self->step > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), !on_progress && !on_review);
  gtk_widget_set_visible (GTK_WIDGET (self->launch_button), on_review && !self->template_mode);
  gtk_widget_set_visible (GTK_WIDGET (self->template_button), on_review);
  gtk_widget_set_visible (self->asg_button, on_review);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), on_progress);

  if (!on_progress && !on_review)
    {
      gboolean valid = step_validate (self, self->step, &error);

      gboolean quiet = self->step == AM_LAUNCH_STEP_KEY_PAIR && !am_launch_key_page_get_touched (self->key_page);

      gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), valid);
      gtk_label_set_text (self->status_label, valid ? "" : error->message);
      /* Before the user acted on the key pair page, what Next waits for is a hint, not an error. */
      if (quiet)
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
          gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
        }
      else
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
          gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
        }
    }
  else if (on_review)
    {
      gboolean valid = step_validate (self, AM_LAUNCH_STEP_REVIEW, &error);

      gtk_widget_set_sensitive (GTK_WIDGET (self->launch_button), valid && dry_ok && !launching (self));
      gtk_widget_set_sensitive (GTK_WIDGET (self->template_button), valid);
      gtk_widget_set_sensitive (self->asg_button, valid);
      gtk_label_set_text (self->status_label, valid ? "" : error->message);
    }
  else
    gtk_label_set_text (self->status_label, "");
}

static void
update_step_list (AmLaunchWizard *self)
{
  AmLaunchStep reachable = first_invalid_step (self);

  for (AmLaunchStep step = 0; step < AM_LAUNCH_N_STEPS; step++)
    {
      GtkWidget *icon = self->step_icons[step];
      GtkWidget *row = gtk_widget_get_ancestor (icon, GTK_TYPE_LIST_BOX_ROW);
      gboolean complete = am_launch_wizard_is_step_complete (self, step);
      gboolean blamed = am_launch_review_page_blames (self->review_page, step);

      gtk_widget_remove_css_class (icon, "wizard-step-done");
      gtk_widget_remove_css_class (icon, "error");
      if (blamed)
        {
          gtk_image_set_from_icon_name (GTK_IMAGE (icon), "dialog-error-symbolic");
          gtk_widget_add_css_class (icon, "error");
        }
      else if (complete)
        {
          gtk_image_set_from_icon_name (GTK_IMAGE (icon), "object-select-symbolic");
          gtk_widget_add_css_class (icon, "wizard-step-done");
        }
      else
        gtk_image_set_from_icon_name (GTK_IMAGE (icon),
                                      step == self->step ? "go-next-symbolic" : "radio-symbolic");
      gtk_widget_set_tooltip_text (icon, blamed ? _("The dry run found a problem on this page") : NULL);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_CHECKED,
                                   complete ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE,
                                   -1);
      gtk_widget_set_sensitive (row, !launching (self) && !self->launched_once && step <= reachable);
      if (step == self->step)
        gtk_list_box_select_row (self->step_list, GTK_LIST_BOX_ROW (row));
    }
  if ((guint) self->step == PAGE_PROGRESS)
    gtk_list_box_unselect_all (self->step_list);
}

static void
update_field_labels (AmLaunchWizard *self)
{
  for (AmLaunchField field = 0; field < AM_LAUNCH_N_FIELDS; field++)
    {
      g_autoptr (GError) error = NULL;
      GtkWidget *label = self->field_labels[field];

      if (label == NULL)
        continue;
      /* Nothing chosen or typed on the key pair page yet: no red before the user acts. */
      if (field == AM_LAUNCH_FIELD_KEY_PAIR && !am_launch_key_page_get_touched (self->key_page))
        gtk_widget_set_visible (label, FALSE);
      else if (am_launch_request_validate_field (self->request, field, &error)
          && (field != AM_LAUNCH_FIELD_KEY_PAIR || wizard_step_check (self, AM_LAUNCH_STEP_KEY_PAIR, &error)))
        gtk_widget_set_visible (label, FALSE);
      else
        {
          gtk_label_set_text (GTK_LABEL (label), error->message);
          gtk_widget_set_visible (label, TRUE);
        }
    }
}

static gboolean
validate_idle_cb (gpointer user_data)
{
  AmLaunchWizard *self = user_data;

  self->validate_idle = 0;
  update_field_labels (self);
  update_step_list (self);
  update_buttons (self);
  am_launch_network_page_update (self->network_page);
  return G_SOURCE_REMOVE;
}

static void
schedule_validate (AmLaunchWizard *self)
{
  if (self->validate_idle == 0)
    self->validate_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, validate_idle_cb, self, NULL);
}

static void
request_changed_cb (AmLaunchWizard *self)
{
  /* A page rewriting several fields at once: one validation when it is done. */
  if (am_launch_page_get_syncing (AM_LAUNCH_PAGE (self->details_page)))
    return;
  /* The dry runs' verdict was about the request as it was. */
  am_launch_review_page_request_changed (self->review_page);
  schedule_validate (self);
}

static void
page_syncing_cb (AmLaunchWizard *self,
                 GParamSpec     *pspec,
                 AmLaunchPage   *page)
{
  if (!am_launch_page_get_syncing (page))
    schedule_validate (self);
}

/* Navigation */

static void
go_to_step (AmLaunchWizard *self,
            guint           page)
{
  g_assert (page <= PAGE_PROGRESS);

  if (self->step == AM_LAUNCH_STEP_KEY_PAIR && page != AM_LAUNCH_STEP_KEY_PAIR)
    am_launch_key_page_set_touched (self->key_page);
  self->step = page;
  if (page < AM_LAUNCH_N_STEPS)
    self->visited[page] = TRUE;
  gtk_stack_set_visible_child_name (self->stack, page_names[page]);
  adw_window_title_set_subtitle (self->window_title,
                                 page < AM_LAUNCH_N_STEPS ? am_launch_step_get_title (page) : _("Launching"));

  if (page == AM_LAUNCH_STEP_INSTANCE_TYPE)
    am_launch_page_shown (AM_LAUNCH_PAGE (self->type_page));
  else if (page == AM_LAUNCH_STEP_REVIEW)
    am_launch_review_page_start (self->review_page);

  validate_idle_cb (self);
}

/* "Choose Another Image" on the type page, while it shows */
static void
page_go_to_cb (AmLaunchWizard *self,
               guint           step,
               AmLaunchPage   *page)
{
  if (self->step == AM_LAUNCH_STEP_INSTANCE_TYPE)
    go_to_step (self, step);
}

/* Edit or Fix in… on the review page: not once the launch has started */
static void
review_go_to_cb (AmLaunchWizard *self,
                 guint           step,
                 AmLaunchPage   *page)
{
  if (!launching (self) && !self->launched_once)
    go_to_step (self, step);
}

static void
dry_run_changed_cb (AmLaunchWizard *self)
{
  update_step_list (self);
  update_buttons (self);
}

static void
next_clicked_cb (AmLaunchWizard *self)
{
  if (self->step >= AM_LAUNCH_STEP_REVIEW)
    return;
  if (!step_valid (self, self->step))
    return;
  go_to_step (self, self->step + 1);
}

static void
back_clicked_cb (AmLaunchWizard *self)
{
  if (self->step > 0 && (guint) self->step < PAGE_PROGRESS)
    go_to_step (self, self->step - 1);
}

static void
close_clicked_cb (AmLaunchWizard *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
step_row_activated_cb (AmLaunchWizard *self,
                       GtkListBoxRow  *row)
{
  guint step = (guint) gtk_list_box_row_get_index (row);

  if (launching (self) || self->launched_once || step > first_invalid_step (self))
    return;
  go_to_step (self, step);
}

static void
build_step_list (AmLaunchWizard *self)
{
  for (AmLaunchStep step = 0; step < AM_LAUNCH_N_STEPS; step++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *icon = gtk_image_new_from_icon_name ("radio-symbolic");
      GtkWidget *label = gtk_label_new (am_launch_step_get_title (step));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_append (self->step_list, box);
      self->step_icons[step] = icon;
    }
}

/* Key pair */

gboolean
am_launch_wizard_save_private_key (AmLaunchWizard  *self,
                                   const char      *path,
                                   GError         **error)
{
  g_return_val_if_fail (AM_IS_LAUNCH_WIZARD (self), FALSE);
  return am_launch_key_page_save_to (self->key_page, path, error);
}

/* Saved from the close confirmation: the window closes once the key is safe. */
static void
key_save_ended_cb (AmLaunchWizard *self)
{
  if (self->close_after_save)
    {
      self->close_after_save = FALSE;
      if (am_launch_key_page_get_unsaved_key_name (self->key_page) == NULL)
        gtk_window_close (GTK_WINDOW (self));
    }
}

/* Launch and progress */

static void
launch_clicked_cb (AmLaunchWizard *self)
{
  if (launching (self) || self->launched_once || _am_launch_wizard_get_client (self) == NULL
      || !step_valid (self, AM_LAUNCH_STEP_REVIEW))
    return;

  self->launched_once = TRUE;
  am_launch_review_page_cancel (self->review_page);
  go_to_step (self, PAGE_PROGRESS);
  am_launch_progress_page_launch (self->progress_page);
}

static void
retry_clicked_cb (AmLaunchWizard *self)
{
  am_launch_progress_page_retry (self->progress_page);
}

/* The launch ended, or started again. */
static void
launching_changed_cb (AmLaunchWizard *self)
{
  /* The launch ended while "Instances Are Being Launched" was asked: the question is moot, and
   * the result is what the user should see now, so the wizard stays, showing it. */
  if (!launching (self) && self->close_dialog != NULL && self->close_asked_launching)
    {
      gtk_window_destroy (GTK_WINDOW (self->close_dialog));
      self->close_asked_launching = FALSE;
    }
  update_step_list (self);
}

static void
page_busy_cb (AmLaunchWizard *self,
              GParamSpec     *pspec,
              AmLaunchPage   *page)
{
  if (am_launch_page_get_busy (page))
    _am_launch_wizard_busy_push (self);
  else
    _am_launch_wizard_busy_pop (self);
}

/* Closing: a launch in flight or a private key not yet saved would be lost without a word. */

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   AmLaunchWizard   *self)
{
  if (g_str_equal (response, "close") || g_str_equal (response, "discard"))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      am_launch_key_page_save (self->key_page);
    }
}

static gboolean
am_launch_wizard_close_request (GtkWindow *window)
{
  AmLaunchWizard *self = AM_LAUNCH_WIZARD (window);
  GtkWidget *dialog;

  if (self->close_confirmed || (!launching (self) && am_launch_key_page_get_unsaved_key_name (self->key_page) == NULL))
    return GTK_WINDOW_CLASS (am_launch_wizard_parent_class)->close_request (window);
  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return TRUE;
    }

  if (launching (self))
    {
      dialog = adw_message_dialog_new (window, _("Instances Are Being Launched"),
                                       _("Closing now stops following the launch: instances may still start, and this window will not report them or their errors. They show in the Instances view."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "keep", _("_Keep Open"),
                                        "close", _("_Close Anyway"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
    }
  else
    {
      g_autofree char *body = g_strdup_printf (_("The private key of %s is not saved yet. AWS shows it only once: without it you cannot log in to instances that use this key."),
                                               am_launch_key_page_get_unsaved_key_name (self->key_page));

      dialog = am_launch_unsaved_key_dialog_new (window, _("Save the Private Key?"), body,
                                                 "discard", _("_Discard Key"));
    }
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), self);
  g_set_weak_pointer (&self->close_dialog, dialog);
  self->close_asked_launching = launching (self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* GObject */

static void
image_changed_cb (AmLaunchWizard *self)
{
  if (self->step == AM_LAUNCH_STEP_INSTANCE_TYPE)
    am_launch_page_shown (AM_LAUNCH_PAGE (self->type_page));
}

static void
am_launch_wizard_constructed (GObject *object)
{
  AmLaunchWizard *self = AM_LAUNCH_WIZARD (object);

  G_OBJECT_CLASS (am_launch_wizard_parent_class)->constructed (object);

  am_launch_page_set_session (AM_LAUNCH_PAGE (self->image_page), self->session);
  am_launch_page_set_session (AM_LAUNCH_PAGE (self->type_page), self->session);
  am_launch_page_set_session (AM_LAUNCH_PAGE (self->key_page), self->session);
  am_launch_page_set_session (AM_LAUNCH_PAGE (self->network_page), self->session);
  am_launch_page_set_session (AM_LAUNCH_PAGE (self->review_page), self->session);
  am_launch_page_set_session (AM_LAUNCH_PAGE (self->progress_page), self->session);

  if (self->template_mode)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Create Launch Template"));
      adw_window_title_set_title (self->window_title, _("Create Launch Template"));
      gtk_button_set_label (self->template_button, _("_Save Launch Template…"));
      gtk_widget_add_css_class (GTK_WIDGET (self->template_button), "suggested-action");
      am_launch_network_page_set_template_mode (self->network_page);
      am_launch_review_page_set_template_mode (self->review_page);
      update_buttons (self);
    }

  /* After the pages were built: their buttons' names lose the mnemonic underscores. */
  am_accessible_fix_mnemonics (GTK_WIDGET (self));
  am_launch_page_load (AM_LAUNCH_PAGE (self->image_page));
  am_launch_page_load (AM_LAUNCH_PAGE (self->type_page));
  am_launch_page_load (AM_LAUNCH_PAGE (self->network_page));
  am_launch_page_load (AM_LAUNCH_PAGE (self->key_page));
}

static void
am_launch_wizard_dispose (GObject *object)
{
  AmLaunchWizard *self = AM_LAUNCH_WIZARD (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->validate_idle, g_source_remove);
  g_clear_weak_pointer (&self->close_dialog);
  if (self->request != NULL)
    g_signal_handlers_disconnect_by_data (self->request, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_LAUNCH_WIZARD);

  g_clear_object (&self->session);
  g_clear_object (&self->request);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->template_tokens, g_hash_table_unref);
  g_clear_object (&self->template);

  G_OBJECT_CLASS (am_launch_wizard_parent_class)->dispose (object);
}

static void
am_launch_wizard_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AmLaunchWizard *self = AM_LAUNCH_WIZARD (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    case PROP_TEMPLATE_MODE:
      g_value_set_boolean (value, self->template_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_launch_wizard_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AmLaunchWizard *self = AM_LAUNCH_WIZARD (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_TEMPLATE_MODE:
      self->template_mode = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_launch_wizard_class_init (AmLaunchWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = am_launch_wizard_constructed;
  object_class->dispose = am_launch_wizard_dispose;
  object_class->get_property = am_launch_wizard_get_property;
  object_class->set_property = am_launch_wizard_set_property;
  window_class->close_request = am_launch_wizard_close_request;

  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, AM_TYPE_SESSION,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEMPLATE_MODE] = g_param_spec_boolean ("template-mode", NULL, NULL, FALSE,
                                                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AM_TYPE_LAUNCH_DETAILS_PAGE);
  g_type_ensure (AM_TYPE_LAUNCH_PROGRESS_PAGE);
  g_type_ensure (AM_TYPE_LAUNCH_IMAGE_PAGE);
  g_type_ensure (AM_TYPE_LAUNCH_KEY_PAGE);
  g_type_ensure (AM_TYPE_LAUNCH_NETWORK_PAGE);
  g_type_ensure (AM_TYPE_LAUNCH_REVIEW_PAGE);
  g_type_ensure (AM_TYPE_LAUNCH_STORAGE_PAGE);
  g_type_ensure (AM_TYPE_LAUNCH_TYPE_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/wizard/am-launch-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, AmLaunchWizard, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchWizard, step_list);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchWizard, image_page);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchWizard, type_page);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchWizard, key_page);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchWizard, network_page);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchWizard, storage_page);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchWizard, details_page);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchWizard, review_page);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchWizard, progress_page);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchWizard, status_label);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchWizard, launch_button);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchWizard, template_button);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchWizard, retry_button);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchWizard, close_button);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchWizard, asg_button);
  gtk_widget_class_bind_template_callback (widget_class, step_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, launch_clicked_cb);
  _am_launch_wizard_class_init_actions (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
}

static void
am_launch_wizard_init (AmLaunchWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->request = am_launch_request_new ();
  self->cancellable = g_cancellable_new ();
  self->template_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  build_step_list (self);

  am_launch_page_set_request (AM_LAUNCH_PAGE (self->image_page), self->request);
  self->field_labels[AM_LAUNCH_FIELD_IMAGE] = am_launch_page_get_field_label (AM_LAUNCH_PAGE (self->image_page),
                                                                              AM_LAUNCH_FIELD_IMAGE);
  g_signal_connect_object (self->image_page, "notify::busy", G_CALLBACK (page_busy_cb), self, G_CONNECT_SWAPPED);
  am_launch_page_set_request (AM_LAUNCH_PAGE (self->type_page), self->request);
  self->field_labels[AM_LAUNCH_FIELD_INSTANCE_TYPE] = am_launch_page_get_field_label (AM_LAUNCH_PAGE (self->type_page),
                                                                                      AM_LAUNCH_FIELD_INSTANCE_TYPE);
  g_signal_connect_object (self->type_page, "notify::busy", G_CALLBACK (page_busy_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->type_page, "go-to", G_CALLBACK (page_go_to_cb), self, G_CONNECT_SWAPPED);
  am_launch_page_set_request (AM_LAUNCH_PAGE (self->key_page), self->request);
  self->field_labels[AM_LAUNCH_FIELD_KEY_PAIR] = am_launch_page_get_field_label (AM_LAUNCH_PAGE (self->key_page),
                                                                                 AM_LAUNCH_FIELD_KEY_PAIR);
  g_signal_connect_object (self->key_page, "notify::busy", G_CALLBACK (page_busy_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->key_page, "changed", G_CALLBACK (schedule_validate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->key_page, "save-ended", G_CALLBACK (key_save_ended_cb), self, G_CONNECT_SWAPPED);
  am_launch_page_set_request (AM_LAUNCH_PAGE (self->network_page), self->request);
  for (AmLaunchField field = 0; field < AM_LAUNCH_N_FIELDS; field++)
    if (am_launch_page_get_field_label (AM_LAUNCH_PAGE (self->network_page), field) != NULL)
      self->field_labels[field] = am_launch_page_get_field_label (AM_LAUNCH_PAGE (self->network_page), field);
  g_signal_connect_object (self->network_page, "notify::busy", G_CALLBACK (page_busy_cb), self, G_CONNECT_SWAPPED);
  am_launch_page_set_request (AM_LAUNCH_PAGE (self->storage_page), self->request);
  am_launch_page_set_request (AM_LAUNCH_PAGE (self->details_page), self->request);
  g_signal_connect_object (self->details_page, "notify::syncing", G_CALLBACK (page_syncing_cb), self, G_CONNECT_SWAPPED);
  for (AmLaunchField field = 0; field < AM_LAUNCH_N_FIELDS; field++)
    if (am_launch_page_get_field_label (AM_LAUNCH_PAGE (self->details_page), field) != NULL)
      self->field_labels[field] = am_launch_page_get_field_label (AM_LAUNCH_PAGE (self->details_page), field);
  self->field_labels[AM_LAUNCH_FIELD_VOLUMES] = am_launch_page_get_field_label (AM_LAUNCH_PAGE (self->storage_page),
                                                                                AM_LAUNCH_FIELD_VOLUMES);
  am_launch_page_set_request (AM_LAUNCH_PAGE (self->review_page), self->request);
  g_signal_connect_object (self->review_page, "notify::busy", G_CALLBACK (page_busy_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->review_page, "go-to", G_CALLBACK (review_go_to_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->review_page, "dry-run-changed", G_CALLBACK (dry_run_changed_cb), self,
                           G_CONNECT_SWAPPED);
  am_launch_page_set_request (AM_LAUNCH_PAGE (self->progress_page), self->request);
  g_signal_connect_object (self->progress_page, "notify::busy", G_CALLBACK (page_busy_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->progress_page, "notify::launching", G_CALLBACK (launching_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_bind_property (self->progress_page, "can-retry", self->retry_button, "visible", G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->request, "changed", G_CALLBACK (request_changed_cb), self);
  g_signal_connect_swapped (self->request, "notify::image", G_CALLBACK (image_changed_cb), self);
  go_to_step (self, AM_LAUNCH_STEP_IMAGE);
}

static AmLaunchWizard *
launch_wizard_new (AmSession *session,
                   AmImage   *image,
                   gboolean   template_mode)
{
  AmLaunchWizard *self;

  self = g_object_new (AM_TYPE_LAUNCH_WIZARD, "session", session, "template-mode", template_mode, NULL);
  if (image != NULL)
    {
      am_launch_request_set_image (self->request, image);
      am_launch_page_shown (AM_LAUNCH_PAGE (self->image_page));
      go_to_step (self, AM_LAUNCH_STEP_INSTANCE_TYPE);
    }
  return self;
}

AmLaunchWizard *
am_launch_wizard_new (AmSession *session,
                      AmImage   *image)
{
  g_return_val_if_fail (AM_IS_SESSION (session), NULL);
  g_return_val_if_fail (image == NULL || AM_IS_IMAGE (image), NULL);

  return launch_wizard_new (session, image, FALSE);
}

AmLaunchWizard *
am_launch_wizard_new_for_template (AmSession *session,
                                   AmImage   *image)
{
  g_return_val_if_fail (AM_IS_SESSION (session), NULL);
  g_return_val_if_fail (image == NULL || AM_IS_IMAGE (image), NULL);

  return launch_wizard_new (session, image, TRUE);
}

static void
present_for (AmLaunchWizard *self,
             GtkWidget      *parent)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
      if (gtk_window_get_application (GTK_WINDOW (root)) != NULL)
        gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (GTK_WINDOW (root)));
    }
  gtk_window_present (GTK_WINDOW (self));
}

void
am_launch_wizard_present_for_image (GtkWidget *parent,
                                    AmSession *session,
                                    AmImage   *image)
{
  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));
  g_return_if_fail (AM_IS_SESSION (session));

  present_for (launch_wizard_new (session, image, FALSE), parent);
}

void
am_launch_wizard_present_for_template (GtkWidget *parent,
                                       AmSession *session,
                                       AmImage   *image)
{
  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));
  g_return_if_fail (AM_IS_SESSION (session));

  present_for (launch_wizard_new (session, image, TRUE), parent);
}

gboolean
am_launch_wizard_get_template_mode (AmLaunchWizard *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_WIZARD (self), FALSE);
  return self->template_mode;
}

AmLaunchRequest *
am_launch_wizard_get_request (AmLaunchWizard *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_WIZARD (self), NULL);
  return self->request;
}

AmLaunchStep
am_launch_wizard_get_step (AmLaunchWizard *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_WIZARD (self), AM_LAUNCH_STEP_IMAGE);
  return self->step;
}

GPtrArray *
am_launch_wizard_get_launched (AmLaunchWizard *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_WIZARD (self), NULL);
  return am_launch_progress_page_get_launched (self->progress_page);
}

gboolean
am_launch_wizard_get_busy (AmLaunchWizard *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_WIZARD (self), FALSE);
  return self->busy > 0;
}
