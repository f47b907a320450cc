/* am-sandbox-snapshot-attributes.c: who may create volumes from a snapshot (Describe/Modify/ResetSnapshotAttribute)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <string.h>

#include "am-sandbox-private.h"

static gboolean
has_permission (const AmSbSnapshot *sn,
                AmSbPermKind        kind,
                const char         *value)
{
  for (guint i = 0; sn->create_volume_permissions != NULL && i < sn->create_volume_permissions->len; i++)
    {
      AmSbLaunchPermission *perm = sn->create_volume_permissions->pdata[i];

      if (perm->kind == kind && strcmp (perm->value, value) == 0)
        return TRUE;
    }
  return FALSE;
}

gboolean
_am_sb_snapshot_public (const AmSbSnapshot *snapshot)
{
  return has_permission (snapshot, AM_SB_PERM_GROUP, "all");
}

gboolean
_am_sb_snapshot_shared_with (const AmSbSnapshot *snapshot,
                             const char         *account_id)
{
  return has_permission (snapshot, AM_SB_PERM_USER, account_id);
}

gboolean
_am_sb_snapshot_accessible (AmSbCall           *call,
                            const AmSbSnapshot *snapshot)
{
  if (snapshot->region != g_intern_string (call->region))
    return FALSE;
  return strcmp (snapshot->owner_id, call->account->account_id) == 0
         || _am_sb_snapshot_shared_with (snapshot, call->account->account_id)
         || _am_sb_snapshot_public (snapshot);
}

/* The snapshot named by the SnapshotId parameter that the caller can see, or NULL (failed). */
static AmSbSnapshot *
find_snapshot (AmSbCall *call)
{
  const char *snapshot_id;
  AmSbSnapshot *sn;

  if (!_am_sb_require (call, "SnapshotId", &snapshot_id))
    return NULL;
  if (!g_str_has_prefix (snapshot_id, "snap-") || strlen (snapshot_id) < 6)
    {
      _am_sb_fail (call, 400, "InvalidSnapshotID.Malformed", "Invalid id: \"%s\" (expecting \"snap-...\")",
                   snapshot_id);
      return NULL;
    }
  sn = g_hash_table_lookup (call->state->snapshots, snapshot_id);
  if (sn == NULL || !_am_sb_snapshot_accessible (call, sn))
    {
      _am_sb_fail (call, 400, "InvalidSnapshot.NotFound", "The snapshot '%s' does not exist.", snapshot_id);
      return NULL;
    }
  return sn;
}

/* As find_snapshot, and the caller must own it (only the owner sees or changes who may use it). */
static AmSbSnapshot *
owned_snapshot (AmSbCall *call)
{
  AmSbSnapshot *sn = find_snapshot (call);

  if (sn != NULL && strcmp (sn->owner_id, call->account->account_id) != 0)
    {
      _am_sb_fail (call, 403, "UnauthorizedOperation",
                   "You are not authorized to perform this operation: snapshot %s is owned by account %s, "
                   "not by %s.", sn->snapshot_id, sn->owner_id, call->account->account_id);
      return NULL;
    }
  return sn;
}

static gboolean
check_attribute (AmSbCall   *call,
                 const char *attribute,
                 gboolean    product_codes_too)
{
  if (strcmp (attribute, "createVolumePermission") == 0
      || (product_codes_too && strcmp (attribute, "productCodes") == 0))
    return TRUE;
  return _am_sb_fail (call, 400, "InvalidParameterValue",
                      "Value (%s) for parameter attribute is invalid. %s", attribute,
                      product_codes_too ? "Use createVolumePermission or productCodes."
                                        : "Only createVolumePermission can be changed.");
}

static gboolean
op_describe_snapshot_attribute (AmSbCall *call)
{
  const char *attribute;
  AmSbSnapshot *sn;
  GString *s = call->body;

  if (!_am_sb_require (call, "Attribute", &attribute) || !check_attribute (call, attribute, TRUE))
    return FALSE;
  sn = strcmp (attribute, "createVolumePermission") == 0 ? owned_snapshot (call) : find_snapshot (call);
  if (sn == NULL || _am_sb_dry_run (call))
    return FALSE;
  _am_sb_xml_text (s, "snapshotId", sn->snapshot_id);
  if (strcmp (attribute, "productCodes") == 0)
    {
      /* The sandbox's snapshots carry no Marketplace product codes. */
      g_string_append (s, "<productCodes/>");
      return TRUE;
    }
  g_string_append (s, "<createVolumePermission>");
  for (guint i = 0; sn->create_volume_permissions != NULL && i < sn->create_volume_permissions->len; i++)
    {
      AmSbLaunchPermission *perm = sn->create_volume_permissions->pdata[i];

      g_string_append (s, "<item>");
      _am_sb_xml_text (s, perm->kind == AM_SB_PERM_GROUP ? "group" : "userId", perm->value);
      g_string_append (s, "</item>");
    }
  g_string_append (s, "</createVolumePermission>");
  return TRUE;
}

static gboolean
collect (AmSbCall     *call,
         GPtrArray    *out,
         AmSbPermKind  kind,
         const char   *value)
{
  if (kind == AM_SB_PERM_USER && (strlen (value) != 12 || strspn (value, "0123456789") != 12))
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "Value (%s) for parameter userId is invalid. Use a 12-digit account ID.", value);
  if (kind == AM_SB_PERM_GROUP && strcmp (value, "all") != 0)
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "Value (%s) for parameter group is invalid. The only group is 'all'.", value);
  g_ptr_array_add (out, am_sb_launch_permission_new (kind, value));
  return TRUE;
}

/* CreateVolumePermission.Add.N / .Remove.N with UserId or Group, and the older form: OperationType
 * with UserId.N and UserGroup.N. */
static gboolean
collect_changes (AmSbCall  *call,
                 GPtrArray *add,
                 GPtrArray *remove)
{
  static const AmSbPermName fields[] = { { "UserId", AM_SB_PERM_USER }, { "Group", AM_SB_PERM_GROUP } };
  static const AmSbPermName flat[] = { { "UserId", AM_SB_PERM_USER }, { "UserGroup", AM_SB_PERM_GROUP } };

  return _am_sb_collect_permission_changes (call, "CreateVolumePermission", fields, G_N_ELEMENTS (fields),
                                            flat, G_N_ELEMENTS (flat), collect, add, remove);
}

static gboolean
op_modify_snapshot_attribute (AmSbCall *call)
{
  const char *attribute = _am_sb_param (call, "Attribute");
  g_autoptr (GPtrArray) add = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_launch_permission_free);
  g_autoptr (GPtrArray) remove = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_launch_permission_free);
  AmSbSnapshot *sn;

  if (attribute != NULL && !check_attribute (call, attribute, FALSE))
    return FALSE;
  sn = owned_snapshot (call);
  if (sn == NULL || !collect_changes (call, add, remove))
    return FALSE;
  if (add->len == 0 && remove->len == 0)
    return _am_sb_fail (call, 400, "MissingParameter",
                        "Nothing to modify: give CreateVolumePermission.Add or .Remove, or OperationType "
                        "with UserId.N or UserGroup.N.");
  /* The sandbox encrypts with the account's default key (aws/ebs), which cannot be shared, and
   * no encrypted snapshot can be public. */
  for (guint i = 0; sn->encrypted && i < add->len; i++)
    {
      AmSbLaunchPermission *perm = add->pdata[i];

      if (perm->kind == AM_SB_PERM_GROUP)
        return _am_sb_fail (call, 400, "OperationNotPermitted", "Encrypted snapshots cannot be shared publicly.");
      return _am_sb_fail (call, 400, "OperationNotPermitted", "Encrypted snapshots with EBS default key cannot be shared");
    }
  if (_am_sb_dry_run (call))
    return FALSE;

  if (sn->create_volume_permissions == NULL)
    sn->create_volume_permissions = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_launch_permission_free);
  for (guint i = 0; i < remove->len; i++)
    {
      AmSbLaunchPermission *r = remove->pdata[i];

      for (guint j = 0; j < sn->create_volume_permissions->len; j++)
        {
          AmSbLaunchPermission *perm = sn->create_volume_permissions->pdata[j];

          if (perm->kind == r->kind && strcmp (perm->value, r->value) == 0)
            {
              g_ptr_array_remove_index (sn->create_volume_permissions, j);
              break;
            }
        }
    }
  for (guint i = 0; i < add->len; i++)
    {
      AmSbLaunchPermission *a = add->pdata[i];

      if (!has_permission (sn, a->kind, a->value))
        g_ptr_array_add (sn->create_volume_permissions, g_ptr_array_steal_index (add, i--));
    }
  return _am_sb_changed (call);
}

static gboolean
op_reset_snapshot_attribute (AmSbCall *call)
{
  const char *attribute;
  AmSbSnapshot *sn;

  if (!_am_sb_require (call, "Attribute", &attribute) || !check_attribute (call, attribute, FALSE))
    return FALSE;
  sn = owned_snapshot (call);
  if (sn == NULL || _am_sb_dry_run (call))
    return FALSE;
  if (sn->create_volume_permissions != NULL)
    g_ptr_array_set_size (sn->create_volume_permissions, 0);
  return _am_sb_changed (call);
}

/* Dispatch: the actions of this file and the parameter names they accept */

static const char *const snapshot_attribute[] = { "SnapshotId", "Attribute", NULL };
static const char *const modify_snapshot_attribute[] = {
  "SnapshotId", "Attribute", "OperationType", "UserId.N", "UserGroup.N",
  "CreateVolumePermission.Add.N.UserId", "CreateVolumePermission.Add.N.Group",
  "CreateVolumePermission.Remove.N.UserId", "CreateVolumePermission.Remove.N.Group", NULL
};

const AmSbAction _am_sb_snapshot_attribute_actions[] = {
  { "DescribeSnapshotAttribute", op_describe_snapshot_attribute, snapshot_attribute },
  { "ModifySnapshotAttribute", op_modify_snapshot_attribute, modify_snapshot_attribute },
  { "ResetSnapshotAttribute", op_reset_snapshot_attribute, snapshot_attribute },
  { NULL }
};
