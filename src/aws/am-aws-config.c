/* am-aws-config.c: the AWS CLI configuration: INI parsing, profiles, region and endpoint lookups
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-aws-config"

#include "config.h"

#include <string.h>

#include "am-aws-config-private.h"
#include "am-aws-config.h"
#include "am-aws-error.h"

#define DEFAULT_PROCESS_TIMEOUT_MS 60000
/* Files larger than this are not AWS CLI settings; refuse them instead of reading them. */
#define MAX_FILE_SIZE (4 * 1024 * 1024)

struct _AmAwsConfig
{
  GObject parent_instance;

  /* owned */
  GStrv       envp;
  char       *config_path;
  char       *credentials_path;
  GHashTable *config_profiles;       /* name → GHashTable key → value */
  GHashTable *credentials_profiles;  /* name → GHashTable key → value */
  GHashTable *sso_sessions;          /* name → GHashTable */
  GHashTable *services;              /* name → GHashTable */

  /* state */
  guint       process_timeout_ms;
};

G_DEFINE_FINAL_TYPE (AmAwsConfig, am_aws_config, G_TYPE_OBJECT)

static void
am_aws_config_finalize (GObject *object)
{
  AmAwsConfig *self = (AmAwsConfig *) object;

  g_strfreev (self->envp);
  g_free (self->config_path);
  g_free (self->credentials_path);
  g_hash_table_unref (self->config_profiles);
  g_hash_table_unref (self->credentials_profiles);
  g_hash_table_unref (self->sso_sessions);
  g_hash_table_unref (self->services);

  G_OBJECT_CLASS (am_aws_config_parent_class)->finalize (object);
}

static void
am_aws_config_class_init (AmAwsConfigClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_aws_config_finalize;
}

static GHashTable *
new_section_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) g_hash_table_unref);
}

static void
am_aws_config_init (AmAwsConfig *self)
{
  self->config_profiles = new_section_table ();
  self->credentials_profiles = new_section_table ();
  self->sso_sessions = new_section_table ();
  self->services = new_section_table ();
  self->process_timeout_ms = DEFAULT_PROCESS_TIMEOUT_MS;
}

/* Parsing */

typedef enum
{
  FILE_KIND_CONFIG,
  FILE_KIND_CREDENTIALS,
} FileKind;

static gboolean
parse_failure (GError    **error,
               const char *file_name,
               guint       line_no,
               const char *problem)
{
  g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG,
               "%s, line %u: %s. Fix or remove that line (the AWS CLI cannot read this file "
               "either).", file_name, line_no, problem);
  return FALSE;
}

/* Finds where a section's settings go, or NULL for sections the CLI ignores. */
static GHashTable *
target_for_section (AmAwsConfig *self,
                    FileKind     kind,
                    const char  *header,
                    char       **display_name)
{
  g_auto (GStrv) parts = NULL;
  GHashTable *table;
  const char *name;
  GHashTable *values;

  if (kind == FILE_KIND_CREDENTIALS)
    {
      table = self->credentials_profiles;
      name = header;
    }
  else
    {
      parts = g_strsplit_set (header, " \t", -1);
      {
        /* Collapse runs of blanks the way str.split() does. */
        guint n = 0;

        for (guint i = 0; parts[i] != NULL; i++)
          {
            if (*parts[i] == '\0')
              {
                g_free (parts[i]);
                continue;
              }
            parts[n++] = parts[i];
          }
        parts[n] = NULL;
      }

      if (g_strv_length (parts) == 1 && strcmp (parts[0], "default") == 0)
        {
          table = self->config_profiles;
          name = "default";
        }
      else if (g_strv_length (parts) == 2 && strcmp (parts[0], "profile") == 0)
        {
          table = self->config_profiles;
          name = parts[1];
        }
      else if (g_strv_length (parts) == 2 && strcmp (parts[0], "sso-session") == 0)
        {
          table = self->sso_sessions;
          name = parts[1];
        }
      else if (g_strv_length (parts) == 2 && strcmp (parts[0], "services") == 0)
        {
          table = self->services;
          name = parts[1];
        }
      else
        return NULL;
    }

  values = g_hash_table_lookup (table, name);
  if (values == NULL)
    {
      values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (table, g_strdup (name), values);
    }
  *display_name = g_strdup (name);
  return values;
}

static gboolean
split_setting (const char  *line,
               char       **key,
               char       **value)
{
  const char *eq = strchr (line, '=');
  const char *colon = strchr (line, ':');
  const char *delimiter;

  if (eq == NULL && colon == NULL)
    return FALSE;
  if (eq == NULL)
    delimiter = colon;
  else if (colon == NULL)
    delimiter = eq;
  else
    delimiter = MIN (eq, colon);

  *key = g_ascii_strdown (line, delimiter - line);
  g_strstrip (*key);
  *value = g_strstrip (g_strdup (delimiter + 1));
  if (**key == '\0')
    {
      g_clear_pointer (key, g_free);
      g_clear_pointer (value, g_free);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_ini (AmAwsConfig *self,
           FileKind     kind,
           const char  *text,
           gsize        length,
           const char  *file_name,
           GError     **error)
{
  g_autoptr (GHashTable) seen_headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               NULL);
  g_autoptr (GHashTable) seen_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            NULL);
  GHashTable *section = NULL;     /* NULL: an ignored section, or none yet */
  guint header_index = 0;
  gboolean in_section = FALSE;
  g_autofree char *section_name = NULL;
  g_autofree char *current_key = NULL; /* the last key of the section, for continuations */
  gboolean current_nested = FALSE;
  const char *p = text;
  const char *end = text + length;
  guint line_no = 0;

  if (!g_utf8_validate (text, (gssize) length, NULL))
    {
      const char *bad = NULL;
      guint bad_line = 1;

      g_utf8_validate (text, (gssize) length, &bad);
      for (const char *q = text; q < bad; q++)
        if (*q == '\n')
          bad_line++;
      return parse_failure (error, file_name, bad_line, "the text is not valid UTF-8");
    }

  while (p < end)
    {
      const char *eol = memchr (p, '\n', (gsize) (end - p));
      gsize raw_len = eol != NULL ? (gsize) (eol - p) : (gsize) (end - p);
      g_autofree char *line = g_strndup (p, raw_len);
      gboolean indented;
      char *stripped;

      p = eol != NULL ? eol + 1 : end;
      line_no++;

      if (strlen (line) != raw_len)
        return parse_failure (error, file_name, line_no, "the line contains a NUL byte");

      indented = line[0] == ' ' || line[0] == '\t';
      stripped = g_strstrip (line);

      if (*stripped == '\0' || *stripped == '#' || *stripped == ';')
        continue;

      if (indented && current_key != NULL)
        {
          g_autofree char *sub_key = NULL;
          g_autofree char *sub_value = NULL;

          if (section == NULL)
            continue;

          if (current_nested)
            {
              g_autofree char *full = NULL;

              if (!split_setting (stripped, &sub_key, &sub_value))
                return parse_failure (error, file_name, line_no,
                                      "a nested setting must look like “key = value”");
              full = g_strconcat (current_key, ".", sub_key, NULL);
              if (g_hash_table_contains (section, full))
                {
                  g_autofree char *problem = g_strdup_printf ("“%s” is set twice", full);

                  return parse_failure (error, file_name, line_no, problem);
                }
              g_hash_table_insert (section, g_steal_pointer (&full), g_steal_pointer (&sub_value));
            }
          else
            {
              const char *old = g_hash_table_lookup (section, current_key);
              char *joined = g_strconcat (old != NULL ? old : "", "\n", stripped, NULL);

              g_hash_table_insert (section, g_strdup (current_key), joined);
            }
          continue;
        }

      if (*stripped == '[')
        {
          gsize len = strlen (stripped);
          g_autofree char *header = NULL;

          if (stripped[len - 1] != ']')
            return parse_failure (error, file_name, line_no,
                                  "a section header must end with “]”");
          header = g_strstrip (g_strndup (stripped + 1, len - 2));
          if (*header == '\0')
            return parse_failure (error, file_name, line_no, "the section name is empty");
          if (g_hash_table_contains (seen_headers, header))
            {
              g_autofree char *problem = g_strdup_printf ("the section [%s] appears twice",
                                                          header);

              return parse_failure (error, file_name, line_no, problem);
            }
          g_hash_table_add (seen_headers, g_strdup (header));
          header_index++;

          g_clear_pointer (&section_name, g_free);
          g_clear_pointer (&current_key, g_free);
          in_section = TRUE;
          section = target_for_section (self, kind, header, &section_name);
          continue;
        }

      {
        g_autofree char *key = NULL;
        g_autofree char *value = NULL;

        if (!split_setting (stripped, &key, &value))
          return parse_failure (error, file_name, line_no,
                                "expected “key = value”, a [section] header or a comment");
        if (!in_section)
          return parse_failure (error, file_name, line_no,
                                "a setting comes before any [section] header");

        g_clear_pointer (&current_key, g_free);
        current_key = g_strdup (key);
        current_nested = *value == '\0';

        if (section == NULL)
          continue;
        /* [default] and [profile default] share a table, so duplicates are checked per
         * header rather than per table. */
        if (!g_hash_table_add (seen_keys, g_strdup_printf ("%u\n%s", header_index, key)))
          {
            g_autofree char *problem = g_strdup_printf ("“%s” is set twice in [%s]", key,
                                                        section_name);

            return parse_failure (error, file_name, line_no, problem);
          }
        g_hash_table_insert (section, g_steal_pointer (&key), g_steal_pointer (&value));
      }
    }

  return TRUE;
}

static const char *
environ_lookup (AmAwsConfig *self,
                const char  *name)
{
  const char *value = g_environ_getenv (self->envp, name);

  return value != NULL && *value != '\0' ? value : NULL;
}

static char *
expand_home (AmAwsConfig *self,
             const char  *path)
{
  const char *home = environ_lookup (self, "HOME");

  if (home == NULL)
    home = g_get_home_dir ();

  if (path[0] == '~' && (path[1] == '/' || path[1] == '\0'))
    return g_build_filename (home, path + 1, NULL);
  return g_strdup (path);
}

static AmAwsConfig *
config_new (const char * const *envp)
{
  AmAwsConfig *self = g_object_new (AM_TYPE_AWS_CONFIG, NULL);

  self->envp = envp != NULL ? g_strdupv ((char **) envp) : g_new0 (char *, 1);
  return self;
}

static gboolean
load_file (AmAwsConfig  *self,
           FileKind      kind,
           const char   *path,
           GError      **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local);
  if (info == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
          || g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
        return TRUE;
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG, "Could not read %s: %s", path,
                   local->message);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG,
                   "%s is not a regular file; the AWS CLI settings must be a text file", path);
      return FALSE;
    }
  if (g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG,
                   "%s is too large to be an AWS CLI settings file", path);
      return FALSE;
    }

  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG, "Could not read %s: %s", path,
                   local->message);
      return FALSE;
    }

  return parse_ini (self, kind, contents, length, path, error);
}

AmAwsConfig *
am_aws_config_load_with_environ (const char * const *envp,
                                 GError            **error)
{
  g_autoptr (AmAwsConfig) self = NULL;
  g_auto (GStrv) process_env = NULL;
  const char *value;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (envp == NULL)
    {
      process_env = g_get_environ ();
      envp = (const char * const *) process_env;
    }
  self = config_new (envp);

  value = environ_lookup (self, "AWS_CONFIG_FILE");
  self->config_path = expand_home (self, value != NULL ? value : "~/.aws/config");
  value = environ_lookup (self, "AWS_SHARED_CREDENTIALS_FILE");
  self->credentials_path = expand_home (self, value != NULL ? value : "~/.aws/credentials");

  if (!load_file (self, FILE_KIND_CONFIG, self->config_path, error))
    return NULL;
  if (!load_file (self, FILE_KIND_CREDENTIALS, self->credentials_path, error))
    return NULL;

  return g_steal_pointer (&self);
}

AmAwsConfig *
am_aws_config_load (GError **error)
{
  return am_aws_config_load_with_environ (NULL, error);
}

AmAwsConfig *
am_aws_config_new_from_data (const char * const *envp,
                             const char         *config_text,
                             const char         *config_name,
                             const char         *credentials_text,
                             const char         *credentials_name,
                             GError            **error)
{
  g_autoptr (AmAwsConfig) self = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = config_new (envp);
  self->config_path = g_strdup (config_name != NULL ? config_name : "config");
  self->credentials_path = g_strdup (credentials_name != NULL ? credentials_name : "credentials");

  if (config_text != NULL
      && !parse_ini (self, FILE_KIND_CONFIG, config_text, strlen (config_text), self->config_path,
                     error))
    return NULL;
  if (credentials_text != NULL
      && !parse_ini (self, FILE_KIND_CREDENTIALS, credentials_text, strlen (credentials_text),
                     self->credentials_path, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Lookups */

static int
compare_profile_names (gconstpointer a,
                       gconstpointer b)
{
  const char *name_a = *(const char * const *) a;
  const char *name_b = *(const char * const *) b;

  if (strcmp (name_a, "default") == 0)
    return strcmp (name_b, "default") == 0 ? 0 : -1;
  if (strcmp (name_b, "default") == 0)
    return 1;
  return strcmp (name_a, name_b);
}

char **
am_aws_config_list_profiles (AmAwsConfig *self)
{
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) list = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (AM_IS_AWS_CONFIG (self), NULL);

  g_hash_table_iter_init (&iter, self->config_profiles);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (names, key);
  g_hash_table_iter_init (&iter, self->credentials_profiles);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (names, key);

  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (list, g_strdup (key));
  g_ptr_array_sort (list, compare_profile_names);
  g_ptr_array_add (list, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&list), FALSE);
}

gboolean
am_aws_config_has_profile (AmAwsConfig *self,
                           const char  *profile_name)
{
  g_return_val_if_fail (AM_IS_AWS_CONFIG (self), FALSE);
  g_return_val_if_fail (profile_name != NULL, FALSE);

  return g_hash_table_contains (self->config_profiles, profile_name)
         || g_hash_table_contains (self->credentials_profiles, profile_name);
}

const char *
am_aws_config_get_default_profile_name (AmAwsConfig *self)
{
  const char *name;

  g_return_val_if_fail (AM_IS_AWS_CONFIG (self), NULL);

  name = environ_lookup (self, "AWS_PROFILE");
  if (name == NULL)
    name = environ_lookup (self, "AWS_DEFAULT_PROFILE");
  return name != NULL ? name : "default";
}

gboolean
am_aws_config_has_environment_credentials (AmAwsConfig *self)
{
  g_return_val_if_fail (AM_IS_AWS_CONFIG (self), FALSE);

  return environ_lookup (self, "AWS_ACCESS_KEY_ID") != NULL
         && environ_lookup (self, "AWS_SECRET_ACCESS_KEY") != NULL;
}

const char *
am_aws_config_get_value (AmAwsConfig *self,
                         const char  *profile_name,
                         const char  *key)
{
  GHashTable *values;
  g_autofree char *lower = NULL;
  const char *value;

  g_return_val_if_fail (AM_IS_AWS_CONFIG (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (profile_name == NULL)
    profile_name = am_aws_config_get_default_profile_name (self);
  lower = g_ascii_strdown (key, -1);

  values = g_hash_table_lookup (self->credentials_profiles, profile_name);
  if (values != NULL && (value = g_hash_table_lookup (values, lower)) != NULL && *value != '\0')
    return value;
  values = g_hash_table_lookup (self->config_profiles, profile_name);
  if (values != NULL && (value = g_hash_table_lookup (values, lower)) != NULL && *value != '\0')
    return value;
  return NULL;
}

const char *
am_aws_config_get_section_value (AmAwsConfig *self,
                                 const char  *section_kind,
                                 const char  *section_name,
                                 const char  *key)
{
  GHashTable *table;
  GHashTable *values;
  g_autofree char *lower = NULL;
  const char *value;

  g_return_val_if_fail (AM_IS_AWS_CONFIG (self), NULL);
  g_return_val_if_fail (section_kind != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (section_name == NULL)
    return NULL;
  if (strcmp (section_kind, "sso-session") == 0)
    table = self->sso_sessions;
  else if (strcmp (section_kind, "services") == 0)
    table = self->services;
  else
    g_return_val_if_reached (NULL);

  values = g_hash_table_lookup (table, section_name);
  if (values == NULL)
    return NULL;
  lower = g_ascii_strdown (key, -1);
  value = g_hash_table_lookup (values, lower);
  return value != NULL && *value != '\0' ? value : NULL;
}

const char *
am_aws_config_getenv (AmAwsConfig *self,
                      const char  *name)
{
  g_return_val_if_fail (AM_IS_AWS_CONFIG (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return environ_lookup (self, name);
}

const char *
am_aws_config_get_region (AmAwsConfig *self,
                          const char  *profile_name)
{
  const char *region;

  g_return_val_if_fail (AM_IS_AWS_CONFIG (self), NULL);

  region = environ_lookup (self, "AWS_REGION");
  if (region == NULL)
    region = environ_lookup (self, "AWS_DEFAULT_REGION");
  if (region == NULL)
    region = am_aws_config_get_value (self, profile_name, "region");
  return region;
}

static gboolean
is_true (const char *value)
{
  return value != NULL && g_ascii_strcasecmp (value, "true") == 0;
}

/* The CLI's endpoint order; @general adds AWS_ENDPOINT_URL and the profile's endpoint_url. */
static const char *
lookup_endpoint_url (AmAwsConfig *self,
                     const char  *profile_name,
                     const char  *service_id,
                     gboolean     general)
{
  g_autofree char *env_name = NULL;
  g_autofree char *services_key = NULL;
  const char *value;
  const char *services_name;

  if (is_true (environ_lookup (self, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))
      || is_true (am_aws_config_get_value (self, profile_name, "ignore_configured_endpoint_urls")))
    return NULL;

  env_name = g_strconcat ("AWS_ENDPOINT_URL_", service_id, NULL);
  for (char *p = env_name; *p != '\0'; p++)
    *p = (*p == ' ' || *p == '-') ? '_' : g_ascii_toupper (*p);
  if ((value = environ_lookup (self, env_name)) != NULL)
    return value;
  if (general && (value = environ_lookup (self, "AWS_ENDPOINT_URL")) != NULL)
    return value;

  services_name = am_aws_config_get_value (self, profile_name, "services");
  services_key = g_strconcat (service_id, ".endpoint_url", NULL);
  for (char *p = services_key; *p != '\0'; p++)
    *p = (*p == ' ' || *p == '-') ? '_' : g_ascii_tolower (*p);
  if ((value = am_aws_config_get_section_value (self, "services", services_name, services_key))
      != NULL)
    return value;

  return general ? am_aws_config_get_value (self, profile_name, "endpoint_url") : NULL;
}

const char *
am_aws_config_get_endpoint_url (AmAwsConfig *self,
                                const char  *profile_name,
                                const char  *service_id)
{
  g_return_val_if_fail (AM_IS_AWS_CONFIG (self), NULL);
  g_return_val_if_fail (service_id != NULL && *service_id != '\0', NULL);

  return lookup_endpoint_url (self, profile_name, service_id, TRUE);
}

const char *
am_aws_config_get_service_endpoint_url (AmAwsConfig *self,
                                        const char  *profile_name,
                                        const char  *service_id)
{
  g_return_val_if_fail (AM_IS_AWS_CONFIG (self), NULL);
  g_return_val_if_fail (service_id != NULL && *service_id != '\0', NULL);

  return lookup_endpoint_url (self, profile_name, service_id, FALSE);
}

const char *
am_aws_config_get_ca_bundle (AmAwsConfig *self,
                             const char  *profile_name)
{
  const char *value;

  g_return_val_if_fail (AM_IS_AWS_CONFIG (self), NULL);

  value = environ_lookup (self, "AWS_CA_BUNDLE");
  if (value == NULL)
    value = am_aws_config_get_value (self, profile_name, "ca_bundle");
  return value;
}

const char *
am_aws_config_get_config_path (AmAwsConfig *self)
{
  g_return_val_if_fail (AM_IS_AWS_CONFIG (self), NULL);
  return self->config_path;
}

const char *
am_aws_config_get_credentials_path (AmAwsConfig *self)
{
  g_return_val_if_fail (AM_IS_AWS_CONFIG (self), NULL);
  return self->credentials_path;
}

void
am_aws_config_set_process_timeout (AmAwsConfig *self,
                                   guint        timeout_ms)
{
  g_return_if_fail (AM_IS_AWS_CONFIG (self));
  self->process_timeout_ms = timeout_ms;
}

guint
_am_aws_config_get_process_timeout (AmAwsConfig *self)
{
  return self->process_timeout_ms;
}

const char *
_am_aws_config_get_home (AmAwsConfig *self)
{
  const char *home = environ_lookup (self, "HOME");

  return home != NULL ? home : g_get_home_dir ();
}

const char * const *
_am_aws_config_get_environ (AmAwsConfig *self)
{
  return (const char * const *) self->envp;
}

/* Classification: how a profile gets its credentials, read from the files alone */

static gboolean
has (AmAwsConfig *config,
     const char  *profile,
     const char  *key)
{
  return am_aws_config_get_value (config, profile, key) != NULL;
}

static gboolean
is_sso_profile (AmAwsConfig *config,
                const char  *profile)
{
  return has (config, profile, "sso_session") || has (config, profile, "sso_start_url")
         || has (config, profile, "sso_account_id") || has (config, profile, "sso_role_name");
}

AmAwsProfileKind
_am_aws_config_classify (AmAwsConfig *config,
                         const char  *profile,
                         gboolean     as_source,
                         const char  *chained_from,
                         GError     **error)
{
  gboolean has_key = has (config, profile, "aws_access_key_id");
  gboolean has_secret = has (config, profile, "aws_secret_access_key");

  if (!am_aws_config_has_profile (config, profile))
    {
      if (chained_from != NULL)
        g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG,
                     "The profile “%s” names source_profile = %s, but %s has no such profile; "
                     "fix source_profile or add the profile", chained_from, profile,
                     am_aws_config_get_config_path (config));
      else
        g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                     "The profile “%s” is not in %s or %s; add it with `aws configure "
                     "--profile %s`", profile, am_aws_config_get_config_path (config),
                     am_aws_config_get_credentials_path (config), profile);
      return AM_AWS_PROFILE_KIND_NONE;
    }

  /* A role profile that is its own source uses its own keys for the first hop. */
  if (has (config, profile, "role_arn")
      && !(as_source && g_strcmp0 (am_aws_config_get_value (config, profile, "source_profile"),
                                   profile) == 0 && has_key))
    {
      gboolean has_source = has (config, profile, "source_profile");
      gboolean has_credential_source = has (config, profile, "credential_source");

      if (!has_source && !has_credential_source && has (config, profile, "web_identity_token_file"))
        {
          g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG,
                       "The profile “%s” uses web_identity_token_file, which Amiable cannot "
                       "use; choose a profile with keys, a role with source_profile, or IAM "
                       "Identity Center", profile);
          return AM_AWS_PROFILE_KIND_NONE;
        }
      if (has_source == has_credential_source)
        {
          g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG,
                       "The profile “%s” has role_arn and needs exactly one of source_profile "
                       "or credential_source (in %s)", profile,
                       am_aws_config_get_config_path (config));
          return AM_AWS_PROFILE_KIND_NONE;
        }
      return AM_AWS_PROFILE_KIND_ASSUME_ROLE;
    }

  if (is_sso_profile (config, profile))
    {
      const char *session = am_aws_config_get_value (config, profile, "sso_session");
      const char *missing = NULL;

      if (!has (config, profile, "sso_account_id"))
        missing = "sso_account_id";
      else if (!has (config, profile, "sso_role_name"))
        missing = "sso_role_name";
      else if (session != NULL)
        {
          if (am_aws_config_get_section_value (config, "sso-session", session, "sso_start_url")
              == NULL)
            missing = "sso_start_url (in its [sso-session] section)";
          else if (am_aws_config_get_section_value (config, "sso-session", session, "sso_region")
                   == NULL)
            missing = "sso_region (in its [sso-session] section)";
        }
      else if (!has (config, profile, "sso_start_url"))
        missing = "sso_start_url or sso_session";
      else if (!has (config, profile, "sso_region"))
        missing = "sso_region";

      if (missing != NULL)
        {
          g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG,
                       "The IAM Identity Center profile “%s” has no %s (in %s); run `aws "
                       "configure sso --profile %s`", profile, missing,
                       am_aws_config_get_config_path (config), profile);
          return AM_AWS_PROFILE_KIND_NONE;
        }
      return AM_AWS_PROFILE_KIND_SSO;
    }

  if (has_key || has_secret)
    {
      if (!has_key || !has_secret)
        {
          g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG,
                       "The profile “%s” has %s but no %s; add the missing key or remove "
                       "the other", profile,
                       has_key ? "aws_access_key_id" : "aws_secret_access_key",
                       has_key ? "aws_secret_access_key" : "aws_access_key_id");
          return AM_AWS_PROFILE_KIND_NONE;
        }
      return AM_AWS_PROFILE_KIND_STATIC;
    }

  if (has (config, profile, "credential_process"))
    return AM_AWS_PROFILE_KIND_CREDENTIAL_PROCESS;

  g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
               "The profile “%s” has no credentials (no keys, credential_process, role_arn or "
               "IAM Identity Center settings); run `aws configure --profile %s`",
               profile, profile);
  return AM_AWS_PROFILE_KIND_NONE;
}

gboolean
_am_aws_config_environment_credentials_state (AmAwsConfig  *config,
                                              gboolean     *present,
                                              GError      **error)
{
  gboolean key = am_aws_config_getenv (config, "AWS_ACCESS_KEY_ID") != NULL;
  gboolean secret = am_aws_config_getenv (config, "AWS_SECRET_ACCESS_KEY") != NULL;

  *present = key || secret;
  if (key != secret)
    {
      g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                   "%s is set but %s is not; set both environment variables or neither",
                   key ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY",
                   key ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID");
      return FALSE;
    }
  if (*present && am_aws_config_getenv (config, "AWS_CREDENTIAL_EXPIRATION") != NULL)
    {
      const char *text = am_aws_config_getenv (config, "AWS_CREDENTIAL_EXPIRATION");
      g_autoptr (GDateTime) expiration = g_date_time_new_from_iso8601 (text, NULL);

      /* Taking an unreadable time as "never expires" would keep using dead keys. */
      if (expiration == NULL)
        {
          g_set_error (error, AM_AWS_ERROR, AM_AWS_ERROR_CONFIG,
                       "AWS_CREDENTIAL_EXPIRATION is “%s”, which is not an ISO 8601 time such "
                       "as 2026-01-31T12:00:00Z; correct it or unset it", text);
          return FALSE;
        }
    }
  return TRUE;
}

AmAwsProfileKind
am_aws_config_get_profile_kind (AmAwsConfig  *self,
                                const char   *profile_name,
                                GError      **error)
{
  g_return_val_if_fail (AM_IS_AWS_CONFIG (self), AM_AWS_PROFILE_KIND_NONE);
  g_return_val_if_fail (error == NULL || *error == NULL, AM_AWS_PROFILE_KIND_NONE);

  if (profile_name == NULL)
    {
      gboolean present;

      if (!_am_aws_config_environment_credentials_state (self, &present, error))
        return AM_AWS_PROFILE_KIND_NONE;
      if (present)
        return AM_AWS_PROFILE_KIND_ENVIRONMENT;
      profile_name = am_aws_config_get_default_profile_name (self);
    }

  return _am_aws_config_classify (self, profile_name, FALSE, NULL, error);
}
