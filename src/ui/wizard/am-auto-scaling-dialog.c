/* am-auto-scaling-dialog.c: creates an Auto Scaling group from the launch wizard's request
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-auto-scaling-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "am-autoscaling-client.h"
#include "am-auto-scaling-dialog.h"
#include "am-aws-error.h"
#include "am-subnet.h"

/* The dialog follows the group's instances until all are in service or it closes: often at
 * first, then less often (a group can take minutes). */
#define POLL_INTERVAL_MS 1500
#define POLL_ATTEMPTS 40
#define POLL_SLOW_INTERVAL_MS 10000

struct _AmAutoScalingDialog
{
  AdwWindow parent_instance;

  /* template widgets */
  AdwEntryRow *name_row;
  GtkLabel *name_error;
  GtkSpinButton *min_spin;
  GtkSpinButton *max_spin;
  GtkSpinButton *desired_spin;
  GtkLabel *size_error;
  GtkButton *create_button;
  GtkLabel *status_label;
  GtkSpinner *spinner;
  GtkListBox *zone_list;
  AdwPreferencesGroup *zone_group;
  AdwActionRow *subnets_row;
  AdwActionRow *tags_row;
  AdwActionRow *template_row;
  GtkWidget *status_box;

  /* owned references */
  AmSession *session;
  AmLaunchRequest *request;
  AmLaunchTemplate *template;
  AmAutoScalingClient *client;
  AmAutoScalingGroup *group;
  GCancellable *cancellable;
  char *created_name;        /* the group created, once CreateAutoScalingGroup succeeded */
  GHashTable *seen;          /* instance ids already announced to the session */

  /* state */
  guint busy;
  guint poll_id;
  guint polls;
  gboolean unsupported;      /* the endpoint has no Auto Scaling: Create stays off */
};

G_DEFINE_FINAL_TYPE (AmAutoScalingDialog, am_auto_scaling_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_TEMPLATE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void validate (AmAutoScalingDialog *self);
static void describe_group (AmAutoScalingDialog *self);

static gboolean
poll_cb (gpointer user_data)
{
  AmAutoScalingDialog *self = user_data;

  self->poll_id = 0;
  describe_group (self);
  return G_SOURCE_REMOVE;
}

gboolean
am_auto_scaling_check_group_name (const char  *name,
                                  GError     **error)
{
  glong len = name != NULL ? g_utf8_strlen (name, -1) : 0;

  if (len < 1 || len > 255)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Group name: use 1 to 255 characters."));
      return FALSE;
    }
  if (strchr (name, ':') != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Group name: “:” is not allowed."));
      return FALSE;
    }
  return TRUE;
}

/* The status row takes no room while it has nothing to say. */
static void
update_status_box (AmAutoScalingDialog *self)
{
  gtk_widget_set_visible (self->status_box,
                          self->busy > 0 || gtk_widget_get_visible (GTK_WIDGET (self->status_label)));
}

static void
busy_push (AmAutoScalingDialog *self)
{
  if (self->busy++ == 0)
    {
      gtk_spinner_start (self->spinner);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  update_status_box (self);
  validate (self);
}

static void
busy_pop (AmAutoScalingDialog *self)
{
  g_assert (self->busy > 0);
  if (--self->busy == 0)
    {
      gtk_spinner_stop (self->spinner);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  update_status_box (self);
  validate (self);
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
set_status (AmAutoScalingDialog *self,
            const char          *text,
            gboolean             is_error)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL && *text != '\0');
  update_status_box (self);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
set_name_error (AmAutoScalingDialog *self,
                const char          *text)
{
  gtk_label_set_text (self->name_error, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->name_error), text != NULL);
  if (text != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
}

/* Validates the fields and gates Create; each message sits under its field. */
static void
validate (AmAutoScalingDialog *self)
{
  g_autoptr (GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  gint min = gtk_spin_button_get_value_as_int (self->min_spin);
  gint max = gtk_spin_button_get_value_as_int (self->max_spin);
  gint desired = gtk_spin_button_get_value_as_int (self->desired_spin);
  gboolean name_ok = am_auto_scaling_check_group_name (name, &error);
  const char *size_message = NULL;

  if (self->name_error == NULL)
    return;
  /* an AlreadyExists message stays until the name changes (see name_changed_cb) */
  if (!name_ok)
    set_name_error (self, error->message);
  else if (!gtk_widget_has_css_class (GTK_WIDGET (self->name_row), "already-exists"))
    set_name_error (self, NULL);

  if (max < 1)
    size_message = _("Maximum size: at least 1 instance.");
  else if (min > max)
    size_message = _("Minimum size: cannot be larger than the maximum size.");
  else if (desired < min || desired > max)
    size_message = _("Desired capacity: must lie between the minimum and the maximum size.");
  gtk_label_set_text (self->size_error, size_message != NULL ? size_message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->size_error), size_message != NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button),
                            name_ok && size_message == NULL && self->busy == 0
                            && self->created_name == NULL && !self->unsupported
                            && !gtk_widget_has_css_class (GTK_WIDGET (self->name_row), "already-exists"));
}

static void
name_changed_cb (AmAutoScalingDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "already-exists");
  validate (self);
}

/* Showing the group */

static guint
count_in_service (AmAutoScalingGroup *group)
{
  GPtrArray *instances = am_auto_scaling_group_get_instances (group);
  guint n = 0;

  for (guint i = 0; instances != NULL && i < instances->len; i++)
    n += g_strcmp0 (((AmAutoScalingInstance *) g_ptr_array_index (instances, i))->lifecycle_state, "InService") == 0;
  return n;
}

/* Every instance the group wants is there and in service: nothing left to follow. */
static gboolean
group_in_service (AmAutoScalingGroup *group)
{
  GPtrArray *instances = am_auto_scaling_group_get_instances (group);

  return instances != NULL && (gint) instances->len >= am_auto_scaling_group_get_desired_capacity (group)
         && count_in_service (group) == instances->len;
}

/* New instances of the group go to the session, so the Instances view lists them. */
static void
announce_instances (AmAutoScalingDialog *self)
{
  GPtrArray *instances = am_auto_scaling_group_get_instances (self->group);
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; instances != NULL && i < instances->len; i++)
    {
      AmAutoScalingInstance *instance = g_ptr_array_index (instances, i);

      if (instance->instance_id != NULL && !g_hash_table_contains (self->seen, instance->instance_id))
        {
          g_hash_table_add (self->seen, g_strdup (instance->instance_id));
          g_ptr_array_add (ids, instance->instance_id);
        }
    }
  if (ids->len == 0)
    return;
  g_ptr_array_add (ids, NULL);
  am_session_instances_launched (self->session, (const char * const *) ids->pdata);
}

static void
schedule_poll (AmAutoScalingDialog *self)
{
  g_clear_handle_id (&self->poll_id, g_source_remove);
  self->poll_id = g_timeout_add (++self->polls < POLL_ATTEMPTS ? POLL_INTERVAL_MS : POLL_SLOW_INTERVAL_MS,
                                 poll_cb, self);
}

static void
show_group (AmAutoScalingDialog *self)
{
  const char * const *zones = am_auto_scaling_group_get_availability_zones (self->group);
  GPtrArray *instances = am_auto_scaling_group_get_instances (self->group);
  GtkWidget *child;
  g_autofree char *text = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->zone_list))) != NULL)
    gtk_list_box_remove (self->zone_list, child);
  for (guint z = 0; zones != NULL && zones[z] != NULL; z++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autoptr (GString) ids = g_string_new (NULL);
      guint n = 0;

      for (guint i = 0; instances != NULL && i < instances->len; i++)
        {
          AmAutoScalingInstance *instance = g_ptr_array_index (instances, i);

          if (g_strcmp0 (instance->availability_zone, zones[z]) != 0)
            continue;
          n++;
          g_string_append_printf (ids, "%s%s (%s)", ids->len > 0 ? " · " : "",
                                  instance->instance_id, instance->lifecycle_state);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), zones[z]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ids->len > 0 ? ids->str : _("No instances yet"));
      {
        g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u instance", "%u instances", n), n);
        GtkWidget *label = gtk_label_new (count);

        gtk_widget_add_css_class (label, "dim-label");
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      }
      gtk_list_box_append (self->zone_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->zone_group), TRUE);
  if (group_in_service (self->group))
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Auto Scaling group %s: its %u instance is in service",
                                         "Auto Scaling group %s: all %u instances are in service",
                                         instances->len),
                            am_auto_scaling_group_get_name (self->group), instances->len);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Auto Scaling group %s: %u of %d instance, %u in service; following them…",
                                         "Auto Scaling group %s: %u of %d instances, %u in service; following them…",
                                         am_auto_scaling_group_get_desired_capacity (self->group)),
                            am_auto_scaling_group_get_name (self->group),
                            instances != NULL ? instances->len : 0,
                            am_auto_scaling_group_get_desired_capacity (self->group),
                            count_in_service (self->group));
  set_status (self, text, FALSE);
}

static void
describe_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (AmAutoScalingDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) groups = NULL;

  groups = am_autoscaling_client_describe_groups_finish (AM_AUTOSCALING_CLIENT (object), result, NULL, &error);
  if (is_cancelled (error))
    return;
  busy_pop (self);
  if (groups == NULL || groups->len == 0)
    {
      g_autofree char *text = NULL;

      if (self->group != NULL)
        text = g_strdup_printf (_("Could not ask for the instances of group %s: %s\nAsking again in a few seconds…"),
                                self->created_name, error != NULL ? error->message : _("it is not listed."));
      else
        text = g_strdup_printf (_("The group %s was created, but could not be described: %s"),
                                self->created_name,
                                error != NULL ? error->message : _("it is not listed yet."));
      set_status (self, text, TRUE);
      /* Once seen, the group is followed through passing failures too. */
      if (self->group != NULL)
        {
          self->polls = MAX (self->polls, POLL_ATTEMPTS);
          schedule_poll (self);
        }
      return;
    }
  g_set_object (&self->group, g_ptr_array_index (groups, 0));
  show_group (self);
  announce_instances (self);
  if (!group_in_service (self->group))
    schedule_poll (self);
}

static void
describe_group (AmAutoScalingDialog *self)
{
  const char *names[] = { self->created_name, NULL };

  busy_push (self);
  am_autoscaling_client_describe_groups_async (self->client, names, 0, self->cancellable,
                                               describe_cb, g_object_ref (self));
}

/* Creating */

static gboolean
is_unsupported (const GError *error)
{
  return am_aws_error_code_is (error, "InvalidAction")
         || am_aws_error_code_is (error, "UnknownOperation")
         || am_aws_error_code_is (error, "UnknownOperationException")
         || am_aws_error_get_http_status (error) == 404;
}

static void
create_group_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (AmAutoScalingDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  if (!am_autoscaling_client_create_group_finish (AM_AUTOSCALING_CLIENT (object), result, &error))
    {
      g_autofree char *text = NULL;

      if (is_cancelled (error))
        return;
      busy_pop (self);
      if (am_aws_error_code_is (error, "AlreadyExists"))
        {
          g_autofree char *message = g_strdup_printf (_("Group name: a group named %s already exists in this region; choose another name."), name);

          gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "already-exists");
          set_name_error (self, message);
          set_status (self, NULL, FALSE);
          validate (self);
          gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
          return;
        }
      if (is_unsupported (error))
        {
          self->unsupported = TRUE;
          validate (self);
        }
      if (self->unsupported)
        text = g_strdup_printf (_("This endpoint does not offer Auto Scaling, so no group was created. The launch template %s was kept: create the group from it where Auto Scaling is available."),
                                am_launch_template_get_launch_template_name (self->template));
      else if (am_aws_error_code_is (error, "ValidationError"))
        text = g_strdup_printf (_("Auto Scaling refused the group’s settings. %s.\nCheck the group name and sizes, and that the subnets exist in this Region and belong to one VPC."),
                                error->message);
      else
        text = g_strdup (error->message);
      set_status (self, text, TRUE);
      return;
    }
  busy_pop (self);
  self->created_name = g_strdup (name);
  gtk_editable_set_editable (GTK_EDITABLE (self->name_row), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->min_spin), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->max_spin), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->desired_spin), FALSE);
  validate (self);
  set_status (self, _("Group created; waiting for its instances…"), FALSE);
  /* the group launches them: the Instances view starts looking before their IDs are known */
  am_session_instances_launched (self->session, NULL);
  describe_group (self);
}

static void
send_create_group (AmAutoScalingDialog *self)
{
  GPtrArray *subnets = am_launch_request_get_subnets (self->request);
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();
  g_autoptr (GPtrArray) tags = g_ptr_array_new_with_free_func ((GDestroyNotify) am_auto_scaling_tag_free);
  AmCreateAutoScalingGroupRequest request = { 0 };

  for (guint i = 0; i < subnets->len; i++)
    g_ptr_array_add (ids, (gpointer) am_subnet_get_subnet_id (g_ptr_array_index (subnets, i)));
  g_ptr_array_add (ids, NULL);
  if (am_launch_request_get_name (self->request) != NULL)
    g_ptr_array_add (tags, am_auto_scaling_tag_new ("Name", am_launch_request_get_name (self->request), TRUE));
  for (guint i = 0; i < am_launch_request_get_n_tags (self->request); i++)
    {
      const AmLaunchTag *tag = am_launch_request_get_tag (self->request, i);

      if (tag->instances && tag->key != NULL && *tag->key != '\0' && g_strcmp0 (tag->key, "Name") != 0)
        g_ptr_array_add (tags, am_auto_scaling_tag_new (tag->key, tag->value != NULL ? tag->value : "", TRUE));
    }
  request.name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  request.launch_template_id = am_launch_template_get_launch_template_id (self->template);
  request.launch_template_version = "$Default";
  request.min_size = gtk_spin_button_get_value_as_int (self->min_spin);
  request.max_size = gtk_spin_button_get_value_as_int (self->max_spin);
  request.desired_capacity = gtk_spin_button_get_value_as_int (self->desired_spin);
  request.subnet_ids = (const char * const *) ids->pdata;
  request.tags = tags;
  set_status (self, _("Creating the Auto Scaling group…"), FALSE);
  busy_push (self);
  am_autoscaling_client_create_group_async (self->client, &request, self->cancellable,
                                            create_group_cb, g_object_ref (self));
}

static void
template_created_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (AmAutoScalingDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AmLaunchTemplate) template = NULL;

  template = am_launch_request_create_template_finish (AM_LAUNCH_REQUEST (object), result, &error);
  if (is_cancelled (error))
    return;
  busy_pop (self);
  if (template == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not save the launch template the group needs: %s"), error->message);

      set_status (self, text, TRUE);
      return;
    }
  g_set_object (&self->template, template);
  adw_action_row_set_subtitle (self->template_row, am_launch_template_get_launch_template_name (template));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE]);
  send_create_group (self);
}

static void
create_clicked_cb (AmAutoScalingDialog *self)
{
  g_autofree char *base = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *template_name = NULL;
  g_autofree char *token = NULL;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->create_button)))
    return;
  if (self->template != NULL)
    {
      send_create_group (self);
      return;
    }
  /* a template name of its own so it never collides with one saved earlier */
  base = g_strndup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)), 100);
  g_strcanon (base, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789()./_-", '-');
  uuid = g_uuid_string_random ();
  template_name = g_strdup_printf ("%s-%.8s", base, uuid);
  token = g_strconcat ("amiable-lt-", uuid, NULL);
  set_status (self, _("Saving the launch template…"), FALSE);
  busy_push (self);
  am_launch_request_create_template_async (self->request,
                                           am_ec2_client_get_query_client (am_session_get_client (self->session)),
                                           template_name, _("Saved from Amiable for an Auto Scaling group"), token,
                                           self->cancellable, template_created_cb, g_object_ref (self));
}

/* Filling the template from the request */

static void
fill (AmAutoScalingDialog *self)
{
  GPtrArray *subnets = am_launch_request_get_subnets (self->request);
  g_autoptr (GString) zones = g_string_new (NULL);
  g_autoptr (GString) tags = g_string_new (NULL);

  for (guint i = 0; i < subnets->len; i++)
    {
      AmSubnet *subnet = g_ptr_array_index (subnets, i);

      g_string_append_printf (zones, "%s%s (%s)", zones->len > 0 ? "\n" : "",
                              am_subnet_get_subnet_id (subnet), am_subnet_get_availability_zone (subnet));
    }
  if (am_launch_request_get_name (self->request) != NULL)
    g_string_append_printf (tags, "Name=%s", am_launch_request_get_name (self->request));
  for (guint i = 0; i < am_launch_request_get_n_tags (self->request); i++)
    {
      const AmLaunchTag *tag = am_launch_request_get_tag (self->request, i);

      if (tag->instances && tag->key != NULL && *tag->key != '\0' && g_strcmp0 (tag->key, "Name") != 0)
        g_string_append_printf (tags, "%s%s=%s", tags->len > 0 ? " · " : "", tag->key, tag->value != NULL ? tag->value : "");
    }
  adw_action_row_set_subtitle (self->subnets_row, zones->len > 0 ? zones->str : _("None chosen"));
  adw_action_row_set_subtitle (self->tags_row, tags->len > 0 ? tags->str : _("None"));
  adw_action_row_set_subtitle (self->template_row,
                               self->template != NULL ? am_launch_template_get_launch_template_name (self->template)
                                                      : _("Saved from these settings when you create the group"));

  /* sensible sizes: one instance per chosen zone, room to double */
  {
    gint n = MAX (1, (gint) subnets->len);
    g_autofree char *suggested = g_strdup_printf ("%s-asg", am_launch_request_get_name (self->request) != NULL
                                                            ? am_launch_request_get_name (self->request) : "amiable");

    gtk_spin_button_set_value (self->min_spin, n);
    gtk_spin_button_set_value (self->max_spin, 2 * n);
    gtk_spin_button_set_value (self->desired_spin, n);
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), suggested);
  }
  validate (self);
}

/* GObject */

static void
am_auto_scaling_dialog_dispose (GObject *object)
{
  AmAutoScalingDialog *self = AM_AUTO_SCALING_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_object (&self->session);
  g_clear_object (&self->request);
  g_clear_object (&self->template);
  g_clear_object (&self->client);
  g_clear_object (&self->group);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_AUTO_SCALING_DIALOG);

  G_OBJECT_CLASS (am_auto_scaling_dialog_parent_class)->dispose (object);
}

static void
am_auto_scaling_dialog_finalize (GObject *object)
{
  AmAutoScalingDialog *self = AM_AUTO_SCALING_DIALOG (object);

  g_free (self->created_name);
  g_hash_table_unref (self->seen);

  G_OBJECT_CLASS (am_auto_scaling_dialog_parent_class)->finalize (object);
}

static void
am_auto_scaling_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AmAutoScalingDialog *self = AM_AUTO_SCALING_DIALOG (object);

  switch (prop_id)
    {
    case PROP_TEMPLATE:
      g_value_set_object (value, self->template);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_auto_scaling_dialog_class_init (AmAutoScalingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_auto_scaling_dialog_dispose;
  object_class->finalize = am_auto_scaling_dialog_finalize;
  object_class->get_property = am_auto_scaling_dialog_get_property;

  properties[PROP_TEMPLATE] =
    g_param_spec_object ("template", NULL, NULL, AM_TYPE_LAUNCH_TEMPLATE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/wizard/am-auto-scaling-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmAutoScalingDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AmAutoScalingDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, AmAutoScalingDialog, min_spin);
  gtk_widget_class_bind_template_child (widget_class, AmAutoScalingDialog, max_spin);
  gtk_widget_class_bind_template_child (widget_class, AmAutoScalingDialog, desired_spin);
  gtk_widget_class_bind_template_child (widget_class, AmAutoScalingDialog, size_error);
  gtk_widget_class_bind_template_child (widget_class, AmAutoScalingDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, AmAutoScalingDialog, status_box);
  gtk_widget_class_bind_template_child (widget_class, AmAutoScalingDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, AmAutoScalingDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmAutoScalingDialog, zone_list);
  gtk_widget_class_bind_template_child (widget_class, AmAutoScalingDialog, zone_group);
  gtk_widget_class_bind_template_child (widget_class, AmAutoScalingDialog, subnets_row);
  gtk_widget_class_bind_template_child (widget_class, AmAutoScalingDialog, tags_row);
  gtk_widget_class_bind_template_child (widget_class, AmAutoScalingDialog, template_row);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, validate);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
am_auto_scaling_dialog_init (AmAutoScalingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

AmAutoScalingDialog *
am_auto_scaling_dialog_new (AmSession        *session,
                            AmLaunchRequest  *request,
                            AmLaunchTemplate *template)
{
  AmAutoScalingDialog *self;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (AM_IS_SESSION (session), NULL);
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (request), NULL);
  g_return_val_if_fail (template == NULL || AM_IS_LAUNCH_TEMPLATE (template), NULL);

  self = g_object_new (AM_TYPE_AUTO_SCALING_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->request = g_object_ref (request);
  g_set_object (&self->template, template);
  fill (self);
  if (am_session_get_client (session) != NULL)
    self->client = am_autoscaling_client_new_for_ec2_client (am_session_get_client (session), &error);
  if (self->client == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Auto Scaling is not available for this account: %s"),
                                               error != NULL ? error->message : _("the session is not connected."));

      set_status (self, text, TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), FALSE);
      self->unsupported = TRUE;
    }
  return self;
}

AmLaunchTemplate *
am_auto_scaling_dialog_get_template (AmAutoScalingDialog *self)
{
  g_return_val_if_fail (AM_IS_AUTO_SCALING_DIALOG (self), NULL);
  return self->template;
}

AmAutoScalingGroup *
am_auto_scaling_dialog_get_group (AmAutoScalingDialog *self)
{
  g_return_val_if_fail (AM_IS_AUTO_SCALING_DIALOG (self), NULL);
  return self->group;
}

gboolean
am_auto_scaling_dialog_get_busy (AmAutoScalingDialog *self)
{
  g_return_val_if_fail (AM_IS_AUTO_SCALING_DIALOG (self), FALSE);
  return self->busy > 0;
}
