/* am-sandbox-state-file.c: state.json — every resource's field table, and atomic saving and loading
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

#include "am-sandbox-record.h"
#include "am-sandbox-state-private.h"

#define STATE_FORMAT_VERSION 1

/* Tags: one entry a tag, flattened out of "account/resource-id" → list. */

typedef struct
{
  char *account;
  char *resource_id;
  char *key;
  char *value;
} TagEntry;

static void tag_entry_free (TagEntry *entry);

static const AmSbField tag_entry_fields[] = {
  { "account", AM_SB_FIELD_STRING, G_STRUCT_OFFSET (TagEntry, account), AM_SB_FIELD_REQUIRED },
  { "resourceId", AM_SB_FIELD_STRING, G_STRUCT_OFFSET (TagEntry, resource_id), AM_SB_FIELD_REQUIRED },
  { "key", AM_SB_FIELD_STRING, G_STRUCT_OFFSET (TagEntry, key), AM_SB_FIELD_REQUIRED },
  { "value", AM_SB_FIELD_STRING, G_STRUCT_OFFSET (TagEntry, value), 0 },
};
static const AmSbRecordType tag_entry_record =
  AM_SB_RECORD_TYPE (TagEntry, "tag", tag_entry_fields, tag_entry_free, NULL);

static void
tag_entry_free (TagEntry *entry)
{
  _am_sb_record_free (&tag_entry_record, entry);
}

static void
build_tags (AmSbState   *state,
            JsonBuilder *b)
{
  g_autoptr (GPtrArray) keys = _am_sb_sorted_keys (state->tags);

  json_builder_begin_array (b);
  for (guint i = 0; i < keys->len; i++)
    {
      GPtrArray *tags = g_hash_table_lookup (state->tags, keys->pdata[i]);
      char *k = keys->pdata[i];
      char *slash = strchr (k, '/');
      g_autofree char *account = g_strndup (k, slash - k);

      for (guint j = 0; j < tags->len; j++)
        {
          AmSbTag *tag = tags->pdata[j];
          TagEntry entry = { account, slash + 1, tag->key, tag->value };

          json_builder_begin_object (b);
          _am_sb_record_build (&tag_entry_record, &entry, b);
          json_builder_end_object (b);
        }
    }
  json_builder_end_array (b);
}

static void
add_tag (gpointer record,
         gpointer user_data)
{
  TagEntry *entry = record;

  am_sb_state_set_tag (user_data, entry->account, entry->resource_id, entry->key, entry->value);
  tag_entry_free (entry);
}

static gboolean
load_tags (AmSbState  *state,
           JsonArray  *array,
           GError    **error)
{
  return _am_sb_records_load (&tag_entry_record, array, add_tag, state, error);
}

static void
build_client_tokens (AmSbState   *state,
                     JsonBuilder *b)
{
  g_autoptr (GPtrArray) keys = _am_sb_sorted_keys (state->client_tokens);

  json_builder_begin_array (b);
  for (guint i = 0; i < keys->len; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, keys->pdata[i]);
      _am_sb_record_build (&_am_sb_client_token_record, g_hash_table_lookup (state->client_tokens, keys->pdata[i]), b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static gboolean
load_client_tokens (AmSbState  *state,
                    JsonArray  *array,
                    GError    **error)
{
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *o = _am_sb_json_element (array, i);
      const char *key = o ? _am_sb_json_string (o, "key") : NULL;
      AmSbClientToken *t = NULL;

      if (key != NULL)
        t = _am_sb_record_load (&_am_sb_client_token_record, o, error);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the state file has an incomplete client token entry");
      if (t == NULL)
        return FALSE;
      g_hash_table_replace (state->client_tokens, g_strdup (key), t);
    }
  return TRUE;
}

/* The top-level lists, in the order they are written and read. */
typedef struct
{
  const char           *name;
  guint                 release;     /* 0: in the first release; a file from before has none */
  const AmSbRecordType *type;        /* records of a table of the state, keyed by their own field */
  gsize                 table;       /* G_STRUCT_OFFSET in AmSbState of the GHashTable */
  gsize                 key;         /* G_STRUCT_OFFSET in the record of its key */
  void                (*build) (AmSbState *state, JsonBuilder *b);           /* or by hand */
  gboolean            (*load)  (AmSbState *state, JsonArray *a, GError **error);
} StateList;

#define TABLE(json, release, type, table, Struct, key) \
  { json, release, &type, G_STRUCT_OFFSET (AmSbState, table), G_STRUCT_OFFSET (Struct, key), NULL, NULL }

static const StateList state_lists[] = {
  TABLE ("images", 0, _am_sb_image_record, images, AmSbImage, image_id),
  TABLE ("recycleBin", 2, _am_sb_image_record, recycle_bin, AmSbImage, image_id),
  TABLE ("snapshots", 0, _am_sb_snapshot_record, snapshots, AmSbSnapshot, snapshot_id),
  TABLE ("snapshotRecycleBin", 3, _am_sb_snapshot_record, snapshot_recycle_bin, AmSbSnapshot, snapshot_id),
  TABLE ("instances", 0, _am_sb_instance_record, instances, AmSbInstance, instance_id),
  TABLE ("keyPairs", 0, _am_sb_key_pair_record, key_pairs, AmSbKeyPair, key_pair_id),
  TABLE ("vpcs", 0, _am_sb_vpc_record, vpcs, AmSbVpc, vpc_id),
  TABLE ("subnets", 0, _am_sb_subnet_record, subnets, AmSbSubnet, subnet_id),
  TABLE ("securityGroups", 0, _am_sb_security_group_record, security_groups, AmSbSecurityGroup, group_id),
  TABLE ("launchTemplates", 0, _am_sb_launch_template_record, launch_templates, AmSbLaunchTemplate, launch_template_id),
  { "tags", 0, NULL, 0, 0, build_tags, load_tags },
  { "clientTokens", 0, NULL, 0, 0, build_client_tokens, load_client_tokens },
  TABLE ("autoScalingGroups", 1, _am_sb_auto_scaling_group_record, auto_scaling_groups, AmSbAutoScalingGroup, key),
};
#define N_RELEASES 4

#define STATE_TABLE(state, list) (*(GHashTable **) ((char *) (state) + (list)->table))

char *
am_sb_state_to_json (AmSbState *state)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, STATE_FORMAT_VERSION);
  for (guint i = 0; i < G_N_ELEMENTS (state_lists); i++)
    {
      const StateList *list = &state_lists[i];

      if (list->build != NULL)
        {
          json_builder_set_member_name (b, list->name);
          list->build (state, b);
        }
      else
        {
          GHashTable *table = STATE_TABLE (state, list);
          g_autoptr (GPtrArray) keys = _am_sb_sorted_keys (table);

          for (guint j = 0; j < keys->len; j++)
            keys->pdata[j] = g_hash_table_lookup (table, keys->pdata[j]);
          _am_sb_records_build (list->type, list->name, keys, b);
        }
    }
  am_sb_governance_build (state, b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  return json_generator_to_data (gen, NULL);
}

typedef struct
{
  GHashTable *table;
  gsize       key;
} AddToTable;

static void
add_to_table (gpointer record,
              gpointer user_data)
{
  AddToTable *to = user_data;

  g_hash_table_replace (to->table, *(char **) ((char *) record + to->key), record);
}

static gboolean
load_lists (AmSbState  *state,
            JsonObject *root,
            GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_lists); i++)
    {
      const StateList *list = &state_lists[i];
      JsonArray *array = _am_sb_json_array (root, list->name);
      AddToTable to = { NULL, list->key };

      if (list->load != NULL)
        {
          if (!list->load (state, array, error))
            return FALSE;
          continue;
        }
      to.table = STATE_TABLE (state, list);
      if (!_am_sb_records_load (list->type, array, add_to_table, &to, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
am_sb_state_from_json (AmSbState  *state,
                       const char *data,
                       gsize       length,
                       GError    **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *root;
  gint64 version;
  JsonObject *o;

  _am_sb_state_clear (state);
  if (!json_parser_load_from_data (parser, data, length, error))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the state file is not a JSON object");
      return FALSE;
    }
  o = json_node_get_object (root);
  version = _am_sb_json_int (o, "version", 0);
  if (version != STATE_FORMAT_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "the state file has format version %" G_GINT64_FORMAT ", expected %d",
                   version, STATE_FORMAT_VERSION);
      return FALSE;
    }
  /* Every list is always written: one that is missing or is not a list means the file was
   * damaged or edited, and loading it as empty would make the loss permanent at the next save.
   * A file written before a list came (a later release) simply has none: an upgrade is not
   * damage. Checked release by release, so the error names the oldest list at fault. */
  for (guint release = 0; release < N_RELEASES; release++)
    for (guint i = 0; i < G_N_ELEMENTS (state_lists); i++)
      {
        JsonNode *member = json_object_get_member (o, state_lists[i].name);

        if (state_lists[i].release != release || (member == NULL && release > 0))
          continue;
        if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         member == NULL ? "the state file has no \"%s\" list" : "the state file's \"%s\" is not a list",
                         state_lists[i].name);
            return FALSE;
          }
      }
  if (!load_lists (state, o, error) || !am_sb_governance_load (state, o, error))
    {
      _am_sb_state_clear (state);
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
