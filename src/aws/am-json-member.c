/* am-json-member.c: typed access to members of JSON read from files, processes and services
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-json-member"

#include "config.h"

#include <math.h>

#include "am-json-member.h"

/* The last second of 9999-12-31, GDateTime's limit. */
#define MAX_EPOCH_SECONDS 253402300799.0

/* Returns: the member, or %NULL when it is missing or null. */
static JsonNode *
present_member (JsonObject *object,
                const char *name)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, name);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

static void
set_wrong (gboolean *wrong_type,
           gboolean  wrong)
{
  if (wrong_type != NULL)
    *wrong_type = wrong;
}

const char *
am_json_member_string (JsonObject *object,
                       const char *name,
                       gboolean   *wrong_type)
{
  JsonNode *node = present_member (object, name);

  set_wrong (wrong_type, FALSE);
  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      set_wrong (wrong_type, TRUE);
      return NULL;
    }
  return json_node_get_string (node);
}

/* Returns: the member if it is a node of @type, else %NULL (wrong or absent). */
static JsonNode *
member_of_type (JsonObject   *object,
                const char   *name,
                JsonNodeType  type,
                gboolean     *wrong_type)
{
  JsonNode *node = present_member (object, name);

  set_wrong (wrong_type, node != NULL && JSON_NODE_TYPE (node) != type);
  return node != NULL && JSON_NODE_TYPE (node) == type ? node : NULL;
}

JsonObject *
am_json_member_object (JsonObject *object,
                       const char *name,
                       gboolean   *wrong_type)
{
  JsonNode *node = member_of_type (object, name, JSON_NODE_OBJECT, wrong_type);

  return node != NULL ? json_node_get_object (node) : NULL;
}

JsonArray *
am_json_member_array (JsonObject *object,
                      const char *name,
                      gboolean   *wrong_type)
{
  JsonNode *node = member_of_type (object, name, JSON_NODE_ARRAY, wrong_type);

  return node != NULL ? json_node_get_array (node) : NULL;
}

gboolean
am_json_member_number (JsonObject *object,
                       const char *name,
                       double     *value,
                       gboolean   *wrong_type)
{
  JsonNode *node = present_member (object, name);
  GType type;
  double number;

  set_wrong (wrong_type, FALSE);
  if (node == NULL)
    return FALSE;
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type == G_TYPE_INT64)
    number = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    number = json_node_get_double (node);
  else
    {
      set_wrong (wrong_type, TRUE);
      return FALSE;
    }
  if (!isfinite (number))
    {
      set_wrong (wrong_type, TRUE);
      return FALSE;
    }
  *value = number;
  return TRUE;
}

gboolean
am_json_member_int (JsonObject *object,
                    const char *name,
                    gint64      min,
                    gint64      max,
                    gint64     *value,
                    gboolean   *wrong_type)
{
  JsonNode *node = present_member (object, name);
  gint64 number;

  set_wrong (wrong_type, FALSE);
  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      set_wrong (wrong_type, TRUE);
      return FALSE;
    }
  number = json_node_get_int (node);
  if (number < min || number > max)
    {
      set_wrong (wrong_type, TRUE);
      return FALSE;
    }
  *value = number;
  return TRUE;
}

GDateTime *
am_json_epoch_to_date_time (double seconds)
{
  if (!isfinite (seconds) || seconds < 0 || seconds > MAX_EPOCH_SECONDS)
    return NULL;
  return g_date_time_new_from_unix_utc ((gint64) seconds);
}
