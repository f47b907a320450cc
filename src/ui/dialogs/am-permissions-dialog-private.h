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

  /* owned references */
  AmImage              *image;
  AmPermissionSet      *current;   /* NULL until loaded */
  GPtrArray            *rows;      /* SharedEntry: a row of shared_group and its principal */
  GPtrArray            *usage_rows;  /* AdwActionRow, borrowed from usage_group */

  /* state */
  gboolean              public_blocked;  /* Block Public Access is on in the image's region */
  char                 *refusal;         /* nullable: EC2's words when it refused to make it public */
  gboolean              usage_loaded;    /* the usage report is shown (or failed in words) */
  gboolean              encrypted;       /* some snapshot of the image is encrypted */

  /* dispose state */
  gboolean template_disposed;
};

/* "2 instances, 1 launch template" for @account_id in a usage report. */
char *_am_permissions_usage_counts_text    (GPtrArray           *entries,
                                            const char          *account_id);
/* The report's button: asks EC2 for the usage report and shows it in the usage group. */
void  _am_permissions_dialog_usage_clicked (AmPermissionsDialog *self);

G_END_DECLS
