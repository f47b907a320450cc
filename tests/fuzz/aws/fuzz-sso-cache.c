/* fuzz-sso-cache.c: libFuzzer harness for the reader of the IAM Identity Center token cache
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-sso-cache"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "am-fuzz.h"
#include "aws/am-aws-error.h"
#include "aws/am-profile-resolver-private.h"

#define CACHE_KEY "https://example.awsapps.com/start"

static AmAwsConfig *config;
static char *cache_path;

/* A HOME of our own with ~/.aws/sso/cache, and a config that names it. */
static void
set_up (void)
{
  g_autofree char *home_env = g_strconcat ("HOME=", am_fuzz_scratch_dir (), NULL);
  const char * const envp[] = { home_env, NULL };
  g_autofree char *dir = NULL;
  g_autoptr (GError) error = NULL;

  config = am_aws_config_new_from_data (envp,
                                        "[profile fuzz]\n"
                                        "sso_start_url = " CACHE_KEY "\n"
                                        "sso_region = us-east-1\n"
                                        "sso_account_id = 111122223333\n"
                                        "sso_role_name = Admin\n",
                                        "fuzz-config", NULL, NULL, &error);
  if (config == NULL)
    g_error ("the harness's config does not parse: %s", error->message);
  cache_path = _am_aws_sso_cache_path_for_fuzzing (config, CACHE_KEY);
  g_assert (g_str_has_prefix (cache_path, am_fuzz_scratch_dir ()));
  dir = g_path_get_dirname (cache_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_error ("could not make %s", dir);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *token = NULL;
  g_autoptr (GError) error = NULL;

  am_fuzz_init ();
  /* json-glib's own leak on documents of several values (see am-fuzz.h) */
  if (am_fuzz_json_has_second_value (data, size))
    return 0;
  if (config == NULL)
    set_up ();

  am_fuzz_write_file (cache_path, data, size);
  token = _am_aws_read_sso_token_for_fuzzing (config, "fuzz", CACHE_KEY, &error);
  if (token == NULL)
    {
      /* Every refusal tells the user to sign in again. */
      g_assert (error != NULL && error->domain == AM_AWS_ERROR);
      g_assert (strstr (error->message, "aws sso login --profile fuzz") != NULL);
    }
  else
    {
      g_assert (error == NULL);
      g_assert (*token != '\0');
      /* The token is never part of what the user sees. */
    }
  return 0;
}
