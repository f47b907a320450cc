/* am-sandbox-key-pairs.c: the sandbox's key pair operations (DescribeKeyPairs, CreateKeyPair, DeleteKeyPair)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <string.h>

#include "am-sandbox-private.h"

/* Key pairs */

static void
xml_key_pair (AmSbCall *call,
              gpointer  item)
{
  AmSbKeyPair *k = item;
  GString *s = call->body;
  gboolean include_public = FALSE;

  _am_sb_param_bool (call, "IncludePublicKey", FALSE, &include_public);
  g_string_append (s, "<item>");
  _am_sb_xml_text (s, "keyPairId", k->key_pair_id);
  _am_sb_xml_text (s, "keyFingerprint", k->fingerprint);
  _am_sb_xml_text (s, "keyName", k->key_name);
  _am_sb_xml_text (s, "keyType", k->key_type);
  _am_sb_xml_tags (s, _am_sb_tags_of (call, k->key_pair_id));
  if (include_public)
    _am_sb_xml_text (s, "publicKey", k->public_key);
  _am_sb_xml_time (s, "createTime", k->create_time);
  g_string_append (s, "</item>");
}

static const char *
key_field (AmSbCall   *call,
           gpointer    resource,
           const char *name,
           char      **owned)
{
  AmSbKeyPair *k = resource;

  if (strcmp (name, "key-name") == 0)
    return k->key_name;
  if (strcmp (name, "key-pair-id") == 0)
    return k->key_pair_id;
  if (strcmp (name, "fingerprint") == 0)
    return k->fingerprint;
  if (strcmp (name, "key-type") == 0)
    return k->key_type;
  return NULL;
}

static AmSbKeyPair *
find_key (AmSbCall   *call,
          const char *name,
          const char *id)
{
  g_autoptr (GPtrArray) keys = _am_sb_my_resources (call, call->state->key_pairs);

  for (guint i = 0; i < keys->len; i++)
    {
      AmSbKeyPair *k = keys->pdata[i];

      if ((name != NULL && strcmp (k->key_name, name) == 0) || (id != NULL && strcmp (k->key_pair_id, id) == 0))
        return k;
    }
  return NULL;
}

static gboolean
op_describe_key_pairs (AmSbCall *call)
{
  static const char *const known[] = { "key-name", "key-pair-id", "fingerprint", "key-type", NULL };
  g_autoptr (GPtrArray) names = _am_sb_param_list (call, "KeyName");
  g_autoptr (GPtrArray) ids = _am_sb_param_list (call, "KeyPairId");
  g_autoptr (GPtrArray) filters = NULL;
  g_autoptr (GPtrArray) keys = NULL;
  g_autoptr (GPtrArray) matching = g_ptr_array_new ();
  gboolean include_public;

  if (!_am_sb_parse_filters (call, &filters) || !_am_sb_check_filter_names (call, filters, known)
      || !_am_sb_param_bool (call, "IncludePublicKey", FALSE, &include_public))
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    if (find_key (call, names->pdata[i], NULL) == NULL)
      return _am_sb_fail (call, 400, "InvalidKeyPair.NotFound", "The key pair '%s' does not exist",
                          (char *) names->pdata[i]);
  for (guint i = 0; i < ids->len; i++)
    if (find_key (call, NULL, ids->pdata[i]) == NULL)
      return _am_sb_fail (call, 400, "InvalidKeyPair.NotFound", "The key pair ID '%s' does not exist",
                          (char *) ids->pdata[i]);
  if (_am_sb_dry_run (call))
    return FALSE;
  keys = _am_sb_my_resources (call, call->state->key_pairs);
  for (guint i = 0; i < keys->len; i++)
    {
      AmSbKeyPair *k = keys->pdata[i];
      gboolean listed = names->len == 0 && ids->len == 0;

      for (guint j = 0; j < names->len && !listed; j++)
        listed = strcmp (names->pdata[j], k->key_name) == 0;
      for (guint j = 0; j < ids->len && !listed; j++)
        listed = strcmp (ids->pdata[j], k->key_pair_id) == 0;
      if (listed && _am_sb_resource_matches (call, k, k->key_pair_id, filters, key_field))
        g_ptr_array_add (matching, k);
    }
  _am_sb_emit_page (call, matching, 0, G_MAXUINT, "keySet", xml_key_pair);
  return TRUE;
}

static gboolean
op_create_key_pair (AmSbCall *call)
{
  const char *name;
  const char *key_type = _am_sb_param (call, "KeyType");
  const char *key_format = _am_sb_param (call, "KeyFormat");
  g_autoptr (GPtrArray) tags = _am_sb_tag_specs (call, "key-pair");
  g_autoptr (GError) error = NULL;
  g_autofree char *private_pem = NULL;
  AmSbKeyPair *k;
  GString *s = call->body;

  if (!_am_sb_require (call, "KeyName", &name))
    return FALSE;
  if (strlen (name) > 255)
    return _am_sb_fail (call, 400, "InvalidParameterValue", "Key pair names may be at most 255 characters.");
  for (const char *p = name; *p; p++)
    if ((guchar) *p < 0x20 || (guchar) *p > 0x7e)
      return _am_sb_fail (call, 400, "InvalidParameterValue", "Key pair names must be printable ASCII.");
  if (key_type == NULL)
    key_type = "rsa";
  if (strcmp (key_type, "rsa") != 0 && strcmp (key_type, "ed25519") != 0)
    return _am_sb_fail (call, 400, "InvalidParameterValue", "KeyType must be rsa or ed25519, not '%s'.", key_type);
  if (key_format != NULL && strcmp (key_format, "pem") != 0)
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "The sandbox hands out key material as pem only; use KeyFormat=pem.");
  if (find_key (call, name, NULL) != NULL)
    return _am_sb_fail (call, 400, "InvalidKeyPair.Duplicate", "The keypair '%s' already exists.", name);
  if (!_am_sb_check_quota (call, AM_SB_QUOTA_KEY_PAIRS, 1))
    return FALSE;
  if (_am_sb_dry_run (call))
    return FALSE;

  k = g_new0 (AmSbKeyPair, 1);
  if (!_am_sb_generate_key_pair (key_type, call->fast_keys, &private_pem, &k->public_key, &k->fingerprint, &error))
    {
      am_sb_key_pair_free (k);
      return _am_sb_fail (call, 500, "InternalError", "%s", error->message);
    }
  k->key_pair_id = am_sb_state_new_id (call->state, "key", call->state->key_pairs);
  k->region = g_intern_string (call->region);
  k->owner_id = g_intern_string (call->account->account_id);
  k->key_name = g_strdup (name);
  k->key_type = g_strdup (key_type);
  k->create_time = call->now_ms;
  g_hash_table_replace (call->state->key_pairs, k->key_pair_id, k);
  _am_sb_apply_tag_pairs (call, k->key_pair_id, tags);
  call->mutated = TRUE;
  _am_sb_xml_text (s, "keyName", k->key_name);
  _am_sb_xml_text (s, "keyFingerprint", k->fingerprint);
  _am_sb_xml_text (s, "keyMaterial", private_pem);
  _am_sb_xml_text (s, "keyPairId", k->key_pair_id);
  _am_sb_xml_tags (s, _am_sb_tags_of (call, k->key_pair_id));
  memset (private_pem, 0, strlen (private_pem));
  return TRUE;
}

static gboolean
op_delete_key_pair (AmSbCall *call)
{
  const char *name = _am_sb_param (call, "KeyName");
  const char *id = _am_sb_param (call, "KeyPairId");
  AmSbKeyPair *k;
  g_autofree char *deleted_id = NULL;

  if (name == NULL && id == NULL)
    return _am_sb_fail (call, 400, "MissingParameter", "The request must contain the parameter KeyName or KeyPairId");
  k = find_key (call, name, id);
  if (_am_sb_dry_run (call))
    return FALSE;
  /* EC2 answers true even when the key pair does not exist. */
  if (k != NULL)
    {
      g_autofree char *tag_key = g_strconcat (call->account->account_id, "/", k->key_pair_id, NULL);

      deleted_id = g_strdup (k->key_pair_id);
      g_hash_table_remove (call->state->tags, tag_key);
      g_hash_table_remove (call->state->key_pairs, k->key_pair_id);
      call->mutated = TRUE;
    }
  _am_sb_xml_bool (call->body, "return", TRUE);
  _am_sb_xml_text (call->body, "keyPairId", deleted_id);
  return TRUE;
}

/* Dispatch: the actions of this file and the parameter names they accept */

static const char *const describe_key_pairs[] = { "KeyName.N", "KeyPairId.N", "IncludePublicKey", AM_SB_FILTERS, NULL };
static const char *const create_key_pair[] = { "KeyName", "KeyType", "KeyFormat", AM_SB_TAG_SPECS, NULL };
static const char *const delete_key_pair[] = { "KeyName", "KeyPairId", NULL };

const AmSbAction _am_sb_key_pair_actions[] = {
  { "DescribeKeyPairs", op_describe_key_pairs, describe_key_pairs },
  { "CreateKeyPair", op_create_key_pair, create_key_pair },
  { "DeleteKeyPair", op_delete_key_pair, delete_key_pair },
  { NULL }
};
