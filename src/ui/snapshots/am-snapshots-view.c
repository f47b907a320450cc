/* am-snapshots-view.c: the Snapshots view: owned snapshots, the images using them, orphans
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-snapshots-view"

#include "config.h"

#include <glib/gi18n.h>

#include "am-adaptive.h"
#include "am-image-cell.h"
#include "am-snapshots-view-private.h"
#include "am-time-format.h"
#include "am-window.h"

G_DEFINE_FINAL_TYPE (AmSnapshotsView, am_snapshots_view, ADW_TYPE_BIN)

GtkWidget *
am_snapshots_view_new (void)
{
  return g_object_new (AM_TYPE_SNAPSHOTS_VIEW, NULL);
}

AmEc2Client *
_am_snapshots_view_client_of (AmSnapshotsView *self)
{
  return self->session != NULL ? am_session_get_client (self->session) : NULL;
}

void
_am_snapshots_view_toast (AmSnapshotsView *self,
                          const char      *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwToast *t = adw_toast_new (message);

  g_free (self->last_result);
  self->last_result = g_strdup (message);

  adw_toast_set_timeout (t, 8);
  if (AM_IS_WINDOW (root))
    am_window_add_toast (AM_WINDOW (root), t);
  else
    g_object_unref (t);
}

gboolean
_am_snapshots_view_showing_bin (AmSnapshotsView *self)
{
  return gtk_toggle_button_get_active (self->bin_toggle);
}

/* --- rows ---------------------------------------------------------------------------------- */

static char *
used_by_text (AmSnapshotsView *self,
              AmSnapshot      *snapshot)
{
  const char *id = am_snapshot_get_snapshot_id (snapshot);
  /* A snapshot is used or not by the images of its own Region. */
  AmSnapshotInventory *inventory = _am_snapshots_view_inventory_of (self, snapshot);
  AmImage *user;
  guint n;

  if (am_snapshot_get_recycle_bin_exit_time (snapshot) != NULL)
    {
      g_autofree char *until = am_time_format_local (am_snapshot_get_recycle_bin_exit_time (snapshot));

      return g_strdup_printf (_("In the Recycle Bin until %s"), until);
    }
  if (inventory == NULL)
    return g_strdup ("—");
  user = am_snapshot_inventory_get_user (inventory, id);
  if (user == NULL)
    return g_strdup (_("Not used by any image"));
  n = am_snapshot_inventory_count_users (inventory, id);
  if (n > 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%s) and %u other image", "%s (%s) and %u other images",
                                         n - 1),
                            am_image_get_image_id (user), am_image_get_name (user), n - 1);
  return g_strdup_printf ("%s (%s)", am_image_get_image_id (user), am_image_get_name (user));
}

gboolean
_am_snapshots_view_is_orphan (AmSnapshotsView *self,
                              AmSnapshot      *snapshot)
{
  AmSnapshotInventory *inventory = _am_snapshots_view_inventory_of (self, snapshot);

  /* Unknown users (no inventory of its Region) is not an orphan: nothing suggests deleting it. */
  return inventory != NULL && am_snapshot_inventory_get_user (inventory, am_snapshot_get_snapshot_id (snapshot)) == NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  AmSnapshotsView *self = user_data;

  if (_am_snapshots_view_showing_bin (self) || !gtk_check_button_get_active (self->orphans_check))
    return TRUE;
  return _am_snapshots_view_is_orphan (self, item);
}

typedef enum
{
  COLUMN_ID,
  COLUMN_DESCRIPTION,
  COLUMN_SIZE,
  COLUMN_STARTED,
  COLUMN_USED_BY,
  COLUMN_REGION,
} Column;

/* A cell's tooltip is its whole text, made when asked: setting a tooltip text while binding
 * made GTK look for the pointer (a round trip to the display server) for every row bound. */
static gboolean
cell_query_tooltip_cb (GtkWidget  *cell,
                       int         x,
                       int         y,
                       gboolean    keyboard_mode,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  const char *text = am_image_cell_get_text (AM_IMAGE_CELL (cell));

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* One line of text, ellipsized, shaped once per text and width (AmImageCell): GTK 4.8 binds
 * up to 200 rows after a change of the list, and a GtkLabel shapes its text anew each time,
 * which made most of the cost of Orphans Only at thousands of snapshots. */
static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *cell = am_image_cell_new ();

  gtk_widget_set_has_tooltip (cell, TRUE);
  g_signal_connect (cell, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  AmSnapshotsView *self = g_object_get_data (G_OBJECT (factory), "view");
  Column column = GPOINTER_TO_INT (user_data);
  AmSnapshot *snapshot = gtk_list_item_get_item (item);
  AmImageCell *cell = AM_IMAGE_CELL (gtk_list_item_get_child (item));
  const char *id = am_snapshot_get_snapshot_id (snapshot);
  g_autofree char *text = NULL;
  gboolean warn = FALSE;

  switch (column)
    {
    case COLUMN_ID:
      text = g_strdup (id);
      break;
    case COLUMN_DESCRIPTION:
      text = g_strdup (am_snapshot_get_description (snapshot) ?: "");
      break;
    case COLUMN_SIZE:
      text = am_snapshot_get_volume_size (snapshot) > 0
             ? g_strdup_printf (_("%d GiB"), am_snapshot_get_volume_size (snapshot)) : g_strdup ("—");
      break;
    case COLUMN_STARTED:
      text = am_snapshot_get_start_time (snapshot) != NULL
             ? am_time_format_local (am_snapshot_get_start_time (snapshot)) : g_strdup ("—");
      break;
    case COLUMN_REGION:
      text = g_strdup (am_snapshot_get_region (snapshot));
      break;
    case COLUMN_USED_BY:
    default:
      text = g_strdup (g_hash_table_lookup (self->used_by, id));
      warn = !_am_snapshots_view_showing_bin (self) && _am_snapshots_view_is_orphan (self, snapshot);
      break;
    }
  /* Changed only when it changes: each change restyles the cell. */
  if (gtk_widget_has_css_class (GTK_WIDGET (cell), "warning") != warn)
    {
      if (warn)
        gtk_widget_add_css_class (GTK_WIDGET (cell), "warning");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (cell), "warning");
    }
  am_image_cell_set_text (cell, text);
}

/* A cell draws its text in the width it is given (it asks for none): a column that does not
 * expand is as wide as @sample, the longest text it holds, and a cell's padding. */
static int
sample_width (AmSnapshotsView *self,
              const char      *sample)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), sample);
  int width = 0;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width + 24;
}

static GtkColumnViewColumn *
add_column (AmSnapshotsView *self,
            const char      *title,
            Column           column,
            gboolean         expand,
            const char      *sample)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_object_set_data (G_OBJECT (factory), "view", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_column_set_expand (col, expand);
  if (sample != NULL)
    gtk_column_view_column_set_fixed_width (col, sample_width (self, sample));
  gtk_column_view_append_column (self->column_view, col);
  g_object_unref (col);
  return col;
}

static void show_list_or_empty (AmSnapshotsView *self);

/* Shows the inventory's snapshots (or its Recycle Bin) in the list. */
void
_am_snapshots_view_fill (AmSnapshotsView *self)
{
  g_autoptr (GPtrArray) items = _am_snapshots_view_dup_items (self, _am_snapshots_view_showing_bin (self));
  guint n_orphans = 0;
  g_autofree char *count = NULL;

  g_hash_table_remove_all (self->used_by);
  for (guint i = 0; i < items->len; i++)
    {
      AmSnapshot *sn = items->pdata[i];

      g_hash_table_insert (self->used_by, g_strdup (am_snapshot_get_snapshot_id (sn)), used_by_text (self, sn));
      if (!_am_snapshots_view_showing_bin (self) && _am_snapshots_view_is_orphan (self, sn))
        n_orphans++;
    }
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)), items->pdata,
                       items->len);
  if (_am_snapshots_view_showing_bin (self))
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u snapshot in the Recycle Bin",
                                          "%u snapshots in the Recycle Bin", items->len), items->len);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u snapshot, %u not used by any image",
                                          "%u snapshots, %u not used by any image", items->len),
                             items->len, n_orphans);
  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_sensitive (GTK_WIDGET (self->orphans_check), !_am_snapshots_view_showing_bin (self));
  show_list_or_empty (self);
}

/* The list, or the empty state that says why nothing is shown. */
static void
show_list_or_empty (AmSnapshotsView *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    {
      adw_status_page_set_title (self->empty_page,
                                 _am_snapshots_view_showing_bin (self) ? _("The Recycle Bin Holds No Snapshots")
                                 : gtk_check_button_get_active (self->orphans_check) ? _("No Orphaned Snapshots")
                                 : _("No Snapshots"));
      adw_status_page_set_description (self->empty_page,
                                       _am_snapshots_view_showing_bin (self)
                                       ? _("Deleted snapshots wait here only while a Recycle Bin retention rule for EBS snapshots keeps them.")
                                       : _("Every snapshot this account owns in the region is listed here. Create one from an instance's volume with Create Snapshot."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  _am_snapshots_view_update_actions (self);
  _am_snapshots_view_update_storage (self);
}

GPtrArray *
_am_snapshots_view_get_selected (AmSnapshotsView *self)
{
  g_autoptr (GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint pos;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, set, &pos); more; more = gtk_bitset_iter_next (&iter, &pos))
    g_ptr_array_add (out, g_list_model_get_item (G_LIST_MODEL (self->selection), pos));
  return out;
}

static void
update_details (AmSnapshotsView *self)
{
  g_autoptr (GPtrArray) rows = _am_snapshots_view_get_selected (self);
  g_autoptr (GString) s = g_string_new (NULL);
  AmSnapshot *sn;

  if (rows->len > 1 && _am_snapshots_view_client_for (self, rows) == NULL)
    {
      gtk_label_set_text (self->details_label,
                          _("The selected snapshots are in several Regions: select those of one Region to delete or restore them."));
      return;
    }
  if (rows->len != 1)
    {
      gtk_label_set_text (self->details_label,
                          rows->len == 0 ? _("Select a snapshot to see its details.")
                          : _("Several snapshots are selected."));
      return;
    }
  sn = rows->pdata[0];
#define ROW(title, value) \
  G_STMT_START { g_autofree char *v_ = g_markup_escape_text ((value) ?: "—", -1); \
                 g_string_append_printf (s, "<b>%s</b>\n%s\n\n", title, v_); } G_STMT_END
  ROW (_("Snapshot"), am_snapshot_get_snapshot_id (sn));
  if (am_snapshot_get_region (sn) != NULL)
    ROW (_("Region"), am_snapshot_get_region (sn));
  ROW (_("Used By"), g_hash_table_lookup (self->used_by, am_snapshot_get_snapshot_id (sn)));
  ROW (_("Description"), am_snapshot_get_description (sn));
  ROW (_("Volume"), am_snapshot_get_volume_id (sn));
  if (!_am_snapshots_view_showing_bin (self))
    {
      g_autofree char *size = g_strdup_printf (_("%d GiB"), am_snapshot_get_volume_size (sn));
      g_autofree char *started = am_time_format_local (am_snapshot_get_start_time (sn));

      ROW (_("Size"), size);
      ROW (_("Started"), started);
      ROW (_("State"), am_snapshot_get_status (sn));
      ROW (_("Storage Tier"), am_snapshot_get_storage_tier (sn));
    }
#undef ROW
  gtk_label_set_markup (self->details_label, s->str);
}

void
_am_snapshots_view_update_actions (AmSnapshotsView *self)
{
  g_autoptr (GPtrArray) rows = _am_snapshots_view_get_selected (self);
  gboolean ready = _am_snapshots_view_client_of (self) != NULL && !self->changing;
  /* Delete and Restore go to the snapshots' own Region: one at a time. */
  gboolean one_region = _am_snapshots_view_client_for (self, rows) != NULL;
  gboolean bin = _am_snapshots_view_showing_bin (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "snapshots.create", ready && !bin);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "snapshots.delete", ready && one_region && !bin && rows->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "snapshots.restore", ready && one_region && bin && rows->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "snapshots.refresh", _am_snapshots_view_client_of (self) != NULL && !self->loading);
  gtk_spinner_set_spinning (self->spinner, self->loading || self->changing);
  update_details (self);
}

/* --- listing ------------------------------------------------------------------------------- */

void
_am_snapshots_view_show_error (AmSnapshotsView *self,
                               const char      *title,
                               const GError    *error,
                               const char      *operation)
{
  self->loading = FALSE;
  am_error_state_set_error (self->error_state, title, error, operation,
                            am_session_get_profile_name (self->session),
                            am_session_get_endpoint (self->session));
  am_error_state_set_action (self->error_state, _("_Retry"), "snapshots.refresh");
  gtk_stack_set_visible_child_name (self->stack, "error");
  _am_snapshots_view_update_actions (self);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (AmSnapshotsView) self = user_data;
  g_autoptr (GError) error = NULL;
  const char *operation = NULL;

  if (!am_snapshot_inventory_load_finish (self->inventory, result, &operation, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      _am_snapshots_view_show_error (self, _("Could Not List Snapshots"), error, operation);
      return;
    }
  self->loading = FALSE;
  self->loaded = TRUE;
  _am_snapshots_view_fill (self);
}

void
am_snapshots_view_reload (AmSnapshotsView *self)
{
  AmEc2Client *client;

  g_return_if_fail (AM_IS_SNAPSHOTS_VIEW (self));

  client = _am_snapshots_view_client_of (self);
  if (client != NULL && self->all_regions)
    {
      _am_snapshots_view_load_all_regions (self);
      return;
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (client == NULL)
    {
      self->loading = FALSE;
      _am_snapshots_view_update_actions (self);
      return;
    }
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  if (!self->loaded)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  _am_snapshots_view_update_actions (self);
  am_snapshot_inventory_load_async (self->inventory, client, self->cancellable, load_cb, g_object_ref (self));
}

/* Listed when first shown (the window builds every view at start), then on F5 and changes. */
static void
client_changed_cb (AmSnapshotsView *self)
{
  self->loaded = FALSE;
  g_list_store_remove_all (self->store);
  _am_snapshots_view_clear_all_regions (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    am_snapshots_view_reload (self);
  else
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->loading = FALSE;
      gtk_stack_set_visible_child_name (self->stack, "loading");
      _am_snapshots_view_update_actions (self);
    }
}

void
am_snapshots_view_set_session (AmSnapshotsView *self,
                               AmSession       *session)
{
  g_return_if_fail (AM_IS_SNAPSHOTS_VIEW (self));

  if (self->session != NULL)
    g_clear_signal_handler (&self->client_handler, self->session);
  g_set_object (&self->session, session);
  if (session != NULL)
    self->client_handler = g_signal_connect_swapped (session, "notify::client", G_CALLBACK (client_changed_cb), self);
  client_changed_cb (self);
}

gboolean
am_snapshots_view_is_busy (AmSnapshotsView *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOTS_VIEW (self), FALSE);

  return self->loading || self->changing;
}

guint
am_snapshots_view_get_n_shown (AmSnapshotsView *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOTS_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

guint
am_snapshots_view_select (AmSnapshotsView    *self,
                          const char * const *snapshot_ids)
{
  guint n, found = 0;

  g_return_val_if_fail (AM_IS_SNAPSHOTS_VIEW (self), 0);

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AmSnapshot) sn = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (g_strv_contains (snapshot_ids, am_snapshot_get_snapshot_id (sn)))
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, FALSE);
          found++;
        }
    }
  return found;
}

const char *
am_snapshots_view_get_last_result (AmSnapshotsView *self)
{
  g_return_val_if_fail (AM_IS_SNAPSHOTS_VIEW (self), NULL);

  return self->last_result;
}

const char *
am_snapshots_view_get_used_by_text (AmSnapshotsView *self,
                                    const char      *snapshot_id)
{
  g_return_val_if_fail (AM_IS_SNAPSHOTS_VIEW (self), NULL);

  return g_hash_table_lookup (self->used_by, snapshot_id);
}

/* Orphans Only filters the rows already there: the used-by texts and the count stay as they
 * are (rebuilding them for every snapshot made each toggle cost as much as a reload). */
static void
am_snapshots_view_filter_toggled_cb (AmSnapshotsView *self)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->filtered);

  gtk_filter_changed (filter, gtk_check_button_get_active (self->orphans_check) ? GTK_FILTER_CHANGE_MORE_STRICT
                                                                                : GTK_FILTER_CHANGE_LESS_STRICT);
  if (self->loaded)
    show_list_or_empty (self);
}

/* The Recycle Bin is another list: filled anew. */
static void
am_snapshots_view_bin_toggled_cb (AmSnapshotsView *self)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->filtered);

  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  if (self->loaded)
    _am_snapshots_view_fill (self);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  am_snapshots_view_reload (AM_SNAPSHOTS_VIEW (widget));
}

/* --- GObject ------------------------------------------------------------------------------- */

static void
am_snapshots_view_map (GtkWidget *widget)
{
  AmSnapshotsView *self = AM_SNAPSHOTS_VIEW (widget);

  GTK_WIDGET_CLASS (am_snapshots_view_parent_class)->map (widget);
  if (!self->loaded && !self->loading)
    am_snapshots_view_reload (self);
  else
    _am_snapshots_view_update_actions (self);
}

static void
am_snapshots_view_unmap (GtkWidget *widget)
{
  /* F5 goes to the view on screen. */
  gtk_widget_action_set_enabled (widget, "snapshots.refresh", FALSE);
  GTK_WIDGET_CLASS (am_snapshots_view_parent_class)->unmap (widget);
}

static void
am_snapshots_view_dispose (GObject *object)
{
  AmSnapshotsView *self = AM_SNAPSHOTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  _am_snapshots_view_clear_all_regions (self);
  if (self->session != NULL)
    g_clear_signal_handler (&self->client_handler, self->session);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_SNAPSHOTS_VIEW);
  G_OBJECT_CLASS (am_snapshots_view_parent_class)->dispose (object);
}

static void
am_snapshots_view_finalize (GObject *object)
{
  AmSnapshotsView *self = AM_SNAPSHOTS_VIEW (object);

  g_clear_object (&self->inventory);
  g_clear_object (&self->store);
  g_clear_object (&self->filtered);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->used_by, g_hash_table_unref);
  g_clear_pointer (&self->last_result, g_free);
  G_OBJECT_CLASS (am_snapshots_view_parent_class)->finalize (object);
}

static void
am_snapshots_view_class_init (AmSnapshotsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_snapshots_view_dispose;
  object_class->finalize = am_snapshots_view_finalize;
  widget_class->map = am_snapshots_view_map;
  widget_class->unmap = am_snapshots_view_unmap;

  g_type_ensure (AM_TYPE_ERROR_STATE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amiable/Amiable/snapshots/am-snapshots-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AmSnapshotsView, orphans_check);
  gtk_widget_class_bind_template_child (widget_class, AmSnapshotsView, bin_toggle);
  gtk_widget_class_bind_template_child (widget_class, AmSnapshotsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, AmSnapshotsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmSnapshotsView, stack);
  gtk_widget_class_bind_template_child (widget_class, AmSnapshotsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, AmSnapshotsView, details_label);
  gtk_widget_class_bind_template_child (widget_class, AmSnapshotsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AmSnapshotsView, error_state);
  gtk_widget_class_bind_template_child (widget_class, AmSnapshotsView, all_regions_toggle);
  gtk_widget_class_bind_template_callback_full (widget_class, "am_snapshots_view_all_regions_toggled_cb",
                                                G_CALLBACK (_am_snapshots_view_all_regions_toggled));
  gtk_widget_class_bind_template_child (widget_class, AmSnapshotsView, storage_box);
  gtk_widget_class_bind_template_child (widget_class, AmSnapshotsView, storage_label);
  gtk_widget_class_bind_template_callback (widget_class, am_snapshots_view_filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, am_snapshots_view_bin_toggled_cb);

  gtk_widget_class_install_action (widget_class, "snapshots.create", NULL, _am_snapshots_view_create_action);
  gtk_widget_class_install_action (widget_class, "snapshots.delete", NULL, _am_snapshots_view_delete_action);
  gtk_widget_class_install_action (widget_class, "snapshots.restore", NULL, _am_snapshots_view_restore_action);
  gtk_widget_class_install_action (widget_class, "snapshots.refresh", NULL, refresh_action);
}

static void
am_snapshots_view_init (AmSnapshotsView *self)
{
  GtkCustomFilter *filter;
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->inventory = am_snapshot_inventory_new ();
  self->used_by = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->store = g_list_store_new (AM_TYPE_SNAPSHOT);
  filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)), GTK_FILTER (filter));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (_am_snapshots_view_update_actions), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (_am_snapshots_view_update_actions), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  {
    g_autofree char *size = g_strdup_printf (_("%d GiB"), 16384);
    g_autofree char *started = am_time_format_local ("2026-12-30T23:58:58.000Z");

    add_column (self, _("Snapshot"), COLUMN_ID, FALSE, "snap-0d0d0d0d0d0d0d0d0");
    /* Shown by All Regions only, beside the ID. */
    self->region_column = add_column (self, _("Region"), COLUMN_REGION, FALSE, "ap-southeast-2");
    gtk_column_view_column_set_visible (self->region_column, FALSE);
    add_column (self, _("Description"), COLUMN_DESCRIPTION, TRUE, NULL);
    add_column (self, _("Size"), COLUMN_SIZE, FALSE, size);
    add_column (self, _("Started"), COLUMN_STARTED, FALSE, started);
    add_column (self, _("Used By"), COLUMN_USED_BY, TRUE, NULL);
  }
  am_adaptive_follow_list (self->column_view);

  /* Managed scope: F5 reaches the view wherever the focus is in the window, while it is shown. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F5, 0),
                                                          gtk_named_action_new ("snapshots.refresh")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  _am_snapshots_view_update_actions (self);
}
