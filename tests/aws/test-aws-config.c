/* test-aws-config.c: parsing the AWS CLI settings: profiles, lookups, precedence, broken files
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-aws-config"

#include "config.h"

#include <string.h>

#include "aws/am-aws-config.h"
#include "aws/am-aws-error.h"

static AmAwsConfig *
parse (const char * const *envp,
       const char         *config,
       const char         *credentials)
{
  g_autoptr (GError) error = NULL;
  AmAwsConfig *self = am_aws_config_new_from_data (envp, config, "test-config", credentials,
                                                   "test-credentials", &error);

  g_assert_no_error (error);
  g_assert_nonnull (self);
  return self;
}

static const char sample_config[] =
  "# a comment\n"
  "; another comment\n"
  "[default]\n"
  "region = eu-west-1\n"
  "output=json\n"
  "\n"
  "[profile dev]\n"
  "Region = us-east-2\n"
  "aws_access_key_id = AKIDCONFIG\n"
  "aws_secret_access_key = config-secret\n"
  "endpoint_url = https://config.example.com\n"
  "services = local\n"
  "s3 =\n"
  "  max_concurrent_requests = 20\n"
  "  addressing_style = path\n"
  "\n"
  "[profile   spaced   ]\n"
  "region: ap-south-1\n"
  "description = first line\n"
  "  second line\n"
  "\n"
  "[sso-session corp]\n"
  "sso_start_url = https://corp.awsapps.com/start\n"
  "sso_region = eu-central-1\n"
  "\n"
  "[services local]\n"
  "ec2 =\n"
  "  endpoint_url = http://127.0.0.1:4566\n"
  "\n"
  "[not-a-profile]\n"
  "region = nowhere-1\n";

static const char sample_credentials[] =
  "[default]\r\n"
  "aws_access_key_id = AKIDDEFAULT\r\n"
  "aws_secret_access_key = default-secret\r\n"
  "[dev]\n"
  "aws_access_key_id = AKIDCREDS\n"
  "aws_secret_access_key = creds-secret\n"
  "[only-creds]\n"
  "aws_access_key_id=AKIDONLY\n"
  "aws_secret_access_key=only-secret\n"
  "aws_session_token=only-token\n";

static void
test_profiles_and_values (void)
{
  g_autoptr (AmAwsConfig) config = parse (NULL, sample_config, sample_credentials);
  g_auto (GStrv) profiles = am_aws_config_list_profiles (config);
  g_autofree char *joined = g_strjoinv (",", profiles);

  g_assert_cmpstr (joined, ==, "default,dev,only-creds,spaced");
  g_assert_true (am_aws_config_has_profile (config, "dev"));
  g_assert_false (am_aws_config_has_profile (config, "not-a-profile"));
  g_assert_false (am_aws_config_has_profile (config, "corp"));
  g_assert_cmpstr (am_aws_config_get_default_profile_name (config), ==, "default");

  /* Keys are case-insensitive; ':' works as a delimiter; continuation lines join. */
  g_assert_cmpstr (am_aws_config_get_value (config, "dev", "region"), ==, "us-east-2");
  g_assert_cmpstr (am_aws_config_get_value (config, "dev", "REGION"), ==, "us-east-2");
  g_assert_cmpstr (am_aws_config_get_value (config, "spaced", "region"), ==, "ap-south-1");
  g_assert_cmpstr (am_aws_config_get_value (config, "spaced", "description"), ==,
                   "first line\nsecond line");
  g_assert_cmpstr (am_aws_config_get_value (config, "dev", "s3.max_concurrent_requests"), ==,
                   "20");
  g_assert_cmpstr (am_aws_config_get_value (config, "dev", "s3.addressing_style"), ==, "path");
  g_assert_null (am_aws_config_get_value (config, "dev", "s3"));

  /* The credentials file wins; CRLF line ends are fine. */
  g_assert_cmpstr (am_aws_config_get_value (config, "dev", "aws_access_key_id"), ==, "AKIDCREDS");
  g_assert_cmpstr (am_aws_config_get_value (config, NULL, "aws_access_key_id"), ==,
                   "AKIDDEFAULT");
  g_assert_cmpstr (am_aws_config_get_value (config, "default", "aws_secret_access_key"), ==,
                   "default-secret");

  g_assert_cmpstr (am_aws_config_get_section_value (config, "sso-session", "corp",
                                                    "sso_region"), ==, "eu-central-1");
  g_assert_cmpstr (am_aws_config_get_section_value (config, "services", "local",
                                                    "ec2.endpoint_url"), ==,
                   "http://127.0.0.1:4566");
  g_assert_null (am_aws_config_get_section_value (config, "services", "missing", "x"));
}

static void
test_region_precedence (void)
{
  const char *env_both[] = { "AWS_REGION=us-west-2", "AWS_DEFAULT_REGION=sa-east-1", NULL };
  const char *env_default[] = { "AWS_DEFAULT_REGION=sa-east-1", NULL };
  const char *env_profile[] = { "AWS_PROFILE=dev", NULL };
  g_autoptr (AmAwsConfig) none = parse (NULL, sample_config, NULL);
  g_autoptr (AmAwsConfig) both = parse (env_both, sample_config, NULL);
  g_autoptr (AmAwsConfig) fallback = parse (env_default, sample_config, NULL);
  g_autoptr (AmAwsConfig) profile = parse (env_profile, sample_config, NULL);

  g_assert_cmpstr (am_aws_config_get_region (none, NULL), ==, "eu-west-1");
  g_assert_cmpstr (am_aws_config_get_region (none, "dev"), ==, "us-east-2");
  g_assert_null (am_aws_config_get_region (none, "only-creds"));
  g_assert_cmpstr (am_aws_config_get_region (both, "dev"), ==, "us-west-2");
  g_assert_cmpstr (am_aws_config_get_region (fallback, "dev"), ==, "sa-east-1");
  g_assert_cmpstr (am_aws_config_get_default_profile_name (profile), ==, "dev");
  g_assert_cmpstr (am_aws_config_get_region (profile, NULL), ==, "us-east-2");
}

static void
test_endpoint_precedence (void)
{
  const char *env_service[] = { "AWS_ENDPOINT_URL_EC2=http://localhost:1",
                                "AWS_ENDPOINT_URL=http://localhost:2", NULL };
  const char *env_global[] = { "AWS_ENDPOINT_URL=http://localhost:2", NULL };
  const char *env_ignore[] = { "AWS_ENDPOINT_URL=http://localhost:2",
                               "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true", NULL };
  g_autoptr (AmAwsConfig) plain = parse (NULL, sample_config, NULL);
  g_autoptr (AmAwsConfig) service = parse (env_service, sample_config, NULL);
  g_autoptr (AmAwsConfig) global = parse (env_global, sample_config, NULL);
  g_autoptr (AmAwsConfig) ignore = parse (env_ignore, sample_config, NULL);

  /* services section, then the profile's endpoint_url, then nothing */
  g_assert_cmpstr (am_aws_config_get_endpoint_url (plain, "dev", "ec2"), ==,
                   "http://127.0.0.1:4566");
  g_assert_cmpstr (am_aws_config_get_endpoint_url (plain, "dev", "ssm"), ==,
                   "https://config.example.com");
  g_assert_null (am_aws_config_get_endpoint_url (plain, "spaced", "ec2"));

  g_assert_cmpstr (am_aws_config_get_endpoint_url (service, "dev", "ec2"), ==,
                   "http://localhost:1");
  g_assert_cmpstr (am_aws_config_get_endpoint_url (service, "dev", "ssm"), ==,
                   "http://localhost:2");
  g_assert_cmpstr (am_aws_config_get_endpoint_url (global, "dev", "ec2"), ==,
                   "http://localhost:2");
  g_assert_null (am_aws_config_get_endpoint_url (ignore, "dev", "ec2"));
}

static void
test_malformed (void)
{
  struct {
    const char *text;
    guint       line;
    const char *problem;
  } cases[] = {
    { "region = x\n[default]\n", 1, "before any [section]" },
    { "[default]\nregion = x\n[profile a\n", 3, "must end with" },
    { "[default]\n\njust words\n", 3, "expected" },
    { "[default]\nregion = a\nregion = b\n", 3, "set twice" },
    { "[profile a]\nx = 1\n[profile a]\n", 3, "appears twice" },
    { "[ ]\n", 1, "empty" },
    { "[default]\n= value\n", 2, "expected" },
    { "[default]\nname = \xff\xfe\n", 2, "UTF-8" },
    { "[default]\ns3 =\n  no delimiter here\n", 3, "nested" },
    { "[default]\nregion = a\n[x] trailing\n", 3, "must end with" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (AmAwsConfig) config = NULL;
      g_autofree char *where = g_strdup_printf ("test-config, line %u:", cases[i].line);

      g_test_message ("case %u", i);
      config = am_aws_config_new_from_data (NULL, cases[i].text, "test-config", NULL, NULL,
                                            &error);
      g_assert_null (config);
      g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, where));
      g_assert_nonnull (strstr (error->message, cases[i].problem));
    }

  /* The credentials file is checked the same way and named in the error. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (AmAwsConfig) config = am_aws_config_new_from_data (NULL, "[default]\n", "cfg",
                                                                  "[a]\nkey\n", "creds",
                                                                  &error);

    g_assert_null (config);
    g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG);
    g_assert_true (g_str_has_prefix (error->message, "creds, line 2:"));
  }

  /* [default] and [profile default] may both exist. */
  {
    g_autoptr (AmAwsConfig) config = parse (NULL, "[default]\nregion = a\n[profile default]\n"
                                                  "output = json\n", NULL);

    g_assert_cmpstr (am_aws_config_get_value (config, "default", "region"), ==, "a");
    g_assert_cmpstr (am_aws_config_get_value (config, "default", "output"), ==, "json");
  }
}

static void
test_profile_kinds (void)
{
  const char *env[] = { "AWS_ACCESS_KEY_ID=AKIDENV", "AWS_SECRET_ACCESS_KEY=env-secret", NULL };
  const char *partial_env[] = { "AWS_ACCESS_KEY_ID=AKIDENV", NULL };
  static const char config_text[] =
    "[profile static]\naws_access_key_id = A\naws_secret_access_key = S\n"
    "[profile half]\naws_access_key_id = A\n"
    "[profile process]\ncredential_process = /bin/true\n"
    "[profile role]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = static\n"
    "[profile role-both]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = static\n"
    "credential_source = Environment\n"
    "[profile sso]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n"
    "[profile sso-legacy]\nsso_start_url = https://x.awsapps.com/start\nsso_region = us-east-1\n"
    "sso_account_id = 1\nsso_role_name = R\n"
    "[profile sso-broken]\nsso_session = missing\nsso_account_id = 1\nsso_role_name = R\n"
    "[profile sso-no-role]\nsso_session = corp\nsso_account_id = 1\n"
    "[profile web]\nrole_arn = arn:aws:iam::1:role/W\nweb_identity_token_file = /t\n"
    "[profile empty]\nregion = us-east-1\n"
    "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = eu-west-1\n";
  struct {
    const char      *profile;
    AmAwsProfileKind kind;
    int              error_code;
  } cases[] = {
    { "static", AM_AWS_PROFILE_KIND_STATIC, -1 },
    { "half", AM_AWS_PROFILE_KIND_NONE, AM_AWS_ERROR_CONFIG },
    { "process", AM_AWS_PROFILE_KIND_CREDENTIAL_PROCESS, -1 },
    { "role", AM_AWS_PROFILE_KIND_ASSUME_ROLE, -1 },
    { "role-both", AM_AWS_PROFILE_KIND_NONE, AM_AWS_ERROR_CONFIG },
    { "sso", AM_AWS_PROFILE_KIND_SSO, -1 },
    { "sso-legacy", AM_AWS_PROFILE_KIND_SSO, -1 },
    { "sso-broken", AM_AWS_PROFILE_KIND_NONE, AM_AWS_ERROR_CONFIG },
    { "sso-no-role", AM_AWS_PROFILE_KIND_NONE, AM_AWS_ERROR_CONFIG },
    { "web", AM_AWS_PROFILE_KIND_NONE, AM_AWS_ERROR_CONFIG },
    { "empty", AM_AWS_PROFILE_KIND_NONE, AM_AWS_ERROR_NO_CREDENTIALS },
    { "missing", AM_AWS_PROFILE_KIND_NONE, AM_AWS_ERROR_NO_CREDENTIALS },
  };
  g_autoptr (AmAwsConfig) config = parse (NULL, config_text, NULL);
  g_autoptr (AmAwsConfig) with_env = parse (env, config_text, NULL);
  g_autoptr (AmAwsConfig) with_partial = parse (partial_env, config_text, NULL);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) local = NULL;
      AmAwsProfileKind kind;

      g_test_message ("profile %s", cases[i].profile);
      kind = am_aws_config_get_profile_kind (config, cases[i].profile, &local);
      g_assert_cmpint (kind, ==, cases[i].kind);
      if (cases[i].error_code < 0)
        g_assert_no_error (local);
      else
        g_assert_error (local, AM_AWS_ERROR, cases[i].error_code);
    }

  /* The default chain looks at the environment first; a named profile does not. */
  g_assert_cmpint (am_aws_config_get_profile_kind (with_env, NULL, &error), ==,
                   AM_AWS_PROFILE_KIND_ENVIRONMENT);
  g_assert_no_error (error);
  g_assert_true (am_aws_config_has_environment_credentials (with_env));
  g_assert_cmpint (am_aws_config_get_profile_kind (with_env, "static", &error), ==,
                   AM_AWS_PROFILE_KIND_STATIC);
  g_assert_cmpint (am_aws_config_get_profile_kind (with_partial, NULL, &error), ==,
                   AM_AWS_PROFILE_KIND_NONE);
  g_assert_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS);
  g_assert_nonnull (strstr (error->message, "AWS_SECRET_ACCESS_KEY"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/aws-config/profiles-and-values", test_profiles_and_values);
  g_test_add_func ("/aws-config/region-precedence", test_region_precedence);
  g_test_add_func ("/aws-config/endpoint-precedence", test_endpoint_precedence);
  g_test_add_func ("/aws-config/malformed", test_malformed);
  g_test_add_func ("/aws-config/profile-kinds", test_profile_kinds);

  return g_test_run ();
}
