/* am-image-anatomy.c: a drawing of what an image is made of
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-anatomy"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "am-image-anatomy.h"

#define PAD 12.f        /* inside blocks */
#define GAP 8.f         /* between blocks */
#define SECTION_GAP 14.f
#define RADIUS 8.f
#define CHIP_RADIUS 13.f

struct _AmImageAnatomy
{
  GtkWidget parent_instance;

  /* owned references */
  AmImage *image;
  GPtrArray *permissions;   /* AmLaunchPermission, or NULL when unknown */

  /* state */
  char *summary;
};

G_DEFINE_FINAL_TYPE (AmImageAnatomy, am_image_anatomy, GTK_TYPE_WIDGET)

typedef enum
{
  TONE_ACCENT,
  TONE_NEUTRAL,
  TONE_WARNING,
  TONE_SUCCESS,
} Tone;

typedef struct
{
  AmImageAnatomy *self;
  GtkSnapshot *snapshot;   /* NULL while measuring */
  float width;
  float y;
  GdkRGBA fg;
  GdkRGBA accent;
  GdkRGBA warning;
  GdkRGBA success;
} Painter;

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

static const GdkRGBA *
tone_color (Painter *p,
            Tone     tone)
{
  switch (tone)
    {
    case TONE_ACCENT:
      return &p->accent;
    case TONE_WARNING:
      return &p->warning;
    case TONE_SUCCESS:
      return &p->success;
    case TONE_NEUTRAL:
    default:
      return &p->fg;
    }
}

static PangoLayout *
make_layout (Painter    *p,
             const char *markup,
             float       max_width,
             gboolean    ellipsize)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (p->self), NULL);

  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_width (layout, (int) (MAX (max_width, 1.f) * PANGO_SCALE));
  if (ellipsize)
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  else
    pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  return layout;
}

static void
draw_box (Painter      *p,
          float         x,
          float         y,
          float         w,
          float         h,
          float         radius,
          Tone          tone,
          gboolean      strong)
{
  GskRoundedRect outline;
  const GdkRGBA *base = tone_color (p, tone);
  GdkRGBA fill = with_alpha (base, strong ? 0.18f : 0.07f);
  GdkRGBA border = with_alpha (base, strong ? 0.7f : 0.25f);
  float widths[4] = { strong ? 2.f : 1.f, strong ? 2.f : 1.f, strong ? 2.f : 1.f, strong ? 2.f : 1.f };
  GdkRGBA colors[4] = { border, border, border, border };

  if (p->snapshot == NULL)
    return;

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x, y, w, h), radius);
  gtk_snapshot_push_rounded_clip (p->snapshot, &outline);
  gtk_snapshot_append_color (p->snapshot, &fill, &GRAPHENE_RECT_INIT (x, y, w, h));
  gtk_snapshot_pop (p->snapshot);
  gtk_snapshot_append_border (p->snapshot, &outline, widths, colors);
}

static void
draw_layout (Painter     *p,
             PangoLayout *layout,
             float        x,
             float        y,
             float        alpha)
{
  GdkRGBA color = with_alpha (&p->fg, alpha);

  if (p->snapshot == NULL)
    return;

  gtk_snapshot_save (p->snapshot);
  gtk_snapshot_translate (p->snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (p->snapshot, layout, &color);
  gtk_snapshot_restore (p->snapshot);
}

static float
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

static float
layout_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

static void
heading (Painter    *p,
         const char *text)
{
  g_autofree char *markup = g_markup_printf_escaped ("<small><b>%s</b></small>", text);
  g_autoptr (PangoLayout) layout = make_layout (p, markup, p->width, TRUE);

  draw_layout (p, layout, 2, p->y, 0.6f);
  p->y += layout_height (layout) + 4;
}

/* A block with a bold title and a dim second line, full width. */
static void
block (Painter    *p,
       const char *title,
       const char *detail,
       Tone        tone,
       gboolean    strong)
{
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", title);
  g_autoptr (PangoLayout) title_layout = make_layout (p, markup, p->width - 2 * PAD, FALSE);
  g_autoptr (PangoLayout) detail_layout = make_layout (p, detail, p->width - 2 * PAD, FALSE);
  float h1 = layout_height (title_layout);
  float h2 = layout_height (detail_layout);
  float h = PAD + h1 + 2 + h2 + PAD;

  draw_box (p, 0, p->y, p->width, h, RADIUS, tone, strong);
  draw_layout (p, title_layout, PAD, p->y + PAD, 1.f);
  draw_layout (p, detail_layout, PAD, p->y + PAD + h1 + 2, 0.75f);
  p->y += h;
}

/* Flowing small blocks (volumes) or pills (tags), wrapped to the width. */
typedef struct
{
  Painter *p;
  float x;
  float row_height;
} Flow;

static void
flow_item (Flow       *flow,
           const char *markup,
           const char *second,
           Tone        tone,
           gboolean    pill)
{
  Painter *p = flow->p;
  float max_text = MAX (p->width - 2 * PAD, 40.f);
  g_autoptr (PangoLayout) layout = make_layout (p, markup, pill ? max_text : MIN (max_text, 220.f), TRUE);
  g_autoptr (PangoLayout) layout2 = second != NULL ? make_layout (p, second, MIN (max_text, 220.f), TRUE) : NULL;
  float pad_x = pill ? 10.f : PAD;
  float pad_y = pill ? 4.f : 8.f;
  float tw = MAX (layout_width (layout), layout2 != NULL ? layout_width (layout2) : 0);
  float th = layout_height (layout) + (layout2 != NULL ? layout_height (layout2) + 2 : 0);
  float w = tw + 2 * pad_x;
  float h = th + 2 * pad_y;

  if (flow->x > 0 && flow->x + w > p->width)
    {
      p->y += flow->row_height + GAP;
      flow->x = 0;
      flow->row_height = 0;
    }

  draw_box (p, flow->x, p->y, w, h, pill ? MIN (CHIP_RADIUS, h / 2) : RADIUS, tone, FALSE);
  draw_layout (p, layout, flow->x + pad_x, p->y + pad_y, 1.f);
  if (layout2 != NULL)
    draw_layout (p, layout2, flow->x + pad_x, p->y + pad_y + layout_height (layout) + 2, 0.7f);

  flow->x += w + GAP;
  flow->row_height = MAX (flow->row_height, h);
}

static void
flow_end (Flow *flow)
{
  if (flow->row_height > 0)
    flow->p->y += flow->row_height;
}

static void
dim_line (Painter    *p,
          const char *text)
{
  g_autofree char *markup = g_markup_printf_escaped ("<i>%s</i>", text);
  g_autoptr (PangoLayout) layout = make_layout (p, markup, p->width, FALSE);

  draw_layout (p, layout, 2, p->y, 0.55f);
  p->y += layout_height (layout);
}

static char *
volume_text (AmBlockDeviceMapping *mapping)
{
  GString *s = g_string_new (NULL);
  const char *snapshot = am_block_device_mapping_get_snapshot_id (mapping);
  const char *type = am_block_device_mapping_get_volume_type (mapping);
  int size = am_block_device_mapping_get_volume_size (mapping);

  if (am_block_device_mapping_get_virtual_name (mapping) != NULL)
    {
      /* Translators: an instance store volume, e.g. "Instance store ephemeral0" */
      g_string_append_printf (s, _("Instance store %s"), am_block_device_mapping_get_virtual_name (mapping));
      return g_string_free (s, FALSE);
    }
  if (am_block_device_mapping_get_no_device (mapping))
    return g_strdup (_("Suppressed (no device)"));

  if (size > 0)
    g_string_append_printf (s, _("%d GiB"), size);
  if (type != NULL)
    g_string_append_printf (s, "%s%s", s->len ? " · " : "", type);
  g_string_append_printf (s, "%s%s", s->len ? " · " : "",
                          am_block_device_mapping_get_encrypted (mapping) ? _("encrypted") : _("not encrypted"));
  if (snapshot != NULL)
    g_string_append_printf (s, "\n%s", snapshot);
  else
    g_string_append_printf (s, "\n%s", _("empty volume"));

  return g_string_free (s, FALSE);
}

static AmBlockDeviceMapping *
find_root_mapping (AmImage *image)
{
  AmBlockDeviceMapping * const *mappings = am_image_get_block_device_mappings (image);
  const char *root = am_image_get_root_device_name (image);

  for (guint i = 0; mappings[i] != NULL; i++)
    if (g_strcmp0 (am_block_device_mapping_get_device_name (mappings[i]), root) == 0)
      return mappings[i];

  return NULL;
}

static char *
permissions_text (AmImageAnatomy *self,
                  Tone           *tone)
{
  guint accounts = 0, orgs = 0, ous = 0;
  gboolean everyone = am_image_get_is_public (self->image);
  GString *s;

  if (self->permissions != NULL)
    for (guint i = 0; i < self->permissions->len; i++)
      {
        AmLaunchPermission *perm = g_ptr_array_index (self->permissions, i);

        if (g_strcmp0 (am_launch_permission_get_group (perm), "all") == 0)
          everyone = TRUE;
        else if (am_launch_permission_get_user_id (perm) != NULL)
          accounts++;
        else if (am_launch_permission_get_organization_arn (perm) != NULL)
          orgs++;
        else if (am_launch_permission_get_organizational_unit_arn (perm) != NULL)
          ous++;
      }

  if (everyone)
    {
      *tone = TONE_WARNING;
      return g_strdup (_("Public: any AWS account can launch it"));
    }
  if (self->permissions == NULL)
    {
      *tone = TONE_NEUTRAL;
      return g_strdup (_("Shared with this account (the owner decides who else may launch it)"));
    }

  *tone = accounts + orgs + ous > 0 ? TONE_ACCENT : TONE_SUCCESS;
  s = g_string_new (_("Private: the owner"));
  if (accounts > 0)
    g_string_append_printf (s, ngettext (" + %u account", " + %u accounts", accounts), accounts);
  if (orgs > 0)
    g_string_append_printf (s, ngettext (" + %u organization", " + %u organizations", orgs), orgs);
  if (ous > 0)
    g_string_append_printf (s, ngettext (" + %u organizational unit", " + %u organizational units", ous), ous);

  return g_string_free (s, FALSE);
}

static void
paint (AmImageAnatomy *self,
       Painter        *p)
{
  AmBlockDeviceMapping * const *mappings;
  AmBlockDeviceMapping *root;
  AmTag * const *tags;
  g_autofree char *perm_text = NULL;
  g_autofree char *root_title = NULL;
  g_autofree char *root_detail = NULL;
  Flow flow = { p, 0, 0 };
  guint n_other = 0;
  Tone tone;

  if (self->image == NULL)
    return;

  mappings = am_image_get_block_device_mappings (self->image);
  root = find_root_mapping (self->image);
  tags = am_image_get_tags (self->image);

  heading (p, _("ROOT VOLUME TEMPLATE"));
  root_title = g_strdup_printf (_("Root volume · %s"),
                                am_image_get_root_device_name (self->image) != NULL
                                  ? am_image_get_root_device_name (self->image) : _("unnamed"));
  if (g_strcmp0 (am_image_get_root_device_type (self->image), "instance-store") == 0)
    root_detail = g_strdup (_("Instance store bundle: copied onto the host's local disk at launch, gone when the instance stops"));
  else if (root != NULL)
    root_detail = volume_text (root);
  else
    root_detail = g_strdup (_("EBS volume (details not listed)"));
  block (p, root_title, root_detail, TONE_ACCENT, TRUE);
  p->y += SECTION_GAP;

  heading (p, _("BLOCK DEVICE MAPPING"));
  for (guint i = 0; mappings[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;

      if (mappings[i] == root)
        continue;
      name = g_markup_printf_escaped ("<b>%s</b>", am_block_device_mapping_get_device_name (mappings[i]));
      text = volume_text (mappings[i]);
      flow_item (&flow, name, text, TONE_NEUTRAL, FALSE);
      n_other++;
    }
  flow_end (&flow);
  if (n_other == 0)
    dim_line (p, _("No other volumes are attached at launch"));
  p->y += SECTION_GAP;

  heading (p, _("WHO CAN LAUNCH IT"));
  perm_text = permissions_text (self, &tone);
  {
    g_autofree char *escaped = g_markup_escape_text (perm_text, -1);

    flow.x = 0;
    flow.row_height = 0;
    flow_item (&flow, escaped, NULL, tone, TRUE);
    flow_end (&flow);
  }
  p->y += SECTION_GAP;

  heading (p, _("TAGS"));
  flow.x = 0;
  flow.row_height = 0;
  for (guint i = 0; tags[i] != NULL; i++)
    {
      const char *value = am_tag_get_value (tags[i]);
      g_autofree char *markup = NULL;

      if (value != NULL && value[0] != '\0')
        markup = g_markup_printf_escaped ("<b>%s</b> %s", am_tag_get_key (tags[i]), value);
      else
        markup = g_markup_printf_escaped ("<b>%s</b>", am_tag_get_key (tags[i]));
      flow_item (&flow, markup, NULL, TONE_NEUTRAL, TRUE);
    }
  flow_end (&flow);
  if (tags[0] == NULL)
    dim_line (p, _("No tags (tags are labels only the owner sees)"));
}

static void
painter_init (AmImageAnatomy *self,
              Painter        *p,
              GtkSnapshot    *snapshot,
              float           width)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  p->self = self;
  p->snapshot = snapshot;
  p->width = width;
  p->y = 0;
  gtk_style_context_get_color (context, &p->fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &p->accent))
    p->accent = (GdkRGBA) { 0.21f, 0.52f, 0.89f, 1.f };
  if (!gtk_style_context_lookup_color (context, "warning_color", &p->warning))
    p->warning = (GdkRGBA) { 0.6f, 0.4f, 0.f, 1.f };
  if (!gtk_style_context_lookup_color (context, "success_color", &p->success))
    p->success = (GdkRGBA) { 0.15f, 0.6f, 0.3f, 1.f };
}

static void
am_image_anatomy_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  AmImageAnatomy *self = AM_IMAGE_ANATOMY (widget);
  Painter p;

  painter_init (self, &p, snapshot, gtk_widget_get_width (widget));
  paint (self, &p);
}

static GtkSizeRequestMode
am_image_anatomy_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
am_image_anatomy_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  AmImageAnatomy *self = AM_IMAGE_ANATOMY (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 360;
    }
  else
    {
      Painter p;

      painter_init (self, &p, NULL, for_size > 0 ? for_size : 360);
      paint (self, &p);
      *minimum = *natural = (int) ceilf (p.y);
    }
}

static void
update_summary (AmImageAnatomy *self)
{
  GString *s = g_string_new (NULL);

  if (self->image != NULL)
    {
      AmBlockDeviceMapping * const *mappings = am_image_get_block_device_mappings (self->image);
      AmBlockDeviceMapping *root = find_root_mapping (self->image);
      AmTag * const *tags = am_image_get_tags (self->image);
      g_autofree char *perm_text = NULL;
      guint n = 0;
      Tone tone;

      if (root != NULL)
        {
          g_autofree char *text = volume_text (root);

          g_strdelimit (text, "\n", ' ');
          g_string_append_printf (s, _("Root volume %s: %s."), am_image_get_root_device_name (self->image), text);
        }
      else
        g_string_append_printf (s, _("Root device type %s."), am_image_get_root_device_type (self->image));
      for (guint i = 0; mappings[i] != NULL; i++)
        n += mappings[i] != root;
      g_string_append_printf (s, " ");
      g_string_append_printf (s, ngettext ("%u other volume.", "%u other volumes.", n), n);
      perm_text = permissions_text (self, &tone);
      g_string_append_printf (s, " %s.", perm_text);
      n = 0;
      while (tags[n] != NULL)
        n++;
      g_string_append_printf (s, " ");
      g_string_append_printf (s, ngettext ("%u tag.", "%u tags.", n), n);
    }

  g_free (self->summary);
  self->summary = g_string_free (s, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

static void
am_image_anatomy_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (am_image_anatomy_parent_class)->css_changed (widget, change);
  /* Colors and fonts come from the style (light, dark, high contrast). */
  gtk_widget_queue_resize (widget);
}

static void
am_image_anatomy_dispose (GObject *object)
{
  AmImageAnatomy *self = AM_IMAGE_ANATOMY (object);

  g_clear_object (&self->image);
  g_clear_pointer (&self->permissions, g_ptr_array_unref);

  G_OBJECT_CLASS (am_image_anatomy_parent_class)->dispose (object);
}

static void
am_image_anatomy_finalize (GObject *object)
{
  AmImageAnatomy *self = AM_IMAGE_ANATOMY (object);

  g_free (self->summary);

  G_OBJECT_CLASS (am_image_anatomy_parent_class)->finalize (object);
}

static void
am_image_anatomy_class_init (AmImageAnatomyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_image_anatomy_dispose;
  object_class->finalize = am_image_anatomy_finalize;
  widget_class->snapshot = am_image_anatomy_snapshot;
  widget_class->measure = am_image_anatomy_measure;
  widget_class->get_request_mode = am_image_anatomy_get_request_mode;
  widget_class->css_changed = am_image_anatomy_css_changed;

  gtk_widget_class_set_css_name (widget_class, "am-image-anatomy");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
am_image_anatomy_init (AmImageAnatomy *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Anatomy of the image"),
                                  -1);
  update_summary (self);
}

GtkWidget *
am_image_anatomy_new (void)
{
  return g_object_new (AM_TYPE_IMAGE_ANATOMY, NULL);
}

void
am_image_anatomy_set_image (AmImageAnatomy *self,
                            AmImage        *image)
{
  g_return_if_fail (AM_IS_IMAGE_ANATOMY (self));
  g_return_if_fail (image == NULL || AM_IS_IMAGE (image));

  if (g_set_object (&self->image, image))
    {
      g_clear_pointer (&self->permissions, g_ptr_array_unref);
      update_summary (self);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
}

void
am_image_anatomy_set_launch_permissions (AmImageAnatomy             *self,
                                         AmLaunchPermission * const *permissions)
{
  g_return_if_fail (AM_IS_IMAGE_ANATOMY (self));

  g_clear_pointer (&self->permissions, g_ptr_array_unref);
  if (permissions != NULL)
    {
      self->permissions = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; permissions[i] != NULL; i++)
        g_ptr_array_add (self->permissions, g_object_ref (permissions[i]));
    }
  update_summary (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
am_image_anatomy_get_summary (AmImageAnatomy *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_ANATOMY (self), NULL);

  return self->summary;
}
