/* am-instances-view-actions.c: the Instances view's `instances.` actions
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-instances-view"

#include "config.h"

#include <glib/gi18n.h>

#include "am-create-image-dialog.h"
#include "am-aws-error.h"
#include "am-ec2-client.h"
#include "am-instances-view-private.h"
#include "am-launch-wizard.h"
#include "am-register-image-dialog.h"
#include "am-session.h"
#include "am-tags-editor.h"

static void
copy_text (AmInstancesView *self,
           const char      *text,
           const char      *toast)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  _am_instances_view_toast (self, toast);
}

/* Copies one line per selected instance of @column (skipping empty cells). */
static void
copy_column (AmInstancesView  *self,
             AmInstanceColumn  column)
{
  g_autoptr (GPtrArray) rows = _am_instances_view_get_selected_rows (self);
  g_autoptr (GString) text = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      AmInstance *instance = am_instance_row_get_instance (g_ptr_array_index (rows, i));
      const char *value = NULL;

      if (column == AM_INSTANCE_COLUMN_ID)
        value = am_instance_get_instance_id (instance);
      else if (column == AM_INSTANCE_COLUMN_PUBLIC_IP)
        value = am_instance_get_public_ip_address (instance);
      else if (column == AM_INSTANCE_COLUMN_PRIVATE_IP)
        value = am_instance_get_private_ip_address (instance);

      if (value == NULL || *value == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, value);
      n++;
    }

  if (n == 0)
    return;

  if (column == AM_INSTANCE_COLUMN_ID)
    copy_text (self, text->str, n == 1 ? _("Instance ID copied") : _("Instance IDs copied"));
  else
    copy_text (self, text->str, n == 1 ? _("Address copied") : _("Addresses copied"));
}

static void
copy_id_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  copy_column (AM_INSTANCES_VIEW (widget), AM_INSTANCE_COLUMN_ID);
}

static void
copy_public_ip_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  copy_column (AM_INSTANCES_VIEW (widget), AM_INSTANCE_COLUMN_PUBLIC_IP);
}

static void
copy_private_ip_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  copy_column (AM_INSTANCES_VIEW (widget), AM_INSTANCE_COLUMN_PRIVATE_IP);
}

/* Start, stop, reboot, terminate */

typedef enum
{
  CHANGE_START,
  CHANGE_STOP,
  CHANGE_FORCE_STOP,
  CHANGE_REBOOT,
  CHANGE_TERMINATE,
} ChangeKind;

typedef struct
{
  AmInstancesView *self;
  ChangeKind       kind;
  char           **ids;
  char            *what;      /* "“web”" or "3 instances", for messages */
  gboolean         dry_run;
  AmEc2Client     *client;    /* of the instances' Region: every call of the change goes there */
} ChangeData;

static void
change_data_free (ChangeData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->client);
  g_strfreev (data->ids);
  g_free (data->what);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChangeData, change_data_free)

static gboolean
change_applies (ChangeKind     kind,
                AmInstanceRow *row)
{
  const char *state = am_instance_get_state_name (am_instance_row_get_instance (row));

  switch (kind)
    {
    case CHANGE_START:
      return g_strcmp0 (state, "stopped") == 0;
    case CHANGE_STOP:
      return g_strcmp0 (state, "running") == 0;
    case CHANGE_FORCE_STOP:
      /* Also for an instance stuck stopping, which is what a forced stop is for. */
      return g_strcmp0 (state, "running") == 0 || g_strcmp0 (state, "stopping") == 0;
    case CHANGE_REBOOT:
      return g_strcmp0 (state, "running") == 0;
    case CHANGE_TERMINATE:
      return g_strcmp0 (state, "terminated") != 0 && g_strcmp0 (state, "shutting-down") != 0;
    default:
      g_assert_not_reached ();
    }
}

/* The selected rows @kind applies to; NULL when none. */
static GPtrArray *
rows_for_change (AmInstancesView *self,
                 ChangeKind       kind)
{
  g_autoptr (GPtrArray) rows = _am_instances_view_get_selected_rows (self);
  g_autoptr (GPtrArray) applicable = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < rows->len; i++)
    if (change_applies (kind, g_ptr_array_index (rows, i)))
      g_ptr_array_add (applicable, g_object_ref (g_ptr_array_index (rows, i)));

  if (applicable->len == 0)
    return NULL;

  return g_steal_pointer (&applicable);
}

static ChangeData *
change_data_new (AmInstancesView *self,
                 ChangeKind       kind,
                 GPtrArray       *rows)
{
  ChangeData *data = g_new0 (ChangeData, 1);
  g_autoptr (GStrvBuilder) ids = g_strv_builder_new ();

  data->self = g_object_ref (self);
  data->kind = kind;
  data->client = _am_instances_view_client_for_rows (self, rows, NULL);
  if (data->client != NULL)
    g_object_ref (data->client);
  for (guint i = 0; i < rows->len; i++)
    g_strv_builder_add (ids, am_instance_get_instance_id (am_instance_row_get_instance (g_ptr_array_index (rows, i))));
  data->ids = g_strv_builder_end (ids);

  if (rows->len == 1)
    data->what = g_strdup_printf ("“%s”", am_instance_row_get_display_name (g_ptr_array_index (rows, 0)));
  else
    data->what = g_strdup_printf (ngettext ("%u instance", "%u instances", rows->len), rows->len);

  return data;
}

/* "web (i-0123…), i-0456…": the instances a confirmation is about. */
static char *
describe_rows (GPtrArray *rows)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      AmInstanceRow *row = g_ptr_array_index (rows, i);
      const char *id = am_instance_get_instance_id (am_instance_row_get_instance (row));
      const char *name = am_instance_row_get_name (row);

      if (i > 0)
        g_string_append (text, "\n");
      if (name != NULL && *name != '\0')
        g_string_append_printf (text, "%s (%s)", name, id);
      else
        g_string_append (text, id);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The listed rows of @ids (those still shown), in the order of @ids. */
static GPtrArray *
rows_for_ids (AmInstancesView  *self,
              char            **ids)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      AmInstanceRow *row = g_hash_table_lookup (self->rows_by_id, ids[i]);

      if (row != NULL)
        g_ptr_array_add (rows, g_object_ref (row));
    }

  return rows;
}

static void change_run (ChangeData *data);

/* Turning protection off for every instance of a refused termination, then terminating. */
typedef struct
{
  ChangeData *change;
  guint       pending;
  GError     *error;
} Unprotect;

static void
unprotect_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Unprotect *unprotect = user_data;
  g_autoptr (GError) error = NULL;
  ChangeData *change = unprotect->change;

  if (!am_ec2_client_modify_instance_termination_protection_finish (AM_EC2_CLIENT (source), result, NULL, &error)
      && unprotect->error == NULL)
    unprotect->error = g_steal_pointer (&error);
  if (--unprotect->pending > 0)
    return;

  if (unprotect->error != NULL)
    {
      if (!g_error_matches (unprotect->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Translators: the first %s is an instance name in quotes or "3 instances", the second why */
          g_autofree char *message = g_strdup_printf (_("Could not terminate %s: %s. Nothing was terminated."),
                                                      change->what, unprotect->error->message);

          _am_instances_view_toast (change->self, message);
          _am_instances_view_poll_soon (change->self);
        }
      g_error_free (unprotect->error);
      change_data_free (change);
    }
  else
    {
      change->dry_run = FALSE;
      change_run (change);
    }
  g_free (unprotect);
}

static void
protected_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  g_autoptr (ChangeData) data = g_object_steal_data (G_OBJECT (dialog), "am-change");
  AmEc2Client *client;
  Unprotect *unprotect;

  if (data == NULL || g_strcmp0 (response, "unprotect") != 0)
    return;
  client = data->client;
  if (client == NULL)
    return;

  unprotect = g_new0 (Unprotect, 1);
  unprotect->pending = g_strv_length (data->ids);
  unprotect->change = g_steal_pointer (&data);
  for (guint i = 0; unprotect->change->ids[i] != NULL; i++)
    am_ec2_client_modify_instance_termination_protection_async (client, unprotect->change->ids[i], FALSE, FALSE,
                                                                unprotect->change->self->action_cancellable,
                                                                unprotect_cb, unprotect);
}

/* Takes @data: the dialog offers to turn protection off and terminate after all. */
static void
show_termination_protected (AmInstancesView *self,
                            ChangeData      *data,
                            const GError    *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  gboolean several = g_strv_length (data->ids) > 1;
  g_autoptr (GPtrArray) rows = rows_for_ids (self, data->ids);
  g_autofree char *names = describe_rows (rows);
  g_autofree char *body = NULL;
  const char *heading;
  GtkWidget *dialog;

  /* The names and IDs go in the body: a heading would break an ID in the middle. Several
   * instances: say so without claiming which ones are protected. */
  heading = several ? _("Some Instances Are Protected from Termination")
                    : _("Instance Is Protected from Termination");
  body = g_strdup_printf ("%s%s%s", names, *names != '\0' ? "\n\n" : "",
                          several
                          ? _("Termination protection (the “disableApiTermination” attribute) is on for at least "
                              "one of them, so EC2 refused and nothing was terminated.\n\nTurn protection off to "
                              "terminate them now. A terminated instance cannot be started again.")
                          : _("Termination protection (the “disableApiTermination” attribute) is on, so EC2 "
                              "refused and nothing was terminated.\n\nTurn protection off to terminate it now. "
                              "A terminated instance cannot be started again."));
  g_debug ("termination refused: %s", error->message);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Keep Instance"),
                                    "unprotect", _("Turn Off Protection and _Terminate"),
                                    NULL);
  if (several)
    adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (dialog), "close", _("_Keep Instances"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "unprotect", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_object_set_data_full (G_OBJECT (dialog), "am-change", data, (GDestroyNotify) change_data_free);
  g_signal_connect (dialog, "response", G_CALLBACK (protected_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
change_progress_message (ChangeKind  kind,
                         const char *what)
{
  switch (kind)
    {
    /* Translators: %s is an instance name in quotes or "3 instances" */
    case CHANGE_START:
      return g_strdup_printf (_("Starting %s"), what);
    case CHANGE_STOP:
      return g_strdup_printf (_("Stopping %s"), what);
    case CHANGE_FORCE_STOP:
      return g_strdup_printf (_("Forcing %s to stop"), what);
    case CHANGE_REBOOT:
      return g_strdup_printf (_("Rebooting %s"), what);
    case CHANGE_TERMINATE:
      return g_strdup_printf (_("Terminating %s"), what);
    default:
      g_assert_not_reached ();
    }
}

static char *
change_failure_message (ChangeKind    kind,
                        const char   *what,
                        const GError *error)
{
  switch (kind)
    {
    /* Translators: the first %s is an instance name in quotes or "3 instances", the second why */
    case CHANGE_START:
      return g_strdup_printf (_("Could not start %s: %s"), what, error->message);
    case CHANGE_STOP:
    case CHANGE_FORCE_STOP:
      return g_strdup_printf (_("Could not stop %s: %s"), what, error->message);
    case CHANGE_REBOOT:
      return g_strdup_printf (_("Could not reboot %s: %s"), what, error->message);
    case CHANGE_TERMINATE:
      return g_strdup_printf (_("Could not terminate %s: %s"), what, error->message);
    default:
      g_assert_not_reached ();
    }
}

static void confirm_terminate (ChangeData *data);

static void
change_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (ChangeData) data = user_data;
  AmInstancesView *self = data->self;
  g_autoptr (GError) error = NULL;
  gboolean dry_run_ok = FALSE;
  gboolean ok;

  if (data->kind == CHANGE_REBOOT)
    ok = am_ec2_client_reboot_instances_finish (AM_EC2_CLIENT (source), result, &dry_run_ok, &error);
  else
    ok = am_ec2_client_change_instances_finish (AM_EC2_CLIENT (source), result, NULL, &dry_run_ok, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (!ok)
    {
      if (data->kind == CHANGE_TERMINATE && am_aws_error_code_is (error, "OperationNotPermitted"))
        {
          _am_instances_view_poll_soon (self);
          show_termination_protected (self, g_steal_pointer (&data), error);
          return;
        }
      else
        {
          g_autofree char *message = change_failure_message (data->kind, data->what, error);

          _am_instances_view_toast (self, message);
        }
      _am_instances_view_poll_soon (self);
      return;
    }

  if (data->dry_run)
    {
      /* Allowed: now ask. */
      data->dry_run = FALSE;
      confirm_terminate (g_steal_pointer (&data));
      return;
    }

  {
    g_autofree char *message = change_progress_message (data->kind, data->what);

    _am_instances_view_toast (self, message);
  }
  _am_instances_view_poll_soon (self);
}

static void
change_run (ChangeData *data)
{
  AmInstancesView *self = data->self;
  AmEc2Client *client = data->client;
  const char * const *ids = (const char * const *) data->ids;

  if (client == NULL)
    {
      change_data_free (data);
      return;
    }

  switch (data->kind)
    {
    case CHANGE_START:
      am_ec2_client_start_instances_async (client, ids, data->dry_run, self->action_cancellable,
                                           change_cb, data);
      break;
    case CHANGE_STOP:
    case CHANGE_FORCE_STOP:
      am_ec2_client_stop_instances_async (client, ids, data->kind == CHANGE_FORCE_STOP,
                                          data->dry_run, self->action_cancellable, change_cb, data);
      break;
    case CHANGE_REBOOT:
      am_ec2_client_reboot_instances_async (client, ids, data->dry_run, self->action_cancellable,
                                            change_cb, data);
      break;
    case CHANGE_TERMINATE:
      am_ec2_client_terminate_instances_async (client, ids, data->dry_run, self->action_cancellable,
                                               change_cb, data);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  /* The dialog owns the change until answered, so closing it any way frees it. */
  g_autoptr (ChangeData) data = g_object_steal_data (G_OBJECT (dialog), "am-change");

  if (data == NULL || g_strcmp0 (response, "confirm") != 0)
    return;

  change_run (g_steal_pointer (&data));
}

static void
confirm_change (ChangeData *data,
                GPtrArray  *rows,
                const char *heading,
                const char *body,
                const char *response_label)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (data->self));
  g_autofree char *names = describe_rows (rows);
  g_autofree char *full_body = g_strdup_printf ("%s\n\n%s", names, body);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, full_body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "confirm", response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "am-change", data, (GDestroyNotify) change_data_free);
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
confirm_terminate (ChangeData *data)
{
  g_autoptr (GPtrArray) rows = rows_for_ids (data->self, data->ids);
  g_autofree char *heading = NULL;

  if (rows->len == 0)
    {
      change_data_free (data);
      return;
    }

  /* The body names them (see confirm_change). */
  if (rows->len == 1)
    heading = g_strdup (_("Terminate Instance?"));
  else
    heading = g_strdup_printf (ngettext ("Terminate %u Instance?", "Terminate %u Instances?", rows->len),
                               rows->len);
  confirm_change (data, rows, heading,
                  _("A terminated instance cannot be started again. Its volumes set to be deleted on "
                    "termination are deleted with it; create an image first to keep what is on them."),
                  _("_Terminate"));
}

static void
change_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmInstancesView *self = AM_INSTANCES_VIEW (widget);
  ChangeKind kind;
  g_autoptr (GPtrArray) rows = NULL;
  ChangeData *data;

  if (g_str_equal (action_name, "instances.start"))
    kind = CHANGE_START;
  else if (g_str_equal (action_name, "instances.stop"))
    kind = CHANGE_STOP;
  else if (g_str_equal (action_name, "instances.force-stop"))
    kind = CHANGE_FORCE_STOP;
  else if (g_str_equal (action_name, "instances.reboot"))
    kind = CHANGE_REBOOT;
  else if (g_str_equal (action_name, "instances.terminate"))
    kind = CHANGE_TERMINATE;
  else
    g_return_if_reached ();

  rows = rows_for_change (self, kind);
  if (rows == NULL || self->session == NULL)
    return;

  data = change_data_new (self, kind, rows);
  if (data->client == NULL)
    {
      /* Instances of several Regions (the action is disabled then): nothing is sent. */
      change_data_free (data);
      return;
    }

  if (kind == CHANGE_TERMINATE)
    {
      /* A dry run first: a missing permission (or protection, where EC2 checks it) shows before
       * the question rather than after it. */
      data->dry_run = TRUE;
      change_run (data);
    }
  else if (kind == CHANGE_STOP)
    {
      /* Asked like Terminate: a stop loses what instance store volumes hold and, without an
       * Elastic IP, the public address. */
      g_autofree char *heading = NULL;

      if (rows->len == 1)
        heading = g_strdup (_("Stop Instance?"));
      else
        heading = g_strdup_printf (ngettext ("Stop %u Instance?", "Stop %u Instances?", rows->len),
                                   rows->len);

      confirm_change (data, rows, heading,
                      _("Its EBS volumes keep their data (and are still charged); what instance "
                        "store volumes hold is lost, and the public IPv4 address changes unless "
                        "it is an Elastic IP. Start it again at any time."),
                      _("_Stop"));
    }
  else if (kind == CHANGE_FORCE_STOP)
    {
      g_autofree char *heading = NULL;

      if (rows->len == 1)
        heading = g_strdup (_("Force Instance to Stop?"));
      else
        heading = g_strdup_printf (ngettext ("Force %u Instance to Stop?", "Force %u Instances to Stop?",
                                             rows->len),
                                   rows->len);

      confirm_change (data, rows, heading,
                      _("A forced stop skips the operating system's clean shutdown: data not yet "
                        "written to disk is lost and file systems may need repair. Use it when an "
                        "instance is stuck stopping."),
                      _("_Force Stop"));
    }
  else
    change_run (data);
}

/* Tags: the dialogs part's editor works on any resource ids. */

static void
tags_finished_cb (AmActionDialog  *dialog,
                  gboolean         applied,
                  AmInstancesView *self)
{
  if (applied)
    am_instances_view_reload (self);
}

static void
tags_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AmInstancesView *self = AM_INSTANCES_VIEW (widget);
  g_autoptr (GPtrArray) rows = _am_instances_view_get_selected_rows (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  AmTagsEditor *editor;

  if (rows->len == 0 || self->session == NULL || !_am_instances_view_rows_are_local (self, rows))
    return;

  editor = am_tags_editor_new (self->session);
  for (guint i = 0; i < rows->len; i++)
    {
      AmInstance *instance = am_instance_row_get_instance (g_ptr_array_index (rows, i));

      am_tags_editor_add_resource (editor, am_instance_get_instance_id (instance),
                                   am_instance_get_tags (instance));
    }
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "finished", G_CALLBACK (tags_finished_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Images */

static void
create_image_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          gpointer          user_data)
{
  AmInstancesView *self = user_data;

  if (g_strcmp0 (response, "manifest") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "instances.register-manifest", NULL);
}

static void
create_image_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AmInstancesView *self = AM_INSTANCES_VIEW (widget);
  g_autoptr (GPtrArray) rows = _am_instances_view_get_selected_rows (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  AmInstanceRow *row;
  AmInstance *instance;

  if (rows->len != 1 || self->session == NULL || !_am_instances_view_rows_are_local (self, rows))
    return;

  row = g_ptr_array_index (rows, 0);
  instance = am_instance_row_get_instance (row);

  if (g_strcmp0 (am_instance_get_root_device_type (instance), "instance-store") == 0)
    {
      g_autoptr (GPtrArray) one = g_ptr_array_new ();
      g_autofree char *name = NULL;
      GtkWidget *dialog;

      g_ptr_array_add (one, row);
      name = describe_rows (one);
      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("Instance Cannot Be Imaged Directly"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", name,
                                       _("Its root device is an instance store volume. Instance "
                                         "store lives on the host's own disks and is lost when the "
                                         "instance stops, so EC2 cannot snapshot it: Create Image "
                                         "works only for instances whose root device is an EBS "
                                         "volume.\n\nTo make an image of it, bundle its volume "
                                         "into Amazon S3 with the AMI tools (ec2-bundle-vol, then "
                                         "ec2-upload-bundle), and register the bundle's manifest "
                                         "as a new image."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "manifest", _("_Register from Manifest…"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "manifest",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (create_image_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  am_create_image_dialog_present (widget, self->session, instance);
}

static void
register_image_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AmInstancesView *self = AM_INSTANCES_VIEW (widget);

  if (self->session == NULL)
    return;

  am_register_image_dialog_present (widget, self->session,
                                    g_str_equal (action_name, "instances.register-manifest")
                                      ? AM_REGISTER_IMAGE_FROM_MANIFEST
                                      : AM_REGISTER_IMAGE_FROM_SNAPSHOT);
}

/* The launch wizard from its first page: no image is chosen yet. */
static void
launch_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmInstancesView *self = AM_INSTANCES_VIEW (widget);

  if (self->session == NULL)
    return;

  am_launch_wizard_present_for_image (widget, self->session, NULL);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AmInstancesView *self = AM_INSTANCES_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  am_instances_view_reload (AM_INSTANCES_VIEW (widget));
}

void
_am_instances_view_update_actions (AmInstancesView *self)
{
  g_autoptr (GPtrArray) rows = _am_instances_view_get_selected_rows (self);
  gboolean any_public_ip = FALSE;
  gboolean any_private_ip = FALSE;
  gboolean connected = self->session != NULL && am_session_get_client (self->session) != NULL;
  gboolean applies[CHANGE_TERMINATE + 1] = { FALSE, };
  gboolean can_image = FALSE;
  g_autofree char *why = NULL;
  gboolean one_region;
  gboolean local;

  /* In All Regions, a change goes to the instances' own Region; the dialogs (Create Image,
   * Tags) work in the session's Region only. */
  one_region = rows->len == 0 || _am_instances_view_client_for_rows (self, rows, &why) != NULL;
  local = _am_instances_view_rows_are_local (self, rows);
  connected &= one_region;

  for (guint i = 0; i < rows->len; i++)
    {
      AmInstance *instance = am_instance_row_get_instance (g_ptr_array_index (rows, i));

      any_public_ip |= am_instance_get_public_ip_address (instance) != NULL;
      any_private_ip |= am_instance_get_private_ip_address (instance) != NULL;
    }

  for (guint i = 0; i < rows->len; i++)
    for (guint kind = 0; kind <= CHANGE_TERMINATE; kind++)
      applies[kind] |= change_applies (kind, g_ptr_array_index (rows, i));

  if (rows->len == 1)
    {
      const char *state = am_instance_get_state_name (am_instance_row_get_instance (g_ptr_array_index (rows, 0)));

      /* EC2 images running or stopped instances only. */
      can_image = g_strcmp0 (state, "running") == 0 || g_strcmp0 (state, "stopped") == 0;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "instances.start", connected && applies[CHANGE_START]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "instances.stop", connected && applies[CHANGE_STOP]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "instances.force-stop", connected && applies[CHANGE_FORCE_STOP]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "instances.reboot", connected && applies[CHANGE_REBOOT]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "instances.terminate", connected && applies[CHANGE_TERMINATE]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "instances.create-image", connected && local && can_image);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "instances.tags", connected && local && applies[CHANGE_TERMINATE]);
  _am_instances_view_explain_actions (self, why, local);
  connected = self->session != NULL && am_session_get_client (self->session) != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "instances.register-snapshot", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "instances.register-manifest", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "instances.copy-id", rows->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "instances.copy-public-ip", any_public_ip);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "instances.copy-private-ip", any_private_ip);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "instances.refresh", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "instances.launch", connected);
}

void
_am_instances_view_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "instances.start", NULL, change_action);
  gtk_widget_class_install_action (widget_class, "instances.stop", NULL, change_action);
  gtk_widget_class_install_action (widget_class, "instances.force-stop", NULL, change_action);
  gtk_widget_class_install_action (widget_class, "instances.reboot", NULL, change_action);
  gtk_widget_class_install_action (widget_class, "instances.terminate", NULL, change_action);
  gtk_widget_class_install_action (widget_class, "instances.tags", NULL, tags_action);
  gtk_widget_class_install_action (widget_class, "instances.create-image", NULL, create_image_action);
  gtk_widget_class_install_action (widget_class, "instances.register-snapshot", NULL, register_image_action);
  gtk_widget_class_install_action (widget_class, "instances.register-manifest", NULL, register_image_action);
  gtk_widget_class_install_action (widget_class, "instances.copy-id", NULL, copy_id_action);
  gtk_widget_class_install_action (widget_class, "instances.copy-public-ip", NULL, copy_public_ip_action);
  gtk_widget_class_install_action (widget_class, "instances.copy-private-ip", NULL, copy_private_ip_action);
  gtk_widget_class_install_action (widget_class, "instances.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "instances.launch", NULL, launch_action);
  gtk_widget_class_install_action (widget_class, "instances.focus-search", NULL, focus_search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "instances.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "instances.terminate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "instances.copy-id", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "instances.refresh", NULL);
}
