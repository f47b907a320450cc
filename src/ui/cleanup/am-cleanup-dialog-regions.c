/* am-cleanup-dialog-regions.c: the Cleanup assistant over every enabled Region at once
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-cleanup-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "am-cleanup-dialog-private.h"

/* "us-east-1: done · eu-west-1: reading…": how far each Region is, while loading. */
static void
update_loading_label (AmCleanupDialog *self)
{
  g_auto (GStrv) regions = am_region_fanout_dup_regions (self->fanout);
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; regions[i] != NULL; i++)
    {
      AmRegionJobState state = am_region_fanout_get_region_state (self->fanout, regions[i]);

      if (text->len > 0)
        g_string_append (text, " · ");
      if (state == AM_REGION_JOB_DONE)
        /* Translators: a Region whose images were read, in the Cleanup assistant's progress */
        g_string_append_printf (text, _("%s: read"), regions[i]);
      else if (state == AM_REGION_JOB_FAILED)
        g_string_append_printf (text, _("%s: failed"), regions[i]);
      else
        g_string_append_printf (text, _("%s: reading…"), regions[i]);
    }
  gtk_label_set_text (self->loading_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->loading_label), text->len > 0);
}

/* Each Region that could not be read, with why: its images are not in the plan. */
static void
update_failed_label (AmCleanupDialog *self)
{
  g_auto (GStrv) regions = NULL;
  g_autoptr (GString) text = g_string_new (NULL);

  if (self->fanout != NULL && self->all_regions)
    {
      regions = am_region_fanout_dup_regions (self->fanout);
      for (guint i = 0; regions[i] != NULL; i++)
        {
          const GError *error = am_region_fanout_get_region_error (self->fanout, regions[i]);
          g_autofree char *reason = NULL;

          if (am_region_fanout_get_region_state (self->fanout, regions[i]) != AM_REGION_JOB_FAILED || error == NULL)
            continue;
          reason = am_region_fanout_describe_error (self->fanout, error);
          if (text->len > 0)
            g_string_append_c (text, '\n');
          /* Translators: "eu-west-1: could not connect. Its images are not in this plan; the other Regions are." */
          g_string_append_printf (text, _("%s: %s. Its images are not in this plan; the other Regions are."),
                                  regions[i], reason);
          g_string_append_printf (text, "\n    %s", error->message);
        }
    }
  gtk_label_set_text (self->regions_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->regions_box), text->len > 0);
}

/* "region-changed" comes before "loading" follows it (a Retry starts with the Regions
 * waiting, "loading" still FALSE): the Regions' states tell too. */
static gboolean
fanout_busy (AmCleanupDialog *self)
{
  g_auto (GStrv) regions = am_region_fanout_dup_regions (self->fanout);

  if (am_region_fanout_get_loading (self->fanout))
    return TRUE;
  for (guint i = 0; regions[i] != NULL; i++)
    {
      AmRegionJobState state = am_region_fanout_get_region_state (self->fanout, regions[i]);

      if (state == AM_REGION_JOB_WAITING || state == AM_REGION_JOB_RUNNING)
        return TRUE;
    }
  return FALSE;
}

static void
fanout_changed_cb (AmCleanupDialog *self)
{
  const GError *error;

  if (!self->all_regions || self->page != PAGE_LOADING)
    return;
  update_loading_label (self);
  if (fanout_busy (self))
    return;
  error = am_region_fanout_get_error (self->fanout);
  if (error != NULL)
    {
      _am_cleanup_dialog_show_error (self, _("Could Not List the Regions"), error);
      return;
    }
  am_cleanup_plan_take_regions (self->plan, am_region_fanout_get_items (self->fanout));
  _am_cleanup_dialog_set_page (self, PAGE_PREVIEW);
  update_failed_label (self);
  _am_cleanup_dialog_apply_rules (self);
}

void
_am_cleanup_dialog_load_regions (AmCleanupDialog *self)
{
  if (self->fanout == NULL)
    {
      self->fanout = am_cleanup_plan_new_region_fanout (self->client);
      g_signal_connect_object (self->fanout, "region-changed", G_CALLBACK (fanout_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->fanout, "notify::loading", G_CALLBACK (fanout_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->fanout, "notify::error", G_CALLBACK (fanout_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_label_set_text (self->loading_label, "");
  _am_cleanup_dialog_set_page (self, PAGE_LOADING);
  am_region_fanout_start (self->fanout);
}

void
_am_cleanup_dialog_retry_regions (AmCleanupDialog *self)
{
  if (self->fanout == NULL || !self->all_regions || self->page != PAGE_PREVIEW)
    return;
  _am_cleanup_dialog_set_page (self, PAGE_LOADING);
  update_loading_label (self);
  am_region_fanout_retry (self->fanout, NULL);
  /* Nothing was asked (no Region had failed): the plan stands. */
  fanout_changed_cb (self);
}

void
_am_cleanup_dialog_leave_regions (AmCleanupDialog *self)
{
  if (self->fanout != NULL)
    am_region_fanout_cancel (self->fanout);
  gtk_widget_set_visible (GTK_WIDGET (self->loading_label), FALSE);
  update_failed_label (self);
}

void
_am_cleanup_dialog_remember_region (AmCleanupDialog *self,
                                    const char      *id,
                                    AmImage         *image)
{
  const char *region = am_image_get_region (image);

  if (region != NULL)
    g_hash_table_replace (self->id_regions, g_strdup (id), (gpointer) g_intern_string (region));
}

const char *
_am_cleanup_dialog_region_of (AmCleanupDialog *self,
                              const char      *id)
{
  return g_hash_table_lookup (self->id_regions, id);
}

AmEc2Client *
_am_cleanup_dialog_client_for (AmCleanupDialog *self,
                               const char      *id)
{
  const char *region = _am_cleanup_dialog_region_of (self, id);
  AmEc2Client *client;

  /* The image's own Region: what the fanout read it with. */
  if (region == NULL || self->fanout == NULL)
    return self->client;
  client = am_region_fanout_get_client (self->fanout, region);
  return client != NULL ? client : self->client;
}
