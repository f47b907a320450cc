/* am-governance-criteria.c: the Governance window's Allowed AMIs criterion editors
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-governance"

#include "config.h"

#include <glib/gi18n.h>

#include "am-governance-page-private.h"

static const char *
field_title (AmCriterionField field)
{
  switch (field)
    {
    case AM_CRITERION_FIELD_PROVIDERS:
      return _("Image Providers (amazon, aws-marketplace, aws-backup-vault, account IDs)");
    case AM_CRITERION_FIELD_NAMES:
      return _("Image Names");
    case AM_CRITERION_FIELD_PRODUCT_CODES:
      return _("Marketplace Product Codes");
    case AM_CRITERION_FIELD_MAX_DAYS_CREATED:
      return _("Created at Most This Many Days Ago");
    case AM_CRITERION_FIELD_MAX_DAYS_DEPRECATED:
      return _("Deprecated at Most This Many Days Ago");
    case AM_N_CRITERION_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

/* Criteria in the editors */

static char **
split_values (const char *text)
{
  g_auto (GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) values = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *value = g_strstrip (parts[i]);

      if (*value != '\0')
        g_strv_builder_add (builder, value);
    }
  values = g_strv_builder_end (builder);
  return values[0] != NULL ? g_steal_pointer (&values) : NULL;
}

/* Days: empty is no condition (-1); anything but a whole number from 0 to 36500 is refused. */
static gboolean
parse_days (const char *text,
            gint       *days)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  guint64 value;

  *days = -1;
  if (*copy == '\0')
    return TRUE;
  if (!g_ascii_string_to_unsigned (copy, 10, 0, 36500, &value, NULL))
    return FALSE;
  *days = (gint) value;
  return TRUE;
}

/* Returns: (transfer full): the edited criteria, or %NULL with @problem set to what is wrong */
GPtrArray *
am_governance_page_collect_criteria (AmGovernancePage  *self,
                                     char             **problem)
{
  g_autoptr (GPtrArray) criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) am_image_criterion_free);

  for (guint i = 0; i < self->editors->len; i++)
    {
      CriterionEditor *editor = self->editors->pdata[i];
      AmImageCriterion *c = am_image_criterion_new ();
      const char *text[AM_N_CRITERION_FIELDS];

      for (guint f = 0; f < AM_N_CRITERION_FIELDS; f++)
        text[f] = gtk_editable_get_text (GTK_EDITABLE (editor->fields[f]));
      g_ptr_array_add (criteria, c);
      c->providers = split_values (text[AM_CRITERION_FIELD_PROVIDERS]);
      c->names = split_values (text[AM_CRITERION_FIELD_NAMES]);
      c->product_codes = split_values (text[AM_CRITERION_FIELD_PRODUCT_CODES]);
      if (!parse_days (text[AM_CRITERION_FIELD_MAX_DAYS_CREATED], &c->max_days_created)
          || !parse_days (text[AM_CRITERION_FIELD_MAX_DAYS_DEPRECATED], &c->max_days_deprecated))
        {
          *problem = g_strdup_printf (_("Criterion %u: days must be a whole number from 0 to 36500, or empty."), i + 1);
          return NULL;
        }
      if (c->providers == NULL && c->names == NULL && c->product_codes == NULL
          && c->max_days_created < 0 && c->max_days_deprecated < 0)
        {
          *problem = g_strdup_printf (_("Criterion %u is empty: fill in at least one field or remove it."), i + 1);
          return NULL;
        }
    }
  return g_steal_pointer (&criteria);
}

void
am_governance_page_edited_cb (AmGovernancePage *self)
{
  am_governance_page_update_preview (self);
}

static void
remove_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  AmGovernancePage *self = AM_GOVERNANCE_PAGE (user_data);
  AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (button), "group");

  for (guint i = 0; i < self->editors->len; i++)
    {
      CriterionEditor *editor = self->editors->pdata[i];

      if (editor->group == group)
        {
          adw_preferences_page_remove (self->page, group);
          g_ptr_array_remove_index (self->editors, i);
          break;
        }
    }
  /* Renumber the titles so errors that name a criterion by number point at the right one. */
  for (guint i = 0; i < self->editors->len; i++)
    {
      CriterionEditor *editor = self->editors->pdata[i];
      g_autofree char *title = g_strdup_printf (_("Criterion %u"), i + 1);

      adw_preferences_group_set_title (editor->group, title);
    }
  am_governance_page_update_preview (self);
}

void
am_governance_page_add_editor (AmGovernancePage       *self,
                               const AmImageCriterion *criterion)
{
  CriterionEditor *editor = g_new0 (CriterionEditor, 1);
  g_autofree char *title = g_strdup_printf (_("Criterion %u"), self->editors->len + 1);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  editor->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (editor->group, title);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove This Criterion"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove This Criterion"), -1);
  g_object_set_data (G_OBJECT (remove), "group", editor->group);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_preferences_group_set_header_suffix (editor->group, remove);

  for (guint f = 0; f < AM_N_CRITERION_FIELDS; f++)
    {
      g_autofree char *text = NULL;

      editor->fields[f] = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->fields[f]), field_title (f));
      if (criterion != NULL)
        switch ((AmCriterionField) f)
          {
          case AM_CRITERION_FIELD_PROVIDERS:
            text = criterion->providers ? g_strjoinv (", ", criterion->providers) : NULL;
            break;
          case AM_CRITERION_FIELD_NAMES:
            text = criterion->names ? g_strjoinv (", ", criterion->names) : NULL;
            break;
          case AM_CRITERION_FIELD_PRODUCT_CODES:
            text = criterion->product_codes ? g_strjoinv (", ", criterion->product_codes) : NULL;
            break;
          case AM_CRITERION_FIELD_MAX_DAYS_CREATED:
            text = criterion->max_days_created >= 0 ? g_strdup_printf ("%d", criterion->max_days_created) : NULL;
            break;
          case AM_CRITERION_FIELD_MAX_DAYS_DEPRECATED:
            text = criterion->max_days_deprecated >= 0 ? g_strdup_printf ("%d", criterion->max_days_deprecated) : NULL;
            break;
          case AM_N_CRITERION_FIELDS:
          default:
            g_assert_not_reached ();
          }
      if (text != NULL)
        gtk_editable_set_text (GTK_EDITABLE (editor->fields[f]), text);
      g_signal_connect_swapped (editor->fields[f], "changed", G_CALLBACK (am_governance_page_edited_cb), self);
      adw_preferences_group_add (editor->group, GTK_WIDGET (editor->fields[f]));
    }
  adw_preferences_page_add (self->page, editor->group);
  g_ptr_array_add (self->editors, editor);
}
