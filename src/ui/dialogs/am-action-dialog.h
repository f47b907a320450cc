/* am-action-dialog.h: the base of the management dialogs (header bar, Apply, progress, errors)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct _AmSession AmSession;
typedef struct _AmEc2Client AmEc2Client;

#define AM_TYPE_ACTION_DIALOG (am_action_dialog_get_type ())

G_DECLARE_DERIVABLE_TYPE (AmActionDialog, am_action_dialog, AM, ACTION_DIALOG, AdwWindow)

/*
 * A modal window with Cancel and Apply in its header bar, an inline error area at the top and
 * an AdwPreferencesPage below, to which subclass templates add AdwPreferencesGroup children.
 * Subclasses validate as the user types (am_action_dialog_set_valid) and implement apply; the
 * base runs it with a spinner, shows a failure inline (the dialog stays open so the user can
 * fix and retry), and on success closes and emits "finished" (TRUE). Closing otherwise emits
 * "finished" (FALSE) and cancels a running call. A subclass that explained a failure at the
 * field to fix (am_action_dialog_mark_field) fails with G_IO_ERROR_FAILED_HANDLED: then the
 * base shows no banner and moves the focus to that field.
 */
struct _AmActionDialogClass
{
  AdwWindowClass parent_class;

  void      (*apply)        (AmActionDialog       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data);
  gboolean  (*apply_finish) (AmActionDialog       *self,
                             GAsyncResult        *result,
                             GError             **error);
};

void         am_action_dialog_setup         (AmActionDialog *self,
                                            AmSession     *session,
                                            GPtrArray     *images);
AmSession   *am_action_dialog_get_session   (AmActionDialog *self);
/** am_action_dialog_get_client: Returns: (transfer none) (nullable): the client the dialog's
 * calls go through: the session's, or the one am_action_dialog_set_client() chose */
AmEc2Client *am_action_dialog_get_client    (AmActionDialog *self);
/* The client of the image's Region, when it is not the session's (All Regions). */
void         am_action_dialog_set_client    (AmActionDialog *self,
                                            AmEc2Client   *client);
/** am_action_dialog_get_images: Returns: (transfer none) (element-type AmImage) */
GPtrArray   *am_action_dialog_get_images    (AmActionDialog *self);
/** am_action_dialog_get_cancellable: Returns: (transfer none): cancelled when the dialog closes */
GCancellable *am_action_dialog_get_cancellable (AmActionDialog *self);
void         am_action_dialog_set_subtitle  (AmActionDialog *self,
                                            const char    *subtitle);
void         am_action_dialog_set_apply_label (AmActionDialog *self,
                                            const char    *label,
                                            gboolean       destructive);
/* Apply is sensitive only while the form is valid and nothing runs. */
void         am_action_dialog_set_valid     (AmActionDialog *self,
                                            gboolean       valid);
gboolean     am_action_dialog_get_valid     (AmActionDialog *self);
gboolean     am_action_dialog_get_busy      (AmActionDialog *self);
/* Shows @error (or hides the area when NULL) at the top, with advice on what to do. */
void         am_action_dialog_show_error    (AmActionDialog *self,
                                            const GError  *error);
/* Shows a note under the header (e.g. "Loading current permissions…"); NULL hides it. */
void         am_action_dialog_show_status   (AmActionDialog *self,
                                            const char    *status);
/* The toast to show in the parent window once the dialog closes after success. */
void         am_action_dialog_take_toast    (AmActionDialog *self,
                                            AdwToast      *toast);
/**
 * am_action_dialog_get_toast:
 * Returns: (transfer none) (nullable): the toast that reports a successful change (with its
 *   Undo); it goes to the parent AmWindow right after ::finished
 */
AdwToast    *am_action_dialog_get_toast    (AmActionDialog *self);
/* Runs apply as the Apply button does (used by Enter in entries). */
void         am_action_dialog_activate_apply (AmActionDialog *self);

/* Field helpers: marks @row (an AdwPreferencesRow) as erroneous and puts @message in @label. */
void         am_action_dialog_mark_field    (GtkWidget     *row,
                                            GtkLabel      *label,
                                            const char    *message);
/* A user-facing explanation of @error with what to do about it (transfer full). */
char        *am_action_dialog_describe_error (const GError *error);

G_END_DECLS
