/* am-accounts.c: accounts added in Preferences (settings in GSettings, secrets in the keyring)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "am-accounts"

#include "config.h"

#include <glib/gi18n.h>

#include "am-accounts.h"
#include "am-aws-error.h"
#include "am-endpoint.h"
#include "am-session.h"

#define ACCOUNTS_KEY "accounts"

G_DEFINE_BOXED_TYPE (AmAccount, am_account, am_account_copy, am_account_free)

AmAccount *
am_account_new (const char *name,
                const char *access_key_id,
                const char *region,
                const char *endpoint)
{
  AmAccount *account = g_new0 (AmAccount, 1);

  account->name = g_strdup (name ? name : "");
  account->access_key_id = g_strdup (access_key_id ? access_key_id : "");
  account->region = g_strdup (region ? region : "");
  account->endpoint = g_strdup (endpoint ? endpoint : "");

  return account;
}

AmAccount *
am_account_copy (const AmAccount *account)
{
  g_return_val_if_fail (account != NULL, NULL);

  return am_account_new (account->name, account->access_key_id, account->region, account->endpoint);
}

void
am_account_free (AmAccount *account)
{
  if (account == NULL)
    return;

  g_free (account->name);
  g_free (account->access_key_id);
  g_free (account->region);
  g_free (account->endpoint);
  g_free (account);
}

const SecretSchema *
am_accounts_get_secret_schema (void)
{
  static const SecretSchema schema = {
    "io.github.amiable.Amiable.Account", SECRET_SCHEMA_NONE,
    {
      { "profile", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

GPtrArray *
am_accounts_list (GSettings *settings)
{
  g_autoptr (GVariant) value = NULL;
  GPtrArray *accounts;
  GVariantIter iter;
  const char *name;
  const char *key_id;
  const char *region;
  const char *endpoint;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) am_account_free);
  value = g_settings_get_value (settings, ACCOUNTS_KEY);
  g_variant_iter_init (&iter, value);
  while (g_variant_iter_next (&iter, "(&s&s&s&s)", &name, &key_id, &region, &endpoint))
    g_ptr_array_add (accounts, am_account_new (name, key_id, region, endpoint));

  return accounts;
}

AmAccount *
am_accounts_lookup (GSettings  *settings,
                    const char *name)
{
  g_autoptr (GPtrArray) accounts = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  if (name == NULL)
    return NULL;

  accounts = am_accounts_list (settings);
  for (guint i = 0; i < accounts->len; i++)
    {
      AmAccount *account = g_ptr_array_index (accounts, i);

      if (g_strcmp0 (account->name, name) == 0)
        return am_account_copy (account);
    }

  return NULL;
}

static void
am_accounts_save (GSettings *settings,
                  GPtrArray *accounts)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ssss)"));
  for (guint i = 0; i < accounts->len; i++)
    {
      AmAccount *account = g_ptr_array_index (accounts, i);

      g_variant_builder_add (&builder, "(ssss)", account->name, account->access_key_id,
                             account->region, account->endpoint);
    }
  g_settings_set_value (settings, ACCOUNTS_KEY, g_variant_builder_end (&builder));
}

/* Validation */

char *
am_accounts_check_name (GSettings  *settings,
                        const char *name)
{
  g_autoptr (AmAccount) existing = NULL;

  if (name == NULL || *name == '\0')
    return g_strdup (_("Enter a name for the account."));
  if (strlen (name) > 64)
    return g_strdup (_("The name is too long: use at most 64 characters."));
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-_.@+=", *p) == NULL)
      return g_strdup (_("Use only letters, digits and - _ . @ + = in the name."));
  if (g_ascii_strcasecmp (name, AM_SESSION_SANDBOX_PROFILE) == 0)
    return g_strdup (_("“Sandbox” is the built-in profile: choose another name."));
  if (settings != NULL && (existing = am_accounts_lookup (settings, name)) != NULL)
    return g_strdup_printf (_("An account named “%s” already exists."), name);

  return NULL;
}

char *
am_accounts_check_access_key_id (const char *access_key_id)
{
  gsize len;

  if (access_key_id == NULL || *access_key_id == '\0')
    return g_strdup (_("Enter the access key ID (it starts with AKIA)."));
  len = strlen (access_key_id);
  for (const char *p = access_key_id; *p != '\0'; p++)
    if (!g_ascii_isupper (*p) && !g_ascii_isdigit (*p))
      return g_strdup (_("An access key ID has only capital letters and digits, like AKIAIOSFODNN7EXAMPLE."));
  if (len < 16 || len > 128)
    return g_strdup (_("An access key ID is 16 to 128 characters long, usually 20."));

  return NULL;
}

char *
am_accounts_check_secret (const char *secret)
{
  if (secret == NULL || *secret == '\0')
    return g_strdup (_("Enter the secret access key that came with the access key ID."));
  for (const char *p = secret; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || !g_ascii_isprint (*p))
      return g_strdup (_("The secret access key cannot contain spaces: check what was pasted."));
  if (strlen (secret) < 16)
    return g_strdup (_("The secret access key is too short: it is usually 40 characters long."));

  return NULL;
}

char *
am_accounts_check_region (const char *region)
{
  gboolean dash = FALSE;

  if (region == NULL || *region == '\0')
    return g_strdup (_("Choose a region, for example eu-west-1."));
  for (const char *p = region; *p != '\0'; p++)
    {
      if (*p == '-')
        dash = TRUE;
      else if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p))
        return g_strdup (_("A region name has lower-case letters, digits and dashes, like eu-west-1."));
    }
  if (!dash || region[0] == '-' || strlen (region) > 32)
    return g_strdup (_("A region name has lower-case letters, digits and dashes, like eu-west-1."));

  return NULL;
}

char *
am_accounts_check_endpoint (const char *endpoint)
{
  g_autoptr (GUri) uri = NULL;
  const char *scheme;
  const char *path;

  if (endpoint == NULL || *endpoint == '\0')
    return NULL;

  uri = g_uri_parse (endpoint, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return g_strdup (_("Enter a whole address, like https://ec2.example.com."));
  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") == 0)
    {
      /* The network code's own test: 127.0.0.1.nip.io is a name, not this computer. */
      if (!am_endpoint_is_loopback_host (g_uri_get_host (uri)))
        return g_strdup (_("Plain http is only allowed to this computer (127.0.0.1 or localhost): use https."));
    }
  else if (g_ascii_strcasecmp (scheme, "https") != 0)
    return g_strdup (_("The address must start with https://."));
  if (g_uri_get_userinfo (uri) != NULL || g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    return g_strdup (_("The address cannot contain a user name, a query (?) or a fragment (#)."));
  path = g_uri_get_path (uri);
  if (path != NULL && *path != '\0' && strcmp (path, "/") != 0)
    return g_strdup (_("Give only the scheme, host and port, without a path."));

  return NULL;
}

/* Add */

typedef struct
{
  GSettings *settings;
  AmAccount *account;
} AddData;

static void
add_data_free (AddData *data)
{
  g_clear_object (&data->settings);
  g_clear_pointer (&data->account, am_account_free);
  g_free (data);
}

static void
am_accounts_add_stored_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  AddData *data = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) accounts = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                                 _("Could not save the secret access key in your keyring: %s. "
                                   "Check that the keyring (GNOME Keyring or KeePassXC) is running and unlocked."),
                                 error->message);
      return;
    }

  accounts = am_accounts_list (data->settings);
  for (guint i = 0; i < accounts->len; i++)
    if (g_strcmp0 (((AmAccount *) g_ptr_array_index (accounts, i))->name, data->account->name) == 0)
      g_ptr_array_remove_index (accounts, i--);
  g_ptr_array_add (accounts, am_account_copy (data->account));
  am_accounts_save (data->settings, accounts);
  g_debug ("Added account %s (key %s)", data->account->name, data->account->access_key_id);

  g_task_return_boolean (task, TRUE);
}

void
am_accounts_add_async (GSettings           *settings,
                       const AmAccount     *account,
                       const char          *secret,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *label = NULL;
  AddData *data;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (account != NULL && account->name != NULL);
  g_return_if_fail (secret != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_accounts_add_async);
  data = g_new0 (AddData, 1);
  data->settings = g_object_ref (settings);
  data->account = am_account_copy (account);
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);

  /* Translators: the keyring item's label; %s is the account's profile name */
  label = g_strdup_printf (_("Amiable: AWS account “%s”"), account->name);
  secret_password_store (am_accounts_get_secret_schema (), SECRET_COLLECTION_DEFAULT, label, secret,
                         cancellable, am_accounts_add_stored_cb, g_steal_pointer (&task),
                         "profile", account->name,
                         NULL);
}

gboolean
am_accounts_add_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_accounts_add_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Remove */

static void
am_accounts_remove_cleared_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;

  /* FALSE without an error means there was no secret to remove: fine. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_FAILED,
                                 _("The account was removed, but its secret could not be deleted from "
                                   "your keyring: %s. Delete it with Passwords and Keys (Seahorse)."),
                                 error->message);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
am_accounts_remove_async (GSettings           *settings,
                          const char          *name,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GPtrArray) accounts = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (name != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_accounts_remove_async);

  accounts = am_accounts_list (settings);
  for (guint i = 0; i < accounts->len; i++)
    if (g_strcmp0 (((AmAccount *) g_ptr_array_index (accounts, i))->name, name) == 0)
      g_ptr_array_remove_index (accounts, i--);
  am_accounts_save (settings, accounts);

  secret_password_clear (am_accounts_get_secret_schema (), cancellable,
                         am_accounts_remove_cleared_cb, g_steal_pointer (&task),
                         "profile", name,
                         NULL);
}

gboolean
am_accounts_remove_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_accounts_remove_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Lookup */

static void
am_accounts_lookup_secret_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  const char *name = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  char *secret;

  secret = secret_password_lookup_finish (result, &error);
  if (secret != NULL)
    {
      g_task_return_pointer (task, secret, (GDestroyNotify) secret_password_free);
      return;
    }

  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (error != NULL)
    g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                             _("Could not read the secret of account “%s” from your keyring: %s. "
                               "Unlock the keyring and try again."),
                             name, error->message);
  else
    g_task_return_new_error (task, AM_AWS_ERROR, AM_AWS_ERROR_NO_CREDENTIALS,
                             _("The secret access key of account “%s” is not in your keyring. "
                               "Remove the account in Preferences and add it again."),
                             name);
}

void
am_accounts_lookup_secret_async (const char          *name,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (name != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_accounts_lookup_secret_async);
  g_task_set_task_data (task, g_strdup (name), g_free);

  secret_password_lookup (am_accounts_get_secret_schema (), cancellable,
                          am_accounts_lookup_secret_cb, g_steal_pointer (&task),
                          "profile", name,
                          NULL);
}

char *
am_accounts_lookup_secret_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_accounts_lookup_secret_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
