/* am-permissions-dialog.c: edits who may launch an image (public, accounts, organizations, OUs)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-permissions-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "am-aws-error.h"
#include "am-dialog-calls.h"
#include "am-dialog-private.h"
#include "am-dialog-validate.h"
#include "am-ec2-governance.h"
#include "am-governance-page.h"
#include "am-permissions-dialog-private.h"
#include "am-session.h"

G_DEFINE_FINAL_TYPE (AmPermissionsDialog, am_permissions_dialog, AM_TYPE_ACTION_DIALOG)

/* One principal the image is shared with, or is to be: its row in shared_group (borrowed) and
 * what the row stands for. Held in self->rows, freed with it. */
typedef struct
{
  GtkWidget       *row;
  char            *principal;
  AmPrincipalKind  kind;
  gboolean         original;   /* shared already when the dialog opened */
} SharedEntry;

static void
shared_entry_free (gpointer data)
{
  SharedEntry *entry = data;

  g_free (entry->principal);
  g_free (entry);
}

static void validate (AmPermissionsDialog *self);

static const char *
kind_label (AmPrincipalKind kind)
{
  switch (kind)
    {
    case AM_PRINCIPAL_ACCOUNT:
      return _("AWS account");
    case AM_PRINCIPAL_ORGANIZATION:
      return _("Organization (every account in it)");
    case AM_PRINCIPAL_OU:
      return _("Organizational unit (every account in it)");
    case AM_PRINCIPAL_INVALID:
    default:
      return "";
    }
}

static void
remove_clicked_cb (GtkButton           *button,
                   AmPermissionsDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < self->rows->len; i++)
    if (((SharedEntry *) g_ptr_array_index (self->rows, i))->row == row)
      {
        g_ptr_array_remove_index (self->rows, i);
        break;
      }
  adw_preferences_group_remove (self->shared_group, row);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
  validate (self);
}

static void
append_principal (AmPermissionsDialog *self,
                  const char          *principal,
                  AmPrincipalKind      kind,
                  gboolean             original)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  SharedEntry *entry = g_new0 (SharedEntry, 1);
  g_autofree char *subtitle = NULL;
  g_autofree char *tooltip = g_strdup_printf (_("Stop sharing with %s"), principal);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), principal);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  if (original)
    subtitle = g_strdup (kind_label (kind));
  else
    /* Translators: e.g. "AWS account · to be added" */
    subtitle = g_strdup_printf (_("%s · to be added"), kind_label (kind));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  entry->row = row;
  entry->principal = g_strdup (principal);
  entry->kind = kind;
  entry->original = original;
  adw_preferences_group_add (self->shared_group, row);
  g_ptr_array_add (self->rows, entry);
}

static SharedEntry *
find_entry (AmPermissionsDialog *self,
            const char          *principal)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      SharedEntry *entry = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (entry->principal, principal) == 0)
        return entry;
    }
  return NULL;
}

static GPtrArray *
array_for_kind (AmPermissionSet *set,
                AmPrincipalKind  kind)
{
  switch (kind)
    {
    case AM_PRINCIPAL_ACCOUNT:
      return set->user_ids;
    case AM_PRINCIPAL_ORGANIZATION:
      return set->org_arns;
    case AM_PRINCIPAL_OU:
      return set->ou_arns;
    case AM_PRINCIPAL_INVALID:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

static void
compute_diff (AmPermissionsDialog *self,
              AmPermissionSet     *add,
              AmPermissionSet     *remove)
{
  gboolean want_public = gtk_switch_get_active (self->public_switch);

  if (self->current == NULL)
    return;

  add->group_all = want_public && !self->current->group_all;
  remove->group_all = !want_public && self->current->group_all;

  for (guint i = 0; i < self->rows->len; i++)
    {
      SharedEntry *entry = g_ptr_array_index (self->rows, i);

      if (!entry->original)
        g_ptr_array_add (array_for_kind (add, entry->kind), g_strdup (entry->principal));
    }

  for (AmPrincipalKind kind = AM_PRINCIPAL_ACCOUNT; kind <= AM_PRINCIPAL_OU; kind++)
    {
      GPtrArray *originals = array_for_kind (self->current, kind);

      for (guint i = 0; i < originals->len; i++)
        if (find_entry (self, g_ptr_array_index (originals, i)) == NULL)
          g_ptr_array_add (array_for_kind (remove, kind), g_strdup (g_ptr_array_index (originals, i)));
    }
}

static void
validate (AmPermissionsDialog *self)
{
  g_autoptr (AmPermissionSet) add = am_permission_set_new ();
  g_autoptr (AmPermissionSet) remove = am_permission_set_new ();

  gtk_widget_set_visible (GTK_WIDGET (self->none_row), self->rows->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->public_warning),
                          gtk_switch_get_active (self->public_switch)
                          && (self->current == NULL || !self->current->group_all));

  compute_diff (self, add, remove);
  _am_permissions_dialog_snapshots_update (self, add, remove);
  am_action_dialog_set_valid (AM_ACTION_DIALOG (self),
                              self->current != NULL
                              && (!am_permission_set_is_empty (add) || !am_permission_set_is_empty (remove)));
}

void
_am_permissions_dialog_diff (AmPermissionsDialog *self,
                             AmPermissionSet     *add,
                             AmPermissionSet     *remove)
{
  compute_diff (self, add, remove);
}

void
_am_permissions_dialog_validate (AmPermissionsDialog *self)
{
  validate (self);
}

static void
changed_cb (AmPermissionsDialog *self)
{
  validate (self);
}

static AmPrincipalKind
check_entry (AmPermissionsDialog  *self,
             char                **principal)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_row))));
  g_autofree char *problem = NULL;
  AmPrincipalKind kind = AM_PRINCIPAL_INVALID;

  if (*text != '\0')
    {
      kind = am_validate_principal (text, &problem);
      if (kind != AM_PRINCIPAL_INVALID && find_entry (self, text) != NULL)
        {
          kind = AM_PRINCIPAL_INVALID;
          problem = g_strdup (_("Already in the list."));
        }
    }
  am_action_dialog_mark_field (GTK_WIDGET (self->add_row), self->add_error, problem);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), kind != AM_PRINCIPAL_INVALID);
  if (principal != NULL)
    *principal = g_steal_pointer (&text);
  return kind;
}

static void
add_changed_cb (AmPermissionsDialog *self)
{
  check_entry (self, NULL);
}

static void
add_activated_cb (AmPermissionsDialog *self)
{
  g_autofree char *principal = NULL;
  AmPrincipalKind kind = check_entry (self, &principal);

  if (*principal == '\0')
    {
      am_action_dialog_activate_apply (AM_ACTION_DIALOG (self));
      return;
    }
  if (kind == AM_PRINCIPAL_INVALID)
    return;

  append_principal (self, principal, kind, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
  validate (self);
}

/* With Block Public Access on, EC2 refuses to make a private image public: say so at the switch
 * and offer the way to the setting instead of letting Save fail. */
static void
update_blocked (AmPermissionsDialog *self)
{
  gboolean blocked = self->public_blocked && (self->current == NULL || !self->current->group_all);
  g_autofree char *text = NULL;

  if (blocked)
    {
      text = g_strdup_printf (_("Block Public Access for AMIs is on for this account in %s, so EC2 "
                                "refuses to make images public there. Images that are public already "
                                "stay public. To share this one publicly, allow public sharing first."),
                              am_ec2_client_get_region (am_action_dialog_get_client (AM_ACTION_DIALOG (self))));
      if (self->refusal != NULL)
        {
          g_autofree char *with_refusal = g_strdup_printf (_("%s\nEC2 answered: %s"), text, self->refusal);

          g_free (text);
          text = g_steal_pointer (&with_refusal);
        }
      gtk_label_set_text (self->blocked_label, text);
      gtk_switch_set_active (self->public_switch, FALSE);
    }
  gtk_widget_set_visible (self->blocked_box, blocked);
  /* EC2 refuses to make an image with encrypted snapshots public: not offered (but one that
   * is public already can still be made private). */
  gtk_widget_set_sensitive (GTK_WIDGET (self->public_switch),
                            !blocked && self->current != NULL && (!self->encrypted || self->current->group_all));
}

/* Before sharing, say what encryption means for it: no public image, and accounts that need
 * the key as well. */
static void
check_encryption (AmPermissionsDialog *self)
{
  AmBlockDeviceMapping * const *mappings = am_image_get_block_device_mappings (self->image);
  g_autoptr (GString) snapshots = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; mappings[i] != NULL; i++)
    {
      const char *snapshot = am_block_device_mapping_get_snapshot_id (mappings[i]);
      const char *key = am_block_device_mapping_get_kms_key_id (mappings[i]);

      if (!am_block_device_mapping_get_encrypted (mappings[i]))
        continue;
      if (snapshots->len > 0)
        g_string_append (snapshots, ", ");
      g_string_append (snapshots, snapshot != NULL ? snapshot : am_block_device_mapping_get_device_name (mappings[i]));
      if (key != NULL)
        /* Translators: after a snapshot ID: the KMS key it is encrypted with */
        g_string_append_printf (snapshots, _(" with key %s"), key);
    }
  self->encrypted = snapshots->len > 0;
  if (!self->encrypted)
    return;
  text = g_strdup_printf (_("The snapshots of this image are encrypted (%s). EC2 does not make an image with "
                            "encrypted snapshots public. An account you share it with can launch it only if "
                            "the KMS key is shared with that account too; the default key (aws/ebs) cannot be "
                            "shared, so copy the image with a customer managed key first."),
                          snapshots->str);
  gtk_label_set_text (self->encrypted_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->encrypted_label), TRUE);
}

static void
block_state_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (AmPermissionsDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean blocked = FALSE;

  /* Unknown (e.g. not permitted to read it): EC2 still says so if Save is refused. */
  if (!am_ec2_client_get_image_block_public_access_finish (AM_EC2_CLIENT (object), result, &blocked, &error))
    return;
  self->public_blocked = blocked;
  update_blocked (self);
}

static void
unblock_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (AmPermissionsDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  am_action_dialog_show_status (AM_ACTION_DIALOG (self), NULL);
  if (!am_ec2_client_set_image_block_public_access_finish (AM_EC2_CLIENT (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        am_action_dialog_show_error (AM_ACTION_DIALOG (self), error);
      return;
    }
  self->public_blocked = FALSE;
  g_clear_pointer (&self->refusal, g_free);
  update_blocked (self);
}

static void
unblock_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  AmPermissionsDialog *self = user_data;

  g_signal_handlers_disconnect_by_func (dialog, unblock_response_cb, user_data);
  if (g_strcmp0 (response, "allow") == 0)
    {
      am_action_dialog_show_error (AM_ACTION_DIALOG (self), NULL);
      am_action_dialog_show_status (AM_ACTION_DIALOG (self), _("Allowing public sharing…"));
      am_ec2_client_set_image_block_public_access_async (am_action_dialog_get_client (AM_ACTION_DIALOG (self)),
                                                         FALSE,
                                                         am_action_dialog_get_cancellable (AM_ACTION_DIALOG (self)),
                                                         unblock_cb, g_object_ref (self));
    }
  g_object_unref (self);
}

static void
allow_public_clicked_cb (AmPermissionsDialog *self)
{
  AdwMessageDialog *confirm;
  g_autofree char *body = NULL;

  body = g_strdup_printf (_("This turns off Block Public Access for AMIs for the whole account in %s: "
                            "anyone allowed to change images can then make any of them public. Turn it "
                            "back on when you are done sharing."),
                          am_ec2_client_get_region (am_action_dialog_get_client (AM_ACTION_DIALOG (self))));
  confirm = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Allow Public Sharing?"), body));
  adw_message_dialog_add_responses (confirm, "cancel", _("_Cancel"), "allow", _("_Allow Public Sharing"), NULL);
  adw_message_dialog_set_response_appearance (confirm, "allow", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (confirm, "cancel");
  adw_message_dialog_set_close_response (confirm, "cancel");
  g_signal_connect (confirm, "response", G_CALLBACK (unblock_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (confirm));
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (AmPermissionsDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  AmPermissionSet *set;

  set = am_dialog_get_permissions_finish (result, &error);
  if (set == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          am_action_dialog_show_status (AM_ACTION_DIALOG (self), NULL);
          am_action_dialog_show_error (AM_ACTION_DIALOG (self), error);
        }
      return;
    }

  self->current = set;
  am_action_dialog_show_status (AM_ACTION_DIALOG (self), NULL);
  gtk_switch_set_active (self->public_switch, set->group_all);
  for (AmPrincipalKind kind = AM_PRINCIPAL_ACCOUNT; kind <= AM_PRINCIPAL_OU; kind++)
    {
      GPtrArray *array = array_for_kind (set, kind);

      for (guint i = 0; i < array->len; i++)
        append_principal (self, g_ptr_array_index (array, i), kind, TRUE);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->public_row), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_row), TRUE);
  update_blocked (self);
  validate (self);
}

typedef struct
{
  AmPermissionSet *add;
  AmPermissionSet *remove;
} ApplyData;

static void
apply_data_free (gpointer data)
{
  ApplyData *apply = data;

  g_clear_pointer (&apply->add, am_permission_set_free);
  g_clear_pointer (&apply->remove, am_permission_set_free);
  g_free (apply);
}

static void
run_modify (GTask *task)
{
  AmPermissionsDialog *self = g_task_get_source_object (task);
  ApplyData *apply = g_task_get_task_data (task);

  am_dialog_modify_permissions_async (am_action_dialog_get_client (AM_ACTION_DIALOG (self)),
                                      am_image_get_image_id (self->image),
                                      apply->add, apply->remove,
                                      g_task_get_cancellable (task), am_dialog_return_call_cb, task);
}

static void
public_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  GTask *task = user_data;

  /* Closing the dialog after a response answers again with the close response: once is enough. */
  g_signal_handlers_disconnect_by_func (dialog, public_response_cb, user_data);
  if (g_strcmp0 (response, "public") == 0)
    run_modify (task);
  else
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "The image was left private");
      g_object_unref (task);
    }
}

static void
confirm_public_or_run (GTask *task)
{
  AmPermissionsDialog *self = g_task_get_source_object (task);
  ApplyData *apply = g_task_get_task_data (task);

  if (apply->add->group_all)
    {
      AdwMessageDialog *confirm;
      g_autofree char *body = NULL;

      body = g_strdup_printf (_("Every AWS account will be able to launch %s and copy what its "
                                "snapshots hold. Check that it contains no keys, passwords, "
                                "private data or shell history."),
                              am_image_get_image_id (self->image));
      confirm = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                            _("Make the Image Public?"), body));
      adw_message_dialog_add_responses (confirm,
                                        "cancel", _("_Keep Private"),
                                        "public", _("_Make Public"),
                                        NULL);
      adw_message_dialog_set_response_appearance (confirm, "public", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (confirm, "cancel");
      adw_message_dialog_set_close_response (confirm, "cancel");
      g_signal_connect (confirm, "response", G_CALLBACK (public_response_cb), task);
      gtk_window_present (GTK_WINDOW (confirm));
      return;
    }

  run_modify (task);
}

static void
still_used_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  GTask *task = user_data;

  g_signal_handlers_disconnect_by_func (dialog, still_used_response_cb, user_data);
  if (g_strcmp0 (response, "remove") == 0)
    confirm_public_or_run (task);
  else
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The permissions were kept");
      g_object_unref (task);
    }
}

/* The accounts that lose access with this change: the removed ones, and when the image stops
 * being public, every other account that uses it. */
static gboolean
loses_access (AmPermissionsDialog *self,
              ApplyData           *apply,
              const char          *account_id)
{
  if (g_strcmp0 (account_id, am_image_get_owner_id (self->image)) == 0)
    return FALSE;
  if (apply->remove->group_all)
    return TRUE;
  for (guint i = 0; i < apply->remove->user_ids->len; i++)
    if (g_strcmp0 (apply->remove->user_ids->pdata[i], account_id) == 0)
      return TRUE;
  return FALSE;
}

static void
usage_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  AmPermissionsDialog *self = g_task_get_source_object (task);
  ApplyData *apply = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = am_ec2_client_image_usage_finish (AM_EC2_CLIENT (object), result, &error);
  g_autoptr (GString) body = g_string_new (NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  AdwMessageDialog *confirm;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  am_action_dialog_show_status (AM_ACTION_DIALOG (self), NULL);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      AmImageUsageEntry *e = entries->pdata[i];
      g_autofree char *counts = NULL;

      if (!loses_access (self, apply, e->account_id) || g_hash_table_contains (seen, e->account_id))
        continue;
      g_hash_table_add (seen, e->account_id);
      counts = _am_permissions_usage_counts_text (entries, e->account_id);
      /* TRANSLATORS: an account ID, then "2 instances, 1 launch template" */
      g_string_append_printf (body, _("%s: %s"), e->account_id, counts);
      g_string_append_c (body, '\n');
    }
  if (error == NULL && body->len == 0)
    {
      confirm_public_or_run (task);
      return;
    }

  if (error != NULL)
    g_string_printf (body, _("Amiable could not check which accounts still use this image (%s). An account "
                             "that loses access can no longer launch it."), error->message);
  else
    g_string_append_printf (body, "\n%s",
                            _("These accounts lose access with this change: they can no longer launch new "
                              "instances from the image, and their launch templates stop working. Their "
                              "running instances keep running."));
  confirm = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                        error ? _("Remove Access Without Checking?")
                                                              : _("Still Used by Other Accounts"),
                                                        body->str));
  adw_message_dialog_add_responses (confirm, "cancel", _("_Keep Access"), "remove", _("_Remove Anyway"), NULL);
  adw_message_dialog_set_response_appearance (confirm, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (confirm, "cancel");
  adw_message_dialog_set_close_response (confirm, "cancel");
  g_signal_connect (confirm, "response", G_CALLBACK (still_used_response_cb), task);
  gtk_window_present (GTK_WINDOW (confirm));
}

static void
governance_closed_cb (AmPermissionsDialog *self)
{
  /* The setting may have changed there: ask again. */
  am_ec2_client_get_image_block_public_access_async (am_action_dialog_get_client (AM_ACTION_DIALOG (self)),
                                                     am_action_dialog_get_cancellable (AM_ACTION_DIALOG (self)),
                                                     block_state_cb, g_object_ref (self));
}

/* The link to the setting: the Governance window of this account and region. */
static gboolean
governance_link_cb (AmPermissionsDialog *self)
{
  AmGovernancePage *page = am_governance_page_new (am_action_dialog_get_session (AM_ACTION_DIALOG (self)),
                                                   AM_IMAGES_SCOPE_OWNED);

  gtk_window_set_transient_for (GTK_WINDOW (page), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (page), TRUE);
  g_signal_connect_object (page, "destroy", G_CALLBACK (governance_closed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (page));
  return TRUE;
}

static void
am_permissions_dialog_apply (AmActionDialog      *dialog,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  AmPermissionsDialog *self = AM_PERMISSIONS_DIALOG (dialog);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  ApplyData *apply = g_new0 (ApplyData, 1);

  g_task_set_source_tag (task, am_permissions_dialog_apply);
  apply->add = am_permission_set_new ();
  apply->remove = am_permission_set_new ();
  compute_diff (self, apply->add, apply->remove);
  g_task_set_task_data (task, apply, apply_data_free);

  /* Removing access someone still uses has broken production: count it first. */
  if (apply->remove->group_all || apply->remove->user_ids->len > 0)
    {
      am_action_dialog_show_status (dialog, _("Checking which accounts still use this image…"));
      am_ec2_client_image_usage_async (am_action_dialog_get_client (dialog), am_image_get_image_id (self->image),
                                       120, cancellable, usage_cb, task);
      return;
    }
  confirm_public_or_run (task);
}

static gboolean
am_permissions_dialog_apply_finish (AmActionDialog  *dialog,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  AmPermissionsDialog *self = AM_PERMISSIONS_DIALOG (dialog);
  ApplyData *apply = g_task_get_task_data (G_TASK (result));
  g_autofree char *title = NULL;
  const char *id = am_image_get_image_id (self->image);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    {
      /* Turned on since the dialog opened (or by another tool): explain it at the switch. */
      if (apply->add->group_all && (*error)->domain == AM_AWS_ERROR
          && g_strcmp0 (am_aws_error_get_code (*error), "OperationNotPermitted") == 0)
        {
          g_free (self->refusal);
          self->refusal = g_strdup ((*error)->message);
          self->public_blocked = TRUE;
          update_blocked (self);
          /* Explained at the switch, with the way out: not again at the top. */
          g_clear_error (error);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED_HANDLED, "Block Public Access is on");
        }
      return FALSE;
    }

  if (apply->add->group_all)
    title = g_strdup_printf (_("%s is now public"), id);
  else if (apply->remove->group_all)
    title = g_strdup_printf (_("%s is no longer public"), id);
  else
    title = g_strdup_printf (_("Launch permissions of %s changed"), id);
  am_dialog_take_undo_toast (dialog, title, am_dialog_undo_permissions,
                             am_dialog_permissions_undo_new (id, g_steal_pointer (&apply->add),
                                                             g_steal_pointer (&apply->remove)),
                             am_dialog_permissions_undo_free);
  return TRUE;
}

static void
am_permissions_dialog_dispose (GObject *object)
{
  AmPermissionsDialog *self = AM_PERMISSIONS_DIALOG (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->usage_rows, g_ptr_array_unref);
  g_clear_pointer (&self->snapshot_ids, g_ptr_array_unref);
  g_clear_pointer (&self->snapshot_sharing, g_hash_table_unref);
  g_clear_pointer (&self->snapshot_error, g_free);
  am_dialog_dispose_template_once (GTK_WIDGET (self), AM_TYPE_PERMISSIONS_DIALOG,
                                  &self->template_disposed);
  g_clear_object (&self->image);
  g_clear_pointer (&self->current, am_permission_set_free);
  g_clear_pointer (&self->refusal, g_free);

  G_OBJECT_CLASS (am_permissions_dialog_parent_class)->dispose (object);
}

static void
am_permissions_dialog_class_init (AmPermissionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmActionDialogClass *dialog_class = AM_ACTION_DIALOG_CLASS (klass);

  object_class->dispose = am_permissions_dialog_dispose;
  dialog_class->apply = am_permissions_dialog_apply;
  dialog_class->apply_finish = am_permissions_dialog_apply_finish;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amiable/Amiable/dialogs/am-permissions-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmPermissionsDialog, public_row);
  gtk_widget_class_bind_template_child (widget_class, AmPermissionsDialog, public_switch);
  gtk_widget_class_bind_template_child (widget_class, AmPermissionsDialog, public_warning);
  gtk_widget_class_bind_template_child (widget_class, AmPermissionsDialog, blocked_box);
  gtk_widget_class_bind_template_child (widget_class, AmPermissionsDialog, blocked_label);
  gtk_widget_class_bind_template_callback (widget_class, allow_public_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, governance_link_cb);
  gtk_widget_class_bind_template_child (widget_class, AmPermissionsDialog, encrypted_label);
  gtk_widget_class_bind_template_child (widget_class, AmPermissionsDialog, usage_group);
  gtk_widget_class_bind_template_child (widget_class, AmPermissionsDialog, usage_spinner);
  gtk_widget_class_bind_template_child (widget_class, AmPermissionsDialog, usage_button);
  gtk_widget_class_bind_template_callback_full (widget_class, "usage_clicked_cb",
                                                G_CALLBACK (_am_permissions_dialog_usage_clicked));
  gtk_widget_class_bind_template_child (widget_class, AmPermissionsDialog, shared_group);
  gtk_widget_class_bind_template_child (widget_class, AmPermissionsDialog, none_row);
  gtk_widget_class_bind_template_child (widget_class, AmPermissionsDialog, add_row);
  gtk_widget_class_bind_template_child (widget_class, AmPermissionsDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, AmPermissionsDialog, add_error);
  gtk_widget_class_bind_template_child (widget_class, AmPermissionsDialog, snapshots_box);
  gtk_widget_class_bind_template_child (widget_class, AmPermissionsDialog, snapshots_label);
  gtk_widget_class_bind_template_child (widget_class, AmPermissionsDialog, share_snapshots_button);
  gtk_widget_class_bind_template_child (widget_class, AmPermissionsDialog, unshare_snapshots_button);
  gtk_widget_class_bind_template_child (widget_class, AmPermissionsDialog, snapshots_result);
  gtk_widget_class_bind_template_callback_full (widget_class, "share_snapshots_clicked_cb",
                                                G_CALLBACK (_am_permissions_dialog_share_snapshots_clicked));
  gtk_widget_class_bind_template_callback_full (widget_class, "unshare_snapshots_clicked_cb",
                                                G_CALLBACK (_am_permissions_dialog_unshare_snapshots_clicked));
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_activated_cb);
}

static void
am_permissions_dialog_init (AmPermissionsDialog *self)
{
  self->rows = g_ptr_array_new_with_free_func (shared_entry_free);
  self->usage_rows = g_ptr_array_new ();
  self->snapshot_ids = g_ptr_array_new_with_free_func (g_free);
  self->snapshot_sharing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify) am_snapshot_sharing_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  am_action_dialog_set_apply_label (AM_ACTION_DIALOG (self), _("_Save"), FALSE);
  /* Nothing can be edited before the current state is known. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->public_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_row), FALSE);
}

AmPermissionsDialog *
am_permissions_dialog_new (AmSession *session,
                           AmImage   *image)
{
  AmPermissionsDialog *self;

  g_return_val_if_fail (AM_IS_IMAGE (image), NULL);

  self = g_object_new (AM_TYPE_PERMISSIONS_DIALOG, NULL);
  self->image = am_dialog_setup_for_image (AM_ACTION_DIALOG (self), session, image);
  check_encryption (self);
  _am_permissions_dialog_snapshots_start (self);
  am_action_dialog_show_status (AM_ACTION_DIALOG (self), _("Reading the current launch permissions…"));
  validate (self);
  am_dialog_get_permissions_async (am_action_dialog_get_client (AM_ACTION_DIALOG (self)),
                                   am_image_get_image_id (image),
                                   am_action_dialog_get_cancellable (AM_ACTION_DIALOG (self)),
                                   load_cb, g_object_ref (self));
  am_ec2_client_get_image_block_public_access_async (am_action_dialog_get_client (AM_ACTION_DIALOG (self)),
                                                     am_action_dialog_get_cancellable (AM_ACTION_DIALOG (self)),
                                                     block_state_cb, g_object_ref (self));
  return self;
}

gboolean
am_permissions_dialog_is_loaded (AmPermissionsDialog *self)
{
  g_return_val_if_fail (AM_IS_PERMISSIONS_DIALOG (self), FALSE);
  return self->current != NULL;
}
