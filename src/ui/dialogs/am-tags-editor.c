/* am-tags-editor.c: edits the tags of one or more EC2 resources (images, instances, snapshots)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-tags-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "am-dialog-calls.h"
#include "am-dialog-private.h"
#include "am-dialog-validate.h"
#include "am-tag-row.h"
#include "am-tags-editor.h"

typedef struct
{
  char       *id;
  GHashTable *tags;   /* key → value, both owned */
} Resource;

struct _AmTagsEditor
{
  AmActionDialog         parent_instance;

  /* template widgets */
  AdwPreferencesGroup   *tags_group;
  GtkButton             *add_button;
  AdwActionRow          *empty_row;
  GtkLabel              *count_label;

  /* owned references */
  GPtrArray             *resources;   /* Resource */
  GPtrArray             *rows;        /* AmTagRow, borrowed from the group */
  GPtrArray             *undo_ops;    /* AmTagOp, computed by apply */

  /* dispose state */
  gboolean template_disposed;
};

G_DEFINE_FINAL_TYPE (AmTagsEditor, am_tags_editor, AM_TYPE_ACTION_DIALOG)

static void
resource_free (gpointer data)
{
  Resource *resource = data;

  g_free (resource->id);
  g_hash_table_unref (resource->tags);
  g_free (resource);
}

static void validate (AmTagsEditor *self);

static void
row_changed_cb (AmTagsEditor *self)
{
  validate (self);
}

static void
row_remove_cb (AmTagsEditor *self,
               AmTagRow     *row)
{
  guint index;

  if (!g_ptr_array_find (self->rows, row, &index))
    return;
  g_ptr_array_remove_index (self->rows, index);
  adw_preferences_group_remove (self->tags_group, GTK_WIDGET (row));
  /* Keep the keyboard in the list: focus the next row, or Add. */
  if (index < self->rows->len)
    gtk_widget_grab_focus (GTK_WIDGET (am_tag_row_get_key_entry (g_ptr_array_index (self->rows, index))));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
  validate (self);
}

static AmTagRow *
append_row (AmTagsEditor *self,
            const char   *key,
            const char   *value)
{
  AmTagRow *row = am_tag_row_new (key, value);

  g_signal_connect_object (row, "changed", G_CALLBACK (row_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (row_remove_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->tags_group, GTK_WIDGET (row));
  g_ptr_array_add (self->rows, row);
  return row;
}

/* Which keys the resources hold, and the value when all holding it agree (NULL: several). */
static GHashTable *
original_tags (AmTagsEditor *self)
{
  GHashTable *merged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < self->resources->len; i++)
    {
      Resource *resource = g_ptr_array_index (self->resources, i);
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, resource->tags);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          gpointer seen;

          if (!g_hash_table_lookup_extended (merged, key, NULL, &seen))
            g_hash_table_insert (merged, g_strdup (key), i == 0 ? g_strdup (value) : NULL);
          else if (seen != NULL && g_strcmp0 (seen, value) != 0)
            g_hash_table_insert (merged, g_strdup (key), NULL);
        }
      /* A key some resources lack is not one shared value either. */
      if (i > 0)
        {
          GHashTableIter miter;

          g_hash_table_iter_init (&miter, merged);
          while (g_hash_table_iter_next (&miter, &key, &value))
            if (value != NULL && !g_hash_table_contains (resource->tags, key))
              g_hash_table_iter_replace (&miter, NULL);
        }
    }

  return merged;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

static void
rebuild_rows (AmTagsEditor *self)
{
  g_autoptr (GHashTable) merged = original_tags (self);
  g_autofree gpointer *keys = NULL;
  guint n_keys;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->tags_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  keys = g_hash_table_get_keys_as_array (merged, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_keys);
  for (guint i = 0; i < n_keys; i++)
    append_row (self, keys[i], g_hash_table_lookup (merged, keys[i]));

  validate (self);
}

/* The change the rows describe: keys to set (with values) and keys to delete. */
static void
compute_diff (AmTagsEditor  *self,
              GPtrArray     *set_keys,
              GPtrArray     *set_values,
              GPtrArray     *removed_keys)
{
  g_autoptr (GHashTable) merged = original_tags (self);
  g_autoptr (GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < self->rows->len; i++)
    {
      AmTagRow *row = g_ptr_array_index (self->rows, i);
      const char *row_key = am_tag_row_get_key (row);
      const char *row_value = am_tag_row_get_value (row);
      gpointer old_value;
      gboolean had;

      g_hash_table_add (kept, (gpointer) row_key);
      if (am_tag_row_get_mixed (row))
        continue;
      had = g_hash_table_lookup_extended (merged, row_key, NULL, &old_value);
      if (had && old_value != NULL && g_strcmp0 (old_value, row_value) == 0)
        continue;
      g_ptr_array_add (set_keys, (gpointer) row_key);
      g_ptr_array_add (set_values, (gpointer) row_value);
    }

  g_hash_table_iter_init (&iter, merged);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (kept, key))
      g_ptr_array_add (removed_keys, key);
  /* The strings of removed keys belong to @merged: copy them out before it goes. */
  for (guint i = 0; i < removed_keys->len; i++)
    removed_keys->pdata[i] = (gpointer) g_intern_string (removed_keys->pdata[i]);
}

static void
validate (AmTagsEditor *self)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) set_keys = g_ptr_array_new ();
  g_autoptr (GPtrArray) set_values = g_ptr_array_new ();
  g_autoptr (GPtrArray) removed_keys = g_ptr_array_new ();
  gboolean valid = TRUE;
  guint most = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      AmTagRow *row = g_ptr_array_index (self->rows, i);
      const char *key = am_tag_row_get_key (row);
      g_autofree char *key_error = am_validate_tag_key (key);
      g_autofree char *value_error = am_validate_tag_value (am_tag_row_get_value (row));

      if (key_error == NULL && g_hash_table_contains (seen, key))
        key_error = g_strdup (_("This key is already used above; each key appears once."));
      g_hash_table_add (seen, (gpointer) key);
      am_tag_row_set_key_error (row, key_error);
      am_tag_row_set_value_error (row, value_error);
      if (key_error != NULL || value_error != NULL)
        valid = FALSE;
    }

  /* At most 50 tags per resource, counting what each will hold after the change. */
  for (guint i = 0; i < self->resources->len; i++)
    {
      Resource *resource = g_ptr_array_index (self->resources, i);
      guint n = 0;

      for (guint j = 0; j < self->rows->len; j++)
        {
          AmTagRow *row = g_ptr_array_index (self->rows, j);

          if (!am_tag_row_get_mixed (row) || g_hash_table_contains (resource->tags, am_tag_row_get_key (row)))
            n++;
        }
      most = MAX (most, n);
    }
  if (most > AM_TAGS_PER_RESOURCE)
    {
      g_autofree char *text = g_strdup_printf (_("%u tags: a resource holds at most %d. Remove %u."),
                                               most, AM_TAGS_PER_RESOURCE, most - AM_TAGS_PER_RESOURCE);

      gtk_label_set_text (self->count_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "dim-label");
      valid = FALSE;
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("%u of %d tags"), most, AM_TAGS_PER_RESOURCE);

      gtk_label_set_text (self->count_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), most < AM_TAGS_PER_RESOURCE);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_row), self->rows->len == 0);

  /* Nothing changed: nothing to apply. */
  if (valid)
    {
      compute_diff (self, set_keys, set_values, removed_keys);
      valid = set_keys->len > 0 || removed_keys->len > 0;
    }
  am_action_dialog_set_valid (AM_ACTION_DIALOG (self), valid);
}

static void
add_clicked_cb (AmTagsEditor *self)
{
  am_tags_editor_add_row (self);
}

static char **
resource_ids (AmTagsEditor *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  char **ids;

  for (guint i = 0; i < self->resources->len; i++)
    g_strv_builder_add (builder, ((Resource *) g_ptr_array_index (self->resources, i))->id);
  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return ids;
}

/* Per resource, what puts its tags back: re-create old values, delete keys it did not have. */
static GPtrArray *
compute_undo (AmTagsEditor *self,
              GPtrArray    *set_keys,
              GPtrArray    *removed_keys)
{
  GPtrArray *ops = g_ptr_array_new_with_free_func ((GDestroyNotify) am_tag_op_free);

  for (guint i = 0; i < self->resources->len; i++)
    {
      Resource *resource = g_ptr_array_index (self->resources, i);
      const char *ids[] = { resource->id, NULL };
      g_autoptr (GPtrArray) restore_keys = g_ptr_array_new ();
      g_autoptr (GPtrArray) restore_values = g_ptr_array_new ();
      g_autoptr (GPtrArray) drop_keys = g_ptr_array_new ();

      for (guint pass = 0; pass < 2; pass++)
        {
          GPtrArray *keys = pass == 0 ? set_keys : removed_keys;

          for (guint j = 0; j < keys->len; j++)
            {
              const char *key = g_ptr_array_index (keys, j);
              const char *old = g_hash_table_lookup (resource->tags, key);

              if (old != NULL)
                {
                  g_ptr_array_add (restore_keys, (gpointer) key);
                  g_ptr_array_add (restore_values, (gpointer) old);
                }
              else
                g_ptr_array_add (drop_keys, (gpointer) key);
            }
        }
      g_ptr_array_add (restore_keys, NULL);
      g_ptr_array_add (restore_values, NULL);
      g_ptr_array_add (drop_keys, NULL);
      if (drop_keys->len > 1)
        g_ptr_array_add (ops, am_tag_op_new (ids, (const char * const *) drop_keys->pdata, NULL));
      if (restore_keys->len > 1)
        g_ptr_array_add (ops, am_tag_op_new (ids, (const char * const *) restore_keys->pdata,
                                             (const char * const *) restore_values->pdata));
    }

  return ops;
}

static void
run_ops_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (!am_dialog_run_tag_ops_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
am_tags_editor_apply (AmActionDialog      *dialog,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  AmTagsEditor *self = AM_TAGS_EDITOR (dialog);
  g_autoptr (GTask) task = NULL;
  g_autoptr (GPtrArray) set_keys = g_ptr_array_new ();
  g_autoptr (GPtrArray) set_values = g_ptr_array_new ();
  g_autoptr (GPtrArray) removed_keys = g_ptr_array_new ();
  g_autoptr (GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) am_tag_op_free);
  g_auto (GStrv) ids = resource_ids (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_tags_editor_apply);

  compute_diff (self, set_keys, set_values, removed_keys);
  g_ptr_array_add (set_keys, NULL);
  g_ptr_array_add (set_values, NULL);
  g_ptr_array_add (removed_keys, NULL);
  if (set_keys->len > 1)
    g_ptr_array_add (ops, am_tag_op_new ((const char * const *) ids,
                                         (const char * const *) set_keys->pdata,
                                         (const char * const *) set_values->pdata));
  if (removed_keys->len > 1)
    g_ptr_array_add (ops, am_tag_op_new ((const char * const *) ids,
                                         (const char * const *) removed_keys->pdata, NULL));
  g_ptr_array_set_size (set_keys, set_keys->len - 1);
  g_ptr_array_set_size (removed_keys, removed_keys->len - 1);

  g_clear_pointer (&self->undo_ops, g_ptr_array_unref);
  self->undo_ops = compute_undo (self, set_keys, removed_keys);

  am_dialog_run_tag_ops_async (am_action_dialog_get_client (dialog), ops, cancellable,
                               run_ops_cb, g_steal_pointer (&task));
}

static gboolean
am_tags_editor_apply_finish (AmActionDialog  *dialog,
                             GAsyncResult    *result,
                             GError         **error)
{
  AmTagsEditor *self = AM_TAGS_EDITOR (dialog);
  g_autofree char *title = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  if (self->resources->len == 1)
    title = g_strdup_printf (_("Tags of %s saved"),
                             ((Resource *) g_ptr_array_index (self->resources, 0))->id);
  else
    title = g_strdup_printf (ngettext ("Tags of %u resource saved", "Tags of %u resources saved",
                                       self->resources->len),
                             self->resources->len);
  am_dialog_take_undo_toast (dialog, title, am_dialog_undo_tag_ops,
                             g_steal_pointer (&self->undo_ops),
                             (GDestroyNotify) g_ptr_array_unref);
  return TRUE;
}

static void
am_tags_editor_dispose (GObject *object)
{
  AmTagsEditor *self = AM_TAGS_EDITOR (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  am_dialog_dispose_template_once (GTK_WIDGET (self), AM_TYPE_TAGS_EDITOR,
                                  &self->template_disposed);
  g_clear_pointer (&self->resources, g_ptr_array_unref);
  g_clear_pointer (&self->undo_ops, g_ptr_array_unref);

  G_OBJECT_CLASS (am_tags_editor_parent_class)->dispose (object);
}

static void
am_tags_editor_class_init (AmTagsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmActionDialogClass *dialog_class = AM_ACTION_DIALOG_CLASS (klass);

  object_class->dispose = am_tags_editor_dispose;
  dialog_class->apply = am_tags_editor_apply;
  dialog_class->apply_finish = am_tags_editor_apply_finish;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amiable/Amiable/dialogs/am-tags-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AmTagsEditor, tags_group);
  gtk_widget_class_bind_template_child (widget_class, AmTagsEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, AmTagsEditor, empty_row);
  gtk_widget_class_bind_template_child (widget_class, AmTagsEditor, count_label);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
am_tags_editor_init (AmTagsEditor *self)
{
  self->resources = g_ptr_array_new_with_free_func (resource_free);
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  am_action_dialog_set_apply_label (AM_ACTION_DIALOG (self), _("_Save"), FALSE);
  validate (self);
}

AmTagsEditor *
am_tags_editor_new (AmSession *session)
{
  AmTagsEditor *self = g_object_new (AM_TYPE_TAGS_EDITOR, NULL);

  am_action_dialog_setup (AM_ACTION_DIALOG (self), session, NULL);
  return self;
}

void
am_tags_editor_add_resource (AmTagsEditor  *self,
                             const char    *resource_id,
                             AmTag * const *tags)
{
  Resource *resource;

  g_return_if_fail (AM_IS_TAGS_EDITOR (self));
  g_return_if_fail (resource_id != NULL);

  resource = g_new0 (Resource, 1);
  resource->id = g_strdup (resource_id);
  resource->tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    g_hash_table_insert (resource->tags, g_strdup (am_tag_get_key (tags[i])),
                         g_strdup (am_tag_get_value (tags[i]) != NULL ? am_tag_get_value (tags[i]) : ""));
  g_ptr_array_add (self->resources, resource);

  if (self->resources->len == 1)
    am_action_dialog_set_subtitle (AM_ACTION_DIALOG (self), resource_id);
  else
    {
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%u resource", "%u resources",
                                                             self->resources->len),
                                                   self->resources->len);

      am_action_dialog_set_subtitle (AM_ACTION_DIALOG (self), subtitle);
    }
  rebuild_rows (self);
}

GtkWidget *
am_tags_editor_add_row (AmTagsEditor *self)
{
  AmTagRow *row;

  g_return_val_if_fail (AM_IS_TAGS_EDITOR (self), NULL);

  row = append_row (self, NULL, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (am_tag_row_get_key_entry (row)));
  validate (self);
  return GTK_WIDGET (row);
}
