/* am-launch-storage-page.c: the launch wizard's storage page: the volumes attached at launch
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-launch-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "am-launch-storage-page.h"

struct _AmLaunchStoragePage
{
  AmLaunchPage parent_instance;

  /* built widgets */
  GtkListBox *volume_list;
};

G_DEFINE_FINAL_TYPE (AmLaunchStoragePage, am_launch_storage_page, AM_TYPE_LAUNCH_PAGE)

static const char * const volume_type_names[] = {
  "gp3", "gp2", "io1", "io2", "st1", "sc1", "standard", NULL,
};

static void rebuild_volume_list (AmLaunchStoragePage *self);

/* One volume's row: its editors, and which of the request's volumes it edits. Freed with the row. */
typedef struct
{
  AmLaunchStoragePage *self;
  GtkWidget *expander;
  guint index;
  GtkSpinButton *size;
  AdwComboRow *type;
  GtkSpinButton *iops;
  GtkWidget *iops_row;
  GtkSpinButton *throughput;
  GtkWidget *throughput_row;
  GtkSwitch *encrypted;
  GtkSwitch *delete_on_termination;
} VolumeWidgets;

static char *
volume_summary (const AmLaunchVolume *volume)
{
  g_autoptr (GString) s = g_string_new (NULL);

  g_string_append_printf (s, _("%d GiB %s"), volume->size, volume->volume_type);
  if (volume->iops > 0)
    g_string_append_printf (s, _(" · %d IOPS"), volume->iops);
  if (volume->throughput > 0)
    g_string_append_printf (s, _(" · %d MiB/s"), volume->throughput);
  if (volume->encrypted)
    g_string_append (s, _(" · encrypted"));
  if (volume->snapshot_id != NULL)
    g_string_append_printf (s, _(" · from %s"), volume->snapshot_id);
  if (!volume->delete_on_termination)
    g_string_append (s, _(" · kept after termination"));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The editors show the volume the request kept; that is not an edit. A volume is a plain struct
 * of the request, with no property to bind, so the editors' handlers are blocked meanwhile. */
static void
block_volume_edits (VolumeWidgets *w,
                    gboolean       block)
{
  GObject *editors[] = { G_OBJECT (w->size), G_OBJECT (w->iops), G_OBJECT (w->throughput) };

  for (guint i = 0; i < G_N_ELEMENTS (editors); i++)
    if (block)
      g_signal_handlers_block_matched (editors[i], G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, w);
    else
      g_signal_handlers_unblock_matched (editors[i], G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, w);
}

static void
volume_edited_cb (GtkWidget     *widget,
                  GParamSpec    *pspec,
                  VolumeWidgets *w)
{
  AmLaunchStoragePage *self = w->self;
  GtkWidget *expander = w->expander;
  guint index = w->index;
  g_autoptr (AmLaunchVolume) volume = NULL;
  g_autofree char *summary = NULL;
  guint type_index;

  if (index >= am_launch_request_get_n_volumes (am_launch_page_get_request (AM_LAUNCH_PAGE (self))))
    return;
  volume = am_launch_volume_copy (am_launch_request_get_volume (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), index));
  volume->size = gtk_spin_button_get_value_as_int (w->size);
  type_index = adw_combo_row_get_selected (w->type);
  if (type_index < g_strv_length ((char **) volume_type_names))
    {
      g_free (volume->volume_type);
      volume->volume_type = g_strdup (volume_type_names[type_index]);
    }
  volume->iops = gtk_spin_button_get_value_as_int (w->iops);
  volume->throughput = gtk_spin_button_get_value_as_int (w->throughput);
  volume->encrypted = gtk_switch_get_active (w->encrypted);
  volume->delete_on_termination = gtk_switch_get_active (w->delete_on_termination);

  /* A type change starts from the new type's defaults. */
  if (widget == GTK_WIDGET (w->type))
    {
      volume->iops = g_str_equal (volume->volume_type, "io1") || g_str_equal (volume->volume_type, "io2")
                     ? 3000 : g_str_equal (volume->volume_type, "gp3") ? 3000 : 0;
      volume->throughput = g_str_equal (volume->volume_type, "gp3") ? 125 : 0;
      if ((g_str_equal (volume->volume_type, "st1") || g_str_equal (volume->volume_type, "sc1"))
          && volume->size < 125)
        volume->size = 125;
    }
  am_launch_request_replace_volume (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), index, volume);

  /* Show what the request kept (it drops values the type does not take). */
  g_clear_pointer (&volume, am_launch_volume_free);
  volume = am_launch_volume_copy (am_launch_request_get_volume (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), index));
  block_volume_edits (w, TRUE);
  gtk_spin_button_set_value (w->size, volume->size);
  gtk_spin_button_set_value (w->iops, volume->iops);
  gtk_spin_button_set_value (w->throughput, volume->throughput);
  block_volume_edits (w, FALSE);
  gtk_widget_set_visible (w->iops_row, am_launch_volume_type_has_iops (volume->volume_type));
  gtk_widget_set_visible (w->throughput_row, am_launch_volume_type_has_throughput (volume->volume_type));
  summary = volume_summary (volume);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), summary);
}

static void
remove_volume_clicked_cb (GtkButton     *button,
                          VolumeWidgets *w)
{
  AmLaunchStoragePage *self = w->self;

  am_launch_request_remove_volume (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), w->index);
  rebuild_volume_list (self);
}

static void
add_volume_clicked_cb (AmLaunchStoragePage *self)
{
  am_launch_request_add_volume (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), 8);
  rebuild_volume_list (self);
}

/* Connected once each editor shows the volume: setting it up is no edit. */
static void
connect_volume_widget (VolumeWidgets *w,
                       GtkWidget     *widget,
                       const char    *signal)
{
  g_signal_connect (widget, signal, G_CALLBACK (volume_edited_cb), w);
}

static void
rebuild_volume_list (AmLaunchStoragePage *self)
{
  AmImage *image = am_launch_request_get_image (am_launch_page_get_request (AM_LAUNCH_PAGE (self)));

  am_launch_clear_list (self->volume_list);
  for (guint i = 0; i < am_launch_request_get_n_volumes (am_launch_page_get_request (AM_LAUNCH_PAGE (self))); i++)
    {
      const AmLaunchVolume *volume = am_launch_request_get_volume (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), i);
      gboolean is_root = image != NULL && g_strcmp0 (am_image_get_root_device_name (image), volume->device_name) == 0;
      g_autofree char *title = NULL;
      g_autofree char *summary = NULL;
      VolumeWidgets *w;
      GtkWidget *expander;
      GtkWidget *row;
      guint type_index = 0;

      title = is_root ? g_strdup_printf (_("%s (root)"), volume->device_name) : g_strdup (volume->device_name);
      if (volume->virtual_name != NULL)
        {
          g_autofree char *subtitle = g_strdup_printf (_("Instance store %s: fast local disk, erased when the instance stops"),
                                                       volume->virtual_name);

          am_launch_add_summary_row (self->volume_list, title, subtitle, "drive-harddisk-symbolic");
          continue;
        }

      expander = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      summary = volume_summary (volume);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), summary);
      adw_expander_row_set_icon_name (ADW_EXPANDER_ROW (expander), "drive-harddisk-symbolic");
      gtk_widget_set_name (expander, volume->device_name);
      w = g_new0 (VolumeWidgets, 1);
      w->self = self;
      w->expander = expander;
      w->index = i;
      g_object_weak_ref (G_OBJECT (expander), (GWeakNotify) g_free, w);

      row = am_launch_spin_row_new (_("Size (GiB)"),
                          volume->snapshot_size > 0 ? _("At least the snapshot's size") : NULL,
                          1, 65536, 1, &w->size);
      gtk_spin_button_set_value (w->size, volume->size);
      connect_volume_widget (w, GTK_WIDGET (w->size), "notify::value");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

      w->type = ADW_COMBO_ROW (am_launch_combo_row_new (_("Volume type"), volume_type_names));
      for (guint t = 0; volume_type_names[t] != NULL; t++)
        if (g_strcmp0 (volume_type_names[t], volume->volume_type) == 0)
          type_index = t;
      adw_combo_row_set_selected (w->type, type_index);
      connect_volume_widget (w, GTK_WIDGET (w->type), "notify::selected");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), GTK_WIDGET (w->type));

      w->iops_row = am_launch_spin_row_new (_("IOPS"), _("gp3: 3000–16000 · io1: up to 64000 · io2: up to 256000"),
                                  0, 256000, 100, &w->iops);
      gtk_spin_button_set_value (w->iops, volume->iops);
      gtk_widget_set_visible (w->iops_row, am_launch_volume_type_has_iops (volume->volume_type));
      connect_volume_widget (w, GTK_WIDGET (w->iops), "notify::value");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), w->iops_row);

      w->throughput_row = am_launch_spin_row_new (_("Throughput (MiB/s)"), _("gp3: 125–1000"), 0, 1000, 25, &w->throughput);
      gtk_spin_button_set_value (w->throughput, volume->throughput);
      gtk_widget_set_visible (w->throughput_row, am_launch_volume_type_has_throughput (volume->volume_type));
      connect_volume_widget (w, GTK_WIDGET (w->throughput), "notify::value");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), w->throughput_row);

      row = am_launch_switch_row_new (_("Encrypted"),
                            volume->snapshot_encrypted ? _("The snapshot is encrypted, so the volume is too") : NULL,
                            &w->encrypted);
      gtk_switch_set_active (w->encrypted, volume->encrypted);
      gtk_widget_set_sensitive (GTK_WIDGET (w->encrypted), !volume->snapshot_encrypted);
      connect_volume_widget (w, GTK_WIDGET (w->encrypted), "notify::active");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

      row = am_launch_switch_row_new (_("Delete on termination"), NULL, &w->delete_on_termination);
      gtk_switch_set_active (w->delete_on_termination, volume->delete_on_termination);
      connect_volume_widget (w, GTK_WIDGET (w->delete_on_termination), "notify::active");
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

      if (!volume->from_image)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Remove Volume"));

          gtk_widget_add_css_class (button, "destructive-action");
          gtk_widget_set_halign (button, GTK_ALIGN_END);
          gtk_widget_set_margin_top (button, 6);
          gtk_widget_set_margin_bottom (button, 6);
          gtk_widget_set_margin_end (button, 6);
          g_signal_connect (button, "clicked", G_CALLBACK (remove_volume_clicked_cb), w);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), button);
        }
      gtk_list_box_append (self->volume_list, expander);
    }
  if (am_launch_request_get_n_volumes (am_launch_page_get_request (AM_LAUNCH_PAGE (self))) == 0)
    am_launch_add_summary_row (self->volume_list, _("No volumes"), _("Choose an image first."), NULL);
}

static void
build_page (AmLaunchStoragePage *self)
{
  GtkWidget *group = am_launch_group_new (GTK_BOX (self), _("Volumes"),
                                _("The image's block device mapping; sizes start at each snapshot's size."));
  GtkWidget *button;

  self->volume_list = GTK_LIST_BOX (am_launch_boxed_list_new (_("Volumes")));
  gtk_widget_set_name (GTK_WIDGET (self->volume_list), "volume-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->volume_list));
  button = gtk_button_new_with_mnemonic (_("_Add Volume"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 12);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_volume_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
  am_launch_page_add_field_label (AM_LAUNCH_PAGE (self), AM_LAUNCH_FIELD_VOLUMES);
}

/* The image decides the volumes: a new one starts from its block device mapping. */
static void
request_set (AmLaunchPage *page)
{
  AmLaunchStoragePage *self = AM_LAUNCH_STORAGE_PAGE (page);

  g_signal_connect_object (am_launch_page_get_request (page), "notify::image",
                           G_CALLBACK (rebuild_volume_list), self, G_CONNECT_SWAPPED);
  rebuild_volume_list (self);
}

static void
am_launch_storage_page_class_init (AmLaunchStoragePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmLaunchPageClass *page_class = AM_LAUNCH_PAGE_CLASS (klass);

  page_class->request_set = request_set;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/wizard/am-launch-storage-page.ui");
}

static void
am_launch_storage_page_init (AmLaunchStoragePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_page (self);
}

GtkWidget *
am_launch_storage_page_new (void)
{
  return g_object_new (AM_TYPE_LAUNCH_STORAGE_PAGE, NULL);
}
