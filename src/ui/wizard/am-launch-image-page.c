/* am-launch-image-page.c: the launch wizard's image page: quick start, my images, shared with me, search
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-launch-wizard"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "am-aws-error.h"
#include "am-launch-image-page.h"

typedef enum
{
  IMAGES_QUICK,
  IMAGES_MINE,
  IMAGES_SHARED,
  IMAGES_SEARCH,
} ImageSource;

/* SSM parameters behind the Quick start list: the usual first choices. */
static const char * const quick_start_parameters[] = {
  "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
  "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64",
  "/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id",
  "/aws/service/debian/release/12/latest/amd64",
  "/aws/service/suse/sles/15-sp6/x86_64/latest",
  "/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base",
};

/* An AWS timestamp ("2025-02-19T23:15:00.000Z") as a local date; the text itself when it
 * does not parse. */
static char *
format_date (const char *iso8601)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (iso8601 == NULL)
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (utc == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (utc);
  /* Translators: a date as in "19 Feb 2025", in g_date_time_format()'s notation */
  return g_date_time_format (local, C_("date", "%-d %b %Y"));
}

struct _AmLaunchImagePage
{
  AmLaunchPage parent_instance;

  /* built widgets */
  GtkListBox *chosen_list;
  GtkToggleButton *source_buttons[4];
  GtkSearchEntry *image_search;
  GtkListBox *image_list;
  GtkLabel *image_status;

  /* template objects */
  GListStore *images;                 /* AmImage, the current source's results */
  GtkCustomFilter *image_filter;      /* matches the search (but a server-side search) */
  GtkSliceListModel *matching_images; /* the first 200 that match */
  GListStore *chosen_extra;           /* the chosen image, when the source does not list it */

  /* owned references */
  GCancellable *image_cancellable;
  GtkFlattenListModel *listed_images; /* matching_images, then chosen_extra */

  /* state */
  ImageSource image_source;
  guint search_timeout;
  gboolean images_listed;    /* the source answered */
};

G_DEFINE_FINAL_TYPE (AmLaunchImagePage, am_launch_image_page, AM_TYPE_LAUNCH_PAGE)

static void update_chosen_extra (AmLaunchImagePage *self);

static char *
describe_root_volume (AmImage *image)
{
  AmBlockDeviceMapping * const *bdms = am_image_get_block_device_mappings (image);
  const char *root = am_image_get_root_device_name (image);

  if (g_strcmp0 (am_image_get_root_device_type (image), "instance-store") == 0)
    return g_strdup (_("Instance store (the root volume is lost when the instance stops)"));
  for (guint i = 0; bdms[i] != NULL; i++)
    if (g_strcmp0 (am_block_device_mapping_get_device_name (bdms[i]), root) == 0)
      return g_strdup_printf (_("%d GiB %s at %s, from snapshot %s%s"),
                              am_block_device_mapping_get_volume_size (bdms[i]),
                              am_block_device_mapping_get_volume_type (bdms[i]) != NULL
                              ? am_block_device_mapping_get_volume_type (bdms[i]) : "EBS",
                              root,
                              am_block_device_mapping_get_snapshot_id (bdms[i]) != NULL
                              ? am_block_device_mapping_get_snapshot_id (bdms[i]) : "—",
                              am_block_device_mapping_get_encrypted (bdms[i]) ? _(", encrypted") : "");
  return g_strdup_printf (_("EBS at %s"), root != NULL ? root : "?");
}

static void
update_chosen_image (AmLaunchImagePage *self)
{
  AmImage *image = am_launch_request_get_image (am_launch_page_get_request (AM_LAUNCH_PAGE (self)));
  g_autofree char *subtitle = NULL;
  g_autofree char *created = NULL;
  g_autofree char *platform = NULL;
  g_autofree char *root = NULL;
  g_autoptr (GString) others = g_string_new (NULL);
  AmBlockDeviceMapping * const *bdms;

  am_launch_clear_list (self->chosen_list);
  if (image == NULL)
    {
      am_launch_add_summary_row (self->chosen_list, _("No image chosen"),
                       _("Pick one below: Quick start lists the latest images of the usual systems."),
                       "dialog-information-symbolic");
      return;
    }

  created = format_date (am_image_get_creation_date (image));
  subtitle = g_strdup_printf ("%s · %s · %s", am_image_get_image_id (image),
                              am_image_get_owner_alias (image) != NULL
                              ? am_image_get_owner_alias (image) : am_image_get_owner_id (image),
                              created);
  am_launch_add_summary_row (self->chosen_list, am_image_get_name (image), subtitle,
                   am_image_is_windows (image) ? "computer-symbolic" : "application-x-executable-symbolic");

  platform = g_strdup_printf ("%s · %s · %s · %s%s",
                              am_image_get_platform_details (image) != NULL
                              ? am_image_get_platform_details (image) : _("Linux/UNIX"),
                              am_image_get_architecture (image),
                              am_image_get_virtualization_type (image) != NULL
                              ? am_image_get_virtualization_type (image) : "hvm",
                              am_image_get_boot_mode (image) != NULL
                              ? am_image_get_boot_mode (image) : _("default boot"),
                              am_image_get_ena_support (image) ? " · ENA" : "");
  am_launch_add_summary_row (self->chosen_list, _("Platform"), platform, NULL);

  root = describe_root_volume (image);
  am_launch_add_summary_row (self->chosen_list, _("Root volume template"), root, NULL);

  bdms = am_image_get_block_device_mappings (image);
  for (guint i = 0; bdms[i] != NULL; i++)
    {
      const char *device = am_block_device_mapping_get_device_name (bdms[i]);

      if (g_strcmp0 (device, am_image_get_root_device_name (image)) == 0)
        continue;
      if (others->len > 0)
        g_string_append (others, ", ");
      if (am_block_device_mapping_get_virtual_name (bdms[i]) != NULL)
        g_string_append_printf (others, "%s (%s)", device, am_block_device_mapping_get_virtual_name (bdms[i]));
      else
        g_string_append_printf (others, _("%s (%d GiB)"), device, am_block_device_mapping_get_volume_size (bdms[i]));
    }
  if (others->len > 0)
    am_launch_add_summary_row (self->chosen_list, _("Other volumes"), others->str, NULL);

  if (am_image_get_is_deprecated (image))
    {
      g_autofree char *since = format_date (am_image_get_deprecation_time (image));
      g_autofree char *warning = g_strdup_printf (_("Deprecated since %s: its owner no longer recommends it. It still launches, but look for a newer image."),
                                                  since);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Deprecated image"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), warning);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-warning-symbolic");
      gtk_widget_add_css_class (row, "warning");
      gtk_widget_set_name (row, "deprecated-warning");
      gtk_list_box_append (self->chosen_list, row);
    }
}

/* The image handed over may be another object for the same image: IDs decide. */
static gboolean
image_is_chosen (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      image)
{
  AmImage *chosen = g_value_get_object (from);

  g_value_set_boolean (to, chosen != NULL && g_strcmp0 (am_image_get_image_id (chosen), am_image_get_image_id (image)) == 0);
  return TRUE;
}

static gboolean
image_matches (AmImage    *image,
               const char *folded)
{
  return folded == NULL || *folded == '\0'
         || am_image_match_folded (image, folded, strlen (folded));
}

/* A badge standing for the image's system, so the usual choices are recognised at a glance.
 * Matched on the name and description the publishers give their images. */
static const struct
{
  const char *needle;   /* folded */
  const char *label;
  const char *css_class;
} platform_badges[] = {
  { "windows", "Win", "wizard-badge-windows" },
  { "ubuntu", "Ubu", "wizard-badge-ubuntu" },
  { "debian", "Deb", "wizard-badge-debian" },
  { "rhel", "RHEL", "wizard-badge-redhat" },
  { "red hat", "RHEL", "wizard-badge-redhat" },
  { "suse", "SUSE", "wizard-badge-suse" },
  { "al2023", "AL", "wizard-badge-amazon" },
  { "amzn", "AL", "wizard-badge-amazon" },
  { "amazon linux", "AL", "wizard-badge-amazon" },
  { "macos", "Mac", "wizard-badge-other" },
};

static GtkWidget *
platform_badge_new (AmImage *image)
{
  g_autofree char *text = g_strdup_printf ("%s %s %s", am_image_get_name (image) ?: "",
                                           am_image_get_description (image) ?: "",
                                           am_image_get_platform (image) ?: "");
  g_autofree char *folded = g_utf8_strdown (text, -1);
  const char *label = "Linux";
  const char *css_class = "wizard-badge-other";
  GtkWidget *badge;

  for (guint i = 0; i < G_N_ELEMENTS (platform_badges); i++)
    if (strstr (folded, platform_badges[i].needle) != NULL)
      {
        label = platform_badges[i].label;
        css_class = platform_badges[i].css_class;
        break;
      }

  badge = gtk_label_new (label);
  gtk_widget_add_css_class (badge, "wizard-badge");
  gtk_widget_add_css_class (badge, css_class);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  /* The row's title and subtitle already say what the badge shows. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return badge;
}

static GtkWidget *
create_image_row (gpointer item,
                  gpointer user_data)
{
  AmLaunchImagePage *self = user_data;
  AmImage *image = item;
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  subtitle = g_strdup_printf ("%s · %s · %s%s", am_image_get_image_id (image),
                              am_image_get_architecture (image),
                              am_image_get_platform_details (image) != NULL
                              ? am_image_get_platform_details (image) : "Linux/UNIX",
                              am_image_get_is_deprecated (image) ? _(" · deprecated") : "");
  am_launch_join_radio_group (self->image_list, GTK_CHECK_BUTTON (check));
  row = am_launch_check_row_new (am_image_get_name (image), subtitle, check);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), platform_badge_new (image));
  gtk_widget_set_tooltip_text (row, am_image_get_description (image));
  am_launch_bind_choice (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), "image", check,
                         g_object_ref (image), g_object_unref, image_is_chosen);
  return row;
}

static gboolean
image_shown (gpointer item,
             gpointer user_data)
{
  AmLaunchImagePage *self = user_data;
  g_autofree char *folded = NULL;

  /* a server-side search already matched the text */
  if (self->image_source == IMAGES_SEARCH)
    return TRUE;
  folded = am_image_fold_search_text (gtk_editable_get_text (GTK_EDITABLE (self->image_search)));
  return image_matches (item, folded);
}

/* The image handed over (or found earlier) stays listed while it is the choice. */
static void
update_chosen_extra (AmLaunchImagePage *self)
{
  AmImage *chosen = am_launch_request_get_image (am_launch_page_get_request (AM_LAUNCH_PAGE (self)));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->images));
  gboolean listed = FALSE;

  for (guint i = 0; chosen != NULL && i < n && !listed; i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (G_LIST_MODEL (self->images), i);

      listed = g_strcmp0 (am_image_get_image_id (image), am_image_get_image_id (chosen)) == 0;
    }
  if (chosen != NULL && self->images_listed && !listed)
    {
      g_autoptr (AmImage) extra = g_list_model_get_item (G_LIST_MODEL (self->chosen_extra), 0);

      if (extra != chosen)
        g_list_store_splice (self->chosen_extra, 0, extra != NULL ? 1 : 0, (gpointer *) &chosen, 1);
    }
  else
    g_list_store_remove_all (self->chosen_extra);
}

static void
search_filter_changed (AmLaunchImagePage *self)
{
  gtk_filter_changed (GTK_FILTER (self->image_filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->matching_images)) == 0
      && !am_launch_page_get_busy (AM_LAUNCH_PAGE (self)) && self->images_listed)
    gtk_label_set_text (self->image_status, _("No images match. Try another source or search."));
}

static void
images_loaded (AmLaunchImagePage *self,
               GPtrArray      *images,
               const GError   *error)
{
  if (error != NULL)
    {
      am_launch_page_show_lookup_error (AM_LAUNCH_PAGE (self), error);
      gtk_label_set_text (self->image_status, "");
      self->images_listed = FALSE;
      g_list_store_remove_all (self->images);
      update_chosen_extra (self);
      return;
    }
  am_launch_page_hide_lookup_error (AM_LAUNCH_PAGE (self));
  self->images_listed = TRUE;
  g_list_store_splice (self->images, 0, g_list_model_get_n_items (G_LIST_MODEL (self->images)),
                       images->pdata, images->len);
  gtk_label_set_text (self->image_status, "");
  update_chosen_extra (self);
  search_filter_changed (self);
}

static gint
compare_images_newest (gconstpointer a,
                       gconstpointer b)
{
  gint64 ta = am_image_get_creation_time (*(AmImage **) a);
  gint64 tb = am_image_get_creation_time (*(AmImage **) b);

  return ta < tb ? 1 : ta > tb ? -1 : 0;
}

static void
describe_images_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (AmLaunchImagePage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) images = NULL;

  images = am_ec2_client_describe_images_finish (AM_EC2_CLIENT (object), result, NULL, &error);
  am_launch_page_busy_pop (AM_LAUNCH_PAGE (self));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (images != NULL && self->image_source != IMAGES_QUICK)
    g_ptr_array_sort (images, compare_images_newest);
  images_loaded (self, images, error);
}

static void
describe_images (AmLaunchImagePage        *self,
                 AmDescribeImagesQuery *query)
{
  am_launch_page_busy_push (AM_LAUNCH_PAGE (self));
  am_ec2_client_describe_images_async (am_launch_page_get_client (AM_LAUNCH_PAGE (self)), query, self->image_cancellable,
                                       describe_images_cb, g_object_ref (self));
}

typedef struct
{
  AmLaunchImagePage *self;
  GCancellable *cancellable;
  guint pending;
  GPtrArray *ids;
  GError *error;     /* the first failure, reported when no parameter resolved */
} QuickStart;

static void
latest_image_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  QuickStart *quick = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *image_id = NULL;
  AmLaunchImagePage *self = quick->self;

  image_id = am_ec2_client_get_latest_image_id_finish (AM_EC2_CLIENT (object), result, &error);
  if (image_id != NULL)
    g_ptr_array_add (quick->ids, g_steal_pointer (&image_id));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("Quick start parameter not resolved: %s", error->message);
      /* a missing parameter is normal in some Regions; a failed call is not */
      if (quick->error == NULL && !am_aws_error_code_is (error, "ParameterNotFound"))
        quick->error = g_steal_pointer (&error);
    }

  if (--quick->pending > 0)
    return;

  am_launch_page_busy_pop (AM_LAUNCH_PAGE (self));
  if (!g_cancellable_is_cancelled (quick->cancellable))
    {
      if (quick->ids->len == 0 && quick->error != NULL)
        images_loaded (self, NULL, quick->error);
      else if (quick->ids->len == 0)
        {
          g_autoptr (GPtrArray) none = g_ptr_array_new ();

          images_loaded (self, none, NULL);
          gtk_label_set_text (self->image_status,
                              _("No Quick start images in this Region. Try My AMIs or search."));
        }
      else
        {
          g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();

          for (guint i = 0; i < quick->ids->len; i++)
            am_describe_images_query_add_image_id (query, g_ptr_array_index (quick->ids, i));
          describe_images (self, query);
        }
    }
  g_ptr_array_unref (quick->ids);
  g_clear_error (&quick->error);
  g_object_unref (quick->cancellable);
  g_object_unref (quick->self);
  g_free (quick);
}

static void
load_images (AmLaunchImagePage *self)
{
  g_autoptr (AmDescribeImagesQuery) query = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->image_search));

  if (am_launch_page_get_client (AM_LAUNCH_PAGE (self)) == NULL)
    return;
  g_cancellable_cancel (self->image_cancellable);
  g_clear_object (&self->image_cancellable);
  self->image_cancellable = g_cancellable_new ();
  gtk_label_set_text (self->image_status, _("Loading images…"));

  switch (self->image_source)
    {
    case IMAGES_QUICK:
      {
        QuickStart *quick = g_new0 (QuickStart, 1);

        quick->self = g_object_ref (self);
        quick->cancellable = g_object_ref (self->image_cancellable);
        quick->ids = g_ptr_array_new_with_free_func (g_free);
        quick->pending = G_N_ELEMENTS (quick_start_parameters);
        am_launch_page_busy_push (AM_LAUNCH_PAGE (self));
        for (guint i = 0; i < G_N_ELEMENTS (quick_start_parameters); i++)
          am_ec2_client_get_latest_image_id_async (am_launch_page_get_client (AM_LAUNCH_PAGE (self)), quick_start_parameters[i],
                                                   self->image_cancellable, latest_image_cb, quick);
        return;
      }
    case IMAGES_MINE:
      query = am_describe_images_query_new ();
      am_describe_images_query_add_owner (query, "self");
      break;
    case IMAGES_SHARED:
      query = am_describe_images_query_new ();
      am_describe_images_query_add_executable_by (query, "self");
      break;
    case IMAGES_SEARCH:
      {
        g_autofree char *pattern = NULL;

        if (g_utf8_strlen (text, -1) < 2)
          {
            g_autoptr (GPtrArray) none = g_ptr_array_new ();

            images_loaded (self, none, NULL);
            gtk_label_set_text (self->image_status,
                                _("Type at least two characters to search public, Amazon and Marketplace images by name."));
            return;
          }
        pattern = g_strdup_printf ("*%s*", text);
        query = am_describe_images_query_new ();
        am_describe_images_query_add_executable_by (query, "all");
        am_describe_images_query_add_filter (query, am_ec2_filter_new ("name", pattern, NULL));
        am_describe_images_query_add_filter (query, am_ec2_filter_new ("state", "available", NULL));
        query->max_results = 200;
        /* A name search finds deprecated images too; the chosen one then carries a warning. */
        query->include_deprecated = TRUE;
        break;
      }
    default:
      g_assert_not_reached ();
    }
  describe_images (self, query);
}

static void
source_toggled_cb (GtkToggleButton *button,
                   AmLaunchImagePage  *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (self->source_buttons); i++)
    if (self->source_buttons[i] == button)
      self->image_source = i;
  load_images (self);
}

static gboolean
search_timeout_cb (gpointer user_data)
{
  AmLaunchImagePage *self = user_data;

  self->search_timeout = 0;
  load_images (self);
  return G_SOURCE_REMOVE;
}

static void
image_search_changed_cb (AmLaunchImagePage *self)
{
  if (self->image_source == IMAGES_SEARCH)
    {
      g_clear_handle_id (&self->search_timeout, g_source_remove);
      self->search_timeout = g_timeout_add (300, search_timeout_cb, self);
    }
  else
    search_filter_changed (self);
}

static void
build_page (AmLaunchImagePage *self)
{
  static const char *sources[] = { N_("Quick start"), N_("My AMIs"), N_("Shared with me"), N_("Search public") };
  GtkWidget *group;
  GtkWidget *box;

  group = am_launch_group_new (GTK_BOX (self), _("Chosen image"), NULL);
  self->chosen_list = GTK_LIST_BOX (am_launch_boxed_list_new (_("Chosen image")));
  gtk_widget_set_name (GTK_WIDGET (self->chosen_list), "chosen-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->chosen_list));
  am_launch_page_add_field_label (AM_LAUNCH_PAGE (self), AM_LAUNCH_FIELD_IMAGE);

  group = am_launch_group_new (GTK_BOX (self), _("Images"), NULL);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (box, "linked");
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_widget_set_margin_bottom (box, 12);
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(sources[i]));

      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->source_buttons[0]);
      self->source_buttons[i] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_toggle_button_set_active (self->source_buttons[0], TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    g_signal_connect (self->source_buttons[i], "toggled", G_CALLBACK (source_toggled_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);

  self->image_search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->image_search), "image-search");
  g_object_set (self->image_search, "placeholder-text", _("Search images by name, ID or description"), NULL);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->image_search), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->image_search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search images"), -1);
  g_signal_connect_swapped (self->image_search, "search-changed", G_CALLBACK (image_search_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->image_search));

  self->image_status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->image_status, 0);
  gtk_label_set_wrap (self->image_status, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->image_status), "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->image_status));

  self->image_list = GTK_LIST_BOX (am_launch_boxed_list_new (_("Images")));
  gtk_widget_set_name (GTK_WIDGET (self->image_list), "image-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->image_list));
}

static void
image_changed_cb (AmLaunchImagePage *self)
{
  update_chosen_image (self);
  update_chosen_extra (self);
}

static void
request_set (AmLaunchPage *page)
{
  AmLaunchImagePage *self = AM_LAUNCH_IMAGE_PAGE (page);

  g_signal_connect_object (am_launch_page_get_request (page), "notify::image",
                           G_CALLBACK (image_changed_cb), page, G_CONNECT_SWAPPED);
  image_changed_cb (self);
  gtk_list_box_bind_model (self->image_list, G_LIST_MODEL (self->listed_images), create_image_row, self, NULL);
}

static void
load (AmLaunchPage *page)
{
  load_images (AM_LAUNCH_IMAGE_PAGE (page));
}

static void
am_launch_image_page_dispose (GObject *object)
{
  AmLaunchImagePage *self = AM_LAUNCH_IMAGE_PAGE (object);

  g_cancellable_cancel (self->image_cancellable);
  g_clear_handle_id (&self->search_timeout, g_source_remove);
  g_clear_object (&self->image_cancellable);
  if (self->image_list != NULL)
    gtk_list_box_bind_model (self->image_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->listed_images);

  G_OBJECT_CLASS (am_launch_image_page_parent_class)->dispose (object);
}

static void
am_launch_image_page_class_init (AmLaunchImagePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmLaunchPageClass *page_class = AM_LAUNCH_PAGE_CLASS (klass);

  object_class->dispose = am_launch_image_page_dispose;
  page_class->request_set = request_set;
  page_class->load = load;
  g_type_ensure (AM_TYPE_IMAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/wizard/am-launch-image-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmLaunchImagePage, images);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchImagePage, image_filter);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchImagePage, matching_images);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchImagePage, chosen_extra);
}

static void
am_launch_image_page_init (AmLaunchImagePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->image_cancellable = g_cancellable_new ();
  am_launch_page_add_lookup_error (AM_LAUNCH_PAGE (self), "retry-images");
  build_page (self);
  gtk_custom_filter_set_filter_func (self->image_filter, image_shown, self, NULL);
  {
    GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);

    g_list_store_append (parts, self->matching_images);
    g_list_store_append (parts, self->chosen_extra);
    self->listed_images = gtk_flatten_list_model_new (G_LIST_MODEL (parts));
  }
}

GtkWidget *
am_launch_image_page_new (void)
{
  return g_object_new (AM_TYPE_LAUNCH_IMAGE_PAGE, NULL);
}
