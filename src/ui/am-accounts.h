/* am-accounts.h: accounts added in Preferences (settings in GSettings, secrets in the keyring)
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

/*
 * An account typed into Preferences: its profile name, access key id, default region and an
 * optional endpoint live in the `accounts` GSettings key; its secret access key lives only in
 * the keyring, under the SecretSchema "io.github.amiable.Amiable.Account" keyed by profile name.
 */

typedef struct
{
  char *name;
  char *access_key_id;
  char *region;
  char *endpoint;   /* "" for the region's AWS endpoint */
} AmAccount;

#define AM_TYPE_ACCOUNT (am_account_get_type ())

GType              am_account_get_type             (void) G_GNUC_CONST;
AmAccount         *am_account_new                  (const char          *name,
                                                    const char          *access_key_id,
                                                    const char          *region,
                                                    const char          *endpoint);
AmAccount         *am_account_copy                 (const AmAccount     *account);
void               am_account_free                 (AmAccount           *account);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmAccount, am_account_free)

/** am_accounts_get_secret_schema: the keyring schema (attribute "profile"). */
const SecretSchema *am_accounts_get_secret_schema  (void);

/** am_accounts_list: Returns: (transfer full) (element-type AmAccount): the stored accounts */
GPtrArray         *am_accounts_list                (GSettings           *settings);
/** am_accounts_lookup: Returns: (transfer full) (nullable): the account named @name */
AmAccount         *am_accounts_lookup              (GSettings           *settings,
                                                    const char          *name);

/*
 * Validation for the Add Account form. Each returns %NULL when @value is fine, else a
 * translated sentence saying what is wrong (transfer full).
 */
char              *am_accounts_check_name          (GSettings           *settings,
                                                    const char          *name);
char              *am_accounts_check_access_key_id (const char          *access_key_id);
char              *am_accounts_check_secret        (const char          *secret);
char              *am_accounts_check_region        (const char          *region);
/** am_accounts_check_endpoint: empty is fine; else https, or http only to a loopback host */
char              *am_accounts_check_endpoint      (const char          *endpoint);

/** am_accounts_add_async: stores the secret in the keyring, then the account in @settings. */
void               am_accounts_add_async           (GSettings           *settings,
                                                    const AmAccount     *account,
                                                    const char          *secret,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean           am_accounts_add_finish          (GAsyncResult        *result,
                                                    GError             **error);
/** am_accounts_remove_async: removes the account from @settings and its secret from the keyring. */
void               am_accounts_remove_async        (GSettings           *settings,
                                                    const char          *name,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean           am_accounts_remove_finish       (GAsyncResult        *result,
                                                    GError             **error);
/** am_accounts_lookup_secret_async: reads an account's secret from the keyring. */
void               am_accounts_lookup_secret_async (const char          *name,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
/** Returns: (transfer full) (nullable): the secret (free with secret_password_free), or %NULL with @error */
char              *am_accounts_lookup_secret_finish (GAsyncResult       *result,
                                                     GError            **error);

G_END_DECLS
