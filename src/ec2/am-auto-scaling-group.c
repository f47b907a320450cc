/* am-auto-scaling-group.c: an Auto Scaling group (as DescribeAutoScalingGroups returns it)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-auto-scaling-group"

#include "config.h"

#include <string.h>

#include "am-auto-scaling-group.h"
#include "am-aws-error.h"
#include "am-xml-fields.h"

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

  /* read raw by the table, turned into the fields above when the group is read */
  char      *vpc_zone_identifier;
  char      *created_time_text;
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
  g_free (self->vpc_zone_identifier);
  g_free (self->created_time_text);

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

/* The fields of each record, read by the same tables as the EC2 models (am-xml-fields.h). */

static const AmField group_fields[] = {
  { NULL, "AutoScalingGroupName", NULL,             AM_FIELD_STRING, G_STRUCT_OFFSET (AmAutoScalingGroup, name) },
  { NULL, "AutoScalingGroupARN",  NULL,             AM_FIELD_STRING, G_STRUCT_OFFSET (AmAutoScalingGroup, arn) },
  { NULL, "LaunchTemplateId",     "LaunchTemplate", AM_FIELD_STRING, G_STRUCT_OFFSET (AmAutoScalingGroup, launch_template_id) },
  { NULL, "LaunchTemplateName",   "LaunchTemplate", AM_FIELD_STRING, G_STRUCT_OFFSET (AmAutoScalingGroup, launch_template_name) },
  { NULL, "Version",              "LaunchTemplate", AM_FIELD_STRING, G_STRUCT_OFFSET (AmAutoScalingGroup, launch_template_version) },
  { NULL, "MinSize",              NULL,             AM_FIELD_INT,    G_STRUCT_OFFSET (AmAutoScalingGroup, min_size) },
  { NULL, "MaxSize",              NULL,             AM_FIELD_INT,    G_STRUCT_OFFSET (AmAutoScalingGroup, max_size) },
  { NULL, "DesiredCapacity",      NULL,             AM_FIELD_INT,    G_STRUCT_OFFSET (AmAutoScalingGroup, desired_capacity) },
  { NULL, "VPCZoneIdentifier",    NULL,             AM_FIELD_STRING, G_STRUCT_OFFSET (AmAutoScalingGroup, vpc_zone_identifier) },
  { NULL, "CreatedTime",          NULL,             AM_FIELD_STRING, G_STRUCT_OFFSET (AmAutoScalingGroup, created_time_text) },
};

static const AmField instance_fields[] = {
  { NULL, "InstanceId",       NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmAutoScalingInstance, instance_id) },
  { NULL, "InstanceType",     NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmAutoScalingInstance, instance_type) },
  { NULL, "AvailabilityZone", NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmAutoScalingInstance, availability_zone) },
  { NULL, "LifecycleState",   NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmAutoScalingInstance, lifecycle_state) },
  { NULL, "HealthStatus",     NULL, AM_FIELD_STRING, G_STRUCT_OFFSET (AmAutoScalingInstance, health_status) },
};

static const AmField tag_fields[] = {
  { NULL, "Key",               NULL, AM_FIELD_STRING,  G_STRUCT_OFFSET (AmAutoScalingTag, key) },
  { NULL, "Value",             NULL, AM_FIELD_STRING,  G_STRUCT_OFFSET (AmAutoScalingTag, value) },
  { NULL, "PropagateAtLaunch", NULL, AM_FIELD_BOOLEAN, G_STRUCT_OFFSET (AmAutoScalingTag, propagate_at_launch) },
};

/* One page; the records open now (one group, and one of its instances or tags, at a time). */
typedef struct
{
  AmXmlFields group;   /* first: the group's handler reads text through it */
  AmXmlFields member;
  gboolean    seen_root;
  gboolean    seen_result;
  GPtrArray  *groups;
  char       *next_token;
  const struct _MemberList *list;   /* the list of the group open now */
} Parse;

G_STATIC_ASSERT (G_STRUCT_OFFSET (Parse, group) == 0);

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

/* A field's text by the table (@data: the AmXmlFields of the record); a bad number or boolean
 * is named in Auto Scaling's words. */
static gboolean
record_text (AmXmlReader *reader,
             const char  *element,
             const char  *text,
             gsize        len,
             gpointer     data,
             GError     **error)
{
  g_autoptr (GError) local = NULL;

  if (am_xml_fields_text (data, element, text, len, &local))
    return TRUE;
  return malformed (error, "The Auto Scaling answer has a bad %s; try again or report the endpoint.",
                    element);
}

static gboolean
leaf_start (AmXmlReader *reader,
            const char  *element,
            gpointer     data,
            GError     **error)
{
  return TRUE;
}

static const AmXmlHandler instance_handler = { leaf_start, record_text, NULL };

static gboolean
tag_end (AmXmlReader *reader,
         gpointer     data,
         GError     **error)
{
  AmXmlFields *fields = data;
  AmAutoScalingTag *tag = fields->record;

  if (tag->key == NULL)
    return malformed (error, "The Auto Scaling answer has a tag without a %s.", "Key");
  if (tag->value == NULL)
    tag->value = g_strdup ("");
  return TRUE;
}

static const AmXmlHandler tag_handler = { leaf_start, record_text, tag_end };

/* <Instances> and <Tags>: each <member> is one record of a table, added to a list of the group. */
typedef struct _MemberList
{
  const AmXmlHandler *handler;
  const AmField      *fields;
  guint               n_fields;
  gsize               record_size;
  gsize               list_offset;   /* of the GPtrArray in AmAutoScalingGroup */
} MemberList;

static const MemberList instance_list = {
  &instance_handler, instance_fields, G_N_ELEMENTS (instance_fields),
  sizeof (AmAutoScalingInstance), G_STRUCT_OFFSET (AmAutoScalingGroup, instances)
};

static const MemberList tag_list = {
  &tag_handler, tag_fields, G_N_ELEMENTS (tag_fields),
  sizeof (AmAutoScalingTag), G_STRUCT_OFFSET (AmAutoScalingGroup, tags)
};

static gboolean
members_start (AmXmlReader *reader,
               const char  *element,
               gpointer     data,
               GError     **error)
{
  Parse *parse = data;
  const MemberList *list = parse->list;
  gpointer record;

  if (strcmp (element, "member") != 0)
    return TRUE;
  record = g_malloc0 (list->record_size);
  g_ptr_array_add (G_STRUCT_MEMBER (GPtrArray *, parse->group.record, list->list_offset), record);
  parse->member = (AmXmlFields) { record, list->fields, list->n_fields, NULL };
  am_xml_reader_push (reader, list->handler, &parse->member);
  return TRUE;
}

static const AmXmlHandler members_handler = { members_start, NULL, NULL };

static gboolean
zones_text (AmXmlReader *reader,
            const char  *element,
            const char  *text,
            gsize        len,
            gpointer     data,
            GError     **error)
{
  Parse *parse = data;
  AmAutoScalingGroup *group = parse->group.record;

  if (strcmp (element, "member") == 0 && len > 0)
    g_ptr_array_insert (group->zones, group->zones->len - 1, g_strndup (text, len));
  return TRUE;
}

static const AmXmlHandler zones_handler = { leaf_start, zones_text, NULL };

static gboolean
group_start (AmXmlReader *reader,
             const char  *element,
             gpointer     data,
             GError     **error)
{
  Parse *parse = data;

  if (am_xml_fields_start (reader, element, &parse->group))
    return TRUE;
  if (strcmp (element, "AvailabilityZones") == 0)
    am_xml_reader_push (reader, &zones_handler, data);
  else if (strcmp (element, "Instances") == 0 || strcmp (element, "Tags") == 0)
    {
      parse->list = element[0] == 'I' ? &instance_list : &tag_list;
      am_xml_reader_push (reader, &members_handler, data);
    }
  return TRUE;
}

/* What the table read raw becomes the group's own fields once the group is read. */
static gboolean
group_end (AmXmlReader *reader,
           gpointer     data,
           GError     **error)
{
  Parse *parse = data;
  AmAutoScalingGroup *group = parse->group.record;
  const char *sizes[] = { "MinSize", "MaxSize", "DesiredCapacity" };
  const gint values[] = { group->min_size, group->max_size, group->desired_capacity };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    if (values[i] < 0)
      return malformed (error, "The Auto Scaling answer has a bad %s; try again or report the endpoint.",
                        sizes[i]);
  if (group->vpc_zone_identifier != NULL)
    {
      g_auto (GStrv) parts = g_strsplit (group->vpc_zone_identifier, ",", -1);
      GPtrArray *ids = g_ptr_array_new ();

      for (guint i = 0; parts[i] != NULL; i++)
        if (*g_strstrip (parts[i]) != '\0')
          g_ptr_array_add (ids, g_strdup (parts[i]));
      g_ptr_array_add (ids, NULL);
      group->subnet_ids = (GStrv) g_ptr_array_free (ids, FALSE);
      g_clear_pointer (&group->vpc_zone_identifier, g_free);
    }
  if (group->created_time_text != NULL)
    {
      group->created_time = g_date_time_new_from_iso8601 (group->created_time_text, NULL);
      if (group->created_time == NULL)
        return malformed (error, "The Auto Scaling answer has a bad CreatedTime “%s”.",
                          group->created_time_text);
      g_clear_pointer (&group->created_time_text, g_free);
    }
  if (group->name == NULL)
    return malformed (error, "The Auto Scaling answer has a group without %s.", "AutoScalingGroupName");
  return TRUE;
}

static const AmXmlHandler group_handler = { group_start, record_text, group_end };

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
      parse->group = (AmXmlFields) { group, group_fields, G_N_ELEMENTS (group_fields), NULL };
      am_xml_reader_push (reader, &group_handler, data);
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
