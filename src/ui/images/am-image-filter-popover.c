/* am-image-filter-popover.c: the Images view's filter popover: facet checks, deprecation, a tag
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-filter-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "am-image-filter-popover.h"

typedef struct
{
  GtkWidget *check;      /* borrowed from the box */
  AmImageFacet facet;
  const char *value;     /* interned */
} FacetCheck;

struct _AmImageFilterPopover
{
  GtkPopover parent_instance;

  /* template widgets */
  GtkBox *filter_box;

  /* owned references */
  AmImageFilters *filters;
  AmImageListModel *list;

  /* borrowed: the widgets of the last build (children of filter_box) */
  GArray *facet_checks;  /* FacetCheck */
  GtkWidget *any_check;
  GtkWidget *hide_check;
  GtkWidget *only_check;
  GtkWidget *disabled_switch;
  GtkWidget *allowed_any_check;
  GtkWidget *allowed_only_check;
  GtkWidget *allowed_not_check;
  GtkWidget *newest_check;
  GtkWidget *key_entry;
  GtkWidget *value_entry;

  GtkWidget *allowed_section;

  /* state */
  gboolean syncing;
  gboolean allowed_shown;      /* the widgets are being set from the filters: no echo back */
};

G_DEFINE_FINAL_TYPE (AmImageFilterPopover, am_image_filter_popover, GTK_TYPE_POPOVER)

static const char *facet_titles[AM_IMAGE_N_FACETS] = {
  [AM_IMAGE_FACET_PLATFORM] = N_("Platform"),
  [AM_IMAGE_FACET_ARCHITECTURE] = N_("Architecture"),
  [AM_IMAGE_FACET_ROOT_DEVICE] = N_("Root Device Type"),
  [AM_IMAGE_FACET_VIRTUALIZATION] = N_("Virtualization"),
  [AM_IMAGE_FACET_STATE] = N_("State"),
};

static void
sync_listing_widgets (AmImageFilterPopover *self)
{
  AmImageAllowedFilter allowed = am_image_filters_get_allowed (self->filters);

  gtk_switch_set_active (GTK_SWITCH (self->disabled_switch), am_image_filters_get_include_disabled (self->filters));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->allowed_only_check), allowed == AM_IMAGE_ALLOWED_ONLY);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->allowed_not_check), allowed == AM_IMAGE_ALLOWED_NOT);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->allowed_any_check), allowed == AM_IMAGE_ALLOWED_ANY);
}

/* The widgets follow the filters (cleared from the view's menu while shown, say). */
static void
sync_widgets (AmImageFilterPopover *self)
{
  AmImageDeprecatedFilter deprecated;

  if (self->filters == NULL || self->any_check == NULL)
    return;

  self->syncing = TRUE;

  for (guint i = 0; i < self->facet_checks->len; i++)
    {
      FacetCheck *fc = &g_array_index (self->facet_checks, FacetCheck, i);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (fc->check),
                                   am_image_filters_has_facet_value (self->filters, fc->facet, fc->value));
    }
  deprecated = am_image_filters_get_deprecated (self->filters);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->hide_check), deprecated == AM_IMAGE_DEPRECATED_HIDE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->only_check), deprecated == AM_IMAGE_DEPRECATED_ONLY);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->any_check), deprecated == AM_IMAGE_DEPRECATED_ANY);
  sync_listing_widgets (self);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->newest_check), am_image_filters_get_newest_only (self->filters));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->key_entry)), am_image_filters_get_tag_key (self->filters)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->key_entry), am_image_filters_get_tag_key (self->filters));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->value_entry)), am_image_filters_get_tag_value (self->filters)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->value_entry), am_image_filters_get_tag_value (self->filters));
  self->syncing = FALSE;
}

static void
facet_toggled_cb (AmImageFilterPopover *self,
                  GtkCheckButton       *check)
{
  if (self->syncing)
    return;
  for (guint i = 0; i < self->facet_checks->len; i++)
    {
      FacetCheck *fc = &g_array_index (self->facet_checks, FacetCheck, i);

      if (fc->check == GTK_WIDGET (check))
        am_image_filters_set_facet_value (self->filters, fc->facet, fc->value,
                                          gtk_check_button_get_active (check));
    }
}

static void
deprecated_toggled_cb (AmImageFilterPopover *self,
                       GtkCheckButton       *check)
{
  AmImageDeprecatedFilter deprecated = AM_IMAGE_DEPRECATED_ANY;

  if (self->syncing)
    return;

  /* The group turns the old choice off before the new one on: act on the final state. */
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->hide_check)))
    deprecated = AM_IMAGE_DEPRECATED_HIDE;
  else if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->only_check)))
    deprecated = AM_IMAGE_DEPRECATED_ONLY;
  am_image_filters_set_deprecated (self->filters, deprecated);
}

static void
tag_changed_cb (AmImageFilterPopover *self,
                GtkEditable          *editable)
{
  if (self->syncing)
    return;
  am_image_filters_set_tag (self->filters,
                            gtk_editable_get_text (GTK_EDITABLE (self->key_entry)),
                            gtk_editable_get_text (GTK_EDITABLE (self->value_entry)));
}

static GtkWidget *
facet_section (const char *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_bottom (label, 4);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
add_facet_section (AmImageFilterPopover *self,
                   AmImageFacet          facet)
{
  g_autoptr (GHashTable) counts = am_image_list_model_count_facet (self->list, facet);
  const char * const *checked = am_image_filters_get_facet_values (self->filters, facet);
  g_autofree gpointer *keys = NULL;
  guint n_keys = 0;
  GtkWidget *section;

  /* Values the user checked stay even when the new listing has none of them. */
  for (guint i = 0; checked[i] != NULL; i++)
    if (!g_hash_table_contains (counts, checked[i]))
      g_hash_table_insert (counts, (gpointer) checked[i], GUINT_TO_POINTER (0));
  if (g_hash_table_size (counts) == 0)
    return;

  section = facet_section (_(facet_titles[facet]));
  keys = g_hash_table_get_keys_as_array (counts, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_strings);
  for (guint i = 0; i < n_keys; i++)
    {
      const char *value = keys[i];
      g_autofree char *label = g_strdup_printf ("%s (%u)", value[0] != '\0' ? value : _("not set"),
                                                GPOINTER_TO_UINT (g_hash_table_lookup (counts, value)));
      FacetCheck fc = { gtk_check_button_new_with_label (label), facet, g_intern_string (value) };

      gtk_check_button_set_active (GTK_CHECK_BUTTON (fc.check),
                                   am_image_filters_has_facet_value (self->filters, facet, value));
      g_signal_connect_object (fc.check, "toggled", G_CALLBACK (facet_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (section), fc.check);
      g_array_append_val (self->facet_checks, fc);
    }
  gtk_box_append (self->filter_box, section);
}

static void
add_deprecation_section (AmImageFilterPopover *self)
{
  GtkWidget *section = facet_section (_("Deprecation"));
  AmImageDeprecatedFilter deprecated = am_image_filters_get_deprecated (self->filters);

  self->any_check = gtk_check_button_new_with_label (_("All images"));
  self->hide_check = gtk_check_button_new_with_label (_("Hide deprecated images"));
  self->only_check = gtk_check_button_new_with_label (_("Only deprecated images"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (self->hide_check), GTK_CHECK_BUTTON (self->any_check));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (self->only_check), GTK_CHECK_BUTTON (self->any_check));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->any_check), deprecated == AM_IMAGE_DEPRECATED_ANY);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->hide_check), deprecated == AM_IMAGE_DEPRECATED_HIDE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->only_check), deprecated == AM_IMAGE_DEPRECATED_ONLY);
  g_signal_connect_object (self->hide_check, "toggled", G_CALLBACK (deprecated_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->only_check, "toggled", G_CALLBACK (deprecated_toggled_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (section), self->any_check);
  gtk_box_append (GTK_BOX (section), self->hide_check);
  gtk_box_append (GTK_BOX (section), self->only_check);
  gtk_box_append (self->filter_box, section);
}

static void
disabled_switched_cb (AmImageFilterPopover *self)
{
  if (!self->syncing)
    am_image_filters_set_include_disabled (self->filters, gtk_switch_get_active (GTK_SWITCH (self->disabled_switch)));
}

static void
allowed_toggled_cb (AmImageFilterPopover *self)
{
  AmImageAllowedFilter allowed = AM_IMAGE_ALLOWED_ANY;

  if (self->syncing)
    return;
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->allowed_only_check)))
    allowed = AM_IMAGE_ALLOWED_ONLY;
  else if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->allowed_not_check)))
    allowed = AM_IMAGE_ALLOWED_NOT;
  am_image_filters_set_allowed (self->filters, allowed);
}

/* Show Disabled (the owned listing asks EC2 with IncludeDisabled) and the Allowed AMIs choice. */
static void
add_listing_sections (AmImageFilterPopover *self)
{
  GtkWidget *section = facet_section (_("Disabled Images"));
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_("Show Disabled"));

  self->disabled_switch = gtk_switch_new ();
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->disabled_switch),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_widget_set_tooltip_text (self->disabled_switch,
                               _("List this account’s disabled images too (they cannot launch instances)"));
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), self->disabled_switch);
  gtk_box_append (GTK_BOX (section), row);
  gtk_box_append (self->filter_box, section);

  section = facet_section (_("Allowed AMIs"));
  self->allowed_section = section;
  gtk_widget_set_visible (section, self->allowed_shown);
  self->allowed_any_check = gtk_check_button_new_with_label (_("All images"));
  self->allowed_only_check = gtk_check_button_new_with_label (_("Allowed only"));
  self->allowed_not_check = gtk_check_button_new_with_label (_("Not allowed only"));
  gtk_widget_set_name (self->allowed_only_check, "allowed-only");
  gtk_widget_set_name (self->allowed_not_check, "not-allowed-only");
  gtk_widget_set_name (self->disabled_switch, "show-disabled");
  gtk_check_button_set_group (GTK_CHECK_BUTTON (self->allowed_only_check), GTK_CHECK_BUTTON (self->allowed_any_check));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (self->allowed_not_check), GTK_CHECK_BUTTON (self->allowed_any_check));
  gtk_box_append (GTK_BOX (section), self->allowed_any_check);
  gtk_box_append (GTK_BOX (section), self->allowed_only_check);
  gtk_box_append (GTK_BOX (section), self->allowed_not_check);
  gtk_box_append (self->filter_box, section);

  self->syncing = TRUE;
  sync_listing_widgets (self);
  self->syncing = FALSE;
  g_signal_connect_object (self->disabled_switch, "notify::active", G_CALLBACK (disabled_switched_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->allowed_only_check, "toggled", G_CALLBACK (allowed_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->allowed_not_check, "toggled", G_CALLBACK (allowed_toggled_cb), self, G_CONNECT_SWAPPED);
}

static void
newest_toggled_cb (AmImageFilterPopover *self)
{
  if (!self->syncing)
    am_image_filters_set_newest_only (self->filters, gtk_check_button_get_active (GTK_CHECK_BUTTON (self->newest_check)));
}

/* Families: images whose names differ only in a date or version; the newest carries a badge. */
static void
add_family_section (AmImageFilterPopover *self)
{
  GtkWidget *section = facet_section (_("Families"));

  self->newest_check = gtk_check_button_new_with_label (_("Newest of Each Family"));
  gtk_widget_set_name (self->newest_check, "newest-only");
  gtk_widget_set_tooltip_text (self->newest_check,
                               _("Hide images that a newer one of the same name, but for its date or version, replaces"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->newest_check), am_image_filters_get_newest_only (self->filters));
  g_signal_connect_object (self->newest_check, "toggled", G_CALLBACK (newest_toggled_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (section), self->newest_check);
  gtk_box_append (self->filter_box, section);
}

static void
add_tag_section (AmImageFilterPopover *self)
{
  GtkWidget *section = facet_section (_("Tag"));

  self->key_entry = gtk_entry_new ();
  self->value_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->key_entry), _("Key"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->value_entry), _("Value (any when empty)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->key_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tag key"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tag value"), -1);
  gtk_editable_set_text (GTK_EDITABLE (self->key_entry), am_image_filters_get_tag_key (self->filters));
  gtk_editable_set_text (GTK_EDITABLE (self->value_entry), am_image_filters_get_tag_value (self->filters));
  g_signal_connect_object (self->key_entry, "changed", G_CALLBACK (tag_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->value_entry, "changed", G_CALLBACK (tag_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (section), self->key_entry);
  gtk_box_append (GTK_BOX (section), self->value_entry);
  gtk_box_append (self->filter_box, section);
}

void
am_image_filter_popover_set_allowed_shown (AmImageFilterPopover *self,
                                           gboolean              shown)
{
  g_return_if_fail (AM_IS_IMAGE_FILTER_POPOVER (self));

  self->allowed_shown = shown;
  if (self->allowed_section != NULL)
    gtk_widget_set_visible (self->allowed_section, shown);
}

void
am_image_filter_popover_rebuild (AmImageFilterPopover *self)
{
  GtkWidget *child;

  g_return_if_fail (AM_IS_IMAGE_FILTER_POPOVER (self));

  if (self->filters == NULL || self->list == NULL)
    return;

  g_array_set_size (self->facet_checks, 0);
  self->any_check = self->hide_check = self->only_check = NULL;
  self->allowed_section = NULL;
  self->disabled_switch = self->allowed_any_check = self->allowed_only_check = self->allowed_not_check = NULL;
  self->key_entry = self->value_entry = self->newest_check = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_box))) != NULL)
    gtk_box_remove (self->filter_box, child);

  for (guint f = 0; f < AM_IMAGE_N_FACETS; f++)
    add_facet_section (self, f);
  add_deprecation_section (self);
  add_family_section (self);
  add_listing_sections (self);
  add_tag_section (self);
}

void
am_image_filter_popover_set_active (AmImageFilterPopover *self,
                                    AmImageFacet          facet,
                                    const char           *value,
                                    gboolean              active)
{
  const char *interned = g_intern_string (value);

  g_return_if_fail (AM_IS_IMAGE_FILTER_POPOVER (self));

  for (guint i = 0; i < self->facet_checks->len; i++)
    {
      FacetCheck *fc = &g_array_index (self->facet_checks, FacetCheck, i);

      if (fc->facet == facet && fc->value == interned)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (fc->check), active);
    }
}

void
am_image_filter_popover_set_filters (AmImageFilterPopover *self,
                                     AmImageFilters       *filters,
                                     AmImageListModel     *list)
{
  g_return_if_fail (AM_IS_IMAGE_FILTER_POPOVER (self));
  g_return_if_fail (AM_IS_IMAGE_FILTERS (filters));
  g_return_if_fail (AM_IS_IMAGE_LIST_MODEL (list));

  if (self->filters != NULL)
    g_signal_handlers_disconnect_by_data (self->filters, self);
  g_set_object (&self->filters, filters);
  g_set_object (&self->list, list);
  g_signal_connect_object (filters, "facet-changed", G_CALLBACK (sync_widgets), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (filters, "notify", G_CALLBACK (sync_widgets), self, G_CONNECT_SWAPPED);
}

static void
am_image_filter_popover_show (GtkWidget *widget)
{
  am_image_filter_popover_rebuild (AM_IMAGE_FILTER_POPOVER (widget));
  GTK_WIDGET_CLASS (am_image_filter_popover_parent_class)->show (widget);
}

static void
am_image_filter_popover_dispose (GObject *object)
{
  AmImageFilterPopover *self = AM_IMAGE_FILTER_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_IMAGE_FILTER_POPOVER);
  g_clear_object (&self->filters);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (am_image_filter_popover_parent_class)->dispose (object);
}

static void
am_image_filter_popover_finalize (GObject *object)
{
  AmImageFilterPopover *self = AM_IMAGE_FILTER_POPOVER (object);

  g_array_unref (self->facet_checks);

  G_OBJECT_CLASS (am_image_filter_popover_parent_class)->finalize (object);
}

static void
am_image_filter_popover_class_init (AmImageFilterPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_image_filter_popover_dispose;
  object_class->finalize = am_image_filter_popover_finalize;
  widget_class->show = am_image_filter_popover_show;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/images/am-image-filter-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, AmImageFilterPopover, filter_box);
}

static void
am_image_filter_popover_init (AmImageFilterPopover *self)
{
  self->facet_checks = g_array_new (FALSE, FALSE, sizeof (FacetCheck));
  gtk_widget_init_template (GTK_WIDGET (self));
}
