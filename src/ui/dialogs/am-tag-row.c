/* am-tag-row.c: one editable key/value row of the tags editor
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-tag-row"

#include "config.h"

#include <glib/gi18n.h>

#include "am-dialog-private.h"
#include "am-tag-row.h"

struct _AmTagRow
{
  AdwPreferencesRow  parent_instance;

  /* template widgets */
  GtkEntry          *key_entry;
  GtkEntry          *value_entry;
  GtkButton         *remove_button;
  GtkLabel          *error_label;

  /* state */
  char              *original_key;
  char              *key_error;
  char              *value_error;
  gboolean           mixed;
  /* Whether the user has typed into the row or left its key: a fresh row shows no error before. */
  gboolean           touched;

  /* dispose state */
  gboolean template_disposed;
};

G_DEFINE_FINAL_TYPE (AmTagRow, am_tag_row, ADW_TYPE_PREFERENCES_ROW)

enum
{
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
entry_changed_cb (AmTagRow *self,
                  GtkEntry *entry)
{
  /* Typing a value replaces the several values the resources held. */
  if (entry == self->value_entry && self->mixed
      && gtk_entry_get_text_length (self->value_entry) > 0)
    self->mixed = FALSE;
  self->touched = TRUE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
remove_clicked_cb (AmTagRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
update_error (AmTagRow *self)
{
  const char *key_error = self->touched ? self->key_error : NULL;
  const char *value_error = self->touched ? self->value_error : NULL;
  const char *message = key_error != NULL ? key_error : value_error;

  if (key_error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->key_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->key_entry), "error");
  if (value_error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->value_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->value_entry), "error");

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
am_tag_row_finalize (GObject *object)
{
  AmTagRow *self = AM_TAG_ROW (object);

  g_free (self->original_key);
  g_free (self->key_error);
  g_free (self->value_error);

  G_OBJECT_CLASS (am_tag_row_parent_class)->finalize (object);
}

static void
am_tag_row_dispose (GObject *object)
{
  AmTagRow *self = AM_TAG_ROW (object);

  am_dialog_dispose_template_once (GTK_WIDGET (object), AM_TYPE_TAG_ROW,
                                  &self->template_disposed);

  G_OBJECT_CLASS (am_tag_row_parent_class)->dispose (object);
}

static void
am_tag_row_class_init (AmTagRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_tag_row_dispose;
  object_class->finalize = am_tag_row_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amiable/Amiable/dialogs/am-tag-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AmTagRow, key_entry);
  gtk_widget_class_bind_template_child (widget_class, AmTagRow, value_entry);
  gtk_widget_class_bind_template_child (widget_class, AmTagRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, AmTagRow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
key_left_cb (AmTagRow *self)
{
  if (self->touched)
    return;
  self->touched = TRUE;
  update_error (self);
}

static void
am_tag_row_init (AmTagRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Leaving the key of a fresh row empty is an act the row answers. */
  g_signal_connect_object (focus, "leave", G_CALLBACK (key_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->key_entry), focus);
}

AmTagRow *
am_tag_row_new (const char *key,
                const char *value)
{
  AmTagRow *self = g_object_new (AM_TYPE_TAG_ROW, NULL);

  if (key != NULL)
    {
      self->original_key = g_strdup (key);
      gtk_editable_set_text (GTK_EDITABLE (self->key_entry), key);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), key);
      if (value == NULL)
        {
          /* The key is what ties the several values together: it stays as it is. */
          self->mixed = TRUE;
          gtk_editable_set_editable (GTK_EDITABLE (self->key_entry), FALSE);
          gtk_entry_set_placeholder_text (self->value_entry, _("Several values (unchanged)"));
        }
      else
        gtk_editable_set_text (GTK_EDITABLE (self->value_entry), value);
    }

  return self;
}

const char *
am_tag_row_get_key (AmTagRow *self)
{
  g_return_val_if_fail (AM_IS_TAG_ROW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->key_entry));
}

const char *
am_tag_row_get_value (AmTagRow *self)
{
  g_return_val_if_fail (AM_IS_TAG_ROW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->value_entry));
}

gboolean
am_tag_row_get_mixed (AmTagRow *self)
{
  g_return_val_if_fail (AM_IS_TAG_ROW (self), FALSE);
  return self->mixed;
}

const char *
am_tag_row_get_original_key (AmTagRow *self)
{
  g_return_val_if_fail (AM_IS_TAG_ROW (self), NULL);
  return self->original_key;
}

void
am_tag_row_set_key_error (AmTagRow   *self,
                          const char *message)
{
  g_return_if_fail (AM_IS_TAG_ROW (self));
  g_free (self->key_error);
  self->key_error = g_strdup (message);
  update_error (self);
}

void
am_tag_row_set_value_error (AmTagRow   *self,
                            const char *message)
{
  g_return_if_fail (AM_IS_TAG_ROW (self));
  g_free (self->value_error);
  self->value_error = g_strdup (message);
  update_error (self);
}

GtkEditable *
am_tag_row_get_key_entry (AmTagRow *self)
{
  g_return_val_if_fail (AM_IS_TAG_ROW (self), NULL);
  return GTK_EDITABLE (self->key_entry);
}

GtkEditable *
am_tag_row_get_value_entry (AmTagRow *self)
{
  g_return_val_if_fail (AM_IS_TAG_ROW (self), NULL);
  return GTK_EDITABLE (self->value_entry);
}
