/* am-instances-view-details.c: the Instances view's details pane: the selected instance's
 * volumes, network, security groups and tags
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-instances-view"

#include "config.h"

#include <glib/gi18n.h>

#include "am-image-anatomy.h"
#include "am-instances-view-private.h"
#include "am-launch-from-image.h"
#include "am-time-format.h"
#include "am-title-layout.h"

static void
details_clear (AmInstancesView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->details_box))) != NULL)
    gtk_box_remove (self->details_box, child);
}

static void
details_copy_clicked_cb (GtkButton *button,
                         gpointer   user_data)
{
  const char *text = g_object_get_data (G_OBJECT (button), "am-copy-text");

  if (text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Copied"));
}

/*
 * A row as the Images details pane has them: what it is as the title, the value under it
 * ("property" style). @copy_text (an ID or an address) gets a Copy button, since libadwaita 1.2
 * cannot make a subtitle selectable.
 */
static void
details_add_row (AdwPreferencesGroup *group,
                 const char          *title,
                 const char          *value,
                 const char          *copy_text)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  am_action_row_use_title_layout (ADW_ACTION_ROW (row));

  if (copy_text != NULL && *copy_text != '\0')
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Copy"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy"),
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "am-copy-text", g_strdup (copy_text), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (details_copy_clicked_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  adw_preferences_group_add (group, row);
}

/* A row whose value is worth copying as it is shown (an ID, an address). */
static void
details_add_copy_row (AdwPreferencesGroup *group,
                      const char          *title,
                      const char          *value)
{
  details_add_row (group, title, value, value);
}

static AdwPreferencesGroup *
details_add_group (AmInstancesView *self,
                   const char      *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->details_box, group);

  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
details_show_placeholder (AmInstancesView *self,
                          const char      *title,
                          const char      *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "computer-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  gtk_widget_add_css_class (page, "compact");
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (self->details_box, page);
  return page;
}

static void
details_launch_newer_cb (GtkButton       *button,
                         AmInstancesView *self)
{
  const char *image_id = g_object_get_data (G_OBJECT (button), "am-image-id");

  if (image_id != NULL && self->session != NULL)
    am_launch_from_image (GTK_WIDGET (self), self->session, image_id);
}

static GtkWidget *
details_icon_button (const char *icon_name,
                     const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

/* When the instance's image has a newer one of its family: a hint under the title, with a
 * link to it in Images and a way to launch from it. */
static void
details_add_newer_image (AmInstancesView *self,
                         AmInstanceRow   *row)
{
  AmImage *newer = am_instance_row_get_newer_image (row);
  const char *image_id;
  g_autofree char *created = NULL;
  g_autofree char *text = NULL;
  GtkWidget *group;
  GtkWidget *hint;
  GtkWidget *button;

  if (newer == NULL)
    return;
  image_id = am_image_get_image_id (newer);
  created = am_time_format_local (am_image_get_creation_date (newer));
  /* Translators: NAME (ami-…), created DATE */
  text = g_strdup_printf (_("%s (%s), created %s"), am_image_get_name (newer), image_id,
                          created != NULL ? created : "?");
  group = adw_preferences_group_new ();
  hint = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (hint), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (hint), _("A newer image of this family exists"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (hint), text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (hint), 0);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (hint), "software-update-available-symbolic");

  button = details_icon_button ("find-location-symbolic", _("Show in Images"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-image");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", image_id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (hint), button);

  button = details_icon_button ("media-playback-start-symbolic", _("Launch from It"));
  g_object_set_data_full (G_OBJECT (button), "am-image-id", g_strdup (image_id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (details_launch_newer_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (hint), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), hint);
  gtk_box_append (self->details_box, group);
}

static void
details_show_instance (AmInstancesView *self,
                       AmInstanceRow   *row)
{
  AmInstance *instance = am_instance_row_get_instance (row);
  AmInstanceBlockDevice * const *devices = am_instance_get_block_devices (instance);
  AmSecurityGroup * const *groups = am_instance_get_security_groups (instance);
  AmTag * const *tags = am_instance_get_tags (instance);
  AdwPreferencesGroup *group;
  GtkWidget *title;
  GtkWidget *button;
  GtkWidget *anatomy;

  title = gtk_label_new (am_instance_row_get_display_name (row));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_selectable (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (self->details_box, title);
  details_add_newer_image (self, row);

  group = details_add_group (self, _("Instance"));
  details_add_copy_row (group, _("Instance ID"), am_instance_get_instance_id (instance));
  details_add_row (group, _("State"), am_instance_row_get_text (row, AM_INSTANCE_COLUMN_STATE), NULL);
  details_add_row (group, _("State reason"), am_instance_get_state_reason_message (instance), NULL);
  details_add_row (group, _("Instance type"), am_instance_get_instance_type (instance), NULL);
  details_add_row (group, _("Image"), am_instance_row_get_text (row, AM_INSTANCE_COLUMN_IMAGE),
                   am_instance_get_image_id (instance));
  details_add_row (group, _("Platform"), am_instance_get_platform_details (instance), NULL);
  details_add_row (group, _("Architecture"), am_instance_get_architecture (instance), NULL);
  details_add_row (group, _("Launched"), am_instance_row_get_text (row, AM_INSTANCE_COLUMN_LAUNCH_TIME), NULL);
  details_add_row (group, _("Key pair"), am_instance_get_key_name (instance), NULL);
  details_add_row (group, _("Boot mode"), am_instance_get_boot_mode (instance), NULL);
  details_add_row (group, _("Instance metadata tokens"), am_instance_get_metadata_http_tokens (instance), NULL);

  /* The same picture as an image's anatomy, for what was made from the image. */
  group = details_add_group (self, _("Made From Its Image"));
  anatomy = am_image_anatomy_new ();
  am_image_anatomy_set_instance (AM_IMAGE_ANATOMY (anatomy), instance, am_instance_row_get_image_name (row));
  adw_preferences_group_add (group, anatomy);

  group = details_add_group (self, _("Network"));
  /* Set in All Regions only (the header bar names the Region otherwise). */
  details_add_row (group, _("Region"), am_instance_get_region (instance), NULL);
  details_add_row (group, _("Availability Zone"), am_instance_get_availability_zone (instance), NULL);
  details_add_copy_row (group, _("VPC"), am_instance_get_vpc_id (instance));
  details_add_copy_row (group, _("Subnet"), am_instance_get_subnet_id (instance));
  details_add_copy_row (group, _("Public IPv4 address"), am_instance_get_public_ip_address (instance));
  details_add_copy_row (group, _("Public DNS name"), am_instance_get_public_dns_name (instance));
  details_add_copy_row (group, _("Private IPv4 address"), am_instance_get_private_ip_address (instance));
  details_add_copy_row (group, _("Private DNS name"), am_instance_get_private_dns_name (instance));

  group = details_add_group (self, _("Security Groups"));
  if (groups[0] == NULL)
    adw_preferences_group_set_description (group, _("None"));
  for (guint i = 0; groups[i] != NULL; i++)
    details_add_copy_row (group, am_security_group_get_group_name (groups[i]),
                          am_security_group_get_group_id (groups[i]));

  group = details_add_group (self, _("Block Devices"));
  adw_preferences_group_set_description (group, am_instance_row_get_text (row, AM_INSTANCE_COLUMN_ROOT_DEVICE));
  for (guint i = 0; devices[i] != NULL; i++)
    {
      AmInstanceBlockDevice *device = devices[i];
      g_autoptr (GString) value = g_string_new (NULL);

      g_string_append (value, am_instance_block_device_get_device_name (device));
      if (am_instance_block_device_get_status (device) != NULL)
        g_string_append_printf (value, " · %s", am_instance_block_device_get_status (device));
      if (am_instance_block_device_get_delete_on_termination (device))
        g_string_append_printf (value, " · %s", _("deleted on termination"));

      details_add_copy_row (group, value->str, am_instance_block_device_get_volume_id (device));
    }

  group = details_add_group (self, _("Tags"));
  button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_tooltip_text (button, _("Manage Tags"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "instances.tags");
  gtk_widget_add_css_class (button, "flat");
  adw_preferences_group_set_header_suffix (group, button);
  if (tags[0] == NULL)
    adw_preferences_group_set_description (group, _("No tags"));
  for (guint i = 0; tags[i] != NULL; i++)
    details_add_row (group, am_tag_get_key (tags[i]), am_tag_get_value (tags[i]), NULL);
}

void
_am_instances_view_update_details (AmInstancesView *self)
{
  g_autoptr (GPtrArray) rows = _am_instances_view_get_selected_rows (self);

  details_clear (self);

  if (self->details_row != NULL)
    {
      g_clear_signal_handler (&self->details_handler, self->details_row);
      g_clear_object (&self->details_row);
    }

  if (rows->len == 0)
    {
      details_show_placeholder (self, _("No Instance Selected"),
                                _("Select an instance to see its volumes, network, security groups and tags."));
      return;
    }

  if (rows->len > 1)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u Instance Selected",
                                                          "%u Instances Selected", rows->len),
                                                rows->len);

      GtkWidget *page;
      GtkWidget *tag_button;

      page = details_show_placeholder (self, title,
                                       _("Start, stop, reboot or terminate them together with the buttons above, or tag them all at once."));
      /* Tagging has no button above (it sits in the menu): the page offers it. */
      tag_button = gtk_button_new_with_mnemonic (_("Manage _Tags…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (tag_button), "instances.tags");
      gtk_widget_add_css_class (tag_button, "pill");
      gtk_widget_set_halign (tag_button, GTK_ALIGN_CENTER);
      adw_status_page_set_child (ADW_STATUS_PAGE (page), tag_button);
      return;
    }

  self->details_row = g_object_ref (g_ptr_array_index (rows, 0));
  self->details_handler = g_signal_connect_object (self->details_row, "notify::instance",
                                                   G_CALLBACK (_am_instances_view_update_details),
                                                   self, G_CONNECT_SWAPPED);
  details_show_instance (self, self->details_row);
}
