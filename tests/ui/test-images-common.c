/* test-images-common.c: images for the Images view's tests, built from EC2 XML
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-images"

#include "config.h"

#include "am-ec2-parse-private.h"
#include "test-images-common.h"

static const char *names[] = { "ubuntu-jammy-22.04", "debian-12", "al2023-ami", "Windows_Server-2022-English", "RHEL-9.4", "suse-sles-15" };
static const char *archs[] = { "x86_64", "arm64", "x86_64", "i386" };

GPtrArray *
test_images_make (guint n)
{
  g_autoptr (GString) xml = g_string_new ("<DescribeImagesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r</requestId><imagesSet>");
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  const char *path[] = { "imagesSet", NULL };
  GPtrArray *images;

  for (guint i = 0; i < n; i++)
    {
      const char *name = names[i % G_N_ELEMENTS (names)];
      gboolean windows = g_str_has_prefix (name, "Windows");

      g_string_append_printf (xml,
                              "<item><imageId>ami-%017x</imageId>"
                              "<imageState>%s</imageState>"
                              "<imageOwnerId>%s</imageOwnerId>"
                              "<creationDate>20%02u-%02u-%02uT%02u:00:00.000Z</creationDate>"
                              "<isPublic>%s</isPublic>"
                              "<architecture>%s</architecture>"
                              "<imageType>machine</imageType>"
                              "%s"
                              "<platformDetails>%s</platformDetails>"
                              "<name>%s-%u</name>"
                              "<description>Image number %u of %s</description>"
                              "<rootDeviceType>%s</rootDeviceType>"
                              "<rootDeviceName>/dev/xvda</rootDeviceName>"
                              "<blockDeviceMapping><item><deviceName>/dev/xvda</deviceName>"
                              "<ebs><snapshotId>snap-%017x</snapshotId><volumeSize>%u</volumeSize>"
                              "<deleteOnTermination>true</deleteOnTermination><volumeType>gp3</volumeType>"
                              "<encrypted>%s</encrypted></ebs></item>"
                              "<item><deviceName>/dev/sdb</deviceName><virtualName>ephemeral0</virtualName></item>"
                              "</blockDeviceMapping>"
                              "<virtualizationType>%s</virtualizationType>"
                              "<bootMode>%s</bootMode>"
                              "%s"
                              "<tagSet><item><key>team</key><value>%s</value></item></tagSet>"
                              "<hypervisor>xen</hypervisor></item>",
                              i,
                              i % 11 == 5 ? "pending" : "available",
                              i % 3 == 0 ? "111122223333" : "444455556666",
                              10 + (i * 7) % 15, 1 + (i * 5) % 12, 1 + (i * 3) % 28, i % 24,
                              i % 2 ? "true" : "false",
                              archs[i % G_N_ELEMENTS (archs)],
                              windows ? "<platform>windows</platform>" : "",
                              windows ? "Windows" : "Linux/UNIX",
                              name, i, i, name,
                              i % 13 == 0 ? "instance-store" : "ebs",
                              i, 8 + i % 5,
                              i % 2 ? "true" : "false",
                              i % 17 == 0 ? "paravirtual" : "hvm",
                              i % 2 ? "uefi" : "legacy-bios",
                              i % 7 == 0 ? "<deprecationTime>2021-01-01T00:00:00.000Z</deprecationTime>" : "",
                              i % 3 == 0 ? "web" : "data");
    }
  g_string_append (xml, "</imagesSet></DescribeImagesResponse>");

  body = g_bytes_new (xml->str, xml->len);
  images = _am_ec2_parse_list (body, _am_image_get_model_info (), path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, n);

  return images;
}

GListStore *
test_images_make_store (guint n)
{
  g_autoptr (GPtrArray) images = test_images_make (n);
  GListStore *store = g_list_store_new (AM_TYPE_IMAGE);

  g_list_store_splice (store, 0, 0, images->pdata, images->len);
  return store;
}

/* A mirror of the model kept up to date only through items-changed. */
static void
mirror_items_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         GPtrArray  *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->len);
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror, position + i, g_list_model_get_item (model, position + i));

  /* After each signal the model and the mirror agree on every position. */
  g_assert_cmpuint (mirror->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < mirror->len; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);

      g_assert_true (item == mirror->pdata[i]);
    }
}

void
test_images_watch_model (GListModel *model)
{
  GPtrArray *mirror = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (mirror, g_list_model_get_item (model, i));
  g_signal_connect_data (model, "items-changed", G_CALLBACK (mirror_items_changed_cb),
                         mirror, (GClosureNotify) g_ptr_array_unref, 0);
}
