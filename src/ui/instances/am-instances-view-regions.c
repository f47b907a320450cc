/* am-instances-view-regions.c: the Instances view's All Regions listing: every enabled Region's
 * instances in one list, a Region column, each Region's progress and failure, and actions sent
 * to the instance's own Region
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-instances-view"

#include "config.h"

#include <glib/gi18n.h>

#include "am-instances-view-private.h"
#include "am-regions-banner.h"
#include "am-session.h"

static const char *
row_region (AmInstanceRow *row)
{
  return am_instance_get_region (am_instance_row_get_instance (row));
}

/* --- the Region column ------------------------------------------------------------------- */

static void
region_cell_setup (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 12);
  gtk_list_item_set_child (item, cell);
}

static void
region_cell_bind (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)),
                            row_region (gtk_list_item_get_item (item)));
}

static int
compare_regions (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return g_strcmp0 (row_region ((AmInstanceRow *) a), row_region ((AmInstanceRow *) b));
}

/* Not a choice kept in the settings: All Regions shows it, beside the name. */
static void
set_region_column_visible (AmInstancesView *self,
                           gboolean         visible)
{
  gboolean in_view;

  if (self->region_column == NULL)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (region_cell_setup), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (region_cell_bind), NULL);
      self->region_column = gtk_column_view_column_new (_("Region"), factory);
      gtk_column_view_column_set_resizable (self->region_column, TRUE);
      gtk_column_view_column_set_sorter (self->region_column,
                                         GTK_SORTER (gtk_custom_sorter_new (compare_regions, NULL, NULL)));
    }
  in_view = gtk_column_view_column_get_column_view (self->region_column) == self->column_view;
  if (visible && !in_view)
    gtk_column_view_insert_column (self->column_view, 1, self->region_column);
  else if (!visible && in_view)
    gtk_column_view_remove_column (self->column_view, self->region_column);
}

/* --- the listing ----------------------------------------------------------------------------- */

static void
apply_listing (AmInstancesView *self)
{
  GListModel *items = am_region_fanout_get_items (self->fanout);
  g_autoptr (GPtrArray) instances = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    g_ptr_array_add (instances, g_list_model_get_item (items, i));
  _am_instances_view_apply (self, instances);
}

/* A Region answered (or failed): its instances join the list at once, beside the others. */
static void
region_changed_cb (AmInstancesView *self,
                   const char      *region)
{
  AmEc2Client *client;

  if (am_region_fanout_get_region_state (self->fanout, region) != AM_REGION_JOB_DONE)
    return;
  apply_listing (self);
  if (!self->loaded)
    {
      self->loaded = TRUE;
      gtk_spinner_set_spinning (self->loading_spinner, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "list");
    }
  client = am_region_fanout_get_client (self->fanout, region);
  if (client != NULL)
    {
      _am_instances_view_lookup_image_names (self, client);
      _am_instances_view_lookup_image_status (self, client);
    }
}

static void
loading_changed_cb (AmInstancesView *self)
{
  const GError *error;

  if (am_region_fanout_get_loading (self->fanout))
    return;
  self->busy = FALSE;
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);
  error = am_region_fanout_get_error (self->fanout);
  if (error != NULL && !self->loaded)
    {
      /* Without the list of Regions there is nothing to ask. */
      am_error_state_set_error (self->error_state, _("Could Not List the Regions"), error,
                                "DescribeRegions", am_session_get_profile_name (self->session),
                                am_session_get_endpoint (self->session));
      am_error_state_set_action (self->error_state, _("_Retry"), "instances.refresh");
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  if (!self->loaded)
    {
      /* Every Region failed: the list is empty, the banner says why for each. */
      self->loaded = TRUE;
      gtk_stack_set_visible_child_name (self->stack, "list");
      _am_instances_view_update_list_page (self);
    }
  _am_instances_view_update_actions (self);
  if (self->reload_again)
    {
      self->reload_again = FALSE;
      _am_instances_view_load_all_regions (self);
      return;
    }
  _am_instances_view_schedule_poll (self);
}

void
_am_instances_view_load_all_regions (AmInstancesView *self)
{
  AmEc2Client *client = am_session_get_client (self->session);

  if (self->fanout == NULL)
    {
      self->fanout = am_region_fanout_new_for_instances (client);
      g_signal_connect_object (self->fanout, "region-changed", G_CALLBACK (region_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->fanout, "notify::loading", G_CALLBACK (loading_changed_cb), self, G_CONNECT_SWAPPED);
    }
  am_regions_banner_show (&self->regions_banner, AM_REGIONS_BANNER_INSTANCES,
                          gtk_widget_get_parent (GTK_WIDGET (self->banner_revealer)),
                          gtk_widget_get_next_sibling (GTK_WIDGET (self->banner_revealer)), self->fanout);

  if (am_region_fanout_get_loading (self->fanout))
    {
      self->reload_again = TRUE;
      return;
    }
  self->busy = TRUE;
  if (!self->loaded)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_set_spinning (self->loading_spinner, TRUE);
    }
  _am_instances_view_update_actions (self);
  am_region_fanout_start (self->fanout);
}

void
_am_instances_view_clear_all_regions (AmInstancesView *self)
{
  am_regions_banner_release (self->regions_banner, &self->fanout, self);
}

void
am_instances_view_set_all_regions (AmInstancesView *self,
                                   gboolean         all_regions)
{
  g_return_if_fail (AM_IS_INSTANCES_VIEW (self));

  if (!all_regions == !self->all_regions)
    return;
  self->all_regions = all_regions;
  set_region_column_visible (self, all_regions);
  /* One listing or the other: the rows of the last one go. */
  _am_instances_view_start_over (self);
  g_object_notify (G_OBJECT (self), "all-regions");
}

gboolean
am_instances_view_get_all_regions (AmInstancesView *self)
{
  g_return_val_if_fail (AM_IS_INSTANCES_VIEW (self), FALSE);
  return self->all_regions;
}

AmRegionFanout *
am_instances_view_get_fanout (AmInstancesView *self)
{
  g_return_val_if_fail (AM_IS_INSTANCES_VIEW (self), NULL);
  return self->fanout;
}

GtkWidget *
am_instances_view_get_regions_banner (AmInstancesView *self)
{
  g_return_val_if_fail (AM_IS_INSTANCES_VIEW (self), NULL);
  return self->regions_banner;
}

/* --- actions in the instance's Region ---------------------------------------------------- */

AmEc2Client *
_am_instances_view_client_for_rows (AmInstancesView  *self,
                                    GPtrArray        *rows,
                                    char            **why)
{
  AmEc2Client *session_client = self->session != NULL ? am_session_get_client (self->session) : NULL;
  const char *region = NULL;
  AmEc2Client *client;

  if (!self->all_regions || self->fanout == NULL || rows->len == 0)
    return session_client;
  region = row_region (g_ptr_array_index (rows, 0));
  for (guint i = 1; i < rows->len; i++)
    if (g_strcmp0 (row_region (g_ptr_array_index (rows, i)), region) != 0)
      {
        if (why != NULL)
          *why = g_strdup (_("The selected instances are in several Regions: select the instances of one Region to act on them."));
        return NULL;
      }
  client = am_region_fanout_get_client (self->fanout, region);
  if (client == NULL && why != NULL)
    /* Translators: %s is a Region, e.g. "eu-west-1" */
    *why = g_strdup_printf (_("%s cannot be reached now: retry it, then act on its instances."), region);
  return client;
}

gboolean
_am_instances_view_rows_are_local (AmInstancesView *self,
                                   GPtrArray       *rows)
{
  AmEc2Client *client = self->session != NULL ? am_session_get_client (self->session) : NULL;
  const char *here = client != NULL ? am_ec2_client_get_region (client) : NULL;

  if (!self->all_regions)
    return TRUE;
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (row_region (g_ptr_array_index (rows, i)), here) != 0)
      return FALSE;
  return TRUE;
}

void
_am_instances_view_explain_actions (AmInstancesView *self,
                                    const char      *why,
                                    gboolean         local)
{
  static const char * const tooltips[G_N_ELEMENTS (self->change_buttons)] = {
    N_("Start"), N_("Stop"), N_("Reboot"), N_("Terminate"),
    N_("Create an image (AMI) from the selected instance"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (self->change_buttons); i++)
    {
      const char *text = why != NULL ? why : _(tooltips[i]);

      /* Create Image opens a dialog that works in the session's Region. */
      if (why == NULL && i == G_N_ELEMENTS (self->change_buttons) - 1 && !local)
        text = _("This instance is in another Region: choose its Region in the header bar to create an image from it.");
      if (self->change_buttons[i] != NULL)
        gtk_widget_set_tooltip_text (self->change_buttons[i], text);
    }
}
