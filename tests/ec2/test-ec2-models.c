/* test-ec2-models.c: the EC2 model objects read from EC2-shaped XML
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-aws-error.h"
#include "am-ec2-parse-private.h"
#include "am-image.h"
#include "am-image-attribute.h"
#include "am-instance.h"
#include "am-instance-type.h"

static GBytes *
load_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "ec2", "data", name, NULL);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static const char * const images_path[] = { "imagesSet", NULL };

static GPtrArray *
parse_images (GBytes  *body,
              char   **next_token,
              GError **error)
{
  return _am_ec2_parse_list (body, _am_image_get_model_info (), images_path, next_token, error);
}

#define check_search_key(image, expected) \
  G_STMT_START { \
    gsize len_; \
    const char *key_ = am_image_get_search_key (image, &len_); \
    g_assert_cmpmem (key_, len_, expected, sizeof (expected) - 1); \
  } G_STMT_END

static void
check_first_image (AmImage *image)
{
  AmBlockDeviceMapping * const *bdms = am_image_get_block_device_mappings (image);
  AmTag * const *tags = am_image_get_tags (image);

  g_assert_cmpstr (am_image_get_image_id (image), ==, "ami-0abcdef1234567890");
  g_assert_cmpstr (am_image_get_image_location (image), ==,
                   "amazon/al2023-ami-2023.5.20240701.0-kernel-6.1-x86_64");
  g_assert_cmpstr (am_image_get_state (image), ==, "available");
  g_assert_cmpstr (am_image_get_owner_id (image), ==, "137112412989");
  g_assert_cmpstr (am_image_get_creation_date (image), ==, "2024-07-01T20:15:31.000Z");
  g_assert_cmpint (am_image_get_creation_time (image), ==, 1719864931);
  g_assert_true (am_image_get_is_public (image));
  g_assert_null (am_image_get_product_codes (image)[0]);
  g_assert_cmpstr (am_image_get_architecture (image), ==, "x86_64");
  /* interned: the same pointer for every image */
  g_assert_true (am_image_get_architecture (image) == g_intern_static_string ("x86_64"));
  g_assert_cmpstr (am_image_get_image_type (image), ==, "machine");
  g_assert_null (am_image_get_kernel_id (image));
  g_assert_null (am_image_get_platform (image));
  g_assert_cmpstr (am_image_get_platform_details (image), ==, "Linux/UNIX");
  g_assert_cmpstr (am_image_get_usage_operation (image), ==, "RunInstances");
  g_assert_null (am_image_get_state_reason_code (image));
  g_assert_cmpstr (am_image_get_owner_alias (image), ==, "amazon");
  g_assert_cmpstr (am_image_get_name (image), ==, "al2023-ami-2023.5.20240701.0-kernel-6.1-x86_64");
  g_assert_cmpstr (am_image_get_description (image), ==,
                   "Amazon Linux 2023 AMI 2023.5.20240701.0 x86_64 HVM kernel-6.1");
  g_assert_cmpstr (am_image_get_root_device_type (image), ==, "ebs");
  g_assert_cmpstr (am_image_get_root_device_name (image), ==, "/dev/xvda");
  g_assert_cmpstr (am_image_get_virtualization_type (image), ==, "hvm");
  g_assert_cmpstr (am_image_get_hypervisor (image), ==, "xen");
  g_assert_true (am_image_get_ena_support (image));
  g_assert_cmpstr (am_image_get_sriov_net_support (image), ==, "simple");
  g_assert_cmpstr (am_image_get_boot_mode (image), ==, "uefi-preferred");
  g_assert_cmpstr (am_image_get_tpm_support (image), ==, "v2.0");
  g_assert_cmpstr (am_image_get_deprecation_time (image), ==, "2020-07-01T20:15:00.000Z");
  g_assert_true (am_image_get_is_deprecated (image));
  g_assert_cmpint (am_image_get_deprecation_unix (image), ==, 1593634500);
  g_assert_cmpstr (am_image_get_imds_support (image), ==, "v2.0");
  g_assert_cmpstr (am_image_get_source_instance_id (image), ==, "i-0123456789abcdef0");
  g_assert_cmpstr (am_image_get_deregistration_protection (image), ==, "enabled-with-cooldown");
  g_assert_cmpstr (am_image_get_last_launched_time (image), ==, "2024-08-01T10:00:00Z");
  g_assert_true (am_image_get_image_allowed (image));
  g_assert_cmpstr (am_image_get_source_image_id (image), ==, "ami-0fedcba9876543210");
  g_assert_cmpstr (am_image_get_source_image_region (image), ==, "eu-west-1");
  g_assert_true (am_image_get_free_tier_eligible (image));
  check_search_key (image, "al2023-ami-2023.5.20240701.0-kernel-6.1-x86_64\0ami-0abcdef1234567890\0"
                           "Amazon Linux 2023 AMI 2023.5.20240701.0 x86_64 HVM kernel-6.1");
  /* ASCII text is kept as it is in the key (no lower-case copy) and matched without case */
  g_assert_true (am_image_get_search_key (image, NULL) == am_image_get_name (image));
  g_assert_true (am_image_match_folded (image, "kernel-6.1", 10));
  g_assert_true (am_image_match_folded (image, "hvm kernel", 10));
  g_assert_true (am_image_match_folded (image, "2023 ami 2023.5.20240701.0 x86_64 hvm kernel-6.1", 48));
  g_assert_false (am_image_match_folded (image, "2023 ami 2023.5.20240701.0 x86_64 hvm kernel-6.2", 48));
  g_assert_true (am_image_match_folded (image, "ami-0abc", 8));
  g_assert_true (am_image_match_folded (image, "amazon linux", 12));
  g_assert_false (am_image_match_folded (image, "Amazon", 6));
  /* no match across two fields */
  g_assert_false (am_image_match_folded (image, "x86_64ami", 9));
  g_assert_true (am_image_match_folded (image, "", 0));

  g_assert_nonnull (bdms[0]);
  g_assert_cmpstr (am_block_device_mapping_get_device_name (bdms[0]), ==, "/dev/xvda");
  g_assert_cmpstr (am_block_device_mapping_get_snapshot_id (bdms[0]), ==, "snap-0123456789abcdef0");
  g_assert_cmpint (am_block_device_mapping_get_volume_size (bdms[0]), ==, 8);
  g_assert_true (am_block_device_mapping_get_delete_on_termination (bdms[0]));
  g_assert_cmpstr (am_block_device_mapping_get_volume_type (bdms[0]), ==, "gp3");
  g_assert_cmpint (am_block_device_mapping_get_iops (bdms[0]), ==, 3000);
  g_assert_cmpint (am_block_device_mapping_get_throughput (bdms[0]), ==, 125);
  g_assert_false (am_block_device_mapping_get_encrypted (bdms[0]));
  g_assert_false (am_block_device_mapping_get_no_device (bdms[0]));
  g_assert_nonnull (bdms[1]);
  g_assert_cmpstr (am_block_device_mapping_get_virtual_name (bdms[1]), ==, "ephemeral0");
  g_assert_null (am_block_device_mapping_get_snapshot_id (bdms[1]));
  g_assert_nonnull (bdms[2]);
  g_assert_true (am_block_device_mapping_get_no_device (bdms[2]));
  g_assert_null (bdms[3]);

  g_assert_nonnull (tags[0]);
  g_assert_cmpstr (am_tag_get_key (tags[0]), ==, "Name");
  g_assert_cmpstr (am_tag_get_value (tags[0]), ==, "web & api");
  g_assert_cmpstr (am_tag_get_key (tags[1]), ==, "team");
  g_assert_cmpstr (am_tag_get_value (tags[1]), ==, "");
  g_assert_null (tags[2]);
}

static void
check_second_image (AmImage *image)
{
  AmProductCode * const *codes = am_image_get_product_codes (image);

  g_assert_cmpstr (am_image_get_image_id (image), ==, "ami-1234567890abcdef1");
  g_assert_false (am_image_get_is_public (image));
  g_assert_cmpstr (am_image_get_state (image), ==, "failed");
  g_assert_cmpstr (am_image_get_state_reason_code (image), ==, "Client.InvalidSnapshot.NotFound");
  g_assert_cmpstr (am_image_get_state_reason_message (image), ==, "The snapshot does not exist");
  g_assert_cmpstr (am_product_code_get_product_code (codes[0]), ==, "8fg8znvjngbrudv6b6r1cc5fy");
  g_assert_cmpstr (am_product_code_get_code_type (codes[0]), ==, "marketplace");
  g_assert_null (codes[1]);
  g_assert_cmpstr (am_image_get_kernel_id (image), ==, "aki-12345678");
  g_assert_cmpstr (am_image_get_ramdisk_id (image), ==, "ari-12345678");
  g_assert_cmpstr (am_image_get_platform (image), ==, "windows");
  g_assert_cmpstr (am_image_get_name (image), ==, "Sérver 2022");
  g_assert_null (am_image_get_block_device_mappings (image)[0]);
  g_assert_null (am_image_get_tags (image)[0]);
  g_assert_null (am_image_get_deprecation_time (image));
  g_assert_false (am_image_get_is_deprecated (image));
  g_assert_cmpint (am_image_get_deprecation_unix (image), ==, G_MAXINT64);
  g_assert_false (am_image_get_ena_support (image));
  g_assert_null (am_image_get_root_device_name (image));
  /* the unknown element and its children were skipped without harm */
  g_assert_cmpstr (am_image_get_deregistration_protection (image), ==, "disabled");
  check_search_key (image, "sérver 2022\0ami-1234567890abcdef1\0école windows");
  g_assert_true (am_image_match_folded (image, "école", strlen ("école")));
  /* the name is kept in the location ("owner/name") and still reads whole */
  g_assert_cmpstr (am_image_get_image_location (image), ==, "aws-marketplace/Sérver 2022");
  g_assert_cmpstr (am_image_get_description (image), ==, "ÉCOLE Windows");
}

static void
test_images_parse (void)
{
  g_autoptr (GBytes) body = load_data ("describe-images.xml");
  g_autoptr (GError) error = NULL;
  g_autofree char *next_token = NULL;
  g_autoptr (GPtrArray) images = parse_images (body, &next_token, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, 2);
  g_assert_cmpstr (next_token, ==, "token-page-2");
  check_first_image (images->pdata[0]);
  check_second_image (images->pdata[1]);
}

/* The reader is streaming: any split of the body must give the same objects. */
static void
test_images_chunked (void)
{
  g_autoptr (GBytes) body = load_data ("describe-images.xml");
  gsize len;
  const char *data = g_bytes_get_data (body, &len);
  const gsize sizes[] = { 1, 7, 64, 4096 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr (AmEc2Parser) parser = _am_ec2_parser_new_list (_am_image_get_model_info (),
                                                                 images_path);
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) images = NULL;
      g_autofree char *token = NULL;

      for (gsize off = 0; off < len; off += sizes[s])
        {
          _am_ec2_parser_feed (parser, data + off, MIN (sizes[s], len - off), &error);
          g_assert_no_error (error);
        }
      _am_ec2_parser_finish (parser, &error);
      g_assert_no_error (error);
      images = _am_ec2_parser_steal_items (parser);
      token = _am_ec2_parser_steal_next_token (parser);
      g_assert_cmpuint (images->len, ==, 2);
      g_assert_cmpstr (token, ==, "token-page-2");
      g_assert_cmpstr (_am_ec2_parser_get_request_id (parser), ==,
                       "59dbff89-35bd-4eac-99ed-be587EXAMPLE");
      check_first_image (images->pdata[0]);
      check_second_image (images->pdata[1]);
    }
}

static void
test_images_truncated (void)
{
  g_autoptr (GBytes) body = load_data ("describe-images.xml");
  gsize len;
  const char *data = g_bytes_get_data (body, &len);
  /* cut inside the second item, inside a block device mapping, and just before the end */
  const gsize cuts[] = { len / 2, len / 4, len - 3, 10 };

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autoptr (GBytes) part = g_bytes_new_static (data, cuts[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) images = parse_images (part, NULL, &error);

      g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE);
      g_assert_null (images);
    }
}

/* Every cut of the document is refused cleanly (no crash, no leak, no half list). */
static void
test_images_every_cut (void)
{
  g_autoptr (GBytes) body = load_data ("describe-images.xml");
  gsize len;
  const char *data = g_bytes_get_data (body, &len);
  /* the last bytes are the closing tag's newline: cutting there still leaves a whole document */
  gsize whole = len;

  while (whole > 0 && (data[whole - 1] == '\n' || data[whole - 1] == ' '))
    whole--;

  for (gsize cut = 0; cut < whole; cut++)
    {
      g_autoptr (GBytes) part = g_bytes_new_static (data, cut);
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) images = parse_images (part, NULL, &error);

      if (images != NULL)
        g_error ("a document cut at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes was accepted", cut, len);
      g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE);
    }
}

static void
test_images_malformed (void)
{
  const char *bodies[] = {
    "<DescribeImagesResponse><imagesSet><item><imageId>ami-1</imageId></itm></imagesSet></DescribeImagesResponse>",
    "<DescribeImagesResponse><imagesSet><item><isPublic>maybe</isPublic></item></imagesSet></DescribeImagesResponse>",
    "<DescribeImagesResponse><imagesSet><item><blockDeviceMapping><item><ebs><volumeSize>8GB</volumeSize></ebs></item></blockDeviceMapping></item></imagesSet></DescribeImagesResponse>",
    "not xml at all",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr (GBytes) body = g_bytes_new_static (bodies[i], strlen (bodies[i]));
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) images = parse_images (body, NULL, &error);

      g_test_message ("body %u: %s", i, error ? error->message : "(no error)");
      g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE);
      g_assert_null (images);
    }
}

static void
test_images_empty_page (void)
{
  const char *xml = "<DescribeImagesResponse><requestId>r</requestId><imagesSet/></DescribeImagesResponse>";
  g_autoptr (GBytes) body = g_bytes_new_static (xml, strlen (xml));
  g_autoptr (GError) error = NULL;
  g_autofree char *token = NULL;
  g_autoptr (GPtrArray) images = parse_images (body, &token, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, 0);
  g_assert_null (token);
}

static void
test_images_properties (void)
{
  g_autoptr (GBytes) body = load_data ("describe-images.xml");
  g_autoptr (GPtrArray) images = parse_images (body, NULL, NULL);
  g_autofree char *image_id = NULL;
  g_autofree char *reason = NULL;
  g_autoptr (GPtrArray) bdms = NULL;
  g_auto (GStrv) unused = NULL;
  gboolean is_public = FALSE;
  gint64 creation_time = 0;

  g_object_get (images->pdata[0],
                "image-id", &image_id,
                "is-public", &is_public,
                "block-device-mappings", &bdms,
                "creation-time", &creation_time,
                NULL);
  g_object_get (images->pdata[1], "state-reason-message", &reason, NULL);
  g_assert_cmpstr (image_id, ==, "ami-0abcdef1234567890");
  g_assert_true (is_public);
  g_assert_cmpuint (bdms->len, ==, 3);
  g_assert_true (AM_IS_BLOCK_DEVICE_MAPPING (bdms->pdata[0]));
  g_assert_cmpint (creation_time, ==, 1719864931);
  g_assert_cmpstr (reason, ==, "The snapshot does not exist");
  /* read-only: every property is readable and none writable */
  {
    guint n = 0;
    g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (images->pdata[0]), &n);

    g_assert_cmpuint (n, >=, 41);
    for (guint i = 0; i < n; i++)
      {
        g_assert_true (pspecs[i]->flags & G_PARAM_READABLE);
        g_assert_false (pspecs[i]->flags & G_PARAM_WRITABLE);
      }
  }
}

static void
test_images_same (void)
{
  g_autoptr (GBytes) body = load_data ("describe-images.xml");
  g_autoptr (GPtrArray) a = parse_images (body, NULL, NULL);
  g_autoptr (GPtrArray) b = parse_images (body, NULL, NULL);
  g_autofree char *changed = NULL;
  g_autoptr (GBytes) changed_body = NULL;
  g_autoptr (GPtrArray) c = NULL;

  g_assert_true (am_image_is_same (a->pdata[0], b->pdata[0]));
  g_assert_true (am_image_is_same (a->pdata[1], b->pdata[1]));
  g_assert_false (am_image_is_same (a->pdata[0], b->pdata[1]));

  /* a change deep inside a block device mapping is a change of the image */
  changed = g_strdup (g_bytes_get_data (body, NULL));
  g_assert_nonnull (strstr (changed, "<volumeSize>8<"));
  strstr (changed, "<volumeSize>8<")[12] = '9';
  changed_body = g_bytes_new (changed, g_bytes_get_size (body));
  c = parse_images (changed_body, NULL, NULL);
  g_assert_false (am_image_is_same (a->pdata[0], c->pdata[0]));
  g_assert_true (am_image_is_same (a->pdata[1], c->pdata[1]));
}

/* An image written as the cache's JSON text reads back the same, search key included. */
static void
check_json_round_trip (AmImage *image)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GObject) copy = NULL;
  g_autoptr (GError) error = NULL;
  gsize a_len, b_len;
  const char *a, *b;

  _am_model_append_json (G_OBJECT (image), _am_image_get_model_info (), text);
  g_assert_true (json_parser_load_from_data (parser, text->str, text->len, &error));
  g_assert_no_error (error);
  copy = _am_model_from_json (_am_image_get_model_info (),
                              json_node_get_object (json_parser_get_root (parser)), &error);
  g_assert_no_error (error);
  g_assert_true (am_image_is_same (image, AM_IMAGE (copy)));
  a = am_image_get_search_key (image, &a_len);
  b = am_image_get_search_key (AM_IMAGE (copy), &b_len);
  g_assert_cmpmem (a, a_len, b, b_len);
}

static void
test_images_json (void)
{
  g_autoptr (GBytes) body = load_data ("describe-images.xml");
  g_autoptr (GPtrArray) images = parse_images (body, NULL, NULL);

  for (guint i = 0; i < images->len; i++)
    check_json_round_trip (images->pdata[i]);
  check_first_image (images->pdata[0]);

  /* the text writer's escapes: quotes, backslashes, control characters, unicode */
  {
    static const char xml[] =
      "<DescribeImagesResponse><imagesSet><item><imageId>ami-1</imageId>"
      "<description>say &quot;hi&quot; \\ back&#9;tab&#10;line&#13; &#x1f; &#xe9;t&#xe9; \xe2\x80\x94</description>"
      "<tagSet><item><key>k\\&quot;</key><value></value></item></tagSet>"
      "</item></imagesSet></DescribeImagesResponse>";
    g_autoptr (GBytes) odd_body = g_bytes_new_static (xml, sizeof xml - 1);
    g_autoptr (GPtrArray) odd = parse_images (odd_body, NULL, NULL);

    g_assert_cmpuint (odd->len, ==, 1);
    g_assert_nonnull (strchr (am_image_get_description (odd->pdata[0]), '\x1f'));
    check_json_round_trip (odd->pdata[0]);
  }
}

static void
test_instances_parse (void)
{
  static const char * const path[] = { "reservationSet", "item", "instancesSet", NULL };
  g_autoptr (GBytes) body = load_data ("describe-instances.xml");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) instances = _am_ec2_parse_list (body, _am_instance_get_model_info (),
                                                        path, NULL, &error);
  AmInstance *a, *b;
  AmInstanceBlockDevice * const *bdms;
  AmSecurityGroup * const *groups;

  g_assert_no_error (error);
  g_assert_cmpuint (instances->len, ==, 2);
  a = instances->pdata[0];
  b = instances->pdata[1];
  g_assert_cmpstr (am_instance_get_instance_id (a), ==, "i-1234567890abcdef0");
  g_assert_cmpstr (am_instance_get_image_id (a), ==, "ami-0abcdef1234567890");
  g_assert_cmpint (am_instance_get_state_code (a), ==, 16);
  g_assert_cmpstr (am_instance_get_state_name (a), ==, "running");
  g_assert_cmpstr (am_instance_get_instance_type (a), ==, "t3.micro");
  g_assert_cmpstr (am_instance_get_availability_zone (a), ==, "eu-west-1c");
  g_assert_cmpstr (am_instance_get_tenancy (a), ==, "default");
  g_assert_cmpstr (am_instance_get_monitoring_state (a), ==, "disabled");
  g_assert_cmpstr (am_instance_get_subnet_id (a), ==, "subnet-56f5f633");
  g_assert_cmpstr (am_instance_get_vpc_id (a), ==, "vpc-11112222");
  /* the network interface's own address did not leak into the instance */
  g_assert_cmpstr (am_instance_get_private_ip_address (a), ==, "192.168.1.88");
  g_assert_cmpstr (am_instance_get_public_ip_address (a), ==, "54.194.252.215");
  g_assert_cmpstr (am_instance_get_public_dns_name (a), ==,
                   "ec2-54-194-252-215.eu-west-1.compute.amazonaws.com");
  g_assert_cmpstr (am_instance_get_private_dns_name (a), ==,
                   "ip-192-168-1-88.eu-west-1.compute.internal");
  g_assert_cmpstr (am_instance_get_launch_time (a), ==, "2018-05-08T16:46:19.000Z");
  g_assert_cmpstr (am_instance_get_key_name (a), ==, "my_keypair");
  g_assert_cmpstr (am_instance_get_root_device_type (a), ==, "ebs");
  g_assert_cmpstr (am_instance_get_root_device_name (a), ==, "/dev/xvda");
  g_assert_cmpstr (am_instance_get_architecture (a), ==, "x86_64");
  g_assert_cmpstr (am_instance_get_client_token (a), ==, "xMcwG14507example");
  g_assert_cmpstr (am_instance_get_iam_instance_profile_arn (a), ==,
                   "arn:aws:iam::123456789012:instance-profile/web");
  g_assert_cmpstr (am_instance_get_metadata_http_tokens (a), ==, "required");
  g_assert_cmpstr (am_instance_get_boot_mode (a), ==, "uefi");
  g_assert_true (am_instance_get_ena_support (a));
  g_assert_null (am_instance_get_platform (a));
  g_assert_null (am_instance_get_state_reason_code (a));
  bdms = am_instance_get_block_devices (a);
  g_assert_cmpstr (am_instance_block_device_get_device_name (bdms[0]), ==, "/dev/xvda");
  g_assert_cmpstr (am_instance_block_device_get_volume_id (bdms[0]), ==, "vol-1234567890abcdef0");
  g_assert_cmpstr (am_instance_block_device_get_status (bdms[0]), ==, "attached");
  g_assert_cmpstr (am_instance_block_device_get_attach_time (bdms[0]), ==, "2015-12-22T10:44:09.000Z");
  g_assert_true (am_instance_block_device_get_delete_on_termination (bdms[0]));
  g_assert_null (bdms[1]);
  groups = am_instance_get_security_groups (a);
  g_assert_cmpstr (am_security_group_get_group_id (groups[0]), ==, "sg-e4076980");
  g_assert_cmpstr (am_security_group_get_group_name (groups[0]), ==, "SecurityGroup1");
  g_assert_null (groups[1]);
  g_assert_cmpstr (am_tag_get_value (am_instance_get_tags (a)[0]), ==, "Server_1");

  g_assert_cmpstr (am_instance_get_instance_id (b), ==, "i-0000000000000000b");
  g_assert_cmpint (am_instance_get_state_code (b), ==, 80);
  g_assert_cmpstr (am_instance_get_state_name (b), ==, "stopped");
  g_assert_cmpstr (am_instance_get_state_reason_code (b), ==, "Client.UserInitiatedShutdown");
  g_assert_cmpstr (am_instance_get_state_transition_reason (b), ==,
                   "User initiated (2024-01-01 10:00:00 GMT)");
  g_assert_cmpstr (am_instance_get_platform (b), ==, "windows");
  g_assert_null (am_instance_get_security_groups (b)[0]);
}

static void
test_instance_types_parse (void)
{
  static const char * const path[] = { "instanceTypeSet", NULL };
  g_autoptr (GBytes) body = load_data ("describe-instance-types.xml");
  g_autoptr (GError) error = NULL;
  g_autofree char *token = NULL;
  g_autoptr (GPtrArray) types = _am_ec2_parse_list (body, _am_instance_type_get_model_info (),
                                                    path, &token, &error);
  AmInstanceType *t;
  g_auto (GStrv) boot_modes = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (types->len, ==, 1);
  g_assert_cmpstr (token, ==, "types-2");
  t = types->pdata[0];
  g_assert_cmpstr (am_instance_type_get_instance_type (t), ==, "t3.micro");
  g_assert_true (am_instance_type_get_current_generation (t));
  g_assert_true (am_instance_type_get_free_tier_eligible (t));
  g_assert_cmpint (am_instance_type_get_default_vcpus (t), ==, 2);
  g_assert_cmpint (am_instance_type_get_default_cores (t), ==, 1);
  g_assert_cmpint (am_instance_type_get_memory_mib (t), ==, 1024);
  g_assert_cmpstr (am_instance_type_get_network_performance (t), ==, "Up to 5 Gigabit");
  g_assert_cmpstr (am_instance_type_get_ena_support (t), ==, "required");
  g_assert_cmpstr (am_instance_type_get_ebs_optimized_support (t), ==, "default");
  g_assert_cmpstr (am_instance_type_get_hypervisor (t), ==, "nitro");
  g_assert_cmpstrv (am_instance_type_get_architectures (t), ((const char *[]) { "x86_64", NULL }));
  g_assert_cmpstrv (am_instance_type_get_supported_virtualization_types (t),
                    ((const char *[]) { "hvm", NULL }));
  g_assert_cmpstrv (am_instance_type_get_supported_boot_modes (t),
                    ((const char *[]) { "legacy-bios", "uefi", NULL }));
  g_assert_cmpstrv (am_instance_type_get_supported_usage_classes (t),
                    ((const char *[]) { "on-demand", "spot", NULL }));
  g_object_get (t, "supported-boot-modes", &boot_modes, NULL);
  g_assert_cmpuint (g_strv_length (boot_modes), ==, 2);
  g_assert_true (am_instance_type_get_burstable_performance_supported (t));
}

static void
test_image_attribute_parse (void)
{
  g_autoptr (GBytes) body = load_data ("describe-image-attribute.xml");
  g_autoptr (GError) error = NULL;
  g_autoptr (GObject) object = _am_ec2_parse_object (body, _am_image_attribute_get_model_info (),
                                                     NULL, &error);
  AmImageAttribute *attr;
  AmLaunchPermission * const *perms;

  g_assert_no_error (error);
  attr = AM_IMAGE_ATTRIBUTE (object);
  g_assert_cmpstr (am_image_attribute_get_image_id (attr), ==, "ami-0abcdef1234567890");
  g_assert_cmpstr (am_image_attribute_get_description (attr), ==, "My web server");
  g_assert_cmpstr (am_image_attribute_get_boot_mode (attr), ==, "uefi");
  g_assert_null (am_image_attribute_get_kernel_id (attr));
  perms = am_image_attribute_get_launch_permissions (attr);
  g_assert_cmpstr (am_launch_permission_get_user_id (perms[0]), ==, "123456789012");
  g_assert_null (am_launch_permission_get_group (perms[0]));
  g_assert_cmpstr (am_launch_permission_get_group (perms[1]), ==, "all");
  g_assert_cmpstr (am_launch_permission_get_organization_arn (perms[2]), ==,
                   "arn:aws:organizations::123456789012:organization/o-123ab4cdef");
  g_assert_cmpstr (am_launch_permission_get_organizational_unit_arn (perms[3]), ==,
                   "arn:aws:organizations::123456789012:ou/o-123ab4cdef/ou-ab12-12345678");
  g_assert_null (perms[4]);
}

static void
test_parse_value (void)
{
  const char *xml = "<CreateImageResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                    "<requestId>r</requestId><imageId>ami-1234567890abcdef0</imageId></CreateImageResponse>";
  g_autoptr (GBytes) body = g_bytes_new_static (xml, strlen (xml));
  g_autoptr (GError) error = NULL;
  g_autofree char *value = _am_ec2_parse_value (body, "imageId", &error);
  g_autofree char *missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "ami-1234567890abcdef0");
  missing = _am_ec2_parse_value (body, "return", &error);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE);
  g_assert_null (missing);
}

/* The optional reader takes "container/element" like the required one (fuzz-ec2-parse found
 * that it looked for an element literally named "disableApiTermination/value"). */
static void
test_parse_optional_value (void)
{
  const char *xml = "<DescribeInstanceAttributeResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                    "<requestId>r</requestId><instanceId>i-1</instanceId>"
                    "<disableApiTermination><value>true</value></disableApiTermination>"
                    "</DescribeInstanceAttributeResponse>";
  g_autoptr (GBytes) body = g_bytes_new_static (xml, strlen (xml));
  g_autoptr (GError) error = NULL;
  g_autofree char *nested = NULL;
  g_autofree char *direct = NULL;
  g_autofree char *missing = NULL;

  g_assert_true (_am_ec2_parse_optional_value (body, "disableApiTermination/value", &nested, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (nested, ==, "true");
  g_assert_true (_am_ec2_parse_optional_value (body, "instanceId", &direct, &error));
  g_assert_cmpstr (direct, ==, "i-1");
  g_assert_true (_am_ec2_parse_optional_value (body, "return", &missing, &error));
  g_assert_no_error (error);
  g_assert_null (missing);
}

static void
test_fold (void)
{
  g_autofree char *a = am_image_fold_search_text ("Ubuntu 24.04 LTS");
  g_autofree char *b = am_image_fold_search_text ("ÉCOLE");
  g_autofree char *c = am_image_fold_search_text (NULL);

  g_assert_cmpstr (a, ==, "ubuntu 24.04 lts");
  g_assert_cmpstr (b, ==, "école");
  g_assert_cmpstr (c, ==, "");
}

/* Text beyond ASCII is folded run by run (the ASCII between runs by hand): the result must be
 * g_utf8_casefold()'s, for characters that fold to several (ß, ǅ, İ) and at every mix. */
static void
test_fold_unicode (void)
{
  static const char * const pieces[] = {
    "A", "z", " ", "-", "\n", "É", "ß", "ǅ", "İ", "Ω", "—", "プロジェクト", "Données", "ﬁ", "𝔄",
  };
  static const char * const texts[] = {
    "Bob's — golden", "ÉCOLE", "straße ĲSSEL", "x86_64 İstanbul", "Описание ОБРАЗ", "ß",
  };
  GRand *rand = g_rand_new_with_seed (6);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *ours = am_image_fold_search_text (texts[i]);
      g_autofree char *glib = g_utf8_casefold (texts[i], -1);

      g_assert_cmpstr (ours, ==, glib);
    }
  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      g_autofree char *ours = NULL;
      g_autofree char *glib = NULL;
      guint n = g_rand_int_range (rand, 0, 12);

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      ours = am_image_fold_search_text (text->str);
      glib = g_utf8_casefold (text->str, -1);
      g_assert_cmpstr (ours, ==, glib);
    }
  g_rand_free (rand);
}

/* The key search ignores ASCII case: it must give the answer of a byte search for the folded
 * needle in the folded text, at every length and offset (the 16-byte steps and the tail). */
static void
test_search_key_find (void)
{
  static const char alphabet[] = "aAbB-\0\xc3\xa9Zz";
  GRand *rand = g_rand_new_with_seed (16);

  for (guint round = 0; round < 20000; round++)
    {
      char text[80], needle[8];
      gsize text_len = g_rand_int_range (rand, 0, sizeof text);
      gsize needle_len = g_rand_int_range (rand, 1, sizeof needle);
      g_autofree char *folded = NULL;
      gboolean expected;

      for (gsize i = 0; i < text_len; i++)
        text[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      /* a needle from the folded text half of the time, so matches are common */
      if (text_len >= needle_len && g_rand_boolean (rand))
        memcpy (needle, text + g_rand_int_range (rand, 0, text_len - needle_len + 1), needle_len);
      else
        for (gsize i = 0; i < needle_len; i++)
          needle[i] = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
      for (gsize i = 0; i < needle_len; i++)
        needle[i] = g_ascii_tolower (needle[i]) == '\0' ? 'a' : g_ascii_tolower (needle[i]);
      folded = g_malloc (text_len + 1);
      for (gsize i = 0; i < text_len; i++)
        folded[i] = g_ascii_tolower (text[i]);
      expected = memmem (folded, text_len, needle, needle_len) != NULL;
      g_assert_cmpint (am_image_search_key_find (text, text_len, needle, needle_len), ==, expected);
    }
  /* a needle with a capital never matches (the query is always folded first) */
  g_assert_false (am_image_search_key_find ("Amazon", 6, "Amazon", 6));
  g_assert_true (am_image_search_key_find ("Amazon", 6, "amazon", 6));
  g_assert_true (am_image_search_key_find ("", 0, "", 0));
  g_assert_false (am_image_search_key_find ("", 0, "a", 1));
  g_rand_free (rand);
}

static void
test_time (void)
{
  g_assert_cmpint (_am_model_parse_time ("1970-01-01T00:00:00.000Z", -1), ==, 0);
  g_assert_cmpint (_am_model_parse_time ("2000-03-01T00:00:00Z", -1), ==, 951868800);
  g_assert_cmpint (_am_model_parse_time ("2024-02-29T12:00:00.000Z", -1), ==, 1709208000);
  g_assert_cmpint (_am_model_parse_time ("2024-02-29T13:00:00+01:00", -1), ==, 1709208000);
  g_assert_cmpint (_am_model_parse_time ("yesterday", -1), ==, -1);
  g_assert_cmpint (_am_model_parse_time (NULL, 7), ==, 7);
}

/* Mappings with no strings of their own (ephemeral, <noDevice/>) are shared between images;
 * EBS mappings, which name their snapshot, are not; sharing changes no value. */
static void
test_images_shared_mappings (void)
{
  static const char xml[] =
    "<DescribeImagesResponse><imagesSet>"
    "<item><imageId>ami-1</imageId><blockDeviceMapping>"
    "<item><deviceName>/dev/sda1</deviceName><ebs><snapshotId>snap-1</snapshotId></ebs></item>"
    "<item><deviceName>xvdca</deviceName><virtualName>ephemeral0</virtualName></item>"
    "<item><deviceName>/dev/sdm</deviceName><noDevice/></item>"
    "</blockDeviceMapping></item>"
    "<item><imageId>ami-2</imageId><blockDeviceMapping>"
    "<item><deviceName>/dev/sda1</deviceName><ebs><snapshotId>snap-1</snapshotId></ebs></item>"
    "<item><deviceName>xvdca</deviceName><virtualName>ephemeral0</virtualName></item>"
    "<item><deviceName>/dev/sdm</deviceName><noDevice></noDevice></item>"
    "<item><deviceName>xvdcb</deviceName><virtualName>ephemeral1</virtualName></item>"
    "</blockDeviceMapping></item>"
    "</imagesSet></DescribeImagesResponse>";
  g_autoptr (GBytes) body = g_bytes_new_static (xml, sizeof xml - 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) images = parse_images (body, NULL, &error);
  AmBlockDeviceMapping * const *a, * const *b;

  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, 2);
  a = am_image_get_block_device_mappings (images->pdata[0]);
  b = am_image_get_block_device_mappings (images->pdata[1]);

  g_assert_true (a[0] != b[0]);
  g_assert_cmpstr (am_block_device_mapping_get_snapshot_id (b[0]), ==, "snap-1");
  g_assert_true (a[1] == b[1]);
  g_assert_cmpstr (am_block_device_mapping_get_device_name (b[1]), ==, "xvdca");
  g_assert_cmpstr (am_block_device_mapping_get_virtual_name (b[1]), ==, "ephemeral0");
  g_assert_true (a[2] == b[2]);
  g_assert_true (am_block_device_mapping_get_no_device (b[2]));
  g_assert_true (b[3] != b[1]);
  g_assert_cmpstr (am_block_device_mapping_get_virtual_name (b[3]), ==, "ephemeral1");
  g_assert_null (b[4]);

  /* The copy of a shared mapping is cleared and filled again for the next item: nothing of
   * the earlier value may remain in it. */
  {
    static const char again[] =
      "<DescribeImagesResponse><imagesSet>"
      "<item><imageId>ami-3</imageId><blockDeviceMapping>"
      "<item><deviceName>xvdca</deviceName><virtualName>ephemeral0</virtualName></item>"
      "<item><deviceName>/dev/sdb</deviceName></item>"
      "<item><deviceName>/dev/sdm</deviceName><noDevice/></item>"
      "<item><deviceName>/dev/sdm</deviceName><ebs><volumeSize>8</volumeSize></ebs></item>"
      "</blockDeviceMapping></item>"
      "</imagesSet></DescribeImagesResponse>";
    g_autoptr (GBytes) again_body = g_bytes_new_static (again, sizeof again - 1);
    g_autoptr (GPtrArray) more = parse_images (again_body, NULL, &error);
    AmBlockDeviceMapping * const *c;

    g_assert_no_error (error);
    c = am_image_get_block_device_mappings (more->pdata[0]);
    g_assert_true (c[0] == a[1]);
    g_assert_cmpstr (am_block_device_mapping_get_device_name (c[1]), ==, "/dev/sdb");
    g_assert_null (am_block_device_mapping_get_virtual_name (c[1]));
    g_assert_true (c[2] == a[2]);
    g_assert_false (am_block_device_mapping_get_no_device (c[3]));
    g_assert_cmpint (am_block_device_mapping_get_volume_size (c[3]), ==, 8);
    g_assert_true (c[3] != c[2]);
  }

  /* The shared mapping outlives the images that listed it. */
  g_object_ref (a[1]);
  {
    AmBlockDeviceMapping *kept = a[1];

    g_ptr_array_set_size (images, 0);
    g_assert_cmpstr (am_block_device_mapping_get_virtual_name (kept), ==, "ephemeral0");
    g_object_unref (kept);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ec2/models/images/parse", test_images_parse);
  g_test_add_func ("/ec2/models/images/chunked", test_images_chunked);
  g_test_add_func ("/ec2/models/images/truncated", test_images_truncated);
  g_test_add_func ("/ec2/models/images/every-cut", test_images_every_cut);
  g_test_add_func ("/ec2/models/images/malformed", test_images_malformed);
  g_test_add_func ("/ec2/models/images/empty-page", test_images_empty_page);
  g_test_add_func ("/ec2/models/images/properties", test_images_properties);
  g_test_add_func ("/ec2/models/images/same", test_images_same);
  g_test_add_func ("/ec2/models/images/json", test_images_json);
  g_test_add_func ("/ec2/models/images/shared-mappings", test_images_shared_mappings);
  g_test_add_func ("/ec2/models/images/fold-unicode", test_fold_unicode);
  g_test_add_func ("/ec2/models/instances/parse", test_instances_parse);
  g_test_add_func ("/ec2/models/instance-types/parse", test_instance_types_parse);
  g_test_add_func ("/ec2/models/image-attribute/parse", test_image_attribute_parse);
  g_test_add_func ("/ec2/models/value", test_parse_value);
  g_test_add_func ("/ec2/models/optional-value", test_parse_optional_value);
  g_test_add_func ("/ec2/models/fold", test_fold);
  g_test_add_func ("/ec2/models/search-key-find", test_search_key_find);
  g_test_add_func ("/ec2/models/time", test_time);

  return g_test_run ();
}
