/* am-dialog-calls.c: the EC2 calls the dialogs make, in the shapes the dialogs think in
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-dialog-calls"

#include "config.h"

#include <glib/gi18n.h>

#include "am-dialog-calls.h"
#include "am-ec2-client.h"
#include "am-window.h"

/* --- plumbing --------------------------------------------------------------------------- */

gboolean
am_dialog_call_finish (GAsyncResult *result,
                       GError      **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef gboolean (*FinishFunc) (AmEc2Client  *client,
                                GAsyncResult *result,
                                gboolean     *dry_run_ok,
                                GError      **error);

/* Completes the GTask in @user_data with what @finish says of @result. */
static void
finish_into_task (GObject      *object,
                  GAsyncResult *result,
                  GTask        *task,
                  FinishFunc    finish)
{
  GError *error = NULL;

  if (!finish (AM_EC2_CLIENT (object), result, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

#define DEFINE_FINISH_CB(name, finish)                                      \
  static void                                                               \
  name (GObject      *object,                                               \
        GAsyncResult *result,                                               \
        gpointer      user_data)                                            \
  {                                                                         \
    finish_into_task (object, result, user_data, finish);                   \
  }

DEFINE_FINISH_CB (description_cb, am_ec2_client_modify_image_description_finish)
DEFINE_FINISH_CB (enable_deprecation_cb, am_ec2_client_enable_image_deprecation_finish)
DEFINE_FINISH_CB (disable_deprecation_cb, am_ec2_client_disable_image_deprecation_finish)
DEFINE_FINISH_CB (enable_protection_cb, am_ec2_client_enable_deregistration_protection_finish)
DEFINE_FINISH_CB (disable_protection_cb, am_ec2_client_disable_deregistration_protection_finish)
DEFINE_FINISH_CB (require_imdsv2_cb, am_ec2_client_require_imdsv2_finish)

static GTask *
new_task (AmEc2Client         *client,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag)
{
  GTask *task = g_task_new (client, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  return task;
}

static gboolean
check_client (GTask       *task,
              AmEc2Client *client)
{
  if (client != NULL)
    return TRUE;
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                           _("Not connected to EC2. Choose a profile and region, then try again."));
  g_object_unref (task);
  return FALSE;
}

/* --- tags ------------------------------------------------------------------------------- */

AmTagOp *
am_tag_op_new (const char * const *resource_ids,
               const char * const *keys,
               const char * const *values)
{
  AmTagOp *op = g_new0 (AmTagOp, 1);

  op->resource_ids = g_strdupv ((char **) resource_ids);
  op->keys = g_strdupv ((char **) keys);
  op->values = values != NULL ? g_strdupv ((char **) values) : NULL;
  return op;
}

void
am_tag_op_free (AmTagOp *op)
{
  if (op == NULL)
    return;
  g_strfreev (op->resource_ids);
  g_strfreev (op->keys);
  g_strfreev (op->values);
  g_free (op);
}

typedef struct
{
  AmEc2Client *client;
  GPtrArray   *ops;
  guint        next;
} TagOpsData;

static void
tag_ops_data_free (gpointer data)
{
  TagOpsData *ops = data;

  g_clear_object (&ops->client);
  g_clear_pointer (&ops->ops, g_ptr_array_unref);
  g_free (ops);
}

static void run_next_tag_op (GTask *task);

static void
tag_op_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  TagOpsData *data = g_task_get_task_data (task);
  AmTagOp *op = g_ptr_array_index (data->ops, data->next - 1);
  GError *error = NULL;
  gboolean ok;

  if (op->values != NULL)
    ok = am_ec2_client_create_tags_finish (AM_EC2_CLIENT (object), result, NULL, &error);
  else
    ok = am_ec2_client_delete_tags_finish (AM_EC2_CLIENT (object), result, NULL, &error);
  if (!ok)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  run_next_tag_op (task);
}

static void
run_next_tag_op (GTask *task)
{
  TagOpsData *data = g_task_get_task_data (task);
  AmTagOp *op;

  if (data->next >= data->ops->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  op = g_ptr_array_index (data->ops, data->next++);
  if (op->values != NULL)
    am_ec2_client_create_tags_async (data->client, (const char * const *) op->resource_ids,
                                     (const char * const *) op->keys,
                                     (const char * const *) op->values, FALSE,
                                     g_task_get_cancellable (task), tag_op_cb, task);
  else
    am_ec2_client_delete_tags_async (data->client, (const char * const *) op->resource_ids,
                                     (const char * const *) op->keys, NULL, FALSE,
                                     g_task_get_cancellable (task), tag_op_cb, task);
}

void
am_dialog_run_tag_ops_async (AmEc2Client         *client,
                             GPtrArray           *ops,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = new_task (client, cancellable, callback, user_data, am_dialog_run_tag_ops_async);
  TagOpsData *data;

  if (!check_client (task, client))
    return;
  data = g_new0 (TagOpsData, 1);
  data->client = g_object_ref (client);
  data->ops = g_ptr_array_ref (ops);
  g_task_set_task_data (task, data, tag_ops_data_free);
  run_next_tag_op (task);
}

gboolean
am_dialog_run_tag_ops_finish (GAsyncResult *result,
                              GError      **error)
{
  return am_dialog_call_finish (result, error);
}

void
am_dialog_undo_tag_ops (AmEc2Client         *client,
                        gpointer             data,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  am_dialog_run_tag_ops_async (client, data, cancellable, callback, user_data);
}

/* --- description ------------------------------------------------------------------------ */

void
am_dialog_set_description_async (AmEc2Client         *client,
                                 const char          *image_id,
                                 const char          *description,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = new_task (client, cancellable, callback, user_data, am_dialog_set_description_async);

  if (!check_client (task, client))
    return;
  am_ec2_client_modify_image_description_async (client, image_id, description, FALSE,
                                                cancellable, description_cb, task);
}

typedef struct
{
  char *image_id;
  char *text;
} DescriptionUndo;

gpointer
am_dialog_description_undo_new (const char *image_id,
                                const char *old_description)
{
  DescriptionUndo *undo = g_new0 (DescriptionUndo, 1);

  undo->image_id = g_strdup (image_id);
  undo->text = g_strdup (old_description != NULL ? old_description : "");
  return undo;
}

void
am_dialog_description_undo_free (gpointer data)
{
  DescriptionUndo *undo = data;

  g_free (undo->image_id);
  g_free (undo->text);
  g_free (undo);
}

void
am_dialog_undo_description (AmEc2Client         *client,
                            gpointer             data,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  DescriptionUndo *undo = data;

  am_dialog_set_description_async (client, undo->image_id, undo->text, cancellable, callback, user_data);
}

/* --- launch permissions ----------------------------------------------------------------- */

AmPermissionSet *
am_permission_set_new (void)
{
  AmPermissionSet *set = g_new0 (AmPermissionSet, 1);

  /* NULL-terminated, so each list can be passed as a string vector. */
  set->user_ids = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  set->org_arns = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  set->ou_arns = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  return set;
}

void
am_permission_set_free (AmPermissionSet *set)
{
  if (set == NULL)
    return;
  g_ptr_array_unref (set->user_ids);
  g_ptr_array_unref (set->org_arns);
  g_ptr_array_unref (set->ou_arns);
  g_free (set);
}

gboolean
am_permission_set_is_empty (AmPermissionSet *set)
{
  return !set->group_all && set->user_ids->len == 0 && set->org_arns->len == 0
         && set->ou_arns->len == 0;
}

static void
get_permissions_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (AmImageAttribute) attribute = NULL;
  AmLaunchPermission * const *permissions;
  AmPermissionSet *set;
  GError *error = NULL;

  attribute = am_ec2_client_describe_image_attribute_finish (AM_EC2_CLIENT (object), result, &error);
  if (attribute == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  set = am_permission_set_new ();
  permissions = am_image_attribute_get_launch_permissions (attribute);
  for (guint i = 0; permissions[i] != NULL; i++)
    {
      AmLaunchPermission *p = permissions[i];

      if (g_strcmp0 (am_launch_permission_get_group (p), "all") == 0)
        set->group_all = TRUE;
      if (am_launch_permission_get_user_id (p) != NULL)
        g_ptr_array_add (set->user_ids, g_strdup (am_launch_permission_get_user_id (p)));
      if (am_launch_permission_get_organization_arn (p) != NULL)
        g_ptr_array_add (set->org_arns, g_strdup (am_launch_permission_get_organization_arn (p)));
      if (am_launch_permission_get_organizational_unit_arn (p) != NULL)
        g_ptr_array_add (set->ou_arns, g_strdup (am_launch_permission_get_organizational_unit_arn (p)));
    }
  g_task_return_pointer (task, set, (GDestroyNotify) am_permission_set_free);
}

void
am_dialog_get_permissions_async (AmEc2Client         *client,
                                 const char          *image_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = new_task (client, cancellable, callback, user_data, am_dialog_get_permissions_async);

  if (!check_client (task, client))
    return;
  am_ec2_client_describe_image_attribute_async (client, image_id, "launchPermission",
                                                cancellable, get_permissions_cb, task);
}

AmPermissionSet *
am_dialog_get_permissions_finish (GAsyncResult *result,
                                  GError      **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  AmEc2Client     *client;
  char            *image_id;
  AmPermissionSet *add;
  AmPermissionSet *remove;
  /* the sets sent: the call in flight reads their strings */
  AmPermissionSet *sent_add;
  AmPermissionSet *sent_remove;
} ModifyData;

static void
modify_data_free (gpointer data)
{
  ModifyData *modify = data;

  g_clear_object (&modify->client);
  g_free (modify->image_id);
  am_permission_set_free (modify->add);
  am_permission_set_free (modify->remove);
  g_clear_pointer (&modify->sent_add, am_permission_set_free);
  g_clear_pointer (&modify->sent_remove, am_permission_set_free);
  g_free (modify);
}

static AmPermissionSet *
permission_set_copy (AmPermissionSet *set)
{
  AmPermissionSet *copy = am_permission_set_new ();

  copy->group_all = set->group_all;
  for (guint i = 0; i < set->user_ids->len; i++)
    g_ptr_array_add (copy->user_ids, g_strdup (g_ptr_array_index (set->user_ids, i)));
  for (guint i = 0; i < set->org_arns->len; i++)
    g_ptr_array_add (copy->org_arns, g_strdup (g_ptr_array_index (set->org_arns, i)));
  for (guint i = 0; i < set->ou_arns->len; i++)
    g_ptr_array_add (copy->ou_arns, g_strdup (g_ptr_array_index (set->ou_arns, i)));
  return copy;
}

/* @array as a string vector (NULL when empty); the arrays are NULL-terminated. */
static const char * const *
strv_view (GPtrArray *array)
{
  return array->len > 0 ? (const char * const *) array->pdata : NULL;
}

static void modify_step (GTask *task);

static void
modify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (!am_ec2_client_modify_launch_permission_finish (AM_EC2_CLIENT (object), result, NULL, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  modify_step (task);
}

/* Removals first, so that replacing "public" by a list never leaves a public moment longer. */
static void
modify_step (GTask *task)
{
  ModifyData *data = g_task_get_task_data (task);
  AmPermissionSet *set;
  AmLaunchPermissionOperation operation;

  if (!am_permission_set_is_empty (data->remove))
    {
      set = data->remove;
      operation = AM_LAUNCH_PERMISSION_REMOVE;
    }
  else if (!am_permission_set_is_empty (data->add))
    {
      set = data->add;
      operation = AM_LAUNCH_PERMISSION_ADD;
    }
  else
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  am_ec2_client_modify_launch_permission_async (data->client, data->image_id, operation,
                                                strv_view (set->user_ids), set->group_all,
                                                strv_view (set->org_arns), strv_view (set->ou_arns),
                                                FALSE, g_task_get_cancellable (task),
                                                modify_cb, task);
  /* Each set is sent once: the next step finds it empty. */
  if (set == data->remove)
    {
      data->remove = am_permission_set_new ();
      g_clear_pointer (&data->sent_remove, am_permission_set_free);
      data->sent_remove = set;
    }
  else
    {
      data->add = am_permission_set_new ();
      g_clear_pointer (&data->sent_add, am_permission_set_free);
      data->sent_add = set;
    }
}

void
am_dialog_modify_permissions_async (AmEc2Client         *client,
                                    const char          *image_id,
                                    AmPermissionSet     *add,
                                    AmPermissionSet     *remove,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task = new_task (client, cancellable, callback, user_data, am_dialog_modify_permissions_async);
  ModifyData *data;

  if (!check_client (task, client))
    return;
  data = g_new0 (ModifyData, 1);
  data->client = g_object_ref (client);
  data->image_id = g_strdup (image_id);
  data->add = permission_set_copy (add);
  data->remove = permission_set_copy (remove);
  g_task_set_task_data (task, data, modify_data_free);
  modify_step (task);
}

typedef struct
{
  char            *image_id;
  AmPermissionSet *add;
  AmPermissionSet *remove;
} PermissionsUndo;

gpointer
am_dialog_permissions_undo_new (const char      *image_id,
                                AmPermissionSet *add,
                                AmPermissionSet *remove)
{
  PermissionsUndo *undo = g_new0 (PermissionsUndo, 1);

  undo->image_id = g_strdup (image_id);
  undo->add = add;
  undo->remove = remove;
  return undo;
}

void
am_dialog_permissions_undo_free (gpointer data)
{
  PermissionsUndo *undo = data;

  g_free (undo->image_id);
  am_permission_set_free (undo->add);
  am_permission_set_free (undo->remove);
  g_free (undo);
}

void
am_dialog_undo_permissions (AmEc2Client         *client,
                            gpointer             data,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  PermissionsUndo *undo = data;

  /* What was added is removed and what was removed is added back. */
  am_dialog_modify_permissions_async (client, undo->image_id, undo->remove, undo->add,
                                      cancellable, callback, user_data);
}

/* --- deprecation, protection, deregistration -------------------------------------------- */

void
am_dialog_set_deprecation_async (AmEc2Client         *client,
                                 const char          *image_id,
                                 GDateTime           *when,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = new_task (client, cancellable, callback, user_data, am_dialog_set_deprecation_async);

  if (!check_client (task, client))
    return;
  if (when != NULL)
    am_ec2_client_enable_image_deprecation_async (client, image_id, when, FALSE, cancellable,
                                                  enable_deprecation_cb, task);
  else
    am_ec2_client_disable_image_deprecation_async (client, image_id, FALSE, cancellable,
                                                   disable_deprecation_cb, task);
}

typedef struct
{
  char      *image_id;
  GDateTime *when;
} DeprecationUndo;

gpointer
am_dialog_deprecation_undo_new (const char *image_id,
                                GDateTime  *old_when)
{
  DeprecationUndo *undo = g_new0 (DeprecationUndo, 1);

  undo->image_id = g_strdup (image_id);
  undo->when = old_when != NULL ? g_date_time_ref (old_when) : NULL;
  return undo;
}

void
am_dialog_deprecation_undo_free (gpointer data)
{
  DeprecationUndo *undo = data;

  g_free (undo->image_id);
  g_clear_pointer (&undo->when, g_date_time_unref);
  g_free (undo);
}

void
am_dialog_undo_deprecation (AmEc2Client         *client,
                            gpointer             data,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  DeprecationUndo *undo = data;

  am_dialog_set_deprecation_async (client, undo->image_id, undo->when, cancellable, callback, user_data);
}

void
am_dialog_set_protection_async (AmEc2Client         *client,
                                const char          *image_id,
                                gboolean             enable,
                                gboolean             with_cooldown,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = new_task (client, cancellable, callback, user_data, am_dialog_set_protection_async);

  if (!check_client (task, client))
    return;
  if (enable)
    am_ec2_client_enable_deregistration_protection_async (client, image_id, with_cooldown, FALSE,
                                                          cancellable, enable_protection_cb, task);
  else
    am_ec2_client_disable_deregistration_protection_async (client, image_id, FALSE, cancellable,
                                                           disable_protection_cb, task);
}

void
am_dialog_require_imdsv2_async (AmEc2Client         *client,
                                const char          *image_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task = new_task (client, cancellable, callback, user_data, am_dialog_require_imdsv2_async);

  if (!check_client (task, client))
    return;
  am_ec2_client_require_imdsv2_async (client, image_id, FALSE, cancellable, require_imdsv2_cb, task);
}

typedef struct
{
  char     *image_id;
  gboolean  enabled;
  gboolean  with_cooldown;
} ProtectionUndo;

gpointer
am_dialog_protection_undo_new (const char *image_id,
                               gboolean    enabled,
                               gboolean    with_cooldown)
{
  ProtectionUndo *undo = g_new0 (ProtectionUndo, 1);

  undo->image_id = g_strdup (image_id);
  undo->enabled = enabled;
  undo->with_cooldown = with_cooldown;
  return undo;
}

void
am_dialog_protection_undo_free (gpointer data)
{
  ProtectionUndo *undo = data;

  g_free (undo->image_id);
  g_free (undo);
}

void
am_dialog_undo_protection (AmEc2Client         *client,
                           gpointer             data,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  ProtectionUndo *undo = data;

  am_dialog_set_protection_async (client, undo->image_id, undo->enabled, undo->with_cooldown,
                                  cancellable, callback, user_data);
}

static void
deregister_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GPtrArray *snapshot_results = NULL;
  GError *error = NULL;

  if (!am_ec2_client_deregister_image_finish_full (AM_EC2_CLIENT (object), result, &snapshot_results,
                                                   NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, snapshot_results, (GDestroyNotify) g_ptr_array_unref);
}

void
am_dialog_deregister_async (AmEc2Client         *client,
                            const char          *image_id,
                            gboolean             delete_snapshots,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = new_task (client, cancellable, callback, user_data, am_dialog_deregister_async);

  if (!check_client (task, client))
    return;
  am_ec2_client_deregister_image_async (client, image_id, delete_snapshots, FALSE, cancellable,
                                        deregister_cb, task);
}

GPtrArray *
am_dialog_deregister_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_dialog_deregister_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- undo toasts ------------------------------------------------------------------------ */

typedef struct
{
  GWeakRef        parent;
  AmEc2Client    *client;
  AmUndoFunc      func;
  gpointer        data;
  GDestroyNotify  destroy;
  gboolean        running;
} UndoData;

static void
undo_data_free (gpointer user_data)
{
  UndoData *undo = user_data;

  g_weak_ref_clear (&undo->parent);
  g_clear_object (&undo->client);
  if (undo->destroy != NULL && undo->data != NULL)
    undo->destroy (undo->data);
  g_free (undo);
}

/* An undo call in flight: the toast's reference keeps its UndoData (freed with the toast's
 * button-clicked handler) alive. */
typedef struct
{
  AdwToast *toast;
  UndoData *undo;
} UndoCall;

static void
undo_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  UndoCall *call = user_data;
  g_autoptr (AdwToast) toast = call->toast;
  UndoData *undo = call->undo;
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkWindow) parent = g_weak_ref_get (&undo->parent);
  AdwToast *report;

  g_free (call);
  if (am_dialog_call_finish (result, &error))
    {
      report = adw_toast_new (_("Change undone"));
      /* The listing showed the change: have the window reload what it shows. */
      if (AM_IS_WINDOW (parent))
        gtk_widget_activate_action (GTK_WIDGET (parent), "win.refresh", NULL);
    }
  else
    {
      g_autofree char *title = g_strdup_printf (_("Could not undo: %s"), error->message);

      report = adw_toast_new (title);
      adw_toast_set_timeout (report, 0);
    }
  if (AM_IS_WINDOW (parent))
    am_window_add_toast (AM_WINDOW (parent), report);
  else
    g_object_unref (report);
}

static void
undo_clicked_cb (AdwToast *toast,
                 gpointer  user_data)
{
  UndoData *undo = user_data;
  UndoCall *call;

  if (undo->running)
    return;
  undo->running = TRUE;
  call = g_new0 (UndoCall, 1);
  call->toast = g_object_ref (toast);
  call->undo = undo;
  undo->func (undo->client, undo->data, NULL, undo_done_cb, call);
}

AdwToast *
am_dialog_undo_toast_new (const char     *title,
                          GtkWindow      *parent,
                          AmEc2Client    *client,
                          AmUndoFunc      func,
                          gpointer        data,
                          GDestroyNotify  destroy)
{
  AdwToast *toast = adw_toast_new (title);
  UndoData *undo;

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (client == NULL || func == NULL)
    {
      if (destroy != NULL && data != NULL)
        destroy (data);
      return toast;
    }

  undo = g_new0 (UndoData, 1);
  g_weak_ref_init (&undo->parent, parent);
  undo->client = g_object_ref (client);
  undo->func = func;
  undo->data = data;
  undo->destroy = destroy;
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), undo,
                         (GClosureNotify) undo_data_free, 0);
  return toast;
}
