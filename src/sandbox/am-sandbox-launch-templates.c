/* am-sandbox-launch-templates.c: the sandbox's launch template operations (CreateLaunchTemplate, DescribeLaunchTemplates)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <string.h>

#include "am-sandbox-catalog.h"
#include "am-sandbox-private.h"

/* Launch templates */

AmSbLaunchTemplate *
_am_sb_find_template (AmSbCall   *call,
                      const char *id,
                      const char *name)
{
  g_autoptr (GPtrArray) templates = _am_sb_my_resources (call, call->state->launch_templates);

  for (guint i = 0; i < templates->len; i++)
    {
      AmSbLaunchTemplate *lt = templates->pdata[i];

      if ((id != NULL && strcmp (lt->launch_template_id, id) == 0)
          || (name != NULL && strcmp (lt->name, name) == 0))
        return lt;
    }
  return NULL;
}


static void
xml_template_fields (AmSbCall           *call,
                     AmSbLaunchTemplate *lt)
{
  GString *s = call->body;
  const AmSbAccount *owner = am_sb_account_by_id (lt->owner_id);
  g_autofree char *by = g_strdup_printf ("arn:aws:iam::%s:user/%s", lt->owner_id, owner ? owner->name : "user");

  _am_sb_xml_text (s, "launchTemplateId", lt->launch_template_id);
  _am_sb_xml_text (s, "launchTemplateName", lt->name);
  _am_sb_xml_time (s, "createTime", lt->create_time);
  _am_sb_xml_text (s, "createdBy", by);
  _am_sb_xml_int (s, "defaultVersionNumber", 1);
  _am_sb_xml_int (s, "latestVersionNumber", 1);
  _am_sb_xml_tags (s, _am_sb_tags_of (call, lt->launch_template_id));
}

static void
xml_template (AmSbCall *call,
              gpointer  item)
{
  g_string_append (call->body, "<item>");
  xml_template_fields (call, item);
  g_string_append (call->body, "</item>");
}

static gboolean
valid_template_name (const char *name)
{
  gsize len = strlen (name);

  if (len < 3 || len > 128)
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_isalnum (*p) && strchr ("().-/_", *p) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
op_create_launch_template (AmSbCall *call)
{
  const char *name;
  const char *token = _am_sb_param (call, "ClientToken");
  g_autoptr (GHashTable) data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) tags = _am_sb_tag_specs (call, "launch-template");
  const char *image_id, *instance_type;
  const char *earlier = NULL;
  AmSbLaunchTemplate *lt;
  GHashTableIter iter;
  gpointer key, value;

  if (!_am_sb_require (call, "LaunchTemplateName", &name))
    return FALSE;
  if (!valid_template_name (name))
    return _am_sb_fail (call, 400, "InvalidLaunchTemplateName.MalformedException",
                        "Launch template names are 3 to 128 characters: letters, digits, ( ) . - / _");
  g_hash_table_iter_init (&iter, call->params);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "LaunchTemplateData."))
      g_hash_table_insert (data, g_strdup ((char *) key + strlen ("LaunchTemplateData.")), g_strdup (value));
  if (g_hash_table_size (data) == 0)
    return _am_sb_fail (call, 400, "MissingParameter", "The request must contain the parameter LaunchTemplateData");
  image_id = g_hash_table_lookup (data, "ImageId");
  if (image_id != NULL && !g_str_has_prefix (image_id, "resolve:ssm:")
      && _am_sb_visible_image (call, image_id) == NULL)
    return FALSE;
  if (image_id != NULL && g_str_has_prefix (image_id, "resolve:ssm:")
      && _am_sb_resolve_ssm (call, image_id + strlen ("resolve:ssm:")) == NULL)
    return _am_sb_fail (call, 400, "InvalidParameterValue", "The SSM parameter %s does not exist.",
                        image_id + strlen ("resolve:ssm:"));
  instance_type = g_hash_table_lookup (data, "InstanceType");
  if (instance_type != NULL && am_sb_instance_type_lookup (instance_type) == NULL)
    return _am_sb_fail (call, 400, "InvalidParameterValue", "Invalid value '%s' for InstanceType.", instance_type);
  if (token != NULL && _am_sb_lookup_client_token (call, token, &earlier))
    {
      if (earlier == NULL || _am_sb_dry_run (call))
        return FALSE;
      lt = g_hash_table_lookup (call->state->launch_templates, earlier);
      if (lt != NULL)
        {
          g_string_append (call->body, "<launchTemplate>");
          xml_template_fields (call, lt);
          g_string_append (call->body, "</launchTemplate>");
          return TRUE;
        }
    }
  if (_am_sb_find_template (call, NULL, name) != NULL)
    return _am_sb_fail (call, 400, "InvalidLaunchTemplateName.AlreadyExistsException",
                        "Launch template name already in use: %s", name);
  if (!_am_sb_check_quota (call, AM_SB_QUOTA_LAUNCH_TEMPLATES, 1))
    return FALSE;
  if (_am_sb_dry_run (call))
    return FALSE;
  lt = g_new0 (AmSbLaunchTemplate, 1);
  lt->launch_template_id = am_sb_state_new_id (call->state, "lt", call->state->launch_templates);
  lt->region = g_intern_string (call->region);
  lt->owner_id = g_intern_string (call->account->account_id);
  lt->name = g_strdup (name);
  lt->version_description = g_strdup (_am_sb_param (call, "VersionDescription"));
  lt->create_time = call->now_ms;
  lt->data = g_steal_pointer (&data);
  g_hash_table_replace (call->state->launch_templates, lt->launch_template_id, lt);
  _am_sb_apply_tag_pairs (call, lt->launch_template_id, tags);
  if (token != NULL)
    _am_sb_save_client_token (call, token, lt->launch_template_id);
  call->mutated = TRUE;
  g_string_append (call->body, "<launchTemplate>");
  xml_template_fields (call, lt);
  g_string_append (call->body, "</launchTemplate>");
  return TRUE;
}

static const char *
template_field (AmSbCall   *call,
                gpointer    resource,
                const char *name,
                char      **owned)
{
  AmSbLaunchTemplate *lt = resource;

  if (strcmp (name, "launch-template-name") == 0)
    return lt->name;
  if (strcmp (name, "create-time") == 0)
    return *owned = am_sb_format_time (lt->create_time);
  return NULL;
}

static gboolean
op_describe_launch_templates (AmSbCall *call)
{
  static const char *const known[] = { "launch-template-name", "create-time", NULL };
  g_autoptr (GPtrArray) names = _am_sb_param_list (call, "LaunchTemplateName");

  for (guint i = 0; i < names->len; i++)
    {
      AmSbLaunchTemplate *lt = _am_sb_find_template (call, NULL, names->pdata[i]);
      g_autofree char *key = NULL;

      if (lt == NULL)
        return _am_sb_fail (call, 400, "InvalidLaunchTemplateName.NotFoundException",
                            "At least one of the launch templates specified in the request does not exist (%s).",
                            (char *) names->pdata[i]);
      key = g_strdup_printf ("LaunchTemplateId.%u", 100 + i);
      g_hash_table_replace (call->params, g_steal_pointer (&key), g_strdup (lt->launch_template_id));
    }
  return _am_sb_describe_simple (call, call->state->launch_templates, "LaunchTemplateId",
                                 "InvalidLaunchTemplateId.NotFound", known, template_field, "launchTemplates",
                                 xml_template);
}

/* Dispatch: the actions of this file and the parameter names they accept */

static const char *const create_launch_template[] = {
  "LaunchTemplateName", "VersionDescription", "ClientToken", "LaunchTemplateData.*", AM_SB_TAG_SPECS, NULL
};
static const char *const describe_launch_templates[] = {
  "LaunchTemplateId.N", "LaunchTemplateName.N", AM_SB_FILTERS, AM_SB_PAGES, NULL
};

const AmSbAction _am_sb_launch_template_actions[] = {
  { "CreateLaunchTemplate", op_create_launch_template, create_launch_template },
  { "DescribeLaunchTemplates", op_describe_launch_templates, describe_launch_templates },
  { NULL }
};
