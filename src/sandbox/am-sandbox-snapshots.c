/* am-sandbox-snapshots.c: the sandbox's snapshots (DescribeSnapshots) and their Recycle Bin
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <string.h>

#include "am-sandbox-private.h"

/* Snapshots */

void
_am_sb_xml_snapshot_fields (AmSbCall           *call,
                            const AmSbSnapshot *sn)
{
  GString *s = call->body;
  const char *state = am_sb_snapshot_state (sn, call->now_ms);
  g_autofree char *progress = NULL;

  if (strcmp (state, "completed") == 0)
    progress = g_strdup ("100%");
  else
    progress = g_strdup_printf ("%d%%", (int) CLAMP (100 * (call->now_ms - sn->start_time)
                                                     / MAX (1, sn->completed_time - sn->start_time), 0, 99));
  _am_sb_xml_text (s, "snapshotId", sn->snapshot_id);
  _am_sb_xml_text (s, "volumeId", sn->volume_id);
  _am_sb_xml_text (s, "status", state);
  _am_sb_xml_time (s, "startTime", sn->start_time);
  _am_sb_xml_text (s, "progress", progress);
  _am_sb_xml_text (s, "ownerId", sn->owner_id);
  _am_sb_xml_int (s, "volumeSize", sn->volume_size);
  _am_sb_xml_text (s, "description", sn->description);
  _am_sb_xml_bool (s, "encrypted", sn->encrypted);
  _am_sb_xml_text (s, "storageTier", "standard");
  /* EC2 exposes no incremental size: the full size is the volume's (an upper bound). */
  _am_sb_xml_int (s, "fullSnapshotSizeInBytes", (gint64) sn->volume_size << 30);
  if (strcmp (state, "completed") == 0)
    _am_sb_xml_time (s, "completionTime", sn->completed_time);
  _am_sb_xml_tags (s, _am_sb_tags_of (call, sn->snapshot_id));
}

static void
xml_snapshot (AmSbCall *call,
              gpointer  item)
{
  g_string_append (call->body, "<item>");
  _am_sb_xml_snapshot_fields (call, item);
  g_string_append (call->body, "</item>");
}

static const char *
snapshot_field (AmSbCall   *call,
                gpointer    resource,
                const char *name,
                char      **owned)
{
  AmSbSnapshot *sn = resource;

  if (strcmp (name, "snapshot-id") == 0)
    return sn->snapshot_id;
  if (strcmp (name, "status") == 0)
    return am_sb_snapshot_state (sn, call->now_ms);
  if (strcmp (name, "volume-id") == 0)
    return sn->volume_id;
  if (strcmp (name, "volume-size") == 0)
    return *owned = g_strdup_printf ("%d", sn->volume_size);
  if (strcmp (name, "owner-id") == 0)
    return sn->owner_id;
  if (strcmp (name, "description") == 0)
    return sn->description;
  if (strcmp (name, "encrypted") == 0)
    return _am_sb_bool_text (sn->encrypted);
  return NULL;
}

static int
compare_snapshots (gconstpointer a,
                   gconstpointer b)
{
  return strcmp ((*(AmSbSnapshot * const *) a)->snapshot_id, (*(AmSbSnapshot * const *) b)->snapshot_id);
}

/* Owner.N: self, amazon or account IDs. */
static gboolean
owner_listed (AmSbCall           *call,
              GPtrArray          *owners,
              const AmSbSnapshot *sn)
{
  for (guint i = 0; i < owners->len; i++)
    {
      const char *o = owners->pdata[i];

      if (strcmp (o, sn->owner_id) == 0
          || (strcmp (o, "self") == 0 && strcmp (sn->owner_id, call->account->account_id) == 0))
        return TRUE;
    }
  return owners->len == 0;
}

/* RestorableBy.N: self (owned or shared with the caller by name), all (public), or account IDs
 * (the caller's own snapshots shared with them). */
static gboolean
restorable_listed (AmSbCall           *call,
                   GPtrArray          *restorable,
                   const AmSbSnapshot *sn)
{
  gboolean mine = strcmp (sn->owner_id, call->account->account_id) == 0;

  for (guint i = 0; i < restorable->len; i++)
    {
      const char *r = restorable->pdata[i];

      if (strcmp (r, "self") == 0 ? mine || _am_sb_snapshot_shared_with (sn, call->account->account_id)
          : strcmp (r, "all") == 0 ? _am_sb_snapshot_public (sn)
          : mine && _am_sb_snapshot_shared_with (sn, r))
        return TRUE;
    }
  return restorable->len == 0;
}

/* The caller sees its own snapshots, those shared with it and public ones, as on EC2. */
static gboolean
op_describe_snapshots (AmSbCall *call)
{
  static const char *const known[] = { "snapshot-id", "status", "volume-id", "volume-size", "owner-id",
                                       "description", "encrypted", NULL };
  g_autoptr (GPtrArray) ids = _am_sb_param_list (call, "SnapshotId");
  g_autoptr (GPtrArray) owners = _am_sb_param_list (call, "Owner");
  g_autoptr (GPtrArray) restorable = _am_sb_param_list (call, "RestorableBy");
  g_autoptr (GPtrArray) filters = NULL;
  g_autoptr (GPtrArray) matching = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;
  guint offset, limit;

  if (!_am_sb_parse_filters (call, &filters) || !_am_sb_check_filter_names (call, filters, known)
      || !_am_sb_paginate (call, 5, 1000, &offset, &limit))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      AmSbSnapshot *sn = g_hash_table_lookup (call->state->snapshots, ids->pdata[i]);

      if (sn == NULL || !_am_sb_snapshot_accessible (call, sn))
        return _am_sb_fail (call, 400, "InvalidSnapshot.NotFound", "The snapshot '%s' does not exist.",
                            (char *) ids->pdata[i]);
    }
  if (_am_sb_dry_run (call))
    return FALSE;
  g_hash_table_iter_init (&iter, call->state->snapshots);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      AmSbSnapshot *sn = value;

      if (_am_sb_snapshot_accessible (call, sn)
          && (ids->len == 0 || _am_sb_has_string (ids, sn->snapshot_id))
          && owner_listed (call, owners, sn) && restorable_listed (call, restorable, sn)
          && _am_sb_resource_matches (call, sn, sn->snapshot_id, filters, snapshot_field))
        g_ptr_array_add (matching, sn);
    }
  g_ptr_array_sort (matching, compare_snapshots);
  _am_sb_emit_page (call, matching, offset, limit, "snapshotSet", xml_snapshot);
  return TRUE;
}

/* The Recycle Bin (EBS_SNAPSHOT retention rule) */

#define DAY_MS (G_GINT64_CONSTANT (24) * 60 * 60 * 1000)

/* Snapshots whose retention ended are deleted for good, with their tags. */
static void
purge_snapshot_recycle_bin (AmSbCall *call)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, call->state->snapshot_recycle_bin);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      AmSbSnapshot *sn = value;

      if (sn->recycle_exit_time > call->now_ms)
        continue;
      _am_sb_delete_all_tags (call, sn->snapshot_id);
      g_hash_table_iter_remove (&iter);
      call->mutated = TRUE;
    }
}

void
_am_sb_delete_snapshot (AmSbCall     *call,
                        AmSbSnapshot *snapshot)
{
  g_assert (snapshot != NULL);

  purge_snapshot_recycle_bin (call);
  call->mutated = TRUE;
  if (call->state->snapshot_recycle_days == 0)
    {
      _am_sb_delete_all_tags (call, snapshot->snapshot_id);
      g_hash_table_remove (call->state->snapshots, snapshot->snapshot_id);
      return;
    }
  g_hash_table_steal (call->state->snapshots, snapshot->snapshot_id);
  snapshot->recycle_enter_time = call->now_ms;
  snapshot->recycle_exit_time = call->now_ms + call->state->snapshot_recycle_days * DAY_MS;
  g_hash_table_replace (call->state->snapshot_recycle_bin, snapshot->snapshot_id, snapshot);
}

static gboolean
check_snapshot_id (AmSbCall   *call,
                   const char *snapshot_id)
{
  if (!g_str_has_prefix (snapshot_id, "snap-") || strlen (snapshot_id) < 6)
    return _am_sb_fail (call, 400, "InvalidSnapshotID.Malformed",
                        "Invalid id: \"%s\" (expecting \"snap-...\")", snapshot_id);
  return TRUE;
}

static gboolean
op_list_snapshots_in_recycle_bin (AmSbCall *call)
{
  g_autoptr (GPtrArray) ids = _am_sb_param_list (call, "SnapshotId");
  g_autoptr (GPtrArray) snapshots = NULL;
  g_autoptr (GPtrArray) listed = g_ptr_array_new ();
  GString *s = call->body;
  guint offset, limit, end;

  if (!_am_sb_paginate (call, 5, 1000, &offset, &limit))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!check_snapshot_id (call, ids->pdata[i]))
      return FALSE;
  if (_am_sb_dry_run (call))
    return FALSE;

  snapshots = _am_sb_own_sorted (call, call->state->snapshot_recycle_bin);
  for (guint i = 0; i < snapshots->len; i++)
    {
      AmSbSnapshot *sn = snapshots->pdata[i];

      if (sn->recycle_exit_time > call->now_ms && (ids->len == 0 || _am_sb_has_string (ids, sn->snapshot_id)))
        g_ptr_array_add (listed, sn);
    }
  end = MIN (listed->len, offset + MIN (limit, listed->len));
  g_string_append (s, "<snapshotSet>");
  for (guint i = offset; i < end; i++)
    {
      AmSbSnapshot *sn = listed->pdata[i];

      g_string_append (s, "<item>");
      _am_sb_xml_text (s, "snapshotId", sn->snapshot_id);
      _am_sb_xml_time (s, "recycleBinEnterTime", sn->recycle_enter_time);
      _am_sb_xml_time (s, "recycleBinExitTime", sn->recycle_exit_time);
      _am_sb_xml_text (s, "description", sn->description);
      _am_sb_xml_text (s, "volumeId", sn->volume_id);
      g_string_append (s, "</item>");
    }
  g_string_append (s, "</snapshotSet>");
  if (end < listed->len)
    _am_sb_next_token (call, end);
  return TRUE;
}

static gboolean
op_restore_snapshot_from_recycle_bin (AmSbCall *call)
{
  const char *snapshot_id;
  AmSbSnapshot *sn;
  GString *s = call->body;

  if (!_am_sb_require (call, "SnapshotId", &snapshot_id) || !check_snapshot_id (call, snapshot_id))
    return FALSE;
  purge_snapshot_recycle_bin (call);
  sn = g_hash_table_lookup (call->state->snapshot_recycle_bin, snapshot_id);
  if (sn == NULL || sn->region != g_intern_string (call->region)
      || strcmp (sn->owner_id, call->account->account_id) != 0)
    return _am_sb_fail (call, 400, "InvalidSnapshot.NotFound",
                        "The snapshot '%s' does not exist in the Recycle Bin of %s.", snapshot_id, call->region);
  if (!_am_sb_check_quota (call, AM_SB_QUOTA_SNAPSHOTS, 1) || _am_sb_dry_run (call))
    return FALSE;
  g_hash_table_steal (call->state->snapshot_recycle_bin, snapshot_id);
  sn->recycle_enter_time = sn->recycle_exit_time = 0;
  g_hash_table_replace (call->state->snapshots, sn->snapshot_id, sn);
  call->mutated = TRUE;
  _am_sb_xml_text (s, "snapshotId", sn->snapshot_id);
  _am_sb_xml_text (s, "description", sn->description);
  _am_sb_xml_bool (s, "encrypted", sn->encrypted);
  _am_sb_xml_text (s, "ownerId", sn->owner_id);
  _am_sb_xml_text (s, "progress", "100%");
  _am_sb_xml_time (s, "startTime", sn->start_time);
  _am_sb_xml_text (s, "status", am_sb_snapshot_state (sn, call->now_ms));
  _am_sb_xml_text (s, "volumeId", sn->volume_id);
  _am_sb_xml_int (s, "volumeSize", sn->volume_size);
  return TRUE;
}

/* Dispatch: the actions of this file and the parameter names they accept */

static const char *const describe_snapshots[] = {
  "SnapshotId.N", "Owner.N", "RestorableBy.N", AM_SB_FILTERS, AM_SB_PAGES, NULL
};
static const char *const list_snapshots_in_recycle_bin[] = { "SnapshotId.N", AM_SB_PAGES, NULL };
static const char *const snapshot_id_only[] = { "SnapshotId", NULL };

const AmSbAction _am_sb_snapshot_actions[] = {
  { "DescribeSnapshots", op_describe_snapshots, describe_snapshots },
  { "ListSnapshotsInRecycleBin", op_list_snapshots_in_recycle_bin, list_snapshots_in_recycle_bin },
  { "RestoreSnapshotFromRecycleBin", op_restore_snapshot_from_recycle_bin, snapshot_id_only },
  { NULL }
};
