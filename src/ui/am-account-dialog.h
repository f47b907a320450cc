/* am-account-dialog.h: the Add Account dialog of Preferences
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AM_TYPE_ACCOUNT_DIALOG (am_account_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmAccountDialog, am_account_dialog, AM, ACCOUNT_DIALOG, AdwWindow)

/*
 * Asks for a profile name, access key id, secret, default region and optional endpoint,
 * validates each as it is typed, and on Add stores the account (secret in the keyring).
 * Emits "account-added" with the profile name, then closes.
 */
AmAccountDialog *am_account_dialog_new (GtkWindow *parent);

G_END_DECLS
