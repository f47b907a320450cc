/* am-aws-config.h: the AWS CLI configuration (~/.aws/config, ~/.aws/credentials, environment)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-credentials.h"

G_BEGIN_DECLS

/*
 * An AmAwsConfig is a snapshot of the AWS CLI's settings: the environment it was loaded
 * with and the two INI files (AWS_CONFIG_FILE, default ~/.aws/config, with `[default]`,
 * `[profile NAME]`, `[sso-session NAME]` and `[services NAME]` sections; and
 * AWS_SHARED_CREDENTIALS_FILE, default ~/.aws/credentials, with `[NAME]` sections).
 * Missing files are fine; a malformed file fails the load with AM_AWS_ERROR_CONFIG naming
 * the file, the line and the problem (the CLI refuses such files too).
 * Keys are case-insensitive; indented `key = value` lines under an empty value make nested
 * settings, read as "parent.key" (e.g. "ec2.endpoint_url" in a services section).
 * It only reads: resolving a profile's credentials (credential_process, STS, SSO) is
 * AmProfileResolver's work (am-profile-resolver.h), owned by AmCredentialsProvider.
 */

#define AM_TYPE_AWS_CONFIG (am_aws_config_get_type ())

G_DECLARE_FINAL_TYPE (AmAwsConfig, am_aws_config, AM, AWS_CONFIG, GObject)

/**
 * AmAwsProfileKind:
 * How a profile gets its credentials, in the order the CLI tries them.
 */
typedef enum
{
  AM_AWS_PROFILE_KIND_NONE,               /* the profile has no credentials settings */
  AM_AWS_PROFILE_KIND_ENVIRONMENT,        /* AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY */
  AM_AWS_PROFILE_KIND_ASSUME_ROLE,        /* role_arn + source_profile or credential_source */
  AM_AWS_PROFILE_KIND_SSO,                /* sso_session or sso_start_url, sso_account_id,
                                             sso_role_name */
  AM_AWS_PROFILE_KIND_STATIC,             /* aws_access_key_id + aws_secret_access_key */
  AM_AWS_PROFILE_KIND_CREDENTIAL_PROCESS, /* credential_process */
} AmAwsProfileKind;

/** am_aws_config_load: reads the files named by the process environment. */
AmAwsConfig      *am_aws_config_load                   (GError            **error);

/**
 * am_aws_config_load_with_environ:
 * @envp: (nullable): the environment to use instead of the process's (HOME, AWS_*); tests
 *   pass their own.
 */
AmAwsConfig      *am_aws_config_load_with_environ      (const char * const *envp,
                                                        GError            **error);

/**
 * am_aws_config_new_from_data:
 * @envp: (nullable): environment, %NULL for an empty one
 * @config_text: (nullable): contents of the config file
 * @config_name: how to name the config file in errors
 * @credentials_text: (nullable): contents of the credentials file
 * @credentials_name: how to name the credentials file in errors
 *
 * Parses in memory; reads no file. The fuzzers use it.
 */
AmAwsConfig      *am_aws_config_new_from_data          (const char * const *envp,
                                                        const char         *config_text,
                                                        const char         *config_name,
                                                        const char         *credentials_text,
                                                        const char         *credentials_name,
                                                        GError            **error);

/** Returns: (transfer full): profile names from both files, sorted, "default" first */
char            **am_aws_config_list_profiles          (AmAwsConfig        *self);
gboolean          am_aws_config_has_profile            (AmAwsConfig        *self,
                                                        const char         *profile_name);
/** The profile the CLI uses when none is named: AWS_PROFILE, else "default". */
const char       *am_aws_config_get_default_profile_name (AmAwsConfig      *self);

/** Returns: %TRUE when AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are both set */
gboolean          am_aws_config_has_environment_credentials (AmAwsConfig   *self);

/**
 * am_aws_config_get_value:
 * @profile_name: (nullable): %NULL for the default profile
 * @key: e.g. "region", "role_arn", or a nested "s3.max_concurrent_requests"
 * Returns: (nullable): the value, the credentials file winning over the config file
 */
const char       *am_aws_config_get_value              (AmAwsConfig        *self,
                                                        const char         *profile_name,
                                                        const char         *key);

/**
 * am_aws_config_get_section_value:
 * @section_kind: "sso-session" or "services"
 * Returns: (nullable): a value of an `[sso-session NAME]` or `[services NAME]` section
 */
const char       *am_aws_config_get_section_value      (AmAwsConfig        *self,
                                                        const char         *section_kind,
                                                        const char         *section_name,
                                                        const char         *key);

/** Returns: (nullable): an environment variable of the snapshot */
const char       *am_aws_config_getenv                 (AmAwsConfig        *self,
                                                        const char         *name);

/**
 * am_aws_config_get_region:
 * Returns: (nullable): AWS_REGION, else AWS_DEFAULT_REGION, else the profile's `region`
 */
const char       *am_aws_config_get_region             (AmAwsConfig        *self,
                                                        const char         *profile_name);

/**
 * am_aws_config_get_endpoint_url:
 * @service_id: lower-case service id, e.g. "ec2", "ssm", "sts", "sso"
 * Returns: (nullable): the endpoint override, in the CLI's order: AWS_ENDPOINT_URL_<SERVICE>,
 *   AWS_ENDPOINT_URL, the profile's `services` section `<service>.endpoint_url`, the
 *   profile's `endpoint_url`. %NULL means "derive from the region".
 */
const char       *am_aws_config_get_endpoint_url       (AmAwsConfig        *self,
                                                        const char         *profile_name,
                                                        const char         *service_id);

/**
 * am_aws_config_get_service_endpoint_url:
 * @service_id: "sso" or "sts"
 * Returns: (nullable): only the service's own override: AWS_ENDPOINT_URL_<SERVICE>, then the
 *   profile's `services` section `<service>.endpoint_url`. The credential services never
 *   follow the general AWS_ENDPOINT_URL or a profile's `endpoint_url` (meant for EC2, often a
 *   local or third-party endpoint): the SSO bearer token and the source keys go to AWS unless
 *   the user names another address for that very service.
 */
const char       *am_aws_config_get_service_endpoint_url (AmAwsConfig      *self,
                                                          const char       *profile_name,
                                                          const char       *service_id);

/**
 * am_aws_config_get_ca_bundle:
 * Returns: (nullable): the file of certificate authorities to trust: AWS_CA_BUNDLE, else the
 *   profile's `ca_bundle`; %NULL trusts the system's
 */
const char       *am_aws_config_get_ca_bundle          (AmAwsConfig        *self,
                                                        const char         *profile_name);

/**
 * am_aws_config_get_profile_kind:
 * @profile_name: (nullable): %NULL follows the default chain (environment first)
 * Returns: how the profile gets credentials; AM_AWS_PROFILE_KIND_NONE with @error set when
 *   the profile is missing or its settings are incomplete.
 */
AmAwsProfileKind  am_aws_config_get_profile_kind       (AmAwsConfig        *self,
                                                        const char         *profile_name,
                                                        GError            **error);

/** Returns: the file names the snapshot was read from (for messages) */
const char       *am_aws_config_get_config_path        (AmAwsConfig        *self);
const char       *am_aws_config_get_credentials_path   (AmAwsConfig        *self);

/**
 * am_aws_config_set_process_timeout:
 * How long a credential_process run by AmProfileResolver may take (default 60 s) before it
 * is killed.
 */
void              am_aws_config_set_process_timeout    (AmAwsConfig        *self,
                                                        guint               timeout_ms);

G_END_DECLS
