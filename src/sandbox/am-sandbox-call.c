/* am-sandbox-call.c: parameters, errors, pagination and XML output shared by the handlers
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "am-sandbox-private.h"

gboolean
_am_sb_fail (AmSbCall   *call,
             guint       status,
             const char *code,
             const char *format,
             ...)
{
  va_list args;

  g_clear_pointer (&call->error_code, g_free);
  g_clear_pointer (&call->error_message, g_free);
  call->status = status;
  call->error_code = g_strdup (code);
  va_start (args, format);
  call->error_message = g_strdup_vprintf (format, args);
  va_end (args);
  return FALSE;
}

gboolean
_am_sb_changed (AmSbCall *call)
{
  call->mutated = TRUE;
  _am_sb_xml_bool (call->body, "return", TRUE);
  return TRUE;
}

gboolean
_am_sb_dry_run (AmSbCall *call)
{
  gboolean dry_run = FALSE;

  if (!_am_sb_param_bool (call, "DryRun", FALSE, &dry_run))
    return TRUE;
  if (!dry_run)
    return FALSE;
  _am_sb_fail (call, 412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set.");
  return TRUE;
}

const char *
_am_sb_param (AmSbCall   *call,
              const char *name)
{
  return g_hash_table_lookup (call->params, name);
}

gboolean
_am_sb_require (AmSbCall    *call,
                const char  *name,
                const char **out)
{
  const char *value = _am_sb_param (call, name);

  if (value == NULL || *value == '\0')
    return _am_sb_fail (call, 400, "MissingParameter",
                        "The request must contain the parameter %s", name);
  *out = value;
  return TRUE;
}

/* Parses "N" or "N.rest" after "prefix."; N is 1..10000. */
static gboolean
parse_index (const char  *key,
             const char  *prefix,
             gsize        prefix_len,
             gboolean     allow_rest,
             guint       *index)
{
  const char *p;
  guint64 n = 0;

  if (strncmp (key, prefix, prefix_len) != 0 || key[prefix_len] != '.')
    return FALSE;
  p = key + prefix_len + 1;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    {
      n = n * 10 + (*p - '0');
      if (n > 10000)
        return FALSE;
      p++;
    }
  if (*p != '\0' && !(allow_rest && *p == '.'))
    return FALSE;
  if (n == 0)
    return FALSE;
  *index = (guint) n;
  return TRUE;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ua = *(const guint *) a;
  guint ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

typedef struct
{
  guint       index;
  const char *value;
} IndexedValue;

static int
compare_indexed (gconstpointer a,
                 gconstpointer b)
{
  return compare_uint (&((const IndexedValue *) a)->index, &((const IndexedValue *) b)->index);
}

GPtrArray *
_am_sb_param_list (AmSbCall   *call,
                   const char *prefix)
{
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (IndexedValue));
  gsize prefix_len = strlen (prefix);
  GPtrArray *values = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, call->params);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      IndexedValue iv;

      if (parse_index (key, prefix, prefix_len, FALSE, &iv.index))
        {
          iv.value = value;
          g_array_append_val (found, iv);
        }
    }
  g_array_sort (found, compare_indexed);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (values, (gpointer) g_array_index (found, IndexedValue, i).value);
  return values;
}

GArray *
_am_sb_param_indices (AmSbCall   *call,
                      const char *prefix)
{
  GArray *indices = g_array_new (FALSE, FALSE, sizeof (guint));
  gsize prefix_len = strlen (prefix);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, call->params);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint index;
      gboolean seen = FALSE;

      if (!parse_index (key, prefix, prefix_len, TRUE, &index))
        continue;
      for (guint i = 0; i < indices->len && !seen; i++)
        seen = g_array_index (indices, guint, i) == index;
      if (!seen)
        g_array_append_val (indices, index);
    }
  g_array_sort (indices, compare_uint);
  return indices;
}

gboolean
_am_sb_param_bool (AmSbCall   *call,
                   const char *name,
                   gboolean    fallback,
                   gboolean   *out)
{
  const char *value = _am_sb_param (call, name);

  if (value == NULL)
    *out = fallback;
  else if (g_ascii_strcasecmp (value, "true") == 0)
    *out = TRUE;
  else if (g_ascii_strcasecmp (value, "false") == 0)
    *out = FALSE;
  else
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "Value (%s) for parameter %s is invalid. Expected a boolean (true or false).",
                        value, name);
  return TRUE;
}

gboolean
_am_sb_param_int (AmSbCall   *call,
                  const char *name,
                  gint64      min,
                  gint64      max,
                  gint64      fallback,
                  gint64     *out)
{
  const char *value = _am_sb_param (call, name);
  gint64 n;

  if (value == NULL)
    {
      *out = fallback;
      return TRUE;
    }
  if (!g_ascii_string_to_signed (value, 10, min, max, &n, NULL))
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "Value (%s) for parameter %s is invalid. Expected an integer from %"
                        G_GINT64_FORMAT " to %" G_GINT64_FORMAT ".", value, name, min, max);
  *out = n;
  return TRUE;
}

gboolean
_am_sb_parse_filters (AmSbCall   *call,
                      GPtrArray **out)
{
  g_autoptr (GArray) indices = _am_sb_param_indices (call, "Filter");
  g_autoptr (GPtrArray) filters = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_filter_free);

  for (guint i = 0; i < indices->len; i++)
    {
      guint n = g_array_index (indices, guint, i);
      g_autofree char *name_key = g_strdup_printf ("Filter.%u.Name", n);
      g_autofree char *value_key = g_strdup_printf ("Filter.%u.Value", n);
      const char *name = _am_sb_param (call, name_key);
      g_autoptr (GPtrArray) values = _am_sb_param_list (call, value_key);
      AmSbFilter *filter;

      if (name == NULL || *name == '\0')
        return _am_sb_fail (call, 400, "InvalidParameterValue",
                            "The filter Filter.%u has no Name.", n);
      filter = g_new0 (AmSbFilter, 1);
      filter->name = g_strdup (name);
      filter->values = g_ptr_array_new_with_free_func (g_free);
      for (guint j = 0; j < values->len; j++)
        g_ptr_array_add (filter->values, g_strdup (values->pdata[j]));
      g_ptr_array_add (filters, filter);
    }
  *out = g_steal_pointer (&filters);
  return TRUE;
}

GPtrArray *
_am_sb_tag_specs (AmSbCall   *call,
                  const char *resource_type)
{
  g_autoptr (GArray) indices = _am_sb_param_indices (call, "TagSpecification");
  GPtrArray *tags = g_ptr_array_new_with_free_func (g_free);

  /* Pairs: key, value, key, value, … */
  for (guint i = 0; i < indices->len; i++)
    {
      guint n = g_array_index (indices, guint, i);
      g_autofree char *type_key = g_strdup_printf ("TagSpecification.%u.ResourceType", n);
      g_autofree char *tag_prefix = g_strdup_printf ("TagSpecification.%u.Tag", n);
      g_autoptr (GArray) tag_indices = NULL;

      if (g_strcmp0 (_am_sb_param (call, type_key), resource_type) != 0)
        continue;
      tag_indices = _am_sb_param_indices (call, tag_prefix);
      for (guint j = 0; j < tag_indices->len; j++)
        {
          guint m = g_array_index (tag_indices, guint, j);
          g_autofree char *k = g_strdup_printf ("%s.%u.Key", tag_prefix, m);
          g_autofree char *v = g_strdup_printf ("%s.%u.Value", tag_prefix, m);

          if (_am_sb_param (call, k) == NULL)
            continue;
          g_ptr_array_add (tags, g_strdup (_am_sb_param (call, k)));
          g_ptr_array_add (tags, g_strdup (_am_sb_param (call, v) ? _am_sb_param (call, v) : ""));
        }
    }
  return tags;
}

gboolean
_am_sb_paginate (AmSbCall *call,
                 gint64    min,
                 gint64    max,
                 guint    *offset,
                 guint    *limit)
{
  const char *token = _am_sb_param (call, "NextToken");
  gint64 max_results;

  if (!_am_sb_param_int (call, "MaxResults", min, max, G_MAXINT, &max_results))
    return FALSE;
  *limit = (guint) max_results;
  *offset = 0;
  if (token != NULL && *token != '\0')
    {
      gsize len = 0;
      g_autofree guchar *raw = NULL;
      g_autofree char *text = NULL;
      guint64 n;

      if (strlen (token) > 512)
        return _am_sb_fail (call, 400, "InvalidParameterValue", "The NextToken is invalid.");
      raw = g_base64_decode (token, &len);
      text = g_strndup ((const char *) raw, len);
      if (!g_str_has_prefix (text, "v1:")
          || !g_ascii_string_to_unsigned (text + 3, 10, 0, G_MAXUINT, &n, NULL))
        return _am_sb_fail (call, 400, "InvalidParameterValue",
                            "The NextToken is invalid; pass the token of the previous page unchanged.");
      *offset = (guint) n;
    }
  return TRUE;
}

void
_am_sb_next_token (AmSbCall *call,
                   guint     offset)
{
  g_autofree char *text = g_strdup_printf ("v1:%u", offset);
  g_autofree char *token = g_base64_encode ((const guchar *) text, strlen (text));

  _am_sb_xml_text (call->body, "nextToken", token);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
_am_sb_params_fingerprint (AmSbCall *call)
{
  g_autoptr (GPtrArray) keys = am_sb_hash_keys (call->params);
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_ptr_array_sort (keys, compare_strings);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      const char *value = g_hash_table_lookup (call->params, key);

      /* The signature of a presigned request (X-Amz-Date, X-Amz-Signature, …) changes on every
       * retry; it says nothing about what is asked for. */
      if (strcmp (key, "ClientToken") == 0 || strcmp (key, "DryRun") == 0
          || g_ascii_strncasecmp (key, "X-Amz-", 6) == 0)
        continue;
      g_checksum_update (sum, (const guchar *) key, strlen (key) + 1);
      g_checksum_update (sum, (const guchar *) value, strlen (value) + 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static char *
client_token_key (AmSbCall   *call,
                  const char *token)
{
  return g_strconcat (call->account->account_id, "/", call->region, "/", call->action, "/", token, NULL);
}

gboolean
_am_sb_lookup_client_token (AmSbCall    *call,
                            const char  *token,
                            const char **result)
{
  g_autofree char *key = client_token_key (call, token);
  g_autofree char *fingerprint = NULL;
  AmSbClientToken *seen = g_hash_table_lookup (call->state->client_tokens, key);

  *result = NULL;
  if (seen != NULL && seen->created_time + AM_SB_CLIENT_TOKEN_TTL_MS < call->now_ms)
    {
      /* Expired: the token is free for a new request. */
      g_hash_table_remove (call->state->client_tokens, key);
      call->mutated = TRUE;
      seen = NULL;
    }
  if (seen == NULL)
    return FALSE;
  fingerprint = _am_sb_params_fingerprint (call);
  if (strcmp (fingerprint, seen->fingerprint) != 0)
    {
      _am_sb_fail (call, 400, "IdempotentParameterMismatch",
                   "The client token %s was already used with different parameters; "
                   "use a new token for a different request.", token);
      return TRUE;
    }
  *result = seen->result;
  return TRUE;
}

gboolean
_am_sb_save_client_token (AmSbCall   *call,
                          const char *token,
                          const char *result)
{
  AmSbClientToken *entry = g_new0 (AmSbClientToken, 1);
  GHashTableIter iter;
  gpointer value;

  /* Expired tokens are forgotten, so the table does not grow for ever. */
  g_hash_table_iter_init (&iter, call->state->client_tokens);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((AmSbClientToken *) value)->created_time + AM_SB_CLIENT_TOKEN_TTL_MS < call->now_ms)
      g_hash_table_iter_remove (&iter);
  entry->fingerprint = _am_sb_params_fingerprint (call);
  entry->result = g_strdup (result);
  entry->created_time = call->now_ms;
  g_hash_table_replace (call->state->client_tokens, client_token_key (call, token), entry);
  return TRUE;
}

/* Quotas */

static GHashTable *
quota_table (AmSbState *state,
             AmSbQuota  quota)
{
  switch (quota)
    {
    case AM_SB_QUOTA_IMAGES: return state->images;
    case AM_SB_QUOTA_SNAPSHOTS: return state->snapshots;
    case AM_SB_QUOTA_KEY_PAIRS: return state->key_pairs;
    case AM_SB_QUOTA_SECURITY_GROUPS: return state->security_groups;
    case AM_SB_QUOTA_LAUNCH_TEMPLATES: return state->launch_templates;
    case AM_SB_QUOTA_INSTANCES: return state->instances;
    case AM_SB_N_QUOTAS: break;
    }
  g_return_val_if_reached (NULL);
}

guint
_am_sb_quota_used (AmSbCall  *call,
                   AmSbQuota  quota)
{
  const char *region = g_intern_string (call->region);
  const char *owner = g_intern_string (call->account->account_id);
  GHashTableIter iter;
  gpointer value;
  guint used = 0;

  g_hash_table_iter_init (&iter, quota_table (call->state, quota));
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      /* Every resource struct starts with id, region, owner. */
      struct { char *id; const char *region; const char *owner_id; } *head = value;
      int code = 0;

      if (head->region != region || head->owner_id != owner)
        continue;
      /* Terminated instances no longer count. */
      if (quota == AM_SB_QUOTA_INSTANCES)
        am_sb_instance_state (value, call->state->transition_ms, call->now_ms, &code);
      if (code != 48)
        used++;
    }
  return used;
}

gboolean
_am_sb_check_quota (AmSbCall  *call,
                    AmSbQuota  quota,
                    guint      adding)
{
  static const struct
  {
    const char *code;
    const char *what;
  } errors[AM_SB_N_QUOTAS] = {
    [AM_SB_QUOTA_IMAGES] = { "AMIQuotaExceeded", "AMIs" },
    [AM_SB_QUOTA_SNAPSHOTS] = { "SnapshotLimitExceeded", "EBS snapshots" },
    [AM_SB_QUOTA_KEY_PAIRS] = { "KeyPairLimitExceeded", "key pairs" },
    [AM_SB_QUOTA_SECURITY_GROUPS] = { "SecurityGroupLimitExceeded", "security groups" },
    [AM_SB_QUOTA_LAUNCH_TEMPLATES] = { "ResourceLimitExceeded", "launch templates" },
    [AM_SB_QUOTA_INSTANCES] = { "InstanceLimitExceeded", "running or stopped instances" },
  };
  guint limit = call->state->quotas[quota];
  guint used = _am_sb_quota_used (call, quota);

  if (adding <= limit && used <= limit - adding)
    return TRUE;
  return _am_sb_fail (call, 400, errors[quota].code,
                      "This would exceed your quota of %u %s in %s: you have %u and asked for %u more. "
                      "Delete some first%s.", limit, errors[quota].what, call->region, used, adding,
                      quota == AM_SB_QUOTA_INSTANCES ? " (terminate instances)" : "");
}

/* XML */

/* XML 1.0 allows tab, LF, CR and every character from U+0020 except U+FFFE and U+FFFF
 * (surrogates never occur in valid UTF-8). */
static gboolean
xml_char_allowed (gunichar c)
{
  return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
}

/* Parameters are checked when they are read, but a state file edited by hand (or written by an
 * older sandbox) can still hold anything: what XML cannot carry becomes U+FFFD, so that one bad
 * string never makes a whole response unreadable. */
static void
xml_append_sanitized (GString    *s,
                      const char *text)
{
  const char *p = text;
  const char *end = text + strlen (text);

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append (s, "\xef\xbf\xbd");
          p++;
          continue;
        }
      if (!xml_char_allowed (c))
        g_string_append (s, "\xef\xbf\xbd");
      else if (c == '&')
        g_string_append (s, "&amp;");
      else if (c == '<')
        g_string_append (s, "&lt;");
      else if (c == '>')
        g_string_append (s, "&gt;");
      else if (c == '"')
        g_string_append (s, "&quot;");
      else if (c == '\'')
        g_string_append (s, "&apos;");
      else
        g_string_append_len (s, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
}

void
_am_sb_xml_escaped (GString    *s,
                    const char *text)
{
  const guchar *p;

  /* Fast path: printable ASCII without markup characters goes out as it is. */
  for (p = (const guchar *) text; *p != '\0'; p++)
    if (*p < 0x20 || *p >= 0x7f || *p == '&' || *p == '<' || *p == '>' || *p == '"' || *p == '\'')
      break;
  if (*p == '\0')
    g_string_append (s, text);
  else
    xml_append_sanitized (s, text);
}

void
_am_sb_xml_text (GString    *s,
                 const char *element,
                 const char *text)
{
  if (text == NULL)
    return;
  g_string_append_c (s, '<');
  g_string_append (s, element);
  g_string_append_c (s, '>');
  _am_sb_xml_escaped (s, text);
  g_string_append (s, "</");
  g_string_append (s, element);
  g_string_append_c (s, '>');
}

void
_am_sb_xml_bool (GString    *s,
                 const char *element,
                 gboolean    value)
{
  _am_sb_xml_text (s, element, value ? "true" : "false");
}

void
_am_sb_xml_int (GString    *s,
                const char *element,
                gint64      value)
{
  g_string_append_printf (s, "<%s>%" G_GINT64_FORMAT "</%s>", element, value, element);
}

void
_am_sb_xml_time (GString    *s,
                 const char *element,
                 gint64      ms)
{
  g_autofree char *text = am_sb_format_time (ms);

  _am_sb_xml_text (s, element, text);
}

void
_am_sb_xml_tags (GString   *s,
                 GPtrArray *tags)
{
  if (tags == NULL || tags->len == 0)
    return;
  g_string_append (s, "<tagSet>");
  for (guint i = 0; i < tags->len; i++)
    {
      AmSbTag *tag = tags->pdata[i];

      g_string_append (s, "<item>");
      _am_sb_xml_text (s, "key", tag->key);
      _am_sb_xml_text (s, "value", tag->value);
      g_string_append (s, "</item>");
    }
  g_string_append (s, "</tagSet>");
}

const char *
_am_sb_protection_state (const AmSbImage *image,
                         gint64           now_ms)
{
  if (image->deregistration_protection)
    return image->protection_cooldown ? "enabled-with-cooldown" : "enabled-without-cooldown";
  /* Disabled, but the cooldown still holds the image (DeregisterImage refuses it). */
  return am_sb_image_is_protected (image, now_ms) ? "disabled-with-cooldown" : "disabled";
}

void
_am_sb_xml_product_codes (GString         *s,
                          const AmSbImage *image)
{
  g_string_append (s, "<productCodes>");
  for (guint i = 0; image->product_codes && i < image->product_codes->len; i++)
    {
      AmSbProductCode *pc = image->product_codes->pdata[i];

      g_string_append (s, "<item>");
      _am_sb_xml_text (s, "productCode", pc->code);
      _am_sb_xml_text (s, "type", pc->type);
      g_string_append (s, "</item>");
    }
  g_string_append (s, "</productCodes>");
}

void
_am_sb_xml_image (AmSbCall        *call,
                  GString         *s,
                  const AmSbImage *image)
{
  GPtrArray *tags = am_sb_state_get_tags (call->state, call->account->account_id, image->image_id);

  g_string_append (s, "<item>");
  _am_sb_xml_text (s, "imageId", image->image_id);
  if (image->image_location != NULL)
    _am_sb_xml_text (s, "imageLocation", image->image_location);
  else
    {
      g_string_append (s, "<imageLocation>");
      _am_sb_xml_escaped (s, image->owner_alias ? image->owner_alias : image->owner_id);
      g_string_append_c (s, '/');
      _am_sb_xml_escaped (s, image->name);
      g_string_append (s, "</imageLocation>");
    }
  _am_sb_xml_text (s, "imageState", am_sb_image_state (image, call->now_ms));
  _am_sb_xml_text (s, "imageOwnerId", image->owner_id);
  _am_sb_xml_time (s, "creationDate", image->creation_time);
  _am_sb_xml_bool (s, "isPublic", am_sb_image_is_public (image));
  if (image->product_codes != NULL && image->product_codes->len > 0)
    _am_sb_xml_product_codes (s, image);
  _am_sb_xml_text (s, "architecture", image->architecture);
  _am_sb_xml_text (s, "imageType", image->image_type);
  _am_sb_xml_text (s, "platform", image->platform);
  _am_sb_xml_text (s, "platformDetails", image->platform_details);
  _am_sb_xml_text (s, "usageOperation", image->usage_operation);
  if (image->failed_reason != NULL)
    {
      g_string_append (s, "<stateReason>");
      _am_sb_xml_text (s, "code", "Client.InternalError");
      _am_sb_xml_text (s, "message", image->failed_reason);
      g_string_append (s, "</stateReason>");
    }
  _am_sb_xml_text (s, "imageOwnerAlias", image->owner_alias);
  _am_sb_xml_text (s, "name", image->name);
  _am_sb_xml_text (s, "description", image->description);
  _am_sb_xml_text (s, "rootDeviceType", image->root_device_type);
  _am_sb_xml_text (s, "rootDeviceName", image->root_device_name);
  g_string_append (s, "<blockDeviceMapping>");
  for (guint i = 0; i < image->block_devices->len; i++)
    {
      AmSbBlockDevice *bd = image->block_devices->pdata[i];

      g_string_append (s, "<item>");
      _am_sb_xml_text (s, "deviceName", bd->device_name);
      _am_sb_xml_text (s, "virtualName", bd->virtual_name);
      if (bd->has_ebs)
        {
          g_string_append (s, "<ebs>");
          _am_sb_xml_text (s, "snapshotId", bd->snapshot_id);
          _am_sb_xml_int (s, "volumeSize", bd->volume_size);
          _am_sb_xml_bool (s, "deleteOnTermination", bd->delete_on_termination);
          _am_sb_xml_text (s, "volumeType", bd->volume_type);
          if (bd->iops > 0)
            _am_sb_xml_int (s, "iops", bd->iops);
          if (bd->throughput > 0)
            _am_sb_xml_int (s, "throughput", bd->throughput);
          _am_sb_xml_bool (s, "encrypted", bd->encrypted);
          g_string_append (s, "</ebs>");
        }
      if (bd->no_device)
        g_string_append (s, "<noDevice></noDevice>");
      g_string_append (s, "</item>");
    }
  g_string_append (s, "</blockDeviceMapping>");
  _am_sb_xml_text (s, "virtualizationType", image->virtualization_type);
  _am_sb_xml_tags (s, tags);
  _am_sb_xml_text (s, "hypervisor", image->hypervisor);
  _am_sb_xml_bool (s, "enaSupport", image->ena_support);
  _am_sb_xml_text (s, "sriovNetSupport", image->sriov_net_support);
  _am_sb_xml_text (s, "bootMode", image->boot_mode);
  _am_sb_xml_text (s, "tpmSupport", image->tpm_support);
  if (image->deprecation_time != 0)
    _am_sb_xml_time (s, "deprecationTime", image->deprecation_time);
  _am_sb_xml_text (s, "imdsSupport", image->imds_support);
  _am_sb_xml_text (s, "sourceInstanceId", image->source_instance_id);
  _am_sb_xml_text (s, "deregistrationProtection", _am_sb_protection_state (image, call->now_ms));
  if (image->last_launched_time != 0)
    _am_sb_xml_time (s, "lastLaunchedTime", image->last_launched_time);
  _am_sb_xml_text (s, "sourceImageId", image->source_image_id);
  _am_sb_xml_text (s, "sourceImageRegion", image->source_image_region);
  _am_sb_xml_image_allowed (call, s, image);
  g_string_append (s, "</item>");
}

gboolean
_am_sb_parse_volume_overrides (AmSbCall *call,
                               GArray   *out)
{
  static const char *const types[] = { "gp2", "gp3", "io1", "io2", "st1", "sc1", "standard", NULL };
  g_autoptr (GArray) indices = _am_sb_param_indices (call, "BlockDeviceMapping");

  for (guint i = 0; i < indices->len; i++)
    {
      guint n = g_array_index (indices, guint, i);
      g_autofree char *k_dev = g_strdup_printf ("BlockDeviceMapping.%u.DeviceName", n);
      g_autofree char *k_size = g_strdup_printf ("BlockDeviceMapping.%u.Ebs.VolumeSize", n);
      g_autofree char *k_type = g_strdup_printf ("BlockDeviceMapping.%u.Ebs.VolumeType", n);
      g_autofree char *k_dot = g_strdup_printf ("BlockDeviceMapping.%u.Ebs.DeleteOnTermination", n);
      g_autofree char *k_nodev = g_strdup_printf ("BlockDeviceMapping.%u.NoDevice", n);
      AmSbVolumeOverride o = { NULL, 0, NULL, -1, FALSE };
      gboolean dot;

      if (!_am_sb_require (call, k_dev, &o.device)
          || !_am_sb_param_int (call, k_size, 1, 16384, 0, &o.size))
        return FALSE;
      o.type = _am_sb_param (call, k_type);
      if (o.type != NULL && !g_strv_contains (types, o.type))
        return _am_sb_fail (call, 400, "InvalidParameterValue", "Invalid value '%s' for volumeType.", o.type);
      if (_am_sb_param (call, k_dot) != NULL)
        {
          if (!_am_sb_param_bool (call, k_dot, TRUE, &dot))
            return FALSE;
          o.delete_on_termination = dot;
        }
      o.no_device = _am_sb_param (call, k_nodev) != NULL;
      g_array_append_val (out, o);
    }
  return TRUE;
}

AmSbVolumeOverride *
_am_sb_find_volume_override (GArray     *overrides,
                             const char *device)
{
  for (guint i = 0; i < overrides->len; i++)
    if (strcmp (g_array_index (overrides, AmSbVolumeOverride, i).device, device) == 0)
      return &g_array_index (overrides, AmSbVolumeOverride, i);
  return NULL;
}
