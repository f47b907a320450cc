/* am-launch-progress-page.c: the launch wizard's last page: the launch, zone by zone
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-launch-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "am-instance.h"
#include "am-launch-job.h"
#include "am-launch-progress-page.h"
#include "am-launch-zone.h"

struct _AmLaunchProgressPage
{
  AmLaunchPage parent_instance;

  /* template widgets */
  GtkLabel *summary;
  GtkListBox *zone_list;
  GtkWidget *show_instances_button;

  /* owned references */
  AmLaunchJob *job;
  GCancellable *cancellable;
  GPtrArray *zones;          /* AmLaunchZone, one per zone of the job */
  GPtrArray *launched;       /* AmInstance */

  /* state */
  gboolean launching;
  gboolean can_retry;
  gboolean group_failed;
};

G_DEFINE_FINAL_TYPE (AmLaunchProgressPage, am_launch_progress_page, AM_TYPE_LAUNCH_PAGE)

enum
{
  PROP_0,
  PROP_LAUNCHING,
  PROP_CAN_RETRY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
set_flag (AmLaunchProgressPage *self,
          gboolean             *flag,
          gboolean              value,
          guint                 prop)
{
  if (*flag == value)
    return;
  *flag = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
update_summary (AmLaunchProgressPage *self)
{
  AmLaunchRequest *request = am_launch_page_get_request (AM_LAUNCH_PAGE (self));
  g_autoptr (GString) ok = g_string_new (NULL);
  g_autoptr (GString) failed = g_string_new (NULL);
  guint running = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->zones->len; i++)
    {
      AmLaunchZone *zone = g_ptr_array_index (self->zones, i);
      const char *name = am_subnet_get_availability_zone (zone->subnet);

      if (zone->state == AM_LAUNCH_ZONE_DONE)
        g_string_append_printf (ok, "%s%s", ok->len > 0 ? ", " : "", name);
      else if (zone->state == AM_LAUNCH_ZONE_FAILED)
        g_string_append_printf (failed, "%s%s", failed->len > 0 ? ", " : "", name);
      else if (zone->state == AM_LAUNCH_ZONE_RUNNING || !self->group_failed)
        running++;
      /* else a zone that waited for the group that could not be made: the launch has ended */
    }

  if (self->group_failed)
    text = g_strdup (_("The new security group could not be made, so nothing was launched. Retry, or close and choose an existing group."));
  else if (running > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Launching %u instance…", "Launching %u instances…",
                                         am_launch_request_get_count (request)),
                            am_launch_request_get_count (request));
  else if (failed->len == 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u instance launched in %s.",
                                         "%u instances launched in %s.", self->launched->len),
                            self->launched->len, ok->str);
  else if (ok->len == 0)
    text = g_strdup_printf (_("Nothing launched: %s failed. Retry sends the same requests again; EC2 will not launch twice."),
                            failed->str);
  else
    text = g_strdup_printf (_("Launched in %s. Failed in %s. Retry re-sends only the failed zones, with the same tokens."),
                            ok->str, failed->str);
  gtk_label_set_text (self->summary, text);
  gtk_widget_set_visible (self->show_instances_button,
                          self->launched->len > 0 && am_launch_can_show_instances (GTK_WIDGET (self)));
  set_flag (self, &self->can_retry, running == 0 && (failed->len > 0 || self->group_failed), PROP_CAN_RETRY);
  set_flag (self, &self->launching, running > 0, PROP_LAUNCHING);
}

/* The job reports each zone as it starts and ends. */
static void
job_zone_changed_cb (AmLaunchProgressPage *self,
                     guint                 index,
                     AmLaunchJob          *job)
{
  AmLaunchZone *zone = g_ptr_array_index (self->zones, index);
  AmSession *session = am_launch_page_get_session (AM_LAUNCH_PAGE (self));

  zone->state = am_launch_job_get_zone_state (job, index);
  g_clear_error (&zone->error);
  if (zone->state == AM_LAUNCH_ZONE_FAILED && am_launch_job_get_zone_error (job, index) != NULL)
    zone->error = g_error_copy (am_launch_job_get_zone_error (job, index));
  else if (zone->state == AM_LAUNCH_ZONE_DONE)
    {
      GPtrArray *instances = am_launch_job_get_zone_instances (job, index);
      g_autoptr (GPtrArray) ids = g_ptr_array_new ();

      g_clear_pointer (&zone->instances, g_ptr_array_unref);
      zone->instances = g_ptr_array_ref (instances);
      for (guint i = 0; i < instances->len; i++)
        {
          g_ptr_array_add (self->launched, g_object_ref (g_ptr_array_index (instances, i)));
          g_ptr_array_add (ids, (gpointer) am_instance_get_instance_id (g_ptr_array_index (instances, i)));
        }
      g_ptr_array_add (ids, NULL);
      if (session != NULL)
        am_session_instances_launched (session, (const char * const *) ids->pdata);
    }
  am_launch_zone_show (zone);
  update_summary (self);
}

static void
job_stage_cb (AmLaunchProgressPage *self,
              GParamSpec           *pspec,
              AmLaunchJob          *job)
{
  if (am_launch_job_get_stage (job) == AM_LAUNCH_JOB_CREATING_GROUP)
    gtk_label_set_text (self->summary, _("Creating the security group…"));
}

static void
job_run_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (AmLaunchProgressPage) self = user_data;
  AmLaunchJob *job = AM_LAUNCH_JOB (object);
  g_autoptr (GError) error = NULL;
  const GError *group_error;

  am_launch_job_run_finish (job, result, &error);
  am_launch_page_busy_pop (AM_LAUNCH_PAGE (self));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  group_error = am_launch_job_get_group_error (job);
  if (group_error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not create the security group: %s"), group_error->message);

      self->group_failed = TRUE;
      am_launch_page_toast (AM_LAUNCH_PAGE (self), text);
      for (guint i = 0; i < self->zones->len; i++)
        am_launch_zone_show (g_ptr_array_index (self->zones, i));
    }
  update_summary (self);
}

/* The first run of the job, or Retry: the failed zones only, with the same tokens. */
static void
run_job (AmLaunchProgressPage *self)
{
  self->group_failed = FALSE;
  set_flag (self, &self->can_retry, FALSE, PROP_CAN_RETRY);
  set_flag (self, &self->launching, TRUE, PROP_LAUNCHING);
  am_launch_page_busy_push (AM_LAUNCH_PAGE (self));
  am_launch_job_run_async (self->job, self->cancellable, job_run_cb, g_object_ref (self));
}

/* Every instance this launch made, selected in the Instances view. */
static void
show_instances_clicked_cb (AmLaunchProgressPage *self)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < self->launched->len; i++)
    g_ptr_array_add (ids, (gpointer) am_instance_get_instance_id (g_ptr_array_index (self->launched, i)));
  g_ptr_array_add (ids, NULL);
  am_launch_show_in_instances (GTK_WIDGET (self), (const char * const *) ids->pdata);
}

/* GObject */

static void
am_launch_progress_page_dispose (GObject *object)
{
  AmLaunchProgressPage *self = AM_LAUNCH_PROGRESS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_LAUNCH_PROGRESS_PAGE);
  g_clear_object (&self->job);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->zones, g_ptr_array_unref);
  g_clear_pointer (&self->launched, g_ptr_array_unref);

  G_OBJECT_CLASS (am_launch_progress_page_parent_class)->dispose (object);
}

static void
am_launch_progress_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AmLaunchProgressPage *self = AM_LAUNCH_PROGRESS_PAGE (object);

  switch (prop_id)
    {
    case PROP_LAUNCHING:
      g_value_set_boolean (value, self->launching);
      break;
    case PROP_CAN_RETRY:
      g_value_set_boolean (value, self->can_retry);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_launch_progress_page_class_init (AmLaunchProgressPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_launch_progress_page_dispose;
  object_class->get_property = am_launch_progress_page_get_property;

  properties[PROP_LAUNCHING] = g_param_spec_boolean ("launching", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_RETRY] = g_param_spec_boolean ("can-retry", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/amiable/Amiable/wizard/am-launch-progress-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AmLaunchProgressPage, summary);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchProgressPage, zone_list);
  gtk_widget_class_bind_template_child (widget_class, AmLaunchProgressPage, show_instances_button);
  gtk_widget_class_bind_template_callback (widget_class, show_instances_clicked_cb);
}

static void
am_launch_progress_page_init (AmLaunchProgressPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->zones = g_ptr_array_new_with_free_func ((GDestroyNotify) am_launch_zone_free);
  self->launched = g_ptr_array_new_with_free_func (g_object_unref);
}

GtkWidget *
am_launch_progress_page_new (void)
{
  return g_object_new (AM_TYPE_LAUNCH_PROGRESS_PAGE, NULL);
}

void
am_launch_progress_page_launch (AmLaunchProgressPage *self)
{
  AmEc2Client *client;
  AmLaunchRequest *request;

  g_return_if_fail (AM_IS_LAUNCH_PROGRESS_PAGE (self));
  g_return_if_fail (self->job == NULL);

  client = am_launch_page_get_client (AM_LAUNCH_PAGE (self));
  request = am_launch_page_get_request (AM_LAUNCH_PAGE (self));
  g_return_if_fail (client != NULL && request != NULL);

  self->job = am_launch_job_new (client, request, _("Made by Amiable's launch wizard"));
  g_signal_connect_object (self->job, "zone-changed", G_CALLBACK (job_zone_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->job, "notify::stage", G_CALLBACK (job_stage_cb), self, G_CONNECT_SWAPPED);
  am_launch_clear_list (self->zone_list);
  g_ptr_array_set_size (self->zones, 0);
  for (guint i = 0; i < am_launch_job_get_n_zones (self->job); i++)
    {
      AmLaunchPlacement placement = { am_launch_job_get_zone_subnet (self->job, i),
                                      am_launch_job_get_zone_count (self->job, i) };

      g_ptr_array_add (self->zones, am_launch_zone_new (&placement, self->zone_list, FALSE, FALSE, NULL, NULL));
    }
  run_job (self);
}

void
am_launch_progress_page_retry (AmLaunchProgressPage *self)
{
  g_return_if_fail (AM_IS_LAUNCH_PROGRESS_PAGE (self));

  if (self->job == NULL || self->launching)
    return;
  run_job (self);
}

gboolean
am_launch_progress_page_get_launching (AmLaunchProgressPage *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_PROGRESS_PAGE (self), FALSE);
  return self->launching;
}

gboolean
am_launch_progress_page_get_can_retry (AmLaunchProgressPage *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_PROGRESS_PAGE (self), FALSE);
  return self->can_retry;
}

GPtrArray *
am_launch_progress_page_get_launched (AmLaunchProgressPage *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_PROGRESS_PAGE (self), NULL);
  return self->launched;
}
