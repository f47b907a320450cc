/* am-sandbox-params.c: strict form decoding and the parameter names each EC2 action accepts
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-sandbox"

#include "config.h"

#include <string.h>

#include "am-sandbox-private.h"

/* Decodes one form component; NULL on a '%' that is not followed by two hex digits
 * (soup_form_decode drops such pairs silently, so a mistyped value went unnoticed). */
static char *
decode_component (const char *text,
                  gsize       length)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '+')
        g_string_append_c (out, ' ');
      else if (text[i] != '%')
        g_string_append_c (out, text[i]);
      else if (i + 2 < length && g_ascii_isxdigit (text[i + 1]) && g_ascii_isxdigit (text[i + 2]))
        {
          g_string_append_c (out, (char) (g_ascii_xdigit_value (text[i + 1]) * 16
                                          + g_ascii_xdigit_value (text[i + 2])));
          i += 2;
        }
      else
        {
          g_string_free (out, TRUE);
          return NULL;
        }
    }
  return g_string_free (out, FALSE);
}

gboolean
_am_sb_decode_form (GHashTable  *params,
                    const char  *encoded,
                    gsize        length,
                    char       **message)
{
  const char *end = encoded + length;
  const char *p = encoded;

  if (memchr (encoded, '\0', length) != NULL)
    {
      *message = g_strdup ("The query string contains a NUL byte.");
      return FALSE;
    }
  while (p < end)
    {
      const char *amp = memchr (p, '&', end - p);
      const char *pair_end = amp ? amp : end;
      const char *eq = memchr (p, '=', pair_end - p);
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (pair_end > p)
        {
          name = decode_component (p, (eq ? eq : pair_end) - p);
          value = eq ? decode_component (eq + 1, pair_end - eq - 1) : g_strdup ("");
          if (name == NULL || value == NULL)
            {
              g_autofree char *pair = g_strndup (p, MIN (pair_end - p, 100));

              *message = g_strdup_printf ("The query string contains a malformed percent-encoding "
                                          "in \"%s\": use %%XX with two hexadecimal digits.",
                                          g_utf8_validate (pair, -1, NULL) ? pair : "(not UTF-8)");
              return FALSE;
            }
          if (*name != '\0')
            g_hash_table_replace (params, g_steal_pointer (&name), g_steal_pointer (&value));
        }
      p = amp ? amp + 1 : end;
    }
  return TRUE;
}

/*
 * Accepted names, one pattern each: segments separated by dots, where N stands for a list index
 * (1, 2, …) and a final * for any further segments. These are the EC2 API's names for the
 * actions the sandbox implements, including those it accepts but ignores (as EC2 would accept
 * them); anything else is UnknownParameter, as on EC2, so a misspelt name never passes silently.
 */
#define FILTERS "Filter.N.Name", "Filter.N.Value.N"
#define PAGES "MaxResults", "NextToken"
#define TAG_SPECS "TagSpecification.N.ResourceType", "TagSpecification.N.Tag.N.Key", \
                  "TagSpecification.N.Tag.N.Value"
#define BLOCK_DEVICES "BlockDeviceMapping.N.DeviceName", "BlockDeviceMapping.N.VirtualName", \
                      "BlockDeviceMapping.N.NoDevice", "BlockDeviceMapping.N.Ebs.SnapshotId", \
                      "BlockDeviceMapping.N.Ebs.VolumeSize", "BlockDeviceMapping.N.Ebs.VolumeType", \
                      "BlockDeviceMapping.N.Ebs.Iops", "BlockDeviceMapping.N.Ebs.Throughput", \
                      "BlockDeviceMapping.N.Ebs.DeleteOnTermination", "BlockDeviceMapping.N.Ebs.Encrypted", \
                      "BlockDeviceMapping.N.Ebs.KmsKeyId", "BlockDeviceMapping.N.Ebs.OutpostArn"
#define PERMISSIONS(side) "LaunchPermission." side ".N.UserId", "LaunchPermission." side ".N.Group", \
                          "LaunchPermission." side ".N.OrganizationArn", \
                          "LaunchPermission." side ".N.OrganizationalUnitArn"

typedef struct
{
  const char        *action;
  const char *const *names;
} ActionParams;

static const char *const describe_images[] = {
  "ExecutableBy.N", "ImageId.N", "Owner.N", "IncludeDeprecated", "IncludeDisabled", FILTERS, PAGES, NULL
};
static const char *const create_image[] = {
  "InstanceId", "Name", "Description", "NoReboot", "SnapshotLocation", BLOCK_DEVICES, TAG_SPECS, NULL
};
static const char *const register_image[] = {
  "Name", "Description", "ImageLocation", "Architecture", "KernelId", "RamdiskId", "RootDeviceName",
  "VirtualizationType", "EnaSupport", "SriovNetSupport", "BootMode", "TpmSupport", "UefiData",
  "ImdsSupport", "BillingProduct.N", BLOCK_DEVICES, TAG_SPECS, NULL
};
static const char *const deregister_image[] = { "ImageId", "DeleteAssociatedSnapshots", NULL };
static const char *const copy_image[] = {
  "SourceImageId", "SourceRegion", "Name", "Description", "Encrypted", "KmsKeyId", "ClientToken",
  "CopyImageTags", "DestinationOutpostArn", "SnapshotCopyCompletionDurationMinutes",
  "DestinationAvailabilityZone", "DestinationAvailabilityZoneId", TAG_SPECS, NULL
};
static const char *const image_attribute[] = { "ImageId", "Attribute", NULL };
static const char *const modify_image_attribute[] = {
  "ImageId", "Attribute", "OperationType", "UserId.N", "UserGroup.N", "OrganizationArn.N",
  "OrganizationalUnitArn.N", "ProductCode.N", "Description.Value", "ImdsSupport.Value", "Value",
  PERMISSIONS ("Add"), PERMISSIONS ("Remove"), NULL
};
static const char *const image_id[] = { "ImageId", NULL };
static const char *const enable_deprecation[] = { "ImageId", "DeprecateAt", NULL };
static const char *const enable_protection[] = { "ImageId", "WithCooldown", NULL };
static const char *const tags[] = { "ResourceId.N", "Tag.N.Key", "Tag.N.Value", NULL };
static const char *const describe_tags[] = { FILTERS, PAGES, NULL };
static const char *const describe_instances[] = { "InstanceId.N", FILTERS, PAGES, NULL };
static const char *const run_instances[] = {
  "ImageId", "InstanceType", "MinCount", "MaxCount", "KeyName", "SecurityGroupId.N", "SecurityGroup.N",
  "SubnetId", "ClientToken", "UserData", "DisableApiTermination", "DisableApiStop",
  "InstanceInitiatedShutdownBehavior", "EbsOptimized", "PrivateIpAddress", "KernelId", "RamdiskId",
  "AdditionalInfo", "Ipv6AddressCount", "Placement.*", "Monitoring.Enabled", "MetadataOptions.*",
  "IamInstanceProfile.Arn", "IamInstanceProfile.Name", "NetworkInterface.N.*",
  "LaunchTemplate.LaunchTemplateId", "LaunchTemplate.LaunchTemplateName", "LaunchTemplate.Version",
  "CreditSpecification.CpuCredits", "HibernationOptions.Configured", "InstanceMarketOptions.*",
  "CapacityReservationSpecification.*", "CpuOptions.*", "EnclaveOptions.Enabled",
  "MaintenanceOptions.*", "PrivateDnsNameOptions.*", "LicenseSpecification.N.LicenseConfigurationArn",
  BLOCK_DEVICES, TAG_SPECS, NULL
};
static const char *const instance_ids[] = { "InstanceId.N", NULL };
static const char *const start_instances[] = { "InstanceId.N", "AdditionalInfo", NULL };
static const char *const stop_instances[] = { "InstanceId.N", "Force", "Hibernate", NULL };
static const char *const modify_instance_attribute[] = {
  "InstanceId", "Attribute", "Value", "DisableApiTermination.Value", "DisableApiStop.Value",
  "InstanceType.Value", "UserData.Value", "InstanceInitiatedShutdownBehavior.Value", "EbsOptimized.Value",
  "EnaSupport.Value", "SourceDestCheck.Value", "SriovNetSupport.Value", "Kernel.Value", "Ramdisk.Value",
  "GroupId.N", "BlockDeviceMapping.N.DeviceName", "BlockDeviceMapping.N.Ebs.DeleteOnTermination",
  "BlockDeviceMapping.N.Ebs.VolumeId", NULL
};
static const char *const describe_instance_attribute[] = { "InstanceId", "Attribute", NULL };
static const char *const describe_instance_types[] = { "InstanceType.N", FILTERS, PAGES, NULL };
static const char *const describe_key_pairs[] = { "KeyName.N", "KeyPairId.N", "IncludePublicKey", FILTERS, NULL };
static const char *const create_key_pair[] = { "KeyName", "KeyType", "KeyFormat", TAG_SPECS, NULL };
static const char *const delete_key_pair[] = { "KeyName", "KeyPairId", NULL };
static const char *const describe_vpcs[] = { "VpcId.N", FILTERS, PAGES, NULL };
static const char *const describe_subnets[] = { "SubnetId.N", FILTERS, PAGES, NULL };
static const char *const describe_security_groups[] = { "GroupId.N", "GroupName.N", FILTERS, PAGES, NULL };
static const char *const create_security_group[] = { "GroupName", "GroupDescription", "VpcId", TAG_SPECS, NULL };
static const char *const authorize_ingress[] = {
  "GroupId", "GroupName", "IpPermissions.N.*", "CidrIp", "FromPort", "ToPort", "IpProtocol",
  "SourceSecurityGroupName", "SourceSecurityGroupOwnerId", TAG_SPECS, NULL
};
static const char *const describe_zones[] = { "ZoneName.N", "ZoneId.N", "AllAvailabilityZones", FILTERS, NULL };
static const char *const describe_regions[] = { "RegionName.N", "AllRegions", FILTERS, NULL };
static const char *const describe_snapshots[] = {
  "SnapshotId.N", "Owner.N", "RestorableBy.N", FILTERS, PAGES, NULL
};
static const char *const create_launch_template[] = {
  "LaunchTemplateName", "VersionDescription", "ClientToken", "LaunchTemplateData.*", TAG_SPECS, NULL
};
static const char *const describe_launch_templates[] = {
  "LaunchTemplateId.N", "LaunchTemplateName.N", FILTERS, PAGES, NULL
};

static const ActionParams actions[] = {
  { "DescribeImages", describe_images },
  { "CreateImage", create_image },
  { "RegisterImage", register_image },
  { "DeregisterImage", deregister_image },
  { "CopyImage", copy_image },
  { "DescribeImageAttribute", image_attribute },
  { "ModifyImageAttribute", modify_image_attribute },
  { "ResetImageAttribute", image_attribute },
  { "EnableImageDeprecation", enable_deprecation },
  { "DisableImageDeprecation", image_id },
  { "EnableImageDeregistrationProtection", enable_protection },
  { "DisableImageDeregistrationProtection", image_id },
  { "CreateTags", tags },
  { "DeleteTags", tags },
  { "DescribeTags", describe_tags },
  { "DescribeInstances", describe_instances },
  { "RunInstances", run_instances },
  { "StartInstances", start_instances },
  { "StopInstances", stop_instances },
  { "RebootInstances", instance_ids },
  { "TerminateInstances", instance_ids },
  { "ModifyInstanceAttribute", modify_instance_attribute },
  { "DescribeInstanceAttribute", describe_instance_attribute },
  { "DescribeInstanceTypes", describe_instance_types },
  { "DescribeKeyPairs", describe_key_pairs },
  { "CreateKeyPair", create_key_pair },
  { "DeleteKeyPair", delete_key_pair },
  { "DescribeVpcs", describe_vpcs },
  { "DescribeSubnets", describe_subnets },
  { "DescribeSecurityGroups", describe_security_groups },
  { "CreateSecurityGroup", create_security_group },
  { "AuthorizeSecurityGroupIngress", authorize_ingress },
  { "DescribeAvailabilityZones", describe_zones },
  { "DescribeRegions", describe_regions },
  { "DescribeSnapshots", describe_snapshots },
  { "CreateLaunchTemplate", create_launch_template },
  { "DescribeLaunchTemplates", describe_launch_templates },
};

/* Every EC2 action takes these; X-Amz-* carry the signature of presigned requests. */
static const char *const common[] = { "Action", "Version", "DryRun", NULL };

gboolean
_am_sb_param_name_matches (const char *name,
                           const char *pattern)
{
  for (;;)
    {
      const char *dot = strchr (pattern, '.');
      gsize seg = dot ? (gsize) (dot - pattern) : strlen (pattern);

      if (seg == 1 && pattern[0] == '*' && dot == NULL)
        return *name != '\0' && *name != '.';
      if (seg == 1 && pattern[0] == 'N')
        {
          guint digits = 0;

          if (*name < '1' || *name > '9')
            return FALSE;
          while (g_ascii_isdigit (*name) && digits < 6)
            {
              name++;
              digits++;
            }
          if (g_ascii_isdigit (*name))
            return FALSE;
        }
      else
        {
          if (strncmp (name, pattern, seg) != 0)
            return FALSE;
          name += seg;
        }
      if (dot == NULL)
        return *name == '\0';
      if (*name != '.')
        return FALSE;
      name++;
      pattern = dot + 1;
    }
}

static gboolean
declared (const char *const *names,
          const char        *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (_am_sb_param_name_matches (name, names[i]))
      return TRUE;
  return FALSE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

gboolean
_am_sb_check_param_names (AmSbCall   *call,
                          const char *action)
{
  const char *const *names = NULL;
  g_autoptr (GPtrArray) keys = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (actions) && names == NULL; i++)
    if (strcmp (actions[i].action, action) == 0)
      names = actions[i].names;
  if (names == NULL)
    names = _am_sb_governance_params (action);
  if (names == NULL)
    names = _am_sb_lifecycle_param_names (action);
  g_return_val_if_fail (names != NULL, TRUE);

  /* Sorted, so that the error names the same parameter every time. */
  keys = am_sb_hash_keys (call->params);
  g_ptr_array_sort (keys, compare_names);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *name = keys->pdata[i];

      if (g_str_has_prefix (name, "X-Amz-") || declared (common, name) || declared (names, name))
        continue;
      return _am_sb_fail (call, 400, "UnknownParameter", "The parameter %s is not recognized", name);
    }
  return TRUE;
}
