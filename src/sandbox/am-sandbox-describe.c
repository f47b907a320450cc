/* am-sandbox-describe.c: what the Describe* operations share: the caller's resources, filters, pages
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <string.h>

#include "am-sandbox-private.h"

gboolean
_am_sb_is_mine (AmSbCall   *call,
                const char *region,
                const char *owner_id)
{
  return region == g_intern_string (call->region) && owner_id == g_intern_string (call->account->account_id);
}

GPtrArray *
_am_sb_tags_of (AmSbCall   *call,
                const char *resource_id)
{
  return am_sb_state_get_tags (call->state, call->account->account_id, resource_id);
}

void
_am_sb_apply_tag_pairs (AmSbCall   *call,
                        const char *resource_id,
                        GPtrArray  *pairs)
{
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    am_sb_state_set_tag (call->state, call->account->account_id, resource_id, pairs->pdata[i], pairs->pdata[i + 1]);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (**(char * const * const *) a, **(char * const * const *) b);
}

/* All resources of @table in the caller's account and region, sorted by id. */
GPtrArray *
_am_sb_my_resources (AmSbCall   *call,
                     GHashTable *table)
{
  GPtrArray *out = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      /* Every resource struct starts with id, region, owner. */
      struct { char *id; const char *region; const char *owner_id; } *head = value;

      if (_am_sb_is_mine (call, head->region, head->owner_id))
        g_ptr_array_add (out, value);
    }
  g_ptr_array_sort (out, compare_ids);
  return out;
}

gboolean
_am_sb_check_filter_names (AmSbCall          *call,
                           GPtrArray         *filters,
                           const char *const *known)
{
  for (guint i = 0; i < filters->len; i++)
    {
      const char *name = ((AmSbFilter *) filters->pdata[i])->name;

      if (!g_str_has_prefix (name, "tag:") && strcmp (name, "tag-key") != 0 && strcmp (name, "tag-value") != 0
          && !g_strv_contains (known, name))
        return _am_sb_fail (call, 400, "InvalidParameterValue", "The filter '%s' is invalid", name);
    }
  return TRUE;
}

/* Tag filters via the caller's tags; everything else through @get, which returns the field as text. */
gboolean
_am_sb_resource_matches (AmSbCall    *call,
                         gpointer     resource,
                         const char  *resource_id,
                         GPtrArray   *filters,
                         AmSbFieldGetter  get)
{
  for (guint i = 0; i < filters->len; i++)
    {
      AmSbFilter *filter = filters->pdata[i];
      gboolean handled;
      gboolean ok = am_sb_tags_match (_am_sb_tags_of (call, resource_id), filter->name, filter->values, &handled);

      if (!handled)
        {
          g_autofree char *owned = NULL;
          const char *value = get (call, resource, filter->name, &owned);

          ok = am_sb_filter_values_match (filter->values, value);
        }
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

const char *
_am_sb_bool_text (gboolean value)
{
  return value ? "true" : "false";
}

/* Emits items [offset, offset+limit) of @items with @emit, then a nextToken when more remain. */
void
_am_sb_emit_page (AmSbCall   *call,
                  GPtrArray  *items,
                  guint       offset,
                  guint       limit,
                  const char *set_name,
                  void      (*emit) (AmSbCall *call, gpointer item))
{
  guint end = offset;

  g_string_append_printf (call->body, "<%s>", set_name);
  for (guint i = offset; i < items->len && i - offset < limit; i++, end++)
    emit (call, items->pdata[i]);
  g_string_append_printf (call->body, "</%s>", set_name);
  if (end < items->len)
    _am_sb_next_token (call, end);
}

gboolean
_am_sb_describe_simple (AmSbCall          *call,
                        GHashTable        *table,
                        const char        *id_param,
                        const char        *not_found_code,
                        const char *const *known,
                        AmSbFieldGetter        get,
                        const char        *set_name,
                        void             (*emit) (AmSbCall *call, gpointer item))
{
  g_autoptr (GPtrArray) ids = _am_sb_param_list (call, id_param);
  g_autoptr (GPtrArray) filters = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) matching = g_ptr_array_new ();
  guint offset, limit;

  if (!_am_sb_parse_filters (call, &filters) || !_am_sb_check_filter_names (call, filters, known)
      || !_am_sb_paginate (call, 5, 1000, &offset, &limit))
    return FALSE;
  all = _am_sb_my_resources (call, table);
  for (guint i = 0; i < ids->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < all->len && !found; j++)
        found = strcmp (*(char **) all->pdata[j], ids->pdata[i]) == 0;
      if (!found)
        return _am_sb_fail (call, 400, not_found_code, "The ID '%s' does not exist", (char *) ids->pdata[i]);
    }
  if (_am_sb_dry_run (call))
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    {
      const char *id = *(char **) all->pdata[i];
      gboolean listed = ids->len == 0;

      for (guint j = 0; j < ids->len && !listed; j++)
        listed = strcmp (ids->pdata[j], id) == 0;
      if (listed && _am_sb_resource_matches (call, all->pdata[i], id, filters, get))
        g_ptr_array_add (matching, all->pdata[i]);
    }
  _am_sb_emit_page (call, matching, offset, limit, set_name, emit);
  return TRUE;
}

