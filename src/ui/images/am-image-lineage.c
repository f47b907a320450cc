/* am-image-lineage.c: where an image came from and what came of it: ancestors up to the root and my copies of it, each a link
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-lineage"

#include "config.h"

#include <glib/gi18n.h>

#include "am-aws-error.h"
#include "am-describe-images-query.h"
#include "am-ec2-filter.h"
#include "am-ec2-governance.h"
#include "am-group-rows.h"
#include "am-image-family.h"
#include "am-image-lineage.h"
#include "am-ssm.h"

struct _AmImageLineage
{
  AdwPreferencesGroup  parent_instance;

  /* owned references */
  AmEc2Client         *client;
  AmImage             *image;
  GCancellable        *cancellable;
  GHashTable          *clients;     /* region → AmEc2Client */
  GPtrArray           *rows;        /* GtkWidget, borrowed from the group */
  GPtrArray           *descendants; /* image IDs shown below this image, in order */
  GPtrArray           *parameters;  /* names of the public parameters that point at it */
  char                *family_newest; /* nullable: the newest image of its family */
  GHashTable          *published;   /* path → GPtrArray of AmSsmParameter, for this client */

  /* state */
  guint                pending;     /* state look-ups still running */
  gboolean             loaded;
};

G_DEFINE_FINAL_TYPE (AmImageLineage, am_image_lineage, ADW_TYPE_PREFERENCES_GROUP)

#define STATE_KEY "am-lineage-state"

static void
clear_rows (AmImageLineage *self)
{
  am_group_rows_clear (ADW_PREFERENCES_GROUP (self), self->rows);
  g_ptr_array_set_size (self->descendants, 0);
  g_ptr_array_set_size (self->parameters, 0);
  g_clear_pointer (&self->family_newest, g_free);
}

static AdwActionRow *
add_row (AmImageLineage *self,
         const char     *title,
         const char     *subtitle)
{
  return am_group_rows_add (ADW_PREFERENCES_GROUP (self), self->rows, title, subtitle);
}

static void
finish_one (AmImageLineage *self)
{
  g_assert (self->pending > 0);
  if (--self->pending == 0)
    self->loaded = TRUE;
}

/* The state shown beside an image: deprecated before EC2's own state word. */
static const char *
state_text (AmImage *image)
{
  if (am_image_get_deprecation_unix (image) <= g_get_real_time () / G_USEC_PER_SEC)
    return _("deprecated");
  return am_image_get_state (image);
}

static GtkLabel *
add_state (AdwActionRow *row,
           const char   *text)
{
  GtkWidget *state = gtk_label_new (text);

  gtk_widget_add_css_class (state, "dim-label");
  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, state);
  return GTK_LABEL (state);
}

/* A link: the Images view shows it (in this region). */
static void
make_link (AdwActionRow *row,
           const char   *image_id)
{
  /* The target first: the window checks the pair as soon as the name is set. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", image_id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-image");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
}

typedef struct
{
  AmImageLineage *self;
  GtkLabel       *state;
  AmEc2Client    *client;
} StateData;

static void
state_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  StateData *data = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) images = am_ec2_client_describe_images_finish (AM_EC2_CLIENT (object), result, NULL, &error);
  const char *text;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    goto out;
  if (images != NULL && images->len == 1)
    text = state_text (images->pdata[0]);
  else if (images != NULL || (error->domain == AM_AWS_ERROR
                              && g_strcmp0 (am_aws_error_get_code (error), "InvalidAMIID.NotFound") == 0))
    text = _("deregistered or not visible to this account");
  else
    text = _("state unknown: could not ask its region");
  gtk_label_set_text (data->state, text);
  if (g_strcmp0 (text, "available") != 0)
    gtk_widget_add_css_class (GTK_WIDGET (data->state), "warning");
  finish_one (data->self);
out:
  g_object_unref (data->self);
  g_object_unref (data->state);
  g_object_unref (data->client);
  g_free (data);
}

static AmEc2Client *
client_for (AmImageLineage *self,
            const char     *region)
{
  AmEc2Client *client;

  if (g_strcmp0 (region, am_ec2_client_get_region (self->client)) == 0)
    return self->client;
  client = g_hash_table_lookup (self->clients, region);
  if (client == NULL)
    {
      client = am_ec2_client_new_for_region (self->client, region, NULL);
      if (client == NULL)
        return NULL;
      g_hash_table_insert (self->clients, g_strdup (region), client);
    }
  return client;
}

static void
ask_state (AmImageLineage *self,
           const char     *image_id,
           const char     *region,
           GtkLabel       *state)
{
  AmEc2Client *client = client_for (self, region);
  g_autoptr (AmDescribeImagesQuery) query = NULL;
  StateData *data;

  if (client == NULL)
    {
      gtk_label_set_text (state, _("state unknown: could not ask its region"));
      return;
    }
  query = am_describe_images_query_new ();
  am_describe_images_query_add_image_id (query, image_id);
  data = g_new0 (StateData, 1);
  data->self = g_object_ref (self);
  data->state = g_object_ref (state);
  data->client = g_object_ref (client);
  self->pending++;
  am_ec2_client_describe_images_async (client, query, self->cancellable, state_cb, data);
}

static void
add_this_image (AmImageLineage *self)
{
  g_autofree char *subtitle = g_strdup_printf (_("%s · this image"), am_ec2_client_get_region (self->client));

  add_row (self, am_image_get_image_id (self->image), subtitle);
}

/* A look-up that failed, in words, below the image (shown even when nothing else is). */
static void
add_problem_row (AmImageLineage *self,
                 const char     *title,
                 const char     *message)
{
  if (self->rows->len == 0)
    add_this_image (self);
  adw_action_row_set_subtitle_lines (add_row (self, title, message), 0);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

/* The publisher's public parameters that name this image as the latest of its family. */
static void
show_parameters (AmImageLineage *self,
                 GPtrArray      *parameters)
{
  const char *id = am_image_get_image_id (self->image);

  for (guint i = 0; i < parameters->len; i++)
    {
      AmSsmParameter *parameter = parameters->pdata[i];

      if (g_strcmp0 (parameter->value, id) != 0)
        continue;
      if (self->rows->len == 0)
        add_this_image (self);
      add_row (self, parameter->name,
                     _("Public SSM parameter: points at this image, the newest of its family"));
      g_ptr_array_add (self->parameters, g_strdup (parameter->name));
    }
  if (self->parameters->len > 0)
    gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

typedef struct
{
  AmImageLineage *self;
  char           *path;
} ParametersData;

static void
parameters_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  ParametersData *data = user_data;
  AmImageLineage *self = data->self;
  g_autoptr (GError) error = NULL;
  GPtrArray *parameters = am_ec2_client_list_latest_images_finish (AM_EC2_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    goto out;
  if (parameters != NULL)
    {
      g_hash_table_replace (self->published, g_strdup (data->path), parameters);
      show_parameters (self, parameters);
    }
  else
    {
      g_autofree char *title = g_strdup_printf (_("Could not read the public parameters under %s"), data->path);

      add_problem_row (self, title, error->message);
    }
  finish_one (self);
out:
  g_object_unref (data->self);
  g_free (data->path);
  g_free (data);
}

static void
ask_parameters (AmImageLineage *self)
{
  const char *path = am_image_family_parameter_path (self->image);
  GPtrArray *known;
  ParametersData *data;

  if (path == NULL)
    return;
  known = g_hash_table_lookup (self->published, path);
  if (known != NULL)
    {
      show_parameters (self, known);
      return;
    }
  data = g_new0 (ParametersData, 1);
  data->self = g_object_ref (self);
  data->path = g_strdup (path);
  self->pending++;
  am_ec2_client_list_latest_images_async (self->client, path, self->cancellable, parameters_cb, data);
}

/* Its family (the owner's images of the same name without date or version): how many, and
 * which is the newest, a link to it unless it is this one. */
static void
family_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (AmImageLineage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) images = am_ec2_client_describe_images_finish (AM_EC2_CLIENT (object), result, NULL, &error);
  g_autofree char *family = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  AmImage *newest = NULL;
  guint members = 0;
  AdwActionRow *row;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  family = am_image_family_for_image (self->image, NULL);
  /* Translators: the family's name, e.g. "Family app-server" */
  title = g_strdup_printf (_("Family %s"), family);
  if (images == NULL)
    {
      add_problem_row (self, title, error->message);
      ask_parameters (self);
      finish_one (self);
      return;
    }
  for (guint i = 0; i < images->len; i++)
    {
      AmImage *image = images->pdata[i];
      g_autofree char *its = am_image_family_for_image (image, NULL);

      /* The name filter is a prefix: keep only the same family. */
      if (g_strcmp0 (its, family) != 0)
        continue;
      members++;
      if (newest == NULL || g_strcmp0 (am_image_get_creation_date (image), am_image_get_creation_date (newest)) > 0)
        newest = image;
    }
  if (members > 1 && newest != NULL)
    {
      const char *newest_id = am_image_get_image_id (newest);

      if (self->rows->len == 0)
        add_this_image (self);
      self->family_newest = g_strdup (newest_id);
      if (g_strcmp0 (newest_id, am_image_get_image_id (self->image)) == 0)
        subtitle = g_strdup_printf (ngettext ("This is the newest of its %u image", "This is the newest of its %u images",
                                              members), members);
      else
        /* Translators: the count, then an image ID, then its creation date */
        subtitle = g_strdup_printf (ngettext ("%u image; the newest is %s, created %.10s",
                                              "%u images; the newest is %s, created %.10s", members),
                                    members, newest_id, am_image_get_creation_date (newest));
      row = add_row (self, title, subtitle);
      adw_action_row_set_subtitle_lines (row, 0);
      if (g_strcmp0 (newest_id, am_image_get_image_id (self->image)) != 0)
        {
          gtk_widget_add_css_class (GTK_WIDGET (add_state (row, _("newer image"))), "accent");
          make_link (row, newest_id);
        }
      gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
    }
  ask_parameters (self);
  finish_one (self);
}

static void
ask_family (AmImageLineage *self)
{
  g_autoptr (AmDescribeImagesQuery) query = NULL;
  g_autofree char *family = NULL;
  g_autofree char *pattern = NULL;
  const char *name = am_image_get_name (self->image);

  family = am_image_family_for_image (self->image, NULL);
  /* No date or version in the name: no family to speak of. */
  if (name == NULL || *family == '\0' || g_strcmp0 (family, name) == 0)
    {
      ask_parameters (self);
      return;
    }
  query = am_describe_images_query_new ();
  am_describe_images_query_add_owner (query, am_image_get_owner_id (self->image));
  pattern = g_strconcat (family, "*", NULL);
  am_describe_images_query_add_filter (query, am_ec2_filter_new ("name", pattern, NULL));
  self->pending++;
  am_ec2_client_describe_images_async (self->client, query, self->cancellable, family_cb, g_object_ref (self));
}

/* My images in this region copied from this one, below it, each a link. */
static void
descendants_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (AmImageLineage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) images = am_ec2_client_describe_images_finish (AM_EC2_CLIENT (object), result, NULL, &error);
  const char *here = am_ec2_client_get_region (AM_EC2_CLIENT (object));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (images == NULL)
    {
      add_problem_row (self, _("Could not look for copies of this image"), error->message);
      ask_family (self);
      finish_one (self);
      return;
    }
  if (images->len > 0 && self->rows->len == 0)
    add_this_image (self);
  for (guint i = 0; i < images->len; i++)
    {
      AmImage *image = images->pdata[i];
      g_autofree char *created = am_image_get_creation_date (image) != NULL
                                   ? g_strndup (am_image_get_creation_date (image), 10) : NULL;
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;
      GtkLabel *state;

      if (created != NULL)
        /* Translators: a region, then a date */
        subtitle = g_strdup_printf (_("%s · copy of this image · created %s"), here, created);
      else
        subtitle = g_strdup_printf (_("%s · copy of this image"), here);
      row = add_row (self, am_image_get_image_id (image), subtitle);
      state = add_state (row, state_text (image));
      if (g_strcmp0 (gtk_label_get_text (state), "available") != 0)
        gtk_widget_add_css_class (GTK_WIDGET (state), "warning");
      make_link (row, am_image_get_image_id (image));
      g_ptr_array_add (self->descendants, g_strdup (am_image_get_image_id (image)));
    }
  if (images->len > 0)
    gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  ask_family (self);
  finish_one (self);
}

static void
ask_descendants (AmImageLineage *self)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();

  am_describe_images_query_add_owner (query, "self");
  am_describe_images_query_add_filter (query, am_ec2_filter_new ("source-image-id",
                                                                 am_image_get_image_id (self->image), NULL));
  self->pending++;
  am_ec2_client_describe_images_async (self->client, query, self->cancellable, descendants_cb,
                                       g_object_ref (self));
}

static void
ancestry_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (AmImageLineage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) chain = am_ec2_client_get_image_ancestry_finish (AM_EC2_CLIENT (object), result, &error);
  const char *here = am_ec2_client_get_region (AM_EC2_CLIENT (object));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  clear_rows (self);
  if (chain == NULL)
    {
      AdwActionRow *row = add_row (self, _("Could not trace where this image came from"), error->message);

      adw_action_row_set_subtitle_lines (row, 0);
      self->loaded = TRUE;
      return;
    }

  /* The root first, the image itself last: a family tree read from the top. */
  self->pending++;
  for (guint i = chain->len; i-- > 1;)
    {
      AmImageAncestor *ancestor = chain->pdata[i];
      AmImageAncestor *child = chain->pdata[i - 1];
      const char *region = child->source_image_region ? child->source_image_region : here;
      g_autofree char *created = ancestor->creation_date
                                   ? g_date_time_format (ancestor->creation_date, "%Y-%m-%d") : NULL;
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;
      GtkLabel *state;

      subtitle = created ? g_strdup_printf (_("%s · created %s"), region, created) : g_strdup (region);
      row = add_row (self, ancestor->image_id, subtitle);
      state = add_state (row, _("checking…"));
      if (g_strcmp0 (region, here) == 0)
        make_link (row, ancestor->image_id);
      ask_state (self, ancestor->image_id, region, state);
    }
  add_this_image (self);
  ask_descendants (self);
  finish_one (self);
}

void
am_image_lineage_set_image (AmImageLineage *self,
                            AmEc2Client    *client,
                            AmImage        *image)
{
  gboolean has_source;

  g_return_if_fail (AM_IS_IMAGE_LINEAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client != client)
    g_hash_table_remove_all (self->published);
  g_set_object (&self->client, client);
  g_set_object (&self->image, image);
  g_hash_table_remove_all (self->clients);
  clear_rows (self);
  self->pending = 0;
  self->loaded = TRUE;

  has_source = image != NULL && (am_image_get_source_image_id (image) != NULL
                                 || am_image_get_source_instance_id (image) != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), client != NULL && has_source);
  if (client == NULL || image == NULL)
    return;

  self->loaded = FALSE;
  self->cancellable = g_cancellable_new ();
  if (!has_source)
    {
      /* Shown only once copies of it turn up. */
      ask_descendants (self);
      return;
    }
  add_row (self, _("Tracing where this image came from…"), NULL);
  am_ec2_client_get_image_ancestry_async (client, am_image_get_image_id (image), self->cancellable,
                                          ancestry_cb, g_object_ref (self));
}

static GStrv
strv_from_array (GPtrArray *array)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv result;

  for (guint i = 0; i < array->len; i++)
    g_strv_builder_add (builder, array->pdata[i]);
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

GStrv
am_image_lineage_get_descendants (AmImageLineage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_LINEAGE (self), NULL);
  return strv_from_array (self->descendants);
}

const char *
am_image_lineage_get_family_newest (AmImageLineage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_LINEAGE (self), NULL);
  return self->family_newest;
}

GStrv
am_image_lineage_get_parameters (AmImageLineage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_LINEAGE (self), NULL);
  return strv_from_array (self->parameters);
}

gboolean
am_image_lineage_is_loaded (AmImageLineage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_LINEAGE (self), FALSE);
  return self->loaded;
}

static void
am_image_lineage_dispose (GObject *object)
{
  AmImageLineage *self = AM_IMAGE_LINEAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->image);
  g_clear_pointer (&self->clients, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->descendants, g_ptr_array_unref);
  g_clear_pointer (&self->parameters, g_ptr_array_unref);
  g_clear_pointer (&self->family_newest, g_free);
  g_clear_pointer (&self->published, g_hash_table_unref);

  G_OBJECT_CLASS (am_image_lineage_parent_class)->dispose (object);
}

static void
am_image_lineage_class_init (AmImageLineageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_image_lineage_dispose;
}

static void
am_image_lineage_init (AmImageLineage *self)
{
  self->clients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->rows = g_ptr_array_new ();
  self->descendants = g_ptr_array_new_with_free_func (g_free);
  self->parameters = g_ptr_array_new_with_free_func (g_free);
  self->published = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->loaded = TRUE;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Lineage"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("The images this one was copied or created from, oldest first, "
                                           "and below it your copies of it in this region. A deregistered "
                                           "ancestor can no longer be launched or copied."));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
