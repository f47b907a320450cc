/* am-launch-details-page.c: the launch wizard's details page: name, tags, user data, advanced settings
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-launch-wizard"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "am-launch-details-page.h"

struct _AmLaunchDetailsPage
{
  AmLaunchPage parent_instance;

  /* built widgets */
  AdwEntryRow *name_row;
  GtkListBox *tag_list;
  GtkTextView *user_data_view;
  GtkLabel *user_data_size;
  AdwEntryRow *iam_row;
  AdwComboRow *shutdown_row;
  GtkSwitch *termination_switch;
  GtkSwitch *imds_switch;

  /* owned references */
  GPtrArray *tag_rows;       /* TagWidgets, in the list's order */
};

G_DEFINE_FINAL_TYPE (AmLaunchDetailsPage, am_launch_details_page, AM_TYPE_LAUNCH_PAGE)

/* One tag's row and its editors (the row is borrowed from tag_list) */
typedef struct
{
  AmLaunchDetailsPage *self;
  GtkWidget *row;
  GtkEntry *key;
  GtkEntry *value;
  GtkCheckButton *instances;
  GtkCheckButton *volumes;
} TagWidgets;

static void
sync_tags (AmLaunchDetailsPage *self)
{
  am_launch_page_set_syncing (AM_LAUNCH_PAGE (self), TRUE);
  while (am_launch_request_get_n_tags (am_launch_page_get_request (AM_LAUNCH_PAGE (self))) > 0)
    am_launch_request_remove_tag (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), 0);
  am_launch_request_set_name (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  for (guint i = 0; i < self->tag_rows->len; i++)
    {
      TagWidgets *w = g_ptr_array_index (self->tag_rows, i);

      am_launch_request_add_tag (am_launch_page_get_request (AM_LAUNCH_PAGE (self)),
                                 gtk_editable_get_text (GTK_EDITABLE (w->key)),
                                 gtk_editable_get_text (GTK_EDITABLE (w->value)),
                                 gtk_check_button_get_active (w->instances),
                                 gtk_check_button_get_active (w->volumes));
    }
  am_launch_page_set_syncing (AM_LAUNCH_PAGE (self), FALSE);
}

static void
remove_tag_clicked_cb (GtkButton  *button,
                       TagWidgets *w)
{
  AmLaunchDetailsPage *self = w->self;

  gtk_list_box_remove (self->tag_list, w->row);
  g_ptr_array_remove (self->tag_rows, w);
  gtk_widget_set_visible (GTK_WIDGET (self->tag_list), self->tag_rows->len > 0);
  sync_tags (self);
}

static GtkWidget *
add_tag_row (AmLaunchDetailsPage *self,
             const char     *key,
             const char     *value)
{
  TagWidgets *w = g_new0 (TagWidgets, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *button;

  w->self = self;
  w->row = row;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  w->key = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (w->key, _("Key"));
  gtk_widget_set_name (GTK_WIDGET (w->key), "tag-key");
  gtk_accessible_update_property (GTK_ACCESSIBLE (w->key), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tag key"), -1);
  gtk_editable_set_text (GTK_EDITABLE (w->key), key);
  gtk_widget_set_hexpand (GTK_WIDGET (w->key), TRUE);
  w->value = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (w->value, _("Value"));
  gtk_widget_set_name (GTK_WIDGET (w->value), "tag-value");
  gtk_accessible_update_property (GTK_ACCESSIBLE (w->value), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tag value"), -1);
  gtk_editable_set_text (GTK_EDITABLE (w->value), value);
  gtk_widget_set_hexpand (GTK_WIDGET (w->value), TRUE);
  w->instances = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_("Instances")));
  gtk_check_button_set_active (w->instances, TRUE);
  w->volumes = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_("Volumes")));
  gtk_check_button_set_active (w->volumes, TRUE);
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove the tag"));
  g_signal_connect (button, "clicked", G_CALLBACK (remove_tag_clicked_cb), w);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (w->key));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (w->value));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (w->instances));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (w->volumes));
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_signal_connect_swapped (w->key, "changed", G_CALLBACK (sync_tags), self);
  g_signal_connect_swapped (w->value, "changed", G_CALLBACK (sync_tags), self);
  g_signal_connect_swapped (w->instances, "toggled", G_CALLBACK (sync_tags), self);
  g_signal_connect_swapped (w->volumes, "toggled", G_CALLBACK (sync_tags), self);
  gtk_list_box_append (self->tag_list, row);
  g_ptr_array_add (self->tag_rows, w);
  gtk_widget_set_visible (GTK_WIDGET (self->tag_list), TRUE);
  return GTK_WIDGET (w->key);
}

static void
add_tag_clicked_cb (AmLaunchDetailsPage *self)
{
  GtkWidget *key = add_tag_row (self, "", "");

  sync_tags (self);
  gtk_widget_grab_focus (key);
}

static void
user_data_changed_cb (AmLaunchDetailsPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->user_data_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *size = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  size = g_strdup_printf (_("%lu of %d bytes; sent base64-encoded"),
                          (unsigned long) strlen (text), AM_LAUNCH_USER_DATA_MAX);
  gtk_label_set_text (self->user_data_size, size);
  if (am_launch_page_get_request (AM_LAUNCH_PAGE (self)) != NULL)
    am_launch_request_set_user_data_text (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), text);
}

static void
user_data_file_response_cb (GtkNativeDialog *dialog,
                            int              response,
                            gpointer         user_data)
{
  g_autoptr (AmLaunchDetailsPage) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr (GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
        am_launch_page_toast (AM_LAUNCH_PAGE (self), error->message);
      else if (!g_utf8_validate (contents, length, NULL))
        {
          g_autoptr (GBytes) bytes = g_bytes_new (contents, length);
          g_autofree char *note = g_strdup_printf (_("Binary user data loaded (%lu bytes); it is sent as is."),
                                                   (unsigned long) length);

          /* The text shown empties; the request keeps the bytes, not that text. */
          g_signal_handlers_block_by_func (gtk_text_view_get_buffer (self->user_data_view), user_data_changed_cb, self);
          gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->user_data_view), "", -1);
          g_signal_handlers_unblock_by_func (gtk_text_view_get_buffer (self->user_data_view), user_data_changed_cb, self);
          am_launch_request_set_user_data (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), bytes);
          gtk_label_set_text (self->user_data_size, note);
        }
      else
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->user_data_view), contents, (int) length);
    }
  g_object_unref (dialog);
}

static void
user_data_file_clicked_cb (AmLaunchDetailsPage *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Load User Data"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               _("_Load"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (user_data_file_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
advanced_changed_cb (AmLaunchDetailsPage *self)
{
  am_launch_request_set_iam_profile (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), gtk_editable_get_text (GTK_EDITABLE (self->iam_row)));
  am_launch_request_set_shutdown_terminates (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), adw_combo_row_get_selected (self->shutdown_row) == 1);
  am_launch_request_set_termination_protection (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), gtk_switch_get_active (self->termination_switch));
  am_launch_request_set_imdsv2_required (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), gtk_switch_get_active (self->imds_switch));
}

static void
build_page (AmLaunchDetailsPage *self)
{
  const char *shutdown[] = { _("Stop"), _("Terminate"), NULL };
  GtkWidget *group;
  GtkWidget *button;
  GtkWidget *frame;
  GtkWidget *scrolled;
  GtkWidget *row;

  group = am_launch_group_new (GTK_BOX (self), _("Name and tags"),
                     _("Tags label the instances and their volumes, for you and for billing."));
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (sync_tags), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->name_row));
  self->tag_list = GTK_LIST_BOX (am_launch_boxed_list_new (_("Tags")));
  gtk_widget_set_name (GTK_WIDGET (self->tag_list), "tag-list");
  gtk_widget_set_margin_top (GTK_WIDGET (self->tag_list), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->tag_list), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->tag_list));
  button = gtk_button_new_with_mnemonic (_("Add _Tag"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 12);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_tag_clicked_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
  am_launch_page_add_field_label (AM_LAUNCH_PAGE (self), AM_LAUNCH_FIELD_TAGS);

  group = am_launch_group_new (GTK_BOX (self), _("User data"),
                     _("A script or cloud-config the instance runs at first boot."));
  frame = gtk_frame_new (NULL);
  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_size_request (scrolled, -1, 140);
  self->user_data_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_widget_set_name (GTK_WIDGET (self->user_data_view), "user-data");
  gtk_text_view_set_monospace (self->user_data_view, TRUE);
  gtk_text_view_set_top_margin (self->user_data_view, 6);
  gtk_text_view_set_left_margin (self->user_data_view, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->user_data_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("User data"), -1);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->user_data_view), "changed",
                            G_CALLBACK (user_data_changed_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->user_data_view));
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

    gtk_widget_set_margin_top (box, 6);
    self->user_data_size = GTK_LABEL (gtk_label_new (NULL));
    gtk_widget_add_css_class (GTK_WIDGET (self->user_data_size), "dim-label");
    gtk_widget_set_hexpand (GTK_WIDGET (self->user_data_size), TRUE);
    gtk_label_set_xalign (self->user_data_size, 0);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->user_data_size));
    button = gtk_button_new_with_mnemonic (_("_Load from File…"));
    g_signal_connect_swapped (button, "clicked", G_CALLBACK (user_data_file_clicked_cb), self);
    gtk_box_append (GTK_BOX (box), button);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  }
  am_launch_page_add_field_label (AM_LAUNCH_PAGE (self), AM_LAUNCH_FIELD_USER_DATA);

  group = am_launch_group_new (GTK_BOX (self), _("Advanced"), NULL);
  self->iam_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->iam_row), _("IAM instance profile (name or ARN)"));
  g_signal_connect_swapped (self->iam_row, "changed", G_CALLBACK (advanced_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->iam_row));
  self->shutdown_row = ADW_COMBO_ROW (am_launch_combo_row_new (_("When the system shuts down"), shutdown));
  g_signal_connect_swapped (self->shutdown_row, "notify::selected", G_CALLBACK (advanced_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->shutdown_row));
  row = am_launch_switch_row_new (_("Termination protection"), _("Refuse to terminate until the protection is turned off"),
                        &self->termination_switch);
  g_signal_connect_swapped (self->termination_switch, "notify::active", G_CALLBACK (advanced_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = am_launch_switch_row_new (_("Require IMDSv2"), _("Metadata only with session tokens, which blocks a class of server-side request forgery"),
                        &self->imds_switch);
  gtk_switch_set_active (self->imds_switch, TRUE);
  g_signal_connect_swapped (self->imds_switch, "notify::active", G_CALLBACK (advanced_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  am_launch_page_add_field_label (AM_LAUNCH_PAGE (self), AM_LAUNCH_FIELD_IAM_PROFILE);
}

static void
request_set (AmLaunchPage *page)
{
  user_data_changed_cb (AM_LAUNCH_DETAILS_PAGE (page));
}

static void
am_launch_details_page_dispose (GObject *object)
{
  AmLaunchDetailsPage *self = AM_LAUNCH_DETAILS_PAGE (object);

  g_clear_pointer (&self->tag_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (am_launch_details_page_parent_class)->dispose (object);
}

static void
am_launch_details_page_class_init (AmLaunchDetailsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmLaunchPageClass *page_class = AM_LAUNCH_PAGE_CLASS (klass);

  object_class->dispose = am_launch_details_page_dispose;
  page_class->request_set = request_set;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/wizard/am-launch-details-page.ui");
}

static void
am_launch_details_page_init (AmLaunchDetailsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->tag_rows = g_ptr_array_new_with_free_func (g_free);
  build_page (self);
  user_data_changed_cb (self);
}

GtkWidget *
am_launch_details_page_new (void)
{
  return g_object_new (AM_TYPE_LAUNCH_DETAILS_PAGE, NULL);
}
