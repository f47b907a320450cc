/* am-sandbox-image-attributes.c: the sandbox's image attribute operations, deprecation and deregistration protection
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <string.h>

#include "am-sandbox-private.h"

/* Image attributes */

static void
xml_value (GString    *s,
           const char *element,
           const char *value)
{
  g_string_append_printf (s, "<%s>", element);
  _am_sb_xml_text (s, "value", value);
  g_string_append_printf (s, "</%s>", element);
}

static gboolean
op_describe_image_attribute (AmSbCall *call)
{
  const char *image_id, *attribute;
  AmSbImage *image;
  GString *s = call->body;
  gboolean owner;

  if (!_am_sb_require (call, "ImageId", &image_id) || !_am_sb_require (call, "Attribute", &attribute))
    return FALSE;
  image = _am_sb_visible_image (call, image_id);
  if (image == NULL)
    return FALSE;
  owner = strcmp (image->owner_id, call->account->account_id) == 0;
  if (_am_sb_dry_run (call))
    return FALSE;
  _am_sb_xml_text (s, "imageId", image_id);
  if (strcmp (attribute, "launchPermission") == 0)
    {
      if (!owner)
        return _am_sb_fail (call, 403, "AuthFailure",
                            "Not authorized for image:%s: only its owner can see its launch permissions.", image_id);
      g_string_append (s, "<launchPermission>");
      for (guint i = 0; i < image->launch_permissions->len; i++)
        {
          AmSbLaunchPermission *perm = image->launch_permissions->pdata[i];
          static const char *const names[] = { "userId", "group", "organizationArn", "organizationalUnitArn" };

          g_string_append (s, "<item>");
          _am_sb_xml_text (s, names[perm->kind], perm->value);
          g_string_append (s, "</item>");
        }
      g_string_append (s, "</launchPermission>");
    }
  else if (strcmp (attribute, "description") == 0)
    xml_value (s, "description", image->description);
  else if (strcmp (attribute, "kernel") == 0)
    g_string_append (s, "<kernel/>");
  else if (strcmp (attribute, "ramdisk") == 0)
    g_string_append (s, "<ramdisk/>");
  else if (strcmp (attribute, "productCodes") == 0)
    _am_sb_xml_product_codes (s, image);
  else if (strcmp (attribute, "blockDeviceMapping") == 0)
    return _am_sb_fail (call, 400, "AuthFailure",
                        "Unauthorized attempt to access restricted resource: use DescribeImages "
                        "for the block device mapping.");
  else if (strcmp (attribute, "sriovNetSupport") == 0)
    xml_value (s, "sriovNetSupport", image->sriov_net_support);
  else if (strcmp (attribute, "bootMode") == 0)
    xml_value (s, "bootMode", image->boot_mode);
  else if (strcmp (attribute, "tpmSupport") == 0)
    xml_value (s, "tpmSupport", image->tpm_support);
  else if (strcmp (attribute, "uefiData") == 0)
    g_string_append (s, "<uefiData/>");
  else if (strcmp (attribute, "imdsSupport") == 0)
    xml_value (s, "imdsSupport", image->imds_support);
  else if (strcmp (attribute, "lastLaunchedTime") == 0)
    {
      g_autofree char *t = image->last_launched_time ? am_sb_format_time (image->last_launched_time) : NULL;

      xml_value (s, "lastLaunchedTime", t);
    }
  else if (strcmp (attribute, "deregistrationProtection") == 0)
    xml_value (s, "deregistrationProtection", _am_sb_protection_state (image, call->now_ms));
  else
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "Value (%s) for parameter attribute is invalid. Unknown attribute.", attribute);
  return TRUE;
}

static gboolean
valid_account_id (const char *id)
{
  return id != NULL && strlen (id) == 12 && strspn (id, "0123456789") == 12;
}

static gboolean
collect_permission (AmSbCall   *call,
                    GPtrArray  *out,
                    AmSbPermKind kind,
                    const char *value)
{
  switch (kind)
    {
    case AM_SB_PERM_USER:
      if (!valid_account_id (value))
        return _am_sb_fail (call, 400, "InvalidAMIAttributeItemValue",
                            "Invalid attribute item value \"%s\" for userId item type: "
                            "use a 12-digit account id.", value);
      break;
    case AM_SB_PERM_GROUP:
      if (strcmp (value, "all") != 0)
        return _am_sb_fail (call, 400, "InvalidAMIAttributeItemValue",
                            "Invalid attribute item value \"%s\" for group item type: "
                            "the only group is 'all'.", value);
      break;
    case AM_SB_PERM_ORG:
      if (!g_str_has_prefix (value, "arn:aws:organizations::") || strstr (value, ":organization/o-") == NULL)
        return _am_sb_fail (call, 400, "InvalidAMIAttributeItemValue",
                            "Invalid organization ARN \"%s\".", value);
      break;
    case AM_SB_PERM_OU:
      if (!g_str_has_prefix (value, "arn:aws:organizations::") || strstr (value, ":ou/o-") == NULL)
        return _am_sb_fail (call, 400, "InvalidAMIAttributeItemValue",
                            "Invalid organizational unit ARN \"%s\".", value);
      break;
    default:
      g_assert_not_reached ();
    }
  g_ptr_array_add (out, am_sb_launch_permission_new (kind, value));
  return TRUE;
}

gboolean
_am_sb_collect_permission_changes (AmSbCall           *call,
                                   const char         *list,
                                   const AmSbPermName *fields,
                                   guint               n_fields,
                                   const AmSbPermName *flat,
                                   guint               n_flat,
                                   AmSbPermCollect     collect,
                                   GPtrArray          *add,
                                   GPtrArray          *remove)
{
  const char *operation = _am_sb_param (call, "OperationType");

  for (guint side = 0; side < 2; side++)
    {
      g_autofree char *prefix = g_strconcat (list, side == 0 ? ".Add" : ".Remove", NULL);
      g_autoptr (GArray) indices = _am_sb_param_indices (call, prefix);

      for (guint i = 0; i < indices->len; i++)
        for (guint f = 0; f < n_fields; f++)
          {
            g_autofree char *key = g_strdup_printf ("%s.%u.%s", prefix, g_array_index (indices, guint, i),
                                                    fields[f].name);
            const char *value = _am_sb_param (call, key);

            if (value != NULL && !collect (call, side == 0 ? add : remove, fields[f].kind, value))
              return FALSE;
          }
    }
  for (guint f = 0; f < n_flat; f++)
    {
      g_autoptr (GPtrArray) values = _am_sb_param_list (call, flat[f].name);

      if (values->len == 0)
        continue;
      if (operation == NULL || (strcmp (operation, "add") != 0 && strcmp (operation, "remove") != 0))
        return _am_sb_fail (call, 400, "InvalidParameterValue",
                            "OperationType must be add or remove when %s.N is given.", flat[f].name);
      for (guint i = 0; i < values->len; i++)
        if (!collect (call, strcmp (operation, "add") == 0 ? add : remove, flat[f].kind, values->pdata[i]))
          return FALSE;
    }
  return TRUE;
}

static gboolean
collect_permission_lists (AmSbCall   *call,
                          GPtrArray  *add,
                          GPtrArray  *remove)
{
  static const AmSbPermName fields[] = {
    { "UserId", AM_SB_PERM_USER }, { "Group", AM_SB_PERM_GROUP },
    { "OrganizationArn", AM_SB_PERM_ORG }, { "OrganizationalUnitArn", AM_SB_PERM_OU },
  };
  static const AmSbPermName flat[] = {
    { "UserId", AM_SB_PERM_USER }, { "UserGroup", AM_SB_PERM_GROUP },
    { "OrganizationArn", AM_SB_PERM_ORG }, { "OrganizationalUnitArn", AM_SB_PERM_OU },
  };

  return _am_sb_collect_permission_changes (call, "LaunchPermission", fields, G_N_ELEMENTS (fields),
                                            flat, G_N_ELEMENTS (flat), collect_permission, add, remove);
}

static gboolean
same_permission (AmSbLaunchPermission *a,
                 AmSbLaunchPermission *b)
{
  return a->kind == b->kind && strcmp (a->value, b->value) == 0;
}

static gboolean
op_modify_image_attribute (AmSbCall *call)
{
  const char *image_id;
  const char *attribute = _am_sb_param (call, "Attribute");
  const char *description = _am_sb_param (call, "Description.Value");
  const char *imds = _am_sb_param (call, "ImdsSupport.Value");
  const char *value = _am_sb_param (call, "Value");
  g_autoptr (GPtrArray) add = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_launch_permission_free);
  g_autoptr (GPtrArray) remove = g_ptr_array_new_with_free_func ((GDestroyNotify) am_sb_launch_permission_free);
  AmSbImage *image;

  if (!_am_sb_require (call, "ImageId", &image_id))
    return FALSE;
  image = _am_sb_owned_image (call, image_id);
  if (image == NULL)
    return FALSE;
  if (!collect_permission_lists (call, add, remove))
    return FALSE;
  if (attribute != NULL && strcmp (attribute, "description") == 0 && description == NULL)
    description = value;
  if (attribute != NULL && strcmp (attribute, "imdsSupport") == 0 && imds == NULL)
    imds = value;
  if (attribute != NULL && strcmp (attribute, "launchPermission") != 0 && strcmp (attribute, "description") != 0
      && strcmp (attribute, "imdsSupport") != 0 && strcmp (attribute, "productCodes") != 0)
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "Value (%s) for parameter attribute is invalid; "
                        "use launchPermission, description or imdsSupport.",
                        attribute);
  if (imds != NULL && strcmp (imds, "v2.0") != 0)
    return _am_sb_fail (call, 400, "InvalidParameterValue", "ImdsSupport can only be set to v2.0.");
  if (add->len == 0 && remove->len == 0 && description == NULL && imds == NULL)
    return _am_sb_fail (call, 400, "MissingParameter",
                        "Nothing to modify: give LaunchPermission.Add/Remove, Description or ImdsSupport.");
  if (description != NULL && strlen (description) > 255)
    return _am_sb_fail (call, 400, "InvalidParameterValue", "The description may be at most 255 characters.");
  if (!_am_sb_check_public_sharing (call, image, add))
    return FALSE;
  if (_am_sb_dry_run (call))
    return FALSE;

  for (guint i = 0; i < remove->len; i++)
    for (guint j = 0; j < image->launch_permissions->len; j++)
      if (same_permission (remove->pdata[i], image->launch_permissions->pdata[j]))
        {
          g_ptr_array_remove_index (image->launch_permissions, j);
          break;
        }
  for (guint i = 0; i < add->len; i++)
    {
      gboolean present = FALSE;

      for (guint j = 0; j < image->launch_permissions->len && !present; j++)
        present = same_permission (add->pdata[i], image->launch_permissions->pdata[j]);
      if (!present)
        g_ptr_array_add (image->launch_permissions, g_ptr_array_steal_index (add, i--));
    }
  if (description != NULL)
    {
      g_free (image->description);
      image->description = g_strdup (description);
    }
  if (imds != NULL)
    image->imds_support = g_intern_static_string ("v2.0");
  return _am_sb_changed (call);
}

static gboolean
op_reset_image_attribute (AmSbCall *call)
{
  const char *image_id, *attribute;
  AmSbImage *image;

  if (!_am_sb_require (call, "ImageId", &image_id) || !_am_sb_require (call, "Attribute", &attribute))
    return FALSE;
  image = _am_sb_owned_image (call, image_id);
  if (image == NULL)
    return FALSE;
  if (strcmp (attribute, "launchPermission") != 0)
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "Value (%s) for parameter attribute is invalid; only launchPermission can be reset.",
                        attribute);
  if (_am_sb_dry_run (call))
    return FALSE;
  g_ptr_array_set_size (image->launch_permissions, 0);
  return _am_sb_changed (call);
}

/* Deprecation and deregistration protection */

static gboolean
op_enable_image_deprecation (AmSbCall *call)
{
  const char *image_id, *deprecate_at;
  AmSbImage *image;
  gint64 when;

  if (!_am_sb_require (call, "ImageId", &image_id) || !_am_sb_require (call, "DeprecateAt", &deprecate_at))
    return FALSE;
  image = _am_sb_owned_image (call, image_id);
  if (image == NULL)
    return FALSE;
  if (!am_sb_parse_time (deprecate_at, &when))
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "Value (%s) for parameter DeprecateAt is invalid: use an ISO 8601 time in UTC, "
                        "e.g. 2027-05-01T00:00:00Z.", deprecate_at);
  /* EC2 rounds to the nearest minute (floor division, so that times before 1970 round too). */
  when += 30000;
  when -= ((when % 60000) + 60000) % 60000;
  if (when < call->now_ms - 60000)
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "DeprecateAt %s is in the past; choose a future time.", deprecate_at);
  if (when > call->now_ms + (gint64) 10 * 366 * 24 * 3600 * 1000)
    return _am_sb_fail (call, 400, "InvalidParameterValue",
                        "DeprecateAt %s is more than 10 years ahead.", deprecate_at);
  if (_am_sb_dry_run (call))
    return FALSE;
  image->deprecation_time = when;
  return _am_sb_changed (call);
}

static gboolean
op_disable_image_deprecation (AmSbCall *call)
{
  AmSbImage *image = _am_sb_image_to_change (call);

  if (image == NULL)
    return FALSE;
  image->deprecation_time = 0;
  return _am_sb_changed (call);
}

static gboolean
op_enable_deregistration_protection (AmSbCall *call)
{
  const char *image_id;
  AmSbImage *image;
  gboolean cooldown;

  if (!_am_sb_require (call, "ImageId", &image_id)
      || !_am_sb_param_bool (call, "WithCooldown", FALSE, &cooldown))
    return FALSE;
  image = _am_sb_owned_image (call, image_id);
  if (image == NULL || _am_sb_dry_run (call))
    return FALSE;
  image->deregistration_protection = TRUE;
  image->protection_cooldown = cooldown;
  image->protection_until = 0;
  call->mutated = TRUE;
  _am_sb_xml_text (call->body, "return", cooldown ? "enabled-with-cooldown" : "enabled-without-cooldown");
  return TRUE;
}

static gboolean
op_disable_deregistration_protection (AmSbCall *call)
{
  AmSbImage *image = _am_sb_image_to_change (call);

  if (image == NULL)
    return FALSE;
  /* With a cooldown the protection lasts 24 hours after it is disabled. */
  if (image->deregistration_protection && image->protection_cooldown)
    image->protection_until = call->now_ms + (gint64) 24 * 3600 * 1000;
  image->deregistration_protection = FALSE;
  image->protection_cooldown = FALSE;
  call->mutated = TRUE;
  _am_sb_xml_text (call->body, "return",
                   am_sb_image_is_protected (image, call->now_ms) ? "disabled-with-cooldown" : "disabled");
  return TRUE;
}

/* Dispatch: the actions of this file and the parameter names they accept */

#define PERMISSIONS(side) "LaunchPermission." side ".N.UserId", "LaunchPermission." side ".N.Group", \
                          "LaunchPermission." side ".N.OrganizationArn", \
                          "LaunchPermission." side ".N.OrganizationalUnitArn"
static const char *const image_attribute[] = { "ImageId", "Attribute", NULL };
static const char *const modify_image_attribute[] = {
  "ImageId", "Attribute", "OperationType", "UserId.N", "UserGroup.N", "OrganizationArn.N",
  "OrganizationalUnitArn.N", "ProductCode.N", "Description.Value", "ImdsSupport.Value", "Value",
  PERMISSIONS ("Add"), PERMISSIONS ("Remove"), NULL
};
static const char *const enable_deprecation[] = { "ImageId", "DeprecateAt", NULL };
static const char *const image_id[] = { "ImageId", NULL };
static const char *const enable_protection[] = { "ImageId", "WithCooldown", NULL };

const AmSbAction _am_sb_image_attribute_actions[] = {
  { "DescribeImageAttribute", op_describe_image_attribute, image_attribute },
  { "ModifyImageAttribute", op_modify_image_attribute, modify_image_attribute },
  { "ResetImageAttribute", op_reset_image_attribute, image_attribute },
  { "EnableImageDeprecation", op_enable_image_deprecation, enable_deprecation },
  { "DisableImageDeprecation", op_disable_image_deprecation, image_id },
  { "EnableImageDeregistrationProtection", op_enable_deregistration_protection, enable_protection },
  { "DisableImageDeregistrationProtection", op_disable_deregistration_protection, image_id },
  { NULL }
};
