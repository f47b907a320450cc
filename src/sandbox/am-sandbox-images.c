/* am-sandbox-images.c: the sandbox's AMI operations (DescribeImages, CreateImage, CopyImage, …)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <string.h>

#include "am-sandbox-catalog.h"
#include "am-sandbox-private.h"

/* Helpers shared with the other operation files */

static gboolean
is_hex_id (const char *id,
           const char *prefix)
{
  gsize plen = strlen (prefix);
  gsize len;

  if (id == NULL || strncmp (id, prefix, plen) != 0 || id[plen] != '-')
    return FALSE;
  id += plen + 1;
  len = strlen (id);
  if (len != 8 && len != 17)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isxdigit (id[i]) || g_ascii_isupper (id[i]))
      return FALSE;
  return TRUE;
}

gboolean
_am_sb_check_image_id (AmSbCall   *call,
                       const char *image_id)
{
  if (!is_hex_id (image_id, "ami"))
    return _am_sb_fail (call, 400, "InvalidAMIID.Malformed",
                        "Invalid id: \"%s\" (expecting \"ami-...\" followed by 8 or 17 lower-case hex digits)",
                        image_id);
  return TRUE;
}

gboolean
_am_sb_image_visible (AmSbCall        *call,
                      const AmSbImage *image)
{
  return am_sb_image_can_launch (image, call->account);
}

AmSbImage *
_am_sb_visible_image (AmSbCall   *call,
                      const char *image_id)
{
  AmSbImage *image;

  if (!_am_sb_check_image_id (call, image_id))
    return NULL;
  image = am_sb_state_find_image (call->state, call->region, image_id);
  if (image == NULL || !_am_sb_image_visible (call, image))
    {
      _am_sb_fail (call, 400, "InvalidAMIID.NotFound",
                   "The image id '[%s]' does not exist in %s", image_id, call->region);
      return NULL;
    }
  return image;
}

AmSbImage *
_am_sb_owned_image (AmSbCall   *call,
                    const char *image_id)
{
  AmSbImage *image = _am_sb_visible_image (call, image_id);

  if (image == NULL)
    return NULL;
  if (strcmp (image->owner_id, call->account->account_id) != 0)
    {
      _am_sb_fail (call, 403, "UnauthorizedOperation",
                   "You are not authorized to perform this operation: image %s is owned by "
                   "account %s, not by %s.", image_id, image->owner_id, call->account->account_id);
      return NULL;
    }
  return image;
}

AmSbImage *
_am_sb_image_to_change (AmSbCall *call)
{
  const char *image_id;
  AmSbImage *image;

  if (!_am_sb_require (call, "ImageId", &image_id))
    return NULL;
  image = _am_sb_owned_image (call, image_id);
  if (image == NULL || _am_sb_dry_run (call))
    return NULL;
  return image;
}

AmSbImage *
_am_sb_resolve_ssm (AmSbCall   *call,
                    const char *parameter)
{
  GPtrArray *catalog = am_sb_state_get_catalog (call->state, call->region);

  for (guint i = 0; i < catalog->len; i++)
    {
      AmSbImage *image = catalog->pdata[i];

      if (g_strcmp0 (image->ssm_parameter, parameter) == 0)
        return image;
    }
  return NULL;
}

static gboolean
check_image_name (AmSbCall   *call,
                  const char *name)
{
  gsize len = strlen (name);

  if (len < 3 || len > 128)
    return _am_sb_fail (call, 400, "InvalidAMIName.Malformed",
                        "AMI names must be between 3 and 128 characters long, and may contain "
                        "letters, numbers, '(', ')', '.', '-', '/' and '_'.");
  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr ("()./-_ [],@'", *p) == NULL)
      return _am_sb_fail (call, 400, "InvalidAMIName.Malformed",
                          "AMI names must be between 3 and 128 characters long, and may contain "
                          "letters, numbers, '(', ')', '.', '-', '/' and '_'.");
  return TRUE;
}

static gboolean
check_name_unique (AmSbCall   *call,
                   const char *name)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, call->state->images);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      AmSbImage *image = value;

      if (image->owner_id == g_intern_string (call->account->account_id)
          && image->region == g_intern_string (call->region) && strcmp (image->name, name) == 0)
        return _am_sb_fail (call, 400, "InvalidAMIName.Duplicate",
                            "AMI name %s is already in use by AMI %s", name, image->image_id);
    }
  return TRUE;
}

/* CreateImage and CopyImage: a unique name, room for an image and its @n_snapshots; FALSE too
 * on a dry run (the call is then answered). */
static gboolean
check_new_image (AmSbCall   *call,
                 const char *name,
                 guint       n_snapshots)
{
  return check_name_unique (call, name) && _am_sb_check_quota (call, AM_SB_QUOTA_IMAGES, 1)
         && _am_sb_check_quota (call, AM_SB_QUOTA_SNAPSHOTS, n_snapshots) && !_am_sb_dry_run (call);
}

/* DescribeImages */

typedef struct
{
  AmSbCall  *call;
  GPtrArray *owners;
  GPtrArray *executable_by;
  GPtrArray *filters;
  gboolean   include_deprecated;
  gboolean   needs_tags;
  gboolean   include_disabled;
} ImageQuery;

static gboolean
owner_matches (ImageQuery      *q,
               const AmSbImage *image)
{
  if (q->owners->len == 0)
    return TRUE;
  for (guint i = 0; i < q->owners->len; i++)
    {
      const char *owner = q->owners->pdata[i];

      if (strcmp (owner, "self") == 0)
        {
          if (strcmp (image->owner_id, q->call->account->account_id) == 0)
            return TRUE;
        }
      else if (g_ascii_isdigit (owner[0]))
        {
          if (strcmp (image->owner_id, owner) == 0)
            return TRUE;
        }
      else if (g_strcmp0 (image->owner_alias, owner) == 0)
        return TRUE;
    }
  return FALSE;
}

/* ExecutableBy: images @account_id may launch through an explicit permission (account, its
 * organization or OU), plus its own; the same permissions decide whether an image is visible. */
static gboolean
executable_by_account (const AmSbImage *image,
                       const char      *account_id)
{
  const AmSbAccount *account = am_sb_account_by_id (account_id);

  if (account == NULL)
    {
      for (guint i = 0; i < image->launch_permissions->len; i++)
        {
          AmSbLaunchPermission *perm = image->launch_permissions->pdata[i];

          if (perm->kind == AM_SB_PERM_USER && strcmp (perm->value, account_id) == 0)
            return TRUE;
        }
      return FALSE;
    }
  return strcmp (image->owner_id, account_id) == 0 || am_sb_image_shared_with (image, account);
}

static gboolean
executable_matches (ImageQuery      *q,
                    const AmSbImage *image)
{
  const char *me = q->call->account->account_id;

  if (q->executable_by->len == 0)
    return TRUE;
  for (guint i = 0; i < q->executable_by->len; i++)
    {
      const char *who = q->executable_by->pdata[i];

      if (strcmp (who, "all") == 0)
        {
          if (am_sb_image_is_public (image))
            return TRUE;
        }
      else if (executable_by_account (image, strcmp (who, "self") == 0 ? me : who))
        return TRUE;
    }
  return FALSE;
}

static GPtrArray *
image_tags (ImageQuery      *q,
            const AmSbImage *image)
{
  return am_sb_state_get_tags (q->call->state, q->call->account->account_id, image->image_id);
}

static gboolean
query_matches (ImageQuery      *q,
               const AmSbImage *image,
               gboolean         explicit_id)
{
  /* The owner first: a string compare that rules out most of a big catalogue for the
   * owner-scoped queries (a family, an account's own images), where visibility looks
   * through launch permissions. Every test here is pure, so the order changes no answer. */
  if (!owner_matches (q, image))
    return FALSE;
  if (!_am_sb_image_visible (q->call, image) || (image->disabled && !q->include_disabled))
    return FALSE;
  if (!explicit_id && _am_sb_image_hidden_by_settings (q->call, image))
    return FALSE;
  if (!explicit_id && !q->include_deprecated && am_sb_image_is_deprecated (image, q->call->now_ms)
      && strcmp (image->owner_id, q->call->account->account_id) != 0)
    return FALSE;
  if (!executable_matches (q, image))
    return FALSE;
  if (q->filters->len > 0
      && !am_sb_image_matches (image, q->needs_tags ? image_tags (q, image) : NULL, q->filters,
                               q->call->now_ms))
    return FALSE;
  return TRUE;
}

static int
compare_image_ptrs (gconstpointer a,
                    gconstpointer b)
{
  return strcmp ((*(AmSbImage * const *) a)->image_id, (*(AmSbImage * const *) b)->image_id);
}

/* First index in @images (sorted by id) whose id is greater than @after. */
static guint
first_after (GPtrArray  *images,
             const char *after)
{
  guint lo = 0;
  guint hi = images->len;

  if (after == NULL)
    return 0;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (strcmp (((AmSbImage *) images->pdata[mid])->image_id, after) <= 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
op_describe_images (AmSbCall *call)
{
  g_autoptr (GPtrArray) ids = _am_sb_param_list (call, "ImageId");
  g_autoptr (GPtrArray) owners = _am_sb_param_list (call, "Owner");
  g_autoptr (GPtrArray) executable_by = _am_sb_param_list (call, "ExecutableBy");
  g_autoptr (GPtrArray) filters = NULL;
  g_autoptr (GPtrArray) stored = NULL;
  g_autofree char *after = NULL;
  GPtrArray *catalog;
  ImageQuery q = { call, owners, executable_by, NULL, FALSE, FALSE };
  const char *token = _am_sb_param (call, "NextToken");
  gint64 max_results = 0;
  guint ci, si, count = 0;
  GHashTableIter iter;
  gpointer value;

  if (!_am_sb_parse_filters (call, &filters))
    return FALSE;
  q.filters = filters;
  for (guint i = 0; i < filters->len; i++)
    {
      AmSbFilter *f = filters->pdata[i];

      if (!am_sb_image_filter_is_known (f->name))
        return _am_sb_fail (call, 400, "InvalidParameterValue",
                            "The filter '%s' is invalid", f->name);
      if (g_str_has_prefix (f->name, "tag"))
        q.needs_tags = TRUE;
    }
  for (guint i = 0; i < owners->len; i++)
    {
      const char *o = owners->pdata[i];

      if (strcmp (o, "self") != 0 && strcmp (o, "amazon") != 0 && strcmp (o, "aws-marketplace") != 0
          && strcmp (o, "aws-backup-vault") != 0 && strcmp (o, "microsoft") != 0
          && !(strlen (o) == 12 && strspn (o, "0123456789") == 12))
        return _am_sb_fail (call, 400, "InvalidUserID.Malformed",
                            "Invalid owner '%s': use self, amazon, aws-marketplace or a 12-digit account id.", o);
    }
  for (guint i = 0; i < executable_by->len; i++)
    {
      const char *e = executable_by->pdata[i];

      if (strcmp (e, "self") != 0 && strcmp (e, "all") != 0
          && !(strlen (e) == 12 && strspn (e, "0123456789") == 12))
        return _am_sb_fail (call, 400, "InvalidUserID.Malformed",
                            "Invalid ExecutableBy '%s': use self, all or a 12-digit account id.", e);
    }
  for (guint i = 0; i < ids->len; i++)
    if (!_am_sb_check_image_id (call, ids->pdata[i]))
      return FALSE;
  if (!_am_sb_param_bool (call, "IncludeDeprecated", FALSE, &q.include_deprecated)
      || !_am_sb_param_bool (call, "IncludeDisabled", FALSE, &q.include_disabled))
    return FALSE;
  if (_am_sb_param (call, "MaxResults") != NULL && ids->len > 0)
    return _am_sb_fail (call, 400, "InvalidParameterCombination",
                        "The parameter ImageIds cannot be used with the parameter MaxResults");
  if (!_am_sb_param_int (call, "MaxResults", 5, 1000, 0, &max_results))
    return FALSE;
  if (token != NULL && *token != '\0')
    {
      gsize len = 0;
      g_autofree guchar *raw = strlen (token) < 512 ? g_base64_decode (token, &len) : NULL;
      g_autofree char *text = raw ? g_strndup ((const char *) raw, len) : NULL;

      if (text == NULL || !g_str_has_prefix (text, "images:") || strlen (text) > 64)
        return _am_sb_fail (call, 400, "InvalidParameterValue",
                            "The NextToken is invalid; pass the token of the previous page unchanged.");
      after = g_strdup (text + 7);
    }
  if (_am_sb_dry_run (call))
    return FALSE;

  g_string_append (call->body, "<imagesSet>");
  if (ids->len > 0)
    {
      g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < ids->len; i++)
        {
          AmSbImage *image = am_sb_state_find_image (call->state, call->region, ids->pdata[i]);

          if (image == NULL || !_am_sb_image_visible (call, image))
            return _am_sb_fail (call, 400, "InvalidAMIID.NotFound",
                                "The image id '[%s]' does not exist", (char *) ids->pdata[i]);
          if (g_hash_table_contains (seen, image->image_id))
            continue;
          g_hash_table_add (seen, image->image_id);
          if (query_matches (&q, image, TRUE))
            _am_sb_xml_image (call, call->body, image);
        }
      g_string_append (call->body, "</imagesSet>");
      return TRUE;
    }

  /* Stable order: the public catalog and the stored images, merged by image id. */
  catalog = am_sb_state_get_catalog (call->state, call->region);
  stored = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, call->state->images);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((AmSbImage *) value)->region == g_intern_string (call->region))
      g_ptr_array_add (stored, value);
  g_ptr_array_sort (stored, compare_image_ptrs);

  ci = first_after (catalog, after);
  si = first_after (stored, after);
  while (ci < catalog->len || si < stored->len)
    {
      AmSbImage *image;

      if (si >= stored->len
          || (ci < catalog->len
              && strcmp (((AmSbImage *) catalog->pdata[ci])->image_id,
                         ((AmSbImage *) stored->pdata[si])->image_id) < 0))
        image = catalog->pdata[ci++];
      else
        image = stored->pdata[si++];
      if (!query_matches (&q, image, FALSE))
        continue;
      if (max_results > 0 && count == (guint) max_results)
        {
          /* There is more: the token resumes after the last image sent. */
          g_autofree char *text = g_strconcat ("images:", after, NULL);
          g_autofree char *next = g_base64_encode ((const guchar *) text, strlen (text));

          g_string_append (call->body, "</imagesSet>");
          _am_sb_xml_text (call->body, "nextToken", next);
          return TRUE;
        }
      _am_sb_xml_image (call, call->body, image);
      g_free (after);
      after = g_strdup (image->image_id);
      count++;
    }
  g_string_append (call->body, "</imagesSet>");
  return TRUE;
}

/* CreateImage */

static AmSbInstance *
owned_instance (AmSbCall   *call,
                const char *instance_id)
{
  AmSbInstance *instance;

  if (!is_hex_id (instance_id, "i"))
    {
      _am_sb_fail (call, 400, "InvalidInstanceID.Malformed", "Invalid id: \"%s\"", instance_id);
      return NULL;
    }
  instance = g_hash_table_lookup (call->state->instances, instance_id);
  if (instance == NULL || strcmp (instance->owner_id, call->account->account_id) != 0
      || instance->region != g_intern_string (call->region))
    {
      _am_sb_fail (call, 400, "InvalidInstanceID.NotFound",
                   "The instance ID '%s' does not exist", instance_id);
      return NULL;
    }
  return instance;
}

AmSbSnapshot *
_am_sb_new_snapshot (AmSbCall   *call,
                     const char *volume_id,
                     gint        size,
                     const char *description,
                     gboolean    encrypted)
{
  AmSbSnapshot *snapshot = g_new0 (AmSbSnapshot, 1);

  snapshot->snapshot_id = am_sb_state_new_id (call->state, "snap", call->state->snapshots);
  snapshot->region = g_intern_string (call->region);
  snapshot->owner_id = g_intern_string (call->account->account_id);
  snapshot->volume_id = g_strdup (volume_id);
  snapshot->volume_size = size;
  snapshot->description = g_strdup (description);
  snapshot->start_time = call->now_ms;
  snapshot->completed_time = call->now_ms + call->state->transition_ms;
  snapshot->encrypted = encrypted;
  g_hash_table_replace (call->state->snapshots, snapshot->snapshot_id, snapshot);
  return snapshot;
}

static gboolean
op_create_image (AmSbCall *call)
{
  const char *instance_id, *name;
  const char *description = _am_sb_param (call, "Description");
  AmSbInstance *instance;
  AmSbImage *source;
  AmSbImage *image;
  g_autoptr (GPtrArray) image_tags = _am_sb_tag_specs (call, "image");
  g_autoptr (GPtrArray) snapshot_tags = _am_sb_tag_specs (call, "snapshot");
  g_autoptr (GArray) overrides = g_array_new (FALSE, FALSE, sizeof (AmSbVolumeOverride));
  const char *state;
  gboolean no_reboot;

  if (!_am_sb_require (call, "InstanceId", &instance_id) || !_am_sb_require (call, "Name", &name))
    return FALSE;
  if (!_am_sb_param_bool (call, "NoReboot", FALSE, &no_reboot))
    return FALSE;
  if (!check_image_name (call, name) || !_am_sb_check_tag_pairs (call, image_tags)
      || !_am_sb_check_tag_pairs (call, snapshot_tags))
    return FALSE;
  if (description != NULL && strlen (description) > 255)
    return _am_sb_fail (call, 400, "InvalidParameterValue", "The description may be at most 255 characters.");
  instance = owned_instance (call, instance_id);
  if (instance == NULL || !_am_sb_parse_volume_overrides (call, overrides))
    return FALSE;
  if (g_strcmp0 (instance->root_device_type, "instance-store") == 0)
    return _am_sb_fail (call, 400, "UnsupportedOperation",
                        "The instance '%s' is instance-store backed; CreateImage works only for EBS-backed "
                        "instances. Bundle the instance, upload the bundle to S3 and call RegisterImage "
                        "with the manifest's ImageLocation instead.", instance_id);
  for (guint i = 0; i < instance->volumes->len; i++)
    {
      AmSbVolume *volume = instance->volumes->pdata[i];
      AmSbVolumeOverride *o = _am_sb_find_volume_override (overrides, volume->device_name);

      if (o != NULL && o->size > 0 && o->size < volume->volume_size)
        return _am_sb_fail (call, 400, "InvalidBlockDeviceMapping",
                            "The size of %s (%" G_GINT64_FORMAT " GiB) cannot be smaller than the volume "
                            "%s (%d GiB).", o->device, o->size, volume->volume_id, volume->volume_size);
      if (o != NULL && o->no_device && g_strcmp0 (volume->device_name, instance->root_device_name) == 0)
        return _am_sb_fail (call, 400, "InvalidBlockDeviceMapping",
                            "The root volume %s cannot be left out of the image.", volume->device_name);
    }
  state = am_sb_instance_state (instance, call->state->transition_ms, call->now_ms, NULL);
  if (strcmp (state, "running") != 0 && strcmp (state, "stopped") != 0)
    return _am_sb_fail (call, 400, "IncorrectInstanceState",
                        "The instance '%s' is not in a state from which it can be imaged (it is %s); "
                        "wait until it is running or stopped.", instance_id, state);
  {
    guint n_snapshots = 0;

    for (guint i = 0; i < instance->volumes->len; i++)
      {
        AmSbVolumeOverride *o = _am_sb_find_volume_override (overrides,
                                                             ((AmSbVolume *) instance->volumes->pdata[i])->device_name);

        if (o == NULL || !o->no_device)
          n_snapshots++;
      }
    if (!check_new_image (call, name, n_snapshots))
      return FALSE;
  }

  source = am_sb_state_find_image (call->state, call->region, instance->image_id);
  image = g_new0 (AmSbImage, 1);
  image->image_id = am_sb_state_new_id (call->state, "ami", call->state->images);
  image->region = g_intern_string (call->region);
  image->owner_id = g_intern_string (call->account->account_id);
  image->name = g_strdup (name);
  image->description = g_strdup (description);
  image->image_location = g_strdup_printf ("%s/%s", call->account->account_id, name);
  image->architecture = instance->architecture;
  image->platform = instance->platform;
  image->platform_details = instance->platform_details ? instance->platform_details
                                                      : g_intern_static_string ("Linux/UNIX");
  image->usage_operation = source ? source->usage_operation : g_intern_static_string ("RunInstances");
  image->image_type = g_intern_static_string ("machine");
  image->root_device_type = g_intern_static_string ("ebs");
  image->root_device_name = instance->root_device_name ? instance->root_device_name
                                                      : g_intern_static_string ("/dev/xvda");
  image->virtualization_type = g_intern_static_string ("hvm");
  image->hypervisor = g_intern_static_string ("xen");
  image->boot_mode = instance->boot_mode;
  image->imds_support = source ? source->imds_support : NULL;
  image->tpm_support = source ? source->tpm_support : NULL;
  image->sriov_net_support = g_intern_static_string ("simple");
  image->ena_support = TRUE;
  image->creation_time = call->now_ms;
  /* Snapshotting takes a while: the image stays pending for a few transitions. */
  image->available_time = call->now_ms + 3 * (gint64) call->state->transition_ms;
  image->source_instance_id = g_strdup (instance_id);
  image->source_image_id = g_strdup (instance->image_id);
  image->source_image_region = g_strdup (instance->region);
  image->stored = TRUE;
  image->block_devices = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_block_device_free);
  image->launch_permissions = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_launch_permission_free);
  if (source != NULL && source->product_codes != NULL)
    {
      AmSbImage *tmp = am_sb_image_copy (source);

      image->product_codes = g_steal_pointer (&tmp->product_codes);
      am_sb_image_free (tmp);
    }
  for (guint i = 0; i < instance->volumes->len; i++)
    {
      AmSbVolume *volume = instance->volumes->pdata[i];
      AmSbVolumeOverride *o = _am_sb_find_volume_override (overrides, volume->device_name);
      g_autofree char *snap_description = NULL;
      AmSbSnapshot *snapshot;
      AmSbBlockDevice *bd;

      /* NoDevice leaves a volume out of the image. */
      if (o != NULL && o->no_device)
        continue;
      snap_description = g_strdup_printf ("Created by CreateImage(%s) for %s", instance_id, image->image_id);
      snapshot = _am_sb_new_snapshot (call, volume->volume_id, volume->volume_size, snap_description, FALSE);
      snapshot->completed_time = image->available_time;
      bd = am_sb_block_device_new ();
      bd->device_name = g_strdup (volume->device_name);
      bd->has_ebs = TRUE;
      bd->snapshot_id = g_strdup (snapshot->snapshot_id);
      bd->volume_size = o && o->size ? o->size : volume->volume_size;
      bd->volume_type = g_strdup (o && o->type ? o->type : volume->volume_type ? volume->volume_type : "gp3");
      bd->delete_on_termination = o && o->delete_on_termination >= 0 ? o->delete_on_termination
                                                                     : volume->delete_on_termination;
      if (g_strcmp0 (bd->volume_type, "gp3") == 0)
        {
          bd->iops = 3000;
          bd->throughput = 125;
        }
      g_ptr_array_add (image->block_devices, bd);
      _am_sb_apply_tag_pairs (call, snapshot->snapshot_id, snapshot_tags);
    }
  /* New empty volumes for instances launched from the image. */
  for (guint i = 0; i < overrides->len; i++)
    {
      AmSbVolumeOverride *o = &g_array_index (overrides, AmSbVolumeOverride, i);
      gboolean on_instance = FALSE;
      AmSbBlockDevice *bd;

      for (guint j = 0; j < instance->volumes->len && !on_instance; j++)
        on_instance = strcmp (((AmSbVolume *) instance->volumes->pdata[j])->device_name, o->device) == 0;
      if (on_instance || o->no_device || o->size == 0)
        continue;
      bd = am_sb_block_device_new ();
      bd->device_name = g_strdup (o->device);
      bd->has_ebs = TRUE;
      bd->volume_size = o->size;
      bd->volume_type = g_strdup (o->type ? o->type : "gp3");
      bd->delete_on_termination = o->delete_on_termination != 0;
      g_ptr_array_add (image->block_devices, bd);
    }
  g_hash_table_replace (call->state->images, image->image_id, image);
  _am_sb_apply_tag_pairs (call, image->image_id, image_tags);
  if (!no_reboot && strcmp (state, "running") == 0)
    {
      g_free (instance->state_reason);
      instance->state_reason = g_strdup ("rebooted by CreateImage");
    }
  call->mutated = TRUE;
  _am_sb_xml_text (call->body, "imageId", image->image_id);
  return TRUE;
}

/* RegisterImage */

static gboolean
op_register_image (AmSbCall *call)
{
  const char *name;
  const char *root_device = _am_sb_param (call, "RootDeviceName");
  const char *location = _am_sb_param (call, "ImageLocation");
  const char *arch = _am_sb_param (call, "Architecture");
  const char *virt = _am_sb_param (call, "VirtualizationType");
  const char *boot_mode = _am_sb_param (call, "BootMode");
  const char *imds = _am_sb_param (call, "ImdsSupport");
  const char *tpm = _am_sb_param (call, "TpmSupport");
  g_autoptr (GArray) bdm = _am_sb_param_indices (call, "BlockDeviceMapping");
  g_autoptr (GPtrArray) devices = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_block_device_free);
  g_autoptr (GPtrArray) tags = _am_sb_tag_specs (call, "image");
  gboolean ena = TRUE;
  gboolean root_found = FALSE;
  AmSbImage *image;

  if (!_am_sb_require (call, "Name", &name) || !check_image_name (call, name)
      || !_am_sb_check_tag_pairs (call, tags))
    return FALSE;
  if (!_am_sb_param_bool (call, "EnaSupport", TRUE, &ena))
    return FALSE;
  if (arch == NULL)
    arch = "x86_64";
  if (strcmp (arch, "x86_64") != 0 && strcmp (arch, "arm64") != 0 && strcmp (arch, "i386") != 0)
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "Value (%s) for parameter architecture is invalid. Use x86_64, arm64 or i386.", arch);
  if (virt == NULL)
    virt = "hvm";
  if (strcmp (virt, "hvm") != 0 && strcmp (virt, "paravirtual") != 0)
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "Value (%s) for parameter virtualizationType is invalid.", virt);
  if (boot_mode != NULL && strcmp (boot_mode, "legacy-bios") != 0 && strcmp (boot_mode, "uefi") != 0
      && strcmp (boot_mode, "uefi-preferred") != 0)
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "Value (%s) for parameter BootMode is invalid.", boot_mode);
  if (imds != NULL && strcmp (imds, "v2.0") != 0)
    return _am_sb_fail (call, 400, "InvalidParameterValue", "ImdsSupport can only be v2.0.");
  if (tpm != NULL && strcmp (tpm, "v2.0") != 0)
    return _am_sb_fail (call, 400, "InvalidParameterValue", "TpmSupport can only be v2.0.");
  if (bdm->len == 0 && location == NULL)
    return _am_sb_fail (call, 400, "MissingParameter",
                        "Give either BlockDeviceMapping (an EBS-backed image from a snapshot) or "
                        "ImageLocation (an instance-store image).");
  for (guint i = 0; i < bdm->len; i++)
    {
      guint n = g_array_index (bdm, guint, i);
      g_autofree char *p = g_strdup_printf ("BlockDeviceMapping.%u.", n);
      g_autofree char *k_dev = g_strconcat (p, "DeviceName", NULL);
      g_autofree char *k_virt = g_strconcat (p, "VirtualName", NULL);
      g_autofree char *k_nodev = g_strconcat (p, "NoDevice", NULL);
      g_autofree char *k_snap = g_strconcat (p, "Ebs.SnapshotId", NULL);
      g_autofree char *k_size = g_strconcat (p, "Ebs.VolumeSize", NULL);
      g_autofree char *k_type = g_strconcat (p, "Ebs.VolumeType", NULL);
      g_autofree char *k_dot = g_strconcat (p, "Ebs.DeleteOnTermination", NULL);
      g_autofree char *k_enc = g_strconcat (p, "Ebs.Encrypted", NULL);
      const char *device = _am_sb_param (call, k_dev);
      const char *snap_id = _am_sb_param (call, k_snap);
      AmSbBlockDevice *bd;
      gint64 size = 0;

      if (device == NULL)
        return _am_sb_fail (call, 400, "MissingParameter",
                            "The request must contain the parameter %s", k_dev);
      bd = am_sb_block_device_new ();
      g_ptr_array_add (devices, bd);
      bd->device_name = g_strdup (device);
      bd->virtual_name = g_strdup (_am_sb_param (call, k_virt));
      bd->no_device = _am_sb_param (call, k_nodev) != NULL;
      if (snap_id != NULL || _am_sb_param (call, k_size) != NULL)
        {
          AmSbSnapshot *snapshot = NULL;

          bd->has_ebs = TRUE;
          if (snap_id != NULL)
            {
              snapshot = g_hash_table_lookup (call->state->snapshots, snap_id);
              if (snapshot == NULL || snapshot->owner_id != g_intern_string (call->account->account_id)
                  || snapshot->region != g_intern_string (call->region))
                return _am_sb_fail (call, 400, "InvalidSnapshot.NotFound",
                                    "The snapshot '%s' does not exist.", snap_id);
              bd->snapshot_id = g_strdup (snap_id);
            }
          if (!_am_sb_param_int (call, k_size, 1, 16384, snapshot ? snapshot->volume_size : 8, &size))
            return FALSE;
          if (snapshot != NULL && size < snapshot->volume_size)
            return _am_sb_fail (call, 400, "InvalidBlockDeviceMapping",
                                "Volume of %" G_GINT64_FORMAT " GiB is smaller than snapshot '%s' (%d GiB).",
                                size, snap_id, snapshot->volume_size);
          bd->volume_size = size;
          bd->volume_type = g_strdup (_am_sb_param (call, k_type) ? _am_sb_param (call, k_type) : "gp2");
          if (!_am_sb_param_bool (call, k_dot, TRUE, &bd->delete_on_termination)
              || !_am_sb_param_bool (call, k_enc, snapshot ? snapshot->encrypted : FALSE, &bd->encrypted))
            return FALSE;
          if (strcmp (bd->volume_type, "gp3") == 0)
            {
              bd->iops = 3000;
              bd->throughput = 125;
            }
        }
      if (root_device != NULL && strcmp (device, root_device) == 0)
        root_found = bd->has_ebs;
    }
  if (bdm->len > 0)
    {
      if (root_device == NULL)
        root_device = ((AmSbBlockDevice *) devices->pdata[0])->device_name;
      else if (!root_found)
        return _am_sb_fail (call, 400, "InvalidBlockDeviceMapping",
                            "The root device %s needs an EBS mapping with a snapshot.", root_device);
    }
  if (!check_name_unique (call, name) || !_am_sb_check_quota (call, AM_SB_QUOTA_IMAGES, 1))
    return FALSE;
  if (_am_sb_dry_run (call))
    return FALSE;

  image = g_new0 (AmSbImage, 1);
  image->image_id = am_sb_state_new_id (call->state, "ami", call->state->images);
  image->region = g_intern_string (call->region);
  image->owner_id = g_intern_string (call->account->account_id);
  image->name = g_strdup (name);
  image->description = g_strdup (_am_sb_param (call, "Description"));
  image->image_location = g_strdup (location ? location : NULL);
  if (image->image_location == NULL)
    image->image_location = g_strdup_printf ("%s/%s", call->account->account_id, name);
  image->architecture = g_intern_string (arch);
  image->platform_details = g_intern_static_string ("Linux/UNIX");
  image->usage_operation = g_intern_static_string ("RunInstances");
  image->image_type = g_intern_static_string ("machine");
  image->root_device_type = g_intern_static_string (bdm->len > 0 ? "ebs" : "instance-store");
  image->root_device_name = g_intern_string (root_device ? root_device : "/dev/sda1");
  image->virtualization_type = g_intern_string (virt);
  image->hypervisor = g_intern_static_string ("xen");
  image->boot_mode = boot_mode ? g_intern_string (boot_mode) : NULL;
  image->imds_support = imds ? g_intern_static_string ("v2.0") : NULL;
  image->tpm_support = tpm ? g_intern_static_string ("v2.0") : NULL;
  image->sriov_net_support = _am_sb_param (call, "SriovNetSupport") ? g_intern_static_string ("simple") : NULL;
  image->ena_support = ena;
  image->creation_time = call->now_ms;
  image->available_time = call->now_ms + call->state->transition_ms;
  image->stored = TRUE;
  image->block_devices = g_steal_pointer (&devices);
  if (bdm->len == 0)
    {
      AmSbBlockDevice *bd = am_sb_block_device_new ();

      bd->device_name = g_strdup (image->root_device_name);
      bd->virtual_name = g_strdup ("ephemeral0");
      g_ptr_array_add (image->block_devices, bd);
    }
  image->launch_permissions = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_launch_permission_free);
  g_hash_table_replace (call->state->images, image->image_id, image);
  _am_sb_apply_tag_pairs (call, image->image_id, tags);
  call->mutated = TRUE;
  _am_sb_xml_text (call->body, "imageId", image->image_id);
  return TRUE;
}

/* DeregisterImage */

/* Used by another registered image, or by one waiting in the Recycle Bin (restoring it needs
 * its snapshots). */
static gboolean
snapshot_used_elsewhere (AmSbCall   *call,
                         const char *snapshot_id,
                         AmSbImage  *except)
{
  return _am_sb_image_using_snapshot (call->state->images, snapshot_id, except) != NULL
         || _am_sb_image_using_snapshot (call->state->recycle_bin, snapshot_id, NULL) != NULL;
}

void
_am_sb_delete_all_tags (AmSbCall   *call,
                        const char *resource_id)
{
  guint n_accounts;
  const AmSbAccount *accounts = am_sb_accounts (&n_accounts);

  for (guint i = 0; i < n_accounts; i++)
    {
      g_autofree char *key = g_strconcat (accounts[i].account_id, "/", resource_id, NULL);

      g_hash_table_remove (call->state->tags, key);
    }
}

static gboolean
op_deregister_image (AmSbCall *call)
{
  const char *image_id;
  AmSbImage *image;
  gboolean delete_snapshots;
  /* deleteSnapshotResultSet: snapshot id, then its returnCode, for each snapshot */
  g_autoptr (GPtrArray) results = g_ptr_array_new_with_free_func (g_free);

  if (!_am_sb_require (call, "ImageId", &image_id)
      || !_am_sb_param_bool (call, "DeleteAssociatedSnapshots", FALSE, &delete_snapshots))
    return FALSE;
  image = _am_sb_owned_image (call, image_id);
  if (image == NULL)
    return FALSE;
  if (image->deregistration_protection)
    return _am_sb_fail (call, 400, "OperationNotPermitted",
                        "Image %s has deregistration protection enabled; disable it with "
                        "DisableImageDeregistrationProtection first.", image_id);
  if (am_sb_image_is_protected (image, call->now_ms))
    {
      g_autofree char *until = am_sb_format_time (image->protection_until);

      return _am_sb_fail (call, 400, "OperationNotPermitted",
                          "Image %s was protected with a cooldown: it can be deregistered after %s.",
                          image_id, until);
    }
  if (_am_sb_dry_run (call))
    return FALSE;

  if (delete_snapshots)
    for (guint i = 0; i < image->block_devices->len; i++)
      {
        AmSbBlockDevice *bd = image->block_devices->pdata[i];
        AmSbSnapshot *snapshot = bd->snapshot_id
                                 ? g_hash_table_lookup (call->state->snapshots, bd->snapshot_id) : NULL;
        const char *code = "success";

        if (snapshot == NULL)
          continue;
        /* EC2 keeps a snapshot another image still uses ("skipped"), and one it may not
         * delete for the caller ("missing-permissions"); the image goes all the same. */
        if (snapshot_used_elsewhere (call, bd->snapshot_id, image))
          code = "skipped";
        else if (snapshot->owner_id != image->owner_id)
          code = "missing-permissions";
        g_ptr_array_add (results, g_strdup (bd->snapshot_id));
        g_ptr_array_add (results, g_strdup (code));
        if (!g_str_equal (code, "success"))
          continue;
        _am_sb_delete_snapshot (call, snapshot);
      }
  /* Under the account's retention rule the image waits in the Recycle Bin, tags and all. */
  if (!_am_sb_recycle_image (call, image))
    {
      _am_sb_delete_all_tags (call, image_id);
      g_hash_table_remove (call->state->images, image_id);
    }
  call->mutated = TRUE;
  _am_sb_xml_bool (call->body, "return", TRUE);
  if (delete_snapshots)
    {
      g_string_append (call->body, "<deleteSnapshotResultSet>");
      for (guint i = 0; i + 1 < results->len; i += 2)
        {
          g_string_append (call->body, "<item>");
          _am_sb_xml_text (call->body, "snapshotId", results->pdata[i]);
          _am_sb_xml_text (call->body, "returnCode", results->pdata[i + 1]);
          g_string_append (call->body, "</item>");
        }
      g_string_append (call->body, "</deleteSnapshotResultSet>");
    }
  return TRUE;
}

/* CopyImage: the call goes to the destination region. */

static gboolean
op_copy_image (AmSbCall *call)
{
  const char *source_id, *source_region, *name;
  const char *description = _am_sb_param (call, "Description");
  const char *token = _am_sb_param (call, "ClientToken");
  const char *earlier = NULL;
  g_autoptr (GPtrArray) tags = _am_sb_tag_specs (call, "image");
  AmSbImage *source;
  AmSbImage *image;
  gboolean copy_tags, encrypted;
  const char *dest_region = call->region;

  if (!_am_sb_require (call, "SourceImageId", &source_id)
      || !_am_sb_require (call, "SourceRegion", &source_region)
      || !_am_sb_require (call, "Name", &name)
      || !check_image_name (call, name) || !_am_sb_check_tag_pairs (call, tags)
      || !_am_sb_param_bool (call, "CopyImageTags", FALSE, &copy_tags)
      || !_am_sb_param_bool (call, "Encrypted", FALSE, &encrypted))
    return FALSE;
  if (token != NULL && strlen (token) > 64)
    return _am_sb_fail (call, 400, "InvalidParameterValue", "ClientToken may be at most 64 characters.");
  if (!am_sb_region_is_known (source_region))
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "Invalid SourceRegion '%s': the sandbox has us-east-1, us-west-2, "
                        "eu-west-1, eu-central-1 and ap-northeast-1.", source_region);
  call->region = source_region;
  source = _am_sb_visible_image (call, source_id);
  call->region = dest_region;
  if (source == NULL)
    return FALSE;
  if (source->product_codes != NULL && source->product_codes->len > 0
      && strcmp (source->owner_id, call->account->account_id) != 0)
    return _am_sb_fail (call, 400, "InvalidRequest",
                        "Image %s has AWS Marketplace product codes; copy it from a launched "
                        "instance's image instead.", source_id);
  /* Another account's image is copied from its snapshots: each needs create-volume permission
   * for the caller (a launch permission is not enough). */
  for (guint i = 0; strcmp (source->owner_id, call->account->account_id) != 0 && i < source->block_devices->len; i++)
    {
      AmSbBlockDevice *bd = source->block_devices->pdata[i];
      AmSbSnapshot *sn = bd->has_ebs && bd->snapshot_id != NULL
                         ? g_hash_table_lookup (call->state->snapshots, bd->snapshot_id) : NULL;

      if (sn != NULL && !_am_sb_snapshot_public (sn) && !_am_sb_snapshot_shared_with (sn, call->account->account_id))
        return _am_sb_fail (call, 400, "InvalidRequest", "You do not have permission to access the storage of this ami");
    }
  if (token != NULL && _am_sb_lookup_client_token (call, token, &earlier))
    {
      if (earlier == NULL)
        return FALSE;
      if (_am_sb_dry_run (call))
        return FALSE;
      _am_sb_xml_text (call->body, "imageId", earlier);
      return TRUE;
    }
  /* EC2 copies available images only (a pending one has no complete snapshots yet). */
  if (strcmp (am_sb_image_state (source, call->now_ms), "available") != 0)
    return _am_sb_fail (call, 400, "InvalidAMIID.Unavailable",
                        "Image %s is %s; only an available image can be copied. Wait until it is "
                        "available.", source_id, am_sb_image_state (source, call->now_ms));
  {
    guint n_snapshots = 0;

    for (guint i = 0; i < source->block_devices->len; i++)
      {
        AmSbBlockDevice *bd = source->block_devices->pdata[i];

        if (bd->has_ebs && bd->snapshot_id != NULL)
          n_snapshots++;
      }
    if (!check_new_image (call, name, n_snapshots))
      return FALSE;
  }

  image = am_sb_image_copy (source);
  g_free (image->image_id);
  image->image_id = am_sb_state_new_id (call->state, "ami", call->state->images);
  image->region = g_intern_string (dest_region);
  image->owner_id = g_intern_string (call->account->account_id);
  image->owner_alias = NULL;
  g_free (image->name);
  image->name = g_strdup (name);
  if (description != NULL)
    {
      g_free (image->description);
      image->description = g_strdup (description);
    }
  g_free (image->image_location);
  image->image_location = g_strdup_printf ("%s/%s", call->account->account_id, name);
  image->ssm_parameter = NULL;
  image->creation_time = call->now_ms;
  /* Copies take longer than anything else in the sandbox, as in EC2. */
  image->available_time = call->now_ms + 5 * (gint64) call->state->transition_ms;
  image->deprecation_time = 0;
  image->last_launched_time = 0;
  image->deregistration_protection = FALSE;
  image->protection_cooldown = FALSE;
  g_free (image->source_image_id);
  image->source_image_id = g_strdup (source_id);
  g_free (image->source_image_region);
  image->source_image_region = g_strdup (source_region);
  image->stored = TRUE;
  g_ptr_array_set_size (image->launch_permissions, 0);
  for (guint i = 0; i < image->block_devices->len; i++)
    {
      AmSbBlockDevice *bd = image->block_devices->pdata[i];
      g_autofree char *snap_description = NULL;
      AmSbSnapshot *snapshot;

      if (!bd->has_ebs || bd->snapshot_id == NULL)
        continue;
      snap_description = g_strdup_printf ("Copied for DestinationAmi %s from SourceAmi %s for "
                                          "SourceSnapshot %s.", image->image_id, source_id, bd->snapshot_id);
      snapshot = _am_sb_new_snapshot (call, "vol-ffffffff", bd->volume_size, snap_description,
                               encrypted || bd->encrypted);
      snapshot->completed_time = image->available_time;
      g_free (bd->snapshot_id);
      bd->snapshot_id = g_strdup (snapshot->snapshot_id);
      bd->encrypted = snapshot->encrypted;
    }
  g_hash_table_replace (call->state->images, image->image_id, image);
  if (copy_tags)
    {
      GPtrArray *source_tags = am_sb_state_get_tags (call->state, call->account->account_id, source_id);

      for (guint i = 0; source_tags && i < source_tags->len; i++)
        {
          AmSbTag *tag = source_tags->pdata[i];

          am_sb_state_set_tag (call->state, call->account->account_id, image->image_id, tag->key, tag->value);
        }
    }
  _am_sb_apply_tag_pairs (call, image->image_id, tags);
  if (token != NULL)
    _am_sb_save_client_token (call, token, image->image_id);
  call->mutated = TRUE;
  _am_sb_xml_text (call->body, "imageId", image->image_id);
  return TRUE;
}

/* Dispatch: the actions of this file and the parameter names they accept */

static const char *const describe_images[] = {
  "ExecutableBy.N", "ImageId.N", "Owner.N", "IncludeDeprecated", "IncludeDisabled", AM_SB_FILTERS, AM_SB_PAGES, NULL
};
static const char *const create_image[] = {
  "InstanceId", "Name", "Description", "NoReboot", "SnapshotLocation", AM_SB_BLOCK_DEVICES, AM_SB_TAG_SPECS, NULL
};
static const char *const register_image[] = {
  "Name", "Description", "ImageLocation", "Architecture", "KernelId", "RamdiskId", "RootDeviceName",
  "VirtualizationType", "EnaSupport", "SriovNetSupport", "BootMode", "TpmSupport", "UefiData",
  "ImdsSupport", "BillingProduct.N", AM_SB_BLOCK_DEVICES, AM_SB_TAG_SPECS, NULL
};
static const char *const deregister_image[] = { "ImageId", "DeleteAssociatedSnapshots", NULL };
static const char *const copy_image[] = {
  "SourceImageId", "SourceRegion", "Name", "Description", "Encrypted", "KmsKeyId", "ClientToken",
  "CopyImageTags", "DestinationOutpostArn", "SnapshotCopyCompletionDurationMinutes",
  "DestinationAvailabilityZone", "DestinationAvailabilityZoneId", AM_SB_TAG_SPECS, NULL
};

const AmSbAction _am_sb_image_actions[] = {
  { "DescribeImages", op_describe_images, describe_images },
  { "CreateImage", op_create_image, create_image },
  { "RegisterImage", op_register_image, register_image },
  { "DeregisterImage", op_deregister_image, deregister_image },
  { "CopyImage", op_copy_image, copy_image },
  { NULL }
};
