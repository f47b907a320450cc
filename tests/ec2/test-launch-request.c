/* test-launch-request.c: AmLaunchRequest validation, plan and RunInstances serialisation
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "am-aws-error.h"
#include "am-ec2-error.h"
#include "am-ec2-parse-private.h"
#include "am-launch-request.h"

/* Model objects as EC2 would describe them. */

static GObject *
parse_one (const char        *list_element,
           const AmModelInfo *info,
           const char        *item_xml)
{
  g_autofree char *xml = g_strdup_printf ("<R xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                                          "<requestId>r</requestId><%s><item>%s</item></%s></R>",
                                          list_element, item_xml, list_element);
  g_autoptr (GBytes) body = g_bytes_new (xml, strlen (xml));
  const char *path[] = { list_element, NULL };
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  items = _am_ec2_parse_list (body, info, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  return g_object_ref (g_ptr_array_index (items, 0));
}

static AmImage *
make_image (const char *arch,
            const char *state,
            const char *boot_mode)
{
  g_autofree char *xml = g_strdup_printf (
    "<imageId>ami-0123456789abcdef0</imageId><imageState>%s</imageState>"
    "<architecture>%s</architecture><imageType>machine</imageType>"
    "<name>test-image</name><rootDeviceType>ebs</rootDeviceType>"
    "<rootDeviceName>/dev/xvda</rootDeviceName><virtualizationType>hvm</virtualizationType>"
    "<enaSupport>true</enaSupport>%s%s%s"
    "<blockDeviceMapping>"
    "<item><deviceName>/dev/xvda</deviceName><ebs><snapshotId>snap-0aaa</snapshotId>"
    "<volumeSize>8</volumeSize><deleteOnTermination>true</deleteOnTermination>"
    "<volumeType>gp3</volumeType><iops>3000</iops><throughput>125</throughput>"
    "<encrypted>false</encrypted></ebs></item>"
    "<item><deviceName>/dev/sdb</deviceName><virtualName>ephemeral0</virtualName></item>"
    "</blockDeviceMapping>",
    state, arch,
    boot_mode ? "<bootMode>" : "", boot_mode ? boot_mode : "", boot_mode ? "</bootMode>" : "");

  return AM_IMAGE (parse_one ("imagesSet", _am_image_get_model_info (), xml));
}

static AmInstanceType *
make_type (const char *name,
           const char *arch)
{
  g_autofree char *xml = g_strdup_printf (
    "<instanceType>%s</instanceType><freeTierEligible>true</freeTierEligible>"
    "<supportedRootDeviceTypes><item>ebs</item></supportedRootDeviceTypes>"
    "<supportedVirtualizationTypes><item>hvm</item></supportedVirtualizationTypes>"
    "<processorInfo><supportedArchitectures><item>%s</item></supportedArchitectures></processorInfo>"
    "<vCpuInfo><defaultVCpus>2</defaultVCpus></vCpuInfo><memoryInfo><sizeInMiB>1024</sizeInMiB></memoryInfo>"
    "<networkInfo><enaSupport>required</enaSupport></networkInfo>"
    "<supportedBootModes><item>uefi</item></supportedBootModes>",
    name, arch);

  return AM_INSTANCE_TYPE (parse_one ("instanceTypeSet", _am_instance_type_get_model_info (), xml));
}

static AmVpc *
make_vpc (const char *vpc_id)
{
  g_autofree char *xml = g_strdup_printf ("<vpcId>%s</vpcId><state>available</state>"
                                          "<cidrBlock>172.31.0.0/16</cidrBlock><isDefault>true</isDefault>",
                                          vpc_id);

  return AM_VPC (parse_one ("vpcSet", _am_vpc_get_model_info (), xml));
}

static AmSubnet *
make_subnet (const char *subnet_id,
             const char *vpc_id,
             const char *zone)
{
  g_autofree char *xml = g_strdup_printf ("<subnetId>%s</subnetId><state>available</state>"
                                          "<vpcId>%s</vpcId><availabilityZone>%s</availabilityZone>"
                                          "<cidrBlock>172.31.0.0/20</cidrBlock>",
                                          subnet_id, vpc_id, zone);

  return AM_SUBNET (parse_one ("subnetSet", _am_subnet_get_model_info (), xml));
}

/* A request that passes every step: x86 image, t3.micro, key, 3 subnets in 3 zones. */
static AmLaunchRequest *
make_valid_request (void)
{
  AmLaunchRequest *request = am_launch_request_new ();
  g_autoptr (AmImage) image = make_image ("x86_64", "available", "uefi-preferred");
  g_autoptr (AmInstanceType) type = make_type ("t3.micro", "x86_64");
  g_autoptr (AmVpc) vpc = make_vpc ("vpc-1");
  const char *zones[] = { "us-east-1a", "us-east-1b", "us-east-1c" };

  am_launch_request_set_image (request, image);
  am_launch_request_set_instance_type (request, type);
  am_launch_request_set_key_name (request, "my-key");
  am_launch_request_set_vpc (request, vpc);
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autofree char *id = g_strdup_printf ("subnet-%c", 'a' + i);
      g_autoptr (AmSubnet) subnet = make_subnet (id, "vpc-1", zones[i]);

      am_launch_request_add_subnet (request, subnet);
    }
  am_launch_request_add_security_group (request, "sg-1");
  am_launch_request_set_count (request, 6);
  return request;
}

/* Asserts that @field is invalid with a message containing @needle, and the request with it. */
static void
assert_invalid (AmLaunchRequest *request,
                AmLaunchField    field,
                const char      *needle)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) step_error = NULL;
  AmLaunchField failed = AM_LAUNCH_N_FIELDS;

  g_assert_false (am_launch_request_validate_field (request, field, &error));
  g_assert_error (error, AM_EC2_ERROR, AM_EC2_ERROR_INVALID_INPUT);
  g_test_message ("%s", error->message);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, needle);

  g_assert_false (am_launch_request_validate_full (request, &failed, &step_error));
  g_assert_nonnull (step_error);
  g_assert_cmpint (failed, <=, field);
  g_assert_false (am_launch_request_validate (request, NULL));
}

static void
assert_valid (AmLaunchRequest *request,
              AmLaunchField    field)
{
  g_autoptr (GError) error = NULL;

  am_launch_request_validate_field (request, field, &error);
  g_assert_no_error (error);
}

static void
test_valid (void)
{
  g_autoptr (AmLaunchRequest) request = make_valid_request ();
  g_autoptr (GError) error = NULL;

  for (AmLaunchField field = 0; field < AM_LAUNCH_N_FIELDS; field++)
    {
      am_launch_request_validate_field (request, field, &error);
      g_assert_no_error (error);
    }
  am_launch_request_validate (request, &error);
  g_assert_no_error (error);
  g_assert_true (am_launch_request_get_imdsv2_required (request));
  /* the root volume from the image and its instance store device */
  g_assert_cmpuint (am_launch_request_get_n_volumes (request), ==, 2);
  g_assert_cmpint (am_launch_request_get_volume (request, 0)->snapshot_size, ==, 8);
  g_assert_true (am_launch_request_get_volume (request, 0)->from_image);
  g_assert_cmpstr (am_launch_request_get_volume (request, 1)->virtual_name, ==, "ephemeral0");
}

static void
test_validate_image_and_type (void)
{
  g_autoptr (AmLaunchRequest) request = am_launch_request_new ();
  g_autoptr (AmImage) deregistered = make_image ("x86_64", "deregistered", NULL);
  g_autoptr (AmImage) arm = make_image ("arm64", "available", "uefi");
  g_autoptr (AmImage) bios = make_image ("x86_64", "available", "legacy-bios");
  g_autoptr (AmInstanceType) t3 = make_type ("t3.micro", "x86_64");
  g_autoptr (GError) error = NULL;

  assert_invalid (request, AM_LAUNCH_FIELD_IMAGE, "Image: choose");
  assert_invalid (request, AM_LAUNCH_FIELD_INSTANCE_TYPE, "Instance type: choose");

  am_launch_request_set_image (request, deregistered);
  assert_invalid (request, AM_LAUNCH_FIELD_IMAGE, "deregistered");

  am_launch_request_set_image (request, arm);
  assert_valid (request, AM_LAUNCH_FIELD_IMAGE);
  am_launch_request_set_instance_type (request, t3);
  assert_invalid (request, AM_LAUNCH_FIELD_INSTANCE_TYPE, "built for arm64");

  /* the test type boots UEFI only */
  g_assert_false (am_launch_instance_type_fits (bios, t3, &error));
  g_assert_error (error, AM_EC2_ERROR, AM_EC2_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "legacy-bios"));
}

static void
test_validate_key_pair (void)
{
  g_autoptr (AmLaunchRequest) request = make_valid_request ();

  am_launch_request_set_key_name (request, NULL);
  assert_invalid (request, AM_LAUNCH_FIELD_KEY_PAIR, "Key pair:");
  am_launch_request_set_no_key_acknowledged (request, TRUE);
  assert_valid (request, AM_LAUNCH_FIELD_KEY_PAIR);
}

static void
test_validate_network (void)
{
  g_autoptr (AmLaunchRequest) request = make_valid_request ();
  g_autoptr (AmSubnet) same_zone = make_subnet ("subnet-z", "vpc-1", "us-east-1a");
  g_autoptr (AmVpc) other_vpc = make_vpc ("vpc-2");
  g_autofree char *cidr = NULL;

  am_launch_request_add_subnet (request, same_zone);
  assert_invalid (request, AM_LAUNCH_FIELD_SUBNETS, "both in us-east-1a");
  am_launch_request_remove_subnet (request, "subnet-z");
  assert_valid (request, AM_LAUNCH_FIELD_SUBNETS);

  am_launch_request_set_count (request, 0);
  assert_invalid (request, AM_LAUNCH_FIELD_COUNT, "Number of instances");
  am_launch_request_set_count (request, 6);

  /* a new group: name rules and the source */
  am_launch_request_remove_security_group (request, "sg-1");
  assert_invalid (request, AM_LAUNCH_FIELD_SECURITY_GROUPS, "Security groups:");
  am_launch_request_set_create_group (request, TRUE);
  assert_valid (request, AM_LAUNCH_FIELD_SECURITY_GROUPS);
  assert_invalid (request, AM_LAUNCH_FIELD_NEW_GROUP_NAME, "enter a name");
  am_launch_request_set_new_group_name (request, "sg-web");
  assert_invalid (request, AM_LAUNCH_FIELD_NEW_GROUP_NAME, "cannot start with");
  am_launch_request_set_new_group_name (request, "web<1>");
  assert_invalid (request, AM_LAUNCH_FIELD_NEW_GROUP_NAME, "“<” is not allowed");
  am_launch_request_set_new_group_name (request, "launch-wizard-1");
  assert_valid (request, AM_LAUNCH_FIELD_NEW_GROUP_NAME);

  am_launch_request_set_new_group_rules (request, AM_LAUNCH_RULE_SSH | AM_LAUNCH_RULE_HTTPS);
  am_launch_request_set_new_group_source (request, AM_LAUNCH_SOURCE_MY_IP);
  assert_invalid (request, AM_LAUNCH_FIELD_NEW_GROUP_SOURCE, "not known yet");
  am_launch_request_set_my_ip (request, "198.51.100.7");
  assert_valid (request, AM_LAUNCH_FIELD_NEW_GROUP_SOURCE);
  cidr = am_launch_request_dup_new_group_cidr (request);
  g_assert_cmpstr (cidr, ==, "198.51.100.7/32");

  am_launch_request_set_new_group_source (request, AM_LAUNCH_SOURCE_CUSTOM);
  assert_invalid (request, AM_LAUNCH_FIELD_NEW_GROUP_SOURCE, "Source: enter");
  am_launch_request_set_custom_cidr (request, "10.0.0.1/24");
  assert_invalid (request, AM_LAUNCH_FIELD_NEW_GROUP_SOURCE, "the block is 10.0.0.0/24");
  am_launch_request_set_custom_cidr (request, "10.0.0.0/33");
  assert_invalid (request, AM_LAUNCH_FIELD_NEW_GROUP_SOURCE, "out of range");
  am_launch_request_set_custom_cidr (request, "10.0.300.0/24");
  assert_invalid (request, AM_LAUNCH_FIELD_NEW_GROUP_SOURCE, "not an IPv4 or IPv6");
  am_launch_request_set_custom_cidr (request, "10.0.0.0");
  assert_invalid (request, AM_LAUNCH_FIELD_NEW_GROUP_SOURCE, "no prefix length");
  am_launch_request_set_custom_cidr (request, "2001:db8::/32");
  assert_valid (request, AM_LAUNCH_FIELD_NEW_GROUP_SOURCE);
  am_launch_request_set_custom_cidr (request, "10.0.0.0/16");
  assert_valid (request, AM_LAUNCH_FIELD_NEW_GROUP_SOURCE);

  /* another VPC drops the subnets and groups of the first */
  am_launch_request_set_vpc (request, other_vpc);
  g_assert_cmpuint (am_launch_request_get_subnets (request)->len, ==, 0);
  assert_invalid (request, AM_LAUNCH_FIELD_SUBNETS, "at least one subnet");
  am_launch_request_set_vpc (request, NULL);
  assert_invalid (request, AM_LAUNCH_FIELD_VPC, "VPC:");
}

static void
test_validate_storage (void)
{
  g_autoptr (AmLaunchRequest) request = make_valid_request ();
  g_autoptr (AmLaunchVolume) root = am_launch_volume_copy (am_launch_request_get_volume (request, 0));
  guint added;

  root->size = 4;
  am_launch_request_replace_volume (request, 0, root);
  assert_invalid (request, AM_LAUNCH_FIELD_VOLUMES, "smaller than its snapshot (8 GiB)");

  root->size = 20;
  g_free (root->volume_type);
  root->volume_type = g_strdup ("st1");
  am_launch_request_replace_volume (request, 0, root);
  assert_invalid (request, AM_LAUNCH_FIELD_VOLUMES, "cannot be a boot volume");

  g_free (root->volume_type);
  root->volume_type = g_strdup ("io2");
  root->iops = 0;
  am_launch_request_replace_volume (request, 0, root);
  assert_invalid (request, AM_LAUNCH_FIELD_VOLUMES, "need provisioned IOPS");
  root->iops = 30000;
  am_launch_request_replace_volume (request, 0, root);
  assert_invalid (request, AM_LAUNCH_FIELD_VOLUMES, "needs at least 30 GiB");
  root->iops = 10000;
  am_launch_request_replace_volume (request, 0, root);
  assert_valid (request, AM_LAUNCH_FIELD_VOLUMES);

  /* switching to gp2 drops IOPS and throughput the type does not take */
  g_free (root->volume_type);
  root->volume_type = g_strdup ("gp2");
  root->throughput = 500;
  am_launch_request_replace_volume (request, 0, root);
  g_assert_cmpint (am_launch_request_get_volume (request, 0)->iops, ==, 0);
  g_assert_cmpint (am_launch_request_get_volume (request, 0)->throughput, ==, 0);
  assert_valid (request, AM_LAUNCH_FIELD_VOLUMES);

  g_free (root->volume_type);
  root->volume_type = g_strdup ("gp3");
  root->iops = 0;
  root->throughput = 1000;
  am_launch_request_replace_volume (request, 0, root);
  assert_invalid (request, AM_LAUNCH_FIELD_VOLUMES, "needs at least 4000 IOPS");
  root->throughput = 250;
  am_launch_request_replace_volume (request, 0, root);
  assert_valid (request, AM_LAUNCH_FIELD_VOLUMES);

  added = am_launch_request_add_volume (request, 100);
  g_assert_cmpstr (am_launch_request_get_volume (request, added)->device_name, ==, "/dev/sdf");
  g_assert_cmpint (am_launch_request_get_volume (request, added)->snapshot_size, ==, 0);
  {
    g_autoptr (AmLaunchVolume) data = am_launch_volume_copy (am_launch_request_get_volume (request, added));

    g_free (data->volume_type);
    data->volume_type = g_strdup ("sc1");
    am_launch_request_replace_volume (request, added, data);
    assert_invalid (request, AM_LAUNCH_FIELD_VOLUMES, "125 to 16384 GiB");
    data->size = 500;
    am_launch_request_replace_volume (request, added, data);
    assert_valid (request, AM_LAUNCH_FIELD_VOLUMES);
  }
  g_assert_cmpuint (am_launch_request_add_volume (request, 10), ==, added + 1);
  g_assert_cmpstr (am_launch_request_get_volume (request, added + 1)->device_name, ==, "/dev/sdg");
  am_launch_request_remove_volume (request, added + 1);
  g_assert_cmpuint (am_launch_request_get_n_volumes (request), ==, added + 1);
}

static void
test_validate_details (void)
{
  g_autoptr (AmLaunchRequest) request = make_valid_request ();
  g_autofree char *big = NULL;
  guint index;

  am_launch_request_set_name (request, "web");
  g_assert_cmpstr (am_launch_request_get_name (request), ==, "web");
  index = am_launch_request_add_tag (request, "", "x", TRUE, FALSE);
  assert_invalid (request, AM_LAUNCH_FIELD_TAGS, "has no key");
  am_launch_request_replace_tag (request, index, "aws:owner", "x", TRUE, FALSE);
  assert_invalid (request, AM_LAUNCH_FIELD_TAGS, "reserved");
  am_launch_request_replace_tag (request, index, "Name", "x", TRUE, FALSE);
  assert_invalid (request, AM_LAUNCH_FIELD_TAGS, "appears twice");
  am_launch_request_replace_tag (request, index, "team", "blue", FALSE, FALSE);
  assert_invalid (request, AM_LAUNCH_FIELD_TAGS, "applies to nothing");
  am_launch_request_replace_tag (request, index, "team", "blue", TRUE, FALSE);
  assert_valid (request, AM_LAUNCH_FIELD_TAGS);

  big = g_strnfill (AM_LAUNCH_USER_DATA_MAX + 1, 'x');
  am_launch_request_set_user_data_text (request, big);
  assert_invalid (request, AM_LAUNCH_FIELD_USER_DATA, "16385 bytes is over the 16 KB");
  big[AM_LAUNCH_USER_DATA_MAX] = '\0';
  am_launch_request_set_user_data_text (request, big);
  assert_valid (request, AM_LAUNCH_FIELD_USER_DATA);

  am_launch_request_set_iam_profile (request, "role with spaces");
  assert_invalid (request, AM_LAUNCH_FIELD_IAM_PROFILE, "IAM instance profile");
  am_launch_request_set_iam_profile (request, "arn:aws:iam::123456789012:role/x");
  assert_invalid (request, AM_LAUNCH_FIELD_IAM_PROFILE, "not an instance profile ARN");
  am_launch_request_set_iam_profile (request, "web-server");
  assert_valid (request, AM_LAUNCH_FIELD_IAM_PROFILE);
}

static void
test_spread (void)
{
  guint counts[4];

  am_launch_spread (6, 3, counts);
  g_assert_cmpuint (counts[0], ==, 2);
  g_assert_cmpuint (counts[1], ==, 2);
  g_assert_cmpuint (counts[2], ==, 2);
  am_launch_spread (7, 3, counts);
  g_assert_cmpuint (counts[0], ==, 3);
  g_assert_cmpuint (counts[1], ==, 2);
  g_assert_cmpuint (counts[2], ==, 2);
  am_launch_spread (5, 4, counts);
  g_assert_cmpuint (counts[0], ==, 2);
  g_assert_cmpuint (counts[1], ==, 1);
  g_assert_cmpuint (counts[3], ==, 1);
  am_launch_spread (2, 3, counts);
  g_assert_cmpuint (counts[0], ==, 1);
  g_assert_cmpuint (counts[1], ==, 1);
  g_assert_cmpuint (counts[2], ==, 0);
}

static void
test_plan (void)
{
  g_autoptr (AmLaunchRequest) request = make_valid_request ();
  g_autoptr (GArray) plan = am_launch_request_plan (request);
  g_autoptr (GArray) small = NULL;

  g_assert_cmpuint (plan->len, ==, 3);
  for (guint i = 0; i < plan->len; i++)
    g_assert_cmpuint (g_array_index (plan, AmLaunchPlacement, i).count, ==, 2);
  g_assert_cmpstr (am_subnet_get_availability_zone (g_array_index (plan, AmLaunchPlacement, 2).subnet),
                   ==, "us-east-1c");

  /* fewer instances than subnets: the last subnets get none and are not called */
  am_launch_request_set_count (request, 2);
  small = am_launch_request_plan (request);
  g_assert_cmpuint (small->len, ==, 2);
  g_assert_cmpstr (am_subnet_get_subnet_id (g_array_index (small, AmLaunchPlacement, 1).subnet),
                   ==, "subnet-b");
}

static void
test_run_instances (void)
{
  g_autoptr (AmLaunchRequest) request = make_valid_request ();
  g_autoptr (GArray) plan = NULL;
  g_autoptr (AmQueryParams) first = NULL;
  g_autoptr (AmQueryParams) again = NULL;
  g_autoptr (AmQueryParams) second = NULL;
  g_autoptr (AmQueryParams) dry = NULL;
  g_autofree char *expected_user_data = g_base64_encode ((const guchar *) "#!/bin/sh\necho hi\n", 18);
  guint added;

  am_launch_request_set_name (request, "web");
  am_launch_request_add_tag (request, "team", "blue", TRUE, FALSE);
  am_launch_request_add_tag (request, "backup", "daily", FALSE, TRUE);
  am_launch_request_set_user_data_text (request, "#!/bin/sh\necho hi\n");
  am_launch_request_set_iam_profile (request, "web-server");
  am_launch_request_set_termination_protection (request, TRUE);
  added = am_launch_request_add_volume (request, 50);
  {
    g_autoptr (AmLaunchVolume) data = am_launch_volume_copy (am_launch_request_get_volume (request, added));

    data->iops = 4000;
    data->throughput = 250;
    data->encrypted = TRUE;
    data->delete_on_termination = FALSE;
    am_launch_request_replace_volume (request, added, data);
  }

  plan = am_launch_request_plan (request);
  first = am_launch_request_to_run_instances (request, &g_array_index (plan, AmLaunchPlacement, 0), FALSE);
  g_assert_cmpstr (am_query_params_get_action (first), ==, "RunInstances");
  g_assert_cmpstr (am_query_params_get (first, "ImageId"), ==, "ami-0123456789abcdef0");
  g_assert_cmpstr (am_query_params_get (first, "InstanceType"), ==, "t3.micro");
  g_assert_cmpstr (am_query_params_get (first, "KeyName"), ==, "my-key");
  g_assert_cmpstr (am_query_params_get (first, "SubnetId"), ==, "subnet-a");
  g_assert_cmpstr (am_query_params_get (first, "SecurityGroupId.1"), ==, "sg-1");
  g_assert_cmpstr (am_query_params_get (first, "MinCount"), ==, "2");
  g_assert_cmpstr (am_query_params_get (first, "MaxCount"), ==, "2");
  g_assert_null (am_query_params_get (first, "DryRun"));
  g_assert_true (g_str_has_prefix (am_query_params_get (first, "ClientToken"), "amiable-"));
  g_assert_cmpuint (strlen (am_query_params_get (first, "ClientToken")), <=, 64);

  /* the root volume, the instance store device, the added volume */
  g_assert_cmpstr (am_query_params_get (first, "BlockDeviceMapping.1.DeviceName"), ==, "/dev/xvda");
  g_assert_cmpstr (am_query_params_get (first, "BlockDeviceMapping.1.Ebs.VolumeSize"), ==, "8");
  g_assert_cmpstr (am_query_params_get (first, "BlockDeviceMapping.1.Ebs.VolumeType"), ==, "gp3");
  g_assert_cmpstr (am_query_params_get (first, "BlockDeviceMapping.1.Ebs.Iops"), ==, "3000");
  g_assert_cmpstr (am_query_params_get (first, "BlockDeviceMapping.1.Ebs.DeleteOnTermination"), ==, "true");
  g_assert_null (am_query_params_get (first, "BlockDeviceMapping.1.Ebs.Encrypted"));
  g_assert_cmpstr (am_query_params_get (first, "BlockDeviceMapping.2.VirtualName"), ==, "ephemeral0");
  g_assert_null (am_query_params_get (first, "BlockDeviceMapping.2.Ebs.VolumeSize"));
  g_assert_cmpstr (am_query_params_get (first, "BlockDeviceMapping.3.DeviceName"), ==, "/dev/sdf");
  g_assert_cmpstr (am_query_params_get (first, "BlockDeviceMapping.3.Ebs.VolumeSize"), ==, "50");
  g_assert_cmpstr (am_query_params_get (first, "BlockDeviceMapping.3.Ebs.Iops"), ==, "4000");
  g_assert_cmpstr (am_query_params_get (first, "BlockDeviceMapping.3.Ebs.Throughput"), ==, "250");
  g_assert_cmpstr (am_query_params_get (first, "BlockDeviceMapping.3.Ebs.Encrypted"), ==, "true");
  g_assert_cmpstr (am_query_params_get (first, "BlockDeviceMapping.3.Ebs.DeleteOnTermination"), ==, "false");

  /* tags: instance (Name, team) and volume (Name, backup) */
  g_assert_cmpstr (am_query_params_get (first, "TagSpecification.1.ResourceType"), ==, "instance");
  g_assert_cmpstr (am_query_params_get (first, "TagSpecification.1.Tag.1.Key"), ==, "Name");
  g_assert_cmpstr (am_query_params_get (first, "TagSpecification.1.Tag.1.Value"), ==, "web");
  g_assert_cmpstr (am_query_params_get (first, "TagSpecification.1.Tag.2.Key"), ==, "team");
  g_assert_null (am_query_params_get (first, "TagSpecification.1.Tag.3.Key"));
  g_assert_cmpstr (am_query_params_get (first, "TagSpecification.2.ResourceType"), ==, "volume");
  g_assert_cmpstr (am_query_params_get (first, "TagSpecification.2.Tag.2.Key"), ==, "backup");
  g_assert_cmpstr (am_query_params_get (first, "TagSpecification.2.Tag.2.Value"), ==, "daily");

  g_assert_cmpstr (am_query_params_get (first, "UserData"), ==, expected_user_data);
  g_assert_cmpstr (am_query_params_get (first, "IamInstanceProfile.Name"), ==, "web-server");
  g_assert_cmpstr (am_query_params_get (first, "InstanceInitiatedShutdownBehavior"), ==, "stop");
  g_assert_cmpstr (am_query_params_get (first, "DisableApiTermination"), ==, "true");
  g_assert_cmpstr (am_query_params_get (first, "MetadataOptions.HttpTokens"), ==, "required");

  /* the token is stable per subnet and differs between subnets */
  again = am_launch_request_to_run_instances (request, &g_array_index (plan, AmLaunchPlacement, 0), FALSE);
  g_assert_cmpstr (am_query_params_get (again, "ClientToken"), ==, am_query_params_get (first, "ClientToken"));
  second = am_launch_request_to_run_instances (request, &g_array_index (plan, AmLaunchPlacement, 1), FALSE);
  g_assert_cmpstr (am_query_params_get (second, "SubnetId"), ==, "subnet-b");
  g_assert_cmpstr (am_query_params_get (second, "ClientToken"), !=, am_query_params_get (first, "ClientToken"));

  /* a dry run launches nothing and carries no token */
  dry = am_launch_request_to_run_instances (request, &g_array_index (plan, AmLaunchPlacement, 2), TRUE);
  g_assert_cmpstr (am_query_params_get (dry, "DryRun"), ==, "true");
  g_assert_null (am_query_params_get (dry, "ClientToken"));
  g_assert_cmpstr (am_query_params_get (dry, "SubnetId"), ==, "subnet-c");
}

static void
test_run_instances_network_interface (void)
{
  g_autoptr (AmLaunchRequest) request = make_valid_request ();
  g_autoptr (GArray) plan = NULL;
  g_autoptr (AmQueryParams) dry = NULL;
  g_autoptr (AmQueryParams) real = NULL;

  am_launch_request_set_public_ip (request, AM_LAUNCH_PUBLIC_IP_ENABLE);
  am_launch_request_set_create_group (request, TRUE);
  am_launch_request_set_new_group_name (request, "launch-wizard-1");
  am_launch_request_set_imdsv2_required (request, FALSE);
  am_launch_request_set_shutdown_terminates (request, TRUE);
  am_launch_request_set_iam_profile (request, "arn:aws:iam::123456789012:instance-profile/web");
  plan = am_launch_request_plan (request);

  /* before the new group exists, only the chosen group goes out */
  g_assert_true (am_launch_request_needs_group_creation (request));
  dry = am_launch_request_to_run_instances (request, &g_array_index (plan, AmLaunchPlacement, 0), TRUE);
  g_assert_null (am_query_params_get (dry, "SubnetId"));
  g_assert_cmpstr (am_query_params_get (dry, "NetworkInterface.1.DeviceIndex"), ==, "0");
  g_assert_cmpstr (am_query_params_get (dry, "NetworkInterface.1.SubnetId"), ==, "subnet-a");
  g_assert_cmpstr (am_query_params_get (dry, "NetworkInterface.1.AssociatePublicIpAddress"), ==, "true");
  g_assert_cmpstr (am_query_params_get (dry, "NetworkInterface.1.SecurityGroupId.1"), ==, "sg-1");
  g_assert_null (am_query_params_get (dry, "NetworkInterface.1.SecurityGroupId.2"));
  g_assert_null (am_query_params_get (dry, "SecurityGroupId.1"));
  g_assert_cmpstr (am_query_params_get (dry, "MetadataOptions.HttpTokens"), ==, "optional");
  g_assert_cmpstr (am_query_params_get (dry, "InstanceInitiatedShutdownBehavior"), ==, "terminate");
  g_assert_cmpstr (am_query_params_get (dry, "IamInstanceProfile.Arn"), ==,
                   "arn:aws:iam::123456789012:instance-profile/web");

  am_launch_request_set_created_group_id (request, "sg-new");
  g_assert_false (am_launch_request_needs_group_creation (request));
  real = am_launch_request_to_run_instances (request, &g_array_index (plan, AmLaunchPlacement, 0), FALSE);
  g_assert_cmpstr (am_query_params_get (real, "NetworkInterface.1.SecurityGroupId.2"), ==, "sg-new");
}

static void
test_client_tokens_reset (void)
{
  g_autoptr (AmLaunchRequest) request = make_valid_request ();
  g_autofree char *before = g_strdup (am_launch_request_get_client_token (request, "subnet-a"));

  g_assert_cmpstr (am_launch_request_get_client_token (request, "subnet-a"), ==, before);
  am_launch_request_reset_client_tokens (request);
  g_assert_cmpstr (am_launch_request_get_client_token (request, "subnet-a"), !=, before);
}

static void
test_launch_template (void)
{
  g_autoptr (AmLaunchRequest) request = make_valid_request ();
  g_autoptr (AmQueryParams) params = NULL;
  g_autoptr (GError) error = NULL;

  am_launch_request_set_name (request, "web");
  params = am_launch_request_to_launch_template (request, "web-template", "from Amiable", "tok-1", FALSE);
  g_assert_cmpstr (am_query_params_get_action (params), ==, "CreateLaunchTemplate");
  g_assert_cmpstr (am_query_params_get (params, "LaunchTemplateName"), ==, "web-template");
  g_assert_cmpstr (am_query_params_get (params, "VersionDescription"), ==, "from Amiable");
  g_assert_cmpstr (am_query_params_get (params, "ClientToken"), ==, "tok-1");
  g_assert_cmpstr (am_query_params_get (params, "LaunchTemplateData.ImageId"), ==, "ami-0123456789abcdef0");
  g_assert_cmpstr (am_query_params_get (params, "LaunchTemplateData.InstanceType"), ==, "t3.micro");
  g_assert_cmpstr (am_query_params_get (params, "LaunchTemplateData.SecurityGroupId.1"), ==, "sg-1");
  g_assert_cmpstr (am_query_params_get (params, "LaunchTemplateData.BlockDeviceMapping.1.Ebs.VolumeSize"), ==, "8");
  g_assert_cmpstr (am_query_params_get (params, "LaunchTemplateData.TagSpecification.1.Tag.1.Value"), ==, "web");
  g_assert_cmpstr (am_query_params_get (params, "LaunchTemplateData.MetadataOptions.HttpTokens"), ==, "required");
  /* the subnets are the Auto Scaling group's to choose */
  g_assert_null (am_query_params_get (params, "LaunchTemplateData.SubnetId"));
  g_assert_null (am_query_params_get (params, "MinCount"));

  g_assert_false (am_launch_check_launch_template_name ("ab", &error));
  g_assert_error (error, AM_EC2_ERROR, AM_EC2_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (am_launch_check_launch_template_name ("web template", &error));
  g_assert_nonnull (strstr (error->message, "“ ” is not allowed"));
  g_clear_error (&error);
  g_assert_true (am_launch_check_launch_template_name ("web-template_(v1).2/x", &error));
  g_assert_no_error (error);
}

static void
test_field_for_error (void)
{
  static const struct { const char *code; const char *message; AmLaunchField field; } cases[] = {
    { "InvalidAMIID.NotFound", "no image", AM_LAUNCH_FIELD_IMAGE },
    { "InvalidKeyPair.NotFound", "no key", AM_LAUNCH_FIELD_KEY_PAIR },
    { "InsufficientInstanceCapacity", "none left", AM_LAUNCH_FIELD_INSTANCE_TYPE },
    { "InvalidSubnetID.NotFound", "no subnet", AM_LAUNCH_FIELD_SUBNETS },
    { "InvalidGroup.NotFound", "no group", AM_LAUNCH_FIELD_SECURITY_GROUPS },
    { "InvalidBlockDeviceMapping", "bad", AM_LAUNCH_FIELD_VOLUMES },
    { "InvalidParameterValue", "Value (x) for parameter iamInstanceProfile.name is invalid", AM_LAUNCH_FIELD_IAM_PROFILE },
    { "InvalidParameterValue", "BlockDeviceMapping.1.Ebs.VolumeSize is too small", AM_LAUNCH_FIELD_VOLUMES },
    { "InternalError", "oops", AM_LAUNCH_N_FIELDS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = am_aws_error_new (AM_AWS_ERROR_CLIENT, cases[i].code, "req", 400,
                                                   "%s", cases[i].message);

      g_assert_cmpint (am_launch_field_for_error (error), ==, cases[i].field);
    }
}

static void
count_changed (AmLaunchRequest *request,
               guint           *count)
{
  (*count)++;
}

static void
test_changed_signal (void)
{
  g_autoptr (AmLaunchRequest) request = am_launch_request_new ();
  guint changed = 0;

  g_signal_connect (request, "changed", G_CALLBACK (count_changed), &changed);
  am_launch_request_set_key_name (request, "k");
  am_launch_request_set_key_name (request, "k");
  g_assert_cmpuint (changed, ==, 1);
  am_launch_request_set_count (request, 3);
  am_launch_request_set_count (request, 3);
  g_assert_cmpuint (changed, ==, 2);
  am_launch_request_set_user_data_text (request, "x");
  am_launch_request_set_user_data_text (request, "x");
  g_assert_cmpuint (changed, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/launch-request/valid", test_valid);
  g_test_add_func ("/launch-request/validate/image-and-type", test_validate_image_and_type);
  g_test_add_func ("/launch-request/validate/key-pair", test_validate_key_pair);
  g_test_add_func ("/launch-request/validate/network", test_validate_network);
  g_test_add_func ("/launch-request/validate/storage", test_validate_storage);
  g_test_add_func ("/launch-request/validate/details", test_validate_details);
  g_test_add_func ("/launch-request/spread", test_spread);
  g_test_add_func ("/launch-request/plan", test_plan);
  g_test_add_func ("/launch-request/run-instances", test_run_instances);
  g_test_add_func ("/launch-request/run-instances-network-interface", test_run_instances_network_interface);
  g_test_add_func ("/launch-request/client-tokens-reset", test_client_tokens_reset);
  g_test_add_func ("/launch-request/launch-template", test_launch_template);
  g_test_add_func ("/launch-request/field-for-error", test_field_for_error);
  g_test_add_func ("/launch-request/changed-signal", test_changed_signal);

  return g_test_run ();
}
