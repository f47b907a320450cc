/* am-snapshots-view.c: the Snapshots view: owned snapshots, the images using them, orphans
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-snapshots-view"

#include "config.h"

#include <glib/gi18n.h>

#include "am-adaptive.h"
#include "am-aws-error.h"
#include "am-ec2-client.h"
#include "am-error-state.h"
#include "am-session.h"
#include "am-snapshot-inventory.h"
#include "am-snapshots-view.h"
#include "am-time-format.h"
#include "am-window.h"

struct _AmSnapshotsView
{
  AdwBin parent_instance;

  /* template widgets */
  GtkCheckButton      *orphans_check;
  GtkToggleButton     *bin_toggle;
  GtkLabel            *count_label;
  GtkSpinner          *spinner;
  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkLabel            *details_label;
  AdwStatusPage       *empty_page;
  AmErrorState        *error_state;

  /* owned references */
  AmSession           *session;
  AmSnapshotInventory *inventory;
  GListStore          *store;       /* AmSnapshot: the listing or the Recycle Bin */
  GtkFilterListModel  *filtered;
  GtkMultiSelection   *selection;
  GCancellable        *cancellable;
  GHashTable          *used_by;     /* snapshot id → Used By text of the shown rows */
  char                *last_result; /* the last toast: what a create, delete or restore did */

  /* state */
  gulong               client_handler;
  gboolean             loading;
  gboolean             changing;    /* a create, delete or restore is in flight */
  gboolean             loaded;
};

G_DEFINE_FINAL_TYPE (AmSnapshotsView, am_snapshots_view, ADW_TYPE_BIN)

static void update_actions (AmSnapshotsView *self);

GtkWidget *
am_snapshots_view_new (void)
{
  return g_object_new (AM_TYPE_SNAPSHOTS_VIEW, NULL);
}

static AmEc2Client *
client_of (AmSnapshotsView *self)
{
  return self->session != NULL ? am_session_get_client (self->session) : NULL;
}

static void
toast (AmSnapshotsView *self,
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

static gboolean
showing_bin (AmSnapshotsView *self)
{
  return gtk_toggle_button_get_active (self->bin_toggle);
}

/* --- rows ---------------------------------------------------------------------------------- */

static char *
used_by_text (AmSnapshotsView *self,
              AmSnapshot      *snapshot)
{
  const char *id = am_snapshot_get_snapshot_id (snapshot);
  AmImage *user;
  guint n;

  if (am_snapshot_get_recycle_bin_exit_time (snapshot) != NULL)
    {
      g_autofree char *until = am_time_format_local (am_snapshot_get_recycle_bin_exit_time (snapshot));

      return g_strdup_printf (_("In the Recycle Bin until %s"), until);
    }
  user = am_snapshot_inventory_get_user (self->inventory, id);
  if (user == NULL)
    return g_strdup (_("Not used by any image"));
  n = am_snapshot_inventory_count_users (self->inventory, id);
  if (n > 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%s) and %u other image", "%s (%s) and %u other images",
                                         n - 1),
                            am_image_get_image_id (user), am_image_get_name (user), n - 1);
  return g_strdup_printf ("%s (%s)", am_image_get_image_id (user), am_image_get_name (user));
}

static gboolean
is_orphan (AmSnapshotsView *self,
           AmSnapshot      *snapshot)
{
  return am_snapshot_inventory_get_user (self->inventory, am_snapshot_get_snapshot_id (snapshot)) == NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  AmSnapshotsView *self = user_data;

  if (showing_bin (self) || !gtk_check_button_get_active (self->orphans_check))
    return TRUE;
  return is_orphan (self, item);
}

typedef enum
{
  COLUMN_ID,
  COLUMN_DESCRIPTION,
  COLUMN_SIZE,
  COLUMN_STARTED,
  COLUMN_USED_BY,
} Column;

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  AmSnapshotsView *self = g_object_get_data (G_OBJECT (factory), "view");
  Column column = GPOINTER_TO_INT (user_data);
  AmSnapshot *snapshot = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const char *id = am_snapshot_get_snapshot_id (snapshot);
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
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
    case COLUMN_USED_BY:
    default:
      text = g_strdup (g_hash_table_lookup (self->used_by, id));
      if (!showing_bin (self) && is_orphan (self, snapshot))
        gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
      break;
    }
  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

static void
add_column (AmSnapshotsView *self,
            const char      *title,
            Column           column,
            gboolean         expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_object_set_data (G_OBJECT (factory), "view", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_append_column (self->column_view, col);
  g_object_unref (col);
}

/* Shows the inventory's snapshots (or its Recycle Bin) in the list. */
static void
fill (AmSnapshotsView *self)
{
  GPtrArray *items = showing_bin (self) ? am_snapshot_inventory_get_recycled (self->inventory)
                                        : am_snapshot_inventory_get_snapshots (self->inventory);
  guint n_orphans = 0;
  g_autofree char *count = NULL;

  g_hash_table_remove_all (self->used_by);
  for (guint i = 0; i < items->len; i++)
    {
      AmSnapshot *sn = items->pdata[i];

      g_hash_table_insert (self->used_by, g_strdup (am_snapshot_get_snapshot_id (sn)), used_by_text (self, sn));
      if (!showing_bin (self) && is_orphan (self, sn))
        n_orphans++;
    }
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)), items->pdata,
                       items->len);
  if (showing_bin (self))
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u snapshot in the Recycle Bin",
                                          "%u snapshots in the Recycle Bin", items->len), items->len);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u snapshot, %u not used by any image",
                                          "%u snapshots, %u not used by any image", items->len),
                             items->len, n_orphans);
  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_sensitive (GTK_WIDGET (self->orphans_check), !showing_bin (self));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    {
      adw_status_page_set_title (self->empty_page,
                                 showing_bin (self) ? _("The Recycle Bin Holds No Snapshots")
                                 : gtk_check_button_get_active (self->orphans_check) ? _("No Orphaned Snapshots")
                                 : _("No Snapshots"));
      adw_status_page_set_description (self->empty_page,
                                       showing_bin (self)
                                       ? _("Deleted snapshots wait here only while a Recycle Bin retention rule for EBS snapshots keeps them.")
                                       : _("Every snapshot this account owns in the region is listed here. Create one from an instance's volume with Create Snapshot."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  update_actions (self);
}

static GPtrArray *
selected (AmSnapshotsView *self)
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
  g_autoptr (GPtrArray) rows = selected (self);
  g_autoptr (GString) s = g_string_new (NULL);
  AmSnapshot *sn;

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
  ROW (_("Used By"), g_hash_table_lookup (self->used_by, am_snapshot_get_snapshot_id (sn)));
  ROW (_("Description"), am_snapshot_get_description (sn));
  ROW (_("Volume"), am_snapshot_get_volume_id (sn));
  if (!showing_bin (self))
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

static void
update_actions (AmSnapshotsView *self)
{
  g_autoptr (GPtrArray) rows = selected (self);
  gboolean ready = client_of (self) != NULL && !self->changing;
  gboolean bin = showing_bin (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "snapshots.create", ready && !bin);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "snapshots.delete", ready && !bin && rows->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "snapshots.restore", ready && bin && rows->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "snapshots.refresh", client_of (self) != NULL && !self->loading);
  gtk_spinner_set_spinning (self->spinner, self->loading || self->changing);
  update_details (self);
}

/* --- listing ------------------------------------------------------------------------------- */

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
      self->loading = FALSE;
      am_error_state_set_error (self->error_state, _("Could Not List Snapshots"), error, operation,
                                am_session_get_profile_name (self->session),
                                am_session_get_endpoint (self->session));
      am_error_state_set_action (self->error_state, _("_Retry"), "snapshots.refresh");
      gtk_stack_set_visible_child_name (self->stack, "error");
      update_actions (self);
      return;
    }
  self->loading = FALSE;
  self->loaded = TRUE;
  fill (self);
}

void
am_snapshots_view_reload (AmSnapshotsView *self)
{
  AmEc2Client *client;

  g_return_if_fail (AM_IS_SNAPSHOTS_VIEW (self));

  client = client_of (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (client == NULL)
    {
      self->loading = FALSE;
      update_actions (self);
      return;
    }
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  if (!self->loaded)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  update_actions (self);
  am_snapshot_inventory_load_async (self->inventory, client, self->cancellable, load_cb, g_object_ref (self));
}

/* Listed when first shown (the window builds every view at start), then on F5 and changes. */
static void
client_changed_cb (AmSnapshotsView *self)
{
  self->loaded = FALSE;
  g_list_store_remove_all (self->store);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    am_snapshots_view_reload (self);
  else
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->loading = FALSE;
      gtk_stack_set_visible_child_name (self->stack, "loading");
      update_actions (self);
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

static void
am_snapshots_view_filter_toggled_cb (AmSnapshotsView *self)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->filtered);

  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  if (self->loaded)
    fill (self);
}

static void
am_snapshots_view_bin_toggled_cb (AmSnapshotsView *self)
{
  am_snapshots_view_filter_toggled_cb (self);
}

/* --- delete and restore, one snapshot at a time -------------------------------------------- */

typedef struct
{
  AmSnapshotsView *self;
  GPtrArray       *ids;       /* (element-type utf8) */
  guint            index;
  GPtrArray       *done;      /* (element-type utf8) the ids that succeeded */
  GString         *failures;
  gboolean         restore;
} Batch;

static void
batch_free (Batch *batch)
{
  g_object_unref (batch->self);
  g_ptr_array_unref (batch->ids);
  g_ptr_array_unref (batch->done);
  g_string_free (batch->failures, TRUE);
  g_free (batch);
}

static void batch_next (Batch *batch);

static void
show_failures (AmSnapshotsView *self,
               const char      *heading,
               const char      *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* After deleting: what the Recycle Bin kept, said plainly. */
static void
deleted_bin_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Batch *batch = user_data;
  AmSnapshotsView *self = batch->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) kept = NULL;
  g_autofree char *message = NULL;
  guint n = batch->done->len;

  kept = am_ec2_client_list_snapshots_in_recycle_bin_finish (AM_EC2_CLIENT (source), result, &error);
  if (kept == NULL)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Deleted %u snapshot; whether the Recycle Bin keeps it is unknown (%s)",
                                            "Deleted %u snapshots; whether the Recycle Bin keeps them is unknown (%s)", n),
                               n, error->message);
  else if (kept->len == 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Deleted %u snapshot for good: no Recycle Bin rule keeps it",
                                            "Deleted %u snapshots for good: no Recycle Bin rule keeps them", n), n);
  else
    {
      g_autofree char *until = am_time_format_local (am_snapshot_get_recycle_bin_exit_time (kept->pdata[0]));

      if (kept->len == n)
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Deleted %u snapshot; the Recycle Bin keeps it until %s, and Restore brings it back",
                                                "Deleted %u snapshots; the Recycle Bin keeps them until %s, and Restore brings them back",
                                                n), n, until);
      else
        message = g_strdup_printf (_("Deleted %u snapshots; the Recycle Bin keeps %u of them until %s"), n, kept->len,
                                   until);
    }
  toast (self, message);
  batch_free (batch);
}

static void
batch_finish (Batch *batch)
{
  AmSnapshotsView *self = batch->self;
  AmEc2Client *client = client_of (self);

  self->changing = FALSE;
  if (batch->failures->len > 0)
    show_failures (self, batch->restore ? _("Some Snapshots Were Not Restored") : _("Some Snapshots Were Not Deleted"),
                   batch->failures->str);
  am_snapshots_view_reload (self);
  if (batch->restore || batch->done->len == 0 || client == NULL)
    {
      if (batch->restore && batch->done->len > 0)
        {
          g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Restored %u snapshot",
                                                                   "Restored %u snapshots", batch->done->len),
                                                      batch->done->len);
          toast (self, message);
        }
      batch_free (batch);
      return;
    }
  g_ptr_array_add (batch->done, NULL);
  am_ec2_client_list_snapshots_in_recycle_bin_async (client, (const char * const *) batch->done->pdata, NULL,
                                                     deleted_bin_cb, batch);
  g_ptr_array_set_size (batch->done, batch->done->len - 1);
}

static void
batch_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Batch *batch = user_data;
  g_autoptr (GError) error = NULL;
  const char *id = batch->ids->pdata[batch->index];
  gboolean ok = batch->restore
                ? am_ec2_client_restore_snapshot_finish (AM_EC2_CLIENT (source), result, NULL, &error)
                : am_ec2_client_delete_snapshot_finish (AM_EC2_CLIENT (source), result, NULL, &error);

  if (ok)
    g_ptr_array_add (batch->done, g_strdup (id));
  else
    {
      g_autofree char *summary = am_error_state_summarize (error, NULL, NULL);

      g_string_append_printf (batch->failures, "%s: %s\n", id, summary);
      if (am_aws_error_get_maybe_applied (error))
        g_string_append_printf (batch->failures, "%s\n",
                                _("The answer was lost after the request was sent, so it was not sent again: "
                                  "the list shows whether it was done."));
    }
  batch->index++;
  batch_next (batch);
}

static void
batch_next (Batch *batch)
{
  AmEc2Client *client = client_of (batch->self);
  const char *id;

  if (batch->index >= batch->ids->len || client == NULL)
    return batch_finish (batch);
  id = batch->ids->pdata[batch->index];
  if (batch->restore)
    am_ec2_client_restore_snapshot_async (client, id, FALSE, NULL, batch_cb, batch);
  else
    am_ec2_client_delete_snapshot_async (client, id, FALSE, NULL, batch_cb, batch);
}

static void
start_batch (AmSnapshotsView *self,
             gboolean         restore)
{
  g_autoptr (GPtrArray) rows = selected (self);
  Batch *batch = g_new0 (Batch, 1);

  batch->self = g_object_ref (self);
  batch->ids = g_ptr_array_new_with_free_func (g_free);
  batch->done = g_ptr_array_new_with_free_func (g_free);
  batch->failures = g_string_new (NULL);
  batch->restore = restore;
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (batch->ids, g_strdup (am_snapshot_get_snapshot_id (rows->pdata[i])));
  self->changing = TRUE;
  update_actions (self);
  batch_next (batch);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    AmSnapshotsView  *self)
{
  if (g_strcmp0 (response, "delete") == 0 && client_of (self) != NULL && !self->changing)
    start_batch (self, FALSE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmSnapshotsView *self = AM_SNAPSHOTS_VIEW (widget);
  g_autoptr (GPtrArray) rows = selected (self);
  g_autoptr (GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  guint days = am_snapshot_inventory_get_observed_retention_days (self->inventory);
  guint n_used = 0;
  int gib = 0;
  AdwMessageDialog *dialog;

  if (rows->len == 0)
    return;
  for (guint i = 0; i < rows->len; i++)
    {
      AmSnapshot *sn = rows->pdata[i];

      gib += am_snapshot_get_volume_size (sn);
      if (!is_orphan (self, sn))
        n_used++;
      if (i < 8)
        g_string_append_printf (body, "%s  %s\n", am_snapshot_get_snapshot_id (sn),
                                (char *) g_hash_table_lookup (self->used_by, am_snapshot_get_snapshot_id (sn)));
    }
  if (rows->len > 8)
    g_string_append_printf (body, _("… and %u more\n"), rows->len - 8);
  g_string_append_printf (body, "\n%s ", _("Together:"));
  g_string_append_printf (body, _("%d GiB"), gib);
  g_string_append (body, "\n\n");
  if (n_used > 0)
    {
      g_string_append (body, _("EC2 refuses to delete a snapshot that a registered image uses: deregister the image first."));
      g_string_append (body, "\n\n");
    }
  if (days > 0)
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                               "The Recycle Bin keeps this account's deleted snapshots for %u day: while it does, they can be restored. Amiable says after deleting whether it kept these.",
                                               "The Recycle Bin keeps this account's deleted snapshots for %u days: while it does, they can be restored. Amiable says after deleting whether it kept these.",
                                               days), days);
  else
    g_string_append (body, _("No deleted snapshot is in the Recycle Bin now, so no rule is known to keep them: unless a Recycle Bin retention rule for EBS snapshots covers them, they are gone for good. Amiable says after deleting which it was."));
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u Snapshot?", "Delete %u Snapshots?", rows->len),
                             rows->len);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body->str));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AmSnapshotsView *self = AM_SNAPSHOTS_VIEW (widget);

  if (showing_bin (self) && !self->changing)
    start_batch (self, TRUE);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  am_snapshots_view_reload (AM_SNAPSHOTS_VIEW (widget));
}

/* --- Create Snapshot ----------------------------------------------------------------------- */

typedef struct
{
  AmSnapshotsView *self;
  GtkWindow       *window;
  AdwComboRow     *volume_row;
  AdwEntryRow     *description_row;
  GtkLabel        *status_label;
  GtkButton       *create_button;
  GtkSpinner      *spinner;
  GtkStringList   *volumes;        /* volume ids, parallel to the combo row's labels */
  GtkStringList   *labels;
  GPtrArray       *details;        /* (element-type utf8) "/dev/xvda of i-… (running)", parallel */
  gboolean         sent;           /* CreateSnapshot went out: never sent again */
} CreateDialog;

static void
create_dialog_free (gpointer data)
{
  CreateDialog *d = data;

  g_object_unref (d->self);
  g_clear_object (&d->volumes);
  g_ptr_array_unref (d->details);
  g_free (d);
}

static void
create_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GtkWindow) window = user_data;
  CreateDialog *d = g_object_get_data (G_OBJECT (window), "create-dialog");
  g_autoptr (AmSnapshot) snapshot = NULL;
  g_autoptr (GError) error = NULL;

  d->self->changing = FALSE;
  gtk_spinner_set_spinning (d->spinner, FALSE);
  if (!am_ec2_client_create_snapshot_finish (AM_EC2_CLIENT (source), result, &snapshot, NULL, &error))
    {
      g_autofree char *summary = am_error_state_summarize (error, NULL, NULL);
      g_autofree char *text = NULL;

      if (am_aws_error_get_maybe_applied (error))
        text = g_strdup_printf (_("%s The request may have reached EC2, so it was not sent again: close this "
                                  "dialog and look for the snapshot in the list before creating another."), summary);
      else
        {
          text = g_strdup (summary);
          /* Refused before anything was made: trying again is safe. */
          d->sent = FALSE;
          gtk_widget_set_sensitive (GTK_WIDGET (d->create_button), TRUE);
        }
      gtk_label_set_text (d->status_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (d->status_label), "error");
      am_snapshots_view_reload (d->self);
      return;
    }
  {
    g_autofree char *message = g_strdup_printf (_("Snapshot %s is being created from %s"),
                                                am_snapshot_get_snapshot_id (snapshot),
                                                am_snapshot_get_volume_id (snapshot));
    toast (d->self, message);
  }
  am_snapshots_view_reload (d->self);
  gtk_window_destroy (window);
}

static void
create_clicked_cb (GtkButton *button,
                   GtkWindow *window)
{
  CreateDialog *d = g_object_get_data (G_OBJECT (window), "create-dialog");
  AmEc2Client *client = client_of (d->self);
  guint pos = adw_combo_row_get_selected (d->volume_row);
  const char *volume_id;
  const char *description = gtk_editable_get_text (GTK_EDITABLE (d->description_row));

  if (d->sent || client == NULL || pos == GTK_INVALID_LIST_POSITION
      || pos >= g_list_model_get_n_items (G_LIST_MODEL (d->volumes)))
    return;
  volume_id = gtk_string_list_get_string (d->volumes, pos);
  d->sent = TRUE;
  d->self->changing = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (d->create_button), FALSE);
  gtk_spinner_set_spinning (d->spinner, TRUE);
  gtk_label_set_text (d->status_label, _("Creating the snapshot…"));
  gtk_widget_remove_css_class (GTK_WIDGET (d->status_label), "error");
  am_ec2_client_create_snapshot_async (client, volume_id, description[0] ? description : NULL, FALSE, NULL,
                                       create_cb, g_object_ref (window));
}

/* The combo row shows the volume id; its subtitle says whose volume it is. */
static void
volume_selected_cb (AdwComboRow  *row,
                    GParamSpec   *pspec,
                    CreateDialog *d)
{
  guint pos = adw_combo_row_get_selected (row);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), pos < d->details->len ? d->details->pdata[pos] : "");
}

static void
volumes_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (GtkWindow) window = user_data;
  CreateDialog *d = g_object_get_data (G_OBJECT (window), "create-dialog");
  g_autoptr (GPtrArray) instances = NULL;
  g_autoptr (GError) error = NULL;

  gtk_spinner_set_spinning (d->spinner, FALSE);
  instances = am_ec2_client_describe_instances_finish (AM_EC2_CLIENT (source), result, &error);
  if (instances == NULL)
    {
      g_autofree char *summary = am_error_state_summarize (error, NULL, NULL);

      gtk_label_set_text (d->status_label, summary);
      gtk_widget_add_css_class (GTK_WIDGET (d->status_label), "error");
      return;
    }
  for (guint i = 0; i < instances->len; i++)
    {
      AmInstance *in = instances->pdata[i];
      AmInstanceBlockDevice * const *devices = am_instance_get_block_devices (in);

      if (g_strcmp0 (am_instance_get_state_name (in), "terminated") == 0)
        continue;
      for (guint j = 0; devices[j] != NULL; j++)
        {
          const char *volume_id = am_instance_block_device_get_volume_id (devices[j]);
          g_autofree char *label = NULL;

          if (volume_id == NULL)
            continue;
          label = g_strdup_printf (_("%s (%s of %s, %s)"), volume_id,
                                   am_instance_block_device_get_device_name (devices[j]),
                                   am_instance_get_instance_id (in), am_instance_get_state_name (in));
          gtk_string_list_append (d->volumes, volume_id);
          g_ptr_array_add (d->details, g_steal_pointer (&label));
          gtk_string_list_append (d->labels, volume_id);
        }
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (d->volumes)) == 0)
    {
      gtk_label_set_text (d->status_label, _("No instance of this account in the region has a volume to snapshot."));
      return;
    }
  gtk_label_set_text (d->status_label, "");
  volume_selected_cb (d->volume_row, NULL, d);
  gtk_widget_set_sensitive (GTK_WIDGET (d->create_button), TRUE);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmSnapshotsView *self = AM_SNAPSHOTS_VIEW (widget);
  AmEc2Client *client = client_of (self);
  CreateDialog *d;
  GtkWidget *window, *header, *box, *group, *cancel, *status_box;

  if (client == NULL)
    return;
  d = g_new0 (CreateDialog, 1);
  d->self = g_object_ref (self);
  d->volumes = gtk_string_list_new (NULL);
  d->labels = gtk_string_list_new (NULL);
  d->details = g_ptr_array_new_with_free_func (g_free);

  window = adw_window_new ();
  d->window = GTK_WINDOW (window);
  gtk_window_set_title (GTK_WINDOW (window), _("Create Snapshot"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_set_default_size (GTK_WINDOW (window), 600, -1);
  g_object_set_data_full (G_OBJECT (window), "create-dialog", d, create_dialog_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  d->create_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("C_reate")));
  gtk_widget_add_css_class (GTK_WIDGET (d->create_button), "suggested-action");
  gtk_widget_set_sensitive (GTK_WIDGET (d->create_button), FALSE);
  g_signal_connect (d->create_button, "clicked", G_CALLBACK (create_clicked_cb), window);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (d->create_button));
  gtk_box_append (GTK_BOX (box), header);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A snapshot copies a volume of one of your instances as it is now. It is billed per GB-month until deleted, and no image uses it until you register one from it."));
  gtk_widget_set_margin_start (group, 12);
  gtk_widget_set_margin_end (group, 12);
  gtk_widget_set_margin_top (group, 12);
  d->volume_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->volume_row), _("_Volume"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (d->volume_row), TRUE);
  adw_combo_row_set_model (d->volume_row, G_LIST_MODEL (d->labels));
  g_signal_connect (d->volume_row, "notify::selected", G_CALLBACK (volume_selected_cb), d);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (d->volume_row));
  d->description_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (d->description_row), _("_Description"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (d->description_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (d->description_row));
  gtk_box_append (GTK_BOX (box), group);

  status_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (status_box, 12);
  gtk_widget_set_margin_end (status_box, 12);
  gtk_widget_set_margin_top (status_box, 12);
  gtk_widget_set_margin_bottom (status_box, 12);
  d->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_spinner_set_spinning (d->spinner, TRUE);
  gtk_box_append (GTK_BOX (status_box), GTK_WIDGET (d->spinner));
  d->status_label = GTK_LABEL (gtk_label_new (_("Listing the volumes of your instances…")));
  gtk_label_set_wrap (d->status_label, TRUE);
  gtk_label_set_xalign (d->status_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (d->status_label), TRUE);
  gtk_box_append (GTK_BOX (status_box), GTK_WIDGET (d->status_label));
  gtk_box_append (GTK_BOX (box), status_box);
  adw_window_set_content (ADW_WINDOW (window), box);
  g_object_unref (d->labels);  /* the combo row holds it */

  am_ec2_client_describe_instances_async (client, NULL, NULL, NULL, volumes_cb, g_object_ref (window));
  gtk_window_present (GTK_WINDOW (window));
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
    update_actions (self);
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
  gtk_widget_class_bind_template_callback (widget_class, am_snapshots_view_filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, am_snapshots_view_bin_toggled_cb);

  gtk_widget_class_install_action (widget_class, "snapshots.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "snapshots.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "snapshots.restore", NULL, restore_action);
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
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (update_actions), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (update_actions), self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  add_column (self, _("Snapshot"), COLUMN_ID, FALSE);
  add_column (self, _("Description"), COLUMN_DESCRIPTION, TRUE);
  add_column (self, _("Size"), COLUMN_SIZE, FALSE);
  add_column (self, _("Started"), COLUMN_STARTED, FALSE);
  add_column (self, _("Used By"), COLUMN_USED_BY, TRUE);
  am_adaptive_follow_list (self->column_view);

  /* Managed scope: F5 reaches the view wherever the focus is in the window, while it is shown. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F5, 0),
                                                          gtk_named_action_new ("snapshots.refresh")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  update_actions (self);
}
