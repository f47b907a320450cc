/* am-permissions-dialog-private.h: what the permissions dialog's files share (the dialog and
 * its "Who Uses This Image" report)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-permissions-dialog.h"

G_BEGIN_DECLS

struct _AmPermissionsDialog
{
  AmActionDialog        parent_instance;

  /* template widgets */
  AdwActionRow         *public_row;
  GtkSwitch            *public_switch;
  GtkLabel             *public_warning;
  GtkWidget            *blocked_box;
  GtkLabel             *blocked_label;
  GtkLabel             *encrypted_label;
  AdwPreferencesGroup  *usage_group;
  GtkSpinner           *usage_spinner;
  GtkButton            *usage_button;
  AdwPreferencesGroup  *shared_group;
  AdwActionRow         *none_row;
  AdwEntryRow          *add_row;
  GtkButton            *add_button;
  GtkLabel             *add_error;
  GtkWidget            *snapshots_box;
  GtkLabel             *snapshots_label;
  GtkButton            *share_snapshots_button;
  GtkButton            *unshare_snapshots_button;
  GtkLabel             *snapshots_result;

  /* owned references */
  AmImage              *image;
  AmPermissionSet      *current;   /* NULL until loaded */
  GPtrArray            *rows;      /* SharedEntry: a row of shared_group and its principal */
  GPtrArray            *usage_rows;  /* AdwActionRow, borrowed from usage_group */
  GPtrArray            *snapshot_ids;      /* char *: the image's unencrypted EBS snapshots */
  GHashTable           *snapshot_sharing;  /* snapshot ID → AmSnapshotSharing, once read */

  /* state */
  gboolean              public_blocked;  /* Block Public Access is on in the image's region */
  char                 *refusal;         /* nullable: EC2's words when it refused to make it public */
  gboolean              usage_loaded;    /* the usage report is shown (or failed in words) */
  gboolean              encrypted;       /* some snapshot of the image is encrypted */
  guint                 snapshot_calls;  /* snapshot reads and changes under way */
  char                 *snapshot_error;  /* nullable: why a snapshot's sharing could not be read */

  /* dispose state */
  gboolean template_disposed;
};

/* "2 instances, 1 launch template" for @account_id in a usage report. */
char *_am_permissions_usage_counts_text    (GPtrArray           *entries,
                                            const char          *account_id);
/* The report's button: asks EC2 for the usage report and shows it in the usage group. */
void  _am_permissions_dialog_usage_clicked (AmPermissionsDialog *self);

/* The dialog's pending change: what Save would add and remove. */
void  _am_permissions_dialog_diff          (AmPermissionsDialog *self,
                                            AmPermissionSet     *add,
                                            AmPermissionSet     *remove);
/* Checks the fields again and updates what depends on them. */
void  _am_permissions_dialog_validate      (AmPermissionsDialog *self);

/* Snapshots (am-permissions-dialog-snapshots.c): reads who may create volumes from the image's
 * snapshots; says which accounts @add / @remove leave without (or still with) that permission;
 * the "Also Share the Snapshots" and "Also Stop Sharing the Snapshots" buttons. */
void  _am_permissions_dialog_snapshots_start   (AmPermissionsDialog *self);
void  _am_permissions_dialog_snapshots_update  (AmPermissionsDialog *self,
                                                AmPermissionSet     *add,
                                                AmPermissionSet     *remove);
void  _am_permissions_dialog_share_snapshots_clicked   (AmPermissionsDialog *self);
void  _am_permissions_dialog_unshare_snapshots_clicked (AmPermissionsDialog *self);

G_END_DECLS
