/* am-launch-type-page.c: the launch wizard's instance type page: the types that fit the image
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-launch-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "am-launch-step.h"
#include "am-launch-type-page.h"

struct _AmLaunchTypePage
{
  AmLaunchPage parent_instance;

  /* built widgets */
  GtkSearchEntry *type_search;
  GtkDropDown *type_sort;
  GtkListBox *type_list;
  GtkLabel *type_status;
  GtkWidget *type_way_out;
  GtkToggleButton *type_show_hidden;
  GtkWidget *type_other_image;

  /* template objects */
  GListStore *types;             /* AmInstanceType: the Region's */
  GtkCustomFilter *type_filter;  /* fits the image (or Show Hidden Types), matches the search */
  GtkCustomSorter *type_sorter;  /* the order the sort drop-down says */
  GtkSortListModel *sorted_types;

  /* state */
  gboolean types_loaded;     /* asked for (or listed) */
  gboolean types_listed;     /* the answer is in the store */
  guint scroll_idle;         /* brings the chosen type into view once laid out */
  gboolean scroll_pending;   /* ...and is tried again whenever the scrolled area is laid out */
  GtkAdjustment *scrolled_by; /* the vertical adjustment watched for that (not owned) */
};

G_DEFINE_FINAL_TYPE (AmLaunchTypePage, am_launch_type_page, AM_TYPE_LAUNCH_PAGE)

static void update_type_status (AmLaunchTypePage *self);

static AmImage *
current_image (AmLaunchTypePage *self)
{
  return am_launch_request_get_image (am_launch_page_get_request (AM_LAUNCH_PAGE (self)));
}

/* Borrowed: the store holds a reference */
static AmInstanceType *
type_at (AmLaunchTypePage *self,
         guint             position)
{
  g_autoptr (AmInstanceType) type = g_list_model_get_item (G_LIST_MODEL (self->types), position);

  return type;
}

static gboolean
type_fits (AmLaunchTypePage *self,
           AmInstanceType *type)
{
  AmImage *image = am_launch_request_get_image (am_launch_page_get_request (AM_LAUNCH_PAGE (self)));

  return image == NULL || am_launch_instance_type_fits (image, type, NULL);
}

static AmInstanceType *
find_type (AmLaunchTypePage *self,
           const char     *name)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->types));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (am_instance_type_get_instance_type (type_at (self, i)), name) == 0)
      return type_at (self, i);
  return NULL;
}

/* t3.micro for x86 images, t4g.micro for Arm, else the first free-tier type that fits. */
static void
choose_default_type (AmLaunchTypePage *self)
{
  AmInstanceType *current = am_launch_request_get_instance_type (am_launch_page_get_request (AM_LAUNCH_PAGE (self)));
  AmImage *image = am_launch_request_get_image (am_launch_page_get_request (AM_LAUNCH_PAGE (self)));
  const char *preferred[] = { "t3.micro", "t4g.micro", "t2.micro", "t3a.micro" };
  AmInstanceType *choice = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->types));

  if (!self->types_listed || image == NULL || (current != NULL && type_fits (self, current)))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (preferred) && choice == NULL; i++)
    {
      AmInstanceType *type = find_type (self, preferred[i]);

      if (type != NULL && type_fits (self, type))
        choice = type;
    }
  for (guint i = 0; i < n && choice == NULL; i++)
    {
      AmInstanceType *type = type_at (self, i);

      if (am_instance_type_get_free_tier_eligible (type) && type_fits (self, type))
        choice = type;
    }
  for (guint i = 0; i < n && choice == NULL; i++)
    if (type_fits (self, type_at (self, i)))
      choice = type_at (self, i);
  if (choice != NULL)
    am_launch_request_set_instance_type (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), choice);
}

/* A type that cannot run the image (shown on request) cannot be chosen. */
static gboolean
type_runs_image (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      type)
{
  AmImage *image = g_value_get_object (from);

  g_value_set_boolean (to, image == NULL || am_launch_instance_type_misfit (image, type, NULL) == AM_LAUNCH_MISFIT_NONE);
  return TRUE;
}

/* What the type offers, or what it lacks to run the image. */
static gboolean
type_subtitle (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      type)
{
  AmImage *image = g_value_get_object (from);
  g_autoptr (GError) misfit = NULL;
  g_autofree char *memory = NULL;

  if (image != NULL && am_launch_instance_type_misfit (image, type, &misfit) != AM_LAUNCH_MISFIT_NONE)
    {
      g_value_set_string (to, misfit->message);
      return TRUE;
    }
  memory = am_launch_format_memory (am_instance_type_get_memory_mib (type));
  g_value_take_string (to, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d vCPU · %s memory · %s network",
                                                         "%d vCPUs · %s memory · %s network",
                                                         am_instance_type_get_default_vcpus (type)),
                                            am_instance_type_get_default_vcpus (type), memory,
                                            am_instance_type_get_network_performance (type) != NULL
                                            ? am_instance_type_get_network_performance (type) : "?"));
  return TRUE;
}

static GtkWidget *
create_type_row (gpointer item,
                 gpointer user_data)
{
  AmLaunchTypePage *self = user_data;
  AmInstanceType *type = item;
  AmLaunchRequest *request = am_launch_page_get_request (AM_LAUNCH_PAGE (self));
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *row;

  am_launch_join_radio_group (self->type_list, GTK_CHECK_BUTTON (check));
  row = am_launch_check_row_new (am_instance_type_get_instance_type (type), NULL, check);
  if (am_instance_type_get_free_tier_eligible (type))
    {
      GtkWidget *tag = gtk_label_new (_("Free tier"));

      gtk_widget_add_css_class (tag, "success");
      gtk_widget_add_css_class (tag, "caption-heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  g_object_bind_property_full (request, "image", row, "subtitle", G_BINDING_SYNC_CREATE,
                               type_subtitle, NULL, g_object_ref (type), g_object_unref);
  g_object_bind_property_full (request, "image", check, "sensitive", G_BINDING_SYNC_CREATE,
                               type_runs_image, NULL, g_object_ref (type), g_object_unref);
  am_launch_dim_row_with_check (check);
  am_launch_bind_choice (request, "instance-type", check, g_object_ref (type), g_object_unref, NULL);
  return row;
}

static gboolean
type_shown (gpointer item,
            gpointer user_data)
{
  AmLaunchTypePage *self = user_data;
  AmInstanceType *type = item;
  AmImage *image = current_image (self);
  g_autofree char *needle = g_ascii_strdown (gtk_editable_get_text (GTK_EDITABLE (self->type_search)), -1);

  if (image != NULL && am_launch_instance_type_misfit (image, type, NULL) != AM_LAUNCH_MISFIT_NONE
      && !gtk_toggle_button_get_active (self->type_show_hidden))
    return FALSE;
  return *needle == '\0' || strstr (am_instance_type_get_instance_type (type), needle) != NULL;
}

static int
compare_types (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  AmLaunchTypePage *self = user_data;
  AmInstanceType *ta = (AmInstanceType *) a;
  AmInstanceType *tb = (AmInstanceType *) b;
  guint sort = gtk_drop_down_get_selected (self->type_sort);
  gint64 ka = 0, kb = 0;

  if (sort == 1)
    {
      ka = am_instance_type_get_default_vcpus (ta);
      kb = am_instance_type_get_default_vcpus (tb);
    }
  else if (sort == 2)
    {
      ka = am_instance_type_get_memory_mib (ta);
      kb = am_instance_type_get_memory_mib (tb);
    }
  if (ka != kb)
    return ka < kb ? -1 : 1;
  return gtk_ordering_from_cmpfunc (g_strcmp0 (am_instance_type_get_instance_type (ta), am_instance_type_get_instance_type (tb)));
}

/* Why @hidden of @total types are hidden, by reason, and what to do when none is left. */
static char *
describe_hidden_types (AmImage     *image,
                       const guint *misfits,
                       guint        hidden,
                       guint        total)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *boot_mode = am_image_get_boot_mode (image);
  const char *virt = am_image_get_virtualization_type (image);
  guint n;

  if ((n = misfits[AM_LAUNCH_MISFIT_ARCHITECTURE]) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u does not run %s code",
                                                          "%u do not run %s code", n),
                                             n, am_image_get_architecture (image)));
  if ((n = misfits[AM_LAUNCH_MISFIT_VIRTUALIZATION]) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u does not support %s virtualization",
                                                          "%u do not support %s virtualization", n),
                                             n, virt != NULL ? virt : "hvm"));
  if ((n = misfits[AM_LAUNCH_MISFIT_BOOT_MODE]) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cannot boot in %s mode",
                                                          "%u cannot boot in %s mode", n),
                                             n, boot_mode != NULL ? boot_mode : "?"));
  if ((n = misfits[AM_LAUNCH_MISFIT_ROOT_DEVICE]) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u has no instance store for the root volume",
                                                          "%u have no instance store for the root volume", n), n));
  if ((n = misfits[AM_LAUNCH_MISFIT_ENA]) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u requires ENA networking, which the image does not enable",
                                                          "%u require ENA networking, which the image does not enable", n), n));
  g_ptr_array_add (parts, NULL);

  if (hidden < total)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u of %u instance types cannot run this image and is hidden: ",
                                               "%u of %u instance types cannot run this image and are hidden: ", hidden),
                            hidden, total);
  else
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "No instance type in this Region can run this image. Of %u type: ",
                                               "No instance type in this Region can run this image. Of %u types: ", total),
                            total);
  {
    g_autofree char *list = g_strjoinv ("; ", (char **) parts->pdata);

    g_string_append (text, list);
  }
  g_string_append (text, ".");
  if (hidden == total)
    {
      g_string_append_c (text, '\n');
      if (misfits[AM_LAUNCH_MISFIT_ENA] > 0)
        g_string_append (text, _("Choose another image, or register this one again with ENA support enabled (with the ENA driver installed in it)."));
      else
        g_string_append (text, _("Choose another image that these instance types can run."));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
type_other_image_clicked_cb (AmLaunchTypePage *self)
{
  am_launch_page_go_to (AM_LAUNCH_PAGE (self), AM_LAUNCH_STEP_IMAGE);
}

static void
filter_changed (AmLaunchTypePage *self)
{
  gtk_filter_changed (GTK_FILTER (self->type_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
sorter_changed (AmLaunchTypePage *self)
{
  gtk_sorter_changed (GTK_SORTER (self->type_sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

static void
type_list_changed_cb (AmLaunchTypePage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->type_list),
                          g_list_model_get_n_items (G_LIST_MODEL (self->sorted_types)) > 0);
}

/* How many types cannot run the image and why, and the way on when none can. */
static void
update_type_status (AmLaunchTypePage *self)
{
  AmImage *image = current_image (self);
  guint misfits[AM_LAUNCH_N_MISFITS] = { 0 };
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->types));
  guint hidden = 0;

  if (!self->types_listed)
    return;
  for (guint i = 0; image != NULL && i < total; i++)
    {
      AmLaunchMisfit misfit = am_launch_instance_type_misfit (image, type_at (self, i), NULL);

      if (misfit != AM_LAUNCH_MISFIT_NONE)
        {
          hidden++;
          misfits[misfit]++;
        }
    }

  if (image != NULL && hidden > 0)
    {
      g_autofree char *text = describe_hidden_types (image, misfits, hidden, total);

      gtk_label_set_text (self->type_status, text);
    }
  else
    gtk_label_set_text (self->type_status, "");
  /* With nothing left to choose, the way on is another image (or a look at what each type lacks). */
  gtk_widget_set_visible (self->type_way_out, image != NULL && hidden > 0);
  gtk_widget_set_visible (self->type_other_image, image != NULL && hidden == total);
  if (image != NULL && hidden == total)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->type_status), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->type_status), "warning");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->type_status), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->type_status), "dim-label");
    }
}

static void
types_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (AmLaunchTypePage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) types = NULL;

  types = am_ec2_client_describe_instance_types_finish (AM_EC2_CLIENT (object), result, &error);
  am_launch_page_busy_pop (AM_LAUNCH_PAGE (self));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (types == NULL)
    {
      self->types_loaded = FALSE;
      gtk_label_set_text (self->type_status, "");
      am_launch_page_show_lookup_error (AM_LAUNCH_PAGE (self), error);
      return;
    }
  am_launch_page_hide_lookup_error (AM_LAUNCH_PAGE (self));
  self->types_listed = TRUE;
  g_list_store_splice (self->types, 0, g_list_model_get_n_items (G_LIST_MODEL (self->types)),
                       types->pdata, types->len);
  choose_default_type (self);
  update_type_status (self);
}

static void
load_types (AmLaunchTypePage *self)
{
  if (self->types_loaded || am_launch_page_get_client (AM_LAUNCH_PAGE (self)) == NULL)
    return;
  self->types_loaded = TRUE;
  gtk_label_set_text (self->type_status, _("Loading instance types…"));
  am_launch_page_busy_push (AM_LAUNCH_PAGE (self));
  am_ec2_client_describe_instance_types_async (am_launch_page_get_client (AM_LAUNCH_PAGE (self)), NULL, NULL, am_launch_page_get_cancellable (AM_LAUNCH_PAGE (self)),
                                               types_cb, g_object_ref (self));
}

static void
build_page (AmLaunchTypePage *self)
{
  GtkWidget *group;
  GtkWidget *box;

  group = am_launch_group_new (GTK_BOX (self), _("Instance types that fit the image"), NULL);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_bottom (box, 12);
  self->type_search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->type_search), "type-search");
  g_object_set (self->type_search, "placeholder-text", _("Search instance types"), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->type_search), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->type_search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search instance types"), -1);
  g_signal_connect_swapped (self->type_search, "search-changed", G_CALLBACK (filter_changed), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->type_search));
  {
    const char *sorts[] = { _("Sort by name"), _("Sort by vCPUs"), _("Sort by memory"), NULL };

    self->type_sort = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (sorts));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->type_sort), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Sort"), -1);
    g_signal_connect_swapped (self->type_sort, "notify::selected", G_CALLBACK (sorter_changed), self);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->type_sort));
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);

  self->type_status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->type_status, 0);
  gtk_label_set_wrap (self->type_status, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->type_status), "dim-label");
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->type_status), 6);
  gtk_widget_set_name (GTK_WIDGET (self->type_status), "type-status");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->type_status));

  self->type_way_out = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_bottom (self->type_way_out, 12);
  gtk_widget_set_visible (self->type_way_out, FALSE);
  self->type_other_image = gtk_button_new_with_mnemonic (_("Choose Another _Image"));
  gtk_widget_set_name (self->type_other_image, "type-other-image");
  gtk_widget_add_css_class (self->type_other_image, "suggested-action");
  g_signal_connect_swapped (self->type_other_image, "clicked", G_CALLBACK (type_other_image_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->type_way_out), self->type_other_image);
  self->type_show_hidden = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("Show _Hidden Types")));
  gtk_widget_set_name (GTK_WIDGET (self->type_show_hidden), "type-show-hidden");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->type_show_hidden), _("List the types that cannot run this image, each with what it lacks"));
  g_signal_connect_swapped (self->type_show_hidden, "toggled", G_CALLBACK (filter_changed), self);
  gtk_box_append (GTK_BOX (self->type_way_out), GTK_WIDGET (self->type_show_hidden));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->type_way_out);

  self->type_list = GTK_LIST_BOX (am_launch_boxed_list_new (_("Instance types")));
  gtk_widget_set_name (GTK_WIDGET (self->type_list), "type-list");
  gtk_widget_set_visible (GTK_WIDGET (self->type_list), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->type_list));
  am_launch_page_add_field_label (AM_LAUNCH_PAGE (self), AM_LAUNCH_FIELD_INSTANCE_TYPE);
}

/* The chosen type in view, so whoever comes back to the page (or opens it from a template)
 * sees what is chosen without hunting through a long list. After layout: an idle of low
 * priority runs once the frame has allocated the rows. */
static gboolean
scroll_to_chosen_idle (gpointer data)
{
  AmLaunchTypePage *self = data;
  AmLaunchRequest *request = am_launch_page_get_request (AM_LAUNCH_PAGE (self));
  AmInstanceType *chosen = request != NULL ? am_launch_request_get_instance_type (request) : NULL;
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted_types));
  GtkListBoxRow *row = NULL;
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value;
  double page;

  self->scroll_idle = 0;
  if (chosen == NULL || scrolled == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->scroll_pending = FALSE;
      return G_SOURCE_REMOVE;
    }
  for (guint i = 0; i < n && row == NULL; i++)
    {
      g_autoptr (AmInstanceType) type = g_list_model_get_item (G_LIST_MODEL (self->sorted_types), i);

      if (g_strcmp0 (am_instance_type_get_instance_type (type), am_instance_type_get_instance_type (chosen)) == 0)
        row = gtk_list_box_get_row_at_index (self->type_list, i);
    }
  /* Bounds in the scrolled content's coordinates, which do not move with the scroll value (the
   * viewport's may still be those of an older value until the next layout). */
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (row == NULL || content == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (row), content, &bounds))
    return G_SOURCE_REMOVE;
  /* The content sits below its own top margin in the scrolled area. */
  bounds.origin.y += gtk_widget_get_margin_top (content);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  /* Not laid out yet (the page was just shown): the adjustment's next change tries again. */
  if (bounds.origin.y + bounds.size.height > gtk_adjustment_get_upper (adjustment))
    return G_SOURCE_REMOVE;
  self->scroll_pending = FALSE;
  if (bounds.origin.y < value)
    gtk_adjustment_set_value (adjustment, bounds.origin.y - 12);
  else if (bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height - page + 12);
  return G_SOURCE_REMOVE;
}

static void
retry_scroll_to_chosen (AmLaunchTypePage *self)
{
  if (self->scroll_pending && self->scroll_idle == 0)
    self->scroll_idle = g_idle_add_full (G_PRIORITY_LOW, scroll_to_chosen_idle, self, NULL);
}

static void
queue_scroll_to_chosen (AmLaunchTypePage *self)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = scrolled != NULL ? gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)) : NULL;

  if (adjustment != self->scrolled_by)
    {
      if (self->scrolled_by != NULL)
        g_signal_handlers_disconnect_by_func (self->scrolled_by, retry_scroll_to_chosen, self);
      g_set_weak_pointer (&self->scrolled_by, adjustment);
      if (adjustment != NULL)
        g_signal_connect_object (adjustment, "changed", G_CALLBACK (retry_scroll_to_chosen), self, G_CONNECT_SWAPPED);
    }
  self->scroll_pending = TRUE;
  retry_scroll_to_chosen (self);
}

static void
image_changed_cb (AmLaunchTypePage *self)
{
  choose_default_type (self);
  filter_changed (self);
  update_type_status (self);
}

/* A new image: a type that fits it, if the one chosen does not, and the types that fit it. The
 * rows follow the request through bindings, so the list is bound once there is a request. */
static void
request_set (AmLaunchPage *page)
{
  AmLaunchTypePage *self = AM_LAUNCH_TYPE_PAGE (page);

  g_signal_connect_object (am_launch_page_get_request (page), "notify::image",
                           G_CALLBACK (image_changed_cb), page, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->type_list, G_LIST_MODEL (self->sorted_types), create_type_row, self, NULL);
  g_signal_connect_object (am_launch_page_get_request (page), "notify::instance-type",
                           G_CALLBACK (queue_scroll_to_chosen), page, G_CONNECT_SWAPPED);
}

static void
load (AmLaunchPage *page)
{
  load_types (AM_LAUNCH_TYPE_PAGE (page));
}

static void
am_launch_type_page_dispose (GObject *object)
{
  AmLaunchTypePage *self = AM_LAUNCH_TYPE_PAGE (object);

  g_clear_handle_id (&self->scroll_idle, g_source_remove);
  if (self->scrolled_by != NULL)
    g_signal_handlers_disconnect_by_func (self->scrolled_by, retry_scroll_to_chosen, self);
  g_clear_weak_pointer (&self->scrolled_by);
  if (self->type_list != NULL)
    gtk_list_box_bind_model (self->type_list, NULL, NULL, NULL, NULL);

  G_OBJECT_CLASS (am_launch_type_page_parent_class)->dispose (object);
}

static void
am_launch_type_page_class_init (AmLaunchTypePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmLaunchPageClass *page_class = AM_LAUNCH_PAGE_CLASS (klass);

  object_class->dispose = am_launch_type_page_dispose;
  page_class->request_set = request_set;
  page_class->load = load;
  g_type_ensure (AM_TYPE_INSTANCE_TYPE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/wizard/am-launch-type-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmLaunchTypePage, types);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchTypePage, type_filter);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchTypePage, type_sorter);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchTypePage, sorted_types);
}

static void
am_launch_type_page_init (AmLaunchTypePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  am_launch_page_add_lookup_error (AM_LAUNCH_PAGE (self), "retry-types");
  build_page (self);
  gtk_custom_filter_set_filter_func (self->type_filter, type_shown, self, NULL);
  gtk_custom_sorter_set_sort_func (self->type_sorter, compare_types, self, NULL);
  g_signal_connect_object (self->sorted_types, "items-changed", G_CALLBACK (type_list_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sorted_types, "items-changed", G_CALLBACK (queue_scroll_to_chosen), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (queue_scroll_to_chosen), NULL);
}

GtkWidget *
am_launch_type_page_new (void)
{
  return g_object_new (AM_TYPE_LAUNCH_TYPE_PAGE, NULL);
}
