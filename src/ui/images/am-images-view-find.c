/* am-images-view-find.c: the Images view shows an image asked for by ID, in whichever scope
 * lists it, or beside the listing
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-images-view"

#include "config.h"

#include <glib/gi18n.h>

#include "am-aws-error.h"
#include "am-images-view-private.h"
#include "am-session.h"

static void
show_toast (AmImagesView *self,
            const char   *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_debug ("No place for the toast “%s”", message);
      return;
    }

  /* A toast's title is markup. */
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
_am_images_view_forget_image_request (AmImagesView *self)
{
  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->lookup_cancellable);
  g_clear_object (&self->pending_image);
  if (self->outside_image != NULL)
    {
      g_clear_object (&self->outside_image);
      _am_images_view_queue_update_details (self);
    }
}

static gboolean
source_has_image (AmImagesView *self,
                  const char   *image_id)
{
  GListModel *source = am_image_list_model_get_source (self->list);
  guint n = source != NULL ? g_list_model_get_n_items (source) : 0;

  if (source != NULL && source == G_LIST_MODEL (self->store))
    return am_image_store_lookup (self->store, image_id) != NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (source, i);

      if (g_strcmp0 (am_image_get_image_id (image), image_id) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
select_row (AmImagesView *self,
            const char   *image_id)
{
  GListModel *rows = G_LIST_MODEL (self->list);
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (rows, i);

      if (g_strcmp0 (am_image_get_image_id (image), image_id) == 0)
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->list), i, TRUE);
          return TRUE;
        }
    }

  return FALSE;
}

/* Narrows the list to @image_id (a search on the ID, so the row is on screen, at the top)
 * and selects it, when the current listing has it; clears the filters that would hide it. */
static gboolean
select_listed_image (AmImagesView *self,
                     const char   *image_id)
{
  if (!source_has_image (self, image_id))
    return FALSE;

  /* The search is applied at once, not after the typing debounce, so the row can be chosen. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), image_id);
  _am_images_view_apply_search (self);
  if (select_row (self, image_id))
    return TRUE;

  if (am_image_list_model_has_filters (self->list))
    {
      _am_images_view_clear_filters (self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), image_id);
      _am_images_view_apply_search (self);
    }

  return select_row (self, image_id);
}

/* Shows @image in the details pane beside the current listing, which does not have it. */
static void
show_outside_image (AmImagesView *self,
                    AmImage      *image,
                    const char   *message)
{
  g_set_object (&self->outside_image, image);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->list));
  _am_images_view_update_state (self);
  _am_images_view_queue_update_details (self);
  show_toast (self, message);
}

/* Selects the awaited image once its scope's listing has it, or shows it beside the listing
 * when the listing is in without it. */
void
_am_images_view_follow_pending_image (AmImagesView *self)
{
  g_autoptr (AmImage) image = NULL;
  g_autofree char *message = NULL;
  gboolean loading;

  if (self->pending_image == NULL)
    return;

  /* Taken first: selecting changes the list, which comes back here. */
  image = g_steal_pointer (&self->pending_image);
  if (select_listed_image (self, am_image_get_image_id (image)))
    return;

  loading = (self->retry_id != 0
             || (self->store != NULL && am_image_store_get_loading (self->store))
             || (self->scope == AM_IMAGES_SCOPE_QUICK_START && self->quick_start_loading));
  /* Listed but not filtered in yet: the list model rebuilds in an idle. */
  if (loading || source_has_image (self, am_image_get_image_id (image)))
    {
      self->pending_image = g_steal_pointer (&image);
      return;
    }

  /* EC2 leaves deprecated images out of listings other than the owner's. */
  message = g_strdup_printf (_("%s is not in this list (it may be deprecated); its details are shown beside it."),
                             am_image_get_image_id (image));
  show_outside_image (self, image, message);
}

/* Which scope lists @image. */
static AmImagesScope
scope_of_image (AmImagesView *self,
                AmImage      *image)
{
  const char *account = self->session != NULL ? am_session_get_account (self->session) : NULL;
  const char *alias = am_image_get_owner_alias (image);
  AmImageStore *shared = self->stores[AM_IMAGES_SCOPE_SHARED];

  if (account != NULL && g_strcmp0 (am_image_get_owner_id (image), account) == 0)
    return AM_IMAGES_SCOPE_OWNED;
  if (g_strcmp0 (alias, "amazon") == 0)
    return AM_IMAGES_SCOPE_AMAZON;
  if (g_strcmp0 (alias, "aws-marketplace") == 0)
    return AM_IMAGES_SCOPE_MARKETPLACE;
  /* Someone else's private image is only visible when it is shared with the account. */
  if (!am_image_get_is_public (image))
    return AM_IMAGES_SCOPE_SHARED;
  /* A public image may be shared explicitly too; the shared listing tells, once it is in. */
  if (shared != NULL && am_image_store_lookup (shared, am_image_get_image_id (image)) != NULL)
    return AM_IMAGES_SCOPE_SHARED;
  return AM_IMAGES_SCOPE_PUBLIC;
}

typedef struct
{
  AmImagesView *self;          /* a reference */
  GCancellable *cancellable;
  char *image_id;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_object_unref (lookup->self);
  g_object_unref (lookup->cancellable);
  g_free (lookup->image_id);
  g_free (lookup);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Lookup, lookup_free)

static void
lookup_image_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (Lookup) lookup = user_data;
  AmImagesView *self = lookup->self;
  g_autoptr (GPtrArray) images = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  AmImage *image = NULL;
  AmImagesScope scope;

  images = am_ec2_client_describe_images_finish (AM_EC2_CLIENT (object), result, NULL, &error);
  if (g_cancellable_is_cancelled (lookup->cancellable))
    return;
  if (lookup->cancellable == self->lookup_cancellable)
    g_clear_object (&self->lookup_cancellable);

  if (images == NULL && !am_aws_error_code_is (error, "InvalidAMIID.NotFound"))
    {
      message = g_strdup_printf (_("Could not look up image %s: %s"), lookup->image_id, error->message);
      show_toast (self, message);
      return;
    }

  for (guint i = 0; images != NULL && i < images->len; i++)
    if (g_strcmp0 (am_image_get_image_id (images->pdata[i]), lookup->image_id) == 0)
      image = images->pdata[i];
  if (image == NULL)
    {
      message = g_strdup_printf (_("Image %s no longer exists; it may have been deregistered."), lookup->image_id);
      show_toast (self, message);
      return;
    }

  /* Public and Marketplace list tens of thousands of images and load only when asked:
   * one image is not worth that wait. */
  scope = scope_of_image (self, image);
  if ((scope == AM_IMAGES_SCOPE_PUBLIC || scope == AM_IMAGES_SCOPE_MARKETPLACE)
      && self->stores[scope] == NULL)
    {
      if (scope == AM_IMAGES_SCOPE_PUBLIC)
        message = g_strdup_printf (_("%s is a public image; its details are shown without loading every public image."),
                                   lookup->image_id);
      else
        message = g_strdup_printf (_("%s is an AWS Marketplace image; its details are shown without loading the Marketplace listing."),
                                   lookup->image_id);
      show_outside_image (self, image, message);
      return;
    }

  am_images_view_set_scope (self, scope);
  g_set_object (&self->pending_image, image);
  _am_images_view_follow_pending_image (self);
}

gboolean
am_images_view_show_image (AmImagesView *self,
                           const char   *image_id)
{
  g_autoptr (AmDescribeImagesQuery) query = NULL;
  Lookup *lookup;

  g_return_val_if_fail (AM_IS_IMAGES_VIEW (self), FALSE);
  g_return_val_if_fail (image_id != NULL, FALSE);

  _am_images_view_forget_image_request (self);
  if (select_listed_image (self, image_id))
    return TRUE;

  if (self->client == NULL || self->source_override)
    {
      /* Nobody to ask: the search tells the user it is not here. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), image_id);
      _am_images_view_apply_search (self);
      return FALSE;
    }

  /* Asked by ID, EC2 answers whoever owns the image and even when it is deprecated. */
  query = am_describe_images_query_new ();
  am_describe_images_query_add_image_id (query, image_id);
  query->include_deprecated = TRUE;

  self->lookup_cancellable = g_cancellable_new ();
  lookup = g_new0 (Lookup, 1);
  lookup->self = g_object_ref (self);
  lookup->cancellable = g_object_ref (self->lookup_cancellable);
  lookup->image_id = g_strdup (image_id);
  am_ec2_client_describe_images_async (self->client, query, self->lookup_cancellable,
                                       lookup_image_cb, lookup);

  return FALSE;
}
