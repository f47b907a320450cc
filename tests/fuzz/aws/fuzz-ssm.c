/* fuzz-ssm.c: libFuzzer harness for the readers of SSM's GetParameter(s) and by-path pages
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-ssm"

#include "config.h"

#include <string.h>

#include "am-fuzz.h"
#include "aws/am-aws-error.h"
#include "aws/am-json-client-private.h"
#include "aws/am-ssm-private.h"

static void
check_parameter (AmSsmParameter *parameter)
{
  g_autoptr (AmSsmParameter) copy = am_ssm_parameter_copy (parameter);

  g_assert (parameter->name != NULL && parameter->value != NULL);
  g_assert (strcmp (copy->name, parameter->name) == 0);
  g_assert (strcmp (copy->value, parameter->value) == 0);
  g_assert (copy->version == parameter->version);
  if (parameter->last_modified != NULL)
    g_assert (g_date_time_compare (copy->last_modified, parameter->last_modified) == 0);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (GBytes) body = g_bytes_new (data, size);
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GPtrArray) parameters = g_ptr_array_new_with_free_func ((GDestroyNotify) am_ssm_parameter_free);
  g_autoptr (GPtrArray) invalid = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  JsonObject *object;
  JsonNode *member;

  am_fuzz_init ();
  /* json-glib's own leak on documents of several values (see am-fuzz.h) */
  if (am_fuzz_json_has_second_value (data, size))
    return 0;
  root = _am_json_client_parse_body (body, "GetParameters", NULL);
  if (root == NULL)
    return 0;
  object = json_node_get_object (root);

  /* GetParameters and GetParametersByPath pages */
  if (_am_ssm_collect_parameters (object, parameters, invalid, &error))
    {
      g_assert (error == NULL);
      for (guint i = 0; i < parameters->len; i++)
        check_parameter (parameters->pdata[i]);
      for (guint i = 0; i < invalid->len; i++)
        g_assert (invalid->pdata[i] != NULL);
    }
  else
    g_assert (g_error_matches (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE));
  g_clear_error (&error);

  /* GetParameter */
  member = json_object_get_member (object, "Parameter");
  if (member != NULL && JSON_NODE_HOLDS_OBJECT (member))
    {
      g_autoptr (AmSsmParameter) parameter = am_ssm_parameter_new_from_json (json_node_get_object (member),
                                                                            &error);

      if (parameter != NULL)
        check_parameter (parameter);
      else
        g_assert (g_error_matches (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE));
    }
  return 0;
}
