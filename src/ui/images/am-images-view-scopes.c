/* am-images-view-scopes.c: the Images view's listings: one store per scope, Quick Start, loading
 * progress, retries and following pending images
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-images-view"

#include "config.h"

#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gi18n.h>

#include "am-aws-error.h"
#include "am-column-chooser.h"
#include "am-ec2-governance.h"
#include "am-image-filter-popover.h"
#include "am-images-view-private.h"
#include "am-session.h"

/* --- loading ------------------------------------------------------------------------------ */

void
_am_images_view_set_source_model (AmImagesView *self,
                                  GListModel   *source,
                                  gboolean      loading)
{
  self->loading = loading;
  am_image_list_model_set_sort_deferred (self->list, loading);
  am_image_list_model_set_source (self->list, source);
  _am_images_view_update_state (self);
}

static void
update_polling (AmImagesView *self);

static char *
format_age (gint64 seconds)
{
  if (seconds < 90)
    return g_strdup (_("a minute ago"));
  if (seconds < 90 * 60)
    return g_strdup_printf (ngettext ("%d minute ago", "%d minutes ago", (int) (seconds / 60)), (int) (seconds / 60));
  if (seconds < 36 * 3600)
    return g_strdup_printf (ngettext ("%d hour ago", "%d hours ago", (int) (seconds / 3600)), (int) (seconds / 3600));
  return g_strdup_printf (ngettext ("%d day ago", "%d days ago", (int) (seconds / 86400)), (int) (seconds / 86400));
}

void
_am_images_view_update_loading (AmImagesView *self)
{
  gboolean loading = FALSE;
  guint n_loaded = 0;
  const GError *error = _am_images_view_current_error (self);
  gboolean has_rows;

  if (self->store != NULL && self->retry_id != 0)
    error = NULL;

  if (self->store != NULL)
    {
      loading = (am_image_store_get_loading (self->store)
                 && !(self->quiet_refresh && self->store == self->stores[AM_IMAGES_SCOPE_OWNED]))
                || self->retry_id != 0;
      n_loaded = am_image_store_get_n_loaded (self->store);
      if (self->retry_id != 0)
        error = NULL;
    }
  else if (self->scope == AM_IMAGES_SCOPE_QUICK_START)
    loading = self->quick_start_loading;
  else if (self->scope == AM_IMAGES_SCOPE_ALL_REGIONS)
    {
      loading = _am_images_view_all_regions_loading (self);
      n_loaded = _am_images_view_all_regions_n_loaded (self);
    }

  has_rows = am_image_list_model_get_n_total (self->list) > 0;

  /* A first listing sorts once when its last page is in; a cached one is sorted already and
   * a refresh's changes are sorted in as they come. */
  self->loading = loading && !has_rows;
  am_image_list_model_set_sort_deferred (self->list,
                                         loading && !(self->store != NULL
                                                      && am_image_store_get_from_cache (self->store)));

#ifdef __GLIBC__
  /* A long listing parsed in worker threads leaves their malloc arenas full of freed pages;
   * hand them back once it is in (tens of MB at 100k images). */
  if (!loading && gtk_revealer_get_reveal_child (self->progress_revealer)
      && am_image_list_model_get_n_total (self->list) > 10000)
    malloc_trim (0);
#endif

  gtk_revealer_set_reveal_child (self->progress_revealer, loading);
  if (loading)
    {
      g_autofree char *text = NULL;

      if (n_loaded > 0)
        text = g_strdup_printf (ngettext ("%u image so far", "%u images so far", n_loaded), n_loaded);
      else
        text = g_strdup (_("Asking for images…"));
      /* The bar moves when a page comes in, not on a timer: no frames beyond the pages'. */
      if (g_strcmp0 (gtk_progress_bar_get_text (self->progress_bar), text) != 0)
        gtk_progress_bar_pulse (self->progress_bar);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->banner_revealer), "error");
  if (self->session != NULL && !self->source_override && am_session_get_sandbox_error (self->session) != NULL)
    gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  else if (error != NULL && has_rows)
    {
      g_autofree char *description = _am_images_view_describe_error (self, error);
      g_autofree char *text = g_strdup_printf (_("Could not refresh the list: %s"), description);

      gtk_label_set_label (self->banner_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->banner_button), TRUE);
      gtk_widget_add_css_class (gtk_revealer_get_child (self->banner_revealer), "error");
      gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
    }
  else if (self->store != NULL && am_image_store_get_from_cache (self->store) && has_rows)
    {
      g_autofree char *age = format_age (am_image_store_get_cache_age (self->store));
      g_autofree char *text = NULL;

      gtk_widget_remove_css_class (gtk_revealer_get_child (self->banner_revealer), "error");
      if (loading)
        text = g_strdup_printf (_("Showing the list from %s · Refreshing…"), age);
      else
        text = g_strdup_printf (_("Showing the list from %s"), age);
      gtk_label_set_label (self->banner_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->banner_button), !loading);
      gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
    }
  else
    gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "images.cancel", loading);
  _am_images_view_update_state (self);
  update_polling (self);
}

static gboolean
retry_cb (gpointer user_data)
{
  AmImagesView *self = user_data;

  self->retry_id = 0;
  if (self->store != NULL)
    am_image_store_refresh (self->store);

  return G_SOURCE_REMOVE;
}

/* A busy service may take a later listing; an endpoint that could not be reached after the
 * client's own retries is said at once (asking again would only keep the spinner turning). */
static gboolean
is_transient (const GError *error)
{
  return g_error_matches (error, AM_AWS_ERROR, AM_AWS_ERROR_THROTTLED)
         || g_error_matches (error, AM_AWS_ERROR, AM_AWS_ERROR_SERVER);
}

/* --- following pending images ------------------------------------------------------------ */

static gboolean
store_has_pending (AmImageStore *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_strcmp0 (am_image_get_state (image), "pending") == 0)
        return TRUE;
    }

  return FALSE;
}

/* A refresh by diff: the rows that changed state are replaced in place, the rest stay. */
void
_am_images_view_refresh_owned_quietly (AmImagesView *self)
{
  AmImageStore *owned = self->stores[AM_IMAGES_SCOPE_OWNED];

  if (owned == NULL || am_image_store_get_loading (owned))
    return;
  self->quiet_refresh = TRUE;
  am_image_store_refresh (owned);
}

static gboolean
poll_cb (gpointer user_data)
{
  AmImagesView *self = user_data;

  self->poll_id = 0;
  if (self->follow_polls > 0)
    self->follow_polls--;
  _am_images_view_refresh_owned_quietly (self);
  update_polling (self);

  return G_SOURCE_REMOVE;
}

/*
 * Images are made in the owned listing (only its owner makes them), and stay pending while
 * their snapshots are taken: that listing is refreshed every few seconds while one of its
 * images is pending, or for a few rounds after an image was made (EC2 may not list it at
 * once). The other scopes are large and their images do not change under the user's hands.
 */
static void
update_polling (AmImagesView *self)
{
  AmImageStore *owned = self->stores[AM_IMAGES_SCOPE_OWNED];
  gboolean follow = owned != NULL && (self->follow_polls > 0 || store_has_pending (owned));

  if (!follow)
    {
      self->follow_polls = 0;
      g_clear_handle_id (&self->poll_id, g_source_remove);
    }
  else if (self->poll_id == 0 && !am_image_store_get_loading (owned))
    self->poll_id = g_timeout_add (self->poll_interval_ms, poll_cb, self);

  follow = follow && self->scope == AM_IMAGES_SCOPE_OWNED && !self->source_override;
  gtk_widget_set_visible (GTK_WIDGET (self->poll_spinner), follow);
  gtk_spinner_set_spinning (self->poll_spinner, follow);
}

static void
image_created_cb (AmImagesView *self,
                  const char   *image_id,
                  AmEc2Client  *client)
{
  g_debug ("%s was made in this region: following the owned listing", image_id);
  self->follow_polls = 3;
  _am_images_view_refresh_owned_quietly (self);
  update_polling (self);
}

static void
store_notify_cb (AmImagesView *self,
                 GParamSpec   *pspec,
                 AmImageStore *store)
{
  if (store == self->stores[AM_IMAGES_SCOPE_OWNED] && !am_image_store_get_loading (store))
    {
      self->quiet_refresh = FALSE;
      update_polling (self);
    }

  if (store != self->store)
    return;

  /*
   * The client already retried each call; when a page still failed with a throttling,
   * server or network error, the listing is asked again (a refresh keeps what came) a few
   * times, quietly, before the error is shown with its Retry button.
   */
  /* Decided once per listing, when it ends (other notifications come in any order). */
  if (g_strcmp0 (g_param_spec_get_name (pspec), "loading") == 0 && !am_image_store_get_loading (store))
    {
      const GError *error = am_image_store_get_error (store);

      /* Whether this listing carries imageAllowed, asked anew with each. */
      _am_images_view_check_allowed (self);

      if (error != NULL && is_transient (error) && self->n_retries < 3)
        {
          self->n_retries++;
          g_debug ("Listing failed (%s), asking again (%u)", error->message, self->n_retries);
          g_clear_handle_id (&self->retry_id, g_source_remove);
          self->retry_id = g_timeout_add (250 * self->n_retries, retry_cb, self);
        }
      else if (error == NULL)
        self->n_retries = 0;
    }

  _am_images_view_update_loading (self);
  _am_images_view_follow_pending_image (self);
}

void
_am_images_view_clear_stores (AmImagesView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->stores); i++)
    if (self->stores[i] != NULL)
      {
        am_image_store_cancel (self->stores[i]);
        g_signal_handlers_disconnect_by_data (self->stores[i], self);
        g_clear_object (&self->stores[i]);
      }
  self->store = NULL;
  _am_images_view_clear_all_regions (self);
  g_clear_object (&self->quick_start);
  g_clear_error (&self->quick_start_error);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  self->follow_polls = 0;
  self->quiet_refresh = FALSE;
}

static AmImageScope
store_scope (AmImagesScope scope)
{
  switch (scope)
    {
    case AM_IMAGES_SCOPE_OWNED:
      return AM_IMAGE_SCOPE_OWNED;
    case AM_IMAGES_SCOPE_SHARED:
      return AM_IMAGE_SCOPE_SHARED;
    case AM_IMAGES_SCOPE_PUBLIC:
      return AM_IMAGE_SCOPE_PUBLIC;
    case AM_IMAGES_SCOPE_AMAZON:
      return AM_IMAGE_SCOPE_AMAZON;
    case AM_IMAGES_SCOPE_MARKETPLACE:
      return AM_IMAGE_SCOPE_MARKETPLACE;
    case AM_IMAGES_SCOPE_QUICK_START:
    default:
      g_assert_not_reached ();
      return AM_IMAGE_SCOPE_CUSTOM;
    }
}

/* --- Quick Start -------------------------------------------------------------------------- */

/* The SSM public parameters that name the current image of popular systems. */
static const char * const quick_start_parameters[] = {
  "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
  "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64",
  "/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2",
  "/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id",
  "/aws/service/canonical/ubuntu/server/24.04/stable/current/arm64/hvm/ebs-gp3/ami-id",
  "/aws/service/canonical/ubuntu/server/22.04/stable/current/amd64/hvm/ebs-gp2/ami-id",
  "/aws/service/debian/release/12/latest/amd64",
  "/aws/service/debian/release/12/latest/arm64",
  "/aws/service/suse/sles/15-sp6/x86_64/latest",
  "/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base",
  "/aws/service/ami-windows-latest/Windows_Server-2022-English-Core-Base",
};

typedef struct
{
  AmImagesView *self;          /* a reference */
  GCancellable *cancellable;
  GPtrArray *ids;
  GError *error;
  guint pending;
} QuickStart;

static void
quick_start_free (QuickStart *qs)
{
  g_object_unref (qs->self);
  g_object_unref (qs->cancellable);
  g_ptr_array_unref (qs->ids);
  g_clear_error (&qs->error);
  g_free (qs);
}

static void
quick_start_finish (QuickStart *qs,
                    GPtrArray  *images,
                    GError     *error)
{
  AmImagesView *self = qs->self;

  if (g_cancellable_is_cancelled (qs->cancellable))
    return;

  self->quick_start_loading = FALSE;
  g_clear_error (&self->quick_start_error);
  if (error != NULL)
    self->quick_start_error = g_error_copy (error);
  if (images != NULL && self->quick_start != NULL)
    g_list_store_splice (self->quick_start, 0, g_list_model_get_n_items (G_LIST_MODEL (self->quick_start)),
                         images->pdata, images->len);
  _am_images_view_update_loading (self);
}

static void
quick_start_images_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  QuickStart *qs = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) images = NULL;

  images = am_ec2_client_describe_images_finish (AM_EC2_CLIENT (object), result, NULL, &error);
  quick_start_finish (qs, images, error);
  quick_start_free (qs);
}

static void
quick_start_id_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  QuickStart *qs = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;

  id = am_ec2_client_get_latest_image_id_finish (AM_EC2_CLIENT (object), result, &error);
  if (id != NULL && !g_ptr_array_find_with_equal_func (qs->ids, id, g_str_equal, NULL))
    g_ptr_array_add (qs->ids, g_steal_pointer (&id));
  else if (error != NULL && qs->error == NULL)
    qs->error = g_steal_pointer (&error);

  if (--qs->pending > 0)
    return;

  if (qs->ids->len == 0 || g_cancellable_is_cancelled (qs->cancellable))
    {
      /* Not one parameter resolved: show why (a region without them says so). */
      quick_start_finish (qs, NULL, qs->error);
      quick_start_free (qs);
      return;
    }
  else
    {
      g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();

      for (guint i = 0; i < qs->ids->len; i++)
        am_describe_images_query_add_image_id (query, qs->ids->pdata[i]);
      am_ec2_client_describe_images_async (AM_EC2_CLIENT (object), query, qs->cancellable,
                                           quick_start_images_cb, qs);
    }
}

static void
load_quick_start (AmImagesView *self)
{
  QuickStart *qs;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->quick_start == NULL)
    self->quick_start = g_list_store_new (AM_TYPE_IMAGE);
  g_clear_error (&self->quick_start_error);
  self->quick_start_loading = TRUE;

  qs = g_new0 (QuickStart, 1);
  qs->self = g_object_ref (self);
  qs->cancellable = g_object_ref (self->cancellable);
  qs->ids = g_ptr_array_new_with_free_func (g_free);
  qs->pending = G_N_ELEMENTS (quick_start_parameters);
  for (guint i = 0; i < G_N_ELEMENTS (quick_start_parameters); i++)
    am_ec2_client_get_latest_image_id_async (self->client, quick_start_parameters[i],
                                             self->cancellable, quick_start_id_cb, qs);
}

/* --- scopes ------------------------------------------------------------------------------- */

/*
 * The one place a scope is shown, whatever changed: the scope, the session, its client. A new
 * kind of scope hooks in here.
 */
void
_am_images_view_show_scope (AmImagesView *self,
                            gboolean      fetch)
{
  AmEc2Client *client = NULL;
  gboolean on_demand = self->scope == AM_IMAGES_SCOPE_PUBLIC || self->scope == AM_IMAGES_SCOPE_MARKETPLACE;

  if (self->source_override)
    return;

  if (self->session != NULL && am_session_get_state (self->session) == AM_SESSION_STATE_READY)
    client = am_session_get_client (self->session);
  if (client != self->client)
    {
      _am_images_view_forget_image_request (self);
      _am_images_view_clear_stores (self);
      if (self->client != NULL)
        g_signal_handlers_disconnect_by_data (self->client, self);
      g_set_object (&self->client, client);
      if (client != NULL)
        g_signal_connect_object (client, "image-created", G_CALLBACK (image_created_cb),
                                 self, G_CONNECT_SWAPPED);
    }

  self->store = NULL;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->n_retries = 0;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->quick_start_loading = FALSE;
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  _am_images_view_leave_all_regions (self);

  if (self->client == NULL)
    {
      _am_images_view_set_source_model (self, NULL, FALSE);
      _am_images_view_update_loading (self);
      return;
    }

  if (self->scope == AM_IMAGES_SCOPE_ALL_REGIONS)
    {
      _am_images_view_show_all_regions (self, fetch);
      return;
    }

  if (self->scope == AM_IMAGES_SCOPE_QUICK_START)
    {
      gboolean first = self->quick_start == NULL;

      if (first || fetch)
        load_quick_start (self);
      _am_images_view_set_source_model (self, G_LIST_MODEL (self->quick_start), self->quick_start_loading);
      _am_images_view_update_loading (self);
      return;
    }

  if (self->stores[self->scope] == NULL)
    {
      const char *account = am_session_get_account (self->session);

      if (on_demand && !fetch)
        {
          _am_images_view_set_source_model (self, NULL, FALSE);
          _am_images_view_update_loading (self);
          return;
        }

      if (self->scope == AM_IMAGES_SCOPE_OWNED && am_image_filters_get_include_disabled (self->filters))
        {
          /* Show Disabled: the owned listing with IncludeDisabled, cached apart. */
          g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();

          am_describe_images_query_add_owner (query, "self");
          query->include_disabled = TRUE;
          self->stores[self->scope] = am_image_store_new_for_query (self->client, query, account,
                                                                    "owned-with-disabled");
        }
      else
        self->stores[self->scope] = am_image_store_new (self->client, store_scope (self->scope), account);
      g_signal_connect_object (self->stores[self->scope], "notify::loading", G_CALLBACK (store_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->stores[self->scope], "notify::n-loaded", G_CALLBACK (store_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->stores[self->scope], "notify::error", G_CALLBACK (store_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->stores[self->scope], "notify::from-cache", G_CALLBACK (store_notify_cb), self, G_CONNECT_SWAPPED);
      self->store = self->stores[self->scope];
      /* Deferred sorting from the first page on. */
      _am_images_view_set_source_model (self, G_LIST_MODEL (self->store), TRUE);
      am_image_store_load (self->store);
      _am_images_view_update_loading (self);
      return;
    }

  self->store = self->stores[self->scope];
  _am_images_view_set_source_model (self, G_LIST_MODEL (self->store), am_image_store_get_loading (self->store));
  if (fetch && !am_image_store_get_loading (self->store))
    am_image_store_refresh (self->store);
  _am_images_view_update_loading (self);
}


/* Show Disabled switched: the owned listing is asked again, with or without IncludeDisabled. */
void
_am_images_view_include_disabled_changed (AmImagesView *self)
{
  AmImageStore *owned = self->stores[AM_IMAGES_SCOPE_OWNED];

  if (owned == NULL)
    return;
  am_image_store_cancel (owned);
  g_signal_handlers_disconnect_by_data (owned, self);
  if (self->store == owned)
    self->store = NULL;
  g_clear_object (&self->stores[AM_IMAGES_SCOPE_OWNED]);
  if (self->scope == AM_IMAGES_SCOPE_OWNED)
    _am_images_view_show_scope (self, TRUE);
}

void
_am_images_view_session_changed (AmImagesView *self)
{
  _am_images_view_show_scope (self, FALSE);
}

/* Nothing that was asked of the ended sandbox will come: stop waiting for it. */
void
_am_images_view_sandbox_error_changed (AmImagesView *self)
{
  if (am_session_get_sandbox_error (self->session) != NULL)
    {
      g_clear_handle_id (&self->retry_id, g_source_remove);
      if (self->store != NULL)
        am_image_store_cancel (self->store);
      if (self->quick_start_loading)
        {
          g_cancellable_cancel (self->cancellable);
          self->quick_start_loading = FALSE;
        }
    }
  _am_images_view_update_loading (self);
}

/* --- for the tests and the benchmark --------------------------------------------------- */

void
_am_images_view_set_poll_interval (AmImagesView *self,
                                   guint         interval_ms)
{
  self->poll_interval_ms = interval_ms;
}

gboolean
_am_images_view_get_polling (AmImagesView *self)
{
  return self->poll_id != 0 || self->quiet_refresh;
}

void
_am_images_view_set_source (AmImagesView *self,
                            GListModel   *source,
                            gboolean      loading)
{
  self->source_override = source != NULL;
  _am_images_view_set_source_model (self, source, loading);
  if (!loading)
    am_image_list_model_set_sort_deferred (self->list, FALSE);
}

AmImageListModel *
_am_images_view_get_list_model (AmImagesView *self)
{
  return self->list;
}

GtkColumnView *
_am_images_view_get_column_view (AmImagesView *self)
{
  return self->column_view;
}

GtkSearchEntry *
_am_images_view_get_search_entry (AmImagesView *self)
{
  return self->search_entry;
}

AmImageDetails *
_am_images_view_get_details (AmImagesView *self)
{
  return self->details;
}

GtkSelectionModel *
_am_images_view_get_selection (AmImagesView *self)
{
  return GTK_SELECTION_MODEL (self->list);
}

const char *
_am_images_view_get_state (AmImagesView *self)
{
  return self->state;
}

/* The Allowed column and filter exist only while Allowed AMIs is on (enabled or audit mode):
 * only then does DescribeImages carry imageAllowed. */
void
_am_images_view_show_allowed (AmImagesView *self,
                              gboolean      carried)
{
  self->allowed_carried = carried;
  gtk_column_view_column_set_visible (am_column_chooser_get_column (self->column_chooser, AM_IMAGE_COLUMN_ALLOWED),
                                      carried);
  am_image_filter_popover_set_allowed_shown (self->filter_popover, carried);
  if (!carried)
    am_image_filters_set_allowed (self->filters, AM_IMAGE_ALLOWED_ANY);
}

static void
allowed_settings_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (AmImagesView) self = user_data;
  g_autoptr (GError) error = NULL;
  AmAllowedImagesSettings *settings;

  settings = am_ec2_client_get_allowed_images_settings_finish (AM_EC2_CLIENT (object), result, &error);
  /* Asked again by the listing's last notification while the view was being disposed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->column_chooser == NULL)
    {
      g_clear_pointer (&settings, am_allowed_images_settings_free);
      return;
    }
  if (settings == NULL)
    {
      /* Without the answer the column could only guess: it stays away. */
      g_debug ("Could not read the Allowed AMIs settings: %s", error->message);
      _am_images_view_show_allowed (self, FALSE);
      return;
    }
  _am_images_view_show_allowed (self, g_strcmp0 (settings->state, "disabled") != 0);
  am_allowed_images_settings_free (settings);
}

void
_am_images_view_check_allowed (AmImagesView *self)
{
  g_cancellable_cancel (self->allowed_cancellable);
  g_clear_object (&self->allowed_cancellable);
  if (self->client == NULL)
    {
      _am_images_view_show_allowed (self, FALSE);
      return;
    }
  self->allowed_cancellable = g_cancellable_new ();
  am_ec2_client_get_allowed_images_settings_async (self->client, self->allowed_cancellable,
                                                   allowed_settings_cb, g_object_ref (self));
}
