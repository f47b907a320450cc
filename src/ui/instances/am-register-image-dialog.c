/* am-register-image-dialog.c: Register an image from a snapshot or from a bundle manifest
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-register-image-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "am-aws-error.h"
#include "am-ec2-client.h"
#include "am-image-name.h"
#include "am-launch-from-image.h"
#include "am-register-image-dialog.h"
#include "am-session.h"
#include "am-tag-list.h"
#include "am-volume-row.h"

struct _AmRegisterImageDialog
{
  AdwWindow              parent_instance;

  /* template widgets */
  AdwWindowTitle        *window_title;
  GtkButton             *register_button;
  GtkSpinner            *busy_spinner;
  GtkRevealer           *error_revealer;
  GtkLabel              *error_label;
  GtkBox                *form;
  AdwEntryRow           *name_row;
  GtkLabel              *name_hint;
  AdwEntryRow           *description_row;
  AdwPreferencesGroup   *manifest_group;
  AdwEntryRow           *manifest_row;
  GtkLabel              *manifest_hint;
  AdwPreferencesGroup   *snapshot_group;
  AdwComboRow           *snapshot_row;
  GtkStringList         *snapshot_labels;
  AdwEntryRow           *root_device_row;
  AdwPreferencesGroup   *volumes_group;
  GtkButton             *add_volume_button;
  AdwComboRow           *architecture_row;
  AdwComboRow           *virtualization_row;
  AdwComboRow           *boot_mode_row;
  GtkSwitch             *ena_switch;

  /* owned */
  AmSession             *session;
  GCancellable          *cancellable;
  GPtrArray             *snapshots;       /* AmSnapshot, in the combo's order */
  char                  *image_id;
  char                  *name_error;      /* from EC2, until the name changes */
  char                  *default_hint;

  /* borrowed */
  AmTagList             *image_tags;
  AmVolumeRow           *root_row;
  GPtrArray             *volume_rows;     /* AmVolumeRow added by the user */

  /* state */
  AmRegisterImageSource  source;
  guint                  ready : 1;
  guint                  busy : 1;
};

G_DEFINE_FINAL_TYPE (AmRegisterImageDialog, am_register_image_dialog, ADW_TYPE_WINDOW)

static const char * const architectures[] = { "x86_64", "arm64", "i386" };
static const char * const virtualizations[] = { "hvm", "paravirtual" };
static const char * const boot_modes[] = { NULL, "legacy-bios", "uefi", "uefi-preferred" };

static void
show_error (AmRegisterImageDialog *self,
            const char            *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
set_field_error (GtkWidget  *row,
                 GtkLabel   *hint,
                 const char *message,
                 const char *default_text)
{
  if (message != NULL)
    {
      gtk_label_set_label (hint, message);
      gtk_widget_set_visible (GTK_WIDGET (hint), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (hint), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (hint), "dim-label");
      gtk_widget_add_css_class (row, "error");
    }
  else
    {
      gtk_label_set_label (hint, default_text != NULL ? default_text : "");
      gtk_widget_set_visible (GTK_WIDGET (hint), default_text != NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (hint), "error");
      gtk_widget_add_css_class (GTK_WIDGET (hint), "dim-label");
      gtk_widget_remove_css_class (row, "error");
    }
}

static gboolean
validate (AmRegisterImageDialog *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *name_problem = am_image_name_problem (name);
  g_autofree char *tags_problem = am_tag_list_validate (self->image_tags);
  const char *name_message = name_problem != NULL ? name_problem : self->name_error;
  gboolean valid = name_message == NULL && tags_problem == NULL;

  set_field_error (GTK_WIDGET (self->name_row), self->name_hint,
                   *name != '\0' ? name_message : NULL, self->default_hint);

  if (self->source == AM_REGISTER_IMAGE_FROM_MANIFEST)
    {
      const char *location = gtk_editable_get_text (GTK_EDITABLE (self->manifest_row));
      g_autofree char *problem = am_manifest_location_problem (location);

      set_field_error (GTK_WIDGET (self->manifest_row), self->manifest_hint,
                       *location != '\0' ? problem : NULL, NULL);
      valid &= problem == NULL;
    }
  else
    {
      const char *root = gtk_editable_get_text (GTK_EDITABLE (self->root_device_row));

      valid &= self->root_row != NULL;
      if (!g_str_has_prefix (root, "/dev/") || strlen (root) <= strlen ("/dev/"))
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->root_device_row), "error");
          valid = FALSE;
        }
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->root_device_row), "error");
    }

  if (tags_problem != NULL)
    show_error (self, tags_problem);

  gtk_widget_set_sensitive (GTK_WIDGET (self->register_button), valid && self->ready && !self->busy);

  return valid && self->ready;
}

static void
on_name_changed (AmRegisterImageDialog *self)
{
  g_clear_pointer (&self->name_error, g_free);
  validate (self);
}

static void
on_form_changed (AmRegisterImageDialog *self)
{
  validate (self);
}

static void
set_busy (AmRegisterImageDialog *self,
          gboolean               busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  /* A focused entry made insensitive loses its focus-out event (GTK 4.8 warns): move it first. */
  if (busy)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form), !busy);
  validate (self);
}

/* Volumes */

static void
on_volume_remove (AmRegisterImageDialog *self,
                  AmVolumeRow           *row)
{
  g_ptr_array_remove (self->volume_rows, row);
  adw_preferences_group_remove (self->volumes_group, GTK_WIDGET (row));
  validate (self);
}

static void
on_add_volume_clicked (AmRegisterImageDialog *self)
{
  g_autofree char *device = NULL;
  AmVolumeRow *row;

  for (char letter = 'f'; letter <= 'p' && device == NULL; letter++)
    {
      g_autofree char *candidate = g_strdup_printf ("/dev/sd%c", letter);
      gboolean used = FALSE;

      for (guint i = 0; i < self->volume_rows->len; i++)
        used |= g_strcmp0 (am_volume_row_get_device_name (g_ptr_array_index (self->volume_rows, i)), candidate) == 0;
      if (!used)
        device = g_steal_pointer (&candidate);
    }
  if (device == NULL)
    return;

  row = am_volume_row_new (device, FALSE, FALSE, 8, "gp3", TRUE, FALSE);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_volume_remove), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_form_changed), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->volumes_group, GTK_WIDGET (row));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_ptr_array_add (self->volume_rows, row);
  validate (self);
}

static void
on_snapshot_selected (AmRegisterImageDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->snapshot_row);
  AmSnapshot *snapshot;

  if (self->snapshots == NULL || selected >= self->snapshots->len)
    return;

  snapshot = g_ptr_array_index (self->snapshots, selected);
  if (self->root_row == NULL)
    {
      self->root_row = am_volume_row_new (_("Root volume"), FALSE, TRUE,
                                          am_snapshot_get_volume_size (snapshot), "gp3", TRUE,
                                          am_snapshot_get_encrypted (snapshot));
      g_signal_connect_object (self->root_row, "changed", G_CALLBACK (on_form_changed), self, G_CONNECT_SWAPPED);
      /* First in the mapping. */
      adw_preferences_group_add (self->volumes_group, GTK_WIDGET (self->root_row));
    }
  am_volume_row_set_encrypted (self->root_row, am_snapshot_get_encrypted (snapshot));
  am_volume_row_set_snapshot_id (self->root_row, am_snapshot_get_snapshot_id (snapshot),
                                 am_snapshot_get_volume_size (snapshot));
  validate (self);
}

static void
describe_snapshots_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (AmRegisterImageDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) snapshots = NULL;

  snapshots = am_ec2_client_describe_snapshots_finish (AM_EC2_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (snapshots == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not list your snapshots: %s"), error->message);

      show_error (self, message);
      return;
    }

  self->snapshots = g_ptr_array_ref (snapshots);
  for (guint i = 0; i < snapshots->len; i++)
    {
      AmSnapshot *snapshot = g_ptr_array_index (snapshots, i);
      const char *description = am_snapshot_get_description (snapshot);
      g_autofree char *label = NULL;

      if (description != NULL && *description != '\0')
        label = g_strdup_printf (_("%s · %d GiB · %s"), am_snapshot_get_snapshot_id (snapshot),
                                 am_snapshot_get_volume_size (snapshot), description);
      else
        label = g_strdup_printf (_("%s · %d GiB"), am_snapshot_get_snapshot_id (snapshot),
                                 am_snapshot_get_volume_size (snapshot));
      gtk_string_list_append (self->snapshot_labels, label);
    }

  if (snapshots->len == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->snapshot_row),
                                 _("You have no snapshots in this region. Create an image of an instance, or a snapshot of its volume, first."));
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->snapshot_row), TRUE);

  self->ready = TRUE;
  on_snapshot_selected (self);
  validate (self);
}

/* Registering */

static void
registered (AmRegisterImageDialog *self,
            char                  *image_id)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  self->image_id = image_id;
  if (parent != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Registered image “%s” (%s)"), name, self->image_id);

      am_instances_show_toast (GTK_WIDGET (parent),
                                 am_launch_from_image_toast_new (GTK_WIDGET (parent), self->session, title, self->image_id));
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
register_failed (AmRegisterImageDialog *self,
                 const GError          *error)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  set_busy (self, FALSE);
  if (am_aws_error_code_is (error, "InvalidAMIName.Duplicate"))
    {
      g_free (self->name_error);
      self->name_error = g_strdup_printf (_("You already have an image named “%s” in this region. "
                                            "Image names are unique per account and region: "
                                            "choose another name."), name);
      validate (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
    }
  else if (am_aws_error_code_is (error, "InvalidAMIName.Malformed"))
    {
      g_free (self->name_error);
      self->name_error = g_strdup_printf (_("EC2 does not accept this name: %s"), error->message);
      validate (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
    }
  else
    show_error (self, error->message);
}

static void
register_image_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (AmRegisterImageDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  char *image_id = NULL;

  if (!am_ec2_client_register_image_finish (AM_EC2_CLIENT (source), result, &image_id, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        register_failed (self, error);
      return;
    }

  registered (self, image_id);
}

/* A bundle's registration: the manifest location instead of a block device mapping. */
static void
register_manifest (AmRegisterImageDialog *self,
                   const char            *name,
                   const char            *description,
                   GPtrArray             *tags)
{
  am_ec2_client_register_image_async (am_session_get_client (self->session), name, description,
                                      gtk_editable_get_text (GTK_EDITABLE (self->manifest_row)),
                                      architectures[adw_combo_row_get_selected (self->architecture_row)],
                                      NULL,
                                      NULL,
                                      virtualizations[adw_combo_row_get_selected (self->virtualization_row)],
                                      boot_modes[adw_combo_row_get_selected (self->boot_mode_row)],
                                      gtk_switch_get_active (self->ena_switch),
                                      NULL,
                                      tags->len > 0 ? tags : NULL,
                                      FALSE,
                                      self->cancellable,
                                      register_image_cb,
                                      g_object_ref (self));
}

static void
on_register_clicked (AmRegisterImageDialog *self)
{
  g_autoptr (GPtrArray) devices = g_ptr_array_new_with_free_func ((GDestroyNotify) am_block_device_spec_free);
  g_autoptr (GPtrArray) tags = g_ptr_array_new_with_free_func ((GDestroyNotify) am_tag_specification_free);
  AmTagSpecification *spec;
  const char *description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *root = gtk_editable_get_text (GTK_EDITABLE (self->root_device_row));
  AmEc2Client *client;

  if (self->busy || !validate (self))
    return;

  client = am_session_get_client (self->session);
  if (client == NULL)
    {
      show_error (self, _("The session is not connected any more. Reconnect, then try again."));
      return;
    }

  show_error (self, NULL);
  set_busy (self, TRUE);

  spec = am_tag_list_to_spec (self->image_tags, "image");
  if (spec != NULL)
    g_ptr_array_add (tags, spec);
  if (self->source == AM_REGISTER_IMAGE_FROM_MANIFEST)
    {
      register_manifest (self, name, *description != '\0' ? description : NULL, tags);
      return;
    }

  {
    AmBlockDeviceSpec *device = am_volume_row_to_spec (self->root_row);

    /* The root volume sits at the device name the user chose. */
    g_free (device->device_name);
    device->device_name = g_strdup (root);
    g_ptr_array_add (devices, device);
  }
  for (guint i = 0; i < self->volume_rows->len; i++)
    g_ptr_array_add (devices, am_volume_row_to_spec (g_ptr_array_index (self->volume_rows, i)));

  am_ec2_client_register_image_async (client, name,
                                      *description != '\0' ? description : NULL,
                                      NULL,
                                      architectures[adw_combo_row_get_selected (self->architecture_row)],
                                      root,
                                      devices,
                                      virtualizations[adw_combo_row_get_selected (self->virtualization_row)],
                                      boot_modes[adw_combo_row_get_selected (self->boot_mode_row)],
                                      gtk_switch_get_active (self->ena_switch),
                                      NULL,
                                      tags->len > 0 ? tags : NULL,
                                      FALSE,
                                      self->cancellable,
                                      register_image_cb,
                                      g_object_ref (self));
}

AmRegisterImageDialog *
am_register_image_dialog_new (AmSession             *session,
                              AmRegisterImageSource  source)
{
  AmRegisterImageDialog *self;
  AmEc2Client *client;

  g_return_val_if_fail (AM_IS_SESSION (session), NULL);

  self = g_object_new (AM_TYPE_REGISTER_IMAGE_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->source = source;

  gtk_widget_set_visible (GTK_WIDGET (self->manifest_group), source == AM_REGISTER_IMAGE_FROM_MANIFEST);
  gtk_widget_set_visible (GTK_WIDGET (self->snapshot_group), source == AM_REGISTER_IMAGE_FROM_SNAPSHOT);
  gtk_widget_set_visible (GTK_WIDGET (self->volumes_group), source == AM_REGISTER_IMAGE_FROM_SNAPSHOT);

  if (source == AM_REGISTER_IMAGE_FROM_MANIFEST)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Register Image from a Bundle Manifest"));
      adw_window_title_set_title (self->window_title, _("Register Image"));
      adw_window_title_set_subtitle (self->window_title, _("From a bundle manifest in Amazon S3"));
      self->ready = TRUE;
      validate (self);
      return self;
    }

  gtk_window_set_title (GTK_WINDOW (self), _("Create Image from a Snapshot"));
  adw_window_title_set_title (self->window_title, _("Create Image"));
  adw_window_title_set_subtitle (self->window_title, _("From an EBS snapshot"));

  client = am_session_get_client (session);
  if (client != NULL)
    {
      const char * const owners[] = { "self", NULL };

      am_ec2_client_describe_snapshots_async (client, NULL, owners, NULL, self->cancellable,
                                              describe_snapshots_cb, g_object_ref (self));
    }

  return self;
}

AmRegisterImageDialog *
am_register_image_dialog_present (GtkWidget             *parent,
                                  AmSession             *session,
                                  AmRegisterImageSource  source)
{
  AmRegisterImageDialog *self = am_register_image_dialog_new (session, source);
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

gboolean
am_register_image_dialog_get_ready (AmRegisterImageDialog *self)
{
  g_return_val_if_fail (AM_IS_REGISTER_IMAGE_DIALOG (self), FALSE);

  return self->ready;
}

const char *
am_register_image_dialog_get_image_id (AmRegisterImageDialog *self)
{
  g_return_val_if_fail (AM_IS_REGISTER_IMAGE_DIALOG (self), NULL);

  return self->image_id;
}

static void
am_register_image_dialog_dispose (GObject *object)
{
  AmRegisterImageDialog *self = (AmRegisterImageDialog *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_REGISTER_IMAGE_DIALOG);

  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->snapshots, g_ptr_array_unref);

  G_OBJECT_CLASS (am_register_image_dialog_parent_class)->dispose (object);
}

static void
am_register_image_dialog_finalize (GObject *object)
{
  AmRegisterImageDialog *self = (AmRegisterImageDialog *)object;

  g_clear_pointer (&self->volume_rows, g_ptr_array_unref);
  g_clear_pointer (&self->image_id, g_free);
  g_clear_pointer (&self->name_error, g_free);
  g_clear_pointer (&self->default_hint, g_free);

  G_OBJECT_CLASS (am_register_image_dialog_parent_class)->finalize (object);
}

/* GTK 4.8 warns when a window goes while an entry in it still has the focus. */
static gboolean
am_register_image_dialog_close_request (GtkWindow *window)
{
  gtk_window_set_focus (window, NULL);

  if (GTK_WINDOW_CLASS (am_register_image_dialog_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (am_register_image_dialog_parent_class)->close_request (window);
  return FALSE;
}

static void
am_register_image_dialog_class_init (AmRegisterImageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = am_register_image_dialog_dispose;
  object_class->finalize = am_register_image_dialog_finalize;
  window_class->close_request = am_register_image_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/instances/am-register-image-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmRegisterImageDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AmRegisterImageDialog, register_button);
  gtk_widget_class_bind_template_child (widget_class, AmRegisterImageDialog, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, AmRegisterImageDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, AmRegisterImageDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AmRegisterImageDialog, form);
  gtk_widget_class_bind_template_child (widget_class, AmRegisterImageDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AmRegisterImageDialog, name_hint);
  gtk_widget_class_bind_template_child (widget_class, AmRegisterImageDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, AmRegisterImageDialog, manifest_group);
  gtk_widget_class_bind_template_child (widget_class, AmRegisterImageDialog, manifest_row);
  gtk_widget_class_bind_template_child (widget_class, AmRegisterImageDialog, manifest_hint);
  gtk_widget_class_bind_template_child (widget_class, AmRegisterImageDialog, snapshot_group);
  gtk_widget_class_bind_template_child (widget_class, AmRegisterImageDialog, snapshot_row);
  gtk_widget_class_bind_template_child (widget_class, AmRegisterImageDialog, snapshot_labels);
  gtk_widget_class_bind_template_child (widget_class, AmRegisterImageDialog, root_device_row);
  gtk_widget_class_bind_template_child (widget_class, AmRegisterImageDialog, volumes_group);
  gtk_widget_class_bind_template_child (widget_class, AmRegisterImageDialog, add_volume_button);
  gtk_widget_class_bind_template_child (widget_class, AmRegisterImageDialog, architecture_row);
  gtk_widget_class_bind_template_child (widget_class, AmRegisterImageDialog, virtualization_row);
  gtk_widget_class_bind_template_child (widget_class, AmRegisterImageDialog, boot_mode_row);
  gtk_widget_class_bind_template_child (widget_class, AmRegisterImageDialog, ena_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_register_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_add_volume_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_snapshot_selected);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
am_register_image_dialog_init (AmRegisterImageDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->volume_rows = g_ptr_array_new ();
  self->default_hint = g_strdup (gtk_label_get_label (self->name_hint));

  self->image_tags = AM_TAG_LIST (am_tag_list_new (_("Image Tags"), _("Labels for the new image.")));
  gtk_widget_set_name (GTK_WIDGET (self->image_tags), "image-tags");
  g_signal_connect_object (self->image_tags, "changed", G_CALLBACK (on_form_changed), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->form, GTK_WIDGET (self->image_tags));
}
