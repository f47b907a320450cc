/* am-sandbox-match.c: EC2 filter matching (wildcards, image filters) for the sandbox
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <string.h>

#include "am-sandbox-match.h"

void
am_sb_filter_free (AmSbFilter *filter)
{
  g_free (filter->name);
  g_clear_pointer (&filter->values, g_ptr_array_unref);
  g_free (filter);
}

gboolean
am_sb_wildcard_match (const char *pattern,
                      const char *text)
{
  /* Iterative matcher with one backtrack point: linear in practice, never exponential. */
  const char *star_p = NULL;
  const char *star_t = NULL;

  g_return_val_if_fail (pattern != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  while (*text != '\0')
    {
      if (*pattern == '*')
        {
          star_p = ++pattern;
          star_t = text;
          continue;
        }
      if (*pattern == '?')
        {
          pattern++;
          text++;
          continue;
        }
      if (*pattern != '\0')
        {
          char literal = *pattern;
          int length = 1;

          if (literal == '\\' && pattern[1] != '\0')
            {
              literal = pattern[1];
              length = 2;
            }
          if (literal == *text)
            {
              pattern += length;
              text++;
              continue;
            }
        }
      if (star_p != NULL)
        {
          pattern = star_p;
          text = ++star_t;
          continue;
        }
      return FALSE;
    }
  while (*pattern == '*')
    pattern++;
  return *pattern == '\0';
}

gboolean
am_sb_filter_values_match (GPtrArray  *values,
                           const char *text)
{
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < values->len; i++)
    if (am_sb_wildcard_match (values->pdata[i], text))
      return TRUE;
  return FALSE;
}

static const char *const image_filters[] = {
  "architecture", "block-device-mapping.delete-on-termination", "block-device-mapping.device-name",
  "block-device-mapping.snapshot-id", "block-device-mapping.volume-size",
  "block-device-mapping.volume-type", "block-device-mapping.encrypted", "boot-mode",
  "creation-date", "deprecation-time", "description", "ena-support", "hypervisor", "image-id",
  "image-type", "is-public", "kernel-id", "manifest-location", "name", "owner-alias", "owner-id",
  "platform", "platform-details", "product-code", "product-code.type", "public-ssm-parameter-name",
  "ramdisk-id", "root-device-name", "root-device-type", "source-image-id", "source-image-region",
  "source-instance-id", "state", "state-reason-code", "state-reason-message", "sriov-net-support",
  "tag-key", "tag-value", "usage-operation", "virtualization-type", "imds-support", "tpm-support",
  NULL,
};

gboolean
am_sb_image_filter_is_known (const char *name)
{
  return g_str_has_prefix (name, "tag:") || g_strv_contains (image_filters, name);
}

gboolean
am_sb_tags_match (GPtrArray  *tags,
                  const char *name,
                  GPtrArray  *values,
                  gboolean   *handled)
{
  *handled = TRUE;
  if (g_str_has_prefix (name, "tag:"))
    {
      const char *key = name + 4;

      for (guint i = 0; tags && i < tags->len; i++)
        {
          AmSbTag *tag = tags->pdata[i];

          if (strcmp (tag->key, key) == 0)
            return am_sb_filter_values_match (values, tag->value);
        }
      return FALSE;
    }
  if (strcmp (name, "tag-key") == 0 || strcmp (name, "tag-value") == 0)
    {
      gboolean key = name[4] == 'k';

      for (guint i = 0; tags && i < tags->len; i++)
        {
          AmSbTag *tag = tags->pdata[i];

          if (am_sb_filter_values_match (values, key ? tag->key : tag->value))
            return TRUE;
        }
      return FALSE;
    }
  *handled = FALSE;
  return FALSE;
}

static gboolean
match_bool (GPtrArray *values,
            gboolean   value)
{
  return am_sb_filter_values_match (values, value ? "true" : "false");
}

static gboolean
match_int (GPtrArray *values,
           gint64     value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  return am_sb_filter_values_match (values, buf);
}

static gboolean
match_block_devices (const AmSbImage *image,
                     const char      *field,
                     GPtrArray       *values)
{
  for (guint i = 0; i < image->block_devices->len; i++)
    {
      AmSbBlockDevice *bd = image->block_devices->pdata[i];
      gboolean ok = FALSE;

      if (strcmp (field, "device-name") == 0)
        ok = am_sb_filter_values_match (values, bd->device_name);
      else if (!bd->has_ebs)
        ok = FALSE;
      else if (strcmp (field, "snapshot-id") == 0)
        ok = am_sb_filter_values_match (values, bd->snapshot_id);
      else if (strcmp (field, "volume-size") == 0)
        ok = match_int (values, bd->volume_size);
      else if (strcmp (field, "volume-type") == 0)
        ok = am_sb_filter_values_match (values, bd->volume_type);
      else if (strcmp (field, "delete-on-termination") == 0)
        ok = match_bool (values, bd->delete_on_termination);
      else if (strcmp (field, "encrypted") == 0)
        ok = match_bool (values, bd->encrypted);
      if (ok)
        return TRUE;
    }
  return FALSE;
}

static gboolean
image_matches_one (const AmSbImage *image,
                   GPtrArray       *tags,
                   AmSbFilter      *filter,
                   gint64           now_ms)
{
  const char *name = filter->name;
  GPtrArray *values = filter->values;
  gboolean handled;
  gboolean ok;

  ok = am_sb_tags_match (tags, name, values, &handled);
  if (handled)
    return ok;

  switch (name[0])
    {
    case 'a':
      if (strcmp (name, "architecture") == 0)
        return am_sb_filter_values_match (values, image->architecture);
      break;
    case 'b':
      if (g_str_has_prefix (name, "block-device-mapping."))
        return match_block_devices (image, name + strlen ("block-device-mapping."), values);
      if (strcmp (name, "boot-mode") == 0)
        return am_sb_filter_values_match (values, image->boot_mode);
      break;
    case 'c':
      if (strcmp (name, "creation-date") == 0)
        {
          g_autofree char *date = am_sb_format_time (image->creation_time);

          return am_sb_filter_values_match (values, date);
        }
      break;
    case 'd':
      if (strcmp (name, "description") == 0)
        return am_sb_filter_values_match (values, image->description);
      if (strcmp (name, "deprecation-time") == 0)
        {
          g_autofree char *date = NULL;

          if (image->deprecation_time == 0)
            return FALSE;
          date = am_sb_format_time (image->deprecation_time);
          return am_sb_filter_values_match (values, date);
        }
      break;
    case 'e':
      if (strcmp (name, "ena-support") == 0)
        return match_bool (values, image->ena_support);
      break;
    case 'h':
      if (strcmp (name, "hypervisor") == 0)
        return am_sb_filter_values_match (values, image->hypervisor);
      break;
    case 'i':
      if (strcmp (name, "image-id") == 0)
        return am_sb_filter_values_match (values, image->image_id);
      if (strcmp (name, "image-type") == 0)
        return am_sb_filter_values_match (values, image->image_type);
      if (strcmp (name, "is-public") == 0)
        return match_bool (values, am_sb_image_is_public (image));
      if (strcmp (name, "imds-support") == 0)
        return am_sb_filter_values_match (values, image->imds_support);
      break;
    case 'k':
      return FALSE;  /* kernel-id: hvm images have none */
    case 'm':
      if (strcmp (name, "manifest-location") == 0)
        return am_sb_filter_values_match (values, image->image_location);
      break;
    case 'n':
      if (strcmp (name, "name") == 0)
        return am_sb_filter_values_match (values, image->name);
      break;
    case 'o':
      if (strcmp (name, "owner-alias") == 0)
        return am_sb_filter_values_match (values, image->owner_alias);
      if (strcmp (name, "owner-id") == 0)
        return am_sb_filter_values_match (values, image->owner_id);
      break;
    case 'p':
      if (strcmp (name, "platform") == 0)
        return am_sb_filter_values_match (values, image->platform);
      if (strcmp (name, "platform-details") == 0)
        return am_sb_filter_values_match (values, image->platform_details);
      if (strcmp (name, "product-code") == 0 || strcmp (name, "product-code.type") == 0)
        {
          gboolean type = name[12] == '.';

          for (guint i = 0; image->product_codes && i < image->product_codes->len; i++)
            {
              AmSbProductCode *pc = image->product_codes->pdata[i];

              if (am_sb_filter_values_match (values, type ? pc->type : pc->code))
                return TRUE;
            }
          return FALSE;
        }
      if (strcmp (name, "public-ssm-parameter-name") == 0)
        return am_sb_filter_values_match (values, image->ssm_parameter);
      break;
    case 'r':
      if (strcmp (name, "root-device-name") == 0)
        return am_sb_filter_values_match (values, image->root_device_name);
      if (strcmp (name, "root-device-type") == 0)
        return am_sb_filter_values_match (values, image->root_device_type);
      return FALSE;  /* ramdisk-id */
    case 's':
      if (strcmp (name, "state") == 0)
        return am_sb_filter_values_match (values, am_sb_image_state (image, now_ms));
      if (strcmp (name, "source-image-id") == 0)
        return am_sb_filter_values_match (values, image->source_image_id);
      if (strcmp (name, "source-image-region") == 0)
        return am_sb_filter_values_match (values, image->source_image_region);
      if (strcmp (name, "source-instance-id") == 0)
        return am_sb_filter_values_match (values, image->source_instance_id);
      if (strcmp (name, "sriov-net-support") == 0)
        return am_sb_filter_values_match (values, image->sriov_net_support);
      if (strcmp (name, "state-reason-code") == 0)
        return image->failed_reason && am_sb_filter_values_match (values, "Client.InternalError");
      if (strcmp (name, "state-reason-message") == 0)
        return am_sb_filter_values_match (values, image->failed_reason);
      break;
    case 't':
      if (strcmp (name, "tpm-support") == 0)
        return am_sb_filter_values_match (values, image->tpm_support);
      break;
    case 'u':
      if (strcmp (name, "usage-operation") == 0)
        return am_sb_filter_values_match (values, image->usage_operation);
      break;
    case 'v':
      if (strcmp (name, "virtualization-type") == 0)
        return am_sb_filter_values_match (values, image->virtualization_type);
      break;
    default:
      break;
    }
  return FALSE;
}

gboolean
am_sb_image_matches (const AmSbImage *image,
                     GPtrArray       *tags,
                     GPtrArray       *filters,
                     gint64           now_ms)
{
  for (guint i = 0; filters && i < filters->len; i++)
    if (!image_matches_one (image, tags, filters->pdata[i], now_ms))
      return FALSE;
  return TRUE;
}
