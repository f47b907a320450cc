/* am-instances-view.c: the Instances view: the account's instances, their states and actions
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-instances-view"

#include "config.h"

#include <glib/gi18n.h>

#include "am-adaptive.h"
#include "am-column-chooser.h"
#include "am-ec2-client.h"
#include "am-instances-view-private.h"
#include "am-launch-from-image.h"
#include "am-session.h"

G_DEFINE_FINAL_TYPE (AmInstancesView, am_instances_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ALL_REGIONS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

GtkWidget *
am_instances_view_new (void)
{
  return g_object_new (AM_TYPE_INSTANCES_VIEW, NULL);
}

AmSession *
am_instances_view_get_session (AmInstancesView *self)
{
  g_return_val_if_fail (AM_IS_INSTANCES_VIEW (self), NULL);

  return self->session;
}

guint
am_instances_view_get_n_instances (AmInstancesView *self)
{
  g_return_val_if_fail (AM_IS_INSTANCES_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

const char *
am_instances_view_get_state_name (AmInstancesView *self,
                                  const char      *instance_id)
{
  AmInstanceRow *row;

  g_return_val_if_fail (AM_IS_INSTANCES_VIEW (self), NULL);
  g_return_val_if_fail (instance_id != NULL, NULL);

  row = g_hash_table_lookup (self->rows_by_id, instance_id);
  if (row == NULL)
    return NULL;

  return am_instance_get_state_name (am_instance_row_get_instance (row));
}

gboolean
am_instances_view_is_polling (AmInstancesView *self)
{
  g_return_val_if_fail (AM_IS_INSTANCES_VIEW (self), FALSE);

  return self->poll_source != 0;
}

gboolean
am_instances_view_is_busy (AmInstancesView *self)
{
  g_return_val_if_fail (AM_IS_INSTANCES_VIEW (self), FALSE);

  return self->busy;
}

void
_am_instances_view_toast (AmInstancesView *self,
                          const char      *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  am_instances_show_toast (GTK_WIDGET (self), toast);
}

GPtrArray *
_am_instances_view_get_selected_rows (AmInstancesView *self)
{
  g_autoptr (GtkBitset) selected = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (rows, g_list_model_get_item (G_LIST_MODEL (self->selection), position));

  return rows;
}

gboolean
am_instances_view_select_instance (AmInstancesView *self,
                                   const char      *instance_id)
{
  guint n;

  g_return_val_if_fail (AM_IS_INSTANCES_VIEW (self), FALSE);
  g_return_val_if_fail (instance_id != NULL, FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AmInstanceRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (g_strcmp0 (am_instance_get_instance_id (am_instance_row_get_instance (row)), instance_id) == 0)
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          return TRUE;
        }
    }

  return FALSE;
}

guint
am_instances_view_select_instances (AmInstancesView    *self,
                                    const char * const *instance_ids)
{
  g_autoptr (GtkBitset) wanted = gtk_bitset_new_empty ();
  g_autoptr (GtkBitset) mask = NULL;
  guint n;

  g_return_val_if_fail (AM_IS_INSTANCES_VIEW (self), 0);
  g_return_val_if_fail (instance_ids != NULL, 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AmInstanceRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (g_strv_contains (instance_ids, am_instance_get_instance_id (am_instance_row_get_instance (row))))
        gtk_bitset_add (wanted, i);
    }

  mask = gtk_bitset_new_range (0, n);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), wanted, mask);

  return (guint) gtk_bitset_get_size (wanted);
}

static gboolean
on_image_link_activated (GtkLabel   *label,
                         const char *uri,
                         gpointer    user_data)
{
  /* The shell shows an image by id when it offers win.show-image; else switch views. */
  if (!gtk_widget_activate_action (GTK_WIDGET (label), "win.show-image", "s", uri))
    gtk_widget_activate_action (GTK_WIDGET (label), "win.show-view", "s", "images");

  return TRUE;
}

/* Sorting and columns */

static int
am_instances_view_compare (gconstpointer a,
                           gconstpointer b,
                           guint         column)
{
  return am_instance_row_compare ((AmInstanceRow *) a, (AmInstanceRow *) b, column);
}

int
_am_instances_view_get_sort_column (AmInstancesView *self)
{
  g_return_val_if_fail (AM_IS_INSTANCES_VIEW (self), -1);

  return am_column_chooser_get_sort_column (self->column_chooser, NULL);
}

/* Newest first, as people look for what they just launched; listing order without Launched. */
static void
am_instances_view_sort_default (AmInstancesView *self)
{
  GtkColumnViewColumn *launched = self->columns[AM_INSTANCE_COLUMN_LAUNCH_TIME];

  if (gtk_column_view_column_get_column_view (launched) != NULL)
    gtk_column_view_sort_by_column (self->column_view, launched, GTK_SORT_DESCENDING);
  else
    gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_DESCENDING);
}

/* What the `instance-columns` key and the `columns.` actions call each column. */
static const AmColumnInfo column_info[AM_INSTANCE_N_COLUMNS] = {
  [AM_INSTANCE_COLUMN_NAME]        = { "name",        TRUE },
  [AM_INSTANCE_COLUMN_ID]          = { "id",          TRUE },
  [AM_INSTANCE_COLUMN_STATE]       = { "state",       TRUE },
  [AM_INSTANCE_COLUMN_TYPE]        = { "type",        TRUE },
  [AM_INSTANCE_COLUMN_IMAGE]       = { "image",       TRUE },
  [AM_INSTANCE_COLUMN_ZONE]        = { "zone",        TRUE },
  [AM_INSTANCE_COLUMN_PUBLIC_IP]   = { "public-ip",   TRUE },
  [AM_INSTANCE_COLUMN_PRIVATE_IP]  = { "private-ip",  FALSE },
  [AM_INSTANCE_COLUMN_LAUNCH_TIME] = { "launched",    TRUE },
  [AM_INSTANCE_COLUMN_KEY_NAME]    = { "key-pair",    FALSE },
  [AM_INSTANCE_COLUMN_ROOT_DEVICE] = { "root-device", FALSE },
  [AM_INSTANCE_COLUMN_IMAGE_STATUS] = { "image-status", TRUE },
};

/* GtkColumnViewSorter would promote an older column (arrows and order the user no longer
 * sees): start over from the default. */
static void
am_instances_view_column_hidden_cb (AmInstancesView *self,
                                    guint            column,
                                    gboolean         was_sorted)
{
  if (was_sorted)
    am_instances_view_sort_default (self);
}

static void
am_instances_view_setup_columns (AmInstancesView *self)
{
  self->column_chooser = am_column_chooser_new (self->column_view, self->columns, column_info,
                                                AM_INSTANCE_N_COLUMNS, am_instances_view_compare,
                                                self->settings, "instance-columns");
  g_signal_connect_object (self->column_chooser, "column-hidden",
                           G_CALLBACK (am_instances_view_column_hidden_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "columns",
                                  am_column_chooser_get_action_group (self->column_chooser));
  g_menu_append_section (self->more_menu, _("Columns"), am_column_chooser_get_menu (self->column_chooser));
}

static void
on_selection_changed (AmInstancesView *self)
{
  _am_instances_view_update_details (self);
  _am_instances_view_update_actions (self);
}

/* Loading */

static void
am_instances_view_set_polling (AmInstancesView *self,
                               gboolean         polling)
{
  gtk_widget_set_visible (GTK_WIDGET (self->poll_spinner), polling);
  gtk_spinner_set_spinning (self->poll_spinner, polling);
}

/*
 * Merges a listing into the store: rows of known ids get the new instance, new ids are appended
 * in one splice, vanished ids are removed one by one. The selection is kept by id.
 */
void
_am_instances_view_apply (AmInstancesView *self,
                         GPtrArray       *instances)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) selected = _am_instances_view_get_selected_rows (self);
  gboolean changed = FALSE;
  guint n;

  for (guint i = 0; i < instances->len; i++)
    {
      AmInstance *instance = g_ptr_array_index (instances, i);
      const char *id = am_instance_get_instance_id (instance);
      AmInstanceRow *row = g_hash_table_lookup (self->rows_by_id, id);

      if (id == NULL || g_hash_table_contains (seen, id))
        continue;
      g_hash_table_add (seen, (gpointer) id);

      if (row != NULL)
        {
          changed |= am_instance_row_set_instance (row, instance);
        }
      else
        {
          row = am_instance_row_new (instance);
          g_hash_table_insert (self->rows_by_id, g_strdup (id), row);
          g_ptr_array_add (added, row);
        }

      if (self->image_names != NULL)
        {
          const char *name = g_hash_table_lookup (self->image_names, am_instance_get_image_id (instance));

          if (name != NULL)
            am_instance_row_set_image_name (row, name);
        }
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  for (guint i = n; i > 0; i--)
    {
      g_autoptr (AmInstanceRow) row = g_list_model_get_item (G_LIST_MODEL (self->store), i - 1);
      const char *id = am_instance_get_instance_id (am_instance_row_get_instance (row));

      if (!g_hash_table_contains (seen, id))
        {
          g_hash_table_remove (self->rows_by_id, id);
          g_list_store_remove (self->store, i - 1);
        }
    }

  if (added->len > 0)
    g_list_store_splice (self->store, g_list_model_get_n_items (G_LIST_MODEL (self->store)), 0,
                         added->pdata, added->len);

  if (changed)
    {
      /* States and addresses moved: filter and order again, then restore the selection. */
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
      for (guint i = 0; i < AM_INSTANCE_N_COLUMNS; i++)
        {
          GtkSorter *sorter = gtk_column_view_column_get_sorter (self->columns[i]);

          if (sorter != NULL)
            gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
        }
    }

  if (selected->len > 0)
    {
      g_autoptr (GtkBitset) now = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
      g_autoptr (GtkBitset) wanted = gtk_bitset_new_empty ();
      guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

      for (guint i = 0; i < shown; i++)
        {
          g_autoptr (AmInstanceRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

          if (g_ptr_array_find (selected, row, NULL))
            gtk_bitset_add (wanted, i);
        }

      if (!gtk_bitset_equals (now, wanted))
        {
          g_autoptr (GtkBitset) mask = gtk_bitset_new_range (0, shown);

          gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), wanted, mask);
        }
    }

  _am_instances_view_update_list_page (self);
  _am_instances_view_update_actions (self);
}

static gboolean
am_instances_view_any_transitional (AmInstancesView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AmInstanceRow) row = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (am_instance_row_get_phase (row) == AM_INSTANCE_PHASE_TRANSITIONAL)
        return TRUE;
    }

  return FALSE;
}

static void am_instances_view_load (AmInstancesView *self);

static gboolean
poll_timeout_cb (gpointer user_data)
{
  AmInstancesView *self = user_data;

  self->poll_source = 0;
  am_instances_view_load (self);

  return G_SOURCE_REMOVE;
}

/* Polls again while anything moves; the spinner shows that states are being followed. */
void
_am_instances_view_schedule_poll (AmInstancesView *self)
{
  gboolean moving;

  /* Instances launched elsewhere in the app: followed until listed, then by their state. */
  if (g_hash_table_size (self->awaited) > 0)
    {
      GHashTableIter iter;
      const char *id;

      g_hash_table_iter_init (&iter, self->awaited);
      while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
        if (g_hash_table_contains (self->rows_by_id, id))
          g_hash_table_iter_remove (&iter);
      if (g_hash_table_size (self->awaited) == 0)
        self->follow_polls = MIN (self->follow_polls, 1);
    }
  moving = am_instances_view_any_transitional (self) || self->follow_polls > 0;

  g_clear_handle_id (&self->poll_source, g_source_remove);
  if (moving)
    {
      if (self->follow_polls > 0)
        self->follow_polls--;
      self->poll_source = g_timeout_add (self->poll_interval_ms, poll_timeout_cb, self);
    }
  am_instances_view_set_polling (self, moving);
}

static void
describe_instances_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (AmInstancesView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) instances = NULL;

  instances = am_ec2_client_describe_instances_finish (AM_EC2_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->busy = FALSE;
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);

  if (error != NULL)
    {
      /* A first listing that failed leaves nothing to show but the failure; a refresh that
       * failed keeps the last listing under a banner (polling goes on, so it can clear). */
      if (!self->loaded)
        {
          am_error_state_set_error (self->error_state, _("Could Not List Instances"), error,
                                    "DescribeInstances", am_session_get_profile_name (self->session),
                                    am_session_get_endpoint (self->session));
          am_error_state_set_action (self->error_state, _("_Retry"), "instances.refresh");
          gtk_stack_set_visible_child_name (self->stack, "error");
          am_instances_view_set_polling (self, FALSE);
        }
      else
        {
          g_autofree char *summary = am_error_state_summarize (error, am_session_get_profile_name (self->session),
                                                               am_session_get_endpoint (self->session));
          /* Translators: %s says what went wrong and what to do */
          g_autofree char *text = g_strdup_printf (_("Could not refresh the instances. %s"), summary);

          gtk_label_set_label (self->banner_label, text);
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->banner_label), error->message);
          gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
          _am_instances_view_schedule_poll (self);
        }
      return;
    }

  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  self->loaded = TRUE;
  _am_instances_view_apply (self, instances);
  gtk_stack_set_visible_child_name (self->stack, "list");
  _am_instances_view_lookup_image_names (self, AM_EC2_CLIENT (source));
  _am_instances_view_lookup_image_status (self, AM_EC2_CLIENT (source));
  _am_instances_view_lookup_newer_images (self, AM_EC2_CLIENT (source));

  if (self->reload_again)
    {
      self->reload_again = FALSE;
      am_instances_view_load (self);
      return;
    }

  _am_instances_view_schedule_poll (self);
}

/* The built-in sandbox ended: said in place of the listing, with a way to restart it. */
static gboolean
am_instances_view_show_sandbox_error (AmInstancesView *self)
{
  const GError *error = self->session != NULL ? am_session_get_sandbox_error (self->session) : NULL;

  if (error == NULL)
    return FALSE;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->busy = FALSE;
  self->reload_again = FALSE;
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);
  am_instances_view_set_polling (self, FALSE);
  am_error_state_set_error (self->error_state, _("The Sandbox Stopped"), error, "DescribeInstances",
                            am_session_get_profile_name (self->session),
                            am_session_get_endpoint (self->session));
  am_error_state_set_action (self->error_state, _("_Restart Sandbox"), "instances.restart-sandbox");
  gtk_stack_set_visible_child_name (self->stack, "error");
  _am_instances_view_update_actions (self);
  return TRUE;
}

static void
am_instances_view_restart_sandbox_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  AmInstancesView *self = AM_INSTANCES_VIEW (widget);

  if (self->session != NULL)
    am_session_restart_sandbox (self->session);
}

const char *
_am_instances_view_get_state (AmInstancesView *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
am_instances_view_load (AmInstancesView *self)
{
  AmEc2Client *client;

  g_clear_handle_id (&self->poll_source, g_source_remove);

  client = self->session != NULL ? am_session_get_client (self->session) : NULL;
  if (client == NULL)
    {
      g_cancellable_cancel (self->cancellable);
      self->busy = FALSE;
      gtk_stack_set_visible_child_name (self->stack, "disconnected");
      am_instances_view_set_polling (self, FALSE);
      _am_instances_view_update_actions (self);
      return;
    }

  if (am_instances_view_show_sandbox_error (self))
    return;

  if (self->all_regions)
    {
      _am_instances_view_load_all_regions (self);
      return;
    }

  if (self->busy)
    {
      self->reload_again = TRUE;
      return;
    }

  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();

  self->busy = TRUE;
  if (!self->loaded)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_set_spinning (self->loading_spinner, TRUE);
    }
  _am_instances_view_update_actions (self);

  am_ec2_client_describe_instances_async (client, NULL, NULL, self->cancellable,
                                          describe_instances_cb, g_object_ref (self));
}

void
am_instances_view_reload (AmInstancesView *self)
{
  g_return_if_fail (AM_IS_INSTANCES_VIEW (self));

  am_instances_view_load (self);
}

/* The session's client changed (another profile or region): start over. */
void
_am_instances_view_start_over (AmInstancesView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->busy = FALSE;
  self->reload_again = FALSE;
  self->loaded = FALSE;
  g_list_store_remove_all (self->store);
  g_hash_table_remove_all (self->rows_by_id);
  g_clear_pointer (&self->image_names, g_hash_table_unref);
  g_hash_table_remove_all (self->awaited);
  _am_instances_view_clear_all_regions (self);
  am_instances_view_load (self);
}

/* EC2 lists new instances a moment after it named them (and an Auto Scaling group names them
 * later still): keep asking for a while, longer when there are IDs to wait for. */
#define LAUNCH_FOLLOW_POLLS 5
#define LAUNCH_AWAIT_POLLS  30

static void
on_instances_launched (AmInstancesView    *self,
                       const char * const *instance_ids)
{
  guint polls = LAUNCH_FOLLOW_POLLS;

  for (guint i = 0; instance_ids != NULL && instance_ids[i] != NULL; i++)
    if (!g_hash_table_contains (self->rows_by_id, instance_ids[i]))
      {
        g_hash_table_add (self->awaited, g_strdup (instance_ids[i]));
        polls = LAUNCH_AWAIT_POLLS;
      }
  self->follow_polls = MAX (self->follow_polls, polls);
  am_instances_view_set_polling (self, TRUE);
  am_instances_view_load (self);
}

void
_am_instances_view_poll_soon (AmInstancesView *self)
{
  /* EC2 may still report the old state right after an action: keep polling a few times. */
  self->follow_polls = 3;
  am_instances_view_set_polling (self, TRUE);
  am_instances_view_load (self);
}

void
am_instances_view_set_session (AmInstancesView *self,
                               AmSession       *session)
{
  g_return_if_fail (AM_IS_INSTANCES_VIEW (self));
  g_return_if_fail (session == NULL || AM_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    {
      g_clear_signal_handler (&self->client_handler, self->session);
      g_clear_signal_handler (&self->launched_handler, self->session);
      g_clear_signal_handler (&self->sandbox_handler, self->session);
    }

  g_set_object (&self->session, session);

  /* Disconnected by id, here and in dispose. */
  if (session != NULL)
    {
      self->client_handler = g_signal_connect_swapped (session, "notify::client",
                                                       G_CALLBACK (_am_instances_view_start_over), self);
      self->launched_handler = g_signal_connect_swapped (session, "instances-launched",
                                                         G_CALLBACK (on_instances_launched), self);
      self->sandbox_handler = g_signal_connect_swapped (session, "notify::sandbox-error",
                                                        G_CALLBACK (am_instances_view_show_sandbox_error), self);
    }

  /* Another account or region: nothing of the old listing applies. */
  _am_instances_view_start_over (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* Ctrl+F belongs to the view on screen, as in the Images view: a hidden view's disabled
 * action lets the key go to the visible one. */
static void
am_instances_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (am_instances_view_parent_class)->map (widget);
  gtk_widget_action_set_enabled (widget, "instances.focus-search", TRUE);
}

static void
am_instances_view_unmap (GtkWidget *widget)
{
  gtk_widget_action_set_enabled (widget, "instances.focus-search", FALSE);
  GTK_WIDGET_CLASS (am_instances_view_parent_class)->unmap (widget);
}

static void
am_instances_view_dispose (GObject *object)
{
  AmInstancesView *self = (AmInstancesView *)object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->action_cancellable);
  g_clear_handle_id (&self->poll_source, g_source_remove);
  _am_instances_view_clear_all_regions (self);
  if (self->details_row != NULL)
    g_clear_signal_handler (&self->details_handler, self->details_row);
  g_clear_object (&self->details_row);
  if (self->session != NULL)
    {
      g_clear_signal_handler (&self->client_handler, self->session);
      g_clear_signal_handler (&self->launched_handler, self->session);
      g_clear_signal_handler (&self->sandbox_handler, self->session);
    }

  /* AdwBin unparents its child itself; the template must not do it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_INSTANCES_VIEW);

  g_clear_object (&self->column_chooser);
  g_clear_object (&self->region_column);
  g_clear_object (&self->settings);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->action_cancellable);
  g_clear_pointer (&self->rows_by_id, g_hash_table_unref);
  g_clear_pointer (&self->awaited, g_hash_table_unref);
  g_clear_pointer (&self->image_names, g_hash_table_unref);

  G_OBJECT_CLASS (am_instances_view_parent_class)->dispose (object);
}

static void
am_instances_view_finalize (GObject *object)
{
  AmInstancesView *self = (AmInstancesView *)object;

  g_clear_pointer (&self->search_folded, g_free);

  G_OBJECT_CLASS (am_instances_view_parent_class)->finalize (object);
}

static void
am_instances_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AmInstancesView *self = AM_INSTANCES_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_ALL_REGIONS:
      g_value_set_boolean (value, self->all_regions);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_instances_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AmInstancesView *self = AM_INSTANCES_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      am_instances_view_set_session (self, g_value_get_object (value));
      break;
    case PROP_ALL_REGIONS:
      am_instances_view_set_all_regions (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_instances_view_class_init (AmInstancesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_instances_view_dispose;
  object_class->finalize = am_instances_view_finalize;
  object_class->get_property = am_instances_view_get_property;
  object_class->set_property = am_instances_view_set_property;
  widget_class->map = am_instances_view_map;
  widget_class->unmap = am_instances_view_unmap;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         AM_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* All Regions (am-instances-view-regions.c), the toolbar's toggle and a menu item. */
  properties [PROP_ALL_REGIONS] =
    g_param_spec_boolean ("all-regions", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AM_TYPE_INSTANCE_ROW);
  g_type_ensure (AM_TYPE_ERROR_STATE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/instances/am-instances-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AmInstancesView, stack);
  gtk_widget_class_bind_template_child (widget_class, AmInstancesView, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, AmInstancesView, error_state);
  gtk_widget_class_bind_template_child (widget_class, AmInstancesView, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, AmInstancesView, banner_label);
  gtk_widget_class_bind_template_child (widget_class, AmInstancesView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AmInstancesView, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmInstancesView, poll_spinner);
  gtk_widget_class_bind_template_child (widget_class, AmInstancesView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AmInstancesView, column_view);
  gtk_widget_class_bind_template_child (widget_class, AmInstancesView, details_scroller);
  gtk_widget_class_bind_template_child (widget_class, AmInstancesView, details_box);
  gtk_widget_class_bind_template_child (widget_class, AmInstancesView, more_menu);
  gtk_widget_class_bind_template_child (widget_class, AmInstancesView, all_regions_button);
  gtk_widget_class_bind_template_child_full (widget_class, "start_button", FALSE, G_STRUCT_OFFSET (AmInstancesView, change_buttons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "stop_button", FALSE, G_STRUCT_OFFSET (AmInstancesView, change_buttons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "reboot_button", FALSE, G_STRUCT_OFFSET (AmInstancesView, change_buttons[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "terminate_button", FALSE, G_STRUCT_OFFSET (AmInstancesView, change_buttons[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "create_image_button", FALSE, G_STRUCT_OFFSET (AmInstancesView, change_buttons[4]));
  gtk_widget_class_bind_template_child_full (widget_class, "name_column", FALSE, G_STRUCT_OFFSET (AmInstancesView, columns[AM_INSTANCE_COLUMN_NAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "instance_id_column", FALSE, G_STRUCT_OFFSET (AmInstancesView, columns[AM_INSTANCE_COLUMN_ID]));
  gtk_widget_class_bind_template_child_full (widget_class, "state_column", FALSE, G_STRUCT_OFFSET (AmInstancesView, columns[AM_INSTANCE_COLUMN_STATE]));
  gtk_widget_class_bind_template_child_full (widget_class, "type_column", FALSE, G_STRUCT_OFFSET (AmInstancesView, columns[AM_INSTANCE_COLUMN_TYPE]));
  gtk_widget_class_bind_template_child_full (widget_class, "image_column", FALSE, G_STRUCT_OFFSET (AmInstancesView, columns[AM_INSTANCE_COLUMN_IMAGE]));
  gtk_widget_class_bind_template_child_full (widget_class, "zone_column", FALSE, G_STRUCT_OFFSET (AmInstancesView, columns[AM_INSTANCE_COLUMN_ZONE]));
  gtk_widget_class_bind_template_child_full (widget_class, "public_ip_column", FALSE, G_STRUCT_OFFSET (AmInstancesView, columns[AM_INSTANCE_COLUMN_PUBLIC_IP]));
  gtk_widget_class_bind_template_child_full (widget_class, "private_ip_column", FALSE, G_STRUCT_OFFSET (AmInstancesView, columns[AM_INSTANCE_COLUMN_PRIVATE_IP]));
  gtk_widget_class_bind_template_child_full (widget_class, "launch_time_column", FALSE, G_STRUCT_OFFSET (AmInstancesView, columns[AM_INSTANCE_COLUMN_LAUNCH_TIME]));
  gtk_widget_class_bind_template_child_full (widget_class, "key_name_column", FALSE, G_STRUCT_OFFSET (AmInstancesView, columns[AM_INSTANCE_COLUMN_KEY_NAME]));
  gtk_widget_class_bind_template_child_full (widget_class, "root_device_column", FALSE, G_STRUCT_OFFSET (AmInstancesView, columns[AM_INSTANCE_COLUMN_ROOT_DEVICE]));
  gtk_widget_class_bind_template_child_full (widget_class, "image_status_column", FALSE, G_STRUCT_OFFSET (AmInstancesView, columns[AM_INSTANCE_COLUMN_IMAGE_STATUS]));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_search_changed",
                                                G_CALLBACK (_am_instances_view_search_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_state_filter_changed",
                                                G_CALLBACK (_am_instances_view_state_filter_changed));
  gtk_widget_class_bind_template_callback (widget_class, on_image_link_activated);


  _am_instances_view_class_install_actions (widget_class);
  gtk_widget_class_install_property_action (widget_class, "instances.all-regions", "all-regions");
  gtk_widget_class_install_action (widget_class, "instances.restart-sandbox", NULL,
                                   am_instances_view_restart_sandbox_action);

  gtk_widget_class_set_css_name (widget_class, "instancesview");
}

static void
am_instances_view_init (AmInstancesView *self)
{
  GtkEventController *shortcuts;
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Managed scope: the window handles it wherever the focus is, while the view is shown. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                                                          gtk_named_action_new ("instances.focus-search")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "instances.focus-search", FALSE);

  self->poll_interval_ms = 2000;
  self->rows_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->awaited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->store = g_list_store_new (AM_TYPE_INSTANCE_ROW);
  self->filter = gtk_custom_filter_new (_am_instances_view_filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                                  g_object_ref (GTK_FILTER (self->filter)));

  self->settings = g_settings_new (APP_ID);
  am_instances_view_setup_columns (self);

  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (sorter));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  am_adaptive_follow_list (self->column_view);
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (_am_instances_view_update_list_page), self, G_CONNECT_SWAPPED);

  am_instances_view_sort_default (self);

  self->action_cancellable = g_cancellable_new ();
  _am_instances_view_update_details (self);
  _am_instances_view_update_actions (self);
}
