/* am-copy-image-dialog.c: copies an image to another region (CopyImage)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-copy-image-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "am-aws-error.h"
#include "am-copy-image-dialog.h"
#include "am-dialog-private.h"
#include "am-dialog-validate.h"
#include "am-ec2-client.h"
#include "am-session.h"

struct _AmCopyImageDialog
{
  AmActionDialog      parent_instance;

  /* template widgets */
  AdwComboRow        *region_row;
  GtkStringList      *regions;
  AdwEntryRow        *name_row;
  AdwEntryRow        *description_row;
  GtkSwitch          *encrypted_switch;
  GtkSwitch          *copy_tags_switch;
  GtkLabel           *field_error;

  /* owned references */
  AmImage            *image;
  AmCopyImageRequest *request;        /* kept so a retry sends the same ClientToken */
  AmEc2Client        *destination;
  char               *new_image_id;

  /* dispose state */
  gboolean template_disposed;
};

G_DEFINE_FINAL_TYPE (AmCopyImageDialog, am_copy_image_dialog, AM_TYPE_ACTION_DIALOG)

/* Offered before DescribeRegions answers, or when it cannot. */
static const char * const fallback_regions[] = {
  "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1",
  "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "eu-south-1",
  "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1",
  "ap-southeast-2", "me-south-1", "af-south-1", NULL
};

static const char *
selected_region (AmCopyImageDialog *self)
{
  guint position = adw_combo_row_get_selected (self->region_row);

  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->regions, position);
}

static void
changed_cb (AmCopyImageDialog *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
  g_autofree char *name_problem = am_validate_ami_name (name);
  g_autofree char *description_problem = am_validate_description (description);

  /* One message under the group: the name's problem first. */
  am_action_dialog_mark_field (GTK_WIDGET (self->description_row), self->field_error, description_problem);
  am_action_dialog_mark_field (GTK_WIDGET (self->name_row),
                               name_problem != NULL ? self->field_error : NULL, name_problem);
  am_action_dialog_set_valid (AM_ACTION_DIALOG (self),
                              name_problem == NULL && description_problem == NULL
                              && selected_region (self) != NULL);
}

static void
activated_cb (AmCopyImageDialog *self)
{
  am_action_dialog_activate_apply (AM_ACTION_DIALOG (self));
}

static void
fill_regions (AmCopyImageDialog  *self,
              const char * const *names)
{
  g_autofree char *keep = g_strdup (selected_region (self));
  AmSession *session = am_action_dialog_get_session (AM_ACTION_DIALOG (self));
  const char *current = session != NULL ? am_session_get_region (session) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->regions));
  guint select = GTK_INVALID_LIST_POSITION;

  gtk_string_list_splice (self->regions, 0, n, names);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->regions));
  for (guint i = 0; i < n; i++)
    {
      const char *name = gtk_string_list_get_string (self->regions, i);

      /* Keep the user's choice; else the first region that is not this one. */
      if (keep != NULL && g_str_equal (name, keep))
        {
          select = i;
          break;
        }
      /* Prefer a neighbour on the same continent (us-east-1 → us-east-2). */
      if (keep == NULL && g_strcmp0 (name, current) != 0
          && (select == GTK_INVALID_LIST_POSITION
              || (current != NULL && strncmp (name, current, 3) == 0
                  && strncmp (gtk_string_list_get_string (self->regions, select), current, 3) != 0)))
        select = i;
    }
  if (select != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->region_row, select);
  changed_cb (self);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
regions_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (AmCopyImageDialog) self = user_data;
  g_autoptr (GPtrArray) regions = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;

  regions = am_ec2_client_describe_regions_finish (AM_EC2_CLIENT (object), result, &error);
  /* The offline list stays when the lookup fails: copying can still be tried. */
  if (regions == NULL || regions->len == 0)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("DescribeRegions failed, keeping the offline list: %s", error->message);
      return;
    }
  if (am_action_dialog_get_busy (AM_ACTION_DIALOG (self)))
    return;

  for (guint i = 0; i < regions->len; i++)
    g_ptr_array_add (names, (gpointer) am_region_get_region_name (g_ptr_array_index (regions, i)));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  fill_regions (self, (const char * const *) names->pdata);
}

static gboolean
request_matches (AmCopyImageDialog *self)
{
  AmCopyImageRequest *request = self->request;

  return request != NULL
         && g_strcmp0 (request->name, gtk_editable_get_text (GTK_EDITABLE (self->name_row))) == 0
         && g_strcmp0 (request->description, gtk_editable_get_text (GTK_EDITABLE (self->description_row))) == 0
         && request->encrypted == gtk_switch_get_active (self->encrypted_switch)
         && request->copy_image_tags == gtk_switch_get_active (self->copy_tags_switch)
         && self->destination != NULL
         && g_strcmp0 (am_ec2_client_get_region (self->destination), selected_region (self)) == 0;
}

static void
copy_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  AmCopyImageDialog *self = g_task_get_source_object (task);
  g_autofree char *image_id = NULL;
  GError *error = NULL;

  if (!am_ec2_client_copy_image_finish (AM_EC2_CLIENT (object), result, &image_id, NULL, &error))
    {
      /* The name is the field to fix: say so there, and only there. */
      if (am_aws_error_code_is (error, "InvalidAMIName.Duplicate"))
        {
          g_autofree char *text = g_strdup_printf (_("An image named “%s” already exists in %s. "
                                                     "Image names are unique per account and "
                                                     "region: choose another name."),
                                                   self->request->name,
                                                   am_ec2_client_get_region (AM_EC2_CLIENT (object)));

          am_action_dialog_mark_field (GTK_WIDGET (self->name_row), self->field_error, text);
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED_HANDLED, "%s", text);
          g_error_free (error);
          return;
        }
      g_task_return_error (task, error);
      return;
    }
  g_free (self->new_image_id);
  self->new_image_id = g_steal_pointer (&image_id);
  g_task_return_boolean (task, TRUE);
}

static void
am_copy_image_dialog_apply (AmActionDialog      *dialog,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  AmCopyImageDialog *self = AM_COPY_IMAGE_DIALOG (dialog);
  AmEc2Client *client = am_action_dialog_get_client (dialog);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  const char *description;
  GError *error = NULL;

  g_task_set_source_tag (task, am_copy_image_dialog_apply);
  if (client == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                               _("Not connected to EC2. Choose a profile and region, then try again."));
      g_object_unref (task);
      return;
    }

  /* The same request (and ClientToken) is sent again after a failure, unless the user
   * changed it: then EC2 cannot mistake the retry for a second copy. */
  if (!request_matches (self))
    {
      g_clear_object (&self->destination);
      self->destination = am_ec2_client_new_for_region (client, selected_region (self), &error);
      if (self->destination == NULL)
        {
          g_task_return_error (task, error);
          g_object_unref (task);
          return;
        }
      g_clear_pointer (&self->request, am_copy_image_request_free);
      self->request = am_copy_image_request_new (am_image_get_image_id (self->image),
                                                 am_ec2_client_get_region (client),
                                                 gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
      description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
      self->request->description = *description != '\0' ? g_strdup (description) : NULL;
      self->request->encrypted = gtk_switch_get_active (self->encrypted_switch);
      self->request->copy_image_tags = gtk_switch_get_active (self->copy_tags_switch);
      am_copy_image_request_ensure_client_token (self->request);
    }

  am_ec2_client_copy_image_async (self->destination, self->request, FALSE, cancellable, copy_cb, task);
}

static gboolean
am_copy_image_dialog_apply_finish (AmActionDialog  *dialog,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  AmCopyImageDialog *self = AM_COPY_IMAGE_DIALOG (dialog);
  g_autofree char *title = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  /* Translators: "Copying to eu-west-1 as ami-0123…" */
  title = g_strdup_printf (_("Copying to %s as %s"), am_ec2_client_get_region (self->destination),
                           self->new_image_id);
  am_action_dialog_take_toast (dialog, adw_toast_new (title));
  return TRUE;
}

static void
am_copy_image_dialog_dispose (GObject *object)
{
  AmCopyImageDialog *self = AM_COPY_IMAGE_DIALOG (object);

  am_dialog_dispose_template_once (GTK_WIDGET (self), AM_TYPE_COPY_IMAGE_DIALOG,
                                  &self->template_disposed);
  g_clear_object (&self->image);
  g_clear_object (&self->destination);
  g_clear_pointer (&self->request, am_copy_image_request_free);

  G_OBJECT_CLASS (am_copy_image_dialog_parent_class)->dispose (object);
}

static void
am_copy_image_dialog_finalize (GObject *object)
{
  AmCopyImageDialog *self = AM_COPY_IMAGE_DIALOG (object);

  g_free (self->new_image_id);

  G_OBJECT_CLASS (am_copy_image_dialog_parent_class)->finalize (object);
}

static void
am_copy_image_dialog_class_init (AmCopyImageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmActionDialogClass *dialog_class = AM_ACTION_DIALOG_CLASS (klass);

  object_class->dispose = am_copy_image_dialog_dispose;
  object_class->finalize = am_copy_image_dialog_finalize;
  dialog_class->apply = am_copy_image_dialog_apply;
  dialog_class->apply_finish = am_copy_image_dialog_apply_finish;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amiable/Amiable/dialogs/am-copy-image-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmCopyImageDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, AmCopyImageDialog, regions);
  gtk_widget_class_bind_template_child (widget_class, AmCopyImageDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AmCopyImageDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, AmCopyImageDialog, encrypted_switch);
  gtk_widget_class_bind_template_child (widget_class, AmCopyImageDialog, copy_tags_switch);
  gtk_widget_class_bind_template_child (widget_class, AmCopyImageDialog, field_error);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
}

static void
am_copy_image_dialog_init (AmCopyImageDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  am_action_dialog_set_apply_label (AM_ACTION_DIALOG (self), _("C_opy"), FALSE);
}

AmCopyImageDialog *
am_copy_image_dialog_new (AmSession *session,
                          AmImage   *image)
{
  AmCopyImageDialog *self;
  AmEc2Client *client;
  g_autofree char *description = NULL;
  const char *name;

  g_return_val_if_fail (AM_IS_IMAGE (image), NULL);

  self = g_object_new (AM_TYPE_COPY_IMAGE_DIALOG, NULL);
  self->image = am_dialog_setup_for_image (AM_ACTION_DIALOG (self), session, image);

  name = am_image_get_name (image);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
  if (am_image_get_description (image) != NULL)
    description = g_strdup (am_image_get_description (image));
  else
    description = g_strdup_printf (_("Copy of %s from %s"), am_image_get_image_id (image),
                                   am_session_get_region (session));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), description);

  fill_regions (self, fallback_regions);
  client = am_action_dialog_get_client (AM_ACTION_DIALOG (self));
  if (client != NULL)
    am_ec2_client_describe_regions_async (client, FALSE, NULL,
                                          am_action_dialog_get_cancellable (AM_ACTION_DIALOG (self)),
                                          regions_cb, g_object_ref (self));
  changed_cb (self);
  return self;
}

gboolean
am_copy_image_dialog_select_region (AmCopyImageDialog *self,
                                    const char        *region)
{
  guint n;

  g_return_val_if_fail (AM_IS_COPY_IMAGE_DIALOG (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->regions));
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->regions, i), region) == 0)
      {
        adw_combo_row_set_selected (self->region_row, i);
        return TRUE;
      }
  return FALSE;
}

const char *
am_copy_image_dialog_get_new_image_id (AmCopyImageDialog *self)
{
  g_return_val_if_fail (AM_IS_COPY_IMAGE_DIALOG (self), NULL);
  return self->new_image_id;
}

const char *
am_copy_image_dialog_get_client_token (AmCopyImageDialog *self)
{
  g_return_val_if_fail (AM_IS_COPY_IMAGE_DIALOG (self), NULL);
  return self->request != NULL ? self->request->client_token : NULL;
}
