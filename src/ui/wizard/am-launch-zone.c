/* am-launch-zone.c: one zone of a launch's plan as rows of a list: its dry run or its launch
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-launch-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "am-instance.h"
#include "am-launch-step.h"
#include "am-launch-zone.h"

void
am_launch_zone_free (AmLaunchZone *zone)
{
  g_clear_object (&zone->subnet);
  g_clear_error (&zone->error);
  g_clear_pointer (&zone->instances, g_ptr_array_unref);
  g_free (zone);
}

/* The window @widget is in: the wizard */
static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The Instances view lives in the main window that opened the wizard, if any. */
gboolean
am_launch_can_show_instances (GtkWidget *widget)
{
  GtkWindow *window = window_of (widget);

  return window != NULL && gtk_window_get_transient_for (window) != NULL;
}

void
am_launch_show_in_instances (GtkWidget          *widget,
                             const char * const *instance_ids)
{
  GtkWindow *window = window_of (widget);
  GtkWindow *parent = window != NULL ? gtk_window_get_transient_for (window) : NULL;
  g_autoptr (GVariant) ids = g_variant_ref_sink (g_variant_new_strv (instance_ids, -1));

  if (parent != NULL && gtk_widget_activate_action_variant (GTK_WIDGET (parent), "win.show-instances", ids))
    gtk_window_present (parent);
}

static gboolean
instance_link_cb (GtkLabel   *label,
                  const char *uri,
                  gpointer    user_data)
{
  const char *ids[] = { uri, NULL };

  am_launch_show_in_instances (GTK_WIDGET (label), ids);
  return TRUE;
}

/* The new instances' IDs, each a link to it in the Instances view when there is one. */
static void
zone_show_instances (AmLaunchZone *zone)
{
  g_autoptr (GString) markup = g_string_new (NULL);
  gboolean links = am_launch_can_show_instances (zone->detail);

  for (guint i = 0; i < zone->instances->len; i++)
    {
      const char *id = am_instance_get_instance_id (g_ptr_array_index (zone->instances, i));
      g_autofree char *escaped = g_markup_escape_text (id, -1);

      if (i > 0)
        g_string_append (markup, ", ");
      if (links)
        {
          g_autofree char *title = g_strdup_printf (_("Show %s in Instances"), id);
          g_autofree char *escaped_title = g_markup_escape_text (title, -1);

          g_string_append_printf (markup, "<a href=\"%s\" title=\"%s\">%s</a>", escaped, escaped_title, escaped);
        }
      else
        g_string_append (markup, escaped);
    }
  gtk_label_set_markup (GTK_LABEL (zone->detail), markup->str);
  gtk_widget_remove_css_class (zone->detail, "error");
  gtk_widget_set_visible (zone->detail_row, zone->instances->len > 0);
}

static void
fix_clicked_cb (GtkButton    *button,
                AmLaunchZone *zone)
{
  if (zone->error != NULL && zone->fix != NULL)
    zone->fix (zone, zone->fix_data);
}

void
am_launch_zone_show (AmLaunchZone *zone)
{
  gboolean dry_run = zone->dry_run;
  g_autofree char *text = NULL;
  AmLaunchStep fix_step = AM_LAUNCH_STEP_REVIEW;

  switch (zone->state)
    {
    case AM_LAUNCH_ZONE_WAITING:
      text = g_strdup (dry_run ? _("Waiting") : _("Waiting to launch"));
      break;
    case AM_LAUNCH_ZONE_RUNNING:
      text = g_strdup (dry_run ? _("Checking…") : _("Launching…"));
      break;
    case AM_LAUNCH_ZONE_DONE:
      if (dry_run)
        text = g_strdup (_("Dry run passed"));
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Launched %u instance", "Launched %u instances",
                                             zone->instances != NULL ? zone->instances->len : 0),
                                zone->instances != NULL ? zone->instances->len : 0);
      break;
    case AM_LAUNCH_ZONE_FAILED:
      /* The message, often long, goes under the row; the row's end only says it failed. */
      text = g_strdup (_("Failed"));
      fix_step = zone->error != NULL ? am_launch_step_for_error (zone->error) : AM_LAUNCH_STEP_REVIEW;
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (GTK_LABEL (zone->status), text);
  gtk_widget_set_tooltip_text (zone->status, text);
  gtk_label_set_selectable (GTK_LABEL (zone->detail), zone->state == AM_LAUNCH_ZONE_FAILED);
  if (zone->state == AM_LAUNCH_ZONE_DONE && zone->instances != NULL)
    zone_show_instances (zone);
  else if (zone->state == AM_LAUNCH_ZONE_FAILED && zone->error != NULL)
    {
      gtk_label_set_text (GTK_LABEL (zone->detail), zone->error->message);
      gtk_widget_add_css_class (zone->detail, "error");
      gtk_widget_set_visible (zone->detail_row, TRUE);
    }
  else
    gtk_widget_set_visible (zone->detail_row, FALSE);
  gtk_widget_remove_css_class (zone->status, "error");
  gtk_widget_remove_css_class (zone->status, "success");
  if (zone->state == AM_LAUNCH_ZONE_FAILED)
    gtk_widget_add_css_class (zone->status, "error");
  else if (zone->state == AM_LAUNCH_ZONE_DONE)
    gtk_widget_add_css_class (zone->status, "success");
  gtk_widget_set_visible (zone->spinner, zone->state == AM_LAUNCH_ZONE_RUNNING);
  gtk_spinner_set_spinning (GTK_SPINNER (zone->spinner), zone->state == AM_LAUNCH_ZONE_RUNNING);
  if (zone->fix_button != NULL)
    {
      gtk_widget_set_visible (zone->fix_button, zone->state == AM_LAUNCH_ZONE_FAILED && fix_step != AM_LAUNCH_STEP_REVIEW);
      if (fix_step != AM_LAUNCH_STEP_REVIEW)
        {
          g_autofree char *label = g_strdup_printf (_("Fix in %s"), am_launch_step_get_title (fix_step));

          gtk_button_set_label (GTK_BUTTON (zone->fix_button), label);
        }
    }
}

AmLaunchZone *
am_launch_zone_new (const AmLaunchPlacement *placement,
                    GtkListBox              *list,
                    gboolean                 dry_run,
                    gboolean                 template_mode,
                    AmLaunchZoneFix          fix,
                    gpointer                 fix_data)
{
  AmLaunchZone *zone = g_new0 (AmLaunchZone, 1);
  g_autofree char *subtitle = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  zone->dry_run = dry_run;
  zone->fix = fix;
  zone->fix_data = fix_data;
  zone->subnet = g_object_ref (placement->subnet);
  zone->count = placement->count;
  zone->row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (zone->row), am_subnet_get_availability_zone (zone->subnet));
  if (dry_run && template_mode)
    subtitle = g_strdup_printf (_("Checked with one instance in %s"), am_subnet_get_subnet_id (zone->subnet));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u instance in %s", "%u instances in %s", zone->count),
                                zone->count, am_subnet_get_subnet_id (zone->subnet));
  adw_action_row_set_subtitle (zone->row, subtitle);
  gtk_widget_set_name (GTK_WIDGET (zone->row), am_subnet_get_availability_zone (zone->subnet));
  zone->spinner = gtk_spinner_new ();
  adw_action_row_add_prefix (zone->row, zone->spinner);
  zone->status = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (zone->status), TRUE);
  gtk_label_set_xalign (GTK_LABEL (zone->status), 1);
  gtk_label_set_width_chars (GTK_LABEL (zone->status), 24);
  gtk_label_set_max_width_chars (GTK_LABEL (zone->status), 48);
  gtk_label_set_selectable (GTK_LABEL (zone->status), TRUE);
  gtk_box_append (GTK_BOX (box), zone->status);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (zone->row, box);
  if (dry_run)
    {
      zone->fix_button = gtk_button_new ();
      gtk_widget_set_valign (zone->fix_button, GTK_ALIGN_CENTER);
      g_signal_connect (zone->fix_button, "clicked", G_CALLBACK (fix_clicked_cb), zone);
      adw_action_row_add_suffix (zone->row, zone->fix_button);
    }
  gtk_list_box_append (list, GTK_WIDGET (zone->row));

  zone->detail = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (zone->detail), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (zone->detail), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (zone->detail), 0);
  gtk_widget_add_css_class (zone->detail, "wizard-zone-detail");
  gtk_widget_set_name (zone->detail, "zone-detail");
  g_signal_connect (zone->detail, "activate-link", G_CALLBACK (instance_link_cb), NULL);
  zone->detail_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (zone->detail_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (zone->detail_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (zone->detail_row), zone->detail);
  gtk_widget_set_visible (zone->detail_row, FALSE);
  gtk_list_box_append (list, zone->detail_row);

  am_launch_zone_show (zone);
  return zone;
}
