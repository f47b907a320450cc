/* am-ec2-governance.c: Block Public Access, Allowed AMIs, ancestry, usage reports and CancelImageLaunchPermission
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-ec2-governance"

#include "config.h"

#include <string.h>

#include "am-ec2-client-private.h"
#include "am-ec2-error.h"
#include "am-ec2-governance.h"
#include "am-query-client.h"

/* How often a pending usage report is looked at again. */
#define REPORT_POLL_MS 500

AmImageCriterion *
am_image_criterion_new (void)
{
  AmImageCriterion *c = g_new0 (AmImageCriterion, 1);

  c->max_days_created = -1;
  c->max_days_deprecated = -1;
  return c;
}

void
am_image_criterion_free (AmImageCriterion *criterion)
{
  if (criterion == NULL)
    return;
  g_strfreev (criterion->providers);
  g_strfreev (criterion->names);
  g_strfreev (criterion->product_codes);
  g_free (criterion);
}

void
am_allowed_images_settings_free (AmAllowedImagesSettings *settings)
{
  if (settings == NULL)
    return;
  g_free (settings->state);
  g_ptr_array_unref (settings->criteria);
  g_free (settings);
}

void
am_image_ancestor_free (AmImageAncestor *ancestor)
{
  if (ancestor == NULL)
    return;
  g_free (ancestor->image_id);
  g_free (ancestor->owner_alias);
  g_free (ancestor->source_image_id);
  g_free (ancestor->source_image_region);
  g_clear_pointer (&ancestor->creation_date, g_date_time_unref);
  g_free (ancestor);
}

void
am_image_usage_entry_free (AmImageUsageEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->resource_type);
  g_free (entry->account_id);
  g_free (entry);
}

/* --- responses as records ----------------------------------------------------------------
 * These answers are small: each is read into records that map a leaf's path (element names
 * below the record, without the <item> levels) to its values in document order. The root record
 * holds the leaves outside @set; each <item> directly inside @set is one record. */

typedef GHashTable Record;   /* char* path → GPtrArray of char* */

typedef struct
{
  const char *set;
  Record     *root;
  GPtrArray  *items;        /* Record */
  GPtrArray  *stack;        /* char* element names */
  GArray     *had_child;    /* gboolean per open element */
  GString    *text;
  gint        set_depth;    /* depth of the open @set element, -1 */
} Reader;

static Record *
record_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
}

static void
record_add (Record     *record,
            const char *path,
            const char *value)
{
  GPtrArray *values = g_hash_table_lookup (record, path);

  if (values == NULL)
    {
      values = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (record, g_strdup (path), values);
    }
  g_ptr_array_add (values, g_strdup (value));
}

static const char *
record_get (Record     *record,
            const char *path)
{
  GPtrArray *values = g_hash_table_lookup (record, path);

  return values != NULL && values->len > 0 ? values->pdata[0] : NULL;
}

static char **
record_strv (Record     *record,
             const char *path)
{
  GPtrArray *values = g_hash_table_lookup (record, path);
  char **out;

  if (values == NULL || values->len == 0)
    return NULL;
  out = g_new0 (char *, values->len + 1);
  for (guint i = 0; i < values->len; i++)
    out[i] = g_strdup (values->pdata[i]);
  return out;
}

static gint64
record_int (Record     *record,
            const char *path,
            gint64      fallback)
{
  const char *text = record_get (record, path);
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
    return fallback;
  return value;
}

static void
reader_start (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  Reader *r = user_data;
  gboolean no = FALSE;

  if (r->had_child->len > 0)
    g_array_index (r->had_child, gboolean, r->had_child->len - 1) = TRUE;
  g_ptr_array_add (r->stack, g_strdup (element));
  g_array_append_val (r->had_child, no);
  g_string_truncate (r->text, 0);
  if (r->set != NULL && r->set_depth < 0 && r->stack->len == 2 && strcmp (element, r->set) == 0)
    r->set_depth = 2;
  else if (r->set_depth > 0 && r->stack->len == (guint) r->set_depth + 1 && strcmp (element, "item") == 0)
    g_ptr_array_add (r->items, record_new ());
}

static void
reader_text (GMarkupParseContext  *context,
             const char           *text,
             gsize                 length,
             gpointer              user_data,
             GError              **error)
{
  Reader *r = user_data;

  g_string_append_len (r->text, text, length);
}

static void
reader_end (GMarkupParseContext  *context,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  Reader *r = user_data;
  gboolean leaf = !g_array_index (r->had_child, gboolean, r->had_child->len - 1);
  guint depth = r->stack->len;

  if (leaf && depth > 1)
    {
      gboolean in_item = r->set_depth > 0 && depth > (guint) r->set_depth + 1 && r->items->len > 0;
      guint first = in_item ? (guint) r->set_depth + 1 : 1;
      g_autoptr (GString) path = g_string_new (NULL);

      for (guint i = first; i < depth; i++)
        {
          const char *name = r->stack->pdata[i];

          if (strcmp (name, "item") == 0)
            continue;
          if (path->len > 0)
            g_string_append_c (path, '/');
          g_string_append (path, name);
        }
      if (path->len == 0)   /* a plain <item>value</item> of @set itself */
        g_string_append (path, "item");
      record_add (in_item ? r->items->pdata[r->items->len - 1] : r->root, path->str, r->text->str);
    }
  if (r->set_depth > 0 && depth == (guint) r->set_depth)
    r->set_depth = 0;   /* only the first @set */
  g_ptr_array_set_size (r->stack, depth - 1);
  g_array_set_size (r->had_child, depth - 1);
  g_string_truncate (r->text, 0);
}

static const GMarkupParser reader_parser = { reader_start, reader_end, reader_text, NULL, NULL };

/* Reads @body; @set (nullable) names the list whose items become records. */
static gboolean
read_records (GBytes      *body,
              const char  *set,
              Record     **root,
              GPtrArray  **items,
              GError     **error)
{
  Reader r = { set, record_new (), g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref),
               g_ptr_array_new_with_free_func (g_free), g_array_new (FALSE, FALSE, sizeof (gboolean)),
               g_string_new (NULL), -1 };
  GMarkupParseContext *context = g_markup_parse_context_new (&reader_parser, 0, &r, NULL);
  gsize size;
  const char *data = g_bytes_get_data (body, &size);
  g_autoptr (GError) local = NULL;
  gboolean ok;

  ok = g_markup_parse_context_parse (context, data, size, &local)
       && g_markup_parse_context_end_parse (context, &local);
  g_markup_parse_context_free (context);
  g_ptr_array_unref (r.stack);
  g_array_unref (r.had_child);
  g_string_free (r.text, TRUE);
  if (!ok)
    {
      g_hash_table_unref (r.root);
      g_ptr_array_unref (r.items);
      g_set_error (error, AM_EC2_ERROR, AM_EC2_ERROR_FAILED,
                   "EC2 sent an answer that could not be read (%s); try again", local->message);
      return FALSE;
    }
  *root = r.root;
  if (items != NULL)
    *items = r.items;
  else
    g_ptr_array_unref (r.items);
  return TRUE;
}

/* --- calls ------------------------------------------------------------------------------- */

/* Sends @params (taken); the call's value is what @parse makes of the answer. */
static void
call (AmEc2Client         *self,
      AmQueryParams       *params,
      char                *what,
      AmEc2ParseFunc       parse,
      GDestroyNotify       result_free,
      gpointer             source_tag,
      GCancellable        *cancellable,
      GAsyncReadyCallback  callback,
      gpointer             user_data)
{
  AmEc2Call *c = _am_ec2_call_new (AM_EC2_RESULT_PARSED, what);

  c->parse = parse;
  c->parse_free = result_free;
  _am_ec2_client_start_call (self, params, c, FALSE, source_tag, cancellable, callback, user_data);
}

/* Returns: (transfer full): the call's value, or %NULL with @error */
static gpointer
finish (AmEc2Client   *self,
        GAsyncResult  *result,
        gpointer       source_tag,
        GError       **error)
{
  gpointer value = NULL;

  return _am_ec2_client_finish_value (self, result, source_tag, &value, NULL, error) ? value : NULL;
}

/* A non-NULL token for answers that carry nothing we keep. */
static gpointer
parse_done (GBytes  *body,
            GError **error)
{
  Record *root = NULL;
  const char *value;
  gboolean failed;

  if (!read_records (body, NULL, &root, NULL, error))
    return NULL;
  value = record_get (root, "return");
  failed = value != NULL && strcmp (value, "false") == 0;
  g_hash_table_unref (root);
  if (failed)
    {
      g_set_error (error, AM_EC2_ERROR, AM_EC2_ERROR_FAILED,
                   "EC2 answered that the request did not succeed; try again");
      return NULL;
    }
  return GINT_TO_POINTER (1);
}

static gboolean
finish_done (AmEc2Client   *self,
             GAsyncResult  *result,
             gpointer       source_tag,
             GError       **error)
{
  return finish (self, result, source_tag, error) != NULL;
}

/* --- Block Public Access ------------------------------------------------------------------ */

static gpointer
parse_block_state (GBytes  *body,
                   GError **error)
{
  Record *root = NULL;
  const char *state;
  gpointer out = NULL;

  if (!read_records (body, NULL, &root, NULL, error))
    return NULL;
  state = record_get (root, "imageBlockPublicAccessState");
  if (g_strcmp0 (state, "block-new-sharing") == 0)
    out = GINT_TO_POINTER (2);
  else if (g_strcmp0 (state, "unblocked") == 0)
    out = GINT_TO_POINTER (1);
  else
    g_set_error (error, AM_EC2_ERROR, AM_EC2_ERROR_FAILED,
                 "EC2 answered with an unknown Block Public Access state “%s”", state ? state : "");
  g_hash_table_unref (root);
  return out;
}

void
am_ec2_client_get_image_block_public_access_async (AmEc2Client         *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data)
{
  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  call (self, _am_ec2_params_new ("GetImageBlockPublicAccessState"),
        g_strdup ("Could not read whether public sharing of images is blocked"), parse_block_state, NULL,
        am_ec2_client_get_image_block_public_access_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_get_image_block_public_access_finish (AmEc2Client   *self,
                                                    GAsyncResult  *result,
                                                    gboolean      *blocked,
                                                    GError       **error)
{
  gpointer value = finish (self, result, am_ec2_client_get_image_block_public_access_async, error);

  if (blocked != NULL)
    *blocked = GPOINTER_TO_INT (value) == 2;
  return value != NULL;
}

void
am_ec2_client_set_image_block_public_access_async (AmEc2Client         *self,
                                                   gboolean             block,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  params = _am_ec2_params_new (block ? "EnableImageBlockPublicAccess" : "DisableImageBlockPublicAccess");
  if (block)
    am_query_params_add (params, "ImageBlockPublicAccessState", "block-new-sharing");
  call (self, params,
        g_strdup (block ? "Could not block public sharing of images" : "Could not allow public sharing of images"),
        parse_block_state, NULL, am_ec2_client_set_image_block_public_access_async, cancellable, callback,
        user_data);
}

gboolean
am_ec2_client_set_image_block_public_access_finish (AmEc2Client   *self,
                                                    GAsyncResult  *result,
                                                    GError       **error)
{
  return finish_done (self, result, am_ec2_client_set_image_block_public_access_async, error);
}

/* --- Allowed AMIs ------------------------------------------------------------------------- */

static gpointer
parse_allowed_settings (GBytes  *body,
                        GError **error)
{
  Record *root = NULL;
  g_autoptr (GPtrArray) items = NULL;
  AmAllowedImagesSettings *settings;

  if (!read_records (body, "imageCriterionSet", &root, &items, error))
    return NULL;
  settings = g_new0 (AmAllowedImagesSettings, 1);
  settings->state = g_strdup (record_get (root, "state") ? record_get (root, "state") : "disabled");
  settings->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) am_image_criterion_free);
  for (guint i = 0; i < items->len; i++)
    {
      Record *item = items->pdata[i];
      AmImageCriterion *c = am_image_criterion_new ();

      c->providers = record_strv (item, "imageProviderSet");
      c->names = record_strv (item, "imageNameSet");
      c->product_codes = record_strv (item, "marketplaceProductCodeSet");
      c->max_days_created = record_int (item, "creationDateCondition/maximumDaysSinceCreated", -1);
      c->max_days_deprecated = record_int (item, "deprecationTimeCondition/maximumDaysSinceDeprecated", -1);
      g_ptr_array_add (settings->criteria, c);
    }
  g_hash_table_unref (root);
  return settings;
}

void
am_ec2_client_get_allowed_images_settings_async (AmEc2Client         *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data)
{
  g_return_if_fail (AM_IS_EC2_CLIENT (self));

  call (self, _am_ec2_params_new ("GetAllowedImagesSettings"), g_strdup ("Could not read the Allowed AMIs settings"),
        parse_allowed_settings, (GDestroyNotify) am_allowed_images_settings_free,
        am_ec2_client_get_allowed_images_settings_async, cancellable, callback, user_data);
}

AmAllowedImagesSettings *
am_ec2_client_get_allowed_images_settings_finish (AmEc2Client   *self,
                                                  GAsyncResult  *result,
                                                  GError       **error)
{
  return finish (self, result, am_ec2_client_get_allowed_images_settings_async, error);
}

void
am_ec2_client_set_allowed_images_state_async (AmEc2Client         *self,
                                              const char          *state,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  gboolean disable;
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (g_strcmp0 (state, "enabled") == 0 || g_strcmp0 (state, "audit-mode") == 0
                    || g_strcmp0 (state, "disabled") == 0);

  disable = strcmp (state, "disabled") == 0;
  params = _am_ec2_params_new (disable ? "DisableAllowedImagesSettings" : "EnableAllowedImagesSettings");
  if (!disable)
    am_query_params_add (params, "AllowedImagesSettingsState", state);
  call (self, params, g_strdup_printf ("Could not set Allowed AMIs to %s", state), parse_done, NULL,
        am_ec2_client_set_allowed_images_state_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_set_allowed_images_state_finish (AmEc2Client   *self,
                                               GAsyncResult  *result,
                                               GError       **error)
{
  return finish_done (self, result, am_ec2_client_set_allowed_images_state_async, error);
}

static void
add_values (AmQueryParams *params,
            guint          n,
            const char    *field,
            char         **values)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    am_query_params_add_at (params, values[i], "ImageCriterion.%u.%s.%u", n, field, i + 1);
}

void
am_ec2_client_replace_image_criteria_async (AmEc2Client         *self,
                                            GPtrArray           *criteria,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (criteria != NULL);

  params = _am_ec2_params_new ("ReplaceImageCriteriaInAllowedImagesSettings");
  for (guint i = 0; i < criteria->len; i++)
    {
      AmImageCriterion *c = criteria->pdata[i];
      guint n = i + 1;

      add_values (params, n, "ImageProvider", c->providers);
      add_values (params, n, "ImageName", c->names);
      add_values (params, n, "MarketplaceProductCode", c->product_codes);
      if (c->max_days_created >= 0)
        {
          g_autofree char *days = g_strdup_printf ("%d", c->max_days_created);

          am_query_params_add_at (params, days, "ImageCriterion.%u.CreationDateCondition.MaximumDaysSinceCreated", n);
        }
      if (c->max_days_deprecated >= 0)
        {
          g_autofree char *days = g_strdup_printf ("%d", c->max_days_deprecated);

          am_query_params_add_at (params, days,
                                  "ImageCriterion.%u.DeprecationTimeCondition.MaximumDaysSinceDeprecated", n);
        }
    }
  call (self, params, g_strdup ("Could not change the Allowed AMIs criteria"), parse_done, NULL,
        am_ec2_client_replace_image_criteria_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_replace_image_criteria_finish (AmEc2Client   *self,
                                             GAsyncResult  *result,
                                             GError       **error)
{
  return finish_done (self, result, am_ec2_client_replace_image_criteria_async, error);
}

/* --- ancestry ------------------------------------------------------------------------------ */

static gpointer
parse_ancestry (GBytes  *body,
                GError **error)
{
  Record *root = NULL;
  g_autoptr (GPtrArray) items = NULL;
  GPtrArray *out;

  if (!read_records (body, "imageAncestryEntrySet", &root, &items, error))
    return NULL;
  g_hash_table_unref (root);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) am_image_ancestor_free);
  for (guint i = 0; i < items->len; i++)
    {
      Record *item = items->pdata[i];
      AmImageAncestor *a;
      const char *created = record_get (item, "creationDate");

      if (record_get (item, "imageId") == NULL)
        continue;
      a = g_new0 (AmImageAncestor, 1);
      a->image_id = g_strdup (record_get (item, "imageId"));
      a->owner_alias = g_strdup (record_get (item, "imageOwnerAlias"));
      a->source_image_id = g_strdup (record_get (item, "sourceImageId"));
      a->source_image_region = g_strdup (record_get (item, "sourceImageRegion"));
      a->creation_date = created ? g_date_time_new_from_iso8601 (created, NULL) : NULL;
      g_ptr_array_add (out, a);
    }
  return out;
}

void
am_ec2_client_get_image_ancestry_async (AmEc2Client         *self,
                                        const char          *image_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL);

  params = _am_ec2_params_new ("GetImageAncestry");
  am_query_params_add (params, "ImageId", image_id);
  call (self, params, g_strdup_printf ("Could not trace where %s came from", image_id), parse_ancestry,
        (GDestroyNotify) g_ptr_array_unref, am_ec2_client_get_image_ancestry_async, cancellable, callback,
        user_data);
}

GPtrArray *
am_ec2_client_get_image_ancestry_finish (AmEc2Client   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return finish (self, result, am_ec2_client_get_image_ancestry_async, error);
}

/* --- CancelImageLaunchPermission ------------------------------------------------------------ */

void
am_ec2_client_cancel_image_launch_permission_async (AmEc2Client         *self,
                                                    const char          *image_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL);

  params = _am_ec2_params_new ("CancelImageLaunchPermission");
  am_query_params_add (params, "ImageId", image_id);
  call (self, params, g_strdup_printf ("Could not remove %s from this account", image_id), parse_done, NULL,
        am_ec2_client_cancel_image_launch_permission_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_cancel_image_launch_permission_finish (AmEc2Client   *self,
                                                     GAsyncResult  *result,
                                                     GError       **error)
{
  return finish_done (self, result, am_ec2_client_cancel_image_launch_permission_async, error);
}

/* --- usage: create a report, wait for it, read it, delete it ------------------------------------ */

typedef struct
{
  char      *image_id;
  char      *report_id;
  gint64     deadline;       /* monotonic µs */
  GPtrArray *entries;        /* AmImageUsageEntry */
  guint      poll_id;
} UsageData;

static void
usage_data_free (UsageData *data)
{
  g_free (data->image_id);
  g_free (data->report_id);
  g_clear_pointer (&data->entries, g_ptr_array_unref);
  g_clear_handle_id (&data->poll_id, g_source_remove);
  g_free (data);
}

static void usage_poll (GTask *task);

static void
usage_fail (GTask  *task,
            GError *error)
{
  UsageData *data = g_task_get_task_data (task);
  g_autofree char *what = g_strdup_printf ("Could not find out who uses %s", data->image_id);

  g_task_return_error (task, _am_ec2_error_with_context (error, what));
  g_error_free (error);
}

static void
on_usage_deleted (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  UsageData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) body = am_query_client_call_finish (AM_QUERY_CLIENT (source), result, &error);

  /* The answer is known already: a report left behind expires by itself after 30 days. */
  if (body == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("could not delete the usage report %s: %s", data->report_id, error->message);
  g_task_return_pointer (task, g_steal_pointer (&data->entries), (GDestroyNotify) g_ptr_array_unref);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const AmImageUsageEntry *x = *(AmImageUsageEntry * const *) a;
  const AmImageUsageEntry *y = *(AmImageUsageEntry * const *) b;
  int c = g_strcmp0 (x->resource_type, y->resource_type);

  return c != 0 ? c : g_strcmp0 (x->account_id, y->account_id);
}

static void usage_read_entries (GTask *task, const char *next_token);

static void
on_usage_entries (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  UsageData *data = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr (GBytes) body = am_query_client_call_finish (AM_QUERY_CLIENT (source), result, &error);
  g_autoptr (GPtrArray) items = NULL;
  Record *root = NULL;
  g_autofree char *next = NULL;
  g_autoptr (AmQueryParams) params = NULL;
  GCancellable *cancellable;

  if (body == NULL || !read_records (body, "imageUsageReportEntrySet", &root, &items, &error))
    {
      usage_fail (task, error);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      Record *item = items->pdata[i];
      AmImageUsageEntry *e;

      if (record_get (item, "accountId") == NULL || record_get (item, "resourceType") == NULL)
        continue;
      e = g_new0 (AmImageUsageEntry, 1);
      e->resource_type = g_strdup (record_get (item, "resourceType"));
      e->account_id = g_strdup (record_get (item, "accountId"));
      e->usage_count = record_int (item, "usageCount", 0);
      g_ptr_array_add (data->entries, e);
    }
  next = g_strdup (record_get (root, "nextToken"));
  g_hash_table_unref (root);
  if (next != NULL && *next != '\0')
    {
      usage_read_entries (g_steal_pointer (&task), next);
      return;
    }
  g_ptr_array_sort (data->entries, compare_entries);
  params = _am_ec2_params_new ("DeleteImageUsageReport");
  am_query_params_add (params, "ReportId", data->report_id);
  cancellable = g_task_get_cancellable (task);
  am_query_client_call_async (AM_QUERY_CLIENT (source), params, cancellable, on_usage_deleted,
                              g_steal_pointer (&task));
}

static void
usage_read_entries (GTask      *task,
                    const char *next_token)
{
  UsageData *data = g_task_get_task_data (task);
  g_autoptr (AmQueryParams) params = _am_ec2_params_new ("DescribeImageUsageReportEntries");

  am_query_params_add (params, "ReportId.1", data->report_id);
  am_query_params_add (params, "MaxResults", "1000");
  if (next_token != NULL)
    am_query_params_add (params, "NextToken", next_token);
  am_query_client_call_async (am_ec2_client_get_query_client (g_task_get_source_object (task)), params,
                              g_task_get_cancellable (task), on_usage_entries, task);
}

static gboolean
on_usage_poll_timeout (gpointer user_data)
{
  GTask *task = user_data;
  UsageData *data = g_task_get_task_data (task);

  data->poll_id = 0;
  usage_poll (task);
  return G_SOURCE_REMOVE;
}

static void
on_usage_state (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  UsageData *data = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr (GBytes) body = am_query_client_call_finish (AM_QUERY_CLIENT (source), result, &error);
  g_autoptr (GPtrArray) items = NULL;
  Record *root = NULL;
  g_autofree char *state = NULL;
  g_autofree char *reason = NULL;

  if (body == NULL || !read_records (body, "imageUsageReportSet", &root, &items, &error))
    {
      usage_fail (task, error);
      return;
    }
  g_hash_table_unref (root);
  if (items->len > 0)
    {
      state = g_strdup (record_get (items->pdata[0], "state"));
      reason = g_strdup (record_get (items->pdata[0], "stateReason"));
    }
  if (g_strcmp0 (state, "available") == 0)
    {
      usage_read_entries (g_steal_pointer (&task), NULL);
      return;
    }
  if (g_strcmp0 (state, "pending") != 0)
    {
      usage_fail (task, g_error_new (AM_EC2_ERROR, AM_EC2_ERROR_FAILED,
                                     "EC2 could not make the usage report (%s%s%s); try again later",
                                     state ? state : "missing", reason ? ": " : "", reason ? reason : ""));
      return;
    }
  if (g_get_monotonic_time () > data->deadline)
    {
      usage_fail (task, g_error_new (AM_EC2_ERROR, AM_EC2_ERROR_FAILED,
                                     "EC2 has not finished the usage report %s yet; try again in a few "
                                     "minutes", data->report_id));
      return;
    }
  /* The timeout holds the task's reference until it fires (cancellation is seen by the call). */
  data->poll_id = g_timeout_add (REPORT_POLL_MS, on_usage_poll_timeout, g_steal_pointer (&task));
}

static void
usage_poll (GTask *task)
{
  UsageData *data = g_task_get_task_data (task);
  g_autoptr (AmQueryParams) params = _am_ec2_params_new ("DescribeImageUsageReports");

  am_query_params_add (params, "ReportId.1", data->report_id);
  am_query_client_call_async (am_ec2_client_get_query_client (g_task_get_source_object (task)), params,
                              g_task_get_cancellable (task), on_usage_state, task);
}

static void
on_usage_created (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  UsageData *data = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr (GBytes) body = am_query_client_call_finish (AM_QUERY_CLIENT (source), result, &error);
  Record *root = NULL;

  if (body == NULL || !read_records (body, NULL, &root, NULL, &error))
    {
      usage_fail (task, error);
      return;
    }
  data->report_id = g_strdup (record_get (root, "reportId"));
  g_hash_table_unref (root);
  if (data->report_id == NULL)
    {
      usage_fail (task, g_error_new (AM_EC2_ERROR, AM_EC2_ERROR_FAILED,
                                     "EC2 did not say which usage report it made; try again"));
      return;
    }
  usage_poll (g_steal_pointer (&task));
}

void
am_ec2_client_image_usage_async (AmEc2Client         *self,
                                 const char          *image_id,
                                 guint                timeout_s,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr (AmQueryParams) params = NULL;
  g_autofree char *token = NULL;
  GTask *task;
  UsageData *data;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (image_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_ec2_client_image_usage_async);
  data = g_new0 (UsageData, 1);
  data->image_id = g_strdup (image_id);
  data->deadline = g_get_monotonic_time () + (gint64) timeout_s * G_USEC_PER_SEC;
  data->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) am_image_usage_entry_free);
  g_task_set_task_data (task, data, (GDestroyNotify) usage_data_free);

  /* The token makes the creation safe to resend: EC2 answers a repeat with the same report. */
  token = g_uuid_string_random ();
  params = _am_ec2_params_new ("CreateImageUsageReport");
  am_query_params_add (params, "ImageId", image_id);
  am_query_params_add (params, "ResourceType.1.ResourceType", "ec2:Instance");
  am_query_params_add (params, "ResourceType.2.ResourceType", "ec2:LaunchTemplate");
  am_query_params_add (params, "ClientToken", token);
  am_query_client_call_async (am_ec2_client_get_query_client (self), params, cancellable, on_usage_created, task);
}

GPtrArray *
am_ec2_client_image_usage_finish (AmEc2Client   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (AM_IS_EC2_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_ec2_client_image_usage_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- create-volume permissions of snapshots ----------------------------------------------- */

void
am_snapshot_sharing_free (AmSnapshotSharing *sharing)
{
  if (sharing == NULL)
    return;
  g_strfreev (sharing->user_ids);
  g_free (sharing);
}

static gpointer
parse_snapshot_sharing (GBytes  *body,
                        GError **error)
{
  Record *root = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) users = g_ptr_array_new ();
  AmSnapshotSharing *sharing;

  if (!read_records (body, "createVolumePermission", &root, &items, error))
    return NULL;
  sharing = g_new0 (AmSnapshotSharing, 1);
  for (guint i = 0; i < items->len; i++)
    {
      const char *user = record_get (items->pdata[i], "userId");

      if (user != NULL)
        g_ptr_array_add (users, g_strdup (user));
      if (g_strcmp0 (record_get (items->pdata[i], "group"), "all") == 0)
        sharing->is_public = TRUE;
    }
  g_ptr_array_add (users, NULL);
  sharing->user_ids = (char **) g_ptr_array_free (g_steal_pointer (&users), FALSE);
  g_hash_table_unref (root);
  return sharing;
}

void
am_ec2_client_get_snapshot_sharing_async (AmEc2Client         *self,
                                          const char          *snapshot_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  AmQueryParams *params;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (snapshot_id != NULL);

  params = _am_ec2_params_new ("DescribeSnapshotAttribute");
  am_query_params_add (params, "SnapshotId", snapshot_id);
  am_query_params_add (params, "Attribute", "createVolumePermission");
  call (self, params, g_strdup_printf ("Could not read who may create volumes from %s", snapshot_id),
        parse_snapshot_sharing, (GDestroyNotify) am_snapshot_sharing_free,
        am_ec2_client_get_snapshot_sharing_async, cancellable, callback, user_data);
}

AmSnapshotSharing *
am_ec2_client_get_snapshot_sharing_finish (AmEc2Client   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return finish (self, result, am_ec2_client_get_snapshot_sharing_async, error);
}

void
am_ec2_client_modify_snapshot_sharing_async (AmEc2Client         *self,
                                             const char          *snapshot_id,
                                             gboolean             add,
                                             const char * const  *user_ids,
                                             gboolean             group_all,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  const char *side = add ? "Add" : "Remove";
  AmQueryParams *params;
  guint n = 0;

  g_return_if_fail (AM_IS_EC2_CLIENT (self));
  g_return_if_fail (snapshot_id != NULL);

  params = _am_ec2_params_new ("ModifySnapshotAttribute");
  am_query_params_add (params, "SnapshotId", snapshot_id);
  am_query_params_add (params, "Attribute", "createVolumePermission");
  for (guint i = 0; user_ids != NULL && user_ids[i] != NULL; i++)
    am_query_params_add_at (params, user_ids[i], "CreateVolumePermission.%s.%u.UserId", side, ++n);
  if (group_all)
    am_query_params_add_at (params, "all", "CreateVolumePermission.%s.%u.Group", side, ++n);
  call (self, params,
        add ? g_strdup_printf ("Could not share %s", snapshot_id)
            : g_strdup_printf ("Could not stop sharing %s", snapshot_id),
        parse_done, NULL, am_ec2_client_modify_snapshot_sharing_async, cancellable, callback, user_data);
}

gboolean
am_ec2_client_modify_snapshot_sharing_finish (AmEc2Client   *self,
                                              GAsyncResult  *result,
                                              GError       **error)
{
  return finish_done (self, result, am_ec2_client_modify_snapshot_sharing_async, error);
}
