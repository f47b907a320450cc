/* am-governance-page.c: the Governance window: Block Public Access and Allowed AMIs for one region
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-governance"

#include "config.h"

#include <glib/gi18n.h>

#include "am-governance-page-private.h"
#include "am-governance-regions.h"

/* How many instances the preview names before it says "and N more". */
#define MAX_NAMED_INSTANCES 8

static const char *const states[] = { "disabled", "audit-mode", "enabled" };

G_DEFINE_FINAL_TYPE (AmGovernancePage, am_governance_page, ADW_TYPE_WINDOW)

static void
set_busy (AmGovernancePage *self,
          gboolean          busy)
{
  self->busy += busy ? 1 : -1;
  gtk_spinner_set_spinning (self->spinner, self->busy > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->busy == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->bpa_switch), self->busy == 0);
}

/* A failure of a change: one sentence on top, the whole chain one click away. */
static void
show_problem (AmGovernancePage *self,
              const char       *title,
              const GError     *error)
{
  g_autofree char *summary = error ? am_error_state_summarize (error, am_session_get_profile_name (self->session),
                                                                am_session_get_endpoint (self->session))
                                   : NULL;

  g_free (self->error_text);
  self->error_text = g_strdup (summary ? summary : title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->problem_row), title);
  adw_expander_row_set_subtitle (self->problem_row, self->error_text);
  gtk_label_set_text (self->problem_details, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_group), TRUE);
}

static void
clear_problem (AmGovernancePage *self)
{
  g_clear_pointer (&self->error_text, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_group), FALSE);
}

static void
load_failed (AmGovernancePage *self,
             const char       *operation,
             const GError     *error)
{
  am_error_state_set_error (self->error_state, _("Could Not Read the Governance Settings"), error, operation,
                            am_session_get_profile_name (self->session), am_session_get_endpoint (self->session));
  g_free (self->error_text);
  self->error_text = g_strdup (am_error_state_get_summary (self->error_state));
  gtk_stack_set_visible_child_name (self->stack, "error");
  set_busy (self, FALSE);
}

/* Preview */

void
am_governance_page_update_preview (AmGovernancePage *self)
{
  g_autofree char *problem = NULL;
  g_autoptr (GPtrArray) criteria = am_governance_page_collect_criteria (self, &problem);
  g_autoptr (GStrvBuilder) refused = g_strv_builder_new ();
  g_autoptr (GString) names = g_string_new (NULL);
  const char *account = self->account_id ? self->account_id : am_session_get_account (self->session);
  gint64 now_ms = g_get_real_time () / 1000;
  GHashTableIter iter;
  gpointer value;
  guint n_refused = 0;
  g_autofree char *images_text = NULL;

  if (self->listing == NULL || self->instances == NULL)
    return;
  if (criteria == NULL)
    {
      adw_action_row_set_subtitle (self->preview_images_row, problem);
      adw_action_row_set_subtitle (self->preview_instances_row, "");
      return;
    }

  self->allowed = 0;
  self->total = g_hash_table_size (self->listing);
  g_hash_table_iter_init (&iter, self->listing);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (am_image_criteria_allow (criteria, value, account, now_ms))
      self->allowed++;

  for (guint i = 0; i < self->instances->len; i++)
    {
      AmInstance *instance = self->instances->pdata[i];
      const char *image_id = am_instance_get_image_id (instance);
      AmImage *image = g_hash_table_lookup (self->listing, image_id);

      if (image == NULL)
        image = g_hash_table_lookup (self->instance_images, image_id);
      /* An image that cannot be seen any more (deregistered) cannot be allowed either. */
      if (image != NULL && am_image_criteria_allow (criteria, image, account, now_ms))
        continue;
      g_strv_builder_add (refused, am_instance_get_instance_id (instance));
      if (n_refused < MAX_NAMED_INSTANCES)
        g_string_append_printf (names, "%s%s (%s)", n_refused > 0 ? ", " : "",
                                am_instance_get_instance_id (instance), image_id);
      n_refused++;
    }
  g_strfreev (self->refused);
  self->refused = g_strv_builder_end (refused);

  images_text = g_strdup_printf (ngettext ("%u of %u image in this listing would be allowed",
                                           "%u of %u images in this listing would be allowed", self->total),
                                 self->allowed, self->total);
  adw_action_row_set_subtitle (self->preview_images_row, images_text);
  if (n_refused == 0)
    adw_action_row_set_subtitle (self->preview_instances_row, _("Every instance runs an image that would be allowed"));
  else
    {
      g_autofree char *text = NULL;

      if (n_refused > MAX_NAMED_INSTANCES)
        g_string_append_printf (names, ngettext (" and %u more", " and %u more", n_refused - MAX_NAMED_INSTANCES),
                                n_refused - MAX_NAMED_INSTANCES);
      text = g_strdup_printf (ngettext ("%u instance runs an image that would not be allowed: %s",
                                        "%u instances run images that would not be allowed: %s", n_refused),
                              n_refused, names->str);
      adw_action_row_set_subtitle (self->preview_instances_row, text);
    }
}

static void
add_clicked_cb (AmGovernancePage *self)
{
  CriterionEditor *editor;

  am_governance_page_add_editor (self, NULL);
  editor = g_ptr_array_index (self->editors, self->editors->len - 1);
  gtk_widget_grab_focus (GTK_WIDGET (editor->fields[0]));
  am_governance_page_update_preview (self);
}

/* Loading: settings, then the listing query by query, then instances and their images */

static void list_next_query (AmGovernancePage *self);

static void
instance_images_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (AmGovernancePage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) images = am_ec2_client_describe_images_finish (AM_EC2_CLIENT (object), result, NULL, &error);

  if (images == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        load_failed (self, "DescribeImages", error);
      return;
    }
  for (guint i = 0; i < images->len; i++)
    g_hash_table_replace (self->instance_images, g_strdup (am_image_get_image_id (images->pdata[i])),
                          g_object_ref (images->pdata[i]));
  gtk_stack_set_visible_child_name (self->stack, "content");
  set_busy (self, FALSE);
  am_governance_page_update_preview (self);
}

static void
instances_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (AmGovernancePage) self = user_data;
  AmEc2Client *client = AM_EC2_CLIENT (object);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) instances = am_ec2_client_describe_instances_finish (client, result, &error);
  g_autoptr (GStrvBuilder) missing = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto (GStrv) ids = NULL;
  g_autoptr (AmDescribeImagesQuery) query = NULL;

  if (instances == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        load_failed (self, "DescribeInstances", error);
      return;
    }
  g_clear_pointer (&self->instances, g_ptr_array_unref);
  self->instances = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < instances->len; i++)
    {
      AmInstance *instance = instances->pdata[i];
      const char *image_id = am_instance_get_image_id (instance);

      if (g_strcmp0 (am_instance_get_state_name (instance), "terminated") == 0
          || g_strcmp0 (am_instance_get_state_name (instance), "shutting-down") == 0 || image_id == NULL)
        continue;
      g_ptr_array_add (self->instances, g_object_ref (instance));
      if (!g_hash_table_contains (self->listing, image_id) && g_hash_table_add (seen, (gpointer) image_id))
        g_strv_builder_add (missing, image_id);
    }
  ids = g_strv_builder_end (missing);
  if (ids[0] == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "content");
      set_busy (self, FALSE);
      am_governance_page_update_preview (self);
      return;
    }
  /* A filter rather than ImageId.N: an image gone since does not fail the whole call. */
  query = am_describe_images_query_new ();
  am_describe_images_query_add_filter (query, am_ec2_filter_new_strv ("image-id", (const char * const *) ids));
  am_ec2_client_describe_images_async (client, query, self->cancellable, instance_images_cb, g_object_ref (self));
}

static void
listing_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (AmGovernancePage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *next_token = NULL;
  g_autoptr (GPtrArray) images = am_ec2_client_describe_images_finish (AM_EC2_CLIENT (object), result,
                                                                        &next_token, &error);

  if (images == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        load_failed (self, "DescribeImages", error);
      return;
    }
  /* The session's account is a display name for some profiles; the own images' owner is exact. */
  if (self->queries->pdata[0] == self->own_query && images->len > 0 && self->account_id == NULL)
    self->account_id = g_strdup (am_image_get_owner_id (images->pdata[0]));
  for (guint i = 0; i < images->len; i++)
    g_hash_table_replace (self->listing, g_strdup (am_image_get_image_id (images->pdata[i])),
                          g_object_ref (images->pdata[i]));
  if (next_token != NULL)
    am_describe_images_query_set_next_token (self->queries->pdata[0], next_token);
  else
    {
      if (self->queries->pdata[0] == self->own_query)
        self->own_query = NULL;
      g_ptr_array_remove_index (self->queries, 0);
    }
  list_next_query (self);
}

static void
list_next_query (AmGovernancePage *self)
{
  AmEc2Client *client = am_session_get_client (self->session);

  if (self->queries->len > 0)
    am_ec2_client_describe_images_async (client, self->queries->pdata[0], self->cancellable, listing_cb,
                                         g_object_ref (self));
  else
    am_ec2_client_describe_instances_async (client, NULL, NULL, self->cancellable, instances_cb, g_object_ref (self));
}

/* The listing the preview counts: own images, images shared with the account, the scope's. */
static void
start_listing (AmGovernancePage *self)
{
  AmDescribeImagesQuery *query;

  self->own_query = NULL;
  g_ptr_array_set_size (self->queries, 0);
  query = am_describe_images_query_new ();
  am_describe_images_query_add_owner (query, "self");
  g_ptr_array_add (self->queries, query);
  self->own_query = query;
  query = am_describe_images_query_new ();
  am_describe_images_query_add_executable_by (query, "self");
  g_ptr_array_add (self->queries, query);
  query = NULL;
  switch (self->scope)
    {
    case AM_IMAGES_SCOPE_AMAZON:
    case AM_IMAGES_SCOPE_QUICK_START:
      query = am_describe_images_query_new ();
      am_describe_images_query_add_owner (query, "amazon");
      break;
    case AM_IMAGES_SCOPE_MARKETPLACE:
      query = am_describe_images_query_new ();
      am_describe_images_query_add_owner (query, "aws-marketplace");
      break;
    case AM_IMAGES_SCOPE_PUBLIC:
      query = am_describe_images_query_new ();
      am_describe_images_query_add_executable_by (query, "all");
      break;
    case AM_IMAGES_SCOPE_OWNED:
    case AM_IMAGES_SCOPE_SHARED:
    default:
      break;
    }
  if (query != NULL)
    g_ptr_array_add (self->queries, query);
  g_hash_table_remove_all (self->listing);
  g_hash_table_remove_all (self->instance_images);
  list_next_query (self);
}

static void
settings_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (AmGovernancePage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AmAllowedImagesSettings) settings = NULL;

  settings = am_ec2_client_get_allowed_images_settings_finish (AM_EC2_CLIENT (object), result, &error);
  if (settings == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        load_failed (self, "GetAllowedImagesSettings", error);
      return;
    }
  self->saved_state = 0;
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_strcmp0 (settings->state, states[i]) == 0)
      self->saved_state = i;
  adw_combo_row_set_selected (self->state_row, self->saved_state);
  for (guint i = 0; i < settings->criteria->len; i++)
    am_governance_page_add_editor (self, settings->criteria->pdata[i]);
  start_listing (self);
}

static void
bpa_state_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (AmGovernancePage) self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean blocked = FALSE;

  if (!am_ec2_client_get_image_block_public_access_finish (AM_EC2_CLIENT (object), result, &blocked, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        load_failed (self, "GetImageBlockPublicAccessState", error);
      return;
    }
  self->saved_blocked = blocked;
  self->loading_bpa = TRUE;
  gtk_switch_set_active (self->bpa_switch, blocked);
  self->loading_bpa = FALSE;
  am_ec2_client_get_allowed_images_settings_async (AM_EC2_CLIENT (object), self->cancellable, settings_cb,
                                                   g_object_ref (self));
}

static void
load (AmGovernancePage *self)
{
  AmEc2Client *client = am_session_get_client (self->session);

  if (client == NULL)
    {
      g_autoptr (GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                                                      _("Not connected: choose a profile and a region first."));

      set_busy (self, TRUE);
      load_failed (self, NULL, error);
      return;
    }
  set_busy (self, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  am_ec2_client_get_image_block_public_access_async (client, self->cancellable, bpa_state_cb, g_object_ref (self));
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AmGovernancePage *self = AM_GOVERNANCE_PAGE (widget);

  while (self->editors->len > 0)
    {
      CriterionEditor *editor = self->editors->pdata[self->editors->len - 1];

      adw_preferences_page_remove (self->page, editor->group);
      g_ptr_array_remove_index (self->editors, self->editors->len - 1);
    }
  self->busy = 0;
  load (self);
}

/* Block Public Access: applied at once, like any switch */

static void
bpa_set_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (AmGovernancePage) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!am_ec2_client_set_image_block_public_access_finish (AM_EC2_CLIENT (object), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (error != NULL)
    {
      show_problem (self, _("Could Not Change Block Public Access"), error);
      self->loading_bpa = TRUE;
      gtk_switch_set_active (self->bpa_switch, self->saved_blocked);
      self->loading_bpa = FALSE;
      return;
    }
  self->saved_blocked = gtk_switch_get_active (self->bpa_switch);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (self->saved_blocked ? _("Public sharing of images is blocked")
                                                                  : _("Public sharing of images is allowed again")));
}

static void
bpa_toggled_cb (AmGovernancePage *self)
{
  gboolean block = gtk_switch_get_active (self->bpa_switch);

  if (self->loading_bpa || block == self->saved_blocked)
    return;
  clear_problem (self);
  set_busy (self, TRUE);
  am_ec2_client_set_image_block_public_access_async (am_session_get_client (self->session), block,
                                                     self->cancellable, bpa_set_cb, g_object_ref (self));
}

/* Saving the Allowed AMIs: criteria first, then the state */

static void
saved (AmGovernancePage *self)
{
  self->saved_state = adw_combo_row_get_selected (self->state_row);
  set_busy (self, FALSE);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Allowed AMIs saved")));
}

static void
state_set_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (AmGovernancePage) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!am_ec2_client_set_allowed_images_state_finish (AM_EC2_CLIENT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      show_problem (self, _("The Criteria Were Saved, but the State Could Not Be Changed"), error);
      return;
    }
  saved (self);
}

static void
criteria_replaced_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr (AmGovernancePage) self = user_data;
  g_autoptr (GError) error = NULL;
  guint state = adw_combo_row_get_selected (self->state_row);

  if (!am_ec2_client_replace_image_criteria_finish (AM_EC2_CLIENT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      show_problem (self, _("Could Not Save the Criteria"), error);
      return;
    }
  if (state == self->saved_state)
    {
      saved (self);
      return;
    }
  am_ec2_client_set_allowed_images_state_async (AM_EC2_CLIENT (object), states[state], self->cancellable,
                                                state_set_cb, g_object_ref (self));
}

static void
save (AmGovernancePage *self)
{
  g_autofree char *problem = NULL;
  g_autoptr (GPtrArray) criteria = am_governance_page_collect_criteria (self, &problem);

  if (criteria == NULL)
    {
      g_autoptr (GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, problem);

      show_problem (self, _("The Criteria Are Not Complete"), error);
      return;
    }
  clear_problem (self);
  set_busy (self, TRUE);
  am_ec2_client_replace_image_criteria_async (am_session_get_client (self->session), criteria, self->cancellable,
                                              criteria_replaced_cb, g_object_ref (self));
}

static void
confirmation_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 gpointer          user_data)
{
  AmGovernancePage *self = AM_GOVERNANCE_PAGE (user_data);

  self->confirmation = NULL;
  if (g_strcmp0 (response, "enable") == 0)
    save (self);
}

static void
save_clicked_cb (AmGovernancePage *self)
{
  g_autofree char *problem = NULL;
  g_autoptr (GPtrArray) criteria = am_governance_page_collect_criteria (self, &problem);
  g_autofree char *body = NULL;
  g_autofree char *images = NULL;
  g_autofree char *instances = NULL;
  guint n_refused;

  if (criteria == NULL || adw_combo_row_get_selected (self->state_row) != 2 || self->saved_state == 2)
    {
      save (self);
      return;
    }

  /* Switching to enabled refuses launches: say what it will refuse first. */
  am_governance_page_update_preview (self);
  n_refused = self->refused ? g_strv_length (self->refused) : 0;
  images = g_strdup_printf (ngettext ("%u of the %u image in this listing would not be allowed.",
                                      "%u of the %u images in this listing would not be allowed.", self->total),
                            self->total - self->allowed, self->total);
  instances = g_strdup_printf (ngettext ("%u running instance uses an image that would not be allowed; it keeps running, but no new instance can be launched from that image.",
                                         "%u running instances use images that would not be allowed; they keep running, but no new instance can be launched from those images.",
                                         n_refused),
                               n_refused);
  body = g_strconcat (images, " ", instances, " ", _("Not-allowed images are also hidden from image listings."), NULL);
  self->confirmation = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                   _("Enforce the Allowed AMIs?"), body));
  adw_message_dialog_add_responses (self->confirmation, "cancel", _("_Cancel"), "enable", _("_Enforce"), NULL);
  adw_message_dialog_set_response_appearance (self->confirmation, "enable", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (self->confirmation, "cancel");
  adw_message_dialog_set_close_response (self->confirmation, "cancel");
  g_signal_connect (self->confirmation, "response", G_CALLBACK (confirmation_cb), self);
  gtk_window_present (GTK_WINDOW (self->confirmation));
}

/* The same settings in every enabled region, with this window's criteria to apply there. */
static void
regions_clicked_cb (AmGovernancePage *self)
{
  AmGovernanceRegions *regions = am_governance_regions_new (self->session, self);

  gtk_window_set_transient_for (GTK_WINDOW (regions), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (regions));
}

/* Public API */

AmGovernancePage *
am_governance_page_new (AmSession     *session,
                        AmImagesScope  scope)
{
  AmGovernancePage *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (AM_IS_SESSION (session), NULL);

  self = g_object_new (AM_TYPE_GOVERNANCE_PAGE, NULL);
  self->session = g_object_ref (session);
  self->scope = scope;
  title = g_strdup_printf (_("Governance in %s"), am_session_get_region (session));
  gtk_window_set_title (GTK_WINDOW (self), title);
  load (self);
  return self;
}

gboolean
am_governance_page_is_busy (AmGovernancePage *self)
{
  g_return_val_if_fail (AM_IS_GOVERNANCE_PAGE (self), FALSE);

  return self->busy > 0;
}

void
am_governance_page_get_preview (AmGovernancePage *self,
                                guint            *allowed,
                                guint            *total)
{
  g_return_if_fail (AM_IS_GOVERNANCE_PAGE (self));

  *allowed = self->allowed;
  *total = self->total;
}

char **
am_governance_page_get_refused_instances (AmGovernancePage *self)
{
  g_return_val_if_fail (AM_IS_GOVERNANCE_PAGE (self), NULL);

  return g_strdupv (self->refused);
}

GtkEditable *
am_governance_page_get_field (AmGovernancePage *self,
                              guint             index,
                              AmCriterionField  field)
{
  g_return_val_if_fail (AM_IS_GOVERNANCE_PAGE (self), NULL);
  g_return_val_if_fail (index < self->editors->len, NULL);
  g_return_val_if_fail (field < AM_N_CRITERION_FIELDS, NULL);

  return GTK_EDITABLE (((CriterionEditor *) self->editors->pdata[index])->fields[field]);
}

AdwMessageDialog *
am_governance_page_get_confirmation (AmGovernancePage *self)
{
  g_return_val_if_fail (AM_IS_GOVERNANCE_PAGE (self), NULL);

  return self->confirmation;
}

const char *
am_governance_page_get_error (AmGovernancePage *self)
{
  g_return_val_if_fail (AM_IS_GOVERNANCE_PAGE (self), NULL);

  return self->error_text;
}

/* GObject */

static void
am_governance_page_dispose (GObject *object)
{
  AmGovernancePage *self = AM_GOVERNANCE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_GOVERNANCE_PAGE);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->editors, g_ptr_array_unref);
  g_clear_pointer (&self->listing, g_hash_table_unref);
  g_clear_pointer (&self->instance_images, g_hash_table_unref);
  g_clear_pointer (&self->instances, g_ptr_array_unref);
  self->own_query = NULL;
  g_clear_pointer (&self->queries, g_ptr_array_unref);

  G_OBJECT_CLASS (am_governance_page_parent_class)->dispose (object);
}

static void
am_governance_page_finalize (GObject *object)
{
  AmGovernancePage *self = AM_GOVERNANCE_PAGE (object);

  g_free (self->error_text);
  g_free (self->account_id);
  g_strfreev (self->refused);

  G_OBJECT_CLASS (am_governance_page_parent_class)->finalize (object);
}

static void
am_governance_page_class_init (AmGovernancePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_governance_page_dispose;
  object_class->finalize = am_governance_page_finalize;

  g_type_ensure (AM_TYPE_ERROR_STATE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/governance/am-governance-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmGovernancePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AmGovernancePage, save_button);
  gtk_widget_class_bind_template_child (widget_class, AmGovernancePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmGovernancePage, stack);
  gtk_widget_class_bind_template_child (widget_class, AmGovernancePage, error_state);
  gtk_widget_class_bind_template_child (widget_class, AmGovernancePage, page);
  gtk_widget_class_bind_template_child (widget_class, AmGovernancePage, problem_group);
  gtk_widget_class_bind_template_child (widget_class, AmGovernancePage, problem_row);
  gtk_widget_class_bind_template_child (widget_class, AmGovernancePage, problem_details);
  gtk_widget_class_bind_template_child (widget_class, AmGovernancePage, bpa_row);
  gtk_widget_class_bind_template_child (widget_class, AmGovernancePage, bpa_switch);
  gtk_widget_class_bind_template_child (widget_class, AmGovernancePage, state_row);
  gtk_widget_class_bind_template_child (widget_class, AmGovernancePage, preview_images_row);
  gtk_widget_class_bind_template_child (widget_class, AmGovernancePage, preview_instances_row);
  gtk_widget_class_bind_template_child (widget_class, AmGovernancePage, criteria_group);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, bpa_toggled_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "edited_cb", G_CALLBACK (am_governance_page_edited_cb));
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, regions_clicked_cb);
  gtk_widget_class_install_action (widget_class, "governance.retry", NULL, retry_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
am_governance_page_init (AmGovernancePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->editors = g_ptr_array_new_with_free_func (g_free);
  self->listing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->instance_images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->queries = g_ptr_array_new_with_free_func ((GDestroyNotify) am_describe_images_query_free);
  am_error_state_set_action (self->error_state, _("_Retry"), "governance.retry");
}
