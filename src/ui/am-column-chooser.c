/* am-column-chooser.c: which columns of a GtkColumnView are shown, kept between runs, and its sort column
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-column-chooser"

#include "config.h"

#include "am-column-chooser.h"

struct _AmColumnChooser
{
  GObject parent_instance;

  /* borrowed references */
  GtkColumnView *view;             /* a weak pointer */
  const AmColumnInfo *info;

  /* owned references */
  GtkColumnViewColumn **columns;   /* every column, shown or not: the view drops hidden ones */
  GSimpleActionGroup *actions;     /* columns.ID, stateful booleans */
  GMenu *menu;
  GSettings *settings;
  GObject *probe[2];
  char *key;

  /* state */
  guint n_columns;
  int probed_column;               /* the primary sort column a probe met, or -1 */
  guint scroll_tick_id;
  guint scroll_ticks;
  GtkColumnViewColumn *scroll_column;   /* borrowed from columns[] */
};

G_DEFINE_FINAL_TYPE (AmColumnChooser, am_column_chooser, G_TYPE_OBJECT)

enum {
  COLUMN_HIDDEN,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static GQuark probe_quark;

typedef struct
{
  AmColumnCompareFunc compare;
  guint column;
} ColumnSort;

/*
 * GTK 4.8 has no getter for the column view's primary sort column, so each column's sorter
 * also recognizes two probe objects: comparing them through the column view's sorter reaches
 * the primary column's sorter first, which records itself and ends the comparison; the sign
 * of the result gives the direction.
 */
static int
column_sort_func (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  ColumnSort *sort = user_data;
  AmColumnChooser *self = g_object_get_qdata ((GObject *) a, probe_quark);

  if (G_UNLIKELY (self != NULL))
    {
      self->probed_column = sort->column;
      return GTK_ORDERING_SMALLER;
    }
  if (sort->compare == NULL)
    return GTK_ORDERING_EQUAL;

  return sort->compare (a, b, sort->column);
}

static int
column_index (AmColumnChooser     *self,
              GtkColumnViewColumn *column)
{
  for (guint i = 0; i < self->n_columns; i++)
    if (self->columns[i] == column)
      return i;

  return -1;
}

gboolean
am_column_chooser_is_shown (AmColumnChooser *self,
                            guint            column)
{
  g_return_val_if_fail (AM_IS_COLUMN_CHOOSER (self), FALSE);
  g_return_val_if_fail (column < self->n_columns, FALSE);

  return self->view != NULL && gtk_column_view_column_get_column_view (self->columns[column]) == self->view;
}

/* Keeps the shown columns for the next run, in the table's order. */
static void
save_columns (AmColumnChooser *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) ids = NULL;

  for (guint i = 0; i < self->n_columns; i++)
    if (am_column_chooser_is_shown (self, i))
      g_strv_builder_add (builder, self->info[i].id);
  ids = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, self->key, (const char * const *) ids);
}

/* Before the first shown column that comes after @column in the table, so a column shown
 * again lands where it belongs even after the user reordered the others. */
static void
insert_in_order (AmColumnChooser     *self,
                 GtkColumnViewColumn *column)
{
  GListModel *shown = gtk_column_view_get_columns (self->view);
  guint n = g_list_model_get_n_items (shown);
  int index = column_index (self, column);
  guint position = n;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkColumnViewColumn) other = g_list_model_get_item (shown, i);

      if (column_index (self, other) > index)
        {
          position = i;
          break;
        }
    }
  gtk_column_view_insert_column (self->view, position, column);
}

/* The header's title of the column at @position (the header lists them in the view's order). */
static GtkWidget *
column_title (GtkColumnView *view,
              guint          position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), "header") == 0)
      {
        GtkWidget *title = gtk_widget_get_first_child (child);

        for (guint i = 0; title != NULL && i < position; i++)
          title = gtk_widget_get_next_sibling (title);
        return title;
      }

  return NULL;
}

static void
scroll_to_column (AmColumnChooser *self)
{
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->view));
  GListModel *shown = gtk_column_view_get_columns (self->view);
  GtkWidget *title = NULL;
  graphene_rect_t bounds;
  double view_width = gtk_widget_get_width (GTK_WIDGET (self->view));
  double delta = 0;

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (shown, i);

      if (column == self->scroll_column)
        title = column_title (self->view, i);
    }
  if (hadjustment == NULL || title == NULL
      || !gtk_widget_compute_bounds (title, GTK_WIDGET (self->view), &bounds))
    return;

  /* Its right edge into view, but never its left edge out of it. */
  if (bounds.origin.x + bounds.size.width > view_width)
    delta = MIN (bounds.origin.x + bounds.size.width - view_width, bounds.origin.x);
  else if (bounds.origin.x < 0)
    delta = bounds.origin.x;
  if (delta != 0)
    gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_value (hadjustment) + delta);
}

/* The column is placed by the next layout: measured on the frame after it. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  AmColumnChooser *self = user_data;

  if (self->scroll_ticks++ < 1)
    return G_SOURCE_CONTINUE;

  self->scroll_tick_id = 0;
  if (self->scroll_column != NULL && gtk_column_view_column_get_column_view (self->scroll_column) == self->view)
    scroll_to_column (self);
  self->scroll_column = NULL;

  return G_SOURCE_REMOVE;
}

static void
queue_scroll_to (AmColumnChooser     *self,
                 GtkColumnViewColumn *column)
{
  self->scroll_column = column;
  self->scroll_ticks = 0;
  if (self->scroll_tick_id == 0)
    self->scroll_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->view), scroll_tick_cb, self, NULL);
}

static void
column_visible_changed_cb (GSimpleAction *action,
                           GVariant      *value,
                           gpointer       user_data)
{
  AmColumnChooser *self = user_data;
  int index = am_column_chooser_lookup (self, g_action_get_name (G_ACTION (action)));
  GtkColumnViewColumn *column;
  gboolean shown;

  g_assert (index >= 0);
  if (self->view == NULL)
    return;
  column = self->columns[index];
  shown = am_column_chooser_is_shown (self, index);
  g_simple_action_set_state (action, value);

  if (g_variant_get_boolean (value) && !shown)
    {
      insert_in_order (self, column);
      queue_scroll_to (self, column);
    }
  else if (!g_variant_get_boolean (value) && shown)
    {
      gboolean was_sorted = am_column_chooser_get_sort_column (self, NULL) == index;

      gtk_column_view_remove_column (self->view, column);
      g_signal_emit (self, signals[COLUMN_HIDDEN], 0, (guint) index, was_sorted);
    }
  save_columns (self);
}

static void
am_column_chooser_dispose (GObject *object)
{
  AmColumnChooser *self = AM_COLUMN_CHOOSER (object);

  if (self->scroll_tick_id != 0 && self->view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->view), self->scroll_tick_id);
  self->scroll_tick_id = 0;
  g_clear_weak_pointer (&self->view);
  for (guint i = 0; self->columns != NULL && i < self->n_columns; i++)
    g_clear_object (&self->columns[i]);
  g_clear_object (&self->actions);
  g_clear_object (&self->menu);
  g_clear_object (&self->settings);
  for (guint i = 0; i < G_N_ELEMENTS (self->probe); i++)
    g_clear_object (&self->probe[i]);

  G_OBJECT_CLASS (am_column_chooser_parent_class)->dispose (object);
}

static void
am_column_chooser_finalize (GObject *object)
{
  AmColumnChooser *self = AM_COLUMN_CHOOSER (object);

  g_free (self->columns);
  g_free (self->key);

  G_OBJECT_CLASS (am_column_chooser_parent_class)->finalize (object);
}

static void
am_column_chooser_class_init (AmColumnChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_column_chooser_dispose;
  object_class->finalize = am_column_chooser_finalize;

  /**
   * AmColumnChooser::column-hidden:
   * @index: the column taken out of the view
   * @was_sorted: whether the view was sorted by it first; GtkColumnViewSorter then promotes
   *   an older column (arrows and an order the user no longer sees): the owner sorts again.
   */
  signals[COLUMN_HIDDEN] =
    g_signal_new ("column-hidden", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);

  probe_quark = g_quark_from_static_string ("am-column-chooser-probe");
}

static void
am_column_chooser_init (AmColumnChooser *self)
{
  self->probed_column = -1;
  self->actions = g_simple_action_group_new ();
  self->menu = g_menu_new ();
  for (guint i = 0; i < G_N_ELEMENTS (self->probe); i++)
    {
      self->probe[i] = g_object_new (G_TYPE_OBJECT, NULL);
      g_object_set_qdata (self->probe[i], probe_quark, self);
    }
}

AmColumnChooser *
am_column_chooser_new (GtkColumnView              *view,
                       GtkColumnViewColumn * const *columns,
                       const AmColumnInfo         *info,
                       guint                       n_columns,
                       AmColumnCompareFunc         compare,
                       GSettings                  *settings,
                       const char                 *key)
{
  AmColumnChooser *self;
  g_auto (GStrv) saved = NULL;
  gboolean any_saved = FALSE;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);
  g_return_val_if_fail (columns != NULL && info != NULL, NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  self = g_object_new (AM_TYPE_COLUMN_CHOOSER, NULL);
  g_set_weak_pointer (&self->view, view);
  self->info = info;
  self->n_columns = n_columns;
  self->columns = g_new0 (GtkColumnViewColumn *, n_columns);
  self->settings = g_object_ref (settings);
  self->key = g_strdup (key);

  /* A list naming no known column (hand-edited, or from a later version) means the defaults. */
  saved = g_settings_get_strv (settings, key);
  for (guint i = 0; i < n_columns; i++)
    any_saved |= g_strv_contains ((const char * const *) saved, info[i].id);

  for (guint i = 0; i < n_columns; i++)
    {
      gboolean visible = any_saved ? g_strv_contains ((const char * const *) saved, info[i].id)
                                   : info[i].visible;
      gboolean in_view = gtk_column_view_column_get_column_view (columns[i]) == view;
      ColumnSort *sort = g_new0 (ColumnSort, 1);
      g_autoptr (GtkSorter) sorter = NULL;
      g_autoptr (GSimpleAction) action = NULL;
      g_autofree char *action_name = NULL;

      self->columns[i] = g_object_ref (columns[i]);
      sort->compare = compare;
      sort->column = i;
      sorter = GTK_SORTER (gtk_custom_sorter_new (column_sort_func, sort, g_free));
      gtk_column_view_column_set_sorter (columns[i], sorter);
      if (visible && !in_view)
        gtk_column_view_append_column (view, columns[i]);
      else if (!visible && in_view)
        gtk_column_view_remove_column (view, columns[i]);

      action = g_simple_action_new_stateful (info[i].id, NULL, g_variant_new_boolean (visible));
      g_signal_connect_object (action, "change-state", G_CALLBACK (column_visible_changed_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (self->actions), G_ACTION (action));
      action_name = g_strdup_printf ("columns.%s", info[i].id);
      g_menu_append (self->menu, gtk_column_view_column_get_title (columns[i]), action_name);
    }

  return self;
}

GActionGroup *
am_column_chooser_get_action_group (AmColumnChooser *self)
{
  g_return_val_if_fail (AM_IS_COLUMN_CHOOSER (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

GMenuModel *
am_column_chooser_get_menu (AmColumnChooser *self)
{
  g_return_val_if_fail (AM_IS_COLUMN_CHOOSER (self), NULL);

  return G_MENU_MODEL (self->menu);
}

GtkColumnViewColumn *
am_column_chooser_get_column (AmColumnChooser *self,
                              guint            column)
{
  g_return_val_if_fail (AM_IS_COLUMN_CHOOSER (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->columns[column];
}

int
am_column_chooser_get_sort_column (AmColumnChooser *self,
                                   gboolean        *descending)
{
  GtkOrdering order = GTK_ORDERING_EQUAL;

  g_return_val_if_fail (AM_IS_COLUMN_CHOOSER (self), -1);

  self->probed_column = -1;
  if (self->view != NULL)
    order = gtk_sorter_compare (gtk_column_view_get_sorter (self->view), self->probe[0], self->probe[1]);
  if (descending != NULL)
    *descending = order == GTK_ORDERING_LARGER;

  return self->probed_column;
}

int
am_column_chooser_lookup (AmColumnChooser *self,
                          const char      *id)
{
  g_return_val_if_fail (AM_IS_COLUMN_CHOOSER (self), -1);

  for (guint i = 0; i < self->n_columns; i++)
    if (g_strcmp0 (self->info[i].id, id) == 0)
      return i;

  return -1;
}

const char *
am_column_chooser_get_id (AmColumnChooser *self,
                          guint            column)
{
  g_return_val_if_fail (AM_IS_COLUMN_CHOOSER (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->info[column].id;
}
