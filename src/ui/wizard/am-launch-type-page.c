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

  /* owned references */
  GPtrArray *types;          /* AmInstanceType */

  /* state */
  gboolean types_loaded;
  gboolean building;         /* widgets being filled from the request: no write-back */
};

G_DEFINE_FINAL_TYPE (AmLaunchTypePage, am_launch_type_page, AM_TYPE_LAUNCH_PAGE)

static void rebuild_type_list (AmLaunchTypePage *self);

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
  for (guint i = 0; self->types != NULL && i < self->types->len; i++)
    if (g_strcmp0 (am_instance_type_get_instance_type (g_ptr_array_index (self->types, i)), name) == 0)
      return g_ptr_array_index (self->types, i);
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

  if (self->types == NULL || image == NULL || (current != NULL && type_fits (self, current)))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (preferred) && choice == NULL; i++)
    {
      AmInstanceType *type = find_type (self, preferred[i]);

      if (type != NULL && type_fits (self, type))
        choice = type;
    }
  for (guint i = 0; i < self->types->len && choice == NULL; i++)
    {
      AmInstanceType *type = g_ptr_array_index (self->types, i);

      if (am_instance_type_get_free_tier_eligible (type) && type_fits (self, type))
        choice = type;
    }
  for (guint i = 0; i < self->types->len && choice == NULL; i++)
    if (type_fits (self, g_ptr_array_index (self->types, i)))
      choice = g_ptr_array_index (self->types, i);
  if (choice != NULL)
    am_launch_request_set_instance_type (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), choice);
}

static void
type_toggled_cb (GtkCheckButton *check,
                 AmLaunchTypePage *self)
{
  if (self->building || !gtk_check_button_get_active (check))
    return;
  am_launch_request_set_instance_type (am_launch_page_get_request (AM_LAUNCH_PAGE (self)), g_object_get_data (G_OBJECT (check), "type"));
}

static gint
compare_types (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  AmInstanceType *ta = *(AmInstanceType **) a;
  AmInstanceType *tb = *(AmInstanceType **) b;
  guint sort = GPOINTER_TO_UINT (user_data);
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
  return g_strcmp0 (am_instance_type_get_instance_type (ta), am_instance_type_get_instance_type (tb));
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
rebuild_type_list (AmLaunchTypePage *self)
{
  AmInstanceType *chosen = am_launch_request_get_instance_type (am_launch_page_get_request (AM_LAUNCH_PAGE (self)));
  AmImage *image = am_launch_request_get_image (am_launch_page_get_request (AM_LAUNCH_PAGE (self)));
  g_autoptr (GPtrArray) shown = g_ptr_array_new ();
  g_autofree char *needle = NULL;
  GtkCheckButton *group = NULL;
  guint misfits[AM_LAUNCH_N_MISFITS] = { 0 };
  gboolean show_hidden = gtk_toggle_button_get_active (self->type_show_hidden);
  guint hidden = 0;

  if (self->types == NULL)
    return;
  needle = g_ascii_strdown (gtk_editable_get_text (GTK_EDITABLE (self->type_search)), -1);
  for (guint i = 0; i < self->types->len; i++)
    {
      AmInstanceType *type = g_ptr_array_index (self->types, i);
      AmLaunchMisfit misfit = image != NULL ? am_launch_instance_type_misfit (image, type, NULL) : AM_LAUNCH_MISFIT_NONE;

      if (misfit != AM_LAUNCH_MISFIT_NONE)
        {
          hidden++;
          misfits[misfit]++;
          if (!show_hidden)
            continue;
        }
      if (*needle == '\0' || strstr (am_instance_type_get_instance_type (type), needle) != NULL)
        g_ptr_array_add (shown, type);
    }
  g_ptr_array_sort_with_data (shown, compare_types,
                              GUINT_TO_POINTER (gtk_drop_down_get_selected (self->type_sort)));

  self->building = TRUE;
  am_launch_clear_list (self->type_list);
  for (guint i = 0; i < shown->len; i++)
    {
      AmInstanceType *type = g_ptr_array_index (shown, i);
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *memory = am_launch_format_memory (am_instance_type_get_memory_mib (type));
      g_autofree char *subtitle = NULL;
      g_autoptr (GError) misfit = NULL;
      GtkWidget *row;

      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d vCPU · %s memory · %s network",
                                               "%d vCPUs · %s memory · %s network",
                                               am_instance_type_get_default_vcpus (type)),
                                  am_instance_type_get_default_vcpus (type), memory,
                                  am_instance_type_get_network_performance (type) != NULL
                                  ? am_instance_type_get_network_performance (type) : "?");
      /* A hidden type shown on request says what it lacks and cannot be chosen. */
      if (image != NULL && am_launch_instance_type_misfit (image, type, &misfit) != AM_LAUNCH_MISFIT_NONE)
        {
          g_free (subtitle);
          subtitle = g_strdup (misfit->message);
          gtk_widget_set_sensitive (check, FALSE);
        }
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      g_object_set_data (G_OBJECT (check), "type", type);
      row = am_launch_check_row_new (am_instance_type_get_instance_type (type), subtitle, check);
      if (misfit != NULL)
        gtk_widget_add_css_class (row, "dim-label");
      if (am_instance_type_get_free_tier_eligible (type))
        {
          GtkWidget *tag = gtk_label_new (_("Free tier"));

          gtk_widget_add_css_class (tag, "success");
          gtk_widget_add_css_class (tag, "caption-heading");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
        }
      if (type == chosen)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_signal_connect (check, "toggled", G_CALLBACK (type_toggled_cb), self);
      gtk_list_box_append (self->type_list, row);
    }
  self->building = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->type_list), shown->len > 0);

  if (image != NULL && hidden > 0)
    {
      g_autofree char *text = describe_hidden_types (image, misfits, hidden, self->types->len);

      gtk_label_set_text (self->type_status, text);
    }
  else
    gtk_label_set_text (self->type_status, "");
  /* With nothing left to choose, the way on is another image (or a look at what each type lacks). */
  gtk_widget_set_visible (self->type_way_out, image != NULL && hidden > 0);
  gtk_widget_set_visible (self->type_other_image, image != NULL && hidden == self->types->len);
  if (image != NULL && hidden == self->types->len)
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
  g_clear_pointer (&self->types, g_ptr_array_unref);
  self->types = g_steal_pointer (&types);
  choose_default_type (self);
  rebuild_type_list (self);
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
  g_signal_connect_swapped (self->type_search, "search-changed", G_CALLBACK (rebuild_type_list), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->type_search));
  {
    const char *sorts[] = { _("Sort by name"), _("Sort by vCPUs"), _("Sort by memory"), NULL };

    self->type_sort = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (sorts));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->type_sort), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Sort"), -1);
    g_signal_connect_swapped (self->type_sort, "notify::selected", G_CALLBACK (rebuild_type_list), self);
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
  g_signal_connect_swapped (self->type_show_hidden, "toggled", G_CALLBACK (rebuild_type_list), self);
  gtk_box_append (GTK_BOX (self->type_way_out), GTK_WIDGET (self->type_show_hidden));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->type_way_out);

  self->type_list = GTK_LIST_BOX (am_launch_boxed_list_new (_("Instance types")));
  gtk_widget_set_name (GTK_WIDGET (self->type_list), "type-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->type_list));
  am_launch_page_add_field_label (AM_LAUNCH_PAGE (self), AM_LAUNCH_FIELD_INSTANCE_TYPE);
}

/* A new image: a type that fits it, if the one chosen does not. */
static void
request_set (AmLaunchPage *page)
{
  g_signal_connect_object (am_launch_page_get_request (page), "notify::image",
                           G_CALLBACK (choose_default_type), page, G_CONNECT_SWAPPED);
}

static void
load (AmLaunchPage *page)
{
  load_types (AM_LAUNCH_TYPE_PAGE (page));
}

static void
shown (AmLaunchPage *page)
{
  rebuild_type_list (AM_LAUNCH_TYPE_PAGE (page));
}

static void
am_launch_type_page_dispose (GObject *object)
{
  AmLaunchTypePage *self = AM_LAUNCH_TYPE_PAGE (object);

  g_clear_pointer (&self->types, g_ptr_array_unref);

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
  page_class->shown = shown;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/wizard/am-launch-type-page.ui");
}

static void
am_launch_type_page_init (AmLaunchTypePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  am_launch_page_add_lookup_error (AM_LAUNCH_PAGE (self), "retry-types");
  build_page (self);
}

GtkWidget *
am_launch_type_page_new (void)
{
  return g_object_new (AM_TYPE_LAUNCH_TYPE_PAGE, NULL);
}
