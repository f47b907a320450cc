/* am-image-anatomy.c: a drawing of what an image is made of
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-anatomy"

#include "config.h"

#include <glib/gi18n.h>

#include "am-image-anatomy-private.h"
#include "am-instance-block-device.h"

static const char * const kind_names[] = {
  "image", "instance", "snapshot", "root-volume", "bundle", "ebs", "instance-store", "no-device",
  "owner", "account", "organization", "ou", "everyone", "unknown", "source", "tag",
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
      am_image_anatomy_ensure_layout (self, for_size > 0 ? for_size : 520);
      *minimum = *natural = (int) self->height;
    }
}

static void
am_image_anatomy_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  am_image_anatomy_ensure_layout (AM_IMAGE_ANATOMY (widget), width);
}

static Part *
part_at (AmImageAnatomy *self,
         double          x,
         double          y)
{
  Part *found = NULL;

  am_image_anatomy_ensure_layout (self, gtk_widget_get_width (GTK_WIDGET (self)));
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
  am_image_anatomy_ensure_layout (self, gtk_widget_get_width (GTK_WIDGET (self)));
  part = g_ptr_array_index (self->parts, index);
  *rect = part->rect;
  return TRUE;
}
