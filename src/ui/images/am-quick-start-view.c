/* am-quick-start-view.c: Quick Start as a catalog: a card per popular system
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-quick-start-view"

#include "config.h"

#include <glib/gi18n.h>

#include "am-image-list-model.h"
#include "am-quick-start-view.h"
#include "am-time-format.h"

struct _AmQuickStartView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkFlowBox *flow_box;

  /* owned references */
  GListModel *model;

  /* state */
  gboolean stale;   /* the model changed while the view was not shown */
};

G_DEFINE_FINAL_TYPE (AmQuickStartView, am_quick_start_view, ADW_TYPE_BIN)

enum {
  LAUNCH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Friendly titles, by the pattern of the image name (first match wins). */
typedef struct
{
  const char *pattern;
  const char *title;
  const char *icon;
} System;

static const System systems[] = {
  { "al2023-ami-minimal-*", N_("Amazon Linux 2023 Minimal"), "utilities-terminal-symbolic" },
  { "al2023-ami-*", N_("Amazon Linux 2023"), "utilities-terminal-symbolic" },
  { "amzn2-ami-*", N_("Amazon Linux 2"), "utilities-terminal-symbolic" },
  { "ubuntu/images/*-24.04-*", N_("Ubuntu Server 24.04 LTS"), "utilities-terminal-symbolic" },
  { "ubuntu/images/*-22.04-*", N_("Ubuntu Server 22.04 LTS"), "utilities-terminal-symbolic" },
  { "debian-13-*", N_("Debian 13"), "utilities-terminal-symbolic" },
  { "debian-12-*", N_("Debian 12"), "utilities-terminal-symbolic" },
  { "debian-11-*", N_("Debian 11"), "utilities-terminal-symbolic" },
  { "RHEL-9*", N_("Red Hat Enterprise Linux 9"), "utilities-terminal-symbolic" },
  { "RHEL-8*", N_("Red Hat Enterprise Linux 8"), "utilities-terminal-symbolic" },
  { "suse-sles-15-sp6-*", N_("SUSE Linux Enterprise Server 15 SP6"), "utilities-terminal-symbolic" },
  { "Windows_Server-2022-English-Full-Base-*", N_("Windows Server 2022 Base"), "computer-symbolic" },
  { "Windows_Server-2022-English-Core-Base-*", N_("Windows Server 2022 Core Base"), "computer-symbolic" },
  { "Windows_Server-2019-English-Full-Base-*", N_("Windows Server 2019 Base"), "computer-symbolic" },
};

static const System *
find_system (AmImage *image)
{
  const char *name = am_image_get_name (image);

  if (name == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (systems); i++)
    if (g_pattern_match_simple (systems[i].pattern, name))
      return &systems[i];
  return NULL;
}

const char *
am_quick_start_view_get_title (AmImage *image)
{
  const System *system;

  g_return_val_if_fail (AM_IS_IMAGE (image), NULL);

  system = find_system (image);
  return system != NULL ? _(system->title) : NULL;
}

/* --- a card ------------------------------------------------------------------------------ */

typedef struct
{
  AmQuickStartView *self;      /* borrowed: the card lives in it */
  char *title;
  GPtrArray *images;           /* AmImage, one per architecture */
  guint current;

  GtkWidget *description;
  GtkWidget *free_tier;
  GtkWidget *id_label;
  GPtrArray *toggles;          /* GtkToggleButton, parallel to images */
} Card;

static void
card_free (Card *card)
{
  g_free (card->title);
  g_ptr_array_unref (card->images);
  g_ptr_array_unref (card->toggles);
  g_free (card);
}

static void
card_show (Card  *card,
           guint  index)
{
  AmImage *image = g_ptr_array_index (card->images, index);
  g_autofree char *date = am_time_format_local (am_image_get_creation_date (image));
  g_autofree char *utc = am_time_format_utc (am_image_get_creation_date (image));
  g_autofree char *small = g_strdup_printf ("%s · %s", am_image_get_image_id (image), date != NULL ? date : "");

  card->current = index;
  gtk_label_set_text (GTK_LABEL (card->description),
                      am_image_get_description (image) != NULL ? am_image_get_description (image)
                                                               : am_image_get_name (image));
  gtk_widget_set_visible (card->free_tier, am_image_get_free_tier_eligible (image));
  gtk_label_set_text (GTK_LABEL (card->id_label), small);
  /* The full name and the time in UTC are a pointer away. */
  {
    g_autofree char *tooltip = g_strdup_printf (_("%s\nCreated %s"), am_image_get_name (image), utc != NULL ? utc : "?");

    gtk_widget_set_tooltip_text (card->id_label, tooltip);
  }
  for (guint i = 0; i < card->toggles->len; i++)
    gtk_toggle_button_set_active (g_ptr_array_index (card->toggles, i), i == index);
}

static void
arch_toggled_cb (GtkToggleButton *toggle,
                 Card            *card)
{
  guint index;

  if (!gtk_toggle_button_get_active (toggle))
    return;
  if (g_ptr_array_find (card->toggles, toggle, &index) && index != card->current)
    card_show (card, index);
}

static void
launch_clicked_cb (GtkButton *button,
                   Card      *card)
{
  g_signal_emit (card->self, signals[LAUNCH], 0, g_ptr_array_index (card->images, card->current));
}

static int
compare_arch (gconstpointer a,
              gconstpointer b)
{
  AmImage *ia = *(AmImage **) a;
  AmImage *ib = *(AmImage **) b;

  /* x86_64 first, then arm64, then the rest by name */
  return g_strcmp0 (am_image_get_architecture (ib), am_image_get_architecture (ia));
}

static GtkWidget *
card_new (AmQuickStartView *self,
          const char       *title,
          const char       *icon,
          GPtrArray        *images)
{
  Card *card = g_new0 (Card, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (icon);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *arch_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* No mnemonic: every card has a Launch button. */
  GtkWidget *launch = gtk_button_new_with_label (_("Launch"));
  GtkToggleButton *group = NULL;

  card->self = self;
  card->title = g_strdup (title);
  card->images = g_ptr_array_ref (images);
  card->toggles = g_ptr_array_new ();
  g_ptr_array_sort (card->images, compare_arch);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "am-quick-start-card");
  gtk_image_set_pixel_size (GTK_IMAGE (image), 32);
  gtk_widget_set_valign (image, GTK_ALIGN_START);
  gtk_widget_add_css_class (image, "am-quick-start-icon");
  gtk_box_append (GTK_BOX (header), image);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (title_label), 20);
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_widget_add_css_class (title_label, "title-4");
  gtk_box_append (GTK_BOX (header), title_label);
  gtk_box_append (GTK_BOX (box), header);

  card->description = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (card->description), 0);
  gtk_label_set_wrap (GTK_LABEL (card->description), TRUE);
  gtk_label_set_lines (GTK_LABEL (card->description), 2);
  /* Narrow natural widths, so the flow box puts two or three cards on a line. */
  gtk_label_set_max_width_chars (GTK_LABEL (card->description), 30);
  gtk_label_set_width_chars (GTK_LABEL (card->description), 30);
  gtk_label_set_ellipsize (GTK_LABEL (card->description), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (card->description, "dim-label");
  gtk_box_append (GTK_BOX (box), card->description);

  /* The architecture switch: one toggle per image of the system. */
  gtk_widget_add_css_class (arch_box, "linked");
  gtk_widget_set_halign (arch_box, GTK_ALIGN_START);
  gtk_widget_set_margin_top (arch_box, 6);
  for (guint i = 0; i < card->images->len; i++)
    {
      AmImage *img = g_ptr_array_index (card->images, i);
      GtkWidget *toggle = gtk_toggle_button_new_with_label (am_image_get_architecture (img));
      g_autofree char *tip = g_strdup_printf (_("The image for %s processors"), am_image_get_architecture (img));

      gtk_widget_set_tooltip_text (toggle, tip);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), group);
      else
        group = GTK_TOGGLE_BUTTON (toggle);
      g_signal_connect (toggle, "toggled", G_CALLBACK (arch_toggled_cb), card);
      gtk_box_append (GTK_BOX (arch_box), toggle);
      g_ptr_array_add (card->toggles, toggle);
    }
  gtk_box_append (GTK_BOX (box), arch_box);

  card->free_tier = gtk_label_new (_("Free tier eligible"));
  gtk_label_set_xalign (GTK_LABEL (card->free_tier), 0);
  gtk_widget_set_halign (card->free_tier, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (card->free_tier, _("New AWS accounts may run a small instance of this image free of charge for a limited time"));
  gtk_widget_add_css_class (card->free_tier, "am-free-tier");
  gtk_widget_add_css_class (card->free_tier, "caption");
  gtk_box_append (GTK_BOX (box), card->free_tier);

  gtk_widget_set_vexpand (footer, TRUE);
  gtk_widget_set_valign (footer, GTK_ALIGN_END);
  gtk_widget_set_margin_top (footer, 6);
  card->id_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (card->id_label), 0);
  gtk_label_set_wrap (GTK_LABEL (card->id_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (card->id_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (card->id_label), 20);
  gtk_label_set_selectable (GTK_LABEL (card->id_label), TRUE);
  gtk_widget_set_hexpand (card->id_label, TRUE);
  gtk_widget_set_valign (card->id_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (card->id_label, "caption");
  gtk_widget_add_css_class (card->id_label, "dim-label");
  gtk_box_append (GTK_BOX (footer), card->id_label);
  gtk_widget_add_css_class (launch, "suggested-action");
  gtk_widget_set_tooltip_text (launch, _("Open the launch wizard with this image"));
  g_signal_connect (launch, "clicked", G_CALLBACK (launch_clicked_cb), card);
  gtk_box_append (GTK_BOX (footer), launch);
  gtk_box_append (GTK_BOX (box), footer);

  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data_full (G_OBJECT (box), "am-card", card, (GDestroyNotify) card_free);
  card_show (card, 0);

  return box;
}

/* --- the view ---------------------------------------------------------------------------- */

static void
rebuild (AmQuickStartView *self)
{
  g_autoptr (GHashTable) by_title = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();   /* titles in the order of systems[], then the rest */
  g_autoptr (GHashTable) icons = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *child;
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box))) != NULL)
    gtk_flow_box_remove (self->flow_box, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (self->model, i);
      const System *system = find_system (image);
      const char *title = system != NULL ? _(system->title)
                          : am_image_get_name (image) != NULL ? am_image_get_name (image) : am_image_get_image_id (image);
      GPtrArray *images = g_hash_table_lookup (by_title, title);
      gboolean have_arch = FALSE;

      if (images == NULL)
        {
          images = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_title, (gpointer) title, images);
          g_hash_table_insert (icons, (gpointer) title,
                               (gpointer) (system != NULL ? system->icon
                                           : g_strcmp0 (am_image_get_platform (image), "windows") == 0
                                             ? "computer-symbolic" : "utilities-terminal-symbolic"));
        }
      /* One image per architecture: the newest. */
      for (guint j = 0; j < images->len && !have_arch; j++)
        {
          AmImage *other = g_ptr_array_index (images, j);

          if (g_strcmp0 (am_image_get_architecture (other), am_image_get_architecture (image)) == 0)
            {
              have_arch = TRUE;
              if (am_image_get_creation_time (image) > am_image_get_creation_time (other))
                {
                  g_ptr_array_index (images, j) = g_object_ref (image);
                  g_object_unref (other);
                }
            }
        }
      if (!have_arch)
        g_ptr_array_add (images, g_object_ref (image));
    }

  for (guint i = 0; i < G_N_ELEMENTS (systems); i++)
    if (g_hash_table_contains (by_title, _(systems[i].title)))
      g_ptr_array_add (order, (gpointer) _(systems[i].title));
  {
    GHashTableIter iter;
    gpointer key;
    g_autoptr (GPtrArray) rest = g_ptr_array_new ();

    g_hash_table_iter_init (&iter, by_title);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      if (!g_ptr_array_find_with_equal_func (order, key, g_str_equal, NULL))
        g_ptr_array_add (rest, key);
    g_ptr_array_sort (rest, (GCompareFunc) g_strcmp0);
    g_ptr_array_extend (order, rest, NULL, NULL);
  }

  for (guint i = 0; i < order->len; i++)
    {
      const char *title = g_ptr_array_index (order, i);

      gtk_flow_box_append (self->flow_box,
                           card_new (self, title, g_hash_table_lookup (icons, title),
                                     g_hash_table_lookup (by_title, title)));
    }
}

/*
 * The model is the Images view's list, which changes with every page, keystroke and sort of
 * the other scopes too (where it holds up to 100,000 images, each name a card): only a shown
 * view builds its cards; a hidden one does when it is shown or asked for a card.
 */
static void
ensure_built (AmQuickStartView *self)
{
  if (!self->stale)
    return;
  self->stale = FALSE;
  rebuild (self);
}

static void
items_changed_cb (AmQuickStartView *self)
{
  self->stale = TRUE;
  /* Halfway through a change that replaces rows, the list holds the old and the new ones:
   * the change's second half builds. */
  if (AM_IS_IMAGE_LIST_MODEL (self->model) && am_image_list_model_is_replacing (AM_IMAGE_LIST_MODEL (self->model)))
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_built (self);
}

static void
am_quick_start_view_map (GtkWidget *widget)
{
  ensure_built (AM_QUICK_START_VIEW (widget));
  GTK_WIDGET_CLASS (am_quick_start_view_parent_class)->map (widget);
}

static void
am_quick_start_view_dispose (GObject *object)
{
  AmQuickStartView *self = AM_QUICK_START_VIEW (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_QUICK_START_VIEW);

  G_OBJECT_CLASS (am_quick_start_view_parent_class)->dispose (object);
}

static void
am_quick_start_view_class_init (AmQuickStartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_quick_start_view_dispose;
  widget_class->map = am_quick_start_view_map;

  /**
   * AmQuickStartView::launch:
   * @image: the image of the card whose Launch was pressed
   */
  signals[LAUNCH] = g_signal_new ("launch", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, AM_TYPE_IMAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/images/am-quick-start-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AmQuickStartView, flow_box);
}

static void
am_quick_start_view_init (AmQuickStartView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
am_quick_start_view_new (void)
{
  return g_object_new (AM_TYPE_QUICK_START_VIEW, NULL);
}

void
am_quick_start_view_set_model (AmQuickStartView *self,
                               GListModel       *model)
{
  g_return_if_fail (AM_IS_QUICK_START_VIEW (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  items_changed_cb (self);
}

GtkWidget *
am_quick_start_view_get_card (AmQuickStartView *self,
                              const char       *title)
{
  g_return_val_if_fail (AM_IS_QUICK_START_VIEW (self), NULL);

  ensure_built (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *box = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      Card *card = g_object_get_data (G_OBJECT (box), "am-card");

      if (card != NULL && g_strcmp0 (card->title, title) == 0)
        return box;
    }
  return NULL;
}

AmImage *
am_quick_start_view_get_card_image (GtkWidget *card_widget)
{
  Card *card;

  g_return_val_if_fail (GTK_IS_WIDGET (card_widget), NULL);

  card = g_object_get_data (G_OBJECT (card_widget), "am-card");
  g_return_val_if_fail (card != NULL, NULL);
  return g_ptr_array_index (card->images, card->current);
}
