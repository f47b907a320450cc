/* fuzz-ec2-parse.c: libFuzzer harness for the typed EC2 response parser (XML to model objects)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-ec2-parse"

#include "config.h"

#include <string.h>

#include "am-fuzz.h"
#include "aws/am-aws-error.h"
#include "ec2/am-ec2-parse-private.h"

/*
 * Input: one byte picks the answer's shape (the operations of AmEc2Client), one byte the size
 * of the chunks the streaming parser is fed in, then the XML body.
 */

typedef enum
{
  SHAPE_LIST,
  SHAPE_OBJECT,
  SHAPE_VALUE,
} ShapeKind;

typedef struct
{
  ShapeKind            kind;
  const AmModelInfo *(*info) (void);
  const char * const  *path;    /* SHAPE_VALUE: the element, in path[0] */
} Shape;

static const char * const images_path[] = { "imagesSet", NULL };
static const char * const instances_path[] = { "reservationSet", "item", "instancesSet", NULL };
static const char * const instances_set_path[] = { "instancesSet", NULL };
static const char * const instance_types_path[] = { "instanceTypeSet", NULL };
static const char * const key_pairs_path[] = { "keySet", NULL };
static const char * const vpcs_path[] = { "vpcSet", NULL };
static const char * const subnets_path[] = { "subnetSet", NULL };
static const char * const security_groups_path[] = { "securityGroupInfo", NULL };
static const char * const zones_path[] = { "availabilityZoneInfo", NULL };
static const char * const regions_path[] = { "regionInfo", NULL };
static const char * const snapshots_path[] = { "snapshotSet", NULL };
static const char * const launch_template_path[] = { "launchTemplate", NULL };
static const char * const image_id_value[] = { "imageId", NULL };
static const char * const termination_value[] = { "disableApiTermination/value", NULL };
static const char * const return_value[] = { "return", NULL };

static const Shape shapes[] = {
  { SHAPE_LIST, _am_image_get_model_info, images_path },
  { SHAPE_LIST, _am_instance_get_model_info, instances_path },
  { SHAPE_LIST, _am_instance_get_model_info, instances_set_path },
  { SHAPE_LIST, _am_instance_state_change_get_model_info, instances_set_path },
  { SHAPE_LIST, _am_instance_type_get_model_info, instance_types_path },
  { SHAPE_LIST, _am_key_pair_get_model_info, key_pairs_path },
  { SHAPE_LIST, _am_vpc_get_model_info, vpcs_path },
  { SHAPE_LIST, _am_subnet_get_model_info, subnets_path },
  { SHAPE_LIST, _am_security_group_get_model_info, security_groups_path },
  { SHAPE_LIST, _am_availability_zone_get_model_info, zones_path },
  { SHAPE_LIST, _am_region_get_model_info, regions_path },
  { SHAPE_LIST, _am_snapshot_get_model_info, snapshots_path },
  { SHAPE_OBJECT, _am_image_attribute_get_model_info, NULL },
  { SHAPE_OBJECT, _am_key_pair_get_model_info, NULL },
  { SHAPE_OBJECT, _am_launch_template_get_model_info, launch_template_path },
  { SHAPE_VALUE, NULL, image_id_value },
  { SHAPE_VALUE, NULL, termination_value },
  { SHAPE_VALUE, NULL, return_value },
};

/* What the image cache and every other JSON copy rely on: an object read back from its JSON is
 * equal to the original. */
static void
check_json_round_trip (GObject           *object,
                       const AmModelInfo *info)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GObject) again = NULL;
  g_autoptr (GError) error = NULL;

  _am_model_append_json (object, info, text);
  node = json_from_string (text->str, &error);
  if (node == NULL)
    g_error ("a %s's JSON does not parse: %s", info->name, error->message);
  g_assert (JSON_NODE_HOLDS_OBJECT (node));
  again = _am_model_from_json (info, json_node_get_object (node), &error);
  if (again == NULL)
    g_error ("a %s does not read back from its JSON: %s", info->name, error->message);
  if (!_am_model_equal (object, again, info))
    g_error ("a %s differs after a JSON round trip", info->name);
}

static void
check_error (GError *error)
{
  g_assert (error != NULL);
  g_assert (error->domain == AM_AWS_ERROR);
  g_assert (g_utf8_validate (error->message, -1, NULL));
}

static void
fuzz_list (const Shape *shape,
           GBytes      *body,
           gsize        chunk)
{
  const AmModelInfo *info = shape->info ();
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) streamed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (AmEc2Parser) parser = _am_ec2_parser_new_list (info, shape->path);
  g_autoptr (GError) error = NULL;
  g_autofree char *next_token = NULL;
  gsize size;
  const char *data = g_bytes_get_data (body, &size);
  gboolean ok = TRUE;

  items = _am_ec2_parse_list (body, info, shape->path, &next_token, &error);
  if (items == NULL)
    {
      check_error (error);
      g_assert (next_token == NULL);
    }
  else
    {
      g_assert (error == NULL);
      for (guint i = 0; i < items->len; i++)
        {
          g_assert (G_TYPE_CHECK_INSTANCE_TYPE (items->pdata[i], info->get_type ()));
          check_json_round_trip (items->pdata[i], info);
        }
    }
  g_clear_error (&error);

  /* The same body in chunks, taking the items out between chunks as a page reader does,
   * reads the same items. */
  for (gsize offset = 0; ok && offset < size; offset += chunk)
    {
      g_autoptr (GPtrArray) some = NULL;

      ok = _am_ec2_parser_feed (parser, data + offset, MIN (chunk, size - offset), &error);
      some = _am_ec2_parser_steal_items (parser);
      for (guint i = 0; some != NULL && i < some->len; i++)
        g_ptr_array_add (streamed, g_object_ref (some->pdata[i]));
    }
  if (ok)
    ok = _am_ec2_parser_finish (parser, &error);
  if (ok)
    {
      g_autoptr (GPtrArray) rest = _am_ec2_parser_steal_items (parser);

      for (guint i = 0; rest != NULL && i < rest->len; i++)
        g_ptr_array_add (streamed, g_object_ref (rest->pdata[i]));
    }
  g_assert (ok == (items != NULL));
  if (ok)
    {
      g_assert (streamed->len == items->len);
      for (guint i = 0; i < items->len; i++)
        g_assert (_am_model_equal (items->pdata[i], streamed->pdata[i], info));
    }
  else
    check_error (error);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  am_fuzz_ignore_leaks (argc, argv);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const Shape *shape;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  gsize chunk;

  am_fuzz_init ();
  if (size < 2)
    return 0;
  shape = &shapes[data[0] % G_N_ELEMENTS (shapes)];
  chunk = (gsize) data[1] * 16 + 1;
  body = g_bytes_new (data + 2, size - 2);

  switch (shape->kind)
    {
    case SHAPE_LIST:
      fuzz_list (shape, body, chunk);
      break;
    case SHAPE_OBJECT:
      {
        const AmModelInfo *info = shape->info ();
        g_autoptr (GObject) object = _am_ec2_parse_object (body, info, shape->path, &error);

        if (object == NULL)
          check_error (error);
        else
          check_json_round_trip (object, info);
      }
      break;
    case SHAPE_VALUE:
      {
        g_autofree char *value = NULL;
        g_autofree char *optional = NULL;
        gboolean found;

        value = _am_ec2_parse_value (body, shape->path[0], &error);
        g_assert ((value == NULL) == (error != NULL));
        g_clear_error (&error);
        found = _am_ec2_parse_optional_value (body, shape->path[0], &optional, &error);
        g_assert (found == (error == NULL));
        /* A body that has the element gives the same text either way. */
        if (value != NULL)
          g_assert (found && g_strcmp0 (value, optional) == 0);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  return 0;
}
