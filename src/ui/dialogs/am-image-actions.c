/* am-image-actions.c: runs the image management dialogs (tags, permissions, deregister, copy…)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "am-copy-image-dialog.h"
#include "am-deprecation-dialog.h"
#include "am-deregister-dialog.h"
#include "am-description-dialog.h"
#include "am-dialog-private.h"
#include "am-disable-image-dialog.h"
#include "am-image-actions.h"
#include "am-imds-dialog.h"
#include "am-permissions-dialog.h"
#include "am-protection-dialog.h"
#include "am-session.h"
#include "am-remove-shared-dialog.h"
#include "am-tags-editor.h"

static const char * const actions[] = {
  "tags", "permissions", "description", "deprecation", "protection", "imds", "deregister", "copy",
  "remove-shared", "disable", "enable", NULL
};

gboolean
am_image_actions_is_known (const char *action)
{
  return action != NULL && g_strv_contains (actions, action);
}

/* The task's data: what a dialog handed over to needs, and whether the run has reported. */
typedef struct
{
  AmSession *session;
  gboolean   returned;
} RunData;

static void
run_data_free (gpointer data)
{
  RunData *run = data;

  g_clear_object (&run->session);
  g_free (run);
}

static void
finished_cb (GtkWindow *dialog,
             gboolean   applied,
             GTask     *task)
{
  RunData *run = g_task_get_task_data (task);

  /* Reported once, whichever comes first (the signal fires once per dialog). */
  if (g_task_get_completed (task) || run->returned)
    return;
  run->returned = TRUE;
  if (applied)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The dialog was closed");
}

static GtkWindow *
create_dialog (AmSession  *session,
               const char *action,
               GPtrArray  *images)
{
  AmImage *first = g_ptr_array_index (images, 0);

  if (g_str_equal (action, "tags"))
    {
      AmTagsEditor *editor = am_tags_editor_new (session);

      for (guint i = 0; i < images->len; i++)
        {
          AmImage *image = g_ptr_array_index (images, i);

          am_tags_editor_add_resource (editor, am_image_get_image_id (image), am_image_get_tags (image));
        }
      if (images->len == 1)
        am_action_dialog_set_subtitle (AM_ACTION_DIALOG (editor), am_image_get_name (first));
      /* All of one Region (see refuse_several_regions): that Region's client. */
      am_action_dialog_set_client (AM_ACTION_DIALOG (editor), am_dialog_client_for_image (session, first));
      return GTK_WINDOW (editor);
    }
  if (g_str_equal (action, "permissions"))
    return GTK_WINDOW (am_permissions_dialog_new (session, first));
  if (g_str_equal (action, "description"))
    return GTK_WINDOW (am_description_dialog_new (session, first));
  if (g_str_equal (action, "deprecation"))
    return GTK_WINDOW (am_deprecation_dialog_new (session, first));
  if (g_str_equal (action, "protection"))
    return GTK_WINDOW (am_protection_dialog_new (session, first));
  if (g_str_equal (action, "imds"))
    return GTK_WINDOW (am_imds_dialog_new (session, first));
  if (g_str_equal (action, "deregister"))
    return GTK_WINDOW (am_deregister_dialog_new (session, images));
  if (g_str_equal (action, "disable") || g_str_equal (action, "enable"))
    return GTK_WINDOW (am_disable_image_dialog_new (session, first));
  if (g_str_equal (action, "copy"))
    return GTK_WINDOW (am_copy_image_dialog_new (session, first));
  if (g_str_equal (action, "remove-shared"))
    return GTK_WINDOW (am_remove_shared_dialog_new (session, first));
  g_assert_not_reached ();
  return NULL;
}

static void present (GtkWindow *dialog,
                     GtkWindow *parent,
                     GTask     *task);

/* The Deregister dialog of a protected image hands over to the protection dialog, which
 * reports (and so refreshes the list) in its place. */
static void
turn_off_protection_cb (GtkWindow *dialog,
                        AmImage   *image,
                        GTask     *task)
{
  RunData *run = g_task_get_task_data (task);

  present (GTK_WINDOW (am_protection_dialog_new (run->session, image)),
           gtk_window_get_transient_for (dialog), task);
}

static void
present (GtkWindow *dialog,
         GtkWindow *parent,
         GTask     *task)
{
  if (parent != NULL)
    gtk_window_set_transient_for (dialog, parent);
  gtk_window_set_modal (dialog, TRUE);
  g_signal_connect_data (dialog, "finished", G_CALLBACK (finished_cb),
                         g_object_ref (task), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  if (AM_IS_DEREGISTER_DIALOG (dialog))
    g_signal_connect_data (dialog, "turn-off-protection", G_CALLBACK (turn_off_protection_cb),
                           g_object_ref (task), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (dialog);
}

/* Tags and Deregister send one batch through one client (and Deregister asks what uses the
 * images of one Region): images of several Regions are refused in words. */
static gboolean
refuse_several_regions (AmSession  *session,
                        const char *action,
                        GPtrArray  *images,
                        GtkWindow  *parent,
                        GTask      *task)
{
  g_autofree char *region = NULL;
  gboolean several = FALSE;
  AdwMessageDialog *dialog;

  if (images->len < 2)
    return FALSE;
  region = am_dialog_dup_images_region (session, images, &several);
  if (!several)
    return FALSE;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Images of Several Regions"), NULL));
  adw_message_dialog_format_body (dialog, "%s",
                                  g_str_equal (action, "deregister")
                                  ? _("Deregister works on the images of one Region at a time: it checks "
                                      "what uses them in their Region first. Select the images of a single "
                                      "Region (the Region column tells them apart), then try again.")
                                  : _("Tags are edited for the images of one Region at a time. Select the "
                                      "images of a single Region (the Region column tells them apart), then "
                                      "try again."));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "The selected images are of several Regions");
  return TRUE;
}

void
am_image_actions_run (GtkWidget           *parent,
                      AmSession           *session,
                      const char          *action,
                      GPtrArray           *images,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  GtkWindow *dialog;
  GtkRoot *root;
  RunData *run;

  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));
  g_return_if_fail (AM_IS_SESSION (session));

  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, am_image_actions_run);

  if (!am_image_actions_is_known (action))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               "Unknown image action “%s”", action != NULL ? action : "(null)");
      return;
    }
  if (images == NULL || images->len == 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Select an image first."));
      return;
    }

  root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  if ((g_str_equal (action, "tags") || g_str_equal (action, "deregister"))
      && refuse_several_regions (session, action, images, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, task))
    return;
  dialog = create_dialog (session, action, images);
  run = g_new0 (RunData, 1);
  run->session = g_object_ref (session);
  g_task_set_task_data (task, run, run_data_free);
  present (dialog, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, task);
}

gboolean
am_image_actions_run_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_image_actions_run, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
