/* am-volume-row.c: one editable volume of an image to create (size, type, deletion, encryption)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-volume-row"

#include "config.h"

#include <glib/gi18n.h>

#include "am-volume-row.h"

struct _AmVolumeRow
{
  AdwExpanderRow  parent_instance;

  /* template widgets */
  GtkButton      *remove_button;
  AdwActionRow   *size_row;
  GtkSpinButton  *size_spin;
  GtkAdjustment  *size_adjustment;
  AdwComboRow    *type_row;
  GtkSwitch      *delete_switch;
  AdwActionRow   *encrypted_row;
  GtkSwitch      *encrypted_switch;

  /* owned */
  char           *device_name;
  char           *snapshot_id;
  char           *original_type;   /* NULL when unknown */

  /* state */
  int             original_size;   /* 0 when unknown */
  gboolean        original_delete;
  gboolean        original_encrypted;
  guint           existing : 1;
  guint           is_root : 1;
};

G_DEFINE_FINAL_TYPE (AmVolumeRow, am_volume_row, ADW_TYPE_EXPANDER_ROW)

enum {
  REMOVE,
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const char * const volume_types[] = {
  "gp3", "gp2", "io1", "io2", "st1", "sc1", "standard", NULL
};

const char * const *
am_volume_types (void)
{
  return volume_types;
}

static guint
type_index (const char *volume_type)
{
  for (guint i = 0; volume_types[i] != NULL; i++)
    if (g_strcmp0 (volume_types[i], volume_type) == 0)
      return i;
  return 0;
}

static void
am_volume_row_update_subtitle (AmVolumeRow *self)
{
  g_autoptr (GString) subtitle = g_string_new (NULL);

  if (self->is_root)
    g_string_append_printf (subtitle, "%s · ", _("Root volume"));
  else if (!self->existing)
    g_string_append_printf (subtitle, "%s · ", _("New volume"));

  g_string_append_printf (subtitle, _("%d GiB"), am_volume_row_get_size (self));
  g_string_append_printf (subtitle, " · %s", am_volume_row_get_volume_type (self));
  if (self->snapshot_id != NULL)
    g_string_append_printf (subtitle, " · %s", self->snapshot_id);
  if (am_volume_row_get_delete_on_termination (self))
    g_string_append_printf (subtitle, " · %s", _("deleted on termination"));
  if (am_volume_row_get_encrypted (self))
    g_string_append_printf (subtitle, " · %s", _("encrypted"));

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle->str);
}

static void
on_changed (AmVolumeRow *self)
{
  /* The template sets values while it is built. */
  if (self->device_name == NULL)
    return;

  am_volume_row_update_subtitle (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_remove_clicked (AmVolumeRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* Sizes only grow: EC2 cannot make a volume smaller than what it holds. */
static void
am_volume_row_update_minimum (AmVolumeRow *self,
                              int          minimum)
{
  g_autofree char *subtitle = NULL;

  gtk_adjustment_set_lower (self->size_adjustment, MAX (minimum, 1));
  if (minimum > 0)
    subtitle = g_strdup_printf (_("At least %d GiB, the size it has now"), minimum);
  adw_action_row_set_subtitle (self->size_row, subtitle);
}

AmVolumeRow *
am_volume_row_new (const char *device_name,
                   gboolean    existing,
                   gboolean    is_root,
                   int         size,
                   const char *volume_type,
                   gboolean    delete_on_termination,
                   gboolean    encrypted)
{
  AmVolumeRow *self;

  g_return_val_if_fail (device_name != NULL, NULL);

  self = g_object_new (AM_TYPE_VOLUME_ROW, NULL);
  self->device_name = g_strdup (device_name);
  self->existing = existing;
  self->is_root = is_root;
  self->original_size = size;
  self->original_type = g_strdup (volume_type);
  self->original_delete = delete_on_termination;
  self->original_encrypted = encrypted;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), device_name);
  gtk_widget_set_name (GTK_WIDGET (self), device_name);

  if (existing)
    am_volume_row_update_minimum (self, size);
  gtk_adjustment_set_value (self->size_adjustment, size > 0 ? size : 8);
  adw_combo_row_set_selected (self->type_row, type_index (volume_type != NULL ? volume_type : "gp3"));
  gtk_switch_set_active (self->delete_switch, delete_on_termination);
  gtk_switch_set_active (self->encrypted_switch, encrypted);

  /* An encrypted volume's snapshots stay encrypted. */
  if (existing && encrypted)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->encrypted_switch), FALSE);
      adw_action_row_set_subtitle (self->encrypted_row, _("Snapshots of an encrypted volume stay encrypted"));
    }
  else
    adw_action_row_set_subtitle (self->encrypted_row, _("Encrypted with the account's default EBS key"));

  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), !is_root);
  if (!is_root)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Volume"), -1);

  am_volume_row_update_subtitle (self);

  return self;
}

const char *
am_volume_row_get_device_name (AmVolumeRow *self)
{
  g_return_val_if_fail (AM_IS_VOLUME_ROW (self), NULL);

  return self->device_name;
}

gboolean
am_volume_row_get_existing (AmVolumeRow *self)
{
  g_return_val_if_fail (AM_IS_VOLUME_ROW (self), FALSE);

  return self->existing;
}

gboolean
am_volume_row_get_is_root (AmVolumeRow *self)
{
  g_return_val_if_fail (AM_IS_VOLUME_ROW (self), FALSE);

  return self->is_root;
}

void
am_volume_row_set_snapshot_id (AmVolumeRow *self,
                               const char  *snapshot_id,
                               int          snapshot_size)
{
  g_return_if_fail (AM_IS_VOLUME_ROW (self));

  g_free (self->snapshot_id);
  self->snapshot_id = g_strdup (snapshot_id);

  /* A volume from a snapshot is at least as large as the snapshot. */
  am_volume_row_update_minimum (self, snapshot_id != NULL ? snapshot_size : 0);
  if (snapshot_id != NULL && am_volume_row_get_size (self) < snapshot_size)
    gtk_adjustment_set_value (self->size_adjustment, snapshot_size);
  if (snapshot_id == NULL)
    adw_action_row_set_subtitle (self->size_row, NULL);
  else
    {
      g_autofree char *subtitle = g_strdup_printf (_("At least %d GiB, the size of the snapshot"), snapshot_size);

      adw_action_row_set_subtitle (self->size_row, subtitle);
    }

  on_changed (self);
}

const char *
am_volume_row_get_snapshot_id (AmVolumeRow *self)
{
  g_return_val_if_fail (AM_IS_VOLUME_ROW (self), NULL);

  return self->snapshot_id;
}

int
am_volume_row_get_size (AmVolumeRow *self)
{
  g_return_val_if_fail (AM_IS_VOLUME_ROW (self), 0);

  return (int) gtk_adjustment_get_value (self->size_adjustment);
}

void
am_volume_row_set_size (AmVolumeRow *self,
                        int          size)
{
  g_return_if_fail (AM_IS_VOLUME_ROW (self));

  gtk_adjustment_set_value (self->size_adjustment, size);
}

const char *
am_volume_row_get_volume_type (AmVolumeRow *self)
{
  guint selected;

  g_return_val_if_fail (AM_IS_VOLUME_ROW (self), NULL);

  selected = adw_combo_row_get_selected (self->type_row);
  if (selected >= G_N_ELEMENTS (volume_types) - 1)
    return volume_types[0];
  return volume_types[selected];
}

void
am_volume_row_set_volume_type (AmVolumeRow *self,
                               const char  *volume_type)
{
  g_return_if_fail (AM_IS_VOLUME_ROW (self));

  adw_combo_row_set_selected (self->type_row, type_index (volume_type));
}

gboolean
am_volume_row_get_delete_on_termination (AmVolumeRow *self)
{
  g_return_val_if_fail (AM_IS_VOLUME_ROW (self), FALSE);

  return gtk_switch_get_active (self->delete_switch);
}

void
am_volume_row_set_delete_on_termination (AmVolumeRow *self,
                                         gboolean     delete_on_termination)
{
  g_return_if_fail (AM_IS_VOLUME_ROW (self));

  gtk_switch_set_active (self->delete_switch, delete_on_termination);
}

gboolean
am_volume_row_get_encrypted (AmVolumeRow *self)
{
  g_return_val_if_fail (AM_IS_VOLUME_ROW (self), FALSE);

  return gtk_switch_get_active (self->encrypted_switch);
}

void
am_volume_row_set_encrypted (AmVolumeRow *self,
                             gboolean     encrypted)
{
  g_return_if_fail (AM_IS_VOLUME_ROW (self));

  gtk_switch_set_active (self->encrypted_switch, encrypted);
}

static gboolean
size_changed (AmVolumeRow *self)
{
  int size = am_volume_row_get_size (self);

  /* An unknown size shows 8 GiB; it counts as changed only when moved from there. */
  return size != (self->original_size > 0 ? self->original_size : 8);
}

static gboolean
type_changed (AmVolumeRow *self)
{
  return g_strcmp0 (am_volume_row_get_volume_type (self),
                    self->original_type != NULL ? self->original_type : "gp3") != 0;
}

gboolean
am_volume_row_get_changed (AmVolumeRow *self)
{
  g_return_val_if_fail (AM_IS_VOLUME_ROW (self), FALSE);

  return !self->existing
         || size_changed (self)
         || type_changed (self)
         || am_volume_row_get_delete_on_termination (self) != self->original_delete
         || am_volume_row_get_encrypted (self) != self->original_encrypted;
}

AmBlockDeviceSpec *
am_volume_row_to_spec (AmVolumeRow *self)
{
  AmBlockDeviceSpec *spec;
  gboolean all;

  g_return_val_if_fail (AM_IS_VOLUME_ROW (self), NULL);

  if (!am_volume_row_get_changed (self))
    return NULL;

  /* A new volume states everything; an existing one only what changed. */
  all = !self->existing;
  spec = am_block_device_spec_new (self->device_name);
  spec->snapshot_id = g_strdup (self->snapshot_id);
  if (all || size_changed (self))
    spec->volume_size = am_volume_row_get_size (self);
  if (all || type_changed (self))
    spec->volume_type = g_strdup (am_volume_row_get_volume_type (self));
  if (all || am_volume_row_get_delete_on_termination (self) != self->original_delete)
    spec->delete_on_termination = am_volume_row_get_delete_on_termination (self) ? AM_EC2_YES : AM_EC2_NO;
  if (all || am_volume_row_get_encrypted (self) != self->original_encrypted)
    spec->encrypted = am_volume_row_get_encrypted (self) ? AM_EC2_YES : AM_EC2_NO;

  return spec;
}

static void
am_volume_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), AM_TYPE_VOLUME_ROW);

  G_OBJECT_CLASS (am_volume_row_parent_class)->dispose (object);
}

static void
am_volume_row_finalize (GObject *object)
{
  AmVolumeRow *self = (AmVolumeRow *)object;

  g_clear_pointer (&self->device_name, g_free);
  g_clear_pointer (&self->snapshot_id, g_free);
  g_clear_pointer (&self->original_type, g_free);

  G_OBJECT_CLASS (am_volume_row_parent_class)->finalize (object);
}

static void
am_volume_row_class_init (AmVolumeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_volume_row_dispose;
  object_class->finalize = am_volume_row_finalize;

  /**
   * AmVolumeRow::remove:
   * The user asked to remove the volume from the image.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * AmVolumeRow::changed:
   * A value of the volume changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/instances/am-volume-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AmVolumeRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, AmVolumeRow, size_row);
  gtk_widget_class_bind_template_child (widget_class, AmVolumeRow, size_spin);
  gtk_widget_class_bind_template_child (widget_class, AmVolumeRow, size_adjustment);
  gtk_widget_class_bind_template_child (widget_class, AmVolumeRow, type_row);
  gtk_widget_class_bind_template_child (widget_class, AmVolumeRow, delete_switch);
  gtk_widget_class_bind_template_child (widget_class, AmVolumeRow, encrypted_row);
  gtk_widget_class_bind_template_child (widget_class, AmVolumeRow, encrypted_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
am_volume_row_init (AmVolumeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
