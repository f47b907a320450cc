/* am-launch-job.c: one launch of an AmLaunchRequest: its security group, one RunInstances per zone
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-launch-job"

#include "config.h"

#include "am-aws-error.h"
#include "am-instance.h"
#include "am-launch-job.h"

/* One placement of the plan. */
typedef struct
{
  AmSubnet *subnet;
  guint count;
  AmLaunchZoneState state;
  GError *error;
  GPtrArray *instances;  /* AmInstance */
  char *client_token;
} Zone;

struct _AmLaunchJob
{
  GObject parent_instance;

  /* owned references */
  AmEc2Client *client;
  AmLaunchRequest *request;
  char *group_description;
  GPtrArray *zones;          /* Zone */
  GPtrArray *instances;      /* AmInstance */
  GError *group_error;
  char *made_group_id;       /* the new security group, made but maybe not yet opened */
  char *made_group_key;      /* "name/vpc" it was made for */
  GTask *task;               /* the run in progress */

  /* state */
  AmLaunchJobStage stage;
  guint rule;                /* the next port rule to open */
  guint pending;             /* zones sent and not yet answered */
};

G_DEFINE_FINAL_TYPE (AmLaunchJob, am_launch_job, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STAGE,
  PROP_RUNNING,
  N_PROPS
};

enum
{
  ZONE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
zone_free (Zone *zone)
{
  g_clear_object (&zone->subnet);
  g_clear_error (&zone->error);
  g_clear_pointer (&zone->instances, g_ptr_array_unref);
  g_free (zone->client_token);
  g_free (zone);
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
set_stage (AmLaunchJob      *self,
           AmLaunchJobStage  stage)
{
  if (self->stage == stage)
    return;
  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

static void
set_zone_state (AmLaunchJob       *self,
                guint              index,
                AmLaunchZoneState  state)
{
  Zone *zone = g_ptr_array_index (self->zones, index);

  zone->state = state;
  g_signal_emit (self, signals[ZONE_CHANGED], 0, index);
}

/* Ends the run: TRUE when every zone is launched, else the group's or the first zone's error. */
static void
finish_run (AmLaunchJob *self,
            GError      *error)
{
  g_autoptr (GTask) task = g_steal_pointer (&self->task);

  set_stage (self, AM_LAUNCH_JOB_IDLE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  if (error == NULL)
    for (guint i = 0; i < self->zones->len && error == NULL; i++)
      {
        Zone *zone = g_ptr_array_index (self->zones, i);

        if (zone->state == AM_LAUNCH_ZONE_FAILED && zone->error != NULL)
          error = g_error_copy (zone->error);
      }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Zones */

typedef struct
{
  AmLaunchJob *self;
  guint index;
} ZoneCall;

static void
zone_call_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ZoneCall *call = user_data;
  g_autoptr (AmLaunchJob) self = call->self;
  Zone *zone = g_ptr_array_index (self->zones, call->index);
  guint index = call->index;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) instances = NULL;
  gboolean cancelled;

  g_free (call);
  instances = am_launch_request_run_finish (AM_LAUNCH_REQUEST (object), result, NULL, &error);
  cancelled = is_cancelled (error);
  g_clear_error (&zone->error);
  if (cancelled)
    /* Not known to have failed: a later run sends it again, with the same token. */
    zone->state = AM_LAUNCH_ZONE_WAITING;
  else if (instances == NULL)
    {
      g_debug ("Launch in %s failed: %s", am_subnet_get_availability_zone (zone->subnet), error->message);
      zone->error = g_steal_pointer (&error);
      set_zone_state (self, index, AM_LAUNCH_ZONE_FAILED);
    }
  else
    {
      g_clear_pointer (&zone->instances, g_ptr_array_unref);
      zone->instances = g_ptr_array_ref (instances);
      for (guint i = 0; i < instances->len; i++)
        g_ptr_array_add (self->instances, g_object_ref (g_ptr_array_index (instances, i)));
      set_zone_state (self, index, AM_LAUNCH_ZONE_DONE);
    }

  if (--self->pending == 0)
    finish_run (self, cancelled ? g_steal_pointer (&error) : NULL);
}

static void
launch_zones (AmLaunchJob *self)
{
  AmQueryClient *client = am_ec2_client_get_query_client (self->client);
  GCancellable *cancellable = g_task_get_cancellable (self->task);

  set_stage (self, AM_LAUNCH_JOB_LAUNCHING);
  for (guint i = 0; i < self->zones->len; i++)
    {
      Zone *zone = g_ptr_array_index (self->zones, i);
      AmLaunchPlacement placement = { zone->subnet, zone->count };
      ZoneCall *call;

      if (zone->state != AM_LAUNCH_ZONE_WAITING && zone->state != AM_LAUNCH_ZONE_FAILED)
        continue;
      if (zone->client_token == NULL)
        zone->client_token = g_strdup (am_launch_request_get_client_token (self->request,
                                                                           am_subnet_get_subnet_id (zone->subnet)));
      self->pending++;
      set_zone_state (self, i, AM_LAUNCH_ZONE_RUNNING);
      call = g_new0 (ZoneCall, 1);
      call->self = g_object_ref (self);
      call->index = i;
      am_launch_request_run_async (self->request, client, &placement, FALSE, cancellable, zone_call_cb, call);
    }
  if (self->pending == 0)
    finish_run (self, NULL);
}

/* The security group */

static void open_next_port (AmLaunchJob *self);

static void
group_fail (AmLaunchJob *self,
            GError      *error)
{
  if (!is_cancelled (error))
    {
      g_clear_error (&self->group_error);
      self->group_error = g_error_copy (error);
    }
  finish_run (self, error);
}

static void
authorize_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (AmLaunchJob) self = user_data;
  GError *error = NULL;

  am_ec2_client_authorize_ingress_finish (AM_EC2_CLIENT (object), result, NULL, &error);
  /* A rule that exists already (a retry after a lost answer) is what we wanted. */
  if (error != NULL && !am_aws_error_code_is (error, "InvalidPermission.Duplicate"))
    {
      group_fail (self, error);
      return;
    }
  g_clear_error (&error);
  self->rule++;
  open_next_port (self);
}

static void
open_next_port (AmLaunchJob *self)
{
  static const int ports[] = { 22, 80, 443 };
  static const char *names[] = { "SSH", "HTTP", "HTTPS" };
  AmLaunchRules rules = am_launch_request_get_new_group_rules (self->request);
  g_autofree char *cidr = am_launch_request_dup_new_group_cidr (self->request);

  while (self->rule < G_N_ELEMENTS (ports) && !(rules & (1 << self->rule)))
    self->rule++;
  if (self->rule >= G_N_ELEMENTS (ports))
    {
      am_launch_request_set_created_group_id (self->request, self->made_group_id);
      launch_zones (self);
      return;
    }
  set_stage (self, AM_LAUNCH_JOB_OPENING_PORTS);
  am_ec2_client_authorize_ingress_async (self->client, self->made_group_id, "tcp", ports[self->rule],
                                         ports[self->rule], cidr, names[self->rule], FALSE,
                                         g_task_get_cancellable (self->task), authorize_cb,
                                         g_object_ref (self));
}

static const char *
vpc_id (AmLaunchJob *self)
{
  AmVpc *vpc = am_launch_request_get_vpc (self->request);

  return vpc != NULL ? am_vpc_get_vpc_id (vpc) : NULL;
}

static char *
new_group_key (AmLaunchJob *self)
{
  return g_strdup_printf ("%s/%s", am_launch_request_get_new_group_name (self->request),
                          vpc_id (self) != NULL ? vpc_id (self) : "");
}

static void
create_group_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (AmLaunchJob) self = user_data;
  g_autofree char *group_id = NULL;
  GError *error = NULL;

  am_ec2_client_create_security_group_finish (AM_EC2_CLIENT (object), result, &group_id, NULL, &error);
  if (group_id == NULL)
    {
      group_fail (self, error);
      return;
    }
  /* If opening its ports fails, the next run opens them in this group rather than making it
   * again (which EC2 refuses as InvalidGroup.Duplicate). */
  g_free (self->made_group_id);
  self->made_group_id = g_steal_pointer (&group_id);
  g_free (self->made_group_key);
  self->made_group_key = new_group_key (self);
  open_next_port (self);
}

/* GObject */

static void
am_launch_job_dispose (GObject *object)
{
  AmLaunchJob *self = AM_LAUNCH_JOB (object);

  g_clear_object (&self->client);
  g_clear_object (&self->request);

  G_OBJECT_CLASS (am_launch_job_parent_class)->dispose (object);
}

static void
am_launch_job_finalize (GObject *object)
{
  AmLaunchJob *self = AM_LAUNCH_JOB (object);

  g_clear_pointer (&self->zones, g_ptr_array_unref);
  g_clear_pointer (&self->instances, g_ptr_array_unref);
  g_clear_error (&self->group_error);
  g_free (self->group_description);
  g_free (self->made_group_id);
  g_free (self->made_group_key);

  G_OBJECT_CLASS (am_launch_job_parent_class)->finalize (object);
}

static void
am_launch_job_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AmLaunchJob *self = AM_LAUNCH_JOB (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_int (value, self->stage);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->task != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_launch_job_class_init (AmLaunchJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_launch_job_dispose;
  object_class->finalize = am_launch_job_finalize;
  object_class->get_property = am_launch_job_get_property;

  /* An AmLaunchJobStage */
  properties[PROP_STAGE] = g_param_spec_int ("stage", NULL, NULL, AM_LAUNCH_JOB_IDLE, AM_LAUNCH_JOB_LAUNCHING,
                                             AM_LAUNCH_JOB_IDLE,
                                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmLaunchJob::zone-changed:
   * @index: the zone whose state changed
   */
  signals[ZONE_CHANGED] = g_signal_new ("zone-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
am_launch_job_init (AmLaunchJob *self)
{
  self->zones = g_ptr_array_new_with_free_func ((GDestroyNotify) zone_free);
  self->instances = g_ptr_array_new_with_free_func (g_object_unref);
}

AmLaunchJob *
am_launch_job_new (AmEc2Client     *client,
                   AmLaunchRequest *request,
                   const char      *group_description)
{
  AmLaunchJob *self;
  g_autoptr (GArray) plan = NULL;

  g_return_val_if_fail (AM_IS_EC2_CLIENT (client), NULL);
  g_return_val_if_fail (AM_IS_LAUNCH_REQUEST (request), NULL);
  g_return_val_if_fail (group_description != NULL, NULL);

  self = g_object_new (AM_TYPE_LAUNCH_JOB, NULL);
  self->client = g_object_ref (client);
  self->request = g_object_ref (request);
  self->group_description = g_strdup (group_description);
  plan = am_launch_request_plan (request);
  for (guint i = 0; i < plan->len; i++)
    {
      AmLaunchPlacement *placement = &g_array_index (plan, AmLaunchPlacement, i);
      Zone *zone = g_new0 (Zone, 1);

      zone->subnet = g_object_ref (placement->subnet);
      zone->count = placement->count;
      g_ptr_array_add (self->zones, zone);
    }
  return self;
}

AmLaunchRequest *
am_launch_job_get_request (AmLaunchJob *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_JOB (self), NULL);
  return self->request;
}

AmLaunchJobStage
am_launch_job_get_stage (AmLaunchJob *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_JOB (self), AM_LAUNCH_JOB_IDLE);
  return self->stage;
}

gboolean
am_launch_job_get_running (AmLaunchJob *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_JOB (self), FALSE);
  return self->task != NULL;
}

guint
am_launch_job_get_n_zones (AmLaunchJob *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_JOB (self), 0);
  return self->zones->len;
}

static Zone *
get_zone (AmLaunchJob *self,
          guint        index)
{
  g_return_val_if_fail (AM_IS_LAUNCH_JOB (self), NULL);
  g_return_val_if_fail (index < self->zones->len, NULL);
  return g_ptr_array_index (self->zones, index);
}

AmSubnet *
am_launch_job_get_zone_subnet (AmLaunchJob *self,
                               guint        zone)
{
  Zone *z = get_zone (self, zone);

  return z != NULL ? z->subnet : NULL;
}

guint
am_launch_job_get_zone_count (AmLaunchJob *self,
                              guint        zone)
{
  Zone *z = get_zone (self, zone);

  return z != NULL ? z->count : 0;
}

AmLaunchZoneState
am_launch_job_get_zone_state (AmLaunchJob *self,
                              guint        zone)
{
  Zone *z = get_zone (self, zone);

  return z != NULL ? z->state : AM_LAUNCH_ZONE_WAITING;
}

const GError *
am_launch_job_get_zone_error (AmLaunchJob *self,
                              guint        zone)
{
  Zone *z = get_zone (self, zone);

  return z != NULL ? z->error : NULL;
}

GPtrArray *
am_launch_job_get_zone_instances (AmLaunchJob *self,
                                  guint        zone)
{
  Zone *z = get_zone (self, zone);

  return z != NULL ? z->instances : NULL;
}

const char *
am_launch_job_get_zone_client_token (AmLaunchJob *self,
                                     guint        zone)
{
  Zone *z = get_zone (self, zone);

  return z != NULL ? z->client_token : NULL;
}

GPtrArray *
am_launch_job_get_instances (AmLaunchJob *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_JOB (self), NULL);
  return self->instances;
}

const GError *
am_launch_job_get_group_error (AmLaunchJob *self)
{
  g_return_val_if_fail (AM_IS_LAUNCH_JOB (self), NULL);
  return self->group_error;
}

void
am_launch_job_run_async (AmLaunchJob         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autofree char *key = NULL;

  g_return_if_fail (AM_IS_LAUNCH_JOB (self));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, am_launch_job_run_async);
  g_clear_error (&self->group_error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);

  if (!am_launch_request_needs_group_creation (self->request))
    {
      launch_zones (self);
      return;
    }
  self->rule = 0;
  key = new_group_key (self);
  if (self->made_group_id != NULL && g_strcmp0 (key, self->made_group_key) == 0)
    {
      open_next_port (self);
      return;
    }
  set_stage (self, AM_LAUNCH_JOB_CREATING_GROUP);
  am_ec2_client_create_security_group_async (self->client, am_launch_request_get_new_group_name (self->request),
                                             self->group_description, vpc_id (self), FALSE, cancellable,
                                             create_group_cb, g_object_ref (self));
}

gboolean
am_launch_job_run_finish (AmLaunchJob   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (AM_IS_LAUNCH_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_launch_job_run_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
