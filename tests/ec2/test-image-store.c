/* test-image-store.c: AmImageStore over real HTTP: pages, cancellation, diff refresh, the cache
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-image-store"

#include "config.h"

#include <signal.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "am-aws-error.h"
#include "am-image-store.h"
#include "am-test-sandbox.h"
#include "am-test-server.h"

#define KEY_ID "AKIDSTORETEST"
#define SECRET "store/test+SECRET"

typedef struct
{
  char *id;
  char *name;
  char *owner;
} CatalogImage;

typedef struct
{
  AmTestServer          *server;
  AmCredentialsProvider *provider;
  AmEc2Client           *client;
  char                  *cache_dir;
  GPtrArray             *catalog;       /* CatalogImage, what the "EC2" lists now */
  guint                  delay_ms;      /* pages from delay_from on are this slow */
  guint                  delay_from;
  int                    malformed_at;  /* this page start is cut short; -1: none */
  gboolean               loop_back;     /* the last page points back to the first */
  guint                  n_pages_served;
  GArray                 *changes;      /* guint triples: position, removed, added */
  GPtrArray              *stores;       /* weak pointers: teardown waits for their last tasks */
} Fixture;

static void
catalog_image_free (CatalogImage *image)
{
  g_free (image->id);
  g_free (image->name);
  g_free (image->owner);
  g_free (image);
}

static void
catalog_add (Fixture    *fixture,
             guint       number,
             const char *owner)
{
  CatalogImage *image = g_new0 (CatalogImage, 1);

  image->id = g_strdup_printf ("ami-%017x", number);
  image->name = g_strdup_printf ("image-%u", number);
  image->owner = g_strdup (owner);
  g_ptr_array_add (fixture->catalog, image);
}

static AmTestResponse *
serve_page (AmTestServer        *server,
            const AmTestRequest *request,
            gpointer             user_data)
{
  Fixture *fixture = user_data;
  const char *token = am_test_request_get_param (request, "NextToken");
  const char *max = am_test_request_get_param (request, "MaxResults");
  guint start = token != NULL ? (guint) g_ascii_strtoull (token + strlen ("page-"), NULL, 10) : 0;
  guint count = max != NULL ? (guint) g_ascii_strtoull (max, NULL, 10) : 1000;
  g_autoptr (GString) xml = g_string_new (NULL);
  AmTestResponse *response;

  if (g_strcmp0 (am_test_request_get_param (request, "Action"), "DescribeImages") != 0)
    return NULL;

  fixture->n_pages_served++;
  g_string_append (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<DescribeImagesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                        "<requestId>req</requestId><imagesSet>");
  for (guint i = start; i < start + count && i < fixture->catalog->len; i++)
    {
      CatalogImage *image = fixture->catalog->pdata[i];

      g_string_append_printf (xml,
                              "<item><imageId>%s</imageId><imageLocation>%s/%s</imageLocation>"
                              "<imageState>available</imageState><imageOwnerId>%s</imageOwnerId>"
                              "<creationDate>2024-01-02T03:04:05.000Z</creationDate><isPublic>false</isPublic>"
                              "<architecture>x86_64</architecture><name>%s</name>"
                              "<description>Image %s</description><rootDeviceType>ebs</rootDeviceType>"
                              "<blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><ebs>"
                              "<snapshotId>snap-%s</snapshotId><volumeSize>8</volumeSize></ebs></item>"
                              "</blockDeviceMapping></item>",
                              image->id, image->owner, image->name, image->owner, image->name,
                              image->name, image->id + 4);
    }
  g_string_append (xml, "</imagesSet>");
  if (start + count < fixture->catalog->len)
    g_string_append_printf (xml, "<nextToken>page-%u</nextToken>", start + count);
  else if (fixture->loop_back)
    g_string_append (xml, "<nextToken>page-0</nextToken>");
  g_string_append (xml, "</DescribeImagesResponse>");

  if (fixture->malformed_at >= 0 && start == (guint) fixture->malformed_at)
    g_string_truncate (xml, xml->len / 2);

  response = am_test_response_new (200, "text/xml;charset=UTF-8", xml->str);
  if (fixture->delay_ms > 0 && start >= fixture->delay_from)
    am_test_response_set_delay_ms (response, fixture->delay_ms);
  return response;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (AmCredentials) credentials = am_credentials_new (KEY_ID, SECRET, NULL, NULL);
  g_autoptr (AmQueryClient) query = NULL;
  g_autoptr (GError) error = NULL;

  fixture->server = am_test_server_new ();
  am_test_server_set_verify_sigv4 (fixture->server, KEY_ID, SECRET);
  am_test_server_set_handler (fixture->server, serve_page, fixture, NULL);
  fixture->provider = am_credentials_provider_new_static (credentials);
  query = am_query_client_new (fixture->provider, "ec2", "eu-west-1",
                               am_test_server_get_url (fixture->server), &error);
  g_assert_no_error (error);
  am_query_client_set_max_attempts (query, 1);
  fixture->client = am_ec2_client_new (query);
  fixture->cache_dir = g_dir_make_tmp ("amiable-image-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->catalog = g_ptr_array_new_with_free_func ((GDestroyNotify) catalog_image_free);
  fixture->malformed_at = -1;
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (guint));
  fixture->stores = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  /* Cache writes in flight keep their store alive: let them end before the files go. */
  for (guint i = 0; i < fixture->stores->len; i++)
    {
      gpointer *weak = fixture->stores->pdata[i];

      while (*weak != NULL)
        {
          if (g_get_monotonic_time () > deadline)
            g_error ("A store is still referenced (%u references) after its test",
                     G_OBJECT (*weak)->ref_count);
          am_test_wait_ms (10);
        }
    }
  g_ptr_array_unref (fixture->stores);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->provider);
  g_clear_object (&fixture->server);
  am_test_remove_tree (fixture->cache_dir);
  g_free (fixture->cache_dir);
  g_ptr_array_unref (fixture->catalog);
  g_array_unref (fixture->changes);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  Fixture *fixture = user_data;
  guint triple[3] = { position, removed, added };

  g_array_append_vals (fixture->changes, triple, 3);
}

static AmImageStore *
new_store (Fixture      *fixture,
           AmImageScope  scope,
           const char   *account_id,
           guint         page_size)
{
  AmImageStore *store = am_image_store_new (fixture->client, scope, account_id);
  gpointer *weak;

  am_image_store_set_cache_dir (store, fixture->cache_dir);
  am_image_store_set_page_size (store, page_size);
  weak = g_new0 (gpointer, 1);
  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), fixture);
  *weak = store;
  g_object_add_weak_pointer (G_OBJECT (store), weak);
  g_ptr_array_add (fixture->stores, weak);
  return store;
}

static void
wait_loaded (AmImageStore *store)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (am_image_store_get_loading (store))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
on_cache_saved (AmImageStore *store,
                gpointer      user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
wait_cache_saved (AmImageStore *store)
{
  gboolean saved = FALSE;
  gulong id = g_signal_connect (store, "cache-saved", G_CALLBACK (on_cache_saved), &saved);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!saved)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (store, id);
}

static void
assert_matches_catalog (Fixture      *fixture,
                        AmImageStore *store)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, fixture->catalog->len);
  for (guint i = 0; i < fixture->catalog->len; i++)
    {
      g_autoptr (AmImage) image = g_list_model_get_item (G_LIST_MODEL (store), i);
      CatalogImage *expected = fixture->catalog->pdata[i];

      g_assert_cmpstr (am_image_get_image_id (image), ==, expected->id);
      g_assert_cmpstr (am_image_get_name (image), ==, expected->name);
    }
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (AmImageStore) store = NULL;
  const AmTestRequest *request;

  for (guint i = 0; i < 2500; i++)
    catalog_add (fixture, i, "111122223333");

  store = new_store (fixture, AM_IMAGE_SCOPE_OWNED, "111122223333", 100);
  g_assert_false (am_image_store_get_loading (store));
  am_image_store_load (store);
  g_assert_true (am_image_store_get_loading (store));
  wait_loaded (store);

  g_assert_null (am_image_store_get_error (store));
  g_assert_cmpuint (am_image_store_get_n_loaded (store), ==, 2500);
  g_assert_cmpuint (fixture->n_pages_served, ==, 25);
  assert_matches_catalog (fixture, store);
  /* one items-changed per page, each appending the page */
  g_assert_cmpuint (fixture->changes->len, ==, 25 * 3);
  for (guint p = 0; p < 25; p++)
    {
      g_assert_cmpuint (g_array_index (fixture->changes, guint, 3 * p), ==, p * 100);
      g_assert_cmpuint (g_array_index (fixture->changes, guint, 3 * p + 1), ==, 0);
      g_assert_cmpuint (g_array_index (fixture->changes, guint, 3 * p + 2), ==, 100);
    }

  request = am_test_server_get_request (fixture->server, 0);
  g_assert_cmpstr (am_test_request_get_param (request, "Owner.1"), ==, "self");
  g_assert_cmpstr (am_test_request_get_param (request, "MaxResults"), ==, "100");
  g_assert_null (am_test_request_get_param (request, "NextToken"));
  request = am_test_server_get_request (fixture->server, 24);
  g_assert_cmpstr (am_test_request_get_param (request, "NextToken"), ==, "page-2400");
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (am_image_store_lookup (store, "ami-000000000000000ff"), AM_TYPE_IMAGE));
  g_assert_null (am_image_store_lookup (store, "ami-missing"));
}

static void
test_scopes (Fixture       *fixture,
             gconstpointer  data)
{
  const struct {
    AmImageScope scope;
    const char  *param;
    const char  *value;
  } cases[] = {
    { AM_IMAGE_SCOPE_OWNED, "Owner.1", "self" },
    { AM_IMAGE_SCOPE_SHARED, "ExecutableBy.1", "self" },
    { AM_IMAGE_SCOPE_PUBLIC, "ExecutableBy.1", "all" },
    { AM_IMAGE_SCOPE_AMAZON, "Owner.1", "amazon" },
    { AM_IMAGE_SCOPE_MARKETPLACE, "Owner.1", "aws-marketplace" },
  };

  catalog_add (fixture, 1, "111122223333");
  catalog_add (fixture, 2, "444455556666");
  catalog_add (fixture, 3, "111122223333");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (AmImageStore) store = new_store (fixture, cases[i].scope, "111122223333", 1000);
      const AmTestRequest *request;

      am_image_store_load (store);
      wait_loaded (store);
      request = am_test_server_get_request (fixture->server, am_test_server_get_n_requests (fixture->server) - 1);
      g_assert_cmpstr (am_test_request_get_param (request, cases[i].param), ==, cases[i].value);
      g_assert_cmpstr (am_test_request_get_param (request, "MaxResults"), ==, "1000");
      if (cases[i].scope == AM_IMAGE_SCOPE_PUBLIC)
        {
          g_assert_cmpstr (am_test_request_get_param (request, "Filter.1.Name"), ==, "is-public");
          g_assert_cmpstr (am_test_request_get_param (request, "Filter.1.Value.1"), ==, "true");
        }
      /* shared with me: the account's own images are left out */
      if (cases[i].scope == AM_IMAGE_SCOPE_SHARED)
        {
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
          g_assert_cmpstr (am_image_get_owner_id (g_list_model_get_item (G_LIST_MODEL (store), 0)), ==,
                           "444455556666");
          g_object_unref (g_list_model_get_item (G_LIST_MODEL (store), 0));
        }
      else
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
    }
}

static void
on_n_loaded_cancel (AmImageStore *store,
                    GParamSpec   *pspec,
                    gpointer      user_data)
{
  if (am_image_store_get_n_loaded (store) >= 300)
    am_image_store_cancel (store);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (AmImageStore) store = NULL;
  guint served;

  for (guint i = 0; i < 1000; i++)
    catalog_add (fixture, i, "111122223333");
  /* pages after the third are slow, so the cancel lands while one is in flight */
  fixture->delay_ms = 300;
  fixture->delay_from = 300;

  store = new_store (fixture, AM_IMAGE_SCOPE_OWNED, NULL, 100);
  g_signal_connect (store, "notify::n-loaded", G_CALLBACK (on_n_loaded_cancel), NULL);
  am_image_store_load (store);
  wait_loaded (store);

  g_assert_null (am_image_store_get_error (store));
  g_assert_cmpuint (am_image_store_get_n_loaded (store), ==, 300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 300);
  served = fixture->n_pages_served;
  am_test_wait_ms (700);
  /* nothing more arrives after the cancel, and no more pages are asked for */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 300);
  g_assert_cmpuint (fixture->n_pages_served, <=, served);
  g_assert_cmpuint (fixture->changes->len, ==, 3 * 3);
  g_assert_false (am_image_store_get_loading (store));
}

static void
test_error_page (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (AmImageStore) store = NULL;
  const GError *error;

  for (guint i = 0; i < 500; i++)
    catalog_add (fixture, i, "111122223333");
  fixture->malformed_at = 200;

  store = new_store (fixture, AM_IMAGE_SCOPE_OWNED, NULL, 100);
  am_image_store_load (store);
  wait_loaded (store);
  error = am_image_store_get_error (store);
  g_assert_nonnull (error);
  g_test_message ("page error: %s", error->message);
  g_assert_true (g_error_matches (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE));
  g_assert_true (g_str_has_prefix (error->message, "Could not list images: "));
  /* the pages before the broken one stay */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 200);

  /* a later load that works clears the error */
  fixture->malformed_at = -1;
  am_image_store_refresh (store);
  g_assert_null (am_image_store_get_error (store));
  wait_loaded (store);
  g_assert_null (am_image_store_get_error (store));
  assert_matches_catalog (fixture, store);
}

/* A service whose tokens go round (page-100, page-200, page-0, page-100…) ends the listing
 * in an error in words, instead of listing for ever. */
static void
test_token_loop (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (AmImageStore) store = NULL;
  const GError *error;

  for (guint i = 0; i < 250; i++)
    catalog_add (fixture, i, "111122223333");
  fixture->loop_back = TRUE;

  store = new_store (fixture, AM_IMAGE_SCOPE_OWNED, NULL, 100);
  am_image_store_load (store);
  wait_loaded (store);
  error = am_image_store_get_error (store);
  g_assert_nonnull (error);
  g_test_message ("token loop: %s", error->message);
  g_assert_true (g_error_matches (error, AM_AWS_ERROR, AM_AWS_ERROR_MALFORMED_RESPONSE));
  g_assert_nonnull (strstr (error->message, "loop"));
  g_assert_cmpuint (fixture->n_pages_served, ==, 4);
  g_assert_false (am_image_store_get_loading (store));

  /* A later load starts with a fresh memory of tokens: it walks the same loop again. */
  am_image_store_refresh (store);
  wait_loaded (store);
  g_assert_nonnull (am_image_store_get_error (store));
  g_assert_cmpuint (fixture->n_pages_served, ==, 8);
}

static void
test_refresh_diff (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (AmImageStore) store = NULL;
  g_autoptr (GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  CatalogImage *changed;
  const guint expected[] = {
    5, 1, 1,      /* image 5 renamed: replaced in place */
    300, 0, 2,    /* two new images appended after the 300 there were */
    250, 1, 0,    /* removals from the end backwards */
    10, 10, 0,
  };

  for (guint i = 0; i < 300; i++)
    catalog_add (fixture, i, "111122223333");
  store = new_store (fixture, AM_IMAGE_SCOPE_OWNED, NULL, 100);
  am_image_store_load (store);
  wait_loaded (store);
  assert_matches_catalog (fixture, store);
  for (guint i = 0; i < 300; i++)
    g_ptr_array_add (before, g_list_model_get_item (G_LIST_MODEL (store), i));

  changed = fixture->catalog->pdata[5];
  g_free (changed->name);
  changed->name = g_strdup ("renamed");
  g_ptr_array_remove_index (fixture->catalog, 250);
  g_ptr_array_remove_range (fixture->catalog, 10, 10);
  catalog_add (fixture, 9001, "111122223333");
  catalog_add (fixture, 9002, "111122223333");
  g_array_set_size (fixture->changes, 0);

  am_image_store_refresh (store);
  wait_loaded (store);
  g_assert_null (am_image_store_get_error (store));

  g_assert_cmpuint (fixture->changes->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (g_array_index (fixture->changes, guint, i), ==, expected[i]);
  assert_matches_catalog (fixture, store);

  /* unchanged images are the very same objects: nothing was reloaded */
  {
    g_autoptr (AmImage) first = g_list_model_get_item (G_LIST_MODEL (store), 0);
    g_autoptr (AmImage) renamed = g_list_model_get_item (G_LIST_MODEL (store), 5);
    g_autoptr (AmImage) after_gap = g_list_model_get_item (G_LIST_MODEL (store), 10);

    g_assert_true (first == before->pdata[0]);
    g_assert_true (renamed != before->pdata[5]);
    g_assert_cmpstr (am_image_get_name (renamed), ==, "renamed");
    g_assert_true (after_gap == before->pdata[20]);
  }
}

static void
test_cache (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr (AmImageStore) first = NULL;
  g_autoptr (AmImageStore) second = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  CatalogImage *changed;

  for (guint i = 0; i < 250; i++)
    catalog_add (fixture, i, "111122223333");
  first = new_store (fixture, AM_IMAGE_SCOPE_OWNED, "111122223333", 100);
  path = am_image_store_dup_cache_path (first);
  g_assert_true (g_str_has_prefix (path, fixture->cache_dir));
  g_assert_true (g_str_has_suffix (path, "/111122223333-eu-west-1-owned.json"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  am_image_store_load (first);
  wait_loaded (first);
  g_assert_false (am_image_store_get_from_cache (first));
  wait_cache_saved (first);

  /* the cache is one valid JSON document */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  json_parser_load_from_data (parser, contents, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_node_get_object (json_parser_get_root (parser)), "images")), ==, 250);

  /* next start: the cached listing shows before EC2 answers, marked with its age */
  changed = fixture->catalog->pdata[3];
  g_free (changed->name);
  changed->name = g_strdup ("changed-since");
  fixture->delay_ms = 500;
  fixture->delay_from = 0;
  g_array_set_size (fixture->changes, 0);
  second = new_store (fixture, AM_IMAGE_SCOPE_OWNED, "111122223333", 100);
  am_image_store_load (second);
  while (g_list_model_get_n_items (G_LIST_MODEL (second)) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (am_image_store_get_loading (second));
  g_assert_true (am_image_store_get_from_cache (second));
  g_assert_cmpint (am_image_store_get_cached_at (second), >, 0);
  g_assert_cmpint (am_image_store_get_cache_age (second), >=, 0);
  g_assert_cmpint (am_image_store_get_cache_age (second), <, 60);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second)), ==, 250);
  g_assert_cmpuint (fixture->changes->len, ==, 3);
  {
    g_autoptr (AmImage) image = g_list_model_get_item (G_LIST_MODEL (second), 3);

    g_assert_cmpstr (am_image_get_name (image), ==, "image-3");
    /* block device mappings survive the cache */
    g_assert_cmpint (am_block_device_mapping_get_volume_size (am_image_get_block_device_mappings (image)[0]), ==, 8);
  }

  /* EC2's answer is diffed against it: only the changed image moves */
  wait_loaded (second);
  g_assert_false (am_image_store_get_from_cache (second));
  g_assert_cmpint (am_image_store_get_cache_age (second), ==, -1);
  g_assert_cmpuint (fixture->changes->len, ==, 6);
  g_assert_cmpuint (g_array_index (fixture->changes, guint, 3), ==, 3);
  g_assert_cmpuint (g_array_index (fixture->changes, guint, 4), ==, 1);
  g_assert_cmpuint (g_array_index (fixture->changes, guint, 5), ==, 1);
  assert_matches_catalog (fixture, second);
}

static void
test_cache_damaged (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *bodies[] = {
    "this is not json\n",
    "{\"amiable-image-cache\":1,\"saved-at\":1700000000,\"region\":\"eu-west-1\",\"scope\":\"owned\",\"count\":2,\"images\":[\n"
    "{\"image-id\":\"ami-1\",\"name\":\"one\"},\n",
    "{\"amiable-image-cache\":1,\"saved-at\":1700000000,\"region\":\"eu-west-1\",\"scope\":\"owned\",\"count\":1,\"images\":[\n"
    "{\"image-id\":\"ami-1\",\"is-public\":\"yes\"}\n]}\n",
    "{\"amiable-image-cache\":1,\"saved-at\":1700000000,\"region\":\"eu-west-1\",\"scope\":\"owned\",\"count\":1,\"images\":[\n"
    "{\"image-id\":\"ami-1\",\"block-device-mappings\":[{\"volume-size\":\"big\"}]}\n]}\n",
    "",
    /* A header's count is never trusted to size anything (this one used to abort). */
    "{\"amiable-image-cache\":1,\"saved-at\":1700000000,\"region\":\"eu-west-1\",\"scope\":\"owned\",\"count\":4000000000,\"images\":[\n"
    "{\"image-id\":\"ami-1\",\"name\":\"one\"}\n]}\n",
    "{\"amiable-image-cache\":1,\"saved-at\":1700000000,\"region\":\"eu-west-1\",\"scope\":\"owned\",\"count\":40000000000000,\"images\":[\n"
    "]}\n",
    /* Values of the wrong type in the header. */
    "{\"amiable-image-cache\":{\"v\":1},\"saved-at\":1700000000,\"count\":0,\"images\":[\n]}\n",
    "{\"amiable-image-cache\":1,\"saved-at\":[1],\"count\":0,\"images\":[\n]}\n",
    "{\"amiable-image-cache\":1,\"saved-at\":1700000000,\"count\":{\"n\":0},\"images\":[\n]}\n",
    "{\"amiable-image-cache\":1,\"saved-at\":1e300,\"count\":1e300,\"images\":[\n]}\n",
  };

  for (guint i = 0; i < 3; i++)
    catalog_add (fixture, i, "111122223333");

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr (AmImageStore) store = new_store (fixture, AM_IMAGE_SCOPE_OWNED, "111122223333", 100);
      g_autofree char *path = am_image_store_dup_cache_path (store);
      g_autofree char *dir = g_path_get_dirname (path);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_assert_true (g_file_set_contents (path, bodies[i], -1, NULL));
      fixture->delay_ms = 200;
      g_test_expect_message ("am-image-store", G_LOG_LEVEL_WARNING, "*image cache*damaged*");
      am_image_store_load (store);
      wait_loaded (store);
      g_test_assert_expected_messages ();
      g_assert_false (am_image_store_get_from_cache (store));
      assert_matches_catalog (fixture, store);
      wait_cache_saved (store);
    }
}

static gboolean
cache_write_failed_cb (const char     *log_domain,
                       GLogLevelFlags  log_level,
                       const char     *message,
                       gpointer        user_data)
{
  if (g_strcmp0 (log_domain, "am-image-store") == 0
      && strstr (message, "Could not write the image cache") != NULL)
    {
      *(gboolean *) user_data = TRUE;
      return FALSE;
    }
  return TRUE;
}

/* A write that fails half-way (a full disk) keeps the last good cache, and leaves no
 * temporary file behind. The file size limit makes the write fail for real. */
static void
test_cache_write_fails (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *good =
    "{\"amiable-image-cache\":1,\"saved-at\":1700000000,\"region\":\"eu-west-1\",\"scope\":\"owned\",\"count\":1,\"images\":[\n"
    "{\"image-id\":\"ami-1\",\"name\":\"One\"}\n"
    "]}\n";
  g_autoptr (AmImageStore) store = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GDir) listing = NULL;
  struct rlimit limit = { 16 * 1024, 16 * 1024 };
  gboolean failed = FALSE;
  gint64 deadline;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  for (guint i = 0; i < 400; i++)
    catalog_add (fixture, i, "111122223333");
  store = new_store (fixture, AM_IMAGE_SCOPE_OWNED, "111122223333", 100);
  path = am_image_store_dup_cache_path (store);
  dir = g_path_get_dirname (path);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, good, -1, NULL));

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  g_test_log_set_fatal_handler (cache_write_failed_cb, &failed);

  am_image_store_load (store);
  wait_loaded (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 400);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!failed)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, good);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  for (const char *name = g_dir_read_name (listing); name != NULL; name = g_dir_read_name (listing))
    g_assert_true (g_str_has_suffix (path, name));
}

static void
test_cache_valid_read (Fixture       *fixture,
                       gconstpointer  data)
{
  /* a cache written by hand in the documented shape is read back whole */
  const char *body =
    "{\"amiable-image-cache\":1,\"saved-at\":1700000000,\"region\":\"eu-west-1\",\"scope\":\"owned\",\"count\":2,\"images\":[\n"
    "{\"image-id\":\"ami-1\",\"name\":\"One\",\"creation-date\":\"2024-01-02T03:04:05.000Z\",\"is-public\":true,"
    "\"tags\":[{\"key\":\"team\",\"value\":\"web\"}]},\n"
    "{\"image-id\":\"ami-2\",\"name\":\"two\"}\n"
    "]}\n";
  g_autoptr (AmImageStore) store = new_store (fixture, AM_IMAGE_SCOPE_OWNED, "111122223333", 100);
  g_autofree char *path = am_image_store_dup_cache_path (store);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (AmImage) one = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, body, -1, NULL));
  fixture->delay_ms = 2000;
  am_image_store_load (store);
  while (g_list_model_get_n_items (G_LIST_MODEL (store)) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  g_assert_cmpint (am_image_store_get_cached_at (store), ==, 1700000000);
  g_assert_cmpint (am_image_store_get_cache_age (store), >, 3600);
  one = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_assert_cmpstr (am_image_get_name (one), ==, "One");
  g_assert_true (am_image_get_is_public (one));
  g_assert_cmpint (am_image_get_creation_time (one), ==, 1704164645);
  g_assert_cmpstr (am_tag_get_value (am_image_get_tags (one)[0]), ==, "web");
  g_assert_true (am_image_match_folded (one, "one", 3));
  am_image_store_cancel (store);
  g_assert_false (am_image_store_get_loading (store));
  /* cancelled: the cached listing stays, no error */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  g_assert_null (am_image_store_get_error (store));
}

static void
test_drop_while_loading (Fixture       *fixture,
                         gconstpointer  data)
{
  AmImageStore *store;

  for (guint i = 0; i < 500; i++)
    catalog_add (fixture, i, "111122223333");
  fixture->delay_ms = 300;
  fixture->delay_from = 0;

  /* the UI switches scope: the store goes away with a page in flight */
  store = new_store (fixture, AM_IMAGE_SCOPE_OWNED, NULL, 100);
  am_image_store_load (store);
  am_test_wait_ms (50);
  g_object_unref (store);
  /* teardown waits for the weak pointer: the store must really be gone, and nothing crashes
   * when the answer lands */
  am_test_wait_ms (500);
  g_assert_cmpuint (fixture->n_pages_served, <=, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/ec2/image-store/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("pages", test_pages);
  ADD ("token-loop", test_token_loop);
  ADD ("scopes", test_scopes);
  ADD ("cancel", test_cancel);
  ADD ("error-page", test_error_page);
  ADD ("refresh-diff", test_refresh_diff);
  ADD ("cache", test_cache);
  ADD ("cache-damaged", test_cache_damaged);
  ADD ("cache-valid-read", test_cache_valid_read);
  ADD ("cache-write-fails", test_cache_write_fails);
  ADD ("drop-while-loading", test_drop_while_loading);

  return g_test_run ();
}
