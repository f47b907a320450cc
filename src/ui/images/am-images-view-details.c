/* am-images-view-details.c: the Images view's details pane: the selected image, who may launch
 * it and what uses it
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-images-view"

#include "config.h"

#include <string.h>

#include "am-autoscaling-client.h"
#include "am-image-attribute.h"
#include "am-images-view-private.h"
#include "am-session.h"

static void
permissions_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (AmImagesView) self = user_data;
  g_autoptr (AmImageAttribute) attribute = NULL;
  g_autoptr (GError) error = NULL;
  AmImage *image;

  attribute = am_ec2_client_describe_image_attribute_finish (AM_EC2_CLIENT (object), result, &error);
  if (attribute == NULL)
    {
      /* Unknown stays "only the owner can see": nothing to shout about. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read the launch permissions: %s", error->message);
      return;
    }

  image = am_image_details_get_image (self->details);
  if (image != NULL && g_strcmp0 (am_image_get_image_id (image), am_image_attribute_get_image_id (attribute)) == 0)
    am_image_details_set_launch_permissions (self->details, am_image_attribute_get_launch_permissions (attribute));
}

/* Auto Scaling groups use an image through their launch templates. */
static void
groups_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (AmImagesView) self = user_data;
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GError) error = NULL;
  GStrv template_ids = g_object_get_data (G_OBJECT (object), "am-template-ids");

  groups = am_autoscaling_client_describe_groups_finish (AM_AUTOSCALING_CLIENT (object), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (groups == NULL)
    {
      am_image_details_add_user (self->details, "autoscaling:AutoScalingGroup", NULL, error->message);
      return;
    }
  for (guint i = 0; i < groups->len; i++)
    {
      AmAutoScalingGroup *group = g_ptr_array_index (groups, i);
      const char *template_id = am_auto_scaling_group_get_launch_template_id (group);

      if (template_id != NULL && g_strv_contains ((const char * const *) template_ids, template_id))
        am_image_details_add_user (self->details, "autoscaling:AutoScalingGroup",
                                   am_auto_scaling_group_get_name (group), NULL);
    }
}

static void
start_groups (AmImagesView *self,
              AmEc2Client  *client,
              GPtrArray    *references)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (AmAutoScalingClient) autoscaling = NULL;
  g_auto (GStrv) template_ids = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < references->len; i++)
    {
      AmImageReference *ref = g_ptr_array_index (references, i);
      const char *arn = am_image_reference_get_arn (ref);
      const char *slash = arn != NULL ? strchr (arn, '/') : NULL;

      if (slash != NULL && g_strcmp0 (am_image_reference_get_resource_type (ref), "ec2:LaunchTemplate") == 0)
        g_strv_builder_add (builder, slash + 1);
    }
  template_ids = g_strv_builder_end (builder);
  if (template_ids[0] == NULL)
    return;
  autoscaling = am_autoscaling_client_new_for_ec2_client (client, &error);
  if (autoscaling == NULL)
    {
      am_image_details_add_user (self->details, "autoscaling:AutoScalingGroup", NULL, error->message);
      return;
    }
  g_object_set_data_full (G_OBJECT (autoscaling), "am-template-ids", g_steal_pointer (&template_ids),
                          (GDestroyNotify) g_strfreev);
  am_autoscaling_client_describe_groups_async (autoscaling, NULL, 100, self->details_cancellable, groups_cb,
                                               g_object_ref (self));
}

static void references_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data);

/* What uses @image (its owner only may ask): instances, templates, parameters. */
static void
start_references (AmImagesView *self,
                  AmImage      *image)
{
  const char *ids[] = { am_image_get_image_id (image), NULL };

  /* A reply about an earlier image never arrives: choosing another cancels it. */
  am_ec2_client_describe_image_references_async (_am_images_view_client_for_image (self, image), ids,
                                                 self->details_cancellable,
                                                 references_cb, g_object_ref (self));
}

static void
references_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (AmImagesView) self = user_data;
  g_autoptr (GPtrArray) references = NULL;
  g_autoptr (GError) error = NULL;

  references = am_ec2_client_describe_image_references_finish (AM_EC2_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  am_image_details_set_references (self->details, references, error != NULL ? error->message : NULL);
  if (references != NULL)
    start_groups (self, AM_EC2_CLIENT (object), references);
}

static gboolean
update_details_cb (gpointer user_data)
{
  AmImagesView *self = user_data;
  g_autoptr (GPtrArray) images = NULL;
  AmImage *image;
  gboolean changed;
  gboolean owned;

  self->details_idle_id = 0;
  /* A row chosen in the list replaces an image shown from outside it. */
  if (self->outside_image != NULL && am_image_list_model_get_n_selected (self->list) > 0)
    {
      g_clear_object (&self->outside_image);
      _am_images_view_update_state (self);
    }
  images = _am_images_view_get_selected_images (self);
  image = images->len == 1 ? g_ptr_array_index (images, 0) : NULL;
  changed = image != am_image_details_get_image (self->details);
  owned = self->scope == AM_IMAGES_SCOPE_OWNED || self->scope == AM_IMAGES_SCOPE_ALL_REGIONS;
  /* All Regions: an image of another Region is managed in its Region (am_image_actions_run). */
  am_image_details_set_manageable (self->details, self->session != NULL && owned && self->outside_image == NULL);
  am_image_details_set_n_selected (self->details, images->len);
  am_image_details_set_image (self->details, image);
  _am_images_view_update_actions (self, images->len);
  if (changed)
    am_image_lineage_set_image (am_image_details_get_lineage (self->details),
                                _am_images_view_client_for_image (self, image), image);
  /* What its snapshots cost: asked of the owner only (others' snapshots are not listed). */
  am_image_storage_set_image (am_image_details_get_storage (self->details),
                              image != NULL && owned && self->outside_image == NULL
                              ? _am_images_view_client_for_image (self, image) : NULL, image);

  /* Who may launch an image is only told to its owner. Sharing does not change the listed
   * image (isPublic stays), so a change or a refresh asks again (permissions_stale): the pane
   * always shows what EC2 last said. */
  if ((changed || self->permissions_stale) && image != NULL && self->client != NULL
      && owned && self->outside_image == NULL)
    {
      self->permissions_stale = FALSE;
      g_cancellable_cancel (self->details_cancellable);
      g_clear_object (&self->details_cancellable);
      self->details_cancellable = g_cancellable_new ();
      am_ec2_client_describe_image_attribute_async (_am_images_view_client_for_image (self, image),
                                                    am_image_get_image_id (image),
                                                    "launchPermission", self->details_cancellable,
                                                    permissions_cb, g_object_ref (self));
      start_references (self, image);
    }

  return G_SOURCE_REMOVE;
}

void
_am_images_view_queue_update_details (AmImagesView *self)
{
  if (self->details_idle_id == 0)
    self->details_idle_id = g_idle_add (update_details_cb, self);
}
