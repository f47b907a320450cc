/* am-tag-list.c: a group of key/value rows for the tags a new resource gets (TagSpecification)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-tag-list"

#include "config.h"

#include <glib/gi18n.h>

#include "am-tag-list.h"

/* EC2's limits for tags (CreateTags, TagSpecification). */
#define TAG_KEY_MAX   128
#define TAG_VALUE_MAX 256
#define TAGS_MAX       50

struct _AmTagList
{
  AdwPreferencesGroup  parent_instance;

  /* owned: TagRow, in order */
  GPtrArray           *rows;
};

/* One tag's row and its entries (all borrowed from the group) */
typedef struct
{
  AmTagList   *self;
  GtkWidget   *row;
  GtkEditable *key;
  GtkEditable *value;
} TagRow;

G_DEFINE_FINAL_TYPE (AmTagList, am_tag_list, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

GtkWidget *
am_tag_list_new (const char *title,
                 const char *description)
{
  return g_object_new (AM_TYPE_TAG_LIST,
                       "title", title,
                       "description", description,
                       NULL);
}

static GtkEditable *
row_key (TagRow *row)
{
  return row->key;
}

static GtkEditable *
row_value (TagRow *row)
{
  return row->value;
}

static void
on_entry_changed (AmTagList *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      TagRow *row = g_ptr_array_index (self->rows, i);

      gtk_widget_remove_css_class (GTK_WIDGET (row_key (row)), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (row_value (row)), "error");
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_remove_clicked (GtkButton *button,
                   TagRow    *row)
{
  AmTagList *self = row->self;

  adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), row->row);
  g_ptr_array_remove (self->rows, row);
  g_signal_emit (self, signals[CHANGED], 0);
}

GtkEditable *
am_tag_list_add (AmTagList  *self,
                 const char *key,
                 const char *value)
{
  TagRow *tag_row;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *key_entry;
  GtkWidget *value_entry;
  GtkWidget *remove;

  g_return_val_if_fail (AM_IS_TAG_LIST (self), NULL);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);

  key_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (key_entry), _("Key"));
  gtk_entry_set_max_length (GTK_ENTRY (key_entry), TAG_KEY_MAX);
  gtk_widget_set_hexpand (key_entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (key_entry), key != NULL ? key : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (key_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tag key"), -1);
  g_signal_connect_object (key_entry, "changed", G_CALLBACK (on_entry_changed), self, G_CONNECT_SWAPPED);

  value_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (value_entry), _("Value"));
  gtk_entry_set_max_length (GTK_ENTRY (value_entry), TAG_VALUE_MAX);
  gtk_widget_set_hexpand (value_entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (value_entry), value != NULL ? value : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (value_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tag value"), -1);
  g_signal_connect_object (value_entry, "changed", G_CALLBACK (on_entry_changed), self, G_CONNECT_SWAPPED);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (remove, _("Remove Tag"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");

  gtk_box_append (GTK_BOX (box), key_entry);
  gtk_box_append (GTK_BOX (box), value_entry);
  gtk_box_append (GTK_BOX (box), remove);

  row = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  tag_row = g_new0 (TagRow, 1);
  tag_row->self = self;
  tag_row->row = row;
  tag_row->key = GTK_EDITABLE (key_entry);
  tag_row->value = GTK_EDITABLE (value_entry);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), tag_row);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, tag_row);
  g_signal_emit (self, signals[CHANGED], 0);

  return GTK_EDITABLE (key_entry);
}

static void
on_add_clicked (AmTagList *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (am_tag_list_add (self, NULL, NULL)));
}

guint
am_tag_list_get_n_tags (AmTagList *self)
{
  guint n = 0;

  g_return_val_if_fail (AM_IS_TAG_LIST (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    {
      TagRow *row = g_ptr_array_index (self->rows, i);

      if (*gtk_editable_get_text (row_key (row)) != '\0' || *gtk_editable_get_text (row_value (row)) != '\0')
        n++;
    }

  return n;
}

char *
am_tag_list_validate (AmTagList *self)
{
  g_autoptr (GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  char *problem = NULL;

  g_return_val_if_fail (AM_IS_TAG_LIST (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      TagRow *row = g_ptr_array_index (self->rows, i);
      const char *key = gtk_editable_get_text (row_key (row));
      const char *value = gtk_editable_get_text (row_value (row));
      char *row_problem = NULL;
      GtkWidget *wrong = GTK_WIDGET (row_key (row));

      if (*key == '\0' && *value == '\0')
        continue;

      if (*key == '\0')
        row_problem = g_strdup_printf (_("The tag with value “%s” needs a key."), value);
      else if (g_str_has_prefix (key, "aws:"))
        row_problem = g_strdup_printf (_("Tag keys cannot start with “aws:”, which AWS keeps for its own tags (“%s”)."), key);
      else if (g_utf8_strlen (key, -1) > TAG_KEY_MAX)
        row_problem = g_strdup_printf (_("Tag keys can be at most %d characters long."), TAG_KEY_MAX);
      else if (g_hash_table_contains (keys, key))
        row_problem = g_strdup_printf (_("The key “%s” is used twice; each key can appear once."), key);
      else if (g_utf8_strlen (value, -1) > TAG_VALUE_MAX)
        {
          row_problem = g_strdup_printf (_("Tag values can be at most %d characters long."), TAG_VALUE_MAX);
          wrong = GTK_WIDGET (row_value (row));
        }

      g_hash_table_add (keys, (gpointer) key);

      if (row_problem != NULL)
        {
          gtk_widget_add_css_class (wrong, "error");
          if (problem == NULL)
            problem = row_problem;
          else
            g_free (row_problem);
        }
    }

  if (problem == NULL && g_hash_table_size (keys) > TAGS_MAX)
    problem = g_strdup_printf (_("A resource can have at most %d tags."), TAGS_MAX);

  return problem;
}

AmTagSpecification *
am_tag_list_to_spec (AmTagList  *self,
                     const char *resource_type)
{
  AmTagSpecification *spec = NULL;

  g_return_val_if_fail (AM_IS_TAG_LIST (self), NULL);
  g_return_val_if_fail (resource_type != NULL, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      TagRow *row = g_ptr_array_index (self->rows, i);
      const char *key = gtk_editable_get_text (row_key (row));

      if (*key == '\0')
        continue;
      if (spec == NULL)
        spec = am_tag_specification_new (resource_type);
      am_tag_specification_add (spec, key, gtk_editable_get_text (row_value (row)));
    }

  return spec;
}

static void
am_tag_list_finalize (GObject *object)
{
  AmTagList *self = (AmTagList *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (am_tag_list_parent_class)->finalize (object);
}

static void
am_tag_list_class_init (AmTagListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_tag_list_finalize;

  /**
   * AmTagList::changed:
   * A tag was added, removed or edited.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
am_tag_list_init (AmTagList *self)
{
  GtkWidget *add;

  self->rows = g_ptr_array_new_with_free_func (g_free);

  add = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_tooltip_text (add, _("Add Tag"));
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "flat");
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_clicked), self, G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add);
}
