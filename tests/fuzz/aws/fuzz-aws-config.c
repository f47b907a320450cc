/* fuzz-aws-config.c: libFuzzer harness for the AWS CLI config and credentials parser
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "fuzz-aws-config"

#include "config.h"

#include <string.h>

#include "am-fuzz.h"
#include "aws/am-aws-config.h"
#include "aws/am-aws-error.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  /* Parsed from memory only: no file is read and no credential is resolved (that would run
   * credential_process commands). HOME points nowhere. */
  static const char * const envp[] = { "HOME=/nonexistent/amiable-fuzz", NULL };
  g_autofree char *config_text = NULL;
  g_autofree char *credentials_text = NULL;
  g_autoptr (AmAwsConfig) config = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) profiles = NULL;
  const guint8 *separator;

  am_fuzz_init ();
  /* The text up to the first NUL is the config file, the rest the credentials file. */
  separator = memchr (data, '\0', size);
  if (separator != NULL)
    {
      config_text = g_strndup ((const char *) data, (gsize) (separator - data));
      credentials_text = g_strndup ((const char *) separator + 1,
                                    size - (gsize) (separator - data) - 1);
    }
  else
    config_text = g_strndup ((const char *) data, size);

  config = am_aws_config_new_from_data (envp, config_text, "fuzz-config", credentials_text,
                                        "fuzz-credentials", &error);
  if (config == NULL)
    {
      g_assert (g_error_matches (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG));
      g_assert (strstr (error->message, ", line ") != NULL);
      return 0;
    }

  profiles = am_aws_config_list_profiles (config);
  for (guint i = 0; profiles[i] != NULL; i++)
    {
      g_autoptr (GError) kind_error = NULL;
      AmAwsProfileKind kind;

      g_assert (am_aws_config_has_profile (config, profiles[i]));
      kind = am_aws_config_get_profile_kind (config, profiles[i], &kind_error);
      g_assert ((kind == AM_AWS_PROFILE_KIND_NONE) == (kind_error != NULL));
      am_aws_config_get_region (config, profiles[i]);
      am_aws_config_get_endpoint_url (config, profiles[i], "ec2");
      am_aws_config_get_endpoint_url (config, profiles[i], "sts");
      am_aws_config_get_value (config, profiles[i], "role_arn");
      am_aws_config_get_section_value (config, "sso-session",
                                       am_aws_config_get_value (config, profiles[i],
                                                                "sso_session"),
                                       "sso_start_url");
    }
  {
    g_autoptr (GError) kind_error = NULL;

    am_aws_config_get_profile_kind (config, NULL, &kind_error);
  }

  return 0;
}
