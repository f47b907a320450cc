/* am-image-anatomy-draw.c: the anatomy's layout and drawing (parts and model in am-image-anatomy.c)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-anatomy"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "am-image-anatomy-private.h"

static gboolean
is_permission (PartKind kind)
{
  return kind >= PART_OWNER && kind <= PART_SOURCE;
}

static gboolean
is_disk (PartKind kind)
{
  return kind == PART_EBS || kind == PART_INSTANCE_STORE || kind == PART_NO_DEVICE;
}

/* --- layout ------------------------------------------------------------------------------ */

static PangoLayout *
new_layout (AmImageAnatomy *self,
            const char     *markup,
            float           width,
            gboolean        wrap)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);

  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_width (layout, (int) (MAX (width, 8.f) * PANGO_SCALE));
  if (wrap)
    pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  else
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  return layout;
}

static float
layout_height (PangoLayout *layout)
{
  int w, h;

  if (layout == NULL)
    return 0;
  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

static float
layout_width (PangoLayout *layout)
{
  int w, h;

  if (layout == NULL)
    return 0;
  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

/* Makes @part's text layouts for a text width of @width; a pill's text runs on one line. */
static void
part_set_text (AmImageAnatomy *self,
               Part           *part,
               float           width,
               gboolean        one_line)
{
  g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", part->title);

  g_clear_object (&part->title_layout);
  g_clear_object (&part->detail_layout);
  part->title_layout = new_layout (self, title, width, FALSE);
  if (part->detail != NULL)
    {
      g_autofree char *detail = g_markup_printf_escaped ("<small>%s</small>", part->detail);

      part->detail_layout = new_layout (self, detail, width, !one_line);
      if (one_line)
        pango_layout_set_ellipsize (part->detail_layout, PANGO_ELLIPSIZE_MIDDLE);
    }
}

/* Pills (who may launch it, tags) flow left to right and wrap at @x0 + @width. */
typedef struct
{
  float x0;
  float width;
  float x;
  float y;
  float row_height;
} Flow;

static void
flow_place (Flow            *flow,
            graphene_rect_t *rect,
            float            w,
            float            h)
{
  if (flow->x > flow->x0 && flow->x + w > flow->x0 + flow->width)
    {
      flow->y += flow->row_height + GAP;
      flow->x = flow->x0;
      flow->row_height = 0;
    }
  graphene_rect_init (rect, flow->x, flow->y, w, h);
  flow->x += w + GAP;
  flow->row_height = MAX (flow->row_height, h);
}

static float
flow_bottom (Flow *flow)
{
  return flow->y + flow->row_height;
}

static void
layout_pill (AmImageAnatomy *self,
             Part           *part,
             Flow           *flow,
             gboolean        stacked)
{
  float max_text = MIN (flow->width - 24.f, 260.f);
  float w, h;

  part_set_text (self, part, max_text, TRUE);
  if (stacked)
    {
      /* Title over detail (who may launch it). */
      w = MAX (layout_width (part->title_layout), layout_width (part->detail_layout)) + 24.f;
      h = layout_height (part->title_layout) + layout_height (part->detail_layout) + 10.f;
    }
  else
    {
      /* "key value" on one line (tags, with room for the tag's hole). */
      w = layout_width (part->title_layout) + (part->detail_layout != NULL ? layout_width (part->detail_layout) + 6.f : 0) + 30.f;
      h = MAX (layout_height (part->title_layout), layout_height (part->detail_layout)) + 8.f;
      if (w > flow->width)
        {
          /* Too long for one line: give each half its share. */
          part_set_text (self, part, (flow->width - 36.f) / 2, TRUE);
          w = flow->width;
        }
    }
  flow_place (flow, &part->rect, MIN (w, flow->width), h);
}

/* A block of title + detail with @top room above the text and @bottom below. */
static float
block_height (Part  *part,
              float  top,
              float  bottom)
{
  return top + layout_height (part->title_layout) + 2 + layout_height (part->detail_layout) + bottom;
}

static void
set_heading (AmImageAnatomy *self,
             const char     *text,
             float           x,
             float           y,
             float           width)
{
  Heading *heading = &self->headings[self->n_headings++];
  g_autofree char *markup = g_markup_printf_escaped ("<small><b>%s</b></small>", text);

  g_clear_object (&heading->layout);
  heading->layout = new_layout (self, markup, width, FALSE);
  heading->text = text;
  heading->y = y;
}

/* Lays the parts out for @width; returns the height. */
static float
do_layout (AmImageAnatomy *self,
           float           width)
{
  float inner_x = PAD;
  float inner_w = MAX (width - 2 * PAD, 40.f);
  float y = 0;
  float box_top;
  Part *box = NULL;
  Part *first = NULL, *root = NULL;
  Flow flow;
  guint n_disks = 0;

  self->n_headings = 0;
  g_clear_object (&self->empty_layout);
  if (self->parts->len == 0)
    return 0;

  /* Who may launch it (or where the instance came from), standing above the box. */
  set_heading (self, self->instance != NULL ? _("LAUNCHED FROM") : _("WHO MAY LAUNCH IT"), 0, y, width);
  y += layout_height (self->headings[0].layout) + 4;
  flow = (Flow) { 0, width, 0, y, 0 };
  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);

      if (is_permission (part->kind))
        layout_pill (self, part, &flow, TRUE);
    }
  y = flow_bottom (&flow) + CONNECTOR;

  /* The box: its title, then its tags hanging on it. */
  box_top = y;
  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);

      if (part->kind == PART_IMAGE || part->kind == PART_INSTANCE)
        box = part;
    }
  g_assert (box != NULL);
  part_set_text (self, box, inner_w, TRUE);
  y += PAD + MAX (layout_height (box->title_layout), layout_height (box->detail_layout)) + GAP;
  flow = (Flow) { inner_x, inner_w, inner_x, y, 0 };
  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);

      if (part->kind == PART_TAG)
        layout_pill (self, part, &flow, FALSE);
    }
  if (flow.row_height > 0)
    y = flow_bottom (&flow) + SECTION_GAP;
  else
    y += 4;

  /* The root volume template: snapshot (or bundle) → root volume. */
  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);

      if (part->kind == PART_SNAPSHOT || part->kind == PART_BUNDLE)
        first = part;
      else if (part->kind == PART_ROOT_VOLUME && root == NULL)
        root = part;
    }
  set_heading (self, self->instance != NULL ? _("ROOT VOLUME") : _("ROOT VOLUME TEMPLATE"), inner_x, y, inner_w);
  y += layout_height (self->headings[1].layout) + 6;
  if (first != NULL && root != NULL && inner_w >= WIDE)
    {
      float w = MIN ((inner_w - ARROW) / 2, 240.f);
      float h;

      part_set_text (self, first, w - 2 * PAD - 6, FALSE);
      part_set_text (self, root, w - 2 * PAD, FALSE);
      h = MAX (block_height (first, PAD + 4, PAD + 4), block_height (root, ELLIPSE + 6, PAD));
      graphene_rect_init (&first->rect, inner_x, y, w, h);
      graphene_rect_init (&root->rect, inner_x + w + ARROW, y, w, h);
      y += h;
    }
  else
    {
      float w = MIN (inner_w, 300.f);

      if (first != NULL)
        {
          part_set_text (self, first, w - 2 * PAD - 6, FALSE);
          graphene_rect_init (&first->rect, inner_x, y, w, block_height (first, PAD + 4, PAD + 4));
          y += first->rect.size.height + (root != NULL ? 28.f : 0);
        }
      if (root != NULL)
        {
          part_set_text (self, root, w - 2 * PAD, FALSE);
          graphene_rect_init (&root->rect, inner_x, y, w, block_height (root, ELLIPSE + 6, PAD));
          y += root->rect.size.height;
        }
    }
  y += SECTION_GAP;

  /* The rest of the block device mapping, as disks side by side. */
  set_heading (self, self->instance != NULL ? _("OTHER VOLUMES") : _("OTHER VOLUMES AT LAUNCH"), inner_x, y, inner_w);
  y += layout_height (self->headings[2].layout) + 6;
  flow = (Flow) { inner_x, inner_w, inner_x, y, 0 };
  {
    guint columns = MAX (1, (guint) ((inner_w + GAP) / (DISK_MIN + GAP)));
    float disk_w = MIN (DISK_MAX, (inner_w - (columns - 1) * GAP) / columns);
    float row_h = 0;

    /* Every disk of the row as high as the highest. */
    for (guint i = 0; i < self->parts->len; i++)
      {
        Part *part = g_ptr_array_index (self->parts, i);

        if (!is_disk (part->kind))
          continue;
        part_set_text (self, part, disk_w - 2 * PAD, FALSE);
        row_h = MAX (row_h, block_height (part, ELLIPSE + 6, PAD));
      }
    for (guint i = 0; i < self->parts->len; i++)
      {
        Part *part = g_ptr_array_index (self->parts, i);

        if (!is_disk (part->kind))
          continue;
        flow_place (&flow, &part->rect, disk_w, row_h);
        n_disks++;
      }
  }
  if (n_disks > 0)
    y = flow_bottom (&flow);
  else
    {
      g_autofree char *markup = g_markup_printf_escaped ("<i>%s</i>", _("None: only the root volume is attached at launch"));

      self->empty_layout = new_layout (self, markup, inner_w, TRUE);
      self->empty_y = y;
      y += layout_height (self->empty_layout);
    }
  y += PAD;

  graphene_rect_init (&box->rect, 0, box_top, width, y - box_top);
  return ceilf (y) + 1;
}

void
am_image_anatomy_ensure_layout (AmImageAnatomy *self,
                                float           width)
{
  if (self->laid_out_width == width)
    return;
  self->height = do_layout (self, width);
  self->laid_out_width = width;
}

/* --- drawing ----------------------------------------------------------------------------- */

typedef struct
{
  GdkRGBA fg;
  GdkRGBA accent;
  GdkRGBA warning;
  GdkRGBA error;
  GdkRGBA success;
  GdkRGBA bg;
} Colors;

static void
get_colors (AmImageAnatomy *self,
            Colors         *c)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, &c->fg);
  /* The theme's named colors follow light, dark and high contrast styles. */
  if (!gtk_style_context_lookup_color (context, "accent_color", &c->accent))
    c->accent = c->fg;
  if (!gtk_style_context_lookup_color (context, "warning_color", &c->warning))
    c->warning = c->fg;
  if (!gtk_style_context_lookup_color (context, "error_color", &c->error))
    c->error = c->fg;
  if (!gtk_style_context_lookup_color (context, "success_color", &c->success))
    c->success = c->fg;
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &c->bg))
    c->bg = (GdkRGBA) { c->fg.red > 0.5f ? 0.f : 1.f, c->fg.red > 0.5f ? 0.f : 1.f, c->fg.red > 0.5f ? 0.f : 1.f, 1.f };
}

static void
source_rgba (cairo_t       *cr,
             const GdkRGBA *color,
             double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
rounded_path (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
ellipse_path (cairo_t *cr,
              double   cx,
              double   cy,
              double   rx,
              double   ry)
{
  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_scale (cr, rx, ry);
  cairo_new_sub_path (cr);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
}

static cairo_t *
begin_cairo (GtkSnapshot           *snapshot,
             const graphene_rect_t *rect)
{
  graphene_rect_t bounds;

  graphene_rect_inset_r (rect, -3, -3, &bounds);
  return gtk_snapshot_append_cairo (snapshot, &bounds);
}

/* A padlock, closed or open, about 10×12 px at @x, @y. */
static void
draw_lock (cairo_t       *cr,
           double         x,
           double         y,
           gboolean       closed,
           const GdkRGBA *color)
{
  source_rgba (cr, color, 0.9);
  cairo_set_line_width (cr, 1.6);
  rounded_path (cr, x, y + 5, 10, 7, 1.5);
  cairo_fill (cr);
  cairo_new_sub_path (cr);
  if (closed)
    cairo_arc (cr, x + 5, y + 5, 3.2, G_PI, 2 * G_PI);
  else
    cairo_arc (cr, x + 9, y + 3, 3.2, G_PI, 2 * G_PI);
  cairo_stroke (cr);
}

/* A disk: a cylinder seen from slightly above. */
static void
draw_cylinder (GtkSnapshot           *snapshot,
               const graphene_rect_t *r,
               const GdkRGBA         *tone,
               double                 fill_alpha,
               gboolean               dashed,
               const Colors          *c)
{
  cairo_t *cr = begin_cairo (snapshot, r);
  double x = r->origin.x + 1, y = r->origin.y + 1, w = r->size.width - 2, h = r->size.height - 2;
  double rx = w / 2, ry = ELLIPSE / 2;
  double dash[] = { 5, 4 };

  /* body */
  cairo_move_to (cr, x, y + ry);
  cairo_line_to (cr, x, y + h - ry);
  cairo_save (cr);
  cairo_translate (cr, x + rx, y + h - ry);
  cairo_scale (cr, rx, ry);
  cairo_arc_negative (cr, 0, 0, 1, G_PI, 0);
  cairo_restore (cr);
  cairo_line_to (cr, x + w, y + ry);
  cairo_save (cr);
  cairo_translate (cr, x + rx, y + ry);
  cairo_scale (cr, rx, ry);
  cairo_arc_negative (cr, 0, 0, 1, 0, G_PI);
  cairo_restore (cr);
  cairo_close_path (cr);
  source_rgba (cr, &c->bg, 1);
  cairo_fill_preserve (cr);
  source_rgba (cr, tone, fill_alpha);
  cairo_fill_preserve (cr);
  if (dashed)
    cairo_set_dash (cr, dash, 2, 0);
  cairo_set_line_width (cr, 1.5);
  source_rgba (cr, tone, 0.75);
  cairo_stroke (cr);

  /* the top, a little lighter */
  ellipse_path (cr, x + rx, y + ry, rx, ry);
  source_rgba (cr, tone, fill_alpha + 0.12);
  cairo_fill_preserve (cr);
  source_rgba (cr, tone, 0.75);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

/* A card, or a stack of two (a snapshot, a bundle: copies kept elsewhere). */
static void
draw_card (GtkSnapshot           *snapshot,
           const graphene_rect_t *r,
           const GdkRGBA         *tone,
           double                 fill_alpha,
           double                 radius,
           gboolean               stacked,
           double                 line_width,
           const Colors          *c)
{
  cairo_t *cr = begin_cairo (snapshot, r);
  double x = r->origin.x + line_width / 2, y = r->origin.y + line_width / 2;
  double w = r->size.width - line_width, h = r->size.height - line_width;

  cairo_set_line_width (cr, line_width);
  if (stacked)
    {
      rounded_path (cr, x + 6, y, w - 6, h - 6, radius);
      source_rgba (cr, &c->bg, 1);
      cairo_fill_preserve (cr);
      source_rgba (cr, tone, fill_alpha / 2);
      cairo_fill_preserve (cr);
      source_rgba (cr, tone, 0.5);
      cairo_stroke (cr);
      y += 6;
      w -= 6;
      h -= 6;
    }
  rounded_path (cr, x, y, w, h, radius);
  source_rgba (cr, &c->bg, 1);
  cairo_fill_preserve (cr);
  source_rgba (cr, tone, fill_alpha);
  cairo_fill_preserve (cr);
  source_rgba (cr, tone, 0.7);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           float          x,
           float          y,
           const GdkRGBA *fg,
           float          alpha)
{
  GdkRGBA color = *fg;

  if (layout == NULL)
    return;
  color.alpha *= alpha;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* Title and detail of a block, starting @top below its top edge. */
static void
draw_block_text (GtkSnapshot  *snapshot,
                 Part         *part,
                 float         dx,
                 float         top,
                 const Colors *c)
{
  float x = part->rect.origin.x + PAD + dx;
  float y = part->rect.origin.y + top;

  draw_text (snapshot, part->title_layout, x, y, &c->fg, 1);
  draw_text (snapshot, part->detail_layout, x, y + layout_height (part->title_layout) + 2, &c->fg, 0.75f);
}

static const GdkRGBA *
permission_tone (PartKind      kind,
                 const Colors *c)
{
  switch (kind)
    {
    case PART_EVERYONE:
      return &c->warning;
    case PART_OWNER:
      return &c->success;
    case PART_UNKNOWN:
      return &c->fg;
    default:
      return &c->accent;
    }
}

static void
draw_arrow (GtkSnapshot  *snapshot,
            float         x1,
            float         y1,
            float         x2,
            float         y2,
            const Colors *c)
{
  graphene_rect_t r;
  cairo_t *cr;
  double angle = atan2 (y2 - y1, x2 - x1);

  graphene_rect_init (&r, MIN (x1, x2) - 8, MIN (y1, y2) - 8, fabsf (x2 - x1) + 16, fabsf (y2 - y1) + 16);
  cr = gtk_snapshot_append_cairo (snapshot, &r);
  source_rgba (cr, &c->fg, 0.55);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x2 - 6 * cos (angle), y2 - 6 * sin (angle));
  cairo_stroke (cr);
  cairo_move_to (cr, x2, y2);
  cairo_line_to (cr, x2 - 9 * cos (angle - 0.5), y2 - 9 * sin (angle - 0.5));
  cairo_line_to (cr, x2 - 9 * cos (angle + 0.5), y2 - 9 * sin (angle + 0.5));
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_destroy (cr);
}

static void
draw_part (AmImageAnatomy *self,
           GtkSnapshot    *snapshot,
           Part           *part,
           float           box_top,
           const Colors   *c)
{
  const graphene_rect_t *r = &part->rect;

  switch (part->kind)
    {
    case PART_IMAGE:
    case PART_INSTANCE:
      draw_card (snapshot, r, &c->accent, 0.06, RADIUS + 4, FALSE, 2.5, c);
      {
        float tw = layout_width (part->title_layout);

        draw_text (snapshot, part->title_layout, r->origin.x + PAD, r->origin.y + PAD, &c->accent, 1);
        draw_text (snapshot, part->detail_layout, r->origin.x + PAD + tw + 8,
                   r->origin.y + PAD + (layout_height (part->title_layout) - layout_height (part->detail_layout)) / 2,
                   &c->fg, 0.8f);
      }
      break;

    case PART_SNAPSHOT:
    case PART_BUNDLE:
      draw_card (snapshot, r, &c->accent, 0.10, 6, TRUE, 1.5, c);
      draw_block_text (snapshot, part, 0, PAD + 6, c);
      break;

    case PART_ROOT_VOLUME:
    case PART_EBS:
      draw_cylinder (snapshot, r, part->instance_store ? &c->warning : &c->accent,
                     part->kind == PART_ROOT_VOLUME ? 0.18 : 0.10, part->instance_store, c);
      draw_block_text (snapshot, part, 0, ELLIPSE + 6, c);
      if (self->instance == NULL && !part->instance_store)
        {
          cairo_t *cr = begin_cairo (snapshot, r);

          draw_lock (cr, r->origin.x + r->size.width - PAD - 10, r->origin.y + ELLIPSE + 6,
                     part->encrypted, part->encrypted ? &c->success : &c->fg);
          cairo_destroy (cr);
        }
      break;

    case PART_INSTANCE_STORE:
      draw_cylinder (snapshot, r, &c->warning, 0.10, TRUE, c);
      draw_block_text (snapshot, part, 0, ELLIPSE + 6, c);
      break;

    case PART_NO_DEVICE:
      {
        cairo_t *cr;

        draw_cylinder (snapshot, r, &c->fg, 0.03, TRUE, c);
        cr = begin_cairo (snapshot, r);
        source_rgba (cr, &c->error, 0.8);
        cairo_set_line_width (cr, 2.5);
        cairo_move_to (cr, r->origin.x + 8, r->origin.y + 8);
        cairo_line_to (cr, r->origin.x + r->size.width - 8, r->origin.y + r->size.height - 8);
        cairo_move_to (cr, r->origin.x + r->size.width - 8, r->origin.y + 8);
        cairo_line_to (cr, r->origin.x + 8, r->origin.y + r->size.height - 8);
        cairo_stroke (cr);
        cairo_destroy (cr);
        /* The device name stays readable over the cross. */
        draw_block_text (snapshot, part, 0, ELLIPSE + 6, c);
      }
      break;

    case PART_TAG:
      {
        cairo_t *cr = begin_cairo (snapshot, r);
        double x = r->origin.x + 0.75, y = r->origin.y + 0.75, w = r->size.width - 1.5, h = r->size.height - 1.5;

        /* A luggage tag: a pointed left end with a hole. */
        cairo_move_to (cr, x, y + h / 2);
        cairo_line_to (cr, x + h / 2, y);
        cairo_line_to (cr, x + w - 4, y);
        cairo_arc (cr, x + w - 4, y + 4, 4, -G_PI / 2, 0);
        cairo_line_to (cr, x + w, y + h - 4);
        cairo_arc (cr, x + w - 4, y + h - 4, 4, 0, G_PI / 2);
        cairo_line_to (cr, x + h / 2, y + h);
        cairo_close_path (cr);
        source_rgba (cr, &c->fg, 0.08);
        cairo_fill_preserve (cr);
        source_rgba (cr, &c->fg, 0.35);
        cairo_set_line_width (cr, 1.2);
        cairo_stroke (cr);
        ellipse_path (cr, x + h / 2 - 1, y + h / 2, 2.2, 2.2);
        cairo_stroke (cr);
        cairo_destroy (cr);
        draw_text (snapshot, part->title_layout, r->origin.x + 20, r->origin.y + 4, &c->fg, 1);
        draw_text (snapshot, part->detail_layout, r->origin.x + 26 + layout_width (part->title_layout),
                   r->origin.y + 4 + (layout_height (part->title_layout) - layout_height (part->detail_layout)) / 2,
                   &c->fg, 0.7f);
      }
      break;

    case PART_OWNER:
    case PART_ACCOUNT:
    case PART_ORGANIZATION:
    case PART_OU:
    case PART_EVERYONE:
    case PART_UNKNOWN:
    case PART_SOURCE:
      {
        const GdkRGBA *tone = part->kind == PART_SOURCE ? &c->accent : permission_tone (part->kind, c);
        double cx = r->origin.x + r->size.width / 2;
        graphene_rect_t line = GRAPHENE_RECT_INIT (cx - 2, r->origin.y + r->size.height, 4,
                                                   box_top - r->origin.y - r->size.height + 2);
        cairo_t *cr;

        /* The line that ties it to the box. */
        cr = gtk_snapshot_append_cairo (snapshot, &line);
        source_rgba (cr, tone, 0.6);
        cairo_set_line_width (cr, 1.5);
        if (part->kind == PART_UNKNOWN)
          {
            double dash[] = { 3, 3 };

            cairo_set_dash (cr, dash, 2, 0);
          }
        cairo_move_to (cr, cx, r->origin.y + r->size.height);
        cairo_line_to (cr, cx, box_top);
        cairo_stroke (cr);
        cairo_destroy (cr);
        draw_card (snapshot, r, tone, part->kind == PART_UNKNOWN ? 0.04 : 0.14, r->size.height / 2, FALSE, 1.5, c);
        draw_text (snapshot, part->title_layout, r->origin.x + 12, r->origin.y + 5, &c->fg, 1);
        draw_text (snapshot, part->detail_layout, r->origin.x + 12,
                   r->origin.y + 5 + layout_height (part->title_layout), &c->fg, 0.75f);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

void
am_image_anatomy_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  AmImageAnatomy *self = AM_IMAGE_ANATOMY (widget);
  Part *first = NULL, *root = NULL;
  float box_top = 0;
  Colors c;

  if (self->parts->len == 0)
    return;
  am_image_anatomy_ensure_layout (self, gtk_widget_get_width (widget));
  get_colors (self, &c);

  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);

      if (part->kind == PART_IMAGE || part->kind == PART_INSTANCE)
        box_top = part->rect.origin.y;
      else if (part->kind == PART_SNAPSHOT || part->kind == PART_BUNDLE)
        first = part;
      else if (part->kind == PART_ROOT_VOLUME && root == NULL)
        root = part;
    }

  /* The box first, so what it holds is drawn over it. */
  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);

      if (part->kind == PART_IMAGE || part->kind == PART_INSTANCE)
        draw_part (self, snapshot, part, box_top, &c);
    }
  draw_text (snapshot, self->headings[0].layout, 2, self->headings[0].y, &c.fg, 0.6f);
  for (guint i = 1; i < self->n_headings; i++)
    draw_text (snapshot, self->headings[i].layout, PAD, self->headings[i].y, &c.fg, 0.6f);
  if (self->empty_layout != NULL)
    draw_text (snapshot, self->empty_layout, PAD, self->empty_y, &c.fg, 0.55f);
  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);

      if (part->kind != PART_IMAGE && part->kind != PART_INSTANCE)
        draw_part (self, snapshot, part, box_top, &c);
    }

  /* The template becomes the volume at launch. */
  if (first != NULL && root != NULL)
    {
      if (root->rect.origin.y == first->rect.origin.y)
        draw_arrow (snapshot, first->rect.origin.x + first->rect.size.width + 6, first->rect.origin.y + first->rect.size.height / 2,
                    root->rect.origin.x - 6, root->rect.origin.y + root->rect.size.height / 2, &c);
      else
        draw_arrow (snapshot, first->rect.origin.x + 40, first->rect.origin.y + first->rect.size.height + 3,
                    first->rect.origin.x + 40, root->rect.origin.y - 3, &c);
    }
}
