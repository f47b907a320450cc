/* am-image-cell.c: a cheap one-line text cell for the image list
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-cell"

#include "config.h"

#include <string.h>

#include "am-image-cell.h"

struct _AmImageCell
{
  GtkWidget parent_instance;

  /* owned references */
  PangoLayout *layout;    /* this cell's text at its width, maybe shared (layout_cache) */

  /* state */
  char *text;
  const char *badge;      /* static (translated) string, or NULL */
  guint layout_font;      /* font_generation when the layout was made */
  int layout_width;
};

G_DEFINE_FINAL_TYPE (AmImageCell, am_image_cell, GTK_TYPE_WIDGET)

/* One layout for every cell (all are drawn on the main thread), and its line height. */
static PangoLayout *shared_layout;
static int line_height;
static guint font_generation;

/* The badge's word, shaped once (one badge word is in use at a time). */
static PangoLayout *badge_layout;
static const char *badge_text;
static guint badge_font;

#define BADGE_PADDING 6
#define BADGE_GAP 6

/*
 * Shaped texts by (text, width), shared by every cell: a new row widget (GTK 4.8 builds one
 * for every row a refilter or a sort brings on screen) finds most of its texts shaped already,
 * since most columns repeat a few values (x86_64, hvm, ebs, available, Public…). Bounded: it
 * starts again when full (the cells keep their own references).
 */
typedef struct
{
  char *text;
  int width;
} LayoutKey;

static GHashTable *layout_cache;
#define LAYOUT_CACHE_MAX 4096

static guint
layout_key_hash (gconstpointer key)
{
  const LayoutKey *k = key;

  return g_str_hash (k->text) * 31 + (guint) k->width;
}

static gboolean
layout_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const LayoutKey *ka = a;
  const LayoutKey *kb = b;

  return ka->width == kb->width && strcmp (ka->text, kb->text) == 0;
}

static void
layout_key_free (gpointer data)
{
  LayoutKey *key = data;

  g_free (key->text);
  g_free (key);
}

static void
font_changed_cb (GtkSettings *settings,
                 GParamSpec  *pspec,
                 gpointer     user_data)
{
  /* A new font or text scale: the next cell measured makes a new layout, every cell drawn too. */
  g_clear_object (&shared_layout);
  if (layout_cache != NULL)
    g_hash_table_remove_all (layout_cache);
  font_generation++;
}

static PangoLayout *
get_layout (AmImageCell *self)
{
  static gboolean watching;

  if (!watching)
    {
      GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));

      watching = TRUE;
      g_signal_connect (settings, "notify::gtk-font-name", G_CALLBACK (font_changed_cb), NULL);
      g_signal_connect (settings, "notify::gtk-xft-dpi", G_CALLBACK (font_changed_cb), NULL);
    }

  if (shared_layout == NULL)
    {
      int width;

      shared_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Xg");
      pango_layout_set_ellipsize (shared_layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (shared_layout, TRUE);
      pango_layout_get_pixel_size (shared_layout, &width, &line_height);
    }

  return shared_layout;
}

static PangoLayout *
get_badge_layout (AmImageCell *self)
{
  if (badge_layout == NULL || badge_text != self->badge || badge_font != font_generation)
    {
      g_clear_object (&badge_layout);
      badge_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->badge);
      badge_text = self->badge;
      badge_font = font_generation;
    }
  return badge_layout;
}

static int
badge_width (AmImageCell *self)
{
  int width, height;

  pango_layout_get_pixel_size (get_badge_layout (self), &width, &height);
  return width + 2 * BADGE_PADDING;
}

/* A pill in the accent colour right after the text (or at the end when the text is cut). */
static void
snapshot_badge (AmImageCell *self,
                GtkSnapshot *snapshot,
                int          width,
                int          height)
{
  PangoLayout *layout = get_badge_layout (self);
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA background = { 0.21f, 0.52f, 0.89f, 1.0f };
  GdkRGBA foreground = { 1.0f, 1.0f, 1.0f, 1.0f };
  int text_width, text_height, badge_height, x;
  GskRoundedRect pill;

  pango_layout_get_pixel_size (self->layout, &text_width, &text_height);
  pango_layout_get_pixel_size (layout, &x, &badge_height);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (style, "accent_bg_color", &background);
  gtk_style_context_lookup_color (style, "accent_fg_color", &foreground);
  G_GNUC_END_IGNORE_DEPRECATIONS
  x = MIN (text_width, width) + BADGE_GAP;
  gsk_rounded_rect_init_from_rect (&pill,
                                   &GRAPHENE_RECT_INIT (x, MAX (0, (height - badge_height) / 2),
                                                        badge_width (self), badge_height),
                                   badge_height / 2.0f);
  gtk_snapshot_push_rounded_clip (snapshot, &pill);
  gtk_snapshot_append_color (snapshot, &background, &pill.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + BADGE_PADDING, MAX (0, (height - badge_height) / 2)));
  gtk_snapshot_append_layout (snapshot, layout, &foreground);
  gtk_snapshot_restore (snapshot);
}

static void
am_image_cell_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Columns have fixed widths: a cell never asks for more. */
      *minimum = 0;
      *natural = 0;
      return;
    }

  get_layout (AM_IMAGE_CELL (widget));
  *minimum = *natural = line_height;
}

/*
 * Each cell keeps a layout: shaping the text (Pango) is most of what drawing a cell costs, and
 * a cell is drawn again without a new text whenever its row changes state (selected, hovered)
 * or the list scrolls. A new text or width looks the layout up in layout_cache first.
 */
static void
am_image_cell_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  AmImageCell *self = AM_IMAGE_CELL (widget);
  GdkRGBA color;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->text == NULL || self->text[0] == '\0' || width <= 0)
    return;

  get_layout (self);
  if (self->badge != NULL)
    width = MAX (1, width - badge_width (self) - BADGE_GAP);
  if (self->layout == NULL || self->layout_font != font_generation || self->layout_width != width)
    {
      LayoutKey key = { self->text, width };

      g_clear_object (&self->layout);
      if (layout_cache == NULL)
        layout_cache = g_hash_table_new_full (layout_key_hash, layout_key_equal, layout_key_free, g_object_unref);
      self->layout = g_hash_table_lookup (layout_cache, &key);
      if (self->layout != NULL)
        g_object_ref (self->layout);
      else
        {
          LayoutKey *stored = g_new (LayoutKey, 1);

          self->layout = gtk_widget_create_pango_layout (widget, self->text);
          pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
          pango_layout_set_single_paragraph_mode (self->layout, TRUE);
          pango_layout_set_width (self->layout, width * PANGO_SCALE);
          if (g_hash_table_size (layout_cache) >= LAYOUT_CACHE_MAX)
            g_hash_table_remove_all (layout_cache);
          stored->text = g_strdup (self->text);
          stored->width = width;
          g_hash_table_insert (layout_cache, stored, g_object_ref (self->layout));
        }
      self->layout_font = font_generation;
      self->layout_width = width;
    }
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, MAX (0, (height - line_height) / 2)));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
  if (self->badge != NULL)
    snapshot_badge (self, snapshot, width, height);
}

static void
am_image_cell_finalize (GObject *object)
{
  AmImageCell *self = AM_IMAGE_CELL (object);

  g_free (self->text);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (am_image_cell_parent_class)->finalize (object);
}

static void
am_image_cell_class_init (AmImageCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = am_image_cell_finalize;
  widget_class->measure = am_image_cell_measure;
  widget_class->snapshot = am_image_cell_snapshot;

  gtk_widget_class_set_css_name (widget_class, "am-image-cell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
am_image_cell_init (AmImageCell *self)
{
}

GtkWidget *
am_image_cell_new (void)
{
  return g_object_new (AM_TYPE_IMAGE_CELL, NULL);
}

/* What a screen reader says: the text, and the badge after it. */
static void
update_label (AmImageCell *self)
{
  g_autofree char *label = NULL;

  if (self->badge != NULL)
    label = g_strdup_printf ("%s, %s", self->text != NULL ? self->text : "", self->badge);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : (self->text != NULL ? self->text : ""), -1);
}

void
am_image_cell_set_text (AmImageCell *self,
                        const char  *text)
{
  g_return_if_fail (AM_IS_IMAGE_CELL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  /* The layout may be shared: the next drawing finds or makes the new text's. */
  g_clear_object (&self->layout);
  update_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
am_image_cell_get_text (AmImageCell *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_CELL (self), NULL);

  return self->text;
}

void
am_image_cell_set_badge (AmImageCell *self,
                         const char  *badge)
{
  g_return_if_fail (AM_IS_IMAGE_CELL (self));

  if (self->badge == badge)
    return;
  self->badge = badge;
  /* The text is laid out narrower (or wider) next to a badge. */
  g_clear_object (&self->layout);
  update_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
am_image_cell_get_badge (AmImageCell *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_CELL (self), NULL);

  return self->badge;
}
