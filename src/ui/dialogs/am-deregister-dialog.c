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
#include "am-accessible.h"
#include "am-deregister-dialog.h"
#include "am-dialog-calls.h"
#include "am-dialog-private.h"
#include "am-ec2-client.h"
#include "am-session.h"
#include "am-used-by-check.h"
#include "am-window.h"

struct _AmDeregisterDialog
{
  AdwMessageDialog  parent_instance;

  /* owned widgets (in the extra child) */
  GtkWidget        *options;     /* the snapshots check and its note */
  GtkCheckButton   *snapshots_check;
  AmUsedByCheck    *used_by;     /* what still uses the images, and the override */
  GtkSpinner       *spinner;
  GtkLabel         *error_label;
  GtkWidget        *details;     /* expander: the full chain of each refusal */
  GtkLabel         *details_label;

  /* owned references */
  AmSession        *session;
  AmEc2Client      *client;      /* the images' Region's (all of one Region) */
  GPtrArray        *images;      /* AmImage still to deregister */
  GPtrArray        *done;        /* AmImage deregistered, over all tries */
  GPtrArray        *done_snapshots; /* for each of done: GPtrArray of AmSnapshotDeletion */
  GCancellable     *cancellable;
  GString          *errors;
  GString          *error_details;

  /* state */
  guint             n_images;    /* how many the user asked for */
  guint             n_reported;  /* of done, how many a toast already announced */
  guint             next;
  gboolean          busy;
  gboolean          finished;
  gboolean          deleted_snapshots;
  gboolean          any_done;
  gboolean          retriable;   /* some refusal may go another time (not: another owner, gone) */
  gboolean          closable;    /* set when the user's answer closes it (see close_request) */
  gboolean          handed_over; /* "Turn Off Protection…": the protection dialog reports */
};

G_DEFINE_FINAL_TYPE (AmDeregisterDialog, am_deregister_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum
{
  FINISHED,
  TURN_OFF_PROTECTION,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gboolean
is_protected (AmImage *image)
{
  const char *state = am_image_get_deregistration_protection (image);

  return state != NULL && !g_str_equal (state, "disabled");
}

/* A protection that is on now (enabled-with-cooldown, enabled-without-cooldown). */
static gboolean
is_protection_on (AmImage *image)
{
  const char *state = am_image_get_deregistration_protection (image);

  return state != NULL && g_str_has_prefix (state, "enabled");
}

static char *
explain_failure (AmDeregisterDialog *self,
                 AmImage            *image,
                 const GError       *error)
{
  const char *id = am_image_get_image_id (image);
  const char *owner = am_image_get_owner_id (image);
  const char *account = am_session_get_account (self->session);

  if (error->message != NULL && strstr (error->message, "cooldown") != NULL)
    return g_strdup_printf (_("%s is still protected: its protection was turned off less than "
                              "24 hours ago, with the cooldown. Try again when the cooldown ends."), id);
  if (am_aws_error_code_is (error, "OperationNotPermitted")
      || (error->message != NULL && strstr (error->message, "rotection") != NULL))
    return g_strdup_printf (_("%s is protected from deregistration. Turn its protection off first "
                              "(Deregistration Protection); if it was set with a cooldown, it "
                              "stays protected for 24 hours after that."), id);
  if (am_aws_error_code_is (error, "UnauthorizedOperation") || am_aws_error_code_is (error, "AuthFailure"))
    {
      if (owner != NULL && account != NULL && g_strcmp0 (owner, account) != 0)
        return g_strdup_printf (_("%s belongs to account %s: only the account that owns an image "
                                  "can deregister it. EC2 refused."), id, owner);
      return g_strdup_printf (_("EC2 refused to deregister %s: this profile is not allowed to. "
                                "Check that the image belongs to this account and that the "
                                "profile’s IAM policy allows ec2:DeregisterImage."), id);
    }
  if (am_aws_error_code_is (error, "InvalidAMIID.Unavailable")
      || am_aws_error_code_is (error, "InvalidAMIID.NotFound"))
    return g_strdup_printf (_("%s no longer exists or is already deregistered. Close this and "
                              "refresh the list."), id);
  /* The client's messages already start with what failed. */
  return am_action_dialog_describe_error (error);
}

/* Whether trying again may help: not for an image of another account, nor one that is gone. */
static gboolean
may_retry (AmDeregisterDialog *self,
           AmImage            *image,
           const GError       *error)
{
  const char *owner = am_image_get_owner_id (image);
  const char *account = am_session_get_account (self->session);

  if (am_aws_error_code_is (error, "InvalidAMIID.Unavailable")
      || am_aws_error_code_is (error, "InvalidAMIID.NotFound"))
    return FALSE;
  if ((am_aws_error_code_is (error, "UnauthorizedOperation") || am_aws_error_code_is (error, "AuthFailure"))
      && owner != NULL && account != NULL && g_strcmp0 (owner, account) != 0)
    return FALSE;
  return TRUE;
}

/* The technical chain behind a refusal, for the Details expander. */
static void
append_details (AmDeregisterDialog *self,
                AmImage            *image,
                const GError       *error)
{
  AmEc2Client *client = self->client;
  g_autofree char *endpoint = client != NULL ? am_ec2_client_dup_endpoint (client) : NULL;
  const char *code = am_aws_error_get_code (error);
  const char *request_id = am_aws_error_get_request_id (error);

  if (self->error_details->len > 0)
    g_string_append (self->error_details, "\n\n");
  g_string_append_printf (self->error_details, "DeregisterImage %s", am_image_get_image_id (image));
  if (endpoint != NULL)
    g_string_append_printf (self->error_details, _(" at %s"), endpoint);
  g_string_append_printf (self->error_details, "\n%s", error->message);
  if (code != NULL)
    g_string_append_printf (self->error_details, _("\nEC2 error code: %s"), code);
  if (request_id != NULL)
    g_string_append_printf (self->error_details, _("\nRequest ID: %s"), request_id);
}

static void
finish (AmDeregisterDialog *self)
{
  if (self->finished || self->handed_over)
    return;
  self->finished = TRUE;
  g_signal_emit (self, signals[FINISHED], 0, self->any_done);
}

/* Closes the window for good: the user answered (Cancel, Close, Escape). */
static void
close_now (AmDeregisterDialog *self)
{
  self->closable = TRUE;
  finish (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The button of @response (libadwaita 1.2 cannot remove a response; a finished result hides
 * the Retry it no longer needs). */
static GtkWidget *
find_response_button (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_response_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
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
  if (adw_message_dialog_has_response (dialog, "deregister"))
    adw_message_dialog_set_response_enabled (dialog, "deregister",
                                             !busy && am_used_by_check_get_cleared (self->used_by));
}

/* Nothing used goes by default: Deregister waits for the answer, and for the override. */
static void
used_by_cleared_cb (AmDeregisterDialog *self)
{
  if (!self->finished && self->done->len == 0 && self->errors->len == 0)
    set_busy (self, self->busy);
}

static void run_next (AmDeregisterDialog *self);

static void
deregister_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (AmDeregisterDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) snapshots = am_dialog_deregister_finish (result, &error);
  AmImage *image;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->images == NULL)
    return;
  image = g_ptr_array_index (self->images, self->next);
  if (snapshots == NULL)
    {
      g_autofree char *text = explain_failure (self, image, error);

      g_debug ("Deregistering %s failed: %s", am_image_get_image_id (image), error->message);
      if (self->errors->len > 0)
        g_string_append (self->errors, "\n\n");
      g_string_append (self->errors, text);
      append_details (self, image, error);
      self->retriable |= may_retry (self, image, error);
      self->next++;
    }
  else
    {
      /* Done: it leaves the list, so a Retry covers only the failures. */
      g_ptr_array_add (self->done, g_object_ref (image));
      g_ptr_array_add (self->done_snapshots, g_steal_pointer (&snapshots));
      g_ptr_array_remove_index (self->images, self->next);
    }
  run_next (self);
}

/* What EC2 did with one snapshot, in words. */
static char *
describe_snapshot (AmSnapshotDeletion *deletion)
{
  const char *id = am_snapshot_deletion_get_snapshot_id (deletion);
  const char *code = am_snapshot_deletion_get_return_code (deletion);

  if (am_snapshot_deletion_get_deleted (deletion))
    return g_strdup_printf (_("✓ snapshot %s deleted"), id);
  if (g_strcmp0 (code, "skipped") == 0)
    return g_strdup_printf (_("• snapshot %s kept: another image still uses it"), id);
  if (g_strcmp0 (code, "missing-permissions") == 0)
    return g_strdup_printf (_("✗ snapshot %s kept: this profile may not delete it (DeleteSnapshot permission)"), id);
  if (g_strcmp0 (code, "internal-error") == 0)
    return g_strdup_printf (_("✗ snapshot %s kept: EC2 failed to delete it; delete it from the snapshots later"), id);
  return g_strdup_printf (_("✗ snapshot %s kept: EC2 answered “%s”"), id, code != NULL ? code : "");
}

static guint
count_deleted (GPtrArray *snapshots)
{
  guint n = 0;

  for (guint i = 0; i < snapshots->len; i++)
    if (am_snapshot_deletion_get_deleted (g_ptr_array_index (snapshots, i)))
      n++;
  return n;
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
    {
      GPtrArray *snapshots = g_ptr_array_index (self->done_snapshots, self->n_reported);
      const char *id = am_image_get_image_id (g_ptr_array_index (self->done, self->n_reported));
      guint n_deleted = count_deleted (snapshots);

      /* Only what EC2 said it deleted. */
      if (n_deleted > 0)
        title = g_strdup_printf (ngettext ("%s and %u snapshot deleted", "%s and %u snapshots deleted",
                                           n_deleted),
                                 id, n_deleted);
      else
        title = g_strdup_printf (_("%s deregistered"), id);
    }
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
  gboolean all_done = self->images->len == 0;

  set_busy (self, FALSE);
  toast_new_done (self);
  /* The list refreshes now, not when the result is closed. */
  if (self->done->len > 0)
    {
      self->any_done = TRUE;
      finish (self);
    }

  /* All gone, and no snapshot results to read: the toast says it all. */
  if (all_done && !self->deleted_snapshots)
    {
      close_now (self);
      return;
    }

  /* The result: what went and what did not. The question's options no longer apply (a Retry
   * keeps the snapshot choice made for the first try). */
  if (all_done)
    heading = g_strdup (ngettext ("Image Deregistered", "Images Deregistered", self->n_images));
  else if (self->done->len > 0)
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
    {
      GPtrArray *snapshots = g_ptr_array_index (self->done_snapshots, i);

      g_string_append_printf (body, _("✓ %s deregistered\n"),
                              am_image_get_image_id (g_ptr_array_index (self->done, i)));
      for (guint k = 0; k < snapshots->len; k++)
        {
          g_autofree char *line = describe_snapshot (g_ptr_array_index (snapshots, k));

          g_string_append_printf (body, "    %s\n", line);
        }
      if (self->deleted_snapshots && snapshots->len == 0)
        g_string_append (body, _("    EC2 reported no snapshots for it\n"));
    }
  for (guint i = 0; i < self->images->len; i++)
    {
      AmImage *image = g_ptr_array_index (self->images, i);

      g_string_append_printf (body, _("✗ %s not deregistered\n"), am_image_get_image_id (image));
    }
  g_string_truncate (body, body->len - 1);
  adw_message_dialog_set_body (dialog, body->str);
  gtk_widget_set_visible (self->options, FALSE);

  /* Why they were refused (the technical chain under Details), and a Retry for those. */
  gtk_label_set_text (self->error_label, self->errors->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->errors->len > 0);
  gtk_label_set_text (self->details_label, self->error_details->str);
  gtk_widget_set_visible (self->details, self->error_details->len > 0);
  adw_message_dialog_set_response_label (dialog, "cancel", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "cancel");
  if (adw_message_dialog_has_response (dialog, "deregister"))
    {
      GtkWidget *retry = find_response_button (GTK_WIDGET (self),
                                                adw_message_dialog_get_response_label (dialog, "deregister"));

      adw_message_dialog_set_response_label (dialog, "deregister", _("_Retry"));
      adw_message_dialog_set_response_enabled (dialog, "deregister", !all_done && self->retriable);
      if (retry != NULL)
        gtk_widget_set_visible (retry, !all_done && self->retriable);
    }
}

static void
run_next (AmDeregisterDialog *self)
{
  AmEc2Client *client = self->client;
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

  if (self->busy || self->closable)
    return;

  if (g_strcmp0 (response, "protection") == 0)
    {
      /* The protection dialog takes over, and reports to whoever opened this one. */
      g_signal_emit (self, signals[TURN_OFF_PROTECTION], 0, g_ptr_array_index (self->images, 0));
      self->handed_over = TRUE;
      close_now (self);
      return;
    }
  if (g_strcmp0 (response, "deregister") != 0)
    {
      close_now (self);
      return;
    }

  self->next = 0;
  self->retriable = FALSE;
  g_string_truncate (self->errors, 0);
  g_string_truncate (self->error_details, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_visible (self->details, FALSE);
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

  if (self->closable)
    return GTK_WINDOW_CLASS (am_deregister_dialog_parent_class)->close_request (window);
  /* Nothing closes it while the calls run, not even Escape. */
  if (self->busy)
    return TRUE;
  /* libadwaita 1.2 closes the window before it emits a button's response, and emits the
   * close response itself for Escape: let it do that, but keep the window. The response
   * decides (close_now() for Cancel and Close; Deregister and Retry keep it open). */
  GTK_WINDOW_CLASS (am_deregister_dialog_parent_class)->close_request (window);
  return TRUE;
}

static void
am_deregister_dialog_dispose (GObject *object)
{
  AmDeregisterDialog *self = AM_DEREGISTER_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  finish (self);
  g_clear_object (&self->session);
  g_clear_object (&self->client);
  g_clear_pointer (&self->images, g_ptr_array_unref);
  g_clear_pointer (&self->done, g_ptr_array_unref);
  g_clear_pointer (&self->done_snapshots, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (am_deregister_dialog_parent_class)->dispose (object);
}

static void
am_deregister_dialog_finalize (GObject *object)
{
  AmDeregisterDialog *self = AM_DEREGISTER_DIALOG (object);

  g_string_free (self->errors, TRUE);
  g_string_free (self->error_details, TRUE);

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
  /**
   * AmDeregisterDialog::turn-off-protection:
   * @image: the protected image
   *
   * The user chose "Turn Off Protection…" for @image; the dialog closes without "finished".
   */
  signals[TURN_OFF_PROTECTION] = g_signal_new ("turn-off-protection", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 1, AM_TYPE_IMAGE);
}

static void
am_deregister_dialog_init (AmDeregisterDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->errors = g_string_new (NULL);
  self->error_details = g_string_new (NULL);
  self->done = g_ptr_array_new_with_free_func (g_object_unref);
  self->done_snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
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
  /* All of one Region (am_image_actions_run refuses a mix): that Region's client. */
  self->client = am_dialog_client_for_image (session, g_ptr_array_index (images, 0));
  if (self->client != NULL)
    g_object_ref (self->client);
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
  /* An image of another Region (All Regions) says where the call goes. */
  if (self->client != NULL && g_strcmp0 (am_ec2_client_get_region (self->client), am_session_get_region (session)) != 0)
    /* Translators: in the Deregister dialog, for images of a Region other than the window's */
    g_string_append_printf (body, _("Region: %s (not this window’s %s)\n\n"),
                            am_ec2_client_get_region (self->client), am_session_get_region (session));
  g_string_append (body, ngettext ("A deregistered image can no longer launch instances; "
                                   "instances already running from it keep running. This cannot be undone.",
                                   "Deregistered images can no longer launch instances; "
                                   "instances already running from them keep running. This cannot be undone.",
                                   images->len));
  if (n_protected > 0)
    {
      g_string_append (body, "\n\n");
      if (images->len == 1)
        {
          const char *state = am_image_get_deregistration_protection (g_ptr_array_index (images, 0));

          if (g_strcmp0 (state, "enabled-with-cooldown") == 0)
            g_string_append (body, _("It is protected from deregistration, with a cooldown: EC2 refuses to "
                                     "deregister it while the protection is on, and for 24 hours after "
                                     "the protection is turned off."));
          else if (g_strcmp0 (state, "enabled-without-cooldown") == 0)
            g_string_append (body, _("It is protected from deregistration: EC2 refuses to deregister it "
                                     "while the protection is on. Without a cooldown, it can be "
                                     "deregistered as soon as the protection is turned off."));
          else
            g_string_append (body, _("Its protection was turned off less than 24 hours ago, with a "
                                     "cooldown: EC2 refuses to deregister it until the cooldown ends."));
        }
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
  self->used_by = am_used_by_check_new (AM_USED_BY_DEREGISTER);
  gtk_widget_set_margin_top (GTK_WIDGET (self->used_by), 6);
  gtk_box_append (GTK_BOX (self->options), GTK_WIDGET (self->used_by));
  g_signal_connect_object (self->used_by, "notify::cleared", G_CALLBACK (used_by_cleared_cb), self,
                           G_CONNECT_SWAPPED);
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
  self->details = gtk_expander_new_with_mnemonic (_("_Details"));
  self->details_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->details_label, TRUE);
  gtk_label_set_wrap_mode (self->details_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->details_label, 0);
  gtk_label_set_selectable (self->details_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->details_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->details_label), "monospace");
  gtk_expander_set_child (GTK_EXPANDER (self->details), GTK_WIDGET (self->details_label));
  gtk_widget_set_visible (self->details, FALSE);
  gtk_box_append (GTK_BOX (box), self->details);
  adw_message_dialog_set_extra_child (dialog, box);

  /* A protected image cannot go: offer what lets it go instead of a Deregister EC2 refuses. */
  if (images->len == 1 && is_protection_on (g_ptr_array_index (images, 0)))
    {
      gtk_widget_set_visible (self->options, FALSE);
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "protection", _("_Turn Off Protection…"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "protection", ADW_RESPONSE_SUGGESTED);
    }
  else
    {
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "deregister", _("_Deregister"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "deregister", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_enabled (dialog, "deregister", FALSE);
      am_used_by_check_start (self->used_by, self->client, images);
    }
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  am_accessible_fix_mnemonics (GTK_WIDGET (self));
  return self;
}

/** am_deregister_dialog_get_used_by: Returns: (transfer none): what uses the images */
AmUsedByCheck *
am_deregister_dialog_get_used_by (AmDeregisterDialog *self)
{
  g_return_val_if_fail (AM_IS_DEREGISTER_DIALOG (self), NULL);
  return self->used_by;
}

gboolean
am_deregister_dialog_get_busy (AmDeregisterDialog *self)
{
  g_return_val_if_fail (AM_IS_DEREGISTER_DIALOG (self), FALSE);
  return self->busy;
}
