/* am-copy-image-dialog.c: copies an image to one or several other regions (one CopyImage each)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-copy-image-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "am-aws-error.h"
#include "am-copy-image-dialog-private.h"
#include "am-dialog-private.h"
#include "am-dialog-validate.h"
#include "am-ec2-client.h"
#include "am-session.h"

struct _AmCopyImageDialog
{
  AmActionDialog      parent_instance;

  /* template widgets */
  AdwComboRow        *region_row;
  GtkStringList      *regions;
  AdwEntryRow        *name_row;
  AdwEntryRow        *description_row;
  GtkSwitch          *encrypted_switch;
  GtkSwitch          *copy_tags_switch;
  GtkLabel           *field_error;
  AdwExpanderRow     *more_regions_row;
  AdwPreferencesGroup *results_group;
  GtkLabel           *results_label;
  GtkLabel           *allowed_label;

  /* owned references */
  AmImage            *image;
  GHashTable         *more_checks;    /* region → GtkCheckButton of "Also Copy To" */
  GPtrArray          *more_rows;      /* the rows in "Also Copy To" */
  GPtrArray          *destinations;   /* Destination: kept so a retry sends the same ClientTokens */
  char               *request_key;    /* what the destinations' requests were made from */
  const char         *first_region;   /* interned: the Region row's choice at the last Copy */
  GHashTable         *allowed;        /* region → AmAllowedImagesSettings, or NULL while asked */
  GHashTable         *allowed_errors; /* region → why its settings could not be read */

  /* dispose state */
  gboolean template_disposed;
};

G_DEFINE_FINAL_TYPE (AmCopyImageDialog, am_copy_image_dialog, AM_TYPE_ACTION_DIALOG)

/* One destination Region: its own client, request and ClientToken, and how it went. */
typedef struct
{
  char               *region;
  AmEc2Client        *client;
  AmCopyImageRequest *request;
  char               *new_image_id;   /* once CopyImage answered: never sent again */
  GError             *error;          /* the last attempt's */
} Destination;

static void
destination_free (Destination *destination)
{
  g_free (destination->region);
  g_clear_object (&destination->client);
  g_clear_pointer (&destination->request, am_copy_image_request_free);
  g_free (destination->new_image_id);
  g_clear_error (&destination->error);
  g_free (destination);
}

static Destination *
find_destination (AmCopyImageDialog *self,
                  const char        *region)
{
  for (guint i = 0; region != NULL && i < self->destinations->len; i++)
    {
      Destination *destination = g_ptr_array_index (self->destinations, i);

      if (g_str_equal (destination->region, region))
        return destination;
    }
  return NULL;
}

/* Offered before DescribeRegions answers, or when it cannot. */
static const char * const fallback_regions[] = {
  "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1",
  "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "eu-north-1", "eu-south-1",
  "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1",
  "ap-southeast-2", "me-south-1", "af-south-1", NULL
};

static const char *
selected_region (AmCopyImageDialog *self)
{
  guint position = adw_combo_row_get_selected (self->region_row);

  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->regions, position);
}

static void check_allowed (AmCopyImageDialog *self);

static void
changed_cb (AmCopyImageDialog *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
  g_autofree char *name_problem = am_validate_ami_name (name);
  g_autofree char *description_problem = am_validate_description (description);

  /* One message under the group: the name's problem first. */
  am_action_dialog_mark_field (GTK_WIDGET (self->description_row), self->field_error, description_problem);
  am_action_dialog_mark_field (GTK_WIDGET (self->name_row),
                               name_problem != NULL ? self->field_error : NULL, name_problem);
  am_action_dialog_set_valid (AM_ACTION_DIALOG (self),
                              name_problem == NULL && description_problem == NULL
                              && selected_region (self) != NULL);
  if (self->more_rows != NULL)
    for (guint i = 0; i < self->more_rows->len; i++)
      {
        GtkWidget *row = g_ptr_array_index (self->more_rows, i);
        const char *region = g_object_get_data (G_OBJECT (row), "am-region");

        /* The Region chosen above is copied to anyway. */
        gtk_widget_set_visible (row, g_strcmp0 (region, selected_region (self)) != 0);
      }
  check_allowed (self);
}

/* The account the copy will belong to: the one copying. */
static const char *
copy_owner (AmCopyImageDialog *self)
{
  AmSession *session = am_action_dialog_get_session (AM_ACTION_DIALOG (self));
  const char *account = session != NULL ? am_session_get_account (session) : NULL;

  /* A custom endpoint or an access key names no account: an own image's owner is ours. */
  if (account != NULL && strlen (account) == 12 && strspn (account, "0123456789") == 12)
    return account;
  return am_image_get_owner_id (self->image);
}

static void
allowed_settings_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (AmCopyImageDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  AmAllowedImagesSettings *settings;
  const char *region = am_ec2_client_get_region (AM_EC2_CLIENT (object));

  settings = am_ec2_client_get_allowed_images_settings_finish (AM_EC2_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->allowed == NULL)
    return;
  if (settings == NULL)
    {
      g_hash_table_remove (self->allowed, region);
      g_hash_table_replace (self->allowed_errors, g_strdup (region), g_strdup (error->message));
    }
  else
    g_hash_table_replace (self->allowed, g_strdup (region), settings);
  check_allowed (self);
}

/* Before copying, what the destination's Allowed AMIs settings will make of the copy. */
static void
check_allowed (AmCopyImageDialog *self)
{
  const char *region = selected_region (self);
  AmEc2Client *client = am_action_dialog_get_client (AM_ACTION_DIALOG (self));
  AmAllowedImagesSettings *settings;
  g_autofree char *note = NULL;
  const char *failure;

  if (self->allowed == NULL || region == NULL || client == NULL)
    return;
  if (!g_hash_table_contains (self->allowed, region) && !g_hash_table_contains (self->allowed_errors, region))
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (AmEc2Client) there = am_ec2_client_new_for_region (client, region, &error);

      gtk_widget_set_visible (GTK_WIDGET (self->allowed_label), FALSE);
      if (there == NULL)
        {
          g_hash_table_replace (self->allowed_errors, g_strdup (region), g_strdup (error->message));
          check_allowed (self);
          return;
        }
      g_hash_table_insert (self->allowed, g_strdup (region), NULL);
      am_ec2_client_get_allowed_images_settings_async (there, am_action_dialog_get_cancellable (AM_ACTION_DIALOG (self)),
                                                       allowed_settings_cb, g_object_ref (self));
      return;
    }
  settings = g_hash_table_lookup (self->allowed, region);
  failure = g_hash_table_lookup (self->allowed_errors, region);
  if (settings != NULL)
    note = _am_copy_image_allowed_note (settings, region, copy_owner (self),
                                        gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                        g_get_real_time () / 1000);
  else if (failure != NULL)
    note = g_strdup_printf (_("Amiable could not read the Allowed AMIs settings of %s (%s). If they are enabled "
                              "there, EC2 still lets this account launch its own copy."), region, failure);
  gtk_label_set_text (self->allowed_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->allowed_label), note != NULL);
}

static void
activated_cb (AmCopyImageDialog *self)
{
  am_action_dialog_activate_apply (AM_ACTION_DIALOG (self));
}

static void
more_toggled_cb (AmCopyImageDialog *self)
{
  guint n = 0;
  GHashTableIter iter;
  gpointer check;

  g_hash_table_iter_init (&iter, self->more_checks);
  while (g_hash_table_iter_next (&iter, NULL, &check))
    if (gtk_check_button_get_active (check))
      n++;
  if (n == 0)
    adw_expander_row_set_subtitle (self->more_regions_row, _("One copy in each Region you tick"));
  else
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u more Region", "%u more Regions", n), n);

      adw_expander_row_set_subtitle (self->more_regions_row, text);
    }
}

/* "Also Copy To": a tick per Region (the choices stay when DescribeRegions refills them). */
static void
fill_more_regions (AmCopyImageDialog  *self,
                   const char * const *names)
{
  g_autoptr (GHashTable) old = g_steal_pointer (&self->more_checks);
  g_autoptr (GHashTable) was_active = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  if (old != NULL)
    {
      g_hash_table_iter_init (&iter, old);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (gtk_check_button_get_active (value))
          g_hash_table_add (was_active, (gpointer) g_intern_string (key));
    }
  for (guint i = 0; self->more_rows != NULL && i < self->more_rows->len; i++)
    adw_expander_row_remove (self->more_regions_row, g_ptr_array_index (self->more_rows, i));
  g_clear_pointer (&self->more_rows, g_ptr_array_unref);
  self->more_rows = g_ptr_array_new ();
  self->more_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), names[i]);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_hash_table_contains (was_active, g_intern_string (names[i])));
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (more_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (row), "am-region", g_strdup (names[i]), g_free);
      adw_expander_row_add_row (self->more_regions_row, row);
      g_ptr_array_add (self->more_rows, row);
      g_hash_table_insert (self->more_checks, g_strdup (names[i]), check);
    }
  more_toggled_cb (self);
}

static void
fill_regions (AmCopyImageDialog  *self,
              const char * const *names)
{
  g_autofree char *keep = g_strdup (selected_region (self));
  AmSession *session = am_action_dialog_get_session (AM_ACTION_DIALOG (self));
  const char *current = session != NULL ? am_session_get_region (session) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->regions));
  guint select = GTK_INVALID_LIST_POSITION;

  gtk_string_list_splice (self->regions, 0, n, names);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->regions));
  for (guint i = 0; i < n; i++)
    {
      const char *name = gtk_string_list_get_string (self->regions, i);

      /* Keep the user's choice; else the first region that is not this one. */
      if (keep != NULL && g_str_equal (name, keep))
        {
          select = i;
          break;
        }
      /* Prefer a neighbour on the same continent (us-east-1 → us-east-2). */
      if (keep == NULL && g_strcmp0 (name, current) != 0
          && (select == GTK_INVALID_LIST_POSITION
              || (current != NULL && strncmp (name, current, 3) == 0
                  && strncmp (gtk_string_list_get_string (self->regions, select), current, 3) != 0)))
        select = i;
    }
  if (select != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->region_row, select);
  fill_more_regions (self, names);
  changed_cb (self);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
regions_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (AmCopyImageDialog) self = user_data;
  g_autoptr (GPtrArray) regions = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;

  regions = am_ec2_client_describe_regions_finish (AM_EC2_CLIENT (object), result, &error);
  /* The offline list stays when the lookup fails: copying can still be tried. */
  if (regions == NULL || regions->len == 0)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("DescribeRegions failed, keeping the offline list: %s", error->message);
      return;
    }
  if (am_action_dialog_get_busy (AM_ACTION_DIALOG (self)))
    return;

  for (guint i = 0; i < regions->len; i++)
    g_ptr_array_add (names, (gpointer) am_region_get_region_name (g_ptr_array_index (regions, i)));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  fill_regions (self, (const char * const *) names->pdata);
}

/* The Regions to copy to: the Region row's, then the ticked ones, each once. */
static GPtrArray *
wanted_regions (AmCopyImageDialog *self)
{
  GPtrArray *regions = g_ptr_array_new ();
  const char *first = selected_region (self);

  if (first != NULL)
    g_ptr_array_add (regions, (gpointer) g_intern_string (first));
  for (guint i = 0; self->more_rows != NULL && i < self->more_rows->len; i++)
    {
      const char *region = g_object_get_data (g_ptr_array_index (self->more_rows, i), "am-region");
      GtkCheckButton *check = g_hash_table_lookup (self->more_checks, region);

      if (gtk_check_button_get_active (check) && g_strcmp0 (region, first) != 0)
        g_ptr_array_add (regions, (gpointer) g_intern_string (region));
    }
  return regions;
}

/* What every destination's request is made from: a change makes new requests and tokens. */
static char *
request_key (AmCopyImageDialog *self)
{
  return g_strdup_printf ("%s\n%s\n%d%d", gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                          gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
                          gtk_switch_get_active (self->encrypted_switch),
                          gtk_switch_get_active (self->copy_tags_switch));
}

static const char *
source_region (AmCopyImageDialog *self,
               AmEc2Client       *client)
{
  /* An image listed from another Region (All Regions) is copied from there. */
  const char *region = am_image_get_region (self->image);

  return region != NULL ? region : am_ec2_client_get_region (client);
}

static void
show_results (AmCopyImageDialog *self,
              GPtrArray         *regions)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < regions->len; i++)
    {
      Destination *destination = find_destination (self, regions->pdata[i]);

      if (destination == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (destination->new_image_id != NULL)
        /* Translators: "us-west-2: copying as ami-0123…" */
        g_string_append_printf (text, _("%s: copying as %s"), destination->region, destination->new_image_id);
      else if (destination->error != NULL)
        {
          g_autofree char *reason = am_action_dialog_describe_error (destination->error);

          /* Translators: "eu-central-1: failed: <why>" */
          g_string_append_printf (text, _("%s: failed: %s"), destination->region, reason);
        }
      else
        g_string_append_printf (text, _("%s: copying…"), destination->region);
    }
  gtk_label_set_text (self->results_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->results_group), regions->len > 1 && text->len > 0);
}

typedef struct
{
  GTask     *task;
  GPtrArray *regions;   /* interned names */
  guint      pending;
} CopyRun;

static void
copy_run_finish (CopyRun *run)
{
  AmCopyImageDialog *self = g_task_get_source_object (run->task);
  g_autoptr (GString) failed = g_string_new (NULL);
  Destination *only = NULL;
  guint n_failed = 0;

  show_results (self, run->regions);
  for (guint i = 0; i < run->regions->len; i++)
    {
      Destination *destination = find_destination (self, run->regions->pdata[i]);

      if (destination->new_image_id != NULL)
        continue;
      only = destination;
      n_failed++;
      if (failed->len > 0)
        g_string_append (failed, ", ");
      g_string_append (failed, destination->region);
    }

  if (n_failed == 0)
    {
      am_action_dialog_set_apply_label (AM_ACTION_DIALOG (self), _("C_opy"), FALSE);
      g_task_return_boolean (run->task, TRUE);
    }
  else if (run->regions->len == 1 && am_aws_error_code_is (only->error, "InvalidAMIName.Duplicate"))
    {
      /* The name is the field to fix: say so there, and only there. */
      g_autofree char *text = g_strdup_printf (_("An image named “%s” already exists in %s. "
                                                 "Image names are unique per account and "
                                                 "region: choose another name."),
                                               only->request->name, only->region);

      am_action_dialog_mark_field (GTK_WIDGET (self->name_row), self->field_error, text);
      g_task_return_new_error (run->task, G_IO_ERROR, G_IO_ERROR_FAILED_HANDLED, "%s", text);
    }
  else if (run->regions->len == 1)
    g_task_return_error (run->task, g_error_copy (only->error));
  else
    {
      /* The copies made stay made: Copy now asks again the failed Regions only. */
      am_action_dialog_set_apply_label (AM_ACTION_DIALOG (self), _("Retry _Failed"), FALSE);
      g_task_return_new_error (run->task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               ngettext ("Copied to %u of %u Regions; %s failed. Retry Failed copies to it again; "
                                         "the others are not copied twice.",
                                         "Copied to %u of %u Regions; %s failed. Retry Failed copies to them again; "
                                         "the others are not copied twice.", n_failed),
                               run->regions->len - n_failed, run->regions->len, failed->str);
    }
  g_object_unref (run->task);
  g_ptr_array_unref (run->regions);
  g_free (run);
}

static void
copy_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  CopyRun *run = user_data;
  AmCopyImageDialog *self = g_task_get_source_object (run->task);
  Destination *destination = find_destination (self, am_ec2_client_get_region (AM_EC2_CLIENT (object)));
  g_autofree char *image_id = NULL;
  GError *error = NULL;

  if (am_ec2_client_copy_image_finish (AM_EC2_CLIENT (object), result, &image_id, NULL, &error))
    destination->new_image_id = g_steal_pointer (&image_id);
  else
    destination->error = error;
  show_results (self, run->regions);
  if (--run->pending == 0)
    copy_run_finish (run);
}

static void
am_copy_image_dialog_apply (AmActionDialog      *dialog,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  AmCopyImageDialog *self = AM_COPY_IMAGE_DIALOG (dialog);
  AmEc2Client *client = am_action_dialog_get_client (dialog);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *key = NULL;
  g_autoptr (GPtrArray) regions = NULL;
  CopyRun *run;

  g_task_set_source_tag (task, am_copy_image_dialog_apply);
  if (client == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED,
                               _("Not connected to EC2. Choose a profile and region, then try again."));
      g_object_unref (task);
      return;
    }

  /* The same requests (and ClientTokens) are sent again after a failure, unless the user
   * changed them: then EC2 cannot mistake a retry for a second copy. A Region whose copy
   * was made is not asked again. */
  key = request_key (self);
  if (g_strcmp0 (key, self->request_key) != 0)
    {
      g_ptr_array_set_size (self->destinations, 0);
      g_free (self->request_key);
      self->request_key = g_steal_pointer (&key);
    }
  regions = wanted_regions (self);
  self->first_region = regions->len > 0 ? regions->pdata[0] : NULL;

  run = g_new0 (CopyRun, 1);
  run->task = task;
  run->regions = g_ptr_array_ref (regions);
  for (guint i = 0; i < regions->len; i++)
    {
      Destination *destination = find_destination (self, regions->pdata[i]);
      const char *description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));

      if (destination == NULL)
        {
          destination = g_new0 (Destination, 1);
          destination->region = g_strdup (regions->pdata[i]);
          destination->client = am_ec2_client_new_for_region (client, destination->region, &destination->error);
          destination->request = am_copy_image_request_new (am_image_get_image_id (self->image),
                                                            source_region (self, client),
                                                            gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
          destination->request->description = *description != '\0' ? g_strdup (description) : NULL;
          destination->request->encrypted = gtk_switch_get_active (self->encrypted_switch);
          destination->request->copy_image_tags = gtk_switch_get_active (self->copy_tags_switch);
          am_copy_image_request_ensure_client_token (destination->request);
          g_ptr_array_add (self->destinations, destination);
        }
      if (destination->new_image_id != NULL || destination->client == NULL)
        continue;
      g_clear_error (&destination->error);
      run->pending++;
      am_ec2_client_copy_image_async (destination->client, destination->request, FALSE, cancellable, copy_cb, run);
    }
  show_results (self, regions);
  if (run->pending == 0)
    copy_run_finish (run);
}

static gboolean
am_copy_image_dialog_apply_finish (AmActionDialog  *dialog,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  AmCopyImageDialog *self = AM_COPY_IMAGE_DIALOG (dialog);
  g_autofree char *title = NULL;

  g_autoptr (GPtrArray) regions = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  regions = wanted_regions (self);
  if (regions->len == 1)
    {
      Destination *destination = find_destination (self, regions->pdata[0]);

      /* Translators: "Copying to eu-west-1 as ami-0123…" */
      title = g_strdup_printf (_("Copying to %s as %s"), destination->region, destination->new_image_id);
    }
  else
    title = g_strdup_printf (ngettext ("Copying to %u Region", "Copying to %u Regions", regions->len), regions->len);
  am_action_dialog_take_toast (dialog, adw_toast_new (title));
  return TRUE;
}

static void
am_copy_image_dialog_dispose (GObject *object)
{
  AmCopyImageDialog *self = AM_COPY_IMAGE_DIALOG (object);

  am_dialog_dispose_template_once (GTK_WIDGET (self), AM_TYPE_COPY_IMAGE_DIALOG,
                                  &self->template_disposed);
  g_clear_object (&self->image);
  g_clear_pointer (&self->more_checks, g_hash_table_unref);
  g_clear_pointer (&self->more_rows, g_ptr_array_unref);
  g_clear_pointer (&self->allowed, g_hash_table_unref);
  g_clear_pointer (&self->allowed_errors, g_hash_table_unref);
  if (self->destinations != NULL)
    g_ptr_array_set_size (self->destinations, 0);

  G_OBJECT_CLASS (am_copy_image_dialog_parent_class)->dispose (object);
}

static void
am_copy_image_dialog_finalize (GObject *object)
{
  AmCopyImageDialog *self = AM_COPY_IMAGE_DIALOG (object);

  g_clear_pointer (&self->destinations, g_ptr_array_unref);
  g_free (self->request_key);

  G_OBJECT_CLASS (am_copy_image_dialog_parent_class)->finalize (object);
}

static void
am_copy_image_dialog_class_init (AmCopyImageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmActionDialogClass *dialog_class = AM_ACTION_DIALOG_CLASS (klass);

  object_class->dispose = am_copy_image_dialog_dispose;
  object_class->finalize = am_copy_image_dialog_finalize;
  dialog_class->apply = am_copy_image_dialog_apply;
  dialog_class->apply_finish = am_copy_image_dialog_apply_finish;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amiable/Amiable/dialogs/am-copy-image-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmCopyImageDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, AmCopyImageDialog, regions);
  gtk_widget_class_bind_template_child (widget_class, AmCopyImageDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AmCopyImageDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, AmCopyImageDialog, encrypted_switch);
  gtk_widget_class_bind_template_child (widget_class, AmCopyImageDialog, copy_tags_switch);
  gtk_widget_class_bind_template_child (widget_class, AmCopyImageDialog, field_error);
  gtk_widget_class_bind_template_child (widget_class, AmCopyImageDialog, more_regions_row);
  gtk_widget_class_bind_template_child (widget_class, AmCopyImageDialog, results_group);
  gtk_widget_class_bind_template_child (widget_class, AmCopyImageDialog, results_label);
  gtk_widget_class_bind_template_child (widget_class, AmCopyImageDialog, allowed_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
}

static void
am_copy_image_dialog_init (AmCopyImageDialog *self)
{
  self->allowed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) am_allowed_images_settings_free);
  self->allowed_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->destinations = g_ptr_array_new_with_free_func ((GDestroyNotify) destination_free);
  am_action_dialog_set_apply_label (AM_ACTION_DIALOG (self), _("C_opy"), FALSE);
}

AmCopyImageDialog *
am_copy_image_dialog_new (AmSession *session,
                          AmImage   *image)
{
  AmCopyImageDialog *self;
  AmEc2Client *client;
  g_autofree char *description = NULL;
  const char *name;

  g_return_val_if_fail (AM_IS_IMAGE (image), NULL);

  self = g_object_new (AM_TYPE_COPY_IMAGE_DIALOG, NULL);
  self->image = am_dialog_setup_for_image (AM_ACTION_DIALOG (self), session, image);

  name = am_image_get_name (image);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
  if (am_image_get_description (image) != NULL)
    description = g_strdup (am_image_get_description (image));
  else
    description = g_strdup_printf (_("Copy of %s from %s"), am_image_get_image_id (image),
                                   am_image_get_region (image) != NULL ? am_image_get_region (image)
                                                                        : am_session_get_region (session));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), description);

  fill_regions (self, fallback_regions);
  client = am_action_dialog_get_client (AM_ACTION_DIALOG (self));
  if (client != NULL)
    am_ec2_client_describe_regions_async (client, FALSE, NULL,
                                          am_action_dialog_get_cancellable (AM_ACTION_DIALOG (self)),
                                          regions_cb, g_object_ref (self));
  changed_cb (self);
  return self;
}

gboolean
am_copy_image_dialog_select_region (AmCopyImageDialog *self,
                                    const char        *region)
{
  guint n;

  g_return_val_if_fail (AM_IS_COPY_IMAGE_DIALOG (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->regions));
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->regions, i), region) == 0)
      {
        adw_combo_row_set_selected (self->region_row, i);
        return TRUE;
      }
  return FALSE;
}

const char *
am_copy_image_dialog_get_new_image_id (AmCopyImageDialog *self)
{
  Destination *destination;

  g_return_val_if_fail (AM_IS_COPY_IMAGE_DIALOG (self), NULL);
  destination = find_destination (self, self->first_region);
  return destination != NULL ? destination->new_image_id : NULL;
}

const char *
am_copy_image_dialog_get_client_token (AmCopyImageDialog *self)
{
  Destination *destination;

  g_return_val_if_fail (AM_IS_COPY_IMAGE_DIALOG (self), NULL);
  destination = find_destination (self, self->first_region);
  return destination != NULL ? destination->request->client_token : NULL;
}

gboolean
am_copy_image_dialog_set_also_region (AmCopyImageDialog *self,
                                      const char        *region,
                                      gboolean           copy)
{
  GtkCheckButton *check;

  g_return_val_if_fail (AM_IS_COPY_IMAGE_DIALOG (self), FALSE);
  check = self->more_checks != NULL ? g_hash_table_lookup (self->more_checks, region) : NULL;
  if (check == NULL)
    return FALSE;
  gtk_check_button_set_active (check, copy);
  return TRUE;
}

const char *
am_copy_image_dialog_get_region_image_id (AmCopyImageDialog *self,
                                          const char        *region)
{
  Destination *destination;

  g_return_val_if_fail (AM_IS_COPY_IMAGE_DIALOG (self), NULL);
  destination = find_destination (self, region);
  return destination != NULL ? destination->new_image_id : NULL;
}

const char *
am_copy_image_dialog_get_region_client_token (AmCopyImageDialog *self,
                                              const char        *region)
{
  Destination *destination;

  g_return_val_if_fail (AM_IS_COPY_IMAGE_DIALOG (self), NULL);
  destination = find_destination (self, region);
  return destination != NULL ? destination->request->client_token : NULL;
}
