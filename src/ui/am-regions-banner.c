/* am-regions-banner.c: how far a listing of every Region got, and a line with Retry per failed Region
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-regions-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "am-regions-banner.h"

struct _AmRegionsBanner
{
  GtkWidget parent_instance;

  /* owned references */
  AmRegionFanout *fanout;

  /* borrowed: children */
  GtkWidget *summary;            /* the summary line */

  /* state */
  AmRegionsBannerItems items;
};

G_DEFINE_FINAL_TYPE (AmRegionsBanner, am_regions_banner, GTK_TYPE_WIDGET)

/* "us-east-1: 2 images": a Region and how many items it listed. */
static void
append_count (GString              *text,
              AmRegionsBannerItems  items,
              const char           *region,
              guint                 n)
{
  switch (items)
    {
    case AM_REGIONS_BANNER_INSTANCES:
      /* Translators: a Region and how many instances it lists, e.g. "us-east-1: 2 instances" */
      g_string_append_printf (text, ngettext ("%s: %u instance", "%s: %u instances", n), region, n);
      break;
    case AM_REGIONS_BANNER_SNAPSHOTS:
      /* Translators: a Region and how many snapshots it lists, e.g. "us-east-1: 2 snapshots" */
      g_string_append_printf (text, ngettext ("%s: %u snapshot", "%s: %u snapshots", n), region, n);
      break;
    case AM_REGIONS_BANNER_IMAGES:
    default:
      /* Translators: a Region and how many images it lists, e.g. "us-east-1: 2 images" */
      g_string_append_printf (text, ngettext ("%s: %u image", "%s: %u images", n), region, n);
      break;
    }
}

/* "us-east-1: 2 images · us-west-2: asking…": how far each Region is. */
static char *
summarize (AmRegionsBanner  *self,
           char            **regions)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; regions[i] != NULL; i++)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      switch (am_region_fanout_get_region_state (self->fanout, regions[i]))
        {
        case AM_REGION_JOB_DONE:
          append_count (text, self->items, regions[i],
                        am_region_fanout_get_region_n_items (self->fanout, regions[i]));
          break;
        case AM_REGION_JOB_FAILED:
          /* Translators: a Region whose listing failed (the reason follows on its own line) */
          g_string_append_printf (text, _("%s: failed"), regions[i]);
          break;
        case AM_REGION_JOB_WAITING:
          g_string_append_printf (text, _("%s: waiting"), regions[i]);
          break;
        case AM_REGION_JOB_RUNNING:
        default:
          g_string_append_printf (text, _("%s: asking…"), regions[i]);
          break;
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
retry_clicked_cb (GtkButton       *button,
                  AmRegionsBanner *self)
{
  const char *region = g_object_get_data (G_OBJECT (button), "am-region");

  if (self->fanout != NULL)
    am_region_fanout_retry (self->fanout, region);
}

static GtkWidget *
failed_region_row (AmRegionsBanner *self,
                   const char      *region)
{
  const GError *error = am_region_fanout_get_region_error (self->fanout, region);
  g_autofree char *reason = am_region_fanout_describe_error (self->fanout, error);
  /* Translators: "eu-west-3: could not connect. The other Regions are listed." */
  g_autofree char *text = g_strdup_printf (_("%s: %s. The other Regions are listed."), region, reason);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *details = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *message = gtk_label_new (error->message);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Retry"));

  gtk_widget_add_css_class (row, "am-region-failure");
  gtk_widget_add_css_class (row, "error");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (row), label);

  /* The full chain one click away. */
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (message), 60);
  gtk_label_set_selectable (GTK_LABEL (message), TRUE);
  gtk_popover_set_child (GTK_POPOVER (popover), message);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (details), _("Details"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (details), popover);
  gtk_widget_set_valign (details, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), details);

  g_object_set_data_full (G_OBJECT (button), "am-region", g_strdup (region), g_free);
  /* Translators: the tooltip of a failed Region's Retry button */
  gtk_widget_set_tooltip_text (button, _("Ask this Region again"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect (button, "clicked", G_CALLBACK (retry_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), button);
  return row;
}

static void
update (AmRegionsBanner *self)
{
  g_auto (GStrv) regions = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;

  /* The failure rows are built again; the summary label stays. */
  while ((child = gtk_widget_get_next_sibling (self->summary)) != NULL)
    gtk_widget_unparent (child);

  regions = self->fanout != NULL ? am_region_fanout_dup_regions (self->fanout) : g_new0 (char *, 1);
  summary = summarize (self, regions);
  gtk_label_set_label (GTK_LABEL (self->summary), summary);
  for (guint i = 0; regions[i] != NULL; i++)
    if (am_region_fanout_get_region_state (self->fanout, regions[i]) == AM_REGION_JOB_FAILED)
      gtk_widget_insert_before (failed_region_row (self, regions[i]), GTK_WIDGET (self), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), regions[0] != NULL);
}

void
am_regions_banner_set_fanout (AmRegionsBanner *self,
                              AmRegionFanout  *fanout)
{
  g_return_if_fail (AM_IS_REGIONS_BANNER (self));
  g_return_if_fail (fanout == NULL || AM_IS_REGION_FANOUT (fanout));

  if (self->fanout != fanout)
    {
      if (self->fanout != NULL)
        g_signal_handlers_disconnect_by_data (self->fanout, self);
      g_set_object (&self->fanout, fanout);
      if (fanout != NULL)
        {
          g_signal_connect_object (fanout, "region-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (fanout, "notify::loading", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
        }
    }
  update (self);
}

AmRegionFanout *
am_regions_banner_get_fanout (AmRegionsBanner *self)
{
  g_return_val_if_fail (AM_IS_REGIONS_BANNER (self), NULL);
  return self->fanout;
}

char *
am_regions_banner_dup_summary (AmRegionsBanner *self)
{
  g_return_val_if_fail (AM_IS_REGIONS_BANNER (self), NULL);
  return g_strdup (gtk_label_get_label (GTK_LABEL (self->summary)));
}

GtkWidget *
am_regions_banner_get_retry_button (AmRegionsBanner *self,
                                    const char      *region)
{
  g_return_val_if_fail (AM_IS_REGIONS_BANNER (self), NULL);

  for (GtkWidget *row = gtk_widget_get_next_sibling (self->summary); row != NULL; row = gtk_widget_get_next_sibling (row))
    for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL; child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_BUTTON (child) && !GTK_IS_MENU_BUTTON (child)
          && g_strcmp0 (g_object_get_data (G_OBJECT (child), "am-region"), region) == 0)
        return child;
  return NULL;
}

void
am_regions_banner_show (GtkWidget            **banner,
                        AmRegionsBannerItems   items,
                        GtkWidget             *parent,
                        GtkWidget             *next_sibling,
                        AmRegionFanout        *fanout)
{
  g_return_if_fail (banner != NULL);
  g_return_if_fail (GTK_IS_WIDGET (parent));

  if (*banner == NULL)
    {
      *banner = am_regions_banner_new (items);
      /* Disposed with its parent: the view's pointer is cleared then. */
      g_object_add_weak_pointer (G_OBJECT (*banner), (gpointer *) banner);
      gtk_widget_insert_before (*banner, parent, next_sibling);
    }
  am_regions_banner_set_fanout (AM_REGIONS_BANNER (*banner), fanout);
}

void
am_regions_banner_release (GtkWidget       *banner,
                           AmRegionFanout **fanout,
                           gpointer         listener)
{
  g_return_if_fail (banner == NULL || AM_IS_REGIONS_BANNER (banner));
  g_return_if_fail (fanout != NULL);

  if (banner != NULL)
    am_regions_banner_set_fanout (AM_REGIONS_BANNER (banner), NULL);
  if (*fanout == NULL)
    return;
  am_region_fanout_cancel (*fanout);
  g_signal_handlers_disconnect_by_data (*fanout, listener);
  g_clear_object (fanout);
}

static void
am_regions_banner_dispose (GObject *object)
{
  AmRegionsBanner *self = AM_REGIONS_BANNER (object);
  GtkWidget *child;

  if (self->fanout != NULL)
    g_signal_handlers_disconnect_by_data (self->fanout, self);
  g_clear_object (&self->fanout);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->summary = NULL;

  G_OBJECT_CLASS (am_regions_banner_parent_class)->dispose (object);
}

static void
am_regions_banner_class_init (AmRegionsBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_regions_banner_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "regionsbanner");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
am_regions_banner_init (AmRegionsBanner *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);
  gtk_widget_add_css_class (GTK_WIDGET (self), "am-regions-banner");

  self->summary = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_widget_add_css_class (self->summary, "dim-label");
  gtk_widget_set_parent (self->summary, GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
am_regions_banner_new (AmRegionsBannerItems items)
{
  AmRegionsBanner *self = g_object_new (AM_TYPE_REGIONS_BANNER, NULL);

  self->items = items;
  return GTK_WIDGET (self);
}
