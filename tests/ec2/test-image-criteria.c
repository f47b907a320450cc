/* test-image-criteria.c: the Allowed AMIs evaluator agrees with the sandbox's imageAllowed on real listings
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-image-criteria"

#include "config.h"

#include "am-ec2-client.h"
#include "am-ec2-governance.h"
#include "am-image-criteria.h"
#include "am-product-code.h"
#include "am-test-sandbox.h"
#include "am-test-server.h"

#define ALICE_ACCOUNT "111122223333"
#define ALICE_KEY     "AKIAIOSFODNN7SANDBOX"
#define ALICE_SECRET  "sandbox/alice/wJalrXUtnFEMIK7MDENGbPxRfiCY"
#define BOB_ACCOUNT   "444455556666"
/* Canonical and Debian publish their images under these accounts, with no owner alias. */
#define CANONICAL     "099720109477"
#define DEBIAN        "136693071363"

#define WAIT(result) am_test_wait_result (&(result))

static void
test_wildcards (void)
{
  g_assert_true (am_image_criteria_wildcard_match ("ubuntu/*noble*", "ubuntu/images/hvm-ssd/ubuntu-noble-24.04"));
  g_assert_true (am_image_criteria_wildcard_match ("al202?-*", "al2023-ami"));
  g_assert_false (am_image_criteria_wildcard_match ("al202?-*", "al20234-ami"));
  g_assert_true (am_image_criteria_wildcard_match ("*", ""));
  g_assert_false (am_image_criteria_wildcard_match ("?", ""));
  g_assert_true (am_image_criteria_wildcard_match ("a\\*b", "a*b"));
  g_assert_false (am_image_criteria_wildcard_match ("a\\*b", "axb"));
  g_assert_true (am_image_criteria_wildcard_match ("*a*b*c", "xxaxxbxxbxc"));
  g_assert_false (am_image_criteria_wildcard_match ("debian", "debian-12"));
}

static AmEc2Client *
alice_client (AmTestSandbox *sandbox)
{
  g_autoptr (AmCredentials) credentials = am_credentials_new (ALICE_KEY, ALICE_SECRET, NULL, NULL);
  g_autoptr (AmCredentialsProvider) provider = am_credentials_provider_new_static (credentials);
  g_autoptr (GError) error = NULL;
  g_autoptr (AmQueryClient) query = am_query_client_new (provider, "ec2", "us-east-1",
                                                         am_test_sandbox_get_url (sandbox), &error);

  g_assert_no_error (error);
  return am_ec2_client_new (query);
}

static GPtrArray *
describe (AmEc2Client *client,
          const char  *owner)
{
  g_autoptr (AmDescribeImagesQuery) query = am_describe_images_query_new ();
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *token = NULL;

  if (owner != NULL)
    am_describe_images_query_add_owner (query, owner);
  do
    {
      g_autoptr (GAsyncResult) result = NULL;
      g_autoptr (GError) error = NULL;
      GPtrArray *page;

      am_describe_images_query_set_next_token (query, token);
      g_clear_pointer (&token, g_free);
      am_ec2_client_describe_images_async (client, query, NULL, am_test_result_cb, &result);
      WAIT (result);
      page = am_ec2_client_describe_images_finish (client, result, &token, &error);
      g_assert_no_error (error);
      g_ptr_array_extend_and_steal (all, page);
    }
  while (token != NULL);
  return g_steal_pointer (&all);
}

static AmImageCriterion *
criterion (const char *providers,
           const char *names,
           const char *codes,
           gint        max_created,
           gint        max_deprecated)
{
  AmImageCriterion *c = am_image_criterion_new ();

  c->providers = providers ? g_strsplit (providers, ",", -1) : NULL;
  c->names = names ? g_strsplit (names, ",", -1) : NULL;
  c->product_codes = codes ? g_strsplit (codes, ",", -1) : NULL;
  c->max_days_created = max_created;
  c->max_days_deprecated = max_deprecated;
  return c;
}

static void
replace_and_audit (AmEc2Client *client,
                   GPtrArray   *criteria)
{
  g_autoptr (GAsyncResult) r_replace = NULL, r_state = NULL;
  g_autoptr (GError) error = NULL;

  am_ec2_client_replace_image_criteria_async (client, criteria, NULL, am_test_result_cb, &r_replace);
  WAIT (r_replace);
  g_assert_true (am_ec2_client_replace_image_criteria_finish (client, r_replace, &error));
  g_assert_no_error (error);
  am_ec2_client_set_allowed_images_state_async (client, "audit-mode", NULL, am_test_result_cb, &r_state);
  WAIT (r_state);
  g_assert_true (am_ec2_client_set_allowed_images_state_finish (client, r_state, &error));
  g_assert_no_error (error);
}

/* Every image of every listing: the evaluator's verdict is the sandbox's. Returns how many
 * were allowed and refused, so a criteria set that decides nothing is noticed. */
static void
compare_listings (AmEc2Client *client,
                  GPtrArray   *criteria,
                  guint       *allowed,
                  guint       *refused)
{
  const char *owners[] = { "amazon", "aws-marketplace", "self", CANONICAL, DEBIAN };
  gint64 now_ms = g_get_real_time () / 1000;

  *allowed = *refused = 0;
  for (guint o = 0; o < G_N_ELEMENTS (owners); o++)
    {
      g_autoptr (GPtrArray) images = describe (client, owners[o]);

      g_test_message ("%s: %u images", owners[o], images->len);
      g_assert_cmpuint (images->len, >, 0);
      for (guint i = 0; i < images->len; i++)
        {
          AmImage *image = images->pdata[i];
          gboolean mine = am_image_criteria_allow (criteria, image, ALICE_ACCOUNT, now_ms);

          if (mine != am_image_get_image_allowed (image))
            g_error ("%s (%s, owner %s, created %s, deprecated %s): the evaluator says %s, the sandbox %s",
                     am_image_get_image_id (image), am_image_get_name (image), am_image_get_owner_id (image),
                     am_image_get_creation_date (image), am_image_get_deprecation_time (image),
                     mine ? "allowed" : "not allowed", mine ? "not allowed" : "allowed");
          if (mine)
            (*allowed)++;
          else
            (*refused)++;
        }
    }
  g_test_message ("%u allowed, %u not allowed", *allowed, *refused);
}

static void
test_agrees_with_sandbox (void)
{
  AmTestSandbox *sandbox = am_test_sandbox_start ("amiable-image-criteria-XXXXXX", NULL, NULL);
  g_autoptr (AmEc2Client) client = alice_client (sandbox);
  g_autoptr (GPtrArray) market = describe (client, "aws-marketplace");
  g_autoptr (GPtrArray) set = NULL;
  const char *code = NULL;
  guint own, allowed, refused;

  for (guint i = 0; i < market->len && code == NULL; i++)
    {
      AmProductCode *const *codes = am_image_get_product_codes (market->pdata[i]);

      if (codes[0] != NULL)
        code = am_product_code_get_product_code (codes[0]);
    }
  g_assert_nonnull (code);

  /* No criteria: only the account's own images. */
  set = g_ptr_array_new_with_free_func ((GDestroyNotify) am_image_criterion_free);
  replace_and_audit (client, set);
  compare_listings (client, set, &own, &refused);
  g_assert_cmpuint (own, >, 0);
  g_assert_cmpuint (refused, >, 0);
  g_clear_pointer (&set, g_ptr_array_unref);

  /* Each kind of condition, alone and together: every set allows more than the own images
   * and fewer than all. */
  set = g_ptr_array_new_with_free_func ((GDestroyNotify) am_image_criterion_free);
  g_ptr_array_add (set, criterion ("amazon", "al2023-*,Windows_Server-20?" "?-English-Full-Base-*", NULL, -1, 30));
  g_ptr_array_add (set, criterion (NULL, "ubuntu/images/*noble*", NULL, 400, -1));
  g_ptr_array_add (set, criterion ("aws-marketplace", NULL, code, -1, -1));
  g_ptr_array_add (set, criterion (BOB_ACCOUNT "," DEBIAN ",aws-backup-vault", NULL, NULL, -1, -1));
  replace_and_audit (client, set);
  compare_listings (client, set, &allowed, &refused);
  g_assert_cmpuint (allowed, >, own);
  g_assert_cmpuint (refused, >, 0);
  g_clear_pointer (&set, g_ptr_array_unref);

  set = g_ptr_array_new_with_free_func ((GDestroyNotify) am_image_criterion_free);
  g_ptr_array_add (set, criterion (NULL, NULL, NULL, 420, 0));
  replace_and_audit (client, set);
  compare_listings (client, set, &allowed, &refused);
  g_assert_cmpuint (allowed, >, own);
  g_assert_cmpuint (refused, >, 0);
  g_clear_pointer (&set, g_ptr_array_unref);

  set = g_ptr_array_new_with_free_func ((GDestroyNotify) am_image_criterion_free);
  g_ptr_array_add (set, criterion (NULL, NULL, code, -1, -1));
  g_ptr_array_add (set, criterion ("amazon", NULL, NULL, -1, 365));
  replace_and_audit (client, set);
  compare_listings (client, set, &allowed, &refused);
  g_assert_cmpuint (allowed, >, own);
  g_assert_cmpuint (refused, >, 0);
  g_clear_pointer (&set, g_ptr_array_unref);

  g_clear_object (&client);
  am_test_sandbox_stop (sandbox);
}

/* The copy a CopyImage would make, held to each condition on its own. */
static void
test_copy_failures (void)
{
  gint64 now_ms = g_get_real_time () / 1000;
  g_autoptr (AmImage) copy = am_image_criteria_new_copy (ALICE_ACCOUNT, "web-2026", now_ms);
  g_autoptr (AmImageCriterion) c = am_image_criterion_new ();
  const char *names[] = { "golden-*", NULL };
  const char *providers[] = { "amazon", NULL };
  const char *mine[] = { ALICE_ACCOUNT, NULL };

  g_assert_cmpstr (am_image_get_owner_id (copy), ==, ALICE_ACCOUNT);
  g_assert_cmpstr (am_image_get_name (copy), ==, "web-2026");
  g_assert_cmpint (am_image_criterion_failures (c, copy, now_ms), ==, 0);
  c->names = g_strdupv ((char **) names);
  g_assert_cmpint (am_image_criterion_failures (c, copy, now_ms), ==, AM_IMAGE_CRITERION_NAMES);
  c->providers = g_strdupv ((char **) providers);
  g_assert_cmpint (am_image_criterion_failures (c, copy, now_ms), ==,
                   AM_IMAGE_CRITERION_NAMES | AM_IMAGE_CRITERION_PROVIDERS);
  g_assert_false (am_image_criterion_matches (c, copy, now_ms));
  g_strfreev (c->providers);
  c->providers = g_strdupv ((char **) mine);
  c->max_days_created = 1;
  /* Made now: younger than any creation-date condition. */
  g_assert_cmpint (am_image_criterion_failures (c, copy, now_ms), ==, AM_IMAGE_CRITERION_NAMES);
  g_assert_cmpint (am_image_criterion_failures (c, copy, now_ms + 3 * 86400000LL), ==,
                   AM_IMAGE_CRITERION_NAMES | AM_IMAGE_CRITERION_CREATION);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/image-criteria/wildcards", test_wildcards);
  g_test_add_func ("/image-criteria/copy-failures", test_copy_failures);
  g_test_add_func ("/image-criteria/agrees-with-sandbox", test_agrees_with_sandbox);
  return g_test_run ();
}
