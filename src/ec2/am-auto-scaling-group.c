/* am-auto-scaling-group.c: an Auto Scaling group (as DescribeAutoScalingGroups returns it)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-auto-scaling-group"

#include "config.h"

#include <string.h>

#include "am-auto-scaling-group.h"
#include "am-aws-error.h"
#include "am-xml-reader.h"

/* --- instances and tags ----------------------------------------------------------------- */

AmAutoScalingInstance *
am_auto_scaling_instance_copy (const AmAutoScalingInstance *instance)
{
  AmAutoScalingInstance *copy;

  g_return_val_if_fail (instance != NULL, NULL);

  copy = g_new0 (AmAutoScalingInstance, 1);
  copy->instance_id = g_strdup (instance->instance_id);
  copy->instance_type = g_strdup (instance->instance_type);
  copy->availability_zone = g_strdup (instance->availability_zone);
  copy->lifecycle_state = g_strdup (instance->lifecycle_state);
  copy->health_status = g_strdup (instance->health_status);
  return copy;
}

void
am_auto_scaling_instance_free (AmAutoScalingInstance *instance)
{
  if (instance == NULL)
    return;
  g_free (instance->instance_id);
  g_free (instance->instance_type);
  g_free (instance->availability_zone);
  g_free (instance->lifecycle_state);
  g_free (instance->health_status);
  g_free (instance);
}

G_DEFINE_BOXED_TYPE (AmAutoScalingInstance, am_auto_scaling_instance,
                     am_auto_scaling_instance_copy, am_auto_scaling_instance_free)

AmAutoScalingTag *
am_auto_scaling_tag_new (const char *key,
                         const char *value,
                         gboolean    propagate_at_launch)
{
  AmAutoScalingTag *tag;

  g_return_val_if_fail (key != NULL, NULL);

  tag = g_new0 (AmAutoScalingTag, 1);
  tag->key = g_strdup (key);
  tag->value = g_strdup (value ? value : "");
  tag->propagate_at_launch = propagate_at_launch;
  return tag;
}

AmAutoScalingTag *
am_auto_scaling_tag_copy (const AmAutoScalingTag *tag)
{
  g_return_val_if_fail (tag != NULL, NULL);

  return am_auto_scaling_tag_new (tag->key, tag->value, tag->propagate_at_launch);
}

void
am_auto_scaling_tag_free (AmAutoScalingTag *tag)
{
  if (tag == NULL)
    return;
  g_free (tag->key);
  g_free (tag->value);
  g_free (tag);
}

G_DEFINE_BOXED_TYPE (AmAutoScalingTag, am_auto_scaling_tag, am_auto_scaling_tag_copy, am_auto_scaling_tag_free)

/* --- the group -------------------------------------------------------------------------- */

struct _AmAutoScalingGroup
{
  GObject parent_instance;

  /* filled once by the reader, read-only afterwards */
  char      *name;
  char      *arn;
  char      *launch_template_id;
  char      *launch_template_name;
  char      *launch_template_version;
  gint       min_size;
  gint       max_size;
  gint       desired_capacity;
  GPtrArray *zones;        /* char*, always NULL-terminated */
  GStrv      subnet_ids;
  GPtrArray *instances;    /* AmAutoScalingInstance */
  GPtrArray *tags;         /* AmAutoScalingTag */
  GDateTime *created_time;
};

G_DEFINE_FINAL_TYPE (AmAutoScalingGroup, am_auto_scaling_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESIRED_CAPACITY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
am_auto_scaling_group_finalize (GObject *object)
{
  AmAutoScalingGroup *self = AM_AUTO_SCALING_GROUP (object);

  g_free (self->name);
  g_free (self->arn);
  g_free (self->launch_template_id);
  g_free (self->launch_template_name);
  g_free (self->launch_template_version);
  g_clear_pointer (&self->zones, g_ptr_array_unref);
  g_clear_pointer (&self->subnet_ids, g_strfreev);
  g_clear_pointer (&self->instances, g_ptr_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->created_time, g_date_time_unref);

  G_OBJECT_CLASS (am_auto_scaling_group_parent_class)->finalize (object);
}

static void
am_auto_scaling_group_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AmAutoScalingGroup *self = AM_AUTO_SCALING_GROUP (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DESIRED_CAPACITY:
      g_value_set_int (value, self->desired_capacity);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_auto_scaling_group_class_init (AmAutoScalingGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_auto_scaling_group_finalize;
  object_class->get_property = am_auto_scaling_group_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESIRED_CAPACITY] =
    g_param_spec_int ("desired-capacity", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
am_auto_scaling_group_init (AmAutoScalingGroup *self)
{
  self->zones = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->zones, NULL);
  self->instances = g_ptr_array_new_with_free_func ((GDestroyNotify) am_auto_scaling_instance_free);
  self->tags = g_ptr_array_new_with_free_func ((GDestroyNotify) am_auto_scaling_tag_free);
}

const char *
am_auto_scaling_group_get_name (AmAutoScalingGroup *self)
{
  g_return_val_if_fail (AM_IS_AUTO_SCALING_GROUP (self), NULL);
  return self->name;
}

const char *
am_auto_scaling_group_get_arn (AmAutoScalingGroup *self)
{
  g_return_val_if_fail (AM_IS_AUTO_SCALING_GROUP (self), NULL);
  return self->arn;
}

const char *
am_auto_scaling_group_get_launch_template_id (AmAutoScalingGroup *self)
{
  g_return_val_if_fail (AM_IS_AUTO_SCALING_GROUP (self), NULL);
  return self->launch_template_id;
}

const char *
am_auto_scaling_group_get_launch_template_name (AmAutoScalingGroup *self)
{
  g_return_val_if_fail (AM_IS_AUTO_SCALING_GROUP (self), NULL);
  return self->launch_template_name;
}

const char *
am_auto_scaling_group_get_launch_template_version (AmAutoScalingGroup *self)
{
  g_return_val_if_fail (AM_IS_AUTO_SCALING_GROUP (self), NULL);
  return self->launch_template_version;
}

gint
am_auto_scaling_group_get_min_size (AmAutoScalingGroup *self)
{
  g_return_val_if_fail (AM_IS_AUTO_SCALING_GROUP (self), 0);
  return self->min_size;
}

gint
am_auto_scaling_group_get_max_size (AmAutoScalingGroup *self)
{
  g_return_val_if_fail (AM_IS_AUTO_SCALING_GROUP (self), 0);
  return self->max_size;
}

gint
am_auto_scaling_group_get_desired_capacity (AmAutoScalingGroup *self)
{
  g_return_val_if_fail (AM_IS_AUTO_SCALING_GROUP (self), 0);
  return self->desired_capacity;
}

const char * const *
am_auto_scaling_group_get_availability_zones (AmAutoScalingGroup *self)
{
  g_return_val_if_fail (AM_IS_AUTO_SCALING_GROUP (self), NULL);
  return (const char * const *) self->zones->pdata;
}

const char * const *
am_auto_scaling_group_get_subnet_ids (AmAutoScalingGroup *self)
{
  static const char *const empty[] = { NULL };

  g_return_val_if_fail (AM_IS_AUTO_SCALING_GROUP (self), NULL);
  return self->subnet_ids ? (const char * const *) self->subnet_ids : empty;
}

GPtrArray *
am_auto_scaling_group_get_instances (AmAutoScalingGroup *self)
{
  g_return_val_if_fail (AM_IS_AUTO_SCALING_GROUP (self), NULL);
  return self->instances;
}

GPtrArray *
am_auto_scaling_group_get_tags (AmAutoScalingGroup *self)
{
  g_return_val_if_fail (AM_IS_AUTO_SCALING_GROUP (self), NULL);
  return self->tags;
}

GDateTime *
am_auto_scaling_group_get_created_time (AmAutoScalingGroup *self)
{
  g_return_val_if_fail (AM_IS_AUTO_SCALING_GROUP (self), NULL);
  return self->created_time;
}

guint
am_auto_scaling_group_count_in_zone (AmAutoScalingGroup *self,
                                     const char         *zone)
{
  guint n = 0;

  g_return_val_if_fail (AM_IS_AUTO_SCALING_GROUP (self), 0);
  g_return_val_if_fail (zone != NULL, 0);

  for (guint i = 0; i < self->instances->len; i++)
    if (g_strcmp0 (((AmAutoScalingInstance *) self->instances->pdata[i])->availability_zone, zone) == 0)
      n++;
  return n;
}

/* --- the reader ------------------------------------------------------------------------- */

typedef struct
{
  gboolean   seen_root;
  gboolean   seen_result;
  GPtrArray *groups;
  char      *next_token;
} Parse;

static gboolean malformed (GError    **error,
                           const char *format,
                           ...) G_GNUC_PRINTF (2, 3);

static gboolean
malformed (GError    **error,
           const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE, message);
  return FALSE;
}

static gboolean
parse_size (const char *element,
            const char *text,
            gint       *out,
            GError    **error)
{
  gint64 value;

  if (!am_xml_parse_int64 (text, &value) || value < 0 || value > G_MAXINT)
    return malformed (error, "The Auto Scaling answer has a bad %s; try again or report the endpoint.", element);
  *out = value;
  return TRUE;
}

static gboolean
instance_text (AmXmlReader *reader,
               const char  *element,
               const char  *text,
               gsize        len,
               gpointer     data,
               GError     **error)
{
  AmAutoScalingInstance *in = data;
  char **field = NULL;

  if (strcmp (element, "InstanceId") == 0)
    field = &in->instance_id;
  else if (strcmp (element, "InstanceType") == 0)
    field = &in->instance_type;
  else if (strcmp (element, "AvailabilityZone") == 0)
    field = &in->availability_zone;
  else if (strcmp (element, "LifecycleState") == 0)
    field = &in->lifecycle_state;
  else if (strcmp (element, "HealthStatus") == 0)
    field = &in->health_status;
  if (field != NULL)
    {
      g_free (*field);
      *field = g_strndup (text, len);
    }
  return TRUE;
}

static gboolean
leaf_start (AmXmlReader *reader,
            const char  *element,
            gpointer     data,
            GError     **error)
{
  return TRUE;
}

static const AmXmlHandler instance_handler = { leaf_start, instance_text, NULL };

static gboolean
instances_start (AmXmlReader *reader,
                 const char  *element,
                 gpointer     data,
                 GError     **error)
{
  AmAutoScalingGroup *group = data;

  if (strcmp (element, "member") == 0)
    {
      AmAutoScalingInstance *in = g_new0 (AmAutoScalingInstance, 1);

      g_ptr_array_add (group->instances, in);
      am_xml_reader_push (reader, &instance_handler, in);
    }
  return TRUE;
}

static const AmXmlHandler instances_handler = { instances_start, NULL, NULL };

static gboolean
tag_text (AmXmlReader *reader,
          const char  *element,
          const char  *text,
          gsize        len,
          gpointer     data,
          GError     **error)
{
  AmAutoScalingTag *tag = data;

  if (strcmp (element, "Key") == 0)
    {
      g_free (tag->key);
      tag->key = g_strndup (text, len);
    }
  else if (strcmp (element, "Value") == 0)
    {
      g_free (tag->value);
      tag->value = g_strndup (text, len);
    }
  else if (strcmp (element, "PropagateAtLaunch") == 0)
    {
      g_autofree char *copy = g_strndup (text, len);

      if (!am_xml_parse_boolean (copy, &tag->propagate_at_launch))
        return malformed (error, "The Auto Scaling answer has a bad %s; try again or report the endpoint.",
                          "PropagateAtLaunch");
    }
  return TRUE;
}

static gboolean
tag_end (AmXmlReader *reader,
         gpointer     data,
         GError     **error)
{
  AmAutoScalingTag *tag = data;

  if (tag->key == NULL)
    return malformed (error, "The Auto Scaling answer has a tag without a %s.", "Key");
  if (tag->value == NULL)
    tag->value = g_strdup ("");
  return TRUE;
}

static const AmXmlHandler tag_handler = { leaf_start, tag_text, tag_end };

static gboolean
tags_start (AmXmlReader *reader,
            const char  *element,
            gpointer     data,
            GError     **error)
{
  AmAutoScalingGroup *group = data;

  if (strcmp (element, "member") == 0)
    {
      AmAutoScalingTag *tag = g_new0 (AmAutoScalingTag, 1);

      g_ptr_array_add (group->tags, tag);
      am_xml_reader_push (reader, &tag_handler, tag);
    }
  return TRUE;
}

static const AmXmlHandler tags_handler = { tags_start, NULL, NULL };

static gboolean
zones_text (AmXmlReader *reader,
            const char  *element,
            const char  *text,
            gsize        len,
            gpointer     data,
            GError     **error)
{
  AmAutoScalingGroup *group = data;

  if (strcmp (element, "member") == 0 && len > 0)
    g_ptr_array_insert (group->zones, group->zones->len - 1, g_strndup (text, len));
  return TRUE;
}

static const AmXmlHandler zones_handler = { leaf_start, zones_text, NULL };

static gboolean
template_text (AmXmlReader *reader,
               const char  *element,
               const char  *text,
               gsize        len,
               gpointer     data,
               GError     **error)
{
  AmAutoScalingGroup *group = data;
  char **field = NULL;

  if (strcmp (element, "LaunchTemplateId") == 0)
    field = &group->launch_template_id;
  else if (strcmp (element, "LaunchTemplateName") == 0)
    field = &group->launch_template_name;
  else if (strcmp (element, "Version") == 0)
    field = &group->launch_template_version;
  if (field != NULL)
    {
      g_free (*field);
      *field = g_strndup (text, len);
    }
  return TRUE;
}

static const AmXmlHandler template_handler = { leaf_start, template_text, NULL };

static gboolean
group_start (AmXmlReader *reader,
             const char  *element,
             gpointer     data,
             GError     **error)
{
  if (strcmp (element, "LaunchTemplate") == 0)
    am_xml_reader_push (reader, &template_handler, data);
  else if (strcmp (element, "AvailabilityZones") == 0)
    am_xml_reader_push (reader, &zones_handler, data);
  else if (strcmp (element, "Instances") == 0)
    am_xml_reader_push (reader, &instances_handler, data);
  else if (strcmp (element, "Tags") == 0)
    am_xml_reader_push (reader, &tags_handler, data);
  return TRUE;
}

static gboolean
group_text (AmXmlReader *reader,
            const char  *element,
            const char  *text,
            gsize        len,
            gpointer     data,
            GError     **error)
{
  AmAutoScalingGroup *group = data;
  g_autofree char *value = g_strndup (text, len);

  if (strcmp (element, "AutoScalingGroupName") == 0)
    {
      g_free (group->name);
      group->name = g_steal_pointer (&value);
    }
  else if (strcmp (element, "AutoScalingGroupARN") == 0)
    {
      g_free (group->arn);
      group->arn = g_steal_pointer (&value);
    }
  else if (strcmp (element, "MinSize") == 0)
    return parse_size (element, value, &group->min_size, error);
  else if (strcmp (element, "MaxSize") == 0)
    return parse_size (element, value, &group->max_size, error);
  else if (strcmp (element, "DesiredCapacity") == 0)
    return parse_size (element, value, &group->desired_capacity, error);
  else if (strcmp (element, "VPCZoneIdentifier") == 0)
    {
      g_auto (GStrv) parts = g_strsplit (value, ",", -1);
      GPtrArray *ids = g_ptr_array_new ();

      for (guint i = 0; parts[i] != NULL; i++)
        if (*g_strstrip (parts[i]) != '\0')
          g_ptr_array_add (ids, g_strdup (parts[i]));
      g_ptr_array_add (ids, NULL);
      g_strfreev (group->subnet_ids);
      group->subnet_ids = (GStrv) g_ptr_array_free (ids, FALSE);
    }
  else if (strcmp (element, "CreatedTime") == 0)
    {
      g_clear_pointer (&group->created_time, g_date_time_unref);
      group->created_time = g_date_time_new_from_iso8601 (value, NULL);
      if (group->created_time == NULL)
        return malformed (error, "The Auto Scaling answer has a bad CreatedTime “%s”.", value);
    }
  return TRUE;
}

static gboolean
group_end (AmXmlReader *reader,
           gpointer     data,
           GError     **error)
{
  AmAutoScalingGroup *group = data;

  if (group->name == NULL)
    return malformed (error, "The Auto Scaling answer has a group without %s.", "AutoScalingGroupName");
  return TRUE;
}

static const AmXmlHandler group_handler = { group_start, group_text, group_end };

static gboolean
groups_start (AmXmlReader *reader,
              const char  *element,
              gpointer     data,
              GError     **error)
{
  Parse *parse = data;

  if (strcmp (element, "member") == 0)
    {
      AmAutoScalingGroup *group = g_object_new (AM_TYPE_AUTO_SCALING_GROUP, NULL);

      g_ptr_array_add (parse->groups, group);
      am_xml_reader_push (reader, &group_handler, group);
    }
  return TRUE;
}

static const AmXmlHandler groups_handler = { groups_start, NULL, NULL };

static gboolean
result_start (AmXmlReader *reader,
              const char  *element,
              gpointer     data,
              GError     **error)
{
  if (strcmp (element, "AutoScalingGroups") == 0)
    am_xml_reader_push (reader, &groups_handler, data);
  return TRUE;
}

static gboolean
result_text (AmXmlReader *reader,
             const char  *element,
             const char  *text,
             gsize        len,
             gpointer     data,
             GError     **error)
{
  Parse *parse = data;

  if (strcmp (element, "NextToken") == 0)
    {
      g_free (parse->next_token);
      parse->next_token = len > 0 ? g_strndup (text, len) : NULL;
    }
  return TRUE;
}

static const AmXmlHandler result_handler = { result_start, result_text, NULL };

static gboolean
response_start (AmXmlReader *reader,
                const char  *element,
                gpointer     data,
                GError     **error)
{
  Parse *parse = data;

  if (strcmp (element, "DescribeAutoScalingGroupsResult") == 0)
    {
      parse->seen_result = TRUE;
      am_xml_reader_push (reader, &result_handler, data);
    }
  return TRUE;
}

static const AmXmlHandler response_handler = { response_start, NULL, NULL };

static gboolean
root_start (AmXmlReader *reader,
            const char  *element,
            gpointer     data,
            GError     **error)
{
  Parse *parse = data;

  if (strcmp (element, "DescribeAutoScalingGroupsResponse") != 0)
    return malformed (error, "Expected a DescribeAutoScalingGroups answer, got <%s>; is the endpoint "
                             "an Auto Scaling endpoint?", element);
  parse->seen_root = TRUE;
  am_xml_reader_push (reader, &response_handler, data);
  return TRUE;
}

static gboolean
root_end (AmXmlReader *reader,
          gpointer     data,
          GError     **error)
{
  Parse *parse = data;

  if (!parse->seen_root || !parse->seen_result)
    return malformed (error, "The DescribeAutoScalingGroups answer has no %s.", "DescribeAutoScalingGroupsResult");
  return TRUE;
}

static const AmXmlHandler root_handler = { root_start, NULL, root_end };

gboolean
am_auto_scaling_group_parse_describe (const char  *data,
                                      gsize        length,
                                      GPtrArray  **groups,
                                      char       **next_token,
                                      GError     **error)
{
  Parse parse = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (groups != NULL, FALSE);

  parse.groups = g_ptr_array_new_with_free_func (g_object_unref);
  if (!am_xml_parse (&root_handler, &parse, data, length, error))
    {
      g_ptr_array_unref (parse.groups);
      g_free (parse.next_token);
      return FALSE;
    }
  *groups = parse.groups;
  if (next_token != NULL)
    *next_token = parse.next_token;
  else
    g_free (parse.next_token);
  return TRUE;
}
