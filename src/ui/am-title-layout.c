/* am-title-layout.c: a row's title and subtitle stacked, measured once per width
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-title-layout"

#include "config.h"

#include "am-title-layout.h"

struct _AmTitleLayout
{
  GtkLayoutManager parent_instance;

  GtkLayoutManager *box;   /* the box's own layout: everything but the width is its answer */
};

G_DEFINE_FINAL_TYPE (AmTitleLayout, am_title_layout, GTK_TYPE_LAYOUT_MANAGER)

static GtkSizeRequestMode
am_title_layout_get_request_mode (GtkLayoutManager *manager,
                                  GtkWidget        *widget)
{
  return GTK_LAYOUT_MANAGER_GET_CLASS (AM_TITLE_LAYOUT (manager)->box)->get_request_mode (AM_TITLE_LAYOUT (manager)->box, widget);
}

static void
am_title_layout_measure (GtkLayoutManager *manager,
                         GtkWidget        *widget,
                         GtkOrientation    orientation,
                         int               for_size,
                         int              *minimum,
                         int              *natural,
                         int              *minimum_baseline,
                         int              *natural_baseline)
{
  /* The width for any height is the width for no height in particular. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    for_size = -1;
  gtk_layout_manager_measure (AM_TITLE_LAYOUT (manager)->box, widget, orientation, for_size,
                              minimum, natural, minimum_baseline, natural_baseline);
}

static void
am_title_layout_allocate (GtkLayoutManager *manager,
                          GtkWidget        *widget,
                          int               width,
                          int               height,
                          int               baseline)
{
  gtk_layout_manager_allocate (AM_TITLE_LAYOUT (manager)->box, widget, width, height, baseline);
}

static void
am_title_layout_dispose (GObject *object)
{
  g_clear_object (&AM_TITLE_LAYOUT (object)->box);
  G_OBJECT_CLASS (am_title_layout_parent_class)->dispose (object);
}

static void
am_title_layout_class_init (AmTitleLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  object_class->dispose = am_title_layout_dispose;
  manager_class->get_request_mode = am_title_layout_get_request_mode;
  manager_class->measure = am_title_layout_measure;
  manager_class->allocate = am_title_layout_allocate;
}

static void
am_title_layout_init (AmTitleLayout *self)
{
}

GtkLayoutManager *
am_title_layout_new (GtkLayoutManager *box)
{
  AmTitleLayout *self = g_object_new (AM_TYPE_TITLE_LAYOUT, NULL);

  self->box = g_object_ref (box);
  return GTK_LAYOUT_MANAGER (self);
}

/* The row's title box: the box with the "title" class (libadwaita has no getter for it). */
static GtkWidget *
find_title_box (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BOX (child) && gtk_widget_has_css_class (child, "title"))
        return child;
      if ((found = find_title_box (child)) != NULL)
        return found;
    }
  return NULL;
}

void
am_action_row_use_title_layout (AdwActionRow *row)
{
  GtkWidget *box;
  GtkLayoutManager *old;

  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  box = find_title_box (GTK_WIDGET (row));
  if (box == NULL)
    return;
  old = gtk_widget_get_layout_manager (box);
  if (old == NULL || AM_IS_TITLE_LAYOUT (old))
    return;
  gtk_widget_set_layout_manager (box, am_title_layout_new (old));
}

/* The label showing @text below @widget. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return child;
      if ((found = find_label (child, text)) != NULL)
        return found;
    }
  return NULL;
}

void
am_preferences_group_use_title_layout (AdwPreferencesGroup *group)
{
  const char *description;
  GtkWidget *label;
  GtkWidget *box;
  GtkLayoutManager *old;

  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  description = adw_preferences_group_get_description (group);
  if (description == NULL || description[0] == '\0'
      || (label = find_label (GTK_WIDGET (group), description)) == NULL)
    return;
  box = gtk_widget_get_parent (label);
  if (!GTK_IS_BOX (box))
    return;
  /* A box keeps its orientation in its layout: ask that (once wrapped, the box cannot tell). */
  old = gtk_widget_get_layout_manager (box);
  if (!GTK_IS_BOX_LAYOUT (old) || gtk_orientable_get_orientation (GTK_ORIENTABLE (old)) != GTK_ORIENTATION_VERTICAL)
    return;
  gtk_widget_set_layout_manager (box, am_title_layout_new (old));
}
