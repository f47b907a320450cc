/* am-create-image-dialog.c: Create Image from an instance (CreateImage) with its volumes and tags
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-create-image-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "am-create-image-dialog.h"
#include "am-aws-error.h"
#include "am-ec2-client.h"
#include "am-image-name.h"
#include "am-launch-from-image.h"
#include "am-session.h"
#include "am-tag-list.h"
#include "am-volume-row.h"

struct _AmCreateImageDialog
{
  AdwWindow         parent_instance;

  /* template widgets */
  AdwWindowTitle   *window_title;
  GtkButton        *create_button;
  GtkSpinner       *busy_spinner;
  GtkRevealer      *error_revealer;
  GtkLabel         *error_label;
  GtkBox           *form;
  AdwEntryRow      *name_row;
  GtkLabel         *name_hint;
  AdwEntryRow      *description_row;
  GtkSwitch        *no_reboot_switch;
  AdwPreferencesGroup *volumes_group;
  AdwActionRow     *volumes_loading_row;
  GtkButton        *add_volume_button;

  /* owned */
  AmSession        *session;
  AmInstance       *instance;
  GCancellable     *cancellable;
  GPtrArray        *removed_devices;   /* char *: existing volumes left out of the image */
  char             *image_id;
  char             *name_error;        /* from EC2, until the name changes */

  /* borrowed */
  AmTagList        *image_tags;
  AmTagList        *snapshot_tags;
  GPtrArray        *volume_rows;       /* AmVolumeRow, in the group's order */

  /* state */
  guint             ready : 1;
  guint             busy : 1;
};

G_DEFINE_FINAL_TYPE (AmCreateImageDialog, am_create_image_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const char *default_hint;

static void
am_create_image_dialog_show_error (AmCreateImageDialog *self,
                                   const char          *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* Validates the form; shows what is wrong at the field and keeps Create off until it is right. */
static gboolean
am_create_image_dialog_validate (AmCreateImageDialog *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *name_problem = am_image_name_problem (name);
  g_autofree char *image_tags_problem = am_tag_list_validate (self->image_tags);
  g_autofree char *snapshot_tags_problem = am_tag_list_validate (self->snapshot_tags);
  const char *name_message = name_problem != NULL ? name_problem : self->name_error;
  gboolean valid;

  /* An empty name is not an error yet: just not ready. */
  if (name_message != NULL && *name != '\0')
    {
      gtk_label_set_label (self->name_hint, name_message);
      gtk_widget_add_css_class (GTK_WIDGET (self->name_hint), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_hint), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
    }
  else
    {
      gtk_label_set_label (self->name_hint, default_hint);
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_hint), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->name_hint), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
    }

  valid = name_message == NULL && image_tags_problem == NULL && snapshot_tags_problem == NULL;
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), valid && self->ready && !self->busy);

  if (image_tags_problem != NULL || snapshot_tags_problem != NULL)
    am_create_image_dialog_show_error (self, image_tags_problem != NULL ? image_tags_problem
                                                                        : snapshot_tags_problem);
  else if (gtk_revealer_get_reveal_child (self->error_revealer) && valid)
    am_create_image_dialog_show_error (self, NULL);

  return valid && self->ready;
}

static void
on_name_changed (AmCreateImageDialog *self)
{
  g_clear_pointer (&self->name_error, g_free);
  am_create_image_dialog_validate (self);
}

static void
on_form_changed (AmCreateImageDialog *self)
{
  am_create_image_dialog_validate (self);
}

static void
am_create_image_dialog_set_busy (AmCreateImageDialog *self,
                                 gboolean             busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  /* A focused entry made insensitive loses its focus-out event (GTK 4.8 warns): move it first. */
  if (busy)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form), !busy);
  am_create_image_dialog_validate (self);
}

/* Volumes */

static void on_volume_remove (AmCreateImageDialog *self,
                              AmVolumeRow         *row);

static void
am_create_image_dialog_append_volume (AmCreateImageDialog *self,
                                      AmVolumeRow         *row)
{
  g_signal_connect_object (row, "remove", G_CALLBACK (on_volume_remove), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_form_changed), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->volumes_group, GTK_WIDGET (row));
  g_ptr_array_add (self->volume_rows, row);
}

static void
on_volume_remove (AmCreateImageDialog *self,
                  AmVolumeRow         *row)
{
  /* An existing volume is left out with a NoDevice entry; a new one is simply not sent. */
  if (am_volume_row_get_existing (row))
    g_ptr_array_add (self->removed_devices, g_strdup (am_volume_row_get_device_name (row)));

  g_ptr_array_remove (self->volume_rows, row);
  adw_preferences_group_remove (self->volumes_group, GTK_WIDGET (row));
  am_create_image_dialog_validate (self);
}

/* "/dev/sdf", "/dev/xvdf" and "xvdf" name the same slot, "f". */
static const char *
device_slot (const char *device)
{
  if (g_str_has_prefix (device, "/dev/"))
    device += strlen ("/dev/");
  if (g_str_has_prefix (device, "xvd"))
    return device + strlen ("xvd");
  if (g_str_has_prefix (device, "sd"))
    return device + strlen ("sd");
  return device;
}

static gboolean
device_in_use (AmCreateImageDialog *self,
               const char          *device)
{
  const char *slot = device_slot (device);

  for (guint i = 0; i < self->volume_rows->len; i++)
    if (g_strcmp0 (device_slot (am_volume_row_get_device_name (g_ptr_array_index (self->volume_rows, i))), slot) == 0)
      return TRUE;
  for (guint i = 0; i < self->removed_devices->len; i++)
    if (g_strcmp0 (device_slot (g_ptr_array_index (self->removed_devices, i)), slot) == 0)
      return TRUE;

  return FALSE;
}

GtkWidget *
am_create_image_dialog_add_volume (AmCreateImageDialog *self)
{
  g_autofree char *device = NULL;
  AmVolumeRow *row;

  g_return_val_if_fail (AM_IS_CREATE_IMAGE_DIALOG (self), NULL);

  /* EC2 recommends /dev/sd[f-p] for EBS data volumes. */
  for (char letter = 'f'; letter <= 'p' && device == NULL; letter++)
    {
      g_autofree char *candidate = g_strdup_printf ("/dev/sd%c", letter);

      if (!device_in_use (self, candidate))
        device = g_steal_pointer (&candidate);
    }
  if (device == NULL)
    {
      am_create_image_dialog_show_error (self, _("No free device name is left for another volume (/dev/sdf to /dev/sdp are taken)."));
      return NULL;
    }

  row = am_volume_row_new (device, FALSE, FALSE, 8, "gp3", TRUE, FALSE);
  am_create_image_dialog_append_volume (self, row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  am_create_image_dialog_validate (self);

  return GTK_WIDGET (row);
}

static void
on_add_volume_clicked (AmCreateImageDialog *self)
{
  am_create_image_dialog_add_volume (self);
}

/*
 * DescribeInstances tells which volumes are attached, not their size or type; the image the
 * instance was launched from tells both for the volumes it created. Volumes attached later
 * keep an unknown size (only a change is sent).
 */
static void
am_create_image_dialog_fill_volumes (AmCreateImageDialog *self,
                                     AmImage             *image)
{
  AmInstanceBlockDevice * const *devices = am_instance_get_block_devices (self->instance);
  const char *root = am_instance_get_root_device_name (self->instance);

  adw_preferences_group_remove (self->volumes_group, GTK_WIDGET (self->volumes_loading_row));
  self->volumes_loading_row = NULL;

  for (guint i = 0; devices[i] != NULL; i++)
    {
      const char *device = am_instance_block_device_get_device_name (devices[i]);
      AmBlockDeviceMapping *mapping = NULL;
      AmVolumeRow *row;

      if (image != NULL)
        {
          AmBlockDeviceMapping * const *mappings = am_image_get_block_device_mappings (image);

          for (guint j = 0; mappings[j] != NULL; j++)
            if (g_strcmp0 (am_block_device_mapping_get_device_name (mappings[j]), device) == 0)
              mapping = mappings[j];
        }

      row = am_volume_row_new (device, TRUE, g_strcmp0 (device, root) == 0,
                               mapping != NULL ? am_block_device_mapping_get_volume_size (mapping) : 0,
                               mapping != NULL ? am_block_device_mapping_get_volume_type (mapping) : NULL,
                               am_instance_block_device_get_delete_on_termination (devices[i]),
                               mapping != NULL && am_block_device_mapping_get_encrypted (mapping));
      if (am_instance_block_device_get_volume_id (devices[i]) != NULL)
        {
          g_autofree char *title = g_strdup_printf ("%s (%s)", device,
                                                    am_instance_block_device_get_volume_id (devices[i]));

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        }
      am_create_image_dialog_append_volume (self, row);
    }

  self->ready = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_volume_button), TRUE);
  am_create_image_dialog_validate (self);
}

static void
describe_source_image_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr (AmCreateImageDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) images = NULL;

  images = am_ec2_client_describe_images_finish (AM_EC2_CLIENT (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Without the image the volumes are still editable; only their sizes are unknown. */
  if (error != NULL)
    g_debug ("Could not read the image of %s: %s",
             am_instance_get_instance_id (self->instance), error->message);

  am_create_image_dialog_fill_volumes (self, images != NULL && images->len > 0 ? g_ptr_array_index (images, 0) : NULL);
}

/* Creating */

static void
create_image_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (AmCreateImageDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *image_id = NULL;
  const char *name;

  if (!am_ec2_client_create_image_finish (AM_EC2_CLIENT (source), result, &image_id, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      am_create_image_dialog_set_busy (self, FALSE);
      name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

      if (am_aws_error_code_is (error, "InvalidAMIName.Duplicate"))
        {
          g_free (self->name_error);
          self->name_error = g_strdup_printf (_("You already have an image named “%s” in this region. "
                                                "Image names are unique per account and region: "
                                                "choose another name."), name);
          am_create_image_dialog_validate (self);
          gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
        }
      else if (am_aws_error_code_is (error, "InvalidAMIName.Malformed"))
        {
          g_free (self->name_error);
          self->name_error = g_strdup_printf (_("EC2 does not accept this name: %s"), error->message);
          am_create_image_dialog_validate (self);
          gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
        }
      else if (am_aws_error_code_is (error, "IncorrectInstanceState"))
        {
          g_autofree char *message = g_strdup_printf (_("%s\nImages can be made of running or stopped instances only: wait until the instance has settled, then try again."),
                                                      error->message);

          am_create_image_dialog_show_error (self, message);
        }
      else
        am_create_image_dialog_show_error (self, error->message);
      return;
    }

  self->image_id = g_steal_pointer (&image_id);
  name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_signal_emit (self, signals[CREATED], 0, self->image_id, name);

  {
    GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

    if (parent != NULL)
      {
        g_autofree char *title = g_strdup_printf (_("Creating image “%s” (%s)"), name, self->image_id);

        am_instances_show_toast (GTK_WIDGET (parent),
                                 am_launch_from_image_toast_new (GTK_WIDGET (parent), self->session, title, self->image_id));
      }
  }

  gtk_window_close (GTK_WINDOW (self));
}

static void
on_create_clicked (AmCreateImageDialog *self)
{
  g_autoptr (GPtrArray) devices = g_ptr_array_new_with_free_func ((GDestroyNotify) am_block_device_spec_free);
  g_autoptr (GPtrArray) tags = g_ptr_array_new_with_free_func ((GDestroyNotify) am_tag_specification_free);
  AmTagSpecification *spec;
  AmEc2Client *client;
  const char *description;

  if (self->busy || !am_create_image_dialog_validate (self))
    return;

  client = am_session_get_client (self->session);
  if (client == NULL)
    {
      am_create_image_dialog_show_error (self, _("The session is not connected any more. Reconnect, then try again."));
      return;
    }

  for (guint i = 0; i < self->volume_rows->len; i++)
    {
      AmBlockDeviceSpec *device = am_volume_row_to_spec (g_ptr_array_index (self->volume_rows, i));

      if (device != NULL)
        g_ptr_array_add (devices, device);
    }
  for (guint i = 0; i < self->removed_devices->len; i++)
    {
      AmBlockDeviceSpec *device = am_block_device_spec_new (g_ptr_array_index (self->removed_devices, i));

      device->no_device = TRUE;
      g_ptr_array_add (devices, device);
    }

  if ((spec = am_tag_list_to_spec (self->image_tags, "image")) != NULL)
    g_ptr_array_add (tags, spec);
  if ((spec = am_tag_list_to_spec (self->snapshot_tags, "snapshot")) != NULL)
    g_ptr_array_add (tags, spec);

  description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));

  am_create_image_dialog_show_error (self, NULL);
  am_create_image_dialog_set_busy (self, TRUE);
  am_ec2_client_create_image_async (client,
                                    am_instance_get_instance_id (self->instance),
                                    gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                    *description != '\0' ? description : NULL,
                                    gtk_switch_get_active (self->no_reboot_switch),
                                    devices->len > 0 ? devices : NULL,
                                    tags->len > 0 ? tags : NULL,
                                    FALSE,
                                    self->cancellable,
                                    create_image_cb,
                                    g_object_ref (self));
}

AmCreateImageDialog *
am_create_image_dialog_new (AmSession  *session,
                            AmInstance *instance)
{
  AmCreateImageDialog *self;
  g_autoptr (AmDescribeImagesQuery) query = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;
  const char *instance_name;
  AmEc2Client *client;

  g_return_val_if_fail (AM_IS_SESSION (session), NULL);
  g_return_val_if_fail (AM_IS_INSTANCE (instance), NULL);

  self = g_object_new (AM_TYPE_CREATE_IMAGE_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->instance = g_object_ref (instance);

  instance_name = NULL;
  for (AmTag * const *tags = am_instance_get_tags (instance); *tags != NULL; tags++)
    if (g_strcmp0 (am_tag_get_key (*tags), "Name") == 0)
      instance_name = am_tag_get_value (*tags);

  if (instance_name != NULL && *instance_name != '\0')
    subtitle = g_strdup_printf (_("From “%s” (%s)"), instance_name, am_instance_get_instance_id (instance));
  else
    subtitle = g_strdup_printf (_("From %s"), am_instance_get_instance_id (instance));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  name = am_image_name_suggest (instance_name != NULL && *instance_name != '\0'
                                  ? instance_name : am_instance_get_instance_id (instance),
                                now);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);

  client = am_session_get_client (session);
  if (client == NULL)
    {
      am_create_image_dialog_fill_volumes (self, NULL);
      return self;
    }

  query = am_describe_images_query_new ();
  am_describe_images_query_add_image_id (query, am_instance_get_image_id (instance));
  am_ec2_client_describe_images_async (client, query, self->cancellable,
                                       describe_source_image_cb, g_object_ref (self));

  return self;
}

AmCreateImageDialog *
am_create_image_dialog_present (GtkWidget  *parent,
                                AmSession  *session,
                                AmInstance *instance)
{
  AmCreateImageDialog *self = am_create_image_dialog_new (session, instance);
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

gboolean
am_create_image_dialog_get_ready (AmCreateImageDialog *self)
{
  g_return_val_if_fail (AM_IS_CREATE_IMAGE_DIALOG (self), FALSE);

  return self->ready;
}

gboolean
am_create_image_dialog_get_busy (AmCreateImageDialog *self)
{
  g_return_val_if_fail (AM_IS_CREATE_IMAGE_DIALOG (self), FALSE);

  return self->busy;
}

const char *
am_create_image_dialog_get_image_id (AmCreateImageDialog *self)
{
  g_return_val_if_fail (AM_IS_CREATE_IMAGE_DIALOG (self), NULL);

  return self->image_id;
}

static void
am_create_image_dialog_dispose (GObject *object)
{
  AmCreateImageDialog *self = (AmCreateImageDialog *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_CREATE_IMAGE_DIALOG);

  g_clear_object (&self->session);
  g_clear_object (&self->instance);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (am_create_image_dialog_parent_class)->dispose (object);
}

static void
am_create_image_dialog_finalize (GObject *object)
{
  AmCreateImageDialog *self = (AmCreateImageDialog *)object;

  g_clear_pointer (&self->removed_devices, g_ptr_array_unref);
  g_clear_pointer (&self->volume_rows, g_ptr_array_unref);
  g_clear_pointer (&self->image_id, g_free);
  g_clear_pointer (&self->name_error, g_free);

  G_OBJECT_CLASS (am_create_image_dialog_parent_class)->finalize (object);
}

/* GTK 4.8 warns when a window goes while an entry in it still has the focus. */
static gboolean
am_create_image_dialog_close_request (GtkWindow *window)
{
  gtk_window_set_focus (window, NULL);

  if (GTK_WINDOW_CLASS (am_create_image_dialog_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (am_create_image_dialog_parent_class)->close_request (window);
  return FALSE;
}

static void
am_create_image_dialog_class_init (AmCreateImageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = am_create_image_dialog_dispose;
  object_class->finalize = am_create_image_dialog_finalize;
  window_class->close_request = am_create_image_dialog_close_request;

  /**
   * AmCreateImageDialog::created:
   * @image_id: the new image
   * @name: its name
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/instances/am-create-image-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmCreateImageDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AmCreateImageDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, AmCreateImageDialog, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, AmCreateImageDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, AmCreateImageDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AmCreateImageDialog, form);
  gtk_widget_class_bind_template_child (widget_class, AmCreateImageDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AmCreateImageDialog, name_hint);
  gtk_widget_class_bind_template_child (widget_class, AmCreateImageDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, AmCreateImageDialog, no_reboot_switch);
  gtk_widget_class_bind_template_child (widget_class, AmCreateImageDialog, volumes_group);
  gtk_widget_class_bind_template_child (widget_class, AmCreateImageDialog, volumes_loading_row);
  gtk_widget_class_bind_template_child (widget_class, AmCreateImageDialog, add_volume_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_volume_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
am_create_image_dialog_init (AmCreateImageDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  default_hint = gtk_label_get_label (self->name_hint);
  default_hint = g_intern_string (default_hint);

  self->cancellable = g_cancellable_new ();
  self->removed_devices = g_ptr_array_new_with_free_func (g_free);
  self->volume_rows = g_ptr_array_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_volume_button), FALSE);

  self->image_tags = AM_TAG_LIST (am_tag_list_new (_("Image Tags"),
                                                   _("Labels for the new image, e.g. its purpose or version.")));
  gtk_widget_set_name (GTK_WIDGET (self->image_tags), "image-tags");
  self->snapshot_tags = AM_TAG_LIST (am_tag_list_new (_("Snapshot Tags"),
                                                      _("Labels for the snapshots of its volumes, e.g. for cost reports.")));
  gtk_widget_set_name (GTK_WIDGET (self->snapshot_tags), "snapshot-tags");
  g_signal_connect_object (self->image_tags, "changed", G_CALLBACK (on_form_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->snapshot_tags, "changed", G_CALLBACK (on_form_changed), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->form, GTK_WIDGET (self->image_tags));
  gtk_box_append (self->form, GTK_WIDGET (self->snapshot_tags));
}
