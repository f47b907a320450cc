/* am-accessible.c: accessible names without mnemonic underscores (GTK 4.8 keeps them)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-accessible"

#include "config.h"

#include "am-accessible.h"

static GQuark watched_quark;

/* The text GTK shows for @label with use-underline: "__" is "_", a lone "_" marks the mnemonic. */
static char *
strip_mnemonic (const char *label)
{
  GString *text = g_string_sized_new (strlen (label));

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            {
              g_string_append_c (text, '_');
              p++;
            }
          continue;
        }
      g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

static void
update_name (GtkWidget *widget)
{
  const char *label = NULL;
  gboolean use_underline = FALSE;
  g_autofree char *name = NULL;

  g_object_get (widget, "use-underline", &use_underline, NULL);
  if (GTK_IS_BUTTON (widget))
    label = gtk_button_get_label (GTK_BUTTON (widget));
  else
    label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  if (!use_underline || label == NULL || strchr (label, '_') == NULL)
    return;
  name = strip_mnemonic (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
label_changed_cb (GtkWidget  *widget,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  update_name (widget);
}

static void
watch (GtkWidget *widget)
{
  if (!GTK_IS_BUTTON (widget) && !GTK_IS_CHECK_BUTTON (widget))
    return;
  if (g_object_get_qdata (G_OBJECT (widget), watched_quark) == NULL)
    {
      g_object_set_qdata (G_OBJECT (widget), watched_quark, GINT_TO_POINTER (TRUE));
      /* After GTK's own handler has set the label (with its underscore) as the name. */
      g_signal_connect_after (widget, "notify::label", G_CALLBACK (label_changed_cb), NULL);
      g_signal_connect_after (widget, "notify::use-underline", G_CALLBACK (label_changed_cb), NULL);
    }
  update_name (widget);
}

static gboolean
map_hook (GSignalInvocationHint *hint,
          guint                  n_values,
          const GValue          *values,
          gpointer               user_data)
{
  GObject *object = g_value_get_object (&values[0]);

  if (GTK_IS_WIDGET (object))
    watch (GTK_WIDGET (object));
  return TRUE;
}

static void
walk (GtkWidget *widget)
{
  watch (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (child);
}

void
am_accessible_fix_mnemonics (GtkWidget *root)
{
  static gsize hooked = 0;

  g_return_if_fail (GTK_IS_WIDGET (root));

  if (g_once_init_enter (&hooked))
    {
      g_autoptr (GTypeClass) klass = g_type_class_ref (GTK_TYPE_WIDGET);

      watched_quark = g_quark_from_static_string ("am-accessible-watched");
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, map_hook, NULL, NULL);
      g_once_init_leave (&hooked, 1);
    }
  walk (root);
}
