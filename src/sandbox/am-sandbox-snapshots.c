/* am-sandbox-snapshots.c: the sandbox's snapshot listing (DescribeSnapshots)
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

static gboolean
op_describe_snapshots (AmSbCall *call)
{
  static const char *const known[] = { "snapshot-id", "status", "volume-id", "volume-size", "owner-id",
                                       "description", "encrypted", NULL };
  g_autoptr (GPtrArray) owners = _am_sb_param_list (call, "Owner");

  for (guint i = 0; i < owners->len; i++)
    {
      const char *o = owners->pdata[i];

      if (strcmp (o, "self") != 0 && strcmp (o, call->account->account_id) != 0)
        {
          /* Public and other accounts' snapshots are not listed by the sandbox. */
          if (_am_sb_dry_run (call))
            return FALSE;
          g_string_append (call->body, "<snapshotSet/>");
          return TRUE;
        }
    }
  return _am_sb_describe_simple (call, call->state->snapshots, "SnapshotId", "InvalidSnapshot.NotFound", known,
                                 snapshot_field, "snapshotSet", xml_snapshot);
}

/* Dispatch: the actions of this file and the parameter names they accept */

static const char *const describe_snapshots[] = {
  "SnapshotId.N", "Owner.N", "RestorableBy.N", AM_SB_FILTERS, AM_SB_PAGES, NULL
};

const AmSbAction _am_sb_snapshot_actions[] = {
  { "DescribeSnapshots", op_describe_snapshots, describe_snapshots },
  { NULL }
};
