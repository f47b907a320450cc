/* am-sandbox-ssm.c: SSM GetParameter(s)/GetParametersByPath over the public "latest AMI" parameters
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "am-sandbox-catalog.h"
#include "am-sandbox-private.h"

static void
build_parameter (AmSbCall    *call,
                 JsonBuilder *b,
                 const char  *name,
                 AmSbImage   *image)
{
  g_autofree char *arn = g_strdup_printf ("arn:aws:ssm:%s::parameter%s", call->region, name);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "Name");
  json_builder_add_string_value (b, name);
  json_builder_set_member_name (b, "Type");
  json_builder_add_string_value (b, "String");
  json_builder_set_member_name (b, "Value");
  json_builder_add_string_value (b, image->image_id);
  json_builder_set_member_name (b, "Version");
  json_builder_add_int_value (b, 40 + (image->creation_time / 1000 / 86400) % 60);
  json_builder_set_member_name (b, "LastModifiedDate");
  json_builder_add_double_value (b, (double) image->creation_time / 1000.0);
  json_builder_set_member_name (b, "ARN");
  json_builder_add_string_value (b, arn);
  json_builder_set_member_name (b, "DataType");
  json_builder_add_string_value (b, "text");
  json_builder_end_object (b);
}

static char *
finish (JsonBuilder *b)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (b);

  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static const char *
get_string (JsonObject *o,
            const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
_am_sb_ssm_handle (AmSbCall   *call,
                   const char *target,
                   const char *body,
                   gsize       length,
                   GString    *out)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  JsonNode *root;
  JsonObject *o;
  const char *operation;

  if (target == NULL || !g_str_has_prefix (target, "AmazonSSM."))
    return _am_sb_fail (call, 400, "UnknownOperationException",
                        "The X-Amz-Target header must name an AmazonSSM operation.");
  operation = target + strlen ("AmazonSSM.");
  if (!json_parser_load_from_data (parser, length ? body : "{}", length ? (gssize) length : 2, &error))
    return _am_sb_fail (call, 400, "SerializationException", "The request body is not JSON: %s", error->message);
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return _am_sb_fail (call, 400, "SerializationException", "The request body must be a JSON object.");
  o = json_node_get_object (root);

  if (strcmp (operation, "GetParameter") == 0)
    {
      const char *name = get_string (o, "Name");
      AmSbImage *image;

      if (name == NULL)
        return _am_sb_fail (call, 400, "ValidationException", "1 validation error detected: Name must not be null.");
      image = _am_sb_resolve_ssm (call, name);
      if (image == NULL)
        return _am_sb_fail (call, 400, "ParameterNotFound", "Parameter %s not found.", name);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "Parameter");
      build_parameter (call, b, name, image);
      json_builder_end_object (b);
    }
  else if (strcmp (operation, "GetParameters") == 0)
    {
      JsonNode *names_node = json_object_get_member (o, "Names");
      JsonArray *names;
      g_autoptr (GPtrArray) invalid = g_ptr_array_new ();

      if (names_node == NULL || !JSON_NODE_HOLDS_ARRAY (names_node))
        return _am_sb_fail (call, 400, "ValidationException", "1 validation error detected: Names must be a list.");
      names = json_node_get_array (names_node);
      if (json_array_get_length (names) < 1 || json_array_get_length (names) > 10)
        return _am_sb_fail (call, 400, "ValidationException", "Names must hold 1 to 10 names.");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "Parameters");
      json_builder_begin_array (b);
      for (guint i = 0; i < json_array_get_length (names); i++)
        {
          JsonNode *n = json_array_get_element (names, i);
          const char *name = JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
                             ? json_node_get_string (n) : NULL;
          AmSbImage *image = name ? _am_sb_resolve_ssm (call, name) : NULL;

          if (name == NULL)
            return _am_sb_fail (call, 400, "ValidationException", "Names must be strings.");
          if (image == NULL)
            g_ptr_array_add (invalid, (gpointer) name);
          else
            build_parameter (call, b, name, image);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "InvalidParameters");
      json_builder_begin_array (b);
      for (guint i = 0; i < invalid->len; i++)
        json_builder_add_string_value (b, invalid->pdata[i]);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  else if (strcmp (operation, "GetParametersByPath") == 0)
    {
      const char *path = get_string (o, "Path");
      const char *token = get_string (o, "NextToken");
      JsonNode *recursive_node = json_object_get_member (o, "Recursive");
      JsonNode *max_node = json_object_get_member (o, "MaxResults");
      const char *const *all = am_sb_catalog_ssm_parameters ();
      gboolean recursive = FALSE;
      gint64 max_results = 10;
      guint64 offset = 0;
      guint index = 0, sent = 0;
      g_autofree char *prefix = NULL;

      if (path == NULL || path[0] != '/')
        return _am_sb_fail (call, 400, "ValidationException", "Path must start with '/'.");
      if (recursive_node != NULL && JSON_NODE_HOLDS_VALUE (recursive_node)
          && json_node_get_value_type (recursive_node) == G_TYPE_BOOLEAN)
        recursive = json_node_get_boolean (recursive_node);
      if (max_node != NULL && JSON_NODE_HOLDS_VALUE (max_node)
          && json_node_get_value_type (max_node) == G_TYPE_INT64)
        max_results = json_node_get_int (max_node);
      if (max_results < 1 || max_results > 10)
        return _am_sb_fail (call, 400, "ValidationException", "MaxResults must be from 1 to 10.");
      if (token != NULL && !g_ascii_string_to_unsigned (token, 10, 0, 1000, &offset, NULL))
        return _am_sb_fail (call, 400, "ValidationException", "The NextToken is invalid.");
      prefix = g_str_has_suffix (path, "/") ? g_strdup (path) : g_strconcat (path, "/", NULL);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "Parameters");
      json_builder_begin_array (b);
      for (guint i = 0; all[i] != NULL; i++)
        {
          AmSbImage *image;

          if (!g_str_has_prefix (all[i], prefix))
            continue;
          if (!recursive && strchr (all[i] + strlen (prefix), '/') != NULL)
            continue;
          image = _am_sb_resolve_ssm (call, all[i]);
          if (image == NULL)
            continue;
          if (index++ < offset)
            continue;
          if (sent == max_results)
            {
              g_autofree char *next = g_strdup_printf ("%u", (guint) offset + sent);

              json_builder_end_array (b);
              json_builder_set_member_name (b, "NextToken");
              json_builder_add_string_value (b, next);
              json_builder_end_object (b);
              json = finish (b);
              g_string_append (out, json);
              return TRUE;
            }
          build_parameter (call, b, all[i], image);
          sent++;
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  else
    return _am_sb_fail (call, 400, "InvalidAction",
                        "The sandbox's SSM knows GetParameter, GetParameters and GetParametersByPath, not %s.",
                        operation);
  json = finish (b);
  g_string_append (out, json);
  return TRUE;
}
