/* am-image-actions.h: runs the image management dialogs (tags, permissions, deregister, copy…)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Declared in am-session.h; repeated so this header stands alone. */
typedef struct _AmSession AmSession;

/**
 * am_image_actions_run:
 * @parent: the widget the dialog belongs to (its root becomes the dialog's transient parent;
 *   toasts go to it when it is an AmWindow)
 * @session: a READY session whose client performs the change
 * @action: one of "tags", "permissions", "description", "deprecation", "protection",
 *   "deregister", "copy" (the images view's action names without "images.")
 * @images: (element-type AmImage): the selected images; "tags" and "deregister" work on
 *   several, the others use the first
 *
 * Opens the dialog for @action. It validates as the user types, runs the change with
 * progress, shows errors inline, and on success closes and offers a toast (with Undo where
 * the API allows it).
 */
void     am_image_actions_run        (GtkWidget           *parent,
                                      AmSession           *session,
                                      const char          *action,
                                      GPtrArray           *images,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
/**
 * am_image_actions_run_finish:
 * Returns: %TRUE when the change was applied (the caller refreshes its listing); %FALSE with
 *   %G_IO_ERROR_CANCELLED when the user closed the dialog, or another error (unknown action,
 *   no images).
 */
gboolean am_image_actions_run_finish (GAsyncResult        *result,
                                      GError             **error);

/** am_image_actions_is_known: Returns: whether @action names one of the dialogs above */
gboolean am_image_actions_is_known   (const char          *action);

G_END_DECLS
