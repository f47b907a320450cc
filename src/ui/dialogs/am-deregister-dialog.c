/* am-deregister-dialog.c: confirms and runs the deregistration of one or more images
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-deregister-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "am-action-dialog.h"
#include "am-aws-error.h"
#include "am-deregister-dialog.h"
#include "am-dialog-calls.h"
#include "am-session.h"
#include "am-window.h"

struct _AmDeregisterDialog
{
  AdwMessageDialog  parent_instance;

  /* owned widgets (in the extra child) */
  GtkWidget        *options;     /* the snapshots check and its note */
  GtkCheckButton   *snapshots_check;
  GtkSpinner       *spinner;
  GtkLabel         *error_label;

  /* owned references */
  AmSession        *session;
  GPtrArray        *images;      /* AmImage still to deregister */
  GPtrArray        *done;        /* AmImage deregistered, over all tries */
  GCancellable     *cancellable;
  GString          *errors;

  /* state */
  guint             n_images;    /* how many the user asked for */
  guint             n_reported;  /* of done, how many a toast already announced */
  guint             next;
  gboolean          busy;
  gboolean          finished;
  gboolean          deleted_snapshots;
  gboolean          any_done;
};

G_DEFINE_FINAL_TYPE (AmDeregisterDialog, am_deregister_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum
{
  FINISHED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gboolean
is_protected (AmImage *image)
{
  const char *state = am_image_get_deregistration_protection (image);

  return state != NULL && !g_str_equal (state, "disabled");
}

static char *
explain_failure (AmImage      *image,
                 const GError *error)
{
  const char *id = am_image_get_image_id (image);

  if (error->message != NULL && strstr (error->message, "cooldown") != NULL)
    {
      g_autofree char *described = am_action_dialog_describe_error (error);

      return g_strdup_printf (_("%s is still protected: its protection was turned off less than "
                                "24 hours ago, with the cooldown. Try again when the cooldown ends.\n%s"),
                              id, described);
    }
  if (am_aws_error_code_is (error, "OperationNotPermitted")
      || (error->message != NULL && strstr (error->message, "rotection") != NULL))
    return g_strdup_printf (_("%s is protected from deregistration. Turn its protection off first "
                              "(Deregistration Protection); if it was set with a cooldown, it "
                              "stays protected for 24 hours after that."), id);
  {
    g_autofree char *described = am_action_dialog_describe_error (error);

    /* The client's messages already start with what failed. */
    return g_steal_pointer (&described);
  }
}

static void
finish (AmDeregisterDialog *self)
{
  if (self->finished)
    return;
  self->finished = TRUE;
  g_signal_emit (self, signals[FINISHED], 0, self->any_done);
}

static void
set_busy (AmDeregisterDialog *self,
          gboolean            busy)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->snapshots_check), !busy);
  adw_message_dialog_set_response_enabled (dialog, "cancel", !busy);
  adw_message_dialog_set_response_enabled (dialog, "deregister", !busy);
}

static void run_next (AmDeregisterDialog *self);

static void
deregister_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (AmDeregisterDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  AmImage *image = g_ptr_array_index (self->images, self->next);

  if (!am_dialog_call_finish (result, &error))
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = explain_failure (image, error);
      if (self->errors->len > 0)
        g_string_append (self->errors, "\n\n");
      g_string_append (self->errors, text);
      self->next++;
    }
  else
    {
      /* Done: it leaves the list, so a Retry covers only the failures. */
      g_ptr_array_add (self->done, g_object_ref (image));
      g_ptr_array_remove_index (self->images, self->next);
    }
  run_next (self);
}

/* Announces in the parent window the images deregistered since the last announcement. */
static void
toast_new_done (AmDeregisterDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  guint n = self->done->len - self->n_reported;
  g_autofree char *title = NULL;

  if (n == 0)
    return;
  if (n == 1)
    title = g_strdup_printf (self->deleted_snapshots ? _("%s and its snapshots deregistered")
                                                     : _("%s deregistered"),
                             am_image_get_image_id (g_ptr_array_index (self->done, self->n_reported)));
  else
    title = g_strdup_printf (ngettext ("%u image deregistered", "%u images deregistered", n), n);
  self->n_reported = self->done->len;
  if (AM_IS_WINDOW (parent))
    am_window_add_toast (AM_WINDOW (parent), adw_toast_new (title));
}

static void
show_result (AmDeregisterDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;

  set_busy (self, FALSE);
  toast_new_done (self);
  self->any_done |= self->done->len > 0;

  if (self->images->len == 0)
    {
      finish (self);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  /* The result: what went and what did not. The question's options no longer apply (a Retry
   * keeps the snapshot choice made for the first try). */
  if (self->done->len > 0)
    heading = g_strdup_printf (ngettext ("Deregistered %u of %u Image", "Deregistered %u of %u Images",
                                         self->n_images),
                               self->done->len, self->n_images);
  else if (self->n_images == 1)
    heading = g_strdup (_("Could Not Deregister the Image"));
  else
    heading = g_strdup_printf (ngettext ("Could Not Deregister %u Image", "Could Not Deregister %u Images",
                                         self->n_images),
                               self->n_images);
  adw_message_dialog_set_heading (dialog, heading);

  for (guint i = 0; i < self->done->len; i++)
    g_string_append_printf (body, _("✓ %s deregistered\n"),
                            am_image_get_image_id (g_ptr_array_index (self->done, i)));
  for (guint i = 0; i < self->images->len; i++)
    {
      AmImage *image = g_ptr_array_index (self->images, i);

      g_string_append_printf (body, _("✗ %s not deregistered\n"), am_image_get_image_id (image));
    }
  g_string_truncate (body, body->len - 1);
  adw_message_dialog_set_body (dialog, body->str);
  gtk_widget_set_visible (self->options, FALSE);

  /* Why they were refused, and a Retry for those. */
  gtk_label_set_text (self->error_label, self->errors->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  adw_message_dialog_set_response_label (dialog, "cancel", _("_Close"));
  adw_message_dialog_set_response_label (dialog, "deregister", _("_Retry"));
}

static void
run_next (AmDeregisterDialog *self)
{
  AmEc2Client *client = am_session_get_client (self->session);
  AmImage *image;

  if (self->next >= self->images->len)
    {
      show_result (self);
      return;
    }

  image = g_ptr_array_index (self->images, self->next);
  am_dialog_deregister_async (client, am_image_get_image_id (image), self->deleted_snapshots,
                              self->cancellable, deregister_cb, g_object_ref (self));
}

static void
am_deregister_dialog_response (AdwMessageDialog *dialog,
                               const char       *response)
{
  AmDeregisterDialog *self = AM_DEREGISTER_DIALOG (dialog);

  if (g_strcmp0 (response, "deregister") != 0)
    {
      finish (self);
      return;
    }

  self->next = 0;
  g_string_truncate (self->errors, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  /* Chosen with the question; a Retry (the check is hidden then) keeps that choice. */
  if (gtk_widget_get_visible (self->options))
    self->deleted_snapshots = gtk_check_button_get_active (self->snapshots_check);
  set_busy (self, TRUE);
  run_next (self);
}

static gboolean
am_deregister_dialog_close_request (GtkWindow *window)
{
  AmDeregisterDialog *self = AM_DEREGISTER_DIALOG (window);

  /* The message dialog closes itself after a response: stay while the calls run. */
  if (self->busy)
    return TRUE;
  finish (self);
  return GTK_WINDOW_CLASS (am_deregister_dialog_parent_class)->close_request (window);
}

static void
am_deregister_dialog_dispose (GObject *object)
{
  AmDeregisterDialog *self = AM_DEREGISTER_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  finish (self);
  g_clear_object (&self->session);
  g_clear_pointer (&self->images, g_ptr_array_unref);
  g_clear_pointer (&self->done, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (am_deregister_dialog_parent_class)->dispose (object);
}

static void
am_deregister_dialog_finalize (GObject *object)
{
  AmDeregisterDialog *self = AM_DEREGISTER_DIALOG (object);

  g_string_free (self->errors, TRUE);

  G_OBJECT_CLASS (am_deregister_dialog_parent_class)->finalize (object);
}

static void
am_deregister_dialog_class_init (AmDeregisterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = am_deregister_dialog_dispose;
  object_class->finalize = am_deregister_dialog_finalize;
  window_class->close_request = am_deregister_dialog_close_request;
  dialog_class->response = am_deregister_dialog_response;

  /**
   * AmDeregisterDialog::finished:
   * @applied: %TRUE when images were deregistered
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
am_deregister_dialog_init (AmDeregisterDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->errors = g_string_new (NULL);
  self->done = g_ptr_array_new_with_free_func (g_object_unref);
}

AmDeregisterDialog *
am_deregister_dialog_new (AmSession *session,
                          GPtrArray *images)
{
  AmDeregisterDialog *self;
  AdwMessageDialog *dialog;
  GtkWidget *box;
  GtkWidget *note;
  g_autoptr (GString) body = g_string_new (NULL);
  guint n_protected = 0;

  g_return_val_if_fail (AM_IS_SESSION (session), NULL);
  g_return_val_if_fail (images != NULL && images->len > 0, NULL);

  self = g_object_new (AM_TYPE_DEREGISTER_DIALOG, NULL);
  dialog = ADW_MESSAGE_DIALOG (self);
  self->session = g_object_ref (session);
  self->images = g_ptr_array_new_with_free_func (g_object_unref);
  self->n_images = images->len;
  for (guint i = 0; i < images->len; i++)
    {
      g_ptr_array_add (self->images, g_object_ref (g_ptr_array_index (images, i)));
      if (is_protected (g_ptr_array_index (images, i)))
        n_protected++;
    }

  if (images->len == 1)
    {
      AmImage *image = g_ptr_array_index (images, 0);
      g_autofree char *heading = g_strdup_printf (_("Deregister %s?"), am_image_get_image_id (image));

      adw_message_dialog_set_heading (dialog, heading);
      if (am_image_get_name (image) != NULL)
        g_string_append_printf (body, "“%s”\n\n", am_image_get_name (image));
    }
  else
    {
      g_autofree char *heading = g_strdup_printf (ngettext ("Deregister %u Image?", "Deregister %u Images?",
                                                            images->len),
                                                  images->len);

      adw_message_dialog_set_heading (dialog, heading);
      for (guint i = 0; i < images->len && i < 8; i++)
        {
          AmImage *image = g_ptr_array_index (images, i);

          g_string_append_printf (body, "• %s  %s\n", am_image_get_image_id (image),
                                  am_image_get_name (image) != NULL ? am_image_get_name (image) : "");
        }
      if (images->len > 8)
        g_string_append_printf (body, ngettext ("…and %u more\n", "…and %u more\n", images->len - 8),
                                images->len - 8);
      g_string_append (body, "\n");
    }
  g_string_append (body, ngettext ("A deregistered image can no longer launch instances; "
                                   "instances already running from it keep running. This cannot be undone.",
                                   "Deregistered images can no longer launch instances; "
                                   "instances already running from them keep running. This cannot be undone.",
                                   images->len));
  if (n_protected > 0)
    {
      g_string_append (body, "\n\n");
      if (images->len == 1)
        g_string_append (body, _("It is protected from deregistration: EC2 will refuse until its protection is turned off."));
      else
        g_string_append (body, ngettext ("One of them is protected from deregistration and will be refused until its protection is turned off.",
                                         "Some of them are protected from deregistration and will be refused until their protection is turned off.",
                                         n_protected));
    }
  adw_message_dialog_set_body (dialog, body->str);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->options = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), self->options);
  self->snapshots_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (
      ngettext ("Also delete its _snapshots", "Also delete their _snapshots", images->len)));
  gtk_box_append (GTK_BOX (self->options), GTK_WIDGET (self->snapshots_check));
  note = gtk_label_new (_("Snapshots other images still use are kept. Without this, the snapshots "
                          "stay and keep costing storage."));
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_add_css_class (note, "caption");
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (GTK_BOX (self->options), note);
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->spinner));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_selectable (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  adw_message_dialog_set_extra_child (dialog, box);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "deregister", _("_Deregister"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "deregister", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return self;
}

gboolean
am_deregister_dialog_get_busy (AmDeregisterDialog *self)
{
  g_return_val_if_fail (AM_IS_DEREGISTER_DIALOG (self), FALSE);
  return self->busy;
}
