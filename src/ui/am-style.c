/* am-style.c: loads Amiable's stylesheets from its resources, in one place
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-style"

#include "config.h"

#include <string.h>

#include "am-style.h"

#define AM_RESOURCE_BASE "/io/github/amiable/Amiable/"

/* Each part of src/ui compiles its own GResource with its own sheet (images/images.css,
 * dialogs/dialogs.css, wizard/wizard.css): walking the tree finds them all, so a new sheet
 * cannot be listed and forgotten. */
static void
collect_sheets (const char *dir,
                GPtrArray  *sheets)
{
  g_auto (GStrv) children = g_resources_enumerate_children (dir, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (dir, children[i], NULL);

      if (g_str_has_suffix (children[i], "/"))
        collect_sheets (path, sheets);
      else if (g_str_has_suffix (children[i], ".css"))
        g_ptr_array_add (sheets, g_steal_pointer (&path));
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char **
am_style_list_sheets (void)
{
  g_autoptr (GPtrArray) sheets = g_ptr_array_new_with_free_func (g_free);

  collect_sheets (AM_RESOURCE_BASE, sheets);
  /* A stable order: sheets of the same priority that match the same node apply in order. */
  g_ptr_array_sort (sheets, compare_paths);
  g_ptr_array_add (sheets, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&sheets), FALSE);
}

static void
display_gone_cb (gpointer  data,
                 GObject  *display)
{
  g_hash_table_remove (data, display);
}

void
am_style_load (GdkDisplay *display,
               gboolean    skip_base_style)
{
  static GHashTable *loaded;
  g_auto (GStrv) sheets = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (loaded == NULL)
    loaded = g_hash_table_new (NULL, NULL);
  if (g_hash_table_contains (loaded, display))
    return;
  g_hash_table_add (loaded, display);
  g_object_weak_ref (G_OBJECT (display), display_gone_cb, loaded);

  sheets = am_style_list_sheets ();
  for (guint i = 0; sheets[i] != NULL; i++)
    {
      const char *path = sheets[i];
      g_autoptr (GtkCssProvider) provider = NULL;

      if (skip_base_style && g_str_equal (path, AM_RESOURCE_BASE "style.css"))
        continue;
      provider = gtk_css_provider_new ();
      gtk_css_provider_load_from_resource (provider, path);
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_debug ("Loaded the stylesheet %s", path);
    }
}
