/* am-sandbox-tags.c: the sandbox's tag operations (CreateTags, DeleteTags, DescribeTags) and the tag limits
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <string.h>

#include "am-sandbox-private.h"

/* EC2 allows 50 tags per resource. */
#define MAX_TAGS 50

gboolean
_am_sb_check_tag_pairs (AmSbCall  *call,
                        GPtrArray *pairs)
{
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      const char *key = pairs->pdata[i];
      const char *value = pairs->pdata[i + 1];

      if (*key == '\0' || strlen (key) > 128 || g_str_has_prefix (key, "aws:"))
        return _am_sb_fail (call, 400, "InvalidParameterValue",
                            "Tag keys must be 1 to 128 characters and must not start with 'aws:' (got '%s').",
                            key);
      if (strlen (value) > 256)
        return _am_sb_fail (call, 400, "InvalidParameterValue",
                            "Tag values may be at most 256 characters (tag '%s').", key);
    }
  if (pairs->len / 2 > MAX_TAGS)
    return _am_sb_fail (call, 400, "TagLimitExceeded", "A resource can have at most %d tags.", MAX_TAGS);
  return TRUE;
}

/* The limit is per resource: the tags it has and the new keys of @pairs together. */
static gboolean
check_tag_room (AmSbCall   *call,
                const char *resource_id,
                GPtrArray  *pairs)
{
  GPtrArray *existing = am_sb_state_get_tags (call->state, call->account->account_id, resource_id);
  g_autoptr (GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; existing != NULL && i < existing->len; i++)
    g_hash_table_add (keys, ((AmSbTag *) existing->pdata[i])->key);
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    g_hash_table_add (keys, pairs->pdata[i]);
  if (g_hash_table_size (keys) > MAX_TAGS)
    return _am_sb_fail (call, 400, "TagLimitExceeded",
                        "The resource '%s' would have %u tags; a resource can have at most %d. Delete some "
                        "first.", resource_id, g_hash_table_size (keys), MAX_TAGS);
  return TRUE;
}

/* Tags */

typedef enum
{
  RES_UNKNOWN,
  RES_IMAGE,
  RES_SNAPSHOT,
  RES_INSTANCE,
  RES_VPC,
  RES_SUBNET,
  RES_SECURITY_GROUP,
  RES_KEY_PAIR,
  RES_LAUNCH_TEMPLATE,
} ResourceKind;

static const char *const resource_type_names[] = {
  NULL, "image", "snapshot", "instance", "vpc", "subnet", "security-group", "key-pair", "launch-template",
};

static ResourceKind
resource_kind (const char *id)
{
  if (g_str_has_prefix (id, "ami-"))
    return RES_IMAGE;
  if (g_str_has_prefix (id, "snap-"))
    return RES_SNAPSHOT;
  if (g_str_has_prefix (id, "i-"))
    return RES_INSTANCE;
  if (g_str_has_prefix (id, "vpc-"))
    return RES_VPC;
  if (g_str_has_prefix (id, "subnet-"))
    return RES_SUBNET;
  if (g_str_has_prefix (id, "sg-"))
    return RES_SECURITY_GROUP;
  if (g_str_has_prefix (id, "key-"))
    return RES_KEY_PAIR;
  if (g_str_has_prefix (id, "lt-"))
    return RES_LAUNCH_TEMPLATE;
  return RES_UNKNOWN;
}

/* Every resource struct starts with its id, then region and owner. */
typedef struct
{
  char       *id;
  const char *region;
  const char *owner_id;
} ResourceHead;

static gboolean
check_resource (AmSbCall   *call,
                const char *id)
{
  ResourceKind kind = resource_kind (id);
  GHashTable *table = NULL;
  ResourceHead *head;

  switch (kind)
    {
    case RES_IMAGE:
      return _am_sb_visible_image (call, id) != NULL;
    case RES_SNAPSHOT: table = call->state->snapshots; break;
    case RES_INSTANCE: table = call->state->instances; break;
    case RES_VPC: table = call->state->vpcs; break;
    case RES_SUBNET: table = call->state->subnets; break;
    case RES_SECURITY_GROUP: table = call->state->security_groups; break;
    case RES_KEY_PAIR: table = call->state->key_pairs; break;
    case RES_LAUNCH_TEMPLATE: table = call->state->launch_templates; break;
    case RES_UNKNOWN:
    default:
      return _am_sb_fail (call, 400, "InvalidID", "The ID '%s' is not valid", id);
    }
  head = g_hash_table_lookup (table, id);
  if (head == NULL || head->region != g_intern_string (call->region)
      || head->owner_id != g_intern_string (call->account->account_id))
    return _am_sb_fail (call, 400, "InvalidID", "The ID '%s' does not exist in %s", id, call->region);
  return TRUE;
}

static gboolean
op_create_tags (AmSbCall *call)
{
  g_autoptr (GPtrArray) ids = _am_sb_param_list (call, "ResourceId");
  g_autoptr (GArray) tag_indices = _am_sb_param_indices (call, "Tag");
  g_autoptr (GPtrArray) pairs = g_ptr_array_new ();

  if (ids->len == 0)
    return _am_sb_fail (call, 400, "MissingParameter", "The request must contain the parameter ResourceId.N");
  if (tag_indices->len == 0)
    return _am_sb_fail (call, 400, "MissingParameter", "The request must contain the parameter Tag.N");
  for (guint i = 0; i < tag_indices->len; i++)
    {
      guint n = g_array_index (tag_indices, guint, i);
      g_autofree char *k = g_strdup_printf ("Tag.%u.Key", n);
      g_autofree char *v = g_strdup_printf ("Tag.%u.Value", n);

      if (_am_sb_param (call, k) == NULL)
        return _am_sb_fail (call, 400, "MissingParameter", "The request must contain the parameter %s", k);
      g_ptr_array_add (pairs, (gpointer) _am_sb_param (call, k));
      g_ptr_array_add (pairs, (gpointer) (_am_sb_param (call, v) ? _am_sb_param (call, v) : ""));
    }
  if (!_am_sb_check_tag_pairs (call, pairs))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!check_resource (call, ids->pdata[i]) || !check_tag_room (call, ids->pdata[i], pairs))
      return FALSE;
  if (_am_sb_dry_run (call))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    _am_sb_apply_tag_pairs (call, ids->pdata[i], pairs);
  return _am_sb_changed (call);
}

static gboolean
op_delete_tags (AmSbCall *call)
{
  g_autoptr (GPtrArray) ids = _am_sb_param_list (call, "ResourceId");
  g_autoptr (GArray) tag_indices = _am_sb_param_indices (call, "Tag");

  if (ids->len == 0)
    return _am_sb_fail (call, 400, "MissingParameter", "The request must contain the parameter ResourceId.N");
  for (guint i = 0; i < ids->len; i++)
    if (!check_resource (call, ids->pdata[i]))
      return FALSE;
  if (_am_sb_dry_run (call))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      if (tag_indices->len == 0)
        {
          g_autofree char *key = g_strconcat (call->account->account_id, "/", (char *) ids->pdata[i], NULL);

          g_hash_table_remove (call->state->tags, key);
          continue;
        }
      for (guint j = 0; j < tag_indices->len; j++)
        {
          guint n = g_array_index (tag_indices, guint, j);
          g_autofree char *k = g_strdup_printf ("Tag.%u.Key", n);
          g_autofree char *v = g_strdup_printf ("Tag.%u.Value", n);

          if (_am_sb_param (call, k) != NULL)
            am_sb_state_delete_tag (call->state, call->account->account_id, ids->pdata[i],
                                    _am_sb_param (call, k), _am_sb_param (call, v));
        }
    }
  return _am_sb_changed (call);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
op_describe_tags (AmSbCall *call)
{
  g_autoptr (GPtrArray) filters = NULL;
  g_autoptr (GPtrArray) keys = NULL;
  g_autofree char *prefix = g_strconcat (call->account->account_id, "/", NULL);
  guint offset, limit, index = 0, sent = 0;

  if (!_am_sb_parse_filters (call, &filters) || !_am_sb_paginate (call, 5, 1000, &offset, &limit))
    return FALSE;
  for (guint i = 0; i < filters->len; i++)
    {
      const char *name = ((AmSbFilter *) filters->pdata[i])->name;

      if (!g_strv_contains ((const char *const[]) { "resource-id", "resource-type", "key", "value", NULL }, name))
        return _am_sb_fail (call, 400, "InvalidParameterValue", "The filter '%s' is invalid", name);
    }
  if (_am_sb_dry_run (call))
    return FALSE;
  keys = am_sb_hash_keys (call->state->tags);
  g_ptr_array_sort (keys, compare_strings);
  g_string_append (call->body, "<tagSet>");
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      const char *resource_id = key + strlen (prefix);
      GPtrArray *tags;
      const char *type;

      if (!g_str_has_prefix (key, prefix))
        continue;
      type = resource_type_names[resource_kind (resource_id)];
      tags = g_hash_table_lookup (call->state->tags, key);
      for (guint j = 0; j < tags->len; j++)
        {
          AmSbTag *tag = tags->pdata[j];
          gboolean ok = TRUE;

          for (guint f = 0; f < filters->len && ok; f++)
            {
              AmSbFilter *filter = filters->pdata[f];

              if (strcmp (filter->name, "resource-id") == 0)
                ok = am_sb_filter_values_match (filter->values, resource_id);
              else if (strcmp (filter->name, "resource-type") == 0)
                ok = am_sb_filter_values_match (filter->values, type);
              else if (strcmp (filter->name, "key") == 0)
                ok = am_sb_filter_values_match (filter->values, tag->key);
              else
                ok = am_sb_filter_values_match (filter->values, tag->value);
            }
          if (!ok)
            continue;
          if (index++ < offset)
            continue;
          if (sent == limit)
            {
              g_string_append (call->body, "</tagSet>");
              _am_sb_next_token (call, offset + sent);
              return TRUE;
            }
          g_string_append (call->body, "<item>");
          _am_sb_xml_text (call->body, "resourceId", resource_id);
          _am_sb_xml_text (call->body, "resourceType", type);
          _am_sb_xml_text (call->body, "key", tag->key);
          _am_sb_xml_text (call->body, "value", tag->value);
          g_string_append (call->body, "</item>");
          sent++;
        }
    }
  g_string_append (call->body, "</tagSet>");
  return TRUE;
}

/* Dispatch: the actions of this file and the parameter names they accept */

static const char *const tags[] = { "ResourceId.N", "Tag.N.Key", "Tag.N.Value", NULL };
static const char *const describe_tags[] = { AM_SB_FILTERS, AM_SB_PAGES, NULL };

const AmSbAction _am_sb_tag_actions[] = {
  { "CreateTags", op_create_tags, tags },
  { "DeleteTags", op_delete_tags, tags },
  { "DescribeTags", op_describe_tags, describe_tags },
  { NULL }
};
