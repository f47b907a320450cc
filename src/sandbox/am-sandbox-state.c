/* am-sandbox-state.c: the sandbox's resources and their atomic JSON persistence
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "am-sandbox-catalog.h"
#include "am-sandbox-state.h"
#include "am-sigv4.h"

#define STATE_FORMAT_VERSION 1

const char *const am_sb_regions[] = {
  "us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", NULL,
};

static const AmSbAccount accounts[] = {
  { "111122223333", "alice", "AKIAIOSFODNN7SANDBOX",
    "sandbox/alice/wJalrXUtnFEMIK7MDENGbPxRfiCY", "ou-am01-alice000" },
  { "444455556666", "bob", "AKIAI44QH8DHBSANDBOX",
    "sandbox/bob/je7MtGbClwBF2Zp9Utk/h3yCo8nvbE", "ou-am01-bob00000" },
};

const AmSbAccount *
am_sb_accounts (guint *n_accounts)
{
  *n_accounts = G_N_ELEMENTS (accounts);
  return accounts;
}

const AmSbAccount *
am_sb_account_by_key (const char *access_key_id)
{
  if (access_key_id == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    if (strcmp (accounts[i].access_key_id, access_key_id) == 0)
      return &accounts[i];
  return NULL;
}

const AmSbAccount *
am_sb_account_by_id (const char *account_id)
{
  if (account_id == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    if (strcmp (accounts[i].account_id, account_id) == 0)
      return &accounts[i];
  return NULL;
}

gboolean
am_sb_region_is_known (const char *region)
{
  if (region == NULL)
    return FALSE;
  return g_strv_contains ((const char * const *) am_sb_regions, region);
}

char *
am_sb_ou_arn (const AmSbAccount *account)
{
  return g_strdup_printf ("arn:aws:organizations::111122223333:ou/%s/%s",
                          AM_SB_ORG_ID, account->ou_id);
}

/* Frees and copies */

AmSbBlockDevice *
am_sb_block_device_new (void)
{
  return g_new0 (AmSbBlockDevice, 1);
}

void
am_sb_block_device_free (AmSbBlockDevice *bd)
{
  g_free (bd->device_name);
  g_free (bd->virtual_name);
  g_free (bd->snapshot_id);
  g_free (bd->volume_type);
  g_free (bd);
}

static AmSbBlockDevice *
block_device_copy (const AmSbBlockDevice *bd)
{
  AmSbBlockDevice *copy = g_memdup2 (bd, sizeof *bd);

  copy->device_name = g_strdup (bd->device_name);
  copy->virtual_name = g_strdup (bd->virtual_name);
  copy->snapshot_id = g_strdup (bd->snapshot_id);
  copy->volume_type = g_strdup (bd->volume_type);
  return copy;
}

AmSbLaunchPermission *
am_sb_launch_permission_new (AmSbPermKind  kind,
                             const char   *value)
{
  AmSbLaunchPermission *perm = g_new0 (AmSbLaunchPermission, 1);

  perm->kind = kind;
  perm->value = g_strdup (value);
  return perm;
}

void
am_sb_launch_permission_free (AmSbLaunchPermission *perm)
{
  g_free (perm->value);
  g_free (perm);
}

void
am_sb_product_code_free (AmSbProductCode *pc)
{
  g_free (pc->code);
  g_free (pc->type);
  g_free (pc);
}

void
am_sb_image_free (AmSbImage *image)
{
  if (image == NULL)
    return;
  g_free (image->image_id);
  g_free (image->name);
  g_free (image->description);
  g_free (image->image_location);
  g_free (image->failed_reason);
  g_free (image->source_instance_id);
  g_free (image->source_image_id);
  g_free (image->source_image_region);
  g_clear_pointer (&image->block_devices, g_ptr_array_unref);
  g_clear_pointer (&image->product_codes, g_ptr_array_unref);
  g_clear_pointer (&image->launch_permissions, g_ptr_array_unref);
  g_free (image);
}

AmSbImage *
am_sb_image_copy (const AmSbImage *image)
{
  AmSbImage *copy = g_memdup2 (image, sizeof *image);

  copy->image_id = g_strdup (image->image_id);
  copy->name = g_strdup (image->name);
  copy->description = g_strdup (image->description);
  copy->image_location = g_strdup (image->image_location);
  copy->failed_reason = g_strdup (image->failed_reason);
  copy->source_instance_id = g_strdup (image->source_instance_id);
  copy->source_image_id = g_strdup (image->source_image_id);
  copy->source_image_region = g_strdup (image->source_image_region);
  copy->block_devices = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_block_device_free);
  for (guint i = 0; image->block_devices && i < image->block_devices->len; i++)
    g_ptr_array_add (copy->block_devices, block_device_copy (image->block_devices->pdata[i]));
  copy->product_codes = NULL;
  if (image->product_codes != NULL)
    {
      copy->product_codes = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_product_code_free);
      for (guint i = 0; i < image->product_codes->len; i++)
        {
          AmSbProductCode *pc = image->product_codes->pdata[i];
          AmSbProductCode *pcc = g_new0 (AmSbProductCode, 1);

          pcc->code = g_strdup (pc->code);
          pcc->type = g_strdup (pc->type);
          g_ptr_array_add (copy->product_codes, pcc);
        }
    }
  copy->launch_permissions = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_launch_permission_free);
  for (guint i = 0; image->launch_permissions && i < image->launch_permissions->len; i++)
    {
      AmSbLaunchPermission *perm = image->launch_permissions->pdata[i];

      g_ptr_array_add (copy->launch_permissions, am_sb_launch_permission_new (perm->kind, perm->value));
    }
  return copy;
}

void
am_sb_snapshot_free (AmSbSnapshot *snapshot)
{
  g_free (snapshot->snapshot_id);
  g_free (snapshot->volume_id);
  g_free (snapshot->description);
  g_free (snapshot);
}

void
am_sb_volume_free (AmSbVolume *volume)
{
  g_free (volume->device_name);
  g_free (volume->volume_id);
  g_free (volume->volume_type);
  g_free (volume->snapshot_id);
  g_free (volume);
}

void
am_sb_instance_free (AmSbInstance *instance)
{
  g_free (instance->instance_id);
  g_free (instance->reservation_id);
  g_free (instance->image_id);
  g_free (instance->instance_type);
  g_free (instance->key_name);
  g_free (instance->subnet_id);
  g_free (instance->vpc_id);
  g_free (instance->availability_zone);
  g_free (instance->private_ip);
  g_free (instance->public_ip);
  g_clear_pointer (&instance->security_group_ids, g_ptr_array_unref);
  g_clear_pointer (&instance->volumes, g_ptr_array_unref);
  g_free (instance->target_state);
  g_free (instance->client_token);
  g_free (instance->state_reason);
  g_free (instance);
}

void
am_sb_key_pair_free (AmSbKeyPair *key_pair)
{
  g_free (key_pair->key_pair_id);
  g_free (key_pair->key_name);
  g_free (key_pair->key_type);
  g_free (key_pair->fingerprint);
  g_free (key_pair->public_key);
  g_free (key_pair);
}

void
am_sb_vpc_free (AmSbVpc *vpc)
{
  g_free (vpc->vpc_id);
  g_free (vpc->cidr_block);
  g_free (vpc);
}

void
am_sb_subnet_free (AmSbSubnet *subnet)
{
  g_free (subnet->subnet_id);
  g_free (subnet->vpc_id);
  g_free (subnet->availability_zone);
  g_free (subnet->availability_zone_id);
  g_free (subnet->cidr_block);
  g_free (subnet);
}

void
am_sb_ingress_rule_free (AmSbIngressRule *rule)
{
  g_free (rule->protocol);
  g_free (rule->cidr);
  g_free (rule);
}

void
am_sb_security_group_free (AmSbSecurityGroup *group)
{
  g_free (group->group_id);
  g_free (group->vpc_id);
  g_free (group->group_name);
  g_free (group->description);
  g_clear_pointer (&group->ingress, g_ptr_array_unref);
  g_free (group);
}

void
am_sb_launch_template_free (AmSbLaunchTemplate *lt)
{
  g_free (lt->launch_template_id);
  g_free (lt->name);
  g_free (lt->version_description);
  g_clear_pointer (&lt->data, g_hash_table_unref);
  g_free (lt);
}

void
am_sb_asg_tag_free (AmSbAsgTag *tag)
{
  g_free (tag->key);
  g_free (tag->value);
  g_free (tag);
}

void
am_sb_auto_scaling_group_free (AmSbAutoScalingGroup *group)
{
  g_free (group->key);
  g_free (group->name);
  g_free (group->arn);
  g_free (group->launch_template_id);
  g_free (group->launch_template_name);
  g_free (group->launch_template_version);
  g_clear_pointer (&group->subnet_ids, g_ptr_array_unref);
  g_clear_pointer (&group->instance_ids, g_ptr_array_unref);
  g_clear_pointer (&group->tags, g_ptr_array_unref);
  g_free (group);
}

static void
tag_free (AmSbTag *tag)
{
  g_free (tag->key);
  g_free (tag->value);
  g_free (tag);
}

static void
client_token_free (AmSbClientToken *token)
{
  g_free (token->fingerprint);
  g_free (token->result);
  g_free (token);
}

/* State */

static void
state_clear (AmSbState *state)
{
  g_hash_table_remove_all (state->images);
  g_hash_table_remove_all (state->recycle_bin);
  g_hash_table_remove_all (state->snapshots);
  g_hash_table_remove_all (state->instances);
  g_hash_table_remove_all (state->key_pairs);
  g_hash_table_remove_all (state->vpcs);
  g_hash_table_remove_all (state->subnets);
  g_hash_table_remove_all (state->security_groups);
  g_hash_table_remove_all (state->launch_templates);
  g_hash_table_remove_all (state->tags);
  g_hash_table_remove_all (state->client_tokens);
  g_hash_table_remove_all (state->auto_scaling_groups);
  g_hash_table_remove_all (state->governance);
  g_hash_table_remove_all (state->usage_reports);
}

static const struct
{
  const char *name;
  guint       fallback;
} quotas[AM_SB_N_QUOTAS] = {
  /* EC2's defaults per Region: AMIs, EBS snapshots, key pairs, VPC security groups, launch
   * templates; instances are counted, not vCPUs, and kept small in the sandbox. */
  [AM_SB_QUOTA_IMAGES] = { "images", 50000 },
  [AM_SB_QUOTA_SNAPSHOTS] = { "snapshots", 100000 },
  [AM_SB_QUOTA_KEY_PAIRS] = { "key-pairs", 5000 },
  [AM_SB_QUOTA_SECURITY_GROUPS] = { "security-groups", 2500 },
  [AM_SB_QUOTA_LAUNCH_TEMPLATES] = { "launch-templates", 5000 },
  [AM_SB_QUOTA_INSTANCES] = { "instances", 20 },
};

const char *
am_sb_quota_name (AmSbQuota quota)
{
  g_return_val_if_fail (quota < AM_SB_N_QUOTAS, NULL);
  return quotas[quota].name;
}

guint
am_sb_quota_default (AmSbQuota quota)
{
  g_return_val_if_fail (quota < AM_SB_N_QUOTAS, 0);
  return quotas[quota].fallback;
}

AmSbState *
am_sb_state_new (guint public_images,
                 guint transition_ms)
{
  AmSbState *state = g_new0 (AmSbState, 1);

  state->public_images = public_images;
  state->transition_ms = transition_ms;
  state->recycle_days = AM_SB_DEFAULT_RECYCLE_DAYS;
  for (guint i = 0; i < AM_SB_N_QUOTAS; i++)
    state->quotas[i] = quotas[i].fallback;
  state->catalogs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  state->catalog_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) g_hash_table_unref);
#define TABLE(free_func) g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) free_func)
  /* Keys are the objects' own id strings. */
  state->images = TABLE (am_sb_image_free);
  state->recycle_bin = TABLE (am_sb_image_free);
  state->snapshots = TABLE (am_sb_snapshot_free);
  state->instances = TABLE (am_sb_instance_free);
  state->key_pairs = TABLE (am_sb_key_pair_free);
  state->vpcs = TABLE (am_sb_vpc_free);
  state->subnets = TABLE (am_sb_subnet_free);
  state->security_groups = TABLE (am_sb_security_group_free);
  state->launch_templates = TABLE (am_sb_launch_template_free);
  state->auto_scaling_groups = TABLE (am_sb_auto_scaling_group_free);
  state->governance = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) am_sb_governance_free);
  state->usage_reports = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                (GDestroyNotify) am_sb_usage_report_free);
#undef TABLE
  state->tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
  state->client_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) client_token_free);
  return state;
}

void
am_sb_state_free (AmSbState *state)
{
  if (state == NULL)
    return;
  g_free (state->path);
  g_free (state->saved_json);
  g_hash_table_unref (state->catalogs);
  g_hash_table_unref (state->catalog_index);
  g_hash_table_unref (state->images);
  g_hash_table_unref (state->recycle_bin);
  g_hash_table_unref (state->snapshots);
  g_hash_table_unref (state->instances);
  g_hash_table_unref (state->key_pairs);
  g_hash_table_unref (state->vpcs);
  g_hash_table_unref (state->subnets);
  g_hash_table_unref (state->security_groups);
  g_hash_table_unref (state->launch_templates);
  g_hash_table_unref (state->tags);
  g_hash_table_unref (state->client_tokens);
  g_hash_table_unref (state->auto_scaling_groups);
  g_hash_table_unref (state->governance);
  g_hash_table_unref (state->usage_reports);
  g_free (state);
}

GPtrArray *
am_sb_state_get_catalog (AmSbState  *state,
                         const char *region)
{
  GPtrArray *catalog = g_hash_table_lookup (state->catalogs, region);

  if (catalog == NULL)
    {
      GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

      catalog = am_sb_catalog_build (region, state->public_images);
      for (guint i = 0; i < catalog->len; i++)
        {
          AmSbImage *image = catalog->pdata[i];

          g_hash_table_insert (index, image->image_id, image);
        }
      g_hash_table_insert (state->catalogs, g_strdup (region), catalog);
      g_hash_table_insert (state->catalog_index, g_strdup (region), index);
    }
  return catalog;
}

AmSbImage *
am_sb_state_find_image (AmSbState  *state,
                        const char *region,
                        const char *image_id)
{
  AmSbImage *image;
  GHashTable *index;

  if (image_id == NULL)
    return NULL;
  image = g_hash_table_lookup (state->images, image_id);
  if (image != NULL)
    return g_strcmp0 (image->region, region) == 0 ? image : NULL;
  am_sb_state_get_catalog (state, region);
  index = g_hash_table_lookup (state->catalog_index, region);
  return g_hash_table_lookup (index, image_id);
}

char *
am_sb_state_new_id (AmSbState  *state,
                    const char *prefix,
                    GHashTable *table)
{
  for (;;)
    {
      char *id = g_strdup_printf ("%s-0%08x%08x", prefix, g_random_int (), g_random_int ());

      if (table == NULL || !g_hash_table_contains (table, id))
        return id;
      g_free (id);
    }
}

char *
am_sb_hashed_id (const char *prefix,
                 const char *seed)
{
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);

  hex[16] = '\0';
  return g_strdup_printf ("%s-0%s", prefix, hex);
}

GPtrArray *
am_sb_hash_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  return keys;
}

/* Tags */

static char *
tag_key (const char *account_id,
         const char *resource_id)
{
  return g_strconcat (account_id, "/", resource_id, NULL);
}

GPtrArray *
am_sb_state_get_tags (AmSbState  *state,
                      const char *account_id,
                      const char *resource_id)
{
  char key[256];

  if (strlen (account_id) + strlen (resource_id) + 2 > sizeof key)
    return NULL;
  g_snprintf (key, sizeof key, "%s/%s", account_id, resource_id);
  return g_hash_table_lookup (state->tags, key);
}

void
am_sb_state_set_tag (AmSbState  *state,
                     const char *account_id,
                     const char *resource_id,
                     const char *key,
                     const char *value)
{
  g_autofree char *k = tag_key (account_id, resource_id);
  GPtrArray *tags = g_hash_table_lookup (state->tags, k);
  AmSbTag *tag;

  if (tags == NULL)
    {
      tags = g_ptr_array_new_with_free_func ((GDestroyNotify) tag_free);
      g_hash_table_insert (state->tags, g_steal_pointer (&k), tags);
    }
  for (guint i = 0; i < tags->len; i++)
    {
      tag = tags->pdata[i];
      if (strcmp (tag->key, key) == 0)
        {
          g_free (tag->value);
          tag->value = g_strdup (value ? value : "");
          return;
        }
    }
  tag = g_new0 (AmSbTag, 1);
  tag->key = g_strdup (key);
  tag->value = g_strdup (value ? value : "");
  g_ptr_array_add (tags, tag);
}

gboolean
am_sb_state_delete_tag (AmSbState  *state,
                        const char *account_id,
                        const char *resource_id,
                        const char *key,
                        const char *value)
{
  g_autofree char *k = tag_key (account_id, resource_id);
  GPtrArray *tags = g_hash_table_lookup (state->tags, k);

  if (tags == NULL)
    return FALSE;
  for (guint i = 0; i < tags->len; i++)
    {
      AmSbTag *tag = tags->pdata[i];

      if (strcmp (tag->key, key) == 0 && (value == NULL || strcmp (tag->value, value) == 0))
        {
          g_ptr_array_remove_index (tags, i);
          if (tags->len == 0)
            g_hash_table_remove (state->tags, k);
          return TRUE;
        }
    }
  return FALSE;
}

/* Time-based states */

const char *
am_sb_image_state (const AmSbImage *image,
                   gint64           now_ms)
{
  if (image->failed_reason != NULL)
    return "failed";
  if (image->disabled)
    return "disabled";
  if (now_ms < image->available_time)
    return "pending";
  return "available";
}

gboolean
am_sb_image_is_public (const AmSbImage *image)
{
  for (guint i = 0; image->launch_permissions && i < image->launch_permissions->len; i++)
    {
      AmSbLaunchPermission *perm = image->launch_permissions->pdata[i];

      if (perm->kind == AM_SB_PERM_GROUP && g_strcmp0 (perm->value, "all") == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
am_sb_image_is_protected (const AmSbImage *image,
                          gint64           now_ms)
{
  return image->deregistration_protection || now_ms < image->protection_until;
}

gboolean
am_sb_image_is_deprecated (const AmSbImage *image,
                           gint64           now_ms)
{
  return image->deprecation_time != 0 && image->deprecation_time <= now_ms;
}

gboolean
am_sb_image_shared_with (const AmSbImage   *image,
                         const AmSbAccount *account)
{
  for (guint i = 0; image->launch_permissions && i < image->launch_permissions->len; i++)
    {
      AmSbLaunchPermission *perm = image->launch_permissions->pdata[i];

      switch (perm->kind)
        {
        case AM_SB_PERM_USER:
          if (g_strcmp0 (perm->value, account->account_id) == 0)
            return TRUE;
          break;
        case AM_SB_PERM_ORG:
          if (g_strcmp0 (perm->value, AM_SB_ORG_ARN) == 0)
            return TRUE;
          break;
        case AM_SB_PERM_OU:
          {
            g_autofree char *ou = am_sb_ou_arn (account);

            if (g_strcmp0 (perm->value, ou) == 0)
              return TRUE;
          }
          break;
        case AM_SB_PERM_GROUP:
        default:
          break;
        }
    }
  return FALSE;
}

gboolean
am_sb_image_can_launch (const AmSbImage   *image,
                        const AmSbAccount *account)
{
  return strcmp (image->owner_id, account->account_id) == 0 || am_sb_image_is_public (image)
         || am_sb_image_shared_with (image, account);
}

const char *
am_sb_instance_state (const AmSbInstance *instance,
                      guint               transition_ms,
                      gint64              now_ms,
                      int                *code)
{
  gboolean settled = now_ms - instance->target_since >= (gint64) transition_ms;
  int c;
  const char *name;

  if (g_strcmp0 (instance->target_state, "stopped") == 0)
    {
      c = settled ? 80 : 64;
      name = settled ? "stopped" : "stopping";
    }
  else if (g_strcmp0 (instance->target_state, "terminated") == 0)
    {
      c = settled ? 48 : 32;
      name = settled ? "terminated" : "shutting-down";
    }
  else
    {
      c = settled ? 16 : 0;
      name = settled ? "running" : "pending";
    }
  if (code != NULL)
    *code = c;
  return name;
}

const char *
am_sb_snapshot_state (const AmSbSnapshot *snapshot,
                      gint64              now_ms)
{
  return now_ms < snapshot->completed_time ? "pending" : "completed";
}

/* Time */

char *
am_sb_format_time (gint64 ms)
{
  g_autoptr (GDateTime) dt = g_date_time_new_from_unix_utc (ms / 1000);

  if (dt == NULL)
    return g_strdup ("1970-01-01T00:00:00.000Z");
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                          g_date_time_get_year (dt), g_date_time_get_month (dt),
                          g_date_time_get_day_of_month (dt), g_date_time_get_hour (dt),
                          g_date_time_get_minute (dt), g_date_time_get_second (dt),
                          (int) (ms % 1000));
}

gboolean
am_sb_parse_time (const char *text,
                  gint64     *ms)
{
  g_autoptr (GDateTime) dt = NULL;
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();

  if (text == NULL || *text == '\0' || strlen (text) > 64)
    return FALSE;
  dt = g_date_time_new_from_iso8601 (text, utc);
  if (dt == NULL)
    return FALSE;
  *ms = g_date_time_to_unix (dt) * 1000 + g_date_time_get_microsecond (dt) / 1000;
  return TRUE;
}

/* Persistence: JSON */

static void
add_str (JsonBuilder *b,
         const char  *name,
         const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_bool (JsonBuilder *b,
          const char  *name,
          gboolean     value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, value);
}

static void
build_image (JsonBuilder     *b,
             const AmSbImage *image)
{
  json_builder_begin_object (b);
  add_str (b, "imageId", image->image_id);
  add_str (b, "region", image->region);
  add_str (b, "ownerId", image->owner_id);
  add_str (b, "ownerAlias", image->owner_alias);
  add_str (b, "name", image->name);
  add_str (b, "description", image->description);
  add_str (b, "imageLocation", image->image_location);
  add_str (b, "architecture", image->architecture);
  add_str (b, "platform", image->platform);
  add_str (b, "platformDetails", image->platform_details);
  add_str (b, "usageOperation", image->usage_operation);
  add_str (b, "imageType", image->image_type);
  add_str (b, "rootDeviceType", image->root_device_type);
  add_str (b, "rootDeviceName", image->root_device_name);
  add_str (b, "virtualizationType", image->virtualization_type);
  add_str (b, "hypervisor", image->hypervisor);
  add_str (b, "bootMode", image->boot_mode);
  add_str (b, "imdsSupport", image->imds_support);
  add_str (b, "tpmSupport", image->tpm_support);
  add_str (b, "sriovNetSupport", image->sriov_net_support);
  add_bool (b, "enaSupport", image->ena_support);
  add_int (b, "creationTime", image->creation_time);
  add_int (b, "availableTime", image->available_time);
  add_int (b, "deprecationTime", image->deprecation_time);
  add_int (b, "lastLaunchedTime", image->last_launched_time);
  add_bool (b, "deregistrationProtection", image->deregistration_protection);
  add_bool (b, "protectionCooldown", image->protection_cooldown);
  add_int (b, "protectionUntil", image->protection_until);
  add_str (b, "failedReason", image->failed_reason);
  add_str (b, "sourceInstanceId", image->source_instance_id);
  add_str (b, "sourceImageId", image->source_image_id);
  add_str (b, "sourceImageRegion", image->source_image_region);
  add_bool (b, "disabled", image->disabled);
  add_int (b, "recycleEnterTime", image->recycle_enter_time);
  add_int (b, "recycleExitTime", image->recycle_exit_time);
  json_builder_set_member_name (b, "blockDevices");
  json_builder_begin_array (b);
  for (guint i = 0; i < image->block_devices->len; i++)
    {
      AmSbBlockDevice *bd = image->block_devices->pdata[i];

      json_builder_begin_object (b);
      add_str (b, "deviceName", bd->device_name);
      add_str (b, "virtualName", bd->virtual_name);
      add_bool (b, "noDevice", bd->no_device);
      add_bool (b, "hasEbs", bd->has_ebs);
      add_str (b, "snapshotId", bd->snapshot_id);
      add_int (b, "volumeSize", bd->volume_size);
      add_str (b, "volumeType", bd->volume_type);
      add_bool (b, "deleteOnTermination", bd->delete_on_termination);
      add_bool (b, "encrypted", bd->encrypted);
      add_int (b, "iops", bd->iops);
      add_int (b, "throughput", bd->throughput);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "productCodes");
  json_builder_begin_array (b);
  for (guint i = 0; image->product_codes && i < image->product_codes->len; i++)
    {
      AmSbProductCode *pc = image->product_codes->pdata[i];

      json_builder_begin_object (b);
      add_str (b, "code", pc->code);
      add_str (b, "type", pc->type);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "launchPermissions");
  json_builder_begin_array (b);
  for (guint i = 0; i < image->launch_permissions->len; i++)
    {
      AmSbLaunchPermission *perm = image->launch_permissions->pdata[i];

      json_builder_begin_object (b);
      add_int (b, "kind", perm->kind);
      add_str (b, "value", perm->value);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
build_string_array (JsonBuilder *b,
                    const char  *name,
                    GPtrArray   *strings)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; strings && i < strings->len; i++)
    json_builder_add_string_value (b, strings->pdata[i]);
  json_builder_end_array (b);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Stable output: sorted by key, so two saves of the same state give the same file. */
static GPtrArray *
sorted_keys (GHashTable *table)
{
  GPtrArray *keys = am_sb_hash_keys (table);

  g_ptr_array_sort (keys, compare_keys);
  return keys;
}

char *
am_sb_state_to_json (AmSbState *state)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GPtrArray) keys = NULL;

  json_builder_begin_object (b);
  add_int (b, "version", STATE_FORMAT_VERSION);

  json_builder_set_member_name (b, "images");
  json_builder_begin_array (b);
  keys = sorted_keys (state->images);
  for (guint i = 0; i < keys->len; i++)
    build_image (b, g_hash_table_lookup (state->images, keys->pdata[i]));
  json_builder_end_array (b);
  g_clear_pointer (&keys, g_ptr_array_unref);

  json_builder_set_member_name (b, "recycleBin");
  json_builder_begin_array (b);
  keys = sorted_keys (state->recycle_bin);
  for (guint i = 0; i < keys->len; i++)
    build_image (b, g_hash_table_lookup (state->recycle_bin, keys->pdata[i]));
  json_builder_end_array (b);
  g_clear_pointer (&keys, g_ptr_array_unref);

  json_builder_set_member_name (b, "snapshots");
  json_builder_begin_array (b);
  keys = sorted_keys (state->snapshots);
  for (guint i = 0; i < keys->len; i++)
    {
      AmSbSnapshot *s = g_hash_table_lookup (state->snapshots, keys->pdata[i]);

      json_builder_begin_object (b);
      add_str (b, "snapshotId", s->snapshot_id);
      add_str (b, "region", s->region);
      add_str (b, "ownerId", s->owner_id);
      add_str (b, "volumeId", s->volume_id);
      add_int (b, "volumeSize", s->volume_size);
      add_str (b, "description", s->description);
      add_int (b, "startTime", s->start_time);
      add_int (b, "completedTime", s->completed_time);
      add_bool (b, "encrypted", s->encrypted);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  g_clear_pointer (&keys, g_ptr_array_unref);

  json_builder_set_member_name (b, "instances");
  json_builder_begin_array (b);
  keys = sorted_keys (state->instances);
  for (guint i = 0; i < keys->len; i++)
    {
      AmSbInstance *in = g_hash_table_lookup (state->instances, keys->pdata[i]);

      json_builder_begin_object (b);
      add_str (b, "instanceId", in->instance_id);
      add_str (b, "reservationId", in->reservation_id);
      add_str (b, "region", in->region);
      add_str (b, "ownerId", in->owner_id);
      add_str (b, "imageId", in->image_id);
      add_str (b, "instanceType", in->instance_type);
      add_str (b, "keyName", in->key_name);
      add_str (b, "subnetId", in->subnet_id);
      add_str (b, "vpcId", in->vpc_id);
      add_str (b, "availabilityZone", in->availability_zone);
      add_str (b, "privateIp", in->private_ip);
      add_str (b, "publicIp", in->public_ip);
      build_string_array (b, "securityGroupIds", in->security_group_ids);
      add_str (b, "architecture", in->architecture);
      add_str (b, "platform", in->platform);
      add_str (b, "platformDetails", in->platform_details);
      add_str (b, "rootDeviceName", in->root_device_name);
      add_str (b, "rootDeviceType", in->root_device_type);
      add_str (b, "virtualizationType", in->virtualization_type);
      add_str (b, "bootMode", in->boot_mode);
      json_builder_set_member_name (b, "volumes");
      json_builder_begin_array (b);
      for (guint j = 0; j < in->volumes->len; j++)
        {
          AmSbVolume *v = in->volumes->pdata[j];

          json_builder_begin_object (b);
          add_str (b, "deviceName", v->device_name);
          add_str (b, "volumeId", v->volume_id);
          add_int (b, "volumeSize", v->volume_size);
          add_str (b, "volumeType", v->volume_type);
          add_str (b, "snapshotId", v->snapshot_id);
          add_bool (b, "deleteOnTermination", v->delete_on_termination);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      add_int (b, "launchTime", in->launch_time);
      add_str (b, "targetState", in->target_state);
      add_int (b, "targetSince", in->target_since);
      add_int (b, "amiLaunchIndex", in->ami_launch_index);
      add_str (b, "clientToken", in->client_token);
      add_str (b, "stateReason", in->state_reason);
      add_bool (b, "disableApiTermination", in->disable_api_termination);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  g_clear_pointer (&keys, g_ptr_array_unref);

  json_builder_set_member_name (b, "keyPairs");
  json_builder_begin_array (b);
  keys = sorted_keys (state->key_pairs);
  for (guint i = 0; i < keys->len; i++)
    {
      AmSbKeyPair *k = g_hash_table_lookup (state->key_pairs, keys->pdata[i]);

      json_builder_begin_object (b);
      add_str (b, "keyPairId", k->key_pair_id);
      add_str (b, "region", k->region);
      add_str (b, "ownerId", k->owner_id);
      add_str (b, "keyName", k->key_name);
      add_str (b, "keyType", k->key_type);
      add_str (b, "fingerprint", k->fingerprint);
      add_str (b, "publicKey", k->public_key);
      add_int (b, "createTime", k->create_time);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  g_clear_pointer (&keys, g_ptr_array_unref);

  json_builder_set_member_name (b, "vpcs");
  json_builder_begin_array (b);
  keys = sorted_keys (state->vpcs);
  for (guint i = 0; i < keys->len; i++)
    {
      AmSbVpc *v = g_hash_table_lookup (state->vpcs, keys->pdata[i]);

      json_builder_begin_object (b);
      add_str (b, "vpcId", v->vpc_id);
      add_str (b, "region", v->region);
      add_str (b, "ownerId", v->owner_id);
      add_str (b, "cidrBlock", v->cidr_block);
      add_bool (b, "isDefault", v->is_default);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  g_clear_pointer (&keys, g_ptr_array_unref);

  json_builder_set_member_name (b, "subnets");
  json_builder_begin_array (b);
  keys = sorted_keys (state->subnets);
  for (guint i = 0; i < keys->len; i++)
    {
      AmSbSubnet *s = g_hash_table_lookup (state->subnets, keys->pdata[i]);

      json_builder_begin_object (b);
      add_str (b, "subnetId", s->subnet_id);
      add_str (b, "region", s->region);
      add_str (b, "ownerId", s->owner_id);
      add_str (b, "vpcId", s->vpc_id);
      add_str (b, "availabilityZone", s->availability_zone);
      add_str (b, "availabilityZoneId", s->availability_zone_id);
      add_str (b, "cidrBlock", s->cidr_block);
      add_bool (b, "defaultForAz", s->default_for_az);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  g_clear_pointer (&keys, g_ptr_array_unref);

  json_builder_set_member_name (b, "securityGroups");
  json_builder_begin_array (b);
  keys = sorted_keys (state->security_groups);
  for (guint i = 0; i < keys->len; i++)
    {
      AmSbSecurityGroup *g = g_hash_table_lookup (state->security_groups, keys->pdata[i]);

      json_builder_begin_object (b);
      add_str (b, "groupId", g->group_id);
      add_str (b, "region", g->region);
      add_str (b, "ownerId", g->owner_id);
      add_str (b, "vpcId", g->vpc_id);
      add_str (b, "groupName", g->group_name);
      add_str (b, "description", g->description);
      json_builder_set_member_name (b, "ingress");
      json_builder_begin_array (b);
      for (guint j = 0; j < g->ingress->len; j++)
        {
          AmSbIngressRule *r = g->ingress->pdata[j];

          json_builder_begin_object (b);
          add_str (b, "protocol", r->protocol);
          add_int (b, "fromPort", r->from_port);
          add_int (b, "toPort", r->to_port);
          add_str (b, "cidr", r->cidr);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  g_clear_pointer (&keys, g_ptr_array_unref);

  json_builder_set_member_name (b, "launchTemplates");
  json_builder_begin_array (b);
  keys = sorted_keys (state->launch_templates);
  for (guint i = 0; i < keys->len; i++)
    {
      AmSbLaunchTemplate *lt = g_hash_table_lookup (state->launch_templates, keys->pdata[i]);
      g_autoptr (GPtrArray) dkeys = sorted_keys (lt->data);

      json_builder_begin_object (b);
      add_str (b, "launchTemplateId", lt->launch_template_id);
      add_str (b, "region", lt->region);
      add_str (b, "ownerId", lt->owner_id);
      add_str (b, "name", lt->name);
      add_str (b, "versionDescription", lt->version_description);
      add_int (b, "createTime", lt->create_time);
      json_builder_set_member_name (b, "data");
      json_builder_begin_object (b);
      for (guint j = 0; j < dkeys->len; j++)
        add_str (b, dkeys->pdata[j], g_hash_table_lookup (lt->data, dkeys->pdata[j]));
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  g_clear_pointer (&keys, g_ptr_array_unref);

  json_builder_set_member_name (b, "tags");
  json_builder_begin_array (b);
  keys = sorted_keys (state->tags);
  for (guint i = 0; i < keys->len; i++)
    {
      GPtrArray *tags = g_hash_table_lookup (state->tags, keys->pdata[i]);
      const char *k = keys->pdata[i];
      const char *slash = strchr (k, '/');
      g_autofree char *account = g_strndup (k, slash - k);

      for (guint j = 0; j < tags->len; j++)
        {
          AmSbTag *tag = tags->pdata[j];

          json_builder_begin_object (b);
          add_str (b, "account", account);
          add_str (b, "resourceId", slash + 1);
          add_str (b, "key", tag->key);
          add_str (b, "value", tag->value);
          json_builder_end_object (b);
        }
    }
  json_builder_end_array (b);
  g_clear_pointer (&keys, g_ptr_array_unref);

  json_builder_set_member_name (b, "clientTokens");
  json_builder_begin_array (b);
  keys = sorted_keys (state->client_tokens);
  for (guint i = 0; i < keys->len; i++)
    {
      AmSbClientToken *t = g_hash_table_lookup (state->client_tokens, keys->pdata[i]);

      json_builder_begin_object (b);
      add_str (b, "key", keys->pdata[i]);
      add_str (b, "fingerprint", t->fingerprint);
      add_str (b, "result", t->result);
      add_int (b, "createdTime", t->created_time);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  g_clear_pointer (&keys, g_ptr_array_unref);

  json_builder_set_member_name (b, "autoScalingGroups");
  json_builder_begin_array (b);
  keys = sorted_keys (state->auto_scaling_groups);
  for (guint i = 0; i < keys->len; i++)
    {
      AmSbAutoScalingGroup *g = g_hash_table_lookup (state->auto_scaling_groups, keys->pdata[i]);

      json_builder_begin_object (b);
      add_str (b, "region", g->region);
      add_str (b, "ownerId", g->owner_id);
      add_str (b, "name", g->name);
      add_str (b, "arn", g->arn);
      add_str (b, "launchTemplateId", g->launch_template_id);
      add_str (b, "launchTemplateName", g->launch_template_name);
      add_str (b, "launchTemplateVersion", g->launch_template_version);
      add_int (b, "minSize", g->min_size);
      add_int (b, "maxSize", g->max_size);
      add_int (b, "desiredCapacity", g->desired_capacity);
      add_int (b, "createdTime", g->created_time);
      json_builder_set_member_name (b, "subnetIds");
      json_builder_begin_array (b);
      for (guint j = 0; j < g->subnet_ids->len; j++)
        json_builder_add_string_value (b, g->subnet_ids->pdata[j]);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "instanceIds");
      json_builder_begin_array (b);
      for (guint j = 0; j < g->instance_ids->len; j++)
        json_builder_add_string_value (b, g->instance_ids->pdata[j]);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "tags");
      json_builder_begin_array (b);
      for (guint j = 0; j < g->tags->len; j++)
        {
          AmSbAsgTag *tag = g->tags->pdata[j];

          json_builder_begin_object (b);
          add_str (b, "key", tag->key);
          add_str (b, "value", tag->value);
          add_bool (b, "propagateAtLaunch", tag->propagate_at_launch);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  g_clear_pointer (&keys, g_ptr_array_unref);
  am_sb_governance_build (state, b);

  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

/* Reading */

static const char *
get_str (JsonObject *o,
         const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static char *
dup_str (JsonObject *o,
         const char *name)
{
  return g_strdup (get_str (o, name));
}

static const char *
intern_str (JsonObject *o,
            const char *name)
{
  const char *s = get_str (o, name);

  return s ? g_intern_string (s) : NULL;
}

static gint64
get_int (JsonObject *o,
         const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

/* A time in ms since the epoch, within what the state can hold (year 0 to 9999). */
static gint64
get_time (JsonObject *o,
          const char *name)
{
  return CLAMP (get_int (o, name), 0, AM_SB_MAX_TIME_MS);
}

static gboolean
get_bool (JsonObject *o,
          const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  return json_node_get_boolean (node);
}

static JsonArray *
get_array (JsonObject *o,
           const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

static JsonObject *
array_object (JsonArray *a,
              guint      i)
{
  JsonNode *node = json_array_get_element (a, i);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
require (gboolean    ok,
         const char *what,
         GError    **error)
{
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 "the state file has an incomplete %s entry", what);
  return ok;
}

static gboolean
load_images (AmSbState  *state,
             GHashTable *table,
             JsonArray  *array,
             GError    **error)
{
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *o = array_object (array, i);
      AmSbImage *image;
      JsonArray *list;

      if (!require (o && get_str (o, "imageId") && get_str (o, "region") && get_str (o, "ownerId")
                    && get_str (o, "name"), "image", error))
        return FALSE;
      image = g_new0 (AmSbImage, 1);
      image->image_id = dup_str (o, "imageId");
      image->region = intern_str (o, "region");
      image->owner_id = intern_str (o, "ownerId");
      image->owner_alias = intern_str (o, "ownerAlias");
      image->name = dup_str (o, "name");
      image->description = dup_str (o, "description");
      image->image_location = dup_str (o, "imageLocation");
      image->architecture = intern_str (o, "architecture");
      image->platform = intern_str (o, "platform");
      image->platform_details = intern_str (o, "platformDetails");
      image->usage_operation = intern_str (o, "usageOperation");
      image->image_type = intern_str (o, "imageType");
      image->root_device_type = intern_str (o, "rootDeviceType");
      image->root_device_name = intern_str (o, "rootDeviceName");
      image->virtualization_type = intern_str (o, "virtualizationType");
      image->hypervisor = intern_str (o, "hypervisor");
      image->boot_mode = intern_str (o, "bootMode");
      image->imds_support = intern_str (o, "imdsSupport");
      image->tpm_support = intern_str (o, "tpmSupport");
      image->sriov_net_support = intern_str (o, "sriovNetSupport");
      image->ena_support = get_bool (o, "enaSupport");
      image->creation_time = get_time (o, "creationTime");
      image->available_time = get_time (o, "availableTime");
      image->deprecation_time = get_time (o, "deprecationTime");
      image->last_launched_time = get_time (o, "lastLaunchedTime");
      image->deregistration_protection = get_bool (o, "deregistrationProtection");
      image->protection_cooldown = get_bool (o, "protectionCooldown");
      image->protection_until = get_time (o, "protectionUntil");
      image->failed_reason = dup_str (o, "failedReason");
      image->source_instance_id = dup_str (o, "sourceInstanceId");
      image->source_image_id = dup_str (o, "sourceImageId");
      image->source_image_region = dup_str (o, "sourceImageRegion");
      image->disabled = get_bool (o, "disabled");
      image->recycle_enter_time = get_time (o, "recycleEnterTime");
      image->recycle_exit_time = get_time (o, "recycleExitTime");
      image->stored = TRUE;
      image->block_devices = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_block_device_free);
      image->launch_permissions = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_launch_permission_free);
      if (image->architecture == NULL)
        image->architecture = g_intern_static_string ("x86_64");
      if (image->image_type == NULL)
        image->image_type = g_intern_static_string ("machine");
      if (image->root_device_type == NULL)
        image->root_device_type = g_intern_static_string ("ebs");
      if (image->virtualization_type == NULL)
        image->virtualization_type = g_intern_static_string ("hvm");
      if (image->hypervisor == NULL)
        image->hypervisor = g_intern_static_string ("xen");
      if (image->platform_details == NULL)
        image->platform_details = g_intern_static_string ("Linux/UNIX");
      if (image->usage_operation == NULL)
        image->usage_operation = g_intern_static_string ("RunInstances");
      g_hash_table_replace (table, image->image_id, image);

      list = get_array (o, "blockDevices");
      for (guint j = 0; list && j < json_array_get_length (list); j++)
        {
          JsonObject *bo = array_object (list, j);
          AmSbBlockDevice *bd;

          if (!require (bo && get_str (bo, "deviceName"), "block device", error))
            return FALSE;
          bd = am_sb_block_device_new ();
          bd->device_name = dup_str (bo, "deviceName");
          bd->virtual_name = dup_str (bo, "virtualName");
          bd->no_device = get_bool (bo, "noDevice");
          bd->has_ebs = get_bool (bo, "hasEbs");
          bd->snapshot_id = dup_str (bo, "snapshotId");
          bd->volume_size = get_int (bo, "volumeSize");
          bd->volume_type = dup_str (bo, "volumeType");
          bd->delete_on_termination = get_bool (bo, "deleteOnTermination");
          bd->encrypted = get_bool (bo, "encrypted");
          bd->iops = get_int (bo, "iops");
          bd->throughput = get_int (bo, "throughput");
          g_ptr_array_add (image->block_devices, bd);
        }
      list = get_array (o, "productCodes");
      for (guint j = 0; list && j < json_array_get_length (list); j++)
        {
          JsonObject *po = array_object (list, j);
          AmSbProductCode *pc;

          if (!require (po && get_str (po, "code"), "product code", error))
            return FALSE;
          if (image->product_codes == NULL)
            image->product_codes = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_product_code_free);
          pc = g_new0 (AmSbProductCode, 1);
          pc->code = dup_str (po, "code");
          pc->type = dup_str (po, "type");
          g_ptr_array_add (image->product_codes, pc);
        }
      list = get_array (o, "launchPermissions");
      for (guint j = 0; list && j < json_array_get_length (list); j++)
        {
          JsonObject *lo = array_object (list, j);
          gint64 kind;

          if (!require (lo && get_str (lo, "value"), "launch permission", error))
            return FALSE;
          kind = get_int (lo, "kind");
          if (!require (kind >= AM_SB_PERM_USER && kind <= AM_SB_PERM_OU, "launch permission", error))
            return FALSE;
          g_ptr_array_add (image->launch_permissions,
                           am_sb_launch_permission_new (kind, get_str (lo, "value")));
        }
    }
  return TRUE;
}

static gboolean
load_rest (AmSbState  *state,
           JsonObject *root,
           GError    **error)
{
  JsonArray *array;

  array = get_array (root, "snapshots");
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *o = array_object (array, i);
      AmSbSnapshot *s;

      if (!require (o && get_str (o, "snapshotId") && get_str (o, "region") && get_str (o, "ownerId"),
                    "snapshot", error))
        return FALSE;
      s = g_new0 (AmSbSnapshot, 1);
      s->snapshot_id = dup_str (o, "snapshotId");
      s->region = intern_str (o, "region");
      s->owner_id = intern_str (o, "ownerId");
      s->volume_id = dup_str (o, "volumeId");
      s->volume_size = get_int (o, "volumeSize");
      s->description = dup_str (o, "description");
      s->start_time = get_time (o, "startTime");
      s->completed_time = get_time (o, "completedTime");
      s->encrypted = get_bool (o, "encrypted");
      g_hash_table_replace (state->snapshots, s->snapshot_id, s);
    }

  array = get_array (root, "instances");
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *o = array_object (array, i);
      AmSbInstance *in;
      JsonArray *list;

      if (!require (o && get_str (o, "instanceId") && get_str (o, "region") && get_str (o, "ownerId")
                    && get_str (o, "imageId") && get_str (o, "targetState"), "instance", error))
        return FALSE;
      in = g_new0 (AmSbInstance, 1);
      in->instance_id = dup_str (o, "instanceId");
      in->reservation_id = dup_str (o, "reservationId");
      in->region = intern_str (o, "region");
      in->owner_id = intern_str (o, "ownerId");
      in->image_id = dup_str (o, "imageId");
      in->instance_type = dup_str (o, "instanceType");
      in->key_name = dup_str (o, "keyName");
      in->subnet_id = dup_str (o, "subnetId");
      in->vpc_id = dup_str (o, "vpcId");
      in->availability_zone = dup_str (o, "availabilityZone");
      in->private_ip = dup_str (o, "privateIp");
      in->public_ip = dup_str (o, "publicIp");
      in->security_group_ids = g_ptr_array_new_with_free_func (g_free);
      list = get_array (o, "securityGroupIds");
      for (guint j = 0; list && j < json_array_get_length (list); j++)
        {
          JsonNode *sg = json_array_get_element (list, j);

          if (!require (JSON_NODE_HOLDS_VALUE (sg) && json_node_get_value_type (sg) == G_TYPE_STRING,
                        "instance security group", error))
            {
              am_sb_instance_free (in);
              return FALSE;
            }
          g_ptr_array_add (in->security_group_ids, g_strdup (json_node_get_string (sg)));
        }
      in->architecture = intern_str (o, "architecture");
      in->platform = intern_str (o, "platform");
      in->platform_details = intern_str (o, "platformDetails");
      in->root_device_name = intern_str (o, "rootDeviceName");
      in->root_device_type = intern_str (o, "rootDeviceType");
      in->virtualization_type = intern_str (o, "virtualizationType");
      in->boot_mode = intern_str (o, "bootMode");
      in->volumes = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_volume_free);
      list = get_array (o, "volumes");
      for (guint j = 0; list && j < json_array_get_length (list); j++)
        {
          JsonObject *vo = array_object (list, j);
          AmSbVolume *v;

          if (!require (vo && get_str (vo, "volumeId"), "volume", error))
            {
              am_sb_instance_free (in);
              return FALSE;
            }
          v = g_new0 (AmSbVolume, 1);
          v->device_name = dup_str (vo, "deviceName");
          v->volume_id = dup_str (vo, "volumeId");
          v->volume_size = get_int (vo, "volumeSize");
          v->volume_type = dup_str (vo, "volumeType");
          v->snapshot_id = dup_str (vo, "snapshotId");
          v->delete_on_termination = get_bool (vo, "deleteOnTermination");
          g_ptr_array_add (in->volumes, v);
        }
      in->launch_time = get_time (o, "launchTime");
      in->target_state = dup_str (o, "targetState");
      in->target_since = get_time (o, "targetSince");
      in->ami_launch_index = get_int (o, "amiLaunchIndex");
      in->client_token = dup_str (o, "clientToken");
      in->state_reason = dup_str (o, "stateReason");
      in->disable_api_termination = get_bool (o, "disableApiTermination");
      if (in->instance_type == NULL)
        in->instance_type = g_strdup ("t3.micro");
      if (in->architecture == NULL)
        in->architecture = g_intern_static_string ("x86_64");
      g_hash_table_replace (state->instances, in->instance_id, in);
    }

  array = get_array (root, "keyPairs");
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *o = array_object (array, i);
      AmSbKeyPair *k;

      if (!require (o && get_str (o, "keyPairId") && get_str (o, "region") && get_str (o, "ownerId")
                    && get_str (o, "keyName"), "key pair", error))
        return FALSE;
      k = g_new0 (AmSbKeyPair, 1);
      k->key_pair_id = dup_str (o, "keyPairId");
      k->region = intern_str (o, "region");
      k->owner_id = intern_str (o, "ownerId");
      k->key_name = dup_str (o, "keyName");
      k->key_type = dup_str (o, "keyType");
      k->fingerprint = dup_str (o, "fingerprint");
      k->public_key = dup_str (o, "publicKey");
      k->create_time = get_time (o, "createTime");
      g_hash_table_replace (state->key_pairs, k->key_pair_id, k);
    }

  array = get_array (root, "vpcs");
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *o = array_object (array, i);
      AmSbVpc *v;

      if (!require (o && get_str (o, "vpcId") && get_str (o, "region") && get_str (o, "ownerId"),
                    "VPC", error))
        return FALSE;
      v = g_new0 (AmSbVpc, 1);
      v->vpc_id = dup_str (o, "vpcId");
      v->region = intern_str (o, "region");
      v->owner_id = intern_str (o, "ownerId");
      v->cidr_block = dup_str (o, "cidrBlock");
      v->is_default = get_bool (o, "isDefault");
      g_hash_table_replace (state->vpcs, v->vpc_id, v);
    }

  array = get_array (root, "subnets");
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *o = array_object (array, i);
      AmSbSubnet *s;

      if (!require (o && get_str (o, "subnetId") && get_str (o, "region") && get_str (o, "ownerId")
                    && get_str (o, "vpcId") && get_str (o, "availabilityZone"), "subnet", error))
        return FALSE;
      s = g_new0 (AmSbSubnet, 1);
      s->subnet_id = dup_str (o, "subnetId");
      s->region = intern_str (o, "region");
      s->owner_id = intern_str (o, "ownerId");
      s->vpc_id = dup_str (o, "vpcId");
      s->availability_zone = dup_str (o, "availabilityZone");
      s->availability_zone_id = dup_str (o, "availabilityZoneId");
      s->cidr_block = dup_str (o, "cidrBlock");
      s->default_for_az = get_bool (o, "defaultForAz");
      g_hash_table_replace (state->subnets, s->subnet_id, s);
    }

  array = get_array (root, "securityGroups");
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *o = array_object (array, i);
      AmSbSecurityGroup *g;
      JsonArray *list;

      if (!require (o && get_str (o, "groupId") && get_str (o, "region") && get_str (o, "ownerId")
                    && get_str (o, "groupName"), "security group", error))
        return FALSE;
      g = g_new0 (AmSbSecurityGroup, 1);
      g->group_id = dup_str (o, "groupId");
      g->region = intern_str (o, "region");
      g->owner_id = intern_str (o, "ownerId");
      g->vpc_id = dup_str (o, "vpcId");
      g->group_name = dup_str (o, "groupName");
      g->description = dup_str (o, "description");
      g->ingress = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_ingress_rule_free);
      g_hash_table_replace (state->security_groups, g->group_id, g);
      list = get_array (o, "ingress");
      for (guint j = 0; list && j < json_array_get_length (list); j++)
        {
          JsonObject *ro = array_object (list, j);
          AmSbIngressRule *r;

          if (!require (ro && get_str (ro, "protocol"), "security group rule", error))
            return FALSE;
          r = g_new0 (AmSbIngressRule, 1);
          r->protocol = dup_str (ro, "protocol");
          r->from_port = get_int (ro, "fromPort");
          r->to_port = get_int (ro, "toPort");
          r->cidr = dup_str (ro, "cidr");
          g_ptr_array_add (g->ingress, r);
        }
    }

  array = get_array (root, "launchTemplates");
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *o = array_object (array, i);
      AmSbLaunchTemplate *lt;
      JsonNode *data;

      if (!require (o && get_str (o, "launchTemplateId") && get_str (o, "region")
                    && get_str (o, "ownerId") && get_str (o, "name"), "launch template", error))
        return FALSE;
      lt = g_new0 (AmSbLaunchTemplate, 1);
      lt->launch_template_id = dup_str (o, "launchTemplateId");
      lt->region = intern_str (o, "region");
      lt->owner_id = intern_str (o, "ownerId");
      lt->name = dup_str (o, "name");
      lt->version_description = dup_str (o, "versionDescription");
      lt->create_time = get_time (o, "createTime");
      lt->data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      data = json_object_get_member (o, "data");
      if (data != NULL && JSON_NODE_HOLDS_OBJECT (data))
        {
          JsonObject *d = json_node_get_object (data);
          g_autoptr (GList) members = json_object_get_members (d);

          for (GList *l = members; l; l = l->next)
            if (get_str (d, l->data) != NULL)
              g_hash_table_insert (lt->data, g_strdup (l->data), dup_str (d, l->data));
        }
      g_hash_table_replace (state->launch_templates, lt->launch_template_id, lt);
    }

  array = get_array (root, "tags");
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *o = array_object (array, i);

      if (!require (o && get_str (o, "account") && get_str (o, "resourceId") && get_str (o, "key"),
                    "tag", error))
        return FALSE;
      am_sb_state_set_tag (state, get_str (o, "account"), get_str (o, "resourceId"),
                           get_str (o, "key"), get_str (o, "value"));
    }

  array = get_array (root, "clientTokens");
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *o = array_object (array, i);
      AmSbClientToken *t;

      if (!require (o && get_str (o, "key") && get_str (o, "fingerprint") && get_str (o, "result"),
                    "client token", error))
        return FALSE;
      t = g_new0 (AmSbClientToken, 1);
      t->fingerprint = dup_str (o, "fingerprint");
      t->result = dup_str (o, "result");
      /* A file written before tokens expired: they start their day now. */
      t->created_time = get_time (o, "createdTime");
      if (t->created_time == 0)
        t->created_time = g_get_real_time () / 1000;
      g_hash_table_replace (state->client_tokens, dup_str (o, "key"), t);
    }

  array = get_array (root, "autoScalingGroups");
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *o = array_object (array, i);
      AmSbAutoScalingGroup *g;
      JsonArray *list;

      if (!require (o && get_str (o, "region") && get_str (o, "ownerId") && get_str (o, "name")
                    && get_str (o, "launchTemplateId"), "Auto Scaling group", error))
        return FALSE;
      g = g_new0 (AmSbAutoScalingGroup, 1);
      g->region = intern_str (o, "region");
      g->owner_id = intern_str (o, "ownerId");
      g->name = dup_str (o, "name");
      g->key = g_strdup_printf ("%s/%s/%s", g->owner_id, g->region, g->name);
      g->arn = dup_str (o, "arn");
      g->launch_template_id = dup_str (o, "launchTemplateId");
      g->launch_template_name = dup_str (o, "launchTemplateName");
      g->launch_template_version = dup_str (o, "launchTemplateVersion");
      /* Sizes as the calls allow them: a hand-edited capacity of billions would launch for ever. */
      g->min_size = CLAMP (get_int (o, "minSize"), 0, AM_SB_MAX_GROUP_SIZE);
      g->max_size = CLAMP (get_int (o, "maxSize"), g->min_size, AM_SB_MAX_GROUP_SIZE);
      g->desired_capacity = CLAMP (get_int (o, "desiredCapacity"), g->min_size, g->max_size);
      g->created_time = get_time (o, "createdTime");
      g->subnet_ids = g_ptr_array_new_with_free_func (g_free);
      g->instance_ids = g_ptr_array_new_with_free_func (g_free);
      g->tags = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_asg_tag_free);
      list = get_array (o, "subnetIds");
      for (guint j = 0; list && j < json_array_get_length (list); j++)
        if (JSON_NODE_HOLDS_VALUE (json_array_get_element (list, j))
            && json_node_get_value_type (json_array_get_element (list, j)) == G_TYPE_STRING)
          g_ptr_array_add (g->subnet_ids, g_strdup (json_array_get_string_element (list, j)));
      list = get_array (o, "instanceIds");
      for (guint j = 0; list && j < json_array_get_length (list); j++)
        if (JSON_NODE_HOLDS_VALUE (json_array_get_element (list, j))
            && json_node_get_value_type (json_array_get_element (list, j)) == G_TYPE_STRING)
          g_ptr_array_add (g->instance_ids, g_strdup (json_array_get_string_element (list, j)));
      list = get_array (o, "tags");
      for (guint j = 0; list && j < json_array_get_length (list); j++)
        {
          JsonObject *to = array_object (list, j);
          AmSbAsgTag *tag;

          if (!require (to && get_str (to, "key"), "Auto Scaling group tag", error))
            {
              am_sb_auto_scaling_group_free (g);
              return FALSE;
            }
          tag = g_new0 (AmSbAsgTag, 1);
          tag->key = dup_str (to, "key");
          tag->value = g_strdup (get_str (to, "value") ? get_str (to, "value") : "");
          tag->propagate_at_launch = get_bool (to, "propagateAtLaunch");
          g_ptr_array_add (g->tags, tag);
        }
      g_hash_table_replace (state->auto_scaling_groups, g->key, g);
    }
  return TRUE;
}

/* The lists am_sb_state_to_json writes at the top level. */
static const char *const top_level_lists[] = {
  "images", "snapshots", "instances", "keyPairs", "vpcs", "subnets", "securityGroups",
  "launchTemplates", "tags", "clientTokens", "autoScalingGroups", "recycleBin",
};

/* Lists the format gained after its first release: a file written before them simply has none
 * (an upgrade is not damage). */
static const char *const later_lists[] = {
  "autoScalingGroups", "recycleBin", NULL
};

gboolean
am_sb_state_from_json (AmSbState  *state,
                       const char *data,
                       gsize       length,
                       GError    **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *o;

  state_clear (state);
  if (!json_parser_load_from_data (parser, data, length, error))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the state file is not a JSON object");
      return FALSE;
    }
  o = json_node_get_object (root);
  if (get_int (o, "version") != STATE_FORMAT_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "the state file has format version %" G_GINT64_FORMAT ", expected %d",
                   get_int (o, "version"), STATE_FORMAT_VERSION);
      return FALSE;
    }
  /* Every list is always written: one that is missing or is not a list means the file was
   * damaged or edited, and loading it as empty would make the loss permanent at the next save. */
  for (guint i = 0; i < G_N_ELEMENTS (top_level_lists); i++)
    {
      JsonNode *member = json_object_get_member (o, top_level_lists[i]);

      if (member == NULL && g_strv_contains ((const char * const *) later_lists, top_level_lists[i]))
        continue;
      if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       member == NULL ? "the state file has no \"%s\" list" : "the state file's \"%s\" is not a list",
                       top_level_lists[i]);
          return FALSE;
        }
    }
  if (!load_images (state, state->images, get_array (o, "images"), error)
      || !load_images (state, state->recycle_bin, get_array (o, "recycleBin"), error)
      || !load_rest (state, o, error) || !am_sb_governance_load (state, o, error))
    {
      state_clear (state);
      return FALSE;
    }
  return TRUE;
}

gboolean
am_sb_state_load (AmSbState   *state,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr (GError) local_error = NULL;
  gsize length = 0;

  g_free (state->path);
  /* Cleared, not only freed: every way out below either replaces it or leaves it unset. */
  g_clear_pointer (&state->saved_json, g_free);
  state->path = g_strdup (path);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      "Could not read the sandbox state %s: ", path);
          return FALSE;
        }
      am_sb_state_seed (state);
      return am_sb_state_save (state, error);
    }

  if (am_sb_state_from_json (state, data, length, &local_error))
    {
      g_free (state->saved_json);
      state->saved_json = g_steal_pointer (&data);
    }
  else
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
      g_autofree char *aside = g_strdup_printf ("%s.damaged-%s", path, stamp);

      if (g_rename (path, aside) != 0)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                       "The sandbox state %s is damaged (%s) and could not be moved aside: %s",
                       path, local_error->message, g_strerror (errno));
          return FALSE;
        }
      g_printerr ("amiable-sandbox: the state file %s is damaged (%s); it was moved to %s "
                  "and the sandbox starts from a fresh state. Inspect or restore it from there.\n",
                  path, local_error->message, aside);
      am_sb_state_seed (state);
      return am_sb_state_save (state, error);
    }
  return TRUE;
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += n;
      length -= n;
    }
  return TRUE;
}

/* Writes @data to @path through a new temporary file, durably: every step's result counts.
 * *@replaced says whether @path was replaced (even when a later step failed). */
static gboolean
write_durably (const char  *path,
               const char  *data,
               guint        io_faults,
               gboolean    *replaced,
               GError     **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s.tmp-%d", path, (int) getpid ());
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;
  int saved_errno;
  gboolean written;

  *replaced = FALSE;
  /* A new file of our own: never through a symlink, never into a file someone else opened. A
   * name left by an earlier failure of this process is removed first (unlink does not follow). */
  fd = g_open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST && g_unlink (tmp) == 0)
    fd = g_open (tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not write the sandbox state %s: %s", tmp, g_strerror (saved_errno));
      return FALSE;
    }
  written = write_all (fd, data, strlen (data)) && fsync (fd) == 0;
  saved_errno = errno;
  /* close() reports errors of the writes too (on network file systems, for example). */
  if (close (fd) != 0 || (io_faults & AM_SB_IO_FAULT_CLOSE) != 0)
    {
      if (written)
        saved_errno = (io_faults & AM_SB_IO_FAULT_CLOSE) != 0 ? EIO : errno;
      written = FALSE;
    }
  if (!written)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not write the sandbox state %s: %s", tmp, g_strerror (saved_errno));
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not replace the sandbox state %s: %s", path, g_strerror (saved_errno));
      return FALSE;
    }
  *replaced = TRUE;
  /* The rename itself must reach the disk before the caller acknowledges anything. */
  fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (fd < 0)
    saved_errno = errno;
  else
    {
      written = fsync (fd) == 0 && (io_faults & AM_SB_IO_FAULT_DIR_FSYNC) == 0;
      saved_errno = (io_faults & AM_SB_IO_FAULT_DIR_FSYNC) != 0 ? EIO : errno;
      if (close (fd) != 0 && written)
        {
          saved_errno = errno;
          written = FALSE;
        }
      if (written)
        return TRUE;
    }
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "Could not make the new sandbox state %s durable (syncing the folder %s failed): %s",
               path, dir, g_strerror (saved_errno));
  return FALSE;
}

gboolean
am_sb_state_save (AmSbState  *state,
                  GError    **error)
{
  g_autofree char *data = NULL;
  gboolean replaced;

  if (state->path == NULL)
    return TRUE;

  data = am_sb_state_to_json (state);
  if (!write_durably (state->path, data, state->io_faults, &replaced, error))
    {
      /* The new file is in place already when the folder's sync failed: put the last
       * acknowledged state back, so that what the caller undoes is undone on disk too. */
      if (replaced && state->saved_json != NULL)
        {
          g_autoptr (GError) restore_error = NULL;

          if (!write_durably (state->path, state->saved_json, 0, &replaced, &restore_error))
            g_printerr ("amiable-sandbox: could not put back the saved state either: %s\n",
                        restore_error->message);
        }
      return FALSE;
    }
  g_free (state->saved_json);
  state->saved_json = g_steal_pointer (&data);
  return TRUE;
}

gboolean
am_sb_state_prepare_dir (const char  *data_dir,
                         GError     **error)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;
  GStatBuf st;

  if (g_lstat (data_dir, &st) != 0 || !S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   "The sandbox data folder %s is not a folder", data_dir);
      return FALSE;
    }
  /* The state holds the private keys of the key pairs made in the sandbox: only its owner may
   * read it. A shared folder with the sticky bit (such as /tmp) is left alone and refused. */
  if ((st.st_mode & 0077) != 0)
    {
      if ((st.st_mode & S_ISVTX) != 0 || st.st_uid != getuid ()
          || g_chmod (data_dir, st.st_mode & 0700) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                       "The sandbox data folder %s can be read by others (mode %04o) and could not be "
                       "made private; give --data-dir a folder of your own", data_dir,
                       (unsigned) (st.st_mode & 07777));
          return FALSE;
        }
    }
  dir = g_dir_open (data_dir, 0, error);
  if (dir == NULL)
    return FALSE;
  /* Left by a save that a crash interrupted; with the folder's lock held, nobody writes them. */
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "state.json.tmp-"))
      {
        g_autofree char *stale = g_build_filename (data_dir, name, NULL);

        if (g_unlink (stale) != 0)
          {
            int saved_errno = errno;

            g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                         "Could not remove the stale temporary file %s: %s", stale, g_strerror (saved_errno));
            return FALSE;
          }
      }
  return TRUE;
}

gboolean
am_sb_state_rollback (AmSbState  *state,
                      GError    **error)
{
  if (state->saved_json == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no saved state to return to");
      return FALSE;
    }
  return am_sb_state_from_json (state, state->saved_json, strlen (state->saved_json), error);
}
