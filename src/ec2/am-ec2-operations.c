/* am-ec2-operations.c: which EC2 and Auto Scaling operations may be sent twice
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-ec2-client"

#include "config.h"

#include <string.h>

#include "am-ec2-operations.h"

#define IDEMPOTENT     AM_EC2_OPERATION_IDEMPOTENT
#define CLIENT_TOKEN   AM_EC2_OPERATION_CLIENT_TOKEN
#define NOT_IDEMPOTENT AM_EC2_OPERATION_NOT_IDEMPOTENT

/* Every operation Amiable sends. EC2 has no ClientToken for CreateImage, RegisterImage,
 * CreateKeyPair and CreateSecurityGroup: a repeat after a lost answer fails with *.Duplicate
 * (and a key pair's private key is in that lost answer only), so those are sent once and
 * recovered by name (am-ec2-client.c). */
static const struct
{
  const char         *action;
  AmEc2OperationKind  kind;
} operations[] = {
  /* EC2 reads */
  { "DescribeAvailabilityZones", IDEMPOTENT },
  { "DescribeImageAttribute", IDEMPOTENT },
  { "DescribeImages", IDEMPOTENT },
  { "DescribeInstanceAttribute", IDEMPOTENT },
  { "DescribeInstanceTypes", IDEMPOTENT },
  { "DescribeInstances", IDEMPOTENT },
  { "DescribeKeyPairs", IDEMPOTENT },
  { "DescribeRegions", IDEMPOTENT },
  { "DescribeSecurityGroups", IDEMPOTENT },
  { "DescribeSnapshotAttribute", IDEMPOTENT },
  { "DescribeSnapshots", IDEMPOTENT },
  { "DescribeSubnets", IDEMPOTENT },
  { "DescribeVpcs", IDEMPOTENT },
  { "ListImagesInRecycleBin", IDEMPOTENT },
  { "ListSnapshotsInRecycleBin", IDEMPOTENT },
  /* EC2 changes that end in the same state however often they are sent */
  { "AuthorizeSecurityGroupIngress", IDEMPOTENT },  /* a repeat: InvalidPermission.Duplicate, taken as done */
  { "CreateTags", IDEMPOTENT },
  { "DeleteKeyPair", IDEMPOTENT },
  { "DeleteTags", IDEMPOTENT },
  { "DeregisterImage", IDEMPOTENT },
  { "DisableImageDeprecation", IDEMPOTENT },
  { "DisableImageDeregistrationProtection", IDEMPOTENT },
  { "EnableImageDeprecation", IDEMPOTENT },
  { "EnableImageDeregistrationProtection", IDEMPOTENT },
  { "ModifyImageAttribute", IDEMPOTENT },
  { "ModifyInstanceAttribute", IDEMPOTENT },
  { "ModifySnapshotAttribute", IDEMPOTENT },
  { "ResetImageAttribute", IDEMPOTENT },
  { "StartInstances", IDEMPOTENT },
  { "StopInstances", IDEMPOTENT },
  { "TerminateInstances", IDEMPOTENT },
  /* EC2 changes made safe by a ClientToken */
  { "CopyImage", CLIENT_TOKEN },
  { "CreateLaunchTemplate", CLIENT_TOKEN },
  { "RunInstances", CLIENT_TOKEN },
  /* EC2 changes that a repeat makes twice or refuses as a duplicate */
  { "CreateImage", NOT_IDEMPOTENT },
  { "CreateKeyPair", NOT_IDEMPOTENT },
  { "CreateSecurityGroup", NOT_IDEMPOTENT },
  { "CreateSnapshot", NOT_IDEMPOTENT },  /* a repeat: a second snapshot */
  { "DeleteSnapshot", NOT_IDEMPOTENT },  /* a repeat: InvalidSnapshot.NotFound, though it was done */
  { "RestoreSnapshotFromRecycleBin", NOT_IDEMPOTENT },  /* likewise */
  { "RebootInstances", NOT_IDEMPOTENT },  /* a second reboot */
  { "RegisterImage", NOT_IDEMPOTENT },
  /* Auto Scaling */
  { "CreateAutoScalingGroup", NOT_IDEMPOTENT },  /* a repeat: AlreadyExists */
  { "DeleteAutoScalingGroup", IDEMPOTENT },
  { "DescribeAutoScalingGroups", IDEMPOTENT },
  { "SetDesiredCapacity", IDEMPOTENT },
  { "UpdateAutoScalingGroup", IDEMPOTENT },
  /* governance: reads, and changes that set a state (a repeat sets the same state) */
  { "CancelImageLaunchPermission", IDEMPOTENT },
  { "DeleteImageUsageReport", IDEMPOTENT },
  { "DescribeImageUsageReportEntries", IDEMPOTENT },
  { "DescribeImageUsageReports", IDEMPOTENT },
  { "DisableAllowedImagesSettings", IDEMPOTENT },
  { "DisableImageBlockPublicAccess", IDEMPOTENT },
  { "EnableAllowedImagesSettings", IDEMPOTENT },
  { "EnableImageBlockPublicAccess", IDEMPOTENT },
  { "GetAllowedImagesSettings", IDEMPOTENT },
  { "GetImageAncestry", IDEMPOTENT },
  { "GetImageBlockPublicAccessState", IDEMPOTENT },
  { "ReplaceImageCriteriaInAllowedImagesSettings", IDEMPOTENT },
  { "CreateImageUsageReport", CLIENT_TOKEN },
};

AmEc2OperationKind
am_ec2_operation_get_kind (const char *action)
{
  g_return_val_if_fail (action != NULL, AM_EC2_OPERATION_UNKNOWN);

  for (gsize i = 0; i < G_N_ELEMENTS (operations); i++)
    if (strcmp (operations[i].action, action) == 0)
      return operations[i].kind;
  return AM_EC2_OPERATION_UNKNOWN;
}

gboolean
am_ec2_operation_is_idempotent (const AmQueryParams *params)
{
  const char *action;

  g_return_val_if_fail (params != NULL, FALSE);

  /* A dry run changes nothing, however often it is sent. */
  if (g_strcmp0 (am_query_params_get (params, "DryRun"), "true") == 0)
    return TRUE;

  action = am_query_params_get_action (params);
  switch (am_ec2_operation_get_kind (action))
    {
    case AM_EC2_OPERATION_IDEMPOTENT:
      return TRUE;
    case AM_EC2_OPERATION_CLIENT_TOKEN:
      return am_query_params_get (params, "ClientToken") != NULL;
    case AM_EC2_OPERATION_NOT_IDEMPOTENT:
      return FALSE;
    case AM_EC2_OPERATION_UNKNOWN:
    default:
      /* Sending once is the safe guess for an operation nobody classified. */
      g_debug ("%s is not in the table of operations; it is sent once", action);
      return FALSE;
    }
}
