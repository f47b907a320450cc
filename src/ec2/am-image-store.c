/* am-image-store.c: a GListModel of the images of one (account, region, scope), cached on disk
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-store"

#include "config.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "am-ec2-error.h"
#include "am-ec2-model-private.h"
#include "am-image-store.h"
#include "am-image-cache-file.h"


struct _AmImageStore
{
  GObject                parent_instance;

  /* owned references */
  AmEc2Client           *client;
  AmDescribeImagesQuery *query;
  GPtrArray             *items;          /* AmImage */
  GCancellable          *cancellable;    /* of the current load */
  GError                *error;
  char                  *account_id;
  char                  *cache_name;     /* NULL: no cache */
  char                  *cache_dir;

  /* the refresh in progress: image id → position + 1, and which positions EC2 still lists */
  GHashTable            *index;
  GByteArray            *seen;
  GHashTable            *seen_tokens;    /* the load's page tokens, to stop a loop */

  /* state */
  AmImageScope           scope;
  guint                  page_size;
  guint                  generation;     /* bumped by every load, so stale answers are dropped */
  guint                  n_loaded;
  gint64                 cached_at;
  gboolean               loading;
  gboolean               from_cache;
  gboolean               cache_tried;
  gboolean               got_page;
  gboolean               diffing;
  gboolean               writing_cache;
  gboolean               write_again;   /* a newer listing arrived while writing */
};

static void am_image_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AmImageStore, am_image_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, am_image_store_list_model_init))

G_DEFINE_ENUM_TYPE (AmImageScope, am_image_scope,
                    G_DEFINE_ENUM_VALUE (AM_IMAGE_SCOPE_OWNED, "owned"),
                    G_DEFINE_ENUM_VALUE (AM_IMAGE_SCOPE_SHARED, "shared"),
                    G_DEFINE_ENUM_VALUE (AM_IMAGE_SCOPE_PUBLIC, "public"),
                    G_DEFINE_ENUM_VALUE (AM_IMAGE_SCOPE_AMAZON, "amazon"),
                    G_DEFINE_ENUM_VALUE (AM_IMAGE_SCOPE_MARKETPLACE, "marketplace"),
                    G_DEFINE_ENUM_VALUE (AM_IMAGE_SCOPE_CUSTOM, "custom"))

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_SCOPE,
  PROP_ACCOUNT_ID,
  PROP_LOADING,
  PROP_N_LOADED,
  PROP_ERROR,
  PROP_CACHED_AT,
  PROP_FROM_CACHE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CACHE_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
am_image_scope_to_string (AmImageScope scope)
{
  switch (scope)
    {
    case AM_IMAGE_SCOPE_OWNED:
      return "owned";
    case AM_IMAGE_SCOPE_SHARED:
      return "shared";
    case AM_IMAGE_SCOPE_PUBLIC:
      return "public";
    case AM_IMAGE_SCOPE_AMAZON:
      return "amazon";
    case AM_IMAGE_SCOPE_MARKETPLACE:
      return "marketplace";
    case AM_IMAGE_SCOPE_CUSTOM:
    default:
      return "custom";
    }
}

/* --- GListModel ----------------------------------------------------------------------------- */

static GType
am_image_store_get_item_type (GListModel *model)
{
  return AM_TYPE_IMAGE;
}

static guint
am_image_store_get_n_items (GListModel *model)
{
  return AM_IMAGE_STORE (model)->items->len;
}

static gpointer
am_image_store_get_item (GListModel *model,
                         guint       position)
{
  AmImageStore *self = AM_IMAGE_STORE (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (self->items->pdata[position]);
}

static void
am_image_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = am_image_store_get_item_type;
  iface->get_n_items = am_image_store_get_n_items;
  iface->get_item = am_image_store_get_item;
}

static void
items_changed (AmImageStore *self,
               guint         position,
               guint         removed,
               guint         added)
{
  if (removed == 0 && added == 0)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* --- object ----------------------------------------------------------------------------------- */

static void
clear_diff (AmImageStore *self)
{
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->seen, g_byte_array_unref);
  self->diffing = FALSE;
}

static void
am_image_store_dispose (GObject *object)
{
  AmImageStore *self = AM_IMAGE_STORE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  clear_diff (self);

  G_OBJECT_CLASS (am_image_store_parent_class)->dispose (object);
}

static void
am_image_store_finalize (GObject *object)
{
  AmImageStore *self = AM_IMAGE_STORE (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->query, am_describe_images_query_free);
  g_clear_error (&self->error);
  g_clear_pointer (&self->seen_tokens, g_hash_table_unref);
  g_free (self->account_id);
  g_free (self->cache_name);
  g_free (self->cache_dir);

  G_OBJECT_CLASS (am_image_store_parent_class)->finalize (object);
}

static void
am_image_store_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AmImageStore *self = AM_IMAGE_STORE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_SCOPE:
      g_value_set_enum (value, self->scope);
      break;
    case PROP_ACCOUNT_ID:
      g_value_set_string (value, self->account_id);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_N_LOADED:
      g_value_set_uint (value, self->n_loaded);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_CACHED_AT:
      g_value_set_int64 (value, self->cached_at);
      break;
    case PROP_FROM_CACHE:
      g_value_set_boolean (value, self->from_cache);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_image_store_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AmImageStore *self = AM_IMAGE_STORE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_SCOPE:
      self->scope = g_value_get_enum (value);
      break;
    case PROP_ACCOUNT_ID:
      self->account_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_image_store_class_init (AmImageStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = am_image_store_dispose;
  object_class->finalize = am_image_store_finalize;
  object_class->get_property = am_image_store_get_property;
  object_class->set_property = am_image_store_set_property;

  properties[PROP_CLIENT] = g_param_spec_object ("client", NULL, NULL, AM_TYPE_EC2_CLIENT, construct);
  properties[PROP_SCOPE] = g_param_spec_enum ("scope", NULL, NULL, AM_TYPE_IMAGE_SCOPE,
                                              AM_IMAGE_SCOPE_OWNED, construct);
  properties[PROP_ACCOUNT_ID] = g_param_spec_string ("account-id", NULL, NULL, NULL, construct);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  properties[PROP_N_LOADED] = g_param_spec_uint ("n-loaded", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, ro);
  properties[PROP_CACHED_AT] = g_param_spec_int64 ("cached-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_FROM_CACHE] = g_param_spec_boolean ("from-cache", NULL, NULL, FALSE, ro);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmImageStore::cache-saved:
   * The cache file was rewritten after a complete listing.
   */
  signals[CACHE_SAVED] = g_signal_new ("cache-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
am_image_store_init (AmImageStore *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->page_size = 1000;
}

static AmDescribeImagesQuery *
query_for_scope (AmImageScope scope)
{
  AmDescribeImagesQuery *query = am_describe_images_query_new ();

  switch (scope)
    {
    case AM_IMAGE_SCOPE_OWNED:
      am_describe_images_query_add_owner (query, "self");
      break;
    case AM_IMAGE_SCOPE_SHARED:
      am_describe_images_query_add_executable_by (query, "self");
      break;
    case AM_IMAGE_SCOPE_PUBLIC:
      am_describe_images_query_add_executable_by (query, "all");
      am_describe_images_query_add_filter (query, am_ec2_filter_new ("is-public", "true", NULL));
      break;
    case AM_IMAGE_SCOPE_AMAZON:
      am_describe_images_query_add_owner (query, "amazon");
      break;
    case AM_IMAGE_SCOPE_MARKETPLACE:
      am_describe_images_query_add_owner (query, "aws-marketplace");
      break;
    case AM_IMAGE_SCOPE_CUSTOM:
    default:
      g_assert_not_reached ();
    }
  return query;
}

AmImageStore *
am_image_store_new (AmEc2Client  *client,
                    AmImageScope  scope,
                    const char   *account_id)
{
  AmImageStore *self;

  g_return_val_if_fail (AM_IS_EC2_CLIENT (client), NULL);
  g_return_val_if_fail (scope != AM_IMAGE_SCOPE_CUSTOM, NULL);

  self = g_object_new (AM_TYPE_IMAGE_STORE,
                       "client", client,
                       "scope", scope,
                       "account-id", account_id,
                       NULL);
  self->query = query_for_scope (scope);
  self->cache_name = g_strdup (am_image_scope_to_string (scope));
  return self;
}

AmImageStore *
am_image_store_new_for_query (AmEc2Client                 *client,
                              const AmDescribeImagesQuery *query,
                              const char                  *account_id,
                              const char                  *cache_name)
{
  AmImageStore *self;

  g_return_val_if_fail (AM_IS_EC2_CLIENT (client), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  self = g_object_new (AM_TYPE_IMAGE_STORE,
                       "client", client,
                       "scope", AM_IMAGE_SCOPE_CUSTOM,
                       "account-id", account_id,
                       NULL);
  self->query = am_describe_images_query_copy (query);
  self->cache_name = g_strdup (cache_name);
  return self;
}

AmEc2Client *
am_image_store_get_client (AmImageStore *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_STORE (self), NULL);

  return self->client;
}

AmImageScope
am_image_store_get_scope (AmImageStore *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_STORE (self), AM_IMAGE_SCOPE_OWNED);

  return self->scope;
}

gboolean
am_image_store_get_loading (AmImageStore *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_STORE (self), FALSE);

  return self->loading;
}

guint
am_image_store_get_n_loaded (AmImageStore *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_STORE (self), 0);

  return self->n_loaded;
}

const GError *
am_image_store_get_error (AmImageStore *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_STORE (self), NULL);

  return self->error;
}

gint64
am_image_store_get_cached_at (AmImageStore *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_STORE (self), 0);

  return self->cached_at;
}

gint64
am_image_store_get_cache_age (AmImageStore *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_STORE (self), -1);

  if (self->cached_at == 0)
    return -1;
  return MAX (0, g_get_real_time () / G_USEC_PER_SEC - self->cached_at);
}

gboolean
am_image_store_get_from_cache (AmImageStore *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_STORE (self), FALSE);

  return self->from_cache;
}

AmImage *
am_image_store_lookup (AmImageStore *self,
                       const char   *image_id)
{
  g_return_val_if_fail (AM_IS_IMAGE_STORE (self), NULL);
  g_return_val_if_fail (image_id != NULL, NULL);

  for (guint i = 0; i < self->items->len; i++)
    if (g_strcmp0 (am_image_get_image_id (self->items->pdata[i]), image_id) == 0)
      return self->items->pdata[i];
  return NULL;
}

void
am_image_store_set_page_size (AmImageStore *self,
                              guint         page_size)
{
  g_return_if_fail (AM_IS_IMAGE_STORE (self));
  g_return_if_fail (page_size > 0);

  self->page_size = page_size;
}

void
am_image_store_set_cache_dir (AmImageStore *self,
                              const char   *cache_dir)
{
  g_return_if_fail (AM_IS_IMAGE_STORE (self));

  g_free (self->cache_dir);
  self->cache_dir = g_strdup (cache_dir);
}

static void
append_safe (GString    *out,
             const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (out, g_ascii_isalnum (*p) || *p == '.' || *p == '-' ? *p : '_');
}

char *
am_image_store_dup_cache_path (AmImageStore *self)
{
  g_autoptr (GString) name = g_string_new (NULL);
  g_autofree char *dir = NULL;

  g_return_val_if_fail (AM_IS_IMAGE_STORE (self), NULL);

  if (self->cache_name == NULL)
    return NULL;

  if (self->account_id != NULL)
    append_safe (name, self->account_id);
  else
    {
      g_autofree char *endpoint = am_ec2_client_dup_endpoint (self->client);
      g_autoptr (GUri) uri = g_uri_parse (endpoint, G_URI_FLAGS_NONE, NULL);

      append_safe (name, uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : endpoint);
      if (uri != NULL && g_uri_get_port (uri) > 0)
        g_string_append_printf (name, "_%d", g_uri_get_port (uri));
    }
  g_string_append_c (name, '-');
  append_safe (name, am_ec2_client_get_region (self->client));
  g_string_append_c (name, '-');
  append_safe (name, self->cache_name);
  g_string_append (name, ".json");

  dir = self->cache_dir != NULL ? g_strdup (self->cache_dir)
                                : g_build_filename (g_get_user_cache_dir (), "amiable", "images", NULL);
  return g_build_filename (dir, name->str, NULL);
}

/* --- the cache ----------------------------------------------------------------------------------- */

static void
read_cache_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;

  if (!am_image_cache_read (task_data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_cache_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AmImageStore *self = AM_IMAGE_STORE (source);
  AmImageCacheJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  guint n;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, AM_EC2_ERROR, AM_EC2_ERROR_CACHE))
        g_warning ("%s", error->message);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
               && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the image cache %s: %s", job->path, error->message);
      return;
    }

  /* EC2 was faster than the disk: its answer wins. */
  if (self->got_page || self->items->len > 0)
    return;

  n = job->images->len;
  g_ptr_array_extend_and_steal (self->items, g_steal_pointer (&job->images));
  self->cached_at = job->saved_at;
  self->from_cache = TRUE;
  items_changed (self, 0, 0, n);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CACHED_AT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_CACHE]);
}

static void
start_cache_read (AmImageStore *self)
{
  g_autoptr (GTask) task = NULL;
  AmImageCacheJob *job;

  job = g_new0 (AmImageCacheJob, 1);
  job->path = am_image_store_dup_cache_path (self);
  task = g_task_new (self, self->cancellable, on_cache_read, NULL);
  g_task_set_source_tag (task, start_cache_read);
  g_task_set_task_data (task, job, (GDestroyNotify) am_image_cache_job_free);
  g_task_run_in_thread (task, read_cache_thread);
}

static void
write_cache_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;

  if (!am_image_cache_write (task_data, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/*
 * The cache is written on a thread of its own at the lowest priority: serializing a listing
 * of 100,000 images takes about a second of CPU, which must not take a core from the
 * interface, whose next frames (a selection, a keystroke) come first. (Not a pooled thread:
 * a thread's priority cannot be raised back without privileges.)
 */
static gpointer
write_cache_background (gpointer data)
{
  GTask *task = data;

#ifdef __linux__
  setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 19);
#endif
  write_cache_thread (task, g_task_get_source_object (task), g_task_get_task_data (task),
                      g_task_get_cancellable (task));
  g_object_unref (task);
  return NULL;
}

static void start_cache_write (AmImageStore *self);

static void
on_cache_written (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AmImageStore *self = AM_IMAGE_STORE (source);
  AmImageCacheJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  gboolean saved = g_task_propagate_boolean (G_TASK (result), &error);

  self->writing_cache = FALSE;
  if (!saved && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not write the image cache %s: %s", job->path, error->message);
  if (self->write_again)
    {
      self->write_again = FALSE;
      start_cache_write (self);
      return;
    }
  if (saved)
    g_signal_emit (self, signals[CACHE_SAVED], 0);
}

static void
start_cache_write (AmImageStore *self)
{
  g_autoptr (GTask) task = NULL;
  AmImageCacheJob *job;

  /* One writer at a time; the last listing is what ends up on disk. */
  if (self->writing_cache)
    {
      self->write_again = TRUE;
      return;
    }
  self->writing_cache = TRUE;

  job = g_new0 (AmImageCacheJob, 1);
  job->path = am_image_store_dup_cache_path (self);
  job->region = g_strdup (am_ec2_client_get_region (self->client));
  job->scope = g_strdup (self->cache_name);
  job->saved_at = g_get_real_time () / G_USEC_PER_SEC;
  /* The images are immutable; the worker only reads them, through its own references. */
  job->images = g_ptr_array_new_full (self->items->len, g_object_unref);
  for (guint i = 0; i < self->items->len; i++)
    g_ptr_array_add (job->images, g_object_ref (self->items->pdata[i]));

  task = g_task_new (self, NULL, on_cache_written, NULL);
  g_task_set_source_tag (task, start_cache_write);
  g_task_set_task_data (task, job, (GDestroyNotify) am_image_cache_job_free);
  g_thread_unref (g_thread_new ("amiable-cache", write_cache_background, g_object_ref (task)));
}

/* --- loading -------------------------------------------------------------------------------- */

/* A page in flight holds the store weakly: dropping the store cancels its load. */
typedef struct
{
  GWeakRef self;
  guint    generation;
} PageData;

static void fetch_page (AmImageStore *self,
                        const char   *next_token);

static void
set_loading (AmImageStore *self,
             gboolean      loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
begin_diff (AmImageStore *self)
{
  self->diffing = TRUE;
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
  self->seen = g_byte_array_sized_new (self->items->len);
  g_byte_array_set_size (self->seen, self->items->len);
  memset (self->seen->data, 0, self->seen->len);
  for (guint i = 0; i < self->items->len; i++)
    g_hash_table_replace (self->index, (gpointer) am_image_get_image_id (self->items->pdata[i]),
                          GUINT_TO_POINTER (i + 1));
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static void
apply_page (AmImageStore *self,
            GPtrArray    *images)
{
  g_autoptr (GArray) changed = NULL;
  guint old_len = self->items->len;
  guint added = 0;

  if (!self->got_page)
    {
      self->got_page = TRUE;
      if (self->items->len > 0)
        begin_diff (self);
    }

  if (!self->diffing)
    {
      g_ptr_array_extend_and_steal (self->items, g_ptr_array_ref (images));
      items_changed (self, old_len, 0, self->items->len - old_len);
      return;
    }

  changed = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < images->len; i++)
    {
      AmImage *image = images->pdata[i];
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, am_image_get_image_id (image)));

      if (position > 0)
        {
          position--;
          self->seen->data[position] = TRUE;
          if (!am_image_is_same (self->items->pdata[position], image))
            {
              /* The key points into the old image's strings: re-key before it goes. */
              g_hash_table_replace (self->index, (gpointer) am_image_get_image_id (image),
                                    GUINT_TO_POINTER (position + 1));
              g_object_unref (self->items->pdata[position]);
              self->items->pdata[position] = g_object_ref (image);
              g_array_append_val (changed, position);
            }
        }
      else
        {
          guint8 yes = TRUE;

          g_ptr_array_add (self->items, g_object_ref (image));
          g_byte_array_append (self->seen, &yes, 1);
          g_hash_table_replace (self->index, (gpointer) am_image_get_image_id (image),
                                GUINT_TO_POINTER (self->items->len));
          added++;
        }
    }

  /* One items-changed per run of changed positions, then one for the new images. */
  g_array_sort (changed, compare_uint);
  for (guint i = 0; i < changed->len;)
    {
      guint start = g_array_index (changed, guint, i);
      guint end = start + 1;

      for (i++; i < changed->len && g_array_index (changed, guint, i) <= end; i++)
        end = MAX (end, g_array_index (changed, guint, i) + 1);
      items_changed (self, start, end - start, end - start);
    }
  items_changed (self, old_len, 0, added);
}

/* The images EC2 no longer lists go, from the end so positions stay right. */
static void
remove_unseen (AmImageStore *self)
{
  guint i = self->items->len;

  while (i > 0)
    {
      guint end, start;

      if (self->seen->data[i - 1])
        {
          i--;
          continue;
        }
      end = i;
      while (i > 0 && !self->seen->data[i - 1])
        i--;
      start = i;
      g_ptr_array_remove_range (self->items, start, end - start);
      items_changed (self, start, end - start, 0);
    }
}

static void
finish_load (AmImageStore *self)
{
  if (self->diffing)
    remove_unseen (self);
  clear_diff (self);

  if (self->from_cache || self->cached_at != 0)
    {
      self->from_cache = FALSE;
      self->cached_at = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_CACHE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CACHED_AT]);
    }
  set_loading (self, FALSE);
  if (self->cache_name != NULL)
    start_cache_write (self);
}

static void
on_page (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  PageData *data = user_data;
  g_autoptr (AmImageStore) self = g_weak_ref_get (&data->self);
  guint generation = data->generation;
  g_autoptr (GError) error = NULL;
  g_autofree char *next_token = NULL;
  g_autoptr (GPtrArray) images = NULL;

  g_weak_ref_clear (&data->self);
  g_free (data);
  images = am_ec2_client_describe_images_finish (AM_EC2_CLIENT (source), result, &next_token, &error);
  if (self == NULL || generation != self->generation)
    return;

  if (images == NULL)
    {
      clear_diff (self);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_loading (self, FALSE);
          return;
        }
      /* The error is in place before "loading" turns off: whoever watches the end of a
       * listing sees why it ended. */
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
      set_loading (self, FALSE);
      return;
    }

  if (self->scope == AM_IMAGE_SCOPE_SHARED && self->account_id != NULL)
    for (guint i = images->len; i > 0; i--)
      if (g_strcmp0 (am_image_get_owner_id (images->pdata[i - 1]), self->account_id) == 0)
        g_ptr_array_remove_index (images, i - 1);

  self->n_loaded += images->len;
  apply_page (self, images);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LOADED]);

  if (next_token != NULL
      && !am_query_remember_token (&self->seen_tokens, "DescribeImages", next_token, &error))
    {
      clear_diff (self);
      set_loading (self, FALSE);
      self->error = g_steal_pointer (&error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
      return;
    }
  if (next_token != NULL)
    fetch_page (self, next_token);
  else
    finish_load (self);
}

static void
fetch_page (AmImageStore *self,
            const char   *next_token)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_copy (self->query);
  PageData *data = g_new0 (PageData, 1);

  query->max_results = self->page_size;
  am_describe_images_query_set_next_token (query, next_token);
  g_weak_ref_init (&data->self, self);
  data->generation = self->generation;
  am_ec2_client_describe_images_async (self->client, query, self->cancellable, on_page, data);
}

static void
start_load (AmImageStore *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  clear_diff (self);
  self->got_page = FALSE;
  g_clear_pointer (&self->seen_tokens, g_hash_table_unref);

  if (self->error != NULL)
    {
      g_clear_error (&self->error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }
  self->n_loaded = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LOADED]);
  set_loading (self, TRUE);
  fetch_page (self, NULL);
}

void
am_image_store_load (AmImageStore *self)
{
  g_return_if_fail (AM_IS_IMAGE_STORE (self));

  start_load (self);
  if (!self->cache_tried && self->cache_name != NULL && self->items->len == 0)
    {
      self->cache_tried = TRUE;
      start_cache_read (self);
    }
}

void
am_image_store_refresh (AmImageStore *self)
{
  g_return_if_fail (AM_IS_IMAGE_STORE (self));

  start_load (self);
}

void
am_image_store_cancel (AmImageStore *self)
{
  g_return_if_fail (AM_IS_IMAGE_STORE (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  self->generation++;
  clear_diff (self);
  set_loading (self, FALSE);
}
