/* am-image-anatomy.c: a drawing of what an image is made of
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-anatomy"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "am-image-anatomy.h"
#include "am-instance-block-device.h"

#define PAD 12.f            /* inside the image box and inside parts */
#define GAP 8.f             /* between parts */
#define SECTION_GAP 14.f
#define RADIUS 10.f
#define DISK_MIN 116.f        /* a disk is at least this wide, and at most DISK_MAX */
#define DISK_MAX 170.f
#define ELLIPSE 14.f        /* height of a disk's top ellipse */
#define ARROW 36.f          /* room for the arrow between template parts */
#define CONNECTOR 16.f      /* lines from who may launch it down to the box */
#define WIDE 420.f          /* inner width from which the root template lies side by side */

typedef enum
{
  PART_IMAGE,
  PART_INSTANCE,
  PART_SNAPSHOT,
  PART_ROOT_VOLUME,
  PART_BUNDLE,
  PART_EBS,
  PART_INSTANCE_STORE,
  PART_NO_DEVICE,
  PART_OWNER,
  PART_ACCOUNT,
  PART_ORGANIZATION,
  PART_OU,
  PART_EVERYONE,
  PART_UNKNOWN,
  PART_SOURCE,
  PART_TAG,
} PartKind;

static const char * const kind_names[] = {
  "image", "instance", "snapshot", "root-volume", "bundle", "ebs", "instance-store", "no-device",
  "owner", "account", "organization", "ou", "everyone", "unknown", "source", "tag",
};

typedef struct
{
  PartKind kind;
  char *title;
  char *detail;              /* may be NULL */
  char *tooltip;
  gboolean encrypted;        /* volumes: draw a closed lock */
  gboolean instance_store;   /* the root volume is a local disk */

  /* geometry of the last layout */
  graphene_rect_t rect;
  PangoLayout *title_layout;
  PangoLayout *detail_layout;
} Part;

typedef struct
{
  const char *text;
  float y;
  PangoLayout *layout;
} Heading;

struct _AmImageAnatomy
{
  GtkWidget parent_instance;

  /* owned references */
  AmImage *image;
  AmInstance *instance;
  GPtrArray *permissions;   /* AmLaunchPermission, or NULL when unknown */
  GPtrArray *parts;         /* Part */

  /* state */
  char *image_name;         /* instance mode: the name of its image */
  char *summary;
  float laid_out_width;
  float height;
  Heading headings[3];
  guint n_headings;
  PangoLayout *empty_layout; /* "no other volumes" */
  float empty_y;
};

G_DEFINE_FINAL_TYPE (AmImageAnatomy, am_image_anatomy, GTK_TYPE_WIDGET)

/* --- parts ------------------------------------------------------------------------------- */

static void
part_free (Part *part)
{
  g_free (part->title);
  g_free (part->detail);
  g_free (part->tooltip);
  g_clear_object (&part->title_layout);
  g_clear_object (&part->detail_layout);
  g_free (part);
}

static Part *
add_part (AmImageAnatomy *self,
          PartKind        kind,
          const char     *title,
          const char     *detail,
          const char     *tooltip)
{
  Part *part = g_new0 (Part, 1);

  part->kind = kind;
  part->title = g_strdup (title != NULL ? title : "");
  part->detail = g_strdup (detail);
  part->tooltip = g_strdup (tooltip);
  g_ptr_array_add (self->parts, part);
  return part;
}

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

/* "8 GiB · gp3": what the volume made from a mapping will be. */
static char *
volume_size_type (AmBlockDeviceMapping *mapping)
{
  GString *s = g_string_new (NULL);
  int size = am_block_device_mapping_get_volume_size (mapping);
  const char *type = am_block_device_mapping_get_volume_type (mapping);

  if (size > 0)
    g_string_append_printf (s, _("%d GiB"), size);
  if (type != NULL)
    g_string_append_printf (s, "%s%s", s->len > 0 ? " · " : "", type);
  if (s->len == 0)
    g_string_append (s, _("size of the snapshot"));
  return g_string_free (s, FALSE);
}

static void
add_tags (AmImageAnatomy *self,
          AmTag * const  *tags)
{
  for (guint i = 0; tags[i] != NULL; i++)
    {
      const char *value = am_tag_get_value (tags[i]);
      g_autofree char *tooltip = NULL;

      if (value != NULL && value[0] != '\0')
        tooltip = g_strdup_printf (_("Tag “%s” = “%s”: a label of your own to find, sort and account for it; it changes nothing about how it runs."),
                                   am_tag_get_key (tags[i]), value);
      else
        tooltip = g_strdup_printf (_("Tag “%s”: a label of your own to find, sort and account for it; it changes nothing about how it runs."),
                                   am_tag_get_key (tags[i]));
      add_part (self, PART_TAG, am_tag_get_key (tags[i]), value != NULL && value[0] != '\0' ? value : NULL, tooltip);
    }
}

static void
add_permissions (AmImageAnatomy *self)
{
  gboolean everyone = am_image_get_is_public (self->image);
  const char *owner = am_image_get_owner_alias (self->image) != NULL
                        ? am_image_get_owner_alias (self->image) : am_image_get_owner_id (self->image);
  g_autofree char *owner_tip = g_strdup_printf (_("The owner (account %s) registered the image and can always launch it. Only the owner changes who else may."),
                                                am_image_get_owner_id (self->image) != NULL ? am_image_get_owner_id (self->image) : "?");

  add_part (self, PART_OWNER, _("Owner"), owner, owner_tip);

  if (self->permissions != NULL)
    for (guint i = 0; i < self->permissions->len; i++)
      {
        AmLaunchPermission *perm = g_ptr_array_index (self->permissions, i);

        if (g_strcmp0 (am_launch_permission_get_group (perm), "all") == 0)
          everyone = TRUE;
        else if (am_launch_permission_get_user_id (perm) != NULL)
          add_part (self, PART_ACCOUNT, _("Account"), am_launch_permission_get_user_id (perm),
                    _("This AWS account may launch instances from the image (it sees it under “Shared with Me”)."));
        else if (am_launch_permission_get_organization_arn (perm) != NULL)
          {
            const char *arn = am_launch_permission_get_organization_arn (perm);
            /* The ARN is cut short in the picture: whole in the tooltip. */
            g_autofree char *tip = g_strdup_printf ("%s\n%s", arn, _("Every account of this AWS Organization may launch the image."));

            add_part (self, PART_ORGANIZATION, _("Organization"), arn, tip);
          }
        else if (am_launch_permission_get_organizational_unit_arn (perm) != NULL)
          {
            const char *arn = am_launch_permission_get_organizational_unit_arn (perm);
            g_autofree char *tip = g_strdup_printf ("%s\n%s", arn, _("Every account in this organizational unit (a folder of accounts in an AWS Organization) may launch the image."));

            add_part (self, PART_OU, _("Organizational unit"), arn, tip);
          }
      }

  if (everyone)
    add_part (self, PART_EVERYONE, _("Everyone"), _("public"),
              _("Public: any AWS account in the world may launch the image. Never make an image public that holds secrets."));
  else if (self->permissions == NULL)
    add_part (self, PART_UNKNOWN, _("Others"), _("only the owner knows"),
              _("Only the owner can list who else may launch this image; this account may, or it would not see it."));
  else if (self->permissions->len == 0)
    add_part (self, PART_UNKNOWN, _("No one else"), _("private"),
              _("Private: only the owner may launch the image. Share it with accounts, organizations or OUs under Launch Permissions."));
}

static void
add_mapping (AmImageAnatomy       *self,
             AmBlockDeviceMapping *mapping)
{
  const char *device = am_block_device_mapping_get_device_name (mapping);
  const char *virtual_name = am_block_device_mapping_get_virtual_name (mapping);

  if (am_block_device_mapping_get_no_device (mapping))
    {
      g_autofree char *tip = g_strdup_printf (_("No device: the mapping suppresses %s, so nothing is attached there at launch (it hides a volume the instance type would add)."),
                                              device);

      add_part (self, PART_NO_DEVICE, device, _("no device"), tip);
    }
  else if (virtual_name != NULL)
    {
      g_autofree char *tip = g_strdup_printf (_("Instance store %s: a disk of the host computer, fast and free of charge, but empty at every start and gone when the instance stops or ends."),
                                              virtual_name);
      g_autofree char *detail = g_strdup_printf (_("instance store\n%s"), virtual_name);

      add_part (self, PART_INSTANCE_STORE, device, detail, tip);
    }
  else
    {
      const char *snapshot = am_block_device_mapping_get_snapshot_id (mapping);
      gboolean encrypted = am_block_device_mapping_get_encrypted (mapping);
      g_autofree char *size_type = volume_size_type (mapping);
      g_autofree char *detail = g_strdup_printf ("%s\n%s", size_type, encrypted ? _("encrypted") : _("not encrypted"));
      g_autofree char *tip = NULL;
      Part *part;

      if (snapshot != NULL)
        tip = g_strdup_printf (_("An EBS volume made from snapshot %s at every launch: a network disk that keeps its data when the instance stops%s."),
                               snapshot, am_block_device_mapping_get_delete_on_termination (mapping)
                                           ? _(", deleted when the instance ends") : _(", kept after the instance ends"));
      else
        tip = g_strdup_printf (_("An empty EBS volume created at every launch: a network disk that keeps its data when the instance stops%s."),
                               am_block_device_mapping_get_delete_on_termination (mapping)
                                 ? _(", deleted when the instance ends") : _(", kept after the instance ends"));
      part = add_part (self, PART_EBS, device, detail, tip);
      part->encrypted = encrypted;
    }
}

static void
build_image_parts (AmImageAnatomy *self)
{
  AmBlockDeviceMapping * const *mappings = am_image_get_block_device_mappings (self->image);
  AmBlockDeviceMapping *root = find_root_mapping (self->image);
  const char *root_name = am_image_get_root_device_name (self->image);
  g_autofree char *image_tip = NULL;

  add_permissions (self);

  image_tip = g_strdup_printf (_("The image %s: a recipe for servers. Each instance launched from it gets a copy of the root volume template and the volumes below; the image itself never changes."),
                               am_image_get_image_id (self->image));
  add_part (self, PART_IMAGE, _("Image"), am_image_get_image_id (self->image), image_tip);
  add_tags (self, am_image_get_tags (self->image));

  if (g_strcmp0 (am_image_get_root_device_type (self->image), "instance-store") == 0)
    {
      const char *location = am_image_get_image_location (self->image);
      Part *part;

      add_part (self, PART_BUNDLE, _("Bundle in Amazon S3"), location != NULL ? location : _("manifest not listed"),
                _("An instance store image keeps its root volume as a bundle of files in Amazon S3, described by a manifest. It is copied to the host at every launch, which makes the start slower."));
      part = add_part (self, PART_ROOT_VOLUME, root_name, _("instance store root\nlost when stopped"),
                       _("The root volume is a local disk of the host: instances of this image cannot be stopped, only rebooted or terminated, and lose every change when they end."));
      part->instance_store = TRUE;
    }
  else
    {
      const char *snapshot = root != NULL ? am_block_device_mapping_get_snapshot_id (root) : NULL;
      g_autofree char *snap_tip = NULL;
      g_autofree char *size_type = root != NULL ? volume_size_type (root) : g_strdup (_("details not listed"));
      gboolean encrypted = root != NULL && am_block_device_mapping_get_encrypted (root);
      g_autofree char *detail = g_strdup_printf ("%s\n%s", size_type, encrypted ? _("encrypted") : _("not encrypted"));
      g_autofree char *root_tip = NULL;
      Part *part;

      snap_tip = g_strdup_printf (_("Snapshot %s: a frozen copy of a disk, stored in Amazon S3. It is the root volume template: every instance starts from a new volume made from it."),
                                  snapshot != NULL ? snapshot : _("(not listed)"));
      add_part (self, PART_SNAPSHOT, _("Snapshot"), snapshot != NULL ? snapshot : _("not listed"), snap_tip);
      root_tip = g_strdup_printf (_("The root volume (%s): an EBS volume made from the snapshot at launch, %s. The operating system starts from it; %s."),
                                  root_name != NULL ? root_name : "?",
                                  encrypted ? _("encrypted with a KMS key") : _("not encrypted"),
                                  root != NULL && !am_block_device_mapping_get_delete_on_termination (root)
                                    ? _("it is kept after the instance ends") : _("it is deleted when the instance ends"));
      part = add_part (self, PART_ROOT_VOLUME, root_name, detail, root_tip);
      part->encrypted = encrypted;
    }

  for (guint i = 0; mappings[i] != NULL; i++)
    if (mappings[i] != root)
      add_mapping (self, mappings[i]);
}

static void
build_instance_parts (AmImageAnatomy *self)
{
  AmInstanceBlockDevice * const *devices = am_instance_get_block_devices (self->instance);
  const char *root_name = am_instance_get_root_device_name (self->instance);
  const char *image_id = am_instance_get_image_id (self->instance);
  g_autofree char *source_tip = g_strdup_printf (_("The instance was launched from image %s: its volumes were made from that image's templates. Changes to the instance never change the image."),
                                                 image_id != NULL ? image_id : "?");
  g_autofree char *tip = g_strdup_printf (_("The instance %s: a server made from the image. Create an image from it to keep its current volumes as a new recipe."),
                                          am_instance_get_instance_id (self->instance));

  add_part (self, PART_SOURCE, self->image_name != NULL && self->image_name[0] != '\0' ? self->image_name : _("Image"),
            image_id, source_tip);
  add_part (self, PART_INSTANCE, _("Instance"), am_instance_get_instance_id (self->instance), tip);
  add_tags (self, am_instance_get_tags (self->instance));

  if (g_strcmp0 (am_instance_get_root_device_type (self->instance), "instance-store") == 0)
    {
      Part *part = add_part (self, PART_ROOT_VOLUME, root_name, _("instance store root\nlost when stopped"),
                             _("The root volume is a local disk of the host, copied from the image's bundle at launch: it is gone when the instance ends."));

      part->instance_store = TRUE;
    }

  for (guint i = 0; devices[i] != NULL; i++)
    {
      const char *device = am_instance_block_device_get_device_name (devices[i]);
      const char *volume = am_instance_block_device_get_volume_id (devices[i]);
      gboolean is_root = g_strcmp0 (device, root_name) == 0;
      g_autofree char *detail = g_strdup_printf ("%s\n%s", volume != NULL ? volume : "",
                                                 am_instance_block_device_get_delete_on_termination (devices[i])
                                                   ? _("deleted with it") : _("kept after it ends"));
      g_autofree char *dtip = g_strdup_printf (is_root ? _("The root volume %s (%s), made from the image's root snapshot at launch; the instance writes to it, the image stays as it was.")
                                                       : _("The EBS volume %s (%s), made at launch from the image's block device mapping."),
                                               volume != NULL ? volume : "?", device);

      add_part (self, is_root ? PART_ROOT_VOLUME : PART_EBS, device, detail, dtip);
    }
}

static void
update_summary (AmImageAnatomy *self)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);
      g_autofree char *detail = g_strdup (part->detail);

      if (detail != NULL)
        g_strdelimit (detail, "\n", ',');
      if (s->len > 0)
        g_string_append (s, "; ");
      switch (part->kind)
        {
        case PART_IMAGE: g_string_append (s, _("Image")); break;
        case PART_INSTANCE: g_string_append (s, _("Instance")); break;
        case PART_SNAPSHOT: g_string_append (s, _("Root volume template: snapshot")); break;
        case PART_ROOT_VOLUME: g_string_append (s, _("Root volume")); break;
        case PART_BUNDLE: g_string_append (s, _("Root volume template: bundle")); break;
        case PART_EBS: g_string_append (s, _("EBS volume")); break;
        case PART_INSTANCE_STORE: g_string_append (s, _("Instance store volume")); break;
        case PART_NO_DEVICE: g_string_append (s, _("Suppressed device")); break;
        case PART_OWNER: case PART_ACCOUNT: case PART_ORGANIZATION: case PART_OU: case PART_EVERYONE: case PART_UNKNOWN:
          g_string_append (s, _("May launch it")); break;
        case PART_SOURCE: g_string_append (s, _("Launched from")); break;
        case PART_TAG: g_string_append (s, _("Tag")); break;
        default: g_assert_not_reached ();
        }
      g_string_append_printf (s, " %s", part->title);
      if (detail != NULL)
        g_string_append_printf (s, " (%s)", detail);
    }
  if (s->len > 0)
    g_string_append_c (s, '.');

  g_free (self->summary);
  self->summary = g_string_free (s, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

static void
rebuild (AmImageAnatomy *self)
{
  g_ptr_array_set_size (self->parts, 0);
  if (self->image != NULL)
    build_image_parts (self);
  else if (self->instance != NULL)
    build_instance_parts (self);
  self->laid_out_width = -1;
  update_summary (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
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

static void
ensure_layout (AmImageAnatomy *self,
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

static void
am_image_anatomy_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  AmImageAnatomy *self = AM_IMAGE_ANATOMY (widget);
  Part *first = NULL, *root = NULL;
  float box_top = 0;
  Colors c;

  if (self->parts->len == 0)
    return;
  ensure_layout (self, gtk_widget_get_width (widget));
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

/* --- widget ------------------------------------------------------------------------------ */

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
      /* Narrow enough for a 360 px window; the picture reflows below WIDE. */
      *minimum = 220;
      *natural = 520;
    }
  else
    {
      ensure_layout (self, for_size > 0 ? for_size : 520);
      *minimum = *natural = (int) self->height;
    }
}

static void
am_image_anatomy_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  ensure_layout (AM_IMAGE_ANATOMY (widget), width);
}

static Part *
part_at (AmImageAnatomy *self,
         double          x,
         double          y)
{
  Part *found = NULL;

  ensure_layout (self, gtk_widget_get_width (GTK_WIDGET (self)));
  /* The last drawn wins: what the box holds before the box. */
  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);

      if (graphene_rect_contains_point (&part->rect, &GRAPHENE_POINT_INIT (x, y))
          && (found == NULL || found->kind == PART_IMAGE || found->kind == PART_INSTANCE))
        found = part;
    }
  return found;
}

static gboolean
am_image_anatomy_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard,
                                GtkTooltip *tooltip)
{
  Part *part = part_at (AM_IMAGE_ANATOMY (widget), x, y);
  GdkRectangle area;

  if (part == NULL || part->tooltip == NULL)
    return FALSE;
  area = (GdkRectangle) { part->rect.origin.x, part->rect.origin.y, part->rect.size.width, part->rect.size.height };
  gtk_tooltip_set_text (tooltip, part->tooltip);
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

static void
am_image_anatomy_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  AmImageAnatomy *self = AM_IMAGE_ANATOMY (widget);

  GTK_WIDGET_CLASS (am_image_anatomy_parent_class)->css_changed (widget, change);
  /* Colors and fonts come from the style (light, dark, high contrast, text size). */
  self->laid_out_width = -1;
  gtk_widget_queue_resize (widget);
}

static void
am_image_anatomy_dispose (GObject *object)
{
  AmImageAnatomy *self = AM_IMAGE_ANATOMY (object);

  g_clear_object (&self->image);
  g_clear_object (&self->instance);
  g_clear_pointer (&self->permissions, g_ptr_array_unref);

  G_OBJECT_CLASS (am_image_anatomy_parent_class)->dispose (object);
}

static void
am_image_anatomy_finalize (GObject *object)
{
  AmImageAnatomy *self = AM_IMAGE_ANATOMY (object);

  g_ptr_array_unref (self->parts);
  for (guint i = 0; i < G_N_ELEMENTS (self->headings); i++)
    g_clear_object (&self->headings[i].layout);
  g_clear_object (&self->empty_layout);
  g_free (self->image_name);
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
  widget_class->size_allocate = am_image_anatomy_size_allocate;
  widget_class->get_request_mode = am_image_anatomy_get_request_mode;
  widget_class->query_tooltip = am_image_anatomy_query_tooltip;
  widget_class->css_changed = am_image_anatomy_css_changed;

  gtk_widget_class_set_css_name (widget_class, "am-image-anatomy");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
am_image_anatomy_init (AmImageAnatomy *self)
{
  self->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  self->laid_out_width = -1;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
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

  if (self->image == image && self->instance == NULL)
    return;
  g_set_object (&self->image, image);
  g_clear_object (&self->instance);
  g_clear_pointer (&self->permissions, g_ptr_array_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Anatomy of the image"),
                                  -1);
  rebuild (self);
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
  rebuild (self);
}

void
am_image_anatomy_set_instance (AmImageAnatomy *self,
                               AmInstance     *instance,
                               const char     *image_name)
{
  g_return_if_fail (AM_IS_IMAGE_ANATOMY (self));
  g_return_if_fail (instance == NULL || AM_IS_INSTANCE (instance));

  g_clear_object (&self->image);
  g_clear_pointer (&self->permissions, g_ptr_array_unref);
  g_set_object (&self->instance, instance);
  g_free (self->image_name);
  self->image_name = g_strdup (image_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("What the instance was made of"),
                                  -1);
  rebuild (self);
}

const char *
am_image_anatomy_get_summary (AmImageAnatomy *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_ANATOMY (self), NULL);

  return self->summary;
}

GStrv
am_image_anatomy_get_parts (AmImageAnatomy *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (AM_IS_IMAGE_ANATOMY (self), NULL);

  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);
      g_autofree char *detail = g_strdup (part->detail);
      g_autofree char *text = NULL;

      if (detail != NULL)
        g_strdelimit (detail, "\n", ',');
      text = g_strdup_printf ("%s: %s%s%s", kind_names[part->kind], part->title,
                              detail != NULL ? " · " : "", detail != NULL ? detail : "");
      g_strv_builder_add (builder, text);
    }
  return g_strv_builder_end (builder);
}

const char *
am_image_anatomy_get_part_tooltip (AmImageAnatomy *self,
                                   double          x,
                                   double          y)
{
  Part *part;

  g_return_val_if_fail (AM_IS_IMAGE_ANATOMY (self), NULL);

  part = part_at (self, x, y);
  return part != NULL ? part->tooltip : NULL;
}

gboolean
am_image_anatomy_get_part_rect (AmImageAnatomy  *self,
                                guint            index,
                                graphene_rect_t *rect)
{
  Part *part;

  g_return_val_if_fail (AM_IS_IMAGE_ANATOMY (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (index >= self->parts->len)
    return FALSE;
  ensure_layout (self, gtk_widget_get_width (GTK_WIDGET (self)));
  part = g_ptr_array_index (self->parts, index);
  *rect = part->rect;
  return TRUE;
}
