/* am-sandbox-lifecycle.c: what uses an image, disabled images, the Recycle Bin and snapshots
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <string.h>

#include "am-sandbox-catalog.h"
#include "am-sandbox-private.h"

#define DAY_MS (G_GINT64_CONSTANT (24) * 60 * 60 * 1000)

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  /* Every resource struct starts with its id. */
  return strcmp (**(char * const * const *) a, **(char * const * const *) b);
}

GPtrArray *
_am_sb_own_sorted (AmSbCall   *call,
                   GHashTable *table)
{
  GPtrArray *out = g_ptr_array_new ();
  const char *region = g_intern_string (call->region);
  const char *owner = g_intern_string (call->account->account_id);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      /* id, region, owner come first in every resource struct */
      struct { char *id; const char *region; const char *owner_id; } *head = value;

      if (head->region == region && head->owner_id == owner)
        g_ptr_array_add (out, value);
    }
  g_ptr_array_sort (out, compare_ids);
  return out;
}

gboolean
_am_sb_has_string (GPtrArray  *strings,
            const char *text)
{
  return g_ptr_array_find_with_equal_func (strings, text, g_str_equal, NULL);
}

/* DisableImage / EnableImage */

static gboolean
set_disabled (AmSbCall *call,
              gboolean  disabled)
{
  AmSbImage *image = _am_sb_image_to_change (call);

  if (image == NULL)
    return FALSE;
  if (image->disabled != disabled)
    {
      /* Disabling takes away every launch permission, public and shared; enabling does not
       * give them back. */
      image->disabled = disabled;
      if (disabled)
        g_ptr_array_set_size (image->launch_permissions, 0);
      call->mutated = TRUE;
    }
  _am_sb_xml_bool (call->body, "return", TRUE);
  return TRUE;
}

static gboolean
op_disable_image (AmSbCall *call)
{
  return set_disabled (call, TRUE);
}

static gboolean
op_enable_image (AmSbCall *call)
{
  return set_disabled (call, FALSE);
}

/* DescribeImageReferences */

static const char *const reference_types[] = {
  "ec2:Instance", "ec2:LaunchTemplate", "ssm:Parameter", "imagebuilder:ImageRecipe",
  "imagebuilder:ContainerRecipe", NULL
};

typedef struct
{
  gboolean   instances;
  gboolean   templates;
  GPtrArray *state_names;   /* ec2:Instance state-name option, empty: all states */
} ReferenceScope;

static gboolean
parse_reference_options (AmSbCall       *call,
                         guint           n,
                         const char     *type,
                         ReferenceScope *scope)
{
  g_autofree char *prefix = g_strdup_printf ("ResourceType.%u.ResourceTypeOption", n);
  g_autoptr (GArray) options = _am_sb_param_indices (call, prefix);

  for (guint i = 0; i < options->len; i++)
    {
      guint m = g_array_index (options, guint, i);
      g_autofree char *name_key = g_strdup_printf ("%s.%u.OptionName", prefix, m);
      g_autofree char *value_prefix = g_strdup_printf ("%s.%u.OptionValue", prefix, m);
      const char *name = _am_sb_param (call, name_key);
      g_autoptr (GPtrArray) values = _am_sb_param_list (call, value_prefix);

      if (g_strcmp0 (name, "state-name") == 0 && strcmp (type, "ec2:Instance") == 0)
        {
          static const char *const states[] = {
            "pending", "running", "shutting-down", "terminated", "stopping", "stopped", NULL
          };

          for (guint j = 0; j < values->len; j++)
            {
              if (!g_strv_contains (states, values->pdata[j]))
                return _am_sb_fail (call, 400, "InvalidParameterValue",
                                    "Invalid state-name '%s': use pending, running, shutting-down, "
                                    "terminated, stopping or stopped.", (char *) values->pdata[j]);
              g_ptr_array_add (scope->state_names, g_strdup (values->pdata[j]));
            }
        }
      else if (g_strcmp0 (name, "version-depth") == 0 && strcmp (type, "ec2:LaunchTemplate") == 0)
        {
          guint64 depth;

          /* Sandbox templates have one version: any valid depth covers it. */
          for (guint j = 0; j < values->len; j++)
            if (!g_ascii_string_to_unsigned (values->pdata[j], 10, 1, 10000, &depth, NULL))
              return _am_sb_fail (call, 400, "InvalidParameterValue",
                                  "Invalid version-depth '%s': use an integer from 1 to 10000.",
                                  (char *) values->pdata[j]);
        }
      else
        return _am_sb_fail (call, 400, "InvalidParameterValue",
                            "The option '%s' does not apply to %s: ec2:Instance takes state-name, "
                            "ec2:LaunchTemplate takes version-depth.", name ? name : "", type);
    }
  return TRUE;
}

typedef struct
{
  const char *image_id;
  const char *type;
  char       *arn;
} Reference;

static void
reference_free (Reference *ref)
{
  g_free (ref->arn);
  g_free (ref);
}

static void
add_reference (GPtrArray  *refs,
               const char *image_id,
               const char *type,
               char       *arn)
{
  Reference *ref = g_new0 (Reference, 1);

  ref->image_id = image_id;
  ref->type = type;
  ref->arn = arn;
  g_ptr_array_add (refs, ref);
}

/* The image a launch template launches (its ImageId, or the image its resolve:ssm: names). */
static const char *
template_image (AmSbCall           *call,
                AmSbLaunchTemplate *lt)
{
  const char *image_id = g_hash_table_lookup (lt->data, "ImageId");

  if (image_id != NULL && g_str_has_prefix (image_id, "resolve:ssm:"))
    {
      AmSbImage *image = _am_sb_resolve_ssm (call, image_id + strlen ("resolve:ssm:"));

      return image ? image->image_id : NULL;
    }
  return image_id;
}

static gboolean
op_describe_image_references (AmSbCall *call)
{
  g_autoptr (GPtrArray) ids = _am_sb_param_list (call, "ImageId");
  g_autoptr (GArray) types = _am_sb_param_indices (call, "ResourceType");
  g_autoptr (GPtrArray) state_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) refs = g_ptr_array_new_with_free_func ((GDestroyNotify) reference_free);
  g_autoptr (GPtrArray) instances = NULL;
  g_autoptr (GPtrArray) templates = NULL;
  ReferenceScope scope = { FALSE, FALSE, state_names };
  gboolean include_all;
  guint offset, limit, end;

  if (!_am_sb_param_bool (call, "IncludeAllResourceTypes", FALSE, &include_all)
      || !_am_sb_paginate (call, 1, 1000, &offset, &limit))
    return FALSE;
  if (ids->len == 0)
    return _am_sb_fail (call, 400, "MissingParameter", "The request must contain the parameter ImageId");
  if (ids->len > 10)
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "At most 10 image IDs per request (%u given).", ids->len);
  if (!include_all && types->len == 0)
    return _am_sb_fail (call, 400, "MissingParameter",
                        "Specify either IncludeAllResourceTypes or ResourceType.N.ResourceType.");
  scope.instances = scope.templates = include_all;
  for (guint i = 0; i < types->len; i++)
    {
      guint n = g_array_index (types, guint, i);
      g_autofree char *key = g_strdup_printf ("ResourceType.%u.ResourceType", n);
      const char *type = _am_sb_param (call, key);

      if (type == NULL || !g_strv_contains (reference_types, type))
        return _am_sb_fail (call, 400, "InvalidParameterValue",
                            "Invalid resource type '%s': use ec2:Instance, ec2:LaunchTemplate, "
                            "ssm:Parameter, imagebuilder:ImageRecipe or imagebuilder:ContainerRecipe.",
                            type ? type : "");
      if (!parse_reference_options (call, n, type, &scope))
        return FALSE;
      if (strcmp (type, "ec2:Instance") == 0)
        scope.instances = TRUE;
      else if (strcmp (type, "ec2:LaunchTemplate") == 0)
        scope.templates = TRUE;
    }
  for (guint i = 0; i < ids->len; i++)
    if (_am_sb_visible_image (call, ids->pdata[i]) == NULL)
      return FALSE;
  if (_am_sb_dry_run (call))
    return FALSE;

  /* The sandbox keeps no SSM parameters or Image Builder recipes of the accounts: those
   * types find nothing. */
  instances = _am_sb_own_sorted (call, call->state->instances);
  templates = _am_sb_own_sorted (call, call->state->launch_templates);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *image_id = ids->pdata[i];

      for (guint j = 0; scope.instances && j < instances->len; j++)
        {
          AmSbInstance *in = instances->pdata[j];
          int code;
          const char *state = am_sb_instance_state (in, call->state->transition_ms, call->now_ms, &code);

          if (g_strcmp0 (in->image_id, image_id) != 0 || !_am_sb_instance_visible (call, in)
              || (state_names->len > 0 && !_am_sb_has_string (state_names, state)))
            continue;
          add_reference (refs, image_id, "ec2:Instance",
                         g_strdup_printf ("arn:aws:ec2:%s:%s:instance/%s", in->region, in->owner_id,
                                          in->instance_id));
        }
      for (guint j = 0; scope.templates && j < templates->len; j++)
        {
          AmSbLaunchTemplate *lt = templates->pdata[j];

          if (g_strcmp0 (template_image (call, lt), image_id) != 0)
            continue;
          add_reference (refs, image_id, "ec2:LaunchTemplate",
                         g_strdup_printf ("arn:aws:ec2:%s:%s:launch-template/%s", lt->region,
                                          lt->owner_id, lt->launch_template_id));
        }
    }

  end = MIN (refs->len, offset + MIN (limit, refs->len));
  g_string_append (call->body, "<imageReferenceSet>");
  for (guint i = offset; i < end; i++)
    {
      Reference *ref = refs->pdata[i];

      g_string_append (call->body, "<item>");
      _am_sb_xml_text (call->body, "imageId", ref->image_id);
      _am_sb_xml_text (call->body, "resourceType", ref->type);
      _am_sb_xml_text (call->body, "arn", ref->arn);
      g_string_append (call->body, "</item>");
    }
  g_string_append (call->body, "</imageReferenceSet>");
  if (end < refs->len)
    _am_sb_next_token (call, end);
  return TRUE;
}

/* DescribeInstanceImageMetadata */

static const char *
instance_field (AmSbCall     *call,
                AmSbInstance *in,
                const char   *name,
                char        **owned)
{
  int code;

  if (strcmp (name, "instance-id") == 0)
    return in->instance_id;
  if (strcmp (name, "instance-state-name") == 0)
    return am_sb_instance_state (in, call->state->transition_ms, call->now_ms, &code);
  if (strcmp (name, "instance-type") == 0)
    return in->instance_type;
  if (strcmp (name, "availability-zone") == 0)
    return in->availability_zone;
  if (strcmp (name, "owner-id") == 0)
    return in->owner_id;
  if (strcmp (name, "launch-time") == 0)
    return *owned = am_sb_format_time (in->launch_time);
  return NULL;
}

static void
xml_image_metadata (AmSbCall     *call,
                    AmSbInstance *in)
{
  GString *s = call->body;
  AmSbImage *image = am_sb_state_find_image (call->state, call->region, in->image_id);
  AmSbImage *recycled = image ? NULL : g_hash_table_lookup (call->state->recycle_bin, in->image_id);
  const AmSbImage *known = image ? image : recycled;

  /* Even a deregistered image or one no longer shared with the caller is described: it is
   * what the instance runs. */
  g_string_append (s, "<imageMetadata>");
  _am_sb_xml_text (s, "imageId", in->image_id);
  if (known != NULL)
    {
      _am_sb_xml_text (s, "name", known->name);
      _am_sb_xml_text (s, "imageOwnerId", known->owner_id);
    }
  _am_sb_xml_text (s, "imageState", image ? am_sb_image_state (image, call->now_ms) : "deregistered");
  if (known != NULL)
    {
      _am_sb_xml_text (s, "imageOwnerAlias", known->owner_alias);
      _am_sb_xml_time (s, "creationDate", known->creation_time);
      if (known->deprecation_time != 0)
        _am_sb_xml_time (s, "deprecationTime", known->deprecation_time);
      /* Whether it would be allowed today (only while Allowed AMIs is not disabled). */
      _am_sb_xml_image_allowed (call, s, known);
      _am_sb_xml_bool (s, "isPublic", image != NULL && am_sb_image_is_public (image));
    }
  g_string_append (s, "</imageMetadata>");
}

static gboolean
op_describe_instance_image_metadata (AmSbCall *call)
{
  static const char *const known[] = {
    "instance-id", "instance-state-name", "instance-type", "availability-zone", "owner-id",
    "launch-time", NULL
  };
  g_autoptr (GPtrArray) ids = _am_sb_param_list (call, "InstanceId");
  g_autoptr (GPtrArray) filters = NULL;
  g_autoptr (GPtrArray) instances = NULL;
  g_autoptr (GPtrArray) listed = g_ptr_array_new ();
  GString *s = call->body;
  guint offset, limit, end;

  if (!_am_sb_parse_filters (call, &filters) || !_am_sb_paginate (call, 1, 1000, &offset, &limit))
    return FALSE;
  for (guint i = 0; i < filters->len; i++)
    {
      const char *name = ((AmSbFilter *) filters->pdata[i])->name;

      if (!g_strv_contains (known, name))
        return _am_sb_fail (call, 400, "InvalidParameterValue", "The filter '%s' is invalid", name);
    }
  for (guint i = 0; i < ids->len; i++)
    {
      AmSbInstance *in = g_hash_table_lookup (call->state->instances, ids->pdata[i]);

      if (in == NULL || in->region != g_intern_string (call->region)
          || strcmp (in->owner_id, call->account->account_id) != 0 || !_am_sb_instance_visible (call, in))
        return _am_sb_fail (call, 400, "InvalidInstanceID.NotFound",
                            "The instance ID '%s' does not exist", (char *) ids->pdata[i]);
    }
  if (_am_sb_dry_run (call))
    return FALSE;

  instances = _am_sb_own_sorted (call, call->state->instances);
  for (guint i = 0; i < instances->len; i++)
    {
      AmSbInstance *in = instances->pdata[i];
      gboolean ok = _am_sb_instance_visible (call, in)
                    && (ids->len == 0 || _am_sb_has_string (ids, in->instance_id));

      for (guint f = 0; f < filters->len && ok; f++)
        {
          AmSbFilter *filter = filters->pdata[f];
          g_autofree char *owned = NULL;

          ok = am_sb_filter_values_match (filter->values, instance_field (call, in, filter->name, &owned));
        }
      if (ok)
        g_ptr_array_add (listed, in);
    }

  end = MIN (listed->len, offset + MIN (limit, listed->len));
  g_string_append (s, "<instanceImageMetadataSet>");
  for (guint i = offset; i < end; i++)
    {
      AmSbInstance *in = listed->pdata[i];
      int code;
      const char *state = am_sb_instance_state (in, call->state->transition_ms, call->now_ms, &code);
      gsize zone_len = in->availability_zone ? strlen (in->availability_zone) : 0;
      g_autofree char *zone_id = zone_len > 0
                                 ? am_sb_zone_id (call->region, in->availability_zone[zone_len - 1] - 'a')
                                 : NULL;

      g_string_append (s, "<item>");
      _am_sb_xml_text (s, "instanceId", in->instance_id);
      _am_sb_xml_text (s, "instanceType", in->instance_type);
      _am_sb_xml_time (s, "launchTime", in->launch_time);
      _am_sb_xml_text (s, "availabilityZone", in->availability_zone);
      _am_sb_xml_text (s, "zoneId", zone_id);
      g_string_append_printf (s, "<instanceState><code>%d</code><name>%s</name></instanceState>", code, state);
      _am_sb_xml_text (s, "instanceOwnerId", in->owner_id);
      _am_sb_xml_tags (s, am_sb_state_get_tags (call->state, call->account->account_id, in->instance_id));
      xml_image_metadata (call, in);
      g_string_append (s, "</item>");
    }
  g_string_append (s, "</instanceImageMetadataSet>");
  if (end < listed->len)
    _am_sb_next_token (call, end);
  return TRUE;
}

/* The Recycle Bin */

/* Images whose retention ended are deleted for good, with their tags. */
static void
purge_recycle_bin (AmSbCall *call)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, call->state->recycle_bin);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      AmSbImage *image = value;

      if (image->recycle_exit_time > call->now_ms)
        continue;
      _am_sb_delete_all_tags (call, image->image_id);
      g_hash_table_iter_remove (&iter);
      call->mutated = TRUE;
    }
}

gboolean
_am_sb_recycle_image (AmSbCall  *call,
                      AmSbImage *image)
{
  g_assert (image != NULL);

  purge_recycle_bin (call);
  if (call->state->recycle_days == 0 || !image->stored
      || !g_hash_table_steal (call->state->images, image->image_id))
    return FALSE;
  image->recycle_enter_time = call->now_ms;
  image->recycle_exit_time = call->now_ms + call->state->recycle_days * DAY_MS;
  g_hash_table_replace (call->state->recycle_bin, image->image_id, image);
  call->mutated = TRUE;
  return TRUE;
}

static AmSbImage *
recycled_image (AmSbCall   *call,
                const char *image_id)
{
  AmSbImage *image = g_hash_table_lookup (call->state->recycle_bin, image_id);

  if (image == NULL || image->region != g_intern_string (call->region)
      || strcmp (image->owner_id, call->account->account_id) != 0
      || image->recycle_exit_time <= call->now_ms)
    return NULL;
  return image;
}

static gboolean
op_list_images_in_recycle_bin (AmSbCall *call)
{
  g_autoptr (GPtrArray) ids = _am_sb_param_list (call, "ImageId");
  g_autoptr (GPtrArray) images = NULL;
  g_autoptr (GPtrArray) listed = g_ptr_array_new ();
  GString *s = call->body;
  guint offset, limit, end;

  if (!_am_sb_paginate (call, 1, 1000, &offset, &limit))
    return FALSE;
  if (ids->len > 20)
    return _am_sb_fail (call, 400, "InvalidParameterValue", "At most 20 image IDs per request (%u given).",
                        ids->len);
  for (guint i = 0; i < ids->len; i++)
    if (!_am_sb_check_image_id (call, ids->pdata[i]))
      return FALSE;
  if (_am_sb_dry_run (call))
    return FALSE;

  images = _am_sb_own_sorted (call, call->state->recycle_bin);
  for (guint i = 0; i < images->len; i++)
    {
      AmSbImage *image = images->pdata[i];

      if (image->recycle_exit_time > call->now_ms
          && (ids->len == 0 || _am_sb_has_string (ids, image->image_id)))
        g_ptr_array_add (listed, image);
    }
  end = MIN (listed->len, offset + MIN (limit, listed->len));
  g_string_append (s, "<imageSet>");
  for (guint i = offset; i < end; i++)
    {
      AmSbImage *image = listed->pdata[i];

      g_string_append (s, "<item>");
      _am_sb_xml_text (s, "imageId", image->image_id);
      _am_sb_xml_text (s, "name", image->name);
      _am_sb_xml_text (s, "description", image->description);
      _am_sb_xml_time (s, "recycleBinEnterTime", image->recycle_enter_time);
      _am_sb_xml_time (s, "recycleBinExitTime", image->recycle_exit_time);
      g_string_append (s, "</item>");
    }
  g_string_append (s, "</imageSet>");
  if (end < listed->len)
    _am_sb_next_token (call, end);
  return TRUE;
}

static gboolean
op_restore_image_from_recycle_bin (AmSbCall *call)
{
  const char *image_id;
  AmSbImage *image;
  GHashTableIter iter;
  gpointer value;

  if (!_am_sb_require (call, "ImageId", &image_id) || !_am_sb_check_image_id (call, image_id))
    return FALSE;
  image = recycled_image (call, image_id);
  if (image == NULL)
    return _am_sb_fail (call, 400, "InvalidAMIID.NotFound",
                        "The image id '[%s]' is not in the Recycle Bin of %s", image_id, call->region);
  for (guint i = 0; i < image->block_devices->len; i++)
    {
      AmSbBlockDevice *bd = image->block_devices->pdata[i];

      if (bd->snapshot_id != NULL && g_hash_table_contains (call->state->snapshot_recycle_bin, bd->snapshot_id))
        return _am_sb_fail (call, 400, "InvalidSnapshot.NotFound",
                            "The snapshot '%s' of image %s is in the Recycle Bin; restore it with "
                            "RestoreSnapshotFromRecycleBin first.", bd->snapshot_id, image_id);
      if (bd->snapshot_id != NULL && !g_hash_table_contains (call->state->snapshots, bd->snapshot_id))
        return _am_sb_fail (call, 400, "InvalidSnapshot.NotFound",
                            "The snapshot '%s' of image %s was deleted with it; the image cannot be "
                            "restored without it.", bd->snapshot_id, image_id);
    }
  g_hash_table_iter_init (&iter, call->state->images);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      AmSbImage *other = value;

      if (other->region == image->region && other->owner_id == image->owner_id
          && g_strcmp0 (other->name, image->name) == 0)
        return _am_sb_fail (call, 400, "InvalidAMIName.Duplicate",
                            "AMI name %s is already in use by AMI %s; rename or deregister that image "
                            "before restoring this one.", image->name, other->image_id);
    }
  if (!_am_sb_check_quota (call, AM_SB_QUOTA_IMAGES, 1) || _am_sb_dry_run (call))
    return FALSE;
  g_hash_table_steal (call->state->recycle_bin, image->image_id);
  image->recycle_enter_time = image->recycle_exit_time = 0;
  g_hash_table_replace (call->state->images, image->image_id, image);
  purge_recycle_bin (call);
  return _am_sb_changed (call);
}

/* Snapshots */

static gboolean
op_create_snapshot (AmSbCall *call)
{
  const char *volume_id;
  const char *description = _am_sb_param (call, "Description");
  g_autoptr (GPtrArray) tags = _am_sb_tag_specs (call, "snapshot");
  AmSbVolume *volume = NULL;
  AmSbSnapshot *snapshot;
  GHashTableIter iter;
  gpointer value;

  if (!_am_sb_require (call, "VolumeId", &volume_id))
    return FALSE;
  g_hash_table_iter_init (&iter, call->state->instances);
  while (volume == NULL && g_hash_table_iter_next (&iter, NULL, &value))
    {
      AmSbInstance *in = value;
      int code;

      if (in->region != g_intern_string (call->region)
          || strcmp (in->owner_id, call->account->account_id) != 0)
        continue;
      am_sb_instance_state (in, call->state->transition_ms, call->now_ms, &code);
      for (guint i = 0; code != 48 && i < in->volumes->len && volume == NULL; i++)
        if (g_strcmp0 (((AmSbVolume *) in->volumes->pdata[i])->volume_id, volume_id) == 0)
          volume = in->volumes->pdata[i];
    }
  if (volume == NULL)
    return _am_sb_fail (call, 400, "InvalidVolume.NotFound", "The volume '%s' does not exist.", volume_id);
  if (tags->len / 2 > 50)
    return _am_sb_fail (call, 400, "TagLimitExceeded", "A resource holds at most 50 tags.");
  if (!_am_sb_check_quota (call, AM_SB_QUOTA_SNAPSHOTS, 1) || _am_sb_dry_run (call))
    return FALSE;
  snapshot = _am_sb_new_snapshot (call, volume->volume_id, volume->volume_size,
                                  description ? description : "", FALSE);
  for (guint i = 0; i + 1 < tags->len; i += 2)
    am_sb_state_set_tag (call->state, call->account->account_id, snapshot->snapshot_id,
                         tags->pdata[i], tags->pdata[i + 1]);
  call->mutated = TRUE;
  _am_sb_xml_snapshot_fields (call, snapshot);
  return TRUE;
}

AmSbImage *
_am_sb_image_using_snapshot (GHashTable      *images,
                             const char      *snapshot_id,
                             const AmSbImage *except)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, images);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      AmSbImage *image = value;

      for (guint i = 0; image != except && i < image->block_devices->len; i++)
        if (g_strcmp0 (((AmSbBlockDevice *) image->block_devices->pdata[i])->snapshot_id, snapshot_id) == 0)
          return image;
    }
  return NULL;
}

static gboolean
op_delete_snapshot (AmSbCall *call)
{
  const char *snapshot_id;
  AmSbSnapshot *snapshot;
  AmSbImage *user;

  if (!_am_sb_require (call, "SnapshotId", &snapshot_id))
    return FALSE;
  snapshot = g_hash_table_lookup (call->state->snapshots, snapshot_id);
  if (snapshot == NULL || snapshot->region != g_intern_string (call->region)
      || strcmp (snapshot->owner_id, call->account->account_id) != 0)
    return _am_sb_fail (call, 400, "InvalidSnapshot.NotFound", "The snapshot '%s' does not exist.", snapshot_id);
  user = _am_sb_image_using_snapshot (call->state->images, snapshot_id, NULL);
  if (user != NULL)
    return _am_sb_fail (call, 400, "InvalidSnapshot.InUse",
                        "The snapshot %s is currently in use by %s; deregister the image first.",
                        snapshot_id, user->image_id);
  user = _am_sb_image_using_snapshot (call->state->recycle_bin, snapshot_id, NULL);
  if (user != NULL)
    {
      g_autofree char *until = am_sb_format_time (user->recycle_exit_time);

      return _am_sb_fail (call, 400, "InvalidSnapshot.InUse",
                          "The snapshot %s is in use by %s, which is in the Recycle Bin until %s; "
                          "restore and deregister it with its snapshots, or wait.",
                          snapshot_id, user->image_id, until);
    }
  if (_am_sb_dry_run (call))
    return FALSE;
  _am_sb_delete_snapshot (call, snapshot);
  return _am_sb_changed (call);
}

/* DescribeLaunchTemplateVersions: sandbox templates have one version, 1, default and latest. */

static gboolean
version_matches (AmSbCall   *call,
                 GPtrArray  *versions)
{
  for (guint i = 0; i < versions->len; i++)
    {
      const char *v = versions->pdata[i];

      if (strcmp (v, "1") == 0 || strcmp (v, "$Latest") == 0 || strcmp (v, "$Default") == 0)
        continue;
      return _am_sb_fail (call, 400, "InvalidLaunchTemplateId.VersionNotFound",
                          "Could not find launch template version %s (sandbox templates have version 1 "
                          "only).", v);
    }
  return TRUE;
}

static void
xml_template_version (AmSbCall           *call,
                      AmSbLaunchTemplate *lt,
                      gboolean            resolve_alias)
{
  GString *s = call->body;
  const AmSbAccount *owner = am_sb_account_by_id (lt->owner_id);
  g_autofree char *by = g_strdup_printf ("arn:aws:iam::%s:user/%s", lt->owner_id, owner ? owner->name : "user");
  const char *image_id = g_hash_table_lookup (lt->data, "ImageId");
  g_autoptr (GPtrArray) groups = g_ptr_array_new ();

  for (guint n = 1; n < 100; n++)
    {
      g_autofree char *key = g_strdup_printf ("SecurityGroupId.%u", n);
      const char *group = g_hash_table_lookup (lt->data, key);

      if (group != NULL)
        g_ptr_array_add (groups, (gpointer) group);
    }
  if (resolve_alias && image_id != NULL && g_str_has_prefix (image_id, "resolve:ssm:"))
    image_id = template_image (call, lt);
  g_string_append (s, "<item>");
  _am_sb_xml_text (s, "launchTemplateId", lt->launch_template_id);
  _am_sb_xml_text (s, "launchTemplateName", lt->name);
  _am_sb_xml_int (s, "versionNumber", 1);
  _am_sb_xml_text (s, "versionDescription", lt->version_description);
  _am_sb_xml_time (s, "createTime", lt->create_time);
  _am_sb_xml_text (s, "createdBy", by);
  _am_sb_xml_bool (s, "defaultVersion", TRUE);
  g_string_append (s, "<launchTemplateData>");
  _am_sb_xml_text (s, "imageId", image_id);
  _am_sb_xml_text (s, "instanceType", g_hash_table_lookup (lt->data, "InstanceType"));
  _am_sb_xml_text (s, "keyName", g_hash_table_lookup (lt->data, "KeyName"));
  if (groups->len > 0)
    {
      g_string_append (s, "<securityGroupIdSet>");
      for (guint i = 0; i < groups->len; i++)
        _am_sb_xml_text (s, "item", groups->pdata[i]);
      g_string_append (s, "</securityGroupIdSet>");
    }
  g_string_append (s, "</launchTemplateData></item>");
}

static gboolean
op_describe_launch_template_versions (AmSbCall *call)
{
  const char *id = _am_sb_param (call, "LaunchTemplateId");
  const char *name = _am_sb_param (call, "LaunchTemplateName");
  const char *min = _am_sb_param (call, "MinVersion");
  const char *max = _am_sb_param (call, "MaxVersion");
  g_autoptr (GPtrArray) versions = _am_sb_param_list (call, "LaunchTemplateVersion");
  g_autoptr (GPtrArray) filters = NULL;
  g_autoptr (GPtrArray) templates = NULL;
  g_autoptr (GPtrArray) listed = g_ptr_array_new ();
  gboolean resolve_alias;
  guint offset, limit, end;
  gint64 lo, hi;

  if (!_am_sb_parse_filters (call, &filters) || !_am_sb_paginate (call, 1, 200, &offset, &limit)
      || !_am_sb_param_bool (call, "ResolveAlias", FALSE, &resolve_alias)
      || !_am_sb_param_int (call, "MinVersion", 1, G_MAXINT, 1, &lo)
      || !_am_sb_param_int (call, "MaxVersion", 1, G_MAXINT, G_MAXINT, &hi)
      || !version_matches (call, versions))
    return FALSE;
  if (id != NULL && name != NULL)
    return _am_sb_fail (call, 400, "InvalidParameterCombination",
                        "Specify either LaunchTemplateId or LaunchTemplateName, not both.");
  if (id == NULL && name == NULL && (min != NULL || max != NULL))
    return _am_sb_fail (call, 400, "InvalidParameterCombination",
                        "MinVersion and MaxVersion need a launch template.");
  for (guint i = 0; id == NULL && name == NULL && i < versions->len; i++)
    if (((char *) versions->pdata[i])[0] != '$')
      return _am_sb_fail (call, 400, "InvalidParameterCombination",
                            "Without a launch template, only the versions $Latest and $Default can be "
                            "described.");
  for (guint i = 0; i < filters->len; i++)
    if (strcmp (((AmSbFilter *) filters->pdata[i])->name, "image-id") != 0)
      return _am_sb_fail (call, 400, "InvalidParameterValue", "The filter '%s' is invalid",
                          ((AmSbFilter *) filters->pdata[i])->name);

  templates = _am_sb_own_sorted (call, call->state->launch_templates);
  for (guint i = 0; i < templates->len; i++)
    {
      AmSbLaunchTemplate *lt = templates->pdata[i];
      gboolean ok = (id == NULL || strcmp (lt->launch_template_id, id) == 0)
                    && (name == NULL || strcmp (lt->name, name) == 0) && lo <= 1 && hi >= 1;

      for (guint f = 0; f < filters->len && ok; f++)
        ok = am_sb_filter_values_match (((AmSbFilter *) filters->pdata[f])->values,
                                        g_hash_table_lookup (lt->data, "ImageId"));
      if (ok)
        g_ptr_array_add (listed, lt);
    }
  if (listed->len == 0 && id != NULL && filters->len == 0)
    return _am_sb_fail (call, 400, "InvalidLaunchTemplateId.NotFound",
                        "The specified launch template, with template ID %s, does not exist.", id);
  if (listed->len == 0 && name != NULL && filters->len == 0)
    return _am_sb_fail (call, 400, "InvalidLaunchTemplateName.NotFoundException",
                        "The specified launch template, with template name %s, does not exist.", name);
  if (_am_sb_dry_run (call))
    return FALSE;

  end = MIN (listed->len, offset + MIN (limit, listed->len));
  g_string_append (call->body, "<launchTemplateVersionSet>");
  for (guint i = offset; i < end; i++)
    xml_template_version (call, listed->pdata[i], resolve_alias);
  g_string_append (call->body, "</launchTemplateVersionSet>");
  if (end < listed->len)
    _am_sb_next_token (call, end);
  return TRUE;
}

/* Dispatch and parameter names */

static const char *const image_id_only[] = { "ImageId", NULL };
static const char *const describe_image_references[] = {
  "ImageId.N", "IncludeAllResourceTypes", "ResourceType.N.ResourceType",
  "ResourceType.N.ResourceTypeOption.N.OptionName", "ResourceType.N.ResourceTypeOption.N.OptionValue.N",
  AM_SB_PAGES, NULL
};
static const char *const describe_instance_image_metadata[] = { "InstanceId.N", AM_SB_FILTERS, AM_SB_PAGES, NULL };
static const char *const list_images_in_recycle_bin[] = { "ImageId.N", AM_SB_PAGES, NULL };
static const char *const create_snapshot[] = {
  "VolumeId", "Description", "OutpostArn", "Location", AM_SB_TAG_SPECS, NULL
};
static const char *const delete_snapshot[] = { "SnapshotId", NULL };
static const char *const describe_launch_template_versions[] = {
  "LaunchTemplateId", "LaunchTemplateName", "LaunchTemplateVersion.N", "MinVersion", "MaxVersion",
  "ResolveAlias", "IncludeManagedResources", AM_SB_FILTERS, AM_SB_PAGES, NULL
};

const AmSbAction _am_sb_lifecycle_actions[] = {
  { "DescribeImageReferences", op_describe_image_references, describe_image_references },
  { "DescribeInstanceImageMetadata", op_describe_instance_image_metadata, describe_instance_image_metadata },
  { "DisableImage", op_disable_image, image_id_only },
  { "EnableImage", op_enable_image, image_id_only },
  { "ListImagesInRecycleBin", op_list_images_in_recycle_bin, list_images_in_recycle_bin },
  { "RestoreImageFromRecycleBin", op_restore_image_from_recycle_bin, image_id_only },
  { "CreateSnapshot", op_create_snapshot, create_snapshot },
  { "DeleteSnapshot", op_delete_snapshot, delete_snapshot },
  { "DescribeLaunchTemplateVersions", op_describe_launch_template_versions, describe_launch_template_versions },
  { NULL }
};
