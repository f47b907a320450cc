/* am-mfa-dialog.h: asks for a one-time MFA code when a profile's role needs one
 * Copyright 2026 The Amiable authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/**
 * am_mfa_dialog_prompt:
 * @user_data: (nullable): the GtkWindow the dialog is transient for
 *
 * An AmMfaPromptFunc: shows an AdwMessageDialog with an entry for the six-digit code and
 * completes @task with the code, or with G_IO_ERROR_CANCELLED when the user declines or
 * @cancellable is cancelled.
 */
void          am_mfa_dialog_prompt     (const char   *profile_name,
                                        const char   *mfa_serial,
                                        GCancellable *cancellable,
                                        GTask        *task,
                                        gpointer      user_data);

/** am_mfa_dialog_code_is_valid: Returns: %TRUE for exactly six ASCII digits */
gboolean      am_mfa_dialog_code_is_valid (const char *code);

G_END_DECLS
