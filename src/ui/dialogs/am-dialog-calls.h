/* am-dialog-calls.h: the EC2 calls the dialogs make, in the shapes the dialogs think in
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#include "am-ec2-client.h"

/* One CreateTags (values set) or DeleteTags (values NULL) call over several resources. */
typedef struct
{
  char **resource_ids;
  char **keys;
  char **values;
} AmTagOp;

AmTagOp *am_tag_op_new  (const char * const *resource_ids,
                         const char * const *keys,
                         const char * const *values);
void     am_tag_op_free (AmTagOp *op);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmTagOp, am_tag_op_free)

/* Runs @ops (element-type AmTagOp) one after the other; stops at the first failure. */
void     am_dialog_run_tag_ops_async  (AmEc2Client          *client,
                                       GPtrArray            *ops,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean am_dialog_run_tag_ops_finish (GAsyncResult         *result,
                                       GError              **error);

/* Every call below finishes with this (a GTask boolean). */
gboolean am_dialog_call_finish (GAsyncResult *result,
                                GError      **error);

/* ModifyImageAttribute Description.Value. */
void     am_dialog_set_description_async (AmEc2Client         *client,
                                          const char          *image_id,
                                          const char          *description,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);

/* Launch permissions as the dialog edits them. */
typedef struct
{
  gboolean   group_all;
  GPtrArray *user_ids;       /* char * */
  GPtrArray *org_arns;       /* char * */
  GPtrArray *ou_arns;        /* char * */
} AmPermissionSet;

AmPermissionSet *am_permission_set_new      (void);
void             am_permission_set_free     (AmPermissionSet *set);
gboolean         am_permission_set_is_empty (AmPermissionSet *set);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmPermissionSet, am_permission_set_free)

/* DescribeImageAttribute launchPermission; finish returns the current set (transfer full). */
void             am_dialog_get_permissions_async  (AmEc2Client         *client,
                                                   const char          *image_id,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
AmPermissionSet *am_dialog_get_permissions_finish (GAsyncResult        *result,
                                                   GError             **error);
/* ModifyImageAttribute launchPermission: one call with Add and Remove (either may be empty). */
void             am_dialog_modify_permissions_async (AmEc2Client         *client,
                                                     const char          *image_id,
                                                     AmPermissionSet     *add,
                                                     AmPermissionSet     *remove,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);

/* EnableImageDeprecation (@when non-NULL) or DisableImageDeprecation (@when NULL). */
void     am_dialog_set_deprecation_async (AmEc2Client         *client,
                                          const char          *image_id,
                                          GDateTime           *when,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* Enable (with or without cooldown) or DisableImageDeregistrationProtection. */
void     am_dialog_set_protection_async  (AmEc2Client         *client,
                                          const char          *image_id,
                                          gboolean             enable,
                                          gboolean             with_cooldown,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* ModifyImageAttribute ImdsSupport=v2.0 (EC2 cannot turn it off again). */
void     am_dialog_require_imdsv2_async  (AmEc2Client         *client,
                                          const char          *image_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* DeregisterImage, optionally with DeleteAssociatedSnapshots. */
void     am_dialog_deregister_async      (AmEc2Client         *client,
                                          const char          *image_id,
                                          gboolean             delete_snapshots,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* Returns: (transfer full) (element-type AmSnapshotDeletion): what EC2 did with each snapshot
 * (empty when the snapshots were kept), or NULL with @error */
GPtrArray *am_dialog_deregister_finish   (GAsyncResult        *result,
                                          GError             **error);

/* An undo: an async call whose GTask result is a boolean. */
typedef void (*AmUndoFunc) (AmEc2Client         *client,
                            gpointer             data,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data);

/*
 * A toast titled @title with an Undo button that runs @func (@client, @data); when undoing
 * fails, another toast in @parent says so. @data is freed with @destroy when the toast goes.
 */
AdwToast *am_dialog_undo_toast_new (const char    *title,
                                    GtkWindow     *parent,
                                    AmEc2Client   *client,
                                    AmUndoFunc     func,
                                    gpointer       data,
                                    GDestroyNotify destroy);

/* The undo of tag changes: @data is a GPtrArray of AmTagOp (taken). */
void      am_dialog_undo_tag_ops   (AmEc2Client         *client,
                                    gpointer             data,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);

/* The undos of the single-image dialogs: @data is what the matching _undo_new returns. */
gpointer am_dialog_description_undo_new  (const char *image_id,
                                          const char *old_description);
void     am_dialog_description_undo_free (gpointer    data);
void     am_dialog_undo_description      (AmEc2Client         *client,
                                          gpointer             data,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* Undoing a permission change applies @add as removal and @remove as addition (both taken). */
gpointer am_dialog_permissions_undo_new  (const char      *image_id,
                                          AmPermissionSet *add,
                                          AmPermissionSet *remove);
void     am_dialog_permissions_undo_free (gpointer         data);
void     am_dialog_undo_permissions      (AmEc2Client         *client,
                                          gpointer             data,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* Puts back a deprecation time (@old_when, nullable: none) . */
gpointer am_dialog_deprecation_undo_new  (const char *image_id,
                                          GDateTime  *old_when);
void     am_dialog_deprecation_undo_free (gpointer    data);
void     am_dialog_undo_deprecation      (AmEc2Client         *client,
                                          gpointer             data,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* Puts back a protection state. */
gpointer am_dialog_protection_undo_new   (const char *image_id,
                                          gboolean    enabled,
                                          gboolean    with_cooldown);
void     am_dialog_protection_undo_free  (gpointer    data);
void     am_dialog_undo_protection       (AmEc2Client         *client,
                                          gpointer             data,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);

G_END_DECLS
