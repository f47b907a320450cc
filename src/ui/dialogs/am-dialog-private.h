/* am-dialog-private.h: pieces the management dialogs share (call callbacks, undo toasts, dispose)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-action-dialog.h"
#include "am-dialog-calls.h"
#include "am-image.h"

G_BEGIN_DECLS

/* A GAsyncReadyCallback for the am_dialog_* calls: completes the GTask in @user_data (taken)
 * with their boolean outcome. */
void     am_dialog_return_call_cb        (GObject        *object,
                                          GAsyncResult   *result,
                                          gpointer        user_data);

/* The client whose Region holds @image: the session's, or (an image of another Region, listed
 * by All Regions) one for its Region, kept with the session's client. (transfer none) */
AmEc2Client *am_dialog_client_for_image  (AmSession      *session,
                                          AmImage        *image);
/* The Region the calls about @images go to (transfer full); @several: set when they are not
 * all of one Region. */
char    *am_dialog_dup_images_region     (AmSession      *session,
                                          GPtrArray      *images,
                                          gboolean       *several);

/* The base setup for a dialog about @image: the session, the client of the image's Region, and
 * the image's name (with its Region, when it is not the session's) as subtitle.
 * Returns: (transfer full): a reference to @image for the dialog to keep. */
AmImage *am_dialog_setup_for_image       (AmActionDialog *self,
                                          AmSession      *session,
                                          AmImage        *image);

/* Gives the dialog its success toast: @title with an Undo that runs @func (@data) through the
 * dialog's client (am_dialog_undo_toast_new, reporting in the dialog's parent window). */
void     am_dialog_take_undo_toast       (AmActionDialog *self,
                                          const char     *title,
                                          AmUndoFunc      func,
                                          gpointer        data,
                                          GDestroyNotify  destroy);

/* Disposes @widget's template of @type once: dispose runs again at the last unref, and
 * GTK 4.8 asserts on a second template dispose. @disposed is the widget's flag. */
void     am_dialog_dispose_template_once (GtkWidget      *widget,
                                          GType           type,
                                          gboolean       *disposed);

G_END_DECLS
