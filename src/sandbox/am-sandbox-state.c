/* am-sandbox-state.c: the sandbox's resources, accounts, tags and time-based states
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <string.h>

#include "am-sandbox-catalog.h"
#include "am-sandbox-state-private.h"

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

/* The account whose string member at @offset is @value. */
static const AmSbAccount *
account_by (gsize       offset,
            const char *value)
{
  if (value == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    if (strcmp (G_STRUCT_MEMBER (const char *, &accounts[i], offset), value) == 0)
      return &accounts[i];
  return NULL;
}

const AmSbAccount *
am_sb_account_by_key (const char *access_key_id)
{
  return account_by (G_STRUCT_OFFSET (AmSbAccount, access_key_id), access_key_id);
}

const AmSbAccount *
am_sb_account_by_id (const char *account_id)
{
  return account_by (G_STRUCT_OFFSET (AmSbAccount, account_id), account_id);
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

AmSbLaunchPermission *
am_sb_launch_permission_new (AmSbPermKind  kind,
                             const char   *value)
{
  AmSbLaunchPermission *perm = g_new0 (AmSbLaunchPermission, 1);

  perm->kind = kind;
  perm->value = g_strdup (value);
  return perm;
}

static void
tag_free (AmSbTag *tag)
{
  g_free (tag->key);
  g_free (tag->value);
  g_free (tag);
}

/* State */

void
_am_sb_state_clear (AmSbState *state)
{
  g_hash_table_remove_all (state->images);
  g_hash_table_remove_all (state->recycle_bin);
  g_hash_table_remove_all (state->snapshots);
  g_hash_table_remove_all (state->snapshot_recycle_bin);
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
  state->snapshot_recycle_days = AM_SB_DEFAULT_RECYCLE_DAYS;
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
  state->snapshot_recycle_bin = TABLE (am_sb_snapshot_free);
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
                                                (GDestroyNotify) _am_sb_client_token_free);
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
  g_hash_table_unref (state->snapshot_recycle_bin);
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

/* The tags of @resource_id (NULL: none yet) and, in *@table_key, their key in state->tags. */
static GPtrArray *
lookup_tags (AmSbState   *state,
             const char  *account_id,
             const char  *resource_id,
             char       **table_key)
{
  *table_key = tag_key (account_id, resource_id);
  return g_hash_table_lookup (state->tags, *table_key);
}

/* The tag of @tags (nullable) with @key, or NULL; its index in *@index. */
static AmSbTag *
find_tag (GPtrArray  *tags,
          const char *key,
          guint      *index)
{
  for (guint i = 0; tags != NULL && i < tags->len; i++)
    if (strcmp (((AmSbTag *) tags->pdata[i])->key, key) == 0)
      {
        *index = i;
        return tags->pdata[i];
      }
  return NULL;
}

void
am_sb_state_set_tag (AmSbState  *state,
                     const char *account_id,
                     const char *resource_id,
                     const char *key,
                     const char *value)
{
  g_autofree char *k = NULL;
  GPtrArray *tags = lookup_tags (state, account_id, resource_id, &k);
  AmSbTag *tag;
  guint index;

  if (tags == NULL)
    {
      tags = g_ptr_array_new_with_free_func ((GDestroyNotify) tag_free);
      g_hash_table_insert (state->tags, g_steal_pointer (&k), tags);
    }
  tag = find_tag (tags, key, &index);
  if (tag == NULL)
    {
      tag = g_new0 (AmSbTag, 1);
      tag->key = g_strdup (key);
      g_ptr_array_add (tags, tag);
    }
  g_free (tag->value);
  tag->value = g_strdup (value ? value : "");
}

gboolean
am_sb_state_delete_tag (AmSbState  *state,
                        const char *account_id,
                        const char *resource_id,
                        const char *key,
                        const char *value)
{
  g_autofree char *k = NULL;
  GPtrArray *tags = lookup_tags (state, account_id, resource_id, &k);
  guint index = 0;
  AmSbTag *tag = find_tag (tags, key, &index);
  if (tag == NULL || (value != NULL && strcmp (tag->value, value) != 0))
    return FALSE;
  g_ptr_array_remove_index (tags, index);
  if (tags->len == 0)
    g_hash_table_remove (state->tags, k);
  return TRUE;
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
