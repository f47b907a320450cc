/* am-instance-state-change.c: the state change of one instance after Start/Stop/Reboot/TerminateInstances
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-instance-state-change"

#include "config.h"

#include "am-instance-state-change.h"
#include "am-ec2-model-private.h"

struct _AmInstanceStateChange
{
  GObject parent_instance;

  /* filled once by the reader or the cache, read-only afterwards */
  char *instance_id;
  int current_state_code;
  GQuark current_state_name;
  int previous_state_code;
  GQuark previous_state_name;
};

G_DEFINE_FINAL_TYPE (AmInstanceStateChange, am_instance_state_change, G_TYPE_OBJECT)

static const AmField am_instance_state_change_fields[] = {
  { "instance-id", "instanceId", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmInstanceStateChange, instance_id), NULL },
  { "current-state-code", "code", "currentState", AM_FIELD_INT, G_STRUCT_OFFSET (AmInstanceStateChange, current_state_code), NULL },
  { "current-state-name", "name", "currentState", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstanceStateChange, current_state_name), NULL },
  { "previous-state-code", "code", "previousState", AM_FIELD_INT, G_STRUCT_OFFSET (AmInstanceStateChange, previous_state_code), NULL },
  { "previous-state-name", "name", "previousState", AM_FIELD_INTERNED, G_STRUCT_OFFSET (AmInstanceStateChange, previous_state_name), NULL },
};

static AmModelInfo am_instance_state_change_info = {
  "AmInstanceStateChange", am_instance_state_change_get_type, am_instance_state_change_fields, G_N_ELEMENTS (am_instance_state_change_fields), NULL, NULL,
};

const AmModelInfo *
_am_instance_state_change_get_model_info (void)
{
  return &am_instance_state_change_info;
}

static void
am_instance_state_change_finalize (GObject *object)
{
  _am_model_clear (object, &am_instance_state_change_info);

  G_OBJECT_CLASS (am_instance_state_change_parent_class)->finalize (object);
}

static void
am_instance_state_change_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  if (!_am_model_get_property (object, &am_instance_state_change_info, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
am_instance_state_change_class_init (AmInstanceStateChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_instance_state_change_finalize;
  object_class->get_property = am_instance_state_change_get_property;

  _am_model_install_properties (object_class, &am_instance_state_change_info);
}

static void
am_instance_state_change_init (AmInstanceStateChange *self)
{
}

const char *
am_instance_state_change_get_instance_id (AmInstanceStateChange *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_STATE_CHANGE (self), NULL);

  return self->instance_id;
}

int
am_instance_state_change_get_current_state_code (AmInstanceStateChange *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_STATE_CHANGE (self), 0);

  return self->current_state_code;
}

const char *
am_instance_state_change_get_current_state_name (AmInstanceStateChange *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_STATE_CHANGE (self), NULL);

  return g_quark_to_string (self->current_state_name);
}

int
am_instance_state_change_get_previous_state_code (AmInstanceStateChange *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_STATE_CHANGE (self), 0);

  return self->previous_state_code;
}

const char *
am_instance_state_change_get_previous_state_name (AmInstanceStateChange *self)
{
  g_return_val_if_fail (AM_IS_INSTANCE_STATE_CHANGE (self), NULL);

  return g_quark_to_string (self->previous_state_name);
}
