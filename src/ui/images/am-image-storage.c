/* am-image-storage.c: the details pane's Storage row: an owned image's snapshots and what they cost a month
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-image-storage"

#include "config.h"

#include <glib/gi18n.h>

#include "am-image-storage.h"

struct _AmImageStorage
{
  AdwPreferencesGroup parent_instance;

  /* widgets */
  AdwActionRow *row;
  GtkWidget    *retry_button;

  /* owned references */
  GSettings     *settings;
  AmEc2Client   *client;
  AmImage       *image;
  GCancellable  *cancellable;
  AmStorageCost *cost;       /* the answer, NULL while asking or after a failure */
  char          *error;      /* what went wrong, in words */
  char          *text;

  /* state */
  gboolean loaded;
};

G_DEFINE_FINAL_TYPE (AmImageStorage, am_image_storage, ADW_TYPE_PREFERENCES_GROUP)

char *
am_storage_cost_format (AmStorageCost *cost,
                        GSettings     *settings)
{
  double monthly;

  g_return_val_if_fail (cost != NULL, NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  monthly = am_storage_cost_get_monthly (cost, g_settings_get_double (settings, "snapshot-rate-standard"),
                                         g_settings_get_double (settings, "snapshot-rate-archive"));
  /* Translators: a size of snapshots and what it costs, e.g. "up to 16 GB, about 0.80 USD a month" */
  return g_strdup_printf (_("up to %.0f GB, about %.2f USD a month"), am_storage_cost_get_total_gb (cost), monthly);
}

GtkWidget *
am_storage_cost_new_explanation_button (void)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *label = gtk_label_new (_("These figures are an upper bound. Snapshots are incremental, but EC2 does not tell how much of each one is new data, so every snapshot counts its full size.\n\n"
                                      "A snapshot that several images share counts in the figure of each of them, but only once in totals.\n\n"
                                      "Snapshots in the archive tier use the archive rate. Change the rates per GB-month in Preferences."));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), label);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "help-about-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Why an Upper Bound?"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Why an Upper Bound?"), -1);
  return button;
}

static void
show (AmImageStorage *self)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->retry_button, self->error != NULL);
  if (self->error != NULL)
    text = g_strdup_printf (_("Could not read the sizes of this image's snapshots: %s"), self->error);
  else if (self->cost == NULL)
    text = g_strdup (_("Reading the sizes of its snapshots…"));
  else if (am_storage_cost_get_n_snapshots (self->cost) == 0)
    text = g_strdup (_("No EBS snapshots: this image costs no snapshot storage"));
  else
    {
      g_autoptr (GString) s = g_string_new (NULL);
      g_autofree char *total = am_storage_cost_format (self->cost, self->settings);
      guint n = am_storage_cost_get_n_snapshots (self->cost);
      struct { AmStorageTier tier; const char *key; const char *name; } tiers[] = {
        { AM_STORAGE_TIER_STANDARD, "snapshot-rate-standard", N_("Standard tier") },
        { AM_STORAGE_TIER_ARCHIVE, "snapshot-rate-archive", N_("Archive tier") },
      };

      /* Translators: %s is e.g. "up to 16 GB, about 0.80 USD a month" */
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u snapshot, %s", "%u snapshots, %s", n), n, total);
      for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
        if (am_storage_cost_get_n_in_tier (self->cost, tiers[i].tier) > 0)
          /* Translators: "Standard tier: 16 GB at 0.050 USD per GB-month" */
          g_string_append_printf (s, _("\n%s: %.0f GB at %.4g USD per GB-month"), _(tiers[i].name),
                                  am_storage_cost_get_gb (self->cost, tiers[i].tier),
                                  g_settings_get_double (self->settings, tiers[i].key));
      text = g_string_free (g_steal_pointer (&s), FALSE);
    }
  adw_action_row_set_subtitle (self->row, text);
  g_free (self->text);
  self->text = g_steal_pointer (&text);
}

static void
snapshots_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (AmImageStorage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) snapshots = NULL;
  g_autoptr (GHashTable) known = NULL;

  snapshots = am_ec2_client_describe_snapshots_finish (AM_EC2_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loaded = TRUE;
  if (snapshots == NULL)
    {
      self->error = g_strdup (error->message);
      show (self);
      return;
    }
  /* Every snapshot counts as DescribeSnapshots tells it (size, tier); one it did not list
   * counts its mapping's size. */
  known = am_storage_cost_index_snapshots (snapshots);
  self->cost = am_storage_cost_new ();
  am_storage_cost_add_image (self->cost, self->image, known);
  show (self);
}

static void
load (AmImageStorage *self)
{
  g_auto (GStrv) ids = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->cost, am_storage_cost_free);
  g_clear_pointer (&self->error, g_free);
  self->loaded = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self), self->client != NULL && self->image != NULL);
  if (self->client == NULL || self->image == NULL)
    return;

  ids = am_storage_cost_image_snapshot_ids (self->image);
  if (ids[0] == NULL)
    {
      self->cost = am_storage_cost_new ();
      self->loaded = TRUE;
      show (self);
      return;
    }
  show (self);
  self->cancellable = g_cancellable_new ();
  am_ec2_client_describe_snapshots_async (self->client, (const char * const *) ids, NULL, NULL, self->cancellable,
                                          snapshots_cb, g_object_ref (self));
}

static void
retry_clicked_cb (AmImageStorage *self)
{
  load (self);
}

static void
rates_changed_cb (AmImageStorage *self)
{
  if (self->cost != NULL)
    show (self);
}

static void
am_image_storage_dispose (GObject *object)
{
  AmImageStorage *self = AM_IMAGE_STORAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->client);
  g_clear_object (&self->image);
  g_clear_pointer (&self->cost, am_storage_cost_free);

  G_OBJECT_CLASS (am_image_storage_parent_class)->dispose (object);
}

static void
am_image_storage_finalize (GObject *object)
{
  AmImageStorage *self = AM_IMAGE_STORAGE (object);

  g_free (self->error);
  g_free (self->text);

  G_OBJECT_CLASS (am_image_storage_parent_class)->finalize (object);
}

static void
am_image_storage_class_init (AmImageStorageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_image_storage_dispose;
  object_class->finalize = am_image_storage_finalize;
}

static void
am_image_storage_init (AmImageStorage *self)
{
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::snapshot-rate-standard", G_CALLBACK (rates_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::snapshot-rate-archive", G_CALLBACK (rates_changed_cb), self,
                           G_CONNECT_SWAPPED);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Storage Cost"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("What this image's snapshots cost to keep, estimated from the rates in Preferences."));
  self->row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->row), _("Storage"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->row), FALSE);
  adw_action_row_set_subtitle_lines (self->row, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->row), "property");

  self->retry_button = gtk_button_new_with_mnemonic (_("_Retry"));
  gtk_widget_set_valign (self->retry_button, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->retry_button, FALSE);
  g_signal_connect_swapped (self->retry_button, "clicked", G_CALLBACK (retry_clicked_cb), self);
  adw_action_row_add_suffix (self->row, self->retry_button);
  adw_action_row_add_suffix (self->row, am_storage_cost_new_explanation_button ());
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->row));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
am_image_storage_set_image (AmImageStorage *self,
                            AmEc2Client    *client,
                            AmImage        *image)
{
  g_return_if_fail (AM_IS_IMAGE_STORAGE (self));
  g_return_if_fail (client == NULL || AM_IS_EC2_CLIENT (client));
  g_return_if_fail (image == NULL || AM_IS_IMAGE (image));

  if (self->client == client && self->image == image)
    return;
  g_set_object (&self->client, client);
  g_set_object (&self->image, image);
  load (self);
}

gboolean
am_image_storage_is_loaded (AmImageStorage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_STORAGE (self), FALSE);

  return self->loaded;
}

const char *
am_image_storage_get_text (AmImageStorage *self)
{
  g_return_val_if_fail (AM_IS_IMAGE_STORAGE (self), NULL);

  return self->text;
}
